"""A small real hotel for the tool tests: two room types, and a guest staying in one room."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

import pytest

from agent.settings import Settings
from backoffice import allocation, checkin, reservations
from backoffice.audit import Actor
from backoffice.db import Database
from backoffice.reservations import CreateReservation, GuestDetails
from backoffice.services import Services
from tests.factories import make_room_type
from tools.context import ToolContext

CALLER = "+8801711555001"


@dataclass(frozen=True)
class InHouse:
    reservation_id: object
    room_number: str
    confirmation_code: str


@pytest.fixture
async def hotel(db: Database) -> Database:
    await make_room_type(db, "STD", rooms=3, rate="5000.00", floor=1)
    await make_room_type(db, "DLX", rooms=2, rate="8000.00", floor=2)
    # Names as a caller would say them ("the deluxe"), as the demo hotel has them.
    await db.pool.execute("UPDATE room_types SET name = 'Standard Queen' WHERE code = 'STD'")
    await db.pool.execute("UPDATE room_types SET name = 'Deluxe King' WHERE code = 'DLX'")
    return db


@pytest.fixture
def context(hotel: Database, services: Services, settings: Settings) -> ToolContext:
    return ToolContext(services, settings.facts, "CAtools0001", caller_phone=CALLER)


@pytest.fixture
async def in_house(hotel: Database, services: Services) -> InHouse:
    """The caller, checked in today to a standard room for two nights (requests need the room's own guest)."""
    staff = Actor.system("test")
    today = services.today()
    booking = await reservations.create_reservation(services, CreateReservation(
        room_type="STD", check_in=today, check_out=today + timedelta(days=2), guests=1,
        guest=GuestDetails(name="Karim Hassan", phone=CALLER)), staff)
    assigned = await allocation.assign_room(services, booking.reservation.id, staff)
    await checkin.check_in(services, booking.reservation.id, staff)
    return InHouse(booking.reservation.id, assigned.room_number, booking.reservation.confirmation_code)
