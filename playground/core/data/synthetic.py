"""Synthetic data generators.

The six TensorFlow Playground sets (circle, xor, gauss, spiral, plane, multi_gaussian) copy the
numbers of TFP's ``src/dataset.ts`` so lessons written for TFP carry over; TFP's labels -1/+1 map
to classes 0/1. The other sets are ours, sized to TFP's [-6, 6] window.

Every generator takes ``(samples, noise, rng)`` and returns ``(x, y)``: ``x`` float64
``(samples, raw_dim)``, ``y`` int64 class indices or float64 values. Points come out grouped by
class; the caller shuffles.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from playground.core.errors import quote

Points = tuple[np.ndarray, np.ndarray]
Generator = Callable[[int, float, np.random.Generator], Points]


def _halves(samples: int) -> tuple[int, int]:
    """TFP loops ``numSamples / 2`` times per class; we keep the total exact (first half gets the odd one)."""
    return samples - samples // 2, samples // 2


def _class_sizes(samples: int, k: int) -> list[int]:
    return [samples // k + (1 if j < samples % k else 0) for j in range(k)]


def _pack(xs: list[np.ndarray], ys: list[np.ndarray], classification: bool = True) -> Points:
    y = np.concatenate(ys)
    return np.concatenate(xs).astype(np.float64), y.astype(np.int64 if classification else np.float64)


def circle(samples: int, noise: float, rng: np.random.Generator) -> Points:
    """TFP classifyCircleData: label from the noisy point, stored point without noise."""
    radius = 5.0
    xs, ys = [], []
    for n, (lo, hi) in zip(_halves(samples), ((0.0, radius * 0.5), (radius * 0.7, radius))):
        r = rng.uniform(lo, hi, n)
        angle = rng.uniform(0.0, 2 * np.pi, n)
        x, y = r * np.sin(angle), r * np.cos(angle)
        nx = rng.uniform(-radius, radius, n) * noise
        ny = rng.uniform(-radius, radius, n) * noise
        xs.append(np.column_stack([x, y]))
        ys.append((np.hypot(x + nx, y + ny) < radius * 0.5).astype(np.int64))
    return _pack(xs, ys)


def xor(samples: int, noise: float, rng: np.random.Generator) -> Points:
    """TFP classifyXORData: padded uniform points, label = sign of the noisy product."""
    padding = 0.3
    x = rng.uniform(-5, 5, samples)
    x += np.where(x > 0, padding, -padding)
    y = rng.uniform(-5, 5, samples)
    y += np.where(y > 0, padding, -padding)
    nx = rng.uniform(-5, 5, samples) * noise
    ny = rng.uniform(-5, 5, samples) * noise
    label = ((x + nx) * (y + ny) >= 0).astype(np.int64)
    return _pack([np.column_stack([x, y])], [label])


def gauss(samples: int, noise: float, rng: np.random.Generator) -> Points:
    """TFP classifyTwoGaussData: variance maps noise [0, 0.5] → [0.5, 4] linearly (extrapolated, as d3)."""
    variance = 0.5 + noise * (4.0 - 0.5) / 0.5
    std = np.sqrt(variance)
    xs, ys = [], []
    for n, (c, label) in zip(_halves(samples), ((2.0, 1), (-2.0, 0))):
        xs.append(rng.normal(c, std, (n, 2)))
        ys.append(np.full(n, label))
    return _pack(xs, ys)


def spiral(samples: int, noise: float, rng: np.random.Generator) -> Points:
    """TFP classifySpiralData: two arms of 1.75 turns, radius up to 5, uniform jitter × noise."""
    xs, ys = [], []
    for n, (delta, label) in zip(_halves(samples), ((0.0, 1), (np.pi, 0))):
        i = np.arange(n)
        r = i / n * 5
        t = 1.75 * i / n * 2 * np.pi + delta
        x = r * np.sin(t) + rng.uniform(-1, 1, n) * noise
        y = r * np.cos(t) + rng.uniform(-1, 1, n) * noise
        xs.append(np.column_stack([x, y]))
        ys.append(np.full(n, label))
    return _pack(xs, ys)


def moons(samples: int, noise: float, rng: np.random.Generator) -> Points:
    """Two interleaving half circles (sklearn's make_moons), centred and scaled ×2.5 to fit ±5.

    Gaussian jitter has std ``0.5 * noise`` in unit-moon space, so TFP's slider maximum (0.5) gives
    sklearn's usual noise=0.25.
    """
    scale, std = 2.5, 0.5 * noise
    n_outer, n_inner = _halves(samples)
    t_out = rng.uniform(0, np.pi, n_outer)
    t_in = rng.uniform(0, np.pi, n_inner)
    outer = np.column_stack([np.cos(t_out), np.sin(t_out)])
    inner = np.column_stack([1 - np.cos(t_in), 0.5 - np.sin(t_in)])
    pts = np.concatenate([outer, inner]) - [0.5, 0.25]
    pts = (pts + rng.normal(0, std, pts.shape)) * scale
    return _pack([pts], [np.repeat([0, 1], [n_outer, n_inner])])


def checkerboard(samples: int, noise: float, rng: np.random.Generator) -> Points:
    """A 4×4 board of 2.5-wide squares over [-5, 5]²; label = parity of the noisy point's square.

    Like xor, noise moves only the point used for the label, by up to ``±2.5 * noise`` (xor's
    ``±5 * noise`` scaled to the smaller square).
    """
    cell = 2.5
    pts = rng.uniform(-5, 5, (samples, 2))
    noisy = pts + rng.uniform(-cell, cell, (samples, 2)) * noise
    label = np.floor(noisy / cell).astype(np.int64).sum(axis=1) % 2
    return _pack([pts], [label])


def blobs(samples: int, noise: float, rng: np.random.Generator, k: int = 3) -> Points:
    """``k`` round gaussians, centres evenly on a circle of radius 3, std ``0.5 + 2 * noise``."""
    std = 0.5 + 2.0 * noise
    xs, ys = [], []
    for j, n in enumerate(_class_sizes(samples, k)):
        a = 2 * np.pi * j / k + np.pi / 2
        xs.append(rng.normal([3 * np.cos(a), 3 * np.sin(a)], std, (n, 2)))
        ys.append(np.full(n, j))
    return _pack(xs, ys)


def spiral_k(samples: int, noise: float, rng: np.random.Generator, k: int = 3) -> Points:
    """cs231n's k-arm spiral: arm j winds 4 rad from angle 2πj/k while r goes 0 → 5.

    Arms are spaced evenly (cs231n starts arm j at 4j rad, uneven for k ≠ 3) so any k is
    separable at noise 0; noise adds a normal angle jitter of std ``noise`` rad.
    """
    xs, ys = [], []
    for j, n in enumerate(_class_sizes(samples, k)):
        r = np.linspace(0.0, 1.0, n)
        t = 2 * np.pi * j / k + 4.0 * r + rng.normal(0, 1, n) * noise
        xs.append(np.column_stack([5 * r * np.sin(t), 5 * r * np.cos(t)]))
        ys.append(np.full(n, j))
    return _pack(xs, ys)


def plane(samples: int, noise: float, rng: np.random.Generator) -> Points:
    """TFP regressPlane: label = (x + y) mapped [-10, 10] → [-1, 1], from the noisy point."""
    radius = 6.0
    pts = rng.uniform(-radius, radius, (samples, 2))
    noisy = pts + rng.uniform(-radius, radius, (samples, 2)) * noise
    return pts, (noisy.sum(axis=1) / 10.0).astype(np.float64)


_GAUSSIANS = np.array([[-4, 2.5, 1], [0, 2.5, -1], [4, 2.5, 1],
                       [-4, -2.5, -1], [0, -2.5, 1], [4, -2.5, -1]], dtype=np.float64)


def gaussian_label(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """TFP regressGaussian's getLabel: the signed bump (1 at a centre, 0 beyond distance 2) largest in |·|."""
    d = np.hypot(x[:, None] - _GAUSSIANS[:, 0], y[:, None] - _GAUSSIANS[:, 1])
    values = _GAUSSIANS[:, 2] * np.clip(1.0 - d / 2.0, 0.0, 1.0)
    # TFP keeps the first centre on ties (strict >), as argmax does.
    return values[np.arange(len(x)), np.argmax(np.abs(values), axis=1)]


def multi_gaussian(samples: int, noise: float, rng: np.random.Generator) -> Points:
    """TFP regressGaussian: six signed bumps, label from the noisy point."""
    radius = 6.0
    pts = rng.uniform(-radius, radius, (samples, 2))
    noisy = pts + rng.uniform(-radius, radius, (samples, 2)) * noise
    return pts, gaussian_label(noisy[:, 0], noisy[:, 1])


def line(samples: int, noise: float, rng: np.random.Generator) -> Points:
    """1-D ``y = 2x + 1`` on x ∈ [-5, 5]; normal noise of std ``5 * noise`` (std 2.5 at TFP's max 0.5)."""
    x = rng.uniform(-5, 5, samples)
    y = 2 * x + 1 + rng.normal(0, 1, samples) * noise * 5
    return x[:, None], y


def sine(samples: int, noise: float, rng: np.random.Generator) -> Points:
    """1-D ``y = sin(x)`` on x ∈ [-5, 5]; normal noise of std ``noise``."""
    x = rng.uniform(-5, 5, samples)
    y = np.sin(x) + rng.normal(0, 1, samples) * noise
    return x[:, None], y


GENERATORS: dict[str, Generator] = {
    "circle": circle, "xor": xor, "gauss": gauss, "spiral": spiral, "moons": moons,
    "checkerboard": checkerboard, "blobs": blobs, "spiral_k": spiral_k,
    "plane": plane, "multi_gaussian": multi_gaussian, "line": line, "sine": sine,
}
"""Kind → generator; ``blobs`` and ``spiral_k`` also take ``k`` (see :func:`generate`)."""


def generate(kind: str, samples: int, noise: float, rng: np.random.Generator,
             classes: int | None = None) -> Points:
    """Run the generator for ``kind``; ``classes`` is the arm/blob count of the multi-class sets."""
    try:
        gen = GENERATORS[kind]
    except KeyError:
        raise ValueError(f"unknown synthetic data set {quote(kind)}; choose from {', '.join(GENERATORS)}") from None
    if kind in ("blobs", "spiral_k"):
        return gen(samples, noise, rng, classes or 3)  # type: ignore[call-arg]
    return gen(samples, noise, rng)
