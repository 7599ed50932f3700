"""The built-in "Digits (8×8)" data set: UCI's optical-recognition digits as scikit-learn ships them.

``resources/data/digits.csv.gz`` (57 KB, source and licences in ``digits.README.md`` beside it) holds
1,797 rows of 64 pixels 0…16 and the digit. :func:`read_digits` uses only gzip and numpy so the
exported script and notebook copy it by its source and read the very same numbers.
"""

from __future__ import annotations

import gzip
from functools import cache
from pathlib import Path

import numpy as np

from playground.core.data.dataset import Dataset
from playground.core.data.split import shuffle_split
from playground.core.resources import data_dir
from playground.core.spec import DIGITS_CLASSES, DIGITS_SIDE, DataSpec

DIGITS_FILE = "digits.csv.gz"
DIGITS_COUNT = 1797


def digits_path() -> Path:
    return data_dir() / DIGITS_FILE


def read_digits(path: Path) -> tuple[np.ndarray, np.ndarray]:
    """Pixels scaled to [0, 1] as float64 ``(1797, 64)`` (row by row) and the digits as int64 ``(1797,)``."""
    with gzip.open(path, "rt", encoding="ascii") as f:
        table = np.loadtxt(f, delimiter=",", dtype=np.float64)
    return table[:, :-1] / 16.0, table[:, -1].astype(np.int64)


@cache
def _digits() -> tuple[np.ndarray, np.ndarray]:
    x, y = read_digits(digits_path())
    x.flags.writeable = False  # shared by every data set built in this process
    y.flags.writeable = False
    return x, y


def pixel_names(side: int) -> list[str]:
    """Input names for a ``side × side`` image: ``r0c0``, ``r0c1``… row by row."""
    return [f"r{r}c{c}" for r in range(side) for c in range(side)]


def digits_dataset(spec: DataSpec) -> Dataset:
    """All 1,797 digits, shuffled and split with ``default_rng(spec.seed)`` as every other set."""
    x, y = _digits()
    rng = np.random.default_rng(spec.seed)
    x_train, y_train, x_test, y_test = shuffle_split(x, y, spec.train_fraction, rng)
    return Dataset(task="classification", x_train=x_train, y_train=y_train, x_test=x_test, y_test=y_test,
                   raw_names=pixel_names(DIGITS_SIDE), class_names=[str(d) for d in range(DIGITS_CLASSES)],
                   image_side=DIGITS_SIDE)
