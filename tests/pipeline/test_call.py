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
