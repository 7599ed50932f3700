"""Keeps the engine in step with the document, without ever silently throwing a run away.

* Data, model, optimizer choice, loss, device, dtype or seed changed → a new engine. Without a
  run worth keeping it is rebuilt at once; with one (trained weights, training or paused) the user
  is asked first, and Cancel undoes the edit.
* Optimizer hyper-parameters, L1/L2 and batch size go to the running engine (next step on).
* Steps taken since the last load/save mark the document modified (the weights on disk are old).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QMessageBox, QWidget

from playground.app.document import ExperimentDocument
from playground.app.training import TrainingController
from playground.core.background_save import structure
from playground.core.spec import LIVE_OPTIONS, Experiment
from playground.core.status import WorkerStatus


def live_changes(old: Experiment, new: Experiment) -> list[tuple[str, Any]]:
    """``(name, value)`` for each hyper-parameter the running engine can take between steps."""
    changes = [(name, value) for name, value in new.training.optimizer.values().items()
               if old.training.optimizer.values().get(name) != value]
    changes += [(name, getattr(new.training, name)) for name in LIVE_OPTIONS
                if getattr(old.training, name) != getattr(new.training, name)]
    return changes


class EngineSession(QObject):
    """Glue between ``ExperimentDocument`` edits and the ``TrainingController``."""

    def __init__(self, document: ExperimentDocument, controller: TrainingController,
                 window: QWidget) -> None:
        super().__init__(window)
        self.document = document
        self.controller = controller
        self.window = window
        self.engine_spec: Experiment | None = None
        self.clean_step = 0
        self._reverting = False
        self._prompt_pending = False
        document.changed.connect(self._on_changed)
        controller.statusChanged.connect(self._on_status)

    # ------------------------------------------------------------------ loading
    def load(self, experiment: Experiment, base_dir: Path | None) -> None:
        """New engine for ``experiment`` (with its trained state, if any). Raises on failure."""
        self.controller.build(experiment, base_dir)
        self.engine_spec = experiment.model_copy(deep=True, update={"state": None})
        self.clean_step = self.controller.status.step

    def load_async(self, experiment: Experiment, base_dir: Path | None) -> None:
        """Build without waiting; the session follows the document once the engine exists."""
        # the file holds the weights it was opened with: reaching them is no change (the build's
        # status arrives before ``done`` below, and would otherwise mark the file modified)
        self.clean_step = experiment.state.step if experiment.state is not None else 0
        future = self.controller.build_async(experiment, base_dir)
        spec = experiment.model_copy(deep=True, update={"state": None})

        def done(answered: object, error: object) -> None:
            if answered is not future:
                return
            self.controller.built.disconnect(done)
            if error is not None:
                self.controller.failed.emit(self.tr("the experiment cannot be used: {0}").format(error))
                return
            self.engine_spec = spec
            self.clean_step = self.controller.status.step
            self._on_changed(self.document.experiment, set())  # edits made while it was building

        self.controller.built.connect(done)

    def saved(self, step: int) -> None:
        """The file now holds the weights of ``step``."""
        self.clean_step = step

    def in_sync(self) -> bool:
        return self.engine_spec is not None and structure(self.engine_spec) == structure(
            self.document.experiment)

    # ------------------------------------------------------------------ edits
    def _on_changed(self, experiment: Experiment, sections: set[str]) -> None:
        if self._reverting or self.engine_spec is None:
            return
        if structure(self.engine_spec) == structure(experiment):
            self._apply_live(experiment)
            return
        if self.controller.has_run:
            # Asked later, outside QUndoStack.push(): Cancel must undo this very edit.
            if not self._prompt_pending:
                self._prompt_pending = True
                QTimer.singleShot(0, self._resolve)
            return
        self._rebuild()

    def _apply_live(self, experiment: Experiment) -> None:
        assert self.engine_spec is not None
        for name, value in live_changes(self.engine_spec, experiment):
            self.controller.set_option(name, value)
        if experiment.training.epochs != self.engine_spec.training.epochs:
            self.controller.set_epoch_limit(experiment.training.epochs)
        self.engine_spec = experiment

    def _resolve(self) -> None:
        self._prompt_pending = False
        if self.in_sync():
            return
        answer = QMessageBox.question(
            self.window, self.tr("Apply changes?"),
            self.tr("This change needs a new model: the trained weights will be reset.\n\n"
                    "Apply changes and reset weights?"),
            QMessageBox.StandardButton.Apply | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Apply)
        if answer == QMessageBox.StandardButton.Apply:
            self._rebuild()
        else:
            self._revert()

    def _rebuild(self) -> None:
        try:
            self.load(self.document.experiment, self.document.base_dir)
        except Exception as exc:
            QMessageBox.warning(self.window, self.tr("Cannot apply this change"),
                                self.tr("The change was undone because it cannot be used:\n\n{0}")
                                .format(exc))
            QTimer.singleShot(0, self._revert)

    def _revert(self) -> None:
        """Undo edits until the document matches the engine again (usually exactly one)."""
        stack = self.document.undo_stack
        self._reverting = True
        try:
            while not self.in_sync() and stack.canUndo():
                stack.undo()
        finally:
            self._reverting = False
        if self.engine_spec is not None and self.in_sync():
            self._apply_live(self.document.experiment)

    # ------------------------------------------------------------------ training progress
    def _on_status(self, status: WorkerStatus) -> None:
        if status.step != self.clean_step:
            self.document.mark_trained()

