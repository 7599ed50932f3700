"""Exports checked by their real consumers: each must reproduce the playground's predictions.

safetensors → ``safetensors.torch.load_file`` plus the metadata alone; ``.pt`` →
``torch.load(weights_only=True)`` into the module the generated code builds; ONNX →
``onnxruntime`` on raw inputs; the ``.py`` script → imported in a fresh interpreter, and its
``train()`` → the playground's loss history. Predictions must agree to 1e-5, losses to 1e-6.
"""

from __future__ import annotations

import ast
import csv
import importlib.util
import json
import subprocess
import sys
import warnings
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
import torch
from safetensors import safe_open
from safetensors.torch import load_file
from torch import nn

from playground.core.data.csv_data import import_csv
from playground.core.engine import Engine
from playground.core.experiment_io import load_experiment
from playground.core.export import (
    FORMATS,
    ExportError,
    ExportWarning,
    export,
    export_experiment,
    format_for_path,
    is_trained,
    untrained_warning,
    with_extension,
)
from playground.core.export.safetensors_export import WEIGHTS_FORMAT
from playground.core.features import Preprocess
from playground.core.resources import data_dir, examples_dir
from playground.core.spec import (
    MULTICLASS_KINDS,
    SYNTHETIC_KINDS,
    VERSION,
    DataSpec,
    Experiment,
    LayerSpec,
    ModelSpec,
    OptimizerSpec,
    PointSpec,
    TrainingSpec,
)

EXAMPLES = examples_dir()
PENGUINS = data_dir() / "penguins_like.csv"
PREDICTION_TOL = 1e-5
LOSS_TOL = 1e-6


# --------------------------------------------------------------------------------------------- cases
def _example(name: str, epochs: int) -> tuple[Experiment, int]:
    return load_experiment(EXAMPLES / name), epochs


def _edited_moons() -> tuple[Experiment, int]:
    """Everything the loop can do: edits, BatchNorm (with a folded batch of one), LayerNorm, dropout,
    L1 + L2, Nesterov SGD, Xavier init and a binary (one-logit) loss."""
    data = DataSpec(kind="moons", samples=120, noise=0.2, seed=3, features=["x1", "x2", "x1_sq", "x1_x2"],
                    removed=[0, 5, 10, 70], added=[PointSpec(x=[0.5, 0.5], y=1),
                                                   PointSpec(x=[-1.0, 2.0], y=0, split="test")])
    model = ModelSpec(hidden=[LayerSpec(units=6, activation="relu", norm="batch", dropout=0.2),
                              LayerSpec(units=5, activation="gelu", norm="layer")], init="xavier_uniform")
    training = TrainingSpec(loss="bce_with_logits", batch_size=19, l1=1e-3, l2=1e-3, seed=5,
                            optimizer=OptimizerSpec(name="sgd", lr=0.05, momentum=0.9, nesterov=True))
    return Experiment(name="Edited moons", data=data, model=model, training=training), 12


def _sine64() -> tuple[Experiment, int]:
    """1-D regression in float64, no preprocessing at all."""
    model = ModelSpec(hidden=[LayerSpec(units=10, activation="elu", dropout=0.1),
                              LayerSpec(units=6, activation="softplus")])
    training = TrainingSpec(loss="huber", dtype="float64", batch_size=16, seed=2,
                            optimizer=OptimizerSpec(name="rmsprop", lr=0.01))
    return Experiment(name="Sine", data=DataSpec(kind="sine", samples=150, noise=0.1), model=model,
                      training=training), 8


def _penguin_mass() -> tuple[Experiment, int]:
    """CSV regression with standardised inputs."""
    csv_spec = import_csv(PENGUINS, "body_mass_g", standardize=True)
    data = DataSpec(kind="csv", csv=csv_spec, train_fraction=0.8, seed=4)
    model = ModelSpec(hidden=[LayerSpec(units=8, activation="silu")], init="kaiming_normal")
    training = TrainingSpec(optimizer=OptimizerSpec(name="adamw", lr=0.01), batch_size=32, seed=1)
    return Experiment(name="Penguin mass", data=data, model=model, training=training), 6


def _zeros_sum_all_train() -> tuple[Experiment, int]:
    """Issue 12's options: every point trains (no test set), summed loss, zeros for the hidden layers, softmax."""
    model = ModelSpec(hidden=[LayerSpec(units=4, activation="tanh"), LayerSpec(units=3, activation="softmax")],
                      init="zeros")
    training = TrainingSpec(reduction="sum", batch_size=8, seed=3, optimizer=OptimizerSpec(name="sgd", lr=0.01))
    return Experiment(name="Zeros", data=DataSpec(kind="gauss", samples=40, train_fraction=1.0), model=model,
                      training=training), 4


CASES: dict[str, Callable[[], tuple[Experiment, int]]] = {
    "spiral": lambda: _example("spiral.json", 20),
    "penguins": lambda: _example("penguins_csv.json", 10),
    "blobs": lambda: _example("blobs_3class.json", 5),
    "edited_moons": _edited_moons,
    "sine64": _sine64,
    "penguin_mass": _penguin_mass,
    "zeros_sum_all_train": _zeros_sum_all_train,
}


class _Engines(dict):
    """Each case trained once, on first use."""

    def __missing__(self, key: str) -> Engine:
        exp, epochs = CASES[key]()
        engine = Engine(exp, base_dir=EXAMPLES, device="cpu")
        engine.train(epochs)
        self[key] = engine
        return engine


@pytest.fixture(scope="module")
def engines() -> _Engines:
    return _Engines()


def _test_inputs(engine: Engine) -> np.ndarray:
    return engine.dataset.x_test


def _max_diff(a: np.ndarray | torch.Tensor, b: np.ndarray) -> float:
    a = a.detach().numpy() if isinstance(a, torch.Tensor) else np.asarray(a)
    assert a.shape == b.shape
    return float(np.abs(a.astype(np.float64) - b).max())


# --------------------------------------------------------------------------------------------- formats
def test_formats_are_chosen_by_extension_or_name():
    assert [f.key for f in FORMATS] == ["safetensors", "pt", "onnx", "py", "ipynb", "csv"]
    assert format_for_path("lesson.ipynb").key == "ipynb"
    assert all(f.description and len(f.description) < 100 for f in FORMATS)
    assert format_for_path("a/b.safetensors").key == "safetensors"
    assert format_for_path("m.PTH").key == "pt"
    assert format_for_path("m.bin", "onnx").key == "onnx"
    assert with_extension("out/model.onnx", format_for_path("x.py")) == Path("out/model.py")
    with pytest.raises(ExportError, match=r"cannot tell the export format from extension '.bin'"):
        format_for_path("m.bin")
    with pytest.raises(ExportError, match=r"unknown export format 'keras'"):
        format_for_path("m.pt", "keras")


# --------------------------------------------------------------------------------------------- consumers
@pytest.mark.parametrize("case", ["spiral", "penguins", "edited_moons", "sine64"])
def test_safetensors_metadata_alone_rebuilds_the_predictions(engines, case, tmp_path):
    engine = engines[case]
    path = tmp_path / "m.safetensors"
    assert export(engine, path) == "safetensors"
    weights = load_file(str(path))
    with safe_open(str(path), "pt") as f:
        meta = {k: json.loads(v) for k, v in f.metadata().items()}
    assert meta["format"] == WEIGHTS_FORMAT and meta["experiment_format_version"] == VERSION
    assert meta["activations"] == [h.activation for h in engine.spec.model.hidden]
    assert meta["inputs"] == engine.dataset.raw_names and meta["class_names"] == engine.dataset.class_names
    assert meta["derived_features"] == engine.dataset.derived and meta["loss"] == engine.loss_key
    dtype = getattr(torch, meta["dtype"])
    model = eval(meta["architecture"]["code"], {"nn": nn}).to(dtype)  # the consumer's own module
    model.load_state_dict(weights)
    model.eval()
    stats = meta["standardization"] or {}
    pre = Preprocess(meta["derived_features"], stats.get("mean"), stats.get("std"))
    x = _test_inputs(engine)
    with torch.no_grad():
        out = model(pre(torch.as_tensor(x, dtype=torch.float64)).to(dtype))
    assert _max_diff(out, engine.predict(x)) <= PREDICTION_TOL


@pytest.mark.parametrize("case", ["spiral", "penguins", "edited_moons", "sine64"])
def test_pt_loads_weights_only_into_the_generated_module(engines, case, tmp_path):
    engine = engines[case]
    path = tmp_path / "m.pt"
    assert export(engine, path) == "pt"
    state = torch.load(path, weights_only=True)
    assert all(isinstance(v, torch.Tensor) for v in state.values())
    from playground.core.model import model_code

    model = eval(model_code(engine.spec.model, engine.dataset.input_dim, engine.out_dim), {"nn": nn})
    model.to(engine.dtype).load_state_dict(state)
    model.eval()
    x = _test_inputs(engine)
    with torch.no_grad():
        out = model(engine.preprocess(torch.as_tensor(x, dtype=torch.float64)).to(engine.dtype))
    assert _max_diff(out, engine.predict(x)) <= PREDICTION_TOL


@pytest.mark.parametrize("case", ["spiral", "penguins", "edited_moons", "sine64"])
def test_onnx_runs_on_raw_inputs_with_any_batch(engines, case, tmp_path):
    ort = pytest.importorskip("onnxruntime")
    engine = engines[case]
    path = tmp_path / "m.onnx"
    assert export(engine, path) == "onnx"
    session = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    (inp,), (out,) = session.get_inputs(), session.get_outputs()
    assert (inp.name, out.name) == ("input", "output")
    assert isinstance(inp.shape[0], str) and inp.shape[1] == engine.dataset.raw_dim  # dynamic batch
    x = _test_inputs(engine)
    np_dtype = np.float64 if engine.dtype == torch.float64 else np.float32
    got = session.run(["output"], {"input": x.astype(np_dtype)})[0]
    assert _max_diff(got, engine.predict(x)) <= PREDICTION_TOL
    one = session.run(["output"], {"input": x[:1].astype(np_dtype)})[0]
    assert one.shape == (1, engine.out_dim)


@pytest.mark.parametrize("case", ["spiral", "penguins", "edited_moons"])
def test_script_in_a_fresh_interpreter_predicts_like_the_playground(engines, case, tmp_path):
    engine = engines[case]
    script = tmp_path / "model.py"
    assert export(engine, script) == "py"
    assert (tmp_path / "model.pt").is_file()
    imported = {alias.name.split(".")[0] for node in ast.walk(ast.parse(script.read_text()))
                if isinstance(node, ast.Import | ast.ImportFrom)
                for alias in (node.names if isinstance(node, ast.Import) else [ast.alias(node.module or "")])}
    assert imported <= {"torch", "numpy", "pathlib", "csv", "io", "sys"}
    x = _test_inputs(engine)
    np.save(tmp_path / "x.npy", x)
    probe = (
        "import importlib.util, json, sys\n"
        "import numpy as np\n"
        f"spec = importlib.util.spec_from_file_location('model', {str(script)!r})\n"
        "m = importlib.util.module_from_spec(spec); spec.loader.exec_module(m)\n"
        "out = m.predict(np.load('x.npy'))\n"
        "print(json.dumps({'out': out.double().tolist(),\n"
        "                  'playground': any(k.startswith('playground') for k in sys.modules)}))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, capture_output=True, text=True,
                          timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["playground"] is False
    assert _max_diff(np.array(result["out"]), engine.predict(x)) <= PREDICTION_TOL


def test_running_the_script_prints_predictions_and_accuracy(engines, tmp_path):
    engine = engines["penguins"]
    export(engine, tmp_path / "penguins.py")
    done = subprocess.run([sys.executable, "penguins.py"], cwd=tmp_path, capture_output=True, text=True,
                          timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    accuracy = float(done.stdout.strip().splitlines()[-1].split()[-1])
    assert accuracy == pytest.approx(engine.metrics.test_metric, abs=1e-3)


def _import_script(path: Path):
    spec = importlib.util.spec_from_file_location(f"exported_{path.stem}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("case", list(CASES))
def test_script_train_reproduces_the_playground_loss_history(engines, case, tmp_path):
    engine = engines[case]
    script = tmp_path / f"{case}.py"
    export(engine, script)
    module = _import_script(script)
    x_train, y_train, x_test, y_test = module.load_data()
    ds = engine.dataset
    for got, want in ((x_train, ds.x_train), (y_train, ds.y_train), (x_test, ds.x_test), (y_test, ds.y_test)):
        np.testing.assert_array_equal(got, want)
    _, history = module.train(engine.epoch)
    assert len(history) == engine.epoch + 1
    assert abs(history[-1] - engine.metrics.train_loss) <= LOSS_TOL
    np.testing.assert_allclose(history, engine.history.arrays()["train_loss"], rtol=0, atol=LOSS_TOL)


@pytest.mark.parametrize("kind", SYNTHETIC_KINDS)
def test_script_data_is_the_playground_data_for_every_generator(kind, tmp_path):
    exp = Experiment(data=DataSpec(kind=kind, samples=57, noise=0.3, seed=11,
                                   classes=4 if kind in MULTICLASS_KINDS else None))
    engine = Engine(exp, device="cpu")
    with pytest.warns(ExportWarning):
        export(engine, tmp_path / f"{kind}.py")
    got = _import_script(tmp_path / f"{kind}.py").load_data()
    ds = engine.dataset
    for a, b in zip(got, (ds.x_train, ds.y_train, ds.x_test, ds.y_test)):
        assert a.dtype == b.dtype
        np.testing.assert_array_equal(a, b)


def test_script_reproduces_a_warm_started_run(engines, tmp_path):
    from playground.core.export import warm_start

    export(engines["spiral"], tmp_path / "start.safetensors")
    exp = warm_start(load_experiment(EXAMPLES / "spiral.json"), tmp_path / "start.safetensors", EXAMPLES)
    engine = Engine(exp, base_dir=EXAMPLES, device="cpu")
    engine.train(3)
    export(engine, tmp_path / "warm.py")
    assert (tmp_path / "warm.init.pt").is_file()
    _, history = _import_script(tmp_path / "warm.py").train(3)
    assert abs(history[-1] - engine.metrics.train_loss) <= LOSS_TOL
    assert abs(history[0] - engines["spiral"].metrics.train_loss) <= LOSS_TOL  # it started trained


# --------------------------------------------------------------------------------------------- data
@pytest.mark.parametrize("case", ["penguins", "edited_moons"])
def test_csv_holds_the_points_with_their_split(engines, case, tmp_path):
    engine = engines[case]
    path = tmp_path / "data.csv"
    assert export(engine, path) == "csv"
    with path.open(newline="") as f:
        rows = list(csv.reader(f))
    ds = engine.dataset
    assert rows[0] == [*ds.raw_names, ds.target_name, "split"]
    body = rows[1:]
    assert [r[-1] for r in body] == ["train"] * len(ds.x_train) + ["test"] * len(ds.x_test)
    x = np.array([[float(v) for v in r[:ds.raw_dim]] for r in body])
    np.testing.assert_array_equal(x, np.concatenate([ds.x_train, ds.x_test]))
    labels = [r[ds.raw_dim] for r in body]
    y = np.concatenate([ds.y_train, ds.y_test])
    if case == "penguins":
        assert labels == [ds.class_names[int(i)] for i in y]
    else:
        assert [int(v) for v in labels] == y.tolist()


# --------------------------------------------------------------------------------------------- warnings and snapshots
def _small(**training) -> Experiment:
    return Experiment(data=DataSpec(kind="xor", samples=40), model=ModelSpec(hidden=[LayerSpec(units=3)]),
                      training=TrainingSpec(**training))


def test_exporting_an_untrained_model_warns_but_data_does_not(tmp_path):
    engine = Engine(_small(), device="cpu")
    assert not is_trained(engine) and untrained_warning(engine, "pt")
    with pytest.warns(ExportWarning, match="untrained"):
        export(engine, tmp_path / "u.safetensors")
    assert (tmp_path / "u.safetensors").is_file()
    with warnings.catch_warnings():
        warnings.simplefilter("error", ExportWarning)
        export(engine, tmp_path / "u.csv")
        engine.train(1)
        assert is_trained(engine) and is_trained(engine.experiment())
        export(engine, tmp_path / "t.safetensors")


def test_export_experiment_writes_the_snapshot_not_the_later_weights(tmp_path):
    engine = Engine(_small(seed=3), device="cpu")
    engine.train(2)
    snapshot = engine.experiment()
    before = {k: v.clone() for k, v in engine.model.state_dict().items()}
    engine.train(3)  # training goes on after the snapshot was taken
    rng = torch.get_rng_state()
    assert export_experiment(snapshot, None, tmp_path / "s.pt") == "pt"
    assert torch.equal(torch.get_rng_state(), rng)  # the worker's random stream is untouched
    saved = torch.load(tmp_path / "s.pt", weights_only=True)
    assert saved.keys() == before.keys() and all(torch.equal(saved[k], before[k]) for k in before)
    assert not all(torch.equal(saved[k], engine.model.state_dict()[k]) for k in before)


def test_export_experiment_of_an_untrained_file_uses_the_seeded_start(tmp_path):
    exp = _small(seed=7)
    rng = torch.get_rng_state()
    with pytest.warns(ExportWarning):
        export_experiment(exp, None, tmp_path / "u.pt")
    assert torch.equal(torch.get_rng_state(), rng)
    fresh = Engine(exp, device="cpu")
    saved = torch.load(tmp_path / "u.pt", weights_only=True)
    assert all(torch.equal(saved[k], v) for k, v in fresh.model.state_dict().items())


def test_missing_onnx_tooling_is_explained(monkeypatch, tmp_path):
    from playground.core.export import formats

    real = formats.importlib.util.find_spec
    monkeypatch.setattr(formats.importlib.util, "find_spec",
                        lambda name, *a: None if name == "onnx" else real(name, *a))
    engine = Engine(_small(), device="cpu")
    with pytest.raises(ExportError, match=r"pip install 'torch-playground\[onnx\]'"):
        export(engine, tmp_path / "m.onnx")
    assert not (tmp_path / "m.onnx").exists()


def test_any_name_and_description_make_a_valid_script(tmp_path):
    exp = _small()
    exp.name = 'He said """stop""" \\ then {left}'
    exp.description = "Line one\\n and a 'quote' and \"\"\"triple\"\"\"."
    engine = Engine(exp, device="cpu")
    engine.train(1)
    export(engine, tmp_path / "odd.py")
    module = _import_script(tmp_path / "odd.py")
    assert exp.name in module.__doc__ and exp.description in module.__doc__


def test_a_folder_is_not_an_export_path(tmp_path):
    engine = Engine(_small(), device="cpu")
    with pytest.raises(ExportError, match="is a folder"):
        export(engine, tmp_path, "pt")
