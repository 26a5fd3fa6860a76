"""Rooms: room types, rooms, their condition (a state machine), occupancy, and dated blocks.

Three orthogonal facts describe a room (Mews/Apaleo style): its *condition* (dirty -> cleaning ->
clean -> inspected, a ``StateMachine`` applied only through ``statemachine.transition``), its
*occupancy* (derived: a checked-in reservation on the room today), and *service blocks* (out of
service / out of order are dated ``room_blocks`` that occupy ``room_nights`` like a booking and
lower the room type's sellable capacity).
"""

from __future__ import annotations

from typing import Final
from uuid import UUID

import asyncpg

from backoffice.audit import Actor
from backoffice.db import Database
from backoffice.statemachine import StateMachine, transition

ROOM_CONDITION: Final = StateMachine(
    entity="room",
    table="rooms",
    state_column="condition",
    transitions={
        ("dirty", "start_cleaning"): "cleaning",
        ("cleaning", "finish_cleaning"): "clean",
        ("clean", "inspect"): "inspected",
        ("clean", "mark_dirty"): "dirty",
        ("inspected", "mark_dirty"): "dirty",
        ("clean", "fail_inspection"): "dirty",
    },
)

READY_CONDITIONS: Final = frozenset({"clean", "inspected"})


async def change_condition(
    db: Database, room_id: UUID, action: str, actor: Actor, *, conn: asyncpg.Connection | None = None
) -> str:
    """Apply one condition action (``mark_dirty``, ``start_cleaning``...); return the new condition."""
    row = await transition(db, ROOM_CONDITION, room_id, action, actor, conn=conn)
    condition: str = row["condition"]
    return condition
