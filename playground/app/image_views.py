"""The image views: what each unit learned (weight images), the gallery of test images, draw a digit.

They live in one dock ("Images") as three tabs and ask the runner for their numbers themselves:
``image_snapshot`` (``core/image_views.py``) a few times a second while a snapshot arrives and the dock
shows, and the class probabilities of the drawn image whenever it changes. One request is in flight
at a time (a newer drawing waits for the answer to the older one), so painting never queues work.
Nothing is computed for data that are not images, or while the dock is hidden.
"""

from __future__ import annotations

import time
from concurrent.futures import Future
from typing import TYPE_CHECKING, Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QIcon
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from playground.app.draw_digit import DrawDigitView, ProbabilityBars, grey_pixmap
from playground.app.plots.diverging import colorize
from playground.core.data.dataset import Dataset
from playground.core.remote import Remote

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDockWidget, QStatusBar

    from playground.app.document import ExperimentDocument
    from playground.app.training import TrainingController
    from playground.core.image_views import Gallery, ImageSnapshot, WeightImages

IMAGE_SNAPSHOT = Remote("playground.core.image_views", "image_snapshot")
PROBABILITIES = Remote("playground.core.image_views", "probabilities")
EVERY_S = 0.25
"""Weight images and gallery refresh 4 times a second while training: they change slowly."""
COLUMNS = 8


def mosaic(images: np.ndarray, limit: float, columns: int, gap: int = 1) -> np.ndarray:
    """The images side by side (``columns`` a row, one white pixel between, ``gap`` rows between rows),
    coloured on the diverging map."""
    count, side = images.shape[0], images.shape[1]
    rows = -(-count // columns)
    step, down = side + 1, side + gap
    out = np.full((rows * down - gap, columns * step - 1, 4), 255, dtype=np.uint8)
    for k in range(count):
        r, c = divmod(k, columns)
        out[r * down:r * down + side, c * step:c * step + side] = colorize(images[k], limit)
    return out


class WeightImagesView(QWidget):
    """Each unit's (or class's) incoming weights as an image, orange below zero and blue above, centred on
    zero: one mosaic image, so 64 units cost one draw."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.note = QLabel(self.tr("Weight images appear once the data are images."), objectName="weightNote")
        self.note.setWordWrap(True)
        self.plot = pg.PlotWidget()
        self.plot.setObjectName("weightImages")
        self.plot.setBackground("w")
        self.plot.hideAxis("left")
        self.plot.hideAxis("bottom")
        self.plot.hideButtons()
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(False, False)
        self.plot.setAspectLocked(True)
        self.plot.invertY(True)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.plot.addItem(self.image)
        self.labels: list[pg.TextItem] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.note)
        layout.addWidget(self.plot, 1)
        self.shown: WeightImages | None = None
        self.columns = COLUMNS

    def _label(self, names: list[str], side: int, gap: int) -> None:
        if [t.toPlainText() for t in self.labels] == names:
            return
        for item in self.labels:
            self.plot.removeItem(item)
        self.labels = []
        for k, name in enumerate(names):
            r, c = divmod(k, self.columns)
            item = pg.TextItem(name, color="#24292f", anchor=(0.5, 1.0))
            item.setPos(c * (side + 1) + side / 2 - 0.5, r * (side + gap) - 0.5)
            self.plot.addItem(item)
            self.labels.append(item)

    def update_weights(self, weights: WeightImages, class_names: list[str] | None) -> None:
        count, side = weights.images.shape[0], weights.images.shape[1]
        self.columns = 5 if count <= 10 else COLUMNS
        per_class = weights.per_class and class_names is not None and len(class_names) >= count
        gap = side // 2 + 1 if per_class else 1  # room for the class names
        picture = mosaic(weights.images, weights.limit, self.columns, gap)
        first = self.shown is None or self.shown.images.shape != weights.images.shape
        self.shown = weights
        self.image.setImage(picture, autoLevels=False)
        self._label([str(n) for n in class_names[:count]] if per_class and class_names else [], side, gap)
        if first:
            top = -2.5 if per_class else -0.5
            self.plot.setRange(xRange=(-0.5, picture.shape[1] - 0.5), yRange=(top, picture.shape[0] - 0.5),
                               padding=0.02)
        what = (self.tr("Each class's weight image (no hidden layer), labelled with its class")
                if weights.per_class else
                self.tr("First hidden layer: each unit's incoming weights, units 0, 1, 2… left to right "
                        "(counted from 0, as in PyTorch)"))
        more = self.tr(" (the first {0} of {1} units)").format(count, weights.units) \
            if weights.units > count else ""
        self.note.setText(self.tr("{0}{1}. Orange < 0 < blue, up to ±{2:.3g}.").format(what, more, weights.limit))


class GalleryView(QWidget):
    """Test images, misclassified first, with true → predicted label and confidence; a click shows
    that image's class probabilities (and asks the Maths tab for its forward pass: ``imageChosen``)."""

    imageChosen = Signal(int)
    """The test-set row of the image the user clicked (or chose with the keyboard)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list = QListWidget(objectName="gallery")
        self.list.setViewMode(QListWidget.ViewMode.IconMode)
        self.list.setIconSize(QSize(48, 48))
        self.list.setGridSize(QSize(78, 96))
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.setMovement(QListWidget.Movement.Static)
        self.list.currentRowChanged.connect(self._chosen)
        self.list.itemClicked.connect(lambda item: self._asked(self.list.row(item)))
        self.list.itemActivated.connect(lambda item: self._asked(self.list.row(item)))
        self.summary = QLabel(objectName="gallerySummary")
        self.detail = QLabel(objectName="galleryDetail")
        self.detail.setWordWrap(True)  # the image, its classes and where its forward pass is: two lines if need be
        self.bars = ProbabilityBars()
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.list)
        below = QWidget()
        lay = QVBoxLayout(below)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.detail)
        lay.addWidget(self.bars)
        splitter.addWidget(below)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)
        self.gallery: Gallery | None = None
        self.class_names: list[str] = []
        self.ink = False

    def update_gallery(self, gallery: Gallery, class_names: list[str]) -> None:
        self.gallery, self.class_names = gallery, class_names
        chosen = self.list.currentRow()
        wrong = int((gallery.predicted != gallery.true).sum())
        self.summary.setText(self.tr("{0} test images shown, misclassified first: {1} wrong").format(
            len(gallery.true), wrong))
        scale = max(1, 48 // gallery.images.shape[1])
        self.list.setUpdatesEnabled(False)
        self.list.blockSignals(True)
        self.list.clear()
        for k in range(len(gallery.true)):
            t, p = class_names[gallery.true[k]], class_names[gallery.predicted[k]]
            text = self.tr("{0} → {1}\n{2:.0%}").format(t, p, gallery.confidence[k])
            item = QListWidgetItem(QIcon(grey_pixmap(gallery.images[k], scale, self.ink)), text)
            if gallery.predicted[k] != gallery.true[k]:
                item.setForeground(QColor("#c0392b"))
            self.list.addItem(item)
        self.list.blockSignals(False)
        self.list.setUpdatesEnabled(True)
        if 0 <= chosen < self.list.count():
            self.list.setCurrentRow(chosen)
        elif self.list.count():
            self.list.setCurrentRow(0)

    def _chosen(self, row: int) -> None:
        g = self.gallery
        if g is None or not 0 <= row < len(g.true):
            return
        self.bars.set_probabilities(g.probabilities[row], self.class_names)
        self.detail.setText(self.tr("Test image {0}: true {1}, predicted {2} ({3:.1%})").format(
            int(g.index[row]), self.class_names[g.true[row]], self.class_names[g.predicted[row]],
            g.confidence[row]) + " · " + self.tr("its forward pass: Maths tab"))

    def _asked(self, row: int) -> None:
        """A user's choice (not a refresh re-selecting the row): the Maths tab follows this image."""
        g = self.gallery
        if g is not None and 0 <= row < len(g.index):
            self.imageChosen.emit(int(g.index[row]))


class ImagePanel(QTabWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("imagePanel")
        self.weights = WeightImagesView()
        self.gallery = GalleryView()
        self.draw = DrawDigitView()
        self.addTab(self.weights, self.tr("What each unit learned"))
        self.addTab(self.gallery, self.tr("Gallery"))
        self.addTab(self.draw, self.tr("Draw a digit"))
        self.setToolTip(self.tr("For image data: choose Digits (8×8 images) in the Data panel, or load an "
                                "image folder"))


class ImageViews(QObject):
    """Asks the runner for what the image views draw while they can be seen."""

    updated = Signal()

    def __init__(self, document: ExperimentDocument, controller: TrainingController, status: QStatusBar,
                 parent: QWidget) -> None:
        super().__init__(parent)
        self.document = document
        self.controller = controller
        self.status = status
        self.parent_widget = parent
        """What the folder dialog belongs to; while it is hidden (tests, start-up) the views count as shown."""
        self.dock: QDockWidget | None = None
        """The Images dock, once the window made it (raised when image data arrives)."""
        self.panel = ImagePanel()
        self.dataset: Dataset | None = None
        self._pending: tuple[str, Future] | None = None
        self._drawn: np.ndarray | None = None
        self._last = -np.inf
        self._stale = True
        self.latest: ImageSnapshot | None = None
        self._poll = QTimer(self)
        self._poll.setInterval(30)
        self._poll.timeout.connect(self._check)
        controller.datasetChanged.connect(self._dataset)
        controller.snapshotReady.connect(lambda _s: self._want(False))
        controller.statusChanged.connect(lambda _s: self._want(True))
        self.panel.currentChanged.connect(lambda _i: self._want(True))
        self.panel.draw.changed.connect(self._drawing)

    def load_folder_dialog(self) -> bool:
        """File ▸ Load Image Folder…: preview, load, and make the folder the data in one undoable step."""
        from PySide6.QtWidgets import QDialog

        from playground.app.image_views_folder import ImageFolderDialog, relative_spec
        from playground.app.panels.common import fitting_loss
        from playground.core.spec import DataSpec

        dialog = ImageFolderDialog("", self.parent_widget)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.spec is None or dialog.images is None:
            return False
        document = self.document
        spec = relative_spec(dialog.spec, document.base_dir)
        data = DataSpec.model_validate({**document.experiment.data.model_dump(), "kind": "images",
                                        "images": spec.model_dump(), "csv": None, "classes": None,
                                        "added": [], "removed": []})
        loss = fitting_loss(document.experiment.training.loss, data)

        def mutate(experiment: Any) -> None:
            experiment.training.loss = loss
            experiment.data = data

        done = document.edit(mutate, self.tr("Load image folder"))
        if done:
            self.status.showMessage(dialog.images.summary(), 15_000)
        return done

    def _ink(self) -> bool:
        """Digits are ink (1 = dark, as on paper); photos' 1 is white."""
        return self.document.experiment.data.kind == "digits"

    @property
    def is_images(self) -> bool:
        return self.dataset is not None and self.dataset.image_side is not None

    def visible(self) -> bool:
        widget: QWidget = self.dock if self.dock is not None else self.panel
        parent = self.parent_widget
        return widget.isVisibleTo(parent) and (self.panel.isVisible() or not parent.isVisible())

    def _dataset(self, dataset: Dataset) -> None:
        self.dataset = dataset
        self.latest = None
        side = dataset.image_side
        self.panel.setEnabled(side is not None)
        if side is not None:
            ink = self._ink()
            self.panel.gallery.ink = ink
            self.panel.draw.set_side(side, list(dataset.class_names or []), ink)
            if self.dock is not None:
                self.dock.raise_()
        self._want(True)

    def _want(self, now: bool) -> None:
        """A new picture is due: at once (``now``: training stopped, data or tab changed) or at ``EVERY_S``."""
        self._stale = True
        if now:
            self._last = -np.inf
        self._send()

    def _drawing(self) -> None:
        self._drawn = self.panel.draw.pixels()
        self._send()

    def _send(self) -> None:
        if self._pending is not None or not self.is_images or not self.visible():
            return
        controller = self.controller
        if self._drawn is not None and self.panel.currentWidget() is self.panel.draw:
            drawn, self._drawn = self._drawn, None
            self._pending = ("draw", controller.call_later(PROBABILITIES, drawn[None]))
        elif self._stale and time.monotonic() - self._last >= EVERY_S:
            self._stale = False
            self._last = time.monotonic()
            gallery = self.panel.currentWidget() is self.panel.gallery
            self._pending = ("snapshot", controller.call_later(IMAGE_SNAPSHOT, gallery))
        else:
            return
        self._poll.start()

    def _check(self) -> None:
        if self._pending is None:
            self._poll.stop()
            return
        kind, future = self._pending
        if not future.done():
            return
        self._pending = None
        self._poll.stop()
        try:
            result: Any = future.result()
        except Exception:  # a runner restart or a rebuild: the next snapshot asks again
            result = None
        names = list(self.dataset.class_names or []) if self.dataset is not None else []
        if kind == "draw" and result is not None:
            self.panel.draw.set_probabilities(result[0], names)
        elif kind == "snapshot" and result is not None:
            self.latest = result
            ink = self._ink()  # read now: an opened file's data are built before the document adopts it
            self.panel.gallery.ink = ink
            if self.panel.draw.canvas.ink != ink:
                self.panel.draw.canvas.ink = ink
                self.panel.draw.canvas.update()
            self.panel.weights.update_weights(result.weights, names)
            if result.gallery is not None:
                self.panel.gallery.update_gallery(result.gallery, names)
        self.updated.emit()
        self._send()  # a drawing or a snapshot that came meanwhile
