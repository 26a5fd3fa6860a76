"""bKash Tokenized Checkout (v1.2.0-beta): grant token, create, execute, status, refund; IPN over SNS.

The guest's redirect (``callbackURL?paymentID=..&status=success``) only tells us to *execute*; the
payment is ours when execute (or, after a timeout or a second callback, ``/payment/status``) says
``Completed``. The IPN is an AWS SNS notification whose signature is checked against the signing
certificate, fetched only from an allowed URL prefix; even then we ask ``/payment/status``.
"""

from __future__ import annotations

import base64
import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Final
from urllib.parse import urlsplit
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

log = logging.getLogger(__name__)

SANDBOX_URL: Final = "https://tokenized.sandbox.bka.sh/v1.2.0-beta/tokenized/checkout"
LIVE_URL: Final = "https://tokenized.pay.bka.sh/v1.2.0-beta/tokenized/checkout"
STATES: Final[dict[str, ProviderState]] = {
    "Completed": "paid", "Initiated": "pending", "Authorized": "pending", "Cancelled": "cancelled",
    "Failed": "failed", "Expired": "expired", "Declined": "failed",
}


@dataclass(frozen=True)
class BkashConfig:
    base_url: str
    username: str
    password: str
    app_key: str
    app_secret: str
    # SNS signing certificates are fetched only from here (AWS in production, the simulator in demo).
    sns_cert_prefixes: tuple[str, ...] = ("https://sns.ap-southeast-1.amazonaws.com/",)


class BkashGateway:
    name: ProviderName = "bkash"

    def __init__(self, config: BkashConfig, http: HttpClient) -> None:
        self.config = config
        self.http = http
        self._token: str | None = None
        self._certs: dict[str, Any] = {}

    # --- API calls ---------------------------------------------------------------------------

    async def _grant(self) -> str:
        reply = await self.http.request(
            "POST", join_url(self.config.base_url, "token/grant"),
            headers={"username": self.config.username, "password": self.config.password, "Accept": "application/json"},
            json_body={"app_key": self.config.app_key, "app_secret": self.config.app_secret},
        )
        body = reply.json()
        if reply.status != 200 or body.get("statusCode") != "0000" or not body.get("id_token"):
            raise PaymentProviderError(f"bKash token grant refused: {_message(body)}", provider="bkash")
        token: str = body["id_token"]
        return token

    async def _call(self, path: str, payload: Mapping[str, Any], *, timeout_s: float = 30.0) -> dict[str, Any]:
        """One authorised call; a 401 (expired token) grants a new token and tries once more."""
        for attempt in range(2):
            if self._token is None or attempt:
                self._token = await self._grant()
            reply = await self.http.request(
                "POST", join_url(self.config.base_url, path), json_body=dict(payload), timeout_s=timeout_s,
                headers={"Authorization": self._token, "X-APP-Key": self.config.app_key, "Accept": "application/json"},
            )
            if reply.status != 401:
                body: dict[str, Any] = reply.json()
                return body
        raise PaymentProviderError("bKash keeps refusing our token", provider="bkash")

    async def create(self, order: Order) -> Created:
        if order.currency != "BDT":
            raise PaymentProviderError(f"bKash takes BDT only, not {order.currency}", provider="bkash")
        body = await self._call("create", {
            "mode": "0011", "payerReference": order.payer_phone or "guest",
            "callbackURL": join_url(order.callback_base, "payments/bkash/callback"),
            "amount": f"{order.amount:.2f}", "currency": order.currency, "intent": "sale",
            "merchantInvoiceNumber": str(order.payment_id),
        })
        if body.get("statusCode") != "0000" or not body.get("paymentID") or not body.get("bkashURL"):
            raise PaymentProviderError(f"bKash create refused: {_message(body)}", provider="bkash")
        return Created(body["paymentID"], body["bkashURL"], body)

    async def execute(self, payment_id: str) -> dict[str, Any]:
        return await self._call("execute", {"paymentID": payment_id})

    async def query(self, payment_id: str) -> dict[str, Any]:
        return await self._call("payment/status", {"paymentID": payment_id})

    async def confirm(self, payment: PaymentRef, notification: Notification | None) -> ProviderStatus:
        if not payment.external_id:
            return ProviderStatus("pending", payment.payment_id, None, None)
        if notification is None or notification.claimed == "success":
            # Execute once; it fails if already executed (a duplicate callback) or times out: then the
            # status query is the truth (bKash's own advice after 30 s without an answer).
            try:
                executed = await self.execute(payment.external_id)
                if executed.get("transactionStatus") == "Completed":
                    return _status(executed)
            except PaymentProviderError as failed:
                log.info("bKash execute of %s gave no answer (%s); querying", payment.external_id, failed.detail)
        return _status(await self.query(payment.external_id))

    async def refund(self, payment: PaymentRef, refund_id: UUID, amount: Decimal, reason: str) -> RefundDone:
        body = await self._call("payment/refund", {
            "paymentID": payment.external_id, "trxID": payment.provider_txn_id, "amount": f"{amount:.2f}",
            "sku": str(refund_id), "reason": reason[:255] or "refund",
        })
        if body.get("statusCode", "0000") != "0000" or not body.get("refundTrxID"):
            raise PaymentProviderError(f"bKash refund refused: {_message(body)}", provider="bkash")
        return RefundDone(body["refundTrxID"], body)

    # --- notifications -----------------------------------------------------------------------

    def parse_notification(self, kind: str, fields: Mapping[str, str], body: bytes) -> Notification:
        if kind == "callback":
            return Notification(fields.get("paymentID"), None, kind, fields.get("status", ""), dict(fields))
        try:
            envelope = json.loads(body)
            kind_of = envelope.get("Type")
            message = json.loads(envelope["Message"]) if kind_of == "Notification" else {}
        except (ValueError, KeyError, TypeError, AttributeError):
            raise SignatureInvalid("bKash IPN is not an SNS message", provider="bkash") from None
        if kind_of not in ("Notification", "SubscriptionConfirmation") or not isinstance(message, dict):
            raise SignatureInvalid(f"unexpected SNS message type {kind_of!r}", provider="bkash")
        cert_url = str(envelope.get("SigningCertURL", ""))
        if not self._allowed(cert_url):
            raise SignatureInvalid(f"SNS certificate URL {cert_url!r} is not an allowed one", provider="bkash")
        if kind_of == "SubscriptionConfirmation":
            return Notification(None, None, "subscription", "", {"envelope": envelope})
        return Notification(message.get("paymentID"), uuid_or_none(message.get("merchantInvoiceNumber")), kind,
                            str(message.get("transactionStatus", "")), {"envelope": envelope, "message": message})

    def _allowed(self, url: str) -> bool:
        return any(url.startswith(prefix) for prefix in self.config.sns_cert_prefixes)

    async def authenticate_notification(self, notification: Notification) -> None:
        if notification.kind not in ("ipn", "subscription"):
            return
        envelope = notification.raw["envelope"]
        certificate = await self._certificate(str(envelope["SigningCertURL"]))
        verify_sns(envelope, certificate)

    async def confirm_subscription(self, notification: Notification) -> None:
        """Subscribe to bKash's IPN topic: visit the (signed) SubscribeURL, from the same trusted host."""
        url = str(notification.raw["envelope"].get("SubscribeURL", ""))
        host = urlsplit(str(notification.raw["envelope"]["SigningCertURL"])).netloc
        if urlsplit(url).netloc != host:
            raise SignatureInvalid(f"SubscribeURL {url!r} is not on the signing host", provider="bkash")
        reply = await self.http.request("GET", url)
        if reply.status != 200:
            raise PaymentProviderError(f"SNS subscription confirmation answered {reply.status}", provider="bkash",
                                       retryable=True)

    async def _certificate(self, url: str) -> Any:
        from cryptography import x509

        if url not in self._certs:
            reply = await self.http.request("GET", url)
            if reply.status != 200:
                raise SignatureInvalid(f"SNS certificate {url} answered {reply.status}", provider="bkash")
            try:
                self._certs[url] = x509.load_pem_x509_certificate(reply.body)
            except ValueError:
                raise SignatureInvalid(f"SNS certificate {url} is not a PEM certificate", provider="bkash") from None
        return self._certs[url]


def sns_string_to_sign(envelope: Mapping[str, Any]) -> bytes:
    """AWS SNS's canonical form (keys in this order, Subject only when present)."""
    keys = (["Message", "MessageId", "Subject", "Timestamp", "TopicArn", "Type"]
            if envelope.get("Type") == "Notification" else
            ["Message", "MessageId", "SubscribeURL", "Timestamp", "Token", "TopicArn", "Type"])
    return "".join(f"{k}\n{envelope[k]}\n" for k in keys if envelope.get(k) is not None).encode()


def verify_sns(envelope: Mapping[str, Any], certificate: Any) -> None:
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import padding

    algorithm = hashes.SHA256() if str(envelope.get("SignatureVersion")) == "2" else hashes.SHA1()
    try:
        signature = base64.b64decode(str(envelope.get("Signature", "")), validate=True)
        certificate.public_key().verify(signature, sns_string_to_sign(envelope), padding.PKCS1v15(), algorithm)
    except (InvalidSignature, ValueError) as bad:
        raise SignatureInvalid("bKash IPN SNS signature does not verify", provider="bkash") from bad


def _status(body: Mapping[str, Any]) -> ProviderStatus:
    state = STATES.get(str(body.get("transactionStatus")), "pending")
    if body.get("statusCode") not in (None, "0000") and state == "pending":
        log.info("bKash says %s", _message(body))
    return ProviderStatus(
        state, uuid_or_none(body.get("merchantInvoiceNumber")), decimal_or_none(body.get("amount")),
        body.get("currency"), body.get("trxID"), {"trxID": body.get("trxID")} if body.get("trxID") else {}, dict(body),
    )


def _message(body: Mapping[str, Any]) -> str:
    code = body.get("statusCode") or body.get("errorCode")
    text = body.get("statusMessage") or body.get("errorMessage") or "no message"
    return f"{code} {text}"
