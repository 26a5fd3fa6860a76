"""Staff-recorded payments (cash, card terminal), and refunds of any payment.

A desk payment is a ``payments`` row (born ``paid``) plus a ledger posting (cash|card_clearing
debit, guest_folio credit) in one transaction, run under ``idempotency.run_once`` so a retried
request never charges twice. Paying a hold confirms it. A refund reverses (part of) one payment:
guest_folio debit, the same till credited; the payment's status follows ``payment_states.PAYMENT``.
Wallet payments (bKash, Nagad, SSLCommerz) are refunded through their provider by
``payment_saga``; ``refund_payment`` sends them there. Who may refund what is ``authorize_refund``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from decimal import Decimal
from typing import Any, Final, Literal
from uuid import UUID

import asyncpg

from backoffice import ledger, outbox, payment_saga, reservations
from backoffice.audit import Actor
from backoffice.errors import Forbidden, InvalidTransition, NotFound, ValidationFailed
from backoffice.idempotency import run_once
from backoffice.ledger import Line, Reference
from backoffice.payment_states import PAYMENT, WALLETS
from backoffice.reservation_states import RESERVATION
from backoffice.services import Services
from backoffice.statemachine import audit_refusal, transition

StaffProvider = Literal["cash", "card"]
TILL: Final[dict[str, ledger.Account]] = {"cash": "cash", "card": "card_clearing"}
# Money can still be taken for these (a departed guest may settle an open balance later).
PAYABLE_STATES: Final = frozenset({"hold", "confirmed", "checked_in", "checked_out"})

__all__ = ["PAYMENT", "PaymentReceipt", "RefundReceipt", "authorize_refund", "record_payment", "refund_payment",
           "take_payment"]
# Roles that may refund above the front desk's limit, and payments someone else took.
REFUND_MANAGERS: Final = frozenset({"manager", "admin"})


@dataclass(frozen=True)
class PaymentReceipt:
    payment_id: UUID
    reservation_id: UUID
    provider: str
    amount: Decimal
    currency: str
    status: str
    reservation_status: str
    balance: Decimal  # folio balance after the payment; negative = the hotel owes the guest
    replayed: bool = False


@dataclass(frozen=True)
class RefundReceipt:
    payment_id: UUID
    reservation_id: UUID
    amount: Decimal
    refunded_total: Decimal
    payment_status: str
    balance: Decimal
    replayed: bool = False


def _positive_amount(amount: Decimal) -> Decimal:
    if amount <= 0 or amount != amount.quantize(ledger.CENT):
        raise ValidationFailed("amount must be positive with at most two decimals", field="amount")
    return ledger.money(amount)


async def take_payment(
    services: Services, conn: asyncpg.Connection, reservation_id: UUID, amount: Decimal, provider: StaffProvider,
    actor: Actor, *, idempotency_key: str | None = None,
) -> PaymentReceipt:
    """Record a payment inside the caller's transaction (check-out settles with this)."""
    amount = _positive_amount(amount)
    if provider not in TILL:
        raise ValidationFailed("staff can record 'cash' or 'card' payments", field="provider")
    reservation = await conn.fetchrow("SELECT * FROM reservations WHERE id = $1 FOR UPDATE", reservation_id)
    if reservation is None:
        raise NotFound(f"reservation {reservation_id} not found")
    status = reservation["status"]
    if status not in PAYABLE_STATES:
        raise InvalidTransition(f"cannot take a payment for a reservation that is {status.replace('_', ' ')}",
                                current_state=status, action="pay")
    if status == "hold":
        # Paying a hold confirms it (refused, with the whole payment, once the hold has run out).
        status = (await reservations.confirm_in(conn, services, reservation_id, actor))["status"]
    currency = reservation["currency"].strip()
    payment_id: UUID = await conn.fetchval(
        """INSERT INTO payments (reservation_id, provider, amount, currency, status, idempotency_key, taken_by,
                                 taken_by_actor, captured_at)
           VALUES ($1, $2, $3, $4, 'paid', $5, $6, $7, now()) RETURNING id""",
        reservation_id, provider, amount, currency, idempotency_key, actor.user_id, actor.label,
    )
    await ledger.post(
        conn, reservation_id, "payment", f"{provider.title()} payment for {reservation['confirmation_code']}",
        [Line(TILL[provider], amount), Line("guest_folio", -amount)], actor, currency=currency,
        reference=Reference("payment", str(payment_id)),
    )
    await outbox.emit(conn, "payment.completed", "reservation", reservation_id,
                      {"payment_id": payment_id, "amount": amount, "currency": currency, "provider": provider})
    balance = await ledger.folio_balance(conn, reservation_id)
    return PaymentReceipt(payment_id, reservation_id, provider, amount, currency, "paid", status, balance)


async def record_payment(
    services: Services, reservation_id: UUID, amount: Decimal, provider: StaffProvider, actor: Actor,
    idempotency_key: str | None,
) -> PaymentReceipt:
    """Take a payment at most once per Idempotency-Key; a retry gets the first receipt back."""

    async def operation(conn: asyncpg.Connection) -> tuple[int, dict[str, Any]]:
        receipt = await take_payment(services, conn, reservation_id, amount, provider, actor,
                                     idempotency_key=idempotency_key)
        return 201, asdict(receipt)

    request = {"reservation_id": reservation_id, "amount": str(amount), "provider": provider}
    try:
        stored = await run_once(services.db, "payments", idempotency_key, request, operation)
    except InvalidTransition as refused:
        if refused.extra.get("action") == "confirm":  # the hold it would have confirmed ran out
            await audit_refusal(services.db, RESERVATION, reservation_id, "confirm", actor, refused)
        raise
    return _receipt(PaymentReceipt, stored.body, replayed=stored.replayed)


async def authorize_refund(
    services: Services, payment_id: UUID, amount: Decimal, actor: Actor, role: str | None,
) -> None:
    """Front desk may refund its own payments up to the limit; anything else needs a manager."""
    if role in REFUND_MANAGERS:
        return
    payment = await services.db.pool.fetchrow("SELECT taken_by FROM payments WHERE id = $1", payment_id)
    if payment is None:
        raise NotFound(f"payment {payment_id} not found")
    limit = services.payments.refund_limit_front_desk
    if amount > limit:
        raise Forbidden(f"refunds above {limit} need a manager", field="amount", limit=str(limit))
    if payment["taken_by"] is None or payment["taken_by"] != actor.user_id:
        raise Forbidden("refunding a payment someone else took needs a manager", field="payment_id")


async def refund_payment(
    services: Services, reservation_id: UUID, payment_id: UUID, amount: Decimal, reason: str, actor: Actor,
    idempotency_key: str | None, *, role: str | None = None,
) -> RefundReceipt:
    """Give back up to what is left of one payment: cash and card through the till it came in by,
    wallets through their provider. ``role`` is the staff user's (None: a system actor, unchecked)."""
    refund_amount = _positive_amount(amount)
    provider = await services.db.pool.fetchval(
        "SELECT provider FROM payments WHERE id = $1 AND reservation_id = $2", payment_id, reservation_id)
    if provider is None:
        raise NotFound(f"payment {payment_id} not found on reservation {reservation_id}")
    if actor.type == "user":
        await authorize_refund(services, payment_id, refund_amount, actor, role)
    if provider in WALLETS:
        done = await payment_saga.refund_wallet_payment(
            services, payment_id, refund_amount, reason, actor,
            f"refund:{idempotency_key}" if idempotency_key else None)
        return RefundReceipt(done.payment_id, done.reservation_id, done.amount, done.refunded_total,
                             done.payment_status, done.balance, done.replayed)
    return await _refund_at_desk(services, reservation_id, payment_id, amount, reason, actor, idempotency_key)


async def _refund_at_desk(
    services: Services, reservation_id: UUID, payment_id: UUID, amount: Decimal, reason: str, actor: Actor,
    idempotency_key: str | None,
) -> RefundReceipt:
    async def operation(conn: asyncpg.Connection) -> tuple[int, dict[str, Any]]:
        refund = _positive_amount(amount)
        payment = await conn.fetchrow(
            "SELECT * FROM payments WHERE id = $1 AND reservation_id = $2 FOR UPDATE", payment_id, reservation_id
        )
        if payment is None:
            raise NotFound(f"payment {payment_id} not found on reservation {reservation_id}")
        if payment["provider"] not in TILL:
            raise ValidationFailed("only cash and card payments can be refunded here", field="payment_id")
        already = await refunded_so_far(conn, payment_id)
        left = payment["amount"] - already
        if refund > left:
            raise ValidationFailed(f"at most {left} {payment['currency'].strip()} of this payment can be refunded",
                                   field="amount", refundable=str(left))
        action = "refund_all" if refund == left else "refund_part"
        await transition(services.db, PAYMENT, payment_id, action, actor, conn=conn)
        currency = payment["currency"].strip()
        await ledger.post(
            conn, reservation_id, "refund", f"Refund of {payment['provider']} payment: {reason}",
            [Line("guest_folio", refund), Line(TILL[payment["provider"]], -refund)], actor, currency=currency,
            reference=Reference("payment", str(payment_id)),
        )
        await outbox.emit(conn, "payment.refunded", "payment", payment_id,
                          {"payment_id": str(payment_id), "reservation_id": str(reservation_id),
                           "amount": f"{refund:.2f}", "currency": currency, "provider": payment["provider"]})
        receipt = RefundReceipt(payment_id, reservation_id, refund, already + refund, PAYMENT.transitions[
            payment["status"], action], await ledger.folio_balance(conn, reservation_id))
        return 201, asdict(receipt)

    request = {"reservation_id": reservation_id, "payment_id": payment_id, "amount": str(amount), "reason": reason}
    stored = await run_once(services.db, "refunds", idempotency_key, request, operation)
    return _receipt(RefundReceipt, stored.body, replayed=stored.replayed)


async def refunded_so_far(conn: asyncpg.Connection, payment_id: UUID) -> Decimal:
    total = await conn.fetchval(
        """SELECT coalesce(sum(e.amount), 0) FROM ledger_entries e
           JOIN ledger_transactions t ON t.id = e.transaction_id
           WHERE t.kind = 'refund' AND e.account = 'guest_folio'
             AND e.reference_type = 'payment' AND e.reference_id = $1""",
        str(payment_id),
    )
    return Decimal(total)


def _receipt(kind: type[Any], body: dict[str, Any], *, replayed: bool) -> Any:
    """Rebuild a receipt from the (possibly replayed, JSON-stored) response body."""
    values = dict(body, replayed=replayed)
    for name in ("payment_id", "reservation_id"):
        values[name] = UUID(str(values[name]))
    for name in ("amount", "balance", "refunded_total"):
        if name in values:
            values[name] = Decimal(str(values[name]))
    return kind(**values)
