"""Every built-in lesson trains headless and shows what its text claims, with a margin.

Each test trains the lesson's experiment (and the "try this" changes its claim compares) for the
lesson's own number of epochs, exactly as the app's Train button does.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pytest
import torch

from playground.core.engine import Diverged, Engine
from playground.core.experiment_io import ExperimentError
from playground.core.lessons import (
    LessonError,
    apply_patch,
    lesson_experiment,
    lessons,
    lessons_dir,
    load_lesson,
    merge_patch,
)
from playground.core.step_maths import dead_units
from playground.core.threads import configure_threads

LESSONS = {path.stem[:2]: (path, lesson) for path, lesson in lessons()}


@pytest.fixture(autouse=True, scope="module")
def _threads_as_the_app_sets_them():
    """Small nets train on one thread, as in the app (two threads crawl on a busy 2-core machine)."""
    threads = torch.get_num_threads()
    yield
    torch.set_num_threads(threads)


def train(number: str, change: str | None = None) -> Engine:
    """The lesson's experiment, with the "try this" change whose label starts with ``change``."""
    path, lesson = LESSONS[number]
    experiment = lesson_experiment(lesson, path)
    if change is not None:
        patch = next(t.patch for t in lesson.try_this if t.label.startswith(change))
        experiment = apply_patch(experiment, patch)
    engine = Engine(experiment, device="cpu")
    configure_threads(engine)
    engine.train(experiment.training.epochs)
    return engine


def accuracy(engine: Engine) -> tuple[float, float]:
    return engine.metrics.train_metric, engine.metrics.test_metric


# --------------------------------------------------------------------------------------------- files
def test_twelve_lessons_load_and_every_change_makes_a_valid_experiment():
    assert len(LESSONS) >= 12
    for path, lesson in LESSONS.values():
        assert all(text.strip() for text in lesson.texts())
        assert lesson.results, f"{path.name} states no numbers"
        for change in lesson.try_this:
            apply_patch(lesson_experiment(lesson, path), change.patch)
        assert lesson.experiment.state is None


def test_a_broken_lesson_is_refused_with_the_field_named(tmp_path: Path):
    doc = json.loads((lessons_dir() / "04_xor.json").read_text(encoding="utf-8"))
    doc["try_this"][0]["patch"] = {"model": {"hidden": [{"units": 0}]}}
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(LessonError, match=r"makes an invalid experiment(.|\n)*model.hidden\[0\].units"):
        load_lesson(bad)
    doc["try_this"] = []
    doc["question"] = ""
    bad.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(LessonError, match="question: String should have at least 1 character"):
        load_lesson(bad)


def test_merge_patch_follows_rfc_7396():
    assert merge_patch({"a": {"b": 1, "c": 2}, "d": [1]}, {"a": {"b": None, "e": 3}, "d": [2]}) == {
        "a": {"c": 2, "e": 3}, "d": [2]}
    with pytest.raises(ExperimentError, match="optimizer"):
        apply_patch(LESSONS["04"][1].experiment, {"training": {"optimizer": {"name": "sgdd"}}})


# --------------------------------------------------------------------------------------------- claims
def test_01_d2l_linear_regression_recovers_the_true_weights():
    engine = train("01")
    weight, bias = engine.model[0].weight.detach().double(), engine.model[0].bias.detach().double()
    true = LESSONS["01"][1].true_values
    assert torch.allclose(weight, torch.tensor(true["0.weight"], dtype=torch.float64), atol=0.01)
    assert torch.allclose(bias, torch.tensor(true["0.bias"], dtype=torch.float64), atol=0.01)
    np.testing.assert_allclose(weight.numpy(), [[1.99991, -3.40008]], atol=1e-3)  # the lesson's table
    assert engine.metrics.train_loss < 2e-4 and math.isnan(engine.metrics.test_loss)  # no test set


def test_02_two_points_fit_exactly_after_the_hand_worked_first_step():
    history = train("02").history.arrays()["train_loss"]
    assert history[0] == pytest.approx(0.12125, abs=1e-7)
    assert history[1] == pytest.approx(0.05258, abs=1e-5)
    assert history[-1] < 1e-6


def test_03_one_sigmoid_neuron_splits_gaussians_but_not_a_circle():
    assert min(accuracy(train("03"))) >= 0.97
    assert max(accuracy(train("03", "Circle data"))) <= 0.7
    assert min(accuracy(train("03", "Circle with"))) >= 0.95


def test_04_xor_fails_without_a_hidden_layer_and_is_solved_with_one():
    assert max(accuracy(train("04"))) < 0.8
    assert accuracy(train("04", "Add a hidden layer")) == (1.0, 1.0)


def test_05_zero_init_units_learn_but_stay_identical():
    engine = train("05")
    weights = engine.model[0].weight.detach()
    history = engine.history.arrays()["train_loss"]
    assert history[-1] < history[0] - 0.05  # the loss falls: the units do learn…
    assert weights.abs().min() > 0.01
    assert torch.allclose(weights, weights[0].expand_as(weights), atol=1e-6)  # …all the same thing
    assert accuracy(train("05", "PyTorch's default init"))[0] >= max(accuracy(engine)) + 0.15
    frozen = train("05", "Zero output layer too")
    assert torch.count_nonzero(frozen.model[0].weight) == 0  # nothing but the output bias can learn
    assert frozen.history.arrays()["train_loss"][0] - frozen.metrics.train_loss < 0.02


def test_06_learning_rate_too_small_right_and_too_large():
    assert train("06", "Too small").metrics.train_loss > 5.0
    assert train("06").metrics.train_loss < 0.3
    try:
        losses = train("06", "Too large").history.arrays()["train_loss"]
        assert losses[-1] > 100 * losses[0] or not np.isfinite(losses[-1])  # rising
    except Diverged:  # or not a number any more
        pass


def test_07_sigmoid_crawls_where_tanh_relu_and_leaky_relu_learn():
    assert accuracy(train("07"))[1] < 0.7
    for change in ("Tanh", "ReLU", "LeakyReLU"):
        assert min(accuracy(train("07", change))) >= 0.93, change


@pytest.mark.slow
def test_08_the_spiral_needs_depth_and_width_or_sin_inputs():
    assert accuracy(train("08"))[1] < 0.75
    assert accuracy(train("08", "Deeper and wider"))[0] >= 0.95
    assert accuracy(train("08", "sin inputs"))[1] >= 0.9


def test_09_gradients_vanish_in_a_deep_sigmoid_net():
    engine = train("09")
    norms = {p.name: p.grad_norm for p in engine.snapshot().params}
    assert norms["0.weight"] < 1e-3 * norms["12.weight"]
    assert engine.metrics.train_loss > 0.68
    assert min(accuracy(train("09", "ReLU + Kaiming"))) >= 0.95
    assert min(accuracy(train("09", "Tanh + Xavier"))) >= 0.95


def test_10_a_large_learning_rate_kills_relu_units():
    engine = train("10")
    dead = {layer: (n, total) for layer, n, total in dead_units(engine)}
    assert dead["hidden 2"] == (16, 16) and dead["hidden 1"][0] >= 4
    assert max(accuracy(engine)) <= 0.6
    small = train("10", "Learning rate 0.1")
    assert sum(n for _, n, _ in dead_units(small)) <= 3 and min(accuracy(small)) >= 0.95
    leaky = train("10", "LeakyReLU")
    assert dead_units(leaky) == [] and accuracy(leaky)[0] >= 0.95


def test_11_overfitting_is_reduced_by_l2_and_dropout():
    base = train("11").metrics
    assert base.test_loss > 5 * base.train_loss
    assert train("11", "L2").metrics.test_loss < 0.8 * base.test_loss
    assert train("11", "Dropout").metrics.test_loss < 0.8 * base.test_loss


def test_12_softmax_regression_confuses_exactly_the_overlapping_classes():
    engine = train("12")
    predictions = engine.test_predictions()
    matrix = np.zeros((4, 4), dtype=int)
    np.add.at(matrix, (predictions.y_true, predictions.y_pred), 1)
    assert engine.dataset.class_names == ["A", "B", "C", "D"]
    assert engine.metrics.test_metric >= 0.78
    for k in (0, 3):  # A and D stand apart
        assert matrix[k, k] >= 0.95 * matrix[k].sum()
    off = matrix - np.diag(np.diag(matrix))
    assert off[1, 2] + off[2, 1] >= 0.8 * off.sum()  # the errors are B ↔ C
    assert train("12", "Add a hidden layer").metrics.test_metric < engine.metrics.test_metric + 0.05
    assert train("12", "Without standardisation").metrics.test_metric < engine.metrics.test_metric
