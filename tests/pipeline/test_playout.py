"""Marks -> what the caller heard."""

from __future__ import annotations

import json

from pipeline.frames import SpeechChunk
from pipeline.playout import Playout


def sent(playout: Playout, text: str, seconds: float) -> list[dict[str, object]]:
    return [json.loads(m) for m in playout.messages_for(SpeechChunk(text, b"\xff" * int(8000 * seconds)))]


def mark_names(messages: list[dict[str, object]]) -> list[str]:
    return [m["mark"]["name"] for m in messages if m["event"] == "mark"]  # type: ignore[index]


def test_frames_and_a_mark_every_200_ms() -> None:
    playout = Playout("MZ1")
    playout.begin(3)
    messages = sent(playout, "one two three four five", 1.0)
    media = [m for m in messages if m["event"] == "media"]
    assert len(media) == 50
    assert mark_names(messages) == ["t3.1", "t3.2", "t3.3", "t3.4", "t3.5"]
    assert playout.speaking


def test_heard_text_follows_the_echoed_marks() -> None:
    playout = Playout("MZ1")
    playout.begin(1)
    names = mark_names(sent(playout, "Sure,", 0.4)) + mark_names(sent(playout, "I can book that for you.", 1.0))
    assert playout.on_mark(names[0])
    assert playout.on_mark(names[1])  # end of "Sure,"
    assert playout.on_mark(names[3])  # out of order is fine: the longest heard text wins
    assert playout.on_mark(names[2])
    heard = playout.interrupt()
    assert heard.startswith("Sure, I")
    assert "you." not in heard
    # Twilio echoes the marks a clear flushed; they no longer count
    assert not playout.on_mark(names[-1])
    assert not playout.speaking


def test_unknown_and_repeated_marks_are_ignored() -> None:
    playout = Playout("MZ1")
    assert not playout.on_mark("t9.9")
    playout.begin(1)
    names = mark_names(sent(playout, "Hello there.", 0.4))
    assert not playout.on_mark("nonsense")
    assert playout.on_mark(names[0])
    assert not playout.on_mark(names[0])
    for name in names[1:]:
        playout.on_mark(name)
    assert playout.heard_all == "Hello there."
    assert not playout.speaking


def test_without_mark_echoes_heard_text_comes_from_the_clock() -> None:
    playout = Playout("MZ1")
    playout.begin(1)
    sent(playout, "A long reply that nobody acknowledges at all.", 3.0)
    assert playout.interrupt() == ""  # interrupted at once: nothing played yet
