"""Every schema field a panel edits shows the field's extreme values exactly (issue 16, item 5).

The test walks the schema: each numeric field of the data, layer and training sections, and each
optimizer's hyper-parameters from the registry, is set to its smallest and largest allowed value
(just inside an exclusive bound), and the widget that edits it must show that very value; choice
fields must offer exactly the schema's choices. A widget range retyped from the schema fails here.
"""

from __future__ import annotations

import math
import typing

import pytest
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QLabel, QSlider, QSpinBox

from playground.app.document import ExperimentDocument
from playground.app.panels import DataPanel, NetworkPanel, TrainingPanel
from playground.app.panels.common import SMALLEST_ABOVE_ZERO, exact_text, out_of_range_message
from playground.core.field_range import field_range
from playground.core.registry import OPTIMIZERS
from playground.core.spec import DataSpec, Experiment, LayerSpec, ModelSpec, OptimizerSpec, TrainingSpec
from tests.app.panel_helpers import child

# (section model, field) → (panel, widget objectName): every numeric field a panel edits
NUMERIC = {
    (DataSpec, "samples"): ("data", "samples"),
    (DataSpec, "noise"): ("data", "noise"),
    (DataSpec, "train_fraction"): ("data", "trainFraction"),
    (DataSpec, "classes"): ("data", "classes"),
    (DataSpec, "seed"): ("data", "dataSeed"),
    (LayerSpec, "units"): ("network", "units_0"),
    (LayerSpec, "dropout"): ("network", "dropout_0"),
    (TrainingSpec, "batch_size"): ("training", "batchSize"),
    (TrainingSpec, "epochs"): ("training", "epochs"),
    (TrainingSpec, "l1"): ("training", "l1"),
    (TrainingSpec, "l2"): ("training", "l2"),
    (TrainingSpec, "seed"): ("training", "trainingSeed"),
}
CHOICES = {(TrainingSpec, "reduction"): "reduction", (TrainingSpec, "dtype"): "dtype", (DataSpec, "kind"): "kind"}


def _numeric_fields(model) -> set[str]:
    return {name for name, info in model.model_fields.items()
            if info.annotation in (int, float, int | None) and name not in ("seconds",)}


def test_every_numeric_field_a_panel_edits_is_walked() -> None:
    for model in (DataSpec, LayerSpec, TrainingSpec):
        walked = {name for (m, name) in NUMERIC if m is model}
        assert _numeric_fields(model) <= walked, model.__name__


def _experiment(model, name: str, value: float) -> Experiment:
    data = {"kind": "blobs", "classes": 3} if name == "classes" else {}
    if model is DataSpec:
        return Experiment(data=DataSpec(**{**data, name: value}))
    if model is LayerSpec:
        return Experiment(model=ModelSpec(hidden=[LayerSpec(**{name: value})]))
    return Experiment(training=TrainingSpec(**{name: value}))


def _panels(qtbot, document):
    panels = {"data": DataPanel(document), "network": NetworkPanel(document), "training": TrainingPanel(document)}
    for panel in panels.values():
        qtbot.addWidget(panel)
    return panels


def _extremes(model, name: str) -> list[float]:
    r = field_range(model, name)
    low = (SMALLEST_ABOVE_ZERO if r.minimum == 0 else math.nextafter(r.minimum, math.inf)) \
        if r.exclusive_min else r.minimum
    if model.model_fields[name].annotation in (int, int | None):
        low, high = math.floor(low) + r.exclusive_min, math.ceil(r.high)
        return [low, high]
    return [low, r.high]


@pytest.mark.parametrize(("model", "name"), list(NUMERIC), ids=[f"{m.__name__}.{n}" for m, n in NUMERIC])
def test_the_widget_shows_the_extremes_of_the_field_exactly(qtbot, model, name) -> None:
    panel_key, widget_name = NUMERIC[(model, name)]
    for value in _extremes(model, name):
        document = ExperimentDocument(_experiment(model, name, value))
        panel = _panels(qtbot, document)[panel_key]
        widget = child(panel, widget_name)
        if isinstance(widget, QSlider):  # a percent slider: its label shows the file's percent
            label = child(panel, f"{widget_name}Label")
            assert isinstance(label, QLabel)
            shown = float(label.text().removesuffix(" %")) / 100
            assert shown == pytest.approx(value, rel=1e-12, abs=1e-300), (name, value, label.text())
            assert widget.minimum() <= round(value * 100) <= widget.maximum() or value < 0.01
        else:
            assert isinstance(widget, (QSpinBox, QDoubleSpinBox))
            assert widget.value() == value, (name, value, widget.value())
            if isinstance(widget, QDoubleSpinBox):
                assert float(widget.text()) == value and widget.text() == exact_text(value)
            assert out_of_range_message(widget) is None


def test_the_file_values_the_issue_names_show_as_they_are(qtbot) -> None:
    """Dropout 0.95 showed 0.9; a training share of 0.02 showed 5 %; lr 1e-13 showed 1e-12."""
    document = ExperimentDocument(Experiment(
        data=DataSpec(train_fraction=0.02), model=ModelSpec(hidden=[LayerSpec(dropout=0.95)]),
        training=TrainingSpec(optimizer=OptimizerSpec(name="sgd", lr=1e-13))))
    panels = _panels(qtbot, document)
    assert child(panels["network"], "dropout_0").text() == "0.95"
    assert child(panels["data"], "trainFractionLabel").text() == "2 %"
    assert child(panels["data"], "trainFraction").value() == 2
    lr = child(panels["training"], "lr")
    assert lr.value() == 1e-13 and lr.text() == "1e-13"
    assert document.experiment == document.experiment  # showing them edited nothing
    assert not document.modified


@pytest.mark.parametrize("optimizer", OPTIMIZERS.keys())
def test_every_hyper_parameter_shows_its_extremes_exactly(qtbot, optimizer: str) -> None:
    for param in OPTIMIZERS[optimizer].params:
        if param.kind == "bool":
            continue
        low = (SMALLEST_ABOVE_ZERO if param.minimum == 0 else math.nextafter(param.minimum, math.inf)) \
            if param.exclusive_min else param.minimum
        for value in (low, param.maximum, param.default):
            document = ExperimentDocument(Experiment(training=TrainingSpec(
                optimizer=OptimizerSpec(name=optimizer, **{param.name: value}))))
            panel = _panels(qtbot, document)["training"]
            spin = child(panel, param.name)
            assert spin.value() == value and float(spin.text()) == value, (optimizer, param.name, value)
            assert not document.modified


@pytest.mark.parametrize(("model", "name"), list(CHOICES), ids=[f"{m.__name__}.{n}" for m, n in CHOICES])
def test_choice_widgets_offer_exactly_the_schema_choices(qtbot, model, name) -> None:
    document = ExperimentDocument(Experiment())
    panels = _panels(qtbot, document)
    combo = child(panels["data" if model is DataSpec else "training"], CHOICES[(model, name)])
    assert isinstance(combo, QComboBox)
    offered = [combo.itemData(i) for i in range(combo.count()) if combo.itemData(i) is not None]
    assert offered == list(typing.get_args(model.model_fields[name].annotation))
    assert combo.currentData() == model.model_fields[name].default
