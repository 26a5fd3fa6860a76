"""The test split, version 4 (``splits/test4.jsonl``): held out from 2026-12-01 (its provenance).

Written after v3 was scored once (2026-12-01, 82 %) and so spent, by v3's rules and in its proportions, blind to
the agent (nobody who wrote it read ``agent/`` or ``tools/``, nor how the agent answered v3), from what v1, v2, v3
and dev did not use:

- wording: SGD and MultiWOZ user turns and CLINC150 utterances that no earlier split followed (each call's
  ``source`` names the turn), rewritten for our one hotel in the source's style; housekeeping, late check-out
  and speak-to-a-person calls have no source turn and are written "SGD style", in phrasings no split had;
- out of scope: CLINC150's next 40 ``oos_test`` utterances after v3's, idx 131-179 of clinc/oos-eval
  ``data/data_full.json`` (commit 828f809), verbatim, leaving out nine a hotel could take for a request of its
  own (``CLINC_OOS_V4_LEFT_OUT``);
- new names, phone numbers (+880 1851…, 1878…, 1893…), codes and eight new days (``DAYS``).

``make_splits.py`` renders and checks it with v1, v2, v3 and dev (``python -m benchmarks.agent.make_splits
--check``).

Spent: scored once, on 2026-12-01 (83 %); the held-out split is now v5 (``splits_v5.py``). Its file is unchanged.
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

V4 = 4
HEADER_V4 = ("FROZEN test split v{v}: held out from 2026-12-01; never tune on it, never run the agent on it or look "
             "at how the agent answers it before its one scored run (use dev.jsonl, or test.jsonl, test2.jsonl and "
             "test3.jsonl: spent). Written by benchmarks/agent/splits_v4.py via make_splits.py.")

# The hotel's day of each call (10:00 hotel time): every day of the week, none of v1's, v2's, v3's or dev's.
MON4 = "2026-11-30"  # the last day of November: "the 4th", "the 10th" and "friday" are in December
TUE4 = "2026-12-29"  # stays over New Year: "the weekend" reads two ways, "the 2nd" and "the 4th" are 2027
WED4 = "2027-03-17"  # January means next year (2028); "april 2nd" and "4/2" are after the month's end
THU4 = "2026-09-24"  # day numbers roll into October; July means next year
FRI4 = "2026-10-30"  # "the 6th", "the 7th" and "sunday" are in November; May means next year
SAT4 = "2027-01-30"  # day numbers roll into February
SUN4 = "2027-02-14"  # stays over the end of February (2027 is not a leap year)
SUN4B = "2026-12-20"  # Christmas and New Year ahead: "new year's day", "the christmas one"
DAYS = (MON4, TUE4, WED4, THU4, FRI4, SAT4, SUN4, SUN4B)

OTHERS_V4 = [
    {"name": "Nerys Blackadder", "phone": "+8801878305162", "room_type": "DLX", "code": "XD8MCP"},
    {"name": "Osric Pengelly", "phone": "+8801878316740", "room_type": "STD", "code": "JTX8RW"},
    {"name": "Perpeta Westmacott", "phone": "+8801878329485", "room_type": "FAM", "code": "TPDMZ9"},
]

# CLINC150 oos_test (clinc/oos-eval data/data_full.json, commit 828f809), idx 131-179, verbatim.
CLINC_OOS_V4 = (
    (131, "how fast am i going"), (132, "who was the first person to discover cells"),
    (133, "how many people died in yesterday's storm"), (134, "how much memory do i have left on this phone"),
    (136, "sell three calls of of nvda"), (137, "what bills is congress talking about passing or blocking today"),
    (138, "how much data does my phone have left this month"), (140, "how much money would my house sell for"),
    (141, "how do i install new cabinets"), (143, "delete the contact uncle john from my phone"),
    (144, "search my contacts for the auto repair place"), (145, "does my carrier have coverage in europe"),
    (146, "is there a cheaper rate with another carrier for my mobile"),
    (147, "what are the limits in my phone plan"), (151, "is there a better bus route i should be taking"),
    (152, "what stores are at my local mall"), (153, "i need to get kalee added to my phone plan"),
    (154, "what is the price of other company's similar phone plans"),
    (156, "how long does it take the irs to issue a tax refund"),
    (157, "do you know if it is possible to close my savings account"),
    (158, "how hard is it to close a bank account at wells fargo"),
    (160, "i would like to upgrade to full coverage for my car"),
    (161, "who has the cheapest insurance for my model car in the area"), (162, "tell me the value on my current car"),
    (163, "where can i list my vehicle for sell"), (164, "what is the price to buy more data on my phone"),
    (166, "who is the best local real estate agent"), (167, "i want to install new tiles in my kitchen"),
    (168, "what's the way for delta to cancel a flight"), (169, "read the phone number for mom in my phone contacts"),
    (170, "create a contact labeled mom"), (171, "do other providers have better coverage than my cell carrier"),
    (172, "does centurytel offer any better plans than the one i'm on"),
    (173, "what's going on in the world today, anything major"),
    (174, "what is the extra digits that are sometimes included on my zip code"),
    (175, "what's the extended zipcode for my address"),
    (176, "is there an alternate bus stop close to my home i can use"), (177, "what stores are in the local mall"),
    (178, "add mary to my phone plan, please"), (179, "how much is it to get more data on my phone plan"),
)
# Left out: a hotel could take each for a request of its own (a deposit, adding a person to a booking, a
# cancellation fee, the address on file, a parcel for a guest, the hotel's shuttle bus, a refund).
CLINC_OOS_V4_LEFT_OUT = (
    (135, "can i set up mobile deposits"), (139, "how do i add someone to my account"),
    (142, "is there a fee for cancelling a flight i've booked"), (148, "is there a way to change your houses address"),
    (149, "does dhl deliver to my address"), (150, "how frequently is the bus running today"),
    (155, "how long do i have to wait to get my refund"),
    (159, "add my wife as an authorized user to checking account 20905432"),
    (165, "i need to add a person to my bank account"),
)


def _in_room(index: int, today: str, room: str, *, offset: int, nights: int) -> dict[str, Any]:
    return in_room(OTHERS_V4, index, today, room, offset=offset, nights=nights)


def test4_split() -> list[dict[str, Any]]:  # noqa: PLR0915 (one long list of calls is the clearest form)
    items, add = calls_of("t4", OTHERS_V4)

    p = iter(f"+8801851{500000 + i * 47:06d}" for i in range(200))

    # -- book (26) -------------------------------------------------------------------------------------------
    add("book", "CLINC150 book_hotel idx 19 (find for me a hotel with great reviews in ho chi minh)", THU4, next(p),
        "find for me a room with a big bed from the 2nd of next month, two nights",
        replies={"guests": "two, me and my husband", "name": "Brisa Lathbury", "yes": "yes thats fine"},
        given=("dates", "room_type"), date_phrases=("from the 2nd of next month, two nights",), other=0,
        expect=booking("2026-10-02", "2026-10-04", 2, ["DLX", "STE"], "Brisa Lathbury"))
    add("book", "CLINC150 restaurant_reservation idx 3 (will you reserve a table at olive garden for 3 people at 7)",
        FRI4, next(p), "will you reserve a room for 3 people on the 7th, just the one night",
        replies={"room_type": "uh whichever one fits three of us", "name": "Alasdair Quarrington", "yes": "yes ok"},
        given=("dates", "guests"), date_phrases=("on the 7th, just the one night",), other=1,
        expect=booking("2026-11-07", "2026-11-08", 3, ["FAM", "STE"], "Alasdair Quarrington"))
    add("book", "CLINC150 restaurant_reservation idx 2 (reserve a table for 3 at 7 for olive garden)", MON4, next(p),
        "reserve a room for 2 friday till monday",
        replies={"room_type": "the deluxe one", "name": "Caoimhe Dalrymple", "yes": "yes that's right"},
        given=("dates", "guests"), date_phrases=("friday till monday",), other=2,
        expect=booking("2026-12-04", "2026-12-07", 2, "DLX", "Caoimhe Dalrymple"))
    add("book", "CLINC150 restaurant_reservation idx 6 (get a table for me at 7 for 3 people at olive garden)", SAT4,
        next(p), "get a room for me and my 2 kids on the 4th, out on the 6th",
        replies={"room_type": "the family room please", "name": "Dervla Hepplewhite", "yes": "yep"},
        given=("dates", "guests"), date_phrases=("on the 4th, out on the 6th",), other=0,
        expect=booking("2027-02-04", "2027-02-06", 3, "FAM", "Dervla Hepplewhite"))
    add("book", "CLINC150 restaurant_reservation idx 4 (at 7, i need a table for 3 at olive garden)", SUN4, next(p),
        "on the 28th, i need a room for 2, two nights please",
        replies={"room_type": "king bed if possible", "name": "Eilidh Nettleford", "yes": "yes"},
        given=("dates", "guests"), date_phrases=("on the 28th, i need a room for 2, two nights",), other=1,
        expect=booking("2027-02-28", "2027-03-02", 2, ["DLX", "STE"], "Eilidh Nettleford"))
    add("book", "CLINC150 restaurant_reservation idx 1 (make a reservation for chik-fil-a at 3 o' clock please)",
        WED4, next(p),
        "make a reservation for a standard room from the 19th to the 22nd of january please, under Faramond "
        "Tresillian",
        replies={"guests": "just one", "yes": "yes correct"},
        given=("dates", "room_type", "name"), date_phrases=("from the 19th to the 22nd of january",), other=2,
        expect=booking("2028-01-19", "2028-01-22", 1, "STD", "Faramond Tresillian"))
    add("book", "CLINC150 car_rental idx 4 (find me a car rental for the weekend in asheville, nc via priceline) + "
        "'the weekend'", TUE4, next(p), "find me a room for the weekend, two adults",
        replies={"room_type": "the cheapest you've got", "name": "Gwenllian Anyaoku", "yes": "yes please"},
        given=("dates", "guests"), date_phrases=("a room for the weekend",), other=0,
        expect=booking("2027-01-01", "2027-01-03", 2, "STD", "Gwenllian Anyaoku",
                       alternatives=(("2027-01-02", "2027-01-04"),)))
    add("book", "CLINC150 car_rental idx 3 (i need to rent a car kfor one week in ocean city, nj so who has the best "
        "deal)", SUN4B, next(p), "i need a room for one week from monday, so what's your best deal",
        replies={"guests": "only me", "room_type": "the cheapest then", "name": "Hafsa Ollerenshaw", "yes": "sure"},
        given=("dates",), date_phrases=("for one week from monday",), other=1,
        expect=booking("2026-12-21", "2026-12-28", 1, "STD", "Hafsa Ollerenshaw"))
    add("book", "CLINC150 car_rental idx 1 (find a decent rental care for next week at the philadelphia airport)",
        THU4, next(p), "find a decent room for next week, monday to wednesday",
        replies={"guests": "one person", "room_type": "nothing fancy, the basic one", "name": "Jorunn Cattermole",
                 "yes": "yes"},
        given=("dates",), date_phrases=("next week, monday to wednesday",), other=2,
        expect=booking("2026-09-28", "2026-09-30", 1, "STD", "Jorunn Cattermole"))
    add("book", "CLINC150 car_rental idx 9 (book a car rental to miami florida today)", SAT4, next(p),
        "book me a room for today, i'll be gone tomorrow morning",
        replies={"guests": "two of us", "room_type": "uh the king room", "name": "Kwabena Illsley",
                 "yes": "yes go ahead"},
        given=("dates",), date_phrases=("a room for today",), other=0,
        expect=booking("2027-01-30", "2027-01-31", 2, "DLX", "Kwabena Illsley"))
    add("book", "SGD 6_00062 turn 2 (SearchHotel: I am going to be in New York.)", MON4, next(p),
        "Hi, I am going to be in town for a conference from the 10th until the 12th. Can I get a room?",
        replies={"guests": "Just myself.", "room_type": "A standard queen is fine.", "name": "Lavinia Gathercole",
                 "yes": "Yes, that's right."},
        given=("dates",), date_phrases=("from the 10th until the 12th",), other=1,
        expect=booking("2026-12-10", "2026-12-12", 1, "STD", "Lavinia Gathercole"))
    add("book", "SGD 6_00063 turn 2 (SearchHotel: I need a 2 star hotel in Chi-town.)", SUN4B, next(p),
        "I need a room with 2 beds for me and my three kids on New Year's Day, two nights. The family room is fine, "
        "book it under Mirela Pennycook.",
        replies={"yes": "Yes, perfect."},
        given=("dates", "guests", "room_type", "name"), date_phrases=("on new year's day, two nights",), other=2,
        expect=booking("2027-01-01", "2027-01-03", 4, "FAM", "Mirela Pennycook"))
    add("book", "SGD 10_00090 turn 0 (SearchHouse: I need to find a house to stay in. I'm looking for something "
        "rated at least 4.6 or higher.)", SUN4, next(p),
        "I need to find a room to stay in. I'm looking for something quiet, from the 26th through to the 1st.",
        replies={"guests": "Two of us.", "room_type": "Standard's fine, as long as it's quiet.",
                 "name": "Nnamdi Ringrose", "yes": "Yes, great."},
        given=("dates",), date_phrases=("from the 26th through to the 1st",), other=0,
        expect=booking("2027-02-26", "2027-03-01", 2, "STD", "Nnamdi Ringrose",
                       alternatives=(("2027-02-26", "2027-03-02"),)))
    add("book", "SGD 10_00090 turn 2 (SearchHouse: I will be traveling to New York.)", WED4, next(p),
        "I will be traveling down on the 30th and I need a room till April 2nd.",
        replies={"guests": "Just me.", "room_type": "The deluxe king.", "name": "Odalys Thistlewood", "yes": "Yes."},
        given=("dates",), date_phrases=("traveling down on the 30th and i need a room till april 2nd",), other=1,
        expect=booking("2027-03-30", "2027-04-02", 1, "DLX", "Odalys Thistlewood"))
    add("book", "SGD 1_00034 turn 2 (SearchHotel: I am searching for hotels in London, UK.)", THU4, next(p),
        "Hi, I am searching for a room for the 15th of July to the 18th.",
        replies={"guests": "Two adults.", "room_type": "The suite, if it's free.", "name": "Padraig Vellacott",
                 "yes": "Yes, that's the one."},
        given=("dates",), date_phrases=("the 15th of july to the 18th",), other=2,
        expect=booking("2027-07-15", "2027-07-18", 2, "STE", "Padraig Vellacott"))
    add("book", "SGD 1_00037 turn 2 (SearchHotel: I'm looking for a three star hotel in Seattle, WA.)", SAT4, next(p),
        "I'm looking for a room for three, the 16th of February for three nights.",
        replies={"room_type": "Something all three of us fit in, um, the family one?", "name": "Quilla Wolfenden",
                 "yes": "Yes please."},
        given=("dates", "guests"), date_phrases=("the 16th of february for three nights",), other=0,
        expect=booking("2027-02-16", "2027-02-19", 3, ["FAM", "STE"], "Quilla Wolfenden"))
    add("book", "MultiWOZ SNG01353 turn 0 (find_hotel: I 'm interested in rooms for the night where you can get free "
        "wifi .)", WED4, next(p), "I'm interested in a room for the night, tonight that is, for one.",
        replies={"room_type": "whatever's cheapest", "name": "Rhiannon Zouche", "yes": "yes please"},
        given=("dates", "guests"), date_phrases=("a room for the night, tonight",), other=2,
        expect=booking("2027-03-17", "2027-03-18", 1, "STD", "Rhiannon Zouche"))
    add("book", "MultiWOZ SNG01353 turn 2 (find_hotel: I 'm looking for something in a moderate price range , but it "
        "must have at least a 4 star rating .)", MON4, next(p),
        "I'm looking for something in a moderate price range, but it must have a king bed, the 5th to the 8th.",
        replies={"guests": "2 people", "name": "Sunnvor Kinnersley", "yes": "yes that's fine"},
        given=("dates", "room_type"), date_phrases=("a king bed, the 5th to the 8th",), other=0,
        expect=booking("2026-12-05", "2026-12-08", 2, ["DLX", "STE"], "Sunnvor Kinnersley"))
    add("book", "MultiWOZ SNG01767 turn 2 (find_hotel: I do n't care about the price but it needs to be a four star "
        "hotel .)", SUN4, next(p),
        "I don't care about the price but it needs to be your nicest room, it's our anniversary. Arriving the 5th "
        "of March, leaving the 7th.",
        replies={"guests": "The two of us.", "name": "Teodora Jandrell", "yes": "Yes, lovely."},
        given=("dates", "room_type"), date_phrases=("arriving the 5th of march, leaving the 7th",), other=2,
        expect=booking("2027-03-05", "2027-03-07", 2, "STE", "Teodora Jandrell"))
    add("book", "MultiWOZ SNG01262 turn 6 (book_hotel: No , I am not picky .)", SUN4B, next(p),
        "Two of us for 3 nights starting wednesday, and no, I am not picky about the room.",
        replies={"room_type": "Honestly, any of them.", "name": "Ulises Moneypenny", "yes": "Yes, go ahead."},
        given=("dates", "guests"), date_phrases=("3 nights starting wednesday",), other=0,
        expect=booking("2026-12-23", "2026-12-26", 2, ["STD", "DLX", "FAM", "STE"], "Ulises Moneypenny"))
    add("book", "MultiWOZ PMUL0012 turn 2 (find_hotel: I would like something cheap .)", TUE4, next(p),
        "I would like something cheap, tomorrow and the night after, just for me.",
        replies={"room_type": "The cheapest, yes.", "name": "Violetta Brightwell", "yes": "Yes."},
        given=("dates", "guests", "room_type"), date_phrases=("tomorrow and the night after",), other=1,
        expect=booking("2026-12-30", "2027-01-01", 1, "STD", "Violetta Brightwell"))
    add("book", "MultiWOZ SNG01551 turn 8 (book_hotel: I want to stay at a 3 star hotel with free parking .)", THU4,
        next(p), "I want to stay with you sunday and monday night, in a standard room.",
        replies={"guests": "One.", "name": "Wairimu Bellingham", "yes": "Yes that's right."},
        given=("dates", "room_type"), date_phrases=("sunday and monday night",), other=1,
        expect=booking("2026-09-27", "2026-09-29", 1, "STD", "Wairimu Bellingham"))
    add("book", "SGD 40_00101 turn 2 (ReserveHotel: I want to find hotels near Chi-town.) + 'after next'", MON4,
        next(p), "I want to find a room for the tuesday after next, two nights, me and my partner.",
        replies={"room_type": "The deluxe, please.", "name": "Xaviera Sotherby", "yes": "Yes, book it."},
        given=("dates", "guests"), date_phrases=("the tuesday after next, two nights",), other=2,
        expect=booking("2026-12-08", "2026-12-10", 2, "DLX", "Xaviera Sotherby",
                       alternatives=(("2026-12-15", "2026-12-17"),)))
    add("book", "SGD 40_00103 turn 4 (ReserveHotel: I need three rooms with Hotel Novotel Paris Vaugirard "
        "Montparnasse)", SAT4, next(p), "I need three nights with you from the 11th, no wait, from the 12th, just me.",
        replies={"room_type": "Erm, the queen.", "name": "Yorick Tillotson", "yes": "Yes, all correct."},
        given=("dates", "guests"), date_phrases=("three nights with you from the 11th, no wait, from the 12th",),
        other=1, expect=booking("2027-02-12", "2027-02-15", 1, "STD", "Yorick Tillotson"))
    add("book", "MultiWOZ SNG01386 turn 0 (find_hotel: Can you help me find a hotel called a and b guest house ?) + "
        "returning guest", FRI4, "+8801851508815",
        "Hello again, can you help me track down a room like last time, the king one, from sunday for three nights?",
        replies={"guests": "Two again.", "yes": "Yes, that's me."},
        setup=[known_guest("Zerelda Mabbott", "+8801851508815")], given=("dates", "room_type"),
        date_phrases=("from sunday for three nights",), other=2,
        expect=booking("2026-11-01", "2026-11-04", 2, "DLX", "Zerelda Mabbott"))
    add("book", "CLINC150 greeting idx 9 (hey, how are you) + returning guest", WED4, "+8801851508876",
        "hey, how are you, it's me again, i'd like the suite, thursday and friday night next week, for two",
        replies={"yes": "yes, that's me"},
        setup=[known_guest("Anouk Whitelock", "+8801851508876")], given=("dates", "room_type", "guests"),
        date_phrases=("thursday and friday night next week",), other=0,
        expect=booking("2027-03-25", "2027-03-27", 2, "STE", "Anouk Whitelock"))

    # -- change dates or guests (10, 2 of them another guest's booking) ---------------------------------------
    Change = tuple[str, str, str, dict[str, str], tuple[str, str, str, str, str, int], tuple[str, ...], dict[str, Any]]
    changes: list[Change] = [
        ("CLINC150 no idx 7 (that's wrong)", THU4,
         "Hi, that's wrong on my booking, we arrive on the 1st not the 30th, and still leave on the 3rd.",
         {"yes": "Yes, from the 1st."},
         ("Bertil Underhill", "WY4VEV", "STD", "2026-09-30", "2026-10-03", 2),
         ("we arrive on the 1st not the 30th",), {"check_in": "2026-10-01", "check_out": "2026-10-03"}),
        ("CLINC150 no idx 3 (no that isn't right)", SAT4,
         "no that isn't right, my booking says two people but we're three now, my sister's coming",
         {"yes": "yes, three of us"},
         ("Calanthe Rautenbach", "AQL7GR", "FAM", "2027-02-05", "2027-02-08", 2),
         (), {"guests": 3}),
        ("MultiWOZ PMUL0012 turn 4 (find_hotel: How about a hotel with a 4 star rating ?)", TUE4,
         "How about 4 nights instead of 3 on my booking? We'd stay till the 4th.",
         {"yes": "Yes, till the 4th."},
         ("Damaris Quiroga", "SBJJZ5", "DLX", "2026-12-31", "2027-01-03", 2),
         ("we'd stay till the 4th",), {"check_in": "2026-12-31", "check_out": "2027-01-04"}),
        ("MultiWOZ SNG01551 turn 4 (find_hotel: Yes , please try 5-star hotels with free parking .)", SUN4,
         "Yes, hello, please try moving my booking to the weekend of the 27th, same two nights.",
         {"dates": "Saturday the 27th to Monday the 1st.", "yes": "Yes please."},
         ("Elspeth Yeboah", "CUB6FM", "STD", "2027-02-20", "2027-02-22", 1),
         ("the weekend of the 27th, same two nights",), {"check_in": "2027-02-27", "check_out": "2027-03-01"}),
        ("SGD 40_00103 turn 8 (ReserveHotel: No, please search in LAX area for SLS hotel)", MON4,
         "No, please push my reservation back a week, it should be the 14th to the 16th.",
         {"yes": "Yes, that's it."},
         ("Feardorcha Castellucci", "MHT7CL", "DLX", "2026-12-07", "2026-12-09", 2),
         ("back a week, it should be the 14th to the 16th",), {"check_in": "2026-12-14", "check_out": "2026-12-16"}),
        ("CLINC150 no idx 6 (that is incorrect)", WED4,
         "My booking says the 24th but, um, that is incorrect, it's the 25th, for the same two nights.",
         {"yes": "Yes, the 25th."},
         ("Gethin Uwakwe", "QHKS3J", "STD", "2027-03-24", "2027-03-26", 1),
         ("it's the 25th, for the same two nights",), {"check_in": "2027-03-25", "check_out": "2027-03-27"}),
        ("CLINC150 cancel idx 8 (can you end the current process)", FRI4,
         "can you end my stay a night early? i'll check out on wednesday instead",
         {"yes": "yes, wednesday"},
         ("Hesper Lindahl", "FKA7EG", "STD", "2026-11-01", "2026-11-05", 1),
         ("check out on wednesday instead",), {"check_in": "2026-11-01", "check_out": "2026-11-04"}),
    ]
    for source, today, opening, replies, (name, code, room_type, ci, co, guests), phrases, new in changes:
        phone = next(p)
        add("change", source, today, phone, opening, replies=replies,
            setup=[mine(name, phone, code, room_type, ci, co, guests)], date_phrases=phrases, other=len(items),
            expect={"kind": "changed", "code": code, **new})
    phone = next(p)
    add("change", "MultiWOZ SNG01534 turn 4 (find_hotel: What about guesthouses ?) + two bookings", SUN4B, phone,
        "What about adding a night to my january booking? I've got two with you, it's the january one.",
        replies={"which": "The January one.", "code": "I haven't got it on me.", "yes": "Yes, one more night."},
        setup=[mine("Ebrel Farquharson", phone, "ASMJ2Y", "DLX", "2027-01-08", "2027-01-10"),
               mine("Ebrel Farquharson", phone, "5VTTXK", "DLX", "2027-02-19", "2027-02-21")],
        date_phrases=("my january booking",), other=2,
        expect={"kind": "changed", "code": "ASMJ2Y", "check_in": "2027-01-08", "check_out": "2027-01-11",
                "untouched": ["5VTTXK"]})
    add("change", "CLINC150 no idx 9 (no, that is incorrect) / another guest's", FRI4, next(p),
        "no, that is incorrect, the booking under Osric Pengelly should start on the 5th, i'm his brother, can you "
        "move it?",
        replies={"code": "I don't have his code.", "yes": "yes"}, other=1,
        expect={"kind": "untouched", "codes": ["JTX8RW"]})
    add("change", "CLINC150 no idx 4 (that's not correct) / another guest's, a wrong code", MON4, next(p),
        "that's not correct on the reservation for Perpeta Westmacott, code T P D M Z 8, it should be three guests",
        replies={"code": "T P D M Z 8", "yes": "yes"}, given=("code",), other=2,
        expect={"kind": "untouched", "codes": ["TPDMZ9"]})

    # -- cancel (10, 2 of them another guest's booking) ------------------------------------------------------
    cancels = [
        ("CLINC150 cancel idx 0 (stop what you're doing)", MON4,
         "stop everything on my booking for the 18th, we're not coming, please cancel it", "yeah cancel it",
         ("Jessika Gilchrist", "B5ZAND", "STD", "2026-12-18", "2026-12-20"), ("my booking for the 18th",)),
        ("CLINC150 thank_you idx 7 (thank you for your time and trying to help)", SUN4,
         "thank you for your time earlier, but i need to cancel the room after all, the one at the start of march",
         "yes, that one",
         ("Leontyne Hollinrake", "RDPV9T", "DLX", "2027-03-02", "2027-03-04"), ("the one at the start of march",)),
        ("SGD 10_00089 turn 6 (NONE: Not right now. That's all for now.)", WED4,
         "I booked a room for the second week of April, but not right now, I'd like it cancelled please.",
         "Yes, please.",
         ("Nkechi Juszczak", "PM7VWW", "FAM", "2027-04-09", "2027-04-11"), ("a room for the second week of april",)),
        ("SGD 10_00091 turn 8 (NONE: No,not now.That's all for now.)", FRI4,
         "No, not now, we're not travelling anymore. Please cancel what I booked for the 6th.", "Yes, cancel it.",
         ("Oighrig Wojtaszek", "LEEBN8", "STD", "2026-11-06", "2026-11-08"), ("what i booked for the 6th",)),
        ("SGD 1_00032 turn 2 (SearchHotel: Sounds interesting. I'll check it out later. That will be all.)", TUE4,
         "I'll sort out new dates later, but for now cancel the booking I have on the 2nd, that will be all.",
         "Yes please.",
         ("Peregrine Drummond", "R2UHAQ", "DLX", "2027-01-02", "2027-01-04"), ("the booking i have on the 2nd",)),
        ("SGD 6_00063 turn 4 (SearchHotel: Could you find something else?)", SAT4,
         "I found something else nearer my office, could you cancel my booking please?", "Yes, that's the one.",
         ("Rhoswen Ironside", "JHT8RD", "STD", "2027-02-08", "2027-02-10"), ()),
    ]
    for source, today, opening, yes, (name, code, room_type, check_in, check_out), phrases in cancels:
        phone = next(p)
        add("cancel", source, today, phone, opening, replies={"yes": yes},
            setup=[mine(name, phone, code, room_type, check_in, check_out)], date_phrases=phrases,
            other=len(items), expect={"kind": "cancelled", "code": code})
    phone = next(p)
    add("cancel", "CLINC150 greeting idx 7 (hello, how is it going) + two bookings, code said", THU4, phone,
        "hello, how is it going, i'd like to cancel booking A H S 4 G M, only that one",
        replies={"code": "A H S 4 G M", "yes": "yes, only that one"}, given=("code",),
        setup=[mine("Sieglinde Pemberton", phone, "AHS4GM", "STD", "2026-10-09", "2026-10-11"),
               mine("Sieglinde Pemberton", phone, "S9FLJX", "STD", "2026-11-20", "2026-11-22")],
        other=0, expect={"kind": "cancelled", "code": "AHS4GM", "untouched": ["S9FLJX"]})
    phone = next(p)
    add("cancel", "CLINC150 greeting idx 5 (hello, how's your day) + two bookings, told by the stay", SUN4B, phone,
        "hello, how's your day? i've got two bookings with you and the christmas one has to go, keep the other",
        replies={"which": "The Christmas one.", "yes": "Yes, that one."},
        setup=[mine("Torquil Mthembu", phone, "8YWRLA", "DLX", "2026-12-24", "2026-12-26"),
               mine("Torquil Mthembu", phone, "HX2YPD", "DLX", "2027-01-15", "2027-01-17")],
        date_phrases=("the christmas one",), other=1,
        expect={"kind": "cancelled", "code": "8YWRLA", "untouched": ["HX2YPD"]})
    add("cancel", "CLINC150 cancel idx 2 (stop this process) / another guest's", WED4, next(p),
        "please stop the booking under the name Nerys Blackadder and cancel it, she's my aunt and can't come",
        replies={"code": "I don't have her code, it's under Nerys Blackadder.", "yes": "yes"},
        other=0, expect={"kind": "untouched", "codes": ["XD8MCP"]})
    add("cancel", "CLINC150 greeting idx 8 (hi there, how are you doing) / another guest's, a wrong code", SUN4,
        next(p),
        "hi there, how are you doing, i need to cancel a booking for Osric Pengelly, code J T X 8 R M",
        replies={"code": "J T X 8 R M", "yes": "yes"}, given=("code",),
        other=1, expect={"kind": "untouched", "codes": ["JTX8RW"]})

    # -- find my booking (8, 3 of them another guest's) ------------------------------------------------------
    finds = [
        ("CLINC150 repeat idx 1 (can you please repeat that)", THU4,
         "can you please repeat the dates of the room i have with you, i wrote them down wrong",
         ("Uchenna Sidebottom", "UQ2UUM", "STD", "2026-10-15", "2026-10-18"), ()),
        ("CLINC150 repeat idx 6 (i would like you to repeat it)", SUN4B,
         "i would like you to go over my booking again, what day do i leave",
         ("Vaclava Quayle", "YRRVD6", "DLX", "2027-01-06", "2027-01-09"), ()),
        ("CLINC150 repeat idx 9 (i didn't hear you can you say that again)", SAT4,
         "i didn't hear the dates properly when i booked, can you say them again",
         ("Wendelgard Zamora", "G8ECEZ", "FAM", "2027-02-18", "2027-02-21"), ()),
        ("SGD 1_00038 turn 4 (SearchHotel: Alright, thanks. That's all I wanted to know.)", MON4,
         "Hi, when does my booking end? That's all I want to know.",
         ("Ximena Ashdown", "CPH2EC", "STD", "2026-12-02", "2026-12-05"), ()),
        ("CLINC150 repeat idx 4 (would you say it again please)", WED4,
         "would you say again what my booking on 4/2 is, how many nights please",
         ("Yusra Cheverton", "V5MDMP", "DLX", "2027-04-02", "2027-04-05"), ("my booking on 4/2",)),
    ]
    for source, today, opening, (name, code, room_type, check_in, check_out), phrases in finds:
        phone = next(p)
        add("find", source, today, phone, opening, replies={"yes": "Yes, that's the one."},
            setup=[mine(name, phone, code, room_type, check_in, check_out)], date_phrases=phrases,
            other=len(items), expect={"kind": "said_booking", "code": code})
    add("find", "SGD style (collecting a friend) / another guest's", TUE4, next(p),
        "I'm collecting Perpeta Westmacott from the airport, which day is she arriving with you?",
        replies={"code": "I've no idea what her code is."}, other=2,
        expect={"kind": "nothing_revealed", "codes": ["TPDMZ9"]})
    add("find", "SGD style (another guest's phone number read out)", FRI4, next(p),
        "my son booked a room from his mobile, zero one eight seven eight three one six seven four zero, what nights "
        "has he got?",
        replies={"code": "He didn't tell me."}, other=1,
        expect={"kind": "nothing_revealed", "codes": ["JTX8RW"]})
    add("find", "CLINC150 repeat idx 3 (may you please say that again) / another guest's", SUN4, next(p),
        "may you please say the check-in date for Nerys Blackadder's room, i'm her travel agent",
        replies={"code": "I don't have it to hand."}, other=0,
        expect={"kind": "nothing_revealed", "codes": ["XD8MCP"]})

    # -- housekeeping (8, 1 for another guest's room) --------------------------------------------------------
    hk = [
        ("SGD style / a clean after the rain, room said", THU4,
         "Hi, we walked mud all over the carpet after the rain, could the room get a proper clean? It's 304.", "304.",
         "304", ["stayover_clean"]),
        ("SGD style / a hair dryer and a sewing kit, the room said in words", FRI4,
         "Could I get a hair dryer and a sewing kit brought up?", "Four eleven.", "411", ["amenities"]),
        ("SGD style / bath sheets with room", MON4, "We're a towel short, could you send up two bath sheets? Room 206.",
         "206", "206", ["towels"]),
        ("SGD style / an extra mattress with room", TUE4,
         "Any chance of an extra mattress for my teenager? We're in room 109.", "109", "109", ["extra_bed"]),
        ("SGD style / turndown and water in one breath", SAT4,
         "Can somebody turn the beds down this evening, and leave a couple of bottles of water?", "It's 502.", "502",
         ["turndown", "amenities"]),
        ("SGD style / hoovering and fresh sheets with room", SUN4,
         "Hi, the room needs a hoover and the sheets changing, it's 310.", "310", "310", ["stayover_clean"]),
        ("SGD style / a duvet and a pillow", WED4, "Could I trouble you for a spare duvet and another pillow?",
         "Room 211.", "211", ["amenities", "extra_bed"]),
    ]
    hk_guests = [("Zinovia Balcombe", "D9CGUW"), ("Adaeze Pottinger", "JAA6EU"), ("Barnaby Nkemdirim", "XFY4SS"),
                 ("Clodagh Strudwick", "LYCFX9"), ("Dunstan Okereke", "4CG4SP"), ("Eluned Merriweather", "84TD73"),
                 ("Florimel Haverstock", "2DA5ZS")]
    for (source, today, opening, room_reply, room, kinds), (name, code) in zip(hk, hk_guests, strict=True):
        phone = next(p)
        add("housekeeping", source, today, phone, opening, replies={"room": room_reply, "yes": "Yes please, thanks."},
            setup=[mine(name, phone, code, room_type_of(room), _plus(today, -1), _plus(today, 2), 1,
                        status="checked_in", room=room)],
            given=("room",) if room in opening else (), other=len(items),
            expect={"kind": "housekeeping", "room": room, "task_types": kinds})
    add("housekeeping", "SGD style / cleaning for a room that is not the caller's", SUN4B, next(p),
        "Please send someone to clean room 208 straight away.", replies={"room": "208", "yes": "yes"},
        setup=[_in_room(2, SUN4B, "208", offset=-1, nights=3)],
        given=("room",), expect={"kind": "no_request", "room": "208"})

    # -- late check-out (6, 1 for another guest's room) ------------------------------------------------------
    late = [
        ("SGD style / late check-out, a bus in the late afternoon", THU4,
         "Our bus home isn't until late afternoon, could we have the room until 4 tomorrow?", "Room 203.", "203",
         "Four, if you can."),
        ("SGD style / late check-out with room, a lie-in", FRI4,
         "Room 505 speaking, I'd love a lie-in tomorrow, could I check out at 1 instead of 12?", "505", "505",
         "One o'clock."),
        ("SGD style / late check-out a little after midday, time asked", MON4,
         "Is it alright if I leave the room a little after midday tomorrow?", "It's 407.", "407",
         "Around half past two."),
        ("SGD style / late check-out with room, stretched to 3", SAT4,
         "Could you stretch my check-out tomorrow to 3? I'm in 308.", "308", "308", "3 o'clock."),
        ("SGD style / late check-out, a couple of extra hours", SUN4,
         "I need a couple of extra hours in the room when I leave tomorrow, is that something you can do?",
         "It's 102.", "102", "Until 2, please."),
    ]
    late_guests = [("Hyacinth Twombly", "WZDF33"), ("Isolde Grimshaw", "3LL4PY"), ("Kunle Abbotsford", "FH9YK6"),
                   ("Lovisa Fothergill", "4ZLZLN"), ("Mervyn Odunsi", "QSX64X")]
    for (source, today, opening, room_reply, room, time), (name, code) in zip(late, late_guests, strict=True):
        phone = next(p)
        add("late_checkout", source, today, phone, opening,
            replies={"room": room_reply, "time": time, "yes": "Yes, that'd be great."},
            setup=[mine(name, phone, code, room_type_of(room), _plus(today, -2), _plus(today, 1), 1,
                        status="checked_in", room=room)],
            given=("room",) if room in opening else (), other=len(items),
            expect={"kind": "late_checkout", "code": code})
    add("late_checkout", "SGD style / late check-out for a room that is not the caller's", WED4, next(p),
        "Please give room 306 a 2 o'clock check-out tomorrow.", replies={"room": "306", "yes": "yes"},
        setup=[_in_room(1, WED4, "306", offset=-2, nights=3)],
        given=("room",), expect={"kind": "no_late_checkout", "codes": ["JTX8RW"]})

    # -- hotel facts, prices included (10) -------------------------------------------------------------------
    facts = [
        ("SGD 40_00102 turn 2 (ReserveHotel: I would like to have Free-Wifi and In-room accessibility and please let "
         "me know if the Holiday Inn Express London have those options, for I wish to stay there?)", THU4,
         "I would like to have free wifi in my room, please let me know if you have that, I wish to stay with you.",
         "wifi"),
        ("MultiWOZ SNG01784 turn 2 (find_hotel: No , but should come with free parking .)", FRI4,
         "It should come with free parking, does it? I'm bringing the car.", "parking"),
        ("SGD 6_00063 turn 16 (ReserveHotel: What is the phone number and address?)", MON4,
         "What is your address exactly? My taxi driver is asking.", "address"),
        ("SGD 40_00103 turn 12 (ReserveHotel: what is hotel's phone number)", TUE4,
         "what is the hotel's own phone number, in case i get cut off", "phone"),
        ("MultiWOZ style / breakfast", SAT4, "Do you do breakfast, and until what time can we get it?", "breakfast"),
        ("SGD style / pets", SUN4, "We'd like to bring our small cat along, would she be welcome?", "pets"),
        ("SGD style / check-out time", WED4, "When do you need the room back on the day we leave?", "check_out_time"),
    ]
    for source, today, opening, topic in facts:
        add("facts", source, today, next(p), opening, other=len(items), expect={"kind": "fact", "topic": topic})
    add("facts", "MultiWOZ SNG01551 turn 0 (find_hotel: I 'm curious about the 3-star lodging options available in "
        "Cambridge .)", FRI4, next(p),
        "I'm curious about the family room, what would it cost for four of us from the 13th to the 15th of may?",
        replies={"yes": "yes"}, given=("dates", "room_type", "guests"),
        date_phrases=("from the 13th to the 15th of may",), other=0,
        expect={"kind": "quote", "room_type": "FAM", "check_in": "2027-05-13", "check_out": "2027-05-15",
                "guests": 4})
    add("facts", "SGD 6_00065 turn 8 (SearchHotel: Can you see if there's anything else? Look for a 1 star hotel "
        "with wifi.)", SAT4, next(p),
        "Can you see what a standard queen would come to for one person, the 5th to the 7th?",
        replies={"yes": "yes"}, given=("dates", "room_type", "guests"),
        date_phrases=("for one person, the 5th to the 7th",), other=1,
        expect={"kind": "quote", "room_type": "STD", "check_in": "2027-02-05", "check_out": "2027-02-07",
                "guests": 1})
    add("facts", "SGD 6_00066 turn 6 (SearchHotel: Can you find me some different hotels? I think I want a two star "
        "hotel that definitely has wifi available.) / over New Year", SUN4B, next(p),
        "I think I want the suite for new year's eve and new year's day, two nights for two. How much would that be?",
        replies={"yes": "yes"}, given=("dates", "room_type", "guests"),
        date_phrases=("for new year's eve and new year's day",), other=2,
        expect={"kind": "quote", "room_type": "STE", "check_in": "2026-12-31", "check_out": "2027-01-02",
                "guests": 2})

    # -- speak to a person (4) and goodbye (4) -------------------------------------------------------------
    for source, today, opening in (
        ("SGD style / human (a birthday surprise)", THU4,
         "Can I have a word with whoever's on the front desk? It's about a birthday surprise for my wife."),
        ("SGD style / human (meeting rooms)", MON4, "Could you put me on to someone who deals with meeting rooms?"),
        ("SGD style / human (a supervisor)", TUE4, "connect me to a supervisor please"),
        ("SGD style / human (charged twice)", SAT4, "I'd like to talk to somebody in accounts, I was charged twice."),
    ):
        add("person", source, today, next(p), opening, other=len(items), expect={"kind": "transfer"})
    for source, today, opening in (
        ("SGD 6_00063 turn 18 (ReserveHotel: Thanks so much. I don't need anything else right now.)", WED4,
         "Thanks so much. I don't need anything else right now, goodbye."),
        ("MultiWOZ SNG01353 turn 16 (NONE: nope , that 's all I need thank you !)", FRI4,
         "Nope, that's all I need, thank you! Bye."),
        ("CLINC150 goodbye idx 0 (good speaking to you)", SUN4, "good speaking to you, goodbye"),
        ("SGD 40_00100 turn 10 (ReserveHotel: How wonderful, I owe you.)", SUN4B,
         "How wonderful, I owe you one. Bye for now."),
    ):
        add("goodbye", source, today, next(p), opening, other=len(items), expect={"kind": "hangup"})

    start = len(items) + 1
    for offset, (idx, text) in enumerate(CLINC_OOS_V4):
        today = DAYS[offset % len(DAYS)]
        items.append(call("t4", start + offset, "out_of_scope", f"CLINC150 oos_test idx {idx} (oos)", today,
                          f"+8801893{100000 + offset * 17:06d}", text, expect={"kind": "out_of_scope"},
                          setup=[other_guest(OTHERS_V4, offset, today)]))
    return items
