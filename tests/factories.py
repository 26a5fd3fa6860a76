"""Small builders for test data, straight into the real database (no mocks)."""

from __future__ import annotations

from decimal import Decimal
from uuid import UUID

from backoffice.auth import Role, create_user
from backoffice.db import Database


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
    return await create_user(db.pool, email or f"{role}@test.hotel", role.replace("_", " ").title(), role,
                             password)


async def login(client, role: Role = "front_desk", db: Database | None = None) -> dict[str, str]:
    """Create a user of ``role`` (when ``db`` is given) and return Authorization headers."""
    email = f"{role}@test.hotel"
    if db is not None:
        await make_user(db, role, email)
    response = await client.post("/api/v1/auth/login", json={"email": email, "password": "correct-horse"})
    assert response.status == 200, await response.text()
    return {"Authorization": f"Bearer {(await response.json())['token']}"}
