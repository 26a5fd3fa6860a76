"""Health, OpenAPI document and login."""

from __future__ import annotations

import logging

from aiohttp import web
from pydantic import BaseModel, Field

from agent.web.api import Call
from agent.web.keys import DATABASE, HASHER, SECRET, THROTTLE
from agent.web.registry import api
from backoffice.auth import TOKEN_TTL_S, authenticate, issue_token

log = logging.getLogger("concierge.http")


async def healthz(request: web.Request) -> web.Response:
    try:
        await request.app[DATABASE].pool.fetchval("SELECT 1", timeout=2)
    except Exception as exc:  # any failure means "not healthy"; the reason goes to the log, not the client
        log.warning("health check: database unavailable: %s: %s", type(exc).__name__, exc)
        return web.json_response({"status": "unhealthy", "database": "unavailable"}, status=503)
    return web.json_response({"status": "ok", "database": "ok"})


async def openapi(request: web.Request) -> web.Response:
    return web.json_response(api.openapi())


class LoginRequest(BaseModel):
    email: str = Field(min_length=3, max_length=254)
    password: str = Field(min_length=1, max_length=1024)


class LoginResponse(BaseModel):
    token: str
    role: str
    email: str
    expires_in: int


@api.route("POST", "/api/v1/auth/login", summary="Log in; returns a bearer token", tag="auth",
           scope=None, body=LoginRequest, response=LoginResponse, errors=(401, 429))
async def login(call: Call[BaseModel, BaseModel, LoginRequest]) -> LoginResponse:
    """Attempts are counted before the password is checked, per account and per client address;
    past either limit the answer is 429 without checking (see ``agent.web.throttle``)."""
    throttle = call.app[THROTTLE]
    attempt = throttle.key(call.body.email, call.client_ip)
    await throttle.begin(attempt)
    principal = await authenticate(call.app[DATABASE].pool, call.body.email, call.body.password, call.app[HASHER])
    await throttle.succeeded(attempt)
    token = issue_token(call.app[SECRET], principal)
    return LoginResponse(token=token, role=principal.role, email=principal.email, expires_in=TOKEN_TTL_S)


def install(app: web.Application) -> None:
    app.router.add_get("/healthz", healthz)
    app.router.add_get("/api/v1/openapi.json", openapi)
