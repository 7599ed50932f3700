"""The headless CLI: new → train → info, metrics JSON, and one clear line for every bad input."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from playground.cli import main
from playground.core.experiment_io import load_experiment
from playground.core.resources import data_dir

PENGUINS = data_dir() / "penguins_like.csv"


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_new_writes_a_valid_experiment_with_task_defaults(tmp_path, capsys):
    out = tmp_path / "x.json"
    code, _, _ = run(capsys, "new", "--dataset", "xor", "--hidden", "4", "--activation", "relu",
                     "--lr", "0.1", "--epochs", "7", "-o", str(out))
    assert code == 0
    exp = load_experiment(out)
    assert exp.data.kind == "xor" and exp.training.loss == "cross_entropy"
    assert [(h.units, h.activation) for h in exp.model.hidden] == [(4, "relu")]
    assert exp.training.optimizer.values()["lr"] == 0.1 and exp.training.epochs == 7

    code, _, _ = run(capsys, "new", "--dataset", "plane", "--hidden", "", "-o", str(out))
    exp = load_experiment(out)
    assert code == 0 and exp.training.loss == "mse" and exp.model.hidden == []


def test_train_writes_metrics_and_a_trained_file_that_continues(tmp_path, capsys):
    src = tmp_path / "c.json"
    run(capsys, "new", "--dataset", "circle", "--samples", "100", "--epochs", "3", "-o", str(src))
    trained, metrics = tmp_path / "t.json", tmp_path / "m.json"
    code, out, _ = run(capsys, "train", str(src), "--save", str(trained), "--metrics", str(metrics), "--quiet")
    assert code == 0
    m = json.loads(metrics.read_text())
    assert set(m) == {"train_loss", "test_loss", "train_accuracy", "test_accuracy", "epochs", "steps",
                      "seconds", "device"}
    assert m["epochs"] == 3 and m["steps"] == 15 and (m["device"] == "cpu" or m["device"].startswith("cuda"))
    assert json.loads(out) == m
    assert load_experiment(trained).state.epoch == 3

    code, _, _ = run(capsys, "train", str(trained), "--epochs", "2", "--metrics", str(metrics), "--quiet")
    assert code == 0 and json.loads(metrics.read_text())["epochs"] == 5

    code, out, _ = run(capsys, "info", str(trained))
    assert code == 0
    assert "trained 3 epochs (15 steps)" in out and "nn.Linear(2, 8)" in out and "parameters" in out


def test_regression_metrics_report_r2(tmp_path, capsys):
    src = tmp_path / "p.json"
    run(capsys, "new", "--dataset", "plane", "--hidden", "", "--epochs", "2", "-o", str(src))
    code, out, _ = run(capsys, "train", str(src), "--quiet")
    assert code == 0 and {"train_r2", "test_r2"} <= set(json.loads(out))


def test_csv_with_string_labels_trains_to_a_sensible_accuracy(tmp_path, capsys):
    exp_path = tmp_path / "penguins.json"
    code, _, err = run(capsys, "new", "--csv", str(PENGUINS), "--target", "species", "--standardize",
                       "--hidden", "8", "--epochs", "60", "-o", str(exp_path))
    assert code == 0, err
    exp = load_experiment(exp_path)
    assert exp.data.csv.classes == ["Adelie", "Chinstrap", "Gentoo"] and exp.data.csv.mean is not None
    code, out, _ = run(capsys, "train", str(exp_path), "--quiet")
    assert code == 0
    assert json.loads(out)["test_accuracy"] >= 0.8


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["info", "missing.json"], "missing.json: no such file"),
        (["train", "bad.json"], "not valid JSON"),
        (["new", "--dataset", "swirl", "-o", "x.json"], "invalid choice: 'swirl'"),
        (["new", "--dataset", "xor", "--hidden", "8,x", "-o", "x.json"], "--hidden: expected widths like 8,8"),
        (["new", "--csv", "nothere.csv", "--target", "y", "-o", "x.json"], "nothere.csv"),
        (["new", "--csv", "data.csv", "-o", "x.json"], "--csv needs --target"),
        (["train", "ok.json", "--device", "cuda:9"], "device 'cuda:9' is not available here"),
    ],
)
def test_bad_input_exits_non_zero_with_one_clear_line(tmp_path, monkeypatch, capsys, args, message):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bad.json").write_text("{oops")
    (tmp_path / "data.csv").write_text("a,b\n1,2\n")
    main(["new", "--dataset", "xor", "-o", "ok.json"])
    capsys.readouterr()
    code, _, err = run(capsys, *args)
    assert code != 0
    assert message in err
    assert "Traceback" not in err and err.startswith("playground: error:")


def test_the_installed_command_runs_headless_without_importing_qt(tmp_path):
    script = (
        "import sys; from playground.cli import main; code = main(sys.argv[1:]); "
        "assert not any(m.startswith(('PySide6', 'pyqtgraph')) for m in sys.modules), 'Qt was imported'; "
        "raise SystemExit(code)"
    )
    out = tmp_path / "n.json"
    result = subprocess.run([sys.executable, "-c", script, "new", "--dataset", "gauss", "-o", str(out)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    result = subprocess.run([sys.executable, "-m", "playground", "info", "nope.json"],
                            capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert result.returncode == 1 and result.stderr.strip() == "playground: error: nope.json: no such file"
