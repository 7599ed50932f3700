"""The training engine: model, optimizer, data and device, stepped by the worker or the CLI.

It is plain PyTorch with no Qt: one batch is ``zero_grad → forward → loss (+ L1/L2) → backward →
step``, batches come from a seeded ``torch.randperm`` per epoch, so a run is reproducible on CPU and
the generated script can repeat it exactly. Full train/test evaluation happens at every epoch end
and feeds the bounded history. ``snapshot()`` turns the current state into plain numpy data.
"""

from __future__ import annotations

import math
import time
from dataclasses import replace
from pathlib import Path

import numpy as np
import torch
from torch import nn

from playground.core import state as state_io
from playground.core.data.build import make_dataset
from playground.core.data.dataset import Dataset
from playground.core.history import History
from playground.core.model import build_model, head, parameter_labels
from playground.core.registry import LOSSES, OPTIMIZERS, resolve_device, torch_dtype
from playground.core.snapshot import Boundary, Curve, Metrics, Predictions, Snapshot
from playground.core.spec import LIVE_OPTIONS, Experiment
from playground.core.stats import parameter_stats
from playground.core.translate import Text
from playground.core.views import ViewRequest


class Diverged(RuntimeError):
    """The loss became NaN or infinite; training cannot go on from this state."""


DIVERGED_TEXT = Text("runner", "training diverged; reset the weights to start again")


class Engine:
    """Trains one experiment. Not thread-safe: one thread (the worker) drives it at a time."""

    def __init__(self, experiment: Experiment, base_dir: Path | None = None,
                 device: str | None = None, dataset: Dataset | None = None) -> None:
        self.spec = experiment.model_copy(deep=True)
        self.spec.state = None
        if device is not None:
            self.spec.training.device = device
        self.base_dir = base_dir
        self.dataset = dataset if dataset is not None else make_dataset(self.spec.data, base_dir)
        self.task = self.dataset.task
        self.loss_key, self.out_dim = head(self.spec.training, self.task, self.dataset.n_classes)
        self.device = resolve_device(self.spec.training.device)
        self.dtype = torch_dtype(self.spec.training.dtype)
        self.loss_fn = LOSSES[self.loss_key].build(self.spec.training.reduction)
        self.mean_loss_fn = LOSSES[self.loss_key].build()  # the curves: mean per example, whatever the reduction
        self.preprocess = self.dataset.preprocess()
        self._load_tensors()
        self.labels = parameter_labels(self.spec.model, self.dataset.input_dim, self.out_dim)
        self.reset()
        if experiment.state is not None:
            self.load_state(experiment.state)

    # ----------------------------------------------------------------------------- set-up
    def _inputs(self, raw: np.ndarray) -> torch.Tensor:
        with torch.no_grad():
            x = self.preprocess(torch.as_tensor(raw, dtype=torch.float64))
        return x.to(device=self.device, dtype=self.dtype)

    def _targets(self, y: np.ndarray) -> torch.Tensor:
        target = LOSSES[self.loss_key].target
        if target == "index":
            return torch.as_tensor(y, dtype=torch.int64, device=self.device)
        return torch.as_tensor(y, dtype=self.dtype, device=self.device).reshape(-1, 1)

    def _load_tensors(self) -> None:
        ds = self.dataset
        self.x_train, self.y_train = self._inputs(ds.x_train), self._targets(ds.y_train)
        self.x_test, self.y_test = self._inputs(ds.x_test), self._targets(ds.y_test)
        self.n_train = int(self.x_train.shape[0])
        if self.n_train == 0:
            raise ValueError("the training split is empty; raise data.train_fraction or samples")
        self._grid: torch.Tensor | None = None
        self._grid_res = 0

    def reset(self) -> None:
        """Fresh weights and optimizer from the seed; step, epoch and history start over."""
        seed = self.spec.training.seed
        torch.manual_seed(seed)
        self.model = build_model(self.spec.model, self.dataset.input_dim, self.out_dim, self.dtype)
        self.model.to(device=self.device, dtype=self.dtype)
        self._has_batchnorm = any(isinstance(m, nn.BatchNorm1d) for m in self.model)
        self.optimizer = self._build_optimizer()
        self.generator = torch.Generator().manual_seed(seed)
        self.step = 0
        self.epoch = 0
        self.cursor = 0
        self.perm: torch.Tensor | None = None
        self.seconds = 0.0
        self.batch_loss = math.nan
        self.diverged = False
        self.history = History()
        self._previous: list[torch.Tensor] | None = None
        self.metrics = self.evaluate()
        self._record()

    def _build_optimizer(self) -> torch.optim.Optimizer:
        opt = self.spec.training.optimizer
        return OPTIMIZERS[opt.name].build(self.model.parameters(), opt.values())

    # ----------------------------------------------------------------------------- training
    @property
    def batch_size(self) -> int:
        return min(self.spec.training.batch_size, self.n_train)

    @property
    def steps_per_epoch(self) -> int:
        return math.ceil(self.n_train / self.batch_size)

    @property
    def lr(self) -> float:
        return float(self.optimizer.param_groups[0]["lr"])

    def regularization(self, model: nn.Sequential | None = None) -> torch.Tensor | None:
        """L1/L2 penalty on the weights of linear layers (biases and norms excluded); ``model``: a copy's."""
        t = self.spec.training
        if t.l1 == 0 and t.l2 == 0:
            return None
        penalty = torch.zeros((), device=self.device, dtype=self.dtype)
        for module in self.model if model is None else model:
            if isinstance(module, nn.Linear):
                if t.l1:
                    penalty = penalty + t.l1 * module.weight.abs().sum()
                if t.l2:
                    penalty = penalty + t.l2 * module.weight.pow(2).sum()
        return penalty

    def train_step(self, capture: bool = False) -> float:
        """One batch. ``capture`` keeps the pre-step weights so the snapshot has update ratios."""
        if self.diverged:
            raise Diverged(DIVERGED_TEXT)
        started = time.perf_counter()
        if self.perm is None or self.cursor == 0:
            self.perm = torch.randperm(self.n_train, generator=self.generator)
        end = self._batch_end()
        idx = self.perm[self.cursor:end].to(self.device)
        self.model.train()
        self.optimizer.zero_grad(set_to_none=True)
        loss = self.loss_fn(self.model(self.x_train[idx]), self.y_train[idx])
        penalty = self.regularization()
        (loss if penalty is None else loss + penalty).backward()
        self._previous = [p.detach().clone() for p in self.model.parameters()] if capture else None
        self.optimizer.step()
        self.batch_loss = float(loss.item())
        self.step += 1
        self.cursor = end
        if self.cursor >= self.n_train:
            self.cursor = 0
            self.epoch += 1
            self.metrics = self.evaluate()
            self._record()
        self.seconds += time.perf_counter() - started
        if not math.isfinite(self.batch_loss):
            self.diverged = True
            raise Diverged(Text("runner", "the loss became {0} at step {1}; try a smaller learning rate").format(
                self.batch_loss, self.step))
        return self.batch_loss

    def _batch_end(self) -> int:
        """Where the next batch ends in the epoch's order."""
        end = self.cursor + self.batch_size
        if self.n_train - end == 1 and self._has_batchnorm:
            end += 1  # BatchNorm cannot train on a batch of one: fold it into this batch
        return min(end, self.n_train)

    def train_epoch(self, capture: bool = False) -> float:
        """Steps until the current epoch ends (a whole epoch when at its start).

        ``capture`` keeps the pre-step weights of the epoch's last step, for the snapshot after it.
        """
        epoch = self.epoch
        loss = math.nan
        while self.epoch == epoch:
            loss = self.train_step(capture=capture and self._batch_end() >= self.n_train)
        return loss

    def train(self, epochs: int, callback=None) -> Metrics:
        """``epochs`` more epochs; ``callback(engine)`` after each one (progress bars)."""
        for _ in range(epochs):
            self.train_epoch()
            if callback is not None:
                callback(self)
        return self.metrics

    def _record(self) -> None:
        m = self.metrics
        self.history.record(step=self.step, epoch=self.epoch, train_loss=m.train_loss,
                            test_loss=m.test_loss, train_metric=m.train_metric,
                            test_metric=m.test_metric)

    # ----------------------------------------------------------------------------- evaluation
    def predict(self, raw: np.ndarray) -> np.ndarray:
        """Model outputs (logits or values) for raw inputs, in eval mode."""
        return self._forward(self._inputs(np.asarray(raw, dtype=np.float64))).cpu().numpy()

    def _forward(self, x: torch.Tensor) -> torch.Tensor:
        was_training = self.model.training
        self.model.eval()
        try:
            with torch.no_grad():
                return self.model(x).to(torch.float64)
        finally:
            self.model.train(was_training)

    def _loss_and_metric(self, x: torch.Tensor, y: torch.Tensor) -> tuple[float, float]:
        if x.shape[0] == 0:
            return math.nan, math.nan
        out = self._forward(x)
        target = LOSSES[self.loss_key].target
        yt = y if target == "index" else y.to(torch.float64)
        loss = float(self.mean_loss_fn(out, yt).item())
        if target == "index":
            metric = float((out.argmax(dim=1) == y).to(torch.float64).mean().item())
        elif target == "binary":
            metric = float(((out > 0).to(torch.float64) == yt).to(torch.float64).mean().item())
        else:
            ss_res = float(((yt - out) ** 2).sum().item())
            ss_tot = float(((yt - yt.mean()) ** 2).sum().item())
            metric = 1.0 - ss_res / ss_tot if ss_tot > 0 else math.nan
        return loss, metric

    def evaluate(self) -> Metrics:
        train_loss, train_metric = self._loss_and_metric(self.x_train, self.y_train)
        test_loss, test_metric = self._loss_and_metric(self.x_test, self.y_test)
        name = "accuracy" if self.task == "classification" else "r2"
        return Metrics(name, train_loss, test_loss, train_metric, test_metric)

    def probabilities(self, out: torch.Tensor) -> torch.Tensor:
        target = LOSSES[self.loss_key].target
        if target == "index":
            return torch.softmax(out, dim=1)
        if target == "binary":
            p = torch.sigmoid(out)
            return torch.cat([1 - p, p], dim=1)
        return out

    def boundary(self, resolution: int = 100) -> Boundary | None:
        """Model output over a ``resolution``² grid of the raw input plane (2-D inputs only)."""
        if self.dataset.raw_dim != 2:
            return None
        extent = self.dataset.bounds()
        if self._grid is None or self._grid_res != resolution:
            xs = np.linspace(extent[0], extent[1], resolution)
            ys = np.linspace(extent[2], extent[3], resolution)
            gx, gy = np.meshgrid(xs, ys)
            self._grid = self._inputs(np.column_stack([gx.ravel(), gy.ravel()]))
            self._grid_res = resolution
        values = self.probabilities(self._forward(self._grid))
        grid = values.reshape(resolution, resolution, -1).to(torch.float32).cpu().numpy()
        return Boundary(extent, grid)

    def curve(self, points: int = 200) -> Curve | None:
        if self.dataset.raw_dim != 1 or self.task != "regression":
            return None
        x0, x1, _, _ = self.dataset.bounds()
        xs = np.linspace(x0, x1, points)
        ys = self.predict(xs.reshape(-1, 1))[:, 0]
        return Curve(xs, ys)

    def test_predictions(self) -> Predictions:
        out = self._forward(self.x_test)
        if self.task == "classification":
            pred = self.probabilities(out).argmax(dim=1)
            return Predictions(self.dataset.y_test.astype(np.int64), pred.cpu().numpy())
        return Predictions(self.dataset.y_test.astype(np.float64), out[:, 0].cpu().numpy())

    def parameter_stats(self) -> tuple:
        previous = self._previous or [None] * len(list(self.model.parameters()))
        return tuple(
            parameter_stats(name, self.labels.get(name, name), p, prev)
            for (name, p), prev in zip(self.model.named_parameters(), previous)
        )

    def snapshot(self, views: ViewRequest | None = None, *, resolution: int | None = None) -> Snapshot:
        """What the visible ``views`` draw, as plain numpy/Python data (every view by default)."""
        views = views or ViewRequest()
        if resolution is not None:
            views = replace(views, resolution=resolution)
        stats, visuals = views.stats, views.boundary
        boundary = curve = predictions = None
        if visuals and not self.diverged:
            boundary = self.boundary(views.resolution)
            curve = self.curve()
            if boundary is None and curve is None:  # no picture of the input space: show test predictions
                predictions = self.test_predictions()
        return Snapshot(
            step=self.step,
            epoch=self.epoch,
            batch_in_epoch=self.cursor // self.batch_size,
            steps_per_epoch=self.steps_per_epoch,
            batch_loss=self.batch_loss,
            lr=self.lr,
            device=str(self.device),
            seconds=self.seconds,
            metrics=self.metrics,
            history=self.history.arrays(),
            params=self.parameter_stats() if stats else (),
            boundary=boundary,
            curve=curve,
            predictions=predictions,
            diverged=self.diverged,
        )

    # ----------------------------------------------------------------------------- live changes
    def set_option(self, name: str, value: float | int | bool) -> None:
        """Change a hyper-parameter between steps: an optimizer's (``lr``…), ``l1``, ``l2``, ``batch_size``."""
        t = self.spec.training
        if name in LIVE_OPTIONS:
            setattr(t, name, value)  # validated by pydantic
            return
        entry = OPTIMIZERS[t.optimizer.name]
        checked = entry.param(name).check(value)
        t.optimizer = t.optimizer.with_value(name, checked)
        for group in self.optimizer.param_groups:
            if name in ("beta1", "beta2"):
                b1, b2 = group["betas"]
                group["betas"] = (checked, b2) if name == "beta1" else (b1, checked)
            else:
                group[name] = checked

    # ----------------------------------------------------------------------------- files
    def experiment(self, include_state: bool = True) -> Experiment:
        """The experiment as it stands, with trained state unless asked not to."""
        exp = self.spec.model_copy(deep=True)
        exp.state = state_io.capture(self) if include_state and self.step > 0 else None
        return exp

    def load_state(self, state) -> None:
        state_io.restore(self, state)
