"""LocalAgreement-2, and the real Whisper engine's gates against hallucinated text."""

from __future__ import annotations

import numpy as np
import pytest

from agent.voice_wiring import shared_models
from pipeline.audio import InboundResampler
from pipeline.stt_streaming import (
    GatePolicy,
    LocalAgreement,
    StreamingTranscriber,
    drop_repeats,
    strip_prompt_echo,
    vocabulary_prompt,
)
from tests.pipeline.fake_twilio import ulaw_file


def words(text: str) -> list[str]:
    return text.split()


def test_words_commit_once_two_hypotheses_agree() -> None:
    agreement = LocalAgreement()
    assert agreement.update(words("I'd like")) == []
    assert agreement.update(words("I'd like to book")) == ["I'd", "like"]
    assert agreement.update(words("I'd like to look at")) == ["to"]
    assert agreement.committed == ["I'd", "like", "to"]
    # punctuation and case do not break agreement
    assert agreement.update(words("i'd like to look, at rooms")) == ["look,", "at"]
    # the committed words stand as committed ("look,"), the final pass adds the rest
    assert agreement.complete(words("I'd like to look at rooms.")) == words("I'd like to look, at rooms.")
    # a final pass that contradicts the committed words keeps them and takes its own tail
    assert agreement.complete(words("Hi, I like to look at rooms.")) == words("I'd like to look, at rooms.")


def test_a_later_pass_goes_on_after_its_own_copy_of_the_settled_words() -> None:
    agreement = LocalAgreement()
    agreement.update(words("I'd like a"))
    agreement.update(words("I'd like a room"))
    assert agreement.committed == ["I'd", "like", "a"]
    # "I would" for "I'd": the rest starts after this pass's "a", not after its third word (no "a a room")
    assert agreement.complete(words("I would like a room for two.")) == words("I'd like a room for two.")
    assert agreement.complete(words("Like a room.")) == words("I'd like a room.")
    # nothing to line up with: the pass's words after as many as were committed
    assert agreement.complete(words("Hello there, good morning")) == words("I'd like a morning")
    assert LocalAgreement().complete(words("Anything at all")) == words("Anything at all")


def test_repeated_sentences_are_cut() -> None:
    assert drop_repeats("Please hold while I try that extension. Please hold while I try that extension") == (
        "Please hold while I try that extension."
    )
    assert drop_repeats("Two nights. Two adults, please.") == "Two nights. Two adults, please."


def test_gate_rejects_typical_hallucinations() -> None:
    gate = GatePolicy()
    assert gate.rejects("Thank you.", 0.5, -0.4)
    assert gate.rejects("you", 0.99, -0.6)
    assert gate.rejects("I don't know.", 0.9, -1.5)
    assert gate.rejects("okay " * 30, 0.01, -0.1)  # a repetition loop
    assert not gate.rejects("Two nights, please.", 0.05, -0.3)
    assert not gate.rejects("10001 90210", 0.47, -0.76)  # digits read out: low confidence but real


def to_16k(ulaw: bytes) -> np.ndarray:
    resampler = InboundResampler()
    return np.concatenate([resampler.push(ulaw[i:i + 160]) for i in range(0, len(ulaw), 160)])


@pytest.mark.slow
async def test_silence_and_line_noise_transcribe_to_nothing() -> None:
    whisper = (await shared_models()).whisper
    rng = np.random.default_rng(7)
    for audio in (np.zeros(16000, np.float32), (rng.standard_normal(32000) * 0.02).astype(np.float32)):
        result = await whisper.transcribe(audio, final=True, caller=object())
        assert result is not None and result.text == ""


@pytest.mark.slow
async def test_partials_then_final_on_real_speech() -> None:
    whisper = (await shared_models()).whisper
    audio = to_16k(ulaw_file("picovoice_cheetah_test_en.ulaw"))
    transcriber = StreamingTranscriber(whisper)
    settled: list[str] = []
    transcriber.on_committed = settled.append
    for seconds in (1.5, 2.5, 3.5):
        transcriber.partial(audio[: int(seconds * 16000)])
        await transcriber._partial_task  # type: ignore[misc]
    assert transcriber.agreement.committed[0].strip(",").lower() == "today"
    assert settled and settled[-1] == transcriber.committed_text  # told each time more words settle
    assert all(later.startswith(earlier) for earlier, later in zip(settled, settled[1:], strict=False))
    final = await transcriber.final(audio)
    assert final.final and "platforms" in final.text and "used" in final.text
    assert final.text.startswith(settled[-1])  # what the agent pre-evaluated is where the turn starts
    transcriber.close()


def test_the_vocabulary_becomes_one_prompt_each_word_once() -> None:
    words = ["Harbour Inn", "Suite King", " suite ", "Suite", "check-in"]
    assert vocabulary_prompt(words, "sentence") == "A caller asks about Harbour Inn, Suite King, suite or check-in."
    assert vocabulary_prompt(words, "hotwords") == "Harbour Inn, Suite King, suite, check-in"
    assert vocabulary_prompt([], "sentence") == ""


def test_an_echo_of_the_prompts_framing_is_cut() -> None:
    assert strip_prompt_echo("A caller says, remind me which days my stay is booked for.") == (
        "Remind me which days my stay is booked for.")
    assert strip_prompt_echo("A caller asks about the suite for tonight.") == "The suite for tonight."
    assert strip_prompt_echo("I'd like a suite.") == "I'd like a suite."
    assert strip_prompt_echo("Caller ID shows my number.") == "Caller ID shows my number."


@pytest.mark.slow
async def test_a_vocabulary_makes_no_words_out_of_silence_and_is_heard() -> None:
    models = await shared_models()
    whisper = models.whisper
    rng = np.random.default_rng(11)
    try:
        whisper.vocabulary = ["Harbour Inn", "Standard Queen", "Deluxe King", "Family Two Queens", "Suite King",
                              "check-in", "check-out", "late check-out", "suite", "housekeeping"]
        for audio in (np.zeros(16000, np.float32), (rng.standard_normal(32000) * 0.02).astype(np.float32)):
            result = await whisper.transcribe(audio, final=True, caller=object())
            assert result is not None and result.text == ""
        # Without the vocabulary, tiny.en hears this as "book a sweet".
        speech = to_16k(models.tts.render_now("I would like to book a suite from Friday."))
        heard = await whisper.transcribe(speech, final=True, caller=object())
        assert heard is not None and "suite" in heard.text.lower()
    finally:
        whisper.vocabulary = ()
