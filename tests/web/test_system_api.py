"""/healthz tells a load balancer "unhealthy" without handing anyone the database's error text."""

from __future__ import annotations

import logging

import pytest
from aiohttp.test_utils import TestClient, TestServer

from agent.app import create_app
from agent.settings import Settings
from backoffice.db import Database, create_pool


async def test_healthz_does_not_leak_database_errors(database_url: str, settings: Settings,
                                                     caplog: pytest.LogCaptureFixture) -> None:
    pool = await create_pool(database_url, max_size=1)
    await pool.close()  # a real failure: every query now raises asyncpg's "pool is closed"
    app = create_app(settings, database=Database(pool), run_jobs=False, voice=False)
    async with TestClient(TestServer(app)) as http:
        response = await http.get("/healthz")
        assert response.status == 503
        assert await response.json() == {"status": "unhealthy", "database": "unavailable"}
    assert any("pool is closed" in r.getMessage() for r in caplog.records if r.levelno == logging.WARNING)
