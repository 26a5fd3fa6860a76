"""Twilio endpoints and the voice runtime shared by every call.

* ``POST /twilio/voice``: TwiML that connects the call to our Media Streams websocket, with the
  call's context (From, To, CallSid) as ``<Parameter>``s.
* ``GET {media_stream_path}``: the websocket; one ``pipeline.call.CallSession`` per call.
* ``POST /twilio/status``: Twilio status callbacks -> ``voice_call_logs``.

With ``TWILIO_AUTH_TOKEN`` set, every request - the websocket upgrade included, validated against
the public ``wss://`` URL with empty params - must carry a valid ``X-Twilio-Signature``; others
get a 403 problem before anything else happens. The models load once per process (in
``cleanup_ctx`` when ``voice_preload``, else on the first call) and calls share them.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.sax.saxutils import quoteattr

from aiohttp import web
from twilio.request_validator import RequestValidator

from agent.calls import CallRecords
from agent.settings import Settings
from agent.vocabulary import hotel_vocabulary, room_type_names
from agent.web.keys import DATABASE, VOICE
from backoffice.db import Database
from backoffice.errors import Forbidden
from pipeline.call import CallConfig, CallSession
from pipeline.call_control import CallControl, TwilioCredentials
from pipeline.frames import CallRecorder, NullRecorder
from pipeline.models import VoiceModels
from pipeline.responder import CallInfo, EchoResponder, Responder, ResponderFactory
from pipeline.transport_aiohttp import AiohttpWebsocketTransport

log = logging.getLogger("concierge.voice")

_models_lock = threading.Lock()  # a thread lock: the cache outlives any one event loop
_loaded: dict[tuple[str, str], VoiceModels] = {}


def _load_once(whisper_model: str, piper_voice: str) -> VoiceModels:
    with _models_lock:
        key = (whisper_model, piper_voice)
        if key not in _loaded:
            _loaded[key] = VoiceModels.load(
                Path(whisper_model) if whisper_model else None, Path(piper_voice) if piper_voice else None
            )
        return _loaded[key]


async def shared_models(whisper_model: str = "", piper_voice: str = "") -> VoiceModels:
    """The process's one set of voice models (loaded on first use, in a thread, then shared)."""
    cached = _loaded.get((whisper_model, piper_voice))
    return cached if cached is not None else await asyncio.to_thread(_load_once, whisper_model, piper_voice)


def echo_factory(call: CallInfo) -> Responder:
    return EchoResponder(call)


@dataclass
class VoiceRuntime:
    settings: Settings
    responder_factory: ResponderFactory
    control: CallControl
    config: CallConfig = field(default_factory=CallConfig)
    recorder: CallRecorder = field(default_factory=NullRecorder)
    sessions: set[CallSession] = field(default_factory=set)
    # The words the transcriber is biased towards, read again for each call (room types may change).
    vocabulary: Callable[[], Awaitable[Sequence[str]]] | None = None

    async def models(self) -> VoiceModels:
        models = await shared_models(self.settings.whisper_model, self.settings.piper_voice)
        if self.vocabulary is not None:
            try:
                models.whisper.vocabulary = await self.vocabulary()
            except Exception:  # a vocabulary is a nicety: never refuse a call over it
                log.exception("could not read the hotel's vocabulary for the transcriber")
        return models


# The typed key for the runtime (``agent.web.keys.VOICE`` holds the same object, typed Any).
RUNTIME = web.AppKey("voice_runtime", VoiceRuntime)


# --- public URLs and signatures -------------------------------------------------------------
def public_base(request: web.Request, settings: Settings) -> str:
    """https://host as Twilio sees us: the configured public URL, or the (proxied) request's."""
    if settings.public_url:
        return settings.public_url.rstrip("/")
    proto = request.headers.get("X-Forwarded-Proto", request.scheme).split(",")[0].strip()
    host = request.headers.get("X-Forwarded-Host", request.host).split(",")[0].strip()
    return f"{proto}://{host}"


def stream_url(request: web.Request, settings: Settings) -> str:
    base = public_base(request, settings)
    scheme, _, rest = base.partition("://")
    return f"{'wss' if scheme == 'https' else 'ws'}://{rest}{settings.media_stream_path}"


def check_signature(request: web.Request, settings: Settings, url: str, params: Mapping[str, Any]) -> None:
    """Refuse (403) a request not signed by Twilio, when a Twilio auth token is configured.

    ``params`` may be a multidict: repeated form fields are all signed, as Twilio signs them.
    """
    token = settings.twilio_auth_token
    if token is None:
        return
    signature = request.headers.get("X-Twilio-Signature", "")
    if not signature or not RequestValidator(token.get_secret_value()).validate(url, params, signature):
        log.warning("refused %s %s: bad or missing X-Twilio-Signature", request.method, request.path)
        raise Forbidden("The X-Twilio-Signature header is missing or does not match this request.")


async def _signed_form(request: web.Request) -> dict[str, str]:
    runtime = request.app[RUNTIME]
    form = await request.post()
    check_signature(request, runtime.settings, public_base(request, runtime.settings) + request.path_qs, form)
    return {k: str(v) for k, v in form.items()}


# --- handlers (thin) -----------------------------------------------------------------------
def connect_twiml(url: str, parameters: dict[str, str]) -> str:
    params = "".join(
        f"<Parameter name={quoteattr(name)} value={quoteattr(value)}/>" for name, value in parameters.items() if value
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f"<Response><Connect><Stream url={quoteattr(url)}>{params}</Stream></Connect></Response>"
    )


async def incoming_call(request: web.Request) -> web.Response:
    form = await _signed_form(request)
    runtime = request.app[RUNTIME]
    context = {key: form.get(key, "") for key in ("From", "To", "CallSid")}
    twiml = connect_twiml(stream_url(request, runtime.settings), context)
    return web.Response(text=twiml, content_type="text/xml")


async def call_status(request: web.Request) -> web.Response:
    form = await _signed_form(request)
    call_sid = form.get("CallSid", "")
    if not call_sid:
        from backoffice.errors import ValidationFailed

        raise ValidationFailed("CallSid is required", field="CallSid")
    duration = form.get("CallDuration", "")
    if DATABASE in request.app:
        await CallRecords(request.app[DATABASE]).twilio_status(
            call_sid, form.get("CallStatus", ""),
            duration_s=int(duration) if duration.isdigit() else None, from_number=form.get("From") or None,
        )
    return web.Response(status=204)


async def media_stream(request: web.Request) -> web.WebSocketResponse:
    runtime = request.app[RUNTIME]
    # Validate the upgrade before accepting the socket: the signed URL is the public wss:// one.
    check_signature(request, runtime.settings, stream_url(request, runtime.settings) + _query(request), {})
    models = await runtime.models()
    ws = web.WebSocketResponse(max_msg_size=1024 * 1024)
    await ws.prepare(request)
    session = CallSession(
        AiohttpWebsocketTransport(ws), models, runtime.responder_factory,
        recorder=runtime.recorder, control=runtime.control, config=runtime.config,
    )
    runtime.sessions.add(session)
    try:
        await session.run()
    finally:
        runtime.sessions.discard(session)
    return ws


def _query(request: web.Request) -> str:
    return f"?{request.query_string}" if request.query_string else ""


# --- wiring --------------------------------------------------------------------------------
def _responder_factory(app: web.Application, settings: Settings) -> ResponderFactory:
    if settings.responder == "echo":
        return echo_factory
    try:
        from agent import conversation
    except ModuleNotFoundError as missing:
        if missing.name != "agent.conversation":
            raise
        log.warning("agent.conversation is not available; the voice line answers with the echo responder")
        return echo_factory
    conversation.install(app, settings)
    return conversation.responder_factory(app)


async def prerender_greeting(factory: ResponderFactory, models: VoiceModels) -> None:
    """Render the usual greeting once at start-up so the first caller hears it at once.

    Per-call greetings that differ (a returning guest's name) render on their call and are cached
    by text like every phrase.
    """
    try:
        responder = factory(CallInfo(call_sid="CA-prerender", stream_sid="MZ-prerender"))
        text = await asyncio.wait_for(responder.greeting(), timeout=5)
        async for _ in models.tts.speak(text):
            pass
    except Exception:  # a slow first greeting is better than a server that does not start
        log.exception("could not pre-render the greeting")


def _hotel_vocabulary(db: Database, settings: Settings) -> Callable[[], Awaitable[Sequence[str]]]:
    async def read() -> Sequence[str]:
        return hotel_vocabulary(settings.hotel_name, await room_type_names(db))

    return read


def _control(settings: Settings) -> CallControl:
    token = settings.twilio_auth_token
    credentials = (
        TwilioCredentials(settings.twilio_account_sid, token.get_secret_value(), settings.twilio_api_base_url)
        if settings.twilio_account_sid and token is not None
        else None
    )
    return CallControl(credentials, front_desk_number=settings.front_desk_number or settings.hotel_phone)


def install(
    app: web.Application, settings: Settings, *, responder_factory: ResponderFactory | None = None,
    config: CallConfig | None = None,
) -> None:
    """Add the Twilio routes and the voice runtime (tests may pass their own responder factory)."""
    factory = responder_factory or _responder_factory(app, settings)
    runtime = VoiceRuntime(settings, factory, _control(settings), config or CallConfig())
    app[RUNTIME] = runtime
    app[VOICE] = runtime  # type: ignore[misc]

    async def voice_runtime(app: web.Application) -> AsyncIterator[None]:
        if DATABASE in app:
            runtime.recorder = CallRecords(app[DATABASE])
            runtime.vocabulary = _hotel_vocabulary(app[DATABASE], settings)
        if settings.voice_preload:
            models = await runtime.models()
            await prerender_greeting(runtime.responder_factory, models)
        yield
        # Graceful shutdown: end live calls (their records are closed by the sessions).
        for session in list(runtime.sessions):
            await session.transport.close()

    app.cleanup_ctx.append(voice_runtime)
    app.router.add_post("/twilio/voice", incoming_call)
    app.router.add_post("/twilio/status", call_status)
    app.router.add_get(settings.media_stream_path, media_stream)
