"""Every (state, action) the reservation table refuses, driven from the table itself.

``COMMANDS`` maps each action to the real command that applies it. Other modules' owners add
their actions (assign_room, check_in, check_out, move_room) here and the test walks them too.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date
from typing import Any
from uuid import UUID

import pytest

from backoffice import checkin, reservations
from backoffice.audit import Actor
from backoffice.errors import InvalidTransition
from backoffice.reservation_states import RESERVATION
from backoffice.reservations import CreateReservation, GuestDetails, ModifyReservation
from backoffice.services import Services
from tests.conftest import unique_phone
from tests.factories import login, make_room_type

STAFF = Actor.system("transition-test")
Command = Callable[[Services, UUID, Actor], Awaitable[Any]]

COMMANDS: dict[str, Command] = {
    "confirm": lambda s, rid, actor: reservations.confirm(s, rid, actor),
    "cancel": lambda s, rid, actor: reservations.cancel(s, rid, actor, "changed plans"),
    "expire": lambda s, rid, actor: reservations.expire_hold(s, rid, actor),
    "modify": lambda s, rid, actor: reservations.modify(
        s, rid, ModifyReservation(check_out=date(2026, 12, 12)), actor
    ),
    "mark_no_show": lambda s, rid, actor: reservations.mark_no_show(s, rid, actor),
    "check_in": lambda s, rid, actor: checkin.check_in(s, rid, actor),
    "check_out": lambda s, rid, actor: checkin.check_out(s, rid, actor),
}

# The same actions over HTTP, where there is an endpoint: (method, path suffix, json body).
HTTP_COMMANDS: dict[str, tuple[str, str, dict[str, Any] | None]] = {
    "confirm": ("POST", "/confirm", None),
    "cancel": ("POST", "/cancel", {"reason": "changed plans"}),
    "modify": ("PATCH", "", {"check_out": "2026-12-12"}),
    "check_out": ("POST", "/check-out", {}),
}

REFUSED = [(state, action) for state, action in RESERVATION.illegal_pairs() if action in COMMANDS]
REFUSED_OVER_HTTP = [(state, action) for state, action in REFUSED if action in HTTP_COMMANDS]


def test_every_mapped_action_is_in_the_table():
    assert set(COMMANDS) <= RESERVATION.actions
    assert REFUSED, "the table refuses something for every action"


async def reservation_in_state(services: Services, state: str) -> UUID:
    """A real booking (arriving today, so arrival-day guards pass) forced into ``state``."""
    await make_room_type(services.db, "STD", rooms=2)
    booked = await reservations.create_reservation(
        services,
        CreateReservation(room_type="STD", check_in=date(2026, 12, 1), check_out=date(2026, 12, 3), guests=1,
                          guest=GuestDetails(name="Rafiq Islam", phone=unique_phone()), hold=state == "hold"),
        STAFF,
    )
    rid = booked.reservation.id
    if state not in ("hold", "confirmed"):
        await services.db.pool.execute(
            "UPDATE reservations SET status = $2, hold_expires_at = NULL WHERE id = $1", rid, state
        )
    return rid


async def snapshot(services: Services, rid: UUID) -> tuple[dict[str, Any], int, int]:
    row = await services.db.pool.fetchrow("SELECT * FROM reservations WHERE id = $1", rid)
    counts = await services.db.pool.fetchrow(
        """SELECT count(*) FILTER (WHERE outcome = 'refused') AS refused,
                  count(*) FILTER (WHERE outcome = 'applied') AS applied
           FROM audit_logs WHERE entity_type = 'reservation' AND entity_id = $1""",
        str(rid),
    )
    return dict(row), counts["refused"], counts["applied"]


@pytest.mark.parametrize(("state", "action"), REFUSED)
async def test_refused_transition_changes_nothing_and_is_audited_once(services, clock, state, action):
    rid = await reservation_in_state(services, state)
    clock.advance(hours=1)  # past any hold expiry, so only the table can refuse
    row_before, refused_before, applied_before = await snapshot(services, rid)
    sold_before = await services.db.pool.fetchval("SELECT sum(sold) FROM room_type_nights")

    with pytest.raises(InvalidTransition) as refused:
        await COMMANDS[action](services, rid, STAFF)

    assert refused.value.status == 409
    assert refused.value.extra["current_state"] == state
    row_after, refused_after, applied_after = await snapshot(services, rid)
    assert row_after == row_before
    assert refused_after == refused_before + 1
    assert applied_after == applied_before
    assert await services.db.pool.fetchval("SELECT sum(sold) FROM room_type_nights") == sold_before
    audit = await services.db.pool.fetchrow(
        """SELECT action, actor_id FROM audit_logs WHERE entity_id = $1 AND outcome = 'refused'""", str(rid)
    )
    assert audit["action"] == f"reservation.{action}"
    assert audit["actor_id"] == "transition-test"


@pytest.mark.parametrize(("state", "action"), REFUSED_OVER_HTTP)
async def test_refused_transition_over_http_is_a_409(client, services, db, state, action):
    rid = await reservation_in_state(services, state)
    headers = await login(client, db=db)
    row_before, refused_before, _ = await snapshot(services, rid)
    method, suffix, body = HTTP_COMMANDS[action]

    response = await client.request(method, f"/api/v1/reservations/{rid}{suffix}", json=body, headers=headers)

    assert response.status == 409, await response.text()
    problem = await response.json()
    assert problem["type"] == "/problems/invalid-transition"
    assert problem["current_state"] == state
    row_after, refused_after, _ = await snapshot(services, rid)
    assert row_after == row_before
    assert refused_after == refused_before + 1
