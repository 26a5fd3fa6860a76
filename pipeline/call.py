"""One phone call: Twilio Media Streams in, turns and replies out.

Per call: the transport (websocket), a VAD stream, a streaming transcriber, the turn detector,
the playout tracker and the responder. Shared: the models. The flow of a caller turn is

    media -> 16 kHz -> VAD -> TurnDetector
      SPECULATE   -> final transcript (+ the reply and its audio when the responder allows)
      END_OF_TURN -> release: audio goes out, 20 ms frames + marks
      RESUMED     -> the caller only paused: drop the speculation, keep listening
      BARGE_IN    -> stop, send ``clear``, tell the responder what was heard

A bad message is logged with the call SID and ignored; only ``stop``, the socket closing, a
``HangUp``, a completed transfer, no caller media for ``idle_timeout_s``, or caller audio running
more than ``max_audio_ahead_s`` ahead of real time end the call. Logs at INFO and above carry call
SIDs, never the caller's number, words or keypad digits.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

import numpy as np

from pipeline.audio import PIPELINE_RATE, ULAW_FRAME_BYTES, ULAW_SILENCE, InboundResampler
from pipeline.call_control import CallControl
from pipeline.frames import (
    CallRecorder,
    CallStatus,
    NullRecorder,
    Transcript,
    TurnRecord,
    TurnTimings,
    TwilioDtmf,
    TwilioMark,
    TwilioMedia,
    TwilioStart,
    TwilioStop,
)
from pipeline.models import VoiceModels
from pipeline.playout import Playout
from pipeline.responder import (
    CallInfo,
    HangUp,
    Outcome,
    Responder,
    ResponderFactory,
    Say,
    Transfer,
)
from pipeline.stt_streaming import StreamingTranscriber
from pipeline.transport_aiohttp import AiohttpWebsocketTransport
from pipeline.turns import TurnDetector, TurnEvent, TurnPolicy, looks_unfinished
from pipeline.twilio_protocol import Ignored, clear_message, is_mark, parse

log = logging.getLogger("concierge.call")

_SILENT_FRAME = bytes([ULAW_SILENCE]) * ULAW_FRAME_BYTES
APOLOGY = "Sorry, I had a problem with that. Could you say it again?"
NOT_CAUGHT = "Sorry, I didn't catch that. Could you say it again?"


def unclear_speech(transcript: Transcript, voiced_s: float) -> bool:
    """Did the caller say something we could not make out (rather than cough or breathe)?

    Whisper's gate drops text it is unsure of; when the VAD heard a second of voice and Whisper itself
    thinks it was speech, silence would leave the caller waiting for an answer that never comes.
    """
    if transcript.text:
        return False
    # The longer the voice the VAD heard, the less Whisper's own doubt counts: two seconds of a hard
    # voice came back with a no-speech probability of 0.5-0.6, and the caller got silence.
    long_voice = voiced_s >= 1.5 and transcript.no_speech_prob < 0.8
    return long_voice or (voiced_s >= 1.0 and transcript.no_speech_prob < 0.5)


@dataclass(frozen=True)
class CallConfig:
    turn_policy: TurnPolicy = field(default_factory=TurnPolicy)
    start_timeout_s: float = 15.0
    # Twilio streams continuously; if a client stops sending, advance the clock with silence
    # after this gap so a turn still ends.
    line_gap_s: float = 0.25
    send_lead_s: float = 0.6  # how far ahead of playback outbound audio is sent
    # Twilio sends 20 ms of audio every 20 ms for the whole call: a silent socket is a dead or
    # hostile peer, and one sending faster than real time wants our CPU, not a conversation.
    idle_timeout_s: float = 10.0
    max_audio_ahead_s: float = 5.0


def responder_speculates(responder: Responder) -> bool:
    """May the reply start before the endpoint (and be thrown away if the caller goes on)?

    Only when the responder says so with ``speculative = True``: its ``respond`` must be free of
    side effects until it is released (no tool calls, nothing in its history), because a caller
    who resumes after a pause cancels it. Others start at the endpoint; the final transcript is
    speculative either way.
    """
    return getattr(responder, "speculative", False) is True


@dataclass
class _Turn:
    index: int
    audio: np.ndarray
    timings: TurnTimings
    release: asyncio.Event = field(default_factory=asyncio.Event)
    user_text: str = ""
    responding: bool = False
    audio_started: bool = False
    recorded: bool = False
    agent_only: bool = False  # the greeting or a notice: no caller words, nothing to tell the responder
    voiced_s: float = 0.0  # voiced audio in the utterance, per the VAD
    said: list[str] = field(default_factory=list)  # every Say of the reply, sent or not yet
    fallback: bool = False  # some Say of the reply was the apology instead of an answer
    task: asyncio.Task[None] | None = None


class _AudioLog:
    """Recent caller audio at 16 kHz, addressable by absolute audio time."""

    def __init__(self) -> None:
        self._chunks: list[np.ndarray] = []
        self._start = 0  # absolute sample index of the first kept sample
        self._size = 0

    def append(self, audio: np.ndarray) -> None:
        self._chunks.append(audio)
        self._size += audio.size

    def between(self, start_s: float, end_s: float) -> np.ndarray:
        everything = np.concatenate(self._chunks) if self._chunks else np.zeros(0, np.float32)
        self._chunks = [everything]
        lo = max(0, int(start_s * PIPELINE_RATE) - self._start)
        hi = max(lo, int(end_s * PIPELINE_RATE) - self._start)
        return everything[lo:hi]

    def keep_after(self, start_s: float) -> None:
        drop = int(start_s * PIPELINE_RATE) - self._start
        if drop <= 0 or not self._chunks:
            return
        everything = np.concatenate(self._chunks)[drop:]
        self._chunks = [everything]
        self._start += drop
        self._size = everything.size


class CallSession:
    """Runs one call over ``transport`` until it ends; see the module docstring."""

    def __init__(
        self,
        transport: AiohttpWebsocketTransport,
        models: VoiceModels,
        responder_factory: ResponderFactory,
        *,
        recorder: CallRecorder | None = None,
        control: CallControl | None = None,
        config: CallConfig | None = None,
    ) -> None:
        self.transport = transport
        self.models = models
        self.responder_factory = responder_factory
        self.recorder: CallRecorder = recorder or NullRecorder()
        self.control = control or CallControl(None, front_desk_number="")
        self.config = config or CallConfig()
        self.call: CallInfo | None = None
        self.responder: Responder | None = None
        self.turns_completed = 0
        self.ignored_messages = 0
        self._messages: AsyncIterator[str] = transport.messages().__aiter__()
        self._resampler = InboundResampler()
        self._vad = models.vad.stream()
        self._detector = TurnDetector(self.config.turn_policy)
        self._transcriber = StreamingTranscriber(models.whisper)
        self._audio = _AudioLog()
        self._playout: Playout | None = None
        self._active: _Turn | None = None
        self._turn_counter = 0
        self._records_written = 0
        self._paced_until = 0.0  # when the audio sent so far will have played (pacing clock)
        self._last_media = time.monotonic()  # advanced by the line clock's silence too
        self._last_received = time.monotonic()  # caller media only: the idle timeout
        self._audio_received_s = 0.0
        self._media_clock_start = time.monotonic()
        self._status: CallStatus = "completed"
        self._outcome: Outcome | None = None
        self._transferred_to: str | None = None
        self._transfer_reason: str | None = None
        self._ended = asyncio.Event()
        self._background: set[asyncio.Task[None]] = set()

    @property
    def sid(self) -> str:
        return self.call.call_sid if self.call else "?"

    # --- lifecycle ------------------------------------------------------------------------
    async def run(self, start: TwilioStart | None = None, call: CallInfo | None = None, *,
                  started_at: float | None = None) -> None:
        """Run the call. ``start`` and ``call``: already read (at ``started_at``, monotonic) and admitted
        by the caller of ``run`` (the server checks the call's token first); without them the start
        message is read here and its fields are taken as they are."""
        if start is None:
            start = await self._await_start()
        if start is None:
            await self.transport.close()
            return
        # Caller audio is measured against real time from the start message on: audio that queued
        # while the models loaded arrives in a burst, but it is not ahead of the clock.
        self._media_clock_start = started_at if started_at is not None else time.monotonic()
        self.call = call or CallInfo(
            call_sid=start.call_sid,
            stream_sid=start.stream_sid,
            from_number=start.custom_parameters.get("From") or start.custom_parameters.get("from_number"),
            to_number=start.custom_parameters.get("To") or start.custom_parameters.get("to_number"),
            custom_parameters=dict(start.custom_parameters),
        )
        self._last_received = time.monotonic()
        self._playout = Playout(start.stream_sid)
        self.responder = self.responder_factory(self.call)
        hearing = getattr(self.responder, "hearing", None)
        if callable(hearing):  # optional: a responder that prepares while the caller still speaks
            self._transcriber.on_committed = hearing
        await self._safely(self.recorder.call_started(self.sid, start.stream_sid, self.call.from_number))
        log.info("call %s started (stream %s)", self.sid, start.stream_sid)
        self._spawn(self._greet())
        self._spawn(self._keep_line_clock())
        ended_by_stop = False
        try:
            async for raw in self._messages:
                event = parse(raw)
                if isinstance(event, Ignored):
                    self.ignored_messages += 1
                    log.warning("call %s: ignored message (%s)", self.sid, event.reason)
                elif isinstance(event, TwilioMedia):
                    await self._on_audio(event.payload)
                elif isinstance(event, TwilioMark):
                    if not self._playout.on_mark(event.name):
                        log.debug("call %s: mark %s not pending (late or unknown)", self.sid, event.name)
                elif isinstance(event, TwilioDtmf):
                    self._on_dtmf(event.digit)
                elif isinstance(event, TwilioStop):
                    ended_by_stop = True
                    break
                elif isinstance(event, TwilioStart):
                    log.warning("call %s: second start message ignored", self.sid)
                if self._ended.is_set():
                    break
        except Exception:
            log.exception("call %s: pipeline failure", self.sid)
            self._status, self._outcome = "failed", "failed"
        finally:
            if not ended_by_stop and not self._ended.is_set() and self._status == "completed":
                log.info("call %s: socket closed without stop", self.sid)
                self._status = "abandoned" if self.turns_completed == 0 else "completed"
            await self._finish()

    async def _await_start(self) -> TwilioStart | None:
        return await await_start(self._messages, self.config.start_timeout_s)

    async def _finish(self) -> None:
        self._ended.set()
        if self._active is not None:
            await self._interrupt(send_clear=False)
        for task in list(self._background):
            task.cancel()
        for task in list(self._background):
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
        self._transcriber.close()
        outcome = self._outcome or ("completed" if self.turns_completed else "abandoned")
        if self.responder is not None:
            await self._safely(self.responder.close(outcome))
        await self._safely(self.recorder.call_ended(
            self.sid, self._status, outcome=outcome,
            transferred_to=self._transferred_to, transfer_reason=self._transfer_reason,
        ))
        await self.transport.close()
        log.info("call %s ended: %s (%d turns, %d ignored messages)", self.sid, self._status,
                 self.turns_completed, self.ignored_messages)

    async def _safely(self, awaitable: object) -> None:
        """Records and analytics must never take a call down."""
        try:
            await awaitable  # type: ignore[misc]
        except Exception:
            log.exception("call %s: side task failed", self.sid)

    def _spawn(self, coroutine: object) -> asyncio.Task[None]:
        task: asyncio.Task[None] = asyncio.get_running_loop().create_task(coroutine)  # type: ignore[arg-type]
        self._background.add(task)
        task.add_done_callback(self._background.discard)
        return task

    # --- inbound audio --------------------------------------------------------------------
    async def _on_audio(self, ulaw: bytes) -> None:
        now = time.monotonic()
        self._last_media = self._last_received = now
        self._audio_received_s += len(ulaw) / 8000
        elapsed = now - self._media_clock_start
        ahead = self._audio_received_s - elapsed
        if ahead > self.config.max_audio_ahead_s:
            log.warning("call %s: caller audio runs %.1f s ahead of real time (%.1f s received in %.1f s); "
                        "ending the call", self.sid, ahead, self._audio_received_s, elapsed)
            await self._end_line("failed")
            return
        await self._process(ulaw)

    async def _end_line(self, status: CallStatus) -> None:
        """End the call from our side (idle or abusive peer): no goodbye, the socket closes."""
        if self._ended.is_set():
            return
        self._status = status
        self._outcome = self._outcome or ("completed" if self.turns_completed else "abandoned")
        self._ended.set()
        await self.transport.close()

    async def _process(self, ulaw: bytes) -> None:
        assert self._playout is not None
        audio = self._resampler.push(ulaw)
        self._audio.append(audio)
        detector = self._detector
        for probability, loudness in self._vad.push_with_loudness(audio):
            detector.agent_speaking = self._playout.speaking
            for event in detector.push(probability, loudness):
                await self._on_turn_event(event)
        # Partials only while the caller is audibly speaking: once a pause starts, the final
        # transcript is next and must not queue behind a partial.
        if detector.in_utterance and not detector.speculating and detector.silence_s < 0.07:
            start = detector.utterance_start
            if self._transcriber.due(detector.now - start):
                self._transcriber.partial(self._audio.between(start, detector.now))
        elif not detector.in_utterance and self._active is None:
            self._audio.keep_after(detector.now - 1.0)

    async def _keep_line_clock(self) -> None:
        """Feed silence if the line goes quiet mid-turn, so the endpoint still comes; end the call
        once the caller has sent nothing for ``idle_timeout_s``."""
        gap = self.config.line_gap_s
        while True:
            await asyncio.sleep(min(gap, self.config.idle_timeout_s) / 2)
            idle_for = time.monotonic() - self._last_received
            if idle_for >= self.config.idle_timeout_s:
                log.warning("call %s: no media from the caller for %.1f s; ending the call", self.sid, idle_for)
                await self._end_line("completed" if self.turns_completed else "abandoned")
                return
            silent_for = time.monotonic() - self._last_media
            if silent_for >= gap and (self._detector.in_utterance or self._detector.speculating):
                for _ in range(int(silent_for / 0.02)):
                    await self._process(_SILENT_FRAME)
                self._last_media = time.monotonic()

    async def _on_turn_event(self, event: TurnEvent) -> None:
        detector = self._detector
        if event is TurnEvent.SPEECH_STARTED:
            self._transcriber.reset()
        elif event is TurnEvent.BARGE_IN:
            log.info("call %s: barge-in", self.sid)
            await self._interrupt(send_clear=True)
        elif event is TurnEvent.SPECULATE:
            if self._active is not None:
                await self._interrupt(send_clear=True)
            silence = detector.now - detector.speech_end
            timings = TurnTimings(speech_ended=time.monotonic() - silence)
            audio = self._audio.between(detector.utterance_start, detector.now)  # the quiet tail too
            turn = _Turn(self._next_index(), audio, timings, voiced_s=detector.voiced_s)
            self._active = turn
            turn.task = self._spawn(self._reply(turn))
            guess = self._transcriber.best_guess
            log.debug("call %s turn %d: paused on %r", self.sid, turn.index, guess)
            paused = getattr(self.responder, "paused", None)
            if callable(paused) and guess:  # optional (``Anticipates``)
                paused(guess)
        elif event is TurnEvent.RESUMED:
            if self._active is not None and not self._active.release.is_set():
                await self._interrupt(send_clear=False)
        elif event is TurnEvent.END_OF_TURN and self._active is not None:
            self._active.release.set()
            self._active.timings.released = time.monotonic()
            speech_ended = self._active.timings.speech_ended or 0.0
            log.debug("call %s: end of turn released at +%.0f ms", self.sid, (time.monotonic() - speech_ended) * 1000)

    def _on_dtmf(self, digit: str) -> None:
        # The digit itself stays out of the log: callers key in card numbers and codes.
        log.info("call %s: keypad press", self.sid)
        if digit == "0":
            self._spawn(self._dtmf_transfer())

    async def _dtmf_transfer(self) -> None:
        await self._interrupt(send_clear=True)
        await self._say_and_act("Connecting you to the front desk.", Transfer("caller pressed 0"))

    # --- replies --------------------------------------------------------------------------
    async def _greet(self) -> None:
        assert self.responder is not None
        text = await self.responder.greeting()
        await self._say(text)

    async def _reply(self, turn: _Turn) -> None:
        assert self.responder is not None
        transcript = await self._transcriber.final(turn.audio)
        turn.timings.transcript = time.monotonic()
        log.debug("call %s turn %d: final transcript %r (%.0f ms inference, %.1f s audio)", self.sid, turn.index,
                  transcript.text, transcript.inference_seconds * 1000, transcript.audio_seconds)
        if self._detector.speculating and self._active is turn:
            self._detector.set_transcript_hint(transcript.text)
        if not transcript.text:
            if self._active is turn and unclear_speech(transcript, turn.voiced_s) and not self._playout_speaking():
                log.info("call %s: speech not made out (%.1f s voiced); asking again", self.sid, turn.voiced_s)
                turn.agent_only = True  # no words for the responder: the pipeline asks itself
                await turn.release.wait()
                await self._speak(turn, NOT_CAUGHT)
                asked_again = getattr(self.responder, "asked_again", None)
                if callable(asked_again):  # optional (``AsksAgain``)
                    asked_again()
                await self._complete(turn)
                return
            log.info("call %s: utterance dropped as non-speech", self.sid)
            if self._active is turn:
                self._active = None
            return
        turn.user_text = transcript.text
        # Start the reply before the endpoint only when the responder can afford to have it thrown
        # away and the caller sounds finished: a resumed sentence then costs nothing but CPU.
        if not responder_speculates(self.responder) or looks_unfinished(transcript.text):
            anticipate = getattr(self.responder, "anticipate", None)
            if callable(anticipate) and not turn.release.is_set():  # optional (``Anticipates``)
                anticipate(transcript.text)
            await turn.release.wait()
        turn.responding = True
        after: Transfer | HangUp | None = None
        try:
            async with contextlib.aclosing(self.responder.respond(transcript.text)) as reply:  # type: ignore[type-var]
                async for event in reply:
                    if isinstance(event, Say):
                        if turn.timings.first_reply_text is None:
                            turn.timings.first_reply_text = time.monotonic()
                        turn.said.append(event.text)
                        turn.fallback = turn.fallback or event.fallback
                        await self._speak(turn, event.text)
                    else:
                        after = event
                        break
        except Exception:
            # The conversation failed (LLM down, a bug): the caller hears an apology, not silence.
            log.exception("call %s turn %d: the responder failed", self.sid, turn.index)
            turn.fallback = True
            await self._speak(turn, APOLOGY)
        await turn.release.wait()
        log.debug("call %s turn %d: %s", self.sid, turn.index, turn.timings.as_ms())
        await self._complete(turn)
        if after is not None:
            await self._act(after)

    def _playout_speaking(self) -> bool:
        return self._playout is not None and self._playout.speaking

    async def _speak(self, turn: _Turn, text: str) -> None:
        assert self._playout is not None
        async for chunk in self.models.tts.speak(text):
            await turn.release.wait()
            if not turn.audio_started:
                turn.audio_started = True
                self._playout.begin(turn.index)
                turn.timings.first_audio_out = time.monotonic()
            await self._send_paced(self._playout.messages_for(chunk))

    async def _send_paced(self, messages: list[str]) -> None:
        """Send ~200 ms groups (media frames + their mark), staying ``send_lead_s`` ahead of playback.

        Twilio would buffer minutes of audio, but audio sent far ahead is audio a barge-in has to
        flush and a concurrent call waits behind; a small lead keeps the line fed all the same.
        """
        group: list[str] = []
        for message in messages:
            group.append(message)
            if not is_mark(message):
                continue
            ahead = self._paced_until - time.monotonic()
            if ahead > self.config.send_lead_s:
                await asyncio.sleep(ahead - self.config.send_lead_s)
            await self.transport.send_many(group)
            frames = len(group) - 1
            self._paced_until = max(self._paced_until, time.monotonic()) + frames * 0.02
            group = []
        if group:
            await self.transport.send_many(group)

    async def _complete(self, turn: _Turn) -> None:
        """The reply went out: wait until it played, then record the turn."""
        assert self._playout is not None and self.responder is not None
        if turn.audio_started:
            await self._playout.wait_played()
        full = self._playout.full_text if turn.audio_started else ""
        if self._active is turn:
            self._active = None
        if not turn.agent_only:
            self.responder.heard(full, interrupted=False)
        await self._record(turn, full, full, interrupted=False)

    async def _record(self, turn: _Turn, agent_text: str, heard: str, *, interrupted: bool) -> None:
        if turn.recorded or (not turn.agent_only and not turn.user_text):
            return
        turn.recorded = True
        self._records_written += 1
        if not turn.agent_only:
            self.turns_completed += 1
        # Record indices are dense (0 = greeting, 1, 2, ...); turn.index also counts speculations
        # that were dropped, and names the marks.
        record = TurnRecord(self._records_written - 1, turn.user_text, agent_text, heard, interrupted, turn.timings,
                            fallback=turn.fallback)
        await self._safely(self.recorder.turn_completed(self.sid, record))

    async def _interrupt(self, *, send_clear: bool) -> None:
        """Stop the turn in flight; the responder learns what the caller actually heard."""
        turn = self._active
        if turn is None:
            return
        self._active = None
        assert self._playout is not None and self.responder is not None
        heard = ""
        agent_text = " ".join(turn.said)
        if turn.audio_started:
            agent_text = agent_text or self._playout.full_text
            heard = self._playout.interrupt()
            self._paced_until = time.monotonic()
            if send_clear:
                await self.transport.send(clear_message(self._playout.stream_sid))
        current = asyncio.current_task()
        if turn.task is not None and turn.task is not current and not turn.task.done():
            turn.task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await turn.task
        log.info("call %s: turn %d interrupted after %d characters were heard", self.sid, turn.index, len(heard))
        log.debug("call %s: turn %d heard %r", self.sid, turn.index, heard)
        if turn.responding and not turn.agent_only:
            self.responder.heard(heard, interrupted=True)
        if turn.audio_started or turn.user_text and turn.release.is_set():
            await self._record(turn, agent_text, heard, interrupted=True)

    async def _say(self, text: str) -> None:
        """Speak an agent-only turn (greeting, notices) from the current task."""
        turn = _Turn(self._next_index(), np.zeros(0, np.float32), TurnTimings(), agent_only=True)
        turn.release.set()
        self._active = turn
        turn.task = asyncio.current_task()
        await self._speak(turn, text)
        await self._complete(turn)

    def _next_index(self) -> int:
        index = self._turn_counter
        self._turn_counter += 1
        return index

    async def _say_and_act(self, text: str, action: Transfer | HangUp) -> None:
        await self._say(text)
        await self._act(action)

    async def _act(self, action: Transfer | HangUp) -> None:
        if isinstance(action, HangUp):
            log.info("call %s: hanging up (%s)", self.sid, action.reason)
            self._status, self._outcome = "completed", self._outcome or "completed"
            await self.control.hang_up(self.sid)
            self._ended.set()
            await self.transport.close()
            return
        number = action.number or self.control.front_desk_number
        if number and self.control.can_redirect and await self.control.transfer(self.sid, number):
            log.info("call %s: transferred to %s", self.sid, mask_phone(number))
            self._status, self._outcome = "transferred", "transferred"
            self._transferred_to, self._transfer_reason = number, action.reason
            self._ended.set()
            await self.transport.close()
            return
        log.warning("call %s: cannot transfer (no Twilio credentials or number); reading out the number", self.sid)
        sentence = (f"I can't connect you myself right now. Please call our front desk at {_spoken_number(number)}."
                    if number else "I can't connect you to the front desk right now. Please try again later.")
        await self._say(sentence)


async def await_start(messages: AsyncIterator[str], timeout_s: float) -> TwilioStart | None:
    """The stream's ``start`` message (None: ``stop``, the socket closed, or none in ``timeout_s``)."""
    try:
        async with asyncio.timeout(timeout_s):
            async for raw in messages:
                event = parse(raw)
                if isinstance(event, TwilioStart):
                    return event
                if isinstance(event, TwilioStop):
                    return None
                if isinstance(event, Ignored):
                    log.warning("call (not started): ignored message (%s)", event.reason)
    except TimeoutError:
        log.warning("no start message within %.0f s; closing", timeout_s)
    return None


def mask_phone(number: str) -> str:
    """'+8801711999888' -> '+8801…888': enough to tell calls apart in a log, not to dial."""
    return f"{number[:5]}…{number[-3:]}" if len(number) > 8 else "…"


def _spoken_number(number: str) -> str:
    """'+8801700000000' -> '8 8 0 1 7 0 0...' so the voice reads digits, not a quantity."""
    return " ".join(ch for ch in number if ch.isdigit())
