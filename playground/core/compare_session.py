"""Compare inside the runner: started, advanced in short chunks and read by the window between steps.

The window calls these module-level (picklable) functions with ``controller.call_later(fn, …)``; each
runs on the runner's engine between two training steps and returns plain data. A chunk trains for a
few tens of milliseconds, so Pause and every other command are answered as promptly as during
training. The comparison lives in this process (``_ACTIVE``) between calls.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from playground.core.compare import Comparison
from playground.core.spec import Experiment, RunSpec

_ACTIVE: dict[str, Comparison] = {}


@dataclass
class VariantView:
    """What the window draws of one variant: its title, numbers, curves and decision boundary."""

    label: str
    epoch: int
    metric_name: str
    test_metric: float
    test_loss: float
    history: dict[str, np.ndarray]
    boundary: Any = None
    error: str | None = None


@dataclass
class CompareProgress:
    """One chunk's answer: every variant's view, whether all are done, and (when done) their runs."""

    variants: list[VariantView]
    done: bool
    epochs: int
    batched: bool
    runs: list[RunSpec] = field(default_factory=list)


def compare_start(engine: Any, key: str, values: list, epochs: int) -> int:
    """A new comparison of the engine's experiment (fresh weights from its seeds, the same data)."""
    spec = engine.spec.model_copy(deep=True)
    spec.state = None
    comparison = Comparison(spec, key, values, epochs, base_dir=engine.base_dir,
                            device=str(engine.device), dataset=engine.dataset)
    _ACTIVE["window"] = comparison
    return len(comparison.variants)


def compare_advance(engine: Any, seconds: float, resolution: int, previous: Any = None) -> CompareProgress | None:
    """Train the comparison about ``seconds`` more; its state for the window (``None``: none running)."""
    comparison = _ACTIVE.get("window")
    if comparison is None:
        return None
    done = comparison.advance(seconds)
    views = []
    for variant in comparison.variants:
        e = variant.engine
        e.flush_quietly()
        m = e.metrics
        views.append(VariantView(variant.label, e.epoch, m.metric_name, m.test_metric, m.test_loss,
                                 e.history.arrays(), e.boundary(resolution) if resolution else None,
                                 variant.error))
    runs = comparison.runs(previous) if done else []
    return CompareProgress(views, done, comparison.epochs, comparison.batched, runs)


def compare_trained(engine: Any, index: int) -> Experiment | None:
    """Variant ``index`` as a trained experiment ("keep this one")."""
    comparison = _ACTIVE.get("window")
    return None if comparison is None else comparison.trained(index)


def compare_stop(engine: Any) -> None:
    _ACTIVE.pop("window", None)
