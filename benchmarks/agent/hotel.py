"""The benchmark hotel: a scratch database with the demo hotel, a returning guest and an in-house guest."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

import asyncpg

from backoffice import allocation, checkin, reservations
from backoffice.audit import Actor
from backoffice.db import Database, create_pool, migrate
from backoffice.reservations import CreateReservation, GuestDetails
from backoffice.seed import seed_demo
from backoffice.services import Services

RETURNING_PHONE = "+8801711000001"
IN_HOUSE_PHONE = "+8801711000002"


@dataclass
class FixedClock:
    current: datetime

    def __call__(self) -> datetime:
        return self.current


@dataclass(frozen=True)
class Fixtures:
    """Values the scripted scenarios refer to as ``{code}`` and ``{room}``."""

    code: str
    room: str

    def fill(self, text: str) -> str:
        return text.replace("{code}", self.code).replace("{room}", self.room)


def hotel_morning(today: date, timezone: str) -> datetime:
    return datetime.combine(today, time(10, 0), ZoneInfo(timezone)).astimezone(UTC)


async def open_scratch_database(server_dsn: str, name: str) -> Database:
    from urllib.parse import urlsplit, urlunsplit

    admin = await asyncpg.connect(server_dsn)
    try:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.execute(f'CREATE DATABASE "{name}"')
    finally:
        await admin.close()
    dsn = urlunsplit(urlsplit(server_dsn)._replace(path=f"/{name}"))
    pool = await create_pool(dsn, max_size=5)
    await migrate(pool)
    return Database(pool)


async def drop_scratch_database(server_dsn: str, name: str) -> None:
    admin = await asyncpg.connect(server_dsn)
    try:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await admin.close()


async def reset_hotel(services: Services, *, with_guests: bool = True) -> Fixtures:
    """Empty every table, seed the demo hotel, and (optionally) the two guests the scenarios use."""
    pool = services.db.pool
    tables = [r["tablename"] for r in await pool.fetch(
        "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename <> 'schema_migrations'")]
    await pool.execute(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE")
    await seed_demo(services.db, services.policy, password="benchmark-only-password")
    if not with_guests:
        return Fixtures(code="", room="")
    staff = Actor.system("benchmark")
    today = services.today()
    future = await reservations.create_reservation(services, CreateReservation(
        room_type="DLX", check_in=date.fromordinal(today.toordinal() + 9),
        check_out=date.fromordinal(today.toordinal() + 11), guests=2,
        guest=GuestDetails(name="Farhana Ahmed", phone=RETURNING_PHONE)), staff)
    staying = await reservations.create_reservation(services, CreateReservation(
        room_type="STD", check_in=today, check_out=date.fromordinal(today.toordinal() + 2), guests=1,
        guest=GuestDetails(name="Karim Hassan", phone=IN_HOUSE_PHONE)), staff)
    assigned = await allocation.assign_room(services, staying.reservation.id, staff)
    await checkin.check_in(services, staying.reservation.id, staff)
    return Fixtures(code=future.reservation.confirmation_code, room=assigned.room_number)
