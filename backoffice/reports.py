"""Hotel KPIs for a date range ``[from, to)`` (``to`` excluded), computed in two SQL queries.

Definitions (a "night" is a calendar date D meaning the night from D to D+1):

- **Sold reservations** are those in status ``confirmed``, ``checked_in`` or ``checked_out``
  (holds, cancellations, no-shows and expired holds sell nothing).
- **Room-nights available** = rooms x nights in the range - room-nights blocked
  ``out_of_order`` in the range. (``out_of_service`` rooms stay in the count: they can be sold
  in a pinch, out-of-order ones cannot.)
- **Room-nights sold** = nights of sold reservations that fall inside the range.
- **Room revenue** = the pre-tax ``rate`` of each of those nights, from the quote stored with the
  reservation (tax and other charges excluded). A reservation without a per-night quote counts
  ``amount / nights / (1 + tax rate)`` per night, as the ledger posts it.
- **Occupancy** = room-nights sold / room-nights available.
- **ADR** (average daily rate) = room revenue / room-nights sold.
- **RevPAR** (revenue per available room) = room revenue / room-nights available
  (= occupancy x ADR).
- **ALOS** (average length of stay) = total nights / number of stays, over sold reservations
  *arriving* in the range, counting each stay's full length even past ``to``.
- **Cancellation rate** = cancelled / reservations arriving in the range, where the
  denominator counts every reservation with an arrival date in the range except open holds and
  expired holds (which were never bookings); a hold cancelled by the caller counts as cancelled.
- **No-show rate** = no-shows / arrivals due, where arrivals due are reservations arriving in
  the range in status ``confirmed``, ``checked_in``, ``checked_out`` or ``no_show``.

A ratio whose denominator is zero is ``None`` (not zero): "no data" is not "0 %". Money is rounded
to 2 places, rates to 4 (0.7500 = 75 %), ALOS to 2.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, Final
from uuid import UUID

import asyncpg

from backoffice.errors import ValidationFailed
from backoffice.policy import HotelPolicy

MAX_RANGE_DAYS: Final = 3 * 366
SOLD_STATES: Final = ("confirmed", "checked_in", "checked_out")

_NIGHTS_SQL: Final = """
WITH sold AS (
    SELECT count(*) AS room_nights,
           coalesce(sum(coalesce(q.rate, r.amount / (r.check_out - r.check_in) / (1 + $3::numeric))), 0) AS revenue
    FROM reservations r
    CROSS JOIN LATERAL generate_series(greatest(r.check_in, $1::date)::timestamp,
                                       (least(r.check_out, $2::date) - 1)::timestamp,
                                       interval '1 day') AS n
    LEFT JOIN LATERAL (
        SELECT (e->>'rate')::numeric AS rate
        FROM jsonb_array_elements(CASE WHEN jsonb_typeof(r.quote->'nights') = 'array'
                                       THEN r.quote->'nights' ELSE '[]'::jsonb END) AS e
        WHERE (e->>'night')::date = n::date
        LIMIT 1
    ) q ON true
    WHERE r.status = ANY($4::text[]) AND r.check_in < $2::date AND r.check_out > $1::date
)
SELECT (SELECT count(*) FROM rooms) AS rooms,
       (SELECT count(*) FROM room_nights rn JOIN room_blocks b ON b.id = rn.block_id
        WHERE b.kind = 'out_of_order' AND rn.night >= $1::date AND rn.night < $2::date) AS out_of_order,
       sold.room_nights, sold.revenue
FROM sold
"""

_ARRIVALS_SQL: Final = """
SELECT count(*) FILTER (WHERE status NOT IN ('hold', 'expired')) AS reservations,
       count(*) FILTER (WHERE status = 'cancelled') AS cancellations,
       count(*) FILTER (WHERE status = ANY($3::text[]) OR status = 'no_show') AS arrivals_due,
       count(*) FILTER (WHERE status = 'no_show') AS no_shows,
       count(*) FILTER (WHERE status = ANY($3::text[])) AS stays,
       coalesce(sum(check_out - check_in) FILTER (WHERE status = ANY($3::text[])), 0) AS stay_nights
FROM reservations
WHERE check_in >= $1::date AND check_in < $2::date
"""


@dataclass(frozen=True)
class Kpis:
    start: date
    end: date  # excluded
    currency: str
    rooms: int
    nights: int
    room_nights_available: int
    out_of_order_room_nights: int
    room_nights_sold: int
    room_revenue: Decimal
    occupancy: Decimal | None
    adr: Decimal | None
    revpar: Decimal | None
    stays: int
    stay_nights: int
    alos: Decimal | None
    reservations: int
    cancellations: int
    cancellation_rate: Decimal | None
    arrivals_due: int
    no_shows: int
    no_show_rate: Decimal | None


def _ratio(numerator: Decimal | int, denominator: Decimal | int, places: str) -> Decimal | None:
    if not denominator:
        return None
    return (Decimal(numerator) / Decimal(denominator)).quantize(Decimal(places), rounding=ROUND_HALF_UP)


async def kpis(conn: asyncpg.Connection | asyncpg.Pool, policy: HotelPolicy, start: date, end: date) -> Kpis:
    if end <= start:
        raise ValidationFailed("'to' must be after 'from' (the range is [from, to))", field="to")
    nights = (end - start).days
    if nights > MAX_RANGE_DAYS:
        raise ValidationFailed(f"the range may span at most {MAX_RANGE_DAYS} days", field="to")
    if isinstance(conn, asyncpg.Pool):
        async with conn.acquire() as acquired:
            return await _kpis(acquired, policy, start, end, nights)
    return await _kpis(conn, policy, start, end, nights)


async def _kpis(conn: asyncpg.Connection, policy: HotelPolicy, start: date, end: date, nights: int) -> Kpis:
    if conn.is_in_transaction():
        return await _measure(conn, policy, start, end, nights)
    # One snapshot for both queries, so the counts agree with each other.
    async with conn.transaction(isolation="repeatable_read", readonly=True):
        return await _measure(conn, policy, start, end, nights)


async def _measure(conn: asyncpg.Connection, policy: HotelPolicy, start: date, end: date, nights: int) -> Kpis:
    # generate_series() is estimated at 1000 rows per reservation, which makes the planner JIT-compile
    # a query that runs in milliseconds: the compile alone took ~220 ms of 247 ms on 10k reservations.
    await conn.execute("SET LOCAL jit = off")
    sold = await conn.fetchrow(_NIGHTS_SQL, start, end, policy.tax_rate, list(SOLD_STATES))
    arrivals = await conn.fetchrow(_ARRIVALS_SQL, start, end, list(SOLD_STATES))
    assert sold is not None and arrivals is not None
    available = sold["rooms"] * nights - sold["out_of_order"]
    revenue = Decimal(sold["revenue"]).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return Kpis(
        start=start, end=end, currency=policy.currency, rooms=sold["rooms"], nights=nights,
        room_nights_available=available, out_of_order_room_nights=sold["out_of_order"],
        room_nights_sold=sold["room_nights"], room_revenue=revenue,
        occupancy=_ratio(sold["room_nights"], available, "0.0001"),
        adr=_ratio(revenue, sold["room_nights"], "0.01"),
        revpar=_ratio(revenue, available, "0.01"),
        stays=arrivals["stays"], stay_nights=arrivals["stay_nights"],
        alos=_ratio(arrivals["stay_nights"], arrivals["stays"], "0.01"),
        reservations=arrivals["reservations"], cancellations=arrivals["cancellations"],
        cancellation_rate=_ratio(arrivals["cancellations"], arrivals["reservations"], "0.0001"),
        arrivals_due=arrivals["arrivals_due"], no_shows=arrivals["no_shows"],
        no_show_rate=_ratio(arrivals["no_shows"], arrivals["arrivals_due"], "0.0001"),
    )


# --- audit trail --------------------------------------------------------------------------------


@dataclass(frozen=True)
class AuditEntry:
    id: UUID
    created_at: datetime
    actor_type: str
    actor_id: str
    user_id: UUID | None
    action: str
    entity_type: str
    entity_id: str
    outcome: str
    old_values: Any
    new_values: Any


async def audit_trail(
    conn: asyncpg.Connection | asyncpg.Pool,
    *,
    entity_type: str | None = None,
    entity_id: str | None = None,
    actor_type: str | None = None,
    action: str | None = None,
    limit: int = 100,
) -> list[AuditEntry]:
    """Who did what, newest first; every filter given must match."""
    rows = await conn.fetch(
        """SELECT id, created_at, actor_type, actor_id, user_id, action, entity_type, entity_id, outcome,
                  old_values, new_values
           FROM audit_logs
           WHERE ($1::text IS NULL OR entity_type = $1) AND ($2::text IS NULL OR entity_id = $2)
             AND ($3::text IS NULL OR actor_type = $3) AND ($4::text IS NULL OR action = $4)
           ORDER BY created_at DESC, id
           LIMIT $5""",
        entity_type, entity_id, actor_type, action, limit,
    )
    return [AuditEntry(**dict(r)) for r in rows]
