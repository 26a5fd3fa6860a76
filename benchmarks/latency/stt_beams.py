"""How wide the transcriber searches: word errors and inference time per beam width.

    python -m benchmarks.latency.stt_beams [--beams 1,2,5] [--snr 15,25] [--out PATH]

Every caller turn of the latency benchmark's scripts (``benchmarks/latency/scripts.py``), said by each
of its caller voices (espeak-ng and Festival, not the agent's Piper voice) on a noisy 8 kHz μ-law line,
is transcribed as a final transcript through our STT path (``WhisperEngine.transcribe_now``, the
server's defaults: no vocabulary) once per beam width, width by width on the same clip so that a
change in the machine's load hits every width alike. Reported per width: word error rate, utterances
the confidence gate dropped (the caller would hear "Sorry, I didn't catch that"), and inference time
(mean, p95 and the ratio to greedy decoding in the same run).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from benchmarks.latency import caller_voices, scripts
from benchmarks.latency.wer import word_errors

RESULTS = Path(__file__).resolve().parents[1] / "results" / "stt-beams.json"


@dataclass
class Tally:
    errors: int = 0
    words: int = 0
    dropped: int = 0
    seconds: list[float] = field(default_factory=list)
    by_voice: dict[str, list[int]] = field(default_factory=dict)  # voice -> [errors, words]

    def add(self, voice: str, gold: str, heard: str, seconds: float) -> None:
        wrong, total = word_errors(gold, heard)
        self.errors, self.words = self.errors + wrong, self.words + total
        self.dropped += not heard
        self.seconds.append(seconds)
        per_voice = self.by_voice.setdefault(voice, [0, 0])
        per_voice[0] += wrong
        per_voice[1] += total

    def summary(self, greedy_mean_s: float | None) -> dict[str, object]:
        mean = statistics.mean(self.seconds)
        return {
            "wer": round(self.errors / self.words, 4), "words": self.words, "utterances": len(self.seconds),
            "dropped_by_the_gate": self.dropped, "inference_mean_ms": round(mean * 1000, 1),
            "inference_p95_ms": round(statistics.quantiles(self.seconds, n=20)[-1] * 1000, 1),
            "inference_ratio_to_greedy": round(mean / greedy_mean_s, 3) if greedy_mean_s else None,
            "wer_by_voice": {v: round(e / w, 4) for v, (e, w) in self.by_voice.items()},
        }


def measure(beams: list[int], snrs: list[float], today: date) -> dict[str, object]:
    from pipeline.audio import InboundResampler
    from pipeline.stt_streaming import WhisperEngine

    engine = WhisperEngine()
    texts = [turn.text(today) for script in scripts.SCRIPTS for turn in script.turns]
    voices = caller_voices.voice_ids()
    tallies = {beam: Tally() for beam in beams}
    started = time.perf_counter()
    for n_voice, voice in enumerate(voices, 1):
        for n, text in enumerate(texts):
            for snr in snrs:
                clip = caller_voices.render(text, voice, snr_db=snr, seed=n)
                audio = InboundResampler().push(clip.ulaw)
                for beam in beams:
                    result = engine.transcribe_now(audio, final=True, beam_size=beam)
                    tallies[beam].add(voice, text, result.text, result.inference_seconds)
        print(f"  {voice}: done ({n_voice}/{len(voices)} voices, {time.perf_counter() - started:.0f} s)",
              file=sys.stderr, flush=True)
    engine.close()
    greedy = statistics.mean(tallies[1].seconds) if 1 in tallies else None
    return {"voices": voices, "snr_db": snrs, "utterances_per_width": len(texts) * len(voices) * len(snrs),
            "beams": {str(beam): tallies[beam].summary(greedy) for beam in beams}}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.latency.stt_beams",
                                     description=__doc__.split("\n")[0])
    parser.add_argument("--beams", default="1,2,5", help="beam widths to compare (1 = greedy); default 1,2,5")
    parser.add_argument("--snr", default="15,25", help="line noise levels in dB; default 15,25")
    parser.add_argument("--out", type=Path, default=RESULTS, help=f"results file (default {RESULTS})")
    args = parser.parse_args(argv)
    beams = sorted({int(b) for b in args.beams.split(",")})
    snrs = [float(s) for s in args.snr.split(",")]
    print(f"transcribing the latency scripts' turns at beam widths {beams}...", file=sys.stderr, flush=True)
    report = {"command": "python -m benchmarks.latency.stt_beams " + " ".join(argv or sys.argv[1:]),
              "started_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
              **measure(beams, snrs, date.today())}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n")
    print("| beam width | WER | dropped by the gate | inference mean / p95 | ratio to greedy |")
    print("|---|---|---|---|---|")
    for beam, row in report["beams"].items():  # type: ignore[attr-defined]
        ratio = row["inference_ratio_to_greedy"]
        print(f"| {beam} | {row['wer']:.1%} | {row['dropped_by_the_gate']} of {row['utterances']} "
              f"| {row['inference_mean_ms']:.0f} / {row['inference_p95_ms']:.0f} ms "
              f"| {ratio if ratio is not None else '-'} |")
    print(f"\n(results: {args.out})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
