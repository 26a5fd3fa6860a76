"""Staff-recorded payments: idempotent, posted to the ledger, confirming holds; refunds reverse them."""

from __future__ import annotations

import asyncio
from datetime import date, timedelta
from decimal import Decimal

import pytest

from backoffice import ledger, payments
from backoffice.audit import Actor
from backoffice.errors import IdempotencyKeyReused, InvalidTransition, ValidationFailed
from tests.factories import make_room_type
from tests.frontdesk_factories import book

DESK = Actor.system("test-desk")


async def test_payment_posts_to_the_ledger_and_a_retry_does_not_charge_twice(db, services):
    room_type = await make_room_type(db)
    stay = await book(db, room_type, date(2026, 12, 1), ["5000.00"])
    first = await payments.record_payment(services, stay.id, Decimal("3000.00"), "card", DESK, "key-1")
    retry = await payments.record_payment(services, stay.id, Decimal("3000.00"), "card", DESK, "key-1")
    assert (first.replayed, retry.replayed) == (False, True)
    assert retry.payment_id == first.payment_id
    assert retry.balance == first.balance == Decimal("-3000.00")
    assert await db.pool.fetchval("SELECT count(*) FROM payments") == 1
    assert await ledger.folio_balance(db.pool, stay.id) == Decimal("-3000.00")
    card = await db.pool.fetchval("SELECT sum(amount) FROM ledger_entries WHERE account = 'card_clearing'")
    assert card == Decimal("3000.00")
    with pytest.raises(IdempotencyKeyReused):
        await payments.record_payment(services, stay.id, Decimal("30.00"), "card", DESK, "key-1")


async def test_concurrent_retries_with_one_key_charge_once(db, services):
    room_type = await make_room_type(db)
    stay = await book(db, room_type, date(2026, 12, 1), ["5000.00"])
    receipts = await asyncio.gather(*(
        payments.record_payment(services, stay.id, Decimal("100.00"), "cash", DESK, "same-key") for _ in range(5)
    ))
    assert len({r.payment_id for r in receipts}) == 1
    assert sum(not r.replayed for r in receipts) == 1
    assert await ledger.folio_balance(db.pool, stay.id) == Decimal("-100.00")


async def test_paying_a_hold_confirms_it(db, services):
    room_type = await make_room_type(db)
    stay = await book(db, room_type, date(2026, 12, 1), ["5000.00"], status="hold")
    await db.pool.execute("UPDATE reservations SET hold_expires_at = $2 WHERE id = $1", stay.id,
                          services.now() + timedelta(minutes=20))
    receipt = await payments.record_payment(services, stay.id, Decimal("5750.00"), "cash", DESK, None)
    assert receipt.reservation_status == "confirmed"
    assert await db.pool.fetchval("SELECT status FROM reservations WHERE id = $1", stay.id) == "confirmed"
    actions = await db.pool.fetch("SELECT action FROM audit_logs WHERE entity_id = $1 ORDER BY created_at",
                                  str(stay.id))
    assert "reservation.confirm" in [a["action"] for a in actions]


async def test_an_expired_hold_or_a_cancelled_booking_takes_no_money(db, services):
    room_type = await make_room_type(db)
    hold = await book(db, room_type, date(2026, 12, 1), ["5000.00"], status="hold")
    await db.pool.execute("UPDATE reservations SET hold_expires_at = $2 WHERE id = $1", hold.id,
                          services.now() - timedelta(minutes=1))
    with pytest.raises(InvalidTransition, match="expired"):
        await payments.record_payment(services, hold.id, Decimal("10.00"), "cash", DESK, None)
    refused = await db.pool.fetchrow("SELECT action, outcome FROM audit_logs WHERE entity_id = $1", str(hold.id))
    assert (refused["action"], refused["outcome"]) == ("reservation.confirm", "refused")
    cancelled = await book(db, room_type, date(2026, 12, 1), ["5000.00"], status="cancelled")
    with pytest.raises(InvalidTransition, match="cancelled"):
        await payments.record_payment(services, cancelled.id, Decimal("10.00"), "cash", DESK, "k")
    assert await db.pool.fetchval("SELECT count(*) FROM payments") == 0
    assert await db.pool.fetchval("SELECT count(*) FROM idempotency_keys") == 0


@pytest.mark.parametrize("amount", ["0", "-5", "1.005"])
async def test_amount_must_be_positive_cents(db, services, amount):
    room_type = await make_room_type(db)
    stay = await book(db, room_type, date(2026, 12, 1), ["5000.00"])
    with pytest.raises(ValidationFailed) as refused:
        await payments.record_payment(services, stay.id, Decimal(amount), "cash", DESK, None)
    assert refused.value.field == "amount"


async def test_refunds_reverse_a_payment_up_to_its_amount(db, services):
    room_type = await make_room_type(db)
    stay = await book(db, room_type, date(2026, 12, 1), ["5000.00"])
    paid = await payments.record_payment(services, stay.id, Decimal("1000.00"), "cash", DESK, None)
    part = await payments.refund_payment(services, stay.id, paid.payment_id, Decimal("400.00"), "overpaid", DESK,
                                         "r-1")
    assert (part.payment_status, part.refunded_total, part.balance) == (
        "partially_refunded", Decimal("400.00"), Decimal("-600.00"))
    replay = await payments.refund_payment(services, stay.id, paid.payment_id, Decimal("400.00"), "overpaid",
                                           DESK, "r-1")
    assert replay.replayed and replay.balance == Decimal("-600.00")
    with pytest.raises(ValidationFailed, match="at most 600.00"):
        await payments.refund_payment(services, stay.id, paid.payment_id, Decimal("601.00"), "x", DESK, None)
    rest = await payments.refund_payment(services, stay.id, paid.payment_id, Decimal("600.00"), "x", DESK, None)
    assert (rest.payment_status, rest.balance) == ("refunded", Decimal("0.00"))
    with pytest.raises(ValidationFailed):
        await payments.refund_payment(services, stay.id, paid.payment_id, Decimal("1.00"), "x", DESK, None)
    assert await db.pool.fetchval("SELECT sum(amount) FROM ledger_entries WHERE account = 'cash'") == 0
    assert (await ledger.trial_balance(db.pool)).balanced
