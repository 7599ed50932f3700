"""The parameter inspector: one parameter's weights, gradient and last update as heat maps.

A diverging colour map centred on zero (orange negative, blue positive), one scale per panel;
hovering a cell tells the exact weight, gradient, the update the optimizer just applied and the
optimizer's state for it; a parameter of at most 64 values shows its numbers in the cells. The
third panel shows the last update or any tensor the optimizer keeps (momentum buffer, Adam's
first and second moments); scalar state such as Adam's step count is in the header.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QToolTip, QVBoxLayout, QWidget

from playground.app.names import indexing_note, number, parameter_label
from playground.app.plots.cell_text import CellNumbers
from playground.app.plots.diverging import colorize, symmetric_limit
from playground.app.plots.selection import ParameterSelection
from playground.core.snapshot import Inspection, Snapshot

NUMBERS_UP_TO = 64
"""Parameters with at most this many values show them in the cells (when the cells are wide enough)."""
CELL_PIXELS = 44
"""A cell narrower than this shows no number (it would overlap its neighbours); hovering still tells."""


_fmt = number


def short(value: float) -> str:
    """A number that fits a cell: three figures, or a short exponent for tiny and huge ones."""
    if not np.isfinite(value):
        return "–"
    if value == 0 or 1e-2 <= abs(value) < 1e3:
        return f"{value:.3g}"
    mantissa, exponent = f"{value:.1e}".split("e")
    return f"{mantissa}e{int(exponent)}"


def as_matrix(a: np.ndarray | None) -> np.ndarray | None:
    """A vector (bias) as one column, a matrix as it is (rows = units of the layer)."""
    if a is None:
        return None
    return a.reshape(-1, 1) if a.ndim == 1 else a.reshape(a.shape[0], -1)


class HeatPanel:
    """One titled heat map with optional numbers in its cells; items made once, then only fed."""

    def __init__(self, layout: pg.GraphicsLayout, title: str) -> None:
        self.plot: pg.PlotItem = layout.addPlot(title=title)
        self.plot.setMenuEnabled(False)
        self.plot.hideButtons()
        self.plot.setMouseEnabled(False, False)
        self.plot.getViewBox().invertY(True)
        self.plot.getViewBox().setAspectLocked(False)
        for axis in ("left", "bottom"):
            self.plot.getAxis(axis).setStyle(tickLength=-3)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.plot.addItem(self.image)
        self.numbers = CellNumbers()
        self.plot.addItem(self.numbers)
        self.values: np.ndarray | None = None

    def set_title(self, title: str) -> None:
        if title != getattr(self, "_title", None):  # a title is a laid-out HTML label: set it only on change
            self._title = title
            self.plot.setTitle(title)

    def show(self, values: np.ndarray | None) -> None:
        self.values = values
        if values is None:
            self.image.clear()
            self.numbers.set_cells([])
            return
        rows, cols = values.shape
        limit = symmetric_limit(values)
        self.image.setImage(colorize(values, limit), autoLevels=False, levels=(0, 255))
        if (rows, cols) != getattr(self, "_shape", None):  # geometry and ticks change with the parameter only
            self._shape = (rows, cols)
            self.image.setRect(QRectF(-0.5, -0.5, cols, rows))
            self.plot.setRange(xRange=(-0.5, cols - 0.5), yRange=(-0.5, rows - 0.5), padding=0.02)
            for axis, count in (("left", rows), ("bottom", cols)):  # whole-number ticks: unit indices
                step = max(1, int(np.ceil(count / 8)))
                self.plot.getAxis(axis).setTicks([[(i, str(i)) for i in range(0, count, step)], []])
        cell = self.plot.getViewBox().width() / max(cols, 1)
        if values.size <= NUMBERS_UP_TO and cell >= CELL_PIXELS:
            self.numbers.set_cells([(c, r, short(values[r, c])) for r in range(rows) for c in range(cols)])
        else:
            self.numbers.set_cells([])

    def cell_at(self, scene_pos: QPointF) -> tuple[int, int] | None:
        if self.values is None or not self.plot.sceneBoundingRect().contains(scene_pos):
            return None
        p = self.plot.getViewBox().mapSceneToView(scene_pos)
        r, c = int(np.floor(p.y() + 0.5)), int(np.floor(p.x() + 0.5))
        rows, cols = self.values.shape
        return (r, c) if 0 <= r < rows and 0 <= c < cols else None

    def cell_texts(self) -> list[str]:
        return self.numbers.texts()


class ParameterInspector(QWidget):
    def __init__(self, selection: ParameterSelection, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("inspector")
        self.selection = selection
        self.param_box = selection.combo(self)
        self.third_box = QComboBox(objectName="inspectorThird")
        self.third_box.addItem(self.tr("Last update Δw"), "update")
        self.third_box.currentIndexChanged.connect(lambda _i: self._draw())
        bar = QHBoxLayout()
        bar.setContentsMargins(6, 2, 6, 0)
        bar.addWidget(QLabel(self.tr("<b>Inspector</b>")))
        bar.addStretch(1)
        bar.addWidget(self.param_box)
        bar.addWidget(self.third_box)
        self.header = QLabel(objectName="inspectorHeader")
        self.header.setContentsMargins(6, 0, 6, 0)
        self.header.setWordWrap(True)
        self.header.setStyleSheet("color: #404040;")
        self.canvas = pg.GraphicsLayoutWidget()
        self.canvas.setBackground("w")
        self.panels = {
            "weight": HeatPanel(self.canvas.ci, self.tr("weights w")),
            "grad": HeatPanel(self.canvas.ci, self.tr("gradient ∂L/∂w")),
            "third": HeatPanel(self.canvas.ci, self.tr("last update Δw")),
        }
        self._stacked = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(bar)
        layout.addWidget(self.header)
        layout.addWidget(self.canvas, 1)
        self.inspection: Inspection | None = None
        self.snapshot: Snapshot | None = None
        self.canvas.scene().sigMouseMoved.connect(self._moved)
        selection.changed.connect(lambda _name: self._clear_if_stale())

    def update(self, snapshot: Snapshot) -> None:  # type: ignore[override] — a view's one entry point
        if snapshot.params:
            self.selection.offer([(p.name, parameter_label(p.label)) for p in snapshot.params])
        if snapshot.inspection is None:
            return
        self.snapshot = snapshot
        self.inspection = snapshot.inspection
        self._draw()

    def _clear_if_stale(self) -> None:
        if self.inspection is not None and self.inspection.name != self.selection.name:
            self.header.setText(self.tr("Waiting for the next snapshot…"))

    def third(self) -> str:
        return self.third_box.currentData() or "update"

    def _third_values(self, ins: Inspection) -> np.ndarray | None:
        key = self.third()
        return ins.update if key == "update" else ins.optimizer_state.get(key)

    def _draw(self) -> None:
        ins = self.inspection
        if ins is None:
            return
        keys = ["update", *ins.optimizer_state]
        if [self.third_box.itemData(i) for i in range(self.third_box.count())] != keys:
            current = self.third()
            blocked = self.third_box.blockSignals(True)
            self.third_box.clear()
            self.third_box.addItem(self.tr("Last update Δw"), "update")
            for key in ins.optimizer_state:
                self.third_box.addItem(key, key)
            index = self.third_box.findData(current)
            self.third_box.setCurrentIndex(max(index, 0))
            self.third_box.blockSignals(blocked)
        weight = as_matrix(ins.weight)
        self._arrange(stacked=weight is not None and weight.shape[1] > weight.shape[0])
        self.panels["weight"].show(weight)
        self.panels["grad"].show(as_matrix(ins.grad))
        third = self.third()
        values = self._third_values(ins)
        if third != "update":
            title = third
        elif values is None:  # training steps are not all recorded: only the one before a snapshot, or Step's
            title = self.tr("last update Δw: not recorded for this step (press Step)")
        else:
            title = self.tr("last update Δw")
        self.panels["third"].set_title(title)
        self.panels["third"].show(as_matrix(values))
        shape = "×".join(str(s) for s in ins.shape)
        parts = [f"<b>{parameter_label(ins.label)}</b> ({ins.name}, {shape})"]
        snap = self.snapshot
        if snap is not None:
            parts.append(self.tr("after step {0}, batch loss {1}").format(snap.step, _fmt(snap.batch_loss)))
        scalars = {"step": self.tr("step")}  # the optimizer's own step count (Adam's bias correction)
        for key, value in ins.optimizer_scalars.items():
            parts.append(f"{scalars.get(key, key)} = {_fmt(value)}")
        if ins.pooled > 1:
            parts.append(self.tr("showing means of {0}×{0} blocks").format(ins.pooled))
        header = " · ".join(parts)
        if header != self.header.text():
            self.header.setText(header)

    def _arrange(self, stacked: bool) -> None:
        """Side by side for tall matrices, one above the other for wide ones (cells stay square-ish)."""
        if stacked == self._stacked:
            return
        self._stacked = stacked
        layout = self.canvas.ci
        for panel in self.panels.values():
            layout.removeItem(panel.plot)
        for i, panel in enumerate(self.panels.values()):
            layout.addItem(panel.plot, row=i if stacked else 0, col=0 if stacked else i)

    def describe(self, row: int, col: int) -> str:
        """Every number of one cell: the hover text."""
        ins = self.inspection
        if ins is None:
            return ""
        vector = len(ins.shape) == 1
        where = f"[{row}]" if vector else f"[{row}, {col}]"
        lines = []
        if ins.pooled > 1:
            lines.append(self.tr("block {0}: each number is the mean of a {1}×{1} block").format(where, ins.pooled))
        lines.append(f"w{where} = {_fmt(as_matrix(ins.weight)[row, col])}")
        for label, values in ((self.tr("∂L/∂w"), ins.grad), (self.tr("Δw (last update)"), ins.update),
                              *ins.optimizer_state.items()):
            if values is not None:
                lines.append(f"{label} = {_fmt(as_matrix(values)[row, col])}")
        lines.append(f"({indexing_note()})")
        return "\n".join(lines)

    def _moved(self, scene_pos: QPointF) -> None:
        for panel in self.panels.values():
            cell = panel.cell_at(scene_pos)
            if cell is not None:
                global_pos = self.canvas.mapToGlobal(self.canvas.mapFromScene(scene_pos))
                QToolTip.showText(global_pos, self.describe(*cell), self)
                return
        QToolTip.hideText()
