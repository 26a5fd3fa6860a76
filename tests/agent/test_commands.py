"""Reading a turn's label from plain words (``agent.dialogue.commands``): the rules and the overrules, no model."""

from __future__ import annotations

import pytest

from agent.dialogue import commands
from agent.dialogue.commands import Label


@pytest.mark.parametrize(("said", "label"), [
    ("do I have a booking with you at all?", "find"),
    ("can you check if we still have a reservation next month", "find"),
    ("remind me which dates my stay is for", "find"),
    ("remind me which date my pay is before", "find"),  # the same words, misheard
    ("when is my reservation?", "find"),
    ("we won't be able to make it, please call it off", "cancel"),
    ("something came up and I can't make it", "cancel"),
    ("what's my check-in date?", "find"),
    ("I'd like to go over my booking details", "find"),
    ("what day do I leave again?", "find"),
    ("is breakfast included, and how much is it?", "fact"),
    ("would it be ok to stay in the room till 1 pm?", "late_checkout"),
    ("the ferry is not till evening, can we have the room until 3 on sunday?", "late_checkout"),
    ("could we extend check-out to 3", "late_checkout"),
    ("how do I find you? the cab driver wants your address", "fact"),
    ("we've two bookings here, the valentine one has to go, the other can stay", "cancel"),
    ("room 204 needs hoovering and the bedding changed", "housekeeping"),
    ("any chance of a hair dryer sent up to 305?", "housekeeping"),
    ("we fly late, would a 4 pm check-out be alright on monday?", "late_checkout"),
    ("can we hang onto the room, I mean keep the room into the evening on sunday?", "late_checkout"),
    ("please could our departure on friday be moved back to 1?", "late_checkout"),
    ("wine went all over, can the sheets get changed in 112?", "housekeeping"),
    ("204 here, might our checkout on sunday be at 2 rather than 12?", "late_checkout"),
    ("could we leave at 3 instead of 12 tomorrow?", "late_checkout"),
    ("we're in 210, would twenty past one be fine for checking out tomorrow?", "late_checkout"),
    ("after the wedding, might two o'clock tomorrow be alright to leave the room?", "late_checkout"),
    ("is a cot possible in 415 tonight?", "housekeeping"),
    ("is there a booking for me next month? I can't recall if we settled on the 8th", "find"),
])
def test_a_request_named_in_plain_words_needs_no_model(said: str, label: Label) -> None:
    command = commands.rule_command(said, "help", answers=False)
    assert command is not None and command.label == label


def test_a_date_they_cannot_make_with_a_move_asked_for_is_no_cancel() -> None:
    assert commands.rule_command("I can't make it on the 3rd, could we move it to the 5th?", "help",
                                 answers=False) is None
    assert commands.reconcile("change", "we can't make it on the 3rd, could we move it to the 5th?") == "change"


def test_a_cancel_said_when_asked_what_to_change_is_a_cancel() -> None:
    command = commands.rule_command("no, just cancel it please", "what_change", answers=False)
    assert command is not None and command.label == "cancel"


@pytest.mark.parametrize(("model", "said", "label"), [
    # A new stay's dates or price, and nothing about a booking they have: a booking, whatever the model said.
    ("change", "I want to arrive on the 3rd and stay for two nights", "book"),
    ("find", "how much is a suite for two nights from the 9th?", "book"),
    ("change", "I need to move my booking to the 3rd", "change"),
    ("change", "could you push the arrival back to the 9th", "change"),
    # "my reservation" without a change is a question about it.
    ("book", "can you tell me about my reservation", "find"),
    ("book", "can I add a night to my reservation", "change"),
    ("book", "three of us on my booking now, please", "change"),
    # The model's "person" with no person asked for and a hotel question: the fact.
    ("human", "are pets welcome? I have a small dog", "fact"),
    ("human", "this is ridiculous, nothing works", "human"),
    ("other", "alright, catch you later", "goodbye"),
    ("book", "is it possible to check in a day later?", "change"),
    ("find", "we'd like to push everything back two days", "change"),
    ("change", "could I check out a bit later on Sunday, say 1 pm?", "late_checkout"),
    ("late_checkout", "we need to go home one day earlier than booked", "change"),
    ("housekeeping", "do you have a garage, and what does it cost?", "fact"),
    ("other", "turns out we will not be needing the room", "cancel"),
    # Hanging up or handing over on the model's word alone needs words that say so.
    ("goodbye", "My plans changed so I would like to hold the whole thing", "other"),
    ("goodbye", "Alright, thank you so much", "goodbye"),
    ("human", "You are not the iron coping, the river November", "other"),
    ("human", "Can I talk to the manager about this", "human"),
    ("human", "This is unacceptable, the room was filthy", "human"),
    # A look-up or a change needs words about a booking they have; else the words are read as they stand.
    ("change", "you do have a car park, I hope? we're coming by car", "fact"),
    ("find", "could you find us somewhere to stay on the 2nd, one night", "book"),
    ("change", "which number do I ring to get the front office straight away?", "fact"),
    ("change", "about my confirmation, it's the wrong week, it should be from the 20th", "change"),
    ("find", "is my booking still on for the 8th?", "find"),
    ("fact", "might I push my check-out back a little on friday?", "late_checkout"),
    ("other", "so, we want to make a booking with you please", "book"),
    ("other", "could you make a dinner reservation at a restaurant nearby", "other"),
    ("change", "room 118, could the check-out on friday be at 3 instead of 12?", "late_checkout"),
    ("change", "could we check out on the 14th instead of the 12th?", "change"),
    ("find", "Thursday next week is my check-in date, two nights, four of us", "book"),
    ("book", "a cot for the baby in 308 please", "housekeeping"),
    ("goodbye", "Bye there, could I park a van with you for a night", "fact"),  # "hi there", misheard
])
def test_the_model_is_overruled_where_plain_words_contradict_it(model: Label, said: str, label: Label) -> None:
    assert commands.reconcile(model, said) == label


@pytest.mark.parametrize(("model", "said", "mid_task", "label"), [
    ("book", "what were the dates on my stay again", False, "find"),
    ("other", "I'd like to call the whole of the hall", False, "cancel"),  # "call the whole thing off", misheard
    ("book", "I'd like another room for my stay", False, "book"),
    ("answer", "no idea of the dates, I can't remember them", True, "find"),
    ("answer", "my stay is for two people", True, "answer"),  # mid-task, an answer stays an answer
])
def test_a_caller_with_a_booking_means_that_booking(model: Label, said: str, mid_task: bool, label: Label) -> None:
    assert commands.reconcile_mine(model, said, mid_task=mid_task, booking=True) == label


def test_a_task_is_named_outright_or_not() -> None:
    assert commands.names_task("cancel", "please cancel it")
    assert not commands.names_task("change", "make the reservation four nights")
    assert commands.names_task("book", "I'd like to book a room")


@pytest.mark.parametrize("said", ["Yes, that's all right, please go ahead.",
                                  "Yes that's all correct, go ahead and do it"])
def test_a_long_yes_to_the_read_back_confirms_and_never_hangs_up(said: str) -> None:
    command = commands.rule_command(said, "confirm", answers=False)
    assert command is not None and command.label == "yes"


@pytest.mark.parametrize(("said", "label"), [
    ("Could you put one more guest on my reservation?", "change"),
    ("My stay is on the 3rd but I'd rather come the 4th instead.", "change"),
    ("Please add my husband's colleague, one more person, to my booking.", "change"),
    ("On my booking, make it 3 nights please.", "change"),
    ("Can you push my reservation back a week?", "change"),
    ("Is my booking still on for next week?", "find"),
    ("What dates did I put my reservation under?", "find"),
    ("I'd like to book one more night in a suite next month.", "book"),
])
def test_without_the_model_a_booking_of_theirs_with_new_values_is_a_change(said: str, label: Label) -> None:
    assert commands.keyword_command(said, "help").label == label


def test_a_goodbye_that_carries_a_question_does_not_end_the_call() -> None:
    assert commands.rule_command("Bye there, is there anywhere to put my motorbike tonight", "help",
                                 answers=False) is None
    command = commands.rule_command("Bye now, thanks a lot", "more", answers=False)
    assert command is not None and command.label == "goodbye"


@pytest.mark.parametrize(("said", "label"), [
    ("any chance we could stay put in our room until 3 on the last day?", "late_checkout"),
    ("can I hang on to room 318 tomorrow till half one", "late_checkout"),
    ("when exactly will our booking in june begin?", "find"),
    ("nothing new to book, I only want to make sure we've got a reservation for the 9th", "find"),
])
def test_more_tasks_named_in_plain_words(said: str, label: Label) -> None:
    command = commands.rule_command(said, "help", answers=False)
    assert command is not None and command.label == label


@pytest.mark.parametrize(("model", "said", "label"), [
    # someone else not coming changes the guests; it cancels nothing
    ("cancel", "our reservation has 3 guests, that's wrong now, my brother can't make it, so 2", "change"),
    ("change", "I can't make it on the 4th after all, so please drop the booking", "cancel"),
    # a booking they already have, moved: no new stay
    ("book", "we have a suite booked for friday, could it be saturday instead, same two nights", "change"),
    ("book", "calling about my room next month, can it be four nights from the 2nd rather than three", "change"),
    # a whole new stay with the name it goes under
    ("find", "2 nights from the 8th, 2 adults, a deluxe, and the reservation's under Tamsin Oduya", "book"),
    ("book", "could I have room 212 for 2 nights", "book"),
])
def test_the_words_overrule_the_model_s_label(model: Label, said: str, label: Label) -> None:
    assert commands.reconcile(model, said) == label


@pytest.mark.parametrize(("model", "said", "label"), [
    ("change", "could 203 be ours till 2 on the day we go", "late_checkout"),
    ("book", "is it alright to stop in the room until four tomorrow", "late_checkout"),
    ("book", "could I book a table for 8 tonight at 7", "book"),  # no room of theirs kept: the rules leave it
    ("change", "could we change to a suite from the 3rd until the 5th", "change"),
    ("book", "can you bring an iron up at 3", "book"),
])
def test_a_guest_staying_with_us_asking_for_an_afternoon_hour_wants_to_leave_later(
        model: Label, said: str, label: Label) -> None:
    assert commands.reconcile_in_house(model, said) == label


@pytest.mark.parametrize("said", [
    "what date do we head home after new year? I deleted the confirmation email",
    "I'm not after booking anything else, just whether our reservation is for 2 nights",
    "which night do I arrive, I can't find my confirmation text",
])
def test_asking_their_own_days_looks_the_booking_up(said: str) -> None:
    command = commands.rule_command(said, "help", answers=False)
    assert command is not None and command.label == "find"


def test_a_new_stay_under_a_name_is_a_booking_whatever_the_model_said() -> None:
    said = "from the 8th, two nights, three adults, and the reservation's for Ilse Brandauer please"
    assert commands.reconcile("book", said) == "book"


def test_when_s_my_stay_looks_it_up() -> None:
    assert commands.reconcile("book", "when's our reservation again, I've lost track") == "find"


@pytest.mark.parametrize(("said", "claims"), [
    ("could you make it from the 9th, the reservation will be for 3 nights", False),
    ("can I get in on friday for 2 nights", False),
    ("could you move it to the 9th for 3 nights", True),
    ("I booked the 9th for 3 nights, is that right", True),
    ("our reservation is the 9th for 3 nights", True),
])
def test_claiming_a_booking_takes_words_that_say_so(said: str, claims: bool) -> None:
    assert commands.claims_a_booking(said) is claims


@pytest.mark.parametrize(("model", "said", "label"), [
    ("other", "about our anniversary weekend booking, could we leave on the 9th and not the 8th", "change"),
    ("fact", "my spring break reservation, we'd now arrive on the 3rd", "change"),
    ("other", "about my flight booking, can I leave on the 9th", "other"),  # not the hotel's
])
def test_new_days_for_a_booking_called_by_its_occasion_change_it(model: Label, said: str, label: Label) -> None:
    assert commands.reconcile(model, said) == label


@pytest.mark.parametrize("said", [
    "is our spring break reservation from the 3rd or the 4th?",
    "when do we check in to our room over easter?",
])
def test_asking_the_days_of_a_booking_called_by_its_occasion_looks_it_up(said: str) -> None:
    command = commands.rule_command(said, "help", answers=False)
    assert command is not None and command.label == "find"


def test_a_new_stay_asked_to_go_ahead_in_so_many_words_claims_no_booking() -> None:
    said = "a queen for 2 adults, in on the 4th and out on the 6th, go ahead and make the booking, it's under Oren Lisk"
    assert not commands.claims_a_booking(said)
    command = commands.rule_command(said, "help", answers=False)
    assert command is not None and command.label == "book"


@pytest.mark.parametrize("said", [
    "when our reservation next month begins, I can't say I remember",
    "did we reserve 1 night or 2 from the 9th?",
])
def test_asking_what_they_booked_looks_it_up(said: str) -> None:
    command = commands.rule_command(said, "help", answers=False)
    assert command is not None and command.label == "find"


def test_a_yes_that_ends_on_that_s_all_agrees_to_the_question() -> None:
    command = commands.rule_command("Yes, that's all, and what a relief it is to have it sorted", "confirm",
                                    answers=False)
    assert command is not None and command.label == "yes"
    command = commands.rule_command("No, that's all, bye", "confirm", answers=False)
    assert command is not None and command.label in ("no", "goodbye")


def test_an_arrival_and_a_departure_are_a_stay_whatever_the_model_said() -> None:
    said = "we'd get in on Thursday week, sorry not Wednesday, and check out the Saturday"
    assert commands.reconcile("other", said) == "book"
    assert commands.reconcile("fact", said) == "book"


def test_two_bookings_held_with_the_hotel_are_theirs() -> None:
    assert commands.claims_a_booking("we've got 2 reservations with you, and the May one needs a later start")


def test_the_room_kept_until_a_journey_is_no_journey_to_book() -> None:
    said = "our coach leaves at five, might we keep 318 till 3?"
    assert not commands.elsewhere(said)
    assert commands.rule_command("that's the ticket, yes", "confirm", answers=False) == commands.Command("yes", "rule")


def test_a_hotel_question_the_model_took_for_small_talk_is_a_fact() -> None:
    assert commands.reconcile("other", "oh and your reception's phone number, it's for an embassy form") == "fact"
    assert commands.reconcile("find", "what's the earliest I could pick up my key on the day we arrive?") == "fact"


def test_a_stay_asked_for_then_lengthened_in_the_same_breath_claims_no_booking() -> None:
    assert not commands.claims_a_booking("we'd love to arrive the 4th, oh and extend that by a night, out the 8th")
    assert commands.claims_a_booking("could you extend it by a night? we'd like to stay until the 8th")


@pytest.mark.parametrize("said", ["please scrap our reservation for the 9th", "could you scrub the stay I had in June",
                                  "I'd like to knock the booking on the head", "the one for Tuesday, I want rid of it",
                                  "could you ditch it, the booking for Friday", "drop the three nights from Monday",
                                  "please take our May visit off the system", "cross my Sunday stay off, please"])
def test_cancels_in_other_words(said: str) -> None:
    assert commands.reconcile("change", said) == "cancel"


@pytest.mark.parametrize("said", ["can you drop the price a little", "we'll drop the kids at the pool first"])
def test_dropping_other_things_cancels_nothing(said: str) -> None:
    assert commands.reconcile("other", said) != "cancel"


def test_a_head_count_is_no_person_asked_for_and_a_facility_s_price_no_room() -> None:
    assert commands.reconcile("human", "it will be only 2 people on our booking in June now") != "human"
    assert commands.reconcile("change", "is there parking, and what does it cost a night?") == "fact"
    assert commands.reconcile("book", "what's a deluxe room per night, and is there parking?") == "book"


@pytest.mark.parametrize("said", ["I must cry off the stay we have next week",
                                  "please void the booking under my number",
                                  "we'd like to withdraw our reservation, the wedding got postponed",
                                  "could you put a line through the Friday booking", "rescind my reservation please",
                                  "we have to back out of our booking for June"])
def test_cancels_said_outright_in_other_verbs(said: str) -> None:
    assert commands.reconcile("change", said) == "cancel"
    assert commands.rule_command(said, "help", answers=False) == commands.Command("cancel", "rule")


@pytest.mark.parametrize("said", ["I need to withdraw some cash nearby, is there an ATM?",
                                  "please don't void the booking, just move it a day"])
def test_withdrawing_other_things_cancels_nothing(said: str) -> None:
    assert commands.reconcile("other", said) != "cancel"


def test_a_facility_s_price_a_night_is_a_fact_before_any_booking_rule() -> None:
    assert commands.rule_command("do you have a garage, and what is it per night?", "help", answers=False) \
        == commands.Command("fact", "rule")
    assert commands.rule_command("how much is a room per night, and is there a garage?", "help", answers=False) \
        != commands.Command("fact", "rule")


def test_thanks_after_something_to_do_with_their_booking_hangs_up_on_nobody() -> None:
    assert commands.reconcile("goodbye", "we have to shelve our reservation for the 3rd. many thanks, that's all") \
        == "find"
    assert commands.reconcile("goodbye", "we must bin our reservation for the 3rd. thanks, bye") == "cancel"
    assert commands.reconcile("goodbye", "thanks, my booking is all sorted then, bye") == "goodbye"


def test_bookings_said_held_with_us_and_new_days_change_one() -> None:
    assert commands.reconcile("book", "we've got 2 reservations here; the later one, arrive the 9th for 3 nights") \
        == "change"
    assert commands.reconcile("book", "I have a booking with you in May; I want another room from the 3rd") == "book"


def test_forgotten_nights_of_their_booking_ask_to_look_it_up() -> None:
    said = "we've a reservation with you next month and I've totally forgotten which dates"
    assert commands.rule_command(said, "help", answers=False) == commands.Command("find", "rule")


def test_bed_sheets_changed_are_housekeeping_and_a_later_arrival_on_a_booking_is_a_change() -> None:
    assert commands.reconcile("change", "could somebody change the bed sheets today?") == "housekeeping"
    assert commands.reconcile("book", "we've got both reservations with you; the later one, arrive the 3rd") \
        == "change"


def test_a_first_turn_about_their_booking_ending_that_s_all_is_no_goodbye() -> None:
    said = "Morning, I booked a room in May and can't recall the dates. No, nothing more, that's all."
    assert commands.rule_command(said, "help", answers=False) != commands.Command("goodbye", "rule")


def test_a_long_thanks_and_goodbye_as_the_first_words_ends_the_call_but_not_one_naming_a_stay() -> None:
    farewell = "No, that's kind of you, you sorted it all last week. Send my regards to the team, bye bye."
    assert commands.rule_command(farewell, "help", answers=False) == commands.Command("goodbye", "rule")
    # A request in words no pattern knows, ending in a farewell: not hung up on by the rule.
    idiom = "Right, the room for the two nights from the 9th can go back to you, we're not coming. Thanks, bye."
    assert commands.rule_command(idiom, "help", answers=False) != commands.Command("goodbye", "rule")
    assert commands.rule_command("Cheers, that's all I wanted to say to you folks today, bye now", "help",
                                 answers=False) == commands.Command("goodbye", "rule")


def test_i_ve_a_booking_for_a_day_claims_one() -> None:
    assert commands.claims_a_booking("I've a booking for the 3rd but we'd like to come a day later")
    assert not commands.claims_a_booking("I'd like a booking for the 3rd, two nights")


def test_towels_after_a_match_are_a_hotel_request() -> None:
    said = "could we get fresh towels, the kids are back from their football game covered in mud"
    assert commands.rule_command(said, "help", answers=False) == commands.Command("housekeeping", "rule")


def test_whether_breakfast_comes_with_the_room_is_a_hotel_question() -> None:
    said = "the breakfast, does it come included with the room or do we pay extra?"
    assert commands.reconcile("book", said) == "fact"
    assert commands.reconcile("book", "a double room on the 3rd for 2 nights with breakfast included") == "book"
