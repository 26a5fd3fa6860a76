"""The words the caller's speech is biased towards: the hotel's own vocabulary.

Whisper tiny.en hears "suite" as "sweet" and a room type's name as near-homophones; the streaming
transcriber takes a word list as previous-context tokens (``pipeline.stt_streaming``). The list is
the hotel's: its name, its room types as they are in the database (read again at each call, so a
hotel seeded after start-up gets them), and the words guests use for its services.
"""

from __future__ import annotations

from backoffice.db import Database

# What callers say about a stay, beyond the room type names.
SERVICE_WORDS = ("check-in", "check-out", "late check-out", "suite", "housekeeping")


def hotel_vocabulary(hotel_name: str, room_type_names: list[str]) -> list[str]:
    return [hotel_name, *room_type_names, *SERVICE_WORDS]


async def room_type_names(db: Database) -> list[str]:
    rows = await db.pool.fetch("SELECT name FROM room_types ORDER BY base_rate, name")
    return [str(r["name"]) for r in rows]
