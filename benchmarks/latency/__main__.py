"""Voice latency benchmark: ours vs the stock pipecat 1.14 reference, over Twilio's wire protocol.

    ./concierge bench latency                    # the real agent (default): 1, 4, 8, 16 calls at once
    ./concierge bench latency --calls 1,2 --no-reference     # a smoke run
    ./concierge bench latency --responder echo   # the pipeline-only reference: echo reply on both sides

By default the reply stage is the real agent, set up as a new user would and called with multi-turn
scripts in other voices (``benchmarks/latency/agent_run.py``); the reference is stock pipecat with the
same GGUF behind its OpenAI LLM service. Results: ``benchmarks/results/latency.json``.

With ``--responder echo`` (results: ``benchmarks/results/latency-echo.json``) both systems run as
subprocesses on loopback with the same reply stage (an echo of the transcript), so what differs is the
audio pipeline: VAD/end of turn, STT, TTS, and how audio goes out. This process is
the phone: ``pipeline.twilio_client`` streams the ``audio_fixtures`` utterances as real-time 20 ms μ-law
frames (silence between turns included), plays the replies through a real-time playout buffer with
mark echoes, and measures per turn, with one monotonic clock, the end of the caller's speech -> the first
non-silent agent audio received (and when it would have played). For each concurrency level both
systems take the same calls, one after the other. It also measures barge-in clear latency, counts
stalled turns, dropped calls and replies that started while the caller was still talking, reads our
server's per-stage timings from ``voice_call_turns``, and computes the STT word error rate of our STT
path on the fixtures and on real recordings (8 kHz μ-law).

Results: ``benchmarks/results/latency.json`` and a markdown table on stdout (progress goes to stderr).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from benchmarks.latency.servers import (
    ROOT,
    Server,
    drop_database,
    fresh_database,
    percentile,
    stage_breakdown,
    start_ours,
    start_reference,
    turn_timings,
)
from benchmarks.latency.wer import word_errors
from pipeline.twilio_client import CallerTurn, CallOptions, CallResult, TwilioCaller

FIXTURES = ROOT / "audio_fixtures"
SHARED_AUDIO = ROOT.parent / "shared" / "data" / "audio"
RESULTS = ROOT / "benchmarks" / "results" / "latency.json"
ECHO_RESULTS = ROOT / "benchmarks" / "results" / "latency-echo.json"
# Every ordinary caller turn; the two barge-in utterances are measured on their own.
TURN_IDS = (
    "book_room", "ask_price", "ask_checkin_time", "cancel_booking", "yes_please", "ask_towels",
    "pause_mid_sentence", "ask_breakfast", "ask_cleaning", "greeting_reply", "ask_person", "thanks_bye",
)
BARGE_IN_AFTER_S = 1.0


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def fixtures() -> dict[str, dict[str, Any]]:
    manifest = json.loads((FIXTURES / "manifest.json").read_text())
    return {u["id"]: u for u in manifest["utterances"]}


def caller_turn(entry: dict[str, Any], barge_in_after_s: float | None = None) -> CallerTurn:
    return CallerTurn(
        audio=(FIXTURES / entry["ulaw"]).read_bytes(),
        text=entry["text"],
        label=entry["id"],
        speech_start_ms=entry["speech_start_ms"],
        speech_end_ms=entry["speech_end_ms"],
        barge_in_after_s=barge_in_after_s,
    )


# --- one concurrency level against one system --------------------------------------------------------


@dataclass
class LevelResult:
    system: str
    calls: int
    results: list[CallResult] = field(default_factory=list)
    wall_s: float = 0.0

    def turns(self) -> list[Any]:
        return [t for r in self.results for t in r.turns]

    def summary(self) -> dict[str, Any]:
        turns = self.turns()
        # A reply that began while the caller was still talking has no meaningful latency: it is counted
        # under talked_over_turns instead.
        clean = [t for t in turns if t.agent_talked_over_ms == 0]
        latencies = [t.latency_s for t in clean if t.latency_s is not None]
        playout = [t.playout_latency_s for t in clean if t.playout_latency_s is not None]
        return {
            "system": self.system,
            "calls": self.calls,
            "turns": len(turns),
            "answered_turns": len(latencies),
            "p50_s": percentile(latencies, 50),
            "p90_s": percentile(latencies, 90),
            "p95_s": percentile(latencies, 95),
            "p99_s": percentile(latencies, 99),
            "mean_s": statistics.fmean(latencies) if latencies else None,
            "playout_p50_s": percentile(playout, 50),
            "playout_p95_s": percentile(playout, 95),
            "stalled_turns": sum(1 for t in turns if t.stalled),
            "dropped_calls": sum(1 for r in self.results if r.dropped),
            "talked_over_turns": sum(1 for t in turns if t.agent_talked_over_ms > 0),
            "pause_turns_talked_over": sum(
                1 for t in turns if t.label == "pause_mid_sentence" and t.agent_talked_over_ms > 0
            ),
            "pause_turns": sum(1 for t in turns if t.label == "pause_mid_sentence"),
            "marks_received": sum(r.marks_received for r in self.results),
            "max_send_lag_ms": max((r.max_send_lag_ms for r in self.results), default=0.0),
            "wall_s": self.wall_s,
            "errors": sorted({r.error for r in self.results if r.error}),
        }


async def run_level(server: Server, calls: int, turns_per_call: int, table: dict[str, dict[str, Any]]) -> LevelResult:
    level = LevelResult(server.name, calls)
    options = CallOptions(url=server.url, reply_timeout_s=12.0)

    async def one(i: int) -> CallResult:
        await asyncio.sleep(i * 1.5 / calls)  # real calls do not start in lock-step
        ids = [TURN_IDS[(i * 5 + k) % len(TURN_IDS)] for k in range(turns_per_call)]
        result = await TwilioCaller(options).call([caller_turn(table[x]) for x in ids])
        done = [t.latency_s for t in result.turns if t.latency_s is not None]
        log(f"  {server.name} x{calls}: call {i + 1}/{calls} done, {len(done)}/{len(result.turns)} turns answered"
            + (f", median {statistics.median(done):.2f} s" if done else "")
            + (f", ERROR {result.error}" if result.error else ""))
        return result

    started = time.monotonic()
    level.results = list(await asyncio.gather(*(one(i) for i in range(calls))))
    level.wall_s = time.monotonic() - started
    return level


async def run_barge_in(server: Server, calls: int, table: dict[str, dict[str, Any]]) -> dict[str, Any]:
    options = CallOptions(url=server.url, reply_timeout_s=12.0)
    latencies: list[float] = []
    finished_first = missed = 0
    sids: list[str] = []
    for _ in range(calls):
        turns = [caller_turn(table["interrupt_long_question"]),
                 caller_turn(table["interrupt_barge_in"], barge_in_after_s=BARGE_IN_AFTER_S)]
        result = await TwilioCaller(options).call(turns)
        sids.append(result.call_sid)
        barge = result.turns[-1] if len(result.turns) == 2 else None
        if barge is None:
            missed += 1
        elif barge.agent_finished_before_barge_in:
            finished_first += 1
        elif barge.clear_latency_s is None:
            missed += 1
        else:
            latencies.append(barge.clear_latency_s)
    log(f"  {server.name} barge-in: {len(latencies)} clears, {missed} missed, {finished_first} not applicable")
    return {
        "calls": calls,
        "barge_in_after_s": BARGE_IN_AFTER_S,
        "clear_latency_p50_s": percentile(latencies, 50),
        "clear_latency_max_s": max(latencies) if latencies else None,
        "clear_latencies_s": latencies,
        "no_clear": missed,
        "agent_finished_before_barge_in": finished_first,
    }


# --- server-side stages and STT accuracy ---------------------------------------------------------------


def reference_figures(reports: list[dict[str, Any]], call_sids: set[str]) -> dict[str, Any]:
    """pipecat's own per-turn figure (UserBotLatencyObserver: VAD stop - stop_secs -> first audio written)."""
    turns = [r for r in reports if r.get("call_sid") in call_sids and r.get("measured_from") != "client_connected"]
    totals = [float(r["server_latency_s"]) for r in turns]
    ttfb: dict[str, list[float]] = {}
    for report in turns:
        for service, value in report.get("ttfb_s", {}).items():
            ttfb.setdefault(service, []).append(float(value))
    return {
        "n": len(totals),
        "p50_s": percentile(totals, 50),
        "p95_s": percentile(totals, 95),
        "ttfb_p50_s": {service: percentile(values, 50) for service, values in sorted(ttfb.items())},
    }


def word_error_rates() -> dict[str, Any]:
    from agent.cli_call import UlawTranscriber

    transcriber = UlawTranscriber()
    sets: dict[str, list[tuple[str, Path, str]]] = {"fixtures": [], "real_recordings": []}
    for entry in fixtures().values():
        sets["fixtures"].append((entry["id"], FIXTURES / entry["ulaw"], entry["text"]))
    for line in (SHARED_AUDIO / "manifest.jsonl").read_text().splitlines():
        entry = json.loads(line)
        name = Path(entry["file"]).stem
        ulaw = SHARED_AUDIO / "ulaw8k" / f"{name}.ulaw"
        usable = (
            ulaw.exists()
            and not entry.get("transcript_source", "").startswith("PROBABLE")
            and not name.endswith("_es")  # Spanish: tiny.en cannot transcribe it
        )
        if usable and not any(existing == name for existing, _, _ in sets["real_recordings"]):
            sets["real_recordings"].append((name, ulaw, entry["transcript"]))
    report: dict[str, Any] = {"stt_path": transcriber.path}
    for set_name, items in sets.items():
        errors = words = 0
        files = []
        for name, path, gold in items:
            heard = transcriber.transcribe(path.read_bytes())
            wrong, total = word_errors(gold, heard)
            errors, words = errors + wrong, words + total
            files.append({"file": name, "gold": gold, "heard": heard, "errors": wrong, "words": total})
        report[set_name] = {"wer": errors / words if words else None, "words": words, "files": files}
    return report


# --- the run -------------------------------------------------------------------------------------------


async def run(levels: list[int], turns_per_call: int, barge_in_calls: int, systems: list[str]) -> dict[str, Any]:
    from backoffice.db import start_embedded_postgres

    table = fixtures()
    server_dsn = os.environ.get("DATABASE_URL") or start_embedded_postgres(ROOT / "var" / "bench")
    dsn = await fresh_database(server_dsn)
    servers: dict[str, Server] = {}
    data_dir = Path(tempfile.mkdtemp(prefix="concierge-bench-latency-"))
    try:
        log("starting the servers (models load once per process) ...")
        if "ours" in systems:
            servers["ours"] = await start_ours(dsn, data_dir)
        if "reference" in systems:
            servers["reference"] = await start_reference()
        for server in servers.values():
            log(f"{server.how} at {server.url}")
            await TwilioCaller(CallOptions(url=server.url)).call([caller_turn(table["ask_checkin_time"])])  # warm-up
        level_results: list[LevelResult] = []
        for n, calls in enumerate(levels):
            # Alternate who goes first, so a change in the machine's load does not always favour one side.
            for server in list(servers.values())[:: 1 if n % 2 == 0 else -1]:
                log(f"{server.name}: {calls} concurrent call(s) x {turns_per_call} turns ...")
                level_results.append(await run_level(server, calls, turns_per_call, table))
        barge_in = {}
        for server in servers.values():
            log(f"{server.name}: barge-in x{barge_in_calls} ...")
            barge_in[server.name] = await run_barge_in(server, barge_in_calls, table)
        our_sids = [r.call_sid for lr in level_results if lr.system == "ours" for r in lr.results]
        breakdown = stage_breakdown(await turn_timings(dsn, our_sids)) if "ours" in servers else {}
        reference_sids = {r.call_sid for lr in level_results if lr.system == "reference" for r in lr.results}
        reference_own = {}
        if "reference" in servers:
            reference_own = reference_figures(servers["reference"].reports, reference_sids)
    finally:
        for server in servers.values():
            server.stop()
        await drop_database(server_dsn)
    log("STT word error rate through our STT path ...")
    wer = await asyncio.to_thread(word_error_rates)
    return {
        "systems": {name: server.how for name, server in servers.items()},
        "levels": [lr.summary() for lr in level_results],
        "turn_samples": [
            {"system": lr.system, "calls": lr.calls, "label": t.label, "latency_s": t.latency_s,
             "playout_latency_s": t.playout_latency_s, "talked_over_ms": t.agent_talked_over_ms}
            for lr in level_results for t in lr.turns()
        ],
        "server_stages_ours_ms": breakdown,
        "server_figure_reference": reference_own,
        "barge_in": barge_in,
        "wer": wer,
    }


def _s(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f} s"


def _ratio(a: float | None, b: float | None) -> str:
    return "—" if a is None or not b else f"{a / b:.2f}"


def markdown(results: dict[str, Any]) -> str:
    by = {(row["system"], row["calls"]): row for row in results["levels"]}
    levels = sorted({row["calls"] for row in results["levels"]})
    lines = [
        "End of caller speech -> first non-silent agent audio, measured by a Twilio-faithful caller "
        "(real-time 20 ms μ-law frames, playout buffer, marks echoed). Reply stage: echo of the transcript. "
        "Percentiles leave out turns where agent audio arrived while the caller was still speaking "
        "(counted in the last column).",
        "",
        "| calls at once | turns (ours / ref) | ours p50 | ours p95 | reference p50 | reference p95 "
        "| ours/ref p50 | ours/ref p95 | stalled turns (ours / ref) | dropped calls (ours / ref) "
        "| replies over the caller (ours / ref) |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for calls in levels:
        ours, ref = by.get(("ours", calls), {}), by.get(("reference", calls), {})
        lines.append(
            f"| {calls} | {ours.get('turns', '—')} / {ref.get('turns', '—')} "
            f"| {_s(ours.get('p50_s'))} | {_s(ours.get('p95_s'))} | {_s(ref.get('p50_s'))} | {_s(ref.get('p95_s'))} "
            f"| {_ratio(ours.get('p50_s'), ref.get('p50_s'))} | {_ratio(ours.get('p95_s'), ref.get('p95_s'))} "
            f"| {ours.get('stalled_turns', '—')} / {ref.get('stalled_turns', '—')} "
            f"| {ours.get('dropped_calls', '—')} / {ref.get('dropped_calls', '—')} "
            f"| {ours.get('talked_over_turns', '—')} / {ref.get('talked_over_turns', '—')} |"
        )
    lags = ", ".join(f"{row['system']} x{row['calls']} {row['max_send_lag_ms']:.0f} ms" for row in results["levels"])
    lines += ["", f"Caller clock health (worst lateness of a 20 ms frame; later frames catch up, no drift): {lags}."]
    if results["server_stages_ours_ms"]:
        lines += ["", "Our server's per-stage timings, all levels "
                  "(ms after its end of speech, `voice_call_turns.timings_ms`):", "",
                  "| stage | n | p50 | p95 |", "|---|---|---|---|"]
        for stage, row in results["server_stages_ours_ms"].items():
            lines.append(f"| {stage} | {row['n']} | {row['p50_ms']:.0f} | {row['p95_ms']:.0f} |")
    own = results.get("server_figure_reference") or {}
    if own.get("n"):
        stages = ", ".join(f"{k} {v:.2f} s" for k, v in own["ttfb_p50_s"].items() if v is not None)
        lines += ["", f"pipecat's own server-side figure for the reference (UserBotLatencyObserver, all levels, "
                  f"n={own['n']}): p50 {_s(own['p50_s'])}, p95 {_s(own['p95_s'])}; TTFB p50: {stages}."]
    if results["barge_in"]:
        lines += ["", f"Barge-in (caller starts talking {BARGE_IN_AFTER_S:.1f} s into the agent's reply): "
                  "caller speech onset -> `clear` received", "",
                  "| system | calls | clear p50 | clear max | no clear |", "|---|---|---|---|---|"]
        for name, row in results["barge_in"].items():
            lines.append(f"| {name} | {row['calls']} | {_s(row['clear_latency_p50_s'])} "
                         f"| {_s(row['clear_latency_max_s'])} | {row['no_clear']} |")
    wer = results["wer"]
    lines += ["", f"STT word error rate at 8 kHz μ-law through {wer['stt_path']}: "
              f"fixtures {wer['fixtures']['wer']:.1%} ({wer['fixtures']['words']} words), "
              f"real recordings {wer['real_recordings']['wer']:.1%} ({wer['real_recordings']['words']} words)."]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.latency", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--responder", choices=("agent", "echo"), default="agent",
                        help="the reply stage: the real agent (default) or the pipeline-only echo reference")
    parser.add_argument("--quick", action="store_true", help="short run: 1 and 4 calls, 3 turns each, 1 barge-in")
    parser.add_argument("--calls", help="concurrency levels, comma-separated (default 1,4,8,16; --quick: 1,4)")
    parser.add_argument("--turns", type=int, help="echo: caller turns per call (default 6; --quick: 3)")
    parser.add_argument("--only", choices=("ours", "reference"), help="echo: measure one system only")
    parser.add_argument("--no-reference", action="store_true", help="agent: skip the stock pipecat reference")
    parser.add_argument("--embedded", action="store_true",
                        help="agent: let the server start its embedded PostgreSQL in its fresh data folder "
                             "(default: a fresh database on DATABASE_URL's server, or the local one)")
    parser.add_argument("--keep", action="store_true", help="agent: keep the server's data folder (and serve.log)")
    parser.add_argument("--set", action="append", default=[], metavar="CONCIERGE_NAME=VALUE", dest="settings",
                        help="agent: one setting for the server under test, which otherwise runs with nothing "
                             "configured (repeatable; e.g. --set CONCIERGE_STT_BEAM_SIZE=1 for an A/B run)")
    parser.add_argument("--out", type=Path, help=f"JSON results (default {RESULTS.relative_to(ROOT)}, "
                        f"echo: {ECHO_RESULTS.relative_to(ROOT)})")
    args = parser.parse_args(argv)
    levels = [int(c) for c in (args.calls or ("1,4" if args.quick else "1,4,8,16")).split(",")]
    if args.responder == "agent":
        return _main_agent(args, levels, argv)
    args.out = args.out or ECHO_RESULTS
    turns = args.turns or (3 if args.quick else 6)
    systems = [args.only] if args.only else ["ours", "reference"]
    started = datetime.now(UTC)
    results = asyncio.run(run(levels, turns, 1 if args.quick else 3, systems))
    results = {
        "command": " ".join(["python -m benchmarks.latency", *(argv if argv is not None else sys.argv[1:])]),
        "started_at": started.isoformat(timespec="seconds"),
        "machine": {"cpus": os.cpu_count(), "load_avg_at_end": os.getloadavg(), "python": platform.python_version()},
        **results,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2, default=str) + "\n")
    print(markdown(results))
    print(f"\n(results: {args.out}; {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} at the end)")
    return 0


def _main_agent(args: argparse.Namespace, levels: list[int], argv: list[str] | None) -> int:
    from benchmarks.latency import agent_run

    out: Path = args.out or RESULTS
    started = datetime.now(UTC)
    if any("=" not in item or not item.startswith("CONCIERGE_") for item in args.settings):
        raise SystemExit("--set takes CONCIERGE_NAME=VALUE (the bench controls the database and cloud settings)")
    settings = dict(item.split("=", 1) for item in args.settings)
    results = asyncio.run(agent_run.run(levels, embedded=args.embedded, with_reference=not args.no_reference,
                                        keep=args.keep, settings=settings))
    results = {
        "command": " ".join(["python -m benchmarks.latency", *(argv if argv is not None else sys.argv[1:])]),
        "started_at": started.isoformat(timespec="seconds"),
        "machine": {"cpus": os.cpu_count(), "load_avg_at_end": os.getloadavg(), "python": platform.python_version()},
        **results,
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2, default=str) + "\n")
    print(agent_run.markdown(results))
    print(f"\n(results: {out}; {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} at the end)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
