"""Agent evaluation: replay text dialogues turn by turn through the real conversation and model.

    python -m benchmarks.agent [--suites scenarios,sgd,oos] [--model qwen-0.5b|qwen-1.5b|PATH]
    ./concierge bench agent

Suites (each on a scratch database seeded with the demo hotel, with a fixed "today"):
- scenarios: ``scenarios.json``, scripted calls covering every tool; per turn the acceptable
  next action; per scenario a check of the database (or call events) for task success.
- sgd: the Schema-Guided Dialogue hotel dialogues of ``hotel_turns.jsonl`` replayed whole; at the
  35 turns with a gold ``expected_service_call``, ReserveHotel must be a booking-flow tool
  (check_availability, quote_stay, create_reservation) with the gold check-in and check-out dates,
  and SearchHotel/SearchHouse an availability tool or a question back (SGD searches carry no dates,
  which our tools need) - never a booking or an unrelated tool. "Today" is 2019-03-01, SGD's anchor.
- oos: CLINC150 out-of-scope utterances (and flight / car / restaurant requests): no booking tool.

Reports tool-selection and argument accuracy, task success, well-formed calls, and time to first
token (p50/p95, excluding each call's first turn) into ``benchmarks/results/agent.json``.

Measured as the server runs: the system prompt, tools and worked examples are evaluated once per
suite (start-up), each call's prompt while its greeting plays, and each call's history while the
caller listens (``settled()`` stands in for that time); a plain "yes" to a read-back is acted on
by the conversation without a model step. "Right tool" is the first tool the turn ran (or none);
"right arguments" compares with defaults applied, and counts a wrong tool as wrong arguments.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import sys
import time
from collections.abc import AsyncIterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from agent.conversation import AgentConversation, prompt_prefix
from agent.llm.base import LLMEvent, LLMSettings, Message, ToolCall, ToolSpec
from agent.llm.embedded import EmbeddedBackend
from agent.llm.model_files import resolve_model_path
from agent.settings import Settings
from backoffice.db import start_embedded_postgres
from backoffice.services import Services
from benchmarks.agent.hotel import (
    FixedClock,
    Fixtures,
    drop_scratch_database,
    hotel_morning,
    open_scratch_database,
    reset_hotel,
)
from pipeline.responder import CallInfo, HangUp, ReplyEvent, Transfer
from tools.registry import default_registry

ROOT = Path(__file__).resolve().parents[2]
DIALOGUES = ROOT.parent / "shared" / "data" / "dialogues"
SCENARIOS = Path(__file__).with_name("scenarios.json")
RESULTS = ROOT / "benchmarks" / "results" / "agent.json"
SGD_TODAY = date(2019, 3, 1)
OOS_INTENTS = ("oos",)
OTHER_DOMAIN_INTENTS = ("book_flight", "car_rental", "restaurant_reservation")
BOOKING_FLOW = ("check_availability", "quote_stay", "create_reservation")
SEARCH_OK = (None, "check_availability", "quote_stay")


@dataclass
class RecordingBackend:
    """Passes the model's events through and keeps what the report needs (TTFT, every call)."""

    inner: EmbeddedBackend
    name: str = "recording"
    wants_examples: bool = True
    steps: list[dict[str, Any]] = field(default_factory=list)
    calls: list[ToolCall] = field(default_factory=list)
    turn_index: int = 0

    async def stream(
        self, messages: Sequence[Message], tools: Sequence[ToolSpec], *, choices: Sequence[ToolSpec] | None = None
    ) -> AsyncIterator[LLMEvent]:
        async for event in self.inner.stream(messages, tools, choices=choices):
            if isinstance(event, ToolCall):
                self.calls.append(event)
            yield event
        self.steps.append({"turn": self.turn_index, "ttft_s": self.inner.last_ttft_s,
                           "prompt_tokens": self.inner.last_prompt_tokens,
                           "cached_tokens": self.inner.last_cached_tokens})

    async def warm(self, messages: Sequence[Message], tools: Sequence[ToolSpec], *, partial: str = "") -> None:
        await self.inner.warm(messages, tools, partial=partial)

    async def aclose(self) -> None:
        return None


def _norm(value: Any) -> str:
    return " ".join(str(value).strip().lower().split())


def with_defaults(tool: str | None, actual: Mapping[str, Any]) -> dict[str, Any]:
    """The arguments as the tool saw them: defaults filled in ("just me" may rightly omit guests=1)."""
    registry = default_registry()
    if tool is None or tool not in registry:
        return dict(actual)
    try:
        parsed = registry.get(tool).arguments.model_validate(dict(actual))
    except ValueError:
        return dict(actual)
    # Defaults filled in, and what was given as the tool read it ("2 pm" is the "14:00" it acts on).
    return {**parsed.model_dump(mode="json"), **dict(actual), **parsed.model_dump(mode="json", exclude_unset=True)}


def arguments_match(expected: Mapping[str, Any], actual: Mapping[str, Any], conversation: AgentConversation,
                    fixtures: Fixtures | None, tool: str | None = None) -> bool:
    actual = with_defaults(tool, actual)
    for key, want in expected.items():
        if key == "offer":
            offer = conversation.context.state.open_offer(str(actual.get("offer_id", ""))) or next(
                (o for o in conversation.context.state.offers.values()
                 if o.id == str(actual.get("offer_id", "")).strip()), None)
            if offer is None:
                return False
            quote = offer.quote
            facts = {"room_type": quote.room_type_code, "check_in": quote.check_in.isoformat(),
                     "check_out": quote.check_out.isoformat(), "guests": quote.guests}
            if any(_norm(facts[k]) != _norm(v) for k, v in want.items()):
                return False
            continue
        wanted = fixtures.fill(str(want)) if fixtures and isinstance(want, str) else want
        got = actual.get(key)
        if key == "confirmation_code" and got is not None:
            got = "".join(ch for ch in str(got) if ch.isalnum())
        if key == "reservation_id" and fixtures is not None and got is not None \
                and "".join(ch for ch in str(got) if ch.isalnum()).upper() == fixtures.code:
            got = wanted  # the confirmation code names the same booking as its res_N id
        if key == "room_type" and got is not None:
            got = str(got).upper()
        if got is None or _norm(got) != _norm(wanted):
            return False
    return True


@dataclass
class TurnOutcome:
    tool: str | None
    arguments: dict[str, Any]
    events: list[ReplyEvent]
    said: str


# A live call's streaming transcriber settles the caller's words while they speak (LocalAgreement
# over partials every 0.4 s), so all but the last word or two are known before the turn ends.
SETTLED_EVERY_WORDS = 3
UNSETTLED_AT_END_WORDS = 2


async def speak_partials(conversation: AgentConversation, text: str) -> None:
    """What the pipeline tells the agent while the caller says ``text`` (``AgentConversation.hearing``)."""
    words = text.split()
    for settled in range(SETTLED_EVERY_WORDS, len(words) - UNSETTLED_AT_END_WORDS + 1, SETTLED_EVERY_WORDS):
        conversation.hearing(" ".join(words[:settled]))
        await conversation.settled()  # the caller is still talking: this is not waiting time


async def run_turn(conversation: AgentConversation, backend: RecordingBackend, text: str, *,
                   partials: bool = True) -> TurnOutcome:
    before = len(conversation.analytics.tools)
    backend.turn_index += 1
    if partials:
        await speak_partials(conversation, text)
    events = [event async for event in conversation.respond(text)]
    await conversation.settled()  # the prefetch that runs while a real caller listens and answers
    executed = conversation.analytics.tools[before:]
    said = " ".join(getattr(event, "text", "") for event in events if getattr(event, "text", ""))
    if executed:
        return TurnOutcome(executed[0].name, dict(executed[0].arguments), events, said)
    return TurnOutcome(None, {}, events, said)


def percentile(values: Sequence[float], q: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
    return ordered[index]


class Bench:
    def __init__(self, backend: RecordingBackend, services: Services, settings: Settings, verbose: bool) -> None:
        self.backend = backend
        self.services = services
        self.settings = settings
        self.verbose = verbose
        self.partials = True
        self.ttft_first: list[float] = []
        self.ttft_later: list[float] = []
        self.calls = 0

    async def warm(self) -> None:
        """Evaluate the suite's fixed prefix (its "today"), as the server does at start-up."""
        started = time.perf_counter()
        prefix = await prompt_prefix(self.backend, self.settings, self.services)
        await self.backend.inner.warm(prefix, default_registry().specs())
        self.log(f"warmed the prefix in {time.perf_counter() - started:.1f} s")

    def conversation(self, caller: str, sid: str) -> AgentConversation:
        self.calls += 1
        call = CallInfo(call_sid=f"CAbench{sid}", stream_sid=f"MZbench{sid}", from_number=caller)
        return AgentConversation(call, llm=self.backend, services=self.services, settings=self.settings,
                                 filler_after_s=60.0)

    def collect_ttft(self, start_step: int) -> None:
        steps = self.backend.steps[start_step:]
        if not steps:
            return
        first_turn = steps[0]["turn"]
        for step in steps:
            if step["ttft_s"] is None:
                continue
            (self.ttft_first if step["turn"] == first_turn else self.ttft_later).append(step["ttft_s"])

    def log(self, *parts: Any) -> None:
        if self.verbose:
            print(*parts, file=sys.stderr, flush=True)

    # --- scripted scenarios -------------------------------------------------------------------

    async def scenarios(self, only: str | None) -> dict[str, Any]:
        spec = json.loads(SCENARIOS.read_text())
        today = date.fromisoformat(spec["today"])
        self.services.clock = FixedClock(hotel_morning(today, self.settings.hotel_timezone))
        booking = default_registry().booking_tools()
        await reset_hotel(self.services, with_guests=False)
        await self.warm()
        turns_total = tools_right = args_total = args_right = 0
        report = []
        for index, scenario in enumerate(spec["scenarios"]):
            if only and scenario["name"] != only:
                continue
            fixtures = await reset_hotel(self.services)
            conversation = self.conversation(scenario["caller"], f"S{index}")
            start_step = len(self.backend.steps)
            await conversation.greeting()
            await conversation.settled()  # the greeting plays while the call's prompt is evaluated
            events: list[ReplyEvent] = []
            called: list[str] = []
            turns = []
            for turn in scenario["turns"]:
                text = fixtures.fill(turn["user"])
                outcome = await run_turn(conversation, self.backend, text, partials=self.partials)
                events += outcome.events
                called += [r.name for r in conversation.analytics.tools]
                matched = next((alt for alt in turn["expect"] if alt["tool"] == outcome.tool), None)
                tool_ok = matched is not None
                args_ok: bool | None = None
                canonical = turn["expect"][0]
                if "arguments" in (matched or canonical):
                    args_total += 1
                    args_ok = tool_ok and arguments_match(matched["arguments"], outcome.arguments, conversation,
                                                          fixtures, outcome.tool) \
                        if matched and "arguments" in matched else False
                    args_right += bool(args_ok)
                turns_total += 1
                tools_right += tool_ok
                turns.append({"user": text, "tool": outcome.tool, "arguments": outcome.arguments,
                              "tool_ok": tool_ok, "args_ok": args_ok, "said": outcome.said})
                self.log(f"[{scenario['name']}] {text!r} -> {outcome.tool} {json.dumps(outcome.arguments)} "
                         f"tool_ok={tool_ok} args_ok={args_ok} | {outcome.said[:160]!r}")
            success = await self.check_success(scenario["success"], fixtures, events, conversation, booking)
            await conversation.close()
            self.collect_ttft(start_step)
            report.append({"name": scenario["name"], "success": success, "turns": turns})
            self.log(f"[{scenario['name']}] success={success}")
        return {
            "turns": turns_total,
            "tool_accuracy": tools_right / turns_total if turns_total else None,
            "argument_turns": args_total,
            "argument_accuracy": args_right / args_total if args_total else None,
            "task_success": sum(s["success"] for s in report) / len(report) if report else None,
            "scenarios": report,
        }

    async def check_success(self, rule: Mapping[str, Any], fixtures: Fixtures, events: list[ReplyEvent],
                            conversation: AgentConversation, booking: frozenset[str]) -> bool:
        pool = self.services.db.pool
        called = [record.name for record in conversation.analytics.tools if record.ok]
        if "reservation" in rule:
            want = rule["reservation"]
            row = await pool.fetchrow(
                """SELECT r.status, r.check_in, r.check_out, rt.code FROM reservations r
                   JOIN guests g ON g.id = r.guest_id JOIN room_types rt ON rt.id = r.room_type_id
                   WHERE g.phone = $1""", want["phone"])
            count = await pool.fetchval(
                "SELECT count(*) FROM reservations r JOIN guests g ON g.id = r.guest_id WHERE g.phone = $1",
                want["phone"])
            if row is None or count != 1:
                return False
            found = {"room_type": row["code"], "status": row["status"], "check_in": row["check_in"].isoformat(),
                     "check_out": row["check_out"].isoformat()}
            return all(found[key] == want[key] for key in found)
        if "reservation_code" in rule:
            want = rule["reservation_code"]
            row = await pool.fetchrow("SELECT status, check_out FROM reservations WHERE confirmation_code = $1",
                                      fixtures.fill(want["code"]))
            if row is None:
                return False
            if "status" in want and row["status"] != want["status"]:
                return False
            return not ("check_out" in want and row["check_out"].isoformat() != want["check_out"])
        if "housekeeping_tasks" in rule:
            count = await pool.fetchval(
                """SELECT count(*) FROM housekeeping_tasks t JOIN rooms r ON r.id = t.room_id
                   WHERE r.room_number = $1
                     AND t.task_type IN ('towels', 'stayover_clean', 'extra_bed', 'amenities')""",
                fixtures.room)
            return bool(count == rule["housekeeping_tasks"])
        if "outbox_event" in rule:
            return bool(await pool.fetchval("SELECT count(*) FROM outbox WHERE event_type = $1", rule["outbox_event"]))
        if "tool_called" in rule:
            return rule["tool_called"] in called
        if "tool_called_any" in rule:
            return any(name in called for name in rule["tool_called_any"])
        if "event" in rule:
            kind = {"transfer": Transfer, "hang_up": HangUp}[rule["event"]]
            return any(isinstance(event, kind) for event in events)
        if "no_booking_tool" in rule:
            return not any(name in booking for name in called)
        raise ValueError(f"unknown success rule {rule}")

    # --- SGD dialogues ------------------------------------------------------------------------

    async def sgd(self) -> dict[str, Any]:
        self.services.clock = FixedClock(hotel_morning(SGD_TODAY, self.settings.hotel_timezone))
        rows = [json.loads(line) for line in (DIALOGUES / "hotel_turns.jsonl").read_text().splitlines() if line]
        dialogues: dict[str, list[dict[str, Any]]] = {}
        for row in rows:
            if row["source"].startswith("SGD"):
                dialogues.setdefault(row["dialogue_id"], []).append(row)
        by_method: dict[str, dict[str, int]] = {}
        details = []
        await reset_hotel(self.services, with_guests=False)
        await self.warm()
        for number, (dialogue_id, turns) in enumerate(dialogues.items()):
            if not any(t["expected_service_call"] for t in turns):
                continue
            conversation = self.conversation("+8801711000100", f"G{number}")
            start_step = len(self.backend.steps)
            await conversation.greeting()
            await conversation.settled()  # the greeting plays while the call's prompt is evaluated
            ordered = sorted(turns, key=lambda t: t["turn"])
            last_gold = max(i for i, t in enumerate(ordered) if t["expected_service_call"])
            for turn in ordered[: last_gold + 1]:  # turns after the last gold call measure nothing
                outcome = await run_turn(conversation, self.backend, turn["text"], partials=self.partials)
                gold = turn["expected_service_call"]
                if not gold:
                    continue
                method = gold["method"]
                stats = by_method.setdefault(method, {"turns": 0, "tool_ok": 0, "args_turns": 0, "args_ok": 0})
                stats["turns"] += 1
                if method == "ReserveHotel":
                    tool_ok = outcome.tool in BOOKING_FLOW
                    params = gold["parameters"]
                    check_in = date.fromisoformat(params["check_in_date"])
                    check_out = (date.fromisoformat(params["check_out_date"]) if "check_out_date" in params
                                 else check_in + timedelta(days=int(params["number_of_days"])))
                    want = {"check_in": check_in.isoformat(), "check_out": check_out.isoformat()}
                    expected = {"offer": want} if outcome.tool == "create_reservation" else want
                    args_ok = tool_ok and arguments_match(expected, outcome.arguments, conversation, None,
                                                          outcome.tool)
                    stats["args_turns"] += 1
                    stats["args_ok"] += args_ok
                else:
                    tool_ok = outcome.tool in SEARCH_OK
                    args_ok = None
                stats["tool_ok"] += tool_ok
                details.append({"dialogue": dialogue_id, "turn": turn["turn"], "user": turn["text"],
                                "gold": gold, "tool": outcome.tool, "arguments": outcome.arguments,
                                "tool_ok": tool_ok, "args_ok": args_ok})
                self.log(f"[sgd {dialogue_id}] {turn['text'][:70]!r} gold={method} -> {outcome.tool} "
                         f"{json.dumps(outcome.arguments)} ok={tool_ok} args={args_ok}")
            await conversation.close()
            self.collect_ttft(start_step)
        turns = sum(s["turns"] for s in by_method.values())
        return {
            "gold_turns": turns,
            "tool_accuracy": sum(s["tool_ok"] for s in by_method.values()) / turns if turns else None,
            "by_method": by_method,
            "mapping": "ReserveHotel -> check_availability|quote_stay|create_reservation with gold dates; "
                       "SearchHotel/SearchHouse -> check_availability|quote_stay|a question back",
            "details": details,
        }

    # --- CLINC150 out of scope ----------------------------------------------------------------

    async def oos(self) -> dict[str, Any]:
        self.services.clock = FixedClock(hotel_morning(date(2026, 12, 1), self.settings.hotel_timezone))
        await reset_hotel(self.services, with_guests=False)
        await self.warm()
        rows = [json.loads(line) for line in (DIALOGUES / "clinc150_hotel_related.jsonl").read_text().splitlines()]
        booking = default_registry().booking_tools()
        groups: dict[str, dict[str, Any]] = {}
        for row in rows:
            group = "oos" if row["intent"] in OOS_INTENTS else (
                "other_domains" if row["intent"] in OTHER_DOMAIN_INTENTS else None)
            if group is None:
                continue
            conversation = self.conversation("+8801711000200", f"O{row['idx']}")
            start_step = len(self.backend.steps)
            await conversation.greeting()
            await conversation.settled()
            outcome = await run_turn(conversation, self.backend, row["text"], partials=self.partials)
            names = [record.name for record in conversation.analytics.tools]
            stats = groups.setdefault(group, {"utterances": 0, "booking_tool_calls": 0, "bookings_changed": 0,
                                              "any_tool": 0, "tools": {}})
            stats["utterances"] += 1
            stats["booking_tool_calls"] += sum(name in booking for name in names)  # attempted, even if refused
            stats["bookings_changed"] += sum(1 for r in conversation.analytics.tools
                                             if r.ok and r.effect in ("booked", "modified", "cancelled"))
            stats["any_tool"] += bool(names)
            for name in names:
                stats["tools"][name] = stats["tools"].get(name, 0) + 1
            self.log(f"[oos {row['intent']}] {row['text']!r} -> {names} | {outcome.said[:100]!r}")
            await conversation.close()
            self.collect_ttft(start_step)
        return groups


async def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.agent", description=__doc__.split("\n")[0])
    parser.add_argument("--suites", default="scenarios,sgd,oos")
    parser.add_argument("--model", default="", help="qwen-0.5b (default), qwen-1.5b or a GGUF path")
    parser.add_argument("--scenario", default=None, help="run only this scripted scenario")
    parser.add_argument("--database-url", default=None, help="server to create the scratch database on")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=60.0,
                        help="per-step model timeout; generous, as the benchmark measures rather than serves")
    parser.add_argument("--cold-turns", action="store_true",
                        help="give the agent each caller turn only when it ends (no settled words while the "
                             "caller speaks): the time to first token of a text chat, not of a phone call")
    parser.add_argument("--out", type=Path, default=RESULTS)
    parser.add_argument("--verbose", "-v", action="store_true")
    args = parser.parse_args(argv)

    settings = Settings(voice_preload=False)
    server = args.database_url or settings.database_url or start_embedded_postgres(ROOT / "var" / "bench")
    name = f"concierge_bench_agent_{os.getpid()}"
    db = await open_scratch_database(server, name)
    started = time.perf_counter()
    try:
        model_path = resolve_model_path(args.model, settings.data_dir)
        load_started = time.perf_counter()
        inner = await asyncio.to_thread(EmbeddedBackend.load, model_path, n_threads=args.threads,
                                        settings=LLMSettings(timeout_s=args.timeout, max_tokens=160))
        load_s = time.perf_counter() - load_started
        services = Services(db=db, policy=settings.policy, secret=b"benchmark")
        bench = Bench(RecordingBackend(inner), services, settings, args.verbose)
        bench.partials = not args.cold_turns
        result: dict[str, Any] = {
            "command": "python -m benchmarks.agent " + " ".join(argv if argv is not None else sys.argv[1:]),
            "model": model_path.name,
            "model_load_s": round(load_s, 2),
            "machine": {"cpus": os.cpu_count(), "threads": args.threads, "python": platform.python_version(),
                        "load_average_start": [round(x, 2) for x in os.getloadavg()]},
            "caller_turns": (f"as on a phone call: the settled words while the caller speaks, all but the last "
                             f"{UNSETTLED_AT_END_WORDS}" if bench.partials else "cold: each turn whole when it ends"),
        }
        suites = args.suites.split(",")
        if "scenarios" in suites:
            result["scenarios"] = await bench.scenarios(args.scenario)
        if "sgd" in suites:
            result["sgd"] = await bench.sgd()
        if "oos" in suites:
            result["oos"] = await bench.oos()
        calls = bench.backend.calls
        invalid = sum(1 for call in calls if call.malformed)
        result["tool_calls"] = {"total": len(calls), "malformed": invalid,
                                "well_formed_rate": (len(calls) - invalid) / len(calls) if calls else None}
        result["ttft_ms"] = {
            "after_first_turn": {"n": len(bench.ttft_later),
                                 "p50": _ms(percentile(bench.ttft_later, 0.5)),
                                 "p95": _ms(percentile(bench.ttft_later, 0.95))},
            "first_turn": {"n": len(bench.ttft_first), "p50": _ms(percentile(bench.ttft_first, 0.5)),
                           "p95": _ms(percentile(bench.ttft_first, 0.95))},
        }
        evaluated = [s["prompt_tokens"] - s["cached_tokens"] for s in bench.backend.steps]
        result["prompt_tokens_evaluated_per_step"] = {"p50": percentile(evaluated, 0.5),
                                                      "p95": percentile(evaluated, 0.95)}
        result["load_average_end"] = [round(x, 2) for x in os.getloadavg()]
        result["wall_s"] = round(time.perf_counter() - started, 1)
    finally:
        await db.close()
        await drop_scratch_database(server, name)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2, default=str))
    print(json.dumps(_summary(result), indent=2))
    return result


def _ms(seconds: float | None) -> float | None:
    return None if seconds is None else round(seconds * 1000, 1)


def _summary(result: Mapping[str, Any]) -> dict[str, Any]:
    summary = {k: v for k, v in result.items() if k not in ("scenarios", "sgd", "oos")}
    if "scenarios" in result:
        summary["scenarios"] = {k: v for k, v in result["scenarios"].items() if k != "scenarios"}
        summary["scenarios"]["failed"] = [s["name"] for s in result["scenarios"]["scenarios"] if not s["success"]]
    if "sgd" in result:
        summary["sgd"] = {k: v for k, v in result["sgd"].items() if k != "details"}
    if "oos" in result:
        summary["oos"] = result["oos"]
    return summary


if __name__ == "__main__":
    asyncio.run(main())
