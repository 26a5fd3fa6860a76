"""The back office's ``HttpClient`` over aiohttp: how payment gateways reach their providers."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from aiohttp import ClientError, ClientSession, ClientTimeout

from backoffice.errors import PaymentProviderError
from backoffice.payment_providers.base import HttpReply


class AiohttpClient:
    """Connection errors and timeouts become a retryable ``PaymentProviderError``."""

    def __init__(self, session: ClientSession) -> None:
        self.session = session

    async def request(
        self, method: str, url: str, *, headers: Mapping[str, str] | None = None, json_body: Any = None,
        form: Mapping[str, str] | None = None, params: Mapping[str, str] | None = None, timeout_s: float = 30.0,
    ) -> HttpReply:
        try:
            async with self.session.request(
                method, url, headers=dict(headers or {}), json=json_body, data=dict(form) if form else None,
                params=dict(params) if params else None, timeout=ClientTimeout(total=timeout_s),
            ) as reply:
                return HttpReply(reply.status, await reply.read(), dict(reply.headers))
        except (TimeoutError, ClientError) as failed:
            raise PaymentProviderError(f"{method} {url.split('?')[0]} failed: {type(failed).__name__} {failed}",
                                       retryable=True) from None
