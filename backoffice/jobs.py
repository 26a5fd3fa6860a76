"""Background jobs: hold sweeper, night audit (no-shows, in-house room charges), idempotency-key purge,
the managers' daily digest and the outbox relay.

Each change is one short transaction. With several instances on one database, each job takes a
PostgreSQL advisory lock and an instance that finds it taken passes (``exclusively``).

Every job reads time from ``services`` (the injected clock), so tests move a FakeClock forward
and call the job instead of sleeping.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import TypeVar

from backoffice import (
    allocation,
    followups,
    housekeeping,
    ledger,
    outbox,
    outbox_handlers,  # noqa: F401  (registers every outbox handler before the relay runs)
    reservations,
    retention,
)
from backoffice.audit import Actor
from backoffice.errors import BackofficeError
from backoffice.services import Services

log = logging.getLogger(__name__)

SWEEP_INTERVAL_S = 30.0
HOLD_SWEEPER = Actor.system("hold-sweeper")
NIGHT_AUDIT = Actor.system("night-audit")
JOB_LOCK_PREFIX = "concierge-job:"
T = TypeVar("T")


async def sweep_holds(services: Services) -> int:
    """Expire every hold past ``hold_expires_at`` and put its nights back on sale; returns how many."""
    expired = 0
    for reservation_id in await reservations.expired_hold_ids(services.db.pool, services.now()):
        try:
            await reservations.expire_hold(services, reservation_id, HOLD_SWEEPER)
        except BackofficeError as refused:  # confirmed or cancelled a moment ago: nothing to expire
            log.info("hold %s not expired: %s", reservation_id, refused.detail)
            continue
        expired += 1
    return expired


async def reconcile_payments(services: Services) -> int:
    """Ask the providers about wallet payments left waiting, and close the links of ended holds
    (after the sweeper, so a hold it just expired loses its link in the same pass)."""
    from backoffice import payment_saga  # imported here: keeps this module's import list as main has it

    try:
        return await payment_saga.reconcile(services)
    except BackofficeError as failed:
        log.warning("payment reconciliation stopped: %s", failed.detail)
        return 0


async def night_audit(services: Services) -> int:
    """Mark confirmed bookings whose arrival day has passed as no-shows; returns how many."""
    marked = 0
    for reservation_id in await reservations.overdue_arrival_ids(services.db.pool, services.today()):
        try:
            await reservations.mark_no_show(services, reservation_id, NIGHT_AUDIT)
        except BackofficeError as refused:  # checked in or cancelled a moment ago
            log.info("reservation %s not marked no-show: %s", reservation_id, refused.detail)
            continue
        marked += 1
    return marked


async def post_in_house_charges(services: Services) -> int:
    """Post the room charge of every night already slept by guests still in house; returns how many
    nights were posted. Check-out posts the rest, and a night is never posted twice."""
    today = services.today()
    # Only stays with a slept night not yet posted: the job runs every pass, most passes post nothing.
    rows = await services.db.pool.fetch(
        """SELECT r.id FROM reservations r
           WHERE r.status = 'checked_in' AND r.check_in < $1
             AND (SELECT count(DISTINCT e.reference_id) FROM ledger_entries e
                  WHERE e.reservation_id = r.id AND e.account = 'guest_folio' AND e.reference_type = $2)
                 < least($1, r.check_out) - r.check_in
           ORDER BY r.check_in""",
        today, ledger.NIGHT_REFERENCE,
    )
    posted = 0
    for row in rows:
        async with services.db.transaction() as tx:
            # The row lock is what stops a check-out at this moment from posting the same night.
            reservation = await tx.fetchrow(
                "SELECT * FROM reservations WHERE id = $1 AND status = 'checked_in' FOR UPDATE", row["id"]
            )
            if reservation is not None:
                charges = await ledger.post_room_charges(
                    tx, reservation, services.policy.tax_rate, NIGHT_AUDIT, before=today
                )
                posted += len(charges)
    return posted


async def purge_idempotency_keys(services: Services) -> int:
    """Forget idempotency keys past their expiry (24 h by default); returns how many."""
    result: str = await services.db.pool.execute(
        "DELETE FROM idempotency_keys WHERE expires_at < $1", services.now()
    )
    return int(result.split()[-1])


async def exclusively(services: Services, name: str, job: Callable[[Services], Awaitable[T]]) -> T | None:
    """Run ``job`` unless another instance is running the job of that name right now (then pass:
    None). A session-level PostgreSQL advisory lock on a connection held for the job's duration;
    if the instance dies, its connection closes and the lock goes with it."""
    async with services.db.connection() as conn:
        if not await conn.fetchval("SELECT pg_try_advisory_lock(hashtextextended($1, 0))", JOB_LOCK_PREFIX + name):
            log.debug("job %s is running on another instance; passing", name)
            return None
        try:
            return await job(services)
        finally:
            await conn.execute("SELECT pg_advisory_unlock(hashtextextended($1, 0))", JOB_LOCK_PREFIX + name)


async def run_once(services: Services) -> None:
    """One pass of every periodic job (tests call this directly); each job runs on one instance at a time."""
    await exclusively(services, "sweep_holds", sweep_holds)
    await exclusively(services, "reconcile_payments", reconcile_payments)
    await exclusively(services, "night_audit", night_audit)
    await exclusively(services, "post_in_house_charges", post_in_house_charges)
    await exclusively(services, "purge_idempotency_keys", purge_idempotency_keys)
    await exclusively(services, "prepare_today", prepare_today)
    await exclusively(services, "retention", retention.apply_retention)
    await exclusively(services, "daily_digest", followups.queue_daily_digest)
    await outbox.relay_once(services)  # safe on every instance (SKIP LOCKED); also run every second on its own


async def prepare_today(services: Services) -> None:
    """Rooms for today's arrivals and today's stayover cleans, before the desk and the housekeepers
    need them; both skip what is already done, so running every pass is safe."""
    today = services.today()
    await allocation.assign_arrivals(services, today, Actor.system("arrivals-planner"))
    await housekeeping.plan_stayover_cleans(services, today, Actor.system("housekeeping-planner"))


async def run_forever(services: Services, interval_s: float = SWEEP_INTERVAL_S) -> None:
    while True:
        try:
            await run_once(services)
        except Exception:
            log.exception("background job pass failed; retrying in %.0f s", interval_s)
        await asyncio.sleep(interval_s)
