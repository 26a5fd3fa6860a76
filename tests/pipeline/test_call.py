"""Whole calls over the real websocket, through the real models, with the echo responder."""

from __future__ import annotations

import aiohttp
import numpy as np
import pytest

from agent.voice_wiring import shared_models
from backoffice.db import Database
from pipeline.audio import InboundResampler
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
    assert [role for role, _ in echo.responders[0].history] == ["user", "assistant"]

    log = await db.pool.fetchrow("SELECT * FROM voice_call_logs WHERE call_sid = $1", call.call_sid)
    assert log["status"] == "completed"
    assert log["total_interactions"] == 1
    assert log["avg_response_time"] > 0
    turns = await db.pool.fetch("SELECT * FROM voice_call_turns WHERE call_sid = $1 ORDER BY turn_index",
                                call.call_sid)
    assert [t["turn_index"] for t in turns] == [0, 1]
    assert "platforms" in turns[1]["user_text"].lower()
    assert turns[1]["heard_text"] == turns[1]["agent_text"] and not turns[1]["interrupted"]
    assert set(turns[1]["timings_ms"]) == {"transcript", "first_reply_text", "first_audio_out"}


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
    assert "hold" in echo.responders[0].history[0][1].lower()
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
    user_turns = [text for role, text in echo.responders[0].history if role == "user"]
    assert len(user_turns) == 1, user_turns
    assert "room" in user_turns[0].lower() and "nights" in user_turns[0].lower()
    count = await db.pool.fetchval("SELECT count(*) FROM voice_call_turns WHERE call_sid = $1 AND user_text <> ''",
                                   call.call_sid)
    assert count == 1


@pytest.mark.slow
async def test_barge_in_clears_twilio_and_keeps_only_what_was_heard(
    voice_server: VoiceServer, http: aiohttp.ClientSession, db: Database
) -> None:
    base, echo = await voice_server()
    question = await speech("Can you tell me about the breakfast, the parking and the swimming pool?")
    async with FakeTwilioCall(http, ws_url(base)) as call:
        await _greeting_played(call)
        echoed_before = len(call.received.echoed)
        await call.send_audio(question)
        # wait until the reply is playing and a few of its marks were played (about 0.6 s heard)
        await call.wait_for(lambda: len(call.received.echoed) > echoed_before + 3)
        await call.send_audio(await speech("Sorry, stop, I have another question."))
        await call.wait_for(lambda: len(call.received.clears) > 0)
        await call.send_silence(3.0)
        await call.stop()
        await call.wait_for(call.closed.is_set)

    history = echo.responders[0].history
    full_reply = "You said: " + history[0][1]
    heard = history[1][1]
    assert history[1][0] == "assistant"
    assert heard and full_reply.startswith(heard) and len(heard) < len(full_reply)
    turn = await db.pool.fetchrow(
        "SELECT agent_text, heard_text, interrupted FROM voice_call_turns WHERE call_sid = $1 AND turn_index = 1",
        call.call_sid)
    assert turn["interrupted"] and turn["heard_text"] == heard and turn["agent_text"] == full_reply
