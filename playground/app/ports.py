"""What one window helper asks of another, as small Protocols.

The helpers (autosave, files, the inside views, learning tools, lessons panel, menus, weight
editing) are handed the objects they use — the document, the runner's controller, the status bar,
the widget their dialogs belong to — and ``main_window`` wires them together with signals. Where a
helper needs an *answer* from another (did the file open? may I go on?), it is handed that helper,
typed here by the few public methods it calls, so the dependency is visible and no helper names
another's class (or the window: ``tests/app/test_ports.py``). This module imports no helper, so the
app has no import circle (an import-linter contract in ``pyproject.toml`` keeps it so).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol, runtime_checkable

if TYPE_CHECKING:
    from playground.core.spec import Experiment


@runtime_checkable
class Adopter(Protocol):
    """Makes an experiment the window's after building its engine (the file controller); False if
    it could not (the error was shown)."""

    def adopt(self, experiment: Experiment, path: Path | None) -> bool: ...


@runtime_checkable
class FileActions(Adopter, Protocol):
    """What opening a lesson needs of the file controller: the unsaved-changes question, the build."""

    def maybe_save(self) -> bool: ...


@runtime_checkable
class FileMenuActions(Protocol):
    """The File menu's actions (``FileController``)."""

    def new(self) -> bool: ...
    def open_dialog(self) -> bool: ...
    def open_path(self, path: str | Path, ask: bool = True) -> bool: ...
    def save(self) -> bool: ...
    def save_as(self) -> bool: ...
    def export_weights(self) -> bool: ...
    def export_plot(self) -> bool: ...
    def recent(self) -> list[str]: ...


@runtime_checkable
class ImagesPort(Protocol):
    """What the window calls on the image views (``ImageViews``)."""

    def load_folder_dialog(self) -> bool: ...
