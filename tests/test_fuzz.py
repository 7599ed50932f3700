"""Property-based attack on every input a user can hand the app: experiment files, trained state, CSVs.

Each mutant either loads, trains a step, draws a snapshot and survives a save/reload, or is refused
with the project's own one-line error (``PlaygroundError``). Anything else — an internal exception,
torch's own words, a multi-line message — fails the test. The normal run is derandomised (the same
1,000+ examples every time, ≈ 30 s); ``PLAYGROUND_FUZZ=long`` runs 20 times more, freshly random,
to hunt for new cases, which then become fixed tests in ``test_validation_gate.py``.
"""

from __future__ import annotations

import base64
import contextlib
import json
import math
import os
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import torch
from hostile import HUGE_TEXT, MARK
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from safetensors.torch import save as st_save

from playground.core.data import import_csv, inspect_csv
from playground.core.engine import Engine
from playground.core.errors import PlaygroundError
from playground.core.experiment_io import dumps, parse_experiment
from playground.core.registry import ACTIVATIONS, INITS, LOSSES, NORMS, OPTIMIZERS
from playground.core.resources import data_dir, example_files, examples_dir
from playground.core.spec import DataSpec, Experiment, LayerSpec, ModelSpec, OptimizerSpec, TrainingSpec
from playground.core.state import decode_tensors

LONG = os.environ.get("PLAYGROUND_FUZZ") == "long"
SCALE = 20 if LONG else 1
EXAMPLES = {"experiments": 450, "states": 350, "csv": 250, "huge": 60}
"""Examples per property in the normal run: 1,110 in all."""


def fuzz_settings(n: int) -> settings:
    return settings(max_examples=n * SCALE, deadline=None, derandomize=not LONG, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                           HealthCheck.filter_too_much])


def exercise(text: str, base_dir: Path) -> str:
    """Load as the CLI and the app do, train a step, draw, save and reload; ``refused`` or ``trained``."""
    try:
        engine = Engine(parse_experiment(text, "fuzz.json"), base_dir=base_dir)
        engine.train_step()
        engine.snapshot(resolution=12)
        again = Engine(parse_experiment(dumps(engine.experiment()), "again.json"), base_dir=base_dir)
        again.train_step()
        assert again.step == engine.step + 1
    except PlaygroundError as exc:
        assert "\n" not in str(exc), f"a message spans lines: {exc!r}"
        return "refused"
    return "trained"


# ---------------------------------------------------------------------------- JSON mutations
KNOWN_STRINGS = ["", "\x00", "auto", "cpu", "cuda:0", "csv", "spiral", "blobs", "sine", "x1", "x3", "train", "test",
                 "../data/penguins_like.csv", "/dev/zero", "species", *ACTIVATIONS.keys(), *LOSSES.keys(),
                 *OPTIMIZERS.keys(), *INITS.keys(), *NORMS.keys(), "float64", "float16", "0.weight", "2.bias"]
KNOWN_KEYS = ["units", "activation", "norm", "dropout", "lr", "momentum", "nesterov", "beta1", "betas", "eps",
              "samples", "noise", "classes", "kind", "csv", "added", "removed", "step", "epoch", "batch_cursor",
              "tensors", "params", "hidden", "init_values", "features", "loss", "device", "seed", "x", "y"]
SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(-3, 12), st.integers(),
    st.sampled_from([2**31, 2**63, 10**20, 10**400, -(10**400), 200_000, 1024, 33]),
    st.floats(), st.sampled_from([0.0, -0.0, 1e-320, 1e308, 0.5, 0.999999, 1.0, 1e4, 1e-12, 10.0]),
    st.text(max_size=8), st.sampled_from(KNOWN_STRINGS),
)
VALUES = st.recursive(
    SCALARS, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
        st.sampled_from(KNOWN_KEYS) | st.text(max_size=4), inner, max_size=4), max_leaves=8)


def paths(doc: Any, prefix: tuple = ()) -> list[tuple]:
    out = [prefix]
    stack = [(doc, prefix)]
    while stack:
        node, path = stack.pop()
        items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
        for key, value in items:
            if key == "tensors":
                continue  # the weights blob has its own property below
            out.append((*path, key))
            stack.append((value, (*path, key)))
    return out


def get(doc: Any, path: tuple) -> Any:
    for key in path:
        doc = doc[key]
    return doc


@st.composite
def mutated_doc(draw: st.DrawFn, doc: dict) -> dict:
    doc = json.loads(json.dumps(doc))
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(paths(doc)))
        if not path:
            continue
        parent, key = get(doc, path[:-1]), path[-1]
        action = draw(st.sampled_from(["replace", "replace", "delete", "add", "nudge", "nest", "copy"]))
        if action == "replace":
            parent[key] = draw(VALUES)
        elif action == "delete":
            del parent[key]
        elif action == "add" and isinstance(parent[key], dict):
            parent[key][draw(st.sampled_from(KNOWN_KEYS))] = draw(VALUES)
        elif action == "add" and isinstance(parent[key], list):
            parent[key].append(draw(VALUES) if not parent[key] else parent[key][0])
        elif action == "nudge" and isinstance(parent[key], (int, float)) and not isinstance(parent[key], bool):
            factor = draw(st.sampled_from([-1, 0, 2, 10, 1000, 0.5, 1e-9, 1e9]))
            with contextlib.suppress(OverflowError):  # a 400-digit integer times a float: keep it as it is
                parent[key] = parent[key] * factor + draw(st.sampled_from([0, 1, -1]))
        elif action == "nest":
            parent[key] = [parent[key]] if draw(st.booleans()) else {"x": parent[key]}
        elif action == "copy":
            parent[key] = json.loads(json.dumps(get(doc, draw(st.sampled_from(paths(doc))))))
        if draw(st.integers(0, 9)) == 0:
            break
    return doc


@st.composite
def mutated_text(draw: st.DrawFn, text: str) -> str:
    """Text-level damage: truncation, stray characters, non-standard constants, deep nesting."""
    action = draw(st.sampled_from(["truncate", "insert", "wrap", "constant"]))
    at = draw(st.integers(0, len(text)))
    if action == "truncate":
        return text[:at]
    if action == "insert":
        return text[:at] + draw(st.sampled_from(["{", "}", "[", "]", ",", '"', ":", "\\", "\x00", "\ufffd", "NaN",
                                                 "-Infinity", "1e400", "9" * 5000, "\n", "//"])) + text[at:]
    if action == "wrap":
        depth = draw(st.sampled_from([2, 33, 1000, 50_000]))
        return "[" * depth + text + "]" * depth
    return text.replace("0.", draw(st.sampled_from(["NaN", "Infinity", "1e400", "-0."])), 1)


@cache
def trained_docs() -> list[dict]:
    """Trained experiments of several optimizers, norms and dtypes, stopped mid-epoch."""
    setups = [
        ("adam", {}, "none", "float32", 0.0),
        ("sgd", {"momentum": 0.9, "nesterov": True}, "batch", "float32", 0.0),
        ("rmsprop", {"momentum": 0.5, "centered": True}, "layer", "float64", 0.2),
        ("adagrad", {}, "none", "float32", 0),
        ("adamw", {}, "batch", "float64", 0.1),
        ("sgd", {}, "none", "float32", 0.0),
    ]
    docs = []
    for i, (name, opt, norm, dtype, dropout) in enumerate(setups):
        exp = Experiment(data=DataSpec(kind=["circle", "xor", "blobs", "sine", "moons", "plane"][i], samples=60,
                                       classes=3 if i == 2 else None),
                         model=ModelSpec(hidden=[LayerSpec(units=5, norm=norm, dropout=dropout)] * 2),
                         training=TrainingSpec(optimizer=OptimizerSpec(name=name, **opt), batch_size=7, dtype=dtype))
        engine = Engine(exp)
        for _ in range(6):
            engine.train_step()
        docs.append(json.loads(dumps(engine.experiment())))
    return docs


@cache
def seed_docs() -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in example_files()] + trained_docs()


@fuzz_settings(EXAMPLES["experiments"])
@given(st.data())
def test_mutated_experiment_files_load_and_train_or_are_refused(data):
    doc = data.draw(st.sampled_from(seed_docs()))
    if data.draw(st.integers(0, 4)) == 0:
        text = data.draw(mutated_text(dumps(parse_experiment(json.dumps(doc)))))
    else:
        text = json.dumps(data.draw(mutated_doc(doc)), allow_nan=True)
    exercise(text, examples_dir())


# ---------------------------------------------------------------------------- a huge value in every field
@fuzz_settings(EXAMPLES["huge"])
@given(st.data())
def test_a_huge_value_in_any_field_is_refused_short_or_trains(data):
    """Issue 17 #4/#5: a megabyte string, 200,000-element lists, 20,000 keys or 5,000 digits anywhere.

    Each is refused with one line that quotes at most 60 characters of it (or, where it fits, trains)."""
    doc = json.loads(json.dumps(data.draw(st.sampled_from(seed_docs()))))
    path = data.draw(st.sampled_from([p for p in paths(doc) if p]))
    kind = data.draw(st.sampled_from(sorted(HUGE_TEXT)))
    get(doc, path[:-1])[path[-1]] = MARK
    text = json.dumps(doc).replace(json.dumps(MARK), HUGE_TEXT[kind])
    if exercise(text, examples_dir()) == "refused":
        try:
            Engine(parse_experiment(text, "fuzz.json"), base_dir=examples_dir())
        except PlaygroundError as exc:
            message = str(exc)
            assert len(message) <= 400 and "x" * 61 not in message and "k" * 61 not in message, message[:200]


# ---------------------------------------------------------------------------- trained-state blobs
DTYPES = [torch.float16, torch.bfloat16, torch.float32, torch.float64, torch.int32, torch.int64, torch.uint8,
          torch.bool]


@st.composite
def mutated_tensors(draw: st.DrawFn, tensors: dict[str, torch.Tensor]) -> dict[str, torch.Tensor]:
    tensors = {k: v.clone() for k, v in tensors.items()}
    for _ in range(draw(st.integers(1, 3))):
        key = draw(st.sampled_from(sorted(tensors)))
        value = tensors[key]
        action = draw(st.sampled_from(["drop", "rename", "dtype", "shape", "values", "swap", "scalar", "extra"]))
        if action == "drop":
            del tensors[key]
        elif action == "rename":
            tensors[draw(st.sampled_from(["optim.0.step", "optim.99.exp_avg", "model.9.weight", "rng.cuda", "x",
                                          "optim.0", "optim.a.b", "perm.", "model."]))] = tensors.pop(key)
        elif action == "dtype":
            tensors[key] = value.to(draw(st.sampled_from(DTYPES)))
        elif action == "shape":
            flat = value.reshape(-1)
            size = draw(st.sampled_from([0, 1, max(flat.numel() - 1, 0), flat.numel() + 1, 2 * flat.numel()]))
            tensors[key] = torch.cat([flat, flat, flat])[:size] if flat.numel() else torch.zeros(size)
        elif action == "values" and value.numel():
            fill = draw(st.sampled_from([math.nan, math.inf, -1.0, 1e30, 0.0, 255, 7]))
            flat = value.reshape(-1).clone()
            flat[draw(st.integers(0, flat.numel() - 1))] = fill if value.is_floating_point() else int(
                fill if math.isfinite(fill) else 3) % 256
            tensors[key] = flat.reshape(value.shape)
        elif action == "swap":
            other = draw(st.sampled_from(sorted(tensors)))
            tensors[key], tensors[other] = tensors[other], value
        elif action == "scalar":
            tensors[key] = torch.tensor(draw(st.sampled_from([0, 1, -1, 2**40])))
        elif action == "extra":
            tensors[f"optim.{draw(st.integers(0, 5))}.{draw(st.sampled_from(['step', 'sum', 'exp_avg', 'z']))}"] = (
                torch.zeros(draw(st.sampled_from([(), (5,), (5, 2)]))))
    return tensors


@fuzz_settings(EXAMPLES["states"])
@given(st.data())
def test_mutated_trained_state_loads_and_trains_or_is_refused(data):
    doc = json.loads(json.dumps(data.draw(st.sampled_from(trained_docs()))))
    kind = data.draw(st.sampled_from(["tensors", "tensors", "tensors", "bytes", "fields"]))
    if kind == "tensors":
        tensors = data.draw(mutated_tensors(decode_tensors(doc["state"]["tensors"])))
        doc["state"]["tensors"] = base64.b64encode(st_save({k: v.contiguous() for k, v in tensors.items()})).decode()
    elif kind == "bytes":
        raw = bytearray(base64.b64decode(doc["state"]["tensors"]))
        for _ in range(data.draw(st.integers(1, 4))):
            raw[data.draw(st.integers(0, min(len(raw) - 1, 400)))] = data.draw(st.integers(0, 255))
        doc["state"]["tensors"] = base64.b64encode(bytes(raw)).decode()
    else:
        state = data.draw(mutated_doc({k: v for k, v in doc["state"].items() if k != "tensors"}))
        doc["state"] = {**state, "tensors": doc["state"]["tensors"]} if isinstance(state, dict) else state
    exercise(json.dumps(doc, allow_nan=True), examples_dir())


# ---------------------------------------------------------------------------- CSV files
BASE_CSV = (data_dir() / "penguins_like.csv").read_text(encoding="utf-8")
CSV_TOKENS = [",", ";", "\t", '"', "\n", "\r\n", "\r", "nan", "inf", "-", "", "1e400", "\ufeff", "\x00", "Adelie",
              "é", " ", "species", "1,5", '"a,b"', "\n\n", "9" * 400]


@st.composite
def mutated_csv(draw: st.DrawFn) -> bytes:
    lines = BASE_CSV.splitlines()[: draw(st.sampled_from([2, 3, 12, 40, 301]))]
    text = "\n".join(lines) + "\n"
    for _ in range(draw(st.integers(1, 4))):
        action = draw(st.sampled_from(["insert", "delete", "line", "header", "cell", "column"]))
        at = draw(st.integers(0, len(text)))
        if action == "insert":
            text = text[:at] + draw(st.sampled_from(CSV_TOKENS)) + text[at:]
        elif action == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 20)):]
        elif action == "line":
            rows = text.split("\n")
            i = draw(st.integers(0, len(rows) - 1))
            rows.insert(i, rows[i]) if draw(st.booleans()) else rows.pop(i)
            text = "\n".join(rows)
        elif action == "header":
            rows = text.split("\n")
            names = rows[0].split(",")
            names[draw(st.integers(0, len(names) - 1))] = draw(st.sampled_from(["species", "", "bill_length_mm",
                                                                                "x", "\ufeffspecies"]))
            text = "\n".join([",".join(names), *rows[1:]])
        elif action == "cell":
            text = text.replace(draw(st.sampled_from(["Adelie", "Gentoo", "39.1", ",4", "18"])),
                                draw(st.sampled_from(CSV_TOKENS)), draw(st.integers(1, 3)))
        else:
            text = text.replace("\n", ",1\n", draw(st.integers(1, 50)))
    raw = text.encode("utf-8")
    if draw(st.integers(0, 9)) == 0:
        at = draw(st.integers(0, len(raw)))
        raw = raw[:at] + bytes([draw(st.integers(0x80, 0xff))]) + raw[at:]
    return raw


@pytest.fixture(scope="module")
def csv_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz_csv")


@fuzz_settings(EXAMPLES["csv"])
@given(data=st.data())
def test_mutated_csv_files_load_and_train_or_are_refused(data, csv_folder):
    path = csv_folder / "d.csv"
    path.write_bytes(data.draw(mutated_csv()))
    target = data.draw(st.sampled_from(["species", "species", "species", "body_mass_g", "island", "nope"]))
    standardize = data.draw(st.booleans())
    try:
        inspect_csv(path)
        csv = import_csv(path, target, standardize=standardize)
    except PlaygroundError as exc:
        assert "\n" not in str(exc)
        return
    exp = Experiment(data=DataSpec(kind="csv", csv=csv, train_fraction=0.7),
                     model=ModelSpec(hidden=[LayerSpec(units=4)]), training=TrainingSpec(batch_size=8))
    exercise(dumps(exp), csv_folder)
    path.write_bytes(data.draw(mutated_csv()))  # the file changed after the import: refused or still fine
    exercise(dumps(exp), csv_folder)
