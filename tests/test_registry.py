"""The registries: every entry builds the torch object it names, and ranges are enforced."""

from __future__ import annotations

import pytest
import torch
from torch import nn

from playground.core.registry import (
    ACTIVATIONS,
    INITS,
    LOSSES,
    NORMS,
    OPTIMIZERS,
    HyperParam,
    available_devices,
    losses_for,
    resolve_device,
)


@pytest.mark.parametrize("entry", list(ACTIVATIONS), ids=lambda e: e.key)
def test_activation_builds_and_code_evaluates_to_the_same_module(entry):
    module = entry.build()
    assert isinstance(module, nn.Module)
    from_code = eval(entry.code(), {"nn": nn})
    x = torch.linspace(-3, 3, 12).reshape(4, 3)  # (batch, units), as in the network
    torch.testing.assert_close(module(x), from_code(x))


def test_required_activations_losses_optimizers_and_inits_exist():
    assert {"relu", "leaky_relu", "elu", "gelu", "silu", "tanh", "sigmoid", "softplus", "identity",
            "softmax"} <= set(
        ACTIVATIONS.keys())
    assert {"cross_entropy", "bce_with_logits", "mse", "l1", "huber"} <= set(LOSSES.keys())
    assert {"sgd", "adam", "adamw", "rmsprop", "adagrad"} <= set(OPTIMIZERS.keys())
    assert {"default", "xavier_uniform", "kaiming_normal", "zeros"} <= set(INITS.keys())
    assert set(NORMS.keys()) == {"none", "batch", "layer"}


def test_losses_for_task_split_classification_and_regression():
    assert {loss.key for loss in losses_for("classification")} == {"cross_entropy", "bce_with_logits"}
    assert {loss.key for loss in losses_for("regression")} == {"mse", "l1", "huber"}


@pytest.mark.parametrize("entry", list(OPTIMIZERS), ids=lambda e: e.key)
def test_optimizer_builds_with_defaults_and_code_names_its_class(entry):
    p = nn.Parameter(torch.ones(3))
    opt = entry.build([p], {})
    assert type(opt).__name__ == entry.torch_name
    group = opt.param_groups[0]
    for hp in entry.params:
        if hp.name in ("beta1", "beta2"):
            assert group["betas"][0 if hp.name == "beta1" else 1] == hp.default
        else:
            assert group[hp.name] == hp.default
    assert entry.code({"lr": 0.5}).startswith(f"torch.optim.{entry.torch_name}(model.parameters(), lr=0.5")


def test_unknown_keys_are_named_with_the_choices():
    with pytest.raises(KeyError, match=r"unknown activation 'relu6'.*tanh"):
        ACTIVATIONS["relu6"]
    with pytest.raises(KeyError, match="has no hyper-parameter 'beta1'"):
        OPTIMIZERS["sgd"].param("beta1")


@pytest.mark.parametrize(
    ("param", "value", "message"),
    [
        (HyperParam("lr", "lr", 0.1, 0.0, 10.0, exclusive_min=True), 0.0, r"must be in \(0, 10\]"),
        (HyperParam("lr", "lr", 0.1, 0.0, 10.0), 11, r"must be in \[0, 10\]"),
        (HyperParam("lr", "lr", 0.1), "fast", "must be a number"),
        (HyperParam("lr", "lr", 0.1), float("nan"), "must be in"),
        (HyperParam("n", "n", 1, kind="int"), 1.5, "whole number"),
        (HyperParam("b", "b", False, kind="bool"), 1, "true or false"),
    ],
)
def test_hyper_param_check_refuses_bad_values(param, value, message):
    with pytest.raises(ValueError, match=message):
        param.check(value)


def test_zeros_init_zeroes_weights_and_bias():
    layer = nn.Linear(3, 4)
    INITS["zeros"].apply(layer)
    assert torch.count_nonzero(layer.weight) == 0 and torch.count_nonzero(layer.bias) == 0


def test_devices_always_offer_auto_and_cpu_and_refuse_missing_ones():
    keys = [d.key for d in available_devices()]
    assert keys[:2] == ["auto", "cpu"]
    assert resolve_device("cpu") == torch.device("cpu")
    with pytest.raises(ValueError, match="not available here"):
        resolve_device("cuda:7")


def test_auto_picks_the_first_gpu_and_every_gpu_is_offered_by_name(monkeypatch):
    """What a GPU machine gets, on any machine: torch's answers are replaced by those of two GPUs."""
    monkeypatch.setattr(torch.cuda, "is_available", lambda: True)
    monkeypatch.setattr(torch.cuda, "device_count", lambda: 2)
    monkeypatch.setattr(torch.cuda, "get_device_name", lambda i: f"Test GPU {i}")
    monkeypatch.setattr(torch.backends.mps, "is_available", lambda: False)
    devices = available_devices()
    assert [d.key for d in devices] == ["auto", "cpu", "cuda:0", "cuda:1"]
    assert devices[3].label == "cuda:1 — Test GPU 1"
    assert resolve_device("auto") == torch.device("cuda:0")
    assert resolve_device("cuda:1") == torch.device("cuda:1")
    with pytest.raises(ValueError, match=r"'cuda:2' is not available here; available: auto, cpu, cuda:0, cuda:1"):
        resolve_device("cuda:2")


def test_auto_is_the_cpu_on_a_machine_without_an_accelerator(monkeypatch):
    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)
    monkeypatch.setattr(torch.backends.mps, "is_available", lambda: False)
    assert [d.key for d in available_devices()] == ["auto", "cpu"]
    assert resolve_device("auto") == torch.device("cpu")
    with pytest.raises(ValueError, match="not available here"):
        resolve_device("cuda:0")


def test_auto_on_this_machine_is_what_torch_reports():
    """No mock: the real machine's answer (a GPU where torch sees one, the CPU otherwise)."""
    if torch.cuda.is_available():
        expected = torch.device("cuda:0")
    elif torch.backends.mps.is_available():
        expected = torch.device("mps")
    else:
        expected = torch.device("cpu")
    assert resolve_device("auto") == expected
    assert resolve_device("auto").type in {d.key.split(":")[0] for d in available_devices()}
