"""Door keys through the outbox: granted only after the check-in commits, revoked until the lock
confirms, and never brought back by a late grant."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

import pytest

from backoffice import checkin, doorkeys, outbox
from backoffice.audit import Actor
from backoffice.doorlock import KeyGrant, SimulatedDoorLock
from tests.factories import make_room_type
from tests.frontdesk_factories import book, room_id

DESK = Actor.system("test-desk")


class LockOffline(Exception):
    """What a vendor lock server's client raises when it cannot be reached."""


@dataclass
class FlakyLock(SimulatedDoorLock):
    """A lock server that is down for its first ``failures`` calls (an external service we do not run)."""

    failures: int = 0
    calls: list[str] = field(default_factory=list)

    def _maybe_fail(self, what: str) -> None:
        self.calls.append(what)
        if self.failures > 0:
            self.failures -= 1
            raise LockOffline(f"lock server unreachable during {what}")

    async def grant(self, room_number: str, reservation_id: str, valid_until: datetime,
                    credential_id: str | None = None) -> KeyGrant:
        self._maybe_fail("grant")
        return await super().grant(room_number, reservation_id, valid_until, credential_id)

    async def revoke(self, room_number: str, reservation_id: str, credential_id: str | None = None) -> None:
        self._maybe_fail("revoke")
        await super().revoke(room_number, reservation_id, credential_id)


async def arriving(db, services):
    room_type = await make_room_type(db, rooms=2)
    return await book(db, room_type, services.today(), ["5000.00"] * 2, room_id=await room_id(db, "101"))


async def relay_until_quiet(services, clock, passes: int = 10) -> None:
    for _ in range(passes):
        await outbox.relay_once(services)
        clock.advance(hours=1)  # past any backoff the relay may apply


async def test_a_crash_between_the_key_grant_and_the_commit_leaves_no_valid_key(db, services, clock):
    stay = await arriving(db, services)

    class Crash(Exception):
        pass

    with pytest.raises(Crash):
        async with db.transaction() as conn:
            result = await checkin.check_in(services, stay.id, DESK, conn=conn)
            assert result.key_status == "granting"  # the grant step ran...
            raise Crash("the process died before COMMIT")  # ...and the transaction rolled back

    await relay_until_quiet(services, clock)
    assert services.door_lock.active == {}
    assert await db.pool.fetchval("SELECT count(*) FROM door_keys") == 0
    assert await db.pool.fetchval("SELECT count(*) FROM outbox WHERE event_type LIKE 'doorkey.%'") == 0
    assert await db.pool.fetchval("SELECT status FROM reservations WHERE id = $1", stay.id) == "confirmed"


async def test_a_committed_check_in_grants_the_key_at_once(db, services):
    stay = await arriving(db, services)
    result = await checkin.check_in(services, stay.id, DESK)
    assert result.key_status == "active"
    assert services.door_lock.active["101", str(stay.id)].credential == result.key_credential
    event = await db.pool.fetchrow("SELECT payload FROM outbox WHERE event_type = 'doorkey.grant'")
    assert event["payload"] == {"reservation_id": str(stay.id), "room_number": "101",
                                "credential_id": result.key_credential,
                                "valid_until": result.key_valid_until.isoformat()}


async def test_a_lock_that_is_down_gets_the_grant_from_the_relay_once_it_is_back(db, services, clock):
    lock = FlakyLock(failures=3)
    services.door_lock = lock
    stay = await arriving(db, services)
    result = await checkin.check_in(services, stay.id, DESK)
    assert result.key_status == "granting" and lock.active == {}  # checked in; the key is on its way
    await relay_until_quiet(services, clock)
    assert lock.active["101", str(stay.id)].credential == result.key_credential
    assert await doorkeys.key_status(db.pool, result.key_credential) == "active"
    assert await db.pool.fetchval(
        "SELECT count(*) FROM outbox WHERE event_type = 'doorkey.grant' AND published_at IS NULL") == 0


async def test_check_out_revokes_the_key_eventually_however_often_the_lock_fails(db, services, clock):
    stay = await arriving(db, services)
    result = await checkin.check_in(services, stay.id, DESK)
    lock = FlakyLock(active=dict(services.door_lock.active), failures=4)
    services.door_lock = lock
    clock.advance(days=2)
    await checkin.check_out(services, stay.id, DESK, allow_open_balance=True)
    assert ("101", str(stay.id)) in lock.active  # the lock was down at check-out
    await relay_until_quiet(services, clock)
    assert lock.active == {}
    assert await doorkeys.key_status(db.pool, result.key_credential) == "revoked"
    assert lock.calls.count("revoke") == 5  # 1 at check-out + 3 failed relay passes + the one that worked


async def test_a_grant_still_being_retried_never_reopens_a_revoked_room(db, services, clock):
    lock = FlakyLock(failures=1)
    services.door_lock = lock
    stay = await arriving(db, services)
    await checkin.check_in(services, stay.id, DESK)  # the grant failed: still queued
    clock.advance(hours=2)
    await checkin.check_out(services, stay.id, DESK, allow_open_balance=True)  # guest leaves at once
    await relay_until_quiet(services, clock)  # the queued grant is delivered after the revoke
    assert lock.active == {}


async def test_moving_rooms_revokes_the_old_key_and_grants_the_new_one_after_commit(db, services, clock):
    from backoffice import allocation

    stay = await arriving(db, services)
    first = await checkin.check_in(services, stay.id, DESK)
    await db.pool.execute("UPDATE rooms SET condition = 'inspected' WHERE room_number = '102'")
    moved = await allocation.move_room(services, stay.id, await room_id(db, "102"), DESK)
    assert list(services.door_lock.active) == [("102", str(stay.id))]
    assert services.door_lock.active["102", str(stay.id)].credential == moved.door_key
    assert await doorkeys.key_status(db.pool, first.key_credential) == "revoked"
    assert moved.key_valid_until == first.key_valid_until == services.now().replace(
        hour=6, minute=0, second=0, microsecond=0) + timedelta(days=2)  # noon in Dhaka on departure


async def test_a_key_granted_before_keys_had_rows_is_revoked_at_check_out(db, services, clock):
    room_type = await make_room_type(db, rooms=1)
    stay = await book(db, room_type, services.today(), ["5000.00"], status="checked_in",
                      room_id=await room_id(db, "101"))
    await services.door_lock.grant("101", str(stay.id), services.now() + timedelta(days=1))  # the old way
    clock.advance(days=1)
    await checkin.check_out(services, stay.id, DESK, allow_open_balance=True)
    assert services.door_lock.active == {}
