"""A fake OpenAI-compatible server on 127.0.0.1 that speaks the real streaming wire format.

``POST /v1/chat/completions`` with ``stream: true`` answers with Server-Sent Events of
``chat.completion.chunk`` objects, ending in ``data: [DONE]``: text as ``delta.content`` pieces,
tool calls as ``delta.tool_calls`` fragments (id and name in the first, arguments spread over
several, keyed by ``index``), then a chunk with ``finish_reason``. Replies are scripted per
request; a reply may stall (for timeouts) or fail with an HTTP status (for retries).
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web
from aiohttp.test_utils import TestServer


@dataclass
class ScriptedToolCall:
    name: str
    arguments: str  # sent as is, split in pieces: may be deliberately malformed
    id: str = "call_1"


@dataclass
class ScriptedReply:
    text: list[str] = field(default_factory=list)
    tool_calls: list[ScriptedToolCall] = field(default_factory=list)
    status: int = 200
    stall_before_s: float = 0.0  # sleep before the first byte (timeouts)
    stall_after_first_s: float = 0.0  # sleep after the first chunk (a stream that stops mid-way)


def text_reply(*pieces: str) -> ScriptedReply:
    return ScriptedReply(text=list(pieces))


def tool_reply(name: str, arguments: dict[str, Any] | str, call_id: str = "call_1") -> ScriptedReply:
    raw = arguments if isinstance(arguments, str) else json.dumps(arguments)
    return ScriptedReply(tool_calls=[ScriptedToolCall(name, raw, call_id)])


def _chunk(delta: dict[str, Any], finish: str | None = None) -> bytes:
    body = {
        "id": "chatcmpl-fake", "object": "chat.completion.chunk", "created": 1700000000, "model": "fake-model",
        "choices": [{"index": 0, "delta": delta, "logprobs": None, "finish_reason": finish}],
    }
    return f"data: {json.dumps(body)}\n\n".encode()


def _completion(reply: ScriptedReply) -> dict[str, Any]:
    """A whole (non-streamed) ``chat.completion``, as the API answers ``stream: false``."""
    message: dict[str, Any] = {"role": "assistant", "content": "".join(reply.text) or None}
    if reply.tool_calls:
        message["tool_calls"] = [{"id": call.id, "type": "function",
                                  "function": {"name": call.name, "arguments": call.arguments}}
                                 for call in reply.tool_calls]
    return {
        "id": "chatcmpl-fake", "object": "chat.completion", "created": 1700000000, "model": "fake-model",
        "choices": [{"index": 0, "message": message, "logprobs": None,
                     "finish_reason": "tool_calls" if reply.tool_calls else "stop"}],
        "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
    }


class FakeOpenAI:
    def __init__(self) -> None:
        self.replies: list[ScriptedReply] = []
        self.requests: list[dict[str, Any]] = []
        self.app = web.Application()
        self.app.router.add_post("/v1/chat/completions", self._completions)
        self.server = TestServer(self.app, host="127.0.0.1")

    @property
    def base_url(self) -> str:
        return str(self.server.make_url("/v1"))

    def script(self, *replies: ScriptedReply) -> None:
        self.replies.extend(replies)

    async def _completions(self, request: web.Request) -> web.StreamResponse:
        body = await request.json()
        self.requests.append(body)
        if request.headers.get("Authorization") is None:
            return web.json_response({"error": {"message": "no key"}}, status=401)
        reply = self.replies.pop(0) if self.replies else text_reply("(no scripted reply)")
        if reply.stall_before_s:
            await asyncio.sleep(reply.stall_before_s)
        if reply.status != 200:
            return web.json_response({"error": {"message": "scripted failure", "type": "server_error"}},
                                     status=reply.status)
        if not body.get("stream"):
            return web.json_response(_completion(reply))
        response = web.StreamResponse(headers={"Content-Type": "text/event-stream", "Cache-Control": "no-cache"})
        await response.prepare(request)
        await response.write(_chunk({"role": "assistant", "content": ""}))
        if reply.stall_after_first_s:
            await asyncio.sleep(reply.stall_after_first_s)
        for piece in reply.text:
            await response.write(_chunk({"content": piece}))
        for index, call in enumerate(reply.tool_calls):
            await response.write(_chunk({"tool_calls": [{
                "index": index, "id": call.id, "type": "function",
                "function": {"name": call.name, "arguments": ""}}]}))
            raw = call.arguments
            for start in range(0, len(raw), 7):  # arguments arrive in small fragments, as they do upstream
                await response.write(_chunk({"tool_calls": [{"index": index,
                                                              "function": {"arguments": raw[start:start + 7]}}]}))
        await response.write(_chunk({}, "tool_calls" if reply.tool_calls else "stop"))
        await response.write(b"data: [DONE]\n\n")
        await response.write_eof()
        return response

    async def __aenter__(self) -> FakeOpenAI:
        await self.server.start_server()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.server.close()


async def running() -> AsyncIterator[FakeOpenAI]:
    async with FakeOpenAI() as fake:
        yield fake
