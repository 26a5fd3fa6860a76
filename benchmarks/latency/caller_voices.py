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


def voice_ids() -> list[str]:
    """The caller voices installed here (espeak-ng's and Festival's)."""
    return [v.id for v in available_voices()]


def render(text: str, voice_id: str, *, snr_db: float, seed: int) -> RenderedClip:
    """``text`` said by ``voice_id`` on a line with noise at ``snr_db`` (same inputs, same bytes)."""
    return render_clip(text, voice_id, snr_db=snr_db, seed=seed)
