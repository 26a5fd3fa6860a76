"""The housekeeping board, for phones: compact JSON, most urgent first. Thin HTTP over
``backoffice.housekeeping``."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from agent.web.api import Call, Empty
from agent.web.keys import SERVICES
from agent.web.registry import api
from backoffice import housekeeping
from backoffice.auth import ROLE_SCOPES
from backoffice.housekeeping import NewTask

TAG = "housekeeping"
# PostgreSQL text cannot hold NUL; a room number never needs control characters.
ONE_LINE = r"^[^\x00-\x1f\x7f]*$"
NO_NUL = r"^[^\x00]*$"
TaskType = Literal[
    "checkout_clean", "stayover_clean", "towels", "extra_bed", "amenities", "turndown", "inspection", "maintenance"
]
TaskStatus = Literal["open", "assigned", "in_progress", "done", "inspected", "rework", "cancelled"]
Priority = Literal["low", "normal", "high", "urgent"]
# Supervisors' actions: handing out work and judging it.
MANAGER_ACTIONS = frozenset({"assign", "inspect", "reject"})


class TaskOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: UUID
    room_number: str
    task_type: TaskType
    status: TaskStatus
    priority: Priority
    assigned_to: UUID | None
    reservation_id: UUID | None
    notes: str
    created_at: datetime
    started_at: datetime | None
    completed_at: datetime | None


class TaskList(BaseModel):
    tasks: list[TaskOut]


class TaskQuery(BaseModel):
    status: TaskStatus | None = None
    room: str | None = Field(default=None, min_length=1, max_length=16, pattern=ONE_LINE, description="room number")
    assigned_to: UUID | None = None


class TaskPost(BaseModel):
    task_type: TaskType
    room_number: str | None = Field(default=None, min_length=1, max_length=16, pattern=ONE_LINE)
    reservation_id: UUID | None = None
    priority: Priority | None = Field(default=None, description="omit for a guest request's usual priority")
    notes: str = Field(default="", max_length=1000, pattern=NO_NUL)


class TaskActionPath(BaseModel):
    id: UUID
    action: Literal["assign", "start", "complete", "inspect", "reject", "cancel"]


class TaskActionBody(BaseModel):
    user_id: UUID | None = Field(default=None, description="who takes the task (assign)")
    notes: str | None = Field(default=None, max_length=1000, pattern=NO_NUL,
                              description="what was done, or what to redo")


@api.route("GET", "/api/v1/housekeeping/tasks", summary="The task board, most urgent then oldest first", tag=TAG,
           scope="housekeeping:read", query=TaskQuery, response=TaskList)
async def list_tasks(call: Call[Empty, TaskQuery, Any]) -> TaskList:
    """Without ``status``, only tasks still needing someone (not inspected or cancelled)."""
    q = call.query
    found = await housekeeping.list_tasks(call.app[SERVICES].db.pool, status=q.status, room_number=q.room,
                                          assigned_to=q.assigned_to)
    return TaskList(tasks=[TaskOut.model_validate(t) for t in found])


@api.route("GET", "/api/v1/housekeeping/my-tasks", summary="My assigned, started and rework tasks", tag=TAG,
           scope="housekeeping:read", response=TaskList)
async def my_tasks(call: Call[Empty, Empty, Any]) -> TaskList:
    found = await housekeeping.my_tasks(call.app[SERVICES].db.pool, call.user.user_id)
    return TaskList(tasks=[TaskOut.model_validate(t) for t in found])


class PostedTask(TaskOut):
    created: bool = Field(description="false when the same guest request was already open: that task is returned")


@api.route("POST", "/api/v1/housekeeping/tasks", summary="Post a guest request or a staff task", tag=TAG,
           scope="housekeeping:write", body=TaskPost, response=PostedTask, errors=(404, 409))
async def post_task(call: Call[Empty, Empty, TaskPost]) -> PostedTask:
    """A guest request already open for the room is not duplicated: the open task comes back with
    ``created: false`` (a repeated phone request must not send two housekeepers)."""
    task, created = await housekeeping.submit_task(call.app[SERVICES], NewTask(**call.body.model_dump()), call.actor)
    return PostedTask.model_validate({**TaskOut.model_validate(task).model_dump(), "created": created})


@api.route("POST", "/api/v1/housekeeping/tasks/{id}/{action}", summary="Assign, start, complete, inspect, reject"
           " or cancel a task", tag=TAG, scope="housekeeping:write", path_params=TaskActionPath,
           body=TaskActionBody, response=TaskOut, errors=(404, 409))
async def task_action(call: Call[TaskActionPath, Empty, TaskActionBody]) -> TaskOut:
    """``assign`` (with ``user_id``), ``inspect`` and ``reject`` (with ``notes``) need ``housekeeping:manage``;
    without it, only your own or unassigned tasks."""
    if call.path.action in MANAGER_ACTIONS:
        call.user.require("housekeeping:manage")
    supervisor = "housekeeping:manage" in ROLE_SCOPES[call.user.role]
    task = await housekeeping.apply_task_action(call.app[SERVICES], call.path.id, call.path.action, call.actor,
                                                user_id=call.body.user_id, notes=call.body.notes,
                                                own_tasks_only=not supervisor)
    return TaskOut.model_validate(task)


class PlanDay(BaseModel):
    day: date | None = Field(default=None, description="the hotel's today when omitted")


@api.route("POST", "/api/v1/housekeeping/stayover-cleans", summary="Plan the day's stayover cleans", tag=TAG,
           scope="housekeeping:manage", body=PlanDay, response=TaskList)
async def plan_stayover_cleans(call: Call[Empty, Empty, PlanDay]) -> TaskList:
    """One clean per room whose guest stays on; running it again the same day adds nothing."""
    services = call.app[SERVICES]
    planned = await housekeeping.plan_stayover_cleans(services, call.body.day or services.today(), call.actor)
    return TaskList(tasks=[TaskOut.model_validate(await housekeeping.get_task(services.db.pool, t)) for t in planned])
