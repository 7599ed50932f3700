"""Shared layout of the history plots: a one-line summary of the latest values over a curve plot."""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from playground.app.plots.colors import TEST_CURVE, TRAIN_CURVE
from playground.app.plots.log_axis import DecadeLogAxis
from playground.core.snapshot import Snapshot

REDRAW_S = 0.2
"""History plots redraw at most 5 times a second (the window's refresh sees to it): their axes
rescale on every redraw, which costs more than the heat map; 5 Hz still looks live."""


def swatch(color: str, dashed: bool = False) -> str:
    """A short line in a curve's colour and style, for legends written in a label's rich text.

    The history plots name their curves in the summary line above the plot rather than in a legend
    inside it: an in-plot legend covers the newest points, which are the ones a learner watches.
    """
    return f"<span style='color:{color}'>{'╍╍' if dashed else '━━'}</span>"


def fmt(value: float, percent: bool = False) -> str:
    """A readable number: ``–`` for NaN, percentages with one decimal, losses with 4 figures."""
    if value is None or not math.isfinite(value):
        return "–"
    return f"{100 * value:.1f} %" if percent else f"{value:.4g}"


class HistoryPlot(QWidget):
    """Train and test curves against epochs; items are made once, then only ``setData``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel(self)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setContentsMargins(6, 2, 6, 0)
        self.plot = pg.PlotWidget(self, axisItems={"left": DecadeLogAxis("left")})  # log loss: decades
        self.plot.setMinimumHeight(140)
        item = self.plot.getPlotItem()
        item.showGrid(x=True, y=True, alpha=0.25)
        for name in ("left", "bottom"):  # major grid lines only: minor ones triple the paint time;
            item.getAxis(name).setStyle(maxTickLevel=0, maxTextLevel=0)  # a log axis's 0.09 0.08 … overlap
        item.setLabel("bottom", self.tr("Epoch"))
        for name in ("left", "bottom"):  # "Epoch (x0.001)" after three steps misleads: plain numbers
            item.getAxis(name).enableAutoSIPrefix(False)
        item.setMenuEnabled(False)
        item.hideButtons()
        item.setContentsMargins(2, 4, 14, 2)  # room for the last x tick label
        item.disableAutoRange()  # ranges are set with the data: one repaint per draw, not two
        self._range: tuple[float, ...] = ()
        self.train_curve = item.plot(pen=pg.mkPen(TRAIN_CURVE, width=2.2), connect="finite")
        self.test_curve = item.plot(pen=pg.mkPen(TEST_CURVE, width=2.2, style=Qt.PenStyle.DashLine),
                                    connect="finite")
        self.keys = (swatch(TRAIN_CURVE), swatch(TEST_CURVE, dashed=True))
        """The train and test curves' line samples, for the summary line (their legend)."""
        self._pending: Snapshot | None = None
        self.overlay_extent: tuple[float, list[float]] = (0.0, [])
        """The last epoch and the values of curves overlaid by others (remembered runs), kept in view."""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.summary)
        layout.addWidget(self.plot, 1)

    def update(self, snapshot: Snapshot) -> None:  # type: ignore[override] — a view's one entry point
        """Draw now: the window throttles history plots (``REDRAW_S``) and gives each its own tick."""
        self._pending = snapshot
        self._draw_pending()

    def _draw_pending(self) -> None:
        snapshot, self._pending = self._pending, None
        if snapshot is not None:
            self.draw(snapshot)

    def flush(self) -> None:
        """Draw a waiting snapshot at once (tests, screenshots)."""
        self._draw_pending()

    def draw(self, snapshot: Snapshot) -> None:
        raise NotImplementedError

    @staticmethod
    def _columns(history: dict[str, np.ndarray], train: str, test: str) -> tuple[np.ndarray, ...]:
        epoch = history.get("epoch", np.empty(0))
        return epoch, history.get(train, np.empty(0)), history.get(test, np.empty(0))

    def set_curves(self, x: np.ndarray, train: np.ndarray, test: np.ndarray,
                   y_range: tuple[float, float] | None = None, log_y: bool = False,
                   anchor_zero: bool = False) -> None:
        """New data and, with it, the view range (``y_range`` fixed, else fitted to the data)."""
        self.train_curve.setData(x, train)
        self.test_curve.setData(x, test)
        x_hi = max(float(np.nanmax(x)) if len(x) else 0.0, self.overlay_extent[0])
        if y_range is None:
            values = np.concatenate([train, test, np.asarray(self.overlay_extent[1], dtype=np.float64)])
            values = values[np.isfinite(values)]
            if log_y:
                values = np.log10(values[values > 0])
            lo, hi = (float(values.min()), float(values.max())) if values.size else (0.0, 1.0)
            if anchor_zero and not log_y:
                lo = min(lo, 0.0)
            if hi - lo < 1e-9:
                lo, hi = lo - 0.5, hi + 0.5
            y_range = (lo, hi)
        wanted = (0.0, max(x_hi, 1.0), *y_range)
        if wanted != self._range:
            self._range = wanted
            self.plot.getPlotItem().setRange(xRange=wanted[:2], yRange=wanted[2:], padding=0.03)
