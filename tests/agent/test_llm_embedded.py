"""The embedded backend: prompt rendering, the streamed ``say`` decoder, the grammar, and (slow) the real model."""

from __future__ import annotations

import json
from datetime import date

import pytest

from agent.llm.base import LLMSettings, Message, TextDelta, ToolCall
from agent.llm.embedded import EmbeddedBackend, _SayDecoder, output_schema, render_prompt, stable_call_id
from agent.settings import Settings
from tools.registry import default_registry


def test_say_decoder_streams_the_string_and_waits_for_whole_escapes() -> None:
    text = '{"tool": "reply", "say": "Room \\u00e9 is \\"free\\"'
    decoder = _SayDecoder(len('{"tool": "reply", "say": "'))
    pieces = [decoder.feed(text[:i]) for i in range(len('{"tool": "reply", "say": "'), len(text) + 1)]
    assert "".join(pieces) == 'Room é is "free"'
    assert not decoder.closed
    decoder.feed(text + '"}')
    assert decoder.closed


def test_the_fixed_prefix_is_identical_whatever_the_conversation() -> None:
    tools = default_registry().specs()
    system = Message("system", "You are the receptionist of a hotel.")
    one = render_prompt([system, Message("user", "hi")], tools)
    two = render_prompt([system, Message("system", "caller note"), Message("user", "a room?")], tools)
    prefix = render_prompt([system], tools, open_reply=False)
    assert one.startswith(prefix) and two.startswith(prefix)
    assert "check_availability(check_in: date" in prefix


def test_tool_calls_render_as_the_json_the_grammar_allows() -> None:
    call = ToolCall("c1", "hotel_info", {"topic": "wifi"})
    rendered = render_prompt([Message("assistant", "", (call,)), Message("assistant", "Hello")], [],)
    assert '{"tool": "hotel_info", "arguments": {"topic": "wifi"}}' in rendered
    assert '{"tool": "reply", "say": "Hello"}' in rendered


def test_the_output_grammar_compiles_for_the_whole_registry() -> None:
    llama_grammar = pytest.importorskip("llama_cpp.llama_grammar")
    schema = output_schema(default_registry().specs())
    names = [alt["properties"]["tool"]["const"] for alt in schema["oneOf"]]
    assert names[0] == "reply" and set(names[1:]) == set(default_registry().names)
    grammar = llama_grammar.json_schema_to_gbnf(json.dumps(schema))
    assert "root ::=" in grammar and len(grammar) < 40_000  # no length bounds blown up into nested rules


def test_llama_cpp_parses_the_grammar_of_every_tool_as_offered_during_a_call() -> None:
    """``json_schema_to_gbnf`` writes some regexes llama.cpp cannot parse (``\\.``); it then samples nothing."""
    llama_cpp = pytest.importorskip("llama_cpp")
    from agent.llm.model_files import ModelMissing, resolve_model_path

    try:
        path = resolve_model_path("", Settings().data_dir)
    except ModelMissing as missing:
        pytest.skip(str(missing))
    vocab_only = llama_cpp.Llama(model_path=str(path), vocab_only=True, verbose=False)
    backend = EmbeddedBackend(vocab_only)
    registry = default_registry()
    for tool in registry.specs():
        backend._grammar([tool])  # raises LLMUnavailable when llama.cpp rejects it
    from agent.dialogue import commands
    from agent.llm.batched import json_grammar

    for ask in ("help", "confirm", "dates", "more"):  # every per-turn label grammar parses too
        sampler = llama_cpp.llama_sampler_init_grammar(vocab_only._model.vocab,
                                                       json_grammar(commands.schema(ask)).encode(), b"root")
        assert sampler
        llama_cpp.llama_sampler_free(sampler)


def test_the_same_call_gets_the_same_id() -> None:
    assert stable_call_id("create_reservation", {"offer_id": "offer_1", "guest_name": "A"}) == \
        stable_call_id("create_reservation", {"guest_name": "A", "offer_id": "offer_1"})
    assert stable_call_id("x", {"a": 1}) != stable_call_id("x", {"a": 2})


@pytest.mark.slow
async def test_the_bundled_model_makes_a_well_formed_tool_call_and_a_spoken_reply() -> None:
    pytest.importorskip("llama_cpp")
    from agent.llm.model_files import ModelMissing, resolve_model_path

    settings = Settings()
    try:
        path = resolve_model_path("", settings.data_dir)
    except ModelMissing as missing:
        pytest.skip(str(missing))
    backend = EmbeddedBackend.load(path, settings=LLMSettings(timeout_s=120, max_tokens=80))
    registry = default_registry()
    tools = registry.specs()
    system = Message("system", f"You are the phone receptionist of {settings.facts.name}. Today is Tuesday "
                     f"{date(2026, 12, 1).isoformat()}. Use a tool for rooms and bookings.")
    await backend.warm([system], tools)

    events = [e async for e in backend.stream(
        [system, Message("user", "Do you have a room from Friday December 4th to Sunday December 6th for two?")],
        tools)]
    calls = [e for e in events if isinstance(e, ToolCall)]
    assert len(calls) == 1 and calls[0].malformed is None
    assert calls[0].name in registry
    registry.get(calls[0].name).arguments.model_validate(calls[0].arguments)  # matches the schema it was given
    assert backend.last_cached_tokens > 0  # the warmed prefix was reused

    # The caller's settled words, evaluated while they speak, are reused when the turn ends.
    history = [system, Message("system", "The caller is phoning from +8801711999888.")]
    await backend.warm(history, tools, partial="Hello, good")
    before_turn = len(backend._llama._input_ids)
    [e async for e in backend.stream([*history, Message("user", "Hello, good morning!")], tools)]
    assert backend.last_cached_tokens >= before_turn - 1  # only "morning!" and the turn's end were new

    events = [e async for e in backend.stream([system, Message("user", "Hello, good morning!")], tools)]
    texts = [e for e in events if isinstance(e, TextDelta)]
    calls = [e for e in events if isinstance(e, ToolCall)]
    assert texts or calls
    assert all(call.malformed is None for call in calls)
    await backend.aclose()


class SlowLlama:
    """Stands in for llama_cpp.Llama (third-party) in the one place that is about threads, not text."""

    def __init__(self) -> None:
        import numpy as np

        self.n_tokens = 0
        self.input_ids = np.zeros(64, dtype=np.intc)
        self.evaluated: list[list[int]] = []

    @property
    def _input_ids(self):  # type: ignore[no-untyped-def]
        return self.input_ids[: self.n_tokens]

    @staticmethod
    def longest_token_prefix(a: list[int], b: list[int]) -> int:
        n = 0
        for x, y in zip(a, b, strict=False):
            if x != y:
                break
            n += 1
        return n

    def tokenize(self, text: bytes, add_bos: bool = False, special: bool = True) -> list[int]:
        return [b % 50 for b in text[:40]]

    def eval(self, tokens: list[int]) -> None:
        import time

        time.sleep(0.3)
        self.input_ids[self.n_tokens: self.n_tokens + len(tokens)] = tokens
        self.n_tokens += len(tokens)
        self.evaluated.append(list(tokens))


async def test_a_cancelled_prefetch_keeps_the_model_locked_until_its_thread_is_done() -> None:
    import asyncio

    llama = SlowLlama()
    backend = EmbeddedBackend(llama)
    task = asyncio.create_task(backend.warm([Message("system", "hello there")], []))
    await asyncio.sleep(0.05)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert backend._lock.locked()  # the evaluation is still running on its thread
    for _ in range(100):
        if not backend._lock.locked():
            break
        await asyncio.sleep(0.02)
    assert not backend._lock.locked() and len(llama.evaluated) == 1
    await backend.warm([Message("system", "hello there")], [])  # already cached: nothing evaluated again
    assert len(llama.evaluated) == 1
