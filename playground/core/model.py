"""Model spec → ``nn.Sequential``, and the same plan → readable PyTorch code.

The model is a flat ``nn.Sequential`` (Linear, [norm], activation, [dropout], …, Linear) as in the
textbooks, so parameter names are the familiar ``0.weight``/``0.bias``; ``parameter_labels`` gives
the readable names the gradient plots show. Building and code text come from one plan, so the
"PyTorch code" view can never disagree with the module the engine trains.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import torch
from torch import nn

from playground.core.registry import ACTIVATIONS, INITS, LOSSES, NORMS, Task
from playground.core.spec import ModelSpec, TrainingSpec


@dataclass(frozen=True)
class Block:
    """One module of the Sequential: how to build it, how to write it, which layer it belongs to."""

    build: Callable[[], nn.Module]
    code: str
    layer: str  # "hidden 1" … "output"
    kind: str  # "linear", "norm", "activation", "dropout"


def output_dim(task: Task, loss: str, n_classes: int | None) -> int:
    """Output width: one logit per class, one logit for BCE, one value for regression."""
    target = LOSSES[loss].target
    if target == "index":
        if not n_classes or n_classes < 2:
            raise ValueError("classification needs at least 2 classes")
        return n_classes
    return 1


def head(training: TrainingSpec, task: Task, n_classes: int | None) -> tuple[str, int]:
    """The loss an experiment trains with and the output width it implies, refusing a loss for the other task."""
    loss = training.loss_for(task)
    if LOSSES[loss].task != task:
        raise ValueError(f"training.loss {loss!r} does not fit {task} data")
    return loss, output_dim(task, loss, n_classes)


def plan(spec: ModelSpec, in_dim: int, out_dim: int) -> list[Block]:
    if in_dim < 1 or out_dim < 1:
        raise ValueError(f"input and output widths must be ≥ 1, got {in_dim} and {out_dim}")
    blocks: list[Block] = []
    width = in_dim
    for i, layer in enumerate(spec.hidden, start=1):
        name = f"hidden {i}"
        w, u = width, layer.units
        blocks.append(Block(lambda w=w, u=u: nn.Linear(w, u), f"nn.Linear({w}, {u})", name, "linear"))
        norm = NORMS[layer.norm]
        if norm.torch_name is not None:
            blocks.append(Block(lambda n=norm, u=u: n.build(u), norm.code(u) or "", name, "norm"))
        act = ACTIVATIONS[layer.activation]
        blocks.append(Block(act.build, act.code(), name, "activation"))
        if layer.dropout > 0:
            p = layer.dropout
            blocks.append(Block(lambda p=p: nn.Dropout(p), f"nn.Dropout({p!r})", name, "dropout"))
        width = u
    w = width
    blocks.append(Block(lambda w=w: nn.Linear(w, out_dim), f"nn.Linear({w}, {out_dim})", "output", "linear"))
    return blocks


def build_model(spec: ModelSpec, in_dim: int, out_dim: int, dtype: torch.dtype | None = None) -> nn.Sequential:
    """Build the module, apply the chosen init, cast to ``dtype``, then any literal ``init_values``.

    Literal values come last so a float64 model keeps them at full precision.
    Seed torch's generator before calling for reproducible weights.
    """
    blocks = plan(spec, in_dim, out_dim)
    model = nn.Sequential(*(b.build() for b in blocks))
    init = INITS[spec.init]
    for module in model:
        if isinstance(module, nn.Linear):
            init.apply(module)
    if dtype is not None:
        model.to(dtype)
    if spec.init_values:
        set_values(model, spec.init_values)
    return model


def set_values(model: nn.Module, values: dict[str, object]) -> None:
    """Copy literal values into named parameters, naming the first one that does not fit."""
    params = dict(model.named_parameters())
    for name, value in values.items():
        if name not in params:
            raise ValueError(
                f"model.init_values: no parameter {name!r}; the model has {', '.join(params)}")
        target = params[name]
        try:
            tensor = torch.as_tensor(value, dtype=target.dtype)
        except (TypeError, ValueError) as exc:
            raise ValueError(f"model.init_values.{name}: not a numeric array ({exc})") from None
        if tensor.shape != target.shape:
            raise ValueError(
                f"model.init_values.{name}: shape {list(tensor.shape)} does not match the "
                f"parameter's {list(target.shape)}")
        with torch.no_grad():
            target.copy_(tensor)


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


def skeleton(spec: ModelSpec, in_dim: int, out_dim: int) -> nn.Sequential:
    """The module on the ``meta`` device: every name and shape, no memory, no random numbers drawn."""
    with torch.device("meta"):
        return nn.Sequential(*(b.build() for b in plan(spec, in_dim, out_dim)))


def parameter_count(spec: ModelSpec, in_dim: int, out_dim: int) -> int:
    """Trainable parameter count, computed from the plan without allocating weights."""
    return sum(p.numel() for p in skeleton(spec, in_dim, out_dim).parameters() if p.requires_grad)


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
