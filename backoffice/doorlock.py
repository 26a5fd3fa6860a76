"""Door-lock adapter interface, and the simulated lock used when no vendor lock is configured."""

from __future__ import annotations

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
    async def grant(self, room_number: str, reservation_id: str, valid_until: datetime) -> KeyGrant: ...

    async def revoke(self, room_number: str, reservation_id: str) -> None: ...


@dataclass
class SimulatedDoorLock:
    """Keeps grants in memory, like a lock server would; lets tests assert what was unlocked."""

    active: dict[tuple[str, str], KeyGrant] = field(default_factory=dict)

    async def grant(self, room_number: str, reservation_id: str, valid_until: datetime) -> KeyGrant:
        import secrets

        key = KeyGrant(room_number, reservation_id, valid_until, f"SIM-{secrets.token_hex(4).upper()}")
        self.active[room_number, reservation_id] = key
        return key

    async def revoke(self, room_number: str, reservation_id: str) -> None:
        self.active.pop((room_number, reservation_id), None)
