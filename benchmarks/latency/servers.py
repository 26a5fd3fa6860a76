"""The two systems under test, each in its own process so neither steals the other's (or the caller's) loop."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import aiohttp
import asyncpg

from agent.cli_call import free_port

ROOT = Path(__file__).resolve().parents[2]
DB_NAME = "concierge_bench_latency"


@dataclass
class Server:
    name: str
    url: str
    process: subprocess.Popen[bytes] | None
    how: str  # said in the output: what exactly was measured
    reports: list[dict[str, object]] = field(default_factory=list)  # JSON lines the server printed per turn

    def collect_reports(self) -> None:
        """Read the server's stdout (JSON lines) in a thread, so its pipe never fills up."""
        assert self.process is not None and self.process.stdout is not None
        stream = self.process.stdout

        def read() -> None:
            for line in stream:
                with contextlib.suppress(ValueError):
                    self.reports.append(json.loads(line))

        threading.Thread(target=read, name=f"{self.name}-stdout", daemon=True).start()

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def _spawn(argv: list[str], env: dict[str, str], *, pipe: bool = False) -> subprocess.Popen[bytes]:
    """Start a server process (returns at once; the callers then poll it without blocking the loop)."""
    return subprocess.Popen(argv, env=env, cwd=ROOT, stdout=subprocess.PIPE if pipe else None)


def _with_database(dsn: str, name: str) -> str:
    return urlunsplit(urlsplit(dsn)._replace(path=f"/{name}"))


async def fresh_database(server_dsn: str) -> str:
    """A new, empty database on the server (the server's own databases are left alone)."""
    admin = await asyncpg.connect(server_dsn)
    try:
        await admin.execute(f'DROP DATABASE IF EXISTS "{DB_NAME}" WITH (FORCE)')
        await admin.execute(f'CREATE DATABASE "{DB_NAME}"')
    finally:
        await admin.close()
    return _with_database(server_dsn, DB_NAME)


async def drop_database(server_dsn: str) -> None:
    admin = await asyncpg.connect(server_dsn)
    try:
        await admin.execute(f'DROP DATABASE IF EXISTS "{DB_NAME}" WITH (FORCE)')
    finally:
        await admin.close()


async def start_ours(dsn: str, data_dir: Path, *, timeout_s: float = 90.0) -> Server:
    """``concierge serve`` with the echo responder, models preloaded, on a free port."""
    port = free_port()
    env = dict(
        os.environ,
        DATABASE_URL=dsn,
        CONCIERGE_PORT=str(port),
        CONCIERGE_HOST="127.0.0.1",
        CONCIERGE_DATA_DIR=str(data_dir),
        CONCIERGE_RESPONDER="echo",
        CONCIERGE_VOICE_PRELOAD="true",
        CONCIERGE_LOG_LEVEL="WARNING",
        HF_HUB_OFFLINE="1",
    )
    process = _spawn([sys.executable, "-m", "agent.cli", "serve"], env)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + timeout_s
    async with aiohttp.ClientSession() as http:
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise RuntimeError(f"our server exited with {process.returncode}")
            try:
                async with http.get(f"{base}/healthz") as response:
                    if response.status == 200:
                        break
            except aiohttp.ClientError:
                pass
            await asyncio.sleep(0.3)
        else:
            process.terminate()
            raise RuntimeError("our server did not become healthy in time")
    return Server(
        "ours",
        f"ws://127.0.0.1:{port}/twilio/media-stream",
        process,
        "ours: `concierge serve` subprocess, CONCIERGE_RESPONDER=echo, models preloaded",
    )


async def start_reference(*, timeout_s: float = 90.0) -> Server:
    port = free_port()
    env = dict(os.environ, HF_HUB_OFFLINE="1")
    process = _spawn([sys.executable, "-m", "benchmarks.reference_pipecat", "--port", str(port)], env, pipe=True)
    assert process.stdout is not None
    line = await asyncio.wait_for(asyncio.to_thread(process.stdout.readline), timeout_s)
    if not line:
        raise RuntimeError(f"the reference server exited with {process.wait()}")
    server = Server(
        "reference",
        json.loads(line)["ready"],
        process,
        "reference: stock pipecat 1.14 (benchmarks/reference_pipecat.py) subprocess, echo reply",
    )
    server.collect_reports()
    return server


async def turn_timings(dsn: str, call_sids: list[str]) -> list[dict[str, object]]:
    """What our server wrote per turn (``voice_call_turns.timings_ms``) for the benchmark's calls."""
    conn = await asyncpg.connect(dsn)
    try:
        rows = await conn.fetch(
            """SELECT call_sid, turn_index, user_text, timings_ms::text AS timings
               FROM voice_call_turns WHERE call_sid = ANY($1::text[]) ORDER BY call_sid, turn_index""",
            call_sids,
        )
    except asyncpg.UndefinedTableError:
        return []
    finally:
        await conn.close()
    return [
        {"call_sid": r["call_sid"], "turn_index": r["turn_index"], "user_text": r["user_text"],
         "timings_ms": json.loads(r["timings"] or "{}")}
        for r in rows
    ]
