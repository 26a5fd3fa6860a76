"""What a tool call runs with: the back office, who is calling, and this call's own state.

``CallState`` is per call (never module-level): the offers quoted on this call, the bookings
found or made on it, and the changes read back and awaiting the caller's "yes". Opaque ids
(``offer_1``, ``res_1``) point into it, so the model can only act on what this call has seen.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from uuid import UUID

from backoffice.audit import Actor
from backoffice.errors import Conflict, TooManyAttempts, ValidationFailed
from backoffice.policy import HotelFacts
from backoffice.pricing import Quote
from backoffice.reservations import ReservationView
from backoffice.services import Services
from tools.spoken import read_spelling


@dataclass
class Offer:
    id: str
    quote: Quote
    reservation_id: UUID | None = None  # set once booked: the offer is spent
    confirmation_code: str | None = None


@dataclass
class CallState:
    offers: dict[str, Offer] = field(default_factory=dict)
    reservations: dict[str, ReservationView] = field(default_factory=dict)
    # Proposed changes read back to the caller, keyed by what they would do; acted on when asked again.
    read_back: set[str] = field(default_factory=set)
    # What the caller has said on this call (filled by the conversation; empty for other clients).
    caller_said: list[str] = field(default_factory=list)
    # The name the caller's number is known by (a returning guest): a booking may use it unsaid.
    known_name: str | None = None
    holds_placed: int = 0
    wrong_codes: int = 0

    def caller_said_code(self, code: str) -> bool:
        """Whether the caller read ``code`` out on this call: only then may a lookup use it."""
        wanted = "".join(ch for ch in code if ch.isalnum()).upper()
        return bool(wanted) and any(wanted in _spelled(text) for text in self.caller_said)

    def caller_mentioned(self, words: str) -> bool:
        """Whether any word of ``words`` (2+ letters) was said by the caller on this call."""
        heard = {w for text in self.caller_said for w in _words(text)}
        return any(w in heard for w in _words(words))

    def add_offer(self, quote: Quote) -> Offer:
        for offer in self.offers.values():
            if offer.quote.to_json() == quote.to_json() and offer.reservation_id is None:
                return offer
        # Opaque to the back office, but readable enough that a small model links "the deluxe" to it.
        offer = Offer(f"{quote.room_type_code.lower()}_offer_{len(self.offers) + 1}", quote)
        self.offers[offer.id] = offer
        return offer

    def open_offer(self, offer_id: str) -> Offer | None:
        """The offer named, else the only not-yet-booked one that fits the name's room type.

        A small model sometimes garbles the id ("std_offer_3" for "std_offer_1"). Taking the one
        open offer is safe because booking reads the exact room, dates and price back first.
        """
        wanted = offer_id.strip()
        if wanted in self.offers:
            return self.offers[wanted]
        open_offers = [o for o in self.offers.values() if o.reservation_id is None]
        prefix = wanted.split("_", 1)[0].lower() if "_" in wanted else ""
        fitting = [o for o in open_offers if o.id.startswith(prefix + "_")] if prefix else []
        if len(fitting) == 1:
            return fitting[0]
        return open_offers[0] if len(open_offers) == 1 else None

    def remember(self, reservation: ReservationView) -> str:
        """The opaque ``res_N`` id for a reservation this call has seen (same id when seen again)."""
        for ref, known in self.reservations.items():
            if known.id == reservation.id:
                self.reservations[ref] = reservation
                return ref
        ref = f"res_{len(self.reservations) + 1}"
        self.reservations[ref] = reservation
        return ref


_NUMBER_WORDS = {"zero": "0", "oh": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6",
                 "seven": "7", "eight": "8", "nine": "9"}


def _spelled(text: str) -> str:
    """'K seven P 4-2 q' -> 'K7P42Q': letters and digits in order, number words as digits."""
    tokens = "".join(ch if ch.isalnum() else " " for ch in read_spelling(text)).split()
    return "".join(_NUMBER_WORDS.get(token.lower(), token) for token in tokens).upper()


def _words(text: str) -> set[str]:
    return {w for w in "".join(ch.lower() if ch.isalnum() else " " for ch in text).split() if len(w) >= 2}


@dataclass(frozen=True)
class CallLimits:
    """What one call may do, whatever the model asks for (``CONCIERGE_MAX_HOLDS_PER_CALL``, ...)."""

    holds: int = 2
    code_guesses: int = 3


class HoldLimit(Conflict):
    """The call has placed as many holds as one call may."""


class GuessLimit(TooManyAttempts):
    """The call has tried as many wrong confirmation codes as one call may."""


class HiddenNumber(ValidationFailed):
    """The caller's number is withheld, so nothing can be looked up by it."""


@dataclass
class ToolContext:
    services: Services
    facts: HotelFacts
    call_sid: str
    caller_phone: str | None = None
    state: CallState = field(default_factory=CallState)
    limits: CallLimits = field(default_factory=lambda: CallLimits())

    @property
    def actor(self) -> Actor:
        return Actor.call(self.call_sid)

    def idempotency_key(self, tool_call_id: str) -> str:
        """``call_sid:tool_call_id``: the same call of the same tool on the same call happens once."""
        return f"{self.call_sid}:{tool_call_id}"

    def today(self) -> date:
        return self.services.today()
