"""Twilio REST calls made during a call: transfer to a person, hang up.

Plain HTTP against ``{twilio_api_base_url}/2010-04-01/Accounts/{sid}/Calls/{call}.json`` (the
wire protocol the Twilio SDK speaks), so tests point it at a local fake Twilio over real HTTP.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from xml.sax.saxutils import escape

import aiohttp

log = logging.getLogger("concierge.call_control")


@dataclass(frozen=True)
class TwilioCredentials:
    account_sid: str
    auth_token: str
    api_base_url: str = "https://api.twilio.com"


class CallControl:
    def __init__(
        self, credentials: TwilioCredentials | None, *, front_desk_number: str, timeout_s: float = 5.0
    ) -> None:
        self.credentials = credentials
        self.front_desk_number = front_desk_number
        self.timeout_s = timeout_s

    @property
    def can_redirect(self) -> bool:
        return self.credentials is not None

    async def _update(self, call_sid: str, form: dict[str, str]) -> bool:
        creds = self.credentials
        if creds is None:
            return False
        url = f"{creds.api_base_url.rstrip('/')}/2010-04-01/Accounts/{creds.account_sid}/Calls/{call_sid}.json"
        headers = {"Authorization": aiohttp.encode_basic_auth(creds.account_sid, creds.auth_token)}
        timeout = aiohttp.ClientTimeout(total=self.timeout_s)
        try:
            async with aiohttp.ClientSession(timeout=timeout) as http, \
                    http.post(url, data=form, headers=headers) as reply:
                if reply.status < 300:
                    return True
                body = await reply.text()
                log.error("Twilio refused the call update for %s: %s %s", call_sid, reply.status, body)
        except (aiohttp.ClientError, TimeoutError) as error:
            log.error("Twilio call update for %s failed: %s", call_sid, error)
        return False

    async def transfer(self, call_sid: str, number: str) -> bool:
        """Replace the call's TwiML with a ``<Dial>`` (ends our media stream). False: not done."""
        twiml = f"<Response><Dial>{escape(number)}</Dial></Response>"
        return await self._update(call_sid, {"Twiml": twiml})

    async def hang_up(self, call_sid: str) -> bool:
        return await self._update(call_sid, {"Status": "completed"})
