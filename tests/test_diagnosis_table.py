"""The diagnoses on a table of labelled runs: real short trainings, headless, each with the diagnosis
a teacher would give (issue 16: a too-large learning rate was blamed on depth, a short run got none).

Each run trains with the engine, then takes the snapshot a pause or the run's end publishes; the
first diagnosis must be the expected cause, on the expected layer, and nothing else may be said.
"""

from __future__ import annotations

import contextlib

import pytest

from playground.core.engine import Diverged, Engine
from playground.core.lessons import apply_patch, lesson_experiment, lessons_dir, load_lesson
from playground.core.spec import DataSpec, Experiment, LayerSpec, ModelSpec, OptimizerSpec, TrainingSpec
from playground.core.views import ViewRequest


def lesson(number: int, try_this: int | None = None, epochs: int | None = None) -> Experiment:
    path = next(lessons_dir().glob(f"{number:02d}_*.json"))
    chosen = load_lesson(path)
    exp = lesson_experiment(chosen, path)
    if try_this is not None:
        exp = apply_patch(exp, chosen.try_this[try_this].patch)
    if epochs is not None:
        exp = apply_patch(exp, {"training": {"epochs": epochs}})
    return exp


def net(units, activation="tanh", opt=None, kind="circle", epochs=20, init="default") -> Experiment:
    return Experiment(data=DataSpec(kind=kind, samples=200, seed=1),
                      model=ModelSpec(hidden=[LayerSpec(units=u, activation=activation) for u in units], init=init),
                      training=TrainingSpec(optimizer=OptimizerSpec(**(opt or {"name": "sgd", "lr": 0.03})),
                                            epochs=epochs, device="cpu"))


HEALTHY: list = []
TABLE = [  # (name, experiment, expected (kind, layer) of the diagnoses, words the first one must contain)
    ("lesson 1: linear regression", lambda: lesson(1), HEALTHY, ""),
    ("lesson 2: two points", lambda: lesson(2), HEALTHY, ""),
    ("lesson 3: logistic regression", lambda: lesson(3), HEALTHY, ""),
    ("lesson 3: a straight line on the circle", lambda: lesson(3, 0), [("underfitting", "output")],
     "add a hidden layer"),
    ("lesson 5: zero initialisation", lambda: lesson(5, epochs=10), [("symmetric", "hidden 1")],
     "units are identical"),
    ("lesson 6: a good learning rate", lambda: lesson(6), HEALTHY, ""),
    ("lesson 6: too small", lambda: lesson(6, 0), HEALTHY, ""),
    ("lesson 6: too large", lambda: lesson(6, 1), [("learning_rate", "")], "learning rate 0.15 is too large"),
    ("lesson 9: vanishing gradients (30 epochs)", lambda: lesson(9), [("vanishing", "hidden 1")],
     "gradients vanish in hidden 1"),
    ("lesson 10: dead ReLUs at lr 2", lambda: lesson(10), [("learning_rate", "hidden 1")],
     "of its ReLU units (dead)"),
    ("lesson 10: lr 0.1", lambda: lesson(10, 0), HEALTHY, ""),
    ("lesson 10: LeakyReLU recovers from its jump", lambda: lesson(10, 1), HEALTHY, ""),
    ("SGD lr 5, tanh 8,8 on the circle", lambda: net([8, 8], opt={"name": "sgd", "lr": 5.0}, epochs=10),
     [("learning_rate", "hidden 1")], "saturated"),
    ("zero-initialised tanh 8,8", lambda: net([8, 8], init="zeros", opt={"name": "sgd", "lr": 0.1}, epochs=10),
     [("symmetric", "hidden 1")], "units are identical"),  # hidden 2's units differ: the output layer's weights do
    ("twenty sigmoid layers", lambda: net([8] * 20, activation="sigmoid", epochs=3),
     [("vanishing", "hidden 1")], "gradients vanish in hidden 1–"),
]


def diagnoses(experiment: Experiment) -> list:
    engine = Engine(experiment, device="cpu")
    with contextlib.suppress(Diverged):
        engine.train(experiment.training.epochs)
    return list(engine.snapshot(ViewRequest(boundary=False)).diagnostics)


@pytest.mark.parametrize(("make", "expected", "words"), [row[1:] for row in TABLE], ids=[row[0] for row in TABLE])
def test_each_labelled_run_gets_its_diagnosis(make, expected, words) -> None:
    found = diagnoses(make())
    assert [(d.kind, d.layer) for d in found] == expected, [d.message for d in found]
    if words:
        assert words in found[0].message


def test_the_cure_for_a_saturating_learning_rate_is_a_smaller_learning_rate() -> None:
    """Issue 16: SGD lr 5 on tanh 8,8 was told "gradients vanish … try ReLU" when its run ended."""
    (found,) = diagnoses(net([8, 8], opt={"name": "sgd", "lr": 5.0}, epochs=10))
    assert found.message.startswith("the learning rate 5 is too large: the loss jumped from")
    assert "Lower the learning rate (try 0.5)" in found.message and "ReLU" not in found.message


def test_the_table_is_big_enough() -> None:
    assert len(TABLE) >= 12 and sum(1 for row in TABLE if row[2]) >= 6
