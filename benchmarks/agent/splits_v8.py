"""The test split, version 8 (``splits/test8.jsonl``): held out from 2026-12-01 (its provenance).

Written after v7 was scored once and so spent, by v7's rules and in its proportions (126 calls: the same flows, the
same count per flow and the same kinds of call and expected outcome), blind to the agent (nobody who wrote it read
``agent/`` or ``tools/``, nor how the agent answered v7 or any other split, nor any run's output), from what v1, v2,
v3, v4, v5, v6, v7 and dev did not use:

- wording: SGD and MultiWOZ user turns that no earlier split followed (each call's ``source`` names the turn),
  rewritten for our one hotel in the source's style, with the fillers, self-corrections, holidays, weekdays,
  ordinals, ranges and spelled-out numbers of real callers. SGD turns named "SGD <split> <dialogue> turn <n>" are
  from single-service Hotels_1-4 dialogues of google-research-datasets/dstc8-schema-guided-dialogue
  (``<split>/dialogues_NNN.json``, commit e852981, the repository's newest snapshot brought here with the ``fetch``
  tool, as for v7); the MultiWOZ turns are ones of ``../shared/data/dialogues/hotel_turns.jsonl`` no split had
  followed. Housekeeping, late check-out and speak-to-a-person calls (and a breakfast and a check-out-time question
  and three look-ups of another guest's booking) have no source turn and are written "SGD style", in phrasings no
  split had;
- out of scope: CLINC150's next 40 ``oos_test`` utterances after v7's, idx 330-373 of clinc/oos-eval
  ``data/data_full.json`` (commit 828f809), verbatim, leaving out four a hotel could take for a request of its own
  (``CLINC_OOS_V8_LEFT_OUT``);
- new names, phone numbers (+880 1518…, 1522…, 1563…), codes and eight new days (``DAYS``).

``make_splits.py`` renders and checks it with v1, v2, v3, v4, v5, v6, v7 and dev (``python -m
benchmarks.agent.make_splits --check``).
"""

from __future__ import annotations

from typing import Any

from benchmarks.agent.make_splits import (
    _plus,
    booking,
    call,
    calls_of,
    in_room,
    known_guest,
    mine,
    other_guest,
    room_type_of,
)

V8 = 8
HEADER_V8 = ("FROZEN test split v{v}: held out from 2026-12-01; never tune on it, never run the agent on it or look "
             "at how the agent answers it before its one scored run (use dev.jsonl, or test.jsonl, test2.jsonl, "
             "test3.jsonl, test4.jsonl, test5.jsonl, test6.jsonl and test7.jsonl: spent). Written by "
             "benchmarks/agent/splits_v8.py via make_splits.py.")

# The hotel's day of each call (10:00 hotel time): every day of the week, none of v1's-v7's or dev's.
MON8 = "2027-01-04"  # the first Monday of the year: "next weekend" reads two ways; "tuesday next week" is the 12th
TUE8 = "2026-12-15"  # Christmas ahead: "thursday next week" is Christmas Eve; "after christmas" runs into 2027
WED8 = "2027-02-24"  # four days before the end of a 28-day February: "the 1st" and "a week today" are in March
THU8 = "2026-11-26"  # the last Thursday of November: "the 1st" and "tuesday next week" are December's
FRI8 = "2026-12-25"  # Christmas Day: "boxing day" is tomorrow; "next monday" reads two ways; "the 2nd" is 2027's
SAT8 = "2027-02-13"  # the day before Valentine's Day: "the 1st" is March's; "friday" is the 19th
SUN8 = "2026-11-01"  # the first of November: "the 2nd of this month" is tomorrow; "this wednesday" is the 4th
FRI8B = "2027-04-30"  # the last day of April: "tomorrow", "the 1st of next month" and "the 14th" are in May
DAYS = (MON8, TUE8, WED8, THU8, FRI8, SAT8, SUN8, FRI8B)

OTHERS_V8 = [
    {"name": "Guadalupe Zubiri", "phone": "+8801522407316", "room_type": "DLX", "code": "TEPD22"},
    {"name": "Torvald Fjeldstad", "phone": "+8801522418853", "room_type": "STD", "code": "PXAG9A"},
    {"name": "Folake Amankwah", "phone": "+8801522426094", "room_type": "FAM", "code": "DWUNVA"},
]

# CLINC150 oos_test (clinc/oos-eval data/data_full.json, commit 828f809), idx 330-373, verbatim.
CLINC_OOS_V8 = (
    (330, "how do i learn more about linguistics"),
    (331, "what kind of paint do makeup artists use"),
    (332, "the bus moves with tyre"),
    (333, "how the bus moves"),
    (334, "what are some good resources to learn about mental illness"),
    (335, "are people with a mental illness eligible for disability"),
    (336, "how many people suffer from mental illness"),
    (337, "how can i get help for my mental health"),
    (338, "what's trending now"),
    (339, "what's the first romantic movie ever made"),
    (340, 'when was the term "zombie" first used'),
    (341, "what kind of traits do vampires have"),
    (342, "what do mummies eat"),
    (343, "send information on flood clean up to my phone"),
    (344, "what's the cost of buying a sump pump"),
    (345, "recommend a flood clean up service"),
    (346, "what is the safest model of airplane to fly in"),
    (347, "what year was the first airplane built in"),
    (348, "what's the best reviewed local roof repair place"),
    (350, "give me a suggestion for roofers"),
    (351, "where can i buy new shingles"),
    (352, "what's the safest pet to be around toddlers"),
    (353, "why is my dog vomiting after eating"),
    (354, "tiger"),
    (355, "what's the average rent of apartments in my city"),
    (358, "what's the highest building in the world"),
    (359, "where is the closest architecture college"),
    (360, "where can i submit my architecture plans"),
    (361, "who is the best architecture"),
    (362, "please give me a listing of all the bottled water brands in the area"),
    (363, "what are the lowest prices of bottled water at costco"),
    (364, "how do they filter pollutants out of bottled water"),
    (366, "what's the cost to have a business card printed"),
    (367, "when can i get a business card printed locally"),
    (368, "what to use to design my business cards"),
    (369, "download all the photos off my phone into the cloud"),
    (370, "tell me about that kind of cameras"),
    (371, "how much is the new nikon camera"),
    (372, "what kind of camera should i buy"),
    (373, "how much candy have i consumed this week"),
)
# Left out: a hotel could take each for a request of its own (a room upgrade, a place to stay nearby and its price,
# a bottle of water from the room's minibar).
CLINC_OOS_V8_LEFT_OUT = (
    (349, "what's the best type of plan to upgrade to"),
    (356, "are there any apartments for rent nearby"),
    (357, "what are apartment prices now"),
    (365, "what's the cost of bottled water"),
)


def _in_room(index: int, today: str, room: str, *, offset: int, nights: int) -> dict[str, Any]:
    return in_room(OTHERS_V8, index, today, room, offset=offset, nights=nights)


def test8_split() -> list[dict[str, Any]]:  # noqa: PLR0915 (one long list of calls is the clearest form)
    items, add = calls_of("t8", OTHERS_V8)

    p = iter(f"+8801518{400000 + i * 71:06d}" for i in range(200))

    # -- book (26) -------------------------------------------------------------------------------------------
    add("book", "SGD train 26_00065 turn 4 (BookHouse: The check-out date should be the 13th of this month.)", TUE8,
        next(p),
        "Hiya, I'd like to come in tomorrow, and um, the check-out date should be the nineteenth of this month. "
        "Is that doable?",
        replies={"guests": "Just the one, me.", "room_type": "Standard's fine, nothing fancy.",
                 "name": "Shirin Golshani",
                 "yes": "Yep, spot on."},
        given=("dates",), date_phrases=("tomorrow, and um, the check-out date should be the nineteenth of this month",),
        other=0, expect=booking("2026-12-16", "2026-12-19", 1, "STD", "Shirin Golshani"))
    add("book", "SGD train 34_00012 turn 12 (BookHouse: I'd like to check in later today if possible. I'd be staying "
        "until the 12th.)", FRI8B, next(p),
        "I'd like to check in later today if possible, I'd be staying until the 2nd, so two nights. There's two "
        "of us.",
        replies={"room_type": "The deluxe one, please.", "name": "Benedek Farkas", "yes": "Yes, perfect."},
        given=("dates", "guests"), date_phrases=("check in later today if possible, i'd be staying until the 2nd",),
        other=1, expect=booking("2027-04-30", "2027-05-02", 2, "DLX", "Benedek Farkas"))
    add("book", "SGD train 43_00082 turn 2 (ReserveHotel: I would like to check into The Marmara Park Avenue this "
        "Saturday for 8 days.)", MON8, next(p),
        "Good morning. I would like to check in with you this Saturday for eight nights, er, that's the 9th. I'm "
        "on a contract job across town.",
        replies={"guests": "Only myself.", "room_type": "The cheapest room you've got.", "name": "Ruairi Breathnach",
                 "yes": "That's right, yes."},
        given=("dates",), date_phrases=("this saturday for eight nights, er, that's the 9th",), other=2,
        expect=booking("2027-01-09", "2027-01-17", 1, "STD", "Ruairi Breathnach"))
    add("book", "SGD test 11_00020 turn 4 (BookHouse: This house sounds great. Book me this house for March 3rd.)",
        WED8, next(p),
        "Your place sounds great from the website. Book me in for March 3rd, please, two nights, me and a "
        "colleague.",
        replies={"room_type": "Two standard beds is fine, the standard room.", "name": "Kalani Akana",
                 "yes": "Great, yes."},
        given=("dates", "guests"), date_phrases=("for march 3rd, please, two nights",), other=0,
        expect=booking("2027-03-03", "2027-03-05", 2, "STD", "Kalani Akana"))
    add("book", "SGD train 41_00060 turn 10 (ReserveHotel: Check in on the 4th of this month and check out on the 9th "
        "of March.)", THU8, next(p),
        "Check in on the 4th of next month and check out on the 9th of December, a family room for three, under "
        "the name Sebastien Thibodeau.",
        replies={"yes": "Oui, yes, correct."},
        given=("dates", "room_type", "guests", "name"),
        date_phrases=("check in on the 4th of next month and check out on the 9th of december",), other=1,
        expect=booking("2026-12-04", "2026-12-09", 3, "FAM", "Sebastien Thibodeau"))
    add("book", "SGD dev 6_00069 turn 14 (ReserveHotel: On 2nd of this month I need 1 room.)", SUN8, next(p),
        "On the 2nd of this month I need one room, so that's tomorrow, for the one night only.",
        replies={"guests": "Just myself.", "room_type": "Whatever's least expensive.", "name": "Rustam Nazarov",
                 "yes": "Yes, thank you."},
        given=("dates",), date_phrases=("on the 2nd of this month i need one room, so that's tomorrow",), other=2,
        expect=booking("2026-11-02", "2026-11-03", 1, "STD", "Rustam Nazarov"))
    add("book", "SGD test 11_00028 turn 6 (BookHouse: Yes. I'll check out on the 11th of March.) + a correction",
        SAT8, next(p),
        "Yes, hello, we'd be arriving Saturday the 6th, no, hang on, Sunday the 7th of March, and I'll check out "
        "on the 11th.",
        replies={"guests": "Two adults.", "room_type": "A room with a king bed, please.",
                 "name": "Jurgita Petrauskiene",
                 "yes": "Yes, that's it."},
        given=("dates",),
        date_phrases=("saturday the 6th, no, hang on, sunday the 7th of march, and i'll check out on the 11th",),
        other=0, expect=booking("2027-03-07", "2027-03-11", 2, ["DLX", "STE"], "Jurgita Petrauskiene"))
    add("book", "SGD train 26_00075 turn 4 (BookHouse: There are 3 people. I want to check out on the 14th of March)",
        WED8, next(p),
        "There are 3 people, two grown-ups and our little one. We want to arrive on the first and check out on "
        "the 4th of March.",
        replies={"room_type": "A family room, I'd think.", "name": "Ebru Kaplan", "yes": "Yes, lovely."},
        given=("dates", "guests"), date_phrases=("arrive on the first and check out on the 4th of march",), other=1,
        expect=booking("2027-03-01", "2027-03-04", 3, "FAM", "Ebru Kaplan"))
    add("book", "SGD train 41_00114 turn 4 (ReserveHotel: I will be leaving on 9th of March.)", FRI8, next(p),
        "Merry Christmas! Sorry to bother you today. I'd like a room from boxing day, and I will be leaving on the "
        "29th. Just me.",
        replies={"room_type": "A standard, please.", "name": "Takumi Hayashida", "yes": "Yes, that's right."},
        given=("dates", "guests"), date_phrases=("from boxing day, and i will be leaving on the 29th",), other=2,
        expect=booking("2026-12-26", "2026-12-29", 1, "STD", "Takumi Hayashida"))
    add("book", "SGD train 34_00078 turn 10 (BookHouse: I want to check out on the 13th of March.)", THU8, next(p),
        "Hi, um, I want to check in on Tuesday the 1st and check out on Thursday the 3rd, in a deluxe, for two "
        "people.",
        replies={"name": "Dariusz Wojcik", "yes": "Yes, that's correct."},
        given=("dates", "room_type", "guests"),
        date_phrases=("check in on tuesday the 1st and check out on thursday the 3rd",), other=0,
        expect=booking("2026-12-01", "2026-12-03", 2, "DLX", "Dariusz Wojcik"))
    add("book", "SGD train 26_00053 turn 2 (BookHouse: I will be staying in San Diego. I need the check-in day for "
        "today and check-out on the 9th of March.)", MON8, next(p),
        "I'll be staying in town for a trade fair. I need the check-in day for today and check-out on Thursday, "
        "the 7th.",
        replies={"guests": "One, just me.", "room_type": "Deluxe, if you have it.", "name": "Aroha Ngata",
                 "yes": "Yes, thanks."},
        given=("dates",), date_phrases=("check-in day for today and check-out on thursday, the 7th",), other=1,
        expect=booking("2027-01-04", "2027-01-07", 1, "DLX", "Aroha Ngata"))
    add("book", "SGD train 34_00055 turn 16 (BookHouse: No check in is next Thursday and check out is March 11th.)",
        SUN8, next(p),
        "Hello, so, check in is next Thursday and check out is November 8th, the Sunday. Two people.",
        replies={"room_type": "The standard queen.", "name": "Iacopo Bellandi", "yes": "Si, yes."},
        given=("dates", "guests"),
        date_phrases=("check in is next thursday and check out is november 8th, the sunday",), other=2,
        expect=booking("2026-11-05", "2026-11-08", 2, "STD", "Iacopo Bellandi"))
    add("book", "SGD train 34_00070 turn 12 (BookHouse: Yeah, I'd like to make a reservation, with my check-in on the "
        "1st of this month.)", FRI8B, next(p),
        "Yeah, I'd like to make a reservation, with my check-in on the 1st of next month, which I suppose is "
        "tomorrow, for three nights. Three of us, in a family room.",
        replies={"name": "Nomvula Khumalo", "yes": "Yeah, that's it."},
        given=("dates", "room_type", "guests"),
        date_phrases=("check-in on the 1st of next month, which i suppose is tomorrow, for three nights",), other=0,
        expect=booking("2027-05-01", "2027-05-04", 3, "FAM", "Nomvula Khumalo"))
    add("book", "SGD train 42_00055 turn 10 (ReserveHotel: Can I check in March 4th, staying for 3 nights.)", SAT8,
        next(p),
        "Can I check in February 26th, staying for three nights? That's a Friday. Me and my husband, in the suite "
        "if it's free.",
        replies={"name": "Soraya Benali", "yes": "Yes please."},
        given=("dates", "room_type", "guests"), date_phrases=("check in february 26th, staying for three nights",),
        other=1, expect=booking("2027-02-26", "2027-03-01", 2, "STE", "Soraya Benali"))
    add("book", "SGD train 41_00088 turn 14 (ReserveHotel: I want to check in on Thursday next week and check out on "
        "the 13th.)", TUE8, next(p),
        "I want to check in on Thursday next week and check out on the 27th, for two. Christmas with the in-laws, "
        "so we'd rather have our own room, ha.",
        replies={"room_type": "Something with a king bed.", "name": "Vusi Mahlangu", "yes": "Yes, that's us."},
        given=("dates", "guests"),
        date_phrases=("check in on thursday next week and check out on the 27th",), other=2,
        expect=booking("2026-12-24", "2026-12-27", 2, ["DLX", "STE"], "Vusi Mahlangu"))
    add("book", "SGD dev 6_00049 turn 4 (ReserveHotel: Okay, that sounds good. I want to check in on the 7th of this "
        "month.) + a correction", MON8, next(p),
        "Okay, that sounds good. I want to check in on the 7th of this month, no wait, the 8th, the Friday, and "
        "leave on the Sunday.",
        replies={"guests": "Two of us.", "room_type": "A standard room.", "name": "Ayesha Siddiqa",
                 "yes": "Yes, that sounds good."},
        given=("dates",),
        date_phrases=("the 7th of this month, no wait, the 8th, the friday, and leave on the sunday",),
        other=0, expect=booking("2027-01-08", "2027-01-10", 2, "STD", "Ayesha Siddiqa"))
    add("book", "SGD test 1_00097 turn 6 (ReserveHotel: Yes, I need to 2 rooms. I'll be staying for three days. I'm "
        "looking to check in on 1st of this month.)", SUN8, next(p),
        "Hi, I'll be staying for three nights, I'm looking to check in today, the 1st, and there's four of us. "
        "Family room please, the booking's for Pavol Hruska.",
        replies={"yes": "Yes, correct."},
        given=("dates", "guests", "room_type", "name"),
        date_phrases=("three nights, i'm looking to check in today, the 1st",), other=1,
        expect=booking("2026-11-01", "2026-11-04", 4, "FAM", "Pavol Hruska"))
    add("book", "SGD train 34_00068 turn 8 (BookHouse: We are checking out on the 13th. There are three people.)",
        FRI8, next(p),
        "We'd be arriving on new year's eve and we are checking out on the 2nd. There are three people.",
        replies={"room_type": "Whatever sleeps three.", "name": "Bronagh Devlin", "yes": "Grand, yes."},
        given=("dates", "guests"), date_phrases=("arriving on new year's eve and we are checking out on the 2nd",),
        other=2, expect=booking("2026-12-31", "2027-01-02", 3, ["FAM", "STE"], "Bronagh Devlin"))
    add("book", "SGD train 41_00126 turn 4 (ReserveHotel: That sounds great! Could you help me make a reservation for "
        "one room on the March 4th?)", THU8, next(p),
        "That sounds great! Could you help me make a reservation for one room on December the 11th, for the "
        "weekend, leaving Sunday? It's for me and my mum.",
        replies={"room_type": "The standard one.", "name": "Tenzing Sherpa", "yes": "Yes, thank you."},
        given=("dates", "guests"),
        date_phrases=("on december the 11th, for the weekend, leaving sunday",), other=0,
        expect=booking("2026-12-11", "2026-12-13", 2, "STD", "Tenzing Sherpa"))
    add("book", "SGD test 1_00104 turn 8 (ReserveHotel: I want to book it from the 1st and I need it for four days.)",
        SAT8, next(p),
        "I want to book a room from the 1st and I need it for four nights, through to the Friday.",
        replies={"guests": "It's only me.", "room_type": "A deluxe.", "name": "Gwendolyn Pryce", "yes": "Yes."},
        given=("dates",), date_phrases=("from the 1st and i need it for four nights, through to the friday",),
        other=1, expect=booking("2027-03-01", "2027-03-05", 1, "DLX", "Gwendolyn Pryce"))
    add("book", "SGD dev 6_00082 turn 16 (ReserveHotel: Make it next Monday.)", FRI8B, next(p),
        "Could I get a room for next Monday? Make it two nights. It's just me, on business.",
        replies={"room_type": "Standard is fine.", "name": "Arvid Lundgren", "yes": "Yes, go ahead."},
        given=("dates", "guests"), date_phrases=("for next monday? make it two nights",), other=2,
        expect=booking("2027-05-03", "2027-05-05", 1, "STD", "Arvid Lundgren",
                       alternatives=(("2027-05-10", "2027-05-12"),)))
    add("book", "SGD test 1_00094 turn 10 (ReserveHotel: I'd like to check in on Tuesday next week.)", MON8, next(p),
        "I'd like to check in on Tuesday next week, for, um, five nights. Two adults, and the deluxe king, please.",
        replies={"name": "Mehrunnisa Begum", "yes": "Yes, that is right."},
        given=("dates", "guests", "room_type"), date_phrases=("tuesday next week, for, um, five nights",), other=0,
        expect=booking("2027-01-12", "2027-01-17", 2, "DLX", "Mehrunnisa Begum"))
    add("book", "MultiWOZ SNG01262 turn 4 (book_hotel: It does n't matter as long as I can book it for 2 people and 2 "
        "nights starting Thursday .)", TUE8, next(p),
        "It does n't matter which room as long as I can book it for 2 people and 2 nights starting Thursday .",
        replies={"room_type": "Any of them , the cheapest then .", "name": "Faisal Yeasmin", "yes": "Yes ."},
        given=("dates", "guests"), date_phrases=("2 nights starting thursday",), other=1,
        expect=booking("2026-12-17", "2026-12-19", 2, ["STD", "DLX", "FAM", "STE"], "Faisal Yeasmin"))
    add("book", "MultiWOZ SNG01784 turn 4 (book_hotel: Sure . please book for 1 person for 4 nights starting on "
        "friday .)", SAT8, next(p),
        "Hello . please book a standard room for 1 person for 4 nights starting on friday , the name is Nilufar "
        "Dabrowski .",
        replies={"yes": "Yes , that is right ."},
        given=("dates", "room_type", "guests", "name"), date_phrases=("4 nights starting on friday",), other=2,
        expect=booking("2027-02-19", "2027-02-23", 1, "STD", "Nilufar Dabrowski"))
    phone = next(p)
    add("book", "SGD train 34_00026 turn 10 (BookHouse: Yes I would love to check on Saturday this week.) + returning "
        "guest", THU8, phone,
        "Hello again, you've had me to stay before. I would love to check in on Saturday this week, two nights, "
        "the standard room like always.",
        replies={"guests": "Just me again.", "yes": "Yes, that's me."},
        setup=[known_guest("Branislav Iannuzzi", phone)], given=("dates", "room_type"),
        date_phrases=("check in on saturday this week, two nights",), other=0,
        expect=booking("2026-11-28", "2026-11-30", 1, "STD", "Branislav Iannuzzi"))
    phone = next(p)
    add("book", "SGD train 26_00069 turn 4 (BookHouse: My check out date will be the 11th of this month. I am going to "
        "KL. I will be checking in next Monday. There are 2 people in my group.) + returning guest", FRI8, phone,
        "It's us again, we came in the spring. I will be checking in next Monday and my check out date will be "
        "the 30th. There are 2 people in my group, the deluxe please.",
        replies={"yes": "Yes, that's us."},
        setup=[known_guest("Svetlana Cuthbertson", phone)], given=("dates", "guests", "room_type"),
        date_phrases=("checking in next monday and my check out date will be the 30th",), other=1,
        expect=booking("2026-12-28", "2026-12-30", 2, "DLX", "Svetlana Cuthbertson"))

    # -- change dates or guests (10, 2 of them another guest's booking) ---------------------------------------
    Change = tuple[str, str, str, dict[str, str], tuple[str, str, str, str, str, int], tuple[str, ...], dict[str, Any]]
    changes: list[Change] = [
        ("SGD train 34_00071 turn 14 (BookHouse: I need to check out the 9th of March. And actually, I'd like to "
         "check in on March 1st. Sorry about that.)", WED8,
         "It's about my booking. I still need to check out on the 9th of March, but actually, I'd like to check in "
         "on March 1st instead of the 3rd. Sorry about that.",
         {"yes": "Yes, from the 1st."},
         ("Ikaika Kealoha", "MC9XP5", "STD", "2027-03-03", "2027-03-09", 1),
         ("check in on march 1st instead of the 3rd",), {"check_in": "2027-03-01", "check_out": "2027-03-09"}),
        ("SGD train 42_00028 turn 18 (ReserveHotel: Actually no, I'll be staying for three days starting on the 5th "
         "of March.)", FRI8B,
         "Hello, it's about my room next week. Actually I'll be staying for three nights starting on the 5th, not "
         "two, if there's space.",
         {"yes": "Yes, three nights."},
         ("Leilani Kahananui", "BHWEGD", "DLX", "2027-05-05", "2027-05-07", 2),
         ("three nights starting on the 5th, not two",), {"check_in": "2027-05-05", "check_out": "2027-05-08"}),
        ("SGD train 41_00031 turn 6 (ReserveHotel: I changed my mind, I'd like the room for 1 day.)", SUN8,
         "I changed my mind about my booking on Friday the 13th, I'd like the room for one night only, not three.",
         {"yes": "Yes, just the Friday night."},
         ("Tadhg Mulcahy", "2HX3ZS", "STD", "2026-11-13", "2026-11-16", 1),
         ("my booking on friday the 13th", "one night only, not three"),
         {"check_in": "2026-11-13", "check_out": "2026-11-14"}),
        ("SGD train 34_00044 turn 10 (BookHouse: Please change the dates from Saturday this week to the 12th.)", TUE8,
         "Hi there. Please change the dates of my booking from Saturday this week to Christmas Eve, still the two "
         "nights.",
         {"yes": "Yes, from the 24th."},
         ("Siobhan Tierney", "SY6ZBS", "DLX", "2026-12-19", "2026-12-21", 2),
         ("from saturday this week to christmas eve, still the two nights",),
         {"check_in": "2026-12-24", "check_out": "2026-12-26"}),
        ("SGD train 34_00007 turn 14 (BookHouse: No, actually I want to stay until March 13th.)", THU8,
         "Hi, it's about my booking from tomorrow. Actually I want to stay until the 2nd of December now, the "
         "Wednesday, if that's alright.",
         {"yes": "Yes, until the 2nd."},
         ("Bjarke Lundgren", "2AAVM3", "STD", "2026-11-27", "2026-11-29", 1),
         ("my booking from tomorrow", "stay until the 2nd of december now, the wednesday"),
         {"check_in": "2026-11-27", "check_out": "2026-12-02"}),
        ("MultiWOZ SNG01290 turn 6 (book_hotel: Perhaps starting sunday instead ?)", SAT8,
         "I have a room booked for 2 nights from tuesday . Perhaps starting sunday instead , the 14th ? Same 2 "
         "nights .",
         {"yes": "Yes , from sunday ."},
         ("Agnieszka Szymanski", "A87SLP", "DLX", "2027-02-16", "2027-02-18", 2),
         ("2 nights from tuesday", "starting sunday instead , the 14th"),
         {"check_in": "2027-02-14", "check_out": "2027-02-16"}),
        ("SGD train 26_00109 turn 6 (BookHouse: That is not correct. I am actually going to San Diego and there will "
         "only be 1 person.)", FRI8,
         "Hello, my booking for the 27th says two guests and that is not correct, there will only be one person, "
         "my friend can't make it now.",
         {"yes": "Yes, one person."},
         ("Olufemi Arrieta", "FVR3XQ", "STD", "2026-12-27", "2026-12-29", 2),
         ("my booking for the 27th",), {"guests": 1}),
    ]
    for source, today, opening, replies, (name, code, room_type, ci, co, guests), phrases, new in changes:
        phone = next(p)
        add("change", source, today, phone, opening, replies=replies,
            setup=[mine(name, phone, code, room_type, ci, co, guests)], date_phrases=phrases, other=len(items),
            expect={"kind": "changed", "code": code, **new})
    phone = next(p)
    add("change", "SGD test 11_00002 turn 10 (NONE: No. That will be all for now. Thank you.) + two bookings", TUE8,
        phone,
        "I've got two bookings with you, and the one just after Christmas needs to end a night later, on the 31st "
        "instead of the 30th. That will be all for now, thank you.",
        replies={"which": "The December one.", "code": "I haven't got them on me, sorry.",
                 "yes": "Yes, out on the 31st."},
        setup=[mine("Anwen Kazlauskas", phone, "NSCQMV", "DLX", "2026-12-28", "2026-12-30"),
               mine("Anwen Kazlauskas", phone, "PUY4MV", "DLX", "2027-01-22", "2027-01-24")],
        date_phrases=("the one just after christmas", "on the 31st instead of the 30th"), other=2,
        expect={"kind": "changed", "code": "NSCQMV", "check_in": "2026-12-28", "check_out": "2026-12-31",
                "untouched": ["PUY4MV"]})
    add("change", "SGD train 43_00067 turn 8 (NONE: No thanks, that's all I needed.) / another guest's", WED8,
        next(p),
        "I'm calling for my boss, Guadalupe Zubiri, could you move her booking a day earlier? No codes or anything, "
        "that's all I needed.",
        replies={"code": "No, I don't have it.", "yes": "yes"}, other=0,
        expect={"kind": "untouched", "codes": ["TEPD22"]})
    add("change", "SGD train 40_00111 turn 10 (NONE: No, that is all. Thank you.) / another guest's, a wrong code",
        SUN8, next(p),
        "hello, please add one more night to Torvald Fjeldstad's booking, the reference is P X A G nine four. that "
        "is all, thank you",
        replies={"code": "P X A G 9 4", "yes": "yes"}, given=("code",), other=1,
        expect={"kind": "untouched", "codes": ["PXAG9A"]})

    # -- cancel (10, 2 of them another guest's booking) ------------------------------------------------------
    cancels = [
        ("SGD test 1_00035 turn 6 (NONE: I do not wish to book right now; that's all.)", THU8,
         "I don't wish to keep my booking for the 4th of December any more, please cancel it; that's all.",
         "Yes, cancel it please.",
         ("Hamza Ishikawa", "GUQ45N", "STD", "2026-12-04", "2026-12-06"), ("my booking for the 4th of december",)),
        ("SGD dev 6_00042 turn 18 (NONE: No, that'll be all. I appreciate it.)", MON8,
         "Could you cancel my stay on the 22nd, the Friday? Plans fell through. That'll be all, I appreciate it.",
         "Yes, that one.",
         ("Nemanja Petrovic", "HWL75M", "DLX", "2027-01-22", "2027-01-24"), ("my stay on the 22nd, the friday",)),
        ("SGD dev 6_00074 turn 22 (NONE: Nothing. I appreciate it very much.)", FRI8,
         "Sorry to ring on Christmas Day. Our flight's been cancelled, so can you cancel our room for new year's "
         "eve too? I appreciate it very much.",
         "Yes, please cancel it.",
         ("Kestutis Vilkas", "B4QEG3", "FAM", "2026-12-31", "2027-01-02"), ("our room for new year's eve",)),
        ("SGD test 11_00037 turn 16 (NONE: No, thanks a lot. not for now)", SAT8,
         "hi, i booked for next weekend, the 19th, but we're not coming now, so cancel it please, thanks a lot",
         "yes, cancel it",
         ("Aigerim Zhakenov", "VYAS4A", "STD", "2027-02-19", "2027-02-21"), ("next weekend, the 19th",)),
        ("SGD train 42_00033 turn 22 (NONE: No thank you, that was all)", FRI8B,
         "Hello, I need to call off my reservation for Friday the 14th of May, nothing else, thank you, that was "
         "all.",
         "Yes, the 14th.",
         ("Nurlan Tursunov", "YML7LW", "DLX", "2027-05-14", "2027-05-16"), ("friday the 14th of may",)),
        ("SGD dev 6_00052 turn 20 (NONE: Not now. Thanks again for the help.)", SUN8,
         "um, hi, the booking I made for this Wednesday, the 4th, I need to cancel it, sorry. Thanks again for the "
         "help.",
         "Yes please.",
         ("Dilnoza Rakhimov", "EK24NC", "STD", "2026-11-04", "2026-11-06"), ("this wednesday, the 4th",)),
    ]
    for source, today, opening, yes, (name, code, room_type, check_in, check_out), phrases in cancels:
        phone = next(p)
        add("cancel", source, today, phone, opening, replies={"yes": yes},
            setup=[mine(name, phone, code, room_type, check_in, check_out)], date_phrases=phrases,
            other=len(items), expect={"kind": "cancelled", "code": code})
    phone = next(p)
    add("cancel", "SGD train 26_00098 turn 10 (NONE: Nope, thank you for all your help.) + two bookings, code said",
        TUE8, phone,
        "I've two rooms booked, could you cancel just the one with the code H 3 T, then 6 W 8? Keep the other. "
        "Thank you for all your help.",
        replies={"code": "H 3 T 6 W 8", "yes": "Yes, only H 3 T 6 W 8."}, given=("code",),
        setup=[mine("Sardor Batbayar", phone, "H3T6W8", "STD", "2027-01-08", "2027-01-10"),
               mine("Sardor Batbayar", phone, "ESDYTS", "STD", "2027-02-05", "2027-02-07")],
        other=0, expect={"kind": "cancelled", "code": "H3T6W8", "untouched": ["ESDYTS"]})
    phone = next(p)
    add("cancel", "SGD train 41_00005 turn 14 (NONE: Nope, that's it. Thanks a lot.) + two bookings, told by the stay",
        WED8, phone,
        "Please cancel the stay I've got in March, the April one's still going ahead. That's it, thanks a lot.",
        replies={"which": "The one in March.", "yes": "Yes, the March one."},
        setup=[mine("Temuulen Ganbold", phone, "H4MRNT", "DLX", "2027-03-05", "2027-03-07"),
               mine("Temuulen Ganbold", phone, "RRWTTP", "DLX", "2027-04-09", "2027-04-11")],
        date_phrases=("the stay i've got in march", "the april one's still going ahead"), other=1,
        expect={"kind": "cancelled", "code": "H4MRNT", "untouched": ["RRWTTP"]})
    add("cancel", "SGD train 34_00052 turn 14 (NONE: No thank you and I appreciate your help.) / another guest's",
        FRI8B, next(p),
        "Hello, my cousin Folake Amankwah asked me to cancel her room, she's had to fly home. I appreciate your "
        "help.",
        replies={"code": "No, she never gave me one.", "yes": "yes"},
        other=2, expect={"kind": "untouched", "codes": ["DWUNVA"]})
    add("cancel", "SGD train 34_00057 turn 18 (NONE: Nothing. I appreciate that help that you gave to me.) / another "
        "guest's, a wrong code", MON8, next(p),
        "cancel Guadalupe Zubiri's booking please, the code's T E P D two three",
        replies={"code": "T E P D 2 3", "yes": "yes"}, given=("code",),
        other=0, expect={"kind": "untouched", "codes": ["TEPD22"]})

    # -- find my booking (8, 3 of them another guest's) ------------------------------------------------------
    finds = [
        ("SGD test 1_00062 turn 10 (NONE: For now we're set and squared away, but thanks for all your help)", TUE8,
         "For now we're set and squared away for the holidays, but which day do we check out after Christmas? I've "
         "gone and lost the email.",
         ("Ahanu Etxeberria", "TCMERD", "FAM", "2026-12-23", "2026-12-27"), ()),
        ("SGD train 26_00074 turn 14 (NONE: Nothing as of now. Again Thanks for helping me out.)", SUN8,
         "Nothing to change as of now, I just can't find my confirmation. What dates is my room for this month? "
         "Thanks for helping me out.",
         ("Makoa Kealoha", "MZNUUF", "STD", "2026-11-20", "2026-11-22"), ()),
        ("SGD train 42_00014 turn 20 (NONE: No, that will be all for now. Thanks a lot!)", FRI8B,
         "Is my booking in May for two nights or three? I honestly can't remember. That will be all for now, "
         "thanks a lot!",
         ("Noelani Fifita", "3PA3D8", "DLX", "2027-05-20", "2027-05-23"), ("my booking in may",)),
        ("SGD train 42_00036 turn 22 (NONE: No, you have been very helpful)", WED8,
         "You've been very helpful before, so, when exactly does my stay in March start? I've got the 12th written "
         "down but I'm not sure.",
         ("Viliami Tupou", "WTMFNW", "STD", "2027-03-11", "2027-03-14"), ("my stay in march",)),
        ("SGD test 10_00091 turn 8 (NONE: No,not now.That's all for now.)", THU8,
         "Hi, not booking anything new, I just want to check I've got a room with you for the weekend of the 5th, "
         "and which nights it's for. That's all for now.",
         ("Losaline Havili", "AYHFCM", "DLX", "2026-12-04", "2026-12-06"), ("the weekend of the 5th",)),
    ]
    for source, today, opening, (name, code, room_type, check_in, check_out), phrases in finds:
        phone = next(p)
        add("find", source, today, phone, opening, replies={"yes": "Yes, that's mine."},
            setup=[mine(name, phone, code, room_type, check_in, check_out)], date_phrases=phrases,
            other=len(items), expect={"kind": "said_booking", "code": code})
    add("find", "SGD style (a tour guide checking a client's arrival) / another guest's", MON8, next(p),
        "Good morning, I'm the tour guide for Mr Torvald Fjeldstad, he's booked with you. Could you give me his "
        "arrival date so I can plan the pick-up?",
        replies={"code": "No, I've not got his booking number."}, other=1,
        expect={"kind": "nothing_revealed", "codes": ["PXAG9A"]})
    add("find", "SGD style (an old colleague wanting to leave a gift) / another guest's", SAT8, next(p),
        "Hiya, an old colleague of mine, Folake Amankwah, is staying with you, I want to leave a gift at the desk. "
        "When's she checking in?",
        replies={"code": "I don't have anything like that."}, other=2,
        expect={"kind": "nothing_revealed", "codes": ["DWUNVA"]})
    add("find", "SGD style (a driver sent to collect a guest) / another guest's", FRI8, next(p),
        "I'm the driver booked to collect a Guadalupe Zubiri from your hotel, what day does her stay end, do you "
        "know?",
        replies={"code": "No code, sorry, just the name."}, other=0,
        expect={"kind": "nothing_revealed", "codes": ["TEPD22"]})

    # -- housekeeping (8, 1 for another guest's room) --------------------------------------------------------
    hk = [
        ("SGD style / the room tidied while they are out, room said", SAT8,
         "Morning, we're heading out for the day, could someone give the room a tidy while we're gone? It's 105.",
         "105", "105", ["stayover_clean"]),
        ("SGD style / more towels, the kids use them all, the room said in words", FRI8,
         "Hi, could we get a couple more towels? The kids keep using them all. We're in two oh three.",
         "Two oh three.", "203", ["towels"]),
        ("SGD style / a spare toothbrush and toothpaste", MON8,
         "Hello, silly question, I've left my toothbrush at home, would you have a spare one, and maybe some "
         "toothpaste?",
         "Room 308.", "308", ["amenities"]),
        ("SGD style / a cot for a baby, room said", WED8,
         "We've got the baby with us tonight, could a cot be put in room 409 for her?", "409", "409", ["extra_bed"]),
        ("SGD style / the room made up for the evening, turndown", SUN8,
         "Could you do the evening turndown for us tonight, maybe around nine? We're out to dinner until then.",
         "It's five oh two.", "502", ["turndown"]),
        ("SGD style / extra hangers and pillows, room said", THU8,
         "Any chance of some more coat hangers, and two spare pillows as well? We're in 111.", "111",
         "111", ["amenities"]),
        ("SGD style / the room cleaned and fresh towels after a spill, room said", TUE8,
         "Sorry, we've knocked a cup of coffee over, could someone come and clean up and bring fresh towels? I'm "
         "in 406.", "406", "406", ["stayover_clean", "towels"]),
    ]
    hk_guests = [("Ayita Moriyama", "CP59MC"), ("Vaclav Lazarevic", "6GPUJM"), ("Dragana Jankovic", "FSSU2M"),
                 ("Jiwoo Trinh", "HA6T56"), ("Mosese Taufa", "BN5FNU"), ("Enkhbat Tsogt", "WWV9G9"),
                 ("Salote Moengangongo", "UMHLSM")]
    for (source, today, opening, room_reply, room, kinds), (name, code) in zip(hk, hk_guests, strict=True):
        phone = next(p)
        add("housekeeping", source, today, phone, opening,
            replies={"room": room_reply, "yes": "Yes please, cheers."},
            setup=[mine(name, phone, code, room_type_of(room), _plus(today, -1), _plus(today, 2), 1,
                        status="checked_in", room=room)],
            given=("room",) if room in opening else (), other=len(items),
            expect={"kind": "housekeeping", "room": room, "task_types": kinds})
    add("housekeeping", "SGD style / a clean for a room that is not the caller's", FRI8B, next(p),
        "Hi, my parents are in 212 and they'd like the room cleaned this afternoon, could you send someone round?",
        replies={"room": "212", "yes": "yes"},
        setup=[_in_room(1, FRI8B, "212", offset=-1, nights=3)],
        given=("room",), expect={"kind": "no_request", "room": "212"})

    # -- late check-out (6, 1 for another guest's room) ------------------------------------------------------
    late = [
        ("SGD style / late check-out, an evening flight, four o'clock", TUE8,
         "My flight home isn't till the evening tomorrow, any chance of staying put in the room till four?",
         "Room 104.", "104", "Four o'clock."),
        ("SGD style / late check-out with room, two o'clock on Boxing Day", FRI8,
         "Merry Christmas! We're in 306, could we stay on till two tomorrow afternoon, after the big lunch today?",
         "306", "306", "Two o'clock."),
        ("SGD style / late check-out after a wedding, half one", SAT8,
         "We were at a wedding last night, is there any way we can hang on to the room tomorrow until half one?",
         "Two ten.", "210", "Half past one."),
        ("SGD style / late check-out with room, a conference call at eleven, 2 pm", MON8,
         "I've a call at eleven tomorrow that'll run over, could I keep 505 until 2 pm instead of the usual?",
         "505", "505", "2 pm."),
        ("SGD style / late check-out, the room said in words, a quarter past one", WED8,
         "I'm in four oh one, and if possible I'd like a later check-out tomorrow, say a quarter past one?",
         "401.", "401", "A quarter past one."),
    ]
    late_guests = [("Haeun Huynh", "LN8DRX"), ("Quang Kwon", "FNM7RF"), ("Milena Kralj", "DT3SHV"),
                   ("Krzysztof Zielinski", "9L3WML"), ("Ruta Horvat", "JR3ZEN")]
    for (source, today, opening, room_reply, room, time), (name, code) in zip(late, late_guests, strict=True):
        phone = next(p)
        add("late_checkout", source, today, phone, opening,
            replies={"room": room_reply, "time": time, "yes": "Yes, brilliant."},
            setup=[mine(name, phone, code, room_type_of(room), _plus(today, -2), _plus(today, 1), 1,
                        status="checked_in", room=room)],
            given=("room",) if room in opening else (), other=len(items),
            expect={"kind": "late_checkout", "code": code})
    add("late_checkout", "SGD style / late check-out for a room that is not the caller's", SUN8, next(p),
        "My son's in room 309, he's asked if he can have the room till three tomorrow, could you sort that for him?",
        replies={"room": "309", "yes": "yes"},
        setup=[_in_room(0, SUN8, "309", offset=-2, nights=3)],
        given=("room",), expect={"kind": "no_late_checkout", "codes": ["TEPD22"]})

    # -- hotel facts, prices included (10) -------------------------------------------------------------------
    facts = [
        ("SGD train 42_00056 turn 4 (SearchHotel: That sounds nice, do you have the contact number by chance?)",
         THU8, "That sounds nice, do you have a contact number by chance, one that goes straight to the desk?",
         "phone"),
        ("SGD dev 6_00058 turn 6 (SearchHotel: What's their street address?)", MON8,
         "Hi, what's your street address? I need it for the taxi app.", "address"),
        ("MultiWOZ SNG01262 turn 0 (find_hotel: I am looking for a place to stay . The hotel should include free "
         "wifi and should include free parking)", SAT8,
         "I am after a place to stay for a week . Is there free wifi in the rooms ? I need it for video calls .",
         "wifi"),
        ("SGD style / what time breakfast is served", FRI8B,
         "When's breakfast on from and till, and do we pay extra for it?", "breakfast"),
        ("SGD style / the check-out time", TUE8, "Um, by what time do we have to be out on our last "
         "morning? When's check-out normally?", "check_out_time"),
        ("MultiWOZ SNG01692 turn 0 (find_hotel: I am   looking for a place to stay . The hotel should be in the "
         "type of guesthouse and should include free parking)", WED8,
         "Hello , I need somewhere to stay and I 'll have the car . Is there parking for guests , and is it free ?",
         "parking"),
        ("SGD train 40_00100 turn 8 (ReserveHotel: Yes, I can confirm you that. Is the hotel pet friendly?)", SUN8,
         "Quick one, is the hotel pet friendly? We've a small cat who travels with us.", "pets"),
    ]
    for source, today, opening, topic in facts:
        add("facts", source, today, next(p), opening, other=len(items), expect={"kind": "fact", "topic": topic})
    add("facts", "SGD train 42_00043 turn 10 (SearchHotel: Please tell its address and its costs per night?)", FRI8,
        next(p),
        "Please tell me what the standard room costs, the 28th to the 30th, for one person?",
        replies={"yes": "yes"}, given=("dates", "room_type", "guests"),
        date_phrases=("the 28th to the 30th",), other=0,
        expect={"kind": "quote", "room_type": "STD", "check_in": "2026-12-28", "check_out": "2026-12-30",
                "guests": 1})
    add("facts", "SGD test 11_00022 turn 10 (BookHouse: Correct, what's the total price.)", WED8, next(p),
        "What's the total price for the suite, the 6th and 7th of March, two nights, for the two of us?",
        replies={"yes": "yes"}, given=("dates", "room_type", "guests"),
        date_phrases=("the 6th and 7th of march, two nights",), other=1,
        expect={"kind": "quote", "room_type": "STE", "check_in": "2027-03-06", "check_out": "2027-03-08",
                "guests": 2})
    add("facts", "SGD train 41_00076 turn 14 (ReserveHotel: Yes, go ahead. What's the price?) / a price into "
        "December", THU8, next(p),
        "What's the price of a family room for four of us, this Saturday till Tuesday, the 1st?",
        replies={"yes": "yes"}, given=("dates", "room_type", "guests"),
        date_phrases=("this saturday till tuesday, the 1st",), other=2,
        expect={"kind": "quote", "room_type": "FAM", "check_in": "2026-11-28", "check_out": "2026-12-01",
                "guests": 4})

    # -- speak to a person (4) and goodbye (4) -------------------------------------------------------------
    for source, today, opening in (
        ("SGD style / human (a wedding reception, the events team)", TUE8,
         "Hello, we're thinking of holding our wedding reception with you, could I be put through to whoever does "
         "events?"),
        ("SGD style / human (a charge on the card, the accounts desk)", WED8,
         "There's a charge on my card from you I don't recognise, I'd like to talk it through with someone in "
         "accounts, please."),
        ("SGD style / human (hard of hearing, a person)", SUN8,
         "Sorry, I'm a bit hard of hearing and these systems confuse me, could you get me an actual person to talk "
         "to?"),
        ("SGD style / human (the duty manager)", FRI8B, "Is the duty manager about? I'd like a word with them, "
         "it's a private matter."),
    ):
        add("person", source, today, next(p), opening, other=len(items), expect={"kind": "transfer"})
    for source, today, opening in (
        ("MultiWOZ SNG01551 turn 16 (NONE: That 's all I need . Thanks ever so much !)", SAT8,
         "Lovely , that 's everything I need . Thanks ever so much , bye !"),
        ("MultiWOZ SNG01692 turn 10 (NONE: Thanks , that 's all . good bye .)", THU8,
         "Right , thanks , that 's all from me . good bye now ."),
        ("SGD train 26_00107 turn 12 (NONE: No, thank you, that's all.)", MON8,
         "No, thank you, that's all I rang about. Take care, bye bye."),
        ("SGD test 1_00079 turn 18 (NONE: No. That will be all. Thank you!)", FRI8,
         "No, nothing more. That will be all, thank you, and merry Christmas!"),
    ):
        add("goodbye", source, today, next(p), opening, other=len(items), expect={"kind": "hangup"})

    start = len(items) + 1
    for offset, (idx, text) in enumerate(CLINC_OOS_V8):
        today = DAYS[offset % len(DAYS)]
        items.append(call("t8", start + offset, "out_of_scope", f"CLINC150 oos_test idx {idx} (oos)", today,
                          f"+8801563{500000 + offset * 31:06d}", text, expect={"kind": "out_of_scope"},
                          setup=[other_guest(OTHERS_V8, offset, today)]))
    return items
