"""Data retention: what the hotel keeps about a phone call, and for how long.

After ``HotelPolicy.retention_days`` (``CONCIERGE_RETENTION_DAYS``, 90 by default) a call keeps its
numbers (duration, timings, intent, outcome, prices quoted) but loses what identifies or quotes the
caller: the turn texts, the conversation history, the caller's number, name and e-mail, the link to
the guest, and the tool arguments and errors in its analytics. The call row stays, marked with
``redacted_at``, so reports keep their counts. Used per-call tokens are deleted once expired.

Each batch is one short transaction; the job is safe to run on every pass and on several servers.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from backoffice.services import Services

log = logging.getLogger(__name__)

BATCH = 500
TOKEN_GRACE = timedelta(days=1)  # used tokens are kept a day past expiry (for investigating a replay)

_PICK = """SELECT call_sid FROM voice_call_logs
           WHERE redacted_at IS NULL AND start_time < $1
           ORDER BY start_time LIMIT $2 FOR UPDATE SKIP LOCKED"""

_REDACT_TURNS = """UPDATE voice_call_turns
                   SET user_text = '', agent_text = '', heard_text = NULL, tool_calls = '[]'::jsonb
                   WHERE call_sid = ANY($1::text[])"""

_REDACT_ANALYTICS = """UPDATE voice_call_analytics
                       SET phone_number = NULL, follow_up_reason = NULL, suggested_action = NULL,
                           rate_data = '{}'::jsonb,
                           tools_called = (SELECT coalesce(jsonb_agg(jsonb_build_object(
                                                'name', t -> 'name', 'ok', t -> 'ok',
                                                'elapsed_ms', t -> 'elapsed_ms')), '[]'::jsonb)
                                           FROM jsonb_array_elements(tools_called) AS t),
                           updated_at = now()
                       WHERE call_sid = ANY($1::text[])"""

_REDACT_CALLS = """UPDATE voice_call_logs
                   SET phone_number = NULL, guest_id = NULL, guest_name = NULL, guest_email = NULL,
                       conversation_history = '[]'::jsonb, recording_url = NULL, transfer_reason = NULL,
                       redacted_at = $2, updated_at = now()
                   WHERE call_sid = ANY($1::text[])"""


async def redact_old_calls(services: Services, *, batch: int = BATCH) -> int:
    """Redact every call that started before the retention window; returns how many calls."""
    cutoff = services.now() - timedelta(days=services.policy.retention_days)
    redacted = 0
    while True:
        async with services.db.transaction() as tx:
            call_sids = [row["call_sid"] for row in await tx.fetch(_PICK, cutoff, batch)]
            if not call_sids:
                break
            await tx.execute(_REDACT_TURNS, call_sids)
            await tx.execute(_REDACT_ANALYTICS, call_sids)
            await tx.execute(_REDACT_CALLS, call_sids, services.now())
        redacted += len(call_sids)
        if len(call_sids) < batch:
            break
    if redacted:
        log.info("retention: redacted %d call(s) older than %d days", redacted, services.policy.retention_days)
    return redacted


async def purge_used_call_tokens(services: Services) -> int:
    """Forget used per-call tokens a day after they expired (they can no longer be replayed).

    Token expiry is real time, not the hotel's clock (which a demo may run ahead): the database's.
    """
    result: str = await services.db.pool.execute(
        "DELETE FROM voice_call_tokens_used WHERE expires_at < now() - $1::interval", TOKEN_GRACE
    )
    return int(result.split()[-1])


async def apply_retention(services: Services) -> int:
    """The job ``backoffice.jobs.run_once`` calls: both of the above; returns the calls redacted."""
    redacted = await redact_old_calls(services)
    await purge_used_call_tokens(services)
    return redacted
