"""Two servers on one database, each with its own pool and job loop, through an hour of simulated
clock that crosses the hotel's midnight: holds expire, the night audit marks no-shows, nights are
posted and stayover cleans planned, and nothing is done twice."""

from __future__ import annotations

import asyncio
import logging
from contextlib import AsyncExitStack
from datetime import UTC, date, datetime

from aiohttp.test_utils import TestServer

from agent.app import create_app
from agent.web.keys import SERVICES
from backoffice import jobs, ledger, reservations
from backoffice.audit import Actor
from backoffice.db import Database, create_pool
from backoffice.reservations import CreateReservation, GuestDetails
from tests.conftest import unique_phone
from tests.factories import make_room_type
from tests.frontdesk_factories import book, room_id

CALL = Actor.call("CA-two-instances")
DEC_1 = date(2026, 12, 1)


async def hotel_before_midnight(db, services) -> None:
    """Dec 1, 23:30 in Dhaka: three guests in house since Nov 30, two arrivals that never came,
    two holds about to run out."""
    room_type = await make_room_type(db, "STD", rooms=8)
    for number in ("101", "102", "103"):
        await book(db, room_type, date(2026, 11, 30), ["5000.00"] * 4, status="checked_in",
                   room_id=await room_id(db, number))
    for number in ("104", "105"):
        await book(db, room_type, DEC_1, ["5000.00"] * 2, status="confirmed", room_id=await room_id(db, number))
    for _ in range(2):
        await reservations.create_reservation(
            services, CreateReservation(room_type="STD", check_in=date(2026, 12, 10), check_out=date(2026, 12, 11),
                                        guests=1, hold=True, guest=GuestDetails(name="Holder", phone=unique_phone())),
            CALL)


async def test_two_servers_running_the_jobs_for_an_hour_do_nothing_twice(database_url, db, settings, services,
                                                                          clock, caplog):
    clock.set(datetime(2026, 12, 1, 17, 30, tzinfo=UTC))  # 23:30 in Dhaka
    await hotel_before_midnight(db, services)
    fast = settings.model_copy(update={"jobs_interval_s": 0.02})
    caplog.set_level(logging.WARNING, logger="backoffice.jobs")
    async with AsyncExitStack() as stack:
        instances = []
        for _ in range(2):
            pool = await create_pool(database_url, max_size=8)
            stack.push_async_callback(pool.close)
            app = create_app(fast, database=Database(pool), clock=clock, run_jobs=True, voice=False)
            server = TestServer(app)
            await stack.enter_async_context(server)  # starts the app: its job loop runs from here
            instances.append(server.app[SERVICES])
        for _ in range(12):  # an hour in five-minute steps
            clock.advance(minutes=5)
            # Both loops run on their own; a pass of both at the same moment forces the overlap too.
            await asyncio.gather(*(jobs.run_once(s) for s in instances))
            await asyncio.sleep(0.1)

    assert not [r for r in caplog.records if r.levelno >= logging.ERROR], [r.getMessage() for r in caplog.records]
    stayover = await db.pool.fetch(
        """SELECT room_id, metadata->>'day' AS day, count(*) AS n FROM housekeeping_tasks
           WHERE task_type = 'stayover_clean' GROUP BY 1, 2""")
    # One per room: Dec 2's is not planned while Dec 1's is still open (the planner's rule).
    assert len(stayover) == 3 and all(r["n"] == 1 for r in stayover)
    assert {r["day"] for r in stayover} == {DEC_1.isoformat()}
    nights = await db.pool.fetch(
        """SELECT reservation_id, reference_id, count(DISTINCT transaction_id) AS n FROM ledger_entries
           WHERE account = 'guest_folio' AND reference_type = $1 GROUP BY 1, 2""", ledger.NIGHT_REFERENCE)
    assert len(nights) == 6 and all(r["n"] == 1 for r in nights)  # 3 stays x (Nov 30, Dec 1)
    assert (await ledger.trial_balance(db.pool)).balanced
    for action, expected in (("reservation.mark_no_show", 2), ("reservation.expire", 2)):
        counts = await db.pool.fetch(
            "SELECT entity_id, count(*) AS n FROM audit_logs WHERE action = $1 AND outcome = 'applied' GROUP BY 1",
            action)
        assert len(counts) == expected and all(r["n"] == 1 for r in counts), action
    for event, expected in (("reservation.no_show", 2), ("reservation.expired", 2)):
        counts = await db.pool.fetch(
            "SELECT aggregate_id, count(*) AS n FROM outbox WHERE event_type = $1 GROUP BY 1", event)
        assert len(counts) == expected and all(r["n"] == 1 for r in counts), event
    assert await db.pool.fetchval("SELECT count(*) FROM reservations WHERE status = 'no_show'") == 2


async def test_a_job_another_instance_is_running_is_passed(db, services, clock):
    await make_room_type(db, "STD", rooms=2)
    await reservations.create_reservation(
        services, CreateReservation(room_type="STD", check_in=date(2026, 12, 10), check_out=date(2026, 12, 11),
                                    guests=1, hold=True, guest=GuestDetails(name="Holder", phone=unique_phone())),
        CALL)
    clock.advance(hours=1)
    async with db.connection() as other_instance:
        await other_instance.execute("SELECT pg_advisory_lock(hashtextextended($1, 0))",
                                     jobs.JOB_LOCK_PREFIX + "sweep_holds")
        assert await jobs.exclusively(services, "sweep_holds", jobs.sweep_holds) is None
        assert await db.pool.fetchval("SELECT count(*) FROM reservations WHERE status = 'hold'") == 1
        await other_instance.execute("SELECT pg_advisory_unlock(hashtextextended($1, 0))",
                                     jobs.JOB_LOCK_PREFIX + "sweep_holds")
    assert await jobs.exclusively(services, "sweep_holds", jobs.sweep_holds) == 1


async def test_the_database_refuses_a_second_stayover_clean_for_a_room_and_day(db):
    import asyncpg
    import pytest

    await make_room_type(db, "STD", rooms=1)
    room = await room_id(db, "101")
    insert = """INSERT INTO housekeeping_tasks (room_id, task_type, status, metadata)
                VALUES ($1, 'stayover_clean', 'open', jsonb_build_object('day', '2026-12-01'))"""
    await db.pool.execute(insert, room)
    with pytest.raises(asyncpg.UniqueViolationError):
        await db.pool.execute(insert, room)
