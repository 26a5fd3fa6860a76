"""Piper TTS chunking and rendering to Twilio's format."""

from __future__ import annotations

import pytest

from agent.voice_wiring import shared_models
from pipeline.audio import ulaw_rms
from pipeline.tts import speech_chunks, split_sentences


def test_chunks_grow_and_cut_at_clauses_or_phrases() -> None:
    assert speech_chunks("You said: How much is a deluxe king room per night?") == [
        "You said:", "How much is a deluxe king room per night?"]
    chunks = speech_chunks("Breakfast is served from six thirty to ten thirty on the ground floor and it is "
                           "included in every rate. Anything else?")
    assert chunks[0] == "Breakfast is served"
    assert len(chunks[1].split()) <= 12
    assert chunks[-1] == "Anything else?"
    assert " ".join(chunks) == ("Breakfast is served from six thirty to ten thirty on the ground floor and it is "
                                "included in every rate. Anything else?")
    assert speech_chunks("Sure, I can help with that.") == ["Sure,", "I can help with that."]  # a cacheable opener
    assert speech_chunks("Yes.") == ["Yes."]
    assert speech_chunks("  ") == []


def test_sentences() -> None:
    assert split_sentences("Hi there. How are you? Fine!") == ["Hi there.", "How are you?", "Fine!"]
    # An abbreviation's full stop before a lower-case word ends no sentence: Piper would pause there.
    assert split_sentences("Check-in is from 2 p.m. onwards. Anything else?") == [
        "Check-in is from 2 p.m. onwards.", "Anything else?"]
    assert speech_chunks("Check-in is from 2 p.m. onwards.") == ["Check-in is from 2 p.m. onwards."]


@pytest.mark.slow
async def test_speak_streams_8khz_ulaw_and_caches_phrases() -> None:
    tts = (await shared_models()).tts
    chunks = [chunk async for chunk in tts.speak("You said: one moment please, I am checking that for you.")]
    assert [c.text for c in chunks][0] == "You said:"
    assert all(ulaw_rms(c.ulaw) > 0.01 and 0.2 < c.seconds < 5 for c in chunks)
    first = await tts.render("You said:")
    assert first is await tts.render("You said:")  # cached: no second synthesis


@pytest.mark.slow
async def test_lines_warmed_ahead_are_in_the_cache_and_render_at_idle_priority() -> None:
    tts = (await shared_models()).tts
    lines = ["Which floor would you like the room on?", "Of course. Could you spell that for me?"]
    assert await tts.warm_cache(lines) == 2
    assert tts.cached("Which floor would you like the room on?") and tts.cached("Of course.")
    assert not tts.cached("Could you spell that for me?")  # later chunks render while the first plays
    assert await tts.warm_cache(lines) == 0  # nothing left to render
