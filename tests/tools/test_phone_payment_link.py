"""A hold booked on the phone gets its payment link by SMS through the outbox, once, from a real simulator."""

from __future__ import annotations

from datetime import timedelta

from aiohttp import ClientSession

from backoffice import outbox
from backoffice.db import Database
from backoffice.services import Services
from tests.payment_support import running_simulators, use_simulators
from tests.tools.conftest import CALLER
from tools.context import ToolContext
from tools.registry import call


async def test_a_phone_booking_is_texted_its_payment_link_once(context: ToolContext, services: Services,
                                                               db: Database) -> None:
    async with running_simulators() as sims, ClientSession() as http:
        use_simulators(services, sims, http, "http://127.0.0.1:9")
        day = services.today() + timedelta(days=4)
        quoted = await call("quote_stay", {"room_type": "STD", "check_in": str(day), "nights": 2}, context)
        context.state.caller_said.append("It's for Anika Rahman")
        arguments = {"offer_id": quoted.data["offer_id"], "guest_name": "Anika Rahman"}
        await call("create_reservation", arguments, context, call_id="read-back")
        booked = await call("create_reservation", arguments, context, call_id="book")
        assert booked.effect == "booked" and "payment link" in booked.speech
        for _ in range(3):  # the relay may run again (another instance, a retry): still one link, one SMS
            await outbox.relay_once(services)
    payment = await db.pool.fetchrow("SELECT provider, status, amount FROM payments")
    assert (payment["provider"], payment["status"]) == ("bkash", "initiated")
    texts = await db.pool.fetch("SELECT recipient, body FROM messages WHERE template = 'payment_link'")
    assert len(texts) == 1 and texts[0]["recipient"] == CALLER and "http" in texts[0]["body"]


async def test_without_a_wallet_the_caller_is_told_the_desk_will_call(context: ToolContext, services: Services,
                                                                     db: Database) -> None:
    day = services.today() + timedelta(days=4)
    quoted = await call("quote_stay", {"room_type": "STD", "check_in": str(day), "nights": 1}, context)
    context.state.caller_said.append("Anika Rahman")
    arguments = {"offer_id": quoted.data["offer_id"], "guest_name": "Anika Rahman"}
    await call("create_reservation", arguments, context, call_id="read-back")
    booked = await call("create_reservation", arguments, context, call_id="book")
    assert "front desk will call" in booked.speech
    await outbox.relay_once(services)
    assert await db.pool.fetchval("SELECT count(*) FROM payments") == 0
