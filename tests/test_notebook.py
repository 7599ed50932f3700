"""The Jupyter notebook export: valid nbformat, the exported script's code in cells, and when executed
headless (nbclient + ipykernel) it reproduces the playground's train-loss history to 1e-6."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import nbformat
import numpy as np
import pytest

from playground.core.engine import Engine
from playground.core.experiment_io import load_experiment
from playground.core.export import export, get_format
from playground.core.export.codegen import training_section
from playground.core.export.notebook import notebook
from playground.core.export.source import from_engine
from playground.core.lessons import lesson_experiment, lessons_dir, load_lesson
from playground.core.resources import examples_dir

LOSS_TOL = 1e-6


def _execute(nb: nbformat.NotebookNode, folder: Path, monkeypatch) -> list[float]:
    """Run every cell in a fresh kernel, then read the notebook's own ``history`` back."""
    from nbclient import NotebookClient

    monkeypatch.setenv("JUPYTER_RUNTIME_DIR", str(folder / "runtime"))
    monkeypatch.setenv("IPYTHONDIR", str(folder / "ipython"))
    monkeypatch.delenv("MPLBACKEND", raising=False)
    nb.cells.append(nbformat.v4.new_code_cell("import json\njson.dump(history, open('history.json', 'w'))"))
    NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(folder)}}).execute()
    return json.loads((folder / "history.json").read_text())


def _outputs(nb: nbformat.NotebookNode) -> list[dict]:
    return [o for cell in nb.cells if cell.cell_type == "code" for o in cell.outputs]


def test_a_spiral_notebook_executes_reproduces_the_history_and_draws_the_boundary(tmp_path, monkeypatch):
    engine = Engine(load_experiment(examples_dir() / "spiral.json"), device="cpu")
    engine.train(5)
    path = tmp_path / "run.ipynb"
    assert export(engine, path) == "ipynb"
    assert not get_format("ipynb").needs_weights  # it trains from scratch: no weights file beside it
    assert sorted(p.name for p in tmp_path.iterdir()) == ["run.ipynb"]
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    assert training_section(from_engine(engine), False) in code  # the script's code, not a second generator
    assert "__file__" not in code
    history = _execute(nb, tmp_path, monkeypatch)
    np.testing.assert_allclose(history, engine.history.arrays()["train_loss"], rtol=0, atol=LOSS_TOL)
    images = [o for o in _outputs(nb) if o.output_type == "display_data" and "image/png" in o.data]
    assert len(images) == 2  # the loss curve and the decision boundary
    assert not [o for o in _outputs(nb) if o.output_type == "error"]


def test_the_lesson_notebook_carries_the_lesson_text_executes_and_draws_weight_images(tmp_path, monkeypatch):
    path = lessons_dir() / "14_softmax_regression_digits.json"
    out = tmp_path / "lesson.ipynb"
    done = subprocess.run([sys.executable, "-m", "playground", "--lang", "en", "export", str(path), "-o", str(out)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    nb = nbformat.read(out, as_version=4)
    nbformat.validate(nb)
    lesson = load_lesson(path)
    intro = nb.cells[0].source
    for text in (lesson.title, lesson.goal, lesson.steps[0], lesson.question, lesson.answer):
        assert text in intro
    engine = Engine(lesson_experiment(lesson, path), device="cpu")
    engine.train(lesson.experiment.training.epochs)
    history = _execute(nb, tmp_path, monkeypatch)
    np.testing.assert_allclose(history, engine.history.arrays()["train_loss"], rtol=0, atol=LOSS_TOL)
    printed = "".join(o.get("text", "") for o in _outputs(nb) if o.output_type == "stream")
    assert f"test accuracy: {engine.metrics.test_metric:.4f}" in printed
    assert sum("image/png" in o.get("data", {}) for o in _outputs(nb)) == 2  # loss curve, ten weight images


def test_the_lesson_notebook_speaks_the_chosen_language(tmp_path):
    path = lessons_dir() / "15_mlp_digits.json"
    lesson = load_lesson(path)
    engine = Engine(lesson_experiment(lesson, path), device="cpu")
    zh = notebook(from_engine(engine), lesson, "zh_CN")
    intro = zh.cells[0].source
    assert lesson.title not in intro and "隐藏" in intro
    assert any("## 数据" in c.source for c in zh.cells if c.cell_type == "markdown")
    en = notebook(from_engine(engine), lesson, "en")
    assert lesson.title in en.cells[0].source


@pytest.mark.parametrize("example", ["line_fit.json", "penguins_csv.json"])
def test_notebooks_of_other_data_are_valid_and_compile(example, tmp_path):
    engine = Engine(load_experiment(examples_dir() / example), base_dir=examples_dir(), device="cpu")
    nb = notebook(from_engine(engine))
    nbformat.validate(nb)
    for cell in nb.cells:
        if cell.cell_type == "code":
            compile(cell.source, example, "exec")
