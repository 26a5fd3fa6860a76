"""Housekeeping: the task machine, its grip on the room condition, guest requests, the check-out hook."""

from __future__ import annotations

import json
import secrets
from datetime import date, timedelta
from uuid import UUID

from backoffice import inventory
from backoffice.audit import Actor
from backoffice.db import Database
from backoffice.housekeeping import on_checkout
from tests.factories import make_room_type

STAFF = Actor.system("test")


async def book(
    db: Database, room_type_id: UUID, check_in: date, nights: int, *, status: str = "confirmed",
    room_id: UUID | None = None, preferences: dict[str, object] | None = None,
) -> UUID:
    """A reservation row with inventory taken (and the room's nights when ``room_id`` is given)."""
    check_out = check_in + timedelta(days=nights)
    async with db.transaction() as conn:
        guest = await conn.fetchval("INSERT INTO guests (name) VALUES ('Test Guest') RETURNING id")
        await inventory.take(conn, room_type_id, check_in, check_out)
        reservation: UUID = await conn.fetchval(
            """INSERT INTO reservations (confirmation_code, guest_id, room_type_id, room_id, status, check_in,
                                         check_out, guests, amount, currency, preferences, hold_expires_at)
               VALUES ($1, $2, $3, $4, $5, $6, $7, 1, 100, 'BDT', $8,
                       CASE WHEN $5 = 'hold' THEN now() + interval '30 minutes' END) RETURNING id""",
            "T" + secrets.token_hex(4).upper(), guest, room_type_id, room_id, status, check_in, check_out,
            json.loads(json.dumps(preferences or {})),
        )
        if room_id is not None:
            await conn.execute(
                """INSERT INTO room_nights (room_id, night, reservation_id)
                   SELECT $1, n::date, $2 FROM generate_series($3::date, $4::date - 1, interval '1 day') n""",
                room_id, reservation, check_in, check_out,
            )
    return reservation


async def room_by_number(db: Database, number: str) -> UUID:
    room_id: UUID = await db.pool.fetchval("SELECT id FROM rooms WHERE room_number = $1", number)
    return room_id


async def test_on_checkout_dirties_the_room_and_opens_a_high_priority_clean(db, services):
    room_type = await make_room_type(db, rooms=2)
    room = await room_by_number(db, "101")
    today = services.today()
    stay = await book(db, room_type, today - timedelta(days=2), 2, status="checked_in", room_id=room)
    async with db.transaction() as conn:
        task_id = await on_checkout(conn, room, stay, STAFF)
    task = await db.pool.fetchrow("SELECT * FROM housekeeping_tasks WHERE id = $1", task_id)
    assert (task["task_type"], task["status"], task["priority"]) == ("checkout_clean", "open", "high")
    assert task["reservation_id"] == stay
    assert await db.pool.fetchval("SELECT condition FROM rooms WHERE id = $1", room) == "dirty"
    actions = [r["action"] for r in await db.pool.fetch("SELECT action FROM audit_logs ORDER BY created_at")]
    assert actions == ["room.mark_dirty", "housekeeping_task.open"]


async def test_on_checkout_clean_is_urgent_when_someone_arrives_in_the_room_today(db, services):
    room_type = await make_room_type(db, rooms=2)
    room = await room_by_number(db, "101")
    today = services.today()
    stay = await book(db, room_type, today - timedelta(days=2), 2, status="checked_in", room_id=room)
    await book(db, room_type, today, 1, room_id=room)
    async with db.transaction() as conn:
        task_id = await on_checkout(conn, room, stay, STAFF, today=today)
    assert await db.pool.fetchval("SELECT priority FROM housekeeping_tasks WHERE id = $1", task_id) == "urgent"


async def test_on_checkout_of_an_already_dirty_room_keeps_it_dirty(db, services):
    room_type = await make_room_type(db, rooms=1)
    room = await room_by_number(db, "101")
    await db.pool.execute("UPDATE rooms SET condition = 'dirty' WHERE id = $1", room)
    stay = await book(db, room_type, services.today() - timedelta(days=1), 1, status="checked_in", room_id=room)
    async with db.transaction() as conn:
        await on_checkout(conn, room, stay, STAFF)
    assert await db.pool.fetchval("SELECT condition FROM rooms WHERE id = $1", room) == "dirty"
    assert await db.pool.fetchval("SELECT count(*) FROM housekeeping_tasks") == 1
