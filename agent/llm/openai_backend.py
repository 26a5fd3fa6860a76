"""OpenAI chat completions with tools and streaming; works with any OpenAI-compatible server.

Tool-call arguments arrive as string fragments spread over many chunks (keyed by ``index``); they
are joined and parsed only when the stream finishes, and a call whose arguments are not a JSON
object is still reported (``malformed``) so the conversation can tell the model to try again.
A request is retried only while nothing has been yielded: a retry after speech would repeat it.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import openai

from agent.llm.base import (
    DecodeRequest,
    LLMEvent,
    LLMSettings,
    LLMUnavailable,
    Message,
    TextDelta,
    ToolCall,
    ToolSpec,
)

log = logging.getLogger("concierge.llm")


@dataclass
class _PartialCall:
    id: str = ""
    name: str = ""
    arguments: list[str] = field(default_factory=list)

    def finish(self, index: int) -> ToolCall:
        raw = "".join(self.arguments)
        call_id = self.id or f"call_{index}"
        try:
            parsed = json.loads(raw) if raw.strip() else {}
        except json.JSONDecodeError as error:
            return ToolCall(call_id, self.name, {}, raw, malformed=f"arguments are not valid JSON ({error.msg})")
        if not isinstance(parsed, dict):
            return ToolCall(call_id, self.name, {}, raw, malformed="arguments must be a JSON object")
        return ToolCall(call_id, self.name, parsed, raw)


def _wire_message(message: Message) -> dict[str, Any]:
    if message.role == "tool":
        return {"role": "tool", "tool_call_id": message.tool_call_id, "content": message.content}
    wire: dict[str, Any] = {"role": message.role, "content": message.content}
    if message.tool_calls:
        wire["content"] = message.content or None
        wire["tool_calls"] = [
            {
                "id": call.id,
                "type": "function",
                "function": {"name": call.name, "arguments": call.raw_arguments or json.dumps(dict(call.arguments))},
            }
            for call in message.tool_calls
        ]
    return wire


class OpenAIBackend:
    """Streams from ``/chat/completions``; model, key and base URL come from Settings."""

    name = "openai"

    def __init__(
        self, *, model: str, api_key: str | None, base_url: str | None, settings: LLMSettings | None = None
    ) -> None:
        self.model = model
        self.settings = settings or LLMSettings()
        self._client = openai.AsyncOpenAI(
            api_key=api_key or "not-needed",  # local OpenAI-compatible servers accept any key
            base_url=base_url,
            timeout=self.settings.timeout_s,
            max_retries=0,  # retried here, and only before anything was yielded
        )

    async def aclose(self) -> None:
        await self._client.close()

    async def decode(self, request: DecodeRequest) -> str:
        """The command as a forced function call: its one argument is the value the schema describes."""
        function = {
            "name": "command",
            "description": "What the caller wants, as one value.",
            "parameters": {"type": "object", "properties": {"value": dict(request.schema)}, "required": ["value"],
                           "additionalProperties": False},
        }
        body: dict[str, Any] = {
            "model": self.model,
            "messages": [_wire_message(m) for m in request.messages],
            "tools": [{"type": "function", "function": function}],
            "tool_choice": {"type": "function", "function": {"name": "command"}},
            "temperature": 0,
            "max_tokens": max(request.max_tokens, 32),
        }
        attempts = self.settings.retries + 1
        for attempt in range(attempts):
            try:
                async with asyncio.timeout(self.settings.timeout_s):
                    response = await self._client.chat.completions.create(**body)
                calls = response.choices[0].message.tool_calls or []
                arguments = json.loads(calls[0].function.arguments) if calls else {}
                return json.dumps(arguments.get("value"))
            except (openai.APIError, TimeoutError, json.JSONDecodeError, IndexError, AttributeError) as error:
                if attempt == attempts - 1 or (isinstance(error, Exception) and _is_permanent(error)):
                    raise LLMUnavailable(f"{self.name}: {type(error).__name__}: {error}") from error
                log.warning("LLM request failed (%s); retrying", error)
                await asyncio.sleep(0.2 * (attempt + 1))
        raise LLMUnavailable(f"{self.name}: no answer")

    async def prefill(self, session: str, messages: Sequence[Message], partial: str = "") -> None:
        return None  # a hosted model caches prompts by itself

    async def release(self, session: str) -> None:
        return None

    async def stream(
        self, messages: Sequence[Message], tools: Sequence[ToolSpec], *, choices: Sequence[ToolSpec] | None = None
    ) -> AsyncIterator[LLMEvent]:
        attempts = self.settings.retries + 1
        for attempt in range(attempts):
            yielded = False
            try:
                async for event in self._stream_once(messages, tools):
                    yielded = True
                    yield event
                return
            except (openai.APIError, TimeoutError, json.JSONDecodeError) as error:
                if yielded or attempt == attempts - 1 or _is_permanent(error):
                    raise LLMUnavailable(f"{self.name}: {type(error).__name__}: {error}") from error
                log.warning("LLM request failed (%s); retrying", error)
                await asyncio.sleep(0.2 * (attempt + 1))

    async def _stream_once(self, messages: Sequence[Message], tools: Sequence[ToolSpec]) -> AsyncIterator[LLMEvent]:
        request: dict[str, Any] = {
            "model": self.model,
            "messages": [_wire_message(m) for m in messages],
            "stream": True,
            "max_tokens": self.settings.max_tokens,
            "temperature": 0.2,
        }
        if tools:
            request["tools"] = [tool.openai_format() for tool in tools]
        timeout = self.settings.timeout_s
        async with asyncio.timeout(timeout):
            stream = await self._client.chat.completions.create(**request)
        partial: dict[int, _PartialCall] = {}
        iterator = aiter(stream)
        try:
            while True:
                try:
                    async with asyncio.timeout(timeout):  # a stalled stream is as bad as a dead one
                        chunk = await anext(iterator)
                except StopAsyncIteration:
                    break
                for choice in chunk.choices:
                    delta = choice.delta
                    if delta is None:
                        continue
                    if delta.content:
                        yield TextDelta(delta.content)
                    for fragment in delta.tool_calls or ():
                        current = partial.setdefault(fragment.index, _PartialCall())
                        if fragment.id:
                            current.id = fragment.id
                        if fragment.function is not None:
                            if fragment.function.name:
                                current.name += fragment.function.name
                            if fragment.function.arguments:
                                current.arguments.append(fragment.function.arguments)
        finally:
            await stream.close()
        for index in sorted(partial):
            yield partial[index].finish(index)


def _is_permanent(error: Exception) -> bool:
    """Bad key, bad request, unknown model: retrying cannot help."""
    return isinstance(error, openai.APIStatusError) and 400 <= error.status_code < 500 and error.status_code != 429
