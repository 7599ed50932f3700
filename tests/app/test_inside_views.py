"""The views of the inside of the network, driven as a user would (issue 9)."""

from __future__ import annotations

import re

import numpy as np
import pytest
import torch
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QToolTip
from window_helpers import open_window

from playground.app.main_window import MainWindow
from playground.app.worker import FINISHED, PAUSED, TRAINING
from playground.core.experiment_io import load_experiment
from playground.core.spec import DataSpec, Experiment, LayerSpec, ModelSpec, OptimizerSpec, PointSpec, TrainingSpec


# ------------------------------------------------------------------ run inside the runner (picklable)
def param_value(engine, name: str, index: tuple) -> float:
    return float(dict(engine.model.named_parameters())[name].detach()[index].item())


def grad_value(engine, name: str, index: tuple) -> float:
    return float(dict(engine.model.named_parameters())[name].grad[index].item())


def grad_norm(engine, name: str) -> float:
    return float(torch.linalg.vector_norm(dict(engine.model.named_parameters())[name].grad.double()).item())


def weights(engine) -> dict[str, np.ndarray]:
    return {k: v.detach().double().cpu().numpy() for k, v in engine.model.state_dict().items()}


def predict(engine, raw: np.ndarray) -> np.ndarray:
    return engine.predict(raw)


def engine_step(engine) -> int:
    return engine.step


# ------------------------------------------------------------------ helpers
def experiment(hidden=(8,), opt=None, kind="xor", init="default", activation="tanh", **data) -> Experiment:
    return Experiment(
        name="inside", data=DataSpec(kind=kind, samples=200, noise=0.0, **data),
        model=ModelSpec(hidden=[LayerSpec(units=u, activation=activation) for u in hidden], init=init),
        training=TrainingSpec(optimizer=OptimizerSpec(**(opt or {"name": "sgd", "lr": 0.03})), batch_size=10,
                              epochs=0))


def train_then_pause(qtbot, window: MainWindow, steps: int = 30) -> None:
    window.controller.start()
    qtbot.waitUntil(lambda: window.controller.status.step >= steps, timeout=20_000)
    window.controller.pause()
    qtbot.waitUntil(lambda: window.controller.status.state == PAUSED, timeout=5000)
    settled(qtbot, window)


def settled(qtbot, window: MainWindow) -> None:
    """The views show the runner's current step."""
    step = window.controller.call(engine_step)
    qtbot.waitUntil(lambda: window.diagram.snapshot is not None and window.diagram.snapshot.step == step,
                    timeout=5000)


def number(text: str, label: str) -> float:
    match = re.search(re.escape(label) + r"\s*=\s*(\S+)", text)
    assert match, f"{label!r} not in {text!r}"
    return float(match.group(1))


def hover(qtbot, window: MainWindow, scene_pos) -> str:
    diagram = window.diagram
    viewport = diagram.view_widget.viewport()
    point = diagram.view_widget.mapFromScene(scene_pos)
    qtbot.mouseMove(viewport, QPoint(point.x() + 1, point.y()))
    qtbot.mouseMove(viewport, point)
    qtbot.waitUntil(lambda: QToolTip.isVisible() and QToolTip.text() != "", timeout=3000)
    return QToolTip.text()


def click(qtbot, window: MainWindow, scene_pos) -> None:
    diagram = window.diagram
    point = diagram.view_widget.mapFromScene(scene_pos)
    qtbot.mouseClick(diagram.view_widget.viewport(), Qt.MouseButton.LeftButton, pos=point)


# ------------------------------------------------------------------ the diagram
def test_numbers_are_shown_without_float_noise() -> None:
    from playground.app.names import number as shown

    assert shown(np.float32(0.3) - np.float32(0.325)) == "-0.025"  # float32 arithmetic: -0.02499998
    assert shown(0.1234567891) == "0.123457" and shown(-0.0) == "0" and shown(float("nan")) == "–"
    assert shown(1.5e-9) == "1.5e-09" and shown(None) == "–"


def test_diagram_counts_follow_the_architecture(qtbot, settings) -> None:
    window = open_window(qtbot, settings, experiment(hidden=(8,)))
    diagram = window.diagram
    qtbot.waitUntil(lambda: diagram.node_count == 2 + 8 + 2 and diagram.link_count == 2 * 8 + 8 * 2, timeout=5000)

    def layers(*units: int) -> None:
        window.document.edit(lambda e: setattr(e.model, "hidden", [LayerSpec(units=u) for u in units]), "layers")

    layers(8, 4)
    qtbot.waitUntil(lambda: diagram.node_count == 2 + 8 + 4 + 2 and diagram.link_count == 16 + 32 + 8, timeout=5000)
    layers(3)
    qtbot.waitUntil(lambda: diagram.node_count == 2 + 3 + 2 and diagram.link_count == 6 + 6, timeout=5000)
    layers(40, 5)  # a layer wider than 32 is summarised: 32 of its units drawn
    qtbot.waitUntil(lambda: diagram.node_count == 2 + 32 + 5 + 2, timeout=5000)
    assert diagram.link_count == 2 * 32 + 32 * 5 + 5 * 2
    assert any("40 units, 32 shown" in t.toPlainText() for t in diagram.texts)


@pytest.mark.parametrize("opt", [{"name": "sgd", "lr": 0.1, "momentum": 0.9}, {"name": "adam", "lr": 0.01}],
                         ids=["sgd-momentum", "adam"])
def test_hovering_shows_pytorchs_weight_gradient_and_bias(qtbot, settings, opt) -> None:
    window = open_window(qtbot, settings, experiment(hidden=(6, 4), opt=opt, kind="circle"))
    train_then_pause(qtbot, window)
    diagram = window.diagram
    i = diagram.link_index("2.weight", (3, 5))
    text = hover(qtbot, window, diagram.link_center(i))
    assert text.splitlines()[0] == "hidden 1 · unit 5 → hidden 2 · unit 3"  # one indexing: w[3, 5], from 0
    assert "indices count from 0" in text
    assert number(text, "w[3, 5]") == pytest.approx(window.controller.call(param_value, "2.weight", (3, 5)), rel=1e-5)
    assert number(text, "∂L/∂w") == pytest.approx(window.controller.call(grad_value, "2.weight", (3, 5)), rel=1e-5)
    text = hover(qtbot, window, diagram.node_center(1, 2))  # hidden 1, unit 2 (from 0)
    assert text.splitlines()[0] == "hidden 1 · unit 2"
    assert number(text, "b[2]") == pytest.approx(window.controller.call(param_value, "0.bias", (2,)), rel=1e-5)
    assert number(text, "∂L/∂b") == pytest.approx(window.controller.call(grad_value, "0.bias", (2,)), rel=1e-5)
    assert window.boundary.showing_neuron  # the hovered unit's map is shown large


def test_clicking_a_link_types_a_weight_that_is_undoable_and_saved(qtbot, settings, tmp_path) -> None:
    window = open_window(qtbot, settings, experiment(hidden=(6, 4), kind="circle"))
    train_then_pause(qtbot, window)
    old = window.controller.call(param_value, "2.weight", (1, 3))
    click(qtbot, window, window.diagram.link_center(window.diagram.link_index("2.weight", (1, 3))))
    editor = window.inside.edits.editor
    assert editor is not None and editor.isVisible()
    editor.selectAll()
    qtbot.keyClicks(editor, "0.75")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.controller.call(param_value, "2.weight", (1, 3)) == pytest.approx(0.75),
                    timeout=5000)
    w = window.controller.call(weights)
    x = np.array([[0.3, -1.2], [2.0, 0.5]])
    model = torch.nn.Sequential(torch.nn.Linear(2, 6), torch.nn.Tanh(), torch.nn.Linear(6, 4), torch.nn.Tanh(),
                                torch.nn.Linear(4, 2)).double()
    model.load_state_dict({k: torch.as_tensor(v) for k, v in w.items()})
    expected = model(torch.as_tensor(x)).detach().numpy()
    np.testing.assert_allclose(window.controller.call(predict, x), expected, rtol=1e-5, atol=1e-6)
    assert window.isWindowModified()

    window.document.undo_stack.undo()
    qtbot.waitUntil(lambda: window.controller.call(param_value, "2.weight", (1, 3)) == pytest.approx(old),
                    timeout=5000)
    window.document.undo_stack.redo()
    qtbot.waitUntil(lambda: window.controller.call(param_value, "2.weight", (1, 3)) == pytest.approx(0.75),
                    timeout=5000)
    path = tmp_path / "edited.json"
    assert window.files.save_to(path)
    reopened = open_window(qtbot, settings, load_experiment(path))
    assert reopened.controller.call(param_value, "2.weight", (1, 3)) == pytest.approx(0.75)


def edit_link(qtbot, window: MainWindow, name: str, index: tuple, keys: list) -> None:
    """Click the link of ``name[index]``: an editor must open; type ``keys`` into it (text or keys)."""
    click(qtbot, window, window.diagram.link_center(window.diagram.link_index(name, index)))
    qtbot.waitUntil(lambda: window.inside.edits.editor is not None and window.inside.edits.editor.isVisible(),
                    timeout=3000)
    editor = window.inside.edits.editor
    editor.selectAll()
    for key in keys:
        if isinstance(key, str):
            qtbot.keyClicks(editor, key)
        else:
            qtbot.keyClick(editor, key)


def test_a_weight_can_be_edited_again_and_again(qtbot, settings, capfd) -> None:
    """Issue 16: after one edit (Enter, Esc or an unchanged value) no editor opened again."""
    window = open_window(qtbot, settings, experiment(hidden=(6, 4), kind="circle"))
    train_then_pause(qtbot, window)

    def value() -> float:
        return window.controller.call(param_value, "2.weight", (1, 3))

    edit_link(qtbot, window, "2.weight", (1, 3), ["0.75", Qt.Key.Key_Return])
    qtbot.waitUntil(lambda: value() == pytest.approx(0.75), timeout=5000)
    edit_link(qtbot, window, "2.weight", (1, 3), ["0.5", Qt.Key.Key_Escape])  # Esc: nothing changes
    assert window.inside.edits.editor is None  # Esc closed the field (it is not the window's Stop here)
    assert value() == pytest.approx(0.75) and window.controller.status.state == PAUSED
    edit_link(qtbot, window, "2.weight", (1, 3), [Qt.Key.Key_Return])  # unchanged value
    edit_link(qtbot, window, "2.weight", (2, 0), ["-0.25", Qt.Key.Key_Return])
    qtbot.waitUntil(lambda: window.controller.call(param_value, "2.weight", (2, 0)) == pytest.approx(-0.25),
                    timeout=5000)
    edit_link(qtbot, window, "2.weight", (1, 3), ["1.5", Qt.Key.Key_Return])
    qtbot.waitUntil(lambda: value() == pytest.approx(1.5), timeout=5000)
    assert window.document.undo_stack.count() == 3
    assert "already deleted" not in capfd.readouterr().err
    settled(qtbot, window)
    text = hover(qtbot, window, window.diagram.link_center(window.diagram.link_index("2.weight", (1, 3))))
    assert "last update" not in text and "set by hand" in text


def test_clicking_before_training_sets_the_starting_bias(qtbot, settings, tmp_path) -> None:
    window = open_window(qtbot, settings, experiment(hidden=(4,), kind="circle"))
    settled(qtbot, window)
    click(qtbot, window, window.diagram.node_center(1, 2))  # hidden 1, unit 2: its bias
    editor = window.inside.edits.editor
    editor.selectAll()
    qtbot.keyClicks(editor, "-1.5")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.controller.call(param_value, "0.bias", (2,)) == pytest.approx(-1.5), timeout=5000)
    assert window.document.experiment.model.init_values["0.bias"][2] == -1.5
    window.controller.reset()  # Reset keeps a typed starting value
    qtbot.waitUntil(lambda: window.controller.status.step == 0, timeout=5000)
    assert window.controller.call(param_value, "0.bias", (2,)) == pytest.approx(-1.5)
    window.document.undo_stack.undo()
    qtbot.waitUntil(lambda: window.controller.call(param_value, "0.bias", (2,)) != pytest.approx(-1.5), timeout=5000)
    assert window.document.experiment.model.init_values is None


def test_editing_waits_for_a_pause(qtbot, settings) -> None:
    window = open_window(qtbot, settings, experiment(hidden=(4,), kind="circle"))
    window.controller.start()
    qtbot.waitUntil(lambda: window.controller.status.state == TRAINING, timeout=5000)
    qtbot.waitUntil(lambda: window.diagram.link_count > 0, timeout=5000)
    click(qtbot, window, window.diagram.link_center(0))
    assert window.inside.edits.editor is None
    window.controller.pause()
    qtbot.waitUntil(lambda: window.controller.status.state == PAUSED, timeout=5000)


# ------------------------------------------------------------------ inspector, gradients, diagnostics
def two_points() -> Experiment:
    return Experiment(
        name="two points",
        data=DataSpec(kind="plane", samples=10, removed=list(range(10)),
                      added=[PointSpec(x=[0.5, -1.5], y=1.0), PointSpec(x=[1.0, 1.0], y=0.0)]),
        model=ModelSpec(hidden=[], init_values={"0.weight": [[0.3, -0.2]], "0.bias": [0.1]}),
        training=TrainingSpec(loss="mse", batch_size=2, optimizer=OptimizerSpec(name="sgd", lr=0.1), epochs=0,
                              dtype="float64"))


def test_the_two_point_example_in_the_inspector(qtbot, settings) -> None:
    window = open_window(qtbot, settings, two_points())
    window.docks["inspector"].raise_()
    inspector = window.inside.inspector
    window.inside.selection.select("0.weight")
    window.controller.step()
    qtbot.waitUntil(lambda: inspector.inspection is not None and inspector.snapshot.step == 1
                    and inspector.inspection.name == "0.weight", timeout=5000)
    np.testing.assert_allclose(inspector.panels["grad"].values, [[-0.025, 0.875]], atol=1e-12)
    assert "batch loss 0.12125" in inspector.header.text()
    assert number(inspector.describe(0, 1), "∂L/∂w") == pytest.approx(0.875, abs=1e-9)
    assert number(inspector.describe(0, 1), "Δw (last update)") == pytest.approx(-0.0875, abs=1e-9)
    assert inspector.panels["grad"].cell_texts() == ["-0.025", "0.875"]  # small parameters show numbers
    window.inside.selection.select("0.bias")
    qtbot.waitUntil(lambda: inspector.inspection.name == "0.bias", timeout=5000)
    np.testing.assert_allclose(inspector.panels["grad"].values, [[-0.25]], atol=1e-12)


def test_inspector_shows_the_optimizer_state(qtbot, settings) -> None:
    window = open_window(qtbot, settings, experiment(hidden=(3,), kind="circle", opt={"name": "adam", "lr": 0.01}))
    window.docks["inspector"].raise_()
    window.inside.selection.select("2.weight")
    train_then_pause(qtbot, window, steps=5)
    inspector = window.inside.inspector
    qtbot.waitUntil(lambda: inspector.inspection is not None and inspector.inspection.name == "2.weight"
                    and inspector.snapshot.step == window.controller.status.step, timeout=5000)
    keys = [inspector.third_box.itemData(i) for i in range(inspector.third_box.count())]
    assert keys == ["update", "exp_avg", "exp_avg_sq"]
    assert f"step = {window.controller.status.step}" in inspector.header.text()
    third = inspector.panels["third"]  # Train → Pause: the last update is shown, or why not and how to see it
    assert third.values is not None or "not recorded for this step (press Step)" in third._title
    window.controller.step()
    qtbot.waitUntil(lambda: inspector.snapshot.step == window.controller.status.step
                    and inspector.inspection.update is not None, timeout=5000)
    assert third.values is not None and third._title == "last update Δw"


def test_the_norm_plot_ends_at_pytorchs_gradient_norm(qtbot, settings) -> None:
    window = open_window(qtbot, settings, experiment(hidden=(6,), kind="circle", opt={"name": "adam", "lr": 0.01}))
    train_then_pause(qtbot, window)
    plot = window.inside.gradients
    plot.flush()
    for name in ("0.weight", "0.bias", "2.weight"):
        _, value = plot.last_point(name)
        assert value == pytest.approx(window.controller.call(grad_norm, name), rel=1e-6)


def test_diagnostics_reach_the_status_bar_and_the_diagram(qtbot, settings) -> None:
    window = open_window(qtbot, settings, experiment(hidden=(8, 8), kind="circle", init="zeros",
                                                    opt={"name": "sgd", "lr": 0.1}))
    train_then_pause(qtbot, window, steps=50)
    label = window.status_display.diagnosis
    qtbot.waitUntil(lambda: "units are identical" in label.text(), timeout=5000)
    assert label.text().startswith("⚠ hidden 1: its 8 units are identical")
    assert any(t.startswith("hidden 1:") for t in window.diagram.marked_layers())


def shown_diagnosis(window: MainWindow) -> str:
    """The diagnosis words the user can read in the status bar now (a message must not hide them)."""
    label = window.status_display.diagnosis
    visible = label.text() if label.isVisible() else ""
    return visible + " | " + window.statusBar().currentMessage()


def test_when_the_run_ends_the_lasting_diagnosis_names_the_learning_rate(qtbot, settings) -> None:
    """Issue 16: SGD lr 5 on tanh 8,8: the run's end left only "gradients vanish … try ReLU"."""
    exp = experiment(hidden=(8, 8), kind="circle", opt={"name": "sgd", "lr": 5.0})
    exp.training.epochs = 10
    window = open_window(qtbot, settings, exp)
    window.controller.start()
    qtbot.waitUntil(lambda: window.controller.status.state == FINISHED, timeout=60_000)
    qtbot.waitUntil(lambda: "learning rate 5 is too large" in shown_diagnosis(window), timeout=10_000)
    assert "finished 10 epochs" in window.statusBar().currentMessage()  # both: the message and the cure
    marks = window.diagram.marked_layers()
    assert marks and all("learning rate 5 is too large" in m and "ReLU" not in m for m in marks)


def test_a_short_run_ends_with_its_vanishing_gradient_warning(qtbot, settings) -> None:
    """Issue 16: lesson 9's run ends in a fraction of a second, and said nothing."""
    window = open_window(qtbot, settings, experiment(hidden=(8,) * 6, activation="sigmoid", kind="circle",
                                                    opt={"name": "sgd", "lr": 0.1}))
    window.document.edit(lambda e: setattr(e.training, "epochs", 3), "epochs")
    window.controller.start()
    qtbot.waitUntil(lambda: window.controller.status.state == FINISHED, timeout=60_000)
    qtbot.waitUntil(lambda: "gradients vanish in hidden 1" in shown_diagnosis(window), timeout=10_000)
    assert any(m.startswith("gradients vanish in hidden 1") for m in window.diagram.marked_layers())


def largest_deep_width() -> int:
    """The widest 32-layer network the app accepts (its parameter limit)."""
    from playground.core.limits import MAX_PARAMETERS, count_parameters

    width = 1
    while count_parameters([width + 1] * 32, ["none"] * 32, 2, 2) <= MAX_PARAMETERS:
        width += 1
    return width


@pytest.mark.slow
def test_pause_stops_training_on_the_largest_model(qtbot, settings) -> None:
    """Pause on the largest deep model stops the runner at a step boundary and keeps it there; how
    quickly it answers is measured in bench/, not asserted here (a loaded machine is not a stopwatch)."""
    window = open_window(qtbot, settings, experiment(hidden=(largest_deep_width(),) * 32, kind="spiral"))
    window.controller.start()
    qtbot.waitUntil(lambda: window.controller.status.state == TRAINING and window.controller.status.step >= 2,
                    timeout=120_000)
    window.controller.pause()
    qtbot.waitUntil(lambda: window.controller.status.state == PAUSED, timeout=60_000)
    stopped = window.controller.call(engine_step)
    assert stopped == window.controller.status.step >= 2  # the status tells the step the engine holds
    window.controller.step()  # and it is paused, not still training: Step trains exactly one more
    qtbot.waitUntil(lambda: window.controller.status.step == stopped + 1, timeout=60_000)
    assert window.controller.status.state == PAUSED and window.controller.call(engine_step) == stopped + 1
