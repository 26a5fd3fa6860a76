"""Sample formats on the phone line: G.711 mu-law at 8 kHz in and out, float32 16 kHz inside.

Pure numpy (``audioop`` is gone in Python 3.13); resampling is soxr, as in pipecat.
"""

from __future__ import annotations

import numpy as np
import soxr

TWILIO_RATE = 8000
PIPELINE_RATE = 16000  # Whisper and Silero want 16 kHz; 8 kHz made Whisper return nothing
ULAW_FRAME_BYTES = 160  # 20 ms at 8 kHz
ULAW_SILENCE = 0xFF

_BIAS = 0x84
_CLIP = 32635


def _decode_table() -> np.ndarray:
    codes = ~np.arange(256, dtype=np.uint8)
    sign = codes & 0x80
    exponent = (codes >> 4) & 0x07
    mantissa = codes & 0x0F
    magnitude = ((mantissa.astype(np.int32) << 3) + _BIAS) << exponent.astype(np.int32)
    sample = magnitude - _BIAS
    return np.where(sign != 0, -sample, sample).astype(np.int16)


_ULAW_TO_PCM = _decode_table()


def ulaw_to_pcm16(ulaw: bytes) -> np.ndarray:
    """mu-law bytes -> int16 samples (same rate)."""
    return _ULAW_TO_PCM[np.frombuffer(ulaw, dtype=np.uint8)]


def pcm16_to_ulaw(pcm: np.ndarray) -> bytes:
    """int16 samples -> mu-law bytes (same rate); bit-exact with the classic G.711 encoder."""
    value = pcm.astype(np.int32) >> 2  # 14-bit domain, as in the reference encoder
    sign = np.where(value < 0, 0x00, 0x80).astype(np.int32)
    value = np.minimum(np.where(value < 0, -value, value), 8159) + 0x21
    segment = np.clip(np.floor(np.log2(value)).astype(np.int32) - 5, 0, 7)
    mantissa = (value >> (segment + 1)) & 0x0F
    code = ((segment << 4) | mantissa) ^ 0x7F
    return (code | sign).astype(np.uint8).tobytes()


def float_to_pcm16(audio: np.ndarray) -> np.ndarray:
    return (np.clip(audio, -1.0, 1.0) * 32767).astype(np.int16)


def pcm16_to_float(pcm: np.ndarray) -> np.ndarray:
    return pcm.astype(np.float32) / 32768.0


def _halfband_taps(count: int = 31) -> np.ndarray:
    n = np.arange(count) - (count - 1) / 2
    taps = np.sinc(n / 2) * np.hamming(count)
    return (2 * taps / taps.sum()).astype(np.float32)


class InboundResampler:
    """Twilio's 8 kHz mu-law -> 16 kHz float32, streaming with ~1 ms of delay.

    A zero-stuffing FIR upsampler with carried state: soxr's streaming resampler holds back
    ~100 ms of output in small chunks, which would delay every end-of-speech decision.
    """

    _TAPS = _halfband_taps()

    def __init__(self) -> None:
        self._tail = np.zeros(len(self._TAPS) - 1, dtype=np.float32)

    def push(self, ulaw: bytes) -> np.ndarray:
        samples = pcm16_to_float(ulaw_to_pcm16(ulaw))
        stuffed = np.zeros(samples.size * 2, dtype=np.float32)
        stuffed[::2] = samples
        joined = np.concatenate([self._tail, stuffed])
        self._tail = joined[-(len(self._TAPS) - 1):]
        return np.convolve(joined, self._TAPS, mode="valid").astype(np.float32)


def to_twilio(pcm: np.ndarray, rate: int) -> bytes:
    """int16 audio at ``rate`` (Piper: 22050) -> 8 kHz mu-law bytes."""
    audio = pcm16_to_float(pcm)
    if rate != TWILIO_RATE:
        audio = soxr.resample(audio, rate, TWILIO_RATE)
    return pcm16_to_ulaw(float_to_pcm16(audio))


def trim_leading_silence(pcm: np.ndarray, rate: int, *, threshold: int = 300, keep_s: float = 0.01) -> np.ndarray:
    """Drop the quiet lead-in a TTS voice starts with, keeping ``keep_s`` before the first sound."""
    loud = np.flatnonzero(np.abs(pcm.astype(np.int32)) > threshold)
    if loud.size == 0:
        return pcm
    start = max(0, int(loud[0]) - int(keep_s * rate))
    return pcm[start:]


def ulaw_rms(ulaw: bytes) -> float:
    """Loudness of a mu-law chunk as a 0..1 RMS (used to gate noise before Whisper)."""
    if not ulaw:
        return 0.0
    samples = pcm16_to_float(ulaw_to_pcm16(ulaw))
    return float(np.sqrt(np.mean(samples * samples)))
