"""Compare… in the window: variants train live in the runner, become runs, and one can be kept."""

from __future__ import annotations

from playground.core.spec import DataSpec, Experiment, LayerSpec, ModelSpec, OptimizerSpec, TrainingSpec
from tests.app.window_helpers import open_window


def small() -> Experiment:
    return Experiment(data=DataSpec(kind="xor", samples=60, seed=1),
                      model=ModelSpec(hidden=[LayerSpec(units=3)]),
                      training=TrainingSpec(optimizer=OptimizerSpec(name="sgd", lr=0.03), batch_size=10,
                                            epochs=50, device="cpu"))


def test_compare_trains_variants_live_records_runs_and_keeps_one(qtbot, settings):
    window = open_window(qtbot, settings, small())
    window.menus.compare_action.trigger()  # Train → Compare…
    dialog = window.compare_dialog
    assert dialog.isVisible()
    dialog.choose("lr", "0.01, 0.3", 4)
    assert dialog.start()
    qtbot.waitUntil(lambda: not dialog.running, timeout=30_000)
    assert dialog.progress is not None and dialog.progress.done and dialog.progress.batched
    titles = [tile.title.text() for tile in dialog.tiles]
    assert "lr 0.01" in titles[0] and "lr 0.3" in titles[1] and "%" in titles[0] and "epoch 4" in titles[1]
    assert dialog.draws >= 1
    runs = window.document.experiment.runs
    assert [r.changed for r in runs] == ["lr 0.01", "lr 0.3"] and all(r.epochs == 4 for r in runs)
    assert window.runs_panel.tree.topLevelItemCount() == 2

    stack = window.document.undo_stack
    before = stack.count()
    assert dialog.keep_variant(1)
    assert stack.count() == before + 1
    assert window.document.experiment.training.optimizer.values()["lr"] == 0.3
    qtbot.waitUntil(lambda: window.controller.status.step == runs[1].steps, timeout=10_000)
    assert len(window.document.experiment.runs) == 2


def test_bad_values_are_said_in_the_dialog(qtbot, settings):
    window = open_window(qtbot, settings, small())
    window.open_compare()
    dialog = window.compare_dialog
    dialog.choose("lr", "0.1", 3)
    assert not dialog.start()
    assert "give 2 to 8 values" in dialog.message.text()
    dialog.choose("lr", "0.1, -1", 3)
    assert not dialog.start() and "lr -1" in dialog.message.text()
