"""What the agent says between the back office's own sentences: questions, refusals, hand-overs.

Facts (dates, prices, codes) never come from here: the tools build those sentences from the
database. Each line has a few wordings; which one is said depends on the call and the turn, so a
caller does not hear the same sentence twice in a row and a replayed call says exactly the same.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from typing import Final

from pipeline.sentences import SENTENCE_BREAK

LINES: Final[Mapping[str, Sequence[str]]] = {
    "ask_dates": (
        "Which dates would you like to stay?",
        "Sure. What dates are you looking at?",
        "Of course. When would you like to arrive, and when will you leave?",
    ),
    "ask_nights": (
        "And how many nights will you stay?",
        "How many nights would that be?",
        "When will you be checking out?",
    ),
    "ask_guests": (
        "How many guests will be staying?",
        "And how many people is the room for?",
        "For how many guests?",
    ),
    "ask_room": ("Which room would you like?", "Which room would suit you?", "Which room would you prefer?"),
    "ask_name": (
        "And the name for the booking, please?",
        "May I have the name for the booking?",
        "What's the full name for the booking?",
    ),
    "ask_what_change": (
        "What would you like changed: the dates, the number of guests or the room?",
        "Sure. What needs changing, the dates or the number of guests?",
    ),
    "ask_new_dates": ("Sure. What are the new dates?", "Of course. Which dates would you like instead?"),
    "ask_new_guests": ("Sure. How many guests will there be now?",),
    "ask_new_room": ("Sure. Which room would you like instead?",),
    # The same question again after an answer that did not fill it: said another way, then the front desk.
    "reask_dates": ("Sorry, I didn't catch the dates. What day will you arrive, and what day will you leave?",),
    "reask_nights": ("Sorry, I didn't catch your check-out date. What day will you leave, or how many nights "
                     "will you stay?",),
    "reask_guests": ("Sorry, I didn't catch how many guests. How many people will be staying?",),
    "reask_name": ("Sorry, I didn't catch the name. What's the full name for the booking?",),
    "reask_which": ("Sorry, which booking do you mean? Its arrival date or its confirmation code is enough.",),
    "reask_what_change": ("Sorry, I didn't catch that. Is it the dates, the number of guests or the room you'd "
                          "like to change?",),
    "reask_code": ("Sorry, I still need the booking's confirmation code to find it. Could you read it to me?",),
    "reask_room_number": ("Sorry, I didn't catch the room number. Which room are you staying in?",),
    "reask_item": ("Sorry, I didn't catch that. What should housekeeping bring, or would you like the room cleaned?",),
    "reask_time": ("Sorry, I didn't catch the time. What time would you like to check out?",),
    "offer_desk": ("I'm sorry, I'm having trouble with this. Would you like me to put you through to the front desk?",),
    "ask_which": ("Which booking do you mean?", "Which one is it about?"),
    "ask_code": (
        "I couldn't find a booking under the number you're calling from. Do you have the confirmation code?",
        "There's no booking under this phone number. Could you read me the confirmation code?",
    ),
    "code_not_found": (
        "I couldn't find a booking with that code. Could you read it to me again, letter by letter?",
        "That code doesn't match a booking I can see. Could you say it once more?",
    ),
    "code_guesses_spent": (
        "I'm sorry, I can't look up any more codes on this call. The front desk can help you with it.",
    ),
    "ask_room_number": ("Which room are you in?", "What's your room number?"),
    "ask_item": ("What would you like housekeeping to bring or do?", "What do you need in the room?"),
    "ask_time": ("Until what time would you like to stay?", "What time would you like to check out?"),
    "ask_topic": ("What would you like to know about the hotel?",),
    "unknown_fact": (
        "I'm not sure about that one; the front desk can tell you more.",
        "I don't have that information, I'm afraid; the front desk will know.",
    ),
    "ask_change_after_no": (
        "No problem. What would you like to change?",
        "Alright. What would you like to change?",
    ),
    "not_booked": ("Alright, I haven't booked anything. Is there anything else I can help with?",),
    "not_changed": ("Alright, I've left it as it is. Is there anything else?",),
    "not_cancelled": ("Alright, I'll keep the booking as it is. Anything else I can do?",),
    "anything_else": ("Is there anything else I can help with?", "Anything else I can do for you?"),
    "how_help": ("How can I help you?", "What can I do for you?"),
    "out_of_scope": (
        "I'm sorry, I can only help with your stay at our hotel.",
        "I'm afraid that's not something I can help with; I can help with rooms, bookings and your stay here.",
        "Sorry, I can only help with things about our hotel.",
    ),
    "say_again": ("Sorry, could you say that again?", "Sorry, I didn't catch that. Could you repeat it?"),
    "past_date": ("That date has already passed. Which dates would you like instead?",),
    "hold_limit": (
        "I can only hold two rooms on one call. The front desk can help with more; shall I connect you?",
    ),
    "need_in_house": (
        "I can only arrange that for the guest staying in that room, calling from the number on the booking. "
        "The front desk can help you otherwise.",
    ),
    "no_offer_fits": ("I'm sorry, that room type isn't free on those dates.",),
}


def every_wording() -> list[str]:
    """All the fixed lines, each wording once: what the voice can render before any call needs it."""
    return [wording for options in LINES.values() for wording in options]


def pick(key: str, seed: str) -> str:
    """One wording of line ``key``; the same ``seed`` (call and turn) always picks the same one."""
    options = LINES[key]
    index = int.from_bytes(hashlib.sha256(f"{seed}:{key}".encode()).digest()[:4], "big") % len(options)
    return options[index]


MIN_SENTENCE_CHARS: Final = 12


class SentenceSplitter:
    """Cuts streamed text into sentences as soon as each one ends (short fragments wait for more)."""

    def __init__(self) -> None:
        self._buffer = ""

    def feed(self, text: str) -> list[str]:
        self._buffer += text
        sentences: list[str] = []
        while True:
            match = SENTENCE_BREAK.search(self._buffer)
            if match is None:
                break
            candidate = self._buffer[: match.start()].strip()
            if len(candidate) < MIN_SENTENCE_CHARS:
                # "Hi." alone is too short to be worth a TTS round trip: join it with the next sentence.
                nxt = SENTENCE_BREAK.search(self._buffer, match.end())
                if nxt is None:
                    break
                candidate = self._buffer[: nxt.start()].strip()
                self._buffer = self._buffer[nxt.end():]
            else:
                self._buffer = self._buffer[match.end():]
            if candidate:
                sentences.append(candidate)
        return sentences

    def flush(self) -> str | None:
        rest, self._buffer = self._buffer.strip(), ""
        return rest or None


def split_sentences(text: str) -> list[str]:
    splitter = SentenceSplitter()
    parts = splitter.feed(text)
    rest = splitter.flush()
    return parts + ([rest] if rest else [])
