"""The network panel: hidden layers as table rows, weight init, and the PyTorch code they make.

Row widgets are reused across refreshes (only rows past the end are added or dropped), so the
spin box a user is scrolling is never destroyed by the refresh its own edit triggers.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, QSize
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from playground.app.document import ExperimentDocument
from playground.app.panels.common import (
    ModelShape,
    NumberSpin,
    int_spin,
    model_shape,
    number_spin,
    registry_text,
    select_data,
    set_value,
)
from playground.core.architecture import model_code, output_activation, parameter_count
from playground.core.registry import ACTIVATIONS, INITS, LOSSES, NORMS
from playground.core.spec import MAX_LAYERS, Experiment, LayerSpec

"""32, from the schema, so the panel never offers a layer the file format refuses."""


@dataclass
class _Row:
    units: QSpinBox
    activation: QComboBox
    dropout: NumberSpin
    norm: QComboBox

    def widgets(self) -> tuple[QWidget, ...]:
        return self.units, self.activation, self.dropout, self.norm


class NetworkPanel(QWidget):
    """Edits ``experiment.model``; shows inputs, outputs, parameter count and the generated code."""

    def __init__(self, document: ExperimentDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._rows: list[_Row] = []
        self._icons: tuple[dict, QSize] | None = None
        self._build()
        document.changed.connect(lambda experiment, _sections: self._refresh(experiment))
        self._refresh(document.experiment)

    @property
    def selected_layer(self) -> int:
        """Index of the selected hidden layer, or -1."""
        row = self.table.currentRow()
        return row if 0 <= row < len(self._rows) else -1

    def select_layer(self, index: int) -> None:
        self.table.setCurrentCell(index, 0)
        self.table.selectRow(index)
        self._update_buttons()

    # ---- layout -------------------------------------------------------------------------------------

    def _build(self) -> None:
        self.inputs = QLabel(objectName="inputs")
        self.inputs.setWordWrap(True)
        self.inputs.setToolTip(self.tr("What the network reads; change it in the data panel"))
        self.outputs = QLabel(objectName="outputs")
        self.outputs.setToolTip(self.tr("Set by the task, the loss and the number of classes"))

        self.table = QTableWidget(0, 4, objectName="layers")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Units"), self.tr("Activation"), self.tr("Dropout"), self.tr("Normalisation")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setMinimumSize(360, 160)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.setToolTip(self.tr("Hidden layers, from input (top) to output (bottom)"))

        buttons = QHBoxLayout()
        self.add_button = self._button(buttons, "addLayer", self.tr("Add"),
                                       self.tr("Add a hidden layer at the end"), self._add)
        self.insert_button = self._button(buttons, "insertLayer", self.tr("Insert"),
                                          self.tr("Insert a hidden layer above the selected one"), self._insert)
        self.remove_button = self._button(buttons, "removeLayer", self.tr("Remove"),
                                          self.tr("Remove the selected (or last) hidden layer"), self._remove)
        self.up_button = self._button(buttons, "moveUp", self.tr("Move up"),
                                      self.tr("Move the selected layer towards the input"),
                                      lambda: self._move(-1))
        self.down_button = self._button(buttons, "moveDown", self.tr("Move down"),
                                        self.tr("Move the selected layer towards the output"),
                                        lambda: self._move(1))

        self.init = QComboBox(objectName="init")
        for entry in INITS:
            self.init.addItem(registry_text(entry.label), entry.key)
        self.init.setToolTip(self.tr("How the weights are set before training starts"))
        self.init.currentIndexChanged.connect(self._init_chosen)

        self.param_count = QLabel(objectName="paramCount")
        self.param_count.setToolTip(self.tr("Weights and biases the optimizer adjusts"))
        self.code = QPlainTextEdit(objectName="code")
        self.code.setReadOnly(True)
        self.code.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.code.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.code.setMinimumHeight(140)
        self.code.setToolTip(self.tr("The PyTorch module this network is; copy it into your own code"))

        layers = QGroupBox(self.tr("Network"))
        form = QFormLayout(layers)
        form.addRow(self.tr("Input layer:"), self.inputs)
        form.addRow(self.table)
        form.addRow(buttons)
        form.addRow(self.tr("Output layer:"), self.outputs)
        form.addRow(self.tr("Weight init:"), self.init)
        form.addRow(self.param_count)
        code_group = QGroupBox(self.tr("PyTorch code"))
        QVBoxLayout(code_group).addWidget(self.code)
        layout = QVBoxLayout(self)
        layout.addWidget(layers)
        layout.addWidget(code_group, 1)

    def _button(self, row: QHBoxLayout, name: str, text: str, tip: str,
                slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text, objectName=name)
        button.setToolTip(tip)
        button.clicked.connect(slot)
        row.addWidget(button)
        return button

    def _new_row(self, index: int) -> _Row:
        units = int_spin(LayerSpec, "units", f"units_{index}")
        units.setToolTip(self.tr("Neurons in this layer"))
        units.valueChanged.connect(lambda v: self._set_field(index, "units", v))
        activation = QComboBox(objectName=f"activation_{index}")
        for entry in ACTIVATIONS:
            activation.addItem(registry_text(entry.label), entry.key)
        activation.setToolTip(self.tr("The non-linearity applied after this layer; the small plot shows "
                                      "it (solid) and its derivative (dashed) over [−4, 4]"))
        if self._icons is not None:
            self._set_icons(activation, *self._icons)
        activation.currentIndexChanged.connect(
            lambda: self._set_field(index, "activation", activation.currentData()))
        dropout = number_spin(LayerSpec, "dropout", f"dropout_{index}")
        dropout.setSingleStep(0.05)
        dropout.setToolTip(self.tr("Share of this layer's outputs zeroed at random while training"))
        dropout.valueChanged.connect(lambda v: self._set_field(index, "dropout", float(v)))
        norm = QComboBox(objectName=f"norm_{index}")
        for entry in NORMS:
            norm.addItem(registry_text(entry.label), entry.key)
        norm.setToolTip(self.tr("Normalisation between the linear layer and the activation"))
        norm.currentIndexChanged.connect(lambda: self._set_field(index, "norm", norm.currentData()))
        row = _Row(units, activation, dropout, norm)
        for column, widget in enumerate(row.widgets()):
            widget.setProperty("layerRow", index)
            widget.installEventFilter(self)
            self.table.setCellWidget(index, column, widget)
        return row

    def set_activation_icons(self, icons: dict, size: QSize) -> None:
        """Show each activation's curve beside its name in every activation box (activation preview)."""
        self._icons = (icons, size)
        for row in self._rows:
            self._set_icons(row.activation, icons, size)
        # the curve and the name side by side: the activation column takes the room it needs
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)

    @staticmethod
    def _set_icons(combo: QComboBox, icons: dict, size: QSize) -> None:
        combo.setIconSize(size)
        for i in range(combo.count()):
            icon = icons.get(combo.itemData(i))
            if icon is not None:
                combo.setItemIcon(i, icon)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Focusing a row's control selects the row, so Insert/Remove/Move act on it."""
        if event.type() == QEvent.Type.FocusIn:
            row = watched.property("layerRow")
            if isinstance(row, int) and row != self.selected_layer:
                self.select_layer(row)
        return super().eventFilter(watched, event)

    # ---- edits --------------------------------------------------------------------------------------

    def _edit_layers(self, change: Callable[[list[LayerSpec]], None], text: str,
                     merge_key: str | None = None, select: int | None = None) -> bool:
        def mutate(experiment: Experiment) -> None:
            change(experiment.model.hidden)

        done = self._document.edit(mutate, text, merge_key)
        if not done:
            self._refresh(self._document.experiment)
        elif select is not None:
            self.select_layer(select)
        return done

    def _set_field(self, index: int, field: str, value: object) -> None:
        def change(hidden: list[LayerSpec]) -> None:
            setattr(hidden[index], field, value)

        key = f"model.hidden.{index}.{field}" if field in ("units", "dropout") else None
        self._edit_layers(change, self.tr("Change layer {index}").format(index=index + 1), key)

    def _template(self, hidden: list[LayerSpec], near: int) -> LayerSpec:
        """A new layer copies its neighbour, so a ReLU network stays ReLU."""
        if not hidden:
            return LayerSpec()
        return hidden[min(max(near, 0), len(hidden) - 1)].model_copy()

    def _add(self) -> None:
        n = len(self._rows)
        self._edit_layers(lambda h: h.append(self._template(h, n - 1)), self.tr("Add layer"), select=n)

    def _insert(self) -> None:
        at = max(self.selected_layer, 0)
        self._edit_layers(lambda h: h.insert(at, self._template(h, at)), self.tr("Insert layer"), select=at)

    def _remove(self) -> None:
        at = self.selected_layer if self.selected_layer >= 0 else len(self._rows) - 1
        if at < 0:
            return
        remaining = len(self._rows) - 1
        self._edit_layers(lambda h: h.pop(at), self.tr("Remove layer"),
                          select=min(at, remaining - 1) if remaining else None)

    def _move(self, step: int) -> None:
        at, to = self.selected_layer, self.selected_layer + step
        if at < 0 or not 0 <= to < len(self._rows):
            return

        def change(hidden: list[LayerSpec]) -> None:
            hidden[at], hidden[to] = hidden[to], hidden[at]

        self._edit_layers(change, self.tr("Move layer"), select=to)

    def _init_chosen(self) -> None:
        key = self.init.currentData()

        def mutate(experiment: Experiment) -> None:
            experiment.model.init = key

        if not self._document.edit(mutate, self.tr("Change weight init")):
            self._refresh(self._document.experiment)

    # ---- refresh ------------------------------------------------------------------------------------

    def _refresh(self, experiment: Experiment) -> None:
        hidden = experiment.model.hidden
        selected = self.selected_layer
        while len(self._rows) > len(hidden):
            for widget in self._rows.pop().widgets():
                widget.setObjectName("")  # Qt deletes it later; until then findChild must not see it
                widget.removeEventFilter(self)
            self.table.removeRow(len(self._rows))
        while len(self._rows) < len(hidden):
            self.table.insertRow(len(self._rows))
            self._rows.append(self._new_row(len(self._rows)))
        for row, layer in zip(self._rows, hidden):
            set_value(row.units, layer.units)
            select_data(row.activation, layer.activation)
            set_value(row.dropout, layer.dropout)
            select_data(row.norm, layer.norm)
        if selected >= len(hidden):
            self.table.clearSelection()
            self.table.setCurrentCell(-1, -1)
        select_data(self.init, experiment.model.init)
        self._refresh_summary(experiment)
        self._update_buttons()

    def _refresh_summary(self, experiment: Experiment) -> None:
        shape = model_shape(experiment, self._document.base_dir)
        if shape.error is not None:
            self.inputs.setText(self.tr("unknown"))
            self.outputs.setText(self.tr("unknown"))
            self.param_count.setText(self.tr("Parameters: —"))
            self.code.setPlainText(self.tr("# The data cannot be read, so the network's shape is unknown:")
                                   + "\n# " + shape.error)
            return
        self.inputs.setText(self.tr("{names} ({count})").format(names=", ".join(shape.inputs),
                                                                count=shape.in_dim))
        self.outputs.setText(self._output_text(experiment, shape))
        count = parameter_count(experiment.model, shape.in_dim, shape.out_dim)
        self.param_count.setText(self.tr("Parameters: {count}").format(count=f"{count:,}"))
        code = "model = " + model_code(experiment.model, shape.in_dim, shape.out_dim)
        code += self._output_comment(experiment, shape)
        if self.code.toPlainText() != code:
            self.code.setPlainText(code)

    def _output_comment(self, experiment: Experiment, shape: ModelShape) -> str:
        """Where the output's softmax or sigmoid is: inside the loss, so the model ends with logits."""
        loss = experiment.training.loss_for(shape.task)
        function = output_activation(loss)
        if function == "softmax":
            return "\n" + self.tr("# {loss} applies the softmax to these logits itself;\n"
                                   "# class probabilities: torch.softmax(model(x), dim=1)").format(
                loss=f"nn.{LOSSES[loss].torch_name}")
        if function == "sigmoid":
            return "\n" + self.tr("# {loss} applies the sigmoid to this logit itself;\n"
                                   "# probability of class 1: torch.sigmoid(model(x))").format(
                loss=f"nn.{LOSSES[loss].torch_name}")
        return ""

    def _output_text(self, experiment: Experiment, shape: ModelShape) -> str:
        target = LOSSES[experiment.training.loss_for(shape.task)].target
        meaning = {
            "index": self.tr("one score (logit) per class"),
            "binary": self.tr("one logit: class 1 against class 0"),
            "value": self.tr("the predicted value"),
        }[target]
        return self.tr("{width} ({meaning})").format(width=shape.out_dim, meaning=meaning)

    def _update_buttons(self) -> None:
        n, at = len(self._rows), self.selected_layer
        self.add_button.setEnabled(n < MAX_LAYERS)
        self.insert_button.setEnabled(n < MAX_LAYERS)
        self.remove_button.setEnabled(n > 0)
        self.up_button.setEnabled(at > 0)
        self.down_button.setEnabled(0 <= at < n - 1)
