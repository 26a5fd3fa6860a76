"""mu-law codec and the 8 -> 16 kHz upsampler."""

from __future__ import annotations

import numpy as np

from pipeline.audio import (
    InboundResampler,
    float_to_pcm16,
    pcm16_to_ulaw,
    to_twilio,
    trim_leading_silence,
    ulaw_rms,
    ulaw_to_pcm16,
)


def test_ulaw_round_trip_is_within_quantisation_error() -> None:
    rng = np.random.default_rng(1)
    pcm = (rng.standard_normal(8000) * 6000).clip(-32000, 32000).astype(np.int16)
    back = ulaw_to_pcm16(pcm16_to_ulaw(pcm)).astype(np.int32)
    error = np.abs(back - pcm.astype(np.int32))
    # G.711 steps grow with magnitude: at most 1/16 of the value (+ a little near zero)
    assert (error <= np.abs(pcm.astype(np.int32)) / 16 + 16).all()


def test_ulaw_reference_points() -> None:
    assert pcm16_to_ulaw(np.array([0], np.int16)) == b"\xff"
    assert ulaw_to_pcm16(b"\xff")[0] == 0
    assert ulaw_to_pcm16(b"\x00")[0] == -32124
    assert ulaw_to_pcm16(b"\x80")[0] == 32124


def test_upsampler_keeps_a_tone_and_adds_no_delay_to_speak_of() -> None:
    resampler = InboundResampler()
    t = np.arange(8000) / 8000
    tone = pcm16_to_ulaw(float_to_pcm16(0.5 * np.sin(2 * np.pi * 440 * t)))
    chunks = [resampler.push(tone[i:i + 160]) for i in range(0, 8000, 160)]
    assert all(chunk.size == 320 for chunk in chunks)  # every 20 ms frame comes out at once
    out = np.concatenate(chunks)[1000:]
    spectrum = np.abs(np.fft.rfft(out))
    peak_hz = np.argmax(spectrum) * 16000 / out.size
    assert abs(peak_hz - 440) < 5
    assert 0.3 < np.abs(out).max() < 0.6


def test_tts_audio_to_twilio_rate_and_silence_trim() -> None:
    pcm = np.concatenate([np.zeros(2205, np.int16), (np.ones(22050) * 8000).astype(np.int16)])
    trimmed = trim_leading_silence(pcm, 22050)
    assert trimmed.size < pcm.size and trimmed.size >= 22050
    ulaw = to_twilio(trimmed, 22050)
    assert abs(len(ulaw) - 8000 * trimmed.size / 22050) < 5
    assert ulaw_rms(ulaw) > 0.1
    assert ulaw_rms(b"\xff" * 160) == 0.0
