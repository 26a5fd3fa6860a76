"""Front desk: QR + one-time-code check-in, check-out, folio, payments and refunds.

Thin HTTP over ``backoffice.checkin`` and ``backoffice.payments``. One-time code delivery: texted to
the guest through the outbox and never shown to staff, unless desk mode is on
(``CONCIERGE_CHECKIN_DESK_MODE``; by default on only when no SMS provider is configured): then the
scan response carries it (``{"otp": "123456", "delivery": "desk"}``) for the desk user to read out.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any, Literal
from uuid import UUID

from aiohttp import web
from pydantic import BaseModel, ConfigDict, Field

from agent.web.api import Call, Empty, Reply
from agent.web.keys import SERVICES, SETTINGS
from agent.web.registry import api
from backoffice import checkin, ledger, payments

TAG = "front desk"
MAX_AMOUNT = Decimal("9999999999.99")
Token = Field(min_length=1, max_length=200, description="The token from the guest's check-in QR code")
Amount = Field(gt=0, le=MAX_AMOUNT, decimal_places=2)
IDEMPOTENCY = ("Idempotency-Key",)


class _FromAttributes(BaseModel):
    model_config = ConfigDict(from_attributes=True)


class ReservationPath(BaseModel):
    id: UUID


class QrQuery(BaseModel):
    format: Literal["json", "png"] = Field(
        default="json", description="'png' answers with the QR image itself (image/png) instead of JSON")


class CheckinQrOut(BaseModel):
    reservation_id: UUID
    confirmation_code: str
    token: str
    expires_at: datetime
    qr_png: str = Field(description="The QR code as a data: URL (PNG), ready for an <img src>")


class ScanRequest(BaseModel):
    token: str = Token


class ScanOut(_FromAttributes):
    reservation_id: UUID
    confirmation_code: str
    guest_name: str
    expires_at: datetime
    delivery: Literal["sms", "desk"]
    otp: str | None = Field(description="Only with delivery 'desk': read it to the guest")


class VerifyRequest(BaseModel):
    token: str = Token
    otp: str = Field(pattern=r"^[0-9]{6}$", description="The 6-digit code the guest received")


class CheckInOut(_FromAttributes):
    reservation_id: UUID
    confirmation_code: str
    room_number: str
    key_credential: str
    key_valid_until: datetime
    checked_in_at: datetime
    key_status: Literal["active", "granting"] = Field(
        description="'granting': the lock has not confirmed the key yet; it is retried until it does")


class PaymentIn(BaseModel):
    amount: Decimal = Amount
    provider: Literal["cash", "card"]


class CheckOutRequest(BaseModel):
    allow_open_balance: bool = Field(
        default=False, description="Check out even though the folio shows a balance due (it stays open)")
    payment: PaymentIn | None = Field(default=None, description="Settle at the desk in the same request")


class NightOut(_FromAttributes):
    night: date
    net: Decimal
    tax: Decimal


class CheckOutOut(_FromAttributes):
    reservation_id: UUID
    confirmation_code: str
    room_number: str | None
    nights_posted: list[NightOut]
    payment_id: UUID | None
    balance: Decimal
    housekeeping_task_id: UUID | None
    checked_out_at: datetime


class FolioLineOut(_FromAttributes):
    transaction_id: UUID
    posted_at: datetime
    kind: Literal["room_charge", "payment", "refund", "adjustment", "fee"]
    description: str
    amount: Decimal = Field(description="Positive: charged to the guest; negative: paid or credited")
    reference_type: str | None
    reference_id: str | None


class FolioOut(_FromAttributes):
    reservation_id: UUID
    confirmation_code: str
    currency: str
    lines: list[FolioLineOut]
    charges: Decimal
    credits: Decimal
    balance: Decimal = Field(description="Positive: the guest owes this much")


class PaymentOut(_FromAttributes):
    payment_id: UUID
    reservation_id: UUID
    provider: str
    amount: Decimal
    currency: str
    status: str
    reservation_status: str
    balance: Decimal


class RefundIn(BaseModel):
    payment_id: UUID
    amount: Decimal = Amount
    reason: str = Field(min_length=1, max_length=500, pattern=r"^[^\x00]*$")  # PostgreSQL text holds no NUL


class RefundOut(_FromAttributes):
    payment_id: UUID
    reservation_id: UUID
    amount: Decimal
    refunded_total: Decimal
    payment_status: str
    balance: Decimal


def _replayed(replayed: bool) -> dict[str, str]:
    return {"Idempotent-Replayed": "true"} if replayed else {}


@api.route("GET", "/api/v1/reservations/{id}/checkin-qr", summary="The guest's check-in QR code", tag=TAG,
           scope="frontdesk", path_params=ReservationPath, query=QrQuery, response=CheckinQrOut, errors=(404, 409))
async def checkin_qr(call: Call[ReservationPath, QrQuery, Any]) -> CheckinQrOut:
    """A signed token (valid until departure) and its QR image; ``?format=png`` returns the image alone."""
    qr = await checkin.checkin_qr(call.app[SERVICES], call.path.id)
    if call.query.format == "png":
        # The registry renders JSON; an image leaves through aiohttp's own response-exception path
        # (body set after construction: the constructor's body argument is deprecated).
        image = web.HTTPOk(content_type="image/png")
        image.body = qr.png()
        image.charset = None
        raise image
    return CheckinQrOut(reservation_id=qr.reservation_id, confirmation_code=qr.confirmation_code, token=qr.token,
                        expires_at=qr.expires_at, qr_png=qr.data_url())


@api.route("POST", "/api/v1/checkin/scan", summary="Scan a QR code: issue a one-time code", tag=TAG,
           scope="frontdesk", body=ScanRequest, response=ScanOut, errors=(409, 429))
async def scan_qr(call: Call[Empty, Empty, ScanRequest]) -> ScanOut:
    """Issues a 6-digit code valid 10 minutes (5 tries), replacing any earlier one, at most
    ``CONCIERGE_CHECKIN_SCANS_PER_HOUR`` per reservation (then 429). It is texted to the guest's phone;
    only in desk mode is it in this response for the desk to read out."""
    settings = call.app[SETTINGS]
    issued = await checkin.scan(call.app[SERVICES], call.body.token, call.actor, desk_mode=settings.desk_mode,
                                scans_per_hour=settings.checkin_scans_per_hour)
    return ScanOut.model_validate(issued)


@api.route("POST", "/api/v1/checkin/verify", summary="Check the code and check the guest in", tag=TAG,
           scope="frontdesk", body=VerifyRequest, response=CheckInOut, errors=(409, 429))
async def verify_code(call: Call[Empty, Empty, VerifyRequest]) -> CheckInOut:
    """Checks in (confirmed, arrival day reached, room assigned and clean) and grants the door key."""
    result = await checkin.verify(call.app[SERVICES], call.body.token, call.body.otp, call.actor)
    return CheckInOut.model_validate(result)


@api.route("POST", "/api/v1/reservations/{id}/check-out", summary="Check out: post the stay, settle, free the room",
           tag=TAG, scope="frontdesk", path_params=ReservationPath, body=CheckOutRequest, response=CheckOutOut,
           errors=(404, 409), headers=IDEMPOTENCY)
async def check_out(call: Call[ReservationPath, Empty, CheckOutRequest]) -> Reply:
    """Refused with 409 while a balance is due, unless ``payment`` settles it or ``allow_open_balance``."""
    body = call.body
    settlement = checkin.Settlement(body.payment.amount, body.payment.provider) if body.payment else None
    result = await checkin.check_out(
        call.app[SERVICES], call.path.id, call.actor, allow_open_balance=body.allow_open_balance,
        payment=settlement, idempotency_key=call.request.headers.get("Idempotency-Key"),
    )
    return Reply(CheckOutOut.model_validate(result), headers=_replayed(result.replayed))


@api.route("GET", "/api/v1/reservations/{id}/folio", summary="The guest folio: charges, payments, balance",
           tag=TAG, scope="folio:read", path_params=ReservationPath, response=FolioOut, errors=(404,))
async def get_folio(call: Call[ReservationPath, Empty, Any]) -> FolioOut:
    return FolioOut.model_validate(await ledger.folio(call.app[SERVICES].db.pool, call.path.id))


@api.route("POST", "/api/v1/reservations/{id}/payments", summary="Record a cash or card payment", tag=TAG,
           scope="folio:write", path_params=ReservationPath, body=PaymentIn, response=PaymentOut, status=201,
           errors=(404, 409), idempotent=True)
async def record_payment(call: Call[ReservationPath, Empty, PaymentIn]) -> Reply:
    """``Idempotency-Key`` is required (428 without) so a retried request never charges twice.
    Paying a hold confirms it."""
    receipt = await payments.record_payment(
        call.app[SERVICES], call.path.id, call.body.amount, call.body.provider, call.actor,
        call.request.headers.get("Idempotency-Key"),
    )
    return Reply(PaymentOut.model_validate(receipt), status=201, headers=_replayed(receipt.replayed))


@api.route("POST", "/api/v1/reservations/{id}/refunds", summary="Refund (part of) a payment", tag=TAG,
           scope="folio:write", path_params=ReservationPath, body=RefundIn, response=RefundOut, status=201,
           errors=(403, 404, 409, 502), idempotent=True)
async def refund_payment(call: Call[ReservationPath, Empty, RefundIn]) -> Reply:
    """Cash and card go back through the till, wallets through their provider. Refunds above
    CONCIERGE_REFUND_LIMIT_FRONT_DESK, or of a payment another user took, need the manager role."""
    refund = await payments.refund_payment(
        call.app[SERVICES], call.path.id, call.body.payment_id, call.body.amount, call.body.reason, call.actor,
        call.request.headers.get("Idempotency-Key"), role=call.user.role,
    )
    return Reply(RefundOut.model_validate(refund), status=201, headers=_replayed(refund.replayed))
