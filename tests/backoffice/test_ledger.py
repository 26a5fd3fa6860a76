"""The ledger: balanced postings, room charges from the stored quote, folios, the trial balance."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import asyncpg
import pytest

from backoffice import ledger
from backoffice.audit import Actor
from backoffice.errors import ValidationFailed
from backoffice.ledger import Line
from tests.factories import make_room_type
from tests.frontdesk_factories import book

DESK = Actor.system("test-desk")
TAX = Decimal("0.15")


async def reservation_row(db, reservation_id):
    return await db.pool.fetchrow("SELECT * FROM reservations WHERE id = $1", reservation_id)


async def test_room_charges_come_from_the_quote_and_are_posted_once(db):
    room_type = await make_room_type(db)
    stay = await book(db, room_type, date(2026, 12, 1), ["5000.00", "5750.00"])
    async with db.transaction() as conn:
        row = await conn.fetchrow("SELECT * FROM reservations WHERE id = $1 FOR UPDATE", stay.id)
        slept = await ledger.post_room_charges(conn, row, TAX, DESK, before=date(2026, 12, 2))
        rest = await ledger.post_room_charges(conn, row, TAX, DESK)
        again = await ledger.post_room_charges(conn, row, TAX, DESK)
    assert [c.night for c in slept + rest] == [date(2026, 12, 1), date(2026, 12, 2)]
    assert len(slept) == 1 and again == []
    folio = await ledger.folio(db.pool, stay.id)
    assert [line.amount for line in folio.lines] == [Decimal("5750.00"), Decimal("6612.50")]
    assert folio.balance == stay.total == Decimal("12362.50")
    revenue = await db.pool.fetchval("SELECT sum(amount) FROM ledger_entries WHERE account = 'room_revenue'")
    tax = await db.pool.fetchval("SELECT sum(amount) FROM ledger_entries WHERE account = 'tax_payable'")
    assert (revenue, tax) == (Decimal("-10750.00"), Decimal("-1612.50"))


async def test_unbalanced_posting_is_refused_before_the_database(db):
    room_type = await make_room_type(db)
    stay = await book(db, room_type, date(2026, 12, 1), ["5000.00"])
    async with db.transaction() as conn:
        with pytest.raises(ValueError, match="does not balance"):
            await ledger.post(conn, stay.id, "adjustment", "broken", [Line("guest_folio", Decimal("10"))], DESK,
                              currency="BDT")
        with pytest.raises(ValidationFailed):
            await ledger.post(conn, stay.id, "adjustment", "nothing", [Line("guest_folio", Decimal("0"))], DESK,
                              currency="BDT")


async def test_database_itself_refuses_an_unbalanced_transaction(db):
    """The deferred trigger is the last line of defence if code ever bypasses ``post``."""
    with pytest.raises(asyncpg.CheckViolationError, match="does not balance"):
        async with db.transaction() as conn:
            tx = await conn.fetchval(
                """INSERT INTO ledger_transactions (kind, description, created_by)
                   VALUES ('adjustment', 'raw', 'test') RETURNING id"""
            )
            await conn.execute(
                """INSERT INTO ledger_entries (transaction_id, account, transaction_type, amount, currency)
                   VALUES ($1, 'cash', 'adjustment', 10, 'BDT')""",
                tx,
            )


async def test_reservation_without_a_quote_splits_its_amount(db):
    row = {"id": None, "check_in": date(2026, 12, 1), "check_out": date(2026, 12, 4), "amount": Decimal("100.00"),
           "quote": {}}
    charges = ledger.night_charges(row, TAX)
    assert [c.gross for c in charges] == [Decimal("33.33"), Decimal("33.33"), Decimal("33.34")]
    assert sum(c.gross for c in charges) == Decimal("100.00")
    assert all(c.net + c.tax == c.gross for c in charges)


async def test_books_balance_after_a_realistic_flow(db):
    room_type = await make_room_type(db)
    first = await book(db, room_type, date(2026, 12, 1), ["5000.00", "5000.00", "6000.00"])
    second = await book(db, room_type, date(2026, 12, 2), ["4000.00"])
    async with db.transaction() as conn:
        for stay in (first, second):
            row = await conn.fetchrow("SELECT * FROM reservations WHERE id = $1 FOR UPDATE", stay.id)
            await ledger.post_room_charges(conn, row, TAX, DESK)
        await ledger.post(conn, first.id, "payment", "cash", [Line("cash", Decimal("10000")),
                                                              Line("guest_folio", Decimal("-10000"))],
                          DESK, currency="BDT")
        await ledger.post(conn, second.id, "payment", "card", [Line("card_clearing", second.total),
                                                               Line("guest_folio", -second.total)],
                          DESK, currency="BDT")
        await ledger.post_adjustment(conn, first.id, Decimal("-500.00"), "late breakfast", DESK, currency="BDT")
    balance = await ledger.trial_balance(db.pool)
    assert balance.balanced
    assert balance.totals == {"BDT": Decimal("0.00")}
    by_account = {a.account: a.balance for a in balance.accounts}
    assert by_account["room_revenue"] == Decimal("-20000.00")
    assert by_account["tax_payable"] == Decimal("-3000.00")
    assert by_account["guest_folio"] == first.total - Decimal("10500.00")
    assert await ledger.folio_balance(db.pool, first.id) == first.total - Decimal("10500.00")
    assert await ledger.folio_balance(db.pool, second.id) == Decimal("0.00")


async def test_entries_are_append_only(db):
    room_type = await make_room_type(db)
    stay = await book(db, room_type, date(2026, 12, 1), ["5000.00"])
    async with db.transaction() as conn:
        await ledger.post_adjustment(conn, stay.id, Decimal("100.00"), "minibar", DESK, currency="BDT")
    with pytest.raises(asyncpg.CheckViolationError, match="append-only"):
        await db.pool.execute("UPDATE ledger_entries SET amount = 1")
    audit = await db.pool.fetchval("SELECT count(*) FROM audit_logs WHERE action = 'ledger.adjustment'")
    assert audit == 1


async def test_quoted_tax_is_spread_over_nights_and_adds_up_exactly(db):
    """Tax is quoted on the stay; per-night rounding must not make the folio differ from the quote."""
    quote = {"nights": [{"night": "2026-12-01", "rate": "3333.33"}, {"night": "2026-12-02", "rate": "3333.33"},
                        {"night": "2026-12-03", "rate": "3333.34"}],
             "subtotal": "10000.00", "tax_rate": "0.15", "tax": "1500.00", "total": "11500.00"}
    row = {"check_in": date(2026, 12, 1), "check_out": date(2026, 12, 4), "amount": Decimal("11500.00"),
           "quote": quote}
    charges = ledger.night_charges(row, TAX)
    assert [c.net for c in charges] == [Decimal("3333.33"), Decimal("3333.33"), Decimal("3333.34")]
    assert [c.tax for c in charges] == [Decimal("500.00"), Decimal("500.00"), Decimal("500.00")]
    assert sum(c.gross for c in charges) == Decimal("11500.00")
    rounded = {"nights": [{"night": f"2026-12-0{d}", "rate": "100.10"} for d in (1, 2, 3)], "tax_rate": "0.15",
               "tax": "45.05"}
    charges = ledger.night_charges(dict(row, quote=rounded), TAX)
    assert [c.tax for c in charges] == [Decimal("15.02"), Decimal("15.02"), Decimal("15.01")]
