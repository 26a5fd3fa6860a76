"""Callers' voices that are not the agent's: render any caller text as a phone line would carry it.

The agent speaks with the bundled Piper voice, and the fixtures in this folder use that same voice; a
test that only ever hears Piper flatters the transcriber. These voices come from other synthesisers
(Debian packages, rendered at test or benchmark time, nothing committed):

- espeak-ng (``apt-get install espeak-ng``): American, British, Scottish, Received Pronunciation and
  Caribbean English, with its female/male variants (``en-gb+f3``) at different speaking rates;
- Festival (``apt-get install festival festvox-kallpc16k festvox-us-slt-hts``): the "kal" diphone voice
  and the "slt" HTS voice, slowed or sped up with ``Duration_Stretch``.

Each rendering goes through a telephone channel: resampled to 8 kHz and band-limited to 300-3400 Hz in
one FFT step, levelled, then mixed with band-limited line noise at a set SNR from a seeded generator, and
encoded to G.711 μ-law. The same text, voice, SNR and seed give the same bytes (the engines themselves
are deterministic).

    python audio_fixtures/voices.py --list
    python audio_fixtures/voices.py --voice espeak-gb-f3-slow --snr 20 --seed 7 "I'd like a room" out/hello
        # writes out/hello.ulaw and out/hello.wav

From code::

    from audio_fixtures.voices import VOICES, render
    clip = render("Could I get more towels?", VOICES["festival-slt"], snr_db=20.0, seed=3)
    CallerTurn(audio=clip.ulaw, text=clip.text, speech_start_ms=clip.speech_start_ms,
               speech_end_ms=clip.speech_end_ms)

The speech bounds are measured on the clean speech before the noise is added: with line noise the
caller's energy test (``VOICED_RMS``) would count loud noise as speech.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import wave
import zlib
from dataclasses import dataclass
from pathlib import Path

import numpy as np

SAMPLE_RATE = 8000  # the phone line's rate (Twilio Media Streams)
FRAME_SAMPLES = 160  # one 20 ms μ-law frame
BAND_HZ = (300.0, 3400.0)  # the classic telephone pass band
SPEECH_RMS = 4000.0  # level of the voiced part of the speech (int16), about -18 dBFS
LEAD_SILENCE_MS = 300
TAIL_SILENCE_MS = 250
ESPEAK = "espeak-ng"
FESTIVAL = "text2wave"


@dataclass(frozen=True)
class Voice:
    """One synthetic caller: an engine, its voice name, and how fast it speaks.

    ``rate`` is words per minute for espeak-ng (its default is 175) and a duration stretch for Festival
    (1.0 = the voice's own pace, 1.2 = 20 % slower). ``pitch`` is espeak-ng's 0-99 (50 = default).
    """

    id: str
    engine: str  # "espeak-ng" or "festival"
    name: str  # espeak-ng voice ("en-gb+f3") or Festival voice function ("voice_kal_diphone")
    rate: float
    pitch: int = 50
    description: str = ""


VOICES: dict[str, Voice] = {
    v.id: v
    for v in (
        Voice("espeak-us", "espeak-ng", "en-us", 150, 50, "American English, male, a little slow"),
        Voice("espeak-us-f2-fast", "espeak-ng", "en-us+f2", 190, 60, "American English, female variant, fast"),
        Voice("espeak-gb-f3-slow", "espeak-ng", "en-gb+f3", 135, 55, "British English, female variant, slow"),
        Voice("espeak-rp-m3", "espeak-ng", "en-gb-x-rp+m3", 165, 40, "Received Pronunciation, male variant"),
        Voice("espeak-scotland", "espeak-ng", "en-gb-scotland", 145, 45, "Scottish English, male"),
        Voice("espeak-caribbean-f4", "espeak-ng", "en-029+f4", 155, 50, "Caribbean English, female variant"),
        # Slower, lower-pitched variants: Whisper tiny.en mishears espeak-ng's faster voices on a noisy line.
        Voice("espeak-gb", "espeak-ng", "en-gb", 140, 50, "British English, male"),
        Voice("espeak-rp-m3-slow", "espeak-ng", "en-gb-x-rp+m3", 140, 40, "Received Pronunciation, male, slower"),
        Voice("espeak-us-m3", "espeak-ng", "en-us+m3", 140, 45, "American English, male variant"),
        Voice("festival-kal", "festival", "voice_kal_diphone", 1.0, description="Festival kal diphone, male"),
        Voice("festival-kal-slow", "festival", "voice_kal_diphone", 1.25, description="Festival kal, slower"),
        Voice("festival-slt", "festival", "voice_cmu_us_slt_arctic_hts", 1.1,
              description="Festival CMU slt HTS, female, a little slow"),
        Voice("festival-slt-fast", "festival", "voice_cmu_us_slt_arctic_hts", 0.85,
              description="Festival CMU slt HTS, female, fast"),
    )
}


@dataclass(frozen=True)
class Clip:
    """A rendered caller utterance: 8 kHz μ-law with where the speech lies in it."""

    text: str
    voice: str
    snr_db: float | None
    seed: int
    ulaw: bytes
    speech_start_ms: int
    speech_end_ms: int

    @property
    def duration_ms(self) -> int:
        return len(self.ulaw) // 8

    def pcm16(self) -> np.ndarray:
        from pipeline.twilio_client import ulaw_to_pcm16

        return ulaw_to_pcm16(self.ulaw)

    def save(self, stem: Path) -> tuple[Path, Path]:
        """Write ``<stem>.ulaw`` (raw, what Twilio sends) and ``<stem>.wav`` (8 kHz 16-bit PCM)."""
        from pipeline.twilio_client import write_ulaw_wav

        stem.parent.mkdir(parents=True, exist_ok=True)
        raw, wav = stem.with_suffix(".ulaw"), stem.with_suffix(".wav")
        raw.write_bytes(self.ulaw)
        write_ulaw_wav(wav, self.ulaw)
        return raw, wav


class VoiceUnavailable(RuntimeError):
    """The engine for a voice is not installed (see ``install_hint``)."""


def install_hint() -> str:
    return "apt-get update && apt-get install -y espeak-ng festival festvox-kallpc16k festvox-us-slt-hts"


def engine_available(engine: str) -> bool:
    return shutil.which(ESPEAK if engine == "espeak-ng" else FESTIVAL) is not None


def _festival_voice_installed(name: str) -> bool:
    """Festival loads a missing voice silently as its default one: check that the voice's files exist."""
    folder = {"voice_kal_diphone": "kal_diphone", "voice_cmu_us_slt_arctic_hts": "cmu_us_slt_arctic_hts"}.get(name)
    if folder is None:
        return True
    return any(Path("/usr/share/festival/voices", language, folder).is_dir() for language in ("english", "us"))


def available_voices() -> list[Voice]:
    """The voices whose engine (and, for Festival, whose voice data) is installed here."""
    out = []
    for voice in VOICES.values():
        if not engine_available(voice.engine):
            continue
        if voice.engine == "festival" and not _festival_voice_installed(voice.name):
            continue
        out.append(voice)
    return out


def _read_wav(path: Path) -> tuple[np.ndarray, int]:
    with wave.open(str(path), "rb") as src:
        if src.getsampwidth() != 2:
            raise VoiceUnavailable(f"{path}: expected 16-bit PCM from the synthesiser")
        frames = src.readframes(src.getnframes())
        samples = np.frombuffer(frames, dtype="<i2")
        if src.getnchannels() > 1:
            samples = samples.reshape(-1, src.getnchannels())[:, 0]
        return samples.astype(np.float64), src.getframerate()


def synthesize(text: str, voice: Voice) -> tuple[np.ndarray, int]:
    """The engine's own output for ``text``: float samples (int16 scale) and their rate."""
    if not engine_available(voice.engine):
        raise VoiceUnavailable(f"{voice.engine} is not installed: {install_hint()}")
    with tempfile.TemporaryDirectory(prefix="concierge-voice-") as tmp:
        out = Path(tmp) / "out.wav"
        if voice.engine == "espeak-ng":
            cmd = [ESPEAK, "-v", voice.name, "-s", str(int(voice.rate)), "-p", str(voice.pitch), "-w", str(out),
                   "--", text]
            subprocess.run(cmd, check=True, capture_output=True, timeout=60)
        elif voice.engine == "festival":
            source = Path(tmp) / "in.txt"
            source.write_text(text + "\n", encoding="utf-8")
            # Diphone voices follow Duration_Stretch; HTS voices ignore it and take hts_engine's speed
            # rate ("-r", > 1 is faster) instead.
            pace = (f"(set! hts_engine_params (append hts_engine_params (list (list \"-r\" {1 / voice.rate:.3f}))))"
                    if voice.name.endswith("_hts") else f"(Parameter.set 'Duration_Stretch {voice.rate:.3f})")
            cmd = [FESTIVAL, "-eval", f"({voice.name})", "-eval", pace, "-o", str(out), str(source)]
            subprocess.run(cmd, check=True, capture_output=True, timeout=120)
        else:
            raise VoiceUnavailable(f"unknown engine {voice.engine!r}")
        return _read_wav(out)


def telephone_band(samples: np.ndarray, rate: int, *, band: tuple[float, float] = BAND_HZ) -> np.ndarray:
    """Resample to 8 kHz and keep only the telephone band, in one FFT step (zero-phase, with 100 Hz
    cosine tapers at both edges so the cut does not ring)."""
    n_in = len(samples)
    if n_in == 0:
        return np.zeros(0)
    n_out = max(1, round(n_in * SAMPLE_RATE / rate))
    spectrum = np.fft.rfft(samples)
    freqs = np.fft.rfftfreq(n_in, 1.0 / rate)
    low, high = band
    taper = 100.0
    gain = np.ones_like(freqs)
    gain[freqs < low - taper] = 0.0
    rising = (freqs >= low - taper) & (freqs < low)
    gain[rising] = 0.5 - 0.5 * np.cos(np.pi * (freqs[rising] - (low - taper)) / taper)
    falling = (freqs > high) & (freqs <= high + taper)
    gain[falling] = 0.5 + 0.5 * np.cos(np.pi * (freqs[falling] - high) / taper)
    gain[freqs > high + taper] = 0.0
    keep = n_out // 2 + 1
    shaped = (spectrum * gain)[:keep]
    if len(shaped) < keep:
        shaped = np.concatenate([shaped, np.zeros(keep - len(shaped), dtype=complex)])
    return np.fft.irfft(shaped, n_out) * (n_out / n_in)


def _active_rms(samples: np.ndarray) -> float:
    """RMS over the 20 ms frames that carry speech (within 30 dB of the loudest frame)."""
    usable = len(samples) // FRAME_SAMPLES * FRAME_SAMPLES
    if usable == 0:
        return float(np.sqrt(np.mean(samples**2))) if len(samples) else 0.0
    frames = samples[:usable].reshape(-1, FRAME_SAMPLES)
    rms = np.sqrt(np.mean(frames**2, axis=1))
    active = rms[rms >= rms.max() * 10 ** (-30 / 20)]
    return float(np.sqrt(np.mean(active**2))) if len(active) else 0.0


def _trim(samples: np.ndarray, rel_db: float = -40.0) -> np.ndarray:
    """Drop the engine's own leading/trailing near-silence so the padding is ours."""
    if len(samples) == 0:
        return samples
    threshold = np.abs(samples).max() * 10 ** (rel_db / 20)
    loud = np.flatnonzero(np.abs(samples) > threshold)
    return samples[loud[0] : loud[-1] + 1] if len(loud) else samples


def _seed_for(text: str, voice: Voice, seed: int) -> int:
    """A generator seed that differs per text and voice, so two turns of one call get different noise."""
    return (seed * 1_000_003 + zlib.crc32(f"{voice.id}\n{text}".encode())) & 0xFFFFFFFF


def line_noise(n: int, rng: np.random.Generator) -> np.ndarray:
    """Band-limited hiss with a slow level wobble (a line's noise is not perfectly steady)."""
    hiss = telephone_band(rng.standard_normal(n), SAMPLE_RATE)
    wobble = 1.0 + 0.25 * np.sin(2 * np.pi * rng.uniform(0.3, 1.2) * np.arange(n) / SAMPLE_RATE + rng.uniform(0, 6))
    noise = hiss * wobble
    rms = float(np.sqrt(np.mean(noise**2))) if n else 1.0
    return noise / (rms or 1.0)


def render(text: str, voice: Voice | str, *, snr_db: float | None = 20.0, seed: int = 0,
           lead_ms: int = LEAD_SILENCE_MS, tail_ms: int = TAIL_SILENCE_MS) -> Clip:
    """``text`` spoken by ``voice`` over a phone line: 8 kHz μ-law, padded with (noisy) silence to whole
    20 ms frames. ``snr_db=None`` leaves the line clean."""
    from pipeline.twilio_client import pcm16_to_ulaw

    if isinstance(voice, str):
        voice = VOICES[voice]
    raw, rate = synthesize(text, voice)
    speech = _trim(telephone_band(raw, rate))
    level = _active_rms(speech)
    if level > 0:
        speech = speech * (SPEECH_RMS / level)
    lead = np.zeros(SAMPLE_RATE * lead_ms // 1000)
    tail_len = SAMPLE_RATE * tail_ms // 1000
    total = len(lead) + len(speech) + tail_len
    tail_len += -total % FRAME_SAMPLES
    signal = np.concatenate([lead, speech, np.zeros(tail_len)])
    if snr_db is not None:
        rng = np.random.default_rng(_seed_for(text, voice, seed))
        signal = signal + line_noise(len(signal), rng) * (SPEECH_RMS / 10 ** (snr_db / 20))
    pcm = np.clip(np.round(signal), -32768, 32767).astype(np.int16)
    start_ms = len(lead) * 1000 // SAMPLE_RATE
    end_ms = (len(lead) + len(speech)) * 1000 // SAMPLE_RATE
    return Clip(text=text, voice=voice.id, snr_db=snr_db, seed=seed, ulaw=pcm16_to_ulaw(pcm),
                speech_start_ms=start_ms, speech_end_ms=end_ms)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--list", action="store_true", help="list the voices and whether each is installed")
    parser.add_argument("--voice", default="espeak-us")
    parser.add_argument("--snr", type=float, default=20.0, help="line noise SNR in dB (negative: no noise)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("text", nargs="?")
    parser.add_argument("out", nargs="?", type=Path, help="output stem: writes STEM.ulaw and STEM.wav")
    args = parser.parse_args(argv)
    if args.list or not args.text or not args.out:
        installed = {v.id for v in available_voices()}
        for voice in VOICES.values():
            mark = "yes" if voice.id in installed else "no "
            print(f"{mark} {voice.id:22s} {voice.engine:9s} {voice.name:30s} {voice.description}")
        if not installed:
            print(f"none installed: {install_hint()}")
        return 0
    clip = render(args.text, args.voice, snr_db=None if args.snr < 0 else args.snr, seed=args.seed)
    raw, wav = clip.save(args.out)
    print(f"{raw} {wav} {clip.duration_ms} ms, speech {clip.speech_start_ms}-{clip.speech_end_ms} ms")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    sys.exit(main())
