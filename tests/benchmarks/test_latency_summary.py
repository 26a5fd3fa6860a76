"""The agent latency benchmark's figures: per kind of turn, fallbacks from the call records, stalls counted."""

from __future__ import annotations

from benchmarks.latency.agent_run import REPLY_TIMEOUT_S, LevelRun, PlannedCall, ratios, summarise
from benchmarks.latency.scripts import SCRIPTS
from pipeline.twilio_client import AgentSpeech, CallerTurn, CallResult, TurnResult


def _turn(index: int, ended: float, first_audio: float | None, talked_over_ms: int = 0) -> TurnResult:
    reply = AgentSpeech(first_audio_received_at=first_audio, first_audio_played_at=first_audio)
    turn = TurnResult(index, f"t{index}", None, ended - 2.0, ended, reply)
    turn.agent_talked_over_ms = talked_over_ms
    return turn


def test_kinds_fallbacks_and_stalls_are_counted_per_turn() -> None:
    facts = next(s for s in SCRIPTS if s.name == "facts")  # fact, fact, fact, fact, other
    call = PlannedCall(1, 0, facts, "festival-slt", "+8801913010000", [CallerTurn()] * len(facts.turns))
    result = CallResult("CA1", "MZ1", 0.0)
    result.turns = [_turn(0, 10.0, 10.5), _turn(1, 20.0, 21.0), _turn(2, 30.0, None),
                    _turn(3, 40.0, 40.1, talked_over_ms=200), _turn(4, 50.0, 50.7)]
    rows = {"CA1": [{"user_text": "", "fallback": False, "agent_text": "Hello"}]
            + [{"user_text": f"u{k}", "fallback": k == 1, "agent_text": "sorry, I'm having trouble answering"
                if k == 1 else "ok"} for k in range(5)]}
    summary = summarise(LevelRun("ours", 1, [call], [result]), rows)
    fact = summary["by_kind"]["fact"]
    # 0.5 s, 1.0 s, and the stalled turn at the caller's patience; the talked-over turn is left out
    assert fact["n"] == 3 and fact["p50_s"] == 1.0 and fact["max_s"] == REPLY_TIMEOUT_S
    assert fact["fallback"] == 1 and fact["stalled"] == 1
    assert abs(summary["by_kind"]["other"]["p50_s"] - 0.7) < 1e-9
    assert summary["fallback_turns"] == 1 and summary["turns_with_an_apology_text"] == 1
    assert summary["talked_over_turns"] == 1 and summary["calls_not_completed"] == 1


def test_the_reference_has_no_fallback_column_and_the_ratio_is_per_level() -> None:
    facts = next(s for s in SCRIPTS if s.name == "facts")
    call = PlannedCall(1, 0, facts, "festival-slt", "+8801913010000", [CallerTurn()] * 2)
    ours, ref = CallResult("CA1", "MZ1", 0.0), CallResult("CA2", "MZ2", 0.0)
    ours.turns = [_turn(0, 10.0, 10.4), _turn(1, 20.0, 20.4)]
    ref.turns = [_turn(0, 10.0, 11.6), _turn(1, 20.0, 21.6)]
    summaries = [summarise(LevelRun("ours", 1, [call], [ours]), {}),
                 summarise(LevelRun("reference", 1, [call], [ref]), None)]
    assert summaries[1]["fallback_turns"] is None
    [row] = ratios(summaries)
    assert row["calls"] == 1 and abs(row["ours_over_reference_p50"] - 0.25) < 1e-9
