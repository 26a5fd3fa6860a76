"""Per-call tokens: what admits a media stream, and where the call's number comes from.

``POST /twilio/voice`` (signed by Twilio, or from loopback) mints a token over the call's CallSid,
From, To and an expiry a couple of minutes ahead, and puts it in the TwiML as
``<Parameter name="token">``. Twilio hands it back in the stream's ``start`` message; the media
stream admits the call only if the token is genuine, unexpired, for this CallSid, agrees with any
From/To the start message claims, and has not been used before (recorded in PostgreSQL, so that
holds across server instances). The call's number and SID are then the token's: the unsigned
``start`` fields are never trusted.

Format: ``v1.<base64url(JSON claims)>.<base64url(HMAC-SHA256)>``, keyed by a key derived from the
server's secret key (so a token can never be mistaken for a staff token or a QR code).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import secrets
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Protocol

from backoffice.db import Database

PARAMETER = "token"  # the <Parameter name=...> that carries it
_VERSION = "v1"
_PURPOSE = b"concierge/voice-call-token/v1"


@dataclass(frozen=True)
class CallGrant:
    """What a token vouches for."""

    call_sid: str
    from_number: str
    to_number: str
    expires_at: int  # unix seconds
    token_id: str  # random; what single use is recorded by


class TokenRefused(Exception):
    """A start message that does not admit a call; ``str()`` is the reason (no phone numbers in it)."""


def _key(secret: bytes) -> bytes:
    return hmac.new(secret, _PURPOSE, hashlib.sha256).digest()


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def grant_for(call_sid: str, from_number: str, to_number: str, *, now: float, ttl_s: float) -> CallGrant:
    return CallGrant(call_sid, from_number, to_number, int(now + ttl_s), secrets.token_urlsafe(16))


def mint(secret: bytes, grant: CallGrant) -> str:
    claims = {"sid": grant.call_sid, "from": grant.from_number, "to": grant.to_number,
              "exp": grant.expires_at, "id": grant.token_id}
    body = _b64(json.dumps(claims, separators=(",", ":"), sort_keys=True).encode())
    signed = f"{_VERSION}.{body}"
    mac = hmac.new(_key(secret), signed.encode("ascii"), hashlib.sha256).digest()
    return f"{signed}.{_b64(mac)}"


def read(secret: bytes, token: str) -> CallGrant:
    """The grant of a genuine token (expiry not checked here); ``TokenRefused`` otherwise."""
    version, _, rest = token.partition(".")
    body, _, mac_text = rest.partition(".")
    if version != _VERSION or not body or not mac_text or len(token) > 2048:
        raise TokenRefused("malformed call token")
    expected = hmac.new(_key(secret), f"{version}.{body}".encode("ascii", "replace"), hashlib.sha256).digest()
    try:
        mac = _unb64(mac_text)
        claims = json.loads(_unb64(body))
    except (binascii.Error, ValueError):
        raise TokenRefused("malformed call token") from None
    if not hmac.compare_digest(mac, expected):
        raise TokenRefused("call token signature does not match (forged, or from another server)")
    try:
        return CallGrant(str(claims["sid"]), str(claims["from"]), str(claims["to"]), int(claims["exp"]),
                         str(claims["id"]))
    except (KeyError, TypeError, ValueError):
        raise TokenRefused("malformed call token") from None


def check(grant: CallGrant, *, call_sid: str, claimed: Mapping[str, str], now: float) -> None:
    """Refuse a genuine token that is expired, for another call, or contradicted by the start message."""
    if now >= grant.expires_at:
        raise TokenRefused("call token expired")
    if call_sid != grant.call_sid:
        raise TokenRefused("call token was issued for another call")
    for field, granted in (("From", grant.from_number), ("To", grant.to_number)):
        for name in (field, f"{field.lower()}_number"):
            value = claimed.get(name)
            if value is not None and value != granted:
                raise TokenRefused(f"start message claims a {field} that differs from the call token's")


class UsedTokens(Protocol):
    async def first_use(self, grant: CallGrant) -> bool:
        """Record the token as used; False if it had been used before (a replay)."""
        ...


class PostgresUsedTokens:
    """Single use across every server instance on one database (migration 0006)."""

    def __init__(self, db: Database) -> None:
        self.db = db

    async def first_use(self, grant: CallGrant) -> bool:
        inserted = await self.db.pool.fetchval(
            """INSERT INTO voice_call_tokens_used (token_id, call_sid, expires_at) VALUES ($1, $2, $3)
               ON CONFLICT (token_id) DO NOTHING RETURNING true""",
            grant.token_id, grant.call_sid, datetime.fromtimestamp(grant.expires_at, UTC),
        )
        return bool(inserted)


class MemoryUsedTokens:
    """For an app without a database (tests of the wiring alone): single use within this process."""

    def __init__(self, clock: Callable[[], float]) -> None:
        self.clock = clock
        self._used: dict[str, int] = {}

    async def first_use(self, grant: CallGrant) -> bool:
        now = self.clock()
        self._used = {token: expiry for token, expiry in self._used.items() if expiry > now}
        if grant.token_id in self._used:
            return False
        self._used[grant.token_id] = grant.expires_at
        return True
