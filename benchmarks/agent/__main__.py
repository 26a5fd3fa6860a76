"""Agent evaluation: simulated callers phone the real agent in text mode, and the hotel's rows say who won.

    python -m benchmarks.agent [--split test20|test19|...|test2|test|dev] [--limit N] [--only ID,...]
                               [--flows book,cancel] [--voice]
    ./concierge bench agent --split dev          # tune here; the test split is frozen (splits/README.md)
    python -m benchmarks.agent --setup-only --split test20,test19,test18,test17,test16,test15,test14,test13,test12
    python -m benchmarks.agent --setup-only --split test11,test10,test9,test8,test7,test6,test5,test4,test3,test2
    python -m benchmarks.agent --setup-only --split test,dev

Each call of the split (``splits/test20.jsonl`` by default, the test split v20: 86 calls over every flow
and 40 CLINC150 out-of-scope utterances, spent: scored once on 2026-12-03, 92 %; ``test19`` is v19, spent: scored
once on 2026-12-03, 90 %; ``test18`` is v18,
spent: scored once on 2026-12-03, 91 %; ``test17`` is v17,
spent: scored once on 2026-12-02, 90 %; ``test16`` is v16, spent: scored once on 2026-12-02, 84 %; ``test15`` is
v15, spent: scored once on 2026-12-02, 87 %; ``test14`` is v14, spent: scored once on 2026-12-02, 89 %; ``test13``
is v13, spent: scored once on 2026-12-02, 90 %; ``test12`` is v12, spent: scored once on 2026-12-02, 90 %;
``test11`` is v11, spent: scored once on 2026-12-02, 94 %; ``test10`` is v10, spent: scored once on 2026-12-02, 91 %;
``test9`` is v9, spent: scored once on 2026-12-01, 94 %;
``test8`` is v8, spent: scored once on 2026-12-01, 87 %; ``test7`` is v7, spent: scored once on 2026-12-01, 86 %;
``test6`` is v6, spent: scored once on 2026-12-01, 95 %; ``test5`` is v5, spent: scored once on 2026-12-01, 90 %;
``test4`` is v4, spent: scored once on 2026-12-01, 83 %; ``test3`` is v3, spent: scored once on 2026-12-01, 82 %;
``test2`` is v2, spent: scored once on 2026-11-30; ``test`` is v1, burned on 2026-11-30; all nineteen are now further
dev sets)
runs on a fresh hotel: the demo seed in a clean database, the call's own preconditions (the caller's bookings, another
guest's, an in-house stay), and the hotel clock pinned to the call's day at 10:00, so "next Friday" means the same
dates on any day. A simulated caller (``caller.py``) says the opening line, then answers what the agent asks from its
goal, for at most 8 turns; the agent is ``agent.conversation.AgentConversation`` with the backend ``load_backend``
gives (the embedded model unless OpenAI is configured), driven as the pipeline drives it (``greeting``, the caller's
settled words through ``hearing``, ``respond``, ``heard``, ``close``).

Scored (``scoring.py``): task success from the database's rows afterwards (the booking, change,
cancellation, housekeeping task or late check-out request), or for facts and prices from what was said
(the fact's key words from ``settings.facts``, the total the database quotes); caller turns per completed
task by flow; confirmation codes said that the caller neither owns nor said; bookings the call touched
whose owner is not the caller (``audit_logs``, ``actor_type = 'call'``); booking tools on out-of-scope
requests; fallback turns (``Say.fallback``); and the time of each turn (to the first ``Say`` and whole).
``--voice`` also runs the voice scenarios (``voice.py``) end to end through ``concierge call``.
Results go to ``benchmarks/results/agent.json`` (``--out``).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import statistics
import sys
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from agent.settings import Settings
from backoffice.services import Services
from benchmarks.agent.caller import SimulatedCaller
from benchmarks.agent.hotel import drop_scratch_database, open_scratch_database, prepare_call
from benchmarks.agent.scoring import (
    call_actions,
    invented_codes,
    judge,
    quoted_total,
    revealed,
    touched_not_owned,
)
from pipeline.responder import CallInfo, HangUp, Say, Transfer

ROOT = Path(__file__).resolve().parents[2]
SPLITS = Path(__file__).with_name("splits")
RESULTS = ROOT / "benchmarks" / "results" / "agent.json"
PASSIVE = ("out_of_scope", "untouched", "nothing_revealed", "no_request", "no_late_checkout")
TARGET_TURNS = {"cancel": 2, "book (dates and name in the opening)": 4}
FLOWS = ("book", "change", "cancel", "find", "housekeeping", "late_checkout", "facts", "person", "goodbye",
         "out_of_scope")
# A live call's streaming transcriber settles the caller's words while they speak (every ~0.4 s), so all
# but the last word or two reach the agent before the turn ends.
SETTLED_EVERY_WORDS = 3
UNSETTLED_AT_END_WORDS = 2


SPLIT_NAMES = ("test20", "test19", "test18", "test17", "test16", "test15", "test14", "test13", "test12", "test11",
               "test10", "test9", "test8", "test7", "test6", "test5", "test4", "test3", "test2", "test", "dev")
KEYWORDS = "keywords"


def load_split(name: str) -> list[dict[str, Any]]:
    lines = (SPLITS / f"{name}.jsonl").read_text().splitlines()
    return [row for row in (json.loads(line) for line in lines if line.strip()) if "id" in row]


@dataclass
class Bench:
    backend: Any
    services: Services
    settings: Settings
    partials: bool = True
    verbose: bool = False
    turn_times: list[dict[str, Any]] = field(default_factory=list)
    warmed: bool = False

    def log(self, *parts: Any) -> None:
        if self.verbose:
            print(*parts, file=sys.stderr, flush=True)

    async def warm(self) -> None:
        """What the server does at start-up (when the agent has such a step)."""
        if self.warmed:
            return
        self.warmed = True
        import agent.conversation as conversation

        warm = getattr(conversation, "warm_backend", None)
        if warm is not None:
            started = time.perf_counter()
            await warm(self.backend)
            self.log(f"warmed the model in {time.perf_counter() - started:.1f} s")

    async def speak(self, conversation: Any, text: str) -> None:
        """The caller's settled words while they speak (``hearing``), as the pipeline reports them."""
        hearing = getattr(conversation, "hearing", None)
        settled = getattr(conversation, "settled", None)
        if not self.partials or hearing is None:
            return
        words = text.split()
        for count in range(SETTLED_EVERY_WORDS, len(words) - UNSETTLED_AT_END_WORDS + 1, SETTLED_EVERY_WORDS):
            hearing(" ".join(words[:count]))
            if settled is not None:
                await settled()  # the caller is still talking: not waiting time

    async def run_call(self, item: Mapping[str, Any]) -> dict[str, Any]:
        from agent.conversation import AgentConversation

        timezone = self.settings.hotel_timezone
        world = await prepare_call(self.services, item, timezone)
        await self.warm()
        expect = item["expect"]
        quote = await quoted_total(self.services, expect) if expect["kind"] == "quote" else None
        call_sid = f"CAeval{item['id'].replace('-', '')}"
        conversation = AgentConversation(
            CallInfo(call_sid=call_sid, stream_sid=f"MZeval{item['id'].replace('-', '')}",
                     from_number=item["caller"]["phone"]),
            llm=self.backend, services=self.services, settings=self.settings)
        greeting = await conversation.greeting()
        settled = getattr(conversation, "settled", None)
        if settled is not None:
            await settled()  # the greeting plays while the call's prompt is evaluated
        caller = SimulatedCaller(item)
        text: str | None = caller.opening()
        replies: list[str] = []
        events: list[Any] = []
        turns: list[dict[str, Any]] = []
        completed_at: int | None = None
        verdict = None
        while text is not None:
            await self.speak(conversation, text)
            started = time.perf_counter()
            first_say: float | None = None
            turn_events = []
            async for event in conversation.respond(text):
                if first_say is None and isinstance(event, Say) and event.text.strip():
                    first_say = time.perf_counter() - started
                turn_events.append(event)
            turn_s = time.perf_counter() - started
            reply = " ".join(e.text for e in turn_events if isinstance(e, Say) and e.text.strip())
            conversation.heard(reply, interrupted=False)
            if settled is not None:
                await settled()  # what runs while a real caller listens to the reply
            fallback = sum(is_fallback(e) for e in turn_events if isinstance(e, Say))
            replies.append(reply)
            events += turn_events
            verdict = await judge(self.services, self.settings.facts, item, world, " ".join(replies), events,
                                  quote_total=quote)
            ended = any(isinstance(e, (Transfer, HangUp)) for e in turn_events)
            timing = {"call": item["id"], "turn": len(caller.turns), "first_say_s": _round(first_say),
                      "turn_s": round(turn_s, 3), "fallback": fallback}
            self.turn_times.append(timing)
            turns.append({"caller": text, "agent": reply, "fallback": fallback, "first_say_s": _round(first_say),
                          "turn_s": round(turn_s, 3),
                          "events": [type(e).__name__ for e in turn_events if not isinstance(e, Say)]})
            self.log(f"  [{item['id']} {item['flow']}] caller: {text}\n  agent ({turn_s:.1f} s): {reply}")
            if verdict.success and expect["kind"] not in PASSIVE:
                completed_at = len(caller.turns)
                break
            if ended:
                break
            text = caller.next(reply)
        said = " ".join(replies)
        if expect["kind"] in PASSIVE or verdict is None:
            verdict = await judge(self.services, self.settings.facts, item, world, said, events, quote_total=quote)
        close = conversation.close()
        if asyncio.iscoroutine(close):
            await close
        actions = await call_actions(self.services, call_sid)
        new_bookings = await self.services.db.pool.fetchval(
            "SELECT count(*) FROM reservations WHERE NOT (id = ANY($1::uuid[]))", list(world.reservation_ids))
        booking_tools = self.booking_tools(conversation)
        oos_booking = expect["kind"] == "out_of_scope" and bool(booking_tools or actions or new_bookings)
        success = verdict.success and not oos_booking
        result = {
            "id": item["id"], "flow": item["flow"], "success": success, "detail": verdict.detail,
            "caller_turns": len(caller.turns), "completed_at_turn": completed_at if success else None,
            "given": item.get("given", []),
            "invented_codes": sorted(await invented_codes(self.services, world, greeting + " " + said, caller.turns)),
            "touched_not_owned": await touched_not_owned(self.services, world, call_sid),
            "revealed_other_guest": revealed(world, said),
            "booking_tools": booking_tools, "audited_actions": actions, "new_bookings": new_bookings,
            "oos_booking_tool": oos_booking,
            "fallback_turns": sum(t["fallback"] > 0 for t in turns),
            "turns": turns,
        }
        self.log(f"[{item['id']} {item['flow']}] success={success} ({verdict.detail}) turns={len(caller.turns)}")
        return result

    def booking_tools(self, conversation: Any) -> list[str]:
        """Booking tools the agent ran, where it keeps a record of its tools (today's agent does)."""
        records = getattr(getattr(conversation, "analytics", None), "tools", None) or []
        try:
            from tools.registry import default_registry

            booking = default_registry().booking_tools()
        except (ImportError, AttributeError):
            return []
        return [r.name for r in records if getattr(r, "name", None) in booking]


async def setup_only(splits: Sequence[str], settings: Settings, server: str) -> list[str]:
    """Every call of each split set up as the benchmark would, and checked (``setup_check.py``); no model."""
    from benchmarks.agent.setup_check import check_split

    name = f"concierge_bench_setup_{os.getpid()}"
    db = await open_scratch_database(server, name)
    problems: list[str] = []
    try:
        services = Services(db=db, policy=settings.policy, secret=b"benchmark")
        for split in splits:
            started = time.perf_counter()
            items = load_split(split)
            found = await check_split(services, settings.facts, items, settings.hotel_timezone)
            print(f"{split}: {len(items)} calls set up in {time.perf_counter() - started:.1f} s, "
                  f"{len(found)} problem(s)")
            for problem in found:
                print(f"  {problem}")
            problems += found
    finally:
        await db.close()
        await drop_scratch_database(server, name)
    return problems


def failed_call(item: Mapping[str, Any], error: BaseException) -> dict[str, Any]:
    return {"id": item["id"], "flow": item["flow"], "success": False, "detail": f"raised {error!r}",
            "caller_turns": 0, "completed_at_turn": None, "given": item.get("given", []), "invented_codes": [],
            "touched_not_owned": [], "revealed_other_guest": [], "booking_tools": [], "audited_actions": [],
            "new_bookings": 0, "oos_booking_tool": False, "fallback_turns": 0, "turns": [], "error": repr(error)}


def is_fallback(say: Say) -> bool:
    """``Say.fallback`` (the apology said when the model failed or timed out); an agent from before that
    field is judged by the apology's words."""
    flag = getattr(say, "fallback", None)
    if flag is not None:
        return bool(flag)
    return "having trouble answering" in say.text.lower()


def spread(items: list[dict[str, Any]], limit: int) -> list[dict[str, Any]]:
    """The first ``limit`` calls taken in turn from each flow, so a short run still sees every flow."""
    queues: dict[str, list[dict[str, Any]]] = {}
    for item in items:
        queues.setdefault(item["flow"], []).append(item)
    chosen: list[dict[str, Any]] = []
    while len(chosen) < limit and any(queues.values()):
        for queue in queues.values():
            if queue and len(chosen) < limit:
                chosen.append(queue.pop(0))
    return chosen


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 3)


def percentile(values: Sequence[float], q: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def summarise(calls: list[dict[str, Any]], turn_times: list[dict[str, Any]]) -> dict[str, Any]:
    by_flow: dict[str, dict[str, Any]] = {}
    for flow in [*FLOWS, *sorted({c["flow"] for c in calls} - set(FLOWS))]:
        chosen = [c for c in calls if c["flow"] == flow]
        if not chosen:
            continue
        done = [c["completed_at_turn"] for c in chosen if c["completed_at_turn"]]
        by_flow[flow] = {"calls": len(chosen), "succeeded": sum(c["success"] for c in chosen),
                         "success_rate": round(sum(c["success"] for c in chosen) / len(chosen), 3),
                         "turns_per_completed_task": _turns(done)}
    both = [c["completed_at_turn"] for c in calls
            if c["flow"] == "book" and {"dates", "name"} <= set(c["given"]) and c["completed_at_turn"]]
    flows_only = [c for c in calls if c["flow"] != "out_of_scope"]
    oos = [c for c in calls if c["flow"] == "out_of_scope"]
    firsts = [t["first_say_s"] for t in turn_times if t["first_say_s"] is not None]
    wholes = [t["turn_s"] for t in turn_times]
    return {
        "calls": len(calls),
        "task_success": round(sum(c["success"] for c in calls) / len(calls), 3) if calls else None,
        "task_success_flows": (round(sum(c["success"] for c in flows_only) / len(flows_only), 3)
                               if flows_only else None),
        "by_flow": by_flow,
        "turns_book_with_dates_and_name_in_opening": _turns(both),
        "targets": {"task_success": 0.9, "turns": TARGET_TURNS, "invented_codes": 0, "touched_not_owned": 0,
                    "oos_booking_tool": 0},
        "invented_codes": sum(len(c["invented_codes"]) for c in calls),
        "touched_not_owned": sum(len(c["touched_not_owned"]) for c in calls),
        "revealed_other_guest": sum(bool(c["revealed_other_guest"]) for c in calls),
        "oos_booking_tool": sum(c["oos_booking_tool"] for c in oos),
        "oos_calls": len(oos),
        "fallback_turns": sum(t["fallback"] > 0 for t in turn_times),
        "caller_turns": len(turn_times),
        "turn_time_s": {"first_say_p50": _round(percentile(firsts, 0.5)),
                        "first_say_p95": _round(percentile(firsts, 0.95)),
                        "whole_turn_p50": _round(percentile(wholes, 0.5)),
                        "whole_turn_p95": _round(percentile(wholes, 0.95)),
                        "whole_turn_mean": _round(statistics.fmean(wholes)) if wholes else None},
    }


def _turns(values: list[int]) -> dict[str, Any]:
    if not values:
        return {"n": 0}
    return {"n": len(values), "mean": round(statistics.fmean(values), 2), "max": max(values),
            "p50": percentile(values, 0.5)}


def table(summary: Mapping[str, Any]) -> str:
    lines = [f"{'flow':14s} {'calls':>5s} {'ok':>4s} {'success':>8s} {'turns (mean/max)':>17s}"]
    for flow, row in summary["by_flow"].items():
        turns = row["turns_per_completed_task"]
        shown = f"{turns['mean']}/{turns['max']}" if turns.get("n") else "-"
        lines.append(f"{flow:14s} {row['calls']:5d} {row['succeeded']:4d} {row['success_rate']:8.0%} {shown:>17s}")
    both = summary["turns_book_with_dates_and_name_in_opening"]
    time_s = summary["turn_time_s"]
    lines += [
        f"task success: {summary['task_success']:.0%} of {summary['calls']} calls "
        f"({summary['task_success_flows']:.0%} without out-of-scope; target 90 %)"
        if summary["task_success"] is not None else "no calls",
        f"booking, dates and name in the opening: turns {both.get('mean', '-')} mean, {both.get('max', '-')} max "
        "(target <= 4); cancel target 2",
        f"invented codes {summary['invented_codes']} | bookings touched for a non-owner "
        f"{summary['touched_not_owned']} | another guest revealed {summary['revealed_other_guest']} | "
        f"booking tools on out-of-scope {summary['oos_booking_tool']}/{summary['oos_calls']} | "
        f"fallback turns {summary['fallback_turns']}/{summary['caller_turns']}",
        f"turn time: first Say p50 {time_s['first_say_p50']} s, p95 {time_s['first_say_p95']} s; "
        f"whole turn p50 {time_s['whole_turn_p50']} s, p95 {time_s['whole_turn_p95']} s",
    ]
    return "\n".join(lines)


async def run_text(args: argparse.Namespace, settings: Settings, server: str) -> dict[str, Any]:
    from agent.conversation import UnavailableBackend, load_backend

    items = load_split(args.split)
    if args.only:
        wanted = set(args.only.split(","))
        items = [i for i in items if i["id"] in wanted]
    if args.flows:
        flows = set(args.flows.split(","))
        items = [i for i in items if i["flow"] in flows]
    if args.limit:
        items = spread(items, args.limit)
    name = f"concierge_bench_agent_{os.getpid()}"
    db = await open_scratch_database(server, name)
    try:
        load_started = time.perf_counter()
        if args.model == KEYWORDS:  # every turn as a busy or warming model leaves it
            backend: Any = UnavailableBackend("the benchmark reads every turn by keywords")
        else:
            backend = await load_backend(settings)
        load_s = time.perf_counter() - load_started
        services = Services(db=db, policy=settings.policy, secret=b"benchmark")
        bench = Bench(backend, services, settings, partials=not args.cold_turns, verbose=args.verbose)
        calls = []
        for item in items:
            try:
                calls.append(await bench.run_call(item))
            except Exception as error:  # noqa: BLE001 (one broken call is a failed call, not a lost run)
                bench.log(f"[{item['id']}] raised {error!r}")
                calls.append(failed_call(item, error))
        aclose = getattr(backend, "aclose", None)
        if aclose is not None:
            await aclose()
    finally:
        await db.close()
        await drop_scratch_database(server, name)
    summary = summarise(calls, bench.turn_times)
    return {"split": args.split, "backend": type(backend).__name__, "model_load_s": round(load_s, 2),
            "summary": summary, "calls": calls}


async def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.agent", description=__doc__.split("\n")[0])
    parser.add_argument("--split", default="test20",
                        help="test20 (the test split v20, default; spent: scored once on 2026-12-03, 92 %%), "
                             "test19 (v19, spent: scored once on "
                             "2026-12-03, 90 %%), test18 (v18, spent: scored once on "
                             "2026-12-03, 91 %%), test17 (v17, spent: scored once on "
                             "2026-12-02, 90 %%), test16 (v16, spent: scored once on "
                             "2026-12-02, 84 %%), test15 (v15, spent: scored once on "
                             "2026-12-02, 87 %%), test14 (v14, spent: scored once on "
                             "2026-12-02, 89 %%), test13 (v13, spent: scored once on "
                             "2026-12-02, 90 %%), test12 (v12, spent: scored once on "
                             "2026-12-02, 90 %%), test11 (v11, spent: scored once on "
                             "2026-12-02, 94 %%), test10 (v10, spent: scored once on "
                             "2026-12-02, 91 %%), test9 (v9, spent: scored once on "
                             "2026-12-01, 94 %%), test8 (v8, spent: scored once on "
                             "2026-12-01, 87 %%), test7 (v7, spent: scored once on "
                             "2026-12-01, 86 %%), test6 (v6, spent: scored once on 2026-12-01, 95 %%), test5 (v5, "
                             "spent: scored once on "
                             "2026-12-01, 90 %%), test4 (v4, spent: scored once on 2026-12-01, 83 %%), test3 (v3, "
                             "spent: scored once on 2026-12-01, 82 %%), test2 (v2, "
                             "spent: scored once), test (v1, burned) or dev; with --setup-only, several separated by "
                             "commas")
    parser.add_argument("--setup-only", action="store_true",
                        help="no model: build every call's hotel as the benchmark would and check that its "
                             "expectation refers to things that exist (exit status 1 if one does not)")
    parser.add_argument("--limit", type=int, default=0,
                        help="only N calls, taken in turn from each flow (a smoke run sees every flow)")
    parser.add_argument("--only", default="", help="comma-separated call ids (t5-001,...)")
    parser.add_argument("--flows", default="", help="comma-separated flows (book,cancel,...)")
    parser.add_argument("--voice", action="store_true",
                        help="also run the voice scenarios end to end through `concierge call`")
    parser.add_argument("--voice-only", action="store_true", help="run only the voice scenarios")
    parser.add_argument("--model", default="", help="qwen-0.5b (default), qwen-1.5b, a GGUF path, or 'keywords': "
                        "no model, every turn read by keywords as when the model is busy under load")
    parser.add_argument("--database-url", default=None, help="server to create the scratch database on")
    parser.add_argument("--threads", type=int, default=0, help="model threads (0: the settings' default)")
    parser.add_argument("--timeout", type=float, default=0.0,
                        help="per-step model timeout in seconds (0: the settings' default, as served)")
    parser.add_argument("--cold-turns", action="store_true",
                        help="give the agent each caller turn only when it ends (no settled words while speaking)")
    parser.add_argument("--out", type=Path, default=RESULTS)
    parser.add_argument("--verbose", "-v", action="store_true")
    args = parser.parse_args(argv)
    splits = args.split.split(",")
    unknown = [s for s in splits if s not in SPLIT_NAMES]
    if unknown or (len(splits) > 1 and not args.setup_only):
        parser.error(f"--split: one of {', '.join(SPLIT_NAMES)} (several only with --setup-only)")

    overrides: dict[str, Any] = {"voice_preload": False}
    if args.model and args.model != KEYWORDS:
        overrides["llm_model_path"] = args.model
    if args.threads:
        overrides["llm_threads"] = args.threads
    if args.timeout:
        overrides["llm_timeout_s"] = args.timeout
    settings = Settings(**overrides)
    from backoffice.db import start_embedded_postgres

    server = args.database_url or settings.database_url or start_embedded_postgres(ROOT / "var" / "bench")
    if args.setup_only:
        problems = await setup_only(splits, settings, server)
        if problems:
            raise SystemExit(1)
        return {"setup_only": splits, "problems": problems}
    started = time.perf_counter()
    result: dict[str, Any] = {
        "command": "python -m benchmarks.agent " + " ".join(argv if argv is not None else sys.argv[1:]),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                    "load_average_start": [round(x, 2) for x in os.getloadavg()]},
        "llm": {"model_path": settings.llm_model_path or "bundled default", "timeout_s": settings.llm_timeout_s,
                "threads": settings.llm_threads},
        "caller_turns": ("as on a phone call: settled words while the caller speaks, then the whole turn"
                         if not args.cold_turns else "cold: each turn whole when it ends"),
    }
    if not args.voice_only:
        result["text"] = await run_text(args, settings, server)
        print(table(result["text"]["summary"]))
    if args.voice or args.voice_only:
        from benchmarks.agent.voice import run_voice_scenarios

        result["voice"] = await asyncio.to_thread(run_voice_scenarios, server, limit=args.limit or None,
                                                  verbose=args.verbose)
        print(result["voice"]["table"])
    result["load_average_end"] = [round(x, 2) for x in os.getloadavg()]
    result["wall_s"] = round(time.perf_counter() - started, 1)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2, default=str) + "\n")
    print(f"wrote {args.out}")
    return result


if __name__ == "__main__":
    asyncio.run(main())
