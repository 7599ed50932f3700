"""The parameter the distribution view and the inspector look at: one choice, shared by both.

The runner sends full detail (every cell, the optimizer state, the quantile history) only for this
parameter, so choosing one in either view changes both and tells the runner once.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QComboBox, QWidget


class ParameterSelection(QObject):
    changed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = ""
        self.options: list[tuple[str, str]] = []
        self._combos: list[QComboBox] = []

    def combo(self, parent: QWidget) -> QComboBox:
        """A combo box that shows and sets the choice (one per view)."""
        box = QComboBox(parent, objectName="parameterChoice")
        box.setMinimumContentsLength(14)
        box.currentIndexChanged.connect(lambda _i: self.select(box.currentData() or ""))
        self._combos.append(box)
        self._fill(box)
        return box

    def offer(self, options: list[tuple[str, str]]) -> None:
        """``(name, label)`` of the model's parameters; keeps the choice if it still exists."""
        if options == self.options:
            return
        self.options = list(options)
        for box in self._combos:
            self._fill(box)
        names = [n for n, _ in options]
        if self.name not in names and names:
            self.select(names[0])

    def _fill(self, box: QComboBox) -> None:
        blocked = box.blockSignals(True)
        box.clear()
        for name, label in self.options:
            box.addItem(label, name)
        index = box.findData(self.name)
        box.setCurrentIndex(index if index >= 0 else 0)
        box.blockSignals(blocked)

    def select(self, name: str) -> None:
        if not name or name == self.name:
            return
        self.name = name
        for box in self._combos:
            index = box.findData(name)
            if index >= 0 and index != box.currentIndex():
                blocked = box.blockSignals(True)
                box.setCurrentIndex(index)
                box.blockSignals(blocked)
        self.changed.emit(name)
