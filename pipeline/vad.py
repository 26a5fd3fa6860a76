"""Silero VAD on pipecat's bundled ONNX (onnxruntime, no torch).

One ``SileroModel`` (the ONNX session) per process, shared by every call; each call keeps its
own recurrent state in a ``StreamingVad``, so calls never disturb each other.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import numpy as np
import onnxruntime

from pipeline.audio import PIPELINE_RATE

WINDOW = 512  # samples at 16 kHz = 32 ms, the size Silero v5 takes
_CONTEXT = 64


def bundled_model_path() -> Path:
    return Path(str(resources.files("pipecat.audio.vad.data").joinpath("silero_vad.onnx")))


class SileroModel:
    """The shared ONNX session (thread-safe; one small inference per 32 ms window)."""

    def __init__(self, path: Path | None = None) -> None:
        options = onnxruntime.SessionOptions()
        options.inter_op_num_threads = 1
        options.intra_op_num_threads = 1
        self.session = onnxruntime.InferenceSession(
            str(path or bundled_model_path()), sess_options=options, providers=["CPUExecutionProvider"]
        )

    def stream(self) -> StreamingVad:
        return StreamingVad(self)


class StreamingVad:
    """Per-call VAD: feed 16 kHz float32 audio, get one speech probability per 32 ms window."""

    # Silero's state drifts during long non-speech and then under-reports speech; reset it
    # after this much quiet (pipecat does the same).
    RESET_AFTER_QUIET_WINDOWS = 60

    def __init__(self, model: SileroModel) -> None:
        self._model = model
        self._pending = np.zeros(0, dtype=np.float32)
        self._quiet_windows = 0
        self._reset()

    def _reset(self) -> None:
        self._state = np.zeros((2, 1, 128), dtype=np.float32)
        self._context = np.zeros((1, _CONTEXT), dtype=np.float32)

    def push(self, audio: np.ndarray) -> list[float]:
        """Speech probability per complete 32 ms window."""
        return [probability for probability, _ in self.push_with_loudness(audio)]

    def push_with_loudness(self, audio: np.ndarray) -> list[tuple[float, float]]:
        """(speech probability, RMS loudness 0..1) per complete 32 ms window."""
        self._pending = np.concatenate([self._pending, audio.astype(np.float32)])
        scored = []
        while self._pending.size >= WINDOW:
            window, self._pending = self._pending[:WINDOW], self._pending[WINDOW:]
            scored.append((self._score(window), float(np.sqrt(np.mean(window * window)))))
        return scored

    def _score(self, window: np.ndarray) -> float:
        x = np.concatenate([self._context, window[None, :]], axis=1)
        out, self._state = self._model.session.run(
            None, {"input": x, "state": self._state, "sr": np.array(PIPELINE_RATE, dtype=np.int64)}
        )
        self._context = x[:, -_CONTEXT:]
        probability = float(out[0][0])
        self._quiet_windows = self._quiet_windows + 1 if probability < 0.1 else 0
        if self._quiet_windows >= self.RESET_AFTER_QUIET_WINDOWS:
            self._reset()
            self._quiet_windows = 0
        return probability
