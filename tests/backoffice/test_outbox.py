"""The outbox relay: claims, retries with backoff, gives up, and never runs one event twice at once."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest

from backoffice import outbox
from backoffice.outbox import OutboxEvent
from backoffice.services import Services

CALLS: dict[int, int] = {}  # event id -> times the test handler ran
FAILURES_LEFT: dict[int, int] = {}
SLOW_STARTED = asyncio.Event()


@outbox.handler("test.flaky")
async def flaky(services: Services, event: OutboxEvent) -> None:
    CALLS[event.id] = CALLS.get(event.id, 0) + 1
    if FAILURES_LEFT.get(event.id, 0) > 0:
        FAILURES_LEFT[event.id] -= 1
        raise RuntimeError(f"provider down for event {event.id}")


@outbox.handler("test.slow")
async def slow(services: Services, event: OutboxEvent) -> None:
    CALLS[event.id] = CALLS.get(event.id, 0) + 1
    SLOW_STARTED.set()
    await asyncio.sleep(0.05)  # long enough for a second relay to try the same row


async def emit(services: Services, event_type: str, payload: dict[str, object] | None = None) -> int:
    async with services.db.transaction() as tx:
        return await outbox.emit(tx, event_type, "test", "agg-1", payload or {})


async def row(services: Services, event_id: int) -> dict[str, object]:
    found = await services.db.pool.fetchrow("SELECT * FROM outbox WHERE id = $1", event_id)
    assert found is not None
    return dict(found)


@pytest.fixture(autouse=True)
def _reset() -> None:
    CALLS.clear()
    FAILURES_LEFT.clear()
    SLOW_STARTED.clear()


def test_backoff_doubles_and_is_capped() -> None:
    assert [outbox.backoff(n).total_seconds() for n in (1, 2, 3, 4)] == [2, 4, 8, 16]
    assert outbox.backoff(40) == timedelta(hours=1)


async def test_events_without_a_handler_are_published_and_handled_ones_run_once(services, clock):
    nobody = await emit(services, "test.nobody_listens")
    handled = await emit(services, "test.flaky")
    assert await outbox.relay_once(services) == 2
    assert {handled: 1} == CALLS
    assert (await row(services, nobody))["published_at"] == clock()
    assert (await row(services, handled))["published_at"] == clock()
    assert await outbox.relay_once(services) == 0  # nothing left: published events are never run again
    assert {handled: 1} == CALLS


async def test_a_failing_handler_is_retried_with_backoff_until_it_succeeds(services, clock):
    event_id = await emit(services, "test.flaky")
    FAILURES_LEFT[event_id] = 3
    start = clock()
    assert await outbox.relay_once(services) == 0
    failed = await row(services, event_id)
    assert failed["attempts"] == 1 and failed["published_at"] is None
    assert failed["last_error"] == f"RuntimeError: provider down for event {event_id}"
    assert failed["next_attempt_at"] == start + timedelta(seconds=2)

    clock.advance(seconds=1)
    assert await outbox.relay_once(services) == 0 and CALLS[event_id] == 1  # not due yet
    clock.advance(seconds=1)
    await outbox.relay_once(services)
    assert (await row(services, event_id))["next_attempt_at"] == clock() + timedelta(seconds=4)
    clock.advance(seconds=4)
    await outbox.relay_once(services)
    assert (await row(services, event_id))["attempts"] == 3
    clock.advance(seconds=8)
    assert await outbox.relay_once(services) == 1
    done = await row(services, event_id)
    assert CALLS[event_id] == 4 and done["published_at"] == clock() and done["last_error"] is None


async def test_the_relay_gives_up_after_max_attempts(services, clock):
    event_id = await emit(services, "test.flaky")
    FAILURES_LEFT[event_id] = 10_000
    for _ in range(outbox.MAX_ATTEMPTS + 3):
        await outbox.relay_once(services)
        clock.advance(hours=2)
    given_up = await row(services, event_id)
    assert CALLS[event_id] == outbox.MAX_ATTEMPTS
    assert given_up["failed_at"] is not None and given_up["published_at"] is None


async def test_two_relays_never_run_the_same_event(services):
    ids = [await emit(services, "test.slow") for _ in range(6)]
    other = Services(db=services.db, policy=services.policy, secret=services.secret, clock=services.clock)
    counts = await asyncio.gather(outbox.relay_once(services), outbox.relay_once(other))
    assert sum(counts) == 6
    assert {event_id: 1 for event_id in ids} == CALLS


async def test_a_relay_cancelled_mid_handler_leaves_the_event_due(services):
    event_id = await emit(services, "test.slow")
    task = asyncio.create_task(outbox.relay_once(services))
    await asyncio.wait_for(SLOW_STARTED.wait(), 10)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    unfinished = await row(services, event_id)
    assert unfinished["published_at"] is None and unfinished["attempts"] == 0  # the claim rolled back
    assert await outbox.relay_once(services) == 1
    assert CALLS[event_id] == 2  # at least once; handlers dedupe (see test_messaging)
