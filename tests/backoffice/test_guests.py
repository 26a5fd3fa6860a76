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
    assert (same.name, same.email) == ("Sadia", "sadia@example.com")  # never renamed; a missing email filled
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
    assert guests.normalise_phone(raw) == normalised


@pytest.mark.parametrize("raw", [
    "+৮৮০ ১৭১১-২২২৩৩৩",  # Bengali digits
    "০১৭১১২২২৩৩৩",  # Bengali, local form
    "+٨٨٠١٧١١٢٢٢٣٣٣",  # Arabic-Indic
    "+۸۸۰۱۷۱۱۲۲۲۳۳۳",  # Persian (extended Arabic-Indic)
    "＋８８０１７１１２２２３３３",  # fullwidth
])
def test_non_ascii_digits_are_the_same_number_in_ascii(raw):
    number = guests.normalise_phone(raw)
    assert number == "+8801711222333" and number.isascii()


@pytest.mark.parametrize("raw", ["", "123", "+0123456789", "not a phone", "+1234567890123456",
                                 "call 01711222333", "01711222333 ext 5", "+8801711222333;DROP", "+880¹⁷¹¹²²²³³³",
                                 "0171\x001222333"])
def test_bad_phones_are_refused(raw):
    with pytest.raises(ValidationFailed) as failed:
        guests.normalise_phone(raw)
    assert failed.value.field == "phone"


async def test_a_booking_under_a_known_number_keeps_the_guests_name_and_records_its_own(services, db):
    await make_room_type(db, "STD", rooms=5)
    first = (await reservations.create_reservation(services, stay("+8801811000000", "Sadia Karim"), STAFF)).reservation
    # Someone else books from the same number (in Bengali digits): same guest, not renamed.
    second = (await reservations.create_reservation(services, stay("+৮৮০১৮১১০০০০০০", "Rafiq Islam"),
                                                    STAFF)).reservation
    assert second.guest_id == first.guest_id
    assert (await guests.get(db.pool, first.guest_id)).name == "Sadia Karim"
    assert (await reservations.get(db.pool, first.id)).guest_name == "Sadia Karim"
    assert (await reservations.get(db.pool, second.id)).guest_name == "Rafiq Islam"
    by_name = await reservations.find(db.pool, name="rafiq")
    assert [v.id for v in by_name] == [second.id]
    assert await db.pool.fetchval("SELECT count(*) FROM guests") == 1
    event = await db.pool.fetchval(
        "SELECT payload FROM outbox WHERE event_type = 'reservation.created' AND aggregate_id = $1", str(second.id))
    assert (event["guest_name"], event["guest_phone"]) == ("Rafiq Islam", "+8801811000000")


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
