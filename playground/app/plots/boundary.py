"""The central view: what the model does with its inputs, in the form the data allows.

2-D inputs: heat map of the model over the input plane with the points (and draw mode).
1-D regression: the fitted curve. More inputs: confusion matrix or predicted-vs-actual.
The plane is fixed (no pan/zoom), as in TensorFlow Playground, so clicks can draw points.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPainter, QResizeEvent
from PySide6.QtWidgets import QWidget

from playground.app.plots.diverging import symmetric_limit
from playground.app.plots.legend import ColorLegend
from playground.app.plots.plane import CurveLayer, PlaneLayer, PointsLayer, style_axes
from playground.app.plots.tabular import ConfusionLayer, ParityLayer
from playground.core.data.dataset import Dataset
from playground.core.snapshot import Snapshot

TOP = 6
"""Pixels above a square plot, so its top tick label is not cut."""

PLANE, CURVE, CONFUSION, PARITY, NONE = "plane", "curve", "confusion", "parity", "none"


def mode_for(ds: Dataset) -> str:
    if ds.raw_dim == 2:
        return PLANE
    if ds.raw_dim == 1:
        return CURVE if ds.task == "regression" else NONE
    return CONFUSION if ds.task == "classification" else PARITY


class BoundaryView(QWidget):
    """Model output view; emits draw requests in data coordinates when draw mode is on."""

    pointRequested = Signal(float, float)
    """Left click in draw mode: add a point here."""
    removeRequested = Signal(float, float)
    """Right click in draw mode: remove the point nearest to here."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.widget = pg.PlotWidget(self)
        self.plot_item: pg.PlotItem = self.widget.getPlotItem()
        self.plot_item.setMenuEnabled(False)
        self.plot_item.hideButtons()
        self.plot_item.getViewBox().setMouseEnabled(False, False)
        self.points = PointsLayer(self.plot_item)
        self.layers = {
            PLANE: PlaneLayer(self.plot_item, self.points),
            CURVE: CurveLayer(self.plot_item, self.points),
            CONFUSION: ConfusionLayer(self.plot_item),
            PARITY: ParityLayer(self.plot_item),
        }
        self.message = pg.TextItem(anchor=(0.5, 0.5), color="#606060")
        self.plot_item.addItem(self.message)
        self.mode = ""
        self.dataset: Dataset | None = None
        self.draw_enabled = False
        self.draw_label = 0.0
        self.discretize = False
        self._extent = (-1.0, 1.0, -1.0, 1.0)
        self.legend = ColorLegend()
        """The colour key of the plane (placed by the window, under the plot)."""
        self.legend.bar.tr_unsure = self.tr("unsure")
        self.widget.scene().sigMouseClicked.connect(self._clicked)
        self.setMinimumSize(240, 240)
        self._set_mode(NONE)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        """A square plot area for the input plane and the confusion matrix, centred; else fill."""
        w, h = self.width(), self.height()
        if self.mode not in (PLANE, CONFUSION):
            self.widget.setGeometry(0, 0, w, h)
            return
        axes_w = int(self.plot_item.getAxis("left").width()) + 16
        axes_h = int(self.plot_item.getAxis("bottom").height()) + 16 + TOP
        side = max(min(w - axes_w, h - axes_h), 100)
        pw, ph = min(side + axes_w, w), min(side + axes_h, h)
        self.widget.setGeometry((w - pw) // 2, TOP, pw, ph - TOP)

    # ------------------------------------------------------------------ data and toggles
    def _set_mode(self, mode: str) -> None:
        self.mode = mode
        for name, layer in self.layers.items():
            layer.set_visible(name == mode)
        self.points.set_visible(mode in (PLANE, CURVE))
        self.message.setVisible(mode == NONE)
        # Bilinear scaling smooths the 100×100 heat map like TFP's canvas; matrix cells stay sharp.
        self.widget.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, mode == PLANE)
        self._fit()

    def set_dataset(self, ds: Dataset) -> None:
        """A new engine was built: new points, maybe a new kind of view (rare: no per-frame cost)."""
        self.dataset = ds
        mode = mode_for(ds)
        self._set_mode(mode)
        item = self.plot_item
        if mode in (PLANE, CURVE):
            self._extent = ds.bounds()
            x_label = ds.raw_names[0] if ds.raw_names else "x"
            y_label = ds.raw_names[1] if mode == PLANE and len(ds.raw_names) > 1 else ds.target_name
            style_axes(item, x_label, y_label, lock_aspect=mode == PLANE)
            x0, x1, y0, y1 = self._extent
            item.setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0)
        elif mode == CONFUSION:
            style_axes(item, self.tr("Predicted class"), self.tr("Actual class"), False, invert_y=True)
            k = ds.n_classes or 2
            item.setRange(xRange=(-0.5, k - 0.5), yRange=(-0.5, k - 0.5), padding=0)
        elif mode == PARITY:
            style_axes(item, self.tr("Actual {0}").format(ds.target_name),
                       self.tr("Predicted {0}").format(ds.target_name), True)
            lo, hi = self.layers[PARITY].range
            item.setRange(xRange=(lo, hi), yRange=(lo, hi), padding=0)
        else:
            style_axes(item, ds.raw_names[0] if ds.raw_names else "x", "", False)
            self.message.setText(self.tr("No picture for one-input classification yet"))
            self.message.setPos(0.5, 0.5)
            item.setRange(xRange=(0, 1), yRange=(0, 1), padding=0)
        layer = self.layers.get(mode)
        if layer is not None:
            layer.set_dataset(ds)
            layer.set_discretize(self.discretize)
        self._show_key()
        self.widget.setCursor(Qt.CursorShape.CrossCursor if self._can_draw() else Qt.CursorShape.ArrowCursor)

    def update(self, snapshot: Snapshot) -> None:  # type: ignore[override] — a view's one entry point
        layer = self.layers.get(self.mode)
        if layer is not None:
            layer.update(snapshot)

    def show_neuron(self, values: np.ndarray | None) -> None:
        """While the diagram hovers a unit: its map over the input plane, large (2-D inputs only)."""
        layer = self.layers.get(PLANE)
        if self.mode == PLANE and layer is not None:
            extent = self.dataset.bounds() if self.dataset is not None else None
            layer.show_neuron(values, extent)
            self._show_key()

    def _show_key(self) -> None:
        """The legend says what the plane's colours mean now: classes, the regression range, a unit's map."""
        layer, ds = self.layers[PLANE], self.dataset
        self.legend.setVisible(self.mode == PLANE and ds is not None)
        if self.mode != PLANE or ds is None:
            return
        if layer.neuron is not None:
            self.legend.bar.show_diverging(symmetric_limit(layer.neuron))
        elif layer.classification:
            generic = [f"class {k}" for k in range(ds.n_classes or 2)]  # what the built-in sets call them
            names = [self.tr("class {0}").format(k) for k in range(len(generic))] \
                if ds.class_names in (None, generic) else [str(n) for n in ds.class_names]
            self.legend.bar.show_classes(names)
        else:
            self.legend.bar.show_range(*layer.levels)

    @property
    def showing_neuron(self) -> bool:
        return self.mode == PLANE and self.layers[PLANE].neuron is not None

    def set_show_test(self, show: bool) -> None:
        self.points.set_show_test(show)

    @property
    def show_test(self) -> bool:
        return self.points.show_test

    def set_discretize(self, discretize: bool) -> None:
        self.discretize = discretize
        layer = self.layers.get(self.mode)
        if layer is not None:
            layer.set_discretize(discretize)

    def point_count(self) -> int:
        """Data points drawn on the plane (test points count only when shown)."""
        return self.points.count() if self.mode in (PLANE, CURVE) else 0

    # ------------------------------------------------------------------ draw mode
    def set_draw_mode(self, enabled: bool, label: float = 0.0) -> None:
        self.draw_enabled = enabled
        self.draw_label = label
        self.widget.setCursor(Qt.CursorShape.CrossCursor if self._can_draw() else Qt.CursorShape.ArrowCursor)

    def _can_draw(self) -> bool:
        return self.draw_enabled and self.mode in (PLANE, CURVE)

    def _clicked(self, event) -> None:
        if not self._can_draw():
            return
        pos = self.plot_item.getViewBox().mapSceneToView(event.scenePos())
        x, y = float(pos.x()), float(pos.y())
        x0, x1, y0, y1 = self._extent
        if not (x0 <= x <= x1 and y0 <= y <= y1):
            return
        if event.button() == Qt.MouseButton.LeftButton:
            event.accept()
            self.pointRequested.emit(x, y)
        elif event.button() == Qt.MouseButton.RightButton:
            event.accept()
            self.removeRequested.emit(x, y)

    def nearest_point(self, x: float, y: float) -> tuple[str, int] | None:
        """(split, position in that split) of the shown point nearest to (x, y), in plot units."""
        ds = self.dataset
        if ds is None or self.mode not in (PLANE, CURVE):
            return None
        x0, x1, y0, y1 = self._extent
        scale = np.array([x1 - x0 or 1.0, y1 - y0 or 1.0])
        best: tuple[float, str, int] | None = None
        splits = ("train", "test") if self.points.show_test else ("train",)
        for split in splits:
            xs = getattr(ds, f"x_{split}")
            if len(xs) == 0:
                continue
            ys = getattr(ds, f"y_{split}").astype(float)
            pts = xs[:, :2] if self.mode == PLANE else np.column_stack([xs[:, 0], ys])
            d = (((pts - np.array([x, y])) / scale) ** 2).sum(axis=1)
            i = int(d.argmin())
            if best is None or d[i] < best[0]:
                best = (float(d[i]), split, i)
        return None if best is None else (best[1], best[2])
