"""Why training goes wrong, in words that name the layer: rules over what the run recorded.

Each rule reads plain numpy (batch losses, the epoch-end losses since step 0, gradient norms,
weights, and a probe of each hidden layer on a fixed sample: saturated and dead shares), so it is
tested without a model. Thresholds are those of the usual textbook explanations: a layer whose
gradient is 10⁴× smaller than the largest one learns nothing in practice; ReLU units that output
zero for every training point get no gradient and stay dead; a tanh or sigmoid unit pinned at its
asymptote has a slope near zero.

``diagnose`` ranks causes, because symptoms share them: a layer that saturated (or whose ReLUs
died) after the loss jumped is the learning rate's doing, not the depth's, and the cure named is
the learning rate's; identical units explain zero gradients before depth does. It runs on the
whole run's history at every pause, step and end of a run, however short the run was.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field

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
SATURATED_SHARE = 0.9
"""A tanh/sigmoid layer with this share of its outputs on the flat part (slope < 0.02) barely learns."""
SPIKE = 3.0
"""A batch loss this many times the starting loss is a jump the learning rate caused."""
RISE = 1.2
"""An epoch-end training loss this far above the starting one: training made things worse."""
UNHEALED = 0.5
"""The run is still hurt if its last training loss is above this share of the starting one."""
PLATEAU = 0.02
"""Relative fall of the training loss over the last third of the run below which it has stopped."""


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
    with np.errstate(invalid="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # a layer whose every norm is non-finite: NaN, by design
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


# ---------------------------------------------------------------------------------- the whole run
@dataclass(frozen=True)
class LayerProbe:
    """One hidden layer measured on a fixed sample of training inputs (eval mode)."""

    layer: str
    activation: str
    """The registry key: ``tanh``, ``relu``…"""
    saturated: float
    """Share of outputs where a tanh/sigmoid is flat (|tanh| > 0.99, σ < 0.01 or > 0.99); NaN for others."""
    dead: float
    """Share of units that are never above zero on the sample."""


@dataclass(frozen=True)
class Evidence:
    """What a diagnosis reads: the run's history and the model's state now, as plain numbers."""

    layers: Sequence[str] = ()
    """The weight layers in order (``hidden 1`` … ``output``)."""
    grad_history: np.ndarray = field(default_factory=lambda: np.zeros((0, 0)))
    """Weight-gradient norms of published snapshots (rows × layers)."""
    grad_now: Sequence[float] = ()
    """Weight-gradient norms measured now on the probe sample (one per layer), if probed."""
    hidden: Sequence[LayerProbe] = ()
    batch_losses: np.ndarray = field(default_factory=lambda: np.zeros(0))
    batch_steps: np.ndarray = field(default_factory=lambda: np.zeros(0))
    epoch_losses: np.ndarray = field(default_factory=lambda: np.zeros(0))
    """The training loss at step 0 and after every epoch."""
    hidden_weights: Sequence[tuple[str, np.ndarray, np.ndarray | None]] = ()
    lr: float = math.nan
    accuracy: float = math.nan
    """The last training accuracy (NaN for regression)."""
    diverged: str = ""
    """The non-finite loss, when training diverged."""
    final: bool = False
    """A pause, a step or the run's end: the whole history is read, not only the latest window."""


def _typical_gradients(ev: Evidence) -> np.ndarray | None:
    """Per-layer gradient size: measured now when probed, else the median of recent snapshots."""
    if len(ev.grad_now) == len(ev.layers) and len(ev.layers):
        return np.asarray(ev.grad_now, dtype=np.float64)
    g = ev.grad_history
    if g.ndim != 2 or g.shape[0] < WINDOW // 2 or g.shape[1] != len(ev.layers):
        return None
    with np.errstate(invalid="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # a layer with no finite norm yet: NaN, said below
        typical = np.nanmedian(np.where(np.isfinite(g[-WINDOW:]), g[-WINDOW:], np.nan), axis=0)
    return typical if np.isfinite(typical).any() else None


def _learning_rate_trouble(ev: Evidence) -> str:
    """Words for a loss that jumped, rose or oscillated and has not recovered; "" if it did not."""
    losses = ev.batch_losses[np.isfinite(ev.batch_losses)] if len(ev.batch_losses) else np.zeros(0)
    epochs = ev.epoch_losses[np.isfinite(ev.epoch_losses)] if len(ev.epoch_losses) else np.zeros(0)
    first = float(epochs[0]) if len(epochs) else (float(losses[0]) if len(losses) else math.nan)
    if not math.isfinite(first) or first <= 0:
        return ""
    now = float(epochs[-1]) if len(epochs) > 1 else (float(np.median(losses[-20:])) if len(losses) else first)
    if now <= UNHEALED * first:
        return ""  # whatever happened, training recovered from it
    if len(losses) and float(losses.max()) > SPIKE * first:
        at = int(np.argmax(np.where(np.isfinite(ev.batch_losses), ev.batch_losses, -np.inf)))
        if at >= 0.95 * (len(ev.batch_losses) - 1):  # the worst loss is the latest: it is still growing
            return f"the loss grew from {first:.3g} to {float(losses.max()):.3g}"
        step = f" at step {int(ev.batch_steps[at])}" if len(ev.batch_steps) > at else ""
        return f"the loss jumped from {first:.3g} to {float(losses.max()):.3g}{step}"
    if len(epochs) > 1 and float(epochs[1:].max()) > RISE * first:
        return f"the training loss rose from {first:.3g} to {float(epochs[1:].max()):.3g}"
    if oscillation_rule(ev.batch_losses, first):
        return "the loss oscillates without progress"
    return ""


def _plateau(ev: Evidence) -> bool:
    """The epoch-end training loss has stopped falling (over the last third of the run)."""
    e = ev.epoch_losses[np.isfinite(ev.epoch_losses)] if len(ev.epoch_losses) else np.zeros(0)
    if len(e) < 6:
        return False
    tail = e[-(len(e) // 3):]
    return float(tail[0] - tail[-1]) < PLATEAU * abs(float(tail[0]))


def diagnose(ev: Evidence) -> list[Diagnostic]:
    """Ranked diagnoses, most actionable first; a cause absorbs the symptoms it explains."""
    if ev.diverged:
        return [Diagnostic("diverged", "", f"the loss became {ev.diverged}; "
                           "reset the weights and try a smaller learning rate")]
    out: list[Diagnostic] = []
    saturated = [p for p in ev.hidden if math.isfinite(p.saturated) and p.saturated >= SATURATED_SHARE]
    dead = [p for p in ev.hidden if p.activation in DEAD_ACTIVATIONS and p.dead >= DEAD_SHARE]
    typical = _typical_gradients(ev)
    gradients = gradient_rules(ev.layers, np.tile(typical, (WINDOW, 1))) if typical is not None else []
    trouble = _learning_rate_trouble(ev)
    if trouble:
        harm = []
        if saturated:
            share = max(p.saturated for p in saturated)
            its = "its" if len(saturated) == 1 else "their"
            harm.append(f"{_span([p.layer for p in saturated])} saturated (up to {share:.0%} of {its} outputs on "
                        f"the flat ends of {saturated[0].activation}), so {its} gradients all but vanish")
        if dead:
            harm.append("; ".join(f"{p.layer} lost {p.dead:.0%} of its ReLU units (dead)" for p in dead))
        lr = f" {ev.lr:g}" if math.isfinite(ev.lr) else ""
        cure = f"try {ev.lr / 10:g}" if math.isfinite(ev.lr) else "try a tenth of it"
        victims = saturated + dead
        message = (f"the learning rate{lr} is too large: {trouble}"
                   + (f"; {'; '.join(harm)}" if harm else "")
                   + f". Lower the learning rate ({cure}) and reset the weights")
        return [Diagnostic("learning_rate", victims[0].layer if victims else "", message)]
    out += [d for d in gradients if d.kind == "exploding"]
    symmetric = symmetry_rule(ev.hidden_weights)
    out += symmetric
    out += dead_rule([(p.layer, p.activation, p.dead) for p in dead])
    if saturated and not symmetric:
        out += [Diagnostic("saturated", p.layer, f"{p.layer}: {p.saturated:.0%} of its outputs sit on the flat "
                           f"ends of {p.activation}, where its slope is almost 0; try smaller starting weights "
                           "(Xavier init), normalisation or ReLU") for p in saturated]
    if not symmetric:  # identical units' zero gradients are the symmetry's, not the depth's
        out += [d for d in gradients if d.kind == "vanishing"]
    if ev.final and not out and list(ev.layers) == ["output"] and math.isfinite(ev.accuracy) \
            and ev.accuracy < 0.9 and _plateau(ev):
        out.append(Diagnostic("underfitting", "output", f"the loss stopped falling at {ev.epoch_losses[-1]:.3g} "
                              f"with {ev.accuracy:.0%} training accuracy: a model without a hidden layer draws "
                              "one straight boundary; add a hidden layer or inputs such as X₁X₂ or X₁²"))
    return out
