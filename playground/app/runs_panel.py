"""Runs: every run remembered (Reset or a structural change ends one), overlaid faintly on the loss and
accuracy plots, and listed in a panel to show/hide, pin, rename, delete or restore.

Three small parts, each given only what it needs:
* ``RunsRecorder`` — a view of the snapshots: when the step goes back (Reset, a new engine), the run
  that just ended becomes a record in the document (outside the undo history);
* ``RunsOverlay`` — faint curves of the ticked runs on one history plot, labelled by what differed;
* ``RunsPanel`` — the list. Double-click restores a run's settings as one undoable edit.
"""

from __future__ import annotations

import itertools
import math
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from playground.app.document import ExperimentDocument
from playground.core.runs import add_run, label, make_run, restore
from playground.core.snapshot import Snapshot
from playground.core.spec import RunSpec

RUN_COLOURS = ((31, 119, 180), (214, 39, 40), (44, 160, 44), (148, 103, 189), (140, 86, 75),
               (227, 119, 194), (127, 127, 127), (188, 189, 34), (23, 190, 207), (255, 127, 14))
"""Matplotlib's ten: a run keeps its colour by its place in the list."""


def _tr(text: str) -> str:
    return QCoreApplication.translate("RunsPanel", text)


class RunsRecorder(QObject):
    """Turns the end of each run into a record. ``update(snapshot)`` is its one entry point (a view)."""

    recorded = Signal(object)

    def __init__(self, document: ExperimentDocument, in_sync: Any, parent: QObject | None = None) -> None:
        """``in_sync()``: whether the engine trains the document's settings (no structural edit pending)."""
        super().__init__(parent)
        self.document = document
        self.in_sync = in_sync
        self.last: Snapshot | None = None
        self.settings = None
        document.pathChanged.connect(self.forget)
        document.changed.connect(self._document_changed)

    def forget(self, *_: object) -> None:
        """Another file: its runs are its own, the run on screen is not one of them."""
        self.last = None
        self.settings = None

    def _document_changed(self, experiment: Any, sections: set[str]) -> None:
        """A live change (learning rate…) during a run: the run's record names the settings it ended with."""
        if self.last is not None and sections - {"runs", "view"} and self.in_sync():
            self.settings = experiment

    def update(self, snapshot: Snapshot) -> None:
        last = self.last
        if last is not None and snapshot.step < last.step:
            # Recorded after this delivery: a new engine's first snapshot arrives while the session is
            # still adopting it, and the document must not change under it then.
            settings = self.settings
            QTimer.singleShot(0, lambda ended=last, settings=settings: self.record(ended, settings))
            last = None
        if snapshot.step > 0:
            if last is None:  # a run begins: its settings (copied once a run, not at 30 Hz)
                self.settings = self.document.experiment
            self.last = snapshot
        else:
            self.last = None

    def flush(self) -> None:
        """Views are flushed when training stops; the recorder has nothing to draw."""

    def record(self, snapshot: Snapshot, settings: Any = None) -> RunSpec | None:
        settings = settings if settings is not None else self.settings
        if settings is None or not snapshot.history or not len(snapshot.history.get("epoch", ())):
            return None
        runs = self.document.experiment.runs
        previous = runs[-1].settings if runs else None
        metric = snapshot.metrics.metric_name if snapshot.metrics is not None else "accuracy"
        run = make_run(settings, snapshot.history, metric=metric, steps=snapshot.step,
                       seconds=snapshot.seconds, device=snapshot.device or "cpu", previous=previous)
        if run.changed == "" and runs:
            run = run.model_copy(update={"changed": _tr("same settings")})
        self.document.set_runs(add_run(runs, run))
        self.recorded.emit(run)
        return run


class RunsOverlay:
    """Faint curves of the visible runs on one history plot: train solid, test dashed, as the current
    run's bold ones are; one label per run, at the end of its test curve.

    ``column`` names the test column (``test_loss``, ``test_metric``); its train twin is overlaid too.
    Labels are stacked so they never overlap, and re-stacked when the plot's range changes (their
    spacing is in pixels, the curves' in data units). Items are made once and reused.
    """

    def __init__(self, plot_widget: Any, column: str, percent: bool = False) -> None:
        self.plot = plot_widget
        self.item = plot_widget.plot.getPlotItem()
        self.column = column
        self.train_column = column.replace("test_", "train_", 1)
        self.percent = percent
        self.curves: list[pg.PlotDataItem] = []
        """The runs' test curves (dashed)."""
        self.train_curves: list[pg.PlotDataItem] = []
        """The runs' train curves (solid)."""
        self.labels: list[pg.TextItem] = []
        self._ends: list[tuple[float, float] | None] = []
        """Each label's wanted place: the last point of its run's test (else train) curve."""
        self.item.getViewBox().sigRangeChanged.connect(lambda *_: self.place_labels())

    def _curve(self) -> pg.PlotDataItem:
        curve = pg.PlotDataItem(connect="finite")
        curve.setZValue(-10)
        self.item.addItem(curve)
        return curve

    def _column(self, run: RunSpec, name: str) -> np.ndarray:
        y = np.array([math.nan if v is None else v for v in run.history.get(name, [])], dtype=float)
        return 100 * y if self.percent and run.metric == "accuracy" else y  # the accuracy plot shows percent

    def show(self, runs: list[RunSpec]) -> None:
        visible = [(i, r) for i, r in enumerate(runs) if r.visible]
        while len(self.curves) < len(visible):
            self.train_curves.append(self._curve())
            self.curves.append(self._curve())
            text = pg.TextItem(anchor=(1, 1))  # ends at the curve's last point, above it: inside the plot
            self.item.addItem(text)
            self.labels.append(text)
        xs: list[float] = []
        ys: list[float] = []
        self._ends = []
        for k, (train_curve, curve, text) in enumerate(zip(self.train_curves, self.curves, self.labels)):
            if k >= len(visible):
                for c in (train_curve, curve):
                    c.setData([], [])
                    c.setVisible(False)
                text.setVisible(False)
                self._ends.append(None)
                continue
            index, run = visible[k]
            r, g, b = RUN_COLOURS[index % len(RUN_COLOURS)]
            x = np.array([math.nan if v is None else v for v in run.history.get("epoch", [])], dtype=float)
            test, train = self._column(run, self.column), self._column(run, self.train_column)
            train_curve.setPen(pg.mkPen(r, g, b, 80, width=1.2))
            curve.setPen(pg.mkPen(r, g, b, 110, width=1.5, style=Qt.PenStyle.DashLine))
            end = None
            for c, y in ((train_curve, train), (curve, test)):
                n = min(len(x), len(y))
                c.setData(x[:n], y[:n])
                c.setVisible(bool(n))
                finite = np.flatnonzero(np.isfinite(x[:n]) & np.isfinite(y[:n]))
                if finite.size:
                    end = (float(x[finite[-1]]), float(y[finite[-1]]))  # test's wins: drawn second
                    xs.append(end[0])
                    ys.extend(y[finite].tolist())
            text.setVisible(end is not None)
            if end is not None:
                text.setText(label(run, index), color=(r, g, b, 200))
            self._ends.append(end)
        self.plot.overlay_extent = (max(xs, default=0.0), ys)
        self.place_labels()

    def place_labels(self) -> None:
        """Each label at its curve's end, pushed down (then the stack up) so no two overlap and all
        stay inside the plot."""
        placed = [(k, end) for k, end in enumerate(self._ends) if end is not None and k < len(self.labels)]
        if not placed:
            return
        view = self.item.getViewBox()
        (x_lo, x_hi), (y_lo, y_hi) = view.viewRange()
        px, py = view.viewPixelSize()
        if not (px > 0 and py > 0 and math.isfinite(px) and math.isfinite(py)):
            return
        log_y = bool(self.item.getAxis("left").logMode)
        wanted = []
        for k, (x, y) in placed:
            if log_y:
                y = math.log10(y) if y > 0 else y_lo
            rect = self.labels[k].textItem.boundingRect()
            w, h = rect.width() * px, rect.height() * py
            x = min(max(x, x_lo + w), x_hi)
            wanted.append([k, x, min(max(y, y_lo), y_hi - h), h])
        wanted.sort(key=lambda item: -item[2])  # from the top down
        for above, below in itertools.pairwise(wanted):
            below[2] = min(below[2], above[2] - below[3])
        lowest = wanted[-1][2]
        if lowest < y_lo:  # the stack ran out of the bottom: lift it, as far as the top allows
            lift = min(y_lo - lowest, max(0.0, y_hi - (wanted[0][2] + wanted[0][3])))
            for item in wanted:
                item[2] += lift
        for k, x, y, _h in wanted:
            self.labels[k].setPos(x, y)


class RunsPanel(QWidget):
    """The runs of the open experiment: tick to overlay, pin, rename, delete, double-click to restore."""

    COLUMNS = 5

    def __init__(self, document: ExperimentDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.overlays: list[RunsOverlay] = []
        self.title = QLabel(self.tr("<b>Runs</b> — tick to overlay; double-click to restore a run's settings"))
        self.title.setWordWrap(True)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels([self.tr("Run"), self.tr("Test"), self.tr("Test loss"), self.tr("Epochs"),
                                   self.tr("Time")])
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, self.COLUMNS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.itemChanged.connect(self._item_changed)
        self.tree.itemDoubleClicked.connect(lambda item, _col: self.restore(self.tree.indexOfTopLevelItem(item)))
        self.tree.currentItemChanged.connect(lambda *_: self._enable())
        self.pin_button = QPushButton(self.tr("Pin"))
        self.rename_button = QPushButton(self.tr("Rename…"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.compare_button = QPushButton(self.tr("Compare…"))
        self.compare_button.setVisible(False)  # shown once a Compare dialog is connected (``connect_compare``)
        self.pin_button.clicked.connect(lambda: self.toggle_pin(self.current()))
        self.rename_button.clicked.connect(self._ask_rename)
        self.delete_button.clicked.connect(lambda: self.delete(self.current()))
        buttons = QHBoxLayout()
        for button in (self.pin_button, self.rename_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.compare_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(self.title)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        self._filling = False
        document.changed.connect(self._document_changed)
        document.runsChanged.connect(self.fill)
        self.fill(document.experiment.runs)

    def connect_compare(self, slot: Any) -> None:
        self.compare_button.clicked.connect(slot)
        self.compare_button.setVisible(True)

    # ------------------------------------------------------------------ model → view
    def _document_changed(self, experiment: Any, sections: set[str]) -> None:
        if "runs" in sections:
            self.fill(experiment.runs)

    def fill(self, runs: list[RunSpec]) -> None:
        """The list as the runs stand. Rows are updated in place, never cleared and rebuilt: ticking a
        row changes the runs while Qt is still inside that row's ``setCheckState``, and a deleted row
        there crashed the app."""
        self._filling = True
        try:
            current = self.current()
            while self.tree.topLevelItemCount() > len(runs):
                self.tree.takeTopLevelItem(self.tree.topLevelItemCount() - 1)
            for i, run in enumerate(runs):
                pct = run.metric == "accuracy"
                test = run.final.get("test_metric")
                shown = "–" if test is None else (f"{100 * test:.1f} %" if pct else f"R² {test:.3f}")
                loss = run.final.get("test_loss")
                texts = [("📌 " if run.pinned else "") + label(run, i), shown,
                         "–" if loss is None else f"{loss:.4g}", str(run.epochs), f"{run.seconds:.1f} s"]
                item = self.tree.topLevelItem(i)
                if item is None:
                    item = QTreeWidgetItem(texts)
                    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                    self.tree.addTopLevelItem(item)
                else:
                    for column, text in enumerate(texts):
                        if item.text(column) != text:
                            item.setText(column, text)
                state = Qt.CheckState.Checked if run.visible else Qt.CheckState.Unchecked
                if item.checkState(0) != state:
                    item.setCheckState(0, state)
                r, g, b = RUN_COLOURS[i % len(RUN_COLOURS)]
                item.setForeground(0, pg.mkColor(r, g, b))
                item.setToolTip(0, run.changed or label(run, i))
            if 0 <= current < len(runs):
                self.tree.setCurrentItem(self.tree.topLevelItem(current))
        finally:
            self._filling = False
        for overlay in self.overlays:
            overlay.show(runs)
        self._enable()

    def _enable(self) -> None:
        has = self.current() >= 0
        for button in (self.pin_button, self.rename_button, self.delete_button):
            button.setEnabled(has)

    def current(self) -> int:
        item = self.tree.currentItem()
        return self.tree.indexOfTopLevelItem(item) if item is not None else -1

    # ------------------------------------------------------------------ user actions
    def _change(self, index: int, **update: Any) -> None:
        runs = self.document.experiment.runs
        if 0 <= index < len(runs):
            runs[index] = runs[index].model_copy(update=update)
            self.document.set_runs(runs)

    def _item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        if self._filling or column != 0:
            return
        self._change(self.tree.indexOfTopLevelItem(item), visible=item.checkState(0) == Qt.CheckState.Checked)

    def set_visible(self, index: int, visible: bool) -> None:
        self._change(index, visible=visible)

    def toggle_pin(self, index: int) -> None:
        runs = self.document.experiment.runs
        if 0 <= index < len(runs):
            self._change(index, pinned=not runs[index].pinned)

    def rename(self, index: int, name: str) -> None:
        self._change(index, name=name.strip()[:200])

    def _ask_rename(self) -> None:
        index = self.current()
        runs = self.document.experiment.runs
        if not 0 <= index < len(runs):
            return
        name, ok = QInputDialog.getText(self, self.tr("Rename run"), self.tr("Name:"), text=label(runs[index], index))
        if ok:
            self.rename(index, name)

    def delete(self, index: int) -> None:
        runs = self.document.experiment.runs
        if 0 <= index < len(runs):
            del runs[index]
            self.document.set_runs(runs)

    def restore(self, index: int) -> bool:
        """The run's settings become the experiment's: one undoable edit (drawn points kept)."""
        runs = self.document.experiment.runs
        if not 0 <= index < len(runs):
            return False
        run = runs[index]
        restored = restore(self.document.experiment, run)

        def mutate(exp: Any) -> None:
            exp.data, exp.model, exp.training = restored.data, restored.model, restored.training

        return self.document.edit(mutate, self.tr("Restore run “{0}”").format(label(run, index)))
