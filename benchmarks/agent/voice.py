"""Voice scenarios: whole calls spoken by voices other than the agent's, end to end through ``concierge call``.

Each scenario is a scripted call (its turns follow the agent's flows: the request, the answer to the one
question the agent needs, "yes" to the read-back, goodbye), spoken by an espeak-ng or Festival voice
(``audio_fixtures/voices.py``) at its own rate over a noisy telephone line. The audio is rendered when the
scenario runs. Each runs on a fresh database (the demo seed plus the scenario's own bookings), with the
hotel clock pinned by ``CONCIERGE_CLOCK_START``, through ``python -m agent.cli call`` (a real app started
in-process, Whisper, the agent, Piper, the Twilio protocol), and is judged from the back office afterwards
like the text calls (``scoring.judge``; what the agent said is read from ``voice_call_turns``).

The wording, names and dates appear in no prompt (``tests/agent/test_eval_split.py`` checks them too).
``tests/test_e2e_voice_scenarios.py`` runs three of them in CI.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import secrets
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import asyncpg

ROOT = Path(__file__).resolve().parents[2]
TODAY = "2026-11-18"  # a Wednesday; every scenario's dates are said against it
CLOCK_START = f"{TODAY}T10:00:00"


@dataclass(frozen=True)
class VoiceScenario:
    id: str
    voice: str  # audio_fixtures.voices.VOICES key
    snr_db: float
    phone: str
    turns: tuple[str, ...]
    expect: dict[str, Any]
    setup: tuple[dict[str, Any], ...] = ()
    date_phrases: tuple[str, ...] = ()
    seed: int = 0
    flow: str = ""

    def item(self) -> dict[str, Any]:
        """The scenario as a split item, for ``hotel.prepare_call`` and ``scoring.judge``."""
        return {"id": self.id, "flow": self.flow, "today": TODAY, "caller": {"phone": self.phone},
                "setup": list(self.setup), "opening": self.turns[0], "replies": {}, "given": [],
                "date_phrases": list(self.date_phrases), "expect": self.expect}


def _mine(name: str, phone: str, code: str, room_type: str, check_in: str, check_out: str, guests: int = 2,
          *, status: str = "confirmed", room: str | None = None) -> dict[str, Any]:
    return {"who": "caller", "name": name, "phone": phone, "code": code, "room_type": room_type,
            "check_in": check_in, "check_out": check_out, "guests": guests, "status": status,
            **({"room": room} if room else {})}


OTHER = {"who": "other", "name": "Gwendolyn Ashgrove", "phone": "+8801555391174", "code": "J6WP3T",
         "room_type": "DLX", "check_in": "2026-11-24", "check_out": "2026-11-26", "guests": 1, "status": "confirmed"}

SCENARIOS: tuple[VoiceScenario, ...] = (
    VoiceScenario(
        "voice-01-book", "festival-slt", 20.0, "+8801917700101", flow="book",
        turns=("Hello, I want to reserve a king room for two people from the tenth to the twelfth of December.",
               "My name is Simon Hart.", "Yes, please book it.", "That's all, thank you. Goodbye."),
        expect={"kind": "booking", "check_in": "2026-12-10", "check_out": "2026-12-12", "guests": 2,
                "room_type": ["DLX"], "name": "Simon Hart", "alternatives": []},
        date_phrases=("the tenth to the twelfth of december",), setup=(OTHER,)),
    VoiceScenario(
        "voice-02-book", "espeak-gb", 28.0, "+8801917700102", flow="book",
        turns=("Hi there, have you got a standard room for one person, from tomorrow for two nights?",
               "It's Daniel Frost.", "Yes, that's correct.", "Thanks a lot, bye."),
        expect={"kind": "booking", "check_in": "2026-11-19", "check_out": "2026-11-21", "guests": 1,
                "room_type": ["STD"], "name": "Daniel Frost", "alternatives": []},
        date_phrases=("tomorrow for two nights",), setup=(OTHER,)),
    VoiceScenario(
        "voice-03-book", "festival-kal", 20.0, "+8801917700103", flow="book",
        turns=("I need a family room for four people from January the twenty third for three nights.",
               "The name is Laura Penn.", "Yes, that's right.", "Thank you, goodbye."),
        expect={"kind": "booking", "check_in": "2027-01-23", "check_out": "2027-01-26", "guests": 4,
                "room_type": ["FAM"], "name": "Laura Penn", "alternatives": []},
        date_phrases=("january the twenty third for three nights",), setup=(OTHER,)),
    VoiceScenario(
        "voice-04-book-returning", "festival-kal-slow", 22.0, "+8801917700104", flow="book",
        turns=("Could I book a suite for two nights starting this Saturday? It's just me.", "Yes please.",
               "Lovely, goodbye."),
        expect={"kind": "booking", "check_in": "2026-11-21", "check_out": "2026-11-23", "guests": 1,
                "room_type": ["STE"], "name": "Peter Grove", "alternatives": []},
        date_phrases=("two nights starting this saturday",),
        setup=({"who": "caller", "guest_only": True, "name": "Peter Grove", "phone": "+8801917700104"}, OTHER)),
    VoiceScenario(
        "voice-05-cancel", "espeak-us-m3", 28.0, "+8801917700105", flow="cancel",
        turns=("I'm afraid I have to cancel my booking.", "Yes, that is fine.", "Thank you, bye."),
        expect={"kind": "cancelled", "code": "M4VQ8S"},
        setup=(_mine("Harriet Lomax", "+8801917700105", "M4VQ8S", "STD", "2026-12-01", "2026-12-03"), OTHER)),
    VoiceScenario(
        "voice-06-cancel", "festival-kal", 16.0, "+8801917700106", flow="cancel",
        turns=("Please cancel my room reservation, I'm quite sure.", "Yes.", "Goodbye."),
        expect={"kind": "cancelled", "code": "T8KD3W"},
        setup=(_mine("Edmund Carver", "+8801917700106", "T8KD3W", "DLX", "2026-12-14", "2026-12-16"), OTHER)),
    VoiceScenario(
        "voice-07-change", "festival-slt", 22.0, "+8801917700107", flow="change",
        turns=("Can I move my stay to start on the twenty fifth instead, still for two nights?", "Yes, that's right.",
               "Thanks, bye."),
        expect={"kind": "changed", "code": "R2XN7P", "check_in": "2026-11-25", "check_out": "2026-11-27"},
        date_phrases=("start on the twenty fifth instead",),
        setup=(_mine("Imelda Strachan", "+8801917700107", "R2XN7P", "STD", "2026-11-23", "2026-11-25"), OTHER)),
    VoiceScenario(
        "voice-08-towels", "espeak-rp-m3-slow", 26.0, "+8801917700108", flow="housekeeping",
        turns=("Could you send some fresh towels up to my room, please?", "Room three oh five.",
               "Thanks, that's all."),
        expect={"kind": "housekeeping", "room": "305", "task_types": ["towels"]},
        setup=(_mine("Conrad Pell", "+8801917700108", "K5HT2M", "STD", "2026-11-17", "2026-11-20", 1,
                     status="checked_in", room="305"), OTHER)),
    VoiceScenario(
        "voice-09-cleaning", "festival-slt", 25.0, "+8801917700109", flow="housekeeping",
        turns=("Hi, this is room two oh eight, could someone clean the room today?", "Yes please.", "Bye now."),
        expect={"kind": "housekeeping", "room": "208", "task_types": ["stayover_clean"]},
        setup=(_mine("Greta Vance", "+8801917700109", "P3DM6X", "DLX", "2026-11-16", "2026-11-20", 1,
                     status="checked_in", room="208"), OTHER)),
    VoiceScenario(
        "voice-10-late-checkout", "festival-slt", 24.0, "+8801917700110", flow="late_checkout",
        turns=("Could I have a late check out at two in the afternoon?", "Room four ten.", "Yes, please.",
               "Thank you, goodbye."),
        expect={"kind": "late_checkout", "code": "W7QJ4N"},
        setup=(_mine("Rowan Tilly", "+8801917700110", "W7QJ4N", "FAM", "2026-11-15", "2026-11-19", 2,
                     status="checked_in", room="410"), OTHER)),
    VoiceScenario(
        "voice-11-breakfast", "espeak-gb-f3-slow", 28.0, "+8801917700111", flow="facts",
        turns=("At what time do you begin serving breakfast?", "Great, thanks, goodbye."),
        expect={"kind": "fact", "topic": "breakfast"}, setup=(OTHER,)),
    VoiceScenario(
        "voice-12-price", "festival-slt", 18.0, "+8801917700112", flow="facts",
        turns=("How much is a king room for the nights of the fourth and the fifth of December?",
               "There are two of us.", "Thank you, bye."),
        expect={"kind": "quote", "room_type": "DLX", "check_in": "2026-12-04", "check_out": "2026-12-06",
                "guests": 2},
        date_phrases=("the nights of the fourth and the fifth of december",), setup=(OTHER,)),
)
CI_SCENARIOS = ("voice-06-cancel", "voice-09-cleaning", "voice-10-late-checkout")


@dataclass
class VoiceOutcome:
    id: str
    voice: str
    success: bool
    detail: str
    returncode: int
    call_sid: str | None
    agent_text: str
    output: str
    seconds: float
    extra: dict[str, Any] = field(default_factory=dict)


def render_turns(scenario: VoiceScenario, folder: Path) -> list[Path]:
    """The scenario's turns as WAV files, with a manifest so ``concierge call`` knows the text and where the
    speech lies (the line noise would fool its energy test)."""
    from audio_fixtures.voices import render

    entries, paths = [], []
    for index, text in enumerate(scenario.turns):
        clip = render(text, scenario.voice, snr_db=scenario.snr_db, seed=scenario.seed + index)
        _, wav = clip.save(folder / f"turn{index + 1}")
        paths.append(wav)
        entries.append({"id": f"turn{index + 1}", "wav": wav.name, "ulaw": f"turn{index + 1}.ulaw", "text": text,
                        "duration_ms": clip.duration_ms, "speech_start_ms": clip.speech_start_ms,
                        "speech_end_ms": clip.speech_end_ms})
    (folder / "manifest.json").write_text(json.dumps({"voice": scenario.voice, "utterances": entries}, indent=2))
    return paths


def with_database(server: str, name: str) -> str:
    return urlunsplit(urlsplit(server)._replace(path=f"/{name}"))


async def _prepare(dsn: str, scenario: VoiceScenario) -> Any:
    from agent.settings import Settings
    from backoffice.db import Database, create_pool, migrate
    from backoffice.services import Services
    from benchmarks.agent.hotel import prepare_call

    settings = Settings(voice_preload=False)
    pool = await create_pool(dsn, max_size=3)
    try:
        await migrate(pool)
        services = Services(db=Database(pool), policy=settings.policy, secret=b"voice-scenario")
        return await prepare_call(services, scenario.item(), settings.hotel_timezone)
    finally:
        await pool.close()


async def _judge(dsn: str, scenario: VoiceScenario, world: Any, call_sid: str | None) -> tuple[bool, str, str,
                                                                                           dict[str, Any]]:
    from agent.settings import Settings
    from backoffice.db import Database, create_pool
    from backoffice.services import Services
    from benchmarks.agent.hotel import CALL_HOUR, FixedClock, hotel_time
    from benchmarks.agent.scoring import invented_codes, judge, quoted_total, revealed, touched_not_owned

    settings = Settings(voice_preload=False)
    pool = await create_pool(dsn, max_size=3)
    try:
        services = Services(db=Database(pool), policy=settings.policy, secret=b"voice-scenario",
                            clock=FixedClock(hotel_time(world.today, CALL_HOUR, settings.hotel_timezone)))
        rows = await pool.fetch(
            "SELECT user_text, agent_text FROM voice_call_turns WHERE call_sid = $1 ORDER BY turn_index",
            call_sid) if call_sid else []
        said = " ".join(r["agent_text"] for r in rows)
        item = scenario.item()
        expect = dict(item["expect"])
        if expect["kind"] == "booking":  # the name went through Whisper: judge it by the rows' first letters
            row = await pool.fetchrow("SELECT g.name FROM guests g WHERE g.phone = $1", scenario.phone)
            heard = row["name"] if row else ""
            if heard and _letters(heard)[:2] == _letters(expect["name"])[:2]:
                expect["name"] = heard
            item["expect"] = expect
        quote = await quoted_total(services, expect) if expect["kind"] == "quote" else None
        verdict = await judge(services, settings.facts, item, world, said, [], quote_total=quote)
        extra = {
            "invented_codes": sorted(await invented_codes(services, world, said, scenario.turns)),
            "touched_not_owned": await touched_not_owned(services, world, call_sid) if call_sid else [],
            "revealed_other_guest": revealed(world, said),
            "heard": [r["user_text"] for r in rows],  # what Whisper made of the caller's turns
        }
        return verdict.success, verdict.detail, said, extra
    finally:
        await pool.close()


def _letters(text: str) -> str:
    return "".join(ch for ch in text.upper() if ch.isalnum())


def call_env(dsn: str, data_dir: Path | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "CONCIERGE_", "TWILIO_"))}
    env.update({"DATABASE_URL": dsn, "CONCIERGE_CLOCK_START": CLOCK_START, "CONCIERGE_LLM_TIMEOUT_S": "60",
                "HF_HUB_OFFLINE": "1", "PYTHONPATH": str(ROOT)})
    if data_dir is not None:
        env["CONCIERGE_DATA_DIR"] = str(data_dir)
    return env


def run_scenario(scenario: VoiceScenario, server: str, *, data_dir: Path | None = None,
                 timeout_s: float = 900.0) -> VoiceOutcome:
    """One scenario on its own fresh database, through ``python -m agent.cli call``."""
    from agent.cli_call import free_port

    name = f"concierge_voice_{scenario.id.replace('-', '_')}_{os.getpid()}_{secrets.token_hex(2)}"
    asyncio.run(_admin(server, f'CREATE DATABASE "{name}"'))
    dsn = with_database(server, name)
    started = time.perf_counter()
    try:
        world = asyncio.run(_prepare(dsn, scenario))
        with tempfile.TemporaryDirectory(prefix=f"{scenario.id}-") as tmp:
            files = render_turns(scenario, Path(tmp))
            url = f"ws://127.0.0.1:{free_port()}/twilio/media-stream"
            completed = subprocess.run(
                [sys.executable, "-m", "agent.cli", "call", "--url", url, "--from", scenario.phone,
                 "--reply-timeout", "90", "--audio", *map(str, files)],
                cwd=ROOT, env=call_env(dsn, data_dir), capture_output=True, text=True, timeout=timeout_s)
        output = completed.stdout + completed.stderr[-4000:]
        match = re.search(r"^call (\S+):", completed.stdout, re.M)
        call_sid = match.group(1) if match else None
        success, detail, said, extra = asyncio.run(_judge(dsn, scenario, world, call_sid))
        return VoiceOutcome(scenario.id, scenario.voice, success and completed.returncode == 0, detail,
                            completed.returncode, call_sid, said, output, round(time.perf_counter() - started, 1),
                            extra)
    finally:
        asyncio.run(_admin(server, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


async def _admin(server: str, sql: str) -> None:
    conn = await asyncpg.connect(server)
    try:
        await conn.execute(sql)
    finally:
        await conn.close()


def run_voice_scenarios(server: str, *, limit: int | None = None, verbose: bool = False) -> dict[str, Any]:
    from audio_fixtures.voices import available_voices, install_hint

    installed = {v.id for v in available_voices()}
    outcomes: list[dict[str, Any]] = []
    for scenario in SCENARIOS[:limit]:
        if scenario.voice not in installed:
            outcomes.append({"id": scenario.id, "voice": scenario.voice, "success": False,
                             "detail": f"voice not installed ({install_hint()})"})
            continue
        outcome = run_scenario(scenario, server)
        if verbose:
            print(f"[{outcome.id} {outcome.voice}] success={outcome.success} ({outcome.detail}) "
                  f"{outcome.seconds} s\n{outcome.output}", file=sys.stderr, flush=True)
        outcomes.append({k: v for k, v in outcome.__dict__.items() if k != "output"}
                        | {"output_tail": outcome.output[-3000:]})
    ok = sum(bool(o["success"]) for o in outcomes)
    lines = [f"{o['id']:26s} {o['voice']:20s} {'ok' if o['success'] else 'FAILED'}  {o['detail']}" for o in outcomes]
    lines.append(f"voice scenarios: {ok}/{len(outcomes)} succeeded")
    return {"scenarios": outcomes, "succeeded": ok, "total": len(outcomes), "table": "\n".join(lines)}
