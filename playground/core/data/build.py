"""Turn a :class:`DataSpec` into a :class:`Dataset`: generate or read, split, apply the user's edits."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from playground.core.data.csv_data import load_csv
from playground.core.data.dataset import Dataset
from playground.core.data.errors import DataError
from playground.core.data.split import shuffle_split
from playground.core.data.synthetic import generate
from playground.core.errors import quote
from playground.core.spec import DERIVED_FEATURES, ONE_D_KINDS, DataSpec, PointSpec

WINDOW = 6.0
"""TFP draws its synthetic sets in [-6, 6]²; we keep that fixed window for every synthetic set."""


def make_dataset(spec: DataSpec, base_dir: Path | None = None) -> Dataset:
    """Build the data set ``spec`` describes; the same spec always gives the same points.

    Synthetic sets are generated and shuffled with ``numpy.random.default_rng(spec.seed)``, then
    split (train first, ``round(samples * train_fraction)`` points). ``spec.removed`` indexes the
    split points (train then test) and ``spec.added`` appends drawn points to their split.
    ``base_dir`` resolves a relative CSV path.
    """
    if spec.kind == "csv":
        assert spec.csv is not None  # the schema guarantees it
        data = load_csv(spec.csv, base_dir, spec.train_fraction, spec.seed)
    elif spec.kind == "digits":
        from playground.core.data.digits import digits_dataset

        data = digits_dataset(spec)
    elif spec.kind == "images":
        from playground.core.data.image_folder import folder_dataset

        data = folder_dataset(spec, base_dir)
    else:
        data = _synthetic(spec)
    _remove(data, spec.removed)
    _add(data, spec.added)
    return data


def _synthetic(spec: DataSpec) -> Dataset:
    task = spec.task
    assert task is not None
    rng = np.random.default_rng(spec.seed)
    x, y = generate(spec.kind, spec.samples, spec.noise, rng, spec.n_classes)
    x_train, y_train, x_test, y_test = shuffle_split(x, y, spec.train_fraction, rng)
    one_d = spec.kind in ONE_D_KINDS
    if one_d:
        lo, hi = float(y.min()), float(y.max())
        pad = (hi - lo) * 0.1 or 1.0
        extent = (-WINDOW, WINDOW, lo - pad, hi + pad)
    else:
        extent = (-WINDOW, WINDOW, -WINDOW, WINDOW)
    derived = None if one_d else _checked_features(spec.features)
    n_classes = spec.n_classes
    return Dataset(task=task, x_train=x_train, y_train=y_train, x_test=x_test, y_test=y_test,
                   raw_names=["x"] if one_d else ["x1", "x2"], derived=derived,
                   class_names=[f"class {i}" for i in range(n_classes)] if n_classes else None,
                   extent=extent)


def _checked_features(features: list[str]) -> list[str]:
    # Every derived feature reads only x1 and x2, so any known name fits 2-D raw data.
    unknown = [f for f in features if f not in DERIVED_FEATURES]
    if unknown:
        raise DataError(f"unknown input feature {quote(unknown[0])}")
    return list(features)


def _remove(data: Dataset, removed: list[int]) -> None:
    if not removed:
        return
    n_train, total = len(data.x_train), len(data.x_train) + len(data.x_test)
    for i in removed:
        if not 0 <= i < total:
            raise DataError(f"data.removed: point index {i} is out of range: the data set has {total} points")
    drop = np.zeros(total, dtype=bool)
    drop[list(removed)] = True
    keep_train, keep_test = ~drop[:n_train], ~drop[n_train:]
    data.x_train, data.y_train = data.x_train[keep_train], data.y_train[keep_train]
    data.x_test, data.y_test = data.x_test[keep_test], data.y_test[keep_test]


def _add(data: Dataset, added: list[PointSpec]) -> None:
    if not added:
        return
    classification = data.task == "classification"
    n_classes = data.n_classes if classification else None
    for k, point in enumerate(added):
        if len(point.x) != data.raw_dim:
            raise DataError(f"data.added: point {k} has {len(point.x)} coordinates, the data has {data.raw_dim}")
        if not np.all(np.isfinite([*point.x, point.y])):
            raise DataError(f"data.added: point {k} has a value that is not a finite number")
        if classification and not (float(point.y).is_integer() and 0 <= point.y < (n_classes or 0)):
            raise DataError(f"data.added: point {k} has class {point.y}, which is not a class index "
                             f"0…{(n_classes or 1) - 1}")
    for split in ("train", "test"):
        points = [p for p in added if p.split == split]
        if not points:
            continue
        x = np.array([p.x for p in points], dtype=np.float64)
        y = np.array([p.y for p in points], dtype=np.int64 if classification else np.float64)
        setattr(data, f"x_{split}", np.concatenate([getattr(data, f"x_{split}"), x]))
        setattr(data, f"y_{split}", np.concatenate([getattr(data, f"y_{split}"), y]))
