"""Experiment files: readable JSON, every validation error named, migration, atomic saves."""

from __future__ import annotations

import json
import os

import pytest

from playground.core import experiment_io
from playground.core.experiment_io import (
    ExperimentError,
    dumps,
    load_experiment,
    parse_experiment,
    save_experiment,
)
from playground.core.spec import Experiment

ISSUE_EXAMPLE = (
    '{"format": "torch-playground.experiment", "version": 1, "name": "Spiral", "data": {"kind": "spiral", '
    '"samples": 500, "noise": 0.1, "train_fraction": 0.5, "seed": 1}, "model": {"hidden": [{"units": 8, '
    '"activation": "tanh"}]}, "training": {"loss": "cross_entropy", "optimizer": {"name": "sgd", "lr": 0.03}, '
    '"batch_size": 10, "epochs": 200, "device": "auto", "seed": 0}, "state": null}'
)


def base() -> dict:
    return json.loads(ISSUE_EXAMPLE)


def test_the_documented_example_parses_with_its_values():
    exp = parse_experiment(ISSUE_EXAMPLE)
    assert exp.name == "Spiral" and exp.data.kind == "spiral" and exp.data.samples == 500
    assert exp.model.hidden[0].units == 8 and exp.training.optimizer.values()["lr"] == 0.03
    assert exp.state is None


def test_dumps_round_trips_and_is_indented_json():
    exp = parse_experiment(ISSUE_EXAMPLE)
    text = dumps(exp)
    assert text.startswith('{\n  "format": "torch-playground.experiment"')
    assert parse_experiment(text) == exp


def _bad(doc, *path_and_value):
    """Set a nested field, then return the ExperimentError message."""
    *path, value = path_and_value
    target = doc
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    with pytest.raises(ExperimentError) as info:
        experiment_io.experiment_from_dict(doc, "f.json")
    return str(info.value)


@pytest.mark.parametrize(
    ("path_and_value", "expected"),
    [
        (("data", "samples", 3), "data.samples: Input should be greater than or equal to 10 (got 3)"),
        (("data", "noise", 2), "data.noise: Input should be less than or equal to 1"),
        (("data", "train_fraction", 1.5), "data.train_fraction: Input should be less than or equal to 1"),
        (("data", "kind", "swirl"), "data.kind: Input should be"),
        (("data", "features", ["x1", "x3"]), "data.features: unknown feature 'x3'"),
        (("data", "features", []), "data.features: at least one input feature"),
        (("data", "classes", 3), "'classes' only applies to blobs, spiral_k"),
        (("data", "kind", "csv"), "kind 'csv' needs a 'csv' section"),
        (("data", "colour", "red"), "data.colour: Extra inputs are not permitted"),
        (("model", "hidden", [{"units": 0}]), "model.hidden[0].units: Input should be greater than or equal to 1"),
        (("model", "hidden", [{"units": 2000}]), "model.hidden[0].units: Input should be less than or equal to 1024"),
        (("model", "hidden", [{"units": 4}] * 33), "model.hidden: List should have at most 32 items"),
        (("model", "hidden", [{"activation": "swish"}]), "model.hidden[0].activation: unknown activation 'swish'"),
        (("model", "hidden", [{"dropout": 1.0}]), "model.hidden[0].dropout: Input should be less than 1"),
        (("model", "hidden", [{"norm": "group"}]), "model.hidden[0].norm: unknown norm 'group'"),
        (("model", "init", "orthogonal"), "model.init: unknown init 'orthogonal'"),
        (("training", "optimizer", {"name": "sgd", "beta1": 0.9}), "sgd has no hyper-parameter 'beta1'"),
        (("training", "optimizer", {"name": "sgd", "lr": -1}), "lr must be in (0, 10]"),
        (("training", "optimizer", {"name": "lbfgs"}), "training.optimizer.name: unknown optimizer 'lbfgs'"),
        (("training", "loss", "mse"), "training.loss 'mse' is for regression, but the data is classification"),
        (("training", "loss", "hinge"), "training.loss: unknown loss 'hinge'"),
        (("training", "batch_size", 0), "training.batch_size: Input should be greater than or equal to 1"),
        (("training", "dtype", "float16"), "training.dtype: Input should be 'float32' or 'float64'"),
        (("name", 5), "name: Input should be a valid string"),
    ],
)
def test_every_validation_error_names_the_field(path_and_value, expected):
    message = _bad(base(), *path_and_value)
    assert message.startswith("f.json is not a valid experiment:") or "f.json" in message
    assert expected in message


def test_bce_needs_two_classes():
    doc = base()
    doc["data"] = {"kind": "blobs", "classes": 3}
    doc["training"]["loss"] = "bce_with_logits"
    with pytest.raises(ExperimentError, match="'bce_with_logits' needs 2 classes, the data has 3"):
        experiment_io.experiment_from_dict(doc, "f.json")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("{not json", "not valid JSON (line 1, column 2"),
        ("[1, 2]", "expected a JSON object"),
        ('{"name": "x"}', "not a Torch Playground experiment"),
        ('{"format": "torch-playground.experiment", "version": "1"}', "version: must be a whole number"),
        ('{"format": "torch-playground.experiment", "version": 7}',
         "written by a newer Torch Playground (file version 7); this one reads versions up to 2"),
    ],
)
def test_malformed_files_are_refused_politely(text, expected):
    with pytest.raises(ExperimentError, match=None) as info:
        parse_experiment(text, "f.json")
    assert expected in str(info.value)


def test_version_0_is_migrated():
    doc = {"format": "torch-playground.experiment", "version": 0, "name": "old",
           "network": {"layers": [4, 3], "activation": "relu"}}
    exp = experiment_io.experiment_from_dict(doc)
    assert [(h.units, h.activation) for h in exp.model.hidden] == [(4, "relu"), (3, "relu")]
    assert exp.version == experiment_io.VERSION


def test_load_reports_missing_file_and_folder(tmp_path):
    with pytest.raises(ExperimentError, match="no such file"):
        load_experiment(tmp_path / "nope.json")
    with pytest.raises(ExperimentError, match="is a folder"):
        load_experiment(tmp_path)
    binary = tmp_path / "b.json"
    binary.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(ExperimentError, match="not a UTF-8 text file"):
        load_experiment(binary)


def test_save_is_atomic_a_failed_write_leaves_the_old_file(tmp_path, monkeypatch):
    path = tmp_path / "exp.json"
    save_experiment(Experiment(name="first"), path)

    def broken_replace(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError, match="disk full"):
        save_experiment(Experiment(name="second"), path)
    monkeypatch.undo()
    assert load_experiment(path).name == "first"
    assert [p.name for p in tmp_path.iterdir()] == ["exp.json"], "no temporary file is left behind"


def test_save_then_load_round_trips(tmp_path):
    exp = Experiment(name="Zhōngwén 中文", description="multi\nline")
    save_experiment(exp, tmp_path / "x.json")
    assert load_experiment(tmp_path / "x.json") == exp
    assert "中文" in (tmp_path / "x.json").read_text(encoding="utf-8")
