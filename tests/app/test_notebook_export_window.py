"""File ▸ Export… from the window writes a lesson's notebook with the lesson's text, in the window's
language (issue 19: "for a lesson: the lesson's text, in the chosen language")."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from playground.app.export_dialog import ExportDialog
from playground.core.spec import DataSpec, Experiment
from playground.core.translate import translate
from tests.app.window_helpers import open_window

LESSON = 0
"""The first lesson: short to build."""


def export_notebook(qtbot, window, path: Path) -> None:
    """File ▸ Export…, choose the notebook format, type the path, press Export (as a user does)."""

    def drive() -> None:
        dialog = next((w for w in QApplication.topLevelWidgets() if isinstance(w, ExportDialog) and w.isVisible()),
                      None)
        if dialog is None:  # the window reads the trained state first: the dialog is not up yet
            QTimer.singleShot(20, drive)
            return
        dialog.set_format("ipynb")
        dialog.path_edit.setText(str(path))
        dialog.buttons.accepted.emit()

    QTimer.singleShot(0, drive)
    window.menus.export_weights.trigger()
    assert path.exists(), window.statusBar().currentMessage()


def markdown(path: Path) -> str:
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    return "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")


def lessons_menu_open(window, index: int) -> None:
    """Lessons ▸ n. …, as a user opens a lesson."""
    actions = [a for a in window.learning.lessons_menu.actions() if not a.isSeparator()]
    actions[index].trigger()


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_export_from_the_window_carries_the_lessons_text_in_its_language(qtbot, settings, request, lang,
                                                                         tmp_path: Path) -> None:
    if lang == "zh_CN":
        request.getfixturevalue("chinese")
    window = open_window(qtbot, settings, Experiment(data=DataSpec(kind="gauss", samples=40)))
    qtbot.waitUntil(lambda: window.controller.dataset is not None, timeout=30_000)
    lessons_menu_open(window, LESSON)
    lesson = window.learning.lessons.lesson
    assert lesson is not None
    qtbot.waitUntil(lambda: window.controller.dataset is not None, timeout=30_000)

    export_notebook(qtbot, window, tmp_path / "lesson.ipynb")
    text = markdown(tmp_path / "lesson.ipynb")
    title, goal = (translate("lessons", t, lang=lang) for t in (lesson.title, lesson.goal))
    assert f"# {title}" in text and goal in text
    assert translate("lessons", lesson.watch, lang=lang) in text
    if lang == "zh_CN":
        assert title != lesson.title and lesson.goal not in text  # Chinese, not the English source

    # File ▸ New: the lesson is left, the notebook is the new experiment's, still in the window's language
    window.files.new()
    qtbot.waitUntil(lambda: window.controller.dataset is not None, timeout=30_000)
    export_notebook(qtbot, window, tmp_path / "new.ipynb")
    text = markdown(tmp_path / "new.ipynb")
    assert f"# {title}" not in text and goal not in text
    assert f"# {window.document.experiment.name}" in text
