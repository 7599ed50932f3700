"""The views of the inside of the network, wired together: diagram, gradients, distributions, inspector.

Owns the widgets and tells the runner what they need: neuron maps and link weights while the
diagram shows, statistics while any of them shows, and full detail for the one parameter the
distribution view and the inspector look at. Hidden views (classroom mode, a tab in the back)
cost the runner nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QDockWidget, QStatusBar, QWidget

from playground.app.plots.distributions import DistributionView
from playground.app.plots.gradients import GradientNormPlot
from playground.app.plots.inspector import ParameterInspector
from playground.app.plots.network import NetworkDiagram
from playground.app.plots.selection import ParameterSelection
from playground.app.weight_edit import WeightEdits
from playground.core.data.dataset import Dataset
from playground.core.registry import ACTIVATIONS
from playground.core.spec import Experiment
from playground.core.status import TRAINING, WorkerStatus

if TYPE_CHECKING:
    from playground.app.document import ExperimentDocument
    from playground.app.plots import BoundaryView
    from playground.app.training import TrainingController

KEYS = ("diagram", "gradients", "distributions", "inspector")


class InsideViews(QObject):
    """Owns the four views; ``parent`` is the window they show in (whether it shows at all decides
    what the runner computes)."""

    def __init__(self, document: ExperimentDocument, controller: TrainingController, boundary: BoundaryView,
                 status: QStatusBar, parent: QWidget) -> None:
        super().__init__(parent)
        self.document = document
        self.controller = controller
        self.boundary = boundary
        self.status = status
        self.parent_widget = parent
        self.docks: dict[str, QDockWidget] = {}
        self.selection = ParameterSelection(self)
        self.diagram = NetworkDiagram()
        self.gradients = GradientNormPlot()
        self.distributions = DistributionView(self.selection)
        self.inspector = ParameterInspector(self.selection)
        self.widgets = {"diagram": self.diagram, "gradients": self.gradients,
                        "distributions": self.distributions, "inspector": self.inspector}
        rates = {"diagram": 20.0, "gradients": 5.0, "distributions": 5.0, "inspector": 4.0}
        for key, view in self.widgets.items():
            controller.add_view(view, rates[key])  # numbers and histograms: a few times a second
        controller.datasetChanged.connect(self._dataset)
        controller.restoring.connect(self.gradients.carry_over)  # its history survives a restart
        controller.statusChanged.connect(self._status)
        self.selection.changed.connect(lambda _name: self.request())
        self.diagram.neuronHovered.connect(self._hovered)
        self._hover = (-1, -1)
        controller.snapshotReady.connect(lambda _s: self._hover[0] >= 0 and self._hovered(*self._hover))
        self._pending = QTimer(self)
        self._pending.setSingleShot(True)
        self._pending.setInterval(0)
        self._pending.timeout.connect(self._send_request)
        self.edits: WeightEdits | None = None
        self._dataset_names: list[str] = []
        self._pixels: np.ndarray | None = None
        """Image data: the diagram's image node shows the first training image."""

    def connect_docks(self, docks: dict[str, QDockWidget]) -> None:
        """After the window made its docks (``docks``: the views' among them): follow the document
        and the docks' visibility."""
        self.docks = docks
        self.edits = WeightEdits(self.document, self.controller, self.diagram, self.status, self.parent_widget)
        self.document.changed.connect(lambda experiment, _s: self._experiment(experiment))
        self._experiment(self.document.experiment)
        for key in KEYS:
            dock = docks.get(key)
            if dock is not None:
                dock.visibilityChanged.connect(lambda _v: self.request())
        self.request()

    # ------------------------------------------------------------------ what the runner computes
    def shown(self, key: str) -> bool:
        """Whether the user can see this view: not hidden (classroom), and its tab in front."""
        widget: QWidget = self.docks.get(key) or self.widgets[key]
        if not widget.isVisibleTo(self.parent_widget):
            return False
        return widget.isVisible() or not self.parent_widget.isVisible()

    def request(self) -> None:
        """Recompute what the views need (after the event that changed visibility has settled)."""
        self._pending.start()

    def _send_request(self) -> None:
        diagram = self.shown("diagram")
        detail = self.shown("inspector") or self.shown("distributions")
        stats = diagram or detail or self.shown("gradients")
        self.controller.request_views(
            neurons=diagram, links=diagram, stats=stats,
            inspect=(self.selection.name or None) if detail else None)

    # ------------------------------------------------------------------ context
    def _dataset(self, ds: Dataset) -> None:
        self.gradients.new_engine()
        self._dataset_names = list(ds.input_names)
        self._pixels = None
        side = ds.image_side
        if side is not None and ds.derived is None and len(ds.x_train) and ds.raw_dim == side * side:
            self._pixels = np.clip(ds.x_train[0].reshape(side, side), 0.0, 1.0)
        self._experiment(self.document.experiment)

    def _experiment(self, experiment: Experiment) -> None:
        activations = {f"hidden {i}": ACTIVATIONS[layer.activation].label
                       for i, layer in enumerate(experiment.model.hidden, start=1)}
        image = None
        if self._pixels is not None:  # the document's kind, read now: a file's data are built before it is adopted
            ink = experiment.data.kind == "digits"  # as the gallery: digits are ink, dark on paper
            image = ((1.0 - self._pixels if ink else self._pixels) * 255).astype(np.uint8)
        self.diagram.set_context(self._dataset_names, activations, image)

    def _status(self, status: WorkerStatus) -> None:
        self.diagram.set_editable(status.state != TRAINING)

    def _hovered(self, column: int, unit: int) -> None:
        """Hovering a node shows its map large in the main plot; leaving shows the output again."""
        self._hover = (column, unit)
        snapshot = self.diagram.snapshot
        neurons = snapshot.neurons if snapshot is not None else None
        if column < 0 or neurons is None:
            self.boundary.show_neuron(None)
            return
        if column == 0:
            maps = neurons.inputs
            values = maps[unit] if unit < len(maps) else None
        else:
            layer = column - 1
            if layer >= len(neurons.layers):
                return
            drawn = list(neurons.drawn[layer])
            values = neurons.layers[layer][drawn.index(unit)] if unit in drawn else None
        self.boundary.show_neuron(None if values is None else np.asarray(values))
