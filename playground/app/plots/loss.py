"""Train and test loss against epochs, with a log-scale toggle (losses span decades).

Under the epoch curves, the loss of every batch as a light trace: it moves at every step, so a
long epoch, a single Step or a learning rate that makes the loss jump shows at once.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QWidget

from playground.app.plots.history import HistoryPlot, fmt
from playground.core.snapshot import Snapshot


class LossPlot(HistoryPlot):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plot.getPlotItem().setLabel("left", self.tr("Loss"))
        self.log_y = False
        self._last: Snapshot | None = None
        self.summary.setText(self.tr("<b>Loss</b> &nbsp; {2} train {0} &nbsp;·&nbsp; {3} test {1}").format(
            "–", "–", *self.keys))
        self.batch_curve = pg.PlotDataItem(pen=pg.mkPen(120, 120, 120, 90, width=1), connect="finite",
                                           antialias=False)
        self.batch_curve.setDownsampling(auto=True, method="peak")  # thousands of steps, a few hundred pixels
        self.batch_curve.setClipToView(True)
        self.batch_curve.setZValue(-20)
        self.plot.getPlotItem().addItem(self.batch_curve)
        self.show_batches = True

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
        batches = snapshot.batch_history or {}
        b_epoch, b_loss = batches.get("epoch", np.empty(0)), batches.get("loss", np.empty(0))
        if self.log_y:
            train = np.where(train > 0, train, np.nan)
            test = np.where(test > 0, test, np.nan)
            b_loss = np.where(b_loss > 0, b_loss, np.nan)
        self.batch_curve.setData(b_epoch, b_loss)
        self.batch_curve.setVisible(self.show_batches)
        if len(b_epoch) and (not len(epoch) or b_epoch[-1] > np.nanmax(epoch)):
            epoch_for_range = np.append(epoch, b_epoch[-1])  # the x axis follows the running epoch
            train_for_range = np.append(train, np.nan)
            test_for_range = np.append(test, np.nan)
        else:
            epoch_for_range, train_for_range, test_for_range = epoch, train, test
        self.set_curves(epoch_for_range, train_for_range, test_for_range, log_y=self.log_y, anchor_zero=True)
        m = snapshot.metrics
        if m is not None:
            self.summary.setText(self.tr("<b>Loss</b> &nbsp; {2} train {0} &nbsp;·&nbsp; {3} test {1}").format(
                fmt(m.train_loss), fmt(m.test_loss), *self.keys))
