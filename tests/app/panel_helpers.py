"""Finding and driving panel widgets by objectName, shared by the panel tests."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QWidget


def child(panel: QWidget, name: str) -> QWidget:
    widget = panel.findChild(QWidget, name)
    assert widget is not None, f"no widget named {name!r}"
    return widget


def click(qtbot, panel: QWidget, name: str) -> None:
    qtbot.mouseClick(child(panel, name), Qt.MouseButton.LeftButton)


def choose(combo: QComboBox, key: str) -> None:
    index = combo.findData(key)
    assert index >= 0, f"{key!r} is not offered"
    combo.setCurrentIndex(index)
