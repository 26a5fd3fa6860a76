"""Room allocation: which concrete room a reservation gets, and moving an in-house guest.

A reservation sells a room *type* (``backoffice.inventory``); allocation turns it into a room by
writing one ``room_nights`` row per night. That table's primary key ``(room_id, night)`` is the
real guard: two transactions racing for the same room cannot both insert, so the loser simply
tries its next candidate (each attempt inside a savepoint) or gets a 409.

Auto-pick follows HotelDruid's allocator (the anchor): only rooms of the booked type that are free
on every night, ranked by :func:`score_room` — guest preferences first, then readiness for a same-day
arrival, then how well the stay fits the room's calendar (see the gap score there).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any, Final, TypeVar
from uuid import UUID

import asyncpg

from backoffice import doorkeys, inventory
from backoffice.audit import Actor
from backoffice.errors import BackofficeError, Conflict, Forbidden, NoAvailability, NotFound, ValidationFailed
from backoffice.housekeeping import vacate_room
from backoffice.reservation_states import RESERVATION
from backoffice.rooms import READY_CONDITIONS
from backoffice.services import Services
from backoffice.statemachine import refusals_audited, transition

T = TypeVar("T")

# Points, not rules: a preference is never a reason to leave a guest without a room.
ACCESSIBLE_POINTS: Final = 100
BED_TYPE_POINTS: Final = 40
FLOOR_POINTS: Final = 30
QUIET_POINTS: Final = 20
ELEVATOR_POINTS: Final = 15
SPARE_ACCESSIBLE_PENALTY: Final = 5  # keep accessible rooms for the guests who need them
READINESS_POINTS: Final[dict[str, int]] = {"inspected": 30, "clean": 20, "cleaning": 5, "dirty": 0}
ABUT_POINTS: Final = 12
ORPHAN_NIGHT_PENALTY: Final = 25


@dataclass(frozen=True)
class Preferences:
    """What a guest asked for; every field optional. ``floor`` is a number or 'high'/'low'."""

    floor: int | str | None = None
    accessible: bool | None = None
    quiet: bool | None = None
    bed_type: str | None = None
    near_elevator: bool | None = None

    @classmethod
    def from_json(cls, *layers: dict[str, Any] | None) -> Preferences:
        """Merge JSON preference objects, later layers winning; a value of the wrong type is ignored
        (it does not erase a good value from an earlier layer)."""
        merged: dict[str, Any] = {}
        for layer in layers:
            parsed = cls._parse(layer or {})
            merged.update({k: v for k, v in parsed.items() if v is not None})
        return cls(**merged)

    @staticmethod
    def _parse(raw: dict[str, Any]) -> dict[str, Any]:
        floor = raw.get("floor")
        if isinstance(floor, str) and floor.strip().lstrip("-").isdigit():
            floor = int(floor)
        elif isinstance(floor, str):
            floor = floor.strip().lower() if floor.strip().lower() in ("high", "low") else None
        elif isinstance(floor, bool) or not isinstance(floor, int):
            floor = None
        bed = raw.get("bed_type")
        flags = {name: raw.get(name) if isinstance(raw.get(name), bool) else None
                 for name in ("accessible", "quiet", "near_elevator")}
        return {"floor": floor, "bed_type": bed.strip().lower() if isinstance(bed, str) and bed.strip() else None,
                **flags}


@dataclass(frozen=True)
class Candidate:
    """A free room and its calendar neighbours: the last taken night before the stay, the first after."""

    room_id: UUID
    room_number: str
    floor: int
    condition: str
    accessible: bool
    quiet: bool
    near_elevator: bool
    bed_type: str
    previous_taken: date | None
    next_taken: date | None


@dataclass(frozen=True)
class Stay:
    check_in: date
    check_out: date
    today: date


@dataclass(frozen=True)
class Score:
    points: int
    reasons: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Assignment:
    reservation_id: UUID
    room_id: UUID
    room_number: str
    upgraded: bool
    reasons: list[str]


@dataclass(frozen=True)
class Move:
    reservation_id: UUID
    from_room_id: UUID
    to_room_id: UUID
    to_room_number: str
    from_night: date
    cleaning_task_id: UUID
    door_key: str
    key_valid_until: datetime


def score_room(room: Candidate, stay: Stay, wanted: Preferences, floors: tuple[int, int]) -> Score:
    """Rank one free room for one stay; higher is better. ``floors`` is (lowest, highest) of the type.

    Preferences: accessible 100, bed type 40, floor 30 (exact floor, or the type's highest/lowest
    for 'high'/'low'), quiet 20, near the elevator 15; an accessible room given to a guest who did
    not ask for one loses 5, so those rooms stay free for guests who need them.

    Readiness (arrivals today only): inspected 30, clean 20, cleaning 5, dirty 0 — the guest can be
    keyed in now rather than after a clean.

    Gap score (HotelDruid's "no holes" rule): on each side of the stay look at the nearest taken
    night of the room (a booking or a block). If it touches the stay (the night before check-in, or
    the check-out night itself) the room gains 12: stays pack together and leave long free runs for
    long bookings. If exactly one free night would be left between them the room loses 25: a
    single night wedged between two stays is nearly unsellable (most guests want 2+ nights and
    the night cannot be joined to anything). A one-night hole before the stay only counts if that
    night is still ahead (>= today). Gaps of two nights or more, or no neighbour, score 0.
    """
    points = 0
    reasons: list[str] = []
    if wanted.accessible is True and room.accessible:
        points += ACCESSIBLE_POINTS
        reasons.append("accessible")
    elif wanted.accessible is not True and room.accessible:
        points -= SPARE_ACCESSIBLE_PENALTY
    if wanted.bed_type is not None and room.bed_type.lower() == wanted.bed_type:
        points += BED_TYPE_POINTS
        reasons.append(f"{room.bed_type} bed")
    lowest, highest = floors
    if (isinstance(wanted.floor, int) and room.floor == wanted.floor) or (
        (wanted.floor == "high" and room.floor == highest) or (wanted.floor == "low" and room.floor == lowest)
    ):
        points += FLOOR_POINTS
        reasons.append(f"floor {room.floor}")
    if wanted.quiet is True and room.quiet:
        points += QUIET_POINTS
        reasons.append("quiet")
    if wanted.near_elevator is not None and room.near_elevator == wanted.near_elevator:
        points += ELEVATOR_POINTS
        reasons.append("near elevator" if room.near_elevator else "away from elevator")
    if stay.check_in == stay.today:
        points += READINESS_POINTS.get(room.condition, 0)
        reasons.append(room.condition)

    night_before = stay.check_in - timedelta(days=1)
    if room.previous_taken == night_before:
        points += ABUT_POINTS
        reasons.append("follows another stay")
    elif room.previous_taken == night_before - timedelta(days=1) and night_before >= stay.today:
        points -= ORPHAN_NIGHT_PENALTY
        reasons.append("leaves a one-night gap before")
    if room.next_taken == stay.check_out:
        points += ABUT_POINTS
        reasons.append("precedes another stay")
    elif room.next_taken == stay.check_out + timedelta(days=1):
        points -= ORPHAN_NIGHT_PENALTY
        reasons.append("leaves a one-night gap after")
    return Score(points, reasons)


async def free_rooms(
    conn: asyncpg.Connection, room_type_id: UUID, check_in: date, check_out: date
) -> list[Candidate]:
    """Rooms of the type free on every night of ``[check_in, check_out)``, by room number."""
    rows = await conn.fetch(
        """SELECT r.id AS room_id, r.room_number, r.floor, r.condition, r.accessible, r.quiet, r.near_elevator,
                  r.bed_type,
                  (SELECT max(night) FROM room_nights p WHERE p.room_id = r.id AND p.night < $2) AS previous_taken,
                  (SELECT min(night) FROM room_nights q WHERE q.room_id = r.id AND q.night >= $3) AS next_taken
           FROM rooms r
           WHERE r.room_type_id = $1
             AND NOT EXISTS (SELECT 1 FROM room_nights t
                             WHERE t.room_id = r.id AND t.night >= $2 AND t.night < $3)
           ORDER BY r.room_number""",
        room_type_id, check_in, check_out,
    )
    return [Candidate(**dict(r)) for r in rows]


async def _claim_nights(
    conn: asyncpg.Connection, room_id: UUID, reservation_id: UUID, start: date, end: date
) -> bool:
    """Write the room's nights for the reservation; False when any is already taken."""
    try:
        async with conn.transaction():  # a savepoint: a clash undoes only this attempt
            await conn.execute(
                """INSERT INTO room_nights (room_id, night, reservation_id)
                   SELECT $1, n::date, $2 FROM generate_series($3::date, $4::date - 1, interval '1 day') n""",
                room_id, reservation_id, start, end,
            )
    except asyncpg.UniqueViolationError:
        return False
    return True


async def _occupant(conn: asyncpg.Connection, room_id: UUID, start: date, end: date) -> str:
    row = await conn.fetchrow(
        """SELECT rn.night, res.confirmation_code, b.kind FROM room_nights rn
           LEFT JOIN reservations res ON res.id = rn.reservation_id
           LEFT JOIN room_blocks b ON b.id = rn.block_id
           WHERE rn.room_id = $1 AND rn.night >= $2 AND rn.night < $3 ORDER BY rn.night LIMIT 1""",
        room_id, start, end,
    )
    if row is None:
        return "another reservation (just now)"
    holder = f"reservation {row['confirmation_code']}" if row["confirmation_code"] else row["kind"].replace("_", " ")
    return f"{holder} on {row['night'].isoformat()}"


async def release_room_nights(conn: asyncpg.Connection, reservation_id: UUID, from_night: date | None = None) -> None:
    """Free the reservation's room nights (all, or from ``from_night``): for cancel/no-show/early check-out.

    Runs inside the caller's transaction, next to the reservation transition that causes it.
    """
    await conn.execute(
        "DELETE FROM room_nights WHERE reservation_id = $1 AND ($2::date IS NULL OR night >= $2)",
        reservation_id, from_night,
    )


async def _locked_reservation(conn: asyncpg.Connection, reservation_id: UUID) -> asyncpg.Record:
    row = await conn.fetchrow(
        """SELECT r.*, rt.code AS room_type_code, g.preferences AS guest_preferences
           FROM reservations r JOIN room_types rt ON rt.id = r.room_type_id JOIN guests g ON g.id = r.guest_id
           WHERE r.id = $1 FOR UPDATE OF r""",
        reservation_id,
    )
    if row is None:
        raise NotFound(f"reservation {reservation_id} not found")
    return row


async def _change_type(
    conn: asyncpg.Connection, actor: Actor, reservation: asyncpg.Record, new_type: UUID, start: date
) -> None:
    """Swap sold inventory from the booked type to the target room's type (a staff upgrade/downgrade)."""
    if actor.type != "user":
        raise Forbidden("only staff may put a guest in a room of another type", field="room_id")
    await inventory.take(conn, new_type, start, reservation["check_out"])
    await inventory.release(conn, reservation["room_type_id"], start, reservation["check_out"])


async def assign_room(
    services: Services, reservation_id: UUID, actor: Actor, room_id: UUID | None = None,
    conn: asyncpg.Connection | None = None,
) -> Assignment:
    """Give the reservation a room for all its nights: ``room_id``, or the best-scoring free room.

    Re-assigning first frees the nights it held. A room of another type is an upgrade (staff only)
    and moves the sold inventory with it. Raises ``Conflict`` when the chosen room is taken,
    ``NoAvailability`` when no room of the type is free on every night.
    """
    async def work(tx: asyncpg.Connection) -> Assignment:
        return await _assign(services, tx, reservation_id, actor, room_id)

    if conn is not None:
        return await work(conn)
    return await refusals_audited(services.db, RESERVATION, reservation_id, "assign_room", actor, work)


async def _assign(
    services: Services, conn: asyncpg.Connection, reservation_id: UUID, actor: Actor, room_id: UUID | None
) -> Assignment:
    reservation = await _locked_reservation(conn, reservation_id)
    RESERVATION.next_state(reservation["status"], "assign_room")  # refuse early, before touching nights
    start, end = reservation["check_in"], reservation["check_out"]
    await release_room_nights(conn, reservation_id)
    changes: dict[str, Any] = {}
    if room_id is not None:
        target = await conn.fetchrow("SELECT room_number, room_type_id FROM rooms WHERE id = $1", room_id)
        if target is None:
            raise NotFound(f"room {room_id} not found", field="room_id")
        if target["room_type_id"] != reservation["room_type_id"]:
            await _change_type(conn, actor, reservation, target["room_type_id"], start)
            changes["room_type_id"] = target["room_type_id"]
        if not await _claim_nights(conn, room_id, reservation_id, start, end):
            raise Conflict(f"room {target['room_number']} is taken by {await _occupant(conn, room_id, start, end)}",
                           field="room_id")
        chosen, number, reasons = room_id, target["room_number"], ["chosen by staff"]
    else:
        chosen, number, reasons = await _auto_pick(conn, reservation, Stay(start, end, services.today()))
    changes["room_id"] = chosen
    await transition(services.db, RESERVATION, reservation_id, "assign_room", actor, changes=changes, conn=conn)
    return Assignment(reservation_id, chosen, number, "room_type_id" in changes, reasons)


async def _auto_pick(conn: asyncpg.Connection, reservation: asyncpg.Record, stay: Stay) -> tuple[UUID, str, list[str]]:
    wanted = Preferences.from_json(reservation["guest_preferences"], reservation["preferences"])
    floors = await conn.fetchrow(
        "SELECT min(floor) AS low, max(floor) AS high FROM rooms WHERE room_type_id = $1", reservation["room_type_id"]
    )
    candidates = await free_rooms(conn, reservation["room_type_id"], stay.check_in, stay.check_out)
    ranked = sorted(
        ((score_room(c, stay, wanted, (floors["low"], floors["high"])), c) for c in candidates),
        key=lambda pair: (-pair[0].points, pair[1].room_number),
    )
    for score, candidate in ranked:
        if await _claim_nights(conn, candidate.room_id, reservation["id"], stay.check_in, stay.check_out):
            return candidate.room_id, candidate.room_number, score.reasons
    raise NoAvailability(
        f"no {reservation['room_type_code']} room is free on every night from {stay.check_in.isoformat()}"
        f" to {stay.check_out.isoformat()}; assign one by hand or move another booking",
        field="room_id",
    )


async def unassign(services: Services, reservation_id: UUID, actor: Actor) -> None:
    """Take the room away from a not-yet-arrived reservation (its type stays sold)."""
    async def work(conn: asyncpg.Connection) -> None:
        reservation = await _locked_reservation(conn, reservation_id)
        RESERVATION.next_state(reservation["status"], "assign_room")
        await release_room_nights(conn, reservation_id)
        await transition(services.db, RESERVATION, reservation_id, "assign_room", actor,
                         changes={"room_id": None}, conn=conn)

    await refusals_audited(services.db, RESERVATION, reservation_id, "assign_room", actor, work)


async def move_room(services: Services, reservation_id: UUID, new_room_id: UUID, actor: Actor) -> Move:
    """Move an in-house guest: the nights from the hotel's today move to ``new_room_id``.

    The new room must be clean or inspected; the old room becomes dirty with a cleaning task. The
    guest's key for the new room is granted, and the old one revoked, through the outbox once the
    move commits (``backoffice.doorkeys``).
    """

    async def work(conn: asyncpg.Connection) -> Move:
        reservation = await _locked_reservation(conn, reservation_id)
        RESERVATION.next_state(reservation["status"], "move_room")
        old_room = reservation["room_id"]
        if old_room is None:
            raise Conflict("the guest has no room to move from; assign one first", field="room_id")
        if old_room == new_room_id:
            raise ValidationFailed("the guest is already in that room", field="room_id")
        target = await conn.fetchrow(
            "SELECT room_number, room_type_id, condition FROM rooms WHERE id = $1 FOR UPDATE", new_room_id
        )
        if target is None:
            raise NotFound(f"room {new_room_id} not found", field="room_id")
        if target["condition"] not in READY_CONDITIONS:
            raise Conflict(f"room {target['room_number']} is {target['condition']}; move the guest into a"
                           " clean or inspected room", field="room_id")
        today = services.today()
        start, end = max(today, reservation["check_in"]), reservation["check_out"]
        if start >= end:
            raise Conflict("the stay has no nights left to move", field="room_id")
        changes: dict[str, Any] = {"room_id": new_room_id}
        if target["room_type_id"] != reservation["room_type_id"]:
            await _change_type(conn, actor, reservation, target["room_type_id"], start)
            changes["room_type_id"] = target["room_type_id"]
        await release_room_nights(conn, reservation_id, start)
        if not await _claim_nights(conn, new_room_id, reservation_id, start, end):
            raise Conflict(
                f"room {target['room_number']} is taken by {await _occupant(conn, new_room_id, start, end)}",
                field="room_id",
            )
        await transition(services.db, RESERVATION, reservation_id, "move_room", actor, changes=changes, conn=conn)
        task_id = await vacate_room(conn, old_room, reservation_id, actor, today)
        policy = services.policy
        valid_until = datetime.combine(end, policy.check_out_time, policy.timezone).astimezone(UTC)
        # Both asked for here, delivered by the relay after commit: a rolled-back move leaves the
        # old key working and no new one; a committed one always ends with the old key revoked.
        old_room_number = await conn.fetchval("SELECT room_number FROM rooms WHERE id = $1", old_room)
        await doorkeys.request_revoke(conn, actor, reservation_id, room_number=old_room_number,
                                      legacy_room=old_room_number)
        key = await doorkeys.request_grant(conn, actor, reservation_id, target["room_number"], valid_until)
        return Move(reservation_id, old_room, new_room_id, target["room_number"], start, task_id,
                    key.credential_id, key.valid_until)

    moved = await refusals_audited(services.db, RESERVATION, reservation_id, "move_room", actor, work)
    await doorkeys.deliver_now(services, reservation_id)
    return moved


@dataclass(frozen=True)
class BatchResult:
    assigned: list[Assignment]
    unplaced: dict[UUID, str]  # reservation -> why no room could be given


async def assign_arrivals(services: Services, day: date, actor: Actor) -> BatchResult:
    """Give a room to every confirmed reservation arriving on ``day`` that has none yet.

    Longest stays go first, as in HotelDruid: they have the fewest rooms that fit, so placing the
    short ones first would strand them. Each reservation is its own transaction; one that cannot be
    placed is reported (and audited as refused) without stopping the others.
    """
    pending = await services.db.pool.fetch(
        """SELECT id FROM reservations
           WHERE check_in = $1 AND status = 'confirmed' AND room_id IS NULL
           ORDER BY check_out - check_in DESC, created_at, id""",
        day,
    )
    assigned: list[Assignment] = []
    unplaced: dict[UUID, str] = {}
    for row in pending:
        try:
            assigned.append(await assign_room(services, row["id"], actor))
        except BackofficeError as refused:
            unplaced[row["id"]] = refused.detail
    return BatchResult(assigned, unplaced)
