"""The Twilio-faithful caller against a small scripted agent on a real loopback websocket."""

from __future__ import annotations

import asyncio
import base64
import json
import time
import wave
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pytest
from aiohttp import WSMsgType, web
from aiohttp.test_utils import TestServer

from pipeline.twilio_client import (
    FRAME_BYTES,
    CallerTurn,
    CallOptions,
    TwilioCaller,
    is_voiced,
    pcm16_to_ulaw,
    speech_bounds_ms,
    ulaw_to_pcm16,
)


def tone(seconds: float, *, lead_silence: float = 0.0, amplitude: int = 8000) -> bytes:
    t = np.arange(int(8000 * seconds)) / 8000
    pcm = (amplitude * np.sin(2 * np.pi * 440 * t)).astype(np.int16)
    silence = np.zeros(int(8000 * lead_silence), dtype=np.int16)
    return pcm16_to_ulaw(np.concatenate([silence, pcm]))


@dataclass
class Received:
    at: float
    message: dict[str, object]


@dataclass
class ScriptedAgent:
    """Replies to each caller turn (voiced audio then 200 ms of silence) with ``reply(turn)``.

    ``reply`` returns a list of actions: ``bytes`` (audio to send), ``("mark", name)``, or
    ``("clear_on_speech",)`` -- send ``clear`` as soon as the caller speaks again.
    """

    reply: Callable[[int], list[object]]
    greeting: list[object] = field(default_factory=list)
    received: list[Received] = field(default_factory=list)
    sent_at: dict[str, float] = field(default_factory=dict)
    clear_sent_at: float | None = None
    upgrade_headers: dict[str, str] = field(default_factory=dict)

    async def handle(self, request: web.Request) -> web.WebSocketResponse:
        self.upgrade_headers = dict(request.headers)
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        stream_sid = ""
        voiced_run = silent_run = 0
        turn = 0
        clear_armed = False

        async def perform(actions: list[object]) -> None:
            nonlocal clear_armed
            for action in actions:
                if isinstance(action, bytes):
                    for i in range(0, len(action), FRAME_BYTES):
                        payload = base64.b64encode(action[i : i + FRAME_BYTES]).decode()
                        await ws.send_json({"event": "media", "streamSid": stream_sid, "media": {"payload": payload}})
                elif action[0] == "mark":  # type: ignore[index]
                    self.sent_at[action[1]] = time.monotonic()  # type: ignore[index]
                    await ws.send_json({"event": "mark", "streamSid": stream_sid, "mark": {"name": action[1]}})  # type: ignore[index]
                elif action[0] == "clear_on_speech":  # type: ignore[index]
                    clear_armed = True

        async for msg in ws:
            if msg.type != WSMsgType.TEXT:
                continue
            data = json.loads(msg.data)
            self.received.append(Received(time.monotonic(), data))
            if data["event"] == "start":
                stream_sid = data["start"]["streamSid"]
                await perform(self.greeting)
            elif data["event"] == "media":
                frame = base64.b64decode(data["media"]["payload"])
                if is_voiced(frame):
                    voiced_run += 1
                    silent_run = 0
                    if clear_armed and voiced_run >= 3:
                        clear_armed = False
                        self.clear_sent_at = time.monotonic()
                        await ws.send_json({"event": "clear", "streamSid": stream_sid})
                else:
                    silent_run += 1
                    if voiced_run >= 5 and silent_run == 10:
                        voiced_run = 0
                        await perform(self.reply(turn))
                        turn += 1
            elif data["event"] == "stop":
                break
        await ws.close()
        return ws

    def events(self, name: str) -> list[Received]:
        return [r for r in self.received if r.message["event"] == name]


@dataclass
class VoiceWebhook:
    """``POST /twilio/voice``: answers ``twiml`` and keeps what it was sent."""

    twiml: str
    forms: list[dict[str, str]] = field(default_factory=list)
    signatures: list[str] = field(default_factory=list)

    async def handle(self, request: web.Request) -> web.Response:
        self.forms.append({k: str(v) for k, v in (await request.post()).items()})
        self.signatures.append(request.headers.get("X-Twilio-Signature", ""))
        return web.Response(text=self.twiml, content_type="text/xml")


@pytest.fixture
async def serve() -> AsyncIterator[Callable[..., asyncio.Future[str]]]:
    servers: list[TestServer] = []

    async def start(agent: ScriptedAgent, webhook: VoiceWebhook | None = None) -> str:
        app = web.Application()
        app.router.add_get("/twilio/media-stream", agent.handle)
        if webhook is not None:
            app.router.add_post("/twilio/voice", webhook.handle)
        server = TestServer(app, host="127.0.0.1")
        await server.start_server()
        servers.append(server)
        return f"ws://127.0.0.1:{server.port}/twilio/media-stream"

    yield start  # type: ignore[misc]
    for server in servers:
        await server.close()


def options(url: str, **overrides: object) -> CallOptions:
    base: dict[str, object] = {
        "url": url,
        "wait_for_greeting_s": 0.0,
        "reply_timeout_s": 3.0,
        "reply_quiet_s": 0.3,
        "trailing_silence_s": 0.2,
        "from_number": "+8801711222333",
    }
    base.update(overrides)
    return CallOptions(**base)  # type: ignore[arg-type]


async def test_handshake_media_frames_and_stop_are_twilio_shaped(serve) -> None:  # type: ignore[no-untyped-def]
    agent = ScriptedAgent(reply=lambda turn: [tone(0.3)])
    url = await serve(agent)
    result = await TwilioCaller(options(url, custom_parameters={"hotel_id": "h1"})).call(
        [CallerTurn(tone(0.4, lead_silence=0.1), text="hello")]
    )

    assert result.error is None and not result.dropped
    kinds = [r.message["event"] for r in agent.received]
    assert kinds[0] == "connected" and kinds[1] == "start" and kinds[-1] == "stop"
    start = agent.received[1].message["start"]
    assert start["callSid"] == result.call_sid and start["streamSid"] == result.stream_sid  # type: ignore[index]
    assert start["customParameters"] == {"From": "+8801711222333", "To": "+8801700000000", "hotel_id": "h1"}  # type: ignore[index]
    assert start["mediaFormat"] == {"encoding": "audio/x-mulaw", "sampleRate": 8000, "channels": 1}  # type: ignore[index]
    media = agent.events("media")
    payloads = [base64.b64decode(r.message["media"]["payload"]) for r in media]  # type: ignore[index]
    assert {len(p) for p in payloads} == {FRAME_BYTES}
    assert [int(r.message["media"]["chunk"]) for r in media] == list(range(1, len(media) + 1))  # type: ignore[index]
    assert [int(r.message["media"]["timestamp"]) for r in media][:3] == [0, 20, 40]  # type: ignore[index]
    sequence = [int(r.message["sequenceNumber"]) for r in agent.received if "sequenceNumber" in r.message]
    assert sequence == sorted(sequence) and len(set(sequence)) == len(sequence)
    # Silence keeps flowing after the caller's speech, as on a real line, while the agent answers.
    last_voiced = max(i for i, p in enumerate(payloads) if is_voiced(p))
    assert len(payloads) - last_voiced > 20
    assert len(result.turns) == 1 and result.turns[0].text == "hello"


async def test_frames_are_paced_in_real_time_without_bursts(serve) -> None:  # type: ignore[no-untyped-def]
    agent = ScriptedAgent(reply=lambda turn: [])
    url = await serve(agent)
    await TwilioCaller(options(url, reply_timeout_s=0.5)).call([CallerTurn(tone(1.0))])

    arrivals = [r.at for r in agent.events("media")]
    span = arrivals[-1] - arrivals[0]
    # Never faster than real time (a burst would be span << frames * 20 ms) and no drift beyond a loaded loop.
    assert span >= (len(arrivals) - 1) * 0.020 * 0.95
    assert span <= (len(arrivals) - 1) * 0.020 * 1.5
    gaps = np.diff(arrivals)
    assert float(np.median(gaps)) == pytest.approx(0.020, abs=0.006)


async def test_marks_are_echoed_in_order_when_playback_reaches_them(serve) -> None:  # type: ignore[no-untyped-def]
    agent = ScriptedAgent(reply=lambda turn: [tone(0.6), ("mark", "first"), tone(0.4), ("mark", "second")])
    url = await serve(agent)
    result = await TwilioCaller(options(url)).call([CallerTurn(tone(0.3, lead_silence=0.1))])

    echoes = agent.events("mark")
    assert [e.message["mark"]["name"] for e in echoes] == ["first", "second"]  # type: ignore[index]
    assert result.marks_echoed == ["first", "second"]
    # Echoed when played, not when received: 0.6 s and 1.0 s of audio sat in front of them.
    assert echoes[0].at - agent.sent_at["first"] >= 0.5
    assert echoes[1].at - echoes[0].at >= 0.3
    turn = result.turns[0]
    assert turn.reply.heard_ms == 1000
    assert turn.latency_s is not None and turn.latency_s > 0.15  # the agent waits for 200 ms of silence
    assert turn.playout_latency_s is not None and turn.playout_latency_s >= turn.latency_s


async def test_clear_drops_the_buffer_and_echoes_pending_marks_at_once(serve) -> None:  # type: ignore[no-untyped-def]
    def reply(turn: int) -> list[object]:
        if turn == 0:
            return [("clear_on_speech",), tone(5.0), ("mark", "reply-end")]
        return [tone(0.3)]

    agent = ScriptedAgent(reply=reply)
    url = await serve(agent)
    turns = [
        CallerTurn(tone(0.4, lead_silence=0.1), label="question"),
        CallerTurn(tone(0.6, lead_silence=0.1), label="interruption", barge_in_after_s=0.5),
    ]
    result = await TwilioCaller(options(url)).call(turns)

    assert result.clears_received == 1
    first, barge = result.turns
    # 5 s were sent, but the caller heard only about the barge-in offset plus the clear latency.
    assert 400 <= first.reply.heard_ms < 2500
    echo = agent.events("mark")[0]
    assert echo.message["mark"]["name"] == "reply-end"  # type: ignore[index]
    assert agent.clear_sent_at is not None and echo.at - agent.clear_sent_at < 0.5
    assert barge.barge_in and not barge.agent_finished_before_barge_in
    assert barge.clear_latency_s is not None and 0 < barge.clear_latency_s < 1.0
    assert barge.reply.first_audio_received_at is not None  # the agent answered the interruption


async def test_heard_audio_is_saved_as_an_8khz_wav(serve, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    greeting = tone(0.5)
    agent = ScriptedAgent(reply=lambda turn: [tone(0.4)], greeting=[greeting])
    url = await serve(agent)
    result = await TwilioCaller(options(url, wait_for_greeting_s=2.0)).call([CallerTurn(tone(0.3, lead_silence=0.1))])

    assert result.greeting.heard_ms == 500 and result.greeting_latency_s is not None
    path = tmp_path / "agent.wav"
    result.save_wav(path)
    with wave.open(str(path)) as saved:
        assert saved.getframerate() == 8000 and saved.getnchannels() == 1 and saved.getsampwidth() == 2
        samples = np.frombuffer(saved.readframes(saved.getnframes()), dtype=np.int16)
    assert len(samples) == len(result.heard)
    heard = bytes(result.heard)
    voiced_ms = sum(20 for i in range(0, len(heard), FRAME_BYTES) if is_voiced(heard[i : i + FRAME_BYTES]))
    assert voiced_ms == pytest.approx(900, abs=40)  # greeting + reply, silence in between
    assert np.array_equal(samples, ulaw_to_pcm16(bytes(result.heard)))


async def test_a_reply_that_starts_while_the_caller_still_talks_is_counted(serve) -> None:  # type: ignore[no-untyped-def]
    agent = ScriptedAgent(reply=lambda turn: [tone(0.5)])
    url = await serve(agent)
    # 0.3 s of speech, a 0.4 s pause (the agent takes it for the end of the turn), then 0.6 s more.
    utterance = tone(0.3, lead_silence=0.1) + tone(0.6, lead_silence=0.4)
    result = await TwilioCaller(options(url)).call([CallerTurn(utterance)])

    turn = result.turns[0]
    assert turn.agent_talked_over_ms >= 300  # most of the 0.5 s reply landed on top of the caller
    assert turn.speech_ended_at - turn.speech_started_at == pytest.approx(1.3, abs=0.25)


async def test_dtmf_turn_sends_twilio_dtmf_events(serve) -> None:  # type: ignore[no-untyped-def]
    agent = ScriptedAgent(reply=lambda turn: [])
    url = await serve(agent)
    await TwilioCaller(options(url, reply_timeout_s=0.2)).call([CallerTurn(dtmf="12#")])

    digits = [r.message["dtmf"] for r in agent.events("dtmf")]
    assert digits == [{"track": "inbound_track", "digit": d} for d in "12#"]


TWIML = ('<?xml version="1.0" encoding="UTF-8"?><Response><Connect><Stream url="wss://voice.example.com/twilio/'
         'media-stream"><Parameter name="From" value="+8801711222333"/><Parameter name="token" value="tok-1"/>'
         "</Stream></Connect></Response>")


async def test_the_caller_rings_the_webhook_first_and_streams_with_its_parameters(serve) -> None:  # type: ignore[no-untyped-def]
    from twilio.request_validator import RequestValidator

    agent, webhook = ScriptedAgent(reply=lambda turn: []), VoiceWebhook(TWIML)
    url = await serve(agent, webhook)
    result = await TwilioCaller(options(url, reply_timeout_s=0.2, auth_token="tw-token",
                                        public_url="https://voice.example.com")).call([CallerTurn(tone(0.2))])
    assert result.error is None and result.twiml == TWIML
    assert len(webhook.forms) == 1
    form = webhook.forms[0]
    assert (form["CallSid"], form["From"], form["To"]) == (result.call_sid, "+8801711222333", "+8801700000000")
    validator = RequestValidator("tw-token")
    assert validator.validate("https://voice.example.com/twilio/voice", form, webhook.signatures[0])
    assert validator.validate("wss://voice.example.com/twilio/media-stream", {},
                              agent.upgrade_headers["X-Twilio-Signature"])
    start = agent.received[1].message["start"]
    assert start["customParameters"]["token"] == "tok-1"  # type: ignore[index]


async def test_a_busy_line_never_opens_the_stream(serve) -> None:  # type: ignore[no-untyped-def]
    busy = "<Response><Say>All our lines are busy right now.</Say><Dial>+8801700000099</Dial></Response>"
    agent, webhook = ScriptedAgent(reply=lambda turn: []), VoiceWebhook(busy)
    url = await serve(agent, webhook)
    result = await TwilioCaller(options(url)).call([CallerTurn(tone(0.2))])
    assert result.busy and result.dropped and "<Stream>" in (result.error or "")
    assert agent.received == [] and len(webhook.forms) == 1


async def test_a_dead_url_is_a_dropped_call_not_an_exception() -> None:
    result = await TwilioCaller(options("ws://127.0.0.1:9/twilio/media-stream")).call([CallerTurn(tone(0.2))])
    assert result.dropped and result.error and "connect failed" in result.error


def test_speech_bounds_find_the_voiced_frames() -> None:
    audio = tone(0.5, lead_silence=0.2) + bytes([0xFF]) * 800
    assert speech_bounds_ms(audio) == (200, 700)
    assert speech_bounds_ms(bytes([0xFF]) * 1600) is None
