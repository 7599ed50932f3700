"""What the visible views ask of the next snapshots, so the engine computes nothing nobody sees."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

BUDGET_S = 0.025
"""Time a snapshot may take (statistics, heat maps, boundary): above it, resolution and samples drop."""


@dataclass(frozen=True)
class ViewRequest:
    boundary: bool = True
    """The model's output over the input plane (or the curve, or test predictions)."""
    resolution: int = 100
    """Boundary grid size (``view.grid``): the largest the budget may lower it from."""
    stats: bool = True
    """Per-parameter gradient/weight statistics and their histories."""
    neurons: bool = False
    """Each neuron's activation over the input plane (the network diagram's small heat maps)."""
    neuron_resolution: int = 24
    links: bool = False
    """Weights, gradients and last updates of the layers the network diagram draws."""
    inspect: str | None = None
    """A parameter's full weight, gradient, update and optimizer state (the parameter inspector)."""
    budget_s: float = BUDGET_S


MAX_DRAWN = 32
"""A layer wider than this is summarised: the diagram draws this many of its units."""


def drawn_units(width: int, limit: int = MAX_DRAWN) -> np.ndarray:
    """Which units of a layer the diagram draws: all, or ``limit`` spread evenly over a wide layer."""
    if width <= limit:
        return np.arange(width)
    return np.unique(np.linspace(0, width - 1, limit).round().astype(np.int64))
