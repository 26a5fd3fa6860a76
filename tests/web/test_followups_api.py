"""Staff read the follow-ups and the calls; Twilio's signed delivery reports move a message on."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from datetime import date
from typing import Any

import pytest
from aiohttp.test_utils import TestClient, TestServer

from agent.analytics import CallAnalytics
from agent.app import create_app
from agent.calls import CallRecords
from agent.settings import Settings
from agent.web.keys import SERVICES
from backoffice import outbox, reservations
from backoffice.audit import Actor
from backoffice.reservations import CreateReservation, GuestDetails
from backoffice.services import Services
from pipeline.frames import TurnRecord, TurnTimings
from pipeline.responder import CallInfo
from tests.conftest import unique_phone
from tests.factories import login, make_room_type
from tests.fakes.twilio_messaging import FakeTwilioMessaging
from tools.registry import ToolResult

PUBLIC = "https://concierge.padma.example"
DESK = Actor.system("test-desk")


@pytest.fixture
async def twilio() -> AsyncIterator[FakeTwilioMessaging]:
    fake = FakeTwilioMessaging()
    await fake.start()
    yield fake
    await fake.stop()


@pytest.fixture
async def live(db, settings, clock, twilio) -> AsyncIterator[TestClient[Any, Any]]:
    """The staff API with Twilio SMS configured (pointed at the fake) and a public URL for callbacks."""
    configured = Settings(data_dir=settings.data_dir, secret_key="test-secret-key-of-at-least-32-bytes",  # type: ignore[arg-type]
                          hotel_timezone=settings.hotel_timezone, public_url=PUBLIC,
                          twilio_api_base_url=twilio.base_url, TWILIO_ACCOUNT_SID=twilio.account_sid,  # type: ignore[call-arg]
                          TWILIO_AUTH_TOKEN=twilio.auth_token, TWILIO_FROM_NUMBER="+8801700000001")
    app = create_app(configured, database=db, clock=clock, run_jobs=False, voice=False)
    async with TestClient(TestServer(app)) as http:
        yield http


def services_of(http: TestClient[Any, Any]) -> Services:
    return http.server.app[SERVICES]


async def booking(services: Services, phone: str) -> str:
    await make_room_type(services.db, "STD", rooms=2)
    created = await reservations.create_reservation(services, CreateReservation(
        room_type="STD", check_in=date(2026, 12, 3), check_out=date(2026, 12, 4), guests=1, hold=True,
        guest=GuestDetails(name="Karim Ahmed", phone=phone)), DESK)
    await reservations.confirm(services, created.reservation.id, DESK)
    return created.reservation.confirmation_code


async def test_sinked_messages_are_listed_by_number(client, db, services):
    phone = unique_phone()
    code = await booking(services, phone)
    await outbox.relay_once(services)
    headers = await login(client, "front_desk", db)

    for url in (f"/api/v1/messages?to={phone}", f"/api/v1/messages?to=%2B{phone[1:]}"):  # '+' raw or encoded
        response = await client.get(url, headers=headers)
        assert response.status == 200, await response.text()
        [message] = (await response.json())["messages"]
        assert {k: message[k] for k in ("channel", "to", "template", "status")} == {
            "channel": "sms", "to": phone, "template": "booking_confirmed", "status": "sinked"}
        assert code in message["body"] and message["created_at"].startswith("2026-12-01T04:00:00")
    assert (await (await client.get("/api/v1/messages?to=%2B8801999999999", headers=headers)).json()) == {
        "messages": []}
    bad = await client.get("/api/v1/messages?to=call-me", headers=headers)
    assert bad.status == 422 and (await bad.json())["field"] == "to"
    housekeeper = await login(client, "housekeeping", db)
    assert (await client.get("/api/v1/messages", headers=housekeeper)).status == 403


async def test_sent_messages_are_listed_and_delivery_reports_update_them(live, db, twilio):
    services = services_of(live)
    phone = unique_phone()
    await booking(services, phone)
    await outbox.relay_once(services)
    [accepted] = twilio.messages
    assert accepted.status_callback == f"{PUBLIC}/twilio/message-status"
    headers = await login(live, "manager", db)

    async def status() -> str:
        response = await live.get("/api/v1/messages", params={"to": phone}, headers=headers)
        [message] = (await response.json())["messages"]
        return str(message["status"])

    assert await status() == "sent"
    callback = str(live.make_url("/twilio/message-status"))
    assert await twilio.report(accepted, "delivered", post_to=callback) == 204
    assert await status() == "delivered"
    assert await twilio.report(accepted, "sent", post_to=callback) == 204  # late and out of order
    assert await status() == "delivered"

    params, signature = twilio.signed_report(accepted.status_callback or "", accepted, "undelivered")
    forged = await live.post("/twilio/message-status", data=params | {"MessageStatus": "failed"},
                             headers={"X-Twilio-Signature": signature})
    assert forged.status == 403
    unsigned = await live.post("/twilio/message-status", data=params)
    assert unsigned.status == 403
    assert await status() == "delivered"


async def test_a_call_shows_its_turns_analytics_and_follow_ups(client, db, services, clock):
    phone = unique_phone()
    records = CallRecords(db, clock=clock)
    await records.call_started("CA-follow", "MZ-1", phone)
    now = time.monotonic()
    await records.turn_completed("CA-follow", TurnRecord(0, "", "Hello, Hotel Padma.", "Hello, Hotel Padma.", False,
                                                         TurnTimings()))
    await records.turn_completed("CA-follow", TurnRecord(
        1, "I'd like a room on December third", "I have a standard room for BDT 5,750. Shall I book it?",
        "I have a standard room", True,
        TurnTimings(speech_ended=now - 1.0, transcript=now - 0.9, first_reply_text=now - 0.7,
                    first_audio_out=now - 0.5)))
    analytics = CallAnalytics(CallInfo("CA-follow", "MZ-1", phone))
    analytics.user_turn("I'd like a room on December third")
    analytics.tool_called("check_availability", {"check_in": "2026-12-03", "check_out": "2026-12-04", "guests": 1},
                          ToolResult(True, "One standard room is free."), 12.0)
    await analytics.store(db, "completed")
    await records.call_ended("CA-follow", "completed", outcome="completed")
    await booking(services, phone)
    await outbox.relay_once(services)
    headers = await login(client, "front_desk", db)

    listed = await client.get("/api/v1/calls", params={"from": "2026-12-01", "to": "2026-12-01"}, headers=headers)
    assert listed.status == 200, await listed.text()
    assert [c["call_sid"] for c in (await listed.json())["calls"]] == ["CA-follow"]
    earlier = await client.get("/api/v1/calls", params={"from": "2026-11-20", "to": "2026-11-30"}, headers=headers)
    assert (await earlier.json())["calls"] == []

    response = await client.get("/api/v1/calls/CA-follow", headers=headers)
    assert response.status == 200, await response.text()
    detail = await response.json()
    assert detail["call"]["phone_number"] == phone and detail["call"]["status"] == "completed"
    greeting, asked = detail["turns"]
    assert greeting["agent_text"] == "Hello, Hotel Padma."
    assert asked["caller_text"] == "I'd like a room on December third"
    assert asked["heard_text"] == "I have a standard room" and asked["interrupted"] is True
    assert asked["timings_ms"]["first_audio_out"] == pytest.approx(500, abs=5)
    assert [t["name"] for t in detail["analytics"]["tools_called"]] == ["check_availability"]
    assert detail["analytics"]["original_intent"] == "book_room"
    assert [m["template"] for m in detail["follow_ups"]] == ["booking_confirmed"]

    missing = await client.get("/api/v1/calls/CA-nope", headers=headers)
    assert missing.status == 404
    housekeeper = await login(client, "housekeeping", db)
    assert (await client.get("/api/v1/calls/CA-follow", headers=housekeeper)).status == 403


async def test_the_new_endpoints_are_in_the_openapi_document(client):
    paths = (await (await client.get("/api/v1/openapi.json")).json())["paths"]
    assert {"/api/v1/messages", "/api/v1/calls", "/api/v1/calls/{call_sid}"} <= set(paths)


async def test_the_running_server_texts_the_guest_within_seconds(db, settings, clock, twilio):
    """The app's own relay loop (no test calling the relay): the SMS leaves about a second after the commit."""
    configured = Settings(data_dir=settings.data_dir, secret_key="test-secret-key-of-at-least-32-bytes",  # type: ignore[arg-type]
                          hotel_timezone=settings.hotel_timezone, twilio_api_base_url=twilio.base_url,
                          TWILIO_ACCOUNT_SID=twilio.account_sid, TWILIO_AUTH_TOKEN=twilio.auth_token,  # type: ignore[call-arg]
                          TWILIO_FROM_NUMBER="+8801700000001")
    app = create_app(configured, database=db, clock=clock, run_jobs=True, voice=False)
    async with TestClient(TestServer(app)) as http:
        phone = unique_phone()
        committed = time.monotonic()
        await booking(services_of(http), phone)
        await asyncio.wait_for(twilio.received.wait(), 5)
        elapsed = time.monotonic() - committed
    assert [m.to for m in twilio.messages] == [phone]
    assert elapsed < 3.0, f"the confirmation SMS took {elapsed:.2f} s"
