"""Read and write experiment files: validated JSON, migrated from older versions, saved atomically."""

from __future__ import annotations

import contextlib
import json
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from playground.core.errors import ExperimentError, one_line, quote, quote_path
from playground.core.jsoncheck import check_tree, location, parse_json
from playground.core.limits import MAX_FILE_BYTES, MIB
from playground.core.savefile import atomic_write
from playground.core.spec import FORMAT, VERSION, Experiment
from playground.core.textfile import read_text

__all__ = ["ExperimentError", "atomic_write", "dumps", "experiment_from_dict", "format_validation_error",
           "load_experiment", "parse_experiment", "rebase_paths", "save_experiment"]


def _migrate_0_to_1(doc: dict[str, Any]) -> dict[str, Any]:
    """Version 0 (pre-release drafts) stored ``network: {layers: [8, 8], activation}``."""
    network = doc.pop("network", None)
    if network is not None:
        if not isinstance(network, dict):
            raise ExperimentError("network: expected an object with 'layers' and 'activation' (version 0)")
        unknown = sorted(set(network) - {"layers", "activation"})
        if unknown:
            raise ExperimentError(f"{location(('network', unknown[0]))}: unknown field (version 0 has 'layers' "
                                  f"and 'activation')")
        layers = network.get("layers", [])
        if not isinstance(layers, list):
            raise ExperimentError(f"network.layers: expected a list of widths like [8, 8], got {quote(layers)}")
        if "model" in doc:
            raise ExperimentError("network: a version-0 file has 'network' or 'model', not both")
        act = network.get("activation", "tanh")
        doc["model"] = {"hidden": [{"units": u, "activation": act} for u in layers]}
    doc["version"] = 1
    return doc


def _migrate_1_to_2(doc: dict[str, Any]) -> dict[str, Any]:
    """Version 2 added ``runs``; a version-1 file has none (a ``runs`` key there is unknown)."""
    if "runs" in doc:
        raise ExperimentError("runs: unknown field in a version-1 file (runs came with version 2)")
    doc["version"] = 2
    return doc


MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {0: _migrate_0_to_1, 1: _migrate_1_to_2}


_UNION_TAG = re.compile(r"function-.*|(list|dict|tuple)\[.*\]|float|int|str|bool")
"""Parts of a pydantic location that name a validator or a union member, not a field."""


def format_validation_error(exc: ValidationError, limit: int = 3) -> str:
    """Problems on one line: ``data.samples: Input should be greater than or equal to 10 (got 3); …``.

    A union's members each refuse the same value; their complaints become one (``Input should be a
    valid list or a valid number``), quoting the value once.
    """
    by_field: dict[tuple[Any, ...], list[Any]] = {}
    for err in exc.errors(include_url=False):
        key = tuple(p for p in err["loc"] if not _UNION_TAG.fullmatch(str(p)))
        by_field.setdefault(key, []).append(err)
    parts = []
    for key, errs in list(by_field.items())[:limit]:
        err = errs[0]
        msgs = list(dict.fromkeys(e["msg"].removeprefix("Value error, ") for e in errs))
        msg = msgs[0]
        if len(msgs) > 1 and all(m.startswith("Input should be ") for m in msgs):
            kinds = list(dict.fromkeys(m.removeprefix("Input should be ").split(",")[0] for m in msgs))
            msg = "Input should be " + " or ".join(kinds[:4])
        got = err.get("input")
        shown = "" if isinstance(got, (dict, list)) or err["type"] == "missing" else f" (got {quote(got)})"
        parts.append(f"{location(key)}: {msg}{shown}" if err["loc"] else msg)  # rules across fields name theirs
    more = len(by_field) - limit
    if more > 0:
        parts.append(f"and {more} more problem{'s' if more > 1 else ''}")
    return one_line("; ".join(parts))


def experiment_from_dict(doc: Any, source: str = "experiment") -> Experiment:
    """Validate a parsed document (migrating older versions); every problem is an ``ExperimentError``."""
    if not isinstance(doc, dict):
        raise ExperimentError(f"{source}: expected a JSON object at the top level")
    if doc.get("format") != FORMAT:
        raise ExperimentError(
            f"{source}: not a Torch Playground experiment (the 'format' field must be {quote(FORMAT)})")
    version = doc.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 0:
        raise ExperimentError(f"{source}: version: must be a whole number, got {quote(version)}")
    if version > VERSION:
        raise ExperimentError(
            f"{source} was written by a newer Torch Playground (file version {version}); this one "
            f"reads versions up to {VERSION}. Please update Torch Playground to open it.")
    check_tree(doc, source)  # documents built in code get the same depth and finiteness checks as files
    while version < VERSION:
        try:
            doc = MIGRATIONS[version](dict(doc))
        except ExperimentError as exc:
            raise ExperimentError(f"{source}: {exc}") from None
        version = doc["version"]
    try:
        return Experiment.model_validate(doc)
    except ValidationError as exc:
        raise ExperimentError(f"{source} is not a valid experiment: {format_validation_error(exc)}") from None
    except RecursionError:  # belt and braces: check_tree already bounds the depth
        raise ExperimentError(f"{source}: nested too deeply") from None


def parse_experiment(text: str, source: str = "experiment") -> Experiment:
    """Text → experiment through the JSON gate (standard JSON, size and depth limits) and the schema."""
    return experiment_from_dict(parse_json(text, source), source)


def load_experiment(path: str | os.PathLike[str]) -> Experiment:
    source = quote_path(Path(path))
    # the text is dropped once parsed, before the schema builds the experiment: one copy fewer at the peak
    doc = parse_json(read_text(path, ExperimentError, "an experiment file", max_bytes=MAX_FILE_BYTES), source)
    return experiment_from_dict(doc, source)


def _pretty(value: Any, indent: str = "") -> str:
    """Indented JSON that keeps short lists and flat objects on one line, so files read like the docs."""
    flat = json.dumps(value, ensure_ascii=False, allow_nan=False)
    scalars = all(not isinstance(v, (dict, list)) for v in
                  (value.values() if isinstance(value, dict) else value if isinstance(value, list) else []))
    if not isinstance(value, (dict, list)) or (scalars and len(flat) + len(indent) <= 100) or not value:
        return flat
    inner = indent + "  "
    if isinstance(value, list):
        items = [inner + _pretty(v, inner) for v in value]
        return "[\n" + ",\n".join(items) + "\n" + indent + "]"
    items = [f"{inner}{json.dumps(k, ensure_ascii=False)}: {_pretty(v, inner)}" for k, v in value.items()]
    return "{\n" + ",\n".join(items) + "\n" + indent + "}"


def dumps(experiment: Experiment) -> str:
    """Standard JSON only: a NaN or infinity anywhere is refused naming the field, never written."""
    doc = experiment.model_dump(mode="json", exclude_none=False)
    check_tree(doc, "cannot save the experiment")
    text = _pretty(doc) + "\n"
    if len(text) > MAX_FILE_BYTES // 4:  # the indentation could matter: count bytes, go compact if needed
        size = len(text.encode("utf-8"))
        if size > MAX_FILE_BYTES:
            text = json.dumps(doc, ensure_ascii=False, allow_nan=False, separators=(",", ":")) + "\n"
            size = len(text.encode("utf-8"))
        if size > MAX_FILE_BYTES:  # never write a file that would not open again
            raise ExperimentError(f"cannot save the experiment: it would take {size / MIB:,.0f} MiB, more "
                                  f"than the {MAX_FILE_BYTES // MIB} MiB an experiment file may have")
    return text


def rebase_paths(experiment: Experiment, from_dir: Path | None, to_dir: Path | None = None) -> Experiment:
    """The experiment with its CSV path valid from ``to_dir`` instead of ``from_dir``.

    A relative path is first resolved against ``from_dir`` (the current folder when ``None``). It is
    then written relative to ``to_dir`` when the data lies below that folder, so an experiment and its
    data can be moved together. Otherwise, or when ``to_dir`` is ``None``, it is written absolute.
    Saving to another folder therefore never breaks the link to the data.
    """
    csv = experiment.data.csv
    if csv is None:
        return experiment
    path = Path(csv.path)
    if not path.is_absolute():
        path = (from_dir or Path.cwd()) / path
    path = path.resolve()
    text = str(path)
    if to_dir is not None:
        with contextlib.suppress(ValueError):  # not below the experiment's folder: keep it absolute
            text = path.relative_to(Path(to_dir).resolve()).as_posix()
    out = experiment.model_copy(deep=True)
    out.data.csv = csv.model_copy(update={"path": text})
    return out


def save_experiment(experiment: Experiment, path: str | os.PathLike[str], from_dir: Path | None = None) -> None:
    """Write atomically. ``from_dir``: the folder the experiment's relative CSV path is relative to now
    (the file it was opened from); the path is rewritten to stay valid from the new file's folder."""
    if from_dir is not None:
        experiment = rebase_paths(experiment, from_dir, Path(path).resolve().parent)
    atomic_write(path, dumps(experiment))
