"""The settings a learner changes most, beside Train: learning rate, activation, regularisation, problem.

TensorFlow Playground keeps them on one screen; here they sit in a toolbar next to the training
buttons, so trying "a smaller learning rate" needs no tab switch. Every range and choice comes from
the registry or the schema (``OPTIMIZERS[…].param("lr")``, ``ACTIVATIONS``, ``TrainingSpec``'s
field limits), and every change is one undoable document edit with the same merge key as the
panel's control, so scrolling here and there makes one undo step. The problem type is changed the
way the data panel changes its data set (its own control), so the loss is kept consistent.
"""

from __future__ import annotations

from annotated_types import Ge, Le
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QComboBox, QLabel, QToolBar, QWidget

from playground.app.document import ExperimentDocument
from playground.app.panels.common import NumberSpin, quiet, registry_text, select_data, set_value
from playground.core.registry import ACTIVATIONS, OPTIMIZERS, TASKS
from playground.core.spec import CLASSIFICATION_KINDS, ONE_D_KINDS, REGRESSION_KINDS, Experiment, TrainingSpec

TASK_LABELS = {"classification": QT_TRANSLATE_NOOP("QuickControls", "Classification"),
               "regression": QT_TRANSLATE_NOOP("QuickControls", "Regression")}
PENALTIES = {"": QT_TRANSLATE_NOOP("QuickControls", "None"), "l1": "L1", "l2": "L2"}


def _tr(text: str) -> str:
    return QCoreApplication.translate("QuickControls", text)


def field_range(model: type, name: str) -> tuple[float, float]:
    """``(ge, le)`` of a schema field (the one definition the panels read too)."""
    low, high = float("-inf"), float("inf")
    for rule in model.model_fields[name].metadata:
        if isinstance(rule, Ge):
            low = float(rule.ge)
        elif isinstance(rule, Le):
            high = float(rule.le)
    return low, high


class QuickControls(QToolBar):
    def __init__(self, document: ExperimentDocument, choose_kind, parent: QWidget | None = None) -> None:
        """``choose_kind(kind)`` changes the data set as the data panel does (loss kept consistent)."""
        super().__init__(parent)
        self.setObjectName("quickControls")
        self.setWindowTitle(_tr("Most-used settings"))
        self.setMovable(False)
        self.document = document
        self.choose_kind = choose_kind

        self.lr = NumberSpin(0.0, 1.0, log_scale=True)
        self.lr.setObjectName("quickLr")
        self.lr.setToolTip(_tr("Learning rate: the size of each step down the gradient"))
        self.lr.valueChanged.connect(self._lr_changed)
        self.activation = QComboBox(objectName="quickActivation")
        for entry in ACTIVATIONS:
            self.activation.addItem(registry_text(entry.label), entry.key)
        self.activation.setToolTip(_tr("The activation of every hidden layer"))
        self.activation.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.activation.activated.connect(self._activation_chosen)
        self.penalty = QComboBox(objectName="quickPenalty")
        for key, text in PENALTIES.items():
            self.penalty.addItem(_tr(text), key)
        self.penalty.setToolTip(_tr("Regularisation: L1 makes weights exactly zero, L2 keeps them small"))
        self.penalty.activated.connect(self._penalty_chosen)
        low, high = field_range(TrainingSpec, "l2")
        self.rate = NumberSpin(low, high, log_scale=True, log_floor=1e-4)
        self.rate.setObjectName("quickPenaltyRate")
        self.rate.setToolTip(_tr("Regularisation rate"))
        self.rate.valueChanged.connect(self._rate_changed)
        self.problem = QComboBox(objectName="quickProblem")
        for task in TASKS:
            self.problem.addItem(_tr(TASK_LABELS[task]), task)
        self.problem.setToolTip(_tr("Classification: predict a class; regression: predict a number"))
        self.problem.activated.connect(self._problem_chosen)

        for text, widget in ((_tr("Learning rate"), self.lr), (_tr("Activation"), self.activation),
                             (_tr("Regularisation"), self.penalty), (None, self.rate),
                             (_tr("Problem"), self.problem)):
            if isinstance(widget, QComboBox):
                widget.view().setMinimumWidth(widget.view().sizeHintForColumn(0) + 24)  # the list shows all
            if text:
                label = QLabel(text)
                label.setContentsMargins(8, 0, 3, 0)
                label.setBuddy(widget)
                self.addWidget(label)
            self.addWidget(widget)
        document.changed.connect(lambda experiment, _sections: self.refresh(experiment))
        self.refresh(document.experiment)

    # ---- document → widgets
    def refresh(self, experiment: Experiment) -> None:
        training = experiment.training
        param = OPTIMIZERS[training.optimizer.name].param("lr")
        low = param.minimum * (1 + 1e-9) if param.exclusive_min and param.minimum else param.minimum
        with quiet(self.lr):
            self.lr.setRange(max(low, 1e-12), param.maximum)
        set_value(self.lr, float(training.optimizer.model_extra.get("lr", param.default)
                                 if training.optimizer.model_extra else param.default))
        kinds = {layer.activation for layer in experiment.model.hidden}
        self.activation.setEnabled(bool(kinds))
        if len(kinds) == 1:
            select_data(self.activation, next(iter(kinds)))
            shown = self.activation.currentText()
        else:  # no single answer: say why instead of an empty box
            shown = _tr("mixed") if kinds else _tr("no hidden layer")
            self.activation.setPlaceholderText(shown)
            with quiet(self.activation):
                self.activation.setCurrentIndex(-1)
        self.activation.setMinimumContentsLength(max(6, len(shown)))  # said whole, not elided
        penalty = "l1" if training.l1 > 0 and training.l2 == 0 else "l2" if training.l2 > 0 else ""
        select_data(self.penalty, penalty)
        self.rate.setEnabled(bool(penalty))
        set_value(self.rate, training.l1 if penalty == "l1" else training.l2)
        task = experiment.data.task
        self.problem.setEnabled(experiment.data.kind != "csv")
        if task is not None:
            select_data(self.problem, task)

    # ---- widgets → document (one undoable edit each)
    def _lr_changed(self, value: float) -> None:
        def mutate(experiment: Experiment) -> None:
            experiment.training.optimizer = experiment.training.optimizer.with_value("lr", float(value))

        label = registry_text(OPTIMIZERS[self.document.experiment.training.optimizer.name].param("lr").label)
        if not self.document.edit(mutate, _tr("Change {name}").format(name=label), "training.optimizer.lr"):
            self.refresh(self.document.experiment)

    def _activation_chosen(self) -> None:
        key = self.activation.currentData()

        def mutate(experiment: Experiment) -> None:
            for layer in experiment.model.hidden:
                layer.activation = key

        if not self.document.edit(mutate, _tr("Change activation")):
            self.refresh(self.document.experiment)

    def _penalty_chosen(self) -> None:
        key = self.penalty.currentData()
        training = self.document.experiment.training
        rate = max(training.l1, training.l2) or 1e-3

        def mutate(experiment: Experiment) -> None:
            experiment.training.l1 = rate if key == "l1" else 0.0
            experiment.training.l2 = rate if key == "l2" else 0.0

        if not self.document.edit(mutate, _tr("Change regularisation")):
            self.refresh(self.document.experiment)

    def _rate_changed(self, value: float) -> None:
        field = self.penalty.currentData()
        if not field:
            return

        def mutate(experiment: Experiment) -> None:
            setattr(experiment.training, field, float(value))

        if not self.document.edit(mutate, _tr("Change regularisation"), f"training.{field}"):
            self.refresh(self.document.experiment)

    def _problem_chosen(self) -> None:
        task = self.problem.currentData()
        data = self.document.experiment.data
        if data.task == task:
            return
        kinds = [k for k in (CLASSIFICATION_KINDS if task == "classification" else REGRESSION_KINDS)
                 if k not in ONE_D_KINDS]
        self.choose_kind(kinds[0])
        self.refresh(self.document.experiment)
