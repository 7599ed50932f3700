"""Compare…: one setting, 2–8 values, every variant trained live in the runner, side by side.

The dialog asks the runner for one short chunk at a time (``compare_session.compare_advance``, about
``CHUNK_S`` of training) and draws its answer: a grid of small decision boundaries, each titled with
its value and current test accuracy, with the test points on it, and the variants' test loss and
accuracy curves overlaid. Because the runner
answers every other command between two chunks, Pause, Step and edits stay prompt. When all finish,
each variant becomes a run; Stop records them as they stand ("stopped at epoch N"). "Keep this one"
(after either) makes the chosen variant, trained, the experiment.
"""

from __future__ import annotations

import math
import time
from collections import deque
from typing import TYPE_CHECKING, Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from playground.app.compare_tile import VariantTile
from playground.app.plots.log_axis import DecadeLogAxis
from playground.app.runs_panel import RUN_COLOURS
from playground.core.compare import SETTINGS, CompareError, parse_vary, value_text
from playground.core.compare_session import (
    CompareProgress,
    compare_advance,
    compare_halt,
    compare_points,
    compare_start,
    compare_trained,
)
from playground.core.limits import MAX_NAME
from playground.core.runs import add_run

if TYPE_CHECKING:
    from playground.app.document import ExperimentDocument
    from playground.app.session import EngineSession
    from playground.app.training import TrainingController

CHUNK_S = 0.04
"""Training per chunk: short enough that the runner answers Pause within it."""
POLL_MS = 30
"""How often the dialog looks for the runner's answer (the grid redraws with each: ≥ 10 Hz)."""
CURVES_S = 0.4
"""The curve plots redraw at most this often: they gain a point an epoch, and repainting 16 curves with
their axes cost more than the whole grid of boundaries."""
IN_FLIGHT = 2
"""Chunks asked for ahead: the runner trains one while the window takes and draws the other."""
RESOLUTION = 40
"""Each small boundary's grid: 40² points for 8 variants cost less than one full-size boundary."""

DEFAULT_VALUES = {"lr": "0.003, 0.01, 0.03, 0.1, 0.3, 1", "l2": "0, 0.001, 0.01, 0.1", "l1": "0, 0.001, 0.01",
                  "seed": "0, 1, 2, 3", "data_seed": "0, 1, 2, 3", "batch_size": "1, 10, 30",
                  "dropout": "0, 0.1, 0.3", "optimizer": "sgd, adam", "activation": "tanh, relu, sigmoid",
                  "width": "2, 4, 8", "momentum": "0, 0.5, 0.9"}


class GrowingColumns:
    """Named float columns that grow by appending (capacity doubles), read as views without copying."""

    def __init__(self) -> None:
        self.rows = 0
        self._data: dict[str, np.ndarray] = {}

    def clear(self) -> None:
        self.rows = 0
        self._data = {}

    def extend(self, columns: dict[str, np.ndarray], skip: int = 0) -> None:
        """Append ``columns``' rows from ``skip`` on (rows already held are not added twice)."""
        skip = max(0, skip)
        n = min((len(v) for v in columns.values()), default=0) - skip
        if n <= 0:
            return
        end = self.rows + n
        for name, values in columns.items():
            held = self._data.get(name)
            if held is None or len(held) < end:
                grown = np.full(max(64, 2 * end), np.nan)
                if held is not None:
                    grown[:self.rows] = held[:self.rows]
                self._data[name] = held = grown
            held[self.rows:end] = values[skip:skip + n]
        self.rows = end

    def view(self) -> dict[str, np.ndarray]:
        return {name: values[:self.rows] for name, values in self._data.items()}


class CompareDialog(QDialog):
    """Pick a setting and its values; watch the variants train; keep one."""

    def __init__(self, document: ExperimentDocument, controller: TrainingController, session: EngineSession,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.document = document
        self.session = session
        """Builds the kept variant's engine with its trained weights."""
        self.setWindowTitle(self.tr("Compare"))
        self.setting = QComboBox(self)
        for key, phrase in SETTINGS.items():
            self.setting.addItem(f"{key} — {phrase}", key)
        self.values = QLineEdit(self)
        self.values.setPlaceholderText(self.tr("2 to 8 values, separated by commas"))
        self.epochs = QSpinBox(self)
        self.epochs.setRange(1, 100_000)
        self.epochs.setValue(max(1, min(self.document.experiment.training.epochs or 100, 100_000)))
        self.setting.currentIndexChanged.connect(self._setting_changed)
        self.start_button = QPushButton(self.tr("Start"))
        self.stop_button = QPushButton(self.tr("Stop"))
        self.keep = QComboBox(self)
        self.keep_button = QPushButton(self.tr("Keep this one"))
        self.start_button.clicked.connect(self.start)
        self.stop_button.clicked.connect(self.stop)
        self.keep_button.clicked.connect(lambda: self.keep_variant(self.keep.currentIndex()))
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Setting:"), self.setting)
        form.addRow(self.tr("Values:"), self.values)
        form.addRow(self.tr("Epochs:"), self.epochs)
        buttons = QHBoxLayout()
        for w in (self.start_button, self.stop_button):
            buttons.addWidget(w)
        buttons.addStretch(1)
        buttons.addWidget(self.keep)
        buttons.addWidget(self.keep_button)
        self.grid = QGridLayout()
        self.tiles: list[VariantTile] = []
        self.curves_plot = pg.PlotWidget(self, axisItems={"left": DecadeLogAxis("left")})
        self.curves_plot.setMinimumHeight(140)
        self.curves_plot.getPlotItem().setLabel("left", self.tr("Test loss"))
        self.curves_plot.getPlotItem().setLogMode(x=False, y=True)  # rates differ by decades, so do losses
        self.curves_plot.getPlotItem().getAxis("left").setStyle(maxTextLevel=0)  # decades only (DecadeLogAxis)
        self.curves_plot.getPlotItem().setLabel("bottom", self.tr("Epoch"))
        self.curves_plot.getPlotItem().addLegend(offset=(-8, 8), labelTextSize="8pt")
        self.curves: list[pg.PlotDataItem] = []
        """Each variant's test loss."""
        self.metric_plot = pg.PlotWidget(self)
        self.metric_plot.setMinimumHeight(140)
        self.metric_plot.getPlotItem().setLabel("left", self.tr("Test accuracy (%)"))
        self.metric_plot.getPlotItem().setLabel("bottom", self.tr("Epoch"))
        self.metric_curves: list[pg.PlotDataItem] = []
        """Each variant's test accuracy in percent (or R²), in the loss plot's colours (its legend)."""
        for plot in (self.curves_plot, self.metric_plot):
            item = plot.getPlotItem()
            item.setMenuEnabled(False)
            item.hideButtons()
            item.disableAutoRange()  # set with the data, and only when it grows out of view (``_fit``)
            for name in ("left", "bottom"):
                item.getAxis(name).enableAutoSIPrefix(False)
        self._ranges: dict[int, tuple[float, ...]] = {}
        self._x_limit = 0.0
        """The curve plots' last epoch in view (both plots share it)."""
        self._curves_at = 0.0
        plots = QHBoxLayout()
        plots.addWidget(self.curves_plot, 1)
        plots.addWidget(self.metric_plot, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addLayout(self.grid, 3)
        layout.addLayout(plots, 2)
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self._poll)
        self.futures: deque[Any] = deque()
        """Chunks asked of the runner and not yet taken, oldest first."""
        self.histories: list[GrowingColumns] = []
        """Each variant's history as far as the answers so far brought it."""
        self.running = False
        self.progress: CompareProgress | None = None
        self.draws = 0
        """Grid redraws so far (the benchmark's frame count)."""
        self._setting_changed()
        self._enable()
        self.resize(900, 720)

    # ------------------------------------------------------------------ set-up
    def _setting_changed(self) -> None:
        key = self.setting.currentData()
        self.values.setText(DEFAULT_VALUES.get(key, ""))

    def _enable(self) -> None:
        self.start_button.setEnabled(not self.running)
        self.stop_button.setEnabled(self.running)
        ready = self.progress is not None and not self.running  # finished or stopped
        self.keep.setEnabled(ready)
        self.keep_button.setEnabled(ready)

    def choose(self, key: str, values: str, epochs: int) -> None:
        """Fill the form (lessons, tests, the Runs panel)."""
        index = self.setting.findData(key)
        if index >= 0:
            self.setting.setCurrentIndex(index)
        self.values.setText(values)
        self.epochs.setValue(epochs)

    # ------------------------------------------------------------------ running
    def start(self) -> bool:
        key = self.setting.currentData()
        try:
            key, values = parse_vary(f"{key}={self.values.text()}")
        except CompareError as exc:
            self.message.setText(str(exc))
            return False
        try:
            self.controller.call(compare_start, key, values, self.epochs.value())
        except Exception as exc:  # a value the schema refuses, a model too large: said, not raised
            self.message.setText(str(exc))
            return False
        self.message.setText(self.tr("Training {0} variants…").format(len(values)))
        self._make_tiles([f"{key} {value_text(v)}" for v in values])  # the legend says which setting
        try:
            points = self.controller.call(compare_points)
        except Exception:  # the pictures only: training goes on without points
            points = []
        for tile, these in zip(self.tiles, points):
            tile.set_points(these)
        self.progress = None
        self.running = True
        self.futures.clear()
        self.histories = []
        self.timer.start()
        self._enable()
        return True

    def _make_tiles(self, names: list[str]) -> None:
        for tile in self.tiles:
            self.grid.removeWidget(tile)
            tile.deleteLater()
        self.tiles = []
        columns = {5: 3, 6: 3}.get(len(names), min(len(names), 4))
        for i in range(len(names)):
            tile = VariantTile(self)
            self.grid.addWidget(tile, i // columns, i % columns)
            self.tiles.append(tile)
        self.curves_plot.getPlotItem().clear()
        legend = self.curves_plot.getPlotItem().legend
        if legend is not None:
            legend.clear()
        self.metric_plot.getPlotItem().clear()
        self.curves, self.metric_curves = [], []
        for i, name in enumerate(names):
            r, g, b = RUN_COLOURS[i % len(RUN_COLOURS)]
            for plot, curves, legend_name in ((self.curves_plot, self.curves, name),
                                              (self.metric_plot, self.metric_curves, None)):
                curve = plot.plot(pen=pg.mkPen(r, g, b, width=1.8), name=legend_name, connect="finite",
                                  antialias=False)
                curve.setDownsampling(auto=True, method="peak")  # thousands of epochs, a few hundred pixels
                curve.setClipToView(True)
                curves.append(curve)
        self._ranges = {}
        self._x_limit = 0.0
        self.keep.clear()
        self.keep.addItems(names)

    def _poll(self) -> None:
        """Take the runner's answers that came, and keep ``IN_FLIGHT`` chunks asked for, so the runner
        trains the next chunk while this one crosses the pipe and is drawn (no idle runner)."""
        progress = None
        while self.futures and self.futures[0].done():
            future = self.futures.popleft()
            error = future.exception()
            if error is not None:
                self.message.setText(str(error))
                self._finish()
                return
            progress = future.result()
            if progress is None:
                self._finish()
                return
            self._merge(progress)
            self.progress = progress
            if progress.done:
                break
        if progress is not None:
            self.draw(progress)  # the newest answer only: an older one waiting is drawn over at once
            if progress.done:
                runs = self.document.experiment.runs
                for run in progress.runs:
                    runs = add_run(runs, run)
                self.document.set_runs(runs)
                self.message.setText(self.tr("Done: every variant is now a run in the Runs panel."))
                self._finish()
                self._offer_best(progress)
                return
        while self.running and len(self.futures) < IN_FLIGHT:
            runs = self.document.experiment.runs
            previous = runs[-1].settings if runs else None
            have = [h.rows for h in self.histories]
            self.futures.append(self.controller.call_later(compare_advance, CHUNK_S, RESOLUTION, previous, have))

    def _merge(self, progress: CompareProgress) -> None:
        """Each variant's new history rows appended to those held (an answer may repeat some rows: the
        next chunk is asked for before the last answer arrives); the view then holds the whole history.
        Appending costs the new rows only, however long the comparison has run."""
        while len(self.histories) < len(progress.variants):
            self.histories.append(GrowingColumns())
        for held, variant in zip(self.histories, progress.variants):
            if variant.history_start == 0:
                held.clear()  # the whole history (the first answer, a halt)
            held.extend(variant.history, skip=held.rows - variant.history_start)
            variant.history, variant.history_start = held.view(), 0

    def draw(self, progress: CompareProgress, final: bool = False) -> None:
        final = final or progress.done
        for i, (tile, variant) in enumerate(zip(self.tiles, progress.variants)):
            tile.show_variant(variant, RUN_COLOURS[i % len(RUN_COLOURS)])
        now = time.monotonic()
        if final:
            self._curves_at = now
            self._draw_curves(progress, "test_loss", final=True)
            self._draw_curves(progress, "test_metric", final=True)
        elif now - self._curves_at >= CURVES_S:
            # each plot in its own turn of the event loop: no one turn holds the window for all three
            self._curves_at = now
            QTimer.singleShot(0, lambda: self._draw_curves(progress, "test_loss"))
            QTimer.singleShot(0, lambda: self._draw_curves(progress, "test_metric"))
        self.draws += 1

    def _draw_curves(self, progress: CompareProgress, column: str, final: bool = False) -> None:
        """One plot's curves (``test_loss`` or ``test_metric``) and, if they outgrew it (or training
        ended: ``final``), its range."""
        loss_plot = column == "test_loss"
        curves = self.curves if loss_plot else self.metric_curves
        regression = any(v.metric_name != "accuracy" for v in progress.variants)
        x_hi, kept = 1.0, []
        for curve, variant in zip(curves, progress.variants):
            epoch = variant.history.get("epoch", np.empty(0))
            y = np.asarray(variant.history.get(column, np.empty(0)), dtype=float)
            if not loss_plot and not regression:
                y = 100 * y
            curve.setData(epoch, y)
            if len(epoch):
                x_hi = max(x_hi, float(epoch[-1]))
            kept.append(y[np.isfinite(y) & (y > 0)] if loss_plot else y[np.isfinite(y)])
        values = np.concatenate(kept) if kept else np.empty(0)
        if loss_plot:
            values = np.log10(values)
            y = (float(values.min()), float(values.max())) if values.size else (-1.0, 0.0)
            self._fit(self.curves_plot, x_hi, y, final)
            return
        self.metric_plot.getPlotItem().setLabel("left", self.tr("Test R²") if regression
                                                else self.tr("Test accuracy (%)"))
        self._fit(self.metric_plot, x_hi, (0.0, 100.0) if not regression else
                  ((min(0.0, float(values.min())), 1.0) if values.size else (0.0, 1.0)), final)

    def _fit(self, plot: pg.PlotWidget, x_hi: float, y: tuple[float, float], final: bool = False) -> None:
        """The view range, changed only when the curves outgrow it (x by half again, the same for both
        plots): a range change relabels the axes, which costs more than the curves. Once training
        ended (``final``) the range is the curves' own: no empty room left to grow into."""
        if final:
            self._x_limit = x_hi
        elif x_hi > self._x_limit:
            self._x_limit = x_hi * (1.5 if self._x_limit else 1.25)
        old = self._ranges.get(id(plot))
        lo, hi = y if y[1] - y[0] > 1e-9 else (y[0] - 0.5, y[1] + 0.5)
        if not final and old is not None and old[1] == self._x_limit and old[2] <= lo and hi <= old[3] and \
                (hi - lo) >= 0.5 * (old[3] - old[2]):
            return
        wanted = (0.0, self._x_limit, lo, hi)
        self._ranges[id(plot)] = wanted
        plot.getPlotItem().setRange(xRange=wanted[:2], yRange=wanted[2:], padding=0.03)

    def _finish(self) -> None:
        self.running = False
        self.futures.clear()
        self.timer.stop()
        self._enable()

    def stop(self) -> None:
        """Stop where the variants are: each becomes a run marked "stopped at epoch N", and one can
        still be kept (the runner keeps the comparison until the next Start)."""
        if not self.running:
            return
        self._finish()
        self.futures.clear()  # the chunks in flight end before the halt is answered: nothing is lost
        runs = self.document.experiment.runs
        try:
            progress = self.controller.call(compare_halt, RESOLUTION, runs[-1].settings if runs else None)
        except Exception as exc:  # the runner died: the variants went with it
            self.progress = None
            self.message.setText(str(exc))
            self._enable()
            return
        if progress is None:
            self.message.setText(self.tr("Stopped."))
            return
        self.progress = progress
        self.draw(progress, final=True)
        for run in progress.runs:
            if run.epochs < progress.epochs:
                changed = self.tr("{0} (stopped at epoch {1})").format(run.changed, run.epochs)
                run = run.model_copy(update={"changed": changed[:MAX_NAME]})
            runs = add_run(runs, run)
        self.document.set_runs(runs)
        self.message.setText(self.tr("Stopped: every variant is now a run in the Runs panel; "
                                     "“Keep this one” makes one the experiment."))
        self._enable()
        self._offer_best(progress)

    def _offer_best(self, progress: CompareProgress) -> None:
        """"Keep this one" offers the variant with the best test accuracy (or R²), not the first."""
        scores = [v.test_metric if math.isfinite(v.test_metric) else -math.inf for v in progress.variants]
        if scores and len(scores) == self.keep.count():
            self.keep.setCurrentIndex(max(range(len(scores)), key=scores.__getitem__))

    def keep_variant(self, index: int) -> bool:
        """The chosen variant, trained, becomes the experiment (its settings as one undoable edit)."""
        if self.progress is None or not 0 <= index < len(self.progress.variants):
            return False
        trained = self.controller.call(compare_trained, index)
        if trained is None:
            return False
        trained.runs = self.document.experiment.runs
        session = self.session

        def mutate(exp: Any) -> None:
            exp.data, exp.model, exp.training = trained.data, trained.model, trained.training

        self.document.edit(mutate, self.tr("Keep variant “{0}”").format(self.progress.variants[index].label))
        session.load(trained, self.document.base_dir)  # the variant's weights, not fresh ones
        self.message.setText(self.tr("Kept “{0}”.").format(self.progress.variants[index].label))
        return True

    def closeEvent(self, event: Any) -> None:
        if self.running:
            self.stop()
        super().closeEvent(event)
