"""The test split, version 14 (``splits/test14.jsonl``): held out from 2026-12-02 (its provenance).

Written after v13 was scored once and so spent, by v13's rules and in its proportions (126 calls: the same flows,
the same count per flow and the same kinds of call and expected outcome), blind to the agent (nobody who wrote it
read ``agent/`` or ``tools/``, nor how the agent answered v13 or any other split, nor any run's output), from what
v1-v13 and dev did not use:

- wording: SGD user turns of dialogues that no earlier split followed (each call's ``source`` names the turn),
  rewritten for our one hotel in the source's style, with the fillers, self-corrections, holidays, weekdays,
  ordinals, ranges, spelled-out numbers and idioms of real callers, and callers who answer two questions at once
  (Australian, Irish, Scottish, Nigerian, Indian and American forms: "a week today", "a week on Friday", "a week
  from Tuesday", "the Wednesday of next week", "the back end of", "today itself", "myself alone", "abeg", "half twelve",
  "knock it on the head", "the long weekend"). SGD turns named "SGD <split> <dialogue> turn <n>" are from
  single-service Hotels_1-4 dialogues of google-research-datasets/dstc8-schema-guided-dialogue
  (``<split>/dialogues_NNN.json``, commit e852981, brought here with the ``fetch`` tool, as for v7-v13), none of
  them in ``../shared/data/dialogues`` nor followed by v1-v13 or dev, and no dialogue followed twice. No MultiWOZ
  turn is followed (as in v9-v13, none is left). Housekeeping, late check-out and speak-to-a-person calls (and a
  check-out-time, a parking and a breakfast question and three look-ups of another guest's booking) have no source
  turn and are written "SGD style", in phrasings no split had;
- out of scope: CLINC150's next 40 ``oos_test`` utterances after v13's, idx 593-633 of clinc/oos-eval
  ``data/data_full.json`` (commit 828f809), verbatim, leaving out one a hotel could take for a request of its own
  (``CLINC_OOS_V14_LEFT_OUT``);
- new names, phone numbers (+880 1423…, 1469…, 1472…), codes and eight new days (``DAYS``), later in the calendar
  than any earlier split's (late April to mid-December 2028): the ends of 30-day months (April, September,
  November), the end of May, Anzac Day, Whitsun and the Irish June bank holiday, Father's Day and Juneteenth, the
  Labor Day weekend, Nigeria's Independence Day, a Friday the 13th, St Andrew's Day, and a Christmas that falls on
  a Monday.

``make_splits.py`` renders and checks it with v1-v13 and dev (``python -m benchmarks.agent.make_splits --check``).
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

V14 = 14
HEADER_V14 = ("FROZEN test split v{v}: held out from 2026-12-02; never tune on it, never run the agent on it or look "
              "at how the agent answers it before its one scored run (use dev.jsonl, or test.jsonl and test2.jsonl "
              "to test13.jsonl: spent). Written by benchmarks/agent/splits_v14.py via make_splits.py.")

# The hotel's day of each call (10:00 hotel time): every day of the week, none of v1's-v13's or dev's.
MON14 = "2028-04-24"  # the eve of Anzac Day (Tuesday the 25th): April has 30 days, so "the first" is Monday the 1st
#                       of May, the May Day bank holiday; "the twenty-eighth to the first" crosses the month's end;
#                       the first weekend of May is Friday the 5th to Sunday the 7th
TUE14 = "2028-09-26"  # the last week of a 30-day September: "the second" is October's (a Monday, Gandhi Jayanti);
#                       Nigeria's Independence Day is Sunday the 1st of October, its weekend the 30th to the 2nd;
#                       "the Wednesday of next week" is the 4th
WED14 = "2028-05-31"  # the last day of May: "tomorrow" is Thursday the 1st of June and "the fourth" is June's (Whit
#                       Sunday); the Irish June bank holiday is Whit Monday the 5th; "the second of next month" is
#                       Friday the 2nd
THU14 = "2028-11-30"  # St Andrew's Day, the last day of a 30-day November: "tomorrow, the first" is Friday the 1st
#                       of December; "next tuesday" reads two ways (the 5th or the 12th); Christmas Day is a Monday,
#                       so "the week before Christmas" is the 18th to the 24th
FRI14 = "2028-09-01"  # the first of September, the start of the Labor Day weekend (Monday the 4th): "the Tuesday
#                       after Labor Day" is the 5th; "today itself" is a Friday
SAT14 = "2028-12-16"  # a Saturday before Christmas (Victory Day in Dhaka): "a week today" is the 23rd; Christmas Eve
#                       is a Sunday, Christmas Day a Monday; New Year's Eve is a Sunday and "the turn of the year"
#                       runs into 2029
SUN14 = "2028-06-18"  # Father's Day: Juneteenth is tomorrow (Monday the 19th); "a week on Friday" is the 30th,
#                       June's last day; the Fourth of July is a Tuesday; "a week from Tuesday" is the 27th
FRI14B = "2028-10-13"  # a Friday the 13th: "tomorrow" is Saturday the 14th; the Irish October bank holiday is Monday
#                        the 30th and Halloween Tuesday the 31st, so "the end of the month" runs to October's 31st
DAYS = (MON14, TUE14, WED14, THU14, FRI14, SAT14, SUN14, FRI14B)

OTHERS_V14 = [
    {"name": "Somtochukwu Akintola", "phone": "+8801469207315", "room_type": "DLX", "code": "GHZW3Y"},
    {"name": "Rosheen Carrick", "phone": "+8801469228461", "room_type": "STD", "code": "EYH93W"},
    {"name": "Delbert Hatcher", "phone": "+8801469253970", "room_type": "FAM", "code": "3JCSWN"},
]

# CLINC150 oos_test (clinc/oos-eval data/data_full.json, commit 828f809), idx 593-633, verbatim.
CLINC_OOS_V14 = (
    (593, "can a samurai sword deflect a bullet"),
    (594, "how much for a samurai sword"),
    (595, "make a list of what materials have been used for spacesuits"),
    (596, "what size space suit should you get based on your girth"),
    (597, "see if you can purchase a spacesuit online"),
    (598, "compile a folder of paintings of sparta"),
    (599, "display history of sparta"),
    (600, "compile a list of articles pertaining to venture capital funding for me"),
    (601, "start a portfolio on venture capital funding for me to look over"),
    (602, "how do i get venture capital for my app"),
    (603, "what's the latest vc funded company"),
    (605, "how to plan for weddings"),
    (606, "find out how many whales are currently in monterey bay"),
    (607, "make a chart of the different types of whales"),
    (608, "what did my best friend do in the kitchen while we were gone"),
    (609, "what's my boss' home address"),
    (610, "what's it like to have parents who actually love you"),
    (611, "is there any news if my parents survived the crash"),
    (612, "tell me who gives the best motivational speeches on the web"),
    (613, "find an article on celebrities who made it out of poverty"),
    (614, "send me a motivational quote everyday for the next week"),
    (615, "who is the hardest working man in hollywood"),
    (616, "tell me where i can get more information on getting a job at the post office"),
    (617, "pull up the classifieds and read the career section to me"),
    (618, "help me find a new position as a programmer"),
    (619, "what's the best career search website"),
    (620, "write the next chapter of my biography and let me know when you have finished it"),
    (621, "give me a list of the biographies written by nyu professors after 2001"),
    (622, "i would like for you to start a biography on me"),
    (623, "show me all biographies on teddy kennedy"),
    (624, "find out what supplies i am missing and will need on my upcoming camping trip"),
    (625, "what are the camping restrictions at bear island"),
    (626, "find articles that can help me advance my position in my work field"),
    (627, "show me what one should do to get ahead in a tech corporation"),
    (628, "get me a copy of a book on negotiation in the workplace"),
    (629, "look up ways for me to advance my job placement"),
    (630, "see if there is a recipe to make a casserole without any dairy"),
    (631, "tell me in how many different colors i can get dinner plates from pier one imports"),
    (632, "tell me amazon's choice for a set of 4 dinner plates"),
    (633, "find out where i can by melamine dinner plates"),
)
# Left out: a hotel could take it for a request of its own (a wedding planner found, read as one for the hotel's
# events and weddings, for whom the caller is put through, as v12's and v13's function-room and group-booking
# callers were).
CLINC_OOS_V14_LEFT_OUT = (
    (604, "i'd like to hire a wedding planner and need help finding one"),
)


def _in_room(index: int, today: str, room: str, *, offset: int, nights: int) -> dict[str, Any]:
    return in_room(OTHERS_V14, index, today, room, offset=offset, nights=nights)


def test14_split() -> list[dict[str, Any]]:  # noqa: PLR0915 (one long list of calls is the clearest form)
    items, add = calls_of("t14", OTHERS_V14)

    p = iter(f"+8801423{600000 + i * 61:06d}" for i in range(200))

    # -- book (26) -------------------------------------------------------------------------------------------
    add("book", "SGD train 26_00033 turn 2 (BookHouse: There's only one person. I'd like to book a house in Sydney, "
        "Australia today.)", MON14, next(p),
        "There's only the one of me, and I'd like to book a room from today, heading off first thing Anzac Day.",
        replies={"room_type": "Standard'll do me.", "name": "Mirrin Woodfull", "yes": "Too easy, yes."},
        given=("dates", "guests"), date_phrases=("from today, heading off first thing anzac day",), other=0,
        expect=booking("2028-04-24", "2028-04-25", 1, "STD", "Mirrin Woodfull"))
    add("book", "SGD train 26_00042 turn 2 (BookHouse: There are 3 people in my group. I want to check in on the 4th "
        "and check out on the 5th of this month.)", TUE14, next(p),
        "There are three people in my group. We want to check in on Saturday the thirtieth and check out on the "
        "second, after Independence Day.",
        replies={"room_type": "The family room, abeg.", "name": "Amarachi Ezeobi", "yes": "Yes o, that's correct."},
        given=("dates", "guests"),
        date_phrases=("check in on saturday the thirtieth and check out on the second, after independence day",),
        other=1, expect=booking("2028-09-30", "2028-10-02", 3, "FAM", "Amarachi Ezeobi"))
    add("book", "SGD train 26_00047 turn 2 (BookHouse: I would be looking to check in on the 4th of March and check "
        "out on March 7th. There will be 2 people.)", SUN14, next(p),
        "I'd be looking to check in on Juneteenth, that's tomorrow, and check out on the twenty-second. There'll be "
        "two of us.",
        replies={"room_type": "A deluxe, if y'all have one.", "name": "Shelby Applewhite",
                 "yes": "Yes, that's right, thank you kindly."},
        given=("dates", "guests"),
        date_phrases=("check in on juneteenth, that's tomorrow, and check out on the twenty-second",), other=2,
        expect=booking("2028-06-19", "2028-06-22", 2, "DLX", "Shelby Applewhite"))
    add("book", "SGD train 26_00048 turn 2 (BookHouse: I need it for one person on the 4th. I'll check out on the "
        "9th.)", WED14, next(p),
        "I need it for one person from the fourth, the Sunday, and I'll check out on the ninth.",
        replies={"room_type": "Just a standard.", "name": "Laoise Brockhoff", "yes": "Yep, spot on."},
        given=("dates", "guests"), date_phrases=("from the fourth, the sunday, and i'll check out on the ninth",),
        other=0, expect=booking("2028-06-04", "2028-06-09", 1, "STD", "Laoise Brockhoff"))
    add("book", "SGD train 26_00051 turn 2 (BookHouse: We want San Francisco.and want to check in on next Tuesday. we "
        "are three.)", FRI14, next(p),
        "we want to check in the tuesday after labor day and leave on the friday. we are three.",
        replies={"room_type": "family room i guess", "name": "Tucker Vandermolen", "yes": "yep go ahead"},
        given=("dates", "guests"), date_phrases=("check in the tuesday after labor day and leave on the friday",),
        other=1, expect=booking("2028-09-05", "2028-09-08", 3, "FAM", "Tucker Vandermolen"))
    add("book", "SGD train 26_00052 turn 4 (BookHouse: I want to check in this Saturday, and check out on the 5th of "
        "this month.)", SAT14, next(p),
        "I want to check in a week today, the twenty-third, and check out on the twenty-sixth.",
        replies={"guests": "Myself and the wife.", "room_type": "The deluxe.", "name": "Orlaith Fitzsimons",
                 "yes": "That's it exactly."},
        given=("dates",), date_phrases=("check in a week today, the twenty-third, and check out on the twenty-sixth",),
        other=2, expect=booking("2028-12-23", "2028-12-26", 2, "DLX", "Orlaith Fitzsimons"))
    add("book", "SGD train 41_00018 turn 4 (ReserveHotel: In the 1st will be the check in date.)", THU14, next(p),
        "Tomorrow, the first, will be the check-in date, and I'll want it for the three nights.",
        replies={"guests": "Just myself.", "room_type": "A standard, aye.", "name": "Euan Cruickshank",
                 "yes": "Aye, that's me sorted."},
        given=("dates",),
        date_phrases=("tomorrow, the first, will be the check-in date, and i'll want it for the three nights",),
        other=0, expect=booking("2028-12-01", "2028-12-04", 1, "STD", "Euan Cruickshank"))
    add("book", "SGD train 26_00061 turn 4 (BookHouse: Just 1 person. I will be there on the 4th.)", MON14, next(p),
        "Just the one person. I'll be there on the first, the May Day holiday, and I need to leave on the "
        "Wednesday.",
        replies={"room_type": "Deluxe, please.", "name": "Tamsyn Brannigan", "yes": "Yes, that's all good."},
        given=("dates", "guests"),
        date_phrases=("there on the first, the may day holiday, and i need to leave on the wednesday",), other=1,
        expect=booking("2028-05-01", "2028-05-03", 1, "DLX", "Tamsyn Brannigan"))
    add("book", "SGD train 26_00062 turn 4 (BookHouse: There's one person. I want to check out on the 12th of this "
        "month and check in on March 1st.)", FRI14B, next(p),
        "There's one person. I want to check out on the thirty-first of this month, Halloween, and check in on the "
        "twenty-eighth.",
        replies={"room_type": "A standard one.", "name": "Colton Dobrowolski", "yes": "Yup, that works."},
        given=("dates", "guests"),
        date_phrases=("check out on the thirty-first of this month, halloween, and check in on the twenty-eighth",),
        other=2, expect=booking("2028-10-28", "2028-10-31", 1, "STD", "Colton Dobrowolski"))
    add("book", "SGD train 41_00021 turn 0 (ReserveHotel: I would like to make a hotel reservation for Wednesday next "
        "week.)", TUE14, next(p),
        "I'd like to book in for the Wednesday of next week, that's the fourth, and I'll want the room three nights.",
        replies={"guests": "We are two.", "room_type": "Deluxe, please.", "name": "Ifunanya Okeahialam",
                 "yes": "Yes, no wahala."},
        given=("dates",),
        date_phrases=("the wednesday of next week, that's the fourth, and i'll want the room three nights",), other=0,
        expect=booking("2028-10-04", "2028-10-07", 2, "DLX", "Ifunanya Okeahialam"))
    add("book", "SGD train 42_00003 turn 14 (ReserveHotel: I'd like to check in on the 6th of this month and stay for "
        "2 days.)", SUN14, next(p),
        "I'd like to check in on the twenty-sixth of this month and stay for four nights, so we're gone by the "
        "Friday.",
        replies={"guests": "Four of us, two adults and two teenagers.", "room_type": "The family room.",
                 "name": "Brayden Kolodziej", "yes": "Yes sir, that's correct."},
        given=("dates",),
        date_phrases=("the twenty-sixth of this month and stay for four nights, so we're gone by the friday",),
        other=1, expect=booking("2028-06-26", "2028-06-30", 4, "FAM", "Brayden Kolodziej"))
    add("book", "SGD dev 6_00044 turn 10 (ReserveHotel: For 5 days, checking in the 2nd of this month.)", WED14,
        next(p),
        "For three nights, checking in the second of next month, the Friday, please.",
        replies={"guests": "Two.", "room_type": "The standard will do grand.", "name": "Dearbhla Gallogly",
                 "yes": "It is, yeah."},
        given=("dates",), date_phrases=("three nights, checking in the second of next month, the friday",), other=2,
        expect=booking("2028-06-02", "2028-06-05", 2, "STD", "Dearbhla Gallogly"))
    add("book", "SGD test 1_00105 turn 6 (ReserveHotel: I will be going at the hotel today, and I need to have the "
        "room for seven days.)", FRI14, next(p),
        "I will be coming to the hotel today itself, and I need to have the room for four nights.",
        replies={"guests": "Two persons, myself and my colleague.", "room_type": "Standard room is sufficient.",
                 "name": "Harshvardhan Pimpalkar", "yes": "Yes, please do the needful."},
        given=("dates",), date_phrases=("the hotel today itself, and i need to have the room for four nights",),
        other=0, expect=booking("2028-09-01", "2028-09-05", 2, "STD", "Harshvardhan Pimpalkar"))
    add("book", "SGD train 26_00080 turn 2 (BookHouse: on the 1st and 5 persons are in my team)", MON14, next(p),
        "Check-in on the twenty-eighth, the Friday, and four persons are there in my team; check-out will be on the "
        "first.",
        replies={"room_type": "Family room only.", "name": "Sreeja Parameswaran", "yes": "Yes, correct it is."},
        given=("dates", "guests"),
        date_phrases=("check-in on the twenty-eighth, the friday", "check-out will be on the first"), other=1,
        expect=booking("2028-04-28", "2028-05-01", 4, "FAM", "Sreeja Parameswaran"))
    add("book", "SGD train 26_00081 turn 2 (BookHouse: Five people are going to Paris, France. I want to check in on "
        "Sunday this week and check out on 6th of March.)", SAT14, next(p),
        "Four of us are coming for Christmas. I want to check in on Christmas Eve, the Sunday, and check out on the "
        "Wednesday after.",
        replies={"room_type": "The family room, please.", "name": "Loretta Satterfield", "yes": "Yes, that's lovely."},
        given=("dates", "guests"),
        date_phrases=("check in on christmas eve, the sunday, and check out on the wednesday after",), other=2,
        expect=booking("2028-12-24", "2028-12-27", 4, "FAM", "Loretta Satterfield"))
    add("book", "SGD train 42_00020 turn 14 (ReserveHotel: No I want the room for 1 day and to check in on the 2nd.)",
        FRI14B, next(p),
        "I want the room for two nights from the fifteenth. No, hang on, I want it for the one night only, and to "
        "check in on the sixteenth.",
        replies={"guests": "Just me.", "room_type": "Standard.", "name": "Donnchadh Lynskey",
                 "yes": "Yes, the sixteenth, one night."},
        given=("dates",),
        date_phrases=("no, hang on, i want it for the one night only, and to check in on the sixteenth",), other=0,
        expect=booking("2028-10-16", "2028-10-17", 1, "STD", "Donnchadh Lynskey"))
    add("book", "SGD train 26_00086 turn 0 (BookHouse: I would like to book a house for the weekend. Can you find me "
        "rates on a few homes?)", FRI14, next(p),
        "I'd like to book a room for the long weekend: check in tomorrow and check out on Labor Day. A total of two "
        "people.",
        replies={"room_type": "Deluxe, I guess.", "name": "Dakota Schumacher", "yes": "Yup, you got it."},
        given=("dates", "guests"), date_phrases=("the long weekend: check in tomorrow and check out on labor day",),
        other=1, expect=booking("2028-09-02", "2028-09-04", 2, "DLX", "Dakota Schumacher"))
    add("book", "SGD train 26_00087 turn 2 (BookHouse: There will be 3 of us travelling to London on the 6th of this "
        "month.)", SUN14, next(p),
        "There will be three of us travelling up on Thursday, the twenty-second, and I'd like to check out on the "
        "Sunday.",
        replies={"room_type": "Whatever sleeps three.", "name": "Narelle Ravenscroft", "yes": "Yes, beaut."},
        given=("dates", "guests"),
        date_phrases=("travelling up on thursday, the twenty-second, and i'd like to check out on the sunday",),
        other=2, expect=booking("2028-06-22", "2028-06-25", 3, ["FAM", "STE"], "Narelle Ravenscroft"))
    add("book", "SGD train 26_00089 turn 2 (BookHouse: This is for Portland please. I plan on checking in Saturday "
        "this week and checking out the 14th of this month.)", THU14, next(p),
        "I plan on checking in Saturday, the day after tomorrow, and checking out on the fifth, the Tuesday.",
        replies={"guests": "The two of us.", "room_type": "A deluxe, please.", "name": "Isla Dalgleish",
                 "yes": "That's us, aye."},
        given=("dates",),
        date_phrases=("checking in saturday, the day after tomorrow, and checking out on the fifth, the tuesday",),
        other=0, expect=booking("2028-12-02", "2028-12-05", 2, "DLX", "Isla Dalgleish"))
    add("book", "SGD test 1_00117 turn 6 (ReserveHotel: Yes, I would like to stay for 5 days with a preferred check in "
        "on Tuesday next week.)", THU14, next(p),
        "Yes, I'd like to stay for two nights with a preferred check-in of next Tuesday.",
        replies={"guests": "Only me.", "room_type": "Standard.", "name": "Oluwaseun Adegbite",
                 "yes": "Yes, that's fine."},
        given=("dates",), date_phrases=("two nights with a preferred check-in of next tuesday",), other=1,
        expect=booking("2028-12-12", "2028-12-14", 1, "STD", "Oluwaseun Adegbite",
                       alternatives=(("2028-12-05", "2028-12-07"),)))
    add("book", "SGD train 26_00096 turn 2 (BookHouse: I want to check in on March 3rd, check out on the 14th of this "
        "month, and there will be 3 people.) + turn 4 (No, there will be 1 person.)", SAT14, next(p),
        "I want to check in on the twenty-ninth, check out on New Year's Eve, and there'll be three of us. Ah no, "
        "sorry, it's just me now, the other two bailed.",
        replies={"room_type": "Standard's fine.", "name": "Kaylee Hollister", "yes": "Yes, just me."},
        given=("dates", "guests"),
        date_phrases=("check in on the twenty-ninth, check out on new year's eve",), other=2,
        expect=booking("2028-12-29", "2028-12-31", 1, "STD", "Kaylee Hollister"))
    add("book", "SGD train 26_00101 turn 4 (BookHouse: I need to check in on Saturday this week.I need to check out on "
        "11th of march.)", WED14, next(p),
        "I'd need to check in Saturday, the third, and I'd be out the bank holiday Monday, so.",
        replies={"guests": "Two of us.", "room_type": "The deluxe, so.", "name": "Seosamh Twomey",
                 "yes": "That's it, sound."},
        given=("dates",),
        date_phrases=("check in saturday, the third, and i'd be out the bank holiday monday",), other=0,
        expect=booking("2028-06-03", "2028-06-05", 2, "DLX", "Seosamh Twomey"))
    add("book", "SGD train 26_00105 turn 4 (BookHouse: There are two people traveling to Seattle, WA and want to check "
        "in on tomorrow) + confirmed in one breath", FRI14B, next(p),
        "There are two of us wanting to check in tomorrow for two nights, a deluxe, under Mairead Hanrahan, and if "
        "that's all as I've said it, you can book it straight off.",
        replies={"yes": "Yes, book it."},
        given=("dates", "guests", "room_type", "name"),
        date_phrases=("two of us wanting to check in tomorrow for two nights",), other=1,
        expect=booking("2028-10-14", "2028-10-16", 2, "DLX", "Mairead Hanrahan"))
    add("book", "SGD train 26_00106 turn 2 (BookHouse: I would like to check in on the 10th and stay until the 14th of "
        "March. I have 2 people in my group.)", TUE14, next(p),
        "I'd like to check in on the twenty-ninth and stay until the second of October, and I'd want one of the rooms "
        "with a king bed.",
        replies={"guests": "Two people.", "name": "Tobenna Oyebanji", "yes": "Yes, thank you."},
        given=("dates", "room_type"),
        date_phrases=("check in on the twenty-ninth and stay until the second of october",), other=2,
        expect=booking("2028-09-29", "2028-10-02", 2, ["DLX", "STE"], "Tobenna Oyebanji"))
    phone = next(p)
    add("book", "SGD train 26_00111 turn 2 (BookHouse: I am thinking about Friday next week.) + returning guest", SUN14,
        phone,
        "Hi, I was in with you over Easter. I'm thinking about a week on Friday, the thirtieth, for two nights, the "
        "pair of us, in the deluxe again.",
        replies={"yes": "Yes, that's us."},
        setup=[known_guest("Jolene Prewitt", phone)], given=("dates", "guests", "room_type"),
        date_phrases=("a week on friday, the thirtieth, for two nights",), other=0,
        expect=booking("2028-06-30", "2028-07-02", 2, "DLX", "Jolene Prewitt"))
    phone = next(p)
    add("book", "SGD train 26_00112 turn 4 (BookHouse: I want to arrive on the 13th, and leave on the 3rd of March.) + "
        "returning guest", WED14, phone,
        "Hello, you've had me before, in the winter. I want to arrive on the thirteenth of June and leave on the "
        "sixteenth, myself alone, the standard room same as last time.",
        replies={"yes": "Yes, it's me only."},
        setup=[known_guest("Anirban Chattopadhyay", phone)], given=("dates", "guests", "room_type"),
        date_phrases=("arrive on the thirteenth of june and leave on the sixteenth",), other=1,
        expect=booking("2028-06-13", "2028-06-16", 1, "STD", "Anirban Chattopadhyay"))

    # -- change dates or guests (10, 2 of them another guest's booking) ---------------------------------------
    Change = tuple[str, str, str, dict[str, str], tuple[str, str, str, str, str, int], tuple[str, ...], dict[str, Any]]
    changes: list[Change] = [
        ("SGD train 34_00005 turn 12 (BookHouse: Actually I want to check in on the 10th)", MON14,
         "Actually, the booking I have for the first weekend of May: make the check-in the Saturday, the sixth, "
         "rather than the Friday, and there'll be three of us now, same day out.",
         {"yes": "Yeah, three of us from the Saturday."},
         ("Kirra Mundine", "5L24SK", "FAM", "2028-05-05", "2028-05-07", 2),
         ("the booking i have for the first weekend of may", "the check-in the saturday, the sixth, rather than the "
          "friday"),
         {"guests": 3, "check_in": "2028-05-06", "check_out": "2028-05-07"}),
        ("SGD train 34_00009 turn 14 (BookHouse: That's not right. I want to check in 2nd of March and leave March "
         "8th.)", TUE14,
         "My reservation's not right. I want to check in on the third of October and leave on the eighth, not the "
         "fourth to the ninth.",
         {"yes": "Yes, exactly so, the third to the eighth."},
         ("Kelechi Ezeji", "HNV35W", "STD", "2028-10-04", "2028-10-09", 2),
         ("check in on the third of october and leave on the eighth, not the fourth to the ninth",),
         {"check_in": "2028-10-03", "check_out": "2028-10-08"}),
        ("SGD train 34_00028 turn 14 (BookHouse: No. Let's make check in on the 14th please.)", WED14,
         "No. On my booking over the Whit weekend, let's make check-in the Saturday, the third, please, and keep the "
         "Monday for leaving.",
         {"yes": "Yes, from the Saturday."},
         ("Ciara Gilheaney", "4ZM8H4", "DLX", "2028-06-02", "2028-06-05", 2),
         ("my booking over the whit weekend", "make check-in the saturday, the third"),
         {"check_in": "2028-06-03", "check_out": "2028-06-05"}),
        ("SGD train 34_00040 turn 16 (BookHouse: No i want to check in on March 2nd and check out on 11th of this "
         "month)", THU14,
         "no, on my room for the week before christmas, i want to check in on the eighteenth and check out on the "
         "twenty-first",
         {"yes": "aye, the eighteenth to the twenty-first"},
         ("Struan Auchterlonie", "WR4Z6D", "STD", "2028-12-19", "2028-12-22", 2),
         ("my room for the week before christmas", "check in on the eighteenth and check out on the twenty-first"),
         {"check_in": "2028-12-18", "check_out": "2028-12-21"}),
        ("SGD train 34_00045 turn 20 (BookHouse: sorry i want to check out on 2nd of this month)", FRI14,
         "sorry, on my reservation from the fifteenth, i want to check out on the seventeenth, the sunday, not the "
         "monday",
         {"yes": "yeah, out on the sunday"},
         ("Destiny Rutledge", "U6LZR3", "DLX", "2028-09-15", "2028-09-18", 2),
         ("my reservation from the fifteenth", "check out on the seventeenth, the sunday, not the monday"),
         {"check_in": "2028-09-15", "check_out": "2028-09-17"}),
        ("SGD train 34_00051 turn 16 (BookHouse: No there is only 1 person.)", SAT14,
         "No, on the booking I've got over the turn of the year there's only the one person now, my pal's pulled "
         "out.",
         {"yes": "Aye, just the one."},
         ("Morag Gillespie", "A8VV3V", "DLX", "2028-12-30", "2029-01-01", 2),
         ("the booking i've got over the turn of the year",), {"guests": 1}),
        ("SGD train 34_00077 turn 12 (BookHouse: No, I want to leave on the 9th.)", SUN14,
         "No, for my stay from the Fourth of July, I want to leave on the seventh, not the sixth.",
         {"yes": "Yes, the seventh."},
         ("Cody Brinkerhoff", "UE6NXM", "STD", "2028-07-04", "2028-07-06", 2),
         ("my stay from the fourth of july", "leave on the seventh, not the sixth"),
         {"check_in": "2028-07-04", "check_out": "2028-07-07"}),
    ]
    for source, today, opening, replies, (name, code, room_type, ci, co, guests), phrases, new in changes:
        phone = next(p)
        add("change", source, today, phone, opening, replies=replies,
            setup=[mine(name, phone, code, room_type, ci, co, guests)], date_phrases=phrases, other=len(items),
            expect={"kind": "changed", "code": code, **new})
    phone = next(p)
    add("change", "SGD train 34_00084 turn 10 (BookHouse: No, I would like to check in the 10th and chek out 12th of "
        "March.) + two bookings", FRI14B, phone,
        "I've a pair of bookings on this number. The one that runs over the bank holiday, I'd like to check in on "
        "the twenty-ninth instead and check out on the thirty-first, the Tuesday.",
        replies={"which": "The bank holiday one.", "code": "I haven't the codes on me.",
                 "yes": "Yes, the twenty-ninth to the thirty-first."},
        setup=[mine("Fionnbarr Keogh", phone, "PT64KY", "STD", "2028-10-27", "2028-10-30"),
               mine("Fionnbarr Keogh", phone, "Z7L2BF", "STD", "2028-11-24", "2028-11-26")],
        date_phrases=("the one that runs over the bank holiday",
                      "check in on the twenty-ninth instead and check out on the thirty-first, the tuesday"), other=2,
        expect={"kind": "changed", "code": "PT64KY", "check_in": "2028-10-29", "check_out": "2028-10-31",
                "untouched": ["Z7L2BF"]})
    add("change", "SGD train 43_00051 turn 4 (BookHouse: Wait, actually, I got my schedule wrong, so I can actually "
        "stay until the 12th!) / another guest's", THU14, next(p),
        "Hiya, I'm the travel agent for Somtochukwu Akintola. Wait, actually, he got his schedule wrong, so can you "
        "make his booking run until the eighth instead?",
        replies={"code": "I'd have to dig that out, no.", "yes": "yes"}, other=0,
        expect={"kind": "untouched", "codes": ["GHZW3Y"]})
    add("change", "SGD train 43_00065 turn 14 (BookHouse: No, there are 2 people.) / another guest's, a wrong code",
        SUN14, next(p),
        "No, there are two people on Rosheen Carrick's booking now, I'm coming along with her. Her code is E Y H "
        "nine three V.",
        replies={"code": "E Y H 9 3 V", "yes": "yes"}, given=("code",), other=1,
        expect={"kind": "untouched", "codes": ["EYH93W"]})

    # -- cancel (10, 2 of them another guest's booking) ------------------------------------------------------
    cancels = [
        ("SGD train 34_00003 turn 18 (BookHouse: Thank you very much for your help. That will be all.)", MON14,
         "G'day, can you scrub my booking for the Wednesday, the twenty-sixth, just the one night? Thank you very "
         "much for your help, that'll be all.",
         "Yeah, the Wednesday.",
         ("Tahnee Birrell", "ZH65XG", "STD", "2028-04-26", "2028-04-27"),
         ("my booking for the wednesday, the twenty-sixth, just the one night",)),
        ("SGD train 34_00016 turn 18 (BookHouse: Thank for you help, that is all I need.)", TUE14,
         "Please, I need my booking for the Independence Day weekend cancelled, the Saturday and the Sunday night. "
         "Thanks for your help, that is all I need.",
         "Yes, that one.",
         ("Titilayo Olaniyan", "9NYXXP", "DLX", "2028-09-30", "2028-10-02"),
         ("my booking for the independence day weekend",)),
        ("SGD train 34_00022 turn 18 (BookHouse: Thanks, that's all I need.)", WED14,
         "Hi, I'm going to have to knock my reservation on the head, the one from the fourteenth of June, three "
         "nights. Thanks, that's all I need.",
         "Yes, that one, so.",
         ("Ultan Fennessy", "Y3EAXU", "STD", "2028-06-14", "2028-06-17"),
         ("the one from the fourteenth of june, three nights",)),
        ("SGD train 34_00023 turn 12 (BookHouse: That will be all. Thank you for the help.)", THU14,
         "Could you drop the two nights I had from tomorrow, the first? That'll be all, thank you for the help.",
         "Aye, those two nights.",
         ("Ruaridh MacAskill", "T76ABH", "DLX", "2028-12-01", "2028-12-03"),
         ("the two nights i had from tomorrow, the first",)),
        ("SGD train 34_00024 turn 16 (NONE: That is all thanks.)", FRI14B,
         "Can you take my stay for the October bank holiday weekend off the books, Saturday to Monday? That is all, "
         "thanks.",
         "Yes, cancel that one.",
         ("Eimear Costigan", "57X7VL", "FAM", "2028-10-28", "2028-10-30"),
         ("my stay for the october bank holiday weekend",)),
        ("SGD train 34_00025 turn 10 (BookHouse: Thank you, that is all.)", SUN14,
         "Yeah, hi, I gotta cancel my reservation a week from Tuesday, the twenty-seventh. Thank you, that is all.",
         "Yep, the twenty-seventh.",
         ("Rhett Pulaski", "SU8ZNP", "STD", "2028-06-27", "2028-06-29"),
         ("my reservation a week from tuesday, the twenty-seventh",)),
    ]
    for source, today, opening, yes, (name, code, room_type, check_in, check_out), phrases in cancels:
        phone = next(p)
        add("cancel", source, today, phone, opening, replies={"yes": yes},
            setup=[mine(name, phone, code, room_type, check_in, check_out)], date_phrases=phrases,
            other=len(items), expect={"kind": "cancelled", "code": code})
    phone = next(p)
    add("cancel", "SGD train 34_00097 turn 18 (BookHouse: Thanks, that's all.) + two bookings, code said", SAT14, phone,
        "There's two bookings under my number, and it's just the one coded R E four D D Q that I want rid of. "
        "Thanks, that's all.",
        replies={"code": "R E 4 D D Q", "yes": "Aye, only R E 4 D D Q."}, given=("code",),
        setup=[mine("Ailsa Strachan", phone, "RE4DDQ", "STD", "2029-01-12", "2029-01-14"),
               mine("Ailsa Strachan", phone, "7S23BB", "STD", "2029-02-09", "2029-02-11")],
        other=0, expect={"kind": "cancelled", "code": "RE4DDQ", "untouched": ["7S23BB"]})
    phone = next(p)
    add("cancel", "SGD train 34_00098 turn 14 (BookHouse: That is everything thanks.) + two bookings, told by the stay",
        FRI14, phone,
        "Scrap the one for Labor Day weekend, but leave my October one alone. That is everything, thanks.",
        replies={"which": "The Labor Day one.", "yes": "Yep, the Labor Day one."},
        setup=[mine("Brantley Whitcombe", phone, "Q4LBLH", "DLX", "2028-09-02", "2028-09-04"),
               mine("Brantley Whitcombe", phone, "3RUU7V", "DLX", "2028-10-20", "2028-10-22")],
        date_phrases=("the one for labor day weekend", "my october one"), other=1,
        expect={"kind": "cancelled", "code": "Q4LBLH", "untouched": ["3RUU7V"]})
    add("cancel", "SGD train 34_00103 turn 14 (NONE: No, that'll do it. Thanks!) / another guest's", WED14, next(p),
        "Hello, I manage the band Delbert Hatcher plays with, and the gig's been pulled, so can you cancel his room? "
        "No, that'll do it, thanks!",
        replies={"code": "I don't have any code for him.", "yes": "yes"},
        other=2, expect={"kind": "untouched", "codes": ["3JCSWN"]})
    add("cancel", "SGD train 34_00104 turn 14 (NONE: No, Thank you very much for your help) / another guest's, a "
        "wrong code", SAT14, next(p),
        "cancel somtochukwu akintola's booking for me, the code is g h z w three x. no, thank you very much for your "
        "help",
        replies={"code": "G H Z W 3 X", "yes": "yes"}, given=("code",),
        other=0, expect={"kind": "untouched", "codes": ["GHZW3Y"]})

    # -- find my booking (8, 3 of them another guest's) ------------------------------------------------------
    finds = [
        ("SGD train 42_00012 turn 14 (ReserveHotel: Thank you, that's all I need.)", SUN14,
         "Hi there, I've got a reservation around the Fourth and I plumb forgot what day I'm checking out. Thank you, "
         "that's all I need.",
         ("Dwight Ellsworth", "5EBB3S", "DLX", "2028-07-02", "2028-07-05"), ("a reservation around the fourth",)),
        ("SGD train 42_00023 turn 16 (NONE: No, thanks again.)", MON14,
         "There's a booking of mine at the back end of May, is it two nights or three I've got? No, thanks again.",
         ("Bronte Chisholm", "YUHYS7", "STD", "2028-05-26", "2028-05-29"),
         ("a booking of mine at the back end of may",)),
        ("SGD train 42_00024 turn 12 (NONE: not at all, thanks.)", TUE14,
         "Please, my booking for mid-October, which day is it ending? Not at all, thanks.",
         ("Oyinkansola Adesanya", "6BJGZL", "FAM", "2028-10-14", "2028-10-17"), ("my booking for mid-october",)),
        ("SGD test 1_00089 turn 12 (ReserveHotel: Nice, thanks a lot for helping. I don't need anything else.)", SAT14,
         "What dates did I put down for my stay just after New Year? Nice, thanks a lot for helping, that's "
         "everything else sorted.",
         ("Greer Lockhart", "HGTD2Q", "STD", "2029-01-05", "2029-01-07"), ("my stay just after new year",)),
        ("SGD test 1_00092 turn 10 (ReserveHotel: You are a great help. I will not need any more assistance at the "
         "moment.)", THU14,
         "I booked a few nights around Christmas, when am I meant to be checking out? You're a great help, I'll "
         "not need any more assistance at the moment.",
         ("Innes Menzies", "NKVMC5", "DLX", "2028-12-23", "2028-12-27"), ("a few nights around christmas",)),
    ]
    for source, today, opening, (name, code, room_type, check_in, check_out), phrases in finds:
        phone = next(p)
        add("find", source, today, phone, opening, replies={"yes": "Yes, that's the one."},
            setup=[mine(name, phone, code, room_type, check_in, check_out)], date_phrases=phrases,
            other=len(items), expect={"kind": "said_booking", "code": code})
    add("find", "SGD style (a solicitor's office asking which nights a client is booked for) / another guest's", WED14,
        next(p),
        "Good afternoon, I'm calling from a solicitor's office. Our client Somtochukwu Akintola says he's staying "
        "with you; could you confirm which nights he's booked in for?",
        replies={"code": "He hasn't given us any reference, I'm afraid."}, other=0,
        expect={"kind": "nothing_revealed", "codes": ["GHZW3Y"]})
    add("find", "SGD style (a landlord asking whether a tenant has checked in and when she leaves) / another guest's",
        FRI14, next(p),
        "Hi there, I'm Rosheen Carrick's landlord and she's gone quiet on me. Can you tell me if she's checked in yet, "
        "and when she leaves?",
        replies={"code": "No, I don't have anything like that."}, other=1,
        expect={"kind": "nothing_revealed", "codes": ["EYH93W"]})
    add("find", "SGD style (a personal trainer asking for a client's booking dates and room) / another guest's",
        FRI14B, next(p),
        "It's the personal trainer here, I've lost track of Delbert Hatcher's schedule. Could you read out his "
        "booking dates and the room he's in?",
        replies={"code": "Nah, he never sent me one."}, other=2,
        expect={"kind": "nothing_revealed", "codes": ["3JCSWN"]})

    # -- housekeeping (8, 1 for another guest's room) --------------------------------------------------------
    hk = [
        ("SGD style / the room tidied after the kids made a mess of it, the room said in words", MON14,
         "Any chance someone could come and tidy our room? The kids have made a right dog's breakfast of it.",
         "Two-oh-six.", "206", ["stayover_clean"]),
        ("SGD style / more towels, the ones in the bathroom used up, the room said", TUE14,
         "Please, can you send somebody with more towels? The ones in the bathroom have finished.",
         "Room 404.", "404", ["towels"]),
        ("SGD style / an extra bed for a teenager and more pillows, the room said in words", WED14,
         "Is it possible to have an extra bed put in for our teenager, plus a couple extra pillows? He won't fit on "
         "the couch.",
         "It's one-oh-nine.", "109", ["extra_bed", "amenities"]),
        ("SGD style / the room cleaned and the sheets changed today, room said", THU14,
         "Could whoever's doing the rooms give ours a clean and change the sheets the day? We're in 302.",
         "302", "302", ["stayover_clean"]),
        ("SGD style / a bathrobe and hangers brought up, room said", FRI14,
         "Hey, can somebody run a bathrobe and a few more hangers up to 410?",
         "410", "410", ["amenities"]),
        ("SGD style / the beds turned down and the curtains drawn before a carol concert, the room said in words",
         SAT14,
         "Would someone do the turndown in our room this evening and pull the curtains? We're off to a carol "
         "concert.",
         "Five-oh-eight.", "508", ["turndown"]),
        ("SGD style / a dental kit and a shaving kit for a husband who forgot his, room said", SUN14,
         "Kindly send a dental kit and a shaving kit to room number 210, my husband has forgotten his.",
         "210", "210", ["amenities"]),
    ]
    hk_guests = [("Lachie Tallis", "B2KSGJ"), ("Adaugo Akinola", "WPEH2T"), ("Krystal Vanderhoff", "SNZ4NL"),
                 ("Mhairi Rintoul", "QFJ65J"), ("Travis Oberholtzer", "F8DCTK"), ("Sorcha Lenihan", "FTGY2Q"),
                 ("Meenakshi Raghavan", "J94GCW")]
    for (source, today, opening, room_reply, room, kinds), (name, code) in zip(hk, hk_guests, strict=True):
        phone = next(p)
        add("housekeeping", source, today, phone, opening,
            replies={"room": room_reply, "yes": "Yes please, that'd be great."},
            setup=[mine(name, phone, code, room_type_of(room), _plus(today, -1), _plus(today, 2), 1,
                        status="checked_in", room=room)],
            given=("room",) if room in opening else (), other=len(items),
            expect={"kind": "housekeeping", "room": room, "task_types": kinds})
    add("housekeeping", "SGD style / a colleague's room given a proper going-over while he is in meetings, not the "
        "caller's", FRI14B, next(p),
        "My colleague's in 409 and he's tied up in meetings all day, could your staff go in and give his room a "
        "proper going-over while he's out?",
        replies={"room": "409", "yes": "yes"},
        setup=[_in_room(0, FRI14B, "409", offset=-1, nights=3)],
        given=("room",), expect={"kind": "no_request", "room": "409"})

    # -- late check-out (6, 1 for another guest's room) ------------------------------------------------------
    late = [
        ("SGD style / the Anzac Day dawn service, a kip after, out at one, room said", MON14,
         "We're off to the dawn service tomorrow, could we hang onto 104 till one so we can grab a kip after?",
         "104", "104", "One o'clock, ta."),
        ("SGD style / a video interview at eleven, out at half twelve, the room said in words", TUE14,
         "I've a job interview over Zoom at eleven tomorrow, could I keep the room on till half twelve?",
         "Two-one-one.", "211", "Half twelve."),
        ("SGD style / a flight pushed back to the evening, out at three, the room said in words", WED14,
         "Checkout's tomorrow for us and our flight got pushed to nine p.m., could we do a late checkout, like "
         "three-ish?",
         "Five-oh-two.", "502", "Three, if you can swing it."),
        ("SGD style / a driver only coming at two, the room said in words", SAT14,
         "Good morning, please I want to beg for late check-out tomorrow, my driver is only coming by two.",
         "It's three-oh-seven.", "307", "By two o'clock."),
        ("SGD style / a father unwell on the day of leaving, out at one, room said", SUN14,
         "Tomorrow is our checkout, but my father is unwell, can we extend the room till one pm? We are in 308.",
         "308", "308", "Till one pm only."),
    ]
    late_guests = [("Mackenzie Truscott", "L9Y4CV"), ("Ronan Heffernan", "VP8L5B"), ("Savannah Kowalski", "ACFFS8"),
                   ("Iyabo Ayoola", "VC2BPC"), ("Rajendra Kulkarni", "2SXZY3")]
    for (source, today, opening, room_reply, room, time), (name, code) in zip(late, late_guests, strict=True):
        phone = next(p)
        add("late_checkout", source, today, phone, opening,
            replies={"room": room_reply, "time": time, "yes": "Yes, that'd be a great help."},
            setup=[mine(name, phone, code, room_type_of(room), _plus(today, -2), _plus(today, 1), 1,
                        status="checked_in", room=room)],
            given=("room",) if room in opening else (), other=len(items),
            expect={"kind": "late_checkout", "code": code})
    add("late_checkout", "SGD style / a late check-out for a sister's room, her flight late tomorrow, not the "
        "caller's", THU14, next(p),
        "My sister's in 506 and her flight's not till late tomorrow, could you have her room kept for her till "
        "four?",
        replies={"room": "506", "yes": "yes"},
        setup=[_in_room(2, THU14, "506", offset=-2, nights=3)],
        given=("room",), expect={"kind": "no_late_checkout", "codes": ["3JCSWN"]})

    # -- hotel facts, prices included (10) -------------------------------------------------------------------
    facts = [
        ("SGD test 1_00043 turn 2 (SearchHotel: Hmm, what number can I call them at?)", MON14,
         "Hmm, what number can I ring you back on if the line drops? The main one for the hotel.", "phone"),
        ("SGD train 41_00077 turn 10 (ReserveHotel: Yes, that's correct. Where's the hotel located?)", TUE14,
         "Yes, that's correct. Where's the hotel located? I want to send my driver the address.", "address"),
        ("SGD train 41_00038 turn 12 (ReserveHotel: Did they have Wi-Fi? And what's the address?)", WED14,
         "Do you have Wi-Fi in the rooms? I've got to join video calls most mornings.", "wifi"),
        ("SGD train 41_00007 turn 6 (ReserveHotel: Yes. Does it say if they allow pets? Also, what is the address?)",
         SAT14,
         "Yes. Do you allow pets at all? We've a wee terrier that travels everywhere with us.", "pets"),
        ("SGD style / the time to be out of the room on the last day, a long drive home", SUN14,
         "What time's checkout on the last day? We've got a long drive home and want to plan it.", "check_out_time"),
        ("SGD style / whether there is a breakfast going, and whether it is paid for separately", THU14,
         "Is there a breakfast going in the mornings, and would I pay separately for it?", "breakfast"),
        ("SGD style / parking for guests, and what it costs by the night", FRI14B,
         "Do guests get parking, and what's it cost by the night?", "parking"),
    ]
    for source, today, opening, topic in facts:
        add("facts", source, today, next(p), opening, other=len(items), expect={"kind": "fact", "topic": topic})
    add("facts", "SGD train 41_00125 turn 14 (ReserveHotel: Yes, that is great. Also, how much is the cost per "
        "night?)", TUE14, next(p),
        "Yes, that's great. And how much would it cost for a deluxe, two of us, Friday the sixth to Sunday the "
        "eighth of October?",
        replies={"yes": "yes"}, given=("dates", "room_type", "guests"),
        date_phrases=("friday the sixth to sunday the eighth of october",), other=0,
        expect={"kind": "quote", "room_type": "DLX", "check_in": "2028-10-06", "check_out": "2028-10-08",
                "guests": 2})
    add("facts", "SGD train 42_00050 turn 14 (ReserveHotel: What's the room cost per night?)", FRI14, next(p),
        "What's the family room going to cost the four of us from the eighth till the eleventh?",
        replies={"yes": "yes"}, given=("dates", "room_type", "guests"),
        date_phrases=("from the eighth till the eleventh",), other=1,
        expect={"kind": "quote", "room_type": "FAM", "check_in": "2028-09-08", "check_out": "2028-09-11",
                "guests": 4})
    add("facts", "SGD test 1_00064 turn 4 (SearchHotel: Can I smoke there? How much is it?)", SAT14, next(p),
        "How much is a standard for just me, the nights of the twentieth and the twenty-first?",
        replies={"yes": "yes"}, given=("dates", "room_type", "guests"),
        date_phrases=("the nights of the twentieth and the twenty-first",), other=2,
        expect={"kind": "quote", "room_type": "STD", "check_in": "2028-12-20", "check_out": "2028-12-22",
                "guests": 1})

    # -- speak to a person (4) and goodbye (4) -------------------------------------------------------------
    for source, today, opening in (
        ("SGD style / human (a naming ceremony for sixty guests, the events manager)", TUE14,
         "Abeg, connect me to your events manager, I want to discuss a naming ceremony for about sixty guests."),
        ("SGD style / human (a room for a father's wheelchair, talked through with a live agent)", SUN14,
         "Can I get a live agent, please? It's about an accessible room for my dad's wheelchair and I'd rather talk "
         "it through with a person."),
        ("SGD style / human (a company invoice, someone at the desk)", FRI14B,
         "Would you ever put me through to someone at the desk? There's a question on my company's invoice I need "
         "sorted."),
        ("SGD style / human (knocking at the door at odd hours, the security team)", SAT14,
         "Kindly transfer me to your security team, someone has been knocking at our door at odd hours."),
    ):
        add("person", source, today, next(p), opening, other=len(items), expect={"kind": "transfer"})
    for source, today, opening in (
        ("SGD test 1_00056 turn 6 (SearchHotel: I like it, thanks. Bye)", MON14,
         "Love it, thanks heaps. Hooroo!"),
        ("SGD test 1_00087 turn 12 (ReserveHotel: You are great, I appreciate all your help you can go now.)", WED14,
         "You're great, I appreciate all your help, you can go now. Slan."),
        ("SGD test 11_00041 turn 16 (NONE: Okay. Goodbye.)", FRI14B,
         "Okay, that's the lot. Goodbye, and God bless."),
        ("SGD test 10_00121 turn 2 (SearchHouse: thats good, i am done for now)", TUE14,
         "that's good, i am done for now. bye bye, take care o"),
    ):
        add("goodbye", source, today, next(p), opening, other=len(items), expect={"kind": "hangup"})

    start = len(items) + 1
    for offset, (idx, text) in enumerate(CLINC_OOS_V14):
        today = DAYS[offset % len(DAYS)]
        items.append(call("t14", start + offset, "out_of_scope", f"CLINC150 oos_test idx {idx} (oos)", today,
                          f"+8801472{200000 + offset * 67:06d}", text, expect={"kind": "out_of_scope"},
                          setup=[other_guest(OTHERS_V14, offset, today)]))
    return items
