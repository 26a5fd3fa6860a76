"""Payment test support: the three provider simulators on a real loopback port, and a guest who pays.

The simulators run in the test's event loop as real aiohttp servers; the server under test talks to
them over HTTP through the same gateways production uses, and they call the server back over HTTP.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any
from uuid import UUID

from aiohttp import ClientSession, web

from agent.http_client import AiohttpClient
from agent.payments_wiring import simulator_gateways
from backoffice import reservations
from backoffice.audit import Actor
from backoffice.payment_config import PaymentSettings
from backoffice.reservations import CreateReservation, GuestDetails
from backoffice.services import Services
from simulators import PaymentSimulators, Simulator
from tests.conftest import unique_phone
from tests.live_server import free_port

PROVIDERS = ("bkash", "nagad", "sslcommerz")


@asynccontextmanager
async def running_simulators() -> AsyncIterator[PaymentSimulators]:
    port = free_port()
    sims = PaymentSimulators.create(f"http://127.0.0.1:{port}")
    runner = web.AppRunner(sims.application())
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    try:
        yield sims
    finally:
        await runner.cleanup()


def use_simulators(services: Services, sims: PaymentSimulators, http: ClientSession, callback_base: str) -> None:
    """Point ``services`` (the running app's) at the simulators; poll pending payments at once."""
    services.payments = PaymentSettings(
        gateways=simulator_gateways(sims, AiohttpClient(http)), callback_base=callback_base.rstrip("/"),
        reconcile_after=timedelta(0), refund_limit_front_desk=services.payments.refund_limit_front_desk,
    )


async def make_hold(services: Services, check_in: date = date(2026, 12, 8), nights: int = 2) -> Any:
    command = CreateReservation(
        room_type="STD", check_in=check_in, check_out=check_in + timedelta(days=nights), guests=1, hold=True,
        guest=GuestDetails(name="Rahim Uddin", phone=unique_phone()),
    )
    return (await reservations.create_reservation(services, command, Actor.call("CA-payments"))).reservation


@dataclass
class Guest:
    """A browser-less guest: opens the link, presses Pay (or Cancel) on the simulator's page."""

    http: ClientSession

    async def press(self, url: str, button: str = "pay", *, follow: bool = True) -> tuple[int, str]:
        async with self.http.get(url) as page:
            text = await page.text()
            assert page.status == 200, text
        action = re.search(r'<form method="post" action="([^"]+)"', text)
        assert action is not None and f'name="{button}"' in text, text
        async with self.http.post(action.group(1), data={button: "1"}, allow_redirects=follow) as answer:
            return answer.status, await answer.text()


def simulator(sims: PaymentSimulators, provider: str) -> Simulator:
    found: Simulator = getattr(sims, provider)
    return found


async def capture_count(services: Services, payment_id: UUID) -> int:
    count: int = await services.db.pool.fetchval(
        """SELECT count(*) FROM ledger_entries WHERE transaction_type = 'payment' AND account = 'guest_folio'
           AND reference_id = $1""", str(payment_id))
    return count


async def events_of(services: Services, event_type: str) -> list[dict[str, Any]]:
    rows = await services.db.pool.fetch("SELECT payload FROM outbox WHERE event_type = $1 ORDER BY id", event_type)
    return [r["payload"] for r in rows]
