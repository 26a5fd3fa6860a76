"""Whole calls in text mode: the flows, the caller's identity and the read-back, on the real database.

The model is a scripted ``CommandModel`` (the Protocol the conversation depends on): each test says
which label the model gives, so what is tested is everything around it — the slots read from the
words, the questions, the back office afterwards. The real model is exercised by the slow tests and
the agent benchmark.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from types import SimpleNamespace
from typing import Any

import pytest

from agent.conversation import FALLBACK, AgentConversation
from agent.dialogue import commands
from agent.dialogue.commands import Command
from agent.dialogue.extract import Stay
from agent.dialogue.flows import BookFlow
from agent.llm.base import DecodeRequest, LLMUnavailable, Message
from agent.settings import Settings
from backoffice import reservations
from backoffice.audit import Actor
from backoffice.db import Database
from backoffice.reservations import CreateReservation, GuestDetails
from backoffice.services import Services
from pipeline.responder import CallInfo, HangUp, ReplyEvent, Say, Transfer
from tests.conftest import FakeClock
from tests.factories import make_room_type
from tools.registry import ToolResult
from tools.spoken import say_code, say_money

CALLER = "+8801711666001"
OTHER_GUEST = "+8801711666002"


@dataclass
class ScriptedModel:
    """Answers each turn with the label given for the caller's words (``default`` otherwise)."""

    labels: Mapping[str, str] = field(default_factory=dict)
    default: str = "other"
    down: bool = False
    requests: list[DecodeRequest] = field(default_factory=list)
    prefilled: list[str] = field(default_factory=list)
    name: str = "scripted"

    async def decode(self, request: DecodeRequest) -> str:
        self.requests.append(request)
        if self.down:
            raise LLMUnavailable("scripted outage")
        words = request.messages[-1].content.split("Caller: ", 1)[1]
        label = self.labels.get(words, self.default)
        assert label in request.schema["enum"], f"{label} is not allowed by this turn's grammar"
        return f'"{label}"'

    async def prefill(self, session: str, messages: Sequence[Message], partial: str = "") -> None:
        self.prefilled.append(partial)

    async def release(self, session: str) -> None:
        return None

    async def aclose(self) -> None:
        return None


@pytest.fixture
async def hotel(db: Database) -> Database:
    await make_room_type(db, "STD", rooms=3, rate="5000.00", floor=1)
    await make_room_type(db, "DLX", rooms=2, rate="8000.00", floor=2)
    await make_room_type(db, "STE", rooms=1, rate="15000.00", floor=3, max_occupancy=3)
    for code, name in (("STD", "Standard Queen"), ("DLX", "Deluxe King"), ("STE", "Suite King")):
        await db.pool.execute("UPDATE room_types SET name = $2 WHERE code = $1", code, name)
    return db


def call(model: ScriptedModel, services: Services, settings: Settings, phone: str | None = CALLER,
         sid: str = "CAdialog01", *, calls_on_the_model: int | None = None,
         budget_s: float | None = None) -> AgentConversation:
    """A conversation; ``calls_on_the_model`` and ``budget_s`` set how many calls share the model and the
    turn budget that then applies."""
    if budget_s is not None:
        settings = settings.model_copy(update={"llm_turn_budget_s": budget_s})
    sharing = calls_on_the_model
    return AgentConversation(CallInfo(sid, "MZ" + sid, from_number=phone), llm=model, services=services,
                             settings=settings, calls_on_the_model=None if sharing is None else lambda: sharing)


async def say(agent: AgentConversation, text: str) -> tuple[str, list[ReplyEvent]]:
    events = [event async for event in agent.respond(text)]
    return " ".join(e.text for e in events if isinstance(e, Say)), events


async def existing(services: Services, phone: str, name: str, days: int = 10, nights: int = 2) -> str:
    check_in = services.today() + timedelta(days=days)
    booking = await reservations.create_reservation(services, CreateReservation(
        room_type="STD", check_in=check_in, check_out=check_in + timedelta(days=nights), guests=2,
        guest=GuestDetails(name=name, phone=phone)), Actor.system("test"))
    return booking.reservation.confirmation_code


async def test_a_booking_with_dates_guests_room_and_name_takes_three_caller_turns(
        hotel: Database, services: Services, settings: Settings) -> None:
    opening = "Hello, could I get a deluxe room from the 10th to the 12th of December for two of us?"
    agent = call(ScriptedModel({opening: "book"}), services, settings)
    await agent.greeting()
    asked, _ = await say(agent, opening)
    assert "name" in asked.lower()
    read_back, _ = await say(agent, "Leila Noor")
    assert "Deluxe King" in read_back and "Leila Noor" in read_back and "Shall I book it?" in read_back
    assert await hotel.pool.fetchval("SELECT count(*) FROM reservations") == 0  # nothing before the yes
    booked, _ = await say(agent, "Yes, please.")
    row = await hotel.pool.fetchrow(
        """SELECT r.confirmation_code, r.status, r.check_in, r.check_out, r.guests, r.amount, r.currency, g.phone
           FROM reservations r JOIN guests g ON g.id = r.guest_id""")
    assert row["status"] == "hold" and row["phone"] == CALLER and row["guests"] == 2
    assert (row["check_in"].isoformat(), row["check_out"].isoformat()) == ("2026-12-10", "2026-12-12")
    assert say_code(row["confirmation_code"]) in booked and say_money(row["amount"], row["currency"]) in booked
    await agent.close()


async def test_offered_rooms_a_plain_yes_takes_the_first_and_a_changed_mind_is_read_back_again(
        hotel: Database, services: Services, settings: Settings) -> None:
    opening = "I'd like to book a room from December third to December fifth for two adults."
    agent = call(ScriptedModel({opening: "book"}), services, settings)
    await agent.greeting()
    listed, _ = await say(agent, opening)
    assert "Standard Queen" in listed and "Deluxe King" in listed
    await say(agent, "Yes please")
    read_back, _ = await say(agent, "My name is Omar Faruk")
    assert "Standard Queen" in read_back and "Omar Faruk" in read_back
    corrected, _ = await say(agent, "Actually make it the deluxe")  # a correction, not a yes
    assert "Deluxe King" in corrected and "Shall I book it?" in corrected
    assert await hotel.pool.fetchval("SELECT count(*) FROM reservations") == 0
    bigger, _ = await say(agent, "Oh and we are three guests")
    assert "at most 2" in bigger and "Suite King" in bigger  # the deluxe is too small: what fits is offered
    await say(agent, "the suite then")
    await say(agent, "yes")
    row = await hotel.pool.fetchrow("SELECT r.guests, t.code FROM reservations r JOIN room_types t "
                                    "ON t.id = r.room_type_id WHERE r.status = 'hold'")
    assert (row["guests"], row["code"]) == (3, "STE")


async def test_a_date_already_past_this_year_means_next_year(hotel: Database, services: Services,
                                                             settings: Settings) -> None:
    opening = "a double room from March 3rd to March 6th"
    agent = call(ScriptedModel({opening: "book"}), services, settings)
    await agent.greeting()
    listed, _ = await say(agent, opening)
    assert "March 3rd, 2027" in listed and "passed" not in listed


async def test_the_price_of_a_suite_heard_as_sweet_is_quoted_for_the_suite(
        hotel: Database, services: Services, settings: Settings) -> None:
    opening = "How much would a sweet be for the night of December 20th?"
    agent = call(ScriptedModel({opening: "book"}), services, settings)
    await agent.greeting()
    quoted, _ = await say(agent, opening)
    assert "Suite King" in quoted and "Standard" not in quoted and "book it?" in quoted


async def test_a_cancel_takes_two_caller_turns_and_a_request_with_its_yes_takes_one(
        hotel: Database, services: Services, settings: Settings) -> None:
    code = await existing(services, CALLER, "Rafiq Islam")
    model = ScriptedModel({"I need to cancel my reservation": "cancel",
                           "Please drop the booking, yes I'm sure": "cancel"})
    agent = call(model, services, settings)
    await agent.greeting()
    asked, _ = await say(agent, "I need to cancel my reservation")
    assert say_code(code) in asked and asked.endswith("?")
    assert await hotel.pool.fetchval("SELECT status FROM reservations") == "confirmed"
    done, _ = await say(agent, "yes")
    assert "cancelled" in done and await hotel.pool.fetchval("SELECT status FROM reservations") == "cancelled"

    second = await existing(services, CALLER, "Rafiq Islam", days=20)
    agent = call(model, services, settings, sid="CAdialog02")
    await agent.greeting()
    done, _ = await say(agent, "Please drop the booking, yes I'm sure")
    assert say_code(second) in done and "cancelled" in done and "?" not in done.split("cancelled")[0][-3:]
    assert await hotel.pool.fetchval("SELECT status FROM reservations WHERE confirmation_code = $1", second) \
        == "cancelled"
    audits = await hotel.pool.fetchval(
        "SELECT count(*) FROM audit_logs WHERE action LIKE 'reservation.%cancel%' AND actor_type = 'call'")
    assert audits == 2  # one act per request


async def test_changing_the_dates_reads_back_the_new_price_first(hotel: Database, services: Services,
                                                                 settings: Settings) -> None:
    await existing(services, CALLER, "Rafiq Islam", days=10, nights=2)
    opening = "Can I move my booking to the 15th?"
    agent = call(ScriptedModel({opening: "change"}), services, settings)
    await agent.greeting()
    asked, _ = await say(agent, opening)
    assert "December 15th" in asked and "Shall I make the change?" in asked
    assert (await hotel.pool.fetchval("SELECT check_in FROM reservations")).day == 11
    await say(agent, "yes")
    row = await hotel.pool.fetchrow("SELECT check_in, check_out FROM reservations")
    assert (row["check_in"].day, row["check_out"].day) == (15, 17)  # the stay keeps its two nights


async def test_another_guests_booking_is_never_revealed_by_name_number_or_guessed_code(
        hotel: Database, services: Services, settings: Settings) -> None:
    code = await existing(services, OTHER_GUEST, "Shirin Akter")
    asks = [f"Cancel the booking for Shirin Akter, her number is {OTHER_GUEST}",
            "Shirin Akter", "Which booking is under 01711666002?"]
    model = ScriptedModel({text: "cancel" for text in asks}, default="answer")
    agent = call(model, services, settings)
    await agent.greeting()
    heard = " ".join([(await say(agent, text))[0] for text in asks])
    for secret in (say_code(code), code, "Shirin", "Akter", "December 11th"):
        assert secret not in heard
    wrong = ["A A A 2 2 2", "B B B 3 3 3", "C C C 4 4 4"]
    for guess in wrong:
        await say(agent, f"the code is {guess}")
    fourth, _ = await say(agent, f"the code is {' '.join(code)}")  # right, but the fourth try on this call
    assert say_code(code) not in fourth and "can't look up any more codes" in fourth
    assert await hotel.pool.fetchval("SELECT status FROM reservations") == "confirmed"


async def test_a_code_the_caller_reads_out_finds_that_booking(hotel: Database, services: Services,
                                                              settings: Settings) -> None:
    code = await existing(services, OTHER_GUEST, "Shirin Akter")
    opening = f"I want to cancel a booking, the code is {' '.join(code)}"
    agent = call(ScriptedModel({opening: "cancel"}), services, settings)
    await agent.greeting()
    asked, _ = await say(agent, opening)
    assert say_code(code) in asked and asked.endswith("?")


async def test_a_hidden_number_is_asked_for_the_code(hotel: Database, services: Services,
                                                     settings: Settings) -> None:
    agent = call(ScriptedModel({"cancel my booking": "cancel"}), services, settings, phone=None)
    await agent.greeting()
    asked, _ = await say(agent, "cancel my booking")
    assert "code" in asked and agent.manager.ask_now == "code"


async def test_talking_over_a_read_back_means_a_yes_does_not_book(hotel: Database, services: Services,
                                                                  settings: Settings) -> None:
    opening = "a deluxe room on the 10th for one night, just me"
    agent = call(ScriptedModel({opening: "book"}), services, settings)
    await agent.greeting()
    await say(agent, opening)
    await say(agent, "My name is Leila Noor")
    agent.heard("Just to confirm: a Deluxe", interrupted=True)
    again, _ = await say(agent, "yes")
    assert "Shall I book it?" in again
    assert await hotel.pool.fetchval("SELECT count(*) FROM reservations") == 0
    await say(agent, "yes")
    assert await hotel.pool.fetchval("SELECT count(*) FROM reservations") == 1


async def test_one_call_holds_at_most_two_rooms(hotel: Database, services: Services, settings: Settings) -> None:
    agent = call(ScriptedModel(default="book"), services, settings)
    await agent.greeting()
    for day in (10, 14, 18):
        await say(agent, f"a standard room on December {day}th for one night, just me")
        await say(agent, "Leila Noor")
        await say(agent, "yes")
    assert await hotel.pool.fetchval("SELECT count(*) FROM reservations") == 2


async def test_out_of_scope_facts_people_and_goodbyes(hotel: Database, services: Services,
                                                      settings: Settings) -> None:
    model = ScriptedModel({"Can you find me a cheap flight to Chittagong?": "book"})
    agent = call(model, services, settings)
    await agent.greeting()
    refused, _ = await say(agent, "Can you find me a cheap flight to Chittagong?")
    assert "only help" in refused or "not something I can help" in refused
    assert await hotel.pool.fetchval("SELECT count(*) FROM audit_logs") == 0
    wifi, _ = await say(agent, "Is there wifi?")
    assert settings.wifi in wifi
    _, events = await say(agent, "Let me talk to a real person please")
    assert isinstance(events[-1], Transfer)
    _, events = await say(call(model, services, settings, sid="CAbye"), "No, that's all, bye")
    assert isinstance(events[-1], HangUp)


async def test_a_digression_mid_booking_comes_back_to_the_open_question(hotel: Database, services: Services,
                                                                        settings: Settings) -> None:
    opening = "I want to book a room for tomorrow"
    agent = call(ScriptedModel({opening: "book"}), services, settings)
    await agent.greeting()
    asked, _ = await say(agent, opening)
    assert agent.manager.ask_now == "nights"
    answer, _ = await say(agent, "Do you have parking?")
    assert settings.parking in answer and agent.manager.ask_now == "nights"


async def test_with_the_model_down_the_words_are_read_by_keywords_not_apologised_for(
        hotel: Database, services: Services, settings: Settings) -> None:
    await existing(services, CALLER, "Rafiq Islam")
    agent = call(ScriptedModel(down=True), services, settings)
    await agent.greeting()
    asked, events = await say(agent, "I have to cancel my reservation")
    assert "Shall I cancel" in asked and FALLBACK not in asked
    assert not any(isinstance(e, Say) and e.fallback for e in events)


async def test_the_grammar_admits_yes_and_no_only_after_a_yes_or_no_question() -> None:
    assert "yes" not in commands.allowed("help") and "answer" not in commands.allowed("help")
    assert {"yes", "no"} <= set(commands.allowed("confirm")) and "answer" in commands.allowed("dates")


@pytest.mark.parametrize(("moment", "words"), [
    ("hearing", "I would like"),  # the settled words, while the caller speaks
    ("paused", "is there somewhere to leave"),  # the words so far, while the final transcript is made
])
async def test_the_caller_s_words_are_prefilled_before_the_turn_ends(
        moment: str, words: str, hotel: Database, services: Services, settings: Settings) -> None:
    model = ScriptedModel()
    agent = call(model, services, settings)
    await agent.greeting()
    getattr(agent, moment)(words)
    await agent.settled()
    assert model.prefilled[-1] == commands.turn_text("help", words)


async def test_words_understood_while_the_caller_paused_are_not_decoded_again(
        hotel: Database, services: Services, settings: Settings) -> None:
    model = ScriptedModel(labels={"hmm about that thing, thanks": "goodbye"})
    agent = call(model, services, settings)
    await agent.greeting()
    agent.anticipate("hmm about that thing, thanks")
    await agent.settled()
    assert len(model.requests) == 1 and agent.manager.turns == 0  # understood, nothing done yet
    said, events = await say(agent, "hmm about that thing, thanks")
    assert len(model.requests) == 1 and isinstance(events[-1], HangUp), said


async def test_a_caller_who_went_on_after_the_pause_is_understood_on_all_their_words(
        hotel: Database, services: Services, settings: Settings) -> None:
    model = ScriptedModel(labels={"hmm about": "goodbye"})
    agent = call(model, services, settings)
    await agent.greeting()
    agent.anticipate("hmm about")
    await agent.settled()
    said, events = await say(agent, "hmm about the other thing we said")
    assert len(model.requests) == 2 and not any(isinstance(e, HangUp) for e in events), said


async def test_a_greeting_before_the_request_is_answered_not_taken_for_a_goodbye(
        hotel: Database, services: Services, settings: Settings) -> None:
    model = ScriptedModel(default="goodbye")  # what the small model made of "Good morning." under load
    agent = call(model, services, settings)
    await agent.greeting()
    for hello in ("Good morning.", "Hello?", "Hi there, good afternoon"):
        said, events = await say(agent, hello)
        assert not any(isinstance(e, HangUp) for e in events), said
    assert not model.requests


@dataclass
class BusyModel(ScriptedModel):
    """A model whose queue is long: it answers, but only after ``delay_s``."""

    delay_s: float = 1.0

    async def decode(self, request: DecodeRequest) -> str:
        await asyncio.sleep(self.delay_s)
        return await super().decode(request)


async def test_a_busy_model_does_not_hold_the_caller_the_words_are_read_by_keywords(
        hotel: Database, services: Services, settings: Settings) -> None:
    model = BusyModel(default="other", delay_s=5.0)
    agent = call(model, services, settings, sid="CAbusy01", calls_on_the_model=8, budget_s=0.2)
    await agent.greeting()
    started = asyncio.get_running_loop().time()
    await say(agent, "and then I was also wondering about the breakfast situation here in general")
    assert asyncio.get_running_loop().time() - started < 2.0
    assert agent.manager.last_command == Command("fact", "keywords")
    assert agent.analytics.model_busy_turns == 1


@dataclass
class CountedBusyModel(BusyModel):
    tried: int = 0  # decodes asked for, answered or not

    async def decode(self, request: DecodeRequest) -> str:
        self.tried += 1
        return await super().decode(request)


async def test_turns_stop_waiting_for_a_model_that_keeps_missing_its_budget_and_try_it_again_now_and_then(
        hotel: Database, services: Services, settings: Settings) -> None:
    from agent.dialogue import model_load

    words = "and then I was also wondering about the breakfast situation here in general"
    model = CountedBusyModel(default="other", delay_s=5.0)
    agent = call(model, services, settings, sid="CAbusy07", calls_on_the_model=8, budget_s=0.05)
    await agent.greeting()
    asked = []
    for _ in range(model_load.WINDOW + model_load.PROBE_EVERY):
        await say(agent, words)
        asked.append(model.tried)
        assert agent.manager.last_command == Command("fact", "keywords")
    window = model_load.WINDOW
    assert asked[:window] == list(range(1, window + 1))  # each waited out its budget
    assert asked[window:] == [window, window, window + 1]  # then read at once, with every third trying the model
    assert agent.analytics.model_busy_turns == window + model_load.PROBE_EVERY
    quick = ScriptedModel(labels={words: "fact"})  # another model (another process's) has its own record
    agent = call(quick, services, settings, sid="CAbusy08", calls_on_the_model=8, budget_s=0.05)
    await agent.greeting()
    await say(agent, words)
    assert agent.manager.last_command == Command("fact", "model")


async def test_the_only_call_on_the_model_waits_for_it(
        hotel: Database, services: Services, settings: Settings) -> None:
    model = BusyModel(labels={"and one more thing about the other matter, thanks": "goodbye"}, delay_s=0.5)
    agent = call(model, services, settings, sid="CAbusy02", calls_on_the_model=1, budget_s=0.2)
    await agent.greeting()
    await say(agent, "and one more thing about the other matter, thanks")
    assert agent.manager.last_command == Command("goodbye", "model")
    assert agent.analytics.model_busy_turns == 0


async def test_the_greeting_rendered_at_start_up_is_not_left_open_as_a_call(
        hotel: Database, services: Services, settings: Settings) -> None:
    from agent.voice_wiring import prerender_greeting

    class SilentVoice:  # the TTS boundary: the greeting's audio is not what this test is about
        async def speak(self, text: str) -> AsyncIterator[bytes]:
            yield b""

    built: list[AgentConversation] = []

    def factory(info: CallInfo) -> AgentConversation:
        built.append(AgentConversation(info, llm=ScriptedModel(), services=services, settings=settings))
        return built[-1]

    before = AgentConversation.open_calls
    await prerender_greeting(factory, SimpleNamespace(tts=SilentVoice()))  # type: ignore[arg-type]
    assert built and built[0].closed and AgentConversation.open_calls == before
    assert await services.db.pool.fetchval("SELECT count(*) FROM voice_call_analytics") == 0  # nothing recorded


async def test_two_dates_joined_by_a_misheard_word_are_the_stay(hotel: Database, services: Services,
                                                                settings: Settings) -> None:
    opening = "I'd like to reserve a room from December 14th, Central December 16th"
    agent = call(ScriptedModel({opening: "book"}), services, settings)
    await agent.greeting()
    await say(agent, opening)
    assert agent.manager.ask_now == "guests"  # not "when will you be checking out?"


async def test_a_whole_stay_the_model_could_not_place_is_a_booking(hotel: Database, services: Services,
                                                                   settings: Settings) -> None:
    opening = "Hi, I was hoping to grab something from the 8th until the 10th of January"
    agent = call(ScriptedModel({}, default="other"), services, settings)
    await agent.greeting()
    await say(agent, opening)
    assert agent.manager.ask_now == "guests"


async def test_guests_or_a_room_type_said_first_are_a_booking(hotel: Database, services: Services,
                                                              settings: Settings) -> None:
    # The model could not place the words (its request was lost); what they hold is what a room is wanted for.
    agent = call(ScriptedModel({}, default="other"), services, settings)
    await agent.greeting()
    await say(agent, "It's going to be three adults")
    flow = agent.manager.flow
    assert isinstance(flow, BookFlow) and flow.guests == 3 and agent.manager.ask_now == "dates"
    other = call(ScriptedModel({}, default="other"), services, settings, sid="CAdialog02")
    await other.greeting()
    await say(other, "Is there a bus to the airport for three adults?")  # outside the hotel: no booking
    assert other.manager.flow is None


@pytest.mark.parametrize(("asked_again", "slot"), [(True, False), (False, True)])
async def test_that_s_all_without_a_goodbye_does_not_hang_up_after_a_repeat_or_mid_question(
        hotel: Database, services: Services, settings: Settings, asked_again: bool, slot: bool) -> None:
    opening = "I'd like to book a room" if slot else "Is there parking?"
    misheard = "Yes, that's all, it was flying"
    agent = call(ScriptedModel({misheard: "goodbye"}), services, settings)
    await agent.greeting()
    await say(agent, opening)
    if asked_again:
        agent.asked_again()  # the pipeline said "Sorry, I didn't catch that"
    _, events = await say(agent, misheard)
    assert not any(isinstance(e, HangUp) for e in events)
    _, events = await say(agent, "Okay, bye now")
    assert isinstance(events[-1], HangUp)


async def test_an_answer_that_misses_the_question_is_acknowledged_asked_again_then_the_front_desk_offered(
        hotel: Database, services: Services, settings: Settings) -> None:
    opening = "I'd like to book a room for the 14th of December"
    agent = call(ScriptedModel({opening: "book"}, default="answer"), services, settings)
    await agent.greeting()
    first, _ = await say(agent, opening)
    assert agent.manager.ask_now == "nights"
    second, _ = await say(agent, "two adults")
    assert "2 guests" in second and "didn't catch" in second and second != first
    assert agent.manager.ask_now == "nights"
    # Another answer to another question is still progress: noted, and the question asked again.
    third, _ = await say(agent, "My name is Leila Noor")
    assert "Leila Noor" in third and "didn't catch" in third and "front desk" not in third
    fourth, _ = await say(agent, "hmm, let me think")
    assert "front desk" in fourth
    _, events = await say(agent, "yes please")
    assert isinstance(events[-1], Transfer)


async def test_declining_the_front_desk_goes_back_to_the_question(hotel: Database, services: Services,
                                                                  settings: Settings) -> None:
    opening = "I'd like to book a room for the 14th of December"
    agent = call(ScriptedModel({opening: "book"}, default="answer"), services, settings)
    await agent.greeting()
    await say(agent, opening)
    await say(agent, "two adults")
    offer, _ = await say(agent, "hmm")
    assert "front desk" in offer
    back, _ = await say(agent, "no")
    assert agent.manager.ask_now == "nights"
    await say(agent, "three nights")
    assert agent.manager.ask_now != "nights"


async def test_an_answer_that_sounds_like_another_task_still_answers_the_question(
        hotel: Database, services: Services, settings: Settings) -> None:
    opening = "I'd like to book a room for the 14th of December"
    agent = call(ScriptedModel({opening: "book", "Make the reservation three nights.": "change"}), services,
                 settings)
    await agent.greeting()
    await say(agent, opening)
    await say(agent, "Make the reservation three nights.")
    assert agent.manager.flow is not None and agent.manager.flow.name == "book"
    assert agent.manager.ask_now == "guests"


async def test_a_caller_with_a_booking_asking_about_my_stay_is_told_it(hotel: Database, services: Services,
                                                                        settings: Settings) -> None:
    await existing(services, CALLER, "Rafiq Islam", days=10, nights=2)
    for sid, words in (("CAfind1", "Hi there, can you remind me what dates my stay is for?"),
                       ("CAfind2", "Hi there, can you remind me what date my pay is for?"),  # misheard "stay"
                       ("CAfind3", "hi, the dates on my stay please")):
        agent = call(ScriptedModel(default="book"), services, settings, sid=sid)
        await agent.greeting()
        told, _ = await say(agent, words)
        assert "December 13th" in told, words  # the departure: the booking was found and read out


async def test_calling_the_whole_thing_off_misheard_cancels_a_callers_booking(
        hotel: Database, services: Services, settings: Settings) -> None:
    code = await existing(services, CALLER, "Rafiq Islam")
    agent = call(ScriptedModel(default="other"), services, settings)
    await agent.greeting()
    asked, _ = await say(agent, "so I would like to call the whole of the hall")
    assert say_code(code) in asked and "cancel" in asked.lower()


async def test_moving_a_booking_from_its_day_to_another_keeps_its_length(hotel: Database, services: Services,
                                                                         settings: Settings) -> None:
    await existing(services, CALLER, "Rafiq Islam", days=10, nights=2)  # Friday the 11th to the 13th
    opening = "My booking is for Friday the 11th. Can we try Monday the 14th instead?"
    agent = call(ScriptedModel({opening: "change"}), services, settings)
    await agent.greeting()
    asked, _ = await say(agent, opening)
    assert "December 14th" in asked and "December 16th" in asked and "Shall I make the change?" in asked


async def test_changing_the_dates_asks_for_the_new_dates(hotel: Database, services: Services,
                                                         settings: Settings) -> None:
    await existing(services, CALLER, "Rafiq Islam")
    opening = "Could I please change the dates of my reservation?"
    agent = call(ScriptedModel({opening: "change"}), services, settings)
    await agent.greeting()
    asked, _ = await say(agent, opening)
    assert "new dates" in asked or "dates would you like instead" in asked


async def test_the_booking_meant_is_picked_by_its_month(hotel: Database, services: Services,
                                                        settings: Settings) -> None:
    await existing(services, CALLER, "Rafiq Islam", days=10)
    later = await existing(services, CALLER, "Rafiq Islam", days=70)  # February
    model = ScriptedModel({"I need to cancel one of my bookings": "cancel"}, default="answer")
    agent = call(model, services, settings)
    await agent.greeting()
    listed, _ = await say(agent, "I need to cancel one of my bookings")
    assert agent.manager.ask_now == "which"
    asked, _ = await say(agent, "The one in February.")
    assert say_code(later) in asked and "cancel" in asked.lower()


async def test_a_cancel_that_names_the_month_of_one_of_two_bookings_reads_that_one_back_at_once(
        hotel: Database, services: Services, settings: Settings) -> None:
    await existing(services, CALLER, "Rafiq Islam", days=10)
    later = await existing(services, CALLER, "Rafiq Islam", days=70)  # February
    request = "I've got two reservations, please cancel the February one"
    agent = call(ScriptedModel({request: "cancel"}), services, settings)
    await agent.greeting()
    asked, _ = await say(agent, request)
    assert agent.manager.ask_now == "confirm" and say_code(later) in asked


async def test_a_cancel_that_names_the_arrival_of_one_of_two_bookings_reads_that_one_back_despite_small_talk(
        hotel: Database, services: Services, settings: Settings) -> None:
    meant = await existing(services, CALLER, "Rafiq Islam", days=12)
    await existing(services, CALLER, "Rafiq Islam", days=40)
    arrival = services.today() + timedelta(days=12)
    day = f"{arrival.day}{'th' if 11 <= arrival.day <= 13 else {1: 'st', 2: 'nd', 3: 'rd'}.get(arrival.day % 10, 'th')}"
    # "today" in the small talk reads as a date too: the arrival said must still single out the booking.
    request = f"Good morning, all well today? Cancel the one on the {day}, the other can stay"
    agent = call(ScriptedModel({request: "cancel"}), services, settings)
    await agent.greeting()
    asked, _ = await say(agent, request)
    assert agent.manager.ask_now == "confirm" and say_code(meant) in asked


async def test_a_new_arrival_with_the_same_check_out_keeps_the_departure(hotel: Database, services: Services,
                                                                       settings: Settings) -> None:
    await existing(services, CALLER, "Rafiq Islam", days=10, nights=2)
    arrival = services.today() + timedelta(days=9)
    day = f"{arrival.day}{'th' if 11 <= arrival.day <= 13 else {1: 'st', 2: 'nd', 3: 'rd'}.get(arrival.day % 10, 'th')}"
    request = f"Could my booking begin on the {day} instead, same check-out please"
    agent = call(ScriptedModel({request: "change"}), services, settings)
    await agent.greeting()
    asked, _ = await say(agent, request)
    assert agent.manager.ask_now == "confirm" and "3 nights" in asked  # not moved whole (2 nights)


async def test_a_refused_change_is_not_tried_again_every_turn(hotel: Database, services: Services,
                                                              settings: Settings) -> None:
    code = await existing(services, CALLER, "Rafiq Islam")
    await hotel.pool.execute("UPDATE reservations SET status = 'cancelled' WHERE confirmation_code = $1", code)
    model = ScriptedModel({"Please move my booking to the 20th": "change"}, default="answer")
    agent = call(model, services, settings)
    await agent.greeting()
    await say(agent, "Please move my booking to the 20th")
    assert agent.manager.flow is None or agent.manager.flow.finished or agent.manager.ask_now != "what_change"


async def test_a_double_room_asked_for_from_the_listed_rooms_is_the_plainest(
        hotel: Database, services: Services, settings: Settings) -> None:
    opening = "I'd like a room from the 14th to the 16th of December for two adults"
    agent = call(ScriptedModel({opening: "book"}, default="answer"), services, settings)
    await agent.greeting()
    listed, _ = await say(agent, opening)
    assert "Standard Queen" in listed and "Deluxe King" in listed
    await say(agent, "a twin room please")
    assert agent.manager.ask_now == "name"
    read_back, _ = await say(agent, "Leila Noor")
    assert "Standard Queen" in read_back


async def test_arriving_a_day_later_moves_the_booking_and_keeps_its_length(
        hotel: Database, services: Services, settings: Settings) -> None:
    await existing(services, CALLER, "Rafiq Islam", days=10, nights=2)  # the 11th to the 13th
    opening = "Is it alright if we get there one day later?"
    agent = call(ScriptedModel({opening: "change"}), services, settings)
    await agent.greeting()
    asked, _ = await say(agent, opening)
    assert "December 12th" in asked and "December 14th" in asked and "Shall I make the change?" in asked


async def test_more_guests_than_the_room_sleeps_reads_back_a_room_that_fits(
        hotel: Database, services: Services, settings: Settings) -> None:
    await existing(services, CALLER, "Rafiq Islam")  # a Standard Queen for two
    opening = "We are three people now on my booking, not two."
    agent = call(ScriptedModel({opening: "change"}), services, settings)
    await agent.greeting()
    asked, _ = await say(agent, opening)
    assert "Suite King" in asked and "3 guests" in asked and "Shall I make the change?" in asked


async def test_a_new_departure_alone_keeps_the_arrival(hotel: Database, services: Services,
                                                       settings: Settings) -> None:
    await existing(services, CALLER, "Rafiq Islam", days=10, nights=2)  # the 11th to the 13th
    opening = "Could we check out on the 15th instead?"
    agent = call(ScriptedModel({opening: "change"}), services, settings)
    await agent.greeting()
    asked, _ = await say(agent, opening)
    assert "December 11th" in asked and "December 15th" in asked and "4 nights" in asked


async def test_words_read_by_keywords_get_the_same_plain_word_rules_as_the_model_s_label(
        hotel: Database, services: Services, settings: Settings) -> None:
    model = BusyModel(default="other", delay_s=5.0)
    agent = call(model, services, settings, sid="CAbusy03", calls_on_the_model=8, budget_s=0.1)
    await agent.greeting()
    said, _ = await say(agent, "so we were thinking the deluxe king for the pair of us, the 20th through the 23rd")
    assert agent.manager.last_command == Command("book", "keywords"), said
    assert "can only help" not in said and agent.manager.flow is not None and agent.manager.flow.name == "book", said


async def test_a_yes_that_repeats_the_code_read_back_cancels_whatever_the_model_called_it(
        hotel: Database, services: Services, settings: Settings) -> None:
    code = await existing(services, CALLER, "Rafiq Islam")
    await existing(services, CALLER, "Rafiq Islam", days=20)
    request = f"Could you cancel {say_code(code)} for me, the later one is fine"
    again = f"Yes, only {say_code(code)}"
    agent = call(ScriptedModel({request: "cancel", again: "answer"}), services, settings)
    await agent.greeting()
    asked, _ = await say(agent, request)
    assert say_code(code) in asked and asked.endswith("?")
    done, _ = await say(agent, again)
    assert "cancelled" in done
    assert await hotel.pool.fetchval("SELECT status FROM reservations WHERE confirmation_code = $1", code) \
        == "cancelled"


async def test_a_booking_named_by_its_month_while_the_other_is_kept_is_read_back_at_once(
        hotel: Database, services: Services, settings: Settings) -> None:
    await existing(services, CALLER, "Rafiq Islam", days=10)  # December 11th
    january = await existing(services, CALLER, "Rafiq Islam", days=45)  # January 15th
    request = "I'd like the January stay cancelled but hang on to the one in December"
    agent = call(ScriptedModel({request: "cancel"}), services, settings)
    await agent.greeting()
    asked, _ = await say(agent, request)
    assert say_code(january) in asked and "January" in asked and "December" not in asked


async def test_a_stay_moved_from_its_own_arrival_keeps_its_length_and_a_repeated_day_confirms(
        hotel: Database, services: Services, settings: Settings) -> None:
    await existing(services, CALLER, "Rafiq Islam", days=10, nights=3)  # December 11th to 14th
    request = "Could you shift our stay from the 11th to the 17th, still three nights?"
    agent = call(ScriptedModel({request: "change"}, default="answer"), services, settings)
    await agent.greeting()
    asked, _ = await say(agent, request)
    assert "December 17th" in asked and "December 20th" in asked and "Shall I make the change?" in asked
    await say(agent, "Yes, from the 17th.")
    row = await hotel.pool.fetchrow("SELECT check_in, check_out FROM reservations")
    assert (row["check_in"].isoformat(), row["check_out"].isoformat()) == ("2026-12-17", "2026-12-20")


async def test_a_stay_begun_in_the_past_is_refused_in_the_caller_s_words_not_the_back_office_s(
        hotel: Database, services: Services, settings: Settings, clock: FakeClock) -> None:
    await existing(services, CALLER, "Rafiq Islam", days=1, nights=2)  # December 2nd to 4th, never checked in
    clock.advance(days=2)
    request = "Could we change the booking to leave on the 9th?"
    agent = call(ScriptedModel({request: "change"}, default="answer"), services, settings)
    await agent.greeting()
    refused, _ = await say(agent, request)
    assert "already passed" in refused and "check_in" not in refused and "before today" not in refused


async def test_a_booking_named_as_this_month_s_is_picked_from_the_request(
        hotel: Database, services: Services, settings: Settings) -> None:
    december = await existing(services, CALLER, "Rafiq Islam", days=20)  # December 21st
    await existing(services, CALLER, "Rafiq Islam", days=70)  # February
    request = "Please cancel the stay at the end of this month, the February one can remain"
    agent = call(ScriptedModel({request: "cancel"}), services, settings)
    await agent.greeting()
    asked, _ = await say(agent, request)
    assert say_code(december) in asked and asked.startswith("Shall I cancel")


async def test_an_arrival_brought_forward_with_the_same_day_out_keeps_the_departure(
        hotel: Database, services: Services, settings: Settings) -> None:
    await existing(services, CALLER, "Rafiq Islam", days=10, nights=2)  # December 11th to 13th
    request = "I would sooner check in on the 9th of December than the 11th, please alter my booking, same day out"
    agent = call(ScriptedModel({request: "change"}, default="answer"), services, settings)
    await agent.greeting()
    asked, _ = await say(agent, request)
    assert "December 9th" in asked and "December 13th" in asked and "4 nights" in asked


async def test_a_stay_moved_to_the_weekend_after_moves_a_week(
        hotel: Database, services: Services, settings: Settings) -> None:
    await existing(services, CALLER, "Rafiq Islam", days=10, nights=2)  # Friday December 11th to 13th
    request = "Could my booking be pushed to the weekend after, same nights?"
    agent = call(ScriptedModel({request: "change"}, default="answer"), services, settings)
    await agent.greeting()
    asked, _ = await say(agent, request)
    assert "December 18th" in asked and "December 20th" in asked


async def test_a_code_read_in_two_halves_singles_out_the_booking_at_once(
        hotel: Database, services: Services, settings: Settings) -> None:
    meant = await existing(services, CALLER, "Rafiq Islam", days=10)
    await existing(services, CALLER, "Rafiq Islam", days=30)
    spoken = say_code(meant).split()
    request = f"Two rooms are booked, cancel only {' '.join(spoken[:3])}, then {' '.join(spoken[3:])}, not the other"
    agent = call(ScriptedModel({request: "cancel"}), services, settings)
    await agent.greeting()
    asked, _ = await say(agent, request)
    assert agent.manager.ask_now == "confirm" and say_code(meant) in asked


async def test_a_booking_said_to_go_ahead_is_not_the_one_cancelled(
        hotel: Database, services: Services, settings: Settings) -> None:
    december = await existing(services, CALLER, "Rafiq Islam", days=10)  # December 11th
    await existing(services, CALLER, "Rafiq Islam", days=45)  # January 15th
    request = "Would you cancel the December visit, the January one is still going ahead"
    agent = call(ScriptedModel({request: "cancel"}), services, settings)
    await agent.greeting()
    asked, _ = await say(agent, request)
    assert agent.manager.ask_now == "confirm" and say_code(december) in asked and "January" not in asked


async def test_a_guest_count_put_right_changes_the_booking_and_cancels_nothing(
        hotel: Database, services: Services, settings: Settings) -> None:
    code = await existing(services, CALLER, "Rafiq Islam", days=10)  # 2 guests
    request = "The reservation on the 11th is down as 2 guests, that's wrong, just 1 person, my colleague can't make it"
    agent = call(ScriptedModel({request: "cancel"}, default="answer"), services, settings)
    await agent.greeting()
    asked, _ = await say(agent, request)
    assert "cancel" not in asked.lower() and "1 guest" in asked, asked
    await say(agent, "Yes please.")
    row = await hotel.pool.fetchrow("SELECT status, guests FROM reservations WHERE confirmation_code = $1", code)
    assert (row["status"], row["guests"]) == ("confirmed", 1)


async def test_a_booking_named_by_the_holiday_near_it_ends_a_night_later(
        hotel: Database, services: Services, settings: Settings) -> None:
    await existing(services, CALLER, "Rafiq Islam", days=22, nights=3)  # December 23rd to 26th
    await existing(services, CALLER, "Rafiq Islam", days=60)
    request = "The stay just before christmas needs to finish a night later, on the 27th instead of the 26th"
    agent = call(ScriptedModel({request: "change"}, default="answer"), services, settings)
    await agent.greeting()
    asked, _ = await say(agent, request)
    assert "December 23rd" in asked and "December 27th" in asked and "4 nights" in asked, asked


async def test_a_change_request_names_its_booking_by_month_though_it_asks_for_other_days(
        hotel: Database, services: Services, settings: Settings) -> None:
    await existing(services, CALLER, "Rafiq Islam", days=10)  # December 11th
    await existing(services, CALLER, "Rafiq Islam", days=45, nights=3)  # January 15th to 18th
    request = "Could my January stay begin on the 20th instead, same three nights"
    agent = call(ScriptedModel({request: "change"}, default="answer"), services, settings)
    await agent.greeting()
    asked, _ = await say(agent, request)
    assert "January 20th" in asked and "January 23rd" in asked and "December" not in asked, asked


async def test_a_guest_in_the_room_asking_to_keep_it_till_the_afternoon_gets_a_late_check_out(
        hotel: Database, services: Services, settings: Settings) -> None:
    code = await existing(services, CALLER, "Rafiq Islam", days=0, nights=2)
    await hotel.pool.execute("UPDATE reservations SET status = 'checked_in' WHERE confirmation_code = $1", code)
    request = "could 101 stay ours till 3 on the last day"
    agent = call(ScriptedModel({request: "change"}, default="answer"), services, settings)
    await agent.greeting()
    await say(agent, request)
    assert agent.manager.flow is not None and agent.manager.flow.name == "late_checkout"


async def test_a_whole_stay_from_a_caller_with_no_booking_is_booked_whatever_the_model_called_it(
        hotel: Database, services: Services, settings: Settings) -> None:
    request = "could you make it from the 9th, and the reservation will be for 3 nights"
    agent = call(ScriptedModel({request: "change"}, default="answer"), services, settings)
    await agent.greeting()
    await say(agent, request)
    assert agent.manager.flow is not None and agent.manager.flow.name == "book"


async def test_a_whole_stay_from_a_caller_with_a_booking_stays_a_change(
        hotel: Database, services: Services, settings: Settings) -> None:
    await existing(services, CALLER, "Rafiq Islam", days=10)
    request = "could you make it from the 9th, and the reservation will be for 3 nights"
    agent = call(ScriptedModel({request: "change"}, default="answer"), services, settings)
    await agent.greeting()
    await say(agent, request)
    assert agent.manager.flow is not None and agent.manager.flow.name == "change"


async def test_a_new_caller_giving_their_check_in_day_and_nights_is_offered_rooms(
        hotel: Database, services: Services, settings: Settings) -> None:
    request = "Good evening, my arrival date will be the 9th and I'll stay 3 nights"
    agent = call(ScriptedModel({request: "find"}, default="answer"), services, settings)
    await agent.greeting()
    asked, _ = await say(agent, request)
    assert agent.manager.flow is not None and agent.manager.flow.name == "book", asked
    assert "code" not in asked.lower(), asked


async def test_a_booking_named_by_its_weekend_is_the_one_changed(
        hotel: Database, services: Services, settings: Settings) -> None:
    today = services.today()
    to_friday = 4 - today.weekday() if today.weekday() <= 4 else 11 - today.weekday()  # next Friday on a weekend
    await existing(services, CALLER, "Rafiq Islam", days=to_friday, nights=2)  # Friday to Sunday
    await existing(services, CALLER, "Rafiq Islam", days=45)
    request = "Of our two bookings, could this weekend's stay run to Monday rather than Sunday"
    agent = call(ScriptedModel({request: "change"}, default="answer"), services, settings)
    await agent.greeting()
    asked, _ = await say(agent, request)
    friday = today + timedelta(days=to_friday)
    assert f"{friday + timedelta(days=3):%B} {(friday + timedelta(days=3)).day}" in asked and "3 nights" in asked, asked


async def test_a_booking_named_to_be_kept_in_a_part_of_a_month_is_not_the_one_cancelled(
        hotel: Database, services: Services, settings: Settings) -> None:
    await existing(services, CALLER, "Rafiq Islam", days=10)  # December 11th
    january = await existing(services, CALLER, "Rafiq Islam", days=45)  # January 15th
    request = "Please cancel the January trip; the one in mid-December is still on"
    agent = call(ScriptedModel({request: "cancel"}), services, settings)
    await agent.greeting()
    asked, _ = await say(agent, request)
    assert agent.manager.ask_now == "confirm" and say_code(january) in asked and "December" not in asked, asked


async def test_a_booking_named_by_the_part_of_its_month_is_the_one_cancelled(
        hotel: Database, services: Services, settings: Settings) -> None:
    today = services.today()
    first = date(today.year + 1, 3, 4)  # two stays in one month: early and late March
    late = await existing(services, CALLER, "Rafiq Islam", days=(date(today.year + 1, 3, 25) - today).days)
    await existing(services, CALLER, "Rafiq Islam", days=(first - today).days)
    request = "Please cancel our late March stay; the early March one is still happening"
    agent = call(ScriptedModel({request: "cancel"}), services, settings)
    await agent.greeting()
    asked, _ = await say(agent, request)
    assert agent.manager.ask_now == "confirm" and say_code(late) in asked and "March 4th" not in asked, asked


async def test_a_booking_named_by_a_holiday_on_another_country_s_calendar_is_the_one_cancelled(
        hotel: Database, services: Services, settings: Settings) -> None:
    today = services.today()
    canadian = date(today.year + 1, 10, 1)
    while canadian.weekday() != 0:
        canadian += timedelta(days=1)
    canadian += timedelta(days=7)  # Canada's Thanksgiving: the second Monday of October
    october = await existing(services, CALLER, "Rafiq Islam", days=(canadian - today).days - 2)  # Saturday to Monday
    await existing(services, CALLER, "Rafiq Islam", days=(date(today.year + 1, 11, 2) - today).days)
    request = "Please cancel our Thanksgiving stay, the other one stays"
    agent = call(ScriptedModel({request: "cancel"}), services, settings)
    await agent.greeting()
    asked, _ = await say(agent, request)
    assert agent.manager.ask_now == "confirm" and say_code(october) in asked and "November" not in asked, asked


async def test_a_booking_named_by_its_week_is_the_one_cancelled(
        hotel: Database, services: Services, settings: Settings) -> None:
    today = services.today()
    this_week = await existing(services, CALLER, "Rafiq Islam", days=6 - today.weekday(), nights=1)  # this Sunday
    await existing(services, CALLER, "Rafiq Islam", days=45)
    request = "We hold two reservations; please cancel the one for this week"
    agent = call(ScriptedModel({request: "cancel"}), services, settings)
    await agent.greeting()
    asked, _ = await say(agent, request)
    assert agent.manager.ask_now == "confirm" and say_code(this_week) in asked, asked


async def test_a_booking_just_after_new_year_is_the_new_year_one(
        hotel: Database, services: Services, settings: Settings) -> None:
    today = services.today()
    after = await existing(services, CALLER, "Rafiq Islam", days=(date(today.year + 1, 1, 3) - today).days)
    await existing(services, CALLER, "Rafiq Islam", days=(date(today.year + 1, 3, 10) - today).days)
    request = "Please cancel the new year one, the March trip stays"
    agent = call(ScriptedModel({request: "cancel"}), services, settings)
    await agent.greeting()
    asked, _ = await say(agent, request)
    assert agent.manager.ask_now == "confirm" and say_code(after) in asked and "March" not in asked, asked


async def test_a_no_that_names_the_callers_other_booking_reads_that_one_back_and_cancels_only_it(
        hotel: Database, services: Services, settings: Settings) -> None:
    december = await existing(services, CALLER, "Rafiq Islam", days=10)  # December 11th
    january = await existing(services, CALLER, "Rafiq Islam", days=45)  # January 15th
    request, instead = "Please cancel the January stay", "No no, I meant the December one"
    agent = call(ScriptedModel({request: "cancel", instead: "no", "Yes": "yes"}), services, settings)
    await agent.greeting()
    asked, _ = await say(agent, request)
    assert say_code(january) in asked
    asked, _ = await say(agent, instead)
    assert agent.manager.ask_now == "confirm" and say_code(december) in asked, asked
    done, _ = await say(agent, "Yes")
    assert "cancelled" in done
    status = "SELECT status FROM reservations WHERE confirmation_code = $1"
    assert await hotel.pool.fetchval(status, december) == "cancelled"
    assert await hotel.pool.fetchval(status, january) == "confirmed"


async def test_a_yes_that_names_the_other_booking_is_not_taken_for_the_one_read_back(
        hotel: Database, services: Services, settings: Settings) -> None:
    december = await existing(services, CALLER, "Rafiq Islam", days=10)
    january = await existing(services, CALLER, "Rafiq Islam", days=45)
    request, answer = "Please cancel the January stay", "Yes, the December booking"
    agent = call(ScriptedModel({request: "cancel", answer: "yes"}), services, settings)
    await agent.greeting()
    await say(agent, request)
    asked, _ = await say(agent, answer)  # the model's yes, to words that name the other booking's month
    assert agent.manager.ask_now == "confirm" and say_code(december) in asked, asked
    status = "SELECT status FROM reservations WHERE confirmation_code = $1"
    assert await hotel.pool.fetchval(status, december) == "confirmed"
    assert await hotel.pool.fetchval(status, january) == "confirmed"


async def test_a_no_to_the_read_back_of_one_of_two_bookings_asking_for_the_other_one_switches(
        hotel: Database, services: Services, settings: Settings) -> None:
    december = await existing(services, CALLER, "Rafiq Islam", days=10)
    january = await existing(services, CALLER, "Rafiq Islam", days=45)
    request, instead = "Please cancel the January stay", "No, the other one"
    agent = call(ScriptedModel({request: "cancel", instead: "no", "Yes, go ahead": "yes"}), services, settings)
    await agent.greeting()
    await say(agent, request)
    asked, _ = await say(agent, instead)
    assert say_code(december) in asked and say_code(january) not in asked, asked
    await say(agent, "Yes, go ahead")
    status = "SELECT status FROM reservations WHERE confirmation_code = $1"
    assert await hotel.pool.fetchval(status, december) == "cancelled"
    assert await hotel.pool.fetchval(status, january) == "confirmed"


async def test_a_yes_that_names_the_booking_read_back_cancels_it(
        hotel: Database, services: Services, settings: Settings) -> None:
    await existing(services, CALLER, "Rafiq Islam", days=10)
    january = await existing(services, CALLER, "Rafiq Islam", days=45)
    request, answer = "Please cancel the January stay", "Yes, the January one"
    agent = call(ScriptedModel({request: "cancel", answer: "yes"}), services, settings)
    await agent.greeting()
    await say(agent, request)
    done, _ = await say(agent, answer)
    assert "cancelled" in done
    assert await hotel.pool.fetchval("SELECT status FROM reservations WHERE confirmation_code = $1", january) \
        == "cancelled"


@dataclass
class RefusingDesk:
    """A desk whose back office refuses the name the flow holds, as the booking tool does for a name the caller
    never said; it records what the flow said and asked."""

    spoken: list[str] = field(default_factory=list)
    asked: list[str] = field(default_factory=list)
    today: date = date(2026, 12, 1)
    known_name: str | None = None
    room_types: Sequence[Any] = ()

    def say(self, text: str) -> None:
        self.spoken.append(text)

    def ask(self, ask: str, line: str | None = None) -> None:
        self.asked.append(ask)

    def line(self, key: str) -> str:
        return key

    async def tool(self, name: str, arguments: Mapping[str, Any], call_id: str | None = None) -> ToolResult:
        return ToolResult(False, "May I have the name for the booking, please?", error="ValidationFailed",
                          data={"error_field": "guest_name", "error_detail": "the caller has not said that name"})


async def test_a_name_the_back_office_refuses_is_asked_for_not_dropped_with_the_booking() -> None:
    flow = BookFlow(stay=Stay(date(2026, 12, 10), date(2026, 12, 12)), guests=1, room_type="STD",
                    offer_id="offer-1", guest_name="Someone")
    desk = RefusingDesk()
    await flow._next(desk)
    assert desk.asked == ["name"] and flow.guest_name is None and not flow.finished
