"""A small typed route registry: one declaration per endpoint gives validation, auth and OpenAPI.

Handlers stay thin: they receive a parsed ``Call`` (typed path, query and body models, the
principal and the audit actor) and return a pydantic model, or a ``Reply`` for another status.
Validation failures become 422 problems naming the offending field; the same declarations
produce ``/api/v1/openapi.json`` so the document can never drift from what the server accepts.
"""

from __future__ import annotations

import json
import re
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from aiohttp import web
from pydantic import BaseModel, ValidationError

from agent.web.keys import PRINCIPAL, SETTINGS
from backoffice.audit import Actor
from backoffice.auth import Principal
from backoffice.errors import IdempotencyKeyRequired, Unauthenticated, ValidationFailed

P = TypeVar("P", bound=BaseModel)
Q = TypeVar("Q", bound=BaseModel)
B = TypeVar("B", bound=BaseModel)


class Empty(BaseModel):
    """No parameters."""


class Problem(BaseModel):
    """RFC 9457 problem details."""

    type: str
    title: str
    status: int
    detail: str | None = None
    field: str | None = None
    instance: str | None = None


@dataclass
class Reply:
    """A response other than the endpoint's default status, or with extra headers."""

    body: BaseModel | None
    status: int = 200
    headers: Mapping[str, str] = field(default_factory=dict)


@dataclass
class Call(Generic[P, Q, B]):
    request: web.Request
    path: P
    query: Q
    body: B
    principal: Principal | None

    @property
    def app(self) -> web.Application:
        return self.request.app

    @property
    def client_ip(self) -> str | None:
        return client_address(self.request)

    @property
    def actor(self) -> Actor:
        if self.principal is None:
            return Actor("system", "anonymous", ip_address=self.client_ip)
        return Actor.user(
            self.principal.user_id, ip=self.client_ip, user_agent=self.request.headers.get("User-Agent")
        )

    @property
    def user(self) -> Principal:
        if self.principal is None:  # pragma: no cover - guarded by the endpoint's scope
            raise Unauthenticated("log in first")
        return self.principal


Handler = Callable[[Call[Any, Any, Any]], Awaitable[BaseModel | Reply | None]]


def client_address(request: web.Request) -> str | None:
    """The client's address: the socket peer, or, when ``CONCIERGE_TRUSTED_PROXY_HEADER`` names a
    header, the address the proxy wrote there. A client can send that header itself, so it is
    honoured only when configured (the proxy then overwrites or appends to it); of a list such as
    X-Forwarded-For the last entry is taken, the one the trusted proxy added."""
    settings = request.app.get(SETTINGS)
    header = settings.trusted_proxy_header if settings is not None else ""
    if header:
        value = request.headers.get(header, "")
        entries = [part.strip() for part in value.split(",") if part.strip()]
        if entries:
            return entries[-1][:64]
    return request.remote


@dataclass
class Endpoint:
    method: str
    path: str
    handler: Handler
    summary: str
    tag: str
    scope: str | None
    path_model: type[BaseModel]
    query_model: type[BaseModel]
    body_model: type[BaseModel] | None
    response_model: type[BaseModel] | None
    status: int
    errors: tuple[int, ...]
    headers: tuple[str, ...]
    description: str = ""
    idempotent: bool = False  # money-moving: Idempotency-Key required (428 without), checked before the body


class Api:
    """Collects endpoint declarations; installs them on an app and describes them as OpenAPI."""

    def __init__(self, title: str, version: str) -> None:
        self.title = title
        self.version = version
        self.endpoints: list[Endpoint] = []

    def route(
        self,
        method: str,
        path: str,
        *,
        summary: str,
        tag: str,
        scope: str | None,
        path_params: type[BaseModel] = Empty,
        query: type[BaseModel] = Empty,
        body: type[BaseModel] | None = None,
        response: type[BaseModel] | None = None,
        status: int = 200,
        errors: tuple[int, ...] = (),
        headers: tuple[str, ...] = (),
        idempotent: bool = False,
    ) -> Callable[[Handler], Handler]:
        if idempotent and "Idempotency-Key" not in headers:
            headers = (*headers, "Idempotency-Key")

        def register(handler: Handler) -> Handler:
            self.endpoints.append(
                Endpoint(
                    method.upper(), path, handler, summary, tag, scope, path_params, query, body,
                    response, status, errors, headers, (handler.__doc__ or "").strip(), idempotent,
                )
            )
            return handler

        return register

    def install(self, app: web.Application) -> None:
        for endpoint in self.endpoints:
            app.router.add_route(endpoint.method, endpoint.path, _wrap(endpoint))

    def openapi(self) -> dict[str, Any]:
        return build_openapi(self)


def _wrap(endpoint: Endpoint) -> Callable[[web.Request], Awaitable[web.StreamResponse]]:
    async def handle(request: web.Request) -> web.StreamResponse:
        principal: Principal | None = request.get(PRINCIPAL)
        if endpoint.scope is not None:
            if principal is None:
                raise Unauthenticated("send 'Authorization: Bearer <token>' from POST /api/v1/auth/login")
            principal.require(endpoint.scope)
        if endpoint.idempotent and not request.headers.get("Idempotency-Key"):
            raise IdempotencyKeyRequired(
                "send an Idempotency-Key header (any unique string) so a retry cannot move money twice",
                field="Idempotency-Key")
        path = _parse(endpoint.path_model, dict(request.match_info), "path")
        query = _parse(endpoint.query_model, _query_dict(request), "query")
        body: BaseModel | None = None
        if endpoint.body_model is not None:
            body = _parse(endpoint.body_model, await _json_body(request), "body")
        result = await endpoint.handler(Call(request, path, query, body, principal))
        if isinstance(result, Reply):
            return _json_response(result.body, result.status, result.headers)
        if result is None:
            return web.Response(status=204)
        return _json_response(result, endpoint.status, {})

    handle.__name__ = endpoint.handler.__name__
    return handle


def _query_dict(request: web.Request) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key in request.query:
        values = request.query.getall(key)
        out[key] = values if len(values) > 1 else values[0]
    return out


async def _json_body(request: web.Request) -> Any:
    raw = await request.read()
    if not raw:
        raise ValidationFailed("a JSON request body is required", field="body")
    too_deep = ValidationFailed(f"request body is nested deeper than {MAX_JSON_DEPTH} levels", field="body")
    try:
        data = json.loads(raw)
    except (ValueError, UnicodeDecodeError) as exc:
        raise ValidationFailed(f"request body is not valid JSON: {exc}", field="body") from None
    except RecursionError:  # nested deeper than the parser's own stack
        raise too_deep from None
    if _nesting_exceeds(data, MAX_JSON_DEPTH):
        raise too_deep
    return data


MAX_JSON_DEPTH = 32  # our bodies are 2-3 levels deep; deep nesting only costs stack and CPU


def _nesting_exceeds(data: Any, limit: int) -> bool:
    """Is any value nested deeper than ``limit``? Iterative, so it cannot overflow the stack itself."""
    stack: list[tuple[Any, int]] = [(data, 0)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict | list):
            if depth >= limit:
                return True
            children = value.values() if isinstance(value, dict) else value
            stack.extend((child, depth + 1) for child in children)
    return False


def _find_nul(data: Any, path: str) -> str | None:
    """The path of the first string holding a NUL character (PostgreSQL text cannot store one)."""
    if isinstance(data, str):
        return path if "\x00" in data else None
    if isinstance(data, dict):
        for key, value in data.items():
            found = _find_nul(key, path) or _find_nul(value, f"{path}.{key}" if path else str(key))
            if found is not None:
                return found
    if isinstance(data, list):
        for index, value in enumerate(data):
            found = _find_nul(value, f"{path}.{index}" if path else str(index))
            if found is not None:
                return found
    return None


def _parse(model: type[B], data: Any, where: str) -> B:
    bad = _find_nul(data, "")
    if bad is not None:
        raise ValidationFailed(f"{where} field '{bad or where}' contains a NUL character", field=bad or where)
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        location = ".".join(str(part) for part in first["loc"]) or where
        problems = [
            {"field": ".".join(str(p) for p in e["loc"]) or where, "message": e["msg"]} for e in exc.errors()
        ]
        raise ValidationFailed(
            f"{where} field '{location}': {first['msg']}", field=location, errors=problems
        ) from None


def _json_response(body: BaseModel | None, status: int, headers: Mapping[str, str]) -> web.Response:
    text = "null" if body is None else body.model_dump_json()
    return web.Response(text=text, status=status, content_type="application/json", headers=headers)


# --- OpenAPI -------------------------------------------------------------------------------------

_PARAM = re.compile(r"{(\w+)}")


def build_openapi(api: Api) -> dict[str, Any]:
    components: dict[str, Any] = {}

    def ref(model: type[BaseModel]) -> dict[str, Any]:
        schema = model.model_json_schema(ref_template="#/components/schemas/{model}")
        for name, definition in schema.pop("$defs", {}).items():
            components[name] = definition
        components[model.__name__] = schema
        return {"$ref": f"#/components/schemas/{model.__name__}"}

    problem_ref = ref(Problem)
    paths: dict[str, Any] = {}
    for ep in api.endpoints:
        operation: dict[str, Any] = {
            "summary": ep.summary,
            "tags": [ep.tag],
            "operationId": ep.handler.__name__,
            "parameters": [],
            "responses": {},
        }
        if ep.description:
            operation["description"] = ep.description
        for location, model in (("path", ep.path_model), ("query", ep.query_model)):
            schema = model.model_json_schema(ref_template="#/components/schemas/{model}")
            for name, definition in schema.pop("$defs", {}).items():
                components[name] = definition
            required = set(schema.get("required", []))
            for name, prop in schema.get("properties", {}).items():
                prop = dict(prop)
                description = prop.pop("description", None)
                param: dict[str, Any] = {
                    "name": name,
                    "in": location,
                    "required": location == "path" or name in required,
                    "schema": prop,
                }
                if description:
                    param["description"] = description
                operation["parameters"].append(param)
        for header in ep.headers:
            operation["parameters"].append(
                {"name": header, "in": "header", "required": ep.idempotent and header == "Idempotency-Key",
                 "schema": {"type": "string", "minLength": 1, "maxLength": 255}}
            )
        if ep.body_model is not None:
            operation["requestBody"] = {
                "required": True,
                "content": {"application/json": {"schema": ref(ep.body_model)}},
            }
        ok: dict[str, Any] = {"description": "OK"}
        if ep.response_model is not None:
            ok["content"] = {"application/json": {"schema": ref(ep.response_model)}}
        operation["responses"][str(ep.status)] = ok
        problem = {
            "description": "Problem",
            "content": {"application/problem+json": {"schema": problem_ref}},
        }
        codes = set(ep.errors) | {422} | ({428} if ep.idempotent else set())
        if _PARAM.search(ep.path):
            codes |= {404}
        if ep.scope is not None:
            codes |= {401, 403}
        if ep.body_model is not None:
            codes |= {400}
        for code in sorted(codes):
            operation["responses"][str(code)] = problem
        if ep.scope is not None:
            operation["security"] = [{"bearer": []}]
        paths.setdefault(ep.path, {})[ep.method.lower()] = operation
    return {
        "openapi": "3.1.0",
        "info": {"title": api.title, "version": api.version},
        "paths": paths,
        "components": {
            "schemas": components,
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
        },
    }
