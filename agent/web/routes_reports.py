"""Reports: KPIs, the audit trail and the ledger's trial balance (thin HTTP over ``backoffice``)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any, Literal
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from agent.web.api import Call, Empty
from agent.web.keys import SERVICES
from agent.web.registry import api
from backoffice import ledger, reports

TAG = "reports"
PRINTABLE = r"^[^\x00-\x1f]*$"  # PostgreSQL text cannot hold NUL; control characters are never valid here


class _FromAttributes(BaseModel):
    model_config = ConfigDict(from_attributes=True)


class KpiQuery(BaseModel):
    start: date = Field(alias="from", description="First night of the range")
    end: date = Field(alias="to", description="Night after the last one: the range is [from, to)")


class KpisOut(_FromAttributes):
    start: date = Field(description="First night (from)")
    end: date = Field(description="Excluded end (to)")
    currency: str
    rooms: int
    nights: int
    room_nights_available: int = Field(description="rooms x nights - out-of-order room-nights")
    out_of_order_room_nights: int
    room_nights_sold: int
    room_revenue: Decimal = Field(description="Pre-tax room revenue of the nights sold, from the stored quotes")
    occupancy: Decimal | None = Field(description="room-nights sold / available (0.75 = 75 %)")
    adr: Decimal | None = Field(description="Average daily rate: room revenue / room-nights sold")
    revpar: Decimal | None = Field(description="Room revenue / room-nights available")
    stays: int
    stay_nights: int
    alos: Decimal | None = Field(description="Average length of stay of stays arriving in the range")
    reservations: int
    cancellations: int
    cancellation_rate: Decimal | None
    arrivals_due: int
    no_shows: int
    no_show_rate: Decimal | None


class AuditQuery(BaseModel):
    entity_type: str | None = Field(default=None, min_length=1, max_length=64, pattern=PRINTABLE)
    entity_id: str | None = Field(default=None, min_length=1, max_length=200, pattern=PRINTABLE)
    actor_type: Literal["user", "system", "call", "guest"] | None = None
    action: str | None = Field(default=None, min_length=1, max_length=100, pattern=PRINTABLE)
    limit: int = Field(default=100, ge=1, le=1000)


class AuditEntryOut(_FromAttributes):
    id: UUID
    created_at: datetime
    actor_type: str
    actor_id: str
    user_id: UUID | None
    action: str
    entity_type: str
    entity_id: str
    outcome: Literal["applied", "refused"]
    old_values: dict[str, Any] | None
    new_values: dict[str, Any] | None


class AuditOut(BaseModel):
    entries: list[AuditEntryOut]


class AccountOut(_FromAttributes):
    account: str
    currency: str
    debits: Decimal
    credits: Decimal
    balance: Decimal = Field(description="debits - credits")


class TrialBalanceOut(BaseModel):
    accounts: list[AccountOut]
    totals: dict[str, Decimal] = Field(description="Per currency; zero when the books balance")
    balanced: bool


@api.route("GET", "/api/v1/reports/kpis", summary="Occupancy, ADR, RevPAR, ALOS, cancellation and no-show rates",
           tag=TAG, scope="reports", query=KpiQuery, response=KpisOut)
async def get_kpis(call: Call[Empty, KpiQuery, Any]) -> KpisOut:
    """Definitions: see ``backoffice/reports.py`` (and the README). Ratios are null when undefined."""
    services = call.app[SERVICES]
    return KpisOut.model_validate(
        await reports.kpis(services.db.pool, services.policy, call.query.start, call.query.end))


@api.route("GET", "/api/v1/audit", summary="The audit trail, newest first", tag=TAG, scope="audit",
           query=AuditQuery, response=AuditOut)
async def get_audit(call: Call[Empty, AuditQuery, Any]) -> AuditOut:
    q = call.query
    entries = await reports.audit_trail(call.app[SERVICES].db.pool, entity_type=q.entity_type,
                                        entity_id=q.entity_id, actor_type=q.actor_type, action=q.action,
                                        limit=q.limit)
    return AuditOut(entries=[AuditEntryOut.model_validate(e) for e in entries])


@api.route("GET", "/api/v1/ledger/trial-balance", summary="Per-account sums of the ledger", tag=TAG,
           scope="reports", response=TrialBalanceOut)
async def get_trial_balance(call: Call[Empty, Empty, Any]) -> TrialBalanceOut:
    balance = await ledger.trial_balance(call.app[SERVICES].db.pool)
    return TrialBalanceOut(accounts=[AccountOut.model_validate(a) for a in balance.accounts],
                           totals=balance.totals, balanced=balance.balanced)
