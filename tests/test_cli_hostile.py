"""Issue 17 on the command line: Ctrl-C and full disks keep the training, odd outputs and inputs are named.

Each test here failed on the code before issue 17's fixes: a Ctrl-C or SIGTERM threw the run away,
a save that failed after training lost it, a FIFO or device node was replaced by a regular file,
``--batch-size 0`` wrote 10, ``--hidden 0`` and ``0,8`` meant different things, ``--lang`` without a
value was ignored, a link loop was an internal error, and float64 weights of 1e300 became inf.
"""

from __future__ import annotations

import errno
import json
import os
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from playground.cli import main
from playground.core import savefile
from playground.core.experiment_io import load_experiment

CHILD = ("import signal, sys; signal.signal(signal.SIGINT, signal.default_int_handler); "  # a background
         "from playground.cli import main; sys.exit(main())")  # job starts with SIGINT ignored: reset it


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_a_signal_during_train_saves_what_was_trained(tmp_path, sig):
    """Issue 17 #3: Ctrl-C exited 130 with nothing saved and no metrics."""
    src, out, metrics = tmp_path / "a.json", tmp_path / "out.json", tmp_path / "m.json"
    assert main(["new", "--dataset", "spiral", "--samples", "20000", "--epochs", "1000", "-o", str(src)]) == 0
    proc = subprocess.Popen([sys.executable, "-c", CHILD, "train", str(src), "--save", str(out),
                             "--metrics", str(metrics)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        first = proc.stderr.readline()  # the progress line after the first epoch: training is under way
        assert first.startswith("epoch"), first + proc.stderr.read()
        proc.send_signal(sig)
        stdout, stderr = proc.communicate(timeout=300)
    finally:
        proc.kill()
    assert proc.returncode == 130, stderr
    assert "interrupted at step" in stderr and f"saved {out}" in stderr
    trained = load_experiment(out)
    assert trained.state is not None and trained.state.step >= 1000  # at least the first epoch
    figures = json.loads(metrics.read_text())
    assert figures["steps"] == trained.state.step and json.loads(stdout) == figures


def test_a_save_that_fails_after_training_writes_the_experiment_elsewhere(tmp_path, monkeypatch, capsys):
    """Issue 17 #3: a full disk at the end of training lost the whole run."""
    src, out = tmp_path / "a.json", tmp_path / "out.json"
    main(["new", "--dataset", "xor", "--samples", "40", "--epochs", "2", "-o", str(src)])
    real_replace = savefile.os.replace

    def full_disk(tmp, target):
        if Path(target) == out:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_replace(tmp, target)

    monkeypatch.setattr(savefile.os, "replace", full_disk)
    code, _, err = run(capsys, "train", str(src), "--save", str(out), "--quiet")
    assert code == 1 and not out.exists()
    line = [x for x in err.splitlines() if x.startswith("playground: error:")][-1]
    assert "No space left on device" in line and "the trained experiment was written to" in line
    kept = Path(line.split("written to ", 1)[1].removesuffix(" instead"))
    assert kept.parent == tmp_path and load_experiment(kept).state.step > 0


def test_saving_onto_a_fifo_or_device_never_replaces_it(tmp_path, monkeypatch, capsys):
    """Issue 17 #7: ``-o`` on a device node exited 0 and left a regular file in its place."""
    monkeypatch.chdir(tmp_path)
    os.mkfifo("fifo")
    code, _, err = run(capsys, "new", "--dataset", "xor", "-o", "fifo")
    assert code == 1 and "fifo: cannot save: it is a device, pipe or socket" in err
    assert stat.S_ISFIFO(os.stat("fifo").st_mode)


def test_standard_output_takes_the_experiment(tmp_path, monkeypatch, capsys):
    """``-o -`` (or /dev/stdout) prints the experiment; ``train --save -`` moves the metrics to stderr."""
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(capsys, "new", "--dataset", "xor", "--samples", "40", "--epochs", "1", "-o", "-")
    assert code == 0 and json.loads(out)["format"] == "torch-playground.experiment"
    Path("a.json").write_text(out)
    code, out, err = run(capsys, "train", "a.json", "--save", "-", "--quiet")
    assert code == 0 and json.loads(out)["state"]["step"] > 0 and '"train_loss"' in err


@pytest.mark.parametrize(("args", "message"), [
    (["new", "--dataset", "xor", "--batch-size", "0", "-o", "x.json"],
     "--batch-size: Input should be greater than or equal to 1 (got 0)"),
    (["new", "--dataset", "xor", "--hidden", "0", "-o", "x.json"],
     "--hidden: a layer needs at least 1 unit, got '0'; use --hidden none for no hidden layer"),
    (["new", "--dataset", "xor", "--hidden", "0,8", "-o", "x.json"], "--hidden: a layer needs at least 1 unit"),
    (["info", "ok.json", "--lang"], "--lang: expected a language after it"),
    (["new", "--dataset", "xor", "-o", "loop"], "loop: cannot save: Too many levels of symbolic links"),
    (["train", "ok.json", "--save", "loop"], "loop: cannot save: Too many levels of symbolic links"),
    (["info", "loop"], "loop: cannot be read (Too many levels of symbolic links)"),
])
def test_small_things_are_refused_clearly(tmp_path, monkeypatch, capsys, args, message):
    """Issue 17 #9: each of these exited 0 doing something else, or said "internal error"."""
    monkeypatch.chdir(tmp_path)
    main(["new", "--dataset", "xor", "--samples", "40", "--epochs", "1", "-o", "ok.json"])
    Path("loop").symlink_to("loop")
    capsys.readouterr()
    code, _, err = run(capsys, *args)
    lines = [x for x in err.splitlines() if x.startswith("playground: error:")]
    assert code == 1 and len(lines) == 1 and message in lines[0], err
    assert "internal error" not in err and not Path("x.json").exists() and Path("loop").is_symlink()


def test_no_hidden_layer_is_none(tmp_path, capsys):
    code, _, _ = run(capsys, "new", "--dataset", "xor", "--hidden", "none", "-o", str(tmp_path / "a.json"))
    assert code == 0 and load_experiment(tmp_path / "a.json").model.hidden == []


def test_float64_weights_that_overflow_float32_are_refused(tmp_path, capsys):
    """Issue 17 #8: 1e300 in float64 weights passed ``info`` and became inf in the float32 engine."""
    import torch

    from playground.core.engine import Engine
    from playground.core.experiment_io import dumps, parse_experiment
    from playground.core.spec import DataSpec, Experiment, LayerSpec, ModelSpec, TrainingSpec
    from playground.core.state import decode_tensors, encode_tensors

    spec = Experiment(data=DataSpec(kind="xor", samples=40), model=ModelSpec(hidden=[LayerSpec(units=4)]),
                      training=TrainingSpec(batch_size=8, device="cpu"))
    engine = Engine(spec)
    engine.train_step()
    doc = json.loads(dumps(engine.experiment()))
    tensors = decode_tensors(doc["state"]["tensors"])
    tensors["model.0.weight"] = torch.full_like(tensors["model.0.weight"], 1e300, dtype=torch.float64)
    doc["state"]["tensors"] = encode_tensors(tensors)
    path = tmp_path / "big.json"
    path.write_text(json.dumps(doc))
    code, _, err = run(capsys, "info", str(path))
    assert code == 1 and "'model.0.weight' holds values beyond float32" in err, err
    with pytest.raises(Exception, match="beyond float32"):
        Engine(parse_experiment(path.read_text(), "big.json"))


def test_export_to_standard_output_where_the_format_is_one_text_file(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    main(["new", "--dataset", "xor", "--samples", "40", "--epochs", "1", "-o", "a.json"])
    capsys.readouterr()
    code, out, _ = run(capsys, "export", "a.json", "-o", "-", "--format", "csv")
    assert code == 0 and out.splitlines()[0].startswith("x1,x2") and not Path("-").exists()
    code, _, err = run(capsys, "export", "a.json", "-o", "-", "--format", "safetensors")
    assert code == 1 and "standard output takes --format csv only" in err and not Path("-").exists()
