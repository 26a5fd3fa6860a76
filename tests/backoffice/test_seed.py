"""The demo seed: the hotel it describes, and that running it twice changes nothing."""

from __future__ import annotations

from backoffice.auth import authenticate
from backoffice.seed import seed_demo

COUNTS = """SELECT (SELECT count(*) FROM room_types) AS types, (SELECT count(*) FROM rooms) AS rooms,
                   (SELECT count(*) FROM users) AS users,
                   (SELECT string_agg(password_hash, ',' ORDER BY email) FROM users) AS hashes"""


async def test_demo_hotel_layout(db, services):
    report = await seed_demo(db, services.policy, password="demo-pass-1")
    assert report.rooms_total == 60 and report.rooms_created == 60 and report.room_types_created == 4
    assert report.rooms_by_type == {"STD": 24, "DLX": 18, "FAM": 12, "STE": 6}
    floors = await db.pool.fetch("SELECT floor, count(*) AS n FROM rooms GROUP BY floor ORDER BY floor")
    assert [(r["floor"], r["n"]) for r in floors] == [(f, 12) for f in range(1, 6)]
    types = {r["code"]: r for r in await db.pool.fetch("SELECT * FROM room_types")}
    assert {c: t["max_occupancy"] for c, t in types.items()} == {"STD": 2, "DLX": 2, "FAM": 4, "STE": 3}
    assert {t["currency"] for t in types.values()} == {"BDT"}
    assert all(t["base_rate"] > 0 and t["amenities"] for t in types.values())
    mix = await db.pool.fetchrow(
        """SELECT count(*) FILTER (WHERE accessible) AS accessible, count(*) FILTER (WHERE quiet) AS quiet,
                  count(*) FILTER (WHERE near_elevator) AS near_elevator,
                  count(DISTINCT bed_type) AS bed_types FROM rooms"""
    )
    assert (mix["accessible"], mix["quiet"], mix["near_elevator"], mix["bed_types"]) == (5, 8, 10, 4)
    roles = {r["email"]: r["role"] for r in await db.pool.fetch("SELECT email, role FROM users")}
    assert roles == {"admin@demo.hotel": "admin", "manager@demo.hotel": "manager",
                     "frontdesk@demo.hotel": "front_desk", "housekeeping@demo.hotel": "housekeeping",
                     "housekeeping2@demo.hotel": "housekeeping"}
    assert (await authenticate(db.pool, "frontdesk@demo.hotel", "demo-pass-1")).role == "front_desk"


async def test_seeding_twice_changes_nothing(db, services):
    first = await seed_demo(db, services.policy, password=None)
    assert first.password_generated and first.password
    before = await db.pool.fetchrow(COUNTS)
    text = first.describe("http://localhost:8080")
    assert first.password in text and "curl -s -X POST http://localhost:8080/api/v1/auth/login" in text

    second = await seed_demo(db, services.policy, password="another-password")
    assert second.already_existed and second.password is None
    assert await db.pool.fetchrow(COUNTS) == before  # same rows, same password hashes
    assert "already exists" in second.describe("http://localhost:8080")
    assert (await authenticate(db.pool, "admin@demo.hotel", first.password)).role == "admin"
    assert await db.pool.fetchval("SELECT count(*) FROM audit_logs WHERE action = 'demo.seed'") == 1


async def test_a_missing_user_is_restored_without_touching_the_others(db, services):
    await seed_demo(db, services.policy, password="first-pass")
    await db.pool.execute("DELETE FROM users WHERE email = 'housekeeping2@demo.hotel'")
    report = await seed_demo(db, services.policy, password="second-pass")
    assert report.users_created == ["housekeeping2@demo.hotel"] and report.rooms_created == 0
    assert (await authenticate(db.pool, "housekeeping2@demo.hotel", "second-pass")).role == "housekeeping"
    assert (await authenticate(db.pool, "manager@demo.hotel", "first-pass")).role == "manager"
