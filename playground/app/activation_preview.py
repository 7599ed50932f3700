"""Small plots of each activation and its derivative, shown beside the activation choices.

The curves are computed once by PyTorch in the runner (``core.activation_curves``) and drawn here
with QPainter into icons: the function solid, its derivative dashed, over x in [-4, 4].
"""

from __future__ import annotations

from concurrent.futures import Future

import numpy as np
from PySide6.QtCore import QObject, QPointF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap, QPolygonF

from playground.app.training import TrainingController
from playground.core.remote import ACTIVATION_CURVES

ICON_SIZE = QSize(46, 24)
FUNCTION = "#0969da"
DERIVATIVE = "#bc4c00"


def curve_pixmap(x: np.ndarray, y: np.ndarray, dy: np.ndarray, size: QSize = ICON_SIZE,
                 scale: float = 1.0) -> QPixmap:
    """The function (solid) and its derivative (dashed) on one pair of axes, fitted to ``size``."""
    ratio = max(scale, 1.0)
    pixmap = QPixmap(size * ratio)
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    w, h, pad = size.width(), size.height(), 2.0
    lo = min(float(np.min(y)), float(np.min(dy)), -1.0)
    hi = max(float(np.max(y)), float(np.max(dy)), 1.0)

    def point(px: float, py: float) -> QPointF:
        return QPointF(pad + (px - x[0]) / (x[-1] - x[0]) * (w - 2 * pad),
                       h - pad - (py - lo) / (hi - lo) * (h - 2 * pad))

    painter = QPainter(pixmap)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor("#afb8c1"), 0.8))
        painter.drawLine(point(x[0], 0.0), point(x[-1], 0.0))
        painter.drawLine(point(0.0, lo), point(0.0, hi))
        dashed = QPen(QColor(DERIVATIVE), 1.2, Qt.PenStyle.DashLine)
        for values, pen in ((dy, dashed), (y, QPen(QColor(FUNCTION), 1.6))):
            painter.setPen(pen)
            painter.drawPolyline(QPolygonF([point(a, b) for a, b in zip(x, values)]))
    finally:
        painter.end()
    return pixmap


class ActivationPreview(QObject):
    """Asks the runner for the curves once an engine exists, then gives the network panel its icons."""

    _answered = Signal(object)
    iconsReady = Signal(object)
    """``{activation key: QIcon}``."""

    def __init__(self, controller: TrainingController, network_panel: QObject | None) -> None:
        super().__init__(controller)
        self.controller = controller
        self.panel = network_panel
        self.icons: dict[str, QIcon] = {}
        self.curves: dict[str, tuple[np.ndarray, np.ndarray, np.ndarray]] = {}
        self._asked = False
        self._answered.connect(self._show)
        controller.datasetChanged.connect(self._ask)
        if controller.dataset is not None:
            self._ask()

    def _ask(self, *_args: object) -> None:
        if self._asked:
            return
        self._asked = True
        future = self.controller.call_later(ACTIVATION_CURVES)
        future.add_done_callback(self._answered.emit)  # from the reader thread: queued to this one

    def _show(self, future: Future) -> None:
        if future.exception() is not None:
            self._asked = False  # try again with the next engine
            return
        self.curves = future.result()
        self.icons = {key: QIcon(curve_pixmap(*curve, scale=2.0)) for key, curve in self.curves.items()}
        setter = getattr(self.panel, "set_activation_icons", None)
        if setter is not None:
            setter(self.icons, ICON_SIZE)
        self.iconsReady.emit(self.icons)
