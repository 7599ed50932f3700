"""PyTorch ``state_dict`` (``.pt``): plain tensors only, so ``torch.load(..., weights_only=True)`` reads it.

The keys are the ``nn.Sequential`` names (``0.weight``, ``0.bias``, …) of the module the generated
code builds, so ``model.load_state_dict(torch.load(path, weights_only=True))`` is all a user needs.
"""

from __future__ import annotations

import io
from pathlib import Path

import torch

from playground.core.experiment_io import atomic_write
from playground.core.export.source import ExportSource


def save_state_dict(weights: dict[str, torch.Tensor], path: Path) -> None:
    """Write through a temporary file so a failed export never leaves half a file."""
    buffer = io.BytesIO()
    torch.save({k: v.detach().cpu().contiguous() for k, v in weights.items()}, buffer)
    atomic_write(path, buffer.getvalue())


def write(source: ExportSource, path: Path) -> list[Path]:
    save_state_dict(source.weights, path)
    return [path]
