"""The booking saga after the link: the provider's word confirms the booking, refunds reverse it.

Every path that can learn of a payment (the browser's redirect, the provider's IPN, the
reconciliation job) ends in ``apply_status`` with what the provider's *own API* said, never what a
redirect or notification claimed. ``apply_status`` runs in one transaction under the payment's
row lock, so 20 concurrent callbacks post one capture (and a unique index on the ledger refuses a
second one anyway):

- paid, amount / currency / reference as we asked: capture (Dr wallet_clearing, Cr guest_folio)
  and, for a hold still running, confirm it (``reservation.confirmed`` in the same transaction);
- paid, but the hold ran out, the room was released, or the booking was already paid: the money
  is recorded, the payment is marked for staff and refunded in full (``payment.refunded``); it
  never confirms a released room;
- paid with a different amount, currency or reference: rejected, logged, audited, flagged;
- failed / cancelled / expired: the waiting payment follows; a stale word after a capture is ignored.

Refunds are requested (a committed ``payment_refunds`` row) before the provider is called, with
our refund id as the provider's reference, so a crash in between is finished by reconciliation
and never refunds twice.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from decimal import Decimal
from typing import Any, Literal
from uuid import UUID

import asyncpg

from backoffice import audit, ledger, outbox, reservations
from backoffice.audit import Actor
from backoffice.errors import (
    IdempotencyKeyReused,
    InvalidTransition,
    NotFound,
    PaymentProviderError,
    ValidationFailed,
)
from backoffice.ledger import Line, Reference
from backoffice.payment_links import gateway_for
from backoffice.payment_providers.base import Gateway, Notification, PaymentRef, ProviderStatus, SignatureInvalid
from backoffice.payment_states import CAPTURED, PAYMENT, PROVIDER_ACTIONS, WALLETS, net_paid, record_event
from backoffice.services import Services
from backoffice.statemachine import transition

log = logging.getLogger(__name__)
SAGA = Actor.system("payments")
RECONCILER = Actor.system("payment-reconciler")
Outcome = Literal["captured", "captured_late", "duplicate", "rejected", "closed", "pending", "ignored"]


@dataclass(frozen=True)
class Applied:
    payment_id: UUID
    outcome: Outcome
    payment_status: str
    reservation_id: UUID
    reservation_status: str
    confirmation_code: str


# --- notifications ------------------------------------------------------------------------------


async def handle_notification(
    services: Services, provider: str, kind: str, fields: Mapping[str, str], body: bytes = b"",
) -> Applied | None:
    """A callback or IPN: check its signature, find the payment, ask the provider, apply the answer.
    None: it was bKash's signed SNS subscription request, now confirmed."""
    gateway = gateway_for(services, provider)
    try:
        notification = gateway.parse_notification(kind, fields, body)
        await gateway.authenticate_notification(notification)
    except SignatureInvalid as bad:
        log.warning("%s %s rejected: %s", provider, kind, bad.detail)
        await record_event(services.db.pool, None, provider, f"{kind}_rejected",
                           {"reason": bad.detail, "fields": dict(fields), "body": body.decode(errors="replace")})
        raise
    if notification.kind == "subscription":  # bKash's SNS topic asks us to subscribe (once, at set-up)
        confirm = getattr(gateway, "confirm_subscription", None)
        if confirm is None:
            raise SignatureInvalid(f"{provider} sends no subscriptions", provider=provider)
        await confirm(notification)
        await record_event(services.db.pool, None, provider, "ipn_subscribed", dict(notification.raw["envelope"]))
        return None
    payment = await _find(services.db.pool, provider, notification)
    await record_event(services.db.pool, payment["id"], provider, f"{kind}_received",
                       {"claimed": notification.claimed, "fields": dict(fields) or dict(notification.raw)})
    status = await gateway.confirm(_ref(payment), notification)
    return await apply_status(services, payment["id"], status, source=kind)


async def _find(pool: asyncpg.Pool, provider: str, notification: Notification) -> asyncpg.Record:
    row = None
    if notification.payment_id is not None:
        row = await pool.fetchrow("SELECT * FROM payments WHERE id = $1 AND provider = $2",
                                  notification.payment_id, provider)
    if row is None and notification.external_id:
        row = await pool.fetchrow("SELECT * FROM payments WHERE provider = $1 AND external_id = $2",
                                  provider, notification.external_id)
    if row is None:
        await record_event(pool, None, provider, f"{notification.kind}_unknown", {"raw": dict(notification.raw)})
        raise NotFound(f"no {provider} payment matches this {notification.kind}")
    return row


def _ref(payment: Mapping[str, Any]) -> PaymentRef:
    return PaymentRef(payment["id"], payment["external_id"], payment["amount"], payment["currency"].strip(),
                      payment["provider_txn_id"], payment["provider_state"] or {})


# --- applying the provider's word ---------------------------------------------------------------


async def apply_status(services: Services, payment_id: UUID, status: ProviderStatus, *, source: str) -> Applied:
    """Apply what the provider's API said, once, under the payment's lock; refund late money after."""
    async with services.db.transaction() as tx:
        payment = await tx.fetchrow("SELECT * FROM payments WHERE id = $1 FOR UPDATE", payment_id)
        if payment is None:
            raise NotFound(f"payment {payment_id} not found")
        reservation = await tx.fetchrow("SELECT * FROM reservations WHERE id = $1 FOR UPDATE",
                                        payment["reservation_id"])
        assert reservation is not None
        outcome = await _apply(tx, services, payment, reservation, status, source)
        after = await tx.fetchrow(
            """SELECT p.status, r.status AS reservation_status, r.confirmation_code FROM payments p
               JOIN reservations r ON r.id = p.reservation_id WHERE p.id = $1""", payment_id)
    if outcome == "rejected":
        await audit.record(services.db.pool, SAGA, "payment.capture", "payment", payment_id,
                           new={"refused": "provider's answer does not match the payment", "source": source,
                                "said": _said(status)}, outcome="refused")
    if outcome == "captured_late":
        await refund_late_payment(services, payment_id)
        after = await services.db.pool.fetchrow(
            """SELECT p.status, r.status AS reservation_status, r.confirmation_code FROM payments p
               JOIN reservations r ON r.id = p.reservation_id WHERE p.id = $1""", payment_id)
    assert after is not None
    return Applied(payment_id, outcome, after["status"], payment["reservation_id"], after["reservation_status"],
                   after["confirmation_code"])


async def _apply(
    tx: asyncpg.Connection, services: Services, payment: asyncpg.Record, reservation: asyncpg.Record,
    status: ProviderStatus, source: str,
) -> Outcome:
    provider = payment["provider"]
    if status.state != "paid":
        action = PROVIDER_ACTIONS.get(status.state)
        if action is None or payment["status"] != "initiated":
            kind = "pending" if action is None else "stale"
            await record_event(tx, payment["id"], provider, kind, {"source": source, "said": _said(status)})
            return "pending" if action is None else "ignored"
        await transition(services.db, PAYMENT, payment["id"], action, SAGA, conn=tx)
        await record_event(tx, payment["id"], provider, status.state, {"source": source, "said": _said(status)})
        return "closed"
    problem = _mismatch(payment, status)
    if problem:
        log.warning("%s payment %s rejected (%s): %s", provider, payment["id"], source, problem)
        await record_event(tx, payment["id"], provider, "rejected",
                           {"source": source, "reason": problem, "said": _said(status)})
        await tx.execute("UPDATE payments SET attention = $2 WHERE id = $1", payment["id"], f"rejected: {problem}")
        return "rejected"
    if payment["status"] in CAPTURED:
        await record_event(tx, payment["id"], provider, "duplicate", {"source": source})
        return "duplicate"
    paid_before = await net_paid(tx, reservation["id"])
    late_reason = _late_reason(services, reservation, paid_before)
    action = "capture" if payment["status"] == "initiated" else "capture_late"
    await transition(
        services.db, PAYMENT, payment["id"], action, SAGA, conn=tx,
        changes={"captured_at": services.now(), "provider_txn_id": status.txn_id or payment["provider_txn_id"],
                 "provider_state": dict(payment["provider_state"] or {}) | dict(status.keep),
                 "attention": f"late: {late_reason}" if late_reason else None},
    )
    amount, currency = payment["amount"], payment["currency"].strip()
    await ledger.post(
        tx, reservation["id"], "payment", f"{provider} payment for {reservation['confirmation_code']}",
        [Line("wallet_clearing", amount), Line("guest_folio", -amount)], SAGA, currency=currency,
        reference=Reference("payment", str(payment["id"])), metadata={"provider": provider, "txn_id": status.txn_id},
    )
    await record_event(tx, payment["id"], provider, "captured", {"source": source, "txn_id": status.txn_id})
    if late_reason:
        log.warning("%s payment %s arrived late (%s); refunding it", provider, payment["id"], late_reason)
        await record_event(tx, payment["id"], provider, "late", {"reason": late_reason})
        return "captured_late"
    if reservation["status"] == "hold":
        await reservations.confirm_in(tx, services, reservation["id"], SAGA)
        await record_event(tx, payment["id"], provider, "reservation_confirmed",
                           {"reservation_id": reservation["id"]})
    return "captured"


def _mismatch(payment: asyncpg.Record, status: ProviderStatus) -> str | None:
    currency = payment["currency"].strip()
    if status.payment_id is not None and status.payment_id != payment["id"]:
        return f"the provider's answer is for payment {status.payment_id}"
    if status.amount is None or status.amount != payment["amount"]:
        return f"amount {status.amount} differs from {payment['amount']}"
    if status.currency is None or status.currency != currency:
        return f"currency {status.currency} differs from {currency}"
    return None


def _late_reason(services: Services, reservation: asyncpg.Record, paid_before: Decimal) -> str | None:
    """Why this money may not confirm or pay the reservation (None: it may)."""
    status = reservation["status"]
    if status == "hold":
        expires = reservation["hold_expires_at"]
        if expires is not None and expires <= services.now():
            return f"the hold ran out at {expires.isoformat()}"
    elif status not in ("confirmed", "checked_in"):
        return f"the reservation is {status.replace('_', ' ')}"
    if paid_before >= reservation["amount"]:
        return "the reservation was already paid"
    return None


def _said(status: ProviderStatus) -> dict[str, Any]:
    return {"state": status.state, "payment_id": status.payment_id, "amount": status.amount,
            "currency": status.currency, "txn_id": status.txn_id}


# --- refunds ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class WalletRefund:
    refund_id: UUID
    payment_id: UUID
    reservation_id: UUID
    amount: Decimal
    refunded_total: Decimal
    payment_status: str
    balance: Decimal
    replayed: bool = False


async def refund_wallet_payment(
    services: Services, payment_id: UUID, amount: Decimal, reason: str, actor: Actor, idempotency_key: str | None,
) -> WalletRefund:
    """Refund (part of) a wallet payment through its provider; never more than was captured."""
    async with services.db.transaction() as tx:
        refund, replayed = await _request_refund(tx, payment_id, amount, reason, actor, idempotency_key)
    if refund["status"] == "requested":
        await _send_refund(services, refund["id"])
    return await _refund_receipt(services, refund["id"], replayed=replayed)


async def _request_refund(
    tx: asyncpg.Connection, payment_id: UUID, amount: Decimal, reason: str, actor: Actor, key: str | None,
) -> tuple[asyncpg.Record, bool]:
    payment = await tx.fetchrow("SELECT * FROM payments WHERE id = $1 FOR UPDATE", payment_id)
    if payment is None:
        raise NotFound(f"payment {payment_id} not found")
    if key is not None:
        existing = await tx.fetchrow("SELECT * FROM payment_refunds WHERE idempotency_key = $1", key)
        if existing is not None:
            if existing["payment_id"] != payment_id or existing["amount"] != amount:
                raise IdempotencyKeyReused("this Idempotency-Key was used for another refund", field="Idempotency-Key")
            return existing, True
    if payment["status"] not in ("paid", "partially_refunded"):
        raise InvalidTransition(f"cannot refund a payment that is {payment['status'].replace('_', ' ')}",
                                current_state=payment["status"], action="refund")
    committed = await tx.fetchval(
        "SELECT coalesce(sum(amount), 0) FROM payment_refunds WHERE payment_id = $1 AND status <> 'failed'",
        payment_id)
    left = payment["amount"] - committed
    if amount <= 0 or amount > left:
        raise ValidationFailed(f"at most {left} {payment['currency'].strip()} of this payment can be refunded",
                               field="amount", refundable=str(left))
    refund = await tx.fetchrow(
        """INSERT INTO payment_refunds (payment_id, amount, status, reason, idempotency_key, requested_by)
           VALUES ($1, $2, 'requested', $3, $4, $5) RETURNING *""", payment_id, amount, reason, key, actor.label)
    await record_event(tx, payment_id, payment["provider"], "refund_requested",
                       {"refund_id": refund["id"], "amount": amount, "by": actor.label, "reason": reason})
    return refund, False


async def _send_refund(services: Services, refund_id: UUID) -> None:
    """Ask the provider, then book the answer. A timeout leaves the request for reconciliation."""
    row = await services.db.pool.fetchrow(
        """SELECT f.*, p.provider, p.external_id, p.amount AS paid, p.currency, p.provider_txn_id, p.provider_state,
                  p.id AS pid FROM payment_refunds f JOIN payments p ON p.id = f.payment_id WHERE f.id = $1""",
        refund_id)
    assert row is not None
    gateway: Gateway = gateway_for(services, row["provider"])
    ref = PaymentRef(row["pid"], row["external_id"], row["paid"], row["currency"].strip(), row["provider_txn_id"],
                     row["provider_state"] or {})
    try:
        done = await gateway.refund(ref, refund_id, row["amount"], row["reason"])
    except PaymentProviderError as refused:
        retryable = bool(refused.extra.get("retryable"))
        async with services.db.transaction() as tx:
            await record_event(tx, row["pid"], row["provider"], "refund_pending" if retryable else "refund_failed",
                               {"refund_id": refund_id, "error": refused.detail})
            if not retryable:
                await tx.execute("UPDATE payment_refunds SET status = 'failed', updated_at = now() "
                                 "WHERE id = $1 AND status = 'requested'", refund_id)
        raise
    await _finish_refund(services, refund_id, done.provider_ref, dict(done.raw))


async def _finish_refund(services: Services, refund_id: UUID, provider_ref: str, raw: dict[str, Any]) -> None:
    async with services.db.transaction() as tx:
        row = await tx.fetchrow("SELECT payment_id FROM payment_refunds WHERE id = $1", refund_id)
        assert row is not None
        payment = await tx.fetchrow("SELECT * FROM payments WHERE id = $1 FOR UPDATE", row["payment_id"])
        refund = await tx.fetchrow("SELECT * FROM payment_refunds WHERE id = $1 FOR UPDATE", refund_id)
        assert payment is not None and refund is not None
        if refund["status"] != "requested":
            return  # a concurrent retry booked it already
        await tx.execute(
            """UPDATE payment_refunds SET status = 'completed', provider_ref = $2, provider_response = $3,
                      updated_at = now() WHERE id = $1""", refund_id, provider_ref, raw)
        done = await tx.fetchval(
            "SELECT coalesce(sum(amount), 0) FROM payment_refunds WHERE payment_id = $1 AND status = 'completed'",
            payment["id"])
        action = "refund_all" if done >= payment["amount"] else "refund_part"
        await transition(services.db, PAYMENT, payment["id"], action, SAGA, conn=tx)
        currency = payment["currency"].strip()
        await ledger.post(
            tx, payment["reservation_id"], "refund", f"Refund of {payment['provider']} payment: {refund['reason']}",
            [Line("guest_folio", refund["amount"]), Line("wallet_clearing", -refund["amount"])], SAGA,
            currency=currency, reference=Reference("payment", str(payment["id"])),
        )
        await record_event(tx, payment["id"], payment["provider"], "refunded",
                           {"refund_id": refund_id, "amount": refund["amount"], "provider_ref": provider_ref})
        await outbox.emit(tx, "payment.refunded", "payment", payment["id"], {
            "payment_id": str(payment["id"]), "reservation_id": str(payment["reservation_id"]),
            "amount": f"{refund['amount']:.2f}", "currency": currency, "provider": payment["provider"],
        })


async def _refund_receipt(services: Services, refund_id: UUID, *, replayed: bool) -> WalletRefund:
    row = await services.db.pool.fetchrow(
        """SELECT f.id, f.payment_id, f.amount, p.reservation_id, p.status,
                  (SELECT coalesce(sum(amount), 0) FROM payment_refunds WHERE payment_id = p.id
                   AND status = 'completed') AS refunded
           FROM payment_refunds f JOIN payments p ON p.id = f.payment_id WHERE f.id = $1""", refund_id)
    assert row is not None
    balance = await ledger.folio_balance(services.db.pool, row["reservation_id"])
    return WalletRefund(row["id"], row["payment_id"], row["reservation_id"], row["amount"], row["refunded"],
                        row["status"], balance, replayed)


async def refund_late_payment(services: Services, payment_id: UUID) -> None:
    """Give back money that came too late; if the provider will not, it stays flagged for staff."""
    payment = await services.db.pool.fetchrow("SELECT * FROM payments WHERE id = $1", payment_id)
    assert payment is not None
    try:
        await refund_wallet_payment(services, payment_id, payment["amount"], "late payment: the hold had ended",
                                    SAGA, f"late-refund:{payment_id}")
    except (PaymentProviderError, ValidationFailed, InvalidTransition) as failed:
        log.warning("late payment %s not refunded yet (%s); flagged for staff", payment_id, failed.detail)
        await services.db.pool.execute(
            "UPDATE payments SET attention = $2 WHERE id = $1", payment_id,
            f"{payment['attention']}; refund failed: {failed.detail}")


# --- reconciliation -----------------------------------------------------------------------------


async def reconcile(services: Services, *, limit: int = 100) -> int:
    """Poll the provider for every wallet payment left waiting; returns how many changed.

    Also closes the links of holds that ended (after asking the provider: money that did arrive is
    recorded and refunded, never lost), drops links whose session never reached us, finishes
    refunds a crash interrupted, and retries refunds of late money.
    """
    now = services.now()
    settings = services.payments
    rows = await services.db.pool.fetch(
        """SELECT p.*, r.status AS reservation_status, r.hold_expires_at FROM payments p
           JOIN reservations r ON r.id = p.reservation_id
           WHERE p.status = 'initiated' AND p.provider = ANY($1::text[])
             AND (p.created_at <= $2 OR r.status NOT IN ('hold', 'confirmed', 'checked_in')
                  OR (r.status = 'hold' AND r.hold_expires_at <= $3))
           ORDER BY p.created_at LIMIT $4""",
        sorted(WALLETS), now - settings.reconcile_after, now, limit)
    changed = 0
    for payment in rows:
        changed += await _reconcile_one(services, payment)
    changed += await _retry_refunds(services, limit)
    return changed


async def _reconcile_one(services: Services, payment: asyncpg.Record) -> int:
    gateway = services.payments.gateways.get(payment["provider"])
    if gateway is None:
        return 0
    if payment["external_id"] is None:
        if payment["created_at"] <= services.now() - services.payments.unsent_link_expiry:
            await transition(services.db, PAYMENT, payment["id"], "expire", RECONCILER)
            return 1
        return 0
    try:
        status = await gateway.confirm(_ref(payment), None)
    except PaymentProviderError as unavailable:
        log.info("reconciling %s payment %s: %s", payment["provider"], payment["id"], unavailable.detail)
        return 0
    applied = await apply_status(services, payment["id"], status, source="reconciliation")
    if applied.outcome != "pending":
        return 1
    ended = payment["reservation_status"] not in ("hold", "confirmed", "checked_in") or (
        payment["reservation_status"] == "hold" and payment["hold_expires_at"] <= services.now())
    if not ended:
        return 0
    # The hold is over and the provider has no money for it: the link is dead.
    action = "cancel" if payment["reservation_status"] == "cancelled" else "expire"
    try:
        await transition(services.db, PAYMENT, payment["id"], action, RECONCILER)
    except InvalidTransition:
        return 0  # a callback got there first
    await record_event(services.db.pool, payment["id"], payment["provider"], f"link_{action}d",
                       {"reservation_status": payment["reservation_status"]})
    return 1


async def _retry_refunds(services: Services, limit: int) -> int:
    cutoff = services.now() - services.payments.reconcile_after
    retried = 0
    for row in await services.db.pool.fetch(
            "SELECT id FROM payment_refunds WHERE status = 'requested' AND created_at <= $1 ORDER BY created_at "
            "LIMIT $2", cutoff, limit):
        try:
            await _send_refund(services, row["id"])
            retried += 1
        except PaymentProviderError:
            continue
    for row in await services.db.pool.fetch(
            """SELECT p.id FROM payments p WHERE p.status = 'paid' AND p.attention LIKE 'late:%'
               AND NOT EXISTS (SELECT 1 FROM payment_refunds f WHERE f.payment_id = p.id AND f.status <> 'failed')
               LIMIT $1""", limit):
        await refund_late_payment(services, row["id"])
        retried += 1
    return retried


# --- reading ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PaymentEvent:
    kind: str
    detail: dict[str, Any]
    created_at: Any


@dataclass(frozen=True)
class PaymentView:
    id: UUID
    reservation_id: UUID
    provider: str
    status: str
    amount: Decimal
    currency: str
    refunded_amount: Decimal
    url: str | None
    attention: str | None
    created_at: Any
    events: list[PaymentEvent]

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


async def get_payment(conn: asyncpg.Connection | asyncpg.Pool, payment_id: UUID) -> PaymentView:
    row = await conn.fetchrow("SELECT * FROM payments WHERE id = $1", payment_id)
    if row is None:
        raise NotFound(f"payment {payment_id} not found")
    refunded = await conn.fetchval(
        """SELECT coalesce(sum(e.amount), 0) FROM ledger_entries e
           WHERE e.transaction_type = 'refund' AND e.account = 'guest_folio'
             AND e.reference_type = 'payment' AND e.reference_id = $1""", str(payment_id))
    events = await conn.fetch("SELECT kind, detail, created_at FROM payment_events WHERE payment_id = $1 ORDER BY id",
                              payment_id)
    return PaymentView(row["id"], row["reservation_id"], row["provider"], row["status"], row["amount"],
                       row["currency"].strip(), ledger.money(refunded), row["payment_url"], row["attention"],
                       row["created_at"], [PaymentEvent(e["kind"], e["detail"], e["created_at"]) for e in events])


async def list_payments(
    conn: asyncpg.Connection | asyncpg.Pool, *, reservation_id: UUID | None = None, needs_attention: bool = False,
    limit: int = 100,
) -> list[PaymentView]:
    """Payments of a reservation, or those flagged for staff (late money, rejected answers), newest first."""
    rows = await conn.fetch(
        """SELECT id FROM payments WHERE ($1::uuid IS NULL OR reservation_id = $1)
             AND (NOT $2 OR attention IS NOT NULL) ORDER BY created_at DESC LIMIT $3""",
        reservation_id, needs_attention, max(1, min(limit, 500)))
    return [await get_payment(conn, row["id"]) for row in rows]
