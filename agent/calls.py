"""Call records: ``voice_call_logs`` (one row per call) and ``voice_call_turns`` (one per turn).

Written as the call goes - the row at ``start``, each turn as it completes, the totals at the
end - so a crash mid-call loses at most the turn in progress. Status changes are audited with
the call as the actor. Implements ``pipeline.frames.CallRecorder``.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from backoffice.audit import Actor, record
from backoffice.db import Database
from pipeline.frames import CallStatus, TurnRecord

# Twilio's CallStatus values -> our voice_call_logs.status
TWILIO_STATUS: dict[str, CallStatus | str] = {
    "queued": "ringing",
    "initiated": "ringing",
    "ringing": "ringing",
    "in-progress": "in_progress",
    "completed": "completed",
    "busy": "abandoned",
    "no-answer": "abandoned",
    "canceled": "abandoned",
    "failed": "failed",
}
_FINAL = ("completed", "transferred", "failed", "abandoned")


def _utc_now() -> datetime:
    return datetime.now(UTC)


class CallRecords:
    """PostgreSQL call history for the voice pipeline."""

    def __init__(self, db: Database, *, clock: Callable[[], datetime] = _utc_now) -> None:
        self.db = db
        self.clock = clock

    def _wall(self, monotonic: float | None) -> datetime | None:
        """A ``time.monotonic()`` moment as wall-clock time."""
        if monotonic is None:
            return None
        return self.clock() - timedelta(seconds=time.monotonic() - monotonic)

    async def call_started(self, call_sid: str, stream_sid: str, from_number: str | None) -> None:
        async with self.db.transaction() as conn:
            old = await conn.fetchval("SELECT status FROM voice_call_logs WHERE call_sid = $1", call_sid)
            await conn.execute(
                """INSERT INTO voice_call_logs (call_sid, stream_sid, phone_number, status, start_time)
                   VALUES ($1, $2, $3, 'in_progress', $4)
                   ON CONFLICT (call_sid) DO UPDATE
                   SET stream_sid = EXCLUDED.stream_sid,
                       phone_number = COALESCE(voice_call_logs.phone_number, EXCLUDED.phone_number),
                       status = 'in_progress', updated_at = now()""",
                call_sid, stream_sid, from_number, self.clock(),
            )
            await record(conn, Actor.call(call_sid), "call.started", "voice_call", call_sid,
                         old={"status": old} if old else None, new={"status": "in_progress"})

    async def turn_completed(self, call_sid: str, turn: TurnRecord) -> None:
        t = turn.timings
        entries: list[dict[str, object]] = []
        if turn.user_text:
            entries.append({"role": "user", "text": turn.user_text})
        if turn.agent_text:
            entries.append({"role": "assistant", "text": turn.heard_text if turn.interrupted else turn.agent_text,
                            "interrupted": turn.interrupted})
        async with self.db.transaction() as conn:
            inserted = await conn.execute(
                """INSERT INTO voice_call_turns
                     (call_sid, turn_index, user_text, agent_text, heard_text, interrupted,
                      speech_ended_at, transcript_at, first_token_at, first_audio_at, timings_ms, fallback)
                   VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
                   ON CONFLICT (call_sid, turn_index) DO NOTHING""",
                call_sid, turn.index, turn.user_text, turn.agent_text, turn.heard_text, turn.interrupted,
                self._wall(t.speech_ended), self._wall(t.transcript), self._wall(t.first_reply_text),
                self._wall(t.first_audio_out), t.as_ms(), turn.fallback,
            )
            if inserted.endswith(" 0"):
                return  # written before (a retry): count it once
            await conn.execute(
                """UPDATE voice_call_logs
                   SET total_interactions = total_interactions + $2,
                       conversation_history = conversation_history || $3::jsonb,
                       updated_at = now()
                   WHERE call_sid = $1""",
                call_sid, 1 if turn.user_text else 0, entries,
            )

    async def call_ended(self, call_sid: str, status: CallStatus, *, outcome: str | None,
                         transferred_to: str | None = None, transfer_reason: str | None = None) -> None:
        async with self.db.transaction() as conn:
            old = await conn.fetchval("SELECT status FROM voice_call_logs WHERE call_sid = $1 FOR UPDATE", call_sid)
            if old is None:
                return
            # A status callback may already have closed the row; a transfer wins over "completed".
            new_status = old if old in ("transferred", "failed") else status
            await conn.execute(
                """UPDATE voice_call_logs
                   SET status = $2, outcome = COALESCE($3, outcome),
                       end_time = COALESCE(end_time, $4),
                       duration = COALESCE(duration, GREATEST(0, EXTRACT(EPOCH FROM ($4 - start_time)))::int),
                       transferred_to = COALESCE($5, transferred_to),
                       transfer_reason = COALESCE($6, transfer_reason),
                       avg_response_time = (
                         SELECT avg((timings_ms->>'first_audio_out')::float) / 1000.0 FROM voice_call_turns
                         WHERE call_sid = $1 AND user_text <> '' AND timings_ms ? 'first_audio_out'),
                       updated_at = now()
                   WHERE call_sid = $1""",
                call_sid, new_status, outcome, self.clock(), transferred_to, transfer_reason,
            )
            if new_status != old:
                await record(conn, Actor.call(call_sid), "call.ended", "voice_call", call_sid,
                             old={"status": old}, new={"status": new_status, "outcome": outcome})

    async def twilio_status(self, call_sid: str, twilio_status: str, *, duration_s: int | None,
                            from_number: str | None) -> str:
        """Apply a Twilio status callback; returns the status stored."""
        mapped = str(TWILIO_STATUS.get(twilio_status, "in_progress"))
        async with self.db.transaction() as conn:
            old = await conn.fetchval("SELECT status FROM voice_call_logs WHERE call_sid = $1 FOR UPDATE", call_sid)
            # Our own ending (e.g. transferred) is more precise than Twilio's "completed".
            new = old if old in _FINAL and mapped != "failed" else mapped
            ending = new in _FINAL
            await conn.execute(
                """INSERT INTO voice_call_logs (call_sid, phone_number, status, start_time, end_time, duration)
                   VALUES ($1, $2, $3, $4::timestamptz, CASE WHEN $5::boolean THEN $4::timestamptz END, $6)
                   ON CONFLICT (call_sid) DO UPDATE
                   SET status = $3,
                       phone_number = COALESCE(voice_call_logs.phone_number, EXCLUDED.phone_number),
                       end_time = CASE WHEN $5::boolean THEN COALESCE(voice_call_logs.end_time, $4::timestamptz)
                                       ELSE voice_call_logs.end_time END,
                       duration = COALESCE($6, voice_call_logs.duration),
                       updated_at = now()""",
                call_sid, from_number, new, self.clock(), ending, duration_s,
            )
            if new != old:
                await record(conn, Actor.call(call_sid), "call.status", "voice_call", call_sid,
                             old={"status": old} if old else None, new={"status": new, "twilio": twilio_status})
        return new
