"""PostgreSQL: the embedded server (pgserver) or ``DATABASE_URL``, the pool, and migrations.

Migrations are the numbered ``migrations/NNNN_name.sql`` files, applied in order, each in its own
transaction, and recorded in ``schema_migrations``; an advisory lock lets several instances start
at once without racing each other.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import asyncpg

log = logging.getLogger(__name__)

MIGRATION_LOCK_ID = 7_041_999  # any constant shared by all instances


def start_embedded_postgres(data_dir: Path) -> str:
    """Start (or reuse) the persistent embedded PostgreSQL in ``data_dir/pgdata``; return its URI.

    The server outlives this process on purpose (``cleanup_mode=None``): restarts are instant and
    the data folder survives them.
    """
    import pgserver  # heavy import, only on the embedded path

    pgdata = data_dir / "pgdata"
    pgdata.parent.mkdir(parents=True, exist_ok=True)
    log.info("starting embedded PostgreSQL in %s", pgdata)
    server = pgserver.get_server(pgdata, cleanup_mode=None)
    uri: str = server.get_uri()
    return uri


def stop_embedded_postgres(data_dir: Path, timeout_s: float = 30) -> bool:
    """Stop the embedded server of ``data_dir`` if it runs; return whether it was running.

    Signals the postmaster directly (SIGINT = PostgreSQL's "fast" shutdown) rather than through
    pg_ctl, which runs as the unprivileged ``pgserver`` user and may not be able to reach the folder.
    """
    import os
    import signal
    import time

    pid_file = data_dir / "pgdata" / "postmaster.pid"
    try:
        pid = int(pid_file.read_text().splitlines()[0])
        os.kill(pid, signal.SIGINT)
    except (OSError, ValueError, IndexError):
        return False
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except OSError:
            return True
        time.sleep(0.1)
    return True


async def _init_connection(conn: asyncpg.Connection) -> None:
    for typename in ("json", "jsonb"):
        await conn.set_type_codec(
            typename, encoder=json.dumps, decoder=json.loads, schema="pg_catalog"
        )


async def create_pool(dsn: str, *, max_size: int = 20, **kwargs: Any) -> asyncpg.Pool:
    pool = await asyncpg.create_pool(
        dsn, min_size=1, max_size=max_size, init=_init_connection, command_timeout=30, **kwargs
    )
    assert pool is not None
    return pool


@dataclass(frozen=True)
class Migration:
    version: str
    name: str
    sql: str


def available_migrations() -> list[Migration]:
    folder = resources.files("backoffice") / "migrations"
    found = []
    for entry in folder.iterdir():
        if entry.name.endswith(".sql"):
            version, _, rest = entry.name.partition("_")
            found.append(Migration(version, rest.removesuffix(".sql"), entry.read_text()))
    return sorted(found, key=lambda m: m.version)


async def migrate(pool: asyncpg.Pool) -> list[str]:
    """Apply pending migrations; return the versions applied now."""
    applied_now: list[str] = []
    async with pool.acquire() as conn:
        await conn.execute(
            """CREATE TABLE IF NOT EXISTS schema_migrations (
                   version text PRIMARY KEY,
                   name text NOT NULL,
                   applied_at timestamptz NOT NULL DEFAULT now())"""
        )
        await conn.execute("SELECT pg_advisory_lock($1)", MIGRATION_LOCK_ID)
        try:
            done = {r["version"] for r in await conn.fetch("SELECT version FROM schema_migrations")}
            for migration in available_migrations():
                if migration.version in done:
                    continue
                log.info("applying migration %s_%s", migration.version, migration.name)
                async with conn.transaction():
                    await conn.execute(migration.sql)
                    await conn.execute(
                        "INSERT INTO schema_migrations (version, name) VALUES ($1, $2)",
                        migration.version,
                        migration.name,
                    )
                applied_now.append(migration.version)
        finally:
            await conn.execute("SELECT pg_advisory_unlock($1)", MIGRATION_LOCK_ID)
    return applied_now


class Database:
    """The pool plus a transaction helper; the unit of work of every back-office command."""

    def __init__(self, pool: asyncpg.Pool) -> None:
        self.pool = pool

    @asynccontextmanager
    async def transaction(self, isolation: str = "read_committed") -> AsyncIterator[asyncpg.Connection]:
        async with self.pool.acquire() as conn, conn.transaction(isolation=isolation):
            yield conn

    @asynccontextmanager
    async def connection(self) -> AsyncIterator[asyncpg.Connection]:
        async with self.pool.acquire() as conn:
            yield conn

    async def close(self) -> None:
        await self.pool.close()


async def open_database(database_url: str | None, data_dir: Path, *, pool_size: int = 20) -> Database:
    """Connect to ``database_url``, or to the embedded server when it is None, and migrate."""
    if database_url:
        dsn = database_url
    else:
        dsn = await asyncio.to_thread(start_embedded_postgres, data_dir)
    pool = await create_pool(dsn, max_size=pool_size)
    applied = await migrate(pool)
    if applied:
        log.info("migrations applied: %s", ", ".join(applied))
    return Database(pool)
