"""A Twilio-faithful Media Streams caller: the other end of our websocket, for tests, demos and benchmarks.

It behaves like Twilio's side of a bidirectional ``<Connect><Stream>``:

- first asks the voice webhook (``POST /twilio/voice`` on the websocket's host) for the call's TwiML, as
  Twilio does when the call rings, and takes its ``<Stream>``'s ``<Parameter>``s (the per-call token among
  them) into ``start``; TwiML without a ``<Stream>`` (the line is busy) ends the call there. A server with
  no such webhook (404) is called without; with an auth token the webhook and the upgrade are signed;
- sends ``connected``, ``start`` (with ``customParameters``), then one ``media`` frame of 160 μ-law bytes
  every 20 ms on a monotonic schedule (no drift), *including silence* between and after the caller's turns,
  then ``stop``;
- plays the agent's audio like a phone: outbound ``media`` goes into a playout buffer drained at real time,
  each ``mark`` is echoed when playback reaches it, and a ``clear`` drops the buffer and echoes the pending
  marks at once (Twilio cannot tell the server which of the two happened, and neither do we);
- measures, with one monotonic clock, the end of the caller's speech (last voiced frame sent), the first
  non-silent agent audio received, and when it would have played; plus barge-in clear latency.

Everything the caller hears is recorded (after clears), so a WAV of the call is what a person would hear.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import json
import logging
import time
import uuid
import wave
from collections import deque
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit
from xml.etree import ElementTree

import aiohttp
import numpy as np

log = logging.getLogger("concierge.twilio_client")

SAMPLE_RATE = 8000
FRAME_MS = 20
FRAME_BYTES = SAMPLE_RATE * FRAME_MS // 1000  # 160 μ-law bytes = 20 ms
ULAW_SILENCE = 0xFF  # μ-law code for 0 (0x7F is -0)
_SILENT_FRAME = bytes([ULAW_SILENCE]) * FRAME_BYTES
# A 20 ms frame counts as voiced above this RMS (int16); μ-law idle noise and Piper's tails sit far below.
VOICED_RMS = 300.0


# --- μ-law (G.711) -----------------------------------------------------------------------------------


def _ulaw_decode_table() -> np.ndarray:
    codes = ~np.arange(256, dtype=np.int32) & 0xFF
    sign = codes & 0x80
    exponent = (codes >> 4) & 0x07
    mantissa = codes & 0x0F
    magnitude = (((mantissa << 3) + 0x84) << exponent) - 0x84
    return np.where(sign != 0, -magnitude, magnitude).astype(np.int16)


_ULAW_TO_PCM = _ulaw_decode_table()


def ulaw_to_pcm16(data: bytes) -> np.ndarray:
    """μ-law bytes -> int16 samples."""
    return _ULAW_TO_PCM[np.frombuffer(data, dtype=np.uint8)]


def pcm16_to_ulaw(samples: np.ndarray) -> bytes:
    """int16 samples -> μ-law bytes (G.711 on 14-bit magnitudes, bit-exact with the stdlib's audioop)."""
    value = samples.astype(np.int32) >> 2
    negative = value < 0
    value = np.minimum(np.where(negative, -value, value), 8159) + 0x21
    segment = np.clip(np.floor(np.log2(value)).astype(np.int32) - 5, 0, 7)
    code = np.where(value >= 0x2000, 0x7F, (segment << 4) | ((value >> (segment + 1)) & 0x0F))
    return (code ^ np.where(negative, 0x7F, 0xFF)).astype(np.uint8).tobytes()


def frame_rms(ulaw_frame: bytes) -> float:
    samples = ulaw_to_pcm16(ulaw_frame).astype(np.float64)
    return float(np.sqrt(np.mean(samples * samples))) if len(samples) else 0.0


def is_voiced(ulaw_frame: bytes) -> bool:
    return frame_rms(ulaw_frame) >= VOICED_RMS


def speech_bounds_ms(ulaw: bytes) -> tuple[int, int] | None:
    """First and last voiced 20 ms frame of an utterance, as (start_ms, end_ms); None if all silent."""
    voiced = [i for i in range(0, len(ulaw) // FRAME_BYTES) if is_voiced(ulaw[i * FRAME_BYTES : (i + 1) * FRAME_BYTES])]
    if not voiced:
        return None
    return voiced[0] * FRAME_MS, (voiced[-1] + 1) * FRAME_MS


def write_ulaw_wav(path: Path, ulaw: bytes) -> None:
    """An 8 kHz 16-bit PCM WAV of μ-law audio (what any player opens)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(SAMPLE_RATE)
        out.writeframes(ulaw_to_pcm16(ulaw).tobytes())


# --- what the caller says ----------------------------------------------------------------------------


@dataclass(frozen=True)
class CallerTurn:
    """One thing the caller does: speak an utterance (μ-law 8 kHz) or press keys.

    ``speech_start_ms``/``speech_end_ms`` locate the speech inside ``audio`` (from a fixture manifest);
    left out, they are measured from the audio's energy. ``barge_in_after_s`` starts this turn that long
    after the agent's previous reply starts playing, instead of waiting for the reply to finish.
    """

    audio: bytes = b""
    text: str | None = None
    label: str = ""
    speech_start_ms: int | None = None
    speech_end_ms: int | None = None
    barge_in_after_s: float | None = None
    dtmf: str = ""

    def bounds_ms(self) -> tuple[int, int]:
        if self.speech_start_ms is not None and self.speech_end_ms is not None:
            return self.speech_start_ms, self.speech_end_ms
        measured = speech_bounds_ms(self.audio)
        if measured is None:
            return 0, len(self.audio) // 8
        start, end = measured
        return (
            self.speech_start_ms if self.speech_start_ms is not None else start,
            self.speech_end_ms if self.speech_end_ms is not None else end,
        )


@dataclass(frozen=True)
class CallOptions:
    url: str = "ws://127.0.0.1:8080/twilio/media-stream"
    from_number: str = "+8801711000000"
    to_number: str = "+8801700000000"
    custom_parameters: Mapping[str, str] = field(default_factory=dict)
    headers: Mapping[str, str] = field(default_factory=dict)
    # The voice webhook asked first, as Twilio does: "" = /twilio/voice on the websocket's host, None = none.
    voice_url: str | None = ""
    # Sign the webhook and the upgrade as Twilio would (X-Twilio-Signature), against ``public_url``
    # (https://host, as the server is configured) or else the URLs used.
    auth_token: str | None = None
    public_url: str | None = None
    wait_for_greeting_s: float = 6.0  # listen this long for a greeting before the first turn
    reply_timeout_s: float = 12.0  # no agent audio this long after the caller stops: the turn stalled
    reply_quiet_s: float = 1.2  # the reply is over once nothing new arrived (and played) for this long
    max_reply_s: float = 40.0  # a reply longer than this is cut short by the caller moving on
    barge_in_clear_timeout_s: float = 3.0
    trailing_silence_s: float = 0.5
    connect_timeout_s: float = 10.0


# --- what was measured -------------------------------------------------------------------------------


@dataclass
class AgentSpeech:
    """One stretch of agent audio (the greeting, or the reply to a caller turn), as heard."""

    first_audio_received_at: float | None = None  # monotonic, first non-silent frame received
    first_audio_played_at: float | None = None  # monotonic, when that frame reached the speaker
    audio: bytearray = field(default_factory=bytearray)  # μ-law as played (after clears)
    frames_received: int = 0
    cleared_at: float | None = None
    voice_starts_at_byte: int | None = None  # offset in ``audio`` of the first voiced frame played

    @property
    def played_since_voice_s(self) -> float:
        """How much of this speech has played since its first voiced frame."""
        if self.voice_starts_at_byte is None:
            return 0.0
        return (len(self.audio) - self.voice_starts_at_byte) / SAMPLE_RATE

    @property
    def heard_ms(self) -> int:
        return len(self.audio) // 8


@dataclass
class TurnResult:
    index: int
    label: str
    text: str | None
    speech_started_at: float  # monotonic, first voiced frame sent
    speech_ended_at: float  # monotonic, last voiced frame sent
    reply: AgentSpeech
    barge_in: bool = False
    clear_received_at: float | None = None
    agent_finished_before_barge_in: bool = False
    dtmf: str = ""
    agent_talked_over_ms: int = 0  # agent audio that arrived while the caller was still speaking

    @property
    def latency_s(self) -> float | None:
        """End of the caller's speech -> first non-silent agent audio received."""
        if self.reply.first_audio_received_at is None:
            return None
        return self.reply.first_audio_received_at - self.speech_ended_at

    @property
    def playout_latency_s(self) -> float | None:
        """End of the caller's speech -> that audio coming out of the phone."""
        if self.reply.first_audio_played_at is None:
            return None
        return self.reply.first_audio_played_at - self.speech_ended_at

    @property
    def clear_latency_s(self) -> float | None:
        """Barge-in: caller speech onset -> ``clear`` received."""
        if self.clear_received_at is None:
            return None
        return self.clear_received_at - self.speech_started_at

    @property
    def stalled(self) -> bool:
        return not self.barge_in and self.reply.first_audio_received_at is None


@dataclass
class CallResult:
    call_sid: str
    stream_sid: str
    started_at: float
    ended_at: float = 0.0
    greeting: AgentSpeech = field(default_factory=AgentSpeech)
    turns: list[TurnResult] = field(default_factory=list)
    heard: bytearray = field(default_factory=bytearray)  # the whole call from the phone's speaker, μ-law
    marks_received: int = 0
    marks_echoed: list[str] = field(default_factory=list)
    clears_received: int = 0
    frames_sent: int = 0
    max_send_lag_ms: float = 0.0  # worst lateness of a media frame against the 20 ms schedule
    error: str | None = None
    closed_by_server: bool = False
    busy: bool = False  # the webhook answered TwiML without a <Stream> (the line is full)
    twiml: str = ""

    @property
    def greeting_latency_s(self) -> float | None:
        if self.greeting.first_audio_received_at is None:
            return None
        return self.greeting.first_audio_received_at - self.started_at

    @property
    def dropped(self) -> bool:
        """The call broke (error, or the server hung up before the caller did)."""
        return self.error is not None or self.closed_by_server

    def save_wav(self, path: Path) -> None:
        write_ulaw_wav(path, bytes(self.heard))


# --- the caller --------------------------------------------------------------------------------------


class _Playout:
    """The phone's outbound buffer: audio and marks in arrival order, drained 20 ms per tick."""

    def __init__(self) -> None:
        self.items: deque[bytes | str] = deque()  # bytes = audio, str = mark name
        self.buffered_bytes = 0

    def add_audio(self, data: bytes) -> None:
        self.items.append(data)
        self.buffered_bytes += len(data)

    def add_mark(self, name: str) -> None:
        self.items.append(name)

    def take_frame(self) -> tuple[bytes, list[str]]:
        """Up to 160 bytes of audio, and the marks that playback reached on the way."""
        out = bytearray()
        reached: list[str] = []
        while self.items:
            head = self.items[0]
            if isinstance(head, str):
                reached.append(head)
                self.items.popleft()
                continue
            if len(out) == FRAME_BYTES:
                break
            take = head[: FRAME_BYTES - len(out)]
            out += take
            self.buffered_bytes -= len(take)
            if len(take) == len(head):
                self.items.popleft()
            else:
                self.items[0] = head[len(take) :]
        return bytes(out), reached

    def clear(self) -> list[str]:
        marks = [item for item in self.items if isinstance(item, str)]
        self.items.clear()
        self.buffered_bytes = 0
        return marks


class TwilioCaller:
    """One phone call over a Media Streams websocket. Use ``await TwilioCaller(opts).call(turns)``."""

    def __init__(self, options: CallOptions | None = None) -> None:
        self.options = options or CallOptions()
        self.call_sid = "CA" + uuid.uuid4().hex
        self.stream_sid = "MZ" + uuid.uuid4().hex
        self.account_sid = "AC" + uuid.uuid4().hex
        self.result = CallResult(self.call_sid, self.stream_sid, started_at=time.monotonic())
        self._ws: aiohttp.ClientWebSocketResponse | None = None
        self._sequence = 0
        self._chunk = 0
        # Caller audio frames queued for the sender, each with the tags whose send time we want.
        self._outgoing: deque[tuple[bytes, tuple[str, ...]]] = deque()
        self._tag_sent: dict[str, float] = {}
        self._speaking = False
        self._overlap_frames = 0
        self._hanging_up = False
        self._clear_at = 0.0
        self._playout = _Playout()
        self._current: AgentSpeech = self.result.greeting
        self._last_agent_activity = time.monotonic()
        self._tick = asyncio.Event()
        self._clear_event = asyncio.Event()
        self._send_lock = asyncio.Lock()
        self._closed = asyncio.Event()
        self._parameters: dict[str, str] = {}  # from the TwiML's <Stream>

    # -- public ---------------------------------------------------------------------------------------

    async def call(self, turns: Sequence[CallerTurn]) -> CallResult:
        """Dial, say each turn (waiting for each reply), hang up; never raises for a broken call."""
        session = aiohttp.ClientSession()
        tasks: list[asyncio.Task[None]] = []
        try:
            try:
                parameters = await self._ring(session)
                if parameters is None:
                    return self.result
                self._parameters = parameters
                self._ws = await session.ws_connect(
                    self.options.url,
                    headers=self._signed(self._public(self.options.url), {}),
                    timeout=aiohttp.ClientWSTimeout(ws_close=2.0),
                    max_msg_size=0,
                    autoping=True,
                )
            except (aiohttp.ClientError, OSError, TimeoutError) as failed:
                self.result.error = f"connect failed: {failed}"
                return self.result
            self.result.started_at = time.monotonic()
            await self._send_json({"event": "connected", "protocol": "Call", "version": "1.0.0"})
            await self._send_start()
            tasks = [
                asyncio.create_task(self._receive_loop(), name="twilio-receive"),
                asyncio.create_task(self._clock_loop(), name="twilio-clock"),
            ]
            await self._converse(turns)
            if not self._closed.is_set():
                self._hanging_up = True
                await self._send_json(
                    {
                        "event": "stop",
                        "sequenceNumber": str(self._next_sequence()),
                        "streamSid": self.stream_sid,
                        "stop": {"accountSid": self.account_sid, "callSid": self.call_sid},
                    }
                )
        except (aiohttp.ClientError, ConnectionError, RuntimeError) as broken:
            self.result.error = self.result.error or f"{type(broken).__name__}: {broken}"
        finally:
            self._hanging_up = True
            for task in tasks:
                task.cancel()
            for task in tasks:
                with contextlib.suppress(asyncio.CancelledError, Exception):
                    await task
            if self._ws is not None:
                with contextlib.suppress(Exception):
                    await self._ws.close()
            await session.close()
            self.result.ended_at = time.monotonic()
        return self.result

    async def _ring(self, session: aiohttp.ClientSession) -> dict[str, str] | None:
        """Ask the voice webhook for the call's TwiML; its <Stream>'s parameters (None: no stream)."""
        url = voice_webhook_url(self.options)
        if url is None:
            return {}
        form = {"CallSid": self.call_sid, "AccountSid": self.account_sid, "From": self.options.from_number,
                "To": self.options.to_number, "CallStatus": "ringing", "Direction": "inbound"}
        timeout = aiohttp.ClientTimeout(total=self.options.connect_timeout_s)
        async with session.post(url, data=form, headers=self._signed(self._public(url), form),
                                timeout=timeout) as reply:
            if reply.status == 404:
                return {}  # a bare media-stream server (a reference implementation, a test double)
            body = await reply.text()
            if reply.status != 200:
                self.result.error = f"voice webhook answered {reply.status}: {body[:200]}"
                return None
        self.result.twiml = body
        stream = stream_parameters(body)
        if stream is None:
            self.result.busy = True
            self.result.error = f"the voice webhook answered without a <Stream> (line busy?): {body[:300]}"
        return stream

    def _public(self, url: str) -> str:
        """``url`` as the server sees itself: on ``public_url``'s scheme and host when one is given."""
        if not self.options.public_url:
            return url
        public, used = urlsplit(self.options.public_url), urlsplit(url)
        scheme = public.scheme
        if used.scheme in ("ws", "wss"):
            scheme = "wss" if public.scheme == "https" else "ws"
        return urlunsplit((scheme, public.netloc, used.path, used.query, ""))

    def _signed(self, url: str, params: Mapping[str, str]) -> dict[str, str]:
        headers = dict(self.options.headers)
        if self.options.auth_token and "X-Twilio-Signature" not in headers:
            from twilio.request_validator import RequestValidator

            headers["X-Twilio-Signature"] = RequestValidator(self.options.auth_token).compute_signature(url, params)
        return headers

    async def send_dtmf(self, digit: str) -> None:
        await self._send_json(
            {
                "event": "dtmf",
                "sequenceNumber": str(self._next_sequence()),
                "streamSid": self.stream_sid,
                "dtmf": {"track": "inbound_track", "digit": digit},
            }
        )

    # -- the conversation -----------------------------------------------------------------------------

    async def _converse(self, turns: Sequence[CallerTurn]) -> None:
        opts = self.options
        # Listen to the greeting (if any) as a caller would before speaking.
        if opts.wait_for_greeting_s > 0:
            await self._await_reply(
                self.result.greeting, self.result.started_at, opts.wait_for_greeting_s, self._barges_in(turns, 0)
            )
        for index, turn in enumerate(turns):
            if self._closed.is_set():
                break
            previous = self.result.turns[-1].reply if self.result.turns else self.result.greeting
            barge_in = turn.barge_in_after_s is not None
            finished_early = False
            if barge_in:
                finished_early = not await self._await_playback_offset(previous, turn.barge_in_after_s or 0.0)
            reply = AgentSpeech()
            if turn.dtmf:
                started = time.monotonic()
                for digit in turn.dtmf:
                    await self.send_dtmf(digit)
                result = TurnResult(index, turn.label, turn.text, started, time.monotonic(), reply, dtmf=turn.dtmf)
                self._current = reply
            else:
                self._clear_event.clear()
                result = await self._speak(index, turn, reply)
                result.barge_in = barge_in
                result.agent_finished_before_barge_in = finished_early
            self.result.turns.append(result)
            if barge_in and not finished_early:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._clear_event.wait(), opts.barge_in_clear_timeout_s)
                result.clear_received_at = self._clear_at if self._clear_event.is_set() else None
            next_barges_in = self._barges_in(turns, index + 1)
            await self._await_reply(reply, result.speech_ended_at, opts.reply_timeout_s, next_barges_in)
        await self._play_silence(opts.trailing_silence_s)

    @staticmethod
    def _barges_in(turns: Sequence[CallerTurn], index: int) -> bool:
        return index < len(turns) and turns[index].barge_in_after_s is not None

    async def _speak(self, index: int, turn: CallerTurn, reply: AgentSpeech) -> TurnResult:
        """Queue the utterance for the 20 ms sender and wait until its last frame is on the wire."""
        audio = turn.audio + bytes([ULAW_SILENCE]) * (-len(turn.audio) % FRAME_BYTES)
        frames = [audio[i : i + FRAME_BYTES] for i in range(0, len(audio), FRAME_BYTES)]
        start_ms, end_ms = turn.bounds_ms()
        first_voiced = min(start_ms // FRAME_MS, len(frames) - 1)
        last_voiced = min(max((end_ms - 1) // FRAME_MS, 0), len(frames) - 1)
        tags: dict[int, tuple[str, ...]] = {}
        tags.setdefault(first_voiced, ())
        tags[first_voiced] += (f"start-{index}",)
        tags.setdefault(last_voiced, ())
        tags[last_voiced] += (f"end-{index}",)
        self._overlap_frames = 0
        self._speaking = True
        self._outgoing.extend((frame, tags.get(i, ())) for i, frame in enumerate(frames))
        while self._outgoing and not self._closed.is_set():
            await self._next_tick()
        self._speaking = False
        now = time.monotonic()
        sent_start = self._tag_sent.pop(f"start-{index}", now)
        sent_end = self._tag_sent.pop(f"end-{index}", now)
        # From the caller's last word on, whatever the agent says is the reply to this turn.
        self._current = reply
        result = TurnResult(index, turn.label, turn.text, sent_start, sent_end, reply)
        result.agent_talked_over_ms = self._overlap_frames * FRAME_MS
        return result

    async def _await_reply(self, speech: AgentSpeech, since: float, timeout_s: float, only_start: bool) -> None:
        """Wait for ``speech`` to start (up to ``timeout_s``) and then, unless ``only_start``, to finish."""
        opts = self.options
        while not self._closed.is_set():
            await self._next_tick()
            now = time.monotonic()
            if speech.first_audio_received_at is None:
                # Sent audio may be pure silence (e.g. comfort noise) -- still not a reply.
                if now - since > timeout_s:
                    return
                continue
            if only_start and speech.first_audio_played_at is not None:
                return
            idle = now - max(self._last_agent_activity, speech.first_audio_received_at)
            if self._playout.buffered_bytes == 0 and idle >= opts.reply_quiet_s:
                return
            if now - speech.first_audio_received_at > opts.max_reply_s:
                return

    async def _await_playback_offset(self, speech: AgentSpeech, offset_s: float) -> bool:
        """Wait until ``offset_s`` of ``speech`` has played; False if it ended (or never came) first."""
        opts = self.options
        deadline = time.monotonic() + opts.reply_timeout_s + opts.max_reply_s
        while not self._closed.is_set() and time.monotonic() < deadline:
            await self._next_tick()
            if speech.first_audio_played_at is None:
                continue
            if speech.played_since_voice_s >= offset_s:
                return self._agent_speaking()
            if not self._agent_speaking() and time.monotonic() - self._last_agent_activity >= opts.reply_quiet_s:
                return False  # the reply ended before the offset
        return False

    def _agent_speaking(self) -> bool:
        """Audio queued, or arriving: servers that pace their output in real time keep the buffer near empty."""
        return self._playout.buffered_bytes > 0 or time.monotonic() - self._last_agent_activity < 0.3

    async def _play_silence(self, seconds: float) -> None:
        for _ in range(int(seconds * 1000 / FRAME_MS)):
            if self._closed.is_set():
                return
            await self._next_tick()

    async def _next_tick(self) -> None:
        self._tick.clear()
        closed = asyncio.ensure_future(self._closed.wait())
        tick = asyncio.ensure_future(self._tick.wait())
        try:
            await asyncio.wait({closed, tick}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            closed.cancel()
            tick.cancel()

    # -- the 20 ms clock: caller audio out, agent audio to the speaker --------------------------------

    async def _clock_loop(self) -> None:
        start = time.monotonic()
        tick = 0
        while not self._closed.is_set():
            due = start + tick * FRAME_MS / 1000
            delay = due - time.monotonic()
            if delay > 0:
                await asyncio.sleep(delay)
            now = time.monotonic()
            self.result.max_send_lag_ms = max(self.result.max_send_lag_ms, (now - due) * 1000)
            frame, tags = self._outgoing.popleft() if self._outgoing else (_SILENT_FRAME, ())
            try:
                await self._send_media(frame)
            except (aiohttp.ClientError, ConnectionError, RuntimeError) as broken:
                if self._ws is not None and self._ws.closed and not self._hanging_up:
                    # The agent closed the stream between two frames (it hung up): the receive loop
                    # has not read the close yet, but this is the server's hang-up, not a broken line.
                    self.result.closed_by_server = True
                else:
                    self.result.error = self.result.error or f"send failed: {broken}"
                self._closed.set()
                self._tick.set()
                return
            for tag in tags:
                self._tag_sent[tag] = now
            await self._play_one_frame(now)
            tick += 1
            self._tick.set()

    async def _play_one_frame(self, now: float) -> None:
        audio, reached = self._playout.take_frame()
        heard = audio + bytes([ULAW_SILENCE]) * (FRAME_BYTES - len(audio))
        self.result.heard += heard
        if audio:
            speech = self._current
            speech.audio += audio
            if is_voiced(audio):  # silence the server streams between replies is not speech
                if speech.first_audio_played_at is None and speech.first_audio_received_at is not None:
                    speech.first_audio_played_at = now
                    speech.voice_starts_at_byte = len(speech.audio) - len(audio)
                self._last_agent_activity = now
        for name in reached:
            await self._echo_mark(name)

    # -- the wire -------------------------------------------------------------------------------------

    async def _receive_loop(self) -> None:
        assert self._ws is not None
        try:
            async for message in self._ws:
                if message.type == aiohttp.WSMsgType.TEXT:
                    await self._on_message(message.data)
                elif message.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSING, aiohttp.WSMsgType.CLOSED):
                    break
                elif message.type == aiohttp.WSMsgType.ERROR:
                    self.result.error = self.result.error or f"websocket error: {self._ws.exception()}"
                    break
        finally:
            if not self._closed.is_set() and not self._hanging_up:
                self.result.closed_by_server = True
            self._closed.set()
            self._tick.set()

    async def _on_message(self, raw: str) -> None:
        try:
            message = json.loads(raw)
        except json.JSONDecodeError:
            log.warning("agent sent a non-JSON text frame: %.80s", raw)
            return
        event = message.get("event")
        now = time.monotonic()
        if event == "media":
            payload = base64.b64decode(message.get("media", {}).get("payload", ""))
            speech = self._current
            speech.frames_received += 1
            voiced = sum(is_voiced(payload[i : i + FRAME_BYTES]) for i in range(0, len(payload), FRAME_BYTES))
            if voiced:
                if speech.first_audio_received_at is None:
                    speech.first_audio_received_at = now
                self._last_agent_activity = now
                if self._speaking:
                    self._overlap_frames += voiced
            self._playout.add_audio(payload)
        elif event == "mark":
            self.result.marks_received += 1
            name = str(message.get("mark", {}).get("name", ""))
            if not self._playout.items:
                await self._echo_mark(name)  # nothing queued before it: it has "played"
            else:
                self._playout.add_mark(name)
        elif event == "clear":
            self.result.clears_received += 1
            self._current.cleared_at = now
            self._clear_at = now
            self._clear_event.set()
            for name in self._playout.clear():
                await self._echo_mark(name)
        else:
            log.debug("ignoring agent event %r", event)

    async def _echo_mark(self, name: str) -> None:
        self.result.marks_echoed.append(name)
        await self._send_json(
            {
                "event": "mark",
                "sequenceNumber": str(self._next_sequence()),
                "streamSid": self.stream_sid,
                "mark": {"name": name},
            }
        )

    async def _send_start(self) -> None:
        custom = {"From": self.options.from_number, "To": self.options.to_number, **self._parameters,
                  **self.options.custom_parameters}
        await self._send_json(
            {
                "event": "start",
                "sequenceNumber": str(self._next_sequence()),
                "streamSid": self.stream_sid,
                "start": {
                    "accountSid": self.account_sid,
                    "streamSid": self.stream_sid,
                    "callSid": self.call_sid,
                    "tracks": ["inbound"],
                    "customParameters": custom,
                    "mediaFormat": {"encoding": "audio/x-mulaw", "sampleRate": SAMPLE_RATE, "channels": 1},
                },
            }
        )

    async def _send_media(self, frame: bytes) -> None:
        self._chunk += 1
        await self._send_json(
            {
                "event": "media",
                "sequenceNumber": str(self._next_sequence()),
                "streamSid": self.stream_sid,
                "media": {
                    "track": "inbound",
                    "chunk": str(self._chunk),
                    "timestamp": str((self._chunk - 1) * FRAME_MS),
                    "payload": base64.b64encode(frame).decode("ascii"),
                },
            }
        )
        self.result.frames_sent += 1

    async def _send_json(self, message: dict[str, object]) -> None:
        if self._ws is None or self._ws.closed:
            raise ConnectionError("websocket closed")
        async with self._send_lock:
            await self._ws.send_str(json.dumps(message, separators=(",", ":")))

    def _next_sequence(self) -> int:
        self._sequence += 1
        return self._sequence


def voice_webhook_url(options: CallOptions) -> str | None:
    """Where the call's TwiML comes from: ``options.voice_url``, or /twilio/voice beside the websocket."""
    if options.voice_url is None or options.voice_url:
        return options.voice_url
    parts = urlsplit(options.url)
    scheme = "https" if parts.scheme == "wss" else "http"
    return urlunsplit((scheme, parts.netloc, "/twilio/voice", "", ""))


def stream_parameters(twiml: str) -> dict[str, str] | None:
    """The ``<Parameter>``s of the TwiML's ``<Connect><Stream>``; None when it has no stream."""
    try:
        root = ElementTree.fromstring(twiml)
    except ElementTree.ParseError:
        return None
    stream = root.find("./Connect/Stream")
    if stream is None:
        return None
    return {p.get("name", ""): p.get("value", "") for p in stream.findall("Parameter") if p.get("name")}


async def place_call(turns: Sequence[CallerTurn], options: CallOptions | None = None) -> CallResult:
    """Convenience: one call with the given turns."""
    return await TwilioCaller(options).call(turns)
