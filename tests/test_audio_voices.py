"""The voice scenarios' callers (``audio_fixtures/voices.py``): reproducible phone-line audio in other voices."""

from __future__ import annotations

import os

import numpy as np
import pytest

from audio_fixtures.voices import SAMPLE_RATE, available_voices, install_hint, render
from pipeline.twilio_client import ulaw_to_pcm16

TEXT = "Could someone bring two extra pillows up, please?"


@pytest.fixture(scope="module")
def voice_ids() -> list[str]:
    voices = [v.id for v in available_voices()]
    if not voices:
        if os.environ.get("CI"):
            pytest.fail(f"no synthesiser installed ({install_hint()}; .ci/run does this)")
        pytest.skip(f"no synthesiser installed ({install_hint()})")
    return voices


def test_the_same_text_voice_and_seed_give_the_same_bytes_and_another_seed_other_noise(voice_ids: list[str]) -> None:
    voice = voice_ids[0]
    first, again = render(TEXT, voice, snr_db=20.0, seed=3), render(TEXT, voice, snr_db=20.0, seed=3)
    assert first.ulaw == again.ulaw
    assert render(TEXT, voice, snr_db=20.0, seed=4).ulaw != first.ulaw
    assert len(first.ulaw) % 160 == 0  # whole 20 ms frames, as Twilio sends them
    assert 0 < first.speech_start_ms < first.speech_end_ms < first.duration_ms


def test_the_line_is_band_limited_and_noisy_at_the_set_snr(voice_ids: list[str]) -> None:
    voice = voice_ids[0]
    noisy = render(TEXT, voice, snr_db=20.0, seed=1)
    clean = render(TEXT, voice, snr_db=None, seed=1)
    pcm = ulaw_to_pcm16(noisy.ulaw).astype(np.float64)
    lead = pcm[: SAMPLE_RATE * noisy.speech_start_ms // 1000]
    assert not ulaw_to_pcm16(clean.ulaw)[: len(lead)].any()  # a clean line is silent before the speech
    speech = pcm[SAMPLE_RATE * noisy.speech_start_ms // 1000 : SAMPLE_RATE * noisy.speech_end_ms // 1000]
    snr = 20 * np.log10(np.sqrt(np.mean(speech**2)) / np.sqrt(np.mean(lead**2)))
    assert 14 < snr < 26, snr  # μ-law and the speech's pauses move it a little from the 20 dB asked for
    spectrum = np.abs(np.fft.rfft(ulaw_to_pcm16(clean.ulaw).astype(np.float64))) ** 2
    freqs = np.fft.rfftfreq(len(ulaw_to_pcm16(clean.ulaw)), 1 / SAMPLE_RATE)
    assert spectrum[freqs < 200].sum() < 0.01 * spectrum.sum()  # the telephone band starts at 300 Hz


def test_two_engines_and_several_rates_are_available_for_the_scenarios(voice_ids: list[str]) -> None:
    from benchmarks.agent.voice import SCENARIOS

    used = {s.voice for s in SCENARIOS}
    assert {v for v in used if v.startswith("espeak")} and {v for v in used if v.startswith("festival")}
    missing = used - set(voice_ids)
    if missing and not os.environ.get("CI"):
        pytest.skip(f"voices not installed here: {sorted(missing)}")
    assert not missing
