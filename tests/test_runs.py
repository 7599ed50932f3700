"""Remembered runs: what changed, bounded records, saved and reopened, migrated, printed and exported."""

from __future__ import annotations

import csv
import io
import json

import numpy as np
import pytest

from playground.cli import main
from playground.core import experiment_io
from playground.core.compare import apply_setting
from playground.core.engine import Engine
from playground.core.experiment_io import ExperimentError, dumps, load_experiment, parse_experiment, save_experiment
from playground.core.runs import (
    MAX_RUN_POINTS,
    MAX_RUNS,
    add_run,
    decimate,
    describe_change,
    label,
    make_run,
    restore,
    settings_of,
)
from playground.core.spec import VERSION, DataSpec, Experiment, LayerSpec, ModelSpec, OptimizerSpec, TrainingSpec


def spiral() -> Experiment:
    return Experiment(data=DataSpec(kind="spiral", samples=100, seed=1),
                      model=ModelSpec(hidden=[LayerSpec(units=4)]),
                      training=TrainingSpec(optimizer=OptimizerSpec(name="sgd", lr=0.03), device="cpu"))


def trained_run(exp: Experiment, epochs: int = 3, previous=None):
    engine = Engine(exp)
    engine.train(epochs)
    return make_run(exp, engine.history.arrays(), metric=engine.metrics.metric_name, steps=engine.step,
                    seconds=engine.seconds, device=str(engine.device), previous=previous)


def test_what_changed_reads_as_a_learner_says_it():
    base = spiral()
    s = settings_of
    assert describe_change(None, s(base)) == ""
    assert describe_change(s(base), s(base)) == ""
    assert describe_change(s(base), s(apply_setting(base, "lr", 0.3))) == "lr 0.03 → 0.3"
    assert describe_change(s(base), s(apply_setting(base, "l2", 0.001))) == "+L2 0.001"
    assert describe_change(s(apply_setting(base, "l2", 0.001)), s(base)) == "−L2"
    assert describe_change(s(base), s(apply_setting(base, "seed", 2))) == "seed 2"
    assert describe_change(s(base), s(apply_setting(base, "activation", "relu"))) == "activation tanh → relu"
    both = apply_setting(apply_setting(base, "lr", 0.1), "batch_size", 20)
    assert describe_change(s(base), s(both)) == "lr 0.03 → 0.1, batch 10 → 20"
    assert describe_change(s(base), s(apply_setting(base, "optimizer", "adam"))) == "optimizer sgd → adam"


def test_a_run_records_history_final_metrics_and_counters():
    exp = spiral()
    run = trained_run(exp, 3)
    assert run.epochs == 3 and run.steps == 3 * 5 and run.device == "cpu" and run.seconds > 0
    assert run.history["epoch"] == [0.0, 1.0, 2.0, 3.0]
    engine = Engine(exp)
    engine.train(3)
    assert run.final["test_loss"] == engine.metrics.test_loss
    assert run.final["train_metric"] == engine.metrics.train_metric
    assert label(run, 0) == "run 1"


def test_history_is_decimated_to_the_limit_keeping_both_ends():
    rows = {"epoch": np.arange(5000.0), "train_loss": np.linspace(1, 0, 5000)}
    out = decimate(rows)
    assert len(out["epoch"]) <= MAX_RUN_POINTS and out["epoch"][0] == 0 and out["epoch"][-1] == 4999
    assert out["test_loss"] == [None] * len(out["epoch"])  # a missing column: blanks, standard JSON


def test_runs_are_bounded_and_pinned_ones_survive():
    first = trained_run(spiral(), 1).model_copy(update={"pinned": True, "name": "keeper"})
    runs = [first]
    for i in range(MAX_RUNS + 5):
        runs = add_run(runs, first.model_copy(update={"pinned": False, "name": f"r{i}"}))
    assert len(runs) == MAX_RUNS
    assert runs[0].name == "keeper" and runs[-1].name == f"r{MAX_RUNS + 4}"


def test_runs_are_saved_reopened_and_restore_settings(tmp_path):
    exp = spiral()
    one = trained_run(exp, 2)
    changed = apply_setting(exp, "lr", 0.3)
    two = trained_run(changed, 2, previous=one.settings)
    assert two.changed == "lr 0.03 → 0.3"
    exp.runs = [one, two]
    path = tmp_path / "runs.json"
    save_experiment(exp, path)
    again = load_experiment(path)
    assert again.runs == exp.runs
    restored = restore(again, again.runs[1])
    assert restored.training.optimizer.values()["lr"] == 0.3 and restored.runs == again.runs


def test_version_1_files_migrate_and_bad_runs_are_named():
    doc = json.loads(dumps(spiral()))
    doc["version"] = 1
    del doc["runs"]
    assert experiment_io.experiment_from_dict(doc).version == VERSION == 2
    doc["runs"] = []
    with pytest.raises(ExperimentError, match="runs: unknown field in a version-1 file"):
        experiment_io.experiment_from_dict(doc)
    run = json.loads(dumps(spiral()))
    run["runs"] = [{"history": {"epoch": [0.0] * (MAX_RUN_POINTS + 1)}}]
    with pytest.raises(ExperimentError, match=r"runs\[0\]: history: at most 500 points"):
        parse_experiment(json.dumps(run))
    run["runs"] = [{"history": {"colour": [1.0]}}]
    with pytest.raises(ExperimentError, match="unknown column 'colour'"):
        parse_experiment(json.dumps(run))
    run["runs"] = [{}] * (MAX_RUNS + 1)
    with pytest.raises(ExperimentError, match="runs"):
        parse_experiment(json.dumps(run))


def test_cli_prints_and_exports_runs(tmp_path, capsys):
    exp = spiral()
    one = trained_run(exp, 2)
    two = trained_run(apply_setting(exp, "l2", 0.001), 2, previous=one.settings)
    exp.runs = [one, two]
    path = tmp_path / "e.json"
    save_experiment(exp, path)
    assert main(["runs", str(path)]) == 0
    out = capsys.readouterr().out
    assert "+L2 0.001" in out and "run 1" in out and out.count("\n") == 3
    target = tmp_path / "runs.csv"
    assert main(["export", str(path), "-o", str(target), "--format", "runs"]) == 0
    rows = list(csv.DictReader(io.StringIO(target.read_text())))
    assert len(rows) == 2 * 3 and {r["changed"] for r in rows} == {"", "+L2 0.001"}
    assert float(rows[-1]["test_loss"]) == two.final["test_loss"]
    empty = tmp_path / "none.json"
    save_experiment(spiral(), empty)
    assert main(["runs", str(empty)]) == 0 and "no runs recorded" in capsys.readouterr().out


def test_cli_compare_prints_rows_writes_csv_and_trainable_files(tmp_path, capsys):
    path = tmp_path / "e.json"
    save_experiment(spiral(), path)
    out_csv, folder = tmp_path / "r.csv", tmp_path / "variants"
    code = main(["compare", str(path), "--vary", "lr=0.01,0.1", "--epochs", "3", "--csv", str(out_csv),
                 "--save-dir", str(folder), "--quiet"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert out.splitlines()[0].split()[:3] == ["value", "epochs", "steps"] and len(out.splitlines()) == 3
    rows = list(csv.DictReader(io.StringIO(out_csv.read_text())))
    assert [r["value"] for r in rows] == ["0.01", "0.1"] and all(r["epochs"] == "3" for r in rows)
    files = sorted(folder.glob("*.json"))
    assert [f.name for f in files] == ["e_lr_0.01.json", "e_lr_0.1.json"]
    assert main(["train", str(files[1]), "--epochs", "1", "--quiet"]) == 0
    assert load_experiment(files[1]).state.epoch == 3
    assert main(["compare", str(path), "--vary", "lr=1"]) == 1
    assert "give 2 to 8 values" in capsys.readouterr().err
