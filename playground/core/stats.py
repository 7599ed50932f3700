"""Per-parameter gradient and weight statistics, computed as plain PyTorch would."""

from __future__ import annotations

import math

import numpy as np
import torch

from playground.core.snapshot import ParamStats

HIST_BINS = 30


def _f(t: torch.Tensor) -> float:
    return float(t.item())


def parameter_stats(name: str, label: str, param: torch.Tensor, previous: torch.Tensor | None,
                    bins: int = HIST_BINS) -> ParamStats:
    """Stats of ``param.grad``; ``previous`` (the weights before the step) gives the update ratio."""
    w = param.detach()
    weight_norm = _f(torch.linalg.vector_norm(w))
    if previous is not None:
        delta = _f(torch.linalg.vector_norm(w - previous))
        update_ratio = delta / weight_norm if weight_norm > 0 else math.inf if delta > 0 else 0.0
    else:
        update_ratio = math.nan
    g = param.grad
    if g is None:
        nan = math.nan
        return ParamStats(name, label, tuple(w.shape), nan, nan, nan, nan, weight_norm, update_ratio,
                          np.zeros(bins, dtype=np.int64), np.zeros(bins + 1))
    g = g.detach().flatten().to(torch.float64)
    lo, hi = _f(g.min()), _f(g.max())
    if not (math.isfinite(lo) and math.isfinite(hi)):
        counts = np.zeros(bins, dtype=np.int64)
        edges = np.zeros(bins + 1)
    else:
        if lo == hi:
            lo, hi = lo - 0.5 * (abs(lo) or 1e-12), hi + 0.5 * (abs(hi) or 1e-12)
        counts = torch.histc(g, bins=bins, min=lo, max=hi).to(torch.int64).cpu().numpy()
        edges = np.linspace(lo, hi, bins + 1)
    std = _f(g.std()) if g.numel() > 1 else 0.0
    return ParamStats(
        name=name,
        label=label,
        shape=tuple(w.shape),
        grad_norm=_f(torch.linalg.vector_norm(g)),
        grad_mean=_f(g.mean()),
        grad_std=std,
        grad_max_abs=_f(g.abs().max()),
        weight_norm=weight_norm,
        update_ratio=update_ratio,
        hist_counts=counts,
        hist_edges=edges,
    )
