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

__all__ = ["LLMBackend", "LLMEvent", "LLMSettings", "LLMUnavailable", "Message", "TextDelta", "ToolCall", "ToolSpec"]

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
