"""What the image views draw: weight images, the gallery of test images, a drawn digit's probabilities.

Plain numpy in, plain numpy out (the snapshot rule: no tensors cross to the window). The engine-facing
function :func:`image_snapshot` is the small hook the runner calls when an image view is visible; the
rest are pure so tests can check them against the weight matrix directly.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

Engine = Any
"""The runner's engine; not imported even for types, so the window may import this module's dataclasses."""

GALLERY_SIZE = 64
"""Test images the gallery shows (misclassified first): enough to scroll, small to send 30 times a second."""
MAX_WEIGHT_IMAGES = 64
"""Units of the first layer drawn as images; a wider layer shows its first 64."""


@dataclass(frozen=True)
class WeightImages:
    """The first linear layer's rows as ``side × side`` images; ``limit`` centres the colours on zero.

    ``per_class``: the layer is the output layer (no hidden layer), so image ``k`` belongs to class ``k``.
    """

    images: np.ndarray
    limit: float
    per_class: bool
    units: int


@dataclass(frozen=True)
class Gallery:
    """Test images in the order the gallery shows them: misclassified first, least confident first."""

    images: np.ndarray
    """``(n, side, side)`` pixels in [0, 1]."""
    true: np.ndarray
    predicted: np.ndarray
    probabilities: np.ndarray
    """``(n, classes)``; a row sums to 1."""
    index: np.ndarray
    """Each image's row in the test split."""

    @property
    def confidence(self) -> np.ndarray:
        return self.probabilities[np.arange(len(self.predicted)), self.predicted]


@dataclass(frozen=True)
class ImageSnapshot:
    weights: WeightImages
    gallery: Gallery | None


def weight_images(weight: np.ndarray, side: int, per_class: bool, limit: int = MAX_WEIGHT_IMAGES) -> WeightImages:
    """Rows of ``weight`` (``(units, side²)``, row-major pixels) reshaped to ``(units, side, side)``."""
    w = np.asarray(weight, dtype=np.float64)
    shown = w[:limit].reshape(-1, side, side).copy()
    largest = float(np.abs(shown).max()) if shown.size else 0.0
    return WeightImages(shown, largest if largest > 0 and np.isfinite(largest) else 1.0, per_class, w.shape[0])


def gallery_order(true: np.ndarray, probabilities: np.ndarray) -> np.ndarray:
    """Misclassified first, then by rising confidence in the predicted class (stable: test order breaks ties)."""
    predicted = probabilities.argmax(axis=1)
    confidence = probabilities[np.arange(len(predicted)), predicted]
    return np.lexsort((confidence, predicted == true))


def make_gallery(x: np.ndarray, true: np.ndarray, probabilities: np.ndarray, side: int,
                 size: int = GALLERY_SIZE) -> Gallery:
    order = gallery_order(true, probabilities)[:size]
    probs = probabilities[order]
    return Gallery(x[order].reshape(-1, side, side).astype(np.float64), true[order].astype(np.int64),
                   probs.argmax(axis=1), probs, order)


def first_linear_weight(engine: Engine) -> tuple[np.ndarray, bool]:
    """The first ``nn.Linear``'s weight as float64 numpy, and whether it is the output layer."""
    from torch import nn

    linears = [m for m in engine.model.modules() if isinstance(m, nn.Linear)]
    return linears[0].weight.detach().to("cpu").double().numpy().copy(), len(linears) == 1


def probabilities(engine: Engine, x: np.ndarray) -> np.ndarray:
    """Class probabilities of raw inputs ``x`` (``(n, side²)`` or ``(n, side, side)``), as the engine predicts."""
    import torch

    flat = np.asarray(x, dtype=np.float64).reshape(len(x), -1)
    out = torch.as_tensor(engine.predict(flat), dtype=torch.float64)
    return engine.probabilities(out).numpy()


def image_snapshot(engine: Engine, gallery: bool = True) -> ImageSnapshot | None:
    """The image views' data, or ``None`` when the data are not images (the runner's hook)."""
    ds = engine.dataset
    side = ds.image_side
    if side is None:
        return None
    weight, per_class = first_linear_weight(engine)
    shown = None
    if gallery and len(ds.x_test) and ds.task == "classification":
        shown = make_gallery(ds.x_test, ds.y_test, probabilities(engine, ds.x_test), side)
    return ImageSnapshot(weight_images(weight, side, per_class), shown)
