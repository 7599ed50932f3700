"""Draw a digit: a ``side × side`` canvas painted with the mouse, and the model's class probabilities.

Left button paints (a soft brush: the pixel to full ink, its four neighbours part of the way, as pen
strokes look in the 8×8 digits), right button erases. Every change emits ``changed``; the image views
ask the runner for the probabilities and hand them back with ``set_probabilities``.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPaintEvent, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

NEIGHBOUR_INK = 0.35
"""What the brush adds to the four pixels beside the one under the mouse."""


def grey_pixmap(image: np.ndarray, scale: int, ink: bool = False) -> QPixmap:
    """A ``side × side`` image in [0, 1] as a grey pixmap, each pixel a ``scale``-wide square.

    ``ink``: 1 means ink (the digits), drawn dark on white as on paper; else 1 is white (photos).
    """
    values = np.clip(image, 0.0, 1.0)
    grey = np.ascontiguousarray(((1.0 - values if ink else values) * 255).astype(np.uint8))
    side = grey.shape[0]
    qimage = QImage(grey.data, side, side, side, QImage.Format.Format_Grayscale8).copy()
    return QPixmap.fromImage(qimage.scaled(side * scale, side * scale))


class ProbabilityBars(pg.PlotWidget):
    """Class probabilities as bars (0 to 1), the most likely class drawn darker."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setBackground("w")
        self.setMouseEnabled(False, False)
        self.setYRange(0, 1, padding=0.02)
        self.hideButtons()
        self.setMenuEnabled(False)
        self.setMinimumHeight(110)
        self.bars = pg.BarGraphItem(x=[], height=[], width=0.7, brush="#0877bd")
        self.addItem(self.bars)
        self.values = np.zeros(0)

    def set_probabilities(self, values: np.ndarray, class_names: list[str]) -> None:
        self.values = np.asarray(values, dtype=np.float64)
        x = np.arange(len(self.values))
        best = int(np.argmax(self.values)) if len(self.values) else -1
        brushes = [pg.mkBrush("#0b4f7c" if i == best else "#8cbfe0") for i in x]
        self.bars.setOpts(x=x, height=self.values, brushes=brushes)
        self.getAxis("bottom").setTicks([[(i, name[:8]) for i, name in enumerate(class_names)]])
        self.setXRange(-0.6, max(len(self.values), 1) - 0.4, padding=0)


class DigitCanvas(QWidget):
    """The pixels in [0, 1], drawn black on white as large squares."""

    changed = Signal()

    def __init__(self, side: int = 8, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("digitCanvas")
        self.image = np.zeros((side, side))
        self.setMinimumSize(160, 160)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setToolTip(self.tr("Paint with the left mouse button, erase with the right"))
        self._last: tuple[int, int] | None = None
        self.ink = True
        """Pixel value 1 is ink, drawn black (the digits); else 1 is white (image folders)."""

    @property
    def side(self) -> int:
        return int(self.image.shape[0])

    def set_side(self, side: int) -> None:
        if side != self.side:
            self.image = np.zeros((side, side))
            self.update()

    def clear(self) -> None:
        self.image[:] = 0.0
        self.update()
        self.changed.emit()

    def sizeHint(self) -> QSize:
        return QSize(240, 240)

    def _square(self) -> QRect:
        size = min(self.width(), self.height())
        return QRect((self.width() - size) // 2, (self.height() - size) // 2, size, size)

    def cell_at(self, point: QPoint) -> tuple[int, int] | None:
        """The (row, column) under a point of the widget, or ``None`` outside the canvas."""
        square = self._square()
        if not square.contains(point):
            return None
        cell = square.width() / self.side
        return (min(int((point.y() - square.top()) / cell), self.side - 1),
                min(int((point.x() - square.left()) / cell), self.side - 1))

    def cell_centre(self, row: int, col: int) -> QPoint:
        square = self._square()
        cell = square.width() / self.side
        return QPoint(int(square.left() + (col + 0.5) * cell), int(square.top() + (row + 0.5) * cell))

    def paint_at(self, row: int, col: int, erase: bool = False) -> None:
        if erase:
            self.image[row, col] = 0.0
        else:
            self.image[row, col] = 1.0
            for r, c in ((row - 1, col), (row + 1, col), (row, col - 1), (row, col + 1)):
                if 0 <= r < self.side and 0 <= c < self.side:
                    self.image[r, c] = min(1.0, self.image[r, c] + NEIGHBOUR_INK)
        self.update()
        self.changed.emit()

    def _mouse(self, event: QMouseEvent) -> None:
        cell = self.cell_at(event.position().toPoint())
        if cell is None or cell == self._last:
            return
        self._last = cell
        self.paint_at(*cell, erase=bool(event.buttons() & Qt.MouseButton.RightButton))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._last = None
        self._mouse(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if event.buttons() & (Qt.MouseButton.LeftButton | Qt.MouseButton.RightButton):
            self._mouse(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._last = None

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        square = self._square()
        cell = square.width() / self.side
        for r in range(self.side):
            for c in range(self.side):
                value = self.image[r, c]
                level = int(255 * (1.0 - value if self.ink else value))
                rect = QRect(int(square.left() + c * cell), int(square.top() + r * cell),
                             int(cell) + 1, int(cell) + 1)
                painter.fillRect(rect, QColor(level, level, level))
        painter.setPen(QColor("#d0d7de"))
        painter.drawRect(square.adjusted(0, 0, -1, -1))
        painter.end()


class DrawDigitView(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.canvas = DigitCanvas()
        self.canvas.changed.connect(self.changed)
        self.clear = QPushButton(self.tr("Clear"), objectName="clearDigit")
        self.clear.clicked.connect(self.canvas.clear)
        self.answer = QLabel(self.tr("Paint a digit: the network's answer appears here."), objectName="drawAnswer")
        self.answer.setWordWrap(True)
        self.bars = ProbabilityBars()
        self.class_names: list[str] = []
        left = QVBoxLayout()
        left.addWidget(self.canvas, 1)
        left.addWidget(self.clear)
        right = QVBoxLayout()
        right.addWidget(self.answer)
        right.addWidget(self.bars, 1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(left, 1)
        layout.addLayout(right, 1)

    def set_side(self, side: int, class_names: list[str], ink: bool = True) -> None:
        self.canvas.set_side(side)
        self.canvas.ink = ink
        self.class_names = class_names

    def pixels(self) -> np.ndarray:
        return self.canvas.image.copy()

    def set_probabilities(self, values: np.ndarray, class_names: list[str]) -> None:
        self.bars.set_probabilities(values, class_names)
        best = int(np.argmax(values))
        self.answer.setText(self.tr("The network reads {0} ({1:.0%} sure)").format(class_names[best], values[best]))
