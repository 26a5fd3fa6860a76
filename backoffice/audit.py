"""Audit log: every state change records who, what, and the old and new values."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Literal
from uuid import UUID

import asyncpg

ActorType = Literal["user", "system", "call", "guest"]


@dataclass(frozen=True)
class Actor:
    """Who is acting: a staff user, a system job, a voice call (by call SID), or a guest."""

    type: ActorType
    id: str
    user_id: UUID | None = None
    ip_address: str | None = None
    user_agent: str | None = None

    @classmethod
    def system(cls, job: str) -> Actor:
        return cls("system", job)

    @classmethod
    def call(cls, call_sid: str) -> Actor:
        return cls("call", call_sid)

    @classmethod
    def user(cls, user_id: UUID, *, ip: str | None = None, user_agent: str | None = None) -> Actor:
        return cls("user", str(user_id), user_id=user_id, ip_address=ip, user_agent=user_agent)

    @property
    def label(self) -> str:
        return f"{self.type}:{self.id}"


def _jsonable(values: dict[str, Any] | None) -> Any:
    if values is None:
        return None
    return json.loads(json.dumps(values, default=str))


async def record(
    conn: asyncpg.Connection | asyncpg.Pool,
    actor: Actor,
    action: str,
    entity_type: str,
    entity_id: object,
    *,
    old: dict[str, Any] | None = None,
    new: dict[str, Any] | None = None,
    outcome: Literal["applied", "refused"] = "applied",
) -> None:
    await conn.execute(
        """INSERT INTO audit_logs (actor_type, actor_id, user_id, action, entity_type, entity_id,
                                   outcome, old_values, new_values, ip_address, user_agent)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)""",
        actor.type,
        actor.id,
        actor.user_id,
        action,
        entity_type,
        str(entity_id),
        outcome,
        _jsonable(old),
        _jsonable(new),
        actor.ip_address,
        actor.user_agent,
    )
