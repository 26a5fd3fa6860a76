"""SSLCommerz: session (``gwprocess/v4``), IPN with ``verify_sign``, the validation and query APIs, refund.

An IPN or a success redirect must first pass the MD5 ``verify_sign`` check (the fields named in
``verify_key`` plus ``store_passwd=md5(password)``, sorted, joined ``k=v&``), and is then confirmed
by the validation API with its ``val_id``: tran_id, amount and currency must match and
``risk_level`` must be 0. The official library ships with the hash check off; ours is always on.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Final
from uuid import UUID

from backoffice.errors import PaymentProviderError
from backoffice.payment_providers.base import (
    Created,
    HttpClient,
    Notification,
    Order,
    PaymentRef,
    ProviderName,
    ProviderState,
    ProviderStatus,
    RefundDone,
    SignatureInvalid,
    decimal_or_none,
    join_url,
    uuid_or_none,
)

SANDBOX_URL: Final = "https://sandbox.sslcommerz.com"
LIVE_URL: Final = "https://securepay.sslcommerz.com"
STATES: Final[dict[str, ProviderState]] = {
    "VALID": "paid", "VALIDATED": "paid", "PENDING": "pending", "UNATTEMPTED": "pending",
    "FAILED": "failed", "CANCELLED": "cancelled", "EXPIRED": "expired", "INVALID_TRANSACTION": "failed",
}


def verify_sign(fields: Mapping[str, str], store_passwd: str) -> str:
    """The MD5 SSLCommerz puts in ``verify_sign`` for the fields named in ``verify_key``."""
    names = [name for name in fields.get("verify_key", "").split(",") if name]
    data = {name: fields.get(name, "") for name in names}
    data["store_passwd"] = hashlib.md5(store_passwd.encode()).hexdigest()
    joined = "&".join(f"{key}={data[key]}" for key in sorted(data))
    return hashlib.md5(joined.encode()).hexdigest()


@dataclass(frozen=True)
class SslcommerzConfig:
    base_url: str
    store_id: str
    store_passwd: str


class SslcommerzGateway:
    name: ProviderName = "sslcommerz"

    def __init__(self, config: SslcommerzConfig, http: HttpClient) -> None:
        self.config = config
        self.http = http

    def _credentials(self) -> dict[str, str]:
        return {"store_id": self.config.store_id, "store_passwd": self.config.store_passwd, "format": "json"}

    async def create(self, order: Order) -> Created:
        back = join_url(order.callback_base, "payments/sslcommerz")
        reply = await self.http.request("POST", join_url(self.config.base_url, "gwprocess/v4/api.php"), form={
            "store_id": self.config.store_id, "store_passwd": self.config.store_passwd,
            "total_amount": f"{order.amount:.2f}", "currency": order.currency, "tran_id": str(order.payment_id),
            "success_url": back + "/success", "fail_url": back + "/fail", "cancel_url": back + "/cancel",
            "ipn_url": back + "/ipn", "cus_name": order.payer_name, "cus_email": "guest@example.invalid",
            "cus_add1": "Dhaka", "cus_city": "Dhaka", "cus_country": "Bangladesh",
            "cus_phone": order.payer_phone or "N/A", "shipping_method": "NO", "num_of_item": "1",
            "product_name": order.description, "product_category": "hotel", "product_profile": "non-physical-goods",
        })
        body = reply.json()
        if str(body.get("status", "")).upper() != "SUCCESS" or not body.get("GatewayPageURL"):
            raise PaymentProviderError(f"SSLCommerz session refused: {body.get('failedreason') or body}",
                                       provider="sslcommerz")
        return Created(str(body.get("sessionkey")), body["GatewayPageURL"], body)

    async def confirm(self, payment: PaymentRef, notification: Notification | None) -> ProviderStatus:
        val_id = notification.raw.get("val_id") if notification else None
        if val_id:
            reply = await self.http.request(
                "GET", join_url(self.config.base_url, "validator/api/validationserverAPI.php"),
                params={"val_id": str(val_id), **self._credentials()})
            return _status(reply.json())
        # Reconciliation (or a fail/cancel redirect): what the provider knows about our tran_id.
        reply = await self.http.request(
            "GET", join_url(self.config.base_url, "validator/api/merchantTransIDvalidationAPI.php"),
            params={"tran_id": str(payment.payment_id), **self._credentials()})
        body = reply.json()
        elements = [e for e in body.get("element") or [] if isinstance(e, dict)]
        paid = [e for e in elements if STATES.get(str(e.get("status"))) == "paid"]
        if paid:
            return _status(paid[0])
        if elements:
            return _status(elements[-1])
        return ProviderStatus("pending", payment.payment_id, None, None, raw=body)

    async def refund(self, payment: PaymentRef, refund_id: UUID, amount: Decimal, reason: str) -> RefundDone:
        reply = await self.http.request(
            "GET", join_url(self.config.base_url, "validator/api/merchantTransIDvalidationAPI.php"),
            params={"bank_tran_id": payment.provider_txn_id or "", "refund_amount": f"{amount:.2f}",
                    "refund_remarks": reason[:255] or "refund", "refe_id": str(refund_id), **self._credentials()})
        body = reply.json()
        if body.get("APIConnect") != "DONE" or str(body.get("status")).lower() != "success":
            raise PaymentProviderError(f"SSLCommerz refund refused: {body.get('errorReason') or body}",
                                       provider="sslcommerz")
        return RefundDone(str(body.get("refund_ref_id")), body)

    def parse_notification(self, kind: str, fields: Mapping[str, str], body: bytes) -> Notification:
        expected = verify_sign(fields, self.config.store_passwd)
        if not fields.get("verify_sign") or fields.get("verify_key") is None or fields["verify_sign"] != expected:
            raise SignatureInvalid("SSLCommerz verify_sign does not match", provider="sslcommerz")
        return Notification(None, uuid_or_none(fields.get("tran_id")), kind, fields.get("status", ""), dict(fields))

    async def authenticate_notification(self, notification: Notification) -> None:
        return None


def _status(body: Mapping[str, Any]) -> ProviderStatus:
    state = STATES.get(str(body.get("status")), "pending")
    if state == "paid" and str(body.get("risk_level", "0")) != "0":
        state = "pending"  # the provider holds it for review; staff decide, reconciliation asks again
    return ProviderStatus(
        state, uuid_or_none(body.get("tran_id")),
        decimal_or_none(body.get("currency_amount") or body.get("amount")),
        body.get("currency_type") or body.get("currency"), body.get("bank_tran_id"),
        {"val_id": body.get("val_id")} if body.get("val_id") else {}, dict(body),
    )
