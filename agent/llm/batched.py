"""Many calls on one embedded model: one KV sequence per call, their waiting tokens decoded together.

llama-cpp-python's ``Llama`` decodes one sequence (seq 0) at a time, so a second call waits for the
first call's whole turn and then re-evaluates its own history over the first one's. Here one
``llama_context`` holds up to ``max_sessions`` sequences, one per call, each in its own KV stream
(a unified cache, one pool for all, is an option: measured slower, see ``SEQUENCE_TOKENS``):

- The shared system message is evaluated once into sequence 0 and forked into a new call's
  sequence with ``llama_memory_seq_cp`` (a copy of its stream; in a unified cache, a tag on the cells).
- A call's sequence keeps its tokens between turns. A request evaluates only what follows the
  longest common prefix with them (``llama_memory_seq_rm`` drops the diverging tail), at positions
  that continue the sequence exactly.
- One thread owns the context. Each step it puts the waiting sequences' tokens into one
  ``llama_batch`` and calls ``llama_decode`` once: decodes first (generated tokens, then their
  prompts within a budget, oldest first), prefills only when no decode waits, in chunks sized to last
  ``PREFILL_STEP_S`` at the measured speed, so a decode that arrives behind them starts within one
  short step.
- Every request has its own grammar sampler (from its JSON schema). Decoding is greedy; the
  grammar is checked against the model's top candidates first and the whole vocabulary only when
  none fits. Where the grammar allows exactly one next byte (``{"intent": "``, closing quotes and
  braces, the rest of the only enum value left), that text is appended without a model step of its
  own: it rides in the batch with the token before it, and once nothing but the end can follow,
  generation stops without evaluating the rest. A forced run's last token, when a longer token
  could start with it, is evaluated on speculation in the same step (with logits before and after
  it): if the model picks it, the next choice needs no step of its own. A string-enum output is
  typically decided in the prompt's own step.

Callers on the event loop get ``concurrent.futures.Future``s (see ``BatchedModel``, which renders
ChatML, tokenizes per message and wraps the futures for asyncio).
"""

from __future__ import annotations

import asyncio
import bisect
import concurrent.futures
import contextlib
import ctypes
import itertools
import json
import logging
import re
import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from agent.llm.base import DecodeRequest, LLMSettings, LLMUnavailable, Message

log = logging.getLogger("concierge.llm")

# A call's stream holds the ~1,000-token shared prefix and ~1,500 tokens of its own; 17 streams
# (16 calls and the prefix) are 43,520 cells. f16 KV costs 12 KB a token for the 0.5B model: 510 MB.
SEQUENCE_TOKENS = 2560
# Unified alternative: one pool of 32,768 cells (384 MB), the prefix stored once. Measured slower:
# cells freed by ended turns leave holes, new tokens go ever further up the pool, and every token
# then attends (masked) over all of it: a 32-token step took 0.27 s with 12,700 cells in use
# against 0.19 s compact, and 0.16-0.18 s in a split cache (2 idle cores, 2026-11-30).
UNIFIED_CONTEXT_TOKENS = 32768
MAX_SESSIONS = 16
DECODE_STEP_TOKENS = 256  # prompt tokens of waiting decodes per step (generated tokens come on top)
PREFILL_STEP_TOKENS = 64  # prefill tokens per step, all sessions together, at most
PREFILL_CHUNK = 32  # prefill tokens per session per step, at most
# A background prefill step is sized to last about this long at the measured speed, since a decode that
# arrives during it waits for it to end. 32 tokens took 0.84 s on one thread of a 2-core VM, where a caller's
# turn then waited ~0.45 s behind the prefill of the words said before their pause.
PREFILL_STEP_S = 0.2
SHORTLIST = 48  # top candidates checked against the grammar before the whole vocabulary
FORCED_BYTES_MAX = 256
CHUNKS_KEPT = 8192
GRAMMARS_KEPT = 64
_BASE_SEQ = 0
_JSON_WS = frozenset(b" \t\n\r")
_ASSISTANT = "<|im_start|>assistant\n"
_NEXT_USER = "<|im_start|>user\n"
WARM_SESSION = "warm-up"


def refuse_crashing_build(system_info: str) -> None:
    """Raise ``LLMUnavailable`` for a llama.cpp built with ggml's AMX kernels (``AMX_INT8 = 1`` in its system
    info): on Sapphire Rapids-class Xeons they segfault on the first prompt of a Q4_K_M model like ours
    (``ggml_backend_amx_mul_mat``, llama.cpp issue 20824), which would take the whole server down. The
    ``concierge`` script builds without them; a build from elsewhere is refused with the way out, and the
    server reads callers' words by keywords meanwhile."""
    if re.search(r"\bAMX_INT8 = 1\b", system_info):
        raise LLMUnavailable(
            "this llama-cpp-python was compiled with ggml's AMX kernels, which crash on this model (llama.cpp "
            "issue 20824); rebuild it without them: `pip cache remove llama_cpp_python`, delete .venv and run "
            "./concierge again (it compiles with -mno-amx-tile -mno-amx-int8 -mno-amx-bf16)")


class DecodeFailed(Exception):
    """A request the engine could not complete; ``BatchedModel`` turns it into ``LLMUnavailable``."""


@dataclass
class DecodeStats:
    """What one request cost, for tests and the benchmark."""

    prompt_tokens: int = 0  # the rendered prompt
    cached_tokens: int = 0  # of them already in the session's sequence when the request started
    evaluated_tokens: int = 0  # tokens this request put through the model (prompt tail and output)
    output_tokens: int = 0  # tokens of the output (chosen by the model or forced)
    forced_tokens: int = 0  # output tokens the grammar dictated (no model step of their own)
    held_rejected: int = 0  # speculated held-back tokens the model did not choose (evaluated in vain)
    unevaluated_tokens: int = 0  # forced output at the end, never evaluated
    steps: int = 0  # llama_decode calls this request had tokens in
    generation_steps: int = 0  # of them after the prompt was complete
    queued_s: float = 0.0  # submit to first step
    total_s: float = 0.0  # submit to result


@dataclass(frozen=True)
class DecodeResult:
    text: str
    stats: DecodeStats


def render_message(message: Message) -> str:
    """One ChatML message. Identical for prefill and decode, so their token prefixes match."""
    return f"<|im_start|>{message.role}\n{message.content}<|im_end|>\n"


def tokenize(vocab: Any, data: bytes, *, special: bool) -> list[int]:
    import llama_cpp

    size = len(data) + 8
    buffer = (llama_cpp.llama_token * size)()
    count = llama_cpp.llama_tokenize(vocab, data, len(data), buffer, size, False, special)
    if count < 0:  # cannot happen with one token per byte at most, but the API says how much to allocate
        size = -count
        buffer = (llama_cpp.llama_token * size)()
        count = llama_cpp.llama_tokenize(vocab, data, len(data), buffer, size, False, special)
    return list(buffer[:count])


def json_grammar(schema: Mapping[str, Any], lead: str = "") -> str:
    """GBNF for ``schema`` that admits exactly ``json.dumps``'s layout: ``{"a": 1, "b": [2, 3]}``.

    llama-cpp-python's converter allows an optional space after every bracket, colon, comma and
    value. Optional whitespace is a choice at each of those points, so no run of output could be
    forced through it; and a model that adds a space where it saw none in the prompt is off its
    examples. One layout makes ``{"intent": "`` a single forced run. ``lead``: text the output starts
    with (the space after an inline ``=>``).
    """
    from llama_cpp.llama_grammar import json_schema_to_gbnf

    gbnf = json_schema_to_gbnf(json.dumps(schema))
    gbnf = gbnf.replace('":" space', '":" " "').replace('"," space', '"," " "')
    lines = [("space ::= \"\"" if line.startswith("space ::=") else line) for line in gbnf.splitlines()]
    if lead:
        lines = [f"root ::= {json.dumps(lead)} ({line.removeprefix('root ::= ')})" if line.startswith("root ::= ")
                 else line for line in lines]
    return "\n".join(lines) + "\n"


def _lcp(a: Sequence[int], b: Sequence[int]) -> int:
    n = min(len(a), len(b))
    i = 0
    while i < n and a[i] == b[i]:
        i += 1
    return i


@dataclass
class _Entry:
    """One sequence's tokens in a step, and which of them the job needs logits for."""

    seq: _Seq
    tokens: list[int]
    job: _Job | None = None
    outputs: tuple[int, ...] = ()  # offsets into ``tokens``


@dataclass
class _Seq:
    id: int
    cached: list[int] = field(default_factory=list)  # tokens in the KV cache, positions 0..len-1
    session: str | None = None
    last_used: float = 0.0


@dataclass
class _Run:
    """What the grammar dictates from some point: ``tokens`` (accepted into the sampler), then
    ``held``, the run's last token, left to the model because a longer token could start with it
    (evaluated speculatively: the model usually agrees, and then its logits are ready), and whether
    nothing but the end can follow (``complete``)."""

    tokens: list[int]
    held: int | None
    complete: bool


@dataclass
class _Job:
    kind: str  # "decode" or "prefill"
    session: str
    tokens: list[int]  # the prompt
    shared: int  # how many leading tokens are the shared prefix (sequence 0)
    future: concurrent.futures.Future[Any]
    submitted: float
    order: int
    grammar: Any = None  # the schema's template sampler (decode)
    max_tokens: int = 0
    # Set while it runs (decode thread only):
    seq: _Seq | None = None
    target: list[int] = field(default_factory=list)  # tokens the sequence must hold before the next logits
    sampler: Any = None
    output: bytearray = field(default_factory=bytearray)
    pending: list[int] = field(default_factory=list)  # output tokens to evaluate next step
    held: int | None = None  # evaluated after ``pending`` on speculation (see ``_Run``)
    generating: bool = False
    stats: DecodeStats = field(default_factory=DecodeStats)

    def done(self) -> bool:
        return self.future.done()


class BatchedEngine:
    """One llama_context, one thread, many sequences. Thread-safe ``submit_*``; results as futures."""

    def __init__(
        self, model: Any, *, n_ctx: int | None = None, max_sessions: int = MAX_SESSIONS, kv_unified: bool = False,
        n_threads: int | None = None, decode_step_tokens: int = DECODE_STEP_TOKENS,
        prefill_step_tokens: int = PREFILL_STEP_TOKENS, prefill_chunk: int = PREFILL_CHUNK,
        alone_threads: int | None = None, prefill_step_s: float = PREFILL_STEP_S,
    ) -> None:
        import os

        import llama_cpp

        self._llama_cpp = llama_cpp
        self._model = model
        self.vocab = llama_cpp.llama_model_get_vocab(model)
        self.n_vocab = llama_cpp.llama_vocab_n_tokens(self.vocab)
        self.max_sessions = max_sessions
        self.decode_step_tokens = decode_step_tokens
        self.prefill_step_tokens = prefill_step_tokens
        self.prefill_chunk = prefill_chunk
        self.prefill_step_s = prefill_step_s
        self.prefill_token_s = 0.03  # seconds per prefilled token: a first guess, then measured
        self.batch_capacity = decode_step_tokens + max(prefill_step_tokens, 64) + max_sessions * 64
        params = llama_cpp.llama_context_default_params()
        if n_ctx is None:
            n_ctx = UNIFIED_CONTEXT_TOKENS if kv_unified else (max_sessions + 1) * SEQUENCE_TOKENS
        params.n_ctx = n_ctx
        params.n_batch = self.batch_capacity
        params.n_ubatch = min(512, self.batch_capacity)
        params.n_seq_max = max_sessions + 1  # sequence 0 holds the shared prefix
        # Split (the default): one stream of n_ctx / n_seq_max cells per sequence; a fork copies
        # the prefix's stream (~30 MB, a few ms) and a token attends only over its own stream.
        # Unified: one pool shared by all sequences, the prefix stored once and forked by tagging
        # cells, but every token scans the cells of every call (see SEQUENCE_TOKENS).
        params.kv_unified = kv_unified
        self.kv_unified = kv_unified
        # Flash attention: no n_ctx-wide KQ buffer, and the CPU kernel skips masked cells (it still
        # reads the mask of every cell in use).
        params.flash_attn_type = llama_cpp.LLAMA_FLASH_ATTN_TYPE_ENABLED
        threads = n_threads or os.cpu_count() or 1
        params.n_threads = params.n_threads_batch = threads
        # A step that decodes for the only call may take more threads (``alone_threads``): the voice
        # engines are idle then (its transcript is done, its reply not begun); so may the start-up
        # warm-up, before any call. With other calls, or
        # for background prefills, ``threads``: llama.cpp's threads meet at a barrier after every op,
        # and one preempted by a transcription stalls the step for all.
        self.threads = threads
        self.alone_threads = max(alone_threads or threads, threads)
        self._threads_now = self.step_threads = threads
        self._ctx = llama_cpp.llama_init_from_model(model, params)
        if not self._ctx:
            raise LLMUnavailable(f"llama.cpp could not create a {n_ctx}-token context for {max_sessions} calls")
        self.n_ctx = llama_cpp.llama_n_ctx(self._ctx)
        self.n_ctx_seq = llama_cpp.llama_n_ctx_seq(self._ctx)
        # A call may hold this many tokens of its own besides the shared prefix (1,984 by default);
        # in a split cache, its stream holds the prefix too.
        self.session_tokens = (self.n_ctx - 1024) // max_sessions if kv_unified else self.n_ctx_seq
        self._memory = llama_cpp.llama_get_memory(self._ctx)
        self._batch = llama_cpp.llama_batch_init(self.batch_capacity, 0, 1)
        self._candidates = (llama_cpp.llama_token_data * self.n_vocab)()
        self._table = np.ctypeslib.as_array(self._candidates)
        self._all_ids = np.arange(self.n_vocab, dtype=np.int32)
        self._pieces = [self._piece(token) for token in range(self.n_vocab)]
        by_piece = sorted((piece, token) for token, piece in enumerate(self._pieces) if piece)
        self._sorted_pieces = [piece for piece, _ in by_piece]
        self._sorted_ids = [token for _, token in by_piece]
        self._byte_tokens = np.zeros(256, dtype=np.int32)
        for byte in range(256):
            self._byte_tokens[byte] = self._sorted_ids[bisect.bisect_left(self._sorted_pieces, bytes([byte]))]
            assert self._pieces[self._byte_tokens[byte]] == bytes([byte]), "byte-level BPE has every byte"
        eog = llama_cpp.llama_vocab_eos(self.vocab)
        self._eog = eog if eog >= 0 else llama_cpp.llama_vocab_eot(self.vocab)
        self._probe_ids = np.append(self._byte_tokens, np.int32(self._eog))
        self._extensions: dict[tuple[bytes, bytes], list[int]] = {}
        self._seqs = [_Seq(i) for i in range(max_sessions + 1)]
        self._base = self._seqs[_BASE_SEQ]
        self._base_target: list[int] = []
        self._sessions: dict[str, _Seq] = {}
        self._jobs: list[_Job] = []
        self._inbox: list[tuple[str, Any]] = []
        self._order = itertools.count()
        self._prefill_turn = 0
        self._wake = threading.Condition()
        self._closed = False
        self.forcing = True  # off: one model step per output token (the benchmark's reference)
        self.steps = 0  # llama_decode calls, for tests and the benchmark
        self.evaluated_tokens = 0
        self._thread = threading.Thread(target=self._run, name="llm-batched", daemon=True)
        self._thread.start()

    # -- the caller's side (any thread) -----------------------------------------------------------

    def submit_decode(
        self, session: str, tokens: list[int], shared: int, grammar: Any, max_tokens: int
    ) -> concurrent.futures.Future[DecodeResult]:
        self._check_fits(tokens, shared, max_tokens)
        job = _Job("decode", session, tokens, shared, concurrent.futures.Future(), time.perf_counter(),
                   next(self._order), grammar=grammar, max_tokens=max_tokens)
        self._post("job", job)
        return job.future

    def submit_prefill(self, session: str, tokens: list[int], shared: int) -> concurrent.futures.Future[None]:
        self._check_fits(tokens, shared, 0)
        job = _Job("prefill", session, tokens, shared, concurrent.futures.Future(), time.perf_counter(),
                   next(self._order))
        self._post("job", job)
        return job.future

    def submit_release(self, session: str) -> concurrent.futures.Future[None]:
        future: concurrent.futures.Future[None] = concurrent.futures.Future()
        self._post("release", (session, future))
        return future

    def sequence_tokens(self, session: str) -> int | None:
        """How many tokens the session's sequence holds (None: it has none). For tests."""
        seq = self._sessions.get(session)
        return None if seq is None else len(seq.cached)

    def kv_positions(self, session: str) -> int:
        """The sequence's highest position in llama.cpp's memory, +1 (0: empty). For tests."""
        seq = self._sessions.get(session)
        if seq is None:
            return 0
        return int(self._llama_cpp.llama_memory_seq_pos_max(self._memory, seq.id)) + 1

    def close(self) -> None:
        self._post("close", None)
        self._thread.join()
        llama_cpp = self._llama_cpp
        llama_cpp.llama_batch_free(self._batch)
        llama_cpp.llama_free(self._ctx)

    def _check_fits(self, tokens: list[int], shared: int, max_tokens: int) -> None:
        own = len(tokens) - (shared if self.kv_unified else 0) + max_tokens
        if own > self.session_tokens:
            raise DecodeFailed(f"the call's prompt needs {own} tokens of its own; at most {self.session_tokens} "
                               f"fit ({self.n_ctx}-token cache for {self.max_sessions} calls): send fewer turns")

    def _post(self, kind: str, item: Any) -> None:
        with self._wake:
            if self._closed:
                raise DecodeFailed("the model is closed")
            self._inbox.append((kind, item))
            self._wake.notify()

    # -- the decode thread ------------------------------------------------------------------------

    def _run(self) -> None:
        while True:
            with self._wake:
                while not self._inbox and not self._live_jobs():
                    self._wake.wait()
                inbox, self._inbox = self._inbox, []
            for kind, item in inbox:
                if kind == "close":
                    self._fail_all("the model is closed")
                    with self._wake:
                        self._closed = True
                        for _, late in self._inbox:
                            if isinstance(late, _Job):
                                late.future.set_exception(DecodeFailed("the model is closed"))
                        self._inbox.clear()
                    return
                if kind == "release":
                    self._release(*item)
                else:
                    self._accept(item)
            try:
                self._step()
            except Exception as error:  # a broken step must not kill the thread: fail its requests
                log.exception("batched decode step failed")
                self._fail_all(f"decode step failed: {error}")

    def _live_jobs(self) -> bool:
        self._jobs = [job for job in self._jobs if not job.done()]
        return bool(self._jobs)

    def _accept(self, job: _Job) -> None:
        for other in self._jobs:
            if other.session != job.session or other.done():
                continue
            if other.kind == "prefill":  # a newer prefill replaces it; a decode supersedes it
                self._finish(other, None)
        self._jobs.append(job)

    def _release(self, session: str, future: concurrent.futures.Future[None]) -> None:
        for job in self._jobs:
            if job.session == session and not job.done():
                self._fail(job, "the call was released")
        seq = self._sessions.pop(session, None)
        if seq is not None:
            self._drop(seq)
        if not future.done():
            future.set_result(None)

    def _drop(self, seq: _Seq) -> None:
        self._llama_cpp.llama_memory_seq_rm(self._memory, seq.id, -1, -1)  # a whole sequence: never fails
        seq.cached = []
        seq.session = None

    def _fail_all(self, why: str) -> None:
        for job in self._jobs:
            if not job.done():
                self._fail(job, why)

    def _fail(self, job: _Job, why: str) -> None:
        self._free_sampler(job)
        if not job.future.done():
            job.future.set_exception(DecodeFailed(why))

    def _finish(self, job: _Job, result: Any) -> None:
        self._free_sampler(job)
        if not job.future.done():
            job.future.set_result(result)

    def _free_sampler(self, job: _Job) -> None:
        if job.sampler is not None:
            self._llama_cpp.llama_sampler_free(job.sampler)
            job.sampler = None

    # -- planning a step --------------------------------------------------------------------------

    def _step(self) -> None:
        jobs = [job for job in self._jobs if not job.done()]  # cancelled futures are done too
        for job in self._jobs:
            if job.future.cancelled():
                self._free_sampler(job)
        self._jobs = jobs
        if not jobs:
            return
        entries: list[_Entry] = []
        busy: set[str] = set()
        decodes = sorted((job for job in jobs if job.kind == "decode"), key=lambda job: job.order)
        budget = self.decode_step_tokens
        for job in decodes:
            if job.session in busy:
                continue  # one request per call at a time: the next one waits for this one
            busy.add(job.session)
            if job.generating:
                assert job.seq is not None
                entries.append(self._with_held(_Entry(job.seq, list(job.pending), job), job))
                continue
            if job.seq is None and not self._attach(job):
                if not job.done():
                    budget -= self._plan_base(entries, budget)
                continue
            budget -= self._plan_prompt(entries, job, budget)
        prefills = [job for job in jobs if job.kind == "prefill" and job.session not in busy]
        if not decodes and prefills:
            budget = self.prefill_budget()
            self._prefill_turn += 1
            start = self._prefill_turn % len(prefills)
            for job in prefills[start:] + prefills[:start]:
                if budget <= 0:
                    break
                if job.seq is None and not self._attach(job):
                    # The shared prefix is evaluated once per process (at start-up, before any call):
                    # in full-size steps, not the small slices that keep a waiting decode's wait short.
                    budget -= self._plan_base(entries, self.decode_step_tokens)
                    continue
                budget -= self._plan_prompt(entries, job, min(budget, self.prefill_chunk))
        if entries:
            self._decode(entries)
        else:  # nothing could move (cannot last: every waiting job waits on one that moves)
            with self._wake:
                self._wake.wait(0.01)

    def prefill_budget(self) -> int:
        """Tokens for the next background prefill step: as many as fit in ``prefill_step_s``."""
        return max(1, min(self.prefill_step_tokens, int(self.prefill_step_s / self.prefill_token_s)))

    def _plan_base(self, entries: list[_Entry], budget: int) -> int:
        """Queue the next chunk of the shared prefix (sequence 0), once per step."""
        if any(entry.seq is self._base for entry in entries) or budget <= 0:
            return 0
        base = self._base
        chunk = self._base_target[len(base.cached):len(base.cached) + budget]
        if chunk:
            entries.append(_Entry(base, chunk))
        return len(chunk)

    def _attach(self, job: _Job) -> bool:
        """Give the job its session's sequence, holding the longest reusable prefix of its prompt.

        False while the shared prefix it needs is still being evaluated into sequence 0 (or when
        the job ended already: a schema with a single possible output needs no model).
        """
        seq = self._sessions.get(job.session) or self._new_sequence(job)
        if seq is None:
            return False
        prompt = job.tokens
        if job.shared and _lcp(seq.cached, prompt[:job.shared]) < job.shared:
            shared = prompt[:job.shared]
            base = self._base
            if base.cached == shared:
                self._llama_cpp.llama_memory_seq_rm(self._memory, seq.id, -1, -1)
                self._llama_cpp.llama_memory_seq_cp(self._memory, _BASE_SEQ, seq.id, -1, -1)
                seq.cached = list(base.cached)
            elif self._base_target == shared:
                return False  # being evaluated: fork it when it is done
            elif base.cached == self._base_target:  # a new prefix (the old one is complete): it wins;
                self._base_target = shared  # calls forked from the old one keep their cells
                self._truncate(base, _lcp(base.cached, shared))
                return False
            # else another prefix is being evaluated: this call evaluates its own prompt, unshared
        if job.kind == "decode":
            job.sampler = self._llama_cpp.llama_sampler_clone(job.grammar)
            run = self._forced(job.sampler)
            job.stats.prompt_tokens = len(prompt)
            job.stats.output_tokens = job.stats.forced_tokens = len(run.tokens)
            job.output += b"".join(self._pieces[t] for t in run.tokens)
            if run.complete:  # a schema with one possible value: nothing to ask the model
                job.stats.unevaluated_tokens = len(run.tokens)
                self._complete(job)
                return False
            job.held = run.held
            target = prompt + run.tokens
        else:
            target = prompt
        keep = _lcp(seq.cached, target)
        if job.kind == "decode":
            keep = min(keep, len(target) - 1)  # the last token is evaluated again for its logits
        self._truncate(seq, keep)
        job.seq = seq
        job.target = target
        job.stats.prompt_tokens = len(prompt)
        job.stats.cached_tokens = min(keep, len(prompt))
        seq.last_used = time.perf_counter()
        return True

    def _truncate(self, seq: _Seq, keep: int) -> None:
        if keep < len(seq.cached):
            if not self._llama_cpp.llama_memory_seq_rm(self._memory, seq.id, keep, -1):
                raise DecodeFailed(f"llama.cpp could not drop positions {keep}.. of sequence {seq.id}")
            seq.cached = seq.cached[:keep]

    def _new_sequence(self, job: _Job) -> _Seq | None:
        free = [seq for seq in self._seqs[1:] if seq.session is None]
        if not free:  # evict the call idle longest
            active = {other.session for other in self._jobs if not other.done()}
            idle = [seq for seq in self._seqs[1:] if seq.session not in active]
            if not idle:
                self._fail(job, f"all {self.max_sessions} model sequences are busy")
                return None
            victim = min(idle, key=lambda seq: seq.last_used)
            log.info("evicting the cache of call %s (idle longest)", victim.session)
            self._sessions.pop(victim.session or "", None)
            self._drop(victim)
            free = [victim]
        seq = free[0]
        seq.session = job.session
        seq.last_used = time.perf_counter()
        self._sessions[job.session] = seq
        return seq

    def _plan_prompt(self, entries: list[_Entry], job: _Job, budget: int) -> int:
        seq = job.seq
        assert seq is not None
        remaining = job.target[len(seq.cached):]
        if budget <= 0 or not remaining:
            if not remaining and job.kind == "prefill":
                self._finish(job, None)
            return 0
        chunk = remaining[:budget]
        entry = _Entry(seq, chunk, job)
        if len(chunk) == len(remaining) and job.kind == "decode":  # the prompt's end: logits
            entry.outputs = (len(chunk) - 1,)
            self._with_held(entry, job)
        entries.append(entry)
        return len(chunk)

    @staticmethod
    def _with_held(entry: _Entry, job: _Job) -> _Entry:
        """Logits after the entry's last token, and after the job's held-back token if it has one."""
        entry.outputs = (len(entry.tokens) - 1,)
        if job.held is not None:
            entry.tokens.append(job.held)
            entry.outputs += (len(entry.tokens) - 1,)
        return entry

    # -- one llama_decode ------------------------------------------------------------------------

    def _decode(self, entries: list[_Entry]) -> None:
        llama_cpp = self._llama_cpp
        batch = self._batch
        n = 0
        rows: list[list[int]] = []  # per entry, the batch indices of its logits
        for entry in entries:
            start = len(entry.seq.cached)
            for offset, token in enumerate(entry.tokens):
                batch.token[n + offset] = token
                batch.pos[n + offset] = start + offset
                batch.n_seq_id[n + offset] = 1
                batch.seq_id[n + offset][0] = entry.seq.id
                batch.logits[n + offset] = offset in entry.outputs
            rows.append([n + offset for offset in entry.outputs])
            n += len(entry.tokens)
        batch.n_tokens = n
        self._set_threads(entries)
        started = time.perf_counter()
        status = llama_cpp.llama_decode(self._ctx, batch)
        if status == 1 and self._evict_idle(entries):
            status = llama_cpp.llama_decode(self._ctx, batch)
        if status != 0:
            why = "the model's cache is full" if status == 1 else f"llama_decode returned {status}"
            for entry in entries:
                if status < -1:  # part of the batch may be in memory now: forget what the sequence held
                    self._truncate(entry.seq, 0)
                if entry.job is not None:
                    self._fail(entry.job, why)
            return
        self.steps += 1
        self.evaluated_tokens += n
        elapsed = time.perf_counter() - started
        if all(entry.job is not None and entry.job.kind == "prefill" for entry in entries):
            self.prefill_token_s = 0.7 * self.prefill_token_s + 0.3 * elapsed / n
        for entry in entries:
            entry.seq.cached += entry.tokens
            entry.seq.last_used = started
            job = entry.job
            if job is not None:
                if job.stats.steps == 0:
                    job.stats.queued_s = started - job.submitted
                job.stats.steps += 1
                job.stats.evaluated_tokens += len(entry.tokens)
                if job.generating:
                    job.stats.generation_steps += 1
        for entry, indices in zip(entries, rows, strict=True):
            job = entry.job
            if job is None or job.done():
                continue
            if indices:
                self._advance(job, [np.ctypeslib.as_array(llama_cpp.llama_get_logits_ith(self._ctx, i),
                                                          shape=(self.n_vocab,)) for i in indices])
            elif job.kind == "prefill" and len(entry.seq.cached) >= len(job.target):
                self._finish(job, None)
        if log.isEnabledFor(logging.DEBUG):
            parts = ", ".join(f"{entry.job.kind if entry.job else 'prefix'} {len(entry.tokens)}" for entry in entries)
            log.debug("step: %d tokens (%s), %d threads, %.0f ms", n, parts, self.step_threads,
                      (time.perf_counter() - started) * 1e3)

    def _set_threads(self, entries: list[_Entry]) -> None:
        calls = sum(1 for seq in self._seqs[1:] if seq.session is not None)
        decoding = any(entry.job is not None and entry.job.kind == "decode" for entry in entries)
        # Every call's words are read by keywords until the shared prefix is in (start-up): all cores for it.
        prefix = all(entry.seq is self._base for entry in entries)
        threads = self.alone_threads if calls == 0 or prefix or (decoding and calls <= 1) else self.threads
        self.step_threads = threads
        if threads != self._threads_now:
            self._llama_cpp.llama_set_n_threads(self._ctx, threads, threads)
            self._threads_now = threads

    def _evict_idle(self, entries: list[_Entry]) -> bool:
        in_batch = {entry.seq.id for entry in entries}
        active = {job.session for job in self._jobs if not job.done()}
        idle = [seq for seq in self._seqs[1:] if seq.session and seq.id not in in_batch and seq.session not in active]
        for seq in idle:
            self._sessions.pop(seq.session or "", None)
            self._drop(seq)
        return bool(idle)

    # -- choosing tokens ---------------------------------------------------------------------------

    def _advance(self, job: _Job, rows: list[np.ndarray]) -> None:
        """Choose tokens from the step's logits: after the job's last token, and after its held-back
        token if one was speculated. Then append whatever the grammar forces, and plan the next step."""
        llama_cpp = self._llama_cpp
        assert job.seq is not None
        job.generating = True
        logits: np.ndarray | None = rows[0]
        held, job.held = job.held, None
        held_logits = rows[1] if held is not None else None
        while logits is not None:
            token = self._pick(job.sampler, logits)
            if token is None:
                self._fail(job, "the grammar allows no token here")
                return
            if llama_cpp.llama_vocab_is_eog(self.vocab, token):
                self._complete(job)
                return
            evaluated = held is not None and token == held
            if held is not None and not evaluated:  # the model chose a longer token: drop the speculation
                self._truncate(job.seq, len(job.seq.cached) - 1)
                job.stats.held_rejected += 1
            llama_cpp.llama_sampler_accept(job.sampler, token)
            run = self._forced(job.sampler)
            job.output += self._pieces[token] + b"".join(self._pieces[t] for t in run.tokens)
            job.stats.output_tokens += 1 + len(run.tokens)
            job.stats.forced_tokens += len(run.tokens)
            if run.complete:
                job.stats.unevaluated_tokens = len(run.tokens) + (0 if evaluated else 1)
                self._complete(job)
                return
            if job.stats.output_tokens >= job.max_tokens:
                self._fail(job, f"the output did not end within {job.max_tokens} tokens")
                return
            if evaluated and not run.tokens:  # the logits after this token are here already
                logits, held, held_logits = held_logits, None, None
                continue
            job.pending = run.tokens if evaluated else [token, *run.tokens]
            job.held = run.held
            return

    def _complete(self, job: _Job) -> None:
        job.stats.total_s = time.perf_counter() - job.submitted
        try:
            text = job.output.decode("utf-8")
            json.loads(text)
        except ValueError as error:  # cannot happen under a JSON grammar; never hand out broken output
            self._fail(job, f"the output is not JSON: {error}")
            return
        self._finish(job, DecodeResult(text, job.stats))

    def _pick(self, sampler: Any, logits: np.ndarray) -> int | None:
        top = np.argpartition(logits, -SHORTLIST)[-SHORTLIST:]
        for ids in (top, self._all_ids):  # the whole vocabulary only when nothing on the shortlist fits
            allowed = self._apply(sampler, ids, logits[ids])
            best = int(np.argmax(allowed))
            if np.isfinite(allowed[best]):
                return int(ids[best])
        return None

    def _apply(self, sampler: Any, ids: np.ndarray, logits: np.ndarray | None = None) -> np.ndarray:
        """The grammar's verdict on ``ids``: their logits, or -inf where the grammar forbids them."""
        llama_cpp = self._llama_cpp
        size = len(ids)
        table = self._table
        table["id"][:size] = ids
        table["logit"][:size] = 0.0 if logits is None else logits
        table["p"][:size] = 0.0
        array = llama_cpp.llama_token_data_array(
            data=ctypes.cast(self._candidates, ctypes.POINTER(llama_cpp.llama_token_data)), size=size,
            selected=-1, sorted=False,
        )
        llama_cpp.llama_sampler_apply(sampler, ctypes.byref(array))
        return table["logit"][:size].copy()

    def _allowed_next(self, sampler: Any) -> tuple[list[int], bool]:
        """The bytes the grammar allows next, and whether it may end here.

        Every byte is a token of its own in a byte-level BPE vocabulary, so asking the grammar about
        those 256 tokens (and one end-of-generation token) tells exactly which bytes can come next.
        """
        verdict = np.isfinite(self._apply(sampler, self._probe_ids))
        return [int(byte) for byte in np.flatnonzero(verdict[:256])], bool(verdict[256])

    def _forced(self, sampler: Any) -> _Run:
        """What the grammar dictates from here (a ``_Run``); its tokens are accepted into ``sampler``.

        The forced text is found byte by byte on a clone of the sampler: while the grammar allows
        exactly one next byte (and not the end), every valid output continues with that byte, so it
        is forced: that much is exact. The text is then tokenized canonically, as the tokenizer
        would split it in a prompt. Its last token is held back when the grammar allows a longer
        token starting with it (the model might write ``"c`` or ``"cancel`` where only ``"`` is
        forced): the model makes that choice, on logits computed speculatively in the same step.
        Complete: only the end, or only JSON whitespace and the end, can follow.
        """
        llama_cpp = self._llama_cpp
        if not self.forcing:
            return _Run([], None, False)
        probe = llama_cpp.llama_sampler_clone(sampler)
        text = bytearray()
        try:
            while len(text) < FORCED_BYTES_MAX:
                allowed, can_end = self._allowed_next(probe)
                if can_end and all(byte in _JSON_WS for byte in allowed):
                    complete = True
                    break
                if len(allowed) != 1 or can_end:
                    complete = False
                    break
                text.append(allowed[0])
                llama_cpp.llama_sampler_accept(probe, int(self._byte_tokens[allowed[0]]))
            else:
                complete = False
        finally:
            llama_cpp.llama_sampler_free(probe)
        if not complete:
            while text and not _is_utf8_boundary(text):
                allowed = [text.pop()]  # a partly forced character is left to the model
        if not text:
            return _Run([], None, complete)
        tokens = tokenize(self.vocab, bytes(text), special=False)
        if b"".join(self._pieces[t] for t in tokens) != text:
            return _Run([], None, False)  # not round-trippable: leave it all to the model
        held = None
        if not complete and self._may_extend(sampler, tokens, next_allowed=allowed):
            held = tokens.pop()
        for token in tokens:
            llama_cpp.llama_sampler_accept(sampler, token)
        return _Run(tokens, held, complete)

    def _may_extend(self, sampler: Any, tokens: list[int], *, next_allowed: list[int]) -> bool:
        """Whether the grammar allows a token that starts with the run's last token and goes on."""
        last = self._pieces[tokens[-1]]
        ids = [token for byte in next_allowed for token in self._extending(last, bytes([byte]))]
        if not ids:
            return False
        probe = self._llama_cpp.llama_sampler_clone(sampler)
        try:
            for token in tokens[:-1]:
                self._llama_cpp.llama_sampler_accept(probe, token)
            return bool(np.isfinite(self._apply(probe, np.array(ids, dtype=np.int32))).any())
        finally:
            self._llama_cpp.llama_sampler_free(probe)

    def _extending(self, piece: bytes, byte: bytes) -> list[int]:
        key = (piece, byte)
        cached = self._extensions.get(key)
        if cached is None:
            prefix = piece + byte
            start = bisect.bisect_left(self._sorted_pieces, prefix)
            end = start
            while end < len(self._sorted_pieces) and self._sorted_pieces[end].startswith(prefix):
                end += 1
            cached = self._extensions[key] = self._sorted_ids[start:end]
        return cached

    def _piece(self, token: int) -> bytes:
        buffer = ctypes.create_string_buffer(64)
        size = self._llama_cpp.llama_token_to_piece(self.vocab, token, buffer, 64, 0, False)
        if size < 0:
            buffer = ctypes.create_string_buffer(-size)
            size = self._llama_cpp.llama_token_to_piece(self.vocab, token, buffer, -size, 0, False)
        return buffer.raw[:size]


def _is_utf8_boundary(text: bytearray) -> bool:
    """Whether ``text`` ends with a whole UTF-8 character."""
    for back in range(1, min(4, len(text)) + 1):
        byte = text[-back]
        if byte < 0x80:
            return back == 1
        if byte >= 0xC0:  # a lead byte: complete when its sequence length is all there
            need = 2 if byte < 0xE0 else 3 if byte < 0xF0 else 4
            return back == need
    return False


class BatchedModel:
    """``CommandModel`` over ``BatchedEngine``: ChatML rendering, per-message token cache, schemas."""

    name = "embedded-batched"

    def __init__(self, engine: BatchedEngine, *, settings: LLMSettings | None = None) -> None:
        self.engine = engine
        self.settings = settings or LLMSettings()
        self._chunk_tokens: dict[str, list[int]] = {}
        self._grammars: dict[str, Any] = {}
        self._grammar_lock = threading.Lock()
        self.last_stats: dict[str, DecodeStats] = {}  # per session, the latest decode's costs

    @classmethod
    def load(cls, model_path: Any, *, settings: LLMSettings | None = None, **engine_args: Any) -> BatchedModel:
        """A model of its own (tests, the benchmark); ``EmbeddedBackend`` shares its ``Llama``'s instead."""
        import llama_cpp

        refuse_crashing_build(llama_cpp.llama_print_system_info().decode())
        params = llama_cpp.llama_model_default_params()
        model = llama_cpp.llama_model_load_from_file(str(model_path).encode(), params)
        if not model:
            raise LLMUnavailable(f"llama.cpp could not load {model_path}")
        instance = cls(BatchedEngine(model, **engine_args), settings=settings)
        instance._owned_model = model
        return instance

    def _tokens(self, chunks: Sequence[str]) -> tuple[list[int], list[int]]:
        """The tokens of each chunk, each chunk tokenized once per process (exact: each starts with
        the special ``<|im_start|>``, which no merge crosses). Also returns each chunk's length."""
        tokens: list[int] = []
        lengths: list[int] = []
        for chunk in chunks:
            cached = self._chunk_tokens.get(chunk)
            if cached is None:
                if len(self._chunk_tokens) >= CHUNKS_KEPT:
                    self._chunk_tokens.clear()
                cached = self._chunk_tokens[chunk] = tokenize(self.engine.vocab, chunk.encode(), special=True)
            tokens += cached
            lengths.append(len(cached))
        return tokens, lengths

    def _prompt(self, messages: Sequence[Message], tail: str) -> tuple[list[int], int]:
        tokens, lengths = self._tokens([*(render_message(m) for m in messages), tail])
        shared = lengths[0] if messages and messages[0].role == "system" else 0
        return tokens, shared

    def grammar(self, schema: Mapping[str, Any], lead: str = "") -> Any:
        """The schema's template grammar sampler, parsed once and checked (requests clone it)."""
        import llama_cpp

        key = lead + json.dumps(schema)  # key order matters: properties are generated in this order
        with self._grammar_lock:
            sampler = self._grammars.pop(key, None)
            if sampler is None:
                sampler = llama_cpp.llama_sampler_init_grammar(self.engine.vocab,
                                                               json_grammar(schema, lead).encode(), b"root")
                if not sampler:  # llama.cpp only prints a grammar it cannot parse and then samples nothing
                    raise LLMUnavailable("llama.cpp could not parse the grammar built from the output schema")
            self._grammars[key] = sampler
            while len(self._grammars) > GRAMMARS_KEPT:
                llama_cpp.llama_sampler_free(self._grammars.pop(next(iter(self._grammars))))
            return sampler

    async def decode(self, request: DecodeRequest) -> str:
        *earlier, last = request.messages
        if request.answer_after and last.role == "user":  # the answer follows the mark, in the same turn
            tokens, shared = self._prompt(earlier, _NEXT_USER + last.content + request.answer_after)
            grammar = self.grammar(request.schema, lead=" ")
        else:
            tokens, shared = self._prompt(request.messages, _ASSISTANT)
            grammar = self.grammar(request.schema)
        try:
            future = self.engine.submit_decode(request.session, tokens, shared, grammar, request.max_tokens)
        except DecodeFailed as error:
            raise LLMUnavailable(str(error)) from error
        result: DecodeResult = await self._wait(future, "decode")
        self.last_stats[request.session] = stats = result.stats
        log.debug("decode for %s: %d prompt tokens, %d cached, %d evaluated in %d steps; queued %.0f ms, "
                  "done in %.0f ms", request.session, stats.prompt_tokens, stats.cached_tokens,
                  stats.evaluated_tokens, stats.steps, stats.queued_s * 1e3, stats.total_s * 1e3)
        return result.text

    async def prefill(self, session: str, messages: Sequence[Message], partial: str = "") -> None:
        tokens, shared = self._prompt(messages, _NEXT_USER + partial)
        try:
            future = self.engine.submit_prefill(session, tokens, shared)
        except DecodeFailed as error:
            raise LLMUnavailable(str(error)) from error
        await self._wait(future, "prefill")

    async def warm(self, messages: Sequence[Message]) -> None:
        """Evaluate the shared prefix of ``messages`` now, however long it takes (start-up: nobody waits)."""
        tokens, shared = self._prompt(messages, _NEXT_USER)
        try:
            await asyncio.wrap_future(self.engine.submit_prefill(WARM_SESSION, tokens, shared))
        except DecodeFailed as error:
            raise LLMUnavailable(f"embedded model: {error}") from error
        await self.release(WARM_SESSION)

    async def release(self, session: str) -> None:
        self.last_stats.pop(session, None)
        with contextlib.suppress(LLMUnavailable, DecodeFailed):  # closed: nothing to free
            await self._wait(self.engine.submit_release(session), "release")

    async def _wait(self, future: concurrent.futures.Future[Any], what: str) -> Any:
        try:
            async with asyncio.timeout(self.settings.timeout_s):
                return await asyncio.wrap_future(future)
        except TimeoutError as error:
            future.cancel()  # the engine drops it at its next step
            raise LLMUnavailable(f"embedded model: {what} timed out after {self.settings.timeout_s} s") from error
        except DecodeFailed as error:
            raise LLMUnavailable(f"embedded model: {error}") from error
        except asyncio.CancelledError:
            future.cancel()
            raise

    async def aclose(self) -> None:
        await asyncio.to_thread(self.close)

    def close(self) -> None:
        import llama_cpp

        self.engine.close()
        with self._grammar_lock:
            for sampler in self._grammars.values():
                llama_cpp.llama_sampler_free(sampler)
            self._grammars.clear()
        model = getattr(self, "_owned_model", None)
        if model is not None:
            llama_cpp.llama_model_free(model)
            self._owned_model = None
