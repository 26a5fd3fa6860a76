"""What the hotel sends after something happens: the outbox handlers of the follow-up messages.

Each handler turns one event into messages (``message_templates``) and hands each to
``messaging.deliver``, which sends it once per event whatever the retries. The guest's channel is
``Messenger.guest_channel`` (SMS or WhatsApp), plus email when the guest gave an address.
Facts the event does not carry (the guest's number, the dates) are read from the reservation.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from typing import Any
from uuid import UUID

from backoffice import message_templates as templates
from backoffice import outbox, reports, reservations
from backoffice.errors import NotFound
from backoffice.messaging import Draft, SendFailed, deliver
from backoffice.outbox import OutboxEvent
from backoffice.services import Services

log = logging.getLogger(__name__)

DIGEST_EVENT = "report.daily_digest"
FRONT_DESK = "front-desk"  # the sink's name for the desk when no CONCIERGE_FRONT_DESK_NUMBER is set
MANAGERS = "managers"  # likewise for a digest with no manager to send it to


async def _reservation_facts(services: Services, event: OutboxEvent) -> dict[str, Any]:
    """The event's payload over the reservation as it is now (the payload wins: it is what happened)."""
    raw = event.payload.get("reservation_id") or (event.aggregate_id if event.aggregate_type == "reservation" else None)
    facts: dict[str, Any] = {}
    if raw:
        try:
            view = await reservations.get(services.db.pool, UUID(str(raw)))
        except (NotFound, ValueError):
            log.warning("event %s names reservation %s, which is not there", event.id, raw)
        else:
            facts = {
                "reservation_id": str(view.id), "confirmation_code": view.confirmation_code,
                "guest_name": view.guest_name, "guest_phone": view.guest_phone, "guest_email": view.guest_email,
                "check_in": view.check_in.isoformat(), "check_out": view.check_out.isoformat(),
                "room_type": view.room_type_name, "room_number": view.room_number,
                "total_price": str(view.total_price), "currency": view.currency,
            }
    given = {k: v for k, v in event.payload.items() if v not in (None, "")}
    given.pop("room_type", None)  # a code in some payloads; the guest reads the room type's name
    return facts | given


def _to_guest(services: Services, facts: dict[str, Any], template: str, text: templates.Text,
              *, email: bool = True) -> list[Draft]:
    drafts: list[Draft] = []
    phone = facts.get("phone") or facts.get("guest_phone")
    if phone:
        drafts.append(Draft(services.messenger.guest_channel, str(phone), template, text.body))
    if email and facts.get("guest_email"):
        drafts.append(Draft("email", str(facts["guest_email"]), template, text.body,
                            subject=text.subject or f"{services.messenger.hotel_name}"))
    if not drafts:
        log.info("%s for reservation %s: the guest left no phone number or email", template,
                 facts.get("reservation_id"))
    return drafts


async def _send_all(services: Services, event: OutboxEvent, drafts: list[Draft]) -> None:
    """Every draft gets its try; if any provider failed for now, the event is retried (sent ones are skipped)."""
    failures: list[str] = []
    for draft in drafts:
        try:
            await deliver(services, event.id, draft)
        except SendFailed as failed:
            failures.append(f"{draft.channel} {draft.template}: {failed}")
    if failures:
        raise SendFailed("; ".join(failures))


@outbox.handler("payment.link_created")
async def payment_link(services: Services, event: OutboxEvent) -> None:
    facts = await _reservation_facts(services, event)
    text = templates.payment_link(services.messenger.hotel_name, facts)
    await _send_all(services, event, _to_guest(services, facts, "payment_link", text))


@outbox.handler("reservation.confirmed")
async def booking_confirmed(services: Services, event: OutboxEvent) -> None:
    facts = await _reservation_facts(services, event)
    text = templates.booking_confirmed(services.messenger.hotel_name, facts, services.policy.check_in_time)
    await _send_all(services, event, _to_guest(services, facts, "booking_confirmed", text))


@outbox.handler("reservation.cancelled")
async def booking_cancelled(services: Services, event: OutboxEvent) -> None:
    facts = await _reservation_facts(services, event)
    text = templates.booking_cancelled(services.messenger.hotel_name, facts)
    await _send_all(services, event, _to_guest(services, facts, "booking_cancelled", text))


def _otp_code(services: Services, payload: dict[str, Any]) -> str | None:
    return str(payload["code"]) if payload.get("code") else None


@outbox.handler("checkin.otp_issued")
async def checkin_code(services: Services, event: OutboxEvent) -> None:
    facts = await _reservation_facts(services, event)
    code = _otp_code(services, event.payload)
    if code is None:
        log.error("checkin.otp_issued event %s carries no code; nothing to send", event.id)
        return
    expires = event.payload.get("expires_at")
    expires_at = datetime.fromisoformat(str(expires)).astimezone(services.policy.timezone) if expires else None
    text = templates.checkin_otp(services.messenger.hotel_name, code, expires_at)
    # The code goes to the phone only: an inbox is not proof of holding the guest's phone.
    await _send_all(services, event, _to_guest(services, facts, "checkin_otp", text, email=False))


@outbox.handler("reservation.checked_in")
async def welcome(services: Services, event: OutboxEvent) -> None:
    facts = await _reservation_facts(services, event)
    hotel = services.messenger.hotel
    text = templates.welcome(services.messenger.hotel_name, facts, services.policy.check_out_time,
                             hotel.wifi if hotel is not None else "")
    await _send_all(services, event, _to_guest(services, facts, "welcome", text, email=False))


@outbox.handler("housekeeping.task_done")
async def housekeeping_done(services: Services, event: OutboxEvent) -> None:
    facts = await _reservation_facts(services, event)
    text = templates.housekeeping_done(services.messenger.hotel_name, facts)
    await _send_all(services, event, _to_guest(services, facts, "housekeeping_done", text, email=False))


@outbox.handler("reservation.late_checkout_requested")
async def late_checkout(services: Services, event: OutboxEvent) -> None:
    facts = await _reservation_facts(services, event)
    facts.setdefault("check_out", facts.get("departure"))
    text = templates.late_checkout_request(services.messenger.hotel_name, facts)
    desk = services.messenger.front_desk_number
    # With no desk number the request still lands somewhere staff look: the sink.
    draft = Draft("sms", desk or FRONT_DESK, "late_checkout_request", text.body, sink=not desk)
    await _send_all(services, event, [draft])


# --- the managers' daily digest -------------------------------------------------------------------

async def queue_daily_digest(services: Services) -> bool:
    """Queue yesterday's digest once per hotel day (the ``daily_digests`` key); True if queued now."""
    yesterday = services.today() - timedelta(days=1)
    async with services.db.transaction() as tx:
        claimed = await tx.fetchval(
            "INSERT INTO daily_digests (hotel_day) VALUES ($1) ON CONFLICT DO NOTHING RETURNING hotel_day", yesterday
        )
        if claimed is None:
            return False
        event_id = await outbox.emit(tx, DIGEST_EVENT, "report", yesterday, {"day": yesterday.isoformat()})
        await tx.execute("UPDATE daily_digests SET event_id = $2 WHERE hotel_day = $1", yesterday, event_id)
    return True


@outbox.handler(DIGEST_EVENT)
async def daily_digest(services: Services, event: OutboxEvent) -> None:
    night = datetime.fromisoformat(str(event.payload["day"])).date()
    kpis = await reports.kpis(services.db.pool, services.policy, night, night + timedelta(days=1))
    text = templates.daily_digest(services.messenger.hotel_name, kpis)
    managers = await services.db.pool.fetch(
        "SELECT email FROM users WHERE role = 'manager' AND active ORDER BY email"
    )
    drafts = [Draft("email", row["email"], "daily_digest", text.body, subject=text.subject) for row in managers]
    await _send_all(services, event, drafts or [Draft("email", MANAGERS, "daily_digest", text.body,
                                                      subject=text.subject, sink=True)])
