"""The editing panels, driven as a user would: clicks, key presses, combo choices.

Each test checks both what would be saved (``document.experiment``) and what the user sees.
"""

from __future__ import annotations

import pytest
from panel_helpers import child, choose, click
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QWidget

from playground.app.document import ExperimentDocument
from playground.app.panels import DataPanel, NetworkPanel, TrainingPanel
from playground.app.panels.common import NumberSpin
from playground.core.model import parameter_count
from playground.core.spec import DataSpec, Experiment, LayerSpec, ModelSpec, PointSpec, TrainingSpec


def units(document: ExperimentDocument) -> list[int]:
    return [layer.units for layer in document.experiment.model.hidden]


# ---- network panel ----------------------------------------------------------------------------------


def test_add_insert_remove_and_move_layers(qtbot, network: NetworkPanel, document: ExperimentDocument) -> None:
    click(qtbot, network, "addLayer")
    assert units(document) == [8, 8]
    child(network, "units_1").setValue(4)
    assert units(document) == [8, 4]

    network.select_layer(1)
    click(qtbot, network, "insertLayer")  # above the selected layer, copying it
    assert units(document) == [8, 4, 4]
    child(network, "units_1").setValue(16)
    assert units(document) == [8, 16, 4]

    network.select_layer(1)
    click(qtbot, network, "moveUp")
    assert units(document) == [16, 8, 4]
    assert network.selected_layer == 0  # the selection follows the moved layer
    assert not child(network, "moveUp").isEnabled()
    click(qtbot, network, "moveDown")
    click(qtbot, network, "moveDown")
    assert units(document) == [8, 4, 16]

    network.select_layer(0)
    click(qtbot, network, "removeLayer")
    assert units(document) == [4, 16]
    assert network.table.rowCount() == 2
    assert child(network, "units_0").value() == 4
    assert "nn.Linear(2, 4)" in network.code.toPlainText()
    assert "nn.Linear(16, 2)" in network.code.toPlainText()
    assert "torch.softmax(model(x), dim=1)" in network.code.toPlainText()  # the loss holds the softmax


def test_zero_and_maximum_layer_counts(qtbot, network: NetworkPanel, document: ExperimentDocument) -> None:
    click(qtbot, network, "removeLayer")
    assert document.experiment.model.hidden == []
    assert not child(network, "removeLayer").isEnabled()
    assert "nn.Linear(2, 2)" in network.code.toPlainText()  # a linear model is allowed

    document.edit(lambda e: setattr(e.model, "hidden", [LayerSpec() for _ in range(32)]), "many")
    assert network.table.rowCount() == 32
    assert not child(network, "addLayer").isEnabled()
    assert not child(network, "insertLayer").isEnabled()


def test_activation_change_updates_code(network: NetworkPanel, document: ExperimentDocument) -> None:
    assert "nn.Tanh()" in network.code.toPlainText()
    choose(child(network, "activation_0"), "relu")
    assert document.experiment.model.hidden[0].activation == "relu"
    assert "nn.ReLU()" in network.code.toPlainText()
    assert "nn.Tanh()" not in network.code.toPlainText()

    choose(child(network, "norm_0"), "batch")
    child(network, "dropout_0").setValue(0.25)
    code = network.code.toPlainText()
    assert "nn.BatchNorm1d(8)" in code and "nn.Dropout(0.25)" in code
    choose(child(network, "init"), "xavier_uniform")
    assert document.experiment.model.init == "xavier_uniform"


def test_parameter_count_label_matches_core(qtbot, network: NetworkPanel, document: ExperimentDocument) -> None:
    child(network, "units_0").setValue(100)
    click(qtbot, network, "addLayer")
    child(network, "units_1").setValue(30)
    model = document.experiment.model
    expected = parameter_count(model, 2, 2)
    assert expected == 2 * 100 + 100 + 100 * 30 + 30 + 30 * 2 + 2
    assert network.param_count.text() == f"Parameters: {expected:,}"
    assert "," in network.param_count.text()  # 3,592 is grouped for reading


def test_inputs_follow_the_derived_features(qtbot, document: ExperimentDocument, network: NetworkPanel,
                                            data_panel: DataPanel) -> None:
    child(data_panel, "feature_x1_sq").setChecked(True)
    child(data_panel, "feature_sin_x2").setChecked(True)
    assert document.experiment.data.features == ["x1", "x2", "x1_sq", "sin_x2"]
    assert "nn.Linear(4, 8)" in network.code.toPlainText()
    assert "X₁²" in network.inputs.text() and "(4)" in network.inputs.text()


def test_undo_and_redo_restore_spec_and_widgets(qtbot, network: NetworkPanel,
                                                document: ExperimentDocument) -> None:
    original = document.experiment
    click(qtbot, network, "addLayer")
    choose(child(network, "activation_1"), "relu")
    edited = document.experiment

    document.undo_stack.undo()
    assert child(network, "activation_1").currentData() == "tanh"
    document.undo_stack.undo()
    assert document.experiment == original
    assert network.table.rowCount() == 1
    assert "nn.ReLU()" not in network.code.toPlainText()

    document.undo_stack.redo()
    document.undo_stack.redo()
    assert document.experiment == edited
    assert network.table.rowCount() == 2
    assert child(network, "activation_1").currentData() == "relu"
    assert "nn.ReLU()" in network.code.toPlainText()


def test_spin_box_scrolling_is_one_undo_step(qtbot, network: NetworkPanel, document: ExperimentDocument) -> None:
    spin = child(network, "units_0")
    for _ in range(5):
        qtbot.keyClick(spin, Qt.Key.Key_Up)
    assert units(document) == [13]
    assert document.undo_stack.count() == 1
    document.undo_stack.undo()
    assert units(document) == [8]
    assert spin.value() == 8


def test_refresh_never_pushes_an_edit(network: NetworkPanel, training: TrainingPanel,
                                      data_panel: DataPanel, document: ExperimentDocument) -> None:
    other = Experiment(data=DataSpec(kind="blobs", classes=4),
                       model=ModelSpec(hidden=[LayerSpec(units=3, activation="gelu")] * 3),
                       training=TrainingSpec(loss="cross_entropy", l2=0.01))
    document.replace(other, None)
    assert document.undo_stack.count() == 0
    assert document.experiment == other
    assert network.table.rowCount() == 3
    assert "nn.Linear(3, 4)" in network.code.toPlainText()


# ---- training panel ---------------------------------------------------------------------------------


def test_regression_data_switches_the_loss_list(training: TrainingPanel, data_panel: DataPanel,
                                                network: NetworkPanel, document: ExperimentDocument) -> None:
    assert [training.loss.itemData(i) for i in range(training.loss.count())] == ["cross_entropy",
                                                                                 "bce_with_logits"]
    choose(training.loss, "bce_with_logits")
    assert document.experiment.training.loss == "bce_with_logits"
    assert "nn.Linear(8, 1)" in network.code.toPlainText()

    choose(child(data_panel, "kind"), "plane")
    exp = document.experiment
    assert exp.data.kind == "plane"
    assert exp.training.loss is None  # reset to the regression default in the same edit
    assert [training.loss.itemData(i) for i in range(training.loss.count())] == ["mse", "l1", "huber"]
    assert training.loss.currentData() == "mse"
    assert "nn.Linear(8, 1)" in network.code.toPlainText()

    document.undo_stack.undo()  # one step undoes both kind and loss
    assert document.experiment.training.loss == "bce_with_logits"
    assert training.loss.currentData() == "bce_with_logits"


def test_binary_loss_is_not_offered_for_many_classes(training: TrainingPanel, data_panel: DataPanel,
                                                     document: ExperimentDocument) -> None:
    choose(training.loss, "bce_with_logits")
    choose(child(data_panel, "kind"), "blobs")
    assert document.experiment.training.loss is None
    assert training.loss.findData("bce_with_logits") == -1
    assert child(data_panel, "classes").isEnabled()


def test_optimizer_change_rebuilds_the_hyper_parameters(training: TrainingPanel,
                                                        document: ExperimentDocument) -> None:
    assert isinstance(child(training, "momentum"), NumberSpin)
    assert isinstance(child(training, "nesterov"), QCheckBox)
    choose(training.optimizer, "adam")
    assert document.experiment.training.optimizer.name == "adam"
    assert training.findChild(QWidget, "momentum") is None
    assert child(training, "beta2").value() == pytest.approx(0.999)
    eps = child(training, "eps")
    assert eps.value() == pytest.approx(1e-8)
    assert eps.text() == "1e-08"
    assert child(training, "lr").value() == pytest.approx(0.001)

    child(training, "beta1").setValue(0.8)
    assert document.experiment.training.optimizer.values()["beta1"] == pytest.approx(0.8)
    document.undo_stack.undo()
    document.undo_stack.undo()
    assert document.experiment.training.optimizer.name == "sgd"
    assert isinstance(child(training, "momentum"), NumberSpin)


def test_learning_rate_steps_log_scale_and_merges(qtbot, training: TrainingPanel,
                                                  document: ExperimentDocument) -> None:
    lr = child(training, "lr")
    qtbot.keyClick(lr, Qt.Key.Key_Up)
    qtbot.keyClick(lr, Qt.Key.Key_Up)
    assert document.experiment.training.optimizer.values()["lr"] == pytest.approx(0.3)
    qtbot.keyClick(lr, Qt.Key.Key_Down)
    assert lr.text() == "0.1"
    assert document.undo_stack.count() == 1
    qtbot.keyClick(child(training, "momentum"), Qt.Key.Key_Up)
    assert document.experiment.training.optimizer.values()["momentum"] == pytest.approx(0.01)
    child(training, "nesterov").setChecked(True)
    assert document.experiment.training.optimizer.values()["nesterov"] is True


def test_regularisation_epochs_and_run_settings(qtbot, training: TrainingPanel,
                                                document: ExperimentDocument) -> None:
    l2 = child(training, "l2")
    qtbot.keyClick(l2, Qt.Key.Key_Up)
    assert document.experiment.training.l2 == pytest.approx(1e-4)
    l2.clear()
    qtbot.keyClicks(l2, "0.003")
    qtbot.keyClick(l2, Qt.Key.Key_Return)
    assert document.experiment.training.l2 == pytest.approx(0.003)

    epochs = child(training, "epochs")
    epochs.setValue(0)
    assert document.experiment.training.epochs == 0
    assert epochs.text() == "Until stopped"
    child(training, "batchSize").setValue(32)
    choose(child(training, "dtype"), "float64")
    choose(child(training, "device"), "cpu")
    exp = document.experiment.training
    assert (exp.batch_size, exp.dtype, exp.device) == (32, "float64", "cpu")


# ---- data panel -------------------------------------------------------------------------------------


def test_data_controls_edit_the_data_spec(qtbot, data_panel: DataPanel, document: ExperimentDocument) -> None:
    child(data_panel, "noise").setValue(35)
    assert document.experiment.data.noise == pytest.approx(0.35)
    assert child(data_panel, "noiseLabel").text() == "35 %"
    child(data_panel, "trainFraction").setValue(80)
    assert document.experiment.data.train_fraction == pytest.approx(0.8)
    child(data_panel, "samples").setValue(300)
    assert document.experiment.data.samples == 300
    assert not child(data_panel, "classes").isEnabled()

    seed = document.experiment.data.seed
    click(qtbot, data_panel, "regenerate")
    assert document.experiment.data.seed != seed
    assert child(data_panel, "dataSeed").value() == document.experiment.data.seed

    choose(child(data_panel, "kind"), "spiral_k")
    child(data_panel, "classes").setValue(5)
    assert document.experiment.data.classes == 5
    choose(child(data_panel, "kind"), "circle")
    assert document.experiment.data.classes is None


def test_last_input_feature_stays_checked(data_panel: DataPanel, document: ExperimentDocument) -> None:
    child(data_panel, "feature_x1").setChecked(False)
    assert document.experiment.data.features == ["x2"]
    child(data_panel, "feature_x2").setChecked(False)
    assert document.experiment.data.features == ["x2"]
    assert child(data_panel, "feature_x2").isChecked()
    choose(child(data_panel, "kind"), "sine")
    assert child(data_panel, "feature_x2").isHidden()
    note = child(data_panel, "featuresNote")
    assert not note.isHidden() and "reads x alone" in note.text()
    choose(child(data_panel, "kind"), "circle")
    assert not child(data_panel, "feature_x2").isHidden() and note.isHidden()


def test_draw_mode_emits_its_label(qtbot, data_panel: DataPanel, document: ExperimentDocument) -> None:
    with qtbot.waitSignal(data_panel.drawModeChanged) as blocker:
        click(qtbot, data_panel, "drawPoints")
    assert blocker.args == [True, 0.0]
    assert data_panel.draw_enabled
    with qtbot.waitSignal(data_panel.drawModeChanged) as blocker:
        child(data_panel, "drawClass").setCurrentIndex(1)
    assert blocker.args == [True, 1.0]
    with qtbot.waitSignal(data_panel.drawModeChanged) as blocker:
        click(qtbot, data_panel, "drawPoints")
    assert blocker.args == [False, 1.0]

    choose(child(data_panel, "kind"), "plane")
    child(data_panel, "drawValue").setValue(-2.5)
    assert data_panel.draw_label == -2.5


def test_point_edits_are_counted_and_cleared(qtbot, data_panel: DataPanel,
                                             document: ExperimentDocument) -> None:
    def draw(experiment: Experiment) -> None:
        experiment.data.added.append(PointSpec(x=[1.0, 2.0], y=1))
        experiment.data.removed.extend([3, 7])

    document.edit(draw, "draw")
    label = child(data_panel, "editsLabel")
    assert label.text() == "1 points drawn, 2 removed"
    click(qtbot, data_panel, "clearEdits")
    assert document.experiment.data.added == [] and document.experiment.data.removed == []
    assert label.text() == "0 points drawn, 0 removed"
    assert not child(data_panel, "clearEdits").isEnabled()


# ---- CSV import -------------------------------------------------------------------------------------
