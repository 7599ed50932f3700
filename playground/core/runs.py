"""Remembered runs: a record per run (build or Reset to the next Reset), kept in the experiment file.

A run is small on purpose (``MAX_RUN_POINTS`` rows of five columns, a few numbers, the settings it
was trained with), so twenty of them cost less than one trained state. What a run is *called* is what
differed from the run before it ("lr 0.03 → 0.3", "+L2 0.001", "seed 2"): that is the question the
learner asked when they pressed Reset.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import numpy as np

from playground.core.spec import (
    MAX_RUN_POINTS,
    MAX_RUNS,
    RUN_COLUMNS,
    Experiment,
    RunSettings,
    RunSpec,
)

__all__ = ["MAX_RUNS", "MAX_RUN_POINTS", "RUN_COLUMNS", "add_run", "decimate", "describe_change",
           "label", "make_run", "restore", "runs_csv", "runs_table", "settings_of"]

_METRIC_NAMES = {"accuracy": "acc", "r2": "R²"}


def settings_of(experiment: Experiment) -> RunSettings:
    """The settings a run remembers: drawn points, removed points and literal weights are left out
    (they can be megabytes, and they are edits of the data or weights, not settings)."""
    data = experiment.data.model_copy(deep=True, update={"added": [], "removed": []})
    model = experiment.model.model_copy(deep=True, update={"init_values": None})
    return RunSettings(data=data, model=model, training=experiment.training.model_copy(deep=True))


def _num(value: Any) -> str:
    """A setting's value as a person writes it: 0.03, 1e-05, 200, relu, –."""
    if value is None:
        return "–"
    if isinstance(value, bool):
        return "on" if value else "off"
    if isinstance(value, float):
        return f"{value:.6g}"
    return str(value)


def _flat(settings: RunSettings) -> dict[str, Any]:
    """Every setting a learner varies, under the short name a label uses, in the order labels list them."""
    d, m, t = settings.data, settings.model, settings.training
    flat: dict[str, Any] = {
        "data": d.kind, "noise": d.noise, "samples": d.samples, "train %": round(d.train_fraction * 100, 6),
        "data seed": d.seed, "features": "+".join(d.features), "classes": d.classes,
        "layers": "-".join(str(h.units) for h in m.hidden) or "none",
        "activation": "/".join(dict.fromkeys(h.activation for h in m.hidden)) or "none",
        "dropout": max((h.dropout for h in m.hidden), default=0.0),
        "norm": "/".join(dict.fromkeys(h.norm for h in m.hidden)) or "none",
        "init": m.init, "optimizer": t.optimizer.name,
    }
    for key, value in t.optimizer.values().items():
        flat[key] = value
    flat.update({"batch": t.batch_size, "L1": t.l1, "L2": t.l2, "seed": t.seed, "loss": t.loss or "default",
                 "reduction": t.reduction, "dtype": t.dtype, "device": t.device})
    return flat


_ADDITIVE = ("L1", "L2", "dropout", "momentum", "weight_decay", "noise")
"""Settings whose zero means "off": a change from 0 reads "+L2 0.001", to 0 reads "−L2"."""
_SHORT = ("seed", "data seed")
"""Settings named by their new value alone: "seed 2"."""


def describe_change(previous: RunSettings | None, current: RunSettings) -> str:
    """What differs from ``previous``, e.g. ``lr 0.03 → 0.3, +L2 0.001``; ``""`` when nothing does."""
    if previous is None:
        return ""
    before, after = _flat(previous), _flat(current)
    if before["optimizer"] != after["optimizer"]:  # the hyper-parameters of another optimizer differ anyway
        for key in set(before) ^ set(after):
            before.pop(key, None)
            after.pop(key, None)
    parts = []
    for key, new in after.items():
        old = before.get(key)
        if old == new or key not in before:
            continue
        if key in _ADDITIVE and not old:
            parts.append(f"+{key} {_num(new)}")
        elif key in _ADDITIVE and not new:
            parts.append(f"−{key}")
        elif key in _SHORT:
            parts.append(f"{key} {_num(new)}")
        else:
            parts.append(f"{key} {_num(old)} → {_num(new)}")
    return ", ".join(parts)


def decimate(columns: Mapping[str, Sequence[float] | np.ndarray], limit: int = MAX_RUN_POINTS) -> dict[str, list]:
    """At most ``limit`` rows, evenly spread, first and last kept; NaN becomes None (standard JSON)."""
    arrays = {c: np.asarray(columns.get(c, ()), dtype=np.float64) for c in RUN_COLUMNS}
    n = max((len(a) for a in arrays.values()), default=0)
    arrays = {c: a if len(a) == n else np.full(n, np.nan) for c, a in arrays.items()}
    index = np.unique(np.linspace(0, n - 1, limit).round().astype(np.int64)) if n > limit else np.arange(n)
    return {c: [None if not math.isfinite(x) else float(x) for x in a[index]] for c, a in arrays.items()}


def make_run(experiment: Experiment, history: Mapping[str, Sequence[float] | np.ndarray], *,
             metric: str, steps: int, seconds: float, device: str, previous: RunSettings | None,
             changed: str | None = None, name: str = "") -> RunSpec:
    """A run record from a finished (or abandoned) run's settings, metric history and counters."""
    settings = settings_of(experiment)
    rows = decimate(history)
    final = {c: (rows[c][-1] if rows[c] else None) for c in RUN_COLUMNS if c != "epoch"}
    epochs = int(rows["epoch"][-1] or 0) if rows["epoch"] else 0
    return RunSpec(name=name, changed=describe_change(previous, settings) if changed is None else changed,
                   metric="r2" if metric == "r2" else "accuracy", epochs=epochs, steps=int(steps),
                   seconds=float(min(max(seconds, 0.0), 1e9)), device=str(device)[:40], final=final,
                   history=rows, settings=settings)


def add_run(runs: Iterable[RunSpec], run: RunSpec, limit: int = MAX_RUNS) -> list[RunSpec]:
    """``runs`` with ``run`` appended, the oldest unpinned ones dropped beyond ``limit``."""
    out = [*runs, run]
    while len(out) > limit:
        oldest = next((i for i, r in enumerate(out) if not r.pinned), 0)
        out.pop(oldest)
    return out


def label(run: RunSpec, index: int | None = None) -> str:
    """What a legend or list calls a run: its name, else what changed, else "run N"."""
    if run.name:
        return run.name
    if run.changed:
        return run.changed
    return f"run {index + 1}" if index is not None else "run"


def restore(experiment: Experiment, run: RunSpec) -> Experiment:
    """``experiment`` with the run's settings (drawn points and literal weights kept); no trained state."""
    out = experiment.model_copy(deep=True)
    s = run.settings
    out.data = s.data.model_copy(deep=True, update={"added": experiment.data.added,
                                                    "removed": experiment.data.removed})
    out.model = s.model.model_copy(deep=True)
    out.training = s.training.model_copy(deep=True)
    out.state = None
    return Experiment.model_validate(out.model_dump())


def _cell(value: float | None, digits: int = 4) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def runs_table(runs: Sequence[RunSpec]) -> str:
    """A plain-text table, one line per run: what `playground runs FILE` prints."""
    if not runs:
        return "no runs recorded"
    head = ["#", "run", "epochs", "steps", "time s", "train loss", "test loss", "train", "test", "device"]
    rows = []
    for i, r in enumerate(runs):
        metric = _METRIC_NAMES[r.metric]
        rows.append([str(i + 1) + ("*" if r.pinned else ""), label(r, i)[:48], str(r.epochs), str(r.steps),
                     f"{r.seconds:.1f}", _cell(r.final.get("train_loss")), _cell(r.final.get("test_loss")),
                     f"{metric} {_cell(r.final.get('train_metric'), 3)}",
                     f"{metric} {_cell(r.final.get('test_metric'), 3)}", r.device])
    widths = [max(len(row[i]) for row in [head, *rows]) for i in range(len(head))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip() for row in [head, *rows]]
    return "\n".join(lines)


CSV_HEADER = ("run", "name", "changed", "pinned", "metric", "epochs", "steps", "seconds", "device",
              "final_train_loss", "final_test_loss", "final_train_metric", "final_test_metric",
              "point", *RUN_COLUMNS)


def runs_csv(runs: Sequence[RunSpec]) -> str:
    """Long-form CSV: one row per recorded point of every run, with the run's summary repeated (tidy data
    for pandas or a spreadsheet's pivot); a run without points still has one row."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    for i, r in enumerate(runs):
        summary = [i + 1, r.name, r.changed, int(r.pinned), r.metric, r.epochs, r.steps, repr(r.seconds), r.device,
                   *(_csv_num(r.final.get(c)) for c in RUN_COLUMNS[1:])]
        n = len(r.history.get("epoch", []))
        for k in range(max(n, 1)):
            points = [_csv_num(r.history[c][k]) if k < n and c in r.history else "" for c in RUN_COLUMNS]
            writer.writerow([*summary, k if n else "", *points])
    return out.getvalue()


def _csv_num(value: float | None) -> str:
    return "" if value is None else repr(float(value))
