"""The in-memory data set every consumer (engine, plots, exporters) reads."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from playground.core.registry import Task
from playground.core.spec import DERIVED_LABELS

if TYPE_CHECKING:
    from playground.core.features import Preprocess


@dataclass
class Dataset:
    """Raw inputs and targets, split into train and test.

    ``x_*`` are float64 ``(n, raw_dim)``; ``y_*`` are int64 class indices for classification and
    float64 values for regression, both ``(n,)``. ``derived`` lists the TFP-style inputs built
    from 2-D raw points (``None``: raw inputs go to the model as they are); ``mean``/``std``
    standardise the model inputs when set.
    """

    task: Task
    x_train: np.ndarray
    y_train: np.ndarray
    x_test: np.ndarray
    y_test: np.ndarray
    raw_names: list[str]
    derived: list[str] | None = None
    mean: list[float] | None = None
    std: list[float] | None = None
    class_names: list[str] | None = None
    target_name: str = "y"
    extent: tuple[float, float, float, float] | None = field(default=None)
    """Fixed plot window (xmin, xmax, ymin, ymax) for synthetic 2-D/1-D sets, as TFP's [-6, 6]."""
    image_side: int | None = None
    """Inputs are ``side × side`` grey images flattened row by row (pixels in [0, 1]); ``None``: not images."""

    @property
    def raw_dim(self) -> int:
        return int(self.x_train.shape[1])

    @property
    def input_names(self) -> list[str]:
        """Model input names, in order (derived labels, or raw column names)."""
        if self.derived is not None:
            return [DERIVED_LABELS[d] for d in self.derived]
        return list(self.raw_names)

    @property
    def input_dim(self) -> int:
        return len(self.derived) if self.derived is not None else self.raw_dim

    @property
    def n_classes(self) -> int | None:
        if self.task != "classification":
            return None
        if self.class_names is not None:
            return len(self.class_names)
        return int(max(self.y_train.max(initial=0), self.y_test.max(initial=0))) + 1

    def preprocess(self) -> Preprocess:
        from playground.core.features import Preprocess  # torch: only where a model is built

        return Preprocess(self.derived, self.mean, self.std)

    def bounds(self, margin: float = 0.1) -> tuple[float, float, float, float]:
        """Plot window for 2-D raw inputs (or x range with y range for 1-D)."""
        if self.extent is not None:
            return self.extent
        x = np.concatenate([self.x_train, self.x_test])
        if self.raw_dim == 1:
            y = np.concatenate([self.y_train, self.y_test]).astype(float)
            cols = (x[:, 0], y)
        else:
            cols = (x[:, 0], x[:, 1])
        out: list[float] = []
        for c in cols:
            lo, hi = float(np.min(c)), float(np.max(c))
            pad = (hi - lo) * margin or 1.0
            out += [lo - pad, hi + pad]
        return out[0], out[1], out[2], out[3]
