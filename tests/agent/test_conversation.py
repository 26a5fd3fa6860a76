"""The conversation end to end with a fake OpenAI-compatible server and the real database."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import timedelta

import pytest
from pydantic import BaseModel

from agent.conversation import FALLBACK, FILLER, AgentConversation, SentenceSplitter, is_plain_yes
from agent.llm.base import LLMSettings, TextDelta
from agent.llm.openai_backend import OpenAIBackend
from agent.settings import Settings
from backoffice import reservations
from backoffice.audit import Actor
from backoffice.db import Database
from backoffice.reservations import CreateReservation, GuestDetails
from backoffice.services import Services
from pipeline.responder import CallInfo, HangUp, ReplyEvent, Say, Transfer
from tests.agent.fake_openai import FakeOpenAI, ScriptedReply, text_reply, tool_reply
from tests.factories import make_room_type
from tools.context import ToolContext
from tools.registry import ToolRegistry, ToolResult
from tools.spoken import say_code, say_date, say_money

CALLER = "+8801711666001"


@pytest.fixture
async def fake() -> AsyncIterator[FakeOpenAI]:
    async with FakeOpenAI() as server:
        yield server


@pytest.fixture
async def hotel(db: Database) -> Database:
    await make_room_type(db, "STD", rooms=3, rate="5000.00", floor=1)
    await make_room_type(db, "DLX", rooms=2, rate="8000.00", floor=2)
    await db.pool.execute("UPDATE room_types SET name = 'Deluxe King' WHERE code = 'DLX'")
    return db


@pytest.fixture
async def llm(fake: FakeOpenAI) -> AsyncIterator[OpenAIBackend]:
    backend = OpenAIBackend(model="fake-model", api_key="sk-test", base_url=fake.base_url,
                            settings=LLMSettings(timeout_s=2.0, retries=1))
    yield backend
    await backend.aclose()


def conversation(llm: OpenAIBackend, services: Services, settings: Settings, **kwargs: object) -> AgentConversation:
    call = CallInfo(call_sid="CAconv0001", stream_sid="MZconv0001", from_number=CALLER)
    return AgentConversation(call, llm=llm, services=services, settings=settings, **kwargs)  # type: ignore[arg-type]


async def turn(agent: AgentConversation, text: str) -> list[ReplyEvent]:
    return [event async for event in agent.respond(text)]


def spoken(events: list[ReplyEvent]) -> str:
    return " ".join(e.text for e in events if isinstance(e, Say) and not e.filler)


async def test_booking_reads_back_dates_price_and_the_code_the_database_holds(
        hotel: Database, fake: FakeOpenAI, llm: OpenAIBackend, services: Services, settings: Settings) -> None:
    today = services.today()
    friday = today + timedelta(days=(4 - today.weekday()) % 7 or 7)
    sunday = friday + timedelta(days=2)
    fake.script(
        tool_reply("check_availability", {"check_in": str(friday), "check_out": str(sunday), "guests": 2}, "c1"),
        tool_reply("create_reservation", {"offer_id": "dlx_offer_2", "guest_name": "Nadia Islam"}, "c2"),
        text_reply("You're welcome, goodbye!"),
    )
    agent = conversation(llm, services, settings)
    greeting = await agent.greeting()
    assert settings.hotel_name in greeting

    listed = spoken(await turn(agent, "Do you have a room from Friday to Sunday for two?"))
    assert "Deluxe King" in listed and say_date(friday) in listed

    read_back = spoken(await turn(agent, "The deluxe please, for Nadia Islam."))
    assert "Shall I book it" in read_back and "Nadia Islam" in read_back
    assert await hotel.pool.fetchval("SELECT count(*) FROM reservations") == 0

    confirmed = spoken(await turn(agent, "Yes, go ahead."))
    row = await hotel.pool.fetchrow(
        """SELECT r.confirmation_code, r.amount, r.currency, r.check_in, r.check_out, r.status, g.phone
           FROM reservations r JOIN guests g ON g.id = r.guest_id""")
    assert row["status"] == "hold" and row["phone"] == CALLER
    assert (row["check_in"], row["check_out"]) == (friday, sunday)
    assert say_code(row["confirmation_code"]) in confirmed
    assert say_money(row["amount"], row["currency"].strip()) in confirmed
    assert say_date(friday, today=today) in confirmed and say_date(sunday, today=today) in confirmed

    # The plain "yes" to the read-back was acted on without asking the model again.
    assert len(fake.requests) == 2
    await turn(agent, "Thanks!")
    # What the model was sent: each tool call, then its result, in the OpenAI message shape.
    last = fake.requests[-1]["messages"]
    calls = [m for m in last if m["role"] == "assistant" and m.get("tool_calls")]
    results = [m for m in last if m["role"] == "tool"]
    assert [c["tool_calls"][0]["id"] for c in calls] == ["c1", "c2", "c2-yes"]
    assert [r["tool_call_id"] for r in results] == ["c1", "c2", "c2-yes"]
    assert '"offer_id":"dlx_offer_2"' in results[0]["content"]
    await agent.close()
    assert await hotel.pool.fetchval("SELECT outcome FROM voice_call_logs WHERE call_sid = 'CAconv0001'") == "booked"


async def test_text_is_spoken_sentence_by_sentence_as_it_streams(
        hotel: Database, fake: FakeOpenAI, llm: OpenAIBackend, services: Services, settings: Settings) -> None:
    fake.script(text_reply("Sure. ", "We have rooms", " from Friday onwards. Anything", " else I can do?"))
    events = await turn(conversation(llm, services, settings), "Any rooms?")
    assert events == [Say("Sure. We have rooms from Friday onwards."), Say("Anything else I can do?")]


@pytest.mark.parametrize(("text", "plain"), [
    ("Yes, please.", True), ("Yes, that's correct, go ahead.", True), ("sure", True), ("Okay, do it", True),
    ("Yes, but make it Saturday", False), ("No.", False), ("yes... actually wait", False), ("Maybe", False),
])
def test_only_an_unqualified_yes_confirms_a_read_back(text: str, plain: bool) -> None:
    assert is_plain_yes(text) is plain


async def test_a_qualified_answer_to_a_read_back_goes_to_the_model(
        hotel: Database, fake: FakeOpenAI, llm: OpenAIBackend, services: Services, settings: Settings) -> None:
    today = services.today()
    fake.script(
        tool_reply("quote_stay", {"room_type": "STD", "check_in": str(today + timedelta(days=2)), "nights": 1}),
        tool_reply("create_reservation", {"offer_id": "std_offer_1", "guest_name": "Rina Das"}, "c2"),
        text_reply("Of course, which day instead?"),
    )
    agent = conversation(llm, services, settings)
    await turn(agent, "A standard room the day after tomorrow")
    await turn(agent, "Book it for Rina Das")
    events = await turn(agent, "Yes, but make it Saturday instead")
    assert spoken(events) == "Of course, which day instead?"
    assert await hotel.pool.fetchval("SELECT count(*) FROM reservations") == 0


def test_sentence_splitter_keeps_decimals_and_joins_tiny_sentences() -> None:
    splitter = SentenceSplitter()
    assert splitter.feed("It is 12.") == []  # no space after the dot: a decimal, not a sentence end
    assert splitter.feed("50 dollars. ") == ["It is 12.50 dollars."]
    assert splitter.feed("Ok. Thanks for waiting! Bye") == ["Ok. Thanks for waiting!"]
    assert splitter.flush() == "Bye"


async def test_when_the_model_is_down_the_caller_is_offered_a_person(
        hotel: Database, fake: FakeOpenAI, llm: OpenAIBackend, services: Services, settings: Settings) -> None:
    fake.script(ScriptedReply(status=503), ScriptedReply(status=503))
    agent = conversation(llm, services, settings)
    events = await turn(agent, "Hello?")
    assert events == [Say(FALLBACK)]
    assert agent.analytics.model_failures == 1


async def test_a_malformed_tool_call_gets_one_more_try_with_the_error(
        hotel: Database, fake: FakeOpenAI, llm: OpenAIBackend, services: Services, settings: Settings) -> None:
    fake.script(tool_reply("check_availability", '{"check_in": "2026-12-04", '), text_reply("Which dates, please?"))
    events = await turn(conversation(llm, services, settings), "A room please")
    assert spoken(events) == "Which dates, please?"
    retry = fake.requests[1]["messages"]
    assert retry[-1]["role"] == "tool" and "not valid JSON" in retry[-1]["content"]


async def test_transfer_and_hang_up_end_the_turn_with_the_right_event(
        hotel: Database, fake: FakeOpenAI, llm: OpenAIBackend, services: Services, tmp_path) -> None:
    settings = Settings(data_dir=tmp_path, secret_key="k" * 32, front_desk_number="+8801700000099")  # type: ignore[arg-type]
    fake.script(tool_reply("transfer_to_human", {"reason": "wants the manager"}), tool_reply("end_call", {}))
    agent = conversation(llm, services, settings)
    events = await turn(agent, "Get me the manager")
    assert events[-1] == Transfer("wants the manager", "+8801700000099")
    events = await turn(agent, "bye")
    assert isinstance(events[-1], HangUp) and "Goodbye" in spoken(events)


class SlowArgs(BaseModel):
    pass


async def test_a_slow_tool_gets_a_filler_first_and_still_finishes(
        hotel: Database, fake: FakeOpenAI, llm: OpenAIBackend, services: Services, settings: Settings) -> None:
    registry = ToolRegistry()

    @registry.tool("slow_lookup", "Takes a while")
    async def slow_lookup(args: SlowArgs, context: ToolContext, call_id: str) -> ToolResult:
        await asyncio.sleep(0.3)
        return ToolResult(True, "Found it for you.")

    fake.script(tool_reply("slow_lookup", {}))
    agent = conversation(llm, services, settings, registry=registry, filler_after_s=0.05)
    events = await turn(agent, "look it up")
    assert events == [Say(FILLER, filler=True), Say("Found it for you.")]


async def test_a_fast_tool_gets_no_filler(
        hotel: Database, fake: FakeOpenAI, llm: OpenAIBackend, services: Services, settings: Settings) -> None:
    fake.script(tool_reply("hotel_info", {"topic": "parking"}))
    events = await turn(conversation(llm, services, settings, filler_after_s=5.0), "parking?")
    assert not any(isinstance(e, Say) and e.filler for e in events)
    assert settings.parking in spoken(events)


async def test_history_keeps_only_what_the_caller_heard(
        hotel: Database, fake: FakeOpenAI, llm: OpenAIBackend, services: Services, settings: Settings) -> None:
    fake.script(text_reply("We have a lovely deluxe room. It has a city view and a rain shower."),
                text_reply("Of course."))
    agent = conversation(llm, services, settings)
    await turn(agent, "Tell me about the deluxe")
    agent.heard("We have a lovely deluxe room. It has a", interrupted=True)
    await turn(agent, "Stop, how much?")
    sent = [m for m in fake.requests[1]["messages"] if m["role"] == "assistant"]
    assert sent[-1]["content"].startswith("We have a lovely deluxe room. It has")
    assert "rain shower" not in sent[-1]["content"]


async def test_a_returning_guest_is_greeted_by_name(
        hotel: Database, llm: OpenAIBackend, services: Services, settings: Settings) -> None:
    today = services.today()
    await reservations.create_reservation(services, CreateReservation(
        room_type="STD", check_in=today + timedelta(days=3), check_out=today + timedelta(days=4), guests=1,
        guest=GuestDetails(name="Farhana Ahmed", phone=CALLER)), Actor.system("test"))
    greeting = await conversation(llm, services, settings).greeting()
    assert greeting.startswith("Hello Farhana, welcome back")


async def test_an_unknown_caller_gets_the_plain_greeting_without_a_model_call(
        hotel: Database, fake: FakeOpenAI, llm: OpenAIBackend, services: Services, settings: Settings) -> None:
    greeting = await conversation(llm, services, settings).greeting()
    assert greeting == f"Thank you for calling {settings.hotel_name}. How can I help you today?"
    assert fake.requests == []


async def test_install_loads_one_backend_with_the_app_and_the_factory_builds_conversations(
        hotel: Database, fake: FakeOpenAI, services: Services, tmp_path) -> None:
    from aiohttp import web
    from aiohttp.test_utils import TestServer

    from agent import conversation as wiring
    from agent.web.keys import SERVICES, SETTINGS

    settings = Settings(data_dir=tmp_path, secret_key="k" * 32, openai_base_url=fake.base_url,  # type: ignore[arg-type]
                        openai_api_key="sk-test", voice_preload=True)  # type: ignore[arg-type]
    app = web.Application()
    app[SETTINGS] = settings
    app[SERVICES] = services
    wiring.install(app, settings)
    fake.script(text_reply("Hello there, how can I help?"))
    async with TestServer(app):
        backend = app[wiring.LLM]
        factory = wiring.responder_factory(app)
        first = factory(CallInfo("CAwire1", "MZwire1", CALLER))
        second = factory(CallInfo("CAwire2", "MZwire2", CALLER))
        assert first is not second and first.llm is second.llm is backend  # type: ignore[attr-defined]
        await first.greeting()
        events = [e async for e in first.respond("hi")]
        assert events == [Say("Hello there, how can I help?")]
        await first.close("completed")
    assert await hotel.pool.fetchval("SELECT outcome FROM voice_call_logs WHERE call_sid = 'CAwire1'") == "completed"


async def test_long_calls_drop_old_turns_in_one_step_keeping_the_prompt_start(
        hotel: Database, fake: FakeOpenAI, llm: OpenAIBackend, services: Services, settings: Settings) -> None:
    from agent.conversation import HISTORY_MESSAGES

    fake.script(*(text_reply(f"Answer number {n}.") for n in range(20)))
    agent = conversation(llm, services, settings)
    for n in range(20):
        await turn(agent, f"Question number {n}?")
    histories = [[m for m in request["messages"] if m["role"] != "system"] for request in fake.requests]
    assert all(len(h) <= HISTORY_MESSAGES + 1 and h[0]["role"] == "user" for h in histories)
    assert histories[-1][-1]["content"] == "Question number 19?"
    # Between two trims the history only grows, so a prompt cache keeps matching turn after turn.
    starts = [h[0]["content"] for h in histories]
    assert len(set(starts)) < len(starts) // 3


class CachingLLM:
    """A test double of the LLMBackend protocol with a prompt cache, recording what it was asked."""

    name = "caching-double"
    wants_examples = True

    def __init__(self) -> None:
        self.warmed: list[list[str]] = []
        self.partials: list[str] = []
        self.prompts: list[list[str]] = []

    async def warm(self, messages, tools, *, partial="") -> None:  # type: ignore[no-untyped-def]
        await asyncio.sleep(0.01)
        self.warmed.append([m.content for m in messages])
        self.partials.append(partial)

    async def stream(self, messages, tools, *, choices=None):  # type: ignore[no-untyped-def]
        self.prompts.append([m.content for m in messages])
        yield TextDelta("Hello, how can I help with your stay?")

    async def aclose(self) -> None:
        return None


def caching_agent(call: str, services: Services, settings: Settings) -> tuple[CachingLLM, AgentConversation]:
    llm = CachingLLM()
    agent = AgentConversation(CallInfo(f"CAcache{call}", f"MZcache{call}", CALLER), llm=llm,  # type: ignore[arg-type]
                              services=services, settings=settings)
    return llm, agent


async def test_the_greeting_and_each_reply_prefetch_the_prompt_the_next_turn_starts_with(
        hotel: Database, services: Services, settings: Settings) -> None:
    llm, agent = caching_agent("1", services, settings)
    greeting = await agent.greeting()
    await agent.settled()  # the greeting plays
    first = await turn(agent, "Hi there")
    await agent.settled()  # the caller listens and answers
    assert spoken(first) == "Hello, how can I help with your stay?"
    prompt = llm.prompts[0]
    assert prompt[-1] == "Hi there" and greeting in prompt[-2]  # the per-call note carries the greeting
    assert len(llm.warmed) == 2  # after the greeting, and after the reply
    assert llm.prompts[0][:-1] == llm.warmed[0]  # the first turn only adds the caller's words
    await turn(agent, "A room please")
    assert llm.prompts[1][:-1] == llm.warmed[1]
    await agent.close()


async def test_a_turn_racing_the_greetings_prefetch_builds_the_prompt_once(
        hotel: Database, services: Services, settings: Settings) -> None:
    llm, agent = caching_agent("2", services, settings)
    await agent.greeting()
    await turn(agent, "Hi there")  # no pause: overlaps the greeting's prefetch
    prompt = llm.prompts[0]
    assert sum(1 for content in prompt if content.startswith("You are the phone receptionist")) == 1
    assert prompt.count("Hi there") == 1 and prompt[-1] == "Hi there"
    await agent.close()


async def test_the_callers_settled_words_are_evaluated_while_they_speak(
        hotel: Database, services: Services, settings: Settings) -> None:
    llm, agent = caching_agent("3", services, settings)
    await agent.greeting()
    await agent.settled()
    agent.hearing("Hi, I'd like")
    await agent.settled()
    agent.hearing("Hi, I'd like to book a")
    await agent.settled()
    assert llm.partials[-2:] == ["Hi, I'd like", "Hi, I'd like to book a"]
    # The history under the partial is exactly what the turn's prompt then starts with.
    await turn(agent, "Hi, I'd like to book a room")
    assert llm.prompts[0][:-1] == llm.warmed[-1] and llm.prompts[0][-1].startswith(llm.partials[-1])
    assert not any(m.role == "user" and m.content == "Hi, I'd like" for m in agent.messages)  # never history
    await agent.close()
