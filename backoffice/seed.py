"""The demo hotel: 60 rooms on 5 floors, 4 room types priced in the hotel currency, staff users.

``concierge db seed --demo`` runs ``seed_demo``. It only inserts what is missing (room types by
code, rooms by number, users by email), so a second run changes nothing and never touches an
existing password. The staff password is ``CONCIERGE_DEMO_PASSWORD`` or, when unset, generated
and printed once.

Floor plan (every floor: rooms x01-x12, lifts between x06 and x07, x01 and x12 at the quiet
corridor ends): floors 1-4 have STD at x01-x05 (x04-x05 twin beds), DLX at x06-x09, FAM at
x10-x12; floor 5 has STD at 501-504, DLX at 505-506 and the six suites at 507-512.
"""

from __future__ import annotations

import asyncio
import secrets
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Final

from backoffice import audit
from backoffice.audit import Actor
from backoffice.auth import Role, hash_password
from backoffice.db import Database
from backoffice.policy import HotelPolicy

FLOORS: Final = 5
ROOMS_PER_FLOOR: Final = 12
ACCESSIBLE_ROOMS: Final = frozenset({"101", "106", "110", "201", "507"})


@dataclass(frozen=True)
class DemoRoomType:
    code: str
    name: str
    description: str
    max_occupancy: int
    base_rate: Decimal
    bed_type: str
    amenities: tuple[str, ...]


ROOM_TYPES: Final = (
    DemoRoomType("STD", "Standard Queen", "A quiet 24 m2 room with a queen bed (or two twins) and a work desk.", 2,
                 Decimal("5500.00"), "queen", ("wifi", "air_conditioning", "tv", "work_desk", "tea_kettle")),
    DemoRoomType("DLX", "Deluxe King", "32 m2 with a king bed, city view and a rain shower.", 2,
                 Decimal("8500.00"), "king",
                 ("wifi", "air_conditioning", "tv", "work_desk", "minibar", "city_view", "rain_shower")),
    DemoRoomType("FAM", "Family Two Queens", "40 m2 with two queen beds and a sofa bed; sleeps four.", 4,
                 Decimal("11000.00"), "two_queens",
                 ("wifi", "air_conditioning", "tv", "minibar", "sofa_bed", "bathtub")),
    DemoRoomType("STE", "Suite King", "60 m2 suite with a king bed, a separate living room and lounge access.", 3,
                 Decimal("18000.00"), "king",
                 ("wifi", "air_conditioning", "tv", "minibar", "living_room", "bathtub", "city_view",
                  "lounge_access")),
)

STAFF: Final[tuple[tuple[str, str, Role], ...]] = (
    ("admin@demo.hotel", "Ayesha Rahman (admin)", "admin"),
    ("manager@demo.hotel", "Tanvir Hossain (manager)", "manager"),
    ("frontdesk@demo.hotel", "Nusrat Jahan (front desk)", "front_desk"),
    ("housekeeping@demo.hotel", "Rafiq Islam (housekeeping)", "housekeeping"),
    ("housekeeping2@demo.hotel", "Shirin Akter (housekeeping)", "housekeeping"),
)


@dataclass(frozen=True)
class DemoRoom:
    number: str
    type_code: str
    floor: int
    bed_type: str
    accessible: bool
    quiet: bool
    near_elevator: bool
    amenities: tuple[str, ...]


def _type_at(floor: int, position: int) -> str:
    if floor < FLOORS:
        return "STD" if position <= 5 else "DLX" if position <= 9 else "FAM"
    return "STD" if position <= 4 else "DLX" if position <= 6 else "STE"


def demo_rooms() -> list[DemoRoom]:
    beds = {t.code: t.bed_type for t in ROOM_TYPES}
    rooms = []
    for floor in range(1, FLOORS + 1):
        for position in range(1, ROOMS_PER_FLOOR + 1):
            number = f"{floor}{position:02d}"
            code = _type_at(floor, position)
            accessible = number in ACCESSIBLE_ROOMS
            twin = code == "STD" and position in (4, 5) and floor < FLOORS
            extras: tuple[str, ...] = ("roll_in_shower", "grab_bars") if accessible else ()
            if floor >= 3 and code in ("STD", "FAM"):
                extras += ("high_floor",)
            rooms.append(DemoRoom(
                number=number, type_code=code, floor=floor, bed_type="twin" if twin else beds[code],
                accessible=accessible, quiet=position in (1, ROOMS_PER_FLOOR) and floor > 1,
                near_elevator=position in (6, 7), amenities=extras,
            ))
    return rooms


@dataclass
class SeedReport:
    room_types_created: int = 0
    rooms_created: int = 0
    users_created: list[str] = field(default_factory=list)
    rooms_total: int = 0
    rooms_by_type: dict[str, int] = field(default_factory=dict)
    users: list[tuple[str, str]] = field(default_factory=list)  # (email, role)
    password: str | None = None  # set when users were created now
    password_generated: bool = False

    @property
    def already_existed(self) -> bool:
        return not (self.room_types_created or self.rooms_created or self.users_created)

    def describe(self, base_url: str) -> str:
        mix = ", ".join(f"{count} {code}" for code, count in self.rooms_by_type.items())
        if self.already_existed:
            lines = [f"The demo hotel already exists: nothing changed ({self.rooms_total} rooms: {mix})."]
        else:
            lines = [f"Demo hotel ready: {self.rooms_total} rooms on {FLOORS} floors ({mix}); created "
                     f"{self.room_types_created} room types, {self.rooms_created} rooms, "
                     f"{len(self.users_created)} staff users."]
        lines.append("Staff logins:")
        lines += [f"  {email:<26} {role}" for email, role in self.users]
        if self.password is None:
            lines.append("Passwords are the ones set when the users were created (CONCIERGE_DEMO_PASSWORD, or the "
                         "generated one printed then); existing passwords are never changed.")
            shown = "<password>"
        elif self.password_generated:
            lines.append(f"Password for the new users: {self.password}")
            lines.append("  (generated now and shown only once; set CONCIERGE_DEMO_PASSWORD to choose it)")
            shown = self.password
        else:
            lines.append("Password for the new users: the value of CONCIERGE_DEMO_PASSWORD.")
            shown = "$CONCIERGE_DEMO_PASSWORD"
        base = base_url.rstrip("/")
        lines += [
            "Log in and call the API:",
            f"  TOKEN=$(curl -s -X POST {base}/api/v1/auth/login -H 'Content-Type: application/json' \\",
            f"    -d '{{\"email\": \"frontdesk@demo.hotel\", \"password\": \"{shown}\"}}' | "
            "python3 -c 'import json,sys; print(json.load(sys.stdin)[\"token\"])')",
            f"  curl -s -H \"Authorization: Bearer $TOKEN\" {base}/api/v1/openapi.json",
        ]
        return "\n".join(lines)


async def seed_demo(db: Database, policy: HotelPolicy, *, password: str | None) -> SeedReport:
    """Create whatever part of the demo hotel is missing; see the module docstring."""
    report = SeedReport()
    async with db.transaction() as conn:
        # Serialises two seeds started at once, so both see a consistent "what exists".
        await conn.execute("SELECT pg_advisory_xact_lock(7041001)")
        for room_type in ROOM_TYPES:
            created = await conn.fetchval(
                """INSERT INTO room_types (code, name, description, max_occupancy, base_rate, currency, bed_type,
                                           amenities)
                   VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (code) DO NOTHING RETURNING true""",
                room_type.code, room_type.name, room_type.description, room_type.max_occupancy,
                room_type.base_rate, policy.currency, room_type.bed_type, list(room_type.amenities),
            )
            report.room_types_created += bool(created)
        type_ids = {r["code"]: r["id"] for r in await conn.fetch("SELECT id, code FROM room_types")}
        for room in demo_rooms():
            created = await conn.fetchval(
                """INSERT INTO rooms (room_number, room_type_id, floor, accessible, quiet, near_elevator, bed_type,
                                      amenities)
                   VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (room_number) DO NOTHING RETURNING true""",
                room.number, type_ids[room.type_code], room.floor, room.accessible, room.quiet,
                room.near_elevator, room.bed_type, list(room.amenities),
            )
            report.rooms_created += bool(created)
        existing = {r["email"] for r in await conn.fetch("SELECT lower(email) AS email FROM users")}
        missing = [staff for staff in STAFF if staff[0] not in existing]
        if missing:
            report.password_generated = password is None
            report.password = password or secrets.token_urlsafe(12)
        # One hash for the shared demo password, off the event loop (scrypt takes ~0.4 s).
        password_hash = await asyncio.to_thread(hash_password, report.password or "") if missing else ""
        for email, name, role in missing:
            await conn.execute(
                """INSERT INTO users (email, name, role, password_hash) VALUES ($1, $2, $3, $4)
                   ON CONFLICT (lower(email)) DO NOTHING""",
                email, name, role, password_hash,
            )
            report.users_created.append(email)
        report.users = [(email, role) for email, _, role in STAFF]
        rows = await conn.fetch(
            """SELECT rt.code, count(r.id) AS rooms FROM room_types rt LEFT JOIN rooms r ON r.room_type_id = rt.id
               GROUP BY rt.code ORDER BY min(rt.base_rate), rt.code"""
        )
        report.rooms_by_type = {r["code"]: r["rooms"] for r in rows}
        report.rooms_total = sum(report.rooms_by_type.values())
        if not report.already_existed:
            await audit.record(conn, Actor.system("seed"), "demo.seed", "hotel", "demo",
                               new={"room_types": report.room_types_created, "rooms": report.rooms_created,
                                    "users": report.users_created})
    return report
