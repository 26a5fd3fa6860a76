"""What happened on a phone call, for staff: the call, its turns, its analytics and the follow-ups sent.

Read-only over the tables the voice pipeline writes (``voice_call_logs``, ``voice_call_turns``,
``voice_call_analytics``) and the ``messages`` the outbox relay sent to the caller's number.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import asyncpg

from backoffice.errors import NotFound
from backoffice.messaging import MessageView, list_messages


@dataclass(frozen=True)
class CallSummary:
    call_sid: str
    phone_number: str | None
    status: str
    direction: str
    start_time: datetime
    end_time: datetime | None
    duration: int | None
    total_interactions: int
    avg_response_time: float | None
    primary_intent: str | None
    intent_confidence: float | None
    outcome: str | None
    transferred_to: str | None
    transfer_reason: str | None


@dataclass(frozen=True)
class CallTurn:
    turn_index: int
    caller_text: str
    agent_text: str
    heard_text: str | None
    interrupted: bool
    tool_calls: list[Any]
    speech_ended_at: datetime | None
    transcript_at: datetime | None
    first_token_at: datetime | None
    first_audio_at: datetime | None
    timings_ms: dict[str, Any]


@dataclass(frozen=True)
class CallDetail:
    call: CallSummary
    turns: list[CallTurn]
    analytics: dict[str, Any] | None
    follow_ups: list[MessageView]


_SUMMARY = """SELECT call_sid, phone_number, status, direction, start_time, end_time, duration, total_interactions,
                     avg_response_time, primary_intent, intent_confidence, outcome, transferred_to, transfer_reason
              FROM voice_call_logs"""


def _json(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) else value


async def list_calls(conn: asyncpg.Pool | asyncpg.Connection, start: datetime, end: datetime,
                     *, limit: int = 500) -> list[CallSummary]:
    """Calls that started in ``[start, end)``, newest first."""
    rows = await conn.fetch(_SUMMARY + " WHERE start_time >= $1 AND start_time < $2 ORDER BY start_time DESC LIMIT $3",
                            start, end, limit)
    return [CallSummary(**dict(r)) for r in rows]


async def get_call(conn: asyncpg.Pool | asyncpg.Connection, call_sid: str) -> CallDetail:
    row = await conn.fetchrow(_SUMMARY + " WHERE call_sid = $1", call_sid)
    if row is None:
        raise NotFound(f"no call {call_sid}", field="call_sid")
    call = CallSummary(**dict(row))
    turns = [
        CallTurn(t["turn_index"], t["user_text"], t["agent_text"], t["heard_text"], t["interrupted"],
                 _json(t["tool_calls"]), t["speech_ended_at"], t["transcript_at"], t["first_token_at"],
                 t["first_audio_at"], _json(t["timings_ms"]))
        for t in await conn.fetch("SELECT * FROM voice_call_turns WHERE call_sid = $1 ORDER BY turn_index", call_sid)
    ]
    analytics_row = await conn.fetchrow(
        """SELECT original_intent, outcome, tools_called, signals, follow_up_needed, follow_up_reason,
                  suggested_action, requested_check_in, requested_check_out, guests, room_type, base_rate, total_rate,
                  currency, is_available, available_rooms_count, voice_confidence, created_at
           FROM voice_call_analytics WHERE call_sid = $1 ORDER BY id DESC LIMIT 1""",
        call_sid,
    )
    analytics = None
    if analytics_row is not None:
        analytics = {k: _json(v) if k in ("tools_called", "signals") else v for k, v in analytics_row.items()}
    return CallDetail(call, turns, analytics, await _follow_ups(conn, call))


async def _follow_ups(conn: asyncpg.Pool | asyncpg.Connection, call: CallSummary) -> list[MessageView]:
    """Messages to the caller's number from the call's start until the same number's next call."""
    if not call.phone_number:
        return []
    next_call: datetime | None = await conn.fetchval(
        "SELECT min(start_time) FROM voice_call_logs WHERE phone_number = $1 AND start_time > $2",
        call.phone_number, call.start_time,
    )
    found = await list_messages(conn, to=call.phone_number, since=call.start_time)
    return [m for m in found if next_call is None or m.created_at < next_call]
