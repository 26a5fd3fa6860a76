"""The deterministic readers of the caller's words (no model, no database)."""

from __future__ import annotations

from datetime import date, time

import pytest

from agent.dialogue import extract
from agent.dialogue.extract import RoomTypeName, Stay

TODAY = date(2026, 11, 30)  # a Monday, late in the year: month names before December roll into next year
TYPES = [RoomTypeName("STD", "Standard Queen", 2), RoomTypeName("DLX", "Deluxe King", 2),
         RoomTypeName("FAM", "Family Two Queens", 4), RoomTypeName("STE", "Suite King", 3)]


@pytest.mark.parametrize(("said", "stay"), [
    ("a double room from March 3rd to March 6th", Stay(date(2027, 3, 3), date(2027, 3, 6))),
    ("from the 5th to the 9th of march", Stay(date(2027, 3, 5), date(2027, 3, 9))),
    ("December third to December fifth", Stay(date(2026, 12, 3), date(2026, 12, 5))),
    ("tomorrow for three nights", Stay(date(2026, 12, 1), None, 3)),
    ("the night of December 12th", Stay(date(2026, 12, 12), None, 1)),
    ("on the 20th for 2 nights", Stay(date(2026, 12, 20), None, 2)),
    ("friday to sunday", Stay(date(2026, 12, 4), date(2026, 12, 6))),
    ("arriving January 2nd leaving January 5th", Stay(date(2027, 1, 2), date(2027, 1, 5))),
    ("march 3rd to the 6th", Stay(date(2027, 3, 3), date(2027, 3, 6))),
    ("the 30th to the 2nd", Stay(date(2026, 11, 30), date(2026, 12, 2))),
    ("December 28th to January 3rd", Stay(date(2026, 12, 28), date(2027, 1, 3))),
    ("this weekend", Stay(date(2026, 12, 4), date(2026, 12, 6))),
    ("for a week from the 10th", Stay(date(2026, 12, 10), None, 7)),
    ("tonight", Stay(date(2026, 11, 30), None, 1)),
    ("2 adults please", Stay()),
    ("the two double beds, please", Stay()), ("the 3 of us", Stay()),  # a count after "the", not a date
    ("from the 7 to the 9", Stay(date(2026, 12, 7), date(2026, 12, 9))),
    # Two days joined by "and" are two nights; "a week on <weekday>" is a day, not a length.
    ("the nights of the 15th and the 16th", Stay(date(2026, 12, 15), date(2026, 12, 17))),
    ("tonight and tomorrow as well", Stay(date(2026, 11, 30), date(2026, 12, 2))),
    ("a week on thursday, three nights", Stay(date(2026, 12, 10), None, 3)),
    ("for a week from thursday", Stay(date(2026, 12, 3), None, 7)),
    # Named days, the week after next, a week said once for two days, slips put right.
    ("arriving on christmas eve, just the one night", Stay(date(2026, 12, 24), None, 1)),
    ("the wednesday after next", Stay(date(2026, 12, 9))),
    ("monday and tuesday nights next week", Stay(date(2026, 12, 7), date(2026, 12, 9))),
    ("four nights from the 18th, oh sorry, from the 19th", Stay(date(2026, 12, 19), None, 4)),
    ("the 9th, not the 8th, and out on the 12th", Stay(date(2026, 12, 9), date(2026, 12, 12))),
    ("the march option", Stay()),
    ("we now go home on the 14th, not the 15th", Stay(None, date(2026, 12, 14))),
])
def test_dates_are_read_against_the_hotels_today(said: str, stay: Stay) -> None:
    assert extract.parse_stay(said, TODAY) == stay


def test_a_correction_keeps_what_it_does_not_change() -> None:
    booked = Stay(date(2026, 12, 10), date(2026, 12, 12))
    assert booked.merged(Stay(None, None, 4)) == Stay(date(2026, 12, 10), None, 4)
    assert booked.merged(Stay(date(2026, 12, 20))).departure == date(2026, 12, 22)  # same length, new arrival


@pytest.mark.parametrize(("said", "asked", "guests"), [
    ("It's only me", False, 1), ("two adults and a child", False, 3), ("for two", False, 2),
    ("for 2 nights", False, None), ("me and my wife", False, 2), ("3", True, 3), ("3", False, None),
    ("a family of four", False, 4), ("just myself this time", False, 1),
    ("we're four grown-ups", False, 4), ("2 grown up", False, 2), ("it will be free grow up", False, 3),
    ("free people", False, 3), ("is breakfast free", True, None),
    ("only me and my cousin, so 2", True, 2), ("2, me and a coworker", True, 2),
    ("5 of us: 3 grown-ups, 2 kids", True, 5), ("2 adults plus a baby", True, 3), ("3 again", True, 3),
    ("erm just one", True, 1),
    ("just 1 night please", True, None),
])
def test_guests(said: str, asked: bool, guests: int | None) -> None:
    assert extract.parse_guests(said, asked=asked) == guests


@pytest.mark.parametrize(("said", "code"), [
    ("how much is a sweet", "STE"), ("the deluxe please", "DLX"), ("famly room", "FAM"), ("a suite king", "STE"),
    ("standard is fine", "STD"), ("a double room", None),
])
def test_room_types_are_matched_fuzzily(said: str, code: str | None) -> None:
    assert extract.parse_room_type(said, TYPES) == code


@pytest.mark.parametrize("said", ["a room with twin beds", "two separate beds, ideally", "somewhere with 2 beds"])
def test_two_beds_is_the_family_room(said: str) -> None:
    assert extract.parse_room_type(said, TYPES) == "FAM"


def test_single_and_double_are_sizes_not_room_types() -> None:
    assert extract.room_size_hint("a single room") == 1 and extract.room_size_hint("a double") == 2
    assert extract.room_size_hint("single person") is None


@pytest.mark.parametrize(("said", "asked", "name"), [
    ("My name is Nadia Karim.", False, "Nadia Karim"), ("Nadia Karim", True, "Nadia Karim"),
    ("it's tanvir ahmed", True, "Tanvir Ahmed"), ("yes, under John Smith please", False, "John Smith"),
    ("I'm looking for a room", False, None), ("Sure, it's Farhana.", True, "Farhana"),
    ("Yes please", True, None), ("for two adults", False, None),
    ("please make a reservation for me, Selim Akhtar", False, "Selim Akhtar"),  # the name after "for me,"
    ("book it under her name, Rukhsana Dey", False, "Rukhsana Dey"), ("a room for Christmas Day", False, None),
])
def test_names(said: str, asked: bool, name: str | None) -> None:
    assert extract.parse_name(said, asked=asked) == name


@pytest.mark.parametrize(("said", "code"), [
    ("The confirmation code is K 7 P 4 2 Q.", "K7P42Q"), ("code k7p42q", "K7P42Q"),
    ("K seven P four two Q", "K7P42Q"), ("my code is XL5NU3", "XL5NU3"),
    ("it's T as in tango, R, double 4, M as in mike, 7", "TR44M7"), ("the reference was HZQWRD", "HZQWRD"),
])
def test_codes_read_out_letter_by_letter(said: str, code: str) -> None:
    assert code in extract.code_candidates(said)
    assert extract.said_code(said, code)


def test_no_code_is_found_where_none_was_said() -> None:
    assert extract.code_candidates("I'd like to book a room for 2 nights on the 5th") == []
    assert extract.code_candidates("the name is MAUREEN, a double room please") == []  # a name in capitals


@pytest.mark.parametrize(("said", "room"), [("room two fourteen", "214"), ("Room 305 please", "305"),
                                            ("I'm in 210", "210"), ("no room given", None)])
def test_room_numbers(said: str, room: str | None) -> None:
    assert extract.parse_room_number(said) == room


@pytest.mark.parametrize(("said", "until"), [("until 2 pm", time(14)), ("can I stay till one o'clock", time(13)),
                                             ("noon", time(12)), ("until 14:00", time(14)), ("room 305", None),
                                             ("till half past two", time(14, 30)), ("quarter to four", time(15, 45)),
                                             ("a while past noon", None), ("an hour or 2 longer", None)])
def test_times(said: str, until: time | None) -> None:
    assert extract.parse_time(said) == until


@pytest.mark.parametrize(("said", "answer", "in_passing"), [
    ("Yes please", "yes", False), ("yes but make it saturday", None, False), ("No", "no", False),
    ("Yes, I'm sure, please cancel it", "yes", True), ("that works", "yes", False),
    ("please cancel it, yes I'm sure", None, True),
])
def test_yes_no_and_a_confirmation_in_passing(said: str, answer: str | None, in_passing: bool) -> None:
    assert extract.yes_or_no(said) == answer
    assert extract.confirms_in_passing(said) is in_passing


def test_topics_items_goodbyes_and_people() -> None:
    assert extract.parse_topic("What's the wifi password?") == "wifi"
    assert extract.parse_topic("what time can we check in") == "check_in_time"
    assert extract.parse_item("could we get some fresh towels") == "towels"
    assert extract.is_goodbye("No, that's all, thanks") and not extract.is_goodbye("I'd like a room")
    assert extract.wants_person("can I talk to a real person") and not extract.wants_person("a room for a person")


@pytest.mark.parametrize(("said", "stay"), [
    # Two dates are arrival and departure whatever joins them (Whisper mishears "until").
    ("a room from the 11th of December, Central December 13th", Stay(date(2026, 12, 11), date(2026, 12, 13))),
    ("June 2nd, June 6th", Stay(date(2027, 6, 2), date(2027, 6, 6))),
    # One replaces the other: the new one is meant, the nights said still count.
    ("my booking is on Tuesday, can you move it to Thursday", Stay(date(2026, 12, 3))),
    ("it's for the 4th. Let's try the 6th instead, still 3 nights", Stay(date(2026, 12, 6), None, 3)),
    ("the 7th, no sorry, the 8th", Stay(date(2026, 12, 8))),
    ("Saturday instead of Friday", Stay(date(2026, 12, 5))),
    # "<day> instead" then a departure kept: the day before "instead" is the new arrival, the later the departure
    ("we'd get in on the 17th instead but still check out the 20th", Stay(date(2026, 12, 17), date(2026, 12, 20))),
    ("change it to from the 7th to the 9th", Stay(date(2026, 12, 7), date(2026, 12, 9))),
    # A weekday "next week" is that day of the next calendar week; "the one in May" is no 1st.
    ("arriving Tuesday next week for two nights", Stay(date(2026, 12, 8), None, 2)),
    ("next week on Friday", Stay(date(2026, 12, 11))),
    ("the one in May", Stay()),
    # Nights listed by their days: the stay ends the morning after the last.
    ("thursday and friday nights", Stay(date(2026, 12, 3), date(2026, 12, 5))),
    ("next weekend", Stay(date(2026, 12, 11), date(2026, 12, 13))),  # said on a Monday: not this week's
])
def test_two_dates_and_replacements(said: str, stay: Stay) -> None:
    assert extract.parse_stay(said, TODAY) == stay


def test_a_moved_weekday_is_never_today() -> None:
    assert extract.parse_stay("it's booked for Friday, could we change it to Monday", TODAY) == Stay(date(2026, 12, 7))


@pytest.mark.parametrize(("said", "topic"), [
    ("What's the earliest I can check in?", "check_in_time"), ("how early can we get into the room?", "check_in_time"),
    ("by what time do we have to leave the room?", "check_out_time"), ("check-out is at what hour?", "check_out_time"),
    ("Could we leave the room later, at 2?", None), ("I'd like to check out a little later", None),
])
def test_check_in_and_out_times_asked_in_other_words(said: str, topic: str | None) -> None:
    assert extract.parse_topic(said) == topic


@pytest.mark.parametrize("said", ["ok, catch you later", "see you soon", "take care now", "cheers", "talk later"])
def test_casual_goodbyes(said: str) -> None:
    assert extract.is_goodbye(said)


def test_that_is_all_right_agrees_and_does_not_say_goodbye() -> None:
    assert not extract.is_goodbye("yes, that's all right") and not extract.is_goodbye("that is all right with me")
    assert extract.is_goodbye("that's all, thanks")


@pytest.mark.parametrize(("said", "shift"), [
    ("could we get there two days later than booked?", ("arrival", 2)),
    ("please push it back by a week", ("arrival", 7)),
    ("I have to leave one day early", ("departure", -1)), ("bring the booking forward by 3 days", ("arrival", -3)),
    ("make it 3 nights", None), ("a room for 2 days", None),
])
def test_a_booking_moved_by_a_length(said: str, shift: tuple[str, int] | None) -> None:
    assert extract.parse_shift(said) == shift
    if shift is not None:
        assert extract.parse_stay(said, TODAY).nights is None  # "a day later" is no one-night stay


@pytest.mark.parametrize(("said", "topic"), [
    ("do you allow animals?", "pets"), ("where's the hotel, exactly?", "address"),
    ("what time will the room be ready when we arrive?", "check_in_time"),
    ("what's my check-in date again?", None),  # their booking, not the hotel's check-in time
    ("where could we put the car during our stay?", "parking"),
    ("earliest we might get into the room?", "check_in_time"),
])
def test_more_ways_to_ask_a_fact(said: str, topic: str | None) -> None:
    assert extract.parse_topic(said) == topic


@pytest.mark.parametrize(("said", "person"), [
    ("I need a real human", True), ("is there a person I could speak to", True), ("we want the manager", True),
    ("I need a room for one person", False), ("a room for a manager and his team", False),
])
def test_asking_for_a_person(said: str, person: bool) -> None:
    assert extract.wants_person(said) is person


@pytest.mark.parametrize(("said", "stay"), [
    ("could we check out on the 9th instead?", Stay(None, date(2026, 12, 9))),
    ("leaving on the 9th rather than the 8th", Stay(None, date(2026, 12, 9))),
    ("we'll stay until Sunday", Stay(None, date(2026, 12, 6))),
    ("arriving on the 9th", Stay(date(2026, 12, 9))),
])
def test_a_lone_date_said_as_the_departure_is_the_departure(said: str, stay: Stay) -> None:
    assert extract.parse_stay(said, TODAY) == stay


def test_a_departure_before_the_arrival_is_next_months() -> None:
    arriving = Stay(date(2026, 12, 29))
    assert arriving.merged(extract.parse_stay("leaving on the 2nd", TODAY)) == Stay(date(2026, 12, 29),
                                                                                     date(2027, 1, 2))


def test_no_i_m_good_is_a_goodbye_and_when_am_i_due_is_their_booking() -> None:
    assert extract.is_goodbye("No, I'm fine, thank you")
    assert extract.parse_topic("when are we due to check out?") is None


@pytest.mark.parametrize(("said", "stay"), [
    # "today" in a pleasantry is no day of the stay; "today" asked for still is.
    ("hello, how are you doing today? a room from the 8th to the 10th please",
     Stay(date(2026, 12, 8), date(2026, 12, 10))),
    ("hope all's well with you today, the friday and saturday nights please", Stay(date(2026, 12, 4),
                                                                                    date(2026, 12, 6))),
    ("how's it going today, we'd need a bed today for one night", Stay(date(2026, 11, 30), None, 1)),
    ("what have you got free today", Stay(date(2026, 11, 30))),
    ("christmas eve and christmas day, 2 nights", Stay(date(2026, 12, 24), date(2026, 12, 26), 2)),
])
def test_small_talk_names_no_day(said: str, stay: Stay) -> None:
    read = extract.parse_stay(said, TODAY)
    assert (read.check_in, read.departure) == (stay.check_in, stay.departure)


@pytest.mark.parametrize(("said", "moved"), [
    # The booking (the 9th to the 11th of January) moved from its own arrival: a bare day in its month.
    ("could you shift it from the 9th to the 23rd", date(2027, 1, 23)),
    ("the 20th suits us better, please move us from the 9th to the 20th", date(2027, 1, 20)),
    ("push it from january 9th to february 3rd", date(2027, 2, 3)),
    ("move it from the 9th to the 4th", date(2027, 1, 4)),
    ("change it from the 9th to the 11th please", None),  # the booking's own stay, named
    ("a room from the 9th to the 14th", None),  # no move asked
])
def test_a_booking_moved_from_its_own_arrival(said: str, moved: date | None) -> None:
    assert extract.moved_arrival(said, TODAY, date(2027, 1, 9), date(2027, 1, 11)) == moved


def test_a_bare_day_is_read_in_the_month_of_the_booking_being_changed() -> None:
    assert extract.parse_stay("make it the 20th", TODAY, near=date(2027, 1, 9)).check_in == date(2027, 1, 20)
    # a day of that month already past is next month's, as without a booking
    assert extract.parse_stay("make it the 20th", date(2027, 1, 25), near=date(2027, 1, 29)).check_in \
        == date(2027, 2, 20)


@pytest.mark.parametrize(("said", "when"), [
    ("our coach leaves at 7 tonight, can we hold on to the room until 4?", time(16, 0)),
    ("the plane's at 6 so could we check out at 3", time(15, 0)),
    ("my meeting's at 1, a 2 o'clock check-out please", time(14, 0)),
    ("till 5 tonight", time(17, 0)),
])
def test_the_check_out_hour_is_not_another_event_s(said: str, when: time) -> None:
    assert extract.parse_time(said) == when


@pytest.mark.parametrize("said", [
    "what's the latest we're allowed to leave on the final day?",
    "the latest time we can stay in the room on our last day?",
    "latest we could depart in the morning?",
])
def test_the_latest_hour_to_leave_is_the_check_out_time(said: str) -> None:
    assert extract.parse_topic(said) == "check_out_time"


@pytest.mark.parametrize(("said", "stay"), [
    ("somewhere for the weekend of the 12th, the friday and saturday nights", Stay(date(2026, 12, 11),
                                                                                   date(2026, 12, 13))),
    ("the weekend of the 19th, saturday and sunday", Stay(date(2026, 12, 19), date(2026, 12, 21))),
    # two days that are no stay of the nights said: the day said as the arrival
    ("I'd thought of tomorrow, but give me time, so arriving friday the 4th, four nights",
     Stay(date(2026, 12, 4), None, 4)),
    # the departure said first
    ("checking out on the 22nd and checking in next thursday", Stay(date(2026, 12, 3), date(2026, 12, 22))),
    ("I would sooner arrive on the 9th of December than the 11th", Stay(date(2026, 12, 9))),
    # the booking named by its day is no day of the new stay
    ("leave on the 15th, not the 14th. It's our reservation from the 10th", Stay(None, date(2026, 12, 15))),
])
def test_more_ways_to_say_a_stay(said: str, stay: Stay) -> None:
    assert extract.parse_stay(said, TODAY) == stay


@pytest.mark.parametrize(("said", "when"), [
    ("we're in six oh two, could we give back the keys at three?", time(15, 0)),
    ("twenty past one", time(13, 20)), ("ten to two", time(13, 50)),
])
def test_a_clock_time_beats_a_room_said_in_words(said: str, when: time) -> None:
    assert extract.parse_time(said) == when


@pytest.mark.parametrize(("said", "item", "topic"), [
    ("might we get the beds turned down around nine?", "turndown", None),
    ("I forgot my toothpaste and a razor, room 211", "amenities", None),
    ("landing tomorrow morning, how early might we have the room?", None, "check_in_time"),
    ("remind me when we leave from our stay in january", None, None),  # their booking, not the hotel's hour
])
def test_more_requests_and_questions(said: str, item: str | None, topic: str | None) -> None:
    assert (extract.parse_item(said), extract.parse_topic(said)) == (item, topic)


@pytest.mark.parametrize(("said", "stay"), [
    # a day said again in other words is one day, not a second one a month on
    ("coming in this thursday, so that's the 3rd, for 5 nights", Stay(date(2026, 12, 3), None, 5)),
    ("arriving the 11th, a friday, leaving on the sunday", Stay(date(2026, 12, 11), date(2026, 12, 13))),
    ("tomorrow, i.e. the 1st, for one night", Stay(date(2026, 12, 1), None, 1)),
    # a month named as this one or the next
    ("tonight, the thirtieth of this month, one night only", Stay(date(2026, 11, 30), None, 1)),
    ("the 3rd of next month to the 6th", Stay(date(2026, 12, 3), date(2026, 12, 6))),
    # holidays by name, and the day either side of one
    ("in from boxing day to new year's eve", Stay(date(2026, 12, 26), date(2026, 12, 31))),
    ("the night before valentine's day, just the one night", Stay(date(2027, 2, 13), None, 1)),
    ("arrive the day after christmas for 4 nights", Stay(date(2026, 12, 26), None, 4)),
    # near a holiday names a booking, not a day; the end of the stay moved
    ("our stay around christmas should end on the 29th", Stay(None, date(2026, 12, 29))),
])
def test_a_day_said_twice_or_by_its_holiday(said: str, stay: Stay) -> None:
    assert extract.parse_stay(said, TODAY) == stay


@pytest.mark.parametrize(("said", "guests"), [
    ("only the one of me", 1), ("just the one", 1),
    ("it was booked for 3 people but that's wrong, we're 2 adults now", 2),
    ("2 adults, 3 nights", 2),
])
def test_a_guest_count_put_right_is_the_one_meant(said: str, guests: int) -> None:
    assert extract.parse_guests(said) == guests


@pytest.mark.parametrize(("said", "code"), [
    ("it's the one with P 4 K, then 7 R 2", "P4K7R2"),
    ("code M 9 X dash 3 F 8", "M9X3F8"),
])
def test_a_code_read_in_two_halves_is_one_code(said: str, code: str) -> None:
    assert code in extract.code_candidates(said)


@pytest.mark.parametrize(("said", "when"), [
    ("could we hold on to 412 till half two?", time(14, 30)),
    ("a room for 2 nights and 2 guests", None),  # counts, not hours
    ("my interview is at 10, can I keep the room till 1", time(13, 0)),
])
def test_an_hour_is_not_a_count_nor_another_event_s(said: str, when: time | None) -> None:
    assert extract.parse_time(said) == when


@pytest.mark.parametrize("said", [
    "what's the direct line for reception?",
    "is there a contact number I could ring later?",
])
def test_a_number_to_ring_is_the_phone_fact(said: str) -> None:
    assert extract.parse_topic(said) == "phone"


@pytest.mark.parametrize(("said", "stay"), [
    # a greeting or an apology for the call names no day of the stay
    ("happy new year! sorry to trouble you today, we'd like the 4th to the 6th of january",
     Stay(date(2027, 1, 4), date(2027, 1, 6))),
    ("I'm ringing today about a room from friday for 2 nights", Stay(date(2026, 12, 4), None, 2)),
])
def test_a_greeting_names_no_day(said: str, stay: Stay) -> None:
    assert extract.parse_stay(said, TODAY) == stay


@pytest.mark.parametrize(("said", "stay"), [
    ("a fortnight starting the 9th", Stay(date(2026, 12, 9), None, 14)),
    ("just a couple of nights from wednesday", Stay(date(2026, 12, 2), None, 2)),
    ("how about the weekend after next", Stay(date(2026, 12, 18), date(2026, 12, 20))),
    ("tuesday week for three nights", Stay(date(2026, 12, 8), None, 3)),
    ("in on 12/12, out on 15/12", Stay(date(2026, 12, 12), date(2026, 12, 15))),
    # Easter moves with the moon: 2027's is March 28th
    ("good friday until easter monday", Stay(date(2027, 3, 26), date(2027, 3, 29))),
])
def test_lengths_and_days_in_other_words(said: str, stay: Stay) -> None:
    assert extract.parse_stay(said, TODAY) == stay


@pytest.mark.parametrize(("said", "stay"), [
    # the 13th that is a saturday: not December's (a sunday) but February's
    ("it's our anniversary, saturday the 13th for two nights", Stay(date(2027, 2, 13), None, 2)),
    ("tuesday the 2nd until thursday the 4th", Stay(date(2027, 2, 2), date(2027, 2, 4))),
])
def test_a_day_named_with_its_weekday_is_the_one_on_that_weekday(said: str, stay: Stay) -> None:
    assert extract.parse_stay(said, TODAY) == stay


@pytest.mark.parametrize(("said", "guests"), [
    ("I need something for 1 twin room next week", None),  # rooms, not people
    ("could you hold it for one double room, it's me and my sister", 2),
    ("for 3 please", 3),
])
def test_a_count_of_rooms_is_no_count_of_guests(said: str, guests: int | None) -> None:
    assert extract.parse_guests(said) == guests


def test_a_holiday_naming_the_booking_is_no_day_of_the_stay() -> None:
    stay = extract.parse_stay("can my new year's eve booking finish on the 3rd of january", date(2026, 12, 1))
    assert stay == Stay(None, date(2027, 1, 3), None)


@pytest.mark.parametrize("said", [
    "would somebody turn the covers back in 412 this evening",
    "could the curtains be drawn in my room before we get back",
])
def test_beds_turned_back_and_curtains_drawn_are_the_turndown(said: str) -> None:
    assert extract.parse_item(said) == "turndown"


@pytest.mark.parametrize("said", [
    "could you connect me with your events department",
    "put me through to the accounts team please",
])
def test_a_person_asked_for_by_their_office(said: str) -> None:
    assert extract.wants_person(said)


@pytest.mark.parametrize(("said", "guests"), [
    ("we'd stay a couple of nights from the 4th", None),  # a length, not two people
    ("we're a couple, from the 4th", 2),
    ("I'll stay on for 1 more night, till the 6th", None),
    ("a table for 4 at 8 pm", 4),
])
def test_lengths_said_with_couple_or_more_are_no_head_count(said: str, guests: int | None) -> None:
    assert extract.parse_guests(said) == guests


@pytest.mark.parametrize(("said", "guests"), [
    ("Four, that's three adults and our little girl", 4),  # the number first is the whole party
    ("2 adults with my nephew", 3),  # a child said by who they are
    ("myself and my daughter", 2),
    ("3, sorry, 4", None),  # put right with no one listed: asked again, not guessed
])
def test_a_party_counted_first_or_with_a_child_by_name(said: str, guests: int | None) -> None:
    assert extract.parse_guests(said, asked=True) == guests


def test_the_evening_visit_by_other_names_is_the_turndown() -> None:
    assert extract.parse_item("could we have the nightly service, sheets pulled back, mints on the pillows") \
        == "turndown"


@pytest.mark.parametrize("said", ["can you put me through to billing", "connect me to procurement please"])
def test_a_person_asked_for_by_their_department(said: str) -> None:
    assert extract.wants_person(said)


@pytest.mark.parametrize(("said", "theirs"), [
    ("when do we check in to our room over easter?", True),
    ("when do I leave my room in april, I've forgotten", True),
    ("when do we check out of our room?", False),  # the hotel's hour
])
def test_when_they_arrive_or_leave_a_stay_they_name_is_their_own_day(said: str, theirs: bool) -> None:
    assert extract.asks_their_day(said) is theirs
    assert (extract.parse_topic(said) is None) is theirs


def test_a_stay_said_to_run_to_a_day_ends_then() -> None:
    assert extract.parse_stay("could ours last up to the 14th", date(2026, 12, 1)) == Stay(None, date(2026, 12, 14))


@pytest.mark.parametrize(("said", "today", "stay"), [
    ("in on the monday after boxing day, 3 nights", date(2026, 12, 1), Stay(date(2026, 12, 28), None, 3)),
    ("the thursday before good friday for one night", date(2027, 3, 1), Stay(date(2027, 3, 25), None, 1)),
    # a weekday said after "<holiday> weekend" is that weekend's
    ("we're coming for the valentine's weekend, from the saturday, 1 night", date(2027, 1, 20),
     Stay(date(2027, 2, 13), None, 1)),
    ("over the christmas weekend, friday and saturday nights", date(2027, 12, 1),
     Stay(date(2027, 12, 24), date(2027, 12, 26))),
    ("a room for the halloween weekend", date(2027, 10, 1), Stay(date(2027, 10, 29), date(2027, 10, 31))),
])
def test_days_said_by_a_holiday_s_weekday_or_weekend(said: str, today: date, stay: Stay) -> None:
    assert extract.parse_stay(said, today) == stay


@pytest.mark.parametrize(("said", "when"), [
    ("could we be out by 3 rather than the usual noon", time(15, 0)),
    ("a half past one departure, instead of 12 pm?", time(13, 30)),
])
def test_the_hour_a_late_check_out_replaces_is_not_the_one_asked_for(said: str, when: time) -> None:
    assert extract.parse_time(said) == when


def test_clean_forgotten_is_no_cleaning() -> None:
    assert extract.parse_item("what are my dates again, it went clean out of my head") is None
    assert extract.parse_item("could the room be cleaned") == "cleaning"


def test_a_word_with_the_manager_is_a_person_asked_for() -> None:
    assert extract.wants_person("could I have a quick word with your manager on duty")


@pytest.mark.parametrize(("said", "stay"), [
    ("in a week today for 4 nights", Stay(date(2026, 12, 8), None, 4)),
    ("could we come a fortnight from tomorrow", Stay(date(2026, 12, 16))),
    ("arrive on the 20th, and we'd stay through christmas day, leaving the day after",
     Stay(date(2026, 12, 20), date(2026, 12, 26))),
])
def test_weeks_on_from_a_day_and_a_last_night_said_by_the_day_after(said: str, stay: Stay) -> None:
    assert extract.parse_stay(said, date(2026, 12, 1)) == stay


def test_an_occasion_is_no_name() -> None:
    assert extract.parse_name("just the one night, we have to get back for Thanksgiving") is None


@pytest.mark.parametrize("said", ["lovely, I don't need anything more, ta-ra then", "nope, ta-ra"])
def test_more_ways_to_say_goodbye(said: str) -> None:
    assert extract.is_goodbye(said)


def test_a_saying_about_an_animal_asks_nothing_about_pets() -> None:
    assert extract.parse_topic("you've been the bee's knees, and the cat's whiskers too") is None


@pytest.mark.parametrize(("said", "item", "topic"), [
    ("the kids spilt juice on the bed in 311, can it be stripped, fresh sheets please", "cleaning", None),
    ("we're driving by car from Sylhet, where does it go overnight?", None, "parking"),
    ("by what time do we need to check out?", None, "check_out_time"),
    ("I can't recall when we're due to leave on our trip in March", None, None),
])
def test_more_requests_and_their_own_days(said: str, item: str | None, topic: str | None) -> None:
    assert (extract.parse_item(said), extract.parse_topic(said)) == (item, topic)


@pytest.mark.parametrize(("said", "today", "stay"), [
    # days that move: by Easter, by the nth weekday of a month, by the clocks
    ("arriving on Shrove Tuesday, 3 nights", date(2027, 1, 5), Stay(date(2027, 2, 9), None, 3)),
    ("Thanksgiving to the Sunday after", date(2026, 10, 1), Stay(date(2026, 11, 26), date(2026, 11, 29))),
    ("in on the August bank holiday for 2 nights", date(2027, 6, 1), Stay(date(2027, 8, 30), None, 2)),
    ("the weekend when the clocks went forward", date(2027, 3, 1), Stay(date(2027, 3, 26), date(2027, 3, 28))),
    ("a room from Saint Andrew's Day till the 3rd", date(2027, 11, 2), Stay(date(2027, 11, 30), date(2027, 12, 3))),
    ("coming St. George's Day, just the 1 night", date(2027, 1, 5), Stay(date(2027, 4, 23), None, 1)),
    # "<weekday> next" is next <weekday>; "<weekday> week" said on that weekday is a week today
    ("from tuesday next, out on the friday", date(2027, 6, 1), Stay(date(2027, 6, 8), date(2027, 6, 11))),
    ("thursday week for four nights", date(2027, 6, 3), Stay(date(2027, 6, 10), None, 4)),
    ("thursday week for four nights", date(2027, 6, 1), Stay(date(2027, 6, 10), None, 4)),
    # the same date said again after other words is one day, not a stay that ends where it starts
    ("wednesday week we'd get in, so the 9th of june, leaving saturday", date(2027, 6, 1),
     Stay(date(2027, 6, 9), date(2027, 6, 12))),
])
def test_more_days_said_by_name_and_the_same_day_said_twice(said: str, today: date, stay: Stay) -> None:
    assert extract.parse_stay(said, today) == stay


def test_a_holiday_falls_on_its_day_in_any_year() -> None:
    assert extract.holiday_in("mothering sunday", 2028) == date(2028, 3, 26)
    assert extract.holiday_in("spring bank holiday", 2026) == date(2026, 5, 25)
    assert extract.holiday_in("st davids day", 2027) == date(2027, 3, 1)
    assert extract.holiday_in("a wet tuesday", 2027) is None


def test_a_holiday_said_is_no_name_but_a_name_it_shares_is() -> None:
    assert extract.parse_name("we arrive the eve, it's Burns Night, and leave the 27th") is None
    assert extract.parse_name("it's Guy Harrow", asked=True) == "Guy Harrow"


@pytest.mark.parametrize("said", ["Spot on, thanks.", "Just the ticket!", "Bang on, yes.", "Lovely."])
def test_idioms_that_agree(said: str) -> None:
    assert extract.yes_or_no(said) == "yes"


@pytest.mark.parametrize(("said", "when"), [
    ("my seminar runs till eleven, so could we stay till 3?", time(15, 0)),
    ("the coach isn't until 6 but may we hold onto 215 till 2?", time(14, 0)),
])
def test_the_hour_of_another_event_is_not_the_hour_asked_for(said: str, when: time) -> None:
    assert extract.parse_time(said) == when


def test_the_keys_asked_for_early_ask_the_check_in_hour() -> None:
    assert extract.parse_topic("what's the earliest I could pick up my key on the day we arrive?") == "check_in_time"


@pytest.mark.parametrize(("said", "today", "stay"), [
    # the departure said first, then a bare arrival day: the one before it
    ("we'd be checking out on the 20th of next month and in on the 17th", date(2027, 8, 2),
     Stay(date(2027, 9, 17), date(2027, 9, 20))),
    ("booking from today, away early on Canada Day", date(2027, 6, 28), Stay(date(2027, 6, 28), date(2027, 7, 1))),
    ("arriving Labor Day, 2 nights", date(2027, 8, 2), Stay(date(2027, 9, 6), None, 2)),
    ("the third weekend of august", date(2027, 6, 1), Stay(date(2027, 8, 20), date(2027, 8, 22))),
    # the booking named by a weekend is no new day; "the monday, not the tuesday" leaves the tuesday out
    ("the stay we have for the last weekend in july: bring the arrival to the sunday, the 25th, not the saturday",
     date(2027, 6, 1), Stay(date(2027, 7, 25))),
    ("we'll check out on the 9th, the thursday, not the friday", date(2027, 9, 1), Stay(None, date(2027, 9, 9))),
])
def test_a_departure_said_first_and_bookings_named_by_their_weekend(said: str, today: date, stay: Stay) -> None:
    assert extract.parse_stay(said, today) == stay


def test_a_mess_called_by_an_animal_s_meal_asks_for_no_meal() -> None:
    assert extract.parse_topic("the place looks like a dog's dinner after the party, could it get a clean?") is None


@pytest.mark.parametrize("said", ["Thanks a million, slán abhaile.", "Cheers mate, hooroo!",
                                  "That was all, Allah hafez."])
def test_goodbyes_from_other_places(said: str) -> None:
    assert extract.is_goodbye(said)


@pytest.mark.parametrize(("said", "today", "stay"), [
    # a bare arrival day said after a departure early in the next month: the month before
    ("checking out the 1st of june, checking in the 29th", date(2030, 5, 2), Stay(date(2030, 5, 29), date(2030, 6, 1))),
    # the departure said after its own day, then "the <weekday> before"
    ("on the 3rd, sunday, we head home; arriving the friday before", date(2030, 3, 1),
     Stay(date(2030, 3, 1), date(2030, 3, 3))),
    ("the 14th of may we go home, coming in the tuesday before it", date(2030, 5, 1),
     Stay(date(2030, 5, 7), date(2030, 5, 14))),
    # an arrival named by something we cannot compute, then its day
    ("we leave on the 5th of july; check in on Rath Yatra, the 2nd", date(2030, 6, 1),
     Stay(date(2030, 7, 2), date(2030, 7, 5))),
    # the weekday said first is not the one meant
    ("arriving saturday; not that saturday, a week later, the 9th, leaving the 11th", date(2030, 3, 1),
     Stay(date(2030, 3, 9), date(2030, 3, 11))),
    # a day named as the nth weekday of a month
    ("from the second tuesday of june, 3 nights", date(2030, 5, 1), Stay(date(2030, 6, 11), None, 3)),
    ("could you prepone my stay by 2 days, check-out remains the 20th", date(2030, 3, 1),
     Stay(None, date(2030, 3, 20))),
])
def test_departures_first_days_put_right_and_nth_weekdays(said: str, today: date, stay: Stay) -> None:
    assert extract.parse_stay(said, today) == stay


def test_prepone_moves_a_booking_earlier() -> None:
    assert extract.parse_shift("could you prepone the reservation by a day") == ("arrival", -1)


@pytest.mark.parametrize(("said", "guests"), [
    ("we're 6: 4 grown-ups, 2 kids", 6),
    ("there will be 5, 3 adults, 2 children", 5),
    ("3 adults, 1 child", 4),
])
def test_a_party_said_outright_then_who_they_are(said: str, guests: int) -> None:
    assert extract.parse_guests(said) == guests


@pytest.mark.parametrize("said", ["could someone bring a garment steamer to 412?",
                                  "please send up a bottle opener to room 207"])
def test_things_sent_to_a_room_we_have_no_word_for_are_amenities(said: str) -> None:
    assert extract.parse_item(said) == "amenities"


def test_a_tradesman_sent_to_a_room_is_no_amenity() -> None:
    assert extract.parse_item("please send an electrician to room 207") is None


def test_asking_when_they_leave_after_saying_they_booked_asks_their_day() -> None:
    assert extract.asks_their_day("we reserved a room for the spring fair, no confirmation to hand. when do we leave?")
    assert not extract.asks_their_day("what time do we need to check out by?")


@pytest.mark.parametrize("said", ["could you patch me through to someone in charge?",
                                  "pass me on to your boss, please"])
def test_persons_asked_for_in_other_words(said: str) -> None:
    assert extract.wants_person(said)


@pytest.mark.parametrize("said", ["Lovely, thanks a lot for your help.", "Diolch, hwyl!"])
def test_more_goodbyes(said: str) -> None:
    assert extract.is_goodbye(said)


@pytest.mark.parametrize(("said", "today", "stay"), [
    # a holiday's name next to the day said: the day said wins, whichever country's holiday it is
    ("arriving the 2nd of may, our independence day, out the 4th", date(2030, 4, 1),
     Stay(date(2030, 5, 2), date(2030, 5, 4))),
    ("from today, independence day, for 2 nights", date(2030, 7, 4), Stay(date(2030, 7, 4), None, 2)),
    ("christmas, the 25th, for 2 nights", date(2030, 11, 1), Stay(date(2030, 12, 25), None, 2)),
    # a past stay's holiday is no day of this one
    ("we came for the easter weekend last year; this time the 9th to the 11th", date(2030, 6, 1),
     Stay(date(2030, 6, 9), date(2030, 6, 11))),
    # two days said as arrival and departure, joined by "and"
    ("arrival and departure: the 9th and the 12th of july respectively", date(2030, 6, 1),
     Stay(date(2030, 7, 9), date(2030, 7, 12))),
    # a bare day before a month with no such day
    ("in on the 31st for 3 nights, so out on sunday, the 3rd", date(2030, 9, 20),
     Stay(date(2030, 10, 31), date(2030, 11, 3))),
    ("from the 31st for 2 nights, out on the thursday, the 2nd", date(2030, 12, 20),
     Stay(date(2030, 12, 31), date(2031, 1, 2))),
    # a name we do not know between a day and its weekday restates it
    ("the 5th, fete day, the friday, until the 7th", date(2030, 7, 1), Stay(date(2030, 7, 5), date(2030, 7, 7))),
    # nights and a departure: the arrival those nights before
    ("make it 3 nights, so we check out on the 14th", date(2030, 7, 1), Stay(date(2030, 7, 11), date(2030, 7, 14))),
    # the departure named, then what it is to be
    ("the check-out day, could you please change it to the 20th", date(2030, 7, 1), Stay(None, date(2030, 7, 20))),
])
def test_days_named_twice_past_stays_and_departures_said_other_ways(said: str, today: date, stay: Stay) -> None:
    assert extract.parse_stay(said, today) == stay


def test_a_weekday_to_leave_on_is_the_one_after_the_arrival_of_the_booking_changed() -> None:
    assert extract.parse_stay("fine, up to the tuesday", date(2030, 7, 1), near=date(2030, 7, 10)) \
        == Stay(None, date(2030, 7, 16))


def test_other_countries_calendars_for_the_same_name() -> None:
    assert date(2030, 10, 14) in extract.holiday_dates("thanksgiving", 2030)
    assert extract.holiday_dates("thanksgiving", 2030)[0] == date(2030, 11, 28)


@pytest.mark.parametrize(("said", "guests"), [("there are 3 of us, ok? we are 3.", 3),
                                             ("we are 2. arriving friday", 2)])
def test_a_party_said_outright_at_a_sentence_end(said: str, guests: int) -> None:
    assert extract.parse_guests(said) == guests


@pytest.mark.parametrize("said", ["I'd like to come for Diwali next month", "a room for Founders Day please",
                                  "booking for Heroes Day weekend"])
def test_occasions_after_for_are_no_names(said: str) -> None:
    assert extract.parse_name(said) is None


def test_a_surname_like_an_occasion_is_still_a_name_when_given_as_one() -> None:
    assert extract.parse_name("my name is Priya Day") == "Priya Day"
    assert extract.parse_name("a room for Tomas Lindqvist please") == "Tomas Lindqvist"


def test_sweet_said_as_fine_names_no_suite() -> None:
    types = [extract.RoomTypeName("DLX", "Deluxe King", 2), extract.RoomTypeName("STE", "Suite King", 3)]
    assert extract.parse_room_type("the king one, sweet as", types) == "DLX"
    assert extract.parse_room_type("the deluxe, sweet", types) == "DLX"
    assert extract.parse_room_type("a sweet, please", types) == "STE"


@pytest.mark.parametrize(("said", "topic"), [("what hour do we give back the keys on the last morning?",
                                              "check_out_time"),
                                             ("is there a car park for our ute?", "parking"),
                                             ("where could I leave the camper overnight?", "parking")])
def test_hotel_questions_in_other_words(said: str, topic: str) -> None:
    assert extract.parse_topic(said) == topic


def test_more_persons_and_goodbyes() -> None:
    assert extract.wants_person("could you hook me up with your banquets team?")
    assert extract.is_goodbye("Much appreciate your kind help, that'd be all.")
    assert extract.parse_item("can you send 2 bottles of drinking water up to 318?") == "amenities"


def test_that_weekday_restates_the_date_and_more_parties() -> None:
    assert extract.parse_stay("in on the 9th of may, that friday, out on the 11th", date(2031, 4, 1)) \
        == Stay(date(2031, 5, 9), date(2031, 5, 11))
    assert extract.parse_guests("only little old me, thanks") == 1
    assert extract.parse_guests("3 of us: me, the missus and a wee bairn") == 3
    assert extract.parse_guests("me and the wife with our 2 bairns") == 4


def test_more_housekeeping_words_and_goodbyes() -> None:
    assert extract.parse_item("could the room be done? we're short of loo roll") == "amenities"
    assert extract.parse_item("can someone sweep the floor in 404") == "cleaning"
    assert extract.is_goodbye("right, I reckon that'll do me, cheers")
    assert extract.parse_name("we're flying in for Fat Tuesday") is None


def test_a_rank_is_no_day_and_a_weekday_after_a_later_date_follows_it() -> None:
    assert extract.days_said("yes, top marks, first class, go on", TODAY) == []
    assert extract.days_said("it's our first trip abroad, so the 3rd please", TODAY) == [date(2026, 12, 3)]
    # Today is Monday the 30th; "the friday" after Saturday the 12th is the 18th, not the 4th.
    assert extract.parse_stay("in on saturday the 12th, home again the friday", TODAY) \
        == Stay(date(2026, 12, 12), date(2026, 12, 18))


def test_a_booking_named_by_its_day_and_weekday_leaves_the_new_days() -> None:
    arrival = date(2026, 12, 18)  # a Friday
    said = "my reservation for the 18th, the friday: we now arrive saturday the 19th, out sunday as booked"
    assert extract.parse_stay(said, TODAY, near=arrival) == Stay(date(2026, 12, 19), date(2026, 12, 20))
    said = "we've a reservation from the 18th, but we'd come a day early, on the 17th, and leave as booked, on the 20th"
    assert extract.parse_stay(said, TODAY, near=arrival) == Stay(date(2026, 12, 17), date(2026, 12, 20))


def test_more_named_days_and_both_nights_of_a_long_weekend() -> None:
    assert extract.holiday_in("remembrance sunday", 2027) == date(2027, 11, 14)
    assert extract.holiday_in("armistice day", 2027) == date(2027, 11, 11)
    assert extract.holiday_in("notting hill carnival", 2027) == date(2027, 8, 29)  # the bank holiday is the 30th
    assert date(2027, 2, 8) in extract.holiday_dates("carnival", 2027)  # Trinidad's Carnival Monday
    summer = date(2027, 8, 1)
    assert extract.parse_stay("a double for the saturday and the bank holiday monday of carnival", summer).nights \
        is None
    assert extract.parse_stay("we want the friday and the saturday, 2 of us", TODAY) \
        == Stay(date(2026, 12, 4), date(2026, 12, 6))


def test_pets_by_breed_the_phone_before_a_dog_and_the_hour_to_keep_the_room() -> None:
    assert extract.parse_topic("would a small terrier be allowed in the room?") == "pets"
    assert extract.parse_topic("my dog has run off, what's your phone number?") == "phone"
    assert extract.parse_topic("can't find the dog and bone, what's the landline number") == "phone"
    assert extract.parse_topic("until what time may we keep the room on our final day?") == "check_out_time"
    assert extract.parse_guests("my brother cannot come, so now we 4.") == 4


def test_farewells_in_other_words() -> None:
    for said in ("lovely stuff, ta very much for the help", "all good then, see ya", "nice one, sharp sharp"):
        assert extract.says_farewell(said), said
    assert not extract.says_farewell("thanks, that's all")


def test_a_count_of_nights_put_right_is_the_one_meant() -> None:
    assert extract.parse_stay("from tomorrow for 3 nights, sorry, no, for 6 nights", TODAY) \
        == Stay(date(2026, 12, 1), None, 6)
    assert extract.parse_stay("on the 9th for four nights, no wait, just three please", TODAY) \
        == Stay(date(2026, 12, 9), None, 3)
    assert extract.parse_stay("the 9th for 2 nights, no, 3 of us", TODAY) == Stay(date(2026, 12, 9), None, 2)


def test_a_day_being_replaced_a_past_holiday_and_an_extension_are_no_days_of_the_stay() -> None:
    arrival = date(2026, 12, 10)
    said = "my reservation for the 10th: please extend it a day, we go home on the 13th rather than the 12th"
    assert extract.parse_stay(said, TODAY, near=arrival) == Stay(None, date(2026, 12, 13))
    said = "we loved it here last new year's eve; this time in on boxing day and out on the 28th"
    assert extract.parse_stay(said, TODAY) == Stay(date(2026, 12, 26), date(2026, 12, 28))
    said = "our booking for monday the 14th: we arrive on the 15th now, out the same, on the 16th"
    assert extract.parse_stay(said, TODAY, near=date(2026, 12, 14)) == Stay(date(2026, 12, 15), date(2026, 12, 16))


def test_more_hotel_words() -> None:
    assert extract.parse_topic("what time may we enter our room on arrival?") == "check_in_time"
    assert extract.parse_topic("is the morning meal included?") == "breakfast"
    assert extract.parse_item("please come and do 512, the place is a tip") == "cleaning"
    assert extract.says_farewell("thanks so much, you can hang up now")


def test_a_caller_called_pet_asks_about_no_animal() -> None:
    assert extract.parse_topic("Thanks, pet, that's grand.") is None
    assert extract.parse_topic("could you send someone up to 118, pet?") is None
    assert extract.parse_topic("Can we bring our pet?") == "pets"
    assert extract.parse_topic("is my old rottweiler welcome there?") == "pets"
    assert extract.parse_topic("would a german shepherd be allowed in the room?") == "pets"
    assert extract.parse_topic("is there shepherd's pie at breakfast?") == "breakfast"


def test_put_through_to_any_desk_of_the_hotel_is_a_person_asked_for() -> None:
    assert extract.wants_person("could you put me through to the spa?")
    assert extract.wants_person("can you transfer us to room service")
    assert not extract.wants_person("how do I connect to the internet")


def test_a_name_held_back_or_a_pronoun_is_no_name() -> None:
    assert extract.parse_name("we'd prefer not to give it", asked=True) is None
    assert extract.parse_name("Rather not say, sorry", asked=True) is None
    assert extract.parse_name("a room for me, I'm driving up from the coast") is None


def test_a_range_between_two_days_the_departure_put_right_and_a_kept_departure_after_instead() -> None:
    assert extract.parse_stay("somewhere between the 3rd and 5th of January", TODAY) \
        == Stay(date(2027, 1, 3), date(2027, 1, 5))
    assert extract.parse_stay("the departure date is wrong, the right one is the 14th", TODAY) \
        == Stay(None, date(2026, 12, 14))
    assert extract.parse_stay("we'd arrive on the 9th instead, and leave on the same date as planned, the 12th",
                              TODAY) == Stay(date(2026, 12, 9), date(2026, 12, 12))


def test_all_sorted_is_a_farewell() -> None:
    assert extract.says_farewell("We're all sorted now, cheers!")
    assert not extract.says_farewell("we're all here for the wedding")


def test_a_price_asked_in_idiom() -> None:
    for said in ("what's the damage for two nights?", "what would that set us back", "how much is it",
                 "what does it come to for the weekend?"):
        assert extract.PRICE_ASKED.search(extract.normalise(said)), said
    assert not extract.PRICE_ASKED.search(extract.normalise("there's some damage to the door"))
