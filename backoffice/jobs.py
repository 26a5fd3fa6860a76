"""Background jobs: hold sweeper, night audit, outbox relay. Each run is one short transaction."""

from __future__ import annotations

import asyncio
import logging

from backoffice.services import Services

log = logging.getLogger(__name__)

SWEEP_INTERVAL_S = 30.0


async def run_once(services: Services) -> None:
    """One pass of every periodic job (tests call this directly)."""


async def run_forever(services: Services, interval_s: float = SWEEP_INTERVAL_S) -> None:
    while True:
        try:
            await run_once(services)
        except Exception:
            log.exception("background job pass failed; retrying in %.0f s", interval_s)
        await asyncio.sleep(interval_s)
