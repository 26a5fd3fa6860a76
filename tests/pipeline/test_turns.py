"""The turn detector on VAD probability sequences (32 ms windows)."""

from __future__ import annotations

from pipeline.turns import WINDOW_S, TurnDetector, TurnEvent, TurnPolicy, looks_unfinished


def feed(detector: TurnDetector, probability: float, seconds: float) -> list[tuple[float, TurnEvent]]:
    events = []
    for _ in range(round(seconds / WINDOW_S)):
        events += [(detector.now, event) for event in detector.push(probability)]
    return events


def kinds(events: list[tuple[float, TurnEvent]]) -> list[TurnEvent]:
    return [event for _, event in events]


def feed_with_transcript(detector: TurnDetector, seconds: float, transcript: str) -> list[tuple[float, TurnEvent]]:
    """Silence; the transcript arrives as soon as the detector speculates."""
    events = []
    for _ in range(round(seconds / WINDOW_S)):
        fresh = detector.push(0.02)
        if TurnEvent.SPECULATE in fresh:
            detector.set_transcript_hint(transcript)
        events += [(detector.now, event) for event in fresh]
    return events


def test_speech_then_silence_speculates_then_ends() -> None:
    detector = TurnDetector()
    events = feed(detector, 0.0, 0.5) + feed(detector, 0.9, 1.5)
    events += feed_with_transcript(detector, 1.0, "What time is check-in?")
    assert kinds(events) == [TurnEvent.SPEECH_STARTED, TurnEvent.SPECULATE, TurnEvent.END_OF_TURN]
    speech_end = detector.speech_end  # end of the last voiced window
    assert abs(speech_end - 2.0) <= 2 * WINDOW_S
    speculate_at, end_at = events[1][0], events[2][0]
    policy = TurnPolicy()
    # decisions land on the first window boundary at or after the configured silence
    assert 0 <= speculate_at - speech_end - policy.speculate_s < WINDOW_S
    assert 0 <= end_at - speech_end - policy.endpoint_s < WINDOW_S
    assert detector.utterance_start <= 0.5  # keeps the pre-roll


def test_a_pause_shorter_than_the_endpoint_is_one_turn() -> None:
    detector = TurnDetector()
    events = (feed(detector, 0.9, 1.0) + feed(detector, 0.0, 0.3)  # pause past speculation
              + feed(detector, 0.9, 1.0) + feed_with_transcript(detector, 1.0, "Two nights."))
    assert kinds(events) == [TurnEvent.SPEECH_STARTED, TurnEvent.SPECULATE, TurnEvent.RESUMED,
                             TurnEvent.SPECULATE, TurnEvent.END_OF_TURN]


def test_an_unfinished_transcript_waits_longer() -> None:
    detector = TurnDetector()
    feed(detector, 0.9, 1.0)
    events = feed(detector, 0.0, 0.2)
    assert TurnEvent.SPECULATE in kinds(events)
    detector.set_transcript_hint("I'd like to book a room for")
    assert kinds(feed(detector, 0.0, 0.6)) == []  # a plain endpoint would have ended it by now
    events = feed(detector, 0.9, 0.5)  # the caller goes on: "...two nights"
    assert kinds(events) == [TurnEvent.RESUMED]


def test_without_the_transcript_the_endpoint_waits_for_it() -> None:
    detector = TurnDetector()
    feed(detector, 0.9, 1.0)
    assert TurnEvent.END_OF_TURN not in kinds(feed(detector, 0.0, 0.7))  # transcript late: keep waiting
    detector.set_transcript_hint("What time is check-in?")
    assert kinds(feed(detector, 0.0, 0.04)) == [TurnEvent.END_OF_TURN]  # ...and release when it lands
    detector = TurnDetector()
    feed(detector, 0.9, 1.0)
    assert TurnEvent.END_OF_TURN in kinds(feed(detector, 0.0, 1.2))  # never arrives: the long endpoint


def test_clicks_are_not_turns() -> None:
    detector = TurnDetector()
    events = feed(detector, 0.9, 0.13) + feed(detector, 0.0, 1.0)
    assert kinds(events) == [TurnEvent.SPEECH_STARTED, TurnEvent.DISCARDED]


def test_barge_in_needs_sustained_speech_over_the_agent() -> None:
    detector = TurnDetector()
    detector.agent_speaking = True
    events = feed(detector, 0.9, 0.16) + feed(detector, 0.0, 0.5)  # an "mhm"
    assert TurnEvent.BARGE_IN not in kinds(events)
    assert TurnEvent.DISCARDED in kinds(events)
    detector.agent_speaking = True
    events = feed(detector, 0.9, 0.6)
    assert kinds(events) == [TurnEvent.SPEECH_STARTED, TurnEvent.BARGE_IN]
    assert events[1][0] - events[0][0] < 0.25


def test_unfinished_phrases() -> None:
    for text in ("I want to book a room for", "on the", "my number is 555 12", "Hi,", "I'd like to, um", "Hi",
                 "I'd like to book a room for.", "Good morning.", "I'd like to stay in", "Put it in room 2",
                 "Can you check on", "Put it on", "Hold on", "The 14", "Morning.", "Hello there.",
                 "Hi. Good afternoon."):
        assert looks_unfinished(text), text
    for text in ("Two nights please.", "Do you have parking?", "", "That's all, thanks.",
                 "Are pets allowed in the room.", "Yes.", "Good.", "Tomorrow morning.", "Hello?",
                 "Yes, please lock it in.", "I would like to check in.", "From the 3rd until December 14.",
                 "Count me in"):
        assert not looks_unfinished(text), text


def test_the_end_of_speech_is_the_last_loud_window_not_the_vads_lagging_end() -> None:
    detector = TurnDetector()
    events = []
    for _ in range(30):
        events += detector.push(0.9, 0.1)  # speech
    for _ in range(5):
        events += detector.push(0.9, 0.001)  # Silero still sure, but the words have stopped
    for _ in range(40):
        events += detector.push(0.05, 0.001)
    loud_end = 30 * WINDOW_S
    assert abs(detector.speech_end - loud_end) < 1e-9
    assert TurnEvent.END_OF_TURN in events


def test_line_noise_louder_than_speech_end_leaves_the_vad_in_charge() -> None:
    detector = TurnDetector()
    for _ in range(30):
        detector.push(0.9, 0.1)
    for _ in range(20):
        detector.push(0.05, 0.05)  # loud hiss, no speech
    assert abs(detector.speech_end - 30 * WINDOW_S) < 1e-9


def test_speech_whisper_could_not_make_out_is_asked_again_a_cough_is_not() -> None:
    from pipeline.call import unclear_speech
    from pipeline.frames import Transcript

    mumbled = Transcript("", True, 2.4, no_speech_prob=0.1, avg_logprob=-1.8)
    assert unclear_speech(mumbled, voiced_s=1.6)
    assert not unclear_speech(mumbled, voiced_s=0.4)  # a cough, a click
    assert not unclear_speech(Transcript("", True, 2.4, no_speech_prob=0.9), voiced_s=1.6)  # line noise
    doubted = Transcript("", True, 2.4, no_speech_prob=0.55)  # a hard voice: Whisper unsure it was speech
    assert unclear_speech(doubted, voiced_s=1.9) and not unclear_speech(doubted, voiced_s=1.1)
    assert not unclear_speech(Transcript("Two nights.", True, 1.2), voiced_s=1.0)  # heard: the agent answers


def test_a_cut_off_sentence_whisper_closed_with_a_word_of_its_own_is_unfinished() -> None:
    assert looks_unfinished("I'd like a quiet room with it.")
    assert looks_unfinished("Could you put me through to you.")
    assert not looks_unfinished("Please cancel it.")  # a whole request ending on "it"
    assert not looks_unfinished("Thank you.")


def test_a_verb_s_own_object_and_a_wish_said_whole_end_the_sentence() -> None:
    assert not looks_unfinished("Great, those towels are exactly what we need.")
    assert not looks_unfinished("Brilliant, that is everything I want.")
    assert not looks_unfinished("We will need them.")  # "them" is the verb's object, not a word Whisper added
    assert looks_unfinished("We will need")
    assert looks_unfinished("A cot for the baby and.")

