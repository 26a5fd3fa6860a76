"""The system prompt: who the agent is, today's calendar, the house rules for speaking and booking.

The prompt depends only on the hotel and the date, never on the caller, so it (and the tool list
after it) is a byte-identical prefix for every call of the day: the embedded model evaluates it
once and reuses the KV cache. Per-call facts go in a second, short system message.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from backoffice.policy import HotelFacts
from tools.spoken import ordinal, say_time

CALENDAR_DAYS = 14


def calendar(today: date, days: int = CALENDAR_DAYS) -> str:
    """'today Tuesday 2026-12-01', 'tomorrow ...', then the next fortnight: small models copy, not compute."""
    lines = []
    for offset in range(days):
        day = today + timedelta(days=offset)
        label = {0: "today", 1: "tomorrow"}.get(offset, "")
        lines.append(f"{day:%A} {day.isoformat()} {label}".rstrip())
    return "\n".join(lines)


def example_turns(today: date) -> list[tuple[str, str, dict[str, object]]]:
    """(caller says, tool or "reply", arguments) pairs covering every tool and a refusal."""
    friday = today + timedelta(days=(4 - today.weekday()) % 7 or 7)
    tomorrow = today + timedelta(days=1)
    later = today + timedelta(days=9)
    return [
        ("Do you have a room from Friday to Sunday for two of us?", "check_availability",
         {"check_in": friday.isoformat(), "check_out": (friday + timedelta(days=2)).isoformat(), "guests": 2}),
        ("I'd like to book a room.", "reply",
         {"say": "Happy to help. Which dates would you like, and for how many guests?"}),
        (f"I need two nights from the {ordinal(later.day)}, just me.", "check_availability",
         {"check_in": later.isoformat(), "check_out": (later + timedelta(days=2)).isoformat(), "guests": 1}),
        ("How much is a deluxe room tomorrow night?", "quote_stay",
         {"check_in": tomorrow.isoformat(), "check_out": (tomorrow + timedelta(days=1)).isoformat(), "guests": 1,
          "room_type": "DLX"}),
        ("Yes, book it. My name is Rahim Uddin.", "create_reservation",
         {"offer_id": "dlx_offer_1", "guest_name": "Rahim Uddin"}),
        ("I want to cancel my booking, the code is K7F2Q9.", "find_reservation", {"confirmation_code": "K7F2Q9"}),
        ("Do you have parking?", "hotel_info", {"topic": "parking"}),
        ("Can I bring my cat?", "hotel_info", {"topic": "pets"}),
        ("When is breakfast served?", "hotel_info", {"topic": "breakfast"}),
        ("Room 305 here, we need more towels please.", "request_housekeeping",
         {"room_number": "305", "item": "towels"}),
        ("I'm in 210, can I keep the room until 3 pm on my last day?", "request_late_checkout",
         {"room_number": "210", "until": "15:00"}),
        ("I want to talk to the manager!", "transfer_to_human", {"reason": "caller asked for the manager"}),
        ("Can you book me a flight to Delhi?", "reply",
         {"say": "I'm sorry, I can only help with your stay at our hotel. Is there anything else?"}),
        ("What's the weather like tomorrow?", "reply",
         {"say": "I'm afraid I can't help with that, only with your stay at the hotel."}),
        ("No, that's all, thanks. Bye!", "end_call", {}),
    ]


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
    facts: HotelFacts, today: date, room_types: Sequence[RoomTypeLine] = ()
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
    return prompt


def caller_note(phone: str | None, guest_name: str | None, returning: bool) -> str:
    """The short per-call system message (after the cached prefix)."""
    if not phone:
        return "The caller's number is hidden."
    note = f"The caller is phoning from {phone}; bookings are made under this number."
    if guest_name:
        note += f" It belongs to {'returning guest ' if returning else ''}{guest_name}."
    return note
