"""The voice models, loaded once per process and shared by every call."""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from pipeline.stt_streaming import WhisperEngine
from pipeline.tts import PiperEngine
from pipeline.vad import SileroModel

log = logging.getLogger("concierge.voice")


@dataclass
class VoiceModels:
    whisper: WhisperEngine
    vad: SileroModel
    tts: PiperEngine

    @classmethod
    def load(cls, whisper_model: str | Path | None = None, piper_voice: str | Path | None = None,
             *, vocabulary: Sequence[str] = ()) -> VoiceModels:
        """Load (and warm) all three; ~1 s on 2 cores. Empty paths mean the bundled models.

        ``vocabulary`` biases the transcriber (``WhisperEngine.vocabulary``, which may change later).
        """
        started = time.perf_counter()
        models = cls(
            whisper=WhisperEngine(whisper_model or None, vocabulary=vocabulary),
            vad=SileroModel(),
            tts=PiperEngine(piper_voice or None),
        )
        log.info("voice models loaded in %.2f s", time.perf_counter() - started)
        return models

    def close(self) -> None:
        self.whisper.close()
        self.tts.close()
