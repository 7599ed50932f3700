"""The training engine: model, optimizer, data and device, stepped by the runner or the CLI.

It is plain PyTorch with no Qt. One batch is ``forward → loss (+ L1/L2) → gradients → optimizer
update``, in the same order and with the same kernels as the textbook loop, so losses are
bit-identical to it; it is only quicker about it:

* the modules' ``forward`` are called directly (no hooks are ever registered on them);
* the gradients come from ``torch.autograd.grad`` straight into ``.grad`` (no ``zero_grad``);
* the optimizer's own update runs without ``Optimizer.step``'s wrappers (profiler hooks, and the
  ``torch._dynamo`` graph breaks that import the compiler: 2–3 s at the first step), in its
  ``foreach`` form (one kernel launch per operation for all parameters, the same arithmetic); plain
  SGD is the one ``torch._foreach_add_(params, grads, alpha=-lr)`` it reduces to;
* each epoch's batches are gathered once from its seeded ``torch.randperm``, then sliced;
* batch losses stay on the device until somebody looks (no host sync per step).

Full train/test evaluation happens at every epoch end (under ``inference_mode``) and feeds the
bounded history; ``snapshot()`` (see ``publish``) turns the state into plain numpy data.
"""

from __future__ import annotations

import contextlib
import inspect
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
from playground.core.errors import PlaygroundError
from playground.core.history import ArrayHistory, History
from playground.core.model import build_model, head, mode_matters, parameter_labels, plan
from playground.core.registry import LOSSES, OPTIMIZERS, resolve_device, torch_dtype
from playground.core.snapshot import Boundary, Curve, Metrics, Predictions, Snapshot
from playground.core.spec import LIVE_OPTIONS, Experiment
from playground.core.torch_setup import skip_dynamo_for_optimizers
from playground.core.translate import Text
from playground.core.validation import check_buildable
from playground.core.views import ViewRequest

SYNC_EVERY = 64
"""Batch losses wait on the device at most this many steps before they are read (and checked)."""
EVAL_MACS = 2e8
"""Multiply-adds an epoch-end evaluation may take (≈ 20–40 ms here): a model and data set so large
that the whole set would take longer is evaluated on a fixed sample, and its metrics say so."""

skip_dynamo_for_optimizers()


class Diverged(PlaygroundError, RuntimeError):
    """The loss became NaN or infinite; training cannot go on from this state."""


DIVERGED_TEXT = Text("runner", "training diverged; reset the weights to start again")


class Engine:
    """Trains one experiment. Not thread-safe: one thread (the runner) drives it at a time."""

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
        self.mean_loss_fn = LOSSES[self.loss_key].build()  # the curves: mean per example, whatever the reduction
        self.preprocess = self.dataset.preprocess()
        self._load_tensors()
        self.labels = parameter_labels(self.spec.model, self.dataset.input_dim, self.out_dim)
        self.blocks = plan(self.spec.model, self.dataset.input_dim, self.out_dim)
        self.macs = sum(b.args[0] * b.args[1] for b in self.blocks if b.kind == "linear")
        """Multiply-adds of one sample's forward pass: what the time budgets are estimated from."""
        self.eval_rows = max(2048, int(EVAL_MACS / max(self.macs, 1)))
        self.publisher = None
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
        self._grids: dict[int, torch.Tensor] = {}

    def reset(self) -> None:
        """Fresh weights and optimizer from the seed; step, epoch and history start over."""
        seed = self.spec.training.seed
        torch.manual_seed(seed)
        self.model = build_model(self.spec.model, self.dataset.input_dim, self.out_dim, self.dtype)
        self.model.to(device=self.device, dtype=self.dtype)
        self.params = list(self.model.parameters())
        self._param_tuple = tuple(self.params)
        self._one = torch.ones((), dtype=self.dtype, device=self.device)
        self.param_names = [name for name, _ in self.model.named_parameters()]
        self._has_batchnorm = any(isinstance(m, nn.BatchNorm1d) for m in self.model)
        self._mode_matters = mode_matters(self.model)
        """Toggling train/eval mode for every evaluation costs ≈ 4 % of a small run: only where it matters."""
        self.optimizer = self._build_optimizer()
        self._raw_step = _raw_step(self.optimizer)
        self._forwards = [_fast_forward(module) for module in self.model]
        self._loss_forward = self.loss_fn.forward
        self.generator = torch.Generator().manual_seed(seed)
        self.step = 0
        self.epoch = 0
        self.cursor = 0
        self.perm = None
        self.seconds = 0.0
        self.diverged = False
        self.edited = False
        """Weights typed in by the user: saved with the file even before the first step."""
        self.history = History()
        self.batch_history = ArrayHistory(3, capacity=2048)
        self._pending: list[torch.Tensor] = []
        self._pending_first_step = 0
        self._batch_loss = math.nan
        self._previous: list[torch.Tensor] | None = None
        self.metrics = self.evaluate()
        self._record()
        if self.publisher is not None:
            self.publisher.reset()

    def _build_optimizer(self) -> torch.optim.Optimizer:
        opt = self.spec.training.optimizer
        optimizer = OPTIMIZERS[opt.name].build(self.model.parameters(), opt.values())
        for group in optimizer.param_groups:
            if "foreach" in group and group["foreach"] is None:
                group["foreach"] = True  # same arithmetic as the per-tensor loop, fewer launches
        return optimizer

    def _plain_sgd(self) -> float | None:
        """The learning rate if the update is exactly ``w -= lr · g`` (SGD without extras), else None."""
        if len(self.optimizer.param_groups) != 1 or not isinstance(self.optimizer, torch.optim.SGD):
            return None
        g = self.optimizer.param_groups[0]
        if g["momentum"] or g["weight_decay"] or g["nesterov"] or g.get("maximize") or g.get("differentiable"):
            return None
        return g["lr"]

    @property
    def perm(self) -> torch.Tensor | None:
        """This epoch's batch order (``None`` before the first step)."""
        return self._perm

    @perm.setter
    def perm(self, value: torch.Tensor | None) -> None:
        self._perm = value
        self._epoch_x: torch.Tensor | None = None
        self._epoch_y: torch.Tensor | None = None

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
        for module in self.model if model is None else model:
            if isinstance(module, nn.Linear):
                if t.l1:
                    penalty = penalty + t.l1 * module.weight.abs().sum()
                if t.l2:
                    penalty = penalty + t.l2 * module.weight.pow(2).sum()
        return penalty

    def _batch(self, end: int) -> tuple[torch.Tensor, torch.Tensor]:
        if self._epoch_x is None:
            perm = self._perm.to(self.device)
            self._epoch_x, self._epoch_y = self.x_train[perm], self.y_train[perm]
        return self._epoch_x[self.cursor:end], self._epoch_y[self.cursor:end]

    def train_step(self, capture: bool = False) -> None:
        """One batch. ``capture`` keeps the pre-step weights so the snapshot has the update."""
        if self.diverged:
            raise Diverged(DIVERGED_TEXT)
        started = time.perf_counter()
        if self._perm is None or self.cursor == 0:
            self.perm = torch.randperm(self.n_train, generator=self.generator)
        end = self._batch_end()
        h, yb = self._batch(end)
        for forward in self._forwards:
            h = forward(h)
        loss = self._loss_forward(h, yb)
        penalty = self.regularization()
        grads = self._gradients(loss if penalty is None else loss + penalty)
        for p, g in zip(self.params, grads):
            p.grad = g
        self._previous = [p.detach().clone() for p in self.params] if capture else None
        lr = self._plain_sgd()
        with torch.no_grad():
            if lr is not None:
                torch._foreach_add_(self.params, grads, alpha=-lr)
            else:
                self._raw_step(self.optimizer)
        if not self._pending:
            self._pending_first_step = self.step + 1
        self._pending.append(loss.detach())
        self.step += 1
        self.cursor = end
        epoch_end = self.cursor >= self.n_train
        if epoch_end or capture or len(self._pending) >= SYNC_EVERY:
            self.flush()
        if epoch_end:
            self.cursor = 0
            self.epoch += 1
            self.metrics = self.evaluate()
            self._record()
        self.seconds += time.perf_counter() - started

    def _gradients(self, total: torch.Tensor) -> tuple[torch.Tensor, ...]:
        """``torch.autograd.grad(total, params)``, asking autograd's engine directly.

        ``autograd.grad``'s Python wrapper (argument checks, a fresh ``ones_like`` gradient) costs a
        fifth of a small model's step; the engine call it ends in is the same computation. A torch
        whose engine signature differs falls back to the public function, once and for good.
        """
        if _run_backward is not None:
            try:
                return _run_backward((total,), (self._one,), False, False, self._param_tuple, False, False)
            except TypeError:
                _disable_direct_backward()
        return torch.autograd.grad(total, self.params)

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

    def _batch_end(self) -> int:
        """Where the next batch ends in the epoch's order."""
        end = self.cursor + self.batch_size
        if self.n_train - end == 1 and self._has_batchnorm:
            end += 1  # BatchNorm cannot train on a batch of one: fold it into this batch
        return min(end, self.n_train)

    def next_batch_indices(self) -> list[int]:
        """The training rows the next step will use, in its order (the Maths tab walks exactly these).

        At an epoch's start the step draws a new order; this peeks at it from a copy of the
        generator, so looking draws nothing and the step then draws the very same order.
        """
        perm = self.perm
        if perm is None or self.cursor == 0:
            peek = torch.Generator()
            peek.set_state(self.generator.get_state())
            perm = torch.randperm(self.n_train, generator=peek)
        return perm[self.cursor:self._batch_end()].tolist()

    def train_epoch(self, capture: bool = False) -> float:
        """Steps until the current epoch ends (a whole epoch when at its start).

        ``capture`` keeps the pre-step weights of the epoch's last step, for the snapshot after it.
        """
        epoch = self.epoch
        while self.epoch == epoch:
            self.train_step(capture=capture and self._batch_end() >= self.n_train)
        return self.batch_loss

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

    def _forward(self, x: torch.Tensor, dtype: torch.dtype = torch.float64) -> torch.Tensor:
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

    def _loss_and_metric(self, x: torch.Tensor, y: torch.Tensor) -> tuple[float, float]:
        if x.shape[0] == 0:
            return math.nan, math.nan
        out = self._forward(x)
        target = LOSSES[self.loss_key].target
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

    def evaluate(self) -> Metrics:
        """Loss and metric on the whole train and test sets (on a fixed sample for a huge model)."""
        return self._measure(self.eval_rows)

    def _measure(self, limit: int, sampled: bool = False) -> Metrics:
        values = []
        for key, x, y in (("train", self.x_train, self.y_train), ("test", self.x_test, self.y_test)):
            idx = self._subset(key, int(x.shape[0]), limit)
            sampled = sampled or idx is not None
            values.append(self._loss_and_metric(x if idx is None else x[idx], y if idx is None else y[idx]))
        name = "accuracy" if self.task == "classification" else "r2"
        (train_loss, train_metric), (test_loss, test_metric) = values
        return Metrics(name, train_loss, test_loss, train_metric, test_metric, sampled=sampled, step=self.step)

    def probabilities(self, out: torch.Tensor) -> torch.Tensor:
        target = LOSSES[self.loss_key].target
        if target == "index":
            return _class_softmax(out)
        if target == "binary":
            p = torch.sigmoid(out)
            return torch.cat([1 - p, p], dim=1)
        return out

    def output_maps(self, out: torch.Tensor) -> torch.Tensor:
        """What each output neuron means: a class probability, the positive-class probability, a value."""
        target = LOSSES[self.loss_key].target
        if target == "index":
            return _class_softmax(out)
        if target == "binary":
            return torch.sigmoid(out)
        return out

    def _subset(self, key: str, n_rows: int, limit: int) -> torch.Tensor | None:
        """Fixed random row indices (≤ ``limit``) of a split, drawn once from their own generator."""
        if n_rows <= limit:
            return None
        cache = self.__dict__.setdefault("_subsets", {})
        key = f"{key}:{limit}"
        if key not in cache:
            generator = torch.Generator().manual_seed(self.spec.training.seed + len(key))
            cache[key] = torch.randperm(n_rows, generator=generator)[:limit].to(self.device)
        return cache[key]

    def train_sample(self, limit: int) -> torch.Tensor:
        """Up to ``limit`` training inputs, the same ones every time (dead-unit counts)."""
        idx = self._subset("train", self.n_train, limit)
        return self.x_train if idx is None else self.x_train[idx]

    def sampled_metrics(self, limit: int) -> Metrics:
        """Metrics on fixed samples of ≤ ``limit`` rows per split: progress within a long epoch."""
        self.flush_quietly()
        return self._measure(min(limit, self.eval_rows), sampled=True)

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
            grid = self._inputs(np.column_stack([gx.ravel(), gy.ravel()]))
            if len(self._grids) >= 4:
                self._grids.pop(next(iter(self._grids)))
            self._grids[resolution] = grid
        return grid

    def boundary(self, resolution: int = 100) -> Boundary | None:
        """Model output over a ``resolution``² grid of the raw input plane (2-D inputs only)."""
        if self.dataset.raw_dim != 2:
            return None
        values = self.probabilities(self._forward(self.grid(resolution), torch.float32))  # a picture: float32
        grid = values.reshape(resolution, resolution, -1).cpu().numpy()
        return Boundary(self.dataset.bounds(), grid)

    def curve(self, points: int = 200) -> Curve | None:
        if self.dataset.raw_dim != 1 or self.task != "regression":
            return None
        x0, x1, _, _ = self.dataset.bounds()
        points = int(max(16, min(points, EVAL_MACS / max(self.macs, 1))))
        xs = np.linspace(x0, x1, points)
        ys = self.predict(xs.reshape(-1, 1))[:, 0]
        return Curve(xs, ys)

    def test_predictions(self, limit: int | None = None) -> Predictions:
        """Test targets and predictions (on a fixed sample of ≤ ``limit`` rows, ``eval_rows`` at most)."""
        idx = self._subset("test", int(self.x_test.shape[0]), min(limit or self.eval_rows, self.eval_rows))
        out = self._forward(self.x_test if idx is None else self.x_test[idx])
        y = self.dataset.y_test if idx is None else self.dataset.y_test[idx.cpu().numpy()]
        if self.task == "classification":
            pred = self.probabilities(out).argmax(dim=1)
            return Predictions(y.astype(np.int64), pred.cpu().numpy())
        return Predictions(y.astype(np.float64), out[:, 0].cpu().numpy())

    def snapshot(self, views: ViewRequest | None = None, *, resolution: int | None = None,
                 complete: bool = True) -> Snapshot:
        """What the visible ``views`` draw, as plain numpy/Python data (every view by default).

        ``complete=False`` (the runner while training) lets throttled parts skip this snapshot.
        """
        from playground.core.publish import Publisher

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
        for group in self.optimizer.param_groups:
            if name in ("beta1", "beta2"):
                b1, b2 = group["betas"]
                group["betas"] = (checked, b2) if name == "beta1" else (b1, checked)
            else:
                group[name] = checked

    def parameter(self, name: str) -> torch.Tensor:
        try:
            return dict(self.model.named_parameters())[name]
        except KeyError:
            raise ValueError(f"no parameter {name!r}; the model has {', '.join(self.param_names)}") from None

    def set_value(self, name: str, index: tuple[int, ...], value: float) -> float:
        """Type one weight or bias into the model (the user edits it); returns the value it had."""
        if not math.isfinite(value):
            raise ValueError(f"{name}{list(index)}: a weight must be a finite number, not {value!r}")
        p = self.parameter(name)
        try:
            old = float(p.detach()[index].item())
        except IndexError:
            raise ValueError(f"{name} has shape {list(p.shape)}; there is no entry {list(index)}") from None
        with torch.no_grad():
            p[index] = value
        self.edited = True
        self.flush()
        self.metrics = self.evaluate()
        return old

    # ----------------------------------------------------------------------------- files
    def experiment(self, include_state: bool = True) -> Experiment:
        """The experiment as it stands, with trained state unless asked not to."""
        self.flush()
        exp = self.spec.model_copy(deep=True)
        keep = include_state and (self.step > 0 or self.edited)
        exp.state = state_io.capture(self) if keep else None
        return exp

    def load_state(self, state) -> None:
        state_io.restore(self, state)
        self._previous = None


try:
    from torch.autograd import Variable

    _run_backward = Variable._execution_engine.run_backward
except (ImportError, AttributeError):  # a torch without it: the public function serves
    _run_backward = None


def _disable_direct_backward() -> None:
    global _run_backward
    _run_backward = None


def _class_softmax(out: torch.Tensor) -> torch.Tensor:
    """Softmax over the classes of each row. Rows of a few classes are slow for ``softmax(dim=1)``
    (0.3 ms for 10 000 × 2); the same softmax down the columns of the transpose is 3× faster."""
    return torch.softmax(out.T.contiguous(), dim=0).T


def _fast_forward(module: nn.Module):
    """The function a module's ``forward`` ends in, for the two that dominate small models."""
    if type(module) is nn.Linear:
        weight, bias = module.weight, module.bias  # parameters are updated in place: these stay valid
        return lambda x: torch._C._nn.linear(x, weight, bias)
    if type(module) is nn.Tanh:
        return torch.tanh
    return module.forward


def _raw_step(optimizer: torch.optim.Optimizer):
    """The optimizer's update itself, without ``Optimizer.step``'s profiler and dynamo wrappers.

    Called under ``torch.no_grad()`` it runs exactly the code ``step()`` runs (same kernels, same
    state), so the numbers are PyTorch's; an optimizer whose step is not wrapped is used as is.
    """
    return inspect.unwrap(type(optimizer).step)
