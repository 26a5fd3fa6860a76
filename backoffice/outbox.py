"""Transactional outbox: events are written in the same transaction as the change they describe."""

from __future__ import annotations

import json
from typing import Any

import asyncpg


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
