"""The test split, version 18 (``splits/test18.jsonl``): held out from 2026-12-02 (its provenance).

Written after v17 was scored once and so spent, by v17's rules and in its proportions (126 calls: the same flows,
the same count per flow and the same kinds of call and expected outcome), blind to the agent (nobody who wrote it
read ``agent/`` or ``tools/``, nor how the agent answered v17 or any other split, nor any run's output), from what
v1-v17 and dev did not use:

- wording: SGD user turns of dialogues that no earlier split followed (each call's ``source`` names the turn),
  rewritten for our one hotel in the source's style, with the fillers, self-corrections, holidays, weekdays,
  ordinals, ranges, spelled-out numbers and idioms of real callers, and callers who correct themselves or answer
  two questions at once (Welsh, Jamaican, South African, Singaporean, Pakistani, Yorkshire and Cockney forms:
  "Shwmae", "Bore da", "cariad", "by there", "duw duw", "my butty", "my nain", "cracking", "Wah gwaan", "irie",
  "soon come", "likkle more", "pickney dem", "bless up", "yah man", "cyaan", "unu", "mi haffi", "beg you", "now now"
  (soon), "sharp sharp", "bakkie", "first prize", "shame", "Shot", "alamak", "chope", "makan", "can lah", "can
  already", "same to same", "my good name is", "Inshallah", "Khuda Hafiz", "Ey up", "nowt", "summat",
  "our lass", "our kid", "mardy", "reyt", "while" for until, "a right tip", "me old china", "dog and bone", "trouble
  and strife", "cream crackered", "brassic", "Cor blimey", "Bob's your uncle", "lovely jubbly", "push the boat out",
  "what's the damage", "blinding"). SGD turns named "SGD <split> <dialogue> turn <n>" are from single-service Hotels_1-4
  dialogues of google-research-datasets/dstc8-schema-guided-dialogue (``<split>/dialogues_NNN.json``, commit
  e852981, brought here with the ``fetch`` tool, as for v7-v17), none of them in ``../shared/data/dialogues`` nor
  followed by v1-v17 or dev, and no dialogue followed twice. Only 28 such dialogues were left (the last unfollowed
  Hotels_2 and Hotels_4 dialogues of SGD's test and train sets), and each is followed once, so more calls than in
  v17 have no source turn: housekeeping, late check-out and speak-to-a-person calls as before, and with them twelve
  bookings, all ten changes, six cancellations, a look-up of the caller's own booking, six hotel-fact questions, two
  price questions and three look-ups of another guest's booking, written "SGD style" in phrasings no split had. No
  MultiWOZ turn is followed (as in v9-v17, none is left);
- out of scope: CLINC150's next 40 ``oos_test`` utterances after v17's, idx 766-812 of clinc/oos-eval
  ``data/data_full.json`` (commit 828f809), verbatim, leaving out seven a hotel could take for a request of its own
  (``CLINC_OOS_V18_LEFT_OUT``);
- new names, phone numbers (+880 1318…, 1356…, 1444…), codes and eight new days (``DAYS``), all in 2032, later in
  the calendar than any earlier split's: St David's Day on a Monday (the day after the 29th of February of a leap
  year, Mothering Sunday on the 7th), Pakistan Day on a Tuesday (Good Friday that week, and Easter Sunday on the day
  the clocks go forward in Britain), South Africa's Youth Day on a Wednesday (Father's Day on the Sunday, the end of
  a 30-day June), the Day of Reconciliation on a Thursday (Christmas on a Saturday, so the bank holidays are the
  Monday and Tuesday after, and the turn of the year into 2033), Heritage Day on a Friday (the end of a 30-day
  September, "the first" a Friday), Pakistan's Independence Day on a Saturday (Singapore's National Day five days
  past, Notting Hill Carnival and the summer bank holiday at the end of a 31-day August ahead), Jamaica's
  Emancipation Day and Yorkshire Day on a Sunday (Jamaica's holiday kept on the Monday, its Independence Day on the
  Friday, Singapore's National Day on the Monday after), and Bonfire Night on a Friday (the clocks gone back on
  Halloween, Remembrance Sunday on the 14th, the end of a 30-day November).

``make_splits.py`` renders and checks it with v1-v17 and dev (``python -m benchmarks.agent.make_splits --check``).
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

V18 = 18
HEADER_V18 = ("FROZEN test split v{v}: held out from 2026-12-02; never tune on it, never run the agent on it or look "
              "at how the agent answers it before its one scored run (use dev.jsonl, or test.jsonl and test2.jsonl "
              "to test17.jsonl: spent). Written by benchmarks/agent/splits_v18.py via make_splits.py.")

# The hotel's day of each call (10:00 hotel time): every day of the week, none of v1's-v17's or dev's.
MON18 = "2032-03-01"  # St David's Day: 2032 is a leap year, so yesterday was Sunday the 29th of February; Mothering
#                       Sunday is the 7th; Pakistan Day is Tuesday the 23rd; Good Friday is the 26th, and Easter
#                       Sunday the 28th, the day the clocks go forward in Britain; March has 31 days
TUE18 = "2032-03-23"  # Pakistan Day: Good Friday is the 26th, Easter Sunday (the clocks going forward in Britain) the
#                       28th and Easter Monday the 29th; March has 31 days, so "the first" is Thursday the 1st of
#                       April; South Africa's Freedom Day is Tuesday the 27th of April
WED18 = "2032-06-16"  # Youth Day in South Africa: Father's Day is Sunday the 20th; June has 30 days, so "the first" is
#                       Thursday the 1st of July, and the "fourth of July" a Sunday
THU18 = "2032-12-16"  # the Day of Reconciliation in South Africa: Christmas is a Saturday and Boxing Day (the Day of
#                       Goodwill) a Sunday, so the bank holidays are Monday the 27th and Tuesday the 28th (South Africa
#                       keeps Monday the 27th); New Year's Day 2033 is a Saturday, kept in Britain on Monday the 3rd
FRI18 = "2032-09-24"  # Heritage Day in South Africa (Braai Day), on a Friday: September has 30 days, so "the first"
#                       is Friday the 1st of October and "next Friday" the same day
SAT18 = "2032-08-14"  # Pakistan's Independence Day: Jamaica's Independence Day was Friday the 6th and Singapore's
#                       National Day Monday the 9th; Notting Hill Carnival is Sunday the 29th and the summer bank
#                       holiday Monday the 30th; August has 31 days, so "the first" is Wednesday the 1st of September
SUN18 = "2032-08-01"  # Jamaica's Emancipation Day and Yorkshire Day, on a Sunday: Jamaica keeps the holiday on Monday
#                       the 2nd and its Independence Day on Friday the 6th; Singapore's National Day is Monday the 9th
FRI18B = "2032-11-05"  # Bonfire Night: the clocks went back in Britain on Sunday the 31st of October (Halloween);
#                        Remembrance Sunday is the 14th; November has 30 days, so "the first" is Wednesday the 1st
#                        of December
DAYS = (MON18, TUE18, WED18, THU18, FRI18, SAT18, SUN18, FRI18B)

OTHERS_V18 = [
    {"name": "Oneil Gentles", "phone": "+8801356207413", "room_type": "DLX", "code": "TCN9W4"},
    {"name": "Imran Qazi", "phone": "+8801356248870", "room_type": "STD", "code": "F9GJQG"},
    {"name": "Busisiwe Shezi", "phone": "+8801356291536", "room_type": "FAM", "code": "UAJ98A"},
]

# CLINC150 oos_test (clinc/oos-eval data/data_full.json, commit 828f809), idx 766-812, verbatim.
CLINC_OOS_V18 = (
    (766, "tell me what my local park's policy is on letting dogs off of leashes"),
    (767, "look up the operating hours of my local park on weekends"),
    (768, "how many parks are within 20 miles of me"),
    (769, "check to see if i still have allergy medication"),
    (770, "sign me up for the writing class you told me about 2 days ago"),
    (771, "find articles on essay writing for beginners"),
    (772, "how long should an essay be"),
    (773, "how do you start an essay"),
    (774, "what should you do if your laundry machine is making a high pitched whine"),
    (775, "find out who the best appliance repairman is for the downtown area"),
    (776, "look up local repair shops that work on vacuum cleaners"),
    (777, "can i get a sear's appliance repairman"),
    (778, "find directions to the sunshine car wash from my house"),
    (780, "what brush can i use to wash my car that won't scratch it"),
    (783, "schedule an appointment with the credit counselor for tuesday"),
    (784, "find a credit mentoring service number for me please"),
    (786, "look up articles on the green dry cleaning industry"),
    (787, "find a cleaner that specializes in suede"),
    (788, "when should you use a dry cleaner"),
    (789, "create emergency phone numbers list"),
    (790, "do sets of 25 set-ups each morning til you have completed your goal"),
    (791, "keep a note of how many miles you walk a day"),
    (792, "how much weight should i lift to get buff"),
    (793, "what's a good stretch to do to limber up"),
    (794, "look up the most requested famous person for quotes"),
    (795, "what is the most famous quote on the internet"),
    (796, "make a list of the top 100 famous quotes"),
    (797, "show me the top 10 quotes by mark twain"),
    (798, "what do you do if you can't stop vomiting"),
    (799, "what should i take for a cold"),
    (800, "i have too many credit cards, is there any way you can help me organize them"),
    (801, "find a credit counseling service for me on the web"),
    (802, "explain how to reduce my debt burden"),
    (803, "look up the current auto loan rate at chase bank"),
    (804, "look up student loan offers on google"),
    (805, "check current prime mortgage rate"),
    (806, "what should you do if you can't be bothered to get out of bed"),
    (807, "send me a quote from a motivational speaker twice a day"),
    (808, "find me a book on motivational speaking from amazon"),
    (812, "what's a good way of backing out of a parking spot"),
)
# Left out: a hotel could take each for a request of its own (779, a car wash appointment booked, read as a service
# the front desk books for a guest's car; 781 and 782, the car's windows cleaned and the car vacuumed, read as
# cleaning requests of the kind housekeeping or valet parking takes; 785, the cost of two jackets dry cleaned, read as
# a question about the hotel's laundry service; 809, 810 and 811, a pass for, the opening of and the cost of the
# parking garages downtown, read as questions about the hotel's own car park).
CLINC_OOS_V18_LEFT_OUT = (
    (779, "can you book me an appointment at a car wash"),
    (781, "please clean the car windows"),
    (782, "vacuum out the car"),
    (785, "how much does it cost to get two jackets dry cleaned"),
    (809, "check to see if i need a pass to use the parking garages downtown"),
    (810, "can you check to see which parking garages are open downtown"),
    (811, "how much does it cost to use the parking garage downtown"),
)


def _in_room(index: int, today: str, room: str, *, offset: int, nights: int) -> dict[str, Any]:
    return in_room(OTHERS_V18, index, today, room, offset=offset, nights=nights)


def test18_split() -> list[dict[str, Any]]:  # noqa: PLR0915 (one long list of calls is the clearest form)
    items, add = calls_of("t18", OTHERS_V18)

    p = iter(f"+8801318{500000 + i * 67:06d}" for i in range(200))

    # -- book (26) -------------------------------------------------------------------------------------------
    add("book", "SGD test 1_00106 turn 8 (ReserveHotel: Yes, I'd like a reservation for six days, checking in on "
        "March 7th.) + turn 10 (Yes, that is correct. ...)", MON18, next(p),
        "Shwmae. Yes, I'd like a reservation for six nights, checking in on the seventh, Mothering Sunday. It's for "
        "me and my mam.",
        replies={"room_type": "The standard will do us lovely.", "name": "Ffion Gruffydd",
                 "yes": "Yes, that is correct, cariad."},
        given=("dates", "guests"),
        date_phrases=("for six nights, checking in on the seventh, mothering sunday",), other=0,
        expect=booking("2032-03-07", "2032-03-13", 2, "STD", "Ffion Gruffydd"))
    add("book", "SGD test 11_00010 turn 4 (BookHouse: It is nice. Please book it. I will check out on 5th of this "
        "month and check out on this Sunday.)", SAT18, next(p),
        "Salaam. Please book it for me. I will check out on the eighteenth of this month and, sorry, check in on "
        "this Sunday, the fifteenth. I am alone.",
        replies={"room_type": "Standard one, please.", "name": "Kashif Warraich",
                 "yes": "Yes, exactly correct, thank you."},
        given=("dates", "guests"),
        date_phrases=("check out on the eighteenth of this month", "check in on this sunday, the fifteenth"),
        other=1, expect=booking("2032-08-15", "2032-08-18", 1, "STD", "Kashif Warraich"))
    add("book", "SGD train 26_00034 turn 0 (BookHouse: Hi, I am looking forward to book a house, where three people "
        "could stay comfortably.) + turn 4 (I want to check in on the 2nd.) + turn 6 (I will check out on March "
        "12th.)", SUN18, next(p),
        "Wah gwaan. Mi looking forward to book a room where three of we can stay comfortable. Mi want to check in on "
        "the second, tomorrow, the holiday, and check out on the fifth.",
        replies={"room_type": "The family room, yah man.", "name": "Rushane Wauchope", "yes": "Yes, bless up."},
        given=("dates", "guests"),
        date_phrases=("check in on the second, tomorrow, the holiday", "check out on the fifth"), other=2,
        expect=booking("2032-08-02", "2032-08-05", 3, ["FAM", "STE"], "Rushane Wauchope"))
    add("book", "SGD train 34_00031 turn 2 (BookHouse: Awesome, I need it for two people.) + turn 4 (4th of March.) + "
        "turn 6 (3rd of this month.)", WED18, next(p),
        "Hello, I need a room for two people. Check in the twenty-fourth, ah no, alamak, the twenty-third of this "
        "month, check out on the twenty-sixth. Can lah?",
        replies={"room_type": "Deluxe, please.", "name": "Jiayi Phua", "yes": "Okay, confirm, thank you."},
        given=("dates", "guests"),
        date_phrases=("the twenty-third of this month, check out on the twenty-sixth",), other=0,
        expect=booking("2032-06-23", "2032-06-26", 2, "DLX", "Jiayi Phua"))
    add("book", "SGD test 10_00096 turn 0 (SearchHouse: I'd like to look for a residence for 1 person to stay in, and "
        "it needs to have laundry service and a 4.3 rating or higher.)", FRI18B, next(p),
        "Ey up. I'd like a room for one person, from tomorrow while Monday, t' eighth.",
        replies={"room_type": "Just a standard, nowt fancy.", "name": "Wilfred Oddy", "yes": "Aye, reyt, that's it."},
        given=("dates", "guests"), date_phrases=("from tomorrow while monday, t' eighth",), other=1,
        expect=booking("2032-11-06", "2032-11-08", 1, "STD", "Wilfred Oddy"))
    add("book", "SGD test 10_00104 turn 0 (SearchHouse: I need a house for one person in Vancouver that is rated "
        "higher than 4.3.)", FRI18, next(p),
        "Hi there. I need a room for one person for the long weekend, tonight, Heritage Day, till Sunday, the "
        "twenty-sixth.",
        replies={"room_type": "Standard's fine.", "name": "Palesa Oosthuizen", "yes": "Ja, first prize, thanks."},
        given=("dates", "guests"), date_phrases=("tonight, heritage day, till sunday, the twenty-sixth",), other=2,
        expect=booking("2032-09-24", "2032-09-26", 1, "STD", "Palesa Oosthuizen"))
    add("book", "SGD test 11_00001 turn 0 (SearchHouse: Find me a house to stay for two people.)", THU18, next(p),
        "Find me a room for two people, me and the trouble and strife, from Christmas Eve, the Friday, for three "
        "nights.",
        replies={"room_type": "Deluxe, guv, we'll push the boat out.", "name": "Reggie Pettifer",
                 "yes": "Lovely jubbly."},
        given=("dates", "guests"), date_phrases=("from christmas eve, the friday, for three nights",), other=1,
        expect=booking("2032-12-24", "2032-12-27", 2, "DLX", "Reggie Pettifer"))
    add("book", "SGD test 10_00116 turn 6 (SearchHouse: Is there a house for 3 people that has a rating of 4.3.)",
        TUE18, next(p),
        "Is there a room for three people, now? Me, my husband and the little one, from Good Friday, the "
        "twenty-sixth, to Easter Monday.",
        replies={"room_type": "Whatever fits the three of us, cariad.", "name": "Sioned Llwyd",
                 "yes": "Yes, lovely, that's us."},
        given=("dates", "guests"), date_phrases=("from good friday, the twenty-sixth, to easter monday",), other=2,
        expect=booking("2032-03-26", "2032-03-29", 3, ["FAM", "STE"], "Sioned Llwyd"))
    add("book", "SGD test 1_00042 turn 0 (SearchHotel: I need a three star hotel for 1 room.)", TUE18, next(p),
        "Salaam. I need one room, for the twenty-ninth till the first of April, three nights. We are two persons, me "
        "and my wife.",
        replies={"room_type": "Deluxe, please.", "name": "Faraz Jatoi", "yes": "Yes, Inshallah, confirm it."},
        given=("dates", "guests"), date_phrases=("for the twenty-ninth till the first of april, three nights",),
        other=0, expect=booking("2032-03-29", "2032-04-01", 2, "DLX", "Faraz Jatoi"))
    add("book", "SGD test 1_00049 turn 2 (SearchHotel: Can you search Los Angeles, I need one room.)", SUN18, next(p),
        "Hello, I need one room for the National Day weekend, Saturday the seventh to Monday the ninth. Two adults.",
        replies={"room_type": "Standard can already.", "name": "Huiling Yeoh", "yes": "Okay, steady, confirm."},
        given=("dates", "guests"), date_phrases=("saturday the seventh to monday the ninth",), other=1,
        expect=booking("2032-08-07", "2032-08-09", 2, "STD", "Huiling Yeoh"))
    add("book", "SGD test 1_00074 turn 0 (SearchHotel: I need a hotel in London, UK with 1 room.)", FRI18B, next(p),
        "'Ello. I need one room, just for me, Saturday the thirteenth for two nights. Cor blimey, I'm cream crackered "
        "just thinking about the drive.",
        replies={"room_type": "Standard, I'm brassic.", "name": "Lenny Catchpole", "yes": "Ta, that's the one."},
        given=("dates", "guests"), date_phrases=("saturday the thirteenth for two nights",), other=2,
        expect=booking("2032-11-13", "2032-11-15", 1, "STD", "Lenny Catchpole"))
    add("book", "SGD test 10_00123 turn 0 (SearchHouse: Find a house to stay, its should be rated 4.3 or higher and "
        "suitable for one person)", WED18, next(p),
        "Find me a room suitable for one person, from the first of July, the Thursday, for four nights.",
        replies={"room_type": "Deluxe, if you've got one.", "name": "Sizwe Coetzee", "yes": "Shot, that's it."},
        given=("dates", "guests"), date_phrases=("from the first of july, the thursday, for four nights",), other=0,
        expect=booking("2032-07-01", "2032-07-05", 1, "DLX", "Sizwe Coetzee"))
    add("book", "SGD test 11_00006 turn 0 (SearchHouse: Hello, I need to find a house where I can stay.) + turn 6 "
        "(That sounds like it will work. I think I'm all set.) + confirmed in one breath", SUN18, next(p),
        "Ey up, I need a room where me and our lass can stay, Friday the thirteenth, two nights, a deluxe, name's "
        "Cyril Bairstow, and I think I'm all set, so book it.",
        replies={"yes": "Aye, go on, book it."}, given=("dates", "guests", "room_type", "name"),
        date_phrases=("friday the thirteenth, two nights",), other=1,
        expect=booking("2032-08-13", "2032-08-15", 2, "DLX", "Cyril Bairstow"))
    add("book", "SGD test 1_00048 turn 4 (SearchHotel: I need 1 room. Is there any others that meet my needs?)",
        FRI18B, next(p),
        "Mi need one room, fi me one, from Friday the nineteenth, two nights. Mi soon come, mi just a finish work.",
        replies={"room_type": "Standard, yah man.", "name": "Tevin Facey", "yes": "Irie, yes."},
        given=("dates", "guests"), date_phrases=("from friday the nineteenth, two nights",), other=2,
        expect=booking("2032-11-19", "2032-11-21", 1, "STD", "Tevin Facey"))
    phone = next(p)
    add("book", "SGD style / a returning guest, the same room type as last time", MON18, phone,
        "Bore da, I stayed with you for the rugby last year. I'd like the deluxe again, from the eleventh for three "
        "nights, just me and my husband.",
        replies={"yes": "Yes, that's us now."},
        setup=[known_guest("Meirion Tudur", phone)], given=("dates", "guests", "room_type"),
        date_phrases=("from the eleventh for three nights",), other=0,
        expect=booking("2032-03-11", "2032-03-14", 2, "DLX", "Meirion Tudur"))
    phone = next(p)
    add("book", "SGD style / a returning guest, same to same as last time", SAT18, phone,
        "Salaam, I stayed with you last Eid. Same to same like last time, standard room, one person, from Wednesday, "
        "the first of September, for two nights.",
        replies={"yes": "Yes, it is me."},
        setup=[known_guest("Arslan Khattak", phone)], given=("dates", "guests", "room_type"),
        date_phrases=("from wednesday, the first of september, for two nights",), other=1,
        expect=booking("2032-09-01", "2032-09-03", 1, "STD", "Arslan Khattak"))
    add("book", "SGD style / next Friday said on a Monday, two nights", MON18, next(p),
        "Shwmae. I want a room next Friday, two nights, for me and my butty. We're coming up for a match.",
        replies={"room_type": "Standard, by there.", "name": "Aled Ifans", "yes": "Yes, cracking, ta."},
        given=("dates", "guests"), date_phrases=("next friday, two nights",), other=2,
        expect=booking("2032-03-05", "2032-03-07", 2, "STD", "Aled Ifans",
                       alternatives=(("2032-03-12", "2032-03-14"),)))
    add("book", "SGD style / the Day of Goodwill, one night, before a cousin takes the room", THU18, next(p),
        "Hi, I want to book for the Day of Goodwill, Monday the twenty-seventh, just one night. Book it now now, "
        "before my cousin takes it.",
        replies={"guests": "Just me, hey.", "room_type": "A standard.", "name": "Tumelo Hlongwane",
                 "yes": "Ja, sharp."},
        given=("dates",), date_phrases=("monday the twenty-seventh, just one night",), other=0,
        expect=booking("2032-12-27", "2032-12-28", 1, "STD", "Tumelo Hlongwane"))
    add("book", "SGD style / Independence Day weekend, a mother and two children", SUN18, next(p),
        "Mi want a room fi Independence Day, Friday the sixth, two nights, me and mi two pickney dem.",
        replies={"room_type": "Whichever one fit all three a we.", "name": "Nickeisha Samuda",
                 "yes": "Yes, man, dat right."},
        given=("dates", "guests"), date_phrases=("friday the sixth, two nights",), other=1,
        expect=booking("2032-08-06", "2032-08-08", 3, ["FAM", "STE"], "Nickeisha Samuda"))
    add("book", "SGD style / Carnival, the Sunday and the bank holiday Monday", SAT18, next(p),
        "Alright? I want a room for Carnival, the Sunday and the bank holiday Monday, for me and me old china.",
        replies={"room_type": "Standard, ta.", "name": "Alfie Crump", "yes": "Blinding, guv."},
        given=("dates", "guests"), date_phrases=("the sunday and the bank holiday monday",), other=2,
        expect=booking("2032-08-29", "2032-08-31", 2, "STD", "Alfie Crump"))
    add("book", "SGD style / tomorrow, one night, two brothers", FRI18, next(p),
        "Ey up, me and our kid want a room, tomorrow, Saturday, for one night. We've summat on in town.",
        replies={"room_type": "Standard, owt'll do.", "name": "Ernest Hobday", "yes": "Aye, ta, love."},
        given=("dates", "guests"), date_phrases=("tomorrow, saturday, for one night",), other=0,
        expect=booking("2032-09-25", "2032-09-26", 2, "STD", "Ernest Hobday"))
    add("book", "SGD style / Father's Day weekend, a family of four", WED18, next(p),
        "Hi, I want to chope a room for Father's Day weekend, Friday the eighteenth to the Sunday. Four of us, my "
        "parents, my sister and me.",
        replies={"room_type": "Family room, please.", "name": "Jingwen Loke", "yes": "Yes, correct, thank you ah."},
        given=("dates", "guests"), date_phrases=("friday the eighteenth to the sunday",), other=1,
        expect=booking("2032-06-18", "2032-06-20", 4, "FAM", "Jingwen Loke"))
    add("book", "SGD style / from tomorrow, five nights, the caller's good name said", TUE18, next(p),
        "I want one room from tomorrow for five nights, it is only myself. My good name is Junaid Durrani.",
        replies={"room_type": "Standard, please.", "yes": "Yes, that is right, thank you."},
        given=("dates", "guests", "name"), date_phrases=("from tomorrow for five nights",), other=2,
        expect=booking("2032-03-24", "2032-03-29", 1, "STD", "Junaid Durrani"))
    add("book", "SGD style / a stay into October, coming up in the bakkie", FRI18, next(p),
        "Hi, I need a room from the thirtieth, the Thursday, into October, till the second. Me and my wife, we're "
        "coming up in the bakkie.",
        replies={"room_type": "The deluxe, please.", "name": "Marthinus Roux", "yes": "Ja, that's lekker."},
        given=("dates", "guests"),
        date_phrases=("from the thirtieth, the thursday, into october, till the second",), other=0,
        expect=booking("2032-09-30", "2032-10-02", 2, "DLX", "Marthinus Roux"))
    add("book", "SGD style / over New Year into 2033, one person", THU18, next(p),
        "I need a room over New Year, the thirty-first to the second, just me. Book that and Bob's your uncle.",
        replies={"room_type": "Standard, ta.", "name": "Queenie Spriggs", "yes": "That's the one, ta."},
        given=("dates", "guests"), date_phrases=("over new year, the thirty-first to the second",), other=1,
        expect=booking("2032-12-31", "2033-01-02", 1, "STD", "Queenie Spriggs"))
    add("book", "SGD style / a party of four that is now three, three nights from a Friday", FRI18B, next(p),
        "Mi need a room from Friday the twenty-sixth, three nights. We did be four but now we three, mi cousin "
        "cyaan come.",
        replies={"room_type": "Something fi three.", "name": "Shevon Nembhard", "yes": "Yes, dat correct."},
        given=("dates", "guests"), date_phrases=("from friday the twenty-sixth, three nights",), other=2,
        expect=booking("2032-11-26", "2032-11-29", 3, ["FAM", "STE"], "Shevon Nembhard"))

    # -- change dates or guests (10, 2 of them another guest's booking) ---------------------------------------
    Change = tuple[str, str, str, dict[str, str], tuple[str, str, str, str, str, int], tuple[str, ...], dict[str, Any]]
    changes: list[Change] = [
        ("SGD style / a stay moved on a week, the same two nights", MON18,
         "Shwmae, I've got a booking for Saturday the sixth and I want to move it on a week, to the thirteenth, same "
         "two nights.",
         {"yes": "Yes, the thirteenth to the fifteenth."},
         ("Carys Vychan", "GRRHNZ", "STD", "2032-03-06", "2032-03-08", 2),
         ("a booking for saturday the sixth", "to the thirteenth, same two nights"),
         {"check_in": "2032-03-13", "check_out": "2032-03-15"}),
        ("SGD style / a party of two that becomes four over Easter", TUE18,
         "On my booking for Easter, the twenty-seventh, we are now four persons, not two. My brother and his wife are "
         "also coming.",
         {"yes": "Yes, four persons."},
         ("Mehwish Qadir", "FUB6CL", "FAM", "2032-03-27", "2032-03-29", 2),
         ("my booking for easter, the twenty-seventh",), {"guests": 4}),
        ("SGD style / arriving a day later, leaving the same day", WED18,
         "Hi there. On my booking for the twenty-fifth, the Friday, we'll only get there on the Saturday, the "
         "twenty-sixth, and still leave on the Sunday.",
         {"yes": "Ja, from the Saturday."},
         ("Karabo Zungu", "HDPC5M", "DLX", "2032-06-25", "2032-06-27", 2),
         ("my booking for the twenty-fifth, the friday", "on the saturday, the twenty-sixth"),
         {"check_in": "2032-06-26", "check_out": "2032-06-27"}),
        ("SGD style / a night longer over Boxing Day", THU18,
         "On my booking for Boxing Day, can I stop on till the twenty-ninth instead of the twenty-eighth?",
         {"yes": "Yes, out on the twenty-ninth."},
         ("Dolly Tilley", "LYDZNN", "STD", "2032-12-26", "2032-12-28", 2),
         ("my booking for boxing day", "till the twenty-ninth instead of the twenty-eighth"),
         {"check_in": "2032-12-26", "check_out": "2032-12-29"}),
        ("SGD style / arriving a day early, leaving the same day", FRI18,
         "Ey up, I've a booking for the second of October, but we'd like to come a day early, on the first, and "
         "leave same as before, on the fourth.",
         {"yes": "Aye, from the first."},
         ("Harold Stansfield", "DGA43T", "STD", "2032-10-02", "2032-10-04", 2),
         ("a booking for the second of october", "come a day early, on the first", "on the fourth"),
         {"check_in": "2032-10-01", "check_out": "2032-10-04"}),
        ("SGD style / dates and guests changed together", SAT18,
         "Hello, my booking on the twenty-first, two nights, can help me shift it to the twenty-second to the "
         "twenty-fifth? And we become three people, my mother coming also.",
         {"yes": "Yes, the twenty-second to the twenty-fifth, three people."},
         ("Junhao Leong", "MXLK83", "FAM", "2032-08-21", "2032-08-23", 2),
         ("my booking on the twenty-first, two nights", "to the twenty-second to the twenty-fifth"),
         {"check_in": "2032-08-22", "check_out": "2032-08-25", "guests": 3}),
        ("SGD style / a flight changed, arriving a day later", SUN18,
         "Wah gwaan, mi have a booking fi the twentieth, but mi flight change. Mi reach on the twenty-first instead "
         "and leave the twenty-third same way.",
         {"yes": "Yes, the twenty-first to the twenty-third."},
         ("Kadeem Blagrove", "QYLQD7", "STD", "2032-08-20", "2032-08-23", 2),
         ("a booking fi the twentieth", "on the twenty-first instead and leave the twenty-third"),
         {"check_in": "2032-08-21", "check_out": "2032-08-23"}),
    ]
    for source, today, opening, replies, (name, code, room_type, ci, co, guests), phrases, new in changes:
        phone = next(p)
        add("change", source, today, phone, opening, replies=replies,
            setup=[mine(name, phone, code, room_type, ci, co, guests)], date_phrases=phrases, other=len(items),
            expect={"kind": "changed", "code": code, **new})
    phone = next(p)
    add("change", "SGD style / two bookings, the Remembrance weekend one moved back a day", FRI18B, phone,
        "I've got two bookings with you. The one for Remembrance weekend, I want to come in on the Friday, the "
        "twelfth, and out on the Sunday, the fourteenth.",
        replies={"which": "The Remembrance weekend one.", "code": "I ain't got the codes on me.",
                 "yes": "Yeah, the twelfth to the fourteenth."},
        setup=[mine("Mabel Sparkes", phone, "JA3RWE", "STD", "2032-11-13", "2032-11-15"),
               mine("Mabel Sparkes", phone, "EXRSSA", "STD", "2032-12-10", "2032-12-12")],
        date_phrases=("the one for remembrance weekend", "in on the friday, the twelfth, and out on the sunday, the "
                      "fourteenth"),
        other=2,
        expect={"kind": "changed", "code": "JA3RWE", "check_in": "2032-11-12", "check_out": "2032-11-14",
                "untouched": ["EXRSSA"]})
    add("change", "SGD style / another guest's booking moved, by name", MON18, next(p),
        "I'm ringing for my cousin, Oneil Gentles. He wants his booking moved to the thirtieth, for two nights. "
        "Sort it for him, will you?",
        replies={"code": "I haven't got his code, no.", "yes": "yes"}, other=0,
        expect={"kind": "untouched", "codes": ["TCN9W4"]})
    add("change", "SGD style / another guest's booking cut to one person, a wrong code", TUE18, next(p),
        "I am calling for my brother, Imran Qazi. Make his booking for one person only. The code is F, nine, G, J, "
        "Q, C.",
        replies={"code": "F 9 G J Q C", "yes": "yes"}, given=("code",), other=1,
        expect={"kind": "untouched", "codes": ["F9GJQG"]})

    # -- cancel (10, 2 of them another guest's booking) ------------------------------------------------------
    cancels = [
        ("SGD test 11_00003 turn 8 (NONE: Nope. I am not interested it now. That is what I want.)", SAT18,
         "Salaam. Please cancel my booking for the twenty-eighth, two nights. I am not interested in it now. That is "
         "what I want.",
         "Yes, cancel it. Khuda Hafiz.",
         ("Mohsin Bhatti", "UN85JK", "STD", "2032-08-28", "2032-08-30"),
         ("my booking for the twenty-eighth, two nights",)),
        ("SGD test 10_00119 turn 6 (NONE: No, not now. Thanks.) + turn 8 (No. nothing for now.)", WED18,
         "Hi, please cancel my booking for the weekend of the twenty-sixth, two nights. My lift fell through, shame. "
         "No, nothing else for now, thanks.",
         "Ja, cancel it.",
         ("Elna Botha", "XUQRD3", "STD", "2032-06-26", "2032-06-28"),
         ("my booking for the weekend of the twenty-sixth, two nights",)),
        ("SGD test 10_00093 turn 8 (SearchHouse: That sounds great, I need to check some things out before I go "
         "further.)", FRI18,
         "Ey up. I need to check some things out before I go further, so cancel my booking for next Friday, the "
         "first, for now. One night, it were.",
         "Aye, cancel it.",
         ("Doreen Hirst", "3BAAYC", "DLX", "2032-10-01", "2032-10-02"),
         ("my booking for next friday, the first",)),
        ("SGD test 10_00124 turn 8 (SearchHouse: The house is great and all I need.)", SUN18,
         "Mi haffi cancel mi booking fi the Friday, the thirteenth, two nights. Everything else great, and that is "
         "all mi need.",
         "Yes, cancel it, man.",
         ("Romaine Bogle", "6FYAFE", "STD", "2032-08-13", "2032-08-15"),
         ("mi booking fi the friday, the thirteenth, two nights",)),
        ("SGD style / Easter weekend cancelled, a mother unwell", MON18,
         "Duw duw, my mam's not well, so cancel my booking for the Easter weekend, Good Friday for three nights.",
         "Yes, cancel that one.",
         ("Lowri Penhallow", "CS6Z2R", "FAM", "2032-03-26", "2032-03-29"),
         ("my booking for the easter weekend, good friday for three nights",)),
        ("SGD style / a Monday night before Christmas cancelled, the caller broke", THU18,
         "Cancel my booking for Monday the twentieth, one night. I'm brassic after all the Christmas shopping.",
         "Yeah, scrap it.",
         ("Clive Nutley", "VRM9ZH", "STD", "2032-12-20", "2032-12-21"),
         ("my booking for monday the twentieth, one night",)),
    ]
    for source, today, opening, yes, (name, code, room_type, check_in, check_out), phrases in cancels:
        phone = next(p)
        add("cancel", source, today, phone, opening, replies={"yes": yes},
            setup=[mine(name, phone, code, room_type, check_in, check_out)], date_phrases=phrases,
            other=len(items), expect={"kind": "cancelled", "code": code})
    phone = next(p)
    add("cancel", "SGD style / two bookings, the one to cancel told by its code", SUN18, phone,
        "I have two bookings under this number. Cancel only the one with code W, three, K, L, F, R; the other one "
        "keep.",
        replies={"code": "W 3 K L F R", "yes": "Yes, only W 3 K L F R."}, given=("code",),
        setup=[mine("Meixin Quah", phone, "W3KLFR", "STD", "2032-08-20", "2032-08-22"),
               mine("Meixin Quah", phone, "R2DEAS", "STD", "2032-09-10", "2032-09-12")],
        other=0, expect={"kind": "cancelled", "code": "W3KLFR", "untouched": ["R2DEAS"]})
    phone = next(p)
    add("cancel", "SGD style / two bookings, the one to cancel told by its holiday", TUE18, phone,
        "Cancel the one over Easter, but keep my booking for Pakistan's Independence Day in August.",
        replies={"which": "The Easter one.", "yes": "Yes, the Easter one."},
        setup=[mine("Sidra Kiani", phone, "JZEA34", "DLX", "2032-03-27", "2032-03-29"),
               mine("Sidra Kiani", phone, "STSHVD", "DLX", "2032-08-13", "2032-08-15")],
        date_phrases=("the one over easter", "my booking for pakistan's independence day in august"), other=1,
        expect={"kind": "cancelled", "code": "JZEA34", "untouched": ["STSHVD"]})
    add("cancel", "SGD style / another guest's booking cancelled by a friend, by name", FRI18B, next(p),
        "I'm calling for me mate, Busisiwe Shezi. She can't make it, so cancel her room, will ya?",
        replies={"code": "I ain't got her code.", "yes": "yes"},
        other=2, expect={"kind": "untouched", "codes": ["UAJ98A"]})
    add("cancel", "SGD style / another guest's booking, a wrong code, all in lower case", THU18, next(p),
        "cancel oneil gentles's booking the code is t c n nine w a thanks that's all",
        replies={"code": "T C N 9 W A", "yes": "yes"}, given=("code",),
        other=0, expect={"kind": "untouched", "codes": ["TCN9W4"]})

    # -- find my booking (8, 3 of them another guest's) ------------------------------------------------------
    finds = [
        ("SGD test 10_00111 turn 8 (NONE: No, I don't need you to.) + turn 10 (no, it's okay)", SAT18,
         "Hi, I got one booking with you for the long weekend end of August, but I forgot which day I check in. No, "
         "you don't need to change anything, it's okay.",
         ("Yixuan Teh", "RFABA3", "STD", "2032-08-29", "2032-08-31"),
         ("one booking with you for the long weekend end of august",)),
        ("SGD test 10_00114 turn 6 (SearchHouse: This house seems good. That would be all.)", FRI18,
         "Hi, I booked with you for the Day of Reconciliation, but I lost the email. Just tell me the dates. That "
         "would be all.",
         ("Mpho Msimang", "DUCJY3", "DLX", "2032-12-16", "2032-12-18"),
         ("i booked with you for the day of reconciliation",)),
        ("SGD test 11_00004 turn 6 (SearchHouse: Okay, this house sounds amazing. That's all I need for now.)",
         FRI18B,
         "Mi have a booking with unu fi Christmas week, but mi cyaan remember di dates. That's all I need for now.",
         ("Jhenelle Gayle", "MZ75P2", "FAM", "2032-12-22", "2032-12-26"),
         ("a booking with unu fi christmas week",)),
        ("SGD test 10_00105 turn 6 (SearchHouse: Okay..this is cool)", MON18,
         "Okay, this is cool, now. I booked a room for the Six Nations match later this month and I can't remember "
         "the night.",
         ("Tegid Howells", "D2MQFW", "STD", "2032-03-13", "2032-03-14"),
         ("a room for the six nations match later this month",)),
        ("SGD style / the bank holiday stay at the end of the month, the day of arrival forgotten", SUN18,
         "Ey up, I've a room booked for the bank holiday, end of the month, and I can't for the life of me "
         "remember what day we're in.",
         ("Gladys Wragg", "LZ52ZB", "STD", "2032-08-28", "2032-08-30"),
         ("a room booked for the bank holiday, end of the month",)),
    ]
    for source, today, opening, (name, code, room_type, check_in, check_out), phrases in finds:
        phone = next(p)
        add("find", source, today, phone, opening, replies={"yes": "Yes, that's my booking."},
            setup=[mine(name, phone, code, room_type, check_in, check_out)], date_phrases=phrases,
            other=len(items), expect={"kind": "said_booking", "code": code})
    add("find", "SGD style (an uncle sending sweets asking for a guest's room and day of arrival) / another guest's",
        TUE18, next(p),
        "I am Imran Qazi's uncle, I want to send him some sweets. Which room is he in, and when does he arrive?",
        replies={"code": "No, I do not have any code."}, other=1,
        expect={"kind": "nothing_revealed", "codes": ["F9GJQG"]})
    add("find", "SGD style (a workmate asking the day a guest gets in and his room) / another guest's", THU18,
        next(p),
        "I'm his old china from work. What day's Oneil Gentles getting in, and what room have you put him in?",
        replies={"code": "Nah, no code."}, other=0,
        expect={"kind": "nothing_revealed", "codes": ["TCN9W4"]})
    add("find", "SGD style (a sister planning a surprise asking a guest's arrival day and room) / another guest's",
        WED18, next(p),
        "Hi, I'm Busisiwe Shezi's sister and I want to surprise her. When is she checking in, and what's her "
        "room number?",
        replies={"code": "No, I haven't got a code."}, other=2,
        expect={"kind": "nothing_revealed", "codes": ["UAJ98A"]})

    # -- housekeeping (8, 1 for another guest's room) --------------------------------------------------------
    hk = [
        ("SGD style / the room hoovered and teabags brought, the room said in words", MON18,
         "Could someone come and hoover the room? And there's no teabags by there.",
         "Two-one-one, ta.", "211", ["stayover_clean", "amenities"]),
        ("SGD style / an extra bed for a son sleeping on the sofa, room said", TUE18,
         "Please send one extra bed to 305 for my son, he is sleeping on the sofa.",
         "305", "305", ["extra_bed"]),
        ("SGD style / towels after the pool, the room said in words", WED18,
         "Hi, could you send up some towels now now? The kids used them all at the pool.",
         "Four-oh-eight.", "408", ["towels"]),
        ("SGD style / the beds turned down and extra pillows, room said", THU18,
         "Could somebody turn down the beds in 509 tonight, and fetch us two more pillows while you're at it?",
         "509", "509", ["turndown", "amenities"]),
        ("SGD style / the room cleaned, a right tip, room said", FRI18,
         "Ey up, can someone come and clean 106? It's a right tip.",
         "106", "106", ["stayover_clean"]),
        ("SGD style / the room cleaned after the children's meal, the room said in words", SAT18,
         "Hi, our room very messy already after the kids makan inside. Can send someone to clean?",
         "Three-one-zero.", "310", ["stayover_clean"]),
        ("SGD style / fresh towels for the children, room said", SUN18,
         "Beg you send some fresh towels to 202, the pickney dem use up all of them.",
         "202", "202", ["towels"]),
    ]
    hk_guests = [("Elen Bowen", "6KZUGF"), ("Bilal Janjua", "3KPTP4"), ("Shirley Naidoo", "6Q39LM"),
                 ("Ethel Bunce", "3A4ABY"), ("Maureen Bottomley", "TMMCSA"), ("Kelvin Heng", "QC3B8T"),
                 ("Fitzroy Thwaites", "F9462K")]
    for (source, today, opening, room_reply, room, kinds), (name, code) in zip(hk, hk_guests, strict=True):
        phone = next(p)
        add("housekeeping", source, today, phone, opening,
            replies={"room": room_reply, "yes": "Yes please, thanks."},
            setup=[mine(name, phone, code, room_type_of(room), _plus(today, -1), _plus(today, 2), 1,
                        status="checked_in", room=room)],
            given=("room",) if room in opening else (), other=len(items),
            expect={"kind": "housekeeping", "room": room, "task_types": kinds})
    add("housekeeping", "SGD style / a friend's sheets changed and his room cleaned, not the caller's", FRI18B,
        next(p),
        "Me mate's in 304 and he's knackered after the fireworks. Could you send someone to change his sheets and "
        "give the room a good clean?",
        replies={"room": "304", "yes": "yes"},
        setup=[_in_room(1, FRI18B, "304", offset=-1, nights=3)],
        given=("room",), expect={"kind": "no_request", "room": "304"})

    # -- late check-out (6, 1 for another guest's room) ------------------------------------------------------
    late = [
        ("SGD style / a train home at teatime, out at two, the room said in words", MON18,
         "Any chance we can keep the room till two tomorrow? Our train home isn't till teatime.",
         "Two-oh-four, cariad.", "204", "Two o'clock, lovely."),
        ("SGD style / a night flight, out at four, the room said in words", SAT18,
         "I am leaving tomorrow but my flight is at night. Kindly allow me the room until four.",
         "One-zero-eight.", "108", "Four o'clock, please."),
        ("SGD style / the rugby at one, out at three, room said", FRI18,
         "We're out tomorrow, but the rugby's only at one. Can we keep 502 till three?",
         "502", "502", "Three, ja."),
        ("SGD style / an evening flight, out at two, room said", THU18,
         "I'm in 410, checking out tomorrow, but me flight ain't till the evening. Can I hang on till two, guv?",
         "410", "410", "Two, ta."),
        ("SGD style / a slow morning, out at one, the room said in words", SUN18,
         "We're leaving tomorrow, but can we stop in t' room while one? Our lass is mardy in the mornings.",
         "Three-oh-six.", "306", "One o'clock, love."),
    ]
    late_guests = [("Hywel Lloyd", "DSLB5L"), ("Danial Lodhi", "4PXDVP"), ("Jannie Kruger", "ZXCCPL"),
                   ("Sid Larkin", "MUQHDL"), ("Mavis Armitage", "PJP8PP")]
    for (source, today, opening, room_reply, room, time), (name, code) in zip(late, late_guests, strict=True):
        phone = next(p)
        add("late_checkout", source, today, phone, opening,
            replies={"room": room_reply, "time": time, "yes": "Yes, that'd be a big help."},
            setup=[mine(name, phone, code, room_type_of(room), _plus(today, -2), _plus(today, 1), 1,
                        status="checked_in", room=room)],
            given=("room",) if room in opening else (), other=len(items),
            expect={"kind": "late_checkout", "code": code})
    add("late_checkout", "SGD style / a late check-out till four for an unwell aunt, not the caller's", FRI18B,
        next(p),
        "Mi auntie inna room 210 and she nuh feel well. Make her keep the room till four tomorrow.",
        replies={"room": "210", "yes": "yes"},
        setup=[_in_room(2, FRI18B, "210", offset=-2, nights=3)],
        given=("room",), expect={"kind": "no_late_checkout", "codes": ["UAJ98A"]})

    # -- hotel facts, prices included (10) -------------------------------------------------------------------
    facts = [
        ("SGD test 10_00095 turn 4 (SearchHouse: Does is have laundry services and I need the phone number.)",
         FRI18B,
         "I need your phone number, quick, me dog and bone's about to die.", "phone"),
        ("SGD style / the street address, for a driver", SUN18,
         "Weh unu address deh? Mi waan give it to mi driver.", "address"),
        ("SGD style / whether the wifi in the room is free", WED18,
         "Is the wifi in the room free one, or must pay extra?", "wifi"),
        ("SGD style / whether a whippet may come", FRI18,
         "Can I bring me whippet along? She's no bother, she sleeps all day.", "pets"),
        ("SGD style / till what time the room can be kept on the last day", TUE18,
         "On the last day, till what time can we keep the room?", "check_out_time"),
        ("SGD style / somewhere safe to park a bakkie, and whether it is charged", THU18,
         "Is there somewhere safe to park the bakkie, and do you charge for it?", "parking"),
        ("SGD style / whether breakfast comes with the room", MON18,
         "Is breakfast in with the room, or do we pay extra for it, like?", "breakfast"),
    ]
    for source, today, opening, topic in facts:
        add("facts", source, today, next(p), opening, other=len(items), expect={"kind": "fact", "topic": topic})
    add("facts", "SGD test 1_00044 turn 4 (SearchHotel: What is the price per night and is smoking allowed?)", SAT18,
        next(p),
        "What is the price per night for a family room, four persons, from the twentieth to the twenty-second?",
        replies={"yes": "yes"}, given=("dates", "room_type", "guests"),
        date_phrases=("from the twentieth to the twenty-second",), other=0,
        expect={"kind": "quote", "room_type": "FAM", "check_in": "2032-08-20", "check_out": "2032-08-22",
                "guests": 4})
    add("facts", "SGD style / the cost of a deluxe for two over a weekend", WED18, next(p),
        "How much would a deluxe cost, two of us, Friday the second of July to the Sunday?",
        replies={"yes": "yes"}, given=("dates", "room_type", "guests"),
        date_phrases=("friday the second of july to the sunday",), other=1,
        expect={"kind": "quote", "room_type": "DLX", "check_in": "2032-07-02", "check_out": "2032-07-04",
                "guests": 2})
    add("facts", "SGD style / the damage for a standard for one, two nights", FRI18B, next(p),
        "What's the damage for a standard, just me, the twentieth to the twenty-second?",
        replies={"yes": "yes"}, given=("dates", "room_type", "guests"),
        date_phrases=("the twentieth to the twenty-second",), other=2,
        expect={"kind": "quote", "room_type": "STD", "check_in": "2032-11-20", "check_out": "2032-11-22",
                "guests": 1})

    # -- speak to a person (4) and goodbye (4) -------------------------------------------------------------
    for source, today, opening in (
        ("SGD style / human (a grandmother's ninetieth, whoever does the functions)", MON18,
         "Can I speak to whoever does the functions? We want a do for my nain's ninetieth."),
        ("SGD style / human (a company's team retreat, the sales manager)", SAT18,
         "Can pass me to your sales manager? Our company want to book rooms for a team retreat."),
        ("SGD style / human (a room not like its pictures, a manager)", SUN18,
         "Mi need fi talk to a manager. Di room mi get nuh look nothing like di picture dem."),
        ("SGD style / human (a wallet left in the restaurant, whoever is in charge)", THU18,
         "Put me through to whoever's in charge, would ya? I left me wallet in your restaurant last night."),
    ):
        add("person", source, today, next(p), opening, other=len(items), expect={"kind": "transfer"})
    for source, today, opening in (
        ("SGD test 1_00045 turn 4 (SearchHotel: Sounds great. Thats all I needed.)", FRI18B,
         "Sounds great, that's all mi did need. Bless up, likkle more."),
        ("SGD test 1_00073 turn 2 (SearchHotel: That is good, thats all)", TUE18,
         "That is good, that's all. Khuda Hafiz."),
        ("SGD test 10_00094 turn 4 (SearchHouse: That sounds like it will be great!)", FRI18,
         "That sounds like it'll be great! Cheers, sharp sharp."),
        ("SGD test 10_00112 turn 2 (SearchHouse: That sounds perfect. Thanks for the help.)", SUN18,
         "That sounds perfect, ta very much for the help. See thee, love."),
    ):
        add("goodbye", source, today, next(p), opening, other=len(items), expect={"kind": "hangup"})

    start = len(items) + 1
    for offset, (idx, text) in enumerate(CLINC_OOS_V18):
        today = DAYS[offset % len(DAYS)]
        items.append(call("t18", start + offset, "out_of_scope", f"CLINC150 oos_test idx {idx} (oos)", today,
                          f"+8801444{300000 + offset * 61:06d}", text, expect={"kind": "out_of_scope"},
                          setup=[other_guest(OTHERS_V18, offset, today)]))
    return items
