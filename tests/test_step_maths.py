"""The maths panel's numbers: one training step walked through, equal to plain PyTorch's to 1e-6."""

from __future__ import annotations

import copy

import numpy as np
import pytest
import torch
from torch import nn

from playground.core.engine import Engine
from playground.core.lessons import apply_patch, lesson_experiment, lessons_dir, load_lesson
from playground.core.maths_types import UPDATE_RULES, update_rule
from playground.core.registry import OPTIMIZERS
from playground.core.spec import DataSpec, Experiment, LayerSpec, ModelSpec, OptimizerSpec, TrainingSpec
from playground.core.step_maths import next_batch, next_batch_indices, parameter_values, step_maths

TOL = 1e-6


def two_points(reduction: str = "mean") -> Engine:
    path = lessons_dir() / "02_two_points_by_hand.json"
    exp = lesson_experiment(load_lesson(path), path)
    if reduction != "mean":
        exp = apply_patch(exp, {"training": {"reduction": reduction}})
    return Engine(exp, device="cpu")


def test_the_two_point_lesson_gives_the_textbook_numbers():
    maths = step_maths(two_points(), [0, 1])
    order = np.argsort(maths.targets)[::-1]  # the sample with y = 1 first, as on paper
    np.testing.assert_allclose(maths.inputs[order], [[0.5, -1.5], [1, 1]])
    np.testing.assert_allclose(maths.output[order, 0], [0.55, 0.2], atol=TOL)
    np.testing.assert_allclose(maths.per_sample_loss[order], [0.2025, 0.04], atol=TOL)
    assert maths.loss == pytest.approx(0.12125, abs=TOL) and maths.penalty == 0
    np.testing.assert_allclose(maths.d_output[order, 0], [-0.45, 0.2], atol=TOL)
    weight, bias = maths.parameters
    assert (weight.name, bias.name) == ("0.weight", "0.bias")
    np.testing.assert_allclose(weight.grad, [[-0.025, 0.875]], atol=TOL)
    np.testing.assert_allclose(bias.grad, [-0.25], atol=TOL)
    np.testing.assert_allclose(weight.after, [[0.3025, -0.2875]], atol=TOL)
    np.testing.assert_allclose(bias.update, [0.025], atol=TOL)
    assert maths.rule == "w ← w − lr · g" and maths.hyper["lr"] == 0.1
    assert maths.loss_name == "MSELoss" and maths.output_function is None


def test_a_summed_loss_doubles_the_two_point_gradients():
    maths = step_maths(two_points("sum"), [0, 1])
    assert maths.loss == pytest.approx(0.2425, abs=TOL)
    np.testing.assert_allclose(maths.parameters[0].grad, [[-0.05, 1.75]], atol=TOL)
    np.testing.assert_allclose(maths.parameters[1].grad, [-0.5], atol=TOL)


def _trained_tanh_net() -> Engine:
    """2-8-2 tanh with Adam state, L1 + L2 and a derived input, a few epochs in."""
    exp = Experiment(data=DataSpec(kind="circle", samples=60, features=["x1", "x2", "x1_sq"]),
                     model=ModelSpec(hidden=[LayerSpec(units=8, activation="tanh")]),
                     training=TrainingSpec(optimizer=OptimizerSpec(name="adam", lr=0.01), l1=1e-3, l2=1e-3,
                                           batch_size=10))
    engine = Engine(exp, device="cpu")
    engine.train(3)
    return engine


def test_every_number_equals_plain_pytorch():
    engine = _trained_tanh_net()
    samples = [3, 0, 17, 29]
    maths = step_maths(engine, samples)

    plain = nn.Sequential(nn.Linear(3, 8), nn.Tanh(), nn.Linear(8, 2))
    plain.load_state_dict(engine.model.state_dict())
    optimizer = torch.optim.Adam(plain.parameters(), lr=0.01)
    optimizer.load_state_dict(copy.deepcopy(engine.optimizer.state_dict()))
    raw = torch.as_tensor(engine.dataset.x_train[samples], dtype=torch.float64)
    x = torch.stack([raw[:, 0], raw[:, 1], raw[:, 0] ** 2], dim=1).float()
    y = torch.as_tensor(engine.dataset.y_train[samples])
    z1 = plain[0](x)
    a1 = torch.tanh(z1)
    out = plain[2](a1)
    out.retain_grad()
    loss = nn.functional.cross_entropy(out, y)
    penalty = sum(1e-3 * m.weight.abs().sum() + 1e-3 * m.weight.pow(2).sum() for m in (plain[0], plain[2]))
    (loss + penalty).backward()
    grads = [p.grad.clone() for p in plain.parameters()]
    before = [p.detach().clone() for p in plain.parameters()]
    optimizer.step()

    def close(got, want) -> None:
        np.testing.assert_allclose(got, want.detach().double().numpy(), rtol=0, atol=TOL)

    close(maths.inputs, x)
    assert [m.kind for m in maths.modules] == ["linear", "activation", "linear"]
    close(maths.modules[0].values, z1)
    close(maths.modules[1].values, a1)
    close(maths.output, out)
    close(maths.probabilities, torch.softmax(out, dim=1))
    np.testing.assert_allclose(maths.probabilities.sum(axis=1), 1.0, atol=TOL)
    close(maths.per_sample_loss, nn.functional.cross_entropy(out, y, reduction="none"))
    assert maths.loss == pytest.approx(loss.item(), abs=TOL)
    assert maths.penalty == pytest.approx(penalty.item(), abs=TOL)
    close(maths.d_output, out.grad)
    for step, grad, old, new in zip(maths.parameters, grads, before, plain.parameters()):
        close(step.before, old)
        close(step.grad, grad)
        close(step.update, new - old)
    assert maths.rule.startswith("m ← β₁m") and maths.output_function == "softmax"


def test_looking_changes_nothing_the_engine_does_next():
    def run(look: bool) -> tuple[list[float], dict]:
        """Engines share torch's global generator (dropout), so each run goes start to end alone."""
        exp = Experiment(data=DataSpec(kind="xor", samples=40),
                         model=ModelSpec(hidden=[LayerSpec(units=5, dropout=0.3)]),
                         training=TrainingSpec(optimizer=OptimizerSpec(name="adam", lr=0.05), batch_size=8))
        engine = Engine(exp, device="cpu")
        engine.train_step()
        if look:
            before = parameter_values(engine)
            maths = step_maths(engine, next_batch(engine))
            assert parameter_values(engine) == before and np.abs(maths.parameters[0].update).max() > 0
        losses = [engine.train_step() for _ in range(6)]  # dropout masks and Adam's moments alike
        return losses, parameter_values(engine)

    assert run(look=True) == run(look=False)


def _step_engine(opt: dict, batch_size: int, **training) -> Engine:
    exp = Experiment(data=DataSpec(kind="circle", samples=90, seed=3),
                     model=ModelSpec(hidden=[LayerSpec(units=5, activation="tanh")]),
                     training=TrainingSpec(optimizer=OptimizerSpec(**opt), batch_size=batch_size, **training))
    return Engine(exp, device="cpu")


@pytest.mark.parametrize(("opt", "batch_size", "training"), [
    ({"name": "sgd", "lr": 0.5}, 10, {}),
    ({"name": "sgd", "lr": 0.1, "momentum": 0.9}, 7, {"reduction": "sum"}),
    ({"name": "adam", "lr": 0.01}, 32, {"l2": 1e-3}),
], ids=["sgd", "momentum-sum", "adam-l2"])
def test_the_default_maths_is_exactly_the_step_that_step_takes(opt, batch_size, training):
    """Issue 16: the tab showed "samples 0, 1, 2, 3" while Step trained on [236, 222, …]."""
    engine = _step_engine(opt, batch_size, **training)
    for steps in (0, 3, engine.steps_per_epoch - 3):  # the first step, within an epoch, the next epoch's start
        for _ in range(steps):
            engine.train_step()
        batch = next_batch_indices(engine)
        assert len(batch) == min(batch_size, engine.n_train - engine.cursor) and len(set(batch)) == len(batch)
        maths = step_maths(engine)
        assert maths.next_batch and maths.batch_size == len(batch) and maths.step == engine.step + 1
        assert maths.samples == batch[:4] == next_batch(engine)

        plain = copy.deepcopy(engine.model)  # the textbook step on that batch, with torch.optim's own step
        optimizer = type(engine.optimizer)(plain.parameters(), **engine.optimizer.defaults)
        optimizer.load_state_dict(copy.deepcopy(engine.optimizer.state_dict()))
        x, y = engine.x_train[batch], engine.y_train[batch]
        loss = engine.loss_fn(plain(x), y)
        penalty = torch.zeros(())
        if engine.spec.training.l2:
            for m in plain:
                if isinstance(m, nn.Linear):
                    penalty = penalty + engine.spec.training.l2 * m.weight.pow(2).sum()
        (loss + penalty).backward()
        optimizer.step()

        engine.train_step()
        after = parameter_values(engine)
        for p, q in zip(maths.parameters, plain.parameters()):
            np.testing.assert_array_equal(p.after, np.array(after[p.name]))  # exactly what Step did
            np.testing.assert_array_equal(p.after, q.detach().double().numpy())  # exactly plain PyTorch
        assert maths.loss == loss.item() and maths.penalty == penalty.item()


def test_chosen_samples_say_they_are_not_the_next_batch():
    engine = _step_engine({"name": "sgd", "lr": 0.5}, 10)
    engine.train_step()
    batch = next_batch_indices(engine)
    other = [i for i in range(8) if i not in batch][:3]
    maths = step_maths(engine, other)
    assert not maths.next_batch and maths.samples == other and maths.batch_size == 3
    assert maths.upcoming == batch[:4]
    assert step_maths(engine, batch[:4]).next_batch is (len(batch) == 4)


def test_samples_are_checked_with_a_sentence():
    engine = two_points()
    with pytest.raises(ValueError, match="sample 2 does not exist: the training set has samples 0 to 1"):
        step_maths(engine, [0, 2])
    with pytest.raises(ValueError, match="at most 4"):
        step_maths(Engine(Experiment(data=DataSpec(kind="xor", samples=20)), device="cpu"), [0, 1, 2, 3, 4])
    with pytest.raises(ValueError, match="twice"):
        step_maths(engine, [1, 1])


def test_every_optimizer_has_an_update_rule():
    for entry in OPTIMIZERS:
        assert entry.torch_name in UPDATE_RULES
        assert "w ←" in update_rule(entry.key, entry.defaults())
    assert update_rule("sgd", {"momentum": 0.9}).startswith("v ← μ · v + g")
    assert update_rule("sgd", {"weight_decay": 0.1}).startswith("g ← g + λ · w")
