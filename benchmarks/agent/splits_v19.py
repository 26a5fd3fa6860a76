"""The test split, version 19 (``splits/test19.jsonl``): held out from 2026-12-03 (its provenance).

Written after v18 was scored once and so spent, by v18's rules and in its proportions (126 calls: the same flows,
the same count per flow and the same kinds of call and expected outcome), blind to the agent (nobody who wrote it
read ``agent/`` or ``tools/``, nor how the agent answered v18 or any other split, nor any run's output), from what
v1-v18 and dev did not use:

- wording: the hotel turns of MULTI-service SGD dialogues that no earlier split followed (each call's ``source``
  names the turn and says it is a multi-service dialogue), rewritten for our one hotel in the source's style, with
  the fillers, self-corrections, holidays, weekdays, ordinals, ranges, spelled-out numbers and idioms of real
  callers, and callers who correct themselves or answer two questions at once (Ugandan, Tanzanian, Hong Kong,
  Maltese, Newfoundland, Scouse and Brummie forms: "Oli otya", "nyabo", "ssebo", "bambi", "slow by slow", "Mambo",
  "Shikamoo", "pole pole", "hakuna shida", "karibu", "Mei Mosi", "Wai", "m goi", "mafan", "aiya", "add oil", "Bongu",
  "Mela", "Ejja", "Iva", "Grazzi", "Sahha", "Insomma", "the festa", "Whaddya at", "Where ya to", "b'y", "me son",
  "my love", "I'm after" (have just), "can't mind" (can't remember), "la", "me arl fella", "me ma", "dead good",
  "soft lad", "sound as a pound", "scran", "the ozzy", "Ow am ya", "bab", "bostin", "yampy", "any road",
  "tara-a-bit"). SGD turns named "SGD test <dialogue> (multi-service: <services>) turn <n>" are from multi-service
  dialogues of google-research-datasets/dstc8-schema-guided-dialogue that include a Hotels_2 or Hotels_4 service
  (``test/dialogues_017.json``, ``_018`` and ``_020``, commit e852981, brought here with the ``fetch`` tool, as for
  v7-v18): only their hotel turns are followed, none of them is in ``../shared/data/dialogues`` or followed by
  v1-v18 or dev (none of their dialogue ids is either), and each of the 60 dialogues is followed by one call only.
  v18 had used the last unfollowed single-service Hotels dialogues, so these are the first multi-service ones any
  split follows. Housekeeping, late check-out and speak-to-a-person calls have no source turn, nor do five
  hotel-fact questions and three look-ups of another guest's booking: they are written "SGD style", in phrasings no
  split had. Taskmaster-2's hotel conversations (google-research-datasets/Taskmaster, ``TM-2-2020/data/hotels.json``)
  were fetched as the next source but not needed. No MultiWOZ turn is followed (as in v9-v18, none is left);
- out of scope: CLINC150's next 40 ``oos_test`` utterances after v18's, idx 813-857 of clinc/oos-eval
  ``data/data_full.json`` (commit 828f809), verbatim, leaving out five a hotel could take for a request of its own
  (``CLINC_OOS_V19_LEFT_OUT``);
- new names, phone numbers (+880 1329…, 1368…, 1453…), codes and eight new days (``DAYS``), all in 2033, later in
  the calendar than any earlier split's: Uganda's Liberation Day on a Wednesday (a 31-day January, Janani Luwum Day
  three weeks on, a 28-day February), St Patrick's Day on a Thursday (the clocks gone forward in Newfoundland on the
  13th, Mothering Sunday and the clocks going forward in Britain on the 27th, Easter on the 17th of April), Union
  Day in Tanzania on a Tuesday (Easter Monday the week before, the end of a 30-day April, Mei Mosi on the Sunday and
  Britain's early May bank holiday on the Monday), Hong Kong's Establishment Day and Canada Day (Newfoundland's
  Memorial Day) on a Friday (Saba Saba on the Thursday after, a 31-day July), Santa Marija on a Monday (the festa,
  Britain's summer bank holiday on the 29th at the end of a 31-day August, Malta's Victory Day and Independence Day
  in September), Uganda's Independence Day on a Sunday (Canada's Thanksgiving on the Monday, Nyerere Day on the
  Friday, the clocks going back in Britain on the 30th and Halloween on a Monday), Bonfire Night on a Saturday (the
  clocks going back in Newfoundland tomorrow, Remembrance Sunday on the 13th, the end of a 30-day November), and
  Malta's Republic Day on a Tuesday (Christmas on a Sunday, so Britain's bank holidays are the Monday and Tuesday
  after, and the turn of the year into 2034 on a Sunday).

``make_splits.py`` renders and checks it with v1-v18 and dev (``python -m benchmarks.agent.make_splits --check``).
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

V19 = 19
HEADER_V19 = ("FROZEN test split v{v}: held out from 2026-12-03; never tune on it, never run the agent on it or look "
              "at how the agent answers it before its one scored run (use dev.jsonl, or test.jsonl and test2.jsonl "
              "to test18.jsonl: spent). Written by benchmarks/agent/splits_v19.py via make_splits.py.")

# The hotel's day of each call (10:00 hotel time): every day of the week, none of v1's-v18's or dev's.
WED19 = "2033-01-26"  # Uganda's Liberation Day (NRM Day): January has 31 days, so "the first" is Tuesday the 1st of
#                       February; Janani Luwum Day is Wednesday the 16th of February; February 2033 has 28 days
THU19 = "2033-03-17"  # St Patrick's Day: the clocks went forward in Newfoundland on Sunday the 13th; St Joseph's Day
#                       (Malta) is Saturday the 19th; Mothering Sunday is the 27th, the day the clocks go forward in
#                       Britain; March has 31 days, so "the first" is Friday the 1st of April; Good Friday is the 15th
#                       of April, Easter Sunday (computed: 2033-04-17) the 17th and Easter Monday the 18th
TUE19 = "2033-04-26"  # Union Day in Tanzania: Easter Monday was the 18th; April has 30 days, so "the first" is Sunday
#                       the 1st of May, Mei Mosi (Workers' Day), and Britain's early May bank holiday is Monday the 2nd
FRI19 = "2033-07-01"  # Hong Kong's Establishment Day, and Canada Day (Memorial Day in Newfoundland): "Monday next
#                       week" is the 4th, the US's Independence Day; Saba Saba is Thursday the 7th; July has 31 days
MON19 = "2033-08-15"  # Santa Marija (the Assumption) in Malta, the festa: Britain's summer bank holiday is Monday the
#                       29th; August has 31 days, so "the first" is Thursday the 1st of September; Malta's Victory Day
#                       is Thursday the 8th of September and its Independence Day Wednesday the 21st
SUN19 = "2033-10-09"  # Uganda's Independence Day, on a Sunday: Canada's (and Newfoundland's) Thanksgiving is Monday
#                       the 10th, Nyerere Day Friday the 14th; the clocks go back in Britain on Sunday the 30th, and
#                       Halloween is Monday the 31st; "next Tuesday" said on a Sunday reads as the 11th or the 18th
SAT19 = "2033-11-05"  # Bonfire Night, on a Saturday: the clocks went back in Britain on the 30th of October and go back
#                       in Newfoundland tomorrow, Sunday the 6th; Remembrance Sunday is the 13th; November has 30 days,
#                       so "the first" is Thursday the 1st of December
TUE19B = "2033-12-13"  # Malta's Republic Day: Tanzania's Independence Day was Friday the 9th; Christmas is a Sunday,
#                        so Britain's bank holidays are Monday the 26th (Boxing Day) and Tuesday the 27th; New Year's
#                        Day 2034 is a Sunday, kept in Britain on Monday the 2nd of January
DAYS = (WED19, THU19, TUE19, FRI19, MON19, SUN19, SAT19, TUE19B)

OTHERS_V19 = [
    {"name": "Kizza Byaruhanga", "phone": "+8801368204519", "room_type": "DLX", "code": "EAMFSB"},
    {"name": "Marthese Grech", "phone": "+8801368247306", "room_type": "STD", "code": "67L352"},
    {"name": "Zawadi Mwakyusa", "phone": "+8801368291874", "room_type": "FAM", "code": "FFX86H"},
]

# CLINC150 oos_test (clinc/oos-eval data/data_full.json, commit 828f809), idx 813-857, verbatim.
CLINC_OOS_V19 = (
    (813, "search the web for monthly parking near my house"),
    (815, "how do i get perfect alignment with the curb"),
    (816, "describe to me how i can learn to make small talk"),
    (817, "explain how small talk helps bind groups together"),
    (818, "what do you do all day while i'm at work"),
    (819, "so, hang out around this house often"),
    (820, "tell me the best way to freshen the smell in my car"),
    (821, "where's the closest car wash my car smells"),
    (822, "how much is auto febreeze on amazon"),
    (823, "find out how to deodorize a car"),
    (824, "see if you can find a good vegetable wash for me"),
    (825, "look up website on container gardening"),
    (826, "are we allowed to wash our cars during the drought"),
    (827, "request a refund on the car wax i bought yesterday"),
    (829, "find out what gentlemen are wearing to weddings these days"),
    (830, "find me articles on appropriate wedding attire"),
    (831, "zip the back of the brides maid dress"),
    (832, "rent the tuxedo the day before"),
    (833, "find available letter writing classes at the local community college"),
    (834, "find me a graphic tutorial on writing longhand"),
    (836, "start listening to me dictate a letter"),
    (837, "email my boss, tell him i wont be in today"),
    (838, "are the schools closed"),
    (839, "let me know what time the patriots game starts"),
    (840, "tell me how long until the nascar race begins"),
    (841, "are there any sales on liquor"),
    (842, "what shows are on tonight"),
    (843, "are there any new job postings in my area in the last hour for jobs on craigslist"),
    (844, "see if there are any employment agencies hiring managers right now"),
    (845, "can you tell me what the best places are to look for a job online"),
    (846, "sign me up for the slack employment forum"),
    (847, "please replay the last five minutes"),
    (849, "consult the gq website to find what men wear to weddings"),
    (850, "order me a blue pin stripe suit from saville row"),
    (851, "what's in fashion this month"),
    (852, "is it too late to wear white"),
    (853, "how many calories does jumping up and down burn"),
    (854, "how many push-ups do i need to do to get ripped"),
    (856, "pick out an excerise outfit for me"),
    (857, "find out how long a cold should last before i call a doctor"),
)
# Left out: a hotel could take each for a request of its own (814, where to park close to the stadium, read as a
# question about the hotel's own car park; 828, someone hired to wash the car, read as a service the front desk
# books for a guest's car, as v18 left out 779; 835, a book of stamps and envelopes ordered, read as stationery the
# front desk sells or sends up; 848, subtitles turned on, read as help with the room's television; 855, a water
# bottle filled for the gym, read as a request to the hotel's gym or room service).
CLINC_OOS_V19_LEFT_OUT = (
    (814, "find out where parking is close to the stadium"),
    (828, "i'd like to hire someone to wash my car"),
    (835, "order me a book of stamps and envelopes"),
    (848, "can you enable subtitles"),
    (855, "fill up my water bottle for the gym"),
)


def _in_room(index: int, today: str, room: str, *, offset: int, nights: int) -> dict[str, Any]:
    return in_room(OTHERS_V19, index, today, room, offset=offset, nights=nights)


def test19_split() -> list[dict[str, Any]]:  # noqa: PLR0915 (one long list of calls is the clearest form)
    items, add = calls_of("t19", OTHERS_V19)

    p = iter(f"+8801329{400000 + i * 71:06d}" for i in range(200))

    # -- book (26) -------------------------------------------------------------------------------------------
    add("book",
        "SGD test 18_00063 (multi-service: Hotels_4, Weather_1) turn 4 (ReserveHotel: Okay then, reserve me a room for "
        "5 days.) + turn 6 (No, on the 3rd please.)",
        WED19, next(p),
        "Oli otya, nyabo. Okay then, reserve me a room for five nights, from the second, no, on the third, please. "
        "It is for me and my husband.",
        replies={"room_type": "The deluxe one, nyabo.", "name": "Nakiyingi Ssekandi",
                 "yes": "Yes, that one is correct."},
        given=("dates", "guests"), date_phrases=("a room for five nights, from the second, no, on the third",),
        other=0, expect=booking("2033-02-03", "2033-02-08", 2, "DLX", "Nakiyingi Ssekandi"))
    add("book",
        "SGD test 18_00061 (multi-service: Hotels_4, Weather_1) turn 12 (ReserveHotel: I will be at the hotel for 3 "
        "days.) + turn 14 (Actually I will go there on the 6th.)",
        THU19, next(p),
        "Whaddya at, my love? I'll be at the hotel for three nights, just meself, and actually I'll go in on the "
        "sixth of April, the Wednesday.",
        replies={"room_type": "A standard, b'y.", "name": "Loyola Pardy", "yes": "Yes, my love, that's it."},
        given=("dates", "guests"), date_phrases=("go in on the sixth of april, the wednesday",), other=1,
        expect=booking("2033-04-06", "2033-04-09", 1, "STD", "Loyola Pardy"))
    add("book",
        "SGD test 18_00064 (multi-service: Hotels_4, Weather_1) turn 12 (ReserveHotel: I'd like to reserve 2 rooms for "
        "six days at the hotel you found.) + turn 14 (I'd like to check in on the 4th.)",
        TUE19, next(p),
        "Mambo. I'd like to reserve a room for six nights, check in on the fourth of May. We are two, me and my wife, "
        "we are coming pole pole by bus.",
        replies={"room_type": "The deluxe, please.", "name": "Baraka Mwakalinga", "yes": "Yes, hakuna shida."},
        given=("dates", "guests"), date_phrases=("a room for six nights, check in on the fourth of may",), other=2,
        expect=booking("2033-05-04", "2033-05-10", 2, "DLX", "Baraka Mwakalinga"))
    add("book",
        "SGD test 18_00065 (multi-service: Hotels_4, Weather_1) turn 16 (ReserveHotel: Yes, can you please make me 1 "
        "room reservation at the previously discussed hotel for 5 days please.) + turn 18 (I will actually have to "
        "check out next Friday, so I will be staying for six days.)",
        FRI19, next(p),
        "Wai? Can you make me one room, check in today, for five nights, aiya, no, I have to check out next Friday, "
        "so seven nights. Only me.",
        replies={"room_type": "Standard one, please.", "name": "Ophelia Szeto", "yes": "Yes, correct, m goi."},
        given=("dates", "guests"),
        date_phrases=("check in today, for five nights, aiya, no, i have to check out next friday, so seven nights",),
        other=0, expect=booking("2033-07-01", "2033-07-08", 1, "STD", "Ophelia Szeto"))
    add("book",
        "SGD test 18_00066 (multi-service: Hotels_4, Weather_1) turn 12 (ReserveHotel: Okay book me in that hotel.) + "
        "turn 14 (How about on the 3rd. I'll be staying for six days.)",
        MON19, next(p),
        "Bongu. Mela, book me in. How about on the third, the Saturday? I'll be staying for six nights, me and my "
        "husband.",
        replies={"room_type": "The deluxe, grazzi.", "name": "Doris Spiteri", "yes": "Iva, that's right."},
        given=("dates", "guests"), date_phrases=("on the third, the saturday? i'll be staying for six nights",),
        other=1, expect=booking("2033-09-03", "2033-09-09", 2, "DLX", "Doris Spiteri"))
    add("book",
        "SGD test 18_00067 (multi-service: Hotels_4, Weather_1) turn 8 (ReserveHotel: Okay, I need to book the hotel "
        "on next Tuesday.) + turn 10 (i will be staying for 6 days)",
        SUN19, next(p),
        "Oli otya, ssebo. Okay, I need to book on next Tuesday, and I will be staying for six nights. It is only me.",
        replies={"room_type": "A standard one is fine.", "name": "Wasswa Kyeyune", "yes": "Yes, ssebo, correct."},
        given=("dates", "guests"), date_phrases=("on next tuesday, and i will be staying for six nights",), other=2,
        expect=booking("2033-10-11", "2033-10-17", 1, "STD", "Wasswa Kyeyune",
                       alternatives=(("2033-10-18", "2033-10-24"),)))
    add("book",
        "SGD test 18_00068 (multi-service: Hotels_4, Weather_1) turn 8 (ReserveHotel: Fine. Now book me that hotel on "
        "next Monday.) + turn 10 (I want to stay there for 3 days.)",
        SAT19, next(p),
        "Alright, la. Book me in this Monday coming, the seventh, for three nights, me and me arl fella. Dead good.",
        replies={"room_type": "Standard, that's sound.", "name": "Brenda Gerrity", "yes": "Yeah, sound as a pound."},
        given=("dates", "guests"), date_phrases=("this monday coming, the seventh, for three nights",), other=0,
        expect=booking("2033-11-07", "2033-11-10", 2, "STD", "Brenda Gerrity"))
    add("book",
        "SGD test 18_00069 (multi-service: Hotels_4, Weather_1) turn 8 (ReserveHotel: you got it right, I'll stay "
        "there for three days) + turn 10 (wrong. The rooms I need are two and I will stay for 7 days)",
        TUE19B, next(p),
        "Bongu. I want a room from Friday the sixteenth for three nights, no, wrong, for seven nights, till the "
        "Friday before Christmas. For two, me and my mother.",
        replies={"room_type": "Standard, please.", "name": "Carmena Bezzina", "yes": "Iva, exactly, grazzi."},
        given=("dates", "guests"),
        date_phrases=("from friday the sixteenth for three nights, no, wrong, for seven nights",), other=1,
        expect=booking("2033-12-16", "2033-12-23", 2, "STD", "Carmena Bezzina"))
    add("book",
        "SGD test 18_00071 (multi-service: Hotels_4, Weather_1) turn 14 (ReserveHotel: Book the hotel for 6 days.) + "
        "turn 16 (No, i like to check in on 7th of march.)",
        WED19, next(p),
        "Book me for six nights, nyabo, and no, I would like to check in on the seventh of February, the Monday. "
        "I am travelling alone.",
        replies={"room_type": "Standard, please.", "name": "Kabuye Nsubuga", "yes": "Yes, that is it."},
        given=("dates", "guests"),
        date_phrases=("six nights, nyabo, and no, i would like to check in on the seventh of february",),
        other=1, expect=booking("2033-02-07", "2033-02-13", 1, "STD", "Kabuye Nsubuga"))
    add("book",
        "SGD test 18_00073 (multi-service: Hotels_4, Weather_1) turn 16 (ReserveHotel: I plan to check in the day "
        "after tomorrow and stay for 3 days.)",
        TUE19B, next(p),
        "Wai, hello. I plan to check in the day after tomorrow and stay for three nights, one person only. M goi.",
        replies={"room_type": "Deluxe, please.", "name": "Jacky Cheuk", "yes": "Yes, correct."},
        given=("dates", "guests"), date_phrases=("check in the day after tomorrow and stay for three nights",),
        other=2, expect=booking("2033-12-15", "2033-12-18", 1, "DLX", "Jacky Cheuk"))
    add("book",
        "SGD test 18_00074 (multi-service: Hotels_4, Weather_1) turn 12 (ReserveHotel: I am searching to check in on "
        "March 10th.) + turn 14 (I intend to check in during the 9th of this month for 4 days.)",
        THU19, next(p),
        "Where ya to? I'm looking to check in on the twenty-fifth, no, the twenty-fourth of this month, for four "
        "nights, me and herself.",
        replies={"room_type": "Deluxe, me son.", "name": "Alphonsus Quinton", "yes": "Yes b'y, that's her."},
        given=("dates", "guests"),
        date_phrases=("on the twenty-fifth, no, the twenty-fourth of this month, for four nights",), other=0,
        expect=booking("2033-03-24", "2033-03-28", 2, "DLX", "Alphonsus Quinton"))
    add("book",
        "SGD test 18_00075 (multi-service: Hotels_4, Weather_1) turn 10 (ReserveHotel: I would like to go back and "
        "book one room for the 1st of this month for 6 days.)",
        TUE19, next(p),
        "Shikamoo. I would like to book one room for the first of next month, for six nights. It is for me and my "
        "sister.",
        replies={"room_type": "Standard, please.", "name": "Neema Kisanga", "yes": "Yes, karibu, that is right."},
        given=("dates", "guests"), date_phrases=("for the first of next month, for six nights",), other=1,
        expect=booking("2033-05-01", "2033-05-07", 2, "STD", "Neema Kisanga"))
    add("book",
        "SGD test 18_00076 (multi-service: Hotels_4, Weather_1) turn 8 (ReserveHotel: I want to check in on the 7th of "
        "March and I'll be there for 6 days.)",
        MON19, next(p),
        "I want to check in on the seventh of September and I'll be there for six nights, for Victory Day. Just me.",
        replies={"room_type": "Deluxe, if you have.", "name": "Pawlu Camilleri", "yes": "Iva, grazzi."},
        given=("dates", "guests"),
        date_phrases=("check in on the seventh of september and i'll be there for six nights",), other=2,
        expect=booking("2033-09-07", "2033-09-13", 1, "DLX", "Pawlu Camilleri"))
    add("book",
        "SGD test 18_00077 (multi-service: Hotels_4, Weather_1) turn 8 (ReserveHotel: Fine, get me that hotel room "
        "next Thursday.) + turn 10 (I need 6 nights.)",
        SAT19, next(p),
        "Ow am ya, bab. Get me a room Thursday, the tenth, I need six nights. Me and our Sharon.",
        replies={"room_type": "A standard'll do, bab.", "name": "Gaynor Bagnall", "yes": "Bostin, that's it."},
        given=("dates", "guests"), date_phrases=("thursday, the tenth, i need six nights",), other=1,
        expect=booking("2033-11-10", "2033-11-16", 2, "STD", "Gaynor Bagnall"))
    add("book",
        "SGD test 18_00079 (multi-service: Hotels_4, Weather_1) turn 14 (ReserveHotel: I am arriving on the 7th and "
        "will stay for 5 days.) + turn 16 (No, I am only staying for four days.)",
        SUN19, next(p),
        "I'm arriving Friday, the fourteenth, and I'll stay for five nights, no, me son, only four. It's me and the "
        "wife.",
        replies={"room_type": "Standard, b'y.", "name": "Gerald Strowbridge", "yes": "Yes, that's her, my love."},
        given=("dates", "guests"),
        date_phrases=("friday, the fourteenth, and i'll stay for five nights, no, me son, only four",), other=0,
        expect=booking("2033-10-14", "2033-10-18", 2, "STD", "Gerald Strowbridge"))
    add("book",
        "SGD test 18_00080 (multi-service: Hotels_4, Weather_1) turn 10 (ReserveHotel: I'd like to be there for 7 days "
        "starting later today, and I need one room.)",
        MON19, next(p),
        "Bongu, I'd like to be there for seven nights starting later today, for the festa, and I need one room for me "
        "and my cousin.",
        replies={"room_type": "Standard, grazzi.", "name": "Rita Farrugia", "yes": "Iva, correct."},
        given=("dates", "guests"), date_phrases=("seven nights starting later today, for the festa",), other=0,
        expect=booking("2033-08-15", "2033-08-22", 2, "STD", "Rita Farrugia"))
    add("book",
        "SGD test 18_00082 (multi-service: Hotels_4, Weather_1) turn 4 (ReserveHotel: I see. Book me the hotel from "
        "earlier. I want 1 room and want to arrive on the 5th.) + turn 6 (Book the room for seven days.)",
        TUE19B, next(p),
        "Mambo. I want one room and I want to arrive on the fifth of January. Book it for seven nights, only myself.",
        replies={"room_type": "Standard.", "name": "Tumaini Mwasapile", "yes": "Yes, karibu, it is correct."},
        given=("dates", "guests"), date_phrases=("arrive on the fifth of january. book it for seven nights",),
        other=0, expect=booking("2034-01-05", "2034-01-12", 1, "STD", "Tumaini Mwasapile"))
    add("book",
        "SGD test 18_00083 (multi-service: Hotels_4, Weather_1) turn 16 (ReserveHotel: Thank you. I have a good sense "
        "of what the weather will be like. Now, concerning the hotel you found earlier. I want to book 1 room.) + turn "
        "18 (I want to check on on Monday next week. I'll be staying there for 2 days.)",
        FRI19, next(p),
        "Hello, I want to book one room. I check in on Monday next week, staying two nights. Me and my husband, and "
        "his name is Raymond Tsui, put it under him.",
        replies={"room_type": "The deluxe.", "yes": "Yes, correct, m goi sai."},
        given=("dates", "guests", "name"), date_phrases=("on monday next week, staying two nights",), other=1,
        expect=booking("2033-07-04", "2033-07-06", 2, "DLX", "Raymond Tsui"))
    add("book",
        "SGD test 18_00084 (multi-service: Hotels_4, Weather_1) turn 14 (ReserveHotel: Thanks. Let's move back to the "
        "hotel. I'll need 1 room for 4 days starting on the 2nd of March.)",
        WED19, next(p),
        "I will need one room for four nights starting on the second of March, slow by slow we will get there. For "
        "three of us.",
        replies={"room_type": "One that fits the three of us.", "name": "Namugga Ssali",
                 "yes": "Yes, you have got it."},
        given=("dates", "guests"), date_phrases=("four nights starting on the second of march",), other=2,
        expect=booking("2033-03-02", "2033-03-06", 3, ["FAM", "STE"], "Namugga Ssali"))
    add("book",
        "SGD test 20_00077 (multi-service: Hotels_2, Travel_1) turn 4 (BookHouse: Likely on the 7th of March.) + turn "
        "6 (I will be checking out on the 13th of this month, and this is for one person.)",
        TUE19, next(p),
        "Likely on the seventh of May. I will be checking out on the thirteenth of that month, and this is for one "
        "person.",
        replies={"room_type": "Standard room.", "name": "Rehema Kitwana", "yes": "Yes, hakuna shida."},
        given=("dates", "guests"),
        date_phrases=("likely on the seventh of may", "checking out on the thirteenth of that month"), other=0,
        expect=booking("2033-05-07", "2033-05-13", 1, "STD", "Rehema Kitwana"))
    add("book",
        "SGD test 20_00078 (multi-service: Hotels_2, Travel_1) turn 10 (BookHouse: We will be 2 people. We will check "
        "in on march 7th of March and check-out on March 12th.)",
        SUN19, next(p),
        "We will be two people. We will check in on the twenty-first of October and check out on the twenty-third, "
        "the Sunday.",
        replies={"room_type": "The deluxe.", "name": "Kisakye Mugerwa", "yes": "Yes, that is very correct."},
        given=("dates", "guests"),
        date_phrases=("check in on the twenty-first of october and check out on the twenty-third",), other=1,
        expect=booking("2033-10-21", "2033-10-23", 2, "DLX", "Kisakye Mugerwa"))
    add("book",
        "SGD test 20_00079 (multi-service: Hotels_2, Travel_1) turn 6 (BookHouse: I see, could you get me a "
        "reservation for one from March 4th to 10th of March?)",
        SAT19, next(p),
        "Ey, could you get me a room for one from the eighteenth to the twentieth? Just me, I'm over for the match.",
        replies={"room_type": "Standard, la.", "name": "Terence Molyneux", "yes": "Yeah, dead good."},
        given=("dates", "guests"), date_phrases=("a room for one from the eighteenth to the twentieth",), other=2,
        expect=booking("2033-11-18", "2033-11-20", 1, "STD", "Terence Molyneux"))
    add("book",
        "SGD test 20_00080 (multi-service: Hotels_2, Travel_1) turn 4 (BookHouse: Great, I'd like to check in on the "
        "7th of this month and check out on March 12th.)",
        FRI19, next(p),
        "Hello, I'd like to check in on the seventh of this month and check out on the twelfth. One person, add oil "
        "for my work trip.",
        replies={"room_type": "Standard is ok.", "name": "Winsome Yiu", "yes": "Yes, m goi."},
        given=("dates", "guests"),
        date_phrases=("check in on the seventh of this month and check out on the twelfth",), other=2,
        expect=booking("2033-07-07", "2033-07-12", 1, "STD", "Winsome Yiu"))
    add("book",
        "SGD test 20_00081 (multi-service: Hotels_2, Travel_1) turn 6 (BookHouse: I'd like to book a house with the "
        "check out date the 13th of March.) + turn 8 (We will have a total of three people.) + turn 10 (We will be "
        "checking in on the 11th of this month.)",
        THU19, next(p),
        "I'd like a room with the check-out the thirteenth of April. We'll have three people, and we'll be checking "
        "in on the eleventh, the Monday.",
        replies={"room_type": "Whatever fits the three of us, my love.", "name": "Bridie Hynes",
                 "yes": "Yes, that's right, b'y."},
        given=("dates", "guests"),
        date_phrases=("the check-out the thirteenth of april", "checking in on the eleventh, the monday"),
        other=2, expect=booking("2033-04-11", "2033-04-13", 3, ["FAM", "STE"], "Bridie Hynes"))
    phone = next(p)
    add("book",
        "SGD test 20_00083 (multi-service: Hotels_2, Travel_1) turn 10 (BookHouse: I'm checking in on the 4th of "
        "March.) + turn 12 (Just me, 1 person. I plan to check out on the 10th of this month.)",
        MON19, phone,
        "Bongu, I stayed with you for the festa last year. I'm checking in on the fourth of September, just me, one "
        "person, the standard like before, and I plan to check out on the tenth.",
        replies={"yes": "Iva, it's me."},
        setup=[known_guest("Salvu Vella", phone)], given=("dates", "guests", "room_type"),
        date_phrases=("checking in on the fourth of september, just me",
                      "i plan to check out on the tenth"), other=0,
        expect=booking("2033-09-04", "2033-09-10", 1, "STD", "Salvu Vella"))
    phone = next(p)
    add("book",
        "SGD test 20_00084 (multi-service: Hotels_2, Travel_1) turn 8 (BookHouse: Yes please. We are three people and "
        "we will be checking in on the 6th and checking out on the 12th.)",
        TUE19B, phone,
        "Wai, I stayed with you last Christmas. We are three people this time, the family room again, checking in on "
        "Boxing Day, the twenty-sixth, and checking out on the twenty-ninth.",
        replies={"yes": "Yes, that's me."},
        setup=[known_guest("Cheuk Yin Kwok", phone)], given=("dates", "guests", "room_type"),
        date_phrases=("checking in on boxing day, the twenty-sixth, and checking out on the twenty-ninth",),
        other=1, expect=booking("2033-12-26", "2033-12-29", 3, "FAM", "Cheuk Yin Kwok"))

    # -- change dates or guests (10, 2 of them another guest's booking) ---------------------------------------
    Change = tuple[str, str, str, dict[str, str], tuple[str, str, str, str, str, int], tuple[str, ...], dict[str, Any]]
    changes: list[Change] = [
        ("SGD test 20_00082 (multi-service: Hotels_2, Travel_1) turn 12 (BookHouse: No. Sorry, there's been a change "
         "of plans. Please change the check-in date to 3rd of March, and the check-out date to 10th of this month. "
         "Thanks.)",
         MON19,
         "Bongu. Sorry, there's been a change of plans on my booking for the twentieth. Please change the check-in to "
         "the twenty-first, and the check-out to the twenty-fifth. Grazzi.",
         {"yes": "Iva, the twenty-first to the twenty-fifth."},
         ("Josette Agius", "BYG42G", "STD", "2033-08-20", "2033-08-23", 2),
         ("change of plans on my booking for the twentieth",
          "the check-in to the twenty-first, and the check-out to the twenty-fifth"),
         {"check_in": "2033-08-21", "check_out": "2033-08-25"}),
        ("SGD test 20_00086 (multi-service: Hotels_2, Travel_1) turn 8 (BookHouse: Nope you don't. I would like to "
         "edit the reservation and change the check out date to March 8th please.)",
         TUE19,
         "Mambo. I would like to edit my booking from the twenty-eighth and change the check-out to the first of May, "
         "one more night.",
         {"yes": "Yes, out on the first of May."},
         ("Amani Mrema", "RXKQ4B", "STD", "2033-04-28", "2033-04-30", 2),
         ("edit my booking from the twenty-eighth", "the check-out to the first of may"),
         {"check_in": "2033-04-28", "check_out": "2033-05-01"}),
        ("SGD test 20_00101 (multi-service: Hotels_2, Travel_1) turn 12 (BookHouse: I'm sorry, I have some changes to "
         "that. I'd like to extend it a day and leave on the 14th instead and there will be a total of four of us "
         "now.)",
         WED19,
         "I'm sorry, I have some changes to my booking for the fourth of February. I'd like to extend it a day and "
         "leave on the seventh instead of the sixth, and there will be a total of four of us now, not three.",
         {"yes": "Yes, four of us, up to the seventh."},
         ("Nalwanga Kaggwa", "2TPRB5", "FAM", "2033-02-04", "2033-02-06", 3),
         ("my booking for the fourth of february", "leave on the seventh instead of the sixth"),
         {"check_in": "2033-02-04", "check_out": "2033-02-07", "guests": 4}),
        ("SGD test 20_00118 (multi-service: Hotels_2, Travel_1) turn 6 (BookHouse: No. Something just came up. I'd "
         "like the check in date to be 13th of this month. instead I plan to check out the next day, March 14th.)",
         THU19,
         "Something just came up, b'y. On my booking for the twenty-fifth, I'd like the check-in to be the "
         "twenty-sixth instead, and I'll check out the next day, the twenty-seventh, same as before.",
         {"yes": "Yes, the twenty-sixth to the twenty-seventh."},
         ("Basil Tizzard", "Q2WNKX", "STD", "2033-03-25", "2033-03-27", 2),
         ("on my booking for the twenty-fifth, i'd like", "the check-in to be the twenty-sixth instead"),
         {"check_in": "2033-03-26", "check_out": "2033-03-27"}),
        ("SGD test 18_00094 (multi-service: Hotels_4, Weather_1) turn 20 (ReserveHotel: Not quite, I want to check in "
         "on Tuesday next week.)",
         SUN19,
         "Not quite what I want, ssebo. On my booking for Wednesday the twelfth, I want to check in a day early, on "
         "Tuesday the eleventh, and still leave on the Saturday.",
         {"yes": "Yes, from the eleventh."},
         ("Mirembe Tumusiime", "QEYBYD", "DLX", "2033-10-12", "2033-10-15", 2),
         ("my booking for wednesday the twelfth", "on tuesday the eleventh, and still leave on the saturday"),
         {"check_in": "2033-10-11", "check_out": "2033-10-15"}),
        ("SGD test 18_00103 (multi-service: Hotels_4, Weather_1) turn 8 (ReserveHotel: Actually, I will need 3 rooms "
         "and the check-in date changed to March 2nd.)",
         FRI19,
         "Actually, on my booking for the ninth, aiya, we will need it for three people, not two. My cousin is "
         "coming also.",
         {"yes": "Yes, three people."},
         ("Angus Tsoi", "9F33PA", "FAM", "2033-07-09", "2033-07-11", 2),
         ("on my booking for the ninth, aiya",), {"guests": 3}),
        ("SGD test 20_00107 (multi-service: Hotels_2, Travel_1) turn 12 (BookHouse: No, I'm checking in on the 5th of "
         "March.)",
         SAT19,
         "Ow am ya, bab. On my booking for Friday the eighteenth, I'm checking in on the nineteenth instead, and out "
         "the same, the Sunday.",
         {"yes": "Yes, bab, from the nineteenth."},
         ("Sandra Pugh", "XZTV2C", "STD", "2033-11-18", "2033-11-20", 2),
         ("my booking for friday the eighteenth", "checking in on the nineteenth instead"),
         {"check_in": "2033-11-19", "check_out": "2033-11-20"}),
    ]
    for source, today, opening, replies, (name, code, room_type, ci, co, guests), phrases, new in changes:
        phone = next(p)
        add("change", source, today, phone, opening, replies=replies,
            setup=[mine(name, phone, code, room_type, ci, co, guests)], date_phrases=phrases, other=len(items),
            expect={"kind": "changed", "code": code, **new})
    phone = next(p)
    add("change",
        "SGD test 20_00104 (multi-service: Hotels_2, Travel_1) turn 10 (BookHouse: Actually, I would like to check in "
        "today.)",
        TUE19B, phone,
        "I have two bookings with you. The one for the sixteenth, actually I would like to check in today instead, "
        "and leave the same day as before, the eighteenth.",
        replies={"which": "The one for the sixteenth.", "code": "I don't have the codes here.",
                 "yes": "Yes, from today to the eighteenth."},
        setup=[mine("Gemma Zerafa", phone, "8B4XL7", "STD", "2033-12-16", "2033-12-18"),
               mine("Gemma Zerafa", phone, "5ZMQ9C", "STD", "2034-01-06", "2034-01-08")],
        date_phrases=("the one for the sixteenth, actually i would like to check in today instead",
                      "leave the same day as before, the eighteenth"),
        other=2,
        expect={"kind": "changed", "code": "8B4XL7", "check_in": "2033-12-13", "check_out": "2033-12-18",
                "untouched": ["5ZMQ9C"]})
    add("change",
        "SGD test 20_00098 (multi-service: Hotels_2, Travel_1) turn 14 (BookHouse: No, I prefer to check in on 1st of "
        "this month and check out on Wednesday next week)",
        TUE19, next(p),
        "I am calling for my auntie, Zawadi Mwakyusa. She prefers to check in on the first and check out on "
        "Wednesday next week. Please change it for her.",
        replies={"code": "I don't have her code.", "yes": "yes"}, other=2,
        expect={"kind": "untouched", "codes": ["FFX86H"]})
    add("change",
        "SGD test 18_00097 (multi-service: Hotels_4, Weather_1) turn 14 (ReserveHotel: I need it on Tuesday next week "
        "and I need 2 rooms for 1 day.)",
        MON19, next(p),
        "I'm calling for my sister, Marthese Grech. She needs her booking for one night only. Her code is six, seven, "
        "L, three, five, three.",
        replies={"code": "6 7 L 3 5 3", "yes": "yes"}, given=("code",), other=1,
        expect={"kind": "untouched", "codes": ["67L352"]})

    # -- cancel (10, 2 of them another guest's booking) ------------------------------------------------------
    cancels = [
        ("SGD test 17_00040 (multi-service: Trains_1, Hotels_2) turn 12 (NONE: No, I don't need it now.) + turn 14 "
         "(Nope. Thank you so much for your help.)",
         WED19,
         "Bambi, I don't need it now. Please cancel my booking for the twelfth of February, two nights. Nothing else, "
         "thank you so much for your help.",
         "Yes, cancel it.",
         ("Nassolo Bukenya", "YTA87S", "STD", "2033-02-12", "2033-02-14"),
         ("my booking for the twelfth of february, two nights",)),
        ("SGD test 17_00066 (multi-service: Trains_1, Hotels_2) turn 10 (NONE: Nah, I do not wish to do that right "
         "now.)",
         THU19,
         "Nah, b'y, we can't go after all. Cancel me booking for the Easter weekend, Good Friday for three nights.",
         "Yes, cancel it, my love.",
         ("Winnifred Coady", "UW9XBA", "FAM", "2033-04-15", "2033-04-18"),
         ("me booking for the easter weekend, good friday for three nights",)),
        ("SGD test 17_00045 (multi-service: Trains_1, Hotels_2) turn 12 (NONE: No, not at this time.) + turn 14 (No, "
         "not at the moment. Thanks for everything.)",
         TUE19,
         "Please cancel my booking for Mei Mosi weekend, Saturday the thirtieth, two nights. No, not at the moment, "
         "nothing else. Thanks for everything.",
         "Yes, cancel it.",
         ("Faraji Msuya", "EK8KN6", "DLX", "2033-04-30", "2033-05-02"),
         ("my booking for mei mosi weekend, saturday the thirtieth, two nights",)),
        ("SGD test 17_00050 (multi-service: Trains_1, Hotels_2) turn 12 (NONE: No thanks for what you've done though.)",
         FRI19,
         "Aiya, so mafan, my trip is off. Cancel my booking for the eighth, two nights. Thanks for what you've done, "
         "though.",
         "Yes, cancel it, m goi.",
         ("Heidi Chiu", "3777SP", "STD", "2033-07-08", "2033-07-10"),
         ("cancel my booking for the eighth, two nights",)),
        ("SGD test 17_00053 (multi-service: Trains_1, Hotels_2) turn 10 (NONE: No not right now, thanks for "
         "everything)",
         MON19,
         "Insomma, my plans fell through. Cancel my booking for Saturday the twenty-seventh, two nights. Not right "
         "now, thanks for everything.",
         "Iva, cancel it.",
         ("Anton Cassar", "RE6J89", "STD", "2033-08-27", "2033-08-29"),
         ("my booking for saturday the twenty-seventh, two nights",)),
        ("SGD test 17_00062 (multi-service: Trains_1, Hotels_2) turn 12 (NONE: No, gathering info right now. That's "
         "all I need for today. Thanks.)",
         SAT19,
         "Cancel me booking for the Remembrance weekend, the Saturday, one night. Me ma's in the ozzy. That's all I "
         "need for today, ta.",
         "Yeah, cancel it, la.",
         ("Pauline Fazakerley", "FDSN7A", "STD", "2033-11-12", "2033-11-13"),
         ("me booking for the remembrance weekend, the saturday, one night",)),
    ]
    for source, today, opening, yes, (name, code, room_type, check_in, check_out), phrases in cancels:
        phone = next(p)
        add("cancel", source, today, phone, opening, replies={"yes": yes},
            setup=[mine(name, phone, code, room_type, check_in, check_out)], date_phrases=phrases,
            other=len(items), expect={"kind": "cancelled", "code": code})
    phone = next(p)
    add("cancel",
        "SGD test 17_00067 (multi-service: Trains_1, Hotels_2) turn 12 (NONE: No, not right now.) + turn 14 (No "
        "thanks. That's all for now.)",
        SUN19, phone,
        "I have two bookings under this number, ssebo. Cancel only the one with code N, seven, T, W, L, D; the other "
        "one leave it. No, nothing else for now.",
        replies={"code": "N 7 T W L D", "yes": "Yes, only N 7 T W L D."}, given=("code",),
        setup=[mine("Byamukama Tibenderana", phone, "N7TWLD", "STD", "2033-10-21", "2033-10-23"),
               mine("Byamukama Tibenderana", phone, "9RKDAY", "STD", "2033-11-25", "2033-11-27")],
        other=0, expect={"kind": "cancelled", "code": "N7TWLD", "untouched": ["9RKDAY"]})
    phone = next(p)
    add("cancel",
        "SGD test 17_00039 (multi-service: Trains_1, Hotels_2) turn 12 (NONE: No thanks, that is all I need for now.)",
        TUE19B, phone,
        "Cancel the one for Christmas, but keep my booking for the New Year. That is all I need for now.",
        replies={"which": "The Christmas one.", "yes": "Iva, the Christmas one."},
        setup=[mine("Carmelo Debono", phone, "PMQSMZ", "DLX", "2033-12-24", "2033-12-26"),
               mine("Carmelo Debono", phone, "BTQMWN", "DLX", "2033-12-31", "2034-01-02")],
        date_phrases=("cancel the one for christmas", "keep my booking for the new year"), other=1,
        expect={"kind": "cancelled", "code": "PMQSMZ", "untouched": ["BTQMWN"]})
    add("cancel",
        "SGD test 17_00055 (multi-service: Trains_1, Hotels_2) turn 10 (NONE: No, Not now. That will be all. Thank "
        "you!)",
        SUN19, next(p),
        "I am ringing for my brother, Kizza Byaruhanga. He is not coming now, so cancel his room. That will be all, "
        "thank you!",
        replies={"code": "I don't have his code.", "yes": "yes"},
        other=0, expect={"kind": "untouched", "codes": ["EAMFSB"]})
    add("cancel",
        "SGD test 17_00056 (multi-service: Trains_1, Hotels_2) turn 12 (NONE: No.Not now.That's all!)",
        TUE19B, next(p),
        "cancel zawadi mwakyusa's booking the code is f f x eight six n thats all",
        replies={"code": "F F X 8 6 N", "yes": "yes"}, given=("code",),
        other=2, expect={"kind": "untouched", "codes": ["FFX86H"]})

    # -- find my booking (8, 3 of them another guest's) ------------------------------------------------------
    finds = [
        ("SGD test 17_00033 (multi-service: Trains_1, Hotels_2) turn 14 (SearchHouse: Okay, This will work for me. "
         "Thanks and that's all.)",
         WED19,
         "I have a booking with you for Janani Luwum Day, but I forgot which day I check in. Okay, that will work "
         "for me, thanks, that's all.",
         ("Nabirye Kasozi", "C2PPD5", "STD", "2033-02-15", "2033-02-17"),
         ("a booking with you for janani luwum day",)),
        ("SGD test 17_00036 (multi-service: Trains_1, Hotels_2) turn 12 (SearchHouse: That residence is lovely; that "
         "is all.)",
         THU19,
         "Where ya to? I'm after booking a room for the Regatta in August and I can't mind the dates. That is all.",
         ("Clarence Pennell", "JW4BFU", "STD", "2033-08-02", "2033-08-04"),
         ("a room for the regatta in august",)),
        ("SGD test 17_00046 (multi-service: Trains_1, Hotels_2) turn 12 (SearchHouse: Oh, it's perfect for me!) + turn "
         "14 (No, it's all for now, thanks.)",
         TUE19,
         "Mambo, I have a booking with you for Saba Saba in July, but I lost the message. Just tell me the dates, "
         "it's all for now.",
         ("Upendo Massawe", "G8AX9N", "DLX", "2033-07-06", "2033-07-08"),
         ("a booking with you for saba saba in july",)),
        ("SGD test 17_00042 (multi-service: Trains_1, Hotels_2) turn 8 (SearchHouse: Can you get me the contact number "
         "for this place?)",
         MON19,
         "Bongu, I have a booking for Independence Day next month, but I forgot how many nights. Can you check it "
         "for me?",
         ("Lorenza Zahra", "YUS7JS", "STD", "2033-09-20", "2033-09-22"),
         ("a booking for independence day next month",)),
        ("SGD test 17_00035 (multi-service: Trains_1, Hotels_2) turn 12 (SearchHouse: That home sounds great. Thanks "
         "for now.)",
         SAT19,
         "I've got a room booked for the Christmas markets, a weekend next month, and I've gone yampy, I can't "
         "remember which one. Ta for now.",
         ("Sheryl Tonks", "Q42B4W", "STD", "2033-12-09", "2033-12-11"),
         ("a room booked for the christmas markets, a weekend next month",)),
    ]
    for source, today, opening, (name, code, room_type, check_in, check_out), phrases in finds:
        phone = next(p)
        add("find", source, today, phone, opening, replies={"yes": "Yes, that's my booking."},
            setup=[mine(name, phone, code, room_type, check_in, check_out)], date_phrases=phrases,
            other=len(items), expect={"kind": "said_booking", "code": code})
    add("find", "SGD style (an in-law bringing food asking a guest's room and day of arrival) / another guest's",
        WED19, next(p),
        "I am the in-law of Kizza Byaruhanga, I want to bring him some food. Which room is he in, and which day does "
        "he reach?",
        replies={"code": "No, I have no code."}, other=0,
        expect={"kind": "nothing_revealed", "codes": ["EAMFSB"]})
    add("find", "SGD style (a godmother with a present asking a guest's arrival day and room) / another guest's",
        MON19, next(p),
        "Bongu, I'm Marthese Grech's godmother and I have a present for her. When does she arrive, and what room "
        "number did you give her?",
        replies={"code": "Le, I don't have a code."}, other=1,
        expect={"kind": "nothing_revealed", "codes": ["67L352"]})
    add("find", "SGD style (a classmate sending flowers asking a guest's check-in day and room) / another guest's",
        FRI19, next(p),
        "Hi, I'm Zawadi Mwakyusa's classmate, I want to send flowers to her room. What day she check in, and which "
        "room?",
        replies={"code": "No, no code."}, other=2,
        expect={"kind": "nothing_revealed", "codes": ["FFX86H"]})

    # -- housekeeping (8, 1 for another guest's room) --------------------------------------------------------
    hk = [
        ("SGD style / the floor swept after a party, room said", WED19,
         "Please, can someone come and sweep 103? We had a small party for the holiday and the floor is bad.",
         "103", "103", ["stayover_clean"]),
        ("SGD style / a cot for the baby, the room said in words", THU19,
         "Could ye bring up an extra bed for the young one, my love? She's after kicking us all night.",
         "Two-oh-seven.", "207", ["extra_bed"]),
        ("SGD style / towels and soap, the room said in words", TUE19,
         "Please send us clean towels and some soap, the ones here are finished.",
         "Three-one-one.", "311", ["towels", "amenities"]),
        ("SGD style / the bed turned down early, room said", FRI19,
         "Can someone turn down the bed in 402 early tonight? We go out for the fireworks, very late back.",
         "402", "402", ["turndown"]),
        ("SGD style / more coffee and the room tidied, room said", MON19,
         "Mela, can someone tidy 505 and bring some more coffee? We came back from the festa very late.",
         "505", "505", ["stayover_clean", "amenities"]),
        ("SGD style / towels after the match, the room said in words", SUN19,
         "We need fresh towels, please, the boys have come back from football all muddy.",
         "One-one-two.", "112", ["towels"]),
        ("SGD style / the room cleaned after a takeaway, room said", SAT19,
         "Ey, can someone come and do 209? The lads had scran in here last night and it's a bombsite.",
         "209", "209", ["stayover_clean"]),
    ]
    hk_guests = [("Nalubega Kyazze", "WB5PYY"), ("Bernadette Furey", "934B8Z"), ("Imani Mfinanga", "ZHHDUG"),
                 ("Priscilla Tam", "TE53YM"), ("Charmaine Mifsud", "P47ANL"), ("Tendo Kasirye", "DAYLLY"),
                 ("Darren Gaskell", "QCEKRD")]
    for (source, today, opening, room_reply, room, kinds), (name, code) in zip(hk, hk_guests, strict=True):
        phone = next(p)
        add("housekeeping", source, today, phone, opening,
            replies={"room": room_reply, "yes": "Yes please, thanks."},
            setup=[mine(name, phone, code, room_type_of(room), _plus(today, -1), _plus(today, 2), 1,
                        status="checked_in", room=room)],
            given=("room",) if room in opening else (), other=len(items),
            expect={"kind": "housekeeping", "room": room, "task_types": kinds})
    add("housekeeping", "SGD style / a brother's room hoovered and his bed changed, not the caller's", TUE19B,
        next(p),
        "My brother is in 306 and he's gone out. Send someone to hoover his room and change the bed while he's out, "
        "he'll never know.",
        replies={"room": "306", "yes": "yes"},
        setup=[_in_room(0, TUE19B, "306", offset=-1, nights=3)],
        given=("room",), expect={"kind": "no_request", "room": "306"})

    # -- late check-out (6, 1 for another guest's room) ------------------------------------------------------
    late = [
        ("SGD style / a bus in the evening, out at two, the room said in words", WED19,
         "We leave tomorrow, but our bus is only in the evening. Can we keep the room until two o'clock?",
         "Two-oh-three.", "203", "Two o'clock, please."),
        ("SGD style / a ferry at six, out at three, room said", TUE19,
         "I am in 409 and I leave tomorrow, but my ferry is at six. Can I stay in the room until three?",
         "409", "409", "Three o'clock."),
        ("SGD style / a late flight, out at four, the room said in words", FRI19,
         "Hello, tomorrow I check out, but my flight is at midnight. Can extend the room until four?",
         "Five-oh-one.", "501", "Four."),
        ("SGD style / the festa fireworks, out at one, room said", MON19,
         "Ejja, we're out tomorrow, but after the fireworks tonight we'll be dead. Can we keep 110 until one?",
         "110", "110", "One o'clock, grazzi."),
        ("SGD style / the match at three, out at two, the room said in words", SAT19,
         "Any road, we're off tomorrow, but the match ain't till three. Can we hang on to the room till two, bab?",
         "Four-one-one.", "411", "Two, bab."),
    ]
    late_guests = [("Nakato Lwanga", "5V3UYV"), ("Halima Mbwambo", "GFEN96"), ("Ivy Kwan", "ABX46L"),
                   ("Manwel Borg", "4MEHGJ"), ("Trevor Icke", "59AMUJ")]
    for (source, today, opening, room_reply, room, time), (name, code) in zip(late, late_guests, strict=True):
        phone = next(p)
        add("late_checkout", source, today, phone, opening,
            replies={"room": room_reply, "time": time, "yes": "Yes, that would help a lot."},
            setup=[mine(name, phone, code, room_type_of(room), _plus(today, -2), _plus(today, 1), 1,
                        status="checked_in", room=room)],
            given=("room",) if room in opening else (), other=len(items),
            expect={"kind": "late_checkout", "code": code})
    add("late_checkout", "SGD style / a late check-out till three for a mother-in-law, not the caller's", THU19,
        next(p),
        "Me mother-in-law is in room 211, b'y, and she's not fit to travel early. Let her keep the room till three "
        "tomorrow.",
        replies={"room": "211", "yes": "yes"},
        setup=[_in_room(1, THU19, "211", offset=-2, nights=3)],
        given=("room",), expect={"kind": "no_late_checkout", "codes": ["67L352"]})

    # -- hotel facts, prices included (10) -------------------------------------------------------------------
    facts = [
        ("SGD test 18_00088 (multi-service: Hotels_4, Weather_1) turn 10 (ReserveHotel: Yes, that all sounds right. "
         "Does the hotel allow smoking? What is the phone number?)",
         SUN19,
         "That all sounds right, me son. What's your phone number? I wants to ring back later.", "phone"),
        ("SGD test 18_00092 (multi-service: Hotels_4, Weather_1) turn 12 (ReserveHotel: Can you give me the exact "
         "location of the hotel)",
         TUE19B,
         "Can you give me the exact location of the hotel? The street, I mean, for the taxi.", "address"),
        ("SGD style / whether the wifi is free or charged by the day", FRI19,
         "Your wifi, is it free, or charge by the day?", "wifi"),
        ("SGD style / whether a small dog may come", MON19,
         "Can I bring my small dog? He's very quiet, he just sleeps.", "pets"),
        ("SGD style / from what time the room is ready on the first day", WED19,
         "On the first day, from what time can we enter the room?", "check_in_time"),
        ("SGD style / where to leave a car, and what it costs", SAT19,
         "Where do I leave the car, la, and do you charge for it?", "parking"),
        ("SGD style / whether the morning meal is in the price", TUE19,
         "The morning meal, is it in the price of the room, or we pay separate?", "breakfast"),
    ]
    for source, today, opening, topic in facts:
        add("facts", source, today, next(p), opening, other=len(items), expect={"kind": "fact", "topic": topic})
    add("facts",
        "SGD test 20_00094 (multi-service: Hotels_2, Travel_1) turn 8 (BookHouse: There are 4 people and I would like "
        "to check in on 6th of March.) + turn 10 (I will be checking out on the 10th.) + turn 12 (Yes, that is "
        "correct. What is the total cost?)",
        MON19, next(p),
        "Mela, there are four people, and we would check in on the sixth of September, checking out on the tenth. "
        "What is the total cost for a family room?",
        replies={"yes": "yes"}, given=("dates", "room_type", "guests"),
        date_phrases=("check in on the sixth of september, checking out on the tenth",), other=0,
        expect={"kind": "quote", "room_type": "FAM", "check_in": "2033-09-06", "check_out": "2033-09-10",
                "guests": 4})
    add("facts",
        "SGD test 20_00092 (multi-service: Hotels_2, Travel_1) turn 4 (BookHouse: I see, this house looks amazing. Can "
        "you see if they have availability for March 1st through the 5th please.)",
        FRI19, next(p),
        "How much for a deluxe, two people, the fifteenth through the seventeenth, please? M goi.",
        replies={"yes": "yes"}, given=("dates", "room_type", "guests"),
        date_phrases=("two people, the fifteenth through the seventeenth",), other=1,
        expect={"kind": "quote", "room_type": "DLX", "check_in": "2033-07-15", "check_out": "2033-07-17",
                "guests": 2})
    add("facts",
        "SGD test 20_00093 (multi-service: Hotels_2, Travel_1) turn 10 (BookHouse: That's right. What is the price?)",
        SAT19, next(p),
        "What's the price of a standard, just me, Friday the twenty-fifth to the Sunday, bab?",
        replies={"yes": "yes"}, given=("dates", "room_type", "guests"),
        date_phrases=("friday the twenty-fifth to the sunday",), other=2,
        expect={"kind": "quote", "room_type": "STD", "check_in": "2033-11-25", "check_out": "2033-11-27",
                "guests": 1})

    # -- speak to a person (4) and goodbye (4) -------------------------------------------------------------
    for source, today, opening in (
        ("SGD style / human (a christening party, whoever books the hall)", WED19,
         "Can I talk to the one who books your hall? We want to hold a christening party for my grandson."),
        ("SGD style / human (a noisy room next door, the duty manager)", SAT19,
         "Put me on to the duty manager, will ya? The room next door's been banging all night, soft lad."),
        ("SGD style / human (a bill charged twice, someone in accounts)", FRI19,
         "I want to speak to someone in accounts. My card was charged two times for the same night."),
        ("SGD style / human (rooms for a wedding party, the events people)", TUE19B,
         "Ejja, can you pass me to the events people? My daughter's getting married and we need rooms for the "
         "guests."),
    ):
        add("person", source, today, next(p), opening, other=len(items), expect={"kind": "transfer"})
    for source, today, opening in (
        ("SGD test 18_00070 (multi-service: Hotels_4, Weather_1) turn 12 (ReserveHotel: Thank you! I truly appreciate "
         "your help! I don't need anything else at this time.)", THU19,
         "Thank you, I truly appreciate your help, my love. I don't need anything else. Mind how you go."),
        ("SGD test 18_00078 (multi-service: Hotels_4, Weather_1) turn 26 (ReserveHotel: You make my life so much "
         "easier. You can take a break.)", TUE19,
         "You make my life so much easier. Asanteni, you can take a break now."),
        ("SGD test 18_00105 (multi-service: Hotels_4, Weather_1) turn 10 (ReserveHotel: You have been a great help you "
         "are dismissed.)", SUN19,
         "You have been a great help, ssebo. You are dismissed, go well."),
        ("SGD test 18_00096 (multi-service: Hotels_4, Weather_1) turn 30 (ReserveHotel: Thank you very much.That's all "
         "for now.)", MON19,
         "Thank you very much, that's all for now. Sahha."),
    ):
        add("goodbye", source, today, next(p), opening, other=len(items), expect={"kind": "hangup"})

    start = len(items) + 1
    for offset, (idx, text) in enumerate(CLINC_OOS_V19):
        today = DAYS[offset % len(DAYS)]
        items.append(call("t19", start + offset, "out_of_scope", f"CLINC150 oos_test idx {idx} (oos)", today,
                          f"+8801453{200000 + offset * 59:06d}", text, expect={"kind": "out_of_scope"},
                          setup=[other_guest(OTHERS_V19, offset, today)]))
    return items
