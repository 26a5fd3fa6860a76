"""Login throttling: too many failed logins for one email from one address are refused for a while.

Counters live in Redis when ``REDIS_URL`` is set, so every instance behind a load balancer shares
them; without Redis a per-process dictionary does the same job for a single instance.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Protocol

from backoffice.errors import TooManyAttempts

MAX_FAILURES = 10
WINDOW_S = 15 * 60


class FailureCounter(Protocol):
    async def failures(self, key: str) -> int: ...
    async def add_failure(self, key: str) -> int: ...
    async def reset(self, key: str) -> None: ...


@dataclass
class MemoryCounter:
    window_s: int = WINDOW_S
    _counts: dict[str, tuple[int, float]] = field(default_factory=dict)

    async def failures(self, key: str) -> int:
        count, expires = self._counts.get(key, (0, 0.0))
        return count if expires > time.monotonic() else 0

    async def add_failure(self, key: str) -> int:
        count = await self.failures(key) + 1
        expires = self._counts.get(key, (0, 0.0))[1] if count > 1 else time.monotonic() + self.window_s
        self._counts[key] = (count, expires)
        return count

    async def reset(self, key: str) -> None:
        self._counts.pop(key, None)


class RedisCounter:
    def __init__(self, redis: object, window_s: int = WINDOW_S) -> None:
        self.redis = redis
        self.window_s = window_s

    async def failures(self, key: str) -> int:
        value = await self.redis.get(f"concierge:login-failures:{key}")  # type: ignore[attr-defined]
        return int(value or 0)

    async def add_failure(self, key: str) -> int:
        name = f"concierge:login-failures:{key}"
        async with self.redis.pipeline(transaction=True) as pipe:  # type: ignore[attr-defined]
            pipe.incr(name)
            pipe.expire(name, self.window_s, nx=True)
            count, _ = await pipe.execute()
        return int(count)

    async def reset(self, key: str) -> None:
        await self.redis.delete(f"concierge:login-failures:{key}")  # type: ignore[attr-defined]


class LoginThrottle:
    def __init__(self, counter: FailureCounter, max_failures: int = MAX_FAILURES) -> None:
        self.counter = counter
        self.max_failures = max_failures

    @staticmethod
    def key(email: str, remote: str | None) -> str:
        return f"{email.strip().lower()}|{remote or '-'}"

    async def check(self, key: str) -> None:
        if await self.counter.failures(key) >= self.max_failures:
            raise TooManyAttempts(
                f"too many failed logins; try again in {WINDOW_S // 60} minutes", field="email"
            )

    async def failed(self, key: str) -> None:
        await self.counter.add_failure(key)

    async def succeeded(self, key: str) -> None:
        await self.counter.reset(key)
