"""One call's dialogue: understand a turn (rules, else the model's one label), move the flow, say it.

The manager owns what the agent last asked (``ask``), the active flow and the tool context (the
caller's identity and this call's offers and bookings). It speaks template lines and the tools'
own sentences; it never lets the model write a fact. The model is a ``CommandModel``: a label per
turn from ``agent.dialogue.commands``, constrained to what makes sense after ``ask``.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import time
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from typing import Any

from agent.analytics import CallAnalytics
from agent.dialogue import commands, extract, model_load, replies
from agent.dialogue.commands import Ask, Command, Label
from agent.dialogue.extract import RoomTypeName
from agent.dialogue.flows import FLOWS, BookFlow, ChangeFlow, Flow, Heard
from agent.llm.base import CommandModel, DecodeRequest, LLMUnavailable, Message
from backoffice import reservations
from backoffice.errors import BackofficeError
from pipeline.responder import HangUp, ReplyEvent, Say, Transfer
from tools.context import ToolContext
from tools.registry import ToolRegistry, ToolResult

log = logging.getLogger("concierge.agent")


class DialogueManager:
    """Implements ``agent.dialogue.flows.Desk`` for the flows; one per call."""

    def __init__(
        self, context: ToolContext, registry: ToolRegistry, model: CommandModel, *,
        room_types: Sequence[RoomTypeName], analytics: CallAnalytics, front_desk: str | None = None,
        model_budget_s: Callable[[], float | None] | None = None,
    ) -> None:
        self.context = context
        # How long this turn waits for the model before reading the words by keywords (None: as long as
        # it takes). With many calls on a few cores the model's queue, not the words, decides the wait.
        self.model_budget_s = model_budget_s or (lambda: None)
        self.registry = registry
        self.model = model
        self.room_types = list(room_types)
        self.analytics = analytics
        self.front_desk = front_desk
        self.ask_now: Ask = "help"
        self.flow: Flow | None = None
        self.turns = 0
        self.last_command: Command | None = None
        self.model_ms: float | None = None
        self._speech: list[str] = []
        self._asked_line: str | None = None
        self._final: ReplyEvent | None = None
        self._tool_calls = 0
        self._has_booking: bool | None = None
        self._in_house = False  # the number calling has a booking checked in: the caller is staying with us
        self._advanced = False
        self.misses = 0  # turns in a row the flow asked the same question and the words did not answer it
        self._offered_desk: Ask | None = None  # the question put aside to offer the front desk
        self._last_line: str | None = None
        self._asked_again = False  # the pipeline asked the caller to repeat words it could not make out

    # --- Desk (what flows call) ---------------------------------------------------------------

    @property
    def today(self) -> date:
        return self.context.today()

    @property
    def known_name(self) -> str | None:
        return self.context.state.known_name

    def say(self, text: str) -> None:
        if text:
            self._speech.append(text)

    def ask(self, ask: Ask, line: str | None = None) -> None:
        self.ask_now = ask
        self._asked_line = line

    def line(self, key: str) -> str:
        return replies.pick(key, f"{self.context.call_sid}:{self.turns}")

    async def tool(self, name: str, arguments: Mapping[str, Any], call_id: str | None = None) -> ToolResult:
        self._tool_calls += 1
        started = time.perf_counter()
        call_id = call_id or f"turn{self.turns}:{name}:{self._tool_calls}"
        result = await self.registry.call(name, arguments, self.context, call_id=call_id)
        self.analytics.tool_called(name, arguments, result, (time.perf_counter() - started) * 1000)
        return result

    # --- a turn -------------------------------------------------------------------------------

    def prompt(self, words: str) -> list[Message]:
        return [*commands.catalogue(), Message("user", commands.turn_text(self.ask_now, words))]

    async def understand(self, text: str, heard_values: Heard | None = None) -> Command:
        command = await self._understand(text, heard_values)
        if command.label == "goodbye" and (self._asked_again or self.asking_for_value) \
                and not commands.says_bye(text):
            # "That's all" where the caller was asked to say it again, or for a date or a name, is more
            # likely misheard words than a farewell; hanging up on it loses the caller, asking again does not.
            return Command("answer" if self.asking_for_value else "other", command.source)
        return command

    @property
    def asking_for_value(self) -> bool:
        """A flow is under way and its question wants a value (a date, a name), not a yes or a new task."""
        return self.flow is not None and not self.flow.finished and self.ask_now not in ("help", "more", "confirm")

    async def _understand(self, text: str, heard_values: Heard | None = None) -> Command:
        values = heard_values or self.read(text, "other")
        rule = commands.rule_command(text, self.ask_now, answers=values.answers(self.ask_now))
        if rule is not None:
            if rule.label in ("change", "find") and await self._a_new_stay(text, values):
                return Command("book", rule.source)
            return rule
        started = time.perf_counter()
        budget = self.model_budget_s()
        load = model_load.of(self.model) if budget is not None else None
        if load is not None and not load.should_ask():
            log.info("call %s: the model is busy (most recent turns waited out the %.1f s budget); reading the "
                     "words by keywords", self.context.call_sid, budget)
            self.analytics.model_busy_turns += 1
            return await self._by_keywords(text, values)
        try:
            async with asyncio.timeout(budget):
                output = await self.model.decode(DecodeRequest(
                    self.context.call_sid, self.prompt(text), commands.schema(self.ask_now), max_tokens=8,
                    answer_after=commands.ANSWER_MARK))
        except TimeoutError:
            log.info("call %s: the model is busy (no answer within %.1f s); reading the words by keywords",
                     self.context.call_sid, budget)
            self.analytics.model_busy_turns += 1
            if load is not None:
                load.record(busy=True)
            return await self._by_keywords(text, values)
        except LLMUnavailable as error:
            log.warning("call %s: model unavailable (%s); reading the words by keywords", self.context.call_sid, error)
            self.analytics.model_failures += 1
            return await self._by_keywords(text, values)
        finally:
            self.model_ms = (time.perf_counter() - started) * 1000
        if load is not None:
            load.record(busy=False)
        label = commands.parse(output, self.ask_now)
        if label is None:
            log.warning("call %s: model said %r; reading the words by keywords", self.context.call_sid, output)
            return await self._by_keywords(text, values)
        return Command(await self._settle(label, text, values), "model")

    async def _by_keywords(self, text: str, values: Heard) -> Command:
        """The words read without the model (down, warming, or busy with other calls: under load this is
        most turns), then overruled by plain words as the model's label would be."""
        label = commands.keyword_command(text, self.ask_now).label
        if label == "other" and values.stay.check_in is not None and not commands.elsewhere(text):
            label = "book"  # dates and nothing outside the hotel: a stay (the model is asked to see that)
        return Command(await self._settle(label, text, values), "keywords")

    async def _settle(self, label: Label, text: str, values: Heard) -> Label:
        """Overrule a label where the plain words or the flow say otherwise."""
        label = commands.reconcile(label, text)
        mid_task = self.flow is not None and not self.flow.finished
        # Mid-booking or mid-change, "I can't recall the dates" means they wanted their booking looked up.
        asking_dates = isinstance(self.flow, (BookFlow, ChangeFlow))
        mine = commands.reconcile_mine(label, text, mid_task=mid_task, booking=asking_dates)
        if mine != label and await self.caller_has_booking():
            label = mine
        if not mid_task and commands.reconcile_in_house(label, text) != label and await self.caller_in_house():
            label = "late_checkout"
        if label == "other" and not commands.elsewhere(text):
            # What a room is wanted for, and nothing outside the hotel: a whole stay (two dates, or a date and
            # nights), or a head count or a room type and nothing else. Mid-task, words the model could not
            # place are most likely an answer the flow can read.
            room_wanted = values.stay.complete or (
                (values.guests is not None or values.room_type is not None) and values.topic is None)
            label = "answer" if mid_task else commands.reconcile("book", text) if room_wanted else label
        if label in ("change", "find") and await self._a_new_stay(text, values):
            label = "book"
        if self.asking_for_value and self.flow is not None and label in commands.TASKS and label != self.flow.name \
                and values.answers(self.ask_now) \
                and not commands.names_task(label, text):
            label = "answer"  # "make the reservation three nights" answers the question asked; it is no new task
        return label

    async def _a_new_stay(self, text: str, values: Heard) -> bool:
        """A whole stay from a caller with no booking under their number who names none: a stay to book, however
        it is worded ("make it the 3rd for 2 nights", "my arrival is the 3rd, two nights")."""
        return (self.flow is None or self.flow.finished) and values.stay.complete \
            and not commands.claims_a_booking(text) and not await self.caller_has_booking()

    async def caller_has_booking(self) -> bool:
        """Whether the number calling has a booking that is not cancelled (looked up once per call)."""
        if self._has_booking is None:
            self._has_booking = False
            if self.context.caller_phone:
                try:
                    found = await reservations.find(self.context.services.db.pool, phone=self.context.caller_phone,
                                                    limit=5)
                except BackofficeError:
                    found = []
                self._has_booking = any(view.status in ("hold", "confirmed", "checked_in") for view in found)
                self._in_house = any(view.status == "checked_in" for view in found)
        return self._has_booking

    async def caller_in_house(self) -> bool:
        return await self.caller_has_booking() and self._in_house

    def read(self, text: str, label: Label) -> Heard:
        return Heard.read(text, label, today=self.today, types=self.room_types, ask=self.ask_now)

    async def handle(self, text: str, command: Command | None = None) -> list[ReplyEvent]:
        """The reply to one caller turn: what to say, and a transfer or hang-up if it ends the call."""
        self.turns += 1
        self.context.state.caller_said.append(text)
        self._speech, self._final, self._asked_line = [], None, None
        offered, self._offered_desk = self._offered_desk, None
        if offered is not None:
            self.ask_now = "confirm"
        values = self.read(text, "other") if offered is None else Heard.read(
            text, "other", today=self.today, types=self.room_types, ask=offered)
        # Else it was anticipated while the caller paused (``understand`` then); not after an offer of the
        # front desk, which changes what was asked only now.
        if command is None or offered is not None:
            self.model_ms = None
            command = await self.understand(text, values)
        self.last_command = command
        self._asked_again = False
        log.info("call %s turn %d: %s by %s%s", self.context.call_sid, self.turns, command.label, command.source,
                 f" in {self.model_ms:.0f} ms" if command.source == "model" and self.model_ms is not None else "")
        heard = dataclasses.replace(values, label=command.label)
        asked = self.ask_now
        if offered is not None:
            if command.label == "yes":
                heard = dataclasses.replace(heard, label="human")
            elif command.label == "no":
                self.misses = 0
                key = _QUESTION_FOR.get(offered)
                self.ask(offered, "Alright. " + (self.line(key) if key else "Shall we carry on where we were?"))
                return self._events()
            asked = self.ask_now = offered
        before = (self.flow, self.flow.noted(self._room_names()) if self.flow is not None else {})
        self._advanced = False
        await self._dispatch(heard, asked)
        self._after(asked, before)
        return self._events()

    def _events(self) -> list[ReplyEvent]:
        events: list[ReplyEvent] = [Say(sentence) for sentence in _sentences(self._speech, self._asked_line)]
        if not events:
            events.append(Say(self.line("say_again")))
        if self._final is not None:
            events.append(self._final)
        return events

    def _room_names(self) -> Mapping[str, str]:
        return {room_type.code: room_type.name for room_type in self.room_types}

    def _after(self, asked: Ask, before: tuple[Flow | None, Mapping[str, str]]) -> None:
        """The same question again after the caller's answer missed it: say so and ask it another way, once;
        the next time, offer the front desk rather than ask it forever."""
        flow, noted = before
        last, self._last_line = self._last_line, self._asked_line
        again = (self._advanced and self.flow is flow and flow is not None and not flow.finished
                 and asked in _ASK_AGAIN and self.ask_now == asked and self._final is None)
        self.misses = self.misses + 1 if again else 0
        if not again or flow is None:
            return
        now = flow.noted(self._room_names())
        filled = [value for slot, value in now.items() if value and noted.get(slot) != value]
        got = f"Got it: {_joined(filled)}. " if filled else ""
        if filled:
            self.misses = 1  # the answer filled something else: progress, so ask again rather than give up
        if self.misses == 1:
            key, plain = f"reask_{asked}", replies.LINES.get(_QUESTION_FOR.get(asked, ""), ())
            if key in replies.LINES and (self._asked_line is None or self._asked_line in plain
                                         or self._asked_line == last):
                self._asked_line = got + self.line(key)  # the flow asked it plainly again: say it another way
            elif got:
                self._asked_line = got + (self._asked_line or "")
            return
        self._offered_desk = asked
        self._asked_line = got + self.line("offer_desk")
        self.ask_now = "confirm"

    async def _dispatch(self, heard: Heard, asked: Ask) -> None:
        label = heard.label
        if label == "human":
            result = await self.tool("transfer_to_human", {"reason": "caller asked for a person"})
            self.say(result.speech)
            self._final = Transfer("caller asked for a person", self.front_desk or None)
            return
        if label == "goodbye":
            result = await self.tool("end_call", {})
            self.say(result.speech)
            self._final = HangUp("caller finished")
            return
        if label == "fact":
            await self._fact(heard)
            return
        if label == "other":
            self.say(self.line("out_of_scope"))
            self._reask(asked, fallback="anything_else")
            return
        if label in commands.TASKS:
            if self.flow is None or self.flow.finished or self.flow.name != label:
                self.flow = FLOWS[label]()
            self._advanced = True
            await self.flow.advance(self, heard, asked)
            return
        # yes / no / answer: for the flow that asked; with none, an answer holding dates means a booking.
        if self.flow is not None and not self.flow.finished:
            self._advanced = True
            await self.flow.advance(self, heard, asked)
            return
        if heard.stay.check_in is not None or heard.room_type is not None:
            self.flow = BookFlow()
            await self.flow.advance(self, heard, asked)
            return
        if label == "no" and asked == "more":
            result = await self.tool("end_call", {})
            self.say(result.speech)
            self._final = HangUp("caller finished")
            return
        self.ask("help", self.line("how_help"))

    async def _fact(self, heard: Heard) -> None:
        topic = heard.topic
        if topic is None:
            if heard.asked_price or heard.room_type is not None:
                self.flow = BookFlow()
                await self.flow.advance(self, heard, self.ask_now)
                return
            self.say(self.line("unknown_fact"))
            self._reask(self.ask_now, fallback="anything_else")
            return
        result = await self.tool("hotel_info", {"topic": topic})
        self.say(result.statement)
        self._reask(self.ask_now, fallback="anything_else")

    def _reask(self, asked: Ask, *, fallback: str) -> None:
        """After a digression, go back to the open question (or ask if there is anything else).

        A read-back interrupted by a digression is forgotten: the caller hears it again before a
        "yes" can act on it.
        """
        if self.flow is None or self.flow.finished or asked in ("help", "more"):
            self.ask("more", self.line(fallback))
            return
        if asked == "confirm":
            self.forget_read_back()
            self.ask("confirm", "Shall we carry on where we were?")
            return
        key = _QUESTION_FOR.get(asked)
        self.ask(asked, self.line(key) if key else "Shall we carry on where we were?")

    def asked_again(self) -> None:
        """The caller was asked to say it again (their words were not made out): their next words repeat."""
        self._asked_again = True

    def forget_read_back(self) -> None:
        """The caller did not hear (all of) the last read-back: the next "yes" must not act on it."""
        self.context.state.read_back.clear()
        if self.flow is not None and hasattr(self.flow, "reading_back"):
            self.flow.reading_back = False


_QUESTION_FOR: Mapping[Ask, str] = {
    "dates": "ask_dates", "nights": "ask_nights", "guests": "ask_guests", "name": "ask_name",
    "what_change": "ask_what_change", "code": "ask_code", "room_number": "ask_room_number", "item": "ask_item",
    "time": "ask_time", "topic": "ask_topic", "room": "ask_room", "which": "ask_which",
}


# Questions whose answer fills a slot: asked again after a miss in other words, then the front desk is offered.
_ASK_AGAIN: frozenset[Ask] = frozenset({"dates", "nights", "guests", "room", "name", "which", "what_change", "code",
                                        "room_number", "item", "time"})


def _joined(parts: Sequence[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def _sentences(spoken: list[str], question: str | None) -> list[str]:
    out: list[str] = []
    for text in [*spoken, *([question] if question else [])]:
        out.extend(replies.split_sentences(text))
    return out


def room_type_names(rows: Sequence[Any]) -> list[RoomTypeName]:
    return [RoomTypeName(row.code, row.name, row.max_occupancy) for row in rows]


__all__ = ["DialogueManager", "extract", "room_type_names"]
