"""Rooms: room types, rooms, their condition (a state machine), occupancy, and dated blocks.

Three orthogonal facts describe a room (Mews/Apaleo style): its *condition* (dirty -> cleaning ->
clean -> inspected, a ``StateMachine`` applied only through ``statemachine.transition``), its
*occupancy* (derived: a checked-in reservation on the room today), and *service blocks* (out of
service / out of order are dated ``room_blocks`` that occupy ``room_nights`` like a booking and
lower the room type's sellable capacity).

Inventory order matters: ``inventory.adjust_capacity`` creates missing ``room_type_nights`` rows by
counting rooms and blocked nights, so capacity is adjusted *before* the room or the block nights
are written; otherwise a freshly created row would count the change twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any, Final, Literal
from uuid import UUID

import asyncpg

from backoffice import audit, inventory
from backoffice.audit import Actor
from backoffice.db import Database
from backoffice.errors import Conflict, InvalidTransition, NotFound, ValidationFailed
from backoffice.statemachine import StateMachine, transition

Condition = Literal["dirty", "cleaning", "clean", "inspected"]
BlockKind = Literal["out_of_service", "out_of_order"]

ROOM_CONDITION: Final = StateMachine(
    entity="room",
    table="rooms",
    state_column="condition",
    transitions={
        ("dirty", "start_cleaning"): "cleaning",
        ("cleaning", "finish_cleaning"): "clean",
        ("clean", "inspect"): "inspected",
        ("clean", "mark_dirty"): "dirty",
        ("inspected", "mark_dirty"): "dirty",
        ("clean", "fail_inspection"): "dirty",
    },
)

READY_CONDITIONS: Final = frozenset({"clean", "inspected"})
MAX_BLOCK_NIGHTS: Final = 366  # a longer closure is a room taken out of the inventory, not a block


@dataclass(frozen=True)
class RoomType:
    id: UUID
    code: str
    name: str
    description: str
    max_occupancy: int
    base_rate: Decimal
    currency: str
    bed_type: str
    amenities: list[str]
    rooms: int


@dataclass(frozen=True)
class RoomBlock:
    id: UUID
    room_id: UUID
    kind: BlockKind
    start_date: date
    end_date: date
    reason: str
    released_at: datetime | None


@dataclass(frozen=True)
class Room:
    id: UUID
    room_number: str
    room_type_id: UUID
    room_type_code: str
    floor: int
    condition: Condition
    accessible: bool
    quiet: bool
    near_elevator: bool
    bed_type: str
    amenities: list[str]
    occupied: bool
    occupied_by: UUID | None
    blocked_today: bool
    blocks: list[RoomBlock]
    status_code: str  # the board's shorthand, see ``status_code``


def _room_type(row: asyncpg.Record) -> RoomType:
    return RoomType(
        id=row["id"], code=row["code"], name=row["name"], description=row["description"],
        max_occupancy=row["max_occupancy"], base_rate=row["base_rate"], currency=row["currency"].strip(),
        bed_type=row["bed_type"], amenities=list(row["amenities"]), rooms=row["rooms"],
    )


def _block(row: asyncpg.Record | dict[str, Any]) -> RoomBlock:
    return RoomBlock(
        id=row["id"], room_id=row["room_id"], kind=row["kind"], start_date=row["start_date"],
        end_date=row["end_date"], reason=row["reason"], released_at=row["released_at"],
    )


# --- room types ----------------------------------------------------------------------------------

async def list_room_types(conn: asyncpg.Connection | asyncpg.Pool) -> list[RoomType]:
    rows = await conn.fetch(
        """SELECT rt.*, (SELECT count(*)::int FROM rooms r WHERE r.room_type_id = rt.id) AS rooms
           FROM room_types rt ORDER BY rt.base_rate, rt.code"""
    )
    return [_room_type(r) for r in rows]


async def create_room_type(
    db: Database, actor: Actor, *, code: str, name: str, max_occupancy: int, base_rate: Decimal,
    currency: str, description: str = "", bed_type: str = "queen", amenities: list[str] | None = None,
) -> RoomType:
    async with db.transaction() as conn:
        try:
            type_id: UUID = await conn.fetchval(
                """INSERT INTO room_types (code, name, description, max_occupancy, base_rate, currency,
                                           bed_type, amenities)
                   VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id""",
                code, name, description, max_occupancy, base_rate, currency, bed_type, amenities or [],
            )
        except asyncpg.UniqueViolationError:
            raise Conflict(f"room type code '{code}' already exists", field="code") from None
        await audit.record(conn, actor, "room_type.create", "room_type", type_id,
                           new={"code": code, "name": name, "base_rate": base_rate})
        row = await conn.fetchrow("SELECT rt.*, 0 AS rooms FROM room_types rt WHERE id = $1", type_id)
    return _room_type(row)


# --- rooms ---------------------------------------------------------------------------------------

_ROOM_SELECT = """
    SELECT r.*, rt.code AS room_type_code,
           (SELECT res.id FROM reservations res
             WHERE res.room_id = r.id AND res.status = 'checked_in'
               AND res.check_in <= $1 AND res.check_out >= $1
             ORDER BY res.check_in LIMIT 1) AS occupied_by
    FROM rooms r JOIN room_types rt ON rt.id = r.room_type_id
"""


async def _active_blocks(
    conn: asyncpg.Connection | asyncpg.Pool, room_ids: list[UUID], today: date
) -> dict[UUID, list[RoomBlock]]:
    rows = await conn.fetch(
        """SELECT * FROM room_blocks
           WHERE room_id = ANY($1::uuid[]) AND released_at IS NULL AND end_date > $2
           ORDER BY start_date""",
        room_ids, today,
    )
    found: dict[UUID, list[RoomBlock]] = {}
    for row in rows:
        found.setdefault(row["room_id"], []).append(_block(row))
    return found


def status_code(occupied: bool, condition: str, block_today: BlockKind | None) -> str:
    """Front-desk shorthand (Cloudbeds/Opera style): OOO/OOS when blocked today, else vacant/occupied
    and dirty/clean/clean-inspected: VD, VC, VCI, OD, OC, OCI (a room being cleaned is still dirty)."""
    if block_today is not None:
        return "OOO" if block_today == "out_of_order" else "OOS"
    cleanliness = {"dirty": "D", "cleaning": "D", "clean": "C", "inspected": "CI"}[condition]
    return ("O" if occupied else "V") + cleanliness


def _room(row: asyncpg.Record, blocks: list[RoomBlock], today: date) -> Room:
    today_block = next((b.kind for b in blocks if b.start_date <= today < b.end_date), None)
    return Room(
        id=row["id"], room_number=row["room_number"], room_type_id=row["room_type_id"],
        room_type_code=row["room_type_code"], floor=row["floor"], condition=row["condition"],
        accessible=row["accessible"], quiet=row["quiet"], near_elevator=row["near_elevator"],
        bed_type=row["bed_type"], amenities=list(row["amenities"]), occupied=row["occupied_by"] is not None,
        occupied_by=row["occupied_by"], blocks=blocks,
        blocked_today=today_block is not None,
        status_code=status_code(row["occupied_by"] is not None, row["condition"], today_block),
    )


async def list_rooms(
    conn: asyncpg.Connection | asyncpg.Pool, today: date, *, condition: str | None = None,
    floor: int | None = None, room_type: str | None = None,
) -> list[Room]:
    """Rooms with their condition, derived occupancy and blocks that are active or ahead."""
    rows = await conn.fetch(
        _ROOM_SELECT
        + """ WHERE ($2::text IS NULL OR r.condition = $2) AND ($3::int IS NULL OR r.floor = $3)
                AND ($4::text IS NULL OR rt.code = $4)
              ORDER BY r.floor, r.room_number""",
        today, condition, floor, room_type,
    )
    blocks = await _active_blocks(conn, [r["id"] for r in rows], today)
    return [_room(r, blocks.get(r["id"], []), today) for r in rows]


async def get_room(conn: asyncpg.Connection | asyncpg.Pool, room_id: UUID, today: date) -> Room:
    row = await conn.fetchrow(_ROOM_SELECT + " WHERE r.id = $2", today, room_id)
    if row is None:
        raise NotFound(f"room {room_id} not found")
    blocks = await _active_blocks(conn, [room_id], today)
    return _room(row, blocks.get(room_id, []), today)


async def room_id_by_number(conn: asyncpg.Connection | asyncpg.Pool, room_number: str) -> UUID:
    room_id: UUID | None = await conn.fetchval("SELECT id FROM rooms WHERE room_number = $1", room_number)
    if room_id is None:
        raise NotFound(f"there is no room {room_number}", field="room_number")
    return room_id


async def create_room(
    db: Database, actor: Actor, today: date, *, room_number: str, room_type_id: UUID, floor: int,
    accessible: bool = False, quiet: bool = False, near_elevator: bool = False, bed_type: str | None = None,
    amenities: list[str] | None = None,
) -> Room:
    """Add a room; every inventory row already written for its type gains one room of capacity."""
    async with db.transaction() as conn:
        known = await conn.fetchrow(
            """SELECT rt.bed_type, min(n.night) AS first, max(n.night) AS last
               FROM room_types rt LEFT JOIN room_type_nights n ON n.room_type_id = rt.id
               WHERE rt.id = $1 GROUP BY rt.id""",
            room_type_id,
        )
        if known is None:
            raise NotFound(f"room type {room_type_id} not found", field="room_type_id")
        if known["first"] is not None:
            await inventory.adjust_capacity(
                conn, room_type_id, known["first"], known["last"] + timedelta(days=1), +1
            )
        try:
            room_id: UUID = await conn.fetchval(
                """INSERT INTO rooms (room_number, room_type_id, floor, accessible, quiet, near_elevator,
                                      bed_type, amenities)
                   VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id""",
                room_number, room_type_id, floor, accessible, quiet, near_elevator,
                bed_type or known["bed_type"], amenities or [],
            )
        except asyncpg.UniqueViolationError:
            raise Conflict(f"room {room_number} already exists", field="room_number") from None
        await audit.record(conn, actor, "room.create", "room", room_id,
                           new={"room_number": room_number, "room_type_id": room_type_id, "floor": floor})
        return await get_room(conn, room_id, today)


# --- condition -----------------------------------------------------------------------------------

async def change_condition(
    db: Database, room_id: UUID, action: str, actor: Actor, *, conn: asyncpg.Connection | None = None
) -> str:
    """Apply one condition action (``mark_dirty``, ``start_cleaning``...); return the new condition."""
    row = await transition(db, ROOM_CONDITION, room_id, action, actor, conn=conn)
    condition: str = row["condition"]
    return condition


async def change_condition_in(conn: asyncpg.Connection, room_id: UUID, action: str, actor: Actor) -> str:
    """``change_condition`` inside the caller's transaction (a check-out, a cleaning task); the
    caller audits a refusal. ``transition`` only uses its database when it opens the transaction."""
    row = await transition(None, ROOM_CONDITION, room_id, action, actor, conn=conn)  # type: ignore[arg-type]
    condition: str = row["condition"]
    return condition


# --- blocks --------------------------------------------------------------------------------------

async def create_block(
    db: Database, room_id: UUID, actor: Actor, today: date, *, kind: BlockKind, start_date: date,
    end_date: date, reason: str = "",
) -> RoomBlock:
    """Take a room out of service/order for ``[start_date, end_date)``.

    Refused (409) when a reservation holds the room on one of those nights (naming it), when the
    room is already blocked, or when the room type is sold out that night (blocking would oversell).
    """
    if end_date <= start_date:
        raise ValidationFailed("a block must end after it starts", field="end_date")
    if start_date < today:
        raise ValidationFailed("a block cannot start in the past", field="start_date")
    if (end_date - start_date).days > MAX_BLOCK_NIGHTS:
        raise ValidationFailed(f"a block can last at most {MAX_BLOCK_NIGHTS} nights", field="end_date")
    async with db.transaction() as conn:
        room = await conn.fetchrow("SELECT room_type_id, room_number FROM rooms WHERE id = $1 FOR UPDATE", room_id)
        if room is None:
            raise NotFound(f"room {room_id} not found")
        clash = await conn.fetchrow(
            """SELECT rn.night, res.confirmation_code, rn.block_id FROM room_nights rn
               LEFT JOIN reservations res ON res.id = rn.reservation_id
               WHERE rn.room_id = $1 AND rn.night >= $2 AND rn.night < $3 ORDER BY rn.night LIMIT 1""",
            room_id, start_date, end_date,
        )
        if clash is not None:
            raise _night_taken(room["room_number"], clash)
        await inventory.adjust_capacity(conn, room["room_type_id"], start_date, end_date, -1)
        row = await conn.fetchrow(
            """INSERT INTO room_blocks (room_id, kind, start_date, end_date, reason)
               VALUES ($1, $2, $3, $4, $5) RETURNING *""",
            room_id, kind, start_date, end_date, reason,
        )
        try:
            await conn.execute(
                """INSERT INTO room_nights (room_id, night, block_id)
                   SELECT $1, n::date, $2 FROM generate_series($3::date, $4::date - 1, interval '1 day') n""",
                room_id, row["id"], start_date, end_date,
            )
        except asyncpg.UniqueViolationError:  # assigned by a concurrent transaction since the check
            raise Conflict(f"room {room['room_number']} was just assigned on one of those nights; retry") from None
        await audit.record(conn, actor, "room_block.create", "room_block", row["id"],
                           new={"room_id": room_id, "kind": kind, "start_date": start_date,
                                "end_date": end_date, "reason": reason})
    return _block(row)


def _night_taken(room_number: str, clash: asyncpg.Record) -> Conflict:
    night = clash["night"].isoformat()
    if clash["confirmation_code"] is not None:
        return Conflict(
            f"room {room_number} is assigned to reservation {clash['confirmation_code']} on {night};"
            " move that reservation first",
            field="start_date", reservation=clash["confirmation_code"], night=night,
        )
    return Conflict(f"room {room_number} is already blocked on {night}", field="start_date", night=night)


async def release_block(db: Database, room_id: UUID, block_id: UUID, actor: Actor, today: date) -> RoomBlock:
    """End a block: its nights from today on become sellable again (past nights stay as history)."""
    async with db.transaction() as conn:
        row = await conn.fetchrow(
            "SELECT b.*, r.room_type_id FROM room_blocks b JOIN rooms r ON r.id = b.room_id"
            " WHERE b.id = $1 AND b.room_id = $2 FOR UPDATE OF b",
            block_id, room_id,
        )
        if row is None:
            raise NotFound(f"block {block_id} not found on room {room_id}")
        if row["released_at"] is not None:
            raise InvalidTransition("that block was already released", current_state="released", action="release")
        free_from = max(row["start_date"], today)
        if free_from < row["end_date"]:
            await inventory.adjust_capacity(conn, row["room_type_id"], free_from, row["end_date"], +1)
            await conn.execute("DELETE FROM room_nights WHERE block_id = $1 AND night >= $2", block_id, free_from)
        released = await conn.fetchrow(
            "UPDATE room_blocks SET released_at = now() WHERE id = $1 RETURNING *", block_id
        )
        await audit.record(conn, actor, "room_block.release", "room_block", block_id,
                           old={"released_at": None}, new={"released_at": released["released_at"],
                                                           "freed_from": free_from})
    return _block(released)
