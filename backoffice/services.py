"""The back office's dependencies, bundled once at start-up and handed to every command."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from backoffice.db import Database
from backoffice.doorlock import DoorLock, SimulatedDoorLock
from backoffice.messaging import Messenger
from backoffice.payment_config import PaymentSettings
from backoffice.policy import HotelPolicy


def _utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass
class Services:
    """What a back-office command may use. The clock is injected so tests can move time."""

    db: Database
    policy: HotelPolicy
    secret: bytes
    payments: PaymentSettings = field(default_factory=PaymentSettings)  # wallet gateways; none by default
    clock: Callable[[], datetime] = _utc_now
    door_lock: DoorLock = field(default_factory=SimulatedDoorLock)
    messenger: Messenger = field(default_factory=Messenger)  # follow-up channels; the sink by default

    def now(self) -> datetime:
        return self.clock()

    def today(self) -> date:
        """The hotel's calendar date."""
        return self.policy.today(self.clock())
