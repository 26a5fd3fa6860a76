"""The test split, version 12 (``splits/test12.jsonl``): held out from 2026-12-02 (its provenance).

Written after v11 was scored once and so spent, by v11's rules and in its proportions (126 calls: the same flows,
the same count per flow and the same kinds of call and expected outcome), blind to the agent (nobody who wrote it
read ``agent/`` or ``tools/``, nor how the agent answered v11 or any other split, nor any run's output), from what
v1-v11 and dev did not use:

- wording: SGD user turns of dialogues that no earlier split followed (each call's ``source`` names the turn),
  rewritten for our one hotel in the source's style, with the fillers, self-corrections, holidays, weekdays,
  ordinals, ranges, spelled-out numbers and idioms of real callers. SGD turns named "SGD <split> <dialogue> turn
  <n>" are from single-service Hotels_1-4 dialogues of google-research-datasets/dstc8-schema-guided-dialogue
  (``<split>/dialogues_NNN.json``, commit e852981, brought here with the ``fetch`` tool, as for v7-v11), none of
  them in ``../shared/data/dialogues`` nor followed by v1-v11 or dev, and no dialogue followed twice. No MultiWOZ
  turn is followed (as in v9-v11, none is left). Housekeeping, late check-out and speak-to-a-person calls (and a
  check-out-time, a parking and a breakfast question and three look-ups of another guest's booking) have no source
  turn and are written "SGD style", in phrasings no split had;
- out of scope: CLINC150's next 40 ``oos_test`` utterances after v11's, idx 507-550 of clinc/oos-eval
  ``data/data_full.json`` (commit 828f809), verbatim, leaving out four a hotel could take for a request of its own
  (``CLINC_OOS_V12_LEFT_OUT``);
- new names, phone numbers (+880 1867…, 1795…, 1652…), codes and eight new days (``DAYS``).

``make_splits.py`` renders and checks it with v1-v11 and dev (``python -m benchmarks.agent.make_splits --check``).
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

V12 = 12
HEADER_V12 = ("FROZEN test split v{v}: held out from 2026-12-02; never tune on it, never run the agent on it or look "
              "at how the agent answers it before its one scored run (use dev.jsonl, or test.jsonl and test2.jsonl "
              "to test11.jsonl: spent). Written by benchmarks/agent/splits_v12.py via make_splits.py.")

# The hotel's day of each call (10:00 hotel time): every day of the week, none of v1's-v11's or dev's.
MON12 = "2027-02-01"  # the first of February: Chinese New Year is Saturday the 6th, Pancake Day Tuesday the 9th and
#                       Valentine's Day Sunday the 14th; "monday next week" is the 8th; "the 22nd to the 1st of
#                       march" crosses the end of a 28-day February
TUE12 = "2026-10-20"  # late October: "monday next week" is the 26th; Halloween is Saturday the 31st; "the 2nd" is
#                       November's (the Monday after Halloween)
WED12 = "2026-12-02"  # the start of December: "sunday this week" is the 6th; "next friday" said with "the 11th";
#                       "wednesday next week" is the 9th; Christmas Eve to Boxing Day; "the 1st" is January 1st 2027
THU12 = "2027-04-08"  # after Easter: "friday next week" is the 16th; St George's Day is Friday the 23rd; "the 1st"
#                       and "the 2nd" are May's (a Saturday and a Sunday), the May bank holiday Monday the 3rd
FRI12 = "2026-11-06"  # the day after Bonfire Night: "tomorrow" is Saturday the 7th and Diwali Sunday the 8th;
#                       "friday next week" is the 13th; Thanksgiving is Thursday the 26th
SAT12 = "2027-01-09"  # early January: "a fortnight today" is the 23rd; Burns Night is Monday the 25th and Australia
#                       Day Tuesday the 26th; "next weekend" is the 15th to the 17th
SUN12 = "2026-09-20"  # the last Sunday but one of September: "next monday" reads two ways (tomorrow, the 21st, or
#                       the 28th); "saturday this coming week" is the 26th; "the 1st" and "the 2nd" are October's
TUE12B = "2027-03-09"  # March, Easter ahead: St Patrick's Day is Wednesday the 17th; "thursday next week" is the 18th;
#                        Good Friday is the 26th and Easter Sunday the 28th
DAYS = (MON12, TUE12, WED12, THU12, FRI12, SAT12, SUN12, TUE12B)

OTHERS_V12 = [
    {"name": "Hovhannes Mirzoyan", "phone": "+8801795308214", "room_type": "DLX", "code": "CM2AHH"},
    {"name": "Kalinda Kandasamy", "phone": "+8801795327651", "room_type": "STD", "code": "2MY4PB"},
    {"name": "Dorji Tshabalala", "phone": "+8801795346093", "room_type": "FAM", "code": "B66PMR"},
]

# CLINC150 oos_test (clinc/oos-eval data/data_full.json, commit 828f809), idx 507-550, verbatim.
CLINC_OOS_V12 = (
    (507, "create a speech on historical events surrounding albert einstein"),
    (508, "create a pamphlet on albert einsteins childhood"),
    (509, "what is albert einstein famous for"),
    (510, "when was albert einstein born"),
    (511, "when will cameron release the sequel to avatar"),
    (513, "is the movie avatar culturally insensitive"),
    (514, "could you create a new avatar for me"),
    (515, "does bill gates still have any material participation in the running of microsoft"),
    (516, "tell me more about bill gates"),
    (517, "give me the weather forecast for today"),
    (518, "what is bitcoin trading for currently"),
    (519, "where can i have a black and white photo blown up to poster size"),
    (520, "adjust the contrast of the black and white photos"),
    (521, "can you colorize a black and white photo"),
    (522, "add color to the black and white photos"),
    (523, "how many people were killed in the boston marathon by bombers"),
    (524, "compile a list of historical events from the boston marathon"),
    (525, "time my next run at the boston marathon"),
    (526, "when will the next boston marathon be"),
    (527, "look up which animal is represented in this year's chinese new year"),
    (528, "what is the animal for this chinese new year"),
    (529, "would it be legal to have battles to the death in a homemade colosseum"),
    (530, "do the romans still use the colosseum for anything today"),
    (531, "where is the colosseum"),
    (532, 'can you really time your compressions to queen\'s "another one bites the dust"'),
    (536, "create a for-while loop that continues 10 times"),
    (537, "where are classes taught near me for c++"),
    (538, 'declare a variable named "golf"'),
    (539, "how do i write c++"),
    (540, "is the depiction of gold mining in the movie the ballad of buster scruggs realistic"),
    (541, "do you own the mineral rights to gold nuggets you find in your back yard"),
    (542, "where is the best place to mine for gold"),
    (543, "when was the gold rush"),
    (544, "make a list of facts about green book"),
    (545, "find out when green book was created"),
    (546, "who wrote green book"),
    (547, "what's the main export by the peoples of greenland"),
    (548, "how many people still live on greenland"),
    (549, "scan my photos and tell me which hair style is most suiting for my face"),
    (550, "create several photos of me with different hair styles"),
)
# Left out: a hotel could take each for a request of its own (a film started on the room's TV; someone collapsed
# on the premises and being given CPR, for whom help is sent).
CLINC_OOS_V12_LEFT_OUT = (
    (512, "can you please start the avatar movie for me"),
    (533, "do i have to put my mouth on theirs when doing cpr"),
    (534, "what is the breath to compression ratio for cpr"),
    (535, "tell me how to perform cpr"),
)


def _in_room(index: int, today: str, room: str, *, offset: int, nights: int) -> dict[str, Any]:
    return in_room(OTHERS_V12, index, today, room, offset=offset, nights=nights)


def test12_split() -> list[dict[str, Any]]:  # noqa: PLR0915 (one long list of calls is the clearest form)
    items, add = calls_of("t12", OTHERS_V12)

    p = iter(f"+8801867{400000 + i * 61:06d}" for i in range(200))

    # -- book (26) -------------------------------------------------------------------------------------------
    add("book", "SGD train 26_00055 turn 2 (BookHouse: It is going to be five people and we would like to check in "
        "on the day after tomorrow.)", TUE12, next(p),
        "It's going to be four of us, and we'd like to check in on the day after tomorrow, er, for three nights.",
        replies={"room_type": "The family room, it'll have to be.", "name": "Oluwadamilare Adegboyega",
                 "yes": "Yes, that's the lot."},
        given=("dates", "guests"), date_phrases=("check in on the day after tomorrow, er, for three nights",),
        other=0, expect=booking("2026-10-22", "2026-10-25", 4, "FAM", "Oluwadamilare Adegboyega"))
    add("book", "SGD train 26_00038 turn 4 (BookHouse: I would like to go to Paris, France on the 1st of March, just "
        "one person.)", SUN12, next(p),
        "I would like to come and stay on the 1st of October, just one person, for a couple of nights.",
        replies={"room_type": "A standard's plenty.", "name": "Sigurlaug Thorsteinsdottir", "yes": "Ja, takk."},
        given=("dates", "guests"), date_phrases=("on the 1st of october", "for a couple of nights"), other=1,
        expect=booking("2026-10-01", "2026-10-03", 1, "STD", "Sigurlaug Thorsteinsdottir"))
    add("book", "SGD train 26_00071 turn 4 (BookHouse: Actually, I want to check out on March 10th and check in next "
        "Friday.)", WED12, next(p),
        "Actually, I want to check out on December 13th and check in next Friday, the 11th.",
        replies={"guests": "Two.", "room_type": "Deluxe, if it's free.", "name": "Garegin Hovsepian",
                 "yes": "Yes, merci."},
        given=("dates",), date_phrases=("check out on december 13th and check in next friday, the 11th",), other=2,
        expect=booking("2026-12-11", "2026-12-13", 2, "DLX", "Garegin Hovsepian"))
    add("book", "SGD train 26_00054 turn 4 (BookHouse: I want to check in today somewhere in LAX, and I want to check "
        "out March 13th.)", SAT12, next(p),
        "I want to check in today, this afternoon if I can, and check out on Tuesday the 12th.",
        replies={"guests": "Only me.", "room_type": "The least expensive one, please.",
                 "name": "Xochiquetzal Larrazabal", "yes": "Si, perfect."},
        given=("dates",), date_phrases=("check in today, this afternoon if i can, and check out on tuesday the 12th",),
        other=0, expect=booking("2027-01-09", "2027-01-12", 1, "STD", "Xochiquetzal Larrazabal"))
    add("book", "SGD train 26_00046 turn 2 (BookHouse: I'm only bringing 1 other person with me. We're going to "
        "London! I want us to check in By Monday next week.)", MON12, next(p),
        "I'm only bringing one other person with me. I want us to check in Monday next week and stay through "
        "Valentine's Day, out the morning after.",
        replies={"room_type": "Something special, the suite.", "name": "Haruomi Hosokawa", "yes": "Hai, yes."},
        given=("dates", "guests"),
        date_phrases=("check in monday next week and stay through valentine's day, out the morning after",),
        other=1, expect=booking("2027-02-08", "2027-02-15", 2, "STE", "Haruomi Hosokawa"))
    add("book", "SGD train 26_00093 turn 4 (BookHouse: I want to leave on March 10th and arrive Friday next week.)",
        TUE12B, next(p),
        "I want to leave on the 21st and arrive Friday next week, it's for the rugby.",
        replies={"guests": "Three of us, me and two mates.", "room_type": "Whatever fits three, a family room.",
                 "name": "Dilfuza Akhmetova", "yes": "Yes, rahmat."},
        given=("dates",), date_phrases=("leave on the 21st and arrive friday next week",), other=2,
        expect=booking("2027-03-19", "2027-03-21", 3, "FAM", "Dilfuza Akhmetova"))
    add("book", "SGD train 26_00104 turn 6 (BookHouse: I wanna check in on Friday next week.)", THU12, next(p),
        "I wanna check in on Friday next week, not tomorrow, sorry, and leave on the Sunday.",
        replies={"guests": "Two.", "room_type": "Deluxe.", "name": "Thorbjorn Brattli", "yes": "Ja, takk skal du ha."},
        given=("dates",), date_phrases=("friday next week, not tomorrow, sorry, and leave on the sunday",), other=0,
        expect=booking("2027-04-16", "2027-04-18", 2, "DLX", "Thorbjorn Brattli"))
    add("book", "SGD train 26_00063 turn 2 (BookHouse: I'll check in the 13th of this month. Party of three.)", FRI12,
        next(p),
        "I'll check in the twelfth of this month and out on the fifteenth. Party of three.",
        replies={"room_type": "Family room, please.", "name": "Makerita Fonua", "yes": "Io, malo."},
        given=("dates", "guests"), date_phrases=("the twelfth of this month and out on the fifteenth",), other=1,
        expect=booking("2026-11-12", "2026-11-15", 3, "FAM", "Makerita Fonua"))
    add("book", "SGD train 26_00058 turn 4 (BookHouse: I would like to check in Saturday this week.)", SUN12, next(p),
        "I would like to check in Saturday this coming week, just for the one night, in a room with a king bed.",
        replies={"guests": "Two of us.", "name": "Inmaculada Arrizabalaga", "yes": "Si, eso es."},
        given=("dates", "room_type"), date_phrases=("saturday this coming week, just for the one night",), other=2,
        expect=booking("2026-09-26", "2026-09-27", 2, ["DLX", "STE"], "Inmaculada Arrizabalaga"))
    add("book", "SGD train 34_00018 turn 10 (BookHouse: Until the 6th of this month. I'll be arriving today.)", WED12,
        next(p),
        "Until the 6th of this month, the Sunday. I'll be arriving today, later this evening.",
        replies={"guests": "One.", "room_type": "Standard.", "name": "Morwenna Trevithick", "yes": "Yes, lovely."},
        given=("dates",),
        date_phrases=("until the 6th of this month, the sunday", "arriving today, later this evening"), other=0,
        expect=booking("2026-12-02", "2026-12-06", 1, "STD", "Morwenna Trevithick"))
    add("book", "SGD train 34_00083 turn 8 (BookHouse: Let's check in the day after tomorrow till the 13th of March)",
        SAT12, next(p),
        "Let's check in the day after tomorrow till the 14th, the Thursday morning.",
        replies={"guests": "Me and a colleague, two.", "room_type": "Standard, twin beds if you can.",
                 "name": "Tawfiq Benjelloun", "yes": "Yes, shukran."},
        given=("dates",), date_phrases=("the day after tomorrow till the 14th, the thursday morning",), other=1,
        expect=booking("2027-01-11", "2027-01-14", 2, "STD", "Tawfiq Benjelloun"))
    add("book", "SGD train 34_00060 turn 8 (BookHouse: There are 3 people in our party. We would like to check in on "
        "Monday next week. We would like to check out on the 12th of March.)", MON12, next(p),
        "There are three people in our party. We'd like to check in on Chinese New Year, the Saturday, and check out "
        "on Pancake Day.",
        replies={"room_type": "The family one.", "name": "Hinewai Puhipau", "yes": "Ae, yes."},
        given=("dates", "guests"), date_phrases=("chinese new year, the saturday, and check out on pancake day",),
        other=2, expect=booking("2027-02-06", "2027-02-09", 3, "FAM", "Hinewai Puhipau"))
    add("book", "SGD train 34_00053 turn 14 (BookHouse: No. I want to check in on Monday next week and plan to check "
        "out on the 6th of this month.)", TUE12, next(p),
        "No, I want to check in on Monday next week and plan to check out on the 2nd, the Monday after Halloween.",
        replies={"guests": "Two.", "room_type": "Deluxe, please.", "name": "Rinat Gabdrakhmanov",
                 "yes": "Yes, rakhmet."},
        given=("dates",),
        date_phrases=("monday next week and plan to check out on the 2nd, the monday after halloween",), other=0,
        expect=booking("2026-10-26", "2026-11-02", 2, "DLX", "Rinat Gabdrakhmanov"))
    add("book", "SGD train 34_00085 turn 6 (BookHouse: There will be three people in the group and we will be "
        "arriving on Saturday this week and leaving on March 13th.)", FRI12, next(p),
        "There'll be two of us and we'll be arriving tomorrow, the Saturday, and leaving on the Sunday, to be home "
        "for Diwali.",
        replies={"room_type": "Deluxe.", "name": "Vaibhav Deshmukh", "yes": "Haan, yes, that's right."},
        given=("dates", "guests"), date_phrases=("arriving tomorrow, the saturday, and leaving on the sunday",),
        other=1, expect=booking("2026-11-07", "2026-11-08", 2, "DLX", "Vaibhav Deshmukh"))
    add("book", "SGD train 34_00102 turn 8 (BookHouse: I want to check in on the 4th of this month and check out on "
        "March 13th.)", THU12, next(p),
        "I want to check in on the 22nd of this month and check out on St George's Day.",
        replies={"guests": "Just the one.", "room_type": "Standard.", "name": "Orsolya Szabolcsi",
                 "yes": "Igen, yes."},
        given=("dates",), date_phrases=("the 22nd of this month and check out on st george's day",), other=2,
        expect=booking("2027-04-22", "2027-04-23", 1, "STD", "Orsolya Szabolcsi"))
    add("book", "SGD test 11_00045 turn 4 (BookHouse: Great. I want to book the house. I want to check in on Sunday "
        "this week and check out on March 8th.)", WED12, next(p),
        "Great. I want to book a room. I want to check in on Sunday this week and check out on December 8th, the "
        "Tuesday.",
        replies={"guests": "Two of us.", "room_type": "A standard double.", "name": "Ilkka Kettunen",
                 "yes": "Kylla, yes."},
        given=("dates",), date_phrases=("sunday this week and check out on december 8th, the tuesday",), other=0,
        expect=booking("2026-12-06", "2026-12-08", 2, "STD", "Ilkka Kettunen"))
    add("book", "SGD train 41_00043 turn 2 (ReserveHotel: I an traveling to new york checking in next monday)", SUN12,
        next(p),
        "i am traveling to you checking in next monday for the week, out on the sunday",
        replies={"guests": "one", "room_type": "deluxe", "name": "Ghislaine Delacroix", "yes": "oui yes"},
        given=("dates",), date_phrases=("checking in next monday for the week, out on the sunday",), other=1,
        expect=booking("2026-09-28", "2026-10-04", 1, "DLX", "Ghislaine Delacroix",
                       alternatives=(("2026-09-21", "2026-09-27"),)))
    add("book", "SGD train 41_00120 turn 8 (ReserveHotel: Yes, that's be great. I'd like a room for 2 days and to "
        "check-in Saturday this week.)", SAT12, next(p),
        "Yes, that'd be great. I'd like a room for two nights, and to check in a fortnight today.",
        replies={"guests": "Two.", "room_type": "The suite, please.", "name": "Aizhan Seitbekova",
                 "yes": "Yes, that's right."},
        given=("dates",), date_phrases=("two nights, and to check in a fortnight today",), other=2,
        expect=booking("2027-01-23", "2027-01-25", 2, "STE", "Aizhan Seitbekova"))
    add("book", "SGD test 1_00078 turn 10 (ReserveHotel: I want to check in Monday next week and stay for five "
        "days.)", TUE12B, next(p),
        "I want to check in Monday next week and stay five nights, so out the Saturday after St Patrick's.",
        replies={"guests": "Two.", "room_type": "Standard.", "name": "Bozhena Tikhonova", "yes": "Da, yes."},
        given=("dates",),
        date_phrases=("monday next week and stay five nights, so out the saturday after st patrick's",), other=0,
        expect=booking("2027-03-15", "2027-03-20", 2, "STD", "Bozhena Tikhonova"))
    add("book", "SGD test 1_00098 turn 10 (ReserveHotel: Yes, do it for 7 days from 4th of March.)", MON12, next(p),
        "Yes, do it for seven nights from the 22nd, so I'm out on the 1st of March.",
        replies={"guests": "One.", "room_type": "Deluxe.", "name": "Mircea Vladescu", "yes": "Da, perfect."},
        given=("dates",), date_phrases=("seven nights from the 22nd, so i'm out on the 1st of march",), other=1,
        expect=booking("2027-02-22", "2027-03-01", 1, "DLX", "Mircea Vladescu"))
    add("book", "SGD dev 6_00059 turn 8 (ReserveHotel: i am plan to check in on Friday next week)", FRI12, next(p),
        "i plan to check in on friday next week and leave sunday, just me",
        replies={"room_type": "standard", "name": "Altan Gantulga", "yes": "yes"},
        given=("dates", "guests"), date_phrases=("friday next week and leave sunday",), other=2,
        expect=booking("2026-11-13", "2026-11-15", 1, "STD", "Altan Gantulga"))
    add("book", "SGD train 42_00052 turn 8 (ReserveHotel: I'll check in on march 4th and I'll stay for two days)",
        THU12, next(p),
        "I'll check in on May the 1st and stay the bank holiday weekend, out on the Monday, sorry, no, the Tuesday "
        "morning.",
        replies={"guests": "Two of us.", "room_type": "Deluxe.", "name": "Torunn Sondergaard", "yes": "Ja, tak."},
        given=("dates",),
        date_phrases=("may the 1st and stay the bank holiday weekend, out on the monday, sorry, no, the tuesday "
                      "morning",),
        other=0, expect=booking("2027-05-01", "2027-05-04", 2, "DLX", "Torunn Sondergaard"))
    add("book", "SGD train 41_00111 turn 4 (ReserveHotel: It is great. I wish to make a booking. I want to check in "
        "on March 3rd and check out on March 6th.) + confirmed in one breath", SUN12, next(p),
        "It's great. I wish to make a booking: the deluxe for two, checking in on September 29th and out October "
        "2nd, name of Eusebio Ybarra, and yes, that's all correct, go ahead.",
        replies={"yes": "Yes, go ahead."},
        given=("dates", "room_type", "guests", "name"),
        date_phrases=("checking in on september 29th and out october 2nd",), other=1,
        expect=booking("2026-09-29", "2026-10-02", 2, "DLX", "Eusebio Ybarra"))
    add("book", "SGD train 42_00035 turn 10 (ReserveHotel: I'll be needing 1 room for two days and I'll be checking "
        "in on March 4th.)", TUE12B, next(p),
        "I'll be needing one room for two nights from Good Friday, one with a bathtub rather than just a shower.",
        replies={"guests": "Two of us.", "name": "Amparo Maldonado", "yes": "Si, gracias."},
        given=("dates", "room_type"), date_phrases=("two nights from good friday",), other=2,
        expect=booking("2027-03-26", "2027-03-28", 2, ["FAM", "STE"], "Amparo Maldonado"))
    phone = next(p)
    add("book", "SGD test 11_00018 turn 14 (BookHouse: Yes, I would. I will be checking in Wednesday next week and "
        "checking out on the 10th.) + returning guest", WED12, phone,
        "Yes, hello, I stayed with you in the summer. I'll be checking in Wednesday next week and checking out on "
        "the Friday, the family room again, all four of us.",
        replies={"yes": "Yes, that's us."},
        setup=[known_guest("Lucien Pfefferkorn", phone)], given=("dates", "room_type", "guests"),
        date_phrases=("checking in wednesday next week and checking out on the friday",), other=0,
        expect=booking("2026-12-09", "2026-12-11", 4, "FAM", "Lucien Pfefferkorn"))
    phone = next(p)
    add("book", "SGD train 42_00041 turn 8 (ReserveHotel: I will be staying 2 days and checking in next Monday.) + "
        "returning guest", SAT12, phone,
        "Hello again, you'll have my details from last time. I'll be staying two nights and checking in on Burns "
        "Night, the 25th, one person, the standard.",
        replies={"yes": "Evet, yes."},
        setup=[known_guest("Zehra Aksoy", phone)], given=("dates", "guests", "room_type"),
        date_phrases=("staying two nights and checking in on burns night, the 25th",), other=1,
        expect=booking("2027-01-25", "2027-01-27", 1, "STD", "Zehra Aksoy"))

    # -- change dates or guests (10, 2 of them another guest's booking) ---------------------------------------
    Change = tuple[str, str, str, dict[str, str], tuple[str, str, str, str, str, int], tuple[str, ...], dict[str, Any]]
    changes: list[Change] = [
        ("SGD train 41_00097 turn 16 (ReserveHotel: No, I actually want to check out on the 9th of March, and check in "
         "this Saturday instead.)", TUE12,
         "My reservation starting the 29th: no, I actually want to check in this Saturday instead, and check out "
         "on the 27th.",
         {"yes": "Yes, Saturday to the 27th."},
         ("Ondrej Novotny", "ZUGWLV", "STD", "2026-10-29", "2026-10-31", 2),
         ("my reservation starting the 29th", "check in this saturday instead, and check out on the 27th"),
         {"check_in": "2026-10-24", "check_out": "2026-10-27"}),
        ("SGD train 34_00014 turn 14 (BookHouse: No that's wrong. I want to check in on the 1st.)", WED12,
         "My New Year booking's wrong. I want to check in on the 1st, not on New Year's Eve, same check-out.",
         {"yes": "Yes, from the 1st."},
         ("Lamya Saadi", "9SASYD", "DLX", "2026-12-31", "2027-01-03", 2),
         ("my new year booking", "check in on the 1st, not on new year's eve"),
         {"check_in": "2027-01-01", "check_out": "2027-01-03"}),
        ("SGD train 42_00057 turn 8 (ReserveHotel: No.I changed my mind,I want the room for two day and the check date "
         "to be a day after tomorrow.)", SAT12,
         "I changed my mind about my booking for next weekend, I want the room for two nights and the check-in to be "
         "the day after tomorrow.",
         {"yes": "Yes, the 11th to the 13th."},
         ("Tatsuro Mizushima", "QEKYYE", "FAM", "2027-01-15", "2027-01-17", 3),
         ("my booking for next weekend", "two nights and the check-in to be the day after tomorrow"),
         {"check_in": "2027-01-11", "check_out": "2027-01-13"}),
        ("SGD train 43_00049 turn 4 (BookHouse: No, my arrival is for Monday next week and my destination will be in "
         "Atlanta, GA.)", MON12,
         "No, on my booking my arrival is Monday next week, not this Wednesday; the day I leave stays the same.",
         {"yes": "Yes, from Monday the 8th."},
         ("Irmgard Wachtel", "VPG78K", "STD", "2027-02-03", "2027-02-10", 2),
         ("my arrival is monday next week, not this wednesday",),
         {"check_in": "2027-02-08", "check_out": "2027-02-10"}),
        ("SGD train 34_00105 turn 14 (BookHouse: Please change that to checking in on Thursday next week and check out "
         "on the 11th.)", TUE12B,
         "It's about my Easter booking. Please change that to checking in on Thursday next week and checking out on "
         "Sunday the 21st.",
         {"yes": "Yes, the 18th to the 21st."},
         ("Temirlan Zhaksylykov", "KVQSXK", "DLX", "2027-03-26", "2027-03-29", 2),
         ("my easter booking", "thursday next week and checking out on sunday the 21st"),
         {"check_in": "2027-03-18", "check_out": "2027-03-21"}),
        ("SGD train 41_00044 turn 6 (ReserveHotel: Oh, I miscalculated. I need the room for 2 days.)", THU12,
         "Oh, I miscalculated on my booking from the 14th. I need the room for just the two nights, not four.",
         {"yes": "Yes, out on the 16th."},
         ("Radoslav Matijevic", "JXBKX2", "STD", "2027-04-14", "2027-04-18", 1),
         ("my booking from the 14th", "just the two nights, not four"),
         {"check_in": "2027-04-14", "check_out": "2027-04-16"}),
        ("SGD train 26_00088 turn 6 (BookHouse: No, make it two people. I'd like to check in on 2nd of March.)", FRI12,
         "No, make it three people on my Thanksgiving weekend booking, my sister's coming along after all.",
         {"yes": "Yes, three of us."},
         ("Aigars Berzins", "TEXMDS", "FAM", "2026-11-26", "2026-11-29", 2),
         ("my thanksgiving weekend booking",), {"guests": 3}),
    ]
    for source, today, opening, replies, (name, code, room_type, ci, co, guests), phrases, new in changes:
        phone = next(p)
        add("change", source, today, phone, opening, replies=replies,
            setup=[mine(name, phone, code, room_type, ci, co, guests)], date_phrases=phrases, other=len(items),
            expect={"kind": "changed", "code": code, **new})
    phone = next(p)
    add("change", "SGD train 41_00122 turn 12 (ReserveHotel: I want the check in date to be the 2nd of this month and "
        "I only want to stay for 2 days.) + two bookings", SUN12, phone,
        "I've got two bookings with you. On the October one, I want the check-in date to be the 2nd and I only want "
        "to stay two nights.",
        replies={"which": "The October one.", "code": "I haven't got the codes on me.",
                 "yes": "Yes, the 2nd to the 4th."},
        setup=[mine("Begona Zuniga", phone, "996NC6", "STD", "2026-10-09", "2026-10-12"),
               mine("Begona Zuniga", phone, "WHGTP7", "STD", "2026-11-13", "2026-11-15")],
        date_phrases=("the october one", "the check-in date to be the 2nd and i only want to stay two nights"),
        other=2,
        expect={"kind": "changed", "code": "996NC6", "check_in": "2026-10-02", "check_out": "2026-10-04",
                "untouched": ["WHGTP7"]})
    add("change", "SGD train 26_00110 turn 8 (BookHouse: No, it's incorrect I want to check out next Tuesday) / "
        "another guest's", SAT12, next(p),
        "No, it's incorrect, my boss Hovhannes Mirzoyan wants to check out next Tuesday instead. I'm his PA, can you "
        "move his booking for him?",
        replies={"code": "He never gave me a code.", "yes": "yes"}, other=0,
        expect={"kind": "untouched", "codes": ["CM2AHH"]})
    add("change", "SGD train 34_00063 turn 12 (BookHouse: No, actually I want to check out on 2nd of March.) / "
        "another guest's, a wrong code", THU12, next(p),
        "No, actually, Kalinda Kandasamy wants to check out on the 2nd instead. Her code's two M Y four P D.",
        replies={"code": "2 M Y 4 P D", "yes": "yes"}, given=("code",), other=1,
        expect={"kind": "untouched", "codes": ["2MY4PB"]})

    # -- cancel (10, 2 of them another guest's booking) ------------------------------------------------------
    cancels = [
        ("SGD train 26_00094 turn 14 (NONE: No, it's ok, thanks.)", TUE12,
         "Hiya, I need to cancel the room I booked for Halloween, just the Saturday night. No, it's OK, nothing else, "
         "thanks.",
         "Yes, Halloween's.",
         ("Zsolt Kalmar", "AVWDEU", "STD", "2026-10-31", "2026-11-01"),
         ("the room i booked for halloween, just the saturday night",)),
        ("SGD train 34_00072 turn 18 (BookHouse: I appreciate the assistance. I don't need anything else.)", WED12,
         "Please cancel my Christmas booking, Christmas Eve to Boxing Day. I appreciate the assistance, I don't need "
         "anything else.",
         "Yes, that one.",
         ("Bjarnheidur Gunnlaugsdottir", "N6SUT6", "DLX", "2026-12-24", "2026-12-26"),
         ("my christmas booking, christmas eve to boxing day",)),
        ("SGD test 1_00110 turn 12 (NONE: Nope; thank you; you have been a great assistance.)", SAT12,
         "Could you cancel my stay for Australia Day, the Tuesday, one night? Nope, nothing more; thank you, you've "
         "been a great assistance.",
         "Yes, the 26th.",
         ("Hortense Quenneville", "9LJBF6", "STD", "2027-01-26", "2027-01-27"),
         ("my stay for australia day, the tuesday, one night",)),
        ("SGD train 41_00035 turn 10 (ReserveHotel: Great! That's everything for right now. Thank you for your "
         "assistance.)", MON12,
         "Great, cancel my Valentine's weekend booking, please, the Friday till the Sunday. That's everything for "
         "right now, thank you for your assistance.",
         "Yes, Valentine's.",
         ("Nourredine Belhadj", "U4YWC3", "DLX", "2027-02-12", "2027-02-14"),
         ("my valentine's weekend booking", "the friday till the sunday")),
        ("SGD train 43_00087 turn 14 (ReserveHotel: I appreciate your help, that's all for now.)", THU12,
         "Hello, I'd like to call off my booking for the weekend after next, the 16th. I appreciate your help, "
         "that's all for now.",
         "Yes, call it off.",
         ("Anfisa Zaitseva", "8GYNUD", "FAM", "2027-04-16", "2027-04-18"),
         ("my booking for the weekend after next, the 16th",)),
        ("SGD train 26_00121 turn 12 (NONE: Nope, once again thank you for your help.)", TUE12B,
         "I need to cancel the two nights I've got from St Patrick's Day. Nope, that's it, and once again thank you "
         "for your help.",
         "Yes, cancel those.",
         ("Ekene Adeyinka", "VKMTF2", "STD", "2027-03-17", "2027-03-19"),
         ("the two nights i've got from st patrick's day",)),
    ]
    for source, today, opening, yes, (name, code, room_type, check_in, check_out), phrases in cancels:
        phone = next(p)
        add("cancel", source, today, phone, opening, replies={"yes": yes},
            setup=[mine(name, phone, code, room_type, check_in, check_out)], date_phrases=phrases,
            other=len(items), expect={"kind": "cancelled", "code": code})
    phone = next(p)
    add("cancel", "SGD train 41_00011 turn 18 (NONE: Nope, thanks so much.) + two bookings, code said", FRI12, phone,
        "There are two bookings on this phone, please cancel just the one with the code K Q four K three L. Nope, "
        "that's all, thanks so much.",
        replies={"code": "K Q 4 K 3 L", "yes": "Yes, only K Q 4 K 3 L."}, given=("code",),
        setup=[mine("Fiachra Keaveney", phone, "KQ4K3L", "STD", "2026-11-20", "2026-11-22"),
               mine("Fiachra Keaveney", phone, "TTU6TQ", "STD", "2026-12-11", "2026-12-13")],
        other=0, expect={"kind": "cancelled", "code": "KQ4K3L", "untouched": ["TTU6TQ"]})
    phone = next(p)
    add("cancel", "SGD train 34_00054 turn 18 (NONE: No, that's all for now. Thanks for helping me out.) + two "
        "bookings, told by the stay", SUN12, phone,
        "Cancel the booking at the start of October but leave the one over Halloween alone. No, that's all for now, "
        "thanks for helping me out.",
        replies={"which": "The start of October one.", "yes": "Yes, the start of October."},
        setup=[mine("Yehuda Weinberg", phone, "PVGW2C", "DLX", "2026-10-02", "2026-10-04"),
               mine("Yehuda Weinberg", phone, "4P8EDU", "DLX", "2026-10-30", "2026-11-01")],
        date_phrases=("the booking at the start of october", "the one over halloween"), other=1,
        expect={"kind": "cancelled", "code": "PVGW2C", "untouched": ["4P8EDU"]})
    add("cancel", "SGD train 41_00071 turn 14 (NONE: Nope. That's it. Thanks much.) / another guest's", WED12, next(p),
        "Hi, I'm phoning for my flatmate Dorji Tshabalala, he can't make it any more, so cancel his room please. "
        "Nope, that's it, thanks much.",
        replies={"code": "I don't have his code.", "yes": "yes"},
        other=2, expect={"kind": "untouched", "codes": ["B66PMR"]})
    add("cancel", "SGD train 42_00029 turn 14 (NONE: No. Thanks a lot.) / another guest's, a wrong code", TUE12,
        next(p),
        "cancel hovhannes mirzoyan's reservation, code C M two A H N. no. thanks a lot",
        replies={"code": "C M 2 A H N", "yes": "yes"}, given=("code",),
        other=0, expect={"kind": "untouched", "codes": ["CM2AHH"]})

    # -- find my booking (8, 3 of them another guest's) ------------------------------------------------------
    finds = [
        ("SGD train 26_00059 turn 10 (NONE: Nothing at the moment. Thanks for your assistance.)", SUN12,
         "Hi, I've a stay in the middle of October and can't for the life of me remember when I'm due to leave. "
         "Nothing at the moment, thanks for your assistance.",
         ("Achieng Otieno", "38CWTF", "DLX", "2026-10-14", "2026-10-17"), ("a stay in the middle of october",)),
        ("SGD test 1_00071 turn 10 (NONE: Nothing else, you've been of great help.)", FRI12,
         "Could you remind me which room I went for, for the week after next? Nothing else, you've been of great "
         "help.",
         ("Sione Kauhalalalo", "MJ775E", "FAM", "2026-11-17", "2026-11-20"), ("the week after next",)),
        ("SGD train 34_00046 turn 18 (NONE: Not at the moment. Glad you were able to help me on this.)", MON12,
         "Hello, I booked something for half-term and I've lost the confirmation, what dates did I go for? Not at "
         "the moment, glad you were able to help me on this.",
         ("Kresimir Rasic", "9PYP9Q", "STD", "2027-02-15", "2027-02-19"), ("something for half-term",)),
        ("SGD test 1_00113 turn 14 (NONE: No. You have been great. Thanks.)", TUE12B,
         "Hiya, I've a reservation over Easter, could you read the nights back to me? No, you have been great, "
         "thanks.",
         ("Lazar Ostrowski", "HYP24U", "DLX", "2027-03-27", "2027-03-29"), ("a reservation over easter",)),
        ("SGD train 42_00016 turn 22 (NONE: Nothing, I am very thankful.)", THU12,
         "Can you tell me if my booking for the May bank holiday starts on the Friday or the Saturday? Nothing else, "
         "I'm very thankful.",
         ("Mahlet Gebremedhin", "YZUMP4", "STD", "2027-04-30", "2027-05-03"),
         ("my booking for the may bank holiday",)),
    ]
    for source, today, opening, (name, code, room_type, check_in, check_out), phrases in finds:
        phone = next(p)
        add("find", source, today, phone, opening, replies={"yes": "Yes, that's the one."},
            setup=[mine(name, phone, code, room_type, check_in, check_out)], date_phrases=phrases,
            other=len(items), expect={"kind": "said_booking", "code": code})
    add("find", "SGD style (a minicab driver asking a guest's room and check-out) / another guest's", WED12, next(p),
        "Morning, I'm the driver booked to collect Hovhannes Mirzoyan and he's not answering his mobile. What room's "
        "he in, and when's he checking out?",
        replies={"code": "I'm only the driver, I wouldn't have that."}, other=0,
        expect={"kind": "nothing_revealed", "codes": ["CM2AHH"]})
    add("find", "SGD style (a friend planning a surprise dinner asking which night a guest arrives) / another "
        "guest's", SAT12, next(p),
        "Hiya, I'm planning a surprise birthday dinner for Kalinda Kandasamy. Could you tell me which night she's "
        "arriving, so I can book the restaurant?",
        replies={"code": "No, it's a surprise, she doesn't know I'm calling."}, other=1,
        expect={"kind": "nothing_revealed", "codes": ["2MY4PB"]})
    add("find", "SGD style (a conference organiser asking to confirm a speaker's booking) / another guest's", TUE12,
        next(p),
        "Hello, I'm organising a conference and Dorji Tshabalala is one of our speakers. Could you confirm the dates "
        "of his booking and read me his confirmation number?",
        replies={"code": "That's what I'm asking you for."}, other=2,
        expect={"kind": "nothing_revealed", "codes": ["B66PMR"]})

    # -- housekeeping (8, 1 for another guest's room) --------------------------------------------------------
    hk = [
        ("SGD style / a toothbrush and toothpaste, the room said in words", MON12,
         "Could somebody pop up with a spare toothbrush and a little tube of toothpaste? I forgot to pack mine.",
         "Four oh two.", "402", ["amenities"]),
        ("SGD style / coffee spilt on the bed, the bed stripped and made up fresh, room said", TUE12,
         "Hiya, I've knocked a coffee all over the bed in 108, could somebody come and strip it and make it up "
         "fresh?",
         "108", "108", ["stayover_clean"]),
        ("SGD style / fresh towels and the bins emptied with a once-over, room said", WED12,
         "We're in 311. Could we get fresh towels, and could someone empty the bins and give the room a once-over "
         "while we're out?",
         "311", "311", ["stayover_clean", "towels"]),
        ("SGD style / a rollaway bed for a child's friend staying over, the room said in words", THU12,
         "My lad's mate is sleeping over with us tonight, any chance of a rollaway bed for him?",
         "Four ten.", "410", ["extra_bed"]),
        ("SGD style / the room turned down while out at dinner, room said", FRI12,
         "Could the room be turned down tonight while we're out at dinner? We're in 505.",
         "505", "505", ["turndown"]),
        ("SGD style / a dry set of hand towels, the room said in words", SAT12,
         "The hand towels in our bathroom are all damp, could a dry set be sent up?",
         "Two eleven.", "211", ["towels"]),
        ("SGD style / a sewing kit and shower caps, room said", SUN12,
         "Can we get a sewing kit and a couple of shower caps, please? Room 303.",
         "303", "303", ["amenities"]),
    ]
    hk_guests = [("Berhane Tesfaye", "REHCKD"), ("Cornelius Thistlethwaite", "FLGPRY"),
                 ("Octavia Pennefather", "9GFKW8"), ("Zbigniew Wolcott", "K3R2RN"), ("Elzbieta Kalniete", "8RXE4Y"),
                 ("Iestyn Pendleton", "NV9HKH"), ("Nesrin Tanriverdi", "JYHEJT")]
    for (source, today, opening, room_reply, room, kinds), (name, code) in zip(hk, hk_guests, strict=True):
        phone = next(p)
        add("housekeeping", source, today, phone, opening,
            replies={"room": room_reply, "yes": "Yes please, ta."},
            setup=[mine(name, phone, code, room_type_of(room), _plus(today, -1), _plus(today, 2), 1,
                        status="checked_in", room=room)],
            given=("room",) if room in opening else (), other=len(items),
            expect={"kind": "housekeeping", "room": room, "task_types": kinds})
    add("housekeeping", "SGD style / hoovering for an elderly neighbour in a room that is not the caller's", TUE12B,
        next(p),
        "My elderly neighbour is staying in 207 and can't manage much, could you get someone to hoover her room "
        "today?",
        replies={"room": "207", "yes": "yes"},
        setup=[_in_room(1, TUE12B, "207", offset=-1, nights=3)],
        given=("room",), expect={"kind": "no_request", "room": "207"})

    # -- late check-out (6, 1 for another guest's room) ------------------------------------------------------
    late = [
        ("SGD style / an evening flight, the room kept until two, room said", MON12,
         "Is there any wiggle room on check-out tomorrow? Our flight's not till the evening, could we keep 104 till "
         "two?",
         "104", "104", "Two o'clock."),
        ("SGD style / a work call until one, out at half past one, the room said in words", WED12,
         "Would a late check-out tomorrow be possible? I've a work call that finishes at one, so half past one would "
         "be ideal.",
         "Two oh nine.", "209", "Half past one."),
        ("SGD style / a christening in the morning, out at three rather than twelve, room said", SAT12,
         "We're at a christening tomorrow morning, could we leave room 306 at three rather than twelve?",
         "306", "306", "Three o'clock."),
        ("SGD style / a couple of hours past the usual check-out, the room said in words", THU12,
         "Any chance of keeping the room a couple of hours past the normal check-out tomorrow, till about two?",
         "Four oh one.", "401", "Two o'clock."),
        ("SGD style / a long drive home, out at one for a lie-in, room said", TUE12B,
         "I'm in 310, and we've a long drive home tomorrow, so could we check out at one instead of noon and have a "
         "lie-in?",
         "310", "310", "One o'clock."),
    ]
    late_guests = [("Roshanak Jafarzadeh", "4KAF86"), ("Urmas Vaher", "L93TYB"), ("Waleed Esfahani", "DEL78V"),
                   ("Xiaoling Kristiansen", "U434W2"), ("Bolormaa Enkhjargal", "5K7SEB")]
    for (source, today, opening, room_reply, room, time), (name, code) in zip(late, late_guests, strict=True):
        phone = next(p)
        add("late_checkout", source, today, phone, opening,
            replies={"room": room_reply, "time": time, "yes": "Yes, smashing."},
            setup=[mine(name, phone, code, room_type_of(room), _plus(today, -2), _plus(today, 1), 1,
                        status="checked_in", room=room)],
            given=("room",) if room in opening else (), other=len(items),
            expect={"kind": "late_checkout", "code": code})
    add("late_checkout", "SGD style / late check-out for a girlfriend's room, not the caller's", FRI12, next(p),
        "My girlfriend's in 206 and she's been up all night with a cold, could you let her keep the room till three "
        "tomorrow?",
        replies={"room": "206", "yes": "yes"},
        setup=[_in_room(1, FRI12, "206", offset=-2, nights=3)],
        given=("room",), expect={"kind": "no_late_checkout", "codes": ["2MY4PB"]})

    # -- hotel facts, prices included (10) -------------------------------------------------------------------
    facts = [
        ("SGD test 10_00125 turn 4 (SearchHouse: Can you tell me the telephone number of this place?)", TUE12B,
         "Can you tell me the telephone number of the hotel? My wife wants it written down in case she can't reach "
         "me.", "phone"),
        ("SGD train 43_00071 turn 8 (ReserveHotel: What is the hotel's street address?)", SUN12,
         "What is the hotel's street address? I need to type it into the taxi app.", "address"),
        ("SGD train 43_00089 turn 10 (ReserveHotel: Nice, does the hotel allow pets?)", THU12,
         "Nice. Does the hotel allow pets? It'd only be a little cat in a carrier.", "pets"),
        ("SGD train 43_00080 turn 6 (ReserveHotel: Yes I can confirm and does the hotel have wifi?)", MON12,
         "Yes, I can confirm, and does the hotel have wifi? I'll be on my laptop every evening.", "wifi"),
        ("SGD style / the time to be out of the room on the last morning", FRI12,
         "By what time do we have to be out of the room on the morning we leave?", "check_out_time"),
        ("SGD style / somewhere to leave a car overnight, and the charge", WED12,
         "If I come by car, is there somewhere I can leave it overnight, and is there a charge?", "parking"),
        ("SGD style / breakfast in the room rate, and until what time it is served", SAT12,
         "Is breakfast included in the room rate, and until what time is it served?", "breakfast"),
    ]
    for source, today, opening, topic in facts:
        add("facts", source, today, next(p), opening, other=len(items), expect={"kind": "fact", "topic": topic})
    add("facts", "SGD train 42_00013 turn 4 (SearchHotel: What's the contact number: How many clams is it?)", THU12,
        next(p),
        "How many clams is a family room for four of us, from the 2nd to the 4th of May?",
        replies={"yes": "yes"}, given=("dates", "room_type", "guests"),
        date_phrases=("from the 2nd to the 4th of may",), other=0,
        expect={"kind": "quote", "room_type": "FAM", "check_in": "2027-05-02", "check_out": "2027-05-04",
                "guests": 4})
    add("facts", "SGD train 34_00095 turn 12 (BookHouse: Yes. How much is this going to send me back?)", FRI12,
        next(p),
        "Yes. How much is the suite going to set me back, just me, tonight and tomorrow night?",
        replies={"yes": "yes"}, given=("dates", "room_type", "guests"),
        date_phrases=("tonight and tomorrow night",), other=1,
        expect={"kind": "quote", "room_type": "STE", "check_in": "2026-11-06", "check_out": "2026-11-08",
                "guests": 1})
    add("facts", "SGD train 42_00002 turn 10 (ReserveHotel: OK. What is the nightly rate?)", SAT12, next(p),
        "OK. What's the nightly rate for a standard, two of us, Friday the 15th to Sunday the 17th?",
        replies={"yes": "yes"}, given=("dates", "room_type", "guests"),
        date_phrases=("friday the 15th to sunday the 17th",), other=2,
        expect={"kind": "quote", "room_type": "STD", "check_in": "2027-01-15", "check_out": "2027-01-17",
                "guests": 2})

    # -- speak to a person (4) and goodbye (4) -------------------------------------------------------------
    for source, today, opening in (
        ("SGD style / human (a function room for a birthday, the events team)", SUN12,
         "Could I speak to someone about hiring a function room for my dad's seventieth?"),
        ("SGD style / human (a charge on the bill, accounts)", TUE12,
         "There's a charge on my bill I don't recognise, can I talk to somebody in accounts about it?"),
        ("SGD style / human (getting nowhere, a human being)", THU12,
         "Is there a human I can talk to? I've explained this twice already and I'm getting nowhere."),
        ("SGD style / human (a compliment for a member of staff, the general manager)", WED12,
         "I'd like to speak with the general manager. One of your staff was incredibly kind to my mum last week and "
         "I want to say so."),
    ):
        add("person", source, today, next(p), opening, other=len(items), expect={"kind": "transfer"})
    for source, today, opening in (
        ("SGD test 10_00103 turn 6 (NONE: Nothing, bye.)", TUE12B,
         "Nothing, that's it, bye bye."),
        ("SGD train 41_00102 turn 14 (ReserveHotel: Terrific! I don't need anything else for now.)", FRI12,
         "Terrific! I don't need anything else for now. Ta-ra."),
        ("SGD test 1_00093 turn 14 (NONE: Nothing, You're the cat's meow.)", MON12,
         "Nothing, you're the cat's pyjamas. Bye!"),
        ("SGD train 40_00122 turn 12 (NONE: No that is all. Thanks.)", TUE12,
         "No, that is all, thanks. Have a good one."),
    ):
        add("goodbye", source, today, next(p), opening, other=len(items), expect={"kind": "hangup"})

    start = len(items) + 1
    for offset, (idx, text) in enumerate(CLINC_OOS_V12):
        today = DAYS[offset % len(DAYS)]
        items.append(call("t12", start + offset, "out_of_scope", f"CLINC150 oos_test idx {idx} (oos)", today,
                          f"+8801652{700000 + offset * 47:06d}", text, expect={"kind": "out_of_scope"},
                          setup=[other_guest(OTHERS_V12, offset, today)]))
    return items
