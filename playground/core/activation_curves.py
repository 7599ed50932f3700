"""Each registered activation and its derivative over [-4, 4], computed by PyTorch (autograd).

The window draws them beside the activation choices. Every activation is applied to rows
``[x, 0]`` and the first column is kept: the same curve as ``f(x)`` for the element-wise ones, and
for Softmax (which mixes a layer's units) its first output against a second unit held at 0, i.e.
the logistic curve.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import torch

from playground.core.registry import ACTIVATIONS

RANGE = (-4.0, 4.0)
POINTS = 161


def activation_curve(key: str, points: int = POINTS) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``(x, f(x), f'(x))`` for the activation ``key`` (float64)."""
    x = torch.linspace(*RANGE, points, dtype=torch.float64, requires_grad=True)
    rows = torch.stack([x, torch.zeros_like(x)], dim=1)
    y = ACTIVATIONS[key].build()(rows)[:, 0]
    (slope,) = torch.autograd.grad(y.sum(), x)  # each y[i] depends on x[i] only
    return x.detach().numpy(), y.detach().numpy(), slope.numpy()


def activation_curves(_engine: Any = None) -> dict[str, tuple[np.ndarray, np.ndarray, np.ndarray]]:
    """Every activation's curve; the window asks the runner for this once (it has no torch)."""
    return {entry.key: activation_curve(entry.key) for entry in ACTIVATIONS}
