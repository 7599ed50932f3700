"""What the step-by-step maths and the autograd graph hand to the window: plain numpy, no torch.

The computations live in ``step_maths`` and ``autograd_graph`` (they need torch and run in the
runner); their results are these dataclasses, so the window can unpickle them without torch.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from playground.core.registry import OPTIMIZERS

MAX_SAMPLES = 4
"""Samples the user may choose, and rows of a batch the panel shows: enough to see the sum, few
enough to read. The real next batch is walked whole (the update is the batch's), shown by its first rows."""

UPDATE_RULES: dict[str, str] = {
    "SGD": "w ← w − lr · g",
    "SGD+momentum": "v ← μ · v + g;  w ← w − lr · v",
    "SGD+nesterov": "v ← μ · v + g;  w ← w − lr · (g + μ · v)",
    "Adam": "m ← β₁m + (1 − β₁)g;  v ← β₂v + (1 − β₂)g²;  w ← w − lr · m̂ / (√v̂ + ε)",
    "AdamW": "w ← w − lr · λ · w;  m ← β₁m + (1 − β₁)g;  v ← β₂v + (1 − β₂)g²;  w ← w − lr · m̂ / (√v̂ + ε)",
    "RMSprop": "v ← α · v + (1 − α)g²;  w ← w − lr · g / (√v + ε)",
    "Adagrad": "s ← s + g²;  w ← w − lr · g / (√s + ε)",
}
"""How each ``torch.optim`` class turns a gradient ``g`` into an update (m̂, v̂: bias-corrected)."""


def update_rule(optimizer: str, values: dict[str, Any]) -> str:
    """The update formula of a registry optimizer with these hyper-parameters, as text."""
    name = OPTIMIZERS[optimizer].torch_name
    if name == "SGD" and values.get("momentum"):
        name = "SGD+nesterov" if values.get("nesterov") else "SGD+momentum"
    rule = UPDATE_RULES[name]
    if values.get("weight_decay") and name != "AdamW":
        rule = "g ← g + λ · w;  " + rule
    return rule


@dataclass(frozen=True)
class ModuleValues:
    """The output of one module of the Sequential for each sample: ``values[sample, unit]``."""

    index: int
    layer: str
    """``hidden 1`` … ``output``."""
    kind: str
    """``linear`` (a pre-activation), ``norm``, ``activation`` or ``dropout``."""
    code: str
    values: np.ndarray


@dataclass(frozen=True)
class ParameterStep:
    """One parameter before the step, its gradient, and what the optimizer did with it."""

    name: str
    label: str
    before: np.ndarray
    grad: np.ndarray
    after: np.ndarray
    full_shape: tuple[int, ...] = ()
    """The parameter's shape; the arrays are its first ``CORNER`` rows and columns when it is bigger."""

    @property
    def update(self) -> np.ndarray:
        return self.after - self.before

    @property
    def shape(self) -> tuple[int, ...]:
        return self.full_shape or tuple(self.before.shape)


@dataclass(frozen=True)
class StepMaths:
    samples: list[int]
    """Indices into the training set of the rows shown (the first ``MAX_SAMPLES`` of the batch walked)."""
    input_names: list[str]
    inputs: np.ndarray
    """What the network reads, after derived features and standardisation: ``(samples, inputs)``."""
    targets: np.ndarray
    modules: list[ModuleValues]
    output: np.ndarray
    output_function: str | None
    """``softmax`` or ``sigmoid``: what the loss applies to the output (shown as probabilities)."""
    probabilities: np.ndarray | None
    loss_name: str
    reduction: str
    per_sample_loss: np.ndarray
    """Each sample's loss before the reduction (the mean or sum of these is ``loss``)."""
    loss: float
    penalty: float
    """The L1/L2 term added to the loss (0 without regularisation)."""
    d_output: np.ndarray
    """dL/d(output) for each sample, where L = loss + penalty."""
    parameters: list[ParameterStep]
    optimizer: str
    hyper: dict[str, Any]
    rule: str
    dead_units: list[tuple[str, int, int]] = field(default_factory=list)
    """``(layer, dead, units)`` for activations with units that output 0 on every training example."""
    step: int = 1
    """The step this is: the engine's next one."""
    batch_size: int = 0
    """Rows in the batch walked (the loss, gradients and update are the whole batch's)."""
    next_batch: bool = True
    """Whether the batch walked is the one Step will train on (else the user chose the samples)."""
    upcoming: list[int] = field(default_factory=list)
    """The first rows of the real next batch (what Step will use), to name when the user chose others."""


@dataclass(frozen=True)
class GraphNode:
    id: int
    name: str
    """The backward function's class: ``AddmmBackward0``, ``AccumulateGrad``…"""
    parameter: str | None = None
    """For ``AccumulateGrad``: the parameter's name in the model, e.g. ``0.weight``."""
    shape: tuple[int, ...] | None = None
    row: int = 0
    column: float = 0.0

    @property
    def label(self) -> str:
        if self.parameter is None:
            return self.name
        return f"{self.name}\n{self.parameter} {list(self.shape or ())}"


@dataclass(frozen=True)
class AutogradGraph:
    nodes: list[GraphNode]
    edges: list[tuple[int, int]]
    """``(from, to)`` node ids: from a function to the one that receives its input gradients."""
    loss: float

    def names(self) -> list[str]:
        return [n.name for n in self.nodes]


@dataclass(frozen=True)
class ForwardMaths:
    """The forward pass of test samples as the network predicts them (evaluation mode): a gallery image
    walked layer by layer. Nothing is trained on test samples, so there is no loss step here."""

    samples: list[int]
    """Rows of the test split."""
    input_names: list[str]
    inputs: np.ndarray
    """What the network reads (after preprocessing): ``(samples, inputs)``."""
    targets: np.ndarray
    modules: list[ModuleValues]
    output: np.ndarray
    output_function: str | None
    probabilities: np.ndarray | None
    """Softmax (or sigmoid) of the output: what the gallery's bars show."""
    predicted: list[int]
    """The predicted class of each sample (empty for regression)."""
    class_names: list[str]
    image_side: int | None = None
    """The inputs are ``side × side`` images (shown as a grid of pixels)."""
    step: int = 0
    """The weights are those after this many training steps."""
