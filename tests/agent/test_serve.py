"""`concierge serve` as a process: it takes calls from the moment it says it is listening.

Twilio rings the webhook once and plays its own error to the caller when the server refuses the connection, so a
server that binds its port only after loading the models and opening the database loses every call made during
those seconds (a restart, a deploy). The server binds first, answers once the app is up, and loads the voice and
language models behind it; the call that connected meanwhile still hears its greeting.
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from pathlib import Path

import aiohttp
import pytest

from agent.cli_call import free_port
from tests.pipeline.fake_twilio import FakeTwilioCall

ROOT = Path(__file__).resolve().parents[2]
LISTENING = "listening on"


def _serve(port: int, env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    with open(log, "wb") as out:
        return subprocess.Popen([sys.executable, "-m", "agent.cli", "serve", "--host", "127.0.0.1", "--port",
                                 str(port)], env=env, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT)


def _text(log: Path) -> str:
    return log.read_text()


async def _line_in(log: Path, text: str, proc: subprocess.Popen[bytes], seconds: float = 60) -> None:
    for _ in range(int(seconds * 100)):
        if text in _text(log):
            return
        if proc.poll() is not None:
            raise AssertionError(f"the server exited with {proc.returncode}:\n{_text(log)[-3000:]}")
        await asyncio.sleep(0.01)
    raise AssertionError(f"no '{text}' in the server's log after {seconds} s:\n{_text(log)[-3000:]}")


@pytest.mark.slow
async def test_a_call_made_the_moment_the_server_listens_hears_its_greeting(database_url: str,
                                                                             tmp_path: Path) -> None:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("CONCIERGE_")}
    env.update({"DATABASE_URL": database_url, "CONCIERGE_DATA_DIR": str(tmp_path / "data"),
                "CONCIERGE_LOG_LEVEL": "INFO", "CONCIERGE_SECRET_KEY": "serve-test-secret-key-0123456789abcdef"})
    log = tmp_path / "server.log"
    proc = _serve(port, env, log)
    try:
        await _line_in(log, LISTENING, proc)
        async with aiohttp.ClientSession() as http:
            # Rung before the app has even been imported: the webhook and the stream wait, they are not refused.
            async with http.get(f"http://127.0.0.1:{port}/healthz") as health:
                assert health.status == 200, await health.text()
            async with FakeTwilioCall(http, f"ws://127.0.0.1:{port}/twilio/media-stream") as call:
                await call.wait_for(lambda: len(call.received.media) >= 25, within_s=120)  # half a second heard
        text = _text(log)
        # Started in this order: listening, then the app ready, and only then the voice models loaded.
        assert text.index(LISTENING) < text.index("ready in") < text.index("voice models loaded"), text[-3000:]
    finally:
        proc.terminate()
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(5)
