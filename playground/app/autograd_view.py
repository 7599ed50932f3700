"""The autograd graph drawn natively: boxes and arrows in a QGraphicsScene, exportable as SVG.

The graph (``core.autograd_graph``) is read in the runner from ``loss.grad_fn`` and laid out in
rows there; this view only draws it: the loss at the top, arrows the way gradients flow, parameters
(``AccumulateGrad``) in blue with their names and shapes. It is read again when the model, the loss
or the data change and the view is visible.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import (
    QFileDialog,
    QGraphicsScene,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from playground.app.training import TrainingController
from playground.core.maths_types import AutogradGraph, GraphNode
from playground.core.protocol import RemoteError
from playground.core.remote import AUTOGRAD_GRAPH
from playground.core.status import TRAINING

BOX_W, BOX_H, GAP_X, GAP_Y = 170.0, 42.0, 22.0, 34.0
FILL = {"loss": "#ffebe9", "param": "#ddf4ff", "op": "#f6f8fa"}
EDGE = {"loss": "#cf222e", "param": "#0969da", "op": "#8c959f"}


class AutogradView(QWidget):
    def __init__(self, controller: TrainingController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("autogradView")
        self.controller = controller
        self.graph: AutogradGraph | None = None
        self.scene = QGraphicsScene(self)
        self.view = QGraphicsView(self.scene, objectName="autogradCanvas")
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.note = QLabel(objectName="autogradNote")
        self.note.setWordWrap(True)
        refresh = QPushButton(self.tr("Refresh"), objectName="autogradRefresh")
        refresh.clicked.connect(self.refresh)
        self.export_button = QPushButton(self.tr("Export SVG…"), objectName="autogradExport")
        self.export_button.clicked.connect(self._export_dialog)
        row = QHBoxLayout()
        row.addWidget(self.note, 1)
        row.addWidget(refresh)
        row.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(row)
        layout.addWidget(self.view, 1)
        self._stale = True
        controller.datasetChanged.connect(self._changed)

    def _changed(self, *_args: Any) -> None:
        self._stale = True
        if self.isVisible():
            QTimer.singleShot(0, self.refresh)

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self._stale:
            QTimer.singleShot(0, self.refresh)

    def refresh(self) -> None:
        if self.controller.dataset is None:
            return
        if self.controller.state == TRAINING:
            self.note.setText(self.tr("Pause training to read the graph."))
            return
        try:
            graph = self.controller.call(AUTOGRAD_GRAPH, None)
        except RemoteError as exc:  # an error, a timeout or a dead runner
            self.note.setText(str(exc))
            return
        self._stale = False
        self.show_graph(graph)

    # ------------------------------------------------------------------ drawing
    def show_graph(self, graph: AutogradGraph) -> None:
        self.graph = graph
        self.scene.clear()
        centres = {n.id: self._centre(n) for n in graph.nodes}
        for a, b in graph.edges:
            self._arrow(centres[a], centres[b])
        for node in graph.nodes:
            self._box(node, centres[node.id])
        self.scene.setSceneRect(self.scene.itemsBoundingRect().adjusted(-12, -12, 12, 12))
        self._fit()
        params = sum(1 for n in graph.nodes if n.parameter)
        self.note.setText(self.tr("{0} backward functions, {1} parameters: gradients flow from the loss "
                                  "(top) to the parameters (blue).").format(len(graph.nodes) - params, params))

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        """Shrink a graph wider than the view to its width (never enlarge): a 32-layer net still scrolls down."""
        width = self.scene.sceneRect().width()
        scale = min(1.0, self.view.viewport().width() / width) if width > 0 else 1.0
        self.view.resetTransform()
        self.view.scale(scale, scale)

    @staticmethod
    def _centre(node: GraphNode) -> QPointF:
        return QPointF(node.column * (BOX_W + GAP_X) + BOX_W / 2, node.row * (BOX_H + GAP_Y) + BOX_H / 2)

    def _box(self, node: GraphNode, centre: QPointF) -> None:
        kind = "loss" if node.row == 0 else "param" if node.parameter else "op"
        rect = QRectF(centre.x() - BOX_W / 2, centre.y() - BOX_H / 2, BOX_W, BOX_H)
        path = QPainterPath()
        path.addRoundedRect(rect, 6, 6)
        item = self.scene.addPath(path, QPen(QColor(EDGE[kind]), 1.4), QBrush(QColor(FILL[kind])))
        item.setToolTip(node.label)
        item.setData(0, node.name)
        text = self.scene.addText(node.label)
        font = QFont(text.font())
        font.setPointSizeF(8.5)
        text.setFont(font)
        text.setTextWidth(BOX_W)
        option = text.document().defaultTextOption()
        option.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        text.document().setDefaultTextOption(option)
        size = text.boundingRect()
        text.setPos(rect.left(), centre.y() - size.height() / 2)

    def _arrow(self, start: QPointF, end: QPointF) -> None:
        a = QPointF(start.x(), start.y() + BOX_H / 2)
        b = QPointF(end.x(), end.y() - BOX_H / 2)
        pen = QPen(QColor("#57606a"), 1.2)
        self.scene.addLine(a.x(), a.y(), b.x(), b.y(), pen)
        direction = b - a
        length = max((direction.x() ** 2 + direction.y() ** 2) ** 0.5, 1e-9)
        ux, uy = direction.x() / length, direction.y() / length
        head = QPolygonF([b, QPointF(b.x() - 8 * ux + 4 * uy, b.y() - 8 * uy - 4 * ux),
                          QPointF(b.x() - 8 * ux - 4 * uy, b.y() - 8 * uy + 4 * ux)])
        self.scene.addPolygon(head, pen, QBrush(QColor("#57606a")))

    # ------------------------------------------------------------------ export
    def _export_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export autograd graph"), "autograd.svg",
                                              self.tr("SVG drawing (*.svg)"))
        if path:
            self.export_svg(path if path.lower().endswith(".svg") else path + ".svg")

    def export_svg(self, path: str | Path) -> None:
        """The whole graph (not only the visible part) as an SVG file."""
        rect = self.scene.sceneRect()
        generator = QSvgGenerator()
        generator.setFileName(str(path))
        generator.setSize(rect.size().toSize())
        generator.setViewBox(QRectF(0, 0, rect.width(), rect.height()))
        generator.setTitle(self.tr("Autograd graph"))
        painter = QPainter(generator)
        try:
            self.scene.render(painter, QRectF(0, 0, rect.width(), rect.height()), rect)
        finally:
            painter.end()
