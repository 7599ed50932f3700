"""The menu bar: File, Edit, View (classroom mode and plot toggles), Train, Help.

View toggles do not act on widgets directly: they edit ``experiment.view`` through the document,
so they are undoable and saved with the file (a teacher's file opens already simplified). File
actions call the file controller they are handed; what belongs to the window (Quit, Compare, Load
Image Folder) is asked for with a signal.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QMessageBox, QWidget

from playground import __version__
from playground.app.files import example_files
from playground.core.experiment_io import ExperimentError, load_experiment
from playground.core.spec import Experiment

if TYPE_CHECKING:
    from playground.app.document import ExperimentDocument
    from playground.app.ports import FileMenuActions


def _tr(text: str) -> str:
    return QCoreApplication.translate("Menus", text)


PANEL_TITLES = {
    "data": QT_TRANSLATE_NOOP("Menus", "Data panel"),
    "network": QT_TRANSLATE_NOOP("Menus", "Network panel"),
    "training": QT_TRANSLATE_NOOP("Menus", "Training panel"),
    "code": QT_TRANSLATE_NOOP("Menus", "PyTorch code"),
    "controls": QT_TRANSLATE_NOOP("Menus", "Training controls"),
    "loss": QT_TRANSLATE_NOOP("Menus", "Loss plot"),
    "metric": QT_TRANSLATE_NOOP("Menus", "Accuracy / R² plot"),
    "diagram": QT_TRANSLATE_NOOP("Menus", "Network diagram"),
    "gradients": QT_TRANSLATE_NOOP("Menus", "Gradient norms"),
    "distributions": QT_TRANSLATE_NOOP("Menus", "Distributions"),
    "inspector": QT_TRANSLATE_NOOP("Menus", "Parameter inspector"),
    "description": QT_TRANSLATE_NOOP("Menus", "Description"),
    "lesson": QT_TRANSLATE_NOOP("Menus", "Lesson panel"),
    "maths": QT_TRANSLATE_NOOP("Menus", "Step-by-step maths"),
    "autograd": QT_TRANSLATE_NOOP("Menus", "Autograd graph"),
}
"""Panels a teacher can hide (keys stored in ``view.hidden``); titles are translated when shown."""

VIEW_FLAGS = {
    "show_test": QT_TRANSLATE_NOOP("Menus", "Show test points"),
    "discretize": QT_TRANSLATE_NOOP("Menus", "Discretize output"),
    "log_loss": QT_TRANSLATE_NOOP("Menus", "Log-scale loss"),
}


class Menus(QObject):
    """Creates the menus and keeps the checkable View actions in step with the document.

    ``training_actions`` fill the Train menu; ``parent`` owns the actions and the About box.
    """

    quitRequested = Signal()
    compareRequested = Signal()
    loadImagesRequested = Signal()

    def __init__(self, document: ExperimentDocument, files: FileMenuActions, training_actions: list[QAction],
                 bar: QMenuBar, parent: QWidget) -> None:
        super().__init__(parent)
        self.document = document
        self.files = files
        self.parent_widget = parent

        file_menu = bar.addMenu(_tr("&File"))
        self.new = self._add(file_menu, _tr("&New"), files.new, QKeySequence.StandardKey.New)
        self.open = self._add(file_menu, _tr("&Open…"), files.open_dialog, QKeySequence.StandardKey.Open)
        self.recent_menu = file_menu.addMenu(_tr("Open &Recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self.examples_menu = file_menu.addMenu(_tr("&Examples"))
        self._fill_examples()
        file_menu.addSeparator()
        self.save = self._add(file_menu, _tr("&Save"), files.save, QKeySequence.StandardKey.Save)
        self.save_as = self._add(file_menu, _tr("Save &As…"), files.save_as,
                                 QKeySequence.StandardKey.SaveAs)
        file_menu.addSeparator()
        self.export_weights = self._add(file_menu, _tr("Export &Weights…"), files.export_weights)
        self.export_plot = self._add(file_menu, _tr("Export &Plot as PNG/SVG…"), files.export_plot)
        self.load_images = self._add(file_menu, _tr("Load &Image Folder…"), self.loadImagesRequested.emit)
        file_menu.addSeparator()
        self.quit = self._add(file_menu, _tr("&Quit"), self.quitRequested.emit, QKeySequence.StandardKey.Quit)

        edit_menu = bar.addMenu(_tr("&Edit"))
        stack = document.undo_stack
        self.undo = stack.createUndoAction(parent, _tr("&Undo"))
        self.undo.setShortcut(QKeySequence("Ctrl+Z"))
        self.redo = stack.createRedoAction(parent, _tr("&Redo"))
        self.redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        edit_menu.addAction(self.undo)
        edit_menu.addAction(self.redo)

        view_menu = self.view_menu = bar.addMenu(_tr("&View"))
        classroom = view_menu.addMenu(_tr("&Classroom mode (shown panels)"))
        self.panels: dict[str, QAction] = {}
        for key, title in PANEL_TITLES.items():
            action = QAction(_tr(title), parent, checkable=True, checked=True)
            action.toggled.connect(partial(self._panel_toggled, key))
            classroom.addAction(action)
            self.panels[key] = action
        classroom.addSeparator()
        self._add(classroom, _tr("Show all panels"), self._show_all)
        view_menu.addSeparator()
        self.flags: dict[str, QAction] = {}
        for key, title in VIEW_FLAGS.items():
            action = QAction(_tr(title), parent, checkable=True)
            action.toggled.connect(partial(self._flag_toggled, key))
            view_menu.addAction(action)
            self.flags[key] = action

        train_menu = bar.addMenu(_tr("&Train"))
        for action in training_actions:
            train_menu.addAction(action)
        train_menu.addSeparator()
        self.compare_action = self._add(train_menu, _tr("&Compare…"), self.compareRequested.emit)

        help_menu = self.help_menu = bar.addMenu(_tr("&Help"))
        self._add(help_menu, _tr("&About Torch Playground"), self._about)

    def _add(self, menu: QMenu, text: str, slot, shortcut=None) -> QAction:
        action = QAction(text, self.parent_widget)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        menu.addAction(action)
        return action

    # ------------------------------------------------------------------ file submenus
    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        files = self.files.recent()
        for path in files:
            self._add(self.recent_menu, Path(path).name, partial(self.files.open_path, path)
                      ).setToolTip(path)
        self.recent_menu.setEnabled(True)
        if not files:
            self.recent_menu.addAction(_tr("(none yet)")).setEnabled(False)

    def _fill_examples(self) -> None:
        examples = example_files()
        for path in examples:
            try:  # the example's own name, in the user's language (context "examples")
                title = QCoreApplication.translate("examples", load_experiment(path).name)
            except ExperimentError:
                title = path.stem.replace("_", " ").capitalize()
            self._add(self.examples_menu, title, partial(self.files.open_path, path))
        if not examples:
            self.examples_menu.addAction(_tr("(no examples found)")).setEnabled(False)

    # ------------------------------------------------------------------ view toggles → document
    def _panel_toggled(self, key: str, shown: bool) -> None:
        def mutate(exp: Experiment) -> None:
            hidden = [k for k in exp.view.hidden if k != key]
            exp.view.hidden = hidden if shown else [*hidden, key]
        text = _tr("Show {0}") if shown else _tr("Hide {0}")
        self.document.edit(mutate, text.format(_tr(PANEL_TITLES[key]).lower()))

    def _show_all(self) -> None:
        def mutate(exp: Experiment) -> None:
            exp.view.hidden = []
        self.document.edit(mutate, _tr("Show all panels"))

    def _flag_toggled(self, key: str, on: bool) -> None:
        def mutate(exp: Experiment) -> None:
            setattr(exp.view, key, on)
        self.document.edit(mutate, _tr(VIEW_FLAGS[key]))

    def show_view(self, experiment: Experiment) -> None:
        """Reflect ``experiment.view`` in the checkable actions without editing again."""
        for key, action in self.panels.items():
            blocked = action.blockSignals(True)
            action.setChecked(key not in experiment.view.hidden)
            action.blockSignals(blocked)
        for key, action in self.flags.items():
            blocked = action.blockSignals(True)
            action.setChecked(bool(getattr(experiment.view, key)))
            action.blockSignals(blocked)

    def _about(self) -> None:
        QMessageBox.about(self.parent_widget, _tr("About Torch Playground"), _tr(
            "<b>Torch Playground {0}</b><p>Build a multilayer perceptron and watch real PyTorch "
            "train it, live. Inspired by TensorFlow Playground.</p>").format(__version__))
