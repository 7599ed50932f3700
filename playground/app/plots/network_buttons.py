"""The diagram's own editing buttons, as in TensorFlow Playground: +/− layers, +/− neurons, inputs.

They sit over the diagram's view and follow its columns; they only ask (the diagram's signals) and
the window turns each request into an undoable document edit (``app/diagram_edits.py``).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QLabel, QMenu, QToolButton

BUTTON_ROW = 27
"""Pixels from the top of the view to the per-layer +/− buttons (the layer count sits above them)."""


def _tr(text: str) -> str:
    return QCoreApplication.translate("NetworkDiagram", text)


class ArchitectureButtons(QObject):
    def __init__(self, diagram: Any) -> None:
        """+/− for layers (top right), per hidden layer for its neurons, a menu of input features."""
        super().__init__(diagram)
        self.diagram = diagram
        """The ``NetworkDiagram`` (not imported: it imports this module, and the app has no import circles)."""
        parent = diagram.view_widget
        self.layers_label = QLabel(parent, objectName="diagramLayers")
        self.add_layer = self._tool_button("+", _tr("Add a hidden layer"), "addLayerButton",
                                           lambda: diagram.layersRequested.emit(1))
        self.remove_layer = self._tool_button("−", _tr("Remove the last hidden layer"), "removeLayerButton",
                                              lambda: diagram.layersRequested.emit(-1))
        self.inputs_button = self._tool_button(_tr("Inputs ▾"), _tr("Choose the input features"),
                                               "inputsButton", None)
        self.inputs_menu = QMenu(self.inputs_button)
        self.inputs_button.setMenu(self.inputs_menu)
        self.inputs_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.inputs_button.hide()
        self.unit_buttons: list[tuple[QToolButton, QToolButton]] = []
        self.features: list[tuple[str, str, bool]] = []
        self.active_features: list[str] = []
        self.hover_column = -1
        """The column under the mouse: a crowded diagram shows only its +/− buttons."""

    def _tool_button(self, text: str, tip: str, name: str, slot) -> QToolButton:
        button = QToolButton(self.diagram.view_widget, objectName=name, text=text, toolTip=tip)
        button.setAutoRaise(True)
        button.setStyleSheet("QToolButton { padding: 0px 3px; }")
        if slot is not None:
            button.clicked.connect(slot)
        return button

    def set_features(self, features: list[tuple[str, str, bool]], active: list[str]) -> None:
        """``(key, label, on)`` of every input feature the data can give (empty: inputs are fixed), and
        the keys of the inputs the network reads, in its order."""
        self.features, self.active_features = list(features), list(active)
        self.inputs_menu.clear()
        for key, label, on in self.features:
            action = self.inputs_menu.addAction(label)
            action.setCheckable(True)
            action.setChecked(on)
            action.toggled.connect(lambda checked, k=key: self.diagram.featureToggled.emit(k, checked))
        self.inputs_button.setVisible(bool(self.features))
        self.place()

    def input_key(self, unit: int) -> str | None:
        """The feature key of input ``unit``, when the inputs can be chosen."""
        return self.active_features[unit] if 0 <= unit < len(self.active_features) else None

    def hover(self, column: int) -> None:
        if column != self.hover_column:
            self.hover_column = column
            self.place()

    def place(self) -> None:
        """Buttons follow the columns; per-layer ones hide where neighbours would touch (hover shows them)."""
        diagram = self.diagram
        columns = diagram.layout_.columns
        hidden = max(len(columns) - 2, 0)
        self.layers_label.setText(QCoreApplication.translate("NetworkDiagram", "%n hidden layer(s)", None, hidden))
        self.remove_layer.setEnabled(hidden > 0)
        width = diagram.view_widget.width()
        x = width - 4
        for widget in (self.remove_layer, self.add_layer, self.layers_label):
            widget.adjustSize()
            x -= widget.width()
            widget.move(int(x), 2)
            x -= 2
        while len(self.unit_buttons) < hidden:
            k = len(self.unit_buttons)
            pair = (self._tool_button("+", _tr("One neuron more in this layer"), f"addUnit{k}",
                                      lambda _=False, k=k: diagram.unitsRequested.emit(k, 1)),
                    self._tool_button("−", _tr("One neuron fewer in this layer"), f"removeUnit{k}",
                                      lambda _=False, k=k: diagram.unitsRequested.emit(k, -1)))
            self.unit_buttons.append(pair)
        self.inputs_button.adjustSize()
        self.inputs_button.move(2, 2)
        legend = diagram.legend  # the colour key between the inputs menu and the layer count
        start = self.inputs_button.width() + 10 if self.inputs_button.isVisible() else 4
        room = int(x - start - 8)
        legend.setGeometry(start, 3, max(min(room, 260), 0), legend.height())
        legend.setVisible(room >= legend.minimumWidth())
        if not columns:
            return
        pixel_x = diagram.pixel_x
        # columns after the inputs are evenly spaced (an image node is wider than an input column)
        pitch = pixel_x(columns[-1].x) - pixel_x(columns[-2].x) if len(columns) > 1 else width
        for k, (plus, minus) in enumerate(self.unit_buttons):
            shown = k < hidden
            if shown:
                centre = pixel_x(columns[k + 1].x + 0.5)
                for button in (plus, minus):
                    button.adjustSize()
                plus.move(int(centre - plus.width() - 1), BUTTON_ROW)
                minus.move(int(centre + 1), BUTTON_ROW)
                shown = plus.width() + minus.width() + 6 <= pitch or self.hover_column == k + 1
            plus.setVisible(shown)
            minus.setVisible(shown)
