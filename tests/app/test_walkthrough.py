"""A student walks through every lesson in the real window, as its text says.

Open the lesson, press Train, then each "try this" button in order and Train after each, and
check the claim of each step on the numbers the window shows (scoreboard, accuracy plot, the
lesson's own table). Each button starts a fresh run of the lesson's experiment with that one
change, so every run trains exactly the lesson's epochs; "Start the lesson again" resets the
experiment and the run. The margins are those of ``tests/test_lessons.py`` (the headless claims).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from playground.app.main_window import MainWindow
from playground.core.lessons import lesson_experiment, lessons
from playground.core.spec import DataSpec, Experiment
from playground.core.status import DIVERGED, FINISHED
from tests.app.window_helpers import capture_message_boxes, open_window

LESSONS = [lesson for _path, lesson in lessons()][:12]
TRAIN_TIMEOUT_MS = 120_000


@dataclass
class Shown:
    """The numbers on screen after a run: scoreboard tiles and the accuracy plot's summary."""

    epoch: int
    train_loss: float
    test_loss: float
    train_metric: float
    test_metric: float
    diverged: bool

    @property
    def accuracy(self) -> tuple[float, float]:
        return self.train_metric, self.test_metric


def _number(text: str) -> float:
    text = text.replace("−", "-").replace(",", "").strip()
    if text in ("–", ""):
        return math.nan
    if text.endswith("%"):
        return float(text.removesuffix("%")) / 100
    return float(text)


def shown(window: MainWindow) -> Shown:
    values = [label.text() for label in window.scoreboard.values]
    summary = re.sub(r"<[^>]+>|&nbsp;|[━╍]", " ", window.metric_plot.summary.text())  # tags, line keys
    train, test = re.search(r"train\s+(\S+(?: %)?)\s+·\s+test\s+(\S+(?: %)?)", summary).groups()
    return Shown(int(values[0].replace(",", "")), _number(values[2]),
                 math.nan if values[1] == "diverged" else _number(values[1]),
                 _number(train), _number(test), window.controller.status.state == DIVERGED)


def press_train(qtbot, window: MainWindow, epochs: int | None = None) -> Shown:
    """Click Train and wait for the run to end; the window's numbers once it has drawn them."""
    controller = window.controller
    before = controller.status.epoch
    qtbot.mouseClick(window.control_bar.train_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: (controller.status.state in (FINISHED, DIVERGED) and controller.status.epoch > before)
                    or controller.status.state == DIVERGED, timeout=TRAIN_TIMEOUT_MS)
    if controller.status.state == FINISHED and epochs is not None:
        assert controller.status.epoch == epochs
    window.controller.refresh()
    qtbot.waitUntil(lambda: shown(window).epoch == controller.status.epoch or controller.status.state == DIVERGED,
                    timeout=10_000)
    window.metric_plot.flush()
    panel = window.learning.lessons
    if panel.lesson is not None and panel.lesson.true_values and controller.status.state == FINISHED:
        qtbot.waitUntil(lambda: "| – |" not in panel.markdown(), timeout=10_000)  # the learned values
    return shown(window)


def press_try(qtbot, window: MainWindow, label: str) -> None:
    """Press the "try this" button whose text starts with ``label``: a fresh run, nothing trained."""
    panel = window.learning.lessons
    button = next(b for b in panel.try_buttons if b.text().startswith(label))
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.controller.status.step == 0 and window.session.in_sync(), timeout=20_000)
    assert shown(window).epoch == 0
    assert window.asked == []


Claim = Callable[[Shown, MainWindow], object]


def _01_base(s: Shown, window: MainWindow) -> None:
    assert s.train_loss < 2e-4 and math.isnan(s.test_loss)
    table = window.learning.lessons.markdown()
    assert "| 0.weight[0] | 2 | 1.999" in table and "| 0.bias[0] | 4.2 | 4.19" in table


WALK: dict[int, list[tuple[str | None, Claim]]] = {
    1: [(None, _01_base),
        ("Learning rate 0.003", lambda s, w: 0.3 < s.train_loss < 3),  # 0.91: far from the true weights
        ("One batch of 1,000", lambda s, w: s.train_loss > 10)],  # 22.8
    2: [(None, lambda s, w: s.train_loss < 1e-6),
        ("Sum instead of mean", lambda s, w: s.train_loss < 1e-6)],
    3: [(None, lambda s, w: min(s.accuracy) >= 0.97),
        ("Circle data", lambda s, w: max(s.accuracy) <= 0.7),
        ("Circle with", lambda s, w: min(s.accuracy) >= 0.95)],
    4: [(None, lambda s, w: max(s.accuracy) < 0.8),
        ("Add a hidden layer", lambda s, w: s.accuracy == (1.0, 1.0)),
        ("No hidden layer, but", lambda s, w: min(s.accuracy) >= 0.97)],
    5: [(None, lambda s, w: 0.6 <= s.train_metric <= 0.85),  # 74 %: identical units learn a little
        ("PyTorch's default init", lambda s, w: s.train_metric >= 0.9),
        ("Random output layer", lambda s, w: 0.8 <= s.train_metric < 0.98),
        ("Zero output layer too", lambda s, w: s.train_metric <= 0.6 and s.train_loss > 0.68)],
    6: [(None, lambda s, w: s.train_loss < 0.3),
        ("Too small", lambda s, w: s.train_loss > 5.0),
        ("Too large", lambda s, w: s.diverged or s.train_loss > 1e6)],
    7: [(None, lambda s, w: s.test_metric < 0.7),
        ("Tanh", lambda s, w: min(s.accuracy) >= 0.93),
        ("ReLU", lambda s, w: min(s.accuracy) >= 0.93),
        ("LeakyReLU", lambda s, w: min(s.accuracy) >= 0.93)],
    8: [(None, lambda s, w: s.test_metric < 0.75),
        ("Deeper and wider", lambda s, w: s.train_metric >= 0.95),
        ("sin inputs", lambda s, w: s.test_metric >= 0.9)],
    9: [(None, lambda s, w: s.train_loss > 0.68),
        ("ReLU + Kaiming", lambda s, w: min(s.accuracy) >= 0.95),
        ("Tanh + Xavier", lambda s, w: min(s.accuracy) >= 0.95)],
    10: [(None, lambda s, w: max(s.accuracy) <= 0.6),
         ("Learning rate 0.1", lambda s, w: min(s.accuracy) >= 0.95),
         ("LeakyReLU", lambda s, w: s.train_metric >= 0.95)],
    11: [(None, lambda s, w: s.test_loss > 5 * s.train_loss),
         ("L2 0.01", lambda s, w: s.test_loss < 0.8 * 0.363),
         ("Dropout 0.3", lambda s, w: s.test_loss < 0.8 * 0.363)],
    12: [(None, lambda s, w: s.test_metric >= 0.78),
         ("Add a hidden layer", lambda s, w: s.test_metric < 0.825 + 0.05),
         ("Without standardisation", lambda s, w: s.test_metric < 0.825)],
}


@pytest.fixture
def window(qtbot, settings, monkeypatch) -> MainWindow:
    asked = capture_message_boxes(monkeypatch, QMessageBox.StandardButton.Cancel)
    w = open_window(qtbot, settings, Experiment(name="start", data=DataSpec(kind="gauss", samples=40)))
    qtbot.waitUntil(lambda: w.controller.dataset is not None, timeout=20_000)
    w.asked = asked  # a lesson never asks: no "Apply changes?", no "Save changes?"
    return w


def open_lesson(qtbot, window: MainWindow, number: int) -> None:
    window.learning.lessons_menu.actions()[number - 1].trigger()
    qtbot.waitUntil(lambda: window.learning.lessons.current == number - 1 and window.session.in_sync(),
                    timeout=20_000)


@pytest.mark.parametrize("number", sorted(WALK))
def test_a_student_walks_through_the_lesson(qtbot, window: MainWindow, number: int) -> None:
    lesson = LESSONS[number - 1]
    labels = [label for label, _ in WALK[number][1:]]
    assert len(labels) == len(lesson.try_this), "every button of the lesson is pressed"
    assert all(t.label.startswith(p) for p, t in zip(labels, lesson.try_this)), "in the lesson's order"
    open_lesson(qtbot, window, number)
    epochs = lesson.experiment.training.epochs
    for label, claim in WALK[number]:
        if label is not None:
            press_try(qtbot, window, label)
        result = press_train(qtbot, window, epochs)
        assert claim(result, window) is not False, f"lesson {number}, {label or 'Train'}: {result}"
    # "Start the lesson again": the lesson's experiment, and a run back at epoch 0
    qtbot.mouseClick(window.learning.lessons.restart, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.controller.status.step == 0, timeout=20_000)
    window.controller.refresh()
    path, _lesson = lessons()[number - 1]
    start, now = lesson_experiment(lesson, path), window.document.experiment
    assert all(getattr(now, part) == getattr(start, part) for part in ("data", "model", "training", "view"))
    assert shown(window).epoch == 0
    assert window.asked == []


def test_at_the_epoch_limit_one_click_trains_on(qtbot, window: MainWindow) -> None:
    """Lesson 6's last claim: keep training at 0.15 and the loss becomes infinite (issue 16, item 2)."""
    open_lesson(qtbot, window, 6)
    press_train(qtbot, window, 10)
    more = window.status_display.more
    assert more.isVisible() and more.text() == "Train 10 more epochs"
    qtbot.mouseClick(window.control_bar.train_button, Qt.MouseButton.LeftButton)  # Train goes on too
    qtbot.waitUntil(lambda: window.controller.status.state == FINISHED and window.controller.status.epoch == 20,
                    timeout=TRAIN_TIMEOUT_MS)
    press_try(qtbot, window, "Too large")
    assert not more.isVisible()
    press_train(qtbot, window, 10)
    qtbot.mouseClick(more, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.controller.status.state == DIVERGED, timeout=TRAIN_TIMEOUT_MS)
    assert not more.isVisible() and 10 < window.controller.status.epoch <= 20
    assert window.asked == []
