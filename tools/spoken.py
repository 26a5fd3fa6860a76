"""Dates, money and codes the way a receptionist says them (text for TTS, no digits soup)."""

from __future__ import annotations

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


def say_time(moment: time) -> str:
    if moment.hour == 12 and moment.minute == 0:
        return "noon"
    hour = moment.hour % 12 or 12
    suffix = "a.m." if moment.hour < 12 else "p.m."
    minutes = f":{moment.minute:02d}" if moment.minute else ""
    return f"{hour}{minutes} {suffix}"


def say_count(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"
