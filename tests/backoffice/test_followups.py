"""What each event sends, read from the local sink (no provider configured), and the daily digest job."""

from __future__ import annotations

import logging
from datetime import UTC, date, datetime, time
from decimal import Decimal
from typing import Any

import pytest

from agent.settings import Settings
from backoffice import checkin, followups, housekeeping, jobs, outbox, reservations
from backoffice.audit import Actor
from backoffice.housekeeping import ServiceRequest
from backoffice.message_templates import clock_time, money
from backoffice.messaging import Messenger
from backoffice.reservations import CreateReservation, GuestDetails
from backoffice.services import Services
from tests.conftest import unique_phone
from tests.factories import make_room_type, make_user
from tests.frontdesk_factories import book, room_id

DESK = Actor.system("test-desk")


@pytest.fixture
def hotel(services: Services, settings: Settings) -> Services:
    facts = Settings(data_dir=settings.data_dir, hotel_name="Hotel Padma").facts
    services.messenger = Messenger(hotel=facts)
    return services


async def sent(services: Services, template: str | None = None) -> list[dict[str, Any]]:
    rows = await services.db.pool.fetch(
        "SELECT * FROM messages WHERE $1::text IS NULL OR template = $1 ORDER BY created_at, channel", template)
    return [dict(r) for r in rows]


@pytest.mark.parametrize(("amount", "currency", "said"), [
    ("11500.00", "BDT", "BDT 11,500"), ("125000.5", "BDT", "BDT 1,25,000.50"), ("12345678", "BDT", "BDT 1,23,45,678"),
    ("999.99", "BDT", "BDT 999.99"), ("1234567", "USD", "USD 1,234,567"), (Decimal("0.005"), "BDT", "BDT 0.01"),
])
def test_amounts_read_the_way_guests_write_them(amount: Any, currency: str, said: str) -> None:
    assert money(amount, currency) == said


def test_times_are_spoken_style() -> None:
    assert [clock_time(time(14, 0)), clock_time(time(12, 30)), clock_time(time(0, 5))] == ["2 pm", "12:30 pm",
                                                                                          "12:05 am"]


async def test_without_providers_messages_are_sinked_and_the_log_hides_the_number(hotel, db, caplog):
    phone = unique_phone()
    await make_room_type(db)
    stay = (await reservations.create_reservation(hotel, CreateReservation(
        room_type="STD", check_in=date(2026, 12, 3), check_out=date(2026, 12, 5), guests=1, hold=True,
        guest=GuestDetails(name="Test Guest", phone=phone)), DESK)).reservation
    await reservations.confirm(hotel, stay.id, DESK)
    with caplog.at_level(logging.INFO, logger="backoffice.messaging"):
        await outbox.relay_once(hotel)
    [message] = await sent(hotel)
    assert (message["channel"], message["recipient"], message["status"]) == ("sms", phone, "sinked")
    assert message["body"] == (
        f"Hotel Padma: Hi Test, booking {stay.confirmation_code} is confirmed: Std room, Thu 3 Dec 2026 to "
        f"Sat 5 Dec 2026, 2 nights, total BDT 12,362.50. Check-in from 2 pm. Quote {stay.confirmation_code} "
        "at the desk.")
    assert "sinked" in caplog.text and phone not in caplog.text

    await reservations.cancel(hotel, stay.id, DESK)
    await outbox.relay_once(hotel)
    [cancelled] = await sent(hotel, "booking_cancelled")
    assert cancelled["body"].startswith(f"Hotel Padma: Hi Test, booking {stay.confirmation_code} (Thu 3 Dec 2026")


async def test_check_in_welcome_and_a_guest_request_done(hotel, db):
    phone = unique_phone()
    room_type = await make_room_type(db)
    room = await room_id(db, "101")
    await db.pool.execute("UPDATE rooms SET condition = 'inspected' WHERE id = $1", room)
    stay = await book(db, room_type, hotel.today(), ["5000.00"], room_id=room, guest_phone=phone)
    await checkin.check_in(hotel, stay.id, DESK)
    await outbox.relay_once(hotel)
    [welcome] = await sent(hotel, "welcome")
    assert welcome["recipient"] == phone
    assert welcome["body"].startswith("Welcome to Hotel Padma, Test! You are in room 101. Check-out is at 12 pm on "
                                      "Wed 2 Dec 2026.")

    request = await housekeeping.request_service(hotel, ServiceRequest("towels", room_number="101"),
                                                 Actor.call("CA-towels"))
    keeper = Actor.user(await make_user(db, "housekeeping"))
    await housekeeping.apply_task_action(hotel, request.task_id, "start", keeper)
    await housekeeping.apply_task_action(hotel, request.task_id, "complete", keeper)
    await outbox.relay_once(hotel)
    [done] = await sent(hotel, "housekeeping_done")
    assert done["body"] == ("Hotel Padma: your towels request for room 101 is done. Anything else, just call the "
                            "desk.")
    supervisor = Actor.user(await make_user(db, "manager"))
    await housekeeping.apply_task_action(hotel, request.task_id, "reject", supervisor, notes="stained")
    await housekeeping.apply_task_action(hotel, request.task_id, "start", keeper)
    await housekeeping.apply_task_action(hotel, request.task_id, "complete", keeper)
    await outbox.relay_once(hotel)
    assert len(await sent(hotel, "housekeeping_done")) == 1  # redone after inspection: not announced twice


async def test_check_in_code_reaches_the_phone_only(hotel, db):
    phone = unique_phone()
    stay = await book(db, await make_room_type(db), hotel.today(), ["5000.00"], guest_phone=phone)
    async with db.transaction() as tx:
        await outbox.emit(tx, "checkin.otp_issued", "reservation", stay.id,
                          {"reservation_id": str(stay.id), "phone": phone, "code": "482913",
                           "expires_at": "2026-12-01T04:10:00+00:00"})
    await outbox.relay_once(hotel)
    [code] = await sent(hotel, "checkin_otp")
    assert code["recipient"] == phone and code["channel"] == "sms"
    assert code["body"] == ("Hotel Padma: your check-in code is 482913. It expires at 10:10 am. Give it only to the "
                            "front desk.")


async def test_late_checkout_requests_reach_the_front_desk_or_the_sink(hotel, db):
    stay = await book(db, await make_room_type(db), hotel.today(), ["5000.00"], status="checked_in",
                      guest_phone=unique_phone())
    payload = {"reservation_id": str(stay.id), "room_number": "101", "until": "14:00", "departure": "2026-12-02",
               "call_sid": "CA1"}
    async with db.transaction() as tx:
        await outbox.emit(tx, "reservation.late_checkout_requested", "reservation", stay.id, payload)
    await outbox.relay_once(hotel)
    hotel.messenger.front_desk_number = "+8801700000099"
    async with db.transaction() as tx:
        await outbox.emit(tx, "reservation.late_checkout_requested", "reservation", stay.id, payload)
    await outbox.relay_once(hotel)
    first, second = await sent(hotel, "late_checkout_request")
    assert (first["recipient"], first["status"]) == (followups.FRONT_DESK, "sinked")
    assert (second["recipient"], second["status"]) == ("+8801700000099", "sinked")
    assert first["body"] == (f"Hotel Padma front desk: room 101 (Test Guest, booking {stay.confirmation_code}) asks "
                             "to check out late, until 2 pm on Wed 2 Dec 2026. Please confirm with the guest.")


async def test_the_daily_digest_is_queued_once_per_hotel_day(hotel, db, clock):
    await make_user(db, "manager", "gm@padma.example")
    await make_user(db, "front_desk")
    await make_room_type(db, rooms=4)
    await jobs.run_once(hotel)
    await jobs.run_once(hotel)
    assert await followups.queue_daily_digest(hotel) is False
    [digest] = await sent(hotel, "daily_digest")
    assert (digest["channel"], digest["recipient"], digest["status"]) == ("email", "gm@padma.example", "sinked")
    assert digest["subject"] == "Hotel Padma: daily report for Mon 30 Nov 2026"
    assert "Occupancy: 0.0 % (0 of 4 rooms)" in digest["body"] and "ADR: no data" in digest["body"]

    clock.set(datetime(2026, 12, 2, 0, 30, tzinfo=UTC))  # 06:30 in Dhaka: a new hotel day
    await jobs.run_once(hotel)
    assert [d["subject"].split(" for ")[1] for d in await sent(hotel, "daily_digest")] == [
        "Mon 30 Nov 2026", "Tue 1 Dec 2026"]
