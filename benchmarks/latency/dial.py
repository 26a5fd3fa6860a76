"""Dial like Twilio: ``POST /twilio/voice``, then open the ``<Stream>`` it answers with its ``<Parameter>``s.

Twilio posts the call's form to the voice webhook, reads the TwiML, connects the Media Streams
websocket to the ``<Stream url>`` exactly as given (query string included) and sends the
``<Parameter>`` name/value pairs as ``start.customParameters`` under the same CallSid. The
benchmark does the same, so it works whatever the server puts in the TwiML (a per-call token in
the URL or in a parameter included).
"""

from __future__ import annotations

import dataclasses
import uuid
import xml.etree.ElementTree as ET
from dataclasses import dataclass

import aiohttp

from pipeline.twilio_client import CallOptions, TwilioCaller


@dataclass(frozen=True)
class Dialled:
    call_sid: str
    stream_url: str
    parameters: dict[str, str]


def parse_connect_twiml(twiml: str) -> tuple[str, dict[str, str]]:
    """The ``<Connect><Stream url>`` and its ``<Parameter>``s from a TwiML answer."""
    root = ET.fromstring(twiml)
    stream = root.find("./Connect/Stream")
    if stream is None or not stream.get("url"):
        raise ValueError(f"no <Connect><Stream url=...> in the TwiML: {twiml[:200]}")
    parameters = {p.get("name", ""): p.get("value", "") for p in stream.findall("Parameter") if p.get("name")}
    return str(stream.get("url")), parameters


async def dial(http: aiohttp.ClientSession, base_url: str, *, from_number: str, to_number: str,
               call_sid: str | None = None) -> Dialled:
    """The voice webhook as Twilio calls it for an inbound call; raises for an answer without a stream."""
    sid = call_sid or "CA" + uuid.uuid4().hex
    form = {
        "AccountSid": "AC" + "0" * 32, "ApiVersion": "2010-04-01", "CallSid": sid, "CallStatus": "ringing",
        "Direction": "inbound", "From": from_number, "To": to_number, "Caller": from_number, "Called": to_number,
    }
    async with http.post(f"{base_url}/twilio/voice", data=form) as response:
        response.raise_for_status()
        url, parameters = parse_connect_twiml(await response.text())
    return Dialled(sid, url, parameters)


class DialledCaller(TwilioCaller):
    """A ``TwilioCaller`` on the stream a ``dial`` returned: same CallSid, the TwiML's parameters."""

    def __init__(self, dialled: Dialled, options: CallOptions) -> None:
        custom = {**options.custom_parameters, **dialled.parameters}
        super().__init__(dataclasses.replace(options, url=dialled.stream_url, custom_parameters=custom))
        self.call_sid = dialled.call_sid
        self.result.call_sid = dialled.call_sid
