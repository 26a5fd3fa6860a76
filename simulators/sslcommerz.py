"""SSLCommerz simulator: session API, hosted page, IPN with ``verify_sign``, validation, query and refund.

Pressing Pay makes the transaction VALID, POSTs the IPN to the merchant's ``ipn_url`` and sends the
browser back to ``success_url`` with an auto-submitted POST, as SSLCommerz does. The first
validation of a ``val_id`` answers VALID, later ones VALIDATED.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from decimal import Decimal
from typing import Any

from aiohttp import web

from simulators.common import Delivery, Simulator, post_form_page

SIGNED_FIELDS = ("amount,bank_tran_id,card_type,currency,currency_amount,currency_type,risk_level,status,"
                 "store_amount,tran_date,tran_id,val_id")


def verify_sign(fields: dict[str, str], store_passwd: str) -> str:
    names = [name for name in fields["verify_key"].split(",") if name]
    data = {name: fields.get(name, "") for name in names}
    data["store_passwd"] = hashlib.md5(store_passwd.encode()).hexdigest()
    return hashlib.md5("&".join(f"{k}={data[k]}" for k in sorted(data)).encode()).hexdigest()


class SslcommerzSimulator(Simulator):
    provider = "sslcommerz"
    title = "SSLCommerz"

    def __init__(self, public_base: str, *, store_id: str = "demo0store", store_passwd: str = "demo0store@ssl",
                 demo: bool = False) -> None:
        super().__init__(public_base, demo=demo)
        self.store_id = store_id
        self.store_passwd = store_passwd
        self.by_val_id: dict[str, str] = {}

    @property
    def api_base(self) -> str:
        return self.base

    def routes(self, app: web.Application) -> None:
        app.router.add_post("/gwprocess/v4/api.php", self.session)
        app.router.add_get("/validator/api/validationserverAPI.php", self.validate)
        app.router.add_get("/validator/api/merchantTransIDvalidationAPI.php", self.query_or_refund)
        app.router.add_get("/pay/{id}", self.show_page)
        app.router.add_post("/pay/{id}", self.submit_page)

    def _store_ok(self, values: Any) -> bool:
        return bool(values.get("store_id") == self.store_id and values.get("store_passwd") == self.store_passwd)

    async def session(self, request: web.Request) -> web.Response:
        self.called("session")
        form = await request.post()
        if not self._store_ok(form):
            return web.json_response({"status": "FAILED",
                                      "failedreason": "Store Credential Error Or Store is De-active"})
        key = self.new_id("", 32)
        self.sessions[key] = {
            "status": "PENDING", "tran_id": str(form["tran_id"]), "amount": str(form["total_amount"]),
            "currency": str(form["currency"]), "urls": {n: str(form[n]) for n in
                                                         ("success_url", "fail_url", "cancel_url", "ipn_url")},
            "val_id": None, "bank_tran_id": None, "validated": False, "refunds": {},
        }
        return web.json_response({"status": "SUCCESS", "failedreason": "", "sessionkey": key,
                                  "GatewayPageURL": f"{self.base}/pay/{key}", "storeBanner": "", "storeLogo": ""})

    def _fields(self, session: dict[str, Any]) -> dict[str, str]:
        """What the IPN and the validation API report about a transaction."""
        amount = self.reported_amount(session["amount"])
        currency = self.reported_currency(session["currency"])
        return {"status": session["status"], "tran_id": session["tran_id"], "val_id": session["val_id"] or "",
                "amount": amount, "store_amount": str(Decimal(amount) * Decimal("0.975")), "currency": "BDT",
                "bank_tran_id": session["bank_tran_id"] or "", "card_type": "BKASH-BKash",
                "tran_date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M:%S"), "currency_type": currency,
                "currency_amount": amount, "risk_level": "0", "risk_title": "Safe"}

    def _signed(self, session: dict[str, Any]) -> dict[str, str]:
        fields = self._fields(session) | {"verify_key": SIGNED_FIELDS}
        fields["verify_sign"] = verify_sign(fields, self.store_passwd)
        if self.faults.tamper_signature:
            fields["verify_sign"] = fields["verify_sign"][::-1]
        return fields

    async def validate(self, request: web.Request) -> web.Response:
        self.called("validate")
        await self.api_pause()
        if not self._store_ok(request.query):
            return web.json_response({"status": "INVALID_TRANSACTION", "error": "store credentials"})
        key = self.by_val_id.get(request.query.get("val_id", ""))
        if key is None:
            return web.json_response({"status": "INVALID_TRANSACTION"})
        session = self.sessions[key]
        answer = self._fields(session) | {"APIConnect": "DONE"}
        if session["status"] == "VALID" and session["validated"]:
            answer["status"] = "VALIDATED"
        session["validated"] = True
        return web.json_response(answer)

    async def query_or_refund(self, request: web.Request) -> web.Response:
        query = request.query
        if not self._store_ok(query):
            return web.json_response({"APIConnect": "INVALID_REQUEST", "errorReason": "store credentials"})
        if "refund_amount" in query:
            return self._refund(query)
        self.called("query")
        await self.api_pause()
        found = [s for s in self.sessions.values() if s["tran_id"] == query.get("tran_id")]
        return web.json_response({"APIConnect": "DONE", "no_of_trans_found": len(found),
                                  "element": [self._fields(s) for s in found]})

    def _refund(self, query: Any) -> web.Response:
        self.called("refund")
        session = next((s for s in self.sessions.values() if s["bank_tran_id"] and
                        s["bank_tran_id"] == query.get("bank_tran_id")), None)
        if session is None or session["status"] != "VALID":
            return web.json_response({"APIConnect": "DONE", "status": "failed", "errorReason": "no such transaction"})
        reference = query.get("refe_id") or query.get("refund_remarks", "")
        if reference not in session["refunds"]:
            already = sum((Decimal(r["amount"]) for r in session["refunds"].values()), Decimal(0))
            if already + Decimal(query["refund_amount"]) > Decimal(session["amount"]):
                return web.json_response({"APIConnect": "DONE", "status": "failed",
                                          "errorReason": "refund amount exceeds the transaction"})
            session["refunds"][reference] = {"amount": query["refund_amount"], "refund_ref_id": self.new_id("RF", 12)}
        return web.json_response({"APIConnect": "DONE", "bank_tran_id": session["bank_tran_id"],
                                  "trans_id": session["tran_id"], "status": "success",
                                  "refund_ref_id": session["refunds"][reference]["refund_ref_id"]})

    async def show_page(self, request: web.Request) -> web.Response:
        session = self.sessions.get(request.match_info["id"])
        if session is None:
            raise web.HTTPNotFound(text="no such session")
        done = None if session["status"] == "PENDING" else session["status"].lower()
        return self.page(request.match_info["id"], session["amount"], session["currency"], "the hotel", done=done)

    async def submit_page(self, request: web.Request) -> web.Response:
        key = request.match_info["id"]
        session = self.sessions.get(key)
        if session is None:
            raise web.HTTPNotFound(text="no such session")
        form = await request.post()
        if session["status"] != "PENDING":
            return self.page(key, session["amount"], session["currency"], "the hotel", done=session["status"].lower())
        paid = "pay" in form
        session["status"] = "VALID" if paid else "CANCELLED"
        if paid:
            session["val_id"] = self.new_id("", 20)
            session["bank_tran_id"] = self.new_id("", 18)
            self.by_val_id[session["val_id"]] = key
        fields = self._signed(session)
        self.deliver([Delivery("POST", session["urls"]["ipn_url"], form=fields)])
        back = session["urls"]["success_url" if paid else "cancel_url"]
        return post_form_page(back, fields, "Returning to the merchant...")
