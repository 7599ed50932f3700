"""The main window as a user drives it: train, pause, step, edit, draw, save, reopen, close."""

from __future__ import annotations

import subprocess
import sys
from operator import attrgetter
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QMessageBox, QWidget
from window_helpers import Shown, capture_message_boxes, open_window

from playground.app.main_window import MainWindow
from playground.core.experiment_io import load_experiment, save_experiment
from playground.core.resources import examples_dir
from playground.core.spec import DataSpec, Experiment, LayerSpec, ModelSpec, OptimizerSpec, TrainingSpec
from playground.core.status import IDLE, PAUSED, TRAINING

ROOT = Path(__file__).resolve().parents[2]


def xor() -> Experiment:
    return Experiment(
        name="XOR", description="Two hidden features are enough for **XOR**.",
        data=DataSpec(kind="xor", samples=200, noise=0.0),
        model=ModelSpec(hidden=[LayerSpec(units=8, activation="tanh")]),
        training=TrainingSpec(optimizer=OptimizerSpec(name="sgd", lr=0.03), batch_size=10, epochs=0))


def make_window(qtbot, settings, experiment: Experiment | None = None) -> MainWindow:
    return open_window(qtbot, settings, experiment or xor(), remember_layout=True)


@pytest.fixture
def window(qtbot, settings) -> MainWindow:
    return make_window(qtbot, settings)


@pytest.fixture
def answers(monkeypatch) -> Shown:
    """Captures message boxes; ``question`` answers from ``answers.replies`` (default: Cancel)."""
    return capture_message_boxes(monkeypatch, QMessageBox.StandardButton.Cancel)


def wait_state(qtbot, window: MainWindow, state: str, timeout: int = 10_000) -> None:
    qtbot.waitUntil(lambda: window.controller.status.state == state, timeout=timeout)


def train_a_little(qtbot, window: MainWindow, epochs: int = 5) -> None:
    window.controller.start()
    qtbot.waitUntil(lambda: window.controller.status.epoch >= epochs, timeout=20_000)
    window.controller.pause()
    wait_state(qtbot, window, PAUSED)
    window.controller.refresh()


def test_title_description_and_first_picture(window: MainWindow) -> None:
    assert window.windowTitle() == "XOR[*] — Torch Playground"
    assert not window.isWindowModified()
    assert "XOR" in window.description.text()
    assert "Epoch: 0" in window.scoreboard.text()
    assert window.boundary.point_count() == 100
    assert window.boundary.layers["plane"].image.image is not None
    assert window.statusBar().findChildren(QWidget)


def test_train_button_reaches_full_accuracy_on_xor(qtbot, window: MainWindow) -> None:
    qtbot.mouseClick(window.control_bar.train_button, Qt.MouseButton.LeftButton)
    wait_state(qtbot, window, TRAINING)
    assert window.actions_.train.text() == "Pause"

    def perfect() -> bool:
        window.metric_plot.flush()
        return "train 100.0 %" in window.metric_plot.summary.text()
    qtbot.waitUntil(perfect, timeout=60_000)
    qtbot.mouseClick(window.control_bar.train_button, Qt.MouseButton.LeftButton)
    wait_state(qtbot, window, PAUSED)
    assert window.actions_.train.text() == "Resume"
    assert window.isWindowModified()  # trained weights are not on disk
    assert "paused" in window.status_display.state.text()


def test_pause_step_resume_with_shortcuts(qtbot, window: MainWindow) -> None:
    qtbot.keyClick(window, Qt.Key.Key_Space)
    wait_state(qtbot, window, TRAINING)
    qtbot.waitUntil(lambda: window.controller.status.step > 10, timeout=10_000)
    qtbot.keyClick(window, Qt.Key.Key_Space)
    wait_state(qtbot, window, PAUSED)
    before = window.controller.status.step
    qtbot.keyClick(window, Qt.Key.Key_Period, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.controller.latest.step == before + 1, timeout=5000)
    assert window.controller.call(attrgetter("step")) == before + 1
    assert window.status_display.step.text() == f"Step {before + 1}"
    qtbot.keyClick(window, Qt.Key.Key_Space)
    wait_state(qtbot, window, TRAINING)
    qtbot.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    wait_state(qtbot, window, IDLE)
    qtbot.waitUntil(lambda: window.controller.latest.step == 0, timeout=5000)


def test_learning_rate_from_the_training_panel_reaches_the_engine(qtbot, window: MainWindow) -> None:
    window.controller.start()
    wait_state(qtbot, window, TRAINING)
    lr = window.panels["training"].findChild(QWidget, "lr")
    qtbot.keyClick(lr, Qt.Key.Key_Up)
    assert window.document.experiment.training.optimizer.values()["lr"] == pytest.approx(0.1)
    qtbot.waitUntil(lambda: window.controller.call(attrgetter("lr")) == pytest.approx(0.1), timeout=5000)
    assert window.controller.status.state == TRAINING  # no reset for a live option
    window.controller.pause()
    wait_state(qtbot, window, PAUSED)


def test_undo_and_redo_an_edit_rebuild_the_data(qtbot, window: MainWindow) -> None:
    window.document.edit(lambda e: setattr(e.data, "samples", 300), "Change samples")
    assert window.boundary.point_count() == 150
    assert window.isWindowModified()
    window.menus.undo.trigger()
    assert window.document.experiment.data.samples == 200
    assert window.boundary.point_count() == 100
    assert not window.isWindowModified()
    window.menus.redo.trigger()
    assert window.boundary.point_count() == 150


def click_plane(qtbot, window: MainWindow, x: float, y: float, button: Qt.MouseButton) -> None:
    view = window.boundary.widget
    scene = window.boundary.plot_item.getViewBox().mapViewToScene(QPointF(x, y))
    pos = view.mapFromScene(scene)
    qtbot.mouseClick(view.viewport(), button, pos=pos)


def test_draw_and_remove_points(qtbot, window: MainWindow) -> None:
    data_panel = window.panels["data"]
    data_panel.draw_button.setChecked(True)
    assert window.boundary.draw_enabled
    count = window.boundary.point_count()
    click_plane(qtbot, window, 3.0, 3.0, Qt.MouseButton.LeftButton)
    added = window.document.experiment.data.added
    assert len(added) == 1
    assert added[0].x == pytest.approx([3.0, 3.0], abs=0.1)
    assert window.boundary.point_count() == count + 1
    click_plane(qtbot, window, *added[0].x, Qt.MouseButton.RightButton)  # a drawn point leaves `added`
    assert window.document.experiment.data.added == []
    assert window.boundary.point_count() == count
    first = window.controller.dataset.x_train[0]
    click_plane(qtbot, window, float(first[0]), float(first[1]), Qt.MouseButton.RightButton)
    assert window.document.experiment.data.removed == [0]
    assert window.boundary.point_count() == count - 1
    window.menus.undo.trigger()
    assert window.boundary.point_count() == count


def test_structural_edit_while_paused_asks_first(qtbot, window: MainWindow, answers) -> None:
    train_a_little(qtbot, window, epochs=2)
    step = window.controller.status.step
    window.document.edit(lambda e: setattr(e.data, "noise", 0.2), "Change noise")  # answered Cancel
    qtbot.waitUntil(lambda: window.document.experiment.data.noise == 0.0, timeout=5000)
    assert "reset weights" in answers[-1]
    assert window.controller.call(attrgetter("step")) == step  # the run is untouched
    answers.replies.append(QMessageBox.StandardButton.Apply)
    window.document.edit(lambda e: setattr(e.data, "noise", 0.2), "Change noise")
    qtbot.waitUntil(lambda: window.controller.status.step == 0, timeout=5000)
    assert window.document.experiment.data.noise == 0.2
    assert window.controller.call(attrgetter("spec.data.noise")) == 0.2


def test_save_and_reopen_restores_history(qtbot, window: MainWindow, settings, tmp_path: Path) -> None:
    train_a_little(qtbot, window)
    path = tmp_path / "xor.json"
    assert window.files.save_to(path)
    assert not window.isWindowModified()
    saved = window.controller.latest.history

    other = make_window(qtbot, settings, Experiment())
    assert other.files.open_path(path)
    assert other.windowTitle() == "XOR[*] — Torch Playground"
    assert not other.isWindowModified()
    reopened = other.controller.latest.history
    assert len(reopened["step"]) == len(saved["step"]) > 5
    for column in saved:
        np.testing.assert_allclose(reopened[column], saved[column], equal_nan=True)
    step = other.controller.status.step
    assert step == load_experiment(path).state.step
    other.controller.step()  # training goes on from the saved step
    qtbot.waitUntil(lambda: other.controller.status.step == step + 1, timeout=5000)
    assert str(path.resolve()) in other.files.recent()


def test_bad_files_leave_the_experiment_untouched(window: MainWindow, answers, tmp_path: Path) -> None:
    before = window.document.experiment
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    assert not window.files.open_path(bad)
    assert "not valid JSON" in answers[-1]
    wrong_state = tmp_path / "state.json"
    good = xor()
    good.state = None
    save_experiment(good, wrong_state)
    text = wrong_state.read_text().replace('"state": null', '"state": {"tensors": "bm90IGJhc2U2NA=="}')
    wrong_state.write_text(text)
    assert not window.files.open_path(wrong_state)
    assert "safetensors" in answers[-1] or "base64" in answers[-1]
    assert window.document.experiment == before
    assert window.document.path is None
    assert window.boundary.point_count() == 100


def test_unsaved_changes_prompt_on_new(qtbot, window: MainWindow, answers) -> None:
    window.document.edit(lambda e: setattr(e, "name", "Mine"), "Rename")
    assert not window.files.new()  # Cancel
    assert window.document.experiment.name == "Mine"
    answers.replies.append(QMessageBox.StandardButton.Discard)
    assert window.files.new()
    assert window.document.experiment.name == "Untitled"


def test_classroom_mode_is_stored_in_the_file(qtbot, window: MainWindow, settings, tmp_path: Path) -> None:
    window.menus.panels["data"].trigger()
    window.menus.flags["show_test"].trigger()
    assert window.document.experiment.view.hidden == ["data"]
    assert window.docks["data"].isHidden()
    assert window.boundary.point_count() == 200
    path = tmp_path / "lesson.json"
    assert window.files.save_to(path)
    other = make_window(qtbot, settings, Experiment())
    assert other.files.open_path(path)
    assert other.docks["data"].isHidden()
    assert other.menus.flags["show_test"].isChecked()
    assert not other.menus.panels["data"].isChecked()


def test_exports(qtbot, window: MainWindow, tmp_path: Path) -> None:
    from safetensors.torch import load_file

    train_a_little(qtbot, window, epochs=1)
    assert window.files.export_weights_to(tmp_path / "w.safetensors")
    assert set(load_file(tmp_path / "w.safetensors")) == {"0.weight", "0.bias", "2.weight", "2.bias"}
    from safetensors import safe_open

    with safe_open(str(tmp_path / "w.safetensors"), "pt") as f:
        assert "architecture" in f.metadata()
    assert window.files.export_plot_to(tmp_path / "plot.png")
    assert window.files.export_plot_to(tmp_path / "plot.svg")
    assert (tmp_path / "plot.png").stat().st_size > 5000
    assert "<svg" in (tmp_path / "plot.svg").read_text(encoding="utf-8")[:2000]


def test_divergence_is_told_not_thrown(qtbot, settings) -> None:
    wild = Experiment(data=DataSpec(kind="sine", samples=200),
                      model=ModelSpec(hidden=[LayerSpec(units=64, activation="relu")] * 3),
                      training=TrainingSpec(optimizer=OptimizerSpec(name="sgd", lr=10.0, momentum=0.99),
                                            batch_size=1, epochs=0))
    window = make_window(qtbot, settings, wild)
    window.controller.start()
    qtbot.waitUntil(lambda: window.controller.status.state == "diverged", timeout=30_000)
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "trainingError") is not None, timeout=5000)
    assert "loss became" in window.statusBar().currentMessage()
    assert not window.actions_.train.isEnabled()
    window.findChild(QMessageBox, "trainingError").close()


def test_close_mid_training_stops_the_thread(qtbot, window: MainWindow) -> None:
    window.controller.start()
    wait_state(qtbot, window, TRAINING)
    process = window.controller.worker._process
    window.close()
    assert not window.controller.worker.alive()
    assert process.exitcode == 0, "it quit by itself between two steps, not killed at the timeout"


def test_close_with_unsaved_changes_can_be_cancelled(qtbot, window: MainWindow, answers) -> None:
    window.confirm_close = True
    window.document.edit(lambda e: setattr(e, "name", "Mine"), "Rename")
    window.close()  # Cancel
    assert window.isVisible()
    assert window.controller.worker.alive()
    answers.replies.append(QMessageBox.StandardButton.Discard)
    window.close()
    assert not window.controller.worker.alive()


@pytest.mark.slow
def test_real_process_takes_a_screenshot(tmp_path: Path) -> None:
    example = examples_dir() / "xor.json"
    if not example.exists():
        example = tmp_path / "xor.json"
        save_experiment(xor(), example)
    png = tmp_path / "shot.png"
    result = subprocess.run(
        [sys.executable, "-m", "playground", str(example), "--screenshot", str(png), "--train-seconds", "3"],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
        env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr
    assert png.stat().st_size > 20_000
    from PySide6.QtGui import QImage
    image = QImage(str(png))
    assert image.width() >= 800 and image.height() >= 500


def test_dropping_a_json_file_opens_it(qtbot, window: MainWindow, tmp_path: Path) -> None:
    from PySide6.QtCore import QMimeData, QPoint, QUrl
    from PySide6.QtGui import QDropEvent

    path = tmp_path / "dropped.json"
    save_experiment(Experiment(name="Dropped"), path)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(QPointF(QPoint(200, 200)), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    assert window.document.experiment.name == "Dropped"
    assert window.document.path == path.resolve()


def test_view_toggles_reach_the_plots(window: MainWindow) -> None:
    window.menus.flags["log_loss"].trigger()
    window.menus.flags["discretize"].trigger()
    assert window.document.experiment.view.log_loss
    assert window.loss_plot.log_y
    assert window.boundary.discretize
    window.menus.undo.trigger()
    assert not window.boundary.discretize
    assert window.loss_plot.log_y


def test_export_weights_menu_opens_the_dialog_on_the_trained_state(qtbot, window: MainWindow, monkeypatch) -> None:
    from playground.app import files

    seen = []

    def fake_exec(dialog) -> int:
        seen.append(dialog)
        return files.ExportDialog.DialogCode.Rejected

    monkeypatch.setattr(files.ExportDialog, "exec", fake_exec)
    train_a_little(qtbot, window, epochs=1)
    window.menus.export_weights.trigger()
    assert len(seen) == 1
    assert seen[0].format_combo.currentData() == "safetensors"
    assert seen[0]._experiment.state is not None and seen[0]._experiment.state.epoch >= 1
