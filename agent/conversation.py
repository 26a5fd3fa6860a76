"""The agent's side of a call: a ``pipeline.responder.Responder`` driven by an LLM and the tool registry.

Each caller turn: the model streams a reply (spoken sentence by sentence as it arrives) or calls
tools. A tool's result carries its own spoken sentence built from the database (dates, prices,
confirmation codes), which is said as is: the read-back never depends on the model copying
numbers. A tool that takes longer than ``FILLER_AFTER_S`` gets a holding phrase first, and runs
shielded so a barge-in cannot interrupt a commit. If the model is unavailable the caller hears an
apology and an offer of a person, never silence. ``heard()`` trims history to what was heard.

``install(app, settings)`` loads the one LLM of the process in a cleanup context;
``responder_factory(app)`` builds a conversation per call.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import re
import time
from collections.abc import AsyncIterator, Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Final

from aiohttp import web

from agent.analytics import CallAnalytics
from agent.llm.base import LLMBackend, LLMEvent, LLMSettings, LLMUnavailable, Message, TextDelta, ToolCall, ToolSpec
from agent.prompts import RoomTypeLine, caller_note, example_dialogues, system_prompt
from agent.settings import Settings
from agent.web.keys import SERVICES, SETTINGS
from backoffice import guests, inventory
from backoffice.errors import BackofficeError
from backoffice.services import Services
from pipeline.responder import CallInfo, HangUp, Outcome, ReplyEvent, Responder, ResponderFactory, Say, Transfer
from tools.context import ToolContext
from tools.registry import ToolRegistry, ToolResult, default_registry

log = logging.getLogger("concierge.agent")

FILLER: Final = "One moment while I check."
FILLER_AFTER_S: Final = 0.4
FALLBACK: Final = (
    "I'm sorry, I'm having trouble answering right now. Would you like me to connect you to the front desk?"
)
MAX_STEPS: Final = 3  # model calls per caller turn (a malformed tool call gets one more try)
HISTORY_MESSAGES: Final = 24  # after the fixed prefix; older turns are dropped whole, half at a time
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
MIN_SENTENCE_CHARS: Final = 12


_YES = re.compile(
    r"^(yes|yeah|yep|yup|sure|correct|right|ok|okay|go ahead|please do|do it|confirm|absolutely|of course|"
    r"that's (right|correct|fine|perfect)|sounds good|perfect|great)\b", re.I)
_BUT = re.compile(r"\b(no|not|don't|dont|wait|but|change|instead|actually|cancel that|hold on)\b", re.I)


def is_plain_yes(text: str) -> bool:
    """An unqualified yes ("Yes, please go ahead"), not "yes, but make it Saturday"."""
    words = text.strip().lower()
    return bool(_YES.match(words)) and not _BUT.search(words)


class SentenceSplitter:
    """Cuts streamed text into sentences as soon as each one ends (short fragments wait for more)."""

    def __init__(self) -> None:
        self._buffer = ""

    def feed(self, text: str) -> list[str]:
        self._buffer += text
        sentences: list[str] = []
        while True:
            match = _SENTENCE_END.search(self._buffer)
            if match is None:
                break
            candidate = self._buffer[: match.start()].strip()
            if len(candidate) < MIN_SENTENCE_CHARS:
                # "Hi." alone is too short to be worth a TTS round trip: join it with the next sentence.
                nxt = _SENTENCE_END.search(self._buffer, match.end())
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


class AgentConversation:
    """One call's conversation (implements ``pipeline.responder.Responder``)."""

    def __init__(
        self,
        call: CallInfo,
        *,
        llm: LLMBackend,
        services: Services,
        settings: Settings,
        registry: ToolRegistry | None = None,
        filler_after_s: float = FILLER_AFTER_S,
    ) -> None:
        self.call = call
        self.llm = llm
        self.services = services
        self.settings = settings
        self.registry = registry or default_registry()
        self.specs: list[ToolSpec] = self.registry.specs()
        self.filler_after_s = filler_after_s
        self.context = ToolContext(services, settings.facts, call.call_sid, caller_phone=call.from_number)
        self.analytics = CallAnalytics(call)
        self.messages: list[Message] = []  # the fixed prefix goes first, on the first greeting or turn
        self._prefix_len = 0
        self._note = caller_note(call.from_number, None, False)
        self._turn_spoken: list[int] = []  # indices of this turn's assistant messages that were spoken
        self._pending: set[asyncio.Task[Any]] = set()
        self._awaiting_yes: ToolCall | None = None  # the read-back call a plain "yes" confirms
        self._tools_ran = False
        self._prefetching: asyncio.Task[Any] | None = None
        self._building: asyncio.Future[None] | None = None
        self.closed = False

    # --- Responder ---------------------------------------------------------------------------

    async def _ensure_prompt(self) -> None:
        # One build shared by the greeting's prefetch and the first turn, whichever asks first.
        if self._building is None:
            self._building = asyncio.ensure_future(self._build_prefix())
        await asyncio.shield(self._building)

    async def _build_prefix(self) -> None:
        prefix = await prompt_prefix(self.llm, self.settings, self.services)
        self.messages[:0] = prefix
        self._prefix_len = len(prefix)

    async def greeting(self) -> str:
        # Only the caller lookup happens here, never the model (or its prompt): the greeting plays at once.
        name: str | None = None
        returning = False
        if self.call.from_number:
            try:
                guest = await guests.find_by_phone(self.services.db.pool, self.call.from_number)
            except BackofficeError:  # a withheld or odd caller ID is not a reason to fail the call
                guest = None
            if guest is not None:
                name, returning = guest.name, guest.is_returning
        self._note = caller_note(self.call.from_number, name, returning)
        hotel = self.settings.facts.name
        if name and returning:
            text = f"Hello {name.split()[0]}, welcome back to {hotel}! How can I help you today?"
        elif name:
            text = f"Hello {name.split()[0]}, thank you for calling {hotel}. How can I help you today?"
        else:
            text = f"Thank you for calling {hotel}. How can I help you today?"
        # Kept in the per-call note rather than as an assistant turn: a small model repeats its own
        # earlier replies, and the greeting is the one most worth not repeating.
        self._note += f' You have greeted the caller with: "{text}"'
        self._prefetch(after_greeting=True)  # the prompt is evaluated while the greeting plays
        return text

    async def respond(self, user_text: str) -> AsyncIterator[ReplyEvent]:
        await self._ensure_prompt()
        self.analytics.user_turn(user_text)
        self.context.state.caller_said.append(user_text)
        self._turn_spoken = []
        self.messages.append(Message("user", user_text.strip()))
        awaiting, self._awaiting_yes = self._awaiting_yes, None
        try:
            if awaiting is not None and is_plain_yes(user_text):
                async for event in self._confirmed(awaiting):
                    yield event
                return
            async for event in self._turn():
                yield event
        finally:
            self.analytics.reply_finished()
            self._prefetch()

    def hearing(self, partial_text: str) -> None:
        """The caller's settled words so far (``pipeline.responder.HearsPartials``): evaluate them now.

        A caller takes seconds to say a sentence; evaluating their words as they settle leaves only
        the last word or two (and the turn's closing tokens) for after they stop.
        """
        if partial_text.strip():
            self._prefetch(partial=partial_text.strip())

    def _prefetch(self, *, after_greeting: bool = False, partial: str = "") -> None:
        """While the caller listens and answers, evaluate this call's history into the model's cache.

        The next turn then only evaluates the caller's new words before its first token, instead of
        the tool results and replies of this turn as well (hundreds of tokens on a small CPU).
        """
        warm = getattr(self.llm, "warm", None)
        if warm is None or self.closed:
            return

        async def evaluate() -> None:
            try:
                if after_greeting or partial:
                    await self._ensure_prompt()
                await warm(self._prompt(), self.specs, partial=partial)
            except Exception as error:  # only an optimisation: the next turn evaluates it anyway
                log.debug("prefetch for call %s failed: %r", self.call.call_sid, error)

        task = asyncio.create_task(evaluate())
        self._prefetching = task
        self._pending.add(task)
        task.add_done_callback(self._pending.discard)

    async def settled(self) -> None:
        """Wait for background prefetching (benchmarks use this to stand in for the caller's speaking time)."""
        if self._prefetching is not None:
            await asyncio.gather(self._prefetching, return_exceptions=True)

    def heard(self, heard_text: str, *, interrupted: bool) -> None:
        if not interrupted:
            return
        self.analytics.interruptions += 1
        remaining = len(heard_text.strip())
        for index in self._turn_spoken:
            message = self.messages[index]
            if remaining >= len(message.content):
                remaining -= len(message.content) + 1
                continue
            kept = message.content[: max(0, remaining)].rsplit(" ", 1)[0] if remaining > 0 else ""
            remaining = 0
            self.messages[index] = Message(
                message.role, kept + ("..." if kept else ""), message.tool_calls, message.tool_call_id, message.name
            )
        # Spoken-only messages the caller heard none of carry nothing for the model.
        self.messages = [
            m for i, m in enumerate(self.messages)
            if not (i in self._turn_spoken and m.role == "assistant" and not m.content and not m.tool_calls)
        ]
        self._turn_spoken = []

    async def close(self, outcome: Outcome | None = None) -> None:
        if self.closed:
            return
        self.closed = True
        if self._prefetching is not None:
            self._prefetching.cancel()  # nothing more to say on this call
        if self._pending:  # a booking still committing is part of the call's outcome
            await asyncio.gather(*self._pending, return_exceptions=True)
        try:
            await self.analytics.store(self.services.db, outcome)
        except Exception:
            log.exception("could not store analytics for call %s", self.call.call_sid)

    # --- one turn ----------------------------------------------------------------------------

    def _prompt(self) -> list[Message]:
        prefix, rest = self.messages[: self._prefix_len], self.messages[self._prefix_len:]
        if len(rest) > HISTORY_MESSAGES:
            # Dropped in one big step, then left alone until it grows again: a history that shifted
            # by one turn every turn would defeat the model's prompt cache on every turn.
            cut = len(rest) - HISTORY_MESSAGES // 2
            while cut < len(rest) and rest[cut].role != "user":  # a turn boundary, never an orphan tool result
                cut += 1
            del self.messages[self._prefix_len: self._prefix_len + cut]
            self._turn_spoken = [i - cut for i in self._turn_spoken if i - cut >= self._prefix_len]
            rest = self.messages[self._prefix_len:]
        return [*prefix, Message("system", self._note), *rest]

    def _say(self, text: str) -> list[Say]:
        return [Say(sentence) for sentence in split_sentences(text)]

    def _spoken(self, message: Message) -> None:
        self.messages.append(message)
        self._turn_spoken.append(len(self.messages) - 1)

    async def _turn(self) -> AsyncIterator[ReplyEvent]:
        for _step in range(MAX_STEPS):
            splitter = SentenceSplitter()
            text: list[str] = []
            calls: list[ToolCall] = []
            try:
                async for event in self._stream():
                    if isinstance(event, TextDelta):
                        text.append(event.text)
                        for sentence in splitter.feed(event.text):
                            yield Say(sentence)
                    else:
                        calls.append(event)
            except LLMUnavailable as error:
                log.warning("call %s: model unavailable: %s", self.call.call_sid, error)
                self.analytics.model_failures += 1
                said = "".join(text).strip()
                rest = splitter.flush()
                if rest:
                    yield Say(rest)
                self._spoken(Message("assistant", (said + " " + FALLBACK).strip()))
                yield Say(FALLBACK)
                return
            rest = splitter.flush()
            if rest:
                yield Say(rest)
            said = "".join(text).strip()
            if not calls:
                self._spoken(Message("assistant", said or "Sorry, could you say that again?"))
                if not said:
                    yield Say("Sorry, could you say that again?")
                return
            self._spoken(Message("assistant", said, tool_calls=tuple(calls)))
            async for reply in self._act(calls):
                yield reply
            if self._tools_ran:
                return
        yield Say(FALLBACK)
        self._spoken(Message("assistant", FALLBACK))

    async def _act(self, calls: list[ToolCall]) -> AsyncIterator[ReplyEvent]:
        """Run the calls of one assistant message, yielding what to say; ``_tools_ran`` says if any ran.

        Tool messages must directly follow the call message; what was said goes after all of them.
        """
        speeches: list[str] = []
        final: ReplyEvent | None = None
        ran = False
        for call in calls:
            if final is not None:
                content = json.dumps({"ok": False, "error": "not run: the call was ending"})
                self.messages.append(Message("tool", content, tool_call_id=call.id, name=call.name))
                continue
            if call.malformed or call.name not in self.registry:
                problem = call.malformed or f"unknown tool {call.name!r}"
                self.messages.append(Message("tool", json.dumps({"ok": False, "error": problem}),
                                             tool_call_id=call.id, name=call.name))
                continue
            result: ToolResult | None = None
            async for item in self._run_tool(call):
                if isinstance(item, ToolResult):
                    result = item
                else:
                    yield item
            assert result is not None
            ran = True
            # A read-back waits for the caller's answer; a plain "yes" then repeats exactly this call.
            self._awaiting_yes = call if result.data.get("needs_confirmation") else None
            self.messages.append(Message("tool", result.for_model(), tool_call_id=call.id, name=call.name))
            speeches.append(result.speech)
            for line in self._say(result.speech):
                yield line
            if result.action == "transfer":
                final = Transfer(str(result.data.get("reason") or "caller asked for a person"),
                                 self.settings.front_desk_number or None)
            elif result.action == "hang_up":
                final = HangUp("caller finished")
        if speeches:
            self._spoken(Message("assistant", " ".join(speeches)))
        self._tools_ran = ran
        if final is not None:
            yield final

    async def _confirmed(self, call: ToolCall) -> AsyncIterator[ReplyEvent]:
        """The caller said yes to a read-back: make the call it confirmed, without asking the model."""
        confirmed = ToolCall(f"{call.id}-yes", call.name, call.arguments, call.raw_arguments)
        self._spoken(Message("assistant", "", tool_calls=(confirmed,)))
        async for reply in self._act([confirmed]):
            yield reply

    async def _stream(self) -> AsyncIterator[LLMEvent]:
        choices = self.registry.choices(self.context.state)
        async for event in self.llm.stream(self._prompt(), self.specs, choices=choices):
            yield event

    async def _run_tool(self, call: ToolCall) -> AsyncIterator[ReplyEvent | ToolResult]:
        started = time.perf_counter()
        task = asyncio.create_task(
            self.registry.call(call.name, call.arguments, self.context, call_id=call.id)
        )
        self._pending.add(task)
        task.add_done_callback(self._pending.discard)
        done, _ = await asyncio.wait({task}, timeout=self.filler_after_s)
        if not done:
            yield Say(FILLER, filler=True)
        # Shielded: if the caller barges in and this turn is cancelled, a booking still commits.
        result = await asyncio.shield(task)
        self.analytics.tool_called(call.name, call.arguments, result, (time.perf_counter() - started) * 1000)
        yield result


# --- wiring into the app ---------------------------------------------------------------------


async def build_system_prompt(settings: Settings, services: Services) -> str:
    """Today's prompt for this hotel: the same text for every call of the day (the cached prefix)."""
    today = services.today()
    types = await inventory.availability(services.db.pool, today, today + timedelta(days=1), guests=1)
    lines = [RoomTypeLine(t.code, t.name, t.max_occupancy) for t in types]
    return system_prompt(settings.facts, today, sorted(lines, key=lambda line: line.code))


def example_messages(today: date) -> list[Message]:
    """Worked example calls as chat history: small models follow shown turns better than rules."""
    messages: list[Message] = []
    number = 0
    for dialogue in example_dialogues(today):
        for step in dialogue:
            kind = step[0]
            if kind == "user":
                messages.append(Message("user", str(step[1])))
            elif kind == "reply":
                messages.append(Message("assistant", str(step[1])))
            else:
                _, tool, arguments, result, said = step
                number += 1
                args = dict(arguments)  # type: ignore[call-overload]
                call = ToolCall(f"example_{number}", str(tool), args, json.dumps(args))
                messages.append(Message("assistant", "", (call,)))
                messages.append(Message("tool", json.dumps(result, separators=(",", ":")), tool_call_id=call.id,
                                        name=call.name))
                messages.append(Message("assistant", str(said)))
    return messages


async def prompt_prefix(llm: LLMBackend, settings: Settings, services: Services) -> list[Message]:
    """The part of every prompt that is the same for all of today's calls (cached by the embedded model)."""
    system = Message("system", await build_system_prompt(settings, services))
    loaded = getattr(llm, "loaded", None)  # a lazily loaded model must be known before its prefix is
    if loaded is not None:
        llm = await loaded()
    if getattr(llm, "wants_examples", False):
        return [system, *example_messages(services.today())]
    return [system]


class UnavailableBackend:
    """Stands in when no model could be loaded: every turn gets the spoken fallback."""

    name = "unavailable"

    def __init__(self, reason: str) -> None:
        self.reason = reason

    async def stream(self, messages: Any, tools: Any, *, choices: Any = None) -> AsyncIterator[LLMEvent]:
        raise LLMUnavailable(self.reason)
        yield  # pragma: no cover  (makes this an async generator)

    async def aclose(self) -> None:
        return None


LLM = web.AppKey("llm", LLMBackend)


async def load_backend(settings: Settings) -> LLMBackend:
    """OpenAI-compatible when a key or base URL is configured, else the embedded GGUF."""
    if settings.openai_api_key is not None or settings.openai_base_url:
        from agent.llm.openai_backend import OpenAIBackend

        key = settings.openai_api_key.get_secret_value() if settings.openai_api_key else None
        return OpenAIBackend(model=settings.openai_model, api_key=key, base_url=settings.openai_base_url,
                             settings=LLMSettings(timeout_s=settings.llm_timeout_s))
    try:
        from agent.llm.embedded import EmbeddedBackend
        from agent.llm.model_files import resolve_model_path

        path: Path = await asyncio.to_thread(resolve_model_path, settings.llm_model_path, settings.data_dir)
        backend = await asyncio.to_thread(
            EmbeddedBackend.load, path, settings=LLMSettings(timeout_s=settings.llm_timeout_s, max_tokens=160),
            n_threads=settings.llm_threads or os.cpu_count(),
        )
    except (ImportError, BackofficeError, OSError, ValueError) as error:
        log.error("no language model available (%s); callers will be offered the front desk", error)
        return UnavailableBackend(str(error))
    return backend


async def warm_backend(backend: LLMBackend, settings: Settings, services: Services) -> None:
    """Evaluate today's fixed prompt prefix once, so the first caller gets a cached prefix."""
    warm = getattr(backend, "warm", None)
    if warm is not None:
        await warm(await prompt_prefix(backend, settings, services), default_registry().specs())


class LazyBackend:
    """Loads the real backend on first use: for ``voice_preload=False`` (tests, tools that never call)."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.name = "lazy"
        self._backend: LLMBackend | None = None
        self._lock = asyncio.Lock()

    @property
    def wants_examples(self) -> bool:
        return bool(getattr(self._backend, "wants_examples", False))

    async def loaded(self) -> LLMBackend:
        async with self._lock:
            if self._backend is None:
                self._backend = await load_backend(self.settings)
            return self._backend

    async def stream(self, messages: Any, tools: Any, *, choices: Any = None) -> AsyncIterator[LLMEvent]:
        backend = await self.loaded()
        async for event in backend.stream(messages, tools, choices=choices):
            yield event

    async def warm(self, messages: Any, tools: Any, *, partial: str = "") -> None:
        warm = getattr(self._backend, "warm", None)
        if warm is not None:
            await warm(messages, tools, partial=partial)

    async def aclose(self) -> None:
        if self._backend is not None:
            await self._backend.aclose()


def install(app: web.Application, settings: Settings) -> None:
    """Load the process's one LLM with the app (lazily when ``voice_preload`` is off) and close it with it."""

    async def language_model(app: web.Application) -> AsyncIterator[None]:
        if not settings.voice_preload:
            app[LLM] = lazy = LazyBackend(settings)
            yield
            await lazy.aclose()
            return
        backend = await load_backend(settings)
        app[LLM] = backend
        if SERVICES in app:
            try:
                await warm_backend(backend, settings, app[SERVICES])
            except Exception:
                log.exception("warming the model failed; the first call will be slower")
        yield
        await backend.aclose()

    app.cleanup_ctx.append(language_model)


def responder_factory(app: web.Application) -> ResponderFactory:
    def build(call: CallInfo) -> Responder:
        return AgentConversation(call, llm=app[LLM], services=app[SERVICES], settings=app[SETTINGS])

    return build


ConversationFactory = Callable[[CallInfo], AgentConversation]
