"""Small helpers the panels share: quiet widget updates, a number spin box, the model's in/out shape."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QDoubleSpinBox, QFormLayout, QSpinBox, QWidget
from superqt.utils import signals_blocked

from playground.core.architecture import head
from playground.core.data import DataError, make_dataset
from playground.core.field_range import FieldRange, field_range, int_range
from playground.core.registry import LOSSES, TINY, Task
from playground.core.spec import DERIVED_LABELS, ONE_D_KINDS, DataSpec, Experiment


def registry_text(label: str) -> str:
    """A registry label in the user's language (registry labels live in the "registry" context)."""
    return QCoreApplication.translate("registry", label)


def set_value(widget: QSpinBox | QDoubleSpinBox, value: float) -> None:
    """Set a spin box only if its value differs, so a refresh never disturbs a user's typing."""
    if widget.value() != value:
        with signals_blocked(widget):
            widget.setValue(value)


def select_data(combo: QComboBox, data: object) -> None:
    """Select the combo item holding ``data`` without emitting signals."""
    index = combo.findData(data)
    if index >= 0 and index != combo.currentIndex():
        with signals_blocked(combo):
            combo.setCurrentIndex(index)


def quiet(widget: QWidget):
    """``with quiet(w): ...`` blocks ``w``'s signals so a refresh never pushes an edit."""
    return signals_blocked(widget)


SMALLEST_ABOVE_ZERO = TINY
"""What a control offers for "above 0" (lr, eps): the smallest value the schema takes there."""


def offered_low(minimum: float, exclusive: bool) -> float:
    """The smallest value a control offers for a lower bound that may be exclusive."""
    if not exclusive:
        return minimum
    return SMALLEST_ABOVE_ZERO if minimum == 0 else math.nextafter(minimum, math.inf)


def int_spin(model: type[BaseModel], field: str, name: str) -> QSpinBox:
    """A spin box whose range is the schema's for ``model.field``; keyboard tracking off (one edit)."""
    spin = QSpinBox(objectName=name)
    low, high = int_range(model, field)
    spin.setRange(low, min(high, 2**31 - 1))
    spin.setKeyboardTracking(False)
    return spin


def number_spin(model: type[BaseModel], field: str, name: str, log_scale: bool = False,
                log_floor: float = 1e-4) -> NumberSpin:
    """A ``NumberSpin`` whose range is the schema's for ``model.field`` (exclusive bounds just inside)."""
    r: FieldRange = field_range(model, field)
    spin = NumberSpin(offered_low(r.minimum, r.exclusive_min), r.high, log_scale, log_floor)
    spin.setObjectName(name)
    return spin


DECIMALS = 323
"""Qt's most (DBL_MAX_10_EXP + DBL_DIG): QDoubleSpinBox rounds every value to its decimals, and with
fewer a file's lr of 1e-13 would show (and be saved back) as 1e-12."""


def exact_text(value: float) -> str:
    """``value`` short where that is exact (``0.003``, ``1e-08``), else every digit it needs."""
    for digits in (6, 15):
        text = f"{value:.{digits}g}"
        if float(text) == value:
            return text
    return repr(float(value))


_NICE = (1.0, 3.0)
"""Log-scale steps go 0.001 → 0.003 → 0.01 → 0.03 …, as TensorFlow Playground's rate menus do."""


class NumberSpin(QDoubleSpinBox):
    """A float spin box that shows ``1e-08`` rather than ``0.00000001`` and steps 1-3-10 on log scales.

    Keyboard tracking is off so typing ``0.003`` makes one edit on Enter, not four.
    """

    def __init__(self, minimum: float, maximum: float, log_scale: bool = False,
                 log_floor: float = 1e-4, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDecimals(DECIMALS)
        self.setRange(minimum, maximum)
        self.setKeyboardTracking(False)
        self._log = log_scale
        self._floor = max(log_floor, minimum)
        if not log_scale:  # Qt's adaptive stepping would crawl up from 0 in steps of 1e-15
            self.setSingleStep(0.01 if maximum <= 1 else 0.1)

    def textFromValue(self, value: float) -> str:
        return exact_text(value)

    def valueFromText(self, text: str) -> float:
        try:
            return float(text.strip().removesuffix(self.suffix()).replace(",", "."))
        except ValueError:
            return self.value()

    def validate(self, text: str, pos: int) -> object:
        body = text.strip().removesuffix(self.suffix()).replace(",", ".")
        try:
            value = float(body)
        except ValueError:
            partial = body == "" or all(c in "0123456789.eE+-" for c in body)
            state = QValidator.State.Intermediate if partial else QValidator.State.Invalid
            return state, text, pos
        ok = self.minimum() <= value <= self.maximum() and math.isfinite(value)
        return (QValidator.State.Acceptable if ok else QValidator.State.Intermediate), text, pos

    def stepBy(self, steps: int) -> None:
        if not self._log:  # on the grid of the step, never 0.15000000000000002
            step = self.singleStep()
            value = round(self.value() / step + steps) * step
            self.setValue(min(max(float(f"{value:.12g}"), self.minimum()), self.maximum()))
            return
        value = self.value()
        for _ in range(abs(steps)):
            value = _nice_step(value, up=steps > 0, floor=self._floor, minimum=self.minimum())
        self.setValue(min(max(value, self.minimum()), self.maximum()))


def _nice_step(value: float, up: bool, floor: float, minimum: float) -> float:
    """The next 1-3-10 value above or below ``value``; below ``floor`` it drops to ``minimum``."""
    if value < floor:
        return floor if up else minimum
    exponent = math.floor(math.log10(value)) - 1
    candidates = sorted(m * 10.0 ** e for e in range(exponent, exponent + 3) for m in _NICE)
    candidates = [float(f"{c:.12g}") for c in candidates]
    if up:
        return next(c for c in candidates if c > value * (1 + 1e-9))
    lower = [c for c in candidates if c < value * (1 - 1e-9)]
    step = lower[-1] if lower else value / 3
    return step if step >= floor * (1 - 1e-9) else minimum


@dataclass(frozen=True)
class ModelShape:
    """What the network sees: input names and output width, or why they cannot be known yet."""

    inputs: list[str]
    out_dim: int
    task: Task = "regression"
    error: str | None = None

    @property
    def in_dim(self) -> int:
        return len(self.inputs)


_csv_cache: dict[tuple[str, str], tuple[list[str], Task | None, int | None]] = {}


def _csv_facts(data: DataSpec, base_dir: Path | None) -> tuple[list[str], Task | None, int | None]:
    """Feature names, task and class count of a CSV set, read once per CSV spec (file reads are slow)."""
    assert data.csv is not None
    csv = data.csv
    if csv.features is not None and (csv.task == "regression" or (csv.task and csv.classes)):
        n = len(csv.classes) if csv.classes else None
        return list(csv.features), csv.task, n
    key = (csv.model_dump_json(), str(base_dir))
    if key not in _csv_cache:
        built = make_dataset(DataSpec(kind="csv", csv=csv), base_dir)
        _csv_cache[key] = (built.input_names, built.task, built.n_classes)
    return _csv_cache[key]


def model_shape(experiment: Experiment, base_dir: Path | None) -> ModelShape:
    """Input names and output width of the model the experiment trains."""
    data = experiment.data
    try:
        if data.kind == "csv":
            inputs, task, n_classes = _csv_facts(data, base_dir)
        elif data.kind in ONE_D_KINDS:
            inputs, task, n_classes = ["X"], data.task, None
        else:
            inputs, task, n_classes = [DERIVED_LABELS[f] for f in data.features], data.task, data.n_classes
        if task is None:
            raise DataError("the task of the data is unknown")
        return ModelShape(inputs, head(experiment.training, task, n_classes)[1], task)
    except (DataError, ValueError) as exc:
        return ModelShape([], 0, error=str(exc))


def fitting_loss(loss: str | None, data: DataSpec) -> str | None:
    """``loss`` if it suits ``data``, else ``None`` (the task default): kind changes must stay valid."""
    if loss is None:
        return None
    entry = LOSSES[loss]
    task, n = data.task, data.n_classes
    if (task is not None and entry.task != task) or (entry.target == "binary" and n not in (None, 2)):
        return None
    return loss


class RangeNotice(QObject):
    """Says why a typed number was not taken, instead of letting the spin box silently restore it.

    Qt reverts a spin box whose text is out of range (a learning rate of 50) when editing ends;
    this filter reads the text just before that (Enter, Tab or focus out) and reports a sentence
    through ``notify``. Install it once per spin box with :meth:`watch`; re-watching is a no-op.
    """

    def __init__(self, notify: Callable[[str, QWidget], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._notify = notify

    def watch(self, spins: list[QAbstractSpinBox]) -> None:
        for spin in spins:
            if not spin.property("rangeNotice"):
                spin.setProperty("rangeNotice", True)
                spin.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        ends = kind == QEvent.Type.FocusOut or (
            kind == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter))  # type: ignore[attr-defined]
        if ends and isinstance(watched, (QSpinBox, QDoubleSpinBox)):
            message = out_of_range_message(watched)
            if message:
                self._notify(message, watched)
        return False


def out_of_range_message(spin: QSpinBox | QDoubleSpinBox) -> str | None:
    """``"Learning rate: 50 is out of range (1e-12 to 10); it was not changed"``, or ``None`` if the text is fine."""
    text = spin.lineEdit().text().strip().removeprefix(spin.prefix()).removesuffix(spin.suffix()).strip()
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        return None
    if not math.isfinite(value) or spin.minimum() <= value <= spin.maximum():
        return None
    return (f"{_field_name(spin)}: {text} is out of range ({_number(spin.minimum())} to "
            f"{_number(spin.maximum())}); it was not changed")


def _number(value: float) -> str:
    if value == SMALLEST_ABOVE_ZERO:
        return "above 0"
    return f"{value:,.0f}" if float(value).is_integer() and abs(value) >= 1e4 else exact_text(value)


def _field_name(spin: QWidget) -> str:
    """The form label next to ``spin`` ("Learning rate"), else its tool tip or object name."""
    parent = spin.parentWidget()
    layout = parent.layout() if parent is not None else None
    if isinstance(layout, QFormLayout):
        label = layout.labelForField(spin)
        if label is not None and hasattr(label, "text") and label.text():
            return label.text().rstrip(": ")
    return spin.objectName() or spin.toolTip() or "Value"
