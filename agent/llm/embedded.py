"""The embedded default: a GGUF model through llama-cpp-python, one per process, shared by all calls.

Small local models do not emit OpenAI tool calls by themselves, so every step is decoded under a
grammar built from the tool registry: the output is exactly ``{"tool": "reply", "say": "..."}`` or
``{"tool": <name>, "arguments": {...}}`` with arguments that match that tool's JSON schema, so a
call is always well-formed. ``say`` text is streamed out of the JSON string as it is generated.

The prompt starts with the system prompt, the tool list and worked examples, which stay
byte-identical across turns and calls: the KV cache of the longest common token prefix is kept,
so only what follows is evaluated (``warm`` also lets a call evaluate its history while the
caller is listening). One lock serialises the model; inference runs in a worker thread (which
releases the lock when it is done) so the event loop keeps serving audio, and a stop flag ends a
generation the caller no longer wants.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
import re
import threading
import time
from collections.abc import AsyncIterator, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from agent.llm.base import DecodeRequest, LLMEvent, LLMSettings, LLMUnavailable, Message, TextDelta, ToolCall, ToolSpec
from agent.llm.batched import BatchedEngine, BatchedModel, refuse_crashing_build

log = logging.getLogger("concierge.llm")

_END = object()
_OPEN_SAY = re.compile(r'^\s*\{\s*"tool"\s*:\s*"reply"\s*,\s*"say"\s*:\s*"')
_OPEN_TOOL = re.compile(r'^\s*\{\s*"tool"\s*:\s*"(?!reply")[a-z_]+"')


def inline_refs(schema: Mapping[str, Any]) -> dict[str, Any]:
    """Pydantic schemas use ``$defs``/``$ref``; the grammar builder and small models prefer them inlined."""
    defs = dict(schema.get("$defs", {}))

    def walk(node: Any) -> Any:
        if isinstance(node, dict):
            if "$ref" in node:
                target = walk(defs[node["$ref"].rsplit("/", 1)[-1]])
                rest = {k: walk(v) for k, v in node.items() if k != "$ref"}
                return {**target, **rest}
            return {k: walk(v) for k, v in node.items() if k not in ("$defs", "title")}
        if isinstance(node, list):
            return [walk(item) for item in node]
        return node

    return walk(dict(schema))


REPLY = "reply"
# The fixed prefix (system prompt, tools, worked examples) is ~3,400 tokens and a call keeps up to
# 24 messages of history (``agent.conversation.HISTORY_MESSAGES``, ~3,500 tokens at most): 4,096
# overflowed on long calls. The KV cache costs 12 KB a token for the 0.5B model (100 MB here).
CONTEXT_TOKENS = 8192
NEXT_TURN = "<|im_start|>user\n"
CHUNKS_KEPT = 4096
GRAMMARS_KEPT = 64
# Length bounds become deeply nested optional rules in GBNF (slow to sample); pydantic checks them anyway.
_UNGRAMMATICAL = frozenset({"maxLength", "minLength", "description", "default"})


def _grammar_friendly(node: Any) -> Any:
    if isinstance(node, dict):
        return {k: _grammar_friendly(v) for k, v in node.items() if k not in _UNGRAMMATICAL}
    if isinstance(node, list):
        return [_grammar_friendly(item) for item in node]
    return node


def output_schema(tools: Sequence[ToolSpec]) -> dict[str, Any]:
    """What one assistant step may be: a spoken reply, or one call of one registered tool.

    Both start with ``{"tool": <name>`` so the model's first real decision is between named
    actions ("reply" among them): a small model picks a tool far more often this way than when
    the first token decides between "say" and "tool".
    """
    say = {
        "type": "object",
        "properties": {"tool": {"const": REPLY}, "say": {"type": "string", "minLength": 1}},
        "required": ["tool", "say"],
        "additionalProperties": False,
    }
    calls = [
        {
            "type": "object",
            "properties": {"tool": {"const": tool.name}, "arguments": _grammar_friendly(inline_refs(tool.parameters))},
            "required": ["tool", "arguments"],
            "additionalProperties": False,
        }
        for tool in tools
    ]
    return {"oneOf": [say, *calls]}


def _signature(tool: ToolSpec) -> str:
    params = inline_refs(tool.parameters)
    required = set(params.get("required", ()))
    fields = []
    for name, prop in params.get("properties", {}).items():
        kind = prop.get("format") or prop.get("type") or "/".join(
            str(o.get("format") or o.get("type")) for o in prop.get("anyOf", []) if o.get("type") != "null"
        )
        if "enum" in prop:
            kind = "|".join(str(v) for v in prop["enum"])
        fields.append(f"{name}{'' if name in required else '?'}: {kind}")
    return f"- {tool.name}({', '.join(fields)}): {tool.description}"


def render_tools(tools: Sequence[ToolSpec]) -> str:
    lines = [
        "# Output",
        'Answer with ONE JSON object: {"tool": "reply", "say": "<words to speak>"} to talk to the caller, or '
        '{"tool": "<name>", "arguments": {...}} to use one of these tools:',
    ]
    lines += [_signature(tool) for tool in tools]
    return "\n".join(lines)


def render_message(message: Message) -> str:
    if message.role == "tool":
        return f"<|im_start|>user\n<tool_response>\n{message.content}\n</tool_response><|im_end|>\n"
    if message.role == "assistant":
        spoken = message.content and not message.tool_calls
        parts = [json.dumps({"tool": REPLY, "say": message.content})] if spoken else []
        parts += [json.dumps({"tool": c.name, "arguments": dict(c.arguments)}) for c in message.tool_calls]
        return "".join(f"<|im_start|>assistant\n{part}<|im_end|>\n" for part in parts)
    return f"<|im_start|>{message.role}\n{message.content}<|im_end|>\n"


def render_prompt(messages: Sequence[Message], tools: Sequence[ToolSpec], *, open_reply: bool = True) -> str:
    """ChatML with the tool list appended to the first system message (the fixed, cached prefix)."""
    return "".join(render_chunks(messages, tools, open_reply=open_reply))


def render_chunks(messages: Sequence[Message], tools: Sequence[ToolSpec], *, open_reply: bool = True) -> list[str]:
    """``render_prompt`` as one string per ChatML message, each starting with ``<|im_start|>``."""
    out: list[str] = []
    for index, message in enumerate(messages):
        if index == 0 and message.role == "system":
            out.append(f"<|im_start|>system\n{message.content}\n\n{render_tools(tools)}<|im_end|>\n")
        elif (message.role == "assistant" and not message.tool_calls and index > 0
              and messages[index - 1].role == "tool"):
            # What was said after a tool goes inside its response: shown as the model's own reply,
            # a small model tends to repeat it word for word on the next turn.
            out[-1] = out[-1].replace("\n</tool_response>", f"\nsaid: {message.content}\n</tool_response>")
        else:
            out.append(render_message(message))
    if open_reply:
        out.append("<|im_start|>assistant\n")
    return out


class _SayDecoder:
    """Pulls the decoded characters of the ``say`` string out of a growing JSON text."""

    def __init__(self, start: int) -> None:
        self.pos = start
        self.closed = False

    def feed(self, text: str) -> str:
        out: list[str] = []
        while self.pos < len(text) and not self.closed:
            char = text[self.pos]
            if char == '"':
                self.closed = True
                break
            if char != "\\":
                out.append(char)
                self.pos += 1
                continue
            if self.pos + 1 >= len(text):
                break  # the escape is not complete yet
            code = text[self.pos + 1]
            if code == "u":
                if self.pos + 6 > len(text):
                    break
                out.append(chr(int(text[self.pos + 2 : self.pos + 6], 16)))
                self.pos += 6
            else:
                out.append({"n": " ", "t": " ", "r": " ", "b": "", "f": ""}.get(code, code))
                self.pos += 2
        return "".join(out)


def stable_call_id(name: str, arguments: Mapping[str, Any]) -> str:
    """The same call with the same arguments gets the same id, so a retried turn replays, not repeats."""
    canonical = json.dumps({"n": name, "a": arguments}, sort_keys=True, default=str)
    return "call_" + hashlib.sha256(canonical.encode()).hexdigest()[:16]


class EmbeddedBackend:
    """llama-cpp-python under a registry-derived grammar. Build once per process with ``load``."""

    name = "embedded"
    wants_examples = True  # worked example turns in the cached prefix (see agent.conversation)

    def __init__(self, llama: Any, *, settings: LLMSettings | None = None, model_path: Path | None = None,
                 batched: BatchedModel | None = None) -> None:
        self._llama = llama
        self._batched = batched
        self.settings = settings or LLMSettings(max_tokens=160)
        self.model_path = model_path
        self._lock = asyncio.Lock()
        self._grammars: dict[str, Any] = {}
        self._chunk_tokens: dict[str, list[int]] = {}
        self.last_prompt_tokens = 0
        self.last_cached_tokens = 0
        self.last_ttft_s: float | None = None  # request to first generated token, for the benchmark

    @classmethod
    def load(cls, model_path: Path, *, settings: LLMSettings | None = None, n_ctx: int = CONTEXT_TOKENS,
             n_threads: int | None = None, alone_threads: int | None = None,
             batched: Mapping[str, Any] | None = None) -> EmbeddedBackend:
        import llama_cpp
        from llama_cpp import Llama

        refuse_crashing_build(llama_cpp.llama_print_system_info().decode())
        started = time.perf_counter()
        llama = Llama(model_path=str(model_path), n_ctx=n_ctx, n_threads=n_threads, n_batch=512, verbose=False)
        # The per-call path: a second context on the same weights, its own thread and KV cache.
        engine = BatchedEngine(llama._model.model, n_threads=n_threads, alone_threads=alone_threads,
                               **(batched or {}))
        log.info("loaded %s in %.2f s", model_path.name, time.perf_counter() - started)
        return cls(llama, settings=settings, model_path=model_path, batched=BatchedModel(engine, settings=settings))

    # -- CommandModel: per-call caches, calls decoded together (agent.llm.batched) ------------------

    def _command_model(self) -> BatchedModel:
        if self._batched is None:  # built by hand around a Llama: share its weights now
            self._batched = BatchedModel(BatchedEngine(self._llama._model.model), settings=self.settings)
        return self._batched

    async def decode(self, request: DecodeRequest) -> str:
        """The JSON text for ``request``, decoded in the call's own KV sequence (``CommandModel``)."""
        return await self._command_model().decode(request)

    async def prefill(self, session: str, messages: Sequence[Message], partial: str = "") -> None:
        await self._command_model().prefill(session, messages, partial)

    async def warm_up(self, messages: Sequence[Message]) -> None:
        """The shared prefix, evaluated at start-up without the per-request timeout."""
        await self._command_model().warm(messages)

    async def release(self, session: str) -> None:
        if self._batched is not None:
            await self._batched.release(session)

    async def aclose(self) -> None:
        if self._batched is not None:
            await self._batched.aclose()
        async with self._lock:
            close = getattr(self._llama, "close", None)
            if close is not None:
                close()

    def _grammar(self, tools: Sequence[ToolSpec]) -> Any:
        schema = json.dumps(output_schema(tools))  # key order matters: "tool" must come first
        grammar = self._grammars.pop(schema, None)
        if grammar is None:
            from llama_cpp import LlamaGrammar

            grammar = LlamaGrammar.from_json_schema(schema, verbose=False)
            self._check_grammar(grammar)
        self._grammars[schema] = grammar  # most recently used last
        while len(self._grammars) > GRAMMARS_KEPT:  # one per set of offers a call was given: bounded
            del self._grammars[next(iter(self._grammars))]
        return grammar

    def _check_grammar(self, grammar: Any) -> None:
        """llama.cpp only prints a grammar it cannot parse and then samples nothing: say so instead."""
        import llama_cpp

        sampler = llama_cpp.llama_sampler_init_grammar(
            self._llama._model.vocab, grammar._grammar.encode(), grammar._root.encode()
        )
        if not sampler:
            raise LLMUnavailable("llama.cpp could not parse the output grammar built from the tool schemas")
        llama_cpp.llama_sampler_free(sampler)

    def _tokens(self, chunks: Sequence[str]) -> list[int]:
        """The prompt's tokens, message by message, each message tokenized once per process.

        The fixed prefix and a call's history are most of every prompt and never change, so only
        the newest messages cost anything. Tokenizing per message is exact: every message starts
        with the special ``<|im_start|>`` token, which no merge crosses.
        """
        tokens: list[int] = []
        for chunk in chunks:
            cached = self._chunk_tokens.get(chunk)
            if cached is None:
                if len(self._chunk_tokens) >= CHUNKS_KEPT:
                    self._chunk_tokens.clear()  # cheap to rebuild: the next prompt re-tokenizes once
                cached = self._chunk_tokens[chunk] = list(
                    self._llama.tokenize(chunk.encode(), add_bos=False, special=True)
                )
            tokens += cached
        return tokens

    async def warm(self, messages: Sequence[Message], tools: Sequence[ToolSpec], *, partial: str = "") -> None:
        """Evaluate ``messages`` now, while nobody waits: the server's fixed prefix at start-up, a
        call's history while the caller listens, and ``partial``, the words the caller has said so
        far, while they speak. The caller's turn comes next (a tool result is a user turn too), so
        its opening ``<|im_start|>user`` is evaluated as well."""
        tokens = self._tokens([*render_chunks(messages, tools, open_reply=False), NEXT_TURN + partial])
        await self._lock.acquire()
        await asyncio.shield(self._in_thread(self._eval_prefix, tokens))

    def _in_thread(self, work: Any, *args: Any) -> asyncio.Future[Any]:
        """Run ``work`` on a worker thread holding the (already acquired) model lock.

        The lock is released by the thread itself when it is done, not by the coroutine that
        started it: a cancelled caller must not let another generation onto a model still in use.
        """
        loop = asyncio.get_running_loop()

        def run() -> Any:
            try:
                return work(*args)
            finally:
                loop.call_soon_threadsafe(self._lock.release)

        return loop.run_in_executor(None, run)

    def _eval_prefix(self, tokens: list[int]) -> None:
        # The same longest-common-prefix logic ``generate`` uses, applied without sampling.
        cached = self._llama.longest_token_prefix(self._llama._input_ids.tolist(), tokens)
        if cached < len(tokens):
            self._llama.n_tokens = cached
            self._llama.eval(tokens[cached:])

    async def stream(
        self, messages: Sequence[Message], tools: Sequence[ToolSpec], *, choices: Sequence[ToolSpec] | None = None
    ) -> AsyncIterator[LLMEvent]:
        started = time.perf_counter()
        self.last_ttft_s = None
        prompt_tokens = self._tokens(render_chunks(messages, tools))
        grammar = self._grammar(tools if choices is None else choices)
        deadline = self.settings.timeout_s
        try:
            async with asyncio.timeout(deadline):
                await self._lock.acquire()
        except TimeoutError as error:
            raise LLMUnavailable("embedded model busy: waited too long for the shared model") from error
        stop = threading.Event()
        queue: asyncio.Queue[object] = asyncio.Queue()
        loop = asyncio.get_running_loop()
        worker = self._in_thread(self._generate, prompt_tokens, grammar, stop, loop, queue)
        try:
            async for event in self._events(queue, deadline, started):
                yield event
        finally:
            stop.set()  # a consumer that stopped listening ends the generation at the next token
            try:
                await asyncio.shield(worker)
            except Exception as error:  # the error already reached the consumer through the queue
                log.debug("generation thread ended with %r", error)

    async def _events(self, queue: asyncio.Queue[object], deadline: float, started: float) -> AsyncIterator[LLMEvent]:
        text = ""
        decoder: _SayDecoder | None = None
        is_tool = False
        while True:
            try:
                async with asyncio.timeout(deadline):
                    item = await queue.get()
            except TimeoutError as error:
                raise LLMUnavailable("embedded model timed out") from error
            if isinstance(item, BaseException):
                raise LLMUnavailable(f"embedded model failed: {item}") from item
            if item is _END:
                break
            if self.last_ttft_s is None:
                self.last_ttft_s = time.perf_counter() - started
            text += str(item)
            if decoder is None and not is_tool:
                opened = _OPEN_SAY.match(text)
                if opened:
                    decoder = _SayDecoder(opened.end())
                elif _OPEN_TOOL.match(text):
                    is_tool = True
            if decoder is not None and not decoder.closed:
                piece = decoder.feed(text)
                if piece:
                    yield TextDelta(piece)
        if is_tool:
            yield self._parse_call(text)
        elif decoder is None:
            raise LLMUnavailable(f"embedded model produced no reply: {text[:80]!r}")

    @staticmethod
    def _parse_call(text: str) -> ToolCall:
        try:
            parsed = json.loads(text)
        except json.JSONDecodeError as error:  # only when max_tokens cut the object short
            return ToolCall("call_truncated", "", {}, text, malformed=f"incomplete tool call ({error.msg})")
        name = str(parsed.get("tool", ""))
        arguments = parsed.get("arguments") or {}
        return ToolCall(stable_call_id(name, arguments), name, arguments, json.dumps(arguments))

    def _generate(
        self, tokens: list[int], grammar: Any, stop: threading.Event, loop: asyncio.AbstractEventLoop,
        queue: asyncio.Queue[object],
    ) -> None:
        def put(item: object) -> None:
            loop.call_soon_threadsafe(queue.put_nowait, item)

        try:
            for piece in self._decode(tokens, grammar, stop):
                put(piece)
            put(_END)
        except Exception as error:
            put(error)

    def _decode(self, tokens: list[int], grammar: Any, stop: threading.Event) -> Iterator[str]:
        """Greedy decoding under the grammar, checking only the model's top candidates first.

        llama-cpp-python's sampler chain runs the grammar over the whole 150k-token vocabulary on
        every step (about a second per token on a busy 2-core machine). The best token the grammar
        allows is almost always among the model's top few dozen, so those are checked first and the
        full vocabulary only when none of them fits (as llama.cpp's own server does): same output,
        a fraction of the cost.
        """
        import codecs

        import llama_cpp
        import numpy as np

        llama = self._llama
        if len(tokens) + self.settings.max_tokens > llama.n_ctx():
            raise LLMUnavailable(f"the prompt ({len(tokens)} tokens) leaves no room in the model's "
                                 f"{llama.n_ctx()}-token context")
        cached = llama.longest_token_prefix(llama._input_ids.tolist(), tokens)
        self.last_cached_tokens = cached
        self.last_prompt_tokens = len(tokens)
        cached = min(cached, len(tokens) - 1)  # the last prompt token is evaluated again for its logits
        llama.n_tokens = cached
        llama.eval(tokens[cached:])
        vocab = llama._model.vocab
        sampler = llama_cpp.llama_sampler_init_grammar(vocab, grammar._grammar.encode(), grammar._root.encode())
        n_vocab = llama.n_vocab()
        candidates = (llama_cpp.llama_token_data * n_vocab)()
        table = np.ctypeslib.as_array(candidates)
        text = codecs.getincrementaldecoder("utf-8")(errors="replace")
        try:
            for _ in range(self.settings.max_tokens):
                logits = np.ctypeslib.as_array(llama._ctx.get_logits(), shape=(n_vocab,))
                token = self._pick(sampler, logits, candidates, table)
                if token is None or llama_cpp.llama_vocab_is_eog(vocab, token):
                    break
                llama_cpp.llama_sampler_accept(sampler, token)
                piece = text.decode(llama.detokenize([token]))
                if piece:
                    yield piece
                if stop.is_set():
                    break
                llama.eval([token])
        finally:
            llama_cpp.llama_sampler_free(sampler)

    @staticmethod
    def _pick(sampler: Any, logits: Any, candidates: Any, table: Any, shortlist: int = 48) -> int | None:
        import ctypes

        import llama_cpp
        import numpy as np

        top = np.argpartition(logits, -shortlist)[-shortlist:]
        for ids in (top, None):
            if ids is None:  # nothing on the shortlist fits the grammar: check every token
                ids = np.arange(len(logits))
            size = len(ids)
            table["id"][:size] = ids
            table["logit"][:size] = logits[ids]
            table["p"][:size] = 0.0
            array = llama_cpp.llama_token_data_array(
                data=ctypes.cast(candidates, ctypes.POINTER(llama_cpp.llama_token_data)), size=size, selected=-1,
                sorted=False,
            )
            llama_cpp.llama_sampler_apply(sampler, ctypes.byref(array))
            allowed = table["logit"][:size]
            best = int(np.argmax(allowed))
            if np.isfinite(allowed[best]):
                return int(table["id"][best])
        return None
