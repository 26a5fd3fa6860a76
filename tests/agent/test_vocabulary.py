"""The transcriber is biased towards the hotel's own words, read from the database at each call."""

from __future__ import annotations

from pathlib import Path

import pytest
from aiohttp.test_utils import TestServer

from agent import voice_wiring
from agent.app import create_app
from agent.vocabulary import SERVICE_WORDS, hotel_vocabulary, room_type_names
from backoffice.db import Database
from tests.factories import make_room_type
from tests.pipeline.conftest import voice_settings


async def test_the_vocabulary_is_the_hotels_name_room_types_and_services(db: Database) -> None:
    assert await room_type_names(db) == []
    await make_room_type(db, "STE", rate="18000.00")
    await make_room_type(db, "STD", rate="5500.00", floor=2)
    names = await room_type_names(db)
    assert names == ["Std room", "Ste room"]  # cheapest first
    words = hotel_vocabulary("Harbour Inn", names)
    assert words[:3] == ["Harbour Inn", "Std room", "Ste room"]
    assert "suite" in words and "check-in" in words and set(SERVICE_WORDS) <= set(words)


@pytest.mark.slow
async def test_each_call_reads_the_room_types_seeded_after_start(db: Database, tmp_path: Path) -> None:
    settings = voice_settings(tmp_path, voice_preload=False, hotel_name="Harbour Inn", stt_vocabulary=True)
    app = create_app(settings, database=db, run_jobs=False, voice=False)
    voice_wiring.install(app, settings, responder_factory=voice_wiring.echo_factory)
    server = TestServer(app, host="127.0.0.1")
    await server.start_server()
    whisper = None
    try:
        runtime = app[voice_wiring.RUNTIME]
        whisper = (await runtime.models()).whisper
        assert "Harbour Inn" in whisper.vocabulary and not any("room" in w for w in whisper.vocabulary)
        await make_room_type(db, "FAM", rate="11000.00")  # the hotel is seeded while the server runs
        await runtime.models()  # what the next call's websocket does first
        assert "Fam room" in whisper.vocabulary
    finally:
        if whisper is not None:
            whisper.vocabulary = ()  # the models are shared by the whole test process
        await server.close()
