"""The validation gate: each fault the issue's attack found, fixed as a regression test.

Every case either loads and trains a step, or is refused with the project's own one-line error that
names the field — never an internal exception, a hang or torch's own words at the first step.
"""

from __future__ import annotations

import base64
import json
import re
import struct
from pathlib import Path

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
     "data.seed: an integer of 5,001 digits is not a number this field can hold"),
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
    (("optimizer_scalars",), {"0.step": 1.0}, "also stored as a tensor"),
    (("optimizer_scalars",), {"0.step": "x"}, r"state.optimizer_scalars.0.step: Input should be a valid boolean or"),
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


# ---------------------------------------------------------------- issue 17: huge values, bombs, names
from hostile import HUGE_TEXT, MARK, PATHS, largest_document, rich_document, with_huge  # noqa: E402

from playground.core.errors import QUOTE_LIMIT, quote  # noqa: E402
from playground.core.spec import VIEW_PANELS  # noqa: E402

MESSAGE_CHARS = 400
"""Longest message a huge value may cause: a location, up to three problems, each quoting ≤ 60 characters."""


def test_the_rich_document_is_valid():
    """The base of the walk below is accepted, so each refusal there is the huge value's doing."""
    parse_experiment(json.dumps(rich_document()), "rich.json")


@pytest.mark.parametrize("path", PATHS, ids=[".".join(map(str, p)) for p in PATHS])
def test_a_huge_value_in_any_field_is_quoted_short(path):
    """Issue 17 #5: 10 MB names and million-element lists were echoed whole (6–29 MB error lines)."""
    kinds = ["any"] if path[-1] == MARK else list(HUGE_TEXT)
    for kind in kinds:
        try:
            parse_experiment(with_huge(path, kind), "f.json")
        except ExperimentError as exc:
            message = str(exc)
            assert len(message) <= MESSAGE_CHARS and "\n" not in message, (kind, message[:300])
            assert "x" * (QUOTE_LIMIT + 1) not in message and "k" * (QUOTE_LIMIT + 1) not in message, kind


def test_quote_is_bounded_and_cheap_on_huge_values():
    for value in ("x" * 10**7, [0] * 4_900_000, 10**5000, {str(i): i for i in range(10**5)}, (1, [2, "3"])):
        assert len(quote(value)) <= QUOTE_LIMIT
    assert quote("abc") == "'abc'" and quote([1, 2]) == "[1, 2]"
    assert quote(10**5000) == "an integer of about 5,000 digits"


@pytest.mark.parametrize(("text", "match"), [
    # issue 17 #4: 4.9 M integers in view.hidden took 51 s and 4.7 GB to refuse; data.features 1.17 GB
    ('{"view": {"hidden": [' + ",".join(["0"] * 100_000) + "]}}", "view.hidden: List should have at most"),
    ('{"data": {"features": [' + ",".join(["0"] * 100_000) + "]}}", "data.features: List should have at most"),
    ('{"state": {"tensors": "", "optimizer_scalars": {"0.x": [' + ",".join(["{}"] * 400_000) + "]}}}",
     "holds more than 300,000 objects and lists"),
    ('{"model": {"init_values": {' + ",".join(f'"k{i}": 0' for i in range(5_000)) + "}}}",
     "model.init_values: has 5,000 keys, more than the 4,096 allowed"),
    ('{"model": {"init_values": {"0.weight": [' + ",".join(["0"] * 2_000) + "]}}}",
     r"model.init_values.0.weight.*should have at most 1024 items"),
    ('{"training": {"optimizer": {"name": "sgd", "lr": [' + ",".join(["0"] * 100_000) + "]}}}",
     r"training.optimizer: lr must be a number, got \[0, 0"),
])
def test_bombs_are_refused_before_anything_is_built(text, match):
    doc = text[:-1] + ', "format": "torch-playground.experiment", "version": 1}'
    with pytest.raises(ExperimentError, match=match) as info:
        parse_experiment(doc, "f.json")
    assert len(str(info.value)) <= MESSAGE_CHARS


def test_view_hidden_takes_panel_names_only():
    """Issue 17 #6: any strings in any number loaded, and saved into a file too big to reopen."""
    doc = json.loads(dumps(small()))
    doc["view"]["hidden"] = ["code", "code", "loss"]
    assert parse_experiment(json.dumps(doc), "f.json").view.hidden == ["code", "loss"]
    doc["view"]["hidden"] = ["code", "no such panel"]
    with pytest.raises(ExperimentError, match=r"view.hidden: unknown panel 'no such panel'; choose from data"):
        parse_experiment(json.dumps(doc), "f.json")
    doc["view"]["hidden"] = ["a"] * (len(VIEW_PANELS) + 1)
    with pytest.raises(ExperimentError, match=r"view\.hidden: List should have at most"):
        parse_experiment(json.dumps(doc), "f.json")


def test_the_app_can_hide_exactly_the_panels_a_file_may_name():
    menus = Path(__file__).parents[1] / "playground" / "app" / "menus.py"
    block = menus.read_text(encoding="utf-8").split("PANEL_TITLES = {", 1)[1].split("}", 1)[0]
    assert tuple(re.findall(r'^\s+"(\w+)":', block, re.M)) == VIEW_PANELS


def test_a_byte_order_mark_is_accepted(tmp_path):
    """Issue 17 #9: Notepad's BOM was refused with Python's "decode using utf-8-sig"."""
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + dumps(small()).encode())
    assert load_experiment(path).training.batch_size == 8


def test_a_5000_digit_integer_names_its_field():
    """Issue 17 #9: Python's "use sys.set_int_max_str_digits()" instead of the field."""
    text = dumps(small()).replace('"samples": 40', '"samples": ' + "9" * 5000)
    with pytest.raises(ExperimentError, match=r"^f.json: data.samples: an integer of 5,000 digits") as info:
        parse_experiment(text, "f.json")
    assert "set_int_max_str_digits" not in str(info.value)
    with pytest.raises(ExperimentError, match=r"^f.json: not valid JSON \(line 1, column"):  # found by the fuzzer
        parse_experiment('{"a": ' + "9" * 5000 + " x}", "f.json")


def test_the_largest_accepted_document_saves_into_one_that_reopens(tmp_path):
    """Issue 17 #6: load → save → load holds for a file at every list and text limit at once.

    The trained-state blob (``state.tensors``, ≤ ``MAX_TENSOR_TEXT``) is saved character for character,
    so the rest of the largest file must save into what the file limit leaves: checked here with
    everything else at its limit, 20 runs with CSV settings included (their pretty form alone is 134 MB).
    """
    from playground.core.experiment_io import save_experiment

    doc = largest_document()
    path = tmp_path / "largest.json"
    path.write_text(json.dumps(doc, separators=(",", ":")), encoding="utf-8")
    saved = tmp_path / "saved.json"
    loaded = load_experiment(path)
    save_experiment(loaded, saved)
    assert load_experiment(saved) == loaded
    # with the blob at its limit too, ``dumps`` falls back to compact JSON past the file limit: it must fit
    compact = json.dumps(loaded.model_dump(mode="json"), ensure_ascii=False, separators=(",", ":"))
    assert len(compact.encode("utf-8")) <= limits.MAX_FILE_BYTES - limits.MAX_TENSOR_TEXT


def test_init_values_hold_at_most_a_model():
    doc = json.loads(dumps(small()))
    doc["model"]["init_values"] = {f"{i}.weight": [[0.0] * 1024] * 1024 for i in range(2)}
    with pytest.raises(ExperimentError, match=r"model.init_values: 2,097,152 values is more than the 2,000,000"):
        parse_experiment(json.dumps(doc), "f.json")
