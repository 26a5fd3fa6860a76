"""The simulated caller: says the split's opening line, then answers what the agent asks, from its goal.

It reads the agent's last question the way a person would skim it (a few keyword patterns, below) and
answers with the item's own phrasing for that slot (``replies``), else a plain phrasing of the goal.
It volunteers nothing it was not asked, says a confirmation code only when asked for one and only if its
goal has one, and stops after ``MAX_TURNS`` caller turns.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

MAX_TURNS = 8
# Calls whose success is that nothing happens (another guest's booking, out of scope) have nothing to
# finish: the caller pushes this many turns, then gives up.
MAX_TURNS_WHEN_NOTHING_SHOULD_HAPPEN = 4

ROOM_WORDS = {"STD": "The standard queen, please.", "DLX": "The deluxe king, please.",
              "FAM": "The family room, please.", "STE": "The suite, please."}
RESTATED = {"cancel": "Cancel it, please.", "find": "I just want to know the dates of my stay."}
GUEST_WORDS = {1: "Just me.", 2: "Two of us.", 3: "Three people.", 4: "Four of us."}
# One word per room type, so a read-back naming one type ("a Deluxe King") is not taken for a choice.
ROOM_TYPE_NAMES = ("standard", "deluxe", "family", "suite")

# What the agent is asking, tried in this order on its last question (else on the whole reply).
QUESTIONS: tuple[tuple[str, re.Pattern[str]], ...] = tuple((slot, re.compile(pattern, re.I)) for slot, pattern in (
    ("which", r"\bwhich (one|booking|reservation|stay)\b|\bwhich of (them|these|your)"),
    # A read-back ("... under the name X. Shall I book it?") names slots too: it goes first.
    ("yes", r"\bshall i\b|\bshould i\b|\bdo you want me to\b|\bwould you like me to\b|\bis that (right|correct)\b|"
            r"\bcan i go ahead\b|\bwant me to\b|\bunder the name\b|\bgo ahead\b|\bok(ay)?\?|"
            r"\bis that ok\b|\bsound good\b|\bcorrect\?|\bright\?|\bbook it\b|\bcancel it\b"),
    ("code", r"\b(confirmation|booking|reservation|reference)\s+(code|number)\b|\bthe code\b|\bcode\?"),
    ("room", r"\broom number\b|\bwhich room are you\b|\bwhat room (are|is)\b|\broom are you (in|staying)"),
    ("time", r"\bwhat time\b|\buntil when\b|\bhow late\b|\bwhat hour\b"),
    ("dates", r"\bwhat dates?\b|\bwhich dates?\b|\bwhen would you\b|\bwhen will you\b|\bwhen do you\b|"
              r"\bcheck.?in date\b|\barriv|\bhow many nights\b|\bcheck.?out date\b|\bfor how long\b|"
              r"\bwhat day\b|\bnew dates\b|\bwhich nights?\b|\bdates?\b.*\?"),
    ("guests", r"\bhow many (guests|people|adults|persons|of you)\b|\bfor how many\b|\bnumber of guests\b|"
               r"\bwho will be staying\b|\bhow many will\b"),
    ("room_type", r"\broom type\b|\bwhich room\b|\bwhat (kind|type) of room\b|\bwhich would you\b|"
                  r"\bwhich (one )?would you (like|prefer)\b|\bprefer\b"),
    ("name", r"\b(your|the|full) name\b|\bname (for|on|under)\b|\bwho (is|should) the booking\b|\bname\?"),
    ("request", r"\bwhat would you like to do\b|\bhow can i help\b|\bwhat can i do for you\b|"
                r"\bhow may i help\b|\bwhat do you (want|need)\b"),
    ("anything_else", r"\banything else\b|\bsomething else\b|\bhelp you with\b|\bwhat can i do\b"),
))


def last_question(text: str) -> str:
    """The reply's last sentence that asks something, else the whole reply."""
    sentences = re.split(r"(?<=[.!?])\s+", text.strip())
    asked = [s for s in sentences if s.endswith("?")]
    return asked[-1] if asked else text


def lists_room_types(text: str) -> bool:
    said = text.lower()
    return sum(name in said for name in ROOM_TYPE_NAMES) >= 2 and "?" in said


def asked_slot(reply: str) -> str | None:
    question = last_question(reply)
    # A reply that lists room types and asks a question is a room choice, whatever the question's words
    # ("Which one would suit you?" is not a question about which booking).
    if lists_room_types(reply) and not re.search(r"\bshall i\b|\bbook it\b", question, re.I):
        return "room_type"
    for scope in (question, reply):
        if lists_room_types(scope) and not re.search(r"\bshall i\b|\bbook it\b", scope, re.I):
            return "room_type"
        for slot, pattern in QUESTIONS:
            if pattern.search(scope):
                return slot
    return None


def _say_day(day: date) -> str:
    suffix = "th" if 11 <= day.day % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day.day % 10, "th")
    return f"{day:%B} {day.day}{suffix}"


@dataclass
class SimulatedCaller:
    item: Mapping[str, Any]
    turns: list[str] = field(default_factory=list)
    answered: dict[str, int] = field(default_factory=dict)
    repeated_request: bool = False

    @property
    def expect(self) -> Mapping[str, Any]:
        return self.item["expect"]

    @property
    def replies(self) -> Mapping[str, str]:
        return self.item.get("replies", {})

    @property
    def max_turns(self) -> int:
        passive = self.expect["kind"] in ("out_of_scope", "untouched", "nothing_revealed", "no_request",
                                          "no_late_checkout")
        if self.expect["kind"] == "out_of_scope":
            return 1
        return MAX_TURNS_WHEN_NOTHING_SHOULD_HAPPEN if passive else MAX_TURNS

    def opening(self) -> str:
        text = str(self.item["opening"])
        self.turns.append(text)
        return text

    def next(self, agent_said: str) -> str | None:
        """The caller's next turn, or None when it has said all it will."""
        if len(self.turns) >= self.max_turns:
            return None
        slot = asked_slot(agent_said)
        text = self.answer(slot)
        if text is None:
            return None
        self.answered[slot or "?"] = self.answered.get(slot or "?", 0) + 1
        self.turns.append(text)
        return text

    # --- answers ----------------------------------------------------------------------------------

    def answer(self, slot: str | None) -> str | None:
        if slot == "anything_else":
            if not self.repeated_request:  # the task is not done yet (the harness stops on success): ask again
                self.repeated_request = True
                return str(self.replies.get("again", self.item["opening"]))
            return None
        if slot == "request":  # the agent asks what the caller wants: say it again, plainly
            return str(self.replies.get("again", RESTATED.get(self.item["flow"], self.item["opening"])))
        if slot is not None:
            given = self.replies.get(slot)
            text = str(given) if given is not None else self._plain(slot)
            if text is not None:
                return text
        missing = self._next_missing()  # a question we could not read, or one the goal has no answer to
        if missing is None:
            return None
        given = self.replies.get(missing)
        return str(given) if given is not None else self._plain(missing)

    def _next_missing(self) -> str | None:
        """Asked something we could not read: offer what the goal still has that was not said."""
        if self.expect["kind"] == "booking":
            for slot in ("dates", "guests", "room_type", "name"):
                if slot not in self.item.get("given", []) and slot not in self.answered:
                    return slot
            return "yes"
        if self.expect["kind"] in ("housekeeping", "late_checkout") and "room" not in self.answered \
                and "room" not in self.item.get("given", []):
            return "room"
        return "yes" if self.answered.get("yes", 0) < 2 else None

    def _plain(self, slot: str) -> str | None:
        expect = self.expect
        if slot == "yes":
            return "Yes."
        if slot == "dates" and expect["kind"] in ("said_booking", "nothing_revealed"):
            return "I don't remember the dates, that's why I'm calling."
        if slot == "dates" and "check_in" in expect:
            check_in, check_out = date.fromisoformat(expect["check_in"]), date.fromisoformat(expect["check_out"])
            return f"From {_say_day(check_in)} to {_say_day(check_out)}."
        if slot == "guests" and "guests" in expect:
            return GUEST_WORDS.get(int(expect["guests"]), f"{expect['guests']} people.")
        if slot == "room_type" and expect.get("room_type"):
            codes = expect["room_type"]
            return ROOM_WORDS.get(codes[0] if isinstance(codes, list) else codes, "The first one.")
        if slot == "name":
            name = expect.get("name") or self.item["caller"].get("name")
            return f"It's {name}." if name else "I'd rather not say."
        if slot == "room":
            rooms = [b.get("room") for b in self.item["setup"] if b.get("who") == "caller" and b.get("room")]
            return f"Room {rooms[0]}." if rooms else "I'm not staying with you yet."
        if slot == "time":
            return "Until 2 pm."
        if slot == "which":
            # A booking call has no code, and a returning guest on file (``guest_only``) has neither code
            # nor dates: only the caller's own booking with the goal's code is "the one".
            target = expect.get("code")
            for booked in self.item["setup"]:
                if target is not None and booked.get("code") == target and booked.get("who") == "caller":
                    return f"The one on {_say_day(date.fromisoformat(booked['check_in']))}."
            return "The first one."
        if slot == "code":
            return "I don't have the code with me."
        return None
