"""Opening a real main window and capturing its message boxes, shared by the window tests."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from playground.app.document import ExperimentDocument
from playground.app.main_window import MainWindow
from playground.core.spec import Experiment


def open_window(qtbot, settings, experiment: Experiment, remember_layout: bool = False) -> MainWindow:
    """Shown, closed by qtbot, never asking before it closes (tests that check the prompt turn it on)."""
    window = MainWindow(ExperimentDocument(experiment), settings=settings, remember_layout=remember_layout)
    window.confirm_close = False
    qtbot.addWidget(window)
    window.show()
    return window


class Shown(list):
    """Texts of the message boxes shown; ``replies`` are the answers ``question`` gives next."""

    def __init__(self) -> None:
        super().__init__()
        self.replies: list[QMessageBox.StandardButton] = []


def capture_message_boxes(monkeypatch, unanswered: QMessageBox.StandardButton) -> Shown:
    """Records every critical, warning and question box; ``question`` answers from ``replies``, then
    ``unanswered``."""
    shown = Shown()

    def question(_parent, _title, text, *_args):
        shown.append(text)
        return shown.replies.pop(0) if shown.replies else unanswered

    def record(_parent, _title, text, *_args):
        shown.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "question", question)
    monkeypatch.setattr(QMessageBox, "critical", record)
    monkeypatch.setattr(QMessageBox, "warning", record)
    return shown
