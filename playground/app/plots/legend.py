"""Colour keys, as TensorFlow Playground shows beside its output: which colour stands for which value.

One small strip (pyqtgraph's ``ColorBarItem``, not interactive) under the decision plot, the network
diagram and each of the inspector's heat maps. The strip is the same colour map the view paints
with, its axis the values: ``−L … 0 … +L`` for the diverging maps (weights, gradients, neuron
outputs), the regression range for the plane, class names for a classifier's probabilities.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QFrame, QWidget

from playground.app.plots.colors import CLASS_HEX, PALE
from playground.app.plots.diverging import NEGATIVE, POSITIVE, ZERO

LEGEND_HEIGHT = 34
"""Pixels: an 8-pixel strip and its tick labels."""
COMPACT_HEIGHT = 22
"""Pixels of a compact key: the strip with its end words beside it."""


def _short(value: float) -> str:
    return f"{value:.3g}".replace("-", "−")


def diverging_map() -> pg.ColorMap:
    """The inside-the-network map (``diverging.LUT``): orange below zero, white at zero, blue above."""
    return pg.ColorMap(pos=np.array([0.0, 0.5, 1.0]), color=np.array([NEGATIVE, ZERO, POSITIVE], dtype=np.ubyte))


def _pale(rgb: np.ndarray, strength: float = PALE) -> np.ndarray:
    return (255 * (1.0 - strength) + strength * rgb).astype(np.ubyte)


def class_map(n: int) -> pg.ColorMap:
    """Two classes: class 0 → unsure (white) → class 1, pale as the plane; more: one band per class."""
    rgb = np.array([[int(h[i:i + 2], 16) for i in (1, 3, 5)] for h in CLASS_HEX], dtype=np.float64)
    if n <= 2:
        return pg.ColorMap(pos=np.array([0.0, 0.5, 1.0]),
                           color=np.array([_pale(rgb[0]), [255, 255, 255], _pale(rgb[1])], dtype=np.ubyte))
    stops = np.repeat(np.arange(n + 1) / n, 2)[1:-1]
    colors = np.repeat([_pale(rgb[k % len(rgb)]) for k in range(n)], 2, axis=0)
    return pg.ColorMap(pos=stops, color=colors.astype(np.ubyte))


def value_map() -> pg.ColorMap:
    """Regression on the plane (``colors.value_image``): the diverging map, paled as the plane is."""
    from playground.app.plots.colors import DIVERGING

    strength = PALE + 0.15
    pos, stops = DIVERGING.getStops(mode="byte")
    colors = np.array([_pale(np.array(c[:3], dtype=np.float64), strength) for c in stops], dtype=np.ubyte)
    return pg.ColorMap(pos=pos, color=colors)


class ColorBar(pg.ColorBarItem):
    """A horizontal, read-only colour key; ``show_*`` set its map and its values."""

    def __init__(self) -> None:
        super().__init__(values=(-1.0, 1.0), colorMap=diverging_map(), interactive=False,
                         orientation="horizontal", width=8, colorMapMenu=False, pen="#8c959f")
        self.axis.setStyle(tickLength=3, tickTextOffset=1)
        self.axis.enableAutoSIPrefix(False)
        self.low = pg.LabelItem("", size="8pt", color="#404040", justify="right")
        self.high = pg.LabelItem("", size="8pt", color="#404040", justify="left")
        """The end values, beside the strip (an axis clips labels at its ends): the owner places them."""
        self.span = pg.LabelItem("", size="7pt", color="#404040")
        """Both end values in one label, for a strip with no room beside it (``place(…, beside=False)``)."""
        self._shown: tuple = ()

    def show_diverging(self, limit: float) -> None:
        """``−limit … 0 … +limit`` on the diverging map."""
        limit = float(limit) if np.isfinite(limit) and limit > 0 else 1.0
        self._show(("diverging", _short(limit)), diverging_map(), (-limit, limit),
                   [(-limit, _short(-limit)), (0.0, "0"), (limit, _short(limit))])

    def show_range(self, lo: float, hi: float) -> None:
        """A regression output from ``lo`` to ``hi`` (the plane's pale map)."""
        mid = (lo + hi) / 2
        self._show(("range", _short(lo), _short(hi)), value_map(), (lo, hi),
                   [(lo, _short(lo)), (mid, _short(mid)), (hi, _short(hi))])

    def show_classes(self, names: list[str]) -> None:
        """Class colours: two classes with "unsure" between them, more as one band each."""
        n = max(len(names), 2)
        if n == 2:
            ticks = [(0.0, names[0]), (0.5, self.tr_unsure), (1.0, names[1])]
        else:
            ticks = [((k + 0.5) / n, names[k]) for k in range(n)]
        self._show(("classes", *names), class_map(n), (0.0, 1.0), ticks)

    def show_signs(self, negative: str, positive: str) -> None:
        """Sign only (each column or panel has its own scale): words at the ends, zero in the middle."""
        self._show(("signs", negative, positive), diverging_map(), (-1.0, 1.0),
                   [(-1.0, negative), (0.0, "0"), (1.0, positive)])

    tr_unsure = "unsure"
    """Set to the translated word by the owner (a graphics item has no ``tr``)."""

    def _show(self, key: tuple, cmap: pg.ColorMap, values: tuple[float, float],
              ticks: list[tuple[float, str]]) -> None:
        if key == self._shown:
            return
        self._shown = key
        self.setColorMap(cmap)
        self.setLevels(values)
        self.axis.setRange(*values)
        ends = ticks[0][0] <= values[0] and ticks[-1][0] >= values[1]
        self.axis.setTicks([ticks[1:-1] if ends else ticks, []])
        self.low.setText(ticks[0][1] if ends else "")
        self.high.setText(ticks[-1][1] if ends else "")
        low, high = ticks[0][1], ticks[-1][1]
        self.span.setText("" if not ends else f"±{high}" if low == f"−{high}" else f"{low} … {high}")

    def tick_texts(self) -> list[str]:
        """The values shown under the strip (tests)."""
        ticks = self.axis._tickLevels
        inner = [text for _value, text in ticks[0]] if ticks else []
        return [t for t in (self.low.text, *inner, self.high.text) if t]

    def place(self, layout, row: int, column: int, beside: bool = True) -> None:
        """Put the strip at ``(row, column)`` of a graphics layout, its end values either side, or (not
        ``beside``: a narrow plot must not grow) both in one line under it."""
        layout.addItem(self, row, column)
        if beside:
            layout.addItem(self.low, row, column - 1)
            layout.addItem(self.high, row, column + 1)
        else:
            self.axis.setStyle(showValues=False, tickLength=0)
            self.axis.setHeight(0)
            layout.addItem(self.span, row + 1, column)


class ColorLegend(pg.GraphicsLayoutWidget):
    """A colour key as a widget of its own (under the decision plot and the diagram)."""

    def __init__(self, parent: QWidget | None = None, compact: bool = False) -> None:
        """``compact``: the strip and its end words only, one line high (an overlay on the diagram)."""
        super().__init__(parent)
        self.setBackground("w")
        self.setObjectName("colorLegend")
        self.ci.setContentsMargins(2, 0, 2, 0)
        self.bar = ColorBar()
        self.bar.place(self.ci.layout, 0, 1)
        if compact:
            self.bar.axis.setStyle(showValues=False, tickLength=0)
            self.bar.axis.setHeight(0)
            self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFixedHeight(COMPACT_HEIGHT if compact else LEGEND_HEIGHT)
        self.setMinimumWidth(100)
