"""The test split, version 7 (``splits/test7.jsonl``): held out from 2026-12-01 (its provenance).

Written after v6 was scored once and so spent, by v6's rules and in its proportions (126 calls: the same flows, the
same count per flow and the same kinds of call), blind to the agent (nobody who wrote it read ``agent/`` or
``tools/``, nor how the agent answered v6 or any other split, nor any run's output), from what v1, v2, v3, v4, v5,
v6 and dev did not use:

- wording: SGD and MultiWOZ user turns and CLINC150 utterances that no earlier split followed (each call's
  ``source`` names the turn), rewritten for our one hotel in the source's style, with the fillers, corrections,
  holidays, weekdays, ranges and spelled-out numbers of real callers. SGD turns named "SGD <split> <dialogue> turn
  <n>" are from single-service Hotels_1-4 dialogues of google-research-datasets/dstc8-schema-guided-dialogue
  (``<split>/dialogues_NNN.json``, commit e852981) that are not in ``../shared/data/dialogues``; the MultiWOZ turns
  are ones of ``hotel_turns.jsonl`` no split had followed; the CLINC150 ones are idx 10-29 of their intent in
  clinc/oos-eval ``data/data_full.json`` ``test`` (commit 828f809), past the ten per intent that
  ``clinc150_hotel_related.jsonl`` holds. Housekeeping, late check-out and speak-to-a-person calls (and a breakfast
  question and two look-ups of another guest's booking) have no source turn and are written "SGD style", in
  phrasings no split had;
- out of scope: CLINC150's next 40 ``oos_test`` utterances after v6's, idx 288-329 of clinc/oos-eval
  ``data/data_full.json`` (commit 828f809), verbatim, leaving out two a hotel could take for a request of its own
  (``CLINC_OOS_V7_LEFT_OUT``);
- new names, phone numbers (+880 1541…, 1576…, 1597…), codes and eight new days (``DAYS``).

``make_splits.py`` renders and checks it with v1, v2, v3, v4, v5, v6 and dev (``python -m
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

V7 = 7
HEADER_V7 = ("FROZEN test split v{v}: held out from 2026-12-01; never tune on it, never run the agent on it or look "
             "at how the agent answers it before its one scored run (use dev.jsonl, or test.jsonl, test2.jsonl, "
             "test3.jsonl, test4.jsonl, test5.jsonl and test6.jsonl: spent). Written by benchmarks/agent/splits_v7.py "
             "via make_splits.py.")

# The hotel's day of each call (10:00 hotel time): every day of the week, none of v1's-v6's or dev's.
MON7 = "2027-03-01"  # the day after a 28-day February: "the weekend of the 13th", "the 19th"; February means 2028
TUE7 = "2027-01-05"  # just after New Year: "later this month" and "the end of this month" are January; December is 2027
WED7 = "2027-03-31"  # the last day of March: "the 2nd of next month", "next week" and "friday" are in April
THU7 = "2026-10-01"  # the first of October: "next tuesday" reads two ways; "the 30th" is October's; September is 2027
FRI7 = "2027-01-01"  # New Year's Day: "the 2nd of this month" is tomorrow; "next monday" reads two ways
SAT7 = "2026-12-26"  # the day after Christmas: "new year's eve", "wednesday next week" to "the 2nd of january"
SUN7 = "2027-02-28"  # the last day of February (2027 is not a leap year): "tomorrow" and "the 3rd" are in March
TUE7B = "2027-02-09"  # Valentine's weekend ahead; "the 27th of february until the 2nd of march" crosses the 28th
DAYS = (MON7, TUE7, WED7, THU7, FRI7, SAT7, SUN7, TUE7B)

OTHERS_V7 = [
    {"name": "Evangelina Thorogood", "phone": "+8801576308142", "room_type": "DLX", "code": "C4RN9W"},
    {"name": "Maximilian Hollingworth", "phone": "+8801576319675", "room_type": "STD", "code": "GJWTR6"},
    {"name": "Sunita Deshpande", "phone": "+8801576327503", "room_type": "FAM", "code": "5FYAP7"},
]

# CLINC150 oos_test (clinc/oos-eval data/data_full.json, commit 828f809), idx 288-329, verbatim.
CLINC_OOS_V7 = (
    (288, "are you allowed to call someone a dirty name as part of free speech"),
    (289, "can you really get arrested for yelling fire in a crowded theater"),
    (290, "what amendment guarantees the freedom of speech to americans"),
    (291, "do employers have to honor freedom of speech"),
    (292, "what's the average score on a round of golf"),
    (294, "when does tiger woods play next"),
    (295, "how can i improve my golf swing"),
    (296, "are your step-parent's parents considered your grandparents"),
    (297, "what's a good gift to get for your grandparents"),
    (298, "what year did my grandparents get married"),
    (299, "fun gift ideas to give to grandparents"),
    (300, "which came first; greek mythology or roman mythology"),
    (301, "how many greek mythology characters are there"),
    (302, "who created the world in greek mythology"),
    (303, "what was hercules the god of"),
    (304, "how many harry potter books are there"),
    (305, "what is harry's real name"),
    (306, "who played ronald weasly"),
    (307, "how do you repel a bear when you're out on a hike"),
    (309, "what should i wear to hike"),
    (310, "what is the main cause of becoming homeless"),
    (311, "how many people are jobless in america"),
    (312, "how many homeless people are there"),
    (313, "where are most homeless people"),
    (314, "are indians nowadays reminiscent of a decade ago"),
    (315, "what were indians like 100 years ago"),
    (316, "how old is jennifer aniston"),
    (317, "i need tips on how to overcome insomnia"),
    (318, "how many people have insomnia"),
    (319, "what causes dyslexia"),
    (320, "is insomnia curable"),
    (321, "what are sigmund freud's most famous books"),
    (322, "what year was jane austen born"),
    (323, "where is te lawrence"),
    (324, "who is jane goodall"),
    (325, "how long does it take to get your yellow belt in karate"),
    (326, "what's the most practiced form of mma in the world"),
    (327, "what is the highest belt in karate"),
    (328, "where does jiu jitsu originate"),
    (329, "what's the proper subject verb order in japanese"),
)
# Left out: a hotel could take each for a request of its own (directions to something to do near the hotel, an
# outing to recommend).
CLINC_OOS_V7_LEFT_OUT = (
    (293, "where is the closest driving range"),
    (308, "where's the best place to hike in the rockies"),
)


def _in_room(index: int, today: str, room: str, *, offset: int, nights: int) -> dict[str, Any]:
    return in_room(OTHERS_V7, index, today, room, offset=offset, nights=nights)


def test7_split() -> list[dict[str, Any]]:  # noqa: PLR0915 (one long list of calls is the clearest form)
    items, add = calls_of("t7", OTHERS_V7)

    p = iter(f"+8801541{300000 + i * 67:06d}" for i in range(200))

    # -- book (26) -------------------------------------------------------------------------------------------
    add("book", "CLINC150 yes idx 10 (yes, that happens to be correct)", SUN7, next(p),
        "yes hello, that happens to be correct, i rang a minute ago and got cut off. i need a room from tomorrow "
        "night till thursday morning, just for me",
        replies={"room_type": "uh, the cheapest one's fine", "name": "Tahmina Hawlader", "yes": "yes that's right"},
        given=("dates", "guests"), date_phrases=("from tomorrow night till thursday morning",), other=0,
        expect=booking("2027-03-01", "2027-03-04", 1, "STD", "Tahmina Hawlader"))
    add("book", "CLINC150 yes idx 11 (that would be correct)", TUE7, next(p),
        "that would be correct, yes. so, um, we'd like the deluxe king for the fifteenth and sixteenth, me and my "
        "wife",
        replies={"name": "Imtiaz Bhuiyan", "yes": "that would be correct"},
        given=("dates", "room_type", "guests"), date_phrases=("for the fifteenth and sixteenth",), other=1,
        expect=booking("2027-01-15", "2027-01-17", 2, "DLX", "Imtiaz Bhuiyan",
                       alternatives=(("2027-01-15", "2027-01-16"),)))
    add("book", "CLINC150 yes idx 12 (thats right)", WED7, next(p),
        "thats right, a family room please, four of us, friday to monday, so the 2nd to the 5th of april",
        replies={"name": "Farhana Majumder", "yes": "thats right"},
        given=("dates", "room_type", "guests"), date_phrases=("friday to monday, so the 2nd to the 5th of april",),
        other=2, expect=booking("2027-04-02", "2027-04-05", 4, "FAM", "Farhana Majumder"))
    add("book", "CLINC150 yes idx 13 (yes, this is true)", THU7, next(p),
        "yes, this is true, we're in town for my cousin's wedding. three of us, from the 30th, two nights",
        replies={"room_type": "erm, whatever takes three people", "name": "Anwarul Mridha", "yes": "yes, this is true"},
        given=("dates", "guests"), date_phrases=("from the 30th, two nights",), other=0,
        expect=booking("2026-10-30", "2026-11-01", 3, ["FAM", "STE"], "Anwarul Mridha"))
    add("book", "CLINC150 yes idx 18 (i agree)", SAT7, next(p),
        "i agree with my husband, we'll see the new year in with you. a room for two, the thirtieth through to new "
        "year's day, we'd leave on the first",
        replies={"room_type": "the one with the king bed", "name": "Mehjabin Ferdousi", "yes": "i agree, yes"},
        given=("dates", "guests"), date_phrases=("the thirtieth through to new year's day, we'd leave on the first",),
        other=1, expect=booking("2026-12-30", "2027-01-01", 2, ["DLX", "STE"], "Mehjabin Ferdousi"))
    add("book", "CLINC150 yes idx 19 (absolutely)", FRI7, next(p),
        "absolutely, and happy new year to you. book me a standard queen for tonight and tomorrow, name's Rafiqul "
        "Talukder, it's only me",
        replies={"yes": "absolutely, yes"},
        given=("dates", "room_type", "guests", "name"), date_phrases=("for tonight and tomorrow",), other=2,
        expect=booking("2027-01-01", "2027-01-03", 1, "STD", "Rafiqul Talukder"))
    add("book", "CLINC150 greeting idx 11 (hello, how are you doing)", MON7, next(p),
        "hello, how are you doing? i'd like to book a room for the weekend of the 13th, friday and saturday night",
        replies={"guests": "two adults", "room_type": "deluxe, please", "name": "Tanvir Hasnat", "yes": "yes"},
        given=("dates",), date_phrases=("the weekend of the 13th, friday and saturday night",), other=0,
        expect=booking("2027-03-12", "2027-03-14", 2, "DLX", "Tanvir Hasnat"))
    add("book", "CLINC150 greeting idx 21 (hello there, good morning)", TUE7B, next(p),
        "hello there, good morning! it's for valentine's, can i get the suite from saturday the 13th for two nights? "
        "it's a surprise for my girlfriend",
        replies={"guests": "just the two of us", "name": "Joydeep Bhattacharjee", "yes": "yes, lovely"},
        given=("dates", "room_type"), date_phrases=("from saturday the 13th for two nights",), other=1,
        expect=booking("2027-02-13", "2027-02-15", 2, "STE", "Joydeep Bhattacharjee"))
    add("book", "CLINC150 thank_you idx 12 (thanks a million)", SUN7, next(p),
        "thanks a million for picking up. i need a room for a week starting sunday the 7th, me and my son",
        replies={"room_type": "the standard one will do", "name": "Rumana Quader", "yes": "yes, thanks"},
        given=("dates", "guests"), date_phrases=("for a week starting sunday the 7th",), other=2,
        expect=booking("2027-03-07", "2027-03-14", 2, "STD", "Rumana Quader"))
    add("book", "CLINC150 thank_you idx 22 (great, thanks!)", THU7, next(p),
        "great, thanks! could i book a deluxe king, october 16th to the 18th, just for myself",
        replies={"name": "Paromita Sengupta", "yes": "great, yes"},
        given=("dates", "room_type", "guests"), date_phrases=("october 16th to the 18th",), other=0,
        expect=booking("2026-10-16", "2026-10-18", 1, "DLX", "Paromita Sengupta"))
    add("book", "SGD dev 6_00035 turn 10 (ReserveHotel: Yes, I want to make a reservation for eight days and will be "
        "checking in on the 2nd of March.)", WED7, next(p),
        "Yes, I want to make a reservation for eight nights, I'll be checking in on the 2nd of next month.",
        replies={"guests": "Just me, it's a work trip.", "room_type": "The deluxe, please.", "name": "Camila Arbelaez",
                 "yes": "Yes, that's all correct."},
        given=("dates",), date_phrases=("eight nights, i'll be checking in on the 2nd of next month",), other=1,
        expect=booking("2027-04-02", "2027-04-10", 1, "DLX", "Camila Arbelaez"))
    add("book", "SGD dev 6_00037 turn 10 (ReserveHotel: No, I want to check in today.)", SAT7, next(p),
        "Hi, I want to check in today if you've got anything, and stay until Monday.",
        replies={"guests": "Two of us.", "room_type": "Whatever's cheapest.", "name": "Joaquin Echeverria",
                 "yes": "Yes, that's it."},
        given=("dates",), date_phrases=("check in today if you've got anything, and stay until monday",), other=2,
        expect=booking("2026-12-26", "2026-12-28", 2, "STD", "Joaquin Echeverria"))
    add("book", "SGD dev 6_00039 turn 12 (ReserveHotel: Wait no, it's just for one day starting on the 5th of this "
        "month.) + a correction", TUE7, next(p),
        "I'd like a room starting on the 8th, wait no, sorry, the 9th of this month, and it's just for one night.",
        replies={"guests": "Only me.", "room_type": "A standard queen's fine.", "name": "Haruto Kobayashi",
                 "yes": "Yeah, that's it."},
        given=("dates",), date_phrases=("starting on the 8th, wait no, sorry, the 9th of this month",), other=0,
        expect=booking("2027-01-09", "2027-01-10", 1, "STD", "Haruto Kobayashi"))
    add("book", "SGD dev 6_00052 turn 12 (ReserveHotel: Now that I think of it, I need a few days to prepare. Make the "
        "check-in date March 4th instead.)", MON7, next(p),
        "I was going to ask for tomorrow, but now that I think of it I need a few days to prepare, so check-in "
        "Thursday the 4th, three nights, for two of us.",
        replies={"room_type": "The king room, please.", "name": "Aiko Matsumura", "yes": "Yes, that's all good."},
        given=("dates", "guests"), date_phrases=("check-in thursday the 4th, three nights",), other=1,
        expect=booking("2027-03-04", "2027-03-07", 2, ["DLX", "STE"], "Aiko Matsumura"))
    add("book", "SGD dev 6_00053 turn 10 (ReserveHotel: Friday next week will be my check in date.)", TUE7B, next(p),
        "Friday next week will be my check in date, for two nights. There's three of us, me and my two daughters.",
        replies={"room_type": "A family room, please.", "name": "Bogdan Petrescu", "yes": "Yup! good."},
        given=("dates", "guests"), date_phrases=("friday next week will be my check in date, for two nights",),
        other=2, expect=booking("2027-02-19", "2027-02-21", 3, "FAM", "Bogdan Petrescu"))
    add("book", "SGD test 11_00011 turn 10 (BookHouse: Checking in tomorrow and departing on 3rd of March.)", SUN7,
        next(p), "Checking in tomorrow and departing on the 3rd, two adults, and we'd like a king bed if you have one.",
        replies={"name": "Radka Novotna", "yes": "Yes, that's correct."},
        given=("dates", "guests", "room_type"), date_phrases=("checking in tomorrow and departing on the 3rd",),
        other=0, expect=booking("2027-03-01", "2027-03-03", 2, ["DLX", "STE"], "Radka Novotna"))
    add("book", "SGD test 11_00017 turn 6 (BookHouse: I'd like to check out on March 12th and check in next "
        "Tuesday.)", THU7, next(p),
        "I'd like to check out on the 20th and check in next Tuesday, a standard room for one.",
        replies={"name": "Oksana Kovalenko", "yes": "Yes, that's right."},
        given=("dates", "room_type", "guests"), date_phrases=("check out on the 20th and check in next tuesday",),
        other=1, expect=booking("2026-10-06", "2026-10-20", 1, "STD", "Oksana Kovalenko",
                                alternatives=(("2026-10-13", "2026-10-20"),)))
    add("book", "SGD train 34_00039 turn 6 (BookHouse: Yes, can you book it for next Monday? My fiancee will be "
        "thrilled.)", FRI7, next(p),
        "Yes, could you put me down for a room next Monday, two nights? My fiancee will be thrilled.",
        replies={"guests": "The two of us.", "room_type": "The deluxe king, please.", "name": "Sindre Haugland",
                 "yes": "Yes, please."},
        given=("dates",), date_phrases=("a room next monday, two nights",), other=2,
        expect=booking("2027-01-04", "2027-01-06", 2, "DLX", "Sindre Haugland",
                       alternatives=(("2027-01-11", "2027-01-13"),)))
    add("book", "SGD train 43_00063 turn 8 (BookHouse: ... I'm planning to be there on Wednesday next week. And I'm "
        "going to leave on  March 13th.)", SAT7, next(p),
        "Ok, I'm planning to be there on Wednesday next week, and I'm going to leave on the 2nd of January. Just one "
        "person.",
        replies={"room_type": "The standard, please.", "name": "Eero Virtanen", "yes": "Ok, yes."},
        given=("dates", "guests"),
        date_phrases=("on wednesday next week, and i'm going to leave on the 2nd of january",), other=0,
        expect=booking("2026-12-30", "2027-01-02", 1, "STD", "Eero Virtanen"))
    add("book", "SGD train 41_00072 turn 10 (ReserveHotel: I will start my journey early morning but still I will be "
        "there on 5th of March.)", MON7, next(p),
        "I will start my journey early morning but still I will be there on Friday the 5th, and I'll stay till the "
        "Sunday. Can you book that?",
        replies={"guests": "Just me.", "room_type": "Cheapest one, please.", "name": "Yaw Boateng",
                 "yes": "Yup! Please do it."},
        given=("dates",), date_phrases=("there on friday the 5th, and i'll stay till the sunday",), other=1,
        expect=booking("2027-03-05", "2027-03-07", 1, "STD", "Yaw Boateng"))
    add("book", "SGD train 41_00059 turn 6 (ReserveHotel: Please book 1 room for check in tomorrow and checking out on "
        "the 13th of this month.)", TUE7, next(p),
        "Please book 1 room under the name Efosa Osagie, check in tomorrow and check out on the 13th of this month, "
        "two guests, in the family room.",
        replies={"yes": "Yes, that's correct."},
        given=("dates", "name", "guests", "room_type"),
        date_phrases=("check in tomorrow and check out on the 13th of this month",), other=2,
        expect=booking("2027-01-06", "2027-01-13", 2, "FAM", "Efosa Osagie"))
    add("book", "SGD test 11_00022 turn 8 (BookHouse: Actually, do it for the 2nd of this month for four.)", FRI7,
        next(p), "Actually, could you do a room for the 2nd of this month, for four? That's tomorrow. Three nights.",
        replies={"room_type": "The family room.", "name": "Thandiwe Dlamini", "yes": "Yes, do it."},
        given=("dates", "guests"), date_phrases=("for the 2nd of this month, for four? that's tomorrow. three nights",),
        other=0, expect=booking("2027-01-02", "2027-01-05", 4, "FAM", "Thandiwe Dlamini"))
    add("book", "MultiWOZ SNG01534 turn 18 (NONE: That is all . Thanks so much !)", WED7, next(p),
        "A standard room for 2 people , arriving the 8th , leaving the 11th , under Devika Raghunathan . That is all "
        ". Thanks so much !",
        replies={"yes": "Yes , please book it ."},
        given=("dates", "room_type", "guests", "name"), date_phrases=("arriving the 8th , leaving the 11th",), other=1,
        expect=booking("2027-04-08", "2027-04-11", 2, "STD", "Devika Raghunathan"))
    add("book", "SGD train 26_00056 turn 2 (BookHouse: Two people, staying from the 1st of March until the 2nd of "
        "March.)", TUE7B, next(p),
        "Two people, staying from the 27th of February until the 2nd of March, um, in a standard room if that's "
        "alright.",
        replies={"name": "Selin Yildirim", "yes": "Yes, that's fine."},
        given=("dates", "guests", "room_type"), date_phrases=("from the 27th of february until the 2nd of march",),
        other=2, expect=booking("2027-02-27", "2027-03-02", 2, "STD", "Selin Yildirim"))
    phone = next(p)
    add("book", "CLINC150 greeting idx 12 (hi, how are you) + returning guest", SAT7, phone,
        "hi, how are you? it's me again, we loved it last time. the family room please for next weekend, friday and "
        "saturday, four of us",
        replies={"yes": "yes, that's us"},
        setup=[known_guest("Kaveh Farahani", phone)], given=("dates", "room_type", "guests"),
        date_phrases=("for next weekend, friday and saturday",), other=0,
        expect=booking("2027-01-01", "2027-01-03", 4, "FAM", "Kaveh Farahani",
                       alternatives=(("2027-01-08", "2027-01-10"),)))
    phone = next(p)
    add("book", "SGD test 1_00108 turn 6 (ReserveHotel: I would like to check in on Sunday this week.) + returning "
        "guest", THU7, phone,
        "Hello, I've stayed with you before. I would like to check in on Sunday this week, two nights, in the deluxe "
        "king again.",
        replies={"guests": "Just me, like last time.", "yes": "Yes, that's me."},
        setup=[known_guest("Rania Khoury", phone)], given=("dates", "room_type"),
        date_phrases=("check in on sunday this week, two nights",), other=1,
        expect=booking("2026-10-04", "2026-10-06", 1, "DLX", "Rania Khoury"))

    # -- change dates or guests (10, 2 of them another guest's booking) ---------------------------------------
    Change = tuple[str, str, str, dict[str, str], tuple[str, str, str, str, str, int], tuple[str, ...], dict[str, Any]]
    changes: list[Change] = [
        ("SGD dev 6_00035 turn 12 (ReserveHotel: No. I will be staying for seven days, not eight.)", FRI7,
         "Hello, I've got eight nights booked from the 8th, but I'll be staying for seven, not eight. Can you take "
         "the last night off?",
         {"yes": "Yes, seven nights."},
         ("Giorgos Papadakis", "6WNB5D", "STD", "2027-01-08", "2027-01-16", 1),
         ("eight nights booked from the 8th",), {"check_in": "2027-01-08", "check_out": "2027-01-15"}),
        ("SGD dev 6_00045 turn 12 (ReserveHotel: Actually, I'd rather check in on the 1st of March. Also, I need 3 "
         "rooms.)", THU7,
         "Actually, I'd rather check in on the 1st of November than the 3rd, could you change my booking? Same day "
         "out.",
         {"yes": "Yes, that's all good."},
         ("Eleni Karagianni", "3DPFBE", "DLX", "2026-11-03", "2026-11-05", 2),
         ("on the 1st of november than the 3rd",), {"check_in": "2026-11-01", "check_out": "2026-11-05"}),
        ("SGD test 11_00050 turn 14 (BookHouse: Actually, now that I think about it, I would like to check out on the "
         "6th, and there are 2 people.)", SAT7,
         "Now that I think about it, I'd like to check out on the 6th, not the 4th, and there'll be 2 of us, my "
         "partner's coming too. It's my booking from the 2nd.",
         {"yes": "Yes, the 6th, and two people."},
         ("Gianluca Ferrante", "7C3UJH", "STD", "2027-01-02", "2027-01-04", 1),
         ("check out on the 6th, not the 4th", "my booking from the 2nd"),
         {"check_in": "2027-01-02", "check_out": "2027-01-06", "guests": 2}),
        ("SGD train 34_00056 turn 20 (BookHouse: No, change it to three people.)", MON7,
         "Hiya, could you change my booking for the 19th to three people? My nephew's tagging along now.",
         {"yes": "Yes, three people."},
         ("Margot Lefebvre", "2KNUNM", "FAM", "2027-03-19", "2027-03-21", 2),
         ("my booking for the 19th",), {"guests": 3}),
        ("SGD train 41_00099 turn 12 (ReserveHotel: No, sorry, I want to check out on March 4th instead.)", WED7,
         "Sorry, it's about my booking next week, I want to check out on the 10th instead of the 8th, so two more "
         "nights.",
         {"yes": "Yes, out on the 10th."},
         ("Maarten Visser", "ZBSK53", "DLX", "2027-04-06", "2027-04-08", 2),
         ("check out on the 10th instead of the 8th",), {"check_in": "2027-04-06", "check_out": "2027-04-10"}),
        ("CLINC150 yes idx 21 (yes, that's right)", TUE7B,
         "yes, that's right, it's me again. could my valentine's weekend booking move to the weekend after, same two "
         "nights?",
         {"yes": "yes, that's right"},
         ("Femke Bakker", "NJF6CU", "STE", "2027-02-13", "2027-02-15", 2),
         ("my valentine's weekend booking", "the weekend after, same two nights"),
         {"check_in": "2027-02-20", "check_out": "2027-02-22"}),
        ("SGD dev 6_00038 turn 18 (ReserveHotel: ... please change the reservation to eight days and 2 rooms as my "
         "plans are always changing.)", SUN7,
         "Hi, my plans are always changing, sorry! My reservation from the 10th, could it be two nights instead of "
         "four?",
         {"yes": "Yes, just two nights."},
         ("Astrid Nygaard", "ZL2BAA", "STD", "2027-03-10", "2027-03-14", 1),
         ("my reservation from the 10th", "two nights instead of four"),
         {"check_in": "2027-03-10", "check_out": "2027-03-12"}),
    ]
    for source, today, opening, replies, (name, code, room_type, ci, co, guests), phrases, new in changes:
        phone = next(p)
        add("change", source, today, phone, opening, replies=replies,
            setup=[mine(name, phone, code, room_type, ci, co, guests)], date_phrases=phrases, other=len(items),
            expect={"kind": "changed", "code": code, **new})
    phone = next(p)
    add("change", "SGD test 1_00112 turn 18 (NONE: No, that's all.) + two bookings", TUE7, phone,
        "I have two stays booked with you, and the one later this month needs to start a day later, on the 23rd "
        "rather than the 22nd. That's all.",
        replies={"which": "The January one.", "code": "I don't have the codes handy.", "yes": "Yes, from the 23rd."},
        setup=[mine("Catalina Restrepo", phone, "G729SN", "DLX", "2027-01-22", "2027-01-25"),
               mine("Catalina Restrepo", phone, "5YR3G6", "DLX", "2027-02-18", "2027-02-20")],
        date_phrases=("the one later this month", "on the 23rd rather than the 22nd"), other=2,
        expect={"kind": "changed", "code": "G729SN", "check_in": "2027-01-23", "check_out": "2027-01-25",
                "untouched": ["5YR3G6"]})
    add("change", "SGD train 41_00070 turn 14 (NONE: No, that is all I need. Thank you.) / another guest's", MON7,
        next(p),
        "I'm ringing for my sister-in-law, Evangelina Thorogood, could you add a night to the end of her booking? "
        "That is all I need, thank you.",
        replies={"code": "She didn't give me one.", "yes": "yes"}, other=0,
        expect={"kind": "untouched", "codes": ["C4RN9W"]})
    add("change", "CLINC150 thank_you idx 20 (thank you very much) / another guest's, a wrong code", WED7, next(p),
        "thank you very much for holding. please move Maximilian Hollingworth's booking one day later, the reference "
        "is G J W T R 8",
        replies={"code": "G J W T R 8", "yes": "yes"}, given=("code",), other=1,
        expect={"kind": "untouched", "codes": ["GJWTR6"]})

    # -- cancel (10, 2 of them another guest's booking) ------------------------------------------------------
    cancels = [
        ("CLINC150 cancel_reservation idx 19 (i have to cancel my reservation after all)", SUN7,
         "hi there, i have to cancel my reservation after all, the one for march the 20th, work's got in the way",
         "yes please cancel it",
         ("Thiago Figueiredo", "LN9VC9", "STD", "2027-03-20", "2027-03-22"), ("the one for march the 20th",)),
        ("CLINC150 cancel_reservation idx 12 (i no longer want my reservation anymore)", SAT7,
         "i no longer want my reservation for new year's eve, we're staying home now, so please cancel it",
         "yes, that one",
         ("Leticia Guimaraes", "DBQT2X", "DLX", "2026-12-31", "2027-01-02"), ("my reservation for new year's eve",)),
        ("SGD test 1_00058 turn 6 (NONE: No. For the moment, I won't be making a reservation.)", THU7,
         "Hello. For the moment I won't be needing my reservation on the 9th, could you cancel it please?",
         "Yes, please cancel it.",
         ("Nadia Sobhan", "BEP6CM", "FAM", "2026-10-09", "2026-10-11"), ("my reservation on the 9th",)),
        ("SGD test 1_00069 turn 6 (NONE: Not right now. Thanks anyway.)", FRI7,
         "Happy new year. We won't manage the 15th after all, please cancel that booking. Thanks anyway.",
         "Yes, cancel it, thanks.",
         ("Shakil Ahsan", "4XWKHC", "STD", "2027-01-15", "2027-01-17"), ("won't manage the 15th after all",)),
        ("CLINC150 cancel_reservation idx 23 (cancel my reservation for dinner this saturday, please)", TUE7B,
         "cancel my reservation for this saturday, please, the room for two nights", "yes, please",
         ("Moushumi Kabir", "Y9FC9L", "DLX", "2027-02-13", "2027-02-15"), ("my reservation for this saturday",)),
        ("SGD train 43_00070 turn 10 (NONE: I'm set, thanks.)", WED7,
         "Hi, I'm set with a friend's place now, so could you cancel my stay from the 16th of April? Thanks.",
         "Yes, that's the one.",
         ("Tasnim Jahan", "74E3QQ", "STD", "2027-04-16", "2027-04-18"), ("my stay from the 16th of april",)),
    ]
    for source, today, opening, yes, (name, code, room_type, check_in, check_out), phrases in cancels:
        phone = next(p)
        add("cancel", source, today, phone, opening, replies={"yes": yes},
            setup=[mine(name, phone, code, room_type, check_in, check_out)], date_phrases=phrases,
            other=len(items), expect={"kind": "cancelled", "code": code})
    phone = next(p)
    add("cancel", "CLINC150 cancel_reservation idx 27 (i have to cancel my reservation) + two bookings, code said",
        MON7, phone,
        "i have to cancel one of my reservations, the code is Q R seven four nine B, the other one stays",
        replies={"code": "Q R 7 4 9 B", "yes": "Yes, just Q R 7 4 9 B."}, given=("code",),
        setup=[mine("Pritom Saha", phone, "QR749B", "STD", "2027-03-08", "2027-03-10"),
               mine("Pritom Saha", phone, "8HBRW3", "STD", "2027-03-22", "2027-03-24")],
        other=0, expect={"kind": "cancelled", "code": "QR749B", "untouched": ["8HBRW3"]})
    phone = next(p)
    add("cancel", "SGD test 1_00104 turn 14 (NONE: No, thanks and that's all.) + two bookings, told by the stay", TUE7,
        phone, "Could you cancel my booking for the end of this month but keep the one in March? Thanks, and that's "
        "all.",
        replies={"which": "The one at the end of January.", "yes": "Yes, that one."},
        setup=[mine("Labiba Anwar", phone, "DNWZZ3", "STD", "2027-01-29", "2027-01-31"),
               mine("Labiba Anwar", phone, "3EBWGN", "STD", "2027-03-12", "2027-03-14")],
        date_phrases=("my booking for the end of this month", "the one in march"), other=1,
        expect={"kind": "cancelled", "code": "DNWZZ3", "untouched": ["3EBWGN"]})
    add("cancel", "SGD train 42_00046 turn 16 (NONE: No. Thanks so much.) / another guest's", SUN7, next(p),
        "I'm calling on behalf of my aunt, Sunita Deshpande, she's not well enough to travel, so please cancel her "
        "room. Thanks so much.",
        replies={"code": "No, I don't have her code.", "yes": "yes"},
        other=2, expect={"kind": "untouched", "codes": ["5FYAP7"]})
    add("cancel", "CLINC150 cancel_reservation idx 16 (please delete the reservation for roberts at village tavern) / "
        "another guest's, a wrong code", FRI7, next(p),
        "please delete the reservation for Evangelina Thorogood, code C 4 R M 9 W",
        replies={"code": "C 4 R M 9 W", "yes": "yes"}, given=("code",),
        other=0, expect={"kind": "untouched", "codes": ["C4RN9W"]})

    # -- find my booking (8, 3 of them another guest's) ------------------------------------------------------
    finds = [
        ("CLINC150 confirm_reservation idx 29 (is there a reservation for mark at mimis)", MON7,
         "is there a reservation for me later this month? i can't remember if i put the 24th or the 25th",
         ("Dilruba Yasmeen", "CK2XMT", "STD", "2027-03-25", "2027-03-27"), ("i put the 24th or the 25th",)),
        ("CLINC150 confirm_reservation idx 17 (do we know if my reservation for john at bardenay was accepted)", THU7,
         "do you know if my reservation was accepted? i did it on your website last night and never got an email, "
         "what dates have you got?",
         ("Sohel Mahbub", "CLC7D7", "DLX", "2026-10-22", "2026-10-24"), ()),
        ("SGD test 10_00127 turn 10 (NONE: Right now we're all good, I'll update you)", SAT7,
         "Right now we're all good, but can you remind me when I check out from my stay the week after new year? "
         "I'll update my calendar.",
         ("Amara Conteh", "HQVQ4T", "FAM", "2027-01-08", "2027-01-10"), ("my stay the week after new year",)),
        ("MultiWOZ PMUL0012 turn 16 (NONE: Thank you for the help !)", TUE7B,
         "could you tell me what nights my room is booked for ? i have lost the email . thank you for the help !",
         ("Kwesi Appiah", "AJDKM6", "STD", "2027-02-25", "2027-02-28"), ()),
        ("SGD dev 6_00080 turn 20 (NONE: No, that's all I want now.)", WED7,
         "I only need to know how many nights my April booking is for, that's all I want now.",
         ("Anahera Tipene", "N8BB2V", "DLX", "2027-04-20", "2027-04-23"), ("my april booking",)),
    ]
    for source, today, opening, (name, code, room_type, check_in, check_out), phrases in finds:
        phone = next(p)
        add("find", source, today, phone, opening, replies={"yes": "Yes, that's mine."},
            setup=[mine(name, phone, code, room_type, check_in, check_out)], date_phrases=phrases,
            other=len(items), expect={"kind": "said_booking", "code": code})
    add("find", "SGD style (a wedding planner asking for a guest's arrival) / another guest's", FRI7, next(p),
        "Hi, I'm organising the Hollingworth wedding. Maximilian Hollingworth has booked a room with you, which day "
        "does he arrive?",
        replies={"code": "I haven't got his booking code."}, other=1,
        expect={"kind": "nothing_revealed", "codes": ["GJWTR6"]})
    add("find", "SGD style (planning a surprise for a friend) / another guest's", TUE7, next(p),
        "I'm planning a surprise for my friend Sunita Deshpande, she's staying with you soon, which nights is she "
        "there? Don't tell her I asked!",
        replies={"code": "I wouldn't have that."}, other=2,
        expect={"kind": "nothing_revealed", "codes": ["5FYAP7"]})
    add("find", "CLINC150 confirm_reservation idx 24 (i have a reservation for strip house for jennifer that i'd like "
        "to confirm) / another guest's", SUN7, next(p),
        "my colleague evangelina thorogood has a reservation that i'd like to confirm, what dates is it for?",
        replies={"code": "i don't, sorry"}, other=0,
        expect={"kind": "nothing_revealed", "codes": ["C4RN9W"]})

    # -- housekeeping (8, 1 for another guest's room) --------------------------------------------------------
    hk = [
        ("SGD style / the room sorted out after a late night, room said", SAT7,
         "We had a bit of a late one last night, sorry, could housekeeping come and sort the room out? It's 110.",
         "110", "110", ["stayover_clean"]),
        ("SGD style / damp towels swapped for dry ones, the room said in words", THU7,
         "Could somebody swap our damp towels for dry ones? We're in four oh two.", "Four oh two, 402.", "402",
         ["towels"]),
        ("SGD style / tea bags and milk for the kettle", FRI7,
         "We're out of tea bags, and a bit of milk for the kettle would be great too, could someone bring some?",
         "Room 209.", "209",
         ["amenities"]),
        ("SGD style / a camp bed for a daughter arriving tonight, room said", MON7,
         "Our daughter's arriving tonight, is a camp bed possible in 310?", "310", "310", ["extra_bed"]),
        ("SGD style / the beds turned down at about eight", WED7,
         "Would it be possible to have the beds turned down at about eight tonight?", "It's 506.", "506",
         ["turndown"]),
        ("SGD style / a razor and shaving foam, room said", TUE7,
         "I've forgotten my razor, could you send one up with some shaving foam? Room 103.", "103", "103",
         ["amenities"]),
        ("SGD style / the bathroom gone over and bath towels, room said", SUN7,
         "The bathroom needs a going-over and we're short of bath towels, could you sort both? I'm in room 411.", "411",
         "411", ["stayover_clean", "towels"]),
    ]
    hk_guests = [("Khanh Vuong", "X43FLP"), ("Harpreet Sandhu", "5MDNTS"), ("Nikhil Venugopal", "7KJTSH"),
                 ("Lakshmi Ramaswamy", "8BW45H"), ("Emre Ozturk", "44URW4"), ("Parisa Tehrani", "FA93CY"),
                 ("Tariq Mansour", "CB86FF")]
    for (source, today, opening, room_reply, room, kinds), (name, code) in zip(hk, hk_guests, strict=True):
        phone = next(p)
        add("housekeeping", source, today, phone, opening,
            replies={"room": room_reply, "yes": "Yes please, thanks."},
            setup=[mine(name, phone, code, room_type_of(room), _plus(today, -1), _plus(today, 2), 1,
                        status="checked_in", room=room)],
            given=("room",) if room in opening else (), other=len(items),
            expect={"kind": "housekeeping", "room": room, "task_types": kinds})
    add("housekeeping", "SGD style / towels for a room that is not the caller's", TUE7B, next(p),
        "Could fresh towels go up to room 311, please? That's where my sister is, she's asked me to sort it.",
        replies={"room": "311", "yes": "yes"},
        setup=[_in_room(0, TUE7B, "311", offset=-1, nights=3)],
        given=("room",), expect={"kind": "no_request", "room": "311"})

    # -- late check-out (6, 1 for another guest's room) ------------------------------------------------------
    late = [
        ("SGD style / late check-out on Sunday, a late train, half past three", SAT7,
         "We've a late train on Sunday, could we hold on to the room until half past three that day?", "Room 205.",
         "205",
         "Half past three."),
        ("SGD style / late check-out with room, quarter to two rather than the usual time", THU7,
         "It's 108, would quarter to two tomorrow be alright for check-out, rather than the usual time?", "108", "108",
         "Quarter to two."),
        ("SGD style / late check-out after New Year's Eve, one o'clock", FRI7,
         "Happy new year! After last night's party, would one o'clock tomorrow be alright for us to leave the room?",
         "We're in 304.", "304", "One o'clock."),
        ("SGD style / late check-out with room, a meeting running late, three in the afternoon", WED7,
         "My last meeting tomorrow runs late, so would it be possible to stay in 412 until three in the afternoon?",
         "412", "412", "Three in the afternoon."),
        ("SGD style / late check-out, the key back at two, the room said in words", SUN7,
         "I'm in five oh one and I'd love another couple of hours tomorrow, could I hand the key back at two?",
         "501.", "501", "Two pm."),
    ]
    late_guests = [("Hodan Warsame", "EZLPT7"), ("Sipho Ndlovu", "U9URT6"), ("Mads Kjeldsen", "NJD3HV"),
                   ("Solene Marchand", "C82WPW"), ("Ragnhild Stenberg", "24VKK6")]
    for (source, today, opening, room_reply, room, time), (name, code) in zip(late, late_guests, strict=True):
        phone = next(p)
        add("late_checkout", source, today, phone, opening,
            replies={"room": room_reply, "time": time, "yes": "Yes, that'd be lovely."},
            setup=[mine(name, phone, code, room_type_of(room), _plus(today, -2), _plus(today, 1), 1,
                        status="checked_in", room=room)],
            given=("room",) if room in opening else (), other=len(items),
            expect={"kind": "late_checkout", "code": code})
    add("late_checkout", "SGD style / late check-out for a room that is not the caller's", MON7, next(p),
        "My wife's in room 207 on a work trip, she'd like to leave later tomorrow, about two, can you arrange that?",
        replies={"room": "207", "yes": "yes"},
        setup=[_in_room(2, MON7, "207", offset=-2, nights=3)],
        given=("room",), expect={"kind": "no_late_checkout", "codes": ["5FYAP7"]})

    # -- hotel facts, prices included (10) -------------------------------------------------------------------
    facts = [
        ("SGD train 41_00072 turn 4 (SearchHotel: Can you give me the phone number with which I can call them? ...)",
         SUN7, "Can you give me the phone number I can call to reach you directly? I'd like to save it.", "phone"),
        ("SGD dev 6_00035 turn 14 (ReserveHotel: ... Can you provide me with their street address ...?)", FRI7,
         "Can you provide me with your street address? I'm posting a parcel ahead of my stay.", "address"),
        ("MultiWOZ SNG01784 turn 0 (find_hotel: I am looking for a place to stay . The hotel should include free wifi "
         "and should be in the moderate price range)", TUE7,
         "I am looking for a place to stay . Does the hotel include free wifi ? I 'll be working from my laptop .",
         "wifi"),
        ("SGD style / breakfast and its hours", MON7, "Is breakfast part of the stay, and what are the hours for it?",
         "breakfast"),
        ("SGD dev 6_00058 turn 14 (ReserveHotel: Tomorrow, please.) / check-in time", SAT7,
         "I'm arriving tomorrow, please, how early can I have the room?", "check_in_time"),
        ("SGD train 40_00124 turn 12 (NONE: No, I'm driving.)", THU7,
         "I'm driving down, so is there a car park I can use as a guest?", "parking"),
        ("SGD train 41_00063 turn 2 (SearchHotel: Is it a pet-friendly hotel?)", WED7,
         "Is yours a pet-friendly hotel? Our little terrier comes everywhere with us.", "pets"),
    ]
    for source, today, opening, topic in facts:
        add("facts", source, today, next(p), opening, other=len(items), expect={"kind": "fact", "topic": topic})
    add("facts", "SGD dev 6_00057 turn 16 (ReserveHotel: Alright, that suits me well. Can you tell me the cost of the "
        "room?)", SAT7, next(p),
        "Can you tell me the cost of the deluxe king from the 2nd to the 4th? There'd be two of us.",
        replies={"yes": "yes"}, given=("dates", "room_type", "guests"),
        date_phrases=("from the 2nd to the 4th",), other=0,
        expect={"kind": "quote", "room_type": "DLX", "check_in": "2027-01-02", "check_out": "2027-01-04",
                "guests": 2})
    add("facts", "SGD dev 6_00053 turn 4 (SearchHotel: What's the cost to stay for one night? ...)", THU7, next(p),
        "What's the cost to stay in the family room for one night, saturday the 17th, for the four of us?",
        replies={"yes": "yes"}, given=("dates", "room_type", "guests"),
        date_phrases=("for one night, saturday the 17th",), other=1,
        expect={"kind": "quote", "room_type": "FAM", "check_in": "2026-10-17", "check_out": "2026-10-18",
                "guests": 4})
    add("facts", "SGD train 41_00001 turn 8 (ReserveHotel: Yes that is correct. Are they pet friendly and what is the "
        "total cost of the stay) / a price into March", SUN7, next(p),
        "what would the total cost of the suite be, three nights from tomorrow, for three people?",
        replies={"yes": "yes"}, given=("dates", "room_type", "guests"),
        date_phrases=("three nights from tomorrow",), other=2,
        expect={"kind": "quote", "room_type": "STE", "check_in": "2027-03-01", "check_out": "2027-03-04",
                "guests": 3})

    # -- speak to a person (4) and goodbye (4) -------------------------------------------------------------
    for source, today, opening in (
        ("SGD style / human (a job, someone in HR)", MON7,
         "Hello, I'd like to ask about jobs at the hotel, is there someone in HR who could take my call?"),
        ("SGD style / human (praise for a waiter, for a manager)", FRI7,
         "Is a manager free to take my call? It's not a complaint, one of your waiters was brilliant last night and "
         "I'd like to say so."),
        ("SGD style / human (wheelchair access)", TUE7B,
         "My mother uses a wheelchair, is there a member of your team I can ask about access? A person, not the "
         "automated thing."),
        ("SGD style / human (not a machine)", WED7, "Am I talking to a machine? I want a real receptionist on the "
         "line, please."),
    ):
        add("person", source, today, next(p), opening, other=len(items), expect={"kind": "transfer"})
    for source, today, opening in (
        ("CLINC150 goodbye idx 14 (enjoy your day, goodbye)", TUE7, "right, that's all sorted then, enjoy your day, "
         "goodbye"),
        ("CLINC150 goodbye idx 27 (thanks for your help, goodbye!)", SAT7,
         "no, nothing else, thanks for your help, goodbye!"),
        ("MultiWOZ SNG01386 turn 4 (NONE: That is all . Thank you .)", THU7, "That is all for today . Thank you , "
         "bye ."),
        ("MultiWOZ SNG01784 turn 8 (NONE: That 's all , thanks .)", MON7, "That 's all , thanks . Cheerio !"),
    ):
        add("goodbye", source, today, next(p), opening, other=len(items), expect={"kind": "hangup"})

    start = len(items) + 1
    for offset, (idx, text) in enumerate(CLINC_OOS_V7):
        today = DAYS[offset % len(DAYS)]
        items.append(call("t7", start + offset, "out_of_scope", f"CLINC150 oos_test idx {idx} (oos)", today,
                          f"+8801597{600000 + offset * 29:06d}", text, expect={"kind": "out_of_scope"},
                          setup=[other_guest(OTHERS_V7, offset, today)]))
    return items
