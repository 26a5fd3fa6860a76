"""The test split, version 20 (``splits/test20.jsonl``): held out from 2026-12-03 (its provenance).

Written after v19 was scored once and so spent, by v19's rules and in its proportions (126 calls: the same flows,
the same count per flow and the same kinds of call and expected outcome), blind to the agent (nobody who wrote it
read ``agent/`` or ``tools/``, nor how the agent answered v19 or any other split, nor any run's output), from what
v1-v19 and dev did not use:

- wording: the caller turns of hotel conversations that no earlier split followed (each call's ``source`` names the
  turn), rewritten for our one hotel in the source's style, with the fillers, self-corrections, holidays, weekdays,
  ordinals, ranges, spelled-out numbers and idioms of real callers, and callers who correct themselves or answer two
  questions at once (Trinidadian, Zambian, Gibraltarian, Geordie, Bristolian, Fijian and Hawaiian Pidgin forms:
  "Wha' going on", "boss", "oui", "doh", "the lime cancel", "allyuh", "I ent have", "is that self", "by she room",
  "J'ouvert", "Muli shani", "Mwapoleni", "mukwai", "natotela", "just now" (a moment ago), "Oye", "Hola", "vale",
  "pues", "mira", "bueno", "the frontier", "Hasta luego", "Howay", "Whey aye", "pet", "wor lass", "me nan", "us" (me),
  "the neet", "gannin'", "yem", "divvent knaa", "hacky", "canny", "Nee bother", "my lover", "Just I", "gert", "proper
  job", "Bula", "vinaka", "io", "isa", "kerekere", "bhaiya", "ekdum", "a grog session", "Fiji time", "Moce", "Howzit",
  "brah", "da" (the), "I like" (I want to), "stay" (is), "wen" (did), "no can", "braddah", "pau", "keiki", "tutu",
  "shoots"). Taskmaster-2's hotel conversations (google-research-datasets/Taskmaster,
  ``TM-2-2020/data/hotels.json``) were the source meant, and were fetched with the ``fetch`` tool, but that file (over
  4 MiB) is not in the stored snapshot: only the five TM-2 hotel conversations that salesforce/DialogStudio carries
  verbatim (``task-oriented-dialogues/Taskmaster2/original_examples.json``, commit c6afe3f) could be read, and each is
  followed by one call, named "Taskmaster-2 hotels <conversation id> utterance <n>". The rest follow the hotel turns of
  MULTI-service SGD train dialogues (named "SGD train <dialogue> (multi-service: <services>) turn <n>") of
  google-research-datasets/dstc8-schema-guided-dialogue (``train/dialogues_047.json``, commit e852981, brought here with
  the ``fetch`` tool, as for v7-v19), none of them in ``../shared/data/dialogues`` nor followed by v1-v19 or dev (none
  of their dialogue ids is either), each of the 58 dialogues followed by one call only. Housekeeping, late check-out
  and speak-to-a-person calls have no source turn, nor do two hotel-fact questions and three look-ups of another
  guest's booking: they are written "TM-2 style", in phrasings no split had. No MultiWOZ turn is followed (as in
  v9-v19, none is left);
- out of scope: CLINC150's next 40 ``oos_test`` utterances after v19's, idx 858-903 of clinc/oos-eval
  ``data/data_full.json`` (commit 828f809), verbatim, leaving out six a hotel could take for a request of its own
  (``CLINC_OOS_V20_LEFT_OUT``);
- new names, phone numbers (+880 1391…, 1486…, 1533…), codes and eight new days (``DAYS``), all in 2034, later in
  the calendar than any earlier split's: Trinidad's Carnival Monday (J'ouvert) on the 20th of February (Easter
  computed as the 9th of April, so Ash Wednesday is the 22nd; a 28-day February), Zambia's Women's Day on a Wednesday
  (Youth Day on Sunday the 12th, Mothering Sunday the 19th, the clocks going forward in Britain on the 26th and Good
  Friday on the 7th of April), Gibraltar's Workers' Memorial Day on a Friday (the end of a 30-day April, May Day and
  Britain's early May bank holiday on Monday the 1st), Trinidad's Indian Arrival Day on a Tuesday (Britain's spring
  bank holiday and Whit Monday the day before, Africa Freedom Day on Thursday the 25th, Corpus Christi on Thursday the
  8th of June), a Saturday on the 1st of July (Zambia's Heroes Day and Unity Day on the Monday and Tuesday, the
  Tuesday also the US's Independence Day; Emancipation Day on Tuesday the 1st of August), Gibraltar's National Day on
  a Sunday (Britain's summer bank holiday on the 28th of August, a 30-day September, Fiji Day on Tuesday the 10th of
  October), Fiji Day on a Tuesday (Zambia's Independence Day on Tuesday the 24th, the clocks going back in Britain on
  the 29th, Halloween on a Tuesday and Bonfire Night on a Sunday), and Thanksgiving in the US on Thursday the 23rd of
  November (a 30-day November, Christmas on a Monday and Boxing Day on the Tuesday, New Year's Day 2035 a Monday).

``make_splits.py`` renders and checks it with v1-v19 and dev (``python -m benchmarks.agent.make_splits --check``).
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

V20 = 20
HEADER_V20 = ("FROZEN test split v{v}: held out from 2026-12-03; never tune on it, never run the agent on it or look "
              "at how the agent answers it before its one scored run (use dev.jsonl, or test.jsonl and test2.jsonl "
              "to test19.jsonl: spent). Written by benchmarks/agent/splits_v20.py via make_splits.py.")

# The hotel's day of each call (10:00 hotel time): every day of the week, none of v1's-v19's or dev's.
MON20 = "2034-02-20"  # Carnival Monday in Trinidad (J'ouvert): Easter Sunday (computed: 2034-04-09) makes Ash
#                       Wednesday the 22nd, "the day after tomorrow"; February 2034 has 28 days, so "the first" is
#                       Wednesday the 1st of March; "next Friday" said on a Monday reads as the 24th or the 3rd of March
WED20 = "2034-03-08"  # International Women's Day, a public holiday in Zambia: Youth Day is Sunday the 12th, Mothering
#                       Sunday the 19th, the clocks go forward in Britain on Sunday the 26th; March has 31 days, so
#                       "the first" is Saturday the 1st of April; Good Friday is the 7th of April, Easter Monday the
#                       10th
FRI20 = "2034-04-28"  # Workers' Memorial Day in Gibraltar: April has 30 days, so "the first of next month" is Monday
#                       the 1st of May, May Day (Britain's early May bank holiday, Labour Day in Zambia)
TUE20 = "2034-05-30"  # Indian Arrival Day in Trinidad and Tobago: Britain's spring bank holiday (and Whit Monday) was
#                       Monday the 29th; Africa Freedom Day was Thursday the 25th; May has 31 days, so "the first" is
#                       Thursday the 1st of June; Corpus Christi is Thursday the 8th of June
SAT20 = "2034-07-01"  # A Saturday: Zambia's Heroes Day is Monday the 3rd and Unity Day Tuesday the 4th, the US's
#                       Independence Day; July has 31 days; Emancipation Day (Trinidad) is Tuesday the 1st of August
SUN20 = "2034-09-10"  # Gibraltar's National Day, on a Sunday: Britain's summer bank holiday was Monday the 28th of
#                       August; "next Tuesday" said on a Sunday reads as the 12th or the 19th; September has 30 days,
#                       so "the first of next month" is Sunday the 1st of October; Bonfire Night is a Sunday
TUE20B = "2034-10-10"  # Fiji Day: Zambia's Independence Day is Tuesday the 24th; the clocks go back in Britain on
#                        Sunday the 29th; Halloween is Tuesday the 31st; October has 31 days, so "the first" is
#                        Wednesday the 1st of November; Christmas Day is a Monday
THU20 = "2034-11-23"  # Thanksgiving in the US (the fourth Thursday of November): "tomorrow" is Friday the 24th;
#                       November has 30 days, so "the first of December" is a Friday; Christmas Day is Monday the 25th
#                       and Boxing Day Tuesday the 26th; New Year's Day 2035 is a Monday
DAYS = (MON20, WED20, FRI20, TUE20, SAT20, SUN20, TUE20B, THU20)

OTHERS_V20 = [
    {"name": "Chilufya Mwanakatwe", "phone": "+8801486203517", "room_type": "DLX", "code": "BJ8NC3"},
    {"name": "Kahiau Kamakau", "phone": "+8801486239460", "room_type": "STD", "code": "UU68AN"},
    {"name": "Savita Ragoonanan", "phone": "+8801486275183", "room_type": "FAM", "code": "PPV7ZT"},
]

# CLINC150 oos_test (clinc/oos-eval data/data_full.json, commit 828f809), idx 858-903, verbatim.
CLINC_OOS_V20 = (
    (858, "what should i take for nausea"),
    (859, "how do you relieve a hangover"),
    (860, "what is a good home remedy for a rash"),
    (861, "i have a rash, what can i use for it"),
    (863, "how do i get rid of an itchy rash"),
    (864, "forward the text i just got from henry to giselle"),
    (865, "please read the text message i just received"),
    (866, "save my text on my laptop hard drive"),
    (867, "what time does my ex-boss leave the office"),
    (868, "how much does gun ammunition cost"),
    (872, "get me a list of the best savings account rates right now"),
    (873, "is beer legal in this state"),
    (874, "get me articles and pics of different types of household bugs for this area"),
    (876, "look up articles on squealing brakes for ford f-150's"),
    (878, "can you tell me who's calling me"),
    (879, "answer the phone"),
    (880, "ignore call"),
    (881, "find out what type of wax is needed for a late model ford sedan"),
    (882, "what's the first thing you should do to wash your car"),
    (883, "what supplies do i need to clean my car"),
    (884, "look up articles on car washing at home"),
    (885, "how old is the oldest person that is in the guiness book of world records"),
    (886, "how could i get into the guiness book of world records"),
    (887, "what person is the heaviest ever recorded"),
    (888, "who has the longest hair ever"),
    (889, "can you look at what average reviews say about the new windows phone on amazon for me"),
    (890, "tell me a summary of reviews that oakley frogskins get on amazon"),
    (891, "make me a list of the top ten reviewed hiking boots on jetcom"),
    (892, "show me a tabulation of reviews for lcd tv's on amazon"),
    (893, "can you tell me what happened to han solo in episode 4"),
    (894, "how many movies are in the star wars series"),
    (895, "how many star wars movies are there"),
    (896, "who plays han solo"),
    (897, "which movie is it that someone says perfectly balanced as all things should be"),
    (898, "what movie is the line today is our independence day from"),
    (899, "what movie is it that says today is a good day to die"),
    (900, "what movie does it's just a flesh wound come from"),
    (901, "is michonne wrong for not working with the kingdom to put on the fair"),
    (902, "which actors have played more than 1 comic book character"),
    (903, "what marvel movie did mark ruffalo first appear in"),
)
# Left out: a hotel could take each for a request of its own (862, ointment ordered, read as something the front
# desk fetches or sends up; 869, newspaper delivery restarted, read as the room's morning paper; 870, any messages,
# read as messages left for a guest at the front desk; 871, a smell, read as a complaint about the room for
# housekeeping; 875, a cockroach seen, read as a pest report about the room; 877, the phone put on speaker on the
# tv, read as help with the room's television and telephone, as v19 left out 848).
CLINC_OOS_V20_LEFT_OUT = (
    (862, "can you order some ointment for me"),
    (869, "restart my newspaper delivery for monday"),
    (870, "are there any messages"),
    (871, "what's that smell"),
    (875, "what should i do if i saw a cockroach in my house"),
    (877, "please answer the phone and put it on speaker on the tv"),
)


def _in_room(index: int, today: str, room: str, *, offset: int, nights: int) -> dict[str, Any]:
    return in_room(OTHERS_V20, index, today, room, offset=offset, nights=nights)


def test20_split() -> list[dict[str, Any]]:  # noqa: PLR0915 (one long list of calls is the clearest form)
    items, add = calls_of("t20", OTHERS_V20)

    p = iter(f"+8801391{500000 + i * 67:06d}" for i in range(200))

    # -- book (26) -------------------------------------------------------------------------------------------
    add("book",
        "Taskmaster-2 hotels dlg-0010a9d6-91c2-4b9b-ad73-33b44a8b5d42 utterance 11 (No. I want a room with a "
        "balcony.) + utterance 13 (I will stay on next year June 16th to 19th, 2017.)",
        TUE20, next(p),
        "Good morning, boss, happy Indian Arrival Day. I want a room with a balcony if allyuh have, and I will stay "
        "from the sixteenth of June to the nineteenth, me and my wife.",
        replies={"room_type": "The deluxe, oui.", "name": "Rajindra Boodram", "yes": "Yes, boss, is that."},
        given=("dates", "guests"), date_phrases=("stay from the sixteenth of june to the nineteenth",), other=0,
        expect=booking("2034-06-16", "2034-06-19", 2, "DLX", "Rajindra Boodram"))
    add("book",
        "Taskmaster-2 hotels dlg-00131332-f7b3-4227-9672-652dd3a2c39e utterance 3 (Park City Peaks Hotel in Park "
        "City, Utah. I'd like to stay there from December 20th to December 27th, 2016.)",
        THU20, next(p),
        "Aloha. I like stay with you from December twentieth to December twenty-seventh, for Christmas, me and my "
        "tutu.",
        replies={"room_type": "Da deluxe, brah.", "name": "Kekoa Kaleikini", "yes": "Shoots, dat's right."},
        given=("dates", "guests"), date_phrases=("from december twentieth to december twenty-seventh",), other=1,
        expect=booking("2034-12-20", "2034-12-27", 2, "DLX", "Kekoa Kaleikini"))
    add("book",
        "SGD train 47_00000 (multi-service: Hotels_3, Weather_1) turn 10 (ReserveHotel: I'd like to check in on the "
        "1st of this month and I'll be staying until March 6th.)",
        FRI20, next(p),
        "Oye, I'd like to check in on the first of next month, May Day, and I'll be staying until the sixth, me and "
        "my husband, vale?",
        replies={"room_type": "Standard, pues.", "name": "Lucrecia Olivero", "yes": "Sí, that's it."},
        given=("dates", "guests"),
        date_phrases=("check in on the first of next month, may day, and i'll be staying until the sixth",),
        other=2, expect=booking("2034-05-01", "2034-05-06", 2, "STD", "Lucrecia Olivero"))
    add("book",
        "SGD train 47_00003 (multi-service: Hotels_3, Weather_1) turn 16 (ReserveHotel: I wish to check in on the "
        "11th and check out on 14th of march)",
        WED20, next(p),
        "Muli shani, mukwai. I wish to check in on the eleventh and check out on the fourteenth of March, for Youth "
        "Day. I am alone.",
        replies={"room_type": "Standard, mukwai.", "name": "Mwelwa Chibesa", "yes": "Yes, mukwai, that one."},
        given=("dates", "guests"),
        date_phrases=("check in on the eleventh and check out on the fourteenth of march",), other=0,
        expect=booking("2034-03-11", "2034-03-14", 1, "STD", "Mwelwa Chibesa"))
    add("book",
        "SGD train 47_00005 (multi-service: Weather_1, Hotels_1) turn 12 (ReserveHotel: Perfect. Let's book a room "
        "for 4 days, checking in later today.)",
        SAT20, next(p),
        "Mwapoleni. Let's book a room for four nights, checking in later today, for Heroes and Unity. It is me and my "
        "brother.",
        replies={"room_type": "Standard is fine.", "name": "Bwalya Chikwanda", "yes": "Yes, natotela."},
        given=("dates", "guests"), date_phrases=("a room for four nights, checking in later today",), other=1,
        expect=booking("2034-07-01", "2034-07-05", 2, "STD", "Bwalya Chikwanda"))
    add("book",
        "SGD train 47_00011 (multi-service: Weather_1, Hotels_1) turn 10 (ReserveHotel: Sounds perfect. Can you "
        "reserve a room checking in on Saturday this week.) + turn 12 (I will be there four days.)",
        TUE20B, next(p),
        "Bula! Can you reserve a room checking in on Saturday this week? I will be there four nights, just me.",
        replies={"room_type": "Deluxe, io.", "name": "Semisi Ravuvu", "yes": "Io, vinaka."},
        given=("dates", "guests"), date_phrases=("checking in on saturday this week? i will be there four nights",),
        other=2, expect=booking("2034-10-14", "2034-10-18", 1, "DLX", "Semisi Ravuvu"))
    add("book",
        "SGD train 47_00015 (multi-service: Weather_1, Hotels_1) turn 10 (ReserveHotel: Yes, I'd like to make a "
        "booking March 6th.) + turn 12 (I would like four days for 2 rooms.)",
        MON20, next(p),
        "After Carnival I need a rest, oui. I'd like to make a booking the sixth of March, four nights, for me and my "
        "sister.",
        replies={"room_type": "Standard, boss.", "name": "Anushka Seecharan", "yes": "Yes, is that self."},
        given=("dates", "guests"), date_phrases=("a booking the sixth of march, four nights",), other=0,
        expect=booking("2034-03-06", "2034-03-10", 2, "STD", "Anushka Seecharan"))
    add("book",
        "SGD train 47_00017 (multi-service: Weather_1, Hotels_1) turn 10 (ReserveHotel: Perfect. Can you make a "
        "reservation for me to check in on the 9th?) + turn 12 (I need just one room for 4 days.)",
        SUN20, next(p),
        "Howay, can you make us a reservation to check in on the nineteenth? Just the one room, four nights, for me "
        "and wor lass.",
        replies={"room_type": "Standard, pet.", "name": "Gareth Fenwick", "yes": "Whey aye, that's it."},
        given=("dates", "guests"), date_phrases=("check in on the nineteenth? just the one room, four nights",),
        other=1, expect=booking("2034-09-19", "2034-09-23", 2, "STD", "Gareth Fenwick"))
    add("book",
        "SGD train 47_00018 (multi-service: Weather_1, Hotels_1) turn 8 (ReserveHotel: Yes, 1 room for two days, "
        "checking in on the 3rd of March.)",
        WED20, next(p),
        "Yes, mukwai, one room for two nights, checking in on the third of April, the Monday. It is for me and my "
        "husband.",
        replies={"room_type": "Deluxe, please.", "name": "Namukonda Siame", "yes": "Yes, that is correct."},
        given=("dates", "guests"), date_phrases=("two nights, checking in on the third of april, the monday",),
        other=2, expect=booking("2034-04-03", "2034-04-05", 2, "DLX", "Namukonda Siame"))
    add("book",
        "SGD train 47_00021 (multi-service: Weather_1, Hotels_1) turn 14 (ReserveHotel: I want to check in this "
        "Saturday and for one day only.) + turn 16 (I want to check in on 3rd of March.)",
        FRI20, next(p),
        "Hola. I want to check in this Saturday for one night only, no, mira, on the third of May, the Wednesday. "
        "Just me.",
        replies={"room_type": "Standard, vale.", "name": "Gianni Bossino", "yes": "Sí, perfecto."},
        given=("dates", "guests"),
        date_phrases=("check in this saturday for one night only, no, mira, on the third of may",), other=0,
        expect=booking("2034-05-03", "2034-05-04", 1, "STD", "Gianni Bossino"))
    add("book",
        "SGD train 47_00022 (multi-service: Weather_1, Hotels_1) turn 16 (ReserveHotel: I need 3 rooms for 2 days and "
        "the check in date will be on 4th of this month.)",
        SAT20, next(p),
        "Howzit. I need one room for two nights, and the check-in date will be the fourth of this month, for the "
        "fireworks. Me, my wife and our keiki.",
        replies={"room_type": "Whatevah fits da three of us, brah.", "name": "Makana Kealamakia",
                 "yes": "Shoots, dat's it."},
        given=("dates", "guests"),
        date_phrases=("two nights, and the check-in date will be the fourth of this month",), other=2,
        expect=booking("2034-07-04", "2034-07-06", 3, ["FAM", "STE"], "Makana Kealamakia"))
    add("book",
        "SGD train 47_00023 (multi-service: Weather_1, Hotels_1) turn 16 (ReserveHotel: No, please book the rooms for "
        "4 days from 2nd of March and I need only 1 room.)",
        MON20, next(p),
        "No, doh book it for the weekend. Book the room for four nights from the second of March, and I need only one "
        "room, just for me.",
        replies={"room_type": "Standard, boss.", "name": "Kerwin Lezama", "yes": "Yes, boss."},
        given=("dates", "guests"), date_phrases=("four nights from the second of march",), other=1,
        expect=booking("2034-03-02", "2034-03-06", 1, "STD", "Kerwin Lezama"))
    add("book",
        "SGD train 47_00025 (multi-service: Weather_1, Hotels_1) turn 14 (ReserveHotel: I would like to make a hotel "
        "reservation for four days, checking in on the 7th.)",
        TUE20B, next(p),
        "Bula vinaka. I would like to make a reservation for four nights, checking in on the seventeenth. Two of us, "
        "me and my bhaiya.",
        replies={"room_type": "Standard one.", "name": "Ravinesh Chand", "yes": "Io, ekdum correct."},
        given=("dates", "guests"), date_phrases=("four nights, checking in on the seventeenth",), other=0,
        expect=booking("2034-10-17", "2034-10-21", 2, "STD", "Ravinesh Chand"))
    add("book",
        "SGD train 47_00026 (multi-service: Weather_1, Hotels_1) turn 14 (ReserveHotel: Yes, I would like to make a "
        "booking for 4 days.) + turn 16 (The check in date will be the 4th.)",
        SUN20, next(p),
        "Bueno, I would like to make a booking for four nights, and the check-in date will be the fourth of October. "
        "Me and my mother.",
        replies={"room_type": "The deluxe, please.", "name": "Maruchi Linares", "yes": "Sí, vale."},
        given=("dates", "guests"),
        date_phrases=("a booking for four nights, and the check-in date will be the fourth of october",), other=2,
        expect=booking("2034-10-04", "2034-10-08", 2, "DLX", "Maruchi Linares"))
    add("book",
        "SGD train 47_00028 (multi-service: Weather_1, Hotels_1) turn 10 (ReserveHotel: I need it for four days and "
        "the check in date is the 7th of March.)",
        THU20, next(p),
        "Aloha. I need it for four nights and the check-in date is the seventh of December. Just me, no more.",
        replies={"room_type": "Standard, brah.", "name": "Nohea Kauwila", "yes": "Yeah, dat's right."},
        given=("dates", "guests"), date_phrases=("four nights and the check-in date is the seventh of december",),
        other=0, expect=booking("2034-12-07", "2034-12-11", 1, "STD", "Nohea Kauwila"))
    add("book",
        "SGD train 47_00029 (multi-service: Weather_1, Hotels_1) turn 14 (ReserveHotel: Yes, please. And I would like "
        "to check in next Friday. I will go there directly after my meeting.) + turn 16 (I will be staying over the "
        "weekend so that just for two days.)",
        MON20, next(p),
        "I would like to check in next Friday, I going straight there from work. I staying over the weekend, so just "
        "two nights. Me alone.",
        replies={"room_type": "Standard, boss.", "name": "Shivanie Ramlogan", "yes": "Yes, is that."},
        given=("dates", "guests"),
        date_phrases=("check in next friday", "staying over the weekend, so just two nights"), other=2,
        expect=booking("2034-02-24", "2034-02-26", 1, "STD", "Shivanie Ramlogan",
                       alternatives=(("2034-03-03", "2034-03-05"),)))
    add("book",
        "SGD train 47_00038 (multi-service: Weather_1, Hotels_1) turn 12 (ReserveHotel: That one sounds good. I'd "
        "like to make a reservation for four days on March 1st 2019. I'd like 2 rooms.)",
        FRI20, next(p),
        "Whey aye, I'd like to make a reservation for four nights on the first of June, for me and me nan.",
        replies={"room_type": "Standard, pet.", "name": "Gary Charlton", "yes": "Aye, champion."},
        given=("dates", "guests"), date_phrases=("four nights on the first of june",), other=1,
        expect=booking("2034-06-01", "2034-06-05", 2, "STD", "Gary Charlton"))
    add("book",
        "SGD train 47_00043 (multi-service: Weather_1, Hotels_1) turn 8 (ReserveHotel: 1 room for 1 day with check "
        "in on the 3rd.)",
        TUE20, next(p),
        "Alright my lover, one room for one night, check-in on the third, that's the Saturday. Just I.",
        replies={"room_type": "Standard, cheers.", "name": "Tracey Pym", "yes": "Yes, gert lush."},
        given=("dates", "guests"), date_phrases=("one night, check-in on the third, that's the saturday",), other=2,
        expect=booking("2034-06-03", "2034-06-04", 1, "STD", "Tracey Pym"))
    add("book",
        "SGD train 47_00045 (multi-service: Weather_1, Hotels_1) turn 10 (ReserveHotel: For 3 days.) + turn 12 (I want "
        "it next Tuesday.)",
        SUN20, next(p),
        "Aye, for three nights, pet. I want it next Tuesday, just for me, I'm gannin' to a job interview.",
        replies={"room_type": "Standard, ta.", "name": "Gavin Heppell", "yes": "Aye, canny."},
        given=("dates", "guests"), date_phrases=("for three nights, pet. i want it next tuesday",), other=0,
        expect=booking("2034-09-12", "2034-09-15", 1, "STD", "Gavin Heppell",
                       alternatives=(("2034-09-19", "2034-09-22"),)))
    add("book",
        "SGD train 47_00049 (multi-service: Weather_1, Hotels_1) turn 14 (ReserveHotel: Make a reservation for 1 day "
        "and three rooms with an arrival date of the 6th of this month.)",
        TUE20B, next(p),
        "Make a reservation for one night with an arrival date of the twentieth of this month, for three of us. "
        "Vinaka vakalevu.",
        replies={"room_type": "One that fits the three of us.", "name": "Litia Waqanivalu",
                 "yes": "Io, that's right."},
        given=("dates", "guests"),
        date_phrases=("one night with an arrival date of the twentieth of this month",), other=1,
        expect=booking("2034-10-20", "2034-10-21", 3, ["FAM", "STE"], "Litia Waqanivalu"))
    add("book",
        "SGD train 47_00054 (multi-service: Weather_1, Hotels_1) turn 10 (ReserveHotel: I'd like to book 1 room "
        "checking in 3rd of March 2019 for 1 day.)",
        THU20, next(p),
        "Eh, I like book one room checking in the third of December for one night, me and my braddah.",
        replies={"room_type": "Standard, brah.", "name": "Palani Nakoa", "yes": "Yeah, shoots."},
        given=("dates", "guests"), date_phrases=("checking in the third of december for one night",), other=2,
        expect=booking("2034-12-03", "2034-12-04", 2, "STD", "Palani Nakoa"))
    add("book",
        "SGD train 47_00059 (multi-service: Weather_1, Hotels_1) turn 16 (ReserveHotel: Please book the rooms from "
        "next Monday.) + turn 18 (Sorry, just now I changed my travel plan and can you book the rooms for three days "
        "from 11th of March?)",
        WED20, next(p),
        "Mukwai, please book a room from next Monday for four nights. Sorry, just now I have changed my travel plan: "
        "can you book it for three nights from the sixteenth of March? For me and my wife.",
        replies={"room_type": "Deluxe, mukwai.", "name": "Mulenga Kapwepwe", "yes": "Yes, natotela."},
        given=("dates", "guests"),
        date_phrases=("from next monday for four nights", "three nights from the sixteenth of march"), other=0,
        expect=booking("2034-03-16", "2034-03-19", 2, "DLX", "Mulenga Kapwepwe"))
    add("book",
        "SGD train 47_00061 (multi-service: Weather_1, Hotels_1) turn 12 (ReserveHotel: I just want the rooms for one "
        "day the 2nd of March.)",
        SAT20, next(p),
        "Alright my lover, I just want the room for one night, the second of August, that's the Wednesday, for me and "
        "my other half.",
        replies={"room_type": "Standard, cheers.", "name": "Wayne Tuckett", "yes": "Yes, proper job."},
        given=("dates", "guests"), date_phrases=("one night, the second of august, that's the wednesday",), other=1,
        expect=booking("2034-08-02", "2034-08-03", 2, "STD", "Wayne Tuckett"))
    add("book",
        "SGD train 47_00065 (multi-service: Weather_1, Hotels_1) turn 6 (ReserveHotel: Yes, please. Can you get me 1 "
        "room for 1 day?) + turn 8 (No, I want to check in on March 1st.)",
        TUE20, next(p),
        "Can ye get us one room for one night, the neet? Nah, man, I want to check in on the first of June, the "
        "Thursday. Just me.",
        replies={"room_type": "Standard, pet.", "name": "Craig Heslop", "yes": "Aye, spot on."},
        given=("dates", "guests"),
        date_phrases=("one room for one night, the neet? nah, man, i want to check in on the first of june",),
        other=2, expect=booking("2034-06-01", "2034-06-02", 1, "STD", "Craig Heslop"))
    phone = next(p)
    add("book",
        "SGD train 47_00086 (multi-service: Weather_1, Hotels_2) turn 12 (BookHouse: Perfect, I will check out on the "
        "2nd of march and there is 1 person.)",
        FRI20, phone,
        "Hola, I stayed with you for National Day last year. I check in today and I will check out on the second of "
        "May, one person, the standard like before.",
        replies={"yes": "Sí, it's me."},
        setup=[known_guest("Ernesto Danino", phone)], given=("dates", "guests", "room_type"),
        date_phrases=("i check in today and i will check out on the second of may",), other=0,
        expect=booking("2034-04-28", "2034-05-02", 1, "STD", "Ernesto Danino"))
    phone = next(p)
    add("book",
        "SGD train 47_00089 (multi-service: Weather_1, Hotels_2) turn 12 (BookHouse: Yes please, there will be four "
        "people. I want it from March 10th to the 14th of March 2019.)",
        TUE20B, phone,
        "Bula, I stayed with you last Fiji Day. There will be four people this time, the family room again, from the "
        "twenty-seventh of October to the thirty-first.",
        replies={"yes": "Io, that's me."},
        setup=[known_guest("Asinate Bulivou", phone)], given=("dates", "guests", "room_type"),
        date_phrases=("from the twenty-seventh of october to the thirty-first",), other=1,
        expect=booking("2034-10-27", "2034-10-31", 4, "FAM", "Asinate Bulivou"))

    # -- change dates or guests (10, 2 of them another guest's booking) ---------------------------------------
    Change = tuple[str, str, str, dict[str, str], tuple[str, str, str, str, str, int], tuple[str, ...], dict[str, Any]]
    changes: list[Change] = [
        ("SGD train 47_00004 (multi-service: Hotels_3, Weather_1) turn 22 (ReserveHotel: No, I want to check in on "
         "the day after tomorrow.)",
         MON20,
         "Wha' going on. On my booking for Thursday the twenty-third, I want to check in on the day after tomorrow "
         "instead, Ash Wednesday, and leave the same day as before, the twenty-sixth.",
         {"yes": "Yes, from Ash Wednesday."},
         ("Nirmala Sookdeo", "7FH4E8", "STD", "2034-02-23", "2034-02-26", 2),
         ("my booking for thursday the twenty-third",
          "check in on the day after tomorrow instead, ash wednesday"),
         {"check_in": "2034-02-22", "check_out": "2034-02-26"}),
        ("SGD train 47_00010 (multi-service: Weather_1, Hotels_1) turn 16 (ReserveHotel: No, on the 1st of this "
         "month.)",
         SUN20,
         "Oye, my booking for the twenty-second, can you move it? No, not this month, on the first of next month, two "
         "nights, same as before.",
         {"yes": "Sí, from the first of October."},
         ("Lourdes Ferrary", "7EJLMJ", "DLX", "2034-09-22", "2034-09-24", 2),
         ("my booking for the twenty-second", "on the first of next month, two nights, same as before"),
         {"check_in": "2034-10-01", "check_out": "2034-10-03"}),
        ("SGD train 47_00040 (multi-service: Weather_1, Hotels_1) turn 12 (ReserveHotel: No, i need the room for 2 "
         "days and date of check in is 4th of this month.)",
         SAT20,
         "Mwapoleni. On my booking for the fourth of this month, I need the room for two nights only, not three. The "
         "date of check-in is the same.",
         {"yes": "Yes, two nights only."},
         ("Chishimba Lungu", "C93KGG", "STD", "2034-07-04", "2034-07-07", 2),
         ("my booking for the fourth of this month", "two nights only, not three"),
         {"check_in": "2034-07-04", "check_out": "2034-07-06"}),
        ("SGD train 47_00047 (multi-service: Weather_1, Hotels_1) turn 6 (ReserveHotel: No, I want to check in on "
         "the 7th.)",
         TUE20B,
         "Bula. My booking for the fifteenth is wrong, isa. I want to check in on the seventeenth, and leave on the "
         "eighteenth like before.",
         {"yes": "Io, the seventeenth to the eighteenth."},
         ("Akanisi Vunibola", "H52MKA", "STD", "2034-10-15", "2034-10-18", 2),
         ("my booking for the fifteenth is wrong",
          "check in on the seventeenth, and leave on the eighteenth like before"),
         {"check_in": "2034-10-17", "check_out": "2034-10-18"}),
        ("SGD train 47_00048 (multi-service: Weather_1, Hotels_1) turn 18 (ReserveHotel: No, the check in day is "
         "today.)",
         THU20,
         "Eh, my booking for tomorrow, da Friday, no can wait. Da check-in day is today now, and out on da Sunday "
         "same as before.",
         {"yes": "Yeah, from today."},
         ("Pualani Keomaka", "CT9AVQ", "DLX", "2034-11-24", "2034-11-26", 2),
         ("my booking for tomorrow, da friday", "da check-in day is today now"),
         {"check_in": "2034-11-23", "check_out": "2034-11-26"}),
        ("SGD train 47_00056 (multi-service: Weather_1, Hotels_1) turn 12 (ReserveHotel: No, on the 3rd of March and "
         "I'll need 2 rooms.)",
         WED20,
         "No, mukwai, on my booking for the twenty-fourth we will need it for four people, not three. My "
         "sister-in-law is coming also.",
         {"yes": "Yes, four people."},
         ("Bupe Mwansa", "G95EVD", "FAM", "2034-03-24", "2034-03-26", 3),
         ("my booking for the twenty-fourth",), {"guests": 4}),
        ("SGD train 47_00087 (multi-service: Weather_1, Hotels_2) turn 16 (BookHouse: No, check out date is wrong, "
         "the right one is march 8th)",
         TUE20,
         "Alright my lover. On my booking for the ninth of June, the check-out date is wrong, the right one is the "
         "twelfth, not the eleventh. Cheers.",
         {"yes": "Yes, out on the twelfth."},
         ("Sharon Bendall", "D79L2N", "STD", "2034-06-09", "2034-06-11", 2),
         ("my booking for the ninth of june", "the right one is the twelfth, not the eleventh"),
         {"check_in": "2034-06-09", "check_out": "2034-06-12"}),
    ]
    for source, today, opening, replies, (name, code, room_type, ci, co, guests), phrases, new in changes:
        phone = next(p)
        add("change", source, today, phone, opening, replies=replies,
            setup=[mine(name, phone, code, room_type, ci, co, guests)], date_phrases=phrases, other=len(items),
            expect={"kind": "changed", "code": code, **new})
    phone = next(p)
    add("change",
        "SGD train 47_00099 (multi-service: Weather_1, Hotels_2) turn 16 (BookHouse: No, check in is on the 3rd of "
        "March and the departure date is the 10th of March.)",
        FRI20, phone,
        "I have two bookings with you. The one for the fifth of May: no, the check-in is on the fourth of May and the "
        "departure date is the seventh, like before.",
        replies={"which": "The one for the fifth of May.", "code": "I don't have the codes with me, sorry.",
                 "yes": "Sí, the fourth to the seventh."},
        setup=[mine("Charlene Bonfante", phone, "TX5C9X", "STD", "2034-05-05", "2034-05-07"),
               mine("Charlene Bonfante", phone, "P2687P", "STD", "2034-06-16", "2034-06-18")],
        date_phrases=("the one for the fifth of may",
                      "the check-in is on the fourth of may and the departure date is the seventh"),
        other=2,
        expect={"kind": "changed", "code": "TX5C9X", "check_in": "2034-05-04", "check_out": "2034-05-07",
                "untouched": ["P2687P"]})
    add("change",
        "SGD train 47_00108 (multi-service: Weather_1, Hotels_2) turn 12 (BookHouse: Please change the booking from "
        "March 4th to March 11th.)",
        SAT20, next(p),
        "I'm calling for my aunty, Savita Ragoonanan. Please change her booking to from the eighth to the eleventh.",
        replies={"code": "I don't have her code.", "yes": "yes"}, other=2,
        expect={"kind": "untouched", "codes": ["PPV7ZT"]})
    add("change",
        "SGD train 47_00112 (multi-service: Weather_1, Hotels_2) turn 10 (BookHouse: I think I should change that to "
        "2 people and let me move it to next Thursday please.)",
        MON20, next(p),
        "I calling for my cousin, Kahiau Kamakau. Change his booking to two people and move it to next Thursday. His "
        "code is U, U, six, eight, A, M.",
        replies={"code": "U U 6 8 A M", "yes": "yes"}, given=("code",), other=1,
        expect={"kind": "untouched", "codes": ["UU68AN"]})

    # -- cancel (10, 2 of them another guest's booking) ------------------------------------------------------
    cancels = [
        ("SGD train 47_00009 (multi-service: Weather_1, Hotels_1) turn 22 (NONE: No, that is all for now, thanks.)",
         MON20,
         "Boss, the lime cancel, so cancel my booking for Saturday the twenty-fifth, two nights. That is all for now, "
         "thanks.",
         "Yes, cancel it, boss.",
         ("Ria Jaggernauth", "J7M43E", "STD", "2034-02-25", "2034-02-27"),
         ("my booking for saturday the twenty-fifth, two nights",)),
        ("SGD train 47_00013 (multi-service: Weather_1, Hotels_1) turn 18 (NONE: No, thanks.)",
         WED20,
         "Mukwai, cancel my booking for the Youth Day weekend, Saturday the eleventh, two nights. No, nothing else, "
         "thanks.",
         "Yes, cancel it.",
         ("Mutale Chisenga", "G2C3AM", "DLX", "2034-03-11", "2034-03-13"),
         ("my booking for the youth day weekend, saturday the eleventh, two nights",)),
        ("SGD train 47_00016 (multi-service: Weather_1, Hotels_1) turn 20 (NONE: No Thanks a lot)",
         FRI20,
         "Oye, something came up at work, I can't go. Cancel my booking for tomorrow, three nights. No, thanks a lot.",
         "Sí, cancel it.",
         ("Ivonne Trico", "AUK8S8", "STD", "2034-04-29", "2034-05-02"),
         ("cancel my booking for tomorrow, three nights",)),
        ("SGD train 47_00020 (multi-service: Weather_1, Hotels_1) turn 20 (NONE: No, thanks again!)",
         TUE20,
         "Howay man, we're not coming any more, the young'un's poorly. Cancel wor booking for Friday the ninth, two "
         "nights. No, ta, thanks again!",
         "Aye, cancel it.",
         ("Lorraine Milburn", "FHEG8M", "FAM", "2034-06-09", "2034-06-11"),
         ("wor booking for friday the ninth, two nights",)),
        ("SGD train 47_00024 (multi-service: Weather_1, Hotels_1) turn 14 (ReserveHotel: Thank you.That's all that I "
         "needed.)",
         SUN20,
         "Cancel my booking for the twenty-fourth, two nights, vale? Thank you, that's all that I needed.",
         "Sí, cancel it.",
         ("Remedios Poggio", "ASA7WZ", "STD", "2034-09-24", "2034-09-26"),
         ("my booking for the twenty-fourth, two nights",)),
        ("SGD train 47_00027 (multi-service: Weather_1, Hotels_1) turn 20 (NONE: no thank you)",
         THU20,
         "cancel my booking for da first of december two nights, no can make it, no thank you",
         "Yeah, cancel um.",
         ("Malia Kahale", "2DEMT8", "STD", "2034-12-01", "2034-12-03"),
         ("my booking for da first of december two nights",)),
    ]
    for source, today, opening, yes, (name, code, room_type, check_in, check_out), phrases in cancels:
        phone = next(p)
        add("cancel", source, today, phone, opening, replies={"yes": yes},
            setup=[mine(name, phone, code, room_type, check_in, check_out)], date_phrases=phrases,
            other=len(items), expect={"kind": "cancelled", "code": code})
    phone = next(p)
    add("cancel",
        "SGD train 47_00035 (multi-service: Weather_1, Hotels_1) turn 20 (NONE: No thank you)",
        SAT20, phone,
        "I got two bookings under this number, my lover. Cancel only the one with code L, F, R, M, B, eight; the "
        "other one, leave it be. No, thank you.",
        replies={"code": "L F R M B 8", "yes": "Yes, only L F R M B 8."}, given=("code",),
        setup=[mine("Kevin Rowbottom", phone, "LFRMB8", "STD", "2034-07-14", "2034-07-16"),
               mine("Kevin Rowbottom", phone, "2K5SRL", "STD", "2034-08-25", "2034-08-27")],
        other=0, expect={"kind": "cancelled", "code": "LFRMB8", "untouched": ["2K5SRL"]})
    phone = next(p)
    add("cancel",
        "SGD train 47_00041 (multi-service: Weather_1, Hotels_1) turn 18 (NONE: No, thanks.)",
        TUE20B, phone,
        "Cancel the one for Halloween, but keep my booking for Christmas. No, thanks, vinaka.",
        replies={"which": "The Halloween one.", "yes": "Io, the Halloween one."},
        setup=[mine("Shalendra Naidu", phone, "TX86YF", "DLX", "2034-10-31", "2034-11-02"),
               mine("Shalendra Naidu", phone, "26P2DK", "DLX", "2034-12-24", "2034-12-26")],
        date_phrases=("cancel the one for halloween", "keep my booking for christmas"), other=1,
        expect={"kind": "cancelled", "code": "TX86YF", "untouched": ["26P2DK"]})
    add("cancel",
        "SGD train 47_00044 (multi-service: Weather_1, Hotels_1) turn 26 (NONE: No thank you, that is all I need for "
        "now.)",
        WED20, next(p),
        "I am calling for my brother-in-law, Chilufya Mwanakatwe. He is not coming now, so cancel his room. No thank "
        "you, that is all I need for now.",
        replies={"code": "I don't have his code.", "yes": "yes"},
        other=0, expect={"kind": "untouched", "codes": ["BJ8NC3"]})
    add("cancel",
        "SGD train 47_00058 (multi-service: Weather_1, Hotels_1) turn 12 (NONE: No, that's it.)",
        SUN20, next(p),
        "cancel savita ragoonanan's booking the code is p p v seven z f no that's it",
        replies={"code": "P P V 7 Z F", "yes": "yes"}, given=("code",),
        other=2, expect={"kind": "untouched", "codes": ["PPV7ZT"]})

    # -- find my booking (8, 3 of them another guest's) ------------------------------------------------------
    finds = [
        ("SGD train 47_00042 (multi-service: Weather_1, Hotels_1) turn 12 (ReserveHotel: Thank you! That's all I need "
         "for now. Thanks again!)",
         MON20,
         "I have a booking with you for Corpus Christi, but I forget which day I check in. That's all I need for now, "
         "thanks again!",
         ("Indira Persad", "L824FF", "STD", "2034-06-07", "2034-06-09"),
         ("a booking with you for corpus christi",)),
        ("SGD train 47_00046 (multi-service: Weather_1, Hotels_1) turn 22 (ReserveHotel: Thanks a lot. That would be "
         "it.)",
         WED20,
         "I have a booking with you for Africa Freedom Day in May, but I have lost the message. Just tell me the "
         "dates, mukwai. That would be it.",
         ("Chanda Kasonde", "T7RLW5", "DLX", "2034-05-24", "2034-05-26"),
         ("a booking with you for africa freedom day in may",)),
        ("SGD train 47_00051 (multi-service: Weather_1, Hotels_1) turn 14 (ReserveHotel: Thank you very much. You've "
         "been very helpful. That will be all for now.)",
         SUN20,
         "Howay, I've got a room booked for Bonfire Night and I divvent knaa which nights. That'll be all for now, "
         "ta, you've been canny helpful.",
         ("Shaun Dodds", "ASTTJ2", "STD", "2034-11-04", "2034-11-06"),
         ("a room booked for bonfire night",)),
        ("SGD train 47_00057 (multi-service: Weather_1, Hotels_1) turn 10 (ReserveHotel: Thanks, that's all.)",
         TUE20B,
         "Bula, I have a booking with you for Christmas, but I forgot how many nights. Can you check it for me? "
         "Thanks, that's all.",
         ("Mereani Tikoduadua", "X7ZNGE", "FAM", "2034-12-23", "2034-12-27"),
         ("a booking with you for christmas",)),
        ("SGD train 47_00064 (multi-service: Weather_1, Hotels_1) turn 16 (NONE: No, thanks again.)",
         THU20,
         "Howzit, I get one booking by you for New Year's, but I wen forget da dates. Can check for me? No, thanks "
         "again.",
         ("Kainoa Apana", "LWPSF5", "DLX", "2034-12-30", "2035-01-02"),
         ("one booking by you for new year's",)),
    ]
    for source, today, opening, (name, code, room_type, check_in, check_out), phrases in finds:
        phone = next(p)
        add("find", source, today, phone, opening, replies={"yes": "Yes, that's my booking."},
            setup=[mine(name, phone, code, room_type, check_in, check_out)], date_phrases=phrases,
            other=len(items), expect={"kind": "said_booking", "code": code})
    add("find", "TM-2 style (a neighbour with a parcel asking a guest's room and day of arrival) / another guest's",
        SAT20, next(p),
        "I am Chilufya Mwanakatwe's neighbour, I have a parcel for him. Which room is he in, and when does he come?",
        replies={"code": "No, I have no code."}, other=0,
        expect={"kind": "nothing_revealed", "codes": ["BJ8NC3"]})
    add("find", "TM-2 style (an old classmate planning a surprise asking a guest's room and check-in day) / another "
        "guest's",
        THU20, next(p),
        "Howzit, I stay Kahiau Kamakau's old classmate. He wen tell me for come surprise him. What room he stay in, "
        "and when he check in?",
        replies={"code": "No, no code."}, other=1,
        expect={"kind": "nothing_revealed", "codes": ["UU68AN"]})
    add("find", "TM-2 style (a godfather sending a cake asking a guest's arrival day and room) / another guest's",
        MON20, next(p),
        "Good morning, I is Savita Ragoonanan's godfather, I want to send a cake by she room. What day she reach, and "
        "which room allyuh put she in?",
        replies={"code": "Nah, I ent have no code."}, other=2,
        expect={"kind": "nothing_revealed", "codes": ["PPV7ZT"]})

    # -- housekeeping (8, 1 for another guest's room) --------------------------------------------------------
    hk = [
        ("TM-2 style / the floor cleaned after holiday visitors, room said", WED20,
         "Mukwai, can someone come and clean 104? We had visitors for Women's Day and the floor is dirty.",
         "104", "104", ["stayover_clean"]),
        ("TM-2 style / towels after J'ouvert, the room said in words", MON20,
         "Boss, we need fresh towels, we come back from J'ouvert full of mud and paint.",
         "Two-one-oh.", "210", ["towels"]),
        ("TM-2 style / an extra bed for a little girl, the room said in words", FRI20,
         "Oye, can you send up an extra bed for the niña? She's sleeping with us and nobody sleeps, vale?",
         "Three-oh-seven.", "307", ["extra_bed"]),
        ("TM-2 style / the bed turned down for a late night, room said", TUE20,
         "Can someone turn down the bed in 408 tonight, my lover? We'll be back gert late.",
         "408", "408", ["turndown"]),
        ("TM-2 style / soap, shampoo and coffee, the room said in words", SAT20,
         "Eh, can send more soap and shampoo? And da coffee stay pau.",
         "Five-oh-two.", "502", ["amenities"]),
        ("TM-2 style / the room done after a night in, room said", SUN20,
         "Can somebody come and do 203, pet? The lads were in last neet and it's proper hacky.",
         "203", "203", ["stayover_clean"]),
        ("TM-2 style / towels and the room tidied after a grog session, the room said in words", TUE20B,
         "Bula, please send clean towels and tidy the room. We had a grog session last night, isa.",
         "One-one-one.", "111", ["towels", "stayover_clean"]),
    ]
    hk_guests = [("Mapalo Sichinga", "QA7R39"), ("Dexter Hosein", "YHBL2A"), ("Nicolas Recagno", "RQB3GV"),
                 ("Dean Chivers", "7ZKQAX"), ("Kawika Medeiros", "9K4ERT"), ("Jordan Tweddle", "K36CPK"),
                 ("Josefa Koroivueta", "HN7BJJ")]
    for (source, today, opening, room_reply, room, kinds), (name, code) in zip(hk, hk_guests, strict=True):
        phone = next(p)
        add("housekeeping", source, today, phone, opening,
            replies={"room": room_reply, "yes": "Yes please, thanks."},
            setup=[mine(name, phone, code, room_type_of(room), _plus(today, -1), _plus(today, 2), 1,
                        status="checked_in", room=room)],
            given=("room",) if room in opening else (), other=len(items),
            expect={"kind": "housekeeping", "room": room, "task_types": kinds})
    add("housekeeping", "TM-2 style / a cousin's sheets changed and his room vacuumed, not the caller's", THU20,
        next(p),
        "My cousin stay in 305, he went shopping. Send somebody for change his sheets and vacuum while he out, he no "
        "going know.",
        replies={"room": "305", "yes": "yes"},
        setup=[_in_room(0, THU20, "305", offset=-1, nights=3)],
        given=("room",), expect={"kind": "no_request", "room": "305"})

    # -- late check-out (6, 1 for another guest's room) ------------------------------------------------------
    late = [
        ("TM-2 style / a bus at five, out at two, the room said in words", WED20,
         "We leave tomorrow, mukwai, but our bus is only at five. Can we keep the room until two?",
         "One-oh-three.", "103", "Two o'clock, please."),
        ("TM-2 style / the frontier at six, out at three, room said", FRI20,
         "I'm in 206 and I leave tomorrow, but I only cross the frontier at six. Can I keep the room until three, "
         "vale?",
         "206", "206", "Three o'clock."),
        ("TM-2 style / an evening train, out at one, the room said in words", TUE20,
         "We're off yem tomorrow, pet, but the train's not till the evening. Can we hang on to the room till one?",
         "Four-oh-two.", "402", "One o'clock, ta."),
        ("TM-2 style / a coach at four, out at two, room said", SAT20,
         "Alright, we're off tomorrow but the coach don't go till four. Any chance we can keep 309 till two, my lover?",
         "309", "309", "Two o'clock, cheers."),
        ("TM-2 style / a night flight, out at four, the room said in words", TUE20B,
         "Bula, tomorrow we check out, but our flight is at night. Can we stay in the room until four, kerekere?",
         "Five-oh-three.", "503", "Four, vinaka."),
    ]
    late_guests = [("Kondwani Mbewe", "8AM6Z4"), ("Adolfo Montegriffo", "4YYT8A"), ("Paula Bewick", "BDEEL9"),
                   ("Kerry Pidgeon", "EWTX6M"), ("Vilikesa Naivalu", "9FFMFL")]
    for (source, today, opening, room_reply, room, time), (name, code) in zip(late, late_guests, strict=True):
        phone = next(p)
        add("late_checkout", source, today, phone, opening,
            replies={"room": room_reply, "time": time, "yes": "Yes, that would help a lot."},
            setup=[mine(name, phone, code, room_type_of(room), _plus(today, -2), _plus(today, 1), 1,
                        status="checked_in", room=room)],
            given=("room",) if room in opening else (), other=len(items),
            expect={"kind": "late_checkout", "code": code})
    add("late_checkout", "TM-2 style / a late check-out till three for a mother-in-law, not the caller's", MON20,
        next(p),
        "My mother-in-law in room 208 and she too tired after Carnival. Let she keep the room till three tomorrow, "
        "nah.",
        replies={"room": "208", "yes": "yes"},
        setup=[_in_room(2, MON20, "208", offset=-2, nights=3)],
        given=("room",), expect={"kind": "no_late_checkout", "codes": ["PPV7ZT"]})

    # -- hotel facts, prices included (10) -------------------------------------------------------------------
    facts = [
        ("Taskmaster-2 hotels dlg-0032fc41-9845-4be6-b9f5-0e6d898fda57 utterance 19 (Okay. I just need the "
         "address.)",
         SUN20,
         "Vale, I just need the address, for the taxi from the frontier.", "address"),
        ("Taskmaster-2 hotels dlg-003fa5f0-3457-464b-b22b-e74194fe172a utterance 19 (Do they offer free "
         "breakfast?)",
         THU20,
         "Eh, you guys offer free breakfast, or we gotta pay extra?", "breakfast"),
        ("SGD train 47_00001 (multi-service: Hotels_3, Weather_1) turn 8 (SearchHotel: What is the phone number of "
         "the hotel?)",
         WED20,
         "What is the phone number of the hotel, mukwai? I want to give it to my mother.", "phone"),
        ("SGD train 47_00002 (multi-service: Hotels_3, Weather_1) turn 12 (ReserveHotel: Yes. Give me their number. "
         "Can I bring the German Shepard?)",
         MON20,
         "Can I bring my German Shepherd? He real quiet, he does only sleep.", "pets"),
        ("SGD train 47_00030 (multi-service: Weather_1, Hotels_1) turn 12 (ReserveHotel: Does this hotel have wifi?)",
         TUE20,
         "Does your place have wifi, my lover, and is it free?", "wifi"),
        ("TM-2 style / somewhere to put the car overnight, and whether it is free", FRI20,
         "Is there somewhere to put the car overnight? And is it free, or do I pay for it?", "parking"),
        ("TM-2 style / what time the room must be left on the last day", TUE20B,
         "What time must we leave the room on the last day? We don't want to be on Fiji time.", "check_out_time"),
    ]
    for source, today, opening, topic in facts:
        add("facts", source, today, next(p), opening, other=len(items), expect={"kind": "fact", "topic": topic})
    add("facts",
        "Taskmaster-2 hotels dlg-00258574-83c8-4bb0-a0f0-4f744715cb27 utterance 5 (And my date of Janine will be "
        "between 22-24 December.) + utterance 19 (And what will be the price of the room?)",
        THU20, next(p),
        "My dates will be between the twenty-second and twenty-fourth of December. What will be the price for one "
        "deluxe room, two people?",
        replies={"yes": "yes"}, given=("dates", "room_type", "guests"),
        date_phrases=("between the twenty-second and twenty-fourth of december",), other=0,
        expect={"kind": "quote", "room_type": "DLX", "check_in": "2034-12-22", "check_out": "2034-12-24",
                "guests": 2})
    add("facts",
        "SGD train 47_00036 (multi-service: Weather_1, Hotels_1) turn 4 (SearchHotel: How much is it per night?) + "
        "turn 10 (I want a room for two days and the check in date is the 3rd)",
        SAT20, next(p),
        "How much is it per night for a standard room, just me, two nights, checking in on the third?",
        replies={"yes": "yes"}, given=("dates", "room_type", "guests"),
        date_phrases=("two nights, checking in on the third",), other=1,
        expect={"kind": "quote", "room_type": "STD", "check_in": "2034-07-03", "check_out": "2034-07-05",
                "guests": 1})
    add("facts",
        "SGD train 47_00104 (multi-service: Weather_1, Hotels_2) turn 10 (BookHouse: I will check in next Tuesday and "
        "leave on the 12th of this month.) + turn 14 (Yes. How mnuch will it cost in total?)",
        FRI20, next(p),
        "Bueno, we check in on Tuesday the second and leave on the fifth, the family room for four of us. How much "
        "will it cost in total?",
        replies={"yes": "yes"}, given=("dates", "room_type", "guests"),
        date_phrases=("check in on tuesday the second and leave on the fifth",), other=2,
        expect={"kind": "quote", "room_type": "FAM", "check_in": "2034-05-02", "check_out": "2034-05-05",
                "guests": 4})

    # -- speak to a person (4) and goodbye (4) -------------------------------------------------------------
    for source, today, opening in (
        ("TM-2 style / human (a church choir's group booking, the group desk)", WED20,
         "Can you connect me to the people who do group bookings? Our church choir is coming for a conference, "
         "mukwai."),
        ("TM-2 style / human (a phone left in the bar, lost property)", SAT20,
         "Put me through to lost property, will you? I left my phone in the bar last night, proper gutted I am."),
        ("TM-2 style / human (a minibar charge never used, the manager)", TUE20B,
         "Kerekere, can I talk to the manager? There is a minibar charge on my bill and we never opened it."),
        ("TM-2 style / human (a birthday cake for a grandmother, the restaurant)", THU20,
         "Can you transfer me to da restaurant? I like set up one surprise birthday cake for my tutu."),
    ):
        add("person", source, today, next(p), opening, other=len(items), expect={"kind": "transfer"})
    for source, today, opening in (
        ("SGD train 47_00084 (multi-service: Weather_1, Hotels_1) turn 20 (NONE: I think you've done everything.)",
         MON20,
         "I think you done everything, boss. Thank you, take care."),
        ("SGD train 47_00032 (multi-service: Weather_1, Hotels_1) turn 12 (NONE: A nap. I all set.)", SUN20,
         "Nee bother, I'm all set. I'm gannin' for a nap now. Cheers, pet."),
        ("SGD train 47_00037 (multi-service: Weather_1, Hotels_1) turn 18 (ReserveHotel: Well, thanks all the same, "
         "I'll leave it at that for now.)", FRI20,
         "Well, thanks all the same, I'll leave it at that for now. Hasta luego."),
        ("SGD train 47_00078 (multi-service: Weather_1, Hotels_1) turn 22 (ReserveHotel: Thanks a bunch. I'm all "
         "set.)", TUE20B,
         "Thanks a bunch, I'm all set. Moce!"),
    ):
        add("goodbye", source, today, next(p), opening, other=len(items), expect={"kind": "hangup"})

    start = len(items) + 1
    for offset, (idx, text) in enumerate(CLINC_OOS_V20):
        today = DAYS[offset % len(DAYS)]
        items.append(call("t20", start + offset, "out_of_scope", f"CLINC150 oos_test idx {idx} (oos)", today,
                          f"+8801533{300000 + offset * 61:06d}", text, expect={"kind": "out_of_scope"},
                          setup=[other_guest(OTHERS_V20, offset, today)]))
    return items
