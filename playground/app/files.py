"""File handling for the main window: New/Open/Save, recent files, examples, exports, unsaved prompts.

A file is only adopted after its engine was built: a bad file (invalid JSON, schema, data or
weights) shows its error in words and leaves the current experiment exactly as it was. Saving never
depends on a live runner: the document plus the newest trained state the window holds make a valid
file. A file changed on disk since it was opened or saved here (another window, another program) is
not silently overwritten: Save asks first.
"""

from __future__ import annotations

import os
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

import pyqtgraph.exporters as pg_exporters
from PySide6.QtCore import QObject, QPoint, QRect, QSettings, Qt
from PySide6.QtGui import QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QStatusBar, QWidget

from playground.app.document import new_experiment
from playground.app.export_dialog import ExportDialog
from playground.core import translate
from playground.core.background_save import with_trained_state
from playground.core.experiment_io import ExperimentError, load_experiment, rebase_paths, save_experiment
from playground.core.resources import example_files, examples_dir
from playground.core.spec import Experiment

if TYPE_CHECKING:
    from collections.abc import Callable

    from playground.app.document import ExperimentDocument
    from playground.app.plots import BoundaryView
    from playground.app.session import EngineSession
    from playground.app.training import TrainingController
    from playground.core.lessons import Lesson

EXAMPLES_DIR = examples_dir()
MAX_RECENT = 8
RECENT_KEY = "recent/files"

__all__ = ["EXAMPLES_DIR", "FileController", "example_files"]


class FileController(QObject):
    """Owns the file actions' behaviour; the window owns the widgets.

    It is handed what it uses: the document, the runner (for the trained state and exports), the
    session (to build an opened file's engine), the plot it exports, the status bar, the settings
    (recent files) and the widget its dialogs belong to.
    """

    def __init__(self, document: ExperimentDocument, controller: TrainingController, session: EngineSession,
                 boundary: BoundaryView, status: QStatusBar, settings: QSettings, parent: QWidget) -> None:
        super().__init__(parent)
        self.document = document
        self.controller = controller
        self.session = session
        self.boundary = boundary
        self.status = status
        self.parent_widget = parent
        """What the file dialogs and message boxes belong to (the main window)."""
        self.settings = settings
        self.quiet = False
        """Screenshot runs: errors go to stderr, no dialog waits for a click."""
        self._on_disk: tuple[Path, tuple[int, int, int] | None] | None = None
        """The document's file and its stamp when this window last read or wrote it."""
        self.lesson_source: Callable[[], Lesson | None] = lambda: None
        """The open lesson, for a notebook's prose (the window wires it to the lessons panel)."""

    # ------------------------------------------------------------------ prompts
    def show_error(self, title: str, text: str) -> None:
        """An error the user must read: a message box (scripted runs: one line on stderr)."""
        if self.quiet:
            import sys
            print(f"playground: {text}", file=sys.stderr)
            return
        QMessageBox.critical(self.parent_widget, title, text)

    def maybe_save(self) -> bool:
        """Unsaved changes: Save, Discard or Cancel. True when it is fine to go on."""
        doc = self.document
        if not doc.modified or self.quiet:
            return True
        if not doc.edited and doc.scratch_runs:  # a lesson's run: training is not an edit, say it goes
            self.status.showMessage(
                self.tr("The trained weights of “{0}” were not kept (Save As keeps a lesson's run)")
                .format(doc.display_name()), 10_000)
            return True
        question = (self.tr("“{0}” has unsaved changes. Save them first?") if doc.edited else
                    self.tr("“{0}” has trained weights that are not saved. Save them first?"))
        answer = QMessageBox.question(
            self.parent_widget, self.tr("Unsaved changes"), question.format(doc.display_name()),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    # ------------------------------------------------------------------ new / open
    def new(self) -> bool:
        if not self.maybe_save():
            return False
        return self.adopt(new_experiment(), None)

    def open_dialog(self) -> bool:
        start = str(self.document.base_dir or EXAMPLES_DIR)
        path, _ = QFileDialog.getOpenFileName(self.parent_widget, self.tr("Open experiment"), start,
                                              self.tr("Experiments (*.json);;All files (*)"))
        return bool(path) and self.open_path(path)

    def open_path(self, path: str | Path, ask: bool = True) -> bool:
        """Open ``path``; on any problem show it and keep the current experiment."""
        if ask and not self.maybe_save():
            return False
        p = Path(path)
        try:
            experiment = load_experiment(p)
        except ExperimentError as exc:
            if not p.exists():
                self.forget_recent(p)  # a deleted file leaves Open Recent
            self.show_error(self.tr("Cannot open experiment"), str(exc))
            return False
        except Exception as exc:  # never let a file escape as a traceback (the gate should catch all)
            self.show_error(self.tr("Cannot open experiment"), f"{p}: {type(exc).__name__}: {exc}")
            return False
        if not self.adopt(experiment, p.resolve()):
            return False
        self.add_recent(p)
        return True

    def adopt(self, experiment: Experiment, path: Path | None) -> bool:
        """Build the engine (trained state included), then make it the document."""
        base_dir = path.parent if path else None
        experiment = rebase_paths(experiment, base_dir)  # CSV paths stay valid whatever the file's folder
        try:
            self.session.load(experiment, base_dir)
        except Exception as exc:
            where = str(path) if path else self.tr("The experiment")
            self.show_error(self.tr("Cannot open experiment"), self.tr("{0}: {1}").format(where, exc))
            return False
        self.document.replace(experiment, path)
        self._remember_disk(path)
        return True

    # ------------------------------------------------------------------ the file on disk
    @staticmethod
    def _stamp(path: Path) -> tuple[int, int, int] | None:
        """What changes when anyone writes the file (an atomic save replaces the inode)."""
        try:
            st = os.stat(path)
        except OSError:
            return None
        return (st.st_mtime_ns, st.st_size, st.st_ino)

    def _remember_disk(self, path: Path | None) -> None:
        self._on_disk = (path.resolve(), self._stamp(path)) if path is not None else None

    def _changed_on_disk(self, path: Path) -> bool:
        """``path`` is the file this window read or wrote, and someone else has written it since."""
        if self._on_disk is None or self._on_disk[0] != path.resolve():
            return False
        now = self._stamp(path)
        return now is not None and now != self._on_disk[1]

    def _overwrite_ok(self, path: Path) -> bool:
        """Ask before overwriting a file changed on disk since this window read or wrote it."""
        if self.quiet or not self._changed_on_disk(path):
            return True
        answer = QMessageBox.question(
            self.parent_widget, self.tr("File changed on disk"),
            self.tr("“{0}” was changed on disk since you opened or saved it here (another window or "
                    "program wrote it). Overwrite it with this experiment?").format(path.name),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Save

    def open_later(self, path: str | Path) -> bool:
        """Start-up: read and show ``path`` at once, build its engine in the background."""
        p = Path(path)
        try:
            experiment = load_experiment(p)
        except ExperimentError as exc:
            self.show_error(self.tr("Cannot open experiment"), str(exc))
            return False
        self.adopt_later(experiment, p.resolve())
        self.add_recent(p)
        return True

    def adopt_later(self, experiment: Experiment, path: Path | None) -> None:
        """Make ``experiment`` the document now and build its engine without waiting for it.

        The window shows the experiment while torch loads in the runner; a build that fails is
        told in words and leaves the document for the user to fix.
        """
        base_dir = path.parent if path else None
        experiment = rebase_paths(experiment, base_dir)
        self.document.replace(experiment, path)
        self._remember_disk(path)
        self.session.load_async(experiment, base_dir)

    # ------------------------------------------------------------------ save
    def experiment_to_save(self) -> Experiment:
        """The document's experiment with the engine's trained state, read between two steps."""
        return self._experiment_and_step()[0]

    def _experiment_and_step(self) -> tuple[Experiment, int | None]:
        """The experiment to write, and the step of its trained state when that is not the newest
        (the runner died or hangs: the last state the window holds is written instead)."""
        trained, stale_step = self.controller.trained_experiment()
        experiment = self.document.experiment
        if trained is not None:
            experiment = with_trained_state(experiment, trained)
        return experiment, stale_step

    def save(self) -> bool:
        """Save in place; an untitled experiment or a bundled example asks where instead."""
        path = self.document.path
        if path is None or EXAMPLES_DIR.resolve() in path.resolve().parents:
            return self.save_as()
        return self.save_to(path)

    def save_as(self) -> bool:
        doc = self.document
        start = str(doc.path or (Path.home() / f"{doc.display_name()}.json"))
        path, _ = QFileDialog.getSaveFileName(self.parent_widget, self.tr("Save experiment"), start,
                                              self.tr("Experiments (*.json)"))
        if not path:
            return False
        if not path.lower().endswith(".json"):
            path += ".json"
        return self.save_to(path)

    def save_to(self, path: str | Path) -> bool:
        """Write the experiment; on failure say why and keep everything unsaved (still modified)."""
        p = Path(path)
        if not self._overwrite_ok(p):
            return False
        bar = self.status
        bar.showMessage(self.tr("Saving {0}…").format(p))  # a large model takes a second: say so
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            experiment, stale_step = self._experiment_and_step()
            save_experiment(experiment, p, from_dir=self.document.base_dir or Path.cwd())
        except Exception as exc:
            bar.clearMessage()
            reason = str(exc) if str(p) in str(exc) else f"{p}: {exc}"
            self.show_error(self.tr("Cannot save"),
                        self.tr("{0} — nothing was lost: the experiment is still open and unsaved.").format(reason))
            return False
        finally:
            QApplication.restoreOverrideCursor()
        step = experiment.state.step if experiment.state else 0
        self.session.saved(step)
        self.document.mark_saved(p.resolve())
        self._remember_disk(p)
        self.add_recent(p)
        if stale_step is not None and stale_step < self.controller.status.step:
            self.status.showMessage(
                self.tr("Saved {0}: trained state from step {1} (the training process stopped before the "
                        "later steps reached the window)").format(p, step), 15_000)
        else:
            self.status.showMessage(self.tr("Saved {0}").format(p), 4000)
        return True

    # ------------------------------------------------------------------ exports
    def export_weights(self) -> bool:
        """File ▸ Export Weights…: the export dialog on a snapshot read between two training steps."""
        doc = self.document
        dialog = ExportDialog(self.experiment_to_save(), doc.base_dir or Path.cwd(), self.parent_widget,
                              exporter=partial(self.controller.export_experiment, **self._prose()))
        if dialog.exec() != ExportDialog.DialogCode.Accepted or dialog.written is None:
            return False
        self.status.showMessage(self.tr("Exported {0}").format(dialog.written), 4000)
        return True

    def export_weights_to(self, path: str | Path, fmt: str | None = None) -> bool:
        """Export without the dialog (format by the file's extension unless ``fmt`` names one)."""
        doc = self.document
        try:
            self.controller.export_experiment(self.experiment_to_save(), doc.base_dir or Path.cwd(),
                                              path, fmt, **self._prose())
        except Exception as exc:
            self.show_error(self.tr("Cannot export"), str(exc))
            return False
        self.status.showMessage(self.tr("Exported {0}").format(path), 4000)
        return True

    def _prose(self) -> dict:
        """A notebook's prose: the window's language, and the open lesson (the lessons panel leaves its
        lesson when another file is opened or saved, or on New)."""
        return {"lesson": self.lesson_source(), "lang": translate.language()}

    def export_plot(self) -> bool:
        doc = self.document
        start = str((doc.base_dir or Path.home()) / f"{doc.experiment.name}.png")
        path, _ = QFileDialog.getSaveFileName(self.parent_widget, self.tr("Export plot"), start,
                                              self.tr("PNG image (*.png);;SVG drawing (*.svg)"))
        return bool(path) and self.export_plot_to(path)

    def export_plot_to(self, path: str | Path) -> bool:
        """The boundary view as PNG (twice the screen size) or SVG, by the file's suffix."""
        item = self.boundary.plot_item
        try:
            if str(path).lower().endswith(".svg"):
                try:
                    pg_exporters.SVGExporter(item).export(str(path))
                except ValueError:  # pyqtgraph 0.14 cannot parse Qt 6.12's SVG paths: let Qt draw it
                    self._render_svg(path)
            else:
                exporter = pg_exporters.ImageExporter(item)
                exporter.parameters()["width"] = max(int(item.sceneBoundingRect().width() * 2), 800)
                exporter.export(str(path))
        except Exception as exc:
            self.show_error(self.tr("Cannot export plot"), str(exc))
            return False
        return True

    def _render_svg(self, path: str | Path) -> None:
        view = self.boundary.widget
        generator = QSvgGenerator()
        generator.setFileName(str(path))
        generator.setSize(view.size())
        generator.setViewBox(QRect(QPoint(0, 0), view.size()))
        generator.setTitle(self.document.experiment.name)
        painter = QPainter(generator)
        try:
            view.render(painter)
        finally:
            painter.end()

    # ------------------------------------------------------------------ recent files
    def recent(self) -> list[str]:
        """Recently used files that still exist (deleted or moved ones are pruned from the list)."""
        value = self.settings.value(RECENT_KEY, [])
        if isinstance(value, str):
            value = [value]
        files = [str(v) for v in (value or [])]
        existing = [f for f in files if Path(f).is_file()]
        if existing != files:
            self.settings.setValue(RECENT_KEY, existing)
        return existing

    def forget_recent(self, path: str | Path) -> None:
        gone = str(Path(path).resolve())
        self.settings.setValue(RECENT_KEY, [f for f in self.recent() if f != gone])

    def add_recent(self, path: str | Path) -> None:
        p = str(Path(path).resolve())
        files = [p, *[f for f in self.recent() if f != p]][:MAX_RECENT]
        self.settings.setValue(RECENT_KEY, files)
