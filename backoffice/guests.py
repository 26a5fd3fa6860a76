"""Guests, keyed in practice by phone number (what a caller ID gives the voice agent).

Phones are stored normalised to E.164 with ASCII digits (``normalise_phone``), so
"+880 1712-345678", "01712345678", "008801712345678" and "+৮৮০১৭১২৩৪৫৬৭৮" find the same guest.
A guest is returning once they have any earlier reservation.

A booking under a known number never renames the guest: whoever calls from a family phone may
book for someone else, and renaming showed every earlier booking under the new name. The name
given for a booking is stored on the reservation (``reservations.guest_name``) instead.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Final
from uuid import UUID

import asyncpg

from backoffice.errors import NotFound, ValidationFailed

# Local numbers ("017...", 11 digits) are Bangladeshi: the hotel's country.
DEFAULT_COUNTRY_CODE: Final = "880"
# What people write between the digits of a number; anything else (letters, other symbols) is junk.
_SEPARATORS = re.compile(r"[\s\-.()/\u00a0\u2010-\u2015]")


@dataclass(frozen=True)
class Guest:
    id: UUID
    name: str
    phone: str | None
    email: str | None
    is_returning: bool


def _ascii_digits(text: str) -> str | None:
    """``text`` with every Unicode decimal digit (Bengali, Arabic-Indic, fullwidth...) made ASCII;
    None when it holds anything but digits. Superscripts and other non-decimal "digits" are refused."""
    out = []
    for char in text:
        if "0" <= char <= "9":
            out.append(char)
        elif unicodedata.category(char) == "Nd":
            out.append(str(unicodedata.decimal(char)))
        else:
            return None
    return "".join(out)


def normalise_phone(raw: str) -> str:
    """E.164: ``+`` and 8 to 15 ASCII digits. Local numbers ("017...", 11 digits) are Bangladeshi,
    ``00`` is the international prefix. Raises ``ValidationFailed(field='phone')`` for anything else."""
    text = raw.strip()
    plus = text.startswith(("+", "\uff0b"))
    digits = _ascii_digits(_SEPARATORS.sub("", text[1:] if plus else text))
    if digits is None:
        raise ValidationFailed("a phone number holds only digits, spaces, dashes and a leading +", field="phone")
    if plus:
        pass
    elif digits.startswith("00"):
        digits = digits[2:]
    elif digits.startswith("0") and len(digits) == 11:
        digits = DEFAULT_COUNTRY_CODE + digits[1:]
    if not 8 <= len(digits) <= 15 or digits.startswith("0"):
        raise ValidationFailed("not a phone number (8 to 15 digits with the country code)", field="phone")
    return "+" + digits


normalize_phone = normalise_phone  # the older spelling, still used by callers outside the back office


def _guest(row: asyncpg.Record) -> Guest:
    return Guest(row["id"], row["name"], row["phone"], row["email"], row["is_returning"])


async def find_or_create(
    conn: asyncpg.Connection, name: str, phone: str, email: str | None = None
) -> Guest:
    """The guest with this phone, or a new one. An existing guest keeps their name (the caller's name
    for this booking goes on the reservation); a missing email is filled in, a known one kept.

    Serialised per phone by a transaction-scoped advisory lock so two simultaneous first bookings
    from one caller cannot create two guests. Call inside a transaction.
    """
    number = normalise_phone(phone)
    clean_name = name.strip()
    if not clean_name:
        raise ValidationFailed("the guest's name is required", field="guest.name")
    await conn.execute("SELECT pg_advisory_xact_lock(hashtextextended('guest-phone:' || $1, 0))", number)
    row = await conn.fetchrow(
        """WITH found AS (
               SELECT id FROM guests WHERE phone = $1 ORDER BY created_at, id LIMIT 1
           ), updated AS (
               UPDATE guests g
               SET email = coalesce(g.email, $3), updated_at = now(),
                   is_returning = g.is_returning
                                  OR EXISTS (SELECT 1 FROM reservations r WHERE r.guest_id = g.id)
               FROM found WHERE g.id = found.id
               RETURNING g.*
           ), inserted AS (
               INSERT INTO guests (name, phone, email)
               SELECT $2, $1, $3 WHERE NOT EXISTS (SELECT 1 FROM found)
               RETURNING *
           )
           SELECT id, name, phone, email, is_returning FROM updated
           UNION ALL
           SELECT id, name, phone, email, is_returning FROM inserted""",
        number,
        clean_name,
        email.strip() if email and email.strip() else None,
    )
    assert row is not None
    return _guest(row)


async def get(conn: asyncpg.Connection | asyncpg.Pool, guest_id: UUID) -> Guest:
    row = await conn.fetchrow(
        """SELECT id, name, phone, email,
                  is_returning OR EXISTS (SELECT 1 FROM reservations r WHERE r.guest_id = g.id) AS is_returning
           FROM guests g WHERE id = $1""",
        guest_id,
    )
    if row is None:
        raise NotFound(f"guest {guest_id} not found")
    return _guest(row)


async def find_by_phone(conn: asyncpg.Connection | asyncpg.Pool, phone: str) -> Guest | None:
    """The guest a caller ID belongs to, if any (the oldest record when there are several)."""
    row = await conn.fetchrow(
        """SELECT id, name, phone, email,
                  is_returning OR EXISTS (SELECT 1 FROM reservations r WHERE r.guest_id = g.id) AS is_returning
           FROM guests g WHERE phone = $1 ORDER BY created_at, id LIMIT 1""",
        normalise_phone(phone),
    )
    return _guest(row) if row else None


async def search_by_name(conn: asyncpg.Connection | asyncpg.Pool, name: str, *, limit: int = 20) -> list[Guest]:
    """Guests whose name contains ``name``, case-insensitively."""
    rows = await conn.fetch(
        """SELECT id, name, phone, email,
                  is_returning OR EXISTS (SELECT 1 FROM reservations r WHERE r.guest_id = g.id) AS is_returning
           FROM guests g WHERE name ILIKE '%' || $1 || '%' ORDER BY name, created_at LIMIT $2""",
        escape_like(name.strip()),
        limit,
    )
    return [_guest(r) for r in rows]


async def mark_returning(conn: asyncpg.Connection, guest_id: UUID) -> None:
    """Record that the guest has stayed (check-out calls this)."""
    await conn.execute("UPDATE guests SET is_returning = true, updated_at = now() WHERE id = $1", guest_id)


def escape_like(text: str) -> str:
    """``text`` matched literally inside a LIKE pattern (a caller saying "100%" means the characters)."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
