"""Hotel policy and facts handed to the back office (it never reads settings itself)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from zoneinfo import ZoneInfo


@dataclass(frozen=True)
class HotelPolicy:
    """The rules the back office applies: money, time zone, hold length, arrival and departure times."""

    timezone: ZoneInfo
    currency: str = "BDT"
    tax_rate: Decimal = Decimal("0.15")
    weekend_uplift: Decimal = Decimal("0.15")
    hold_minutes: int = 30
    # Nights that get the weekend uplift, as Python weekdays (Mon=0): Friday and Saturday in Bangladesh.
    weekend_weekdays: tuple[int, ...] = (4, 5)
    check_in_time: time = time(14, 0)
    check_out_time: time = time(12, 0)
    # Call transcripts, caller numbers and names are redacted this many days after the call.
    retention_days: int = 90

    def today(self, now: datetime | None = None) -> date:
        """The hotel's calendar date (not the server's): what 'today' means at the front desk."""
        moment = now if now is not None else datetime.now(self.timezone)
        return moment.astimezone(self.timezone).date()


@dataclass(frozen=True)
class HotelFacts:
    """What the agent may tell a caller."""

    name: str
    address: str
    phone: str
    check_in_time: time
    check_out_time: time
    wifi: str
    parking: str
    breakfast: str
    pets: str
