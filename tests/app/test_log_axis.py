"""Log axes label decades, not a column of 0.2 0.3 … 0.9 drawn over each other (Compare's and the
history plots' loss axes: the Compare screenshot showed nineteen labels on a 140-pixel axis)."""

from __future__ import annotations

import math

import pyqtgraph as pg
import pytest

from playground.app.plots.log_axis import DecadeLogAxis


def labelled(axis: pg.AxisItem, low: float, high: float, pixels: float = 140) -> list[float]:
    levels = axis.logTickValues(math.log10(low), math.log10(high), pixels, [])
    return [round(10 ** v, 6) for v in levels[0][1]]


@pytest.mark.parametrize(("low", "high", "expected"), [
    (0.09, 10.0, [0.1, 1.0, 10.0]),             # two decades and more: the decades only
    (0.15, 4.0, [0.2, 0.5, 1.0, 2.0]),          # one decade in view: it, and the 2s and 5s beside it
    (0.31, 0.72, [0.4, 0.5, 0.6, 0.7]),         # inside one decade: its few minor ticks
])
def test_a_log_axis_labels_a_few_ticks(qtbot, low, high, expected):
    assert labelled(DecadeLogAxis("left"), low, high) == expected


def test_pyqtgraphs_own_axis_would_label_nineteen(qtbot):
    """What the class is for: on a small plot pyqtgraph's own log axis labels every 2…9 tick."""
    plain = pg.AxisItem("left")
    std = plain.tickValues(math.log10(0.09), math.log10(10.0), 140)
    assert len(plain.logTickValues(math.log10(0.09), math.log10(10.0), 140, std)[0][1]) > 10


def test_the_compare_and_history_plots_use_it(qtbot, settings):
    from window_helpers import open_window

    from playground.core.spec import DataSpec, Experiment

    window = open_window(qtbot, settings, Experiment(data=DataSpec(kind="xor", samples=40)))
    assert isinstance(window.loss_plot.plot.getPlotItem().getAxis("left"), DecadeLogAxis)
    window.menus.compare_action.trigger()
    assert isinstance(window.compare_dialog.curves_plot.getPlotItem().getAxis("left"), DecadeLogAxis)


def test_labels_are_plain_numbers(qtbot):
    axis = DecadeLogAxis("left")
    axis.setLogMode(False, True)
    assert axis.tickStrings([-1.0, 0.0, 1.0, math.log10(0.5)], 1.0, 1.0) == ["0.1", "1", "10", "0.5"]
