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

from agent.settings import Settings
from agent.web import routes_system
from agent.web.keys import DATABASE, SECRET, SERVICES, SETTINGS, THROTTLE
from agent.web.middleware import authentication, problems
from agent.web.registry import api
from agent.web.throttle import LoginThrottle, MemoryCounter, RedisCounter
from backoffice import jobs
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
        app[SERVICES] = services
        yield
        if database is None:
            await db.close()

    async def throttle(app: web.Application) -> AsyncIterator[None]:
        redis = None
        if settings.redis_url:
            from redis.asyncio import Redis

            redis = Redis.from_url(settings.redis_url)
            app[THROTTLE] = LoginThrottle(RedisCounter(redis))
        else:
            app[THROTTLE] = LoginThrottle(MemoryCounter())
        yield
        if redis is not None:
            await redis.aclose()

    async def background(app: web.Application) -> AsyncIterator[None]:
        task = asyncio.create_task(jobs.run_forever(app[SERVICES])) if run_jobs else None
        yield
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    app.cleanup_ctx.append(storage)
    app.cleanup_ctx.append(throttle)
    _install_payments(app, settings)  # gateways are ready before the first background pass
    app.cleanup_ctx.append(background)
    if voice:
        _install_voice(app, settings)
    routes_system.install(app)
    api.install(app)
    return app


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
