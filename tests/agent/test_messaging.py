"""Follow-ups reach Twilio's Messaging API and an SMTP server exactly once per event: through 500s,
a lost connection, a cancelled relay and a relay process killed between sending and recording it.

The providers are local fakes speaking their real protocols (``tests/fakes``); the ``twilio``
package and ``smtplib`` talk to them over real sockets.
"""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from collections.abc import AsyncIterator
from datetime import date
from typing import Any

import pytest

from agent.messaging import build_messenger
from agent.settings import Settings
from backoffice import jobs, outbox, reservations
from backoffice.audit import Actor
from backoffice.reservations import CreateReservation, GuestDetails
from backoffice.services import Services
from tests.conftest import ROOT, unique_phone
from tests.factories import make_room_type
from tests.fakes.smtp import FakeSmtp
from tests.fakes.twilio_messaging import FakeTwilioMessaging

DESK = Actor.system("test-desk")
FROM = "+8801700000001"


@pytest.fixture
async def twilio() -> AsyncIterator[FakeTwilioMessaging]:
    fake = FakeTwilioMessaging()
    await fake.start()
    yield fake
    await fake.stop()


@pytest.fixture
async def smtp() -> AsyncIterator[FakeSmtp]:
    fake = FakeSmtp()
    await fake.start()
    yield fake
    await fake.stop()


def configured(settings: Settings, twilio: FakeTwilioMessaging, smtp: FakeSmtp, **more: Any) -> Settings:
    return Settings(data_dir=settings.data_dir, secret_key="test-secret-key-of-at-least-32-bytes",  # type: ignore[arg-type]
                    hotel_timezone=settings.hotel_timezone, hotel_name="Hotel Padma",
                    twilio_api_base_url=twilio.base_url, TWILIO_ACCOUNT_SID=twilio.account_sid,  # type: ignore[call-arg]
                    TWILIO_AUTH_TOKEN=twilio.auth_token, TWILIO_FROM_NUMBER=FROM,
                    smtp_host=smtp.host, smtp_port=smtp.port, smtp_from="frontdesk@padma.example", **more)


@pytest.fixture
async def live(services: Services, settings: Settings, twilio: FakeTwilioMessaging,
               smtp: FakeSmtp) -> AsyncIterator[Services]:
    """The back office with real channels pointed at the fakes."""
    services.messenger, clients = build_messenger(configured(settings, twilio, smtp))
    yield services
    for client in clients:
        await client.close()


async def confirmed_booking(services: Services, *, email: str | None = "rahim@example.com") -> tuple[str, str]:
    """A hold confirmed by the desk: one ``reservation.confirmed`` event; returns (phone, code)."""
    await make_room_type(services.db, "STD", rooms=2)
    phone = unique_phone()
    created = await reservations.create_reservation(
        services, CreateReservation(room_type="STD", check_in=date(2026, 12, 3), check_out=date(2026, 12, 5),
                                    guests=1, hold=True, guest=GuestDetails(name="Rahim Uddin", phone=phone,
                                                                            email=email)), DESK)
    await reservations.confirm(services, created.reservation.id, DESK)
    return phone, created.reservation.confirmation_code


async def messages(services: Services) -> list[dict[str, Any]]:
    return [dict(r) for r in await services.db.pool.fetch("SELECT * FROM messages ORDER BY channel, created_at")]


async def test_a_confirmation_goes_out_once_by_sms_and_email(live, twilio, smtp, clock):
    phone, code = await confirmed_booking(live)
    await outbox.relay_once(live)
    await outbox.relay_once(live)  # a second pass sends nothing more

    assert [(m.to, m.from_) for m in twilio.messages] == [(phone, FROM)]
    sms = twilio.messages[0].body
    assert sms.startswith(f"Hotel Padma: Hi Rahim, booking {code} is confirmed: Std room, Thu 3 Dec 2026 to Sat 5 Dec "
                          "2026, 2 nights, total BDT ")
    assert len(smtp.received) == 1 and smtp.received[0].rcpt_tos == ["rahim@example.com"]
    mail = smtp.received[0]
    assert mail.message["Subject"] == f"Hotel Padma: booking {code} confirmed"
    assert mail.text.strip() == sms
    rows = await messages(live)
    assert [(r["channel"], r["status"], r["template"]) for r in rows] == [
        ("email", "sent", "booking_confirmed"), ("sms", "sent", "booking_confirmed")]
    assert rows[1]["provider_id"] == twilio.messages[0].sid and rows[0]["provider_id"] == mail.message_id
    assert rows[1]["sent_at"] == clock()


async def test_twilio_500s_for_a_while_still_deliver_exactly_once(live, twilio, smtp, clock):
    phone, _ = await confirmed_booking(live, email=None)
    twilio.fail_next(3)
    for _ in range(3):
        await outbox.relay_once(live)
        event = await live.db.pool.fetchrow("SELECT * FROM outbox WHERE event_type = 'reservation.confirmed'")
        assert event["published_at"] is None and "Twilio 500" in event["last_error"]
        clock.set(event["next_attempt_at"])
    await outbox.relay_once(live)
    event = await live.db.pool.fetchrow("SELECT * FROM outbox WHERE event_type = 'reservation.confirmed'")
    assert event["published_at"] is not None and event["attempts"] == 3
    assert len(twilio.messages) == 1 and twilio.messages[0].to == phone
    assert [r["attempts"] for r in await messages(live)] == [4]
    assert sum(1 for method, _ in twilio.requests if method == "POST") == 4


async def test_a_lost_smtp_connection_resends_only_the_email(live, twilio, smtp, clock):
    await confirmed_booking(live)
    smtp.drop_next()
    await outbox.relay_once(live)
    assert len(twilio.messages) == 1 and smtp.received == []
    assert {r["channel"]: r["status"] for r in await messages(live)} == {"sms": "sent", "email": "sending"}

    clock.advance(seconds=2)
    await outbox.relay_once(live)
    assert len(twilio.messages) == 1 and len(smtp.received) == 1
    assert {r["channel"]: r["status"] for r in await messages(live)} == {"sms": "sent", "email": "sent"}


async def test_a_relay_cancelled_after_twilio_took_the_sms_does_not_send_it_again(live, twilio, smtp):
    await confirmed_booking(live, email=None)
    twilio.stall_next()  # Twilio accepts the message; its answer never reaches the relay
    relay = asyncio.create_task(outbox.relay_once(live))
    await asyncio.wait_for(twilio.received.wait(), 10)
    relay.cancel()
    with pytest.raises(asyncio.CancelledError):
        await relay
    twilio.release()
    assert [r["status"] for r in await messages(live)] == ["sending"]

    await outbox.relay_once(live)
    assert len(twilio.messages) == 1
    [row] = await messages(live)
    assert row["status"] == "sent" and row["provider_id"] == twilio.messages[0].sid
    assert ("GET", f"/2010-04-01/Accounts/{twilio.account_sid}/Messages.json") in twilio.requests


async def test_a_relay_process_killed_mid_send_delivers_exactly_once(live, twilio, smtp, database_url, clock):
    await confirmed_booking(live, email=None)
    twilio.stall_next()
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    relay = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "tests.fakes.relay_process", database_url, twilio.base_url, twilio.account_sid,
        twilio.auth_token, FROM, clock().isoformat(), cwd=str(ROOT), env=env,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    try:
        await asyncio.wait_for(twilio.received.wait(), 30)
    finally:
        relay.send_signal(signal.SIGKILL)  # dies holding the claim and a message Twilio has accepted
        await relay.wait()
    twilio.release()
    assert relay.returncode == -signal.SIGKILL
    assert [r["status"] for r in await messages(live)] == ["sending"]

    await outbox.relay_once(live)  # the claim died with the process: the event is due again
    assert len(twilio.messages) == 1
    [row] = await messages(live)
    assert row["status"] == "sent" and row["provider_id"] == twilio.messages[0].sid
    event = await live.db.pool.fetchrow("SELECT * FROM outbox WHERE event_type = 'reservation.confirmed'")
    assert event["published_at"] is not None


async def test_many_events_two_relays_each_message_once(live, twilio, smtp):
    await make_room_type(live.db, "STD", rooms=12)
    phones = [unique_phone() for _ in range(12)]
    for phone in phones:
        await reservations.create_reservation(
            live, CreateReservation(room_type="STD", check_in=date(2026, 12, 3), check_out=date(2026, 12, 4),
                                    guests=1, hold=True, guest=GuestDetails(name="Guest", phone=phone)), DESK)
    async with live.db.transaction() as tx:  # payment links for all, as the payments saga emits them
        for view in await reservations.find(tx, status="hold", limit=50):
            await outbox.emit(tx, "payment.link_created", "reservation", view.id, {
                "payment_id": "p", "reservation_id": str(view.id), "confirmation_code": view.confirmation_code,
                "guest_name": view.guest_name, "phone": view.guest_phone, "url": f"https://pay.example/{view.id}",
                "amount": "11500.00", "currency": "BDT", "provider": "bkash"})
    other = Services(db=live.db, policy=live.policy, secret=live.secret, clock=live.clock, messenger=live.messenger)
    await asyncio.gather(outbox.relay_once(live), outbox.relay_once(other), jobs.run_once(live))
    assert sorted(m.to for m in twilio.messages) == sorted(phones)
    assert all("Pay BDT 11,500 with bKash here: https://pay.example/" in m.body for m in twilio.messages)


async def test_a_refused_number_is_marked_failed_and_not_retried(live, twilio, smtp):
    async with live.db.transaction() as tx:
        await outbox.emit(tx, "checkin.otp_issued", "reservation", "x",
                          {"phone": "01711000000", "code": "123456", "expires_at": "2026-12-01T04:10:00+00:00"})
    await outbox.relay_once(live)
    [row] = await messages(live)
    assert row["status"] == "failed" and "21211" in row["error"]
    assert await live.db.pool.fetchval("SELECT published_at IS NOT NULL FROM outbox") is True


async def test_whatsapp_is_sent_through_twilio_with_the_whatsapp_prefix(services, settings, twilio, smtp):
    services.messenger, clients = build_messenger(configured(settings, twilio, smtp, followup_channel="whatsapp",
                                                             TWILIO_WHATSAPP_FROM="+8801700000002"))
    try:
        phone, _ = await confirmed_booking(services, email=None)
        await outbox.relay_once(services)
    finally:
        for client in clients:
            await client.close()
    assert [(m.to, m.from_) for m in twilio.messages] == [(f"whatsapp:{phone}", "whatsapp:+8801700000002")]
    assert [(r["channel"], r["recipient"]) for r in await messages(services)] == [("whatsapp", phone)]

