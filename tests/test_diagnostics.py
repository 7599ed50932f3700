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


def test_sgd_lr_10_on_spiral_is_told_its_learning_rate_is_too_large():
    found = kinds(net([8, 8], opt={"name": "sgd", "lr": 10.0}), 800)
    (message,) = found["learning_rate"]
    assert message.startswith("the learning rate 10 is too large") and "(try 1)" in message
    assert set(found) == {"learning_rate"}  # the saturation and tiny gradients it caused are not blamed on depth


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


def test_ranking_on_plain_numbers():
    """A saturated layer after a loss spike is the learning rate's doing; without the spike it is the layer's."""
    layers = ["hidden 1", "hidden 2", "output"]
    saturated = [rules.LayerProbe("hidden 1", "tanh", 0.97, 0.0), rules.LayerProbe("hidden 2", "tanh", 0.95, 0.0)]
    tiny = [1e-8, 1e-6, 0.5]
    spiked = rules.Evidence(layers=layers, grad_now=tiny, hidden=saturated, lr=5.0, final=True,
                            batch_losses=np.array([0.7, 0.8, 20.0, 3.0, 1.5]), batch_steps=np.arange(1, 6.0),
                            epoch_losses=np.array([0.7, 1.4]))
    (d,) = rules.diagnose(spiked)
    assert (d.kind, d.layer) == ("learning_rate", "hidden 1")
    assert d.message.startswith("the learning rate 5 is too large: the loss jumped from 0.7 to 20 at step 3; "
                                "hidden 1, hidden 2 saturated") and "(try 0.5)" in d.message
    calm = rules.Evidence(layers=layers, grad_now=tiny, hidden=saturated, lr=0.1, final=True,
                          batch_losses=np.full(5, 0.69), epoch_losses=np.array([0.7, 0.69]))
    assert [x.kind for x in rules.diagnose(calm)] == ["saturated", "saturated", "vanishing"]
    healed = rules.Evidence(layers=layers, grad_now=[0.1, 0.1, 0.1], lr=1.0, final=True,
                            batch_losses=np.array([0.7, 9.0, 0.1]), epoch_losses=np.array([0.7, 0.05]))
    assert rules.diagnose(healed) == []  # a jump training recovered from needs no cure
    assert rules.diagnose(rules.Evidence(diverged="nan"))[0].kind == "diverged"


def test_a_short_run_is_diagnosed_from_a_probe_not_from_ten_snapshots():
    """Issue 16: lesson 9's 30 epochs take 0.1 s, three snapshots: the rule needing ten said nothing."""
    engine = Engine(net([8] * 6, activation="sigmoid", opt={"name": "sgd", "lr": 0.1}, data=DataSpec(
        kind="circle", samples=200)))
    engine.train(3)
    snapshot = engine.snapshot(ViewRequest(boundary=False))  # the only snapshot of the run: its end
    assert [(d.kind, d.layer) for d in snapshot.diagnostics] == [("vanishing", "hidden 1")]
