"""Run the real server the way the README does (`concierge serve`), as a subprocess, for e2e tests."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class LiveServer:
    base_url: str
    env: Mapping[str, str]
    log_path: Path

    def concierge(self, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
        """Run another `concierge` subcommand against the same configuration."""
        return subprocess.run([sys.executable, "-m", "agent.cli", *args], env=dict(self.env), cwd=ROOT,
                              capture_output=True, text=True, timeout=timeout, check=False)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def live_server(data_dir: Path, *, extra_env: Mapping[str, str] | None = None,
                start_timeout: float = 180) -> Iterator[LiveServer]:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "CONCIERGE_DATABASE_URL")}
    env.update({"CONCIERGE_PORT": str(port), "CONCIERGE_HOST": "127.0.0.1",
                "CONCIERGE_DATA_DIR": str(data_dir), **(extra_env or {})})
    log_path = data_dir.parent / f"server-{port}.log"
    data_dir.mkdir(parents=True, exist_ok=True)
    with open(log_path, "wb") as log:
        proc = subprocess.Popen([sys.executable, "-m", "agent.cli", "serve"], env=env, cwd=ROOT,
                                stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + start_timeout
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"server exited with {proc.returncode}:\n{log_path.read_text()[-3000:]}")
            try:
                with urllib.request.urlopen(f"{base}/healthz", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"server not healthy after {start_timeout}s:\n{log_path.read_text()[-3000:]}")
            time.sleep(0.25)
        yield LiveServer(base, env, log_path)
    finally:
        proc.terminate()
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            proc.kill()
        from backoffice.db import stop_embedded_postgres

        stop_embedded_postgres(data_dir)
