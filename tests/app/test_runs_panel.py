"""Runs in the window: recorded on Reset and on a structural change, overlaid, listed, saved, restored."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from playground.core.experiment_io import load_experiment
from playground.core.runs import label
from playground.core.spec import DataSpec, Experiment, LayerSpec, ModelSpec, OptimizerSpec, TrainingSpec
from playground.core.status import FINISHED, IDLE
from tests.app.window_helpers import capture_message_boxes, open_window


def small(epochs: int = 2) -> Experiment:
    return Experiment(data=DataSpec(kind="xor", samples=60, seed=1),
                      model=ModelSpec(hidden=[LayerSpec(units=3)]),
                      training=TrainingSpec(optimizer=OptimizerSpec(name="sgd", lr=0.03), batch_size=10,
                                            epochs=epochs, device="cpu"))


def train_to_end(qtbot, window) -> None:
    window.controller.start()
    qtbot.waitUntil(lambda: window.controller.status.state == FINISHED, timeout=20_000)


def set_lr(window, lr: float) -> None:
    def mutate(exp):
        exp.training.optimizer = exp.training.optimizer.with_value("lr", lr)

    assert window.document.edit(mutate, "lr")


def test_reset_records_a_run_that_is_overlaid_listed_and_saved(qtbot, settings, tmp_path):
    window = open_window(qtbot, settings, small())
    train_to_end(qtbot, window)
    window.actions_.reset.trigger()
    qtbot.waitUntil(lambda: len(window.document.experiment.runs) == 1, timeout=10_000)
    first = window.document.experiment.runs[0]
    assert first.epochs == 2 and first.steps == 6 and first.changed == ""
    qtbot.waitUntil(lambda: window.controller.status.state == IDLE, timeout=5000)

    set_lr(window, 0.3)  # a live change: the next run differs by it
    train_to_end(qtbot, window)
    window.actions_.reset.trigger()
    qtbot.waitUntil(lambda: len(window.document.experiment.runs) == 2, timeout=10_000)
    second = window.document.experiment.runs[1]
    assert second.changed == "lr 0.03 → 0.3"

    panel = window.runs_panel
    assert panel.tree.topLevelItemCount() == 2
    assert panel.tree.topLevelItem(1).text(0) == "lr 0.03 → 0.3"
    loss_overlay = panel.overlays[0]
    assert [c.isVisible() for c in loss_overlay.curves] == [True, True]
    assert loss_overlay.labels[1].toPlainText() == "lr 0.03 → 0.3"
    assert len(loss_overlay.curves[1].getData()[0]) == 3  # epochs 0, 1, 2

    panel.tree.topLevelItem(0).setCheckState(0, Qt.CheckState.Unchecked)  # the user unticks run 1
    assert not window.document.experiment.runs[0].visible
    assert [c.isVisible() for c in loss_overlay.curves[:2]] == [True, False]

    path = tmp_path / "runs.json"
    assert window.files.save_to(path)
    reopened = load_experiment(path)
    assert [r.changed for r in reopened.runs] == ["", "lr 0.03 → 0.3"]
    assert reopened.runs[0].visible is False


def test_a_structural_change_records_the_run(qtbot, settings, monkeypatch):
    shown = capture_message_boxes(monkeypatch, QMessageBox.StandardButton.Apply)
    window = open_window(qtbot, settings, small())
    train_to_end(qtbot, window)

    def wider(exp):
        exp.model.hidden = [LayerSpec(units=5)]

    assert window.document.edit(wider, "Units")
    qtbot.waitUntil(lambda: len(window.document.experiment.runs) == 1, timeout=10_000)
    assert shown, "the user was asked before the trained weights went"
    assert window.document.experiment.runs[0].settings.model.hidden[0].units == 3


def test_restoring_a_run_is_one_undo_step_and_runs_survive_undo(qtbot, settings):
    window = open_window(qtbot, settings, small())
    train_to_end(qtbot, window)
    window.actions_.reset.trigger()
    qtbot.waitUntil(lambda: len(window.document.experiment.runs) == 1, timeout=10_000)
    set_lr(window, 0.5)
    stack = window.document.undo_stack
    before = stack.count()
    assert window.runs_panel.restore(0)
    assert stack.count() == before + 1
    assert window.document.experiment.training.optimizer.values()["lr"] == 0.03
    stack.undo()
    assert window.document.experiment.training.optimizer.values()["lr"] == 0.5
    assert len(window.document.experiment.runs) == 1, "undo never drops a recorded run"
    window.runs_panel.rename(0, "baseline")
    window.runs_panel.toggle_pin(0)
    run = window.document.experiment.runs[0]
    assert run.name == "baseline" and run.pinned
    assert window.runs_panel.tree.topLevelItem(0).text(0).endswith("baseline")
    window.runs_panel.delete(0)
    assert window.document.experiment.runs == [] and window.runs_panel.tree.topLevelItemCount() == 0


def test_ticked_runs_are_overlaid_on_every_history_plot_train_and_test_labelled_once(qtbot, settings):
    from tests.app.layout_checks import graphics_problems

    window = open_window(qtbot, settings, small())
    qtbot.waitExposed(window)
    for lr in (0.3, 0.31, 0.32):  # three close runs: their labels would sit on top of each other
        set_lr(window, lr)
        train_to_end(qtbot, window)
        count = len(window.document.experiment.runs)
        window.actions_.reset.trigger()
        qtbot.waitUntil(lambda count=count: len(window.document.experiment.runs) == count + 1, timeout=10_000)
        qtbot.waitUntil(lambda: window.controller.status.state == IDLE, timeout=5000)
    panel = window.runs_panel
    for i in range(3):  # the user unticks every run, then ticks the first and the last again
        panel.tree.topLevelItem(i).setCheckState(0, Qt.CheckState.Unchecked)
    assert all(not c.isVisible() for o in panel.overlays for c in o.curves + o.train_curves)
    panel.tree.topLevelItem(0).setCheckState(0, Qt.CheckState.Checked)
    panel.tree.topLevelItem(2).setCheckState(0, Qt.CheckState.Checked)
    runs = window.document.experiment.runs
    assert [r.visible for r in runs] == [True, False, True]

    loss, metric = panel.overlays
    assert loss.plot is window.loss_plot and metric.plot is window.metric_plot
    for overlay, train_col, test_col, scale in ((loss, "train_loss", "test_loss", 1),
                                                (metric, "train_metric", "test_metric", 100)):
        shown = [(c, t) for c, t in zip(overlay.train_curves, overlay.curves) if c.isVisible()]
        assert len(shown) == 2, "one train and one test curve per ticked run"
        for (train_curve, test_curve), run in zip(shown, (runs[0], runs[2])):
            assert list(train_curve.getData()[1]) == [scale * v for v in run.history[train_col]]
            assert list(test_curve.getData()[1]) == [scale * v for v in run.history[test_col]]
            assert train_curve.opts["pen"].color().alpha() < 255, "faint: the current run stays bold"
        labels = [t.toPlainText() for t in overlay.labels if t.isVisible()]
        assert labels == [label(runs[0], 0), label(runs[2], 2)] == ["run 1", "lr 0.31 → 0.32"], \
            "each run labelled once, by what changed"

    for dock in ("loss", "metric"):
        window.docks[dock].raise_()
    for view in (window.loss_plot, window.metric_plot):
        view.flush()
    qtbot.wait(1)
    for name, view in (("loss", window.loss_plot), ("metric", window.metric_plot)):
        problems = [p for p in graphics_problems(view.plot, name) if "overlaps" in p or "cut" in p]
        assert not problems, problems
