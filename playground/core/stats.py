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
RANGE_DECAY = 0.9
"""A histogram's range follows growth at once and shrinking slowly (halves in ≈ 7 updates: histograms
are refreshed 5 times a second while training, so about 1.5 s), so shrinking or exploding gradients
show as a histogram that narrows or fills its range, not as a range that jumps every frame."""
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


NUMPY_LIMIT = 65_536
"""Parameters up to this size are summarised in numpy after one copy: a few dozen torch calls per
parameter cost more in dispatch than the arithmetic of such small arrays."""


def _numpy_stats(name: str, label: str, layer: str, role: str, w: np.ndarray, g: np.ndarray | None,
                 prev: np.ndarray | None, ranges: StableRange, arrays: bool) -> ParamStats:
    """The same statistics as the torch path, on float64 copies (small parameters)."""
    nan = math.nan
    weight_norm = float(np.sqrt(np.dot(w.ravel(), w.ravel())))
    delta = float(np.linalg.norm((w - prev).ravel())) if prev is not None else nan
    if math.isnan(delta):
        ratio = nan
    elif weight_norm > 0:
        ratio = delta / weight_norm
    else:
        ratio = math.inf if delta > 0 else 0.0
    if g is None or g.size == 0:
        grad_norm = grad_mean = grad_std = grad_max = nan
    else:
        flat = g.ravel()
        grad_norm = float(np.sqrt(np.dot(flat, flat)))
        grad_mean = float(flat.mean())
        grad_std = float(flat.std(ddof=1)) if flat.size > 1 else 0.0
        grad_max = float(np.abs(flat).max())
    g_limit = ranges.update("g:" + name, _np_spread(g) if g is not None else nan)
    w_limit = ranges.update("w:" + name, _np_spread(w))
    counts, edges = _np_histogram(g, g_limit) if g is not None else _np_histogram(w[:0], 1.0)
    w_counts, w_edges = _np_histogram(w, w_limit)
    small = arrays and w.size <= ARRAY_LIMIT
    return ParamStats(
        name=name, label=label, shape=tuple(w.shape), grad_norm=grad_norm, grad_mean=grad_mean,
        grad_std=grad_std, grad_max_abs=grad_max, weight_norm=weight_norm, update_ratio=ratio,
        hist_counts=counts, hist_edges=edges, weight_hist_counts=w_counts, weight_hist_edges=w_edges,
        layer=layer, role=role, values=w.copy() if small else None,
        grad=g.copy() if small and g is not None else None,
        update=(w - prev) if small and prev is not None else None)


def _np_spread(values: np.ndarray) -> float:
    flat = np.abs(values.ravel())
    if flat.size > 4096:
        flat = flat[:: flat.size // 4096 + 1]
    if flat.size == 0:
        return math.nan
    k = max(1, math.ceil(RANGE_QUANTILE * flat.size))
    return float(np.partition(flat, k - 1)[k - 1])


def _np_histogram(values: np.ndarray, limit: float, bins: int = HIST_BINS) -> tuple[np.ndarray, np.ndarray]:
    flat = values.ravel()
    if flat.size > HIST_SAMPLE:
        flat = flat[:: flat.size // HIST_SAMPLE + 1]
    edges = np.linspace(-limit, limit, bins + 1) if math.isfinite(limit) else np.zeros(bins + 1)
    if flat.size == 0 or not math.isfinite(limit):
        return np.zeros(bins, dtype=np.int64), edges
    finite = flat[np.isfinite(flat)]
    index = np.clip(((np.clip(finite, -limit, limit) + limit) / (2 * limit) * bins).astype(np.int64), 0, bins - 1)
    return np.bincount(index, minlength=bins).astype(np.int64), edges


def _batched_stats(names: Sequence[str], labels: dict[str, str], layers: dict[str, tuple[str, str]],
                   params: Sequence[torch.Tensor], previous: Sequence[torch.Tensor] | None,
                   ranges: StableRange, arrays: bool,
                   histograms_from: dict[str, ParamStats] | None = None) -> tuple[ParamStats, ...]:
    """Every small parameter at once: one copy to the host, then segment sums over the concatenation.

    The same numbers as the per-parameter path (float64 sums of squares, means, unbiased std), in a
    dozen numpy calls for the whole model instead of a few dozen per parameter. ``histograms_from``:
    earlier statistics whose histograms are reused (histograms are drawn a few times a second only).
    """
    sizes = np.array([p.numel() for p in params])
    starts = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    segment = np.repeat(np.arange(len(params)), sizes)
    with torch.no_grad():
        parts = [torch.cat([p.detach().reshape(-1) for p in params]), torch.cat([p.grad.reshape(-1) for p in params])]
        if previous is not None:
            parts.append(torch.cat([q.detach().reshape(-1) for q in previous]))
        host = torch.stack([t.to(torch.float64) for t in parts]).cpu().numpy()
    w, g = host[0], host[1]
    d = w - host[2] if previous is not None else None
    counts = sizes.astype(np.float64)
    weight_norm = np.sqrt(np.add.reduceat(w * w, starts))
    grad_norm = np.sqrt(np.add.reduceat(g * g, starts))
    grad_mean = np.add.reduceat(g, starts) / counts
    centred = g - grad_mean[segment]
    grad_std = np.sqrt(np.add.reduceat(centred * centred, starts) / np.maximum(counts - 1, 1))
    grad_std[sizes == 1] = 0.0
    grad_max = np.maximum.reduceat(np.abs(g), starts)
    delta = np.sqrt(np.add.reduceat(d * d, starts)) if d is not None else np.full(len(params), np.nan)
    old = histograms_from if histograms_from and all(n in histograms_from for n in names) else None
    if old is None:
        g_limits = np.array([ranges.update("g:" + name, _np_spread(g[a:a + n]))
                             for name, a, n in zip(names, starts, sizes)])
        w_limits = np.array([ranges.update("w:" + name, _np_spread(w[a:a + n]))
                             for name, a, n in zip(names, starts, sizes)])
        g_counts = _segment_histograms(g, segment, g_limits, len(params))
        w_counts = _segment_histograms(w, segment, w_limits, len(params))
    out = []
    for i, (name, p) in enumerate(zip(names, params)):
        a, b = starts[i], starts[i] + sizes[i]
        wi, gi = w[a:b], g[a:b]
        if math.isnan(delta[i]):
            ratio = math.nan
        elif weight_norm[i] > 0:
            ratio = float(delta[i] / weight_norm[i])
        else:
            ratio = math.inf if delta[i] > 0 else 0.0
        if old is None:
            h_counts, h_edges = g_counts[i], _edges(g_limits[i])
            w_counts_i, w_edges = w_counts[i], _edges(w_limits[i])
        else:
            before = old[name]
            h_counts, h_edges = before.hist_counts, before.hist_edges
            w_counts_i, w_edges = before.weight_hist_counts, before.weight_hist_edges
        shape = tuple(p.shape)
        small = arrays and sizes[i] <= ARRAY_LIMIT
        layer, role = layers.get(name, ("", name))
        out.append(ParamStats(
            name=name, label=labels.get(name, name), shape=shape, grad_norm=float(grad_norm[i]),
            grad_mean=float(grad_mean[i]), grad_std=float(grad_std[i]), grad_max_abs=float(grad_max[i]),
            weight_norm=float(weight_norm[i]), update_ratio=ratio, hist_counts=h_counts, hist_edges=h_edges,
            weight_hist_counts=w_counts_i, weight_hist_edges=w_edges, layer=layer, role=role,
            values=wi.reshape(shape).copy() if small else None, grad=gi.reshape(shape).copy() if small else None,
            update=d[a:b].reshape(shape).copy() if small and d is not None else None))
    return tuple(out)


_UNIT_EDGES = np.linspace(-1.0, 1.0, HIST_BINS + 1)


def _edges(limit: float) -> np.ndarray:
    """``linspace(-limit, limit, HIST_BINS + 1)`` without its cost (≈ 30 µs a call, a dozen a frame)."""
    return _UNIT_EDGES * limit if math.isfinite(limit) else np.zeros(HIST_BINS + 1)


def _segment_histograms(values: np.ndarray, segment: np.ndarray, limits: np.ndarray, n: int,
                        bins: int = HIST_BINS) -> np.ndarray:
    """``(n, bins)`` counts of each segment's values over its own ``[-limit, limit]``, in one pass."""
    lim = limits[segment]
    ok = np.isfinite(values) & np.isfinite(lim) & (lim > 0)
    v, lim, seg = values[ok], lim[ok], segment[ok]
    index = np.clip(((np.clip(v, -lim, lim) + lim) / (2 * lim) * bins).astype(np.int64), 0, bins - 1)
    return np.bincount(seg * bins + index, minlength=n * bins).reshape(n, bins).astype(np.int64)


def _host_copies(tensors: Sequence[torch.Tensor | None]) -> list[np.ndarray | None]:
    """float64 numpy copies of small tensors, in one concatenation and one transfer."""
    present = [t for t in tensors if t is not None]
    if not present:
        return [None] * len(tensors)
    with torch.no_grad():
        flat = torch.cat([t.detach().reshape(-1).to(torch.float64) for t in present]).cpu().numpy()
    out: list[np.ndarray | None] = []
    start = 0
    for t in tensors:
        if t is None:
            out.append(None)
            continue
        n = t.numel()
        out.append(flat[start:start + n].reshape(tuple(t.shape)))
        start += n
    return out


def parameter_stats(names: Sequence[str], labels: dict[str, str], layers: dict[str, tuple[str, str]],
                    params: Sequence[torch.Tensor], previous: Sequence[torch.Tensor] | None,
                    ranges: StableRange, arrays: bool,
                    histograms_from: dict[str, ParamStats] | None = None) -> tuple[ParamStats, ...]:
    """Statistics of every parameter's ``.grad`` and weights; ``previous`` (weights before the last
    step) gives the update; ``arrays`` sends small parameters' values, gradients and updates whole."""
    if all(p.numel() <= NUMPY_LIMIT for p in params) and all(p.grad is not None for p in params):
        return _batched_stats(names, labels, layers, params, previous, ranges, arrays, histograms_from)
    if all(p.numel() <= NUMPY_LIMIT for p in params):
        w_np = _host_copies(list(params))
        g_np = _host_copies([p.grad for p in params])
        p_np = _host_copies(list(previous)) if previous is not None else [None] * len(params)
        return tuple(_numpy_stats(name, labels.get(name, name), *layers.get(name, ("", name)), w, g, prev,
                                  ranges, arrays)
                     for name, w, g, prev in zip(names, w_np, g_np, p_np))
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
        """``(parameters, 2, len(QUANTILES))``: gradient then weight quantiles, NaN without a gradient.

        The (sampled) values travel to the host once, and numpy's linear quantiles (torch's default
        method) are computed there.
        """
        samples_w = [self._sample(name, p) for name, p in zip(names, params)]
        samples_g = [self._sample(name, p.grad) if p.grad is not None else None for name, p in zip(names, params)]
        host_w, host_g = _host_copies(samples_w), _host_copies(samples_g)
        out = np.full((len(names), 2, len(QUANTILES)), np.nan)
        for i, (w, g) in enumerate(zip(host_w, host_g)):
            if w is not None and w.size and np.isfinite(w).all():
                out[i, 1] = np.quantile(w, QUANTILES)
                if g is not None and g.size:
                    out[i, 0] = np.quantile(g, QUANTILES)
        return out
