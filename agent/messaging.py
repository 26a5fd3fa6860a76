"""The message providers behind ``backoffice.messaging.MessageChannel``: Twilio (SMS, WhatsApp) and SMTP.

Twilio goes through the ``twilio`` package's async client. The package always builds
``https://api.twilio.com/...`` URLs; ``RebasedHttpClient`` rewrites that prefix to
``twilio_api_base_url`` so the same client talks to a local fake in tests (the package's own
``http_client`` hook, nothing patched). Email goes over SMTP with the standard library, in a thread.
"""

from __future__ import annotations

import asyncio
import base64
import logging
import smtplib
import ssl
from email.message import EmailMessage
from email.utils import formatdate
from typing import Any, Final

from twilio.base.exceptions import TwilioException, TwilioRestException
from twilio.http.async_http_client import AsyncTwilioHttpClient
from twilio.http.response import Response
from twilio.rest import Client

from agent.settings import Settings
from backoffice.messaging import Messenger, OutgoingMessage, Receipt, SendFailed, body_hash

log = logging.getLogger(__name__)

TWILIO_ORIGIN: Final = "https://api.twilio.com"
TWILIO_TIMEOUT_S: Final = 10.0
SMTP_TIMEOUT_S: Final = 15.0
# Twilio statuses that mean the message was refused or lost: a resend is not a duplicate.
_NOT_SENT: Final = frozenset({"failed", "undelivered", "canceled"})


class RebasedHttpClient(AsyncTwilioHttpClient):
    """Twilio's async HTTP client, sending what it would send to api.twilio.com to ``base_url``."""

    def __init__(self, base_url: str, *, timeout: float = TWILIO_TIMEOUT_S) -> None:
        super().__init__(timeout=timeout)
        self.base_url = base_url.rstrip("/")

    async def request(self, method: str, url: str, *args: Any, **kwargs: Any) -> Response:
        if url.startswith(TWILIO_ORIGIN):
            url = self.base_url + url[len(TWILIO_ORIGIN):]
        auth = kwargs.pop("auth", None)
        if auth is not None:  # as a header: the package's aiohttp BasicAuth is deprecated by aiohttp
            user, password = auth
            token = base64.b64encode(f"{user}:{password}".encode()).decode()
            kwargs["headers"] = {**(kwargs.get("headers") or {}), "Authorization": f"Basic {token}"}
        return await super().request(method, url, *args, **kwargs)


class TwilioChannel:
    """SMS or WhatsApp through Twilio's Messaging API."""

    def __init__(self, client: Client, from_number: str, *, whatsapp: bool = False,
                 status_callback: str | None = None) -> None:
        self.client = client
        self.prefix = "whatsapp:" if whatsapp else ""
        self.from_ = self.prefix + from_number.removeprefix("whatsapp:")
        self.status_callback = status_callback

    async def send(self, message: OutgoingMessage) -> Receipt:
        extra: dict[str, Any] = {"status_callback": self.status_callback} if self.status_callback else {}
        try:
            sent = await self.client.messages.create_async(to=self.prefix + message.to, from_=self.from_,
                                                           body=message.body, **extra)
        except TwilioRestException as refused:
            # 4xx (a bad number, an unverified sender) will not change on a retry; 429 and 5xx will.
            permanent = 400 <= refused.status < 500 and refused.status not in (408, 429)
            raise SendFailed(f"Twilio {refused.status} (code {refused.code}): {refused.msg}",
                             permanent=permanent) from refused
        except TwilioException as odd:
            raise SendFailed(f"Twilio: {odd}") from odd
        except (TimeoutError, OSError) as lost:  # may have reached Twilio: ask before resending
            raise SendFailed(f"Twilio unreachable or silent: {lost!r}", maybe_sent=True) from lost
        return Receipt(str(sent.sid))

    async def find_sent(self, message: OutgoingMessage) -> Receipt | None:
        try:
            recent = await self.client.messages.list_async(to=self.prefix + message.to, from_=self.from_, limit=50)
        except (TwilioException, TimeoutError, OSError) as error:
            raise SendFailed(f"could not ask Twilio whether message {message.id} was sent: {error!r}",
                             maybe_sent=True) from error
        for sent in recent:
            if sent.body is not None and body_hash(sent.body) == message.body_sha256 and sent.status not in _NOT_SENT:
                return Receipt(str(sent.sid))
        return None


class SmtpChannel:
    """Email over SMTP (STARTTLS when the server offers it), with a ``Message-ID`` fixed per message."""

    def __init__(self, host: str, port: int, sender: str, *, user: str | None = None,
                 password: str | None = None) -> None:
        self.host, self.port, self.sender = host, port, sender
        self.user, self.password = user, password
        self.domain = sender.rpartition("@")[2] or "concierge.local"

    def message_id(self, message: OutgoingMessage) -> str:
        # The same id on every attempt: a resend after an unknown outcome is collapsed by mail systems.
        return f"<{message.id}@{self.domain}>"

    def _compose(self, message: OutgoingMessage) -> EmailMessage:
        email = EmailMessage()
        email["From"] = self.sender
        email["To"] = message.to
        email["Subject"] = message.subject or ""
        email["Date"] = formatdate(localtime=False)
        email["Message-ID"] = self.message_id(message)
        email.set_content(message.body)
        return email

    def _send_blocking(self, email: EmailMessage) -> None:
        with smtplib.SMTP(self.host, self.port, timeout=SMTP_TIMEOUT_S) as smtp:
            smtp.ehlo()
            if smtp.has_extn("starttls"):
                smtp.starttls(context=ssl.create_default_context())
                smtp.ehlo()
            if self.user:
                smtp.login(self.user, self.password or "")
            smtp.send_message(email)

    async def send(self, message: OutgoingMessage) -> Receipt:
        email = self._compose(message)
        try:
            await asyncio.to_thread(self._send_blocking, email)
        except smtplib.SMTPRecipientsRefused as refused:
            raise SendFailed(f"SMTP refused the recipient: {refused.recipients}", permanent=True) from refused
        except smtplib.SMTPResponseException as refused:
            # 5xx is the server's final word; 4xx asks us to try later.
            raise SendFailed(f"SMTP {refused.smtp_code}: {refused.smtp_error!r}",
                             permanent=refused.smtp_code >= 500) from refused
        except (smtplib.SMTPException, OSError) as lost:
            raise SendFailed(f"SMTP failed: {lost!r}", maybe_sent=True) from lost
        return Receipt(self.message_id(message))

    async def find_sent(self, message: OutgoingMessage) -> Receipt | None:
        return None  # SMTP cannot be asked; the resend carries the same Message-ID


def build_messenger(settings: Settings) -> tuple[Messenger, list[RebasedHttpClient]]:
    """The configured channels (unconfigured ones are the sink) and the HTTP clients to close at shutdown."""
    messenger = Messenger(hotel=settings.facts, guest_channel=settings.followup_channel,
                          front_desk_number=settings.front_desk_number, public_url=settings.public_url)
    clients: list[RebasedHttpClient] = []
    token = settings.twilio_auth_token
    if settings.twilio_account_sid and token is not None:
        http = RebasedHttpClient(settings.twilio_api_base_url)
        clients.append(http)
        client = Client(settings.twilio_account_sid, token.get_secret_value(), http_client=http)
        callback = f"{settings.public_url.rstrip('/')}/twilio/message-status" if settings.public_url else None
        if settings.twilio_from_number:
            messenger.sms = TwilioChannel(client, settings.twilio_from_number, status_callback=callback)
        if settings.twilio_whatsapp_from:
            messenger.whatsapp = TwilioChannel(client, settings.twilio_whatsapp_from, whatsapp=True,
                                               status_callback=callback)
    if settings.smtp_host:
        password = settings.smtp_password.get_secret_value() if settings.smtp_password else None
        messenger.email = SmtpChannel(settings.smtp_host, settings.smtp_port, settings.smtp_from,
                                      user=settings.smtp_user, password=password)
    configured = [kind for kind, channel in (("sms", messenger.sms), ("whatsapp", messenger.whatsapp),
                                             ("email", messenger.email)) if channel is not None]
    log.info("follow-ups: %s configured; the rest go to the local sink", ", ".join(configured) or "no channel")
    return messenger, clients
