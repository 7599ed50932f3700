"""Per-parameter gradient and weight statistics, computed as plain PyTorch would, in one sync.

Every number is computed in float64 from the parameter's ``.grad`` (the gradient of the last
step's loss, penalty included) and its weights, and all of them reach the host in one transfer,
so publishing costs one device sync however many parameters the model has.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import torch

from playground.core.snapshot import QUANTILES, ParamStats

HIST_BINS = 41
"""Odd, so zero sits in the middle of a bin."""
ARRAY_LIMIT = 4096
"""Parameters up to this many values travel whole (the diagram's links, the inspector's cells)."""
QUANTILE_SAMPLE = 4096
"""Quantiles of larger parameters come from a fixed random sample of this many values."""
RANGE_DECAY = 0.98
"""A histogram's range follows growth at once and shrinking slowly (halves in ≈ 35 snapshots, about
a second), so shrinking or exploding gradients show as a histogram that narrows or fills its
range, not as a range that jumps every frame."""
HIST_SAMPLE = 16_384
"""Histograms and ranges of bigger parameters are drawn from an even sample of this many values."""
RANGE_QUANTILE = 0.99
"""The range covers this share of the values (a few outliers would squeeze the rest into one bin)."""


class StableRange:
    """Symmetric histogram limit per parameter: up at once, down by ``RANGE_DECAY`` per update."""

    def __init__(self) -> None:
        self._limits: dict[str, float] = {}

    def update(self, key: str, max_abs: float) -> float:
        old = self._limits.get(key, 0.0)
        limit = max_abs if not math.isfinite(old) or max_abs >= old else max(max_abs, old * RANGE_DECAY)
        if not math.isfinite(limit) or limit <= 0:
            limit = old if math.isfinite(old) and old > 0 else 1e-12
        self._limits[key] = limit
        return limit


def _spread(values: torch.Tensor) -> float:
    """The magnitude below which ``RANGE_QUANTILE`` of the values lie (on a sample of a big tensor)."""
    flat = _thin(values.detach().flatten(), 4096).abs()
    if flat.numel() == 0:
        return math.nan
    k = max(1, math.ceil(RANGE_QUANTILE * flat.numel()))
    return float(flat.kthvalue(k).values.item())


def _thin(flat: torch.Tensor, limit: int) -> torch.Tensor:
    """Every k-th value, so at most about ``limit`` remain (an even sample of a big parameter)."""
    return flat if flat.numel() <= limit else flat[:: flat.numel() // limit + 1]


def _histogram(values: torch.Tensor, limit: float, bins: int = HIST_BINS) -> tuple[np.ndarray, np.ndarray]:
    """Counts over ``[-limit, limit]`` (outliers in the end bins); a big tensor's from an even sample."""
    values = _thin(values, HIST_SAMPLE)
    if values.numel() == 0 or not math.isfinite(limit):
        return np.zeros(bins, dtype=np.int64), np.zeros(bins + 1)
    clipped = values.clamp(-limit, limit)
    counts = torch.histc(clipped, bins=bins, min=-limit, max=limit).to(torch.int64).cpu().numpy()
    return counts, np.linspace(-limit, limit, bins + 1)


def parameter_stats(names: Sequence[str], labels: dict[str, str], layers: dict[str, tuple[str, str]],
                    params: Sequence[torch.Tensor], previous: Sequence[torch.Tensor] | None,
                    ranges: StableRange, arrays: bool) -> tuple[ParamStats, ...]:
    """Statistics of every parameter's ``.grad`` and weights; ``previous`` (weights before the last
    step) gives the update; ``arrays`` sends small parameters' values, gradients and updates whole."""
    with torch.no_grad():
        weights = [p.detach().to(torch.float64) for p in params]
        grads = [p.grad.detach().to(torch.float64) if p.grad is not None else None for p in params]
        rows: list[torch.Tensor] = []
        nan = torch.tensor(math.nan, dtype=torch.float64, device=weights[0].device) if weights else None
        for w, g, prev in zip(weights, grads, previous or [None] * len(weights)):
            delta = torch.linalg.vector_norm(w - prev.to(torch.float64)) if prev is not None else nan
            w_max = w.abs().max() if w.numel() else nan
            if g is None or g.numel() == 0:
                rows.append(torch.stack([nan, nan, nan, nan, torch.linalg.vector_norm(w), delta, w_max]))
                continue
            std = g.std() if g.numel() > 1 else torch.zeros((), dtype=torch.float64, device=g.device)
            rows.append(torch.stack([torch.linalg.vector_norm(g), g.mean(), std, g.abs().max(),
                                     torch.linalg.vector_norm(w), delta, w_max]))
        table = torch.stack(rows).cpu().numpy() if rows else np.zeros((0, 7))
    out = []
    for i, (name, w, g) in enumerate(zip(names, weights, grads)):
        grad_norm, grad_mean, grad_std, grad_max, weight_norm, delta, w_max = (float(v) for v in table[i])
        if math.isnan(delta):
            ratio = math.nan
        elif weight_norm > 0:
            ratio = delta / weight_norm
        else:
            ratio = math.inf if delta > 0 else 0.0
        g_limit = ranges.update("g:" + name, _spread(g) if g is not None else math.nan)
        w_limit = ranges.update("w:" + name, _spread(w))
        with torch.no_grad():
            counts, edges = _histogram(g.flatten(), g_limit) if g is not None else _histogram(w[:0], 1.0)
            w_counts, w_edges = _histogram(w.flatten(), w_limit)
            small = arrays and w.numel() <= ARRAY_LIMIT
            values = w.cpu().numpy() if small else None
            grad = g.cpu().numpy() if small and g is not None else None
            update = None
            if small and previous is not None:
                update = (w - previous[i].to(torch.float64)).cpu().numpy()
        layer, role = layers.get(name, ("", name))
        out.append(ParamStats(
            name=name, label=labels.get(name, name), shape=tuple(w.shape), grad_norm=grad_norm,
            grad_mean=grad_mean, grad_std=grad_std, grad_max_abs=grad_max, weight_norm=weight_norm,
            update_ratio=ratio, hist_counts=counts, hist_edges=edges, weight_hist_counts=w_counts,
            weight_hist_edges=w_edges, layer=layer, role=role, values=values, grad=grad, update=update))
    return tuple(out)


class QuantileSampler:
    """Quantiles (``QUANTILES``) of each parameter's gradient and weights, on a fixed sample when large.

    The sample indices are drawn once per parameter from their own generator, so the global RNG
    (which training draws from) is never touched.
    """

    def __init__(self, seed: int = 0) -> None:
        self._generator = torch.Generator().manual_seed(seed)
        self._indices: dict[str, torch.Tensor | None] = {}
        self.sampled = False

    def _sample(self, name: str, t: torch.Tensor) -> torch.Tensor:
        flat = t.detach().flatten()
        if name not in self._indices:
            n = flat.numel()
            self._indices[name] = None if n <= QUANTILE_SAMPLE else torch.randint(
                n, (QUANTILE_SAMPLE,), generator=self._generator)
        idx = self._indices[name]
        if idx is None:
            return flat
        self.sampled = True
        return flat[idx.to(flat.device)]

    def rows(self, names: Sequence[str], params: Sequence[torch.Tensor]) -> np.ndarray:
        """``(parameters, 2, len(QUANTILES))``: gradient then weight quantiles, NaN without a gradient."""
        q = None
        out = []
        with torch.no_grad():
            for name, p in zip(names, params):
                w = self._sample(name, p).to(torch.float64)
                if q is None:
                    q = torch.tensor(QUANTILES, dtype=torch.float64, device=w.device)
                wq = torch.quantile(w, q) if w.numel() else torch.full_like(q, math.nan)
                if p.grad is None or not torch.isfinite(wq).all():
                    gq = torch.full_like(q, math.nan)
                else:
                    g = self._sample(name, p.grad).to(torch.float64)
                    gq = torch.quantile(g, q) if g.numel() else torch.full_like(q, math.nan)
                out.append(torch.stack([gq, wq]))
            return torch.stack(out).cpu().numpy() if out else np.zeros((0, 2, len(QUANTILES)))
