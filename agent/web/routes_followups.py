"""Follow-ups and call history for staff, and Twilio's message delivery reports (thin HTTP over ``backoffice``)."""

from __future__ import annotations

import logging
import re
from datetime import date, datetime, time, timedelta
from typing import Any, Final
from uuid import UUID

from aiohttp import web
from pydantic import BaseModel, ConfigDict, Field
from twilio.request_validator import RequestValidator

from agent.web.api import Call, Empty
from agent.web.keys import SERVICES, SETTINGS
from agent.web.registry import api
from backoffice import call_history, messaging
from backoffice.errors import Forbidden, ValidationFailed

log = logging.getLogger(__name__)

TAG = "follow-ups"
PRINTABLE = r"^[^\x00-\x1f]*$"
# A '+' left unencoded in a query string arrives as a space, stripped here: "8801..." is "+8801...".
_PHONE: Final = re.compile(r"^\+?([0-9]{8,15})$", re.ASCII)
_EMAIL: Final = re.compile(r"^[^@\s]+@[^@\s]+$")


class _FromAttributes(BaseModel):
    model_config = ConfigDict(from_attributes=True)


def recipient(raw: str) -> str:
    """A phone number as E.164 (``+`` and ASCII digits) or an email address, as messages store them.

    Local on purpose: ``backoffice.guests`` normalises what callers type (national formats,
    ``00`` prefixes); here the contract is already E.164 and only a ``+`` the URL turned into a
    space needs mending.
    """
    text = raw.strip()
    phone = _PHONE.match(text)
    if phone:
        return "+" + phone.group(1)
    if _EMAIL.match(text):
        return text
    raise ValidationFailed(f"'{raw}' is neither an E.164 phone number (+8801711...) nor an email address",
                           field="to")


class MessagesQuery(BaseModel):
    to: str | None = Field(default=None, max_length=254, pattern=PRINTABLE,
                           description="E.164 number (SMS, WhatsApp) or email address; all messages when absent")
    limit: int = Field(default=200, ge=1, le=1000)


class MessageOut(_FromAttributes):
    id: UUID
    channel: str = Field(description="sms, whatsapp or email")
    to: str
    template: str
    subject: str | None
    body: str
    status: str = Field(description="pending, sending, sinked (no provider configured: kept here), sent, delivered, "
                                    "read, undelivered, failed, canceled")
    error: str | None
    created_at: datetime
    sent_at: datetime | None


class MessagesOut(BaseModel):
    messages: list[MessageOut]


@api.route("GET", "/api/v1/messages", summary="SMS, WhatsApp and email follow-ups, sent or sinked, newest first",
           tag=TAG, scope="frontdesk", query=MessagesQuery, response=MessagesOut)
async def get_messages(call: Call[Empty, MessagesQuery, Any]) -> MessagesOut:
    to = recipient(call.query.to) if call.query.to is not None else None
    found = await messaging.list_messages(call.app[SERVICES].db.pool, to=to, limit=call.query.limit)
    return MessagesOut(messages=[MessageOut.model_validate(m) for m in found])


class CallsQuery(BaseModel):
    start: date | None = Field(default=None, alias="from", description="First hotel day (default: 7 days ago)")
    end: date | None = Field(default=None, alias="to", description="Last hotel day, included (default: today)")
    limit: int = Field(default=500, ge=1, le=5000)


class CallOut(_FromAttributes):
    call_sid: str
    phone_number: str | None
    status: str
    direction: str
    start_time: datetime
    end_time: datetime | None
    duration: int | None = Field(description="seconds")
    total_interactions: int
    avg_response_time: float | None = Field(description="seconds from the caller's silence to the agent's audio")
    primary_intent: str | None
    intent_confidence: float | None
    outcome: str | None
    transferred_to: str | None
    transfer_reason: str | None


class CallsOut(BaseModel):
    calls: list[CallOut]


class CallPath(BaseModel):
    call_sid: str = Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_.:-]+$")


class TurnOut(_FromAttributes):
    turn_index: int
    caller_text: str = Field(description="What the caller said (the final transcript)")
    agent_text: str = Field(description="What the agent said, in full")
    heard_text: str | None = Field(description="What the caller heard (less when they talked over the agent)")
    interrupted: bool
    tool_calls: list[Any]
    speech_ended_at: datetime | None
    transcript_at: datetime | None
    first_token_at: datetime | None
    first_audio_at: datetime | None
    timings_ms: dict[str, Any]


class CallDetailOut(BaseModel):
    call: CallOut
    turns: list[TurnOut]
    analytics: dict[str, Any] | None = Field(description="The call's voice_call_analytics row (intent, tools, signals)")
    follow_ups: list[MessageOut] = Field(description="Messages to the caller's number since the call began")


@api.route("GET", "/api/v1/calls", summary="Phone calls in a date range, newest first", tag=TAG,
           scope="calls:read", query=CallsQuery, response=CallsOut, errors=(422,))
async def get_calls(call: Call[Empty, CallsQuery, Any]) -> CallsOut:
    services = call.app[SERVICES]
    today = services.today()
    first, last = call.query.start or today - timedelta(days=7), call.query.end or today
    if last < first:
        raise ValidationFailed("'to' is before 'from'", field="to")
    if (last - first).days > 366:
        raise ValidationFailed("ask for at most a year at a time", field="to")
    zone = services.policy.timezone
    start = datetime.combine(first, time(0), zone)
    end = datetime.combine(last + timedelta(days=1), time(0), zone)
    found = await call_history.list_calls(services.db.pool, start, end, limit=call.query.limit)
    return CallsOut(calls=[CallOut.model_validate(c) for c in found])


@api.route("GET", "/api/v1/calls/{call_sid}", summary="One call: turns, tool calls, timings, analytics, follow-ups",
           tag=TAG, scope="calls:read", path_params=CallPath, response=CallDetailOut, errors=(404,))
async def get_call(call: Call[CallPath, Empty, Any]) -> CallDetailOut:
    detail = await call_history.get_call(call.app[SERVICES].db.pool, call.path.call_sid)
    return CallDetailOut(call=CallOut.model_validate(detail.call),
                         turns=[TurnOut.model_validate(t) for t in detail.turns], analytics=detail.analytics,
                         follow_ups=[MessageOut.model_validate(m) for m in detail.follow_ups])


# --- Twilio delivery reports ------------------------------------------------------------------------

def _public_base(request: web.Request, public_url: str) -> str:
    """https://host as Twilio sees us: the configured public URL, or the (proxied) request's."""
    if public_url:
        return public_url.rstrip("/")
    proto = request.headers.get("X-Forwarded-Proto", request.scheme).split(",")[0].strip()
    host = request.headers.get("X-Forwarded-Host", request.host).split(",")[0].strip()
    return f"{proto}://{host}"


async def message_status(request: web.Request) -> web.Response:
    """Twilio's status callback for a message we sent: move its row on (never backwards)."""
    settings = request.app[SETTINGS]
    form = await request.post()
    token = settings.twilio_auth_token
    if token is not None:
        url = _public_base(request, settings.public_url) + request.path_qs
        signature = request.headers.get("X-Twilio-Signature", "")
        if not signature or not RequestValidator(token.get_secret_value()).validate(url, form, signature):
            log.warning("refused a message status callback: bad or missing X-Twilio-Signature")
            raise Forbidden("The X-Twilio-Signature header is missing or does not match this request.")
    sid, status = str(form.get("MessageSid", "")), str(form.get("MessageStatus", ""))
    if not sid or not status:
        raise ValidationFailed("MessageSid and MessageStatus are required", field="MessageSid")
    code = str(form.get("ErrorCode") or "")
    error = f"Twilio error {code}" if code else None
    stored = await messaging.apply_provider_status(request.app[SERVICES].db.pool, sid, status.lower(), error)
    if stored is None:
        log.info("status %s for a message we do not know (%s)", status, sid)
    return web.Response(status=204)


def install(app: web.Application) -> None:
    app.router.add_post("/twilio/message-status", message_status)
