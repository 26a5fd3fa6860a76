"""Issue 4's acceptance call: a caller books a room by voice, with nothing configured but a database.

`concierge call --audio` phones the real app (started in-process, as a newcomer would run it) with
the recorded booking fixtures: the embedded model, Whisper, Piper and the back office do the rest.
The reservation must be in PostgreSQL, and what the agent said (its own text, and what the caller
heard, transcribed from the audio) must carry the dates, the price and the confirmation code that
the database holds.
"""

from __future__ import annotations

import asyncio
import os
import re
import secrets
import subprocess
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import asyncpg
import pytest

from agent.cli_call import free_port
from tests.conftest import _server_dsn, _with_database
from tools.spoken import say_code, say_money

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "audio_fixtures"
CALLER = "+8801711999888"
# "December third to December fifth" is said on the 25th of November: the hotel clock is pinned there.
CLOCK_START = "2026-11-25T10:00:00"
TURNS = ("book_room.wav", "yes_please.wav", "my_name.wav", "yes_please.wav", "thanks_bye.wav")


def _letters(text: str) -> str:
    return "".join(ch for ch in text.upper() if ch.isalnum())


async def _admin(server: str, sql: str) -> None:
    conn = await asyncpg.connect(server)
    try:
        await conn.execute(sql)
    finally:
        await conn.close()


async def _rows(dsn: str, sql: str, *args: Any) -> list[asyncpg.Record]:
    conn = await asyncpg.connect(dsn)
    try:
        return list(await conn.fetch(sql, *args))
    finally:
        await conn.close()


@pytest.fixture
def fresh_database() -> Any:
    """A database of its own: the call's server migrates and the demo seed fills it, as on a new install."""
    server = _server_dsn()
    name = f"concierge_e2e_call_{os.getpid()}_{secrets.token_hex(3)}"
    asyncio.run(_admin(server, f'CREATE DATABASE "{name}"'))
    yield _with_database(server, name)
    asyncio.run(_admin(server, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@pytest.mark.slow
def test_a_caller_books_a_room_by_voice_and_hears_what_the_database_holds(fresh_database: str) -> None:
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "CONCIERGE_", "TWILIO_"))},
        "DATABASE_URL": fresh_database,
        # The bundled models are joined into the data folder once; keep them between runs.
        "CONCIERGE_DATA_DIR": str(ROOT / "var" / "e2e-data"),
        "CONCIERGE_CLOCK_START": CLOCK_START,
        "CONCIERGE_LLM_TIMEOUT_S": "60",  # a busy CI machine is slow, not broken
        "HF_HUB_OFFLINE": "1",
    }
    concierge = [sys.executable, "-m", "agent.cli"]
    seeded = subprocess.run([*concierge, "db", "seed", "--demo"], cwd=ROOT, env=env, capture_output=True,
                            text=True, timeout=120)
    assert seeded.returncode == 0, seeded.stderr

    url = f"ws://127.0.0.1:{free_port()}/twilio/media-stream"
    completed = subprocess.run(
        [*concierge, "call", "--url", url, "--from", CALLER, "--reply-timeout", "90",
         "--audio", *(str(FIXTURES / turn) for turn in TURNS)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=900,
    )
    out = completed.stdout
    print(out)  # the conversation, shown by pytest when an assertion below fails
    assert completed.returncode == 0, out + completed.stderr

    booked = asyncio.run(_rows(
        fresh_database,
        """SELECT r.confirmation_code, r.status, r.check_in, r.check_out, r.guests, r.amount, r.currency, g.name
           FROM reservations r JOIN guests g ON g.id = r.guest_id WHERE g.phone = $1""",
        CALLER,
    ))
    assert len(booked) == 1, f"expected one reservation, got {booked}\n{out}"
    reservation = booked[0]
    assert (reservation["check_in"], reservation["check_out"]) == (date(2026, 12, 3), date(2026, 12, 5))
    assert reservation["guests"] == 2 and reservation["status"] == "hold"
    # The name is what Whisper tiny.en made of "Rahim Uddin" (it has written "Rahim Adhan"): it must
    # be the name read back to the caller, which the caller then said yes to.
    assert _letters(reservation["name"]).startswith("RA")
    code: str = reservation["confirmation_code"]
    price = say_money(Decimal(reservation["amount"]), reservation["currency"])  # "22,482.50 taka", as said

    # What the agent said, from the call's own record: the text it spoke, exactly.
    said = " ".join(r["agent_text"] for r in asyncio.run(_rows(
        fresh_database, "SELECT agent_text FROM voice_call_turns ORDER BY created_at, turn_index")))
    assert say_code(code) in said, said
    assert price in said, said
    assert "December 3rd" in said and "December 5th" in said, said
    assert reservation["name"] in said, said

    # What the caller heard, transcribed from the audio by Whisper tiny.en: a weak listener for spelled
    # codes and prices ("X L 5 N U 3" came out as "XL 5th and U3", "21,066.25" as "21,16.25", "T K H Y Z A"
    # as "CODIS-T-K-H-Y-Z-A", "U N 8 Q U U" as "UN, AQU"). Of 80 random codes said by Piper and heard by it
    # (a one-off measurement, in the issue 8 notes) it got 52 exact and 73 with one character lost:
    # a check of one lost character failed this test about one run in eleven. So the code is looked for
    # after "confirmation", with number words as digits and the letters it confuses (Z/C, V/B, 8/A, D/T,
    # M/N) as one, and two of its six characters may be lost; the exact words are checked above, in the
    # agent's own record.
    agent_lines = [line.split(":", 1)[1] for line in out.splitlines() if line.startswith("agent")]
    confirmation = next((line for line in agent_lines if "confirmation" in line.lower()), "")
    assert confirmation, f"no confirmation code heard:\n{out}"
    after_code = _as_heard(confirmation.lower().split("confirmation", 1)[1])[: len(code) + 10]
    assert _in_order(_as_heard(code), after_code) >= len(code) - 2, f"code {code} not heard in: {confirmation}"
    # The price's digits likewise, in order after the dates, one of them may be lost ("13,598.75" has
    # come out as "3598.75").
    digits = "".join(ch for ch in f"{Decimal(reservation['amount']):.2f}" if ch.isdigit())
    after_dates = re.split(r"December (?:5|fifth)\w*", confirmation, flags=re.I)[-1]
    heard_digits = "".join(ch for ch in after_dates if ch.isdigit())
    assert _in_order(digits, heard_digits) >= len(digits) - 1, f"price {price} not heard in: {confirmation}"
    assert re.search(r"December (3|third)", confirmation, re.I), confirmation
    assert re.search(r"December (5|fifth)", confirmation, re.I), confirmation


_NUMBER_WORDS = {"zero": "0", "oh": "0", "one": "1", "two": "2", "to": "2", "too": "2", "three": "3", "four": "4",
                 "for": "4", "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9"}
# Characters Whisper tiny.en writes for one another when Piper spells a code over an 8 kHz line.
_SOUND_ALIKE = {char: group[0] for group in ("BVP", "CZ", "DT", "8A", "MN", "FS", "QU") for char in group}


def _as_heard(text: str) -> str:
    """Letters and digits, number words as digits, sound-alike characters folded together."""
    text = re.sub(r"[a-z]+", lambda word: _NUMBER_WORDS.get(word.group(0), word.group(0)), text.lower())
    return "".join(_SOUND_ALIKE.get(char, char) for char in text.upper() if char.isalnum())


def _in_order(expected: str, heard: str) -> int:
    """How many characters of ``expected`` ``heard`` has, in order (longest common subsequence)."""
    best = [0] * (len(heard) + 1)
    for char in expected:
        previous_diagonal = 0
        for index, other in enumerate(heard, start=1):
            above = best[index]
            best[index] = previous_diagonal + 1 if char == other else max(best[index], best[index - 1])
            previous_diagonal = above
    return best[-1]
