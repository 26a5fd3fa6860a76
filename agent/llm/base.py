"""The one interface every language-model backend implements.

A backend streams one assistant step for a list of messages and the tool schemas: text deltas as
they are generated, and tool calls only once they are complete (a half-streamed call is useless to
the caller). The conversation decides what to do with them; a backend never runs a tool.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol

from tools.spec import ToolSpec

__all__ = [
    "CommandModel", "DecodeRequest", "LLMBackend", "LLMEvent", "LLMSettings", "LLMUnavailable", "Message",
    "TextDelta", "ToolCall", "ToolSpec",
]

Role = Literal["system", "user", "assistant", "tool"]


@dataclass(frozen=True)
class ToolCall:
    """A complete tool call. ``malformed`` says why ``raw_arguments`` could not be parsed, if so."""

    id: str
    name: str
    arguments: Mapping[str, Any]
    raw_arguments: str = ""
    malformed: str | None = None


@dataclass(frozen=True)
class TextDelta:
    text: str


LLMEvent = TextDelta | ToolCall


@dataclass(frozen=True)
class Message:
    role: Role
    content: str = ""
    tool_calls: tuple[ToolCall, ...] = ()
    tool_call_id: str | None = None
    name: str | None = None


@dataclass(frozen=True)
class LLMSettings:
    """Per-request knobs shared by the backends."""

    timeout_s: float = 8.0
    max_tokens: int = 256
    retries: int = 1
    extra: Mapping[str, Any] = field(default_factory=dict)


class LLMUnavailable(Exception):
    """The model could not answer (down, timed out, refused). The conversation says a fallback."""


class LLMBackend(Protocol):
    name: str

    def stream(
        self, messages: Sequence[Message], tools: Sequence[ToolSpec], *, choices: Sequence[ToolSpec] | None = None
    ) -> AsyncIterator[LLMEvent]:
        """One assistant step: text deltas and/or complete tool calls. Raises ``LLMUnavailable``.

        ``tools`` is what the model is shown (stable across a call, so it can be a cached prefix);
        ``choices``, when given, is what it may call this step (``ToolRegistry.choices``). A backend
        that cannot constrain its output ignores it: the tools refuse unknown ids anyway.
        """
        ...

    async def aclose(self) -> None: ...


@dataclass(frozen=True)
class DecodeRequest:
    """One grammar-constrained completion for one call.

    ``messages`` are plain chat messages (role and content only). Every call's prompt starts with
    the same system message(s), so a backend can evaluate that prefix once and share it; what
    follows is the call's own. ``schema`` is the JSON schema the output must match: the backend
    returns the generated JSON text, never anything that does not parse against it.
    """

    session: str  # one model cache (KV sequence) per session: the call SID
    messages: Sequence[Message]
    schema: Mapping[str, Any]
    max_tokens: int = 48
    # The answer continues the last (user) message after this mark, as in inline examples ('... => "book"'),
    # instead of in an assistant turn of its own: on the embedded model that is 1 token after the caller's
    # words, not 5 (``<|im_end|>``, a newline, ``<|im_start|>assistant``, a newline). Chat APIs ignore it.
    answer_after: str = ""


class CommandModel(Protocol):
    """A model that turns a prompt into JSON matching a schema, one cache per call, many calls at once."""

    name: str

    async def decode(self, request: DecodeRequest) -> str:
        """The JSON text generated for ``request``. Raises ``LLMUnavailable`` (timeout, failure)."""
        ...

    async def prefill(self, session: str, messages: Sequence[Message], partial: str = "") -> None:
        """Evaluate ``messages`` and then the opening of a user message holding ``partial`` into the
        session's cache now, while nobody waits (the caller is still speaking). Never blocks a
        ``decode`` of another session for long; may be cancelled; failures are ignored by callers."""
        ...

    async def release(self, session: str) -> None:
        """The call ended: free its cache."""
        ...

    async def aclose(self) -> None: ...
