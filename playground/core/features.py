"""Input preprocessing: derived features (TFP's X1², sin X1…) then standardisation.

One ``nn.Module`` serves training, the decision-boundary grid, the ONNX export (folded into the
graph) and the generated script, so the model everywhere sees exactly the same inputs.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import torch
from torch import nn

from playground.core.spec import DERIVED_LABELS

__all__ = ["DERIVED", "DERIVED_CODE", "DERIVED_LABELS", "Preprocess"]

DERIVED: dict[str, Callable[[torch.Tensor, torch.Tensor], torch.Tensor]] = {
    "x1": lambda a, b: a,
    "x2": lambda a, b: b,
    "x1_sq": lambda a, b: a * a,
    "x2_sq": lambda a, b: b * b,
    "x1_x2": lambda a, b: a * b,
    "sin_x1": lambda a, b: torch.sin(a),
    "sin_x2": lambda a, b: torch.sin(b),
}
DERIVED_CODE: dict[str, str] = {
    "x1": "a", "x2": "b", "x1_sq": "a * a", "x2_sq": "b * b", "x1_x2": "a * b",
    "sin_x1": "torch.sin(a)", "sin_x2": "torch.sin(b)",
}


class Preprocess(nn.Module):
    """Raw inputs → model inputs. ``derived`` applies to 2-D raw inputs only; ``None`` passes through."""

    def __init__(self, derived: Sequence[str] | None = None,
                 mean: Sequence[float] | None = None, std: Sequence[float] | None = None) -> None:
        super().__init__()
        self.derived = list(derived) if derived is not None else None
        self.standardize = mean is not None
        if mean is not None:
            if std is None or len(std) != len(mean):
                raise ValueError("standardisation needs a std for every mean")
            safe_std = [s if s > 0 else 1.0 for s in std]
            self.register_buffer("mean", torch.tensor(list(mean), dtype=torch.float64))
            self.register_buffer("std", torch.tensor(safe_std, dtype=torch.float64))

    @property
    def is_identity(self) -> bool:
        return self.derived is None and not self.standardize

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if self.derived is not None:
            a, b = x[:, 0], x[:, 1]
            x = torch.stack([DERIVED[name](a, b) for name in self.derived], dim=1)
        if self.standardize:
            x = (x - self.mean.to(x.dtype)) / self.std.to(x.dtype)
        return x
