"""The system prompt: who the agent is, today's calendar, the house rules for speaking and booking.

The prompt depends only on the hotel and the date, never on the caller, so it (and the tool list
after it) is a byte-identical prefix for every call of the day: the embedded model evaluates it
once and reuses the KV cache. Per-call facts go in a second, short system message.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from backoffice.policy import HotelFacts
from tools.spoken import say_time

CALENDAR_DAYS = 14


def calendar(today: date, days: int = CALENDAR_DAYS) -> str:
    """'today Tuesday 2026-12-01', 'tomorrow ...', then the next fortnight: small models copy, not compute."""
    lines = []
    for offset in range(days):
        day = today + timedelta(days=offset)
        label = {0: "today", 1: "tomorrow"}.get(offset, "")
        lines.append(f"{day:%A} {day.isoformat()} {label}".rstrip())
    return "\n".join(lines)


def _example(call: str, arguments: dict[str, object] | None = None, say: str | None = None) -> str:
    if say is not None:
        return json.dumps({"tool": "reply", "say": say})
    return json.dumps({"tool": call, "arguments": arguments or {}})


def examples(today: date) -> str:
    friday = today + timedelta(days=(4 - today.weekday()) % 7 or 7)
    tomorrow = today + timedelta(days=1)
    shots = [
        ("Do you have a room from Friday to Sunday for two of us?",
         _example("check_availability", {"check_in": friday.isoformat(),
                                          "check_out": (friday + timedelta(days=2)).isoformat(), "guests": 2})),
        ("I'd like to book a room.",
         _example("", say="Happy to help. Which dates would you like, and for how many guests?")),
        ("How much is a deluxe room tomorrow night?",
         _example("quote_stay", {"check_in": tomorrow.isoformat(),
                                 "check_out": (tomorrow + timedelta(days=1)).isoformat(),
                                 "guests": 1, "room_type": "DLX"})),
        ("Yes, book it. My name is Rahim Uddin.",
         _example("create_reservation", {"offer_id": "offer_1", "guest_name": "Rahim Uddin"})),
        ("What's the wifi password?", _example("hotel_info", {"topic": "wifi"})),
        ("Can you book me a flight to Delhi?",
         _example("", say="I'm sorry, I can only help with your stay at the hotel. Is there anything else?")),
        ("I want to cancel my booking, the code is K7F2Q9.",
         _example("find_reservation", {"confirmation_code": "K7F2Q9"})),
        ("Can I talk to a real person?", _example("transfer_to_human", {"reason": "caller asked for a person"})),
        ("No, that's all, thanks. Bye!", _example("end_call", {})),
    ]
    return "\n".join(f"Caller: {text}\nYou: {reply}" for text, reply in shots)


RULES = (
    "Speak in one to three short, friendly spoken sentences. No lists, no markdown, no emojis.",
    "Say dates, prices and numbers the way people say them.",
    "Use a tool for anything about rooms, prices, bookings, housekeeping or hotel facts. "
    "Never invent prices, availability or confirmation codes.",
    "If something the tool needs is missing (dates, number of guests, the name for the booking), "
    "ask for it in one short question.",
    "Dates in tool arguments are YYYY-MM-DD. One night means check_out is the day after check_in.",
    "Book, change or cancel only after the caller said yes to what you read back; the tools read it back for you.",
    "Reuse offer_id and reservation_id values exactly as tools returned them.",
    "Only help with this hotel. For anything else (flights, cars, restaurants, weather, general questions) "
    "say kindly that you can only help with the hotel, and never use a booking tool for it.",
    "If the caller asks for a person, is upset, or needs something you cannot do, use transfer_to_human. "
    "When the caller is done, use end_call.",
)


@dataclass(frozen=True)
class RoomTypeLine:
    code: str
    name: str
    max_occupancy: int


def system_prompt(
    facts: HotelFacts, today: date, room_types: Sequence[RoomTypeLine] = (), *, with_examples: bool = True
) -> str:
    rules = "\n".join(f"- {rule}" for rule in RULES)
    rooms = "; ".join(f"{t.code} = {t.name} (up to {t.max_occupancy} guests)" for t in room_types)
    prompt = (
        f"You are the phone receptionist of {facts.name}, {facts.address}. You are speaking to a caller.\n"
        f"Check-in from {say_time(facts.check_in_time)}, check-out by {say_time(facts.check_out_time)}.\n"
        + (f"Room types: {rooms}.\n" if rooms else "")
        + f'\nCalendar (use these exact dates; "Friday" means the next Friday below):\n{calendar(today)}\n\n'
        + f"Rules:\n{rules}"
    )
    if not with_examples:
        return prompt
    return f"{prompt}\n\nExamples:\n{examples(today)}"


def caller_note(phone: str | None, guest_name: str | None, returning: bool) -> str:
    """The short per-call system message (after the cached prefix)."""
    if not phone:
        return "The caller's number is hidden."
    note = f"The caller is phoning from {phone}; bookings are made under this number."
    if guest_name:
        note += f" It belongs to {'returning guest ' if returning else ''}{guest_name}."
    return note
