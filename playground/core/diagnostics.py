"""Why training goes wrong, in words that name the layer: rules over what the snapshots record.

Each rule reads plain numpy (gradient-norm history, batch losses, weights, dead-unit shares), so
it is tested without a model. Thresholds are those of the usual textbook explanations: a layer
whose gradient is 10⁴× smaller than the largest one learns nothing in practice; ReLU units that
output zero for every training point get no gradient and stay dead.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from playground.core.snapshot import Diagnostic

WINDOW = 20
"""Published snapshots (≈ 0.7 s of training) a gradient rule looks back over."""
VANISH_RELATIVE = 1e-4
VANISH_ABSOLUTE = 1e-7
EXPLODE = 1e3
LOSS_WINDOW = 400
"""Steps of batch loss the oscillation rule reads."""
DEAD_SHARE = 0.5
DEAD_ACTIVATIONS = ("relu",)
"""Activations whose units can die (LeakyReLU, ELU… keep a gradient below zero)."""


def _span(layers: Sequence[str]) -> str:
    """``hidden 1–5`` for consecutive hidden layers, else a comma list."""
    numbers = [int(x.split()[-1]) for x in layers if x.startswith("hidden ")]
    if len(numbers) == len(layers) and len(numbers) > 2 and numbers == list(range(numbers[0], numbers[-1] + 1)):
        return f"hidden {numbers[0]}–{numbers[-1]}"
    return ", ".join(layers)


def gradient_rules(layers: Sequence[str], grad_norms: np.ndarray) -> list[Diagnostic]:
    """Vanishing and exploding gradients from ``grad_norms`` (rows × layers, weight gradients)."""
    if grad_norms.ndim != 2 or grad_norms.shape[0] < WINDOW // 2 or not layers:
        return []
    recent = grad_norms[-WINDOW:]
    with np.errstate(invalid="ignore"):
        typical = np.nanmedian(np.where(np.isfinite(recent), recent, np.nan), axis=0)
    if not np.isfinite(typical).any():
        return []
    out = []
    top = float(np.nanmax(typical))
    if top > EXPLODE:
        worst = [layers[i] for i in np.flatnonzero(typical > EXPLODE)]
        out.append(Diagnostic("exploding", worst[0], f"gradients explode in {_span(worst)} "
                              f"(‖∇‖ ≈ {top:.2g}): lower the learning rate or clip gradients"))
    if top > 0:
        weak = [i for i, g in enumerate(typical)
                if math.isfinite(g) and (g < VANISH_RELATIVE * top or g < VANISH_ABSOLUTE)]
        if weak and len(weak) < len(layers):
            names = [layers[i] for i in weak]
            smallest = float(np.nanmin(typical[weak]))
            ratio = top / smallest if smallest > 0 else math.inf
            times = f"{ratio:.1e} times" if math.isfinite(ratio) else "infinitely"
            out.append(Diagnostic("vanishing", names[0], f"gradients vanish in {_span(names)}: ‖∇‖ ≈ "
                                  f"{smallest:.1e}, {times} smaller than in {layers[int(np.nanargmax(typical))]}; "
                                  "try ReLU, a better init or fewer layers"))
    return out


def oscillation_rule(losses: np.ndarray, first_loss: float) -> list[Diagnostic]:
    """The batch loss jumps around without coming down: the learning rate is too large."""
    losses = losses[np.isfinite(losses)][-LOSS_WINDOW:]
    if len(losses) < LOSS_WINDOW // 2:
        return []
    half = len(losses) // 2
    early, late = np.median(losses[:half]), np.median(losses[half:])
    q1, q3 = np.percentile(losses[half:], [25, 75])
    no_progress = late >= 0.8 * early or (math.isfinite(first_loss) and late > first_loss)
    jumpy = late > 0 and (q3 - q1) / late > 0.5
    stuck = not math.isfinite(first_loss) or late >= 0.5 * first_loss
    if no_progress and jumpy and stuck:
        return [Diagnostic("oscillating", "", "the loss oscillates without progress: "
                           "the learning rate may be too large")]
    return []


def dead_rule(dead: Sequence[tuple[str, str, float]]) -> list[Diagnostic]:
    """``(layer, activation, dead share)``: ReLU layers with many units that never fire."""
    return [Diagnostic("dead_units", layer, f"{layer}: {share:.0%} of its ReLU units are dead "
                       "(zero for every training point, so they get no gradient); "
                       "try a smaller learning rate or LeakyReLU")
            for layer, act, share in dead if act in DEAD_ACTIVATIONS and share >= DEAD_SHARE]


def symmetric_units(weight: np.ndarray, bias: np.ndarray | None) -> bool:
    """All units of a layer identical: same incoming weights and bias (a symmetric start)."""
    if weight.ndim != 2 or weight.shape[0] < 2:
        return False
    scale = 1e-7 * (1.0 + float(np.abs(weight).max(initial=0.0)))
    same_w = float(np.abs(weight - weight[:1]).max(initial=0.0)) <= scale
    same_b = bias is None or float(np.abs(bias - bias[:1]).max(initial=0.0)) <= scale
    return same_w and same_b


def symmetry_rule(layers: Sequence[tuple[str, np.ndarray, np.ndarray | None]]) -> list[Diagnostic]:
    """``(layer, weight, bias)`` of hidden layers: units that stay identical can never differ."""
    return [Diagnostic("symmetric", layer, f"{layer}: its {w.shape[0]} units are identical (symmetric "
                       "initialisation): they get the same gradient and can never learn different features")
            for layer, w, b in layers if symmetric_units(w, b)]
