"""Reports API: KPIs, the audit trail and the trial balance, with their scopes."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from tests.factories import login, make_room_type
from tests.frontdesk_factories import book


async def test_kpis_over_http(client, db):
    manager = await login(client, "manager", db)
    room_type = await make_room_type(db, rooms=4)
    await book(db, room_type, date(2026, 12, 1), ["5000.00", "6000.00"], status="checked_out")
    await book(db, room_type, date(2026, 12, 2), ["4000.00"], status="cancelled")
    response = await client.get("/api/v1/reports/kpis?from=2026-12-01&to=2026-12-03", headers=manager)
    assert response.status == 200, await response.text()
    kpis = await response.json()
    # 4 rooms x 2 nights = 8 available; 2 sold for 11000 before tax.
    assert (kpis["room_nights_available"], kpis["room_nights_sold"]) == (8, 2)
    assert Decimal(kpis["room_revenue"]) == Decimal("11000.00")
    assert (Decimal(kpis["occupancy"]), Decimal(kpis["adr"]), Decimal(kpis["revpar"])) == (
        Decimal("0.25"), Decimal("5500.00"), Decimal("1375.00"))
    assert Decimal(kpis["cancellation_rate"]) == Decimal("0.5")
    assert kpis["no_show_rate"] == "0.0000" and kpis["currency"] == "BDT"

    backwards = await client.get("/api/v1/reports/kpis?from=2026-12-03&to=2026-12-01", headers=manager)
    assert backwards.status == 422 and (await backwards.json())["field"] == "to"
    missing = await client.get("/api/v1/reports/kpis?from=2026-12-03", headers=manager)
    assert missing.status == 422 and (await missing.json())["field"] == "to"


async def test_front_desk_cannot_read_reports_or_the_audit(client, db):
    desk = await login(client, "front_desk", db)
    for path in ("/api/v1/reports/kpis?from=2026-12-01&to=2026-12-02", "/api/v1/audit", "/api/v1/ledger/trial-balance"):
        assert (await client.get(path, headers=desk)).status == 403, path


async def test_audit_trail_filters_and_trial_balance(client, db, services):
    desk = await login(client, "front_desk", db)
    admin = await login(client, "admin", db)
    room_type = await make_room_type(db)
    stay = await book(db, room_type, services.today(), ["5000.00"])
    paid = await client.post(f"/api/v1/reservations/{stay.id}/payments", json={"amount": "700.00", "provider": "cash"},
                             headers=desk | {"Idempotency-Key": "pay-700"})
    assert paid.status == 201

    response = await client.get(f"/api/v1/audit?entity_type=reservation&entity_id={stay.id}", headers=admin)
    assert response.status == 200
    entries = (await response.json())["entries"]
    payment = next(e for e in entries if e["action"] == "ledger.payment")
    assert payment["actor_type"] == "user" and payment["user_id"] is not None and payment["outcome"] == "applied"
    assert {line["account"] for line in payment["new_values"]["lines"]} == {"cash", "guest_folio"}
    assert all(e["entity_id"] == str(stay.id) for e in entries)

    system_only = await (await client.get("/api/v1/audit?actor_type=system", headers=admin)).json()
    assert system_only["entries"] == []
    one = await (await client.get("/api/v1/audit?limit=1", headers=admin)).json()
    assert len(one["entries"]) == 1
    assert (await client.get("/api/v1/audit?limit=0", headers=admin)).status == 422
    assert (await client.get("/api/v1/audit?actor_type=robot", headers=admin)).status == 422
    assert (await client.get("/api/v1/audit?entity_id=a%00b", headers=admin)).status == 422  # not a 500

    balance = await (await client.get("/api/v1/ledger/trial-balance", headers=admin)).json()
    assert balance["balanced"] is True and Decimal(balance["totals"]["BDT"]) == 0
    accounts = {a["account"]: Decimal(a["balance"]) for a in balance["accounts"]}
    assert accounts == {"cash": Decimal("700.00"), "guest_folio": Decimal("-700.00")}
