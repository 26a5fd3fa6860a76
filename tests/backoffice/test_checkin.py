"""Check-in by QR + one-time code, its guards, and check-out with the folio and housekeeping."""

from __future__ import annotations

import asyncio
import base64
from datetime import timedelta
from decimal import Decimal

import pytest

from backoffice import checkin, ledger
from backoffice.audit import Actor
from backoffice.errors import Conflict, InvalidTransition, TooManyAttempts, ValidationFailed
from tests.factories import make_room_type
from tests.frontdesk_factories import book, room_id

DESK = Actor.system("test-desk")


async def arriving_today(db, services, *, nights=2, room="101", condition="inspected", status="confirmed"):
    room_type = await make_room_type(db, rooms=3)
    room_uuid = await room_id(db, room) if room else None
    if room_uuid:
        await db.pool.execute("UPDATE rooms SET condition = $2 WHERE id = $1", room_uuid, condition)
    return await book(db, room_type, services.today(), ["5000.00"] * nights, room_id=room_uuid, status=status)


async def desk_code(services, token):
    issued = await checkin.scan(services, token, DESK, desk_mode=True)
    assert issued.delivery == "desk" and issued.otp is not None and len(issued.otp) == 6
    return issued.otp


def wrong(otp: str) -> str:
    return f"{(int(otp) + 1) % 10**6:06d}"


# --- QR token -----------------------------------------------------------------------------------


async def test_qr_token_round_trips_and_renders_a_png(db, services):
    stay = await arriving_today(db, services)
    qr = await checkin.checkin_qr(services, stay.id)
    assert len(qr.token) < 64 and qr.token.replace("-", "").replace("_", "").isalnum()
    assert await checkin.reservation_for_token(services, db.pool, qr.token) == stay.id
    assert qr.png().startswith(b"\x89PNG\r\n\x1a\n")
    assert qr.data_url().startswith("data:image/png;base64,")


async def test_tampered_or_foreign_tokens_are_refused(db, services):
    stay = await arriving_today(db, services)
    qr = await checkin.checkin_qr(services, stay.id)
    raw = bytearray(base64.urlsafe_b64decode(qr.token + "=" * (-len(qr.token) % 4)))
    for position in (0, 17, len(raw) - 1):  # reservation id, expiry, signature
        altered = bytearray(raw)
        altered[position] ^= 0x01
        token = base64.urlsafe_b64encode(bytes(altered)).rstrip(b"=").decode()
        with pytest.raises(ValidationFailed) as refused:
            await checkin.reservation_for_token(services, db.pool, token)
        assert refused.value.field == "token"
    for garbage in ("", "not a token", qr.token[:-4], "A" * 500):
        with pytest.raises(ValidationFailed):
            await checkin.reservation_for_token(services, db.pool, garbage)
    # Signed with another key (another hotel, or a rotated secret): refused.
    forged = checkin.sign_token(b"other-secret", stay.id, stay.confirmation_code, qr.expires_at)
    with pytest.raises(ValidationFailed):
        await checkin.reservation_for_token(services, db.pool, forged)
    # The confirmation code is part of the signature: re-issuing a booking's code voids old QR codes.
    await db.pool.execute("UPDATE reservations SET confirmation_code = 'NEWCODE1' WHERE id = $1", stay.id)
    with pytest.raises(ValidationFailed):
        await checkin.reservation_for_token(services, db.pool, qr.token)


async def test_token_expires_at_departure(db, services, clock):
    stay = await arriving_today(db, services, nights=1)
    qr = await checkin.checkin_qr(services, stay.id)
    clock.set(qr.expires_at - timedelta(seconds=1))
    assert await checkin.reservation_for_token(services, db.pool, qr.token) == stay.id
    clock.set(qr.expires_at)
    with pytest.raises(ValidationFailed, match="expired"):
        await checkin.reservation_for_token(services, db.pool, qr.token)


async def test_qr_only_for_confirmed_reservations(db, services):
    stay = await arriving_today(db, services, status="cancelled")
    with pytest.raises(InvalidTransition, match="confirmed"):
        await checkin.checkin_qr(services, stay.id)


# --- one-time code ------------------------------------------------------------------------------


async def test_code_checks_the_guest_in_and_grants_a_key_once(db, services):
    stay = await arriving_today(db, services)
    qr = await checkin.checkin_qr(services, stay.id)
    otp = await desk_code(services, qr.token)
    stored = await db.pool.fetchval("SELECT otp_hash FROM checkin_otps WHERE reservation_id = $1", stay.id)
    assert otp not in stored
    with pytest.raises(ValidationFailed, match="4 attempts left"):
        await checkin.verify(services, qr.token, wrong(otp), DESK)
    result = await checkin.verify(services, qr.token, otp, DESK)
    assert result.room_number == "101"
    assert services.door_lock.active["101", str(stay.id)].credential == result.key_credential
    row = await db.pool.fetchrow("SELECT status, checked_in_at FROM reservations WHERE id = $1", stay.id)
    assert row["status"] == "checked_in" and row["checked_in_at"] == services.now()
    with pytest.raises(ValidationFailed, match="no active check-in code"):
        await checkin.verify(services, qr.token, otp, DESK)
    events = await db.pool.fetch("SELECT event_type FROM outbox WHERE aggregate_id = $1", str(stay.id))
    assert "reservation.checked_in" in [e["event_type"] for e in events]
    actions = {r["action"] for r in await db.pool.fetch("SELECT action FROM audit_logs")}
    assert {"checkin.otp_issued", "checkin.otp_rejected", "reservation.check_in", "door_key.grant"} <= actions


async def test_code_expires_after_ten_minutes(db, services, clock):
    stay = await arriving_today(db, services)
    qr = await checkin.checkin_qr(services, stay.id)
    otp = await desk_code(services, qr.token)
    clock.advance(minutes=10)
    with pytest.raises(ValidationFailed, match="expired or already used"):
        await checkin.verify(services, qr.token, otp, DESK)
    assert await db.pool.fetchval("SELECT status FROM reservations WHERE id = $1", stay.id) == "confirmed"


async def test_five_wrong_codes_lock_the_code_even_for_the_right_one(db, services):
    stay = await arriving_today(db, services)
    qr = await checkin.checkin_qr(services, stay.id)
    otp = await desk_code(services, qr.token)
    for _ in range(4):
        with pytest.raises(ValidationFailed):
            await checkin.verify(services, qr.token, wrong(otp), DESK)
    with pytest.raises(TooManyAttempts):
        await checkin.verify(services, qr.token, wrong(otp), DESK)
    with pytest.raises(TooManyAttempts):
        await checkin.verify(services, qr.token, otp, DESK)
    assert await db.pool.fetchval("SELECT attempts FROM checkin_otps WHERE reservation_id = $1", stay.id) == 5
    # A new scan gives a new code with fresh attempts.
    fresh = await desk_code(services, qr.token)
    assert (await checkin.verify(services, qr.token, fresh, DESK)).room_number == "101"


async def test_a_new_scan_retires_the_previous_code(db, services):
    stay = await arriving_today(db, services)
    qr = await checkin.checkin_qr(services, stay.id)
    first = await desk_code(services, qr.token)
    second = await desk_code(services, qr.token)
    if first != second:
        with pytest.raises(ValidationFailed):
            await checkin.verify(services, qr.token, first, DESK)
    active = await db.pool.fetchval(
        "SELECT count(*) FROM checkin_otps WHERE reservation_id = $1 AND expires_at > $2", stay.id, services.now())
    assert active == 1
    assert (await checkin.verify(services, qr.token, second, DESK)).room_number == "101"


async def test_outside_desk_mode_the_code_goes_to_the_guests_phone_through_the_outbox(db, services):
    room_type = await make_room_type(db)
    stay = await book(db, room_type, services.today(), ["5000.00"], room_id=await room_id(db, "101"),
                      guest_phone="+8801711000000")
    qr = await checkin.checkin_qr(services, stay.id)
    issued = await checkin.scan(services, qr.token, DESK, desk_mode=False)
    assert (issued.delivery, issued.otp) == ("sms", None)
    event = await db.pool.fetchrow("SELECT * FROM outbox WHERE event_type = 'checkin.otp_issued'")
    payload = event["payload"]
    assert (event["aggregate_id"], payload["reservation_id"], payload["phone"]) == (
        str(stay.id), str(stay.id), "+8801711000000")
    assert payload["expires_at"] == issued.expires_at.isoformat()
    assert (await checkin.verify(services, qr.token, payload["code"], DESK)).room_number == "101"


async def test_outside_desk_mode_a_guest_without_a_phone_gets_no_code(db, services):
    stay = await arriving_today(db, services)
    qr = await checkin.checkin_qr(services, stay.id)
    with pytest.raises(Conflict) as refused:
        await checkin.scan(services, qr.token, DESK, desk_mode=False)
    assert refused.value.field == "phone"
    assert await db.pool.fetchval("SELECT count(*) FROM checkin_otps") == 0


async def test_scans_are_limited_per_reservation_per_hour(db, services, clock):
    stay = await arriving_today(db, services)
    qr = await checkin.checkin_qr(services, stay.id)
    for _ in range(3):
        await checkin.scan(services, qr.token, DESK, desk_mode=True, scans_per_hour=3)
        clock.advance(minutes=1)
    with pytest.raises(TooManyAttempts) as refused:
        await checkin.scan(services, qr.token, DESK, desk_mode=True, scans_per_hour=3)
    assert refused.value.field == "token"
    clock.advance(minutes=58)  # the first scan is now over an hour old
    await checkin.scan(services, qr.token, DESK, desk_mode=True, scans_per_hour=3)


# --- guards -------------------------------------------------------------------------------------


async def test_check_in_refused_before_the_arrival_day(db, services):
    room_type = await make_room_type(db)
    stay = await book(db, room_type, services.today() + timedelta(days=1), ["5000.00"],
                      room_id=await room_id(db, "101"))
    qr = await checkin.checkin_qr(services, stay.id)
    with pytest.raises(InvalidTransition, match="opens on the arrival date"):
        await checkin.scan(services, qr.token, DESK, desk_mode=True)
    with pytest.raises(InvalidTransition, match="opens on the arrival date"):
        await checkin.check_in(services, stay.id, DESK)
    refused = await db.pool.fetchrow("SELECT * FROM audit_logs WHERE outcome = 'refused'")
    assert refused["action"] == "reservation.check_in"


async def test_check_in_needs_an_assigned_room(db, services):
    stay = await arriving_today(db, services, room=None)
    with pytest.raises(Conflict, match="no room is assigned"):
        await checkin.check_in(services, stay.id, DESK)


async def test_check_in_needs_a_clean_room_and_the_code_survives_the_refusal(db, services):
    stay = await arriving_today(db, services)
    qr = await checkin.checkin_qr(services, stay.id)
    otp = await desk_code(services, qr.token)
    await db.pool.execute("UPDATE rooms SET condition = 'dirty' WHERE room_number = '101'")
    with pytest.raises(Conflict, match="room 101 is dirty"):
        await checkin.verify(services, qr.token, otp, DESK)
    assert await db.pool.fetchval("SELECT status FROM reservations WHERE id = $1", stay.id) == "confirmed"
    assert services.door_lock.active == {}
    assert await db.pool.fetchval("SELECT count(*) FROM audit_logs WHERE outcome = 'refused'") == 1
    await db.pool.execute("UPDATE rooms SET condition = 'clean' WHERE room_number = '101'")
    assert (await checkin.verify(services, qr.token, otp, DESK)).room_number == "101"


async def test_check_in_refused_unless_confirmed(db, services):
    stay = await arriving_today(db, services, status="hold")
    with pytest.raises(InvalidTransition, match="cannot check in a reservation that is hold"):
        await checkin.check_in(services, stay.id, DESK)


# --- check-out ----------------------------------------------------------------------------------


async def checked_in(db, services, nights=2):
    stay = await arriving_today(db, services, nights=nights)
    await checkin.check_in(services, stay.id, DESK)
    return stay


async def test_check_out_posts_the_stay_dirties_the_room_and_opens_a_clean(db, services, clock):
    stay = await checked_in(db, services)
    clock.advance(days=2)
    with pytest.raises(Conflict, match="11500.00 BDT is still due") as refused:
        await checkin.check_out(services, stay.id, DESK)
    assert refused.value.extra["balance_due"] == "11500.00"
    assert await db.pool.fetchval("SELECT count(*) FROM ledger_entries") == 0  # rolled back with the refusal
    assert await db.pool.fetchval("SELECT status FROM reservations WHERE id = $1", stay.id) == "checked_in"

    result = await checkin.check_out(services, stay.id, DESK,
                                     payment=checkin.Settlement(Decimal("11500.00"), "card"), idempotency_key="co-1")
    assert [n.net for n in result.nights_posted] == [Decimal("5000.00"), Decimal("5000.00")]
    assert result.balance == Decimal("0.00") and result.payment_id is not None
    assert await db.pool.fetchval("SELECT status FROM reservations WHERE id = $1", stay.id) == "checked_out"
    assert await db.pool.fetchval("SELECT condition FROM rooms WHERE room_number = '101'") == "dirty"
    task = await db.pool.fetchrow("SELECT * FROM housekeeping_tasks WHERE id = $1", result.housekeeping_task_id)
    assert (task["task_type"], task["status"], task["reservation_id"]) == ("checkout_clean", "open", stay.id)
    assert services.door_lock.active == {}
    folio = await ledger.folio(db.pool, stay.id)
    assert (folio.charges, folio.credits, folio.balance) == (Decimal("11500.00"), Decimal("11500.00"), 0)
    assert (await ledger.trial_balance(db.pool)).balanced

    replay = await checkin.check_out(services, stay.id, DESK,
                                     payment=checkin.Settlement(Decimal("11500.00"), "card"), idempotency_key="co-1")
    assert replay.replayed and replay.payment_id == result.payment_id and replay.nights_posted == result.nights_posted
    assert await db.pool.fetchval("SELECT count(*) FROM payments") == 1
    with pytest.raises(InvalidTransition, match="checked out"):
        await checkin.check_out(services, stay.id, DESK)


async def test_check_out_with_an_open_balance_when_allowed(db, services):
    stay = await checked_in(db, services, nights=1)
    await checkin.check_out(services, stay.id, DESK, allow_open_balance=True)
    assert await ledger.folio_balance(db.pool, stay.id) == Decimal("5750.00")
    assert await db.pool.fetchval("SELECT status FROM reservations WHERE id = $1", stay.id) == "checked_out"


async def test_nights_already_posted_are_not_posted_again(db, services, clock):
    stay = await checked_in(db, services)
    async with db.transaction() as conn:  # the night audit posted the first night
        row = await conn.fetchrow("SELECT * FROM reservations WHERE id = $1 FOR UPDATE", stay.id)
        first = ledger.night_charges(row, services.policy.tax_rate)[:1]
        await ledger.post(conn, stay.id, "room_charge", "night 1",
                          [ledger.Line("guest_folio", first[0].gross), ledger.Line("room_revenue", -first[0].net),
                           ledger.Line("tax_payable", -first[0].tax)], DESK, currency="BDT",
                          reference=ledger.Reference(ledger.NIGHT_REFERENCE, first[0].night.isoformat()))
    clock.advance(days=2)
    result = await checkin.check_out(services, stay.id, DESK, allow_open_balance=True)
    assert [n.night for n in result.nights_posted] == [services.today() - timedelta(days=1)]
    assert result.balance == Decimal("11500.00")


# --- the whole stay through the real commands ---------------------------------------------------


async def test_a_whole_stay_through_booking_allocation_check_in_and_check_out(db, services, clock):
    """Seeded hotel, a caller's hold paid by deposit, a room auto-assigned, QR check-in on arrival day,
    check-out settling the rest: the folio equals the quote, the KPIs see the stay, the books balance."""
    from backoffice import allocation, payments, reports, reservations
    from backoffice.reservations import CreateReservation, GuestDetails
    from backoffice.seed import seed_demo

    await seed_demo(db, services.policy, password="pw")
    arrival, departure = services.today() + timedelta(days=2), services.today() + timedelta(days=5)
    booking = await reservations.create_reservation(
        services, CreateReservation(room_type="DLX", check_in=arrival, check_out=departure, guests=2, hold=True,
                                    guest=GuestDetails(name="Farhana Ahmed", phone="+8801712345678")), DESK)
    view = booking.reservation
    deposit = await payments.record_payment(services, view.id, Decimal("5000.00"), "card", DESK, "deposit-1")
    assert deposit.reservation_status == "confirmed"
    assignment = await allocation.assign_room(services, view.id, DESK)

    clock.advance(days=2)
    qr = await checkin.checkin_qr(services, view.id)
    issued = await checkin.scan(services, qr.token, DESK, desk_mode=False)  # guest has a phone: goes by SMS
    assert issued.delivery == "sms" and issued.otp is None
    otp = await desk_code(services, qr.token)  # SMS never arrived; the desk issues a new code
    result = await checkin.verify(services, qr.token, otp, DESK)
    assert result.room_number == assignment.room_number

    clock.advance(days=3)
    due = view.total_price - Decimal("5000.00")
    out = await checkin.check_out(services, view.id, DESK, payment=checkin.Settlement(due, "cash"))
    assert out.balance == 0 and len(out.nights_posted) == 3
    folio = await ledger.folio(db.pool, view.id)
    assert folio.charges == view.total_price
    quote = await db.pool.fetchval("SELECT quote FROM reservations WHERE id = $1", view.id)
    kpis = await reports.kpis(db.pool, services.policy, arrival, departure)
    assert kpis.room_revenue == Decimal(quote["subtotal"]) and kpis.room_nights_sold == 3
    assert (await ledger.trial_balance(db.pool)).balanced
    room = await db.pool.fetchrow("SELECT condition FROM rooms WHERE room_number = $1", assignment.room_number)
    assert room["condition"] == "dirty"


# --- races --------------------------------------------------------------------------------------


async def test_two_desks_entering_the_same_code_check_in_once(db, services):
    stay = await arriving_today(db, services)
    qr = await checkin.checkin_qr(services, stay.id)
    otp = await desk_code(services, qr.token)
    outcomes = await asyncio.gather(*(checkin.verify(services, qr.token, otp, DESK) for _ in range(2)),
                                    return_exceptions=True)
    assert sum(isinstance(o, checkin.CheckInResult) for o in outcomes) == 1
    assert sum(isinstance(o, ValidationFailed) for o in outcomes) == 1
    assert len(services.door_lock.active) == 1
    assert await db.pool.fetchval("SELECT count(*) FROM audit_logs WHERE action = 'reservation.check_in'") == 1


async def test_two_check_outs_at_once_post_the_stay_once(db, services, clock):
    stay = await checked_in(db, services)
    clock.advance(days=2)
    outcomes = await asyncio.gather(
        *(checkin.check_out(services, stay.id, DESK, allow_open_balance=True) for _ in range(2)),
        return_exceptions=True)
    assert sum(isinstance(o, checkin.CheckOutResult) for o in outcomes) == 1
    assert sum(isinstance(o, InvalidTransition) for o in outcomes) == 1
    assert await ledger.folio_balance(db.pool, stay.id) == Decimal("11500.00")
    assert await db.pool.fetchval("SELECT count(*) FROM housekeeping_tasks") == 1


async def test_an_early_departure_frees_the_rest_of_the_stay_for_resale(db, services, clock):
    stay = await checked_in(db, services, nights=3)
    clock.advance(days=1)  # leaves after one night of three
    today = services.today()
    await checkin.check_out(services, stay.id, DESK, allow_open_balance=True)
    nights = await db.pool.fetch("SELECT night FROM room_nights WHERE reservation_id = $1 ORDER BY night", stay.id)
    assert [r["night"] for r in nights] == [today.fromordinal(today.toordinal() - 1)]
    sold = await db.pool.fetch(
        "SELECT night, sold FROM room_type_nights WHERE night >= $1 ORDER BY night", today)
    assert sold and all(r["sold"] == 0 for r in sold)
