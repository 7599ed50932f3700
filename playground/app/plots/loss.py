"""Train and test loss against epochs, with a log-scale toggle (losses span decades)."""

from __future__ import annotations

import numpy as np
from PySide6.QtWidgets import QWidget

from playground.app.plots.history import HistoryPlot, fmt
from playground.core.snapshot import Snapshot


class LossPlot(HistoryPlot):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plot.getPlotItem().setLabel("left", self.tr("Loss"))
        self.log_y = False
        self._last: Snapshot | None = None
        self.summary.setText(self.tr("<b>Loss</b>"))

    def set_log(self, log_y: bool) -> None:
        """Log-scale y; non-positive losses are simply not drawn."""
        if log_y == self.log_y:
            return
        self.log_y = log_y
        self.plot.getPlotItem().setLogMode(x=False, y=log_y)
        self._range = ()
        if self._last is not None:
            self.draw(self._last)

    def draw(self, snapshot: Snapshot) -> None:
        self._last = snapshot
        epoch, train, test = self._columns(snapshot.history, "train_loss", "test_loss")
        if self.log_y:
            train = np.where(train > 0, train, np.nan)
            test = np.where(test > 0, test, np.nan)
        self.set_curves(epoch, train, test, log_y=self.log_y, anchor_zero=True)
        m = snapshot.metrics
        if m is not None:
            self.summary.setText(self.tr("<b>Loss</b> &nbsp; train {0} &nbsp;·&nbsp; test {1}").format(
                fmt(m.train_loss), fmt(m.test_loss)))
