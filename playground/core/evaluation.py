"""What the model says about the data, without training it: metrics, pictures and predictions.

Everything here runs in eval mode under ``inference_mode`` and never touches a random generator
that training draws from, so looking at a model (however often) cannot change how it trains.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np
import torch
from torch import nn

from playground.core.architecture import Block
from playground.core.device_data import DeviceData
from playground.core.fast_paths import class_softmax
from playground.core.model import mode_matters
from playground.core.neurons import dead_fraction, neuron_maps
from playground.core.registry import LOSSES
from playground.core.snapshot import Boundary, Curve, Metrics, NeuronMaps, Predictions

EVAL_MACS = 2e8
"""Multiply-adds an epoch-end evaluation may take (≈ 20–40 ms here): a model and data set so large
that the whole set would take longer is evaluated on a fixed sample, and its metrics say so."""


class Evaluation:
    """Measures and draws the model the engine trains; ``use`` points it at a freshly built model."""

    def __init__(self, data: DeviceData, loss_key: str, blocks: list[Block], macs: int) -> None:
        self.data = data
        self.dataset = data.dataset
        self.loss_key = loss_key
        self.mean_loss_fn = LOSSES[loss_key].build()  # the curves: mean per example, whatever the reduction
        self.target = LOSSES[loss_key].target
        self.blocks = blocks
        self.macs = macs
        self.eval_rows = max(2048, int(EVAL_MACS / max(macs, 1)))
        self.model: nn.Sequential | None = None
        self._forwards: list[Callable[[torch.Tensor], torch.Tensor]] = []
        self._mode_matters = False

    def use(self, model: nn.Sequential, forwards: list[Callable[[torch.Tensor], torch.Tensor]]) -> None:
        """Evaluate ``model`` from now on; ``forwards``: its modules' fast forward functions."""
        self.model, self._forwards = model, forwards
        self._mode_matters = mode_matters(model)
        """Toggling train/eval mode for every evaluation costs ≈ 4 % of a small run: only where it matters."""

    def forward(self, x: torch.Tensor, dtype: torch.dtype = torch.float64) -> torch.Tensor:
        """The model's output in eval mode, cast to ``dtype``."""
        if not self._mode_matters:  # the same kernels as ``self.model(x)``, without its hooks and mode switch
            with torch.inference_mode():
                for forward in self._forwards:
                    x = forward(x)
                return x.to(dtype)
        was_training = self.model.training
        self.model.eval()
        try:
            with torch.inference_mode():
                return self.model(x).to(dtype)
        finally:
            self.model.train(was_training)

    def predict(self, raw: np.ndarray) -> np.ndarray:
        """Model outputs (logits or values) for raw inputs, in eval mode."""
        return self.forward(self.data.inputs(np.asarray(raw, dtype=np.float64))).cpu().numpy()

    def _loss_and_metric(self, x: torch.Tensor, y: torch.Tensor) -> tuple[float, float]:
        if x.shape[0] == 0:
            return math.nan, math.nan
        out = self.forward(x)
        target = self.target
        with torch.inference_mode():
            yt = y if target == "index" else y.to(torch.float64)
            loss = self.mean_loss_fn(out, yt)
            if target == "index":
                metric = (out.argmax(dim=1) == y).to(torch.float64).mean()
            elif target == "binary":
                metric = ((out > 0).to(torch.float64) == yt).to(torch.float64).mean()
            else:
                ss_res = ((yt - out) ** 2).sum()
                ss_tot = ((yt - yt.mean()) ** 2).sum()
                metric = torch.where(ss_tot > 0, 1.0 - ss_res / ss_tot, torch.nan)
            values = torch.stack([loss.to(torch.float64), metric.to(torch.float64)]).cpu().tolist()
        return values[0], values[1]

    def measure(self, limit: int, step: int, sampled: bool = False) -> Metrics:
        """Loss and metric on each split, on a fixed sample of ≤ ``limit`` rows of a bigger one."""
        d = self.data
        values = []
        for key, x, y in (("train", d.x_train, d.y_train), ("test", d.x_test, d.y_test)):
            idx = d.subset(key, int(x.shape[0]), limit)
            sampled = sampled or idx is not None
            values.append(self._loss_and_metric(x if idx is None else x[idx], y if idx is None else y[idx]))
        name = "accuracy" if self.dataset.task == "classification" else "r2"
        (train_loss, train_metric), (test_loss, test_metric) = values
        return Metrics(name, train_loss, test_loss, train_metric, test_metric, sampled=sampled, step=step)

    def probabilities(self, out: torch.Tensor) -> torch.Tensor:
        """Each class's probability per row (two columns for a binary head); values for regression."""
        if self.target == "index":
            return class_softmax(out)
        if self.target == "binary":
            p = torch.sigmoid(out)
            return torch.cat([1 - p, p], dim=1)
        return out

    def output_maps(self, out: torch.Tensor) -> torch.Tensor:
        """What each output neuron means: a class probability, the positive-class probability, a value."""
        if self.target == "index":
            return class_softmax(out)
        if self.target == "binary":
            return torch.sigmoid(out)
        return out

    def boundary(self, resolution: int = 100) -> Boundary | None:
        """Model output over a ``resolution``² grid of the raw input plane (2-D inputs only)."""
        if self.dataset.raw_dim != 2:
            return None
        values = self.probabilities(self.forward(self.data.grid(resolution), torch.float32))  # a picture
        grid = values.reshape(resolution, resolution, -1).cpu().numpy()
        return Boundary(self.dataset.bounds(), grid)

    def curve(self, points: int = 200) -> Curve | None:
        """The fitted function over the input range (1-D regression only)."""
        if self.dataset.raw_dim != 1 or self.dataset.task != "regression":
            return None
        x0, x1, _, _ = self.dataset.bounds()
        points = int(max(16, min(points, EVAL_MACS / max(self.macs, 1))))
        xs = np.linspace(x0, x1, points)
        ys = self.predict(xs.reshape(-1, 1))[:, 0]
        return Curve(xs, ys)

    def test_predictions(self, limit: int | None = None) -> Predictions:
        """Test targets and predictions (on a fixed sample of ≤ ``limit`` rows, ``eval_rows`` at most)."""
        d = self.data
        idx = d.subset("test", int(d.x_test.shape[0]), min(limit or self.eval_rows, self.eval_rows))
        out = self.forward(d.x_test if idx is None else d.x_test[idx])
        y = self.dataset.y_test if idx is None else self.dataset.y_test[idx.cpu().numpy()]
        if self.dataset.task == "classification":
            pred = self.probabilities(out).argmax(dim=1)
            return Predictions(y.astype(np.int64), pred.cpu().numpy())
        return Predictions(y.astype(np.float64), out[:, 0].cpu().numpy())

    def neuron_maps(self, resolution: int) -> NeuronMaps | None:
        """Every drawn neuron's output over the input plane (2-D inputs only)."""
        if self.dataset.raw_dim != 2:
            return None
        return neuron_maps(self.model, self.blocks, self.data.grid(resolution), resolution, self.dataset.bounds(),
                           self.output_maps)

    def dead_units(self, rows: int) -> list[tuple[str, str, float]]:
        """Each hidden layer's share of units that output zero on a fixed sample of ≤ ``rows`` inputs."""
        return dead_fraction(self.model, self.blocks, self.data.train_sample(rows))
