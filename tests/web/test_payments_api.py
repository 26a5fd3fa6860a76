"""Wallet payments end to end, per provider, against its simulator over real HTTP.

The staff API makes the link, the guest presses Pay on the simulator's page, the simulator calls the
server back the way the provider would (redirect, IPN), and the server confirms with the provider's
own API. The acceptance rules of issue 10 are each a test here.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal
from typing import Any
from uuid import UUID

import pytest
from aiohttp import ClientSession

from agent.settings import Settings
from agent.web.keys import SERVICES
from backoffice import jobs, ledger, payment_links, payment_saga
from backoffice.audit import Actor
from backoffice.errors import IdempotencyKeyReused
from backoffice.services import Services
from simulators import PaymentSimulators
from simulators.common import Delivery
from tests.factories import login, make_room_type
from tests.payment_support import (
    PROVIDERS,
    Guest,
    capture_count,
    events_of,
    make_hold,
    running_simulators,
    simulator,
    use_simulators,
)


@dataclass
class Hotel:
    client: Any
    sims: PaymentSimulators
    services: Services
    guest: Guest
    http: ClientSession
    desk: dict[str, str]
    manager: dict[str, str]

    async def link(self, reservation_id: Any, provider: str, key: str = "link-1") -> dict[str, Any]:
        reply = await self.client.post(f"/api/v1/reservations/{reservation_id}/payment-link",
                                       json={"provider": provider}, headers=self.desk | {"Idempotency-Key": key})
        assert reply.status == 201, await reply.text()
        body: dict[str, Any] = await reply.json()
        return body

    async def payment(self, payment_id: str) -> dict[str, Any]:
        reply = await self.client.get(f"/api/v1/payments/{payment_id}", headers=self.desk)
        assert reply.status == 200, await reply.text()
        body: dict[str, Any] = await reply.json()
        return body

    async def reservation_status(self, reservation_id: Any) -> str:
        status: str = await self.services.db.pool.fetchval("SELECT status FROM reservations WHERE id = $1",
                                                           reservation_id)
        return status

    async def paid_booking(self, provider: str) -> tuple[Any, dict[str, Any]]:
        hold = await make_hold(self.services)
        link = await self.link(hold.id, provider)
        await self.guest.press(link["url"])
        await self.sims.idle()
        return hold, link


@pytest.fixture
async def hotel(client: Any, db: Any) -> AsyncIterator[Hotel]:
    async with running_simulators() as sims, ClientSession() as http:
        services = client.server.app[SERVICES]
        use_simulators(services, sims, http, str(client.make_url("/")))
        await make_room_type(db)
        desk = await login(client, "front_desk", db)
        manager = await login(client, "manager", db)
        yield Hotel(client, sims, services, Guest(http), http, desk, manager)


@pytest.mark.parametrize("provider", PROVIDERS)
async def test_a_paid_booking_ends_confirmed_with_a_balanced_ledger(hotel: Hotel, provider: str) -> None:
    hold = await make_hold(hotel.services)
    link = await hotel.link(hold.id, provider)
    assert (link["status"], Decimal(link["amount"]), link["currency"]) == ("initiated", hold.total_price, "BDT")
    again = await hotel.link(hold.id, provider)  # a retried request: the same link, no second payment
    assert again == link

    status, page = await hotel.guest.press(link["url"])
    await hotel.sims.idle()
    assert status == 200
    assert await hotel.reservation_status(hold.id) == "confirmed"
    payment = await hotel.payment(link["payment_id"])
    assert (payment["status"], payment["provider"], payment["refunded_amount"]) == ("paid", provider, "0.00")
    assert "captured" in [e["kind"] for e in payment["events"]]
    assert await capture_count(hotel.services, link["payment_id"]) == 1
    assert await ledger.folio_balance(hotel.services.db.pool, hold.id) == -hold.total_price
    assert (await ledger.trial_balance(hotel.services.db.pool)).balanced
    [created] = await events_of(hotel.services, "payment.link_created")
    assert created == {"payment_id": link["payment_id"], "reservation_id": str(hold.id),
                       "confirmation_code": hold.confirmation_code, "guest_name": "Rahim Uddin",
                       "phone": hold.guest_phone, "url": link["url"], "amount": link["amount"], "currency": "BDT",
                       "provider": provider}
    [confirmed] = await events_of(hotel.services, "reservation.confirmed")
    assert confirmed["guest_phone"] == hold.guest_phone and confirmed["total_price"] == f"{hold.total_price:.2f}"


@pytest.mark.parametrize("provider", PROVIDERS)
async def test_duplicated_and_out_of_order_callbacks_change_nothing(hotel: Hotel, provider: str) -> None:
    sim = simulator(hotel.sims, provider)
    sim.faults.duplicate_callbacks = 3
    sim.faults.out_of_order = True
    hold, link = await hotel.paid_booking(provider)
    for delivery, _ in list(sim.delivered):  # and every callback once more, much later
        await _send(hotel.http, delivery)
    assert await hotel.reservation_status(hold.id) == "confirmed"
    assert await capture_count(hotel.services, link["payment_id"]) == 1
    assert len(await events_of(hotel.services, "reservation.confirmed")) == 1
    kinds = [e["kind"] for e in (await hotel.payment(link["payment_id"]))["events"]]
    assert kinds.count("captured") == 1 and kinds.count("duplicate") >= 4
    assert (await ledger.trial_balance(hotel.services.db.pool)).balanced


async def _send(http: ClientSession, delivery: Delivery) -> int:
    async with http.request(delivery.method, delivery.url, params=delivery.params or None, data=delivery.form,
                            json=delivery.json_body) as reply:
        await reply.read()
        return reply.status


@pytest.mark.parametrize("provider", ["bkash", "sslcommerz"])
async def test_a_tampered_ipn_signature_is_rejected_and_logged(hotel: Hotel, provider: str,
                                                               caplog: pytest.LogCaptureFixture) -> None:
    sim = simulator(hotel.sims, provider)
    sim.faults.tamper_signature = True
    sim.faults.hold_callbacks = True  # the guest's own redirect never comes: only the IPN could confirm
    hold = await make_hold(hotel.services)
    link = await hotel.link(hold.id, provider)
    await hotel.guest.press(link["url"], follow=False)
    if provider == "bkash":  # bKash sends its IPN after the merchant executes; forge one as if it had
        session = next(iter(hotel.sims.bkash.sessions))
        hotel.sims.bkash.sessions[session].update(status="Completed", trxID="BKFORGED1")
        ipn = hotel.sims.bkash.ipn_for(session)
    else:
        [ipn] = [d for d in hotel.sims.sslcommerz.held if d.url.endswith("/ipn")]
    with caplog.at_level(logging.WARNING):
        assert await _send(hotel.http, ipn) == 400
    assert any("rejected" in r.getMessage() for r in caplog.records)
    assert await hotel.reservation_status(hold.id) == "hold"
    assert await capture_count(hotel.services, link["payment_id"]) == 0
    rejected = await hotel.services.db.pool.fetchval(
        "SELECT count(*) FROM payment_events WHERE kind = 'ipn_rejected' AND provider = $1", provider)
    assert rejected == 1


async def test_nagad_answers_not_signed_by_nagad_are_refused(hotel: Hotel, caplog: pytest.LogCaptureFixture) -> None:
    hotel.sims.nagad.faults.tamper_signature = True
    hold = await make_hold(hotel.services)
    with caplog.at_level(logging.WARNING):
        reply = await hotel.client.post(f"/api/v1/reservations/{hold.id}/payment-link", json={"provider": "nagad"},
                                        headers=hotel.desk | {"Idempotency-Key": "n-1"})
    problem = await reply.json()
    assert reply.status == 502 and "not signed by Nagad" in problem["detail"] and problem["reason"] == "signature"
    assert any("refused to create" in r.getMessage() for r in caplog.records)
    row = await hotel.services.db.pool.fetchrow("SELECT status, payment_url FROM payments")
    assert (row["status"], row["payment_url"]) == ("failed", None)
    assert await events_of(hotel.services, "payment.link_created") == []


@pytest.mark.parametrize(("provider", "fault"), [
    *[(p, {"report_amount": "1.00"}) for p in PROVIDERS],
    ("bkash", {"report_currency": "USD"}), ("nagad", {"report_currency": "840"}),
    ("sslcommerz", {"report_currency": "USD"}),
])
async def test_a_mismatched_amount_or_currency_is_rejected_and_logged(
    hotel: Hotel, provider: str, fault: dict[str, str], caplog: pytest.LogCaptureFixture,
) -> None:
    simulator(hotel.sims, provider).faults.update(fault)
    with caplog.at_level(logging.WARNING):
        hold, link = await hotel.paid_booking(provider)
    assert await hotel.reservation_status(hold.id) == "hold"
    payment = await hotel.payment(link["payment_id"])
    assert payment["status"] == "initiated" and payment["attention"].startswith("rejected:")
    assert "rejected" in [e["kind"] for e in payment["events"]]
    assert await capture_count(hotel.services, link["payment_id"]) == 0
    assert any("rejected" in r.getMessage() for r in caplog.records)
    refused = await hotel.services.db.pool.fetchval(
        "SELECT count(*) FROM audit_logs WHERE action = 'payment.capture' AND outcome = 'refused'")
    assert refused >= 1


@pytest.mark.parametrize("provider", PROVIDERS)
async def test_refunds_never_exceed_what_was_captured(hotel: Hotel, provider: str) -> None:
    hold, link = await hotel.paid_booking(provider)
    total = Decimal(link["amount"])

    async def refund(amount: Decimal, key: str) -> Any:
        return await hotel.client.post(
            f"/api/v1/reservations/{hold.id}/refunds", headers=hotel.manager | {"Idempotency-Key": key},
            json={"payment_id": link["payment_id"], "amount": str(amount), "reason": "guest asked"})

    too_much = await refund(total + Decimal("0.01"), "r-0")
    assert too_much.status == 422 and (await too_much.json())["field"] == "amount"
    part = await refund(Decimal("1000.00"), "r-1")
    assert part.status == 201, await part.text()
    assert (await part.json())["payment_status"] == "partially_refunded"
    assert (await refund(Decimal("1000.00"), "r-1")).headers.get("Idempotent-Replayed") == "true"
    over = await refund(total - Decimal("999.99"), "r-2")
    assert over.status == 422
    rest = await refund(total - Decimal("1000.00"), "r-3")
    assert (await rest.json())["payment_status"] == "refunded"
    assert (await refund(Decimal("1.00"), "r-4")).status == 409
    payment = await hotel.payment(link["payment_id"])
    assert Decimal(payment["refunded_amount"]) == total
    assert await ledger.folio_balance(hotel.services.db.pool, hold.id) == 0
    assert (await ledger.trial_balance(hotel.services.db.pool)).balanced
    assert [e["amount"] for e in await events_of(hotel.services, "payment.refunded")] == [
        "1000.00", f"{total - Decimal('1000.00'):.2f}"]


@pytest.mark.parametrize("provider", PROVIDERS)
async def test_twenty_concurrent_callbacks_post_exactly_one_capture(hotel: Hotel, provider: str) -> None:
    sim = simulator(hotel.sims, provider)
    sim.faults.hold_callbacks = True
    hold = await make_hold(hotel.services)
    link = await hotel.link(hold.id, provider)
    await hotel.guest.press(link["url"], follow=False)
    first = sim.held[0]
    statuses = await asyncio.gather(*(_send(hotel.http, first) for _ in range(20)))
    assert set(statuses) == {200}
    assert await capture_count(hotel.services, link["payment_id"]) == 1
    assert await hotel.reservation_status(hold.id) == "confirmed"
    assert len(await events_of(hotel.services, "reservation.confirmed")) == 1
    assert (await ledger.trial_balance(hotel.services.db.pool)).balanced


@pytest.mark.parametrize("provider", PROVIDERS)
async def test_an_expired_hold_releases_its_room_and_no_late_callback_confirms_it(
    hotel: Hotel, provider: str, clock: Any,
) -> None:
    hold = await make_hold(hotel.services)
    link = await hotel.link(hold.id, provider)
    clock.advance(minutes=31)
    await jobs.run_once(hotel.services)  # the sweeper expires the hold; reconciliation closes the link
    assert await hotel.reservation_status(hold.id) == "expired"
    assert (await hotel.payment(link["payment_id"]))["status"] == "expired"
    sold = await hotel.services.db.pool.fetchval("SELECT sum(sold) FROM room_type_nights")
    assert sold == 0  # the nights are back on sale

    await hotel.guest.press(link["url"])  # the guest pays anyway, late
    await hotel.sims.idle()
    assert await hotel.reservation_status(hold.id) == "expired"
    payment = await hotel.payment(link["payment_id"])
    assert payment["status"] == "refunded" and payment["attention"].startswith("late:")
    assert {"late", "refunded"} <= {e["kind"] for e in payment["events"]}
    assert await events_of(hotel.services, "reservation.confirmed") == []
    assert len(await events_of(hotel.services, "payment.refunded")) == 1
    assert await hotel.services.db.pool.fetchval("SELECT sum(sold) FROM room_type_nights") == 0
    assert (await ledger.trial_balance(hotel.services.db.pool)).balanced
    flagged = await (await hotel.client.get("/api/v1/payments?needs_attention=true", headers=hotel.desk)).json()
    assert [p["id"] for p in flagged["payments"]] == [link["payment_id"]]


async def test_reconciliation_finds_a_payment_whose_callbacks_were_lost(hotel: Hotel) -> None:
    hotel.sims.sslcommerz.faults.drop_callbacks = True
    hold = await make_hold(hotel.services)
    link = await hotel.link(hold.id, "sslcommerz")
    await hotel.guest.press(link["url"], follow=False)
    assert await hotel.reservation_status(hold.id) == "hold"
    await jobs.run_once(hotel.services)
    await jobs.run_once(hotel.services)
    assert await hotel.reservation_status(hold.id) == "confirmed"
    assert await capture_count(hotel.services, link["payment_id"]) == 1


async def test_money_posts_need_an_idempotency_key_before_anything_else(hotel: Hotel) -> None:
    hold = await make_hold(hotel.services)
    for path in ("payment-link", "payments", "refunds"):
        reply = await hotel.client.post(f"/api/v1/reservations/{hold.id}/{path}", data=b"{not json",
                                        headers=hotel.desk)
        assert reply.status == 428, path
        assert (await reply.json())["field"] == "Idempotency-Key"
    assert (await hotel.client.post(f"/api/v1/reservations/{hold.id}/payment-link",
                                    json={"provider": "bkash"})).status == 401


async def test_a_cancelled_booking_cannot_get_a_link(hotel: Hotel) -> None:
    hold = await make_hold(hotel.services)
    await hotel.services.db.pool.execute(
        "UPDATE reservations SET status = 'cancelled', hold_expires_at = NULL WHERE id = $1", hold.id)
    reply = await hotel.client.post(f"/api/v1/reservations/{hold.id}/payment-link", json={"provider": "bkash"},
                                    headers=hotel.desk | {"Idempotency-Key": "c-1"})
    assert reply.status == 409


async def test_front_desk_refunds_are_limited_to_its_own_small_ones(hotel: Hotel, client: Any, db: Any) -> None:
    hold, link = await hotel.paid_booking("bkash")  # taken by the desk user who sent the link

    async def refund(headers: dict[str, str], amount: str, key: str, payment_id: str) -> int:
        reply = await client.post(f"/api/v1/reservations/{hold.id}/refunds",
                                  headers=headers | {"Idempotency-Key": key},
                                  json={"payment_id": payment_id, "amount": amount, "reason": "x"})
        return int(reply.status)

    assert await refund(hotel.desk, "5000.01", "f-1", link["payment_id"]) == 403
    assert await refund(hotel.desk, "100.00", "f-2", link["payment_id"]) == 201
    cash = await client.post(f"/api/v1/reservations/{hold.id}/payments", json={"amount": "50.00", "provider": "cash"},
                             headers=hotel.manager | {"Idempotency-Key": "cash-1"})
    cash_id = (await cash.json())["payment_id"]
    assert await refund(hotel.desk, "10.00", "f-3", cash_id) == 403  # the manager took it
    assert await refund(hotel.manager, "5000.01", "f-4", link["payment_id"]) == 201


async def test_the_phone_agent_s_call_makes_one_link_however_often_it_is_retried(hotel: Hotel) -> None:
    hold = await make_hold(hotel.services)
    call = Actor.call("CA-booking")
    links = await asyncio.gather(*(
        payment_links.create_payment_link(hotel.services, hold.id, "bkash", call, "CA-booking:tool-7")
        for _ in range(5)))
    assert len({link.payment_id for link in links}) == 1
    assert {link.url for link in links} != {None} and len({link.url for link in links}) == 1
    assert await hotel.services.db.pool.fetchval("SELECT count(*) FROM payments") == 1
    assert len(await events_of(hotel.services, "payment.link_created")) == 1
    with pytest.raises(IdempotencyKeyReused):
        await payment_links.create_payment_link(hotel.services, hold.id, "nagad", call, "CA-booking:tool-7")


async def test_the_bkash_ipn_endpoint_confirms_its_signed_sns_subscription_only(hotel: Hotel) -> None:
    ipn_url = str(hotel.client.make_url("/payments/bkash/ipn"))
    subscription = hotel.sims.bkash.subscription_for(ipn_url)
    assert await _send(hotel.http, subscription) == 200
    assert len(hotel.sims.bkash.subscribed) == 1
    hotel.sims.bkash.faults.tamper_signature = True
    assert await _send(hotel.http, hotel.sims.bkash.subscription_for(ipn_url)) == 400
    assert len(hotel.sims.bkash.subscribed) == 1


@pytest.mark.parametrize("provider_already_refunded", [False, True])
async def test_a_refund_interrupted_by_a_crash_is_finished_once_by_reconciliation(
    hotel: Hotel, provider_already_refunded: bool,
) -> None:
    hold, link = await hotel.paid_booking("bkash")
    # What a crash leaves: the refund request committed, the provider asked (or not), nothing booked.
    refund_id = await hotel.services.db.pool.fetchval(
        """INSERT INTO payment_refunds (payment_id, amount, status, reason, requested_by, created_at)
           VALUES ($1, 500, 'requested', 'crash', 'user:x', $2) RETURNING id""",
        UUID(link["payment_id"]), hotel.services.now())
    if provider_already_refunded:
        row = await hotel.services.db.pool.fetchrow("SELECT * FROM payments WHERE id = $1", UUID(link["payment_id"]))
        gateway = hotel.services.payments.gateways["bkash"]
        await gateway.refund(payment_saga._ref(row), refund_id, Decimal("500.00"), "crash")
    await jobs.run_once(hotel.services)
    await jobs.run_once(hotel.services)
    payment = await hotel.payment(link["payment_id"])
    assert (payment["status"], payment["refunded_amount"]) == ("partially_refunded", "500.00")
    [session] = hotel.sims.bkash.sessions.values()
    assert len(session["refunds"]) == 1  # the provider paid back once
    assert len(await events_of(hotel.services, "payment.refunded")) == 1
    assert (await ledger.trial_balance(hotel.services.db.pool)).balanced


async def test_a_phone_booking_is_texted_a_link_and_paying_it_confirms_and_texts_the_guest(hotel: Hotel) -> None:
    """Issue 10's chain, from the phone agent's tools to the guest's phone: the hold's link goes out by SMS
    (seen in ``GET /api/v1/messages``), paying it on the simulator confirms the booking and texts the guest."""
    from backoffice import outbox
    from tools.context import ToolContext
    from tools.registry import call

    phone = "+8801711444777"
    context = ToolContext(hotel.services, Settings().facts, "CAphonepay1", caller_phone=phone)
    day = hotel.services.today() + timedelta(days=5)
    quoted = await call("quote_stay", {"room_type": "STD", "check_in": str(day), "nights": 2}, context)
    context.state.caller_said.append("The name is Tahmina Chowdhury")
    arguments = {"offer_id": quoted.data["offer_id"], "guest_name": "Tahmina Chowdhury"}
    await call("create_reservation", arguments, context, call_id="read-back")
    booked = await call("create_reservation", arguments, context, call_id="book")
    assert booked.effect == "booked" and "payment link" in booked.speech
    await outbox.relay_once(hotel.services)  # what the server's relay loop does within a second

    async def texts() -> list[dict[str, Any]]:
        reply = await hotel.client.get("/api/v1/messages", params={"to": phone}, headers=hotel.desk)
        assert reply.status == 200, await reply.text()
        messages: list[dict[str, Any]] = (await reply.json())["messages"]
        return messages

    [link_sms] = [m for m in await texts() if m["template"] == "payment_link"]
    assert link_sms["channel"] == "sms" and link_sms["to"] == phone
    url = next(word for word in link_sms["body"].split() if word.startswith("http"))
    status, _ = await hotel.guest.press(url)
    await hotel.sims.idle()
    assert status == 200
    reservation_id = booked.data["reservation_id"]
    view = context.state.reservations[str(reservation_id)]
    assert await hotel.reservation_status(view.id) == "confirmed"
    await outbox.relay_once(hotel.services)
    assert [m["template"] for m in await texts()].count("booking_confirmed") == 1
