"""CSV import: preview a file, turn it into a :class:`CsvSpec`, load it as a :class:`Dataset`.

Uses only the ``csv`` module and numpy. Every problem raises :class:`DataError` naming the file,
column and line (1-based, the header is line 1) so a user can fix the file from the message.
The delimiter is whichever of ``,`` ``;`` or tab the header line holds most of; with ``;`` a decimal
comma (``1,5``) reads as a number, as spreadsheets in many languages write it. Files, rows, columns,
cells and classes are bounded (``core/limits.py``), so any file is read or refused in bounded time.
"""

from __future__ import annotations

import csv
import io
import math
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import numpy as np

from playground.core.data.dataset import Dataset
from playground.core.data.errors import DataError
from playground.core.data.split import shuffle_split
from playground.core.errors import quote, quote_path
from playground.core.limits import MAX_CLASSES, MAX_CSV_BYTES, MAX_CSV_CELLS, MAX_CSV_COLUMNS, MAX_CSV_ROWS
from playground.core.registry import Task
from playground.core.spec import CsvSpec
from playground.core.textfile import read_text

MAX_INFERRED_CLASSES = 10
"""A numeric target with at most this many distinct integer values is taken as class labels."""


@dataclass(frozen=True)
class _Table:
    path: Path
    header: list[str]
    rows: list[list[str]]
    lines: list[int]
    delimiter: str

    @cached_property
    def index(self) -> dict[str, int]:
        """Column positions by name: one lookup per column, not a scan of the header (10⁵ columns)."""
        return {name: i for i, name in enumerate(self.header)}

    def column(self, name: str, role: str = "column") -> list[str]:
        i = self.index.get(name)
        if i is None:
            if len(self.header) == 1:  # no delimiter: likely not a CSV at all (/etc/passwd); never echo its text
                raise DataError(f"{quote_path(self.path)}: no {role} {quote(name)}; its first line has no ',', "
                                f"';' or tab, "
                                "so it is not a CSV file with named columns")
            shown = ", ".join(h if len(h) <= 30 and h.isprintable() else quote(h, 30) for h in self.header[:20])
            more = f", … ({len(self.header)} in all)" if len(self.header) > 20 else ""
            raise DataError(f"{quote_path(self.path)}: no {role} {quote(name)}; the columns are: {shown}{more}")
        return [row[i] for row in self.rows]

    def number(self, text: str) -> float | None:
        return _number(text.replace(",", ".") if self.delimiter == ";" else text)

    def where(self, name: str, row: int) -> str:
        return f"{quote_path(self.path)}: column {quote(name)}, line {self.lines[row]}"


@dataclass(frozen=True)
class CsvPreview:
    """What the import dialog shows before the user picks a target."""

    path: Path
    header: list[str]
    rows: list[list[str]]
    """The first data rows, as text."""
    numeric: list[bool]
    """Per column: most non-empty cells are numbers (so it can be a feature)."""
    n_rows: int
    delimiter: str

    def default_features(self, target: str) -> list[str]:
        """Every numeric column but the target, as :func:`import_csv` picks with ``features=None``."""
        return [name for name, num in zip(self.header, self.numeric) if num and name != target]


def _read(path: str | Path) -> _Table:
    path = Path(path)
    text = read_text(path, DataError, "a CSV file", encoding="utf-8-sig", max_bytes=MAX_CSV_BYTES)
    if not text.strip():
        raise DataError(f"{quote_path(path)}: the file is empty")
    first = text.lstrip("\r\n").splitlines()[0]
    delimiter = max((",", ";", "\t"), key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    header: list[str] | None = None
    rows: list[list[str]] = []
    lines: list[int] = []
    try:
        for raw in reader:
            if not raw:
                continue  # blank line
            cells = [c.strip() for c in raw]
            if header is None:
                header = _check_header(path, cells)
                max_rows = min(MAX_CSV_ROWS, MAX_CSV_CELLS // len(header))
                continue
            if len(cells) != len(header):
                raise DataError(f"{quote_path(path)}: line {reader.line_num} has {len(cells)} fields, "
                                f"the header has {len(header)}")
            if len(rows) == max_rows:
                raise DataError(f"{quote_path(path)}: more than {max_rows:,} data rows, the most allowed for "
                                f"{len(header)} columns ({MAX_CSV_ROWS:,} rows, {MAX_CSV_CELLS:,} cells)")
            rows.append(cells)
            lines.append(reader.line_num)
    except csv.Error as exc:
        raise DataError(f"{quote_path(path)}: line {reader.line_num}: {exc}") from None
    assert header is not None  # the text is not blank, so a first row exists
    if not rows:
        raise DataError(f"{quote_path(path)}: the file has a header but no data rows")
    if len(rows) < 2:
        raise DataError(f"{quote_path(path)}: the file has one data row; training and testing need at least 2")
    return _Table(path, header, rows, lines, delimiter)


def _check_header(path: Path, names: list[str]) -> list[str]:
    if len(names) > MAX_CSV_COLUMNS:
        raise DataError(f"{quote_path(path)}: {len(names):,} columns is more than the {MAX_CSV_COLUMNS:,} allowed")
    for i, name in enumerate(names, 1):
        if not name:
            raise DataError(f"{quote_path(path)}: column {i} of the header has no name")
    seen: set[str] = set()
    for name in names:
        if name in seen:
            raise DataError(f"{quote_path(path)}: the header names column {quote(name)} twice")
        seen.add(name)
    return names


def _number(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None


def _mostly_numeric(table: _Table, values: list[str]) -> bool:
    filled = [v for v in values if v]
    return bool(filled) and sum(table.number(v) is not None for v in filled) * 2 > len(filled)


def inspect_csv(path: str | Path, max_rows: int = 20) -> CsvPreview:
    """Read ``path`` for the import dialog: header, first rows, which columns are numeric."""
    table = _read(path)
    numeric = [_mostly_numeric(table, table.column(name)) for name in table.header]
    return CsvPreview(table.path, table.header, table.rows[:max_rows], numeric, len(table.rows),
                      table.delimiter)


def _numbers(table: _Table, name: str, role: str) -> np.ndarray:
    """A column as finite float64, or a :class:`DataError` at the first bad cell."""
    out = np.empty(len(table.rows), dtype=np.float64)
    for i, text in enumerate(table.column(name, role)):
        if not text:
            raise DataError(f"{table.where(name, i)}: empty cell (missing values are not supported)")
        value = table.number(text)
        if value is None:
            raise DataError(f"{table.where(name, i)}: {quote(text)} is not a number ({role} columns must be numeric)")
        if not math.isfinite(value):
            raise DataError(f"{table.where(name, i)}: {quote(text)} is not a finite number")
        out[i] = value
    return out


def _labels(table: _Table, target: str) -> list[str]:
    values = table.column(target, "target column")
    for i, text in enumerate(values):
        if not text:
            raise DataError(f"{table.where(target, i)}: empty cell (missing values are not supported)")
    return values


def _infer_task(table: _Table, target: str) -> Task:
    values = _labels(table, target)
    numbers = [table.number(v) for v in values]
    if all(n is not None for n in numbers):
        distinct = set(numbers)
        small = len(distinct) <= MAX_INFERRED_CLASSES
        return "classification" if small and all(float(n).is_integer() for n in distinct) else "regression"
    if _mostly_numeric(table, values):
        i = next(i for i, n in enumerate(numbers) if n is None)
        raise DataError(f"{table.where(target, i)}: {quote(values[i])} is not a number, but most of the target "
                        f"column is; fix the cell, or import with task 'classification' if these are labels")
    return "classification"


def _sorted_classes(labels: list[str]) -> list[str]:
    """Unique labels: numerically if they are all numbers (so '10' follows '9'), else as text."""
    unique = set(labels)
    numbers = {u: _number(u) for u in unique}
    if all(n is not None and math.isfinite(n) for n in numbers.values()):
        return sorted(unique, key=lambda u: (numbers[u], u))
    return sorted(unique)


def _resolve(table: _Table, target: str, task: Task | None,
             features: list[str] | None) -> tuple[Task, list[str]]:
    """The task and feature list, checked against the table."""
    table.column(target, "target column")
    if features is None:
        features = [n for n in table.header if n != target and _mostly_numeric(table, table.column(n))]
        if not features:
            raise DataError(f"{quote_path(table.path)}: no numeric column besides the target {quote(target)} to "
                            f"use as input")
    else:
        if not features:
            raise DataError(f"{quote_path(table.path)}: at least one feature column is needed")
        for name in features:
            table.column(name, "feature column")
            if name == target:
                raise DataError(f"{quote_path(table.path)}: column {quote(name)} is the target, so it cannot be "
                                f"a feature")
        if len(set(features)) != len(features):
            raise DataError(f"{quote_path(table.path)}: a feature column is listed twice")
    return task or _infer_task(table, target), list(features)


def _targets(table: _Table, target: str, task: Task,
             classes: list[str] | None) -> tuple[np.ndarray, list[str] | None]:
    if task == "regression":
        return _numbers(table, target, "regression target"), None
    labels = _labels(table, target)
    if classes is None:
        classes = _sorted_classes(labels)
        if len(classes) < 2:
            raise DataError(f"{quote_path(table.path)}: target column {quote(target)} has only one class "
                            f"({quote(classes[0])}); "
                            f"classification needs at least two")
        if len(classes) > MAX_CLASSES:
            raise DataError(f"{quote_path(table.path)}: target column {quote(target)} has {len(classes):,} "
                            f"classes, more than "
                            f"the {MAX_CLASSES:,} allowed; import it with task 'regression' if it is a quantity")
    index = {c: i for i, c in enumerate(classes)}
    y = np.empty(len(labels), dtype=np.int64)
    for i, label in enumerate(labels):
        if label not in index:
            raise DataError(f"{table.where(target, i)}: class {quote(label)} is not one of the imported classes "
                            f"({', '.join(classes)})")
        y[i] = index[label]
    return y, classes


def _train_stats(table: _Table, features: list[str], x: np.ndarray, y: np.ndarray, train_fraction: float,
                 seed: int) -> tuple[list[float], list[float]]:
    """Population mean/std of the training rows of the split ``load_csv`` makes; finite, or refused."""
    x_train = shuffle_split(x, y, train_fraction, np.random.default_rng(seed))[0]
    with np.errstate(all="ignore"):
        mean, std = x_train.mean(axis=0), x_train.std(axis=0)
    for name, m, s in zip(features, mean, std):
        if not (np.isfinite(m) and np.isfinite(s)):
            raise DataError(f"{quote_path(table.path)}: column {quote(name)} cannot be standardised (its values "
                            f"are too large)")
    return mean.tolist(), std.tolist()


def import_csv(path: str | Path, target: str, task: Task | None = None, features: list[str] | None = None,
               standardize: bool = False, train_fraction: float = 0.5, seed: int = 0) -> CsvSpec:
    """Read and validate ``path``; return the spec that :func:`load_csv` rebuilds the data from.

    The task is inferred unless given: a text target, or a numeric one with at most
    ``MAX_INFERRED_CLASSES`` distinct integers, is classification. The resolved task, features,
    class labels and (with ``standardize``) population mean/std are stored, so the experiment
    reloads identically. The statistics come from the training rows only (the split that
    ``train_fraction`` and ``seed`` give, as in :func:`load_csv`), so test rows never leak into the
    inputs' scaling. ``path`` is stored as given.
    """
    table = _read(path)
    task, features = _resolve(table, target, task, features)
    x = np.column_stack([_numbers(table, f, "feature") for f in features])
    y, classes = _targets(table, target, task, None)
    mean, std = _train_stats(table, features, x, y, train_fraction, seed) if standardize else (None, None)
    return CsvSpec(path=str(path), target=target, task=task, features=features, standardize=standardize,
                   mean=mean, std=std, classes=classes)


def resolve_path(spec_path: str, base_dir: Path | None) -> Path:
    """A relative CSV path is relative to the experiment file's folder (``base_dir``)."""
    path = Path(spec_path).expanduser()
    return path if path.is_absolute() or base_dir is None else Path(base_dir) / path


def load_csv(spec: CsvSpec, base_dir: Path | None, train_fraction: float, seed: int) -> Dataset:
    """Read the file ``spec`` names, check it again, shuffle with ``seed`` and split."""
    table = _read(resolve_path(spec.path, base_dir))
    task, features = _resolve(table, spec.target, spec.task, spec.features)
    x = np.column_stack([_numbers(table, f, "feature") for f in features])
    y, classes = _targets(table, spec.target, task, spec.classes)
    mean = std = None
    if spec.standardize:
        mean, std = (spec.mean, spec.std) if spec.mean is not None else _train_stats(
            table, features, x, y, train_fraction, seed)
        if std is None or len(mean) != len(features) or len(std) != len(features):
            raise DataError(f"{quote_path(table.path)}: the stored mean/std need one value per feature "
                            f"({len(features)}); import the file again")
    x_train, y_train, x_test, y_test = shuffle_split(x, y, train_fraction, np.random.default_rng(seed))
    return Dataset(task=task, x_train=x_train, y_train=y_train, x_test=x_test, y_test=y_test,
                   raw_names=features, derived=None, mean=mean, std=std, class_names=classes,
                   target_name=spec.target)
