"""The experiment schema: what a ``.json`` experiment file holds, validated with pydantic v2.

Every model forbids unknown fields so a typo in a hand-edited file is named, not ignored.
Names from the registries are checked against them, so the schema never drifts from the app.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidatorFunctionWrapHandler,
    WrapValidator,
    field_validator,
    model_validator,
)
from pydantic.dataclasses import dataclass as pydantic_dataclass

from playground.core.errors import quote
from playground.core.limits import (
    MAX_ADDED_POINTS,
    MAX_CLASSES,
    MAX_COLUMN_NAME,
    MAX_CSV_COLUMNS,
    MAX_HISTORY_ROWS,
    MAX_IMAGE_CLASSES,
    MAX_KEY,
    MAX_NAME,
    MAX_PARAMETERS,
    MAX_SECONDS,
    MAX_STEP,
    MAX_TENSOR_TEXT,
    MAX_TEXT,
    count_parameters,
    parameters_message,
)
from playground.core.registry import (
    ACTIVATIONS,
    DEFAULT_LOSS,
    DTYPE_NAMES,
    INITS,
    LOSSES,
    NORMS,
    OPTIMIZERS,
    REDUCTIONS,
    Task,
)

FORMAT = "torch-playground.experiment"
MAX_LAYERS = 32
MAX_UNITS = 1024
VERSION = 2
"""2: ``runs`` (remembered runs) was added; version-1 files migrate by gaining an empty list."""
MAX_RUNS = 20
"""Runs a file keeps (the newest; pinned ones first): each is small, twenty read at a glance."""
MAX_RUN_POINTS = 500
"""Rows of a run's decimated history: enough for a faint overlay curve, ≈ 20 kB a run."""

CLASSIFICATION_KINDS = ("circle", "xor", "gauss", "spiral", "moons", "checkerboard", "blobs",
                        "spiral_k")
REGRESSION_KINDS = ("plane", "multi_gaussian", "line", "sine")
SYNTHETIC_KINDS = CLASSIFICATION_KINDS + REGRESSION_KINDS
MULTICLASS_KINDS = ("blobs", "spiral_k")
ONE_D_KINDS = ("line", "sine")
IMAGE_KINDS = ("digits", "images")
"""Image data: built-in digits (8×8, 10 classes) or a folder of images (``images`` section)."""
DIGITS_SIDE, DIGITS_CLASSES = 8, 10
IMAGE_SIDES = (8, 16, 28)
"""Sides an image folder may be resized to (square, grey)."""
DataKind = Literal[(*SYNTHETIC_KINDS, *IMAGE_KINDS, "csv")]  # type: ignore[valid-type] — one list of kinds

DEVICE_NAME = re.compile(r"auto|cpu|mps|cuda:[0-9]{1,2}")
"""Device keys a file may name; whether the device is present is checked when the engine is built."""

DERIVED_FEATURES = ("x1", "x2", "x1_sq", "x2_sq", "x1_x2", "sin_x1", "sin_x2")
"""Inputs built from a 2-D point, as in TensorFlow Playground (X1, X2, X1², X2², X1X2, sin)."""
DERIVED_LABELS: dict[str, str] = {
    "x1": "X₁", "x2": "X₂", "x1_sq": "X₁²", "x2_sq": "X₂²", "x1_x2": "X₁X₂",
    "sin_x1": "sin(X₁)", "sin_x2": "sin(X₂)",
}
"""How the app writes each derived input."""
VIEW_PANELS = ("data", "network", "training", "code", "controls", "loss", "metric", "diagram", "gradients",
               "distributions", "inspector", "description", "lesson", "maths", "autograd")
"""Panels a teacher can hide (``view.hidden``); the app's View menu titles them (a test keeps both equal)."""
LIVE_OPTIONS = ("l1", "l2", "batch_size")
"""Training options a running engine takes between two steps (besides optimizer hyper-parameters)."""


def _plain_floats(value: Any, handler: ValidatorFunctionWrapHandler) -> Any:
    """A JSON list of numbers kept as it is, else pydantic's ``list[float]``.

    The same values pass and fail as with ``list[float]`` alone (anything else, or a list past the field's
    ``max_length``, goes to it for its error); what changes is the memory: pydantic builds a new list and a
    new float for every element, which made a 1,000 × 1,000 ``init_values`` of integers 24× its file.
    Integers stay ints in Python (``model_dump(mode="json")`` writes them as floats); one too large to be
    exact is made a float in place.
    """
    if type(value) is not list or not value:
        return handler(value)
    kinds = set(map(type, value))  # bool is a type of its own: ``True`` goes to the handler, which refuses it
    if kinds == {float}:
        return handler(value) if len(value) > MAX_UNITS else value
    if kinds <= {int, float} and len(value) <= MAX_UNITS:
        if min(value) >= -_EXACT and max(value) <= _EXACT:  # each integer is exactly the float it stands for:
            return value  # kept (torch and the JSON writer take it as that float), no float object built
        try:
            value[:] = map(float, value)
        except OverflowError:  # an integer beyond any float: the handler says so for the element
            return handler(value)
        return value
    return handler(value)


_EXACT = 2**53
"""Integers up to this size are exactly representable as floats."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)


ColumnName = Annotated[str, Field(max_length=MAX_COLUMN_NAME)]
"""A CSV column name or class label: bounded, so a file that loads also saves within the file limit."""


class CsvSpec(_Strict):
    """A tabular data set read from a CSV file (path relative to the experiment file)."""

    path: str = Field(min_length=1, max_length=4096)
    target: str = Field(min_length=1, max_length=MAX_COLUMN_NAME)
    task: Task | None = Field(None, description="None: inferred from the target column")
    features: list[ColumnName] | None = Field(None, max_length=MAX_CSV_COLUMNS,
                                       description="None: every numeric column but the target")
    standardize: bool = False
    mean: list[float] | None = Field(None, max_length=MAX_CSV_COLUMNS,
                                     description="Standardisation statistics, stored on import")
    std: list[float] | None = Field(None, max_length=MAX_CSV_COLUMNS)
    classes: list[ColumnName] | None = Field(None, max_length=MAX_CLASSES,
                                      description="Class labels in index order, stored on import")

    @field_validator("path")
    @classmethod
    def _plain_path(cls, value: str) -> str:
        if "\x00" in value:
            raise ValueError("a file name cannot contain a NUL character")
        return value


ClassFolder = Annotated[str, Field(min_length=1, max_length=MAX_COLUMN_NAME)]
"""An image class: a sub-folder's name, bounded like a CSV class label (a real one is ≤ 255 characters)."""


class ImageFolderSpec(_Strict):
    """A folder with one sub-folder of images per class (torchvision's ImageFolder layout)."""

    path: str = Field(min_length=1, max_length=4096)
    side: Literal[8, 16, 28] = Field(16, description="Images are made grey and resized to side × side")
    classes: list[ClassFolder] | None = Field(None, max_length=MAX_IMAGE_CLASSES,
                                              description="Class (sub-folder) names in index order, stored on import")

    @field_validator("path")
    @classmethod
    def _plain_path(cls, value: str) -> str:
        if "\x00" in value:
            raise ValueError("a folder name cannot contain a NUL character")
        return value


@pydantic_dataclass(config=ConfigDict(extra="forbid", validate_assignment=True), slots=True)
class PointSpec:
    """A point the user drew; ``y`` is a class index or a regression value.

    A slotted dataclass, not a model: a file may hold 100,000 of them, and a model's ``__dict__`` and
    fields-set cost ≈ 400 bytes each (35× the file in memory; this is 19×, ``bench/parse_memory.py``).
    """

    x: Annotated[list[float], Field(min_length=1, max_length=2), WrapValidator(_plain_floats)]
    y: float
    split: Literal["train", "test"] = "train"


class DataSpec(_Strict):
    kind: DataKind = "circle"
    samples: int = Field(500, ge=10, le=200_000)
    noise: float = Field(0.0, ge=0.0, le=1.0, description="Fraction, as TFP's percent slider / 100")
    train_fraction: float = Field(0.5, gt=0.0, le=1.0, description="1: every point trains, no test set")
    seed: int = Field(0, ge=0, le=2**31 - 1)
    classes: int | None = Field(None, ge=2, le=10, description="For blobs and spiral_k")
    features: list[str] = Field(default_factory=lambda: ["x1", "x2"], max_length=len(DERIVED_FEATURES),
                                description="Derived inputs; used only for 2-D inputs")
    csv: CsvSpec | None = None
    images: ImageFolderSpec | None = None
    added: list[PointSpec] = Field(default_factory=list, max_length=MAX_ADDED_POINTS,
                                   description="Points drawn by the user")
    removed: list[Annotated[int, Field(ge=0, le=MAX_STEP)]] = Field(default_factory=list, max_length=200_000,
                               description="Indices (train then test) of generated points removed")

    @field_validator("noise")
    @classmethod
    def _positive_zero(cls, value: float) -> float:
        return value + 0.0  # -0.0 → 0.0: numpy refuses a negative-signed zero as a scale

    @field_validator("features")
    @classmethod
    def _known_features(cls, value: list[str]) -> list[str]:
        _only_known(value, DERIVED_FEATURES, "feature")
        if not value:
            raise ValueError("at least one input feature is needed")
        if len(set(value)) != len(value):
            raise ValueError("a feature is listed twice")
        return value

    @model_validator(mode="after")
    def _kind_fits(self) -> DataSpec:
        if self.kind == "csv" and self.csv is None:
            raise ValueError("kind 'csv' needs a 'csv' section (path and target)")
        if self.kind != "csv" and self.csv is not None:
            raise ValueError(f"a 'csv' section only goes with kind 'csv', not {quote(self.kind)}")
        if (self.kind == "images") != (self.images is not None):
            raise ValueError("kind 'images' needs an 'images' section (path), and only it takes one")
        if self.classes is not None and self.kind not in MULTICLASS_KINDS:
            raise ValueError(f"'classes' only applies to {', '.join(MULTICLASS_KINDS)}")
        return self

    @property
    def task(self) -> Task | None:
        """The task of a synthetic set; ``None`` for CSV until the file is read."""
        if self.kind in CLASSIFICATION_KINDS:
            return "classification"
        if self.kind in REGRESSION_KINDS:
            return "regression"
        if self.kind in IMAGE_KINDS:
            return "classification"
        return self.csv.task if self.csv else None

    @property
    def n_classes(self) -> int | None:
        if self.kind in MULTICLASS_KINDS:
            return self.classes or 3
        if self.kind in CLASSIFICATION_KINDS:
            return 2
        if self.csv and self.csv.classes:
            return len(self.csv.classes)
        if self.kind == "digits":
            return DIGITS_CLASSES
        if self.images and self.images.classes:
            return len(self.images.classes)
        return None

    @property
    def image_side(self) -> int | None:
        """The side of square image inputs (``side × side`` pixels); ``None`` for points and tables."""
        if self.kind == "digits":
            return DIGITS_SIDE
        return self.images.side if self.images else None

    @property
    def input_count(self) -> int | None:
        """How many raw inputs the model gets, when known without reading a file."""
        if self.kind == "csv":
            return len(self.csv.features) if self.csv and self.csv.features else None
        if self.kind in IMAGE_KINDS:
            side = self.image_side
            return side * side if side else None
        return 1 if self.kind in ONE_D_KINDS else len(self.features)


class LayerSpec(_Strict):
    units: int = Field(8, ge=1, le=MAX_UNITS)
    activation: str = "tanh"
    dropout: float = Field(0.0, ge=0.0, lt=1.0)
    norm: str = "none"

    @field_validator("activation")
    @classmethod
    def _known_activation(cls, value: str) -> str:
        return _registered(ACTIVATIONS, value)

    @field_validator("norm")
    @classmethod
    def _known_norm(cls, value: str) -> str:
        return _registered(NORMS, value)


_Row = Annotated[list[float], Field(max_length=MAX_UNITS), WrapValidator(_plain_floats)]
InitValue = _Row | Annotated[list[_Row], Field(max_length=MAX_UNITS)] | float
"""A parameter's literal values: a number, a vector or a matrix; no side is longer than a layer can be
(``MAX_UNITS``, which also bounds the inputs and the classes)."""
Key = Annotated[str, Field(max_length=MAX_KEY)]


class ModelSpec(_Strict):
    hidden: list[LayerSpec] = Field(default_factory=lambda: [LayerSpec()], max_length=MAX_LAYERS)
    init: str = "default"
    init_values: dict[Key, InitValue] | None = Field(
        None, description="Literal starting values by parameter name, e.g. '0.weight'")

    @field_validator("init")
    @classmethod
    def _known_init(cls, value: str) -> str:
        return _registered(INITS, value)

    @field_validator("init_values")
    @classmethod
    def _at_most_a_model(cls, value: dict[str, Any] | None) -> dict[str, Any] | None:
        count = sum(1 if isinstance(v, float) else sum(len(r) if isinstance(r, list) else 1 for r in v)
                    for v in (value or {}).values())
        if count > MAX_PARAMETERS:
            raise ValueError(f"{count:,} values is more than the {MAX_PARAMETERS:,} parameters a model may have")
        return value


class OptimizerSpec(BaseModel):
    """``name`` plus flat hyper-parameters (``lr``, ``momentum``, ``beta1``…) checked by the registry."""

    model_config = ConfigDict(extra="allow", validate_assignment=True)
    name: str = "sgd"

    @field_validator("name")
    @classmethod
    def _known_optimizer(cls, value: str) -> str:
        return _registered(OPTIMIZERS, value)

    @model_validator(mode="after")
    def _known_params(self) -> OptimizerSpec:
        entry = OPTIMIZERS[self.name]
        for key, value in (self.model_extra or {}).items():
            try:
                checked = entry.param(key).check(value)
            except KeyError:
                names = ", ".join(p.name for p in entry.params)
                raise ValueError(f"{self.name} has no hyper-parameter {quote(key)}; it has: {names}") from None
            except OverflowError:  # a JSON integer beyond any float (10**400)
                raise ValueError(f"{key} must be a number, got an integer of {len(str(value))} digits") from None
            self.model_extra[key] = checked  # type: ignore[index]
        return self

    def values(self) -> dict[str, Any]:
        """Every hyper-parameter, defaults filled in."""
        return {**OPTIMIZERS[self.name].defaults(), **(self.model_extra or {})}

    def with_value(self, name: str, value: Any) -> OptimizerSpec:
        return OptimizerSpec(name=self.name, **{**(self.model_extra or {}), name: value})


class TrainingSpec(_Strict):
    loss: str | None = Field(None, description="None: the task's default")
    reduction: Literal[REDUCTIONS] = Field(  # type: ignore[valid-type]
        "mean", description="How the loss combines a batch's examples (the loss curves always show the mean)")
    optimizer: OptimizerSpec = Field(default_factory=OptimizerSpec)
    batch_size: int = Field(10, ge=1, le=1_000_000)
    epochs: int = Field(100, ge=0, le=10_000_000, description="0: until stopped")
    l1: float = Field(0.0, ge=0.0, le=10.0)
    l2: float = Field(0.0, ge=0.0, le=10.0)
    device: str = "auto"
    dtype: Literal[DTYPE_NAMES] = "float32"  # type: ignore[valid-type]
    seed: int = Field(0, ge=0, le=2**31 - 1)

    @field_validator("loss")
    @classmethod
    def _known_loss(cls, value: str | None) -> str | None:
        return None if value is None else _registered(LOSSES, value)

    @field_validator("device")
    @classmethod
    def _device_name(cls, value: str) -> str:
        if not DEVICE_NAME.fullmatch(value):
            raise ValueError(f"unknown device {quote(value)}; use auto, cpu, cuda:N or mps")
        return value

    def loss_for(self, task: Task) -> str:
        return self.loss or DEFAULT_LOSS[task]


class ViewSpec(_Strict):
    """How the app shows the experiment; ``hidden`` names panels hidden for classroom use."""

    hidden: list[str] = Field(default_factory=list, max_length=len(VIEW_PANELS))
    show_test: bool = False
    discretize: bool = False
    log_loss: bool = False
    grid: int = Field(100, ge=10, le=400, description="Decision-boundary resolution")

    @field_validator("hidden")
    @classmethod
    def _known_panels(cls, value: list[str]) -> list[str]:
        _only_known(value, VIEW_PANELS, "panel")
        return list(dict.fromkeys(value))  # a panel named twice is hidden once


class HistorySpec(_Strict):
    """Decimated metric history: parallel columns, one row per recorded evaluation."""

    stride: int = Field(1, ge=1, le=MAX_STEP)
    offered: int = Field(0, ge=0, le=MAX_STEP, description="Rows offered so far (decides which are kept)")
    columns: dict[Key, Annotated[list[float | None], Field(max_length=MAX_HISTORY_ROWS)]] = Field(
        default_factory=dict, max_length=16)


MAX_SCALARS = 4096
"""Entries of ``optimizer_scalars`` and parameter indices of a group: far more than 32 layers have."""
_Scalar = bool | int | float | Annotated[str, Field(max_length=MAX_KEY)] | None
GroupValue = _Scalar | Annotated[list[_Scalar], Field(max_length=MAX_SCALARS)]
"""A value of torch's ``param_groups``: a setting, ``betas``, or the parameter indices."""


class StateSpec(_Strict):
    """Trained state; tensors are base64 safetensors blobs, never pickle."""

    step: int = Field(0, ge=0, le=MAX_STEP)
    epoch: int = Field(0, ge=0, le=MAX_STEP)
    batch_cursor: int = Field(0, ge=0, le=MAX_STEP)
    tensors: str = Field(max_length=MAX_TENSOR_TEXT, description="base64 safetensors: model.*, optim.*, rng.*, perm")
    optimizer_groups: list[dict[Key, GroupValue]] = Field(default_factory=list, max_length=16)
    optimizer_scalars: dict[Key, bool | int | float | None] = Field(default_factory=dict, max_length=MAX_SCALARS)
    history: HistorySpec = Field(default_factory=HistorySpec)

    @field_validator("optimizer_groups")
    @classmethod
    def _groups_hold_a_model(cls, groups: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """torch's groups: a dozen settings and one index per parameter, far below this in all."""
        count = sum(len(v) if isinstance(v, list) else 1 for group in groups for v in group.values())
        if count > MAX_SCALARS:
            raise ValueError(f"{count:,} values in all is more than the {MAX_SCALARS:,} allowed")
        return groups
    seconds: float = Field(0.0, ge=0.0, le=MAX_SECONDS)


RUN_COLUMNS = ("epoch", "train_loss", "test_loss", "train_metric", "test_metric")


class RunSettings(_Strict):
    """What a run was trained with: enough to restore it (drawn points and literal weights left out)."""

    data: DataSpec = Field(default_factory=DataSpec)
    model: ModelSpec = Field(default_factory=ModelSpec)
    training: TrainingSpec = Field(default_factory=TrainingSpec)

    @model_validator(mode="after")
    def _no_edits(self) -> RunSettings:
        """What ``runs.settings_of`` writes: 20 runs of 2 M literal weights each would be 40 M values."""
        if self.data.added or self.data.removed:
            raise ValueError("a run's settings hold no drawn or removed points (data.added, data.removed)")
        if self.model.init_values is not None:
            raise ValueError("a run's settings hold no literal weights (model.init_values)")
        return self


class RunSpec(_Strict):
    """One remembered run: what differed from the run before it, its curves and its final numbers."""

    name: str = Field("", max_length=MAX_NAME, description="The user's name for it; '' shows 'changed'")
    changed: str = Field("", max_length=MAX_NAME, description="What differed, e.g. 'lr 0.03 → 0.3'")
    pinned: bool = False
    visible: bool = True
    metric: Literal["accuracy", "r2"] = "accuracy"
    epochs: int = Field(0, ge=0, le=MAX_STEP)
    steps: int = Field(0, ge=0, le=MAX_STEP)
    seconds: float = Field(0.0, ge=0.0, le=MAX_SECONDS)
    device: str = Field("cpu", max_length=40)
    final: dict[str, float | None] = Field(default_factory=dict, max_length=len(RUN_COLUMNS))
    history: dict[str, list[float | None]] = Field(default_factory=dict, max_length=len(RUN_COLUMNS))
    settings: RunSettings = Field(default_factory=RunSettings)

    @field_validator("final", "history")
    @classmethod
    def _known_columns(cls, value: dict) -> dict:
        unknown = [k for k in value if k not in RUN_COLUMNS]
        if unknown:
            raise ValueError(f"unknown column {quote(unknown[0])}; columns are {', '.join(RUN_COLUMNS)}")
        return value

    @model_validator(mode="after")
    def _bounded_history(self) -> RunSpec:
        lengths = {len(v) for v in self.history.values()}
        if len(lengths) > 1:
            raise ValueError("history: columns have different lengths")
        if lengths and max(lengths) > MAX_RUN_POINTS:
            raise ValueError(f"history: at most {MAX_RUN_POINTS} points a run, got {max(lengths)}")
        return self


class Experiment(_Strict):
    format: Literal["torch-playground.experiment"] = FORMAT
    version: Literal[2] = VERSION
    name: str = Field("Untitled", max_length=MAX_NAME)
    description: str = Field("", max_length=MAX_TEXT)
    data: DataSpec = Field(default_factory=DataSpec)
    model: ModelSpec = Field(default_factory=ModelSpec)
    training: TrainingSpec = Field(default_factory=TrainingSpec)
    view: ViewSpec = Field(default_factory=ViewSpec)
    state: StateSpec | None = None
    runs: list[RunSpec] = Field(default_factory=list, max_length=MAX_RUNS,
                                description="Remembered runs, oldest first")

    @model_validator(mode="after")
    def _loss_fits_task(self) -> Experiment:
        task = self.data.task
        loss = self.training.loss
        if task is not None and loss is not None and LOSSES[loss].task != task:
            raise ValueError(
                f"training.loss {quote(loss)} is for {LOSSES[loss].task}, but the data is {task}")
        n = self.data.n_classes
        if loss is not None and LOSSES[loss].target == "binary" and n is not None and n != 2:
            raise ValueError(f"training.loss 'bce_with_logits' needs 2 classes, the data has {n}")
        too_big = self._parameters_message()
        if too_big:
            raise ValueError(f"model: {too_big}")
        batch_norm = [i for i, layer in enumerate(self.model.hidden, 1) if layer.norm == "batch"]
        if batch_norm and self.training.batch_size < 2:
            raise ValueError(f"training.batch_size: BatchNorm (hidden layer {batch_norm[0]}) needs batches of "
                             "at least 2; raise the batch size or choose another norm")
        return self

    def _parameters_message(self) -> str | None:
        """The parameter limit, checked here when the widths are known without reading data."""
        data, task = self.data, self.data.task
        in_dim = data.input_count
        loss = self.training.loss_for(task) if task else None
        out_dim = 1 if task == "regression" or (loss and LOSSES[loss].target == "binary") else data.n_classes
        if in_dim is None or out_dim is None:
            return None  # the engine checks once the CSV file is read
        hidden = self.model.hidden
        return parameters_message(count_parameters([h.units for h in hidden], [h.norm for h in hidden],
                                                   in_dim, out_dim))


def _registered(registry: Any, value: str) -> str:
    if value not in registry:
        raise ValueError(f"unknown {registry.kind} {quote(value)}; choose one of: {', '.join(registry.keys())}")
    return value


def _only_known(values: list[str], known: Any, what: str) -> None:
    """Refuse the first of ``values`` not among ``known``, listing the choices (features, panels)."""
    unknown = next((v for v in values if v not in known), None)
    if unknown is not None:
        raise ValueError(f"unknown {what} {quote(unknown)}; choose from {', '.join(known)}")
