"""The test split, version 13 (``splits/test13.jsonl``): held out from 2026-12-02 (its provenance).

Written after v12 was scored once and so spent, by v12's rules and in its proportions (126 calls: the same flows,
the same count per flow and the same kinds of call and expected outcome), blind to the agent (nobody who wrote it
read ``agent/`` or ``tools/``, nor how the agent answered v12 or any other split, nor any run's output), from what
v1-v12 and dev did not use:

- wording: SGD user turns of dialogues that no earlier split followed (each call's ``source`` names the turn),
  rewritten for our one hotel in the source's style, with the fillers, self-corrections, holidays, weekdays,
  ordinals, ranges, spelled-out numbers and idioms of real callers (British, Irish, South Asian and American forms:
  "Monday week", "Monday next", "Thursday next", "through", "the tail end of", "Hogmanay"). SGD turns named "SGD
  <split> <dialogue> turn <n>" are from single-service Hotels_1-4 dialogues of
  google-research-datasets/dstc8-schema-guided-dialogue (``<split>/dialogues_NNN.json``, commit e852981, brought
  here with the ``fetch`` tool, as for v7-v12), none of them in ``../shared/data/dialogues`` nor followed by v1-v12
  or dev, and no dialogue followed twice. No MultiWOZ turn is followed (as in v9-v12, none is left). Housekeeping,
  late check-out and speak-to-a-person calls (and a check-in-time, a parking and a breakfast question and three
  look-ups of another guest's booking) have no source turn and are written "SGD style", in phrasings no split had;
- out of scope: CLINC150's next 40 ``oos_test`` utterances after v12's, idx 551-592 of clinc/oos-eval
  ``data/data_full.json`` (commit 828f809), verbatim, leaving out two a hotel could take for a request of its own
  (``CLINC_OOS_V13_LEFT_OUT``);
- new names, phone numbers (+880 1384…, 1736…, 1948…), codes and eight new days (``DAYS``), later in the calendar
  than any earlier split's: summer, the turn of 2027 into 2028 and a leap-year February.

``make_splits.py`` renders and checks it with v1-v12 and dev (``python -m benchmarks.agent.make_splits --check``).
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

V13 = 13
HEADER_V13 = ("FROZEN test split v{v}: held out from 2026-12-02; never tune on it, never run the agent on it or look "
              "at how the agent answers it before its one scored run (use dev.jsonl, or test.jsonl and test2.jsonl "
              "to test12.jsonl: spent). Written by benchmarks/agent/splits_v13.py via make_splits.py.")

# The hotel's day of each call (10:00 hotel time): every day of the week, none of v1's-v12's or dev's.
MON13 = "2028-02-28"  # a leap year: "tomorrow" is Tuesday the 29th of February; St David's Day is Wednesday the 1st
#                       of March; "Monday next" is March 6th; Mothering Sunday is the 26th of March
TUE13 = "2027-06-29"  # the end of June: "next friday" reads two ways (the 2nd or the 9th of July); Canada Day is
#                       Thursday the 1st and the Fourth of July a Sunday, its holiday weekend Friday the 2nd to Monday
#                       the 5th; the last weekend of July runs into August (Friday the 30th to Sunday the 1st)
WED13 = "2027-05-12"  # mid-May: Eid al-Adha is Sunday the 16th; "Monday week" is the 24th, "Wednesday week" the
#                       19th; Memorial Day and the spring bank holiday are Monday the 31st, half-term's start, and the
#                       month ends on it
THU13 = "2027-03-25"  # Maundy Thursday: Good Friday is tomorrow, Easter Monday the 29th; "Thursday next" is the 1st
#                       of April; the second weekend in April is the 9th to the 11th
FRI13 = "2027-12-31"  # New Year's Eve (Hogmanay): "tomorrow" is New Year's Day 2028, a Saturday, its bank holiday
#                       Monday the 3rd; "Tuesday" is the 4th; Valentine's Day 2028 is a Monday
SAT13 = "2027-07-31"  # the last day of July, school holidays: "tomorrow" is Sunday the 1st of August; "Tuesday next
#                       week" is the 3rd; the August bank holiday is Monday the 30th, and September starts that week
SUN13 = "2027-03-07"  # Mothering Sunday, a Sunday arrival: International Women's Day is tomorrow; Eid al-Fitr is
#                       expected on Wednesday the 10th; St Patrick's Day is Wednesday the 17th
SAT13B = "2027-10-23"  # the Saturday before half-term: Diwali is Friday the 29th; the clocks go back on Sunday the
#                        31st (Halloween); "Monday the 1st" is November's; Guy Fawkes Night is Friday the 5th
DAYS = (MON13, TUE13, WED13, THU13, FRI13, SAT13, SUN13, SAT13B)

OTHERS_V13 = [
    {"name": "Baurzhan Zhumabayev", "phone": "+8801736204518", "room_type": "DLX", "code": "VFRJLR"},
    {"name": "Ruslana Zelenka", "phone": "+8801736227390", "room_type": "STD", "code": "PCCYE7"},
    {"name": "Serkan Yilmazer", "phone": "+8801736251847", "room_type": "FAM", "code": "JJRSXX"},
]

# CLINC150 oos_test (clinc/oos-eval data/data_full.json, commit 828f809), idx 551-592, verbatim.
CLINC_OOS_V13 = (
    (551, "latest hair styles for long natural hair"),
    (553, "did a man really die trying to be loved by a horse"),
    (554, "how many acres do you need to buy a horse"),
    (555, "get me a picture of a horse"),
    (556, "does eating poop really help your gut fauna"),
    (557, "is there a vaccine for ebola"),
    (558, "find out how many latin scholars there are at the university of chicago"),
    (559, "make a list of side hustles i could start today to make a little extra cash"),
    (560, "make a list of stocks that would be good to invest in to start making money"),
    (561, "how can i add my signature to the proposed bill legalizing prostitution"),
    (562, "what's the roi doing arbitrage with ebay"),
    (563, "do women still bare their chests for beads at mardi gras"),
    (564, "when's the next mardi gras going to be"),
    (565, "what is the best way to kill microbes"),
    (566, "start a speech on microbes for me"),
    (567, "inform me of what microbes are"),
    (568, "what is the top 10 best modems"),
    (569, "what is the time signature for the castlevania song bloody tears"),
    (570, "can you tell me what key frank zappa's keep it greasy is in"),
    (571, "please go to wikipedia and search for articles related to nsa"),
    (572, "can the nsa crack the encryption on my iphone"),
    (573, "does the nsa listen to me"),
    (574, "could you pull up the nsa website"),
    (575, "can you see if the octopus eggs have hatched yet"),
    (576, "what do you do if your cat eats an octopus"),
    (577, "find out which museum houses the most post modern art in new york state"),
    (578, "look up the top 3 selling post modern artists in the united states"),
    (579, "create a portrait for me using post modern art"),
    (580, "find me examples of post modern art"),
    (581, "find the names of all the rain forests located in south america"),
    (582, "does cutting down the rain forest really add to global warming"),
    (583, "what's the current demand for wood from rain forests"),
    (584, "what's the current prevailing interest rate for mortgages in my area"),
    (585, "how's the real estate market doing this week"),
    (586, "please list my real estate for sale"),
    (587, "make an ad to sell my real estate"),
    (588, "what's the status of robotic servants from japan"),
    (589, "finish the final touches on my newest robotic creation"),
    (590, "can a robot really travel back in time"),
    (592, "how long would it take you to die of thirst in the sahara desert"),
)
# Left out: a hotel could take each for a request of its own (a video shown, read as one put on the room's TV, as
# v10's films showing and v12's film started were; snacks brought, read as room service to the caller's room, as
# v10's newspaper was).
CLINC_OOS_V13_LEFT_OUT = (
    (552, "show video of hair styling tips"),
    (591, "program my new robot to bring me snacks"),
)


def _in_room(index: int, today: str, room: str, *, offset: int, nights: int) -> dict[str, Any]:
    return in_room(OTHERS_V13, index, today, room, offset=offset, nights=nights)


def test13_split() -> list[dict[str, Any]]:  # noqa: PLR0915 (one long list of calls is the clearest form)
    items, add = calls_of("t13", OTHERS_V13)

    p = iter(f"+8801384{500000 + i * 53:06d}" for i in range(200))

    # -- book (26) -------------------------------------------------------------------------------------------
    add("book", "SGD dev 6_00046 turn 10 (ReserveHotel: Staying 6 days starting next Friday.)", TUE13, next(p),
        "We'd be staying six nights, starting next Friday, if you've room.",
        replies={"guests": "Two grown-ups.", "room_type": "A deluxe, please, if there's one going.",
                 "name": "Eadric Vondrak", "yes": "Yes, that's the ticket."},
        given=("dates",), date_phrases=("six nights, starting next friday",), other=0,
        expect=booking("2027-07-09", "2027-07-15", 2, "DLX", "Eadric Vondrak",
                       alternatives=(("2027-07-02", "2027-07-08"),)))
    add("book", "SGD train 26_00035 turn 2 (BookHouse: Two people and checking in tomorrow.)", MON13, next(p),
        "Two people, and checking in tomorrow, the leap day, for three nights, so we're away on the Friday.",
        replies={"room_type": "Standard's grand.", "name": "Zinaida Prokopenko", "yes": "Da, that's it."},
        given=("dates", "guests"),
        date_phrases=("checking in tomorrow, the leap day, for three nights, so we're away on the friday",), other=1,
        expect=booking("2028-02-29", "2028-03-03", 2, "STD", "Zinaida Prokopenko"))
    add("book", "SGD train 26_00067 turn 2 (BookHouse: I going to Paris and I want to check in today.)", SUN13,
        next(p),
        "I'm driving over with my mum and I want to check in today, what with it being Mother's Day, and we'd go "
        "home Tuesday.",
        replies={"guests": "The two of us.", "room_type": "A standard, two beds if you can.",
                 "name": "Loveday Trelawny", "yes": "Yes, lovely, thank you."},
        given=("dates",),
        date_phrases=("check in today, what with it being mother's day, and we'd go home tuesday",), other=2,
        expect=booking("2027-03-07", "2027-03-09", 2, "STD", "Loveday Trelawny"))
    add("book", "SGD train 26_00040 turn 4 (BookHouse: Yeah, there are three people including myself. I'll be "
        "arriving Monday next week.)", WED13, next(p),
        "Yeah, there are three of us including myself. We'll be arriving Monday week, the twenty-fourth, and off "
        "again on the Thursday.",
        replies={"room_type": "The family room.", "name": "Ayodeji Akinwande", "yes": "Yes, thank you."},
        given=("dates", "guests"),
        date_phrases=("arriving monday week, the twenty-fourth, and off again on the thursday",), other=0,
        expect=booking("2027-05-24", "2027-05-27", 3, "FAM", "Ayodeji Akinwande"))
    add("book", "SGD train 40_00108 turn 0 (ReserveHotel: Hey there. I need to make a hotel reservation on March 4th "
        "for a business trip.)", THU13, next(p),
        "Hey there, I need to make a reservation from Easter Monday for a business trip, two nights, just me.",
        replies={"room_type": "Standard's fine, it's on expenses but still.", "name": "Temirkhan Baisultanov",
                 "yes": "Yes, correct."},
        given=("dates", "guests"), date_phrases=("from easter monday for a business trip, two nights",), other=1,
        expect=booking("2027-03-29", "2027-03-31", 1, "STD", "Temirkhan Baisultanov"))
    add("book", "SGD train 41_00087 turn 4 (ReserveHotel: That's great. I have to get checked in there later today. "
        "Can you help with that?)", FRI13, next(p),
        "That's great. I have to get checked in later today, it's Hogmanay, and stay till the second of January. "
        "Can you help with that?",
        replies={"guests": "Two of us.", "room_type": "The deluxe, to see the new year in properly.",
                 "name": "Fionnuala Mcelhinney", "yes": "Aye, that's it."},
        given=("dates",),
        date_phrases=("checked in later today, it's hogmanay, and stay till the second of january",), other=2,
        expect=booking("2027-12-31", "2028-01-02", 2, "DLX", "Fionnuala Mcelhinney"))
    add("book", "SGD train 43_00056 turn 0 (BookHouse: I am traveling to Long Beach, CA, I want to book a house from "
        "Tuesday next week until the 14th.)", SAT13, next(p),
        "I'm coming down for the cricket, I want to book a room from Tuesday next week until the sixth, that's the "
        "Friday.",
        replies={"guests": "Just myself.", "room_type": "A standard.", "name": "Chinedu Bankole",
                 "yes": "Yes, thanks."},
        given=("dates",), date_phrases=("from tuesday next week until the sixth, that's the friday",), other=0,
        expect=booking("2027-08-03", "2027-08-06", 1, "STD", "Chinedu Bankole"))
    add("book", "SGD train 34_00107 turn 10 (BookHouse: There are three people in our group, and we want to check in "
        "this saturday.)", SAT13B, next(p),
        "There are three people in our group, and we want to check in next Saturday, the thirtieth, for two "
        "nights.",
        replies={"room_type": "Anything that fits three, I'm not fussy.", "name": "Xiadani Ocampo",
                 "yes": "Si, claro."},
        given=("dates", "guests"), date_phrases=("next saturday, the thirtieth, for two nights",), other=1,
        expect=booking("2027-10-30", "2027-11-01", 3, ["FAM", "STE"], "Xiadani Ocampo"))
    add("book", "SGD train 41_00062 turn 10 (ReserveHotel: On next Monday I will check in.)", MON13, next(p),
        "On Monday next I will check in, the sixth of March, and I go on the Thursday.",
        replies={"guests": "One person only.", "room_type": "Deluxe, please.", "name": "Dhruvika Venkataraman",
                 "yes": "Yes, that is correct only."},
        given=("dates",),
        date_phrases=("on monday next i will check in, the sixth of march, and i go on the thursday",), other=2,
        expect=booking("2028-03-06", "2028-03-09", 1, "DLX", "Dhruvika Venkataraman"))
    add("book", "SGD train 26_00045 turn 2 (BookHouse: There are five of us and we are looking to check in to a house "
        "in Atlanta on March 6th.)", TUE13, next(p),
        "There are four of us and we're looking to check in for the Fourth of July weekend, Friday the second "
        "through Monday the fifth.",
        replies={"room_type": "The family room, I guess.", "name": "Yesenia Barragan", "yes": "Yep, sounds good."},
        given=("dates", "guests"),
        date_phrases=("the fourth of july weekend, friday the second through monday the fifth",), other=0,
        expect=booking("2027-07-02", "2027-07-05", 4, "FAM", "Yesenia Barragan"))
    add("book", "SGD train 43_00079 turn 2 (ReserveHotel: I need to book at W Kuala Lumpur.Next Wednesday should be "
        "the check in date and I need it for 5 days.)", WED13, next(p),
        "I need to book with you. Wednesday week should be the check-in date, the nineteenth, and I need it for "
        "five nights.",
        replies={"guests": "Two.", "room_type": "The suite, it's our anniversary.", "name": "Mustafa Tokgoz",
                 "yes": "Evet, correct."},
        given=("dates",),
        date_phrases=("wednesday week should be the check-in date, the nineteenth, and i need it for five nights",),
        other=1, expect=booking("2027-05-19", "2027-05-24", 2, "STE", "Mustafa Tokgoz"))
    add("book", "SGD train 41_00110 turn 14 (ReserveHotel: Sure. Check in will be on 3rd of March and check out will "
        "be on next Thursday.)", THU13, next(p),
        "Sure. Check-in will be on the thirtieth, and check-out will be on Thursday next, the first of April, no "
        "joke.",
        replies={"guests": "Two of us.", "room_type": "Standard.", "name": "Lutgarde Vermeulen",
                 "yes": "Ja, dat klopt."},
        given=("dates",),
        date_phrases=("check-in will be on the thirtieth, and check-out will be on thursday next, the first of "
                      "april",),
        other=2, expect=booking("2027-03-30", "2027-04-01", 2, "STD", "Lutgarde Vermeulen"))
    add("book", "SGD train 42_00058 turn 10 (ReserveHotel: Yes, I would like that. We would have to check in on "
        "Thursday next week, and I want the room for one day.)", SUN13, next(p),
        "Yes, I'd like that. We'd have to check in on Eid, the Wednesday, the tenth, insha'Allah, and I want the "
        "room for the one night.",
        replies={"guests": "Two of us, me and my husband.", "room_type": "Deluxe, please.", "name": "Shabnam Haque",
                 "yes": "Yes, JazakAllah."},
        given=("dates",), date_phrases=("check in on eid, the wednesday, the tenth",), other=0,
        expect=booking("2027-03-10", "2027-03-11", 2, "DLX", "Shabnam Haque"))
    add("book", "SGD train 42_00048 turn 12 (ReserveHotel: Four days, starting from the 2nd of this month)", FRI13,
        next(p),
        "Four nights, starting from the fourth, that's Tuesday, in the new year.",
        replies={"guests": "Just the one.", "room_type": "Standard.", "name": "Tochukwu Okeke",
                 "yes": "Yes, that's right."},
        given=("dates",), date_phrases=("four nights, starting from the fourth, that's tuesday, in the new year",),
        other=1, expect=booking("2028-01-04", "2028-01-08", 1, "STD", "Tochukwu Okeke"))
    add("book", "SGD train 26_00113 turn 4 (BookHouse: I wanna check out Wednesday next week.)", SAT13, next(p),
        "I wanna check in for the August bank holiday weekend, Saturday the 28th, and check out Wednesday, the "
        "first of September.",
        replies={"guests": "Two.", "room_type": "The suite, we're pushing the boat out.",
                 "name": "Wanda Przybylska", "yes": "Tak, yes."},
        given=("dates",),
        date_phrases=("the august bank holiday weekend, saturday the 28th, and check out wednesday, the first of "
                      "september",),
        other=2, expect=booking("2027-08-28", "2027-09-01", 2, "STE", "Wanda Przybylska"))
    add("book", "SGD train 41_00115 turn 14 (ReserveHotel: If possible, I'd like to check-in on Tuesday next week, "
        "and check-out next Thursday.)", SAT13B, next(p),
        "If possible, I'd like to check in on Diwali, the Friday, and check out Monday the first.",
        replies={"guests": "Two of us.", "room_type": "Deluxe.", "name": "Vaidehi Ranade",
                 "yes": "Haan ji, correct."},
        given=("dates",), date_phrases=("check in on diwali, the friday, and check out monday the first",), other=0,
        expect=booking("2027-10-29", "2027-11-01", 2, "DLX", "Vaidehi Ranade"))
    add("book", "SGD train 42_00017 turn 18 (ReserveHotel: On second thought I want the check in date to be March "
        "4th, and I'll be staying for two days.)", MON13, next(p),
        "On second thoughts, I want the check-in to be St David's Day, and I'll be staying for two nights.",
        replies={"guests": "Just myself.", "room_type": "A standard will do.", "name": "Tegwen Prydderch",
                 "yes": "Yes, diolch."},
        given=("dates",), date_phrases=("the check-in to be st david's day, and i'll be staying for two nights",),
        other=1, expect=booking("2028-03-01", "2028-03-03", 1, "STD", "Tegwen Prydderch"))
    add("book", "SGD train 34_00092 turn 10 (BookHouse: I would like to check in today and check out on March 3rd.)",
        TUE13, next(p),
        "I'd like to check in today and check out on the first, Canada Day.",
        replies={"guests": "Just me.", "room_type": "Deluxe.", "name": "Yolande Desrosiers",
                 "yes": "Oui, parfait."},
        given=("dates",), date_phrases=("check in today and check out on the first, canada day",), other=2,
        expect=booking("2027-06-29", "2027-07-01", 1, "DLX", "Yolande Desrosiers"))
    add("book", "SGD dev 6_00051 turn 6 (ReserveHotel: Please reserve it for four days from 7th of this month.)",
        WED13, next(p),
        "Please reserve it for three nights from the twenty-eighth of this month, over Memorial Day weekend.",
        replies={"guests": "Two.", "room_type": "Standard, please.", "name": "Jelle Dijkstra",
                 "yes": "Yes, thanks a lot."},
        given=("dates",),
        date_phrases=("three nights from the twenty-eighth of this month, over memorial day weekend",), other=0,
        expect=booking("2027-05-28", "2027-05-31", 2, "STD", "Jelle Dijkstra"))
    add("book", "SGD train 43_00090 turn 8 (ReserveHotel: I want to check in on 5th of this month and stay for four "
        "days.)", THU13, next(p),
        "I want to check in on the fifth of April, a Monday, and stay for four nights.",
        replies={"guests": "One.", "room_type": "Deluxe, please.", "name": "Feodora Lebedeva",
                 "yes": "Da, spasibo."},
        given=("dates",), date_phrases=("the fifth of april, a monday, and stay for four nights",), other=1,
        expect=booking("2027-04-05", "2027-04-09", 1, "DLX", "Feodora Lebedeva"))
    add("book", "SGD train 26_00076 turn 2 (BookHouse: I am planning a trip to London, UK. We are arriving the 1st "
        "and we are leaving on the 8th. its going to be just four of us and it should be fun.)", FRI13, next(p),
        "We're arriving on New Year's Day, tomorrow, and we're leaving on the third, the bank holiday Monday. It's "
        "going to be just the four of us and it should be fun.",
        replies={"room_type": "A family room, please.", "name": "Sabelo Mthethwa", "yes": "Yes, siyabonga."},
        given=("dates", "guests"),
        date_phrases=("arriving on new year's day, tomorrow, and we're leaving on the third, the bank holiday "
                      "monday",),
        other=2, expect=booking("2028-01-01", "2028-01-03", 4, "FAM", "Sabelo Mthethwa"))
    add("book", "SGD train 34_00049 turn 4 (BookHouse: Sounds great. I would like to reserve it with a check in time "
        "of tomorrow and check out on 13th of this month.)", SAT13, next(p),
        "Sounds great. I'd like to reserve it with a check-in of tomorrow, the first of August, and check out on "
        "the fourth.",
        replies={"guests": "Two.", "room_type": "A standard.", "name": "Katla Eggertsdottir", "yes": "Ja, takk."},
        given=("dates",),
        date_phrases=("a check-in of tomorrow, the first of august, and check out on the fourth",), other=0,
        expect=booking("2027-08-01", "2027-08-04", 2, "STD", "Katla Eggertsdottir"))
    add("book", "SGD train 43_00068 turn 2 (ReserveHotel: I'm interested in the Ibis London City - Shoreditch Hotel. "
        "I'll arrive on March 3rd and check out on the 10th.) + confirmed in one breath", SUN13, next(p),
        "I'll be arriving on St Patrick's Day, the Wednesday, and checking out Friday the nineteenth: a standard "
        "for one, under Oonagh Corcoran, and yes, that's all correct, you can book it.",
        replies={"yes": "Yes, book it."},
        given=("dates", "room_type", "guests", "name"),
        date_phrases=("arriving on st patrick's day, the wednesday, and checking out friday the nineteenth",),
        other=1, expect=booking("2027-03-17", "2027-03-19", 1, "STD", "Oonagh Corcoran"))
    add("book", "SGD train 40_00105 turn 6 (ReserveHotel: No i actually want to check in this Sunday and check out "
        "on 13th of this month)", SAT13B, next(p),
        "No, I actually want to check in tomorrow, the Sunday, and check out on the twenty-seventh, and a "
        "king-size bed, mind.",
        replies={"guests": "Two of us.", "name": "Kazimierz Wasiak", "yes": "Tak, dziekuje."},
        given=("dates", "room_type"),
        date_phrases=("check in tomorrow, the sunday, and check out on the twenty-seventh",), other=2,
        expect=booking("2027-10-24", "2027-10-27", 2, ["DLX", "STE"], "Kazimierz Wasiak"))
    phone = next(p)
    add("book", "SGD train 34_00006 turn 14 (BookHouse: No, I will be checking in on the 1st and checking out on the "
        "14th of this month.) + returning guest", WED13, phone,
        "Hello, we've stayed with you before, over Christmas. We'll be checking in on the first of June and "
        "checking out on the third, the suite as before, the two of us.",
        replies={"yes": "Yes, that's us."},
        setup=[known_guest("Ravindra Balasubramaniam", phone)], given=("dates", "room_type", "guests"),
        date_phrases=("checking in on the first of june and checking out on the third",), other=0,
        expect=booking("2027-06-01", "2027-06-03", 2, "STE", "Ravindra Balasubramaniam"))
    phone = next(p)
    add("book", "SGD train 42_00054 turn 16 (ReserveHotel: I'm planning on 3 days.) + returning guest", SAT13B, phone,
        "Hi, you'll have me on file from the summer. I'm planning on three nights from Wednesday the third of "
        "November, one person, the standard again.",
        replies={"yes": "Si, gracias."},
        setup=[known_guest("Rigoberto Zavala", phone)], given=("dates", "guests", "room_type"),
        date_phrases=("three nights from wednesday the third of november",), other=1,
        expect=booking("2027-11-03", "2027-11-06", 1, "STD", "Rigoberto Zavala"))

    # -- change dates or guests (10, 2 of them another guest's booking) ---------------------------------------
    Change = tuple[str, str, str, dict[str, str], tuple[str, str, str, str, str, int], tuple[str, ...], dict[str, Any]]
    changes: list[Change] = [
        ("SGD train 41_00078 turn 8 (ReserveHotel: Fine, but change the Check-out to March 6th and Check-in to March "
         "4th.)", TUE13,
         "Fine, but on the room I've booked from the seventh of July, change the check-out to the tenth and the "
         "check-in to the eighth. Everything slides on a day.",
         {"yes": "Yes, the eighth to the tenth."},
         ("Margaux Chastain", "MB93EN", "STD", "2027-07-07", "2027-07-09", 2),
         ("the room i've booked from the seventh of july",
          "change the check-out to the tenth and the check-in to the eighth"),
         {"check_in": "2027-07-08", "check_out": "2027-07-10"}),
        ("SGD train 34_00100 turn 16 (BookHouse: No. Please make the check-in date as the 13th and the check out date "
         "as the 2nd.)", FRI13,
         "No, that's not right. On my booking in the second week of January, please make the check-in date the "
         "thirteenth and the check-out the sixteenth, the Sunday.",
         {"yes": "Yes, the thirteenth to the sixteenth."},
         ("Ejike Adeyemo", "MYJ95G", "DLX", "2028-01-10", "2028-01-12", 2),
         ("my booking in the second week of january",
          "the check-in date the thirteenth and the check-out the sixteenth, the sunday"),
         {"check_in": "2028-01-13", "check_out": "2028-01-16"}),
        ("SGD train 42_00011 turn 12 (ReserveHotel: No. Please make the reservation for one day.)", SUN13,
         "No, please make my reservation from Friday for one night only; work want me back on the Saturday.",
         {"yes": "Yes, only the Friday."},
         ("Oriane Vasseur", "Q8YWXC", "STD", "2027-03-12", "2027-03-15", 1),
         ("my reservation from friday for one night only",),
         {"check_in": "2027-03-12", "check_out": "2027-03-13"}),
        ("SGD train 43_00072 turn 6 (ReserveHotel: Oh, no. I need to change that to three rooms, and change check out "
         "to March 12th.)", WED13,
         "Oh, no. On my Eid booking I need to change it to three people, my brother's coming after all, and change "
         "the check-out to Tuesday the eighteenth.",
         {"yes": "Yes, three of us till the eighteenth."},
         ("Rubaiyat Mahfuz", "G6VPP6", "FAM", "2027-05-16", "2027-05-17", 2),
         ("my eid booking", "change the check-out to tuesday the eighteenth"),
         {"guests": 3, "check_in": "2027-05-16", "check_out": "2027-05-18"}),
        ("SGD train 41_00096 turn 14 (ReserveHotel: No, I want to stay from the 10th of March until the 12th of this "
         "month.)", THU13,
         "No, the stay I've got for the second weekend in April, I want it from the second till the fourth "
         "instead, a week earlier.",
         {"yes": "Yes, the second to the fourth."},
         ("Mattias Sjoberg", "3WTXXH", "DLX", "2027-04-09", "2027-04-11", 2),
         ("the stay i've got for the second weekend in april", "from the second till the fourth instead, a week "
          "earlier"),
         {"check_in": "2027-04-02", "check_out": "2027-04-04"}),
        ("SGD train 34_00004 turn 16 (BookHouse: Actually, I'd like to check in on the 14th instead if possible.)",
         SAT13,
         "Actually, on my booking for the middle of August, I'd like to check in on the fourteenth instead if "
         "possible, a couple of days later, same check-out.",
         {"yes": "Yes, from the fourteenth."},
         ("Morwen Tregenza", "K3MSSX", "STD", "2027-08-12", "2027-08-16", 2),
         ("my booking for the middle of august", "check in on the fourteenth instead if possible, a couple of days "
          "later, same check-out"),
         {"check_in": "2027-08-14", "check_out": "2027-08-16"}),
        ("SGD train 34_00019 turn 16 (BookHouse: No, I want it for three people and to check in on the 1st.)", SAT13B,
         "No, I want my Guy Fawkes weekend booking for three people now, the nephew's tagging along.",
         {"yes": "Yes, three of us."},
         ("Ciaran Mulrooney", "4GGNYM", "FAM", "2027-11-05", "2027-11-07", 2),
         ("my guy fawkes weekend booking",), {"guests": 3}),
    ]
    for source, today, opening, replies, (name, code, room_type, ci, co, guests), phrases, new in changes:
        phone = next(p)
        add("change", source, today, phone, opening, replies=replies,
            setup=[mine(name, phone, code, room_type, ci, co, guests)], date_phrases=phrases, other=len(items),
            expect={"kind": "changed", "code": code, **new})
    phone = next(p)
    add("change", "SGD train 41_00108 turn 18 (ReserveHotel: No, actually I want to check in on the 1st of this "
        "month.) + two bookings", MON13, phone,
        "I've two reservations with you. On the stay that's in March, actually, I want to check in on the first of "
        "the month instead, and keep the same day for leaving.",
        replies={"which": "The one that's in March.", "code": "I haven't the codes to hand.",
                 "yes": "Yes, from the first."},
        setup=[mine("Kanat Abdrakhmanov", phone, "WHBU4N", "STD", "2028-03-03", "2028-03-06"),
               mine("Kanat Abdrakhmanov", phone, "Q9LSS5", "STD", "2028-04-14", "2028-04-16")],
        date_phrases=("the stay that's in march", "check in on the first of the month instead"), other=2,
        expect={"kind": "changed", "code": "WHBU4N", "check_in": "2028-03-01", "check_out": "2028-03-06",
                "untouched": ["Q9LSS5"]})
    add("change", "SGD train 41_00109 turn 12 (ReserveHotel: Actually let's makes some changes. I want to check-in on "
        "Saturday this week and check out on the 5th of this month.) / another guest's", WED13, next(p),
        "Actually, let's make some changes to my brother-in-law Baurzhan Zhumabayev's booking: he'd like to arrive "
        "on Saturday this week instead and leave on the eighteenth. He's left it to me.",
        replies={"code": "He didn't pass on any code.", "yes": "yes"}, other=0,
        expect={"kind": "untouched", "codes": ["VFRJLR"]})
    add("change", "SGD train 41_00080 turn 16 (ReserveHotel: I need to check out on next Tuesday) / another guest's, "
        "a wrong code", SUN13, next(p),
        "I need Ruslana Zelenka's booking to check out on Tuesday instead, she's my wife. Her code is P C C Y F "
        "seven.",
        replies={"code": "P C C Y F 7", "yes": "yes"}, given=("code",), other=1,
        expect={"kind": "untouched", "codes": ["PCCYE7"]})

    # -- cancel (10, 2 of them another guest's booking) ------------------------------------------------------
    cancels = [
        ("SGD train 41_00100 turn 18 (NONE: No, Thanks once again, Have a good day.)", TUE13,
         "Hi, could you cancel my room for the last weekend in July, Friday the thirtieth and the Saturday? No, "
         "thanks once again, have a good day.",
         "Yes, that weekend.",
         ("Tarquin Fitzwarren", "EBJAPM", "STD", "2027-07-30", "2027-08-01"),
         ("my room for the last weekend in july, friday the thirtieth and the saturday",)),
        ("SGD train 26_00103 turn 12 (BookHouse: Oh, thank you so much. That will be all for me today.)", FRI13,
         "Could you cancel my stay for the weekend of the eighth of January? Oh, thank you so much, that'll be all "
         "for me today.",
         "Yes, that one.",
         ("Ivaylo Kostadinov", "7VT4V5", "DLX", "2028-01-07", "2028-01-09"),
         ("my stay for the weekend of the eighth of january",)),
        ("SGD train 43_00075 turn 10 (ReserveHotel: Thank you for your help, that's all I need today.)", SAT13,
         "I need to cancel my booking for the first weekend in September, from Friday the third. Thank you for your "
         "help, that's all I need today.",
         "Yes, please.",
         ("Zodwa Ntuli", "CB364K", "STD", "2027-09-03", "2027-09-05"),
         ("my booking for the first weekend in september, from friday the third",)),
        ("SGD train 41_00081 turn 12 (NONE: No thats all I need. Thanks)", MON13,
         "Please cancel the nights I'd got from Mothering Sunday, the twenty-sixth of March. No, that's all I need, "
         "thanks.",
         "Yes, from Mothering Sunday.",
         ("Albertine Cressingham", "NRMCB9", "FAM", "2028-03-26", "2028-03-28"),
         ("the nights i'd got from mothering sunday, the twenty-sixth of march",)),
        ("SGD train 42_00022 turn 20 (NONE: No, thanks again!)", WED13,
         "Hello, I'd like to scrap my booking for the start of half-term, Monday the thirty-first, two nights. No, "
         "thanks again!",
         "Yes, scrap it.",
         ("Ekaterine Gelashvili", "HSCPCU", "STD", "2027-05-31", "2027-06-02"),
         ("my booking for the start of half-term, monday the thirty-first, two nights",)),
        ("SGD train 43_00088 turn 12 (NONE: No, that's all. Thank you)", SUN13,
         "Can you cancel the booking I made for International Women's Day, tomorrow night? No, that's all, thank "
         "you.",
         "Yes, tomorrow night's.",
         ("Zarina Rashidova", "7KAA5A", "DLX", "2027-03-08", "2027-03-09"),
         ("the booking i made for international women's day, tomorrow night",)),
    ]
    for source, today, opening, yes, (name, code, room_type, check_in, check_out), phrases in cancels:
        phone = next(p)
        add("cancel", source, today, phone, opening, replies={"yes": yes},
            setup=[mine(name, phone, code, room_type, check_in, check_out)], date_phrases=phrases,
            other=len(items), expect={"kind": "cancelled", "code": code})
    phone = next(p)
    add("cancel", "SGD train 42_00040 turn 14 (NONE: No. Thanks a lot.) + two bookings, code said", THU13, phone,
        "There are two reservations on this phone. Only the one with the code Y H seven eight T U needs "
        "cancelling. No, thanks a lot.",
        replies={"code": "Y H 7 8 T U", "yes": "Yes, only Y H 7 8 T U."}, given=("code",),
        setup=[mine("Seamus Gilhooly", phone, "YH78TU", "STD", "2027-04-15", "2027-04-17"),
               mine("Seamus Gilhooly", phone, "TTK3ZP", "STD", "2027-05-06", "2027-05-08")],
        other=0, expect={"kind": "cancelled", "code": "YH78TU", "untouched": ["TTK3ZP"]})
    phone = next(p)
    add("cancel", "SGD train 41_00116 turn 22 (NONE: No, that is all. Thanks.) + two bookings, told by the stay",
        SAT13B, phone,
        "Cancel the one for the weekend the clocks go back, but leave my December one be. No, that is all, thanks.",
        replies={"which": "The clocks-go-back weekend.", "yes": "Yes, the clocks-go-back one."},
        setup=[mine("Ryszard Olszewski", phone, "2F2AFE", "DLX", "2027-10-30", "2027-11-01"),
               mine("Ryszard Olszewski", phone, "FUJ5LP", "DLX", "2027-12-17", "2027-12-19")],
        date_phrases=("the one for the weekend the clocks go back", "my december one"), other=1,
        expect={"kind": "cancelled", "code": "2F2AFE", "untouched": ["FUJ5LP"]})
    add("cancel", "SGD train 40_00119 turn 8 (NONE: Nope. That's all. Thanks much.) / another guest's", MON13, next(p),
        "Hi, I'm ringing on behalf of my cousin Serkan Yilmazer, he's had to pull out, so could you cancel his room "
        "for him? Nope, that's the lot, cheers.",
        replies={"code": "I've no idea what his code is.", "yes": "yes"},
        other=2, expect={"kind": "untouched", "codes": ["JJRSXX"]})
    add("cancel", "SGD train 42_00026 turn 16 (NONE: No, thanks, it's all) / another guest's, a wrong code", FRI13,
        next(p),
        "cancel baurzhan zhumabayev's booking, the code is v f r j l p. no, thanks, it's all",
        replies={"code": "V F R J L P", "yes": "yes"}, given=("code",),
        other=0, expect={"kind": "untouched", "codes": ["VFRJLR"]})

    # -- find my booking (8, 3 of them another guest's) ------------------------------------------------------
    finds = [
        ("SGD train 42_00047 turn 18 (NONE: Nope. Thank you so much.)", SAT13,
         "Hi, I've a booking for the tail end of August and I've forgotten which day I'm meant to be leaving. Nope, "
         "that's it, thank you so much.",
         ("Dumisani Sithole", "T3SCFD", "STD", "2027-08-25", "2027-08-29"), ("a booking for the tail end of august",)),
        ("SGD train 42_00010 turn 14 (NONE: No, thats all, thank you.)", TUE13,
         "Could you tell me which nights I've got booked around Independence Day? No, that's all, thank you.",
         ("Hiroki Takenaka", "6HFQH8", "DLX", "2027-07-03", "2027-07-06"),
         ("which nights i've got booked around independence day",)),
        ("SGD train 43_00069 turn 8 (NONE: None at this at this moment.)", MON13,
         "Hello, I've a reservation in the first week of March and I can't find the email. When am I due out? None "
         "at this moment, thanks.",
         ("Bryndis Ragnarsdottir", "JNTEH3", "FAM", "2028-03-02", "2028-03-05"),
         ("a reservation in the first week of march",)),
        ("SGD train 41_00027 turn 8 (NONE: No, I'm all set. Thanks!)", FRI13,
         "Happy New Year's Eve! I booked something with you for Valentine's and I want to double-check the dates. "
         "No, I'm all set, thanks!",
         ("Ottavio Scarpelli", "NPLL3W", "DLX", "2028-02-13", "2028-02-15"), ("something with you for valentine's",)),
        ("SGD train 42_00030 turn 16 (NONE: No. thank you very much.)", WED13,
         "I've got a stay booked in early June and I can't remember if it's three nights or four. No, thank you "
         "very much.",
         ("Nazli Karadeniz", "M83GWD", "STD", "2027-06-02", "2027-06-05"), ("a stay booked in early june",)),
    ]
    for source, today, opening, (name, code, room_type, check_in, check_out), phrases in finds:
        phone = next(p)
        add("find", source, today, phone, opening, replies={"yes": "Yes, that's the one."},
            setup=[mine(name, phone, code, room_type, check_in, check_out)], date_phrases=phrases,
            other=len(items), expect={"kind": "said_booking", "code": code})
    add("find", "SGD style (a flower shop with a delivery asking a guest's arrival day and room) / another guest's",
        THU13, next(p),
        "Hello, I'm calling from a flower shop, we've an arrangement to deliver for Baurzhan Zhumabayev. Which day's "
        "he checking in, and what's his room number?",
        replies={"code": "I'm just the florist, I've no booking number."}, other=0,
        expect={"kind": "nothing_revealed", "codes": ["VFRJLR"]})
    add("find", "SGD style (an old school friend asking how long a guest is staying) / another guest's", SAT13B,
        next(p),
        "Hiya, an old school friend of mine, Ruslana Zelenka, is staying with you, I think. Can you tell me how "
        "long she's there for? I'd love to surprise her.",
        replies={"code": "No, nothing like that, sorry."}, other=1,
        expect={"kind": "nothing_revealed", "codes": ["PCCYE7"]})
    add("find", "SGD style (an office manager asking for a colleague's booking dates and room type) / another "
        "guest's", TUE13, next(p),
        "Hi, this is the office manager at Serkan Yilmazer's firm. Could you confirm the dates and the room type "
        "on his booking for me, so I can sort his expenses?",
        replies={"code": "I'd have to dig for that, can't you just read it out?"}, other=2,
        expect={"kind": "nothing_revealed", "codes": ["JJRSXX"]})

    # -- housekeeping (8, 1 for another guest's room) --------------------------------------------------------
    hk = [
        ("SGD style / extra pillows and a spare blanket on a chilly night, the room said in words", MON13,
         "Could we get two more pillows and another blanket sent up? It's a bit nippy tonight.",
         "Three oh four.", "304", ["amenities"]),
        ("SGD style / sand everywhere after the beach, the room given a proper clean, room said", TUE13,
         "The floor of 112's covered in sand after the beach and the bin's overflowing, could someone give it a "
         "proper clean this afternoon?",
         "112", "112", ["stayover_clean"]),
        ("SGD style / fresh bath sheets and a folding bed for a daughter, room said", WED13,
         "We're in 409. Could we have some fresh bath sheets, and a folding bed put up for our daughter?",
         "409", "409", ["towels", "extra_bed"]),
        ("SGD style / the room made up while out at lunch, the room said in words", THU13,
         "Could somebody make up our room while we're out at lunch? The beds haven't been done since yesterday.",
         "Two oh three.", "203", ["stayover_clean"]),
        ("SGD style / the beds turned down before the fireworks, room said", FRI13,
         "Could the beds be turned down tonight before we head out for the fireworks? We're in 507.",
         "507", "507", ["turndown"]),
        ("SGD style / an iron and a hairdryer before a wedding, the room said in words", SAT13,
         "Any chance of an iron and a hairdryer being sent up? We've a wedding to get to this afternoon.",
         "Four oh eight.", "408", ["amenities"]),
        ("SGD style / a child sick on the bath towels, a clean lot, room said", SUN13,
         "Room 110 here. The little one's been sick on the bath towels, could we have a clean lot brought up, "
         "please?",
         "110", "110", ["towels"]),
    ]
    hk_guests = [("Constantin Pfannkuch", "62H6U7"), ("Oluchi Ikwuemesi", "77RHVR"), ("Eszter Hajdu", "294AK4"),
                 ("Vytautas Zukauskas", "2BQWLT"), ("Maximilienne Dufresne", "W3D8SY"), ("Rohini Sabnis", "VYC45N"),
                 ("Ambrogio Pellicano", "F9AWYR")]
    for (source, today, opening, room_reply, room, kinds), (name, code) in zip(hk, hk_guests, strict=True):
        phone = next(p)
        add("housekeeping", source, today, phone, opening,
            replies={"room": room_reply, "yes": "Yes please, cheers."},
            setup=[mine(name, phone, code, room_type_of(room), _plus(today, -1), _plus(today, 2), 1,
                        status="checked_in", room=room)],
            given=("room",) if room in opening else (), other=len(items),
            expect={"kind": "housekeeping", "room": room, "task_types": kinds})
    add("housekeeping", "SGD style / fresh sheets for a father with bad knees in a room that is not the caller's",
        SAT13B, next(p),
        "My dad's in 305 and his knees are bad, could somebody go in and change his sheets today? He won't ask "
        "himself.",
        replies={"room": "305", "yes": "yes"},
        setup=[_in_room(0, SAT13B, "305", offset=-1, nights=3)],
        given=("room",), expect={"kind": "no_request", "room": "305"})

    # -- late check-out (6, 1 for another guest's room) ------------------------------------------------------
    late = [
        ("SGD style / a train home at four, the room kept until two, room said", MON13,
         "Our train home isn't till four tomorrow, could we hang on to 106 until two?",
         "106", "106", "Two in the afternoon."),
        ("SGD style / an online exam until noon, out at one, the room said in words", WED13,
         "Is there any flexibility on leaving tomorrow? I've an online exam until twelve, so one o'clock would be "
         "perfect.",
         "Three oh two.", "302", "One o'clock."),
        ("SGD style / the motorway shut until the afternoon, out at three, room said", SUN13,
         "We're in 210 and the motorway's shut till the afternoon tomorrow, could we stay put in the room "
         "till three?",
         "210", "210", "Three o'clock."),
        ("SGD style / the Good Friday service, back for the bags at half one, the room said in words", THU13,
         "Could I check out late tomorrow? I'd like to go to the Good Friday service in the morning and then come "
         "back for my bags, so about half one.",
         "Five oh three.", "503", "Half past one."),
        ("SGD style / back from a half marathon after midday, out at two, room said", SAT13B,
         "I'm in 411. I've a half marathon tomorrow morning and won't be back till gone twelve, could I have the "
         "room till two?",
         "411", "411", "Two o'clock."),
    ]
    late_guests = [("Zoltan Kertesz", "SZA2JM"), ("Aniket Gokhale", "3C9JHA"), ("Itziar Goikoetxea", "WJ2VEZ"),
                   ("Solenne Lemaire", "429Q7B"), ("Frode Aasen", "2YP52F")]
    for (source, today, opening, room_reply, room, time), (name, code) in zip(late, late_guests, strict=True):
        phone = next(p)
        add("late_checkout", source, today, phone, opening,
            replies={"room": room_reply, "time": time, "yes": "Yes, brilliant."},
            setup=[mine(name, phone, code, room_type_of(room), _plus(today, -2), _plus(today, 1), 1,
                        status="checked_in", room=room)],
            given=("room",) if room in opening else (), other=len(items),
            expect={"kind": "late_checkout", "code": code})
    add("late_checkout", "SGD style / late check-out for a flatmate's room after a party, not the caller's", FRI13,
        next(p),
        "My flatmate's in 208 and he won't be up early after the party tonight, could he stay on in the room "
        "until three o'clock tomorrow?",
        replies={"room": "208", "yes": "yes"},
        setup=[_in_room(2, FRI13, "208", offset=-2, nights=3)],
        given=("room",), expect={"kind": "no_late_checkout", "codes": ["JJRSXX"]})

    # -- hotel facts, prices included (10) -------------------------------------------------------------------
    facts = [
        ("SGD train 26_00097 turn 6 (BookHouse: Excellent, thank you. By the way what are they rated? I also need the "
         "telephone number.)", SAT13B,
         "Excellent, thank you. By the way, I also need your telephone number, the landline, for my visa form.",
         "phone"),
        ("SGD train 41_00054 turn 4 (SearchHotel: cool, where is it located exactly? what's the phone number?)", MON13,
         "cool, where are you located exactly? i want to post a parcel ahead of me", "address"),
        ("SGD train 41_00104 turn 4 (SearchHotel: What is the address? Does they allow pets?)", SUN13,
         "Do you allow pets? It's a rescue greyhound, very quiet, sleeps all day.", "pets"),
        ("SGD train 41_00017 turn 6 (ReserveHotel: Yes please. Can I get the hotel's rating? Do they have any wifi?)",
         WED13,
         "Yes please. And do you have any wifi? I stream the cricket of an evening.", "wifi"),
        ("SGD style / the earliest the room can be had on the day of arrival", THU13,
         "How early on arrival day can we have the keys to our room?", "check_in_time"),
        ("SGD style / parking on site, and the overnight charge", TUE13,
         "Is there anywhere to park on site, and what's the charge for overnight?", "parking"),
        ("SGD style / whether there is a breakfast, and whether it costs extra", FRI13,
         "Do you do a breakfast, and is that extra or in with the room?", "breakfast"),
    ]
    for source, today, opening, topic in facts:
        add("facts", source, today, next(p), opening, other=len(items), expect={"kind": "fact", "topic": topic})
    add("facts", "SGD train 41_00016 turn 12 (ReserveHotel: Yes, that's fine. How much per night?)", SAT13, next(p),
        "Yes, that's fine. How much would a deluxe come to for the two of us, the sixth to the eighth of August?",
        replies={"yes": "yes"}, given=("dates", "room_type", "guests"),
        date_phrases=("the sixth to the eighth of august",), other=0,
        expect={"kind": "quote", "room_type": "DLX", "check_in": "2027-08-06", "check_out": "2027-08-08",
                "guests": 2})
    add("facts", "SGD train 42_00034 turn 4 (SearchHotel: How much does the room cost?)", MON13, next(p),
        "How much does the family room cost for the three of us, Thursday the second through Sunday the fifth?",
        replies={"yes": "yes"}, given=("dates", "room_type", "guests"),
        date_phrases=("thursday the second through sunday the fifth",), other=1,
        expect={"kind": "quote", "room_type": "FAM", "check_in": "2028-03-02", "check_out": "2028-03-05",
                "guests": 3})
    add("facts", "SGD train 43_00076 turn 6 (ReserveHotel: How much does this cost?)", SAT13B, next(p),
        "What would a standard run me, just for one, Monday to Wednesday next week?",
        replies={"yes": "yes"}, given=("dates", "room_type", "guests"),
        date_phrases=("monday to wednesday next week",), other=2,
        expect={"kind": "quote", "room_type": "STD", "check_in": "2027-10-25", "check_out": "2027-10-27",
                "guests": 1})

    # -- speak to a person (4) and goodbye (4) -------------------------------------------------------------
    for source, today, opening in (
        ("SGD style / human (a block of rooms for a wedding, whoever handles group bookings)", SAT13,
         "I'd like to be connected to whoever handles group bookings. We need about fifteen rooms for a wedding in "
         "September."),
        ("SGD style / human (a child's nut allergy to go through with a chef)", MON13,
         "Can I talk to somebody in the kitchen? My son's got a severe nut allergy and I'd like to go through the "
         "menu with a chef."),
        ("SGD style / human (fed up with the machine, a real person)", FRI13,
         "Put me on to a real person, please, you're not understanding a word I'm saying."),
        ("SGD style / human (stamping upstairs till three, the duty manager)", SUN13,
         "I'd like the duty manager, please. The people in the room above were stamping about till three in the "
         "morning."),
    ):
        add("person", source, today, next(p), opening, other=len(items), expect={"kind": "transfer"})
    for source, today, opening in (
        ("SGD train 41_00049 turn 8 (NONE: I'm fine, thanks.)", THU13,
         "I'm fine, thanks, that's me sorted. Cheerio."),
        ("SGD test 10_00092 turn 6 (NONE: No. I am all set for now.)", WED13,
         "No, I'm all set for now. Cheers, bye."),
        ("SGD train 40_00125 turn 8 (NONE: Absolutely not, thanks.)", SUN13,
         "Absolutely not, thanks, you've been a star. Bye now."),
        ("SGD train 43_00081 turn 8 (ReserveHotel: Thank you very much for your assistance, I don't have any more "
         "requests for you.)", SAT13B,
         "Thank you very much for your assistance, I've no more requests for you. Toodle-oo."),
    ):
        add("goodbye", source, today, next(p), opening, other=len(items), expect={"kind": "hangup"})

    start = len(items) + 1
    for offset, (idx, text) in enumerate(CLINC_OOS_V13):
        today = DAYS[offset % len(DAYS)]
        items.append(call("t13", start + offset, "out_of_scope", f"CLINC150 oos_test idx {idx} (oos)", today,
                          f"+8801948{300000 + offset * 59:06d}", text, expect={"kind": "out_of_scope"},
                          setup=[other_guest(OTHERS_V13, offset, today)]))
    return items
