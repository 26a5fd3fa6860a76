"""Edge middleware: bearer-token principal, and every error rendered as RFC 9457 problem+json."""

from __future__ import annotations

import json
import logging
from collections.abc import Awaitable, Callable

from aiohttp import web

from agent.web.keys import DATABASE, PRINCIPAL, SECRET
from backoffice.auth import current_principal, verify_token
from backoffice.errors import BackofficeError

log = logging.getLogger("concierge.http")
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def problem_response(body: dict[str, object], status: int) -> web.Response:
    return web.Response(
        text=json.dumps(body, default=str), status=status, content_type="application/problem+json"
    )


@web.middleware
async def problems(request: web.Request, handler: Handler) -> web.StreamResponse:
    try:
        return await handler(request)
    except BackofficeError as error:
        body = error.to_problem()
        body["instance"] = request.path
        return problem_response(body, error.status)
    except web.HTTPException as http:
        if http.status < 400:
            raise
        return problem_response(
            {"type": "about:blank", "title": http.reason, "status": http.status, "instance": request.path},
            http.status,
        )
    except Exception:
        log.exception("unhandled error on %s %s", request.method, request.path)
        return problem_response(
            {"type": "/problems/internal", "title": "Internal error", "status": 500,
             "detail": "the error was logged; the request may be retried", "instance": request.path},
            500,
        )


@web.middleware
async def authentication(request: web.Request, handler: Handler) -> web.StreamResponse:
    header = request.headers.get("Authorization", "")
    if header.startswith("Bearer "):
        claims = verify_token(request.app[SECRET], header.removeprefix("Bearer ").strip())
        # Checked against the user row on every request: revocation takes effect at once.
        request[PRINCIPAL] = await current_principal(request.app[DATABASE].pool, claims)
    return await handler(request)
