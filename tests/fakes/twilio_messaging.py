"""A local Twilio Messaging REST API, as the ``twilio`` package calls it, over real HTTP.

Speaks the parts we use: ``POST /2010-04-01/Accounts/{sid}/Messages.json`` (form-encoded, HTTP basic
auth with the account SID and auth token) and ``GET .../Messages.json?To=&From=&PageSize=`` (newest
first, Twilio's paging envelope). It records every message it accepted, and can misbehave on
purpose: ``fail_next(n)`` answers 500 (nothing accepted) and ``stall_next()`` accepts the next
message and then never answers (the provider has it, the sender never learns) until ``release()``.
It can also sign and send the delivery reports Twilio posts to a message's ``StatusCallback``.
"""

from __future__ import annotations

import asyncio
import base64
import secrets
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime
from typing import Any

from aiohttp import ClientSession, web
from twilio.request_validator import RequestValidator

API = "/2010-04-01/Accounts/{sid}/Messages.json"


@dataclass
class FakeMessage:
    sid: str
    to: str
    from_: str
    body: str
    status_callback: str | None
    status: str = "queued"
    date_created: datetime = field(default_factory=lambda: datetime.now(UTC))

    def resource(self, account_sid: str) -> dict[str, Any]:
        created = format_datetime(self.date_created)
        return {
            "account_sid": account_sid, "api_version": "2010-04-01", "body": self.body,
            "date_created": created, "date_sent": created, "date_updated": created, "direction": "outbound-api",
            "error_code": None, "error_message": None, "from": self.from_, "messaging_service_sid": None,
            "num_media": "0", "num_segments": "1", "price": None, "price_unit": "USD", "sid": self.sid,
            "status": self.status, "subresource_uris": {}, "to": self.to,
            "uri": f"/2010-04-01/Accounts/{account_sid}/Messages/{self.sid}.json",
        }


class FakeTwilioMessaging:
    def __init__(self, account_sid: str = "AC" + "0" * 32, auth_token: str = "fake-auth-token") -> None:
        self.account_sid = account_sid
        self.auth_token = auth_token
        self.messages: list[FakeMessage] = []  # accepted, in order
        self.requests: list[tuple[str, str]] = []  # (method, path) of every request, refused ones too
        self._failures = 0
        self._failure_status = 500
        self._stall = 0
        self._released = asyncio.Event()
        self.received = asyncio.Event()  # set whenever a message is accepted
        self._runner: web.AppRunner | None = None
        self.base_url = ""

    # --- misbehaviour ---------------------------------------------------------------------------
    def fail_next(self, count: int, status: int = 500) -> None:
        self._failures, self._failure_status = count, status

    def stall_next(self) -> None:
        self._stall += 1
        self._released.clear()

    def release(self) -> None:
        self._released.set()

    # --- lifecycle ------------------------------------------------------------------------------
    async def start(self) -> str:
        app = web.Application()
        path = API.format(sid="{sid}")
        app.router.add_post(path, self._create)
        app.router.add_get(path, self._list)
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = self._runner.addresses[0][1]
        self.base_url = f"http://127.0.0.1:{port}"
        return self.base_url

    async def stop(self) -> None:
        self.release()
        if self._runner is not None:
            await self._runner.cleanup()

    # --- the API --------------------------------------------------------------------------------
    def _authorised(self, request: web.Request) -> bool:
        expected = base64.b64encode(f"{self.account_sid}:{self.auth_token}".encode()).decode()
        return request.match_info["sid"] == self.account_sid and request.headers.get("Authorization") == (
            f"Basic {expected}")

    def _error(self, status: int, code: int, message: str) -> web.Response:
        return web.json_response({"code": code, "message": message, "more_info": f"https://www.twilio.com/docs/errors/{code}",
                                  "status": status}, status=status)

    async def _create(self, request: web.Request) -> web.Response:
        self.requests.append((request.method, request.path))
        if not self._authorised(request):
            return self._error(401, 20003, "Authenticate")
        form = await request.post()
        if self._failures > 0:
            self._failures -= 1
            return self._error(self._failure_status, 20500, "Internal Server Error")
        to, body = str(form.get("To", "")), str(form.get("Body", ""))
        if not to or not body:
            return self._error(400, 21604, "A 'To' phone number and a 'Body' are required.")
        if not to.removeprefix("whatsapp:").startswith("+"):
            return self._error(400, 21211, f"The 'To' number {to} is not a valid phone number.")
        message = FakeMessage("SM" + secrets.token_hex(16), to, str(form.get("From", "")), body,
                              str(form["StatusCallback"]) if "StatusCallback" in form else None)
        self.messages.append(message)
        self.received.set()
        if self._stall > 0:
            self._stall -= 1
            await self._released.wait()  # accepted, but the answer never comes while stalled
        return web.json_response(message.resource(self.account_sid), status=201)

    async def _list(self, request: web.Request) -> web.Response:
        self.requests.append((request.method, request.path))
        if not self._authorised(request):
            return self._error(401, 20003, "Authenticate")
        to, from_ = request.query.get("To"), request.query.get("From")
        size = int(request.query.get("PageSize", "50"))
        found = [m for m in reversed(self.messages)
                 if (to is None or m.to == to) and (from_ is None or m.from_ == from_)]
        uri = API.format(sid=self.account_sid)
        return web.json_response({
            "messages": [m.resource(self.account_sid) for m in found[:size]], "end": min(size, len(found)) - 1,
            "first_page_uri": f"{uri}?PageSize={size}&Page=0", "next_page_uri": None, "page": 0,
            "page_size": size, "previous_page_uri": None, "start": 0, "uri": f"{uri}?PageSize={size}&Page=0",
        })

    # --- delivery reports -----------------------------------------------------------------------
    def signed_report(self, url: str, message: FakeMessage, status: str) -> tuple[dict[str, str], str]:
        """The form Twilio posts to a StatusCallback and its ``X-Twilio-Signature`` for ``url``."""
        params = {"AccountSid": self.account_sid, "ApiVersion": "2010-04-01", "From": message.from_,
                  "MessageSid": message.sid, "MessageStatus": status, "SmsSid": message.sid, "SmsStatus": status,
                  "To": message.to}
        return params, RequestValidator(self.auth_token).compute_signature(url, params)

    async def report(self, message: FakeMessage, status: str, *, post_to: str | None = None) -> int:
        """Post a signed delivery report to the message's StatusCallback (or ``post_to``, signed for the former)."""
        assert message.status_callback, "the message was sent without a StatusCallback"
        params, signature = self.signed_report(message.status_callback, message, status)
        async with ClientSession() as http, http.post(post_to or message.status_callback, data=params,
                                                       headers={"X-Twilio-Signature": signature}) as response:
            return response.status
