"""Background jobs, driven by moving the FakeClock instead of sleeping."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from backoffice import jobs, ledger, reservations
from backoffice.audit import Actor
from backoffice.reservations import CreateReservation, GuestDetails
from backoffice.services import Services
from tests.conftest import unique_phone
from tests.factories import make_room_type

CALL = Actor.call("CA-jobs")


def stay(check_in: date, check_out: date, *, hold: bool = False) -> CreateReservation:
    return CreateReservation(room_type="STD", check_in=check_in, check_out=check_out, guests=1, hold=hold,
                             guest=GuestDetails(name="Job Test", phone=unique_phone()))


async def total_sold(services: Services) -> int:
    return int(await services.db.pool.fetchval("SELECT coalesce(sum(sold), 0) FROM room_type_nights"))


async def test_sweeper_expires_only_holds_that_ran_out(services, db, clock):
    await make_room_type(db, "STD", rooms=3)
    old = (await reservations.create_reservation(services, stay(date(2026, 12, 5), date(2026, 12, 7), hold=True),
                                                 CALL)).reservation
    clock.advance(minutes=20)
    young = (await reservations.create_reservation(services, stay(date(2026, 12, 5), date(2026, 12, 6), hold=True),
                                                   CALL)).reservation
    confirmed = (await reservations.create_reservation(services, stay(date(2026, 12, 5), date(2026, 12, 6)),
                                                       CALL)).reservation
    assert await total_sold(services) == 4

    clock.advance(minutes=11)  # old: 31 minutes, young: 11
    assert await jobs.sweep_holds(services) == 1

    assert (await reservations.get(db.pool, old.id)).status == "expired"
    assert (await reservations.get(db.pool, young.id)).status == "hold"
    assert (await reservations.get(db.pool, confirmed.id)).status == "confirmed"
    assert await total_sold(services) == 2
    audit = await db.pool.fetchrow(
        "SELECT actor_type, actor_id, action FROM audit_logs WHERE entity_id = $1 AND action = 'reservation.expire'",
        str(old.id))
    assert (audit["actor_type"], audit["actor_id"]) == ("system", "hold-sweeper")
    assert await db.pool.fetchval(
        "SELECT count(*) FROM outbox WHERE event_type = 'reservation.expired' AND aggregate_id = $1", str(old.id)) == 1
    assert await jobs.sweep_holds(services) == 0  # nothing left to do: a second pass changes nothing

    clock.advance(minutes=30)
    await jobs.run_once(services)
    assert (await reservations.get(db.pool, young.id)).status == "expired"


async def test_night_audit_marks_missed_arrivals_as_no_shows(services, db, clock):
    await make_room_type(db, "STD", rooms=2)
    missed = (await reservations.create_reservation(services, stay(date(2026, 12, 1), date(2026, 12, 4)),
                                                    CALL)).reservation
    arriving_tomorrow = (await reservations.create_reservation(
        services, stay(date(2026, 12, 2), date(2026, 12, 3)), CALL)).reservation
    arrived = (await reservations.create_reservation(services, stay(date(2026, 12, 1), date(2026, 12, 2)),
                                                     CALL)).reservation
    await db.pool.execute("UPDATE reservations SET status = 'checked_in' WHERE id = $1", arrived.id)

    assert await jobs.night_audit(services) == 0  # arrival day is not over yet
    clock.advance(hours=15)  # 01:00 on 2 Dec at the hotel
    assert await jobs.night_audit(services) == 1

    assert (await reservations.get(db.pool, missed.id)).status == "no_show"
    assert (await reservations.get(db.pool, arriving_tomorrow.id)).status == "confirmed"
    assert (await reservations.get(db.pool, arrived.id)).status == "checked_in"
    nights = await db.pool.fetch("SELECT night, sold FROM room_type_nights ORDER BY night")
    # the no-show's three nights are back on sale; the others keep theirs
    assert [(n["night"].day, n["sold"]) for n in nights] == [(1, 1), (2, 1), (3, 0)]
    audit = await db.pool.fetchval(
        "SELECT actor_id FROM audit_logs WHERE entity_id = $1 AND action = 'reservation.mark_no_show'",
        str(missed.id))
    assert audit == "night-audit"


async def test_expired_idempotency_keys_are_purged(services, db, clock):
    await make_room_type(db, "STD", rooms=2)
    await reservations.create_reservation(services, stay(date(2026, 12, 5), date(2026, 12, 6)), CALL,
                                          idempotency_key="CA1:t1")
    await db.pool.execute("UPDATE idempotency_keys SET expires_at = $1", clock.current.replace(hour=6))
    assert await jobs.purge_idempotency_keys(services) == 0
    clock.advance(hours=3)
    assert await jobs.purge_idempotency_keys(services) == 1
    assert await db.pool.fetchval("SELECT count(*) FROM idempotency_keys") == 0


async def test_night_audit_posts_nights_slept_by_in_house_guests_once(services, db, clock):
    await make_room_type(db, "STD", rooms=1, rate="5000.00")
    view = (await reservations.create_reservation(services, stay(date(2026, 12, 1), date(2026, 12, 4)),
                                                  CALL)).reservation
    await db.pool.execute("UPDATE reservations SET status = 'checked_in' WHERE id = $1", view.id)

    assert await jobs.post_in_house_charges(services) == 0  # first night not over yet
    clock.advance(days=2)  # 10:00 on 3 Dec: the nights of 1 and 2 Dec are slept
    await jobs.run_once(services)
    assert await jobs.post_in_house_charges(services) == 0  # never twice
    async with db.connection() as conn:
        assert await ledger.folio_balance(conn, view.id) == Decimal("11500.00")  # 2 x (5000 + 15%)
        assert await ledger.posted_nights(conn, view.id) == {date(2026, 12, 1), date(2026, 12, 2)}


async def test_a_pass_assigns_rooms_to_todays_arrivals(services, db):
    await make_room_type(db, rooms=2)
    today = services.today()
    booking = await reservations.create_reservation(
        services,
        CreateReservation(room_type="STD", check_in=today, check_out=date.fromordinal(today.toordinal() + 1), guests=1,
                          guest=GuestDetails(name="Early Bird", phone="+8801711000222")),
        Actor.system("test"),
    )
    await jobs.run_once(services)
    await jobs.run_once(services)  # a second pass changes nothing
    reservation_id = booking.reservation.id
    assert await db.pool.fetchval("SELECT room_id FROM reservations WHERE id = $1", reservation_id) is not None
    assert await db.pool.fetchval("SELECT count(*) FROM room_nights WHERE reservation_id = $1", reservation_id) == 1
