"""Booking tools: hold a room from an offer, find, change and cancel a booking.

Anything that books, changes or cancels takes two calls: the first reads the exact change back
to the caller and asks; only the same call again (after the caller said yes) acts. So the
read-back cannot be skipped by the model. Bookings and changes act only on ids this call has
seen (``offer_N`` from a quote, ``res_N`` from a lookup), and a booking carries the idempotency
key ``call_sid:tool_call_id`` so a repeated or retried turn never books twice.
"""

from __future__ import annotations

from datetime import date, timedelta

from pydantic import BaseModel, Field

from backoffice import reservations
from backoffice.errors import NotFound, ValidationFailed
from backoffice.phone_payments import phone_provider
from backoffice.reservations import CreateReservation, GuestDetails, ModifyReservation, ReservationView
from tools.context import GuessLimit, HiddenNumber, HoldLimit, ToolContext
from tools.registry import REGISTRY, ToolResult
from tools.spoken import say_code, say_count, say_money, say_stay

ACTIVE = ("hold", "confirmed", "checked_in")


def describe(view: ReservationView, today: date) -> str:
    return (
        f"booking {say_code(view.confirmation_code)}, a {view.room_type_name} "
        f"{say_stay(view.check_in, view.check_out, today=today)} for {say_count(view.guests, 'guest')}, "
        f"under {view.guest_name}"
    )


def reservation_data(ref: str, view: ReservationView) -> dict[str, object]:
    return {
        "reservation_id": ref, "confirmation_code": view.confirmation_code, "status": view.status,
        "room_type": view.room_type, "check_in": view.check_in, "check_out": view.check_out,
        "guests": view.guests, "total": str(view.total_price), "currency": view.currency,
    }


async def known_reservation(context: ToolContext, ref: str) -> tuple[str, ReservationView]:
    """A reservation this call may act on: one it looked up (``res_N``) by the caller's own number or
    by a code the caller read out. Nothing else: a code the model produces by itself, another
    guest's number or a name never reach a booking (``find_reservation`` enforces who may look up what).
    """
    key = ref.strip()
    view = context.state.reservations.get(key)
    if view is None:
        raise NotFound(f"no reservation {ref} was looked up on this call; use find_reservation first",
                       field="reservation_id")
    return key, view


class CreateArgs(BaseModel):
    offer_id: str = Field(description="offer_id from check_availability or quote_stay")
    guest_name: str = Field(min_length=2, max_length=120, description="Full name for the booking")


@REGISTRY.tool("create_reservation", "Book (hold) the room of an offer under the guest's name. The first call reads "
               "the booking back; call it again only after the caller says yes.", books=True)
async def create_reservation(args: CreateArgs, context: ToolContext, call_id: str) -> ToolResult:
    offer = context.state.open_offer(args.offer_id)
    if offer is None:
        raise ValidationFailed(f"unknown offer {args.offer_id}; quote the stay first", field="offer_id")
    quote = offer.quote
    today = context.today()
    name = " ".join(args.guest_name.split()).title() if args.guest_name.islower() else " ".join(args.guest_name.split())
    if offer.reservation_id is not None and offer.confirmation_code is not None:
        code = offer.confirmation_code
        return ToolResult(True, f"That's already booked, your confirmation code is {say_code(code)}.",
                          {"confirmation_code": code, "already_booked": True})
    if not context.caller_phone:
        raise ValidationFailed("the caller's number is hidden", field="phone")
    if context.state.holds_placed >= context.limits.holds:
        raise HoldLimit(f"this call has placed {context.state.holds_placed} holds, the most one call may",
                        field="offer_id")
    said = context.state.caller_mentioned(name) or (context.state.known_name or "").lower() == name.lower()
    if context.state.caller_said and not said:
        # On a call, the name must come from the caller: a model filling the slot by itself is asked to ask.
        raise ValidationFailed(f"the caller has not said the name '{name}'", field="guest_name")
    question = f"create:{offer.id}:{name.lower()}"
    if question not in context.state.read_back:
        context.state.read_back.add(question)
        speech = (
            f"Just to confirm: a {quote.room_type_name} {say_stay(quote.check_in, quote.check_out, today=today)}, "
            f"for {say_count(quote.guests, 'guest')}. It's under the name {name}, "
            f"and comes to {say_money(quote.total, quote.currency)} including tax. Shall I book it?"
        )
        return ToolResult(True, speech, {"offer_id": offer.id, "needs_confirmation": True})
    command = CreateReservation(
        room_type=quote.room_type_code, check_in=quote.check_in, check_out=quote.check_out, guests=quote.guests,
        guest=GuestDetails(name=name, phone=context.caller_phone), hold=True,
        notes=f"Booked by phone, call {context.call_sid}",
    )
    booking = await reservations.create_reservation(
        context.services, command, context.actor, idempotency_key=context.idempotency_key(call_id)
    )
    view = booking.reservation
    if not booking.replayed:
        context.state.holds_placed += 1
    offer.reservation_id, offer.confirmation_code = view.id, view.confirmation_code
    ref = context.state.remember(view)
    speech = (
        f"You're booked. Your confirmation code is {say_code(view.confirmation_code)}. That's a {view.room_type_name} "
        f"{say_stay(view.check_in, view.check_out, today=today)}, {say_money(view.total_price, view.currency)}. "
        f"I'm holding it for {context.services.policy.hold_minutes} minutes. "
        + ("I'm texting a payment link to this number, and the booking is confirmed once it's paid."
           if phone_provider(context.services) else "The front desk will call you about payment.")
    )
    return ToolResult(True, speech, reservation_data(ref, view), effect="booked")


class FindArgs(BaseModel):
    confirmation_code: str | None = Field(default=None, max_length=16, description="Code the caller read out")
    reservation_id: str | None = Field(default=None, description="res_N of a booking already found on this call")


@REGISTRY.tool("find_reservation", "Look up the caller's bookings: by the number they call from, or by a "
               "confirmation code they read out.")
async def find_reservation(args: FindArgs, context: ToolContext, call_id: str) -> ToolResult:
    """Only the caller's own bookings, or one whose code they said: never by a name or another number.

    A code counts only if the caller read it out on this call (a model cannot make one up), and a
    call may get ``CallLimits.code_guesses`` codes wrong; after that every code is refused.
    """
    pool = context.services.db.pool
    code = "".join(ch for ch in (args.confirmation_code or "") if ch.isalnum()).upper() or None
    if args.reservation_id and not code:
        ref, view = await known_reservation(context, args.reservation_id)
        found = [view]
    elif code:
        if context.state.wrong_codes >= context.limits.code_guesses:
            raise GuessLimit(f"{context.state.wrong_codes} wrong codes on this call", field="confirmation_code")
        if not context.state.caller_said_code(code):
            raise ValidationFailed("the caller has not read out that code", field="confirmation_code")
        found = await reservations.find(pool, confirmation_code=code, limit=1)
        if not found:
            context.state.wrong_codes += 1
            raise NotFound("no booking has that code", field="confirmation_code")
    elif context.caller_phone:
        found = await reservations.find(pool, phone=context.caller_phone, limit=10)
    else:
        raise HiddenNumber("the caller's number is withheld", field="phone")
    active = [view for view in found if view.status in ACTIVE] or found
    if not active:
        raise NotFound("no booking under the caller's number", field="phone")
    today = context.today()
    shown = active[:3]
    refs = [context.state.remember(view) for view in shown]
    if len(shown) == 1:
        view = shown[0]
        state = {"hold": "on hold", "confirmed": "confirmed", "checked_in": "checked in"}.get(view.status, view.status)
        speech = f"I found {describe(view, today)}. It's {state}. What would you like to do with it?"
    else:
        listed = "; ".join(describe(view, today) for view in shown)
        speech = f"I found {len(shown)} bookings: {listed}. Which one do you mean?"
    listing = [reservation_data(ref, view) for ref, view in zip(refs, shown, strict=True)]
    return ToolResult(True, speech, {"reservations": listing})


class ModifyArgs(BaseModel):
    reservation_id: str = Field(description="reservation_id (res_N) from find_reservation, or the confirmation code")
    check_in: date | None = Field(default=None, description="New arrival date, YYYY-MM-DD")
    check_out: date | None = Field(default=None, description="New departure date, YYYY-MM-DD")
    nights: int | None = Field(default=None, ge=1, le=30, description="New length, counted from check-in")
    extend_by: int | None = Field(default=None, ge=-29, le=29, description="Nights to add (or, negative, remove) "
                                  "at the end of the stay")
    guests: int | None = Field(default=None, ge=1, le=10)
    room_type: str | None = Field(default=None, max_length=32)


@REGISTRY.tool("modify_reservation", "Change a booking's dates, guests or room type. The first call reads the new "
               "stay and price back; call it again only after the caller says yes.", books=True)
async def modify_reservation(args: ModifyArgs, context: ToolContext, call_id: str) -> ToolResult:
    ref, view = await known_reservation(context, args.reservation_id)
    check_in = args.check_in or view.check_in
    check_out = args.check_out or (check_in + timedelta(days=args.nights) if args.nights else None)
    if check_out is None and args.extend_by:
        check_out = view.check_out + timedelta(days=args.extend_by)
    if check_out is None:
        length = view.check_out - view.check_in
        check_out = check_in + length if args.check_in else view.check_out  # moving arrival keeps the length
    guests = args.guests or view.guests
    room_type = args.room_type or view.room_type
    today = context.today()
    question = f"modify:{view.id}:{check_in}:{check_out}:{guests}:{room_type.upper()}"
    if question not in context.state.read_back:
        quote = await reservations.quote(context.services, room_type, check_in, check_out, guests)
        context.state.read_back.add(question)
        speech = (
            f"So that's a {quote.room_type_name} {say_stay(check_in, check_out, today=today)}, for "
            f"{say_count(guests, 'guest')}. It comes to {say_money(quote.total, quote.currency)} in total. "
            "Shall I make the change?"
        )
        return ToolResult(True, speech, {"reservation_id": ref, "needs_confirmation": True})
    changed = await reservations.modify(
        context.services, view.id,
        ModifyReservation(check_in=check_in, check_out=check_out, guests=guests, room_type=room_type),
        context.actor,
    )
    ref = context.state.remember(changed)
    context.state.read_back.discard(question)
    speech = f"Done. Your {describe(changed, today)} now comes to {say_money(changed.total_price, changed.currency)}."
    return ToolResult(True, speech, reservation_data(ref, changed), effect="modified")


class CancelArgs(BaseModel):
    reservation_id: str = Field(description="reservation_id (res_N) from find_reservation, or the confirmation code")
    reason: str = Field(default="", max_length=200)


@REGISTRY.tool("cancel_reservation", "Cancel a booking. The first call reads it back; call it again only after "
               "the caller says yes.", books=True)
async def cancel_reservation(args: CancelArgs, context: ToolContext, call_id: str) -> ToolResult:
    ref, view = await known_reservation(context, args.reservation_id)
    today = context.today()
    if view.status == "cancelled":
        return ToolResult(True, f"Booking {say_code(view.confirmation_code)} is already cancelled.",
                          reservation_data(ref, view))
    question = f"cancel:{view.id}"
    if question not in context.state.read_back:
        context.state.read_back.add(question)
        return ToolResult(True, f"Shall I cancel {describe(view, today)}?",
                          {"reservation_id": ref, "needs_confirmation": True})
    cancelled = await reservations.cancel(context.services, view.id, context.actor, args.reason or "cancelled by phone")
    ref = context.state.remember(cancelled)
    speech = f"Your booking {say_code(cancelled.confirmation_code)} is cancelled. Is there anything else?"
    return ToolResult(True, speech, reservation_data(ref, cancelled), effect="cancelled")
