"""What the engine publishes: plain numpy/Python values, safe to hand to another thread or process.

Snapshots never hold tensors, so the window can draw one while the runner trains on, and unpickling
one never loads torch. Parts a hidden view does not need are ``None`` (see ``views.ViewRequest``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

QUANTILES = (0.0, 0.0668, 0.1587, 0.3085, 0.5, 0.6915, 0.8413, 0.9332, 1.0)
"""TensorBoard's distribution bands: min, ±1.5σ, ±1σ, ±0.5σ of a normal, median, max."""


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
    """Gradient histogram over ``hist_edges`` (a range that changes slowly, centred on zero)."""
    hist_edges: np.ndarray
    weight_hist_counts: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    weight_hist_edges: np.ndarray = field(default_factory=lambda: np.zeros(0))
    layer: str = ""
    """``hidden 1`` … ``output``: the layer the parameter belongs to."""
    role: str = ""
    """``weight``, ``bias``, ``norm scale`` or ``norm shift``."""
    values: np.ndarray | None = None
    """The weights themselves (float64), for small parameters the diagram draws as links."""
    grad: np.ndarray | None = None
    update: np.ndarray | None = None
    """Δw of the last captured step (``None`` when that step was not captured)."""


@dataclass(frozen=True)
class Metrics:
    """Losses on the whole train and test sets; ``metric`` is accuracy or R².

    ``sampled``: measured mid-epoch on a sample of the data (a long epoch still shows progress).
    """

    metric_name: str
    train_loss: float
    test_loss: float
    train_metric: float
    test_metric: float
    sampled: bool = False
    step: int = -1


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
class ParamHistory:
    """Per-parameter norms over time, one row per published snapshot (decimated, bounded)."""

    names: tuple[str, ...]
    labels: tuple[str, ...]
    step: np.ndarray
    epoch: np.ndarray
    """Fractional epochs (step / steps per epoch), the x axis shared with the loss curves."""
    grad_norm: np.ndarray
    """``(rows, parameters)``."""
    weight_norm: np.ndarray
    update_ratio: np.ndarray


@dataclass(frozen=True)
class Distribution:
    """One parameter's value distribution over time: ``QUANTILES`` per row (TensorBoard style)."""

    name: str
    step: np.ndarray
    epoch: np.ndarray
    grad: np.ndarray
    """``(rows, len(QUANTILES))``."""
    weight: np.ndarray
    sampled: bool = False
    """Quantiles of a fixed random sample of the values (large parameters)."""


@dataclass(frozen=True)
class Inspection:
    """Everything about one parameter, for the inspector (all float64, the parameter's shape).

    ``pooled`` > 1: the arrays are block means of ``pooled``×``pooled`` cells (a matrix too big to
    send whole); hovering then shows block means and says so.
    """

    name: str
    label: str
    shape: tuple[int, ...]
    weight: np.ndarray
    grad: np.ndarray | None
    update: np.ndarray | None
    optimizer_state: dict[str, np.ndarray]
    """``momentum_buffer``, ``exp_avg``, ``exp_avg_sq``, ``square_avg``, ``sum``… as the optimizer keeps them."""
    optimizer_scalars: dict[str, float]
    """E.g. Adam's ``step`` count."""
    pooled: int = 1


@dataclass(frozen=True)
class NeuronMaps:
    """Each drawn neuron's activation over the input plane (2-D inputs), for the network diagram.

    ``layers[i]`` is ``(drawn, res, res)`` for hidden layer ``i + 1`` then the output layer
    (probability of the positive class, class probabilities or the value); ``drawn[i]`` names the
    unit indices shown (a wide layer shows only some); ``inputs`` are the input features' maps.
    """

    extent: tuple[float, float, float, float]
    inputs: np.ndarray
    layers: tuple[np.ndarray, ...]
    drawn: tuple[np.ndarray, ...]
    widths: tuple[int, ...]


@dataclass(frozen=True)
class Diagnostic:
    """A problem seen in training, told in words, naming the layer (``""``: the whole model)."""

    kind: str
    """``vanishing``, ``exploding``, ``oscillating``, ``dead_units``, ``symmetric``, ``diverged``."""
    layer: str
    message: str


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
    batch_history: dict[str, np.ndarray] | None = None
    """Every step's batch loss (``step``, ``epoch`` fractional, ``loss``), decimated."""
    param_history: ParamHistory | None = None
    distribution: Distribution | None = None
    inspection: Inspection | None = None
    neurons: NeuronMaps | None = None
    diagnostics: tuple[Diagnostic, ...] = ()
    notes: tuple[str, ...] = ()
    """What the snapshot left out or simplified to stay within its time budget, in words."""
