"""Idempotency keys (Stripe / IETF draft semantics), stored in the business transaction.

The same key with the same request replays the first response; the same key with a different
request is refused (422); a request still running under the key makes the second one wait on the
row lock and then replay. Failed requests store nothing: they changed nothing, so a retry runs again.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import asyncpg

from backoffice.db import Database
from backoffice.errors import IdempotencyKeyReused, ValidationFailed


@dataclass(frozen=True)
class StoredResponse:
    status: int
    body: dict[str, Any]
    replayed: bool


def request_fingerprint(payload: Any) -> str:
    canonical = json.dumps(payload, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(canonical.encode()).hexdigest()


Operation = Callable[[asyncpg.Connection], Awaitable[tuple[int, dict[str, Any]]]]


async def run_once(
    db: Database, scope: str, key: str | None, request: Any, operation: Operation
) -> StoredResponse:
    """Run ``operation`` in a transaction at most once per ``(scope, key)``."""
    if key is None:
        async with db.transaction() as conn:
            status, body = await operation(conn)
        return StoredResponse(status, body, replayed=False)
    if not 1 <= len(key) <= 255:
        raise ValidationFailed("Idempotency-Key must be 1 to 255 characters", field="Idempotency-Key")
    fingerprint = request_fingerprint(request)
    async with db.transaction() as conn:
        # Claims the key; a concurrent holder makes us wait here until it commits or rolls back.
        claimed = await conn.fetchval(
            """INSERT INTO idempotency_keys (scope, key, request_sha256, response_code, response_body)
               VALUES ($1, $2, $3, 0, 'null'::jsonb)
               ON CONFLICT (scope, key) DO NOTHING RETURNING true""",
            scope,
            key,
            fingerprint,
        )
        if not claimed:
            stored = await conn.fetchrow(
                """SELECT request_sha256, response_code, response_body FROM idempotency_keys
                   WHERE scope = $1 AND key = $2""",
                scope,
                key,
            )
            assert stored is not None
            if stored["request_sha256"] != fingerprint:
                raise IdempotencyKeyReused(
                    "this Idempotency-Key was used with a different request body", field="Idempotency-Key"
                )
            return StoredResponse(stored["response_code"], stored["response_body"], replayed=True)
        status, body = await operation(conn)
        await conn.execute(
            """UPDATE idempotency_keys SET response_code = $3, response_body = $4
               WHERE scope = $1 AND key = $2""",
            scope,
            key,
            status,
            json.loads(json.dumps(body, default=str)),
        )
        return StoredResponse(status, body, replayed=False)


async def purge_expired(db: Database) -> int:
    result: str = await db.pool.execute("DELETE FROM idempotency_keys WHERE expires_at < now()")
    return int(result.split()[-1])
