"""The per-call batched engine on the bundled model: schema-true JSON, caches kept per call, forced runs.

The model tests are ``slow``: on 2 idle cores they take ~20 s together (the shared prefix alone is ~700 tokens).
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal

import pytest
from pydantic import BaseModel, ConfigDict

from agent.llm.base import DecodeRequest, LLMSettings, LLMUnavailable, Message
from agent.llm.batched import (
    PREFILL_STEP_S,
    BatchedModel,
    DecodeStats,
    _is_utf8_boundary,
    json_grammar,
    refuse_crashing_build,
    render_message,
)
from agent.settings import Settings

Intent = Literal["book", "cancel", "change_dates", "find_booking", "hotel_fact", "human", "goodbye", "out_of_scope"]


class Command(BaseModel):
    model_config = ConfigDict(extra="forbid")
    intent: Intent
    confirmed: bool


class SlotValue(BaseModel):
    model_config = ConfigDict(extra="forbid")
    slot: Literal["guest_name", "room_type", "guests"]
    value: str


INTENT = {"enum": list(Intent.__args__)}  # type: ignore[attr-defined]
COMMAND = Command.model_json_schema()
SLOT = SlotValue.model_json_schema()
# ~700 tokens, the same for every call, as the lead's command prompt will be.
SYSTEM = Message("system", "You are the telephone concierge of the Hotel Sonargaon in Dhaka. " + " ".join(
    f"Rule {i}: when the caller asks about {topic}, answer with the intent that names it, never invent a code."
    for i, topic in enumerate(["booking a room", "cancelling a booking", "changing the dates", "breakfast hours",
                               "the wifi password", "parking", "late check-out", "speaking to a person",
                               "saying goodbye", "finding a booking", "room types", "prices", "the pool",
                               "airport transfers", "the gym", "laundry", "pets", "smoking", "children",
                               "accessibility", "payment", "invoices", "the restaurant", "room service"])
) + '\nAnswer with JSON only, for example {"intent": "cancel", "confirmed": false}.')
TURNS = [
    "Hi, I'd like to cancel my reservation please.",
    "Can I get a double room from the third to the sixth?",
    "What time does breakfast start?",
    "Could you put me through to someone at the front desk?",
    "Actually I need to move my booking to next week.",
    "Is there parking at the hotel?",
    "That's all, thank you, goodbye!",
    "Do you have my booking under the name Tahmina?",
]


def test_the_grammar_admits_exactly_the_json_dumps_layout() -> None:
    gbnf = json_grammar(COMMAND)
    assert 'space ::= ""' in gbnf
    assert '":" " "' in gbnf and '"," " "' in gbnf  # json.dumps's ": " and ", ", nothing optional
    assert json_grammar(INTENT, lead=" ").splitlines()[0] == 'root ::= " " (' + json_grammar(INTENT).splitlines()[0][
        len("root ::= "):] + ")"


def test_a_llama_cpp_built_with_the_crashing_amx_kernels_is_refused_with_the_way_out() -> None:
    with pytest.raises(LLMUnavailable, match="AMX.*delete .venv"):
        refuse_crashing_build("CPU : SSE3 = 1 | AVX512 = 1 | AVX512_VNNI = 1 | AMX_INT8 = 1 | OPENMP = 1 |")
    refuse_crashing_build("CPU : SSE3 = 1 | AVX512 = 1 | AVX512_VNNI = 1 | OPENMP = 1 |")  # no AMX: loads


def test_a_partly_forced_character_is_not_a_boundary() -> None:
    assert _is_utf8_boundary(bytearray(b'"caf'))
    assert _is_utf8_boundary(bytearray("café".encode()))
    assert not _is_utf8_boundary(bytearray("café".encode())[:-1])
    assert render_message(Message("user", "hi")) == "<|im_start|>user\nhi<|im_end|>\n"


@pytest.fixture(scope="module")
def model_path() -> Path:
    pytest.importorskip("llama_cpp")
    from agent.llm.model_files import ModelMissing, resolve_model_path

    try:
        return resolve_model_path("", Settings().data_dir)
    except ModelMissing as missing:
        pytest.skip(str(missing))


@pytest.fixture(scope="module")
def model(model_path: Path) -> Iterator[BatchedModel]:
    # The default layout, smaller: 11 streams of 1,536 cells (the prefix here is ~700 tokens).
    loaded = BatchedModel.load(model_path, settings=LLMSettings(timeout_s=300), n_ctx=11 * 1536, max_sessions=10)
    yield loaded
    loaded.close()


def _request(session: str, text: str, schema: dict = INTENT, history: tuple[Message, ...] = ()) -> DecodeRequest:
    return DecodeRequest(session, [SYSTEM, *history, Message("user", text)], schema)


def _stats(model: BatchedModel, session: str) -> DecodeStats:
    return model.last_stats[session]


@pytest.mark.slow
async def test_every_output_parses_against_its_schema(model: BatchedModel) -> None:
    outputs = await asyncio.gather(
        *(model.decode(_request(f"schema-{i}", text, COMMAND)) for i, text in enumerate(TURNS[:4])),
        model.decode(_request("schema-slot", "My name is Anwar Hossain.", SLOT)),
        model.decode(_request("schema-enum", TURNS[0])),
    )
    for text in outputs[:4]:
        Command.model_validate_json(text)
        assert text == json.dumps(json.loads(text))  # the one layout the grammar allows
    SlotValue.model_validate_json(outputs[4])
    assert json.loads(outputs[5]) in INTENT["enum"]
    sessions = [*(f"schema-{i}" for i in range(4)), "schema-slot", "schema-enum"]
    await asyncio.gather(*(model.release(session) for session in sessions))


@pytest.mark.slow
async def test_forced_text_rides_with_the_prompt_and_the_end_is_never_evaluated(model: BatchedModel) -> None:
    text = await model.decode(_request("forced", TURNS[0], COMMAND))
    stats = _stats(model, "forced")
    # '{"intent": "' is forced before the model speaks, '", "confirmed": ' after the intent, '}' at the end:
    # the model chose 2-3 tokens of the ~12 the output has.
    assert stats.forced_tokens >= stats.output_tokens - 3
    assert stats.generation_steps <= 1  # the intent rides on the speculated ' "', the boolean takes a step
    assert stats.unevaluated_tokens >= 2  # the last choice and the closing brace are never evaluated
    assert stats.evaluated_tokens == stats.prompt_tokens - stats.cached_tokens + stats.output_tokens + \
        stats.held_rejected - stats.unevaluated_tokens
    Command.model_validate_json(text)
    await model.release("forced")

    model.engine.forcing = False  # the reference: one model step per output token
    try:
        assert await model.decode(_request("unforced", TURNS[0], COMMAND)) == text
    finally:
        model.engine.forcing = True
    unforced = _stats(model, "unforced")
    assert unforced.generation_steps == unforced.output_tokens  # the last step's pick is the end
    assert stats.generation_steps + 6 <= unforced.generation_steps
    await model.release("unforced")


@pytest.mark.slow
async def test_the_same_request_gives_the_same_output_alone_and_among_seven_others(model: BatchedModel) -> None:
    alone = [await model.decode(_request(f"alone-{i}", TURNS[i], COMMAND)) for i in range(2)]
    for i in range(2):
        await model.release(f"alone-{i}")
    together = await asyncio.gather(*(model.decode(_request(f"together-{i}", turn, COMMAND))
                                      for i, turn in enumerate(TURNS)))
    assert together[:2] == alone
    assert max(_stats(model, f"together-{i}").steps for i in range(8)) <= 3  # decoded together, not in turn
    await asyncio.gather(*(model.release(f"together-{i}") for i in range(8)))


@pytest.mark.slow
async def test_a_calls_next_turn_evaluates_only_its_new_messages(model: BatchedModel) -> None:
    first = await model.decode(_request("reuse", TURNS[0]))
    before = _stats(model, "reuse")
    history = (Message("user", TURNS[0]), Message("assistant", "Sure. Can I have the confirmation code?"))
    second = await model.decode(_request("reuse", "It is ABC123, please cancel it.", history=history))
    stats = _stats(model, "reuse")
    new_messages = sum(len(model._tokens([render_message(m)])[0]) for m in
                       [history[1], Message("user", "It is ABC123, please cancel it.")])
    assert stats.cached_tokens >= before.prompt_tokens  # the first turn's prompt was kept, to the last token
    assert stats.prompt_tokens - stats.cached_tokens <= new_messages + 3  # + "<|im_start|>assistant\n"
    assert json.loads(first) in INTENT["enum"] and json.loads(second) in INTENT["enum"]
    await model.release("reuse")


@pytest.mark.slow
async def test_release_frees_the_calls_sequence_and_a_later_call_starts_clean(model: BatchedModel) -> None:
    await model.decode(_request("released", TURNS[2]))
    assert model.engine.kv_positions("released") > 0
    await model.release("released")
    assert model.engine.sequence_tokens("released") is None
    assert model.engine.kv_positions("released") == 0
    assert all(seq.session != "released" for seq in model.engine._seqs)
    await model.decode(_request("released", TURNS[2]))  # forks the shared prefix again, no history
    assert _stats(model, "released").cached_tokens == model._tokens([render_message(SYSTEM)])[1][0]
    await model.release("released")


@pytest.mark.slow
async def test_prefill_while_the_caller_speaks_leaves_only_the_tail_for_the_decode(model: BatchedModel) -> None:
    history = (Message("user", TURNS[1]), Message("assistant", "We have a double room. Under which name?"))
    await model.prefill("prefilled", [SYSTEM, *history], partial="The name is Rahul")
    await model.decode(_request("prefilled", "The name is Rahul Das, and it's for two nights.", SLOT, history))
    stats = _stats(model, "prefilled")
    tail = len(model._tokens(["<|im_start|>user\nThe name is Rahul Das, and it's for two nights.<|im_end|>\n"
                              "<|im_start|>assistant\n"])[0]) - len(model._tokens(["<|im_start|>user\nThe name"
                                                                                   " is Rahul"])[0])
    assert stats.prompt_tokens - stats.cached_tokens <= tail + 2  # "Rahul" may be re-split as "Rahul Das"
    await model.release("prefilled")


@pytest.mark.slow
async def test_an_answer_inline_after_the_words_leaves_one_token_after_them(model: BatchedModel) -> None:
    words = "Caller: Could somebody bring a hair dryer up to my room?"
    examples = Message("system", f'{SYSTEM.content}\nCaller: Is there parking? => "hotel_fact"')
    for session, after in (("inline", " =>"), ("own-turn", "")):
        await model.prefill(session, [examples], partial=words)
        request = DecodeRequest(session, [examples, Message("user", words)], INTENT, answer_after=after)
        output = await model.decode(request)
        assert json.loads(output) in INTENT["enum"]
        stats = _stats(model, session)
        assert output.startswith(' "') if after else output.startswith('"')
        await model.release(session)
        if after:
            inline = stats.prompt_tokens - stats.cached_tokens
        else:
            own_turn = stats.prompt_tokens - stats.cached_tokens
    assert inline <= 2 < 5 <= own_turn  # " =>" (and a word BPE re-split), against <|im_end|> ... assistant


@pytest.mark.slow
async def test_a_decode_is_served_before_a_long_prefill_that_was_first(model: BatchedModel) -> None:
    history = tuple(Message("user" if i % 2 == 0 else "assistant", f"{TURNS[i % 8]} (turn {i})") for i in range(12))
    prefill = asyncio.ensure_future(model.prefill("long-prefill", [SYSTEM, *history]))
    await asyncio.sleep(0)
    await model.decode(_request("urgent", TURNS[6]))
    assert not prefill.done()  # ~250 tokens of prefill in short steps: still going
    await prefill
    prompt, _shared = model._prompt([SYSTEM, *history], "<|im_start|>user\n")
    assert model.engine.sequence_tokens("long-prefill") == len(prompt)
    await asyncio.gather(model.release("long-prefill"), model.release("urgent"))


@pytest.mark.slow
async def test_background_prefill_steps_last_as_long_as_the_measured_speed_allows(model: BatchedModel) -> None:
    engine = model.engine
    await model.prefill("paced", [SYSTEM], partial="Hello")  # forks the shared prefix
    steps, tokens = engine.steps, engine.sequence_tokens("paced")
    engine.prefill_step_s = 1e-6  # shorter than any step: one token a step
    try:
        await model.prefill("paced", [SYSTEM], partial="Hello, I would like to book a double room for three nights")
    finally:
        engine.prefill_step_s = PREFILL_STEP_S
    added = engine.sequence_tokens("paced") - tokens
    assert added >= 8 and engine.steps - steps == added
    assert engine.prefill_token_s != 0.03  # measured, no longer the first guess
    fits = int(PREFILL_STEP_S / engine.prefill_token_s)
    assert engine.prefill_budget() == max(1, min(engine.prefill_step_tokens, fits))
    await model.release("paced")


@pytest.mark.slow
async def test_a_newer_prefill_replaces_the_queued_one(model: BatchedModel) -> None:
    first = asyncio.ensure_future(model.prefill("speaking", [SYSTEM], partial="I would like"))
    second = asyncio.ensure_future(model.prefill("speaking", [SYSTEM], partial="I would like to book a room"))
    await asyncio.gather(first, second)
    assert model.engine.sequence_tokens("speaking") == len(
        model._prompt([SYSTEM], "<|im_start|>user\nI would like to book a room")[0])
    await model.release("speaking")


@pytest.mark.slow
async def test_a_timeout_is_llm_unavailable_and_the_engine_goes_on(model: BatchedModel) -> None:
    impatient = BatchedModel(model.engine, settings=LLMSettings(timeout_s=0.0001))
    with pytest.raises(LLMUnavailable, match="timed out"):
        await impatient.decode(_request("impatient", "Please tell me everything about the hotel."))
    assert json.loads(await model.decode(_request("patient", TURNS[6]))) in INTENT["enum"]
    await asyncio.gather(model.release("impatient"), model.release("patient"))


@pytest.mark.slow
async def test_a_call_too_long_for_its_share_of_the_cache_is_a_clear_error(model: BatchedModel) -> None:
    with pytest.raises(LLMUnavailable, match="tokens of its own"):
        await model.decode(_request("long", "word " * 2000))


@pytest.mark.slow
async def test_the_embedded_backend_serves_commands_and_the_old_stream_on_one_set_of_weights(
    model_path: Path,
) -> None:
    from agent.llm.embedded import EmbeddedBackend

    backend = EmbeddedBackend.load(model_path, settings=LLMSettings(timeout_s=300, max_tokens=24))
    try:
        command, events = await asyncio.gather(
            backend.decode(_request("both", TURNS[0], COMMAND)),
            _collect(backend.stream([SYSTEM, Message("user", TURNS[2])], [])),
        )
        Command.model_validate_json(command)
        assert events  # the single-sequence path still answers, alongside
        await backend.prefill("both", [SYSTEM], partial="And")
        await backend.release("both")
    finally:
        await backend.aclose()


async def _collect(stream: Any) -> list[Any]:
    return [event async for event in stream]


@pytest.mark.slow
async def test_a_unified_cache_shares_the_prefix_between_calls_and_decodes_the_same(
    model: BatchedModel, model_path: Path,
) -> None:
    unified = BatchedModel.load(model_path, settings=LLMSettings(timeout_s=300), kv_unified=True, n_ctx=4096,
                                max_sessions=3)
    try:
        outputs = await asyncio.gather(*(unified.decode(_request(f"one-pool-{i}", TURNS[i], COMMAND))
                                         for i in range(2)))
        shared = model._tokens([render_message(SYSTEM)])[1][0]
        assert all(_stats(unified, f"one-pool-{i}").cached_tokens == shared for i in range(2))  # forked, not evaluated
        assert outputs[0] == await model.decode(_request("streams-0", TURNS[0], COMMAND))
        await model.release("streams-0")
    finally:
        unified.close()


@pytest.mark.slow
async def test_a_lone_calls_decode_takes_every_core_and_several_calls_share_them(model: BatchedModel) -> None:
    engine = model.engine
    saved = engine.threads, engine.alone_threads
    engine.threads, engine.alone_threads = 1, 2
    try:
        await model.decode(_request("lone", TURNS[0], COMMAND))
        assert engine.step_threads == 2  # the only call: the voice engines wait on this decode
        await model.prefill("other", [SYSTEM], "")
        await model.decode(_request("lone", TURNS[1], COMMAND))
        assert engine.step_threads == 1  # another call may be transcribing: no thread waits on a barrier
    finally:
        engine.threads, engine.alone_threads = saved
        await model.release("lone")
        await model.release("other")
