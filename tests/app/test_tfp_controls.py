"""What TensorFlow Playground makes easy, as a learner uses it in our window.

+/− on the diagram for layers and neurons, a click on an input node, the data sets as pictures,
"show test data" and "discretize output" under the plot, the most-used settings beside Train and a
colour key beside every heat map. Each edit is one undoable document edit: Undo brings it back.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, Qt
from window_helpers import open_window

from playground.app.main_window import MainWindow
from playground.core.registry import OPTIMIZERS
from playground.core.spec import DataSpec, Experiment, LayerSpec, ModelSpec, OptimizerSpec, TrainingSpec


def experiment() -> Experiment:
    return Experiment(name="TFP", data=DataSpec(kind="circle", samples=100),
                      model=ModelSpec(hidden=[LayerSpec(units=4, activation="tanh") for _ in range(2)]),
                      training=TrainingSpec(optimizer=OptimizerSpec(name="sgd", lr=0.03), batch_size=10))


@pytest.fixture
def window(qtbot, settings) -> MainWindow:
    window = open_window(qtbot, settings, experiment())
    window.resize(1366, 768)
    qtbot.waitUntil(lambda: window.diagram.node_count > 0, timeout=20_000)
    return window


def hidden_units(window: MainWindow) -> list[int]:
    return [layer.units for layer in window.document.experiment.model.hidden]


def test_plus_and_minus_on_the_diagram_edit_layers_and_neurons_undoably(qtbot, window) -> None:
    diagram = window.diagram
    qtbot.mouseClick(diagram.buttons.add_layer, Qt.MouseButton.LeftButton)
    assert hidden_units(window) == [4, 4, 4]
    qtbot.waitUntil(lambda: len(diagram.layout_.columns) == 5, timeout=20_000)  # the diagram follows
    plus, minus = diagram.buttons.unit_buttons[1]
    diagram.buttons.hover(2)  # buttons of a crowded diagram show for the column under the mouse

    qtbot.mouseClick(plus, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(plus, Qt.MouseButton.LeftButton)
    assert hidden_units(window) == [4, 6, 4]
    window.document.undo_stack.undo()  # two clicks on one layer's + are one undo step, like a spin box
    assert hidden_units(window) == [4, 4, 4]
    qtbot.mouseClick(minus, Qt.MouseButton.LeftButton)
    assert hidden_units(window) == [4, 3, 4]
    qtbot.mouseClick(diagram.buttons.remove_layer, Qt.MouseButton.LeftButton)
    assert hidden_units(window) == [4, 3]
    window.document.undo_stack.undo()
    assert hidden_units(window) == [4, 3, 4]


def test_a_neuron_fewer_than_one_is_refused_with_a_reason(qtbot, window) -> None:
    window.document.edit(lambda e: setattr(e.model.hidden[0], "units", 1), "one unit")
    assert not window.diagram_edits.change_units(0, -1)
    assert hidden_units(window) == [1, 4]
    assert window.statusBar().currentMessage()  # the document's reason, not silence


def test_a_click_on_an_input_node_turns_that_feature_off_and_the_menu_on(qtbot, window) -> None:
    diagram = window.diagram
    qtbot.waitUntil(lambda: diagram.buttons.features != [], timeout=5000)
    centre = diagram.view_widget.mapFromScene(diagram.node_center(0, 1))  # the second input: X₂
    qtbot.mouseClick(diagram.view_widget.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert window.document.experiment.data.features == ["x1"]
    assert window.panels["data"].feature_boxes["x2"].isChecked() is False  # the data panel agrees
    square = next(a for a in diagram.buttons.inputs_menu.actions() if a.text() == "X₁²")
    square.trigger()
    assert window.document.experiment.data.features == ["x1", "x1_sq"]
    window.document.undo_stack.undo()
    window.document.undo_stack.undo()
    assert window.document.experiment.data.features == ["x1", "x2"]


def test_the_last_input_cannot_be_clicked_away(qtbot, window) -> None:
    window.diagram_edits.toggle_feature("x2", False)
    assert not window.diagram_edits.toggle_feature("x1", False)
    assert window.document.experiment.data.features == ["x1"]


def test_data_set_pictures_choose_the_data_set(qtbot, window) -> None:
    thumbnails = window.thumbnails
    assert thumbnails.buttons["circle"].isChecked()
    assert not thumbnails.buttons["circle"].icon().isNull()
    qtbot.mouseClick(thumbnails.buttons["spiral"], Qt.MouseButton.LeftButton)
    assert window.document.experiment.data.kind == "spiral"
    assert thumbnails.buttons["spiral"].isChecked() and not thumbnails.buttons["circle"].isChecked()
    qtbot.mouseClick(thumbnails.buttons["plane"], Qt.MouseButton.LeftButton)  # regression: the loss follows
    assert window.document.experiment.data.kind == "plane"
    assert window.document.experiment.data.task == "regression"
    window.document.undo_stack.undo()
    assert window.document.experiment.data.kind == "spiral"


def test_checkboxes_under_the_plot_are_the_view_menus_flags(qtbot, window) -> None:
    check = window.view_checks["show_test"]
    assert check.isChecked() == window.menus.flags["show_test"].isChecked()
    qtbot.mouseClick(check, Qt.MouseButton.LeftButton)
    assert window.document.experiment.view.show_test == check.isChecked()
    assert window.menus.flags["show_test"].isChecked() == check.isChecked()
    qtbot.mouseClick(window.view_checks["discretize"], Qt.MouseButton.LeftButton)
    assert window.boundary.discretize
    window.menus.flags["discretize"].trigger()  # from the menu: the box follows
    assert not window.view_checks["discretize"].isChecked()


def test_most_used_settings_beside_train_edit_the_document(qtbot, window) -> None:
    quick = window.quick
    lr = OPTIMIZERS["sgd"].param("lr")
    assert (quick.lr.minimum(), quick.lr.maximum()) == pytest.approx((lr.minimum or 1e-12, lr.maximum), rel=1e-6)
    assert quick.lr.value() == pytest.approx(0.03)
    quick.lr.setValue(0.1)
    assert window.document.experiment.training.optimizer.model_extra["lr"] == pytest.approx(0.1)
    assert window.panels["training"].findChild(type(quick.lr), "lr").value() == pytest.approx(0.1)
    quick.activation.setCurrentIndex(quick.activation.findData("relu"))
    quick.activation.activated.emit(quick.activation.currentIndex())
    assert {layer.activation for layer in window.document.experiment.model.hidden} == {"relu"}
    quick.penalty.setCurrentIndex(quick.penalty.findData("l2"))
    quick.penalty.activated.emit(quick.penalty.currentIndex())
    quick.rate.setValue(0.01)
    assert window.document.experiment.training.l2 == pytest.approx(0.01)
    assert window.document.experiment.training.l1 == 0.0
    quick.problem.setCurrentIndex(quick.problem.findData("regression"))
    quick.problem.activated.emit(quick.problem.currentIndex())
    assert window.document.experiment.data.task == "regression"
    window.document.undo_stack.undo()
    assert window.document.experiment.data.task == "classification"
    assert quick.problem.currentData() == "classification"


def test_colour_keys_say_what_the_colours_mean(qtbot, window) -> None:
    window.controller.step()
    qtbot.waitUntil(lambda: window.controller.status.step >= 1, timeout=20_000)
    qtbot.waitUntil(lambda: window.boundary.legend.isVisible(), timeout=5000)
    assert window.boundary.legend.bar.tick_texts() == ["class 0", "unsure", "class 1"]
    assert window.diagram.legend.bar.tick_texts() == ["−", "0", "+"]
    window.boundary.show_neuron(window.boundary.layers["plane"]._last[:, :, 0] - 0.5)  # a unit's map
    low, zero, high = window.boundary.legend.bar.tick_texts()
    assert zero == "0" and low == "−" + high
    window.boundary.show_neuron(None)
    assert window.boundary.legend.bar.tick_texts()[1] == "unsure"
    window.inside.selection.select("0.weight")
    window.docks["inspector"].raise_()
    qtbot.waitUntil(lambda: window.inside.inspector.panels["weight"].values is not None, timeout=10_000)
    weights = window.inside.inspector.panels["weight"]
    limit = float(abs(weights.values).max())
    assert weights.bar.tick_texts() == [f"−{limit:.3g}", "0", f"{limit:.3g}"]


def test_nothing_but_a_click_inside_a_node_toggles_an_input(qtbot, window) -> None:
    """A click between nodes neither edits nor toggles (the inputs stay as they were)."""
    diagram = window.diagram
    column = diagram.layout_.columns[0]
    gap = diagram.view.mapViewToScene(QPointF(column.x + 0.5, column.node_y(0) + 1.1))
    pos = diagram.view_widget.mapFromScene(gap)
    qtbot.mouseClick(diagram.view_widget.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert window.document.experiment.data.features == ["x1", "x2"]


def test_the_activation_box_says_why_it_has_no_answer(qtbot, settings) -> None:
    """No hidden layer (softmax regression): the disabled box says so instead of showing nothing."""
    w = open_window(qtbot, settings, Experiment(data=DataSpec(kind="xor", samples=40), model=ModelSpec(hidden=[])))
    box = w.quick.activation
    assert not box.isEnabled() and box.currentIndex() == -1
    assert box.placeholderText() == "no hidden layer"
    w.document.edit(lambda e: setattr(e.model, "hidden", [LayerSpec(units=2, activation="tanh"),
                                                          LayerSpec(units=2, activation="relu")]), "two kinds")
    assert box.isEnabled() and box.currentIndex() == -1 and box.placeholderText() == "mixed"
    w.document.edit(lambda e: setattr(e.model, "hidden", [LayerSpec(units=2, activation="tanh")]), "one kind")
    assert box.currentData() == "tanh"
