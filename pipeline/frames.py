"""Typed frames passed between the stages of one call.

Inbound Twilio events are parsed into these by ``pipeline.twilio_protocol``; the audio stages
exchange ``Utterance``/``Transcript``; the output stage turns ``SpeechChunk``s into Twilio
``media`` + ``mark`` messages.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal, Protocol


# --- inbound Twilio events ---------------------------------------------------------------
@dataclass(frozen=True)
class TwilioConnected:
    protocol: str = ""


@dataclass(frozen=True)
class TwilioStart:
    stream_sid: str
    call_sid: str
    account_sid: str = ""
    custom_parameters: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class TwilioMedia:
    """One inbound chunk of 8 kHz mu-law audio (normally 160 bytes = 20 ms)."""

    payload: bytes
    timestamp_ms: int | None = None


@dataclass(frozen=True)
class TwilioMark:
    """Twilio echoes a mark once the audio queued before it played (or a ``clear`` dropped it)."""

    name: str


@dataclass(frozen=True)
class TwilioDtmf:
    digit: str


@dataclass(frozen=True)
class TwilioStop:
    call_sid: str = ""


TwilioEvent = TwilioConnected | TwilioStart | TwilioMedia | TwilioMark | TwilioDtmf | TwilioStop


# --- audio and text between stages -------------------------------------------------------
@dataclass(frozen=True)
class Transcript:
    """Whisper's reading of (part of) an utterance."""

    text: str
    final: bool
    audio_seconds: float
    no_speech_prob: float = 0.0
    avg_logprob: float = 0.0
    inference_seconds: float = 0.0


@dataclass(frozen=True)
class SpeechChunk:
    """One synthesized sentence, ready for Twilio: 8 kHz mu-law bytes and the words it says."""

    text: str
    ulaw: bytes

    @property
    def seconds(self) -> float:
        return len(self.ulaw) / 8000


@dataclass
class TurnTimings:
    """Wall-clock moments (``time.monotonic()``) of one caller turn, for the call record."""

    speech_ended: float | None = None
    transcript: float | None = None
    released: float | None = None  # the endpoint: the caller is taken to have finished
    first_reply_text: float | None = None
    first_audio_out: float | None = None

    def as_ms(self) -> dict[str, float]:
        """Each stage's delay after the end of speech, in milliseconds."""
        if self.speech_ended is None:
            return {}
        out: dict[str, float] = {}
        for name in ("transcript", "released", "first_reply_text", "first_audio_out"):
            moment = getattr(self, name)
            if moment is not None:
                out[name] = round((moment - self.speech_ended) * 1000, 1)
        return out


# --- what the call loop reports to the call records -------------------------------------
@dataclass(frozen=True)
class TurnRecord:
    """One completed caller turn (turn 0 is the greeting, with no user text)."""

    index: int
    user_text: str
    agent_text: str
    heard_text: str
    interrupted: bool
    timings: TurnTimings
    fallback: bool = False  # the caller got the apology instead of an answer (``Say.fallback``)


CallStatus = Literal["in_progress", "completed", "transferred", "failed", "abandoned"]


class CallRecorder(Protocol):
    """Where the call loop writes the call's history (``agent.calls`` writes PostgreSQL)."""

    async def call_started(self, call_sid: str, stream_sid: str, from_number: str | None) -> None: ...

    async def turn_completed(self, call_sid: str, turn: TurnRecord) -> None: ...

    async def call_ended(self, call_sid: str, status: CallStatus, *, outcome: str | None,
                         transferred_to: str | None = None, transfer_reason: str | None = None) -> None: ...


class NullRecorder:
    """Keeps nothing (benchmarks and pipeline tests that do not look at the records)."""

    async def call_started(self, call_sid: str, stream_sid: str, from_number: str | None) -> None:
        return None

    async def turn_completed(self, call_sid: str, turn: TurnRecord) -> None:
        return None

    async def call_ended(self, call_sid: str, status: CallStatus, *, outcome: str | None,
                         transferred_to: str | None = None, transfer_reason: str | None = None) -> None:
        return None
