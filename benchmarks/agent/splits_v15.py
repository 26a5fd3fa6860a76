"""The test split, version 15 (``splits/test15.jsonl``): held out from 2026-12-02 (its provenance).

Written after v14 was scored once and so spent, by v14's rules and in its proportions (126 calls: the same flows,
the same count per flow and the same kinds of call and expected outcome), blind to the agent (nobody who wrote it
read ``agent/`` or ``tools/``, nor how the agent answered v14 or any other split, nor any run's output), from what
v1-v14 and dev did not use:

- wording: SGD user turns of dialogues that no earlier split followed (each call's ``source`` names the turn),
  rewritten for our one hotel in the source's style, with the fillers, self-corrections, holidays, weekdays,
  ordinals, ranges, spelled-out numbers and idioms of real callers, and callers who correct themselves or answer
  two questions at once (Welsh, Caribbean, Singaporean, South African, Pakistani and Bangladeshi forms: "month-end",
  "Tuesday coming", "means tomorrow", "not this Friday, the one after", "Chap Goh Mei", "when the holiday done",
  "prepone", "I don't want already", "cry off", "put a line through", "void", "withdraw", "pull the plug on",
  "take it off the system", "Ja, for sure", "Bilkul", "Accha, thik ache", "Can, confirm", "Walk good", "Hwyl
  fawr", "Allah Hafiz"). SGD turns named "SGD <split> <dialogue> turn <n>" are from single-service Hotels_1-4
  dialogues of google-research-datasets/dstc8-schema-guided-dialogue (``<split>/dialogues_NNN.json``, commit
  e852981, brought here with the ``fetch`` tool, as for v7-v14), none of them in ``../shared/data/dialogues`` nor
  followed by v1-v14 or dev, and no dialogue followed twice. No MultiWOZ turn is followed (as in v9-v14, none is
  left). Housekeeping, late check-out and speak-to-a-person calls (and a check-in-time, a parking and a breakfast
  question and three look-ups of another guest's booking) have no source turn and are written "SGD style", in
  phrasings no split had;
- out of scope: CLINC150's next 40 ``oos_test`` utterances after v14's, idx 634-675 of clinc/oos-eval
  ``data/data_full.json`` (commit 828f809), verbatim, leaving out two a hotel could take for a request of its own
  (``CLINC_OOS_V15_LEFT_OUT``);
- new names, phone numbers (+880 1436…, 1481…, 1497…), codes and eight new days (``DAYS``), all in 2029, later in
  the calendar than any earlier split's: Burns Night and St Dwynwen's Day, Chinese New Year on Shrove Tuesday (the
  Carnival Tuesday, with Ash Wednesday on Valentine's Day) before a 28-day February, the Saturday between Pakistan
  Day and Bangladesh's Independence Day with the clocks going forward and an Easter that straddles the end of March
  (Easter Sunday is April Fools' Day), the day after Pohela Boishakh, South Africa's Freedom Day on a Friday before
  Workers' Day, Emancipation Day in the week of Jamaica's Independence Day, Kadooment Day, Singapore's National Day
  and Pakistan's Independence Day, Heritage Day at the end of a 30-day September, and Calan Gaeaf with Remembrance
  weekend and St Andrew's Day ahead.

``make_splits.py`` renders and checks it with v1-v14 and dev (``python -m benchmarks.agent.make_splits --check``).
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

V15 = 15
HEADER_V15 = ("FROZEN test split v{v}: held out from 2026-12-02; never tune on it, never run the agent on it or look "
              "at how the agent answers it before its one scored run (use dev.jsonl, or test.jsonl and test2.jsonl "
              "to test14.jsonl: spent). Written by benchmarks/agent/splits_v15.py via make_splits.py.")

# The hotel's day of each call (10:00 hotel time): every day of the week, none of v1's-v14's or dev's.
MON15 = "2029-09-24"  # Heritage Day in South Africa, in the last week of a 30-day September: "month-end" is Sunday
#                       the 30th, "the first" is Monday the 1st of October and "the third of October" a Wednesday
TUE15 = "2029-02-13"  # Chinese New Year's Day, Carnival Tuesday and Shrove Tuesday: tomorrow is Ash Wednesday,
#                       Valentine's Day and the second day of the New Year; February has 28 days, so "the first" is
#                       Thursday the 1st of March; Chap Goh Mei (the fifteenth day) is Tuesday the 27th
WED15 = "2029-08-01"  # Emancipation Day: Jamaica's Independence Day and Barbados' Kadooment Day are Monday the 6th,
#                       Singapore's National Day Thursday the 9th, Pakistan's Independence Day Tuesday the 14th; "not
#                       this Friday, the one after" is the 10th
THU15 = "2029-01-25"  # St Dwynwen's Day and Burns Night: "the day after tomorrow" is Saturday the 27th; the first
#                       Saturday in February is the 3rd; Chinese New Year is Tuesday the 13th of February
FRI15 = "2029-04-27"  # South Africa's Freedom Day, a Friday: "the first of next month" is Tuesday the 1st of May,
#                       Workers' Day; the early May bank holiday is Monday the 7th
SAT15 = "2029-03-24"  # the day after Pakistan Day: the clocks go forward tomorrow, Palm Sunday, and Bangladesh's
#                       Independence Day is Monday the 26th; Good Friday is the 30th and Easter Sunday April the 1st,
#                       so Easter straddles the month's end; "next Thursday" reads two ways (the 29th or April the 5th)
SUN15 = "2029-04-15"  # the day after Pohela Boishakh (Bengali New Year, Saturday the 14th): "Tuesday coming" is the
#                       17th; Freedom Day is Friday the 27th
THU15B = "2029-11-01"  # Calan Gaeaf (the Welsh first day of winter) and All Saints' Day: "this weekend" is the 2nd to
#                        the 4th; Remembrance Sunday is the 11th; St Andrew's Day is Friday the 30th
DAYS = (MON15, TUE15, WED15, THU15, FRI15, SAT15, SUN15, THU15B)

OTHERS_V15 = [
    {"name": "Jacobus Pretorius", "phone": "+8801481306427", "room_type": "DLX", "code": "HEUD33"},
    {"name": "Marlon Gooding", "phone": "+8801481329584", "room_type": "STD", "code": "P6UZBJ"},
    {"name": "Sadia Rauf", "phone": "+8801481352719", "room_type": "FAM", "code": "GAKTQC"},
]

# CLINC150 oos_test (clinc/oos-eval data/data_full.json, commit 828f809), idx 634-675, verbatim.
CLINC_OOS_V15 = (
    (634, "find out what the maximum memory size is that i can buy in a dvd"),
    (635, "tell me who makes the best dvd's for movie storage"),
    (636, "how many dvds do i currently have on file"),
    (637, "give me a listing of all my dvd's"),
    (638, "look up the conversion rate for the euro to dollar exchange"),
    (639, "how do i put a lens that's fallen out back in my glasses"),
    (640, "i need you to order a new pair of eyeglasses for me"),
    (641, "tell me what my current eyeglasses prescription is"),
    (642, "show me examples of cute eyeglass frames"),
    (643, "make a list of all sites in the us where spirits have been seen at night"),
    (644, "tell me how to get rid of a spirit that's haunting me"),
    (645, "show me how to contact a paranormal spirit"),
    (646, "tell me a scary story"),
    (647, "show me the goals of my local police department in terms of reducing crime"),
    (648, "make a list of goals i need to meet in order to write a book"),
    (649, "what is the distance between the goal posts in football"),
    (650, "remind me what my weight loss goals are"),
    (651, "give me a list of tax attorneys that practice in my city"),
    (652, "tell me how i can file a pleading in circuit court"),
    (653, "give me the number of a traffic attorney near here"),
    (654, "what are the top rated local lawyers"),
    (655, "find out how many miles the mississippi waterway runs"),
    (656, "tell me what the longest tributary is in venezuela"),
    (658, "get me a list of universities that provide full scholarships in arizona"),
    (659, "tell me where to go to get my son enrolled in public kindergarten"),
    (660, "do a job search on monstercom for jobs in the tech field in arlington, va"),
    (661, "i need to find work, help me connect to a local business through linkedin"),
    (662, "detail a list of possible job openings in the miami public school system"),
    (663, "look for a position similar to mine that is open around my area"),
    (664, "find out where one can get involved in discussing local election issues"),
    (665, "give me a list of the top 5 issues people have in this country"),
    (666, "what is the government department that regulates emissions"),
    (667, "what's the highest rated social services non-profit"),
    (668, "explain to me the process of evaporation"),
    (669, "how do i write an iep for a high schooler"),
    (670, "tell me how to refinish a wooden desk"),
    (671, "tell me how to make a lesson plan"),
    (672, "tell me where i can get the cheapest tennis balls on the internet"),
    (674, "give me a list of the top 10 tennis players in the world"),
    (675, "make a chart of all the tennis scores from this year"),
)
# Left out: a hotel could take each for a request of its own (another booking for this weekend's trip, read as one
# more room booked for the weekend, as v4's flight cancellation fee was read as a booking's; a match put on the TV,
# read as one put on the room's TV, as v9's sports channel and v10's and v12's films were).
CLINC_OOS_V15_LEFT_OUT = (
    (657, "please book another boat for this weekends trip"),
    (673, "play the current tennis match on the tv in the living room"),
)


def _in_room(index: int, today: str, room: str, *, offset: int, nights: int) -> dict[str, Any]:
    return in_room(OTHERS_V15, index, today, room, offset=offset, nights=nights)


def test15_split() -> list[dict[str, Any]]:  # noqa: PLR0915 (one long list of calls is the clearest form)
    items, add = calls_of("t15", OTHERS_V15)

    p = iter(f"+8801436{300000 + i * 53:06d}" for i in range(200))

    # -- book (26) -------------------------------------------------------------------------------------------
    add("book", "SGD train 26_00037 turn 0 (BookHouse: I'd like to book a house for 2 people. We should be arriving "
        "on the 6th.)", MON15, next(p),
        "Howzit. I'd like to book a room for two people. We should be arriving on the twenty-eighth, the Friday, and "
        "going home on the Sunday, month-end.",
        replies={"room_type": "The deluxe, please.", "name": "Nokuthula Radebe", "yes": "Ja, hundred percent."},
        given=("dates", "guests"),
        date_phrases=("arriving on the twenty-eighth, the friday, and going home on the sunday, month-end",), other=0,
        expect=booking("2029-09-28", "2029-09-30", 2, "DLX", "Nokuthula Radebe"))
    add("book", "SGD train 26_00043 turn 2 (BookHouse: I plan to check out on March 14th, and I am going to Philly "
        "with 3 people.)", TUE15, next(p),
        "I plan to check out on the second of March, and check in on the twenty-sixth, the Monday. Three of us "
        "coming, lah.",
        replies={"room_type": "Family room lor.", "name": "Jiahui Quek", "yes": "Can, confirm."},
        given=("dates", "guests"),
        date_phrases=("check out on the second of march, and check in on the twenty-sixth, the monday",), other=1,
        expect=booking("2029-02-26", "2029-03-02", 3, "FAM", "Jiahui Quek"))
    add("book", "SGD train 26_00044 turn 2 (BookHouse: Just one person. Traveling to New York, checking in the 3rd of "
        "this month and checking on March 14th.)", WED15, next(p),
        "Just one person. Coming up for the holiday, checking in the third of this month, the Friday, and checking "
        "out the Monday, the sixth, when the holiday done.",
        replies={"room_type": "Standard room, man, nothing fancy.", "name": "Delroy Wedderburn",
                 "yes": "Yes man, everything right."},
        given=("dates", "guests"),
        date_phrases=("checking in the third of this month, the friday, and checking out the monday, the sixth",),
        other=2, expect=booking("2029-08-03", "2029-08-06", 1, "STD", "Delroy Wedderburn"))
    add("book", "SGD train 26_00050 turn 4 (BookHouse: On the 10th of March. There are two people. We're going to "
        "Sydney, NSW.)", THU15, next(p),
        "On the tenth of February, a Saturday. There's two of us, now, and we'd be out again on the Monday, the "
        "twelfth.",
        replies={"room_type": "The deluxe, please, it's our anniversary.", "name": "Eirlys Prosser",
                 "yes": "Yes, that's it to a tee, ta."},
        given=("dates", "guests"),
        date_phrases=("on the tenth of february, a saturday", "out again on the monday, the twelfth"), other=0,
        expect=booking("2029-02-10", "2029-02-12", 2, "DLX", "Eirlys Prosser"))
    add("book", "SGD train 26_00057 turn 2 (BookHouse: I'm going to London, England, and I want to check in on the 1st "
        "of this month, and checkout on March 14th)", FRI15, next(p),
        "I want to check in on the first of next month, that is Labour Day, Tuesday, and checkout on the fourth, "
        "Friday.",
        replies={"guests": "We are two persons, myself and my wife.", "room_type": "Standard room will suffice.",
                 "name": "Nabeel Chaudhry", "yes": "Ji bilkul, absolutely right."},
        given=("dates",),
        date_phrases=("check in on the first of next month, that is labour day, tuesday, and checkout on the fourth, "
                      "friday",),
        other=1, expect=booking("2029-05-01", "2029-05-04", 2, "STD", "Nabeel Chaudhry"))
    add("book", "SGD train 26_00066 turn 0 (BookHouse: I want a house to book. I'm going to check in on Sunday this "
        "week.)", SAT15, next(p),
        "I want a room to book. I am going to check in on Sunday this week, means tomorrow, and leave on the Tuesday, "
        "after Shadhinota Dibosh.",
        replies={"guests": "Three of us, me, my husband and our son.", "room_type": "Family room, please.",
                 "name": "Nusrat Akter", "yes": "Accha, thik ache, yes."},
        given=("dates",),
        date_phrases=("check in on sunday this week, means tomorrow, and leave on the tuesday",), other=2,
        expect=booking("2029-03-25", "2029-03-27", 3, "FAM", "Nusrat Akter"))
    add("book", "SGD train 26_00068 turn 2 (BookHouse: From March the 6th to March 11th. In ATL.)", SUN15, next(p),
        "From April the twentieth to April the twenty-third, Friday to Monday. We are four, two adults, two "
        "children.",
        replies={"room_type": "Family room please, dhonnobad.", "name": "Mahfuzur Rahman", "yes": "Yes, correct."},
        given=("dates", "guests"),
        date_phrases=("from april the twentieth to april the twenty-third, friday to monday",), other=0,
        expect=booking("2029-04-20", "2029-04-23", 4, "FAM", "Mahfuzur Rahman"))
    add("book", "SGD train 26_00072 turn 6 (BookHouse: On March 12th, we are a group of 5.)", THU15B, next(p),
        "On the twelfth of November, the Monday, we'd be off home; we're a group of three, coming in the Friday "
        "before, the ninth.",
        replies={"room_type": "Whatever's big enough for the three of us, like.", "name": "Iolo Cadwaladr",
                 "yes": "Yes, that's it, go on then."},
        given=("dates", "guests"),
        date_phrases=("on the twelfth of november, the monday, we'd be off home", "coming in the friday before, the "
                      "ninth"),
        other=1, expect=booking("2029-11-09", "2029-11-12", 3, ["FAM", "STE"], "Iolo Cadwaladr"))
    add("book", "SGD train 26_00073 turn 2 (BookHouse: I would like to check out on the 14th of March. It's going to "
        "be for 1 person only. I am travelling to San Diego.)", MON15, next(p),
        "I would like to check out on the third of October, the Wednesday. It's going to be for one person only, and "
        "I'll arrive on the first.",
        replies={"room_type": "Standard is fine, thanks.", "name": "Riaan Liebenberg", "yes": "Ja, for sure."},
        given=("dates", "guests"),
        date_phrases=("check out on the third of october, the wednesday", "i'll arrive on the first"), other=2,
        expect=booking("2029-10-01", "2029-10-03", 1, "STD", "Riaan Liebenberg"))
    add("book", "SGD train 26_00078 turn 2 (BookHouse: I am checking in on 1st of march and checking out on the 9th of "
        "this month.) + turn 4 (I will be going to London, england and there will be three people.)", TUE15, next(p),
        "I would like a room for one person. I am checking in on the first of March and checking out on the fourth. "
        "Sorry ah, actually there will be three people, my parents coming along also.",
        replies={"room_type": "Family room, thanks.", "name": "Xinyi Chng", "yes": "Yes, correct, can proceed."},
        given=("dates", "guests"),
        date_phrases=("checking in on the first of march and checking out on the fourth",), other=0,
        expect=booking("2029-03-01", "2029-03-04", 3, ["FAM", "STE"], "Xinyi Chng"))
    add("book", "SGD train 26_00083 turn 2 (BookHouse: I'd like to check in on the 2nd of this month and check out on "
        "the 13th of this month.)", WED15, next(p),
        "I'd like to check in on the ninth of this month, the Thursday, and check out on the twelfth, the Sunday.",
        replies={"guests": "Is me and my husband, so two.", "room_type": "The deluxe, please.",
                 "name": "Kerisha Rampersad", "yes": "Yes, that's right, thanks plenty."},
        given=("dates",),
        date_phrases=("check in on the ninth of this month, the thursday, and check out on the twelfth, the sunday",),
        other=1, expect=booking("2029-08-09", "2029-08-12", 2, "DLX", "Kerisha Rampersad"))
    add("book", "SGD train 26_00084 turn 4 (BookHouse: I would would like to book a house in NY next Thursday that "
        "would be great)", SAT15, next(p),
        "I would would like to book a room from next Thursday, two nights, that would be great.",
        replies={"guests": "Only myself.", "room_type": "Standard.", "name": "Waqas Cheema",
                 "yes": "Yes, theek hai, book it."},
        given=("dates",), date_phrases=("from next thursday, two nights",), other=2,
        expect=booking("2029-03-29", "2029-03-31", 1, "STD", "Waqas Cheema",
                       alternatives=(("2029-04-05", "2029-04-07"),)))
    add("book", "SGD train 26_00090 turn 4 (BookHouse: I check in next Tuesday.)", SUN15, next(p),
        "I check in Tuesday coming, the seventeenth, and check out on the nineteenth.",
        replies={"guests": "We are two, me and my colleague.", "room_type": "Standard, please.",
                 "name": "Rezaul Howlader", "yes": "Yes, absolutely."},
        given=("dates",),
        date_phrases=("check in tuesday coming, the seventeenth, and check out on the nineteenth",), other=0,
        expect=booking("2029-04-17", "2029-04-19", 2, "STD", "Rezaul Howlader"))
    add("book", "SGD train 26_00099 turn 4 (BookHouse: I will be checking out March 14th, and there are 3 people.)",
        FRI15, next(p),
        "I'll be checking in on the fifth, the Saturday, and checking out on the Monday, the seventh, it's a bank "
        "holiday with us, and there are four people, the kids included.",
        replies={"room_type": "The family room, please.", "name": "Owain Mostyn", "yes": "Yes, that's lush, thanks."},
        given=("dates", "guests"),
        date_phrases=("checking in on the fifth, the saturday, and checking out on the monday, the seventh",), other=1,
        expect=booking("2029-05-05", "2029-05-07", 4, "FAM", "Owain Mostyn"))
    add("book", "SGD train 26_00102 turn 2 (BookHouse: I will be travelling to Paris, France with a party of 4. I will "
        "be checking out on the 13th of the month.)", THU15, next(p),
        "I'll be travelling with a party of four. I'll be checking in on Friday the ninth of February and checking "
        "out on the thirteenth, first day of CNY.",
        replies={"room_type": "Family room, can.", "name": "Zhiwei Seah", "yes": "Okay, confirm."},
        given=("dates", "guests"),
        date_phrases=("checking in on friday the ninth of february and checking out on the thirteenth, first day of "
                      "cny",),
        other=2, expect=booking("2029-02-09", "2029-02-13", 4, "FAM", "Zhiwei Seah"))
    add("book", "SGD train 26_00114 turn 0 (BookHouse: I need a house soon. Is the 6th available?)", MON15, next(p),
        "I need a room soon. Is the twenty-sixth available, the Wednesday? We'd be checking out the twenty-ninth, a "
        "total of two people.",
        replies={"room_type": "Deluxe, please, if it's not too pricey.", "name": "Lwazi Motaung",
                 "yes": "Ja, lekker, go ahead."},
        given=("dates", "guests"),
        date_phrases=("is the twenty-sixth available, the wednesday", "checking out the twenty-ninth"), other=0,
        expect=booking("2029-09-26", "2029-09-29", 2, "DLX", "Lwazi Motaung"))
    add("book", "SGD train 26_00116 turn 2 (BookHouse: I am going to London, England and want to check in on the 7th "
        "of March. It will be for one person.)", WED15, next(p),
        "I want to check in on the fourteenth, Jashn-e-Azadi, the Tuesday, and it will be for one person, three "
        "nights.",
        replies={"room_type": "Deluxe, please.", "name": "Humaira Javed", "yes": "Yes, bilkul correct."},
        given=("dates", "guests"),
        date_phrases=("check in on the fourteenth, jashn-e-azadi, the tuesday",), other=1,
        expect=booking("2029-08-14", "2029-08-17", 1, "DLX", "Humaira Javed"))
    add("book", "SGD train 26_00117 turn 4 (BookHouse: I want to check in on later today.)", THU15B, next(p),
        "I want to check in later on today, and check out on the Sunday, the fourth. There's two of us, now.",
        replies={"room_type": "The standard, please.", "name": "Heledd Gwilym", "yes": "Yes, go on then."},
        given=("dates", "guests"),
        date_phrases=("check in later on today, and check out on the sunday, the fourth",), other=2,
        expect=booking("2029-11-01", "2029-11-04", 2, "STD", "Heledd Gwilym"))
    add("book", "SGD train 26_00119 turn 2 (BookHouse: I'd like to check out on the 8th of March. I'm travelling to "
        "Vancouver, BC. A total of 2 people travelling. I'd like to check in on March 3rd.)", TUE15, next(p),
        "I'd like to check out on the third of March. A total of two people travelling. I'd like to check in on "
        "Chap Goh Mei, the twenty-seventh.",
        replies={"room_type": "Deluxe one, thanks.", "name": "Nurul Syafiqah Jamaludin", "yes": "Yes yes, correct."},
        given=("dates", "guests"),
        date_phrases=("check out on the third of march", "check in on chap goh mei, the twenty-seventh"), other=1,
        expect=booking("2029-02-27", "2029-03-03", 2, "DLX", "Nurul Syafiqah Jamaludin"))
    add("book", "SGD train 26_00120 turn 6 (BookHouse: I am gonna check in on the 8th with 2 other people. So 3 in "
        "total.)", SUN15, next(p),
        "I'm gonna check in on the twenty-first with two other people, so three in total, and we'd leave on the "
        "Monday, the twenty-third.",
        replies={"room_type": "Whichever sleeps three of us.", "name": "Shenelle Boothe",
                 "yes": "Yes, that's right, thanks a heap."},
        given=("dates", "guests"),
        date_phrases=("check in on the twenty-first with two other people", "leave on the monday, the twenty-third"),
        other=2, expect=booking("2029-04-21", "2029-04-23", 3, ["FAM", "STE"], "Shenelle Boothe"))
    add("book", "SGD test 11_00015 turn 8 (BookHouse: I want to check in on the 1st and leave on March 6th, and it'll "
        "be just for 1 person)", FRI15, next(p),
        "I want to check in on the thirtieth and leave on the second of May, and it'll be just for one person.",
        replies={"room_type": "A standard one.", "name": "Kagiso Molefe", "yes": "Sharp, that's right."},
        given=("dates", "guests"), date_phrases=("check in on the thirtieth and leave on the second of may",), other=0,
        expect=booking("2029-04-30", "2029-05-02", 1, "STD", "Kagiso Molefe"))
    add("book", "SGD test 11_00008 turn 10 (BookHouse: I am planning to check it on next Friday.)", WED15, next(p),
        "I am planning to check in on Friday. Not this Friday, the one after, the tenth, and I need the room until "
        "the Sunday.",
        replies={"guests": "Two of us.", "room_type": "The deluxe.", "name": "Tremaine Alleyne",
                 "yes": "Yes, that's it, thanks."},
        given=("dates",),
        date_phrases=("not this friday, the one after, the tenth, and i need the room until the sunday",), other=1,
        expect=booking("2029-08-10", "2029-08-12", 2, "DLX", "Tremaine Alleyne"))
    add("book", "SGD dev 6_00077 turn 10 (ReserveHotel: No Actually I want the room for two days with a check in next "
        "Friday.)", MON15, next(p),
        "I want the room for three nights, checking in on the Friday. No, actually, two nights, with check-in on the "
        "Saturday, the twenty-ninth.",
        replies={"guests": "Just me.", "room_type": "Standard.", "name": "Elmarie Joubert",
                 "yes": "Ja, the Saturday, two nights."},
        given=("dates",),
        date_phrases=("no, actually, two nights, with check-in on the saturday, the twenty-ninth",), other=2,
        expect=booking("2029-09-29", "2029-10-01", 1, "STD", "Elmarie Joubert"))
    add("book", "SGD test 1_00111 turn 6 (ReserveHotel: make it on day after tomorrow) + confirmed in one breath",
        THU15, next(p),
        "Make it the day after tomorrow, the Saturday, one night only, a standard room for myself, under Myfanwy "
        "Rhydderch, and that's all correct, so book it in.",
        replies={"yes": "Yes, book it in, please."},
        given=("dates", "guests", "room_type", "name"),
        date_phrases=("make it the day after tomorrow, the saturday, one night only",), other=0,
        expect=booking("2029-01-27", "2029-01-28", 1, "STD", "Myfanwy Rhydderch"))
    phone = next(p)
    add("book", "SGD train 41_00012 turn 2 (ReserveHotel: I am going to Vibe Hotel North. I'm checking in on the 6th "
        "of March and leaving a week later on the 13th of March.) + returning guest", TUE15, phone,
        "Hello, I stayed with you last Deepavali. I'm checking in on the sixth of March and leaving a week later, on "
        "the thirteenth, just me, in the deluxe again.",
        replies={"yes": "Yes, that's me, correct."},
        setup=[known_guest("Kavitha Muthusamy", phone)], given=("dates", "guests", "room_type"),
        date_phrases=("checking in on the sixth of march and leaving a week later, on the thirteenth",), other=0,
        expect=booking("2029-03-06", "2029-03-13", 1, "DLX", "Kavitha Muthusamy"))
    phone = next(p)
    add("book", "SGD train 43_00058 turn 0 (BookHouse: I'd like to book a house to stay in from the 5th of March.) + "
        "returning guest", SAT15, phone,
        "Assalamu alaikum, I stayed with you last Eid. I'd like to book to stay from the fifth of April, the Thursday "
        "after Easter, two nights, myself and my wife, in the standard like before.",
        replies={"yes": "Ji, it is me."},
        setup=[known_guest("Mizanur Hossain", phone)], given=("dates", "guests", "room_type"),
        date_phrases=("from the fifth of april, the thursday after easter, two nights",), other=1,
        expect=booking("2029-04-05", "2029-04-07", 2, "STD", "Mizanur Hossain"))

    # -- change dates or guests (10, 2 of them another guest's booking) ---------------------------------------
    Change = tuple[str, str, str, dict[str, str], tuple[str, str, str, str, str, int], tuple[str, ...], dict[str, Any]]
    changes: list[Change] = [
        ("SGD dev 6_00060 turn 14 (ReserveHotel: No. Please change the duration to 9 days.)", MON15,
         "No, please change the duration of my booking from the twenty-eighth to three nights, so I'm out on the "
         "first of October.",
         {"yes": "Ja, out on the first."},
         ("Wynand Steenkamp", "HBXMAX", "STD", "2029-09-28", "2029-09-30", 2),
         ("my booking from the twenty-eighth", "three nights, so i'm out on the first of october"),
         {"check_in": "2029-09-28", "check_out": "2029-10-01"}),
        ("SGD train 26_00082 turn 6 (BookHouse: No, I apologize I would like to check out on the 14th of this month "
         "in London, England.)", TUE15,
         "No, I apologise ah, for my booking on the second day of Chinese New Year, I would like to check out on the "
         "sixteenth, not the fifteenth.",
         {"yes": "Yes, until the sixteenth, thank you ah."},
         ("Kaixin Chia", "4B4U2L", "DLX", "2029-02-14", "2029-02-15", 2),
         ("my booking on the second day of chinese new year", "check out on the sixteenth, not the fifteenth"),
         {"check_in": "2029-02-14", "check_out": "2029-02-16"}),
        ("SGD train 41_00028 turn 8 (ReserveHotel: No, the check in date is the 13th of March.)", WED15,
         "No, the check-in date on my Kadooment weekend booking is the third, the Friday, not the fourth. Same day "
         "out.",
         {"yes": "Yes, from the Friday, the third."},
         ("Cleon Carrington", "AHEG5M", "STD", "2029-08-04", "2029-08-06", 2),
         ("my kadooment weekend booking", "the third, the friday, not the fourth"),
         {"check_in": "2029-08-03", "check_out": "2029-08-06"}),
        ("SGD train 41_00073 turn 12 (ReserveHotel: No. Make check out for the 12th please.)", THU15,
         "No. On my booking for the first Saturday in February, make the check-out the Sunday, the fourth, please, "
         "not the Monday; I've got to be back in work, see.",
         {"yes": "Yes, out on the Sunday."},
         ("Ceinwen Gittins", "HRKPLJ", "DLX", "2029-02-03", "2029-02-05", 2),
         ("my booking for the first saturday in february", "make the check-out the sunday, the fourth"),
         {"check_in": "2029-02-03", "check_out": "2029-02-04"}),
        ("SGD train 41_00094 turn 18 (ReserveHotel: No. I want to check out on the 13th.)", FRI15,
         "No, bhai, please prepone my booking of the eleventh by one day: check in on the tenth, the Thursday, and "
         "check-out stays the thirteenth.",
         {"yes": "Ji, from the tenth."},
         ("Sharmin Akhter", "SEL8HJ", "STD", "2029-05-11", "2029-05-13", 2),
         ("prepone my booking of the eleventh by one day", "check in on the tenth, the thursday"),
         {"check_in": "2029-05-10", "check_out": "2029-05-13"}),
        ("SGD train 41_00105 turn 12 (ReserveHotel: No, check in date is on 6th of this month, and check out on 12th "
         "of this month. Thank you)", SAT15,
         "No, for my booking from the day after Easter, the check-in date is on the sixth of next month, and the "
         "check-out on the ninth. Thank you.",
         {"yes": "Yes, the sixth to the ninth."},
         ("Irfan Bajwa", "YHDVED", "DLX", "2029-04-02", "2029-04-05", 2),
         ("my booking from the day after easter",
          "the check-in date is on the sixth of next month, and the check-out on the ninth"),
         {"check_in": "2029-04-06", "check_out": "2029-04-09"}),
        ("SGD train 34_00096 turn 18 (BookHouse: Wait, no. It's only two people, sorry.)", SUN15,
         "Wait, no, on my booking for Friday the twentieth, it's only two people now, sorry, my brother-in-law can't "
         "come.",
         {"yes": "Ji, two people only."},
         ("Sabrina Sultana", "Z8ABSY", "FAM", "2029-04-20", "2029-04-22", 3),
         ("my booking for friday the twentieth",), {"guests": 2}),
    ]
    for source, today, opening, replies, (name, code, room_type, ci, co, guests), phrases, new in changes:
        phone = next(p)
        add("change", source, today, phone, opening, replies=replies,
            setup=[mine(name, phone, code, room_type, ci, co, guests)], date_phrases=phrases, other=len(items),
            expect={"kind": "changed", "code": code, **new})
    phone = next(p)
    add("change", "SGD train 42_00025 turn 14 (ReserveHotel: No I want to check in on March 2nd and stay for 2 days.) "
        "+ two bookings", THU15B, phone,
        "I've got two bookings with you. On the one for this weekend, no, I want to check in on the Saturday, the "
        "third, and stay for two nights.",
        replies={"which": "The one this weekend.", "code": "I've not got the codes with me, sorry.",
                 "yes": "Yes, the Saturday, two nights."},
        setup=[mine("Dyfrig Maddocks", phone, "ASAVB4", "STD", "2029-11-02", "2029-11-04"),
               mine("Dyfrig Maddocks", phone, "M66GGH", "STD", "2029-12-07", "2029-12-09")],
        date_phrases=("the one for this weekend", "check in on the saturday, the third, and stay for two nights"),
        other=2,
        expect={"kind": "changed", "code": "ASAVB4", "check_in": "2029-11-03", "check_out": "2029-11-05",
                "untouched": ["M66GGH"]})
    add("change", "SGD train 43_00055 turn 4 (BookHouse: No I want to check in on March 3rd in Paris.) / another "
        "guest's", MON15, next(p),
        "Morning, I'm phoning for my boss, Jacobus Pretorius. No, he wants to check in on the third of October "
        "instead, so please shift his booking for him.",
        replies={"code": "Ag, I don't have his reference on me.", "yes": "yes"}, other=0,
        expect={"kind": "untouched", "codes": ["HEUD33"]})
    add("change", "SGD test 10_00113 turn 2 (SearchHouse: Actually make it for two people. Are there other houses?) / "
        "another guest's, a wrong code", SAT15, next(p),
        "Actually, make Marlon Gooding's booking for two people, I'm his partner and I'm coming too. The code is P "
        "six U Z B G.",
        replies={"code": "P 6 U Z B G", "yes": "yes"}, given=("code",), other=1,
        expect={"kind": "untouched", "codes": ["P6UZBJ"]})

    # -- cancel (10, 2 of them another guest's booking) ------------------------------------------------------
    cancels = [
        ("SGD train 34_00027 turn 16 (BookHouse: Thank you so much! That is all.)", MON15,
         "Ag, man, I have to cry off my booking for Friday the fifth of October, the two nights. Thank you so much! "
         "That is all.",
         "Ja, that one.",
         ("Lerato Mokoena", "8RZNPF", "STD", "2029-10-05", "2029-10-07"),
         ("my booking for friday the fifth of october, the two nights",)),
        ("SGD train 34_00061 turn 12 (BookHouse: That is all I need, thank you for your help.)", TUE15,
         "Hello, my booking for the twenty-fourth, the Saturday, one night, I don't want already. Can help me cancel "
         "or not? That is all I need, thank you for your help.",
         "Yes, that one, thank you.",
         ("Hanis Suhaimi", "WA9RP7", "STD", "2029-02-24", "2029-02-25"),
         ("my booking for the twenty-fourth, the saturday, one night",)),
        ("SGD train 34_00075 turn 16 (BookHouse: Thanks, that's all I need in this matter.)", WED15,
         "Morning. I won't be needing my room again for the seventeenth, the Friday, two nights, so you can take it "
         "off the system. Thanks, that's all I need in this matter.",
         "Yes, the seventeenth one.",
         ("Everton McFarlane", "ZS85VP", "DLX", "2029-08-17", "2029-08-19"),
         ("my room again for the seventeenth, the friday, two nights",)),
        ("SGD train 34_00080 turn 16 (BookHouse: I appreciate your assistant. I do not need any more help.)", THU15,
         "I'm going to have to put a line through my room for the second of February, the Friday, two nights, the "
         "trip's fallen through. I appreciate your assistance, I do not need any more help.",
         "Yes, that's the one.",
         ("Glenys Probert", "PDJCYM", "DLX", "2029-02-02", "2029-02-04"),
         ("my room for the second of february, the friday, two nights",)),
        ("SGD train 34_00081 turn 18 (BookHouse: thank you for helping me, I'm all set.)", FRI15,
         "Kindly void my reservation of the sixth of May, Sunday, one night. Thank you for helping me, I'm all set.",
         "Bilkul, void it.",
         ("Saima Gondal", "YUU8MJ", "STD", "2029-05-06", "2029-05-07"),
         ("my reservation of the sixth of may, sunday, one night",)),
        ("SGD train 34_00087 turn 20 (BookHouse: Thanks, that's all I need for now.)", SUN15,
         "Please withdraw my booking for Friday the twenty-seventh, two nights, our programme has been postponed. "
         "Thanks, that's all I need for now.",
         "Ji, please withdraw it.",
         ("Rubina Khatun", "6Z8K7K", "FAM", "2029-04-27", "2029-04-29"),
         ("my booking for friday the twenty-seventh, two nights",)),
    ]
    for source, today, opening, yes, (name, code, room_type, check_in, check_out), phrases in cancels:
        phone = next(p)
        add("cancel", source, today, phone, opening, replies={"yes": yes},
            setup=[mine(name, phone, code, room_type, check_in, check_out)], date_phrases=phrases,
            other=len(items), expect={"kind": "cancelled", "code": code})
    phone = next(p)
    add("cancel", "SGD train 34_00088 turn 20 (BookHouse: Thanks, that's all.) + two bookings, code said", SAT15, phone,
        "Two bookings are there on my number. Only the one with code Q, K for kilo, three, eight, D for Dhaka, L, "
        "you can pull the plug on that one. Thanks, that's all.",
        replies={"code": "Q K 3 8 D L", "yes": "Yes, only Q K 3 8 D L."}, given=("code",),
        setup=[mine("Zubair Mehmood", phone, "QK38DL", "STD", "2029-05-18", "2029-05-20"),
               mine("Zubair Mehmood", phone, "SUWAWZ", "STD", "2029-06-15", "2029-06-17")],
        other=0, expect={"kind": "cancelled", "code": "QK38DL", "untouched": ["SUWAWZ"]})
    phone = next(p)
    add("cancel", "SGD train 34_00106 turn 32 (NONE: No, thank you for your time.) + two bookings, told by the stay",
        THU15B, phone,
        "Cancel the booking that's in December for me, but don't touch the one for Remembrance weekend. No, thank "
        "you for your time.",
        replies={"which": "The December one.", "yes": "Yes, December's."},
        setup=[mine("Trefor Harries", phone, "4UKKQL", "DLX", "2029-11-09", "2029-11-11"),
               mine("Trefor Harries", phone, "MDTGXX", "DLX", "2029-12-14", "2029-12-16")],
        date_phrases=("the booking that's in december", "the one for remembrance weekend"), other=1,
        expect={"kind": "cancelled", "code": "MDTGXX", "untouched": ["4UKKQL"]})
    add("cancel", "SGD train 34_00064 turn 20 (BookHouse: Thanks for everything. That will be all for now.) / another "
        "guest's", FRI15, next(p),
        "Hi, I'm handling the arrangements for Sadia Rauf, the nikah's not happening now, so please cancel her room. "
        "Thanks for everything, that will be all for now.",
        replies={"code": "I don't have her booking code, sorry.", "yes": "yes"},
        other=2, expect={"kind": "untouched", "codes": ["GAKTQC"]})
    add("cancel", "SGD train 34_00076 turn 20 (BookHouse: Thanks for everything. That is all.) / another guest's, a "
        "wrong code", THU15, next(p),
        "please cancel jacobus pretorius's booking, the code is h e u d three eight. thanks for everything, that is "
        "all",
        replies={"code": "H E U D 3 8", "yes": "yes"}, given=("code",),
        other=0, expect={"kind": "untouched", "codes": ["HEUD33"]})

    # -- find my booking (8, 3 of them another guest's) ------------------------------------------------------
    finds = [
        ("SGD train 42_00005 turn 14 (ReserveHotel: Thank you for your help and I do not need any further "
         "assistance.)", WED15,
         "Morning, I have a booking over Emancipendence and I can't remember which day I'm leaving. Thank you for "
         "your help and I do not need any further assistance.",
         ("Latoya Hinds", "NVXABJ", "STD", "2029-08-03", "2029-08-06"), ("a booking over emancipendence",)),
        ("SGD train 42_00031 turn 14 (ReserveHotel: I appreciate it very much. That would be all for the moment.)",
         TUE15,
         "Eh, my booking in March, check out which day ah? I forgot already. I appreciate it very much, that would be "
         "all for the moment.",
         ("Selvi Thangaraj", "VNRCX8", "DLX", "2029-03-08", "2029-03-11"),
         ("my booking in march, check out which day",)),
        ("SGD train 42_00032 turn 14 (ReserveHotel: I appreciate it. That would be all.)", SAT15,
         "Could you please tell me, my booking over Easter is for how many nights? I appreciate it. That would be "
         "all.",
         ("Asma Awan", "SH9TDZ", "FAM", "2029-03-30", "2029-04-02"), ("my booking over easter",)),
        ("SGD train 42_00037 turn 18 (ReserveHotel: Thank you that is everything for now.)", THU15B,
         "I've got a room booked with you around St Andrew's Day and I've a feeling I put the wrong nights down. "
         "Which nights are they? Thank you, that is everything for now.",
         ("Siwan Hopkin", "Z6T76Z", "STD", "2029-11-30", "2029-12-02"),
         ("a room booked with you around st andrew's day",)),
        ("SGD train 42_00060 turn 22 (NONE: No thanks that is it.)", FRI15,
         "Morning, I booked something for the Youth Day weekend in June and I've lost the email. When is it I check "
         "out? No thanks, that is it.",
         ("Hennie Vermaak", "W6HZDE", "DLX", "2029-06-15", "2029-06-17"),
         ("something for the youth day weekend in june",)),
    ]
    for source, today, opening, (name, code, room_type, check_in, check_out), phrases in finds:
        phone = next(p)
        add("find", source, today, phone, opening, replies={"yes": "Yes, that's my booking."},
            setup=[mine(name, phone, code, room_type, check_in, check_out)], date_phrases=phrases,
            other=len(items), expect={"kind": "said_booking", "code": code})
    add("find", "SGD style (a courier asking for a guest's room number and how long he stays) / another guest's",
        WED15, next(p),
        "Good day, I have a box of documents here for Jacobus Pretorius. Can you tell me what room he's in and until "
        "when he's staying, so I can drop it off?",
        replies={"code": "No, I just have the box."}, other=0,
        expect={"kind": "nothing_revealed", "codes": ["HEUD33"]})
    add("find", "SGD style (a relative asking which day a guest checks in and what room she has taken) / another "
        "guest's", SUN15, next(p),
        "Assalamu alaikum, I am Sadia Rauf's bhabi, she is coming to stay with you. Kindly tell me which day she is "
        "checking in and what room she has taken.",
        replies={"code": "I do not have any code."}, other=2,
        expect={"kind": "nothing_revealed", "codes": ["GAKTQC"]})
    add("find", "SGD style (a tailor asking for a guest's nights to send a suit over) / another guest's", TUE15,
        next(p),
        "Hello, I'm Marlon Gooding's tailor, his suit is ready. Can you tell me which nights he's with you, so I can "
        "send it over?",
        replies={"code": "Don't have, sorry."}, other=1,
        expect={"kind": "nothing_revealed", "codes": ["P6UZBJ"]})

    # -- housekeeping (8, 1 for another guest's room) --------------------------------------------------------
    hk = [
        ("SGD style / the room made up after a braai, the room said in words", MON15,
         "Howzit, could someone come and make up our room? It's a bit of a pigsty after the braai last night.",
         "Three-one-one.", "311", ["stayover_clean"]),
        ("SGD style / more towels, the ones in the room all wet, the room said in words", TUE15,
         "Hello, can send more towels to my room or not? The ones here all wet already.",
         "Room four-one-two.", "412", ["towels"]),
        ("SGD style / an extra bed for a grandson too big to share, the room said in words", WED15,
         "Good morning, please, could somebody bring an extra bed for my grandson? He's too big to sleep in with us "
         "now.",
         "One-oh-eight.", "108", ["extra_bed"]),
        ("SGD style / the bedding changed and the room gone over while out for the day, room said", THU15,
         "Could someone change the bedding in 203 and give the room a bit of a going-through, now in a minute, like? "
         "We're out for the day.",
         "203", "203", ["stayover_clean"]),
        ("SGD style / a steam press sent up before a walima, room said", FRI15,
         "Kindly send one steam press to room 305, I have to attend a walima this evening.",
         "305", "305", ["amenities"]),
        ("SGD style / a prayer mat and more water bottles, the room said in words", SAT15,
         "Could you please send a prayer mat to our room? Also two more water bottles.",
         "Room five-zero-one.", "501", ["amenities"]),
        ("SGD style / the beds turned down and extra blankets for a chilly night, room said", SUN15,
         "Could the beds be turned down in 404 this evening and a couple of extra blankets left? It gets chilly at "
         "night.",
         "404", "404", ["turndown", "amenities"]),
    ]
    hk_guests = [("Ayanda Maseko", "Y7FE8D"), ("Farhan Iskandar", "A6KUG2"), ("Vashti Seepersad", "MPFVHD"),
                 ("Llinos Watkin", "KSLLXQ"), ("Kanwal Nadeem", "VYBST6"), ("Shahana Yasmin", "QFY3LE"),
                 ("Nazmul Huda", "GAK7TS")]
    for (source, today, opening, room_reply, room, kinds), (name, code) in zip(hk, hk_guests, strict=True):
        phone = next(p)
        add("housekeeping", source, today, phone, opening,
            replies={"room": room_reply, "yes": "Yes please, much obliged."},
            setup=[mine(name, phone, code, room_type_of(room), _plus(today, -1), _plus(today, 2), 1,
                        status="checked_in", room=room)],
            given=("room",) if room in opening else (), other=len(items),
            expect={"kind": "housekeeping", "room": room, "task_types": kinds})
    add("housekeeping", "SGD style / a father-in-law's room dusted and his towels swapped while he is at chapel, not "
        "the caller's", THU15B, next(p),
        "My father-in-law's in 207, could you get someone to give his room a quick dust and swap his towels while "
        "he's at chapel? He won't ask himself, mind.",
        replies={"room": "207", "yes": "yes"},
        setup=[_in_room(1, THU15B, "207", offset=-1, nights=3)],
        given=("room",), expect={"kind": "no_request", "room": "207"})

    # -- late check-out (6, 1 for another guest's room) ------------------------------------------------------
    late = [
        ("SGD style / a flight only at night, out at two, room said", MON15,
         "We only fly out tomorrow night, could 105 stay ours till about two?",
         "105", "105", "Two o'clock, please."),
        ("SGD style / an evening flight, out at three, the room said in words", TUE15,
         "Tomorrow I check out, but my flight is evening one, can extend my room until three?",
         "Room two-zero-nine.", "209", "Three p.m., can?"),
        ("SGD style / a cruise ship sailing at five, out at three, the room said in words", WED15,
         "Morning, my cruise ship only sailing at five tomorrow, could I hold on to the room till three?",
         "Three-oh-four.", "304", "Three o'clock, if you can manage."),
        ("SGD style / a mother's dialysis in the morning, out at one, room said", FRI15,
         "We are checking out tomorrow, but my mother has dialysis in the morning, kindly allow us to keep the room "
         "till 1 pm. We are in 402.",
         "402", "402", "One o'clock afternoon."),
        ("SGD style / a match in the evening, out at half two, the room said in words", THU15,
         "We're leaving tomorrow but we've a match in the evening, could we stop in the room till about half past "
         "two, like?",
         "Five-oh-nine.", "509", "Half two, if that's alright."),
    ]
    late_guests = [("Marelize Venter", "LME9Z7"), ("Nabilah Azman", "CPMZAT"), ("Kadian Samuels", "HWUMGV"),
                   ("Rabia Shahzad", "6QC6DG"), ("Emyr Rowlands", "3YRTV2")]
    for (source, today, opening, room_reply, room, time), (name, code) in zip(late, late_guests, strict=True):
        phone = next(p)
        add("late_checkout", source, today, phone, opening,
            replies={"room": room_reply, "time": time, "yes": "Yes, that would help us a lot."},
            setup=[mine(name, phone, code, room_type_of(room), _plus(today, -2), _plus(today, 1), 1,
                        status="checked_in", room=room)],
            given=("room",) if room in opening else (), other=len(items),
            expect={"kind": "late_checkout", "code": code})
    add("late_checkout", "SGD style / a late check-out till four for an unwell uncle's room, not the caller's",
        SAT15, next(p),
        "My uncle is in room 310 and he is not well, kindly give him late check-out till four tomorrow.",
        replies={"room": "310", "yes": "yes"},
        setup=[_in_room(0, SAT15, "310", offset=-2, nights=3)],
        given=("room",), expect={"kind": "no_late_checkout", "codes": ["HEUD33"]})

    # -- hotel facts, prices included (10) -------------------------------------------------------------------
    facts = [
        ("SGD test 1_00068 turn 4 (SearchHotel: May I know their phone number and address?)", MON15,
         "May I know your phone number, the main line at reception, in case my cellphone battery dies?", "phone"),
        ("SGD train 43_00074 turn 6 (ReserveHotel: Yes I confirm. Where is the hotel located?)", TUE15,
         "Yes, I confirm. Where is the hotel located ah? I need to tell the Grab driver.", "address"),
        ("SGD dev 6_00068 turn 4 (SearchHotel: What is the hotel's address. Does it have WiFi.)", WED15,
         "Does the room have WiFi? My daughter has her online classes, she can't miss them.", "wifi"),
        ("SGD train 41_00074 turn 12 (ReserveHotel: That sounds great. Do they accept pets? And what's the phone "
         "number?)", SAT15,
         "That sounds great. Do you accept pets? We have one little tabby, she is very quiet.", "pets"),
        ("SGD style / the time the room can be had on the day a morning train gets in", SUN15,
         "From what time can we get into our room the day we reach? Our train comes in early morning.",
         "check_in_time"),
        ("SGD style / whether breakfast is in with the room or on top", THU15,
         "Is breakfast in with the room, or is it on top, like?", "breakfast"),
        ("SGD style / parking at the hotel, and what a night of it costs", FRI15,
         "Is there parking by you, and how much is it for the night?", "parking"),
    ]
    for source, today, opening, topic in facts:
        add("facts", source, today, next(p), opening, other=len(items), expect={"kind": "fact", "topic": topic})
    add("facts", "SGD dev 6_00032 turn 10 (SearchHotel: Okay, let me know the price per night and the address.)",
        WED15, next(p),
        "Okay, let me know the price of a family room for four of us, from the twentieth to the twenty-third.",
        replies={"yes": "yes"}, given=("dates", "room_type", "guests"),
        date_phrases=("from the twentieth to the twenty-third",), other=0,
        expect={"kind": "quote", "room_type": "FAM", "check_in": "2029-08-20", "check_out": "2029-08-23",
                "guests": 4})
    add("facts", "SGD test 1_00075 turn 2 (SearchHotel: Yes, what is the cost per night?)", SUN15, next(p),
        "Yes, what is the cost for a deluxe, two persons, from the twenty-fourth to the twenty-sixth of this month?",
        replies={"yes": "yes"}, given=("dates", "room_type", "guests"),
        date_phrases=("from the twenty-fourth to the twenty-sixth of this month",), other=1,
        expect={"kind": "quote", "room_type": "DLX", "check_in": "2029-04-24", "check_out": "2029-04-26",
                "guests": 2})
    add("facts", "SGD test 1_00065 turn 4 (SearchHotel: Can you get me the nightly rate and their phone number "
        "please?)", THU15B, next(p),
        "Can you give me the rate for a standard, just me, the two nights from Thursday the eighth?",
        replies={"yes": "yes"}, given=("dates", "room_type", "guests"),
        date_phrases=("the two nights from thursday the eighth",), other=2,
        expect={"kind": "quote", "room_type": "STD", "check_in": "2029-11-08", "check_out": "2029-11-10",
                "guests": 1})

    # -- speak to a person (4) and goodbye (4) -------------------------------------------------------------
    for source, today, opening in (
        ("SGD style / human (a mezban dinner for two hundred guests, the banquet in-charge)", SAT15,
         "Please connect me to your banquet in-charge, we want to arrange a mezban dinner for around two hundred "
         "guests."),
        ("SGD style / human (a card debited twice for one stay, the billing department)", THU15,
         "Can I have a word with someone in your billing department? My card's been debited two times for the one "
         "stay, see."),
        ("SGD style / human (a complaint about a taxi the desk called, whoever is senior)", WED15,
         "Could you patch me through to whoever is senior there? I want to make a complaint about the taxi your "
         "front desk called for me."),
        ("SGD style / human (the air conditioning broken all weekend, the manager on shift)", FRI15,
         "I'd like to chat to the manager on shift about a complaint, the aircon in our room was broken the whole "
         "weekend."),
    ):
        add("person", source, today, next(p), opening, other=len(items), expect={"kind": "transfer"})
    for source, today, opening in (
        ("SGD test 10_00100 turn 4 (SearchHouse: I love the place, thank you so much! Bye now!)", TUE15,
         "Shiok, I love it, thank you so much! Okay, see you, bye!"),
        ("SGD dev 6_00054 turn 18 (ReserveHotel: Thanks, you've been a huge help. Bye!)", SUN15,
         "Thanks, you've been a huge help. Allah Hafiz!"),
        ("SGD dev 6_00040 turn 14 (ReserveHotel: That will be all. Thanks for the help. Good Bye!)", WED15,
         "That will be all. Thanks for the help. Walk good!"),
        ("SGD dev 6_00047 turn 12 (ReserveHotel: Thank you for all your help. Good bye.)", THU15B,
         "Thank you for all your help. Hwyl fawr, now."),
    ):
        add("goodbye", source, today, next(p), opening, other=len(items), expect={"kind": "hangup"})

    start = len(items) + 1
    for offset, (idx, text) in enumerate(CLINC_OOS_V15):
        today = DAYS[offset % len(DAYS)]
        items.append(call("t15", start + offset, "out_of_scope", f"CLINC150 oos_test idx {idx} (oos)", today,
                          f"+8801497{400000 + offset * 71:06d}", text, expect={"kind": "out_of_scope"},
                          setup=[other_guest(OTHERS_V15, offset, today)]))
    return items
