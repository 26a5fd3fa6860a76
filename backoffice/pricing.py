"""Prices for a stay, always computed from the database (never taken from a client).

A night costs the room type's base rate, plus the weekend uplift on the policy's weekend nights
(Friday and Saturday in Bangladesh), plus an occupancy adjustment from how much of the type is
already sold that night. Each night is rounded to 2 places (ROUND_HALF_UP), tax is charged on the
subtotal, and the whole quote is stored with the booking so the price a guest agreed to never moves.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, Final
from uuid import UUID

import asyncpg

from backoffice.errors import ValidationFailed
from backoffice.inventory import TypeAvailability
from backoffice.policy import HotelPolicy

CENT: Final = Decimal("0.01")
# (share of the type sold that night, uplift): the highest threshold reached applies.
OCCUPANCY_TIERS: Final[tuple[tuple[Decimal, Decimal], ...]] = (
    (Decimal("0.90"), Decimal("0.20")),
    (Decimal("0.70"), Decimal("0.10")),
)


def money(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class RoomTypeRate:
    """The facts about a room type that pricing and booking need."""

    id: UUID
    code: str
    name: str
    max_occupancy: int
    base_rate: Decimal
    currency: str


@dataclass(frozen=True)
class NightOccupancy:
    night: date
    capacity: int
    sold: int

    @property
    def share_sold(self) -> Decimal:
        if self.capacity <= 0:
            return Decimal(1)
        return Decimal(self.sold) / Decimal(self.capacity)


@dataclass(frozen=True)
class NightlyRate:
    night: date
    base_rate: Decimal
    weekend_uplift: Decimal  # amount added for a weekend night
    occupancy_share: Decimal  # 0..1 of the type sold that night when quoted
    occupancy_uplift: Decimal  # amount added for high occupancy
    rate: Decimal  # what the night costs before tax

    def to_json(self) -> dict[str, str]:
        return {
            "night": self.night.isoformat(),
            "base_rate": str(self.base_rate),
            "weekend_uplift": str(self.weekend_uplift),
            "occupancy": str(self.occupancy_share.quantize(CENT, rounding=ROUND_HALF_UP)),
            "occupancy_uplift": str(self.occupancy_uplift),
            "rate": str(self.rate),
        }


@dataclass(frozen=True)
class Quote:
    room_type_id: UUID
    room_type_code: str
    room_type_name: str
    check_in: date
    check_out: date
    guests: int
    nights: tuple[NightlyRate, ...]
    subtotal: Decimal
    tax_rate: Decimal
    tax: Decimal
    total: Decimal
    currency: str

    def to_json(self) -> dict[str, Any]:
        """The form stored in ``reservations.quote`` (money as strings: exact, no float)."""
        return {
            "room_type_id": str(self.room_type_id),
            "room_type": self.room_type_code,
            "check_in": self.check_in.isoformat(),
            "check_out": self.check_out.isoformat(),
            "guests": self.guests,
            "nights": [n.to_json() for n in self.nights],
            "subtotal": str(self.subtotal),
            "tax_rate": str(self.tax_rate),
            "tax": str(self.tax),
            "total": str(self.total),
            "currency": self.currency,
        }


def occupancy_uplift_rate(share_sold: Decimal) -> Decimal:
    for threshold, uplift in OCCUPANCY_TIERS:
        if share_sold >= threshold:
            return uplift
    return Decimal(0)


def price_stay(
    policy: HotelPolicy,
    room_type: RoomTypeRate,
    check_in: date,
    check_out: date,
    guests: int,
    occupancy: Iterable[NightOccupancy],
) -> Quote:
    """Pure pricing: the quote for ``[check_in, check_out)`` given each night's occupancy."""
    lines = []
    for night in occupancy:
        base = room_type.base_rate
        is_weekend = night.night.weekday() in policy.weekend_weekdays
        weekend = money(base * policy.weekend_uplift) if is_weekend else Decimal(0)
        uplift = money((base + weekend) * occupancy_uplift_rate(night.share_sold))
        lines.append(
            NightlyRate(night.night, base, weekend, night.share_sold, uplift, money(base + weekend + uplift))
        )
    subtotal = money(sum((line.rate for line in lines), Decimal(0)))
    tax = money(subtotal * policy.tax_rate)
    return Quote(
        room_type_id=room_type.id, room_type_code=room_type.code, room_type_name=room_type.name,
        check_in=check_in, check_out=check_out, guests=guests, nights=tuple(lines), subtotal=subtotal,
        tax_rate=policy.tax_rate, tax=tax, total=money(subtotal + tax), currency=room_type.currency,
    )


def _as_uuid(value: str | UUID) -> UUID | None:
    if isinstance(value, UUID):
        return value
    try:
        return UUID(value)
    except ValueError:
        return None


# One round trip: the room type and every night's inventory row (missing row = nothing sold yet).
_TYPE_NIGHTS_SQL = """
    SELECT rt.id, rt.code, rt.name, rt.max_occupancy, rt.base_rate, rt.currency, n::date AS night,
           coalesce(rtn.capacity, rc.total) AS capacity, coalesce(rtn.sold, 0) AS sold
    FROM room_types rt
    CROSS JOIN LATERAL (SELECT count(*)::int AS total FROM rooms r WHERE r.room_type_id = rt.id) rc
    CROSS JOIN generate_series($2::date, $3::date - 1, interval '1 day') AS n
    LEFT JOIN room_type_nights rtn ON rtn.room_type_id = rt.id AND rtn.night = n::date
    WHERE {match}
    ORDER BY n"""
_BY_ID = _TYPE_NIGHTS_SQL.format(match="rt.id = $1")
_BY_CODE = _TYPE_NIGHTS_SQL.format(match="upper(rt.code) = upper($1)")


def _rate_from_row(row: asyncpg.Record) -> RoomTypeRate:
    return RoomTypeRate(
        id=row["id"], code=row["code"], name=row["name"], max_occupancy=row["max_occupancy"],
        base_rate=row["base_rate"], currency=row["currency"].strip(),
    )


def _check_stay(check_in: date, check_out: date, guests: int) -> None:
    if check_out <= check_in:
        raise ValidationFailed("check_out must be after check_in", field="check_out")
    if guests < 1:
        raise ValidationFailed("at least one guest is needed", field="guests")


async def quote(
    conn: asyncpg.Connection | asyncpg.Pool,
    policy: HotelPolicy,
    room_type_code_or_id: str | UUID,
    check_in: date,
    check_out: date,
    guests: int,
    *,
    not_counting: tuple[UUID, date, date] | None = None,
) -> Quote:
    """Price a stay of ``guests`` in one room of the type; unknown type or too many guests is a 422.

    ``not_counting`` = (room type, check-in, check-out) of a booking being changed: its own nights
    do not count as sold, so the quote matches what ``reservations.modify`` will charge.
    """
    _check_stay(check_in, check_out, guests)
    type_id = _as_uuid(room_type_code_or_id)
    if type_id is not None:
        rows = await conn.fetch(_BY_ID, type_id, check_in, check_out)
    else:
        rows = await conn.fetch(_BY_CODE, str(room_type_code_or_id).strip(), check_in, check_out)
    if not rows:
        raise ValidationFailed(f"unknown room type '{room_type_code_or_id}'", field="room_type")
    room_type = _rate_from_row(rows[0])
    if guests > room_type.max_occupancy:
        raise ValidationFailed(
            f"a {room_type.name} sleeps at most {room_type.max_occupancy}", field="guests",
            max_occupancy=room_type.max_occupancy,
        )
    occupancy = [NightOccupancy(r["night"], r["capacity"], r["sold"] - _own(r, not_counting)) for r in rows]
    return price_stay(policy, room_type, check_in, check_out, guests, occupancy)


def _own(row: asyncpg.Record, stay: tuple[UUID, date, date] | None) -> int:
    if stay is None:
        return 0
    type_id, start, end = stay
    return 1 if row["id"] == type_id and start <= row["night"] < end and row["sold"] > 0 else 0


async def quote_types(
    conn: asyncpg.Connection | asyncpg.Pool,
    policy: HotelPolicy,
    room_type_ids: Sequence[UUID],
    check_in: date,
    check_out: date,
    guests: int,
) -> dict[UUID, Quote]:
    """Quotes for several room types in one query (the availability search prices every type)."""
    _check_stay(check_in, check_out, guests)
    if not room_type_ids:
        return {}
    rows = await conn.fetch(
        _TYPE_NIGHTS_SQL.format(match="rt.id = ANY($1::uuid[])").replace("ORDER BY n", "ORDER BY rt.id, n"),
        list(room_type_ids), check_in, check_out,
    )
    grouped: dict[UUID, list[asyncpg.Record]] = {}
    for row in rows:
        grouped.setdefault(row["id"], []).append(row)
    return {
        type_id: price_stay(
            policy, _rate_from_row(type_rows[0]), check_in, check_out, guests,
            [NightOccupancy(r["night"], r["capacity"], r["sold"]) for r in type_rows],
        )
        for type_id, type_rows in grouped.items()
    }


@dataclass(frozen=True)
class Offer:
    """A room type that fits the party, how many are free on every night, and what the stay costs."""

    availability: TypeAvailability
    quote: Quote


async def offers(
    conn: asyncpg.Connection | asyncpg.Pool, policy: HotelPolicy, check_in: date, check_out: date, guests: int
) -> list[Offer]:
    """Availability and price of every type that fits ``guests``, cheapest first, in ONE query.

    ``available`` means what ``inventory.availability`` means (a test holds them equal); reading
    the nights once for both keeps the search to a single round trip.
    """
    _check_stay(check_in, check_out, guests)
    rows = await conn.fetch(
        """SELECT rt.id, rt.code, rt.name, rt.description, rt.max_occupancy, rt.base_rate, rt.currency,
                  rt.bed_type, rt.amenities, rc.total, n::date AS night,
                  coalesce(rtn.capacity, rc.total) AS capacity, coalesce(rtn.sold, 0) AS sold
           FROM room_types rt
           CROSS JOIN LATERAL (SELECT count(*)::int AS total FROM rooms r WHERE r.room_type_id = rt.id) rc
           CROSS JOIN generate_series($1::date, $2::date - 1, interval '1 day') AS n
           LEFT JOIN room_type_nights rtn ON rtn.room_type_id = rt.id AND rtn.night = n::date
           WHERE rt.max_occupancy >= $3
           ORDER BY rt.base_rate, rt.code, n""",
        check_in, check_out, guests,
    )
    grouped: dict[UUID, list[asyncpg.Record]] = {}
    for row in rows:
        grouped.setdefault(row["id"], []).append(row)
    found = []
    for type_rows in grouped.values():
        first = type_rows[0]
        nights = [NightOccupancy(r["night"], r["capacity"], r["sold"]) for r in type_rows]
        room_type = _rate_from_row(first)
        found.append(Offer(
            TypeAvailability(
                room_type_id=first["id"], code=first["code"], name=first["name"], description=first["description"],
                max_occupancy=first["max_occupancy"], base_rate=first["base_rate"], currency=room_type.currency,
                bed_type=first["bed_type"], amenities=list(first["amenities"]), total_rooms=first["total"],
                available=max(0, min(n.capacity - n.sold for n in nights)),
            ),
            price_stay(policy, room_type, check_in, check_out, guests, nights),
        ))
    return found
