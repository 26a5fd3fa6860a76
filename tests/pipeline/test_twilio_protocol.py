"""Parsing Twilio's messages never raises: bad input becomes ``Ignored`` with a reason."""

from __future__ import annotations

import base64
import json

import pytest

from pipeline.frames import TwilioDtmf, TwilioMark, TwilioMedia, TwilioStart, TwilioStop
from pipeline.twilio_protocol import Ignored, clear_message, is_mark, mark_message, media_message, parse


def test_start_carries_the_call_context() -> None:
    event = parse(json.dumps({
        "event": "start", "streamSid": "MZ1",
        "start": {"streamSid": "MZ1", "callSid": "CA1", "accountSid": "AC1",
                  "customParameters": {"From": "+8801711111111", "To": "+8801700000000"}},
    }))
    assert event == TwilioStart("MZ1", "CA1", "AC1", {"From": "+8801711111111", "To": "+8801700000000"})


def test_media_mark_dtmf_stop() -> None:
    payload = base64.b64encode(b"\xff" * 160).decode()
    assert parse(json.dumps({"event": "media", "media": {"payload": payload, "timestamp": "40"}})) == TwilioMedia(
        b"\xff" * 160, 40
    )
    assert parse(json.dumps({"event": "mark", "mark": {"name": "t1.2"}})) == TwilioMark("t1.2")
    assert parse(json.dumps({"event": "dtmf", "dtmf": {"digit": "0"}})) == TwilioDtmf("0")
    assert parse(json.dumps({"event": "stop", "stop": {"callSid": "CA1"}})) == TwilioStop("CA1")


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ("{not json", "malformed JSON"),
        ("[1, 2]", "not a JSON object"),
        ('{"event": "media"}', "without payload"),
        ('{"event": "media", "media": {"payload": ""}}', "without payload"),
        ('{"event": "media", "media": {"payload": "%%%"}}', "not base64"),
        ('{"event": "media", "media": {"payload": "/w==", "track": "outbound"}}', "track"),
        ('{"event": "mark", "mark": {}}', "mark without name"),
        ('{"event": "dtmf", "dtmf": {"digit": "99"}}', "valid digit"),
        ('{"event": "start", "start": {"streamSid": "MZ"}}', "callSid"),
        ('{"event": "teleport"}', "unknown event"),
        ('{"no": "event"}', "unknown event"),
        (b"\xff\xfe", "malformed JSON"),
    ],
)
def test_bad_messages_are_ignored_with_a_reason(raw: str | bytes, reason: str) -> None:
    event = parse(raw)
    assert isinstance(event, Ignored)
    assert reason in event.reason


def test_outbound_messages_have_twilios_shape() -> None:
    media = json.loads(media_message("MZ1", b"\x00\x01"))
    assert media == {"event": "media", "streamSid": "MZ1", "media": {"payload": "AAE="}}
    assert json.loads(mark_message("MZ1", "t1.1")) == {"event": "mark", "streamSid": "MZ1", "mark": {"name": "t1.1"}}
    assert json.loads(clear_message("MZ1")) == {"event": "clear", "streamSid": "MZ1"}
    assert is_mark(mark_message("MZ1", "t1.1")) and not is_mark(media_message("MZ1", b"\xff"))
