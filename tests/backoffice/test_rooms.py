"""Rooms: the condition machine, derived occupancy, new rooms and dated blocks against inventory."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from uuid import UUID

import pytest

from backoffice import inventory, rooms
from backoffice.audit import Actor
from backoffice.db import Database
from backoffice.errors import Conflict, InvalidTransition, NoAvailability, ValidationFailed
from tests.factories import book, make_room_type, room_by_number

STAFF = Actor.system("test")


async def capacity(db: Database, room_type: UUID, night: date) -> tuple[int, int]:
    row = await db.pool.fetchrow(
        "SELECT capacity, sold FROM room_type_nights WHERE room_type_id = $1 AND night = $2", room_type, night
    )
    return (row["capacity"], row["sold"])


# --- condition machine ---------------------------------------------------------------------------

async def test_condition_machine_walks_the_cleaning_cycle_with_an_audit_row_per_step(db):
    await make_room_type(db, rooms=1)
    room = await room_by_number(db, "101")
    path = [("mark_dirty", "dirty"), ("start_cleaning", "cleaning"), ("finish_cleaning", "clean"),
            ("fail_inspection", "dirty"), ("start_cleaning", "cleaning"), ("finish_cleaning", "clean"),
            ("inspect", "inspected")]
    for action, expected in path:
        assert await rooms.change_condition(db, room, action, STAFF) == expected
    audited = await db.pool.fetch(
        "SELECT action, outcome, new_values FROM audit_logs WHERE entity_id = $1 ORDER BY created_at", str(room)
    )
    assert [(r["action"], r["new_values"]["condition"]) for r in audited] == [(f"room.{a}", s) for a, s in path]


@pytest.mark.parametrize("state,action", list(rooms.ROOM_CONDITION.illegal_pairs()))
async def test_every_illegal_condition_change_is_refused_and_only_audited(db, state, action):
    await make_room_type(db, rooms=1)
    room = await room_by_number(db, "101")
    await db.pool.execute("UPDATE rooms SET condition = $2 WHERE id = $1", room, state)
    with pytest.raises(InvalidTransition) as refused:
        await rooms.change_condition(db, room, action, STAFF)
    assert refused.value.status == 409
    assert await db.pool.fetchval("SELECT condition FROM rooms WHERE id = $1", room) == state
    audited = await db.pool.fetch("SELECT action, outcome FROM audit_logs")
    assert [(r["action"], r["outcome"]) for r in audited] == [(f"room.{action}", "refused")]


# --- listing -------------------------------------------------------------------------------------

async def test_rooms_show_derived_occupancy_and_active_blocks(db, services):
    room_type = await make_room_type(db, rooms=3)
    today = services.today()
    occupied = await room_by_number(db, "101")
    stay = await book(db, room_type, today - timedelta(days=1), 3, status="checked_in", room_id=occupied)
    await book(db, room_type, today, 2, room_id=await room_by_number(db, "102"))  # confirmed: not occupied
    blocked = await room_by_number(db, "103")
    block = await rooms.create_block(db, blocked, STAFF, today, kind="out_of_order", start_date=today,
                                     end_date=today + timedelta(days=2), reason="leaking pipe")
    listed = {r.room_number: r for r in await rooms.list_rooms(db.pool, today)}
    assert (listed["101"].occupied, listed["101"].occupied_by) == (True, stay)
    assert not listed["102"].occupied
    assert listed["103"].blocked_today and [b.id for b in listed["103"].blocks] == [block.id]
    assert [listed[n].status_code for n in ("101", "102", "103")] == ["OCI", "VCI", "OOO"]
    assert not listed["102"].blocked_today
    room = await rooms.get_room(db.pool, blocked, today)
    assert room.blocks[0].reason == "leaking pipe"
    await db.pool.execute("UPDATE rooms SET condition = 'dirty' WHERE id = $1", blocked)
    assert [r.room_number for r in await rooms.list_rooms(db.pool, today, condition="dirty")] == ["103"]
    assert await rooms.list_rooms(db.pool, today, floor=2) == []
    assert len(await rooms.list_rooms(db.pool, today, room_type="STD")) == 3


async def test_a_new_room_raises_capacity_of_nights_already_counted(db, services):
    room_type = await make_room_type(db, rooms=1)
    today = services.today()
    await book(db, room_type, today, 1)
    await book(db, room_type, today + timedelta(days=2), 1)  # rows for today and today+2, none between
    assert await capacity(db, room_type, today) == (1, 1)
    room = await rooms.create_room(db, STAFF, today, room_number="102", room_type_id=room_type, floor=1, quiet=True)
    assert room.quiet and room.condition == "inspected"
    for offset in range(3):
        assert (await capacity(db, room_type, today + timedelta(days=offset)))[0] == 2
    # The new room is sellable at once: a second booking tonight now fits.
    await book(db, room_type, today, 1)
    with pytest.raises(Conflict):
        await rooms.create_room(db, STAFF, today, room_number="102", room_type_id=room_type, floor=1)


async def test_room_types_list_with_room_counts(db):
    await make_room_type(db, "DLX", rooms=2, rate="9000.00")
    await make_room_type(db, "STD", rooms=3, floor=2)
    created = await rooms.create_room_type(db, STAFF, code="STE", name="Suite", max_occupancy=4,
                                           base_rate=Decimal("20000.00"), currency="BDT", bed_type="king")
    assert created.rooms == 0
    listed = [(t.code, t.rooms) for t in await rooms.list_room_types(db.pool)]
    assert listed == [("STD", 3), ("DLX", 2), ("STE", 0)]
    with pytest.raises(Conflict):
        await rooms.create_room_type(db, STAFF, code="STE", name="Suite", max_occupancy=4,
                                     base_rate=Decimal("1.00"), currency="BDT")


def test_status_codes_read_like_the_front_desk_board():
    assert rooms.status_code(False, "dirty", None) == "VD"
    assert rooms.status_code(False, "cleaning", None) == "VD"
    assert rooms.status_code(True, "clean", None) == "OC"
    assert rooms.status_code(True, "inspected", None) == "OCI"
    assert rooms.status_code(True, "inspected", "out_of_service") == "OOS"


# --- blocks --------------------------------------------------------------------------------------

async def test_a_block_lowers_capacity_and_releasing_it_restores_it(db, services):
    room_type = await make_room_type(db, rooms=2)
    today = services.today()
    room = await room_by_number(db, "101")
    block = await rooms.create_block(db, room, STAFF, today, kind="out_of_service", start_date=today + timedelta(1),
                                     end_date=today + timedelta(days=3))
    assert await capacity(db, room_type, today + timedelta(days=1)) == (1, 0)
    assert await capacity(db, room_type, today + timedelta(days=2)) == (1, 0)
    blocked_nights = await db.pool.fetchval("SELECT count(*) FROM room_nights WHERE block_id = $1", block.id)
    assert blocked_nights == 2
    available = await inventory.availability(db.pool, today + timedelta(days=1), today + timedelta(days=3))
    assert available[0].available == 1
    released = await rooms.release_block(db, room, block.id, STAFF, today)
    assert released.released_at is not None
    assert await capacity(db, room_type, today + timedelta(days=1)) == (2, 0)
    assert await db.pool.fetchval("SELECT count(*) FROM room_nights") == 0
    with pytest.raises(InvalidTransition):
        await rooms.release_block(db, room, block.id, STAFF, today)
    actions = [r["action"] for r in await db.pool.fetch("SELECT action FROM audit_logs ORDER BY created_at")]
    assert actions == ["room_block.create", "room_block.release"]


async def test_a_block_created_before_inventory_rows_exist_is_counted_once(db, services):
    room_type = await make_room_type(db, rooms=3)
    today = services.today()
    await rooms.create_block(db, await room_by_number(db, "101"), STAFF, today, kind="out_of_order",
                             start_date=today, end_date=today + timedelta(days=1))
    assert await capacity(db, room_type, today) == (2, 0)


async def test_releasing_a_running_block_frees_only_tonight_and_later(db, services, clock):
    room_type = await make_room_type(db, rooms=2)
    today = services.today()
    room = await room_by_number(db, "101")
    block = await rooms.create_block(db, room, STAFF, today, kind="out_of_order", start_date=today,
                                     end_date=today + timedelta(days=3))
    clock.advance(days=1)
    await rooms.release_block(db, room, block.id, STAFF, services.today())
    assert await capacity(db, room_type, today) == (1, 0)  # last night stays blocked history
    assert await capacity(db, room_type, today + timedelta(days=1)) == (2, 0)
    nights = await db.pool.fetch("SELECT night FROM room_nights WHERE block_id = $1", block.id)
    assert [r["night"] for r in nights] == [today]


async def test_a_block_over_an_assigned_night_names_the_reservation(db, services):
    room_type = await make_room_type(db, rooms=2)
    today = services.today()
    room = await room_by_number(db, "101")
    stay = await book(db, room_type, today + timedelta(days=2), 2, room_id=room)
    code = await db.pool.fetchval("SELECT confirmation_code FROM reservations WHERE id = $1", stay)
    with pytest.raises(Conflict) as refused:
        await rooms.create_block(db, room, STAFF, today, kind="out_of_order", start_date=today,
                                 end_date=today + timedelta(days=5))
    assert code in refused.value.detail
    assert refused.value.extra["reservation"] == code
    assert await db.pool.fetchval("SELECT count(*) FROM room_blocks") == 0
    assert await capacity(db, room_type, today + timedelta(days=2)) == (2, 1)


async def test_a_block_on_a_sold_out_night_is_refused(db, services):
    room_type = await make_room_type(db, rooms=2)
    today = services.today()
    await book(db, room_type, today, 1)
    await book(db, room_type, today, 1)  # both rooms sold, neither assigned yet
    with pytest.raises(NoAvailability):
        await rooms.create_block(db, await room_by_number(db, "101"), STAFF, today, kind="out_of_service",
                                 start_date=today, end_date=today + timedelta(days=1))
    assert await capacity(db, room_type, today) == (2, 2)
    assert await db.pool.fetchval("SELECT count(*) FROM room_blocks") == 0


async def test_blocks_cannot_overlap_or_start_in_the_past(db, services):
    await make_room_type(db, rooms=2)
    today = services.today()
    room = await room_by_number(db, "101")
    await rooms.create_block(db, room, STAFF, today, kind="out_of_order", start_date=today,
                             end_date=today + timedelta(days=2))
    with pytest.raises(Conflict, match="already blocked"):
        await rooms.create_block(db, room, STAFF, today, kind="out_of_service", start_date=today + timedelta(1),
                                 end_date=today + timedelta(days=4))
    with pytest.raises(ValidationFailed):
        await rooms.create_block(db, room, STAFF, today, kind="out_of_service", start_date=today - timedelta(1),
                                 end_date=today + timedelta(days=4))
    with pytest.raises(ValidationFailed):
        await rooms.create_block(db, room, STAFF, today, kind="out_of_service", start_date=today,
                                 end_date=today)
    with pytest.raises(ValidationFailed, match="at most"):
        await rooms.create_block(db, await room_by_number(db, "102"), STAFF, today, kind="out_of_service",
                                 start_date=today, end_date=date(9999, 12, 31))
