"""Model spec → ``nn.Sequential``, built from the torch-free plan in ``architecture``.

The model is a flat ``nn.Sequential`` (Linear, [norm], activation, [dropout], …, Linear) as in the
textbooks, so parameter names are the familiar ``0.weight``/``0.bias``. Building and code text come
from one plan, so the "PyTorch code" view can never disagree with the module the engine trains.
"""

from __future__ import annotations

import torch
from torch import nn

from playground.core.architecture import (
    Block,
    head,
    model_code,
    output_dim,
    parameter_count,
    parameter_labels,
    plan,
)
from playground.core.errors import quote
from playground.core.registry import INITS
from playground.core.spec import ModelSpec

__all__ = ["Block", "build_model", "head", "mode_matters", "model_code", "output_dim", "parameter_count",
           "parameter_labels", "plan", "set_values", "skeleton"]

MODE_DEPENDENT = (nn.modules.dropout._DropoutNd, nn.modules.batchnorm._BatchNorm, nn.RReLU)
"""Modules whose output depends on train/eval mode."""


def mode_matters(model: nn.Module) -> bool:
    """Whether eval mode changes the output (dropout, batch norm): otherwise switching modes is waste."""
    return any(isinstance(m, MODE_DEPENDENT) for m in model.modules())


def build_model(spec: ModelSpec, in_dim: int, out_dim: int, dtype: torch.dtype | None = None) -> nn.Sequential:
    """Build the module, apply the chosen init, cast to ``dtype``, then any literal ``init_values``.

    Literal values come last so a float64 model keeps them at full precision.
    Seed torch's generator before calling for reproducible weights.
    """
    blocks = plan(spec, in_dim, out_dim)
    model = nn.Sequential(*(b.build() for b in blocks))
    init = INITS[spec.init]
    linears = [module for module in model if isinstance(module, nn.Linear)]
    for index, module in enumerate(linears):
        if init.applies_to(index, len(linears)):
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
                f"model.init_values: no parameter {quote(name)}; the model has {', '.join(params)}")
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


def skeleton(spec: ModelSpec, in_dim: int, out_dim: int) -> nn.Sequential:
    """The module on the ``meta`` device: every name and shape, no memory, no random numbers drawn."""
    with torch.device("meta"):
        return nn.Sequential(*(b.build() for b in plan(spec, in_dim, out_dim)))
