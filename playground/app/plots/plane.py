"""Input-plane layers of the boundary view: the 2-D heat map with points, and the 1-D regression fit.

Items are created once per layer; snapshots only ``setImage``/``setData`` them with fixed levels.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt

from playground.app.plots import colors
from playground.app.plots.diverging import colorize, symmetric_limit
from playground.core.data.dataset import Dataset
from playground.core.snapshot import Snapshot

POINT_SIZE = 8


class PointsLayer:
    """Train points (filled, dark outline) and test points (hollow rings), shared by both modes."""

    def __init__(self, plot: pg.PlotItem) -> None:
        self.train = pg.ScatterPlotItem(size=POINT_SIZE, pen=pg.mkPen(colors.OUTLINE, width=1.0),
                                        symbol="o", hoverable=False)
        self.test = pg.ScatterPlotItem(size=POINT_SIZE + 1, brush=pg.mkBrush(255, 255, 255, 170),
                                       symbol="o", hoverable=False)
        self.train.setZValue(10)
        self.test.setZValue(11)
        plot.addItem(self.train)
        plot.addItem(self.test)
        self.show_test = False
        self.test.setVisible(False)

    def set_points(self, x_train: np.ndarray, y_train: np.ndarray, x_test: np.ndarray,
                   y_test: np.ndarray, train_brushes: list, test_pens: list) -> None:
        self.train.setData(x=x_train, y=y_train, brush=train_brushes)
        self.test.setData(x=x_test, y=y_test, pen=test_pens)

    def set_show_test(self, show: bool) -> None:
        self.show_test = show
        self.test.setVisible(show)

    def set_visible(self, visible: bool) -> None:
        self.train.setVisible(visible)
        self.test.setVisible(visible and self.show_test)

    def count(self) -> int:
        """Points drawn: train, plus test when shown."""
        return len(self.train.data) + (len(self.test.data) if self.show_test else 0)


class PlaneLayer:
    """2-D inputs: model output over the input plane as a heat map, with the data on top."""

    def __init__(self, plot: pg.PlotItem, points: PointsLayer) -> None:
        self.points = points
        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setZValue(-10)
        plot.addItem(self.image)
        self.classification = True
        self.levels = (-1.0, 1.0)
        self.discretize = False
        self._last: np.ndarray | None = None
        self._rect: tuple[float, ...] = ()
        self._extent: tuple[float, float, float, float] | None = None
        self.neuron: np.ndarray | None = None
        """A hidden unit's map shown in place of the output while the diagram hovers it."""

    def set_visible(self, visible: bool) -> None:
        self.image.setVisible(visible)

    def set_dataset(self, ds: Dataset) -> None:
        self.classification = ds.task == "classification"
        if self.classification:
            brushes = colors.class_brushes(ds.y_train)
            pens = colors.class_pens(ds.y_test)
        else:
            y = np.concatenate([ds.y_train, ds.y_test]).astype(float)
            lo, hi = (float(y.min()), float(y.max())) if y.size else (-1.0, 1.0)
            self.levels = (lo, hi) if hi > lo else (lo - 1, hi + 1)
            brushes = colors.value_brushes(ds.y_train, self.levels)
            pens = [pg.mkPen(b.color(), width=2.2) for b in colors.value_brushes(ds.y_test, self.levels)]
        self.points.set_points(ds.x_train[:, 0], ds.x_train[:, 1], ds.x_test[:, 0], ds.x_test[:, 1],
                               brushes, pens)
        self._last = None
        self._rect = ()
        self.image.clear()

    def set_discretize(self, discretize: bool) -> None:
        self.discretize = discretize
        if self._last is not None:
            self._draw(self._last)

    def update(self, snapshot: Snapshot) -> None:
        boundary = snapshot.boundary
        if boundary is None:
            return
        self._last = boundary.values
        self._extent = boundary.extent
        if self.neuron is None:
            self._draw(boundary.values)
            self._place(boundary.extent, boundary.values.shape[:2])

    def _place(self, extent: tuple[float, float, float, float], shape: tuple[int, ...]) -> None:
        rect = (*tuple(extent), shape[0], shape[1])
        if rect != self._rect:  # after setImage: the rect scales the image's own size
            self._rect = rect
            x0, x1, y0, y1 = extent
            rows, cols = shape[:2]
            # half a cell of margin: grid values sit at the cell centres
            dx, dy = (x1 - x0) / max(cols - 1, 1), (y1 - y0) / max(rows - 1, 1)
            self.image.setRect(QRectF(x0 - dx / 2, y0 - dy / 2, cols * dx, rows * dy))

    def show_neuron(self, values: np.ndarray | None, extent: tuple[float, float, float, float] | None) -> None:
        """Show a unit's activation map (diverging colours) instead of the output; ``None`` goes back."""
        self.neuron = values
        if values is not None and extent is not None:
            limit = symmetric_limit(values)
            rgba = colorize(values, limit)
            pale = 255 - (255 - rgba[..., :3].astype(np.int32)) * 0.8  # pale: the points stay readable
            rgba[..., :3] = pale.astype(np.uint8)
            self.image.setImage(rgba, autoLevels=False, levels=(0, 255))
            self._place(extent, values.shape)
        elif self._last is not None and self._extent is not None:
            self._draw(self._last)
            self._place(self._extent, self._last.shape[:2])

    def _draw(self, values: np.ndarray) -> None:
        if self.classification:
            rgb = colors.probability_image(values, self.discretize)
        else:
            rgb = colors.value_image(values[:, :, 0], self.levels, self.discretize)
        self.image.setImage(rgb, autoLevels=False, levels=(0, 255))


class CurveLayer:
    """1-D regression: the fitted curve over the data (x against target)."""

    def __init__(self, plot: pg.PlotItem, points: PointsLayer) -> None:
        self.points = points
        self.curve = pg.PlotDataItem(pen=pg.mkPen("#303030", width=3), connect="finite")
        self.curve.setZValue(12)
        plot.addItem(self.curve)

    def set_visible(self, visible: bool) -> None:
        self.curve.setVisible(visible)

    def set_dataset(self, ds: Dataset) -> None:
        train_brush = [pg.mkBrush(colors.TRAIN_CURVE)] * len(ds.y_train)
        test_pen = [pg.mkPen(colors.TEST_CURVE, width=2.2)] * len(ds.y_test)
        self.points.set_points(ds.x_train[:, 0], ds.y_train.astype(float), ds.x_test[:, 0],
                               ds.y_test.astype(float), train_brush, test_pen)
        self.curve.setData([], [])

    def set_discretize(self, discretize: bool) -> None:
        pass

    def update(self, snapshot: Snapshot) -> None:
        if snapshot.curve is not None:
            self.curve.setData(snapshot.curve.xs, snapshot.curve.ys)


def style_axes(plot: pg.PlotItem, x_label: str, y_label: str, lock_aspect: bool,
               invert_y: bool = False) -> None:
    plot.setLabel("bottom", x_label)
    plot.setLabel("left", y_label)
    plot.getViewBox().setAspectLocked(lock_aspect, ratio=1.0)
    plot.getViewBox().invertY(invert_y)
    for name in ("bottom", "left"):
        plot.getAxis(name).setTicks(None)
        plot.getAxis(name).setStyle(tickLength=-5)
    plot.getAxis("left").setPen(pg.mkPen("#606060"))
    plot.getAxis("bottom").setPen(pg.mkPen("#606060"))
    plot.getViewBox().setBorder(pg.mkPen("#b0b0b0", width=1, style=Qt.PenStyle.SolidLine))
