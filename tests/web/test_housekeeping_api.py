"""The housekeeping board over HTTP, driven by a housekeeping user on a phone and a supervisor."""

from __future__ import annotations

import uuid
from datetime import timedelta
from uuid import UUID

import pytest

from backoffice.audit import Actor
from backoffice.db import Database
from backoffice.housekeeping import TASK, on_checkout
from tests.factories import book, login, make_room_type, make_user, room_by_number


async def user_id(db: Database, role: str) -> UUID:
    found: UUID = await db.pool.fetchval("SELECT id FROM users WHERE email = $1", f"{role}@test.hotel")
    return found


async def test_checkout_clean_from_board_to_inspected_room(client, db, services):
    room_type = await make_room_type(db, rooms=2)
    today = services.today()
    room = await room_by_number(db, "101")
    departing = await book(db, room_type, today - timedelta(days=2), 2, status="checked_in", room_id=room)
    await book(db, room_type, today, 1, room_id=room)  # someone arrives in 101 today: the clean is urgent
    async with db.transaction() as conn:
        task_id = await on_checkout(conn, room, departing, Actor.system("checkout"), today=today)
    maid = await login(client, "housekeeping", db)
    boss = await login(client, "manager", db)
    maid_id = await user_id(db, "housekeeping")

    board = await (await client.get("/api/v1/housekeeping/tasks", headers=maid)).json()
    assert [(t["id"], t["room_number"], t["priority"], t["status"]) for t in board["tasks"]] == [
        (str(task_id), "101", "urgent", "open")]
    url = f"/api/v1/housekeeping/tasks/{task_id}"
    assert (await client.post(f"{url}/assign", json={"user_id": str(maid_id)}, headers=maid)).status == 403
    assigned = await client.post(f"{url}/assign", json={"user_id": str(maid_id)}, headers=boss)
    assert (await assigned.json())["assigned_to"] == str(maid_id)
    mine = await (await client.get("/api/v1/housekeeping/my-tasks", headers=maid)).json()
    assert [t["id"] for t in mine["tasks"]] == [str(task_id)]
    await make_user(db, "housekeeping", "other@test.hotel")
    other = await client.post("/api/v1/auth/login", json={"email": "other@test.hotel", "password": "correct-horse"})
    other_maid = {"Authorization": f"Bearer {(await other.json())['token']}"}
    assert (await client.post(f"{url}/start", json={}, headers=other_maid)).status == 403
    assert (await (await client.get("/api/v1/housekeeping/my-tasks", headers=other_maid)).json())["tasks"] == []

    assert (await (await client.post(f"{url}/start", json={}, headers=maid)).json())["status"] == "in_progress"
    room_now = await (await client.get(f"/api/v1/rooms/{room}", headers=maid)).json()
    assert room_now["condition"] == "cleaning"
    done = await client.post(f"{url}/complete", json={"notes": "minibar restocked"}, headers=maid)
    assert (await done.json())["notes"] == "minibar restocked"
    assert (await client.post(f"{url}/inspect", json={}, headers=maid)).status == 403
    rejected = await client.post(f"{url}/reject", json={"notes": "bathroom floor"}, headers=boss)
    assert (await rejected.json())["status"] == "rework"
    assert (await (await client.get(f"/api/v1/rooms/{room}", headers=maid)).json())["condition"] == "dirty"
    await client.post(f"{url}/start", json={}, headers=maid)
    await client.post(f"{url}/complete", json={}, headers=maid)
    inspected = await client.post(f"{url}/inspect", json={}, headers=boss)
    assert (await inspected.json())["status"] == "inspected"
    assert (await (await client.get(f"/api/v1/rooms/{room}", headers=maid)).json())["condition"] == "inspected"
    assert (await (await client.get("/api/v1/housekeeping/tasks", headers=maid)).json())["tasks"] == []
    closed = await client.get("/api/v1/housekeeping/tasks", params={"status": "inspected"}, headers=maid)
    assert [t["id"] for t in (await closed.json())["tasks"]] == [str(task_id)]
    users = {r["user_id"] for r in await db.pool.fetch(
        "SELECT user_id FROM audit_logs WHERE entity_type = 'housekeeping_task' AND actor_type = 'user'"
        " AND outcome = 'applied'")}
    assert users == {maid_id, await user_id(db, "manager")}


async def test_guest_requests_are_posted_once_and_sorted_by_priority(client, db, services):
    room_type = await make_room_type(db, rooms=2)
    today = services.today()
    await book(db, room_type, today, 2, status="checked_in", room_id=await room_by_number(db, "101"))
    clerk = await login(client, "front_desk", db)
    towels = await client.post("/api/v1/housekeeping/tasks", json={"task_type": "towels", "room_number": "101"},
                               headers=clerk)
    assert towels.status == 200 and (await towels.json())["created"]
    again = await client.post("/api/v1/housekeeping/tasks", json={"task_type": "towels", "room_number": "101"},
                              headers=clerk)
    assert (await again.json())["id"] == (await towels.json())["id"] and not (await again.json())["created"]
    bed = await client.post("/api/v1/housekeeping/tasks", json={"task_type": "extra_bed", "room_number": "101"},
                            headers=clerk)
    repair = await client.post("/api/v1/housekeeping/tasks", headers=clerk, json={
        "task_type": "maintenance", "room_number": "102", "priority": "urgent", "notes": "no hot water"})
    assert repair.status == 200 and (await repair.json())["created"]
    board = await (await client.get("/api/v1/housekeeping/tasks", headers=clerk)).json()
    assert [t["task_type"] for t in board["tasks"]] == ["maintenance", "extra_bed", "towels"]
    room_102 = await client.get("/api/v1/housekeeping/tasks", params={"room": "102"}, headers=clerk)
    assert [t["task_type"] for t in (await room_102.json())["tasks"]] == ["maintenance"]
    nowhere = await client.post("/api/v1/housekeeping/tasks", json={"task_type": "maintenance"}, headers=clerk)
    assert nowhere.status == 422 and (await nowhere.json())["field"] == "room_number"
    unknown = await client.post("/api/v1/housekeeping/tasks", json={"task_type": "towels", "room_number": "999"},
                                headers=clerk)
    assert unknown.status == 404
    assert (await bed.json())["priority"] == "high"


async def test_a_housekeeping_user_cannot_reach_reservations_or_the_front_desk(client, db, services):
    room_type = await make_room_type(db, rooms=1)
    stay = await book(db, room_type, services.today(), 1)
    maid = await login(client, "housekeeping", db)
    assert (await client.get("/api/v1/reservations", headers=maid)).status == 403
    assert (await client.get(f"/api/v1/reservations/{stay}", headers=maid)).status == 403
    assert (await client.post(f"/api/v1/reservations/{stay}/assign-room", json={}, headers=maid)).status == 403
    forbidden = await client.post(f"/api/v1/rooms/{await room_by_number(db, '101')}/blocks", headers=maid, json={
        "kind": "out_of_order", "start_date": services.today().isoformat(),
        "end_date": (services.today() + timedelta(days=1)).isoformat()})
    assert forbidden.status == 403 and forbidden.content_type == "application/problem+json"
    assert (await client.get("/api/v1/housekeeping/tasks", headers=maid)).status == 200


async def test_assignment_goes_only_to_housekeeping_staff(client, db):
    await make_room_type(db, rooms=1)
    boss = await login(client, "manager", db)
    task = await (await client.post("/api/v1/housekeeping/tasks", headers=boss, json={
        "task_type": "turndown", "room_number": "101", "priority": "low"})).json()
    clerk = await make_user(db, "front_desk")
    refused = await client.post(f"/api/v1/housekeeping/tasks/{task['id']}/assign", json={"user_id": str(clerk)},
                                headers=boss)
    assert refused.status == 422 and (await refused.json())["field"] == "user_id"
    bad_action = await client.post(f"/api/v1/housekeeping/tasks/{task['id']}/polish", json={}, headers=boss)
    assert bad_action.status == 422 and (await bad_action.json())["field"] == "action"
    missing = await client.post(f"/api/v1/housekeeping/tasks/{uuid.uuid4()}/start", json={}, headers=boss)
    assert missing.status == 404


@pytest.mark.parametrize("state,action", list(TASK.illegal_pairs()))
async def test_illegal_task_actions_are_409_with_only_a_refusal_audited(client, db, state, action):
    await make_room_type(db, rooms=1)
    boss = await login(client, "manager", db)
    maid_id = await make_user(db, "housekeeping")
    task = await (await client.post("/api/v1/housekeeping/tasks", headers=boss, json={
        "task_type": "checkout_clean", "room_number": "101", "priority": "high"})).json()
    await db.pool.execute("UPDATE housekeeping_tasks SET status = $2 WHERE id = $1", UUID(task["id"]), state)
    await db.pool.execute("DELETE FROM audit_logs")
    response = await client.post(f"/api/v1/housekeeping/tasks/{task['id']}/{action}", headers=boss,
                                 json={"user_id": str(maid_id), "notes": "recheck"})
    assert response.status == 409
    assert (await response.json())["current_state"] == state
    assert await db.pool.fetchval("SELECT status FROM housekeeping_tasks WHERE id = $1", UUID(task["id"])) == state
    audited = await db.pool.fetch("SELECT action, outcome FROM audit_logs")
    assert [(r["action"], r["outcome"]) for r in audited] == [(f"housekeeping_task.{action}", "refused")]


async def test_supervisors_plan_stayover_cleans(client, db, services):
    room_type = await make_room_type(db, rooms=1)
    await book(db, room_type, services.today() - timedelta(days=1), 2, status="checked_in",
               room_id=await room_by_number(db, "101"))
    maid = await login(client, "housekeeping", db)
    assert (await client.post("/api/v1/housekeeping/stayover-cleans", json={}, headers=maid)).status == 403
    boss = await login(client, "manager", db)
    planned = await (await client.post("/api/v1/housekeeping/stayover-cleans", json={}, headers=boss)).json()
    assert [(t["room_number"], t["task_type"]) for t in planned["tasks"]] == [("101", "stayover_clean")]
    again = await (await client.post("/api/v1/housekeeping/stayover-cleans", json={}, headers=boss)).json()
    assert again["tasks"] == []
