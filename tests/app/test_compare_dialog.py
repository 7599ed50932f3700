"""Compare… in the window: variants train live in the runner, become runs, and one can be kept."""

from __future__ import annotations

from PySide6.QtCore import Qt

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
    for plot in (dialog.curves_plot, dialog.metric_plot):  # finished: the curves fill the plots, no room left
        x_lo, x_hi = plot.getPlotItem().viewRange()[0]
        assert 4 <= x_hi <= 4 + 0.1 * (x_hi - x_lo), (x_lo, x_hi)
    runs = window.document.experiment.runs
    assert [r.changed for r in runs] == ["lr 0.01", "lr 0.3"] and all(r.epochs == 4 for r in runs)
    best = max(range(2), key=lambda i: dialog.progress.variants[i].test_metric)
    assert dialog.keep.currentIndex() == best  # "Keep this one" offers the best variant, not the first
    assert [dialog.keep.itemText(i) for i in range(2)] == ["lr 0.01", "lr 0.3"]  # legend and list name the setting
    assert "test" in titles[0]
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


def test_stop_records_partly_trained_variants_and_keep_works_after_stop(qtbot, settings):
    """Compare…, pick, Start, Stop, Keep this one: the experiment gets that variant's settings and
    trained weights in one undo step; the stopped variants are runs marked "stopped at epoch N"."""
    import torch

    from playground.core.compare_session import compare_trained
    from playground.core.data.build import make_dataset
    from playground.core.state import decode_tensors

    window = open_window(qtbot, settings, small())
    window.menus.compare_action.trigger()
    dialog = window.compare_dialog
    qtbot.waitExposed(dialog)
    dialog.choose("lr", "0.01, 0.3", 100_000)  # far more epochs than the test waits for
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    assert dialog.running and not dialog.keep_button.isEnabled()
    qtbot.waitUntil(lambda: dialog.progress is not None and dialog.progress.variants[0].epoch >= 3,
                    timeout=30_000)

    # the small boundaries carry the test points; both plots carry every variant's curve
    test_rows = len(make_dataset(small().data).x_test)
    assert test_rows and [tile.point_count() for tile in dialog.tiles] == [test_rows, test_rows]
    qtbot.waitUntil(lambda: all(c.xData is not None and len(c.xData) >= 3 for c in dialog.metric_curves),
                    timeout=10_000)
    assert len(dialog.curves) == len(dialog.metric_curves) == 2

    qtbot.mouseClick(dialog.stop_button, Qt.MouseButton.LeftButton)
    assert not dialog.running and dialog.keep_button.isEnabled()
    runs = window.document.experiment.runs
    epochs = [v.epoch for v in dialog.progress.variants]
    assert [r.epochs for r in runs] == epochs and all(3 <= e < 100_000 for e in epochs)
    assert [r.changed for r in runs] == [f"lr 0.01 (stopped at epoch {epochs[0]})",
                                         f"lr 0.3 (stopped at epoch {epochs[1]})"]
    assert window.runs_panel.tree.topLevelItemCount() == 2
    for variant, loss_curve, metric_curve in zip(dialog.progress.variants, dialog.curves, dialog.metric_curves):
        assert list(metric_curve.getData()[1]) == [100 * v for v in variant.history["test_metric"]]
        assert list(loss_curve.yData) == list(variant.history["test_loss"])  # raw, not log10

    variant = window.controller.call(compare_trained, 1)  # what the runner holds for "lr 0.3"
    stack = window.document.undo_stack
    before = stack.count()
    dialog.keep.setCurrentIndex(1)
    qtbot.mouseClick(dialog.keep_button, Qt.MouseButton.LeftButton)
    assert stack.count() == before + 1, "keeping a variant is one undo step"
    assert window.document.experiment.training.optimizer.values()["lr"] == 0.3
    qtbot.waitUntil(lambda: window.controller.status.step == runs[1].steps, timeout=10_000)
    kept, _ = window.controller.trained_experiment()
    mine, theirs = decode_tensors(kept.state.tensors), decode_tensors(variant.state.tensors)
    weights = [k for k in theirs if k.startswith("model.")]
    assert weights and all(torch.equal(mine[k], theirs[k]) for k in weights), "the variant's trained weights"
    assert "stopped" in dialog.message.text() or "Kept" in dialog.message.text()


def test_history_rows_sent_twice_are_held_once():
    """Two chunks are in flight, so an answer may repeat rows the window already holds."""
    import numpy as np

    from playground.app.compare_dialog import GrowingColumns

    held = GrowingColumns()
    held.extend({"epoch": np.arange(3.0), "test_loss": np.array([3.0, 2.0, 1.0])})
    held.extend({"epoch": np.arange(2.0, 200.0), "test_loss": np.ones(198)}, skip=held.rows - 2)  # rows 2…
    view = held.view()
    assert held.rows == 200 and list(view["epoch"]) == list(range(200))
    assert list(view["test_loss"][:4]) == [3.0, 2.0, 1.0, 1.0]
    held.extend({"epoch": np.arange(150.0, 200.0), "test_loss": np.ones(50)}, skip=held.rows - 150)
    assert held.rows == 200, "nothing new: nothing added"
