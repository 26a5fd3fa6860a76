"""Schema-driven fuzzing: schemathesis generates requests from /api/v1/openapi.json against the real
server (as `concierge serve` runs it, on the embedded database with the demo hotel) and checks that
nothing answers 500 and every response matches the document (status, content type, schema)."""

from __future__ import annotations

import json
import subprocess
import sys
import urllib.request
import uuid
from pathlib import Path
from typing import Any

from tests.factories import login
from tests.live_server import live_server

CHECKS = "not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance"


def _login(base_url: str, email: str, password: str) -> str:
    request = urllib.request.Request(
        f"{base_url}/api/v1/auth/login", data=json.dumps({"email": email, "password": password}).encode(),
        headers={"Content-Type": "application/json"}, method="POST")
    with urllib.request.urlopen(request, timeout=10) as response:
        return str(json.loads(response.read())["token"])


def test_no_500_and_no_response_outside_the_schema(tmp_path: Path) -> None:
    env = {"CONCIERGE_DEMO_PASSWORD": "fuzz-demo-password", "CONCIERGE_VOICE_PRELOAD": "false",
           "CONCIERGE_RESPONDER": "echo", "CONCIERGE_LOG_LEVEL": "WARNING"}
    with live_server(tmp_path / "data", extra_env=env) as server:
        seeded = server.concierge("db", "seed", "--demo")
        assert seeded.returncode == 0, seeded.stderr
        token = _login(server.base_url, "admin@demo.hotel", "fuzz-demo-password")
        run = subprocess.run(
            [str(Path(sys.executable).with_name("schemathesis")), "run", f"{server.base_url}/api/v1/openapi.json",
             "--checks", CHECKS, "--max-examples", "25", "--seed", "20261125", "--no-color",
             "--workers", "2", "--request-timeout", "20",
             # Logging out would revoke the fuzzer's own token and turn the rest of the run into 401s.
             "--exclude-operation-id", "logout",
             "--header", f"Authorization: Bearer {token}"],
            capture_output=True, text=True, timeout=900, check=False,
        )
        server_log = server.log_path.read_text()
    report = run.stdout[-6000:] + run.stderr[-2000:]
    assert run.returncode == 0, f"schemathesis found problems:\n{report}\n--- server log ---\n{server_log[-4000:]}"
    # (aiohttp itself logs the NUL-byte header probes it rejects with 400; those are not ours.)
    assert "unhandled error" not in server_log, server_log[-4000:]


async def test_deeply_nested_json_is_a_4xx_problem_on_every_body(client: Any, db: Any) -> None:
    """Nesting deeper than the JSON parser's stack (or than any body of ours) is the client's error,
    on every operation that takes a body, never a 500."""
    headers = await login(client, "admin", db)
    document = await (await client.get("/api/v1/openapi.json")).json()
    bodies = {"arrays": "[" * 100_000 + "]" * 100_000, "objects": '{"a":' * 5_000 + "1" + "}" * 5_000,
              "just past the limit": '{"email":' + "[" * 40 + "]" * 40 + "}"}
    tried = 0
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            if "requestBody" not in operation:
                continue
            url = path
            for parameter in operation.get("parameters", []):
                if parameter.get("in") == "path":
                    url = url.replace("{" + parameter["name"] + "}", str(uuid.uuid4()))
            for name, body in bodies.items():
                response = await client.request(method.upper(), url, data=body, headers={
                    **headers, "Content-Type": "application/json", "Idempotency-Key": str(uuid.uuid4())})
                assert 400 <= response.status < 500, (method, path, name, response.status, await response.text())
                assert response.content_type == "application/problem+json"
                tried += 1
    assert tried >= 3 * 5
    response = await client.post("/api/v1/auth/login", data=bodies["arrays"],
                                 headers={"Content-Type": "application/json"})
    assert response.status == 422 and "nested deeper" in (await response.json())["detail"]
