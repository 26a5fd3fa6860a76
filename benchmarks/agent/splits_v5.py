"""The test split, version 5 (``splits/test5.jsonl``): held out from 2026-12-01 (its provenance).

Written after v4 was scored once (2026-12-01, 83 %) and so spent, by v4's rules and in its proportions, blind to
the agent (nobody who wrote it read ``agent/`` or ``tools/``, nor how the agent answered v4), from what v1, v2, v3,
v4 and dev did not use:

- wording: SGD and MultiWOZ user turns and CLINC150 utterances that no earlier split followed (each call's
  ``source`` names the turn), rewritten for our one hotel in the source's style; housekeeping, late check-out
  and speak-to-a-person calls have no source turn and are written "SGD style", in phrasings no split had;
- out of scope: CLINC150's next 40 ``oos_test`` utterances after v4's, idx 182-231 of clinc/oos-eval
  ``data/data_full.json`` (commit 828f809), verbatim, leaving out twelve a hotel could take for a request of its
  own (``CLINC_OOS_V5_LEFT_OUT``, idx 180-225);
- new names, phone numbers (+880 1627…, 1642…, 1687…), codes and eight new days (``DAYS``).

``make_splits.py`` renders and checks it with v1, v2, v3, v4 and dev (``python -m benchmarks.agent.make_splits
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

V5 = 5
HEADER_V5 = ("FROZEN test split v{v}: held out from 2026-12-01; never tune on it, never run the agent on it or look "
             "at how the agent answers it before its one scored run (use dev.jsonl, or test.jsonl, test2.jsonl, "
             "test3.jsonl and test4.jsonl: spent). Written by benchmarks/agent/splits_v5.py via make_splits.py.")

# The hotel's day of each call (10:00 hotel time): every day of the week, none of v1's, v2's, v3's, v4's or dev's.
MON5 = "2027-03-29"  # the end of March: "the 1st", "the 6th" and "next month" are April; January means 2028
TUE5 = "2026-09-29"  # day numbers roll into October; June and August mean next year
WED5 = "2027-01-27"  # the end of January: "monday", "the 1st", "the 2nd" and "the 3rd" are in February
THU5 = "2026-12-24"  # Christmas Eve: "friday, tomorrow" is Christmas Day; "the 3rd" and "the 7th" are 2027
FRI5 = "2027-02-26"  # the end of February (2027 is not a leap year): "sunday, monday, tuesday" runs into March
SAT5 = "2026-10-31"  # the last day of October: "monday", "the 3rd" and "next weekend" are in November
SUN5 = "2026-11-15"  # "the 5th" is in December; "christmas" and January ahead
WED5B = "2026-12-30"  # stays over New Year: "today to saturday", "the 4th" and "the 9th" are 2027
DAYS = (MON5, TUE5, WED5, THU5, FRI5, SAT5, SUN5, WED5B)

OTHERS_V5 = [
    {"name": "Hortensia Glanville", "phone": "+8801642517093", "room_type": "DLX", "code": "34XEQY"},
    {"name": "Thorvald Brocklebank", "phone": "+8801642528461", "room_type": "STD", "code": "K8W8ZS"},
    {"name": "Jolanta Featherstonehaugh", "phone": "+8801642539274", "room_type": "FAM", "code": "5ALECJ"},
]

# CLINC150 oos_test (clinc/oos-eval data/data_full.json, commit 828f809), idx 182-231, verbatim.
CLINC_OOS_V5 = (
    (182, "please take all my money out of my checking account and close the account"),
    (183, "what are cars like mine selling for online"), (184, "what's the blue book value of my car"),
    (186, "switch over to low power mode to preserve battery life"),
    (187, "show me the most popular nonfiction book currently on the market"),
    (188, "can you recommend some fiction books"), (189, "how can i repair a broken watch"),
    (190, "what's out at the theaters right now"), (191, "what is the most popular movie currently in theaters"),
    (192, "what is the cheapest new car for this year"), (193, "show me new cars with the highest safety rating"),
    (194, "i am looking for a suit for work"), (195, "i need to find a black suit under $100"),
    (196, "what is a good laptop for gaming"), (197, "show me laptops for sale that are under $2,000"),
    (198, "which element on the periodic table is k"), (199, "what kind of bonds do molecules have"),
    (200, "how much is my car worth used"), (203, "what are my hours this week at work"),
    (206, "i would like to know how long a charge is suppose to last on my phone"),
    (207, "check battery health on this device"), (208, "what is a well reviewed book for a teenage girl to read"),
    (209, "i want to find new cyberpunk fiction books"),
    (212, "what is a good movie to go see in theaters for a family with young kids"),
    (213, "i would like to find a stylish suit for a party"),
    (214, "can you give me suggestions for a professional suit under $200"),
    (215, "when is it cheapest to travel to hawaii"), (216, "i need a laptop with 16gb of ram"),
    (217, "what is the best reviewed laptop available on the market"),
    (218, "give me information about the element carbon and its reactions with hydrogen"),
    (219, "what is a good chemistry experiment to learn from"), (220, "how much is this years model of my car cost"),
    (222, "remind me of the address for my workplace please"), (223, "what time do i have to go to work today"),
    (226, "can you look up grocery coupons for me"), (227, "what is money used for"),
    (228, "what are some natural remedies to help ease stress"),
    (229, "what are some good methods of relieving stress"),
    (230, "how do you make sure a bridge doesn't fall down"),
    (231, "what is the median salary for someone with an engineering degree"),
)
# Left out: a hotel could take each for a request of its own (a refund or a deposit, the card it holds on file,
# parking, getting to the airport, the room phone's voicemail, the room's TV channels and films).
CLINC_OOS_V5_LEFT_OUT = (
    (180, "can i use direct deposit for my tax refund"), (181, "how much of a refund will i get this year"),
    (185, "what are the last 4 digits of my credit card number"),
    (201, "look up prices for parking at the airport over the weekend"),
    (202, "what is the best way for dealing with the airport"), (204, "can you check my voicemail"),
    (205, "how many voicemails are currently in my inbox"), (210, "what channel is cw on"),
    (211, "what is the most rented movie this week"), (221, "how do i best deal with the airport"),
    (224, "how many voicemail messages do i have"), (225, "erase all voicemails in my inbox please"),
)


def _in_room(index: int, today: str, room: str, *, offset: int, nights: int) -> dict[str, Any]:
    return in_room(OTHERS_V5, index, today, room, offset=offset, nights=nights)


def test5_split() -> list[dict[str, Any]]:  # noqa: PLR0915 (one long list of calls is the clearest form)
    items, add = calls_of("t5", OTHERS_V5)

    p = iter(f"+8801627{300000 + i * 53:06d}" for i in range(200))

    # -- book (26) -------------------------------------------------------------------------------------------
    add("book", "CLINC150 book_flight idx 1 (book me a place to chicago from atlanta united airlines)", THU5, next(p),
        "book me a place for two from the 3rd to the 5th",
        replies={"room_type": "um the cheaper one", "name": "Aglaia Oyenuga", "yes": "yes thats right"},
        given=("dates", "guests"), date_phrases=("from the 3rd to the 5th",), other=0,
        expect=booking("2027-01-03", "2027-01-05", 2, "STD", "Aglaia Oyenuga"))
    add("book", "CLINC150 book_flight idx 2 (can you book me a flight to memphis from st louis on delta airlines)",
        WED5, next(p), "could you book me in from monday to thursday, a room with a king bed",
        replies={"guests": "me and my wife", "name": "Cosmin Pickersgill", "yes": "yes please"},
        given=("dates", "room_type"), date_phrases=("from monday to thursday",), other=1,
        expect=booking("2027-02-01", "2027-02-04", 2, ["DLX", "STE"], "Cosmin Pickersgill"))
    add("book", "CLINC150 book_flight idx 3 (book a flight to los angeles from las vegas on american airlines)",
        THU5, next(p), "book a room from new year's eve to the 2nd, just me",
        replies={"room_type": "the queen one", "name": "Honorata Akinyemi", "yes": "yes"},
        given=("dates", "guests"), date_phrases=("from new year's eve to the 2nd",), other=2,
        expect=booking("2026-12-31", "2027-01-02", 1, "STD", "Honorata Akinyemi"))
    add("book", "CLINC150 book_flight idx 4 (book me a flight to dallas from st, paul, minnesota on delta airlines)",
        FRI5, next(p), "book me a room for 3, sunday, monday, tuesday nights",
        replies={"room_type": "uh whichever takes three", "name": "Mungo Rushworth", "yes": "yes go on"},
        given=("dates", "guests"), date_phrases=("sunday, monday, tuesday nights",), other=0,
        expect=booking("2027-02-28", "2027-03-03", 3, ["FAM", "STE"], "Mungo Rushworth"))
    add("book", "CLINC150 book_flight idx 6 (i need to book a flight on jet blue to boston from new york)", SUN5,
        next(p), "i need to book the family room for friday to sunday, 4 of us",
        replies={"name": "Jessamine Wetherall", "yes": "yes that's it"},
        given=("dates", "room_type", "guests"), date_phrases=("for friday to sunday",), other=1,
        expect=booking("2026-11-20", "2026-11-22", 4, "FAM", "Jessamine Wetherall"))
    add("book", "CLINC150 book_flight idx 7 (can you get me a flight from san francisco to san jose using american "
        "airlines)", TUE5, next(p), "can you get me a room from august 8th to the 10th",
        replies={"guests": "two adults", "room_type": "the deluxe please", "name": "Rhodri Soutar", "yes": "yes"},
        given=("dates",), date_phrases=("from august 8th to the 10th",), other=2,
        expect=booking("2027-08-08", "2027-08-10", 2, "DLX", "Rhodri Soutar"))
    add("book", "CLINC150 book_flight idx 8 (i want a flight from new york to san francisco using delta)", WED5,
        next(p), "i want a room from the day after tomorrow to sunday, the deluxe",
        replies={"guests": "uh just one", "name": "Ludmila Okonkwo", "yes": "yes correct"},
        given=("dates", "room_type"), date_phrases=("from the day after tomorrow to sunday",), other=0,
        expect=booking("2027-01-29", "2027-01-31", 1, "DLX", "Ludmila Okonkwo"))
    add("book", "CLINC150 book_flight idx 9 (get me a flight from barcelona to paris from jet blue)", MON5, next(p),
        "get me a room from the 1st to the 4th",
        replies={"guests": "2 adults", "room_type": "whichever's cheapest", "name": "Quentin Treharne",
                 "yes": "yes book it"},
        given=("dates",), date_phrases=("from the 1st to the 4th",), other=1,
        expect=booking("2027-04-01", "2027-04-04", 2, "STD", "Quentin Treharne"))
    add("book", "CLINC150 car_rental idx 2 (who can i rent a car from next month in orlando) + 'next weekend'", SAT5,
        next(p), "who can i book a room with for next weekend, friday and saturday night",
        replies={"guests": "two of us", "room_type": "the suite if it's free", "name": "Ulrika Blenkinsop",
                 "yes": "yes lovely"},
        given=("dates",), date_phrases=("next weekend, friday and saturday night",), other=2,
        expect=booking("2026-11-06", "2026-11-08", 2, "STE", "Ulrika Blenkinsop",
                       alternatives=(("2026-11-13", "2026-11-15"),)))
    add("book", "CLINC150 car_rental idx 6 (book a rental car to rhode island for friday, tomorrow)", THU5, next(p),
        "book a room for friday, tomorrow, one night only",
        replies={"guests": "two of us", "room_type": "the king room", "name": "Waldemar Thwaite", "yes": "yes"},
        given=("dates",), date_phrases=("for friday, tomorrow, one night only",), other=0,
        expect=booking("2026-12-25", "2026-12-26", 2, "DLX", "Waldemar Thwaite"))
    add("book", "CLINC150 car_rental idx 8 (can you book a car rental today to new york city to philadelphia)",
        WED5B, next(p), "can you book a room from today to saturday",
        replies={"guests": "just myself", "room_type": "nothing fancy", "name": "Nerissa Ezeilo", "yes": "yes ok"},
        given=("dates",), date_phrases=("from today to saturday",), other=1,
        expect=booking("2026-12-30", "2027-01-02", 1, "STD", "Nerissa Ezeilo"))
    add("book", "CLINC150 car_rental idx 7 (alexa, book a rental car to los angeles county in 2 hours)", FRI5,
        next(p), "hi, book a room for me, i'll be there in 2 hours, just for tonight",
        replies={"room_type": "erm the standard", "name": "Balthasar Kettleborough", "yes": "yep"},
        given=("dates", "guests"), date_phrases=("just for tonight",), other=2,
        expect=booking("2027-02-26", "2027-02-27", 1, "STD", "Balthasar Kettleborough"))
    add("book", "SGD 6_00063 turn 0 (SearchHotel: I need one hotel room.) + 'next'", MON5, next(p),
        "I need one room, next Wednesday and Thursday night, just me.",
        replies={"room_type": "A queen bed is fine.", "name": "Clothilde Duckworth", "yes": "Yes, thank you."},
        given=("dates", "guests"), date_phrases=("next wednesday and thursday night",), other=0,
        expect=booking("2027-03-31", "2027-04-02", 1, "STD", "Clothilde Duckworth",
                       alternatives=(("2027-04-07", "2027-04-09"),)))
    add("book", "SGD 10_00088 turn 2 (SearchHouse: I need one in Paris, France.)", SUN5, next(p),
        "Hi, I need one of your deluxe rooms, for the 11th and 12th of January.",
        replies={"guests": "Two.", "name": "Fortunato Ashburnham", "yes": "Yes, that's right."},
        given=("dates", "room_type"), date_phrases=("for the 11th and 12th of january",), other=1,
        expect=booking("2027-01-11", "2027-01-13", 2, "DLX", "Fortunato Ashburnham",
                       alternatives=(("2027-01-11", "2027-01-12"),)))
    add("book", "SGD 1_00035 turn 2 (SearchHotel: I'm searching for hotels located in Paris, France.)", FRI5,
        next(p), "I'm searching for a room for the nights of the 2nd and the 3rd.",
        replies={"guests": "One person.", "room_type": "The cheapest, please.", "name": "Gwendolen Anyanwu",
                 "yes": "Yes, please."},
        given=("dates",), date_phrases=("the nights of the 2nd and the 3rd",), other=2,
        expect=booking("2027-03-02", "2027-03-04", 1, "STD", "Gwendolen Anyanwu"))
    add("book", "SGD 40_00100 turn 4 (ReserveHotel: I want it to be in London, England.)", SAT5, next(p),
        "I want it to be a room for three of us, in on the 3rd and out on the 6th.",
        replies={"room_type": "Something all three of us fit in, whatever that is.", "name": "Hesketh Fairbrother",
                 "yes": "Yes, that's all correct."},
        given=("dates", "guests"), date_phrases=("in on the 3rd and out on the 6th",), other=0,
        expect=booking("2026-11-03", "2026-11-06", 3, ["FAM", "STE"], "Hesketh Fairbrother"))
    add("book", "MultiWOZ SNG01767 turn 0 (find_hotel: I am looking for a place to stay . The hotel should be in the "
        "north and should be in the type of guesthouse)", WED5B, next(p),
        "I am looking for a room to stay in. It should be the family type, for 4 people and 2 nights starting from "
        "thursday.",
        replies={"name": "Iolanthe Hollings", "yes": "Yes, that's it."},
        given=("dates", "guests", "room_type"), date_phrases=("2 nights starting from thursday",), other=1,
        expect=booking("2026-12-31", "2027-01-02", 4, "FAM", "Iolanthe Hollings"))
    add("book", "MultiWOZ SNG01538 turn 0 (find_hotel: I need a hotel with a zero star rating and I do nt need free "
        "parking)", SUN5, next(p),
        "I need a room at the lowest rate you have and I don't need parking. Two nights from saturday, just me.",
        replies={"room_type": "Yes, the cheapest one.", "name": "Jaroslav Pennington", "yes": "Yes."},
        given=("dates", "guests", "room_type"), date_phrases=("two nights from saturday",), other=2,
        expect=booking("2026-11-21", "2026-11-23", 1, "STD", "Jaroslav Pennington"))
    add("book", "MultiWOZ SNG01692 turn 2 (find_hotel: The hotel should have a star of 3 and should be in the south "
        ".)", TUE5, next(p),
        "The room should have two beds and should sleep 4 of us, the 19th to the 22nd of june.",
        replies={"room_type": "The family one, yes.", "name": "Kleopatra Hallworth", "yes": "Yes please."},
        given=("dates", "guests"), date_phrases=("the 19th to the 22nd of june",), other=0,
        expect=booking("2027-06-19", "2027-06-22", 4, "FAM", "Kleopatra Hallworth"))
    add("book", "MultiWOZ PMUL0048 turn 10 (find_hotel: thanks I need a 4 star guesthouse with free parking of "
        "course .)", WED5, next(p),
        "Thanks, I need a king room with parking of course, arriving on the 29th and leaving the 2nd.",
        replies={"guests": "The two of us.", "name": "Marcellin Rathbone", "yes": "Yes, book it."},
        given=("dates", "room_type"), date_phrases=("arriving on the 29th and leaving the 2nd",), other=1,
        expect=booking("2027-01-29", "2027-02-02", 2, ["DLX", "STE"], "Marcellin Rathbone"))
    add("book", "MultiWOZ SNG01534 turn 2 (find_hotel: I am looking for a guesthouse with free parking , preferably "
        "one star .)", TUE5, next(p),
        "I am looking for a room, preferably the cheapest one, from the 30th for 3 nights, just me.",
        replies={"room_type": "The cheapest, yes.", "name": "Norberto Sayers", "yes": "Yes, thanks."},
        given=("dates", "guests", "room_type"), date_phrases=("from the 30th for 3 nights",), other=2,
        expect=booking("2026-09-30", "2026-10-03", 1, "STD", "Norberto Sayers"))
    add("book", "MultiWOZ SNG01767 turn 4 (find_hotel: I need a place with 4 stars .)", WED5B, next(p),
        "I need a place with 2 beds for my 2 kids and me, from sunday to tuesday.",
        replies={"room_type": "The family room, I suppose.", "name": "Olimpia Trelawney", "yes": "Yes, go ahead."},
        given=("dates", "guests"), date_phrases=("from sunday to tuesday",), other=0,
        expect=booking("2027-01-03", "2027-01-05", 3, "FAM", "Olimpia Trelawney"))
    add("book", "SGD 6_00066 turn 10 (SearchHotel: Yes, that'll be great.)", SAT5, next(p),
        "Hello, the deluxe king for two from the 9th to the 11th would be great, go ahead and book it under Pancrazio "
        "Wimbourne.",
        replies={"yes": "Yes, that'll be great."},
        given=("dates", "guests", "room_type", "name"), date_phrases=("from the 9th to the 11th",), other=1,
        expect=booking("2026-11-09", "2026-11-11", 2, "DLX", "Pancrazio Wimbourne"))
    add("book", "MultiWOZ SNG01534 turn 6 (find_hotel: how about a hotel with 4 stars ?) + a correction", MON5, next(p),
        "How about a room on thursday, no sorry, on friday, for 2 nights, for me and my partner?",
        replies={"room_type": "Erm, the deluxe.", "name": "Teodoro Bramwell", "yes": "Yes, all good."},
        given=("dates", "guests"), date_phrases=("on thursday, no sorry, on friday, for 2 nights",), other=2,
        expect=booking("2027-04-02", "2027-04-04", 2, "DLX", "Teodoro Bramwell"))
    phone = next(p)
    add("book", "CLINC150 greeting idx 4 (are you doing alright) + returning guest", SUN5, phone,
        "hi, are you doing alright? it's me again, can i have the suite like last time, from the 5th to the 7th, "
        "for two",
        replies={"yes": "yes, that's me"},
        setup=[known_guest("Raffaella Lambourne", phone)], given=("dates", "room_type", "guests"),
        date_phrases=("from the 5th to the 7th",), other=0,
        expect=booking("2026-12-05", "2026-12-07", 2, "STE", "Raffaella Lambourne"))
    phone = next(p)
    add("book", "SGD 1_00033 turn 2 (SearchHotel: That sounds amazing) + returning guest", TUE5, phone,
        "Hello, we stayed with you in the summer and it was amazing. Could we have the family room again, 3 nights "
        "starting saturday?",
        replies={"guests": "Four of us again.", "yes": "Yes, that's us."},
        setup=[known_guest("Serafina Aldershaw", phone)], given=("dates", "room_type"),
        date_phrases=("3 nights starting saturday",), other=1,
        expect=booking("2026-10-03", "2026-10-06", 4, "FAM", "Serafina Aldershaw"))

    # -- change dates or guests (10, 2 of them another guest's booking) ---------------------------------------
    Change = tuple[str, str, str, dict[str, str], tuple[str, str, str, str, str, int], tuple[str, ...], dict[str, Any]]
    changes: list[Change] = [
        ("CLINC150 no idx 1 (that's incorrect)", WED5,
         "hi, that's incorrect on my booking, we leave on the 3rd, not the 1st, same arrival day",
         {"yes": "yes, out on the 3rd"},
         ("Melisende Ugwu", "GBV8X3", "STD", "2027-01-29", "2027-02-01", 2),
         ("we leave on the 3rd, not the 1st",), {"check_in": "2027-01-29", "check_out": "2027-02-03"}),
        ("SGD 6_00064 turn 6 (SearchHotel: Yes, that seems good for me.)", SAT5,
         "Hi, my booking is friday and saturday night, but the sunday and the monday seem better for me now, can you "
         "change it?",
         {"yes": "Yes, that seems good."},
         ("Eberhard Marwood", "9455QA", "DLX", "2026-11-06", "2026-11-08", 2),
         ("the sunday and the monday",), {"check_in": "2026-11-08", "check_out": "2026-11-10"}),
        ("SGD 1_00035 turn 4 (SearchHotel: That's perfect for me.)", THU5,
         "Could you move my booking to the 29th till the 31st? That's perfect for me, I'll be home by new year's eve "
         "then.",
         {"yes": "Yes, perfect."},
         ("Filomena Oduber", "QV33FN", "STD", "2026-12-27", "2026-12-29", 1),
         ("the 29th till the 31st",), {"check_in": "2026-12-29", "check_out": "2026-12-31"}),
        ("SGD 10_00091 turn 4 (SearchHouse: Something else you can find me?)", MON5,
         "Can you find me one night less on my booking? I'll leave on the 6th now, not the 7th.",
         {"yes": "Yes, the 6th."},
         ("Valdis Cresswell", "U6M2EQ", "FAM", "2027-04-03", "2027-04-07", 3),
         ("i'll leave on the 6th now, not the 7th",), {"check_in": "2027-04-03", "check_out": "2027-04-06"}),
        ("MultiWOZ SNG01323 turn 2 (find_hotel: The hotel should be in the centre and should be in the type of "
         "guesthouse .)", TUE5,
         "The booking should be for 2 people, not 1, and should stay the same otherwise. My wife is coming too.",
         {"yes": "Yes, two people."},
         ("Xenia Pomfret", "C6MPH2", "DLX", "2026-10-08", "2026-10-10", 1),
         (), {"guests": 2}),
        ("SGD 1_00037 turn 4 (SearchHotel: Yes, that sounds good.)", FRI5,
         "Yes, hello, I'd like to bring my booking forward a week, so the 5th to the 7th instead of the 12th to the "
         "14th.",
         {"yes": "Yes, that sounds good."},
         ("Yestin Harcourt", "NUS5B9", "STD", "2027-03-12", "2027-03-14", 1),
         ("forward a week, so the 5th to the 7th",), {"check_in": "2027-03-05", "check_out": "2027-03-07"}),
        ("SGD 6_00065 turn 10 (SearchHotel: Hmmm, anything else?)", SUN5,
         "Hmmm, um, can my booking start a day earlier? Thursday instead of friday, same check-out.",
         {"yes": "Yes, from Thursday."},
         ("Zenobia Lockyer", "54V8WE", "STD", "2026-11-20", "2026-11-22", 2),
         ("thursday instead of friday",), {"check_in": "2026-11-19", "check_out": "2026-11-22"}),
    ]
    for source, today, opening, replies, (name, code, room_type, ci, co, guests), phrases, new in changes:
        phone = next(p)
        add("change", source, today, phone, opening, replies=replies,
            setup=[mine(name, phone, code, room_type, ci, co, guests)], date_phrases=phrases, other=len(items),
            expect={"kind": "changed", "code": code, **new})
    phone = next(p)
    add("change", "SGD 6_00062 turn 10 (SearchHotel: That one sounds nice.) + two bookings", WED5B, phone,
        "I've got two bookings with you, and the valentine's one, that one needs an extra night, till the tuesday.",
        replies={"which": "The Valentine's one, in February.", "code": "Sorry, I don't have the code handy.",
                 "yes": "Yes, till the Tuesday."},
        setup=[mine("Wenceslas Bickerstaff", phone, "D639DF", "DLX", "2027-01-08", "2027-01-10"),
               mine("Wenceslas Bickerstaff", phone, "BSS8YJ", "DLX", "2027-02-13", "2027-02-15")],
        date_phrases=("the valentine's one", "till the tuesday"), other=2,
        expect={"kind": "changed", "code": "BSS8YJ", "check_in": "2027-02-13", "check_out": "2027-02-16",
                "untouched": ["D639DF"]})
    add("change", "SGD 40_00100 turn 12 (NONE: No, I have all the info.) / another guest's", SUN5, next(p),
        "I have all the info here, I'm Hortensia Glanville's assistant, please move her booking to start a day "
        "later.",
        replies={"code": "I don't have her code, only her name.", "yes": "yes"}, other=0,
        expect={"kind": "untouched", "codes": ["34XEQY"]})
    add("change", "SGD 40_00103 turn 10 (ReserveHotel: Yes thats right) / another guest's, a wrong code", MON5,
        next(p),
        "yes hi, thats right, i need the booking for Thorvald Brocklebank changed to two guests, code K 8 W 8 Z 5",
        replies={"code": "K 8 W 8 Z 5", "yes": "yes"}, given=("code",), other=1,
        expect={"kind": "untouched", "codes": ["K8W8ZS"]})

    # -- cancel (10, 2 of them another guest's booking) ------------------------------------------------------
    cancels = [
        ("CLINC150 cancel idx 9 (just stop talking)", WED5B,
         "just stop my booking for the 4th, we can't make it, please cancel it", "yes please cancel",
         ("Bettina Colquhoun", "8BF43D", "STD", "2027-01-04", "2027-01-06"), ("my booking for the 4th",)),
        ("CLINC150 thank_you idx 2 (thanks for helping)", MON5,
         "thanks for helping me book last week, but now i need to cancel it, the one in the middle of next month",
         "yes that's it",
         ("Caspian Ellerby", "F6WLZB", "DLX", "2027-04-14", "2027-04-16"), ("the one in the middle of next month",)),
        ("SGD 1_00037 turn 8 (NONE: No, that is all I needed.)", TUE5,
         "No, we won't be needing the room after all, that is all, please cancel my booking.", "Yes, cancel it.",
         ("Dymphna Wainwright", "7274NF", "STD", "2026-10-09", "2026-10-11"), ()),
        ("SGD 40_00099 turn 10 (ReserveHotel: Ok, that is all I need for now. Thank you.)", SAT5,
         "Ok, I need to cancel my reservation for the 20th, that is all I need for now, thank you.", "Yes, please.",
         ("Esmeraldo Stokoe", "FPG7B3", "FAM", "2026-11-20", "2026-11-22"), ("my reservation for the 20th",)),
        ("MultiWOZ SNG01290 turn 8 (NONE: No that 's it all . Thanks for your help .)", FRI5,
         "No, that's it, the trip is off. Please cancel what I have from the 12th.", "Yes, that one.",
         ("Fulgencio Cattanach", "QX9V3U", "DLX", "2027-03-12", "2027-03-15"), ("what i have from the 12th",)),
        ("SGD 1_00034 turn 6 (NONE: No, thanks for your great help.)", SUN5,
         "No, thanks, the wedding's been called off, so please cancel my two nights over christmas.",
         "Yes, please cancel them.",
         ("Kunigunde Drinkwater", "B8ANMB", "STD", "2026-12-24", "2026-12-26"), ("my two nights over christmas",)),
    ]
    for source, today, opening, yes, (name, code, room_type, check_in, check_out), phrases in cancels:
        phone = next(p)
        add("cancel", source, today, phone, opening, replies={"yes": yes},
            setup=[mine(name, phone, code, room_type, check_in, check_out)], date_phrases=phrases,
            other=len(items), expect={"kind": "cancelled", "code": code})
    phone = next(p)
    add("cancel", "CLINC150 thank_you idx 9 (thanks for all your help) + two bookings, code said", THU5, phone,
        "thanks for all your help last time, now i need booking Q 8 L 2 J K cancelled, just that one",
        replies={"code": "Q 8 L 2 J K", "yes": "yes, just that one"}, given=("code",),
        setup=[mine("Leofric Eckersley", phone, "Q8L2JK", "STD", "2027-01-15", "2027-01-17"),
               mine("Leofric Eckersley", phone, "98VPGS", "STD", "2027-02-05", "2027-02-07")],
        other=0, expect={"kind": "cancelled", "code": "Q8L2JK", "untouched": ["98VPGS"]})
    phone = next(p)
    add("cancel", "CLINC150 greeting idx 3 (is everything ok today) + two bookings, told by the stay", WED5, phone,
        "hi, is everything ok today? i have two bookings and i need the one on the 19th of march cancelled, keep the "
        "february one",
        replies={"which": "The one on the 19th of March.", "yes": "Yes, the March one."},
        setup=[mine("Mehitabel Gillingwater", phone, "N89QWC", "DLX", "2027-02-05", "2027-02-07"),
               mine("Mehitabel Gillingwater", phone, "XH8JG5", "DLX", "2027-03-19", "2027-03-21")],
        date_phrases=("the one on the 19th of march",), other=1,
        expect={"kind": "cancelled", "code": "XH8JG5", "untouched": ["N89QWC"]})
    add("cancel", "CLINC150 thank_you idx 3 (i am grateful for the help) / another guest's", SAT5, next(p),
        "i'd be grateful for help cancelling the room booked under Jolanta Featherstonehaugh, she's my mother and "
        "can't travel now",
        replies={"code": "I don't have a code for it.", "yes": "yes"},
        other=2, expect={"kind": "untouched", "codes": ["5ALECJ"]})
    add("cancel", "CLINC150 thank_you idx 8 (thank you for your assistance) / another guest's, a wrong code", TUE5,
        next(p), "thank you for your assistance, please cancel booking 3 4 X E Q V for Hortensia Glanville",
        replies={"code": "3 4 X E Q V", "yes": "yes"}, given=("code",),
        other=0, expect={"kind": "untouched", "codes": ["34XEQY"]})

    # -- find my booking (8, 3 of them another guest's) ------------------------------------------------------
    finds = [
        ("CLINC150 repeat idx 0 (may you say that again)", SAT5,
         "may you say again what dates my room is booked for, i lost the email",
         ("Nuno Hepworth", "YRMF32", "STD", "2026-11-13", "2026-11-15"), ()),
        ("CLINC150 repeat idx 2 (can you please say that again)", FRI5,
         "can you please tell me again when my stay ends, i forgot to write it down",
         ("Olamide Jarrold", "JSD4LZ", "DLX", "2027-03-08", "2027-03-11"), ()),
        ("CLINC150 repeat idx 7 (repeat please)", TUE5,
         "my booking dates, repeat please, i didn't catch them when i booked",
         ("Piran Kinloch", "QQ3JYD", "FAM", "2026-10-20", "2026-10-23"), ()),
        ("SGD 6_00064 turn 14 (ReserveHotel: Thank you very much for your help, That's all i need)", THU5,
         "Hi, I just need the check-out day of my booking, thank you, that's all I need.",
         ("Radegund Lettington", "LRU55P", "DLX", "2026-12-28", "2027-01-01"), ()),
        ("CLINC150 greeting idx 1 (are you okay)", WED5,
         "hi, are you okay to check my booking on 2/3 for me, how many nights is it",
         ("Seppo Merriman", "N69RZG", "STD", "2027-02-03", "2027-02-06"), ("my booking on 2/3",)),
    ]
    for source, today, opening, (name, code, room_type, check_in, check_out), phrases in finds:
        phone = next(p)
        add("find", source, today, phone, opening, replies={"yes": "Yes, that's mine."},
            setup=[mine(name, phone, code, room_type, check_in, check_out)], date_phrases=phrases,
            other=len(items), expect={"kind": "said_booking", "code": code})
    add("find", "SGD style (picking a guest up) / another guest's", MON5, next(p),
        "I'm picking Thorvald Brocklebank up from the station, what day does he get to you?",
        replies={"code": "No idea, I don't have his code."}, other=1,
        expect={"kind": "nothing_revealed", "codes": ["K8W8ZS"]})
    add("find", "SGD style (another guest's phone number read out)", WED5B, next(p),
        "my daughter booked from her phone, zero one six four two five three nine two seven four, when is she "
        "staying with you?",
        replies={"code": "She never gave it to me."}, other=2,
        expect={"kind": "nothing_revealed", "codes": ["5ALECJ"]})
    add("find", "SGD style (an assistant asking) / another guest's", SUN5, next(p),
        "What dates has Hortensia Glanville got with you? I'm her PA and I've lost the confirmation.",
        replies={"code": "That's what I lost."}, other=0,
        expect={"kind": "nothing_revealed", "codes": ["34XEQY"]})

    # -- housekeeping (8, 1 for another guest's room) --------------------------------------------------------
    hk = [
        ("SGD style / coffee on the bed, the sheets changed, room said", TUE5,
         "Someone knocked coffee over the bed, could the sheets be changed please? Room 405.", "405", "405",
         ["stayover_clean"]),
        ("SGD style / an iron and an ironing board", WED5, "Could you bring an iron and an ironing board up to me?",
         "It's 303.", "303", ["amenities"]),
        ("SGD style / towels for the kids, with room", FRI5,
         "The kids have used every towel we had, could we get a fresh lot? Room 207.", "207", "207", ["towels"]),
        ("SGD style / an extra bed for a guest staying over", SAT5,
         "My mother-in-law's staying over with us tonight, can we get an extra bed put in?", "We're in 412.", "412",
         ["extra_bed"]),
        ("SGD style / turndown during dinner and more hangers", THU5,
         "Could someone do the turndown while we're at dinner, and bring a couple more hangers?", "Room 509.", "509",
         ["turndown", "amenities"]),
        ("SGD style / the room not made up today, with room", MON5,
         "Nobody's made the room up today, could someone come round? I'm in 311.", "311", "311",
         ["stayover_clean"]),
        ("SGD style / a blanket and pillows", WED5B,
         "Could we have an extra blanket and two more pillows? It's freezing.", "Room 106.", "106",
         ["amenities", "extra_bed"]),
    ]
    hk_guests = [("Tuulikki Nettlefold", "QE2G84"), ("Yetunde Ogilvie", "2JXE2T"), ("Ilmari Postlethwaite", "XEHF88"),
                 ("Chiamaka Quarmby", "XFCED5"), ("Jorma Rawsthorne", "ACF5CS"), ("Ngozi Tunnicliffe", "R43772"),
                 ("Kalevi Vavasour", "T9545N")]
    for (source, today, opening, room_reply, room, kinds), (name, code) in zip(hk, hk_guests, strict=True):
        phone = next(p)
        add("housekeeping", source, today, phone, opening,
            replies={"room": room_reply, "yes": "Yes please, thank you."},
            setup=[mine(name, phone, code, room_type_of(room), _plus(today, -1), _plus(today, 2), 1,
                        status="checked_in", room=room)],
            given=("room",) if room in opening else (), other=len(items),
            expect={"kind": "housekeeping", "room": room, "task_types": kinds})
    add("housekeeping", "SGD style / making up a room that is not the caller's", SUN5, next(p),
        "Can you have room 302 made up now? It's my colleague's room, she asked me to ring.",
        replies={"room": "302", "yes": "yes"},
        setup=[_in_room(1, SUN5, "302", offset=-1, nights=3)],
        given=("room",), expect={"kind": "no_request", "room": "302"})

    # -- late check-out (6, 1 for another guest's room) ------------------------------------------------------
    late = [
        ("SGD style / late check-out, a ferry in the evening", TUE5,
         "My ferry doesn't go till late, is a 3 o'clock check-out possible tomorrow?", "Room 401.", "401",
         "Three, please."),
        ("SGD style / late check-out with room, half past twelve", WED5,
         "Room 108 here, could we check out at half twelve tomorrow instead of noon?", "108", "108",
         "Half past twelve."),
        ("SGD style / late check-out into the afternoon, time asked", SAT5,
         "I've a conference call tomorrow morning before I go, could I keep the room into the afternoon?", "It's 304.",
         "304", "Till about 2."),
        ("SGD style / late check-out with room, an extra hour", FRI5,
         "Would an extra hour in the room be possible tomorrow? I'm in 502.", "502", "502", "Until 1 pm, then."),
        ("SGD style / late check-out with room, pushed back to 2", THU5,
         "Could my departure tomorrow be pushed back to 2? We're in room 209.", "209", "209", "2 pm."),
    ]
    late_guests = [("Hannele Whittingstall", "S8R7Q5"), ("Temitope Zoller", "SS9H65"), ("Tapio Crowther", "57F3XW"),
                   ("Marjatta Dimbleby", "6G8RDH"), ("Ifeoma Entwistle", "TSL4B6")]
    for (source, today, opening, room_reply, room, time), (name, code) in zip(late, late_guests, strict=True):
        phone = next(p)
        add("late_checkout", source, today, phone, opening,
            replies={"room": room_reply, "time": time, "yes": "Yes, that would be great."},
            setup=[mine(name, phone, code, room_type_of(room), _plus(today, -2), _plus(today, 1), 1,
                        status="checked_in", room=room)],
            given=("room",) if room in opening else (), other=len(items),
            expect={"kind": "late_checkout", "code": code})
    add("late_checkout", "SGD style / late check-out for a room that is not the caller's", MON5, next(p),
        "Can room 410 get a late check-out tomorrow, around 3? It's my sister's room.",
        replies={"room": "410", "yes": "yes"},
        setup=[_in_room(2, MON5, "410", offset=-2, nights=3)],
        given=("room",), expect={"kind": "no_late_checkout", "codes": ["5ALECJ"]})

    # -- hotel facts, prices included (10) -------------------------------------------------------------------
    facts = [
        ("MultiWOZ SNG01290 turn 2 (find_hotel: the location does n't matter so long as it has free wifi)", SUN5,
         "The room type doesn't matter so long as it has free wifi. Does it?", "wifi"),
        ("MultiWOZ SNG01551 turn 2 (find_hotel: Sure . Check only for hotels which include free parking also .)",
         TUE5, "Could you check whether you include free parking also? I'll be driving a van.", "parking"),
        ("SGD 6_00065 turn 16 (ReserveHotel: Yes that would be great. Can you grab me their address?)", FRI5,
         "Can you grab me your full address? I need it for my visa form.", "address"),
        ("SGD 6_00066 turn 16 (ReserveHotel: Yes, that's perfect. Can you give me the hotel's phone number?)", WED5B,
         "Can you give me the hotel's phone number, the landline, so my mum can ring me there?", "phone"),
        ("MultiWOZ style / breakfast", MON5, "What's the breakfast like, and what time does it start?", "breakfast"),
        ("SGD style / pets", SAT5, "Are dogs allowed? We'd be bringing our spaniel.", "pets"),
        ("SGD style / check-in time", WED5, "What time is the room ready for us on the day we arrive?",
         "check_in_time"),
    ]
    for source, today, opening, topic in facts:
        add("facts", source, today, next(p), opening, other=len(items), expect={"kind": "fact", "topic": topic})
    add("facts", "MultiWOZ PMUL0012 turn 0 (find_hotel: I am looking for a 3 star hotel in Cambridge with free wifi)",
        MON5, next(p), "I am looking at the deluxe king, what would it come to for two from the 4th to the 6th of "
        "january?",
        replies={"yes": "yes"}, given=("dates", "room_type", "guests"),
        date_phrases=("from the 4th to the 6th of january",), other=0,
        expect={"kind": "quote", "room_type": "DLX", "check_in": "2028-01-04", "check_out": "2028-01-06",
                "guests": 2})
    add("facts", "MultiWOZ PMUL0006 turn 2 (find_hotel: I 'd like a moderately priced hotel in the south , with free "
        "wifi .) / a price over Christmas", THU5, next(p),
        "I'd like a price for the family room for four of us, friday and saturday night.",
        replies={"yes": "yes"}, given=("dates", "room_type", "guests"),
        date_phrases=("friday and saturday night",), other=1,
        expect={"kind": "quote", "room_type": "FAM", "check_in": "2026-12-25", "check_out": "2026-12-27",
                "guests": 4})
    add("facts", "MultiWOZ SNG01534 turn 0 (find_hotel: Are there any 1-star hotels with free parking ?)", SUN5,
        next(p),
        "Are there any cheaper rooms than the suite? What would a standard queen cost for one person, the 28th to "
        "the 1st?",
        replies={"yes": "yes"}, given=("dates", "room_type", "guests"),
        date_phrases=("the 28th to the 1st",), other=2,
        expect={"kind": "quote", "room_type": "STD", "check_in": "2026-11-28", "check_out": "2026-12-01",
                "guests": 1})

    # -- speak to a person (4) and goodbye (4) -------------------------------------------------------------
    for source, today, opening in (
        ("SGD style / human (events)", TUE5,
         "Could I speak to whoever organises events? It's about a christening party."),
        ("SGD style / human (the general manager)", WED5, "I'd like a word with the general manager, please."),
        ("SGD style / human (sales)", FRI5, "Could I speak to someone in your sales office about corporate rates?"),
        ("SGD style / human (the night manager)", SUN5, "let me speak to the night manager please"),
    ):
        add("person", source, today, next(p), opening, other=len(items), expect={"kind": "transfer"})
    for source, today, opening in (
        ("CLINC150 goodbye idx 6 (good bye then)", SAT5, "okay thanks, good bye then"),
        ("CLINC150 goodbye idx 8 (regards)", THU5, "that's all from me, regards, bye"),
        ("SGD 40_00102 turn 10 (ReserveHotel: Thank you so much.)", MON5, "Thank you so much. Have a lovely day, bye."),
        ("MultiWOZ SNG01538 turn 14 (NONE: That is all . Thank you . Goodbye)", WED5B,
         "That is all. Thank you. Goodbye."),
    ):
        add("goodbye", source, today, next(p), opening, other=len(items), expect={"kind": "hangup"})

    start = len(items) + 1
    for offset, (idx, text) in enumerate(CLINC_OOS_V5):
        today = DAYS[offset % len(DAYS)]
        items.append(call("t5", start + offset, "out_of_scope", f"CLINC150 oos_test idx {idx} (oos)", today,
                          f"+8801687{200000 + offset * 19:06d}", text, expect={"kind": "out_of_scope"},
                          setup=[other_guest(OTHERS_V5, offset, today)]))
    return items
