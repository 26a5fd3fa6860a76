"""A booking made on the phone gets its payment link by text message, without the caller waiting.

The hold and its ``reservation.created`` event commit together; this outbox handler then asks the
first configured wallet for a link (``payment_links.create_payment_link``, idempotent per booking),
and the link's own ``payment.link_created`` event sends the SMS. A provider that is down is retried
by the relay; a hold that ended meanwhile gets no link.
"""

from __future__ import annotations

import logging
from uuid import UUID

from backoffice import outbox, payment_links
from backoffice.audit import Actor
from backoffice.errors import Conflict
from backoffice.outbox import OutboxEvent
from backoffice.payment_providers.base import PROVIDERS
from backoffice.services import Services

log = logging.getLogger(__name__)
ACTOR = Actor.system("phone-booking")


def phone_provider(services: Services) -> str | None:
    """The wallet a phone booking's link uses: the first configured, in the hotel's order (bKash first)."""
    return next((provider for provider in PROVIDERS if provider in services.payments.gateways), None)


@outbox.handler("reservation.created")
async def payment_link_for_phone_booking(services: Services, event: OutboxEvent) -> None:
    reservation_id = UUID(event.aggregate_id)
    row = await services.db.pool.fetchrow("SELECT status, source FROM reservations WHERE id = $1", reservation_id)
    if row is None or row["source"] != "voice" or row["status"] != "hold":
        return  # only a phone hold still waiting for its money
    provider = phone_provider(services)
    if provider is None:
        log.info("phone booking %s: no payment provider configured, no link sent", reservation_id)
        return
    try:
        await payment_links.create_payment_link(services, reservation_id, provider, ACTOR,
                                                idempotency_key=f"phone-booking:{reservation_id}")
    except Conflict as ended:  # expired, cancelled or paid in the meantime
        log.info("phone booking %s: no link (%s)", reservation_id, ended.detail)
