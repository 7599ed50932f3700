"""The CSV import dialog: pick a file, see its first rows, choose target, task and input columns.

Every choice is checked at once with the core's ``import_csv``, and its ``DataError`` message is
shown in the dialog (OK stays disabled) so a bad file is explained, never a crash.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from playground.app.document import ExperimentDocument
from playground.app.panels.common import select_data
from playground.core.data import CsvPreview, import_csv, inspect_csv
from playground.core.data.csv_data import resolve_path
from playground.core.spec import CsvSpec

PREVIEW_ROWS = 20


class CsvDialog(QDialog):
    """Modal import dialog; after ``exec()`` returns Accepted, ``csv_spec()`` is the valid import."""

    def __init__(self, document: ExperimentDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._preview: CsvPreview | None = None
        self._spec: CsvSpec | None = None
        self.setWindowTitle(self.tr("Import CSV file"))
        self.setMinimumSize(680, 560)
        self._build()
        current = document.experiment.data.csv
        if current is not None:
            self._prefill(current)

    # ---- layout -------------------------------------------------------------------------------------

    def _build(self) -> None:
        self.path_edit = QLineEdit(objectName="csvPath")
        self.path_edit.setPlaceholderText(self.tr("Path of a .csv file"))
        self.path_edit.setToolTip(self.tr("The CSV file: a header line, then one example per line"))
        self.path_edit.editingFinished.connect(lambda: self.set_path(self.path_edit.text()))
        browse = QPushButton(self.tr("Browse…"), objectName="browse")
        browse.setToolTip(self.tr("Choose a CSV file"))
        browse.clicked.connect(self._browse)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(browse)

        self.table = QTableWidget(objectName="preview")
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setToolTip(self.tr("The first rows of the file"))
        self.summary = QLabel(objectName="summary")

        self.target = QComboBox(objectName="target")
        self.target.setToolTip(self.tr("The column the network learns to predict"))
        self.target.currentIndexChanged.connect(self._target_changed)
        self.task = QComboBox(objectName="task")
        self.task.addItem(self.tr("Automatic"), None)
        self.task.addItem(self.tr("Classification"), "classification")
        self.task.addItem(self.tr("Regression"), "regression")
        self.task.setToolTip(self.tr("Automatic: text or few whole-number targets mean classification"))
        self.task.currentIndexChanged.connect(self._validate)
        self.standardize = QCheckBox(self.tr("Standardise inputs (zero mean, unit variance)"),
                                     objectName="standardize")
        self.standardize.setToolTip(self.tr("Rescale each input column; helps when columns differ in scale"))
        self.standardize.toggled.connect(self._validate)
        self.features = QListWidget(objectName="features")
        self.features.setToolTip(self.tr("The numeric columns the network reads as inputs"))
        self.features.setMaximumHeight(140)
        self.features.itemChanged.connect(self._validate)

        form = QFormLayout()
        form.addRow(self.tr("Target column:"), self.target)
        form.addRow(self.tr("Task:"), self.task)
        form.addRow(self.tr("Input columns:"), self.features)
        form.addRow("", self.standardize)

        self.error = QLabel(objectName="error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828;")
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("ok")
        self.ok_button.setText(self.tr("Import"))
        self.ok_button.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(file_row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    # ---- public -------------------------------------------------------------------------------------

    def set_path(self, path: str | Path) -> None:
        """Read ``path`` (relative paths are relative to the experiment's folder) and preview it."""
        text = str(path).strip()
        if self.path_edit.text() != text:
            self.path_edit.setText(text)
        self._preview = None
        self._spec = None
        if not text:
            self._fill(None)
            self._show_error(self.tr("Choose a CSV file."))
            return
        try:
            self._preview = inspect_csv(self._absolute(text), PREVIEW_ROWS)
        except ValueError as exc:
            self._fill(None)
            self._show_error(str(exc))
            return
        self._fill(self._preview)
        self._validate()

    def csv_spec(self) -> CsvSpec:
        """The import with an absolute path; saving the experiment makes it relative to the file's
        folder when the data lies below it (``rebase_paths``)."""
        if self._spec is None:
            raise ValueError("no valid CSV import")
        return self._spec.model_copy(update={"path": self._absolute(self._spec.path).as_posix()})

    @property
    def is_valid(self) -> bool:
        return self._spec is not None

    # ---- internals ----------------------------------------------------------------------------------

    def _absolute(self, text: str) -> Path:
        return resolve_path(text, self._document.base_dir).resolve()

    def _browse(self) -> None:
        start = str(self._document.base_dir or Path.home())
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open CSV file"), start, self.tr("CSV files (*.csv *.tsv *.txt);;All files (*)"))
        if path:
            self.set_path(path)

    def _prefill(self, current: CsvSpec) -> None:
        self.set_path(current.path)
        if self._preview is None:
            return
        self.features.blockSignals(True)
        select_data(self.target, current.target)
        self._fill_features(current.target, current.features)
        select_data(self.task, current.task)
        self.standardize.blockSignals(True)
        self.standardize.setChecked(current.standardize)
        self.standardize.blockSignals(False)
        self.features.blockSignals(False)
        self._validate()

    def _fill(self, preview: CsvPreview | None) -> None:
        self.table.clear()
        self.target.blockSignals(True)
        self.target.clear()
        self.features.clear()
        if preview is None:
            self.table.setRowCount(0)
            self.table.setColumnCount(0)
            self.summary.setText("")
            self.target.blockSignals(False)
            return
        self.table.setColumnCount(len(preview.header))
        self.table.setRowCount(len(preview.rows))
        self.table.setHorizontalHeaderLabels(preview.header)
        for r, row in enumerate(preview.rows):
            for c, cell in enumerate(row):
                self.table.setItem(r, c, QTableWidgetItem(cell))
        delimiter = {",": ",", ";": ";", "\t": self.tr("tab")}[preview.delimiter]
        self.summary.setText(self.tr("{rows} rows, {cols} columns, separated by “{sep}”; first {shown} shown")
                             .format(rows=preview.n_rows, cols=len(preview.header), sep=delimiter,
                                     shown=len(preview.rows)))
        for name in preview.header:
            self.target.addItem(name, name)
        self.target.setCurrentIndex(len(preview.header) - 1)
        self.target.blockSignals(False)
        self._fill_features(self.target.currentData(), None)

    def _fill_features(self, target: str, chosen: list[str] | None) -> None:
        preview = self._preview
        assert preview is not None
        wanted = set(chosen if chosen is not None else preview.default_features(target))
        blocked = self.features.blockSignals(True)
        self.features.clear()
        for name, numeric in zip(preview.header, preview.numeric):
            item = QListWidgetItem(name)
            flags = Qt.ItemFlag.ItemIsUserCheckable
            if name == target:
                item.setToolTip(self.tr("This is the target column"))
            elif not numeric:
                item.setToolTip(self.tr("Not numeric, so it cannot be an input"))
            else:
                flags |= Qt.ItemFlag.ItemIsEnabled
            item.setFlags(flags)
            item.setCheckState(Qt.CheckState.Checked if name in wanted and name != target
                               else Qt.CheckState.Unchecked)
            self.features.addItem(item)
        self.features.blockSignals(blocked)

    def _checked_features(self) -> list[str]:
        items = (self.features.item(i) for i in range(self.features.count()))
        return [item.text() for item in items if item.checkState() == Qt.CheckState.Checked]

    def _target_changed(self) -> None:
        if self._preview is None:
            return
        self._fill_features(self.target.currentData(), None)
        self._validate()

    def _validate(self) -> None:
        self._spec = None
        if self._preview is None:
            self.ok_button.setEnabled(False)
            return
        task = self.task.currentData()
        try:
            data = self._document.experiment.data  # statistics come from this split's training rows
            self._spec = import_csv(self._absolute(self.path_edit.text()), self.target.currentData(),
                                    task, self._checked_features(), self.standardize.isChecked(),
                                    data.train_fraction, data.seed)
        except ValueError as exc:
            self._show_error(str(exc))
            return
        if task is None:
            inferred = {"classification": self.tr("classification"),
                        "regression": self.tr("regression")}.get(self._spec.task or "", "")
            self.task.setItemText(0, self.tr("Automatic ({task})").format(task=inferred))
        self._show_error("")

    def _show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))
        self.ok_button.setEnabled(not message and self._spec is not None)
