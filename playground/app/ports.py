"""What each window helper may use of the main window, as small Protocols.

The helpers (autosave, files, the inside views, learning tools, lessons panel, menus, weight
editing) used to name ``MainWindow`` for their type hints, and ``main_window`` imports every one of
them: an import circle of eight modules that made none of them understandable, or testable, alone.
Each now names here the few members it reads (the window is also the Qt parent of its dialogs),
and this module imports no helper, so the app has no circle (an import-linter contract in
``pyproject.toml`` keeps it so). ``MainWindow`` satisfies every Protocol (``tests/app/test_ports.py``);
a helper that wants more of the window must say so here, in view.

The next step (issue 17) is to hand each helper those objects themselves instead of the window.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol, runtime_checkable

if TYPE_CHECKING:
    from PySide6.QtCore import QPoint, QSettings, Qt
    from PySide6.QtWidgets import QDockWidget, QMenu, QMenuBar, QStatusBar, QWidget

    from playground.app.controls import TrainingActions
    from playground.app.document import ExperimentDocument
    from playground.app.plots import BoundaryView
    from playground.app.plots.network import NetworkDiagram
    from playground.app.session import EngineSession
    from playground.app.training import TrainingController
    from playground.core.spec import Experiment


@runtime_checkable
class FilesPort(Protocol):
    """The file actions other helpers call (``FileController``)."""

    def _error(self, title: str, text: str) -> None: ...
    def adopt(self, experiment: Experiment, path: Path | None) -> bool: ...
    def open_path(self, path: str | Path, ask: bool = True) -> bool: ...
    def recent(self) -> list[str]: ...


@runtime_checkable
class MenusPort(Protocol):
    """The menus the learning tools add to (``Menus``)."""

    view_menu: QMenu
    help_menu: QMenu


@runtime_checkable
class AutosaveWindow(Protocol):
    document: ExperimentDocument
    controller: TrainingController
    files: FilesPort

    def statusBar(self) -> QStatusBar: ...


@runtime_checkable
class FilesWindow(Protocol):
    document: ExperimentDocument
    controller: TrainingController
    session: EngineSession
    boundary: BoundaryView

    def statusBar(self) -> QStatusBar: ...


@runtime_checkable
class WeightEditWindow(Protocol):
    document: ExperimentDocument
    controller: TrainingController
    diagram: NetworkDiagram

    def statusBar(self) -> QStatusBar: ...
    def mapFromGlobal(self, point: QPoint) -> QPoint: ...


@runtime_checkable
class InsideWindow(WeightEditWindow, Protocol):
    """The inside views, and the weight editing they start."""

    boundary: BoundaryView
    docks: dict[str, QDockWidget]

    def isVisible(self) -> bool: ...


@runtime_checkable
class LessonsWindow(Protocol):
    document: ExperimentDocument
    controller: TrainingController
    files: FilesPort
    session: EngineSession
    """A "try this" starts a fresh run: the lessons panel rebuilds the engine through the session."""

    def statusBar(self) -> QStatusBar: ...


@runtime_checkable
class LearningWindow(LessonsWindow, Protocol):
    """The learning tools, and the lessons panel they make."""

    settings: QSettings
    docks: dict[str, QDockWidget]
    panels: dict[str, QWidget]
    menus: MenusPort

    def _dock(self, key: str, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> None: ...
    def tabifyDockWidget(self, first: QDockWidget, second: QDockWidget) -> None: ...
    def resizeDocks(self, docks: list[QDockWidget], sizes: list[int], orientation: Qt.Orientation) -> None: ...
    def menuBar(self) -> QMenuBar: ...
    def close(self) -> bool: ...


@runtime_checkable
class ImagesPort(Protocol):
    """What the menus call on the image views (``ImageViews``)."""

    def load_folder_dialog(self) -> bool: ...


@runtime_checkable
class ImagesWindow(Protocol):
    """What the image views use: the document and runner, the Images dock, the status bar."""

    document: ExperimentDocument
    controller: TrainingController
    docks: dict[str, QDockWidget]

    def statusBar(self) -> QStatusBar: ...
    def isVisible(self) -> bool: ...


@runtime_checkable
class MenusWindow(Protocol):
    document: ExperimentDocument
    files: FilesPort
    actions_: TrainingActions
    images: ImagesPort

    def menuBar(self) -> QMenuBar: ...
    def close(self) -> bool: ...
    def open_compare(self) -> None: ...
