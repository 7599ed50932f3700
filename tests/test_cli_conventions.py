"""CLI conventions: one-line errors that name the option or field, exit 1 for every error (usage
included), registry choices in --help, --version on every command, quiet on a closed pipe."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
import torch
from safetensors.torch import save_file

from playground import __version__, cli
from playground.cli import main
from playground.core.experiment_io import load_experiment, save_experiment
from playground.core.registry import ACTIVATIONS, LOSSES, OPTIMIZERS
from playground.core.resources import examples_dir
from playground.core.spec import SYNTHETIC_KINDS, Experiment, TrainingSpec


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def one_error_line(err: str) -> str:
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("playground: error: "), err
    assert "Traceback" not in err and "http" not in err
    return lines[0]


@pytest.mark.parametrize(("args", "expected"), [
    (["new", "--dataset", "xor"], "the following arguments are required: -o/--output"),
    (["new", "--dataset", "xor", "--bogus", "-o", "x.json"], "unrecognized arguments: --bogus"),
    (["train"], "the following arguments are required: file"),
    (["new", "--dataset", "xor", "--activation", "relux", "-o", "x.json"],
     "argument --activation: invalid choice: 'relux'"),
    (["new", "--dataset", "xor", "--samples", "three", "-o", "x.json"], "argument --samples: invalid int value"),
    (["new", "--dataset", "xor", "--samples", "3", "-o", "x.json"],
     "--samples: Input should be greater than or equal to 10 (got 3)"),
    (["new", "--dataset", "xor", "--train-fraction", "1.5", "-o", "x.json"],
     "--train-fraction: Input should be less than or equal to 1 (got 1.5)"),
    (["new", "--dataset", "xor", "--lr", "1e4", "-o", "x.json"], "--lr: lr must be in (0, 10], got 10000.0"),
    (["new", "--dataset", "xor", "--hidden", "2000", "-o", "x.json"], "--hidden: Input should be less than or equal"),
    (["new", "--dataset", "xor", "--hidden", "1024,1024,1024", "-o", "x.json"],
     "--hidden: model: 2,104,322 parameters is more than the 2,000,000 allowed"),
    (["new", "--dataset", "plane", "--loss", "cross_entropy", "-o", "x.json"],
     "--loss: training.loss 'cross_entropy' is for classification, but the data is regression"),
    (["new", "--dataset", "blobs", "--classes", "3", "--loss", "bce_with_logits", "-o", "x.json"],
     "--loss: training.loss 'bce_with_logits' needs 2 classes, the data has 3"),
    (["info", "/dev/zero"], "/dev/zero: is a device, pipe or socket, not an experiment file"),
    (["train", "ok.json", "--epochs", "-1"], "--epochs must be ≥ 0"),
])
def test_every_error_is_one_line_and_exits_1(tmp_path, monkeypatch, capsys, args, expected):
    monkeypatch.chdir(tmp_path)
    save_experiment(Experiment(), tmp_path / "ok.json")
    code, _, err = run(capsys, *args)
    assert code == 1
    assert expected in one_error_line(err)


def test_a_real_process_exits_1_on_a_usage_error(tmp_path):
    done = subprocess.run([sys.executable, "-m", "playground", "train", "--nope"], capture_output=True, text=True,
                          timeout=120, cwd=tmp_path)
    assert done.returncode == 1 and len(done.stderr.splitlines()) == 1
    assert done.stderr.startswith("playground: error: ")


@pytest.mark.parametrize("command", [[], ["new"], ["train"], ["info"], ["export"]])
def test_version_everywhere(capsys, command):
    with pytest.raises(SystemExit) as info:
        main([*command, "--version"])
    assert info.value.code == 0 and capsys.readouterr().out.strip() == f"playground {__version__}"


def test_help_lists_the_registries(capsys):
    with pytest.raises(SystemExit):
        main(["new", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    for names in (SYNTHETIC_KINDS, ACTIVATIONS.keys(), LOSSES.keys(), OPTIMIZERS.keys()):
        assert ", ".join(names) in text
    with pytest.raises(SystemExit):
        main(["export", "--help"])
    assert "safetensors, pt, onnx, py, ipynb, csv" in " ".join(capsys.readouterr().out.split())


def test_a_closed_pipe_ends_quietly(tmp_path):
    """``playground info x | head -1`` once ended with "Broken pipe" on stderr."""
    read, write = os.pipe()
    os.close(read)  # the reader is gone before anything is written
    try:
        done = subprocess.run([sys.executable, "-m", "playground", "info", str(examples_dir() / "spiral.json")],
                              stdout=write, stderr=subprocess.PIPE, text=True, timeout=120, cwd=tmp_path)
    finally:
        os.close(write)
    assert done.stderr == "" and done.returncode == cli.EXIT_BROKEN_PIPE


def test_an_unexpected_failure_is_one_line_too(tmp_path, monkeypatch, capsys):
    def broken(_args):
        raise TypeError("unsupported operand")

    monkeypatch.setitem(cli.COMMANDS, "info", broken)
    code, _, err = run(capsys, "info", "x.json")
    assert code == 1 and "internal error (TypeError: unsupported operand); please report it" in one_error_line(err)


@pytest.mark.skipif(torch.cuda.is_available(), reason="needs a machine without a GPU")
def test_an_absent_device_is_an_error_unless_auto(tmp_path, capsys):
    path = tmp_path / "gpu.json"
    save_experiment(Experiment(training=TrainingSpec(device="cuda:0", epochs=1)), path)
    code, _, err = run(capsys, "train", str(path), "--quiet")
    assert code == 1 and ("training.device: 'cuda:0' is not available here (available: auto, cpu"
                          in one_error_line(err)) and "--device auto" in err
    code, _, err = run(capsys, "train", str(path), "--device", "cuda:1", "--quiet")
    assert code == 1 and "--device: device 'cuda:1' is not available here" in one_error_line(err)
    code, out, _ = run(capsys, "train", str(path), "--device", "auto", "--quiet")
    assert code == 0 and json.loads(out)["device"] == "cpu"
    code, out, _ = run(capsys, "info", str(path))
    assert code == 0 and "untrained" in out


def test_hidden_sizes_are_suggested_from_the_data(tmp_path, capsys):
    rows = ["".join(f"f{j}," for j in range(64)) + "label"]
    rows += ["".join(f"{(i * j) % 7}," for j in range(64)) + f"c{i % 10}" for i in range(200)]
    (tmp_path / "wide.csv").write_text("\n".join(rows) + "\n")
    code, _, err = run(capsys, "new", "--csv", str(tmp_path / "wide.csv"), "--target", "label",
                       "-o", str(tmp_path / "w.json"))
    assert code == 0, err
    assert [h.units for h in load_experiment(tmp_path / "w.json").model.hidden] == [64, 32]
    code, _, _ = run(capsys, "new", "--dataset", "spiral", "-o", str(tmp_path / "s.json"))
    assert [h.units for h in load_experiment(tmp_path / "s.json").model.hidden] == [8, 8]
    code, _, _ = run(capsys, "new", "--dataset", "spiral", "--hidden", "3", "-o", str(tmp_path / "s.json"))
    assert [h.units for h in load_experiment(tmp_path / "s.json").model.hidden] == [3]


def test_new_never_writes_nan_from_warm_start_weights(tmp_path, capsys):
    weights = {"0.weight": torch.full((8, 2), float("nan")), "0.bias": torch.zeros(8),
               "2.weight": torch.zeros(8, 8), "2.bias": torch.zeros(8),
               "4.weight": torch.zeros(2, 8), "4.bias": torch.zeros(2)}
    save_file(weights, str(tmp_path / "w.safetensors"))
    out = tmp_path / "warm.json"
    code, _, err = run(capsys, "new", "--dataset", "xor", "--init-from", str(tmp_path / "w.safetensors"),
                       "-o", str(out))
    assert code == 1 and "parameter '0.weight'" in one_error_line(err) and "NaN or infinite" in err
    assert not out.exists()
