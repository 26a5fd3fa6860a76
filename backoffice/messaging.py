"""Messages to guests and staff (SMS, WhatsApp, email), each sent at most once per event.

Every message is a ``messages`` row written *before* the provider is called, keyed by
(event id, channel, recipient, template). Sending moves it ``pending -> sending -> sent``:

* already ``sent`` (or ``sinked``, ``delivered``, ...): a retried event sends nothing again;
* ``sending``: an earlier attempt handed it to the provider and never learnt the outcome (a crash,
  a cancelled relay, a timeout). The channel is asked whether the provider has it (Twilio: the
  Messages list, matched by recipient and body hash) before anything is resent. SMTP cannot be
  asked, so an email in that state is resent with the same ``Message-ID``, which mail systems use
  to collapse duplicates;
* a provider that refuses (5xx, throttling) leaves it ``pending`` and the event is retried; a
  permanent refusal (a bad number) marks it ``failed`` for staff and the event is done.

A channel that is not configured sends to the local sink: the row is kept with status ``sinked``
(staff read it through ``GET /api/v1/messages``) and a line is logged without the recipient.

The providers live outside the back office (``agent/messaging.py``) behind ``MessageChannel``.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Final, Literal, Protocol
from uuid import UUID

import asyncpg

from backoffice.policy import HotelFacts

if TYPE_CHECKING:
    from backoffice.services import Services

log = logging.getLogger(__name__)

Channel = Literal["sms", "whatsapp", "email"]
DONE: Final = frozenset({"sinked", "sent", "delivered", "read", "undelivered", "failed", "canceled"})
# Templates whose body carries a secret: the sink logs that it kept one, not the text.
SECRET_TEMPLATES: Final = frozenset({"checkin_otp"})


class SendFailed(Exception):
    """The provider did not take the message.

    ``permanent``: it never will (a bad number); the message is marked failed and not retried.
    ``maybe_sent``: the request may have reached the provider (a timeout), so the next attempt asks
    before resending.
    """

    def __init__(self, detail: str, *, permanent: bool = False, maybe_sent: bool = False) -> None:
        super().__init__(detail)
        self.permanent = permanent
        self.maybe_sent = maybe_sent


@dataclass(frozen=True)
class OutgoingMessage:
    id: UUID
    channel: Channel
    to: str
    body: str
    subject: str | None = None

    @property
    def body_sha256(self) -> str:
        return body_hash(self.body)


@dataclass(frozen=True)
class Receipt:
    provider_id: str  # Twilio's MessageSid, or the email's Message-ID
    status: str = "sent"


class MessageChannel(Protocol):
    """A provider for one channel (Twilio SMS or WhatsApp, SMTP)."""

    async def send(self, message: OutgoingMessage) -> Receipt:
        """Hand the message over; raise ``SendFailed`` if the provider did not take it."""
        ...

    async def find_sent(self, message: OutgoingMessage) -> Receipt | None:
        """Whether the provider already has this message (after an attempt whose outcome is unknown)."""
        ...


@dataclass
class Messenger:
    """Where follow-ups go: a channel per kind (None = the local sink) and who the hotel is."""

    sms: MessageChannel | None = None
    whatsapp: MessageChannel | None = None
    email: MessageChannel | None = None
    hotel: HotelFacts | None = None
    guest_channel: Literal["sms", "whatsapp"] = "sms"
    front_desk_number: str = ""
    public_url: str = ""

    @property
    def hotel_name(self) -> str:
        return self.hotel.name if self.hotel is not None else "the hotel"

    def channel(self, kind: Channel) -> MessageChannel | None:
        return {"sms": self.sms, "whatsapp": self.whatsapp, "email": self.email}[kind]


@dataclass(frozen=True)
class Draft:
    """A message a handler wants sent."""

    channel: Channel
    to: str
    template: str
    body: str
    subject: str | None = None
    sink: bool = False  # no real recipient (e.g. no front-desk number): keep it for staff, send nothing


def body_hash(body: str) -> str:
    return hashlib.sha256(body.encode()).hexdigest()


async def _claim(pool: asyncpg.Pool, event_id: int | None, draft: Draft, now: datetime) -> asyncpg.Record:
    row = await pool.fetchrow(
        """INSERT INTO messages (event_id, channel, recipient, template, subject, body, body_sha256, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
           ON CONFLICT (event_id, channel, recipient, template) DO NOTHING RETURNING *""",
        event_id, draft.channel, draft.to, draft.template, draft.subject, draft.body, body_hash(draft.body), now,
    )
    if row is None:  # written by an earlier attempt at this event: that row decides
        row = await pool.fetchrow(
            "SELECT * FROM messages WHERE event_id = $1 AND channel = $2 AND recipient = $3 AND template = $4",
            event_id, draft.channel, draft.to, draft.template,
        )
    assert row is not None
    return row


async def _mark(pool: asyncpg.Pool, message_id: UUID, status: str, *, provider_id: str | None = None,
                error: str | None = None, sent_at: datetime | None = None) -> None:
    await pool.execute(
        """UPDATE messages SET status = $2, provider_id = COALESCE($3, provider_id), error = $4,
                               sent_at = COALESCE($5, sent_at), updated_at = now()
           WHERE id = $1""",
        message_id, status, provider_id, error, sent_at,
    )


async def deliver(services: Services, event_id: int | None, draft: Draft) -> str:
    """Send ``draft`` once for ``event_id``; returns the message's status. Raises ``SendFailed`` to retry."""
    pool = services.db.pool
    row = await _claim(pool, event_id, draft, services.now())
    if row["status"] in DONE:
        return str(row["status"])
    # The row's own text is sent, so a retry sends exactly what the first attempt recorded.
    message = OutgoingMessage(row["id"], row["channel"], row["recipient"], row["body"], row["subject"])
    channel = None if draft.sink else services.messenger.channel(message.channel)
    if channel is None:
        await _mark(pool, message.id, "sinked", sent_at=services.now())
        shown = "(secret, not logged)" if draft.template in SECRET_TEMPLATES else repr(message.body)
        log.info("message %s sinked (%s, %s; %s): %s", message.id, message.channel, draft.template,
                 "no real recipient" if draft.sink else "no provider configured", shown)
        return "sinked"
    if row["status"] == "sending":
        found = await channel.find_sent(message)
        if found is not None:
            log.info("message %s had reached the provider before (%s); not sending it again", message.id,
                     found.provider_id)
            await _mark(pool, message.id, found.status, provider_id=found.provider_id, sent_at=services.now())
            return found.status
    await pool.execute("UPDATE messages SET status = 'sending', attempts = attempts + 1, updated_at = now() "
                       "WHERE id = $1", message.id)
    try:
        receipt = await channel.send(message)
    except SendFailed as failed:
        if failed.permanent:
            log.warning("message %s (%s, %s) refused for good: %s", message.id, message.channel, draft.template,
                        failed)
            await _mark(pool, message.id, "failed", error=str(failed))
            return "failed"
        await _mark(pool, message.id, "sending" if failed.maybe_sent else "pending", error=str(failed))
        raise
    await _mark(pool, message.id, receipt.status, provider_id=receipt.provider_id, sent_at=services.now())
    return receipt.status


# --- what staff read --------------------------------------------------------------------------------

@dataclass(frozen=True)
class MessageView:
    id: UUID
    channel: str
    to: str
    template: str
    subject: str | None
    body: str
    status: str
    error: str | None
    provider_id: str | None
    event_id: int | None
    created_at: datetime
    sent_at: datetime | None


_VIEW = """SELECT id, channel, recipient AS "to", template, subject, body, status, error, provider_id, event_id,
                  created_at, sent_at FROM messages"""


def _view(row: asyncpg.Record) -> MessageView:
    return MessageView(**dict(row))


async def list_messages(conn: asyncpg.Pool | asyncpg.Connection, *, to: str | None = None,
                        since: datetime | None = None, until: datetime | None = None,
                        limit: int = 200) -> list[MessageView]:
    """Messages, newest first; ``to`` is an E.164 number (SMS and WhatsApp) or an email address."""
    rows = await conn.fetch(
        _VIEW + """ WHERE ($1::text IS NULL OR recipient = $1)
                      AND ($2::timestamptz IS NULL OR created_at >= $2)
                      AND ($3::timestamptz IS NULL OR created_at <= $3)
                    ORDER BY created_at DESC, id LIMIT $4""",
        to, since, until, limit,
    )
    return [_view(r) for r in rows]


async def apply_provider_status(conn: asyncpg.Pool | asyncpg.Connection, provider_id: str, status: str,
                                error: str | None = None) -> str | None:
    """A delivery report (Twilio status callback). Reports arrive out of order: a message never goes
    back from delivered to sent. Returns the stored status, None for an unknown message."""
    rank = {"sent": 1, "undelivered": 2, "failed": 2, "delivered": 2, "canceled": 2, "read": 3}
    row = await conn.fetchrow("SELECT id, status FROM messages WHERE provider_id = $1", provider_id)
    if row is None:
        return None
    if status in rank and rank[status] > rank.get(row["status"], 0):
        await conn.execute("UPDATE messages SET status = $2, error = COALESCE($3, error), updated_at = now() "
                           "WHERE id = $1", row["id"], status, error)
        return status
    return str(row["status"])
