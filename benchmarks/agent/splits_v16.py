"""The test split, version 16 (``splits/test16.jsonl``): held out from 2026-12-02 (its provenance).

Written after v15 was scored once and so spent, by v15's rules and in its proportions (126 calls: the same flows,
the same count per flow and the same kinds of call and expected outcome), blind to the agent (nobody who wrote it
read ``agent/`` or ``tools/``, nor how the agent answered v15 or any other split, nor any run's output), from what
v1-v15 and dev did not use:

- wording: SGD user turns of dialogues that no earlier split followed (each call's ``source`` names the turn),
  rewritten for our one hotel in the source's style, with the fillers, self-corrections, holidays, weekdays,
  ordinals, ranges, spelled-out numbers and idioms of real callers, and callers who correct themselves or answer
  two questions at once (Kenyan, Ghanaian, Filipino, New Zealand, Canadian and Sri Lankan forms: "push through",
  "CR", "Sige po", "Ingat", "Niaje", "Sawa sawa", "Pole for the trouble", "I will not manage to come", "Kwaheri
  ya kuonana", "my small sister", "the durbar", "we go see", "Ayekoo", "Yeah nah", "turned to custard", "ditch",
  "mahi", "Ka kite anō", "the May two-four", "parkade", "Beauty", "Ane", "what to do", "no?", "put the booking",
  "hand over the room", "plain tea"). SGD turns named "SGD <split> <dialogue> turn <n>" are
  from single-service Hotels_1-4 dialogues of google-research-datasets/dstc8-schema-guided-dialogue
  (``<split>/dialogues_NNN.json``, commit e852981, brought here with the ``fetch`` tool, as for v7-v15), none of
  them in ``../shared/data/dialogues`` nor followed by v1-v15 or dev, and no dialogue followed twice. No MultiWOZ
  turn is followed (as in v9-v15, none is left). Housekeeping, late check-out and speak-to-a-person calls (and a
  check-out-time, a parking and a breakfast question and three look-ups of another guest's booking) have no source
  turn and are written "SGD style", in phrasings no split had;
- out of scope: CLINC150's next 40 ``oos_test`` utterances after v15's, idx 676-723 of clinc/oos-eval
  ``data/data_full.json`` (commit 828f809), verbatim, leaving out eight a hotel could take for a request of its own
  (``CLINC_OOS_V16_LEFT_OUT``);
- new names, phone numbers (+880 1406…, 1415…, 1458…), codes and eight new days (``DAYS``), all in 2030, later in
  the calendar than any earlier split's: the day after Sri Lanka's Independence Day with Waitangi Day tomorrow in a
  28-day February (and Ghana's Independence Day ahead), the Sunday the clocks spring forward in Canada (Commonwealth
  Day tomorrow), the Saturday of the May two-four weekend (Victoria Day on the Monday, a 31-day May, Madaraka Day on
  the first of June), the Philippines' Independence Day (Matariki on a Friday, the end of a 30-day June, Canada Day
  and Ghana's Republic Day on a Monday), National Heroes Day on the last Monday of August (the month ending on a
  weekend, Labour Day a week on), the National Day for Truth and Reconciliation at the end of a 30-day September
  (Thanksgiving a fortnight on), the Friday of Canada's Thanksgiving weekend (Mashujaa Day on a Sunday, New
  Zealand's Labour weekend at the end of October), and Jamhuri Day (Simbang Gabi, Christmas and the turn of the
  year into 2031 ahead).

``make_splits.py`` renders and checks it with v1-v15 and dev (``python -m benchmarks.agent.make_splits --check``).
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

V16 = 16
HEADER_V16 = ("FROZEN test split v{v}: held out from 2026-12-02; never tune on it, never run the agent on it or look "
              "at how the agent answers it before its one scored run (use dev.jsonl, or test.jsonl and test2.jsonl "
              "to test15.jsonl: spent). Written by benchmarks/agent/splits_v16.py via make_splits.py.")

# The hotel's day of each call (10:00 hotel time): every day of the week, none of v1's-v15's or dev's.
MON16 = "2030-08-26"  # National Heroes Day in the Philippines (the last Monday of August): August ends on Saturday
#                       the 31st, so "the first" is Sunday the 1st of September; Labour Day is Monday the 2nd
TUE16 = "2030-02-05"  # the day after Sri Lanka's Independence Day (Monday the 4th); Waitangi Day is tomorrow;
#                       February has 28 days, so "the first of March" is a Friday; Ghana's Independence Day is
#                       Wednesday the 6th of March
WED16 = "2030-06-12"  # the Philippines' Independence Day: Matariki is Friday the 21st, June ends on Sunday the 30th,
#                       and "the first" is Monday the 1st of July, Canada Day and Ghana's Republic Day
THU16 = "2030-12-12"  # Jamhuri Day: Simbang Gabi begins Monday the 16th, Christmas is Wednesday the 25th, and "Monday
#                       next week" is the 16th; Ghana's Farmers' Day was Friday the 6th
FRI16 = "2030-10-11"  # the Friday of Canada's Thanksgiving weekend (Thanksgiving Monday is the 14th): Mashujaa Day is
#                       Sunday the 20th, so Kenya is off on Monday the 21st; New Zealand's Labour Day is Monday the 28th
SAT16 = "2030-05-18"  # the Saturday of the May two-four weekend (Victoria Day is Monday the 20th): May has 31 days,
#                       the 31st a Friday; Madaraka Day is Saturday the 1st of June
SUN16 = "2030-03-10"  # the clocks spring forward in Canada today; Commonwealth Day is tomorrow; Ghana's Independence
#                       Day was Wednesday the 6th; Easter is late (Sunday the 21st of April)
MON16B = "2030-09-30"  # the National Day for Truth and Reconciliation, the last day of a 30-day September: "this
#                        week" runs to Sunday the 6th of October, "next Wednesday" reads two ways (the 2nd or the 9th);
#                        Thanksgiving is Monday the 14th
DAYS = (MON16, TUE16, WED16, THU16, FRI16, SAT16, SUN16, MON16B)

OTHERS_V16 = [
    {"name": "Kiprono Rotich", "phone": "+8801415307284", "room_type": "DLX", "code": "Z3D66F"},
    {"name": "Edgardo Lacson", "phone": "+8801415331956", "room_type": "STD", "code": "K39E9P"},
    {"name": "Ngaire Poutama", "phone": "+8801415368413", "room_type": "FAM", "code": "UPUTVK"},
]

# CLINC150 oos_test (clinc/oos-eval data/data_full.json, commit 828f809), idx 676-723, verbatim.
CLINC_OOS_V16 = (
    (676, "find the best prices for toothpaste at any store within a 5 mile radius of my location"),
    (677, "tell me what the best shampoo is for someone with dry scalp"),
    (678, "what's the best price on a gray xl ll bean men's parka"),
    (679, "tell me who has the cheapest watch bands on ebay"),
    (680, "how do i set the time on my tag heuer"),
    (681, "tell me the steps as to how to begin a career as a journalist"),
    (682, "give me prices on a copy of the mla grammar handbook"),
    (683, "put words on the paper about what you want"),
    (684, "put into words what you want"),
    (685, "what kind of foods are border collies allergic to"),
    (686, "find out how i can best clip my dog's nails"),
    (687, "what is the lifespan of a border collie"),
    (688, "look up daily dog kennels in my area"),
    (689, "give me a list of grocery stores that sell japanese sweet potatoes"),
    (690, "tell me the price of bananas at whole foods this week"),
    (691, "call the grocery store and get their operational hours"),
    (693, "show me how many community centers are located within 5 miles of my location"),
    (694, "which houses do not have automatic spot lights in front of their garage"),
    (695, "are all the street lamps working on my street"),
    (696, "make a list of all community gardens near me"),
    (697, "tell me where to send my resume in order to get a job at delta airlines"),
    (698, "review my resume for spelling errors"),
    (700, "please spell check my resume"),
    (701, "where can i get 100% merino wool t-shirts on the internet"),
    (702, "show me all listings on amazon for leather belts for men"),
    (703, "tell me how many blue ties i own"),
    (704, "who is the start of the movie almost famous"),
    (705, "search up someone who plays in a movie"),
    (706, "search up the cast in the walking dead"),
    (709, "take a ride on the ferris wheel"),
    (710, "go on the ferris wheel"),
    (712, "instruct a list of all the brands of cereal manufactured by kelloggs"),
    (713, "compare prices of malt-o-meal to kelloggs"),
    (717, "search all movies created by disney in the 1980's"),
    (718, "does disney world close when it storms"),
    (719, "mickey mouse is a huge part of disney"),
    (720, "what are the hours for disney world"),
    (721, "what time did i get the last text message i received"),
    (722, "please read me the last text message i received"),
    (723, "read my friend's text message"),
)
# Left out: a hotel could take each for a request of its own (a ride called for the caller, read as a taxi the
# front desk books, as v4's shuttle bus and v5's way to the airport were; copies printed, read as the front desk's
# printing for a guest; an amusement park asked about, read as an outing near the hotel to recommend, as v7's
# driving range and hike were; the cost of batteries, read as something the hotel's shop or minibar sells, as v8's
# bottled water was; cereals asked about, read as a question about the breakfast's; the last time the living room
# was vacuumed, read as a question about when the room was last cleaned).
CLINC_OOS_V16_LEFT_OUT = (
    (692, "call an uber to take me to the closest grocery store"),
    (699, "please print out copies of my resume"),
    (707, "tell me about the amusement park"),
    (708, "what's the amusement park like"),
    (711, "what is the cost of four double a batteries"),
    (714, "what kinds of cereal are gluten free"),
    (715, "what kinds of cereal are low sugar"),
    (716, "what is the last time the living room was vacuumed"),
)


def _in_room(index: int, today: str, room: str, *, offset: int, nights: int) -> dict[str, Any]:
    return in_room(OTHERS_V16, index, today, room, offset=offset, nights=nights)


def test16_split() -> list[dict[str, Any]]:  # noqa: PLR0915 (one long list of calls is the clearest form)
    items, add = calls_of("t16", OTHERS_V16)

    p = iter(f"+8801406{500000 + i * 61:06d}" for i in range(200))

    # -- book (26) -------------------------------------------------------------------------------------------
    add("book", "SGD train 34_00001 turn 8 (BookHouse: The reservation will be for one, as it's just me traveling. "
        "I'll be arriving on the 1st.)", MON16, next(p),
        "Good morning po. The room is for one only, as it's just me travelling. I'll be arriving on the first, "
        "the Sunday, and checking out on the third, the Tuesday.",
        replies={"room_type": "Standard lang po.", "name": "Rowena Macaraeg", "yes": "Opo, tama po, thank you."},
        given=("dates", "guests"),
        date_phrases=("arriving on the first, the sunday, and checking out on the third, the tuesday",), other=0,
        expect=booking("2030-09-01", "2030-09-03", 1, "STD", "Rowena Macaraeg"))
    add("book", "SGD train 34_00015 turn 6 (BookHouse: I want to check in this Saturday and I'll be leaving on the "
        "12th of this month. The booking will be for two people.) + turn 8 (Actually, it'll just be 1 person.)",
        TUE16, next(p),
        "I want to check in this Saturday, the ninth, and I'll be leaving on the twelfth of this month. The booking "
        "will be for two people, no? Aiyo, sorry, actually it'll just be one person, my cousin can't come.",
        replies={"room_type": "Deluxe one, please.", "name": "Dilrukshi Wickramasinghe",
                 "yes": "Ah yes, correct, thank you."},
        given=("dates", "guests"),
        date_phrases=("check in this saturday, the ninth, and i'll be leaving on the twelfth of this month",),
        other=1, expect=booking("2030-02-09", "2030-02-12", 1, "DLX", "Dilrukshi Wickramasinghe"))
    add("book", "SGD train 34_00032 turn 10 (BookHouse: I want to arrive on 3rd of March and leave on March 12th.)",
        WED16, next(p),
        "Kia ora. I want to arrive on the twenty-first, for Matariki, and leave on the Sunday, the twenty-third. "
        "Just the two of us.",
        replies={"room_type": "The deluxe, sweet as.", "name": "Paora Ratima", "yes": "Yeah, choice, that's us."},
        given=("dates", "guests"),
        date_phrases=("arrive on the twenty-first, for matariki, and leave on the sunday, the twenty-third",),
        other=2, expect=booking("2030-06-21", "2030-06-23", 2, "DLX", "Paora Ratima"))
    add("book", "SGD train 34_00033 turn 10 (BookHouse: I want to check in on the 2nd of this month and check out on "
        "the 14th of this month. There will be two guests.)", THU16, next(p),
        "Niaje. I want to check in on the twentieth of this month, the Friday, and check out on the twenty-third. "
        "We shall be two guests, me and my wife.",
        replies={"room_type": "Deluxe, if it is there.", "name": "Kimani Gachoka", "yes": "Sawa sawa, book it."},
        given=("dates", "guests"),
        date_phrases=("check in on the twentieth of this month, the friday, and check out on the twenty-third",),
        other=0, expect=booking("2030-12-20", "2030-12-23", 2, "DLX", "Kimani Gachoka"))
    add("book", "SGD train 34_00034 turn 10 (BookHouse: I want to check out on the 13th of March and check in on the "
        "5th of March.)", FRI16, next(p),
        "I want to check out on Thanksgiving Monday, the fourteenth, and check in tonight, eh, the eleventh. "
        "There's three of us driving down.",
        replies={"room_type": "Whatever fits the three of us.", "name": "Jocelyn Arsenault",
                 "yes": "Yup, that's the one, thanks a bunch."},
        given=("dates", "guests"),
        date_phrases=("check out on thanksgiving monday, the fourteenth, and check in tonight, eh, the eleventh",),
        other=1, expect=booking("2030-10-11", "2030-10-14", 3, ["FAM", "STE"], "Jocelyn Arsenault"))
    add("book", "SGD train 34_00036 turn 6 (BookHouse: Sound good to me. Can you book it for me? I'd like to check out "
        "on the 12th of this month.)", SAT16, next(p),
        "Sounds good to me. Can you book it for me? I'd like to check in tonight and check out on the Victoria Day "
        "Monday, the twentieth. It's the May two-four, eh.",
        replies={"guests": "Me and my buddy, so two.", "room_type": "Standard's fine.", "name": "Brody MacIsaac",
                 "yes": "Beauty, go ahead."},
        given=("dates",),
        date_phrases=("check in tonight and check out on the victoria day monday, the twentieth",), other=2,
        expect=booking("2030-05-18", "2030-05-20", 2, "STD", "Brody MacIsaac"))
    add("book", "SGD train 34_00041 turn 8 (BookHouse: Yes, thank you! The check in date is on 1st of this month, the "
        "check out is on the 3rd)", SUN16, next(p),
        "Yes, thank you! Please, the check-in date is on the twenty-second of this month, the Friday, and the "
        "check-out is on the Sunday, the twenty-fourth. We are two.",
        replies={"room_type": "Standard, please.", "name": "Gyasiwaa Ampofo", "yes": "Yoo, that's correct."},
        given=("dates", "guests"),
        date_phrases=("the check-in date is on the twenty-second of this month, the friday, and the check-out is on "
                      "the sunday, the twenty-fourth",),
        other=0, expect=booking("2030-03-22", "2030-03-24", 2, "STD", "Gyasiwaa Ampofo"))
    add("book", "SGD train 34_00042 turn 14 (BookHouse: I'm checking in 5th of March and there's 1 person.)", MON16B,
        next(p),
        "I'm checking in on the fifth of October, that's the Saturday, and there's one person only, no? Checking "
        "out on the seventh.",
        replies={"room_type": "Standard is enough.", "name": "Tharindu Jayasekara", "yes": "Yes, yes, correct."},
        given=("dates", "guests"),
        date_phrases=("checking in on the fifth of october, that's the saturday", "checking out on the seventh"),
        other=1, expect=booking("2030-10-05", "2030-10-07", 1, "STD", "Tharindu Jayasekara"))
    add("book", "SGD train 34_00050 turn 6 (BookHouse: I am ariving on the 12th of MArch and leaving on the 4th of "
        "March.)", TUE16, next(p),
        "I'm arriving on the first of March and leaving on the twenty-sixth of Feb. Nah, hang on, that's "
        "backwards: in on the twenty-sixth of Feb, out on the first of March.",
        replies={"guests": "Two of us, me and my partner.", "room_type": "Deluxe, cheers.", "name": "Manaia Tokona",
                 "yes": "Yeah, good as gold."},
        given=("dates",), date_phrases=("in on the twenty-sixth of feb, out on the first of march",), other=2,
        expect=booking("2030-02-26", "2030-03-01", 2, "DLX", "Manaia Tokona"))
    add("book", "SGD train 34_00066 turn 6 (BookHouse: Yes, please book it on the 3rd) + turn 8 (I am checking out on "
        "March 4th)", WED16, next(p),
        "Yes, please book it on the first, Republic Day, the Monday, and I am checking out on the third.",
        replies={"guests": "Please, we are three, with my small sister.", "room_type": "Family room, please.",
                 "name": "Kwadwo Sarpong", "yes": "Yes please, exactly so."},
        given=("dates",),
        date_phrases=("book it on the first, republic day, the monday, and i am checking out on the third",),
        other=0, expect=booking("2030-07-01", "2030-07-03", 3, "FAM", "Kwadwo Sarpong"))
    add("book", "SGD train 34_00067 turn 10 (BookHouse: There will be 5 people, and I want to check in on the 5th of "
        "this month.)", THU16, next(p),
        "There will be four people po, and we want to check in on the sixteenth of this month, first day of Simbang "
        "Gabi, for three nights.",
        replies={"room_type": "Family room po.", "name": "Marites Dimaculangan", "yes": "Sige po, go ahead."},
        given=("dates", "guests"),
        date_phrases=("check in on the sixteenth of this month, first day of simbang gabi, for three nights",),
        other=1, expect=booking("2030-12-16", "2030-12-19", 4, "FAM", "Marites Dimaculangan"))
    add("book", "SGD train 34_00069 turn 16 (BookHouse: I would like to check in on the 1st.) + turn 18 (I'd like to "
        "check out on the 8th.)", FRI16, next(p),
        "I would like to check in on Saturday the nineteenth, and check out on the twenty-first. Mashujaa Day falls "
        "on the Sunday, so the Monday is off for us.",
        replies={"guests": "We are two, myself and my husband.", "room_type": "Standard, it is okay.",
                 "name": "Njeri Mbugua", "yes": "Poa, book it."},
        given=("dates",),
        date_phrases=("check in on saturday the nineteenth, and check out on the twenty-first",), other=2,
        expect=booking("2030-10-19", "2030-10-21", 2, "STD", "Njeri Mbugua"))
    add("book", "SGD train 34_00086 turn 10 (BookHouse: This house sounds like what I am looking for. I want to book "
        "it for March 2nd.)", SAT16, next(p),
        "This sounds like what I am looking for. I want to book it for Madaraka Day, the first of June, one night "
        "only, for my husband and me.",
        replies={"room_type": "Deluxe, please.", "name": "Wanjiru Kariuki", "yes": "Sawa, asante sana."},
        given=("dates", "guests"),
        date_phrases=("book it for madaraka day, the first of june, one night only",), other=0,
        expect=booking("2030-06-01", "2030-06-02", 2, "DLX", "Wanjiru Kariuki"))
    add("book", "SGD train 34_00089 turn 6 (BookHouse: Later today, please.) + turn 8 (3 people. I plan to check out "
        "on 11th of March.)", SUN16, next(p),
        "Later today, please, once we've figured out the clocks. Three people. I plan to check out on the "
        "Wednesday, the thirteenth.",
        replies={"room_type": "Something that sleeps three, eh.", "name": "Chantal Lapointe",
                 "yes": "Yep, that's it, thanks."},
        given=("dates", "guests"),
        date_phrases=("later today, please, once we've figured out the clocks", "check out on the wednesday, the "
                      "thirteenth"),
        other=1, expect=booking("2030-03-10", "2030-03-13", 3, ["FAM", "STE"], "Chantal Lapointe"))
    add("book", "SGD test 11_00019 turn 8 (BookHouse: I would like to check in Wednesday next week.)", MON16B, next(p),
        "Please, I would like to check in next Wednesday, for two nights. It's only me.",
        replies={"room_type": "Standard, please.", "name": "Ekow Bentsi", "yes": "Yes please, thank you."},
        given=("dates", "guests"), date_phrases=("check in next wednesday, for two nights",), other=2,
        expect=booking("2030-10-02", "2030-10-04", 1, "STD", "Ekow Bentsi",
                       alternatives=(("2030-10-09", "2030-10-11"),)))
    add("book", "SGD train 43_00054 turn 0 (BookHouse: I want to book a house and would like to check in on March 7th "
        "for 3 people.)", TUE16, next(p),
        "I want to book a room and would like to check in on the sixth of March, our Independence Day, for three "
        "people, leaving on the Friday.",
        replies={"room_type": "Family room, please.", "name": "Adwoa Kyerematen", "yes": "Oh yes, that's it."},
        given=("dates", "guests"),
        date_phrases=("check in on the sixth of march, our independence day", "leaving on the friday"), other=0,
        expect=booking("2030-03-06", "2030-03-08", 3, "FAM", "Adwoa Kyerematen"))
    add("book", "SGD train 43_00059 turn 2 (BookHouse: My arrival date will be March 3rd. My destination is Sydney. "
        "There will be 3 guests.)", WED16, next(p),
        "My arrival date will be the twenty-eighth, a Friday. There will be three guests, and we'll leave on the "
        "thirtieth, the Sunday, end of the month.",
        replies={"room_type": "Whichever can fit three po.", "name": "Ramil Evangelista", "yes": "Opo, go ahead po."},
        given=("dates", "guests"),
        date_phrases=("my arrival date will be the twenty-eighth, a friday", "leave on the thirtieth, the sunday, "
                      "end of the month"),
        other=1, expect=booking("2030-06-28", "2030-06-30", 3, ["FAM", "STE"], "Ramil Evangelista"))
    add("book", "SGD train 43_00061 turn 12 (BookHouse: I'll be checking in on Monday next week.)", THU16, next(p),
        "I'll be checking in on Monday next week, the sixteenth, and leaving on the Wednesday, please.",
        replies={"guests": "Two of us, me and my colleague.", "room_type": "Deluxe, please.", "name": "Nhyira Obeng",
                 "yes": "That's correct, thank you very much."},
        given=("dates",),
        date_phrases=("checking in on monday next week, the sixteenth, and leaving on the wednesday",), other=2,
        expect=booking("2030-12-16", "2030-12-18", 2, "DLX", "Nhyira Obeng"))
    add("book", "SGD train 43_00062 turn 14 (BookHouse: I'll be checking in on the 8th of this month. Checking out on "
        "the 13th of this month.)", FRI16, next(p),
        "I'll be checking in on the twenty-fifth of this month, the Friday of Labour weekend, and checking out on "
        "the Monday, the twenty-eighth. We're a family of four, two grown-ups and two kids.",
        replies={"room_type": "Family room, ta.", "name": "Rahera Whaanga", "yes": "Yeah, sweet, that's us."},
        given=("dates", "guests"),
        date_phrases=("checking in on the twenty-fifth of this month, the friday of labour weekend, and checking "
                      "out on the monday, the twenty-eighth",),
        other=0, expect=booking("2030-10-25", "2030-10-28", 4, "FAM", "Rahera Whaanga"))
    add("book", "SGD test 11_00007 turn 8 (BookHouse: My check in and check out dates are March 11th and the 13th "
        "respectively.)", SAT16, next(p),
        "My check-in and check-out dates are the thirtieth of this month and the first of June respectively. We are "
        "two.",
        replies={"room_type": "Standard will do.", "name": "Mwende Musyoka", "yes": "Ndio, that is correct."},
        given=("dates", "guests"),
        date_phrases=("the thirtieth of this month and the first of june respectively",), other=1,
        expect=booking("2030-05-30", "2030-06-01", 2, "STD", "Mwende Musyoka"))
    add("book", "SGD test 11_00009 turn 10 (BookHouse: I decided to check in on 10th of march and check out is 12th "
        "of this month and book the house for 1 people.)", SUN16, next(p),
        "I decided to check in on the fourteenth of this month, Thursday, and check out on the sixteenth, and book "
        "it for one person, myself.",
        replies={"room_type": "Deluxe, please.", "name": "Kobina Acquah", "yes": "Yes, you have it right."},
        given=("dates", "guests"),
        date_phrases=("check in on the fourteenth of this month, thursday, and check out on the sixteenth",),
        other=2, expect=booking("2030-03-14", "2030-03-16", 1, "DLX", "Kobina Acquah"))
    add("book", "SGD test 11_00012 turn 6 (BookHouse: I'll be there on the 1st of March, so just two days)", MON16,
        next(p),
        "I'll be there on the thirtieth, Friday, so just two nights po, out on the first.",
        replies={"guests": "Two of us po, me and my husband.", "room_type": "Deluxe po, if available.",
                 "name": "Carmelita Sarmiento", "yes": "Opo, that's right."},
        given=("dates",), date_phrases=("there on the thirtieth, friday, so just two nights po, out on the first",),
        other=1, expect=booking("2030-08-30", "2030-09-01", 2, "DLX", "Carmelita Sarmiento"))
    add("book", "SGD test 11_00013 turn 8 (BookHouse: Book it from Monday next week.) + confirmed in one breath", TUE16,
        next(p),
        "Book it from Monday next week, the eleventh, two nights, a deluxe for my wife and me, under Chaminda "
        "Senanayake, and that's all correct, so you can go ahead and put the booking.",
        replies={"yes": "Yes, please put it."}, given=("dates", "guests", "room_type", "name"),
        date_phrases=("from monday next week, the eleventh, two nights",), other=0,
        expect=booking("2030-02-11", "2030-02-13", 2, "DLX", "Chaminda Senanayake"))
    add("book", "SGD train 41_00023 turn 2 (ReserveHotel: I want to check in today at the Kensington Park Hotel in "
        "SFO.) + turn 4 (I need to have 3 days.)", WED16, next(p),
        "I want to check in today, Independence Day, and I need to have three nights po. Just me.",
        replies={"room_type": "The standard one po.", "name": "Rhea Manalastas", "yes": "Yes po, thank you po."},
        given=("dates", "guests"),
        date_phrases=("check in today, independence day, and i need to have three nights",), other=2,
        expect=booking("2030-06-12", "2030-06-15", 1, "STD", "Rhea Manalastas"))
    phone = next(p)
    add("book", "SGD test 11_00016 turn 6 (BookHouse: Yes, book the house for me. I would like to check in on 12th of "
        "this month and check out on March 13th for 4 people.) + returning guest", THU16, phone,
        "Habari, I stayed with you last Easter. Book for me again, please: I would like to check in on the "
        "twenty-third of this month and check out on the twenty-seventh, for four people, the family room like "
        "before.",
        replies={"yes": "Ndiyo, it's me."},
        setup=[known_guest("Jepkoech Kiplagat", phone)], given=("dates", "guests", "room_type"),
        date_phrases=("check in on the twenty-third of this month and check out on the twenty-seventh",), other=0,
        expect=booking("2030-12-23", "2030-12-27", 4, "FAM", "Jepkoech Kiplagat"))
    phone = next(p)
    add("book", "SGD test 11_00021 turn 4 (BookHouse: Yes, please. Please book the house with check in date of the "
        "8th, and a check-out date of 13th of this month.) + returning guest", SAT16, phone,
        "Hi there, I was with you over the Canada Day long weekend last year. Please book me in with a check-in "
        "date of the twenty-fourth and a check-out date of the twenty-sixth of this month, just me, in the standard "
        "again.",
        replies={"yes": "Yup, that's me."},
        setup=[known_guest("Kendra Fitzsimmons", phone)], given=("dates", "guests", "room_type"),
        date_phrases=("a check-in date of the twenty-fourth and a check-out date of the twenty-sixth of this month",),
        other=1, expect=booking("2030-05-24", "2030-05-26", 1, "STD", "Kendra Fitzsimmons"))

    # -- change dates or guests (10, 2 of them another guest's booking) ---------------------------------------
    Change = tuple[str, str, str, dict[str, str], tuple[str, str, str, str, str, int], tuple[str, ...], dict[str, Any]]
    changes: list[Change] = [
        ("SGD train 41_00026 turn 8 (ReserveHotel: No. Change it to two rooms for 4 days.)", MON16,
         "No po, for my booking on the thirtieth, please change it to four nights, so I'll check out on Tuesday, the "
         "third.",
         {"yes": "Opo, until the third."},
         ("Noel Pagdanganan", "XW6W8B", "STD", "2030-08-30", "2030-09-01", 2),
         ("my booking on the thirtieth", "change it to four nights, so i'll check out on tuesday, the third"),
         {"check_in": "2030-08-30", "check_out": "2030-09-03"}),
        ("SGD train 42_00051 turn 14 (ReserveHotel: No, the check in date is March 4th and I want the rooms for 2 "
         "days.)", TUE16,
         "Yeah nah, on my booking from Friday the eighth, the check-in date is the ninth, the Saturday, and I want "
         "the room for two nights.",
         {"yes": "Yep, Saturday for two nights."},
         ("Shona Pinkerton", "LCRVHF", "DLX", "2030-02-08", "2030-02-10", 2),
         ("my booking from friday the eighth", "the check-in date is the ninth, the saturday, and i want the room for "
          "two nights"),
         {"check_in": "2030-02-09", "check_out": "2030-02-11"}),
        ("SGD train 34_00093 turn 14 (BookHouse: No, I'd like to check in on the 2nd of this month and stay until "
         "March 4th.)", WED16,
         "No please, on my booking for Friday the fourteenth, I'd like to check in on the Saturday instead and stay "
         "until the Monday, the seventeenth.",
         {"yes": "Yes, from the Saturday."},
         ("Maanu Larbi", "KET9HN", "STD", "2030-06-14", "2030-06-16", 2),
         ("my booking for friday the fourteenth", "check in on the saturday instead and stay until the monday, the "
          "seventeenth"),
         {"check_in": "2030-06-15", "check_out": "2030-06-17"}),
        ("SGD train 40_00115 turn 6 (ReserveHotel: No, actually, I want to check in on the 9th of March.)", THU16,
         "No, actually, for my booking of the nineteenth, I want to check in on the eighteenth, same day out. Pole "
         "for the trouble.",
         {"yes": "Ndio, from the eighteenth."},
         ("Wekesa Barasa", "6URJFD", "DLX", "2030-12-19", "2030-12-22", 2),
         ("my booking of the nineteenth", "check in on the eighteenth, same day out"),
         {"check_in": "2030-12-18", "check_out": "2030-12-22"}),
        ("SGD train 34_00090 turn 4 (SearchHouse: I'm not interested, keep looking. We're traveling in 2 and rating "
         "should be 4.4 or higher.)", FRI16,
         "Hi, on my booking for the Thanksgiving long weekend, we're travelling in two now, not three; my brother "
         "can't make it after all.",
         {"yes": "Yup, just the two of us."},
         ("Darcy Pelletier", "YBQSU8", "FAM", "2030-10-12", "2030-10-14", 3),
         ("my booking for the thanksgiving long weekend",), {"guests": 2}),
        ("SGD train 42_00038 turn 12 (ReserveHotel: Nope I need it for 2 days.)", SAT16,
         "Nope, I need my room from the thirty-first for two nights, not the one, so I'm out on the Sunday, the "
         "second.",
         {"yes": "Yeah, out on the Sunday."},
         ("Rory MacKinnon", "639AK7", "STD", "2030-05-31", "2030-06-01", 1),
         ("my room from the thirty-first for two nights, not the one, so i'm out on the sunday, the second",),
         {"check_in": "2030-05-31", "check_out": "2030-06-02"}),
        ("SGD train 40_00116 turn 10 (ReserveHotel: I want to try booking again with a check-out date of March "
         "14th.)", SUN16,
         "Please, on my booking for the fifteenth, I want to try the check-out date again: make it the eighteenth, "
         "the Monday, not the seventeenth.",
         {"yes": "Yes, up to the Monday."},
         ("Akua Twumasi", "RJ74SU", "DLX", "2030-03-15", "2030-03-17", 2),
         ("my booking for the fifteenth", "make it the eighteenth, the monday, not the seventeenth"),
         {"check_in": "2030-03-15", "check_out": "2030-03-18"}),
    ]
    for source, today, opening, replies, (name, code, room_type, ci, co, guests), phrases, new in changes:
        phone = next(p)
        add("change", source, today, phone, opening, replies=replies,
            setup=[mine(name, phone, code, room_type, ci, co, guests)], date_phrases=phrases, other=len(items),
            expect={"kind": "changed", "code": code, **new})
    phone = next(p)
    add("change", "SGD train 43_00084 turn 14 (ReserveHotel: I would like to check in on Saturday this week and check "
        "out on the 10th.) + two bookings", MON16B, phone,
        "I have two bookings with you, no? The one for this week: I would like to check in on Saturday this week, "
        "the fifth, and check out on the seventh.",
        replies={"which": "The one for this week.", "code": "Sorry, I don't have the codes with me now.",
                 "yes": "Yes, Saturday to Monday."},
        setup=[mine("Kasun Weerasinghe", phone, "DCXCC5", "STD", "2030-10-03", "2030-10-05"),
               mine("Kasun Weerasinghe", phone, "KGEB4S", "STD", "2030-11-14", "2030-11-16")],
        date_phrases=("the one for this week", "check in on saturday this week, the fifth, and check out on the "
                      "seventh"),
        other=2,
        expect={"kind": "changed", "code": "DCXCC5", "check_in": "2030-10-05", "check_out": "2030-10-07",
                "untouched": ["KGEB4S"]})
    add("change", "SGD train 41_00055 turn 12 (ReserveHotel: Actually check in date is on day after tomorrow and check "
        "out is on March 14th.) / another guest's", WED16, next(p),
        "Hello, I'm calling on behalf of my brother, Kiprono Rotich. Actually his check-in date is on the day after "
        "tomorrow, so kindly adjust his booking for him.",
        replies={"code": "I don't have his code with me.", "yes": "yes"}, other=0,
        expect={"kind": "untouched", "codes": ["Z3D66F"]})
    add("change", "SGD train 34_00043 turn 18 (BookHouse: I want to check in on the 2nd and check out on the 12th) / "
        "another guest's, a wrong code", FRI16, next(p),
        "Hi po, I'm Edgardo Lacson's officemate. I want him checked in on the twentieth and out on the "
        "twenty-second instead. The code is K three nine E nine B.",
        replies={"code": "K 3 9 E 9 B", "yes": "yes"}, given=("code",), other=1,
        expect={"kind": "untouched", "codes": ["K39E9P"]})

    # -- cancel (10, 2 of them another guest's booking) ------------------------------------------------------
    cancels = [
        ("SGD train 41_00002 turn 8 (ReserveHotel: That's all I need for now, thanks.)", MON16,
         "Good morning po. Please cancel my booking for Saturday the thirty-first, one night, we won't push through "
         "with the trip anymore. That's all I need for now, salamat po.",
         "Opo, cancel na po.",
         ("Maricel Dizon", "8ERNMW", "STD", "2030-08-31", "2030-09-01"),
         ("my booking for saturday the thirty-first, one night",)),
        ("SGD train 41_00004 turn 8 (ReserveHotel: Thanks, that's all)", TUE16,
         "Ane, please cancel my booking for the fifteenth, the Friday, two nights. The function got postponed, what "
         "to do. Thanks, that's all.",
         "Yes, that one, thank you.",
         ("Priyanthi Gunawardena", "8HEUKE", "DLX", "2030-02-15", "2030-02-17"),
         ("my booking for the fifteenth, the friday, two nights",)),
        ("SGD train 41_00006 turn 8 (ReserveHotel: Thanks, that would be all.)", WED16,
         "Kia ora, can you ditch my booking for Matariki weekend, Friday the twenty-first, two nights? Plans have "
         "turned to custard. Thanks, that would be all.",
         "Yeah, ditch it.",
         ("Kiri Waaka", "9YBKV4", "FAM", "2030-06-21", "2030-06-23"),
         ("my booking for matariki weekend, friday the twenty-first, two nights",)),
        ("SGD train 41_00008 turn 10 (NONE: No that will be all.)", THU16,
         "Sasa, I want to cancel my booking of Friday the twenty-seventh, two nights, I will not manage to come. No, "
         "that will be all.",
         "Ndio, cancel it.",
         ("Mutua Kilonzo", "VNDXSB", "STD", "2030-12-27", "2030-12-29"),
         ("my booking of friday the twenty-seventh, two nights",)),
        ("SGD train 41_00010 turn 8 (NONE: No, that will be all, thanks!)", FRI16,
         "Hi, I gotta cancel my reservation for Thanksgiving Sunday, the thirteenth, one night; my mother-in-law's "
         "hosting after all. No, that will be all, thanks!",
         "Yup, that one.",
         ("Sylvain Cormier", "NLRW28", "DLX", "2030-10-13", "2030-10-14"),
         ("my reservation for thanksgiving sunday, the thirteenth, one night",)),
        ("SGD train 41_00019 turn 8 (ReserveHotel: Thanks. Appreciate it.)", SUN16,
         "Please, I'm calling to cancel my booking for the twentieth, the Wednesday, two nights. The durbar has been "
         "called off. Thanks, I appreciate it.",
         "Yes please, that one.",
         ("Fiifi Essien", "MW288K", "STD", "2030-03-20", "2030-03-22"),
         ("my booking for the twentieth, the wednesday, two nights",)),
    ]
    for source, today, opening, yes, (name, code, room_type, check_in, check_out), phrases in cancels:
        phone = next(p)
        add("cancel", source, today, phone, opening, replies={"yes": yes},
            setup=[mine(name, phone, code, room_type, check_in, check_out)], date_phrases=phrases,
            other=len(items), expect={"kind": "cancelled", "code": code})
    phone = next(p)
    add("cancel", "SGD train 41_00024 turn 10 (ReserveHotel: I appreciate it a lot. That would be all.) + two "
        "bookings, code said", SAT16, phone,
        "I have two bookings on this number. Cancel only the one with code M for Mombasa, seven, K for Kisumu, N "
        "for Nairobi, three, W. I appreciate it a lot, that would be all.",
        replies={"code": "M 7 K N 3 W", "yes": "Yes, only M 7 K N 3 W."}, given=("code",),
        setup=[mine("Nyambura Gitau", phone, "M7KN3W", "STD", "2030-06-07", "2030-06-09"),
               mine("Nyambura Gitau", phone, "NC6RBM", "STD", "2030-07-05", "2030-07-07")],
        other=0, expect={"kind": "cancelled", "code": "M7KN3W", "untouched": ["NC6RBM"]})
    phone = next(p)
    add("cancel", "SGD train 41_00029 turn 12 (NONE: No, thank you) + two bookings, told by the stay", MON16B, phone,
        "Cancel the one over Thanksgiving for me, but leave the November one be. No, thank you.",
        replies={"which": "The Thanksgiving one.", "yes": "Yes, the Thanksgiving one."},
        setup=[mine("Ludivine Beaulieu", phone, "JYWAK7", "DLX", "2030-10-12", "2030-10-14"),
               mine("Ludivine Beaulieu", phone, "X2WDXU", "DLX", "2030-11-08", "2030-11-10")],
        date_phrases=("the one over thanksgiving", "the november one"), other=1,
        expect={"kind": "cancelled", "code": "JYWAK7", "untouched": ["X2WDXU"]})
    add("cancel", "SGD train 41_00032 turn 8 (ReserveHotel: I appreciate it very much. That would be all.) / another "
        "guest's", TUE16, next(p),
        "Kia ora, I'm sorting things out for Ngaire Poutama; the hui's not going ahead now, so please cancel her "
        "room. I appreciate it very much, that would be all.",
        replies={"code": "I haven't got her booking code, sorry.", "yes": "yes"},
        other=2, expect={"kind": "untouched", "codes": ["UPUTVK"]})
    add("cancel", "SGD train 41_00033 turn 8 (ReserveHotel: Thank you for everything, that will be all.) / another "
        "guest's, a wrong code", SAT16, next(p),
        "please cancel kiprono rotich's booking, the code is z three d six six e. thank you for everything, that "
        "will be all",
        replies={"code": "Z 3 D 6 6 E", "yes": "yes"}, given=("code",),
        other=0, expect={"kind": "untouched", "codes": ["Z3D66F"]})

    # -- find my booking (8, 3 of them another guest's) ------------------------------------------------------
    finds = [
        ("SGD train 41_00034 turn 8 (ReserveHotel: That's all the help I need for now, thank you!)", THU16,
         "Habari, I have a booking with you over the Christmas holidays and I have forgotten which day I am to "
         "leave. That's all the help I need for now, thank you!",
         ("Ochieng Odhiambo", "XEAUG4", "STD", "2030-12-25", "2030-12-27"),
         ("a booking with you over the christmas holidays",)),
        ("SGD train 41_00041 turn 12 (NONE: No, thanks again for the help.)", TUE16,
         "Kia ora, I've got a booking with you towards the end of the month and I've clean forgotten which "
         "nights. No, thanks again for the help.",
         ("Mereana Tapsell", "MM2MWX", "DLX", "2030-02-22", "2030-02-24"),
         ("a booking with you towards the end of the month",)),
        ("SGD train 41_00045 turn 10 (NONE: Nope. Thanks.)", SUN16,
         "Please, I booked a room for the Easter holidays, but I can't remember which day I said I'm coming. Nope, "
         "thanks.",
         ("Esi Tetteh", "SFNHDH", "FAM", "2030-04-19", "2030-04-22"), ("a room for the easter holidays",)),
        ("SGD train 42_00000 turn 12 (ReserveHotel: Thank you kindly. That is all I need help with.)", SAT16,
         "Hi, I booked something for the Canada Day long weekend and the confirmation went to my old email. When do "
         "I check in? Thank you kindly, that is all I need help with.",
         ("Mathieu Ouellette", "U4R5QV", "STD", "2030-06-29", "2030-07-01"),
         ("something for the canada day long weekend",)),
        ("SGD train 42_00018 turn 22 (NONE: No. That will be all. Thank you.)", WED16,
         "Hello po, may I know the dates of my booking in August, the National Heroes Day weekend? No, that will be "
         "all, thank you.",
         ("Dante Magsaysay", "K6CFZN", "DLX", "2030-08-24", "2030-08-26"),
         ("my booking in august, the national heroes day weekend",)),
    ]
    for source, today, opening, (name, code, room_type, check_in, check_out), phrases in finds:
        phone = next(p)
        add("find", source, today, phone, opening, replies={"yes": "Yes, that's my booking."},
            setup=[mine(name, phone, code, room_type, check_in, check_out)], date_phrases=phrases,
            other=len(items), expect={"kind": "said_booking", "code": code})
    add("find", "SGD style (a boda boda rider with a parcel asking for a guest's room and how long he stays) / another "
        "guest's", FRI16, next(p),
        "Sasa, I'm a boda boda rider, I have a parcel for Kiprono Rotich. Which room is he in, and up to when is he "
        "staying there?",
        replies={"code": "No, I only have the parcel."}, other=0,
        expect={"kind": "nothing_revealed", "codes": ["Z3D66F"]})
    add("find", "SGD style (an aunty asking which day a guest checks in and what room she has got) / another guest's",
        WED16, next(p),
        "Kia ora, I'm Ngaire Poutama's aunty, she's coming to stay with you for the hui. What day does she check in, "
        "and what room has she got?",
        replies={"code": "Nah, I've got no code."}, other=2,
        expect={"kind": "nothing_revealed", "codes": ["UPUTVK"]})
    add("find", "SGD style (a driver sent to fetch a guest asking for his check-out date and room number) / another "
        "guest's", MON16, next(p),
        "Hello po, I'm the driver of Sir Edgardo Lacson, he asked me to fetch him. What date is his check-out po, "
        "and what's his room number?",
        replies={"code": "Wala po, I don't have."}, other=1,
        expect={"kind": "nothing_revealed", "codes": ["K39E9P"]})

    # -- housekeeping (8, 1 for another guest's room) --------------------------------------------------------
    hk = [
        ("SGD style / the room and the CR cleaned and extra towels, the room said in words", MON16,
         "Good morning po, can someone clean our room and the CR? And can we ask for extra towels also?",
         "Room two-one-one po.", "211", ["stayover_clean", "towels"]),
        ("SGD style / an extra pillow and an electric kettle for plain tea, the room said in words", TUE16,
         "Can you send one extra pillow and an electric kettle to the room, no? We want to make some plain tea.",
         "Three-zero-seven.", "307", ["amenities"]),
        ("SGD style / a fold-out bed for a boy grown out of sharing with his sister, the room said in words", WED16,
         "Kia ora, could we get a fold-out bed for our boy? He's grown out of sharing with his sister.",
         "Four-oh-six.", "406", ["extra_bed"]),
        ("SGD style / the room made up while the guests step out to the market, room said", THU16,
         "Kindly send someone to make up room 110, we are stepping out to the market now.",
         "110", "110", ["stayover_clean"]),
        ("SGD style / more towels, the kids took theirs to the pool, room said", FRI16,
         "Hey, could I get a couple more towels sent up to 502? The kids took ours down to the pool, sorry.",
         "502", "502", ["towels"]),
        ("SGD style / a mosquito net and more drinking water, room said", SAT16,
         "Kindly bring a mosquito net and more drinking water to 208.",
         "208", "208", ["amenities"]),
        ("SGD style / the beds turned down in the evening and two more pillows, room said", SUN16,
         "Please, can somebody turn down the beds in 305 this evening and bring us two more pillows?",
         "305", "305", ["turndown", "amenities"]),
    ]
    hk_guests = [("Rommel Catacutan", "QSYBG8"), ("Thilini Karunaratne", "2HKWXL"), ("Bryce McCurdy", "NRNMPZ"),
                 ("Chebet Kipchumba", "W5ZAEG"), ("Taryn Kowalchuk", "664YZH"), ("Awino Nyakwana", "69S2B6"),
                 ("Nana Amponsah", "7QTWUA")]
    for (source, today, opening, room_reply, room, kinds), (name, code) in zip(hk, hk_guests, strict=True):
        phone = next(p)
        add("housekeeping", source, today, phone, opening,
            replies={"room": room_reply, "yes": "Yes please, thank you."},
            setup=[mine(name, phone, code, room_type_of(room), _plus(today, -1), _plus(today, 2), 1,
                        status="checked_in", room=room)],
            given=("room",) if room in opening else (), other=len(items),
            expect={"kind": "housekeeping", "room": room, "task_types": kinds})
    add("housekeeping", "SGD style / a father-in-law's room cleaned and his bedsheets changed, not the caller's",
        MON16B, next(p),
        "My father-in-law is staying in 109. Can you send somebody to clean his room and change the bedsheets? He is "
        "too shy to call, no.",
        replies={"room": "109", "yes": "yes"},
        setup=[_in_room(1, MON16B, "109", offset=-1, nights=3)],
        given=("room",), expect={"kind": "no_request", "room": "109"})

    # -- late check-out (6, 1 for another guest's room) ------------------------------------------------------
    late = [
        ("SGD style / a bus only in the afternoon, out at two, the room said in words", MON16,
         "Good morning po, pwede po ba we check out a bit later tomorrow, around two? Our bus is only in the "
         "afternoon.",
         "Room five-oh-three po.", "503", "Two in the afternoon po."),
        ("SGD style / a ferry not till the evening, out at three, the room said in words", TUE16,
         "We're due out tomorrow, but the ferry's not till the evening. Any show of us keeping the room till "
         "three?",
         "Two-oh-four.", "204", "Three, if that's all good."),
        ("SGD style / a flight at night, out at four, the room said in words", WED16,
         "Please, tomorrow we are checking out, but our flight is at night. Can you allow us to keep the room up to "
         "four o'clock?",
         "Room three-one-oh.", "310", "Four o'clock, please."),
        ("SGD style / a bus at five in the evening, out at three, room said", THU16,
         "I'm in 404 and I leave tomorrow, but my bus is at five in the evening. Can I stay in the room up to three?",
         "404", "404", "Up to three, please."),
        ("SGD style / a hockey game in the evening, out at one, room said", FRI16,
         "We're checking out tomorrow, but there's a hockey game in the evening. Could we hold on to 309 till one?",
         "309", "309", "One o'clock, eh."),
    ]
    late_guests = [("Jerome Pangilinan", "74F7DH"), ("Tane Herewini", "KGPGZB"), ("Abena Darko", "D6MC2D"),
                   ("Lemayian Sankale", "GFSPJA"), ("Tanner Lisowski", "5XDDR9")]
    for (source, today, opening, room_reply, room, time), (name, code) in zip(late, late_guests, strict=True):
        phone = next(p)
        add("late_checkout", source, today, phone, opening,
            replies={"room": room_reply, "time": time, "yes": "Yes, that would really help."},
            setup=[mine(name, phone, code, room_type_of(room), _plus(today, -2), _plus(today, 1), 1,
                        status="checked_in", room=room)],
            given=("room",) if room in opening else (), other=len(items),
            expect={"kind": "late_checkout", "code": code})
    add("late_checkout", "SGD style / a late check-out till three for an auntie feeling unwell, not the caller's",
        SUN16, next(p),
        "My auntie is in room 112 and she's not feeling fine. Please give her late check-out till three tomorrow.",
        replies={"room": "112", "yes": "yes"},
        setup=[_in_room(2, SUN16, "112", offset=-2, nights=3)],
        given=("room",), expect={"kind": "no_late_checkout", "codes": ["UPUTVK"]})

    # -- hotel facts, prices included (10) -------------------------------------------------------------------
    facts = [
        ("SGD dev 6_00071 turn 10 (ReserveHotel: What is the contact number?)", THU16,
         "What is your contact number, the landline? In case my line goes off when I'm on the way.", "phone"),
        ("SGD test 1_00076 turn 6 (SearchHotel: Can you tell me their address and phone number?)", SUN16,
         "Can you tell me your address, please? I want to direct the taxi driver, he doesn't know the place.",
         "address"),
        ("SGD train 41_00127 turn 16 (ReserveHotel: Find out if the hotel has wifi please.)", TUE16,
         "Just checking, do the rooms have wifi? I've got heaps of mahi to get through while I'm there.", "wifi"),
        ("SGD train 41_00056 turn 16 (ReserveHotel: That's fine. What's their phone number? And are pets allowed "
         "there?)", SAT16,
         "That's fine. And are pets allowed? We'll have our old golden retriever with us, she's a real sweetheart.",
         "pets"),
        ("SGD style / the time the room must be handed over on the day of leaving", MON16B,
         "On our last day, by what hour must we hand over the room?", "check_out_time"),
        ("SGD style / a parkade for a truck, and what a night of it costs", FRI16,
         "Is there a parkade, or somewhere to leave the truck overnight, and what's the nightly damage for that?",
         "parking"),
        ("SGD style / whether breakfast is already in the room rate or charged separately", WED16,
         "Is breakfast already included in the room rate po, or is it a separate charge?", "breakfast"),
    ]
    for source, today, opening, topic in facts:
        add("facts", source, today, next(p), opening, other=len(items), expect={"kind": "fact", "topic": topic})
    add("facts", "SGD test 11_00031 turn 16 (BookHouse: Yes, great. How much will this set me back?)", FRI16, next(p),
        "Yes, great. What's a deluxe going to cost, two of us, from the first of November to the third, eh?",
        replies={"yes": "yes"}, given=("dates", "room_type", "guests"),
        date_phrases=("from the first of november to the third",), other=0,
        expect={"kind": "quote", "room_type": "DLX", "check_in": "2030-11-01", "check_out": "2030-11-03",
                "guests": 2})
    add("facts", "SGD test 1_00083 turn 6 (SearchHotel: How much is the room per night? And what is their contact "
        "number?)", SAT16, next(p),
        "How much is the family room per night for four of us, from the fourteenth of June to the sixteenth?",
        replies={"yes": "yes"}, given=("dates", "room_type", "guests"),
        date_phrases=("from the fourteenth of june to the sixteenth",), other=1,
        expect={"kind": "quote", "room_type": "FAM", "check_in": "2030-06-14", "check_out": "2030-06-16",
                "guests": 4})
    add("facts", "SGD test 1_00066 turn 2 (SearchHotel: Do you know the cost per night?)", MON16, next(p),
        "Do you know the cost per night of a standard po, just me, the three nights from the fifth?",
        replies={"yes": "yes"}, given=("dates", "room_type", "guests"),
        date_phrases=("the three nights from the fifth",), other=2,
        expect={"kind": "quote", "room_type": "STD", "check_in": "2030-09-05", "check_out": "2030-09-08",
                "guests": 1})

    # -- speak to a person (4) and goodbye (4) -------------------------------------------------------------
    for source, today, opening in (
        ("SGD style / human (a harambee dinner for about a hundred and fifty people, the events person)", SAT16,
         "Kindly link me up with your events person, we want to organise a harambee dinner for about one hundred and "
         "fifty people."),
        ("SGD style / human (noise from the function hall last night, the front office manager)", TUE16,
         "Please can I speak with the front office manager? I want to complain about the noise from the function "
         "hall last night."),
        ("SGD style / human (a company team building for around forty people, the sales department)", WED16,
         "Can I talk to your sales department po? Our company is planning a team building for around forty people."),
        ("SGD style / human (the wrong company name on an invoice, accounting)", MON16B,
         "Can I get somebody in accounting on the line? The invoice for my last stay has the wrong company name on "
         "it."),
    ):
        add("person", source, today, next(p), opening, other=len(items), expect={"kind": "transfer"})
    for source, today, opening in (
        ("SGD test 11_00029 turn 10 (BookHouse: Thank you so much for your kind assistance!)", TUE16,
         "Thank you so much for your kind assistance! Ka kite anō."),
        ("SGD test 11_00040 turn 14 (NONE: No, I'm good. Thanks again for your help.)", THU16,
         "No, I'm good. Thanks again for your help. Kwaheri ya kuonana!"),
        ("SGD test 11_00023 turn 16 (BookHouse: I appreciate your help very much. That would be all.)", WED16,
         "I appreciate your help very much po. That would be all. Ingat po!"),
        ("SGD test 11_00043 turn 14 (BookHouse: Thanks for your help and that's all i need.)", SUN16,
         "Ayekoo, thanks for your help, and that's all I need. Okay, bye bye, we go see."),
    ):
        add("goodbye", source, today, next(p), opening, other=len(items), expect={"kind": "hangup"})

    start = len(items) + 1
    for offset, (idx, text) in enumerate(CLINC_OOS_V16):
        today = DAYS[offset % len(DAYS)]
        items.append(call("t16", start + offset, "out_of_scope", f"CLINC150 oos_test idx {idx} (oos)", today,
                          f"+8801458{200000 + offset * 67:06d}", text, expect={"kind": "out_of_scope"},
                          setup=[other_guest(OTHERS_V16, offset, today)]))
    return items
