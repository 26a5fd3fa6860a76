"""Login throttling that a concurrent burst cannot race past.

Every attempt is counted *before* its password is checked (one atomic increment per key), and only
the attempts that find their count within the limit are evaluated; the rest are 429 at once. So
50 simultaneous wrong passwords for one account get at most ``per_account`` scrypt evaluations.
Two keys are counted: the account (the email, whatever address the attempts come from: spraying
one account from many addresses) and the client address (spraying many accounts from one).
A success clears the account's count and gives the client its attempt back.

Counters live in Redis when ``REDIS_URL`` is set (``INCR`` + ``EXPIRE NX`` in one transaction), so
every instance shares them; otherwise in a per-process dictionary that evicts expired and, past a
size cap, the oldest entries.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from backoffice.errors import TooManyAttempts

MAX_FAILURES = 10  # per account and window, by default
MAX_FAILURES_PER_CLIENT = 100
WINDOW_S = 15 * 60


class AttemptCounter(Protocol):
    async def increment(self, key: str) -> int:
        """Count one attempt and return the count in the current window (atomically)."""
        ...

    async def decrement(self, key: str) -> None: ...

    async def reset(self, key: str) -> None: ...


@dataclass
class MemoryCounter:
    """A fixed window per key, started by its first attempt. Single event loop: no awaits between
    reading and writing a count, so an increment is atomic."""

    window_s: int = WINDOW_S
    max_keys: int = 100_000
    clock: Callable[[], float] = time.monotonic
    _counts: OrderedDict[str, tuple[int, float]] = field(default_factory=OrderedDict)

    async def increment(self, key: str) -> int:
        now = self.clock()
        count, expires = self._counts.get(key, (0, 0.0))
        if expires <= now:
            count, expires = 0, now + self.window_s
            self._counts.pop(key, None)  # re-inserted at the end: insertion order = window start order
        self._counts[key] = (count + 1, expires)
        self._evict(now)
        return count + 1

    async def decrement(self, key: str) -> None:
        count, expires = self._counts.get(key, (0, 0.0))
        if count > 1:
            self._counts[key] = (count - 1, expires)
        else:
            self._counts.pop(key, None)

    async def reset(self, key: str) -> None:
        self._counts.pop(key, None)

    def __len__(self) -> int:
        return len(self._counts)

    def _evict(self, now: float) -> None:
        """Keys are in the order their windows started (a new window re-inserts its key), so expired
        ones are at the front: amortised O(1), however many keys a spray creates."""
        while self._counts:
            oldest = next(iter(self._counts))
            if self._counts[oldest][1] > now and len(self._counts) <= self.max_keys:
                break
            del self._counts[oldest]  # expired, or the oldest live window when over the cap


class RedisCounter:
    PREFIX = "concierge:login-attempts:"

    def __init__(self, redis: Any, window_s: int = WINDOW_S) -> None:
        self.redis = redis
        self.window_s = window_s

    async def increment(self, key: str) -> int:
        name = self.PREFIX + key
        async with self.redis.pipeline(transaction=True) as pipe:
            pipe.incr(name)
            pipe.expire(name, self.window_s, nx=True)
            count, _ = await pipe.execute()
        return int(count)

    async def decrement(self, key: str) -> None:
        # Never below zero, never without an expiry: DECR of a missing key would make -1 forever.
        script = ("local v = redis.call('GET', KEYS[1]) "
                  "if v and tonumber(v) > 0 then return redis.call('DECR', KEYS[1]) end return 0")
        await self.redis.eval(script, 1, self.PREFIX + key)

    async def reset(self, key: str) -> None:
        await self.redis.delete(self.PREFIX + key)


@dataclass(frozen=True)
class Attempt:
    """The keys one login attempt was counted under."""

    account: str
    client: str


class LoginThrottle:
    def __init__(self, counter: AttemptCounter, max_failures: int = MAX_FAILURES,
                 max_per_client: int = MAX_FAILURES_PER_CLIENT, window_s: int = WINDOW_S) -> None:
        self.counter = counter
        self.max_failures = max_failures
        self.max_per_client = max_per_client
        self.window_s = window_s

    @staticmethod
    def key(email: str, remote: str | None) -> Attempt:
        return Attempt(f"account:{email.strip().lower()}", f"client:{remote or '-'}")

    async def begin(self, attempt: Attempt) -> None:
        """Count the attempt, then refuse it (429) if either count is past its limit. Counting
        first is what makes a burst unable to slip through between check and count."""
        account = await self.counter.increment(attempt.account)
        client = await self.counter.increment(attempt.client)
        if account > self.max_failures or client > self.max_per_client:
            raise TooManyAttempts(
                f"too many login attempts; try again in {max(1, self.window_s // 60)} minutes", field="email"
            )

    async def succeeded(self, attempt: Attempt) -> None:
        await self.counter.reset(attempt.account)
        await self.counter.decrement(attempt.client)
