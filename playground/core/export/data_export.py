"""The data set as CSV: raw inputs, the target and a ``split`` column (train/test), train rows first.

These are the points the model saw, edits included. Class targets are written as their names for
imported CSV data (so the file reads like the original) and as indices for generated sets. Numbers
use Python's shortest round-trip form, so reading them back gives the same float64 values.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import numpy as np

from playground.core.experiment_io import atomic_write
from playground.core.export.source import ExportSource

SPLIT_COLUMN = "split"


def _target_cells(y: np.ndarray, source: ExportSource) -> list[str]:
    ds = source.dataset
    if ds.task == "classification":
        if source.spec.data.kind in ("csv", "images") and ds.class_names:
            return [ds.class_names[int(v)] for v in y]
        return [str(int(v)) for v in y]
    return [repr(float(v)) for v in y]


def header(source: ExportSource) -> list[str]:
    """Raw input names, the target name, then ``split`` (``_split`` if the data has a ``split`` column)."""
    ds = source.dataset
    names = [*ds.raw_names, ds.target_name]
    split = SPLIT_COLUMN
    while split in names:
        split = f"_{split}"
    return [*names, split]


def write(source: ExportSource, path: Path) -> list[Path]:
    ds = source.dataset
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header(source))
    for split, x, y in (("train", ds.x_train, ds.y_train), ("test", ds.x_test, ds.y_test)):
        for row, target in zip(x, _target_cells(y, source)):
            writer.writerow([*(repr(float(v)) for v in row), target, split])
    atomic_write(path, out.getvalue())
    return [path]
