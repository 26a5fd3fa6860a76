"""The agent's side of a call: a ``pipeline.responder.Responder`` over the dialogue manager.

Flows in code (``agent.dialogue``) decide what to ask, when to read back and when to act; the
model only labels each caller turn (``agent.dialogue.commands``). Facts come from the database
through the tool registry. ``install(app, settings)`` loads the process's one model in the
background; ``responder_factory(app)`` builds a conversation per call.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import time
from collections.abc import AsyncIterator, Callable, Sequence
from datetime import timedelta
from pathlib import Path
from typing import Any, Final

from aiohttp import web

from agent.analytics import CallAnalytics
from agent.dialogue import commands
from agent.dialogue.commands import Command
from agent.dialogue.manager import DialogueManager, room_type_names
from agent.llm.base import CommandModel, DecodeRequest, LLMSettings, LLMUnavailable, Message
from agent.settings import Settings
from agent.web.keys import SERVICES, SETTINGS
from backoffice import guests, inventory
from backoffice.errors import BackofficeError
from backoffice.services import Services
from pipeline.responder import CallInfo, Outcome, ReplyEvent, Responder, ResponderFactory, Say
from tools.context import CallLimits, ToolContext
from tools.registry import ToolRegistry, default_registry

log = logging.getLogger("concierge.agent")

FALLBACK: Final = (
    "I'm sorry, I'm having trouble answering right now. Would you like me to connect you to the front desk?"
)
class AgentConversation:
    """One call's conversation (``pipeline.responder.Responder``, ``HearsPartials`` and ``Anticipates``).

    The dialogue manager (``agent.dialogue.manager``) decides what to say; this class adapts it to
    the pipeline: the greeting without the model, the caller's settled words prefilled into the
    model's cache while they speak, what was heard when the caller talked over a read-back, and the
    call's analytics when it ends. If anything fails inside a turn the caller hears an apology and
    an offer of a person (``Say.fallback``), never silence.
    """

    open_calls = 0  # in this process: with one, the model is never queued behind another call

    def __init__(
        self,
        call: CallInfo,
        *,
        llm: Any,
        services: Services,
        settings: Settings,
        registry: ToolRegistry | None = None,
        calls_on_the_model: Callable[[], int] | None = None,
    ) -> None:
        self.call = call
        self.llm = llm
        # How many calls share the model now (this process's open conversations unless told otherwise).
        self._calls_on_the_model = calls_on_the_model or (lambda: AgentConversation.open_calls)
        self.services = services
        self.settings = settings
        self.registry = registry or default_registry()
        limits = CallLimits(holds=settings.max_holds_per_call, code_guesses=settings.max_code_guesses)
        self.context = ToolContext(services, settings.facts, call.call_sid, caller_phone=call.from_number,
                                   limits=limits)
        self.analytics = CallAnalytics(call)
        self.manager = DialogueManager(self.context, self.registry, llm, room_types=[], analytics=self.analytics,
                                       front_desk=settings.front_desk_number or None,
                                       model_budget_s=self._model_budget)
        self._room_types_loaded = False
        self._prefilling: asyncio.Task[None] | None = None
        self._anticipated: tuple[str, asyncio.Task[Command]] | None = None
        self.closed = False
        AgentConversation.open_calls += 1

    async def _load_room_types(self) -> None:
        if self._room_types_loaded:
            return
        today = self.services.today()
        rows = await inventory.availability(self.services.db.pool, today, today + timedelta(days=1), guests=1)
        self.manager.room_types = room_type_names(rows)
        self._room_types_loaded = True

    async def greeting(self) -> str:
        # Only the caller lookup happens here, never the model: the greeting plays at once.
        name: str | None = None
        returning = False
        if self.call.from_number:
            try:
                guest = await guests.find_by_phone(self.services.db.pool, self.call.from_number)
            except BackofficeError:  # a withheld or odd caller ID is not a reason to fail the call
                guest = None
            if guest is not None:
                name, returning = guest.name, guest.is_returning
        self.context.state.known_name = name
        await self._load_room_types()
        hotel = self.settings.facts.name
        if name and returning:
            text = f"Hello {name.split()[0]}, welcome back to {hotel}! How can I help you today?"
        elif name:
            text = f"Hello {name.split()[0]}, thank you for calling {hotel}. How can I help you today?"
        else:
            text = f"Thank you for calling {hotel}. How can I help you today?"
        self._prefill("")  # the fixed prompt and the turn's opening, while the greeting plays
        return text

    async def respond(self, user_text: str) -> AsyncIterator[ReplyEvent]:
        self.analytics.user_turn(user_text)
        self._cancel_prefill()
        try:
            await self._load_room_types()
            text = user_text.strip()
            events = await self.manager.handle(text, await self._anticipated_command(text))
        except Exception:
            log.exception("call %s: the turn failed; apologising", self.call.call_sid)
            self.analytics.model_failures += 1
            events = [Say(FALLBACK, fallback=True)]
        try:
            for event in events:
                yield event
        finally:
            self.analytics.reply_finished()
            if not self.closed:
                self._prefill("")

    def hearing(self, partial_text: str) -> None:
        """The caller's settled words so far (``pipeline.responder.HearsPartials``): evaluate them now, so
        only the last word or two are left for when they stop."""
        if partial_text.strip():
            self._prefill(partial_text.strip())

    def _model_budget(self) -> float | None:
        """How long this turn may wait for the model: bounded only while other calls share it."""
        return self.settings.llm_turn_budget_s if self._calls_on_the_model() > 1 else None

    def paused(self, words_so_far: str) -> None:
        """The caller paused on these words (the latest partial transcript): evaluate them into the
        model's cache while Whisper makes the final transcript, which mostly starts with them."""
        if words_so_far.strip() and not self.closed:
            self._cancel_anticipation()  # it was for the words before an earlier pause
            self._prefill(words_so_far.strip())

    def anticipate(self, user_text: str) -> None:
        """The caller paused on these words (``pipeline.responder.Anticipates``): work out what they mean
        now, so that when the endpoint confirms the turn only the reply is left to do. Understanding
        changes nothing in the conversation; a caller who goes on talking makes it moot."""
        text = user_text.strip()
        if not text or self.closed:
            return
        self._cancel_anticipation()
        self._cancel_prefill()  # the decode evaluates the same words, and more

        async def understand() -> Command:
            await self._load_room_types()
            return await self.manager.understand(text)

        self._anticipated = (text, asyncio.create_task(understand()))

    async def _anticipated_command(self, text: str) -> Command | None:
        """The command anticipated for exactly these words, if there is one (else the turn decodes)."""
        anticipated, self._anticipated = self._anticipated, None
        if anticipated is None:
            return None
        words, task = anticipated
        if words != text:
            task.cancel()
            return None
        try:
            return await task
        except Exception as error:  # the turn understands the words itself
            log.debug("call %s: the anticipated understanding failed: %r", self.call.call_sid, error)
            return None

    def _cancel_anticipation(self) -> None:
        if self._anticipated is not None:
            self._anticipated[1].cancel()
        self._anticipated = None

    def _prefill(self, words: str) -> None:
        prefill = getattr(self.llm, "prefill", None)
        if prefill is None or self.closed:
            return
        if self._anticipated is not None and not self._anticipated[1].done():
            return  # the anticipated decode has these words already
        self._cancel_prefill()
        messages = commands.catalogue()
        partial = commands.turn_text(self.manager.ask_now, words)

        async def evaluate() -> None:
            try:
                await prefill(self.call.call_sid, messages, partial)
            except Exception as error:  # only an optimisation: the turn evaluates it anyway
                log.debug("prefill for call %s failed: %r", self.call.call_sid, error)

        self._prefilling = asyncio.create_task(evaluate())

    def _cancel_prefill(self) -> None:
        if self._prefilling is not None and not self._prefilling.done():
            self._prefilling.cancel()
        self._prefilling = None

    async def settled(self) -> None:
        """Wait for background prefilling and anticipation (benchmarks use this to stand in for the
        caller's speaking time)."""
        pending = [task for task in (self._prefilling, self._anticipated and self._anticipated[1]) if task]
        await asyncio.gather(*pending, return_exceptions=True)

    def asked_again(self) -> None:
        """The pipeline asked the caller to repeat (``pipeline.responder.AsksAgain``)."""
        self.manager.asked_again()

    def heard(self, heard_text: str, *, interrupted: bool) -> None:
        if not interrupted:
            return
        self.analytics.interruptions += 1
        # The question ends the reply: a caller who talked over it did not hear what a "yes" would agree to.
        self.manager.forget_read_back()

    async def discard(self) -> None:
        """Let go of the model's cache and this call's place among the open calls, recording nothing
        (a conversation that never became a call: the greeting rendered at start-up)."""
        if self.closed:
            return
        self.closed = True
        AgentConversation.open_calls -= 1
        self._cancel_prefill()
        self._cancel_anticipation()
        release = getattr(self.llm, "release", None)
        if release is not None:
            try:
                await release(self.call.call_sid)
            except Exception as error:
                log.debug("release for call %s failed: %r", self.call.call_sid, error)

    async def close(self, outcome: Outcome | None = None) -> None:
        if self.closed:
            return
        await self.discard()
        try:
            await self.analytics.store(self.services.db, outcome)
        except Exception:
            log.exception("could not store analytics for call %s", self.call.call_sid)


# --- wiring into the app ---------------------------------------------------------------------


class UnavailableBackend:
    """Stands in when no model could be loaded: every turn is read by keywords (``commands.keyword_command``)."""

    name = "unavailable"

    def __init__(self, reason: str) -> None:
        self.reason = reason

    async def decode(self, request: DecodeRequest) -> str:
        raise LLMUnavailable(self.reason)

    async def prefill(self, session: str, messages: Sequence[Message], partial: str = "") -> None:
        return None

    async def release(self, session: str) -> None:
        return None

    async def aclose(self) -> None:
        return None


LLM = web.AppKey("llm", CommandModel)


async def load_backend(settings: Settings) -> CommandModel:
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
            n_threads=model_threads(settings.llm_threads),
            alone_threads=settings.llm_threads or os.cpu_count(),
        )
    except (ImportError, BackofficeError, OSError, ValueError, LLMUnavailable) as error:
        log.error("no language model available (%s); callers' words will be read by keywords only", error)
        return UnavailableBackend(str(error))
    return backend


def model_threads(configured: int = 0, cores: int | None = None) -> int:
    """The embedded model's threads while other work shares the cores: as configured, else half the
    cores (at least one). A step that decodes for the only call takes every core
    (``BatchedEngine.alone_threads``).

    Whisper, Piper and the VAD share the cores with the model. llama.cpp's threads meet at a barrier
    after every operation, so one of them preempted by a transcription stalls the whole step: with
    8 calls on 2 cores, 2 model threads took the first reply to 9.5 s (p50), 1 thread to 1.7 s.
    """
    if configured:
        return configured
    return max(1, (cores or os.cpu_count() or 2) // 2)


async def warm_backend(backend: CommandModel) -> None:
    """Evaluate the fixed command catalogue once, so the first caller's turn only evaluates its own words.

    The catalogue holds no date, room type or price, so nothing the hotel does (seeding, midnight,
    new room types) ever invalidates it.
    """
    started = time.perf_counter()
    warm_up = getattr(backend, "warm_up", None)  # the embedded model: no timeout on its one long evaluation
    if warm_up is not None:
        await warm_up(commands.catalogue())
    else:
        await backend.prefill(WARM_SESSION, commands.catalogue(), commands.turn_text("help", ""))
    log.info("model warm: the command catalogue is cached (%.1f s)", time.perf_counter() - started)


WARM_SESSION: Final = "warm-up"


class LazyBackend:
    """Loads the real backend on first use, or in the background from start-up (``install``).

    The server listens at once: a call that arrives while the model loads gets its greeting (which
    needs no model), and its first turn waits for the model within the usual timeout.
    """

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.name = "lazy"
        self._backend: CommandModel | None = None
        self._lock = asyncio.Lock()
        # Set once the catalogue is cached (``install`` warms it in the background). Until then a turn
        # is read by keywords at once rather than waiting seconds behind the warm-up.
        self.warm = asyncio.Event()

    async def loaded(self) -> CommandModel:
        if self._backend is not None:
            return self._backend
        async with self._lock:
            if self._backend is None:
                self._backend = await load_backend(self.settings)
            return self._backend

    async def decode(self, request: DecodeRequest) -> str:
        if self.settings.voice_preload and not self.warm.is_set():
            raise LLMUnavailable("the model is still warming up")
        try:
            async with asyncio.timeout(self.settings.llm_timeout_s):
                backend = await asyncio.shield(self.loaded())
        except TimeoutError as error:
            raise LLMUnavailable("the model is still loading") from error
        return await backend.decode(request)

    async def prefill(self, session: str, messages: Sequence[Message], partial: str = "") -> None:
        if self._backend is not None:  # never wait for a load just to prefetch
            await self._backend.prefill(session, messages, partial)

    async def release(self, session: str) -> None:
        if self._backend is not None:
            await self._backend.release(session)

    async def aclose(self) -> None:
        if self._backend is not None:
            await self._backend.aclose()


def install(app: web.Application, settings: Settings) -> None:
    """The process's one model: loaded and warmed in the background from start-up (``voice_preload``),
    or on first use; closed with the app. The server never waits for it to accept calls."""

    async def language_model(app: web.Application) -> AsyncIterator[None]:
        lazy = LazyBackend(settings)
        app[LLM] = lazy
        warming: asyncio.Task[None] | None = None
        if settings.voice_preload:

            async def load_and_warm() -> None:
                try:
                    await warm_backend(await lazy.loaded())
                except Exception:
                    log.exception("warming the model failed; the first call will be slower")
                lazy.warm.set()

            warming = asyncio.create_task(load_and_warm())
        yield
        if warming is not None:
            warming.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await warming
        await lazy.aclose()

    app.cleanup_ctx.append(language_model)


def responder_factory(app: web.Application) -> ResponderFactory:
    def build(call: CallInfo) -> Responder:
        return AgentConversation(call, llm=app[LLM], services=app[SERVICES], settings=app[SETTINGS])

    return build


ConversationFactory = Callable[[CallInfo], AgentConversation]
