"""The phone side of a Media Streams websocket, for the pipeline tests.

Rings first as Twilio does (``POST /twilio/voice``, signed when given the auth token) and opens the
stream with the ``<Parameter>``s of the TwiML's ``<Stream>``, the per-call token among them. Speaks
Twilio's JSON (connected/start/media/mark/dtmf/stop), and plays the agent's audio like a phone:
outbound frames go into a playout queue drained at real time, each ``mark`` is echoed when playback
reaches it, and ``clear`` drops what is queued and echoes the pending marks at once (as Twilio does).
Everything received is kept for the assertions.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import json
import time
import uuid
from dataclasses import dataclass, field
from typing import Any

import aiohttp
import numpy as np
from twilio.request_validator import RequestValidator

from pipeline.audio import ulaw_to_pcm16
from pipeline.twilio_client import stream_parameters
from tests.conftest import shared_data

FRAME = 160
SILENT = bytes([0xFF]) * FRAME


def ulaw_file(name: str) -> bytes:
    """A recording from the shared data set, as Twilio media payload bytes (skips without it)."""
    return shared_data(f"data/audio/ulaw8k/{name}").read_bytes()


@dataclass
class Received:
    media: list[tuple[float, bytes]] = field(default_factory=list)  # (arrival, payload)
    marks: list[str] = field(default_factory=list)
    echoed: list[str] = field(default_factory=list)  # marks we echoed back (played or cleared)
    clears: list[float] = field(default_factory=list)
    other: list[dict[str, Any]] = field(default_factory=list)

    def audio(self) -> bytes:
        return b"".join(payload for _, payload in self.media)

    def first_voiced_after(self, moment: float) -> float | None:
        for arrival, payload in self.media:
            if arrival >= moment and np.abs(ulaw_to_pcm16(payload).astype(np.int32)).mean() > 300:
                return arrival
        return None


class FakeTwilioCall:
    def __init__(self, http: aiohttp.ClientSession, url: str, *, headers: dict[str, str] | None = None,
                 call_sid: str | None = None, echo_marks: bool = True, from_number: str = "+8801711111111",
                 to_number: str = "+8801700000000", ring: bool = True, parameters: dict[str, str] | None = None,
                 auth_token: str | None = None, public_url: str | None = None) -> None:
        """``ring=False`` skips the webhook (no token); ``parameters`` replace start's customParameters
        as given (a forger's claims); ``auth_token``/``public_url`` sign the webhook as Twilio would."""
        self.http = http
        self.url = url
        self.headers = headers or {}
        self.call_sid = call_sid or "CA" + uuid.uuid4().hex
        self.from_number, self.to_number = from_number, to_number
        self.ring = ring
        self.parameters = parameters or {}
        self.auth_token, self.public_url = auth_token, public_url
        self.twiml = ""
        self.parameters_sent: dict[str, str] = {}
        self.stream_sid = "MZ" + uuid.uuid4().hex
        self.echo_marks = echo_marks
        self.received = Received()
        self.closed = asyncio.Event()
        self._ws: aiohttp.ClientWebSocketResponse | None = None
        self._reader: asyncio.Task[None] | None = None
        self._player: asyncio.Task[None] | None = None
        self._queue: list[tuple[str, bytes | str]] = []  # ("audio", bytes) or ("mark", name)
        self._queued = asyncio.Event()

    async def ring_webhook(self) -> dict[str, str]:
        """POST /twilio/voice as Twilio does when the call rings; the <Stream>'s parameters."""
        webhook = self.url.replace("ws://", "http://", 1).split("/twilio/")[0] + "/twilio/voice"
        form = {"CallSid": self.call_sid, "From": self.from_number, "To": self.to_number, "CallStatus": "ringing"}
        headers = {}
        if self.auth_token:
            signed_url = (self.public_url or webhook.split("/twilio/")[0]) + "/twilio/voice"
            headers["X-Twilio-Signature"] = RequestValidator(self.auth_token).compute_signature(signed_url, form)
        async with self.http.post(webhook, data=form, headers=headers) as reply:
            self.twiml = await reply.text()
            assert reply.status == 200, f"the voice webhook answered {reply.status}: {self.twiml}"
        found = stream_parameters(self.twiml)
        assert found is not None, f"no <Stream> in the TwiML: {self.twiml}"
        return found

    async def __aenter__(self) -> FakeTwilioCall:
        custom = {"From": self.from_number, "To": self.to_number}
        if self.ring:
            custom.update(await self.ring_webhook())
        custom.update(self.parameters)
        self.parameters_sent = custom
        self._ws = await self.http.ws_connect(self.url, headers=self.headers)
        self._reader = asyncio.create_task(self._read())
        self._player = asyncio.create_task(self._play())
        await self.send_json({"event": "connected", "protocol": "Call", "version": "1.0.0"})
        await self.send_json({
            "event": "start", "sequenceNumber": "1", "streamSid": self.stream_sid,
            "start": {"accountSid": "AC" + "0" * 32, "streamSid": self.stream_sid, "callSid": self.call_sid,
                      "tracks": ["inbound"], "customParameters": custom,
                      "mediaFormat": {"encoding": "audio/x-mulaw", "sampleRate": 8000, "channels": 1}},
        })
        return self

    async def __aexit__(self, *exc: object) -> None:
        for task in (self._reader, self._player):
            if task is not None:
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task
        if self._ws is not None:
            await self._ws.close()

    @property
    def close_code(self) -> int | None:
        """How the server closed the socket (1008: call refused, 1009: message too big)."""
        return self._ws.close_code if self._ws is not None else None

    async def send_json(self, message: dict[str, Any]) -> None:
        await self.send_raw(json.dumps(message))

    async def send_raw(self, text: str) -> None:
        assert self._ws is not None
        if not self._ws.closed:
            await self._ws.send_str(text)

    async def send_audio(self, ulaw: bytes, *, pace: float = 1.0) -> float:
        """Stream ``ulaw`` in 20 ms frames (``pace`` 1.0 = real time, 0 = as fast as possible).

        Returns the monotonic time the last frame was sent.
        """
        started = time.monotonic()
        for index in range(0, len(ulaw), FRAME):
            frame = ulaw[index:index + FRAME].ljust(FRAME, b"\xff")
            await self.send_json({"event": "media", "streamSid": self.stream_sid,
                                  "media": {"track": "inbound", "payload": base64.b64encode(frame).decode()}})
            if pace:
                delay = started + (index // FRAME + 1) * 0.02 * pace - time.monotonic()
                if delay > 0:
                    await asyncio.sleep(delay)
        return time.monotonic()

    async def send_silence(self, seconds: float, *, pace: float = 1.0) -> None:
        await self.send_audio(SILENT * int(seconds / 0.02), pace=pace)

    async def dtmf(self, digit: str) -> None:
        await self.send_json({"event": "dtmf", "streamSid": self.stream_sid,
                              "dtmf": {"track": "inbound_track", "digit": digit}})

    async def stop(self) -> None:
        await self.send_json({"event": "stop", "streamSid": self.stream_sid,
                              "stop": {"accountSid": "AC", "callSid": self.call_sid}})

    async def wait_for(self, predicate: Any, within_s: float = 20.0) -> None:
        async with asyncio.timeout(within_s):
            while not predicate():  # noqa: ASYNC110 - polls state the reader task updates
                await asyncio.sleep(0.02)

    async def _read(self) -> None:
        assert self._ws is not None
        async for message in self._ws:
            if message.type != aiohttp.WSMsgType.TEXT:
                break
            data = json.loads(message.data)
            event = data.get("event")
            if event == "media":
                payload = base64.b64decode(data["media"]["payload"])
                self.received.media.append((time.monotonic(), payload))
                self._queue.append(("audio", payload))
                self._queued.set()
            elif event == "mark":
                self.received.marks.append(data["mark"]["name"])
                self._queue.append(("mark", data["mark"]["name"]))
                self._queued.set()
            elif event == "clear":
                self.received.clears.append(time.monotonic())
                flushed = [item for kind, item in self._queue if kind == "mark"]
                self._queue.clear()
                for name in flushed:
                    await self._echo(str(name))
            else:
                self.received.other.append(data)
        self.closed.set()

    async def _echo(self, name: str) -> None:
        self.received.echoed.append(name)
        if self.echo_marks:
            with contextlib.suppress(ConnectionError, RuntimeError):
                await self.send_json({"event": "mark", "streamSid": self.stream_sid, "mark": {"name": name}})

    async def _play(self) -> None:
        """Drain the playout queue at real time; echo each mark as playback reaches it."""
        clock = time.monotonic()
        while True:
            if not self._queue:
                self._queued.clear()
                await self._queued.wait()
                clock = max(clock, time.monotonic())
            kind, item = self._queue.pop(0)
            if kind == "audio":
                clock += len(item) / 8000
                delay = clock - time.monotonic()
                if delay > 0:
                    await asyncio.sleep(delay)
            else:
                await self._echo(str(item))
