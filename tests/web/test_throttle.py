"""Login throttling, with its counters in a real Redis (as with REDIS_URL in production)."""

from __future__ import annotations

import secrets

import pytest
from aiohttp.test_utils import TestClient, TestServer
from redis.asyncio import Redis

from agent.app import create_app
from agent.web.throttle import MAX_FAILURES, LoginThrottle, MemoryCounter, RedisCounter
from backoffice.auth import ScryptParams, hash_password

# These tests make many wrong logins; hashes with old, cheap parameters (still verified) keep them short.
CHEAP = hash_password("correct-horse", ScryptParams(n=2**12, r=8, p=1))


async def cheap_user(db, email: str) -> None:
    await db.pool.execute("INSERT INTO users (email, name, role, password_hash) VALUES ($1, 'U', 'manager', $2)",
                          email, CHEAP)


@pytest.fixture
async def redis(redis_url):
    client = Redis.from_url(redis_url)
    yield client
    await client.aclose()


async def test_redis_counter_counts_and_resets(redis):
    counter = RedisCounter(redis, window_s=60)
    key = f"test-{secrets.token_hex(4)}"
    assert await counter.increment(key) == 1
    assert await counter.increment(key) == 2
    assert 0 < await redis.ttl(RedisCounter.PREFIX + key) <= 60
    await counter.decrement(key)
    assert await counter.increment(key) == 2
    await counter.reset(key)
    assert await counter.increment(key) == 1
    await counter.reset(key)
    await counter.decrement(key)  # never below zero, never a key without expiry
    assert await redis.get(RedisCounter.PREFIX + key) is None


async def test_memory_counter_matches_redis_semantics():
    counter = MemoryCounter(window_s=60)
    assert await counter.increment("k") == 1
    assert await counter.increment("k") == 2
    await counter.decrement("k")
    assert await counter.increment("k") == 2
    await counter.reset("k")
    assert await counter.increment("k") == 1


async def test_memory_counter_windows_expire_and_it_evicts():
    now = [0.0]
    counter = MemoryCounter(window_s=60, max_keys=100, clock=lambda: now[0])
    assert await counter.increment("k") == 1
    now[0] = 61.0
    assert await counter.increment("k") == 1  # a new window
    for i in range(150):
        await counter.increment(f"spray-{i}")
    assert len(counter) <= 100  # over the cap the oldest windows go first
    now[0] = 200.0
    await counter.increment("fresh")
    for i in range(100):
        await counter.increment(f"later-{i}")
    assert len(counter) <= 100 and await counter.increment("later-99") == 2


async def test_login_is_refused_after_too_many_failures_then_counts_are_shared(db, settings, redis_url):
    # The Redis database outlives the test (and other runs share it): a client address of its own
    # keeps this run's per-client count apart.
    shared = settings.model_copy(update={"redis_url": redis_url, "trusted_proxy_header": "X-Forwarded-For"})
    client = {"X-Forwarded-For": f"10.{secrets.randbelow(256)}.{secrets.randbelow(256)}.{secrets.randbelow(256)}"}
    email = f"locked-{secrets.token_hex(3)}@test.hotel"
    await cheap_user(db, email)
    first = create_app(shared, database=db, run_jobs=False, voice=False)
    second = create_app(shared, database=db, run_jobs=False, voice=False)
    async with TestClient(TestServer(first)) as a, TestClient(TestServer(second)) as b:
        for _ in range(MAX_FAILURES):
            wrong = await a.post("/api/v1/auth/login", json={"email": email, "password": "wrong"}, headers=client)
            assert wrong.status == 401
        # The second instance shares the Redis counters: the right password is refused there too.
        refused = await b.post("/api/v1/auth/login", json={"email": email, "password": "correct-horse"},
                               headers=client)
        assert refused.status == 429
        assert (await refused.json())["field"] == "email"


async def test_successful_login_resets_the_failure_count(client, db):
    await cheap_user(db, "mgr@test.hotel")
    for _ in range(MAX_FAILURES - 1):
        await client.post("/api/v1/auth/login", json={"email": "mgr@test.hotel", "password": "wrong"})
    ok = await client.post("/api/v1/auth/login", json={"email": "mgr@test.hotel", "password": "correct-horse"})
    assert ok.status == 200
    again = await client.post("/api/v1/auth/login", json={"email": "mgr@test.hotel", "password": "wrong"})
    assert again.status == 401


def test_throttle_key_ignores_case_and_spaces():
    assert LoginThrottle.key(" A@B.c ", "1.2.3.4") == LoginThrottle.key("a@b.c", "1.2.3.4")
    # The account is counted whatever address the attempts come from.
    assert LoginThrottle.key("a@b.c", "1.2.3.4").account == LoginThrottle.key("a@b.c", "5.6.7.8").account
