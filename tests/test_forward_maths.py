"""The forward pass of a gallery image (the Maths tab): every number equals a plain ``torch.nn`` forward."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from torch import nn

from playground.core.engine import Engine
from playground.core.forward_maths import forward_maths
from playground.core.image_views import probabilities
from playground.core.lessons import apply_patch, lesson_experiment, lessons_dir, load_lesson

TOL = 1e-6


def digits_mlp(dropout: float = 0.0) -> Engine:
    """Lesson 15 (digits, 32 tanh units), a few steps trained; optionally with dropout (eval mode drops nothing)."""
    path = lessons_dir() / "15_mlp_digits.json"
    experiment = lesson_experiment(load_lesson(path), path)
    if dropout:
        experiment = apply_patch(experiment, {"model": {"hidden": [{"units": 32, "activation": "tanh",
                                                                    "dropout": dropout}]}})
    engine = Engine(experiment, device="cpu")
    engine.train(1)
    return engine


def plain_forward(engine: Engine, rows: list[int]) -> list[torch.Tensor]:
    """z₁ = x·W₁ᵀ + b₁, a₁ = tanh(z₁), z₂ = a₁·W₂ᵀ + b₂, softmax(z₂): a textbook module list with the
    engine's weights, on the test rows' pixels."""
    ds = engine.dataset
    x = torch.as_tensor(ds.x_test[rows], dtype=torch.float64)
    if ds.mean is not None:
        x = (x - torch.as_tensor(ds.mean, dtype=torch.float64)) / torch.as_tensor(ds.std, dtype=torch.float64)
    x = x.float()
    state = {k: v.detach().clone() for k, v in engine.model.state_dict().items()}
    first, second = nn.Linear(64, 32), nn.Linear(32, 10)
    linears = [k for k in state if k.endswith(".weight")]
    with torch.no_grad():
        for layer, key in zip((first, second), linears):
            layer.weight.copy_(state[key])
            layer.bias.copy_(state[key.replace("weight", "bias")])
        z1 = first(x)
        a1 = torch.tanh(z1)
        z2 = second(a1)
        return [x, z1, a1, z2, torch.softmax(z2, dim=1)]


@pytest.mark.parametrize("dropout", [0.0, 0.5])
def test_every_number_of_a_test_images_forward_pass_equals_plain_pytorch(dropout):
    engine = digits_mlp(dropout)
    rows = [0, 7, 123]
    m = forward_maths(engine, rows)
    x, z1, a1, z2, p = (t.double().numpy() for t in plain_forward(engine, rows))
    assert m.samples == rows and m.image_side == 8 and m.class_names == [str(d) for d in range(10)]
    np.testing.assert_allclose(m.inputs, x, atol=TOL)
    np.testing.assert_array_equal(m.targets, engine.dataset.y_test[rows])
    kinds = [(v.layer, v.kind) for v in m.modules]
    expected = [("hidden 1", "linear"), ("hidden 1", "activation"), *([("hidden 1", "dropout")] if dropout else []),
                ("output", "linear")]
    assert kinds == expected
    values = {k: v.values for k, v in zip(kinds, m.modules)}
    np.testing.assert_allclose(values[("hidden 1", "linear")], z1, atol=TOL)
    np.testing.assert_allclose(values[("hidden 1", "activation")], a1, atol=TOL)
    if dropout:  # evaluation mode: dropout passes everything through
        np.testing.assert_array_equal(values[("hidden 1", "dropout")], values[("hidden 1", "activation")])
    np.testing.assert_allclose(values[("output", "linear")], z2, atol=TOL)
    np.testing.assert_allclose(m.output, z2, atol=TOL)
    np.testing.assert_allclose(m.probabilities, p, atol=TOL)
    assert m.predicted == p.argmax(axis=1).tolist() and m.output_function == "softmax"
    # the gallery's bars for the same images (the engine's own prediction path)
    np.testing.assert_allclose(m.probabilities, probabilities(engine, engine.dataset.x_test[rows]), atol=TOL)
    assert m.step == engine.step


def test_looking_changes_nothing_and_bad_samples_are_sentences():
    engine = digits_mlp()
    before = {k: v.clone() for k, v in engine.model.state_dict().items()}
    rng = torch.get_rng_state()
    assert engine.model.training
    forward_maths(engine, [1])
    assert engine.model.training and torch.equal(torch.get_rng_state(), rng)
    assert all(torch.equal(before[k], v) for k, v in engine.model.state_dict().items())
    n = len(engine.dataset.x_test)
    with pytest.raises(ValueError, match=f"test sample {n} does not exist: the test set has samples 0 to {n - 1}"):
        forward_maths(engine, [n])
    with pytest.raises(ValueError, match="at least one"):
        forward_maths(engine, [])
