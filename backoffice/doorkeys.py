"""Door keys, granted and revoked through the outbox after the change that wants them commits.

A check-in (or room move) writes a ``door_keys`` row and a ``doorkey.grant`` event in its own
transaction; nothing touches the lock yet. If that transaction rolls back (a crash, a refused
guard), neither exists and no key is ever made. Once committed, the grant is delivered at once
(``deliver_now``, best effort) and otherwise by the relay, retried until the lock confirms.
Revoking works the same way (``doorkey.revoke``), so a check-out that commits always ends with the
old key revoked, however often the lock fails first.

The row is the truth both handlers converge the lock to: a grant applies only while the row is
``granting``; a revoke marks it ``revoking`` first, so a grant still being retried never
resurrects a key that is meant to be gone. Each handler holds the row lock while it calls the lock,
so a grant and a revoke of one key never interleave.
"""

from __future__ import annotations

import logging
import secrets
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Final
from uuid import UUID

import asyncpg

from backoffice import audit, outbox
from backoffice.audit import Actor
from backoffice.services import Services

log = logging.getLogger(__name__)

GRANT: Final = "doorkey.grant"
REVOKE: Final = "doorkey.revoke"
DOOR_LOCK: Final = Actor.system("door-lock")


@dataclass(frozen=True)
class RequestedKey:
    reservation_id: UUID
    room_number: str
    credential_id: str
    valid_until: datetime


def _payload(reservation_id: UUID, room_number: str, credential_id: str | None, valid_until: Any) -> dict[str, Any]:
    return {"reservation_id": str(reservation_id), "room_number": room_number, "credential_id": credential_id,
            "valid_until": valid_until.isoformat() if isinstance(valid_until, datetime) else valid_until}


async def request_grant(
    conn: asyncpg.Connection, actor: Actor, reservation_id: UUID, room_number: str, valid_until: datetime
) -> RequestedKey:
    """Ask for a key, inside the caller's transaction: it exists only if that transaction commits."""
    key = RequestedKey(reservation_id, room_number, "KEY-" + secrets.token_hex(8).upper(), valid_until)
    await conn.execute(
        """INSERT INTO door_keys (reservation_id, room_number, credential_id, valid_until)
           VALUES ($1, $2, $3, $4)""",
        reservation_id, room_number, key.credential_id, valid_until,
    )
    await outbox.emit(conn, GRANT, "reservation", reservation_id,
                      _payload(reservation_id, room_number, key.credential_id, valid_until))
    await audit.record(conn, actor, "door_key.grant", "reservation", reservation_id,
                       new={"room_number": room_number, "credential_id": key.credential_id,
                            "valid_until": valid_until})
    return key


async def request_revoke(
    conn: asyncpg.Connection, actor: Actor, reservation_id: UUID, *, room_number: str | None = None,
    legacy_room: str | None = None,
) -> list[str]:
    """Ask for the reservation's keys (for ``room_number``, or all) to be revoked, inside the caller's
    transaction; returns their credential ids. ``legacy_room``: the room of a stay checked in before
    keys had rows; with no row for it, every key of the reservation for that room is revoked."""
    rows = await conn.fetch(
        """UPDATE door_keys SET status = 'revoking', updated_at = now()
           WHERE reservation_id = $1 AND ($2::text IS NULL OR room_number = $2)
             AND status IN ('granting', 'active')
           RETURNING room_number, credential_id, valid_until""",
        reservation_id, room_number,
    )
    targets: list[tuple[str, str | None, Any]] = [(r["room_number"], r["credential_id"], r["valid_until"])
                                                  for r in rows]
    if legacy_room is not None and not await conn.fetchval(
        "SELECT 1 FROM door_keys WHERE reservation_id = $1 AND room_number = $2", reservation_id, legacy_room
    ):
        targets.append((legacy_room, None, None))
    for room, credential_id, valid_until in targets:
        await outbox.emit(conn, REVOKE, "reservation", reservation_id,
                          _payload(reservation_id, room, credential_id, valid_until))
        await audit.record(conn, actor, "door_key.revoke", "reservation", reservation_id,
                           old={"room_number": room, "credential_id": credential_id})
    return [credential_id for _, credential_id, _ in targets if credential_id is not None]


async def apply_grant(services: Services, credential_id: str) -> bool:
    """Make the lock hold the key if it is still wanted; True when the key is active."""
    async with services.db.transaction() as conn:
        row = await conn.fetchrow("SELECT * FROM door_keys WHERE credential_id = $1 FOR UPDATE", credential_id)
        if row is None or row["status"] in ("revoking", "revoked"):
            return False  # rolled back, or already meant to be gone: never grant it
        if row["status"] == "active":
            return True
        await services.door_lock.grant(row["room_number"], str(row["reservation_id"]), row["valid_until"],
                                       credential_id)
        await conn.execute(
            "UPDATE door_keys SET status = 'active', granted_at = $2, updated_at = now() WHERE id = $1",
            row["id"], services.now(),
        )
        await audit.record(conn, DOOR_LOCK, "door_key.granted", "reservation", row["reservation_id"],
                           new={"room_number": row["room_number"], "credential_id": credential_id})
    return True


async def apply_revoke(services: Services, reservation_id: UUID, room_number: str, credential_id: str | None) -> None:
    """Make the lock drop the key (idempotent: revoking a revoked key is a no-op)."""
    if credential_id is None:
        await services.door_lock.revoke(room_number, str(reservation_id), None)
        return
    async with services.db.transaction() as conn:
        row = await conn.fetchrow("SELECT * FROM door_keys WHERE credential_id = $1 FOR UPDATE", credential_id)
        if row is not None and row["status"] == "revoked":
            return
        await services.door_lock.revoke(room_number, str(reservation_id), credential_id)
        if row is not None:
            await conn.execute(
                "UPDATE door_keys SET status = 'revoked', revoked_at = $2, updated_at = now() WHERE id = $1",
                row["id"], services.now(),
            )
            await audit.record(conn, DOOR_LOCK, "door_key.revoked", "reservation", reservation_id,
                               old={"room_number": room_number, "credential_id": credential_id})


@outbox.handler(GRANT)
async def on_grant(services: Services, event: outbox.OutboxEvent) -> None:
    await apply_grant(services, event.payload["credential_id"])


@outbox.handler(REVOKE)
async def on_revoke(services: Services, event: outbox.OutboxEvent) -> None:
    payload = event.payload
    await apply_revoke(services, UUID(payload["reservation_id"]), payload["room_number"], payload["credential_id"])


async def deliver_now(services: Services, reservation_id: UUID) -> None:
    """Right after commit, apply the reservation's queued grants and revokes without waiting for the
    relay. Best effort: the events stay queued, so the relay delivers them again (a no-op once
    applied) and retries any the lock refused now."""
    queued = await services.db.pool.fetch(
        """SELECT id, event_type, aggregate_type, aggregate_id, payload, attempts FROM outbox
           WHERE aggregate_type = 'reservation' AND aggregate_id = $1 AND event_type IN ($2, $3)
             AND published_at IS NULL ORDER BY id""",
        str(reservation_id), GRANT, REVOKE,
    )
    for row in queued:
        event = outbox.OutboxEvent(row["id"], row["event_type"], row["aggregate_type"], row["aggregate_id"],
                                   row["payload"], row["attempts"])
        try:
            await (on_grant if event.event_type == GRANT else on_revoke)(services, event)
        except Exception as failed:  # the relay retries; the guest's stay is committed either way
            log.warning("door lock did not confirm %s for room %s (the relay retries): %s",
                        event.event_type, event.payload.get("room_number"), failed)


async def key_status(conn: asyncpg.Connection | asyncpg.Pool, credential_id: str) -> str | None:
    status: str | None = await conn.fetchval("SELECT status FROM door_keys WHERE credential_id = $1", credential_id)
    return status
