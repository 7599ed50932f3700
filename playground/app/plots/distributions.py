"""Gradient (or weight) distributions: the current histogram and the distribution over time.

Top: the selected parameter's histogram over a range that follows growth at once and shrinks
slowly, so a vanishing gradient is a spike that narrows and an exploding one fills the range.
Bottom: TensorBoard's "distributions": shaded bands between the quantiles (min/max, ±1.5σ, ±1σ,
±0.5σ of a normal) and the median, against the epoch.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from playground.app.names import parameter_label
from playground.app.plots.selection import ParameterSelection
from playground.core.snapshot import Distribution, ParamStats, Snapshot

BAND_ALPHAS = (55, 85, 125, 175)
"""Outer to inner quantile bands."""


class DistributionView(QWidget):
    def __init__(self, selection: ParameterSelection, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("distributions")
        self.selection = selection
        self.what = "grad"
        self.param_box = selection.combo(self)
        self.what_box = QComboBox(objectName="distributionOf")
        self.what_box.addItem(self.tr("Gradients"), "grad")
        self.what_box.addItem(self.tr("Weights"), "weight")
        self.what_box.currentIndexChanged.connect(lambda _i: self.set_what(self.what_box.currentData()))
        bar = QHBoxLayout()
        bar.setContentsMargins(6, 2, 6, 0)
        bar.addWidget(QLabel(self.tr("<b>Distributions</b>")))
        bar.addStretch(1)
        bar.addWidget(self.param_box)
        bar.addWidget(self.what_box)
        self.histogram = pg.PlotWidget()
        self.histogram.setMinimumHeight(110)
        h = self.histogram.getPlotItem()
        h.setMenuEnabled(False)
        h.hideButtons()
        h.setMouseEnabled(False, False)
        h.getAxis("left").setLabel(self.tr("count"))
        h.getAxis("bottom").enableAutoSIPrefix(False)
        self.bars = pg.PlotCurveItem(fillLevel=0, brush=pg.mkBrush(8, 119, 189, 150),
                                     pen=pg.mkPen("#0877bd", width=1))
        h.addItem(self.bars)
        self.zero = pg.InfiniteLine(0, angle=90, pen=pg.mkPen("#909090", style=pg.QtCore.Qt.PenStyle.DashLine))
        h.addItem(self.zero)
        self.over_time = pg.PlotWidget()
        self.over_time.setMinimumHeight(120)
        t = self.over_time.getPlotItem()
        t.setMenuEnabled(False)
        t.hideButtons()
        t.setLabel("bottom", self.tr("Epoch"))
        t.getAxis("bottom").enableAutoSIPrefix(False)  # "Epoch (x0.001)" after three steps misleads
        t.getAxis("left").enableAutoSIPrefix(False)
        self.edges = [pg.PlotCurveItem(pen=pg.mkPen(8, 119, 189, 60, width=1)) for _ in range(9)]
        for curve in self.edges:
            t.addItem(curve)
        self.bands = []
        for k, alpha in enumerate(BAND_ALPHAS):
            band = pg.FillBetweenItem(self.edges[k], self.edges[8 - k], brush=pg.mkBrush(8, 119, 189, alpha))
            t.addItem(band)
            self.bands.append(band)
        self.median = t.plot(pen=pg.mkPen("#064f7f", width=1.5))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(bar)
        layout.addWidget(self.histogram, 1)
        layout.addWidget(self.over_time, 1)
        self.note = QLabel(objectName="distributionNote")
        self.note.setStyleSheet("color: #57606a;")
        self.note.setContentsMargins(6, 0, 6, 2)
        layout.addWidget(self.note)
        self.snapshot: Snapshot | None = None
        self.distribution: Distribution | None = None
        selection.changed.connect(lambda _name: self.redraw())

    def set_what(self, what: str) -> None:
        """``grad`` or ``weight``."""
        if what != self.what:
            self.what = what
            index = self.what_box.findData(what)
            if index != self.what_box.currentIndex():
                self.what_box.setCurrentIndex(index)
            self.redraw()

    def update(self, snapshot: Snapshot) -> None:  # type: ignore[override] — a view's one entry point
        if not snapshot.params:
            return
        self.snapshot = snapshot
        self.selection.offer([(p.name, parameter_label(p.label)) for p in snapshot.params])
        if snapshot.distribution is not None:
            self.distribution = snapshot.distribution
        self.redraw()

    def current(self) -> ParamStats | None:
        if self.snapshot is None:
            return None
        return next((p for p in self.snapshot.params if p.name == self.selection.name), None)

    def redraw(self) -> None:
        stats = self.current()
        if stats is None:
            return
        counts, edges = ((stats.hist_counts, stats.hist_edges) if self.what == "grad"
                         else (stats.weight_hist_counts, stats.weight_hist_edges))
        if len(edges) == len(counts) + 1 and len(counts):
            self.bars.setData(edges, counts.astype(float), stepMode="center")
            limit = float(edges[-1]) or 1.0
            self.histogram.getPlotItem().setRange(xRange=(-limit, limit), yRange=(0, max(1, counts.max())),
                                                  padding=0.02)
        self.histogram.getPlotItem().setLabel(
            "bottom", self.tr("gradient of {0}").format(parameter_label(stats.label)) if self.what == "grad"
            else self.tr("values of {0}").format(parameter_label(stats.label)))
        d = self.distribution
        if d is None or d.name != stats.name or not len(d.step):
            for curve in [*self.edges, self.median]:
                curve.setData([], [])
            return
        q = d.grad if self.what == "grad" else d.weight
        for k, curve in enumerate(self.edges):
            curve.setData(d.epoch, q[:, k])
        self.median.setData(d.epoch, q[:, 4])
        finite = q[np.isfinite(q)]
        if finite.size:
            lo, hi = float(finite.min()), float(finite.max())
            if hi - lo < 1e-12:
                lo, hi = lo - 1e-12, hi + 1e-12
            self.over_time.getPlotItem().setRange(xRange=(0, max(float(d.epoch[-1]), 1e-3)), yRange=(lo, hi),
                                                  padding=0.03)
        self.note.setText(self.tr("Quantiles of a fixed sample of 4,096 values") if d.sampled else "")
