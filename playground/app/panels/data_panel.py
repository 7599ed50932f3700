"""The data panel: which data set, how many points, how noisy, which derived inputs, drawn points.

Edits that would leave the experiment inconsistent are completed in the same undo step: a kind
change that changes the task resets the loss to the task default, and point edits that refer to
points which no longer exist (new seed, sample count or split) are dropped.
"""

from __future__ import annotations

import math
import random
from pathlib import PurePath
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from playground.app.document import ExperimentDocument
from playground.app.panels.common import exact_text, fitting_loss, int_spin, quiet, select_data, set_value
from playground.app.panels.csv_dialog import CsvDialog
from playground.core.field_range import field_range
from playground.core.spec import (
    DERIVED_FEATURES,
    DERIVED_LABELS,
    IMAGE_KINDS,
    MULTICLASS_KINDS,
    ONE_D_KINDS,
    SYNTHETIC_KINDS,
    CsvSpec,
    DataSpec,
    Experiment,
)

KIND_LABELS: dict[str, str] = {
    "circle": QT_TRANSLATE_NOOP("DataPanel", "Circle"),
    "xor": QT_TRANSLATE_NOOP("DataPanel", "Exclusive or (XOR)"),
    "gauss": QT_TRANSLATE_NOOP("DataPanel", "Two Gaussians"),
    "spiral": QT_TRANSLATE_NOOP("DataPanel", "Spiral"),
    "moons": QT_TRANSLATE_NOOP("DataPanel", "Two moons"),
    "checkerboard": QT_TRANSLATE_NOOP("DataPanel", "Checkerboard"),
    "blobs": QT_TRANSLATE_NOOP("DataPanel", "Blobs (several classes)"),
    "spiral_k": QT_TRANSLATE_NOOP("DataPanel", "Spiral arms (several classes)"),
    "plane": QT_TRANSLATE_NOOP("DataPanel", "Plane (regression)"),
    "multi_gaussian": QT_TRANSLATE_NOOP("DataPanel", "Gaussian bumps (regression)"),
    "line": QT_TRANSLATE_NOOP("DataPanel", "Line, 1-D (regression)"),
    "sine": QT_TRANSLATE_NOOP("DataPanel", "Sine wave, 1-D (regression)"),
}
"""Every synthetic kind has a label; a new kind in the spec without one shows its key."""

def _percent(fraction: float) -> str:
    """A fraction as the percent the file means, every digit it needs (0.02 → 2, 0.005 → 0.5)."""
    return exact_text(float(f"{fraction * 100:.12g}"))


_FEATURE_GRID = (("x1", "x2"), ("x1_sq", "x2_sq", "x1_x2"), ("sin_x1", "sin_x2"))


class DataPanel(QWidget):
    """Edits ``experiment.data``; also owns the draw-points mode the boundary plot acts on."""

    imagesRequested = Signal()
    """The user chose "Image folder…": the window asks for the folder (File ▸ Load Image Folder…)."""
    drawModeChanged = Signal(bool, float)
    """(enabled, label): the class index or regression value clicks on the plot add."""

    def __init__(self, document: ExperimentDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._build()
        document.changed.connect(lambda experiment, _sections: self._refresh(experiment))
        self._refresh(document.experiment)

    # ---- public -------------------------------------------------------------------------------------

    @property
    def draw_enabled(self) -> bool:
        return self.draw_button.isChecked()

    @property
    def draw_label(self) -> float:
        """Class index (classification) or target value (regression) of points drawn next."""
        if self.draw_stack.currentWidget() is self.draw_class:
            return float(self.draw_class.currentData() or 0)
        return float(self.draw_value.value())

    def apply_csv(self, spec: CsvSpec) -> bool:
        """Switch to the CSV data set ``spec`` in one undoable step."""
        return self._edit_data({"kind": "csv", "csv": spec, "images": None, "classes": None, "added": [],
                                "removed": []},
                               self.tr("Import CSV data"))

    def open_csv_dialog(self) -> bool:
        """Ask for a CSV file; True if one was imported."""
        spec = self._run_csv_dialog()
        if spec is None:
            self._refresh(self._document.experiment)
            return False
        return self.apply_csv(spec)

    # ---- layout -------------------------------------------------------------------------------------

    def _build(self) -> None:
        self.kind = QComboBox(objectName="kind")
        for key in SYNTHETIC_KINDS:
            self.kind.addItem(QCoreApplication.translate("DataPanel", KIND_LABELS.get(key, key)), key)
        self.kind.insertSeparator(self.kind.count())
        self.kind.addItem(self.tr("Digits (8×8 images)"), "digits")
        self.kind.addItem(self.tr("Image folder…"), "images")
        self.kind.addItem(self.tr("CSV file…"), "csv")
        self.kind.setMinimumWidth(200)
        self.kind.setToolTip(self.tr("The data set the network learns from"))
        self.kind.currentIndexChanged.connect(self._kind_chosen)
        self.load_csv = QPushButton(self.tr("Load CSV…"), objectName="loadCsv")
        self.load_csv.setToolTip(self.tr("Import a table of examples from a CSV file"))
        self.load_csv.clicked.connect(self.open_csv_dialog)
        self.csv_label = QLabel(objectName="csvLabel")
        self.csv_label.setWordWrap(True)

        self.samples = int_spin(DataSpec, "samples", "samples")
        self.samples.setSingleStep(50)
        self.samples.setToolTip(self.tr("How many points to generate (training and test together)"))
        self.samples.valueChanged.connect(
            lambda v: self._edit_data({"samples": v, "removed": []}, self.tr("Change samples"),
                                      "data.samples"))

        self.noise, noise_box, self.noise_label = self._slider("noise", "noise")
        self.noise.setToolTip(self.tr("How much the points stray from the clean pattern"))
        self.noise.valueChanged.connect(self._noise_moved)
        self.train, train_box, self.train_label = self._slider("trainFraction", "train_fraction")
        self.train.setToolTip(self.tr("Share of the points used for training; the rest is the test set "
                                      "(100 %: no test set)"))
        self.train.valueChanged.connect(self._train_moved)

        self.classes = int_spin(DataSpec, "classes", "classes")
        self.classes.setToolTip(self.tr("Number of classes (blobs and spiral arms only)"))
        self.classes.valueChanged.connect(self._classes_changed)

        self.seed = int_spin(DataSpec, "seed", "dataSeed")
        self.seed.setToolTip(self.tr("Random seed: the same seed always gives the same points"))
        self.seed.valueChanged.connect(
            lambda v: self._edit_data({"seed": v, "removed": []}, self.tr("Change data seed"), "data.seed"))
        regenerate = QPushButton(self.tr("Regenerate"), objectName="regenerate")
        regenerate.setToolTip(self.tr("Draw a new random set of points (new seed)"))
        regenerate.clicked.connect(self._regenerate)
        seed_box = QHBoxLayout()
        seed_box.addWidget(self.seed, 1)
        seed_box.addWidget(regenerate)

        kind_box = QHBoxLayout()
        kind_box.addWidget(self.kind, 1)
        kind_box.addWidget(self.load_csv)
        data_group = QGroupBox(self.tr("Data"))
        form = QFormLayout(data_group)
        form.addRow(self.tr("Data set:"), kind_box)
        form.addRow("", self.csv_label)
        form.addRow(self.tr("Samples:"), self.samples)
        form.addRow(self.tr("Noise:"), noise_box)
        form.addRow(self.tr("Training data:"), train_box)
        form.addRow(self.tr("Classes:"), self.classes)
        form.addRow(self.tr("Seed:"), seed_box)

        layout = QVBoxLayout(self)
        layout.addWidget(data_group)
        layout.addWidget(self._build_features())
        layout.addWidget(self._build_draw())
        layout.addStretch(1)

    def _slider(self, name: str, field: str) -> tuple[QSlider, QHBoxLayout, QLabel]:
        """A percent slider over the schema's range of ``data.field`` (a fraction); whole percents."""
        r = field_range(DataSpec, field)
        slider = QSlider(Qt.Orientation.Horizontal, objectName=name)
        slider.setRange(math.floor(r.minimum * 100) + r.exclusive_min, math.ceil(r.maximum * 100) - r.exclusive_max)
        slider.setPageStep(5)
        slider.setMinimumWidth(120)
        label = QLabel(objectName=f"{name}Label")
        label.setMinimumWidth(40)
        label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        box = QHBoxLayout()
        box.addWidget(slider, 1)
        box.addWidget(label)
        return slider, box, label

    def _build_features(self) -> QGroupBox:
        group = QGroupBox(self.tr("Inputs"))
        group.setToolTip(self.tr("Which properties of each point the network reads"))
        grid = QGridLayout(group)
        self.feature_boxes: dict[str, QCheckBox] = {}
        for row, names in enumerate(_FEATURE_GRID):
            for col, name in enumerate(names):
                box = QCheckBox(DERIVED_LABELS[name], objectName=f"feature_{name}")
                box.setToolTip(self.tr("Feed {feature} to the network (2-D data only)")
                               .format(feature=DERIVED_LABELS[name]))
                box.toggled.connect(self._features_toggled)
                grid.addWidget(box, row, col)
                self.feature_boxes[name] = box
        assert set(self.feature_boxes) == set(DERIVED_FEATURES)
        self.features_note = QLabel(objectName="featuresNote")
        self.features_note.setWordWrap(True)
        grid.addWidget(self.features_note, len(_FEATURE_GRID), 0, 1, 3)
        return group

    def _build_draw(self) -> QGroupBox:
        group = QGroupBox(self.tr("Edit points"))
        self.draw_button = QPushButton(self.tr("Draw points"), objectName="drawPoints")
        self.draw_button.setCheckable(True)
        self.draw_button.setToolTip(self.tr("Click on the plot to add points, right-click to remove them"))
        self.draw_button.toggled.connect(self._emit_draw_mode)
        self.draw_class = QComboBox(objectName="drawClass")
        self.draw_class.setToolTip(self.tr("Class of the points you draw"))
        self.draw_class.currentIndexChanged.connect(self._emit_draw_mode)
        self.draw_value = QDoubleSpinBox(objectName="drawValue")
        self.draw_value.setRange(-1e6, 1e6)
        self.draw_value.setDecimals(3)
        self.draw_value.setValue(1.0)
        self.draw_value.setToolTip(self.tr("Target value of the points you draw"))
        self.draw_value.valueChanged.connect(self._emit_draw_mode)
        self.draw_hint = QLabel(self.tr("the click sets x and y"))
        self.draw_stack = QStackedWidget()
        for widget in (self.draw_class, self.draw_value, self.draw_hint):
            self.draw_stack.addWidget(widget)
        row = QHBoxLayout()
        row.addWidget(self.draw_button)
        row.addWidget(self.draw_stack, 1)

        self.edits_label = QLabel(objectName="editsLabel")
        self.clear_edits = QPushButton(self.tr("Clear edits"), objectName="clearEdits")
        self.clear_edits.setToolTip(self.tr("Forget drawn points and bring removed points back"))
        self.clear_edits.clicked.connect(
            lambda: self._edit_data({"added": [], "removed": []}, self.tr("Clear point edits")))
        edits_row = QHBoxLayout()
        edits_row.addWidget(self.edits_label, 1)
        edits_row.addWidget(self.clear_edits)

        layout = QVBoxLayout(group)
        layout.addLayout(row)
        layout.addLayout(edits_row)
        return group

    # ---- edits --------------------------------------------------------------------------------------

    def _edit_data(self, changes: dict[str, Any], text: str, merge_key: str | None = None) -> bool:
        """Apply ``changes`` to ``data`` (fixing the loss if the task changes); undo on failure."""
        current = self._document.experiment
        try:
            data = DataSpec.model_validate({**current.data.model_dump(), **changes})
        except ValueError:
            self._refresh(current)
            return False
        loss = fitting_loss(current.training.loss, data)

        def mutate(experiment: Experiment) -> None:
            experiment.training.loss = loss  # first, so the new data never meets a loss it cannot use
            experiment.data = data

        done = self._document.edit(mutate, text, merge_key)
        if not done:
            self._refresh(self._document.experiment)
        return done

    def _kind_chosen(self) -> None:
        kind = self.kind.currentData()
        current = self._document.experiment.data
        if kind == current.kind:
            return
        if kind == "csv":
            self.open_csv_dialog()
            return
        if kind == "images":
            self._refresh(current)  # stays as it is until a folder is loaded
            self.imagesRequested.emit()
            return
        classes = current.classes if kind in MULTICLASS_KINDS else None
        self._edit_data({"kind": kind, "csv": None, "images": None, "classes": classes, "added": [],
                         "removed": []}, self.tr("Change data set"))

    def _noise_moved(self, value: int) -> None:
        self.noise_label.setText(self.tr("{value} %").format(value=value))
        self._edit_data({"noise": value / 100}, self.tr("Change noise"), "data.noise")

    def _train_moved(self, value: int) -> None:
        self.train_label.setText(self.tr("{value} %").format(value=value))
        self._edit_data({"train_fraction": value / 100, "removed": []}, self.tr("Change training share"),
                        "data.train_fraction")

    def _classes_changed(self, value: int) -> None:
        added = [p for p in self._document.experiment.data.added if p.y < value]
        self._edit_data({"classes": value, "added": added, "removed": []}, self.tr("Change classes"),
                        "data.classes")

    def _regenerate(self) -> None:
        old = self._document.experiment.data.seed
        seed = old
        while seed == old:
            seed = random.randrange(2**31 - 1)
        self._edit_data({"seed": seed, "removed": []}, self.tr("Regenerate data"))

    def _features_toggled(self) -> None:
        chosen = [name for name in DERIVED_FEATURES if self.feature_boxes[name].isChecked()]
        self._edit_data({"features": chosen}, self.tr("Change inputs"))

    def _run_csv_dialog(self) -> CsvSpec | None:
        dialog = CsvDialog(self._document, self)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return dialog.csv_spec() if accepted and dialog.is_valid else None

    def _emit_draw_mode(self) -> None:
        self.drawModeChanged.emit(self.draw_enabled, self.draw_label)

    # ---- refresh ------------------------------------------------------------------------------------

    def _refresh(self, experiment: Experiment) -> None:
        data = experiment.data
        synthetic = data.kind not in ("csv", *IMAGE_KINDS)
        select_data(self.kind, data.kind)
        self.csv_label.setVisible(not synthetic)
        if data.csv is not None:
            self.csv_label.setText(self.tr("File: {name}, predicting “{target}”")
                                   .format(name=PurePath(data.csv.path).name, target=data.csv.target))
            self.csv_label.setToolTip(data.csv.path)
        # a file's or the digits' rows are what they are: the disabled box says so instead of a stale 500
        self.samples.setSpecialValueText("" if synthetic else self.tr("all in the data"))
        set_value(self.samples, data.samples if synthetic else self.samples.minimum())
        self.samples.setEnabled(synthetic)
        with quiet(self.noise):
            self.noise.setValue(round(data.noise * 100))
        self.noise_label.setText(self.tr("{value} %").format(value=_percent(data.noise)))  # the file's value
        self.noise.setEnabled(synthetic)
        with quiet(self.train):
            self.train.setValue(round(data.train_fraction * 100))
        self.train_label.setText(self.tr("{value} %").format(value=_percent(data.train_fraction)))
        set_value(self.classes, data.n_classes or 2)
        self.classes.setEnabled(data.kind in MULTICLASS_KINDS)
        set_value(self.seed, data.seed)
        two_d = synthetic and data.kind not in ONE_D_KINDS
        for name, box in self.feature_boxes.items():
            with quiet(box):
                box.setChecked(name in data.features)
            box.setVisible(two_d)
        if data.kind in ONE_D_KINDS:
            self.features_note.setText(self.tr("1-D data: the network reads x alone."))
        elif data.image_side is not None:
            self.features_note.setText(self.tr("Image data: the network reads every pixel ({side}×{side}).")
                                       .format(side=data.image_side))
        elif not synthetic:
            self.features_note.setText(self.tr("CSV data: the network reads the chosen columns "
                                               "(Load CSV… changes them)."))
        self.features_note.setVisible(not two_d)
        self._refresh_draw(data)

    def _refresh_draw(self, data: DataSpec) -> None:
        raw_dim = data.input_count or 0
        if data.csv is not None:
            raw_dim = len(data.csv.features) if data.csv.features is not None else 0
        can_draw = raw_dim in (1, 2)
        self.draw_button.setEnabled(can_draw)
        if not can_draw and self.draw_button.isChecked():
            self.draw_button.setChecked(False)  # tells the plot to stop drawing
        self.draw_button.setToolTip(
            self.tr("Click on the plot to add points, right-click to remove them") if can_draw
            else self.tr("Drawing needs data with one or two inputs"))
        previous = self.draw_label
        if data.task == "classification":
            names = (data.csv.classes if data.csv is not None and data.csv.classes
                     else [self.tr("Class {index}").format(index=i) for i in range(data.n_classes or 2)])
            with quiet(self.draw_class):
                self.draw_class.clear()
                for index, name in enumerate(names):
                    self.draw_class.addItem(name, index)
                self.draw_class.setCurrentIndex(max(0, min(int(previous), len(names) - 1)))
            self.draw_stack.setCurrentWidget(self.draw_class)
        else:
            self.draw_stack.setCurrentWidget(self.draw_hint if raw_dim == 1 else self.draw_value)
        if self.draw_label != previous and self.draw_enabled:
            self._emit_draw_mode()
        self.edits_label.setText(self.tr("{added} points drawn, {removed} removed")
                                 .format(added=len(data.added), removed=len(data.removed)))
        self.clear_edits.setEnabled(bool(data.added or data.removed))
