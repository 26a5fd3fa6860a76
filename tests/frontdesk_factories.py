"""Reservations for the front-desk and money tests, straight into the real database.

Inventory is taken through ``backoffice.inventory.take`` and the room's nights are written when a
room is given, so the rows look exactly like ones the booking and allocation commands produce.
"""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from uuid import UUID

from backoffice import inventory
from backoffice.db import Database


def per_night_quote(check_in: date, rates: list[str], tax_rate: str = "0.15") -> dict[str, object]:
    """A stored quote in ``backoffice.pricing.Quote.to_json`` form: pre-tax rate per night, tax on the stay."""
    nights = [{"night": (check_in + timedelta(days=i)).isoformat(), "rate": rate} for i, rate in enumerate(rates)]
    subtotal = sum((Decimal(rate) for rate in rates), Decimal("0.00"))
    tax = (subtotal * Decimal(tax_rate)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return {"nights": nights, "subtotal": str(subtotal), "tax_rate": tax_rate, "tax": str(tax),
            "total": str(subtotal + tax), "currency": "BDT"}


@dataclass(frozen=True)
class Booked:
    id: UUID
    confirmation_code: str
    total: Decimal


async def book(
    db: Database,
    room_type_id: UUID,
    check_in: date,
    rates: list[str],
    *,
    status: str = "confirmed",
    room_id: UUID | None = None,
    guest_phone: str | None = None,
) -> Booked:
    """A reservation of ``len(rates)`` nights priced ``rates`` (net) plus 15 % tax."""
    check_out = check_in + timedelta(days=len(rates))
    quote = per_night_quote(check_in, rates)
    code = "T" + secrets.token_hex(4).upper()
    async with db.transaction() as conn:
        guest = await conn.fetchval(
            "INSERT INTO guests (name, phone) VALUES ('Test Guest', $1) RETURNING id", guest_phone
        )
        if status in ("hold", "confirmed", "checked_in", "checked_out"):
            await inventory.take(conn, room_type_id, check_in, check_out)
        reservation: UUID = await conn.fetchval(
            """INSERT INTO reservations (confirmation_code, guest_id, room_type_id, room_id, status, check_in,
                                         check_out, guests, amount, currency, quote, hold_expires_at)
               VALUES ($1, $2, $3, $4, $5, $6, $7, 1, $8, 'BDT', $9,
                       CASE WHEN $5 = 'hold' THEN now() + interval '30 minutes' END) RETURNING id""",
            code, guest, room_type_id, room_id, status, check_in, check_out, Decimal(str(quote["total"])),
            json.loads(json.dumps(quote)),
        )
        if room_id is not None:
            await conn.execute(
                """INSERT INTO room_nights (room_id, night, reservation_id)
                   SELECT $1, n::date, $2 FROM generate_series($3::date, $4::date - 1, interval '1 day') n""",
                room_id, reservation, check_in, check_out,
            )
    return Booked(reservation, code, Decimal(str(quote["total"])))


async def room_id(db: Database, number: str) -> UUID:
    found: UUID = await db.pool.fetchval("SELECT id FROM rooms WHERE room_number = $1", number)
    return found
