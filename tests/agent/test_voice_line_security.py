# ruff: noqa: F811 - pytest fixtures imported from tests.pipeline.conftest
"""The voice line as an attacker sees it, over real sockets against the real server.

A media stream opens a call only with the per-call token from the TwiML; the call's number is the
token's. Forged starts (no token, another call's token, another server's, expired, replayed, or a
claimed From that is not the token's) get no greeting and no data. Without TWILIO_AUTH_TOKEN only
loopback clients may ring; past CONCIERGE_MAX_CALLS callers hear "busy"; an idle, oversized or
faster-than-real-time caller is cut off.
"""

from __future__ import annotations

import asyncio
import base64
import json
import logging
import socket
import time

import aiohttp
import pytest
from aiohttp import WSCloseCode
from twilio.request_validator import RequestValidator

from agent import call_tokens
from agent.settings import Settings
from backoffice.db import Database
from tests.pipeline.conftest import EchoLog, VoiceServer, http, voice_server  # noqa: F401 - fixtures
from tests.pipeline.fake_twilio import FakeTwilioCall

CALLER = "+8801711999888"
OTHER_GUEST = "+8801711222333"
SECRET = b"test-secret-key-of-at-least-32-bytes"  # tests.pipeline.conftest.voice_settings' key


def ws_url(base: str) -> str:
    return base.replace("http://", "ws://") + "/twilio/media-stream"


def new_sid() -> str:
    import uuid

    return "CA" + uuid.uuid4().hex


def numbers_in_logs(caplog: pytest.LogCaptureFixture, *numbers: str) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno >= logging.INFO
            and any(n in r.getMessage() or n[1:] in r.getMessage() for n in numbers)]


async def refused(call: FakeTwilioCall, echo: EchoLog) -> None:
    """The server closed the socket as a refusal, sent nothing, and built no responder for the call."""
    await call.wait_for(call.closed.is_set, within_s=10)
    assert call.close_code == WSCloseCode.POLICY_VIOLATION
    assert call.received.media == [] and call.received.marks == [] and call.received.other == []
    assert not [r for r in echo.responders if r.call.call_sid == call.call_sid]


def refusal_reasons(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records
            if r.levelno == logging.WARNING and r.getMessage().startswith("refused the media stream")]


# --- forged starts (no models needed: nothing is admitted) ---------------------------------------------


async def test_a_start_without_a_token_is_refused(voice_server: VoiceServer, http: aiohttp.ClientSession,
                                                  caplog: pytest.LogCaptureFixture) -> None:
    base, echo = await voice_server(voice_preload=False)
    async with FakeTwilioCall(http, ws_url(base), ring=False, from_number=OTHER_GUEST) as call:
        await refused(call, echo)
    assert any("no call token" in reason for reason in refusal_reasons(caplog))
    assert numbers_in_logs(caplog, OTHER_GUEST) == []


async def test_another_calls_token_is_refused(voice_server: VoiceServer, http: aiohttp.ClientSession,
                                              caplog: pytest.LogCaptureFixture) -> None:
    base, echo = await voice_server(voice_preload=False)
    # The attacker rings for real (their own call) and reuses that token on a stream for another CallSid.
    theirs = await FakeTwilioCall(http, ws_url(base), from_number=OTHER_GUEST).ring_webhook()
    async with FakeTwilioCall(http, ws_url(base), ring=False, from_number=OTHER_GUEST,
                              parameters={"token": theirs["token"]}) as call:
        await refused(call, echo)
    assert any("issued for another call" in reason for reason in refusal_reasons(caplog))


async def test_a_token_signed_by_another_key_is_refused(voice_server: VoiceServer, http: aiohttp.ClientSession,
                                                        caplog: pytest.LogCaptureFixture) -> None:
    base, echo = await voice_server(voice_preload=False)
    sid = new_sid()
    grant = call_tokens.grant_for(sid, OTHER_GUEST, "+8801700000000", now=time.time(), ttl_s=120)
    forged = call_tokens.mint(b"another-server-secret-key-0123456789", grant)
    tampered = call_tokens.mint(SECRET, grant)[:-3] + "AAA"
    for token in (forged, tampered, "v1.e30.AAAA", "garbage"):
        async with FakeTwilioCall(http, ws_url(base), call_sid=sid, ring=False, from_number=OTHER_GUEST,
                                  parameters={"token": token}) as call:
            await refused(call, echo)
    reasons = refusal_reasons(caplog)
    assert len(reasons) == 4 and any("signature does not match" in r for r in reasons)
    assert any("malformed" in r for r in reasons)


async def test_an_expired_token_is_refused(voice_server: VoiceServer, http: aiohttp.ClientSession,
                                           caplog: pytest.LogCaptureFixture) -> None:
    base, echo = await voice_server(voice_preload=False)
    sid = new_sid()
    grant = call_tokens.grant_for(sid, CALLER, "+8801700000000", now=time.time() - 600, ttl_s=120)
    async with FakeTwilioCall(http, ws_url(base), call_sid=sid, ring=False, from_number=CALLER,
                              parameters={"token": call_tokens.mint(SECRET, grant)}) as call:
        await refused(call, echo)
    assert any("expired" in reason for reason in refusal_reasons(caplog))


async def test_a_claimed_from_that_is_not_the_tokens_is_refused(
    voice_server: VoiceServer, http: aiohttp.ClientSession, caplog: pytest.LogCaptureFixture
) -> None:
    base, echo = await voice_server(voice_preload=False)
    # A genuine ring from the attacker's own number, then a start that claims a guest's number.
    async with FakeTwilioCall(http, ws_url(base), from_number=CALLER, parameters={"From": OTHER_GUEST}) as call:
        await refused(call, echo)
    reasons = refusal_reasons(caplog)
    assert any("claims a From that differs" in r for r in reasons)
    assert numbers_in_logs(caplog, OTHER_GUEST, CALLER) == []


async def test_a_signed_upgrade_alone_no_longer_opens_a_call(voice_server: VoiceServer, http: aiohttp.ClientSession,
                                                             caplog: pytest.LogCaptureFixture) -> None:
    """One leaked X-Twilio-Signature of the (fixed) stream URL used to open every future call."""
    base, echo = await voice_server(voice_preload=False, public_url="https://voice.example.com",
                                    TWILIO_AUTH_TOKEN="tw-token")
    leaked = RequestValidator("tw-token").compute_signature("wss://voice.example.com/twilio/media-stream", {})
    async with FakeTwilioCall(http, ws_url(base), ring=False, from_number=OTHER_GUEST,
                              headers={"X-Twilio-Signature": leaked}) as call:
        await refused(call, echo)
    assert any("no call token" in reason for reason in refusal_reasons(caplog))


async def test_a_huge_message_before_start_is_refused_unread(voice_server: VoiceServer,
                                                             http: aiohttp.ClientSession) -> None:
    base, echo = await voice_server(voice_preload=False)
    ws = await http.ws_connect(ws_url(base))
    await ws.send_str(json.dumps({"event": "media", "media": {"payload": "A" * (1024 * 1024)}}))
    message = await ws.receive(timeout=10)
    assert message.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED)
    assert ws.close_code == WSCloseCode.MESSAGE_TOO_BIG
    await ws.close()
    assert echo.responders == []


# --- who may ring ----------------------------------------------------------------------------------------


def _non_loopback_address() -> str | None:
    """An address of this machine that is not loopback (its route to the outside), if it has one."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.254", 9))  # no packet is sent: this only picks the outgoing interface
            address = str(probe.getsockname()[0])
        except OSError:
            return None
    return None if address.startswith("127.") or address == "0.0.0.0" else address


@pytest.fixture
def outside_address() -> str:
    address = _non_loopback_address()
    if address is None:
        pytest.skip("this machine has no non-loopback IPv4 address to call from")
    return address


async def test_without_a_twilio_token_a_non_loopback_client_is_refused(
    voice_server: VoiceServer, http: aiohttp.ClientSession, outside_address: str, caplog: pytest.LogCaptureFixture
) -> None:
    # The server listens on the machine's outside address, so this client's packets arrive from it:
    # request.remote is that address, not 127.0.0.1 (as for a caller on the network).
    base, echo = await voice_server(voice_preload=False, host=outside_address)
    form = {"CallSid": new_sid(), "From": OTHER_GUEST, "To": "+8801700000000"}
    async with http.post(base + "/twilio/voice", data=form) as reply:
        assert reply.status == 403 and reply.content_type == "application/problem+json"
        assert "<Stream" not in await reply.text()
    status = {"CallSid": form["CallSid"], "CallStatus": "completed"}
    async with http.post(base + "/twilio/status", data=status) as reply:
        assert reply.status == 403
    with pytest.raises(aiohttp.WSServerHandshakeError) as handshake:
        await http.ws_connect(ws_url(base))
    assert handshake.value.status == 403
    assert any(outside_address in r.getMessage() and "loopback" in r.getMessage() for r in caplog.records
               if r.levelno == logging.WARNING)
    assert echo.responders == []


async def test_an_empty_twilio_token_is_unset_not_an_empty_signing_key(
    voice_server: VoiceServer, http: aiohttp.ClientSession, outside_address: str
) -> None:
    assert Settings(TWILIO_AUTH_TOKEN="").twilio_auth_token is None  # type: ignore[call-arg]
    assert Settings(TWILIO_AUTH_TOKEN="  ").twilio_auth_token is None  # type: ignore[call-arg]
    base, _ = await voice_server(voice_preload=False, host=outside_address, TWILIO_AUTH_TOKEN="")
    form = {"CallSid": new_sid(), "From": OTHER_GUEST, "To": "+8801700000000"}
    # Signed with the empty key: were "" a key, this would pass.
    signature = RequestValidator("").compute_signature(base + "/twilio/voice", form)
    async with http.post(base + "/twilio/voice", data=form, headers={"X-Twilio-Signature": signature}) as reply:
        assert reply.status == 403


async def test_an_empty_twilio_token_from_the_environment_is_unset(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TWILIO_AUTH_TOKEN", "")
    assert Settings().twilio_auth_token is None


async def test_outside_clients_are_served_when_signed_or_in_dev_mode(
    voice_server: VoiceServer, http: aiohttp.ClientSession, outside_address: str
) -> None:
    form = {"CallSid": new_sid(), "From": CALLER, "To": "+8801700000000"}
    dev, _ = await voice_server(voice_preload=False, host=outside_address, voice_dev=True)
    async with http.post(dev + "/twilio/voice", data=form) as reply:
        assert reply.status == 200 and '<Parameter name="token"' in await reply.text()
    signed, _ = await voice_server(voice_preload=False, host=outside_address, TWILIO_AUTH_TOKEN="tw-token",
                                   public_url="https://voice.example.com")
    signature = RequestValidator("tw-token").compute_signature("https://voice.example.com/twilio/voice", form)
    async with http.post(signed + "/twilio/voice", data=form, headers={"X-Twilio-Signature": signature}) as reply:
        assert reply.status == 200 and '<Parameter name="token"' in await reply.text()


async def test_a_proxied_request_does_not_count_as_loopback(voice_server: VoiceServer,
                                                            http: aiohttp.ClientSession) -> None:
    """A tunnel (ngrok, cloudflared) on this machine connects from 127.0.0.1 on behalf of anyone."""
    base, _ = await voice_server(voice_preload=False)
    form = {"CallSid": new_sid(), "From": OTHER_GUEST, "To": "+8801700000000"}
    async with http.post(base + "/twilio/voice", data=form, headers={"X-Forwarded-For": "203.0.113.9"}) as reply:
        assert reply.status == 403
    async with http.post(base + "/twilio/voice", data=form) as reply:
        assert reply.status == 200


async def test_the_server_warns_at_start_when_the_line_is_unsigned(
    voice_server: VoiceServer, caplog: pytest.LogCaptureFixture
) -> None:
    await voice_server(voice_preload=False)
    assert any("TWILIO_AUTH_TOKEN is not set" in r.getMessage() for r in caplog.records
               if r.levelno == logging.WARNING)
    caplog.clear()
    await voice_server(voice_preload=False, voice_dev=True)
    assert any("CONCIERGE_VOICE_DEV=1" in r.getMessage() for r in caplog.records if r.levelno == logging.WARNING)


# --- a full line -----------------------------------------------------------------------------------------


async def test_past_max_calls_the_twiml_says_busy_and_dials_the_front_desk(
    voice_server: VoiceServer, http: aiohttp.ClientSession
) -> None:
    base, _ = await voice_server(voice_preload=False, max_calls=2)
    bodies = []
    for _ in range(3):
        form = {"CallSid": new_sid(), "From": CALLER, "To": "+8801700000000"}
        async with http.post(base + "/twilio/voice", data=form) as reply:
            assert reply.status == 200
            bodies.append(await reply.text())
    assert all("<Stream" in body for body in bodies[:2])
    assert "<Stream" not in bodies[2] and "<Connect" not in bodies[2] and "token" not in bodies[2]
    assert "busy" in bodies[2] and "<Dial>+8801700000099</Dial>" in bodies[2]

    no_desk, _ = await voice_server(voice_preload=False, max_calls=1, front_desk_number="")
    for expected in ("<Stream", "<Hangup"):
        async with http.post(no_desk + "/twilio/voice", data={"CallSid": new_sid(), "From": CALLER}) as reply:
            body = await reply.text()
        assert expected in body and "<Dial" not in body


# --- admitted calls (these load the voice models once per test process) ---------------------------------


async def test_a_genuine_token_admits_the_call_with_the_tokens_number(
    voice_server: VoiceServer, http: aiohttp.ClientSession, db: Database, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    base, echo = await voice_server()
    async with FakeTwilioCall(http, ws_url(base), from_number=CALLER, parameters={"from_number": CALLER}) as call:
        await call.wait_for(lambda: len(call.received.marks) > 0)  # the greeting plays
        await call.dtmf("#")
        await call.send_silence(0.4)
        await call.stop()
        await call.wait_for(call.closed.is_set)
    responder = echo.for_call(call.call_sid)
    assert responder.call.from_number == CALLER and responder.call.to_number == "+8801700000000"
    assert "token" not in responder.call.custom_parameters
    row = await db.pool.fetchrow("SELECT phone_number FROM voice_call_logs WHERE call_sid = $1", call.call_sid)
    assert row["phone_number"] == CALLER
    used = await db.pool.fetchval("SELECT call_sid FROM voice_call_tokens_used")
    assert used == call.call_sid
    assert numbers_in_logs(caplog, CALLER) == []
    assert any("keypad press" in r.getMessage() for r in caplog.records)
    assert not [r.getMessage() for r in caplog.records if r.levelno >= logging.INFO and "#" in r.getMessage()]


async def test_a_replayed_token_is_refused_by_another_server_on_the_same_database(
    voice_server: VoiceServer, http: aiohttp.ClientSession, caplog: pytest.LogCaptureFixture
) -> None:
    first, _ = await voice_server()
    second, echo_second = await voice_server()  # same secret key, same database: a second instance
    async with FakeTwilioCall(http, ws_url(first), from_number=CALLER) as genuine:
        await genuine.wait_for(lambda: len(genuine.received.marks) > 0)
        await genuine.stop()
        await genuine.wait_for(genuine.closed.is_set)
    replay = FakeTwilioCall(http, ws_url(second), call_sid=genuine.call_sid, ring=False, from_number=CALLER,
                            parameters={"token": genuine.parameters_sent["token"]})
    async with replay:
        await refused(replay, echo_second)
    assert any("already used" in reason for reason in refusal_reasons(caplog))


async def test_the_websocket_refuses_calls_past_max_calls(voice_server: VoiceServer,
                                                          http: aiohttp.ClientSession) -> None:
    base, _ = await voice_server(max_calls=1)
    sid = new_sid()  # a genuine token for a second call, as another instance would have issued it
    grant = call_tokens.grant_for(sid, OTHER_GUEST, "+8801700000000", now=time.time(), ttl_s=120)
    async with FakeTwilioCall(http, ws_url(base), from_number=CALLER) as first:
        await first.wait_for(lambda: len(first.received.marks) > 0)
        with pytest.raises(aiohttp.WSServerHandshakeError) as handshake:
            async with FakeTwilioCall(http, ws_url(base), call_sid=sid, ring=False,
                                      parameters={"token": call_tokens.mint(SECRET, grant)}):
                pass
        assert handshake.value.status == 503
        await first.stop()


async def test_a_huge_media_message_ends_the_call_unprocessed(
    voice_server: VoiceServer, http: aiohttp.ClientSession, db: Database, caplog: pytest.LogCaptureFixture
) -> None:
    base, echo = await voice_server()
    async with FakeTwilioCall(http, ws_url(base), from_number=CALLER) as call:
        await call.wait_for(lambda: len(call.received.marks) > 0)
        loud = base64.b64encode(bytes([0x00, 0x80]) * (512 * 1024)).decode()  # 1 MiB of full-scale audio
        await call.send_json({"event": "media", "streamSid": call.stream_sid,
                              "media": {"track": "inbound", "payload": loud}})
        await call.wait_for(call.closed.is_set, within_s=10)
    assert call.close_code == WSCloseCode.MESSAGE_TOO_BIG
    assert echo.for_call(call.call_sid).history == []  # nothing of it reached the conversation
    assert any("websocket error" in r.getMessage() for r in caplog.records if r.levelno == logging.WARNING)


async def test_a_caller_sending_faster_than_real_time_is_cut_off(
    voice_server: VoiceServer, http: aiohttp.ClientSession, db: Database, caplog: pytest.LogCaptureFixture
) -> None:
    base, _ = await voice_server()
    async with FakeTwilioCall(http, ws_url(base), from_number=CALLER) as call:
        await call.send_silence(1.0)  # at real time: fine
        await call.send_silence(2.0, pace=0)  # a burst, as after a network hiccup: tolerated
        await call.send_silence(0.5)
        assert not call.closed.is_set()
        started = time.monotonic()
        await call.send_silence(10.0, pace=0)  # ten seconds of audio at once
        await call.wait_for(call.closed.is_set, within_s=10)
        assert time.monotonic() - started < 5
    assert any("ahead of real time" in r.getMessage() for r in caplog.records if r.levelno == logging.WARNING)
    await _call_closed(db, call.call_sid)
    assert await db.pool.fetchval("SELECT status FROM voice_call_logs WHERE call_sid = $1", call.call_sid) == "failed"


async def test_a_silent_socket_is_ended_after_the_idle_timeout(
    voice_server: VoiceServer, http: aiohttp.ClientSession, db: Database, caplog: pytest.LogCaptureFixture
) -> None:
    base, _ = await voice_server(call_idle_timeout_s=1.0)
    async with FakeTwilioCall(http, ws_url(base), from_number=CALLER) as call:
        await call.send_silence(1.5)  # media flowing: the call stays up
        assert not call.closed.is_set()
        stopped = time.monotonic()
        await call.wait_for(call.closed.is_set, within_s=10)  # then nothing: the server ends it
        assert 0.9 < time.monotonic() - stopped < 5
    assert any("no media from the caller" in r.getMessage() for r in caplog.records if r.levelno == logging.WARNING)
    await _call_closed(db, call.call_sid)


async def _call_closed(db: Database, call_sid: str) -> None:
    for _ in range(200):
        if await db.pool.fetchval("SELECT end_time FROM voice_call_logs WHERE call_sid = $1", call_sid):
            return
        await asyncio.sleep(0.05)
    raise AssertionError("the call record was not closed")
