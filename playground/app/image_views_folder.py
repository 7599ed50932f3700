"""Load image folder…: pick a folder (one sub-folder per class), a side, see a few images per class,
then load it as the experiment's data in one undoable step.

The preview decodes only the first few images of each class with the core's own decoder (the pixels
training will see); loading reads them all and refuses a bad folder with one line, building nothing.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from playground.app.draw_digit import grey_pixmap
from playground.core.data.errors import DataError
from playground.core.data.image_folder import FolderImages, import_folder, read_images, scan_folder
from playground.core.spec import IMAGE_SIDES, ImageFolderSpec

PREVIEW_PER_CLASS = 6
PREVIEW_CLASSES = 12


class ImageFolderDialog(QDialog):
    def __init__(self, start: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Load image folder"))
        self.path = QLineEdit(start, objectName="folderPath")
        self.path.setPlaceholderText(self.tr("a folder with one sub-folder of images per class"))
        self.path.editingFinished.connect(self.preview)
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        self.side = QComboBox(objectName="side")
        for side in IMAGE_SIDES:
            self.side.addItem(f"{side} × {side}", side)
        self.side.setCurrentIndex(IMAGE_SIDES.index(16))
        self.side.currentIndexChanged.connect(self.preview)
        self.summary = QLabel(objectName="folderSummary")
        self.summary.setWordWrap(True)
        self.grid_host = QWidget()
        self.grid = QGridLayout(self.grid_host)
        scroll = QScrollArea()
        scroll.setWidget(self.grid_host)
        scroll.setWidgetResizable(True)
        scroll.setMinimumHeight(220)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Load"))
        self.buttons.accepted.connect(self._load)
        self.buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("Folder:"), row)
        form.addRow(self.tr("Resize to:"), self.side)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.buttons)
        self.spec: ImageFolderSpec | None = None
        self.images: FolderImages | None = None
        self.resize(620, 480)
        self.preview()

    def chosen_side(self) -> int:
        return int(self.side.currentData())

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Image folder"), self.path.text())
        if folder:
            self.path.setText(folder)
            self.preview()

    def preview(self) -> None:
        """Show a few images of each class, or the one line that says why the folder cannot be used."""
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        text = self.path.text().strip()
        if not text:
            self.summary.setText(self.tr("Choose a folder with one sub-folder of images per class."))
            ok.setEnabled(False)
            return
        try:
            scan = scan_folder(text)
            sample = read_images(scan, self.chosen_side(), per_class=PREVIEW_PER_CLASS)
        except DataError as exc:
            self.summary.setText(str(exc))
            ok.setEnabled(False)
            return
        self.summary.setText(self.tr("{0} files in {1} classes; the first images of each class:").format(
            scan.n_files, len(scan.classes)))
        scale = max(1, 40 // self.chosen_side())
        for k, name in enumerate(scan.classes[:PREVIEW_CLASSES]):
            self.grid.addWidget(QLabel(name[:24]), k, 0)
            for j, image in enumerate(sample.x[sample.y == k]):
                cell = QLabel()
                side = self.chosen_side()
                cell.setPixmap(grey_pixmap(image.reshape(side, side), scale))
                self.grid.addWidget(cell, k, j + 1)
        self.grid.setColumnStretch(PREVIEW_PER_CLASS + 1, 1)
        ok.setEnabled(True)

    def _load(self) -> None:
        try:
            self.setCursor(Qt.CursorShape.WaitCursor)
            self.spec, self.images = import_folder(self.path.text().strip(), self.chosen_side())
        except DataError as exc:
            self.summary.setText(str(exc))
            return
        finally:
            self.unsetCursor()
        self.accept()


def relative_spec(spec: ImageFolderSpec, base_dir: Path | None) -> ImageFolderSpec:
    """The folder path relative to the experiment file's folder when it lies below it (files move together)."""
    if base_dir is None:
        return spec
    try:
        return spec.model_copy(update={"path": str(Path(spec.path).resolve().relative_to(base_dir.resolve()))})
    except ValueError:
        return spec.model_copy(update={"path": str(Path(spec.path).resolve())})
