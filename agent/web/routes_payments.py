"""Wallet payments: the staff API (payment links, a payment's history) and the providers' callbacks.

Thin HTTP over ``backoffice.payment_links`` and ``backoffice.payment_saga``. The callback and IPN
endpoints are unauthenticated on purpose (the provider or the guest's browser calls them); what
they carry is checked by signature or hash and then confirmed with the provider's own API, so a
forged one can change nothing.
"""

from __future__ import annotations

import html
import json
from datetime import datetime
from decimal import Decimal
from typing import Any, Literal
from uuid import UUID

from aiohttp import web
from pydantic import BaseModel, Field

from agent.web.api import Call, Empty, Reply
from agent.web.keys import SERVICES
from agent.web.registry import api
from backoffice import payment_links, payment_saga

TAG = "payments"


class ReservationPath(BaseModel):
    id: UUID


class PaymentPath(BaseModel):
    payment_id: UUID


class PaymentLinkIn(BaseModel):
    provider: Literal["bkash", "nagad", "sslcommerz"] = "bkash"


class PaymentLinkOut(BaseModel):
    payment_id: UUID
    url: str
    amount: Decimal
    currency: str
    status: str


class PaymentEventOut(BaseModel):
    kind: str
    detail: dict[str, Any]
    created_at: datetime


class PaymentOut(BaseModel):
    id: UUID
    reservation_id: UUID
    provider: str
    status: str
    amount: Decimal
    currency: str
    refunded_amount: Decimal
    url: str | None
    attention: str | None
    created_at: datetime
    events: list[PaymentEventOut]


@api.route("POST", "/api/v1/reservations/{id}/payment-link", summary="Send the guest a wallet payment link",
           tag=TAG, scope="folio:write", path_params=ReservationPath, body=PaymentLinkIn, response=PaymentLinkOut,
           status=201, errors=(404, 409, 502), idempotent=True)
async def create_payment_link(call: Call[ReservationPath, Empty, PaymentLinkIn]) -> Reply:
    """For a hold (still running) or a booking with a balance due; the guest gets the link by SMS.
    Asking again (same key, or while a link for that provider is open) returns the same link."""
    link = await payment_links.create_payment_link(
        call.app[SERVICES], call.path.id, call.body.provider, call.actor, call.request.headers["Idempotency-Key"])
    headers = {"Idempotent-Replayed": "true"} if link.replayed else {}
    return Reply(PaymentLinkOut(payment_id=link.payment_id, url=link.url, amount=link.amount, currency=link.currency,
                                status=link.status), status=201, headers=headers)


@api.route("GET", "/api/v1/payments/{payment_id}", summary="A payment and everything its provider told us",
           tag=TAG, scope="folio:read", path_params=PaymentPath, response=PaymentOut, errors=(404,))
async def get_payment(call: Call[PaymentPath, Empty, Any]) -> PaymentOut:
    view = await payment_saga.get_payment(call.app[SERVICES].db.pool, call.path.payment_id)
    return PaymentOut.model_validate(view.as_dict())


class PaymentsQuery(BaseModel):
    reservation_id: UUID | None = None
    needs_attention: bool = Field(default=False, description="Only payments flagged for staff")


class PaymentsOut(BaseModel):
    payments: list[PaymentOut]


@api.route("GET", "/api/v1/payments", summary="Payments of a reservation, or those that need staff",
           tag=TAG, scope="folio:read", query=PaymentsQuery, response=PaymentsOut)
async def list_payments(call: Call[Empty, PaymentsQuery, Any]) -> PaymentsOut:
    """``needs_attention=true`` lists late payments being refunded and provider answers that were rejected."""
    views = await payment_saga.list_payments(call.app[SERVICES].db.pool, reservation_id=call.query.reservation_id,
                                             needs_attention=call.query.needs_attention)
    return PaymentsOut(payments=[PaymentOut.model_validate(view.as_dict()) for view in views])


# --- provider callbacks (not in the staff API document: providers and browsers call them) ---------


def install_callbacks(app: web.Application) -> None:
    app.router.add_get("/payments/{provider:bkash|nagad}/callback", browser_return)
    app.router.add_post("/payments/sslcommerz/{outcome:success|fail|cancel}", sslcommerz_return)
    app.router.add_post("/payments/{provider:bkash|sslcommerz}/ipn", ipn)


async def browser_return(request: web.Request) -> web.Response:
    """bKash and Nagad send the guest back here; we ask the provider, then show the outcome."""
    provider = request.match_info["provider"]
    applied = await payment_saga.handle_notification(request.app[SERVICES], provider, "callback",
                                                     dict(request.query))
    return _result_page(applied)


async def sslcommerz_return(request: web.Request) -> web.Response:
    fields = {k: str(v) for k, v in (await request.post()).items()}
    applied = await payment_saga.handle_notification(request.app[SERVICES], "sslcommerz", "callback", fields)
    return _result_page(applied)


async def ipn(request: web.Request) -> web.Response:
    """Server-to-server notifications: bKash's SNS JSON, SSLCommerz's signed form."""
    provider = request.match_info["provider"]
    body = await request.read()
    fields: dict[str, str] = {}
    if provider == "sslcommerz":
        fields = {k: str(v) for k, v in (await request.post()).items()}
    applied = await payment_saga.handle_notification(request.app[SERVICES], provider, "ipn", fields, body)
    if applied is None:
        return web.json_response({"subscribed": True})
    return web.json_response({"payment_id": str(applied.payment_id), "outcome": applied.outcome,
                              "status": applied.payment_status}, dumps=json.dumps)


def _result_page(applied: payment_saga.Applied | None) -> web.Response:
    if applied is None:  # only an IPN can be a subscription; a browser sending one gets nothing
        raise web.HTTPBadRequest(text="not a payment callback")
    if applied.reservation_status == "confirmed" and applied.payment_status in ("paid", "partially_refunded"):
        headline = f"Thank you: booking {applied.confirmation_code} is confirmed."
    elif applied.payment_status in ("paid", "partially_refunded", "refunded"):
        headline = (f"We received your payment for {applied.confirmation_code}, but the booking had ended; "
                    "it is being refunded and our staff have been told.")
    elif applied.payment_status == "initiated":
        headline = "We are waiting for the provider to confirm your payment; this page will not change it."
    else:
        headline = f"The payment was {applied.payment_status}; booking {applied.confirmation_code} is not paid."
    text = (f"<!doctype html><html><head><meta charset=utf-8><title>Payment</title></head><body>"
            f"<h1 id=result data-payment-status={html.escape(applied.payment_status)} "
            f"data-reservation-status={html.escape(applied.reservation_status)}>{html.escape(headline)}</h1>"
            "</body></html>")
    return web.Response(text=text, content_type="text/html")
