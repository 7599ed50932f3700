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
    history_start: int = 0
    """The row ``history`` starts at: a chunk sends only the rows the window does not hold yet."""


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


def _progress(comparison: Comparison, resolution: int, previous: Any, runs: bool,
              since: list[int] | None = None) -> CompareProgress:
    done = comparison.done
    views = []
    for i, variant in enumerate(comparison.variants):
        e = variant.engine
        e.flush_quietly()
        m = e.metrics
        start = max(0, since[i]) if since is not None and i < len(since) else 0
        views.append(VariantView(variant.label, e.epoch, m.metric_name, m.test_metric, m.test_loss,
                                 e.history.arrays(start), e.boundary(resolution) if resolution else None,
                                 variant.error, start))
    return CompareProgress(views, done, comparison.epochs, comparison.batched,
                           comparison.runs(previous) if runs else [])


def compare_advance(engine: Any, seconds: float, resolution: int, previous: Any = None,
                    since: list[int] | None = None) -> CompareProgress | None:
    """Train the comparison about ``seconds`` more; its state for the window (``None``: none running).

    ``since``: how many history rows of each variant the window holds; only later ones are sent (a
    long comparison's curves would otherwise cross the pipe whole, 20 times a second)."""
    comparison = _ACTIVE.get("window")
    if comparison is None:
        return None
    done = comparison.advance(seconds)
    return _progress(comparison, resolution, previous, runs=done, since=since)


def compare_halt(engine: Any, resolution: int, previous: Any = None) -> CompareProgress | None:
    """Stop training where the variants are: their state and every variant's run as it stands (the
    comparison is kept, so one can still be kept as the experiment)."""
    comparison = _ACTIVE.get("window")
    return None if comparison is None else _progress(comparison, resolution, previous, runs=True)


def compare_points(engine: Any, limit: int = 400) -> list[tuple[np.ndarray, np.ndarray, str] | None]:
    """Each variant's test points on the plane (≤ ``limit``, the same sample each time), for the small
    boundaries: ``(xy, targets, task)``; ``None`` where the inputs are not 2-D."""
    comparison = _ACTIVE.get("window")
    out: list[tuple[np.ndarray, np.ndarray, str] | None] = []
    for variant in comparison.variants if comparison is not None else []:
        ds = variant.engine.dataset
        if ds.raw_dim != 2:
            out.append(None)
            continue
        keep = np.linspace(0, len(ds.x_test) - 1, min(limit, len(ds.x_test))).astype(int) if len(ds.x_test) else []
        out.append((np.asarray(ds.x_test[keep], dtype=np.float64), np.asarray(ds.y_test[keep]), ds.task))
    return out


def compare_trained(engine: Any, index: int) -> Experiment | None:
    """Variant ``index`` as a trained experiment ("keep this one")."""
    comparison = _ACTIVE.get("window")
    return None if comparison is None else comparison.trained(index)


def compare_stop(engine: Any) -> None:
    _ACTIVE.pop("window", None)
