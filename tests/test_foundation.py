"""The foundation: health, OpenAPI, login, problem+json errors, migrations."""

from __future__ import annotations

from backoffice.auth import create_user
from backoffice.db import available_migrations, migrate


async def test_healthz_reports_database(client):
    response = await client.get("/healthz")
    assert response.status == 200
    assert (await response.json())["database"] == "ok"


async def test_openapi_document_lists_login(client):
    response = await client.get("/api/v1/openapi.json")
    document = await response.json()
    assert document["openapi"].startswith("3.")
    assert "post" in document["paths"]["/api/v1/auth/login"]


async def test_login_issues_token_and_rejects_wrong_password(client, db):
    await create_user(db.pool, "fd@example.com", "Front Desk", "front_desk", "s3cret-pass")
    ok = await client.post("/api/v1/auth/login", json={"email": "FD@example.com", "password": "s3cret-pass"})
    assert ok.status == 200
    assert (await ok.json())["role"] == "front_desk"
    bad = await client.post("/api/v1/auth/login", json={"email": "fd@example.com", "password": "nope"})
    assert bad.status == 401
    assert bad.content_type == "application/problem+json"


async def test_invalid_body_is_a_problem_naming_the_field(client):
    response = await client.post("/api/v1/auth/login", json={"email": "x@y.z"})
    assert response.status == 422
    problem = await response.json()
    assert problem["field"] == "password"
    malformed = await client.post("/api/v1/auth/login", data=b"{not json")
    assert malformed.status == 422
    assert (await malformed.json())["field"] == "body"


async def test_migrations_are_recorded_and_rerun_is_a_no_op(db):
    assert await migrate(db.pool) == []
    versions = [r["version"] for r in await db.pool.fetch("SELECT version FROM schema_migrations")]
    assert versions == [m.version for m in available_migrations()]


async def test_nul_characters_are_refused_before_they_reach_postgresql(client):
    response = await client.post("/api/v1/auth/login", json={"email": "a\x00@b.c", "password": "x"})
    assert response.status == 422
    assert (await response.json())["field"] == "email"


def test_the_hotel_clock_can_start_at_a_chosen_moment_and_then_runs(monkeypatch) -> None:
    """``CONCIERGE_CLOCK_START`` (training, demos, the voice end-to-end test): hotel time zone unless given."""
    from datetime import UTC, datetime
    from time import sleep

    from agent.settings import Settings

    monkeypatch.delenv("CONCIERGE_CLOCK_START", raising=False)
    assert Settings().clock() is None  # the real time by default
    monkeypatch.setenv("CONCIERGE_CLOCK_START", "2026-11-25T10:00:00")
    settings = Settings(hotel_timezone="Asia/Dhaka")
    clock = settings.clock()
    assert clock is not None
    first = clock()
    assert abs((first - datetime(2026, 11, 25, 4, 0, tzinfo=UTC)).total_seconds()) < 5  # 10:00 in Dhaka
    assert settings.policy.today(first).isoformat() == "2026-11-25"
    sleep(0.05)
    assert clock() > first
