"""The data set as the engine trains on it: preprocessed tensors on its device and dtype.

Inputs are preprocessed in float64 and then cast, as the generated training script does, so the
engine and the exported code see the same numbers. Grids over the input plane and fixed samples of
big splits are made once and kept.
"""

from __future__ import annotations

import numpy as np
import torch

from playground.core.data.dataset import Dataset
from playground.core.registry import LOSSES


class DeviceData:
    """The train and test splits as tensors, plus the grids and fixed row samples drawn from them."""

    def __init__(self, dataset: Dataset, loss_key: str, device: torch.device, dtype: torch.dtype,
                 seed: int) -> None:
        self.dataset = dataset
        self.device, self.dtype, self.seed = device, dtype, seed
        self.target = LOSSES[loss_key].target
        self.preprocess = dataset.preprocess()
        self.x_train, self.y_train = self.inputs(dataset.x_train), self.targets(dataset.y_train)
        self.x_test, self.y_test = self.inputs(dataset.x_test), self.targets(dataset.y_test)
        self.n_train = int(self.x_train.shape[0])
        if self.n_train == 0:
            raise ValueError("the training split is empty; raise data.train_fraction or samples")
        self._grids: dict[int, torch.Tensor] = {}
        self._subsets: dict[str, torch.Tensor] = {}

    def inputs(self, raw: np.ndarray) -> torch.Tensor:
        with torch.no_grad():
            x = self.preprocess(torch.as_tensor(raw, dtype=torch.float64))
        return x.to(device=self.device, dtype=self.dtype)

    def targets(self, y: np.ndarray) -> torch.Tensor:
        if self.target == "index":
            return torch.as_tensor(y, dtype=torch.int64, device=self.device)
        return torch.as_tensor(y, dtype=self.dtype, device=self.device).reshape(-1, 1)

    def subset(self, split: str, n_rows: int, limit: int) -> torch.Tensor | None:
        """Fixed random row indices (≤ ``limit``) of a split, drawn once from their own generator."""
        if n_rows <= limit:
            return None
        key = f"{split}:{limit}"
        if key not in self._subsets:
            generator = torch.Generator().manual_seed(self.seed + len(key))
            self._subsets[key] = torch.randperm(n_rows, generator=generator)[:limit].to(self.device)
        return self._subsets[key]

    def train_sample(self, limit: int) -> torch.Tensor:
        """Up to ``limit`` training inputs, the same ones every time (dead-unit counts)."""
        idx = self.subset("train", self.n_train, limit)
        return self.x_train if idx is None else self.x_train[idx]

    def grid(self, resolution: int) -> torch.Tensor:
        """Model inputs for a ``resolution``² grid over the raw input plane (2-D inputs), cached.

        The boundary and the neuron maps use different resolutions: a few grids are kept.
        """
        grid = self._grids.get(resolution)
        if grid is None:
            extent = self.dataset.bounds()
            xs = np.linspace(extent[0], extent[1], resolution)
            ys = np.linspace(extent[2], extent[3], resolution)
            gx, gy = np.meshgrid(xs, ys)
            grid = self.inputs(np.column_stack([gx.ravel(), gy.ravel()]))
            if len(self._grids) >= 4:
                self._grids.pop(next(iter(self._grids)))
            self._grids[resolution] = grid
        return grid
