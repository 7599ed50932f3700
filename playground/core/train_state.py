"""``TrainState``: everything a training step changes, in one value the engine owns.

Weights (the model), optimizer, the batch-order generator, this epoch's order and the counters
belong together: ``state.capture`` saves them as a whole and ``state.restore`` loads them as a whole,
so continuing from a file is the same as never having stopped. Torch's global generator (dropout
draws from it) is saved beside them by ``state``; it is not the engine's to own.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import torch
from torch import nn

from playground.core.history import History
from playground.core.model import build_model
from playground.core.registry import OPTIMIZERS
from playground.core.spec import Experiment


@dataclass
class TrainState:
    """The weights, optimizer, random generator, batch order and counters of one training run."""

    model: nn.Sequential
    optimizer: torch.optim.Optimizer
    generator: torch.Generator
    """Draws each epoch's batch order (its own, so the order does not depend on dropout's draws)."""
    step: int = 0
    epoch: int = 0
    cursor: int = 0
    """Where the next batch starts in this epoch's order."""
    perm: torch.Tensor | None = None
    """This epoch's batch order (``None`` before the first step)."""
    seconds: float = 0.0
    """Time spent training (steps only, not snapshots)."""
    history: History = field(default_factory=History)
    edited: bool = False
    """Weights typed in by the user: saved with the file even before the first step."""

    @classmethod
    def fresh(cls, spec: Experiment, in_dim: int, out_dim: int, dtype: torch.dtype,
              device: torch.device) -> TrainState:
        """Weights and optimizer from the seed, step 0 (seeds torch's global generator, as textbooks do)."""
        seed = spec.training.seed
        torch.manual_seed(seed)
        model = build_model(spec.model, in_dim, out_dim, dtype)
        model.to(device=device, dtype=dtype)
        opt = spec.training.optimizer
        optimizer = OPTIMIZERS[opt.name].build(model.parameters(), opt.values())
        for group in optimizer.param_groups:
            if "foreach" in group and group["foreach"] is None:
                group["foreach"] = True  # same arithmetic as the per-tensor loop, fewer launches
        return cls(model, optimizer, torch.Generator().manual_seed(seed))


def batch_end(cursor: int, batch_size: int, n_rows: int, has_batchnorm: bool) -> int:
    """Where the batch starting at ``cursor`` ends in an epoch of ``n_rows``."""
    end = cursor + batch_size
    if n_rows - end == 1 and has_batchnorm:
        end += 1  # BatchNorm cannot train on a batch of one: fold it into this batch
    return min(end, n_rows)
