"""The ONE registry of typed tools: what the LLM sees and what any other client calls.

A tool is a pydantic argument model (its JSON schema is what the model is shown), a description,
and a short async handler that calls back-office functions and returns a ``ToolResult``: a
line to say (a dialogue may say only its ``statement`` and ask its own question), a small payload
(ids, prices) and what the call means for the conversation (transfer, hang up, booked, cancelled).
Refusals never escape as exceptions: the registry turns invalid arguments and ``backoffice.errors``
into results the agent can speak (``tools.speech``).
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Generic, Literal, TypeVar

from pydantic import BaseModel, ValidationError

from backoffice.errors import BackofficeError
from pipeline.sentences import split_sentences
from tools.context import ToolContext
from tools.spec import ToolSpec
from tools.speech import sentence_for

log = logging.getLogger("concierge.tools")

Args = TypeVar("Args", bound=BaseModel)
Action = Literal["transfer", "hang_up"]
Effect = Literal["booked", "modified", "cancelled", "requested"]


@dataclass(frozen=True)
class ToolResult:
    ok: bool
    speech: str
    data: Mapping[str, Any] = field(default_factory=dict)
    action: Action | None = None
    effect: Effect | None = None
    error: str | None = None  # the error class name when refused

    @property
    def statement(self) -> str:
        """What the tool says, less the question it ends on: a dialogue that asks its own next question."""
        return split_question(self.speech)[0]

    @property
    def question(self) -> str:
        """The question the tool's line ends on ("Shall I book it?"), or ""."""
        return split_question(self.speech)[1]


def split_question(speech: str) -> tuple[str, str]:
    """A line split into what it states and the question it ends on, if it ends on one."""
    sentences = split_sentences(speech)
    if sentences and sentences[-1].endswith("?"):
        return " ".join(sentences[:-1]), sentences[-1]
    return speech, ""


Handler = Callable[[Any, ToolContext, str], Awaitable[ToolResult]]


@functools.cache
def _spec_of(name: str, description: str, arguments: type[BaseModel]) -> ToolSpec:
    # Pydantic's schema generation takes milliseconds; a tool's schema never changes.
    return ToolSpec(name, description, arguments.model_json_schema())


@dataclass(frozen=True)
class Tool(Generic[Args]):
    name: str
    description: str
    arguments: type[Args]
    handler: Callable[[Args, ToolContext, str], Awaitable[ToolResult]]
    books: bool = False  # creates, changes or cancels a booking (never on an out-of-scope request)

    def spec(self) -> ToolSpec:
        return _spec_of(self.name, self.description, self.arguments)


class ToolRegistry:
    def __init__(self) -> None:
        self._tools: dict[str, Tool[Any]] = {}

    def tool(
        self, name: str, description: str, *, books: bool = False
    ) -> Callable[[Callable[[Args, ToolContext, str], Awaitable[ToolResult]]], Callable[..., Awaitable[ToolResult]]]:
        """Decorator: the handler's first parameter's annotation is the argument model."""

        def register(handler: Callable[[Args, ToolContext, str], Awaitable[ToolResult]]) -> Handler:
            import inspect
            import typing

            hints = typing.get_type_hints(handler)
            first = next(iter(inspect.signature(handler).parameters))
            model = hints[first]
            if name in self._tools:
                raise ValueError(f"tool {name} registered twice")
            self._tools[name] = Tool(name, description, model, handler, books)
            return handler

        return register

    def __contains__(self, name: str) -> bool:
        return name in self._tools

    def get(self, name: str) -> Tool[Any]:
        return self._tools[name]

    @property
    def names(self) -> list[str]:
        return list(self._tools)

    def specs(self) -> list[ToolSpec]:
        return [tool.spec() for tool in self._tools.values()]

    def booking_tools(self) -> frozenset[str]:
        return frozenset(name for name, tool in self._tools.items() if tool.books)

    async def call(
        self, name: str, arguments: Mapping[str, Any], context: ToolContext, *, call_id: str = "direct"
    ) -> ToolResult:
        tool = self._tools.get(name)
        if tool is None:
            return ToolResult(False, "Sorry, I can't do that.", {"error_detail": f"unknown tool {name}"},
                              error="UnknownTool")
        try:
            parsed = tool.arguments.model_validate(dict(arguments))
        except ValidationError as invalid:
            problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in invalid.errors())
            return ToolResult(False, "Sorry, could you say that again?", {"error_detail": problems},
                              error="InvalidArguments")
        try:
            return await tool.handler(parsed, context, call_id)
        except BackofficeError as refused:
            return ToolResult(False, sentence_for(refused), {"error_detail": refused.detail,
                                                             "error_field": refused.field},
                              error=type(refused).__name__)
        except Exception:
            log.exception("tool %s failed on call %s", name, context.call_sid)
            return ToolResult(False, sentence_for(RuntimeError()), error="InternalError")


def default_registry() -> ToolRegistry:
    """The registry with every tool module loaded."""
    import tools.catalog  # noqa: F401  (registers the tools on import)

    return REGISTRY


async def call(name: str, arguments: Mapping[str, Any], context: ToolContext, *, call_id: str = "direct") -> ToolResult:
    return await default_registry().call(name, arguments, context, call_id=call_id)


REGISTRY = ToolRegistry()
