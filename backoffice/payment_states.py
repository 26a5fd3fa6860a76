"""The payment lifecycle as a transition table, and the small reads every payment command shares.

initiated -> paid -> partially_refunded -> refunded (a wallet link), or initiated -> failed /
cancelled / expired. Money that arrives for a link already failed, cancelled or expired is still
money received: ``capture_late`` records it (and the saga refunds it or flags it for staff).
Desk payments (cash, card) are born ``paid``.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any, Final
from uuid import UUID

import asyncpg

from backoffice.statemachine import StateMachine

WALLETS: Final = frozenset({"bkash", "nagad", "sslcommerz"})
CAPTURED: Final = frozenset({"paid", "partially_refunded", "refunded"})

PAYMENT: Final = StateMachine(
    entity="payment",
    table="payments",
    transitions={
        ("initiated", "capture"): "paid",
        ("initiated", "fail"): "failed",
        ("initiated", "cancel"): "cancelled",
        ("initiated", "expire"): "expired",
        ("failed", "capture_late"): "paid",
        ("cancelled", "capture_late"): "paid",
        ("expired", "capture_late"): "paid",
        ("paid", "refund_part"): "partially_refunded",
        ("paid", "refund_all"): "refunded",
        ("partially_refunded", "refund_part"): "partially_refunded",
        ("partially_refunded", "refund_all"): "refunded",
    },
)
# What the provider's word does to a payment still waiting for it.
PROVIDER_ACTIONS: Final = {"failed": "fail", "cancelled": "cancel", "expired": "expire"}


async def net_paid(conn: asyncpg.Connection | asyncpg.Pool, reservation_id: UUID) -> Decimal:
    """Payments on the folio less their refunds: what the guest has paid for this reservation so far."""
    total = await conn.fetchval(
        """SELECT coalesce(-sum(e.amount), 0) FROM ledger_entries e
           WHERE e.reservation_id = $1 AND e.account = 'guest_folio'
             AND e.transaction_type IN ('payment', 'refund')""",
        reservation_id,
    )
    return Decimal(total)


async def record_event(
    conn: asyncpg.Connection | asyncpg.Pool, payment_id: UUID | None, provider: str, kind: str,
    detail: dict[str, Any] | None = None,
) -> None:
    """One line of a payment's history (GET /api/v1/payments/{id} lists them)."""
    await conn.execute(
        "INSERT INTO payment_events (payment_id, provider, kind, detail) VALUES ($1, $2, $3, $4)",
        payment_id, provider, kind, json.loads(json.dumps(detail or {}, default=str)),
    )
