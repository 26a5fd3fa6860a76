"""Whole calls over the real websocket, through the real models, with the echo responder."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator

import aiohttp
import numpy as np
import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer
from twilio.request_validator import RequestValidator

from agent.voice_wiring import shared_models
from backoffice.db import Database
from pipeline.audio import InboundResampler
from pipeline.responder import CallInfo, EchoResponder, HangUp, Outcome, ReplyEvent, Say
from tests.pipeline.conftest import VoiceServer
from tests.pipeline.fake_twilio import FakeTwilioCall, ulaw_file

WS_PATH = "/twilio/media-stream"


def ws_url(base: str) -> str:
    return base.replace("http://", "ws://") + WS_PATH


async def transcribe(ulaw: bytes) -> str:
    whisper = (await shared_models()).whisper
    resampler = InboundResampler()
    audio = np.concatenate([resampler.push(ulaw[i:i + 160]) for i in range(0, len(ulaw), 160)])
    return whisper.transcribe_now(audio).text.lower()


@pytest.mark.slow
async def test_echo_call_says_back_the_callers_words(voice_server: VoiceServer, http: aiohttp.ClientSession,
                                                     db: Database) -> None:
    base, echo = await voice_server()
    async with FakeTwilioCall(http, ws_url(base)) as call:
        await call.wait_for(lambda: len(call.received.marks) > 0)  # the greeting is playing
        await call.send_silence(3.0)  # let it finish
        greeting_bytes = len(call.received.audio())
        await call.send_audio(ulaw_file("picovoice_cheetah_test_en.ulaw"))
        await call.send_silence(1.0)
        await call.wait_for(lambda: len(call.received.audio()) > greeting_bytes + 8000 * 2)
        await call.send_silence(4.0)  # the reply plays out, marks come back
        await call.stop()
        await call.wait_for(call.closed.is_set)

    greeting = await transcribe(call.received.audio()[:greeting_bytes])
    assert "how can i help" in greeting
    reply = await transcribe(call.received.audio()[greeting_bytes:])
    assert "you said" in reply
    assert "platforms" in reply and "used" in reply
    responder = echo.for_call(call.call_sid)
    assert [role for role, _ in responder.history] == ["user", "assistant"]
    # While the caller spoke, the responder was told the words as they settled: where the turn starts.
    assert responder.settled, "no settled words reported during a 5 s utterance"
    assert responder.history[0][1].lower().startswith(responder.settled[-1].lower())
    # At the pause before the endpoint it was told the whole transcript, to understand it early.
    assert responder.anticipated[-1] == responder.history[0][1]

    log = await db.pool.fetchrow("SELECT * FROM voice_call_logs WHERE call_sid = $1", call.call_sid)
    assert log["status"] == "completed"
    assert log["total_interactions"] == 1
    assert log["avg_response_time"] > 0
    turns = await db.pool.fetch("SELECT * FROM voice_call_turns WHERE call_sid = $1 ORDER BY turn_index",
                                call.call_sid)
    assert [t["turn_index"] for t in turns] == [0, 1]
    assert "platforms" in turns[1]["user_text"].lower()
    assert turns[1]["heard_text"] == turns[1]["agent_text"] and not turns[1]["interrupted"]
    assert set(turns[1]["timings_ms"]) == {"transcript", "released", "first_reply_text", "first_audio_out"}


async def _greeting_played(call: FakeTwilioCall) -> int:
    await call.wait_for(lambda: len(call.received.marks) > 0)
    await call.send_silence(3.0)
    return len(call.received.audio())


@pytest.mark.slow
async def test_bad_frames_never_end_a_call(voice_server: VoiceServer, http: aiohttp.ClientSession,
                                          db: Database) -> None:
    base, echo = await voice_server()
    async with FakeTwilioCall(http, ws_url(base)) as call:
        for junk in ("{oops", "[]", '{"event": "media"}', '{"event": "media", "media": {"payload": "%%"}}',
                     '{"event": "teleport", "streamSid": "x"}', '{"event": "mark", "mark": {"name": "t99.1"}}',
                     '{"event": "mark"}', '{"event": "dtmf", "dtmf": {}}', '{"event": "start"}'):
            await call.send_raw(junk)
        greeting_bytes = await _greeting_played(call)
        await call.send_json({"event": "mark", "streamSid": call.stream_sid, "mark": {"name": "t0.1"}})  # repeat
        await call.send_audio(ulaw_file("asterisk_8k_transfer.ulaw"))
        await call.send_silence(1.0)
        await call.wait_for(lambda: len(call.received.audio()) > greeting_bytes + 8000)
        await call.send_raw("not json at all")
        await call.send_silence(3.0)
        await call.stop()
        await call.wait_for(call.closed.is_set)
    assert "hold" in echo.for_call(call.call_sid).history[0][1].lower()
    row = await db.pool.fetchrow("SELECT status, total_interactions FROM voice_call_logs WHERE call_sid = $1",
                                 call.call_sid)
    assert (row["status"], row["total_interactions"]) == ("completed", 1)


async def speech(text: str) -> bytes:
    """Caller speech rendered by the Piper voice (8 kHz mu-law)."""
    return (await shared_models()).tts.render_now(text)


@pytest.mark.slow
async def test_a_pause_mid_sentence_is_one_turn(voice_server: VoiceServer, http: aiohttp.ClientSession,
                                               db: Database) -> None:
    base, echo = await voice_server()
    first, second = await speech("I would like to book a room for"), await speech("two nights next week.")
    async with FakeTwilioCall(http, ws_url(base)) as call:
        await _greeting_played(call)
        await call.send_audio(first)
        await call.send_silence(0.7)  # longer than the plain endpoint, but the sentence is unfinished
        await call.send_audio(second)
        await call.send_silence(5.0)
        await call.stop()
        await call.wait_for(call.closed.is_set)
    user_turns = [text for role, text in echo.for_call(call.call_sid).history if role == "user"]
    assert len(user_turns) == 1, user_turns
    # One word from each half proves the halves were joined; tiny.en sometimes drops "nights" between "two" and
    # "next", so the second half's marker is "week".
    assert "room" in user_turns[0].lower() and "week" in user_turns[0].lower()
    count = await db.pool.fetchval("SELECT count(*) FROM voice_call_turns WHERE call_sid = $1 AND user_text <> ''",
                                   call.call_sid)
    assert count == 1


@pytest.mark.slow
async def test_barge_in_clears_twilio_and_keeps_only_what_was_heard(
    voice_server: VoiceServer, http: aiohttp.ClientSession, db: Database
) -> None:
    base, echo = await voice_server()
    # no commas: a comma pause can be long enough to end the turn, which is not what this test is about
    question = await speech("Can you tell me all about the breakfast and the parking and the swimming pool?")
    async with FakeTwilioCall(http, ws_url(base)) as call:
        await _greeting_played(call)
        await call.send_audio(question)
        # wait until the reply is playing and a few of its marks were played (about 0.6 s heard);
        # the greeting's marks are t0.*
        await call.wait_for(lambda: len([m for m in call.received.echoed if not m.startswith("t0.")]) > 3)
        await call.send_audio(await speech("Sorry, stop, I have another question."))
        await call.wait_for(lambda: len(call.received.clears) > 0)
        await call.send_silence(3.0)
        await call.stop()
        await call.wait_for(call.closed.is_set)

    history = echo.for_call(call.call_sid).history
    full_reply = "You said: " + history[0][1]
    heard = history[1][1]
    assert history[1][0] == "assistant"
    assert heard and full_reply.startswith(heard) and len(heard) < len(full_reply)
    turn = await db.pool.fetchrow(
        "SELECT agent_text, heard_text, interrupted FROM voice_call_turns WHERE call_sid = $1 AND turn_index = 1",
        call.call_sid)
    assert turn["interrupted"] and turn["heard_text"] == heard and turn["agent_text"] == full_reply


async def call_record_closed(db: Database, call_sid: str) -> None:
    """The server writes the call's end just after the socket closes: wait for it (10 s at most)."""
    for _ in range(200):
        if await db.pool.fetchval("SELECT end_time FROM voice_call_logs WHERE call_sid = $1", call_sid):
            return
        await asyncio.sleep(0.05)
    raise AssertionError("the call record was not closed")


class FakeTwilioRest:
    """Twilio's Calls REST resource on loopback: records every call update it receives."""

    def __init__(self) -> None:
        self.updates: list[tuple[str, str, dict[str, str], str]] = []

    async def update_call(self, request: web.Request) -> web.Response:
        form = {k: str(v) for k, v in (await request.post()).items()}
        self.updates.append((request.match_info["account"], request.match_info["call"], form,
                             request.headers.get("Authorization", "")))
        return web.json_response({"sid": request.match_info["call"], "status": "in-progress"})

    async def start(self) -> TestServer:
        app = web.Application()
        app.router.add_post("/2010-04-01/Accounts/{account}/Calls/{call}.json", self.update_call)
        server = TestServer(app, host="127.0.0.1")
        await server.start_server()
        return server


class ScriptedResponder(EchoResponder):
    """Answers every turn with a fixed script of reply events."""

    def __init__(self, call: CallInfo, script: list[ReplyEvent]) -> None:
        super().__init__(call)
        self.script = script
        self.closed_with: str | None = None

    async def respond(self, user_text: str) -> AsyncIterator[ReplyEvent]:
        self.history.append(("user", user_text))
        for event in self.script:
            yield event

    async def close(self, outcome: Outcome | None = None) -> None:
        self.closed_with = outcome


def signed_headers(public: str) -> dict[str, str]:
    url = public.replace("https://", "wss://") + WS_PATH
    return {"X-Twilio-Signature": RequestValidator("rest-token").compute_signature(url, {})}


@pytest.mark.slow
async def test_dtmf_zero_transfers_through_twilio_rest(voice_server: VoiceServer, http: aiohttp.ClientSession,
                                                      db: Database) -> None:
    rest = FakeTwilioRest()
    rest_server = await rest.start()
    public = "https://voice.test"
    base, _ = await voice_server(public_url=public, TWILIO_ACCOUNT_SID="AC" + "1" * 32,
                                 TWILIO_AUTH_TOKEN="rest-token",
                                 twilio_api_base_url=f"http://127.0.0.1:{rest_server.port}")
    try:
        async with FakeTwilioCall(http, ws_url(base), headers=signed_headers(public), auth_token="rest-token",
                                  public_url=public) as call:
            await call.wait_for(lambda: len(call.received.marks) > 0)
            await call.dtmf("5")  # other digits are logged and ignored
            await call.dtmf("0")
            await call.send_silence(0.5)
            await call.wait_for(lambda: len(rest.updates) == 1)
            await call.wait_for(call.closed.is_set)  # the stream ends once the call is redirected
    finally:
        await rest_server.close()
    account, call_sid, form, auth = rest.updates[0]
    assert (account, call_sid) == ("AC" + "1" * 32, call.call_sid)
    assert form == {"Twiml": "<Response><Dial>+8801700000099</Dial></Response>"}
    assert auth.startswith("Basic ")
    assert call.received.clears  # the greeting was cut off at once
    await call_record_closed(db, call.call_sid)
    row = await db.pool.fetchrow("SELECT status, transferred_to, transfer_reason, outcome FROM voice_call_logs "
                                 "WHERE call_sid = $1", call.call_sid)
    assert dict(row) == {"status": "transferred", "transferred_to": "+8801700000099",
                         "transfer_reason": "caller pressed 0", "outcome": "transferred"}


@pytest.mark.slow
async def test_transfer_without_credentials_reads_out_the_number(
    voice_server: VoiceServer, http: aiohttp.ClientSession, db: Database
) -> None:
    base, _ = await voice_server()
    async with FakeTwilioCall(http, ws_url(base)) as call:
        greeting_bytes = await _greeting_played(call)
        await call.dtmf("0")
        await call.wait_for(lambda: len(call.received.audio()) > greeting_bytes + 8000 * 4, within_s=30)
        await call.send_silence(8.0)
        assert not call.closed.is_set()  # the call goes on
        await call.stop()
        await call.wait_for(call.closed.is_set)
    notices = await db.pool.fetch("SELECT agent_text FROM voice_call_turns WHERE call_sid = $1 AND user_text = ''",
                                  call.call_sid)
    texts = " ".join(n["agent_text"] for n in notices)
    assert "front desk" in texts and "8 8 0 1 7 0 0 0 0 0 0 9 9" in texts


@pytest.mark.slow
async def test_hang_up_after_the_goodbye_has_played(voice_server: VoiceServer, http: aiohttp.ClientSession,
                                                   db: Database) -> None:
    responders: list[ScriptedResponder] = []

    def factory(call: CallInfo) -> ScriptedResponder:
        responders.append(ScriptedResponder(call, [Say("Thank you for calling. Goodbye."), HangUp("caller done")]))
        return responders[-1]

    base, _ = await voice_server(responder_factory=factory)
    async with FakeTwilioCall(http, ws_url(base)) as call:
        greeting_bytes = await _greeting_played(call)
        greeting_frames = len(call.received.media)
        await call.send_audio(await speech("That is all, thank you."))
        await call.send_silence(0.5)
        await call.wait_for(call.closed.is_set, within_s=30)
        closed_at = time.monotonic()
    goodbye = call.received.audio()[greeting_bytes:]
    goodbye_started = call.received.media[greeting_frames][0]
    assert "thank you for calling" in await transcribe(goodbye)
    tts = (await shared_models()).tts
    both_sentences = len(tts.render_now("Thank you for calling.")) + len(tts.render_now("Goodbye."))
    assert len(goodbye) > 0.8 * both_sentences  # Piper's timing varies a little from run to run
    # every mark of the goodbye was played (echoed) before the line closed
    assert set(call.received.marks) <= set(call.received.echoed)
    assert closed_at - goodbye_started >= len(goodbye) / 8000
    await call_record_closed(db, call.call_sid)
    assert next(r for r in responders if r.call.call_sid == call.call_sid).closed_with == "completed"
    row = await db.pool.fetchrow("SELECT status, end_time FROM voice_call_logs WHERE call_sid = $1", call.call_sid)
    assert row["status"] == "completed" and row["end_time"] is not None


@pytest.mark.slow
async def test_a_dropped_socket_closes_the_record(voice_server: VoiceServer, http: aiohttp.ClientSession,
                                                 db: Database) -> None:
    base, _ = await voice_server()
    async with FakeTwilioCall(http, ws_url(base)) as call:
        await call.wait_for(lambda: len(call.received.marks) > 0)
    # no stop: the phone side just went away
    await call_record_closed(db, call.call_sid)
    row = await db.pool.fetchrow("SELECT status, outcome FROM voice_call_logs WHERE call_sid = $1", call.call_sid)
    assert (row["status"], row["outcome"]) == ("abandoned", "abandoned")


class BrokenResponder(EchoResponder):
    async def respond(self, user_text: str) -> AsyncIterator[ReplyEvent]:
        self.history.append(("user", user_text))
        raise RuntimeError("the language model is down")
        yield Say("never")  # pragma: no cover - makes this an async generator


@pytest.mark.slow
async def test_a_failing_responder_gets_an_apology_not_silence(
    voice_server: VoiceServer, http: aiohttp.ClientSession, db: Database
) -> None:
    base, _ = await voice_server(responder_factory=BrokenResponder)
    async with FakeTwilioCall(http, ws_url(base)) as call:
        greeting_bytes = await _greeting_played(call)
        await call.send_audio(await speech("What time is check-in?"))
        await call.send_silence(1.0)
        await call.wait_for(lambda: len(call.received.audio()) > greeting_bytes + 8000, within_s=30)
        await call.send_silence(4.0)
        await call.stop()
        await call.wait_for(call.closed.is_set)
    assert "say it again" in await transcribe(call.received.audio()[greeting_bytes:])
    await call_record_closed(db, call.call_sid)
    row = await db.pool.fetchrow("SELECT status FROM voice_call_logs WHERE call_sid = $1", call.call_sid)
    assert row["status"] == "completed"
    fallback = await db.pool.fetchval("SELECT fallback FROM voice_call_turns WHERE call_sid = $1 AND turn_index = 1",
                                      call.call_sid)
    assert fallback is True  # the pipeline's own apology is a fallback turn too


class TurnByTurnResponder(EchoResponder):
    """Answers caller turn N with the Nth script of reply events."""

    def __init__(self, call: CallInfo, scripts: list[list[ReplyEvent]]) -> None:
        super().__init__(call)
        self.scripts = scripts

    async def respond(self, user_text: str) -> AsyncIterator[ReplyEvent]:
        self.history.append(("user", user_text))
        for event in self.scripts[min(len(self.history), len(self.scripts)) - 1]:
            yield event


@pytest.mark.slow
async def test_a_turn_with_a_fallback_say_is_recorded_as_fallback(
    voice_server: VoiceServer, http: aiohttp.ClientSession, db: Database
) -> None:
    apology = "I'm sorry, I'm having trouble answering right now."
    scripts: list[list[ReplyEvent]] = [
        [Say("Breakfast is served from seven.")],
        [Say("One moment.", filler=True), Say(apology, fallback=True)],
    ]
    base, _ = await voice_server(responder_factory=lambda call: TurnByTurnResponder(call, scripts))
    async with FakeTwilioCall(http, ws_url(base)) as call:
        greeting_bytes = await _greeting_played(call)
        await call.send_audio(await speech("When is breakfast?"))
        await call.send_silence(1.0)
        await call.wait_for(lambda: len(call.received.audio()) > greeting_bytes + 8000, within_s=30)
        await call.send_silence(3.0)
        answered = len(call.received.audio())
        await call.send_audio(await speech("Is there a gym?"))
        await call.send_silence(1.0)
        await call.wait_for(lambda: len(call.received.audio()) > answered + 8000, within_s=30)
        await call.send_silence(4.0)
        await call.stop()
        await call.wait_for(call.closed.is_set)
    await call_record_closed(db, call.call_sid)
    rows = await db.pool.fetch("SELECT turn_index, agent_text, fallback FROM voice_call_turns WHERE call_sid = $1 "
                               "ORDER BY turn_index", call.call_sid)
    assert [(r["turn_index"], r["fallback"]) for r in rows] == [(0, False), (1, False), (2, True)]
    assert "trouble answering" in rows[2]["agent_text"]
