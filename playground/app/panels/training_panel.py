"""The training panel: loss, optimizer and its hyper-parameters, regularisation, batches, device.

The hyper-parameter editor is generated from the registry, so a new optimizer needs no GUI code.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from playground.app.document import ExperimentDocument
from playground.app.panels.common import (
    NumberSpin,
    int_spin,
    number_spin,
    offered_low,
    quiet,
    registry_text,
    select_data,
    set_value,
)
from playground.core.registry import (
    DTYPE_NAMES,
    OPTIMIZERS,
    REDUCTIONS,
    TASKS,
    Device,
    HyperParam,
    basic_devices,
    losses_for,
)
from playground.core.spec import Experiment, OptimizerSpec, TrainingSpec

HYPER_TIPS: dict[str, str] = {
    "lr": QT_TRANSLATE_NOOP("HyperParamEditor", "Step size: how far each update moves the weights"),
    "momentum": QT_TRANSLATE_NOOP("HyperParamEditor", "Keeps a share of the previous step, smoothing the path"),
    "nesterov": QT_TRANSLATE_NOOP("HyperParamEditor", "Look-ahead momentum (needs momentum > 0)"),
    "weight_decay": QT_TRANSLATE_NOOP("HyperParamEditor", "Shrinks every weight a little at each step"),
    "beta1": QT_TRANSLATE_NOOP("HyperParamEditor", "Decay of the running mean of gradients"),
    "beta2": QT_TRANSLATE_NOOP("HyperParamEditor", "Decay of the running mean of squared gradients"),
    "eps": QT_TRANSLATE_NOOP("HyperParamEditor", "Tiny number that avoids dividing by zero"),
    "alpha": QT_TRANSLATE_NOOP("HyperParamEditor", "Decay of the running mean of squared gradients"),
    "centered": QT_TRANSLATE_NOOP("HyperParamEditor", "Divide by the gradient's variance, not its raw square"),
    "lr_decay": QT_TRANSLATE_NOOP("HyperParamEditor", "How fast the learning rate shrinks over steps"),
}

_INT_MAX = 2**31 - 1


class HyperParamEditor(QWidget):
    """A form generated from one optimizer's ``HyperParam`` list; widget objectNames are the names."""

    valueChanged = Signal(str, object)
    """(hyper-parameter name, new value) after a user edit; never emitted by ``set_values``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hyperParams")
        self._form = QFormLayout(self)
        self._form.setContentsMargins(0, 0, 0, 0)
        self._optimizer: str | None = None
        self.editors: dict[str, QWidget] = {}

    @property
    def optimizer(self) -> str | None:
        return self._optimizer

    def set_optimizer(self, key: str) -> None:
        """Rebuild the form for optimizer ``key`` (a no-op if it is already shown)."""
        if key == self._optimizer:
            return
        while self._form.rowCount():
            self._form.removeRow(0)
        self.editors = {}
        self._optimizer = key
        for param in OPTIMIZERS[key].params:
            editor = self._make_editor(param)
            editor.setObjectName(param.name)
            tip = HYPER_TIPS.get(param.name)
            if tip:
                editor.setToolTip(QCoreApplication.translate("HyperParamEditor", tip))
            self.editors[param.name] = editor
            self._form.addRow(registry_text(param.label) + ":", editor)
        self.set_values(OPTIMIZERS[key].defaults())

    def set_values(self, values: dict[str, Any]) -> None:
        """Show ``values`` without emitting ``valueChanged``."""
        for name, value in values.items():
            editor = self.editors.get(name)
            if isinstance(editor, QCheckBox):
                with quiet(editor):
                    editor.setChecked(bool(value))
            elif isinstance(editor, (NumberSpin, QSpinBox)):
                set_value(editor, value)

    def _make_editor(self, param: HyperParam) -> QWidget:
        name = param.name
        if param.kind == "bool":
            box = QCheckBox()
            box.toggled.connect(lambda checked: self.valueChanged.emit(name, bool(checked)))
            return box
        if param.kind == "int":
            spin = QSpinBox()
            spin.setRange(int(param.minimum) + param.exclusive_min, int(min(param.maximum, _INT_MAX)))
            spin.setKeyboardTracking(False)
            spin.valueChanged.connect(lambda v: self.valueChanged.emit(name, int(v)))
            return spin
        low = offered_low(param.minimum, param.exclusive_min)
        floor = max(min(float(param.default), 1e-4) * 1e-3, low)
        spin = NumberSpin(low, param.maximum, log_scale=param.log_scale, log_floor=floor)
        spin.setMinimumWidth(110)
        spin.valueChanged.connect(lambda v: self.valueChanged.emit(name, float(v)))
        return spin


class TrainingPanel(QWidget):
    """Edits ``experiment.training``; each control merges its consecutive edits into one undo step."""

    def __init__(self, document: ExperimentDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._loss_key: tuple[object, ...] | None = None
        self._build()
        document.changed.connect(lambda experiment, _sections: self._refresh(experiment))
        self._refresh(document.experiment)

    # ---- layout -------------------------------------------------------------------------------------

    def _build(self) -> None:
        self.loss = QComboBox(objectName="loss")
        self.loss.setMinimumWidth(200)
        self.loss.setToolTip(self.tr("What training minimises: how wrong the predictions are"))
        self.loss.currentIndexChanged.connect(self._loss_chosen)
        self.reduction = QComboBox(objectName="reduction")
        labels = {"mean": self.tr("Mean over the batch"), "sum": self.tr("Sum over the batch")}
        for key in REDUCTIONS:
            self.reduction.addItem(labels.get(key, key), key)
        self.reduction.setToolTip(self.tr("How the loss combines a batch's examples (PyTorch's reduction); "
                                          "a sum makes the steps grow with the batch size"))
        self.reduction.currentIndexChanged.connect(
            lambda: self._set("reduction", self.reduction.currentData(), self.tr("Change loss reduction")))
        self.optimizer = QComboBox(objectName="optimizer")
        for entry in OPTIMIZERS:
            self.optimizer.addItem(registry_text(entry.label), entry.key)
        self.optimizer.setToolTip(self.tr("The rule that turns gradients into weight updates"))
        self.optimizer.currentIndexChanged.connect(self._optimizer_chosen)
        self.hyper = HyperParamEditor()
        self.hyper.valueChanged.connect(self._hyper_changed)

        self.l1 = number_spin(TrainingSpec, "l1", "l1", log_scale=True)
        self.l1.setToolTip(self.tr("L1 penalty: pushes weights to exactly zero (sparse network)"))
        self.l1.valueChanged.connect(lambda v: self._set("l1", float(v), self.tr("Change L1")))
        self.l2 = number_spin(TrainingSpec, "l2", "l2", log_scale=True)
        self.l2.setToolTip(self.tr("L2 penalty: keeps weights small, for smoother decision boundaries"))
        self.l2.valueChanged.connect(lambda v: self._set("l2", float(v), self.tr("Change L2")))

        self.batch_size = self._int_spin("batchSize", "batch_size", self.tr("Change batch size"),
                                         self.tr("Examples per gradient step; small batches are noisier"))
        self.epochs = self._int_spin("epochs", "epochs", self.tr("Change epochs"),
                                     self.tr("Passes over the training data; 0 trains until you stop it"))
        self.epochs.setSpecialValueText(self.tr("Until stopped"))
        self.epochs.setSingleStep(10)
        self.seed = self._int_spin("trainingSeed", "seed", self.tr("Change training seed"),
                                   self.tr("Seed for initial weights, shuffling and dropout"))
        self.device = QComboBox(objectName="device")
        self.device.setToolTip(self.tr("Where the tensors live: the CPU or a GPU"))
        self.device.currentIndexChanged.connect(
            lambda: self._set("device", self.device.currentData(), self.tr("Change device")))
        self.dtype = QComboBox(objectName="dtype")
        labels = {"float32": self.tr("float32 (single precision)"), "float64": self.tr("float64 (double precision)")}
        for key in DTYPE_NAMES:
            self.dtype.addItem(labels.get(key, key), key)
        self.dtype.setToolTip(self.tr("Number precision; float64 is slower but more exact"))
        self.dtype.currentIndexChanged.connect(
            lambda: self._set("dtype", self.dtype.currentData(), self.tr("Change precision")))

        optim_group = QGroupBox(self.tr("Loss and optimizer"))
        form = QFormLayout(optim_group)
        form.addRow(self.tr("Loss:"), self.loss)
        form.addRow(self.tr("Reduction:"), self.reduction)
        form.addRow(self.tr("Optimizer:"), self.optimizer)
        form.addRow(self.hyper)
        reg_group = QGroupBox(self.tr("Regularisation"))
        form = QFormLayout(reg_group)
        form.addRow(self.tr("L1:"), self.l1)
        form.addRow(self.tr("L2:"), self.l2)
        run_group = QGroupBox(self.tr("Run"))
        form = QFormLayout(run_group)
        form.addRow(self.tr("Batch size:"), self.batch_size)
        form.addRow(self.tr("Epochs:"), self.epochs)
        form.addRow(self.tr("Seed:"), self.seed)
        form.addRow(self.tr("Device:"), self.device)
        form.addRow(self.tr("Precision:"), self.dtype)
        layout = QVBoxLayout(self)
        for group in (optim_group, reg_group, run_group):
            layout.addWidget(group)
        layout.addStretch(1)

    def _int_spin(self, name: str, field: str, text: str, tip: str) -> QSpinBox:
        spin = int_spin(TrainingSpec, field, name)
        spin.setToolTip(tip)
        spin.valueChanged.connect(lambda v: self._set(field, int(v), text))
        return spin

    # ---- edits --------------------------------------------------------------------------------------

    def _edit(self, mutate: Callable[[Experiment], None], text: str, merge_key: str | None) -> bool:
        done = self._document.edit(mutate, text, merge_key)
        if not done:
            self._refresh(self._document.experiment)
        return done

    def _set(self, field: str, value: object, text: str) -> None:
        if value is None:
            return

        def mutate(experiment: Experiment) -> None:
            setattr(experiment.training, field, value)

        self._edit(mutate, text, f"training.{field}")

    def _loss_chosen(self) -> None:
        self._set("loss", self.loss.currentData(), self.tr("Change loss"))

    def _optimizer_chosen(self) -> None:
        key = self.optimizer.currentData()

        def mutate(experiment: Experiment) -> None:
            experiment.training.optimizer = OptimizerSpec(name=key)

        self._edit(mutate, self.tr("Change optimizer"), None)

    def _hyper_changed(self, name: str, value: object) -> None:
        try:
            optimizer = self._document.experiment.training.optimizer.with_value(name, value)
        except ValueError:
            self._refresh(self._document.experiment)
            return

        def mutate(experiment: Experiment) -> None:
            experiment.training.optimizer = optimizer

        label = registry_text(OPTIMIZERS[optimizer.name].param(name).label)
        self._edit(mutate, self.tr("Change {name}").format(name=label), f"training.optimizer.{name}")

    # ---- refresh ------------------------------------------------------------------------------------

    def _refresh(self, experiment: Experiment) -> None:
        training = experiment.training
        self._refresh_losses(experiment)
        select_data(self.reduction, training.reduction)
        select_data(self.optimizer, training.optimizer.name)
        self.hyper.set_optimizer(training.optimizer.name)
        self.hyper.set_values(training.optimizer.values())
        set_value(self.l1, training.l1)
        set_value(self.l2, training.l2)
        set_value(self.batch_size, training.batch_size)
        set_value(self.epochs, training.epochs)
        set_value(self.seed, training.seed)
        self._refresh_devices(training.device)
        select_data(self.dtype, training.dtype)

    def _refresh_losses(self, experiment: Experiment) -> None:
        """Offer only the losses that suit the data: its task, and BCE only for two classes."""
        task, n = experiment.data.task, experiment.data.n_classes
        key = (task, n)
        if key != self._loss_key:
            self._loss_key = key
            with quiet(self.loss):
                self.loss.clear()
                for t in [task] if task else TASKS:
                    for entry in losses_for(t):
                        if entry.target == "binary" and n not in (None, 2):
                            continue
                        self.loss.addItem(registry_text(entry.label), entry.key)
        current = experiment.training.loss_for(task) if task else experiment.training.loss
        if current is not None:
            select_data(self.loss, current)

    def set_available_devices(self, devices: list[Device]) -> None:
        """The devices torch found (the runner tells once it is up); until then auto and CPU."""
        self._devices = list(devices)
        self._refresh_devices(self._document.experiment.training.device)

    def _refresh_devices(self, current: str) -> None:
        devices = [(d.key, registry_text(d.label)) for d in getattr(self, "_devices", None) or basic_devices()]
        if current not in [key for key, _ in devices]:
            devices.append((current, self.tr("{device} (not available here)").format(device=current)))
        if [self.device.itemData(i) for i in range(self.device.count())] != [k for k, _ in devices]:
            with quiet(self.device):
                self.device.clear()
                for key, label in devices:
                    self.device.addItem(label, key)
        select_data(self.device, current)
