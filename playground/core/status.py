"""Training states and the status the runner reports, importable without torch (the window reads them)."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from playground.core.translate import Text


class RunState(StrEnum):
    """Where training stands (a ``str``: equal to its value, so files and tests may use the words)."""

    IDLE = "idle"
    TRAINING = "training"
    PAUSED = "paused"
    DIVERGED = "diverged"
    FINISHED = "finished"
    ERROR = "error"


IDLE, TRAINING, PAUSED, DIVERGED, FINISHED, ERROR = RunState


@dataclass(frozen=True)
class WorkerStatus:
    """What the status bar shows; ``message`` explains a stop (divergence, errors, the epoch limit)."""

    state: RunState = IDLE
    step: int = 0
    epoch: int = 0
    steps_per_second: float = 0.0
    seconds: float = 0.0
    device: str = ""
    message: str = ""
    generation: int = 0
    """Which engine this is about; the GUI drops statuses of an engine it has replaced."""
    notes: tuple[str, ...] = field(default=())
    """Lasting remarks about the engine, e.g. that a missing GPU was replaced by the CPU."""


def describe_error(exc: BaseException) -> str:
    """An exception as a sentence for the status bar (no traceback); our own messages stay ``Text``."""
    if exc.args and isinstance(exc.args[0], Text):
        return exc.args[0]
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    if isinstance(exc, MemoryError):
        return Text("runner", "out of memory; try a smaller model, batch size or data set")
    if "CUDA" in text or "cuda" in text:
        return Text("runner", "the GPU reported an error: {0}").format(text)
    return text
