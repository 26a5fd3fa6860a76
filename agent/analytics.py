"""What happened on a call, for the back office: intent, tools, outcome and satisfaction signals.

A ``CallAnalytics`` collects facts as the conversation runs (each caller turn, each tool call and
its result, each model failure) and, on ``close()``, derives the primary intent with a confidence,
the outcome (booked, cancelled, transferred, abandoned, ...) and the signals a supervisor wants
(the caller repeating themselves, asking for a person, long silences), then writes one
``voice_call_analytics`` row and the intent/outcome columns of ``voice_call_logs``.
"""

from __future__ import annotations

import difflib
import json
import re
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Final

from backoffice.db import Database
from pipeline.responder import CallInfo, Outcome
from tools.registry import ToolResult

# Tool -> the intent it serves, strongest first (a booking outranks the availability check before it).
TOOL_INTENTS: Final[tuple[tuple[str, str], ...]] = (
    ("create_reservation", "book_room"),
    ("cancel_reservation", "cancel_reservation"),
    ("modify_reservation", "modify_reservation"),
    ("quote_stay", "book_room"),
    ("check_availability", "book_room"),
    ("request_housekeeping", "housekeeping_request"),
    ("request_late_checkout", "late_checkout"),
    ("find_reservation", "reservation_inquiry"),
    ("hotel_info", "hotel_info"),
    ("transfer_to_human", "speak_to_person"),
)
KEYWORD_INTENTS: Final[tuple[tuple[re.Pattern[str], str], ...]] = (
    (re.compile(r"\bcancel", re.I), "cancel_reservation"),
    (re.compile(r"\b(change|modify|move|extend)\b.*\b(booking|reservation|stay|dates?)\b", re.I), "modify_reservation"),
    (re.compile(r"\b(book|reserve|reservation|room|availab|vacan|stay)", re.I), "book_room"),
    (re.compile(r"\b(towels?|clean|housekeeping|extra bed|pillows?|amenit)", re.I), "housekeeping_request"),
    (re.compile(r"\blate check.?out\b", re.I), "late_checkout"),
    (re.compile(r"\b(wifi|wi-fi|parking|breakfast|address|pets?|check.?(in|out) time)\b", re.I), "hotel_info"),
    (re.compile(r"\b(flight|taxi|car rental|weather|restaurant)\b", re.I), "out_of_scope"),
)
ASKS_FOR_PERSON: Final = re.compile(
    r"\b(real person|human|someone|somebody|operator|agent|representative|front desk|manager|reception)\b", re.I
)
LONG_SILENCE_S: Final = 10.0
REPEAT_SIMILARITY: Final = 0.85


@dataclass(frozen=True)
class ToolRecord:
    name: str
    arguments: Mapping[str, Any]
    ok: bool
    error: str | None
    effect: str | None
    elapsed_ms: float
    data: Mapping[str, Any]

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "arguments": dict(self.arguments), "ok": self.ok, "error": self.error,
                "effect": self.effect, "elapsed_ms": round(self.elapsed_ms, 1)}


@dataclass
class CallAnalytics:
    call: CallInfo
    user_turns: list[str] = field(default_factory=list)
    tools: list[ToolRecord] = field(default_factory=list)
    repeats: int = 0
    asked_for_person: int = 0
    long_silences: int = 0
    interruptions: int = 0
    model_failures: int = 0
    model_busy_turns: int = 0  # read by keywords because the model did not answer within the turn's budget
    hung_up_by_agent: bool = False
    transfer_reason: str | None = None
    _last_reply_end: float | None = None

    def user_turn(self, text: str, *, now: float | None = None) -> None:
        moment = time.monotonic() if now is None else now
        normalized = " ".join(text.lower().split())
        if self.user_turns:
            previous = " ".join(self.user_turns[-1].lower().split())
            if normalized and difflib.SequenceMatcher(None, previous, normalized).ratio() >= REPEAT_SIMILARITY:
                self.repeats += 1
        if ASKS_FOR_PERSON.search(text):
            self.asked_for_person += 1
        if self._last_reply_end is not None and moment - self._last_reply_end >= LONG_SILENCE_S:
            self.long_silences += 1
        self.user_turns.append(text)

    def reply_finished(self, *, now: float | None = None) -> None:
        self._last_reply_end = time.monotonic() if now is None else now

    def tool_called(self, name: str, arguments: Mapping[str, Any], result: ToolResult, elapsed_ms: float) -> None:
        self.tools.append(ToolRecord(name, dict(arguments), result.ok, result.error, result.effect, elapsed_ms,
                                     dict(result.data)))
        if result.action == "transfer":
            self.transfer_reason = str(result.data.get("reason") or "transfer")
        if result.action == "hang_up":
            self.hung_up_by_agent = True

    def primary_intent(self) -> tuple[str, float]:
        """(intent, confidence): from what the agent did when it could, else from the words used."""
        called = {record.name: record for record in self.tools}
        for tool, intent in TOOL_INTENTS:
            record = called.get(tool)
            if record is not None:
                return intent, 0.95 if record.effect else (0.85 if record.ok else 0.7)
        votes: dict[str, int] = {}
        for text in self.user_turns:
            for pattern, intent in KEYWORD_INTENTS:
                if pattern.search(text):
                    votes[intent] = votes.get(intent, 0) + 1
                    break
        if votes:
            intent = max(votes, key=lambda key: votes[key])
            return intent, round(min(0.6, 0.3 + 0.1 * votes[intent]), 2)
        return ("other", 0.2) if self.user_turns else ("none", 0.0)

    def outcome(self, reported: Outcome | None) -> str:
        effects = {record.effect for record in self.tools if record.ok}
        if "booked" in effects:
            return "booked"
        if "cancelled" in effects:
            return "cancelled"
        if self.transfer_reason is not None or reported == "transferred":
            return "transferred"
        if reported == "failed":
            return "failed"
        if self.hung_up_by_agent or reported == "completed":
            return "completed"
        return "abandoned"

    def signals(self) -> dict[str, Any]:
        return {
            "repeats": self.repeats,
            "asked_for_person": self.asked_for_person,
            "long_silences": self.long_silences,
            "interruptions": self.interruptions,
            "model_failures": self.model_failures,
            "model_busy_turns": self.model_busy_turns,
            "failed_tools": sum(1 for record in self.tools if not record.ok),
            "turns": len(self.user_turns),
        }

    def _stay_request(self) -> dict[str, Any]:
        for record in reversed(self.tools):
            if record.name in ("create_reservation", "quote_stay", "check_availability", "modify_reservation"):
                args = record.arguments
                if "check_in" in args or "check_in" in record.data:
                    return {**dict(args), **{k: v for k, v in record.data.items() if k in ("check_in", "check_out")}}
        return {}

    async def store(self, db: Database, reported: Outcome | None) -> None:
        intent, confidence = self.primary_intent()
        outcome = self.outcome(reported)
        stay = self._stay_request()
        availability = next((r for r in reversed(self.tools) if r.name == "check_availability" and r.ok), None)
        options = list(availability.data.get("options", [])) if availability else []
        priced = next((r for r in reversed(self.tools) if r.ok and "total" in r.data), None)
        signals = self.signals()
        follow_up = outcome in ("abandoned", "failed") and intent in ("book_room", "cancel_reservation",
                                                                       "modify_reservation")
        async with db.transaction() as conn:
            # The call record normally exists (the voice wiring opens it); create it if not.
            await conn.execute(
                """INSERT INTO voice_call_logs (call_sid, stream_sid, phone_number, primary_intent,
                                                intent_confidence, outcome, transfer_reason)
                   VALUES ($1, $2, $3, $4, $5, $6, $7)
                   ON CONFLICT (call_sid) DO UPDATE
                   SET primary_intent = EXCLUDED.primary_intent, intent_confidence = EXCLUDED.intent_confidence,
                       outcome = EXCLUDED.outcome,
                       transfer_reason = coalesce(voice_call_logs.transfer_reason, EXCLUDED.transfer_reason),
                       updated_at = now()""",
                self.call.call_sid, self.call.stream_sid, self.call.from_number, intent, confidence, outcome,
                self.transfer_reason,
            )
            await conn.execute(
                """INSERT INTO voice_call_analytics (
                       call_sid, phone_number, requested_check_in, requested_check_out, guests, room_type,
                       original_intent, voice_confidence, voice_timestamp, is_available, available_rooms_count,
                       total_rate, currency, follow_up_needed, follow_up_reason, suggested_action, outcome,
                       tools_called, signals, rate_data, availability_data)
                   VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now(), $9, $10, $11, $12, $13, $14, $15, $16, $17, $18,
                           $19, $20)""",
                self.call.call_sid, self.call.from_number, _as_date(stay.get("check_in")),
                _as_date(stay.get("check_out")), stay.get("guests"), stay.get("room_type"), intent, confidence,
                (bool(options) if availability else None), (sum(int(o.get("rooms_left", 0)) for o in options)
                                                            if availability else None),
                (priced.data.get("total") if priced else None), (priced.data.get("currency") if priced else None),
                follow_up, (f"{intent} not completed" if follow_up else None),
                ("call the guest back" if follow_up else None), outcome,
                _plain([record.to_json() for record in self.tools]), signals,
                _plain(dict(priced.data) if priced else {}), _plain({"options": options} if availability else {}),
            )


def _plain(value: Any) -> Any:
    """JSON-ready (dates and decimals as strings) for the jsonb columns."""
    return json.loads(json.dumps(value, default=str))


def _as_date(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        return None
