"""Door-lock adapter interface, and the simulated lock used when no vendor lock is configured.

Calls come from the outbox handlers in ``backoffice.doorkeys``, after the change that wants them
has committed, and are retried until they succeed: both must be idempotent. ``credential_id`` is
ours (``door_keys.credential_id``), so a retried grant makes the same key, and a revoke removes
exactly that key (``None``: every key of the reservation for that room, for keys from before).
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol


@dataclass(frozen=True)
class KeyGrant:
    room_number: str
    reservation_id: str
    valid_until: datetime
    credential: str


class DoorLock(Protocol):
    async def grant(
        self, room_number: str, reservation_id: str, valid_until: datetime, credential_id: str
    ) -> KeyGrant: ...

    async def revoke(self, room_number: str, reservation_id: str, credential_id: str | None) -> None: ...


@dataclass
class SimulatedDoorLock:
    """Keeps grants in memory, like a lock server would; lets tests assert what was unlocked."""

    active: dict[tuple[str, str], KeyGrant] = field(default_factory=dict)

    async def grant(
        self, room_number: str, reservation_id: str, valid_until: datetime, credential_id: str | None = None
    ) -> KeyGrant:
        key = KeyGrant(room_number, reservation_id, valid_until,
                       credential_id or f"SIM-{secrets.token_hex(4).upper()}")
        self.active[room_number, reservation_id] = key
        return key

    async def revoke(self, room_number: str, reservation_id: str, credential_id: str | None = None) -> None:
        current = self.active.get((room_number, reservation_id))
        if current is not None and credential_id in (None, current.credential):
            del self.active[room_number, reservation_id]
