"""The open experiment as the GUI edits it: one spec, a file path, a modified flag, undo/redo.

Every panel edits through ``edit()`` so every change is undoable (QUndoStack) and announced once.
Undo commands hold whole before/after specs: experiments are small, and this keeps every edit —
data, network or training — undoable by the same tiny mechanism.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pydantic import ValidationError
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from playground.core.errors import one_line
from playground.core.experiment_io import format_validation_error
from playground.core.spec import Experiment, StateSpec, TrainingSpec

_merge_ids: dict[str, int] = {}

NEW_EPOCHS = 0
"""Epochs of an experiment made with File ▸ New: 0, train until paused, as TensorFlow Playground does.
Files keep the schema's default (100): ``playground train`` needs a limit, and examples and lessons
keep theirs (a lesson compares runs of its own length; Train at a limit goes on with one click)."""


def new_experiment() -> Experiment:
    """What File ▸ New (and a window opened without a file) starts from."""
    return Experiment(training=TrainingSpec(epochs=NEW_EPOCHS))


UNTITLED = QT_TRANSLATE_NOOP("examples", "Untitled")
"""The name of a new experiment (``Experiment.name``'s default), shown in the user's language."""


def _merge_id(key: str | None) -> int:
    if key is None:
        return -1
    return _merge_ids.setdefault(key, len(_merge_ids) + 1)


class _EditCommand(QUndoCommand):
    def __init__(self, doc: ExperimentDocument, before: Experiment, after: Experiment,
                 text: str, merge_key: str | None) -> None:
        super().__init__(text)
        self._doc, self.before, self.after = doc, before, after
        self._id = _merge_id(merge_key)

    def id(self) -> int:
        return self._id

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, _EditCommand) or other.id() != self._id or self._id == -1:
            return False
        self.after = other.after
        return True

    def redo(self) -> None:
        self._doc._apply(self.after)

    def undo(self) -> None:
        self._doc._apply(self.before)


class ExperimentDocument(QObject):
    """Holds the experiment being edited; ``experiment`` never carries trained state.

    Trained state lives in the engine while the app runs; ``trained_state`` keeps the state that
    came with an opened file until the engine takes it.
    """

    changed = Signal(object, object)
    """(new experiment, set of changed top-level sections such as {"training"})."""
    refused = Signal(str)
    """An edit was not applied; the one-line reason (``training.batch_size: BatchNorm … needs …``)."""
    modifiedChanged = Signal(bool)
    runsChanged = Signal(object)
    """The remembered runs changed (recorded, renamed, deleted): not an edit, so not ``changed``."""
    pathChanged = Signal(object)

    def __init__(self, experiment: Experiment | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._state_dirty = False
        self.scratch_runs = False
        """Runs of this document are demonstrations (an open lesson): leaving one asks nothing."""
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._clean_changed)
        self._experiment = Experiment()
        self.path: Path | None = None
        self.trained_state: StateSpec | None = None
        self.replace(experiment or new_experiment(), None)

    def _clean_changed(self, clean: bool) -> None:
        self.modifiedChanged.emit(not clean or self._state_dirty)

    @property
    def experiment(self) -> Experiment:
        """A copy: mutating it changes nothing; use ``edit`` to change the document."""
        return self._experiment.model_copy(deep=True)

    @property
    def base_dir(self) -> Path | None:
        """Folder that relative paths in the experiment (CSV files) are read from."""
        return self.path.parent if self.path else None

    @property
    def modified(self) -> bool:
        """Edits or training since the last load or save: the file (if any) is out of date."""
        return not self.undo_stack.isClean() or self._state_dirty

    @property
    def edited(self) -> bool:
        """Edits of the experiment since the last load or save (training is not an edit)."""
        return not self.undo_stack.isClean()

    @property
    def trained_unsaved(self) -> bool:
        """Steps trained since the last load or save: weights the file does not have."""
        return self._state_dirty

    def display_name(self) -> str:
        """The experiment's name as the user reads it (a bundled example's or "Untitled" translated)."""
        return QCoreApplication.translate("examples", self._experiment.name)

    def edit(self, mutate: Callable[[Experiment], None], text: str, merge_key: str | None = None) -> bool:
        """Apply ``mutate`` to a copy, validate, and push it as one undoable step.

        Returns False (and changes nothing) if the result is invalid or identical; an invalid one is
        announced with ``refused`` so the window can say why instead of silently showing the old value.
        ``merge_key`` merges consecutive edits of the same control (spin-box scrolling) into one undo step.
        """
        after = self.experiment
        try:
            mutate(after)
            after = Experiment.model_validate(after.model_dump())
        except ValidationError as exc:
            self.refused.emit(format_validation_error(exc))
            return False
        except ValueError as exc:
            self.refused.emit(one_line(str(exc)))
            return False
        if after == self._experiment:
            return False
        self.undo_stack.push(_EditCommand(self, self.experiment, after, text, merge_key))
        return True

    def _apply(self, experiment: Experiment) -> None:
        before = self._experiment
        # Remembered runs are a record, not an edit: undo and redo never bring back or drop one.
        self._experiment = experiment.model_copy(deep=True, update={"runs": list(before.runs)})
        sections = {
            name for name in Experiment.model_fields
            if getattr(before, name) != getattr(self._experiment, name)
        }
        self.changed.emit(self.experiment, sections)

    def replace(self, experiment: Experiment, path: Path | None) -> None:
        """Start over with a new experiment (New/Open): clears undo history and the modified flag."""
        self.trained_state = experiment.state
        self._experiment = experiment.model_copy(deep=True, update={"state": None})
        self.path = path
        self.undo_stack.clear()
        self._state_dirty = False
        self.scratch_runs = False
        self.changed.emit(self.experiment, set(Experiment.model_fields))
        self.pathChanged.emit(path)
        self.modifiedChanged.emit(False)

    def set_runs(self, runs: list) -> None:
        """Replace the remembered runs (outside the undo history: recording a run is not an edit)."""
        before = self._experiment
        self._experiment = Experiment.model_validate({**before.model_dump(), "runs": [
            r.model_dump() for r in runs]})
        self.mark_trained()
        self.runsChanged.emit(list(self._experiment.runs))

    def mark_trained(self) -> None:
        """Training changed the weights: the file on disk is out of date."""
        if not self._state_dirty:
            self._state_dirty = True
            self.modifiedChanged.emit(True)

    def mark_saved(self, path: Path) -> None:
        self.path = path
        self._state_dirty = False
        self.scratch_runs = False  # saved: the user's own file now
        self.undo_stack.setClean()
        self.pathChanged.emit(path)
        self.modifiedChanged.emit(False)
