"""Whether a turn should wait for a model that other calls share, judged by how the last turns fared.

With many calls on two cores the model's queue, not the caller's words, decides how long a turn would
wait: when most of the last few turns waited out their budget and were read by keywords anyway, the
next ones are read at once. That wait bought nothing, and the decoding it started took the cores that
the other callers' transcripts and replies needed. Every few skipped turns one tries the model again,
so it comes back as soon as it keeps up.
"""

from __future__ import annotations

import contextlib
import weakref
from collections import deque
from dataclasses import dataclass, field

WINDOW = 6  # the last turns that asked the model while calls shared it
BUSY_SHARE = 2 / 3  # of them waited out the budget: skip
PROBE_EVERY = 3  # while skipping, every third turn asks the model again


@dataclass
class ModelLoad:
    recent: deque[bool] = field(default_factory=lambda: deque(maxlen=WINDOW))  # True: waited out the budget
    skipped: int = 0

    def should_ask(self) -> bool:
        """Ask the model this turn (else read the words at once)."""
        if len(self.recent) < WINDOW or sum(self.recent) < BUSY_SHARE * len(self.recent):
            self.skipped = 0
            return True
        self.skipped += 1
        if self.skipped >= PROBE_EVERY:
            self.skipped = 0
            return True
        return False

    def record(self, *, busy: bool) -> None:
        self.recent.append(busy)


_LOADS: dict[int, ModelLoad] = {}


def of(model: object) -> ModelLoad:
    """The load of this model object, shared by every call on it (forgotten with the model)."""
    key = id(model)
    load = _LOADS.get(key)
    if load is None:
        load = _LOADS[key] = ModelLoad()
        with contextlib.suppress(TypeError):  # an object without weak references keeps its entry
            weakref.finalize(model, _LOADS.pop, key, None)
    return load
