"""Check-in by QR code + one-time code, and check-out with the folio settled.

The guest's QR code carries a signed token: ``base64url(reservation id | expiry | HMAC-SHA256)``
where the HMAC (``services.secret``) covers the reservation id, its confirmation code and the
expiry, so a token cannot be forged, moved to another booking, or used after it expires.

At the desk, scanning the QR issues a 6-digit code (10 minutes, at most 5 tries, one active code
per reservation, stored only as a salted HMAC; at most ``scans_per_hour`` codes per reservation).
Delivery: normally the code goes to the guest's phone, through the outbox (event
``checkin.otp_issued``, sent by the SMS handler), and is never shown to staff, so it proves the guest
holds their phone. In desk mode (an explicit setting, on by default only when no SMS provider is
configured) the scan response returns the code to the authenticated desk user, who reads it to the
guest: the code then only proves the guest holds the QR.

Entering the code checks the guest in (guards: confirmed, arrival day <= hotel today < departure
day, a room assigned and clean or inspected) and asks for a door key through the outbox
(``backoffice.doorkeys``): the key exists only if the check-in commits. Check-out posts every
night's room charge not posted yet, refuses a balance due unless settled in the same request or
``allow_open_balance`` is set, asks for the key's revocation (retried until the lock confirms) and
hands the room to housekeeping.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import io
import secrets
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any, Final, Literal
from uuid import UUID

import asyncpg

from backoffice import allocation, audit, doorkeys, guests, inventory, ledger, outbox
from backoffice.audit import Actor
from backoffice.errors import BackofficeError, Conflict, InvalidTransition, NotFound, TooManyAttempts, ValidationFailed
from backoffice.housekeeping import on_checkout
from backoffice.idempotency import run_once
from backoffice.ledger import NightCharge
from backoffice.payments import StaffProvider, take_payment
from backoffice.reservation_states import RESERVATION
from backoffice.services import Services
from backoffice.statemachine import audit_refusal, transition

OTP_TTL: Final = timedelta(minutes=10)
OTP_MAX_ATTEMPTS: Final = 5
SCANS_PER_HOUR: Final = 5
READY_FOR_GUEST: Final = frozenset({"clean", "inspected"})
_SIGNATURE_BYTES: Final = 16  # 128-bit truncated HMAC: unforgeable, and keeps the QR small
_EXPIRY_BYTES: Final = 5

Delivery = Literal["sms", "desk"]


# --- QR token -----------------------------------------------------------------------------------


def _signature(secret: bytes, reservation_id: UUID, confirmation_code: str, expires: int) -> bytes:
    message = f"checkin|{reservation_id}|{confirmation_code}|{expires}".encode()
    return hmac.new(secret, message, hashlib.sha256).digest()[:_SIGNATURE_BYTES]


def sign_token(secret: bytes, reservation_id: UUID, confirmation_code: str, expires_at: datetime) -> str:
    expires = int(expires_at.timestamp())
    raw = reservation_id.bytes + expires.to_bytes(_EXPIRY_BYTES, "big")
    raw += _signature(secret, reservation_id, confirmation_code, expires)
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def _invalid_token() -> ValidationFailed:
    return ValidationFailed("this check-in QR code is not valid; ask the guest for the latest one", field="token")


def _unpack_token(token: str) -> tuple[UUID, int, bytes]:
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
    except (ValueError, TypeError):
        raise _invalid_token() from None
    if len(raw) != 16 + _EXPIRY_BYTES + _SIGNATURE_BYTES:
        raise _invalid_token()
    return UUID(bytes=raw[:16]), int.from_bytes(raw[16 : 16 + _EXPIRY_BYTES], "big"), raw[16 + _EXPIRY_BYTES :]


async def reservation_for_token(services: Services, conn: asyncpg.Connection | asyncpg.Pool, token: str) -> UUID:
    """The reservation a QR token was issued for, or ValidationFailed (forged, altered or expired)."""
    reservation_id, expires, signature = _unpack_token(token.strip())
    code = await conn.fetchval("SELECT confirmation_code FROM reservations WHERE id = $1", reservation_id)
    expected = _signature(services.secret, reservation_id, code or "", expires)
    if code is None or not hmac.compare_digest(signature, expected):
        raise _invalid_token()
    if expires <= services.now().timestamp():
        raise ValidationFailed("this check-in QR code has expired; send the guest a new one", field="token")
    return reservation_id


@dataclass(frozen=True)
class CheckinQr:
    reservation_id: UUID
    confirmation_code: str
    token: str
    expires_at: datetime

    def png(self) -> bytes:
        return qr_png(self.token)

    def data_url(self) -> str:
        return "data:image/png;base64," + base64.b64encode(self.png()).decode()


def qr_png(text: str) -> bytes:
    import qrcode  # imported here: Pillow is only needed when an image is asked for

    image = qrcode.make(text, box_size=8, border=2)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def _departure(services: Services, reservation: asyncpg.Record) -> datetime:
    """Check-out time on the departure day, in the hotel's time zone: when keys and QR codes stop working."""
    policy = services.policy
    return datetime.combine(reservation["check_out"], policy.check_out_time, policy.timezone).astimezone(UTC)


async def checkin_qr(services: Services, reservation_id: UUID) -> CheckinQr:
    """The QR code for a confirmed reservation, valid until its departure."""
    reservation = await services.db.pool.fetchrow("SELECT * FROM reservations WHERE id = $1", reservation_id)
    if reservation is None:
        raise NotFound(f"reservation {reservation_id} not found")
    if reservation["status"] != "confirmed":
        state = reservation["status"].replace("_", " ")
        raise InvalidTransition(f"a check-in QR code is only issued for a confirmed reservation (this one is {state})",
                                current_state=reservation["status"], action="check_in")
    expires_at = _departure(services, reservation)
    token = sign_token(services.secret, reservation_id, reservation["confirmation_code"], expires_at)
    return CheckinQr(reservation_id, reservation["confirmation_code"], token, expires_at)


# --- one-time code ------------------------------------------------------------------------------


def _otp_hash(secret: bytes, reservation_id: UUID, otp: str, salt: str) -> str:
    digest = hmac.new(secret, f"otp|{salt}|{reservation_id}|{otp}".encode(), hashlib.sha256).hexdigest()
    return f"{salt}${digest}"


def _otp_matches(secret: bytes, reservation_id: UUID, otp: str, stored: str) -> bool:
    salt, _, _ = stored.partition("$")
    return hmac.compare_digest(_otp_hash(secret, reservation_id, otp, salt), stored)


@dataclass(frozen=True)
class OtpIssued:
    reservation_id: UUID
    confirmation_code: str
    guest_name: str
    expires_at: datetime
    delivery: Delivery
    otp: str | None  # only when delivery == "desk": staff read it to the guest


async def scan(
    services: Services, token: str, actor: Actor, *, desk_mode: bool, scans_per_hour: int = SCANS_PER_HOUR
) -> OtpIssued:
    """The desk scanned a guest's QR code: check they may check in now and issue a fresh code, sent
    to the guest's phone (``desk_mode=False``) or returned for the desk to read out."""
    async with services.db.transaction() as conn:
        reservation_id = await reservation_for_token(services, conn, token)
        reservation = await conn.fetchrow(
            """SELECT r.*, coalesce(r.guest_name, g.name) AS booked_name, g.phone AS guest_phone FROM reservations r
               JOIN guests g ON g.id = r.guest_id WHERE r.id = $1 FOR UPDATE OF r""",
            reservation_id,
        )
        assert reservation is not None
        RESERVATION.next_state(reservation["status"], "check_in")
        await _check_in_guard(services, conn, reservation)
        now = services.now()
        # Counted under the reservation's row lock, so simultaneous scans cannot all slip under it.
        recent = await conn.fetchval(
            "SELECT count(*) FROM checkin_otps WHERE reservation_id = $1 AND created_at > $2",
            reservation_id, now - timedelta(hours=1),
        )
        if recent >= scans_per_hour:
            raise TooManyAttempts(f"this QR code was scanned {recent} times in the last hour; try again later",
                                  field="token")
        phone = None
        if not desk_mode:
            if not reservation["guest_phone"]:
                raise Conflict("the guest has no phone number to text the code to; add one to the booking",
                               field="phone")
            phone = guests.normalise_phone(reservation["guest_phone"])
        # One active code per reservation: a new scan retires the previous code.
        await conn.execute(
            """UPDATE checkin_otps SET expires_at = $2
               WHERE reservation_id = $1 AND consumed_at IS NULL AND expires_at > $2""",
            reservation_id, now,
        )
        otp = f"{secrets.randbelow(10**6):06d}"
        expires_at = now + OTP_TTL
        otp_id = await conn.fetchval(
            """INSERT INTO checkin_otps (reservation_id, otp_hash, expires_at, max_attempts, created_at)
               VALUES ($1, $2, $3, $4, $5) RETURNING id""",
            reservation_id, _otp_hash(services.secret, reservation_id, otp, secrets.token_hex(8)), expires_at,
            OTP_MAX_ATTEMPTS, now,
        )
        delivery: Delivery = "desk" if desk_mode else "sms"
        if phone is not None:
            # Sent by the SMS handler once this commits; the desk never sees the code.
            await outbox.emit(conn, "checkin.otp_issued", "reservation", reservation_id,
                              {"reservation_id": str(reservation_id), "phone": phone, "code": otp,
                               "expires_at": expires_at.isoformat()})
        await audit.record(conn, actor, "checkin.otp_issued", "reservation", reservation_id,
                           new={"otp_id": otp_id, "delivery": delivery, "expires_at": expires_at})
    return OtpIssued(reservation_id, reservation["confirmation_code"], reservation["booked_name"], expires_at,
                     delivery, otp if delivery == "desk" else None)


@dataclass(frozen=True)
class CheckInResult:
    reservation_id: UUID
    confirmation_code: str
    room_number: str
    key_credential: str
    key_valid_until: datetime
    checked_in_at: datetime
    key_status: str = "active"  # "granting": the lock has not confirmed yet; the relay keeps trying


async def verify(services: Services, token: str, otp: str, actor: Actor) -> CheckInResult:
    """The guest gave the code: check it and check them in, in one transaction.

    A wrong code still counts: the attempt is committed before the refusal is raised.
    """
    reservation_id = await reservation_for_token(services, services.db.pool, token)
    wrong: BackofficeError | None = None
    result: CheckInResult | None = None
    try:
        async with services.db.transaction() as conn:
            now = services.now()
            row = await conn.fetchrow(
                """SELECT * FROM checkin_otps WHERE reservation_id = $1 AND consumed_at IS NULL AND expires_at > $2
                   ORDER BY created_at DESC LIMIT 1 FOR UPDATE""",
                reservation_id, now,
            )
            if row is None:
                raise ValidationFailed("no active check-in code (expired or already used); scan the QR code again",
                                       field="otp")
            if row["attempts"] >= row["max_attempts"]:
                raise TooManyAttempts("too many wrong codes; scan the QR code again for a new one", field="otp")
            if not _otp_matches(services.secret, reservation_id, otp.strip(), row["otp_hash"]):
                attempts = row["attempts"] + 1
                await conn.execute("UPDATE checkin_otps SET attempts = $2 WHERE id = $1", row["id"], attempts)
                await audit.record(conn, actor, "checkin.otp_rejected", "reservation", reservation_id,
                                   new={"otp_id": row["id"], "attempts": attempts})
                left = row["max_attempts"] - attempts
                wrong = (TooManyAttempts("too many wrong codes; scan the QR code again for a new one", field="otp")
                         if left <= 0 else
                         ValidationFailed(f"wrong code; {left} attempt{'s' if left > 1 else ''} left", field="otp",
                                          attempts_left=left))
            else:
                await conn.execute("UPDATE checkin_otps SET consumed_at = $2 WHERE id = $1", row["id"], now)
                result = await check_in(services, reservation_id, actor, conn=conn)
    except (InvalidTransition, Conflict) as refused:
        await audit_refusal(services.db, RESERVATION, reservation_id, "check_in", actor, refused)
        raise
    if wrong is not None:
        raise wrong
    assert result is not None
    await doorkeys.deliver_now(services, reservation_id)  # committed: hand the key to the lock now
    status = await doorkeys.key_status(services.db.pool, result.key_credential)
    return replace(result, key_status=status or result.key_status)


# --- check-in -----------------------------------------------------------------------------------


async def _check_in_guard(services: Services, conn: asyncpg.Connection, reservation: asyncpg.Record) -> None:
    today = services.today()
    if today < reservation["check_in"]:
        raise InvalidTransition(
            f"check-in opens on the arrival date, {reservation['check_in'].isoformat()} (today is {today.isoformat()})",
            current_state=reservation["status"], action="check_in")
    if today >= reservation["check_out"]:
        raise InvalidTransition(
            f"the stay ended on {reservation['check_out'].isoformat()}; it can no longer be checked in",
            current_state=reservation["status"], action="check_in")
    if reservation["room_id"] is None:
        raise Conflict("no room is assigned yet; assign a room before checking in", field="room_id")
    room = await conn.fetchrow("SELECT room_number, condition FROM rooms WHERE id = $1", reservation["room_id"])
    assert room is not None
    if room["condition"] not in READY_FOR_GUEST:
        raise Conflict(
            f"room {room['room_number']} is {room['condition']}; it must be clean or inspected before check-in",
            field="room_id", room_number=room["room_number"], condition=room["condition"])


async def check_in(
    services: Services, reservation_id: UUID, actor: Actor, *, conn: asyncpg.Connection | None = None
) -> CheckInResult:
    """Check a guest in and ask for their door key. ``conn`` joins the caller's transaction; the key
    is then only delivered by the relay once that transaction commits."""
    granted: dict[str, doorkeys.RequestedKey] = {}

    async def guard(conn: asyncpg.Connection, before: Any) -> None:
        await _check_in_guard(services, conn, before)

    async def follow_up(conn: asyncpg.Connection, before: Any, after: Any) -> None:
        room_number = await conn.fetchval("SELECT room_number FROM rooms WHERE id = $1", after["room_id"])
        # Only asked for here: the lock is called after commit, so a rollback leaves no key.
        granted["key"] = await doorkeys.request_grant(conn, actor, reservation_id, room_number,
                                                      _departure(services, after))
        await outbox.emit(conn, "reservation.checked_in", "reservation", reservation_id,
                          {"room_number": room_number, "confirmation_code": after["confirmation_code"]})

    after = await transition(services.db, RESERVATION, reservation_id, "check_in", actor, guard=guard,
                             changes={"checked_in_at": services.now()}, follow_up=follow_up, conn=conn)
    key = granted["key"]
    status = "granting"
    if conn is None:  # committed: hand the key to the lock now rather than at the relay's next pass
        await doorkeys.deliver_now(services, reservation_id)
        status = await doorkeys.key_status(services.db.pool, key.credential_id) or status
    return CheckInResult(reservation_id, after["confirmation_code"], key.room_number, key.credential_id,
                         key.valid_until, after["checked_in_at"], status)


# --- check-out ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Settlement:
    """A payment taken at the desk as part of check-out."""

    amount: Decimal
    provider: StaffProvider


@dataclass(frozen=True)
class CheckOutResult:
    reservation_id: UUID
    confirmation_code: str
    room_number: str | None
    nights_posted: list[NightCharge]
    payment_id: UUID | None
    balance: Decimal  # left on the folio: > 0 only when allow_open_balance was set
    housekeeping_task_id: UUID | None
    checked_out_at: datetime
    replayed: bool = field(default=False)


async def check_out(
    services: Services,
    reservation_id: UUID,
    actor: Actor,
    *,
    allow_open_balance: bool = False,
    payment: Settlement | None = None,
    idempotency_key: str | None = None,
) -> CheckOutResult:
    """Post the stay, settle or allow the balance, check out, revoke the key, dirty the room."""

    async def operation(conn: asyncpg.Connection) -> tuple[int, dict[str, Any]]:
        reservation = await conn.fetchrow("SELECT * FROM reservations WHERE id = $1 FOR UPDATE", reservation_id)
        if reservation is None:
            raise NotFound(f"reservation {reservation_id} not found")
        RESERVATION.next_state(reservation["status"], "check_out")
        posted = await ledger.post_room_charges(conn, reservation, services.policy.tax_rate, actor)
        payment_id = None
        if payment is not None:
            receipt = await take_payment(services, conn, reservation_id, payment.amount, payment.provider, actor)
            payment_id = receipt.payment_id
        balance = await ledger.folio_balance(conn, reservation_id)
        if balance > 0 and not allow_open_balance:
            currency = reservation["currency"].strip()
            raise Conflict(
                f"{balance} {currency} is still due; take a payment or check out with allow_open_balance",
                field="payment", balance_due=str(balance), currency=currency)
        now = services.now()
        after = await transition(services.db, RESERVATION, reservation_id, "check_out", actor,
                                 changes={"checked_out_at": now}, conn=conn)
        today = services.today()
        if today < after["check_out"]:
            # An early departure frees the rest of the stay for resale; the nights stay charged as booked.
            await allocation.release_room_nights(conn, reservation_id, from_night=today)
            await inventory.release(conn, after["room_type_id"], today, after["check_out"])
        room_number = task_id = None
        if after["room_id"] is not None:
            room_number = await conn.fetchval("SELECT room_number FROM rooms WHERE id = $1", after["room_id"])
            await doorkeys.request_revoke(conn, actor, reservation_id, legacy_room=room_number)  # every key
            task_id = await on_checkout(conn, after["room_id"], reservation_id, actor, today=services.today())
        await outbox.emit(conn, "reservation.checked_out", "reservation", reservation_id,
                          {"room_number": room_number, "balance": balance, "open_balance": balance > 0})
        result = CheckOutResult(reservation_id, after["confirmation_code"], room_number, posted, payment_id,
                                balance, task_id, now)
        return 200, asdict(result)

    request = {"reservation_id": reservation_id, "allow_open_balance": allow_open_balance,
               "payment": asdict(payment) if payment else None}
    try:
        stored = await run_once(services.db, "check-out", idempotency_key, request, operation)
    except (InvalidTransition, Conflict) as refused:
        await audit_refusal(services.db, RESERVATION, reservation_id, "check_out", actor, refused)
        raise
    await doorkeys.deliver_now(services, reservation_id)  # committed: revoke now; the relay retries
    return _checkout_result(stored.body, replayed=stored.replayed)


def _checkout_result(body: dict[str, Any], *, replayed: bool) -> CheckOutResult:
    """Rebuild the result from the first response (a replay reads it back from JSON)."""
    def uuid_or_none(value: Any) -> UUID | None:
        return None if value is None else UUID(str(value))

    nights = [NightCharge(date.fromisoformat(str(n["night"])), Decimal(str(n["net"])), Decimal(str(n["tax"])))
              for n in body["nights_posted"]]
    checked_out = body["checked_out_at"]
    return CheckOutResult(
        reservation_id=UUID(str(body["reservation_id"])), confirmation_code=body["confirmation_code"],
        room_number=body["room_number"], nights_posted=nights, payment_id=uuid_or_none(body["payment_id"]),
        balance=Decimal(str(body["balance"])), housekeeping_task_id=uuid_or_none(body["housekeeping_task_id"]),
        checked_out_at=checked_out if isinstance(checked_out, datetime) else datetime.fromisoformat(checked_out),
        replayed=replayed,
    )
