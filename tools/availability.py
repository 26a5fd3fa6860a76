"""Availability and prices, always from the database; each priced option becomes an opaque offer."""

from __future__ import annotations

from datetime import date, timedelta

from pydantic import BaseModel, Field, model_validator

from backoffice import inventory, pricing
from backoffice.errors import NoAvailability, ValidationFailed
from tools.context import ToolContext
from tools.registry import REGISTRY, ToolResult
from tools.spoken import say_count, say_money, say_stay

MAX_NIGHTS = 30



class StayArgs(BaseModel):
    check_in: date = Field(description="Arrival date, YYYY-MM-DD")
    check_out: date | None = Field(default=None, description="Departure date, YYYY-MM-DD (after check_in)")
    nights: int | None = Field(default=None, ge=1, le=MAX_NIGHTS, description="Number of nights, instead of check_out")
    guests: int = Field(default=1, ge=1, le=10, description="Number of guests")

    @model_validator(mode="after")
    def _departure(self) -> StayArgs:
        # Callers say "three nights from the 15th"; a small model copies 3 more reliably than it adds it.
        if self.check_out is None:  # neither given: one night, which the read-back says out loud
            self.check_out = self.check_in + timedelta(days=self.nights or 1)
        self.nights = (self.check_out - self.check_in).days
        return self

    @property
    def departure(self) -> date:
        assert self.check_out is not None  # set by the validator
        return self.check_out


def check_dates(args: StayArgs, today: date) -> None:
    if args.check_in < today:
        raise ValidationFailed("that date has already passed", field="check_in")
    if args.departure <= args.check_in:
        raise ValidationFailed("check-out must be after check-in", field="check_out")
    if (args.departure - args.check_in).days > MAX_NIGHTS:
        raise ValidationFailed(f"stays over the phone are limited to {MAX_NIGHTS} nights", field="check_out")


@REGISTRY.tool("check_availability", "Find which room types are free for the dates and guests, with prices.")
async def check_availability(args: StayArgs, context: ToolContext, call_id: str) -> ToolResult:
    today = context.today()
    check_dates(args, today)
    pool = context.services.db.pool
    free = [t for t in await inventory.availability(pool, args.check_in, args.departure, guests=args.guests)
            if t.available > 0]
    if not free:
        raise NoAvailability("no room type is free on every night", field="dates")
    quotes = await pricing.quote_types(
        pool, context.services.policy, [t.room_type_id for t in free], args.check_in, args.departure, args.guests
    )
    options = []
    spoken = []
    for room_type in free:
        quote = quotes[room_type.room_type_id]
        offer = context.state.add_offer(quote)
        options.append({"offer_id": offer.id, "room_type": room_type.code, "name": room_type.name,
                        "total": str(quote.total), "rooms_left": room_type.available})
        spoken.append(f"a {room_type.name} is {say_money(quote.total, quote.currency)}")
    # Short sentences: each is spoken as soon as it is synthesised, so a long list never leaves a gap
    # that a caller takes for the end of the reply.
    if len(spoken) == 1:
        listing = f"I have {spoken[0].replace(' is ', ' for ', 1)}, including tax."
    else:
        listing = " ".join(f"{option[0].upper()}{option[1:]}." for option in spoken[:3]) + " Prices include tax."
    speech = (
        f"Yes, {say_stay(args.check_in, args.departure, today=today)} for {say_count(args.guests, 'guest')}. "
        f"{listing} Which would you like?"
    )
    return ToolResult(True, speech, {"check_in": args.check_in, "check_out": args.departure, "options": options})


def _words(text: str) -> set[str]:
    return {word for word in "".join(ch if ch.isalnum() else " " for ch in text.lower()).split() if len(word) > 2}


async def resolve_room_type(context: ToolContext, spoken: str, stay: StayArgs) -> str:
    """The room type code for what the caller called it ('deluxe', 'family room', 'DLX')."""
    types = await inventory.availability(context.services.db.pool, stay.check_in, stay.departure, guests=1)
    wanted = spoken.strip()
    for room_type in types:
        if room_type.code.upper() == wanted.upper() or room_type.name.lower() == wanted.lower():
            return room_type.code
    words = _words(wanted) - {"room", "rooms"}
    scored = sorted(((len(words & _words(f"{t.name} {t.code}")), t.code) for t in types), reverse=True)
    if scored and scored[0][0] > 0 and (len(scored) == 1 or scored[0][0] > scored[1][0]):
        return scored[0][1]
    raise ValidationFailed(f"unknown room type '{spoken}'", field="room_type")


class QuoteArgs(StayArgs):
    room_type: str = Field(max_length=40, description="Room type code or name, e.g. DLX or deluxe")


@REGISTRY.tool("quote_stay", "Price one room type for the dates; returns an offer_id to book with.")
async def quote_stay(args: QuoteArgs, context: ToolContext, call_id: str) -> ToolResult:
    today = context.today()
    check_dates(args, today)
    pool = context.services.db.pool
    code = await resolve_room_type(context, args.room_type, args)
    quote = await pricing.quote(pool, context.services.policy, code, args.check_in, args.departure, args.guests)
    free = {t.room_type_id: t.available
            for t in await inventory.availability(pool, args.check_in, args.departure, guests=args.guests)}
    if free.get(quote.room_type_id, 0) <= 0:
        raise NoAvailability(f"no {quote.room_type_name} is free for those dates", field="dates")
    offer = context.state.add_offer(quote)
    speech = (
        f"A {quote.room_type_name} {say_stay(args.check_in, args.departure, today=today)} "
        f"for {say_count(args.guests, 'guest')} comes to {say_money(quote.total, quote.currency)} including tax. "
        "Would you like me to book it?"
    )
    return ToolResult(True, speech, {"offer_id": offer.id, "room_type": quote.room_type_code,
                                     "total": str(quote.total), "currency": quote.currency})
