"""The validation gate between a data set and the engine: what the schema cannot know without the data.

``check_buildable`` runs once the data is read and before torch builds anything, so a CSV's task
against the loss, the number of classes, an empty training split, the parameter limit, a device this
machine lacks and literal ``init_values`` are each refused with a one-line ``ExperimentError`` that
names the field — never with torch's own words at the first step.
"""

from __future__ import annotations

import math
from typing import Any

from playground.core.data.dataset import Dataset
from playground.core.errors import ExperimentError, quote
from playground.core.limits import MAX_CLASSES, count_parameters, parameters_message
from playground.core.registry import LOSSES, available_devices
from playground.core.spec import Experiment


def device_problem(key: str) -> str | None:
    """Why device ``key`` cannot be used here, or ``None`` (``auto`` always can)."""
    if key == "auto":
        return None
    known = [d.key for d in available_devices()]
    if key in known:
        return None
    return f"{quote(key)} is not available here (available: {', '.join(known)})"


def check_buildable(spec: Experiment, dataset: Dataset) -> None:
    """Refuse, naming the field, an experiment that this data set and machine cannot train."""
    task, loss = dataset.task, spec.training.loss_for(dataset.task)
    where = f"the data ({spec.data.csv.path})" if spec.data.csv else "the data"
    if LOSSES[loss].task != task:
        raise ExperimentError(f"training.loss: {quote(loss)} is for {LOSSES[loss].task}, but {where} is {task}")
    n_classes = dataset.n_classes
    out_dim = 1
    if task == "classification":
        if n_classes is None or n_classes < 2:
            raise ExperimentError(f"data: classification needs at least 2 classes, {where} has {n_classes or 0}")
        if n_classes > MAX_CLASSES:
            raise ExperimentError(f"data: {n_classes:,} classes is more than the {MAX_CLASSES:,} allowed")
        if LOSSES[loss].target == "binary" and n_classes != 2:
            raise ExperimentError(f"training.loss: 'bce_with_logits' needs 2 classes, {where} has {n_classes}")
        out_dim = n_classes if LOSSES[loss].target == "index" else 1
    n_train = len(dataset.x_train)
    if n_train == 0:
        raise ExperimentError("data: the training split is empty; raise the train share or samples, "
                              "or restore removed points")
    hidden = spec.model.hidden
    if n_train < 2 and any(h.norm == "batch" for h in hidden):
        raise ExperimentError("data: BatchNorm needs at least 2 training rows")
    count = count_parameters([h.units for h in hidden], [h.norm for h in hidden], dataset.input_dim, out_dim)
    too_big = parameters_message(count)
    if too_big:
        raise ExperimentError(f"model: {too_big}")
    problem = device_problem(spec.training.device)
    if problem:
        raise ExperimentError(f"training.device: {problem}")
    if spec.model.init_values:
        _check_init_values(spec, dataset.input_dim, out_dim)


def _check_init_values(spec: Experiment, in_dim: int, out_dim: int) -> None:
    from playground.core.model import skeleton  # torch-heavy: only when there are values to check

    shapes = {name: list(p.shape) for name, p in skeleton(spec.model, in_dim, out_dim).named_parameters()}
    for name, value in (spec.model.init_values or {}).items():
        field = f"model.init_values.{name}"
        if name not in shapes:
            raise ExperimentError(f"{field}: no such parameter; the model has {', '.join(shapes)}")
        shape = _shape(value)
        if shape is None:
            raise ExperimentError(f"{field}: not a rectangular array of numbers")
        if shape != shapes[name]:
            raise ExperimentError(f"{field}: shape {shape} does not match the parameter's {shapes[name]}")


def _finite(value: int | float) -> bool:
    try:
        return math.isfinite(value)
    except OverflowError:  # a JSON integer beyond any float
        return False


def _shape(value: Any) -> list[int] | None:
    """The shape of a nested list of finite numbers, or ``None`` if it is ragged or not numeric."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return [] if _finite(value) else None
    if not isinstance(value, list):
        return None
    if not value:
        return [0]
    if all(type(v) in (int, float) for v in value):  # the common case, without a call per number
        return [len(value)] if all(map(_finite, value)) else None
    inner = [_shape(v) for v in value]
    if any(s is None or s != inner[0] for s in inner):
        return None
    return [len(value), *inner[0]]  # type: ignore[misc]
