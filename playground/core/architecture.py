"""The network an experiment describes, without torch: its blocks, names, sizes and code text.

``plan`` lists the modules of the flat ``nn.Sequential`` (Linear, [norm], activation, [dropout], …,
Linear) with the code that builds each one, so the window can show the code, the parameter count
and the diagram without importing torch, and ``model.build_model`` builds exactly this plan.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from playground.core.errors import quote
from playground.core.registry import ACTIVATIONS, LOSSES, NORMS, Task
from playground.core.spec import ModelSpec, TrainingSpec

if TYPE_CHECKING:
    from torch import nn


@dataclass(frozen=True)
class Block:
    """One module of the Sequential: what it is, how it is written, which layer it belongs to."""

    kind: str
    """``linear``, ``norm``, ``activation`` or ``dropout``."""
    layer: str
    """``hidden 1`` … ``output``."""
    code: str
    args: tuple
    """linear: (in, out); norm: (registry key, units); activation: (registry key,); dropout: (p,)."""

    def build(self) -> nn.Module:
        from torch import nn

        if self.kind == "linear":
            return nn.Linear(*self.args)
        if self.kind == "norm":
            module = NORMS[self.args[0]].build(self.args[1])
            assert module is not None
            return module
        if self.kind == "activation":
            return ACTIVATIONS[self.args[0]].build()
        return nn.Dropout(self.args[0])

    @property
    def parameter_count(self) -> int:
        if self.kind == "linear":
            n_in, n_out = self.args
            return n_in * n_out + n_out
        if self.kind == "norm":
            return 2 * self.args[1]  # BatchNorm1d and LayerNorm: a scale and a shift per unit
        return 0


def output_dim(task: Task, loss: str, n_classes: int | None) -> int:
    """Output width: one logit per class, one logit for BCE, one value for regression."""
    target = LOSSES[loss].target
    if target == "index":
        if not n_classes or n_classes < 2:
            raise ValueError("classification needs at least 2 classes")
        return n_classes
    return 1


def output_activation(loss: str) -> str | None:
    """The function the loss applies to the model's output: ``softmax``, ``sigmoid`` or ``None``.

    The Sequential ends with logits because PyTorch's classification losses hold the softmax
    (``CrossEntropyLoss`` = log-softmax + NLL) or the sigmoid (``BCEWithLogitsLoss``); the app shows
    that step where the code and the maths are drawn rather than adding it to the model twice.
    """
    return {"index": "softmax", "binary": "sigmoid"}.get(LOSSES[loss].target)


def head(training: TrainingSpec, task: Task, n_classes: int | None) -> tuple[str, int]:
    """The loss an experiment trains with and the output width it implies, refusing a loss for the other task."""
    loss = training.loss_for(task)
    if LOSSES[loss].task != task:
        raise ValueError(f"training.loss {quote(loss)} does not fit {task} data")
    return loss, output_dim(task, loss, n_classes)


def plan(spec: ModelSpec, in_dim: int, out_dim: int) -> list[Block]:
    if in_dim < 1 or out_dim < 1:
        raise ValueError(f"input and output widths must be ≥ 1, got {in_dim} and {out_dim}")
    blocks: list[Block] = []
    width = in_dim
    for i, layer in enumerate(spec.hidden, start=1):
        name = f"hidden {i}"
        units = layer.units
        blocks.append(Block("linear", name, f"nn.Linear({width}, {units})", (width, units)))
        norm = NORMS[layer.norm]
        if norm.torch_name is not None:
            blocks.append(Block("norm", name, norm.code(units) or "", (layer.norm, units)))
        blocks.append(Block("activation", name, ACTIVATIONS[layer.activation].code(), (layer.activation,)))
        if layer.dropout > 0:
            blocks.append(Block("dropout", name, f"nn.Dropout({layer.dropout!r})", (layer.dropout,)))
        width = units
    blocks.append(Block("linear", "output", f"nn.Linear({width}, {out_dim})", (width, out_dim)))
    return blocks


def parameter_labels(spec: ModelSpec, in_dim: int, out_dim: int) -> dict[str, str]:
    """``{"0.weight": "hidden 1 · weight", "4.bias": "output · bias", …}`` in model order."""
    labels: dict[str, str] = {}
    for index, block in enumerate(plan(spec, in_dim, out_dim)):
        if block.kind == "linear":
            labels[f"{index}.weight"] = f"{block.layer} · weight"
            labels[f"{index}.bias"] = f"{block.layer} · bias"
        elif block.kind == "norm":
            labels[f"{index}.weight"] = f"{block.layer} · norm scale"
            labels[f"{index}.bias"] = f"{block.layer} · norm shift"
    return labels


def parameter_count(spec: ModelSpec, in_dim: int, out_dim: int) -> int:
    """Trainable parameter count, from the plan alone."""
    return sum(block.parameter_count for block in plan(spec, in_dim, out_dim))


def model_code(spec: ModelSpec, in_dim: int, out_dim: int, indent: str = "    ") -> str:
    """The ``nn.Sequential(...)`` expression the engine builds, one module per line."""
    lines = ["nn.Sequential("]
    last_layer = None
    for index, block in enumerate(plan(spec, in_dim, out_dim)):
        comment = ""
        if block.layer != last_layer:
            comment = f"  # {index}: {block.layer}"
            last_layer = block.layer
        lines.append(f"{indent}{block.code},{comment}")
    lines.append(")")
    return "\n".join(lines)
