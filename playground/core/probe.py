"""A look inside the model for the diagnoses: each hidden layer's saturated and dead shares, and each
layer's weight-gradient norm, on a fixed sample of training rows.

It runs in eval mode (dropout off, BatchNorm's running statistics untouched) and asks autograd for
the gradients without writing ``.grad``, so the gradients the views show stay the last step's and
looking never changes training. One forward and one backward pass on ≤ ``rows`` rows: it costs
about what one training step on a batch of that size does.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import torch

from playground.core.diagnostics import LayerProbe

if TYPE_CHECKING:
    from playground.core.evaluation import Evaluation

FLAT = {"tanh": 0.99, "sigmoid": 0.01}
"""Where an activation's slope is below 0.02: |tanh| above 0.99, sigmoid below 0.01 or above 0.99."""


def probe(evaluation: Evaluation, rows: int) -> tuple[list[LayerProbe], list[float]]:
    """``(hidden layers' probes, weight-gradient norm per linear layer)`` on ≤ ``rows`` fixed training rows."""
    data, model = evaluation.data, evaluation.model
    idx = data.subset("train", data.n_train, rows)
    x = data.x_train if idx is None else data.x_train[idx]
    y = data.y_train if idx is None else data.y_train[idx]
    hidden: list[LayerProbe] = []
    weights: list[torch.Tensor] = []
    was_training = model.training
    model.eval()
    try:
        with torch.enable_grad():
            h = x
            for block, module in zip(evaluation.blocks, model):
                h = module(h)
                if block.kind == "linear":
                    weights.append(module.weight)
                elif block.kind == "activation" and h.numel():
                    hidden.append(_layer(block.layer, block.args[0], h.detach()))
            loss = evaluation.mean_loss_fn(h, y)
            grads = torch.autograd.grad(loss, weights, allow_unused=True) if weights and loss.requires_grad \
                else [None] * len(weights)
    finally:
        model.train(was_training)
    norms = [math.nan if g is None else float(torch.linalg.vector_norm(g.double()).item()) for g in grads]
    return hidden, norms


def _layer(layer: str, activation: str, h: torch.Tensor) -> LayerProbe:
    dead = float((h <= 0).all(dim=0).double().mean().item())
    if activation == "tanh":
        saturated = float((h.abs() > FLAT["tanh"]).double().mean().item())
    elif activation == "sigmoid":
        low = FLAT["sigmoid"]
        saturated = float(((h < low) | (h > 1 - low)).double().mean().item())
    else:
        saturated = math.nan
    return LayerProbe(layer, activation, saturated, dead)
