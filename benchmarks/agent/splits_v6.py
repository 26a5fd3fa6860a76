"""The test split, version 6 (``splits/test6.jsonl``): held out from 2026-12-01 (its provenance).

Written after v5 was scored once (2026-12-01, 90 %) and so spent, by v5's rules and in its proportions, blind to
the agent (nobody who wrote it read ``agent/`` or ``tools/``, nor how the agent answered v5 or any other split), from
what v1, v2, v3, v4, v5 and dev did not use:

- wording: SGD and MultiWOZ user turns and CLINC150 utterances that no earlier split followed (each call's
  ``source`` names the turn), rewritten for our one hotel in the source's style; housekeeping, late check-out
  and speak-to-a-person calls have no source turn and are written "SGD style", in phrasings no split had;
- out of scope: CLINC150's next 40 ``oos_test`` utterances after v5's, idx 232-287 of clinc/oos-eval
  ``data/data_full.json`` (commit 828f809), verbatim, leaving out sixteen a hotel could take for a request of its
  own (``CLINC_OOS_V6_LEFT_OUT``);
- new names, phone numbers (+880 1534…, 1569…, 1583…), codes and eight new days (``DAYS``).

``make_splits.py`` renders and checks it with v1, v2, v3, v4, v5 and dev (``python -m benchmarks.agent.make_splits
--check``).
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

V6 = 6
HEADER_V6 = ("FROZEN test split v{v}: held out from 2026-12-01; never tune on it, never run the agent on it or look "
             "at how the agent answers it before its one scored run (use dev.jsonl, or test.jsonl, test2.jsonl, "
             "test3.jsonl, test4.jsonl and test5.jsonl: spent). Written by benchmarks/agent/splits_v6.py via "
             "make_splits.py.")

# The hotel's day of each call (10:00 hotel time): every day of the week, none of v1's-v5's or dev's.
MON6 = "2027-02-22"  # the last week of February (2027 is not a leap year): "the 1st" and "next month" are March
TUE6 = "2026-10-27"  # the end of October: "the 30th to the 2nd" and "sunday" run into November
WED6 = "2026-09-16"  # July and May mean next year; "the 1st" is October
THU6 = "2026-12-17"  # Christmas and New Year ahead: "the 2nd of january" is 2027
FRI6 = "2027-03-26"  # the end of March: "the 1st" and "the 2nd" are April; February means 2028
SAT6 = "2026-11-28"  # the end of November: "wednesday", "the 4th" and "the 7th" are in December
SUN6 = "2027-01-31"  # the last day of January: "tonight and tomorrow night" runs into February; Valentine's ahead
TUE6B = "2026-12-22"  # stays over New Year: "the 27th", "the 30th" and "new year's eve" ahead, "the 2nd" is 2027
DAYS = (MON6, TUE6, WED6, THU6, FRI6, SAT6, SUN6, TUE6B)

OTHERS_V6 = [
    {"name": "Gudrun Cholmondeley", "phone": "+8801569204817", "room_type": "DLX", "code": "2VQ42M"},
    {"name": "Hieronymus Dunkerley", "phone": "+8801569215392", "room_type": "STD", "code": "KPBWPF"},
    {"name": "Mechthild Eddowes", "phone": "+8801569226058", "room_type": "FAM", "code": "T7PZEE"},
]

# CLINC150 oos_test (clinc/oos-eval data/data_full.json, commit 828f809), idx 232-287, verbatim.
CLINC_OOS_V6 = (
    (232, "what size pipes are used for sinks"),
    (234, "what is a good sink filter for water"),
    (235, "what does water taste like"),
    (236, "are there any sales on groceries today"),
    (237, "when was my lawn last mowed"),
    (238, "what store has the best deals going on right now"),
    (242, "tell me about personal finance"),
    (243, "does amazon collect my personal information"),
    (244, "check the status of my amazon orders for me"),
    (245, "what is the official language of romania"),
    (246, "show me the best times to book flights for traveling to another country"),
    (250, "what's the more secure bank vault"),
    (251, "what coupons do i have for restaurants"),
    (252, "how do i make money"),
    (253, "can you give me some stress management tips"),
    (254, "how unhealthy is stress"),
    (255, "what's the best way to build a skyscraper"),
    (256, "find engineering programs to apply to"),
    (257, "what kind of glue is used for gluing pipes together"),
    (258, "check to see how many miles are on my car"),
    (259, "how do i change my windshield wipers"),
    (260, "how many ppm of particulate is in my local water"),
    (261, "what color is water"),
    (262, "is anything on my grocery list on sale today"),
    (263, "how long does it take for grass seed to grow on my lawn"),
    (265, "look up a good broker for mutual funds"),
    (266, "what are the best personal finance practices"),
    (267, "will amazon ship an order even if there was a pricing mistake"),
    (268, "where did mandarin originate from"),
    (269, "what are some of the most visited countries for people looking to travel abroad"),
    (272, "if i'm locked in a bank vault what's the best way to get out"),
    (273, "how do i upgrade my operating system"),
    (274, "how much ram does my computer have"),
    (275, "is it ok to feed dogs people food"),
    (279, "what's the power consumption of my fridge"),
    (280, "what is the warranty on my microwave"),
    (284, "what is the highest quality carpet available"),
    (285, "has everyone come home from school"),
    (286, "what time did my daughter get home from her date"),
    (287, "is my computer free from viruses"),
)
# Left out: a hotel could take each for a request of its own (the water in the room, getting around town, the
# hotel's wifi, a safe deposit box, a leaking sink or a blocked toilet, the area's safety, the room's microwave,
# wine or stains on the carpet).
CLINC_OOS_V6_LEFT_OUT = (
    (233, "why would the water be turned off"),
    (239, "can you tell me the best time to visit downtown when driving"),
    (240, "am i currently connected to wifi"),
    (241, "is there an internet outage in my area"),
    (247, "disconnect from wifi immediately please"),
    (248, "am i connected to wifi"),
    (249, "list the contents of my safety deposit box at the bank"),
    (264, "please activate a wireless hotspot so i can use the internet"),
    (270, "tell me which wifi network you are connected to right now"),
    (271, "what is my current signal strength"),
    (276, "how do you fix a leaking sink"),
    (277, "how do you unclog a toilet"),
    (278, "can you tell me local crime in my area"),
    (281, "how do i use my microwaves defrost"),
    (282, "how do you get red wine out of the carpet"),
    (283, "how do i get stains out of the carpet"),
)


def _in_room(index: int, today: str, room: str, *, offset: int, nights: int) -> dict[str, Any]:
    return in_room(OTHERS_V6, index, today, room, offset=offset, nights=nights)


def test6_split() -> list[dict[str, Any]]:  # noqa: PLR0915 (one long list of calls is the clearest form)
    items, add = calls_of("t6", OTHERS_V6)

    p = iter(f"+8801534{400000 + i * 61:06d}" for i in range(200))

    # -- book (26) -------------------------------------------------------------------------------------------
    add("book", "CLINC150 yes idx 0 (i will say yes as my response)", FRI6, next(p),
        "i will say yes to the standard room, book it from the 2nd to the 5th, only me",
        replies={"name": "Brunhilde Jowett", "yes": "yes that's all fine"},
        given=("dates", "room_type", "guests"), date_phrases=("from the 2nd to the 5th",), other=0,
        expect=booking("2027-04-02", "2027-04-05", 1, "STD", "Brunhilde Jowett"))
    add("book", "CLINC150 yes idx 1 (my answer to your question is yes)", SAT6, next(p),
        "my answer is yes, i want the deluxe for two nights starting wednesday",
        replies={"guests": "the two of us", "name": "Eustace Kershaw", "yes": "yes"},
        given=("dates", "room_type"), date_phrases=("two nights starting wednesday",), other=1,
        expect=booking("2026-12-02", "2026-12-04", 2, "DLX", "Eustace Kershaw"))
    add("book", "CLINC150 yes idx 2 (yes is my answer)", MON6, next(p),
        "yes is my answer, i'll take a king room, from the 28th to the 1st, me and my husband",
        replies={"name": "Jacinta Lightbody", "yes": "yes"},
        given=("dates", "room_type", "guests"), date_phrases=("from the 28th to the 1st",), other=2,
        expect=booking("2027-02-28", "2027-03-01", 2, ["DLX", "STE"], "Jacinta Lightbody"))
    add("book", "CLINC150 yes idx 3 (yes, ai, that is correct)", THU6, next(p),
        "yes that is correct, a family room for 4 from christmas eve for three nights",
        replies={"name": "Gottfried Mottershead", "yes": "yes, that is correct"},
        given=("dates", "room_type", "guests"), date_phrases=("from christmas eve for three nights",), other=0,
        expect=booking("2026-12-24", "2026-12-27", 4, "FAM", "Gottfried Mottershead"))
    add("book", "CLINC150 yes idx 4 (that's true)", SUN6, next(p),
        "that's true, we need a room, two of us, tonight and tomorrow night",
        replies={"room_type": "um the queen's fine", "name": "Isidore Nuttall", "yes": "that's true, yes"},
        given=("dates", "guests"), date_phrases=("tonight and tomorrow night",), other=1,
        expect=booking("2027-01-31", "2027-02-02", 2, "STD", "Isidore Nuttall"))
    add("book", "CLINC150 yes idx 5 (that's correct)", SAT6, next(p),
        "that's correct, i need a room this coming tuesday to thursday for myself",
        replies={"room_type": "uh the cheapest", "name": "Meinrad Ramsbottom", "yes": "that's correct"},
        given=("dates", "guests"), date_phrases=("this coming tuesday to thursday",), other=2,
        expect=booking("2026-12-01", "2026-12-03", 1, "STD", "Meinrad Ramsbottom"))
    add("book", "CLINC150 yes idx 6 (that checks out)", WED6, next(p),
        "that checks out, book the suite from the 28th for five nights, two adults, under Oriel Sowerby",
        replies={"yes": "yes that checks out"},
        given=("dates", "room_type", "guests", "name"), date_phrases=("from the 28th for five nights",), other=0,
        expect=booking("2026-09-28", "2026-10-03", 2, "STE", "Oriel Sowerby"))
    add("book", "CLINC150 yes idx 7 (that's right)", TUE6, next(p),
        "that's right, a room for 3 people, friday the 30th till monday the 2nd",
        replies={"room_type": "erm whatever fits the three of us", "name": "Pelagia Tattersall", "yes": "that's right"},
        given=("dates", "guests"), date_phrases=("friday the 30th till monday the 2nd",), other=1,
        expect=booking("2026-10-30", "2026-11-02", 3, ["FAM", "STE"], "Pelagia Tattersall"))
    add("book", "CLINC150 yes idx 8 (affirmative)", FRI6, next(p),
        "affirmative, one queen room for the 9th and 10th of february, for me",
        replies={"name": "Quirin Yeadon", "yes": "affirmative"},
        given=("dates", "room_type", "guests"), date_phrases=("for the 9th and 10th of february",), other=2,
        expect=booking("2028-02-09", "2028-02-11", 1, "STD", "Quirin Yeadon",
                       alternatives=(("2028-02-09", "2028-02-10"),)))
    add("book", "CLINC150 yes idx 9 (yes, that is factual)", MON6, next(p),
        "yes hi, i need a room from friday the 5th to monday the 8th, just me, um the cheapest you have",
        replies={"name": "Tancred Ackroyd", "yes": "yes, that is right"},
        given=("dates", "guests", "room_type"), date_phrases=("from friday the 5th to monday the 8th",), other=0,
        expect=booking("2027-03-05", "2027-03-08", 1, "STD", "Tancred Ackroyd"))
    add("book", "CLINC150 greeting idx 2 (what are you feeling today)", TUE6B, next(p),
        "hi what are you feeling today, i want to book a room for new year's eve and new year's day, two nights",
        replies={"guests": "two of us", "room_type": "the deluxe", "name": "Vitus Barraclough", "yes": "yes"},
        given=("dates",), date_phrases=("for new year's eve and new year's day, two nights",), other=1,
        expect=booking("2026-12-31", "2027-01-02", 2, "DLX", "Vitus Barraclough"))
    add("book", "CLINC150 thank_you idx 0 (thank you ever so much for that!)", WED6, next(p),
        "thank you ever so much, now i need a room from the 10th to the 13th of july",
        replies={"guests": "two adults", "room_type": "the king one", "name": "Adebayo Dewhirst", "yes": "yes"},
        given=("dates",), date_phrases=("from the 10th to the 13th of july",), other=2,
        expect=booking("2027-07-10", "2027-07-13", 2, ["DLX", "STE"], "Adebayo Dewhirst"))
    add("book", "SGD 6_00062 turn 0 (SearchHotel: I am looking for a hotel room, would you be able to assist me with "
        "that?)", THU6, next(p),
        "I am looking for a room for two nights from January 2nd, would you be able to assist me with that?",
        replies={"guests": "Just one person.", "room_type": "A standard, please.", "name": "Bolanle Earnshaw",
                 "yes": "Yes, that's right."},
        given=("dates",), date_phrases=("two nights from january 2nd",), other=0,
        expect=booking("2027-01-02", "2027-01-04", 1, "STD", "Bolanle Earnshaw"))
    add("book", "SGD 6_00061 turn 2 (SearchHotel: I'll be visiting Sacramento, CA, so something in that area would be "
        "best.)", TUE6, next(p),
        "I'll be visiting for a trade fair, so a room from Monday to Thursday next week would be best.",
        replies={"guests": "Only me.", "room_type": "The deluxe, please.", "name": "Damilola Fairclough",
                 "yes": "Yes, please."},
        given=("dates",), date_phrases=("from monday to thursday next week",), other=1,
        expect=booking("2026-11-02", "2026-11-05", 1, "DLX", "Damilola Fairclough"))
    add("book", "SGD 6_00061 turn 4 (ReserveHotel: Yea, that will work just fine. Quick and easy that's how I like "
        "it.)", SAT6, next(p),
        "Yea, the deluxe king for two from the 4th to the 6th will work just fine, book it under Funmilayo "
        "Greenhalgh. Quick and easy, that's how I like it.",
        replies={"yes": "Yea, that's fine."},
        given=("dates", "guests", "room_type", "name"), date_phrases=("from the 4th to the 6th",), other=2,
        expect=booking("2026-12-04", "2026-12-06", 2, "DLX", "Funmilayo Greenhalgh"))
    add("book", "SGD 6_00061 turn 10 (ReserveHotel: Yes, you've gotten everything correct! Make that reservation!) + a "
        "correction", MON6, next(p),
        "A room for two from the 3rd, no wait, from the 4th, for three nights. Yes, make that reservation!",
        replies={"room_type": "Erm, the standard.", "name": "Gbenga Holroyd", "yes": "Yes, everything's correct."},
        given=("dates", "guests"), date_phrases=("from the 3rd, no wait, from the 4th, for three nights",), other=0,
        expect=booking("2027-03-04", "2027-03-07", 2, "STD", "Gbenga Holroyd"))
    add("book", "SGD 6_00065 turn 2 (SearchHotel: In New York please)", FRI6, next(p),
        "A room the day after tomorrow please, just the one night",
        replies={"guests": "One.", "room_type": "Whatever's cheapest.", "name": "Hadiza Ibbotson", "yes": "Yes please"},
        given=("dates",), date_phrases=("the day after tomorrow please, just the one night",), other=1,
        expect=booking("2027-03-28", "2027-03-29", 1, "STD", "Hadiza Ibbotson"))
    add("book", "SGD 10_00091 turn 2 (SearchHouse: London is the city.)", WED6, next(p),
        "Two is the number of guests, and the dates are the 1st to the 3rd.",
        replies={"room_type": "The king room.", "name": "Ikenna Kitchingman", "yes": "Yes, that's it."},
        given=("dates", "guests"), date_phrases=("the 1st to the 3rd",), other=2,
        expect=booking("2026-10-01", "2026-10-03", 2, ["DLX", "STE"], "Ikenna Kitchingman"))
    add("book", "SGD 40_00104 turn 6 (ReserveHotel: In Anaheim, CA.)", TUE6B, next(p),
        "In the suite, from the 27th to the 29th.",
        replies={"guests": "Three of us.", "name": "Jumoke Longbottom", "yes": "Yes."},
        given=("dates", "room_type"), date_phrases=("from the 27th to the 29th",), other=0,
        expect=booking("2026-12-27", "2026-12-29", 3, "STE", "Jumoke Longbottom"))
    add("book", "MultiWOZ SNG01262 turn 2 (find_hotel: north area in a guesthouse)", SUN6, next(p),
        "family room for 3 of us , 3 nights from wednesday",
        replies={"name": "Kayode Mossop", "yes": "yes"},
        given=("dates", "room_type", "guests"), date_phrases=("3 nights from wednesday",), other=1,
        expect=booking("2027-02-03", "2027-02-06", 3, "FAM", "Kayode Mossop"))
    add("book", "MultiWOZ SNG01353 turn 4 (find_hotel: I do n't have a preference for the area .)", THU6, next(p),
        "I do n't have a preference for the room type . Just me , from the 29th until the 2nd .",
        replies={"room_type": "Any , the cheapest is fine .", "name": "Lanre Oddie", "yes": "Yes ."},
        given=("dates", "guests"), date_phrases=("from the 29th until the 2nd",), other=2,
        expect=booking("2026-12-29", "2027-01-02", 1, "STD", "Lanre Oddie"))
    add("book", "MultiWOZ SNG01534 turn 12 (book_hotel: No , no place in particular . Whatever you think is good .)",
        WED6, next(p),
        "No room in particular . Whatever you think is good for 3 of us , from the 24th to the 27th .",
        replies={"room_type": "Whatever sleeps three .", "name": "Modupe Pighills", "yes": "Yes , book it ."},
        given=("dates", "guests"), date_phrases=("from the 24th to the 27th",), other=0,
        expect=booking("2026-09-24", "2026-09-27", 3, ["FAM", "STE"], "Modupe Pighills"))
    add("book", "MultiWOZ SNG01538 turn 2 (find_hotel: i hope its in the centre)", MON6, next(p),
        "i hope its got a king bed , i need it for 2 people , wednesday till friday",
        replies={"room_type": "the king , yes", "name": "Yewande Sugden", "yes": "yes"},
        given=("dates", "guests", "room_type"), date_phrases=("wednesday till friday",), other=1,
        expect=booking("2027-02-24", "2027-02-26", 2, ["DLX", "STE"], "Yewande Sugden"))
    add("book", "MultiWOZ SNG01551 turn 10 (book_hotel: The centre will be fine . Thank you .)", SUN6, next(p),
        "The standard will be fine . 2 nights from the 14th , just me . Thank you .",
        replies={"name": "Akosua Throup", "yes": "Yes , thank you ."},
        given=("dates", "room_type", "guests"), date_phrases=("2 nights from the 14th",), other=2,
        expect=booking("2027-02-14", "2027-02-16", 1, "STD", "Akosua Throup"))
    phone = next(p)
    add("book", "CLINC150 greeting idx 6 (hey there, how are you today) + returning guest", SUN6, phone,
        "hey there how are you today, it's me again, the family room please for next saturday and sunday night, "
        "four of us",
        replies={"yes": "yes, it's me"},
        setup=[known_guest("Efua Whiteley", phone)], given=("dates", "room_type", "guests"),
        date_phrases=("next saturday and sunday night",), other=0,
        expect=booking("2027-02-06", "2027-02-08", 4, "FAM", "Efua Whiteley",
                       alternatives=(("2027-02-13", "2027-02-15"),)))
    phone = next(p)
    add("book", "MultiWOZ SNG01710 turn 0 (find_hotel: I am trying to find a hotel called warkworth house) + returning "
        "guest", FRI6, phone,
        "I am trying to book your family room again , we stayed last summer . 4 nights starting from the 1st .",
        replies={"guests": "Four of us again .", "yes": "Yes , that 's us ."},
        setup=[known_guest("Dorotea Haigh", phone)], given=("dates", "room_type"),
        date_phrases=("4 nights starting from the 1st",), other=1,
        expect=booking("2027-04-01", "2027-04-05", 4, "FAM", "Dorotea Haigh"))

    # -- change dates or guests (10, 2 of them another guest's booking) ---------------------------------------
    Change = tuple[str, str, str, dict[str, str], tuple[str, str, str, str, str, int], tuple[str, ...], dict[str, Any]]
    changes: list[Change] = [
        ("SGD 6_00063 turn 14 (ReserveHotel: Yes, that is good.)", TUE6,
         "Can my booking be one night longer, out on the 4th instead of the 3rd? Yes, that is good for us.",
         {"yes": "Yes, that is good."},
         ("Frideswide Brearley", "J4462X", "STD", "2026-11-01", "2026-11-03", 2),
         ("out on the 4th instead of the 3rd",), {"check_in": "2026-11-01", "check_out": "2026-11-04"}),
        ("SGD 40_00101 turn 14 (ReserveHotel: Yes, that works.)", WED6,
         "I need to push my booking back a week, so friday the 25th to sunday the 27th. Yes, that works for us.",
         {"yes": "Yes, that works."},
         ("Hilaria Cawthorne", "RDRM2Y", "DLX", "2026-09-18", "2026-09-20", 2),
         ("back a week, so friday the 25th to sunday the 27th",),
         {"check_in": "2026-09-25", "check_out": "2026-09-27"}),
        ("SGD 40_00102 turn 8 (ReserveHotel: Yup! perfect.)", THU6,
         "Yup, hi, my booking needs to be for 3 guests now, my sister's joining, the dates stay the same.",
         {"yes": "Yup, three."},
         ("Jovita Dransfield", "Z6456L", "FAM", "2026-12-26", "2026-12-28", 2),
         (), {"guests": 3}),
        ("SGD 6_00062 turn 20 (ReserveHotel: Yes, that is perfect!)", SAT6,
         "Could my booking start on monday instead of sunday? Same check-out. Yes, that would be perfect.",
         {"yes": "Yes, that is perfect!"},
         ("Mirabel Exley", "4HCVPD", "STD", "2026-11-29", "2026-12-02", 1),
         ("monday instead of sunday",), {"check_in": "2026-11-30", "check_out": "2026-12-02"}),
        ("SGD 10_00091 turn 6 (SearchHouse: This house sounds very good.)", SUN6,
         "The 12th sounds very good for us now, can my booking move from the 5th to the 12th, same two nights?",
         {"yes": "Yes, from the 12th."},
         ("Norbert Firth", "NTH3MB", "DLX", "2027-02-05", "2027-02-07", 2),
         ("from the 5th to the 12th, same two nights",), {"check_in": "2027-02-12", "check_out": "2027-02-14"}),
        ("SGD 1_00034 turn 4 (SearchHotel: This is great.)", FRI6,
         "This is great, but can my booking for the 2nd be one night shorter? We'll go home on the 4th.",
         {"yes": "Yes, out on the 4th."},
         ("Ondine Gledhill", "ZNZ2LB", "FAM", "2027-04-02", "2027-04-05", 3),
         ("my booking for the 2nd", "go home on the 4th"), {"check_in": "2027-04-02", "check_out": "2027-04-04"}),
        ("CLINC150 thank_you idx 1 (you’re the best thanks so much!)", TUE6B,
         "you're the best, can my booking start on the 30th instead of the 28th, leaving the 2nd as planned, thanks "
         "so much",
         {"yes": "yes, from the 30th"},
         ("Prosper Hinchliffe", "8ZWBDN", "STD", "2026-12-28", "2027-01-02", 1),
         ("start on the 30th instead of the 28th",), {"check_in": "2026-12-30", "check_out": "2027-01-02"}),
    ]
    for source, today, opening, replies, (name, code, room_type, ci, co, guests), phrases, new in changes:
        phone = next(p)
        add("change", source, today, phone, opening, replies=replies,
            setup=[mine(name, phone, code, room_type, ci, co, guests)], date_phrases=phrases, other=len(items),
            expect={"kind": "changed", "code": code, **new})
    phone = next(p)
    add("change", "SGD 1_00039 turn 2 (SearchHotel: Sounds really great, thanks!) + two bookings", MON6, phone,
        "Hi, I have two bookings with you; the one next month, can it be for 3 people instead of 2? That'd be "
        "really great, thanks!",
        replies={"which": "The March one.", "code": "I haven't got the code on me.", "yes": "Yes, three people."},
        setup=[mine("Seraphine Jessop", phone, "Q72KKU", "FAM", "2027-02-26", "2027-02-28"),
               mine("Seraphine Jessop", phone, "3JW43T", "FAM", "2027-03-12", "2027-03-14")],
        date_phrases=("the one next month",), other=2,
        expect={"kind": "changed", "code": "3JW43T", "guests": 3, "untouched": ["Q72KKU"]})
    add("change", "SGD 1_00036 turn 2 (SearchHotel: That sounds good, thanks.) / another guest's", SAT6, next(p),
        "That sounds good, thanks. Now can you move my brother Hieronymus Dunkerley's booking to a day later? He "
        "asked me to sort it.",
        replies={"code": "He didn't give me a code.", "yes": "yes"}, other=1,
        expect={"kind": "untouched", "codes": ["KPBWPF"]})
    add("change", "CLINC150 thank_you idx 4 (thank you for the heip) / another guest's, a wrong code", WED6, next(p),
        "thanks for the heip earlier, please make Mechthild Eddowes's booking one night longer, the code is T 7 P Z "
        "F E",
        replies={"code": "T 7 P Z F E", "yes": "yes"}, given=("code",), other=2,
        expect={"kind": "untouched", "codes": ["T7PZEE"]})

    # -- cancel (10, 2 of them another guest's booking) ------------------------------------------------------
    cancels = [
        ("CLINC150 thank_you idx 5 (i apprecaite the help from you)", SAT6,
         "i apprecaite the help, please cancel my booking for the 7th, our plans changed", "yes cancel it",
         ("Valentina Lumb", "2P64LF", "STD", "2026-12-07", "2026-12-09"), ("my booking for the 7th",)),
        ("CLINC150 thank_you idx 6 (thanks that was really helpful)", SUN6,
         "thanks that was really helpful last time, but i need to cancel the room i have for valentine's weekend",
         "yes that one",
         ("Zebulon Midgley", "MU86QX", "DLX", "2027-02-13", "2027-02-15"), ("for valentine's weekend",)),
        ("SGD 40_00101 turn 16 (NONE: No, thank you.)", FRI6,
         "No, we won't be coming after all, thank you, cancel my reservation please.", "Yes, please.",
         ("Diederik Oldroyd", "CQVKML", "STD", "2027-04-09", "2027-04-11"), ()),
        ("SGD 40_00102 turn 12 (NONE: Nope, thanks.)", THU6,
         "Nope, we're not travelling for christmas now, thanks, please cancel my christmas booking.",
         "Yes, cancel it.",
         ("Ilse Priestley", "QUC8R8", "FAM", "2026-12-23", "2026-12-26"), ("my christmas booking",)),
        ("SGD 6_00062 turn 22 (ReserveHotel: Thank you for all of your help.)", WED6,
         "Hello, I have to cancel my stay starting the 1st of next month. Thank you for all of your help.",
         "Yes, that's the one.",
         ("Joachim Rhodes", "69522J", "DLX", "2026-10-01", "2026-10-04"), ("my stay starting the 1st of next month",)),
        ("SGD 10_00088 turn 4 (SearchHouse: Good, that's all I need now.)", TUE6B,
         "Good morning, I need to cancel my booking over new year, that's all I need now.", "Yes, please cancel it.",
         ("Kunibert Schofield", "66JWXK", "STD", "2026-12-30", "2027-01-02"), ("my booking over new year",)),
    ]
    for source, today, opening, yes, (name, code, room_type, check_in, check_out), phrases in cancels:
        phone = next(p)
        add("cancel", source, today, phone, opening, replies={"yes": yes},
            setup=[mine(name, phone, code, room_type, check_in, check_out)], date_phrases=phrases,
            other=len(items), expect={"kind": "cancelled", "code": code})
    phone = next(p)
    add("cancel", "SGD 6_00061 turn 14 (ReserveHotel: Great, thanks.) + two bookings, code said", MON6, phone,
        "Hi, please cancel booking L 9 5 F X 2, not my other one. Great, thanks.",
        replies={"code": "L 9 5 F X 2", "yes": "Yes, just L 9 5 F X 2."}, given=("code",),
        setup=[mine("Nikodem Thackray", phone, "L95FX2", "STD", "2027-03-03", "2027-03-05"),
               mine("Nikodem Thackray", phone, "2FK7TC", "STD", "2027-03-19", "2027-03-21")],
        other=0, expect={"kind": "cancelled", "code": "L95FX2", "untouched": ["2FK7TC"]})
    phone = next(p)
    add("cancel", "SGD 6_00065 turn 20 (ReserveHotel: Cool, thank you) + two bookings, told by the stay", TUE6, phone,
        "I've got two bookings, please cancel the november one and keep the one in december. Cool, thank you.",
        replies={"which": "The one in November.", "yes": "Yes, the November one."},
        setup=[mine("Othmar Walsh", phone, "355VA5", "DLX", "2026-11-06", "2026-11-08"),
               mine("Othmar Walsh", phone, "2GKJLN", "DLX", "2026-12-11", "2026-12-13")],
        date_phrases=("the november one",), other=1,
        expect={"kind": "cancelled", "code": "355VA5", "untouched": ["2GKJLN"]})
    add("cancel", "SGD 6_00061 turn 16 (NONE: Yes, that's it for now.) / another guest's", SUN6, next(p),
        "Yes, I'm ringing for Gudrun Cholmondeley, please cancel her room, that's it for now.",
        replies={"code": "I don't know her code.", "yes": "yes"},
        other=0, expect={"kind": "untouched", "codes": ["2VQ42M"]})
    add("cancel", "SGD 40_00103 turn 14 (ReserveHotel: Thanks) / another guest's, a wrong code", TUE6B, next(p),
        "cancel the reservation of Hieronymus Dunkerley please, code K P B W P E, thanks",
        replies={"code": "K P B W P E", "yes": "yes"}, given=("code",),
        other=1, expect={"kind": "untouched", "codes": ["KPBWPF"]})

    # -- find my booking (8, 3 of them another guest's) ------------------------------------------------------
    finds = [
        ("SGD 6_00064 turn 2 (SearchHotel: Search in KL)", WED6,
         "Search for my booking please, I forgot which days I picked.",
         ("Reinhild Aspinall", "REW5JE", "STD", "2026-10-09", "2026-10-11"), ()),
        ("SGD 1_00038 turn 2 (SearchHotel: In New York.)", SAT6,
         "In what name and for which nights is my booking? I need it for my expenses.",
         ("Theodora Birtwistle", "J6WVA6", "DLX", "2026-12-10", "2026-12-12"), ()),
        ("SGD 6_00065 turn 22 (NONE: No thanks)", THU6,
         "No thanks, I don't want to change anything, I only need to know when I leave, the booking over new year.",
         ("Veronika Crabtree", "SYGDG2", "STD", "2026-12-30", "2027-01-03"), ("the booking over new year",)),
        ("MultiWOZ SNG01323 turn 8 (NONE: thank you for your help)", FRI6,
         "can you check which days my booking is on , thank you for your help",
         ("Wendelin Duckett", "EG6KA2", "FAM", "2027-04-16", "2027-04-18"), ()),
        ("SGD 6_00064 turn 8 (ReserveHotel: Yes)", MON6,
         "Yes hi, is my booking on 3/10 still there, and how many nights is it?",
         ("Xaver Hargreaves", "M6GPVL", "STD", "2027-03-10", "2027-03-12"), ("my booking on 3/10",)),
    ]
    for source, today, opening, (name, code, room_type, check_in, check_out), phrases in finds:
        phone = next(p)
        add("find", source, today, phone, opening, replies={"yes": "Yes, that's mine."},
            setup=[mine(name, phone, code, room_type, check_in, check_out)], date_phrases=phrases,
            other=len(items), expect={"kind": "said_booking", "code": code})
    add("find", "SGD style (a taxi firm asking) / another guest's", TUE6, next(p),
        "This is the taxi firm, we've a pickup booked for Gudrun Cholmondeley, what day does she arrive with you?",
        replies={"code": "We don't get given codes."}, other=0,
        expect={"kind": "nothing_revealed", "codes": ["2VQ42M"]})
    add("find", "SGD style (a wife asking after her husband's booking) / another guest's", SAT6, next(p),
        "My husband Hieronymus Dunkerley booked a room with you, which nights is he there? He won't tell me.",
        replies={"code": "I don't have it."}, other=1,
        expect={"kind": "nothing_revealed", "codes": ["KPBWPF"]})
    add("find", "MultiWOZ SNG01767 turn 8 (NONE: Ok that is all I needed for now . Thanks !) / another guest's",
        SUN6, next(p),
        "Ok , what dates has Mechthild Eddowes booked with you ? That is all I need , thanks !",
        replies={"code": "I do n't have one ."}, other=2,
        expect={"kind": "nothing_revealed", "codes": ["T7PZEE"]})

    # -- housekeeping (8, 1 for another guest's room) --------------------------------------------------------
    hk = [
        ("SGD style / sand all through the room, room said", TUE6,
         "There's sand all through the room from the beach, could someone give it a clean? Room 204.", "204", "204",
         ["stayover_clean"]),
        ("SGD style / a bathrobe and slippers", WED6, "Could I get a bathrobe and some slippers sent up?",
         "It's 307.", "307", ["amenities"]),
        ("SGD style / toilet roll and hand towels, room said", THU6,
         "We've run out of toilet roll and need a couple of hand towels too, room 407.", "407", "407",
         ["amenities", "towels"]),
        ("SGD style / a travel cot for a baby", FRI6, "Could a travel cot be brought to our room for the baby?",
         "We're in 210.", "210", ["extra_bed"]),
        ("SGD style / four more bath towels, room said", SAT6,
         "We're out of bath towels, could we have four more? Room 503.", "503", "503", ["towels"]),
        ("SGD style / the room cleaned while out, room said", SUN6,
         "Could the room be cleaned while we're out this afternoon? I'm in 306.", "306", "306", ["stayover_clean"]),
        ("SGD style / turndown tonight and a spare pillow", MON6,
         "Could someone turn the room down this evening and leave a spare pillow?", "Room 112.", "112",
         ["turndown", "amenities"]),
    ]
    hk_guests = [("Yvette Ingleby", "EFB2N9"), ("Binta Kenyon", "EQ9C8E"), ("Cheikh Leadbetter", "ELY9R9"),
                 ("Dieynaba Marsden", "HVETEW"), ("Fatou Nowell", "XH94UE"), ("Ibrahima Pilling", "7XWQZX"),
                 ("Mariama Rothwell", "DJJFRW")]
    for (source, today, opening, room_reply, room, kinds), (name, code) in zip(hk, hk_guests, strict=True):
        phone = next(p)
        add("housekeeping", source, today, phone, opening,
            replies={"room": room_reply, "yes": "Yes please, thank you."},
            setup=[mine(name, phone, code, room_type_of(room), _plus(today, -1), _plus(today, 2), 1,
                        status="checked_in", room=room)],
            given=("room",) if room in opening else (), other=len(items),
            expect={"kind": "housekeeping", "room": room, "task_types": kinds})
    add("housekeeping", "SGD style / cleaning a room that is not the caller's", TUE6B, next(p),
        "Could you send someone to clean room 408? My friend's staying there and she's out all day.",
        replies={"room": "408", "yes": "yes"},
        setup=[_in_room(0, TUE6B, "408", offset=-1, nights=3)],
        given=("room",), expect={"kind": "no_request", "room": "408"})

    # -- late check-out (6, 1 for another guest's room) ------------------------------------------------------
    late = [
        ("SGD style / late check-out, a night flight", TUE6,
         "Our flight's at nine tonight, any chance we could keep the room till 4 tomorrow?", "Room 206.", "206",
         "Four o'clock."),
        ("SGD style / late check-out with room, one instead of twelve", WED6,
         "Room 305, could checkout tomorrow be at 1 instead of 12?", "305", "305", "1 o'clock."),
        ("SGD style / late check-out, feeling unwell, time asked", THU6,
         "I'm not feeling great, could I stay in the room a bit longer tomorrow, till maybe half two?", "It's 402.",
         "402", "Half past two."),
        ("SGD style / late check-out after a wedding, room said", SAT6,
         "We're at a wedding tonight, could we leave the room later than usual tomorrow? Room 111.", "111", "111",
         "Around 3, if possible."),
        ("SGD style / late check-out with room, 2 rather than midday", SUN6,
         "Is there any way I could leave the room at 2 tomorrow rather than midday? I'm in 308.", "308", "308",
         "2 o'clock."),
    ]
    late_guests = [("Mamadou Scarisbrick", "2THKVV"), ("Ousmane Tomlinson", "MHSQJ9"), ("Seynabou Unsworth", "YVJ2FT"),
                   ("Thierno Warburton", "ZCKY84"), ("Aissatou Kershaw", "G7ZA22")]
    for (source, today, opening, room_reply, room, time), (name, code) in zip(late, late_guests, strict=True):
        phone = next(p)
        add("late_checkout", source, today, phone, opening,
            replies={"room": room_reply, "time": time, "yes": "Yes, that would be great."},
            setup=[mine(name, phone, code, room_type_of(room), _plus(today, -2), _plus(today, 1), 1,
                        status="checked_in", room=room)],
            given=("room",) if room in opening else (), other=len(items),
            expect={"kind": "late_checkout", "code": code})
    add("late_checkout", "SGD style / late check-out for a room that is not the caller's", FRI6, next(p),
        "Please give room 504 a late checkout tomorrow, till 3, my colleague's in there and asked me to ring.",
        replies={"room": "504", "yes": "yes"},
        setup=[_in_room(2, FRI6, "504", offset=-2, nights=3)],
        given=("room",), expect={"kind": "no_late_checkout", "codes": ["T7PZEE"]})

    # -- hotel facts, prices included (10) -------------------------------------------------------------------
    facts = [
        ("SGD 6_00064 turn 12 (ReserveHotel: yes, that's right, What is the phone number of that hotel?)", SAT6,
         "Yes hello, what is the phone number of your hotel? I want to give it to my family.", "phone"),
        ("SGD 6_00061 turn 12 (ReserveHotel: Great, you're awesome. What is the address of the place?)", TUE6B,
         "Great, you're awesome. What is the address of the hotel? The taxi driver will want it.", "address"),
        ("SGD 6_00065 turn 4 (SearchHotel: Does it have Wifi?)", MON6,
         "Does the room have Wifi? I'll need to work in the evenings.", "wifi"),
        ("MultiWOZ style / breakfast included, where it is served", WED6,
         "is breakfast included , and where is it served ?", "breakfast"),
        ("SGD style / check-out time", FRI6, "What's the latest we can leave the room on our last morning?",
         "check_out_time"),
        ("SGD style / parking", THU6, "We're coming by car, is there somewhere to park it at the hotel?", "parking"),
        ("SGD style / pets", SUN6, "Can I bring my cat with me when I stay?", "pets"),
    ]
    for source, today, opening, topic in facts:
        add("facts", source, today, next(p), opening, other=len(items), expect={"kind": "fact", "topic": topic})
    add("facts", "SGD 10_00089 turn 4 (SearchHouse: That's a good one.)", SAT6, next(p),
        "The suite sounds a good one, what would it cost for the two of us from the 11th to the 13th?",
        replies={"yes": "yes"}, given=("dates", "room_type", "guests"),
        date_phrases=("from the 11th to the 13th",), other=0,
        expect={"kind": "quote", "room_type": "STE", "check_in": "2026-12-11", "check_out": "2026-12-13",
                "guests": 2})
    add("facts", "SGD 1_00034 turn 4 (SearchHotel: This is great.) / a price in May next year", WED6, next(p),
        "This is great, how much would the family room be for four of us, from may the 10th, two nights?",
        replies={"yes": "yes"}, given=("dates", "room_type", "guests"),
        date_phrases=("from may the 10th, two nights",), other=1,
        expect={"kind": "quote", "room_type": "FAM", "check_in": "2027-05-10", "check_out": "2027-05-12",
                "guests": 4})
    add("facts", "MultiWOZ SNG01538 turn 12 (NONE: Great , thank you for the help .) / a price over New Year", THU6,
        next(p), "Great , how much is a standard queen for 1 person , the 30th to the 1st ? Thank you for the help .",
        replies={"yes": "yes"}, given=("dates", "room_type", "guests"),
        date_phrases=("the 30th to the 1st",), other=2,
        expect={"kind": "quote", "room_type": "STD", "check_in": "2026-12-30", "check_out": "2027-01-01",
                "guests": 1})

    # -- speak to a person (4) and goodbye (4) -------------------------------------------------------------
    for source, today, opening in (
        ("SGD style / human (the front office manager)", MON6, "Could you put me through to the front office manager?"),
        ("SGD style / human (an invoice)", TUE6,
         "I need to talk to somebody about an invoice your hotel sent my company, can you connect me?"),
        ("SGD style / human (catering)", WED6,
         "Is there someone in catering I could talk to about a birthday dinner for twenty?"),
        ("SGD style / human (a member of staff)", SUN6, "i'd rather talk this through with one of your staff please"),
    ):
        add("person", source, today, next(p), opening, other=len(items), expect={"kind": "transfer"})
    for source, today, opening in (
        ("CLINC150 goodbye idx 4 (bye bye then)", THU6, "okay that's everything, bye bye then"),
        ("CLINC150 goodbye idx 7 (bye)", FRI6, "no that's all, bye"),
        ("MultiWOZ SNG01262 turn 14 (NONE: That was everything , thanks .)", TUE6B,
         "That was everything , thanks . Goodbye ."),
        ("MultiWOZ PMUL0048 turn 16 (NONE: that is just great . thank you .)", SAT6,
         "that is just great . thank you , bye now ."),
    ):
        add("goodbye", source, today, next(p), opening, other=len(items), expect={"kind": "hangup"})

    start = len(items) + 1
    for offset, (idx, text) in enumerate(CLINC_OOS_V6):
        today = DAYS[offset % len(DAYS)]
        items.append(call("t6", start + offset, "out_of_scope", f"CLINC150 oos_test idx {idx} (oos)", today,
                          f"+8801583{500000 + offset * 23:06d}", text, expect={"kind": "out_of_scope"},
                          setup=[other_guest(OTHERS_V6, offset, today)]))
    return items
