"""Twilio endpoints and the voice runtime shared by every call.

* ``POST /twilio/voice``: TwiML that connects the call to our Media Streams websocket, with the
  call's context (From, To, CallSid) and a per-call token (``agent.call_tokens``) as
  ``<Parameter>``s; past ``max_calls``, TwiML that says the line is busy and dials the front desk.
* ``GET {media_stream_path}``: the websocket; one ``pipeline.call.CallSession`` per call, admitted
  only with a genuine, unexpired, unused token. The call's number and SID are the token's.
* ``POST /twilio/status``: Twilio status callbacks -> ``voice_call_logs``.

Who may use them: with ``TWILIO_AUTH_TOKEN`` set, every request - the websocket upgrade included,
validated against the public ``wss://`` URL with empty params - must carry a valid
``X-Twilio-Signature``; without it, only loopback clients that did not come through a proxy (the
``concierge call`` simulator, tests, benchmarks), unless ``voice_dev``. Others get a 403 problem
before anything else happens. The upgrade alone admits nothing: a call needs its token.

The models load once per process (in ``cleanup_ctx`` when ``voice_preload``, else on the first
admitted call) and calls share them.
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import logging
import re
import threading
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.sax.saxutils import quoteattr

from aiohttp import WSCloseCode, web
from twilio.request_validator import RequestValidator
from twilio.twiml.voice_response import VoiceResponse

from agent import call_tokens
from agent.call_tokens import CallGrant, MemoryUsedTokens, PostgresUsedTokens, TokenRefused, UsedTokens
from agent.calls import CallRecords
from agent.dialogue import replies
from agent.settings import Settings
from agent.vocabulary import hotel_vocabulary, room_type_names
from agent.web.keys import DATABASE, SECRET, VOICE
from backoffice.db import Database
from backoffice.errors import Forbidden, ValidationFailed
from pipeline.call import CallConfig, CallSession, await_start
from pipeline.call_control import CallControl, TwilioCredentials
from pipeline.frames import CallRecorder, NullRecorder, TwilioStart
from pipeline.models import VoiceModels
from pipeline.responder import CallInfo, EchoResponder, Responder, ResponderFactory
from pipeline.transport_aiohttp import AiohttpWebsocketTransport
from tools.info import fact_answers

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
    now: Callable[[], float] = time.time  # token expiry is real (unix) time
    used_tokens: UsedTokens = field(default_factory=lambda: MemoryUsedTokens(time.time))
    live: set[str] = field(default_factory=set)  # token ids of admitted calls: one slot each
    pending: dict[str, float] = field(default_factory=dict)  # token id -> monotonic expiry: promised slots
    connecting: int = 0  # sockets upgraded, start not yet read
    # The words the transcriber is biased towards, read again for each call (room types may change).
    vocabulary: Callable[[], Awaitable[Sequence[str]]] | None = None

    async def models(self) -> VoiceModels:
        models = await shared_models(self.settings.whisper_model, self.settings.piper_voice)
        models.whisper.final_beam_size = self.settings.stt_beam_size
        if self.vocabulary is not None and self.settings.stt_vocabulary:
            try:
                models.whisper.vocabulary = await self.vocabulary()
            except Exception:  # a vocabulary is a nicety: never refuse a call over it
                log.exception("could not read the hotel's vocabulary for the transcriber")
        else:  # the models are shared by the process: never keep another runtime's words
            models.whisper.vocabulary = ()
        return models

    def calls_in_use(self) -> int:
        """Admitted calls plus the slots promised by TwiML whose stream has not connected yet."""
        moment = time.monotonic()
        self.pending = {token: until for token, until in self.pending.items() if until > moment}
        return len(self.live) + len(self.pending)


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


_PROXY_HEADERS = ("X-Forwarded-For", "Forwarded", "X-Real-IP")


def from_loopback(request: web.Request) -> bool:
    """Did this request come from this machine, and not through a proxy relaying someone else?

    ``request.remote`` is the socket's peer (aiohttp trusts no forwarding header for it). A local
    tunnel or reverse proxy (ngrok, cloudflared, nginx) connects from loopback but adds a forwarding
    header, so such a request does not count as local.
    """
    if any(header in request.headers for header in _PROXY_HEADERS):
        return False
    try:
        peer = ipaddress.ip_address((request.remote or "").split("%")[0])
    except ValueError:
        return False
    mapped = getattr(peer, "ipv4_mapped", None)
    return bool((mapped or peer).is_loopback)


def check_client(request: web.Request, settings: Settings) -> None:
    """Without a Twilio auth token nothing is signed: only loopback clients, unless ``voice_dev``."""
    if settings.twilio_auth_token is not None or settings.voice_dev or from_loopback(request):
        return
    log.warning("refused %s %s from %s: without TWILIO_AUTH_TOKEN the voice endpoints answer loopback clients "
                "only (CONCIERGE_VOICE_DEV=1 opens them, for development)", request.method, request.path,
                request.remote)
    raise Forbidden("The voice endpoints are not signed (no TWILIO_AUTH_TOKEN) and answer this machine only.")


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
    check_client(request, runtime.settings)
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


BUSY = "All our lines are busy right now."


def busy_twiml(front_desk_number: str) -> str:
    """No stream: say so, and put the caller through to a person when there is a number for one."""
    response = VoiceResponse()
    if front_desk_number:
        response.say(f"{BUSY} Connecting you to the front desk.")
        response.dial(front_desk_number)
    else:
        response.say(f"{BUSY} Please call again in a few minutes.")
        response.hangup()
    return str(response.to_xml())


def _secret(app: web.Application, settings: Settings) -> bytes:
    return app[SECRET] if SECRET in app else settings.resolved_secret_key()


async def incoming_call(request: web.Request) -> web.Response:
    form = await _signed_form(request)
    runtime = request.app[RUNTIME]
    settings = runtime.settings
    context = {key: form.get(key, "") for key in ("From", "To", "CallSid")}
    if not context["CallSid"]:
        raise ValidationFailed("CallSid is required", field="CallSid")
    if runtime.calls_in_use() >= settings.max_calls:
        log.warning("call %s: the line is full (%d calls, CONCIERGE_MAX_CALLS=%d); answering busy",
                    _loggable_sid(context["CallSid"]), runtime.calls_in_use(), settings.max_calls)
        return web.Response(text=busy_twiml(settings.front_desk_number), content_type="text/xml")
    grant = call_tokens.grant_for(context["CallSid"], context["From"], context["To"],
                                  now=runtime.now(), ttl_s=settings.call_token_ttl_s)
    runtime.pending[grant.token_id] = time.monotonic() + settings.call_token_ttl_s
    context[call_tokens.PARAMETER] = call_tokens.mint(_secret(request.app, settings), grant)
    twiml = connect_twiml(stream_url(request, settings), context)
    return web.Response(text=twiml, content_type="text/xml")


async def call_status(request: web.Request) -> web.Response:
    form = await _signed_form(request)
    call_sid = form.get("CallSid", "")
    if not call_sid:
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
    settings = runtime.settings
    # Check the upgrade before accepting the socket: the signed URL is the public wss:// one.
    check_client(request, settings)
    check_signature(request, settings, stream_url(request, settings) + _query(request), {})
    if len(runtime.live) >= settings.max_calls or runtime.connecting >= settings.max_calls:
        log.warning("refused a media stream: %d calls live, %d connecting (CONCIERGE_MAX_CALLS=%d)",
                    len(runtime.live), runtime.connecting, settings.max_calls)
        raise web.HTTPServiceUnavailable(reason="All lines are busy")
    # Twilio's messages are well under 1 KiB; a larger one is refused unread (close 1009).
    ws = web.WebSocketResponse(max_msg_size=settings.call_max_message_bytes)
    await ws.prepare(request)
    transport = AiohttpWebsocketTransport(ws)
    runtime.connecting += 1
    try:
        async with contextlib.aclosing(transport.messages()) as messages:
            start = await await_start(messages, runtime.config.start_timeout_s)
        started_at = time.monotonic()
    finally:
        runtime.connecting -= 1
    if start is None:
        await transport.close()
        return ws
    try:
        call, grant = await admit(runtime, _secret(request.app, settings), start)
    except TokenRefused as refused:
        # No greeting, no data: the socket closes. The reason is logged, the claimed number is not.
        log.warning("refused the media stream of call %s: %s", _loggable_sid(start.call_sid), refused)
        await transport.close(WSCloseCode.POLICY_VIOLATION, "call refused")
        return ws
    session: CallSession | None = None
    try:
        models = await runtime.models()
        session = CallSession(
            transport, models, runtime.responder_factory,
            recorder=runtime.recorder, control=runtime.control, config=runtime.config,
        )
        runtime.sessions.add(session)
        await session.run(start, call, started_at=started_at)
    finally:
        runtime.live.discard(grant.token_id)
        if session is not None:
            runtime.sessions.discard(session)
    return ws


async def admit(runtime: VoiceRuntime, secret: bytes, start: TwilioStart) -> tuple[CallInfo, CallGrant]:
    """The call a start message may open, from its token; ``TokenRefused`` says why not.

    On success the call holds one of the ``max_calls`` slots until the caller releases it.
    """
    token = start.custom_parameters.get(call_tokens.PARAMETER)
    if not token:
        raise TokenRefused("no call token in the start message")
    grant = call_tokens.read(secret, token)
    call_tokens.check(grant, call_sid=start.call_sid, claimed=start.custom_parameters, now=runtime.now())
    if not await runtime.used_tokens.first_use(grant):
        raise TokenRefused("call token already used (a replay)")
    runtime.pending.pop(grant.token_id, None)
    if len(runtime.live) >= runtime.settings.max_calls:
        raise TokenRefused(f"the line is full (CONCIERGE_MAX_CALLS={runtime.settings.max_calls})")
    runtime.live.add(grant.token_id)
    # The token's number and SID, never the start message's own: those are not signed.
    parameters = {k: v for k, v in start.custom_parameters.items()
                  if k not in (call_tokens.PARAMETER, "from_number", "to_number")}
    parameters.update({"From": grant.from_number, "To": grant.to_number, "CallSid": grant.call_sid})
    call = CallInfo(call_sid=grant.call_sid, stream_sid=start.stream_sid, from_number=grant.from_number or None,
                    to_number=grant.to_number or None, custom_parameters=parameters)
    return call, grant


def _loggable_sid(call_sid: str) -> str:
    """A Twilio call SID as it is; anything else (a forger's free text) is not repeated in the log."""
    return call_sid if re.fullmatch(r"CA[0-9a-fA-F]{32}", call_sid) else "(not a Twilio call SID)"


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
    responder = None
    try:
        responder = factory(CallInfo(call_sid="CA-prerender", stream_sid="MZ-prerender"))
        text = await asyncio.wait_for(responder.greeting(), timeout=5)
        async for _ in models.tts.speak(text):
            pass
    except Exception:  # a slow first greeting is better than a server that does not start
        log.exception("could not pre-render the greeting")
    finally:
        # Not a call: it must not hold a model sequence or count as an open call (the model would
        # then take one thread and a turn budget for the first real caller, as if two were talking).
        discard = getattr(responder, "discard", None)
        if discard is not None:
            await discard()


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


def call_config(settings: Settings) -> CallConfig:
    return CallConfig(idle_timeout_s=settings.call_idle_timeout_s, max_audio_ahead_s=settings.call_max_audio_ahead_s)


def warn_if_open(settings: Settings) -> None:
    """Say at start-up who can reach the voice line when Twilio's signatures are not checked."""
    if settings.twilio_auth_token is not None:
        return
    if settings.voice_dev:
        log.warning("CONCIERGE_VOICE_DEV=1 without TWILIO_AUTH_TOKEN: the voice endpoints take unsigned requests "
                    "from any client (development only)")
    else:
        log.warning("TWILIO_AUTH_TOKEN is not set: the voice endpoints answer loopback clients only (set it to "
                    "take calls from Twilio; CONCIERGE_VOICE_DEV=1 opens them unsigned, for development)")


def lines_to_render_ahead(settings: Settings) -> list[str]:
    """The agent's fixed lines open many replies ("For how many guests?"), and the hotel's facts are whole
    replies ("Check-in is from 2 p.m. onwards."): rendered ahead, at idle priority, they play with no wait
    for the voice (a fact's first chunk took ~0.2 s to render on the caller's time)."""
    return [*fact_answers(settings.facts).values(), *replies.every_wording()]


async def _preload(runtime: VoiceRuntime, settings: Settings) -> None:
    """Load the voice models, render the greeting, then the agent's fixed lines at idle priority."""
    try:
        models = await runtime.models()
    except Exception:  # the first call retries the load and, if it fails again, ends with the reason logged
        log.exception("could not load the voice models")
        return
    await prerender_greeting(runtime.responder_factory, models)
    if settings.responder == "agent":
        await models.tts.warm_cache(lines_to_render_ahead(settings))


def install(
    app: web.Application, settings: Settings, *, responder_factory: ResponderFactory | None = None,
    config: CallConfig | None = None,
) -> None:
    """Add the Twilio routes and the voice runtime (tests may pass their own responder factory)."""
    factory = responder_factory or _responder_factory(app, settings)
    runtime = VoiceRuntime(settings, factory, _control(settings), config or call_config(settings))
    app[RUNTIME] = runtime
    app[VOICE] = runtime  # type: ignore[misc]

    async def voice_runtime(app: web.Application) -> AsyncIterator[None]:
        warn_if_open(settings)
        if DATABASE in app:
            runtime.recorder = CallRecords(app[DATABASE])
            runtime.used_tokens = PostgresUsedTokens(app[DATABASE])
            runtime.vocabulary = _hotel_vocabulary(app[DATABASE], settings)
        # Loaded behind the server, not before it: the server answers (health, TwiML, the back office) while
        # the voice models load, and a call that connects meanwhile waits for them, then hears its greeting.
        preload = asyncio.create_task(_preload(runtime, settings)) if settings.voice_preload else None
        yield
        if preload is not None:
            preload.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await preload
        # Graceful shutdown: end live calls (their records are closed by the sessions).
        for session in list(runtime.sessions):
            await session.transport.close()

    app.cleanup_ctx.append(voice_runtime)
    app.router.add_post("/twilio/voice", incoming_call)
    app.router.add_post("/twilio/status", call_status)
    app.router.add_get(settings.media_stream_path, media_stream)
