"""Editing the architecture on the diagram, as in TensorFlow Playground: +/− layers and neurons, inputs.

The diagram only asks (signals); this turns each request into one undoable document edit, the same
kind the network and data panels push (``ExperimentDocument.edit``), so Undo, the panels and the
file all follow. A refused edit (the last input, a layer of one unit) is explained by the document.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject

from playground.app.document import ExperimentDocument
from playground.app.plots.network import NetworkDiagram
from playground.core.spec import DERIVED_FEATURES, DERIVED_LABELS, IMAGE_KINDS, ONE_D_KINDS, Experiment, LayerSpec


def _tr(text: str) -> str:
    return QCoreApplication.translate("DiagramEdits", text)


class DiagramEdits(QObject):
    def __init__(self, document: ExperimentDocument, diagram: NetworkDiagram, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.diagram = diagram
        diagram.layersRequested.connect(self.change_layers)
        diagram.unitsRequested.connect(self.change_units)
        diagram.featureToggled.connect(self.toggle_feature)
        document.changed.connect(lambda experiment, sections: self._offer_features(experiment)
                                 if "data" in sections or not sections else None)
        self._offer_features(document.experiment)

    def change_layers(self, step: int) -> bool:
        """Add a hidden layer at the end (a copy of the last, so a ReLU net stays ReLU) or remove the last."""
        def mutate(experiment: Experiment) -> None:
            hidden = experiment.model.hidden
            if step > 0:
                hidden.append(hidden[-1].model_copy() if hidden else LayerSpec())
            elif hidden:
                hidden.pop()

        return self.document.edit(mutate, _tr("Add layer") if step > 0 else _tr("Remove layer"))

    def change_units(self, layer: int, step: int) -> bool:
        """One neuron more or fewer in hidden layer ``layer`` (consecutive clicks merge into one undo step)."""
        def mutate(experiment: Experiment) -> None:
            hidden = experiment.model.hidden
            if 0 <= layer < len(hidden):
                hidden[layer].units += step

        return self.document.edit(mutate, _tr("Change layer {index}").format(index=layer + 1),
                                  f"model.hidden.{layer}.units")

    def toggle_feature(self, key: str, on: bool) -> bool:
        """Turn an input feature on or off (the document refuses to turn off the last one)."""
        def mutate(experiment: Experiment) -> None:
            chosen = [f for f in experiment.data.features if f != key]
            experiment.data.features = [*chosen, key] if on else chosen

        return self.document.edit(mutate, _tr("Change inputs"))

    def _offer_features(self, experiment: Experiment) -> None:
        data = experiment.data
        if data.kind == "csv" or data.kind in ONE_D_KINDS or data.kind in IMAGE_KINDS:  # pixels: nothing to choose
            self.diagram.buttons.set_features([], [])
            return
        choices = [(key, DERIVED_LABELS[key], key in data.features) for key in DERIVED_FEATURES]
        self.diagram.buttons.set_features(choices, data.features)
