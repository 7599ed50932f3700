"""CSV links survive saving elsewhere; thread policy; every data shape gets a picture."""

from __future__ import annotations

import torch

from playground.cli import main
from playground.core import threads
from playground.core.data.csv_data import import_csv
from playground.core.engine import Engine
from playground.core.experiment_io import load_experiment, rebase_paths, save_experiment
from playground.core.spec import DataSpec, Experiment, LayerSpec, ModelSpec, TrainingSpec


def csv_experiment(tmp_path, rows=40):
    data = tmp_path / "data" / "points.csv"
    data.parent.mkdir()
    lines = ["x,label"] + [f"{i / 10},{'big' if i >= rows // 2 else 'small'}" for i in range(rows)]
    data.write_text("\n".join(lines) + "\n")
    csv = import_csv(data, "label").model_copy(update={"path": "data/points.csv"})
    return Experiment(data=DataSpec(kind="csv", csv=csv), model=ModelSpec(hidden=[LayerSpec(units=4)]),
                      training=TrainingSpec(device="cpu"))


def test_rebase_keeps_data_below_relative_and_elsewhere_absolute(tmp_path):
    exp = csv_experiment(tmp_path)
    assert rebase_paths(exp, tmp_path, tmp_path).data.csv.path == "data/points.csv"
    assert rebase_paths(exp, tmp_path, tmp_path / "data").data.csv.path == "points.csv"
    elsewhere = tmp_path / "other"
    elsewhere.mkdir()
    assert rebase_paths(exp, tmp_path, elsewhere).data.csv.path == str((tmp_path / "data/points.csv").resolve())
    assert rebase_paths(exp, tmp_path).data.csv.path == str((tmp_path / "data/points.csv").resolve())
    plain = Experiment()
    assert rebase_paths(plain, tmp_path, elsewhere) is plain


def test_saving_to_another_folder_keeps_the_link_to_the_data(tmp_path):
    exp = csv_experiment(tmp_path)
    save_experiment(exp, tmp_path / "exp.json")
    (tmp_path / "moved").mkdir()
    code = main(["train", str(tmp_path / "exp.json"), "--epochs", "1", "--quiet",
                 "--save", str(tmp_path / "moved" / "trained.json")])
    assert code == 0
    moved = load_experiment(tmp_path / "moved" / "trained.json")
    assert Engine(moved, base_dir=tmp_path / "moved").epoch == 1


def test_one_input_classification_shows_test_predictions(tmp_path):
    engine = Engine(csv_experiment(tmp_path), base_dir=tmp_path)
    snap = engine.snapshot()
    assert snap.boundary is None and snap.curve is None
    assert snap.predictions is not None and len(snap.predictions.y_true) == len(engine.dataset.y_test)


def test_small_networks_train_on_one_thread_big_ones_on_the_default():
    small = Engine(Experiment(data=DataSpec(kind="xor", samples=100), training=TrainingSpec(device="cpu")))
    assert threads.threads_for(small) == 1
    big = Engine(Experiment(data=DataSpec(kind="xor", samples=400),
                            model=ModelSpec(hidden=[LayerSpec(units=1024)]),
                            training=TrainingSpec(device="cpu", batch_size=128)))
    assert threads.threads_for(big) == threads.DEFAULT_THREADS
    before = torch.get_num_threads()
    try:
        threads.configure_threads(small)
        assert torch.get_num_threads() == 1
    finally:
        torch.set_num_threads(before)
