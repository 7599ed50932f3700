"""Views for more than two inputs, where no input plane exists: confusion matrix or predicted-vs-actual."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF
from PySide6.QtGui import QFont

from playground.app.plots import colors
from playground.core.data.dataset import Dataset
from playground.core.snapshot import Snapshot

_BLUES = pg.ColorMap(pos=np.array([0.0, 1.0]), color=np.array([[255, 255, 255], [8, 119, 189]], dtype=np.ubyte))


class ConfusionLayer:
    """Test-set confusion matrix: rows are the true class, columns the predicted one; counts in cells."""

    def __init__(self, plot: pg.PlotItem) -> None:
        self.plot = plot
        self.image = pg.ImageItem(axisOrder="row-major")
        plot.addItem(self.image)
        self.texts: list[pg.TextItem] = []
        self.k = 0
        self.names: list[str] = []

    def set_visible(self, visible: bool) -> None:
        self.image.setVisible(visible)
        for t in self.texts:
            t.setVisible(visible)

    def set_dataset(self, ds: Dataset) -> None:
        k = ds.n_classes or 2
        names = list(ds.class_names or [str(i) for i in range(k)])
        if k != self.k:  # text items are made again only when the class count changes
            for t in self.texts:
                self.plot.removeItem(t)
            font = QFont()
            font.setPointSize(16 if k <= 4 else 12 if k <= 7 else 9)
            self.texts = []
            for _ in range(k * k):
                t = pg.TextItem(anchor=(0.5, 0.5), color="#202020")
                t.setFont(font)
                self.plot.addItem(t)
                self.texts.append(t)
            self.k = k
            for i in range(k):
                for j in range(k):
                    self.texts[i * k + j].setPos(j, i)
        self.names = names
        ticks = [[(i, n) for i, n in enumerate(names)]]
        self.plot.getAxis("bottom").setTicks(ticks)
        self.plot.getAxis("left").setTicks(ticks)
        self.update_matrix(np.zeros((k, k)))
        self.image.setRect(QRectF(-0.5, -0.5, k, k))  # after setImage: scales the image's own size

    def set_discretize(self, discretize: bool) -> None:
        pass

    def update(self, snapshot: Snapshot) -> None:
        p = snapshot.predictions
        if p is None or self.k == 0:
            return
        k = self.k
        true = np.clip(p.y_true.astype(int), 0, k - 1)
        pred = np.clip(p.y_pred.astype(int), 0, k - 1)
        matrix = np.zeros((k, k))
        np.add.at(matrix, (true, pred), 1)
        self.update_matrix(matrix)

    def update_matrix(self, matrix: np.ndarray) -> None:
        rows = matrix.sum(axis=1, keepdims=True)
        share = np.divide(matrix, rows, out=np.zeros_like(matrix), where=rows > 0)
        rgb = _BLUES.map(share.ravel() * 0.85, mode="byte")[:, :3].reshape(self.k, self.k, 3)
        self.image.setImage(rgb.astype(np.uint8), autoLevels=False, levels=(0, 255))
        for i in range(self.k):
            for j in range(self.k):
                t = self.texts[i * self.k + j]
                t.setText(str(int(matrix[i, j])))
                t.setColor("#ffffff" if share[i, j] > 0.6 else "#202020")

    def counts(self) -> np.ndarray:
        """The matrix as shown (tests)."""
        return np.array([[int(self.texts[i * self.k + j].toPlainText()) for j in range(self.k)]
                         for i in range(self.k)])


class ParityLayer:
    """Regression with more than two inputs: predicted against actual test values, with y = x."""

    def __init__(self, plot: pg.PlotItem) -> None:
        self.scatter = pg.ScatterPlotItem(size=7, pen=pg.mkPen(colors.OUTLINE, width=0.8),
                                          brush=pg.mkBrush(colors.TRAIN_CURVE))
        self.diagonal = pg.PlotDataItem(pen=pg.mkPen("#909090", width=2, style=pg.QtCore.Qt.PenStyle.DashLine))
        plot.addItem(self.diagonal)
        plot.addItem(self.scatter)
        self.range = (0.0, 1.0)

    def set_visible(self, visible: bool) -> None:
        self.scatter.setVisible(visible)
        self.diagonal.setVisible(visible)

    def set_dataset(self, ds: Dataset) -> None:
        y = np.concatenate([ds.y_train, ds.y_test]).astype(float)
        lo, hi = (float(y.min()), float(y.max())) if y.size else (0.0, 1.0)
        pad = (hi - lo) * 0.08 or 1.0
        self.range = (lo - pad, hi + pad)
        self.diagonal.setData(list(self.range), list(self.range))
        self.scatter.setData([], [])

    def set_discretize(self, discretize: bool) -> None:
        pass

    def update(self, snapshot: Snapshot) -> None:
        p = snapshot.predictions
        if p is not None:
            self.scatter.setData(p.y_true, p.y_pred)
