"""Nagad's remote payment gateway: initialize, complete, verify, cancel (refund).

Requests carry ``sensitiveData`` (JSON encrypted with Nagad's RSA public key, PKCS#1 v1.5) and a
``signature`` (SHA256withRSA with the merchant's private key); Nagad answers the same way with the
keys swapped, and an answer whose signature does not verify is refused. The browser callback only
says "ask"; ``/api/dfs/verify/payment/{ref}`` says whether we were paid.
"""

from __future__ import annotations

import base64
import json
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any, Final
from uuid import UUID
from zoneinfo import ZoneInfo

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
    decimal_or_none,
    join_url,
)

SANDBOX_URL: Final = "http://sandbox.mynagad.com:10080/remote-payment-gateway-1.0"
LIVE_URL: Final = "https://api.mynagad.com"
DHAKA: Final = ZoneInfo("Asia/Dhaka")
BDT_CODE: Final = "050"  # ISO 4217 numeric
STATES: Final[dict[str, ProviderState]] = {
    "Success": "paid", "Aborted": "cancelled", "Cancelled": "cancelled", "Failed": "failed",
    "Expired": "expired", "Ready": "pending", "InProgress": "pending",
}


@dataclass(frozen=True)
class NagadConfig:
    base_url: str
    merchant_id: str
    merchant_number: str
    merchant_private_key_pem: str
    nagad_public_key_pem: str
    client_ip: str = "127.0.0.1"


def order_id(payment_id: UUID) -> str:
    """Nagad order ids are alphanumeric: our payment id without dashes."""
    return payment_id.hex


def payment_id_of(order: object) -> UUID | None:
    try:
        return UUID(hex=str(order))
    except (ValueError, TypeError):
        return None


class NagadGateway:
    name: ProviderName = "nagad"

    def __init__(self, config: NagadConfig, http: HttpClient) -> None:
        from cryptography.hazmat.primitives import serialization
        from cryptography.hazmat.primitives.asymmetric import rsa

        self.config = config
        self.http = http
        private = serialization.load_pem_private_key(config.merchant_private_key_pem.encode(), password=None)
        nagad = serialization.load_pem_public_key(config.nagad_public_key_pem.encode())
        if not isinstance(private, rsa.RSAPrivateKey) or not isinstance(nagad, rsa.RSAPublicKey):
            raise ValueError("Nagad's and the merchant's keys must be RSA keys")
        self._private = private
        self._nagad = nagad

    def _headers(self) -> dict[str, str]:
        return {"X-KM-Api-Version": "v-0.2.0", "X-KM-IP-V4": self.config.client_ip,
                "X-KM-Client-Type": "PC_WEB", "Accept": "application/json"}

    # --- crypto ------------------------------------------------------------------------------

    def _seal(self, payload: Mapping[str, Any]) -> tuple[str, str]:
        from cryptography.hazmat.primitives import hashes
        from cryptography.hazmat.primitives.asymmetric import padding

        plain = json.dumps(payload, separators=(",", ":")).encode()
        encrypted = self._nagad.encrypt(plain, padding.PKCS1v15())
        signature = self._private.sign(plain, padding.PKCS1v15(), hashes.SHA256())
        return base64.b64encode(encrypted).decode(), base64.b64encode(signature).decode()

    def _open(self, body: Mapping[str, Any], what: str) -> dict[str, Any]:
        """Decrypt Nagad's ``sensitiveData`` and check Nagad signed it; refuse anything else."""
        from cryptography.exceptions import InvalidSignature
        from cryptography.hazmat.primitives import hashes
        from cryptography.hazmat.primitives.asymmetric import padding

        if not body.get("sensitiveData") or not body.get("signature"):
            raise PaymentProviderError(f"Nagad {what} refused: {body.get('message') or body}", provider="nagad")
        try:
            plain = self._private.decrypt(
                base64.b64decode(body["sensitiveData"]), padding.PKCS1v15())
            self._nagad.verify(base64.b64decode(body["signature"]), plain,
                               padding.PKCS1v15(), hashes.SHA256())
            opened: dict[str, Any] = json.loads(plain)
        except (InvalidSignature, ValueError) as bad:
            # An answer we cannot trust is the provider failing us (502), not a bad request from a client.
            raise PaymentProviderError(f"Nagad {what} answer is not signed by Nagad", provider="nagad",
                                       reason="signature") from bad
        return opened

    # --- API calls ---------------------------------------------------------------------------

    async def create(self, order: Order) -> Created:
        if order.currency != "BDT":
            raise PaymentProviderError(f"Nagad takes BDT only, not {order.currency}", provider="nagad")
        merchant, oid = self.config.merchant_id, order_id(order.payment_id)
        now = datetime.now(DHAKA).strftime("%Y%m%d%H%M%S")
        sensitive, signature = self._seal(
            {"merchantId": merchant, "datetime": now, "orderId": oid, "challenge": secrets.token_hex(20)})
        reply = await self.http.request(
            "POST", join_url(self.config.base_url, f"api/dfs/check-out/initialize/{merchant}/{oid}"),
            params={"purpose": "ECOM_TXN"}, headers=self._headers(),
            json_body={"accountNumber": self.config.merchant_number, "dateTime": now,
                       "sensitiveData": sensitive, "signature": signature},
        )
        started = self._open(reply.json(), "initialize")
        sensitive, signature = self._seal({
            "merchantId": merchant, "orderId": oid, "currencyCode": BDT_CODE, "amount": f"{order.amount:.2f}",
            "challenge": started.get("challenge", ""),
        })
        reference = str(started.get("paymentReferenceId", ""))
        reply = await self.http.request(
            "POST", join_url(self.config.base_url, f"api/dfs/check-out/complete/{reference}"), headers=self._headers(),
            json_body={"sensitiveData": sensitive, "signature": signature,
                       "merchantCallbackURL": join_url(order.callback_base, "payments/nagad/callback"),
                       "additionalMerchantInfo": {"description": order.description}},
        )
        completed = reply.json()
        if completed.get("status") != "Success" or not completed.get("callBackUrl") or not reference:
            raise PaymentProviderError(f"Nagad complete refused: {completed.get('message') or completed}",
                                       provider="nagad")
        return Created(reference, completed["callBackUrl"], {"initialize": started, "complete": completed})

    async def confirm(self, payment: PaymentRef, notification: Notification | None) -> ProviderStatus:
        if not payment.external_id:
            return ProviderStatus("pending", payment.payment_id, None, None)
        reply = await self.http.request(
            "GET", join_url(self.config.base_url, f"api/dfs/verify/payment/{payment.external_id}"),
            headers=self._headers())
        body = reply.json()
        if reply.status != 200:
            raise PaymentProviderError(f"Nagad verify answered {reply.status}", provider="nagad")
        code = str(body.get("currencyCode") or BDT_CODE)
        return ProviderStatus(
            STATES.get(str(body.get("status")), "pending"), payment_id_of(body.get("orderId")),
            decimal_or_none(body.get("amount")), "BDT" if code == BDT_CODE else code,
            body.get("issuerPaymentRefNo"), {}, dict(body),
        )

    async def refund(self, payment: PaymentRef, refund_id: UUID, amount: Decimal, reason: str) -> RefundDone:
        sensitive, signature = self._seal({
            "merchantId": self.config.merchant_id, "originalRequestDate": datetime.now(DHAKA).strftime("%Y%m%d"),
            "originalAmount": f"{payment.amount:.2f}", "cancelAmount": f"{amount:.2f}",
            "referenceNo": refund_id.hex, "referenceMessage": reason[:255] or "refund",
        })
        reply = await self.http.request(
            "POST", join_url(self.config.base_url, "api/dfs/purchase/cancel"),
            params={"orderId": order_id(payment.payment_id)}, headers=self._headers(),
            json_body={"sensitiveDataCancelRequest": sensitive, "signature": signature},
        )
        opened = self._open(reply.json(), "refund")
        if opened.get("status") != "Success":
            raise PaymentProviderError(f"Nagad refund refused: {opened}", provider="nagad")
        return RefundDone(str(opened.get("cancelTrxId") or opened.get("referenceNo")), opened)

    # --- notifications -----------------------------------------------------------------------

    def parse_notification(self, kind: str, fields: Mapping[str, str], body: bytes) -> Notification:
        # Nagad's callback is an unsigned redirect: it only names the payment to verify.
        return Notification(fields.get("payment_ref_id"), payment_id_of(fields.get("order_id")), kind,
                            fields.get("status", ""), dict(fields))

    async def authenticate_notification(self, notification: Notification) -> None:
        return None
