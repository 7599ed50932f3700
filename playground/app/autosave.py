"""Autosave: every minute with unsaved changes, the open experiment (weights included) goes to a
private file; after a crash the next start offers it back.

Each window owns one ``<id>.json`` in the autosave folder (``QStandardPaths.AppDataLocation/autosave``
unless the ``autosave/folder`` setting names another), with a ``<id>.meta.json`` saying which file it
belongs to and a ``QLockFile`` held while the window lives. Both files are the owner's only (0600):
they hold the user's unsaved work. A clean save, a discard or closing the window removes all three.
Files whose lock is stale (their process died) are what a crash left: those, and only those, are
offered on the next start — never another running window's. A restored autosave stays where it is,
now as this window's own, until a newer save or autosave replaces it: a second crash soon after a
recovery still finds the work.

A trained experiment is written by the runner, where its state lives; when the runner is gone the
window writes the document with the newest trained state it holds.
"""

from __future__ import annotations

import contextlib
import json
import time
import uuid
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLockFile, QObject, QSettings, QStandardPaths, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QStatusBar, QWidget

from playground.core.background_save import save_with_meta, with_trained_state
from playground.core.experiment_io import load_experiment
from playground.core.protocol import RunnerDied

if TYPE_CHECKING:
    from playground.app.document import ExperimentDocument
    from playground.app.ports import Adopter
    from playground.app.training import TrainingController

INTERVAL_MS = 60_000
"""An autosave at most once a minute, and only when something changed since the last one."""
FOLDER_KEY = "autosave/folder"


def autosave_folder(settings: QSettings) -> Path:
    custom = settings.value(FOLDER_KEY)
    if custom:
        return Path(str(custom))
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)) / "autosave"


def _lock(path: Path) -> QLockFile:
    lock = QLockFile(str(path.with_suffix(".lock")))
    lock.setStaleLockTime(0)  # stale only when its process is gone, however long a window stays open
    return lock


@dataclass
class Recovery:
    """An autosave a crashed session left: the experiment file and where it came from."""

    file: Path
    original: Path | None
    name: str
    saved: float
    lock: QLockFile

    def discard(self) -> None:
        for path in (self.file, self.file.with_suffix(".meta.json")):
            path.unlink(missing_ok=True)
        self.lock.unlock()


def orphans(folder: Path) -> list[Recovery]:
    """Autosaves whose window is gone (their lock is free or stale), newest first; each is locked now."""
    found: list[Recovery] = []
    if not folder.is_dir():
        return found
    for file in sorted(folder.glob("*.json")):
        if file.name.endswith(".meta.json"):
            continue
        lock = _lock(file)
        if not lock.tryLock(0):
            continue  # a running window's autosave
        try:
            meta = json.loads(file.with_suffix(".meta.json").read_text(encoding="utf-8"))
            original = Path(meta["path"]) if meta.get("path") else None
            name, saved = str(meta.get("name", file.stem)), float(meta.get("saved", file.stat().st_mtime))
        except (OSError, ValueError, KeyError, TypeError):
            original, name, saved = None, file.stem, file.stat().st_mtime
        found.append(Recovery(file, original, name, saved, lock))
    return sorted(found, key=lambda r: -r.saved)


class Autosave(QObject):
    """Owns one window's autosave file and the timer that writes it.

    It is handed the document, the runner (which writes a trained autosave), the status bar, what
    adopts a recovered experiment (``adopter``: the file controller, which builds its engine) and
    the widget its question belongs to; a recovered file that cannot be read is told by ``error``.
    """

    error = Signal(str, str)
    """``(title, text)`` of an error the user must read (the window shows it as the file actions do)."""

    def __init__(self, document: ExperimentDocument, controller: TrainingController, status: QStatusBar,
                 adopter: Adopter, settings: QSettings, parent: QWidget) -> None:
        super().__init__(parent)
        self.document = document
        self.controller = controller
        self.status = status
        self.adopter = adopter
        self.parent_widget = parent
        self.folder = autosave_folder(settings)
        self.file: Path | None = None
        self._lock: QLockFile | None = None
        self._dirty = False
        self._pending: Future | None = None
        self._pending_args: tuple = ()
        """What the runner was asked to write: the window writes it if the runner dies meanwhile."""
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self.tick)
        document.changed.connect(self._changed)
        document.modifiedChanged.connect(self._modified)
        controller.statusChanged.connect(lambda status: self._changed() if status.step else None)
        self.timer.start()

    def _changed(self, *_args: object) -> None:
        self._dirty = True  # written at the next tick if the document is then unsaved

    def _modified(self, modified: bool) -> None:
        if not modified:  # saved, reopened or discarded: the autosave is out of date
            self.discard()

    def tick(self) -> bool:
        """The timer's slot: write the autosave if there are unsaved changes since the last one.

        A trained experiment is written by the runner, where its state lives (encoding it here froze
        the window for up to 150 ms a minute while training); an untrained one is small and written here.
        """
        self._collect()
        doc = self.document
        if not (self._dirty and doc.modified) or self._pending is not None:
            return False
        try:
            experiment = doc.experiment
            if self.file is None:
                self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
                self.file = self.folder / f"{uuid.uuid4().hex}.json"
                self._lock = _lock(self.file)
                self._lock.tryLock(0)
            meta = {"path": str(doc.path) if doc.path else None, "name": experiment.name, "saved": time.time()}
            base_dir = doc.base_dir or Path.cwd()
            controller = self.controller
            if controller.status.step > 0 and controller.runner_alive:
                self._pending_args = (experiment, base_dir, meta)
                self._pending = controller.save_trained_later(
                    experiment, base_dir, self.file, self.file.with_suffix(".meta.json"), meta, private=True)
            else:
                self._write_here(experiment, base_dir, meta)
        except Exception as exc:  # an autosave never interrupts the user; say it once in the status bar
            self._failed(exc)
            return False
        self._dirty = False
        return True

    def _write_here(self, experiment, base_dir: Path, meta: dict) -> None:
        """Write in the window: an untrained experiment (small), or the last trained state the
        window holds when the runner cannot write it."""
        assert self.file is not None
        trained = self.controller.last_trained()
        if trained is not None:
            experiment = with_trained_state(experiment, trained.experiment)
        save_with_meta(experiment, base_dir, self.file, self.file.with_suffix(".meta.json"), meta, private=True)

    def flush(self, timeout: float = 30.0) -> None:
        """Until the runner has written the pending autosave (before removing it; tests)."""
        if self._pending is not None:
            with contextlib.suppress(Exception):
                self._pending.result(timeout)
        self._collect()

    def _collect(self) -> None:
        """A finished background write: say so if it failed (and try again at the next tick)."""
        future = self._pending
        if future is None or not future.done():
            return
        self._pending = None
        error = future.exception()
        if isinstance(error, RunnerDied) and self.file is not None:  # the runner died first: write it here
            try:
                self._write_here(*self._pending_args)
            except Exception as exc:
                error = exc
            else:
                error = None
        if error is not None:
            self._dirty = True
            self._failed(error)

    def _failed(self, error: BaseException) -> None:
        self.status.showMessage(self.tr("Autosave failed: {0}").format(error), 8000)

    def discard(self) -> None:
        """Remove this window's autosave (after a save, a discard, or a clean close)."""
        self.flush()  # a write still under way would bring the file back after it is removed
        if self.file is not None:
            for path in (self.file, self.file.with_suffix(".meta.json")):
                with contextlib.suppress(OSError):
                    path.unlink(missing_ok=True)
        if self._lock is not None:
            self._lock.unlock()
        self.file, self._lock = None, None

    def stop(self) -> None:
        self.timer.stop()
        self.discard()

    # ------------------------------------------------------------------ after a crash
    def offer_recovery(self) -> bool:
        """Offer the newest autosave a crashed session left; True if one was restored."""
        found = orphans(self.folder)
        restored = False
        for recovery in found:
            if restored:
                recovery.lock.unlock()  # offered again next start
                continue
            when = time.strftime("%Y-%m-%d %H:%M", time.localtime(recovery.saved))
            where = str(recovery.original) if recovery.original else self.tr("an untitled experiment")
            answer = QMessageBox.question(
                self.parent_widget, self.tr("Recover unsaved work?"),
                self.tr("Torch Playground closed without saving “{0}” ({1}, autosaved {2}). "
                        "Restore it?").format(recovery.name, where, when),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Discard
                | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Yes)
            if answer == QMessageBox.StandardButton.Yes:
                restored = self._restore(recovery)
            elif answer == QMessageBox.StandardButton.Discard:
                recovery.discard()
            else:
                recovery.lock.unlock()
        return restored

    def _restore(self, recovery: Recovery) -> bool:
        try:
            experiment = load_experiment(recovery.file)
        except Exception as exc:
            self.error.emit(self.tr("Cannot recover"), str(exc))
            recovery.lock.unlock()
            return False
        if not self.adopter.adopt(experiment, recovery.original):  # CSV paths were saved absolute
            recovery.lock.unlock()
            return False
        self.document.mark_trained()  # unsaved until the user saves it
        self.discard()  # this window's own (older) autosave, if it had one
        # the recovered files become this window's autosave: kept until a newer save or autosave
        self.file, self._lock = recovery.file, recovery.lock
        self._dirty = True
        return True
