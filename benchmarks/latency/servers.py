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
from typing import Any
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


def _spawn(argv: list[str], env: dict[str, str], *, pipe: bool = False, quiet: bool = False) -> subprocess.Popen[bytes]:
    """Start a server process (returns at once; the callers then poll it without blocking the loop)."""
    if quiet:
        return subprocess.Popen(argv, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
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


async def start_reference(*, llm: ModelServer | None = None, timeout_s: float = 90.0) -> Server:
    """The stock pipecat reference: echo reply, or pipecat's OpenAILLMService on ``llm``."""
    port = free_port()
    env = dict(os.environ, HF_HUB_OFFLINE="1")
    argv = [sys.executable, "-m", "benchmarks.reference_pipecat", "--port", str(port)]
    if llm is not None:
        argv += ["--llm-base-url", llm.base_url, "--llm-model", llm.model]
    process = _spawn(argv, env, pipe=True)
    assert process.stdout is not None
    line = await asyncio.wait_for(asyncio.to_thread(process.stdout.readline), timeout_s)
    if not line:
        raise RuntimeError(f"the reference server exited with {process.wait()}")
    server = Server(
        "reference",
        json.loads(line)["ready"],
        process,
        "reference: stock pipecat 1.14 (benchmarks/reference_pipecat.py) subprocess, "
        + (f"OpenAILLMService on llama_cpp.server ({llm.model})" if llm else "echo reply"),
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


def percentile(samples: list[float], q: float) -> float | None:
    if not samples:
        return None
    ordered = sorted(samples)
    k = (len(ordered) - 1) * q / 100
    low, high = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (k - low)


def stage_breakdown(rows: list[dict[str, Any]]) -> dict[str, dict[str, float | int | None]]:
    stages: dict[str, list[float]] = {}
    for row in rows:
        if not row["user_text"]:
            continue
        for key, value in row["timings_ms"].items():
            if isinstance(value, int | float):
                stages.setdefault(key, []).append(float(value))
    return {
        key: {"n": len(values), "p50_ms": percentile(values, 50), "p95_ms": percentile(values, 95)}
        for key, values in sorted(stages.items())
    }


# --- the agent as a new user runs it ------------------------------------------------------------------


def _unconfigured_env(**settings: str) -> dict[str, str]:
    """This environment without any Concierge, OpenAI or Twilio setting, plus ``settings``."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("CONCIERGE_", "OPENAI_", "TWILIO_")) and k != "DATABASE_URL"}
    env["HF_HUB_OFFLINE"] = "1"  # nothing may download at run time
    env.update(settings)
    return env


@dataclass
class FreshServer:
    """``concierge serve`` started with nothing configured (a fresh data folder, and ``DATABASE_URL`` unless
    the embedded PostgreSQL is used)."""

    process: subprocess.Popen[bytes]
    base_url: str
    data_dir: Path
    database_url: str | None
    started_at: float  # monotonic, just before the process was spawned
    log_path: Path

    def env(self, **extra: str) -> dict[str, str]:
        """The same configuration for other ``concierge`` commands (``db seed``)."""
        settings = {"CONCIERGE_DATA_DIR": str(self.data_dir), **extra}
        if self.database_url:
            settings["DATABASE_URL"] = self.database_url
        return _unconfigured_env(**settings)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def start_fresh_server(database_url: str | None, data_dir: Path, extra: dict[str, str] | None = None) -> FreshServer:
    """Spawn ``concierge serve`` (returns at once; its log goes to ``data_dir/serve.log``) with nothing
    configured but ``extra``."""
    port = free_port()
    data_dir.mkdir(parents=True, exist_ok=True)
    settings = {**(extra or {}), "CONCIERGE_DATA_DIR": str(data_dir), "CONCIERGE_HOST": "127.0.0.1",
                "CONCIERGE_PORT": str(port)}
    if database_url:
        settings["DATABASE_URL"] = database_url
    log_path = data_dir / "serve.log"
    started = time.monotonic()
    with log_path.open("wb") as log_file:
        process = subprocess.Popen([sys.executable, "-m", "agent.cli", "serve"], env=_unconfigured_env(**settings),
                                   cwd=ROOT, stdout=log_file, stderr=subprocess.STDOUT)
    return FreshServer(process, f"http://127.0.0.1:{port}", data_dir, database_url, started, log_path)


async def run_concierge(args: list[str], env: dict[str, str], *, timeout_s: float = 300.0) -> str:
    """Run a ``concierge`` subcommand to the end; its output, or RuntimeError when it fails."""
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "agent.cli", *args, env=env, cwd=ROOT,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT,
    )
    output, _ = await asyncio.wait_for(process.communicate(), timeout_s)
    text = output.decode(errors="replace")
    if process.returncode != 0:
        raise RuntimeError(f"concierge {' '.join(args)} exited with {process.returncode}:\n{text[-2000:]}")
    return text


async def book_for_callers(base_url: str, password: str, bookings: list[dict[str, object]]) -> list[str]:
    """Book through the staff API as the front desk would (one reservation per entry); the codes."""
    codes = []
    async with aiohttp.ClientSession() as http:
        async with http.post(f"{base_url}/api/v1/auth/login",
                             json={"email": "frontdesk@demo.hotel", "password": password}) as response:
            response.raise_for_status()
            token = (await response.json())["token"]
        headers = {"Authorization": f"Bearer {token}"}
        for n, body in enumerate(bookings):
            async with http.post(f"{base_url}/api/v1/reservations", json=body,
                                 headers={**headers, "Idempotency-Key": f"bench-latency-{n}-{body['guest']}"}) as r:
                if r.status != 201:
                    raise RuntimeError(f"booking for a caller failed ({r.status}): {await r.text()}")
                codes.append(str((await r.json())["confirmation_code"]))
    return codes


async def fallback_turns(dsn: str, call_sids: list[str]) -> list[dict[str, object]]:
    """Per turn of the given calls: (call_sid, turn_index, user_text, fallback), from ``voice_call_turns``."""
    conn = await asyncpg.connect(dsn)
    try:
        rows = await conn.fetch(
            """SELECT call_sid, turn_index, user_text, agent_text, fallback, timings_ms::text AS timings
               FROM voice_call_turns WHERE call_sid = ANY($1::text[]) ORDER BY call_sid, turn_index""",
            call_sids,
        )
    finally:
        await conn.close()
    return [{"call_sid": r["call_sid"], "turn_index": r["turn_index"], "user_text": r["user_text"],
             "agent_text": r["agent_text"], "fallback": r["fallback"],
             "timings_ms": json.loads(r["timings"] or "{}")} for r in rows]


async def turns_read_by_keywords(dsn: str, call_sids: list[str]) -> dict[str, dict[str, int]]:
    """Per call: turns whose words were read by keywords because the model was busy (no answer within
    the turn's budget) or unavailable (still warming up, or failed), from the call's analytics signals."""
    conn = await asyncpg.connect(dsn)
    try:
        rows = await conn.fetch(
            """SELECT call_sid, coalesce((signals->>'model_busy_turns')::int, 0) AS busy,
                      coalesce((signals->>'model_failures')::int, 0) AS unavailable
               FROM voice_call_analytics WHERE call_sid = ANY($1::text[])""",
            call_sids,
        )
    finally:
        await conn.close()
    return {r["call_sid"]: {"busy": r["busy"], "unavailable": r["unavailable"]} for r in rows}


# --- the stock pipecat reference's language model -------------------------------------------------------


@dataclass
class ModelServer:
    process: subprocess.Popen[bytes]
    base_url: str  # OpenAI-compatible, ending in /v1
    model: str

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


async def start_model_server(gguf: Path, *, threads: int, n_ctx: int = 4096, timeout_s: float = 120.0) -> ModelServer:
    """``python -m llama_cpp.server`` on the GGUF our agent uses (requests queue instead of interrupting)."""
    port = free_port()
    model = gguf.stem
    argv = [sys.executable, "-m", "llama_cpp.server", "--model", str(gguf), "--model_alias", model,
            "--host", "127.0.0.1", "--port", str(port), "--n_ctx", str(n_ctx), "--n_threads", str(threads),
            "--n_threads_batch", str(threads), "--interrupt_requests", "False"]
    process = _spawn(argv, dict(os.environ), quiet=True)
    base = f"http://127.0.0.1:{port}/v1"
    deadline = time.monotonic() + timeout_s
    async with aiohttp.ClientSession() as http:
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise RuntimeError(f"llama_cpp.server exited with {process.returncode}")
            try:
                async with http.get(f"{base}/models") as response:
                    if response.status == 200:
                        return ModelServer(process, base, model)
            except aiohttp.ClientError:
                pass
            await asyncio.sleep(0.5)
    process.terminate()
    raise RuntimeError("llama_cpp.server did not answer in time")
