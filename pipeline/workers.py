"""One shared model, many calls: a prioritised queue of jobs run on the model's own threads.

Whisper and Piper each keep one model per process and a few worker threads. Every call's job
goes through one priority queue (lower first, then in order of arrival), so the work that gates a
reply (a final transcript, a reply's first sentence) never waits behind background work (partials,
the next sentence). The asyncio side is bound to the running loop and rebuilt if the loop changes
(each test has its own).
"""

from __future__ import annotations

import asyncio
import itertools
import logging
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

log = logging.getLogger("concierge.pipeline")

Result = TypeVar("Result")


@dataclass(order=True)
class _Job(Generic[Result]):
    priority: int
    order: int
    work: Callable[[], Result] = field(compare=False)
    wanted: Callable[[], bool] | None = field(compare=False)
    future: asyncio.Future[Result | None] = field(compare=False)


class PriorityWorkers(Generic[Result]):
    def __init__(self, name: str, workers: int) -> None:
        self.name = name
        self._workers = workers
        self._executor = ThreadPoolExecutor(max_workers=workers, thread_name_prefix=name)
        self._queue: asyncio.PriorityQueue[_Job[Result]] | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._tasks: list[asyncio.Task[None]] = []
        self._order = itertools.count()
        self._running: Counter[int] = Counter()

    async def run(self, priority: int, work: Callable[[], Result], *,
                  wanted: Callable[[], bool] | None = None) -> Result | None:
        """Run ``work`` on a model thread when its turn comes; ``None`` if ``wanted()`` said no by then."""
        self._ensure_workers()
        assert self._queue is not None
        job = _Job(priority, next(self._order), work, wanted, asyncio.get_running_loop().create_future())
        await self._queue.put(job)
        try:
            return await job.future
        except asyncio.CancelledError:
            job.future.cancel()  # still queued: a worker skips it
            raise

    @property
    def backlog(self) -> int:
        """Jobs waiting (not counting the ones running)."""
        return self._queue.qsize() if self._queue is not None else 0

    def running(self, priority: int) -> int:
        """Jobs of this priority running now."""
        return self._running[priority]

    def _ensure_workers(self) -> None:
        loop = asyncio.get_running_loop()
        if self._loop is loop and self._tasks and not all(t.done() for t in self._tasks):
            return
        self._loop = loop
        self._queue = asyncio.PriorityQueue()
        self._tasks = [loop.create_task(self._work()) for _ in range(self._workers)]

    async def _work(self) -> None:
        assert self._queue is not None
        queue = self._queue
        loop = asyncio.get_running_loop()
        while True:
            job = await queue.get()
            if job.future.done():  # the caller gave up (barge-in, hang-up)
                continue
            if job.wanted is not None and not job.wanted():
                job.future.set_result(None)  # superseded: skip the work
                continue
            self._running[job.priority] += 1
            try:
                result: Any = await loop.run_in_executor(self._executor, job.work)
            except Exception as error:  # one bad job must not kill the shared worker
                log.exception("%s job failed", self.name)
                if not job.future.done():
                    job.future.set_exception(error)
                continue
            finally:
                self._running[job.priority] -= 1
            if not job.future.done():
                job.future.set_result(result)

    def close(self) -> None:
        for task in self._tasks:
            task.cancel()
        self._executor.shutdown(wait=False, cancel_futures=True)
