"""The benchmark hotel: a scratch database, the demo seed, and one call's preconditions on a pinned clock."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from typing import Any
from urllib.parse import urlsplit, urlunsplit
from uuid import UUID
from zoneinfo import ZoneInfo

import asyncpg

from backoffice import allocation, checkin, reservations
from backoffice.audit import Actor
from backoffice.db import Database, create_pool, migrate
from backoffice.reservations import CreateReservation, GuestDetails
from backoffice.seed import seed_demo
from backoffice.services import Services

CALL_HOUR = time(10, 0)  # every call happens at 10:00 hotel time on its item's "today"
ARRIVAL_HOUR = time(15, 0)  # in-house guests were checked in on their arrival day, after check-in time


@dataclass
class FixedClock:
    current: datetime

    def __call__(self) -> datetime:
        return self.current


def hotel_time(day: date, at: time, timezone: str) -> datetime:
    return datetime.combine(day, at, ZoneInfo(timezone)).astimezone(UTC)


@dataclass(frozen=True)
class Booked:
    """A booking placed before the call, as the scorer needs it."""

    id: UUID
    code: str
    owner_phone: str
    owner_name: str
    who: str  # "caller" or "other"
    room: str | None
    check_in: date
    check_out: date
    guests: int
    status: str


@dataclass
class CallWorld:
    """What the hotel held when the call started."""

    today: date
    caller_phone: str
    bookings: list[Booked] = field(default_factory=list)
    reservation_ids: frozenset[UUID] = frozenset()

    def by_code(self, code: str) -> Booked:
        return next(b for b in self.bookings if b.code == code)

    @property
    def own(self) -> list[Booked]:
        return [b for b in self.bookings if b.owner_phone == self.caller_phone]

    @property
    def others(self) -> list[Booked]:
        return [b for b in self.bookings if b.owner_phone != self.caller_phone]


async def open_scratch_database(server_dsn: str, name: str) -> Database:
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


async def reset_hotel(services: Services) -> None:
    """Every table emptied, then the demo seed (room types, 60 rooms, staff): a fresh install.

    The staff users stay (the seed only inserts what is missing, and hashing their passwords again would
    cost a second a call); no call reads them.
    """
    pool = services.db.pool
    tables = [r["tablename"] for r in await pool.fetch(
        """SELECT tablename FROM pg_tables WHERE schemaname = current_schema()
           AND tablename NOT IN ('schema_migrations', 'users')""")]
    await pool.execute(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE")
    await seed_demo(services.db, services.policy, password="benchmark-only-password")


async def place(services: Services, booking: Mapping[str, Any], timezone: str) -> Booked | None:
    """One precondition: a returning guest on file, a future booking, or a guest staying in a given room.

    The code is the item's own (rewritten after booking), so the split can have the caller say it.
    """
    pool = services.db.pool
    if booking.get("guest_only"):
        await pool.execute("INSERT INTO guests (name, phone, is_returning) VALUES ($1, $2, true)",
                           booking["name"], booking["phone"])
        return None
    staff = Actor.system("benchmark")
    check_in, check_out = date.fromisoformat(booking["check_in"]), date.fromisoformat(booking["check_out"])
    in_house = booking.get("status") == "checked_in"
    saved_clock = services.clock
    if in_house:  # booked and checked in on the arrival day, which is already past when the call comes
        services.clock = FixedClock(hotel_time(check_in, ARRIVAL_HOUR, timezone))
    try:
        made = await reservations.create_reservation(services, CreateReservation(
            room_type=booking["room_type"], check_in=check_in, check_out=check_out, guests=booking["guests"],
            guest=GuestDetails(name=booking["name"], phone=booking["phone"]),
            hold=booking.get("status") == "hold"), staff)
        reservation_id = made.reservation.id
        await pool.execute("UPDATE reservations SET confirmation_code = $2 WHERE id = $1", reservation_id,
                           booking["code"])
        room = booking.get("room")
        if room:
            room_id = await pool.fetchval("SELECT id FROM rooms WHERE room_number = $1", room)
            await allocation.assign_room(services, reservation_id, staff, room_id=room_id)
        if in_house:
            await checkin.check_in(services, reservation_id, staff)
    finally:
        services.clock = saved_clock
    return Booked(id=reservation_id, code=booking["code"], owner_phone=booking["phone"], owner_name=booking["name"],
                  who=booking["who"], room=booking.get("room"), check_in=check_in, check_out=check_out,
                  guests=booking["guests"], status="checked_in" if in_house else made.reservation.status)


async def prepare_call(services: Services, item: Mapping[str, Any], timezone: str) -> CallWorld:
    """A fresh hotel for one call: the demo seed, the item's bookings, and the clock pinned to its today."""
    await reset_hotel(services)
    today = date.fromisoformat(item["today"])
    services.clock = FixedClock(hotel_time(today, CALL_HOUR, timezone))
    world = CallWorld(today=today, caller_phone=item["caller"]["phone"])
    # In-house stays first: they were booked before the future ones, on earlier days.
    for booking in sorted(item["setup"], key=lambda b: b.get("status") != "checked_in"):
        booked = await place(services, booking, timezone)
        if booked is not None:
            world.bookings.append(booked)
    ids = await services.db.pool.fetch("SELECT id FROM reservations")
    world.reservation_ids = frozenset(r["id"] for r in ids)
    return world
