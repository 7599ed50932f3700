"""The training engine: model, optimizer, data and device, stepped by the runner or the CLI.

It is plain PyTorch with no Qt. One batch is ``forward → loss (+ L1/L2) → gradients → optimizer
update``, in the same order and with the same kernels as the textbook loop, so losses are
bit-identical to it; it is only quicker about it (``fast_paths``):

* the modules' ``forward`` are called directly (no hooks are ever registered on them);
* the gradients come from ``torch.autograd.grad``'s engine call straight into ``.grad`` (no ``zero_grad``);
* the optimizer's own update runs without ``Optimizer.step``'s wrappers (profiler hooks, and the
  ``torch._dynamo`` graph breaks that import the compiler: 2–3 s at the first step), in its
  ``foreach`` form (one kernel launch per operation for all parameters, the same arithmetic); plain
  SGD is the one ``torch._foreach_add_(params, grads, alpha=-lr)`` it reduces to;
* each epoch's batches are gathered once from its seeded ``torch.randperm``, then sliced;
* batch losses stay on the device until somebody looks (no host sync per step).

What training changes lives in one ``TrainState`` (``state`` saves and loads it whole); the data on
the device in ``DeviceData``; metrics and pictures come from ``Evaluation``, at every epoch end
(the bounded history) and for ``snapshot()``, which ``publish`` turns into plain numpy data.
"""

from __future__ import annotations

import contextlib
import math
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
import torch
from torch import nn

from playground.core import state as state_io
from playground.core.data.build import make_dataset
from playground.core.data.dataset import Dataset
from playground.core.device_data import DeviceData
from playground.core.errors import PlaygroundError, quote
from playground.core.evaluation import EVAL_MACS, Evaluation
from playground.core.fast_paths import fast_forward, gradients, plain_sgd_lr, raw_step
from playground.core.history import ArrayHistory
from playground.core.model import head, parameter_labels, plan
from playground.core.publish import Publisher
from playground.core.registry import LOSSES, OPTIMIZERS, resolve_device, torch_dtype
from playground.core.snapshot import Boundary, Curve, Metrics, Predictions, Snapshot
from playground.core.spec import LIVE_OPTIONS, Experiment, StateSpec
from playground.core.state_check import Target
from playground.core.torch_setup import skip_dynamo_for_optimizers
from playground.core.train_state import TrainState, batch_end
from playground.core.translate import Text
from playground.core.validation import check_buildable
from playground.core.views import ViewRequest

__all__ = ["DIVERGED_TEXT", "EVAL_MACS", "SYNC_EVERY", "Diverged", "Engine", "TrainState"]

SYNC_EVERY = 64
"""Batch losses wait on the device at most this many steps before they are read (and checked)."""

skip_dynamo_for_optimizers()


class Diverged(PlaygroundError, RuntimeError):
    """The loss became NaN or infinite; training cannot go on from this state."""


DIVERGED_TEXT = Text("runner", "training diverged; reset the weights to start again")


class _InState:
    """An engine attribute that lives in its ``TrainState`` (``engine.step`` is ``engine.state.step``)."""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, engine: Engine | None, owner: type | None = None) -> Any:
        return self if engine is None else getattr(engine.state, self.name)

    def __set__(self, engine: Engine, value: Any) -> None:
        setattr(engine.state, self.name, value)


class Engine:
    """Trains one experiment. Not thread-safe: one thread (the runner) drives it at a time."""

    model = _InState()
    optimizer = _InState()
    generator = _InState()
    step = _InState()
    epoch = _InState()
    cursor = _InState()
    perm = _InState()
    seconds = _InState()
    history = _InState()
    edited = _InState()

    def __init__(self, experiment: Experiment, base_dir: Path | None = None,
                 device: str | None = None, dataset: Dataset | None = None) -> None:
        self.spec = experiment.model_copy(deep=True)
        self.spec.state = None
        if device is not None:
            self.spec.training.device = device
        self.base_dir = base_dir
        self.dataset = dataset if dataset is not None else make_dataset(self.spec.data, base_dir)
        check_buildable(self.spec, self.dataset)  # refusals named before torch builds anything
        self.task = self.dataset.task
        self.loss_key, self.out_dim = head(self.spec.training, self.task, self.dataset.n_classes)
        self.device = resolve_device(self.spec.training.device)
        self.dtype = torch_dtype(self.spec.training.dtype)
        self.loss_fn = LOSSES[self.loss_key].build(self.spec.training.reduction)
        self.data = DeviceData(self.dataset, self.loss_key, self.device, self.dtype, self.spec.training.seed)
        self.preprocess = self.data.preprocess
        self.x_train, self.y_train = self.data.x_train, self.data.y_train
        self.x_test, self.y_test = self.data.x_test, self.data.y_test
        self.n_train = self.data.n_train
        self.labels = parameter_labels(self.spec.model, self.dataset.input_dim, self.out_dim)
        self.blocks = plan(self.spec.model, self.dataset.input_dim, self.out_dim)
        self.macs = sum(b.args[0] * b.args[1] for b in self.blocks if b.kind == "linear")
        """Multiply-adds of one sample's forward pass: what the time budgets are estimated from."""
        self.evaluation = Evaluation(self.data, self.loss_key, self.blocks, self.macs)
        self.eval_rows = self.evaluation.eval_rows
        self.publisher: Publisher | None = None
        self.reset()
        if experiment.state is not None:
            self.load_state(experiment.state)

    # ----------------------------------------------------------------------------- set-up
    def reset(self) -> None:
        """Fresh weights and optimizer from the seed; step, epoch and history start over."""
        self.state = TrainState.fresh(self.spec, self.dataset.input_dim, self.out_dim, self.dtype, self.device)
        model = self.state.model
        self.params = list(model.parameters())
        self._param_tuple = tuple(self.params)
        self._one = torch.ones((), dtype=self.dtype, device=self.device)
        self.param_names = [name for name, _ in model.named_parameters()]
        self._has_batchnorm = any(isinstance(m, nn.BatchNorm1d) for m in model)
        self._raw_step = raw_step(self.state.optimizer)
        self._forwards = [fast_forward(module) for module in model]
        self.evaluation.use(model, self._forwards)
        self._loss_forward = self.loss_fn.forward
        self._epoch_perm: torch.Tensor | None = None
        """The order ``_epoch_x``/``_epoch_y`` were gathered in: a new order gathers again."""
        self._epoch_x = self._epoch_y = None
        self.diverged = False
        self.batch_history = ArrayHistory(3, capacity=2048)
        self._pending: list[torch.Tensor] = []
        self._pending_first_step = 0
        self._batch_loss = math.nan
        self._previous: list[torch.Tensor] | None = None
        self.metrics = self.evaluate()
        self._record()
        if self.publisher is not None:
            self.publisher.reset()

    # ----------------------------------------------------------------------------- training
    @property
    def batch_size(self) -> int:
        return min(self.spec.training.batch_size, self.n_train)

    @property
    def steps_per_epoch(self) -> int:
        return math.ceil(self.n_train / self.batch_size)

    @property
    def lr(self) -> float:
        return float(self.state.optimizer.param_groups[0]["lr"])

    @property
    def batch_loss(self) -> float:
        """The last step's batch loss (reading it syncs the device)."""
        self.flush()
        return self._batch_loss

    @batch_loss.setter
    def batch_loss(self, value: float) -> None:
        self._batch_loss = float(value)

    def regularization(self, model: nn.Sequential | None = None) -> torch.Tensor | None:
        """L1/L2 penalty on the weights of linear layers (biases and norms excluded); ``model``: a copy's."""
        t = self.spec.training
        if t.l1 == 0 and t.l2 == 0:
            return None
        penalty = torch.zeros((), device=self.device, dtype=self.dtype)
        for module in self.state.model if model is None else model:
            if isinstance(module, nn.Linear):
                if t.l1:
                    penalty = penalty + t.l1 * module.weight.abs().sum()
                if t.l2:
                    penalty = penalty + t.l2 * module.weight.pow(2).sum()
        return penalty

    def next_batch_end(self) -> int:
        """Where the next batch ends in this epoch's order (``perm[cursor:next_batch_end()]`` is the batch)."""
        return batch_end(self.state.cursor, self.batch_size, self.n_train, self._has_batchnorm)

    def _batch(self, s: TrainState, end: int) -> tuple[torch.Tensor, torch.Tensor]:
        if self._epoch_perm is not s.perm:
            perm = s.perm.to(self.device)
            self._epoch_x, self._epoch_y = self.x_train[perm], self.y_train[perm]
            self._epoch_perm = s.perm
        return self._epoch_x[s.cursor:end], self._epoch_y[s.cursor:end]

    def train_step(self, capture: bool = False) -> None:
        """One batch. ``capture`` keeps the pre-step weights so the snapshot has the update."""
        if self.diverged:
            raise Diverged(DIVERGED_TEXT)
        started = time.perf_counter()
        s = self.state
        if s.perm is None or s.cursor == 0:
            s.perm = torch.randperm(self.n_train, generator=s.generator)
        end = self.next_batch_end()
        h, yb = self._batch(s, end)
        for forward in self._forwards:
            h = forward(h)
        loss = self._loss_forward(h, yb)
        penalty = self.regularization()
        grads = gradients(loss if penalty is None else loss + penalty, self._param_tuple, self._one)
        for p, g in zip(self.params, grads):
            p.grad = g
        self._previous = [p.detach().clone() for p in self.params] if capture else None
        lr = plain_sgd_lr(s.optimizer)
        with torch.no_grad():
            if lr is not None:
                torch._foreach_add_(self.params, grads, alpha=-lr)
            else:
                self._raw_step(s.optimizer)
        if not self._pending:
            self._pending_first_step = s.step + 1
        self._pending.append(loss.detach())
        s.step += 1
        s.cursor = end
        epoch_end = s.cursor >= self.n_train
        if epoch_end or capture or len(self._pending) >= SYNC_EVERY:
            self.flush()
        if epoch_end:
            s.cursor = 0
            s.epoch += 1
            self.metrics = self.evaluate()
            self._record()
        s.seconds += time.perf_counter() - started

    def flush(self) -> None:
        """Read the batch losses still on the device into the history; raise if one is not finite."""
        if not self._pending:
            return
        losses = torch.stack(self._pending).to(torch.float64).cpu().numpy()
        first = self._pending_first_step
        self._pending = []
        steps = np.arange(first, first + len(losses), dtype=np.float64)
        per_epoch = self.steps_per_epoch
        self.batch_history.record_many(np.column_stack([steps, steps / per_epoch, losses]))
        self._batch_loss = float(losses[-1])
        bad = np.flatnonzero(~np.isfinite(losses))
        if bad.size:
            self.diverged = True
            self._batch_loss = float(losses[bad[0]])
            raise Diverged(Text("runner", "the loss became {0} at step {1}; try a smaller learning rate").format(
                self._batch_loss, int(steps[bad[0]])))

    def flush_quietly(self) -> None:
        """``flush`` for readers (snapshots): a divergence found here is already recorded."""
        with contextlib.suppress(Diverged):
            self.flush()

    @property
    def last_loss(self) -> float:
        """The last batch loss read so far (no sync)."""
        return self._batch_loss

    @property
    def previous_weights(self) -> list[torch.Tensor] | None:
        """The weights before the last step, if that step was captured."""
        return self._previous

    def train_epoch(self, capture: bool = False) -> float:
        """Steps until the current epoch ends (a whole epoch when at its start).

        ``capture`` keeps the pre-step weights of the epoch's last step, for the snapshot after it.
        """
        epoch = self.state.epoch
        while self.state.epoch == epoch:
            self.train_step(capture=capture and self.next_batch_end() >= self.n_train)
        return self.batch_loss

    def train(self, epochs: int, callback=None) -> Metrics:
        """``epochs`` more epochs; ``callback(engine)`` after each one (progress bars)."""
        for _ in range(epochs):
            self.train_epoch()
            if callback is not None:
                callback(self)
        return self.metrics

    def _record(self) -> None:
        m, s = self.metrics, self.state
        s.history.record(step=s.step, epoch=s.epoch, train_loss=m.train_loss, test_loss=m.test_loss,
                         train_metric=m.train_metric, test_metric=m.test_metric)

    # ----------------------------------------------------------------------------- evaluation
    def evaluate(self) -> Metrics:
        """Loss and metric on the whole train and test sets (on a fixed sample for a huge model)."""
        return self.evaluation.measure(self.eval_rows, self.state.step)

    def sampled_metrics(self, limit: int) -> Metrics:
        """Metrics on fixed samples of ≤ ``limit`` rows per split: progress within a long epoch."""
        self.flush_quietly()
        return self.evaluation.measure(min(limit, self.eval_rows), self.state.step, sampled=True)

    def predict(self, raw: np.ndarray) -> np.ndarray:
        """Model outputs (logits or values) for raw inputs, in eval mode."""
        return self.evaluation.predict(raw)

    def probabilities(self, out: torch.Tensor) -> torch.Tensor:
        return self.evaluation.probabilities(out)

    def output_maps(self, out: torch.Tensor) -> torch.Tensor:
        return self.evaluation.output_maps(out)

    def train_sample(self, limit: int) -> torch.Tensor:
        return self.data.train_sample(limit)

    def grid(self, resolution: int) -> torch.Tensor:
        return self.data.grid(resolution)

    def boundary(self, resolution: int = 100) -> Boundary | None:
        return self.evaluation.boundary(resolution)

    def curve(self, points: int = 200) -> Curve | None:
        return self.evaluation.curve(points)

    def test_predictions(self, limit: int | None = None) -> Predictions:
        return self.evaluation.test_predictions(limit)

    def snapshot(self, views: ViewRequest | None = None, *, resolution: int | None = None,
                 complete: bool = True) -> Snapshot:
        """What the visible ``views`` draw, as plain numpy/Python data (every view by default).

        ``complete=False`` (the runner while training) lets throttled parts skip this snapshot.
        """
        views = views or ViewRequest(neurons=True, links=True)
        if resolution is not None:
            views = replace(views, resolution=resolution)
        if self.publisher is None:
            self.publisher = Publisher(self)
        return self.publisher.snapshot(views, complete)

    # ----------------------------------------------------------------------------- live changes
    def set_option(self, name: str, value: float | int | bool) -> None:
        """Change a hyper-parameter between steps: an optimizer's (``lr``…), ``l1``, ``l2``, ``batch_size``."""
        t = self.spec.training
        if name in LIVE_OPTIONS:
            self.flush()  # losses so far belong to the old epoch length
            setattr(t, name, value)  # validated by pydantic
            return
        entry = OPTIMIZERS[t.optimizer.name]
        checked = entry.param(name).check(value)
        t.optimizer = t.optimizer.with_value(name, checked)
        for group in self.state.optimizer.param_groups:
            if name in ("beta1", "beta2"):
                b1, b2 = group["betas"]
                group["betas"] = (checked, b2) if name == "beta1" else (b1, checked)
            else:
                group[name] = checked

    def parameter(self, name: str) -> torch.Tensor:
        try:
            return dict(self.state.model.named_parameters())[name]
        except KeyError:
            raise ValueError(f"no parameter {quote(name)}; the model has {', '.join(self.param_names)}") from None

    def set_value(self, name: str, index: tuple[int, ...], value: float) -> float:
        """Type one weight or bias into the model (the user edits it); returns the value it had."""
        if not math.isfinite(value):
            raise ValueError(f"{name}{list(index)}: a weight must be a finite number, not {quote(value)}")
        p = self.parameter(name)
        try:
            old = float(p.detach()[index].item())
        except IndexError:
            raise ValueError(f"{name} has shape {list(p.shape)}; there is no entry {list(index)}") from None
        with torch.no_grad():
            p[index] = value
        self.state.edited = True
        self.flush()
        self.metrics = self.evaluate()
        return old

    # ----------------------------------------------------------------------------- files
    def experiment(self, include_state: bool = True) -> Experiment:
        """The experiment as it stands, with trained state unless asked not to."""
        self.flush()
        exp = self.spec.model_copy(deep=True)
        keep = include_state and (self.state.step > 0 or self.state.edited)
        exp.state = state_io.capture(self.state, self.device) if keep else None
        return exp

    def load_state(self, state: StateSpec) -> None:
        """Continue from a saved state (checked whole first: a refused one changes nothing)."""
        target = Target(self.spec.training.optimizer, self.n_train, self.device, self.dtype)
        self.state = state_io.restore(self.state, state, target)
        self.metrics = self.evaluate()
        self.batch_loss = self.metrics.train_loss
        self._previous = None
