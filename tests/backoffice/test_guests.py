"""Guests: phone normalisation, find-or-create by phone, returning guests, search by name."""

from __future__ import annotations

import asyncio
from datetime import date

import pytest

from backoffice import guests, reservations
from backoffice.audit import Actor
from backoffice.errors import ValidationFailed
from backoffice.reservations import CreateReservation, GuestDetails
from tests.factories import make_room_type

STAFF = Actor.system("front-desk-test")


def stay(phone: str, name: str) -> CreateReservation:
    return CreateReservation(room_type="STD", check_in=date(2026, 12, 8), check_out=date(2026, 12, 10), guests=1,
                             guest=GuestDetails(name=name, phone=phone))


async def test_guest_find_or_create_and_returning(services, db):
    await make_room_type(db, "STD", rooms=5)
    await reservations.create_reservation(services, stay(phone="+8801811000000", name="Sadia"), STAFF)
    returning = await guests.find_by_phone(db.pool, "01811000000")
    assert returning is not None and returning.is_returning  # has an earlier reservation
    async with db.transaction() as conn:
        same = await guests.find_or_create(conn, "Sadia Karim", "008801811000000", "sadia@example.com")
    assert same.id == returning.id
    assert (same.name, same.email) == ("Sadia Karim", "sadia@example.com")
    assert await guests.find_by_phone(db.pool, "+8801900000000") is None
    async with db.transaction() as conn:
        fresh = await guests.find_or_create(conn, "New Person", "+8801900000000")
    assert not fresh.is_returning
    assert [g.id for g in await guests.search_by_name(db.pool, "sadia")] == [same.id]


@pytest.mark.parametrize(("raw", "normalised"), [
    ("+880 1711-222333", "+8801711222333"),
    ("01711222333", "+8801711222333"),
    ("008801711222333", "+8801711222333"),
    ("+1 (415) 555-0100", "+14155550100"),
])
def test_phone_normalisation(raw, normalised):
    assert guests.normalize_phone(raw) == normalised


@pytest.mark.parametrize("raw", ["", "123", "+0123456789", "not a phone", "+1234567890123456"])
def test_bad_phones_are_refused(raw):
    with pytest.raises(ValidationFailed) as failed:
        guests.normalize_phone(raw)
    assert failed.value.field == "phone"


async def test_simultaneous_first_contacts_from_one_phone_make_one_guest(db):
    async def first_contact(i: int) -> guests.Guest:
        async with db.transaction() as conn:
            return await guests.find_or_create(conn, f"Caller {i}", "+8801555000111")

    found = await asyncio.gather(*(first_contact(i) for i in range(10)))
    assert len({g.id for g in found}) == 1
    assert await db.pool.fetchval("SELECT count(*) FROM guests") == 1


async def test_blank_name_is_refused(db):
    async with db.transaction() as conn:
        with pytest.raises(ValidationFailed) as failed:
            await guests.find_or_create(conn, "   ", "+8801555000111")
    assert failed.value.field == "guest.name"
