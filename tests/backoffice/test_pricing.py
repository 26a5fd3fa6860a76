"""Pricing from the database: base rate, weekend uplift, occupancy tiers, tax and rounding."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from backoffice import inventory, pricing
from backoffice.errors import ValidationFailed
from tests.factories import make_room_type

TUE, WED, THU, FRI, SAT, SUN = (date(2026, 12, d) for d in (8, 9, 10, 11, 12, 13))


async def test_weekday_nights_cost_the_base_rate_plus_tax(services, db):
    await make_room_type(db, "STD", rooms=10, rate="5000.00")
    quote = await pricing.quote(db.pool, services.policy, "STD", TUE, THU, 2)
    assert [n.rate for n in quote.nights] == [Decimal("5000.00"), Decimal("5000.00")]
    assert quote.subtotal == Decimal("10000.00")
    assert quote.tax == Decimal("1500.00")
    assert quote.total == Decimal("11500.00")
    assert quote.currency == "BDT"
    assert quote.to_json()["total"] == "11500.00"


async def test_friday_and_saturday_nights_get_the_weekend_uplift(services, db):
    await make_room_type(db, "STD", rooms=10, rate="5000.00")
    quote = await pricing.quote(db.pool, services.policy, "STD", THU, SUN, 1)
    assert [(n.night, n.weekend_uplift, n.rate) for n in quote.nights] == [
        (THU, Decimal("0"), Decimal("5000.00")),
        (FRI, Decimal("750.00"), Decimal("5750.00")),
        (SAT, Decimal("750.00"), Decimal("5750.00")),
    ]
    assert quote.total == Decimal("18975.00")  # 16500 + 15%


async def test_weekend_days_come_from_the_policy(services, db):
    await make_room_type(db, "STD", rooms=10, rate="5000.00")
    western = replace(services.policy, weekend_weekdays=(5, 6))
    quote = await pricing.quote(db.pool, western, "STD", FRI, date(2026, 12, 14), 1)
    assert [n.weekend_uplift > 0 for n in quote.nights] == [False, True, True]


async def test_occupancy_tiers_raise_the_rate(services, db):
    type_id = await make_room_type(db, "STD", rooms=10, rate="5000.00")
    async with db.transaction() as conn:
        for _ in range(7):  # 70% sold on Tuesday
            await inventory.take(conn, type_id, TUE, WED)
        for _ in range(9):  # 90% sold on Wednesday
            await inventory.take(conn, type_id, WED, THU)
    quote = await pricing.quote(db.pool, services.policy, type_id, TUE, FRI, 1)
    assert [n.occupancy_uplift for n in quote.nights] == [Decimal("500.00"), Decimal("1000.00"), Decimal("0")]
    assert [n.rate for n in quote.nights] == [Decimal("5500.00"), Decimal("6000.00"), Decimal("5000.00")]
    assert quote.nights[1].occupancy_share == Decimal("0.9")


async def test_occupancy_uplift_applies_on_top_of_the_weekend(services, db):
    type_id = await make_room_type(db, "STD", rooms=10, rate="5000.00")
    async with db.transaction() as conn:
        for _ in range(9):
            await inventory.take(conn, type_id, FRI, SAT)
    quote = await pricing.quote(db.pool, services.policy, "STD", FRI, SAT, 1)
    assert quote.nights[0].rate == Decimal("6900.00")  # (5000 + 750) x 1.2


def test_rounding_is_half_up_to_cents(services):
    room_type = pricing.RoomTypeRate(
        id=uuid.uuid4(), code="ODD", name="Odd", max_occupancy=2, base_rate=Decimal("33.33"),
        currency="BDT",
    )
    policy = replace(services.policy, tax_rate=Decimal("0.15"), weekend_uplift=Decimal("0.15"))
    quote = pricing.price_stay(policy, room_type, FRI, SAT, 1, [pricing.NightOccupancy(FRI, 10, 7)])
    # weekend: 33.33 x 0.15 = 4.9995 -> 5.00; occupancy: 38.33 x 0.10 = 3.833 -> 3.83
    assert quote.nights[0].weekend_uplift == Decimal("5.00")
    assert quote.nights[0].rate == Decimal("42.16")
    assert quote.tax == Decimal("6.32")  # 6.324
    assert quote.total == Decimal("48.48")


async def test_quote_by_id_or_case_insensitive_code(services, db):
    type_id = await make_room_type(db, "DLX", rooms=1, rate="9000.00")
    by_code = await pricing.quote(db.pool, services.policy, "dlx", TUE, WED, 1)
    by_id = await pricing.quote(db.pool, services.policy, str(type_id), TUE, WED, 1)
    assert by_code == by_id


@pytest.mark.parametrize(
    ("room_type", "check_in", "check_out", "guests", "field"),
    [
        ("NOPE", TUE, WED, 1, "room_type"),
        ("STD", TUE, WED, 3, "guests"),
        ("STD", TUE, WED, 0, "guests"),
        ("STD", WED, TUE, 1, "check_out"),
    ],
)
async def test_invalid_requests_name_the_field(services, db, room_type, check_in, check_out, guests, field):
    await make_room_type(db, "STD", rooms=1, max_occupancy=2)
    with pytest.raises(ValidationFailed) as failed:
        await pricing.quote(db.pool, services.policy, room_type, check_in, check_out, guests)
    assert failed.value.field == field


async def test_quote_types_prices_every_type_in_one_call(services, db):
    std = await make_room_type(db, "STD", rooms=2, rate="5000.00")
    fam = await make_room_type(db, "FAM", rooms=2, rate="8000.00", floor=2)
    quotes = await pricing.quote_types(db.pool, services.policy, [std, fam], THU, SAT, 1)
    assert quotes[std] == await pricing.quote(db.pool, services.policy, std, THU, SAT, 1)
    assert quotes[std].total == Decimal("12362.50")
    assert quotes[fam].subtotal == Decimal("17200.00")  # 8000 + 9200


async def test_offers_agree_with_inventory_and_quotes_in_one_query(services, db):
    std = await make_room_type(db, "STD", rooms=3, rate="5000.00")
    await make_room_type(db, "FAM", rooms=2, rate="8000.00", max_occupancy=4, floor=2)
    async with db.transaction() as conn:
        await inventory.take(conn, std, WED, THU)
        await inventory.take(conn, std, WED, FRI)
        await inventory.take(conn, std, THU, SAT)
        await inventory.adjust_capacity(conn, std, FRI, SAT, -1)  # a blocked room on Friday
    for guests in (1, 3):
        found = await pricing.offers(db.pool, services.policy, TUE, SUN, guests)
        expected = await inventory.availability(db.pool, TUE, SUN, guests=guests)
        assert [o.availability for o in found] == expected
        quotes = await pricing.quote_types(db.pool, services.policy, [t.room_type_id for t in expected], TUE, SUN,
                                           guests)
        assert [o.quote for o in found] == [quotes[t.room_type_id] for t in expected]
    assert [o.availability.available for o in await pricing.offers(db.pool, services.policy, TUE, SUN, 1)] == [1, 2]
