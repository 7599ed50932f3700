"""What each neuron computes: its activation over the input plane, and over a sample of the data.

The model is a flat ``nn.Sequential``; a hidden layer's output is the output of its activation
module (dropout is the identity in eval mode), found from the architecture plan. Everything runs
in eval mode under ``inference_mode`` and draws no random numbers.
"""

from __future__ import annotations

import torch
from torch import nn

from playground.core.architecture import Block
from playground.core.model import mode_matters
from playground.core.snapshot import NeuronMaps
from playground.core.views import MAX_DRAWN, drawn_units

__all__ = ["MAX_DRAWN", "dead_fraction", "drawn_units", "layer_outputs", "neuron_maps"]

def activation_positions(blocks: list[Block]) -> list[int]:
    """Module index of each hidden layer's activation, in layer order."""
    return [i for i, b in enumerate(blocks) if b.kind == "activation"]


def layer_outputs(model: nn.Sequential, blocks: list[Block],
                  x: torch.Tensor) -> tuple[list[torch.Tensor], torch.Tensor]:
    """Each hidden layer's activations and the model's output for inputs ``x`` (eval mode)."""
    wanted = set(activation_positions(blocks))
    hidden: list[torch.Tensor] = []
    was_training = model.training
    switch = was_training and mode_matters(model)
    if switch:
        model.eval()
    try:
        with torch.inference_mode():
            h = x
            for i, module in enumerate(model):
                h = module(h)
                if i in wanted:
                    hidden.append(h)
    finally:
        if switch:
            model.train(was_training)
    return hidden, h


def neuron_maps(model: nn.Sequential, blocks: list[Block], grid: torch.Tensor, resolution: int,
                extent: tuple[float, float, float, float], output_probabilities) -> NeuronMaps:
    """Activation maps of every drawn neuron over a ``resolution``² grid of model inputs ``grid``."""
    hidden, out = layer_outputs(model, blocks, grid)
    layers, drawn, widths = [], [], []
    with torch.inference_mode():
        for h in [*hidden, output_probabilities(out)]:
            width = int(h.shape[1])
            units = drawn_units(width)
            idx = torch.as_tensor(units, device=h.device)
            maps = h.index_select(1, idx).T.reshape(len(units), resolution, resolution)
            layers.append(maps.to(torch.float32).cpu().numpy())
            drawn.append(units)
            widths.append(width)
        inputs = grid.T.reshape(-1, resolution, resolution).to(torch.float32).cpu().numpy()
    return NeuronMaps(extent, inputs, tuple(layers), tuple(drawn), tuple(widths))


def dead_fraction(model: nn.Sequential, blocks: list[Block], x: torch.Tensor) -> list[tuple[str, str, float]]:
    """``(layer, activation key, share of units never above zero on x)`` for each hidden layer."""
    hidden, _ = layer_outputs(model, blocks, x)
    acts = [b for b in blocks if b.kind == "activation"]
    out = []
    with torch.inference_mode():
        for block, h in zip(acts, hidden):
            if h.numel() == 0:
                continue
            never = (h <= 0).all(dim=0).to(torch.float64).mean()
            out.append((block.layer, block.args[0], float(never.item())))
    return out
