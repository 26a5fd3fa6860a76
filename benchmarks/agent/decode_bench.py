"""Per-call command decoding at 1, 4, 8 and 16 concurrent calls: batched engine vs the single-sequence path.

    python -m benchmarks.agent.decode_bench [--levels 1,4,8,16] [--turns 3] [--threads 2]

Each call is a realistic command turn of the rebuilt agent: a ~700-token system message shared by
every call, ~150 tokens of the call's own history, a ~20-token final caller message, and a
string-enum output (the intent). Calls run their turns concurrently, each turn after a pause (the
agent speaking, the caller answering), and the next turn appends the last exchange to the history.
Timed: from ``decode`` to its result. Three modes, same turns:

- ``batched``: ``EmbeddedBackend.decode`` (agent/llm/batched.py), nothing evaluated ahead.
- ``batched_prefill``: the same, but the history and the first two thirds of the final message are
  ``prefill``ed during the pause (as while the caller speaks); the decode at the pause's end takes
  over whatever the prefill has not done by then.
- ``batched_no_forcing``: ``batched`` with one model step per output token, the grammar's forced
  text included (what forcing saves).
- ``single_sequence``: the old path: one lock, one KV sequence (the ``Llama``'s seq 0, reused by
  longest common prefix, so calls overwrite each other's history), one model step per output token,
  under the same grammar and prompt. This is the generator ``EmbeddedBackend.stream`` runs.

Writes ``benchmarks/results/decode.json``. Other processes share the cores: the load average is
recorded at the start and end of each run; compare figures only within one run.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import random
import resource
import statistics
import sys
import threading
import time
from pathlib import Path
from typing import Any

from agent.llm.base import DecodeRequest, LLMSettings, Message
from agent.llm.batched import json_grammar, render_message
from agent.llm.embedded import EmbeddedBackend
from agent.llm.model_files import resolve_model_path
from agent.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
RESULTS = ROOT / "benchmarks" / "results" / "decode.json"
INTENTS = ["book", "cancel", "change_dates", "find_booking", "hotel_fact", "human", "goodbye", "out_of_scope"]
SCHEMA = {"enum": INTENTS}
TOPICS = ["booking a room", "cancelling a booking", "changing the dates", "breakfast hours", "the wifi password",
          "parking", "late check-out", "speaking to a person", "saying goodbye", "finding a booking", "room types",
          "prices", "the pool", "airport transfers", "the gym", "laundry"]
SYSTEM = Message("system", (
    "You are the telephone concierge of the Hotel Sonargaon in Dhaka. Each turn, read the call so far and "
    "the caller's last words, and answer with the caller's intent as one JSON string: "
    + ", ".join(json.dumps(i) for i in INTENTS) + ". "
    + " ".join(f"Rule {i}: when the caller talks about {t}, choose the intent that covers {t}; never guess a "
               f"confirmation code or a date the caller did not say." for i, t in enumerate(TOPICS))
    + ' Examples: "I want to cancel" -> "cancel"; "what time is breakfast" -> "hotel_fact".'))
NAMES = ["Tahmina Akter", "Rafiq Islam", "Nusrat Jahan", "Kamal Uddin", "Farhana Rahman", "Sabbir Ahmed",
         "Mehedi Hasan", "Sharmin Sultana", "Arif Chowdhury", "Laila Begum", "Imran Khan", "Ruma Das",
         "Jahid Hossain", "Shirin Akhter", "Tanvir Alam", "Priya Saha"]
FINAL = [
    "Sorry, one more thing, can you tell me what time breakfast is served in the morning?",
    "Actually I think I would rather cancel the whole reservation, if that is still possible.",
    "Could you move my stay to start on the twelfth instead and leave on the fifteenth please?",
    "I would like to speak to somebody at the front desk about my invoice from last week.",
    "Is there a parking space for a small car, and how much does it cost per night?",
    "OK that's everything I needed, thank you very much for your help, goodbye.",
]


def history(call: int) -> list[Message]:
    """~150 tokens of the call's own earlier turns, different for every call."""
    name = NAMES[call % len(NAMES)]
    return [
        Message("user", f"Hello, this is {name}. I have a booking with you for next week, I think."),
        Message("assistant", f"Good morning {name.split()[0]}, I found a booking under your number: a double "
                             f"room from the {call + 3}th to the {call + 6}th. How can I help?"),
        Message("user", "Yes that's the one. My wife is coming too, so it is for two people, and we arrive late, "
                        "probably after eleven at night because our flight from Chittagong lands at ten."),
        Message("assistant", "Noted: two guests, late arrival. The room is held for you all night. "
                             "Is there anything else I can do for you today?"),
    ]


def percentile(values: list[float], q: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


class SingleSequence:
    """The old path: ``EmbeddedBackend``'s lock and its one-sequence generator, same prompt and grammar."""

    def __init__(self, backend: EmbeddedBackend) -> None:
        from llama_cpp import LlamaGrammar

        self.backend = backend
        self.grammar = LlamaGrammar(_grammar=json_grammar(SCHEMA))
        self.steps = 0

    async def decode(self, request: DecodeRequest) -> str:
        tokens = self.backend._tokens([*(render_message(m) for m in request.messages), "<|im_start|>assistant\n"])
        await self.backend._lock.acquire()
        stop = threading.Event()

        def work() -> str:
            return "".join(self.backend._decode(tokens, self.grammar, stop))

        return await self.backend._in_thread(work)


async def run_level(model: Any, calls: int, turns: int, prefill: bool, seed: int) -> dict[str, Any]:
    rng = random.Random(seed)
    times: list[float] = []
    outputs: list[str] = []
    failures: list[str] = []
    steps: list[int] = []
    prefill_done = 0

    async def call(index: int) -> None:
        nonlocal prefill_done
        session = f"bench-{calls}-{index}-{seed}"
        past = history(index)
        await asyncio.sleep(rng.uniform(0, 1.0))  # calls do not start in lockstep
        for turn in range(turns):
            final = FINAL[(index + turn) % len(FINAL)]
            messages = [SYSTEM, *past]
            pause = rng.uniform(1.5, 3.0)  # the caller speaks the final message (the prefill's window)
            speaking: asyncio.Future[None] | None = None
            if prefill:  # while the caller speaks; the decode supersedes whatever is not done by then
                words = final.split()
                partial = " ".join(words[: len(words) * 2 // 3])
                speaking = asyncio.ensure_future(model.prefill(session, messages, partial))
            await asyncio.sleep(pause)
            if speaking is not None:
                if speaking.done() and not speaking.cancelled() and speaking.exception() is not None:
                    failures.append(f"prefill: {speaking.exception()}")
                prefill_done += speaking.done()
                speaking.cancel()
            started = time.perf_counter()
            try:
                text = await model.decode(DecodeRequest(session, [*messages, Message("user", final)], SCHEMA))
            except Exception as error:
                failures.append(str(error))
                continue
            times.append(time.perf_counter() - started)
            outputs.append(text)
            stats = getattr(model, "last_stats", {}).get(session)
            if stats is not None:
                steps.append(stats.steps)
            past = [*past, Message("user", final), Message("assistant", "Certainly. Anything else?")][-4:]
        release = getattr(model, "release", None)
        if release is not None:
            await release(session)

    await asyncio.gather(*(call(i) for i in range(calls)))
    valid = sum(1 for text in outputs if json.loads(text) in INTENTS)
    return {
        "calls": calls, "turns": len(times), "failures": failures[:5], "failed": len(failures),
        "p50_ms": _ms(percentile(times, 0.5)), "p95_ms": _ms(percentile(times, 0.95)),
        "mean_ms": _ms(statistics.fmean(times)) if times else None,
        "valid_outputs": valid, "steps_per_decode_p50": percentile([float(s) for s in steps], 0.5),
        "prefills_done_before_the_turn_ended": prefill_done if prefill else None,
    }


def _ms(value: float | None) -> float | None:
    return None if value is None else round(value * 1000, 1)


async def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.agent.decode_bench",
                                     description=__doc__.split("\n")[0])
    parser.add_argument("--levels", default="1,4,8,16")
    parser.add_argument("--turns", type=int, default=3)
    parser.add_argument("--modes", default="batched,batched_prefill,batched_no_forcing,single_sequence")
    parser.add_argument("--model", default="")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--kv", choices=["unified", "split"], default="split",
                        help="one KV pool for all calls (the prefix stored once), or one stream per call")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    levels = [int(level) for level in args.levels.split(",")]
    modes = args.modes.split(",")

    path = resolve_model_path(args.model, Settings(voice_preload=False).data_dir)
    started = time.perf_counter()
    engine = {"kv_unified": args.kv == "unified"}  # split: 17 streams of 2,560 cells (the engine's default)
    backend = await asyncio.to_thread(EmbeddedBackend.load, path, n_threads=args.threads,
                                      settings=LLMSettings(timeout_s=300, max_tokens=48), batched=engine)
    load_s = time.perf_counter() - started
    batched = backend._command_model()
    system_tokens = len(batched._tokens([render_message(SYSTEM)])[0])
    own_tokens = len(batched._tokens([render_message(m) for m in history(0)])[0])
    final_tokens = statistics.fmean(len(batched._tokens([render_message(Message("user", f))])[0]) for f in FINAL)
    result: dict[str, Any] = {
        "command": "python -m benchmarks.agent.decode_bench " + " ".join(argv if argv is not None else sys.argv[1:]),
        "model": path.name,
        "model_load_s": round(load_s, 2),
        "machine": {"cpus": os.cpu_count(), "threads": args.threads, "python": platform.python_version()},
        "workload": {"shared_prefix_tokens": system_tokens, "own_history_tokens": own_tokens,
                     "final_message_tokens": round(final_tokens, 1), "output": "a string enum of 8 intents",
                     "turns_per_call": args.turns},
        "engine": {"kv": args.kv, "n_ctx": batched.engine.n_ctx, "max_sessions": batched.engine.max_sessions,
                   "decode_step_tokens": batched.engine.decode_step_tokens,
                   "prefill_step_tokens": batched.engine.prefill_step_tokens},
        "modes": {},
    }
    # The shared prefix once, as at start-up (both paths), so no level pays for it.
    await batched.prefill("warm", [SYSTEM])
    await batched.release("warm")
    old = SingleSequence(backend)
    await backend._lock.acquire()
    await backend._in_thread(backend._eval_prefix, backend._tokens([render_message(SYSTEM)]))
    # Levels outside, modes inside: the machine's load drifts, so the modes of one level run back to back.
    for level in levels:
        for mode in modes:
            model: Any = old if mode == "single_sequence" else batched
            load_start = os.getloadavg()[0]
            steps_before = batched.engine.steps
            batched.engine.forcing = mode != "batched_no_forcing"
            row = await run_level(model, level, args.turns, mode == "batched_prefill", seed=level)
            row["load_average_1m"] = [round(load_start, 2), round(os.getloadavg()[0], 2)]
            if mode != "single_sequence":
                row["engine_steps"] = batched.engine.steps - steps_before
            result["modes"].setdefault(mode, {})[str(level)] = row
            print(mode, level, json.dumps(row), flush=True)
    if "single_sequence" in modes:
        result["ratio_to_single_sequence"] = {
            mode: {level: _ratio(result["modes"][mode][level], result["modes"]["single_sequence"][level])
                   for level in result["modes"][mode]}
            for mode in modes if mode != "single_sequence"
        }
    result["max_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    result["wall_s"] = round(time.perf_counter() - started, 1)
    await backend.aclose()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result.get("ratio_to_single_sequence", {}), indent=2))
    return result


def _ratio(row: dict[str, Any], reference: dict[str, Any]) -> dict[str, float | None]:
    def one(key: str) -> float | None:
        if row.get(key) is None or not reference.get(key):
            return None
        return round(row[key] / reference[key], 3)

    return {"p50": one("p50_ms"), "p95": one("p95_ms")}


if __name__ == "__main__":
    asyncio.run(main())
