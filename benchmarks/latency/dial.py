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
from typing import Any

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


def without_ring(options: CallOptions, **changes: Any) -> CallOptions:
    """``options`` for a caller that must not ask the voice webhook itself.

    A ``TwilioCaller`` that rings the webhook on its own (``CallOptions.voice_url``, where it exists)
    would ring a second time: a second token and a second promised slot for one call, which fills the
    server's ``max_calls`` at half the calls. The benchmark rings once, in ``dial``; the reference has
    no webhook at all.
    """
    if "voice_url" in {f.name for f in dataclasses.fields(CallOptions)}:
        changes["voice_url"] = None
    return dataclasses.replace(options, **changes)


class DialledCaller(TwilioCaller):
    """A ``TwilioCaller`` on the stream a ``dial`` returned: same CallSid, the TwiML's parameters."""

    def __init__(self, dialled: Dialled, options: CallOptions) -> None:
        custom = {**options.custom_parameters, **dialled.parameters}
        super().__init__(without_ring(options, url=dialled.stream_url, custom_parameters=custom))
        self.call_sid = dialled.call_sid
        self.result.call_sid = dialled.call_sid
