"""bKash Tokenized Checkout simulator: token grant, create, execute, status, refund, and IPN over SNS.

Sessions go Initiated -> (the guest presses Pay) Authorized -> (the merchant executes) Completed, or
Cancelled. A paymentID executes once. The IPN is an SNS Notification signed (SignatureVersion 2,
SHA256withRSA) with a certificate this simulator makes at start and serves at ``/sns/cert.pem``.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import secrets
from decimal import Decimal
from typing import Any

from aiohttp import web

from simulators.common import Delivery, Simulator

API = "/v1.2.0-beta/tokenized/checkout"


class BkashSimulator(Simulator):
    provider = "bkash"
    title = "bKash"

    def __init__(self, public_base: str, *, username: str = "demo-user", password: str = "demo-pass",
                 app_key: str = "demo-app-key", app_secret: str = "demo-app-secret", ipn_url: str | None = None,
                 demo: bool = False) -> None:
        super().__init__(public_base, demo=demo)
        self.credentials = (username, password, app_key, app_secret)
        self.ipn_url = ipn_url  # as set in the merchant portal; None: the callbackURL's sibling '/ipn'
        self.tokens: set[str] = set()
        self.subscribed: list[str] = []  # SNS subscription tokens the merchant confirmed
        self._key, self.certificate_pem = _self_signed()

    @property
    def api_base(self) -> str:
        return self.base + API

    @property
    def cert_url(self) -> str:
        return f"{self.base}/sns/cert.pem"

    def routes(self, app: web.Application) -> None:
        app.router.add_post(API + "/token/grant", self.grant)
        app.router.add_post(API + "/create", self.create)
        app.router.add_post(API + "/execute", self.execute)
        app.router.add_post(API + "/payment/status", self.status)
        app.router.add_post(API + "/payment/refund", self.refund)
        app.router.add_get("/pay/{id}", self.show_page)
        app.router.add_post("/pay/{id}", self.submit_page)
        app.router.add_get("/sns/cert.pem", self.cert)
        app.router.add_get("/sns/confirm", self.confirm_subscription)

    # --- API ---------------------------------------------------------------------------------

    async def grant(self, request: web.Request) -> web.Response:
        self.called("grant")
        body = await request.json()
        username, password, app_key, app_secret = self.credentials
        if (request.headers.get("username"), request.headers.get("password"), body.get("app_key"),
                body.get("app_secret")) != (username, password, app_key, app_secret):
            return web.json_response({"statusCode": "2001", "statusMessage": "Invalid App Key"})
        token = secrets.token_urlsafe(24)
        self.tokens.add(token)
        return web.json_response({"statusCode": "0000", "statusMessage": "Successful", "id_token": token,
                                  "token_type": "Bearer", "expires_in": 3600, "refresh_token": secrets.token_hex(8)})

    def _authorised(self, request: web.Request) -> bool:
        return (request.headers.get("Authorization") in self.tokens
                and request.headers.get("X-APP-Key") == self.credentials[2])

    async def create(self, request: web.Request) -> web.Response:
        self.called("create")
        if not self._authorised(request):
            return web.json_response({"message": "Unauthorized"}, status=401)
        body = await request.json()
        payment_id = self.new_id("TR0011", 16)
        self.sessions[payment_id] = {
            "status": "Initiated", "amount": body["amount"], "currency": body.get("currency", "BDT"),
            "invoice": body.get("merchantInvoiceNumber"), "callback": body["callbackURL"], "trxID": None,
            "refunds": {}, "payer": body.get("payerReference"),
        }
        return web.json_response({
            "statusCode": "0000", "statusMessage": "Successful", "paymentID": payment_id,
            "bkashURL": f"{self.base}/pay/{payment_id}", "callbackURL": body["callbackURL"],
            "successCallbackURL": body["callbackURL"] + "?status=success",
            "failureCallbackURL": body["callbackURL"] + "?status=failure",
            "cancelledCallbackURL": body["callbackURL"] + "?status=cancel",
            "amount": body["amount"], "intent": "sale", "currency": body.get("currency", "BDT"),
            "paymentCreateTime": dt.datetime.now(dt.UTC).isoformat(), "transactionStatus": "Initiated",
            "merchantInvoiceNumber": body.get("merchantInvoiceNumber"),
        })

    def _report(self, payment_id: str, session: dict[str, Any]) -> dict[str, Any]:
        status = session["status"]
        return {"statusCode": "0000", "statusMessage": "Successful", "paymentID": payment_id,
                "transactionStatus": "Initiated" if status == "Authorized" else status,
                "trxID": session["trxID"], "amount": self.reported_amount(session["amount"]),
                "currency": self.reported_currency(session["currency"]), "intent": "sale",
                "merchantInvoiceNumber": session["invoice"]}

    async def execute(self, request: web.Request) -> web.Response:
        self.called("execute")
        if not self._authorised(request):
            return web.json_response({"message": "Unauthorized"}, status=401)
        payment_id = (await request.json()).get("paymentID", "")
        await self.api_pause()
        session = self.sessions.get(payment_id)
        if session is None:
            return web.json_response({"statusCode": "2056", "statusMessage": "Invalid Payment State"})
        if session["status"] == "Completed":
            return web.json_response({"statusCode": "2117",
                                      "statusMessage": "Payment execution already been called before"})
        if session["status"] != "Authorized":
            return web.json_response({"statusCode": "2056", "statusMessage": "Invalid Payment State"})
        session["status"] = "Completed"
        session["trxID"] = self.new_id("BK", 8)
        self.deliver([self.ipn_for(payment_id)])
        return web.json_response(self._report(payment_id, session) | {
            "executeTime": dt.datetime.now(dt.UTC).isoformat(), "customerMsisdn": "01770618575"})

    async def status(self, request: web.Request) -> web.Response:
        self.called("status")
        if not self._authorised(request):
            return web.json_response({"message": "Unauthorized"}, status=401)
        payment_id = (await request.json()).get("paymentID", "")
        await self.api_pause()
        session = self.sessions.get(payment_id)
        if session is None:
            return web.json_response({"statusCode": "2056", "statusMessage": "Invalid Payment State"})
        return web.json_response(self._report(payment_id, session))

    async def refund(self, request: web.Request) -> web.Response:
        self.called("refund")
        if not self._authorised(request):
            return web.json_response({"message": "Unauthorized"}, status=401)
        body = await request.json()
        session = self.sessions.get(body.get("paymentID", ""))
        if session is None or session["status"] != "Completed" or body.get("trxID") != session["trxID"]:
            return web.json_response({"errorCode": "2056", "errorMessage": "Invalid Payment State"})
        sku = str(body.get("sku", ""))
        if sku in session["refunds"]:  # the same refund asked again: answered again, not paid again
            return web.json_response(session["refunds"][sku])
        already = sum((Decimal(r["amount"]) for r in session["refunds"].values()), Decimal(0))
        if already + Decimal(body["amount"]) > Decimal(session["amount"]):
            return web.json_response({"errorCode": "2026", "errorMessage": "Reversal amount is greater than original"})
        answer = {"statusCode": "0000", "originalTrxID": session["trxID"], "refundTrxID": self.new_id("RF", 8),
                  "transactionStatus": "Completed", "amount": body["amount"], "currency": session["currency"],
                  "completedTime": dt.datetime.now(dt.UTC).isoformat()}
        session["refunds"][sku] = answer
        return web.json_response(answer)

    # --- the guest's side ----------------------------------------------------------------------

    async def show_page(self, request: web.Request) -> web.Response:
        session = self.sessions.get(request.match_info["id"])
        if session is None:
            raise web.HTTPNotFound(text="no such payment")
        done = None if session["status"] == "Initiated" else session["status"].lower()
        return self.page(request.match_info["id"], session["amount"], session["currency"], "the hotel", done=done)

    async def submit_page(self, request: web.Request) -> web.Response:
        payment_id = request.match_info["id"]
        session = self.sessions.get(payment_id)
        if session is None:
            raise web.HTTPNotFound(text="no such payment")
        form = await request.post()
        if session["status"] != "Initiated":
            return self.page(payment_id, session["amount"], session["currency"], "the hotel",
                             done=session["status"].lower())
        outcome = "success" if "pay" in form else "cancel"
        session["status"] = "Authorized" if outcome == "success" else "Cancelled"
        callback = Delivery("GET", session["callback"], {"paymentID": payment_id, "status": outcome,
                                                         "signature": secrets.token_hex(8), "apiVersion": "1.2.0-beta"})
        self.deliver([callback])  # the wallet app's own return to the merchant
        raise web.HTTPSeeOther(f"{session['callback']}?paymentID={payment_id}&status={outcome}")

    async def cert(self, request: web.Request) -> web.Response:
        return web.Response(body=self.certificate_pem, content_type="application/x-pem-file")

    # --- IPN over SNS --------------------------------------------------------------------------

    def ipn_for(self, payment_id: str) -> Delivery:
        """The SNS notification of a payment as it stands (signed, or not, as the faults say)."""
        session = self.sessions[payment_id]
        message = json.dumps({
            "paymentID": payment_id, "trxID": session["trxID"], "transactionStatus": session["status"],
            "amount": self.reported_amount(session["amount"]), "currency": self.reported_currency(session["currency"]),
            "merchantInvoiceNumber": session["invoice"], "debitMSISDN": "01770618575",
            "dateTime": dt.datetime.now(dt.UTC).strftime("%Y%m%d%H%M%S"), "transactionType": "Payment",
        })
        envelope = {
            "Type": "Notification", "MessageId": secrets.token_hex(16),
            "TopicArn": "arn:aws:sns:ap-southeast-1:000000000000:bkash-simulator", "Message": message,
            "Timestamp": dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z"), "SignatureVersion": "2",
            "SigningCertURL": self.cert_url,
        }
        envelope["Signature"] = self._sign(envelope)
        url = self.ipn_url or session["callback"].rsplit("/", 1)[0] + "/ipn"
        return Delivery("POST", url, json_body=envelope)

    def subscription_for(self, ipn_url: str) -> Delivery:
        """SNS's SubscriptionConfirmation, as the merchant's IPN endpoint gets it when bKash sets it up."""
        token = secrets.token_hex(16)
        envelope = {
            "Type": "SubscriptionConfirmation", "MessageId": secrets.token_hex(16), "Token": token,
            "TopicArn": "arn:aws:sns:ap-southeast-1:000000000000:bkash-simulator",
            "Message": "You have chosen to subscribe to the topic. To confirm, visit the SubscribeURL.",
            "SubscribeURL": f"{self.base}/sns/confirm?Token={token}",
            "Timestamp": dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z"), "SignatureVersion": "2",
            "SigningCertURL": self.cert_url,
        }
        envelope["Signature"] = self._sign(envelope)
        return Delivery("POST", ipn_url, json_body=envelope)

    async def confirm_subscription(self, request: web.Request) -> web.Response:
        self.subscribed.append(request.query.get("Token", ""))
        return web.Response(text="<ConfirmSubscriptionResponse/>", content_type="text/xml")

    def _sign(self, envelope: dict[str, Any]) -> str:
        from cryptography.hazmat.primitives import hashes
        from cryptography.hazmat.primitives.asymmetric import padding

        keys = (["Message", "MessageId", "Subject", "Timestamp", "TopicArn", "Type"]
                if envelope["Type"] == "Notification" else
                ["Message", "MessageId", "SubscribeURL", "Timestamp", "Token", "TopicArn", "Type"])
        text = "".join(f"{k}\n{envelope[k]}\n" for k in keys if envelope.get(k) is not None).encode()
        signature = self._key.sign(text, padding.PKCS1v15(), hashes.SHA256())
        if self.faults.tamper_signature:
            signature = bytes([signature[0] ^ 0xFF]) + signature[1:]
        return base64.b64encode(signature).decode()


def _self_signed() -> tuple[Any, bytes]:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.x509.oid import NameOID

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "sns.simulator.invalid")])
    now = dt.datetime.now(dt.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=365)).sign(key, hashes.SHA256()))
    return key, cert.public_bytes(serialization.Encoding.PEM)
