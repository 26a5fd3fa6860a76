"""Room-type inventory per night: the database-level guard against selling more rooms than exist.

``room_type_nights`` holds one row per (room type, night) with ``capacity`` (sellable rooms that
night) and ``sold``; ``CHECK (sold <= capacity)`` makes overselling impossible whatever the
application does. A missing row means "nothing sold, nothing blocked": capacity = rooms of the type.
Rows are locked in night order before changing them, so two bookings can never deadlock.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from uuid import UUID

import asyncpg

from backoffice.errors import NoAvailability


@dataclass(frozen=True)
class TypeAvailability:
    room_type_id: UUID
    code: str
    name: str
    description: str
    max_occupancy: int
    base_rate: Decimal
    currency: str
    bed_type: str
    amenities: list[str]
    total_rooms: int
    available: int


async def ensure_nights(conn: asyncpg.Connection, room_type_id: UUID, start: date, end: date) -> None:
    """Create missing rows for ``[start, end)`` with capacity = rooms of the type not blocked."""
    await conn.execute(
        """INSERT INTO room_type_nights (room_type_id, night, capacity)
           SELECT $1, n::date,
                  (SELECT count(*) FROM rooms r WHERE r.room_type_id = $1)
                - (SELECT count(*) FROM room_nights rn JOIN rooms r ON r.id = rn.room_id
                   WHERE r.room_type_id = $1 AND rn.night = n::date AND rn.block_id IS NOT NULL)
           FROM generate_series($2::date, $3::date - 1, interval '1 day') AS n
           ON CONFLICT DO NOTHING""",
        room_type_id,
        start,
        end,
    )


async def take(conn: asyncpg.Connection, room_type_id: UUID, start: date, end: date, *, code: str = "") -> None:
    """Sell one room of the type for every night of ``[start, end)``, or raise ``NoAvailability``."""
    await ensure_nights(conn, room_type_id, start, end)
    rows = await conn.fetch(
        """SELECT night, capacity, sold FROM room_type_nights
           WHERE room_type_id = $1 AND night >= $2 AND night < $3
           ORDER BY night FOR UPDATE""",
        room_type_id,
        start,
        end,
    )
    full = [r["night"] for r in rows if r["sold"] >= r["capacity"]]
    if full:
        label = code or "this room type"
        raise NoAvailability(
            f"no {label} room is free on {', '.join(n.isoformat() for n in full[:3])}"
            + (" and other nights" if len(full) > 3 else ""),
            field="room_type",
            sold_out_nights=[n.isoformat() for n in full],
        )
    await conn.execute(
        """UPDATE room_type_nights SET sold = sold + 1
           WHERE room_type_id = $1 AND night >= $2 AND night < $3""",
        room_type_id,
        start,
        end,
    )


async def _lock_in_night_order(conn: asyncpg.Connection, room_type_id: UUID, start: date, end: date) -> None:
    """Lock the rows of ``[start, end)`` in night order, the order ``take`` uses, so no two
    inventory changes can wait on each other in a cycle (a deadlock would surface as a 500)."""
    await conn.execute(
        """SELECT 1 FROM room_type_nights WHERE room_type_id = $1 AND night >= $2 AND night < $3
           ORDER BY night FOR UPDATE""",
        room_type_id,
        start,
        end,
    )


async def release(conn: asyncpg.Connection, room_type_id: UUID, start: date, end: date) -> None:
    """Give back one room of the type for ``[start, end)`` (cancel, expiry, no-show, date change)."""
    await _lock_in_night_order(conn, room_type_id, start, end)
    await conn.execute(
        """UPDATE room_type_nights SET sold = sold - 1
           WHERE room_type_id = $1 AND night >= $2 AND night < $3""",
        room_type_id,
        start,
        end,
    )


async def adjust_capacity(
    conn: asyncpg.Connection, room_type_id: UUID, start: date, end: date, delta: int
) -> None:
    """Change sellable capacity (a room blocked or added). Fails with NoAvailability if that would
    leave a night oversold, e.g. blocking the last free room of a sold-out night."""
    await ensure_nights(conn, room_type_id, start, end)
    await _lock_in_night_order(conn, room_type_id, start, end)
    try:
        await conn.execute(
            """UPDATE room_type_nights SET capacity = capacity + $4
               WHERE room_type_id = $1 AND night >= $2 AND night < $3""",
            room_type_id,
            start,
            end,
            delta,
        )
    except asyncpg.CheckViolationError:
        raise NoAvailability(
            "that change would leave guests without a room on a sold-out night", field="room_id"
        ) from None


async def availability(
    conn: asyncpg.Connection | asyncpg.Pool, start: date, end: date, *, guests: int = 1
) -> list[TypeAvailability]:
    """Rooms of each type free on every night of ``[start, end)``, for types that fit ``guests``."""
    rows = await conn.fetch(
        """SELECT rt.id, rt.code, rt.name, rt.description, rt.max_occupancy, rt.base_rate, rt.currency,
                  rt.bed_type, rt.amenities, rc.total,
                  greatest(0, min(coalesce(rtn.capacity - rtn.sold, rc.total))) AS available
           FROM room_types rt
           CROSS JOIN LATERAL (SELECT count(*)::int AS total FROM rooms r WHERE r.room_type_id = rt.id) rc
           CROSS JOIN generate_series($1::date, $2::date - 1, interval '1 day') AS n
           LEFT JOIN room_type_nights rtn ON rtn.room_type_id = rt.id AND rtn.night = n::date
           WHERE rt.max_occupancy >= $3
           GROUP BY rt.id, rc.total
           ORDER BY rt.base_rate, rt.code""",
        start,
        end,
        guests,
    )
    return [
        TypeAvailability(
            room_type_id=r["id"], code=r["code"], name=r["name"], description=r["description"],
            max_occupancy=r["max_occupancy"], base_rate=r["base_rate"], currency=r["currency"].strip(),
            bed_type=r["bed_type"], amenities=list(r["amenities"]), total_rooms=r["total"],
            available=int(r["available"] or 0),
        )
        for r in rows
    ]
