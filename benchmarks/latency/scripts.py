"""What the benchmark's callers say: multi-turn calls that follow the agent's behaviour contract.

Each script is one call. Every caller turn is tagged with the kind of answer it waits for, and the
latency is reported per kind:

* ``fact``: a hotel fact or a price (parking, check-in time, pets, "how much is a suite on ...");
* ``booking``: a step of a booking dialogue, or the "yes" that makes a change (dates, guests, room
  type, name, confirm, cancel confirmed);
* ``lookup``: the caller's own booking, found by the calling number (read it back, "cancel it");
* ``other``: the goodbye.

The wording, names and dates are the benchmark's own and appear nowhere else in the repository
(``tests/benchmarks/test_latency_scripts.py`` checks that), so no prompt or example was tuned on them.
Dates are said as a caller would ("December ninth"), relative to the hotel's today, so the calls
mean the same on any day the benchmark runs.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

TurnKind = Literal["fact", "booking", "lookup", "other"]
KINDS: tuple[TurnKind, ...] = ("fact", "booking", "lookup", "other")

_ORDINALS = (
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
    "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth",
    "twentieth", "twenty first", "twenty second", "twenty third", "twenty fourth", "twenty fifth", "twenty sixth",
    "twenty seventh", "twenty eighth", "twenty ninth", "thirtieth", "thirty first",
)


def spoken_date(day: date) -> str:
    """2026-12-09 -> 'December ninth'."""
    return f"{day.strftime('%B')} {_ORDINALS[day.day - 1]}"


@dataclass(frozen=True)
class ScriptTurn:
    kind: TurnKind
    template: str  # may use {arrive}, {leave}, {night}

    def text(self, today: date) -> str:
        return self.template.format(
            arrive=spoken_date(today + timedelta(days=11)),
            leave=spoken_date(today + timedelta(days=13)),
            night=spoken_date(today + timedelta(days=17)),
        )


@dataclass(frozen=True)
class Script:
    name: str
    turns: tuple[ScriptTurn, ...]
    # The caller's number already has a booking (seeded before the calls through the staff API).
    caller_has_booking: bool = False


SCRIPTS: tuple[Script, ...] = (
    Script("facts", (
        ScriptTurn("fact", "Hi there, is there somewhere I can leave my car overnight?"),
        ScriptTurn("fact", "And what is the earliest I could get into my room?"),
        ScriptTurn("fact", "Would my little terrier be allowed to stay with me?"),
        ScriptTurn("fact", "How much would the suite run me for the night of {night}?"),
        ScriptTurn("other", "Okay, many thanks, have a lovely evening."),
    )),
    Script("lookup", (
        ScriptTurn("lookup", "Hello, could you remind me which dates my stay is booked for?"),
        ScriptTurn("lookup", "My plans fell through, so I would like to call the whole thing off."),
        ScriptTurn("booking", "Yes, I am certain, go ahead and cancel."),
        ScriptTurn("other", "Thanks for sorting that out, goodbye."),
    ), caller_has_booking=True),
    Script("booking", (
        ScriptTurn("booking", "Good afternoon, I am hoping to reserve a room from {arrive} until {leave}."),
        ScriptTurn("booking", "There will be three grown ups."),
        ScriptTurn("booking", "The family one with the two queen beds, please."),
        ScriptTurn("booking", "Put it under Ingrid Valcourt."),
        ScriptTurn("booking", "Yes, that all sounds right, go ahead."),
        ScriptTurn("other", "Wonderful, that is everything, bye now."),
    )),
    Script("fact_then_book", (
        ScriptTurn("fact", "Morning. Do you serve anything to eat early, before nine?"),
        ScriptTurn("booking", "Then I would like a king deluxe for two of us from {arrive} to {leave}, "
                              "the name is Tobias Ferreira."),
        ScriptTurn("booking", "Yes please, lock it in."),
        ScriptTurn("other", "Cheers, that is all I needed."),
    )),
)

# The guest whose booking the ``lookup`` callers ask about (one booking per caller number).
SEEDED_GUEST_NAME = "Odile Marchetti"
SEEDED_ROOM_TYPE = "DLX"
SEEDED_STAY = (23, 25)  # days after the hotel's today


def script_for(call_index: int) -> Script:
    """Calls cycle through the scripts, so every level mixes all kinds of turns."""
    return SCRIPTS[call_index % len(SCRIPTS)]
