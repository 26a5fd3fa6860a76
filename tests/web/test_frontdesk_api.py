"""The front-desk API over a real server: QR, scan, verify, folio, payments, refunds, check-out."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from agent.web.keys import SERVICES
from tests.factories import login, make_room_type
from tests.frontdesk_factories import book, room_id


async def arrival(db, services_today, nights=2):
    room_type = await make_room_type(db, rooms=2)
    return await book(db, room_type, services_today, ["5000.00"] * nights, room_id=await room_id(db, "101"))


async def checked_in_over_http(client, db, headers, stay):
    qr = await (await client.get(f"/api/v1/reservations/{stay.id}/checkin-qr", headers=headers)).json()
    scan = await client.post("/api/v1/checkin/scan", json={"token": qr["token"]}, headers=headers)
    otp = (await scan.json())["otp"]
    verify = await client.post("/api/v1/checkin/verify", json={"token": qr["token"], "otp": otp}, headers=headers)
    assert verify.status == 200, await verify.text()
    return await verify.json()


async def test_qr_scan_verify_checks_the_guest_in(client, db, services):
    desk = await login(client, "front_desk", db)
    stay = await arrival(db, services.today())
    response = await client.get(f"/api/v1/reservations/{stay.id}/checkin-qr", headers=desk)
    assert response.status == 200
    qr = await response.json()
    assert qr["confirmation_code"] == stay.confirmation_code and qr["qr_png"].startswith("data:image/png;base64,")
    image = await client.get(f"/api/v1/reservations/{stay.id}/checkin-qr?format=png", headers=desk)
    assert image.status == 200 and image.content_type == "image/png"
    assert (await image.read()).startswith(b"\x89PNG")

    scan = await client.post("/api/v1/checkin/scan", json={"token": qr["token"]}, headers=desk)
    issued = await scan.json()
    assert scan.status == 200 and issued["delivery"] == "desk" and len(issued["otp"]) == 6
    assert issued["guest_name"] == "Test Guest"

    wrong = f"{(int(issued['otp']) + 1) % 10**6:06d}"
    refused = await client.post("/api/v1/checkin/verify", json={"token": qr["token"], "otp": wrong}, headers=desk)
    assert refused.status == 422 and refused.content_type == "application/problem+json"
    assert (await refused.json())["field"] == "otp"

    done = await client.post("/api/v1/checkin/verify", json={"token": qr["token"], "otp": issued["otp"]},
                             headers=desk)
    assert done.status == 200
    body = await done.json()
    assert body["room_number"] == "101" and body["key_status"] == "active"
    assert client.app[SERVICES].door_lock.active["101", str(stay.id)].credential == body["key_credential"]


async def test_bad_tokens_and_codes_are_problems_not_errors(client, db, services):
    desk = await login(client, "front_desk", db)
    stay = await arrival(db, services.today())
    tampered = await client.post("/api/v1/checkin/scan", json={"token": "AAAA" * 12}, headers=desk)
    assert tampered.status == 422 and (await tampered.json())["field"] == "token"
    malformed = await client.post("/api/v1/checkin/verify", json={"token": "x", "otp": "12ab56"}, headers=desk)
    assert malformed.status == 422 and (await malformed.json())["field"] == "otp"
    qr = await (await client.get(f"/api/v1/reservations/{stay.id}/checkin-qr", headers=desk)).json()
    otp = (await (await client.post("/api/v1/checkin/scan", json={"token": qr["token"]}, headers=desk)).json())["otp"]
    wrong = f"{(int(otp) + 1) % 10**6:06d}"
    statuses = []
    for _ in range(6):
        response = await client.post("/api/v1/checkin/verify", json={"token": qr["token"], "otp": wrong}, headers=desk)
        statuses.append(response.status)
    assert statuses == [422, 422, 422, 422, 429, 429]
    missing = await client.get("/api/v1/reservations/00000000-0000-0000-0000-000000000000/checkin-qr", headers=desk)
    assert missing.status == 404


async def test_early_arrival_is_a_409_with_the_reason(client, db, services):
    desk = await login(client, "front_desk", db)
    stay = await arrival(db, services.today() + timedelta(days=1))
    qr = await (await client.get(f"/api/v1/reservations/{stay.id}/checkin-qr", headers=desk)).json()
    scan = await client.post("/api/v1/checkin/scan", json={"token": qr["token"]}, headers=desk)
    assert scan.status == 409
    assert "arrival date" in (await scan.json())["detail"]


async def test_payment_is_idempotent_and_check_out_settles_the_folio(client, db, services, clock):
    desk = await login(client, "front_desk", db)
    stay = await arrival(db, services.today())
    await checked_in_over_http(client, db, desk, stay)
    clock.advance(days=2)

    due = await client.post(f"/api/v1/reservations/{stay.id}/check-out", json={}, headers=desk)
    assert due.status == 409
    assert (await due.json())["balance_due"] == "11500.00"

    headers = {**desk, "Idempotency-Key": "pay-1"}
    first = await client.post(f"/api/v1/reservations/{stay.id}/payments",
                              json={"amount": "6000.00", "provider": "cash"}, headers=headers)
    again = await client.post(f"/api/v1/reservations/{stay.id}/payments",
                              json={"amount": "6000.00", "provider": "cash"}, headers=headers)
    assert (first.status, again.status) == (201, 201)
    assert again.headers.get("Idempotent-Replayed") == "true"
    assert (await first.json())["payment_id"] == (await again.json())["payment_id"]
    reused = await client.post(f"/api/v1/reservations/{stay.id}/payments",
                               json={"amount": "1.00", "provider": "cash"}, headers=headers)
    assert reused.status == 422

    out = await client.post(f"/api/v1/reservations/{stay.id}/check-out",
                            json={"payment": {"amount": "5500.00", "provider": "card"}}, headers=desk)
    assert out.status == 200, await out.text()
    result = await out.json()
    assert Decimal(result["balance"]) == 0 and len(result["nights_posted"]) == 2
    assert result["housekeeping_task_id"] is not None

    folio = await (await client.get(f"/api/v1/reservations/{stay.id}/folio", headers=desk)).json()
    assert [line["kind"] for line in folio["lines"]] == ["payment", "room_charge", "room_charge", "payment"]
    assert (Decimal(folio["charges"]), Decimal(folio["balance"])) == (Decimal("11500.00"), 0)
    assert await db.pool.fetchval("SELECT condition FROM rooms WHERE room_number = '101'") == "dirty"


async def test_refund_over_http(client, db, services):
    desk = await login(client, "front_desk", db)
    stay = await arrival(db, services.today())
    paid = await (await client.post(f"/api/v1/reservations/{stay.id}/payments",
                                    json={"amount": 2000, "provider": "card"},
                                    headers=desk | {"Idempotency-Key": "pay-1"})).json()
    refund = await client.post(f"/api/v1/reservations/{stay.id}/refunds",
                               json={"payment_id": paid["payment_id"], "amount": "500.00", "reason": "deposit"},
                               headers=desk | {"Idempotency-Key": "refund-1"})
    assert refund.status == 201
    assert (await refund.json())["payment_status"] == "partially_refunded"
    too_much = await client.post(f"/api/v1/reservations/{stay.id}/refunds",
                                 json={"payment_id": paid["payment_id"], "amount": "1500.01", "reason": "x"},
                                 headers=desk | {"Idempotency-Key": "refund-2"})
    assert too_much.status == 422 and (await too_much.json())["field"] == "amount"
    folio = await (await client.get(f"/api/v1/reservations/{stay.id}/folio", headers=desk)).json()
    assert Decimal(folio["balance"]) == Decimal("-1500.00")


async def test_scopes(client, db, services):
    stay = await arrival(db, services.today())
    housekeeping = await login(client, "housekeeping", db)
    for method, path, body in (
        ("GET", f"/api/v1/reservations/{stay.id}/folio", None),
        ("POST", f"/api/v1/reservations/{stay.id}/payments", {"amount": "1.00", "provider": "cash"}),
        ("POST", "/api/v1/checkin/scan", {"token": "x"}),
        ("POST", f"/api/v1/reservations/{stay.id}/check-out", {}),
    ):
        forbidden = await client.request(method, path, json=body, headers=housekeeping)
        assert forbidden.status == 403, path
        anonymous = await client.request(method, path, json=body)
        assert anonymous.status == 401, path
    assert await db.pool.fetchval("SELECT count(*) FROM payments") == 0


async def test_outside_desk_mode_the_code_is_texted_never_shown_and_scans_are_limited(db, settings, clock, caplog):
    from aiohttp.test_utils import TestClient, TestServer

    from agent.app import create_app
    from backoffice.services import Services

    caplog.set_level("INFO", logger="concierge")
    texting = settings.model_copy(update={"checkin_desk_mode": False, "checkin_scans_per_hour": 2})
    app = create_app(texting, database=db, clock=clock, run_jobs=False, voice=False)
    assert "check-in codes are texted to the guest" in caplog.text
    async with TestClient(TestServer(app)) as client:
        desk = await login(client, "front_desk", db)
        services: Services = client.app[SERVICES]
        room_type = await make_room_type(db, rooms=2)
        stay = await book(db, room_type, services.today(), ["5000.00"], room_id=await room_id(db, "101"),
                          guest_phone="+8801711000000")
        qr = await (await client.get(f"/api/v1/reservations/{stay.id}/checkin-qr", headers=desk)).json()
        scan = await client.post("/api/v1/checkin/scan", json={"token": qr["token"]}, headers=desk)
        issued = await scan.json()
        assert scan.status == 200 and (issued["delivery"], issued["otp"]) == ("sms", None)
        event = await db.pool.fetchrow("SELECT payload FROM outbox WHERE event_type = 'checkin.otp_issued'")
        assert event["payload"]["phone"] == "+8801711000000" and event["payload"]["code"] not in str(issued)
        assert (await client.post("/api/v1/checkin/scan", json={"token": qr["token"]}, headers=desk)).status == 200
        limited = await client.post("/api/v1/checkin/scan", json={"token": qr["token"]}, headers=desk)
        assert limited.status == 429 and (await limited.json())["field"] == "token"
        code = (await db.pool.fetchrow("SELECT payload FROM outbox WHERE event_type = 'checkin.otp_issued' "
                                       "ORDER BY id DESC LIMIT 1"))["payload"]["code"]
        done = await client.post("/api/v1/checkin/verify", json={"token": qr["token"], "otp": code}, headers=desk)
        assert done.status == 200 and (await done.json())["key_status"] == "active"


def test_desk_mode_defaults_to_on_only_without_an_sms_provider(settings):
    assert settings.desk_mode
    sms = settings.model_copy(update={"twilio_account_sid": "AC1", "twilio_auth_token": "t" * 32,
                                      "twilio_from_number": "+15005550006"})
    assert not sms.desk_mode
    assert sms.model_copy(update={"checkin_desk_mode": True}).desk_mode
