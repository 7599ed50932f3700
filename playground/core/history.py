"""Bounded metric history: a million steps keeps at most ``capacity`` rows.

When full, every other row is dropped and only every ``stride``-th record is kept from then on,
so the curve keeps its shape at any length and memory stays flat.
"""

from __future__ import annotations

import math

import numpy as np

COLUMNS = ("step", "epoch", "train_loss", "test_loss", "train_metric", "test_metric")


class History:
    def __init__(self, capacity: int = 2048, columns: tuple[str, ...] = COLUMNS) -> None:
        if capacity < 4 or capacity % 2:
            raise ValueError("capacity must be an even number ≥ 4")
        self.capacity = capacity
        self.columns = columns
        self.stride = 1
        self._offered = 0
        self._rows: dict[str, list[float]] = {c: [] for c in columns}

    def __len__(self) -> int:
        return len(self._rows[self.columns[0]])

    def record(self, **values: float) -> None:
        """Offer one row; it is kept if it falls on the current stride."""
        keep = self._offered % self.stride == 0
        self._offered += 1
        if not keep:
            return
        for c in self.columns:
            self._rows[c].append(float(values.get(c, math.nan)))
        if len(self) >= self.capacity:
            for c in self.columns:
                self._rows[c] = self._rows[c][::2]
            self.stride *= 2

    def arrays(self, start: int = 0) -> dict[str, np.ndarray]:
        """A copy of every column as float64 arrays (rows from ``start`` on), safe to hand to another thread."""
        return {c: np.asarray(v[start:] if start else v, dtype=np.float64) for c, v in self._rows.items()}

    def last(self, column: str) -> float:
        values = self._rows[column]
        return values[-1] if values else math.nan

    def to_dict(self) -> dict:
        """JSON-ready: NaN becomes None so files stay standard JSON."""
        return {
            "stride": self.stride,
            "offered": self._offered,
            "columns": {c: [None if math.isnan(x) else x for x in v] for c, v in self._rows.items()},
        }

    @classmethod
    def from_dict(cls, data: dict, capacity: int = 2048) -> History:
        history = cls(capacity)
        history.stride = int(data.get("stride", 1))
        columns = data.get("columns", {})
        for c in history.columns:
            history._rows[c] = [math.nan if x is None else float(x) for x in columns.get(c, [])]
        lengths = {len(v) for v in history._rows.values()}
        if len(lengths) > 1:
            raise ValueError("state.history: columns have different lengths")
        history._offered = int(data.get("offered", len(history) * history.stride))
        return history


class ArrayHistory:
    """Rows of equal-length float vectors, bounded the same way as ``History`` (numpy, no lists).

    Used for what is recorded per published snapshot or per step (gradient norms, quantiles, batch
    losses): ``capacity`` rows at most, every other row dropped when full, then a doubled stride.
    """

    def __init__(self, width: int, capacity: int = 1024, dtype: type = np.float64) -> None:
        if capacity < 4 or capacity % 2:
            raise ValueError("capacity must be an even number ≥ 4")
        self.capacity = capacity
        self.width = width
        self.stride = 1
        self._offered = 0
        self._rows = np.empty((capacity, width), dtype=dtype)
        self._n = 0

    def __len__(self) -> int:
        return self._n

    def record(self, row: np.ndarray) -> None:
        keep = self._offered % self.stride == 0
        self._offered += 1
        if not keep:
            return
        self._rows[self._n] = row
        self._n += 1
        if self._n >= self.capacity:
            half = self._rows[: self._n : 2].copy()
            self._n = len(half)
            self._rows[: self._n] = half
            self.stride *= 2

    def record_many(self, rows: np.ndarray) -> None:
        """Offer several rows at once (e.g. the batch losses of the steps since the last snapshot)."""
        for row in rows:
            self.record(row)

    def array(self, columns: slice | np.ndarray | None = None) -> np.ndarray:
        """A copy of the kept rows (optionally of some columns only), safe to hand to another thread."""
        rows = self._rows[: self._n]
        return (rows if columns is None else rows[:, columns]).copy()
