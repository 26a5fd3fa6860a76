"""Double-entry ledger: postings, folios, and the trial balance.

Every money movement is one ``ledger_transactions`` row plus entries that sum to zero per currency
(positive = debit); the database's deferred trigger refuses a transaction that does not balance, and
another trigger makes entries append-only, so a mistake is corrected by a reversing posting.

Accounts: ``guest_folio`` is what guests owe (debit) or are owed (credit); ``room_revenue`` and
``tax_payable`` take the credit side of room charges; ``cash`` / ``card_clearing`` take the debit
side of payments. So for every reservation, balance due = sum(guest_folio entries).

Postings:
- room charge, one per night:  guest_folio +gross, room_revenue -net, tax_payable -tax
- payment:                     cash|card_clearing +amount, guest_folio -amount
- refund (reverses a payment): guest_folio +amount, cash|card_clearing -amount
- adjustment (+ charge / - discount): guest_folio +amount, adjustments -amount
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any, Final, Literal
from uuid import UUID

import asyncpg

from backoffice import audit
from backoffice.audit import Actor
from backoffice.errors import NotFound, ValidationFailed

Account = Literal[
    "guest_folio", "room_revenue", "tax_payable", "cash", "card_clearing", "wallet_clearing", "adjustments",
    "fee_revenue",
]
TransactionKind = Literal["room_charge", "payment", "refund", "adjustment", "fee"]

CENT: Final = Decimal("0.01")
NIGHT_REFERENCE: Final = "room_night"


def money(value: Decimal | int | str) -> Decimal:
    return Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Line:
    """One side of a posting. Positive amounts are debits, negative are credits."""

    account: Account
    amount: Decimal


@dataclass(frozen=True)
class Reference:
    """What a posting is about: a night of the stay, a payment, ... (kept on every entry)."""

    type: str
    id: str


async def post(
    conn: asyncpg.Connection,
    reservation_id: UUID | None,
    kind: TransactionKind,
    description: str,
    lines: Sequence[Line],
    actor: Actor,
    *,
    currency: str,
    reference: Reference | None = None,
    metadata: Mapping[str, Any] | None = None,
) -> UUID:
    """Write one balanced transaction; return its id. Must run inside the caller's transaction.

    Zero lines are dropped (a tax-free night has no tax line); an unbalanced posting is a
    programming error and is refused here, before the database trigger would refuse it at commit.
    """
    entries = [Line(line.account, money(line.amount)) for line in lines if money(line.amount) != 0]
    if not entries:
        raise ValidationFailed(f"nothing to post for '{description}': every amount is zero", field="amount")
    total = sum((line.amount for line in entries), Decimal(0))
    if total != 0:
        raise ValueError(f"posting '{description}' does not balance: entries sum to {total}")
    transaction_id: UUID = await conn.fetchval(
        """INSERT INTO ledger_transactions (reservation_id, kind, description, created_by)
           VALUES ($1, $2, $3, $4) RETURNING id""",
        reservation_id,
        kind,
        description,
        actor.label,
    )
    await conn.executemany(
        """INSERT INTO ledger_entries (transaction_id, reservation_id, account, transaction_type, amount,
                                       currency, reference_type, reference_id, metadata)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)""",
        [
            (
                transaction_id, reservation_id, line.account, kind, line.amount, currency,
                reference.type if reference else None, reference.id if reference else None,
                dict(metadata or {}),
            )
            for line in entries
        ],
    )
    await audit.record(
        conn, actor, f"ledger.{kind}", "reservation" if reservation_id else "ledger",
        reservation_id or transaction_id,
        new={"transaction_id": transaction_id, "description": description, "currency": currency,
             "lines": [{"account": line.account, "amount": line.amount} for line in entries]},
    )
    return transaction_id


# --- room charges -------------------------------------------------------------------------------


@dataclass(frozen=True)
class NightCharge:
    """One night of a stay as quoted at booking: net room revenue and its tax."""

    night: date
    net: Decimal
    tax: Decimal

    @property
    def gross(self) -> Decimal:
        return self.net + self.tax


def night_charges(reservation: Mapping[str, Any], tax_rate: Decimal) -> list[NightCharge]:
    """The per-night amounts from the reservation's stored quote.

    The quote (``backoffice.pricing.Quote.to_json``) lists each night's pre-tax ``rate`` and the tax
    on the whole stay, so what the guest agreed to is what gets posted: each night carries its rate
    times the quoted tax rate, the last night absorbing the cent of rounding so the nights add up to
    the quoted tax exactly. A reservation without a per-night quote (imported, or booked before
    quotes were stored) splits its ``amount`` (tax included) evenly across its nights.
    """
    quoted = _quoted_nights(reservation.get("quote") or {}, tax_rate)
    if quoted:
        return quoted
    check_in: date = reservation["check_in"]
    nights = (reservation["check_out"] - check_in).days
    total = money(reservation["amount"])
    per_night = money(total / nights)
    charges = []
    for index in range(nights):
        gross = per_night if index < nights - 1 else total - per_night * (nights - 1)
        net = money(gross / (1 + tax_rate))
        charges.append(NightCharge(check_in + timedelta(days=index), net, gross - net))
    return charges


def _quoted_nights(quote: Mapping[str, Any], default_tax_rate: Decimal) -> list[NightCharge]:
    rows = quote.get("nights") if isinstance(quote, Mapping) else None
    if not isinstance(rows, list) or not rows:
        return []
    try:
        tax_rate = Decimal(str(quote.get("tax_rate", default_tax_rate)))
        nights = sorted(
            (date.fromisoformat(str(row.get("night") or row.get("date"))),
             money(str(_first(row, "rate", "net", "amount"))),
             None if row.get("tax") is None else money(str(row["tax"])))
            for row in rows
        )
        charges = [NightCharge(night, net, tax if tax is not None else money(net * tax_rate))
                   for night, net, tax in nights]
        if quote.get("tax") is not None:
            drift = money(str(quote["tax"])) - sum((c.tax for c in charges), Decimal(0))
            last = charges[-1]
            charges[-1] = NightCharge(last.night, last.net, last.tax + drift)
    except (AttributeError, TypeError, ValueError, KeyError, InvalidOperation):
        return []
    return charges


def _first(row: Mapping[str, Any], *keys: str) -> Any:
    for key in keys:
        if row.get(key) is not None:
            return row[key]
    raise KeyError(keys[0])


async def posted_nights(conn: asyncpg.Connection, reservation_id: UUID) -> set[date]:
    rows = await conn.fetch(
        """SELECT DISTINCT e.reference_id FROM ledger_entries e
           JOIN ledger_transactions t ON t.id = e.transaction_id
           WHERE e.reservation_id = $1 AND t.kind = 'room_charge' AND e.reference_type = $2""",
        reservation_id,
        NIGHT_REFERENCE,
    )
    return {date.fromisoformat(r["reference_id"]) for r in rows}


async def post_room_charges(
    conn: asyncpg.Connection, reservation: Mapping[str, Any], tax_rate: Decimal, actor: Actor,
    *, before: date | None = None,
) -> list[NightCharge]:
    """Post every night of the stay not posted yet, or only nights before ``before`` (a night
    audit posting the nights slept so far); check-out posts them all.

    The caller holds the reservation row lock, so two callers cannot post the same night twice.
    """
    already = await posted_nights(conn, reservation["id"])
    currency = reservation["currency"].strip()
    posted = []
    for charge in night_charges(reservation, tax_rate):
        if charge.night in already or (before is not None and charge.night >= before):
            continue
        await post(
            conn, reservation["id"], "room_charge",
            f"Room {reservation['confirmation_code']} night of {charge.night.isoformat()}",
            [Line("guest_folio", charge.gross), Line("room_revenue", -charge.net),
             Line("tax_payable", -charge.tax)],
            actor, currency=currency, reference=Reference(NIGHT_REFERENCE, charge.night.isoformat()),
        )
        posted.append(charge)
    return posted


async def post_adjustment(
    conn: asyncpg.Connection, reservation_id: UUID, amount: Decimal, reason: str, actor: Actor, *, currency: str
) -> UUID:
    """A manual correction: positive charges the guest more, negative is a discount or goodwill credit."""
    return await post(
        conn, reservation_id, "adjustment", reason,
        [Line("guest_folio", amount), Line("adjustments", -amount)], actor, currency=currency,
    )


# --- reading ------------------------------------------------------------------------------------


async def folio_balance(conn: asyncpg.Connection | asyncpg.Pool, reservation_id: UUID) -> Decimal:
    """What the guest owes (positive) or is owed (negative): the sum of the guest_folio account."""
    balance = await conn.fetchval(
        """SELECT coalesce(sum(amount), 0) FROM ledger_entries
           WHERE reservation_id = $1 AND account = 'guest_folio'""",
        reservation_id,
    )
    return Decimal(balance)


@dataclass(frozen=True)
class FolioLine:
    transaction_id: UUID
    posted_at: datetime
    kind: TransactionKind
    description: str
    amount: Decimal  # positive: charged to the guest; negative: paid by or credited to the guest
    reference_type: str | None
    reference_id: str | None


@dataclass(frozen=True)
class Folio:
    reservation_id: UUID
    confirmation_code: str
    currency: str
    lines: list[FolioLine]
    charges: Decimal
    credits: Decimal
    balance: Decimal  # positive: the guest owes this much


async def folio(conn: asyncpg.Connection | asyncpg.Pool, reservation_id: UUID) -> Folio:
    reservation = await conn.fetchrow(
        "SELECT confirmation_code, currency FROM reservations WHERE id = $1", reservation_id
    )
    if reservation is None:
        raise NotFound(f"reservation {reservation_id} not found")
    rows = await conn.fetch(
        """SELECT t.id, t.created_at, t.kind, t.description, e.amount, e.reference_type, e.reference_id
           FROM ledger_entries e JOIN ledger_transactions t ON t.id = e.transaction_id
           WHERE e.reservation_id = $1 AND e.account = 'guest_folio'
           ORDER BY t.created_at, e.reference_id NULLS LAST, t.id""",
        reservation_id,
    )
    lines = [
        FolioLine(r["id"], r["created_at"], r["kind"], r["description"], r["amount"], r["reference_type"],
                  r["reference_id"])
        for r in rows
    ]
    charges = sum((line.amount for line in lines if line.amount > 0), Decimal("0.00"))
    credits = sum((-line.amount for line in lines if line.amount < 0), Decimal("0.00"))
    return Folio(reservation_id, reservation["confirmation_code"], reservation["currency"].strip(), lines,
                 charges, credits, charges - credits)


@dataclass(frozen=True)
class AccountBalance:
    account: str
    currency: str
    debits: Decimal
    credits: Decimal

    @property
    def balance(self) -> Decimal:
        return self.debits - self.credits


@dataclass(frozen=True)
class TrialBalance:
    accounts: list[AccountBalance]
    totals: dict[str, Decimal] = field(default_factory=dict)  # per currency: always zero

    @property
    def balanced(self) -> bool:
        return all(total == 0 for total in self.totals.values())


async def trial_balance(conn: asyncpg.Connection | asyncpg.Pool) -> TrialBalance:
    rows = await conn.fetch(
        """SELECT account, currency,
                  coalesce(sum(amount) FILTER (WHERE amount > 0), 0) AS debits,
                  coalesce(-sum(amount) FILTER (WHERE amount < 0), 0) AS credits
           FROM ledger_entries GROUP BY account, currency ORDER BY currency, account"""
    )
    accounts = [AccountBalance(r["account"], r["currency"].strip(), r["debits"], r["credits"]) for r in rows]
    totals: dict[str, Decimal] = {}
    for account in accounts:
        totals[account.currency] = totals.get(account.currency, Decimal("0.00")) + account.balance
    return TrialBalance(accounts, totals)
