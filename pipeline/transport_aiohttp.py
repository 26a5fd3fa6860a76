"""An aiohttp websocket as a call transport (mirrors pipecat's FastAPI websocket client).

Receive is an async iterator of text messages that ends when the socket closes or errors;
send never raises once the peer has gone (it returns False), and close is bounded so a peer
that never answers the close handshake cannot hold a call open.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncGenerator

from aiohttp import WSCloseCode, WSMsgType, web

log = logging.getLogger("concierge.transport")


class AiohttpWebsocketTransport:
    def __init__(self, ws: web.WebSocketResponse, *, close_timeout_s: float = 2.0) -> None:
        self.ws = ws
        self.close_timeout_s = close_timeout_s
        self._lock = asyncio.Lock()

    @property
    def closed(self) -> bool:
        return self.ws.closed

    async def messages(self) -> AsyncGenerator[str, None]:
        async for message in self.ws:
            if message.type == WSMsgType.TEXT:
                yield message.data
            elif message.type == WSMsgType.BINARY:
                yield message.data.decode("utf-8", errors="replace")
            elif message.type == WSMsgType.ERROR:
                # e.g. a message over max_msg_size: aiohttp refuses it unread and closes with 1009.
                log.warning("websocket error, closing the call: %s", self.ws.exception())
                return

    async def send(self, text: str) -> bool:
        if self.ws.closed:
            return False
        try:
            await self.ws.send_str(text)
        except (ConnectionError, RuntimeError) as error:
            log.info("peer gone while sending: %s", error)
            return False
        return True

    async def send_many(self, texts: list[str]) -> bool:
        """Send a batch without another sender interleaving (a sentence's frames stay in order)."""
        async with self._lock:
            for text in texts:
                if not await self.send(text):
                    return False
        return True

    async def close(self, code: int = WSCloseCode.OK, reason: str = "") -> None:
        with contextlib.suppress(TimeoutError, ConnectionError, RuntimeError):
            await asyncio.wait_for(self.ws.close(code=code, message=reason.encode()), timeout=self.close_timeout_s)
