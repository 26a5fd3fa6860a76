"""Where one spoken sentence ends and the next begins (shared by the TTS chunker and the reply splitter)."""

from __future__ import annotations

import re

# A full stop, question or exclamation mark, then the start of a new sentence: anything but a lower-case
# word, so "from 2 p.m. onwards" stays one sentence (cut there, Piper paused before "onwards").
SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[^a-z\s])")


def split_sentences(text: str) -> list[str]:
    """Sentences to synthesize one at a time (the first one reaches the caller soonest)."""
    return [part.strip() for part in SENTENCE_BREAK.split(text.strip()) if part.strip()]
