"""Housekeeping: the task machine, its grip on the room condition, guest requests, the check-out hook."""

from __future__ import annotations

from datetime import timedelta
from uuid import UUID, uuid4

import pytest

from backoffice.audit import Actor
from backoffice.db import Database
from backoffice.errors import Conflict, Forbidden, InvalidTransition, NotFound, ValidationFailed
from backoffice.housekeeping import (
    TASK,
    ServiceRequest,
    apply_task_action,
    create_task,
    list_tasks,
    my_tasks,
    on_checkout,
    open_task,
    plan_stayover_cleans,
    request_service,
)
from tests.factories import book, make_room_type, make_user, room_by_number

STAFF = Actor.system("test")


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


# --- the task machine ----------------------------------------------------------------------------

async def new_task(db: Database, room: UUID, task_type: str = "checkout_clean", **fields: object) -> UUID:
    async with db.transaction() as conn:
        return await open_task(conn, room, task_type, STAFF, **fields)  # type: ignore[arg-type]


async def condition(db: Database, room: UUID) -> str:
    value: str = await db.pool.fetchval("SELECT condition FROM rooms WHERE id = $1", room)
    return value


async def test_a_cleaning_task_drives_the_room_through_its_cycle(db, services):
    await make_room_type(db, rooms=1)
    room = await room_by_number(db, "101")
    await db.pool.execute("UPDATE rooms SET condition = 'dirty' WHERE id = $1", room)
    maid = await make_user(db, "housekeeping")
    task = await new_task(db, room)
    assigned = await apply_task_action(services, task, "assign", STAFF, user_id=maid)
    assert (assigned.status, assigned.assigned_to) == ("assigned", maid)
    steps = [("start", "in_progress", "cleaning"), ("complete", "done", "clean"),
             ("reject", "rework", "dirty"), ("start", "in_progress", "cleaning"), ("complete", "done", "clean"),
             ("inspect", "inspected", "inspected")]
    for action, status, room_condition in steps:
        done = await apply_task_action(services, task, action, Actor.user(maid), notes="mirror smudged")
        assert (done.status, await condition(db, room)) == (status, room_condition), action
    assert done.notes == "mirror smudged" and done.inspected_at is not None and done.completed_at is not None
    room_actions = [r["action"] for r in await db.pool.fetch(
        "SELECT action FROM audit_logs WHERE entity_type = 'room' ORDER BY created_at")]
    assert room_actions == ["room.start_cleaning", "room.finish_cleaning", "room.fail_inspection",
                            "room.start_cleaning", "room.finish_cleaning", "room.inspect"]


async def test_starting_a_stayover_clean_of_a_clean_room_dirties_it_first(db, services):
    await make_room_type(db, rooms=1)
    room = await room_by_number(db, "101")
    task = await new_task(db, room, "stayover_clean")
    await apply_task_action(services, task, "start", STAFF)
    assert await condition(db, room) == "cleaning"


async def test_a_towel_delivery_leaves_the_room_condition_alone(db, services):
    await make_room_type(db, rooms=1)
    room = await room_by_number(db, "101")
    task = await new_task(db, room, "towels")
    for action in ("start", "complete", "inspect"):
        await apply_task_action(services, task, action, STAFF)
    assert await condition(db, room) == "inspected"
    assert await db.pool.fetchval("SELECT count(*) FROM audit_logs WHERE entity_type = 'room'") == 0


async def test_self_start_assigns_the_task_to_whoever_starts_it(db, services):
    await make_room_type(db, rooms=1)
    maid = await make_user(db, "housekeeping")
    task = await new_task(db, await room_by_number(db, "101"), "amenities")
    started = await apply_task_action(services, task, "start", Actor.user(maid))
    assert (started.status, started.assigned_to) == ("in_progress", maid)
    assert started.started_at is not None


async def test_tasks_go_only_to_active_housekeeping_staff(db, services):
    await make_room_type(db, rooms=1)
    task = await new_task(db, await room_by_number(db, "101"))
    clerk = await make_user(db, "front_desk")
    retired = await make_user(db, "housekeeping", "old@test.hotel")
    await db.pool.execute("UPDATE users SET active = false WHERE id = $1", retired)
    for user in (clerk, retired, uuid4()):
        with pytest.raises(ValidationFailed) as refused:
            await apply_task_action(services, task, "assign", STAFF, user_id=user)
        assert refused.value.field == "user_id"
    with pytest.raises(ValidationFailed):
        await apply_task_action(services, task, "assign", STAFF)
    assert await db.pool.fetchval("SELECT status FROM housekeeping_tasks WHERE id = $1", task) == "open"
    with pytest.raises(ValidationFailed, match="redoing"):
        await apply_task_action(services, task, "reject", STAFF, notes="  ")


@pytest.mark.parametrize("state,action", list(TASK.illegal_pairs()))
async def test_every_illegal_task_action_is_refused_and_only_audited(db, services, state, action):
    await make_room_type(db, rooms=1)
    room = await room_by_number(db, "101")
    maid = await make_user(db, "housekeeping")
    task = await new_task(db, room)
    await db.pool.execute("UPDATE housekeeping_tasks SET status = $2 WHERE id = $1", task, state)
    await db.pool.execute("DELETE FROM audit_logs")
    with pytest.raises(InvalidTransition) as refused:
        await apply_task_action(services, task, action, STAFF, user_id=maid, notes="why")
    assert refused.value.status == 409
    assert await db.pool.fetchval("SELECT status FROM housekeeping_tasks WHERE id = $1", task) == state
    assert await condition(db, room) == "inspected"
    audited = await db.pool.fetch("SELECT action, outcome FROM audit_logs")
    assert [(r["action"], r["outcome"]) for r in audited] == [(f"housekeeping_task.{action}", "refused")]


async def test_the_board_lists_urgent_first_then_oldest(db, services, clock):
    await make_room_type(db, rooms=3)
    rooms_ = [await room_by_number(db, n) for n in ("101", "102", "103")]
    low = await new_task(db, rooms_[0], "turndown", priority="low")
    old_normal = await new_task(db, rooms_[1], "towels")
    new_normal = await new_task(db, rooms_[2], "amenities")
    urgent = await new_task(db, rooms_[2], "checkout_clean", priority="urgent")
    closed = await new_task(db, rooms_[0], "towels")
    await apply_task_action(services, closed, "cancel", STAFF)
    assert [t.id for t in await list_tasks(db.pool)] == [urgent, old_normal, new_normal, low]
    assert [t.id for t in await list_tasks(db.pool, status="cancelled")] == [closed]
    assert [t.id for t in await list_tasks(db.pool, room_number="103")] == [urgent, new_normal]
    maid = await make_user(db, "housekeeping")
    await apply_task_action(services, low, "assign", STAFF, user_id=maid)
    assert [t.id for t in await my_tasks(db.pool, maid)] == [low]
    assert [t.id for t in await list_tasks(db.pool, assigned_to=maid)] == [low]


# --- guest requests ------------------------------------------------------------------------------

async def test_a_caller_in_an_occupied_room_gets_towels_once(db, services):
    room_type = await make_room_type(db, rooms=2)
    room = await room_by_number(db, "101")
    stay = await book(db, room_type, services.today(), 2, status="checked_in", room_id=room)
    caller = Actor.call("CA0001")
    first = await request_service(services, ServiceRequest("towels", room_number="101", notes="two bath"), caller)
    assert (first.room_number, first.priority, first.status, first.already_requested) == ("101", "normal", "open",
                                                                                         False)
    again = await request_service(services, ServiceRequest("towels", room_number="101"), caller)
    assert again.task_id == first.task_id and again.already_requested
    row = await db.pool.fetchrow("SELECT * FROM housekeeping_tasks WHERE id = $1", first.task_id)
    assert (row["reservation_id"], row["requested_by"], row["notes"]) == (stay, "call:CA0001", "two bath")
    bed = await request_service(services, ServiceRequest("extra_bed", reservation_id=stay), caller)
    assert bed.priority == "high" and bed.room_number == "101"
    audited = await db.pool.fetch("SELECT actor_type, actor_id FROM audit_logs WHERE action = 'housekeeping_task.open'")
    assert {(r["actor_type"], r["actor_id"]) for r in audited} == {("call", "CA0001")}


async def test_requests_for_empty_or_unknown_rooms_are_refused_to_callers(db, services):
    room_type = await make_room_type(db, rooms=2)
    caller = Actor.call("CA0002")
    with pytest.raises(Conflict, match="nobody"):
        await request_service(services, ServiceRequest("towels", room_number="102"), caller)
    with pytest.raises(NotFound):
        await request_service(services, ServiceRequest("towels", room_number="999"), caller)
    with pytest.raises(ValidationFailed):
        await request_service(services, ServiceRequest("towels"), caller)
    upcoming = await book(db, room_type, services.today() + timedelta(days=3), 1)
    with pytest.raises(Conflict, match="checked in"):
        await request_service(services, ServiceRequest("amenities", reservation_id=upcoming), caller)
    # Staff may raise a request for an empty room (e.g. preparing it for a VIP).
    staffed = await request_service(services, ServiceRequest("amenities", room_number="102"), STAFF)
    assert not staffed.already_requested
    assert await db.pool.fetchval("SELECT count(*) FROM housekeeping_tasks") == 1


async def test_staff_tasks_are_created_for_a_room_number(db, services):
    await make_room_type(db, rooms=1)
    task = await create_task(services, STAFF, room_number="101", task_type="maintenance", priority="high",
                             notes=" AC rattles ")
    assert (task.room_number, task.task_type, task.priority, task.status, task.notes) == (
        "101", "maintenance", "high", "open", "AC rattles")
    with pytest.raises(NotFound):
        await create_task(services, STAFF, room_number="404", task_type="maintenance")


async def test_a_housekeeper_may_not_work_someone_elses_task(db, services):
    await make_room_type(db, rooms=1)
    mine, theirs = await make_user(db, "housekeeping", "a@test.hotel"), await make_user(db, "housekeeping", "b@x.y")
    task = await new_task(db, await room_by_number(db, "101"), "towels")
    await apply_task_action(services, task, "assign", STAFF, user_id=theirs)
    with pytest.raises(Forbidden):
        await apply_task_action(services, task, "start", Actor.user(mine), own_tasks_only=True)
    refused = await db.pool.fetch("SELECT action, outcome FROM audit_logs WHERE outcome = 'refused'")
    assert [(r["action"], r["outcome"]) for r in refused] == [("housekeeping_task.start", "refused")]
    started = await apply_task_action(services, task, "start", Actor.user(theirs), own_tasks_only=True)
    assert (started.status, started.assigned_to) == ("in_progress", theirs)


async def test_stayover_cleans_are_planned_once_per_day_for_staying_guests(db, services, clock):
    room_type = await make_room_type(db, rooms=4)
    today = services.today()
    staying = await book(db, room_type, today - timedelta(days=1), 3, status="checked_in",
                         room_id=await room_by_number(db, "101"))
    await book(db, room_type, today - timedelta(days=2), 2, status="checked_in",  # leaves today
               room_id=await room_by_number(db, "102"))
    await book(db, room_type, today, 2, status="checked_in", room_id=await room_by_number(db, "103"))  # arrived
    await book(db, room_type, today - timedelta(days=1), 3, room_id=await room_by_number(db, "104"))  # not in
    planned = await plan_stayover_cleans(services, today, STAFF)
    assert len(planned) == 1
    task = await db.pool.fetchrow("SELECT * FROM housekeeping_tasks WHERE id = $1", planned[0])
    assert (task["reservation_id"], task["task_type"], task["metadata"]) == (staying, "stayover_clean",
                                                                             {"day": today.isoformat()})
    assert await plan_stayover_cleans(services, today, STAFF) == []
    await apply_task_action(services, planned[0], "start", STAFF)
    await apply_task_action(services, planned[0], "complete", STAFF)
    assert await plan_stayover_cleans(services, today, STAFF) == []  # done today: not again
    tomorrow = await plan_stayover_cleans(services, today + timedelta(days=1), STAFF)
    assert len(tomorrow) == 2  # 101 again, and 103 now in its second night
