"""Staff users: scrypt password hashes, HMAC-signed bearer tokens, and what each role may do."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
import time
from dataclasses import dataclass
from typing import Final, Literal
from uuid import UUID

import asyncpg

from backoffice.errors import Forbidden, Unauthenticated

Role = Literal["admin", "manager", "front_desk", "housekeeping"]
ROLES: Final[tuple[Role, ...]] = ("admin", "manager", "front_desk", "housekeeping")

# Scopes are what endpoints ask for; each role gets only what its job needs.
ROLE_SCOPES: Final[dict[Role, frozenset[str]]] = {
    "admin": frozenset(
        {"reservations:read", "reservations:write", "frontdesk", "rooms:read", "rooms:write",
         "housekeeping:read", "housekeeping:write", "housekeeping:manage", "folio:read", "folio:write",
         "reports", "audit", "users", "calls:read"}
    ),
    "manager": frozenset(
        {"reservations:read", "reservations:write", "frontdesk", "rooms:read", "rooms:write",
         "housekeeping:read", "housekeeping:write", "housekeeping:manage", "folio:read", "folio:write",
         "reports", "audit", "calls:read"}
    ),
    "front_desk": frozenset(
        {"reservations:read", "reservations:write", "frontdesk", "rooms:read", "housekeeping:read",
         "housekeeping:write", "folio:read", "folio:write", "calls:read"}
    ),
    "housekeeping": frozenset({"rooms:read", "housekeeping:read", "housekeeping:write"}),
}

TOKEN_TTL_S: Final = 12 * 3600
_SCRYPT = {"n": 2**14, "r": 8, "p": 1, "maxmem": 64 * 1024 * 1024, "dklen": 32}


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, **_SCRYPT)
    return f"scrypt${_SCRYPT['n']}${_b64(salt)}${_b64(digest)}"


def verify_password(password: str, stored: str) -> bool:
    try:
        scheme, n, salt, digest = stored.split("$")
    except ValueError:
        return False
    if scheme != "scrypt":
        return False
    params = dict(_SCRYPT, n=int(n))
    candidate = hashlib.scrypt(password.encode(), salt=_unb64(salt), **params)
    return hmac.compare_digest(candidate, _unb64(digest))


@dataclass(frozen=True)
class Principal:
    """An authenticated staff user, as carried by a token."""

    user_id: UUID
    email: str
    role: Role

    def require(self, scope: str) -> None:
        if scope not in ROLE_SCOPES[self.role]:
            raise Forbidden(f"role '{self.role}' may not use '{scope}'")


def issue_token(secret: bytes, principal: Principal, *, now: float | None = None) -> str:
    claims = {
        "sub": str(principal.user_id),
        "email": principal.email,
        "role": principal.role,
        "exp": int((now or time.time()) + TOKEN_TTL_S),
    }
    payload = _b64(json.dumps(claims, separators=(",", ":")).encode())
    return f"{payload}.{_sign(secret, payload)}"


def verify_token(secret: bytes, token: str, *, now: float | None = None) -> Principal:
    payload, _, signature = token.partition(".")
    if not payload or not hmac.compare_digest(signature, _sign(secret, payload)):
        raise Unauthenticated("invalid token")
    try:
        claims = json.loads(_unb64(payload))
        principal = Principal(UUID(claims["sub"]), claims["email"], claims["role"])
        expires = int(claims["exp"])
    except (ValueError, KeyError, TypeError):
        raise Unauthenticated("invalid token") from None
    if expires < (now or time.time()):
        raise Unauthenticated("token expired; log in again")
    if principal.role not in ROLES:
        raise Unauthenticated("invalid token")
    return principal


async def authenticate(conn: asyncpg.Connection | asyncpg.Pool, email: str, password: str) -> Principal:
    row = await conn.fetchrow(
        "SELECT id, email, role, password_hash, active FROM users WHERE lower(email) = lower($1)", email
    )
    # Hash even for an unknown email so timing does not reveal which emails exist.
    stored = row["password_hash"] if row else hash_password("timing-equaliser")
    if not verify_password(password, stored) or row is None or not row["active"]:
        raise Unauthenticated("wrong email or password")
    return Principal(row["id"], row["email"], row["role"])


async def create_user(
    conn: asyncpg.Connection | asyncpg.Pool, email: str, name: str, role: Role, password: str
) -> UUID:
    user_id: UUID = await conn.fetchval(
        """INSERT INTO users (email, name, role, password_hash) VALUES ($1, $2, $3, $4)
           ON CONFLICT (lower(email)) DO UPDATE SET updated_at = users.updated_at RETURNING id""",
        email,
        name,
        role,
        hash_password(password),
    )
    return user_id


def _sign(secret: bytes, payload: str) -> str:
    return _b64(hmac.new(secret, payload.encode(), hashlib.sha256).digest())


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
