"""Caller voices for the latency benchmark: voices other than the agent's, over a noisy phone line.

The shared renderer is ``audio_fixtures/voices.py`` (espeak-ng and Festival voices, telephone band,
line noise, μ-law). Until that module is on this branch, a small espeak-ng stand-in with the same
``render``/``available_voices`` shape is used, so the benchmark runs either way.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import wave
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import numpy as np


class RenderedClip(Protocol):
    @property
    def text(self) -> str: ...
    @property
    def ulaw(self) -> bytes: ...
    @property
    def speech_start_ms(self) -> int: ...
    @property
    def speech_end_ms(self) -> int: ...


@dataclass(frozen=True)
class _StandInVoice:
    id: str
    name: str
    rate: int
    pitch: int


@dataclass(frozen=True)
class _StandInClip:
    text: str
    voice: str
    ulaw: bytes
    speech_start_ms: int
    speech_end_ms: int


_STAND_IN_VOICES = (
    _StandInVoice("espeak-us", "en-us", 150, 50),
    _StandInVoice("espeak-gb-f3-slow", "en-gb+f3", 135, 55),
    _StandInVoice("espeak-scotland", "en-gb-scotland", 145, 45),
    _StandInVoice("espeak-us-f2-fast", "en-us+f2", 190, 60),
)


def _stand_in_render(text: str, voice: _StandInVoice, snr_db: float, seed: int) -> _StandInClip:
    """espeak-ng -> 8 kHz, levelled, 300 ms lead and 250 ms tail, band-limited hiss at ``snr_db``, μ-law."""
    import soxr

    from pipeline.twilio_client import pcm16_to_ulaw

    with tempfile.TemporaryDirectory(prefix="concierge-voice-") as tmp:
        out = Path(tmp) / "out.wav"
        subprocess.run(["espeak-ng", "-v", voice.name, "-s", str(voice.rate), "-p", str(voice.pitch),
                        "-w", str(out), "--", text], check=True, capture_output=True, timeout=60)
        with wave.open(str(out), "rb") as src:
            rate = src.getframerate()
            raw = np.frombuffer(src.readframes(src.getnframes()), dtype="<i2").astype(np.float64)
    speech = soxr.resample(raw, rate, 8000)
    loud = np.flatnonzero(np.abs(speech) > np.abs(speech).max() * 0.01)
    speech = speech[loud[0]: loud[-1] + 1] if len(loud) else speech
    speech *= 4000.0 / max(float(np.sqrt(np.mean(speech**2))), 1.0)
    lead, tail = np.zeros(2400), np.zeros(2000 + (-(2400 + len(speech) + 2000)) % 160)
    signal = np.concatenate([lead, speech, tail])
    rng = np.random.default_rng((seed * 1_000_003 + zlib.crc32(f"{voice.id}\n{text}".encode())) & 0xFFFFFFFF)
    hiss = np.convolve(rng.standard_normal(len(signal)), np.ones(3) / 3, mode="same")
    signal += hiss / float(np.sqrt(np.mean(hiss**2))) * 4000.0 / 10 ** (snr_db / 20)
    pcm = np.clip(np.round(signal), -32768, 32767).astype(np.int16)
    return _StandInClip(text, voice.id, pcm16_to_ulaw(pcm), 300, (2400 + len(speech)) // 8)


def voice_ids() -> list[str]:
    """The installed caller voices (Festival ones included when the shared renderer is present)."""
    try:
        from audio_fixtures.voices import available_voices
    except ImportError:
        return [v.id for v in _STAND_IN_VOICES] if shutil.which("espeak-ng") else []
    return [v.id for v in available_voices()]


def render(text: str, voice_id: str, *, snr_db: float, seed: int) -> RenderedClip:
    """``text`` said by ``voice_id`` on a line with noise at ``snr_db`` (same inputs, same bytes)."""
    try:
        from audio_fixtures.voices import render as shared_render
    except ImportError:
        voice = next(v for v in _STAND_IN_VOICES if v.id == voice_id)
        return _stand_in_render(text, voice, snr_db, seed)
    clip: RenderedClip = shared_render(text, voice_id, snr_db=snr_db, seed=seed)
    return clip
