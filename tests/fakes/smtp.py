"""A local SMTP server (aiosmtpd) that records every email it accepts.

``fail_next(n)`` answers the next ``n`` messages with ``451`` (try again later: nothing accepted);
``drop_next()`` hangs up on the next message at ``DATA`` before accepting it, as a crashed
connection would leave it.
"""

from __future__ import annotations

import asyncio
import email
import email.policy
import socket
from dataclasses import dataclass
from email.message import EmailMessage
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, Envelope, Session


@dataclass(frozen=True)
class ReceivedEmail:
    mail_from: str
    rcpt_tos: list[str]
    message: EmailMessage

    @property
    def message_id(self) -> str:
        return str(self.message["Message-ID"])

    @property
    def text(self) -> str:
        body = self.message.get_body(("plain",))
        return body.get_content() if body is not None else ""


class FakeSmtp:
    def __init__(self) -> None:
        self.received: list[ReceivedEmail] = []
        self._failures = 0
        self._drops = 0
        self.dropped = asyncio.Event()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._controller: Controller | None = None
        self.host, self.port = "127.0.0.1", 0

    def fail_next(self, count: int) -> None:
        self._failures = count

    def drop_next(self) -> None:
        self._drops += 1
        self.dropped.clear()

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:  # noqa: N802 (aiosmtpd's hook name)
        if self._drops > 0:
            self._drops -= 1
            if server.transport is not None:
                server.transport.abort()  # the connection dies before the server says it has the message
            if self._loop is not None:
                self._loop.call_soon_threadsafe(self.dropped.set)
            return "421 4.3.0 connection lost"
        if self._failures > 0:
            self._failures -= 1
            return "451 4.3.0 try again later"
        parsed: Any = email.message_from_bytes(envelope.original_content or envelope.content or b"",
                                               policy=email.policy.default)
        self.received.append(ReceivedEmail(str(envelope.mail_from), list(envelope.rcpt_tos), parsed))
        return "250 2.0.0 OK: queued"

    async def start(self) -> tuple[str, int]:
        self._loop = asyncio.get_running_loop()
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        # aiosmtpd runs its own event loop in a thread; the handler's list is only appended to there.
        self._controller = Controller(self, hostname=self.host, port=self.port)
        await asyncio.to_thread(self._controller.start)
        return self.host, self.port

    async def stop(self) -> None:
        if self._controller is not None:
            await asyncio.to_thread(self._controller.stop)
