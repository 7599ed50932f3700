"""The validation gate: each fault the issue's attack found, fixed as a regression test.

Every case either loads and trains a step, or is refused with the project's own one-line error that
names the field — never an internal exception, a hang or torch's own words at the first step.
"""

from __future__ import annotations

import base64
import json
import struct

import pytest
import torch
from safetensors.torch import save as st_save

from playground.core import limits
from playground.core.engine import Engine
from playground.core.errors import ExperimentError, PlaygroundError
from playground.core.experiment_io import dumps, experiment_from_dict, load_experiment, parse_experiment
from playground.core.spec import DataSpec, Experiment, LayerSpec, ModelSpec, OptimizerSpec, TrainingSpec
from playground.core.state import StateError, decode_tensors, encode_tensors


def small(optimizer: str = "adam", norm: str = "none", **opt) -> Experiment:
    return Experiment(data=DataSpec(kind="circle", samples=40),
                      model=ModelSpec(hidden=[LayerSpec(units=4, norm=norm)]),
                      training=TrainingSpec(optimizer=OptimizerSpec(name=optimizer, **opt), batch_size=8,
                                            device="cpu"))


def trained(optimizer: str = "adam", steps: int = 2, **opt) -> dict:
    """A trained experiment as the JSON document a file holds (mid-epoch, so it has a batch order)."""
    engine = Engine(small(optimizer, **opt))
    for _ in range(steps):
        engine.train_step()
    return json.loads(dumps(engine.experiment()))


def with_tensors(doc: dict, change) -> dict:
    tensors = decode_tensors(doc["state"]["tensors"])
    change(tensors)
    doc["state"]["tensors"] = encode_tensors(tensors)
    return doc


def refused(doc: dict, match: str, error: type[Exception] = PlaygroundError) -> str:
    with pytest.raises(error, match=match) as info:
        Engine(experiment_from_dict(doc, "f.json"))
    message = str(info.value)
    assert "\n" not in message
    return message


def trains(doc: dict) -> Engine:
    engine = Engine(experiment_from_dict(doc, "f.json"))
    engine.train_step()
    return engine


# ---------------------------------------------------------------------------- JSON and schema
@pytest.mark.parametrize(("text", "match"), [
    ("[" * 100_000 + "]" * 100_000, "nested more than 32 levels deep"),
    ('{"format": "torch-playground.experiment", "version": 1, "description": ' + "[" * 40 + "]" * 40 + "}",
     r"description\[0\]\[0\].*nested more than 32 levels"),
    ('{"format": "torch-playground.experiment", "version": 1, "data": {"noise": NaN}}', "NaN is not standard JSON"),
    ('{"format": "torch-playground.experiment", "version": 1, "data": {"noise": 1e400}}',
     "data.noise: inf is not a finite number"),
    ('{"format": "torch-playground.experiment", "version": 1, "data": {"seed": 1' + "0" * 5000 + "}}",
     "not valid JSON"),
    ('{"format": "torch-playground.experiment", "version": 0, "network": {"layers": 5}}',
     "network.layers: expected a list of widths"),
    ('{"format": "torch-playground.experiment", "version": 0, "network": [8, 8]}', "network: expected an object"),
    ('{"format": "torch-playground.experiment", "version": 0, "network": {"layers": [8], "units": 3}}',
     "network.units: unknown field"),
    ('{"format": "torch-playground.experiment", "version": 1, "state": {"step": 1' + "0" * 400 + ', "tensors": ""}}',
     "state.step: Input should be less than or equal to"),
    ('{"format": "torch-playground.experiment", "version": 1, "training": {"device": "gpu"}}',
     "training.device: unknown device 'gpu'"),
    ('{"format": "torch-playground.experiment", "version": 1, "data": {"kind": "csv", "csv": '
     '{"path": "a\\u0000b.csv", "target": "y"}}}', "data.csv.path: a file name cannot contain a NUL"),
    ('{"format": "torch-playground.experiment", "version": 1, "model": {"hidden": [{"norm": "batch"}]}, '
     '"training": {"batch_size": 1}}', "training.batch_size: BatchNorm .* needs batches of at least 2"),
    ('{"format": "torch-playground.experiment", "version": 1, "model": {"hidden": '
     + json.dumps([{"units": 1024}] * 3) + "}}", "model: 2,104,322 parameters is more than the 2,000,000 allowed"),
])
def test_bad_text_is_refused_in_one_line_naming_the_field(text, match):
    with pytest.raises(ExperimentError, match=match) as info:
        parse_experiment(text, "f.json")
    assert "\n" not in str(info.value) and str(info.value).startswith("f.json")


def test_validation_messages_are_one_line_without_urls():
    doc = {"format": "torch-playground.experiment", "version": 1,
           "data": {"samples": 3, "noise": 2, "seed": -1, "kind": "swirl"}}
    with pytest.raises(ExperimentError) as info:
        experiment_from_dict(doc, "f.json")
    message = str(info.value)
    assert "\n" not in message and "http" not in message and "and 1 more problem" in message


def test_huge_bad_values_are_quoted_short():
    doc = {"format": "torch-playground.experiment", "version": 1, "name": "x" * 1_000_000}
    with pytest.raises(ExperimentError) as info:
        experiment_from_dict(doc, "f.json")
    message = str(info.value)
    assert len(message) < 300 and "name: String should have at most 200 characters" in message


@pytest.mark.parametrize(("path", "match"), [
    (("training", "optimizer", "lr"), "training.optimizer: lr must be a number, got an integer of 401 digits"),
    (("data", "removed"), r"data.removed\[0\]: Input should be less than or equal to"),
    (("model", "init_values"), r"model.init_values.0.bias\[0\]: Input should be a valid number"),
])
def test_integers_beyond_any_float_are_refused(path, match):
    """Found by the fuzzer: ``10**400`` where a float goes raised OverflowError."""
    doc = json.loads(dumps(small()))
    value = {"removed": [10**400], "init_values": {"0.bias": [10**400] * 4}}.get(path[-1], 10**400)
    doc[path[0]][path[1]] = value if len(path) == 2 else {**doc[path[0]][path[1]], path[2]: value}
    refused(doc, match)


def test_negative_zero_noise_trains():
    """Found by the fuzzer: ``"noise": -0.0`` passed ``≥ 0`` and numpy refused it as a scale."""
    doc = json.loads(dumps(Experiment(data=DataSpec(kind="moons", samples=40))))
    doc["data"]["noise"] = -0.0
    assert trains(doc).step == 1


def test_nesterov_with_zero_momentum_loads_and_trains():
    """The GUI can tick Nesterov with momentum 0; torch refuses that pair, so it is plain SGD."""
    doc = json.loads(dumps(small("sgd", nesterov=True, momentum=0.0)))
    trains(doc)
    doc = trained("sgd", nesterov=True, momentum=0.0)
    assert trains(doc).step == 3


def test_file_size_and_device_files_are_refused(tmp_path, monkeypatch):
    with pytest.raises(ExperimentError, match="is a device, pipe or socket"):
        load_experiment("/dev/zero")
    path = tmp_path / "big.json"
    path.write_text(dumps(Experiment()))
    monkeypatch.setattr("playground.core.experiment_io.MAX_FILE_BYTES", 100)
    with pytest.raises(ExperimentError, match=r"is larger than the 100 bytes allowed for an experiment file"):
        load_experiment(path)


def test_too_many_values_are_refused_before_parsing(monkeypatch):
    monkeypatch.setattr("playground.core.jsoncheck.MAX_JSON_VALUES", 10)
    with pytest.raises(ExperimentError, match="holds more than 10 values"):
        parse_experiment('{"a": [' + ",".join(["1"] * 20) + "]}", "f.json")


def test_parameter_count_arithmetic_matches_the_built_model():
    from playground.core.model import parameter_count

    for widths, norms, d_in, d_out in [([8, 8], ["none", "batch"], 2, 3), ([], [], 5, 1), ([7], ["layer"], 1, 1)]:
        spec = ModelSpec(hidden=[LayerSpec(units=w, norm=n) for w, n in zip(widths, norms)])
        assert limits.count_parameters(widths, norms, d_in, d_out) == parameter_count(spec, d_in, d_out)


# ---------------------------------------------------------------------------- data against the model
def test_csv_data_that_does_not_fit_the_loss_is_named(tmp_path):
    csv = tmp_path / "d.csv"
    csv.write_text("a,y\n" + "".join(f"{i},{i * 0.37}\n" for i in range(20)))
    doc = json.loads(dumps(Experiment(data=DataSpec(kind="csv", csv={"path": str(csv), "target": "y"}))))
    doc["training"]["loss"] = "cross_entropy"  # the task is inferred from the file: regression
    refused(doc, r"training.loss: 'cross_entropy' is for classification, but the data \(.*d.csv\) is regression")
    three = tmp_path / "c.csv"
    three.write_text("a,y\n" + "".join(f"{i},{'abc'[i % 3]}\n" for i in range(30)))
    doc["data"]["csv"] = {"path": str(three), "target": "y"}
    doc["training"]["loss"] = "bce_with_logits"
    refused(doc, "training.loss: 'bce_with_logits' needs 2 classes, the data .* has 3")


def test_an_empty_training_split_and_an_absent_device_are_named():
    doc = json.loads(dumps(Experiment(data=DataSpec(samples=10, removed=[0, 1, 2, 3, 4]))))
    refused(doc, "data: the training split is empty")
    doc = json.loads(dumps(Experiment(training=TrainingSpec(device="cuda:7"))))
    refused(doc, r"training.device: 'cuda:7' is not available here \(available: auto, cpu")


def test_init_values_are_checked_before_building():
    doc = json.loads(dumps(small()))
    doc["model"]["init_values"] = {"0.weight": [[1.0, 2.0]]}
    refused(doc, r"model.init_values.0.weight: shape \[1, 2\] does not match the parameter's \[4, 2\]")
    doc["model"]["init_values"] = {"0.weight": [[1.0, 2.0], [3.0]]}
    refused(doc, "model.init_values.0.weight: not a rectangular array")
    doc["model"]["init_values"] = {"9.bias": 1.0}
    refused(doc, "model.init_values.9.bias: no such parameter")


# ---------------------------------------------------------------------------- trained state
def test_a_trained_file_round_trips_and_continues():
    assert trains(trained("adam")).step == 3
    for name, opt in [("sgd", {"momentum": 0.9}), ("rmsprop", {"momentum": 0.5, "centered": True}),
                      ("adagrad", {}), ("adamw", {})]:
        assert trains(trained(name, **opt)).step == 3


@pytest.mark.parametrize(("change", "match"), [
    (lambda t: t.update({"rng.torch": t["rng.torch"][:100]}), r"'rng.torch' must be 5056 bytes"),
    (lambda t: t.update({"rng.shuffle": t["rng.shuffle"].to(torch.int32)}), r"'rng.shuffle' must be 5056 bytes"),
    (lambda t: t.update({"rng.torch": torch.randint(0, 255, (5056,), dtype=torch.uint8)}),
     "'rng.torch' is not a valid random-generator state"),
    (lambda t: t.update({"perm": torch.zeros_like(t["perm"])}), "'perm' is not an order of the 20 training rows"),
    (lambda t: t.update({"perm": t["perm"].to(torch.float32)}), "batch order does not fit"),
    (lambda t: t.update({"perm": t["perm"][:5]}), "batch order does not fit"),
    (lambda t: t.pop("perm"), "a position inside an epoch needs the batch order"),
    (lambda t: t.update({"optim.0.exp_avg": torch.zeros(3)}), r"'optim.0.exp_avg' has shape \[3\], the optimizer"),
    (lambda t: t.update({"optim.0.exp_avg": torch.zeros(4, 2, dtype=torch.int64)}), "holds int64, not floats"),
    (lambda t: t.update({"optim.0.step": torch.tensor(3, dtype=torch.int64)}), "'optim.0.step' holds int64"),
    (lambda t: t.update({"optim.0.exp_avg_sq": -torch.ones(4, 2)}), "'optim.0.exp_avg_sq' holds negative values"),
    (lambda t: t.update({"optim.0.exp_avg": torch.full((4, 2), float("nan"))}), "holds NaN or infinite"),
    (lambda t: t.pop("optim.1.exp_avg"), "'optim.1.exp_avg' is missing"),
    (lambda t: t.update({"optim.0.momentum_buffer": torch.zeros(4, 2)}), "not used by this optimizer"),
    (lambda t: t.update({"optim.9.exp_avg": torch.zeros(4, 2)}), "is for parameter 9, but the model has 4"),
    (lambda t: t.update({"optim.x": torch.zeros(1)}), "is not '<parameter index>.<name>'"),
    (lambda t: t.update({"junk": torch.zeros(1)}), "unexpected entry 'junk'"),
    (lambda t: t.update({"model.0.weight": torch.full((4, 2), float("inf"))}), "holds NaN or infinite"),
    (lambda t: t.update({"model.0.weight": torch.zeros(4, 2, dtype=torch.int32)}), "holds int32, the model needs"),
])
def test_mutated_tensors_are_refused_before_use(change, match):
    refused(with_tensors(trained(), change), match, StateError)


@pytest.mark.parametrize(("path", "value", "match"), [
    (("optimizer_groups", 0, "lr"), 1e4, r"state.optimizer_groups\[0\].lr: 10000.0 differs from the experiment"),
    (("optimizer_groups", 0, "lr"), "0.001", r"optimizer_groups\[0\].lr: '0.001' differs"),
    (("optimizer_groups", 0, "betas"), [0.5, 0.9], r"optimizer_groups\[0\].betas"),
    (("optimizer_groups", 0, "betas"), 0.5, r"optimizer_groups\[0\].betas"),
    (("optimizer_groups", 0, "params"), [0, 1], r"optimizer_groups\[0\].params: must be \[0, 1, 2, 3\]"),
    (("optimizer_groups",), [{}, {}], "has 2 groups, the optimizer has 1"),
    (("optimizer_scalars",), {"0": 1}, "is not '<parameter index>.<name>'"),
    (("optimizer_scalars",), {"0.step": "x"}, "also stored as a tensor"),
    (("batch_cursor",), 999, "state.batch_cursor: 999 is past the 20 training rows"),
    (("history", "columns", "loss"), [1.0], "unknown column 'loss'"),
    (("history", "columns", "step"), [1.0, 2.0, 3.0], "columns have different lengths"),
    # found by the fuzzer:
    (("history", "columns"), {"epoch": [1.0]}, "state.history.columns: lacks 'step'"),
    (("optimizer_groups", 0, "lr"), 10**400, r"optimizer_groups\[0\].lr: .* differs from the experiment"),
])
def test_mutated_state_fields_are_refused(path, value, match):
    doc = trained()
    target = doc["state"]
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    refused(doc, match)


def test_optimizer_state_without_groups_is_refused():
    doc = trained()
    doc["state"]["optimizer_groups"] = []
    refused(doc, "optimizer_groups: missing, but state.tensors holds optimizer state")


# ---------------------------------------------------------------------------- no code runs from a file
def _blob(header: dict | None = None, length: int | None = None, data: bytes = b"\0" * 32) -> str:
    raw = json.dumps(header).encode() if header is not None else b""
    return base64.b64encode(struct.pack("<Q", len(raw) if length is None else length) + raw + data).decode()


@pytest.mark.parametrize(("blob", "match"), [
    (_blob({}, length=2**62), "header too large"),
    (_blob({"a": {"dtype": "F32", "shape": [4], "data_offsets": [0, 16]},
            "b": {"dtype": "F32", "shape": [4], "data_offsets": [8, 24]}}), "invalid offset"),
    (_blob({"a": {"dtype": "F32", "shape": [4], "data_offsets": [0, 64]}}), "invalid shape, data type, or offset"),
    (_blob({"a": {"dtype": "F32", "shape": [2**31, 2**31], "data_offsets": [0, 16]}}), "overflow"),
    (_blob({"a": {"dtype": "F32", "shape": [2], "data_offsets": [8, 16]}}), "invalid offset"),
    (_blob({"__metadata__": {"x": "y"}, "a": {"dtype": "Q9", "shape": [1], "data_offsets": [0, 4]}}),
     "unknown variant"),
    (base64.b64encode(b"\x80\x04\x95" + b"cos\nsystem\n" * 3).decode(), "not a valid safetensors blob"),
])
def test_malicious_safetensors_headers_are_refused(blob, match):
    with pytest.raises(StateError, match=match) as info:
        decode_tensors(blob)
    assert str(info.value).startswith("state.tensors: not a valid safetensors blob") and "\n" not in str(info.value)


def test_a_valid_blob_with_foreign_tensors_is_refused_by_name():
    doc = trained()
    doc["state"]["tensors"] = base64.b64encode(st_save({"model.0.weight": torch.zeros(2, 2)})).decode()
    refused(doc, r"'0.weight' has shape \[2, 2\], the model needs \[4, 2\]")
