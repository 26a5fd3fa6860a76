"""One outbox relay pass in a process of its own, for tests that kill it mid-send.

``python -m tests.fakes.relay_process DSN TWILIO_BASE_URL ACCOUNT_SID AUTH_TOKEN FROM CLOCK_ISO``
"""

from __future__ import annotations

import asyncio
import sys
from datetime import datetime
from pathlib import Path

from agent.messaging import build_messenger
from agent.settings import Settings
from backoffice import outbox, outbox_handlers  # noqa: F401  (registers the handlers, as the server does)
from backoffice.db import Database, create_pool
from backoffice.services import Services


async def main(dsn: str, base_url: str, sid: str, token: str, from_number: str, moment: str) -> None:
    settings = Settings(data_dir=Path("/nonexistent"), secret_key="test-secret-key-of-at-least-32-bytes",  # type: ignore[arg-type]
                        twilio_api_base_url=base_url, TWILIO_ACCOUNT_SID=sid,  # type: ignore[call-arg]
                        TWILIO_AUTH_TOKEN=token, TWILIO_FROM_NUMBER=from_number)
    db = Database(await create_pool(dsn, max_size=4))
    now = datetime.fromisoformat(moment)
    services = Services(db=db, policy=settings.policy, secret=settings.resolved_secret_key(), clock=lambda: now)
    services.messenger, _ = build_messenger(settings)
    print("relaying", flush=True)
    await outbox.relay_once(services)


if __name__ == "__main__":
    asyncio.run(main(*sys.argv[1:7]))
