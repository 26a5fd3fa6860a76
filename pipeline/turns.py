"""Turn-taking: when the caller has finished, when to start the reply early, when they barge in.

A pure state machine on *audio time* (seconds of caller audio received), fed one VAD window at
a time, so it behaves the same at real-time pacing and in fast tests. The endpoint is two-stage:

* after ``speculate_s`` of silence the call starts the final transcript and the reply
  (speculation: nothing is played yet);
* the reply is released once the silence reaches ``endpoint_s`` - or ``unfinished_endpoint_s``
  when the transcript so far looks cut off ("... for", "on the", "room 2", a trailing comma);
* speech that resumes before the endpoint cancels the speculation and the utterance goes on,
  so a short pause mid-sentence makes one turn, not two.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from pipeline.vad import WINDOW

WINDOW_S = WINDOW / 16000


@dataclass(frozen=True)
class TurnPolicy:
    speech_threshold: float = 0.5
    silence_threshold: float = 0.35
    start_s: float = 0.096  # voiced audio needed to call it speech (3 windows)
    preroll_s: float = 0.3  # audio kept from before the detected start
    speculate_s: float = 0.1
    endpoint_s: float = 0.4
    unfinished_endpoint_s: float = 1.1
    barge_in_s: float = 0.25  # voiced audio over the agent before it stops talking
    min_utterance_s: float = 0.2  # shorter voiced bursts (a click, a cough) are not turns
    max_utterance_s: float = 28.0
    # Silero stays confident for ~50-250 ms after the last word; the end of speech is taken as
    # the last window louder than this (RMS, 1.0 = full scale), at most ``loudness_lookback_s``
    # before the VAD's own end. Line noise above it just leaves the VAD's end in charge.
    loud_rms: float = 0.01
    loudness_lookback_s: float = 0.25


class TurnEvent(Enum):
    SPEECH_STARTED = "speech_started"
    SPECULATE = "speculate"  # start the final transcript and the reply, hold the audio
    RESUMED = "resumed"  # caller spoke again before the endpoint: cancel the speculation
    END_OF_TURN = "end_of_turn"  # release the reply
    DISCARDED = "discarded"  # too short to be a turn
    BARGE_IN = "barge_in"


_UNFINISHED_WORDS = {
    "and", "or", "but", "so", "because", "for", "on", "in", "at", "to", "of", "with", "from",
    "the", "a", "an", "my", "our", "your", "is", "are", "was", "i", "i'd", "i'm", "we", "um",
    "uh", "like", "about", "than", "then", "if", "that", "this", "until",
    "by", "into", "need", "want", "would", "could",
    # openers that usually lead into the request ("Hi, ... I'd like to book")
    "hi", "hello", "hey", "well", "actually", "also", "okay so",
}


# A greeting said on its own ("Good morning." and a breath) is nearly always followed by the request.
_GREETING_ONLY = re.compile(
    r"(?:(?:um|uh|oh|well)\s+)*(?:(?:(?:hi|hello|hey|hiya)(?:\s+there)?|(?:good\s+)?(?:morning|afternoon|evening))\s*)+")


# "in"/"on" after these is an adverb that ends the phrase ("lock it in", "I'd like to check in", "log on"),
# not a preposition waiting for its object ("check on my booking", "put it on my card").
_PRONOUNS = {"it", "me", "us", "them", "him", "her", "that", "this"}
_PARTICLE_AFTER = {"in": _PRONOUNS | {"check", "checking", "log", "sign", "come", "coming"},
                   "on": {"log"}}
_MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
           "dec"}


# Words Whisper adds to close a sentence the audio cut off ("for" -> "for it."): after a preposition, an article
# or a conjunction only; after a verb they are its object ("that's what I need them for" ends "I need them.").
_FILLED_IN = {"it", "you", "them", "that", "this"}
_CUT_OFF_BEFORE = {"for", "to", "of", "with", "from", "on", "at", "about", "by", "into", "than", "and", "or", "but",
                   "the", "a", "an", "my", "our", "your", "until"}
# "That's all I need." and "It's everything we want.": whole sentences, though they end on a verb that often goes on
_WHOLE_WISH = re.compile(r"\b(?:all|everything|what|anything)\b[^.?!,]{0,20}\b(?:i|we) (?:need|want)\W*$")


def looks_unfinished(text: str) -> bool:
    """A transcript that probably stops mid-sentence: wait longer before replying."""
    stripped = text.strip()
    if not stripped:
        return False
    if stripped.endswith((",", "-", "...", "…")):
        return True
    if stripped.endswith("?"):
        return False
    if _GREETING_ONLY.fullmatch(re.sub(r"[^\w\s]", " ", stripped.lower()).strip()):
        return True
    words = [re.sub(r"[^\w']", "", word.lower()) for word in stripped.split()[-2:]]
    last, before = words[-1], words[0] if len(words) == 2 else ""
    if last.isdigit():
        return before not in _MONTHS  # "room 2" may go on to "205"; "December 14" is a whole date
    if before in _PARTICLE_AFTER.get(last, ()):
        return False
    if last in _FILLED_IN and before in _CUT_OFF_BEFORE and stripped.endswith("."):
        return True  # Whisper closes a sentence cut off after "for" with a word of its own: "... a room for it."
    if _WHOLE_WISH.search(stripped.lower()):
        return False
    return last in _UNFINISHED_WORDS


class TurnDetector:
    """Feed VAD probabilities; get ``TurnEvent``s. Times are seconds of caller audio."""

    def __init__(self, policy: TurnPolicy | None = None) -> None:
        self.policy = policy or TurnPolicy()
        self.now = 0.0
        self.in_utterance = False
        self.speculating = False
        self.utterance_start = 0.0
        self.speech_end = 0.0  # audio time speech ended (see ``loud_rms``)
        self._vad_end = 0.0  # audio time the last voiced window ended
        self._loud_end = 0.0  # audio time the last loud window ended
        self.voiced_s = 0.0  # voiced audio in this utterance
        self._run_s = 0.0  # current run of voiced windows
        self.hint_unfinished = False
        self.hint_known = False  # has the transcript of this speculation arrived?
        self.agent_speaking = False

    @property
    def silence_s(self) -> float:
        return self.now - self.speech_end

    def set_transcript_hint(self, text: str) -> None:
        """The speculative transcript arrived: it decides between the short and the long endpoint."""
        self.hint_unfinished = looks_unfinished(text)
        self.hint_known = True

    def push(self, probability: float, loudness: float | None = None) -> list[TurnEvent]:
        p = self.policy
        self.now += WINDOW_S
        if loudness is None or loudness >= p.loud_rms:
            self._loud_end = self.now
        events: list[TurnEvent] = []
        voiced = probability >= (p.silence_threshold if self.in_utterance and self._run_s > 0 else p.speech_threshold)
        if voiced:
            self._run_s += WINDOW_S
        else:
            self._run_s = 0.0
        if not self.in_utterance:
            if self._run_s >= p.start_s:
                self.in_utterance = True
                self.speculating = False
                self.hint_unfinished = self.hint_known = False
                self.utterance_start = max(0.0, self.now - self._run_s - p.preroll_s)
                self.voiced_s = self._run_s
                self.speech_end = self._vad_end = self.now
                events.append(TurnEvent.SPEECH_STARTED)
            return events
        if voiced:
            self.voiced_s += WINDOW_S
            self.speech_end = self._vad_end = self.now
            if self.speculating and self._run_s >= p.start_s:
                self.speculating = False
                self.hint_known = self.hint_unfinished = False
                events.append(TurnEvent.RESUMED)
            if self.agent_speaking and self._run_s >= p.barge_in_s:
                self.agent_speaking = False
                events.append(TurnEvent.BARGE_IN)
            if self.now - self.utterance_start >= p.max_utterance_s and not self.speculating:
                self.speculating = True  # a monologue: answer it rather than buffer forever
                events.append(TurnEvent.SPECULATE)
                events.append(self._end())
            return events
        self.speech_end = max(min(self._vad_end, self._loud_end), self._vad_end - p.loudness_lookback_s)
        silence = self.silence_s
        if not self.speculating and silence >= p.speculate_s:
            too_short = p.barge_in_s if self.agent_speaking else p.min_utterance_s
            if self.voiced_s < too_short:  # a click, a cough, an "mhm" over the agent
                self.in_utterance = False
                events.append(TurnEvent.DISCARDED)
                return events
            self.speculating = True
            events.append(TurnEvent.SPECULATE)
        if self.speculating:
            # Without the transcript we cannot tell "Hi, ..." from a finished question; the reply
            # could not start before it anyway, so wait for it (up to the long endpoint).
            finished = self.hint_known and not self.hint_unfinished
            endpoint = p.endpoint_s if finished else p.unfinished_endpoint_s
            if silence >= endpoint:
                events.append(self._end())
        return events

    def _end(self) -> TurnEvent:
        self.in_utterance = False
        self.speculating = False
        self._run_s = 0.0
        return TurnEvent.END_OF_TURN
