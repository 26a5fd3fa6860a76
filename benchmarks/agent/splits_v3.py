"""The test split, version 3 (``splits/test3.jsonl``): held out from 2026-12-01 (its provenance).

Written after v2 was scored once (2026-11-30, 92 %) and so spent, by v2's rules, blind to the agent (nobody who
wrote it read ``agent/`` or ``tools/``), from what v1, v2 and dev did not use:

- wording: SGD and MultiWOZ user turns and CLINC150 utterances that no earlier split followed (each call's
  ``source`` names the turn), rewritten for our one hotel in the source's style; housekeeping, late check-out
  and speak-to-a-person calls have no source turn and are written "SGD style", in phrasings no split had;
- out of scope: CLINC150's next 40 ``oos_test`` utterances after v2's, idx 83-130 of clinc/oos-eval
  ``data/data_full.json`` (commit 828f809), verbatim, typos included, leaving out eight a hotel could take for
  a request of its own (``CLINC_OOS_V3_LEFT_OUT``);
- new names, phone numbers (+880 1331…, 1347…, 1362…), codes and eight new days (``DAYS``).

``make_splits.py`` renders and checks it with v1, v2 and dev (``python -m benchmarks.agent.make_splits --check``).

Spent: scored once, on 2026-12-01 (82 %); the held-out split is now v4 (``splits_v4.py``). Its file is unchanged.
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

V3 = 3
HEADER_V3 = ("FROZEN test split v{v}: held out from 2026-12-01; never tune on it, never run the agent on it or look "
             "at how the agent answers it before its one scored run (use dev.jsonl, or test.jsonl and test2.jsonl: "
             "spent). Written by benchmarks/agent/splits_v3.py via make_splits.py.")

# The hotel's day of each call (10:00 hotel time): every day of the week, none of v1's, v2's or dev's.
MON3 = "2026-10-26"  # "this saturday and sunday night" runs into November; September and June mean next year
TUE3 = "2027-03-02"  # "next friday" reads two ways; "the 29th of this month" runs into April
WED3 = "2026-12-23"  # stays over New Year
THU3 = "2026-12-31"  # New Year's Eve: "tomorrow" is 2027
FRI3 = "2026-11-27"  # "thursday next week" and "next weekend" are in December; May means next year
SAT3 = "2027-02-27"  # day numbers roll into March (2027 is not a leap year)
SUN3 = "2026-09-27"  # day numbers roll into October
SUN3B = "2027-01-03"  # just after New Year; "next sunday" reads two ways
DAYS = (MON3, TUE3, WED3, THU3, FRI3, SAT3, SUN3, SUN3B)

OTHERS_V3 = [
    {"name": "Zdenka Dunleavy", "phone": "+8801362418053", "room_type": "DLX", "code": "67GAN4"},
    {"name": "Aurelio Fenwright", "phone": "+8801362427519", "room_type": "STD", "code": "3KMDV4"},
    {"name": "Berenike Strachwitz", "phone": "+8801362436807", "room_type": "FAM", "code": "LX4GN9"},
]

# CLINC150 oos_test (clinc/oos-eval data/data_full.json, commit 828f809), idx 83-130, verbatim.
CLINC_OOS_V3 = (
    (83, "is the bank open on mlk day"), (85, "from the second of the left ,the pink one"),
    (87, "can you tell me the score of the heat game"), (88, "can you mark this note as important"),
    (89, "can you tell me how to multiply two fractions"), (90, "i want to find a new car under $25000"),
    (91, "when is the next full moon"), (92, "how do i change the windshield wipers"), (93, "why is the sky blue"),
    (94, "should i do a complete stop at red lights"), (96, "can you tell me today's headlines pleasei"),
    (97, "who invented custardo"), (98, "how to be millionare"), (99, "when does the stock market update"),
    (102, "open up internet browser"), (103, "it is white colour"), (104, "what makes pi so mathematically important"),
    (105, "why can you have the square root of a negative number"), (106, "how much time do i have left on my 0% apr"),
    (107, "what are the highest-rated android phones"), (109, "find articles about the protests in parisi"),
    (110, "can you tell me how fast the average airplane enroute to california goes"),
    (111, "how many hurricanes are in an average hurricane season"),
    (112, "how does my current htc phone compare to other android phones"),
    (114, "how many items are in a bakers dozen"),
    (115, "what articles are written at the cnn site about the women's march"), (116, "when does napa close"),
    (117, "what is the current price of tsla"), (118, "when will world war 3 begin"),
    (119, "what's going on in the world today"), (120, "what battery percentage is my phone at"),
    (121, "can you sign out of my bank login"), (122, "what is one standard deviation"),
    (123, "has the market been up or down since the beginning of this year"), (124, "how many moons does mars have"),
    (125, "what is the cashback rate for my credit card"), (126, "who has the best record in the nba"),
    (127, "how long is the bank open until"), (128, "what are some good games for my android phone"),
    (130, "how much over will overdraft protection cover"),
)
# Left out: a hotel could take each for a request of its own (a deposit, the minibar, the room's TV, a stain on
# the carpet, a room rate, the check-in time, in-room films, a longer stay).
CLINC_OOS_V3_LEFT_OUT = (
    (84, "can i deposit a check"), (86, "go and check the fridge"), (95, "are all televisions high definition"),
    (100, "can you tell me how to get gum out of my rug"), (101, "how can i get a better rate on my card"),
    (108, "what time do i need to arrive to make it on time"), (113, "what movies are available"),
    (129, "can my grace period be extended any possible way"),
)


def _in_room(index: int, today: str, room: str, *, offset: int, nights: int) -> dict[str, Any]:
    return in_room(OTHERS_V3, index, today, room, offset=offset, nights=nights)


def test3_split() -> list[dict[str, Any]]:  # noqa: PLR0915 (one long list of calls is the clearest form)
    items, add = calls_of("t3", OTHERS_V3)

    p = iter(f"+8801331{400000 + i * 61:06d}" for i in range(200))

    # -- book (26) -------------------------------------------------------------------------------------------
    add("book", "CLINC150 book_hotel idx 7 (i must get a hotel in phoenix near chase field from january 4th to "
        "the 8th)", MON3, next(p), "i must get a room from june 4th to the 8th",
        replies={"guests": "just me and my sister so two", "room_type": "umm something with two beds",
                 "name": "Ottavia Brennagh", "yes": "yeah that's it"},
        given=("dates",), date_phrases=("from june 4th to the 8th",), other=0,
        expect=booking("2027-06-04", "2027-06-08", 2, ["STD", "FAM"], "Ottavia Brennagh"))
    add("book", "CLINC150 book_hotel idx 11 (get me a hotel in phoenix near chase field from january 4th to the "
        "8th)", FRI3, next(p), "get me a room from november 30th to december 2nd for one",
        replies={"room_type": "uh the cheapest is fine", "name": "Radcliffe Umeadi", "yes": "yep all good"},
        given=("dates", "guests"), date_phrases=("from november 30th to december 2nd",), other=1,
        expect=booking("2026-11-30", "2026-12-02", 1, "STD", "Radcliffe Umeadi"))
    add("book", "CLINC150 book_hotel idx 12 (i need to get a hotel in phoenix near chase field from january 4th "
        "to the 8th)", WED3, next(p), "i need to get a room from january 8th to the 10th with a king bed",
        replies={"guests": "two adults", "name": "it's Sunniva Kaczmarek", "yes": "yes book it"},
        given=("dates", "room_type"), date_phrases=("from january 8th to the 10th",), other=2,
        expect=booking("2027-01-08", "2027-01-10", 2, ["DLX", "STE"], "Sunniva Kaczmarek"))
    add("book", "CLINC150 book_hotel idx 22 (i need a hotel between january 1st through 3rd in jacksonville ...)",
        SUN3, next(p), "i need a room between the 2nd through the 4th, so early next month",
        replies={"guests": "three of us, two adults and a kid", "room_type": "the family one i guess",
                 "name": "Thibault Oyelowo", "yes": "sounds right"},
        given=("dates",), date_phrases=("between the 2nd through the 4th",), other=0,
        expect=booking("2026-10-02", "2026-10-04", 3, ["FAM", "STE"], "Thibault Oyelowo"))
    add("book", "CLINC150 book_hotel idx 23 (find me a place to stay in jacksonville near the stadium from "
        "january 1st through 3rd)", THU3, next(p),
        "find me a place to stay from tomorrow through the 3rd, me and my wife",
        replies={"room_type": "your biggest room", "name": "Ezekiel Pemberthy", "yes": "yes thats all correct"},
        given=("dates", "guests"), date_phrases=("from tomorrow through the 3rd",), other=1,
        expect=booking("2027-01-01", "2027-01-03", 2, ["STE", "FAM"], "Ezekiel Pemberthy"))
    add("book", "CLINC150 book_hotel idx 10 (i need you to find me a hotel with good reviews in phoenix)", SAT3,
        next(p), "i need you to find me a room with a nice view for the night of the 5th",
        replies={"guests": "only me", "name": "Perdita Quennell", "yes": "yes please do"},
        given=("dates", "room_type"), date_phrases=("for the night of the 5th",), other=2,
        expect=booking("2027-03-05", "2027-03-06", 1, "DLX", "Perdita Quennell"))
    add("book", "CLINC150 book_hotel idx 18 (i want a hotel with good review in honolulu, can you find one)", MON3,
        next(p), "i want a room with two beds for this saturday and sunday night, can you find one",
        replies={"guests": "two, me and a colleague", "name": "Anastazja Vukovic", "yes": "yes that works for us"},
        given=("dates", "room_type"), date_phrases=("this saturday and sunday night",), other=0,
        expect=booking("2026-10-31", "2026-11-02", 2, ["STD", "FAM"], "Anastazja Vukovic"))
    add("book", "SGD 10_00089 turn 0 (SearchHouse: I need a house to stay in.)", SAT3, next(p),
        "I need a place to stay, um, Thursday to Sunday.",
        replies={"guests": "Two people.", "room_type": "Hmm, the standard is fine.", "name": "Bronwen Oyinlola",
                 "yes": "Yes, good."},
        given=("dates",), date_phrases=("thursday to sunday",), other=1,
        expect=booking("2027-03-04", "2027-03-07", 2, "STD", "Bronwen Oyinlola"))
    add("book", "SGD 6_00066 turn 2 (SearchHotel: Actually I'll only need one room in New York City.)", TUE3, next(p),
        "Hi, I thought we'd need three rooms but actually I'll only need one, for the nights of the 9th and 10th.",
        replies={"guests": "Four of us, it's the whole family.", "room_type": "Something all four of us fit in.",
                 "name": "Cosmo Tregunna", "yes": "Yes, perfect."},
        given=("dates",), date_phrases=("the nights of the 9th and 10th",), other=2,
        expect=booking("2027-03-09", "2027-03-11", 4, "FAM", "Cosmo Tregunna"))
    add("book", "SGD 1_00034 turn 0 (SearchHotel: Would you help me to find a hotel?)", WED3, next(p),
        "Would you help me find a room for New Year's Eve? Just the one night.",
        replies={"guests": "It's for me and my fiancé.", "room_type": "The suite, we're celebrating.",
                 "name": "Delphina Szczepanski", "yes": "Yes, lovely."},
        given=("dates",), date_phrases=("a room for new year's eve",), other=0,
        expect=booking("2026-12-31", "2027-01-01", 2, "STE", "Delphina Szczepanski"))
    add("book", "SGD 1_00036 turn 0 (SearchHotel: I need to make a hotel reservation. Please help me find a 4 star "
        "hotel ...)", MON3, next(p),
        "I need to make a reservation. Please help me find something for four people, from Wednesday for two nights.",
        replies={"room_type": "Whatever fits four.", "name": "Eamon Haverkamp", "yes": "Yes, that's the one."},
        given=("dates", "guests"), date_phrases=("from wednesday for two nights",), other=1,
        expect=booking("2026-10-28", "2026-10-30", 4, "FAM", "Eamon Haverkamp"))
    add("book", "SGD 40_00100 turn 2 (ReserveHotel: Yes, check for vacancies ... for wednesday next week.)", FRI3,
        next(p), "Yes, could you check for vacancies for thursday next week? Two nights, just myself.",
        replies={"room_type": "The queen is plenty.", "name": "Fiammetta Gwynedd", "yes": "Yes, I confirm."},
        given=("dates", "guests"), date_phrases=("vacancies for thursday next week",), other=2,
        expect=booking("2026-12-03", "2026-12-05", 1, "STD", "Fiammetta Gwynedd"))
    add("book", "SGD 40_00101 turn 12 (ReserveHotel: I want to try booking again checking in on the 2nd of this "
        "month.)", TUE3, next(p),
        "I want to try booking again, checking in on the 28th, no sorry, the 29th of this month and out on the 2nd.",
        replies={"guests": "Just the two of us.", "room_type": "Deluxe king.", "name": "Gulnara Illingworth",
                 "yes": "Yes, that's everything."},
        given=("dates",), date_phrases=("the 29th of this month and out on the 2nd",), other=0,
        expect=booking("2027-03-29", "2027-04-02", 2, "DLX", "Gulnara Illingworth"))
    add("book", "MultiWOZ SNG01692 turn 8 (book_hotel: Are you sure that did n't work ? 8 people and 3 nights "
        "starting from monday ?)", THU3, next(p),
        "Hi, can you try a booking for me? 3 people and 2 nights starting from monday.",
        replies={"room_type": "the family room is fine", "name": "Hollis Jablonski", "yes": "yes go on"},
        given=("dates", "guests"), date_phrases=("2 nights starting from monday",), other=1,
        expect=booking("2027-01-04", "2027-01-06", 3, ["FAM", "STE"], "Hollis Jablonski"))
    add("book", "MultiWOZ PMUL0048 turn 12 (book_hotel: Any you recommend will be fine . I 'll need it booked on the "
        "same day, same people, and for 5 nights .)", SUN3B, next(p),
        "Hi, I need a room. Any you recommend will be fine. I'll need it from tomorrow, 2 people, and for 5 nights.",
        replies={"room_type": "No preference, whatever you think is good.", "name": "Isidora Kilbane",
                 "yes": "That is just great, yes."},
        given=("dates", "guests"), date_phrases=("need it from tomorrow",), other=2,
        expect=booking("2027-01-04", "2027-01-09", 2, ["STD", "DLX", "FAM", "STE"], "Isidora Kilbane"))
    add("book", "SGD 10_00088 turn 0 (SearchHouse: I need to rent a house for 1 person with a 3.7 rating or more.)",
        SUN3, next(p),
        "I need a room for 1 person, checking in the day after tomorrow for three nights, king bed if you've got one.",
        replies={"name": "Jovan Mavrokordatos", "yes": "Yes, all good."},
        given=("dates", "guests", "room_type"), date_phrases=("checking in the day after tomorrow for three nights",),
        other=0, expect=booking("2026-09-29", "2026-10-02", 1, ["DLX", "STE"], "Jovan Mavrokordatos"))
    add("book", "SGD 10_00091 turn 0 (SearchHouse: Find me for 1 people a house to stay with laundry service ...)",
        FRI3, next(p), "Find me for 2 people your biggest room, from the 20th to the 24th of may.",
        replies={"name": "Kerensa Nkemelu", "yes": "Yes, thank you."},
        given=("dates", "guests", "room_type"), date_phrases=("from the 20th to the 24th of may",), other=1,
        expect=booking("2027-05-20", "2027-05-24", 2, ["STE", "FAM"], "Kerensa Nkemelu"))
    add("book", "SGD 1_00039 turn 0 (SearchHotel: Can you find me two smoking rooms in a London hotel, please?)",
        MON3, next(p), "Can you find me a non-smoking room for two, the nights of the 12th and 13th of september?",
        replies={"room_type": "Two single beds if you have them.", "name": "Mahalia Oakenfold",
                 "yes": "Yes, that's correct."},
        given=("dates", "guests"), date_phrases=("the nights of the 12th and 13th of september",), other=2,
        expect=booking("2027-09-12", "2027-09-14", 2, ["STD", "FAM"], "Mahalia Oakenfold"))
    add("book", "SGD 6_00063 turn 10 (ReserveHotel: Okay that is fine. Make the reservation.)", SUN3B, next(p),
        "Okay, the deluxe king for two on friday and saturday night is fine, make the reservation, the name's "
        "Niamh Pellegrino.",
        replies={"yes": "Yep, please do that."},
        given=("dates", "guests", "room_type", "name"), date_phrases=("on friday and saturday night",), other=0,
        expect=booking("2027-01-08", "2027-01-10", 2, "DLX", "Niamh Pellegrino"))
    add("book", "CLINC150 book_hotel idx 20 (i need your help to find a good reviewed hotel in washington) + 'next'",
        TUE3, next(p), "i need your help to book a room next friday for one night",
        replies={"guests": "one", "room_type": "standard", "name": "Orrin Quarshie", "yes": "yes"},
        given=("dates",), date_phrases=("next friday for one night",), other=1,
        expect=booking("2027-03-05", "2027-03-06", 1, "STD", "Orrin Quarshie",
                       alternatives=(("2027-03-12", "2027-03-13"),)))
    add("book", "CLINC150 book_hotel idx 21 (can you find me a good reviewed hotel in japan) + 'next'", SUN3B,
        next(p), "can you find me a room for next sunday night, two adults",
        replies={"room_type": "the king room", "name": "Petronella Rutherglen", "yes": "yes thats it"},
        given=("dates", "guests"), date_phrases=("for next sunday night",), other=2,
        expect=booking("2027-01-10", "2027-01-11", 2, "DLX", "Petronella Rutherglen",
                       alternatives=(("2027-01-17", "2027-01-18"),)))
    add("book", "CLINC150 book_hotel idx 17 (can you find me a reputable hotel in honolulu)", WED3, next(p),
        "can you find me a quiet room a week on friday, for two nights",
        replies={"guests": "only myself", "room_type": "any quiet one, the standard is fine",
                 "name": "Rashida Trevelyan", "yes": "yes, go ahead"},
        given=("dates",), date_phrases=("a week on friday, for two nights",), other=0,
        expect=booking("2027-01-01", "2027-01-03", 1, "STD", "Rashida Trevelyan"))
    add("book", "SGD 1_00032 turn 0 (SearchHotel: I need help finding a hotel in London.) + returning guest", SUN3,
        "+8801331409917", "Hello again, I need help booking a room, from the 3rd to the 5th.",
        replies={"guests": "Two of us again.", "room_type": "The deluxe king, like last time.",
                 "yes": "Yes, that's me, go ahead."},
        setup=[known_guest("Severin Vanderhoek", "+8801331409917")], given=("dates",),
        date_phrases=("from the 3rd to the 5th",), other=1,
        expect=booking("2026-10-03", "2026-10-05", 2, "DLX", "Severin Vanderhoek"))
    add("book", "SGD 1_00033 turn 0 (SearchHotel: I need a hotel in Phoenix, AZ please) + returning guest", THU3,
        "+8801331409978", "Hi, it's me again, I need a room please, tonight and tomorrow, just for myself.",
        replies={"room_type": "Standard, nothing fancy.", "yes": "Yes, that's me."},
        setup=[known_guest("Tindra Yardley", "+8801331409978")], given=("dates", "guests"),
        date_phrases=("tonight and tomorrow",), other=2,
        expect=booking("2026-12-31", "2027-01-02", 1, "STD", "Tindra Yardley"))
    add("book", "CLINC150 book_hotel idx 8 (go ahead and find me a hotel with good reviews in phoenix)", SAT3,
        next(p), "go ahead and book me a room, checking in on the 1st and leaving the 3rd, two of us",
        replies={"room_type": "deluxe", "name": "Ulrike Zarembski", "yes": "yes correct"},
        given=("dates", "guests"), date_phrases=("checking in on the 1st and leaving the 3rd",), other=0,
        expect=booking("2027-03-01", "2027-03-03", 2, "DLX", "Ulrike Zarembski"))
    add("book", "CLINC150 book_hotel idx 9 (find me a hotel with good reviews in phoenix)", WED3, next(p),
        "find me a room from the 30th for four nights, there's four of us",
        replies={"room_type": "the family room", "name": "Vesna Bellweather", "yes": "yes"},
        given=("dates", "guests"), date_phrases=("from the 30th for four nights",), other=1,
        expect=booking("2026-12-30", "2027-01-03", 4, "FAM", "Vesna Bellweather"))

    # -- change dates or guests (10, 2 of them another guest's booking) ---------------------------------------
    Change = tuple[str, str, str, dict[str, str], tuple[str, str, str, str, str, int], tuple[str, ...], dict[str, Any]]
    changes: list[Change] = [
        ("CLINC150 no idx 2 (nope that's not it)", FRI3,
         "Hi, I looked at my confirmation and nope, that's not it, it's the wrong week. It should start on the 14th, "
         "same two nights.",
         {"dates": "The 14th to the 16th of December.", "yes": "Yes, that's it."},
         ("Wystan Carrow", "7NEP8N", "STD", "2026-12-07", "2026-12-09", 2),
         ("start on the 14th, same two nights",), {"check_in": "2026-12-14", "check_out": "2026-12-16"}),
        ("SGD 40_00101 turn 6 (ReserveHotel: No, I want to stay at The Westin San Diego Gaslamp Quarter.)", THU3,
         "Hi, about my reservation, I want to stay until the 5th, not the 3rd.",
         {"yes": "Yes, thank you."},
         ("Xiomara Dunmore", "F9Z3EV", "DLX", "2027-01-01", "2027-01-03", 2),
         ("until the 5th, not the 3rd",), {"check_in": "2027-01-01", "check_out": "2027-01-05"}),
        ("SGD 40_00101 turn 8 (ReserveHotel: No, I want hotels around SD and I need three rooms.)", TUE3,
         "I need three people on my reservation now, not two, my brother's joining us.",
         {"yes": "Yes, three."},
         ("Yannick Esterhazy", "PADH87", "FAM", "2027-03-12", "2027-03-15", 2),
         (), {"guests": 3}),
        ("MultiWOZ SNG01534 turn 10 (book_hotel: Let 's back up a bit .)", SAT3,
         "Let's back up a bit on my booking, can it start on the 7th instead of the 9th? Same check-out.",
         {"yes": "Yes please."},
         ("Zephyrine Falconbridge", "L6ZM4W", "STD", "2027-03-09", "2027-03-11", 1),
         ("start on the 7th instead of the 9th",), {"check_in": "2027-03-07", "check_out": "2027-03-11"}),
        ("MultiWOZ SNG01353 turn 10 (book_hotel: No , I need it for those days .)", WED3,
         "My booking's on the wrong days, I need it for new year, in on the 30th and out on the 2nd.",
         {"yes": "Yes, that's right."},
         ("Albrecht Gorringe", "4J3LMQ", "DLX", "2026-12-26", "2026-12-28", 2),
         ("in on the 30th and out on the 2nd",), {"check_in": "2026-12-30", "check_out": "2027-01-02"}),
        ("CLINC150 cancel idx 3 (that was a mistake, undo that)", MON3,
         "That extra night on my booking was a mistake, undo that please, we check out on saturday.",
         {"yes": "Yes, Saturday."},
         ("Benedikta Inchbald", "7EU8PP", "STD", "2026-10-29", "2026-11-01", 2),
         ("we check out on saturday",), {"check_in": "2026-10-29", "check_out": "2026-10-31"}),
        ("CLINC150 no idx 8 (no, that is wrong)", SUN3B,
         "no, that is wrong on my booking, it says two guests but it's only me",
         {"yes": "yes, only me"},
         ("Dorothea Kirkcaldy", "SXVA62", "DLX", "2027-01-15", "2027-01-17", 2),
         (), {"guests": 1}),
    ]
    for source, today, opening, replies, (name, code, room_type, ci, co, guests), phrases, new in changes:
        phone = next(p)
        add("change", source, today, phone, opening, replies=replies,
            setup=[mine(name, phone, code, room_type, ci, co, guests)], date_phrases=phrases, other=len(items),
            expect={"kind": "changed", "code": code, **new})
    phone = next(p)
    add("change", "CLINC150 no idx 0 (that isn't right) + two bookings", FRI3, phone,
        "that isn't right, my booking in december should be three nights, not two",
        replies={"which": "The December one.", "code": "I don't have it handy.", "yes": "Yes, three nights."},
        setup=[mine("Eulalia Loxley", phone, "92QZK9", "STD", "2026-12-10", "2026-12-12"),
               mine("Eulalia Loxley", phone, "RDA998", "DLX", "2027-01-20", "2027-01-22")],
        other=2, expect={"kind": "changed", "code": "92QZK9", "check_in": "2026-12-10", "check_out": "2026-12-13",
                         "untouched": ["RDA998"]})
    add("change", "CLINC150 no idx 5 (that isn't correct) / another guest's", SUN3, next(p),
        "that isn't correct, the booking under Zdenka Dunleavy should be for two people, can you fix it? i'm her "
        "partner",
        replies={"code": "I don't know her code.", "yes": "yes"}, other=0,
        expect={"kind": "untouched", "codes": ["67GAN4"]})
    add("change", "SGD 40_00099 turn 0 (ReserveHotel: I would like to make a reservation at Springhill Suites "
        "Fresno.) / another guest's, a wrong code", MON3, next(p),
        "I would like to change a reservation for Aurelio Fenwright, code 3 K M D V 7, to three nights.",
        replies={"code": "3 K M D V 7", "yes": "yes"}, given=("code",), other=1,
        expect={"kind": "untouched", "codes": ["3KMDV4"]})

    # -- cancel (10, 2 of them another guest's booking) ------------------------------------------------------
    cancels = [
        ("CLINC150 cancel idx 5 (forget what i told you to do)", MON3,
         "forget the room i booked with you, i'm not coming anymore, cancel it", "yeah go ahead and cancel",
         ("Florentyna Nethercott", "24RDE9", "STD", "2026-11-10", "2026-11-12"), ()),
        ("CLINC150 cancel idx 4 (ignore the previous command)", TUE3,
         "please ignore the booking i made, plans changed, i need it cancelled", "yes, all of it",
         ("Gaspard Ormerod", "CWM567", "DLX", "2027-03-16", "2027-03-18"), ()),
        ("CLINC150 cancel idx 6 (please cancel the last input)", SAT3,
         "please cancel the last booking i made with you, the one for the 19th", "yes that one",
         ("Heloise Polgreen", "45ENBA", "FAM", "2027-03-19", "2027-03-21"), ("the one for the 19th",)),
        ("SGD 1_00033 turn 4 (NONE: For now, don't do that, I'll tell you when, that's it)", FRI3,
         "I've got a room booked next weekend but don't hold it for me, I'll call again when I know. Cancel it for "
         "now.", "Yes, that's it.",
         ("Ingeborg Quickfall", "YD9E3R", "STD", "2026-12-04", "2026-12-06"), ("a room booked next weekend",)),
        ("SGD 1_00039 turn 4 (NONE: Not now, I'm going to look around a little more.)", SUN3B,
         "I have a booking with you for the 8th, but I'm going to look around a little more, so please cancel it.",
         "Yes, please.",
         ("Jolyon Stanhope", "H5WD2A", "DLX", "2027-01-08", "2027-01-10"), ("a booking with you for the 8th",)),
        ("SGD 1_00037 turn 6 (NONE: Not at the moment thank you.)", SUN3,
         "We won't be needing the room at the moment, thank you, please cancel my reservation for the 4th.",
         "Yes, quite sure.",
         ("Kasimira Tolhurst", "AZC9Y3", "STD", "2026-10-04", "2026-10-06"), ("my reservation for the 4th",)),
    ]
    for source, today, opening, yes, (name, code, room_type, check_in, check_out), phrases in cancels:
        phone = next(p)
        add("cancel", source, today, phone, opening, replies={"yes": yes},
            setup=[mine(name, phone, code, room_type, check_in, check_out)], date_phrases=phrases,
            other=len(items), expect={"kind": "cancelled", "code": code})
    phone = next(p)
    add("cancel", "CLINC150 cancel idx 7 (please stop the current process) + two bookings, code said", THU3, phone,
        "please stop booking Q H E 6 2 U, i need it cancelled, the other one can stay",
        replies={"code": "Q H E 6 2 U", "yes": "Yes, just that one."}, given=("code",),
        setup=[mine("Leocadio Uttley", phone, "QHE62U", "STD", "2027-01-07", "2027-01-09"),
               mine("Leocadio Uttley", phone, "DERM96", "STD", "2027-02-03", "2027-02-05")],
        other=0, expect={"kind": "cancelled", "code": "QHE62U", "untouched": ["DERM96"]})
    phone = next(p)
    add("cancel", "CLINC150 cancel idx 1 (this process needs to stop) + two bookings, told by the stay", WED3, phone,
        "i have two rooms booked with you, the new year one needs to be cancelled, the february one stays",
        replies={"which": "The one over New Year.", "yes": "Yes, that one."},
        setup=[mine("Melisande Verrall", phone, "SW746F", "DLX", "2026-12-30", "2027-01-01"),
               mine("Melisande Verrall", phone, "W8TP8L", "STD", "2027-02-12", "2027-02-14")],
        date_phrases=("the new year one",), other=1,
        expect={"kind": "cancelled", "code": "SW746F", "untouched": ["W8TP8L"]})
    add("cancel", "CLINC150 restaurant_reservation idx 7 (reserve table for 5 at red robin under the name sara at 3) "
        "/ another guest's", SAT3, next(p), "cancel the room under the name Berenike Strachwitz, i'm her assistant",
        replies={"code": "I don't have a code, it's under Berenike Strachwitz.", "yes": "yes"},
        other=2, expect={"kind": "untouched", "codes": ["LX4GN9"]})
    add("cancel", "CLINC150 restaurant_reservation idx 9 (can you reserve a table for 6 at red robin under the name "
        "mavrick at 5 clock) / another guest's, a wrong code", SUN3, next(p),
        "can you cancel the booking under the name Zdenka Dunleavy, code 6 7 G A N 9",
        replies={"code": "6 7 G A N 9", "yes": "yes"}, given=("code",),
        other=0, expect={"kind": "untouched", "codes": ["67GAN4"]})

    # -- find my booking (8, 3 of them another guest's) ------------------------------------------------------
    finds = [
        ("MultiWOZ SNG01353 turn 6 (find_hotel: that will be nice . get me the reference numbers)", TUE3,
         "Hi, could you get me the reference number for my booking, and the dates too?",
         ("Nuala Whitbread", "KJ562K", "DLX", "2027-03-20", "2027-03-23"), ()),
        ("SGD 6_00065 turn 18 (ReserveHotel: Thank you! How much did it cost?)", MON3,
         "Hi, I booked a room with you a while back, when is it again and how much did it cost?",
         ("Oisin Yelverton", "3TAC3W", "STD", "2026-11-13", "2026-11-15"), ()),
        ("CLINC150 repeat idx 5 (would you repeat what you said earlier)", SAT3,
         "would you repeat the dates of my booking, i didn't write them down",
         ("Pascoe Adeleke", "4GAH6U", "FAM", "2027-03-18", "2027-03-21"), ()),
        ("CLINC150 repeat idx 8 (pardon, i didn't hear you)", WED3,
         "pardon, i didn't hear the dates when i booked, when do i arrive",
         ("Rosalba Bamgbose", "TL82YH", "STE", "2027-01-06", "2027-01-08"), ()),
        ("SGD 40_00099 turn 6 (ReserveHotel: Yes, that is correct. Could you tell me the rating of this hotel?)",
         SUN3B, "Could you tell me if my booking on 1/11 is still there?",
         ("Sigrun Chukwuma", "YMQ9X7", "STD", "2027-01-11", "2027-01-14"), ("my booking on 1/11",)),
    ]
    for source, today, opening, (name, code, room_type, check_in, check_out), phrases in finds:
        phone = next(p)
        add("find", source, today, phone, opening, replies={"yes": "Yes, that's the one."},
            setup=[mine(name, phone, code, room_type, check_in, check_out)], date_phrases=phrases,
            other=len(items), expect={"kind": "said_booking", "code": code})
    add("find", "CLINC150 restaurant_reservation idx 8 (reverse a table for 5 at burger king under the name sara "
        "at 6) / another guest's", THU3, next(p),
        "is there a room under the name Aurelio Fenwright, and what nights is it for?",
        replies={"code": "no, i don't have any code"}, other=1,
        expect={"kind": "nothing_revealed", "codes": ["3KMDV4"]})
    add("find", "SGD style (another guest's phone number read out)", FRI3, next(p),
        "my mum booked us a room from her mobile, zero one three six two four three six eight zero seven, can you "
        "tell me which nights?",
        replies={"code": "She didn't give me one."}, other=2,
        expect={"kind": "nothing_revealed", "codes": ["LX4GN9"]})
    add("find", "SGD style (for a colleague) / another guest's", SUN3, next(p),
        "I'm ringing for my colleague Zdenka Dunleavy, can you read me her booking details?",
        replies={"code": "I haven't got it."}, other=0,
        expect={"kind": "nothing_revealed", "codes": ["67GAN4"]})

    # -- housekeeping (8, 1 for another guest's room) --------------------------------------------------------
    hk = [
        ("SGD style / make up the room", MON3,
         "Hiya, the bin's full and the bed's a mess, could someone come and make up the room? I'm in 203.", "203",
         "203", ["stayover_clean"]),
        ("SGD style / toiletries", TUE3, "Could we get a few more of those little shampoo bottles and a shower cap?",
         "It's 408.", "408", ["amenities"]),
        ("SGD style / towels, the room said in words", WED3,
         "My kid spilled juice everywhere, we need a couple of clean towels, room five oh five.", "Five oh five, 505.",
         "505", ["towels"]),
        ("SGD style / a cot", THU3, "Is there any chance of a cot or a folding bed for our son tonight?",
         "We're in 110.", "110", ["extra_bed"]),
        ("SGD style / turndown with room", FRI3, "Could housekeeping pop by for turndown this evening? Room 307.",
         "307", "307", ["turndown"]),
        ("SGD style / cleaning and coffee in one breath", SAT3,
         "I'd like my room serviced today whenever suits, it's 212, and some more coffee pods while you're at it.",
         "212", "212", ["stayover_clean", "amenities"]),
        ("SGD style / bathrobe and blanket", SUN3, "Can I get a bathrobe and an extra blanket sent up?", "Room 406.",
         "406", ["amenities", "extra_bed"]),
    ]
    hk_guests = [("Tybalt Dimitrov", "9FN982"), ("Undine Fashola", "67WKE9"), ("Valeska Gyamfi", "P3H6QY"),
                 ("Wenonah Hakimi", "3Y5NV8"), ("Yevgenia Jovanovic", "9TK8WY"), ("Amadou Lazarescu", "GN8WR3"),
                 ("Babajide Mwangi", "D4SU2C")]
    for (source, today, opening, room_reply, room, kinds), (name, code) in zip(hk, hk_guests, strict=True):
        phone = next(p)
        add("housekeeping", source, today, phone, opening, replies={"room": room_reply, "yes": "Yes please, thanks."},
            setup=[mine(name, phone, code, room_type_of(room), _plus(today, -1), _plus(today, 2), 1,
                        status="checked_in", room=room)],
            given=("room",) if room in opening else (), other=len(items),
            expect={"kind": "housekeeping", "room": room, "task_types": kinds})
    add("housekeeping", "SGD style / towels for a room that is not the caller's", SUN3B, next(p),
        "Fresh towels for room 409 please, as soon as you can.", replies={"room": "409", "yes": "yes"},
        setup=[_in_room(2, SUN3B, "409", offset=-1, nights=3)],
        given=("room",), expect={"kind": "no_request", "room": "409"})

    # -- late check-out (6, 1 for another guest's room) ------------------------------------------------------
    late = [
        ("SGD style / late check-out, flying in the evening", MON3,
         "We're not flying out till the evening, any way we could keep the room till about 3 tomorrow?", "Room 304.",
         "304", "About 3, if that's alright."),
        ("SGD style / late check-out with room, an hour or two", TUE3,
         "Room 410 here, could I push my check-out back an hour or two tomorrow?", "410", "410",
         "1 pm would be perfect."),
        ("SGD style / late check-out at 2 o'clock", WED3,
         "Hi, I'm leaving tomorrow, is a later check-out doable? Like 2 o'clock?", "It's room 209.", "209",
         "2 o'clock, yes."),
        ("SGD style / late check-out on the last day, time asked", FRI3,
         "Could you hold my room past noon on my last day? I've got a late meeting.", "501.", "501",
         "Until half past one, please."),
        ("SGD style / late check-out with room, half past one", SAT3,
         "Checking out tomorrow from 112, can I stay on until half past one?", "112", "112", "Half past one."),
    ]
    late_guests = [("Chidinma Nwachukwu", "J57Q55"), ("Dagrun Obradovic", "84TRZP"), ("Emeric Petrakis", "K5WB46"),
                   ("Folasade Rautio", "A49U5S"), ("Gunnhild Salonen", "L8A4VE")]
    for (source, today, opening, room_reply, room, time), (name, code) in zip(late, late_guests, strict=True):
        phone = next(p)
        add("late_checkout", source, today, phone, opening,
            replies={"room": room_reply, "time": time, "yes": "Yes, that'd be great."},
            setup=[mine(name, phone, code, room_type_of(room), _plus(today, -2), _plus(today, 1), 1,
                        status="checked_in", room=room)],
            given=("room",) if room in opening else (), other=len(items),
            expect={"kind": "late_checkout", "code": code})
    add("late_checkout", "SGD style / late check-out for a room that is not the caller's", THU3, next(p),
        "Can you let room 303 check out at 3 tomorrow instead? Thanks.", replies={"room": "303", "yes": "yes"},
        setup=[_in_room(0, THU3, "303", offset=-2, nights=3)],
        given=("room",), expect={"kind": "no_late_checkout", "codes": ["67GAN4"]})

    # -- hotel facts, prices included (10) -------------------------------------------------------------------
    facts = [
        ("MultiWOZ SNG01290 turn 0 (find_hotel: I 'm interesting in info about 3-star hotels and such that offer "
         "free wifi .)", MON3, "I'm interested in whether you offer free wifi, I'll need to be online for work calls.",
         "wifi"),
        ("MultiWOZ SNG01323 turn 0 (find_hotel: There are hotels with free wifi and parking , right ?)", TUE3,
         "There's parking at the hotel, right? I'm driving down.", "parking"),
        ("MultiWOZ PMUL0012 turn 6 (find_hotel: Kindly recommend one of the many in the area and send me the "
         "address .)", WED3, "Kindly tell me your address, I'll put it into the sat nav.", "address"),
        ("SGD 40_00104 turn 8 (ReserveHotel: What number can I use to reach the hotel?)", THU3,
         "What number can I use to reach the hotel directly, if this line drops?", "phone"),
        ("MultiWOZ style / breakfast", FRI3, "Is there breakfast in the mornings, and when does it finish?",
         "breakfast"),
        ("SGD style / pets", SAT3, "We travel with a rabbit, are pets okay at your place?", "pets"),
        ("SGD style / check-in time", SUN3, "Our flight lands early in the morning, from what time can we get into "
         "the room?", "check_in_time"),
    ]
    for source, today, opening, topic in facts:
        add("facts", source, today, next(p), opening, other=len(items), expect={"kind": "fact", "topic": topic})
    add("facts", "SGD 6_00065 turn 6 (SearchHotel: Great. How much does it cost?)", TUE3, next(p),
        "How much would the deluxe king come to, checking in on the 18th and out on the 20th? Two of us.",
        replies={"yes": "yes"}, given=("dates", "room_type", "guests"),
        date_phrases=("checking in on the 18th and out on the 20th",), other=0,
        expect={"kind": "quote", "room_type": "DLX", "check_in": "2027-03-18", "check_out": "2027-03-20",
                "guests": 2})
    add("facts", "SGD 6_00062 turn 4 (SearchHotel: Can you find any other hotels, or is that the only one "
        "available?)", SUN3, next(p),
        "Is the family room the only one that takes four? What's the price for it from the 30th of this month till "
        "the 2nd?",
        replies={"guests": "Four, two adults and two kids.", "yes": "yes"}, given=("dates", "room_type"),
        date_phrases=("from the 30th of this month till the 2nd",), other=1,
        expect={"kind": "quote", "room_type": "FAM", "check_in": "2026-09-30", "check_out": "2026-10-02",
                "guests": 4})
    add("facts", "SGD 6_00066 turn 4 (SearchHotel: Are there any other hotels that might work for me?) / over New "
        "Year", WED3, next(p),
        "Anything cheap that might work for me over new year? What would a standard queen come to from the 31st to "
        "the 2nd, just one person?",
        replies={"yes": "yes"}, given=("dates", "room_type", "guests"),
        date_phrases=("from the 31st to the 2nd",), other=2,
        expect={"kind": "quote", "room_type": "STD", "check_in": "2026-12-31", "check_out": "2027-01-02",
                "guests": 1})

    # -- speak to a person (4) and goodbye (4) -------------------------------------------------------------
    for source, today, opening in (
        ("SGD style / human (a wedding block)", SUN3B,
         "Yeah hi, is there a real human I could speak to? It's about rooms for a wedding."),
        ("SGD style / human (a charger left behind)", THU3,
         "Could you pass me over to reception? I left my charger in the room."),
        ("SGD style / human (the duty manager)", FRI3, "get me the duty manager please"),
        ("SGD style / human (a refund)", SAT3,
         "I'd prefer to speak to a member of staff, it's about a refund on my bill."),
    ):
        add("person", source, today, next(p), opening, other=len(items), expect={"kind": "transfer"})
    for source, today, opening in (
        ("SGD 6_00066 turn 18 (ReserveHotel: Okay awesome, thanks! That should be it for now.)", SUN3,
         "Okay awesome, thanks! That should be it for now, bye."),
        ("SGD 40_00104 turn 10 (ReserveHotel: Thank you, that is everything for now.)", MON3,
         "Thank you, that is everything for now. Goodbye."),
        ("CLINC150 goodbye idx 5 (it was very good to talk to you)", TUE3, "it was very good to talk to you, bye now"),
        ("MultiWOZ SNG01784 turn 10 (NONE: Thanks again ! Good day to you !)", SUN3B,
         "Thanks again! Good day to you, bye!"),
    ):
        add("goodbye", source, today, next(p), opening, other=len(items), expect={"kind": "hangup"})

    start = len(items) + 1
    for offset, (idx, text) in enumerate(CLINC_OOS_V3):
        today = DAYS[offset % len(DAYS)]
        items.append(call("t3", start + offset, "out_of_scope", f"CLINC150 oos_test idx {idx} (oos)", today,
                          f"+8801347{200000 + offset * 13:06d}", text, expect={"kind": "out_of_scope"},
                          setup=[other_guest(OTHERS_V3, offset, today)]))
    return items
