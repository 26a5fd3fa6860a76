"""Double-entry ledger: folios and balances. (Postings are added by the front-desk module.)"""

from __future__ import annotations

from decimal import Decimal
from uuid import UUID

import asyncpg


async def folio_balance(conn: asyncpg.Connection | asyncpg.Pool, reservation_id: UUID) -> Decimal:
    """What the guest owes (positive) or is owed (negative): the sum of the guest_folio account."""
    balance = await conn.fetchval(
        """SELECT coalesce(sum(amount), 0) FROM ledger_entries
           WHERE reservation_id = $1 AND account = 'guest_folio'""",
        reservation_id,
    )
    return Decimal(balance)
