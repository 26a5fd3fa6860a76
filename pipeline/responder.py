"""The seam between the audio pipeline and the conversation.

The pipeline knows audio, turns and Twilio; a ``Responder`` knows what to say. The pipeline
builds one ``Responder`` per call through a ``ResponderFactory`` (the agent's LLM conversation
in production, ``EchoResponder`` or a scripted one in tests and the stock-vs-ours benchmark) and
tells it what the caller actually heard, so history never holds words the caller did not hear.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Mapping
from dataclasses import dataclass, field
from typing import Literal, Protocol


@dataclass(frozen=True)
class CallInfo:
    """Per-call context from Twilio's ``start`` message (and the TwiML ``<Parameter>``s)."""

    call_sid: str
    stream_sid: str
    from_number: str | None = None
    to_number: str | None = None
    custom_parameters: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Say:
    """Text to speak. ``filler`` marks a holding phrase ("One moment while I check"); ``fallback`` the
    apology said instead of an answer when the agent could not answer (recorded per turn)."""

    text: str
    filler: bool = False
    fallback: bool = False


@dataclass(frozen=True)
class Transfer:
    """Hand the caller to a person (front desk number from settings unless given)."""

    reason: str
    number: str | None = None


@dataclass(frozen=True)
class HangUp:
    """End the call after what was said has played."""

    reason: str = "conversation finished"


ReplyEvent = Say | Transfer | HangUp
Outcome = Literal["booked", "cancelled", "transferred", "abandoned", "completed", "failed"]


class Responder(Protocol):
    """One call's conversation."""

    async def greeting(self) -> str:
        """What to say first (may name a returning guest); must not wait for a model."""
        ...

    def respond(self, user_text: str) -> AsyncIterator[ReplyEvent]:
        """Stream the reply to one caller turn, sentence by sentence."""
        ...

    def heard(self, heard_text: str, *, interrupted: bool) -> None:
        """The caller heard only ``heard_text`` of the last reply (all of it unless interrupted)."""
        ...

    async def close(self, outcome: Outcome | None = None) -> None:
        """The call ended; write analytics."""
        ...


class HearsPartials(Protocol):
    """Optional for a ``Responder``: told the caller's words as they settle, before the turn ends.

    ``partial_text`` only grows within a turn and is where the final transcript starts (the
    streaming transcriber's committed words), so a responder can prepare for it: the agent
    evaluates it into its model's cache. It must return at once and never act on it.
    """

    def hearing(self, partial_text: str) -> None: ...


class Anticipates(Protocol):
    """Optional for a ``Responder``: told what the caller said when they pause, before the turn ends.

    The caller has paused (``TurnPolicy.speculate_s``) but the endpoint has not come yet. ``paused``
    gets the latest partial transcript at once (the final transcript is being made, and most of its
    words are these); ``anticipate`` gets the final transcript, which usually reaches ``respond`` a
    few hundred milliseconds later. A responder may prepare or work out what the words mean
    meanwhile, but must return at once and change nothing the caller could notice: the caller may
    go on talking, and then this text never arrives.
    """

    def paused(self, words_so_far: str) -> None: ...

    def anticipate(self, user_text: str) -> None: ...


class AsksAgain(Protocol):
    """Optional for a ``Responder``: told that the pipeline itself asked the caller to say it again.

    The caller spoke but Whisper could not make out the words, so the call loop said
    ``NOT_CAUGHT`` without asking the responder. The caller's next words repeat what was lost,
    not an answer to the responder's own last question; a responder may read them accordingly.
    """

    def asked_again(self) -> None: ...


class ResponderFactory(Protocol):
    def __call__(self, call: CallInfo) -> Responder: ...


class EchoResponder:
    """Repeats what the caller said: the fixed reply stage for benchmarks and pipeline tests."""

    def __init__(self, call: CallInfo, greeting: str = "Hello, thanks for calling. How can I help?") -> None:
        self.call = call
        self._greeting = greeting
        self.history: list[tuple[str, str]] = []
        self.settled: list[str] = []  # what the pipeline reported while the caller spoke (HearsPartials)
        self.anticipated: list[str] = []  # the transcripts it reported at a pause (Anticipates)

    async def greeting(self) -> str:
        return self._greeting

    def hearing(self, partial_text: str) -> None:
        self.settled.append(partial_text)

    def paused(self, words_so_far: str) -> None:
        return None

    def anticipate(self, user_text: str) -> None:
        self.anticipated.append(user_text)

    async def respond(self, user_text: str) -> AsyncIterator[ReplyEvent]:
        self.history.append(("user", user_text))
        reply = f"You said: {user_text}"
        self.history.append(("assistant", reply))
        yield Say(reply)

    def heard(self, heard_text: str, *, interrupted: bool) -> None:
        if interrupted and self.history and self.history[-1][0] == "assistant":
            self.history[-1] = ("assistant", heard_text)

    async def close(self, outcome: Outcome | None = None) -> None:
        return None
