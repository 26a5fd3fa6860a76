"""The spoken forms of errors, dates, money and codes."""

from __future__ import annotations

import re
from datetime import date, time
from decimal import Decimal

import pytest

from backoffice import errors
from tools.context import CallState
from tools.registry import ToolResult
from tools.speech import UNEXPECTED, sentence_for
from tools.spoken import (
    TIME_SAID_PATTERN,
    ordinal,
    parse_time_said,
    read_spelling,
    say_code,
    say_date,
    say_money,
    say_on_date,
    say_stay,
    say_time,
)


class HoldExpired(errors.InvalidTransition):
    """A back-office error class the speech table has never heard of."""


def test_each_error_class_has_a_sentence_and_subclasses_inherit_the_nearest() -> None:
    assert "fully booked" in sentence_for(errors.NoAvailability("none"))
    assert sentence_for(HoldExpired("gone")) == sentence_for(errors.InvalidTransition("x"))
    assert "front desk" in sentence_for(errors.Forbidden("no"))
    assert sentence_for(ValueError("boom")) == UNEXPECTED  # internal details are never read out


def test_validation_sentences_depend_on_the_field() -> None:
    assert "after the check-in" in sentence_for(errors.ValidationFailed("x", field="check_out"))
    assert "at most 2" in sentence_for(errors.ValidationFailed("x", field="guests", max_occupancy=2))
    assert "digit by digit" in sentence_for(errors.ValidationFailed("x", field="phone"))


def test_dates_money_codes_and_times_are_said_the_way_people_say_them() -> None:
    today = date(2026, 12, 1)
    assert [ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 23)] == [
        "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "23rd"]
    assert say_date(date(2026, 12, 3)) == "Thursday, December 3rd"
    assert say_date(today, today=today) == "today" and say_date(date(2026, 12, 2), today=today) == "tomorrow"
    assert say_date(date(2027, 1, 5), today=today) == "Tuesday, January 5th, 2027"
    assert say_stay(date(2026, 12, 4), date(2026, 12, 5)).endswith("1 night")
    assert say_money(Decimal("12650.00"), "BDT") == "12,650 taka"
    assert say_money(Decimal("99.50"), "USD") == "99.50 dollars"
    assert say_code("k7f-2q9") == "K 7 F 2 Q 9"
    assert (say_time(time(14, 0)), say_time(time(12, 0)), say_time(time(9, 30))) == ("2 p.m.", "noon", "9:30 a.m.")


@pytest.mark.parametrize(("said", "clock"), [
    ("2 pm", time(14, 0)), ("2:30 p.m.", time(14, 30)), ("1PM", time(13, 0)), ("11 am", time(11, 0)),
    ("14:00", time(14, 0)), ("noon", time(12, 0)), ("12 pm", time(12, 0)), ("12 am", time(0, 0)),
    ("2", time(14, 0)),  # "until 2" on a check-out means the afternoon
    ("02:00", time(2, 0)),
])
def test_times_are_read_the_way_people_say_them(said: str, clock: time) -> None:
    assert parse_time_said(said) == clock
    assert re.match(TIME_SAID_PATTERN, said)  # what the tool schema (and so the grammar) lets through


@pytest.mark.parametrize("said", ["13 pm", "25:00", "half past two", "2:75"])
def test_impossible_times_are_refused(said: str) -> None:
    with pytest.raises(ValueError):
        parse_time_said(said)


@pytest.mark.parametrize(("speech", "statement", "question"), [
    ("A Deluxe King for 2 guests comes to 9,000 taka including tax. Would you like me to book it?",
     "A Deluxe King for 2 guests comes to 9,000 taka including tax.", "Would you like me to book it?"),
    ("Shall I cancel your booking for Friday?", "", "Shall I cancel your booking for Friday?"),
    ("Check-in is from 2 p.m. onwards.", "Check-in is from 2 p.m. onwards.", ""),
    ("Is it 2 p.m.? Yes. It is.", "Is it 2 p.m.? Yes. It is.", ""),  # a question inside is not the end
])
def test_a_tool_line_splits_into_its_statement_and_the_question_it_ends_on(speech: str, statement: str,
                                                                            question: str) -> None:
    result = ToolResult(True, speech)
    assert (result.statement, result.question) == (statement, question)


def test_a_code_spelled_with_aids_counts_as_said_and_a_double_room_stays_a_room() -> None:
    assert read_spelling("V as in victor, double 3") == "V, 3 3"
    assert read_spelling("a double room, as in the last stay") == "a double room, as in the last stay"
    assert CallState(caller_said=["it's V as in victor, N, double 3, K as in kilo, 8"]).caller_said_code("VN33K8")
    assert not CallState(caller_said=["it's V N 3 K 8"]).caller_said_code("VN33K8")


def test_a_past_date_and_an_overlong_stay_are_said_in_the_caller_s_words() -> None:
    past = errors.ValidationFailed("check_in 2026-01-02 is before today (2026-01-05) at the hotel", field="check_in",
                                   rule="past")
    assert sentence_for(past) == "That date has already passed at the hotel. Which dates would you like instead?"
    long = errors.ValidationFailed("a stay can be at most 30 nights", field="check_out", rule="too_long",
                                   max_nights=30)
    assert "at most 30 nights" in sentence_for(long) and "check_out" not in sentence_for(long)


def test_a_day_is_said_with_on_except_today_and_tomorrow() -> None:
    today = date(2026, 12, 1)
    assert say_on_date(date(2026, 12, 2), today=today) == "tomorrow"
    assert say_on_date(date(2026, 12, 3), today=today) == "on Thursday, December 3rd"
