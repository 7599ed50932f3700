"""Colours shared by every view: TensorFlow Playground's orange/blue, then a qualitative palette.

Class ``k`` has the same colour in the heat map, the points and the confusion matrix. Heat maps
use pale versions so the saturated points on top stay readable on a projector.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QBrush, QColor, QPen

CLASS_HEX = ("#f59322", "#0877bd", "#2ca02c", "#d62728", "#9467bd",
             "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf")
OUTLINE = "#202020"
TRAIN_CURVE = "#0877bd"
TEST_CURVE = "#f59322"
PALE = 0.55
"""How much of the class colour a fully confident heat-map pixel shows (the rest is white)."""

CLASS_RGB = np.array([[int(h[i:i + 2], 16) for i in (1, 3, 5)] for h in CLASS_HEX], dtype=np.float32) / 255


def class_color(k: int) -> QColor:
    return QColor(CLASS_HEX[k % len(CLASS_HEX)])


def class_brushes(labels: np.ndarray) -> list[QBrush]:
    """One shared brush per class, indexed by label (cheap for thousands of points)."""
    brushes = [QBrush(class_color(k)) for k in range(len(CLASS_HEX))]
    return [brushes[int(k) % len(brushes)] for k in labels]


def class_pens(labels: np.ndarray, width: float = 2.2) -> list[QPen]:
    pens = [pg.mkPen(class_color(k), width=width) for k in range(len(CLASS_HEX))]
    return [pens[int(k) % len(pens)] for k in labels]


def probability_image(values: np.ndarray, discretize: bool = False) -> np.ndarray:
    """Class probabilities ``(h, w, k)`` → RGB bytes: palette mixed by probability, white where unsure.

    With ``discretize`` every pixel takes its most likely class's colour (TFP's "discretize output").
    """
    k = values.shape[2]
    palette = CLASS_RGB[np.arange(k) % len(CLASS_RGB)]
    if discretize:
        rgb = palette[values.argmax(axis=2)]
        strength = np.full((*values.shape[:2], 1), PALE, dtype=np.float32)
    else:
        p = np.clip(values, 0.0, 1.0)
        rgb = p @ palette / np.maximum(p.sum(axis=2, keepdims=True), 1e-6)
        confidence = (p.max(axis=2, keepdims=True) - 1.0 / k) / (1.0 - 1.0 / k)
        strength = PALE * np.clip(confidence, 0.0, 1.0)
    out = 1.0 - strength + strength * rgb
    return (np.clip(out, 0.0, 1.0) * 255).astype(np.uint8)


DIVERGING = pg.ColorMap(pos=np.array([0.0, 0.5, 1.0]),
                        color=np.array([[245, 147, 34], [248, 248, 248], [8, 119, 189]], dtype=np.ubyte))
"""Regression values: orange (low) → white (middle) → blue (high), as TFP."""


def value_image(values: np.ndarray, levels: tuple[float, float], discretize: bool = False) -> np.ndarray:
    """Regression values ``(h, w)`` → pale RGB bytes on the diverging map with fixed ``levels``."""
    lo, hi = levels
    t = np.clip((values - lo) / ((hi - lo) or 1.0), 0.0, 1.0)
    if discretize:
        t = np.round(t * 8) / 8
    rgb = DIVERGING.map(t.ravel(), mode="float")[:, :3].reshape(*t.shape, 3)
    out = 1.0 - PALE - 0.15 + (PALE + 0.15) * rgb
    return (np.clip(out, 0.0, 1.0) * 255).astype(np.uint8)


def value_brushes(values: np.ndarray, levels: tuple[float, float]) -> list[QBrush]:
    lo, hi = levels
    t = np.clip((values - lo) / ((hi - lo) or 1.0), 0.0, 1.0)
    return [QBrush(QColor(*c)) for c in DIVERGING.map(t, mode="byte")[:, :3].tolist()]
