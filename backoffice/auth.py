"""Staff users: scrypt password hashes, HMAC-signed bearer tokens, and what each role may do.

A token is ``base64url(claims).HMAC``; its claims are the user id, the user's ``token_version`` at
login and an expiry. Every request checks the token against the user row (``current_principal``):
deactivating a user, changing their role or password, or logging out bumps the version, so tokens
issued before stop working at once, not when they expire.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import json
import secrets
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, Final, Literal, TypeVar
from uuid import UUID

import asyncpg

from backoffice.errors import Forbidden, Unauthenticated

T = TypeVar("T")
Role = Literal["admin", "manager", "front_desk", "housekeeping"]
ROLES: Final[tuple[Role, ...]] = ("admin", "manager", "front_desk", "housekeeping")

# Scopes are what endpoints ask for; each role gets only what its job needs. Every role has
# "session" (log out).
ROLE_SCOPES: Final[dict[Role, frozenset[str]]] = {
    "admin": frozenset(
        {"reservations:read", "reservations:write", "frontdesk", "rooms:read", "rooms:write",
         "housekeeping:read", "housekeeping:write", "housekeeping:manage", "folio:read", "folio:write",
         "reports", "audit", "users", "calls:read", "session"}
    ),
    "manager": frozenset(
        {"reservations:read", "reservations:write", "frontdesk", "rooms:read", "rooms:write",
         "housekeeping:read", "housekeeping:write", "housekeeping:manage", "folio:read", "folio:write",
         "reports", "audit", "calls:read", "session"}
    ),
    "front_desk": frozenset(
        {"reservations:read", "reservations:write", "frontdesk", "rooms:read", "housekeeping:read",
         "housekeeping:write", "folio:read", "folio:write", "calls:read", "session"}
    ),
    "housekeeping": frozenset({"rooms:read", "housekeeping:read", "housekeeping:write", "session"}),
}

TOKEN_TTL_S: Final = 12 * 3600


# --- passwords ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class ScryptParams:
    """scrypt cost parameters; stored in every hash so a hash made with older ones still verifies."""

    n: int
    r: int
    p: int

    @property
    def maxmem(self) -> int:
        # scrypt needs 128·r·N bytes (+128·r·p); OpenSSL refuses anything above maxmem.
        return 256 * self.r * self.n + 1024 * 1024

    def derive(self, password: str, salt: bytes) -> bytes:
        return hashlib.scrypt(password.encode(), salt=salt, n=self.n, r=self.r, p=self.p,
                              maxmem=self.maxmem, dklen=32)


# OWASP Password Storage Cheat Sheet (2025): scrypt N=2^17, r=8, p=1 (128 MiB, ~0.4 s per hash here).
SCRYPT: Final = ScryptParams(n=2**17, r=8, p=1)
_LEGACY_R, _LEGACY_P = 8, 1  # hashes from before the parameters were stored: "scrypt$<n>$salt$digest"


def hash_password(password: str, params: ScryptParams = SCRYPT) -> str:
    """``scrypt$n=<N>,r=<r>,p=<p>$<salt>$<digest>`` (blocking: call through ``PasswordHasher``)."""
    salt = secrets.token_bytes(16)
    return f"scrypt$n={params.n},r={params.r},p={params.p}${_b64(salt)}${_b64(params.derive(password, salt))}"


def _parse_hash(stored: str) -> tuple[ScryptParams, bytes, bytes] | None:
    try:
        scheme, settings, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return None
        if settings.isdigit():
            params = ScryptParams(int(settings), _LEGACY_R, _LEGACY_P)
        else:
            fields = dict(part.split("=", 1) for part in settings.split(","))
            params = ScryptParams(int(fields["n"]), int(fields["r"]), int(fields["p"]))
        if params.n < 2 or params.n & (params.n - 1) or not 0 < params.r * params.p < 2**30:
            return None
        return params, _unb64(salt), _unb64(digest)
    except (ValueError, KeyError):
        return None


def verify_password(password: str, stored: str) -> bool:
    """Does ``password`` match ``stored``, whatever scrypt parameters it was made with? (Blocking.)"""
    parsed = _parse_hash(stored)
    if parsed is None:
        return False
    params, salt, digest = parsed
    try:
        candidate = params.derive(password, salt)
    except (ValueError, MemoryError):  # parameters beyond what this machine will spend
        return False
    return hmac.compare_digest(candidate, digest)


def needs_rehash(stored: str, params: ScryptParams = SCRYPT) -> bool:
    parsed = _parse_hash(stored)
    return parsed is None or parsed[0] != params


class PasswordHasher:
    """Runs scrypt off the event loop, in a small pool of its own.

    The event loop paces live call audio, so a 0.4 s hash on it would stall every call. A bounded
    pool (not the loop's default executor) also bounds memory: each hash holds 128 MiB.
    """

    def __init__(self, threads: int = 2, params: ScryptParams = SCRYPT) -> None:
        self.params = params
        self._pool = ThreadPoolExecutor(max_workers=max(1, threads), thread_name_prefix="scrypt")
        self._dummy: str | None = None

    async def hash(self, password: str) -> str:
        return await self._run(hash_password, password, self.params)

    async def verify(self, password: str, stored: str | None) -> bool:
        """False for ``stored=None`` too, after the same work, so timing does not tell who exists."""
        if stored is None:
            if self._dummy is None:
                self._dummy = await self.hash(secrets.token_urlsafe(16))
            await self._run(verify_password, password, self._dummy)
            return False
        return await self._run(verify_password, password, stored)

    async def _run(self, fn: Callable[..., T], *args: Any) -> T:
        return await asyncio.get_running_loop().run_in_executor(self._pool, fn, *args)

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)


# --- tokens ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Principal:
    """An authenticated staff user, as the database has them now (not as the token said)."""

    user_id: UUID
    email: str
    role: Role
    token_version: int = 0

    def require(self, scope: str) -> None:
        if scope not in ROLE_SCOPES[self.role]:
            raise Forbidden(f"role '{self.role}' may not use '{scope}'")


@dataclass(frozen=True)
class TokenClaims:
    user_id: UUID
    version: int
    expires: int


def issue_token(secret: bytes, principal: Principal, *, now: float | None = None) -> str:
    claims = {
        "sub": str(principal.user_id),
        "ver": principal.token_version,
        "exp": int((now or time.time()) + TOKEN_TTL_S),
    }
    payload = _b64(json.dumps(claims, separators=(",", ":")).encode())
    return f"{payload}.{_sign(secret, payload)}"


def verify_token(secret: bytes, token: str, *, now: float | None = None) -> TokenClaims:
    """The token's signed claims; ``current_principal`` then checks them against the user row."""
    payload, _, signature = token.partition(".")
    if not payload or not hmac.compare_digest(signature, _sign(secret, payload)):
        raise Unauthenticated("invalid token")
    try:
        raw = json.loads(_unb64(payload))
        claims = TokenClaims(UUID(raw["sub"]), int(raw["ver"]), int(raw["exp"]))
    except (ValueError, KeyError, TypeError, AttributeError):
        raise Unauthenticated("invalid token") from None
    if claims.expires < (now or time.time()):
        raise Unauthenticated("token expired; log in again")
    return claims


async def current_principal(conn: asyncpg.Connection | asyncpg.Pool, claims: TokenClaims) -> Principal:
    """The token's user as they are now: a deactivated user, or one whose token version moved on
    (role or password changed, logged out), gets 401 on the very next request."""
    row = await conn.fetchrow(
        "SELECT id, email, role, active, token_version FROM users WHERE id = $1", claims.user_id
    )
    if row is None or not row["active"] or row["token_version"] != claims.version:
        raise Unauthenticated("this token is no longer valid; log in again")
    return Principal(row["id"], row["email"], row["role"], row["token_version"])


async def authenticate(
    conn: asyncpg.Connection | asyncpg.Pool, email: str, password: str, hasher: PasswordHasher | None = None
) -> Principal:
    """The user with this email and password, or ``Unauthenticated``. A hash made with older scrypt
    parameters is upgraded on success."""
    own = hasher is None
    hasher = hasher or PasswordHasher(threads=1)
    try:
        row = await conn.fetchrow(
            "SELECT id, email, role, password_hash, active, token_version FROM users WHERE lower(email) = lower($1)",
            email,
        )
        ok = await hasher.verify(password, row["password_hash"] if row else None)
        if not ok or row is None or not row["active"]:
            raise Unauthenticated("wrong email or password")
        if needs_rehash(row["password_hash"], hasher.params):
            await conn.execute("UPDATE users SET password_hash = $2 WHERE id = $1 AND password_hash = $3",
                               row["id"], await hasher.hash(password), row["password_hash"])
        return Principal(row["id"], row["email"], row["role"], row["token_version"])
    finally:
        if own:
            hasher.close()


async def create_user(
    conn: asyncpg.Connection | asyncpg.Pool, email: str, name: str, role: Role, password: str
) -> UUID:
    """Create (or keep) a user by email: for seeding and tools; the users API uses ``backoffice.users``."""
    user_id: UUID = await conn.fetchval(
        """INSERT INTO users (email, name, role, password_hash) VALUES ($1, $2, $3, $4)
           ON CONFLICT (lower(email)) DO UPDATE SET updated_at = users.updated_at RETURNING id""",
        email,
        name,
        role,
        await asyncio.to_thread(hash_password, password),
    )
    return user_id


def _sign(secret: bytes, payload: str) -> str:
    return _b64(hmac.new(secret, payload.encode(), hashlib.sha256).digest())


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
