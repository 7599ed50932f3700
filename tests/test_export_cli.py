"""``playground export``, ``train --export`` and ``--init-from`` from the command line."""

from __future__ import annotations

import json

import pytest
from safetensors.torch import load_file

from playground.cli import main
from playground.core.experiment_io import load_experiment


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def trained(tmp_path, capsys):
    src, done = tmp_path / "x.json", tmp_path / "t.json"
    run(capsys, "new", "--dataset", "xor", "--samples", "60", "--hidden", "4", "--epochs", "2", "-o", str(src))
    code, _, _ = run(capsys, "train", str(src), "--device", "cpu", "--quiet", "--save", str(done))
    assert code == 0
    return src, done


def test_export_by_extension_and_by_name(trained, tmp_path, capsys):
    _, done = trained
    code, out, err = run(capsys, "export", str(done), "-o", str(tmp_path / "m.safetensors"))
    assert code == 0 and "warning" not in err and out.strip().endswith("(safetensors)")
    assert set(load_file(str(tmp_path / "m.safetensors"))) == {"0.weight", "0.bias", "2.weight", "2.bias"}
    code, _, _ = run(capsys, "export", str(done), "-o", str(tmp_path / "weights.bin"), "--format", "pt")
    assert code == 0 and (tmp_path / "weights.bin").is_file()
    code, _, _ = run(capsys, "export", str(done), "-o", str(tmp_path / "points.csv"))
    assert code == 0 and (tmp_path / "points.csv").read_text().startswith("x1,x2,y,split\n")


def test_an_untrained_export_warns_in_one_line(trained, tmp_path, capsys):
    src, _ = trained
    code, _, err = run(capsys, "export", str(src), "-o", str(tmp_path / "m.pt"))
    lines = [line for line in err.splitlines() if line]
    assert code == 0 and (tmp_path / "m.pt").is_file()
    assert lines == ["playground: warning: the model is untrained: the export holds its random initial weights"]
    code, _, err = run(capsys, "export", str(src), "-o", str(tmp_path / "m.pt"), "--quiet")
    assert code == 0 and "warning" not in err


def test_bad_export_requests_fail_in_one_line(trained, tmp_path, capsys):
    _, done = trained
    code, _, err = run(capsys, "export", str(done), "-o", str(tmp_path / "m.h5"))
    assert code == 1 and err.startswith("playground: error:") and "cannot tell the export format" in err
    code, _, err = run(capsys, "export", str(done), "-o", str(tmp_path / "m.x"), "--format", "tflite")
    assert code == 1 and "unknown export format 'tflite'" in err


def test_train_exports_every_path_it_is_given(trained, tmp_path, capsys):
    src, _ = trained
    a, b = tmp_path / "a.safetensors", tmp_path / "b.py"
    code, out, err = run(capsys, "train", str(src), "--device", "cpu", "--quiet", "--export", str(a),
                         "--export", str(b))
    assert code == 0 and a.is_file() and b.is_file() and (tmp_path / "b.pt").is_file()
    assert json.loads(out)["epochs"] == 2 and "warning" not in err and "exported" in err


def test_init_from_starts_new_and_trained_experiments_from_weights(trained, tmp_path, capsys):
    src, done = trained
    weights = tmp_path / "w.safetensors"
    run(capsys, "export", str(done), "-o", str(weights))
    warm = tmp_path / "warm.json"
    code, _, _ = run(capsys, "new", "--dataset", "xor", "--samples", "60", "--hidden", "4", "--init-from",
                     str(weights), "-o", str(warm))
    exp = load_experiment(warm)
    assert code == 0 and exp.model.init_values is not None and exp.state is None
    assert exp.model.init_values["0.weight"] == load_file(str(weights))["0.weight"].double().tolist()
    code, out, _ = run(capsys, "train", str(src), "--device", "cpu", "--quiet", "--epochs", "1",
                       "--init-from", str(weights))
    assert code == 0 and json.loads(out)["epochs"] == 1
    code, _, err = run(capsys, "new", "--dataset", "xor", "--hidden", "6", "--init-from", str(weights),
                       "-o", str(warm))
    assert code == 1
    assert "parameter '0.weight' (hidden 1 · weight) has shape [4, 2], but this model needs [6, 2]" in err
