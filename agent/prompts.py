"""Every text the model is shown, in one place: the command catalogue (``agent.dialogue.commands``).

There is no per-day or per-hotel prompt any more: dates, room types and prices are read by code
from the caller's words and the database, so the prompt never changes while the server runs and
is evaluated once. ``prompt_corpus`` is what the evaluation's contamination test reads: no
utterance, name or date of the frozen test split may appear in it.
"""

from __future__ import annotations

from agent.dialogue import commands


def prompt_corpus() -> str:
    """All text that can reach a model prompt."""
    return commands.prompt_text()
