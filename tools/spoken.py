"""Dates, money and codes the way a receptionist says them (text for TTS, no digits soup)."""

from __future__ import annotations

import re
from datetime import date, time
from decimal import ROUND_HALF_UP, Decimal

_CURRENCY_WORDS = {"BDT": "taka", "USD": "dollars", "EUR": "euros", "GBP": "pounds", "INR": "rupees"}


def ordinal(day: int) -> str:
    suffix = "th" if 11 <= day % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


def say_date(day: date, *, today: date | None = None) -> str:
    """'Thursday, December 3rd' (and 'today' / 'tomorrow' when that is clearer)."""
    if today is not None:
        if day == today:
            return "today"
        if (day - today).days == 1:
            return "tomorrow"
    label = f"{day:%A}, {day:%B} {ordinal(day.day)}"
    if today is not None and day.year != today.year:
        label += f", {day.year}"
    return label


def say_on_date(day: date, *, today: date | None = None) -> str:
    """'on Thursday, December 3rd', but 'today' and 'tomorrow' alone."""
    said = say_date(day, today=today)
    return said if said in ("today", "tomorrow") else f"on {said}"


def say_stay(check_in: date, check_out: date, *, today: date | None = None) -> str:
    nights = (check_out - check_in).days
    return (
        f"from {say_date(check_in, today=today)} to {say_date(check_out, today=today)}, "
        f"{nights} night{'s' if nights != 1 else ''}"
    )


def say_money(amount: Decimal, currency: str) -> str:
    """'12,650 taka'; cents only when there are any ('12,650.50 dollars')."""
    word = _CURRENCY_WORDS.get(currency.strip().upper(), currency)
    whole = amount.quantize(Decimal(1), rounding=ROUND_HALF_UP)
    if whole == amount:
        return f"{whole:,} {word}"
    return f"{amount:,.2f} {word}"


def say_code(code: str) -> str:
    """Confirmation codes letter by letter: 'K 7 F 2 Q 9'."""
    return " ".join(ch for ch in code.upper() if ch.isalnum())


_SPELLING_AID = re.compile(r"\b([A-Za-z])\s+as in\s+[A-Za-z]+\b")
_DOUBLED = re.compile(r"\bdouble[ -]([A-Za-z0-9])\b", re.I)


# Words a caller puts between the halves of a code, which goes on after them ("P 4 K, then 7 R 2")
_READ_ON = re.compile(r"\b([A-Za-z0-9])[\s,.;-]+(?:and then|then|and|dash|hyphen|space|followed by|next|um|uh|er|erm)"
                      r"[\s,.;:-]+(?=[A-Za-z0-9]\b)", re.I)


def read_spelling(text: str) -> str:
    """A code as spelled out to be understood: "K as in kilo" is K, "double 4" is 4 4, "K 7 F, then 2 Q 9" is
    one code."""
    return _READ_ON.sub(r"\1 ", _DOUBLED.sub(r"\1 \1", _SPELLING_AID.sub(r"\1", text)))


def say_time(moment: time) -> str:
    if moment.hour == 12 and moment.minute == 0:
        return "noon"
    hour = moment.hour % 12 or 12
    suffix = "a.m." if moment.hour < 12 else "p.m."
    minutes = f":{moment.minute:02d}" if moment.minute else ""
    return f"{hour}{minutes} {suffix}"


# What a tool's JSON schema accepts (and a grammar can be built from); ``parse_time_said`` reads it.
TIME_SAID_PATTERN = r"^(noon|midday|[0-9]{1,2}(:[0-5][0-9])?( ?[aApP][.]?[mM][.]?)?)$"  # no "\.": GBNF lacks it
_TIME_SAID = re.compile(r"^\s*(?:(noon|midday)|(\d{1,2})(?:[:.](\d{2}))?\s*([ap])?\.?\s*m?\.?)\s*$", re.I)


def parse_time_said(text: str, *, bare_hours_after_noon: int = 7) -> time:
    """A clock time as people say it: '2 pm', '2:30 p.m.', '14:00', 'noon'.

    A bare hour below ``bare_hours_after_noon`` ("until 2") is taken as the afternoon, which is
    what it means for a check-out; raises ``ValueError`` for anything else.
    """
    matched = _TIME_SAID.match(text)
    if not matched:
        raise ValueError(f"not a time: {text!r}")
    noon, hour_text, minute_text, half = matched.groups()
    if noon:
        return time(12, 0)
    hour, minute = int(hour_text), int(minute_text or 0)
    if half:
        if not 1 <= hour <= 12:
            raise ValueError(f"not a time: {text!r}")
        hour = hour % 12 + (12 if half.lower() == "p" else 0)
    elif hour < bare_hours_after_noon and not hour_text.startswith("0"):  # "02:00" is 24-hour
        hour += 12
    if hour > 23 or minute > 59:
        raise ValueError(f"not a time: {text!r}")
    return time(hour, minute)


def say_count(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"
