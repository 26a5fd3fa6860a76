"""Small builders for test data, straight into the real database (no mocks)."""

from __future__ import annotations

import json
import secrets
from datetime import date, timedelta
from decimal import Decimal
from uuid import UUID

from backoffice import inventory
from backoffice.auth import Role, hash_password
from backoffice.db import Database

# scrypt at OWASP's cost takes ~0.4 s; tests hash each password once per session and reuse it.
_HASHES: dict[str, str] = {}


def password_hash(password: str) -> str:
    if password not in _HASHES:
        _HASHES[password] = hash_password(password)
    return _HASHES[password]


async def make_room_type(
    db: Database,
    code: str = "STD",
    *,
    rooms: int = 3,
    rate: str = "5000.00",
    max_occupancy: int = 2,
    floor: int = 1,
    bed_type: str = "queen",
    currency: str = "BDT",
) -> UUID:
    """A room type with ``rooms`` rooms numbered ``{floor}{nn}`` (e.g. 101, 102...)."""
    type_id: UUID = await db.pool.fetchval(
        """INSERT INTO room_types (code, name, max_occupancy, base_rate, currency, bed_type, amenities)
           VALUES ($1, $2, $3, $4, $5, $6, '["wifi"]'::jsonb) RETURNING id""",
        code, f"{code.title()} room", max_occupancy, Decimal(rate), currency, bed_type,
    )
    existing = await db.pool.fetchval("SELECT count(*) FROM rooms WHERE floor = $1", floor)
    for n in range(rooms):
        await db.pool.execute(
            """INSERT INTO rooms (room_number, room_type_id, floor, bed_type)
               VALUES ($1, $2, $3, $4)""",
            f"{floor}{existing + n + 1:02d}", type_id, floor, bed_type,
        )
    return type_id


async def make_user(db: Database, role: Role = "front_desk", email: str | None = None,
                    password: str = "correct-horse") -> UUID:
    user_id: UUID = await db.pool.fetchval(
        """INSERT INTO users (email, name, role, password_hash) VALUES ($1, $2, $3, $4)
           ON CONFLICT (lower(email)) DO UPDATE SET updated_at = users.updated_at RETURNING id""",
        email or f"{role}@test.hotel", role.replace("_", " ").title(), role, password_hash(password),
    )
    return user_id


async def login(client, role: Role = "front_desk", db: Database | None = None) -> dict[str, str]:
    """Create a user of ``role`` (when ``db`` is given) and return Authorization headers."""
    email = f"{role}@test.hotel"
    if db is not None:
        await make_user(db, role, email)
    response = await client.post("/api/v1/auth/login", json={"email": email, "password": "correct-horse"})
    assert response.status == 200, await response.text()
    return {"Authorization": f"Bearer {(await response.json())['token']}"}


async def book(
    db: Database, room_type_id: UUID, check_in: date, nights: int, *, status: str = "confirmed",
    room_id: UUID | None = None, preferences: dict[str, object] | None = None,
    guest_preferences: dict[str, object] | None = None,
) -> UUID:
    """A reservation row in any state, with inventory taken (and the room's nights when ``room_id`` is
    given): for tests of what happens around a booking, without going through the booking command."""
    check_out = check_in + timedelta(days=nights)
    async with db.transaction() as conn:
        guest = await conn.fetchval("INSERT INTO guests (name, preferences) VALUES ('Test Guest', $1) RETURNING id",
                                    guest_preferences or {})
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
