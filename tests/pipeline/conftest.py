"""A real voice server on loopback (real models, real database) and a fake phone to call it."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from aiohttp.test_utils import TestServer

from agent import voice_wiring
from agent.app import create_app
from agent.settings import Settings
from backoffice.db import Database
from pipeline.responder import CallInfo, EchoResponder, Responder
from tests.conftest import TZ


class EchoLog:
    """Builds EchoResponders and keeps them, so tests can read each call's history."""

    def __init__(self) -> None:
        self.responders: list[EchoResponder] = []

    def __call__(self, call: CallInfo) -> Responder:
        responder = EchoResponder(call)
        self.responders.append(responder)
        return responder

    def for_call(self, call_sid: str) -> EchoResponder:
        """The responder of one call (the server also builds one at start-up for the greeting)."""
        return next(r for r in self.responders if r.call.call_sid == call_sid)


def voice_settings(tmp_path: Path, **overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "data_dir": tmp_path / "data", "secret_key": "test-secret-key-of-at-least-32-bytes", "hotel_timezone": TZ,
        "voice_preload": True, "responder": "echo", "front_desk_number": "+8801700000099",
    }
    values.update(overrides)
    return Settings(**values)


VoiceServer = Callable[..., Any]


@pytest.fixture
async def voice_server(db: Database, tmp_path: Path) -> AsyncIterator[VoiceServer]:
    """``await voice_server(host=..., **settings)`` -> (base URL, EchoLog); servers close after the test."""
    servers: list[TestServer] = []

    async def start(responder_factory: Any = None, host: str = "127.0.0.1", **overrides: Any) -> tuple[str, EchoLog]:
        settings = voice_settings(tmp_path, **overrides)
        echo = EchoLog()
        app = create_app(settings, database=db, run_jobs=False, voice=False)
        voice_wiring.install(app, settings, responder_factory=responder_factory or echo)
        server = TestServer(app, host=host)
        await server.start_server()
        servers.append(server)
        return f"http://{host}:{server.port}", echo

    yield start
    for server in servers:
        await server.close()


@pytest.fixture
async def http() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession() as session:
        yield session
