"""Shuffle and split into train and test, the same way for generated and imported data."""

from __future__ import annotations

import numpy as np


def train_count(n: int, train_fraction: float) -> int:
    """``round(n * train_fraction)``, kept to at least one point on each side when ``n`` allows.

    A share of 1 trains on every point and leaves the test set empty (textbook examples with two points).
    """
    if train_fraction >= 1.0:
        return n
    k = round(n * train_fraction)
    return k if n < 2 else min(max(k, 1), n - 1)


def shuffle_split(x: np.ndarray, y: np.ndarray, train_fraction: float, rng: np.random.Generator
                  ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Permute rows with ``rng`` then cut: train first. Returns ``x_train, y_train, x_test, y_test``."""
    order = rng.permutation(len(x))
    x, y = x[order], y[order]
    k = train_count(len(x), train_fraction)
    return x[:k], y[:k], x[k:], y[k:]
