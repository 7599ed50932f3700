"""Accuracy (classification, in %) or R² (regression) against epochs, train and test."""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtWidgets import QWidget

from playground.app.plots.history import HistoryPlot, fmt
from playground.core.snapshot import Snapshot


class MetricPlot(HistoryPlot):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.metric_name = ""
        self.plot.getPlotItem().setLabel("left", self.tr("Accuracy (%)"))
        self.summary.setText(self.tr("<b>{0}</b> &nbsp; {3} train {1} &nbsp;·&nbsp; {4} test {2}").format(
            self.tr("Accuracy"), "–", "–", *self.keys))

    def _set_metric(self, name: str) -> None:
        """Axis and range change only when the task does (rare), never per frame."""
        self.metric_name = name
        self.plot.getPlotItem().setLabel("left", self.tr("Accuracy (%)") if name == "accuracy" else self.tr("R²"))

    def title(self) -> str:
        return self.tr("Accuracy") if self.metric_name == "accuracy" else self.tr("R²")

    def draw(self, snapshot: Snapshot) -> None:
        m = snapshot.metrics
        if m is None:
            return
        if m.metric_name != self.metric_name:
            self._set_metric(m.metric_name)
        epoch, train, test = self._columns(snapshot.history, "train_metric", "test_metric")
        if m.metric_name == "accuracy":
            train, test = 100 * train, 100 * test
        else:  # an untrained net's R² can be -1000: keep the useful range in view
            train, test = np.maximum(train, -1.0), np.maximum(test, -1.0)
        self.set_curves(epoch, train, test, y_range=(0.0, 100.0) if m.metric_name == "accuracy" else None)
        percent = m.metric_name == "accuracy"
        self.summary.setText(self.tr("<b>{0}</b> &nbsp; {3} train {1} &nbsp;·&nbsp; {4} test {2}").format(
            self.title(), fmt(m.train_metric, percent), fmt(m.test_metric, percent), *self.keys))

    def train_value(self) -> float:
        """The latest train metric drawn (NaN before any)."""
        data = self.train_curve.yData
        if data is None or len(data) == 0:
            return math.nan
        return float(data[-1])
