"""Same-shaped variants trained together: one batched pass for V models (torch.func's model ensembling).

The variants' engines are built as usual (so weights, data and batch order are exactly the engine's);
then their parameters are stacked (``torch.func.stack_module_state``) into one ``[V, P]`` buffer and
each engine's parameters become views of its row. One step is then one forward over ``[V, B, …]``,
one backward, and one update of the whole buffer with per-variant hyper-parameters held as ``[V, 1]``
tensors — a handful of kernel launches for all V models, where V engines take V times as many. Every
engine still sees its own weights, step, epoch, history and optimizer state, so it evaluates, draws,
saves and goes on training alone exactly as if it had trained alone.

Models of Linear layers and element-wise activations take a hand-written ``baddbmm`` forward (a small
model's step is Python overhead; ``vmap`` adds ≈ 0.2 ms of it); any other stateless model takes
``torch.func.functional_call`` under ``torch.vmap``. Models whose output depends on the mode
(dropout, batch norm) are not batched: their random masks and running statistics are per engine.
"""

from __future__ import annotations

import math
import time
from typing import Any

import numpy as np
import torch
from torch import nn
from torch.func import functional_call, stack_module_state, vmap

from playground.core.engine import Engine
from playground.core.fast_paths import gradients
from playground.core.model import mode_matters
from playground.core.registry import LOSSES
from playground.core.snapshot import Metrics

BATCHED_OPTIMIZERS = ("sgd", "adam", "adamw")
"""Optimizers whose update is written here on the stacked tensors (others train as separate engines)."""
ELEMENTWISE = (nn.Tanh, nn.ReLU, nn.Sigmoid, nn.LeakyReLU, nn.ELU, nn.GELU, nn.SiLU, nn.Softplus,
               nn.Identity, nn.Mish, nn.Hardtanh, nn.ReLU6, nn.SELU, nn.CELU, nn.Hardswish, nn.Tanhshrink)
"""Activations that act on each number alone, so ``[V, B, H]`` goes through them unchanged."""
_FUNCTIONS = {nn.Tanh: torch.tanh, nn.ReLU: torch.relu, nn.Sigmoid: torch.sigmoid}
"""The function a module's call ends in (a module's ``__call__`` costs ≈ 4 µs of Python)."""


def can_batch(engine: Engine) -> bool:
    """Whether this engine's model and optimizer can train in a batched group."""
    t = engine.spec.training
    if t.optimizer.name not in BATCHED_OPTIMIZERS or mode_matters(engine.model):
        return False
    values = t.optimizer.values()
    return not values.get("nesterov") and not any(isinstance(m, nn.BatchNorm1d) for m in engine.model)


def _as_operand(t: torch.Tensor) -> torch.Tensor:
    """A stacked Linear parameter in the form ``baddbmm`` takes: weight ``[V, out, in]`` → ``[V, in, out]``,
    bias ``[V, out]`` → ``[V, 1, out]`` (a view, no copy)."""
    return t.transpose(1, 2) if t.dim() == 3 else t.unsqueeze(1)


class BatchedGroup:
    """V engines of one shape, data and batch size, stepped together. Call between engine steps only."""

    def __init__(self, engines: list[Engine]) -> None:
        if not engines:
            raise ValueError("a batched group needs at least one engine")
        self.engines = engines
        e0 = engines[0]
        self.V = len(engines)
        self.device, self.dtype = e0.device, e0.dtype
        self.x_train, self.y_train = e0.x_train, e0.y_train
        self.n_train, self.batch_size = e0.n_train, e0.batch_size
        self.loss_key = e0.loss_key
        self.target = LOSSES[self.loss_key].target
        self.reduction = e0.spec.training.reduction
        self.loss_none = LOSSES[self.loss_key].build("none")
        self.optimizer = e0.spec.training.optimizer.name
        params, _ = stack_module_state([e.model for e in engines])
        self.names = list(params)
        shapes = [params[n].shape[1:] for n in self.names]
        sizes = [math.prod(s) for s in shapes]
        with torch.no_grad():
            self.flat = torch.cat([params[n].detach().reshape(self.V, -1) for n in self.names], dim=1)
        self.leaves: list[torch.Tensor] = []
        offset = 0
        for shape, size in zip(shapes, sizes):
            self.leaves.append(self.flat[:, offset:offset + size].view(self.V, *shape).requires_grad_())
            offset += size
        for v, engine in enumerate(engines):  # each engine now reads (and saves) its row of the buffer
            for p, leaf in zip(engine.params, self.leaves):
                p.data = leaf.detach()[v]
        self._linear_weights = [i for i, n in enumerate(self.names)
                                if n.endswith("weight") and isinstance(e0.model[int(n.split(".")[0])], nn.Linear)]
        self._forward = self._fast_forward if all(
            isinstance(m, (nn.Linear, *ELEMENTWISE)) for m in e0.model) else self._vmap_forward
        self._template = e0.model
        self._grad = torch.empty_like(self.flat)
        """The step's gradient, laid out as ``flat``: each parameter's is copied in once (no ``cat``)."""
        grad_views, offset = [], 0
        for shape, size in zip(shapes, sizes):
            grad_views.append(self._grad[:, offset:offset + size].view(self.V, *shape))
            offset += size
        fast = self._forward == self._fast_forward
        self._views = [_as_operand(leaf.detach()).requires_grad_() for leaf in self.leaves] if fast else []
        """The fast path's autograd leaves: each weight as ``[V, in, out]``, each bias as ``[V, 1, out]``
        (the forms ``baddbmm`` takes), views of ``flat`` made once, so a step neither repeats these
        views nor backpropagates through them."""
        self._differentiated = tuple(self._views) if fast else tuple(self.leaves)
        self._grad_targets = [_as_operand(v) for v in grad_views] if fast else grad_views
        self._scratch: list[torch.Tensor] = []
        """Buffers the size of ``flat`` for the optimizer's intermediate results: no allocation (and no
        page faults for a large model) at every step."""
        self._one = torch.ones((), dtype=self.dtype, device=self.device)
        self._plan = self._fast_plan()
        self._hyper()
        self.step = e0.step
        self.cursor = e0.cursor
        self.epoch = e0.epoch
        self._epoch_x: torch.Tensor | None = None
        self._epoch_y: torch.Tensor | None = None
        self._pending: list[torch.Tensor] = []
        self._pending_first = self.step + 1
        self._seconds = 0.0
        """Wall time not yet added to the engines (they are told at each flush, not at every step)."""
        self._load_optimizer_state()

    # ----------------------------------------------------------------------------- set-up
    def _column(self, values: list[float]) -> torch.Tensor:
        return torch.tensor(values, dtype=self.dtype, device=self.device).reshape(self.V, 1)

    def _hyper(self) -> None:
        """Per-variant hyper-parameters from each engine's optimizer (the source of truth) as ``[V, 1]``."""
        groups = [e.optimizer.param_groups[0] for e in self.engines]
        self.lr = [float(g["lr"]) for g in groups]
        self.wd = [float(g.get("weight_decay", 0.0)) for g in groups]
        self.neg_lr = self._column([-x for x in self.lr])
        self.wd_t = self._column(self.wd)
        training = [e.spec.training for e in self.engines]
        self.l1 = self._column([t.l1 for t in training]).reshape(self.V)
        self.l2 = self._column([t.l2 for t in training]).reshape(self.V)
        self.use_l1, self.use_l2 = any(t.l1 for t in training), any(t.l2 for t in training)
        if self.optimizer == "sgd":
            self.momentum = [float(g["momentum"]) for g in groups]
            self.dampening = [float(g.get("dampening", 0.0)) for g in groups]
            self.momentum_t = self._column(self.momentum)
            self.one_minus_damp = self._column([1 - d for d in self.dampening])
        else:
            self.beta1 = [float(g["betas"][0]) for g in groups]
            self.beta2 = [float(g["betas"][1]) for g in groups]
            self.eps_t = self._column([float(g["eps"]) for g in groups])
            self.one_minus_b1 = self._column([1 - b for b in self.beta1])
            self.beta2_t = self._column(self.beta2)
            self.one_minus_b2 = self._column([1 - b for b in self.beta2])
            self.decay_t = self._column([1 - lr * wd for lr, wd in zip(self.lr, self.wd)])

    def _load_optimizer_state(self) -> None:
        """Optimizer state the engines already have (a resumed file) becomes the stacked state."""
        zeros = torch.zeros_like(self.flat)
        self.buf: torch.Tensor | None = None
        self.exp_avg, self.exp_avg_sq, self.opt_step = zeros.clone(), zeros.clone(), 0
        states = [[e.optimizer.state.get(p, {}) for p in e.params] for e in self.engines]
        if self.optimizer == "sgd":
            if all(s.get("momentum_buffer") is not None for state in states for s in state):
                self.buf = torch.stack([torch.cat([s["momentum_buffer"].reshape(-1) for s in state])
                                        for state in states])
        elif all("exp_avg" in s for state in states for s in state):
            self.exp_avg = torch.stack([torch.cat([s["exp_avg"].reshape(-1) for s in state]) for state in states])
            self.exp_avg_sq = torch.stack([torch.cat([s["exp_avg_sq"].reshape(-1) for s in state])
                                           for state in states])
            steps = {float(s["step"]) for state in states for s in state}
            if len(steps) != 1:
                raise ValueError("the variants' optimizer states are at different steps")
            self.opt_step = int(steps.pop())

    # ----------------------------------------------------------------------------- the step
    def _fast_plan(self) -> list[tuple[str, Any, int]]:
        """The forward as ``(kind, function, leaf index)``: Python overhead is most of a small step."""
        plan, i = [], 0
        for module in self._template:
            if isinstance(module, nn.Linear):
                plan.append(("affine" if module.bias is not None else "linear", None, i))
                i += 2 if module.bias is not None else 1
            else:
                plan.append(("act", _FUNCTIONS.get(type(module), module), -1))
        return plan

    def _fast_forward(self, h: torch.Tensor) -> torch.Tensor:
        views = self._views
        for kind, fn, i in self._plan:
            if kind == "affine":
                h = torch.baddbmm(views[i + 1], h, views[i])
            elif kind == "linear":
                h = torch.bmm(h, views[i])
            else:
                h = fn(h)
        return h

    def _vmap_forward(self, h: torch.Tensor) -> torch.Tensor:
        names, template = self.names, self._template

        def one(params: tuple[torch.Tensor, ...], x: torch.Tensor) -> torch.Tensor:
            return functional_call(template, dict(zip(names, params)), (x,))

        return vmap(one)(tuple(self.leaves), h)

    def _losses(self, out: torch.Tensor, y: torch.Tensor, reduction: str) -> torch.Tensor:
        """Per-variant loss ``[V]`` with the engine's reduction over each variant's batch."""
        if self.target == "index":
            each = self.loss_none(out.reshape(-1, out.shape[-1]), y.reshape(-1)).reshape(self.V, -1)
        else:
            each = self.loss_none(out, y).reshape(self.V, -1)
        return each.mean(1) if reduction == "mean" else each.sum(1)

    def _penalty(self) -> torch.Tensor | None:
        if not (self.use_l1 or self.use_l2):
            return None
        total = None
        for i in self._linear_weights:  # the engine's order: layer by layer, L1 then L2
            w = (self._views[i].transpose(1, 2) if self._views else self.leaves[i]).reshape(self.V, -1)
            if self.use_l1:
                term = self.l1 * w.abs().sum(1)
                total = term if total is None else total + term
            if self.use_l2:
                term = self.l2 * w.pow(2).sum(1)
                total = term if total is None else total + term
        return total

    def train_step(self) -> None:
        started = time.perf_counter()
        if self.cursor == 0 or self._epoch_x is None:
            if self.cursor == 0:
                perms = [torch.randperm(self.n_train, generator=e.generator) for e in self.engines]
                for e, perm in zip(self.engines, perms):
                    e.perm = perm
            else:  # resumed mid-epoch: the engines' own orders
                perms = [e.perm for e in self.engines]
            index = torch.stack(perms).to(self.device)
            self._epoch_x, self._epoch_y = self.x_train[index], self.y_train[index]
        end = min(self.cursor + self.batch_size, self.n_train)
        out = self._forward(self._epoch_x[:, self.cursor:end])
        losses = self._losses(out, self._epoch_y[:, self.cursor:end], self.reduction)
        penalty = self._penalty()
        total = (losses if penalty is None else losses + penalty).sum()
        grads = gradients(total, self._differentiated, self._one)
        with torch.no_grad():
            for target, grad in zip(self._grad_targets, grads):
                target.copy_(grad)
            self._update(self._grad)
        if not self._pending:
            self._pending_first = self.step + 1
        self._pending.append(losses.detach())
        self.step += 1
        self.cursor = end
        epoch_end = end >= self.n_train
        if epoch_end or len(self._pending) >= 64:
            self.flush()
        if epoch_end:
            self.cursor = 0
            self.epoch += 1
            self._epoch_x = None
            self._sync_counters()
            self.evaluate()
        self._seconds += time.perf_counter() - started  # wall time: the variants trained at once
        if epoch_end:
            self._sync_counters()

    def _sync_counters(self) -> None:
        """Each engine's step, cursor, epoch and wall time: told at flushes and epoch ends, not every
        step (eight engines' attributes cost more than a small model's update)."""
        seconds, self._seconds = self._seconds, 0.0
        for e in self.engines:
            e.step, e.cursor, e.epoch = self.step, self.cursor, self.epoch
            e.seconds += seconds

    def _update(self, g: torch.Tensor) -> None:
        """One optimizer step on the whole ``[V, P]`` buffer, written op for op as torch.optim's
        ``foreach`` code writes it, with ``[V, 1]`` columns where it has Python scalars: ``addcmul``
        by a column rounds as ``add(…, alpha=…)`` and ``addcdiv(…, value=…)`` do (tested bit for bit)."""
        flat = self.flat  # ``g`` is this group's own buffer: changed in place where torch.optim makes a copy
        if self.optimizer == "sgd":
            if any(self.wd):
                g.addcmul_(flat, self.wd_t)
            if any(self.momentum):
                if self.buf is None:
                    self.buf = g.clone()
                else:
                    self.buf.mul_(self.momentum_t).addcmul_(g, self.one_minus_damp)
                g = self.buf
            flat.addcmul_(g, self.neg_lr)
            return
        if not self._scratch:
            self._scratch = [torch.empty_like(flat), torch.empty_like(flat)]
        a, b = self._scratch
        self.opt_step += 1
        step = float(self.opt_step)
        if self.optimizer == "adamw":
            if any(self.wd):
                flat.mul_(self.decay_t)
        elif any(self.wd):
            g.addcmul_(flat, self.wd_t)
        self.exp_avg.lerp_(g, self.one_minus_b1)
        torch.mul(g, self.one_minus_b2, out=a)
        self.exp_avg_sq.mul_(self.beta2_t).addcmul_(a, g)
        step_size = self._column([(lr / (1 - b1 ** step)) * -1 for lr, b1 in zip(self.lr, self.beta1)])
        bc2_sqrt = self._column([(1 - b2 ** step) ** 0.5 for b2 in self.beta2])
        torch.sqrt(self.exp_avg_sq, out=a)
        a.div_(bc2_sqrt).add_(self.eps_t)  # the denominator
        torch.div(self.exp_avg, a, out=b)
        flat.addcmul_(b, step_size)

    def train_epoch(self) -> None:
        epoch = self.epoch
        while self.epoch == epoch:
            self.train_step()

    # ----------------------------------------------------------------------------- bookkeeping
    def flush(self) -> None:
        """Batch losses into each engine's batch history; a variant whose loss is not finite is marked
        diverged (its row goes on being computed, harmlessly: variants never mix)."""
        self._sync_counters()
        if not self._pending:
            return
        losses = torch.stack(self._pending).to(torch.float64).cpu().numpy()
        first = self._pending_first
        self._pending = []
        steps = np.arange(first, first + len(losses), dtype=np.float64)
        per_epoch = math.ceil(self.n_train / self.batch_size)
        for v, e in enumerate(self.engines):
            if e.diverged:
                continue
            column = losses[:, v]
            bad = np.flatnonzero(~np.isfinite(column))
            keep = column if not bad.size else column[: bad[0] + 1]
            e.batch_history.record_many(np.column_stack([steps[: len(keep)], steps[: len(keep)] / per_epoch, keep]))
            e.batch_loss = float(keep[-1])
            if bad.size:
                e.diverged = True

    def evaluate(self) -> None:
        """Each engine's epoch-end metrics, computed in one batched pass, recorded in its history."""
        e0 = self.engines[0]
        with torch.inference_mode():
            values = []
            sampled = False
            for key, x, y in (("train", e0.x_train, e0.y_train), ("test", e0.x_test, e0.y_test)):
                idx = e0.data.subset(key, int(x.shape[0]), e0.eval_rows)
                sampled = sampled or idx is not None
                if idx is not None:
                    x, y = x[idx], y[idx]
                values.append(self._loss_and_metric(x, y))
        name = "accuracy" if e0.task == "classification" else "r2"
        (train_loss, train_metric), (test_loss, test_metric) = values
        for v, e in enumerate(self.engines):
            if e.diverged:
                continue
            e.metrics = Metrics(name, train_loss[v], test_loss[v], train_metric[v], test_metric[v],
                                sampled=sampled, step=e.step)
            e._record()

    def _loss_and_metric(self, x: torch.Tensor, y: torch.Tensor) -> tuple[list[float], list[float]]:
        n = int(x.shape[0])
        if n == 0:
            return [math.nan] * self.V, [math.nan] * self.V
        out = self._forward(x.unsqueeze(0).expand(self.V, *x.shape)).to(torch.float64)
        ys = y.unsqueeze(0).expand(self.V, *y.shape)
        yt = ys if self.target == "index" else ys.to(torch.float64)
        loss = self._losses(out, yt, "mean")
        if self.target == "index":
            metric = (out.argmax(dim=2) == ys).to(torch.float64).mean(1)
        elif self.target == "binary":
            metric = ((out > 0).to(torch.float64) == yt).to(torch.float64).reshape(self.V, -1).mean(1)
        else:
            ss_res = ((yt - out) ** 2).reshape(self.V, -1).sum(1)
            ss_tot = ((yt - yt.mean(dim=(1, 2), keepdim=True)) ** 2).reshape(self.V, -1).sum(1)
            metric = torch.where(ss_tot > 0, 1.0 - ss_res / ss_tot, torch.nan)
        both = torch.stack([loss, metric]).cpu().tolist()
        return both[0], both[1]

    def sync(self) -> None:
        """Write the stacked optimizer state into each engine's optimizer, so it saves and resumes it."""
        self.flush()
        sizes = [p.numel() for p in self.engines[0].params]
        for v, e in enumerate(self.engines):
            offset = 0
            for p, size in zip(e.params, sizes):
                part = slice(offset, offset + size)
                offset += size
                if self.optimizer == "sgd":
                    if self.buf is not None:
                        e.optimizer.state[p] = {"momentum_buffer": self.buf[v, part].reshape(p.shape).clone()}
                elif self.opt_step:
                    e.optimizer.state[p] = {
                        "step": torch.tensor(float(self.opt_step), dtype=torch.float32),
                        "exp_avg": self.exp_avg[v, part].reshape(p.shape).clone(),
                        "exp_avg_sq": self.exp_avg_sq[v, part].reshape(p.shape).clone(),
                    }
