"""Numbers in the cells of a heat map, painted by one graphics item.

A ``pg.TextItem`` per cell lays out rich text on every ``setText`` and is one more item for the
scene to paint: 48 of them cost the inspector ≈ 10 ms per frame. This item keeps the strings and
draws them all in one ``paint`` at fixed pixel size (text does not scale with the view).
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter

BOX = QRectF(-40, -9, 80, 18)
"""The pixel box each number is centred in."""


class CellNumbers(pg.GraphicsObject):
    def __init__(self, color: str = "#202020") -> None:
        super().__init__()
        self._cells: list[tuple[float, float, str]] = []
        self._bounds = QRectF()
        self._color = QColor(color)

    def set_cells(self, cells: list[tuple[float, float, str]]) -> None:
        """(x, y, text) per cell, x and y in the view's coordinates (cell centres)."""
        if cells == self._cells:
            return
        self.prepareGeometryChange()
        self._cells = cells
        if cells:
            xs = [c[0] for c in cells]
            ys = [c[1] for c in cells]
            self._bounds = QRectF(min(xs) - 0.5, min(ys) - 0.5, max(xs) - min(xs) + 1, max(ys) - min(ys) + 1)
        else:
            self._bounds = QRectF()
        self.update()

    def texts(self) -> list[str]:
        return [c[2] for c in self._cells]

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(self, painter: QPainter, *_args: object) -> None:
        if not self._cells:
            return
        transform = painter.transform()
        painter.resetTransform()  # pixels from here: the numbers keep their size whatever the zoom
        painter.setPen(self._color)
        for x, y, text in self._cells:
            centre = transform.map(QPointF(x, y))
            painter.drawText(BOX.translated(centre), Qt.AlignmentFlag.AlignCenter, text)
        painter.setTransform(transform)
