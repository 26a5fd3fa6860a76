"""Caller voices for the latency benchmark: voices other than the agent's, over a noisy phone line.

A thin seam over the shared renderer, ``audio_fixtures/voices.py`` (espeak-ng and Festival voices,
telephone band, line noise, μ-law), so the benchmark asks only for voice ids and rendered clips.
"""

from __future__ import annotations

from typing import Protocol

from audio_fixtures.voices import available_voices
from audio_fixtures.voices import render as render_clip


class RenderedClip(Protocol):
    @property
    def text(self) -> str: ...
    @property
    def ulaw(self) -> bytes: ...
    @property
    def speech_start_ms(self) -> int: ...
    @property
    def speech_end_ms(self) -> int: ...


# The voices Whisper tiny.en understands well enough on a noisy 8 kHz line for a call to follow its script
# (word errors on the hotel sentences of ``benchmarks/latency/wer.py``, 5 sentences each, ~42 words: these
# 4-15; espeak-ng's American, Caribbean and Scottish voices 23-39, i.e. most words lost).
LATENCY_VOICES = ("festival-slt", "festival-kal", "espeak-rp-m3", "festival-slt-fast", "espeak-gb-f3-slow",
                  "festival-kal-slow")


def voice_ids(*, intelligible_only: bool = True) -> list[str]:
    """The caller voices installed here (espeak-ng's and Festival's), by default the intelligible ones."""
    installed = [v.id for v in available_voices()]
    if not intelligible_only:
        return installed
    return [v for v in LATENCY_VOICES if v in installed] or installed


def render(text: str, voice_id: str, *, snr_db: float, seed: int) -> RenderedClip:
    """``text`` said by ``voice_id`` on a line with noise at ``snr_db`` (same inputs, same bytes)."""
    return render_clip(text, voice_id, snr_db=snr_db, seed=seed)
