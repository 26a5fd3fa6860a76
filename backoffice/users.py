"""Staff accounts: create, change role, deactivate, set a password, log out. Every change is audited.

Each change that must end existing sessions (deactivation, a role change, a new password, a
logout) bumps ``users.token_version`` in the same statement, so the tokens issued before are
refused on their next request (``auth.current_principal``).
"""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

import asyncpg

from backoffice import audit
from backoffice.audit import Actor
from backoffice.auth import ROLES, PasswordHasher, Role
from backoffice.db import Database
from backoffice.errors import Conflict, NotFound, ValidationFailed


@dataclass(frozen=True)
class User:
    id: UUID
    email: str
    name: str
    role: Role
    active: bool


_COLUMNS = "id, email, name, role, active"


def _user(row: asyncpg.Record) -> User:
    return User(row["id"], row["email"], row["name"], row["role"], row["active"])


async def list_users(conn: asyncpg.Connection | asyncpg.Pool) -> list[User]:
    rows = await conn.fetch(f"SELECT {_COLUMNS} FROM users ORDER BY lower(email)")
    return [_user(r) for r in rows]


async def create(
    db: Database, hasher: PasswordHasher, actor: Actor, *, email: str, name: str, role: Role, password: str
) -> User:
    """A new active user; 409 when the email is taken (case-insensitively)."""
    _check_role(role)
    password_hash = await hasher.hash(password)  # before the transaction: it takes ~0.4 s
    async with db.transaction() as conn:
        row = await conn.fetchrow(
            f"""INSERT INTO users (email, name, role, password_hash) VALUES ($1, $2, $3, $4)
                ON CONFLICT (lower(email)) DO NOTHING RETURNING {_COLUMNS}""",
            email.strip(), name.strip(), role, password_hash,
        )
        if row is None:
            raise Conflict(f"a user with email '{email.strip()}' already exists", field="email")
        await audit.record(conn, actor, "user.create", "user", row["id"],
                           new={"email": row["email"], "name": row["name"], "role": role, "active": True})
    return _user(row)


async def update(
    db: Database,
    hasher: PasswordHasher,
    actor: Actor,
    user_id: UUID,
    *,
    role: Role | None = None,
    active: bool | None = None,
    password: str | None = None,
) -> User:
    """Change any of role, active and password; existing tokens of the user stop working when any
    of them actually changes. The last active admin cannot be demoted or deactivated."""
    if role is not None:
        _check_role(role)
    password_hash = await hasher.hash(password) if password is not None else None
    async with db.transaction() as conn:
        # Admin changes are serialised so two admins demoting each other cannot leave none.
        await conn.execute("SELECT pg_advisory_xact_lock(hashtextextended('users:admins', 0))")
        before = await conn.fetchrow(f"SELECT {_COLUMNS} FROM users WHERE id = $1 FOR UPDATE", user_id)
        if before is None:
            raise NotFound(f"user {user_id} not found")
        new_role = role if role is not None else before["role"]
        new_active = active if active is not None else before["active"]
        if before["role"] == "admin" and before["active"] and (new_role != "admin" or not new_active):
            others = await conn.fetchval(
                "SELECT count(*) FROM users WHERE role = 'admin' AND active AND id <> $1", user_id
            )
            if others == 0:
                raise Conflict("this is the last active admin; make another admin first",
                               field="role" if role is not None else "active")
        changed_access = new_role != before["role"] or new_active != before["active"] or password_hash is not None
        row = await conn.fetchrow(
            f"""UPDATE users SET role = $2, active = $3, password_hash = coalesce($4, password_hash),
                       token_version = token_version + CASE WHEN $5 THEN 1 ELSE 0 END, updated_at = now()
                WHERE id = $1 RETURNING {_COLUMNS}""",
            user_id, new_role, new_active, password_hash, changed_access,
        )
        assert row is not None
        old = {"role": before["role"], "active": before["active"]}
        new: dict[str, object] = {"role": new_role, "active": new_active}
        if password_hash is not None:
            new["password_changed"] = True  # never the hash itself
        await audit.record(conn, actor, "user.update", "user", user_id, old=old, new=new)
    return _user(row)


async def logout(db: Database, actor: Actor, user_id: UUID) -> None:
    """End every session of the user: all their tokens are refused from the next request on."""
    async with db.transaction() as conn:
        await conn.execute(
            "UPDATE users SET token_version = token_version + 1, updated_at = now() WHERE id = $1", user_id
        )
        await audit.record(conn, actor, "user.logout", "user", user_id)


def _check_role(role: str) -> None:
    if role not in ROLES:
        raise ValidationFailed(f"unknown role '{role}' (one of {', '.join(ROLES)})", field="role")
