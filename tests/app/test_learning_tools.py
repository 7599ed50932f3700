"""The learning tools as a student uses them: Lessons menu and panel, Maths and Autograd tabs, previews."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QMessageBox

from playground.app import i18n
from playground.app.document import ExperimentDocument
from playground.app.main_window import MainWindow
from playground.app.worker import FINISHED, IDLE, PAUSED
from playground.core.remote import NEXT_BATCH, PARAMETER_VALUES
from playground.core.spec import DataSpec, Experiment, LayerSpec, ModelSpec


@pytest.fixture
def window(qtbot, settings) -> MainWindow:
    experiment = Experiment(name="XOR", data=DataSpec(kind="xor", samples=40),
                            model=ModelSpec(hidden=[LayerSpec(units=8, activation="tanh")]))
    w = MainWindow(ExperimentDocument(experiment), settings=settings, remember_layout=False)
    w.confirm_close = False
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.controller.dataset is not None, timeout=20_000)
    return w


def lesson_action(window: MainWindow, number: int):
    return window.learning.lessons_menu.actions()[number - 1]


def open_lesson(qtbot, window: MainWindow, number: int) -> None:
    lesson_action(window, number).trigger()
    qtbot.waitUntil(lambda: window.learning.lessons.current == number - 1, timeout=20_000)


def test_lessons_open_from_the_menu_and_their_buttons_edit_the_experiment(qtbot, window: MainWindow) -> None:
    titles = [a.text() for a in window.learning.lessons_menu.actions() if a.text()]
    assert titles[0] == "&1. Linear regression, as in d2l" and "12. Softmax regression" in titles[11]
    open_lesson(qtbot, window, 4)
    panel = window.learning.lessons
    assert window.document.experiment.model.hidden == [] and window.document.path is None
    assert window.windowTitle().startswith("XOR needs a hidden layer")
    text = panel.text.toPlainText()
    assert "What to do" in text and "Think about it" in text and "How many straight lines" in text
    assert "Two: each hidden unit" not in text  # the answer waits for its button
    qtbot.mouseClick(panel.answer_button, Qt.MouseButton.LeftButton)
    assert "Two: each hidden unit" in panel.text.toPlainText()
    assert "67 %" in panel.text.toPlainText()  # the app's numbers
    button = panel.try_buttons[0]
    assert button.text() == "Add a hidden layer (4 tanh units)"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert [h.units for h in window.document.experiment.model.hidden] == [4]
    qtbot.waitUntil(lambda: "nn.Linear(2, 4)" in window.panels["network"].code.toPlainText(), timeout=5000)
    window.document.undo_stack.undo()
    assert window.document.experiment.model.hidden == []

    qtbot.mouseClick(panel.previous, Qt.MouseButton.LeftButton)  # lesson 3, then the d2l lesson from the list
    assert panel.current == 2
    open_lesson(qtbot, window, 1)
    assert "| 0.weight[0] | 2 | – |" in panel.markdown()
    window.controller.start()
    qtbot.waitUntil(lambda: window.controller.status.state == FINISHED, timeout=30_000)
    qtbot.waitUntil(lambda: "1.9999" in panel.markdown(), timeout=10_000)  # learned next to true
    assert "−3.4000" in panel.markdown().replace("-", "−") and "4.19" in panel.markdown()
    assert "Test loss: –" in window.scoreboard.text()  # every point trains: no test loss to show
    assert "finished 3 epochs" in window.statusBar().currentMessage()


def test_the_maths_tab_walks_the_textbook_step_and_follows_training(qtbot, window: MainWindow) -> None:
    open_lesson(qtbot, window, 2)
    maths = window.learning.maths
    window.learning.show_tab("maths")
    qtbot.waitUntil(lambda: maths.maths is not None and sorted(maths.maths.samples) == [0, 1], timeout=10_000)
    assert "on the next batch: samples" in maths.note.text()
    text = maths.view.toPlainText()
    for number in ("0.12125", "−0.025", "0.875", "−0.25", "0.3025", "−0.2875", "0.55", "0.2"):
        assert number in text, number
    assert "w ← w − lr · g" in text
    assert "batch loss = mean over the batch (n = 2) = 0.12125" in text
    window.document.edit(lambda e: setattr(e.training, "reduction", "sum"), "sum")  # before training: no prompt
    qtbot.waitUntil(lambda: maths.maths.reduction == "sum", timeout=10_000)
    assert "batch loss = sum over the batch (n = 2) = 0.2425" in maths.view.toPlainText()
    assert "means per sample: 0.2425 / 2 = 0.12125" in maths.view.toPlainText()
    assert "mean loss per example" in window.scoreboard.captions[2].toolTip()  # the scoreboard says its kind
    window.document.undo_stack.undo()
    qtbot.waitUntil(lambda: maths.maths.reduction == "mean", timeout=10_000)
    maths.samples.setText("0, 7")
    qtbot.keyClick(maths.samples, Qt.Key.Key_Return)
    assert "sample 7 does not exist" in maths.note.text()
    maths.samples.setText("1")
    window.controller.step()  # a real step: the panel follows it
    qtbot.waitUntil(lambda: window.controller.status.step == 1 and window.controller.status.state == PAUSED,
                    timeout=10_000)
    qtbot.waitUntil(lambda: "Step 2 on samples you chose (1), not on the next batch" in maths.note.text(),
                    timeout=10_000)
    np.testing.assert_allclose(maths.maths.parameters[0].before, [[0.3025, -0.2875]], atol=1e-6)

    window.controller.start()  # a 100 % train share: the window shows "–" for the test set
    qtbot.waitUntil(lambda: window.controller.status.state in (FINISHED, IDLE) and
                    window.controller.status.epoch == 20, timeout=20_000)
    window.controller.refresh()
    window.metric_plot.flush()
    assert "Test loss: –" in window.scoreboard.text() and "test –" in window.metric_plot.summary.text()
    assert "finished 20 epochs" in window.statusBar().currentMessage()


def test_the_maths_tab_is_the_step_that_step_takes_and_follows_every_edit(qtbot, window: MainWindow) -> None:
    """Issue 16: it showed samples 0–3 while Step used another batch, and went stale after edits."""
    window.document.edit(lambda e: setattr(e.training, "batch_size", 10), "batch size")
    maths = window.learning.maths
    window.learning.show_tab("maths")
    window.controller.step()
    qtbot.waitUntil(lambda: window.controller.status.step == 1 and window.controller.status.state == PAUSED,
                    timeout=10_000)
    qtbot.waitUntil(lambda: maths.maths is not None and maths.maths.step == 2, timeout=10_000)
    batch = window.controller.call(NEXT_BATCH)
    assert maths.maths.samples == batch and maths.maths.batch_size == 10 and maths.maths.next_batch
    assert maths.note.text().startswith(f"Step 2 on the next batch: 10 samples, the first 4 shown "
                                        f"({', '.join(map(str, batch))})")
    text = maths.view.toPlainText()
    assert text.index("Summary") < text.index("Forward pass") and "largest change" in text

    window.document.edit(lambda e: setattr(e.training.optimizer, "lr", 0.5), "learning rate")
    qtbot.waitUntil(lambda: maths.maths.hyper["lr"] == 0.5, timeout=10_000)
    assert "lr = 0.5" in maths.view.toPlainText()

    old = float(maths.maths.parameters[0].before[0, 0])
    window.inside.edits.apply("0.weight", (0, 0), old, 0.75)  # as the diagram's editor does on Enter
    qtbot.waitUntil(lambda: float(maths.maths.parameters[0].before[0, 0]) == 0.75, timeout=10_000)
    shown = maths.maths

    window.controller.step()
    qtbot.waitUntil(lambda: window.controller.status.step == 2, timeout=10_000)
    after = window.controller.call(PARAMETER_VALUES)
    for p in shown.parameters:  # what the tab said Step would do is what Step did, bit for bit
        np.testing.assert_array_equal(p.after, np.array(after[p.name]))


def test_autograd_graph_activation_previews_and_the_language_choice(qtbot, window: MainWindow,
                                                                     tmp_path: Path) -> None:
    view = window.learning.autograd
    window.learning.show_tab("autograd")
    qtbot.waitUntil(lambda: view.graph is not None, timeout=10_000)
    assert view.graph.names().count("AccumulateGrad") == 4 and "TanhBackward0" in view.graph.names()
    boxes = [item.data(0) for item in view.scene.items() if item.data(0)]
    assert sorted(boxes) == sorted(view.graph.names())
    view.export_svg(tmp_path / "graph.svg")
    svg = (tmp_path / "graph.svg").read_text(encoding="utf-8")
    assert svg.startswith("<?xml") and "AddmmBackward0" in svg and "0.weight [8, 2]" in svg

    combo = window.panels["network"].findChild(QComboBox, "activation_0")
    qtbot.waitUntil(lambda: not combo.itemIcon(0).isNull(), timeout=10_000)
    assert all(not combo.itemIcon(i).isNull() for i in range(combo.count()))
    assert set(window.learning.preview.curves) >= {"relu", "tanh", "sigmoid", "leaky_relu", "softmax"}

    actions = window.learning.language_actions
    assert actions["system"].isChecked()
    actions["zh_CN"].trigger()
    assert window.settings.value(i18n.SETTINGS_KEY) == "zh_CN"
    box = window.findChild(QMessageBox, "languageChanged")
    assert box is not None and box.isVisible()
    box.reject()
