"""pyqtgraph views of a training ``Snapshot``; each is a QWidget with one ``update(snapshot)``.

pyqtgraph's global options are set here, once, on first import: a clean light theme for projectors
and row-major images so ``Boundary.values[row=y, col=x]`` maps to the plane without transposing.
"""

from __future__ import annotations

import pyqtgraph as pg

pg.setConfigOptions(antialias=True, background="w", foreground="#303030", imageAxisOrder="row-major")

from playground.app.plots.boundary import BoundaryView  # noqa: E402 — after the options
from playground.app.plots.loss import LossPlot  # noqa: E402
from playground.app.plots.metric import MetricPlot  # noqa: E402
from playground.app.plots.scoreboard import Scoreboard  # noqa: E402

__all__ = ["BoundaryView", "LossPlot", "MetricPlot", "Scoreboard"]
