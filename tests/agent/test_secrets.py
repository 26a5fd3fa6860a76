"""Secrets at start-up: a weak signing key stops the server with a clear message; the generated key
file is private from its first byte."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from agent.settings import ConfigurationError, Settings
from tests.conftest import ROOT


def serve(tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("CONCIERGE_")}
    environment.update({"CONCIERGE_DATA_DIR": str(tmp_path / "data"), "CONCIERGE_PORT": "1",
                        "CONCIERGE_HOST": "127.0.0.1", **env})
    return subprocess.run([sys.executable, "-m", "agent.cli", "serve"], env=environment, cwd=ROOT,
                          capture_output=True, text=True, timeout=60, check=False)


@pytest.mark.parametrize(("value", "says"), [("", "is empty"), ("   ", "is empty"),
                                             ("x" * 31, "31 bytes long")])
def test_an_empty_or_short_secret_key_stops_the_server_with_a_clear_message(
    tmp_path: Path, value: str, says: str
) -> None:
    exited = serve(tmp_path, CONCIERGE_SECRET_KEY=value)
    assert exited.returncode == 2
    assert "CONCIERGE_SECRET_KEY" in exited.stderr and says in exited.stderr and "at least 32" in exited.stderr
    assert "Traceback" not in exited.stderr
    assert not (tmp_path / "data" / "pgdata").exists()  # refused before touching anything


def test_a_32_byte_key_is_accepted(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, secret_key="k" * 32)  # type: ignore[arg-type]
    assert settings.resolved_secret_key() == b"k" * 32


def test_the_generated_key_file_is_private_and_reused(tmp_path: Path) -> None:
    previous = os.umask(0)  # even with a permissive umask, the file is never group/world-readable
    try:
        key = Settings(data_dir=tmp_path / "data").resolved_secret_key()
    finally:
        os.umask(previous)
    path = tmp_path / "data" / "secret_key"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert len(key) >= 32
    assert Settings(data_dir=tmp_path / "data").resolved_secret_key() == key
    assert [p.name for p in path.parent.iterdir()] == ["secret_key"]  # no temporary file left behind


def test_a_truncated_key_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "secret_key").write_text("abc")
    with pytest.raises(ConfigurationError, match="at least 32"):
        Settings(data_dir=tmp_path / "data").resolved_secret_key()
    exited = serve(tmp_path)
    assert exited.returncode == 2 and "secret_key is 3 bytes" in exited.stderr and "Traceback" not in exited.stderr
