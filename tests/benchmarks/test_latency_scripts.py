"""The latency benchmark's callers: wording nobody tuned on, dates said as callers say them, Twilio's dial."""

from __future__ import annotations

import re
import subprocess
from datetime import date
from pathlib import Path

import pytest

from agent.voice_wiring import connect_twiml
from benchmarks.latency.dial import parse_connect_twiml
from benchmarks.latency.scripts import SCRIPTS, SEEDED_GUEST_NAME, spoken_date

ROOT = Path(__file__).resolve().parents[2]
OWN_FILES = {"benchmarks/latency/scripts.py", "tests/benchmarks/test_latency_scripts.py"}


def _phrases() -> list[str]:
    """Each caller turn's fixed wording (the parts between date placeholders), and the callers' names."""
    phrases = [SEEDED_GUEST_NAME, "Ingrid Valcourt", "Tobias Ferreira"]
    for script in SCRIPTS:
        for turn in script.turns:
            phrases += [part.strip(" ,.?") for part in re.split(r"\{\w+\}", turn.template) if len(part.strip()) > 12]
    return phrases


def _repository_texts() -> dict[str, str]:
    tracked = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                             capture_output=True, text=True, check=True).stdout.split()
    texts = {}
    for name in tracked:
        if name in OWN_FILES or name.startswith("benchmarks/results/"):  # results quote what the callers said
            continue
        path = ROOT / name
        if path.suffix in (".py", ".md", ".json", ".jsonl", ".txt", ".toml", ".yaml", ".yml", ".sql"):
            texts[name] = path.read_text(errors="replace").lower()
    return texts


def test_the_callers_wording_appears_nowhere_else_in_the_repository() -> None:
    texts = _repository_texts()
    found = [(phrase, name) for phrase in _phrases() for name, text in texts.items() if phrase.lower() in text]
    assert not found, f"benchmark wording found elsewhere: {found}"


def test_the_callers_wording_is_not_in_the_agents_prompts() -> None:
    prompts = pytest.importorskip("agent.prompts")
    corpus = getattr(prompts, "prompt_corpus", None)
    if corpus is None:
        pytest.skip("agent.prompts.prompt_corpus() is not there yet")
    text = corpus().lower()
    assert [p for p in _phrases() if p.lower() in text] == []


def test_dates_are_said_as_callers_say_them() -> None:
    assert spoken_date(date(2026, 12, 9)) == "December ninth"
    assert spoken_date(date(2027, 1, 22)) == "January twenty second"
    booking = next(s for s in SCRIPTS if s.name == "booking")
    assert "from December eleventh until December thirteenth" in booking.turns[0].text(date(2026, 11, 30))


def test_the_stream_and_its_parameters_come_from_the_twiml() -> None:
    twiml = connect_twiml("wss://hotel.example/twilio/media-stream?token=a%2Fb&x=1",
                          {"From": "+8801913000001", "To": "+8801700000000", "CallSid": "CA1", "token": "t<&>"})
    url, parameters = parse_connect_twiml(twiml)
    assert url == "wss://hotel.example/twilio/media-stream?token=a%2Fb&x=1"
    assert parameters == {"From": "+8801913000001", "To": "+8801700000000", "CallSid": "CA1", "token": "t<&>"}
    with pytest.raises(ValueError):
        parse_connect_twiml("<Response><Say>Closed</Say></Response>")
