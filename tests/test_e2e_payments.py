"""Payments against real processes: `concierge sim payments` and `concierge serve`, killed and restarted;
and a guest paying in headless Chromium on the demo-mode simulator page.

The crash seam: the simulator's ``api_delay_s`` knob makes the validation API hang, so the server is
provably inside its confirm step (the provider has said "paid" by IPN, the server has asked the
validation API and not yet written anything) when the test SIGKILLs it. Nothing in our code is
patched: the process really dies mid-step, and the restarted server's reconciliation must finish it.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
import tempfile
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest
from aiohttp import ClientSession

from backoffice.services import Services
from tests.factories import make_room_type, make_user
from tests.live_server import ROOT, free_port
from tests.payment_support import Guest, capture_count, events_of, make_hold

CHROMIUM = Path("/usr/bin/chromium")
CLOCK_START = "2026-12-01T04:00:00+00:00"  # the FakeClock's moment: the server's hotel clock starts there


def _env(data_dir: Path, port: int, extra: Mapping[str, str]) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CONCIERGE_", "BKASH", "NAGAD"))}
    env.update({"CONCIERGE_PORT": str(port), "CONCIERGE_HOST": "127.0.0.1", "CONCIERGE_DATA_DIR": str(data_dir),
                "CONCIERGE_VOICE_PRELOAD": "false", "CONCIERGE_RESPONDER": "echo", "CONCIERGE_LOG_LEVEL": "INFO",
                "CONCIERGE_SECRET_KEY": "e2e-payments-secret-key-0123456789abcdef",
                "CONCIERGE_CLOCK_START": CLOCK_START, "CONCIERGE_PAYMENT_RECONCILE_AFTER_S": "0", **extra})
    return env


def _tail(log: Path) -> str:
    return log.read_text()[-3000:]


def _spawn(command: list[str], env: Mapping[str, str], log: Path | None) -> subprocess.Popen[bytes]:
    if log is None:
        return subprocess.Popen(command, env=dict(env), cwd=ROOT, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
    with open(log, "ab") as out:
        return subprocess.Popen(command, env=dict(env), cwd=ROOT, stdout=out, stderr=subprocess.STDOUT)


async def _wait_http(http: ClientSession, url: str, proc: subprocess.Popen[bytes], log: Path,
                     seconds: float = 120) -> None:
    for _ in range(int(seconds * 4)):
        if proc.poll() is not None:
            raise RuntimeError(f"exited with {proc.returncode}:\n{_tail(log)}")
        try:
            async with http.get(url) as reply:
                if reply.status < 500:
                    return
        except OSError:
            pass
        await asyncio.sleep(0.25)
    raise RuntimeError(f"{url} not up after {seconds}s:\n{_tail(log)}")


@asynccontextmanager
async def process(args: list[str], env: Mapping[str, str], log: Path, ready_url: str,
                  http: ClientSession) -> AsyncIterator[subprocess.Popen[bytes]]:
    proc = _spawn([sys.executable, "-m", "agent.cli", *args], env, log)
    try:
        await _wait_http(http, ready_url, proc, log)
        yield proc
    finally:
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(5)


async def _token(http: ClientSession, base: str) -> dict[str, str]:
    async with http.post(f"{base}/api/v1/auth/login",
                         json={"email": "front_desk@test.hotel", "password": "correct-horse"}) as reply:
        assert reply.status == 200, await reply.text()
        return {"Authorization": f"Bearer {(await reply.json())['token']}"}


async def _until(check: Any, seconds: float = 60) -> None:
    for _ in range(int(seconds * 10)):
        if await check():
            return
        await asyncio.sleep(0.1)
    raise AssertionError("condition not reached in time")


async def test_a_server_killed_mid_confirm_is_finished_by_reconciliation_exactly_once(
    db: Any, services: Services, database_url: str, tmp_path: Path,
) -> None:
    await make_room_type(db)
    await make_user(db, "front_desk")
    hold = await make_hold(services)
    sim_port, server_port = free_port(), free_port()
    sim_base, base = f"http://127.0.0.1:{sim_port}", f"http://127.0.0.1:{server_port}"
    keys = tmp_path / "sim"
    async with ClientSession() as http:
        sim_env = _env(tmp_path / "sim-data", sim_port, {})
        async with process(["sim", "payments", "--port", str(sim_port), "--keys-dir", str(keys)], sim_env,
                           tmp_path / "sim.log", f"{sim_base}/sslcommerz/_sim/state", http):
            settings = dict(line.split("=", 1) for line in (keys / "server.env").read_text().splitlines())
            env = _env(tmp_path / "data", server_port, settings | {"DATABASE_URL": database_url})
            server_log = tmp_path / "server.log"
            async with process(["serve"], env, server_log, f"{base}/healthz", http) as server:
                desk = await _token(http, base)
                async with http.post(f"{base}/api/v1/reservations/{hold.id}/payment-link",
                                     json={"provider": "sslcommerz"},
                                     headers=desk | {"Idempotency-Key": "crash-1"}) as reply:
                    assert reply.status == 201, await reply.text()
                    link = await reply.json()
                async with http.post(f"{sim_base}/sslcommerz/_sim/faults", json={"api_delay_s": 3600}) as reply:
                    assert reply.status == 200
                await Guest(http).press(link["url"], follow=False)  # paid; the IPN goes to the server

                async def validating() -> bool:
                    async with http.get(f"{sim_base}/sslcommerz/_sim/state") as reply:
                        return "validate" in (await reply.json())["calls"]

                await _until(validating)  # the server is waiting on the validation API, mid-confirm
                server.send_signal(signal.SIGKILL)
                server.wait(10)

            said_paid = await db.pool.fetchval(
                "SELECT count(*) FROM payment_events WHERE payment_id = $1 AND kind = 'ipn_received'",
                link["payment_id"])
            assert said_paid == 1
            assert await db.pool.fetchval("SELECT status FROM reservations WHERE id = $1", hold.id) == "hold"
            assert await capture_count(services, link["payment_id"]) == 0

            async with http.post(f"{sim_base}/sslcommerz/_sim/faults", json={"api_delay_s": 0}) as reply:
                assert reply.status == 200
            # Restarted ten minutes later on the hotel's clock (a demo clock starts again with each process).
            later = env | {"CONCIERGE_CLOCK_START": "2026-12-01T04:10:00+00:00"}
            async with process(["serve"], later, server_log, f"{base}/healthz", http):

                async def confirmed() -> bool:
                    status = await db.pool.fetchval("SELECT status FROM reservations WHERE id = $1", hold.id)
                    return bool(status == "confirmed")

                await _until(confirmed)  # the first job pass at start-up reconciles
                async with http.get(f"{sim_base}/sslcommerz/_sim/state") as reply:
                    state = await reply.json()
                [session] = state["sessions"].values()
                fields = {"status": "VALID", "tran_id": link["payment_id"], "val_id": session["val_id"]}
                async with http.post(f"{base}/payments/sslcommerz/ipn", data=fields) as reply:
                    assert reply.status == 400  # unsigned: refused before anything is asked
                await asyncio.sleep(0.5)
    assert await capture_count(services, link["payment_id"]) == 1
    assert len(await events_of(services, "reservation.confirmed")) == 1
    assert await db.pool.fetchval("SELECT status FROM payments WHERE id = $1", link["payment_id"]) == "paid"


def _chromium_or_skip() -> None:
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            raise AssertionError(f"{CHROMIUM} is missing: .ci/run installs it (apt-get install chromium)")
        pytest.skip(f"needs {CHROMIUM} (apt-get install chromium)")


class Browser:
    """Headless Chromium driven over the DevTools protocol (the `websockets` package, no driver download)."""

    def __init__(self, ws: Any) -> None:
        self.ws = ws
        self.next_id = 0

    async def send(self, method: str, **params: Any) -> dict[str, Any]:
        self.next_id += 1
        await self.ws.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(await self.ws.recv())
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                result: dict[str, Any] = message.get("result", {})
                return result

    async def evaluate(self, expression: str) -> Any:
        result = await self.send("Runtime.evaluate", expression=expression, returnByValue=True)
        return result.get("result", {}).get("value")

    async def wait_for(self, expression: str, seconds: float = 30) -> Any:
        for _ in range(int(seconds * 10)):
            try:
                value = await self.evaluate(expression)
            except RuntimeError:  # the page is navigating
                value = None
            if value:
                return value
            await asyncio.sleep(0.1)
        raise AssertionError(f"browser never saw {expression!r}; page: {await self.evaluate('document.URL')}")


@asynccontextmanager
async def chromium() -> AsyncIterator[Browser]:
    import websockets

    profile = tempfile.mkdtemp(prefix="concierge-chromium-")
    proc = _spawn(
        [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={profile}", "--remote-debugging-port=0", "about:blank"], os.environ, None)
    try:
        port_file = Path(profile) / "DevToolsActivePort"
        await _until(lambda: asyncio.sleep(0, port_file.exists()), seconds=30)
        port = port_file.read_text().splitlines()[0]
        async with ClientSession() as http, http.get(f"http://127.0.0.1:{port}/json/list") as reply:
            page = next(t for t in await reply.json() if t["type"] == "page")
        async with websockets.connect(page["webSocketDebuggerUrl"], max_size=None) as ws:
            yield Browser(ws)
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()


async def test_paying_in_headless_chromium_on_the_demo_simulator_confirms_the_booking(
    db: Any, services: Services, database_url: str, tmp_path: Path,
) -> None:
    _chromium_or_skip()
    await make_room_type(db)
    await make_user(db, "front_desk")
    holds = {provider: await make_hold(services) for provider in ("bkash", "nagad", "sslcommerz")}
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = _env(tmp_path / "data", port, {"DATABASE_URL": database_url})  # no credentials: demo mode
    async with ClientSession() as http, process(["serve"], env, tmp_path / "server.log", f"{base}/healthz", http):
        desk = await _token(http, base)
        async with chromium() as browser:
            for provider, hold in holds.items():
                async with http.post(f"{base}/api/v1/reservations/{hold.id}/payment-link",
                                     json={"provider": provider},
                                     headers=desk | {"Idempotency-Key": f"browser-{provider}"}) as reply:
                    assert reply.status == 201, await reply.text()
                    link = await reply.json()
                assert link["url"].startswith(f"{base}/sim/{provider}/")
                await browser.send("Page.navigate", url=link["url"])
                banner = await browser.wait_for("document.querySelector('.demo') && "
                                                "document.querySelector('.demo').innerText")
                assert "DEMO MODE" in banner
                await browser.wait_for("document.querySelector('button[name=pay]') !== null")
                await browser.evaluate("document.querySelector('button[name=pay]').click()")
                shown = await browser.wait_for(
                    "document.getElementById('result') && document.getElementById('result').dataset.reservationStatus")
                assert shown == "confirmed", provider
                status = await db.pool.fetchval("SELECT status FROM reservations WHERE id = $1", hold.id)
                assert status == "confirmed", provider
                assert await capture_count(services, link["payment_id"]) == 1
