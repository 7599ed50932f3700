"""Diagnostics in words, naming the layer: each rule on plain numbers, then on real training runs."""

from __future__ import annotations

import numpy as np
import pytest

from playground.core import diagnostics as rules
from playground.core.engine import Diverged, Engine
from playground.core.spec import DataSpec, Experiment, LayerSpec, ModelSpec, OptimizerSpec, TrainingSpec
from playground.core.views import ViewRequest

SPIRAL = DataSpec(kind="spiral", samples=500, noise=0.1, seed=1)


def kinds(experiment: Experiment, steps: int) -> dict[str, list[str]]:
    """Train ``steps`` steps with a snapshot every 10 (as the app publishes); the last one's diagnostics."""
    engine = Engine(experiment)
    for i in range(steps):
        engine.train_step(capture=i % 10 == 0)
        if i % 10 == 0:
            engine.snapshot(ViewRequest(boundary=False))
    out: dict[str, list[str]] = {}
    for d in engine.snapshot(ViewRequest(boundary=False)).diagnostics:
        out.setdefault(d.kind, []).append(d.message)
    return out


def net(units, activation="tanh", opt=None, init="default", data=SPIRAL) -> Experiment:
    return Experiment(data=data, model=ModelSpec(hidden=[LayerSpec(units=u, activation=activation) for u in units],
                                                 init=init),
                      training=TrainingSpec(optimizer=OptimizerSpec(**(opt or {"name": "sgd", "lr": 0.03})),
                                            device="cpu"))


def test_zero_initialised_tanh_network_gets_the_symmetry_warning():
    found = kinds(net([8, 8], init="zeros", opt={"name": "sgd", "lr": 0.1}), 200)
    assert any(m.startswith("hidden 1: its 8 units are identical") for m in found["symmetric"])


def test_sgd_lr_10_on_spiral_gets_the_oscillation_hint():
    found = kinds(net([8, 8], opt={"name": "sgd", "lr": 10.0}), 800)
    assert found["oscillating"] == ["the loss oscillates without progress: the learning rate may be too large"]


def test_twenty_sigmoid_layers_get_the_vanishing_warning_naming_the_first_layers():
    found = kinds(net([8] * 20, activation="sigmoid"), 300)
    (message,) = found["vanishing"]
    assert message.startswith("gradients vanish in hidden 1–")


def test_relu_with_a_large_learning_rate_gets_the_dead_unit_warning():
    found = kinds(net([16, 16, 16], activation="relu", opt={"name": "sgd", "lr": 1.0}), 500)
    assert any("of its ReLU units are dead" in m for m in found["dead_units"])


def test_a_healthy_run_has_nothing_to_say():
    data = SPIRAL.model_copy(update={"features": ["x1", "x2", "sin_x1", "sin_x2"]})
    assert kinds(net([8, 8], opt={"name": "adam", "lr": 0.01}, data=data), 800) == {}


def test_divergence_is_a_diagnostic_too():
    engine = Engine(Experiment(data=DataSpec(kind="line", samples=200, seed=2), model=ModelSpec(hidden=[]),
                               training=TrainingSpec(loss="mse", optimizer=OptimizerSpec(name="sgd", lr=9.0),
                                                     device="cpu")))
    with pytest.raises(Diverged):
        engine.train(200)
    assert [d.kind for d in engine.snapshot().diagnostics] == ["diverged"]


def test_rules_on_plain_numbers():
    layers = ["hidden 1", "hidden 2", "hidden 3", "output"]
    norms = np.tile([1e-9, 1e-8, 1e-2, 1e-1], (30, 1))
    (vanish,) = rules.gradient_rules(layers, norms)
    assert vanish.kind == "vanishing" and vanish.layer == "hidden 1" and "hidden 1, hidden 2" in vanish.message
    (explode,) = rules.gradient_rules(layers, np.tile([1.0, 1.0, 5e3, 1.0], (30, 1)))
    assert explode.kind == "exploding" and explode.layer == "hidden 3"
    assert rules.gradient_rules(layers, norms[:3]) == []  # too little history to say anything
    falling = np.linspace(1.0, 0.1, 400)
    assert rules.oscillation_rule(falling, 1.0) == []
    assert rules.dead_rule([("hidden 2", "relu", 0.75), ("hidden 3", "leaky_relu", 1.0)])[0].layer == "hidden 2"
    assert len(rules.dead_rule([("hidden 2", "relu", 0.75), ("hidden 3", "leaky_relu", 1.0)])) == 1
    w = np.ones((4, 3))
    assert rules.symmetric_units(w, np.zeros(4))
    w[2, 1] = 0.5
    assert not rules.symmetric_units(w, np.zeros(4))
