"""Housekeeping tasks: a transition table, priorities, guest requests, and the check-out hook.

Cleaning tasks drive the room's condition in the same transaction (start -> cleaning,
complete -> clean, inspect -> inspected, reject -> dirty), so the board and the room list can never
disagree.
"""

from __future__ import annotations

from datetime import date
from typing import Final, Literal
from uuid import UUID

import asyncpg

from backoffice import audit
from backoffice.audit import Actor
from backoffice.errors import NotFound
from backoffice.statemachine import StateMachine, transition

TaskType = Literal[
    "checkout_clean", "stayover_clean", "towels", "extra_bed", "amenities", "turndown", "inspection", "maintenance"
]
Priority = Literal["low", "normal", "high", "urgent"]
PRIORITY_RANK: Final[dict[str, int]] = {"urgent": 0, "high": 1, "normal": 2, "low": 3}
CLEANING_TASKS: Final = frozenset({"checkout_clean", "stayover_clean"})

TASK: Final = StateMachine(
    entity="housekeeping_task",
    table="housekeeping_tasks",
    transitions={
        ("open", "assign"): "assigned",
        ("assigned", "assign"): "assigned",  # reassign
        ("open", "start"): "in_progress",  # self-start from the board
        ("assigned", "start"): "in_progress",
        ("rework", "start"): "in_progress",
        ("in_progress", "complete"): "done",
        ("done", "inspect"): "inspected",
        ("done", "reject"): "rework",
        ("open", "cancel"): "cancelled",
        ("assigned", "cancel"): "cancelled",
    },
)


async def open_task(
    conn: asyncpg.Connection,
    room_id: UUID,
    task_type: TaskType,
    actor: Actor,
    *,
    priority: Priority = "normal",
    reservation_id: UUID | None = None,
    notes: str = "",
) -> UUID:
    """Insert an ``open`` task and audit it (inside the caller's transaction)."""
    task_id: UUID = await conn.fetchval(
        """INSERT INTO housekeeping_tasks (room_id, reservation_id, task_type, status, priority, requested_by, notes)
           VALUES ($1, $2, $3, 'open', $4, $5, $6) RETURNING id""",
        room_id, reservation_id, task_type, priority, actor.label, notes,
    )
    await audit.record(
        conn, actor, "housekeeping_task.open", "housekeeping_task", task_id,
        new={"room_id": room_id, "task_type": task_type, "priority": priority, "status": "open",
             "reservation_id": reservation_id},
    )
    return task_id


async def _arrival_on(conn: asyncpg.Connection, room_id: UUID, day: date, departing: UUID) -> bool:
    """Is another reservation due to arrive in this room on ``day``?"""
    found = await conn.fetchval(
        """SELECT 1 FROM room_nights rn JOIN reservations r ON r.id = rn.reservation_id
           WHERE rn.room_id = $1 AND rn.night = $2 AND r.id <> $3 AND r.check_in = $2
             AND r.status IN ('hold', 'confirmed')""",
        room_id, day, departing,
    )
    return found is not None


async def on_checkout(
    conn: asyncpg.Connection, room_id: UUID, reservation_id: UUID, actor: Actor, *, today: date | None = None
) -> UUID:
    """The front desk's check-out hook: the room becomes dirty and a ``checkout_clean`` task opens.

    Runs in the caller's transaction (``conn``). The clean is ``urgent`` when another guest arrives
    in the room today (``today`` defaults to the departing reservation's check-out date), else
    ``high``. A room that is already dirty or being cleaned keeps its condition.
    """
    from backoffice.rooms import READY_CONDITIONS, ROOM_CONDITION  # rooms imports housekeeping

    room = await conn.fetchrow("SELECT condition FROM rooms WHERE id = $1 FOR UPDATE", room_id)
    if room is None:
        raise NotFound(f"room {room_id} not found")
    departing = await conn.fetchrow("SELECT check_out FROM reservations WHERE id = $1", reservation_id)
    if departing is None:
        raise NotFound(f"reservation {reservation_id} not found")
    if room["condition"] in READY_CONDITIONS:
        await transition(None, ROOM_CONDITION, room_id, "mark_dirty", actor, conn=conn)  # type: ignore[arg-type]
    day = today or departing["check_out"]
    priority: Priority = "urgent" if await _arrival_on(conn, room_id, day, reservation_id) else "high"
    return await open_task(
        conn, room_id, "checkout_clean", actor, priority=priority, reservation_id=reservation_id
    )
