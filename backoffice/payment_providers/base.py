"""What every wallet gateway offers the payment saga, and the HTTP it is given to do so.

The gateways speak each provider's wire protocol (payloads, signatures, hashes) but own no sockets:
the composition root hands them an ``HttpClient`` (``agent.http_client`` wraps aiohttp), so the
back office imports no HTTP library and tests can point a gateway at a local simulator.

A gateway never decides that money moved from what a browser says: ``confirm`` and ``status`` end
in the provider's own execute / verify / validation API, and return what that API said.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any, Literal, Protocol
from uuid import UUID

from backoffice.errors import PaymentProviderError

ProviderName = Literal["bkash", "nagad", "sslcommerz"]
PROVIDERS: tuple[ProviderName, ...] = ("bkash", "nagad", "sslcommerz")
# What the provider says about a payment, in our words.
ProviderState = Literal["paid", "pending", "failed", "cancelled", "expired"]


@dataclass(frozen=True)
class HttpReply:
    status: int
    body: bytes
    headers: Mapping[str, str] = field(default_factory=dict)

    def json(self) -> Any:
        try:
            return json.loads(self.body)
        except ValueError:
            raise PaymentProviderError(f"provider answered {self.status} with a body that is not JSON") from None


class HttpClient(Protocol):
    """The HTTP a gateway needs. Connection errors and timeouts raise ``PaymentProviderError``."""

    async def request(
        self, method: str, url: str, *, headers: Mapping[str, str] | None = None, json_body: Any = None,
        form: Mapping[str, str] | None = None, params: Mapping[str, str] | None = None, timeout_s: float = 30.0,
    ) -> HttpReply: ...


@dataclass(frozen=True)
class Order:
    """One payment as the provider needs it: our payment id is the invoice / order / tran id."""

    payment_id: UUID
    amount: Decimal
    currency: str
    description: str
    payer_phone: str | None
    payer_name: str
    callback_base: str  # our public URL; callbacks go to {callback_base}/payments/{provider}/...


@dataclass(frozen=True)
class Created:
    external_id: str  # bKash paymentID, Nagad paymentReferenceId, SSLCommerz sessionkey
    url: str  # where the guest pays
    raw: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class PaymentRef:
    """What we stored about a payment, handed back to the gateway for status and refunds."""

    payment_id: UUID
    external_id: str | None
    amount: Decimal
    currency: str
    provider_txn_id: str | None
    state: Mapping[str, Any]  # provider_state: val_id, ... whatever the gateway stored


@dataclass(frozen=True)
class ProviderStatus:
    """The provider's answer from its own API (never from a redirect)."""

    state: ProviderState
    payment_id: UUID | None  # the invoice / order / tran id the provider echoes back
    amount: Decimal | None
    currency: str | None
    txn_id: str | None = None
    keep: Mapping[str, Any] = field(default_factory=dict)  # ids to store for refunds (val_id, ...)
    raw: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Notification:
    """A callback or IPN after its signature / hash was checked, before the provider API is asked."""

    external_id: str | None
    payment_id: UUID | None
    kind: str  # 'callback' (browser redirect) or 'ipn'
    claimed: str  # what it says happened, kept for the record only
    raw: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class RefundDone:
    provider_ref: str
    raw: Mapping[str, Any] = field(default_factory=dict)


class Gateway(Protocol):
    name: ProviderName

    async def create(self, order: Order) -> Created: ...

    def parse_notification(self, kind: str, fields: Mapping[str, str], body: bytes) -> Notification:
        """Check the notification's own signature or hash; raise ``SignatureInvalid`` if it fails."""
        ...

    async def authenticate_notification(self, notification: Notification) -> None:
        """Checks that need the network (bKash's SNS certificate); a no-op for the others."""
        ...

    async def confirm(self, payment: PaymentRef, notification: Notification | None) -> ProviderStatus:
        """Ask the provider (execute / verify / validate) what happened to ``payment``."""
        ...

    async def refund(self, payment: PaymentRef, refund_id: UUID, amount: Decimal, reason: str) -> RefundDone: ...


class SignatureInvalid(PaymentProviderError):
    type_uri = "/problems/payment-signature"
    title = "Payment notification signature or hash is invalid"
    status = 400


def decimal_or_none(value: object) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


def uuid_or_none(value: object) -> UUID | None:
    try:
        return UUID(str(value))
    except (ValueError, TypeError):
        return None


def join_url(base: str, path: str) -> str:
    return base.rstrip("/") + "/" + path.lstrip("/")
