"""Room allocation: preferences, readiness, gap avoidance, blocks, upgrades, races and room moves."""

from __future__ import annotations

import asyncio
from datetime import date, timedelta
from uuid import UUID

import pytest

from backoffice import allocation, rooms
from backoffice.allocation import Candidate, Preferences, Stay, score_room
from backoffice.audit import Actor
from backoffice.db import Database
from backoffice.errors import Conflict, Forbidden, InvalidTransition, NoAvailability
from tests.factories import book, make_room_type, make_user, room_by_number

SYSTEM = Actor.system("test")


async def nights_of(db: Database, reservation: UUID) -> list[tuple[str, date]]:
    rows = await db.pool.fetch(
        """SELECT r.room_number, rn.night FROM room_nights rn JOIN rooms r ON r.id = rn.room_id
           WHERE rn.reservation_id = $1 ORDER BY rn.night""",
        reservation,
    )
    return [(r["room_number"], r["night"]) for r in rows]


# --- the score, as a pure function ---------------------------------------------------------------

def candidate(number: str = "101", **overrides: object) -> Candidate:
    values: dict[str, object] = dict(
        room_id=UUID(int=int(number)), room_number=number, floor=1, condition="inspected", accessible=False,
        quiet=False, near_elevator=False, bed_type="queen", previous_taken=None, next_taken=None,
    )
    values.update(overrides)
    return Candidate(**values)  # type: ignore[arg-type]


def test_gap_score_rewards_abutting_stays_and_penalises_one_night_holes():
    today = date(2026, 12, 1)
    stay = Stay(date(2026, 12, 5), date(2026, 12, 8), today)
    nothing = Preferences()
    empty = score_room(candidate(), stay, nothing, (1, 1)).points
    before_abuts = score_room(candidate(previous_taken=date(2026, 12, 4)), stay, nothing, (1, 1))
    after_abuts = score_room(candidate(next_taken=date(2026, 12, 8)), stay, nothing, (1, 1))
    hole_before = score_room(candidate(previous_taken=date(2026, 12, 3)), stay, nothing, (1, 1))
    hole_after = score_room(candidate(next_taken=date(2026, 12, 9)), stay, nothing, (1, 1))
    two_free = score_room(candidate(next_taken=date(2026, 12, 10)), stay, nothing, (1, 1))
    assert before_abuts.points == after_abuts.points == empty + allocation.ABUT_POINTS
    assert hole_before.points == hole_after.points == empty - allocation.ORPHAN_NIGHT_PENALTY
    assert "leaves a one-night gap after" in hole_after.reasons
    assert two_free.points == empty
    # A one-night hole that is already in the past costs nothing.
    late = Stay(date(2026, 12, 2), date(2026, 12, 4), date(2026, 12, 1))
    past_hole = score_room(candidate(previous_taken=date(2026, 11, 30)), Stay(late.check_in, late.check_out,
                                                                             date(2026, 12, 2)), nothing, (1, 1))
    assert past_hole.points == score_room(candidate(), Stay(late.check_in, late.check_out, date(2026, 12, 2)),
                                          nothing, (1, 1)).points


def test_preferences_merge_with_reservation_winning_and_bad_values_ignored():
    merged = Preferences.from_json({"floor": 3, "quiet": True, "bed_type": "Twin"}, {"floor": "high", "quiet": "yes"})
    assert merged == Preferences(floor="high", accessible=None, quiet=True, bed_type="twin", near_elevator=None)
    assert Preferences.from_json({"floor": "7"}).floor == 7
    assert Preferences.from_json({"floor": "penthouse", "accessible": 1}) == Preferences()


# --- auto-pick against the database --------------------------------------------------------------

async def test_auto_pick_honours_reservation_and_guest_preferences(db, services):
    room_type = await make_room_type(db, rooms=2, floor=1)
    await db.pool.execute(
        """INSERT INTO rooms (room_number, room_type_id, floor, quiet, bed_type, accessible, near_elevator)
           VALUES ('201', $1, 2, true, 'king', false, false), ('202', $1, 2, false, 'twin', true, true)""",
        room_type,
    )
    later = services.today() + timedelta(days=10)
    quiet_king = await book(db, room_type, later, 2, preferences={"floor": 2, "bed_type": "king"},
                            guest_preferences={"quiet": True})
    assigned = await allocation.assign_room(services, quiet_king, SYSTEM)
    assert assigned.room_number == "201"
    assert {"king bed", "floor 2", "quiet"} <= set(assigned.reasons)
    needs_access = await book(db, room_type, later, 2, guest_preferences={"accessible": True})
    assert (await allocation.assign_room(services, needs_access, SYSTEM)).room_number == "202"
    anyone = await book(db, room_type, later, 2)
    # The accessible room is taken anyway; an unfussy guest gets an ordinary room, the lowest number.
    assert (await allocation.assign_room(services, anyone, SYSTEM)).room_number == "101"
    assert await db.pool.fetchval("SELECT room_id FROM reservations WHERE id = $1", anyone) == \
        await room_by_number(db, "101")


async def test_an_unfussy_guest_is_kept_out_of_the_accessible_room(db, services):
    room_type = await make_room_type(db, rooms=1)
    await db.pool.execute("UPDATE rooms SET accessible = true WHERE room_number = '101'")
    await db.pool.execute("INSERT INTO rooms (room_number, room_type_id, floor) VALUES ('102', $1, 1)", room_type)
    stay = await book(db, room_type, services.today() + timedelta(days=3), 1)
    assert (await allocation.assign_room(services, stay, SYSTEM)).room_number == "102"


async def test_arrivals_today_get_inspected_then_clean_rooms(db, services):
    room_type = await make_room_type(db, rooms=3)
    await db.pool.execute("UPDATE rooms SET condition = 'dirty' WHERE room_number = '101'")
    await db.pool.execute("UPDATE rooms SET condition = 'clean' WHERE room_number = '102'")
    today = services.today()
    first = await book(db, room_type, today, 1)
    second = await book(db, room_type, today, 1)
    third = await book(db, room_type, today, 1)
    assert (await allocation.assign_room(services, first, SYSTEM)).room_number == "103"  # inspected
    assert (await allocation.assign_room(services, second, SYSTEM)).room_number == "102"  # clean
    assert (await allocation.assign_room(services, third, SYSTEM)).room_number == "101"  # only one left


async def test_auto_pick_packs_stays_and_avoids_one_night_gaps(db, services):
    room_type = await make_room_type(db, rooms=3)
    start = services.today() + timedelta(days=5)
    # 101 is busy until `start` (abuts); 102 is busy from start+3 (a one-night hole after a 2-night stay).
    await book(db, room_type, start - timedelta(days=2), 2, room_id=await room_by_number(db, "101"))
    await book(db, room_type, start + timedelta(days=3), 2, room_id=await room_by_number(db, "102"))
    stay = await book(db, room_type, start, 2)
    assigned = await allocation.assign_room(services, stay, SYSTEM)
    assert assigned.room_number == "101"
    assert "follows another stay" in assigned.reasons
    # Without an abutting room, the empty 103 beats 102, where a single night would be stranded.
    next_to_hole = await book(db, room_type, start + timedelta(days=1), 1)
    assert (await allocation.assign_room(services, next_to_hole, SYSTEM)).room_number == "103"
    stay_elsewhere = await book(db, room_type, start + timedelta(days=10), 2)
    await book(db, room_type, start + timedelta(days=13), 1, room_id=await room_by_number(db, "101"))
    await book(db, room_type, start + timedelta(days=13), 1, room_id=await room_by_number(db, "103"))
    # 101 and 103 would leave a one-night hole before their next stay; 102 is free around it.
    assert (await allocation.assign_room(services, stay_elsewhere, SYSTEM)).room_number == "102"


async def test_blocked_rooms_are_never_picked(db, services):
    room_type = await make_room_type(db, rooms=2)
    today = services.today()
    await rooms.create_block(db, await room_by_number(db, "101"), SYSTEM, today, kind="out_of_order",
                             start_date=today + timedelta(days=1), end_date=today + timedelta(days=2))
    stay = await book(db, room_type, today, 3)
    assert (await allocation.assign_room(services, stay, SYSTEM)).room_number == "102"
    assert await nights_of(db, stay) == [("102", today + timedelta(days=n)) for n in range(3)]


async def test_no_single_room_free_for_the_whole_stay_is_no_availability(db, services):
    room_type = await make_room_type(db, rooms=2)
    start = services.today() + timedelta(days=1)
    await book(db, room_type, start, 1, room_id=await room_by_number(db, "101"))
    await book(db, room_type, start + timedelta(days=1), 1, room_id=await room_by_number(db, "102"))
    stay = await book(db, room_type, start, 2)  # the type has a room each night, but never the same one
    with pytest.raises(NoAvailability):
        await allocation.assign_room(services, stay, SYSTEM)
    assert await nights_of(db, stay) == []
    refused = await db.pool.fetch("SELECT action, outcome FROM audit_logs WHERE entity_id = $1", str(stay))
    assert [(r["action"], r["outcome"]) for r in refused] == [("reservation.assign_room", "refused")]


# --- explicit rooms, upgrades, re-assignment -----------------------------------------------------

async def test_an_explicit_room_that_is_taken_names_its_reservation(db, services):
    room_type = await make_room_type(db, rooms=2)
    start = services.today() + timedelta(days=1)
    room = await room_by_number(db, "101")
    first = await book(db, room_type, start, 2, room_id=room)
    code = await db.pool.fetchval("SELECT confirmation_code FROM reservations WHERE id = $1", first)
    second = await book(db, room_type, start + timedelta(days=1), 2)
    with pytest.raises(Conflict, match=code):
        await allocation.assign_room(services, second, SYSTEM, room_id=room)


async def test_reassigning_moves_all_nights_and_audits_the_change(db, services):
    room_type = await make_room_type(db, rooms=2)
    start = services.today() + timedelta(days=1)
    stay = await book(db, room_type, start, 2)
    await allocation.assign_room(services, stay, SYSTEM)
    await allocation.assign_room(services, stay, SYSTEM, room_id=await room_by_number(db, "102"))
    assert [n for n, _ in await nights_of(db, stay)] == ["102", "102"]
    audited = await db.pool.fetch(
        "SELECT action, outcome FROM audit_logs WHERE entity_id = $1 ORDER BY created_at", str(stay))
    assert [(r["action"], r["outcome"]) for r in audited] == [("reservation.assign_room", "applied")] * 2
    await allocation.unassign(services, stay, SYSTEM)
    assert await nights_of(db, stay) == []
    assert await db.pool.fetchval("SELECT room_id FROM reservations WHERE id = $1", stay) is None


async def test_a_room_of_another_type_is_a_staff_upgrade_that_moves_inventory(db, services):
    standard = await make_room_type(db, "STD", rooms=1)
    deluxe = await make_room_type(db, "DLX", rooms=1, floor=2)
    start = services.today() + timedelta(days=1)
    stay = await book(db, standard, start, 2)
    suite = await room_by_number(db, "201")
    with pytest.raises(Forbidden):
        await allocation.assign_room(services, stay, Actor.call("CA123"), room_id=suite)
    clerk = Actor.user(await make_user(db, "front_desk"))
    upgraded = await allocation.assign_room(services, stay, clerk, room_id=suite)
    assert upgraded.upgraded and upgraded.room_number == "201"
    sold = {r["room_type_id"]: r["sold"] for r in await db.pool.fetch(
        "SELECT room_type_id, sold FROM room_type_nights WHERE night = $1", start)}
    assert sold == {standard: 0, deluxe: 1}
    assert await db.pool.fetchval("SELECT room_type_id FROM reservations WHERE id = $1", stay) == deluxe


@pytest.mark.parametrize("status", ["checked_in", "checked_out", "cancelled", "no_show", "expired"])
async def test_assignment_is_refused_outside_hold_and_confirmed(db, services, status):
    room_type = await make_room_type(db, rooms=1)
    stay = await book(db, room_type, services.today(), 1, status=status)
    with pytest.raises(InvalidTransition):
        await allocation.assign_room(services, stay, SYSTEM)
    assert await db.pool.fetchval("SELECT count(*) FROM room_nights") == 0
    rows = await db.pool.fetch("SELECT outcome FROM audit_logs")
    assert [r["outcome"] for r in rows] == ["refused"]


# --- races ---------------------------------------------------------------------------------------

async def test_two_reservations_racing_for_the_same_room_exactly_one_wins(db, services):
    room_type = await make_room_type(db, rooms=2)
    start = services.today() + timedelta(days=1)
    room = await room_by_number(db, "101")
    for round_ in range(5):
        night = start + timedelta(days=3 * round_)
        a, b = await book(db, room_type, night, 2), await book(db, room_type, night, 2)
        results = await asyncio.gather(
            allocation.assign_room(services, a, SYSTEM, room_id=room),
            allocation.assign_room(services, b, SYSTEM, room_id=room),
            return_exceptions=True,
        )
        winners = [r for r in results if isinstance(r, allocation.Assignment)]
        losers = [r for r in results if isinstance(r, Conflict)]
        assert len(winners) == 1 and len(losers) == 1, results
        holders = await db.pool.fetch("SELECT DISTINCT reservation_id FROM room_nights WHERE room_id = $1"
                                      " AND night >= $2 AND night < $3", room, night, night + timedelta(days=2))
        assert [h["reservation_id"] for h in holders] == [winners[0].reservation_id]


async def test_concurrent_auto_picks_fall_through_to_the_next_room(db, services):
    room_type = await make_room_type(db, rooms=3)
    start = services.today() + timedelta(days=1)
    stays = [await book(db, room_type, start, 2) for _ in range(3)]
    results = await asyncio.gather(*(allocation.assign_room(services, s, SYSTEM) for s in stays))
    assert sorted(r.room_number for r in results) == ["101", "102", "103"]


# --- room moves ----------------------------------------------------------------------------------

async def test_moving_an_in_house_guest_moves_the_remaining_nights_and_dirties_the_old_room(db, services):
    room_type = await make_room_type(db, rooms=3)
    today = services.today()
    old, new = await room_by_number(db, "101"), await room_by_number(db, "102")
    stay = await book(db, room_type, today - timedelta(days=1), 3, status="checked_in", room_id=old)
    await services.door_lock.grant("101", str(stay), services.now() + timedelta(days=2))
    clerk = Actor.user(await make_user(db, "front_desk"))
    moved = await allocation.move_room(services, stay, new, clerk)
    assert (moved.from_room_id, moved.to_room_number, moved.from_night) == (old, "102", today)
    assert await nights_of(db, stay) == [("101", today - timedelta(days=1)), ("102", today),
                                         ("102", today + timedelta(days=1))]
    assert await db.pool.fetchval("SELECT room_id FROM reservations WHERE id = $1", stay) == new
    assert await db.pool.fetchval("SELECT condition FROM rooms WHERE id = $1", old) == "dirty"
    task = await db.pool.fetchrow("SELECT * FROM housekeeping_tasks WHERE id = $1", moved.cleaning_task_id)
    assert (task["room_id"], task["task_type"], task["status"]) == (old, "checkout_clean", "open")
    actions = {r["action"] for r in await db.pool.fetch("SELECT action FROM audit_logs")}
    assert {"reservation.move_room", "room.mark_dirty", "housekeeping_task.open", "door_key.grant",
            "door_key.revoke"} <= actions
    assert list(services.door_lock.active) == [("102", str(stay))]
    assert services.door_lock.active["102", str(stay)].credential == moved.door_key


async def test_a_move_needs_a_checked_in_guest_and_a_ready_free_room(db, services):
    room_type = await make_room_type(db, rooms=3)
    today = services.today()
    old, dirty, taken = [await room_by_number(db, n) for n in ("101", "102", "103")]
    await db.pool.execute("UPDATE rooms SET condition = 'dirty' WHERE id = $1", dirty)
    stay = await book(db, room_type, today, 2, status="checked_in", room_id=old)
    await book(db, room_type, today + timedelta(days=1), 1, room_id=taken)
    with pytest.raises(Conflict, match="dirty"):
        await allocation.move_room(services, stay, dirty, SYSTEM)
    with pytest.raises(Conflict, match="taken"):
        await allocation.move_room(services, stay, taken, SYSTEM)
    assert [n for n, _ in await nights_of(db, stay)] == ["101", "101"]
    assert services.door_lock.active == {}  # a refused move grants no key
    arriving = await book(db, room_type, today + timedelta(days=3), 1)
    with pytest.raises(InvalidTransition):
        await allocation.move_room(services, arriving, taken, SYSTEM)


async def test_arrivals_are_assigned_longest_stay_first(db, services):
    room_type = await make_room_type(db, rooms=2)
    today = services.today()
    # 102 is taken from tomorrow: only 101 can hold the 3-night stay, so it must be placed first.
    await book(db, room_type, today + timedelta(days=1), 1, room_id=await room_by_number(db, "102"))
    short = await book(db, room_type, today, 1)
    long = await book(db, room_type, today, 3)
    already = await book(db, room_type, today + timedelta(days=5), 1)
    await allocation.assign_room(services, already, SYSTEM)
    result = await allocation.assign_arrivals(services, today, SYSTEM)
    assert [(a.reservation_id, a.room_number) for a in result.assigned] == [(long, "101"), (short, "102")]
    assert result.unplaced == {}


async def test_arrivals_that_cannot_be_placed_are_reported_not_raised(db, services):
    room_type = await make_room_type(db, rooms=2)
    today = services.today()
    await book(db, room_type, today + timedelta(days=1), 1, room_id=await room_by_number(db, "101"))
    await book(db, room_type, today + timedelta(days=2), 1, room_id=await room_by_number(db, "102"))
    fits_nowhere = await book(db, room_type, today, 3)  # the type has room each night, no single room does
    short = await book(db, room_type, today, 1)
    result = await allocation.assign_arrivals(services, today, SYSTEM)
    assert [(a.reservation_id, a.room_number) for a in result.assigned] == [(short, "101")]
    assert list(result.unplaced) == [fits_nowhere]
    assert "no STD room is free" in result.unplaced[fits_nowhere]
