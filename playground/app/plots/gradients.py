"""Gradient norms over time: one line per named parameter, log-y, coloured by layer, each toggleable.

The same plot shows the weight norms or the update/weight ratios on a toggle (the ratio is the
classic health check: around 1e-3 per step is a healthy learning rate). x is the epoch, as in the
loss curves, so a spike in one lines up with the other.
"""

from __future__ import annotations

from html import escape

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QMenu, QToolButton, QVBoxLayout, QWidget

from playground.app.names import layer_name, parameter_label
from playground.app.plots.history import HistoryPlot, swatch
from playground.core.snapshot import ParamHistory, Snapshot

LAYER_COLORS = ("#0877bd", "#f59322", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#17becf",
                "#bcbd22", "#7f7f7f")
MODES = ("grad_norm", "weight_norm", "update_ratio")


def layer_color(layer: str, layers: list[str]) -> str:
    return LAYER_COLORS[layers.index(layer) % len(LAYER_COLORS)] if layer in layers else "#404040"


class GradientNormPlot(HistoryPlot):
    """``update(snapshot)`` draws ``snapshot.param_history`` (throttled like the loss curves)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("gradientNorms")
        self.train_curve.hide()
        self.test_curve.hide()
        item = self.plot.getPlotItem()
        item.setLogMode(x=False, y=True)
        self.mode = "grad_norm"
        self.curves: dict[str, pg.PlotDataItem] = {}
        self.entries: dict[str, tuple[str, str]] = {}
        """Each curve's (layer, role): the legend names each layer once, its lines in its colour."""
        self.hidden: set[str] = set()
        self.history: ParamHistory | None = None
        self._carry = False
        self._earlier: ParamHistory | None = None
        """What a runner that died had drawn: the restarted engine's rows continue it."""
        self.mode_box = QComboBox(objectName="gradientMode")
        for key, text in zip(MODES, (self.tr("Gradient norm ‖∇w‖"), self.tr("Weight norm ‖w‖"),
                                     self.tr("Update / weight ‖Δw‖ / ‖w‖"))):
            self.mode_box.addItem(text, key)
        self.mode_box.currentIndexChanged.connect(lambda _i: self.set_mode(self.mode_box.currentData()))
        self.params_button = QToolButton(objectName="gradientParams", text=self.tr("Parameters"))
        self.params_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.params_menu = QMenu(self)
        self.params_button.setMenu(self.params_menu)
        self.toggles: dict[str, QAction] = {}
        bar = QHBoxLayout()
        bar.setContentsMargins(6, 2, 6, 0)
        bar.addWidget(QLabel(self.tr("<b>Gradients</b>")))
        bar.addStretch(1)
        bar.addWidget(self.mode_box)
        bar.addWidget(self.params_button)
        self.summary.hide()
        self.legend = QLabel(objectName="gradientLegend")
        """Which line is which, under the plot: inside it, a legend hid the curves and cut long names."""
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setWordWrap(True)
        self.legend.setContentsMargins(6, 0, 6, 2)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertLayout(0, bar)
        layout.addWidget(self.legend)
        self._set_axis_label()

    def _set_axis_label(self) -> None:
        labels = {"grad_norm": self.tr("‖∇w‖"), "weight_norm": self.tr("‖w‖"),
                  "update_ratio": self.tr("‖Δw‖ / ‖w‖")}
        self.plot.getPlotItem().setLabel("left", labels[self.mode])

    def set_mode(self, mode: str) -> None:
        """``grad_norm``, ``weight_norm`` or ``update_ratio``."""
        if mode not in MODES or mode == self.mode:
            return
        self.mode = mode
        index = self.mode_box.findData(mode)
        if index != self.mode_box.currentIndex():
            self.mode_box.setCurrentIndex(index)
        self._set_axis_label()
        self._range = ()
        self._redraw()

    def set_visible_parameter(self, name: str, visible: bool) -> None:
        if visible:
            self.hidden.discard(name)
        else:
            self.hidden.add(name)
        if name in self.toggles and self.toggles[name].isChecked() != visible:
            self.toggles[name].setChecked(visible)
        if name in self.curves:
            self.curves[name].setVisible(visible)
            self._show_legend()
        self._range = ()
        self._redraw()

    def carry_over(self) -> None:
        """The runner died and its engine is being rebuilt: keep what was drawn, and continue it."""
        self._carry = True

    def new_engine(self) -> None:
        """An engine was built: a restart's continues the history drawn so far, any other starts anew."""
        self._earlier = self.history if self._carry else None
        self._carry = False

    def draw(self, snapshot: Snapshot) -> None:
        if snapshot.param_history is not None:
            self.history = continued(self._earlier, snapshot.param_history)
            self._redraw()

    def _ensure_curves(self, history: ParamHistory) -> None:
        if list(self.curves) == list(history.names):
            return
        item = self.plot.getPlotItem()
        for curve in self.curves.values():
            item.removeItem(curve)
        self.curves.clear()
        self.entries.clear()
        self.params_menu.clear()
        self.toggles.clear()
        layers = []
        for label in history.labels:
            layer = label.partition(" · ")[0]
            if layer not in layers:
                layers.append(layer)
        for name, label in zip(history.names, history.labels):
            layer, _, role = label.partition(" · ")
            style = Qt.PenStyle.SolidLine if role == "weight" else Qt.PenStyle.DashLine
            pen = pg.mkPen(layer_color(layer, layers), width=1.8, style=style)
            curve = item.plot(pen=pen, connect="finite", antialias=False)
            self.entries[name] = (layer, role)
            curve.setDownsampling(auto=True, method="peak")
            curve.setClipToView(True)
            curve.setVisible(name not in self.hidden)
            self.curves[name] = curve
            action = QAction(parameter_label(label), self.params_menu, checkable=True, checked=name not in self.hidden)
            action.toggled.connect(lambda on, n=name: self.set_visible_parameter(n, on))
            self.params_menu.addAction(action)
            self.toggles[name] = action
        self._show_legend()

    def _show_legend(self) -> None:
        """Each shown layer once, its lines in its colour; an entry never breaks inside (no-break spaces)."""
        layers: dict[str, list[str]] = {}
        for name, (layer, role) in self.entries.items():
            if name not in self.hidden:
                layers.setdefault(layer, []).append(role)
        order = list(dict.fromkeys(layer for layer, _role in self.entries.values()))
        keys = []
        for layer, roles in layers.items():
            color = layer_color(layer, order)
            lines = "".join(swatch(color, dashed=role != "weight") for role in roles)
            keys.append(f"{lines}&nbsp;{escape(layer_name(layer)).replace(' ', '&nbsp;')}")
        styles = self.tr("{0} weight &nbsp;{1} bias").format(swatch("#57606a"), swatch("#57606a", dashed=True))
        self.legend.setText(f"<span style='color:#57606a'>{styles}:</span> &nbsp; " + " &nbsp; ".join(keys)
                            if keys else "")

    def _redraw(self) -> None:
        history = self.history
        if history is None:
            return
        self._ensure_curves(history)
        values = getattr(history, self.mode)
        x = history.epoch
        shown = []
        for i, name in enumerate(history.names):
            y = values[:, i] if values.shape[1] > i else np.empty(0)
            y = np.where(y > 0, y, np.nan)  # log scale: zero and NaN are gaps
            self.curves[name].setData(x, y)
            if name not in self.hidden:
                shown.append(y)
        finite = np.concatenate(shown) if shown else np.empty(0)
        finite = finite[np.isfinite(finite)]
        y_range = (float(np.log10(finite.min())), float(np.log10(finite.max()))) if finite.size else (-3.0, 0.0)
        if y_range[1] - y_range[0] < 0.5:
            y_range = (y_range[0] - 0.25, y_range[1] + 0.25)
        x_hi = float(np.nanmax(x)) if len(x) else 1.0
        wanted = (0.0, max(x_hi, 1e-3), *y_range)
        if wanted != self._range:
            self._range = wanted
            self.plot.getPlotItem().setRange(xRange=wanted[:2], yRange=wanted[2:], padding=0.03)

    def last_point(self, name: str) -> tuple[float, float]:
        """The newest (epoch, value) drawn for ``name`` in the current mode (tests)."""
        curve = self.curves[name]
        return float(curve.xData[-1]), float(curve.yData[-1])  # the data, not its log10 on screen


def continued(earlier: ParamHistory | None, later: ParamHistory) -> ParamHistory:
    """``later`` after the rows of ``earlier`` that come before it (the same parameters only).

    A restarted runner's history begins at the step it was restored to; the rows the dead runner
    had published before that step are kept, those after it (steps that were lost) are not.
    """
    if earlier is None or earlier.names != later.names:
        return later
    keep = earlier.step < later.step[0] if len(later.step) else np.ones(len(earlier.step), dtype=bool)
    return ParamHistory(later.names, later.labels,
                        *(np.concatenate([getattr(earlier, f)[keep], getattr(later, f)])
                          for f in ("step", "epoch", "grad_norm", "weight_norm", "update_ratio")))
