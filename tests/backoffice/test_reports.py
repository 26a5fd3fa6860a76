"""KPIs against figures computed by hand for a small hotel (see the arithmetic in each assertion)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from backoffice import reports
from backoffice.errors import ValidationFailed
from tests.factories import make_room_type
from tests.frontdesk_factories import book, room_id

START, END = date(2026, 12, 1), date(2026, 12, 4)  # three nights: Dec 1, 2, 3


async def block(db, number: str, kind: str, start: date, end: date) -> None:
    room = await room_id(db, number)
    block_id = await db.pool.fetchval(
        """INSERT INTO room_blocks (room_id, kind, start_date, end_date) VALUES ($1, $2, $3, $4) RETURNING id""",
        room, kind, start, end,
    )
    await db.pool.execute(
        """INSERT INTO room_nights (room_id, night, block_id)
           SELECT $1, n::date, $2 FROM generate_series($3::date, $4::date - 1, interval '1 day') n""",
        room, block_id, start, end,
    )


@pytest.fixture
async def hotel(db):
    std = await make_room_type(db, "STD", rooms=6, floor=1)
    dlx = await make_room_type(db, "DLX", rooms=4, floor=2, rate="8000.00")
    await block(db, "201", "out_of_order", date(2026, 12, 2), date(2026, 12, 4))  # 2 nights in range
    await block(db, "202", "out_of_service", date(2026, 12, 1), date(2026, 12, 2))  # still available
    # A: 2 nights in range, 5000 + 5750
    await book(db, std, date(2026, 12, 1), ["5000.00", "5750.00"], status="checked_out")
    # B: arrived before the range; only Dec 1 (8000) is in it
    await book(db, dlx, date(2026, 11, 30), ["8000.00", "8000.00"], status="checked_out")
    # C: arrives Dec 3 for 3 nights; only Dec 3 (5000) is in range, but ALOS counts all 3
    await book(db, std, date(2026, 12, 3), ["5000.00"] * 3, status="confirmed")
    await book(db, std, date(2026, 12, 2), ["5000.00"], status="cancelled")  # D
    await book(db, dlx, date(2026, 12, 2), ["8000.00"] * 2, status="no_show")  # E
    await book(db, std, date(2026, 12, 1), ["5000.00"], status="hold")  # F: never counted
    await book(db, std, date(2026, 12, 1), ["5000.00"], status="expired")  # G: never counted
    # H: no per-night quote; 18400 incl. 15 % tax over 2 nights = 8000 a night before tax
    legacy = await book(db, dlx, date(2026, 12, 1), ["1.00", "1.00"], status="checked_in")
    await db.pool.execute("UPDATE reservations SET quote = '{}', amount = 18400 WHERE id = $1", legacy.id)


async def test_kpis_match_hand_computed_figures(db, services, hotel):
    kpis = await reports.kpis(db.pool, services.policy, START, END)
    assert kpis.rooms == 10 and kpis.nights == 3
    assert kpis.out_of_order_room_nights == 2
    assert kpis.room_nights_available == 28  # 10 x 3 - 2
    assert kpis.room_nights_sold == 6  # A 2 + B 1 + C 1 + H 2
    assert kpis.room_revenue == Decimal("39750.00")  # 10750 + 8000 + 5000 + 16000
    assert kpis.occupancy == Decimal("0.2143")  # 6 / 28
    assert kpis.adr == Decimal("6625.00")  # 39750 / 6
    assert kpis.revpar == Decimal("1419.64")  # 39750 / 28
    assert (kpis.stays, kpis.stay_nights, kpis.alos) == (3, 7, Decimal("2.33"))  # A 2, C 3, H 2
    assert (kpis.reservations, kpis.cancellations, kpis.cancellation_rate) == (5, 1, Decimal("0.2000"))
    assert (kpis.arrivals_due, kpis.no_shows, kpis.no_show_rate) == (4, 1, Decimal("0.2500"))


async def test_empty_range_has_no_ratios_rather_than_zeros(db, services, hotel):
    kpis = await reports.kpis(db.pool, services.policy, date(2027, 6, 1), date(2027, 6, 2))
    assert (kpis.room_nights_available, kpis.room_nights_sold, kpis.occupancy) == (10, 0, Decimal("0.0000"))
    assert (kpis.adr, kpis.alos, kpis.cancellation_rate, kpis.no_show_rate) == (None, None, None, None)


async def test_range_must_be_forward_and_bounded(db, services):
    with pytest.raises(ValidationFailed):
        await reports.kpis(db.pool, services.policy, END, START)
    with pytest.raises(ValidationFailed):
        await reports.kpis(db.pool, services.policy, START, date(2035, 1, 1))
