"""Transactional outbox: events are written in the same transaction as the change they describe,
and a relay hands each one to its handler until the handler succeeds.

Delivery is at least once per event; handlers dedupe by the event id (the follow-up handlers do it
with the ``messages`` table), so an event handled twice - after a crash between the handler and
``published_at`` - still sends each message once.

The relay claims one due event at a time with ``FOR NO KEY UPDATE SKIP LOCKED`` (the "no key"
strength lets the handler insert rows that reference the event, e.g. ``messages.event_id``) and
keeps the row locked while its handler runs, so two server instances never run the same event at once, and a crash
(or a cancelled task) simply rolls the claim back: the event is due again on the next pass. A
handler that raises is retried with exponential backoff (``attempts``, ``last_error``,
``next_attempt_at``); after ``MAX_ATTEMPTS`` the relay gives up (``failed_at``) and logs an error.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING, Any, Final

import asyncpg

if TYPE_CHECKING:
    from backoffice.services import Services

log = logging.getLogger(__name__)

BACKOFF_BASE_S: Final = 2.0
BACKOFF_CAP_S: Final = 3600.0
MAX_ATTEMPTS: Final = 15  # about 9 hours of retries with the backoff above
HANDLER_TIMEOUT_S: Final = 60.0  # a handler stuck on a silent provider is treated as a failure
RELAY_INTERVAL_S: Final = 1.0


async def emit(
    conn: asyncpg.Connection, event_type: str, aggregate_type: str, aggregate_id: object, payload: dict[str, Any]
) -> int:
    """Queue an event; the relay delivers it at least once, consumers dedupe by the returned id."""
    event_id: int = await conn.fetchval(
        """INSERT INTO outbox (event_type, aggregate_type, aggregate_id, payload)
           VALUES ($1, $2, $3, $4) RETURNING id""",
        event_type,
        aggregate_type,
        str(aggregate_id),
        json.loads(json.dumps(payload, default=str)),
    )
    return event_id


@dataclass(frozen=True)
class OutboxEvent:
    id: int
    event_type: str
    aggregate_type: str
    aggregate_id: str
    payload: dict[str, Any]
    attempts: int  # failed attempts before this one


OutboxHandler = Callable[["Services", OutboxEvent], Awaitable[None]]
_HANDLERS: dict[str, OutboxHandler] = {}


def handler(event_type: str) -> Callable[[OutboxHandler], OutboxHandler]:
    """Register the one handler of ``event_type`` (modules listed in ``backoffice.outbox_handlers``)."""

    def register(function: OutboxHandler) -> OutboxHandler:
        existing = _HANDLERS.get(event_type)
        if existing is not None and existing is not function:
            raise RuntimeError(f"{event_type} already has a handler: {existing.__module__}.{existing.__name__}")
        _HANDLERS[event_type] = function
        return function

    return register


def handled_event_types() -> frozenset[str]:
    return frozenset(_HANDLERS)


def backoff(failed_attempts: int) -> timedelta:
    """Wait before the next try: 2 s, 4 s, 8 s, ... capped at an hour."""
    return timedelta(seconds=min(BACKOFF_CAP_S, BACKOFF_BASE_S * 2 ** max(0, failed_attempts - 1)))


def _event(row: asyncpg.Record) -> OutboxEvent:
    payload = row["payload"]
    if isinstance(payload, str):  # a pool without the jsonb codec
        payload = json.loads(payload)
    return OutboxEvent(row["id"], row["event_type"], row["aggregate_type"], row["aggregate_id"], payload,
                       row["attempts"])


async def _publish_unhandled(services: Services, limit: int) -> int:
    """Events nobody handles are published at once, so the queue holds only work."""
    result: str = await services.db.pool.execute(
        """UPDATE outbox SET published_at = $1
           WHERE id IN (SELECT id FROM outbox
                        WHERE published_at IS NULL AND failed_at IS NULL AND NOT (event_type = ANY($2::text[]))
                        ORDER BY id LIMIT $3 FOR NO KEY UPDATE SKIP LOCKED)""",
        services.now(), sorted(_HANDLERS), limit,
    )
    return int(result.split()[-1])


async def _relay_one(services: Services) -> bool | None:
    """Claim the oldest due event and run its handler; None when nothing is due, else whether it succeeded."""
    now = services.now()
    async with services.db.transaction() as tx:
        row = await tx.fetchrow(
            """SELECT * FROM outbox
               WHERE published_at IS NULL AND failed_at IS NULL AND event_type = ANY($2::text[])
                 AND (next_attempt_at IS NULL OR next_attempt_at <= $1)
               ORDER BY id LIMIT 1 FOR NO KEY UPDATE SKIP LOCKED""",
            now, sorted(_HANDLERS),
        )
        if row is None:
            return None
        event = _event(row)
        try:
            async with asyncio.timeout(HANDLER_TIMEOUT_S):
                await _HANDLERS[event.event_type](services, event)
        except Exception as error:  # a failed handler is retried later; CancelledError rolls the claim back
            failed = event.attempts + 1
            gave_up = failed >= MAX_ATTEMPTS
            message = f"{type(error).__name__}: {error}"[:2000]
            await tx.execute(
                """UPDATE outbox SET attempts = $2, last_error = $3, next_attempt_at = $4,
                                     failed_at = CASE WHEN $5::boolean THEN $6::timestamptz END
                   WHERE id = $1""",
                event.id, failed, message, now + backoff(failed), gave_up, now,
            )
            if gave_up:
                log.error("outbox event %s (%s) failed %d times, giving up: %s", event.id, event.event_type, failed,
                          message)
            else:
                log.warning("outbox event %s (%s) failed (attempt %d), retrying in %s: %s", event.id,
                            event.event_type, failed, backoff(failed), message)
            return False
        await tx.execute("UPDATE outbox SET published_at = $2, last_error = NULL WHERE id = $1", event.id, now)
        return True


async def relay_once(services: Services, *, limit: int = 100) -> int:
    """Deliver up to ``limit`` due events; returns how many were published (handled or not needing a handler)."""
    published = await _publish_unhandled(services, limit)
    for _ in range(limit):
        outcome = await _relay_one(services)
        if outcome is None:
            break
        published += int(outcome)
    return published


async def relay_forever(services: Services, interval_s: float = RELAY_INTERVAL_S) -> None:
    """The relay's own short loop, so a follow-up leaves within about ``interval_s`` of its commit.

    Polling the partial index of unpublished events costs one cheap query per second; a full batch
    is followed at once by the next one.
    """
    while True:
        try:
            published = await relay_once(services)
        except Exception:
            log.exception("outbox relay pass failed; retrying in %.0f s", interval_s)
            published = 0
        if published < 100:
            await asyncio.sleep(interval_s)
