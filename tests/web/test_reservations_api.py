"""The reservations API over a real loopback server and a real database."""

from __future__ import annotations

import asyncio
import uuid
from decimal import Decimal

from tests.conftest import unique_phone
from tests.factories import login, make_room_type


def booking(room_type: str = "STD", check_in: str = "2026-12-08", check_out: str = "2026-12-10",
            phone: str | None = None, **extra: object) -> dict[str, object]:
    body: dict[str, object] = {
        "room_type": room_type, "check_in": check_in, "check_out": check_out, "guests": 2,
        "guest": {"name": "Amina Rahman", "phone": phone or unique_phone(), "email": "amina@example.com"},
    }
    body.update(extra)
    return body


async def test_availability_lists_types_with_db_prices(client, db):
    await make_room_type(db, "STD", rooms=2, rate="5000.00")
    await make_room_type(db, "FAM", rooms=1, rate="9000.00", max_occupancy=4, floor=2)
    headers = await login(client, db=db)
    # Tue 8 Dec -> Thu 10 Dec: two weekday nights.
    response = await client.get("/api/v1/availability?check_in=2026-12-08&check_out=2026-12-10&guests=2",
                                headers=headers)
    assert response.status == 200, await response.text()
    body = await response.json()
    by_code = {t["code"]: t for t in body["room_types"]}
    assert set(by_code) == {"STD", "FAM"}
    assert by_code["STD"]["available"] == 2
    assert Decimal(by_code["STD"]["total_price"]) == Decimal("11500.00")  # 2 x 5000 + 15% tax
    assert len(by_code["STD"]["nightly_rates"]) == 2
    assert by_code["FAM"]["max_occupancy"] == 4

    four = await client.get("/api/v1/availability?check_in=2026-12-08&check_out=2026-12-10&guests=4",
                            headers=headers)
    assert [t["code"] for t in (await four.json())["room_types"]] == ["FAM"]


async def test_availability_needs_a_token_and_valid_dates(client, db):
    assert (await client.get("/api/v1/availability?check_in=2026-12-08&check_out=2026-12-10")).status == 401
    headers = await login(client, db=db)
    backwards = await client.get("/api/v1/availability?check_in=2026-12-10&check_out=2026-12-08", headers=headers)
    assert backwards.status == 422
    assert (await backwards.json())["field"] == "check_out"
    past = await client.get("/api/v1/availability?check_in=2026-11-20&check_out=2026-11-22", headers=headers)
    assert past.status == 422
    assert (await past.json())["field"] == "check_in"
    garbage = await client.get("/api/v1/availability?check_in=soon&check_out=2026-12-08", headers=headers)
    assert garbage.status == 422
    assert (await garbage.json())["field"] == "check_in"


async def test_quote_endpoint(client, db):
    await make_room_type(db, "STD", rooms=2, rate="5000.00")
    headers = await login(client, db=db)
    # Thu 3 -> Sat 5 Dec: Thursday (weekday) + Friday (weekend, +15%).
    response = await client.get("/api/v1/quote?room_type=std&check_in=2026-12-03&check_out=2026-12-05&guests=1",
                                headers=headers)
    assert response.status == 200, await response.text()
    body = await response.json()
    assert [Decimal(n["rate"]) for n in body["nightly_rates"]] == [Decimal("5000.00"), Decimal("5750.00")]
    assert Decimal(body["subtotal"]) == Decimal("10750.00")
    assert Decimal(body["total_price"]) == Decimal("12362.50")
    unknown = await client.get("/api/v1/quote?room_type=NOPE&check_in=2026-12-03&check_out=2026-12-05",
                               headers=headers)
    assert unknown.status == 422
    assert (await unknown.json())["field"] == "room_type"


async def test_create_returns_201_with_db_price_and_code(client, db):
    await make_room_type(db, "STD", rooms=2, rate="5000.00")
    headers = await login(client, db=db)
    body = booking(total_price="1.00")  # a price from the client is ignored
    response = await client.post("/api/v1/reservations", json=body, headers=headers)
    assert response.status == 201, await response.text()
    created = await response.json()
    assert created["status"] == "confirmed"
    assert len(created["confirmation_code"]) == 6
    assert not set(created["confirmation_code"]) & set("01OI")
    assert Decimal(created["total_price"]) == Decimal("11500.00")
    assert created["hold_expires_at"] is None
    row = await db.pool.fetchrow("SELECT amount, status, quote FROM reservations WHERE id = $1",
                                 uuid.UUID(created["id"]))
    assert row["amount"] == Decimal("11500.00")
    assert row["quote"]["total"] == "11500.00"


async def test_hold_gets_an_expiry(client, db, clock):
    await make_room_type(db, "STD", rooms=1)
    headers = await login(client, db=db)
    response = await client.post("/api/v1/reservations", json=booking(hold=True), headers=headers)
    assert response.status == 201
    created = await response.json()
    assert created["status"] == "hold"
    assert created["hold_expires_at"].startswith("2026-12-01T04:30:00")


async def test_fifty_concurrent_bookings_for_the_last_room_sell_it_once(client, db):
    type_id = await make_room_type(db, "STD", rooms=3)
    headers = await login(client, db=db)
    for _ in range(2):  # two of the three rooms are already taken
        assert (await client.post("/api/v1/reservations", json=booking(), headers=headers)).status == 201

    async def attempt(i: int) -> int:
        response = await client.post("/api/v1/reservations", json=booking(phone=f"+88019{i:08d}"), headers=headers)
        await response.read()
        return response.status

    statuses = await asyncio.gather(*(attempt(i) for i in range(50)))
    assert statuses.count(201) == 1
    assert statuses.count(409) == 49
    active = await db.pool.fetchval(
        "SELECT count(*) FROM reservations WHERE status IN ('hold', 'confirmed', 'checked_in')")
    assert active == 3
    nights = await db.pool.fetch(
        "SELECT night, capacity, sold FROM room_type_nights WHERE room_type_id = $1 ORDER BY night", type_id)
    assert [(r["capacity"], r["sold"]) for r in nights] == [(3, 3), (3, 3)]


async def test_no_availability_is_a_409_problem(client, db):
    await make_room_type(db, "STD", rooms=1)
    headers = await login(client, db=db)
    assert (await client.post("/api/v1/reservations", json=booking(), headers=headers)).status == 201
    full = await client.post("/api/v1/reservations", json=booking(), headers=headers)
    assert full.status == 409
    assert full.content_type == "application/problem+json"
    problem = await full.json()
    assert problem["type"] == "/problems/no-availability"
    assert problem["sold_out_nights"] == ["2026-12-08", "2026-12-09"]


async def test_same_idempotency_key_books_once_and_replays(client, db):
    await make_room_type(db, "STD", rooms=5)
    headers = await login(client, db=db)
    body = booking()
    keyed = dict(headers, **{"Idempotency-Key": "CA123:call_1"})
    first = await client.post("/api/v1/reservations", json=body, headers=keyed)
    assert first.status == 201
    assert "Idempotent-Replayed" not in first.headers
    again = await client.post("/api/v1/reservations", json=body, headers=keyed)
    assert again.status == 201
    assert again.headers["Idempotent-Replayed"] == "true"
    location = f"/api/v1/reservations/{(await first.json())['id']}"
    assert again.headers["Location"] == first.headers["Location"] == location
    assert await again.json() == await first.json()
    assert await db.pool.fetchval("SELECT count(*) FROM reservations") == 1

    different = await client.post("/api/v1/reservations", json=booking(check_out="2026-12-11"), headers=keyed)
    assert different.status == 422
    assert (await different.json())["type"] == "/problems/idempotency-key-reused"
    assert await db.pool.fetchval("SELECT count(*) FROM reservations") == 1


async def test_ten_concurrent_requests_with_one_key_book_once(client, db):
    await make_room_type(db, "STD", rooms=5)
    headers = dict(await login(client, db=db), **{"Idempotency-Key": "CA999:tool_7"})
    body = booking()

    async def attempt() -> tuple[int, str]:
        response = await client.post("/api/v1/reservations", json=body, headers=headers)
        return response.status, await response.text()

    results = await asyncio.gather(*(attempt() for _ in range(10)))
    assert {status for status, _ in results} == {201}
    assert len({text for _, text in results}) == 1
    assert await db.pool.fetchval("SELECT count(*) FROM reservations") == 1
    assert await db.pool.fetchval("SELECT sold FROM room_type_nights WHERE night = '2026-12-08'") == 1


async def test_validation_problems_name_the_field(client, db):
    await make_room_type(db, "STD", rooms=1, max_occupancy=2)
    headers = await login(client, db=db)
    cases = [
        (booking(check_in="2026-12-10", check_out="2026-12-10"), "check_out"),
        (booking(check_in="2026-11-30", check_out="2026-12-02"), "check_in"),
        (booking(check_in="2026-12-02", check_out="2027-01-05"), "check_out"),
        (dict(booking(), guests=3), "guests"),
        (dict(booking(), guests=0), "guests"),
        (booking(room_type="PENTHOUSE"), "room_type"),
        (dict(booking(), guest={"name": "X", "phone": "12"}), "guest.phone"),
        (dict(booking(), guest={"name": "X", "phone": "not a phone"}), "phone"),
        (dict(booking(), guest={"name": "X", "phone": "+8801711000000", "email": "nope"}), "guest.email"),
        ({"room_type": "STD"}, "check_in"),
    ]
    for body, field in cases:
        response = await client.post("/api/v1/reservations", json=body, headers=headers)
        assert response.status == 422, (body, await response.text())
        assert (await response.json())["field"] == field, body
    assert await db.pool.fetchval("SELECT count(*) FROM reservations") == 0


async def test_lookup_get_confirm_cancel_and_modify(client, db):
    await make_room_type(db, "STD", rooms=2, rate="5000.00")
    headers = await login(client, db=db)
    created = await (await client.post(
        "/api/v1/reservations", json=booking(hold=True, phone="+8801711000001"), headers=headers)).json()
    rid = created["id"]

    by_phone = await (await client.get("/api/v1/reservations?phone=01711000001", headers=headers)).json()
    assert [r["id"] for r in by_phone["reservations"]] == [rid]
    by_name = await (await client.get("/api/v1/reservations?name=amina", headers=headers)).json()
    assert [r["id"] for r in by_name["reservations"]] == [rid]
    code = created["confirmation_code"].lower()
    by_code = await (await client.get(f"/api/v1/reservations?confirmation_code={code}", headers=headers)).json()
    assert [r["id"] for r in by_code["reservations"]] == [rid]
    bad_status = await client.get("/api/v1/reservations?status=sleeping", headers=headers)
    assert bad_status.status == 422
    assert (await bad_status.json())["field"] == "status"

    one = await client.get(f"/api/v1/reservations/{rid}", headers=headers)
    detail = await one.json()
    assert detail["status"] == "hold"
    assert Decimal(detail["folio_balance"]) == 0
    assert detail["room_number"] is None

    confirmed = await client.post(f"/api/v1/reservations/{rid}/confirm", headers=headers)
    assert confirmed.status == 200, await confirmed.text()
    assert (await confirmed.json())["status"] == "confirmed"

    longer = await client.patch(f"/api/v1/reservations/{rid}", json={"check_out": "2026-12-11"}, headers=headers)
    assert longer.status == 200, await longer.text()
    assert Decimal((await longer.json())["total_price"]) == Decimal("17250.00")

    cancelled = await client.post(f"/api/v1/reservations/{rid}/cancel", json={"reason": "plans changed"},
                                  headers=headers)
    assert cancelled.status == 200
    assert (await cancelled.json())["status"] == "cancelled"
    again = await client.post(f"/api/v1/reservations/{rid}/cancel", json={}, headers=headers)
    assert again.status == 409
    assert (await again.json())["type"] == "/problems/invalid-transition"
    assert await db.pool.fetchval("SELECT coalesce(sum(sold), 0) FROM room_type_nights") == 0


async def test_malformed_and_unknown_ids(client, db):
    headers = await login(client, db=db)
    malformed = await client.get("/api/v1/reservations/not-a-uuid", headers=headers)
    assert malformed.status == 422
    assert (await malformed.json())["field"] == "id"
    missing = await client.post(f"/api/v1/reservations/{uuid.uuid4()}/confirm", headers=headers)
    assert missing.status == 404


async def test_housekeeping_role_may_not_book(client, db):
    await make_room_type(db, "STD", rooms=1)
    headers = await login(client, "housekeeping", db=db)
    response = await client.post("/api/v1/reservations", json=booking(), headers=headers)
    assert response.status == 403
