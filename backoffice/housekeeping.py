"""Housekeeping tasks: a transition table, priorities, guest requests, and the check-out hook.

Cleaning tasks drive the room's condition in the same transaction (start -> cleaning,
complete -> clean, inspect -> inspected, reject -> dirty), so the board and the room list can never
disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Final, Literal
from uuid import UUID

import asyncpg

from backoffice import audit, outbox
from backoffice.audit import Actor
from backoffice.errors import Conflict, Forbidden, NotFound, ValidationFailed
from backoffice.rooms import READY_CONDITIONS, change_condition_in
from backoffice.services import Services
from backoffice.statemachine import StateMachine, transition

TaskType = Literal[
    "checkout_clean", "stayover_clean", "towels", "extra_bed", "amenities", "turndown", "inspection", "maintenance"
]
Priority = Literal["low", "normal", "high", "urgent"]
TaskStatus = Literal["open", "assigned", "in_progress", "done", "inspected", "rework", "cancelled"]
TaskAction = Literal["assign", "start", "complete", "inspect", "reject", "cancel"]
GuestRequestType = Literal["towels", "extra_bed", "amenities", "stayover_clean", "turndown"]
GUEST_REQUEST_PRIORITY: Final[dict[str, Priority]] = {
    "towels": "normal", "amenities": "normal", "stayover_clean": "normal", "extra_bed": "high", "turndown": "normal",
}
ACTIVE_STATUSES: Final = ("open", "assigned", "in_progress", "done", "rework")
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

    Runs in the caller's transaction (``conn``); returns the task id. ``today`` (the hotel's date)
    defaults to the departing reservation's check-out date.
    """
    return await vacate_room(conn, room_id, reservation_id, actor, today)


async def vacate_room(
    conn: asyncpg.Connection, room_id: UUID, reservation_id: UUID, actor: Actor, today: date | None
) -> UUID:
    """A guest left the room (check-out or room move): mark it dirty and open its clean.

    The clean is ``urgent`` when another guest arrives in the room today, else ``high``. A room
    that is already dirty or being cleaned keeps its condition.
    """
    room = await conn.fetchrow("SELECT condition FROM rooms WHERE id = $1 FOR UPDATE", room_id)
    if room is None:
        raise NotFound(f"room {room_id} not found")
    departing = await conn.fetchrow("SELECT check_out FROM reservations WHERE id = $1", reservation_id)
    if departing is None:
        raise NotFound(f"reservation {reservation_id} not found")
    if room["condition"] in READY_CONDITIONS:
        await change_condition_in(conn, room_id, "mark_dirty", actor)
    day = today or departing["check_out"]
    priority: Priority = "urgent" if await _arrival_on(conn, room_id, day, reservation_id) else "high"
    return await open_task(
        conn, room_id, "checkout_clean", actor, priority=priority, reservation_id=reservation_id
    )


# --- reading -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Task:
    id: UUID
    room_id: UUID
    room_number: str
    reservation_id: UUID | None
    assigned_to: UUID | None
    task_type: TaskType
    status: TaskStatus
    priority: Priority
    requested_by: str
    notes: str
    created_at: datetime
    started_at: datetime | None
    completed_at: datetime | None
    inspected_at: datetime | None


_TASK_SELECT = """SELECT t.id, t.room_id, r.room_number, t.reservation_id, t.assigned_to, t.task_type, t.status,
                         t.priority, t.requested_by, t.notes, t.created_at, t.started_at, t.completed_at,
                         t.inspected_at
                  FROM housekeeping_tasks t JOIN rooms r ON r.id = t.room_id"""
# The board's order: most urgent first, then oldest first.
_TASK_ORDER = """ ORDER BY array_position(ARRAY['urgent', 'high', 'normal', 'low'], t.priority), t.created_at, t.id"""


def _task(row: asyncpg.Record) -> Task:
    return Task(**dict(row))


async def get_task(conn: asyncpg.Connection | asyncpg.Pool, task_id: UUID) -> Task:
    row = await conn.fetchrow(_TASK_SELECT + " WHERE t.id = $1", task_id)
    if row is None:
        raise NotFound(f"housekeeping task {task_id} not found")
    return _task(row)


async def list_tasks(
    conn: asyncpg.Connection | asyncpg.Pool, *, status: TaskStatus | None = None, room_number: str | None = None,
    assigned_to: UUID | None = None,
) -> list[Task]:
    """Tasks by priority then age; without ``status``, only those still needing someone (not closed)."""
    rows = await conn.fetch(
        _TASK_SELECT
        + """ WHERE (($1::text IS NULL AND t.status = ANY($4::text[])) OR t.status = $1)
                AND ($2::text IS NULL OR r.room_number = $2) AND ($3::uuid IS NULL OR t.assigned_to = $3)"""
        + _TASK_ORDER,
        status, room_number, assigned_to, list(ACTIVE_STATUSES),
    )
    return [_task(r) for r in rows]


async def my_tasks(conn: asyncpg.Connection | asyncpg.Pool, user_id: UUID) -> list[Task]:
    """What one housekeeper has to do now: assigned, in progress or sent back for rework."""
    rows = await conn.fetch(
        _TASK_SELECT + " WHERE t.assigned_to = $1 AND t.status IN ('assigned', 'in_progress', 'rework')"
        + _TASK_ORDER,
        user_id,
    )
    return [_task(r) for r in rows]


# --- actions -------------------------------------------------------------------------------------

def room_steps(action: str, condition: str) -> tuple[str, ...]:
    """The room-condition actions a cleaning task's action implies, given the room's condition now.

    Tolerant on purpose: a room already in the target condition (a manual change, a second task)
    needs no step, rather than blocking the housekeeper's own task.
    """
    steps: dict[tuple[str, str], tuple[str, ...]] = {
        ("start", "dirty"): ("start_cleaning",),
        ("start", "clean"): ("mark_dirty", "start_cleaning"),
        ("start", "inspected"): ("mark_dirty", "start_cleaning"),
        ("complete", "cleaning"): ("finish_cleaning",),
        ("inspect", "clean"): ("inspect",),
        ("reject", "clean"): ("fail_inspection",),
        ("reject", "inspected"): ("mark_dirty",),
    }
    return steps.get((action, condition), ())


async def _drive_room(conn: asyncpg.Connection, task: Any, action: str, actor: Actor) -> None:
    if task["task_type"] not in CLEANING_TASKS:
        return
    condition = await conn.fetchval("SELECT condition FROM rooms WHERE id = $1 FOR UPDATE", task["room_id"])
    for step in room_steps(action, condition):
        await change_condition_in(conn, task["room_id"], step, actor)


async def _assignable(conn: asyncpg.Connection, user_id: UUID) -> None:
    user = await conn.fetchrow("SELECT role, active, name FROM users WHERE id = $1", user_id)
    if user is None:
        raise ValidationFailed(f"user {user_id} does not exist", field="user_id")
    if not user["active"] or user["role"] != "housekeeping":
        raise ValidationFailed(
            f"{user['name']} cannot take housekeeping tasks (only active housekeeping staff can)", field="user_id"
        )


async def apply_task_action(
    services: Services, task_id: UUID, action: TaskAction, actor: Actor, *, user_id: UUID | None = None,
    notes: str | None = None, own_tasks_only: bool = False,
) -> Task:
    """Apply one task action through the transition table; cleaning tasks move the room with it.

    ``assign`` needs ``user_id`` (an active housekeeping user); ``reject`` needs ``notes`` (what to
    redo). Starting an unassigned task assigns it to the staff user who starts it. With
    ``own_tasks_only`` (a housekeeper rather than a supervisor) a task assigned to someone else is
    refused with 403.
    """
    changes: dict[str, Any] = {}
    if action == "assign":
        if user_id is None:
            raise ValidationFailed("say who takes the task", field="user_id")
        changes["assigned_to"] = user_id
    elif action == "start":
        changes["started_at"] = "now()"
    elif action == "complete":
        changes["completed_at"] = "now()"
    elif action == "inspect":
        changes["inspected_at"] = "now()"
    elif action == "reject" and not (notes or "").strip():
        raise ValidationFailed("say what needs redoing", field="notes")
    if notes is not None and notes.strip():
        changes["notes"] = notes.strip()

    async def guard(conn: asyncpg.Connection, before: Any) -> None:
        if own_tasks_only and before["assigned_to"] not in (None, actor.user_id):
            raise Forbidden("that task is assigned to someone else; ask a supervisor to reassign it")
        if user_id is not None and action == "assign":
            await _assignable(conn, user_id)

    async def follow_up(conn: asyncpg.Connection, before: Any, after: Any) -> None:
        if action == "start" and after["assigned_to"] is None and actor.user_id is not None:
            await conn.execute("UPDATE housekeeping_tasks SET assigned_to = $2 WHERE id = $1", task_id, actor.user_id)
            await audit.record(conn, actor, "housekeeping_task.self_assign", "housekeeping_task", task_id,
                               old={"assigned_to": None}, new={"assigned_to": actor.user_id})
        await _drive_room(conn, after, action, actor)
        # A guest's own request (not a clean the planner scheduled) gets a "done" message, once: a task
        # redone after a failed inspection was already reported done.
        if (action == "complete" and after["task_type"] in GUEST_REQUEST_PRIORITY and after["reservation_id"]
                and not after["requested_by"].startswith("system:") and before["completed_at"] is None):
            await _guest_request_done(conn, after)

    await transition(services.db, TASK, task_id, action, actor, guard=guard, changes=changes, follow_up=follow_up)
    return await get_task(services.db.pool, task_id)


async def _guest_request_done(conn: asyncpg.Connection, task: Any) -> None:
    """Tell the guest who asked (the follow-up SMS), in the transaction that marks the task done."""
    room_number = await conn.fetchval("SELECT room_number FROM rooms WHERE id = $1", task["room_id"])
    await outbox.emit(conn, "housekeeping.task_done", "reservation", task["reservation_id"],
                      {"task_id": str(task["id"]), "reservation_id": str(task["reservation_id"]),
                       "room_number": room_number, "request_type": task["task_type"]})


# --- guest requests and staff tasks --------------------------------------------------------------

@dataclass(frozen=True)
class ServiceRequest:
    """A guest's request, by room number (a caller in the room) or by reservation."""

    request_type: GuestRequestType
    room_number: str | None = None
    reservation_id: UUID | None = None
    notes: str = ""


@dataclass(frozen=True)
class ServiceRequestResult:
    task_id: UUID
    room_number: str
    request_type: GuestRequestType
    priority: Priority
    status: TaskStatus
    already_requested: bool


async def _in_house(conn: asyncpg.Connection, request: ServiceRequest) -> tuple[UUID, str, UUID | None]:
    """Resolve (room id, room number, in-house reservation) for a request."""
    if request.reservation_id is not None:
        stay = await conn.fetchrow(
            """SELECT res.status, res.room_id, r.room_number FROM reservations res
               LEFT JOIN rooms r ON r.id = res.room_id WHERE res.id = $1""",
            request.reservation_id,
        )
        if stay is None:
            raise NotFound(f"reservation {request.reservation_id} not found", field="reservation_id")
        if stay["status"] != "checked_in" or stay["room_id"] is None:
            raise Conflict("requests can be sent only to a guest who is checked in", field="reservation_id")
        if request.room_number is not None and request.room_number != stay["room_number"]:
            raise ValidationFailed(
                f"that reservation is in room {stay['room_number']}, not {request.room_number}", field="room_number"
            )
        return stay["room_id"], stay["room_number"], request.reservation_id
    if request.room_number is None:
        raise ValidationFailed("say which room the request is for", field="room_number")
    room = await conn.fetchrow(
        """SELECT r.id, (SELECT res.id FROM reservations res WHERE res.room_id = r.id AND res.status = 'checked_in'
                         ORDER BY res.check_in DESC LIMIT 1) AS stay
           FROM rooms r WHERE r.room_number = $1""",
        request.room_number,
    )
    if room is None:
        raise NotFound(f"there is no room {request.room_number}", field="room_number")
    return room["id"], request.room_number, room["stay"]


async def request_service(services: Services, request: ServiceRequest, actor: Actor) -> ServiceRequestResult:
    """Open a task for a guest request (towels, extra bed, amenities, a stayover clean, the turndown).

    A caller (voice) or guest may only ask for a room where someone is checked in. Asking again
    while the same request is still open returns the open task instead of a duplicate, so a
    repeated sentence on the phone does not send two housekeepers.
    """
    if request.request_type not in GUEST_REQUEST_PRIORITY:
        raise ValidationFailed(f"'{request.request_type}' is not a guest request", field="request_type")
    async with services.db.transaction() as conn:
        room_id, number, stay = await _in_house(conn, request)
        if stay is None and actor.type in ("call", "guest"):
            raise Conflict(f"nobody is checked in to room {number}", field="room_number")
        # Serialise requests per room so two identical ones cannot both miss each other's task.
        await conn.execute("SELECT 1 FROM rooms WHERE id = $1 FOR UPDATE", room_id)
        existing = await conn.fetchrow(
            """SELECT id, priority, status FROM housekeeping_tasks
               WHERE room_id = $1 AND task_type = $2 AND status IN ('open', 'assigned', 'in_progress', 'rework')
               ORDER BY created_at LIMIT 1""",
            room_id, request.request_type,
        )
        if existing is not None:
            return ServiceRequestResult(existing["id"], number, request.request_type, existing["priority"],
                                        existing["status"], already_requested=True)
        priority = GUEST_REQUEST_PRIORITY[request.request_type]
        task_id = await open_task(conn, room_id, request.request_type, actor, priority=priority,
                                  reservation_id=stay, notes=request.notes.strip())
    return ServiceRequestResult(task_id, number, request.request_type, priority, "open", already_requested=False)


async def create_task(
    services: Services, actor: Actor, *, room_number: str, task_type: TaskType, priority: Priority = "normal",
    notes: str = "", reservation_id: UUID | None = None,
) -> Task:
    """A task raised by staff (maintenance, inspection, a clean, ...) for a room."""
    async with services.db.transaction() as conn:
        room_id = await conn.fetchval("SELECT id FROM rooms WHERE room_number = $1", room_number)
        if room_id is None:
            raise NotFound(f"there is no room {room_number}", field="room_number")
        if reservation_id is not None and not await conn.fetchval(
            "SELECT 1 FROM reservations WHERE id = $1", reservation_id
        ):
            raise NotFound(f"reservation {reservation_id} not found", field="reservation_id")
        task_id = await open_task(conn, room_id, task_type, actor, priority=priority,
                                  reservation_id=reservation_id, notes=notes.strip())
        return await get_task(conn, task_id)


@dataclass(frozen=True)
class NewTask:
    """A task posted to the board: a guest request (by room or reservation) or a staff task (by room)."""

    task_type: TaskType
    room_number: str | None = None
    reservation_id: UUID | None = None
    priority: Priority | None = None
    notes: str = ""


async def submit_task(services: Services, new: NewTask, actor: Actor) -> tuple[Task, bool]:
    """Post a task; return it and whether it was created (False: the same guest request is still open).

    Guest request types without an explicit priority follow the guest-request rules (priority by
    type, one open request per room); anything else is a staff task for ``room_number``.
    """
    if new.task_type in GUEST_REQUEST_PRIORITY and new.priority is None:
        request = ServiceRequest(new.task_type, new.room_number, new.reservation_id, new.notes)  # type: ignore[arg-type]
        result = await request_service(services, request, actor)
        return await get_task(services.db.pool, result.task_id), not result.already_requested
    if new.room_number is None:
        raise ValidationFailed("say which room the task is for", field="room_number")
    task = await create_task(services, actor, room_number=new.room_number, task_type=new.task_type,
                             priority=new.priority or "normal", notes=new.notes, reservation_id=new.reservation_id)
    return task, True


async def plan_stayover_cleans(services: Services, day: date, actor: Actor) -> list[UUID]:
    """Open a ``stayover_clean`` for every room whose guest stays on past ``day``; return the new tasks.

    Safe to run twice: a room that already has a stayover clean planned for ``day`` (or one still
    open from before) is skipped. Rooms with an arrival-day guest are left alone (they were just
    cleaned for them).
    """
    async with services.db.transaction() as conn:
        due = await conn.fetch(
            """SELECT res.room_id, res.id FROM reservations res
               WHERE res.status = 'checked_in' AND res.room_id IS NOT NULL
                 AND res.check_in < $1 AND res.check_out > $1
                 AND NOT EXISTS (
                     SELECT 1 FROM housekeeping_tasks t
                     WHERE t.room_id = res.room_id AND t.task_type = 'stayover_clean' AND t.status <> 'cancelled'
                       AND (t.metadata->>'day' = $2 OR t.status IN ('open', 'assigned', 'in_progress', 'rework')))
               ORDER BY res.room_id
               FOR UPDATE OF res""",
            day, day.isoformat(),
        )
        planned = []
        for row in due:
            # The unique index (room, day) makes a second plan for the day impossible, even from another
            # instance whose snapshot did not see this one: it inserts nothing and moves on.
            task_id = await conn.fetchval(
                """INSERT INTO housekeeping_tasks (room_id, reservation_id, task_type, status, requested_by, metadata)
                   VALUES ($1, $2, 'stayover_clean', 'open', $3, jsonb_build_object('day', $4::text))
                   ON CONFLICT (room_id, (metadata->>'day'))
                       WHERE task_type = 'stayover_clean' AND status <> 'cancelled' DO NOTHING
                   RETURNING id""",
                row["room_id"], row["id"], actor.label, day.isoformat(),
            )
            if task_id is None:
                continue
            await audit.record(
                conn, actor, "housekeeping_task.open", "housekeeping_task", task_id,
                new={"room_id": row["room_id"], "task_type": "stayover_clean", "priority": "normal",
                     "status": "open", "reservation_id": row["id"]},
            )
            planned.append(task_id)
    return planned
