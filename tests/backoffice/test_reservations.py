"""Reservation commands and lookups against the real database (no HTTP)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from uuid import UUID

import pytest

from backoffice import inventory, reservations
from backoffice.audit import Actor
from backoffice.errors import IdempotencyKeyReused, InvalidTransition, NoAvailability, ValidationFailed
from backoffice.reservations import CreateReservation, GuestDetails, ModifyReservation, Preferences
from backoffice.services import Services
from tests.conftest import unique_phone
from tests.factories import make_room_type

CALL = Actor.call("CA0123456789")
STAFF = Actor.system("front-desk-test")


def stay(check_in: str = "2026-12-08", check_out: str = "2026-12-10", room_type: str = "STD", *,
         phone: str | None = None, name: str = "Nusrat Jahan", hold: bool = False,
         **extra: object) -> CreateReservation:
    return CreateReservation(
        room_type=room_type, check_in=date.fromisoformat(check_in), check_out=date.fromisoformat(check_out),
        guests=2, guest=GuestDetails(name=name, phone=phone or unique_phone(), email="nj@example.com"),
        hold=hold, **extra,
    )


async def sold(services: Services, type_id: UUID) -> dict[str, int]:
    rows = await services.db.pool.fetch(
        "SELECT night, sold FROM room_type_nights WHERE room_type_id = $1 AND sold > 0 ORDER BY night", type_id
    )
    return {r["night"].isoformat(): r["sold"] for r in rows}


async def test_create_books_inventory_audits_and_emits_in_one_go(services, db):
    type_id = await make_room_type(db, "STD", rooms=2, rate="5000.00")
    booked = await reservations.create_reservation(
        services, stay(preferences=Preferences(quiet=True, floor=3), notes="late arrival"), CALL
    )
    view = booked.reservation
    assert not booked.replayed
    assert view.status == "confirmed"
    assert view.source == "voice"
    assert view.total_price == Decimal("11500.00")
    assert view.preferences == {"quiet": True, "floor": 3}
    assert view.notes == "late arrival"
    assert await sold(services, type_id) == {"2026-12-08": 1, "2026-12-09": 1}
    audit = await db.pool.fetchrow("SELECT actor_type, actor_id, action FROM audit_logs WHERE entity_id = $1",
                                   str(view.id))
    assert (audit["actor_type"], audit["actor_id"], audit["action"]) == ("call", "CA0123456789", "reservation.create")
    event = await db.pool.fetchrow("SELECT event_type, payload FROM outbox WHERE aggregate_id = $1", str(view.id))
    assert event["event_type"] == "reservation.created"
    assert event["payload"]["confirmation_code"] == view.confirmation_code


async def test_a_failed_booking_leaves_nothing_behind(services, db):
    type_id = await make_room_type(db, "STD", rooms=1)
    await reservations.create_reservation(services, stay(), STAFF)
    with pytest.raises(NoAvailability):
        await reservations.create_reservation(services, stay(phone="+8801799999999"), STAFF)
    assert await db.pool.fetchval("SELECT count(*) FROM reservations") == 1
    assert await db.pool.fetchval("SELECT count(*) FROM guests WHERE phone = '+8801799999999'") == 0
    assert await db.pool.fetchval("SELECT count(*) FROM outbox") == 1
    assert await sold(services, type_id) == {"2026-12-08": 1, "2026-12-09": 1}


async def test_idempotent_create_without_http(services, db):
    await make_room_type(db, "STD", rooms=3)
    command = stay()
    first = await reservations.create_reservation(services, command, CALL, idempotency_key="CA1:call_abc")
    again = await reservations.create_reservation(services, command, CALL, idempotency_key="CA1:call_abc")
    assert again.replayed
    assert again.reservation == first.reservation
    with pytest.raises(IdempotencyKeyReused):
        await reservations.create_reservation(services, stay(check_out="2026-12-11"), CALL,
                                              idempotency_key="CA1:call_abc")
    other_key = await reservations.create_reservation(services, command, CALL, idempotency_key="CA1:call_def")
    assert other_key.reservation.id != first.reservation.id
    assert await db.pool.fetchval("SELECT count(*) FROM reservations") == 2


async def test_hold_expires_after_policy_minutes(services, db, clock):
    await make_room_type(db, "STD", rooms=1)
    view = (await reservations.create_reservation(services, stay(hold=True), CALL)).reservation
    assert view.status == "hold"
    assert view.hold_expires_at is not None
    assert (view.hold_expires_at - clock.current).total_seconds() == services.policy.hold_minutes * 60


async def test_confirm_a_hold_in_time_but_not_after_it_ran_out(services, db, clock):
    await make_room_type(db, "STD", rooms=2)
    in_time = (await reservations.create_reservation(services, stay(hold=True), CALL)).reservation
    late = (await reservations.create_reservation(services, stay(hold=True), CALL)).reservation
    clock.advance(minutes=10)
    confirmed = await reservations.confirm(services, in_time.id, STAFF)
    assert confirmed.status == "confirmed"
    assert confirmed.hold_expires_at is None
    clock.advance(minutes=25)
    with pytest.raises(InvalidTransition, match="expired"):
        await reservations.confirm(services, late.id, STAFF)
    assert (await reservations.get(db.pool, late.id)).status == "hold"
    assert await db.pool.fetchval(
        "SELECT count(*) FROM audit_logs WHERE entity_id = $1 AND outcome = 'refused'", str(late.id)) == 1


async def test_cancel_releases_inventory_and_the_room(services, db):
    type_id = await make_room_type(db, "STD", rooms=1)
    view = (await reservations.create_reservation(services, stay(), STAFF)).reservation
    room_id = await db.pool.fetchval("SELECT id FROM rooms LIMIT 1")
    await db.pool.execute("UPDATE reservations SET room_id = $2 WHERE id = $1", view.id, room_id)
    await db.pool.execute(
        """INSERT INTO room_nights (room_id, night, reservation_id)
           VALUES ($1, '2026-12-08', $2), ($1, '2026-12-09', $2)""", room_id, view.id)

    cancelled = await reservations.cancel(services, view.id, STAFF, "flight cancelled")

    assert cancelled.status == "cancelled"
    assert await sold(services, type_id) == {}
    assert await db.pool.fetchval("SELECT count(*) FROM room_nights") == 0
    row = await db.pool.fetchrow("SELECT cancelled_at, metadata FROM reservations WHERE id = $1", view.id)
    assert row["cancelled_at"] is not None
    assert row["metadata"]["cancel_reason"] == "flight cancelled"
    # the freed room sells again
    await reservations.create_reservation(services, stay(), STAFF)


async def test_cancel_is_refused_after_check_in(services, db):
    type_id = await make_room_type(db, "STD", rooms=1)
    view = (await reservations.create_reservation(services, stay(), STAFF)).reservation
    await db.pool.execute("UPDATE reservations SET status = 'checked_in' WHERE id = $1", view.id)
    with pytest.raises(InvalidTransition):
        await reservations.cancel(services, view.id, STAFF)
    assert await sold(services, type_id) == {"2026-12-08": 1, "2026-12-09": 1}


async def test_modify_dates_moves_inventory_and_reprices(services, db):
    type_id = await make_room_type(db, "STD", rooms=1, rate="5000.00")
    view = (await reservations.create_reservation(services, stay(), STAFF)).reservation
    # Tue-Thu -> Thu-Sat: Thursday + Friday (weekend uplift).
    changed = await reservations.modify(
        services, view.id, ModifyReservation(check_in=date(2026, 12, 10), check_out=date(2026, 12, 12)), STAFF
    )
    assert (changed.check_in, changed.check_out) == (date(2026, 12, 10), date(2026, 12, 12))
    assert changed.total_price == Decimal("12362.50")
    assert changed.status == "confirmed"
    assert await sold(services, type_id) == {"2026-12-10": 1, "2026-12-11": 1}
    stored_quote = await db.pool.fetchval("SELECT quote FROM reservations WHERE id = $1", view.id)
    assert stored_quote["check_in"] == "2026-12-10"


async def test_modify_overlapping_own_nights_on_a_full_type(services, db):
    """Extending a stay in a one-room type works: its own nights are released before retaking them."""
    type_id = await make_room_type(db, "STD", rooms=1)
    view = (await reservations.create_reservation(services, stay(), STAFF)).reservation
    await reservations.modify(services, view.id, ModifyReservation(check_out=date(2026, 12, 11)), STAFF)
    assert await sold(services, type_id) == {"2026-12-08": 1, "2026-12-09": 1, "2026-12-10": 1}


async def test_modify_into_a_full_type_changes_nothing(services, db):
    std = await make_room_type(db, "STD", rooms=1)
    await make_room_type(db, "STE", rooms=1, floor=2)
    mine = (await reservations.create_reservation(services, stay(), STAFF)).reservation
    await reservations.create_reservation(services, stay(room_type="STE"), STAFF)
    before = await db.pool.fetchrow("SELECT * FROM reservations WHERE id = $1", mine.id)
    with pytest.raises(NoAvailability):
        await reservations.modify(services, mine.id, ModifyReservation(room_type="STE"), STAFF)
    assert await db.pool.fetchrow("SELECT * FROM reservations WHERE id = $1", mine.id) == before
    assert await sold(services, std) == {"2026-12-08": 1, "2026-12-09": 1}
    assert await db.pool.fetchval(
        "SELECT count(*) FROM audit_logs WHERE entity_id = $1 AND outcome = 'refused'", str(mine.id)) == 1


async def test_modify_room_type_drops_the_room_assignment(services, db):
    await make_room_type(db, "STD", rooms=1)
    ste = await make_room_type(db, "STE", rooms=1, floor=2, rate="15000.00", max_occupancy=3)
    view = (await reservations.create_reservation(services, stay(), STAFF)).reservation
    room_id = await db.pool.fetchval("SELECT id FROM rooms WHERE floor = 1")
    await db.pool.execute("UPDATE reservations SET room_id = $2 WHERE id = $1", view.id, room_id)
    await db.pool.execute("INSERT INTO room_nights VALUES ($1, '2026-12-08', $2), ($1, '2026-12-09', $2)",
                          room_id, view.id)

    changed = await reservations.modify(services, view.id, ModifyReservation(room_type="ste", guests=3), STAFF)

    assert (changed.room_type, changed.guests, changed.room_number) == ("STE", 3, None)
    assert changed.total_price == Decimal("34500.00")
    assert await sold(services, ste) == {"2026-12-08": 1, "2026-12-09": 1}
    assert await db.pool.fetchval("SELECT count(*) FROM room_nights") == 0


async def test_modify_dates_keeps_the_room_when_it_is_free(services, db):
    await make_room_type(db, "STD", rooms=2)
    view = (await reservations.create_reservation(services, stay(), STAFF)).reservation
    room_id, other_room = [r["id"] for r in await db.pool.fetch("SELECT id FROM rooms ORDER BY room_number")]
    await db.pool.execute("UPDATE reservations SET room_id = $2 WHERE id = $1", view.id, room_id)
    await db.pool.execute("INSERT INTO room_nights VALUES ($1, '2026-12-08', $2), ($1, '2026-12-09', $2)",
                          room_id, view.id)
    kept = await reservations.modify(services, view.id, ModifyReservation(check_out=date(2026, 12, 11)), STAFF)
    assert kept.room_number == "101"
    nights = await db.pool.fetch("SELECT night FROM room_nights WHERE reservation_id = $1 ORDER BY night", view.id)
    assert [n["night"].day for n in nights] == [8, 9, 10]

    # another booking holds room 101 on the 11th: moving there drops the assignment
    other = (await reservations.create_reservation(
        services, stay("2026-12-11", "2026-12-12"), STAFF)).reservation
    await db.pool.execute("INSERT INTO room_nights VALUES ($1, '2026-12-11', $2)", room_id, other.id)
    moved = await reservations.modify(services, view.id, ModifyReservation(check_out=date(2026, 12, 12)), STAFF)
    assert moved.room_number is None
    assert await db.pool.fetchval("SELECT count(*) FROM room_nights WHERE reservation_id = $1", view.id) == 0
    assert other_room is not None


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (ModifyReservation(), "body"),
        (ModifyReservation(check_in=date(2026, 11, 30)), "check_in"),
        (ModifyReservation(check_out=date(2026, 12, 8)), "check_out"),
        (ModifyReservation(check_out=date(2027, 1, 20)), "check_out"),
        (ModifyReservation(guests=5), "guests"),
        (ModifyReservation(room_type="NOPE"), "room_type"),
    ],
)
async def test_modify_validation_names_the_field(services, db, change, field):
    await make_room_type(db, "STD", rooms=1)
    view = (await reservations.create_reservation(services, stay(), STAFF)).reservation
    with pytest.raises(ValidationFailed) as failed:
        await reservations.modify(services, view.id, change, STAFF)
    assert failed.value.field == field


@pytest.mark.parametrize(
    ("command", "field"),
    [
        (lambda: stay("2026-11-30", "2026-12-02"), "check_in"),  # yesterday at the hotel
        (lambda: stay("2026-12-05", "2026-12-05"), "check_out"),
        (lambda: stay("2026-12-01", "2027-01-01"), "check_out"),  # 31 nights
        (lambda: stay(room_type="VILLA"), "room_type"),
        (lambda: stay(phone="12ab"), "phone"),
    ],
)
async def test_create_validation_names_the_field(services, db, command, field):
    await make_room_type(db, "STD", rooms=1)
    with pytest.raises(ValidationFailed) as failed:
        await reservations.create_reservation(services, command(), STAFF)
    assert failed.value.field == field


async def test_arrival_today_uses_the_hotel_time_zone(services, db, clock):
    await make_room_type(db, "STD", rooms=1)
    clock.set(clock.current.replace(hour=19))  # 01:00 on 2 Dec in Dhaka, still 1 Dec in UTC
    with pytest.raises(ValidationFailed):
        await reservations.create_reservation(services, stay("2026-12-01", "2026-12-02"), STAFF)
    await reservations.create_reservation(services, stay("2026-12-02", "2026-12-03"), STAFF)


async def test_lookups(services, db):
    await make_room_type(db, "STD", rooms=5)
    first = (await reservations.create_reservation(
        services, stay(phone="+8801711222333", name="Tanvir Ahmed"), STAFF)).reservation
    second = (await reservations.create_reservation(
        services, stay("2026-12-20", "2026-12-22", phone="01711222333", name="Tanvir Ahmed"), STAFF)).reservation
    await reservations.create_reservation(services, stay(name="Someone Else"), STAFF)

    by_phone = await reservations.find(db.pool, phone="+880 1711-222333")
    assert [r.id for r in by_phone] == [second.id, first.id]  # latest arrival first
    assert {r.guest_id for r in by_phone} == {first.guest_id}  # one guest, found by normalised phone
    assert [r.id for r in await reservations.find(db.pool, name="TANVIR", arrival=date(2026, 12, 8))] == [first.id]
    assert (await reservations.find_by_confirmation_code(db.pool, first.confirmation_code.lower())).id == first.id
    assert await reservations.find_by_confirmation_code(db.pool, "ZZZZZZ") is None
    assert await reservations.find(db.pool, name="100%") == []
    assert len(await reservations.find(db.pool, status="confirmed")) == 3

    detail = await reservations.get(db.pool, first.id)
    assert detail.folio_balance == Decimal("0")
    assert detail.quote["total"] == str(detail.total_price)
    assert detail.allowed_actions == ["assign_room", "cancel", "check_in", "mark_no_show", "modify"]


async def test_quote_change_matches_what_modify_charges(services, db):
    type_id = await make_room_type(db, "STD", rooms=10, rate="5000.00")
    async with db.transaction() as conn:
        for _ in range(6):  # with this booking, Tuesday and Wednesday are 70% sold
            await inventory.take(conn, type_id, date(2026, 12, 8), date(2026, 12, 10))
    view = (await reservations.create_reservation(services, stay(), STAFF)).reservation
    change = ModifyReservation(check_out=date(2026, 12, 11))
    preview = await reservations.quote_change(services, view.id, change)
    assert await sold(services, type_id) == {"2026-12-08": 7, "2026-12-09": 7}  # nothing changed
    changed = await reservations.modify(services, view.id, change, STAFF)
    assert changed.total_price == preview.total == Decimal("17250.00")  # its own nights do not raise its price


async def test_find_by_room_number(services, db):
    await make_room_type(db, "STD", rooms=2)
    view = (await reservations.create_reservation(services, stay(), STAFF)).reservation
    await reservations.create_reservation(services, stay(), STAFF)
    room_id = await db.pool.fetchval("SELECT id FROM rooms WHERE room_number = '102'")
    await db.pool.execute("UPDATE reservations SET room_id = $2 WHERE id = $1", view.id, room_id)
    assert [r.id for r in await reservations.find(db.pool, room_number="102")] == [view.id]
    assert await reservations.find(db.pool, room_number="101") == []


async def test_concurrent_books_changes_and_cancels_keep_inventory_exact(services, db):
    """Bookings, date changes and cancellations racing on one small type: no deadlock, no error other
    than 'full' or 'already changed', and every night's sold count equals its active reservations."""
    import asyncio
    import random

    await make_room_type(db, "STD", rooms=3)
    rng = random.Random(5)
    existing = [(await reservations.create_reservation(
        services, stay(f"2026-12-{d:02d}", f"2026-12-{d + 2:02d}"), STAFF)).reservation.id for d in (8, 10, 12)]

    async def one(i: int) -> None:
        start = rng.randrange(6, 14)
        end = start + rng.randrange(1, 4)
        kind = i % 3
        try:
            if kind == 0:
                await reservations.create_reservation(services, stay(f"2026-12-{start:02d}", f"2026-12-{end:02d}"),
                                                      STAFF)
            elif kind == 1:
                await reservations.modify(services, rng.choice(existing), ModifyReservation(
                    check_in=date(2026, 12, start), check_out=date(2026, 12, end)), STAFF)
            else:
                await reservations.cancel(services, rng.choice(existing), STAFF)
        except (NoAvailability, InvalidTransition):
            pass

    await asyncio.gather(*(one(i) for i in range(40)))

    drift = await db.pool.fetch(
        """WITH booked AS (
               SELECT r.room_type_id, n::date AS night, count(*) AS n
               FROM reservations r, generate_series(r.check_in, r.check_out - 1, interval '1 day') n
               WHERE r.status IN ('hold', 'confirmed', 'checked_in') GROUP BY 1, 2)
           SELECT i.night, i.sold, coalesce(b.n, 0) AS booked FROM room_type_nights i
           LEFT JOIN booked b USING (room_type_id, night) WHERE i.sold <> coalesce(b.n, 0)""")
    assert drift == []
    assert await db.pool.fetchval("SELECT max(sold - capacity) FROM room_type_nights") <= 0


async def test_an_expired_hold_cannot_be_changed(services, db, clock):
    type_id = await make_room_type(db, "STD", rooms=1)
    view = (await reservations.create_reservation(services, stay(hold=True), CALL)).reservation
    clock.advance(minutes=31)
    with pytest.raises(InvalidTransition, match="expired"):
        await reservations.modify(services, view.id, ModifyReservation(check_out=date(2026, 12, 11)), STAFF)
    assert await sold(services, type_id) == {"2026-12-08": 1, "2026-12-09": 1}
