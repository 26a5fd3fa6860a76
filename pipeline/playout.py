"""What the caller has actually heard, from Twilio ``mark`` echoes.

Outbound speech goes out as 20 ms ``media`` frames with a ``mark`` after every ~200 ms chunk and
at each sentence end, named ``t<turn>.<n>``; each mark maps to the words spoken up to it (the
words of a sentence are spread over its audio in proportion to their length). Twilio echoes a
mark when the audio before it has played - or when a ``clear`` dropped it, so only marks echoed
*before* we sent ``clear`` count as heard.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field

from pipeline.audio import ULAW_FRAME_BYTES
from pipeline.frames import SpeechChunk
from pipeline.twilio_protocol import mark_message, media_message

FRAMES_PER_MARK = 10  # 200 ms
PLAYOUT_GRACE_S = 1.5  # Twilio's jitter buffer + network, beyond the audio's own length


def _spoken_prefix(text: str, fraction: float) -> str:
    """The words of ``text`` spoken after ``fraction`` of its audio (whole words only)."""
    if fraction >= 1.0:
        return text
    words = text.split()
    total = sum(len(w) + 1 for w in words)
    spoken, used = [], 0
    for word in words:
        used += len(word) + 1
        if used > total * fraction:
            break
        spoken.append(word)
    return " ".join(spoken)


@dataclass
class _TurnPlayout:
    turn: int
    spoken_before: list[str] = field(default_factory=list)  # complete sentences already queued
    mark_text: dict[str, str] = field(default_factory=dict)
    pending: set[str] = field(default_factory=set)
    heard: str = ""
    text: list[str] = field(default_factory=list)
    first_sent_at: float | None = None


class Playout:
    """One call's outbound audio: builds the Twilio messages and tracks the mark echoes."""

    def __init__(self, stream_sid: str) -> None:
        self.stream_sid = stream_sid
        self._turn: _TurnPlayout | None = None
        self._counter = 0
        self.expected_end = 0.0  # monotonic time the queued audio should finish playing
        self.marks_echoed = 0
        self._done = asyncio.Event()
        self._done.set()

    def begin(self, turn: int) -> None:
        self._turn = _TurnPlayout(turn)
        self._counter = 0

    def messages_for(self, chunk: SpeechChunk) -> list[str]:
        """The ``media`` and ``mark`` messages for one sentence, marks registered as pending."""
        turn = self._turn
        assert turn is not None, "begin() a turn first"
        now = time.monotonic()
        if turn.first_sent_at is None:
            turn.first_sent_at = now
        self.expected_end = max(self.expected_end, now) + chunk.seconds
        prefix = " ".join(turn.spoken_before)
        frames = [chunk.ulaw[i:i + ULAW_FRAME_BYTES] for i in range(0, len(chunk.ulaw), ULAW_FRAME_BYTES)]
        out: list[str] = []
        for index, frame in enumerate(frames, start=1):
            out.append(media_message(self.stream_sid, frame))
            if index % FRAMES_PER_MARK == 0 or index == len(frames):
                self._counter += 1
                name = f"t{turn.turn}.{self._counter}"
                words = _spoken_prefix(chunk.text, index / len(frames))
                turn.mark_text[name] = f"{prefix} {words}".strip()
                turn.pending.add(name)
                out.append(mark_message(self.stream_sid, name))
        turn.spoken_before.append(chunk.text)
        turn.text.append(chunk.text)
        self._done.clear()
        return out

    def on_mark(self, name: str) -> bool:
        """A mark echo; unknown, stale or repeated names are ignored (returns False)."""
        turn = self._turn
        if turn is None or name not in turn.pending:
            return False
        turn.pending.discard(name)
        self.marks_echoed += 1
        # Marks can arrive out of order: keep the longest text heard so far.
        text = turn.mark_text[name]
        if len(text) > len(turn.heard):
            turn.heard = text
        if not turn.pending:
            self._done.set()
        return True

    @property
    def speaking(self) -> bool:
        """Agent audio is (probably) still playing on the caller's phone."""
        turn = self._turn
        if turn is None or not turn.pending:
            return False
        return time.monotonic() < self.expected_end + PLAYOUT_GRACE_S

    @property
    def full_text(self) -> str:
        return " ".join(self._turn.text) if self._turn else ""

    def interrupt(self) -> str:
        """We are sending ``clear``: what did the caller hear? Later echoes no longer count."""
        turn = self._turn
        if turn is None:
            return ""
        heard = turn.heard
        if self.marks_echoed == 0 and turn.first_sent_at is not None:
            # This line never echoes marks (not Twilio): estimate from the clock instead.
            heard = self._estimate_by_clock(turn)
        turn.pending.clear()
        self._done.set()
        self.expected_end = time.monotonic()
        return heard

    def _estimate_by_clock(self, turn: _TurnPlayout) -> str:
        assert turn.first_sent_at is not None
        played = time.monotonic() - turn.first_sent_at
        best = ""
        # mark_text is in send order; each mark is FRAMES_PER_MARK frames (or a sentence end) later
        elapsed = 0.0
        for name in turn.mark_text:
            elapsed += FRAMES_PER_MARK * 0.02
            if elapsed > played:
                break
            best = turn.mark_text[name]
        return best

    async def wait_played(self) -> bool:
        """Until every mark of the turn echoed (True) or the audio should long have ended (False)."""
        while not self._done.is_set():
            remaining = self.expected_end + PLAYOUT_GRACE_S - time.monotonic()
            if remaining <= 0:
                return False
            try:
                await asyncio.wait_for(self._done.wait(), timeout=remaining)
            except TimeoutError:
                return False
        return True

    @property
    def heard_all(self) -> str:
        return self._turn.heard if self._turn else ""
