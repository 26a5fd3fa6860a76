"""A burst of staff logins (real scrypt) does not stall a live call's audio on the same server (issue 9)."""

from __future__ import annotations

import asyncio

import aiohttp
import pytest

from backoffice.auth import ScryptParams, hash_password
from backoffice.db import Database
from tests.pipeline.conftest import VoiceServer
from tests.pipeline.fake_twilio import FakeTwilioCall
from tests.pipeline.test_call import ws_url

pytestmark = pytest.mark.slow


async def test_a_call_keeps_its_pace_while_forty_logins_hash(voice_server: VoiceServer, http: aiohttp.ClientSession,
                                                             db: Database) -> None:
    older = hash_password("correct-horse", ScryptParams(n=2**14, r=8, p=1))  # still verified, ~45 ms each
    await db.pool.executemany(
        "INSERT INTO users (email, name, role, password_hash) VALUES ($1, 'U', 'front_desk', $2)",
        [(f"pace{i}@test.hotel", older) for i in range(40)])
    base, _ = await voice_server()
    async with FakeTwilioCall(http, ws_url(base)) as call, aiohttp.ClientSession() as logins:
        await call.wait_for(lambda: len(call.received.media) > 0)  # the greeting has started to play
        loop = asyncio.get_running_loop()
        started, first_frame = loop.time(), len(call.received.media)

        async def login(i: int) -> int:
            async with logins.post(f"{base}/api/v1/auth/login",
                                   json={"email": f"pace{i}@test.hotel", "password": "wrong"}) as response:
                return response.status

        statuses = await asyncio.gather(*(login(i) for i in range(40)))
        elapsed = loop.time() - started
        await call.send_silence(1.0)
        await call.stop()
    assert sorted(set(statuses)) == [401], statuses
    during = [arrival for arrival, _ in call.received.media[first_frame:] if arrival <= started + elapsed]
    gaps = [b - a for a, b in zip(during, during[1:], strict=False)]
    assert len(during) >= 5, f"only {len(during)} audio frames arrived during {elapsed:.2f} s of logins"
    assert max(gaps) < 0.3, f"the call's audio stalled {max(gaps) * 1000:.0f} ms while logins hashed"
