"""Huge values for every field of the experiment schema, found by walking the schema itself.

Shared by ``test_validation_gate`` (every field, every kind of huge value) and ``test_fuzz`` (the
"huge value in every field" family). A new field is attacked without anyone listing it here.
"""

from __future__ import annotations

import json
import types
import typing
from typing import Any

from pydantic import BaseModel

from playground.core.spec import Experiment

HUGE_TEXT: dict[str, str] = {
    "string": json.dumps("x" * 1_000_000),
    "list": "[" + ",".join(["0"] * 200_000) + "]",
    "strings": "[" + ",".join(['"ab"'] * 200_000) + "]",
    "object": "{" + ",".join(f'"k{i}": 0' for i in range(20_000)) + "}",
    "integer": "9" * 5_000,
    "long key": "{" + json.dumps("k" * 1_000_000) + ": 1}",
}
"""Raw JSON for each kind of huge value (an integer of 5,000 digits cannot even be written by ``json``)."""

MARK = "@@HUGE@@"


def rich_document() -> dict[str, Any]:
    """A document with every section filled, so every field has a place to put a huge value in."""
    return {
        "format": "torch-playground.experiment", "version": 1, "name": "rich", "description": "d",
        "data": {"kind": "csv", "samples": 100, "noise": 0.1, "train_fraction": 0.5, "seed": 1,
                 "features": ["x1", "x2"],
                 "csv": {"path": "d.csv", "target": "y", "task": "classification", "features": ["a", "b"],
                         "standardize": True, "mean": [0.0, 0.0], "std": [1.0, 1.0], "classes": ["p", "q"]},
                 "added": [{"x": [0.5, 0.5], "y": 1, "split": "train"}], "removed": [0]},
        "model": {"hidden": [{"units": 4, "activation": "tanh", "dropout": 0.0, "norm": "none"}],
                  "init": "default", "init_values": {"0.weight": [[0.0, 0.0]], "0.bias": [0.0]}},
        "training": {"loss": "cross_entropy", "reduction": "mean",
                     "optimizer": {"name": "adam", "lr": 0.01, "beta1": 0.9},
                     "batch_size": 10, "epochs": 5, "l1": 0.0, "l2": 0.0, "device": "cpu",
                     "dtype": "float32", "seed": 0},
        "view": {"hidden": ["code"], "show_test": False, "discretize": False, "log_loss": False, "grid": 50},
        "state": {"step": 1, "epoch": 0, "batch_cursor": 0, "tensors": "",
                  "optimizer_groups": [{"params": [0, 1], "lr": 0.01, "betas": [0.9, 0.999]}],
                  "optimizer_scalars": {"0.step": 1.0},
                  "history": {"stride": 1, "offered": 1, "columns": {"step": [1.0]}}, "seconds": 0.5},
    }


def _models(annotation: Any) -> list[tuple[type[BaseModel], tuple[Any, ...]]]:
    """The models inside a field's type, with the path step to reach one (``0`` in a list, a key in a dict)."""
    origin = typing.get_origin(annotation)
    if isinstance(annotation, type) and (issubclass(annotation, BaseModel)
                                         or hasattr(annotation, "__pydantic_fields__")):  # a pydantic dataclass
        return [(annotation, ())]
    if origin in (typing.Union, types.UnionType):
        return [m for arg in typing.get_args(annotation) for m in _models(arg)]
    if origin is typing.Annotated:
        return _models(typing.get_args(annotation)[0])
    if origin is list:
        return [(m, (0, *step)) for m, step in _models(typing.get_args(annotation)[0])]
    return []


def field_paths(model: type[BaseModel] = Experiment, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every field's path in the schema (lists entered at their first element), plus each extra key."""
    paths = []
    for name, field in model.__pydantic_fields__.items():
        path = (*prefix, name)
        paths.append(path)
        for sub, step in _models(field.annotation):
            paths += field_paths(sub, (*path, *step))
    config = getattr(model, "model_config", None) or getattr(model, "__pydantic_config__", {})
    if config.get("extra") == "allow":  # the optimizer's flat hyper-parameters
        paths.append((*prefix, "lr"))
    paths += [(*prefix, MARK)]  # an unknown key at this level: its name is the huge value
    return paths


PATHS = [*field_paths(), ("model", "init_values", "0.weight"), ("model", "init_values", "0.weight", 0),
         ("state", "optimizer_groups", 0, "params"), ("state", "optimizer_scalars", "0.step"),
         ("state", "history", "columns", "step")]


def with_huge(path: tuple[Any, ...], kind: str, doc: dict[str, Any] | None = None) -> str:
    """The document's text with the value at ``path`` (or, for ``MARK``, a new key) made huge."""
    doc = rich_document() if doc is None else doc
    node: Any = doc
    for part in path[:-1]:
        node = node.setdefault(part, {}) if isinstance(node, dict) else node[part]  # a section it lacks
    last = path[-1]
    if last == MARK:
        node["@@KEY@@"] = 1
        text = json.dumps(doc)
        key = json.dumps("k" * 1_000_000)
        return text.replace('"@@KEY@@"', key)
    node[last] = MARK
    return json.dumps(doc).replace(json.dumps(MARK), HUGE_TEXT[kind])


def largest_document() -> dict[str, Any]:
    """A document at every list, text and count limit at once (the trained-state blob aside): the most
    values, strings and containers an accepted file can hold, and the largest it saves into."""
    from playground.core import limits
    from playground.core.spec import (
        MAX_LAYERS,
        MAX_RUN_POINTS,
        MAX_RUNS,
        MAX_SCALARS,
        MAX_UNITS,
        RUN_COLUMNS,
        VIEW_PANELS,
    )

    tiny = -1.2345678901234567e-300  # the longest a float writes
    doc = rich_document()
    doc["name"], doc["description"] = "n" * limits.MAX_NAME, "\x01" * limits.MAX_TEXT
    csv = doc["data"]["csv"]
    csv["target"] = "t" * limits.MAX_COLUMN_NAME
    csv["features"] = [f"{i:04}" + "f" * (limits.MAX_COLUMN_NAME - 4) for i in range(limits.MAX_CSV_COLUMNS)]
    csv["mean"] = csv["std"] = [tiny] * limits.MAX_CSV_COLUMNS
    csv["classes"] = [f"{i:04}" + "c" * (limits.MAX_COLUMN_NAME - 4) for i in range(limits.MAX_CLASSES)]
    doc["data"]["added"] = [{"x": [tiny] * 2, "y": tiny, "split": "test"}] * limits.MAX_ADDED_POINTS
    doc["data"]["removed"] = [limits.MAX_STEP] * 200_000
    doc["view"]["hidden"] = list(VIEW_PANELS)
    rows = limits.MAX_PARAMETERS // MAX_UNITS // 32
    doc["model"]["init_values"] = {f"{i}.weight": [[tiny] * MAX_UNITS] * rows for i in range(32)}
    doc["model"]["hidden"] = [{"units": 4, "activation": "tanh", "dropout": 0.0, "norm": "none"}] * MAX_LAYERS
    state = doc["state"]
    state["history"]["columns"] = {f"column{i}": [tiny] * limits.MAX_HISTORY_ROWS for i in range(16)}
    state["optimizer_scalars"] = {f"{i}.step": tiny for i in range(MAX_SCALARS)}
    per_group = MAX_SCALARS // 16 - 3  # the indices, lr and the two betas: 4,096 values in all
    state["optimizer_groups"] = [{"params": list(range(per_group)), "lr": 0.01, "betas": [0.9, 0.999]}] * 16
    settings = {"data": {k: v for k, v in doc["data"].items() if k not in ("added", "removed")},
                "model": {k: v for k, v in doc["model"].items() if k != "init_values"},
                "training": doc["training"]}
    run = {"name": "n" * limits.MAX_NAME, "changed": "c" * limits.MAX_NAME, "device": "cpu",
           "final": {c: tiny for c in RUN_COLUMNS}, "history": {c: [tiny] * MAX_RUN_POINTS for c in RUN_COLUMNS},
           "settings": settings}
    doc["version"], doc["runs"] = 2, [run] * MAX_RUNS
    return doc
