"""The test split, version 17 (``splits/test17.jsonl``): held out from 2026-12-02 (its provenance).

Written after v16 was scored once and so spent, by v16's rules and in its proportions (126 calls: the same flows,
the same count per flow and the same kinds of call and expected outcome), blind to the agent (nobody who wrote it
read ``agent/`` or ``tools/``, nor how the agent answered v16 or any other split, nor any run's output), from what
v1-v16 and dev did not use:

- wording: SGD user turns of dialogues that no earlier split followed (each call's ``source`` names the turn),
  rewritten for our one hotel in the source's style, with the fillers, self-corrections, holidays, weekdays,
  ordinals, ranges, spelled-out numbers and idioms of real callers, and callers who correct themselves or answer
  two questions at once (Irish, Scottish, Nigerian, Indian, Australian, Malaysian, Zimbabwean and US Southern
  forms: "Howya", "myself and herself", "I'm after changing my mind", "Paddy's Day", "yous", "Sound", "Go on so",
  "I'll no manage", "cannae mind", "wi' ye", "the bells", "a wee do", "bairns", "braw", "that's me sorted", "a guid
  New Year", "well done" as a greeting, "next tomorrow", "Yes o", "my oga", "failing to come", "Extend my
  greetings", "I am having two bookings", "double nine", "Haan", "Namaskar", "the mehendi function", "can or not",
  "Can, can", "Cannot go already", "go outstation", "terus", "Got ... or not?", "Makadii", "Maswera sei", "Mhoro",
  "Ehe", "my sekuru", "my mainini", "kombi", "ndatenda zvikuru", "Chisarai zvakanaka", "G'day", "the missus",
  "the arvo", "the footy", "doona", "carked it", "no dramas", "Too easy", "Catch ya later", "fixin' to", "y'all",
  "plumb forgot", "on account of", "little old me", "ain't gonna make it", "hon", "sugar", "darlin'"). SGD turns
  named "SGD <split> <dialogue> turn <n>" are from single-service Hotels_1-4 dialogues of
  google-research-datasets/dstc8-schema-guided-dialogue (``<split>/dialogues_NNN.json``, commit e852981, brought here
  with the ``fetch`` tool, as for v7-v16), none of them in ``../shared/data/dialogues`` nor followed by v1-v16 or
  dev, and no dialogue followed twice. No MultiWOZ turn is followed (as in v9-v16, none is left). Housekeeping, late
  check-out and speak-to-a-person calls (and a check-in-time, a parking and a breakfast question and three look-ups
  of another guest's booking) have no source turn and are written "SGD style", in phrasings no split had;
- out of scope: CLINC150's next 40 ``oos_test`` utterances after v16's, idx 724-765 of clinc/oos-eval
  ``data/data_full.json`` (commit 828f809), verbatim, leaving out two a hotel could take for a request of its own
  (``CLINC_OOS_V17_LEFT_OUT``);
- new names, phone numbers (+880 1305…, 1374…, 1427…), codes and eight new days (``DAYS``), all in 2031, later in
  the calendar than any earlier split's: St Patrick's Day on a Monday (Mothering Sunday, the clocks going forward in
  Ireland and Britain and the end of a 31-day March ahead), Mardi Gras (Ash Wednesday tomorrow, the end of a 28-day
  February on a Friday, so that "next Friday" reads two ways), Nigeria's Independence Day on a Wednesday ("next
  tomorrow" a Friday, the clocks going forward in south-eastern Australia), Thanksgiving in the US (Black Friday,
  and St Andrew's Day on the Sunday that ends a 30-day November, so Scotland is off on the Monday), Anzac Day on a
  Friday (the end of a 30-day April, Workers' Day, Queensland's Labour Day and Africa Day ahead), the Saturday of
  Zimbabwe's Heroes weekend (India's Independence Day and Merdeka on the last day of a 31-day August ahead), the
  Sunday the clocks go back in Ireland and Britain (Ireland's October bank holiday tomorrow, Halloween on a Friday),
  and Hogmanay on a Wednesday (the turn of the year into 2032, Scotland's second of January and Burns Night ahead).

``make_splits.py`` renders and checks it with v1-v16 and dev (``python -m benchmarks.agent.make_splits --check``).
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

V17 = 17
HEADER_V17 = ("FROZEN test split v{v}: held out from 2026-12-02; never tune on it, never run the agent on it or look "
              "at how the agent answers it before its one scored run (use dev.jsonl, or test.jsonl and test2.jsonl "
              "to test16.jsonl: spent). Written by benchmarks/agent/splits_v17.py via make_splits.py.")

# The hotel's day of each call (10:00 hotel time): every day of the week, none of v1's-v16's or dev's.
MON17 = "2031-03-17"  # St Patrick's Day: Mothering Sunday is the 23rd, the clocks go forward in Ireland and Britain
#                       on Sunday the 30th, March has 31 days, so "the first" is Tuesday the 1st of April; Easter is
#                       Sunday the 13th of April
TUE17 = "2031-02-25"  # Mardi Gras (Ash Wednesday tomorrow): February has 28 days, so "the first" is Saturday the 1st
#                       of March and "next Friday" reads two ways (the 28th or the 7th of March); the clocks spring
#                       forward in the US on Sunday the 9th of March
WED17 = "2031-10-01"  # Nigeria's Independence Day: "next tomorrow" is Friday the 3rd; the clocks go forward in
#                       south-eastern Australia on Sunday the 5th; Ireland's October bank holiday is Monday the 27th
THU17 = "2031-11-27"  # Thanksgiving in the US (Black Friday tomorrow): St Andrew's Day is Sunday the 30th, the last
#                       day of a 30-day November, so Scotland's holiday is Monday the 1st of December
FRI17 = "2031-04-25"  # Anzac Day, on a Friday: April has 30 days, so "the first" is Thursday the 1st of May, Workers'
#                       Day; Labour Day in Queensland is Monday the 5th; Zimbabwe's Independence Day was Friday the
#                       18th and Africa Day is Sunday the 25th of May
SAT17 = "2031-08-09"  # the Saturday of Zimbabwe's Heroes weekend (Heroes' Day Monday the 11th, Defence Forces Day
#                       Tuesday the 12th): India's Independence Day is Friday the 15th, Merdeka Sunday the 31st, the
#                       last day of a 31-day August, so Malaysia is off on Monday the 1st of September
SUN17 = "2031-10-26"  # the clocks go back in Ireland and Britain today; Ireland's October bank holiday is tomorrow;
#                       Halloween is Friday the 31st, and "the first" is Saturday the 1st of November
WED17B = "2031-12-31"  # Hogmanay: New Year's Day is Thursday the 1st of January 2032 and Scotland's second of January
#                        holiday a Friday; Burns Night is Sunday the 25th of January 2032
DAYS = (MON17, TUE17, WED17, THU17, FRI17, SAT17, SUN17, WED17B)

OTHERS_V17 = [
    {"name": "Farai Chikowore", "phone": "+8801374208516", "room_type": "DLX", "code": "DGF94G"},
    {"name": "Darragh Cullinane", "phone": "+8801374235947", "room_type": "STD", "code": "QYV3ZX"},
    {"name": "Ifeoluwa Sowunmi", "phone": "+8801374271382", "room_type": "FAM", "code": "22C7HE"},
]

# CLINC150 oos_test (clinc/oos-eval data/data_full.json, commit 828f809), idx 724-765, verbatim.
CLINC_OOS_V17 = (
    (724, "watch the stories on instagram"),
    (725, "update my status on instagram"),
    (726, "can you check on what it would cost me to upgrade my iphone with t-mobile"),
    (727, "please alert me when my iphone battery falls below 30%"),
    (728, "can you look at when the next iphone is due out"),
    (729, "what type of industries do innovation managers work in"),
    (730, "what are the requirements of a lab technician"),
    (731, "generate a list of 20 songs that include the word love in the title"),
    (732, "create a 500 word letter expressing love"),
    (733, "find a couple's therapist who can help me and my wife"),
    (734, "what does the average cost of an engagement ring"),
    (735, "what is popular in fashion right now"),
    (736, "does denim go with anything"),
    (739, "what do i wear on my feet when it rains"),
    (740, "what do i put on my feet"),
    (741, "what are the words to the chorus for this song"),
    (742, "display the song lyrics for me"),
    (743, "google \"odell beckham free agency\""),
    (744, "clear my search history"),
    (745, "compare the new life growth in trees when the seasons change"),
    (746, "plant all your flowers just after easter in early april"),
    (747, "find a good toy to give a 5 year old boy that costs less than $40"),
    (748, "find out where i can buy a barbie doll for my niece"),
    (749, "look on amazon for the price of a nitendo switch"),
    (750, "what brand was the last advertisement for"),
    (751, "how do i skip all of the advertisements"),
    (752, "make a list of decor i would need to have a titanic themed birthday party"),
    (753, "aquire the soundtracks from the movie if i stay and add them to my ipod"),
    (754, "i watched \"were the millers\" on netflix last night"),
    (755, "can you find \"were the millers\" on hulu"),
    (756, "how many people have held the role of county attorney bearing the family name \"dixon\""),
    (757, "tell me about the candidates running for local office in my area"),
    (758, "find out who is the representative of my district"),
    (759, "generate a list of the past 10 judge executives"),
    (760, "look up the email address of the local police"),
    (761, "how many hits have i done today"),
    (762, "change out the older photos with the newer ones"),
    (763, "organize photos by year they were taken"),
    (764, "can you group my photos by location"),
    (765, "organize my photos by date please"),
)
# Left out: a hotel could take each for a request of its own (a call to the caller's phone accepted or turned
# away, read as the front desk putting a call through to the room or holding the room's calls).
CLINC_OOS_V17_LEFT_OUT = (
    (737, "accept incoming phone call"),
    (738, "deny incoming phone call"),
)


def _in_room(index: int, today: str, room: str, *, offset: int, nights: int) -> dict[str, Any]:
    return in_room(OTHERS_V17, index, today, room, offset=offset, nights=nights)


def test17_split() -> list[dict[str, Any]]:  # noqa: PLR0915 (one long list of calls is the clearest form)
    items, add = calls_of("t17", OTHERS_V17)

    p = iter(f"+8801305{300000 + i * 73:06d}" for i in range(200))

    # -- book (26) -------------------------------------------------------------------------------------------
    add("book", "SGD train 40_00106 turn 2 (ReserveHotel: I think I prefer the Ibis Sydney World Square. I would be "
        "checking out on March 14th.) + turn 4 (I would be checking in on the 2nd of this month.)", FRI17, next(p),
        "G'day. I'd be checking out on the Monday, the twenty-eighth, and, ah, checking in tomorrow, the "
        "twenty-sixth, for the long weekend. Me and the missus.",
        replies={"room_type": "The deluxe, thanks mate.", "name": "Jarrod Tregonning",
                 "yes": "Too easy, book it in."},
        given=("dates", "guests"),
        date_phrases=("checking out on the monday, the twenty-eighth", "checking in tomorrow, the twenty-sixth"),
        other=0, expect=booking("2031-04-26", "2031-04-28", 2, "DLX", "Jarrod Tregonning"))
    add("book", "SGD train 40_00109 turn 2 (ReserveHotel: March 12th.) + turn 4 (I want to stay at the Renaissance "
        "Paris Vendome and check out on the 13th of March.)", MON17, next(p),
        "Howya. The twenty-first, the Friday, and I'd check out on the twenty-third, so. It's for the two of us, "
        "myself and herself.",
        replies={"room_type": "The standard does us grand.", "name": "Ethna Mulqueen", "yes": "Go on so, lovely."},
        given=("dates", "guests"),
        date_phrases=("the twenty-first, the friday, and i'd check out on the twenty-third",), other=1,
        expect=booking("2031-03-21", "2031-03-23", 2, "STD", "Ethna Mulqueen"))
    add("book", "SGD train 40_00112 turn 0 (ReserveHotel: I want to make a hotel reservation for Saturday this week) "
        "+ turn 2 (I am going to Portland, OR, and I want to check out on the 12th)", WED17, next(p),
        "Good morning, well done. I want to make a reservation for Saturday this week, the fourth, and I will check "
        "out on the Monday, the sixth. Please it is me and my wife.",
        replies={"room_type": "Deluxe, please.", "name": "Ifeanyi Okoli", "yes": "Yes o, go ahead."},
        given=("dates", "guests"),
        date_phrases=("for saturday this week, the fourth, and i will check out on the monday, the sixth",),
        other=2, expect=booking("2031-10-04", "2031-10-06", 2, "DLX", "Ifeanyi Okoli"))
    add("book", "SGD train 40_00114 turn 2 (ReserveHotel: I would love to stay at Timhotel Paris Place D'Italie; check "
        "in on 3rd of March and chec out on March 10th)", THU17, next(p),
        "Well hey there. I would love to check in on the fifth of December, that Friday, and check out on the "
        "seventh. It's just little old me.",
        replies={"room_type": "Just the standard, hon.", "name": "Tammy Beauregard",
                 "yes": "Yes ma'am, that's it exactly."},
        given=("dates", "guests"),
        date_phrases=("check in on the fifth of december, that friday, and check out on the seventh",), other=0,
        expect=booking("2031-12-05", "2031-12-07", 1, "STD", "Tammy Beauregard"))
    add("book", "SGD train 40_00117 turn 0 (ReserveHotel: I need to book a hotel room for March 14th.) + turn 6 "
        "(Today, so the 1st of this month.)", SAT17, next(p),
        "Makadii. I need to book a room for tonight, today being the ninth, up to the Heroes holiday, the "
        "eleventh. We are two.",
        replies={"room_type": "The standard one is fine.", "name": "Rutendo Mapfumo", "yes": "Ehe, that is right."},
        given=("dates", "guests"),
        date_phrases=("for tonight, today being the ninth, up to the heroes holiday, the eleventh",), other=1,
        expect=booking("2031-08-09", "2031-08-11", 2, "STD", "Rutendo Mapfumo"))
    add("book", "SGD train 40_00127 turn 4 (ReserveHotel: My preferred hotel will be Eurostars Wall Street and the "
        "check-in date is on Wednesday next week and the check-out date is 10th of March.)", SUN17, next(p),
        "Aye, hello. The check-in date's the Wednesday, the twenty-ninth, and the check-out date's the first of "
        "November, the Saturday.",
        replies={"guests": "Two of us, me and the wife.", "room_type": "A deluxe, if ye've one.",
                 "name": "Callum Aitken", "yes": "Aye, that's us, cheers."},
        given=("dates",),
        date_phrases=("the check-in date's the wednesday, the twenty-ninth, and the check-out date's the first of "
                      "november, the saturday",),
        other=2, expect=booking("2031-10-29", "2031-11-01", 2, "DLX", "Callum Aitken"))
    add("book", "SGD train 41_00009 turn 2 (ReserveHotel: I must have the best room available in Hotel Paris Bercy, "
        "Paris. I can't leave it until the 8th of this month.) + turn 4 (I'm Here now. I need the room later "
        "today.)", TUE17, next(p),
        "Hey, I'm fixin' to drive in for Mardi Gras and I need the room later today. We can't leave it until "
        "Thursday, the twenty-seventh, on account of the parades.",
        replies={"guests": "Me and my sister, so two.", "room_type": "Standard'll do us fine.",
                 "name": "Bobbie Thibodeaux", "yes": "Yes, sir, much obliged."},
        given=("dates",), date_phrases=("i need the room later today", "until thursday, the twenty-seventh"),
        other=0, expect=booking("2031-02-25", "2031-02-27", 2, "STD", "Bobbie Thibodeaux"))
    add("book", "SGD train 41_00036 turn 0 (ReserveHotel: I want to book a hotel reservation. I'll be checking in "
        "today.) + turn 2 (I'm looking at Hotel Stripes. I'm staying at the hotel for four days.)", FRI17, next(p),
        "I want to book a room, checking in today, Anzac Day, and staying four nights. Just me, I'm down for the "
        "footy.",
        replies={"room_type": "Standard, no dramas.", "name": "Brodie Waddell", "yes": "Yep, spot on."},
        given=("dates", "guests"), date_phrases=("checking in today, anzac day, and staying four nights",), other=1,
        expect=booking("2031-04-25", "2031-04-29", 1, "STD", "Brodie Waddell"))
    add("book", "SGD train 41_00042 turn 2 (ReserveHotel: Book a room at Z Nyc Hotel on 5th of this month for 2 "
        "days.)", WED17, next(p),
        "Please book a room for me on the tenth of this month, Friday, for two days. I am coming alone.",
        replies={"room_type": "Deluxe, please.", "name": "Bukola Ezeani", "yes": "Yes, that is it, thank you."},
        given=("dates", "guests"), date_phrases=("on the tenth of this month, friday, for two days",), other=2,
        expect=booking("2031-10-10", "2031-10-12", 1, "DLX", "Bukola Ezeani"))
    add("book", "SGD train 41_00053 turn 6 (ReserveHotel: I think the 8th of this month.) + turn 8 (I'd like to get a "
        "room starting today.)", MON17, next(p),
        "I'd say the twentieth of this month. Ah no, hang on, I'd like to get a room starting today, Paddy's Day, "
        "and leaving on the Wednesday, the nineteenth. The two of us.",
        replies={"room_type": "The deluxe, go on.", "name": "Feargal Loughnane", "yes": "Sound, that's it."},
        given=("dates", "guests"),
        date_phrases=("a room starting today, paddy's day, and leaving on the wednesday, the nineteenth",), other=0,
        expect=booking("2031-03-17", "2031-03-19", 2, "DLX", "Feargal Loughnane"))
    add("book", "SGD test 1_00102 turn 14 (ReserveHotel: Yes please. I need 3 rooms and we're staying 2 night) + turn "
        "16 (On the 7th)", SAT17, next(p),
        "Yes please. We are three people and staying two nights. On the fifteenth, the Friday, can or not?",
        replies={"room_type": "Any room can fit three also can.", "name": "Hidayah Rosli",
                 "yes": "Can, can, confirm it."},
        given=("dates", "guests"), date_phrases=("staying two nights", "on the fifteenth, the friday"), other=1,
        expect=booking("2031-08-15", "2031-08-17", 3, ["FAM", "STE"], "Hidayah Rosli"))
    add("book", "SGD train 41_00083 turn 10 (ReserveHotel: Check in on 9th of this month and check-out will be on the "
        "11th.)", THU17, next(p),
        "Check in on the twenty-ninth of this month, the Saturday, and check-out will be on the Monday, the first, "
        "for the St Andrew's holiday. Four of us, me, the wife and the two bairns.",
        replies={"room_type": "The family room, aye.", "name": "Kirsteen Moncur", "yes": "Aye, that's right."},
        given=("dates", "guests"),
        date_phrases=("check in on the twenty-ninth of this month, the saturday, and check-out will be on the "
                      "monday, the first",),
        other=2, expect=booking("2031-11-29", "2031-12-01", 4, "FAM", "Kirsteen Moncur"))
    add("book", "SGD train 41_00091 turn 8 (ReserveHotel: I want to check in on the 2nd of March and check out on the "
        "14th of March.)", WED17B, next(p),
        "Happy Hogmanay! I want to check in on the second of January and check out on the fourth. Three of us, aye.",
        replies={"room_type": "Whatever sleeps three.", "name": "Ruaraidh Pitcairn",
                 "yes": "Aye, braw, on ye go."},
        given=("dates", "guests"),
        date_phrases=("check in on the second of january and check out on the fourth",), other=0,
        expect=booking("2032-01-02", "2032-01-04", 3, ["FAM", "STE"], "Ruaraidh Pitcairn"))
    add("book", "SGD train 41_00103 turn 6 (ReserveHotel: Yes, pease. I'd like to make a reservation with check in on "
        "Sunday this week) + turn 8 (I'd like to check out on the 14th of this month)", SUN17, next(p),
        "Yes, please. I'd like to make a reservation with check-in tonight, and I'd check out on the Tuesday, the "
        "twenty-eighth, after the bank holiday.",
        replies={"guests": "The two of us.", "room_type": "The standard, thanks a million.",
                 "name": "Ciaragh Geraghty", "yes": "That's it, go raibh maith agat."},
        given=("dates",), date_phrases=("check-in tonight", "check out on the tuesday, the twenty-eighth"), other=1,
        expect=booking("2031-10-26", "2031-10-28", 2, "STD", "Ciaragh Geraghty"))
    add("book", "SGD train 41_00107 turn 12 (ReserveHotel: Yes, and I am checking out on the 9th of March.) + turn 14 "
        "(I am checking in on March 4th.)", FRI17, next(p),
        "Yes, and I am checking out on the fourth of May, the Sunday. I am checking in on Workers' Day, the first "
        "of May. We were three but now we are two, my sister is failing to come.",
        replies={"room_type": "Standard, please.", "name": "Chiedza Chigwida", "yes": "Yes, ndatenda."},
        given=("dates", "guests"),
        date_phrases=("checking out on the fourth of may, the sunday", "checking in on workers' day, the first of "
                      "may"),
        other=2, expect=booking("2031-05-01", "2031-05-04", 2, "STD", "Chiedza Chigwida"))
    add("book", "SGD train 42_00019 turn 8 (ReserveHotel: I will be staying for four days.) + turn 10 (Put the "
        "check-in date as 3rd of March.)", WED17, next(p),
        "I will be staying four nights. Put the check-in date as the sixth of this month, Monday. We are two "
        "persons, myself and my wife.",
        replies={"room_type": "Deluxe, please.", "name": "Raghavendra Thyagarajan", "yes": "Yes, correct, please do."},
        given=("dates", "guests"),
        date_phrases=("staying four nights", "put the check-in date as the sixth of this month, monday"), other=0,
        expect=booking("2031-10-06", "2031-10-10", 2, "DLX", "Raghavendra Thyagarajan"))
    add("book", "SGD train 43_00077 turn 2 (ReserveHotel: I want to check in on the 5th of March, and I want to stay "
        "at Hotel Ibis Paris Grands Boulevards Opera 9eMe. I'm leaving on the 8th.)", TUE17, next(p),
        "Well, I want to check in on the fifth of March, the Wednesday, and I'm leaving on the eighth. It'll be me, "
        "my husband and our boy.",
        replies={"room_type": "Something that'll fit all three of us.", "name": "Luanne Boudreaux",
                 "yes": "Yes, that'd be just fine."},
        given=("dates", "guests"),
        date_phrases=("check in on the fifth of march, the wednesday, and i'm leaving on the eighth",), other=1,
        expect=booking("2031-03-05", "2031-03-08", 3, ["FAM", "STE"], "Luanne Boudreaux"))
    add("book", "SGD train 43_00078 turn 0 (ReserveHotel: I WANT TO MAKE A HOTEL RESERVATION.I WANT THE ROOM FOR "
        "TWELVE DAYS.) + turn 2 (... THE CHECK IN DATE IS THIS SATURDAY.)", WED17B, next(p),
        "I WANT TO MAKE A RESERVATION. I WANT THE ROOM FOR THREE NIGHTS, THE CHECK-IN DATE IS THIS SATURDAY, THE "
        "THIRD. JUST ME.",
        replies={"room_type": "THE STANDARD ONE.", "name": "Seonaid Kinnear", "yes": "YES, THAT'S RIGHT."},
        given=("dates", "guests"),
        date_phrases=("for three nights, the check-in date is this saturday, the third",), other=2,
        expect=booking("2032-01-03", "2032-01-06", 1, "STD", "Seonaid Kinnear"))
    add("book", "SGD dev 6_00070 turn 14 (ReserveHotel: For two days.) + turn 16 (The day after tomorrow.)", WED17,
        next(p),
        "Please I want to book a room for two nights, starting next tomorrow, Friday. Me and my brother.",
        replies={"room_type": "Standard is okay.", "name": "Akinwale Ogbonna", "yes": "Yes, no problem, book it."},
        given=("dates", "guests"), date_phrases=("for two nights, starting next tomorrow, friday",), other=0,
        expect=booking("2031-10-03", "2031-10-05", 2, "STD", "Akinwale Ogbonna"))
    add("book", "SGD dev 6_00076 turn 8 (ReserveHotel: I need it four 4 days and checking in on the 1st of this "
        "month.)", SAT17, next(p),
        "Namaste. I need it for four nights, checking in on the fourteenth of this month, so we are there for "
        "Independence Day. Two adults.",
        replies={"room_type": "Deluxe, please.", "name": "Ananya Patwardhan", "yes": "Haan, correct, go ahead."},
        given=("dates", "guests"), date_phrases=("for four nights, checking in on the fourteenth of this month",),
        other=1, expect=booking("2031-08-14", "2031-08-18", 2, "DLX", "Ananya Patwardhan"))
    add("book", "SGD dev 6_00081 turn 14 (ReserveHotel: For 1 day on 1st of March.)", MON17, next(p),
        "For the one night on the first of April, the Tuesday, and that's no joke. Only myself.",
        replies={"room_type": "The standard, sure.", "name": "Cillian Carrabine", "yes": "Grand, thanks."},
        given=("dates", "guests"), date_phrases=("for the one night on the first of april, the tuesday",), other=2,
        expect=booking("2031-04-01", "2031-04-02", 1, "STD", "Cillian Carrabine"))
    add("book", "SGD dev 6_00086 turn 10 (ReserveHotel: Yes please do, with check in on the 6th of March) + turn 12 "
        "(Just for four days)", TUE17, next(p),
        "Yes, please do, with check-in next Friday, just for the two nights. Me and my husband.",
        replies={"room_type": "The deluxe, darlin'.", "name": "Raylene Hollins", "yes": "Yes sir, go right ahead."},
        given=("dates", "guests"), date_phrases=("check-in next friday, just for the two nights",), other=0,
        expect=booking("2031-02-28", "2031-03-02", 2, "DLX", "Raylene Hollins",
                       alternatives=(("2031-03-07", "2031-03-09"),)))
    add("book", "SGD test 1_00084 turn 8 (ReserveHotel: Yes, I want to check in on March 8th for two days.) + "
        "confirmed in one breath", SUN17, next(p),
        "Yes, I want to check in on the eighth of November, Saturday, for two days, one standard room, one person, "
        "name is Azlan Shaari, and everything also correct, so you can confirm the booking terus.",
        replies={"yes": "Yes, confirm it."}, given=("dates", "guests", "room_type", "name"),
        date_phrases=("check in on the eighth of november, saturday, for two days",), other=1,
        expect=booking("2031-11-08", "2031-11-10", 1, "STD", "Azlan Shaari"))
    add("book", "SGD test 1_00088 turn 6 (ReserveHotel: Sure, could you make a reservation on the 4th of March "
        "please?) + turn 8 (Most likely for 4 days.)", SAT17, next(p),
        "Sure, can make a reservation on the twenty-ninth, Friday? Most likely four nights, until after Merdeka. "
        "We got three people.",
        replies={"room_type": "Family room, please.", "name": "Norhaliza Jamaluddin", "yes": "Okay, can, thank you."},
        given=("dates", "guests"),
        date_phrases=("a reservation on the twenty-ninth, friday", "most likely four nights"), other=2,
        expect=booking("2031-08-29", "2031-09-02", 3, "FAM", "Norhaliza Jamaluddin"))
    phone = next(p)
    add("book", "SGD test 1_00096 turn 6 (ReserveHotel: Yes make me for 1 room with check in on March 2nd.I want to "
        "stay 5 days.) + returning guest", THU17, phone,
        "Hey, it's me again, I stayed with y'all over Labor Day. Make me one room with check-in on the second of "
        "December, I want to stay five nights, just me, in the standard like last time.",
        replies={"yes": "That's right, sugar."},
        setup=[known_guest("Earlene Dupuis", phone)], given=("dates", "guests", "room_type"),
        date_phrases=("check-in on the second of december, i want to stay five nights",), other=0,
        expect=booking("2031-12-02", "2031-12-07", 1, "STD", "Earlene Dupuis"))
    phone = next(p)
    add("book", "SGD test 1_00100 turn 6 (ReserveHotel: Perfect.I want to reserve the hotel for 4 days.) + turn 8 (I "
        "would like to be on Tuesday next week.) + returning guest", WED17, phone,
        "Namaskar, I stayed with you last Diwali. I want to reserve for four nights, from Tuesday next week, the "
        "seventh. Me and my wife, the deluxe like last time.",
        replies={"yes": "Yes, yes, that is me."},
        setup=[known_guest("Anirudh Pethe", phone)], given=("dates", "guests", "room_type"),
        date_phrases=("for four nights, from tuesday next week, the seventh",), other=1,
        expect=booking("2031-10-07", "2031-10-11", 2, "DLX", "Anirudh Pethe"))

    # -- change dates or guests (10, 2 of them another guest's booking) ---------------------------------------
    Change = tuple[str, str, str, dict[str, str], tuple[str, str, str, str, str, int], tuple[str, ...], dict[str, Any]]
    changes: list[Change] = [
        ("SGD test 11_00014 turn 10 (BookHouse: I want to check in on the 6th of this month and check out on the "
         "12th.)", MON17,
         "Howya, on my booking for the Friday, the twenty-first, I want to check in on the twenty-second instead and "
         "check out on the twenty-fourth, so.",
         {"yes": "That's it, the twenty-second to the twenty-fourth."},
         ("Donnacha Houlihan", "S6GEUT", "STD", "2031-03-21", "2031-03-23", 2),
         ("my booking for the friday, the twenty-first", "check in on the twenty-second instead and check out on "
          "the twenty-fourth"),
         {"check_in": "2031-03-22", "check_out": "2031-03-24"}),
        ("SGD test 11_00032 turn 10 (BookHouse: I want to check out on March 5th.) + turn 12 (I want to check in on "
         "4th of this month.)", TUE17,
         "Hey there. On my reservation for the first weekend in March, I want to check out on the Monday, the third, "
         "and I still want to check in on the Saturday, the first.",
         {"yes": "Yes, out on the Monday."},
         ("Wade Fontenot", "ZTC5RY", "STD", "2031-03-01", "2031-03-02", 2),
         ("my reservation for the first weekend in march", "check out on the monday, the third", "check in on the "
          "saturday, the first"),
         {"check_in": "2031-03-01", "check_out": "2031-03-03"}),
        ("SGD test 11_00034 turn 10 (BookHouse: There are only 2 people.)", WED17,
         "Good day. On my booking for the tenth, the Friday, there are only two people now, my brother has "
         "travelled. Please help me change it.",
         {"yes": "Yes, only two of us."},
         ("Nnenna Iwuchukwu", "X3FADL", "FAM", "2031-10-10", "2031-10-12", 3),
         ("my booking for the tenth, the friday",), {"guests": 2}),
        ("SGD test 11_00036 turn 2 (BookHouse: Sounds great, i would like to book it with a check out on the 7th) + "
         "turn 4 (Check in on 3rd of this month)", THU17,
         "Aye, on my booking for the fifth of December, I'd like to check in on the third instead and keep the "
         "check-out on the seventh.",
         {"yes": "Aye, from the third."},
         ("Kirsty Abercrombie", "935Y36", "DLX", "2031-12-05", "2031-12-07", 2),
         ("my booking for the fifth of december", "check in on the third instead", "check-out on the seventh"),
         {"check_in": "2031-12-03", "check_out": "2031-12-07"}),
        ("SGD test 11_00038 turn 12 (BookHouse: I will be leaving on the 13th of this month.)", FRI17,
         "How ya going. On my booking from Friday the second, I'll be leaving on the Monday, the fifth, not the "
         "Sunday. It's Labour Day up in Queensland.",
         {"yes": "Yep, out the Monday."},
         ("Shanae Treloar", "6GHB3D", "STD", "2031-05-02", "2031-05-04", 2),
         ("my booking from friday the second", "leaving on the monday, the fifth, not the sunday"),
         {"check_in": "2031-05-02", "check_out": "2031-05-05"}),
        ("SGD test 11_00044 turn 6 (BookHouse: Yes, please do. I'll need it until the 9th of March.) + turn 8 (It's "
         "just 1 person and I want to check in on the 6th of March.)", SAT17,
         "Maswera sei. On my booking for the fifteenth, I'll need it until the eighteenth, and I want to check in "
         "on the sixteenth instead. It's just one person now.",
         {"yes": "Ehe, the sixteenth to the eighteenth, just me."},
         ("Tinashe Murwira", "Y49ZZG", "DLX", "2031-08-15", "2031-08-17", 2),
         ("my booking for the fifteenth", "until the eighteenth", "check in on the sixteenth instead"),
         {"check_in": "2031-08-16", "check_out": "2031-08-18", "guests": 1}),
        ("SGD test 11_00046 turn 10 (BookHouse: On the 11th of March.) + turn 12 (On the 4th of March.)", SUN17,
         "Hiya, I've a booking on the fourth of November and I'm after getting my dates mixed up. It should be in on "
         "the eleventh and out on the thirteenth.",
         {"yes": "Yeah, the eleventh to the thirteenth."},
         ("Muireann Dunphy", "HNPKJ4", "STD", "2031-11-04", "2031-11-06", 2),
         ("a booking on the fourth of november", "in on the eleventh and out on the thirteenth"),
         {"check_in": "2031-11-11", "check_out": "2031-11-13"}),
    ]
    for source, today, opening, replies, (name, code, room_type, ci, co, guests), phrases, new in changes:
        phone = next(p)
        add("change", source, today, phone, opening, replies=replies,
            setup=[mine(name, phone, code, room_type, ci, co, guests)], date_phrases=phrases, other=len(items),
            expect={"kind": "changed", "code": code, **new})
    phone = next(p)
    add("change", "SGD test 11_00047 turn 6 (BookHouse: Check in will be on 3rd of this month and check out date is "
        "March 4th.) + two bookings", WED17B, phone,
        "I've got two bookings wi' ye. The one for the New Year: check-in will be on the third of January and "
        "check-out on the fifth.",
        replies={"which": "The New Year one.", "code": "I've no got the codes on me.",
                 "yes": "Aye, the third to the fifth."},
        setup=[mine("Gregor Lennox", phone, "WQ6PG3", "STD", "2032-01-02", "2032-01-04"),
               mine("Gregor Lennox", phone, "MQVG5H", "STD", "2032-02-13", "2032-02-15")],
        date_phrases=("the one for the new year", "check-in will be on the third of january and check-out on the "
                      "fifth"),
        other=2,
        expect={"kind": "changed", "code": "WQ6PG3", "check_in": "2032-01-03", "check_out": "2032-01-05",
                "untouched": ["MQVG5H"]})
    add("change", "SGD test 11_00049 turn 8 (BookHouse: Is for 1 people with check in on 10th of March and check out "
        "on March 11th.) / another guest's", SUN17, next(p),
        "Hello, I am calling for my sekuru, Farai Chikowore. It is for one person, with check-in on the thirtieth "
        "and check-out on the thirty-first. Please change his booking like that.",
        replies={"code": "I don't have his code.", "yes": "yes"}, other=0,
        expect={"kind": "untouched", "codes": ["DGF94G"]})
    add("change", "SGD test 1_00107 turn 14 (ReserveHotel: I wish to check in on March 12th and I want to stay for 2 "
        "days.) / another guest's, a wrong code", TUE17, next(p),
        "Hi, I'm ringing for my brother-in-law, Darragh Cullinane. He wishes to check in on the twelfth and stay for "
        "two days instead. The code's Q, Y, V, three, Z, K.",
        replies={"code": "Q Y V 3 Z K", "yes": "yes"}, given=("code",), other=1,
        expect={"kind": "untouched", "codes": ["QYV3ZX"]})

    # -- cancel (10, 2 of them another guest's booking) ------------------------------------------------------
    cancels = [
        ("SGD test 1_00047 turn 8 (NONE: No thanks, I don't want to make the reservations yet. I don't need "
         "anything else right now.)", MON17,
         "Ah, I'm after changing my mind. Would you cancel my booking for Mothering Sunday, the twenty-third, one "
         "night? I don't need anything else right now, thanks.",
         "Yeah, that's the one, cancel it.",
         ("Breda Scanlan", "Y9WKB7", "STD", "2031-03-23", "2031-03-24"),
         ("my booking for mothering sunday, the twenty-third, one night",)),
        ("SGD test 1_00051 turn 6 (NONE: Actually I do not want to make a booking now.) + turn 8 (Nothing. Thank you "
         "for the help you provided to me.)", TUE17,
         "Actually, I do not want that room no more. Please cancel my room for Saturday the eighth, two nights; we "
         "ain't gonna make it after all. Nothing else, thank you for the help.",
         "Yes ma'am, cancel it.",
         ("Lurleen Hebert", "H6B6TB", "DLX", "2031-03-08", "2031-03-10"),
         ("my room for saturday the eighth, two nights",)),
        ("SGD test 10_00108 turn 6 (NONE: No, I don't want to now. That is all I want.)", WED17,
         "Please help me cancel my booking for the Saturday, the eleventh, two nights. I am no longer coming, my "
         "oga changed the programme. That is all I want.",
         "Yes, cancel it, thank you.",
         ("Babatunde Egwu", "M2WLCF", "STD", "2031-10-11", "2031-10-13"),
         ("my booking for the saturday, the eleventh, two nights",)),
        ("SGD test 1_00041 turn 8 (NONE: Nope, thanks for the help!)", THU17,
         "Aye, hello. I'll no manage down for St Andrew's weekend after all, so cancel my booking for the Saturday, "
         "the twenty-ninth, two nights. Nope, that's it, thanks for the help!",
         "Aye, cancel that one.",
         ("Murdo McCrindle", "M5KG5E", "FAM", "2031-11-29", "2031-12-01"),
         ("my booking for the saturday, the twenty-ninth, two nights",)),
        ("SGD test 10_00110 turn 8 (NONE: No not yet, thanks, that'll be all.)", FRI17,
         "G'day, I've gotta cancel my booking for the Friday, the second of May, one night; the ute's carked it. "
         "Thanks, that'll be all.",
         "Yep, scrap it.",
         ("Tegan Pocock", "2MH6UX", "STD", "2031-05-02", "2031-05-03"),
         ("my booking for the friday, the second of may, one night",)),
        ("SGD test 1_00046 turn 6 (NONE: No, that is all I needed.)", SAT17,
         "Hello, I want to cancel my booking for Merdeka weekend, the thirtieth, two nights. Cannot go already, my "
         "boss ask me to go outstation. No, that is all I needed.",
         "Yes, cancel that one, terima kasih.",
         ("Faizal Harun", "CLG8EK", "DLX", "2031-08-30", "2031-09-01"),
         ("my booking for merdeka weekend, the thirtieth, two nights",)),
    ]
    for source, today, opening, yes, (name, code, room_type, check_in, check_out), phrases in cancels:
        phone = next(p)
        add("cancel", source, today, phone, opening, replies={"yes": yes},
            setup=[mine(name, phone, code, room_type, check_in, check_out)], date_phrases=phrases,
            other=len(items), expect={"kind": "cancelled", "code": code})
    phone = next(p)
    add("cancel", "SGD test 1_00054 turn 4 (NONE: Not just now. That's all I needed. Thanks.) + two bookings, code "
        "said", SUN17, phone,
        "I am having two bookings on this number. Kindly cancel only the one with code H, W, double nine, M, N. "
        "That's all I needed, thanks.",
        replies={"code": "H W 9 9 M N", "yes": "Yes, only H W 9 9 M N."}, given=("code",),
        setup=[mine("Sudhir Bhandarkar", phone, "HW99MN", "STD", "2031-11-14", "2031-11-16"),
               mine("Sudhir Bhandarkar", phone, "36EGEX", "STD", "2031-12-12", "2031-12-14")],
        other=0, expect={"kind": "cancelled", "code": "HW99MN", "untouched": ["36EGEX"]})
    phone = next(p)
    add("cancel", "SGD test 1_00060 turn 10 (NONE: No, that was everything I needed. Thanks so much for the "
        "assistance!) + two bookings, told by the stay", WED17B, phone,
        "Cancel the one over Burns Night for me, but leave my February weekend alone. No, that was everything I "
        "needed. Thanks so much!",
        replies={"which": "The Burns Night one.", "yes": "Aye, the Burns Night one."},
        setup=[mine("Jessie Geddes", phone, "9W93HC", "DLX", "2032-01-24", "2032-01-26"),
               mine("Jessie Geddes", phone, "EKH4DH", "DLX", "2032-02-13", "2032-02-15")],
        date_phrases=("the one over burns night", "my february weekend"), other=1,
        expect={"kind": "cancelled", "code": "9W93HC", "untouched": ["EKH4DH"]})
    add("cancel", "SGD test 1_00061 turn 8 (NONE: No, not at the moment. Thank you though.) / another guest's",
        FRI17, next(p),
        "Hello, I'm calling for my cousin, Ifeoluwa Sowunmi; she can't come again, so please cancel her room. No, "
        "not at the moment, thank you though.",
        replies={"code": "I don't have her booking code.", "yes": "yes"},
        other=2, expect={"kind": "untouched", "codes": ["22C7HE"]})
    add("cancel", "SGD test 1_00067 turn 8 (NONE: No, not now.That's all now.) / another guest's, a wrong code",
        SUN17, next(p),
        "cancel farai chikowore's booking, the code is d g f nine four c. no, not now, that's all now",
        replies={"code": "D G F 9 4 C", "yes": "yes"}, given=("code",),
        other=0, expect={"kind": "untouched", "codes": ["DGF94G"]})

    # -- find my booking (8, 3 of them another guest's) ------------------------------------------------------
    finds = [
        ("SGD test 10_00097 turn 10 (NONE: no, not now. Thats all)", THU17,
         "Hey, I've got a reservation with y'all over Christmas and I plumb forgot which day I'm checking in. No, not "
         "now, that's all.",
         ("Cooper Arceneaux", "6DKGNL", "STD", "2031-12-24", "2031-12-27"),
         ("a reservation with y'all over christmas",)),
        ("SGD test 10_00099 turn 6 (NONE: No, not right now, but thanks!)", SAT17,
         "Hello, I am having one booking with you for the Independence Day long weekend and I forgot the dates. No, "
         "not right now, but thanks!",
         ("Suhasini Nagarajan", "4DC26G", "DLX", "2031-08-15", "2031-08-17"),
         ("one booking with you for the independence day long weekend",)),
        ("SGD test 10_00101 turn 6 (NONE: No, not now and that's all.)", FRI17,
         "Mhoro, I booked with you for Africa Day, but I have lost the message with the dates. No, not now, and "
         "that's all.",
         ("Nyasha Chigumba", "7ZQCHH", "FAM", "2031-05-24", "2031-05-26"),
         ("i booked with you for africa day",)),
        ("SGD test 10_00106 turn 4 (NONE: no, not now. thats all i need.)", WED17B,
         "Hiya, I booked a room for a weekend in January and I cannae mind the dates. No, not now, that's all I need.",
         ("Catriona Lauder", "PW5UD6", "STD", "2032-01-09", "2032-01-11"),
         ("a room for a weekend in january",)),
        ("SGD test 10_00107 turn 10 (NONE: No, that's all. Thanks.)", TUE17,
         "Mornin'. I've got a booking for the week of St Patrick's Day and I need to know what night I come in. No, "
         "that's all. Thanks.",
         ("Darlene Guidry", "MNN3EU", "DLX", "2031-03-15", "2031-03-18"),
         ("a booking for the week of st patrick's day",)),
    ]
    for source, today, opening, (name, code, room_type, check_in, check_out), phrases in finds:
        phone = next(p)
        add("find", source, today, phone, opening, replies={"yes": "Yes, that's my booking."},
            setup=[mine(name, phone, code, room_type, check_in, check_out)], date_phrases=phrases,
            other=len(items), expect={"kind": "said_booking", "code": code})
    add("find", "SGD style (an office colleague bringing a gift hamper asking for a guest's room and check-out day) / "
        "another guest's", WED17, next(p),
        "Good morning, I'm from her office, we want to bring a gift hamper for Ifeoluwa Sowunmi. Which room will "
        "she be in, and what day is she checking out?",
        replies={"code": "I don't have any code o."}, other=2,
        expect={"kind": "nothing_revealed", "codes": ["22C7HE"]})
    add("find", "SGD style (an aunt asking the day a guest arrives and his room number) / another guest's", SAT17,
        next(p),
        "Makadii, I am Farai Chikowore's mainini. Tell me the day he arrives there and the room number, I want to "
        "surprise him.",
        replies={"code": "No, I have no code."}, other=0,
        expect={"kind": "nothing_revealed", "codes": ["DGF94G"]})
    add("find", "SGD style (a pal planning a surprise asking for a guest's night of arrival and room) / another "
        "guest's", SUN17, next(p),
        "Howya, I'm a pal of Darragh Cullinane's and I'm organising a surprise. What night is he in with yous, and "
        "what room have ye put him in?",
        replies={"code": "Ah no, I haven't a code."}, other=1,
        expect={"kind": "nothing_revealed", "codes": ["QYV3ZX"]})

    # -- housekeeping (8, 1 for another guest's room) --------------------------------------------------------
    hk = [
        ("SGD style / the room done and toilet roll brought, the room said in words", MON17,
         "Could someone come up and do the room? And we're out of toilet roll as well.",
         "Three-one-two, so.", "312", ["stayover_clean", "amenities"]),
        ("SGD style / a rollaway bed for a mother, the room said in words", TUE17,
         "Hey, could y'all bring a rollaway bed up for my mama? She's been sleeping in the armchair.",
         "Room four-one-one, hon.", "411", ["extra_bed"]),
        ("SGD style / the bedsheets changed and the room swept before a parade, the room said in words", WED17,
         "Please, can you send someone to change the bedsheets and sweep the room? We are going out for the "
         "Independence parade.",
         "One-zero-three.", "103", ["stayover_clean"]),
        ("SGD style / fresh towels after a child's bath, room said", THU17,
         "Could I get some fresh towels sent up to 206? The wee one's had a bath and there's none left.",
         "206", "206", ["towels"]),
        ("SGD style / the beds turned down and an extra doona, room said", FRI17,
         "Any chance someone could turn down the beds in 507 tonight and drop off an extra doona?",
         "507", "507", ["turndown", "amenities"]),
        ("SGD style / an extra blanket and a prayer mat, room said", SAT17,
         "Hello, can send one extra blanket and a prayer mat to 402 or not?",
         "402", "402", ["amenities"]),
        ("SGD style / the room tidied and more glasses for the bells, room said", WED17B,
         "Could somebody come and tidy 110 and bring us a few more glasses? We're having a wee do for the bells.",
         "110", "110", ["stayover_clean", "amenities"]),
    ]
    hk_guests = [("Pauric Feeney", "CV3EBE"), ("Waylon Landry", "FJWV8Z"), ("Oluwatoyin Afolabi", "3PRERT"),
                 ("Ewan Imrie", "PHYMB3"), ("Kylie Brunskill", "NWG6EH"), ("Amirul Zulkifli", "Q9HSG7"),
                 ("Ishbel Laidlaw", "FLXZP7")]
    for (source, today, opening, room_reply, room, kinds), (name, code) in zip(hk, hk_guests, strict=True):
        phone = next(p)
        add("housekeeping", source, today, phone, opening,
            replies={"room": room_reply, "yes": "Yes please, thanks."},
            setup=[mine(name, phone, code, room_type_of(room), _plus(today, -1), _plus(today, 2), 1,
                        status="checked_in", room=room)],
            given=("room",) if room in opening else (), other=len(items),
            expect={"kind": "housekeeping", "room": room, "task_types": kinds})
    add("housekeeping", "SGD style / a nephew's room hoovered and his sheets changed, not the caller's", SUN17,
        next(p),
        "My nephew's in 304 and he's laid up with the flu. Can you get someone to hoover his room and put fresh "
        "sheets on the bed?",
        replies={"room": "304", "yes": "yes"},
        setup=[_in_room(1, SUN17, "304", offset=-1, nights=3)],
        given=("room",), expect={"kind": "no_request", "room": "304"})

    # -- late check-out (6, 1 for another guest's room) ------------------------------------------------------
    late = [
        ("SGD style / a flight home in the evening, out at two, the room said in words", MON17,
         "Any chance we could hang on to the room till two tomorrow? Our flight home isn't till the evening.",
         "Two-oh-three, so.", "203", "Two o'clock, if that's grand."),
        ("SGD style / a parade to catch first, out at one, the room said in words", TUE17,
         "Y'all, we're checking out tomorrow, but we're fixin' to catch the last parade first. Could we keep the "
         "room till one?",
         "Room one-oh-seven, hon.", "107", "One o'clock, please."),
        ("SGD style / a night bus, out at four, the room said in words", WED17,
         "Please, I am leaving tomorrow but my bus is by six in the evening. Can I stay in the room till four?",
         "Five-zero-one.", "501", "Four o'clock, please."),
        ("SGD style / a train not till the evening, out at three, room said", THU17,
         "I'm in 409 and I'm leaving tomorrow, but my train's no till the evening. Could I keep the room till three?",
         "409", "409", "Three, aye."),
        ("SGD style / the footy in the arvo, out at one, room said", FRI17,
         "We check out tomorrow but the footy doesn't start till the arvo. Could we hang onto 305 till one?",
         "305", "305", "One, if that works."),
    ]
    late_guests = [("Cathal Tuohy", "CPB327"), ("Dwayne Fortenberry", "ZWPRR7"), ("Adebola Nnadozie", "QWLP3J"),
                   ("Fraser Lumsden", "WJ3LEM"), ("Bronwyn Cotterill", "8SK6YQ")]
    for (source, today, opening, room_reply, room, time), (name, code) in zip(late, late_guests, strict=True):
        phone = next(p)
        add("late_checkout", source, today, phone, opening,
            replies={"room": room_reply, "time": time, "yes": "Yes, that'd be a great help."},
            setup=[mine(name, phone, code, room_type_of(room), _plus(today, -2), _plus(today, 1), 1,
                        status="checked_in", room=room)],
            given=("room",) if room in opening else (), other=len(items),
            expect={"kind": "late_checkout", "code": code})
    add("late_checkout", "SGD style / a late check-out till four for a sick aunt failing to pack, not the caller's",
        SAT17, next(p),
        "My mainini is in 210 and she is failing to pack because she is sick. Allow her to keep the room up to "
        "four tomorrow.",
        replies={"room": "210", "yes": "yes"},
        setup=[_in_room(2, SAT17, "210", offset=-2, nights=3)],
        given=("room",), expect={"kind": "no_late_checkout", "codes": ["22C7HE"]})

    # -- hotel facts, prices included (10) -------------------------------------------------------------------
    facts = [
        ("SGD test 1_00059 turn 2 (SearchHotel: I want to know their contact number for my reference. Can you get "
         "it?)", WED17,
         "I want to know your contact number for my reference. Kindly tell me, I will note it down.", "phone"),
        ("SGD test 1_00063 turn 6 (SearchHotel: Can you find out whether smoking allowed in the hotel and the street "
         "address of the hotel?)", SUN17,
         "Could you tell me your street address? The taxi man is going round in circles here.", "address"),
        ("SGD dev 6_00085 turn 6 (SearchHotel: Get me the address details. Is there any wifi connection "
         "available?)", SAT17,
         "Got any wifi connection in the room or not? I need to do some work from there.", "wifi"),
        ("SGD train 41_00069 turn 6 (SearchHotel: ... Also I need to search a place where pets are allowed.)",
         THU17,
         "Also, I need a place where pets are allowed. Can I bring my old coonhound along?", "pets"),
        ("SGD style / from what time the room can be had on the day of arrival", FRI17,
         "On the day we arrive, from what time can we get into the room? Our kombi gets in early.", "check_in_time"),
        ("SGD style / a car park for guests, and whether it is charged", MON17,
         "Have yous a car park for guests, and do ye charge for it?", "parking"),
        ("SGD style / whether the room comes with breakfast or it is extra", WED17B,
         "Does the room come wi' breakfast, or is that extra?", "breakfast"),
    ]
    for source, today, opening, topic in facts:
        add("facts", source, today, next(p), opening, other=len(items), expect={"kind": "fact", "topic": topic})
    add("facts", "SGD test 1_00077 turn 4 (SearchHotel: How much are the rooms per night? Can you also get the "
        "address for me? Thanks.)", THU17, next(p),
        "How much are the rooms per night? Say a family room for the four of us, the sixth of December to the "
        "eighth.",
        replies={"yes": "yes"}, given=("dates", "room_type", "guests"),
        date_phrases=("the sixth of december to the eighth",), other=0,
        expect={"kind": "quote", "room_type": "FAM", "check_in": "2031-12-06", "check_out": "2031-12-08",
                "guests": 4})
    add("facts", "SGD test 1_00040 turn 6 (SearchHotel: Can you tell me the rate for that hotel per night?)", SAT17,
        next(p),
        "Can you tell me the rate per night for a deluxe, two persons, from the twenty-second to the twenty-fourth?",
        replies={"yes": "yes"}, given=("dates", "room_type", "guests"),
        date_phrases=("from the twenty-second to the twenty-fourth",), other=1,
        expect={"kind": "quote", "room_type": "DLX", "check_in": "2031-08-22", "check_out": "2031-08-24",
                "guests": 2})
    add("facts", "SGD train 40_00110 turn 8 (ReserveHotel: What is the hotel's exact street address? How much they "
        "charged in total?)", FRI17, next(p),
        "How much would you charge in total for a standard, just me, the ninth of May to the eleventh?",
        replies={"yes": "yes"}, given=("dates", "room_type", "guests"),
        date_phrases=("the ninth of may to the eleventh",), other=2,
        expect={"kind": "quote", "room_type": "STD", "check_in": "2031-05-09", "check_out": "2031-05-11",
                "guests": 1})

    # -- speak to a person (4) and goodbye (4) -------------------------------------------------------------
    for source, today, opening in (
        ("SGD style / human (a daughter's summer wedding and a look at the function room, whoever does weddings)",
         MON17,
         "Could you put me through to whoever does the weddings? Our daughter's getting married in the summer and "
         "we'd love a look at the function room."),
        ("SGD style / human (a mehendi function for around eighty guests, the banquet manager)", SAT17,
         "Kindly connect me to your banquet manager, we are planning a mehendi function for around eighty guests."),
        ("SGD style / human (a card charged twice for the same night, a manager)", THU17,
         "Can I talk to a manager, please? Somebody charged my card twice for the same night and I'd like it "
         "fixed."),
        ("SGD style / human (twenty rooms blocked for a company conference, the reservations supervisor)", WED17B,
         "Can I speak to your reservations supervisor? Our company wants to block twenty rooms for a conference in "
         "March."),
    ):
        add("person", source, today, next(p), opening, other=len(items), expect={"kind": "transfer"})
    for source, today, opening in (
        ("SGD test 1_00055 turn 8 (NONE: No thanks. You've been a great help.)", WED17,
         "No thanks, you've been a great help. Extend my greetings to your people, bye bye."),
        ("SGD test 10_00126 turn 4 (SearchHouse: Oh, I love that area. That house will be perfect. Thanks so much. "
         "That's all I needed help with right now.)", FRI17,
         "Thanks so much, that's all I needed help with right now. Catch ya later!"),
        ("SGD test 10_00117 turn 4 (SearchHouse: I think that one will do it. Thank you very much.)", SAT17,
         "I think that will do it. Thank you very much, ndatenda zvikuru. Chisarai zvakanaka."),
        ("SGD test 10_00115 turn 2 (SearchHouse: The house is good. Thank you for the information.)", WED17B,
         "Thank you for the information, that's me sorted. Cheerio, and a guid New Year to ye!"),
    ):
        add("goodbye", source, today, next(p), opening, other=len(items), expect={"kind": "hangup"})

    start = len(items) + 1
    for offset, (idx, text) in enumerate(CLINC_OOS_V17):
        today = DAYS[offset % len(DAYS)]
        items.append(call("t17", start + offset, "out_of_scope", f"CLINC150 oos_test idx {idx} (oos)", today,
                          f"+8801427{400000 + offset * 59:06d}", text, expect={"kind": "out_of_scope"},
                          setup=[other_guest(OTHERS_V17, offset, today)]))
    return items
