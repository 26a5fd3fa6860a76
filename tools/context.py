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
from backoffice.policy import HotelFacts
from backoffice.pricing import Quote
from backoffice.reservations import ReservationView
from backoffice.services import Services


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


def _words(text: str) -> set[str]:
    return {w for w in "".join(ch.lower() if ch.isalnum() else " " for ch in text).split() if len(w) >= 2}


@dataclass
class ToolContext:
    services: Services
    facts: HotelFacts
    call_sid: str
    caller_phone: str | None = None
    state: CallState = field(default_factory=CallState)

    @property
    def actor(self) -> Actor:
        return Actor.call(self.call_sid)

    def idempotency_key(self, tool_call_id: str) -> str:
        """``call_sid:tool_call_id``: the same call of the same tool on the same call happens once."""
        return f"{self.call_sid}:{tool_call_id}"

    def today(self) -> date:
        return self.services.today()
