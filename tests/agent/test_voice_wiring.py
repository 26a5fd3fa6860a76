# ruff: noqa: F811 - pytest fixtures imported from tests.pipeline.conftest
"""Twilio endpoints: TwiML, X-Twilio-Signature on HTTP and on the websocket upgrade, status callbacks."""

from __future__ import annotations

import json
import os
from datetime import time
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from aiohttp.test_utils import make_mocked_request
from multidict import MultiDict
from twilio.request_validator import RequestValidator

from agent.settings import Settings
from agent.voice_wiring import check_signature, connect_twiml, lines_to_render_ahead
from backoffice.db import Database
from backoffice.errors import Forbidden
from tests.conftest import SHARED
from tests.pipeline.conftest import VoiceServer, http, voice_server, voice_settings  # noqa: F401 - fixtures

VECTORS = SHARED / "data" / "protocol" / "twilio_signature_vectors.json"
TOKEN = "test-auth-token"


def _vector_cases() -> list[Any]:
    if not VECTORS.exists() and not os.environ.get("CI"):  # as tests.conftest.shared_data, at collection
        return [pytest.param(None, marks=pytest.mark.skip(reason=f"needs the shared data set: {VECTORS}"))]
    data = json.loads(VECTORS.read_text())
    base_params = next(c["params"] for c in data["cases"] if isinstance(c.get("params"), dict))
    cases = []
    for case in data["cases"]:
        if "body" in case:
            params: Any = case["body"]  # JSON webhook: the raw body, hash in the URL
        elif "params_multi" in case:
            params = MultiDict(case["params_multi"])
        else:
            params = case["params"] if isinstance(case["params"], dict) else base_params
        cases.append({"name": case["name"], "url": case["url"], "params": params,
                      "signature": case["signature"], "token": data["auth_token"]})
    return cases


@pytest.mark.parametrize("case", _vector_cases(), ids=lambda c: c["name"] if c else "missing")
def test_twilio_golden_signatures(case: dict[str, Any], tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, TWILIO_AUTH_TOKEN=case["token"])  # type: ignore[call-arg]
    good = make_mocked_request("POST", "/", headers={"X-Twilio-Signature": case["signature"]})
    check_signature(good, settings, case["url"], case["params"])  # no exception
    forged = case["signature"][:-2] + ("A=" if case["signature"][-2] != "A" else "B=")
    with pytest.raises(Forbidden):
        check_signature(make_mocked_request("POST", "/", headers={"X-Twilio-Signature": forged}),
                        settings, case["url"], case["params"])
    with pytest.raises(Forbidden):
        check_signature(make_mocked_request("POST", "/"), settings, case["url"], case["params"])


async def test_twiml_connects_the_stream_behind_a_proxy(voice_server: VoiceServer, http: aiohttp.ClientSession) -> None:
    base, _ = await voice_server(voice_preload=False)
    form = {"CallSid": "CA42", "From": "+8801711111111", "To": "+8801700000000"}
    headers = {"X-Forwarded-Proto": "https", "X-Forwarded-Host": "abc.ngrok.app"}
    async with http.post(base + "/twilio/voice", data=form, headers=headers) as reply:
        assert reply.status == 200
        assert reply.content_type == "text/xml"
        body = await reply.text()
    assert '<Stream url="wss://abc.ngrok.app/twilio/media-stream">' in body
    assert '<Parameter name="CallSid" value="CA42"/>' in body
    assert '<Parameter name="From" value="+8801711111111"/>' in body
    assert body.index("<Connect>") < body.index("<Stream")


def test_the_hotels_facts_are_rendered_ahead_with_the_fixed_lines(tmp_path: Path) -> None:
    lines = lines_to_render_ahead(Settings(data_dir=tmp_path, check_in_time=time(15, 0)))
    assert "Check-in is from 3 p.m. onwards." in lines  # the configured fact, as the tool says it
    assert "For how many guests?" in lines


def test_twiml_escapes_parameters() -> None:
    body = connect_twiml("wss://x/y", {"From": '"><Hangup/>'})
    assert "<Hangup/>" not in body


async def test_signed_webhooks_only_when_a_token_is_set(voice_server: VoiceServer, http: aiohttp.ClientSession) -> None:
    base, _ = await voice_server(voice_preload=False, public_url="https://voice.example.com",
                                 TWILIO_AUTH_TOKEN=TOKEN)
    form = {"CallSid": "CA43", "From": "+8801711111111", "To": "+8801700000000"}
    signature = RequestValidator(TOKEN).compute_signature("https://voice.example.com/twilio/voice", form)
    async with http.post(base + "/twilio/voice", data=form, headers={"X-Twilio-Signature": signature}) as reply:
        assert reply.status == 200
        assert "wss://voice.example.com/twilio/media-stream" in await reply.text()
    async with http.post(base + "/twilio/voice", data={**form, "From": "+1999"},
                         headers={"X-Twilio-Signature": signature}) as reply:
        assert reply.status == 403
        assert reply.content_type == "application/problem+json"
        assert (await reply.json())["status"] == 403
    async with http.post(base + "/twilio/status", data={"CallSid": "CA43", "CallStatus": "completed"}) as reply:
        assert reply.status == 403


async def test_websocket_upgrade_needs_the_signature_of_the_public_wss_url(
    voice_server: VoiceServer, http: aiohttp.ClientSession
) -> None:
    base, _ = await voice_server(voice_preload=False, public_url="https://voice.example.com",
                                 TWILIO_AUTH_TOKEN=TOKEN)
    url = base.replace("http://", "ws://") + "/twilio/media-stream"
    with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
        await http.ws_connect(url)
    assert refused.value.status == 403
    wrong = RequestValidator(TOKEN).compute_signature("wss://elsewhere.example.com/twilio/media-stream", {})
    with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
        await http.ws_connect(url, headers={"X-Twilio-Signature": wrong})
    assert refused.value.status == 403
    right = RequestValidator(TOKEN).compute_signature("wss://voice.example.com/twilio/media-stream", {})
    ws = await http.ws_connect(url, headers={"X-Twilio-Signature": right})
    await ws.send_str(json.dumps({"event": "stop"}))  # accepted; a stop before start ends it
    await ws.receive(timeout=10)
    assert ws.closed or (await ws.receive(timeout=10)).type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED)
    await ws.close()


async def test_status_callbacks_update_the_call_log(voice_server: VoiceServer, http: aiohttp.ClientSession,
                                                   db: Database) -> None:
    base, _ = await voice_server(voice_preload=False)
    async with http.post(base + "/twilio/status", data={"CallSid": "CA44", "CallStatus": "ringing",
                                                         "From": "+8801711111111"}) as reply:
        assert reply.status == 204
    row = await db.pool.fetchrow("SELECT status, phone_number FROM voice_call_logs WHERE call_sid = 'CA44'")
    assert (row["status"], row["phone_number"]) == ("ringing", "+8801711111111")
    async with http.post(base + "/twilio/status", data={"CallSid": "CA44", "CallStatus": "completed",
                                                         "CallDuration": "37"}) as reply:
        assert reply.status == 204
    row = await db.pool.fetchrow("SELECT status, duration, end_time FROM voice_call_logs WHERE call_sid = 'CA44'")
    assert (row["status"], row["duration"]) == ("completed", 37) and row["end_time"] is not None
    audit = await db.pool.fetch(
        "SELECT action, actor_type FROM audit_logs WHERE entity_id = 'CA44' ORDER BY created_at"
    )
    assert [(a["action"], a["actor_type"]) for a in audit] == [("call.status", "call"), ("call.status", "call")]
    async with http.post(base + "/twilio/status", data={"CallStatus": "completed"}) as reply:
        assert reply.status == 422


def test_voice_settings_helper_is_echo(tmp_path: Path) -> None:
    assert voice_settings(tmp_path).responder == "echo"


def test_the_embedded_model_leaves_half_the_cores_to_the_voice_engines() -> None:
    from agent.conversation import model_threads

    assert model_threads(0, cores=2) == 1 and model_threads(0, cores=1) == 1 and model_threads(0, cores=16) == 8
    assert model_threads(3, cores=2) == 3  # CONCIERGE_LLM_THREADS wins
