"""Builds the engine's snapshots within a time budget, computing only what visible views need.

A snapshot is made ~30 times a second while training, so each part (statistics, quantiles,
boundary, neuron maps, inspector, diagnostics) is timed; a part that would cost too much is made
at a lower resolution, for fewer parameters at a time (round-robin) or less often, and the
snapshot says so in ``notes``. A tiny model gets everything, exactly, every time.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from typing import Any

import numpy as np
import torch

from playground.core import diagnostics as rules
from playground.core.engine_view import EngineView
from playground.core.history import ArrayHistory
from playground.core.probe import probe
from playground.core.snapshot import (
    QUANTILES,
    Diagnostic,
    Distribution,
    Inspection,
    Metrics,
    ParamHistory,
    ParamStats,
    Snapshot,
)
from playground.core.stats import QuantileSampler, StableRange, parameter_stats
from playground.core.views import ViewRequest

SHARE = 0.10
"""Of the wall time, the most that snapshot work may take while training (all parts together)."""
FRAME_S = SHARE / 24.0
"""Snapshot work per frame at 24 snapshots a second (4 ms), shared out by ``WEIGHTS``."""
WEIGHTS = {"stats": 0.15, "quantiles": 0.05, "boundary": 0.6, "neurons": 0.3, "inspect": 0.05, "dead": 0.05,
           "metrics": 0.05, "predictions": 0.3, "diagnostics": 0.05}
"""Shares of a frame's budget; together above 1 because the parts are rarely all due in one frame."""
PREDICTION_SAMPLE = 2048
"""Test rows in the confusion matrix / predicted-vs-actual view (a fixed sample of a big test set)."""
HISTORY_EVERY_S = 0.2
"""Per-parameter histories travel at most 5 times a second (the history plots redraw at 5 Hz)."""
SAMPLED_METRICS_S = 1.0
"""Within an epoch longer than this, the metrics are refreshed on a sample of the data."""
METRIC_SAMPLE = 2048
INSPECT_CELLS = 65_536
"""The inspector receives at most this many cells per array; bigger matrices are block-averaged."""
MIN_RESOLUTION = 12
NEURONS_EVERY_S = 1 / 12
"""The diagram's thumbnails change slowly and are small: 12 new maps a second look as smooth as 24."""
DIAGNOSE_S = 0.5
"""How often the diagnostic rules run while training (they read histories, not the last step)."""
MACS_PER_S = 1e9
"""A conservative guess at this machine's speed, until a part has been timed once."""
SKIP_S = 0.25
"""A picture that would take longer than this even at ``MIN_RESOLUTION`` is not drawn (and said so)."""


class Part:
    """Cost bookkeeping of one snapshot part: an average cost and when it was last made."""

    def __init__(self, key: str = "") -> None:
        self.key = key
        self.runs = 0
        self.unit_cost = 0.0
        self.cost = 0.0
        self.last = -math.inf
        self.value: Any = None

    @property
    def interval(self) -> float:
        """How often this part may run so that it stays within its share of the wall time."""
        return self.cost / (SHARE * WEIGHTS.get(self.key, 0.1)) if self.cost else 0.0

    def due(self, now: float, min_interval: float) -> bool:
        return now - self.last >= max(min_interval, self.interval)

    def run(self, fn: Callable[[], Any], now: float, size: int = 1) -> Any:
        """Make the part; ``size`` (grid points) lets the cost be kept per unit, whatever the resolution."""
        started = time.perf_counter()
        self.value = fn()
        spent = (time.perf_counter() - started) / size
        self.runs += 1
        if self.runs > 1:  # the first run pays for warm-up (allocations, caches): not a fair price
            self.unit_cost = spent if self.unit_cost == 0 else 0.7 * self.unit_cost + 0.3 * spent
            self.cost = self.unit_cost * size
        self.last = now
        return self.value


_PARTS = ("stats", "quantiles", "boundary", "neurons", "inspect", "dead", "metrics", "predictions", "diagnostics")


class Publisher:
    def __init__(self, engine: EngineView) -> None:
        self.engine = engine
        self.reset()

    def reset(self) -> None:
        e = self.engine
        self.names = list(e.param_names)
        self._large = sum(p.numel() for p in e.params) > 20_000
        """Only a large model's statistics are refreshed a few parameters at a time."""
        self.layers = _layers(e)
        self.parts = {name: Part(name) for name in _PARTS}
        self.ranges = StableRange()
        self.quantile_sampler = QuantileSampler()
        p = len(self.names)
        self.norms = ArrayHistory(2 + 3 * p, capacity=1024)
        self.quantiles = ArrayHistory(2 + 2 * p * len(QUANTILES), capacity=512)
        self.stats_cache: dict[str, ParamStats] = {}
        self._next_stat = 0
        self._last_history = -math.inf
        self._recorded_step = -1
        self._resolution: dict[str, int] = {}
        self._sample_idx: dict[str, torch.Tensor] = {}
        self._sampled: Metrics | None = None
        self._first_loss = math.nan
        self._metrics_seen: Metrics | None = None
        self._metrics_time = time.perf_counter()

    # ------------------------------------------------------------------ the snapshot
    def snapshot(self, views: ViewRequest, complete: bool = True) -> Snapshot:
        """``complete=False`` (while training) lets throttled parts (big histories) wait their turn."""
        e, ev = self.engine, self.engine.evaluation
        now = time.perf_counter()
        notes: list[str] = []
        e.flush_quietly()
        s = e.state
        boundary = curve = predictions = neurons = inspection = distribution = history = None
        params: tuple[ParamStats, ...] = ()
        if views.boundary and not e.diverged:
            boundary = self._timed_grid("boundary", views.resolution, ev.boundary, now, notes,
                                        "the decision boundary")
            curve = ev.curve()
            if boundary is None and curve is None:
                part = self.parts["predictions"]
                if part.value is None or complete or part.due(now, 0.0):  # stopped: never a stale matrix
                    part.run(lambda: ev.test_predictions(PREDICTION_SAMPLE), now)
                predictions = part.value
        if views.neurons and not e.diverged and ev.dataset.raw_dim == 2:
            neurons = self._timed_grid("neurons", views.neuron_resolution, ev.neuron_maps, now, notes,
                                       "the neuron maps", 0.0 if complete else NEURONS_EVERY_S)
        if views.stats or views.links or views.inspect:
            due = complete or now - self._last_history >= HISTORY_EVERY_S  # histories and histograms: 5 Hz
            params = self._stats(views.links, now, notes, histograms=due)
            if len(params):
                self._record(params, now, views)
                if due:
                    self._last_history = now
                    history = self._param_history()
                    distribution = self._distribution(views.inspect or self.names[0])
        if views.inspect:
            part = self.parts["inspect"]
            inspection = part.run(lambda: self.inspection(views.inspect), now)
        return Snapshot(
            step=s.step, epoch=s.epoch, batch_in_epoch=s.cursor // e.batch_size,
            steps_per_epoch=e.steps_per_epoch, batch_loss=e.last_loss, lr=e.lr, device=str(e.device),
            seconds=s.seconds, metrics=self._metrics(now), history=s.history.arrays(), params=params,
            boundary=boundary, curve=curve, predictions=predictions, diverged=e.diverged,
            batch_history=_batch_columns(e.batch_history.array()),
            param_history=history, distribution=distribution, inspection=inspection, neurons=neurons,
            diagnostics=self._words(now, complete), notes=tuple(notes))

    # ------------------------------------------------------------------ budgeted parts
    def _timed_grid(self, key: str, wanted: int, make: Callable[[int], Any], now: float,
                    notes: list[str], what: str, every: float = 0.0) -> Any:
        """A grid-shaped part (cost ∝ resolution²): the largest resolution the budget allows."""
        part = self.parts[key]
        per_point_guess = self.engine.macs / MACS_PER_S
        if per_point_guess * MIN_RESOLUTION ** 2 > SKIP_S:
            notes.append(f"{what} is not drawn: even at {MIN_RESOLUTION}×{MIN_RESOLUTION} it would take "
                         f"{per_point_guess * MIN_RESOLUTION ** 2:.1f} s for this model")
            return None
        res = min(self._resolution.get(key, wanted), wanted)
        allowed = FRAME_S * WEIGHTS[key]  # its share of one frame
        if not part.cost:
            res = int(max(MIN_RESOLUTION, min(wanted, math.sqrt(allowed / per_point_guess))))
        elif part.cost > 1.25 * allowed:  # too dear: down in proportion (a part has a fixed cost too)
            res = int(max(MIN_RESOLUTION, res * math.sqrt(allowed / part.cost)))
        elif part.cost < 0.6 * allowed and res < wanted:  # room again: back up gently, no flicker
            res = int(min(wanted, res * 1.25 + 1))
        if res < wanted:
            notes.append(f"{what} at {res}×{res} (of {wanted}×{wanted}) to keep training fast")
        self._resolution[key] = res
        if part.value is not None and not part.due(now, every) and getattr(part, "res", None) == res:
            if part.interval > 0.2:
                notes.append(f"{what} refreshed every {part.interval:.1f} s")
            return part.value
        part.res = res  # type: ignore[attr-defined]
        return part.run(lambda: make(res), now, res * res)

    def _stats(self, links: bool, now: float, notes: list[str], histograms: bool = True) -> tuple[ParamStats, ...]:
        """Every parameter's statistics; a model too big for one frame refreshes some at a time."""
        e = self.engine
        part = self.parts["stats"]
        n = len(self.names)
        started = time.perf_counter()
        budget = FRAME_S * WEIGHTS["stats"]
        done = 0
        previous = e.previous_weights
        if not self._large:  # small: all of them in one go (one copy to the host)
            for stats in parameter_stats(self.names, e.labels, self.layers, e.params, previous, self.ranges, links,
                                         None if histograms else self.stats_cache):
                self.stats_cache[stats.name] = stats
            done = n
        while done < n:
            i = (self._next_stat + done) % n
            name = self.names[i]
            stats = parameter_stats([name], e.labels, self.layers, [e.params[i]],
                                    None if previous is None else [previous[i]], self.ranges, links)
            self.stats_cache[name] = stats[0]
            done += 1
            if time.perf_counter() - started > budget and done < n and self._large:
                break
        self._next_stat = (self._next_stat + done) % n
        if done < n:
            notes.append(f"gradient statistics of {done} of {n} parameters per frame (a large model)")
        spent = time.perf_counter() - started
        part.cost = spent if part.cost == 0 else 0.7 * part.cost + 0.3 * spent
        return tuple(self.stats_cache[name] for name in self.names if name in self.stats_cache)

    def _record(self, params: tuple[ParamStats, ...], now: float, views: ViewRequest) -> None:
        e, step = self.engine, self.engine.state.step
        if step == self._recorded_step and len(self.norms):
            return  # one row per step, however many snapshots look at it
        self._recorded_step = step
        row = np.full(self.norms.width, np.nan)
        row[0], row[1] = step, step / e.steps_per_epoch
        index = {name: i for i, name in enumerate(self.names)}
        for s in params:
            i = index[s.name]
            row[2 + 3 * i: 5 + 3 * i] = (s.grad_norm, s.weight_norm, s.update_ratio)
        self.norms.record(row)
        part = self.parts["quantiles"]
        if part.due(now, 0.0) or not len(self.quantiles):
            q = part.run(lambda: self.quantile_sampler.rows(self.names, e.params), now)
            self.quantiles.record(np.concatenate([[step, step / e.steps_per_epoch], q.ravel()]))

    def _param_history(self) -> ParamHistory:
        rows = self.norms.array()
        p = len(self.names)
        return ParamHistory(
            names=tuple(self.names), labels=tuple(self.engine.labels.get(n, n) for n in self.names),
            step=rows[:, 0], epoch=rows[:, 1], grad_norm=rows[:, 2::3][:, :p],
            weight_norm=rows[:, 3::3][:, :p], update_ratio=rows[:, 4::3][:, :p])

    def _distribution(self, name: str) -> Distribution | None:
        if name not in self.names:
            return None
        i = self.names.index(name)
        k = len(QUANTILES)
        rows = self.quantiles.array()
        block = rows[:, 2:].reshape(len(rows), len(self.names), 2, k)[:, i]
        return Distribution(name, rows[:, 0], rows[:, 1], block[:, 0], block[:, 1],
                            sampled=self.quantile_sampler.sampled)

    # ------------------------------------------------------------------ inspector
    def inspection(self, name: str) -> Inspection | None:
        """A parameter's weights, gradient, last update and optimizer state, exactly (or pooled)."""
        e = self.engine
        if name not in self.names:
            return None
        i = self.names.index(name)
        p = e.params[i]
        previous = e.previous_weights
        pool = _pool_factor(p.numel())
        with torch.no_grad():
            def arr(t: torch.Tensor | None) -> np.ndarray | None:
                if t is None:
                    return None
                a = t.detach().to(torch.float64)
                return _pool(a, pool).cpu().numpy()
            state = e.state.optimizer.state.get(p, {})
            tensors = {k: arr(v) for k, v in state.items()
                       if isinstance(v, torch.Tensor) and v.shape == p.shape}
            scalars = {k: float(v.item() if isinstance(v, torch.Tensor) else v) for k, v in state.items()
                       if (isinstance(v, torch.Tensor) and v.numel() == 1 and v.shape != p.shape)
                       or isinstance(v, (int, float))}
            update = None if previous is None else arr(p.detach() - previous[i])
            return Inspection(name=name, label=e.labels.get(name, name), shape=tuple(p.shape),
                              weight=arr(p), grad=arr(p.grad), update=update,
                              optimizer_state={k: v for k, v in tensors.items() if v is not None},
                              optimizer_scalars=scalars, pooled=pool)

    # ------------------------------------------------------------------ metrics and words
    def _metrics(self, now: float) -> Metrics:
        """The epoch-end metrics, or within a long epoch a fresh measurement on a sample."""
        e = self.engine
        if e.metrics is not self._metrics_seen:
            self._metrics_seen, self._metrics_time, self._sampled = e.metrics, now, None
            if not math.isfinite(self._first_loss):
                self._first_loss = e.metrics.train_loss
            return e.metrics
        part = self.parts["metrics"]
        if e.diverged or e.state.step == e.metrics.step or not part.due(now, SAMPLED_METRICS_S) \
                or now - self._metrics_time < SAMPLED_METRICS_S:
            return self._sampled or e.metrics
        self._sampled = part.run(lambda: e.sampled_metrics(METRIC_SAMPLE), now)
        return self._sampled

    def _words(self, now: float, complete: bool) -> tuple[Diagnostic, ...]:
        """Diagnostics are words to read: twice a second is often enough (and every pause or step)."""
        part = self.parts["diagnostics"]
        if complete or part.value is None or part.due(now, DIAGNOSE_S) or self.engine.diverged:
            part.run(lambda: self._diagnostics(now, complete), now)
        return part.value

    def _diagnostics(self, now: float, complete: bool) -> tuple[Diagnostic, ...]:
        """The ranked diagnoses of ``rules.diagnose``; at a pause, step or end from the whole run."""
        e = self.engine
        weights = [(i, name) for i, name in enumerate(self.names) if self.layers[name][1] == "weight"]
        norms = self.norms.array()[:, [2 + 3 * i for i, _ in weights]] if len(self.norms) else np.zeros((0, 0))
        part = self.parts["dead"]  # the probe: saturated and dead units, gradient norms on a fixed sample
        trained = e.state.step > 0 and not e.diverged
        if trained and (complete or part.due(now, 1.0)):
            rows = int(min(512, max(16, 0.05 * MACS_PER_S / max(e.macs, 1))))
            part.run(lambda: probe(e.evaluation, rows), now)
        hidden, grad_now = part.value if trained and part.value else ((), ())
        batch = e.batch_history.array()
        m = e.metrics
        return tuple(rules.diagnose(rules.Evidence(
            layers=[self.layers[n][0] for _, n in weights], grad_history=norms,
            grad_now=grad_now, hidden=hidden, batch_losses=batch[:, 2], batch_steps=batch[:, 0],
            epoch_losses=e.state.history.arrays()["train_loss"], hidden_weights=self._hidden_weights(), lr=e.lr,
            accuracy=m.train_metric if m.metric_name == "accuracy" else math.nan,
            diverged=str(e.last_loss) if e.diverged else "", final=complete)))

    def _hidden_weights(self) -> list[tuple[str, np.ndarray, np.ndarray | None]]:
        e = self.engine
        named = dict(zip(self.names, e.params))
        out = []
        for name in self.names:
            layer, role = self.layers[name]
            if role != "weight" or not layer.startswith("hidden") or named[name].numel() > 65_536:
                continue
            bias = named.get(name.replace(".weight", ".bias"))
            with torch.no_grad():
                out.append((layer, named[name].detach().cpu().numpy(),
                            None if bias is None else bias.detach().cpu().numpy()))
        return out


def _layers(engine: EngineView) -> dict[str, tuple[str, str]]:
    """``name → (layer, role)`` from the readable labels ("hidden 1 · weight")."""
    out = {}
    for name in engine.param_names:
        label = engine.labels.get(name, name)
        layer, _, role = label.partition(" · ")
        out[name] = (layer, role or name)
    return out


def _batch_columns(rows: np.ndarray) -> dict[str, np.ndarray]:
    """Every step's loss for the light trace: float32 is plenty for a line a few hundred pixels wide."""
    return {"step": rows[:, 0].copy(), "epoch": rows[:, 1].astype(np.float32), "loss": rows[:, 2].astype(np.float32)}


def _pool_factor(numel: int) -> int:
    pool = 1
    while numel / (pool * pool) > INSPECT_CELLS:
        pool *= 2
    return pool


def _pool(a: torch.Tensor, pool: int) -> torch.Tensor:
    """Block means of ``pool``×``pool`` cells (rows only for a vector)."""
    if pool == 1:
        return a
    if a.dim() == 1:
        n = a.numel() // pool * pool
        return a[:n].reshape(-1, pool).mean(dim=1)
    rows, cols = a.shape[0] // pool * pool, a.shape[1] // pool * pool
    return a[:rows, :cols].reshape(rows // pool, pool, cols // pool, pool).mean(dim=(1, 3))
