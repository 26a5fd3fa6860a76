"""Twilio Media Streams messages: parse what Twilio sends, build what we send.

Parsing never raises for bad input: a malformed or unknown message becomes ``None`` plus a
reason, so the call loop logs it with the call SID and carries on (a bad frame never ends a call).
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from typing import Any

from pipeline.frames import (
    TwilioConnected,
    TwilioDtmf,
    TwilioEvent,
    TwilioMark,
    TwilioMedia,
    TwilioStart,
    TwilioStop,
)


@dataclass(frozen=True)
class Ignored:
    """A message we could not use, and why (for the log)."""

    reason: str


def _section(message: dict[str, Any], key: str) -> dict[str, Any]:
    value = message.get(key)
    return value if isinstance(value, dict) else {}


def parse(raw: str | bytes) -> TwilioEvent | Ignored:
    """One websocket text message -> a typed event, or ``Ignored`` with the reason."""
    try:
        message = json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        return Ignored("malformed JSON")
    if not isinstance(message, dict):
        return Ignored("message is not a JSON object")
    event = message.get("event")
    if event == "media":
        media = _section(message, "media")
        payload = media.get("payload")
        if not isinstance(payload, str) or not payload:
            return Ignored("media without payload")
        track = media.get("track")
        if track not in (None, "inbound", "inbound_track"):
            return Ignored(f"media on track {track!r}")
        try:
            audio = base64.b64decode(payload, validate=True)
        except (binascii.Error, ValueError):
            return Ignored("media payload is not base64")
        timestamp = media.get("timestamp")
        try:
            stamp = int(timestamp) if timestamp is not None else None
        except (TypeError, ValueError):
            stamp = None
        return TwilioMedia(audio, stamp)
    if event == "mark":
        name = _section(message, "mark").get("name")
        if not isinstance(name, str) or not name:
            return Ignored("mark without name")
        return TwilioMark(name)
    if event == "dtmf":
        digit = _section(message, "dtmf").get("digit")
        if not isinstance(digit, str) or len(digit) != 1 or digit not in "0123456789*#ABCD":
            return Ignored("dtmf without a valid digit")
        return TwilioDtmf(digit)
    if event == "start":
        start = _section(message, "start")
        stream_sid = start.get("streamSid") or message.get("streamSid")
        call_sid = start.get("callSid")
        if not isinstance(stream_sid, str) or not isinstance(call_sid, str) or not call_sid:
            return Ignored("start without streamSid/callSid")
        params = start.get("customParameters")
        custom = {str(k): str(v) for k, v in params.items()} if isinstance(params, dict) else {}
        return TwilioStart(stream_sid, call_sid, str(start.get("accountSid") or ""), custom)
    if event == "stop":
        return TwilioStop(str(_section(message, "stop").get("callSid") or ""))
    if event == "connected":
        return TwilioConnected(str(message.get("protocol") or ""))
    return Ignored(f"unknown event {event!r}")


def media_message(stream_sid: str, ulaw: bytes) -> str:
    payload = base64.b64encode(ulaw).decode("ascii")
    return json.dumps({"event": "media", "streamSid": stream_sid, "media": {"payload": payload}})


def mark_message(stream_sid: str, name: str) -> str:
    return json.dumps({"event": "mark", "streamSid": stream_sid, "mark": {"name": name}})


def is_mark(message: str) -> bool:
    """Is this outbound message (built by ``mark_message``) a mark?"""
    return message.startswith('{"event": "mark"')


def clear_message(stream_sid: str) -> str:
    return json.dumps({"event": "clear", "streamSid": stream_sid})
