"""Call analytics: intent, outcome and signals derived from a call, written to the real database."""

from __future__ import annotations

from agent.analytics import CallAnalytics
from backoffice.db import Database
from pipeline.responder import CallInfo
from tools.registry import ToolResult

CALL = CallInfo(call_sid="CAanalytics1", stream_sid="MZanalytics1", from_number="+8801711777001")


def booked_call() -> CallAnalytics:
    analytics = CallAnalytics(CALL)
    analytics.user_turn("Do you have a room on Friday?", now=0.0)
    analytics.tool_called("check_availability", {"check_in": "2026-12-04", "check_out": "2026-12-06", "guests": 2},
                          ToolResult(True, "Yes...", {"check_in": "2026-12-04", "check_out": "2026-12-06",
                                                      "options": [{"offer_id": "offer_1", "room_type": "STD",
                                                                   "total": "12650.00", "currency": "BDT",
                                                                   "rooms_left": 4}]}), 35.0)
    analytics.reply_finished(now=1.0)
    analytics.user_turn("Book the standard for Nadia Islam", now=3.0)
    analytics.tool_called("create_reservation", {"offer_id": "offer_1", "guest_name": "Nadia Islam"},
                          ToolResult(True, "You're booked.", {"confirmation_code": "K7F2Q9", "total": "12650.00",
                                                              "currency": "BDT"}, effect="booked"), 80.0)
    return analytics


def test_the_strongest_thing_the_agent_did_is_the_primary_intent() -> None:
    analytics = booked_call()
    assert analytics.primary_intent() == ("book_room", 0.95)
    assert analytics.outcome(None) == "booked"
    assert analytics.outcome("abandoned") == "booked"  # the caller hung up after booking: still booked


def test_without_tools_the_words_decide_with_low_confidence() -> None:
    analytics = CallAnalytics(CALL)
    analytics.user_turn("I want to cancel my booking")
    intent, confidence = analytics.primary_intent()
    assert intent == "cancel_reservation" and confidence <= 0.6
    assert analytics.outcome(None) == "abandoned"
    assert CallAnalytics(CALL).primary_intent() == ("none", 0.0)


def test_transfer_and_goodbye_outcomes() -> None:
    transferred = CallAnalytics(CALL)
    transferred.tool_called("transfer_to_human", {}, ToolResult(True, "Connecting", {"reason": "upset"},
                                                                action="transfer"), 1.0)
    assert transferred.outcome("completed") == "transferred"
    finished = CallAnalytics(CALL)
    finished.tool_called("end_call", {}, ToolResult(True, "Goodbye", action="hang_up"), 1.0)
    assert finished.outcome(None) == "completed"


def test_satisfaction_signals() -> None:
    analytics = CallAnalytics(CALL)
    analytics.user_turn("I need a room for tonight", now=0.0)
    analytics.reply_finished(now=2.0)
    analytics.user_turn("I need a room for tonight.", now=4.0)  # said again: not understood
    analytics.reply_finished(now=5.0)
    analytics.user_turn("Can I just talk to a real person?", now=30.0)  # after a long silence
    signals = analytics.signals()
    assert signals["repeats"] == 1 and signals["asked_for_person"] == 1 and signals["long_silences"] == 1


async def test_store_fills_the_call_record_and_one_analytics_row(db: Database) -> None:
    await db.pool.execute(
        "INSERT INTO voice_call_logs (call_sid, phone_number, status) VALUES ($1, $2, 'completed')",
        CALL.call_sid, CALL.from_number)
    await booked_call().store(db, "completed")
    log = await db.pool.fetchrow("SELECT status, primary_intent, intent_confidence, outcome FROM voice_call_logs")
    assert dict(log) == {"status": "completed", "primary_intent": "book_room", "intent_confidence": 0.95,
                         "outcome": "booked"}
    row = await db.pool.fetchrow("SELECT * FROM voice_call_analytics WHERE call_sid = $1", CALL.call_sid)
    assert str(row["requested_check_in"]) == "2026-12-04" and str(row["requested_check_out"]) == "2026-12-06"
    assert row["guests"] == 2 and row["is_available"] is True and row["available_rooms_count"] == 4
    assert str(row["total_rate"]) == "12650.00" and row["outcome"] == "booked"
    assert [t["name"] for t in row["tools_called"]] == ["check_availability", "create_reservation"]
    assert row["signals"]["turns"] == 2 and row["follow_up_needed"] is False


async def test_store_creates_the_call_record_when_none_exists(db: Database) -> None:
    analytics = CallAnalytics(CALL)
    analytics.user_turn("book a room for friday")
    await analytics.store(db, None)
    log = await db.pool.fetchrow("SELECT primary_intent, outcome FROM voice_call_logs")
    assert dict(log) == {"primary_intent": "book_room", "outcome": "abandoned"}
    follow_up = await db.pool.fetchval("SELECT follow_up_needed FROM voice_call_analytics")
    assert follow_up is True  # an abandoned booking call is worth a call back
