"""One variant in the Compare window: a small decision boundary with the test points, titled with
the variant's value, current test accuracy and epoch."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from playground.app.plots.colors import OUTLINE, class_color, probability_image, value_brushes, value_image


class VariantTile(QWidget):
    """A small decision boundary with its title: value and current test accuracy.

    The picture is a scaled ``QPixmap`` in a label, not a plot: eight plot widgets repainting at 10 Hz
    kept the event loop 200 ms late; eight pixmaps cost a few milliseconds.
    """

    SIZE = 150

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(self)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture = QLabel(self)
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setMinimumSize(self.SIZE, self.SIZE)
        self.picture.setStyleSheet("QLabel { background: white; border: 1px solid #d8dee4; }")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.setSpacing(0)
        layout.addWidget(self.title)
        layout.addWidget(self.picture, 1)
        self._text = ""
        self._rgb: np.ndarray | None = None
        self.points: tuple[np.ndarray, np.ndarray, str] | None = None
        """Test points ``(xy, targets, task)`` drawn over the boundary (set once a comparison)."""
        self._layer: QPixmap | None = None
        self._layer_key: tuple = ()
        self._drawn: tuple[int, int] = (-1, 0)
        """The epoch and size of the picture shown."""

    def set_points(self, points: tuple[np.ndarray, np.ndarray, str] | None) -> None:
        self.points = points
        self._layer, self._layer_key = None, ()

    def _points_layer(self, side: int, extent: tuple[float, float, float, float]) -> QPixmap | None:
        """The test points as a transparent picture, drawn once per size and plane (not per frame)."""
        if self.points is None:
            return None
        key = (side, tuple(extent))
        if key == self._layer_key and self._layer is not None:
            return self._layer
        xy, targets, task = self.points
        x0, x1, y0, y1 = extent
        px = (xy[:, 0] - x0) / ((x1 - x0) or 1.0) * side
        py = (y1 - xy[:, 1]) / ((y1 - y0) or 1.0) * side
        if task == "classification":
            brushes = [class_color(int(k)) for k in targets]
        else:
            t = targets.astype(float)
            levels = (float(t.min()), float(t.max())) if t.size else (0.0, 1.0)
            brushes = [b.color() for b in value_brushes(t, levels)]
        layer = QPixmap(side, side)
        layer.fill(Qt.GlobalColor.transparent)
        painter = QPainter(layer)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor(OUTLINE), 0.6))
        radius = 2.2 if side >= 120 else 1.6
        for x, y, colour in zip(px.tolist(), py.tolist(), brushes):
            painter.setBrush(colour)
            painter.drawEllipse(QPointF(x, y), radius, radius)
        painter.end()
        self._layer, self._layer_key = layer, key
        return layer

    def point_count(self) -> int:
        """Points drawn on the tile (tests)."""
        return 0 if self.points is None or self._layer is None else len(self.points[0])

    def show_variant(self, variant: Any, colour: tuple[int, int, int]) -> None:
        m = variant.test_metric
        if variant.metric_name == "accuracy":
            value = "–" if not math.isfinite(m) else f"{100 * m:.1f} %"
        else:
            value = "–" if not math.isfinite(m) else f"R² {m:.3f}"
        status = f" · {variant.error}" if variant.error else ""
        r, g, b = colour
        text = (f"<span style='color:rgb({r},{g},{b})'><b>{variant.label}</b></span> — "
                f"{self.tr('test')} {value} · {self.tr('epoch')} {variant.epoch}{status}")
        if text != self._text:
            self._text = text
            self.title.setText(text)
        boundary = variant.boundary
        side = max(32, min(self.picture.width(), self.picture.height()) - 2)
        if boundary is None or (variant.epoch, side) == self._drawn:
            return  # nothing new (a finished or stopped variant): no picture to remake
        self._drawn = (variant.epoch, side)
        values = boundary.values
        if values.shape[2] == 1:
            v = values[:, :, 0]
            finite = v[np.isfinite(v)]
            levels = (float(finite.min()), float(finite.max())) if finite.size else (0.0, 1.0)
            rgb = value_image(v, levels)
        else:
            rgb = probability_image(values)
        self._rgb = np.ascontiguousarray(rgb[::-1])  # row 0 is the lowest y; an image's is the top
        h, w = self._rgb.shape[:2]
        image = QImage(self._rgb.data, w, h, 3 * w, QImage.Format.Format_RGB888)
        picture = QPixmap.fromImage(image).scaled(side, side, Qt.AspectRatioMode.IgnoreAspectRatio,
                                                  Qt.TransformationMode.SmoothTransformation)
        layer = self._points_layer(side, boundary.extent)
        if layer is not None:
            painter = QPainter(picture)
            painter.drawPixmap(0, 0, layer)
            painter.end()
        self.picture.setPixmap(picture)
