"""Warm start from a weights file, and the refusal of anything that is not plain tensors."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest
import torch
from safetensors.torch import save_file

from playground.core.engine import Engine
from playground.core.export import WeightsError, export, load_weights, warm_start
from playground.core.spec import DataSpec, Experiment, LayerSpec, ModelSpec, TrainingSpec


def _exp(hidden: list[int], features: list[str] | None = None, norm: str = "none") -> Experiment:
    data = DataSpec(kind="circle", samples=60, features=features or ["x1", "x2"])
    return Experiment(data=data, model=ModelSpec(hidden=[LayerSpec(units=u, norm=norm) for u in hidden]),
                      training=TrainingSpec(optimizer={"name": "adam", "lr": 0.02}, seed=4))


@pytest.fixture
def trained(tmp_path: Path) -> tuple[Engine, Path]:
    engine = Engine(_exp([5, 3]), device="cpu")
    engine.train(3)
    path = tmp_path / "w.safetensors"
    export(engine, path)
    return engine, path


@pytest.mark.parametrize("suffix", [".safetensors", ".pt"])
def test_warm_start_begins_from_the_file_and_reset_returns_to_it(trained, tmp_path, suffix):
    engine, path = trained
    if suffix == ".pt":
        path = tmp_path / "w.pt"
        export(engine, path)
    exp = warm_start(_exp([5, 3]), path)
    assert exp.state is None and set(exp.model.init_values) == {"0.weight", "0.bias", "2.weight", "2.bias",
                                                               "4.weight", "4.bias"}
    warm = Engine(exp, device="cpu")
    assert warm.step == 0
    x = engine.dataset.x_test
    assert (warm.predict(x) == engine.predict(x)).all()
    warm.train(1)
    warm.reset()
    assert (warm.predict(x) == engine.predict(x)).all()


def test_a_warm_started_experiment_survives_a_save_and_load(trained, tmp_path):
    from playground.core.experiment_io import load_experiment, save_experiment

    engine, path = trained
    save_experiment(warm_start(_exp([5, 3]), path), tmp_path / "e.json")
    again = Engine(load_experiment(tmp_path / "e.json"), device="cpu")
    x = engine.dataset.x_test
    assert (again.predict(x) == engine.predict(x)).all()


def test_a_shape_mismatch_names_the_first_parameter_and_both_shapes(trained):
    _, path = trained
    with pytest.raises(WeightsError, match=r"parameter '2.weight' \(hidden 2 · weight\) has shape \[3, 5\], "
                                           r"but this model needs \[4, 5\]"):
        warm_start(_exp([5, 4]), path)
    with pytest.raises(WeightsError, match=r"'0.weight' .* has shape \[5, 2\], but this model needs \[5, 3\]"):
        warm_start(_exp([5, 3], features=["x1", "x2", "x1_x2"]), path)


def test_missing_and_extra_parameters_are_named(trained, tmp_path):
    _, path = trained
    with pytest.raises(WeightsError, match=r"no parameter '6.weight' \(output · weight\)"):
        warm_start(_exp([5, 3, 2]), path)
    extra = tmp_path / "extra.safetensors"
    save_file({**load_weights(path), "head.weight": torch.zeros(1)}, str(extra))
    with pytest.raises(WeightsError, match=r"parameter 'head.weight' does not exist in this model"):
        warm_start(_exp([5, 3]), extra)


def test_batchnorm_buffers_in_the_file_are_accepted(tmp_path):
    engine = Engine(_exp([4], norm="batch"), device="cpu")
    engine.train(1)
    export(engine, tmp_path / "bn.pt")
    exp = warm_start(_exp([4], norm="batch"), tmp_path / "bn.pt")
    assert "1.running_mean" not in exp.model.init_values and "1.weight" in exp.model.init_values


class _Payload:
    """Unpickling this would create a marker file: proof that code ran."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (Path.touch, (self.marker,))


def test_a_pickle_payload_in_a_pt_file_is_refused_not_executed(tmp_path):
    marker = tmp_path / "pwned"
    path = tmp_path / "evil.pt"
    torch.save({"0.weight": torch.zeros(5, 2), "hook": _Payload(marker)}, path)
    with pytest.raises(WeightsError, match="refused"):
        load_weights(path)
    assert not marker.exists()
    with pytest.raises(WeightsError, match="refused"):
        warm_start(_exp([5, 3]), path)
    assert not marker.exists()
    # the same payload as a bare pickle (not a torch zip file) is refused too
    raw = tmp_path / "raw.pt"
    raw.write_bytes(pickle.dumps(_Payload(marker)))
    with pytest.raises(WeightsError):
        load_weights(raw)
    assert not marker.exists()


def test_other_bad_files_are_explained(tmp_path):
    not_dict = tmp_path / "list.pt"
    torch.save([torch.zeros(2)], not_dict)
    with pytest.raises(WeightsError, match="expected a state_dict"):
        load_weights(not_dict)
    garbage = tmp_path / "g.safetensors"
    garbage.write_bytes(b"not a safetensors file")
    with pytest.raises(WeightsError, match="not a valid safetensors file"):
        load_weights(garbage)
    with pytest.raises(WeightsError, match="no such file"):
        load_weights(tmp_path / "missing.safetensors")
    with pytest.raises(WeightsError, match=r"\.safetensors or \.pt/\.pth"):
        load_weights(tmp_path / "w.h5")
    ints = tmp_path / "ints.safetensors"
    save_file({"0.weight": torch.zeros(5, 2, dtype=torch.int64), "0.bias": torch.zeros(5),
               "2.weight": torch.zeros(3, 5), "2.bias": torch.zeros(3), "4.weight": torch.zeros(2, 3),
               "4.bias": torch.zeros(2)}, str(ints))
    with pytest.raises(WeightsError, match=r"'0\.weight' holds torch\.int64"):
        warm_start(_exp([5, 3]), ints)
