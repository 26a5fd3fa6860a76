"""Transactional outbox: events are written in the same transaction as the change they describe.

STAND-IN (staffsec branch): the relay below is the minimal version of the contract in
/work/HELPERS.md (``OutboxEvent``, ``handler``, ``relay_once``) so door keys can be delivered
through it; the ``followups`` branch owns the real relay (backoff, next attempt time) and its
version replaces this one at merge.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import asyncpg

if TYPE_CHECKING:
    from backoffice.services import Services

log = logging.getLogger(__name__)


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
    attempts: int


OutboxHandler = Callable[["Services", OutboxEvent], Awaitable[None]]
_HANDLERS: dict[str, OutboxHandler] = {}


def handler(event_type: str) -> Callable[[OutboxHandler], OutboxHandler]:
    """Register the handler of ``event_type`` (one per type)."""

    def register(fn: OutboxHandler) -> OutboxHandler:
        _HANDLERS[event_type] = fn
        return fn

    return register


async def relay_once(services: Services, *, limit: int = 100) -> int:
    """Deliver due events in order; returns how many were published. A handler that raises leaves
    its event unpublished (attempts and last_error recorded) for the next pass."""
    published = 0
    async with services.db.transaction() as conn:
        rows = await conn.fetch(
            """SELECT id, event_type, aggregate_type, aggregate_id, payload, attempts FROM outbox
               WHERE published_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED""",
            limit,
        )
        for row in rows:
            event = OutboxEvent(row["id"], row["event_type"], row["aggregate_type"], row["aggregate_id"],
                                row["payload"], row["attempts"])
            deliver = _HANDLERS.get(event.event_type)
            try:
                if deliver is not None:
                    await deliver(services, event)
            except Exception as exc:
                log.warning("outbox event %s (%s) failed: %s", event.id, event.event_type, exc)
                await conn.execute("UPDATE outbox SET attempts = attempts + 1, last_error = $2 WHERE id = $1",
                                   event.id, str(exc)[:500])
                continue
            await conn.execute("UPDATE outbox SET published_at = $2, attempts = attempts + 1 WHERE id = $1",
                               event.id, services.now())
            published += 1
    return published
