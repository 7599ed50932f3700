"""The built-in 2-D data sets as small pictures, as TensorFlow Playground offers them: click to choose.

Each picture is the data set itself (its points in their class or value colours), drawn once per
process. A click changes the data set the way the data panel's list does (``choose_kind``), so the
loss stays consistent and the change is one undoable edit.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache, partial

import numpy as np
from PySide6.QtCore import QCoreApplication, QPointF, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QGridLayout, QToolButton, QWidget

from playground.app.document import ExperimentDocument
from playground.app.plots.colors import CLASS_HEX, DIVERGING
from playground.core.data import make_dataset
from playground.core.spec import ONE_D_KINDS, SYNTHETIC_KINDS, DataSpec, Experiment

THUMBNAIL = 40
"""Pixels per picture side."""
PER_ROW = 5


def thumbnail_kinds() -> list[str]:
    return [kind for kind in SYNTHETIC_KINDS if kind not in ONE_D_KINDS]


@cache
def thumbnail(kind: str, size: int = THUMBNAIL) -> QPixmap:
    """A picture of data set ``kind``: 200 points, a little noise, seed 0."""
    ds = make_dataset(DataSpec(kind=kind, samples=200, noise=0.05))
    x = np.concatenate([ds.x_train, ds.x_test])[:, :2]
    y = np.concatenate([ds.y_train, ds.y_test]).astype(float).ravel()
    x0, x1, y0, y1 = ds.bounds()
    px = (x[:, 0] - x0) / ((x1 - x0) or 1.0) * (size - 4) + 2
    py = (1.0 - (x[:, 1] - y0) / ((y1 - y0) or 1.0)) * (size - 4) + 2
    if ds.task == "classification":
        colors = [QColor(CLASS_HEX[int(k) % len(CLASS_HEX)]) for k in y]
    else:
        t = (y - y.min()) / ((y.max() - y.min()) or 1.0)
        colors = [QColor(*c[:3]) for c in DIVERGING.map(t, mode="byte").tolist()]
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor("#ffffff"))
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    for cx, cy, color in zip(px, py, colors):
        painter.setBrush(color)
        painter.drawEllipse(QPointF(cx, cy), 1.3, 1.3)
    painter.end()
    return pixmap


class DataThumbnails(QWidget):
    def __init__(self, document: ExperimentDocument, choose_kind: Callable[[str], None],
                 labels: dict[str, str], parent: QWidget | None = None) -> None:
        """``labels``: each kind's name as the data panel shows it (its tooltip here)."""
        super().__init__(parent)
        self.setObjectName("dataThumbnails")
        self.document = document
        grid = QGridLayout(self)
        grid.setContentsMargins(4, 2, 4, 2)
        grid.setSpacing(2)
        self.buttons: dict[str, QToolButton] = {}
        for i, kind in enumerate(thumbnail_kinds()):
            button = QToolButton(objectName=f"thumbnail_{kind}")
            button.setCheckable(True)
            button.setAutoRaise(True)
            button.setIcon(QIcon(thumbnail(kind)))
            button.setIconSize(QSize(THUMBNAIL, THUMBNAIL))
            button.setToolTip(QCoreApplication.translate("DataPanel", labels.get(kind, kind)))
            button.clicked.connect(partial(self._clicked, kind, choose_kind))
            grid.addWidget(button, i // PER_ROW, i % PER_ROW)
            self.buttons[kind] = button
        grid.setColumnStretch(PER_ROW, 1)
        document.changed.connect(lambda experiment, _sections: self.show_kind(experiment))
        self.show_kind(document.experiment)

    def _clicked(self, kind: str, choose_kind: Callable[[str], None], _checked: bool = False) -> None:
        choose_kind(kind)
        self.show_kind(self.document.experiment)  # a refused change leaves the current set checked

    def show_kind(self, experiment: Experiment) -> None:
        for kind, button in self.buttons.items():
            button.setChecked(kind == experiment.data.kind)
