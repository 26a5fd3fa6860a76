"""Call records: the row at start, each turn as it completes, the totals at the end."""

from __future__ import annotations

import time
from datetime import UTC, datetime

from agent.calls import CallRecords
from backoffice.db import Database
from pipeline.frames import TurnRecord, TurnTimings


def timings(first_audio_after_s: float) -> TurnTimings:
    now = time.monotonic()
    return TurnTimings(speech_ended=now - 1.0, transcript=now - 0.8, first_reply_text=now - 0.75,
                       first_audio_out=now - 1.0 + first_audio_after_s)


async def test_a_call_is_written_as_it_goes(db: Database) -> None:
    records = CallRecords(db)
    await records.call_started("CA1", "MZ1", "+8801711111111")
    await records.turn_completed("CA1", TurnRecord(0, "", "Hello, how can I help?", "Hello, how can I help?", False,
                                                   TurnTimings()))
    await records.turn_completed("CA1", TurnRecord(1, "Do you have parking?", "Yes, free valet parking.",
                                                   "Yes, free valet parking.", False, timings(0.4)))
    # a crash here loses nothing already said: the row and both turns are in
    row = await db.pool.fetchrow("SELECT * FROM voice_call_logs WHERE call_sid = 'CA1'")
    assert row["status"] == "in_progress" and row["total_interactions"] == 1 and row["end_time"] is None
    assert row["conversation_history"][-2:] == [
        {"role": "user", "text": "Do you have parking?"},
        {"role": "assistant", "text": "Yes, free valet parking.", "interrupted": False},
    ]
    await records.turn_completed("CA1", TurnRecord(2, "And breakfast?", "Breakfast is served from six thirty",
                                                   "Breakfast is", True, timings(0.6)))
    await records.call_ended("CA1", "completed", outcome="completed")

    row = await db.pool.fetchrow("SELECT * FROM voice_call_logs WHERE call_sid = 'CA1'")
    assert row["status"] == "completed" and row["outcome"] == "completed"
    assert row["total_interactions"] == 2 and row["duration"] >= 0 and row["end_time"] is not None
    assert abs(row["avg_response_time"] - 0.5) < 0.01
    assert row["conversation_history"][-1] == {"role": "assistant", "text": "Breakfast is", "interrupted": True}
    turns = await db.pool.fetch("SELECT * FROM voice_call_turns WHERE call_sid = 'CA1' ORDER BY turn_index")
    assert [t["turn_index"] for t in turns] == [0, 1, 2]
    assert turns[2]["interrupted"] and turns[2]["heard_text"] == "Breakfast is"
    assert abs(turns[1]["timings_ms"]["first_audio_out"] - 400) < 1
    assert turns[1]["speech_ended_at"] < turns[1]["first_audio_at"] <= datetime.now(UTC)
    audit = await db.pool.fetch("SELECT action FROM audit_logs WHERE entity_id = 'CA1' ORDER BY created_at")
    assert [a["action"] for a in audit] == ["call.started", "call.ended"]


async def test_a_transfer_is_not_overwritten_by_twilios_completed(db: Database) -> None:
    records = CallRecords(db)
    await records.call_started("CA2", "MZ2", None)
    await records.call_ended("CA2", "transferred", outcome="transferred", transferred_to="+8801700000099",
                             transfer_reason="caller asked")
    stored = await records.twilio_status("CA2", "completed", duration_s=61, from_number="+8801711111111")
    assert stored == "transferred"
    row = await db.pool.fetchrow("SELECT * FROM voice_call_logs WHERE call_sid = 'CA2'")
    assert (row["status"], row["duration"], row["transferred_to"]) == ("transferred", 61, "+8801700000099")
    assert row["phone_number"] == "+8801711111111"


async def test_status_callback_before_the_stream_starts(db: Database) -> None:
    records = CallRecords(db)
    assert await records.twilio_status("CA3", "ringing", duration_s=None, from_number="+8801711111111") == "ringing"
    await records.call_started("CA3", "MZ3", "+8801722222222")
    row = await db.pool.fetchrow("SELECT status, stream_sid, phone_number FROM voice_call_logs WHERE call_sid = 'CA3'")
    assert dict(row) == {"status": "in_progress", "stream_sid": "MZ3", "phone_number": "+8801711111111"}
    assert await records.twilio_status("CA3", "no-answer", duration_s=0, from_number=None) == "abandoned"


async def test_duplicate_turn_writes_are_ignored(db: Database) -> None:
    records = CallRecords(db)
    await records.call_started("CA4", "MZ4", None)
    turn = TurnRecord(1, "Hi", "Hello", "Hello", False, timings(0.3))
    await records.turn_completed("CA4", turn)
    await records.turn_completed("CA4", turn)
    assert await db.pool.fetchval("SELECT count(*) FROM voice_call_turns WHERE call_sid = 'CA4'") == 1
    assert await db.pool.fetchval("SELECT total_interactions FROM voice_call_logs WHERE call_sid = 'CA4'") == 1


async def test_a_fallback_turn_is_marked(db: Database) -> None:
    records = CallRecords(db)
    await records.call_started("CA5", "MZ5", None)
    await records.turn_completed("CA5", TurnRecord(1, "Is there parking?", "Yes, in the basement.",
                                                   "Yes, in the basement.", False, timings(0.3)))
    apology = "I'm sorry, I'm having trouble answering right now."
    await records.turn_completed("CA5", TurnRecord(2, "And the wifi?", apology, apology, False, timings(0.3),
                                                   fallback=True))
    rows = await db.pool.fetch("SELECT turn_index, fallback FROM voice_call_turns WHERE call_sid = 'CA5' "
                               "ORDER BY turn_index")
    assert [(r["turn_index"], r["fallback"]) for r in rows] == [(1, False), (2, True)]
