"""The text of every follow-up: plain text, short enough for SMS, signed with the hotel's name.

Amounts are written the way a guest in Dhaka reads them: ``BDT 1,25,000`` (lakh grouping, no
paisa when there are none), and dates as ``Thu 3 Dec 2026``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, Final

# Currencies grouped in lakhs and crores (1,23,45,678) rather than thousands.
SOUTH_ASIAN_GROUPING: Final = frozenset({"BDT", "INR", "NPR", "PKR", "LKR"})
PROVIDERS: Final = {"bkash": "bKash", "nagad": "Nagad", "sslcommerz": "SSLCommerz"}


@dataclass(frozen=True)
class Text:
    body: str
    subject: str | None = None


def _group(whole: str, currency: str) -> str:
    if currency not in SOUTH_ASIAN_GROUPING or len(whole) <= 3:
        return f"{int(whole):,}"
    head, last3 = whole[:-3], whole[-3:]
    pairs: list[str] = []
    while len(head) > 2:
        pairs.insert(0, head[-2:])
        head = head[:-2]
    return ",".join([head, *pairs, last3])


def money(amount: Decimal | str | int, currency: str) -> str:
    """``money("125000.50", "BDT") == "BDT 1,25,000.50"``; whole amounts drop the decimals."""
    value = Decimal(str(amount)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    sign = "-" if value < 0 else ""
    whole, _, cents = f"{abs(value):.2f}".partition(".")
    text = _group(whole, currency.upper())
    if cents != "00":
        text += "." + cents
    return f"{currency.upper()} {sign}{text}"


def day(value: date | str) -> str:
    d = date.fromisoformat(value) if isinstance(value, str) else value
    return f"{d:%a} {d.day} {d:%b %Y}"


def clock_time(value: time | datetime) -> str:
    """``2 pm``, ``12:30 pm``."""
    hour = value.hour % 12 or 12
    suffix = "am" if value.hour < 12 else "pm"
    return f"{hour} {suffix}" if value.minute == 0 else f"{hour}:{value.minute:02d} {suffix}"


def _stay(facts: dict[str, Any]) -> str:
    if not facts.get("check_in") or not facts.get("check_out"):
        return "your stay"
    check_in, check_out = date.fromisoformat(str(facts["check_in"])), date.fromisoformat(str(facts["check_out"]))
    nights = (check_out - check_in).days
    return f"{day(check_in)} to {day(check_out)}, {nights} night{'s' if nights != 1 else ''}"


def _first_name(facts: dict[str, Any]) -> str:
    name = str(facts.get("guest_name") or "").strip()
    return name.split()[0] if name else "there"


def payment_link(hotel: str, facts: dict[str, Any]) -> Text:
    provider = PROVIDERS.get(str(facts.get("provider", "")).lower(), str(facts.get("provider") or "").strip())
    via = f" with {provider}" if provider else ""
    return Text(
        f"{hotel}: Hi {_first_name(facts)}, your room for booking {facts.get('confirmation_code', '')} "
        f"({_stay(facts)}) is held until you pay. Pay {money(facts['amount'], facts['currency'])}{via} here: "
        f"{facts['url']}",
        subject=f"{hotel}: pay to confirm booking {facts.get('confirmation_code', '')}",
    )


def booking_confirmed(hotel: str, facts: dict[str, Any], check_in_time: time) -> Text:
    return Text(
        f"{hotel}: Hi {_first_name(facts)}, booking {facts['confirmation_code']} is confirmed: "
        f"{facts['room_type']}, {_stay(facts)}, total {money(facts['total_price'], facts['currency'])}. "
        f"Check-in from {clock_time(check_in_time)}. Quote {facts['confirmation_code']} at the desk.",
        subject=f"{hotel}: booking {facts['confirmation_code']} confirmed",
    )


def booking_cancelled(hotel: str, facts: dict[str, Any]) -> Text:
    return Text(
        f"{hotel}: Hi {_first_name(facts)}, booking {facts['confirmation_code']} ({_stay(facts)}) is cancelled. "
        "Call us if this is a mistake.",
        subject=f"{hotel}: booking {facts['confirmation_code']} cancelled",
    )


def checkin_otp(hotel: str, code: str, expires_at: datetime | None) -> Text:
    until = f" It expires at {clock_time(expires_at)}." if expires_at is not None else ""
    return Text(f"{hotel}: your check-in code is {code}.{until} Give it only to the front desk.")


def welcome(hotel: str, facts: dict[str, Any], check_out_time: time, wifi: str) -> Text:
    room = f" You are in room {facts['room_number']}." if facts.get("room_number") else ""
    wifi_line = f" {wifi}" if wifi else ""
    return Text(
        f"Welcome to {hotel}, {_first_name(facts)}!{room} Check-out is at {clock_time(check_out_time)} on "
        f"{day(facts['check_out'])}.{wifi_line}"
    )


def housekeeping_done(hotel: str, facts: dict[str, Any]) -> Text:
    request = str(facts.get("request_type") or "housekeeping").replace("_", " ")
    return Text(f"{hotel}: your {request} request for room {facts['room_number']} is done. "
                "Anything else, just call the desk.")


def late_checkout_request(hotel: str, facts: dict[str, Any]) -> Text:
    until = clock_time(time.fromisoformat(str(facts["until"])))
    who = f"{facts['guest_name']}, " if facts.get("guest_name") else ""
    return Text(
        f"{hotel} front desk: room {facts.get('room_number') or '?'} ({who}booking {facts['confirmation_code']}) "
        f"asks to check out late, until {until} on {day(facts['check_out'])}. Please confirm with the guest."
    )


def _percent(ratio: Decimal | None) -> str:
    return "no data" if ratio is None else f"{(ratio * 100).quantize(Decimal('0.1'))} %"


def _amount_or_none(value: Decimal | None, currency: str) -> str:
    return "no data" if value is None else money(value, currency)


def daily_digest(hotel: str, kpis: Any) -> Text:
    """``kpis`` is ``backoffice.reports.Kpis`` for one night."""
    c = kpis.currency
    lines = [
        f"{hotel}: the night of {day(kpis.start)}",
        "",
        f"Occupancy: {_percent(kpis.occupancy)} ({kpis.room_nights_sold} of {kpis.room_nights_available} rooms)",
        f"ADR: {_amount_or_none(kpis.adr, c)}",
        f"RevPAR: {_amount_or_none(kpis.revpar, c)}",
        f"Room revenue: {money(kpis.room_revenue, c)}",
        f"Arrivals due: {kpis.arrivals_due}, no-shows: {kpis.no_shows} ({_percent(kpis.no_show_rate)})",
        f"Reservations arriving: {kpis.reservations}, cancelled: {kpis.cancellations} "
        f"({_percent(kpis.cancellation_rate)})",
        f"Out of order: {kpis.out_of_order_room_nights} room-nights",
    ]
    return Text("\n".join(lines) + "\n", subject=f"{hotel}: daily report for {day(kpis.start)}")
