"""Explicit state machines: a transition table and the one function that applies, checks and audits.

Each machine (reservation, room condition, housekeeping task, payment, call) is a
``StateMachine`` whose ``transitions`` map ``(state, action) -> new state``. ``transition()``
locks the row, looks the pair up, runs the action's guard, writes the new state with any extra
columns, audits the change and runs the follow-up in the same transaction. A refused action leaves
no trace but an audit entry with ``outcome = 'refused'``, written after the rollback.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

import asyncpg

from backoffice import audit
from backoffice.audit import Actor
from backoffice.db import Database
from backoffice.errors import BackofficeError, InvalidTransition, NotFound

T = TypeVar("T")
Row = Mapping[str, Any]
Guard = Callable[[asyncpg.Connection, Row], Awaitable[None]]
FollowUp = Callable[[asyncpg.Connection, Row, Row], Awaitable[None]]


@dataclass(frozen=True)
class StateMachine:
    """A closed transition table for one entity type stored in one table."""

    entity: str
    table: str
    transitions: Mapping[tuple[str, str], str]
    state_column: str = "status"
    states: frozenset[str] = field(default=frozenset())

    def __post_init__(self) -> None:
        if not self.states:
            found = {s for s, _ in self.transitions} | set(self.transitions.values())
            object.__setattr__(self, "states", frozenset(found))

    @property
    def actions(self) -> frozenset[str]:
        return frozenset(action for _, action in self.transitions)

    def allowed_actions(self, state: str) -> list[str]:
        return sorted(action for (s, action) in self.transitions if s == state)

    def next_state(self, current: str, action: str) -> str:
        try:
            return self.transitions[current, action]
        except KeyError:
            allowed = ", ".join(self.allowed_actions(current)) or "none"
            raise InvalidTransition(
                f"cannot {action.replace('_', ' ')} a {self.entity} that is {current.replace('_', ' ')}"
                f" (allowed: {allowed})",
                current_state=current,
                action=action,
            ) from None

    def illegal_pairs(self) -> Iterable[tuple[str, str]]:
        """Every (state, action) the table refuses: what the transition tests walk."""
        for state in sorted(self.states):
            for action in sorted(self.actions):
                if (state, action) not in self.transitions:
                    yield state, action


async def transition(
    db: Database,
    machine: StateMachine,
    entity_id: object,
    action: str,
    actor: Actor,
    *,
    guard: Guard | None = None,
    changes: Mapping[str, Any] | None = None,
    follow_up: FollowUp | None = None,
    conn: asyncpg.Connection | None = None,
) -> dict[str, Any]:
    """Apply ``action`` to one row; return the row after the change.

    ``changes`` are extra columns set with the new state (values, or ``now()`` via the string
    ``"now()"``). ``conn`` joins a caller's transaction instead of opening one; the refusal audit
    is then the caller's job (see ``audit_refusal``).
    """
    if conn is not None:
        return await _apply(conn, machine, entity_id, action, actor, guard, changes, follow_up)

    async def work(tx: asyncpg.Connection) -> dict[str, Any]:
        return await _apply(tx, machine, entity_id, action, actor, guard, changes, follow_up)

    return await refusals_audited(db, machine, entity_id, action, actor, work)


async def refusals_audited(
    db: Database,
    machine: StateMachine,
    entity_id: object,
    action: str,
    actor: Actor,
    work: Callable[[asyncpg.Connection], Awaitable[T]],
) -> T:
    """Run ``work`` in one transaction; a refusal rolls it back and leaves only a 'refused' audit row.

    For commands that apply several transitions (or one plus other changes) as a unit.
    """
    try:
        async with db.transaction() as tx:
            return await work(tx)
    except BackofficeError as refused:
        if not isinstance(refused, NotFound):
            await audit_refusal(db, machine, entity_id, action, actor, refused)
        raise


async def audit_refusal(
    db: Database, machine: StateMachine, entity_id: object, action: str, actor: Actor, error: BackofficeError
) -> None:
    await audit.record(
        db.pool,
        actor,
        f"{machine.entity}.{action}",
        machine.entity,
        entity_id,
        new={"refused": error.detail, "problem": error.type_uri},
        outcome="refused",
    )


async def _apply(
    conn: asyncpg.Connection,
    machine: StateMachine,
    entity_id: object,
    action: str,
    actor: Actor,
    guard: Guard | None,
    changes: Mapping[str, Any] | None,
    follow_up: FollowUp | None,
) -> dict[str, Any]:
    before = await conn.fetchrow(f"SELECT * FROM {machine.table} WHERE id = $1 FOR UPDATE", entity_id)
    if before is None:
        raise NotFound(f"{machine.entity} {entity_id} not found")
    new_state = machine.next_state(before[machine.state_column], action)
    if guard is not None:
        await guard(conn, before)

    assignments = [f"{machine.state_column} = $2", "updated_at = now()"]
    values: list[Any] = [entity_id, new_state]
    for column, value in (changes or {}).items():
        if value == "now()":
            assignments.append(f"{column} = now()")
        else:
            values.append(value)
            assignments.append(f"{column} = ${len(values)}")
    after = await conn.fetchrow(
        f"UPDATE {machine.table} SET {', '.join(assignments)} WHERE id = $1 RETURNING *", *values
    )
    assert after is not None
    changed = [machine.state_column, *(changes or {})]
    await audit.record(
        conn,
        actor,
        f"{machine.entity}.{action}",
        machine.entity,
        entity_id,
        old={c: before[c] for c in changed if c in before},
        new={c: after[c] for c in changed},
    )
    if follow_up is not None:
        await follow_up(conn, before, after)
    return dict(after)
