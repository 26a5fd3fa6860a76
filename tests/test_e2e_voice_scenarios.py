"""Issue 8's voice scenarios in CI: callers in voices that are not the agent's, over a noisy phone line.

Three of the benchmark's voice scenarios (``benchmarks/agent/voice.py``: a booking, a cancellation, a
housekeeping request), each on a fresh database seeded with the demo hotel and the caller's own bookings,
spoken by espeak-ng or Festival (rendered now, ``audio_fixtures/voices.py``) and played through
``concierge call`` against the real app started in-process: Whisper, the embedded model and Piper, with
the hotel clock pinned. Afterwards the back office must hold what the caller asked for, and the call must
have invented no confirmation code and touched no other guest's booking.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from audio_fixtures.voices import install_hint
from benchmarks.agent.voice import CI_SCENARIOS, SCENARIOS, run_scenario
from tests.conftest import _server_dsn

ROOT = Path(__file__).resolve().parents[1]
BY_ID = {s.id: s for s in SCENARIOS}


@pytest.mark.slow
@pytest.mark.parametrize("scenario_id", CI_SCENARIOS)
def test_a_caller_in_another_voice_gets_their_task_done_in_the_back_office(scenario_id: str) -> None:
    scenario = BY_ID[scenario_id]
    engine = "espeak-ng" if scenario.voice.startswith("espeak") else "text2wave"
    if shutil.which(engine) is None:
        message = f"{engine} is not installed ({install_hint()}; .ci/run does this)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    # The bundled models are joined into this data folder once; the other end-to-end test shares it.
    outcome = run_scenario(scenario, _server_dsn(), data_dir=ROOT / "var" / "e2e-data")
    print(outcome.output)  # the conversation, shown by pytest when an assertion below fails
    assert outcome.returncode == 0, outcome.output
    assert outcome.success, f"{scenario.id} ({scenario.voice}): {outcome.detail}\n{outcome.output}"
    assert outcome.extra["invented_codes"] == [], outcome.extra
    assert outcome.extra["touched_not_owned"] == [], outcome.extra
    assert outcome.extra["revealed_other_guest"] == [], outcome.extra
