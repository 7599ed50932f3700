"""What the engine publishes: plain numpy/Python values, safe to hand to another thread.

Snapshots never hold tensors, so the GUI thread can draw one while the worker trains on.
New views (parameter inspector, neuron maps, autograd graph) add optional fields here.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np


@dataclass(frozen=True)
class ParamStats:
    """Statistics of one named parameter after the last optimizer step."""

    name: str
    label: str
    shape: tuple[int, ...]
    grad_norm: float
    grad_mean: float
    grad_std: float
    grad_max_abs: float
    weight_norm: float
    update_ratio: float
    """‖Δw‖ / ‖w‖ of the last step; NaN when the step was not captured."""
    hist_counts: np.ndarray
    hist_edges: np.ndarray


@dataclass(frozen=True)
class Metrics:
    """Losses on the whole train and test sets; ``metric`` is accuracy or R²."""

    metric_name: str
    train_loss: float
    test_loss: float
    train_metric: float
    test_metric: float


@dataclass(frozen=True)
class Boundary:
    """Model output over the input plane: ``values[row=y, col=x, channel]``.

    Classification: class probabilities (one channel per class). Regression: the value (one channel).
    """

    extent: tuple[float, float, float, float]
    values: np.ndarray


@dataclass(frozen=True)
class Curve:
    """A 1-D regression fit: model output along x."""

    xs: np.ndarray
    ys: np.ndarray


@dataclass(frozen=True)
class Predictions:
    """Test-set targets and predictions, for data with more than two inputs."""

    y_true: np.ndarray
    y_pred: np.ndarray


@dataclass(frozen=True)
class Snapshot:
    step: int
    epoch: int
    batch_in_epoch: int
    steps_per_epoch: int
    batch_loss: float
    lr: float
    device: str
    seconds: float
    metrics: Metrics | None
    history: dict[str, np.ndarray]
    params: tuple[ParamStats, ...] = ()
    boundary: Boundary | None = None
    curve: Curve | None = None
    predictions: Predictions | None = None
    diverged: bool = False
    extra: dict = field(default_factory=dict)
