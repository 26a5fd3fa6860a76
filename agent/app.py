"""The aiohttp application: staff API, Twilio endpoints, and the resources they share.

Resources (database pool, background jobs, voice models) are opened and closed in
``cleanup_ctx`` so their lifetimes are the app's; nothing per-request or per-call lives at
module level.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Callable
from datetime import datetime

from aiohttp import web

from agent.messaging import build_messenger
from agent.settings import Settings
from agent.web import routes_followups, routes_system
from agent.web.keys import DATABASE, HASHER, SECRET, SERVICES, SETTINGS, THROTTLE
from agent.web.middleware import authentication, problems
from agent.web.registry import api
from agent.web.throttle import LoginThrottle, MemoryCounter, RedisCounter
from backoffice import jobs, outbox
from backoffice.auth import PasswordHasher
from backoffice.db import Database, open_database
from backoffice.services import Services

log = logging.getLogger("concierge")

# Route modules register their endpoints on ``api`` when imported.
ROUTE_MODULES: tuple[str, ...] = (
    "agent.web.routes_reservations",
    "agent.web.routes_rooms",
    "agent.web.routes_payments",
    "agent.web.routes_frontdesk",
    "agent.web.routes_housekeeping",
    "agent.web.routes_reports",
    "agent.web.routes_followups",
    "agent.web.routes_users",
)


def _import_routes() -> None:
    import importlib

    for name in ROUTE_MODULES:
        try:
            importlib.import_module(name)
        except ModuleNotFoundError as missing:
            if missing.name != name:
                raise


def create_app(
    settings: Settings,
    *,
    database: Database | None = None,
    clock: Callable[[], datetime] | None = None,
    run_jobs: bool = True,
    voice: bool = True,
) -> web.Application:
    """Build the app. Tests pass their own ``database`` and ``clock``; the server passes neither."""
    _import_routes()
    app = web.Application(middlewares=[problems, authentication], client_max_size=1024 * 1024)
    app[SETTINGS] = settings
    app[SECRET] = settings.resolved_secret_key()

    async def storage(app: web.Application) -> AsyncIterator[None]:
        db = database or await open_database(
            settings.database_url, settings.data_dir, pool_size=settings.database_pool_size
        )
        app[DATABASE] = db
        services = Services(db=db, policy=settings.policy, secret=app[SECRET])
        hotel_clock = clock or settings.clock()
        if hotel_clock is not None:
            services.clock = hotel_clock
        services.messenger, http_clients = build_messenger(settings)
        app[SERVICES] = services
        yield
        for http_client in http_clients:
            await http_client.close()
        if database is None:
            await db.close()

    async def throttle(app: web.Application) -> AsyncIterator[None]:
        redis = None
        window = settings.login_window_s
        if settings.redis_url:
            from redis.asyncio import Redis

            redis = Redis.from_url(settings.redis_url)
            counter: RedisCounter | MemoryCounter = RedisCounter(redis, window)
        else:
            counter = MemoryCounter(window)
        app[THROTTLE] = LoginThrottle(counter, settings.login_max_failures_per_account,
                                      settings.login_max_failures_per_client, window)
        app[HASHER] = PasswordHasher(settings.password_hash_threads)
        yield
        app[HASHER].close()
        if redis is not None:
            await redis.aclose()

    async def background(app: web.Application) -> AsyncIterator[None]:
        # The jobs pass runs every CONCIERGE_JOBS_INTERVAL_S; the outbox relay also has its own 1 s loop, so a
        # payment link or a check-in code reaches the guest within about a second of the change that caused it.
        tasks = [asyncio.create_task(jobs.run_forever(app[SERVICES], settings.jobs_interval_s)),
                 asyncio.create_task(outbox.relay_forever(app[SERVICES]))] if run_jobs else []
        yield
        for task in tasks:
            task.cancel()
        for task in tasks:
            with contextlib.suppress(asyncio.CancelledError):
                await task

    app.cleanup_ctx.append(storage)
    app.cleanup_ctx.append(throttle)
    _install_payments(app, settings)  # gateways are ready before the first background pass
    app.cleanup_ctx.append(background)
    _log_checkin_delivery(settings)
    if voice:
        _install_voice(app, settings)
    routes_system.install(app)
    routes_followups.install(app)
    api.install(app)
    return app


def _log_checkin_delivery(settings: Settings) -> None:
    """Say at start which way check-in codes go: desk mode means the desk user sees the code."""
    if not settings.desk_mode:
        log.info("check-in codes are texted to the guest (outbox event checkin.otp_issued)")
    elif settings.checkin_desk_mode:
        log.warning("check-in desk mode is ON (CONCIERGE_CHECKIN_DESK_MODE): one-time codes are shown to the "
                    "desk user, so they prove the guest holds the QR code, not their phone")
    else:
        log.warning("check-in desk mode is ON because no SMS provider is configured: one-time codes are shown "
                    "to the desk user; set TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_FROM_NUMBER to text them")
def _install_payments(app: web.Application, settings: Settings) -> None:
    from agent import payments_wiring

    payments_wiring.install(app, settings)


def _install_voice(app: web.Application, settings: Settings) -> None:
    """Twilio endpoints and the shared voice models, when the voice stack is present."""
    try:
        import importlib

        voice_wiring = importlib.import_module("agent.voice_wiring")
    except ModuleNotFoundError as missing:
        if missing.name and missing.name.startswith(("agent.voice_wiring", "pipecat")):
            log.warning("voice stack not installed (%s); serving the back office only", missing.name)
            return
        raise
    voice_wiring.install(app, settings)
