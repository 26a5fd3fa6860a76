"""A payment link for a hold or a booking with a balance due: the first step of the booking saga.

``create_payment_link`` is what the phone agent calls at the end of a booking call and what
``POST /api/v1/reservations/{id}/payment-link`` runs. Three steps, each safe to repeat:

1. one transaction stores the payment (``initiated``) under the idempotency key, *before* the
   provider is called, so a retry or a crash never makes a second payment;
2. the provider creates its session (outside any transaction: it is a network call);
3. one transaction stores the session and queues ``payment.link_created`` (the SMS goes from the
   outbox). A session whose URL never reached step 3 was never shown to anyone, so nobody can pay it.

A reservation has at most one open link per provider: asking again returns the same link.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from decimal import Decimal
from typing import Any
from uuid import UUID

import asyncpg

from backoffice import outbox
from backoffice.audit import Actor
from backoffice.errors import (
    Conflict,
    IdempotencyKeyRequired,
    IdempotencyKeyReused,
    InvalidTransition,
    NotFound,
    PaymentProviderError,
    ValidationFailed,
)
from backoffice.payment_providers.base import PROVIDERS, Gateway, Order
from backoffice.payment_states import PAYMENT, net_paid, record_event
from backoffice.services import Services
from backoffice.statemachine import transition

log = logging.getLogger(__name__)
SYSTEM = Actor.system("payments")


@dataclass(frozen=True)
class PaymentLink:
    payment_id: UUID
    url: str
    amount: Decimal
    currency: str
    status: str
    provider: str
    replayed: bool = False


def gateway_for(services: Services, provider: str) -> Gateway:
    if provider not in PROVIDERS:
        raise ValidationFailed(f"provider must be one of {', '.join(PROVIDERS)}", field="provider")
    gateway = services.payments.gateways.get(provider)
    if gateway is None:
        raise ValidationFailed(f"{provider} is not configured on this server", field="provider")
    return gateway


async def create_payment_link(
    services: Services, reservation_id: UUID, provider: str, actor: Actor, idempotency_key: str | None,
) -> PaymentLink:
    """A link the guest pays by; once per idempotency key, and one open link per provider."""
    gateway = gateway_for(services, provider)
    if not idempotency_key:
        raise IdempotencyKeyRequired("send an Idempotency-Key so a retry cannot make a second payment",
                                     field="Idempotency-Key")
    if len(idempotency_key) > 255:
        raise ValidationFailed("Idempotency-Key must be 1 to 255 characters", field="Idempotency-Key")
    async with services.db.transaction() as tx:
        payment, link = await _claim(tx, services, reservation_id, provider, actor, f"link:{idempotency_key}")
    if link is not None:
        return link
    order = Order(payment["id"], payment["amount"], payment["currency"].strip(),
                  f"Booking {payment['confirmation_code']}", payment["phone"], payment["guest_name"],
                  services.payments.callback_base)
    try:
        created = await gateway.create(order)
    except PaymentProviderError as refused:
        await _creation_failed(services, payment["id"], provider, refused)
        raise
    async with services.db.transaction() as tx:
        return await _store_session(tx, payment, provider, created.external_id, created.url, dict(created.raw))


async def _claim(
    tx: asyncpg.Connection, services: Services, reservation_id: UUID, provider: str, actor: Actor, key: str,
) -> tuple[dict[str, Any], PaymentLink | None]:
    """Step 1: the payment row for this key (found or made); the link too when it already exists.

    A payment found by its key is read without a lock (the callback path locks payment, then
    reservation; locking them the other way round here could deadlock with it).
    """
    reservation = await tx.fetchrow(
        """SELECT r.*, g.name AS guest_name, g.phone AS guest_phone FROM reservations r
           JOIN guests g ON g.id = r.guest_id WHERE r.id = $1""", reservation_id)
    if reservation is None:
        raise NotFound(f"reservation {reservation_id} not found")
    extra = {"confirmation_code": reservation["confirmation_code"], "guest_name": reservation["guest_name"],
             "phone": reservation["guest_phone"]}
    existing = await tx.fetchrow("SELECT * FROM payments WHERE idempotency_key = $1", key)
    if existing is None:
        await tx.execute("SELECT 1 FROM reservations WHERE id = $1 FOR UPDATE", reservation_id)
        row, existing = await _new_payment(tx, services, reservation, provider, actor, key)
        if row is not None:
            return dict(row) | extra, (_link(row, replayed=True) if row["payment_url"] else None)
    assert existing is not None
    if existing["reservation_id"] != reservation_id or existing["provider"] != provider:
        raise IdempotencyKeyReused("this Idempotency-Key was used for another payment link", field="Idempotency-Key")
    if existing["payment_url"] is not None:
        return dict(existing) | extra, _link(existing, replayed=True)
    if existing["status"] != "initiated":
        raise PaymentProviderError(f"the provider refused this link earlier ({existing['status']}); "
                                   "ask again with a new Idempotency-Key", provider=provider)
    return dict(existing) | extra, None  # stored, but the provider never answered: ask it again


async def _new_payment(
    tx: asyncpg.Connection, services: Services, reservation: asyncpg.Record, provider: str, actor: Actor, key: str,
) -> tuple[asyncpg.Record | None, asyncpg.Record | None]:
    """(the payment to use, None), or (None, the payment a concurrent request made under the same key)."""
    fresh = await tx.fetchrow("SELECT status, hold_expires_at FROM reservations WHERE id = $1", reservation["id"])
    assert fresh is not None
    _require_payable(fresh, services)
    open_link = await tx.fetchrow(
        """SELECT * FROM payments WHERE reservation_id = $1 AND provider = $2 AND status = 'initiated'
           AND payment_url IS NOT NULL ORDER BY created_at DESC LIMIT 1""", reservation["id"], provider)
    if open_link is not None:
        return open_link, None
    due = reservation["amount"] - await net_paid(tx, reservation["id"])
    if due <= 0:
        raise Conflict(f"reservation {reservation['confirmation_code']} has nothing left to pay", field="id")
    row = await tx.fetchrow(
        """INSERT INTO payments (reservation_id, provider, amount, currency, status, idempotency_key, taken_by,
                                 taken_by_actor, created_at, updated_at)
           VALUES ($1, $2, $3, $4, 'initiated', $5, $6, $7, $8, $8)
           ON CONFLICT (idempotency_key) DO NOTHING RETURNING *""",
        reservation["id"], provider, due, reservation["currency"].strip(), key, actor.user_id, actor.label,
        services.now(),
    )
    if row is None:
        return None, await tx.fetchrow("SELECT * FROM payments WHERE idempotency_key = $1", key)
    await record_event(tx, row["id"], provider, "created", {"amount": due, "by": actor.label})
    return row, None


def _require_payable(reservation: asyncpg.Record, services: Services) -> None:
    status = reservation["status"]
    expires = reservation["hold_expires_at"]
    if status == "hold" and expires is not None and expires <= services.now():
        raise InvalidTransition(f"the hold ran out at {expires.isoformat()}; book again",
                                current_state=status, action="pay")
    if status not in ("hold", "confirmed", "checked_in"):
        raise InvalidTransition(f"a reservation that is {status.replace('_', ' ')} cannot be paid by link",
                                current_state=status, action="pay")


async def _store_session(
    tx: asyncpg.Connection, payment: dict[str, Any], provider: str, external_id: str, url: str, raw: dict[str, Any],
) -> PaymentLink:
    """Step 3: keep the provider's session and queue the SMS, unless a concurrent retry already did."""
    current = await tx.fetchrow("SELECT * FROM payments WHERE id = $1 FOR UPDATE", payment["id"])
    assert current is not None
    if current["payment_url"] is not None:
        return _link(current, replayed=True)
    row = await tx.fetchrow(
        """UPDATE payments SET external_id = $2, payment_url = $3, provider_response = $4, updated_at = now()
           WHERE id = $1 RETURNING *""", payment["id"], external_id, url, raw)
    await record_event(tx, payment["id"], provider, "link_created", {"external_id": external_id, "url": url})
    await outbox.emit(tx, "payment.link_created", "payment", payment["id"], {
        "payment_id": str(payment["id"]), "reservation_id": str(payment["reservation_id"]),
        "confirmation_code": payment["confirmation_code"], "guest_name": payment["guest_name"],
        "phone": payment["phone"], "url": url, "amount": f"{payment['amount']:.2f}",
        "currency": payment["currency"].strip(), "provider": provider,
    })
    return _link(row, replayed=False)


async def _creation_failed(services: Services, payment_id: UUID, provider: str, error: PaymentProviderError) -> None:
    """A provider that refused (or answered unsigned) fails the payment; a timeout leaves it for a retry."""
    log.warning("%s refused to create payment %s: %s", provider, payment_id, error.detail)
    async with services.db.transaction() as tx:
        await record_event(tx, payment_id, provider, "create_failed",
                           {"error": error.detail, "problem": error.type_uri})
        if not error.extra.get("retryable"):
            await transition(services.db, PAYMENT, payment_id, "fail", SYSTEM, conn=tx)


def _link(row: asyncpg.Record | dict[str, Any], *, replayed: bool) -> PaymentLink:
    return PaymentLink(row["id"], row["payment_url"], row["amount"], row["currency"].strip(), row["status"],
                       row["provider"], replayed)
