"""Logins under attack, over real sockets: bursts cannot race the throttle, spraying is limited per
account and per client, the proxy header is honoured only when configured, and scrypt (at OWASP's
parameters) never stalls the event loop."""

from __future__ import annotations

import asyncio
import secrets
import statistics
from collections import Counter

import aiohttp
import pytest
from aiohttp.test_utils import TestServer

from agent.app import create_app
from agent.web.keys import THROTTLE
from agent.web.throttle import MemoryCounter, RedisCounter
from backoffice import auth
from backoffice.auth import SCRYPT, ScryptParams, hash_password, verify_password
from tests.factories import make_user, password_hash

LOGIN = "/api/v1/auth/login"


async def post_login(session, base, email, password, headers=None) -> int:
    async with session.post(f"{base}{LOGIN}", json={"email": email, "password": password},
                            headers=headers or {}) as response:
        await response.read()
        return response.status


async def cheap_accounts(db, prefix: str, count: int) -> list[str]:
    """Accounts whose hashes were made with old, cheap parameters (they still verify): a test that
    needs many evaluated logins then spends milliseconds, not 0.4 s, on each."""
    cheap = hash_password("correct-horse", ScryptParams(n=2**12, r=8, p=1))
    emails = [f"{prefix}{i}@test.hotel" for i in range(count)]
    await db.pool.executemany(
        "INSERT INTO users (email, name, role, password_hash) VALUES ($1, 'U', 'front_desk', $2)",
        [(email, cheap) for email in emails])
    return emails


def server_for(db, settings, clock, **overrides):
    return TestServer(create_app(settings.model_copy(update=overrides), database=db, clock=clock,
                                 run_jobs=False, voice=False))


@pytest.mark.parametrize("shared", ["memory", "redis"])
async def test_fifty_concurrent_wrong_logins_evaluate_at_most_the_limit(db, settings, clock, redis_url, shared):
    # Redis outlives the test and is shared with other runs: an account and client address of this run's own.
    email = f"target-{secrets.token_hex(4)}@test.hotel"
    await make_user(db, "admin", email)
    extra = {"redis_url": redis_url} if shared == "redis" else {}
    client = {"X-Forwarded-For": f"10.{secrets.randbelow(256)}.{secrets.randbelow(256)}.{secrets.randbelow(256)}"}
    async with server_for(db, settings, clock, login_max_failures_per_account=5,
                          trusted_proxy_header="X-Forwarded-For", **extra) as server, \
            aiohttp.ClientSession() as session:
        base = str(server.make_url("")).rstrip("/")
        assert isinstance(server.app[THROTTLE].counter, RedisCounter if shared == "redis" else MemoryCounter)
        statuses = await asyncio.gather(*(post_login(session, base, email, "wrong", client) for _ in range(50)))
        # Only the evaluated attempts can answer 401; every other one was refused before scrypt ran.
        assert Counter(statuses) == {401: 5, 429: 45}
        # Locked out: even the right password is not evaluated now.
        assert await post_login(session, base, email, "correct-horse", client) == 429


async def test_spraying_many_accounts_from_one_client_is_limited(db, settings, clock):
    async with server_for(db, settings, clock, login_max_failures_per_client=6) as server, \
            aiohttp.ClientSession() as session:
        base = str(server.make_url("")).rstrip("/")
        accounts = await cheap_accounts(db, "spray", 8)
        statuses = [await post_login(session, base, email, "guess") for email in accounts]
        assert statuses == [401] * 6 + [429] * 2


async def test_the_proxy_header_is_honoured_only_when_configured(db, settings, clock):
    def forwarded(i: int) -> dict[str, str]:
        return {"X-Forwarded-For": f"203.0.113.{i}"}

    accounts = await cheap_accounts(db, "proxied", 12)
    # Not configured: a client rotating X-Forwarded-For is still one client.
    async with server_for(db, settings, clock, login_max_failures_per_client=3) as server, \
            aiohttp.ClientSession() as session:
        base = str(server.make_url("")).rstrip("/")
        statuses = [await post_login(session, base, accounts[i], "x", forwarded(i)) for i in range(4)]
        assert statuses == [401, 401, 401, 429]
    # Configured: the proxy's header names the client; the last entry is the one the proxy added.
    async with server_for(db, settings, clock, login_max_failures_per_client=3,
                          trusted_proxy_header="X-Forwarded-For") as server, aiohttp.ClientSession() as session:
        base = str(server.make_url("")).rstrip("/")
        statuses = [await post_login(session, base, accounts[4 + i], "x",
                                     {"X-Forwarded-For": f"198.51.100.7, 203.0.113.{i}"}) for i in range(4)]
        assert statuses == [401] * 4
        same_client = [await post_login(session, base, accounts[8 + i], "x", forwarded(99)) for i in range(4)]
        assert same_client == [401, 401, 401, 429]


async def test_healthz_keeps_its_pace_while_forty_logins_hash(db, settings, clock):
    """40 logins at once, each a real scrypt in the hashing pool, while /healthz is polled over its own
    connection. The accounts' hashes have older parameters (N=2^14, ~45 ms here, still verified), so the
    test stays short; run on the loop, 40 of them would still stall it for about two seconds."""
    older = hash_password("correct-horse", ScryptParams(n=2**14, r=8, p=1))
    await db.pool.executemany(
        "INSERT INTO users (email, name, role, password_hash) VALUES ($1, 'U', 'front_desk', $2)",
        [(f"u{i}@test.hotel", older) for i in range(40)])
    async with server_for(db, settings, clock) as server, aiohttp.ClientSession() as logins, \
            aiohttp.ClientSession() as probe:
        base = str(server.make_url("")).rstrip("/")
        loop = asyncio.get_running_loop()
        latencies: list[float] = []
        burst = asyncio.gather(*(post_login(logins, base, f"u{i}@test.hotel", "wrong") for i in range(40)))
        started = loop.time()
        while not burst.done():
            begin = loop.time()
            async with probe.get(f"{base}/healthz") as response:
                assert response.status == 200
                await response.read()
            latencies.append(loop.time() - begin)
            await asyncio.sleep(0.01)
        statuses = await burst
        elapsed = loop.time() - started
    assert Counter(statuses) == {401: 40}
    assert len(latencies) >= 20, f"only {len(latencies)} probes in {elapsed:.1f} s"
    p95 = statistics.quantiles(latencies, n=20)[-1]
    assert p95 < 0.050, f"/healthz p95 {p95 * 1000:.1f} ms over {len(latencies)} probes"


def test_new_hashes_use_owasp_parameters_and_old_ones_still_verify():
    assert (SCRYPT.n, SCRYPT.r, SCRYPT.p) == (2**17, 8, 1)
    fresh = password_hash("correct-horse")  # made by hash_password with today's parameters
    assert fresh.startswith("scrypt$n=131072,r=8,p=1$") and verify_password("correct-horse", fresh)
    assert not verify_password("wrong", fresh)
    legacy_params = ScryptParams(n=2**14, r=8, p=1)
    salt = b"0123456789abcdef"
    legacy = f"scrypt$16384${auth._b64(salt)}${auth._b64(legacy_params.derive('old-pass', salt))}"
    assert verify_password("old-pass", legacy) and auth.needs_rehash(legacy) and not auth.needs_rehash(fresh)
    for junk in ("", "scrypt$", "bcrypt$x$y$z", "scrypt$n=3,r=8,p=1$AA$AA", "scrypt$n=1024,r=0,p=1$AA$AA"):
        assert not verify_password("x", junk)


async def test_a_login_upgrades_an_old_hash(db):
    old = hash_password("correct-horse", ScryptParams(n=2**14, r=8, p=1))
    await db.pool.execute("INSERT INTO users (email, name, role, password_hash) VALUES ('old@test.hotel', 'O', "
                          "'manager', $1)", old)
    hasher = auth.PasswordHasher(threads=1)
    try:
        principal = await auth.authenticate(db.pool, "old@test.hotel", "correct-horse", hasher)
    finally:
        hasher.close()
    assert principal.role == "manager"
    stored = await db.pool.fetchval("SELECT password_hash FROM users WHERE email = 'old@test.hotel'")
    assert stored.startswith("scrypt$n=131072,") and verify_password("correct-horse", stored)
