"""Reservations: typed commands, the services that apply them, and the views that read them back.

A booking is one transaction: price from the database, take the room-type inventory (whose CHECK
makes double booking impossible), find or create the guest, insert the reservation, audit it and
queue an outbox event. ``create_reservation`` wraps that in ``idempotency.run_once`` so a retried
HTTP request or voice tool call (key ``call_sid:tool_call_id``) books once. Every state change
goes through ``statemachine.transition`` with the ``RESERVATION`` table.
"""

from __future__ import annotations

import secrets
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any, Final, TypeVar
from uuid import UUID

import asyncpg
from pydantic import BaseModel, ConfigDict, Field, field_validator

from backoffice import audit, guests, idempotency, inventory, outbox, pricing
from backoffice.audit import Actor
from backoffice.errors import InvalidTransition, NotFound, ValidationFailed
from backoffice.ledger import folio_balance
from backoffice.reservation_states import RESERVATION
from backoffice.services import Services
from backoffice.statemachine import Row, refusals_audited, transition

CREATE_SCOPE: Final = "reservations.create"
MAX_NIGHTS: Final = 30
# No 0/O or 1/I: codes are read aloud on the phone and typed from a screen.
CODE_ALPHABET: Final = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
CODE_LENGTH: Final = 6
STATUSES: Final = tuple(sorted(RESERVATION.states))

T = TypeVar("T")


# --- commands ------------------------------------------------------------------------------------


class GuestDetails(BaseModel):
    name: str = Field(min_length=1, max_length=200)
    phone: str = Field(min_length=4, max_length=32)
    email: str | None = Field(default=None, max_length=254)

    @field_validator("email")
    @classmethod
    def _looks_like_an_email(cls, value: str | None) -> str | None:
        if value is None or not value.strip():
            return None  # callers often have none to give
        local, at, domain = value.strip().rpartition("@")
        if not at or not local or "." not in domain or " " in value.strip():
            raise ValueError("not an email address")
        return value.strip()


class Preferences(BaseModel):
    """What the guest asked for; room assignment tries to honour it."""

    model_config = ConfigDict(extra="forbid")

    floor: int | None = Field(default=None, ge=-5, le=300)
    accessible: bool | None = None
    quiet: bool | None = None
    bed_type: str | None = Field(default=None, max_length=40)
    near_elevator: bool | None = None


class CreateReservation(BaseModel):
    room_type: str = Field(min_length=1, max_length=64, description="Room type code (or id)")
    check_in: date
    check_out: date
    guests: int = Field(ge=1, le=50)
    guest: GuestDetails
    hold: bool = Field(default=False, description="Book a hold that expires unless confirmed")
    preferences: Preferences = Field(default_factory=Preferences)
    notes: str = Field(default="", max_length=2000)


class ModifyReservation(BaseModel):
    """Only the fields given change; the stay is repriced."""

    check_in: date | None = None
    check_out: date | None = None
    room_type: str | None = Field(default=None, min_length=1, max_length=64)
    guests: int | None = Field(default=None, ge=1, le=50)


class CancelReservation(BaseModel):
    reason: str = Field(default="", max_length=500)


# --- views ---------------------------------------------------------------------------------------


class ReservationView(BaseModel):
    id: UUID
    confirmation_code: str
    status: str
    check_in: date
    check_out: date
    nights: int
    guests: int
    room_type: str
    room_type_name: str
    room_number: str | None
    guest_id: UUID
    guest_name: str
    guest_phone: str | None
    guest_email: str | None
    total_price: Decimal
    currency: str
    hold_expires_at: datetime | None
    source: str
    preferences: dict[str, Any]
    notes: str
    created_at: datetime
    allowed_actions: list[str]


class ReservationDetail(ReservationView):
    room_id: UUID | None
    folio_balance: Decimal
    quote: dict[str, Any]
    cancelled_at: datetime | None
    checked_in_at: datetime | None
    checked_out_at: datetime | None


@dataclass(frozen=True)
class Booking:
    """The result of ``create_reservation``: the reservation, and whether it was an idempotent replay."""

    reservation: ReservationView
    replayed: bool


_VIEW_SELECT = """
    SELECT r.*, coalesce(r.guest_name, g.name) AS booked_name, g.phone AS guest_phone, g.email AS guest_email,
           rt.code AS room_type_code, rt.name AS room_type_name, rm.room_number
    FROM reservations r
    JOIN guests g ON g.id = r.guest_id
    JOIN room_types rt ON rt.id = r.room_type_id
    LEFT JOIN rooms rm ON rm.id = r.room_id"""


def _view(row: Row) -> ReservationView:
    return ReservationView.model_validate(_view_fields(row))


def _view_fields(row: Row) -> dict[str, Any]:
    return {
        "id": row["id"],
        "confirmation_code": row["confirmation_code"],
        "status": row["status"],
        "check_in": row["check_in"],
        "check_out": row["check_out"],
        "nights": (row["check_out"] - row["check_in"]).days,
        "guests": row["guests"],
        "room_type": row["room_type_code"],
        "room_type_name": row["room_type_name"],
        "room_number": row["room_number"],
        "guest_id": row["guest_id"],
        "guest_name": row["booked_name"],  # the name given for this booking (older rows: the guest's)
        "guest_phone": row["guest_phone"],
        "guest_email": row["guest_email"],
        "total_price": row["amount"],
        "currency": row["currency"].strip(),
        "hold_expires_at": row["hold_expires_at"],
        "source": row["source"],
        "preferences": row["preferences"],
        "notes": (row["metadata"] or {}).get("notes", ""),
        "created_at": row["created_at"],
        "allowed_actions": RESERVATION.allowed_actions(row["status"]),
    }


# --- reading -------------------------------------------------------------------------------------


async def get(conn: asyncpg.Connection | asyncpg.Pool, reservation_id: UUID) -> ReservationDetail:
    """One reservation with its status, room number and folio balance."""
    row = await conn.fetchrow(_VIEW_SELECT + " WHERE r.id = $1", reservation_id)
    if row is None:
        raise NotFound(f"reservation {reservation_id} not found")
    return ReservationDetail.model_validate(
        _view_fields(row)
        | {
            "room_id": row["room_id"],
            "folio_balance": await folio_balance(conn, reservation_id),
            "quote": row["quote"],
            "cancelled_at": row["cancelled_at"],
            "checked_in_at": row["checked_in_at"],
            "checked_out_at": row["checked_out_at"],
        }
    )


async def find(
    conn: asyncpg.Connection | asyncpg.Pool,
    *,
    phone: str | None = None,
    confirmation_code: str | None = None,
    name: str | None = None,
    status: str | None = None,
    arrival: date | None = None,
    room_number: str | None = None,
    limit: int = 50,
) -> list[ReservationView]:
    """Reservations matching every filter given (name: case-insensitive partial match)."""
    conditions: list[str] = []
    values: list[Any] = []

    def where(sql: str, value: Any) -> None:
        values.append(value)
        conditions.append(sql.format(f"${len(values)}"))

    if phone:
        where("g.phone = {}", guests.normalise_phone(phone))
    if confirmation_code:
        where("r.confirmation_code = {}", confirmation_code.strip().upper())
    if name and name.strip():
        where("coalesce(r.guest_name, g.name) ILIKE '%' || {} || '%'", guests.escape_like(name.strip()))
    if status:
        if status not in RESERVATION.states:
            raise ValidationFailed(f"unknown status '{status}' (one of {', '.join(STATUSES)})", field="status")
        where("r.status = {}", status)
    if arrival:
        where("r.check_in = {}", arrival)
    if room_number and room_number.strip():
        where("rm.room_number = {}", room_number.strip())
    values.append(max(1, min(limit, 500)))
    sql = (
        _VIEW_SELECT
        + (" WHERE " + " AND ".join(conditions) if conditions else "")
        + f" ORDER BY r.check_in DESC, r.created_at DESC LIMIT ${len(values)}"
    )
    return [_view(row) for row in await conn.fetch(sql, *values)]


async def find_by_confirmation_code(conn: asyncpg.Connection | asyncpg.Pool, code: str) -> ReservationView | None:
    found = await find(conn, confirmation_code=code, limit=1)
    return found[0] if found else None


async def quote(services: Services, room_type: str | UUID, check_in: date, check_out: date,
                guests_count: int) -> pricing.Quote:
    """What a stay would cost now (validated like a booking)."""
    validate_stay(services, check_in, check_out)
    return await pricing.quote(services.db.pool, services.policy, room_type, check_in, check_out, guests_count)


async def search_availability(services: Services, check_in: date, check_out: date, guests_count: int
                              ) -> list[pricing.Offer]:
    """Every room type that fits the party: rooms free on every night and the price of the stay."""
    validate_stay(services, check_in, check_out)
    return await pricing.offers(services.db.pool, services.policy, check_in, check_out, guests_count)


# --- creating ------------------------------------------------------------------------------------


def validate_stay(services: Services, check_in: date, check_out: date) -> None:
    """The rules every booking and change obeys; each failure names its field."""
    if check_out <= check_in:
        raise ValidationFailed("check_out must be after check_in", field="check_out")
    today = services.today()
    if check_in < today:
        raise ValidationFailed(f"check_in {check_in} is before today ({today}) at the hotel", field="check_in",
                               rule="past")
    if (check_out - check_in).days > MAX_NIGHTS:
        raise ValidationFailed(f"a stay can be at most {MAX_NIGHTS} nights", field="check_out", rule="too_long",
                               max_nights=MAX_NIGHTS)


def new_confirmation_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def _source(actor: Actor) -> str:
    return {"call": "voice", "user": "staff", "guest": "guest"}.get(actor.type, "system")


async def create_reservation(
    services: Services, command: CreateReservation, actor: Actor, *, idempotency_key: str | None = None
) -> Booking:
    """Book once per ``idempotency_key``: a repeat with the same command replays the first booking,
    a repeat with a different command raises ``IdempotencyKeyReused``."""

    async def operation(conn: asyncpg.Connection) -> tuple[int, dict[str, Any]]:
        view = await create_in(conn, services, command, actor)
        return 201, view.model_dump(mode="json")

    stored = await idempotency.run_once(
        services.db, CREATE_SCOPE, idempotency_key, command.model_dump(mode="json"), operation
    )
    return Booking(ReservationView.model_validate(stored.body), stored.replayed)


async def create_in(
    conn: asyncpg.Connection, services: Services, command: CreateReservation, actor: Actor
) -> ReservationView:
    """The booking itself, inside the caller's transaction."""
    validate_stay(services, command.check_in, command.check_out)
    priced = await pricing.quote(
        conn, services.policy, command.room_type, command.check_in, command.check_out, command.guests
    )
    await inventory.take(conn, priced.room_type_id, command.check_in, command.check_out, code=priced.room_type_code)
    guest = await guests.find_or_create(conn, command.guest.name, command.guest.phone, command.guest.email)
    status = "hold" if command.hold else "confirmed"
    hold_expires_at = services.now() + timedelta(minutes=services.policy.hold_minutes) if command.hold else None
    metadata = {"notes": command.notes} if command.notes else {}
    row = None
    while row is None:  # a code collision (1 in ~10^9 per booking) just draws another code
        row = await conn.fetchrow(
            """INSERT INTO reservations (confirmation_code, guest_id, room_type_id, status, check_in, check_out,
                                         guests, amount, currency, quote, preferences, source,
                                         hold_expires_at, metadata, guest_name)
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
               ON CONFLICT (confirmation_code) DO NOTHING
               RETURNING *""",
            new_confirmation_code(), guest.id, priced.room_type_id, status, command.check_in, command.check_out,
            command.guests, priced.total, priced.currency, priced.to_json(),
            command.preferences.model_dump(exclude_none=True), _source(actor), hold_expires_at, metadata,
            " ".join(command.guest.name.split()),
        )
    fields = dict(row) | {
        "booked_name": row["guest_name"], "guest_phone": guest.phone, "guest_email": guest.email,
        "room_type_code": priced.room_type_code, "room_type_name": priced.room_type_name, "room_number": None,
    }
    await audit.record(
        conn, actor, "reservation.create", "reservation", row["id"],
        new={"status": status, "confirmation_code": row["confirmation_code"], "room_type": priced.room_type_code,
             "check_in": command.check_in, "check_out": command.check_out, "amount": priced.total},
    )
    view = _view(fields)
    await outbox.emit(conn, "reservation.created", "reservation", row["id"], _event(view))
    return view


def _event(view: ReservationView) -> dict[str, Any]:
    """What consumers (confirmation SMS, analytics) need without reading the row back."""
    return {
        "reservation_id": str(view.id), "confirmation_code": view.confirmation_code, "status": view.status,
        "check_in": view.check_in.isoformat(), "check_out": view.check_out.isoformat(),
        "room_type": view.room_type, "guests": view.guests, "guest_name": view.guest_name,
        "guest_phone": view.guest_phone, "guest_email": view.guest_email,
        "total_price": str(view.total_price), "currency": view.currency,
    }


# --- changing state ------------------------------------------------------------------------------


async def _lock_nights(conn: asyncpg.Connection, *stays: tuple[UUID, date, date]) -> None:
    """Lock the inventory rows of every stay in (room type, night) order before changing any of them.

    Bookings lock their nights in that order too, so a change that releases one range and takes
    another can never deadlock with them, whatever order the UPDATEs would scan rows in.
    """
    conditions: list[str] = []
    values: list[object] = []
    for type_id, start, end in stays:
        n = len(values)
        conditions.append(f"(room_type_id = ${n + 1} AND night >= ${n + 2} AND night < ${n + 3})")
        values += [type_id, start, end]
    await conn.execute(
        f"""SELECT 1 FROM room_type_nights WHERE {' OR '.join(conditions)}
            ORDER BY room_type_id, night FOR UPDATE""",
        *values,
    )


async def _release_stay(conn: asyncpg.Connection, row: Row) -> None:
    """Give the nights back to the room type and free any assigned room."""
    await _lock_nights(conn, (row["room_type_id"], row["check_in"], row["check_out"]))
    await inventory.release(conn, row["room_type_id"], row["check_in"], row["check_out"])
    await conn.execute("DELETE FROM room_nights WHERE reservation_id = $1", row["id"])


def _emitting(event_type: str, *, release: bool = False) -> Callable[[asyncpg.Connection, Row, Row], Awaitable[None]]:
    async def follow_up(conn: asyncpg.Connection, before: Row, after: Row) -> None:
        if release:
            await _release_stay(conn, before)
        await outbox.emit(conn, event_type, "reservation", after["id"], await _state_event(conn, before, after))

    return follow_up


async def _state_event(conn: asyncpg.Connection, before: Row, after: Row) -> dict[str, Any]:
    """The shared payload of reservation state events: enough for the guest's SMS without a read back."""
    who = await conn.fetchrow(
        """SELECT g.name, g.phone, rt.code FROM guests g, room_types rt WHERE g.id = $1 AND rt.id = $2""",
        after["guest_id"], after["room_type_id"],
    )
    return {
        "reservation_id": str(after["id"]), "confirmation_code": after["confirmation_code"],
        "status": after["status"], "previous_status": before["status"],
        "guest_name": who["name"] if who else None, "guest_phone": who["phone"] if who else None,
        "check_in": after["check_in"].isoformat(), "check_out": after["check_out"].isoformat(),
        "room_type": who["code"] if who else None, "total_price": f"{after['amount']:.2f}",
        "currency": after["currency"].strip(),
    }


async def _read_back(services: Services, reservation_id: UUID) -> ReservationView:
    row = await services.db.pool.fetchrow(_VIEW_SELECT + " WHERE r.id = $1", reservation_id)
    assert row is not None
    return _view(row)


async def confirm(services: Services, reservation_id: UUID, actor: Actor) -> ReservationView:
    """hold -> confirmed, while the hold has not run out."""
    await confirm_in(None, services, reservation_id, actor)
    return await _read_back(services, reservation_id)


async def confirm_in(
    conn: asyncpg.Connection | None, services: Services, reservation_id: UUID, actor: Actor
) -> dict[str, Any]:
    """``confirm`` joining the caller's transaction when ``conn`` is given (e.g. a payment that
    confirms a hold); then auditing a refusal is the caller's job. Returns the row after."""
    now = services.now()

    async def hold_still_valid(conn: asyncpg.Connection, row: Row) -> None:
        expires = row["hold_expires_at"]
        if expires is not None and expires <= now:
            raise InvalidTransition(
                f"the hold expired at {expires.isoformat()}; book again", current_state=row["status"], action="confirm"
            )

    return await transition(
        services.db, RESERVATION, reservation_id, "confirm", actor, conn=conn,
        guard=hold_still_valid, changes={"hold_expires_at": None}, follow_up=_emitting("reservation.confirmed"),
    )


async def cancel(services: Services, reservation_id: UUID, actor: Actor, reason: str = "") -> ReservationView:
    """Cancel a hold or a confirmed booking (the table refuses once the guest has checked in)."""

    async def record_reason(conn: asyncpg.Connection, before: Row, after: Row) -> None:
        await _emitting("reservation.cancelled", release=True)(conn, before, after)
        if reason:
            await conn.execute(
                "UPDATE reservations SET metadata = metadata || $2::jsonb WHERE id = $1",
                reservation_id, {"cancel_reason": reason},
            )

    await transition(
        services.db, RESERVATION, reservation_id, "cancel", actor,
        changes={"cancelled_at": services.now(), "hold_expires_at": None}, follow_up=record_reason,
    )
    return await _read_back(services, reservation_id)


async def expire_hold(
    services: Services, reservation_id: UUID, actor: Actor | None = None
) -> ReservationView:
    """hold -> expired once ``hold_expires_at`` has passed; the nights go back on sale."""
    now = services.now()

    async def has_run_out(conn: asyncpg.Connection, row: Row) -> None:
        expires = row["hold_expires_at"]
        if expires is not None and expires > now:
            raise InvalidTransition(
                f"the hold runs until {expires.isoformat()}", current_state=row["status"], action="expire"
            )

    await transition(
        services.db, RESERVATION, reservation_id, "expire", actor or Actor.system("hold-sweeper"),
        guard=has_run_out, changes={"hold_expires_at": None}, follow_up=_emitting("reservation.expired", release=True),
    )
    return await _read_back(services, reservation_id)


async def mark_no_show(services: Services, reservation_id: UUID, actor: Actor) -> ReservationView:
    """confirmed -> no_show, from the arrival day on; the nights go back on sale."""
    today = services.today()

    async def arrival_day_reached(conn: asyncpg.Connection, row: Row) -> None:
        if row["check_in"] > today:
            raise InvalidTransition(
                f"the guest is not due until {row['check_in']}", current_state=row["status"], action="mark_no_show"
            )

    await transition(
        services.db, RESERVATION, reservation_id, "mark_no_show", actor,
        guard=arrival_day_reached, follow_up=_emitting("reservation.no_show", release=True),
    )
    return await _read_back(services, reservation_id)


async def modify(
    services: Services, reservation_id: UUID, command: ModifyReservation, actor: Actor
) -> ReservationView:
    """Change dates, room type and/or guests: release the old nights, take the new ones, reprice, and
    keep the assigned room only if it is still the right type and free on the new nights."""
    if command.check_in is None and command.check_out is None and command.room_type is None and command.guests is None:
        raise ValidationFailed("give at least one of check_in, check_out, room_type, guests", field="body")

    async def work(tx: asyncpg.Connection) -> None:
        before = await tx.fetchrow("SELECT * FROM reservations WHERE id = $1 FOR UPDATE", reservation_id)
        check_in, check_out, guest_count = _changed_stay(services, reservation_id, before, command)
        old_stay = (before["room_type_id"], before["check_in"], before["check_out"])
        priced = await pricing.quote(
            tx, services.policy, command.room_type or before["room_type_id"], check_in, check_out, guest_count,
            not_counting=old_stay,
        )
        await inventory.ensure_nights(tx, priced.room_type_id, check_in, check_out)
        await _lock_nights(tx, old_stay, (priced.room_type_id, check_in, check_out))
        await inventory.release(tx, *old_stay)
        await inventory.take(tx, priced.room_type_id, check_in, check_out, code=priced.room_type_code)
        room_id = await _keep_room_if_it_fits(tx, before, priced.room_type_id, check_in, check_out)
        after = await transition(
            services.db, RESERVATION, reservation_id, "modify", actor, conn=tx,
            changes={"check_in": check_in, "check_out": check_out, "guests": guest_count,
                     "room_type_id": priced.room_type_id, "amount": priced.total, "currency": priced.currency,
                     "quote": priced.to_json(), "room_id": room_id},
        )
        await _emitting("reservation.modified")(tx, before, after)

    await refusals_audited(services.db, RESERVATION, reservation_id, "modify", actor, work)
    return await _read_back(services, reservation_id)


def _changed_stay(
    services: Services, reservation_id: UUID, before: Row | None, command: ModifyReservation
) -> tuple[date, date, int]:
    """The stay after the change, refused (before touching inventory) if the state or dates forbid it."""
    if before is None:
        raise NotFound(f"reservation {reservation_id} not found")
    RESERVATION.next_state(before["status"], "modify")
    expires = before["hold_expires_at"]
    if before["status"] == "hold" and expires is not None and expires <= services.now():
        raise InvalidTransition(
            f"the hold expired at {expires.isoformat()}; book again", current_state="hold", action="modify"
        )
    check_in = command.check_in or before["check_in"]
    check_out = command.check_out or before["check_out"]
    validate_stay(services, check_in, check_out)
    return check_in, check_out, command.guests or before["guests"]


async def quote_change(services: Services, reservation_id: UUID, command: ModifyReservation) -> pricing.Quote:
    """What ``modify`` would charge, changing nothing (the agent reads it back before asking to go ahead)."""
    before = await services.db.pool.fetchrow("SELECT * FROM reservations WHERE id = $1", reservation_id)
    check_in, check_out, guest_count = _changed_stay(services, reservation_id, before, command)
    assert before is not None
    return await pricing.quote(
        services.db.pool, services.policy, command.room_type or before["room_type_id"], check_in, check_out,
        guest_count, not_counting=(before["room_type_id"], before["check_in"], before["check_out"]),
    )


async def _keep_room_if_it_fits(
    tx: asyncpg.Connection, before: Row, room_type_id: UUID, check_in: date, check_out: date
) -> UUID | None:
    await tx.execute("DELETE FROM room_nights WHERE reservation_id = $1", before["id"])
    room_id: UUID | None = before["room_id"]
    if room_id is None or room_type_id != before["room_type_id"]:
        return None
    taken = await tx.fetch(
        """INSERT INTO room_nights (room_id, night, reservation_id)
           SELECT $1, n::date, $2 FROM generate_series($3::date, $4::date - 1, interval '1 day') AS n
           ON CONFLICT DO NOTHING RETURNING night""",
        room_id, before["id"], check_in, check_out,
    )
    if len(taken) == (check_out - check_in).days:
        return room_id
    await tx.execute("DELETE FROM room_nights WHERE reservation_id = $1", before["id"])
    return None


# --- jobs ----------------------------------------------------------------------------------------


async def expired_hold_ids(conn: asyncpg.Connection | asyncpg.Pool, now: datetime, limit: int = 500) -> list[UUID]:
    rows = await conn.fetch(
        """SELECT id FROM reservations WHERE status = 'hold' AND hold_expires_at <= $1
           ORDER BY hold_expires_at LIMIT $2""",
        now, limit,
    )
    return [r["id"] for r in rows]


async def overdue_arrival_ids(conn: asyncpg.Connection | asyncpg.Pool, today: date, limit: int = 500) -> list[UUID]:
    """Confirmed bookings whose arrival day has passed without a check-in."""
    rows = await conn.fetch(
        """SELECT id FROM reservations WHERE status = 'confirmed' AND check_in < $1
           ORDER BY check_in LIMIT $2""",
        today, limit,
    )
    return [r["id"] for r in rows]
