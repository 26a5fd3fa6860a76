"""The test split, version 9 (``splits/test9.jsonl``): held out from 2026-12-01 (its provenance).

Written after v8 was scored once and so spent, by v8's rules and in its proportions (126 calls: the same flows, the
same count per flow and the same kinds of call and expected outcome), blind to the agent (nobody who wrote it read
``agent/`` or ``tools/``, nor how the agent answered v8 or any other split, nor any run's output), from what v1, v2,
v3, v4, v5, v6, v7, v8 and dev did not use:

- wording: SGD user turns of dialogues that no earlier split followed (each call's ``source`` names the turn),
  rewritten for our one hotel in the source's style, with the fillers, self-corrections, holidays, weekdays,
  ordinals, ranges and spelled-out numbers of real callers. SGD turns named "SGD <split> <dialogue> turn <n>" are
  from single-service Hotels_1-4 dialogues of google-research-datasets/dstc8-schema-guided-dialogue
  (``<split>/dialogues_NNN.json``, commit e852981, the repository's newest snapshot brought here with the ``fetch``
  tool, as for v7 and v8), none of them in ``../shared/data/dialogues``. No MultiWOZ turn is followed: every
  MultiWOZ user turn of ``../shared/data/dialogues/hotel_turns.jsonl`` had been followed by an earlier split (v1's
  unnamed ones included), and the MultiWOZ 2.2 dialogue files of budzianowski/multiwoz are not in its stored
  snapshot. Housekeeping, late check-out and speak-to-a-person calls (and a parking, a breakfast and a
  check-out-time question and three look-ups of another guest's booking) have no source turn and are written "SGD
  style", in phrasings no split had;
- out of scope: CLINC150's next 40 ``oos_test`` utterances after v8's, idx 374-416 of clinc/oos-eval
  ``data/data_full.json`` (commit 828f809), verbatim, leaving out three a hotel could take for a request of its own
  (``CLINC_OOS_V9_LEFT_OUT``);
- new names, phone numbers (+880 1739…, 1745…, 1782…), codes and eight new days (``DAYS``).

``make_splits.py`` renders and checks it with v1, v2, v3, v4, v5, v6, v7, v8 and dev (``python -m
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

V9 = 9
HEADER_V9 = ("FROZEN test split v{v}: held out from 2026-12-01; never tune on it, never run the agent on it or look "
             "at how the agent answers it before its one scored run (use dev.jsonl, or test.jsonl, test2.jsonl, "
             "test3.jsonl, test4.jsonl, test5.jsonl, test6.jsonl, test7.jsonl and test8.jsonl: spent). Written by "
             "benchmarks/agent/splits_v9.py via make_splits.py.")

# The hotel's day of each call (10:00 hotel time): every day of the week, none of v1's-v8's or dev's.
MON9 = "2026-12-21"  # Christmas week: "thursday next week" is New Year's Eve; "the 1st" is New Year's Day, in 2027
TUE9 = "2027-03-30"  # two days after Easter Sunday: "the 5th", "this friday" and "tuesday next week" are April's
WED9 = "2026-10-28"  # Halloween is "saturday this week"; "sunday this week" is November's 1st, "next tuesday" its 3rd
THU9 = "2027-01-28"  # the end of January: "the 4th of next month" and "wednesday next week" are in February
FRI9 = "2026-11-13"  # a Friday the 13th: "next tuesday" reads two ways (the 17th or the 24th); "the 27th" is November's
SAT9 = "2027-01-02"  # the day after New Year's Day: "tomorrow" is Sunday the 3rd; "the weekend of the 16th" is Jan's
SUN9 = "2026-12-27"  # between Christmas and New Year: "saturday this week" is the 2nd of January, 2027; "next week"
#                      straddles the year turn (the 30th, or the 6th when counted from that Saturday)
TUE9B = "2027-02-23"  # the last week of a 28-day February: "the 1st" and "the 2nd" are March's; "saturday the 27th"
#                       to "five nights" runs over the month end (no 29th this year)
DAYS = (MON9, TUE9, WED9, THU9, FRI9, SAT9, SUN9, TUE9B)

OTHERS_V9 = [
    {"name": "Ruarc Elphinstone", "phone": "+8801745206318", "room_type": "DLX", "code": "RY44HP"},
    {"name": "Obiageli Uzodinma", "phone": "+8801745219472", "room_type": "STD", "code": "QTWB7E"},
    {"name": "Sayuri Nakagawa", "phone": "+8801745233905", "room_type": "FAM", "code": "CUY6VN"},
]

# CLINC150 oos_test (clinc/oos-eval data/data_full.json, commit 828f809), idx 374-416, verbatim.
CLINC_OOS_V9 = (
    (374, "how many flavors of mnm's are there"),
    (375, "who makes milky way bars"),
    (376, "how safe is it to consume the substance h2o"),
    (377, "how many elements are on the periodic table"),
    (378, "what's the chemical composition of a fart"),
    (379, "what is phosphorus on the periodic table"),
    (380, "look up some christmas songs for me"),
    (382, "how many calories does doing 20 situps burn"),
    (383, "what is a normal resting heart rate"),
    (384, "should i run every day"),
    (385, "how many months do i left in my hbo subscription"),
    (386, "when does game of thrones return on hbo"),
    (387, "cancel my subscription to scientific american"),
    (388, "i'd like to renew my subscription to playboy"),
    (389, "what are popular lifestyle magazines"),
    (390, "what are popular sports magazines"),
    (391, "how can i use make up to cover a cut on my cheek"),
    (392, "what's the best make-up to cover a black eye"),
    (393, "send me videos of how to do a smoky eye"),
    (394, "whats the best rated lipstick"),
    (395, "when will the government file another antitrust suit against microsoft"),
    (396, "when will microsoft drop support for windows 7"),
    (397, "how do i make a sentence have stylized strike out in microsoft word"),
    (398, "how can i control where microsoft word inserts a page break"),
    (399, "what are the current prices for mushrooms"),
    (400, "what bands are touring in my city this week"),
    (401, "i need for you to look up some of the major gods in mythology"),
    (402, "what was the original name of jesus in egyptian myth"),
    (403, "was the god osiris a titan or an old god"),
    (404, "tell me who aphrodite is"),
    (406, "when will the daffodils bloom this year"),
    (407, "what zelda games are available on the switch"),
    (408, "i want to buy some nintendo switch game"),
    (409, "how much does a nintendo switch cost"),
    (410, "show me a cool nintendo switch game"),
    (411, "can you check how many miles i walked today when i was out get the info from my phone"),
    (412, "can you check how many steps i have walked in the last week from my phone app"),
    (414, "what are the symptoms of cancer"),
    (415, "how many pokemon have i caught in my pokemon go app"),
    (416, "tell me what pokemon is"),
)
# Left out: a hotel could take each for a request of its own (the sports channel on the room's TV, things to do
# around the hotel today, a guest taken ill who needs a doctor).
CLINC_OOS_V9_LEFT_OUT = (
    (381, "is espn covering the golden state warriors game"),
    (405, "what activities can i to do outside today"),
    (413, "what should i do if it hurts when i pee"),
)


def _in_room(index: int, today: str, room: str, *, offset: int, nights: int) -> dict[str, Any]:
    return in_room(OTHERS_V9, index, today, room, offset=offset, nights=nights)


def test9_split() -> list[dict[str, Any]]:  # noqa: PLR0915 (one long list of calls is the clearest form)
    items, add = calls_of("t9", OTHERS_V9)

    p = iter(f"+8801739{300000 + i * 83:06d}" for i in range(200))

    # -- book (26) -------------------------------------------------------------------------------------------
    add("book", "SGD dev 6_00048 turn 10 (ReserveHotel: Yes, I want to reserve that one. My check-in date will be "
        "March 1st.)", SUN9, next(p),
        "Yes, hello, I want to reserve a room for the spring. My check-in date will be March 1st, and, um, out on "
        "the Thursday, so three nights.",
        replies={"guests": "Two, me and my partner.", "room_type": "Deluxe, with the big bed.",
                 "name": "Grainne Tulloch", "yes": "Yes, that's grand."},
        given=("dates",),
        date_phrases=("my check-in date will be march 1st, and, um, out on the thursday, so three nights",), other=0,
        expect=booking("2027-03-01", "2027-03-04", 2, "DLX", "Grainne Tulloch"))
    add("book", "SGD test 1_00099 turn 12 (ReserveHotel: My bad, I should have said check-in on the 9th.) + a "
        "correction", SAT9, next(p),
        "Happy new year! I'd like a room from the 8th, no, my bad, I should have said check-in on the 9th, the "
        "Saturday, for three nights.",
        replies={"guests": "Only me.", "room_type": "The standard's fine.", "name": "Chukwudi Ibekwe",
                 "yes": "Yes, correct."},
        given=("dates",),
        date_phrases=("from the 8th, no, my bad, i should have said check-in on the 9th, the saturday, for three "
                      "nights",),
        other=1, expect=booking("2027-01-09", "2027-01-12", 1, "STD", "Chukwudi Ibekwe"))
    add("book", "SGD train 41_00064 turn 12 (ReserveHotel: I'd be arriving on the 4th of this month.)", THU9, next(p),
        "Hi there, I'd be arriving on the 4th of next month, the Thursday, and leaving on the Sunday. There's two of "
        "us.",
        replies={"room_type": "Something with a king-size bed.", "name": "Liutgard Hohenberger",
                 "yes": "Ja, yes, that's right."},
        given=("dates", "guests"),
        date_phrases=("arriving on the 4th of next month, the thursday, and leaving on the sunday",), other=2,
        expect=booking("2027-02-04", "2027-02-07", 2, ["DLX", "STE"], "Liutgard Hohenberger"))
    add("book", "SGD train 41_00117 turn 6 (ReserveHotel: I wish to check out on 7th of March)", TUE9B, next(p),
        "Good morning. I'd like a room from this Thursday, and I wish to check out on the 2nd of March. It's for a "
        "training course.",
        replies={"guests": "Just me.", "room_type": "Standard, please, the company's paying and they're stingy.",
                 "name": "Tamati Rangihuna", "yes": "Yes, all good."},
        given=("dates",), date_phrases=("from this thursday, and i wish to check out on the 2nd of march",), other=0,
        expect=booking("2027-02-25", "2027-03-02", 1, "STD", "Tamati Rangihuna"))
    add("book", "SGD train 41_00084 turn 6 (ReserveHotel: Yes, make it for tomorrow check-in.)", MON9, next(p),
        "Yes, hi, could you make it for tomorrow check-in, please, and we'd leave on Christmas Eve in the morning.",
        replies={"guests": "Two of us, me and my husband.", "room_type": "A standard is plenty.",
                 "name": "Zanele Mkhize", "yes": "Yes please."},
        given=("dates",),
        date_phrases=("tomorrow check-in, please, and we'd leave on christmas eve in the morning",), other=1,
        expect=booking("2026-12-22", "2026-12-24", 2, "STD", "Zanele Mkhize"))
    add("book", "SGD test 1_00091 turn 8 (ReserveHotel: I would like to check in on March 1st and I will be staying "
        "for 5 days.)", TUE9, next(p),
        "I would like to check in on April 1st, and no, that's not a joke, ha, and I will be staying for five "
        "nights.",
        replies={"guests": "Just myself.", "room_type": "The deluxe one.", "name": "Wiebke Terpstra",
                 "yes": "Yes, exactly."},
        given=("dates",),
        date_phrases=("check in on april 1st, and no, that's not a joke, ha, and i will be staying for five nights",),
        other=2, expect=booking("2027-04-01", "2027-04-06", 1, "DLX", "Wiebke Terpstra"))
    add("book", "SGD test 1_00103 turn 8 (ReserveHotel: I am staying four days and arriving on the 10th of March.)",
        WED9, next(p),
        "Hello. I am staying four nights and arriving on the 10th of November. We're three, two adults and a "
        "teenager.",
        replies={"room_type": "The family room.", "name": "Eyvindur Arnarson", "yes": "Yes, that's it."},
        given=("dates", "guests"),
        date_phrases=("staying four nights and arriving on the 10th of november",), other=0,
        expect=booking("2026-11-10", "2026-11-14", 3, "FAM", "Eyvindur Arnarson"))
    add("book", "SGD dev 6_00043 turn 8 (ReserveHotel: I'll be checking in on the 7th of March, and will stay there "
        "for four days.)", SUN9, next(p),
        "Hello, I'll be checking in on the 7th of January, and will stay there for four nights, for work.",
        replies={"guests": "One person.", "room_type": "Your cheapest room.", "name": "Ljiljana Cvetkovic",
                 "yes": "Yes, please book it."},
        given=("dates",),
        date_phrases=("checking in on the 7th of january, and will stay there for four nights",), other=1,
        expect=booking("2027-01-07", "2027-01-11", 1, "STD", "Ljiljana Cvetkovic"))
    add("book", "SGD train 43_00060 turn 6 (BookHouse: Oops, I actually want to check in next Tuesday, the 7th.) + a "
        "correction", WED9, next(p),
        "I'd like to book two nights from Monday, oops, no, I actually want to check in next Tuesday, the 3rd.",
        replies={"guests": "Two people.", "room_type": "A standard queen.", "name": "Sorin Ciobanu",
                 "yes": "Yes, from the 3rd."},
        given=("dates",),
        date_phrases=("two nights from monday, oops, no, i actually want to check in next tuesday, the 3rd",),
        other=2, expect=booking("2026-11-03", "2026-11-05", 2, "STD", "Sorin Ciobanu"))
    add("book", "SGD train 26_00085 turn 4 (BookHouse: I wanna check out on the 14th and then check in on the 5th of "
        "this month.)", FRI9, next(p),
        "Um, I wanna check out on the 22nd and, well, check in on the Thursday before, the 19th. Me and my sister.",
        replies={"room_type": "The standard room is fine.", "name": "Kveta Dvorakova", "yes": "Yes, thank you."},
        given=("dates", "guests"),
        date_phrases=("check out on the 22nd and, well, check in on the thursday before, the 19th",), other=0,
        expect=booking("2026-11-19", "2026-11-22", 2, "STD", "Kveta Dvorakova"))
    add("book", "SGD train 34_00030 turn 6 (BookHouse: This one will work for me, let me have it, check in is on "
        "Thursday next week.)", MON9, next(p),
        "The suite will work for me, let me have it. Check in is on Thursday next week, new year's eve, for two "
        "nights, for the two of us.",
        replies={"name": "Fatoumata Sangare", "yes": "Yes, lovely."},
        given=("dates", "room_type", "guests"),
        date_phrases=("check in is on thursday next week, new year's eve, for two nights",), other=1,
        expect=booking("2026-12-31", "2027-01-02", 2, "STE", "Fatoumata Sangare"))
    add("book", "SGD train 41_00113 turn 12 (ReserveHotel: Please do. From March 1st to to March 14th.)", SAT9, next(p),
        "Please do book me in. From February 1st to, to February 5th. Just the one person.",
        replies={"room_type": "A standard.", "name": "Hermenegildo Urrutia", "yes": "Yes, that's correct."},
        given=("dates", "guests"), date_phrases=("from february 1st to, to february 5th",), other=2,
        expect=booking("2027-02-01", "2027-02-05", 1, "STD", "Hermenegildo Urrutia"))
    add("book", "SGD train 43_00064 turn 8 (BookHouse: I am planning to check in on Wednesday next week and check out "
        "on the 10th of March.)", THU9, next(p),
        "I am planning to check in on Wednesday next week and check out on the 6th of February. A deluxe for two, "
        "please.",
        replies={"name": "Daisuke Sakaguchi", "yes": "Yes, please."},
        given=("dates", "room_type", "guests"),
        date_phrases=("check in on wednesday next week and check out on the 6th of february",), other=0,
        expect=booking("2027-02-03", "2027-02-06", 2, "DLX", "Daisuke Sakaguchi"))
    add("book", "SGD train 41_00119 turn 8 (ReserveHotel: I would like to check in on Saturday this week, and check "
        "out on Tuesday next week.)", WED9, next(p),
        "I would like to check in on Saturday this week, Halloween, and check out on Tuesday next week. Two of us, "
        "and the suite if you have it.",
        replies={"name": "Hyejin Baek", "yes": "Yes, perfect."},
        given=("dates", "guests", "room_type"),
        date_phrases=("check in on saturday this week, halloween, and check out on tuesday next week",), other=1,
        expect=booking("2026-10-31", "2026-11-03", 2, "STE", "Hyejin Baek"))
    add("book", "SGD train 41_00067 turn 10 (ReserveHotel: I want to check in tomorrow and I'll be checking out on the "
        "5th of this month.)", THU9, next(p),
        "I want to check in tomorrow and I'll be checking out on February the 2nd. It's a family room for four, "
        "under Quoc Truong.",
        replies={"yes": "Yes, that's right."},
        given=("dates", "room_type", "guests", "name"),
        date_phrases=("check in tomorrow and i'll be checking out on february the 2nd",), other=2,
        expect=booking("2027-01-29", "2027-02-02", 4, "FAM", "Quoc Truong"))
    add("book", "SGD train 43_00052 turn 2 (BookHouse: Can you please check me in today in London, UK. Make the stay "
        "until March 14th.)", FRI9, next(p),
        "Can you please check me in today? I know, Friday the 13th, I'm not superstitious. Make the stay until "
        "Monday, the 16th.",
        replies={"guests": "Just me.", "room_type": "Deluxe, please.", "name": "Jyotsna Chaturvedi",
                 "yes": "Yes, go ahead."},
        given=("dates",), date_phrases=("check me in today", "make the stay until monday, the 16th"), other=1,
        expect=booking("2026-11-13", "2026-11-16", 1, "DLX", "Jyotsna Chaturvedi"))
    add("book", "SGD dev 6_00050 turn 10 (ReserveHotel: I want that on for next Tuesday.)", FRI9, next(p),
        "I want a room for next Tuesday, only the one night, I've a hospital appointment in town.",
        replies={"guests": "Only me.", "room_type": "The standard.", "name": "Rokeya Sarkar",
                 "yes": "Yes, thank you."},
        given=("dates",), date_phrases=("for next tuesday, only the one night",), other=2,
        expect=booking("2026-11-17", "2026-11-18", 1, "STD", "Rokeya Sarkar",
                       alternatives=(("2026-11-24", "2026-11-25"),)))
    add("book", "SGD train 40_00121 turn 2 (ReserveHotel: I'd like to check in tomorrow and check out on the 13th of "
        "March. If Dossier is available, I'd very much prefer that.)", SAT9, next(p),
        "Hello, I'd like to check in tomorrow and check out on the 6th, if you've got anything left after New Year.",
        replies={"guests": "Two of us.", "room_type": "The deluxe king if it's free.", "name": "Fokko Hoekstra",
                 "yes": "Yes, that's fine."},
        given=("dates",), date_phrases=("check in tomorrow and check out on the 6th",), other=0,
        expect=booking("2027-01-03", "2027-01-06", 2, "DLX", "Fokko Hoekstra"))
    add("book", "SGD train 41_00047 turn 0 (ReserveHotel: Hi, I would like to make a hotel reservation for 1 room on "
        "the 5th of this month.)", TUE9, next(p),
        "Hi, I would like to make a reservation for one room on the 5th, that's next month, for three nights.",
        replies={"guests": "Two.", "room_type": "Standard, please.", "name": "Halldora Jonsdottir", "yes": "Yes."},
        given=("dates",), date_phrases=("on the 5th, that's next month, for three nights",), other=1,
        expect=booking("2027-04-05", "2027-04-08", 2, "STD", "Halldora Jonsdottir"))
    add("book", "SGD train 34_00059 turn 12 (BookHouse: Check in Tuesday next week and check out on the 9th of "
        "March,)", TUE9, next(p),
        "Check in Tuesday next week and check out on the 9th of April, that's the Friday. It's three of us, a "
        "family.",
        replies={"room_type": "The family room.", "name": "Bozidar Radovanovic", "yes": "Yes, that's right."},
        given=("dates", "guests"),
        date_phrases=("check in tuesday next week and check out on the 9th of april, that's the friday",), other=2,
        expect=booking("2027-04-06", "2027-04-09", 3, "FAM", "Bozidar Radovanovic"))
    add("book", "SGD train 34_00079 turn 14 (BookHouse: Checking in Saturday this week and checking out Wednesday next "
        "week.)", SUN9, next(p),
        "Checking in Saturday this week, the 2nd, and checking out Wednesday next week. It's for me and a friend.",
        replies={"room_type": "A standard is fine.", "name": "Ilinca Zamfir", "yes": "Yes."},
        given=("dates", "guests"),
        date_phrases=("checking in saturday this week, the 2nd, and checking out wednesday next week",), other=0,
        expect=booking("2027-01-02", "2027-01-06", 2, "STD", "Ilinca Zamfir"))
    add("book", "SGD train 43_00085 turn 8 (ReserveHotel: I will be arriving there on the 1st and staying until next "
        "Thursday.)", TUE9B, next(p),
        "I will be arriving on the 1st and staying until the Thursday, the 4th. Three of us, in one room.",
        replies={"room_type": "The family room, please.", "name": "Leopoldo Cienfuegos", "yes": "Si, yes."},
        given=("dates", "guests"),
        date_phrases=("arriving on the 1st and staying until the thursday, the 4th",), other=1,
        expect=booking("2027-03-01", "2027-03-04", 3, "FAM", "Leopoldo Cienfuegos"))
    add("book", "SGD test 1_00080 turn 8 (ReserveHotel: I'll be there for 5 days.)", TUE9B, next(p),
        "I'll be there for five nights, from Saturday the 27th. Is the deluxe free?",
        replies={"guests": "Just me.", "name": "Kazuki Yoshikawa", "yes": "Yes, please."},
        given=("dates", "room_type"), date_phrases=("five nights, from saturday the 27th",), other=2,
        expect=booking("2027-02-27", "2027-03-04", 1, "DLX", "Kazuki Yoshikawa"))
    add("book", "SGD train 42_00059 turn 8 (ReserveHotel: I need a four day reservation with a check in date for the "
        "1st.)", MON9, next(p),
        "I need a four-night reservation with a check-in date for the 1st, new year's day, for two.",
        replies={"room_type": "Standard queen.", "name": "Padraic Cairncross", "yes": "Yes, cheers."},
        given=("dates", "guests"),
        date_phrases=("a four-night reservation with a check-in date for the 1st, new year's day",), other=0,
        expect=booking("2027-01-01", "2027-01-05", 2, "STD", "Padraic Cairncross"))
    phone = next(p)
    add("book", "SGD train 42_00027 turn 14 (ReserveHotel: No, I want to check in Sunday this week and the reservation "
        "is for 2 days.) + returning guest", WED9, phone,
        "Hello again, I stayed with you in the summer. I want to check in Sunday this week and the reservation is "
        "for two nights, the same room type as last time, the deluxe.",
        replies={"guests": "Only me again.", "yes": "Yes, that's me."},
        setup=[known_guest("Ebele Onwuachi", phone)], given=("dates", "room_type"),
        date_phrases=("check in sunday this week and the reservation is for two nights",), other=1,
        expect=booking("2026-11-01", "2026-11-03", 1, "DLX", "Ebele Onwuachi"))
    phone = next(p)
    add("book", "SGD test 1_00082 turn 8 (ReserveHotel: I will need one room for 6 days.) + returning guest", TUE9,
        phone,
        "It's me again, I was with you last autumn. I will need one room for six nights from this Friday, the "
        "standard, for the two of us.",
        replies={"yes": "Yes, that's us."},
        setup=[known_guest("Rawiri Tawhiri", phone)], given=("dates", "room_type", "guests"),
        date_phrases=("six nights from this friday",), other=2,
        expect=booking("2027-04-02", "2027-04-08", 2, "STD", "Rawiri Tawhiri"))

    # -- change dates or guests (10, 2 of them another guest's booking) ---------------------------------------
    Change = tuple[str, str, str, dict[str, str], tuple[str, str, str, str, str, int], tuple[str, ...], dict[str, Any]]
    changes: list[Change] = [
        ("SGD dev 6_00073 turn 10 (ReserveHotel: Actually I want it for 3 days. Checking in on March 5th)", TUE9B,
         "Hi, about my booking for next week. Actually, I want it for three nights, checking in on March 5th, not "
         "the 3rd.",
         {"yes": "Yes, from the 5th."},
         ("Tjark Postma", "89WRYY", "STD", "2027-03-03", "2027-03-05", 1),
         ("my booking for next week", "three nights, checking in on march 5th, not the 3rd"),
         {"check_in": "2027-03-05", "check_out": "2027-03-08"}),
        ("SGD dev 6_00055 turn 12 (ReserveHotel: That's wrong. I'll be staying for 1 day. I want to check in on March "
         "10th.)", SUN9,
         "Hello, my booking from the 8th of January says two nights. That's wrong, I'll be staying for one night "
         "only, still checking in on the 8th.",
         {"yes": "Yes, just the one night."},
         ("Thorbjorg Olafsdottir", "UYCSWU", "DLX", "2027-01-08", "2027-01-10", 2),
         ("my booking from the 8th of january", "one night only, still checking in on the 8th"),
         {"check_in": "2027-01-08", "check_out": "2027-01-09"}),
        ("SGD dev 6_00075 turn 16 (ReserveHotel: Could you change the reservation to check in on 3rd of March for 3 "
         "days instead?)", THU9,
         "Could you change my reservation to check in on the 3rd of February for three nights instead? It's down for "
         "the 10th at the moment.",
         {"yes": "Yes, the 3rd for three nights."},
         ("Nevena Todorovic", "CGDFD9", "STD", "2027-02-10", "2027-02-12", 1),
         ("check in on the 3rd of february for three nights instead", "down for the 10th"),
         {"check_in": "2027-02-03", "check_out": "2027-02-06"}),
        ("SGD train 26_00070 turn 6 (BookHouse: No, I want to check out on the 8th of this month instead)", MON9,
         "It's about my Christmas booking. I want to check out on the 29th of this month instead of the 27th, we're "
         "staying on a bit.",
         {"yes": "Yes, out on the 29th."},
         ("Radek Prochazka", "9W35PT", "FAM", "2026-12-24", "2026-12-27", 3),
         ("my christmas booking", "check out on the 29th of this month instead of the 27th"),
         {"check_in": "2026-12-24", "check_out": "2026-12-29"}),
        ("SGD train 26_00100 turn 6 (BookHouse: No, I'm sorry, there are four people, not three.)", WED9,
         "Hello, my booking for the first weekend of November says three people. I'm sorry, there are four people, "
         "not three, my sister's coming along.",
         {"yes": "Yes, four of us."},
         ("Aminata Diallo", "CWKP7Q", "FAM", "2026-11-06", "2026-11-08", 3),
         ("my booking for the first weekend of november",), {"guests": 4}),
        ("SGD train 34_00037 turn 16 (BookHouse: Actually, can I check out Wednesday next week instead?)", FRI9,
         "Actually, can I check out Wednesday next week instead of the Friday? It's the booking from Monday.",
         {"yes": "Yes, out on the Wednesday."},
         ("Genoveva Montalvo", "2Z49U6", "DLX", "2026-11-16", "2026-11-20", 2),
         ("check out wednesday next week instead of the friday", "the booking from monday"),
         {"check_in": "2026-11-16", "check_out": "2026-11-18"}),
        ("SGD train 40_00118 turn 4 (ReserveHotel: No, actually, change that. I'd like to check in on the 2nd of this "
         "month.)", SAT9,
         "Hi, I've a room booked from Tuesday, the 5th. No, actually, change that, I'd like to check in on the 12th "
         "of this month, same two nights.",
         {"yes": "Yes, from the 12th."},
         ("Natsuki Hasegawa", "RLQ7RF", "STD", "2027-01-05", "2027-01-07", 2),
         ("a room booked from tuesday, the 5th", "check in on the 12th of this month, same two nights"),
         {"check_in": "2027-01-12", "check_out": "2027-01-14"}),
    ]
    for source, today, opening, replies, (name, code, room_type, ci, co, guests), phrases, new in changes:
        phone = next(p)
        add("change", source, today, phone, opening, replies=replies,
            setup=[mine(name, phone, code, room_type, ci, co, guests)], date_phrases=phrases, other=len(items),
            expect={"kind": "changed", "code": code, **new})
    phone = next(p)
    add("change", "SGD train 34_00082 turn 12 (BookHouse: Sorry i need to check out on 11th of March. Please change "
        "the check out date.) + two bookings", TUE9, phone,
        "sorry, I need to check out on the 12th of April, not the 11th, on one of my two bookings. Please change the "
        "check out date.",
        replies={"which": "The one in April.", "code": "I don't have the codes to hand.",
                 "yes": "Yes, out on the 12th."},
        setup=[mine("Ishaan Malhotra", phone, "9A5ASZ", "DLX", "2027-04-09", "2027-04-11"),
               mine("Ishaan Malhotra", phone, "YCT4X7", "DLX", "2027-05-14", "2027-05-16")],
        date_phrases=("check out on the 12th of april, not the 11th",), other=2,
        expect={"kind": "changed", "code": "9A5ASZ", "check_in": "2027-04-09", "check_out": "2027-04-12",
                "untouched": ["YCT4X7"]})
    add("change", "SGD test 10_00118 turn 6 (NONE: No. Not at this time. I am all set.) / another guest's", THU9,
        next(p),
        "Hi, my flatmate Ruarc Elphinstone has a booking with you, could you push it back a week for him? I am all "
        "set otherwise.",
        replies={"code": "No, I haven't got his code.", "yes": "yes"}, other=0,
        expect={"kind": "untouched", "codes": ["RY44HP"]})
    add("change", "SGD train 41_00013 turn 12 (NONE: No thanks that is all.) / another guest's, a wrong code", SUN9,
        next(p),
        "hi, please make Obiageli Uzodinma's booking for three people instead of one, the code is Q T W B seven F. "
        "no thanks, that is all",
        replies={"code": "Q T W B 7 F", "yes": "yes"}, given=("code",), other=1,
        expect={"kind": "untouched", "codes": ["QTWB7E"]})

    # -- cancel (10, 2 of them another guest's booking) ------------------------------------------------------
    cancels = [
        ("SGD test 1_00070 turn 6 (NONE: I don't want a reservation at this time.)", FRI9,
         "Hello, I don't want my reservation for the 27th at this time, the trip's been called off. Can you cancel "
         "it?",
         "Yes, cancel it.",
         ("Sadhbh Kinnaird", "PCDULN", "STD", "2026-11-27", "2026-11-29"), ("my reservation for the 27th",)),
        ("SGD test 1_00086 turn 12 (NONE: I do not need further help. I appreciate your assistance.)", MON9,
         "Please cancel my room for Boxing Day, the 26th. I do not need further help after that, I appreciate your "
         "assistance.",
         "Yes, that one.",
         ("Morayo Ogunleye", "Q42T5P", "DLX", "2026-12-26", "2026-12-28"), ("my room for boxing day, the 26th",)),
        ("SGD train 34_00091 turn 14 (NONE: That's all for today. Thanks.)", TUE9B,
         "hi, I need to cancel the stay I booked for the start of March, the 2nd to the 4th. That's all for today. "
         "Thanks.",
         "Yes, please.",
         ("Lindiwe Ngcobo", "E9HT6V", "STD", "2027-03-02", "2027-03-04"),
         ("the stay i booked for the start of march, the 2nd to the 4th",)),
        ("SGD train 43_00073 turn 12 (NONE: No, I'm all set, thank you.)", WED9,
         "Yeah, hi, could you cancel my Saturday booking, the 31st? We're staying with friends now, so I'm all set, "
         "thank you.",
         "Yes, cancel it please.",
         ("Swantje Brouwer", "QZH3X8", "STD", "2026-10-31", "2026-11-01"), ("my saturday booking, the 31st",)),
        ("SGD dev 6_00078 turn 24 (NONE: No, that will be all. Thank you again.)", SAT9,
         "Hello, I booked a room for the weekend of the 16th, please cancel it. That will be all. Thank you again.",
         "Yes, the weekend one.",
         ("Mirjana Kostic", "9NXW2E", "DLX", "2027-01-15", "2027-01-17"), ("the weekend of the 16th",)),
        ("SGD train 42_00053 turn 22 (NONE: No, that's everything.)", THU9,
         "Could you cancel my booking for Valentine's, the 13th and 14th? Plans have changed. That's everything.",
         "Yes, cancel it.",
         ("Catalin Oprea", "6TT89S", "STE", "2027-02-13", "2027-02-15"),
         ("my booking for valentine's, the 13th and 14th",)),
    ]
    for source, today, opening, yes, (name, code, room_type, check_in, check_out), phrases in cancels:
        phone = next(p)
        add("cancel", source, today, phone, opening, replies={"yes": yes},
            setup=[mine(name, phone, code, room_type, check_in, check_out)], date_phrases=phrases,
            other=len(items), expect={"kind": "cancelled", "code": code})
    phone = next(p)
    add("cancel", "SGD train 26_00118 turn 10 (NONE: No, that's all) + two bookings, code said", TUE9, phone,
        "I have two bookings, please cancel only the one with the code K B M Q, U N. Leave the other. That's all.",
        replies={"code": "K B M Q U N", "yes": "Yes, only K B M Q U N."}, given=("code",),
        setup=[mine("Nicanor Valdivia", phone, "KBMQUN", "STD", "2027-04-16", "2027-04-18"),
               mine("Nicanor Valdivia", phone, "FNNPTH", "STD", "2027-05-07", "2027-05-09")],
        other=0, expect={"kind": "cancelled", "code": "KBMQUN", "untouched": ["FNNPTH"]})
    phone = next(p)
    add("cancel", "SGD test 11_00000 turn 8 (NONE: Not now. Thanks.) + two bookings, told by the stay", SUN9, phone,
        "Please cancel the booking I've got in mid-January, but keep my February stay. Nothing else now, thanks.",
        replies={"which": "The January one.", "yes": "Yes, January."},
        setup=[mine("Farzana Pramanik", phone, "YKA7F9", "DLX", "2027-01-15", "2027-01-17"),
               mine("Farzana Pramanik", phone, "VB2VZE", "DLX", "2027-02-12", "2027-02-14")],
        date_phrases=("the booking i've got in mid-january", "keep my february stay"), other=1,
        expect={"kind": "cancelled", "code": "YKA7F9", "untouched": ["VB2VZE"]})
    add("cancel", "SGD train 41_00022 turn 8 (NONE: No, that is all. Thanks.) / another guest's", FRI9, next(p),
        "Hello, I need to cancel my neighbour Sayuri Nakagawa's room, she's unwell and can't travel. That is all, "
        "thanks.",
        replies={"code": "She didn't give me a code.", "yes": "yes"},
        other=2, expect={"kind": "untouched", "codes": ["CUY6VN"]})
    add("cancel", "SGD train 34_00099 turn 16 (NONE: No, thank you. That'll be all for now.) / another guest's, a "
        "wrong code", MON9, next(p),
        "cancel Ruarc Elphinstone's booking please, the reference is R Y four four H B. no, thank you, that'll be "
        "all for now",
        replies={"code": "R Y 4 4 H B", "yes": "yes"}, given=("code",),
        other=0, expect={"kind": "untouched", "codes": ["RY44HP"]})

    # -- find my booking (8, 3 of them another guest's) ------------------------------------------------------
    finds = [
        ("SGD test 11_00035 turn 20 (NONE: No. Thank you very much. You've been very helpful.)", WED9,
         "Hello, thank you very much, you were very helpful last time. Is my booking in November from the 10th or "
         "the 12th? I can't remember.",
         ("Tiernan Urquhart", "T3NZ7V", "DLX", "2026-11-12", "2026-11-14"), ("my booking in november",)),
        ("SGD train 26_00039 turn 8 (NONE: No, that is all that i needed today.)", MON9,
         "Hi, what nights have I got my room for over New Year? I just want the dates, that is all I needed today.",
         ("Kojo Frimpong", "B423Q2", "STD", "2026-12-30", "2027-01-02"), ("my room for over new year",)),
        ("SGD train 34_00008 turn 12 (NONE: No, It's all, have a good day)", TUE9,
         "Hi, I've lost the email for my booking in April, can you tell me what dates it's for? That's all, have a "
         "good day.",
         ("Tevita Vainikolo", "U6SCR8", "FAM", "2027-04-16", "2027-04-18"), ("my booking in april",)),
        ("SGD train 41_00030 turn 10 (NONE: Nope. Thank you so much.)", SAT9,
         "When's my stay this January? I reckon it's around the 20th. Thank you so much.",
         ("Gesche Kuipers", "W7E3KN", "STD", "2027-01-21", "2027-01-24"), ("my stay this january", "around the 20th")),
        ("SGD test 1_00114 turn 14 (NONE: Nope; thank you for your helpful assistance.)", TUE9B,
         "Do I check out on the 1st of March or the 2nd? It's my booking from Friday. Thank you for your helpful "
         "assistance.",
         ("Zbynek Kucera", "KMHSHV", "DLX", "2027-02-26", "2027-03-02"),
         ("the 1st of march or the 2nd", "my booking from friday")),
    ]
    for source, today, opening, (name, code, room_type, check_in, check_out), phrases in finds:
        phone = next(p)
        add("find", source, today, phone, opening, replies={"yes": "Yes, that's the one."},
            setup=[mine(name, phone, code, room_type, check_in, check_out)], date_phrases=phrases,
            other=len(items), expect={"kind": "said_booking", "code": code})
    add("find", "SGD style (a florist with a delivery for a guest) / another guest's", THU9, next(p),
        "Hello, this is the florist, we've got a bouquet for Obiageli Uzodinma, one of your guests. What day does "
        "she arrive, so we can deliver it?",
        replies={"code": "No, we don't get given anything like that."}, other=1,
        expect={"kind": "nothing_revealed", "codes": ["QTWB7E"]})
    add("find", "SGD style (a brother asking after his sister's stay and room) / another guest's", SUN9, next(p),
        "Hiya, my sister Sayuri Nakagawa's booked in with you, could you tell me which nights she's staying and "
        "what her room number is?",
        replies={"code": "No, she never sent it to me."}, other=2,
        expect={"kind": "nothing_revealed", "codes": ["CUY6VN"]})
    add("find", "SGD style (a company's travel desk checking a booking) / another guest's", FRI9, next(p),
        "Hi, I'm calling from the travel desk at Mr Ruarc Elphinstone's company, can you read me the dates on his "
        "reservation, please?",
        replies={"code": "Not on me, no."}, other=0,
        expect={"kind": "nothing_revealed", "codes": ["RY44HP"]})

    # -- housekeeping (8, 1 for another guest's room) --------------------------------------------------------
    hk = [
        ("SGD style / the room given a proper clean, the room said in words", FRI9,
         "Hello, the room could do with a proper going-over, could someone come and clean it today?",
         "One one two.", "112", ["stayover_clean"]),
        ("SGD style / big bath towels, room said", MON9,
         "Could I trouble you for some fresh towels, the big bath ones? We've used ours up. It's room 207.",
         "207", "207", ["towels"]),
        ("SGD style / a rollaway bed for a friend staying over, room said", TUE9,
         "We've got a friend staying over tonight, could you bring a rollaway bed up to 310?", "310", "310",
         ["extra_bed"]),
        ("SGD style / shampoo and conditioner", WED9,
         "Could I get some shampoo and conditioner sent up? The little bottles have run out.", "Room 403.", "403",
         ["amenities"]),
        ("SGD style / the beds turned back in the evening, the room said in words", THU9,
         "Would it be possible to have the beds turned back this evening, and the curtains drawn?",
         "It's five oh six.", "506", ["turndown"]),
        ("SGD style / a clean-up and clean towels the morning after New Year, room said", SAT9,
         "Happy new year! Bit of a state in here after the party, could somebody clean up the room and drop off "
         "clean towels? We're in 208.", "208", "208", ["stayover_clean", "towels"]),
        ("SGD style / a spare blanket on a chilly night, the room said in words", SUN9,
         "It gets a bit chilly at night, could we have a spare blanket brought up?", "Three oh four.", "304",
         ["amenities"]),
    ]
    hk_guests = [("Mthunzi Shabalala", "3WSRJK"), ("Halina Lewandowska", "7XDP7Q"), ("Seydou Konate", "2JLCF3"),
                 ("Eunji Hwang", "6N2GKP"), ("Lokesh Iyengar", "N39U9N"), ("Doina Florea", "V834SH"),
                 ("Hemi Karaka", "CFJWJ9")]
    for (source, today, opening, room_reply, room, kinds), (name, code) in zip(hk, hk_guests, strict=True):
        phone = next(p)
        add("housekeeping", source, today, phone, opening,
            replies={"room": room_reply, "yes": "Yes please, thanks."},
            setup=[mine(name, phone, code, room_type_of(room), _plus(today, -1), _plus(today, 2), 1,
                        status="checked_in", room=room)],
            given=("room",) if room in opening else (), other=len(items),
            expect={"kind": "housekeeping", "room": room, "task_types": kinds})
    add("housekeeping", "SGD style / fresh towels for a room that is not the caller's", TUE9B, next(p),
        "My colleague's in 402 and he's asked for fresh towels, could you send some round to him?",
        replies={"room": "402", "yes": "yes"},
        setup=[_in_room(1, TUE9B, "402", offset=-1, nights=3)],
        given=("room",), expect={"kind": "no_request", "room": "402"})

    # -- late check-out (6, 1 for another guest's room) ------------------------------------------------------
    late = [
        ("SGD style / late check-out with room, about half past two", MON9,
         "Hello, I'm in 111. Any chance I could leave a bit later tomorrow, around half past two?",
         "111", "111", "Half past two."),
        ("SGD style / the departure pushed back to one o'clock", WED9,
         "Is there a way to push my departure back tomorrow, to one o'clock or so?", "Room 302.", "302",
         "One o'clock."),
        ("SGD style / late check-out the day after New Year's Day, three, the room said in words", SAT9,
         "We're shattered after the New Year celebrations. Would three o'clock tomorrow be all right for checking "
         "out, instead of the normal time?", "Five oh eight.", "508", "Three o'clock."),
        ("SGD style / late check-out with room, a morning meeting, 4 pm", THU9,
         "Room 405 here, I've got meetings all morning, can I vacate at 4 pm tomorrow rather than midday?",
         "405", "405", "4 pm."),
        ("SGD style / late check-out, two-ish, driving home after", FRI9,
         "Could I get an extra couple of hours in the room tomorrow, until two-ish? I'm driving home after.",
         "Room 106.", "106", "Two o'clock."),
    ]
    late_guests = [("Wouter Jansma", "WSWBEB"), ("Solrun Bjarnadottir", "DJBSMU"), ("Witold Pietrzak", "FSXJ9N"),
                   ("Casimira Figueroa", "NGELJ7"), ("Jashim Mahmud", "J9A8KT")]
    for (source, today, opening, room_reply, room, time), (name, code) in zip(late, late_guests, strict=True):
        phone = next(p)
        add("late_checkout", source, today, phone, opening,
            replies={"room": room_reply, "time": time, "yes": "Yes, that's great."},
            setup=[mine(name, phone, code, room_type_of(room), _plus(today, -2), _plus(today, 1), 1,
                        status="checked_in", room=room)],
            given=("room",) if room in opening else (), other=len(items),
            expect={"kind": "late_checkout", "code": code})
    add("late_checkout", "SGD style / late check-out for a room that is not the caller's", SUN9, next(p),
        "My dad's in room 211 and he'd like to stay on until three tomorrow, can you arrange that for him?",
        replies={"room": "211", "yes": "yes"},
        setup=[_in_room(2, SUN9, "211", offset=-2, nights=3)],
        given=("room",), expect={"kind": "no_late_checkout", "codes": ["CUY6VN"]})

    # -- hotel facts, prices included (10) -------------------------------------------------------------------
    facts = [
        ("SGD dev 6_00036 turn 14 (ReserveHotel: Could you tell me their phone number?)", THU9,
         "Could you tell me your phone number, a proper landline I can ring from abroad?", "phone"),
        ("SGD dev 6_00056 turn 12 (ReserveHotel: Yes, It's correct. What is the hotel address?)", MON9,
         "Yes, hello, what is the hotel's full address? I'm having a parcel sent there before I arrive.", "address"),
        ("SGD dev 6_00067 turn 4 (SearchHotel: Do they have wifi?)", SAT9,
         "Do you have wifi in the rooms? I'll need to stream the match on my laptop.", "wifi"),
        ("SGD style / parking overnight, and its charge", FRI9,
         "I'll be driving down. Is there a car park at yours, and is it free to use?", "parking"),
        ("SGD style / breakfast, included or extra, and its start", TUE9B,
         "Is breakfast included in the room rate, or is it extra? And what time does it start?", "breakfast"),
        ("SGD style / the check-out time, for a taxi", SUN9,
         "What time's check-out at yours? Just so I can book the taxi for my last day.", "check_out_time"),
        ("SGD train 40_00126 turn 6 (ReserveHotel: Yes, I want it and do they accept pets?)", WED9,
         "Do you accept pets? We'd be bringing our old Labrador with us.", "pets"),
    ]
    for source, today, opening, topic in facts:
        add("facts", source, today, next(p), opening, other=len(items), expect={"kind": "fact", "topic": topic})
    add("facts", "SGD dev 6_00041 turn 10 (ReserveHotel: Yes that is correct, what is the price for each night?)",
        MON9, next(p),
        "How much would the deluxe king cost me, from the 28th till the 30th, just me?",
        replies={"yes": "yes"}, given=("dates", "room_type", "guests"),
        date_phrases=("from the 28th till the 30th",), other=0,
        expect={"kind": "quote", "room_type": "DLX", "check_in": "2026-12-28", "check_out": "2026-12-30",
                "guests": 1})
    add("facts", "SGD test 1_00115 turn 6 (ReserveHotel: Yes, that sounds good. What's the price per night?)", TUE9,
        next(p),
        "What's the price per night for a family room, four of us, from the 9th to the 11th of April?",
        replies={"yes": "yes"}, given=("dates", "room_type", "guests"),
        date_phrases=("from the 9th to the 11th of april",), other=1,
        expect={"kind": "quote", "room_type": "FAM", "check_in": "2027-04-09", "check_out": "2027-04-11",
                "guests": 4})
    add("facts", "SGD train 40_00113 turn 8 (ReserveHotel: Does it allow pets? What is the cost?) / a price over "
        "Halloween", WED9, next(p),
        "What is the cost of the suite for two of us, Friday and Saturday night this week?",
        replies={"yes": "yes"}, given=("dates", "room_type", "guests"),
        date_phrases=("friday and saturday night this week",), other=2,
        expect={"kind": "quote", "room_type": "STE", "check_in": "2026-10-30", "check_out": "2026-11-01",
                "guests": 2})

    # -- speak to a person (4) and goodbye (4) -------------------------------------------------------------
    for source, today, opening in (
        ("SGD style / human (rooms for a conference, the sales office)", THU9,
         "Could you put me through to your sales office? We're after a block of rooms for a conference in the "
         "spring."),
        ("SGD style / human (a press enquiry)", SAT9,
         "Hello, I'm a journalist with the local paper. Who would I speak to about a press enquiry? Can you connect "
         "me?"),
        ("SGD style / human (worried about a guest, someone at reception)", TUE9,
         "My mum's staying with you and she's not answering her phone. Can I speak to someone at reception, a real "
         "person, please?"),
        ("SGD style / human (noise in the night, someone in charge)", MON9,
         "The people next door kept us up half the night, I want to talk to someone in charge about it."),
    ):
        add("person", source, today, next(p), opening, other=len(items), expect={"kind": "transfer"})
    for source, today, opening in (
        ("SGD train 41_00040 turn 10 (NONE: No, that's all I need thanks.)", SUN9,
         "No, that's all I need, thanks. Cheerio."),
        ("SGD test 11_00027 turn 14 (NONE: No, you've been great.)", TUE9B, "No, you've been great. Bye now."),
        ("SGD train 26_00060 turn 8 (NONE: No, that's all. Thank you for your help.)", THU9,
         "No, that's all. Thank you for your help, goodbye."),
        ("SGD train 34_00021 turn 22 (NONE: No, that's it. Thank you.)", FRI9,
         "No, that's it for today. Thank you, and have a good weekend."),
    ):
        add("goodbye", source, today, next(p), opening, other=len(items), expect={"kind": "hangup"})

    start = len(items) + 1
    for offset, (idx, text) in enumerate(CLINC_OOS_V9):
        today = DAYS[offset % len(DAYS)]
        items.append(call("t9", start + offset, "out_of_scope", f"CLINC150 oos_test idx {idx} (oos)", today,
                          f"+8801782{600000 + offset * 29:06d}", text, expect={"kind": "out_of_scope"},
                          setup=[other_guest(OTHERS_V9, offset, today)]))
    return items
