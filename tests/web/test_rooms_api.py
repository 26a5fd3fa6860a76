"""Rooms over HTTP: listing, condition changes, blocks and room assignment, with role limits."""

from __future__ import annotations

import asyncio
import uuid
from datetime import timedelta

import pytest

from backoffice.rooms import ROOM_CONDITION
from tests.factories import book, login, make_room_type, room_by_number


async def test_rooms_are_listed_filtered_and_fetched(client, db, services):
    room_type = await make_room_type(db, rooms=2)
    await make_room_type(db, "DLX", rooms=1, floor=2)
    today = services.today()
    occupied = await room_by_number(db, "101")
    stay = await book(db, room_type, today, 2, status="checked_in", room_id=occupied)
    await db.pool.execute("UPDATE rooms SET condition = 'dirty' WHERE room_number = '102'")
    headers = await login(client, "housekeeping", db)

    types = await (await client.get("/api/v1/room-types", headers=headers)).json()
    assert [(t["code"], t["rooms"]) for t in types["room_types"]] == [("DLX", 1), ("STD", 2)]  # same rate: by code
    everything = await (await client.get("/api/v1/rooms", headers=headers)).json()
    assert [r["room_number"] for r in everything["rooms"]] == ["101", "102", "201"]
    first = everything["rooms"][0]
    assert (first["occupied"], first["occupied_by"], first["room_type_code"]) == (True, str(stay), "STD")
    dirty = await (await client.get("/api/v1/rooms", params={"condition": "dirty"}, headers=headers)).json()
    assert [r["room_number"] for r in dirty["rooms"]] == ["102"]
    deluxe = await (await client.get("/api/v1/rooms", params={"room_type": "DLX", "floor": "2"},
                                     headers=headers)).json()
    assert [r["room_number"] for r in deluxe["rooms"]] == ["201"]
    one = await client.get(f"/api/v1/rooms/{occupied}", headers=headers)
    assert (await one.json())["room_number"] == "101"

    missing = await client.get(f"/api/v1/rooms/{uuid.uuid4()}", headers=headers)
    assert missing.status == 404 and missing.content_type == "application/problem+json"
    malformed = await client.get("/api/v1/rooms/not-a-uuid", headers=headers)
    assert malformed.status == 422 and (await malformed.json())["field"] == "id"
    bad_filter = await client.get("/api/v1/rooms", params={"condition": "sparkling"}, headers=headers)
    assert bad_filter.status == 422 and (await bad_filter.json())["field"] == "condition"
    assert (await client.get("/api/v1/rooms")).status == 401


async def test_condition_changes_and_who_may_inspect(client, db):
    await make_room_type(db, rooms=1)
    room = await room_by_number(db, "101")
    maid = await login(client, "housekeeping", db)
    manager = await login(client, "manager", db)
    dirty = await client.post(f"/api/v1/rooms/{room}/condition", json={"action": "mark_dirty"}, headers=maid)
    assert dirty.status == 200 and (await dirty.json())["condition"] == "dirty"
    for action in ("start_cleaning", "finish_cleaning"):
        assert (await client.post(f"/api/v1/rooms/{room}/condition", json={"action": action}, headers=maid)).ok
    forbidden = await client.post(f"/api/v1/rooms/{room}/condition", json={"action": "inspect"}, headers=maid)
    assert forbidden.status == 403
    inspected = await client.post(f"/api/v1/rooms/{room}/condition", json={"action": "inspect"}, headers=manager)
    assert (await inspected.json())["condition"] == "inspected"
    unknown = await client.post(f"/api/v1/rooms/{room}/condition", json={"action": "polish"}, headers=manager)
    assert unknown.status == 422 and (await unknown.json())["field"] == "action"


@pytest.mark.parametrize("state,action", list(ROOM_CONDITION.illegal_pairs()))
async def test_illegal_condition_changes_are_409_with_only_a_refusal_audited(client, db, state, action):
    await make_room_type(db, rooms=1)
    room = await room_by_number(db, "101")
    await db.pool.execute("UPDATE rooms SET condition = $2 WHERE id = $1", room, state)
    manager = await login(client, "manager", db)
    response = await client.post(f"/api/v1/rooms/{room}/condition", json={"action": action}, headers=manager)
    assert response.status == 409
    problem = await response.json()
    assert problem["type"] == "/problems/invalid-transition" and problem["current_state"] == state
    assert await db.pool.fetchval("SELECT condition FROM rooms WHERE id = $1", room) == state
    audited = await db.pool.fetch("SELECT action, outcome, actor_type FROM audit_logs")
    assert [(r["action"], r["outcome"], r["actor_type"]) for r in audited] == [(f"room.{action}", "refused", "user")]


async def test_blocks_over_http_conflict_with_bookings_and_release(client, db, services):
    room_type = await make_room_type(db, rooms=2)
    today = services.today()
    room = await room_by_number(db, "101")
    stay = await book(db, room_type, today + timedelta(days=3), 1, room_id=room)
    code = await db.pool.fetchval("SELECT confirmation_code FROM reservations WHERE id = $1", stay)
    manager = await login(client, "manager", db)
    window = {"kind": "out_of_order", "start_date": today.isoformat(),
              "end_date": (today + timedelta(days=5)).isoformat(), "reason": "flooded"}
    clash = await client.post(f"/api/v1/rooms/{room}/blocks", json=window, headers=manager)
    assert clash.status == 409 and (await clash.json())["reservation"] == code
    window["end_date"] = (today + timedelta(days=2)).isoformat()
    created = await client.post(f"/api/v1/rooms/{room}/blocks", json=window, headers=manager)
    assert created.status == 201, await created.text()
    block = await created.json()
    shown = await (await client.get(f"/api/v1/rooms/{room}", headers=manager)).json()
    assert shown["blocked_today"] and shown["blocks"][0]["id"] == block["id"]
    release = f"/api/v1/rooms/{room}/blocks/{block['id']}/release"
    assert (await client.post(release, headers=manager)).status == 200
    assert (await client.post(release, headers=manager)).status == 409
    assert (await client.post(f"/api/v1/rooms/{room}/blocks/{uuid.uuid4()}/release", headers=manager)).status == 404
    backwards = dict(window, end_date=today.isoformat())
    assert (await client.post(f"/api/v1/rooms/{room}/blocks", json=backwards, headers=manager)).status == 422
    maid = await login(client, "housekeeping", db)
    assert (await client.post(f"/api/v1/rooms/{room}/blocks", json=window, headers=maid)).status == 403


async def test_rooms_and_room_types_are_created_over_http(client, db):
    manager = await login(client, "manager", db)
    created = await client.post("/api/v1/room-types", headers=manager, json={
        "code": "STE", "name": "Suite", "max_occupancy": 4, "base_rate": "15000.00", "currency": "BDT"})
    assert created.status == 201, await created.text()
    type_id = (await created.json())["id"]
    room = await client.post("/api/v1/rooms", headers=manager, json={
        "room_number": "901", "room_type_id": type_id, "floor": 9, "quiet": True})
    assert room.status == 201 and (await room.json())["bed_type"] == "queen"
    again = await client.post("/api/v1/rooms", headers=manager, json={
        "room_number": "901", "room_type_id": type_id, "floor": 9})
    assert again.status == 409
    clerk = await login(client, "front_desk", db)
    assert (await client.post("/api/v1/room-types", headers=clerk, json={
        "code": "X", "name": "X", "max_occupancy": 1, "base_rate": "1", "currency": "BDT"})).status == 403


async def test_assigning_and_moving_rooms_over_http(client, db, services):
    room_type = await make_room_type(db, rooms=3)
    today = services.today()
    arriving = await book(db, room_type, today, 2)
    clerk = await login(client, "front_desk", db)
    assigned = await client.post(f"/api/v1/reservations/{arriving}/assign-room", json={}, headers=clerk)
    assert assigned.status == 200, await assigned.text()
    assert (await assigned.json())["room_number"] == "101"
    taken = await client.post(f"/api/v1/reservations/{arriving}/assign-room", headers=clerk,
                              json={"room_id": str(await room_by_number(db, "103"))})
    assert (await taken.json())["room_number"] == "103"
    missing = await client.post(f"/api/v1/reservations/{uuid.uuid4()}/assign-room", json={}, headers=clerk)
    assert missing.status == 404

    in_house = await book(db, room_type, today - timedelta(days=1), 3, status="checked_in",
                          room_id=await room_by_number(db, "102"))
    moved = await client.post(f"/api/v1/reservations/{in_house}/move-room", headers=clerk,
                              json={"room_id": str(await room_by_number(db, "101"))})
    assert moved.status == 200, await moved.text()
    assert (await moved.json())["to_room_number"] == "101"
    not_in_house = await client.post(f"/api/v1/reservations/{arriving}/move-room", headers=clerk,
                                     json={"room_id": str(await room_by_number(db, "102"))})
    assert not_in_house.status == 409
    maid = await login(client, "housekeeping", db)
    assert (await client.post(f"/api/v1/reservations/{arriving}/assign-room", json={}, headers=maid)).status == 403


async def test_a_days_arrivals_get_rooms_in_one_call(client, db, services):
    room_type = await make_room_type(db, rooms=2)
    today = services.today()
    first, second = await book(db, room_type, today, 1), await book(db, room_type, today, 2)
    clerk = await login(client, "front_desk", db)
    response = await client.post("/api/v1/arrivals/assign-rooms", json={}, headers=clerk)
    assert response.status == 200, await response.text()
    body = await response.json()
    assert body["day"] == today.isoformat() and body["unplaced"] == {}
    assert [a["reservation_id"] for a in body["assigned"]] == [str(second), str(first)]
    assert await db.pool.fetchval("SELECT count(*) FROM reservations WHERE room_id IS NULL") == 0
    again = await client.post("/api/v1/arrivals/assign-rooms", json={"day": today.isoformat()}, headers=clerk)
    assert (await again.json())["assigned"] == []


async def test_text_postgresql_cannot_store_is_refused_as_422(client, db):
    room_type = await make_room_type(db, rooms=1)
    manager = await login(client, "manager", db)
    nul_room = await client.post("/api/v1/rooms", headers=manager, json={
        "room_number": "9\u000001", "room_type_id": str(room_type), "floor": 9})
    assert nul_room.status == 422 and (await nul_room.json())["field"] == "room_number"
    nul_amenity = await client.post("/api/v1/rooms", headers=manager, json={
        "room_number": "901", "room_type_id": str(room_type), "floor": 9, "amenities": ["\u0000"]})
    assert nul_amenity.status == 422
    nul_filter = await client.get("/api/v1/housekeeping/tasks", params={"room": "1\u00000"}, headers=manager)
    assert nul_filter.status == 422 and (await nul_filter.json())["field"] == "room"


async def test_two_clerks_assigning_the_same_room_at_once_one_gets_409(client, db, services):
    room_type = await make_room_type(db, rooms=2)
    start = services.today() + timedelta(days=1)
    first, second = await book(db, room_type, start, 2), await book(db, room_type, start + timedelta(days=1), 2)
    clerk = await login(client, "front_desk", db)
    room = str(await room_by_number(db, "102"))
    responses = await asyncio.gather(*(
        client.post(f"/api/v1/reservations/{r}/assign-room", json={"room_id": room}, headers=clerk)
        for r in (first, second)))
    assert sorted(r.status for r in responses) == [200, 409]
    loser = next(r for r in responses if r.status == 409)
    assert "is taken by reservation" in (await loser.json())["detail"]
    assert await db.pool.fetchval("SELECT count(DISTINCT reservation_id) FROM room_nights") == 1
