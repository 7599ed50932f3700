"""Leaving a lesson, its scroll position and the document's name (issue 16, item 6).

Training is not an edit: a lesson's run is left without a question (the status bar says the
weights were not kept), while edits, and the trained weights of the user's own experiment, are
never dropped without asking.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QSpinBox

from playground.app.main_window import MainWindow
from playground.core.spec import DataSpec, Experiment
from playground.core.status import FINISHED, PAUSED, TRAINING
from tests.app.window_helpers import capture_message_boxes, open_window


@pytest.fixture
def window(qtbot, settings) -> MainWindow:
    w = open_window(qtbot, settings, Experiment(data=DataSpec(kind="gauss", samples=40)))
    qtbot.waitUntil(lambda: w.controller.dataset is not None, timeout=20_000)
    return w


def train_to_the_end(qtbot, window: MainWindow) -> None:
    qtbot.mouseClick(window.control_bar.train_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.controller.status.state == FINISHED, timeout=60_000)


def test_a_trained_lesson_is_left_without_a_question_but_not_silently(qtbot, window, monkeypatch) -> None:
    asked = capture_message_boxes(monkeypatch, QMessageBox.StandardButton.Cancel)
    panel = window.learning.lessons
    assert panel.open_lesson(1)  # lesson 2: twenty steps
    train_to_the_end(qtbot, window)
    assert window.document.trained_unsaved and not window.document.edited
    qtbot.mouseClick(panel.next, Qt.MouseButton.LeftButton)
    assert panel.current == 2 and asked == []
    assert "were not kept" in window.statusBar().currentMessage()

    qtbot.mouseClick(panel.try_buttons[0], Qt.MouseButton.LeftButton)  # an edit: that is asked about
    qtbot.mouseClick(panel.next, Qt.MouseButton.LeftButton)
    assert panel.current == 2 and len(asked) == 1 and "unsaved changes" in asked[0]


def test_the_trained_weights_of_an_own_experiment_are_asked_about(qtbot, window, monkeypatch) -> None:
    asked = capture_message_boxes(monkeypatch, QMessageBox.StandardButton.Cancel)
    window.controller.step()
    qtbot.waitUntil(lambda: window.controller.status.state == PAUSED and window.document.modified, timeout=10_000)
    assert not window.files.new()
    assert len(asked) == 1 and "trained weights that are not saved" in asked[0]


def test_a_new_lesson_opens_at_its_top(qtbot, window) -> None:
    window.resize(700, 500)
    panel = window.learning.lessons
    window.learning.show_tab("lesson")
    assert panel.open_lesson(4)
    bar = panel.text.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0, timeout=5000)
    bar.setValue(bar.maximum())
    assert panel.open_lesson(5)
    assert bar.value() == 0




def test_the_save_question_and_dialog_name_the_experiment_in_chinese(qtbot, settings, chinese, monkeypatch,
                                                                     tmp_path: Path) -> None:
    window = open_window(qtbot, settings, Experiment(data=DataSpec(kind="gauss", samples=40)))
    qtbot.waitUntil(lambda: window.controller.dataset is not None, timeout=20_000)
    asked = capture_message_boxes(monkeypatch, QMessageBox.StandardButton.Cancel)
    starts: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda _w, _t, start, *_a: (starts.append(start), ("", ""))[1])
    window.document.edit(lambda e: setattr(e.training, "l2", 0.01), "l2")
    assert not window.files.new()
    assert "未命名" in asked[0] and "Untitled" not in asked[0]
    assert not window.files.save_as()
    assert Path(starts[0]).name == "未命名.json"


def test_a_new_experiment_trains_until_paused(qtbot, window, monkeypatch) -> None:
    """TensorFlow Playground's default: File ▸ New has no epoch limit; Train runs until Pause."""
    capture_message_boxes(monkeypatch, QMessageBox.StandardButton.Discard)
    assert window.files.new()
    assert window.document.experiment.training.epochs == 0
    assert window.panels["training"].findChild(QSpinBox, "epochs").text() == "Until stopped"
    qtbot.mouseClick(window.control_bar.train_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.controller.status.epoch >= 3, timeout=60_000)
    assert window.controller.status.state == TRAINING
    qtbot.mouseClick(window.control_bar.train_button, Qt.MouseButton.LeftButton)  # Pause
    qtbot.waitUntil(lambda: window.controller.status.state == PAUSED, timeout=10_000)


def test_file_new_leaves_the_lesson(qtbot, window, monkeypatch) -> None:
    """After File ▸ New the panel no longer offers the old lesson's "try this" on the new experiment."""
    capture_message_boxes(monkeypatch, QMessageBox.StandardButton.Discard)
    panel = window.learning.lessons
    assert panel.open_lesson(0)
    goal = panel.lesson.goal[:40]
    assert goal in panel.text.toPlainText()
    assert panel.restart.isVisible() or panel.restart.isVisibleTo(panel)
    assert window.files.new()
    assert panel.lesson is None
    assert goal not in panel.text.toPlainText()  # the list of lessons again, not the old one's text
    assert not any(b.isVisibleTo(panel) for b in panel.try_buttons)
    assert not panel.restart.isVisibleTo(panel)
