"""Model spec → nn.Sequential: names, code text, parameter count, inits, literal values."""

from __future__ import annotations

import pytest
import torch
from torch import nn

from playground.core.model import (
    build_model,
    model_code,
    output_dim,
    parameter_count,
    parameter_labels,
    set_values,
)
from playground.core.spec import LayerSpec, ModelSpec

SPEC = ModelSpec(hidden=[LayerSpec(units=8, activation="relu", norm="batch"),
                         LayerSpec(units=4, activation="tanh", dropout=0.2)])


def test_layers_are_flat_sequential_in_textbook_order():
    model = build_model(SPEC, 2, 3)
    kinds = [type(m).__name__ for m in model]
    assert kinds == ["Linear", "BatchNorm1d", "ReLU", "Linear", "Tanh", "Dropout", "Linear"]
    assert [n for n, _ in model.named_parameters()] == [
        "0.weight", "0.bias", "1.weight", "1.bias", "3.weight", "3.bias", "6.weight", "6.bias"]


def test_labels_name_every_parameter_readably():
    labels = parameter_labels(SPEC, 2, 3)
    model = build_model(SPEC, 2, 3)
    assert list(labels) == [n for n, _ in model.named_parameters()]
    assert labels["0.weight"] == "hidden 1 · weight"
    assert labels["1.weight"] == "hidden 1 · norm scale"
    assert labels["6.bias"] == "output · bias"


def test_generated_code_builds_the_identical_module():
    code = model_code(SPEC, 2, 3)
    assert "nn.Linear(2, 8)," in code and "nn.Dropout(0.2)," in code
    built = eval(code, {"nn": nn})
    model = build_model(SPEC, 2, 3)
    assert [type(m) for m in built] == [type(m) for m in model]
    assert {k: v.shape for k, v in built.state_dict().items()} == {
        k: v.shape for k, v in model.state_dict().items()}


@pytest.mark.parametrize("hidden", [[], [1], [8, 8], [1024, 3, 7]])
def test_parameter_count_matches_torch(hidden):
    spec = ModelSpec(hidden=[LayerSpec(units=u) for u in hidden])
    model = build_model(spec, 5, 2)
    assert parameter_count(spec, 5, 2) == sum(p.numel() for p in model.parameters())


def test_zero_hidden_layers_is_logistic_regression():
    model = build_model(ModelSpec(hidden=[]), 2, 1)
    assert len(model) == 1 and isinstance(model[0], nn.Linear)


def test_same_seed_same_weights_and_init_choice_applies():
    torch.manual_seed(3)
    a = build_model(SPEC, 2, 3)
    torch.manual_seed(3)
    b = build_model(SPEC, 2, 3)
    assert all(torch.equal(p, q) for p, q in zip(a.parameters(), b.parameters()))
    zeros = build_model(ModelSpec(hidden=[LayerSpec(units=3), LayerSpec(units=4)], init="zeros"), 2, 2)
    hidden, output = [zeros[0], zeros[2]], zeros[4]
    assert all(torch.count_nonzero(m.weight) + torch.count_nonzero(m.bias) == 0 for m in hidden)
    assert torch.count_nonzero(output.weight) == output.weight.numel()  # PyTorch's default: random


def test_zeros_starts_a_model_without_hidden_layers_at_zero():
    linear = build_model(ModelSpec(hidden=[], init="zeros"), 2, 1)[0]
    assert torch.count_nonzero(linear.weight) == 0 and torch.count_nonzero(linear.bias) == 0


def test_xavier_init_zeroes_bias_and_draws_within_its_bound():
    torch.manual_seed(0)
    model = build_model(ModelSpec(hidden=[LayerSpec(units=50)], init="xavier_uniform"), 50, 2)
    bound = (6 / (50 + 50)) ** 0.5
    assert model[0].weight.abs().max() <= bound and torch.count_nonzero(model[0].bias) == 0


def test_init_values_reproduce_a_textbook_example_exactly():
    spec = ModelSpec(hidden=[], init_values={"0.weight": [[0.3, -0.2]], "0.bias": [0.1]})
    model = build_model(spec, 2, 1)
    assert model[0].weight.tolist() == [[pytest.approx(0.3), pytest.approx(-0.2)]]
    assert model(torch.tensor([[1.0, 1.0]])).item() == pytest.approx(0.2)


def test_init_values_errors_name_the_parameter():
    model = build_model(ModelSpec(hidden=[]), 2, 1)
    with pytest.raises(ValueError, match=r"no parameter '3.weight'; the model has 0.weight, 0.bias"):
        set_values(model, {"3.weight": [1.0]})
    with pytest.raises(ValueError, match=r"model.init_values.0.weight: shape \[3\] does not match .*\[1, 2\]"):
        set_values(model, {"0.weight": [1.0, 2.0, 3.0]})


def test_output_dim_by_loss():
    assert output_dim("classification", "cross_entropy", 3) == 3
    assert output_dim("classification", "bce_with_logits", 2) == 1
    assert output_dim("regression", "mse", None) == 1
    with pytest.raises(ValueError):
        output_dim("classification", "cross_entropy", 1)


def test_init_values_keep_float64_precision():
    value = 0.1234567890123456789
    spec = ModelSpec(hidden=[], init_values={"0.bias": [value]})
    model = build_model(spec, 2, 1, dtype=torch.float64)
    assert model[0].bias.dtype == torch.float64 and model[0].bias.item() == value
