"""File ▸ Export Weights…: choose a format (one line says what each is for) and a path, then export.

The dialog works on an experiment snapshot the caller read between two training steps
(``TrainingController.experiment()``), so exporting while training writes a consistent model and
never touches the worker's engine. Problems are shown in words and the dialog stays open.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from playground.app.panels.common import registry_text
from playground.core.export.errors import ExportWarning
from playground.core.export.formats import (
    DEFAULT_FORMAT,
    FORMATS,
    ONNX_MISSING,
    ExportFormat,
    get_format,
    onnx_available,
    untrained_warning,
    with_extension,
)
from playground.core.spec import Experiment

Exporter = Callable[[Experiment, "Path | None", "str | Path", "str | None"], str]
"""``(experiment, base_dir, path, format key) → key written``: the window's exports run in the runner."""


def export_here(experiment: Experiment, base_dir: Path | None, path: str | Path, fmt: str | None) -> str:
    """Export in this process (loads torch): for a dialog used without a window."""
    from playground.core.export import export_experiment

    return export_experiment(experiment, base_dir, path, fmt)


def _file_stem(name: str) -> str:
    stem = re.sub(r'[\\/:*?"<>|]+', "_", name).strip(" .")
    return stem or "model"


class ExportDialog(QDialog):
    """Modal export dialog; after ``exec()`` returns Accepted, ``written`` is the exported file.

    ``experiment`` must carry its trained state; ``base_dir`` is the experiment file's folder (it
    resolves a CSV path and is the default place for the export).
    """

    def __init__(self, experiment: Experiment, base_dir: Path | None, parent: QWidget | None = None,
                 start_format: str | None = None, exporter: Exporter = export_here) -> None:
        super().__init__(parent)
        self._exporter = exporter
        self._experiment = experiment
        self._base_dir = Path(base_dir) if base_dir is not None else None
        self.written: Path | None = None
        self.format_key: str | None = None
        self.setWindowTitle(self.tr("Export Weights"))
        self.setMinimumWidth(560)
        self._build()
        fmt = get_format(start_format) if start_format else DEFAULT_FORMAT
        folder = self._base_dir or Path.home()
        self.path_edit.setText(str(folder / f"{_file_stem(experiment.name)}{fmt.extension}"))
        self.format_combo.setCurrentIndex(FORMATS.index(fmt))
        self._format_changed()

    # ---- layout -------------------------------------------------------------------------------------

    def _build(self) -> None:
        self.format_combo = QComboBox(objectName="format")
        for i, fmt in enumerate(FORMATS):
            self.format_combo.addItem(f"{registry_text(fmt.label)} ({fmt.extension})", fmt.key)
            self.format_combo.setItemData(i, registry_text(fmt.description), Qt.ItemDataRole.ToolTipRole)
        self.format_combo.currentIndexChanged.connect(self._format_changed)
        self.description = QLabel(objectName="description")
        self.description.setWordWrap(True)
        self.notice = QLabel(objectName="notice")
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("color: #b35c00;")

        self.path_edit = QLineEdit(objectName="path")
        self.path_edit.setToolTip(self.tr("Where to write the export"))
        browse = QPushButton(self.tr("Browse…"), objectName="browse")
        browse.clicked.connect(self._browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(browse)

        form = QFormLayout()
        form.addRow(self.tr("Format:"), self.format_combo)
        form.addRow("", self.description)
        form.addRow(self.tr("File:"), path_row)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Export"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.notice)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

    # ---- state --------------------------------------------------------------------------------------

    def current_format(self) -> ExportFormat:
        return get_format(self.format_combo.currentData())

    def set_format(self, key: str) -> None:
        self.format_combo.setCurrentIndex(FORMATS.index(get_format(key)))

    def _format_changed(self) -> None:
        fmt = self.current_format()
        self.description.setText(registry_text(fmt.description))
        text = self.path_edit.text().strip()
        if text:
            self.path_edit.setText(str(with_extension(text, fmt)))
        notes = []
        if fmt.key == "onnx" and not onnx_available():
            notes.append(ONNX_MISSING + ".")
        warning = untrained_warning(self._experiment, fmt)
        if warning:
            notes.append(warning[0].upper() + warning[1:] + ".")
        self.notice.setText(" ".join(notes))
        self.notice.setVisible(bool(notes))

    def _browse(self) -> None:
        fmt = self.current_format()
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export as {0}").format(fmt.label),
                                              self.path_edit.text(), fmt.file_filter)
        if path:
            self.path_edit.setText(str(with_extension(path, fmt)))

    # ---- export -------------------------------------------------------------------------------------

    def confirm_untrained(self, message: str) -> bool:
        """Ask before exporting random weights (a method so tests can answer it)."""
        answer = QMessageBox.question(
            self, self.tr("Export an untrained model?"),
            self.tr("{0}.\n\nExport anyway?").format(message[0].upper() + message[1:]),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def show_error(self, message: str) -> None:
        QMessageBox.warning(self, self.tr("Cannot export"), message)

    def accept(self) -> None:
        """Export; on success close as Accepted, otherwise explain and stay open."""
        text = self.path_edit.text().strip()
        if not text:
            self.show_error(self.tr("Choose a file to export to."))
            return
        fmt = self.current_format()
        path = Path(text).expanduser()
        warning = untrained_warning(self._experiment, fmt)
        if warning and not self.confirm_untrained(warning):
            return
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", ExportWarning)  # asked above already
                key = self._exporter(self._experiment, self._base_dir, path, fmt.key)
        except Exception as exc:
            QApplication.restoreOverrideCursor()
            self.show_error(self.tr("{0} could not be written:\n{1}").format(path, exc))
            return
        QApplication.restoreOverrideCursor()
        self.written, self.format_key = path, key
        super().accept()
