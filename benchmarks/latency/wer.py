"""Word error rate with a light normaliser (case, punctuation, digits and ordinals spelled out)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_ONES = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
]
_TENS = ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_ORDINAL_ENDINGS = {"one": "first", "two": "second", "three": "third", "five": "fifth", "eight": "eighth",
                    "nine": "ninth", "twelve": "twelfth"}


def ordinal_words(n: int) -> str:
    """13 -> 'thirteenth', 21 -> 'twenty first' (how a caller says "the 21st")."""
    *head, last = number_words(n).split()
    if last in _ORDINAL_ENDINGS:
        last = _ORDINAL_ENDINGS[last]
    elif last.endswith("y"):
        last = last[:-1] + "ieth"
    else:
        last += "th"
    return " ".join([*head, last])


def number_words(n: int) -> str:
    if n < 20:
        return _ONES[n]
    if n < 100:
        return _TENS[n // 10] + ("" if n % 10 == 0 else " " + _ONES[n % 10])
    if n < 1000:
        rest = n % 100
        return _ONES[n // 100] + " hundred" + ("" if rest == 0 else " " + number_words(rest))
    if n < 1_000_000:
        rest = n % 1000
        return number_words(n // 1000) + " thousand" + ("" if rest == 0 else " " + number_words(rest))
    return " ".join(_ONES[int(d)] for d in str(n))


def _spell_code(match: re.Match[str]) -> str:
    token = match.group(0)
    return token if re.fullmatch(r"\d+(st|nd|rd|th)", token, re.IGNORECASE) else " ".join(token)


def normalise(text: str) -> list[str]:
    text = re.sub(r"\([^)]*\)|\[[^\]]*\]", " ", text)  # "(simple tone sound plays)": a note, not speech
    # A spelled-out code ("K 7 P 4 2 Q") and its compact form ("k7p42q") compare character by character.
    text = re.sub(r"\b(?=\w*\d)(?=\w*[a-zA-Z])\w+\b", _spell_code, text)
    text = text.lower().replace("-", " ").replace("%", " percent").replace("×", " times ").replace("=", " equals ")
    text = re.sub(r"(\d),(\d)", r"\1\2", text)
    words: list[str] = []
    for token in re.sub(r"[^\w\s']", " ", text).split():
        token = token.strip("'")
        ordinal = re.fullmatch(r"(\d+)(?:st|nd|rd|th)", token)
        if ordinal:
            words.extend(ordinal_words(int(ordinal.group(1))).split())
        elif token.isdigit():
            words.extend(number_words(int(token)).split())
        elif token:
            words.append(token)
    return words


def word_errors(reference: str, hypothesis: str) -> tuple[int, int]:
    """(edit distance in words, reference length)."""
    ref, hyp = normalise(reference), normalise(hypothesis)
    previous = list(range(len(hyp) + 1))
    for i, r in enumerate(ref, 1):
        current = [i] + [0] * len(hyp)
        for j, h in enumerate(hyp, 1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (r != h))
        previous = current
    return previous[-1], len(ref)


# --- the transcriber's vocabulary, before and after --------------------------------------------------------
#
#     python -m benchmarks.latency.wer            # fixtures, real recordings, hotel sentences in other voices
#
# Each set is transcribed through our STT path (``WhisperEngine.transcribe_now`` on 8 kHz μ-law resampled
# to 16 kHz) with no vocabulary, with the hotel's vocabulary as a word list (faster-whisper's ``hotwords``
# form) and as a sentence (``initial_prompt`` form); WER and the inference time per utterance are reported.

# The vocabulary's words as the normaliser writes them: how often each was heard where it was said.
KEYWORDS = ("suite", "check in", "check out", "housekeeping", "deluxe king", "family two queens",
            "concierge demo hotel")

# Hotel sentences with the words the vocabulary is for, said by the benchmark's caller voices (not Piper).
HOTEL_SENTENCES = (
    "How much is the suite for two nights?",
    "I would like to book a suite from Friday to Sunday.",
    "Is the Suite King free next weekend?",
    "Could I get a late check-out tomorrow?",
    "What time is check-in at the Concierge Demo Hotel?",
    "Please send housekeeping to room four hundred and two.",
    "Do you have a Deluxe King for the weekend?",
    "We need the Family Two Queens room for four people.",
    "What time is check-out on Sunday?",
    "Can we upgrade to a suite?",
)


def _modes(hotel_name: str, room_types: list[str]) -> dict[str, tuple[list[str], str]]:
    """Each mode: (vocabulary, ``WhisperEngine.prompt_style``)."""
    from agent.vocabulary import hotel_vocabulary

    words = hotel_vocabulary(hotel_name, room_types)
    return {"none": ([], "sentence"), "hotwords": (words, "hotwords"), "sentence": (words, "sentence")}


def _sets() -> dict[str, list[tuple[str, bytes, str]]]:
    """(name, 8 kHz μ-law, gold text) per set."""
    import json as _json
    from pathlib import Path as _Path

    from benchmarks.latency import caller_voices

    root = _Path(__file__).resolve().parents[2]
    fixtures = root / "audio_fixtures"
    shared = root.parent / "shared" / "data" / "audio"
    sets: dict[str, list[tuple[str, bytes, str]]] = {"fixtures": [], "real_recordings": [], "hotel_sentences": []}
    for entry in _json.loads((fixtures / "manifest.json").read_text())["utterances"]:
        sets["fixtures"].append((entry["id"], (fixtures / entry["ulaw"]).read_bytes(), entry["text"]))
    seen: set[str] = set()
    for line in (shared / "manifest.jsonl").read_text().splitlines():
        entry = _json.loads(line)
        name = _Path(entry["file"]).stem
        ulaw = shared / "ulaw8k" / f"{name}.ulaw"
        if (ulaw.exists() and name not in seen and not entry.get("transcript_source", "").startswith("PROBABLE")
                and not name.endswith("_es")):
            seen.add(name)
            sets["real_recordings"].append((name, ulaw.read_bytes(), entry["transcript"]))
    voices = caller_voices.voice_ids(intelligible_only=False)
    for n, text in enumerate(HOTEL_SENTENCES):
        for voice in voices[n % 2 :: 2] if len(voices) > 2 else voices:
            clip = caller_voices.render(text, voice, snr_db=20.0, seed=n)
            sets["hotel_sentences"].append((f"{voice}:{n}", clip.ulaw, text))
    return sets


@dataclass
class _Tally:
    errors: int = 0
    words: int = 0
    seconds: list[float] = field(default_factory=list)
    misheard: list[dict[str, object]] = field(default_factory=list)

    keywords_said: int = 0
    keywords_heard: int = 0

    def add(self, name: str, gold: str, heard: str, seconds: float) -> None:
        said, got = " ".join(normalise(gold)), " ".join(normalise(heard))
        for keyword in KEYWORDS:
            if f" {keyword} " in f" {said} ":
                self.keywords_said += 1
                self.keywords_heard += f" {keyword} " in f" {got} "
        wrong, total = word_errors(gold, heard)
        self.errors, self.words = self.errors + wrong, self.words + total
        self.seconds.append(seconds)
        if wrong:
            self.misheard.append({"file": name, "gold": gold, "heard": heard, "errors": wrong})

    def summary(self) -> dict[str, object]:
        return {"wer": self.errors / self.words if self.words else None, "words": self.words,
                "keywords_heard": f"{self.keywords_heard}/{self.keywords_said}",
                "inference_mean_ms": 1000 * sum(self.seconds) / len(self.seconds) if self.seconds else None,
                "misheard": self.misheard}


def compare(hotel_name: str = "Concierge Demo Hotel", room_types: list[str] | None = None) -> dict[str, object]:
    from backoffice.seed import ROOM_TYPES
    from pipeline.audio import InboundResampler
    from pipeline.stt_streaming import WhisperEngine, vocabulary_prompt

    names = room_types if room_types is not None else [t.name for t in ROOM_TYPES]
    engine = WhisperEngine()
    sets = _sets()
    report: dict[str, object] = {"room_types": names, "sets": {k: len(v) for k, v in sets.items()}}
    modes = _modes(hotel_name, names)
    tally = {(mode, set_name): _Tally() for mode in modes for set_name in sets}
    # Mode by mode on each utterance in turn, so a change in the machine's load hits all modes alike.
    for set_name, items in sets.items():
        for name, ulaw, gold in items:
            audio = InboundResampler().push(ulaw)
            for mode, (vocabulary, style) in modes.items():
                engine.prompt_style = style  # type: ignore[assignment]
                engine.vocabulary = vocabulary
                result = engine.transcribe_now(audio)
                tally[mode, set_name].add(name, gold, result.text, result.inference_seconds)
    for mode, (vocabulary, style) in modes.items():
        report[mode] = {"prompt": vocabulary_prompt(vocabulary, style) if vocabulary else "",  # type: ignore[arg-type]
                        **{s: tally[mode, s].summary() for s in sets}}
    engine.close()
    return report


def main() -> int:
    import json as _json
    import sys as _sys
    from pathlib import Path as _Path

    report = compare()
    out = _Path(__file__).resolve().parents[2] / "benchmarks" / "results" / "stt-vocabulary.json"
    out.write_text(_json.dumps(report, indent=2) + "\n")
    print("| vocabulary | fixtures WER | real recordings WER | hotel sentences WER | hotel keywords heard "
          "| mean inference (hotel) |")
    print("|---|---|---|---|---|---|")
    for mode in ("none", "hotwords", "sentence"):
        row = report[mode]
        assert isinstance(row, dict)
        cells = [f"{row[s]['wer']:.1%} ({row[s]['words']} words)" for s in ("fixtures", "real_recordings",
                                                                             "hotel_sentences")]
        hotel = row["hotel_sentences"]
        print(f"| {mode} | {' | '.join(cells)} | {hotel['keywords_heard']} | {hotel['inference_mean_ms']:.0f} ms |")
    print(f"\n(results: {out})", file=_sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
