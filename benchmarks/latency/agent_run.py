"""The latency benchmark with the real agent in the loop, set up as a new user would.

1. The stock pipecat reference starts first (its LLM: ``python -m llama_cpp.server`` on the same GGUF),
   so its loading does not overlap ours.
2. ``concierge serve`` starts as a subprocess with nothing configured: a fresh data folder, and a fresh
   database on ``DATABASE_URL``'s server (or, with ``--embedded``, the embedded PostgreSQL it starts
   itself). From the spawn, the benchmark dials until a call is answered with a greeting.
3. ``concierge db seed --demo`` runs against the running server, as the README says; the callers of the
   ``lookup`` script get one booking each through the staff API (as the front desk would make it).
4. The calls start right away - no warm-up call, so the first calls count. Each level (1, 4, 8, 16 calls
   at once) runs on ours, then on the reference, with the same scripts and the same audio (the order
   alternates per level). The one-call level makes one call per script, one after another, so every kind
   of turn is measured alone. Our calls dial like Twilio: ``POST /twilio/voice``, then the TwiML's stream.
5. Afterwards ``voice_call_turns.fallback`` says which turns got the apology instead of an answer.

Latency per turn is measured by the caller, on its clock: the end of the caller's speech -> the first
non-silent agent audio as played by the phone (``TurnResult.playout_latency_s``).
"""

from __future__ import annotations

import asyncio
import os
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import aiohttp

from benchmarks.latency import caller_voices
from benchmarks.latency.dial import DialledCaller, dial, without_ring
from benchmarks.latency.scripts import (
    KINDS,
    SCRIPTS,
    SEEDED_GUEST_NAME,
    SEEDED_ROOM_TYPE,
    SEEDED_STAY,
    Script,
    TurnKind,
    script_for,
)
from benchmarks.latency.servers import (
    ROOT,
    FreshServer,
    ModelServer,
    Server,
    book_for_callers,
    drop_database,
    fallback_turns,
    fresh_database,
    percentile,
    run_concierge,
    stage_breakdown,
    start_fresh_server,
    start_model_server,
    start_reference,
    turn_timings,
    turns_read_by_keywords,
)
from pipeline.twilio_client import CallerTurn, CallOptions, CallResult, TwilioCaller

DEMO_PASSWORD = "bench-latency-front-desk"
HOTEL_NUMBER = "+8801700000000"
# The apologies said instead of an answer (the agent's, and the pipeline's when the responder fails): a
# cross-check of ``voice_call_turns.fallback``, which only counts what the responder marked.
APOLOGY_MARKERS = ("having trouble answering", "i had a problem with that")
REPLY_TIMEOUT_S = 15.0  # longer than the agent's model timeout (8 s), so a fallback is heard, not a stall


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def hotel_today(timezone: str = "Asia/Dhaka") -> date:
    return datetime.now(ZoneInfo(timezone)).date()


# --- the calls -----------------------------------------------------------------------------------------


@dataclass
class PlannedCall:
    level: int
    index: int
    script: Script
    voice: str
    from_number: str
    turns: list[CallerTurn]

    @property
    def kinds(self) -> list[TurnKind]:
        return [t.kind for t in self.script.turns]


class Renderer:
    """Renders each (text, voice, SNR, seed) once; the same call at another level reuses the audio."""

    def __init__(self) -> None:
        self._cache: dict[tuple[str, str, float, int], CallerTurn] = {}

    def turn(self, text: str, label: str, voice: str, snr_db: float, seed: int) -> CallerTurn:
        key = (text, voice, snr_db, seed)
        if key not in self._cache:
            clip = caller_voices.render(text, voice, snr_db=snr_db, seed=seed)
            self._cache[key] = CallerTurn(audio=clip.ulaw, text=text, label=label,
                                          speech_start_ms=clip.speech_start_ms, speech_end_ms=clip.speech_end_ms)
        return self._cache[key]


def caller_number(level: int, index: int) -> str:
    return f"+8801913{level:02d}{index:04d}"


def plan(levels: list[int], today: date, renderer: Renderer) -> dict[int, list[PlannedCall]]:
    voices = caller_voices.voice_ids()
    if not voices:
        raise SystemExit("no caller voice is installed: apt-get install espeak-ng (and festival for more voices)")
    planned: dict[int, list[PlannedCall]] = {}
    for level in levels:
        calls = []
        for i in range(len(SCRIPTS) if level == 1 else level):  # level 1: every script, one after another
            script = script_for(i)
            voice = voices[(i + level) % len(voices)]
            snr = (15.0, 20.0, 25.0)[i % 3]
            turns = [renderer.turn(t.text(today), f"{script.name}.{k}.{t.kind}", voice, snr, seed=i)
                     for k, t in enumerate(script.turns)]
            calls.append(PlannedCall(level, i, script, voice, caller_number(level, i), turns))
        planned[level] = calls
    return planned


def seeded_bookings(planned: dict[int, list[PlannedCall]], today: date) -> list[dict[str, object]]:
    arrive, leave = (today + timedelta(days=d) for d in SEEDED_STAY)
    return [
        {"room_type": SEEDED_ROOM_TYPE, "check_in": arrive.isoformat(), "check_out": leave.isoformat(), "guests": 2,
         "guest": {"name": SEEDED_GUEST_NAME, "phone": call.from_number}}
        for calls in planned.values() for call in calls if call.script.caller_has_booking
    ]


# --- running a level --------------------------------------------------------------------------------------


@dataclass
class LevelRun:
    system: str
    calls: int
    planned: list[PlannedCall]
    results: list[CallResult] = field(default_factory=list)
    wall_s: float = 0.0


def completed(call: PlannedCall, result: CallResult) -> bool:
    """Every caller turn was said and answered (the agent hanging up after the goodbye is fine)."""
    return (result.error is None and len(result.turns) == len(call.turns)
            and all(t.reply.first_audio_received_at is not None for t in result.turns))


async def run_level(system: str, planned: list[PlannedCall], *, base_url: str | None, ws_url: str | None) -> LevelRun:
    """All of ``planned`` at once against ours (``base_url``: dial via TwiML) or the reference (``ws_url``);
    the one-call level's calls one after another."""
    level = planned[0].level
    run = LevelRun(system, level, planned)

    async def one(call: PlannedCall) -> CallResult:
        if level > 1:
            await asyncio.sleep(call.index * 1.5 / len(planned))  # real calls do not start in lock-step
        options = CallOptions(from_number=call.from_number, to_number=HOTEL_NUMBER, reply_timeout_s=REPLY_TIMEOUT_S)
        caller: TwilioCaller
        if base_url is not None:
            try:
                async with aiohttp.ClientSession() as http:
                    dialled = await dial(http, base_url, from_number=call.from_number, to_number=HOTEL_NUMBER)
            except (aiohttp.ClientError, ValueError, OSError) as failed:
                result = CallResult("", "", time.monotonic())
                result.error = f"dial failed: {failed}"
                return result
            caller = DialledCaller(dialled, options)
        else:
            assert ws_url is not None
            caller = TwilioCaller(without_ring(options, url=ws_url))
        result = await caller.call(call.turns)
        answered = [t.playout_latency_s for t in result.turns if t.playout_latency_s is not None]
        log(f"  {system} x{level}: call {call.index + 1} ({call.script.name}, {call.voice}) "
            f"{len(answered)}/{len(call.turns)} answered"
            + (f", median {statistics.median(answered):.2f} s" if answered else "")
            + (f", ERROR {result.error}" if result.error else ""))
        return result

    started = time.monotonic()
    if level == 1:
        run.results = [await one(c) for c in planned]
    else:
        run.results = list(await asyncio.gather(*(one(c) for c in planned)))
    run.wall_s = time.monotonic() - started
    return run


# --- figures ------------------------------------------------------------------------------------------------


def _stats(latencies: list[float]) -> dict[str, float | int | None]:
    return {"n": len(latencies), "p50_s": percentile(latencies, 50), "p95_s": percentile(latencies, 95),
            "max_s": max(latencies) if latencies else None}


def _is_apology(agent_text: str) -> bool:
    return any(marker in agent_text.lower() for marker in APOLOGY_MARKERS)


def summarise(run: LevelRun, rows_by_sid: dict[str, list[dict[str, Any]]] | None) -> dict[str, Any]:
    """Per kind of turn: as-played latency (talked-over turns left out and counted), fallbacks, stalls."""
    played: dict[str, list[float]] = {k: [] for k in KINDS}
    received: dict[str, list[float]] = {k: [] for k in KINDS}
    fallback: dict[str, int] = dict.fromkeys(KINDS, 0)
    stalled: dict[str, int] = dict.fromkeys(KINDS, 0)
    talked_over = 0
    unmapped_fallback = 0
    apology_texts = 0
    for call, result in zip(run.planned, run.results, strict=True):
        for turn, kind in zip(result.turns, call.kinds, strict=False):
            if turn.agent_talked_over_ms > 0:
                talked_over += 1
            elif turn.playout_latency_s is not None:
                played[kind].append(turn.playout_latency_s)
                if turn.latency_s is not None:
                    received[kind].append(turn.latency_s)
            if turn.reply.first_audio_received_at is None:
                stalled[kind] += 1
                # No reply within the caller's patience: counted at that patience, a lower bound, so a
                # system that stalls does not look faster for leaving its worst turns out.
                played[kind].append(REPLY_TIMEOUT_S)
        if rows_by_sid is not None:
            caller_rows = [r for r in rows_by_sid.get(result.call_sid, []) if r["user_text"]]
            apology_texts += sum(1 for r in caller_rows if _is_apology(str(r["agent_text"])))
            for position, row in enumerate(caller_rows):
                if not row["fallback"]:
                    continue
                if len(caller_rows) == len(result.turns):  # one row per caller turn: rows map to script turns
                    fallback[call.kinds[position]] += 1
                else:
                    unmapped_fallback += 1
    everything = [x for k in KINDS for x in played[k]]
    return {
        "system": run.system,
        "calls": run.calls,
        "turns": sum(len(r.turns) for r in run.results),
        "all": _stats(everything) | {"received_p50_s": percentile([x for k in KINDS for x in received[k]], 50)},
        "by_kind": {k: _stats(played[k]) | {"fallback": fallback[k] if rows_by_sid is not None else None,
                                            "stalled": stalled[k]} for k in KINDS},
        "fallback_turns": (sum(fallback.values()) + unmapped_fallback) if rows_by_sid is not None else None,
        "turns_with_an_apology_text": apology_texts if rows_by_sid is not None else None,
        "stalled_turns": sum(stalled.values()),
        "talked_over_turns": talked_over,
        "calls_not_completed": sum(1 for c, r in zip(run.planned, run.results, strict=True) if not completed(c, r)),
        "errors": sorted({r.error for r in run.results if r.error}),
        "wall_s": run.wall_s,
        "calls_detail": [
            {"call_sid": r.call_sid, "script": c.script.name, "voice": c.voice, "from": c.from_number,
             "completed": completed(c, r), "error": r.error,
             # What the server heard and said, turn by turn (ours only: the reference keeps no records).
             "records": [{"heard": row["user_text"], "said": row["agent_text"], "fallback": row["fallback"]}
                         for row in (rows_by_sid or {}).get(r.call_sid, [])],
             "turns": [{"kind": kind, "text": t.text, "played_s": t.playout_latency_s, "received_s": t.latency_s,
                        "talked_over_ms": t.agent_talked_over_ms} for t, kind in zip(r.turns, c.kinds, strict=False)]}
            for c, r in zip(run.planned, run.results, strict=True)
        ],
    }


# --- the run ---------------------------------------------------------------------------------------------


async def first_greeting(server: FreshServer, *, timeout_s: float = 600.0) -> dict[str, float | None]:
    """Dial from the moment the server was spawned until a call is answered with a greeting."""
    listening: float | None = None
    deadline = server.started_at + timeout_s
    async with aiohttp.ClientSession() as http:
        while time.monotonic() < deadline:
            if server.process.poll() is not None:
                raise RuntimeError(f"concierge serve exited with {server.process.returncode}; see {server.log_path}")
            try:
                dialled = await dial(http, server.base_url, from_number="+8801913999999", to_number=HOTEL_NUMBER)
            except (aiohttp.ClientError, OSError):
                await asyncio.sleep(0.1)
                continue
            if listening is None:
                listening = time.monotonic() - server.started_at
            options = CallOptions(from_number="+8801913999999", to_number=HOTEL_NUMBER, wait_for_greeting_s=20.0)
            result = await DialledCaller(dialled, options).call([])
            if result.greeting.first_audio_received_at is not None:
                return {"listening_s": listening,
                        "greeting_s": result.greeting.first_audio_received_at - server.started_at}
            await asyncio.sleep(0.2)
    return {"listening_s": listening, "greeting_s": None}


async def run(levels: list[int], *, embedded: bool, with_reference: bool, keep: bool,
              settings: dict[str, str] | None = None) -> dict[str, Any]:
    """``settings``: CONCIERGE_* variables for our server (none by default: nothing configured)."""
    today = hotel_today()
    renderer = Renderer()
    log(f"rendering the callers' turns ({', '.join(caller_voices.voice_ids())}) ...")
    planned = await asyncio.to_thread(plan, levels, today, renderer)
    data_dir = Path(tempfile.mkdtemp(prefix="concierge-bench-agent-"))
    server_dsn = None if embedded else (os.environ.get("DATABASE_URL") or "postgresql://postgres@127.0.0.1:5432/postgres")
    model: ModelServer | None = None
    reference: Server | None = None
    ours: FreshServer | None = None
    runs: list[LevelRun] = []
    try:
        if with_reference:
            from agent.llm.model_files import ensure_bundled_model

            gguf = await asyncio.to_thread(ensure_bundled_model, ROOT / "var" / "bench")
            log(f"reference: llama_cpp.server on {gguf.name}, then the pipecat pipeline ...")
            model = await start_model_server(gguf, threads=os.cpu_count() or 2)
            reference = await start_reference(llm=model)
        database_url = None if server_dsn is None else await fresh_database(server_dsn)
        log(f"concierge serve, nothing configured (data {data_dir}, "
            f"database {'embedded' if database_url is None else 'fresh on DATABASE_URL'}) ...")
        ours = start_fresh_server(database_url, data_dir, settings or {})
        start_up = await first_greeting(ours)
        log(f"  listening after {start_up['listening_s'] or float('nan'):.1f} s, "
            f"first greeting after {start_up['greeting_s'] or float('nan'):.1f} s")
        seed_started = time.monotonic()
        await run_concierge(["db", "seed", "--demo"], ours.env(CONCIERGE_DEMO_PASSWORD=DEMO_PASSWORD))
        bookings = seeded_bookings(planned, today)
        await book_for_callers(ours.base_url, DEMO_PASSWORD, bookings)
        log(f"  seeded the demo hotel and {len(bookings)} callers' bookings in {time.monotonic() - seed_started:.1f} s;"
            " calling at once")
        for n, level in enumerate(levels):
            systems: list[tuple[str, str | None, str | None]] = [("ours", ours.base_url, None)]
            if reference is not None:
                systems.append(("reference", None, reference.url))
            for name, base, ws in systems[:: 1 if n % 2 == 0 else -1]:
                log(f"{name}: {level} call(s) at once ...")
                runs.append(await run_level(name, planned[level], base_url=base, ws_url=ws))
        dsn = database_url if database_url is not None else await asyncio.to_thread(_embedded_dsn, data_dir)
        our_sids = [r.call_sid for run in runs if run.system == "ours" for r in run.results if r.call_sid]
        rows = await fallback_turns(dsn, our_sids)
        stages = [stage_breakdown(await turn_timings(dsn, [r.call_sid for r in run.results if r.call_sid]))
                  if run.system == "ours" else {} for run in runs]
        by_keywords = await turns_read_by_keywords(dsn, our_sids)
    finally:
        # Each waits for its process to exit (a server still warming its model takes a while).
        await asyncio.gather(*(asyncio.to_thread(p.stop) for p in (ours, reference, model) if p is not None))
        if embedded:
            from backoffice.db import stop_embedded_postgres

            await asyncio.to_thread(stop_embedded_postgres, data_dir)
        elif server_dsn is not None:
            await drop_database(server_dsn)
        if not keep:
            shutil.rmtree(data_dir, ignore_errors=True)
    rows_by_sid: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        rows_by_sid.setdefault(str(row["call_sid"]), []).append(row)
    summaries = [summarise(run, rows_by_sid if run.system == "ours" else None) for run in runs]
    for summary, level_stages in zip(summaries, stages, strict=True):  # where a turn's time went (server records)
        if summary["system"] == "ours":
            summary["server_stages_ms"] = level_stages
            counts = [by_keywords.get(c["call_sid"], {}) for c in summary["calls_detail"]]
            summary["turns_read_by_keywords"] = {
                "model_busy": sum(c.get("busy", 0) for c in counts),
                "model_unavailable": sum(c.get("unavailable", 0) for c in counts)}
    return {
        "responder": "agent",
        "systems": {
            "ours": "`concierge serve` subprocess, nothing configured (fresh data dir, "
                    + ("embedded PostgreSQL" if embedded else "fresh database on DATABASE_URL")
                    + "), seeded with `concierge db seed --demo` after it started; no warm-up call",
            **({"reference": reference.how} if reference is not None else {}),
        },
        "hotel_today": today.isoformat(),
        "voices": sorted({c.voice for calls in planned.values() for c in calls}),
        "start_up": start_up,
        "levels": summaries,
        "ratios": ratios(summaries),
        "reference_own_figures": reference_own_figures(reference) if reference is not None else None,
        "fallback_turn_texts": [
            {"call_sid": r["call_sid"], "user_text": r["user_text"], "agent_text": r["agent_text"]}
            for r in rows if r["fallback"]
        ],
        "kept_data_dir": str(data_dir) if keep else None,
    }


def reference_own_figures(reference: Server) -> dict[str, Any]:
    """pipecat's own per-turn figures for the reference (UserBotLatencyObserver): total and each service's TTFB."""
    turns = [r for r in reference.reports if r.get("measured_from") != "client_connected"]
    ttfb: dict[str, list[float]] = {}
    for report in turns:
        for service, value in dict(report.get("ttfb_s", {}) or {}).items():  # type: ignore[call-overload]
            ttfb.setdefault(str(service), []).append(float(value))
    totals = [float(r["server_latency_s"]) for r in turns if r.get("server_latency_s") is not None]  # type: ignore[arg-type]
    return {"n": len(totals), "p50_s": percentile(totals, 50), "p95_s": percentile(totals, 95),
            "ttfb_p50_s": {service: percentile(values, 50) for service, values in sorted(ttfb.items())}}


def _embedded_dsn(data_dir: Path) -> str:
    from backoffice.db import start_embedded_postgres

    return start_embedded_postgres(data_dir)


def ratios(summaries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    by = {(s["system"], s["calls"]): s for s in summaries}
    out = []
    for calls in sorted({s["calls"] for s in summaries}):
        ours, ref = by.get(("ours", calls)), by.get(("reference", calls))
        if ours is None or ref is None:
            continue
        row: dict[str, Any] = {"calls": calls}
        for q in ("p50_s", "p95_s"):
            a, b = ours["all"][q], ref["all"][q]
            row[f"ours_over_reference_{q[:3]}"] = a / b if a is not None and b else None
        out.append(row)
    return out


def _s(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f} s"


def markdown(results: dict[str, Any]) -> str:
    start = results["start_up"]
    lines = [
        "End of the caller's speech -> first agent audio as played, on the caller's clock; the real agent "
        "(`concierge serve`, nothing configured, seeded after start, no warm-up). Percentiles leave out "
        f"turns the agent talked over (counted); a turn with no reply within {REPLY_TIMEOUT_S:.0f} s (stalled) "
        f"counts as {REPLY_TIMEOUT_S:.0f} s.",
        "",
        f"Start-up: listening {_s(start['listening_s'])}, first call answered with a greeting "
        f"{_s(start['greeting_s'])} after `concierge serve` was spawned.",
        "",
        "| calls at once | system | turns | all p50 | all p95 | fact p50 / p95 | booking p50 / p95 "
        "| lookup p50 / p95 | fallback turns | stalled | talked over | calls not completed |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for s in results["levels"]:
        kinds = s["by_kind"]

        def pair(kind: str, k: dict[str, Any] = kinds) -> str:
            return f"{_s(k[kind]['p50_s'])} / {_s(k[kind]['p95_s'])} (n={k[kind]['n']})"

        fallback = "—" if s["fallback_turns"] is None else str(s["fallback_turns"])
        if s["turns_with_an_apology_text"]:
            fallback += f" ({s['turns_with_an_apology_text']} apology texts)"
        lines.append(
            f"| {s['calls']} | {s['system']} | {s['turns']} | {_s(s['all']['p50_s'])} | {_s(s['all']['p95_s'])} "
            f"| {pair('fact')} | {pair('booking')} | {pair('lookup')} | {fallback} | {s['stalled_turns']} "
            f"| {s['talked_over_turns']} | {s['calls_not_completed']} |"
        )
    read = [(s["calls"], s["turns"], s["turns_read_by_keywords"]) for s in results["levels"]
            if s.get("turns_read_by_keywords")]
    if read:
        lines += ["", "Turns ours read by keywords instead of the model (busy: no answer within the turn's "
                  "budget; unavailable: still warming up): " + "; ".join(
                      f"{calls} call(s): {k['model_busy']} busy, {k['model_unavailable']} unavailable of {turns}"
                      for calls, turns, k in read) + "."]
    if results["ratios"]:
        lines += ["", "| calls at once | ours/reference p50 | ours/reference p95 |", "|---|---|---|"]
        for r in results["ratios"]:
            p50, p95 = r["ours_over_reference_p50"], r["ours_over_reference_p95"]
            lines.append(f"| {r['calls']} | {'—' if p50 is None else f'{p50:.2f}'} "
                         f"| {'—' if p95 is None else f'{p95:.2f}'} |")
    own = results.get("reference_own_figures") or {}
    if own.get("n"):
        stages = ", ".join(f"{k} {v:.2f} s" for k, v in own["ttfb_p50_s"].items() if v is not None)
        lines += ["", f"pipecat's own figure for the reference (UserBotLatencyObserver, all levels, n={own['n']}): "
                  f"p50 {_s(own['p50_s'])}, p95 {_s(own['p95_s'])}; time to first byte p50: {stages}."]
    return "\n".join(lines)
