"""The OpenAI backend against a local server speaking the real streaming tool-call wire format."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from agent.llm.base import LLMSettings, LLMUnavailable, Message, TextDelta, ToolCall, ToolSpec
from agent.llm.openai_backend import OpenAIBackend
from tests.agent.fake_openai import FakeOpenAI, ScriptedReply, ScriptedToolCall, text_reply, tool_reply

TOOLS = [ToolSpec("check_availability", "Find free rooms", {
    "type": "object",
    "properties": {"check_in": {"type": "string"}, "check_out": {"type": "string"}},
    "required": ["check_in", "check_out"],
})]


@pytest.fixture
async def fake() -> AsyncIterator[FakeOpenAI]:
    async with FakeOpenAI() as server:
        yield server


def backend(fake: FakeOpenAI, *, timeout_s: float = 5.0, retries: int = 1) -> OpenAIBackend:
    return OpenAIBackend(model="fake-model", api_key="sk-test", base_url=fake.base_url,
                         settings=LLMSettings(timeout_s=timeout_s, retries=retries))


async def collect(llm: OpenAIBackend, messages: list[Message]) -> list[TextDelta | ToolCall]:
    return [event async for event in llm.stream(messages, TOOLS)]


async def test_text_streams_as_deltas_in_order(fake: FakeOpenAI) -> None:
    fake.script(text_reply("Hello", ", how can ", "I help?"))
    llm = backend(fake)
    events = await collect(llm, [Message("user", "hi")])
    await llm.aclose()
    assert events == [TextDelta("Hello"), TextDelta(", how can "), TextDelta("I help?")]
    request = fake.requests[0]
    assert request["stream"] is True and request["model"] == "fake-model"
    assert request["tools"][0]["function"]["name"] == "check_availability"


async def test_tool_call_fragments_are_joined_into_one_complete_call(fake: FakeOpenAI) -> None:
    fake.script(tool_reply("check_availability", {"check_in": "2026-12-04", "check_out": "2026-12-06"}, "call_9"))
    llm = backend(fake)
    events = await collect(llm, [Message("user", "Friday to Sunday?")])
    await llm.aclose()
    assert events == [ToolCall("call_9", "check_availability", {"check_in": "2026-12-04", "check_out": "2026-12-06"},
                               '{"check_in": "2026-12-04", "check_out": "2026-12-06"}')]


async def test_two_parallel_tool_calls_keep_their_own_arguments(fake: FakeOpenAI) -> None:
    fake.script(ScriptedReply(tool_calls=[ScriptedToolCall("a", '{"x": 1}', "call_a"),
                                          ScriptedToolCall("b", '{"y": 2}', "call_b")]))
    llm = backend(fake)
    events = await collect(llm, [Message("user", "both")])
    await llm.aclose()
    assert [(e.id, e.name, dict(e.arguments)) for e in events if isinstance(e, ToolCall)] == [
        ("call_a", "a", {"x": 1}), ("call_b", "b", {"y": 2})]


@pytest.mark.parametrize("raw", ['{"check_in": "2026-12-04", ', "[1, 2]", "not json"])
async def test_malformed_arguments_are_reported_not_raised(fake: FakeOpenAI, raw: str) -> None:
    fake.script(tool_reply("check_availability", raw))
    llm = backend(fake)
    events = await collect(llm, [Message("user", "x")])
    await llm.aclose()
    assert len(events) == 1 and isinstance(events[0], ToolCall)
    assert events[0].malformed is not None and events[0].arguments == {} and events[0].raw_arguments == raw


async def test_tool_history_goes_out_in_the_openai_shape(fake: FakeOpenAI) -> None:
    fake.script(text_reply("ok"))
    call = ToolCall("call_1", "check_availability", {"check_in": "2026-12-04"}, '{"check_in": "2026-12-04"}')
    history = [Message("system", "be brief"), Message("user", "rooms?"), Message("assistant", "", (call,)),
               Message("tool", '{"ok": true}', tool_call_id="call_1", name="check_availability")]
    llm = backend(fake)
    await collect(llm, history)
    await llm.aclose()
    sent = fake.requests[0]["messages"]
    assert sent[2]["tool_calls"][0]["id"] == "call_1"
    assert sent[2]["tool_calls"][0]["function"]["arguments"] == '{"check_in": "2026-12-04"}'
    assert sent[3] == {"role": "tool", "tool_call_id": "call_1", "content": '{"ok": true}'}


async def test_a_server_error_before_any_output_is_retried(fake: FakeOpenAI) -> None:
    fake.script(ScriptedReply(status=500), text_reply("second time lucky"))
    llm = backend(fake, retries=1)
    events = await collect(llm, [Message("user", "x")])
    await llm.aclose()
    assert events == [TextDelta("second time lucky")]
    assert len(fake.requests) == 2


async def test_a_bad_request_is_not_retried(fake: FakeOpenAI) -> None:
    fake.script(ScriptedReply(status=400), text_reply("never sent"))
    llm = backend(fake, retries=3)
    with pytest.raises(LLMUnavailable):
        await collect(llm, [Message("user", "x")])
    await llm.aclose()
    assert len(fake.requests) == 1


async def test_a_server_that_never_answers_times_out(fake: FakeOpenAI) -> None:
    fake.script(ScriptedReply(stall_before_s=5, text=["late"]), ScriptedReply(stall_before_s=5, text=["late"]))
    llm = backend(fake, timeout_s=0.3, retries=1)
    with pytest.raises(LLMUnavailable):
        await collect(llm, [Message("user", "x")])
    await llm.aclose()
    assert len(fake.requests) == 2  # tried twice, then gave up


async def test_a_stream_that_stalls_midway_times_out(fake: FakeOpenAI) -> None:
    fake.script(ScriptedReply(stall_after_first_s=5, text=["never"]))
    llm = backend(fake, timeout_s=0.3, retries=0)
    with pytest.raises(LLMUnavailable):
        await collect(llm, [Message("user", "x")])
    await llm.aclose()


async def test_a_command_arrives_as_a_forced_function_call_under_the_turns_schema(fake: FakeOpenAI) -> None:
    from agent.dialogue import commands
    from agent.llm.base import DecodeRequest

    fake.script(tool_reply("command", {"value": "cancel"}))
    backend = OpenAIBackend(model="fake-model", api_key="sk-test", base_url=fake.base_url,
                            settings=LLMSettings(timeout_s=2.0, retries=0))
    request = DecodeRequest("CA1", [*commands.catalogue(), Message("user", commands.turn_text("help", "drop it"))],
                            commands.schema("help"))
    assert await backend.decode(request) == '"cancel"'
    sent = fake.requests[-1]
    assert sent["tool_choice"] == {"type": "function", "function": {"name": "command"}}
    value = sent["tools"][0]["function"]["parameters"]["properties"]["value"]
    assert value["enum"] == commands.allowed("help") and "yes" not in value["enum"]
    fake.script(ScriptedReply(status=500))
    with pytest.raises(LLMUnavailable):
        await backend.decode(request)
    await backend.aclose()
