"""In-stay requests: housekeeping for a room, and a late check-out."""

from __future__ import annotations

import re
from datetime import time
from typing import Literal

from pydantic import BaseModel, Field, field_validator

from backoffice import audit, housekeeping, outbox, reservations
from backoffice.errors import Conflict, NotFound, ValidationFailed
from backoffice.housekeeping import GuestRequestType, ServiceRequest
from backoffice.reservations import ReservationView
from tools.context import ToolContext
from tools.registry import REGISTRY, ToolResult
from tools.spoken import TIME_SAID_PATTERN, parse_time_said, say_on_date, say_time

Item = Literal["towels", "cleaning", "extra_bed", "amenities", "turndown"]
_REQUEST_TYPE: dict[Item, GuestRequestType] = {
    "towels": "towels", "cleaning": "stayover_clean", "extra_bed": "extra_bed", "amenities": "amenities",
    "turndown": "turndown",
}
_SPOKEN: dict[Item, str] = {
    "towels": "fresh towels", "cleaning": "a room clean", "extra_bed": "an extra bed", "amenities": "the amenities",
    "turndown": "the turndown",
}
# The latest late check-out the agent may ask for; later than this is a day rate, for the front desk.
LATEST_LATE_CHECKOUT = time(16, 0)


def room_number(spoken: str) -> str:
    """'room 214', '#214', '214' -> '214' (the token with digits in it)."""
    tokens = re.findall(r"[A-Za-z]*\d+[A-Za-z]*", spoken)
    return tokens[0].upper() if tokens else spoken.strip()


class HousekeepingArgs(BaseModel):
    room_number: str | None = Field(default=None, max_length=8, description="The caller's room number")
    item: Item = Field(description="What they need")
    notes: str = Field(default="", max_length=200)


async def callers_stay(context: ToolContext, room: str | None) -> ReservationView:
    """The in-house stay of the caller (by the number they call from) in ``room``, or their only one.

    Requests for a room are for the guest staying in it: anyone else gets the same refusal whether
    or not the room is occupied, so a caller learns nothing about another guest's room.
    """
    if not context.caller_phone:
        raise NotFound("the caller's number is withheld", field="room_number")
    staying = await reservations.find(context.services.db.pool, phone=context.caller_phone, status="checked_in",
                                      limit=10)
    if room is not None:
        staying = [view for view in staying if view.room_number == room]
    if len(staying) != 1:
        raise NotFound("no stay of the caller's matches", field="room_number")
    return staying[0]


@REGISTRY.tool("request_housekeeping", "Send housekeeping to a guest's room: towels, cleaning, an extra bed, "
               "amenities or the evening turndown.")
async def request_housekeeping(args: HousekeepingArgs, context: ToolContext, call_id: str) -> ToolResult:
    stay = await callers_stay(context, room_number(args.room_number) if args.room_number else None)
    room = stay.room_number or ""
    result = await housekeeping.request_service(
        context.services, ServiceRequest(_REQUEST_TYPE[args.item], room_number=room, notes=args.notes),
        context.actor,
    )
    thing = _SPOKEN[args.item]
    if result.already_requested:
        speech = f"Housekeeping already has your request for {thing} in room {room}; they're on their way."
    else:
        speech = f"I've asked housekeeping to bring {thing} to room {room}. Anything else?"
        if args.item == "cleaning":
            speech = f"I've asked housekeeping to clean room {room}. Anything else?"
        if args.item == "turndown":
            speech = f"I've asked housekeeping to turn down room {room} this evening. Anything else?"
    return ToolResult(True, speech, {"task_id": str(result.task_id), "room_number": room,
                                     "already_requested": result.already_requested}, effect="requested")


class LateCheckoutArgs(BaseModel):
    room_number: str | None = Field(default=None, max_length=8, description="The caller's room number")
    reservation_id: str | None = Field(default=None, description="res_N from find_reservation")
    until: str = Field(default="14:00", pattern=TIME_SAID_PATTERN,
                       description="Requested check-out time as the caller said it: '2 pm', '14:00', 'noon'")

    @field_validator("until")
    @classmethod
    def _as_24_hour(cls, said: str) -> str:
        """Kept as HH:MM from here on: a small model copies "2 pm" reliably, converting it less so."""
        return parse_time_said(said).strftime("%H:%M")


@REGISTRY.tool("request_late_checkout", "Ask for a later check-out time for a guest who is staying with us.")
async def request_late_checkout(args: LateCheckoutArgs, context: ToolContext, call_id: str) -> ToolResult:
    if args.reservation_id:
        view = context.state.reservations.get(args.reservation_id)
        if view is None:
            raise NotFound("no such booking on this call", field="reservation_id")
    else:
        view = await callers_stay(context, room_number(args.room_number) if args.room_number else None)
    if view.status not in ("confirmed", "checked_in"):
        raise Conflict("late check-out is only for a confirmed or current stay", field="reservation_id")
    until = time.fromisoformat(args.until)
    standard = context.facts.check_out_time
    if until <= standard:
        return ToolResult(True, f"Check-out is already until {say_time(standard)}, so no need to change anything.")
    if until > LATEST_LATE_CHECKOUT:
        raise ValidationFailed(f"the latest late check-out is {say_time(LATEST_LATE_CHECKOUT)}", field="until")
    async with context.services.db.transaction() as conn:
        # No back-office command owns late check-out yet: the request is audited and queued for the front desk.
        payload = {"reservation_id": str(view.id), "room_number": view.room_number, "until": args.until,
                   "departure": view.check_out.isoformat(), "call_sid": context.call_sid}
        await outbox.emit(conn, "reservation.late_checkout_requested", "reservation", view.id, payload)
        await audit.record(conn, context.actor, "request_late_checkout", "reservation", view.id, new=payload)
    speech = (
        f"I've asked the front desk for a late check-out until {say_time(until)} "
        f"{say_on_date(view.check_out, today=context.today())}. They'll confirm it with you."
    )
    return ToolResult(True, speech, {"until": args.until, "confirmation_code": view.confirmation_code},
                      effect="requested")
