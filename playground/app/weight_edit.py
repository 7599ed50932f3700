"""Typing a weight or bias into the model from the network diagram: undoable and saved.

Before the first step the value goes into ``model.init_values`` through the document (so Reset
keeps it and the file stores it as the starting weights); after training it goes into the
runner's model as an undoable command (the saved trained state carries it).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QUndoCommand
from PySide6.QtWidgets import QLineEdit, QStatusBar, QWidget

from playground.core.spec import Experiment

if TYPE_CHECKING:
    from playground.app.document import ExperimentDocument
    from playground.app.plots.network import NetworkDiagram
    from playground.app.training import TrainingController


class SetWeightCommand(QUndoCommand):
    """Sets one entry of a trained parameter in the runner; undo puts the old value back.

    ``edits`` is the ``WeightEdits`` that made it: its runner, diagram and document.
    """

    def __init__(self, edits: WeightEdits, name: str, index: tuple[int, ...], old: float, new: float) -> None:
        where = ", ".join(str(i) for i in index)
        super().__init__(QCoreApplication.translate("WeightEdits", "Set {0}[{1}] to {2:g}").format(name, where, new))
        self.edits, self.name, self.index, self.old, self.new = edits, name, index, old, new

    def redo(self) -> None:
        self._set(self.old, self.new)

    def undo(self) -> None:
        self._set(self.new, self.old)

    def _set(self, old: float, new: float) -> None:
        self.edits.controller.set_value(self.name, self.index, new)
        self.edits.diagram.mark_hand_edit(self.name, self.index, old, new)
        self.edits.document.mark_trained()


class ValueEditor(QLineEdit):
    """A small field over the clicked link: Enter applies, Esc or clicking elsewhere cancels.

    It deletes itself when it closes, and says so first (``closed``): whoever holds it must drop
    the reference then, or the next click asks a deleted C++ object whether it is visible.
    """

    closed = Signal()

    def __init__(self, parent: QWidget, text: str) -> None:
        super().__init__(text, parent)
        self._closing = False
        self.setObjectName("weightEditor")
        self.setFixedWidth(120)
        self.selectAll()

    def event(self, event: QEvent) -> bool:
        """Esc is the window's Stop shortcut: while this field has the focus it cancels the edit."""
        if event.type() == QEvent.Type.ShortcutOverride and event.key() == Qt.Key.Key_Escape:
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close_editor()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        self.close_editor()

    def close_editor(self) -> None:
        if self._closing:  # hiding takes the focus away, which calls this again
            return
        self._closing = True
        self.closed.emit()
        self.hide()
        self.deleteLater()


class WeightEdits(QObject):
    """The diagram's value editor and what it changes: the document (untrained) or the runner's model.

    ``parent`` is the widget the editor floats over (the main window).
    """

    def __init__(self, document: ExperimentDocument, controller: TrainingController, diagram: NetworkDiagram,
                 status: QStatusBar, parent: QWidget) -> None:
        super().__init__(parent)
        self.document = document
        self.controller = controller
        self.diagram = diagram
        self.status = status
        self.parent_widget = parent
        self.editor: ValueEditor | None = None
        diagram.editRequested.connect(self.begin)

    def begin(self, name: str, index: tuple, value: float, global_pos: QPointF) -> ValueEditor:
        """Show the editor at ``global_pos`` with the current ``value``."""
        if self.editor is not None:
            self.editor.close_editor()
        editor = ValueEditor(self.parent_widget, f"{value:.6g}")
        editor.closed.connect(lambda: self._closed(editor))
        local = self.parent_widget.mapFromGlobal(QPoint(int(global_pos.x()), int(global_pos.y())))
        editor.move(local.x() - 60, local.y() - 12)
        editor.setToolTip(QCoreApplication.translate(
            "WeightEdits", "New value for {0}[{1}]: Enter applies, Esc cancels").format(
            name, ", ".join(str(i) for i in index)))
        editor.returnPressed.connect(lambda: self._commit(editor, name, tuple(index), value))
        editor.show()
        editor.setFocus()
        self.editor = editor
        return editor

    def _closed(self, editor: ValueEditor) -> None:
        if self.editor is editor:
            self.editor = None

    def _commit(self, editor: ValueEditor, name: str, index: tuple, old: float) -> None:
        text = editor.text().strip().replace(",", ".")
        try:
            new = float(text)
        except ValueError:
            new = math.nan
        if not math.isfinite(new):
            self.status.showMessage(
                QCoreApplication.translate("WeightEdits", "“{0}” is not a number; the weight is unchanged").format(
                    editor.text()), 5000)
            return
        editor.close_editor()
        # applied from the event loop, not inside the editor's key event: a rebuild may wait in a
        # local event loop, and the editor must not be deleted under its own keyPressEvent
        QTimer.singleShot(0, lambda: self.apply(name, index, old, new))

    def apply(self, name: str, index: tuple, old: float, new: float) -> None:
        """Untrained: edit ``model.init_values``; trained: set it in the runner's model (undoable)."""
        if new == old:
            return
        stats = {p.name: p for p in (self.diagram.snapshot.params if self.diagram.snapshot else ())}
        values = stats.get(name).values if name in stats else None
        if self.controller.status.step == 0 and values is not None:
            start = np.array(values, dtype=np.float64)
            start[index] = new

            def mutate(experiment: Experiment) -> None:
                given = dict(experiment.model.init_values or {})
                given[name] = start.tolist()
                experiment.model.init_values = given

            where = ", ".join(str(i) for i in index)
            self.document.edit(mutate, QCoreApplication.translate(
                "WeightEdits", "Set starting {0}[{1}] to {2:g}").format(
                name, where, new))
            return
        self.document.undo_stack.push(SetWeightCommand(self, name, index, old, new))
