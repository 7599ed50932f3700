"""Writes the CSV files the lessons read (run once; the files are committed).

    python tools/lesson_data.py

Every table is drawn from a fixed numpy seed, so running this again gives the same bytes.
"""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np

LESSONS = Path(__file__).resolve().parents[1] / "resources" / "lessons"


def _write(name: str, header: list[str], rows: list[list[object]]) -> None:
    with (LESSONS / name).open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def d2l_linear() -> None:
    """d2l 3.1: y = 2·x1 − 3.4·x2 + 4.2 + N(0, 0.01²), x ~ N(0, 1), 1000 samples."""
    rng = np.random.default_rng(2024)
    x = rng.normal(0.0, 1.0, (1000, 2))
    y = x @ np.array([2.0, -3.4]) + 4.2 + rng.normal(0.0, 0.01, 1000)
    _write("d2l_linear.csv", ["x1", "x2", "y"],
           [[f"{a:.6f}", f"{b:.6f}", f"{c:.6f}"] for (a, b), c in zip(x, y)])


def two_points() -> None:
    """The two-sample example worked by hand in class."""
    _write("two_points.csv", ["x1", "x2", "y"], [[0.5, -1.5, 1], [1, 1, 0]])


def ten_features() -> None:
    """Four classes in ten measured features: A and D stand apart, B and C overlap (a confusion to find)."""
    rng = np.random.default_rng(12)
    names = ["A", "B", "C", "D"]
    centres = rng.normal(0.0, 1.0, (4, 10)) * 1.6
    centres[2] = centres[1] + rng.normal(0.0, 0.45, 10)  # C sits next to B
    scale = rng.uniform(0.5, 30.0, 10)  # features on very different scales: standardise them
    offset = rng.uniform(-5.0, 50.0, 10)
    rows = []
    for k, name in enumerate(names):
        points = (centres[k] + rng.normal(0.0, 1.0, (100, 10))) * scale + offset
        rows += [[*(f"{v:.3f}" for v in p), name] for p in points]
    order = rng.permutation(len(rows))
    _write("ten_features.csv", [f"f{i}" for i in range(1, 11)] + ["class"], [rows[i] for i in order])


if __name__ == "__main__":
    d2l_linear()
    two_points()
    ten_features()
