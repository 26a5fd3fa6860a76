"""Nagad remote payment gateway simulator: initialize, complete, verify, purchase/cancel.

RSA keys are made at start: Nagad's pair, and a test merchant pair (unless the merchant's public
key is given). Requests must be encrypted to Nagad's public key and signed with the merchant's
private key; answers are encrypted to the merchant and signed by Nagad (``tamper_signature``
breaks that signature).
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import secrets
from decimal import Decimal
from typing import Any

from aiohttp import web
from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey

from simulators.common import Delivery, Simulator

API = "/remote-payment-gateway-1.0/api/dfs"


def generate_key() -> RSAPrivateKey:
    from cryptography.hazmat.primitives.asymmetric import rsa

    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def private_pem(key: Any) -> str:
    from cryptography.hazmat.primitives import serialization

    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption()).decode()


def public_pem(key: Any) -> str:
    from cryptography.hazmat.primitives import serialization

    return key.public_key().public_bytes(serialization.Encoding.PEM,
                                         serialization.PublicFormat.SubjectPublicKeyInfo).decode()


class NagadSimulator(Simulator):
    provider = "nagad"
    title = "Nagad"

    def __init__(self, public_base: str, *, merchant_id: str = "683002007104225",
                 merchant_public_key_pem: str | None = None, demo: bool = False) -> None:
        from cryptography.hazmat.primitives import serialization
        from cryptography.hazmat.primitives.asymmetric import rsa

        super().__init__(public_base, demo=demo)
        self.merchant_id = merchant_id
        self._nagad_key = generate_key()
        # Without the merchant's public key, a test merchant's pair is made here too.
        self.merchant_key = None if merchant_public_key_pem else generate_key()
        merchant_public = (self.merchant_key.public_key() if self.merchant_key is not None
                           else serialization.load_pem_public_key((merchant_public_key_pem or "").encode()))
        if not isinstance(merchant_public, rsa.RSAPublicKey):
            raise ValueError("the merchant's key must be an RSA key")
        self._merchant_public = merchant_public

    @property
    def api_base(self) -> str:
        return self.base + "/remote-payment-gateway-1.0"

    @property
    def nagad_public_key_pem(self) -> str:
        return public_pem(self._nagad_key)

    @property
    def merchant_private_key_pem(self) -> str:
        assert self.merchant_key is not None, "the merchant's key was given, not made here"
        return private_pem(self.merchant_key)

    def routes(self, app: web.Application) -> None:
        app.router.add_post(API + "/check-out/initialize/{merchant}/{order}", self.initialize)
        app.router.add_post(API + "/check-out/complete/{ref}", self.complete)
        app.router.add_get(API + "/verify/payment/{ref}", self.verify)
        app.router.add_post(API + "/purchase/cancel", self.cancel)
        app.router.add_get("/pay/{id}", self.show_page)
        app.router.add_post("/pay/{id}", self.submit_page)

    # --- crypto ------------------------------------------------------------------------------

    def _open(self, sensitive: str, signature: str) -> dict[str, Any] | None:
        from cryptography.exceptions import InvalidSignature
        from cryptography.hazmat.primitives import hashes
        from cryptography.hazmat.primitives.asymmetric import padding

        try:
            plain = self._nagad_key.decrypt(base64.b64decode(sensitive), padding.PKCS1v15())
            self._merchant_public.verify(base64.b64decode(signature), plain, padding.PKCS1v15(),
                                         hashes.SHA256())
            opened: dict[str, Any] = json.loads(plain)
            return opened
        except (InvalidSignature, ValueError):
            return None

    def _seal(self, payload: dict[str, Any]) -> dict[str, str]:
        from cryptography.hazmat.primitives import hashes
        from cryptography.hazmat.primitives.asymmetric import padding

        plain = json.dumps(payload).encode()
        encrypted = self._merchant_public.encrypt(plain, padding.PKCS1v15())
        signature = self._nagad_key.sign(plain, padding.PKCS1v15(), hashes.SHA256())
        if self.faults.tamper_signature:
            signature = bytes([signature[0] ^ 0xFF]) + signature[1:]
        return {"sensitiveData": base64.b64encode(encrypted).decode(),
                "signature": base64.b64encode(signature).decode()}

    @staticmethod
    def _refused(message: str, status: int = 400) -> web.Response:
        return web.json_response({"reason": "InvalidRequest", "message": message}, status=status)

    # --- API ---------------------------------------------------------------------------------

    async def initialize(self, request: web.Request) -> web.Response:
        self.called("initialize")
        body = await request.json()
        opened = self._open(body.get("sensitiveData", ""), body.get("signature", ""))
        if opened is None:
            return self._refused("signature or encryption invalid")
        merchant, order = request.match_info["merchant"], request.match_info["order"]
        if merchant != self.merchant_id or opened.get("merchantId") != merchant or opened.get("orderId") != order:
            return self._refused("merchant or order mismatch")
        reference = self.new_id("MDI", 16)
        challenge = secrets.token_hex(20)
        self.sessions[reference] = {"status": "Initiated", "order": order, "challenge": challenge, "amount": None,
                                    "callback": None, "issuerPaymentRefNo": None, "refunds": {}}
        return web.json_response(self._seal({"paymentReferenceId": reference, "challenge": challenge,
                                             "acceptDateTime": dt.datetime.now(dt.UTC).strftime("%Y%m%d%H%M%S")})
                                 | {"status": "Success"})

    async def complete(self, request: web.Request) -> web.Response:
        self.called("complete")
        session = self.sessions.get(request.match_info["ref"])
        body = await request.json()
        opened = self._open(body.get("sensitiveData", ""), body.get("signature", ""))
        if session is None or opened is None:
            return self._refused("unknown payment or invalid signature")
        if opened.get("challenge") != session["challenge"] or opened.get("orderId") != session["order"]:
            return self._refused("challenge mismatch")
        session.update(amount=opened["amount"], currency_code=opened.get("currencyCode", "050"),
                       callback=body["merchantCallbackURL"])
        return web.json_response({"status": "Success", "callBackUrl": f"{self.base}/pay/{request.match_info['ref']}"})

    async def verify(self, request: web.Request) -> web.Response:
        self.called("verify")
        await self.api_pause()
        reference = request.match_info["ref"]
        session = self.sessions.get(reference)
        if session is None:
            return self._refused("no such payment", 404)
        return web.json_response({
            "merchantId": self.merchant_id, "orderId": session["order"], "paymentRefId": reference,
            "amount": self.reported_amount(session["amount"] or "0"),
            "currencyCode": self.reported_currency(session.get("currency_code", "050")),
            "status": session["status"], "statusCode": "000" if session["status"] == "Success" else "001",
            "issuerPaymentRefNo": session["issuerPaymentRefNo"], "clientMobileNo": "017****8575",
        })

    async def cancel(self, request: web.Request) -> web.Response:
        self.called("refund")
        body = await request.json()
        opened = self._open(body.get("sensitiveDataCancelRequest", ""), body.get("signature", ""))
        order = request.query.get("orderId")
        session = next((s for s in self.sessions.values() if s["order"] == order), None)
        if opened is None or session is None or session["status"] != "Success":
            return self._refused("cannot refund this payment")
        reference = str(opened.get("referenceNo"))
        if reference not in session["refunds"]:
            already = sum((Decimal(r["cancelAmount"]) for r in session["refunds"].values()), Decimal(0))
            if already + Decimal(opened["cancelAmount"]) > Decimal(session["amount"]):
                return web.json_response(self._seal({"status": "Failed", "message": "cancel amount exceeds paid"}))
            session["refunds"][reference] = {"status": "Success", "cancelAmount": opened["cancelAmount"],
                                             "referenceNo": reference, "cancelTrxId": self.new_id("NC", 10)}
        return web.json_response(self._seal(session["refunds"][reference]))

    # --- the guest's side ----------------------------------------------------------------------

    async def show_page(self, request: web.Request) -> web.Response:
        session = self.sessions.get(request.match_info["id"])
        if session is None or session["amount"] is None:
            raise web.HTTPNotFound(text="no such payment")
        done = None if session["status"] == "Initiated" else session["status"].lower()
        return self.page(request.match_info["id"], session["amount"], "BDT", "the hotel", done=done)

    async def submit_page(self, request: web.Request) -> web.Response:
        reference = request.match_info["id"]
        session = self.sessions.get(reference)
        if session is None or session["amount"] is None:
            raise web.HTTPNotFound(text="no such payment")
        form = await request.post()
        if session["status"] != "Initiated":
            return self.page(reference, session["amount"], "BDT", "the hotel", done=session["status"].lower())
        paid = "pay" in form
        session["status"] = "Success" if paid else "Aborted"
        if paid:
            session["issuerPaymentRefNo"] = self.new_id("NG", 10)
        params = {"merchant": self.merchant_id, "order_id": session["order"], "payment_ref_id": reference,
                  "status": session["status"], "status_code": "00_0000_000" if paid else "00_1114_001",
                  "message": "Successful Transaction" if paid else "Aborted by customer"}
        self.deliver([Delivery("GET", session["callback"], params)])
        from urllib.parse import urlencode

        raise web.HTTPSeeOther(f"{session['callback']}?{urlencode(params)}")
