"""Retention: old calls lose their transcripts, numbers and names; recent ones keep everything."""

from __future__ import annotations

import dataclasses
import json
from datetime import UTC, datetime

from agent.calls import CallRecords
from backoffice import jobs, retention
from backoffice.db import Database
from backoffice.services import Services
from pipeline.frames import TurnRecord, TurnTimings
from tests.conftest import FakeClock

CALLER = "+8801711999888"


async def a_call(db: Database, call_sid: str, started: datetime) -> None:
    """A call as the voice pipeline and the agent write it: the log, two turns, the analytics row."""
    records = CallRecords(db, clock=lambda: started)
    await records.call_started(call_sid, "MZ" + call_sid, CALLER)
    await records.turn_completed(call_sid, TurnRecord(0, "", "Hello, how can I help?", "Hello, how can I help?",
                                                      False, TurnTimings()))
    await records.turn_completed(call_sid, TurnRecord(1, "Book a room for Rahim Uddin, 01711999888",
                                                      "Booked, Rahim.", "Booked, Rahim.", False, TurnTimings()))
    await records.call_ended(call_sid, "completed", outcome="booked")
    await db.pool.execute(
        "UPDATE voice_call_logs SET guest_name = 'Rahim Uddin', guest_email = 'rahim@example.com' WHERE call_sid = $1",
        call_sid)
    tools = [{"name": "create_reservation", "arguments": {"guest_name": "Rahim Uddin", "phone": CALLER},
              "ok": True, "error": None, "effect": "booked", "elapsed_ms": 12.5}]
    await db.pool.execute(
        """INSERT INTO voice_call_analytics (call_sid, phone_number, original_intent, outcome, tools_called,
                                             rate_data, follow_up_reason, total_rate, created_at)
           VALUES ($1, $2, 'book_room', 'booked', $3, $4, 'call Rahim back', 4500, $5)""",
        call_sid, CALLER, tools, {"code": "ABC123", "guest_name": "Rahim Uddin", "total": "4500"}, started)


async def snapshot(db: Database, call_sid: str) -> dict[str, object]:
    log = await db.pool.fetchrow("SELECT * FROM voice_call_logs WHERE call_sid = $1", call_sid)
    turns = await db.pool.fetch(
        "SELECT user_text, agent_text, heard_text FROM voice_call_turns WHERE call_sid = $1 ORDER BY turn_index",
        call_sid)
    analytics = await db.pool.fetchrow("SELECT * FROM voice_call_analytics WHERE call_sid = $1", call_sid)
    return {"log": dict(log), "turns": [dict(t) for t in turns], "analytics": dict(analytics)}


async def test_calls_past_the_retention_window_are_redacted_and_recent_ones_kept(
    services: Services, db: Database, clock: FakeClock
) -> None:
    assert services.policy.retention_days == 90
    await a_call(db, "CA-old", datetime(2026, 8, 31, 12, 0, tzinfo=UTC))  # 91.7 days before the clock
    await a_call(db, "CA-new", datetime(2026, 9, 3, 12, 0, tzinfo=UTC))  # 88.7 days: inside the window
    before_new = await snapshot(db, "CA-new")

    await jobs.run_once(services)

    old = await snapshot(db, "CA-old")
    log = old["log"]
    assert isinstance(log, dict)
    assert log["phone_number"] is None and log["guest_name"] is None and log["guest_email"] is None
    assert log["conversation_history"] == [] and log["redacted_at"] == clock()
    assert (log["status"], log["outcome"], log["total_interactions"]) == ("completed", "booked", 1)  # counts stay
    assert old["turns"] == [{"user_text": "", "agent_text": "", "heard_text": None}] * 2
    analytics = old["analytics"]
    assert isinstance(analytics, dict)
    assert analytics["phone_number"] is None and analytics["follow_up_reason"] is None
    assert analytics["rate_data"] == {}
    assert analytics["tools_called"] == [{"name": "create_reservation", "ok": True, "elapsed_ms": 12.5}]
    assert (analytics["original_intent"], analytics["total_rate"]) == ("book_room", 4500)
    everything = json.dumps(old, default=str)
    assert "Rahim" not in everything and "1711999888" not in everything

    assert await snapshot(db, "CA-new") == before_new  # untouched, to the byte
    assert "Rahim" in json.dumps(before_new, default=str)

    assert await retention.redact_old_calls(services) == 0  # nothing left: a second pass changes nothing
    clock.advance(days=2)  # now CA-new is past 90 days too
    assert await retention.redact_old_calls(services) == 1
    assert (await snapshot(db, "CA-new"))["turns"] == [{"user_text": "", "agent_text": "", "heard_text": None}] * 2


async def test_the_retention_setting_moves_the_window(services: Services, db: Database) -> None:
    await a_call(db, "CA-week", datetime(2026, 11, 20, 12, 0, tzinfo=UTC))  # 11 days before the clock
    assert await retention.redact_old_calls(services) == 0
    short = dataclasses.replace(services, policy=dataclasses.replace(services.policy, retention_days=10))
    assert await retention.redact_old_calls(short) == 1


async def test_redaction_works_in_batches(services: Services, db: Database) -> None:
    for index in range(5):
        await a_call(db, f"CA-batch-{index}", datetime(2026, 1, 1, tzinfo=UTC))
    assert await retention.redact_old_calls(services, batch=2) == 5
    assert await db.pool.fetchval("SELECT count(*) FROM voice_call_logs WHERE phone_number IS NOT NULL") == 0


async def test_used_call_tokens_are_forgotten_a_day_after_they_expire(services: Services, db: Database) -> None:
    await db.pool.execute(
        """INSERT INTO voice_call_tokens_used (token_id, call_sid, expires_at) VALUES
           ('stale', 'CA1', now() - interval '2 days'), ('fresh', 'CA2', now() + interval '2 minutes'),
           ('recent', 'CA3', now() - interval '1 hour')""")
    assert await retention.purge_used_call_tokens(services) == 1
    left = {r["token_id"] for r in await db.pool.fetch("SELECT token_id FROM voice_call_tokens_used")}
    assert left == {"fresh", "recent"}
