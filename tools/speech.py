"""The second table over ``backoffice.errors``: what the agent says when a tool is refused.

The HTTP edge renders these classes as problem+json; on the phone the same failure becomes a
sentence. Lookup walks the class's MRO, so an error subclass added in the back office gets its
nearest ancestor's sentence until it earns its own.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Final

from backoffice import errors
from tools.context import GuessLimit, HiddenNumber, HoldLimit

Phrase = Callable[[errors.BackofficeError], str]


def _validation(error: errors.BackofficeError) -> str:
    field = (error.field or "").split(".")[-1]
    # The detail is written for a developer ("check_in 2026-09-14 is before today"); a caller hears the rule.
    if error.extra.get("rule") == "past":
        return "That date has already passed at the hotel. Which dates would you like instead?"
    if error.extra.get("rule") == "too_long":
        return (f"I can book at most {error.extra.get('max_nights')} nights at a time. "
                "Which dates would you like?")
    if field == "check_out":
        return "The check-out date needs to be after the check-in date. Which dates would you like?"
    if field in ("check_in", "dates"):
        return f"I can't book those dates: {error.detail}. Which dates would you like instead?"
    if field == "guests":
        most = error.extra.get("max_occupancy")
        if most:
            return f"That room sleeps at most {most} people. Shall I look at a bigger room?"
        return "How many guests will be staying?"
    if field == "room_type":
        return "I don't know that room type. Shall I tell you which rooms we have?"
    if field == "phone":
        return "I couldn't use that phone number. Could you say it again, digit by digit?"
    if field == "offer_id":
        return "Let me check the price for that first. Which room and dates would you like?"
    if field in ("name", "guest_name", "guest.name"):
        return "May I have the name for the booking, please?"
    return f"Sorry, I couldn't do that: {error.detail.rstrip('.')}."


def _not_found(error: errors.BackofficeError) -> str:
    if error.field == "room_number":
        return ("I can only arrange that for the guest staying in the room, calling from the number on the "
                "booking. The front desk can help you otherwise.")
    return "I'm sorry, I couldn't find that booking. Could you give me the confirmation code?"


SENTENCES: Final[Mapping[type[errors.BackofficeError], Phrase]] = {
    HoldLimit: lambda e: "I can't hold any more rooms on this call. The front desk can help with more bookings.",
    GuessLimit: lambda e: "I'm sorry, I can't look up any more codes on this call. "
    "The front desk can help you with it.",
    HiddenNumber: lambda e: "I can't see the number you're calling from, so I can't look up a booking by it. "
    "Do you have the confirmation code?",
    errors.NoAvailability: lambda e: "I'm sorry, we're fully booked for those dates. Would other dates work for you?",
    errors.InvalidTransition: lambda e: "I'm sorry, that booking can't be changed in its current state.",
    errors.ConcurrentChange: lambda e: "That booking was just changed by someone else. Let me check it again.",
    errors.IdempotencyKeyReused: lambda e: "I've already done that for you on this call.",
    errors.IdempotencyInProgress: lambda e: "I'm still working on that; one moment.",
    errors.NotFound: lambda e: _not_found(e),
    errors.Forbidden: lambda e: "I can't do that over the phone, but I can connect you to the front desk.",
    errors.Unauthenticated: lambda e: "I can't do that over the phone, but I can connect you to the front desk.",
    errors.TooManyAttempts: lambda e: "That's too many tries for now. Let me connect you to the front desk.",
    errors.ValidationFailed: _validation,
    errors.Conflict: lambda e: f"I'm sorry, I couldn't do that: {e.detail}.",
    errors.BackofficeError: lambda e: "I'm sorry, I couldn't do that. Would you like me to connect you to a person?",
}

UNEXPECTED: Final = "I'm sorry, something went wrong on my side. Would you like me to connect you to a person?"


def sentence_for(error: BaseException) -> str:
    if isinstance(error, errors.BackofficeError):
        for cls in type(error).__mro__:
            phrase = SENTENCES.get(cls)
            if phrase is not None:
                return phrase(error)
    return UNEXPECTED
