"""Each of the three code paths of the parameter statistics equals plain PyTorch on its own.

``parameter_stats`` summarises small parameters in one batched numpy pass, falls back to one numpy
summary per parameter when some parameter has no gradient, and uses torch itself as soon as one
parameter is over ``NUMPY_LIMIT`` values. A test of one path says nothing about the others, so
each is driven here through the public function, the path it took is checked, and every number it
shows is compared with the same textbook step's gradients and weights (issue 17).
"""

from __future__ import annotations

import copy

import numpy as np
import pytest
import torch
from torch import nn

from playground.core import stats
from playground.core.engine import Engine
from playground.core.spec import DataSpec, Experiment, LayerSpec, ModelSpec, OptimizerSpec, TrainingSpec
from playground.core.stats import NUMPY_LIMIT, StableRange, parameter_stats
from playground.core.views import ViewRequest

WIDE = 300
"""A 300 × 300 weight has 90 000 values: over ``NUMPY_LIMIT``, so its model takes the torch path."""


def stepped(path: str) -> tuple[list[str], list[torch.Tensor], list[torch.Tensor]]:
    """A textbook step (zero_grad, backward, Adam's step) of a small MLP: names, parameters, weights before.

    ``numpy``: one more parameter that the loss does not use (no gradient); ``torch``: a wide layer.
    """
    torch.manual_seed(0)
    width = WIDE if path == "torch" else 6
    model = nn.Sequential(nn.Linear(2, width), nn.Tanh(), nn.Linear(width, width), nn.Tanh(), nn.Linear(width, 3))
    optimizer = torch.optim.Adam(model.parameters(), lr=0.05)
    x, y = torch.randn(32, 2), torch.randint(0, 3, (32,))
    for _ in range(2):
        before = [p.detach().clone() for p in model.parameters()]
        optimizer.zero_grad()
        nn.CrossEntropyLoss()(model(x), y).backward()
        optimizer.step()
    names = [name for name, _ in model.named_parameters()]
    params = list(model.parameters())
    if path == "numpy":
        unused = nn.Parameter(torch.randn(4))
        names, params, before = [*names, "unused"], [*params, unused], [*before, unused.detach().clone()]
    return names, params, before


def took(monkeypatch) -> list[str]:
    """Record which path ``parameter_stats`` takes."""
    taken: list[str] = []
    for name, fn in (("batched", "_batched_stats"), ("numpy", "_numpy_stats")):
        original = getattr(stats, fn)

        def spy(*args, _original=original, _name=name, **kwargs):
            taken.append(_name)
            return _original(*args, **kwargs)

        monkeypatch.setattr(stats, fn, spy)
    return taken


@pytest.mark.parametrize("path", ["batched", "numpy", "torch"])
def test_every_path_shows_pytorchs_numbers(monkeypatch, path):
    names, params, before = stepped(path)
    taken = took(monkeypatch)
    out = parameter_stats(names, {}, {}, params, before, StableRange(), arrays=True)
    assert (taken[:1] or ["torch"])[0] == path
    assert (max(p.numel() for p in params) > NUMPY_LIMIT) == (path == "torch")
    checked = 0
    for s, p, b in zip(out, params, before):
        w = p.detach().double()
        update = w - b.double()
        assert s.weight_norm == pytest.approx(torch.linalg.vector_norm(w).item(), rel=1e-9)
        assert s.update_ratio == pytest.approx((torch.linalg.vector_norm(update) / torch.linalg.vector_norm(w)).item(),
                                               rel=1e-9)
        if p.grad is None:
            assert np.isnan([s.grad_norm, s.grad_mean, s.grad_std, s.grad_max_abs]).all()
            continue
        g = p.grad.double()
        assert s.grad_norm == pytest.approx(torch.linalg.vector_norm(g).item(), rel=1e-9)
        assert s.grad_mean == pytest.approx(g.mean().item(), rel=1e-9, abs=1e-15)
        assert s.grad_std == pytest.approx(g.std().item(), rel=1e-9)
        assert s.grad_max_abs == pytest.approx(g.abs().max().item(), rel=1e-9)
        limit = s.hist_edges[-1]
        expected = torch.histc(g.clamp(-limit, limit), bins=stats.HIST_BINS, min=-limit, max=limit)
        if g.numel() <= stats.HIST_SAMPLE:
            np.testing.assert_array_equal(s.hist_counts, expected.to(torch.int64).numpy())
        if s.values is not None:  # small parameters travel whole: the diagram's links and tooltips
            np.testing.assert_allclose(s.values, w.numpy(), rtol=1e-12)
            np.testing.assert_allclose(s.grad, g.numpy(), rtol=1e-12)
            np.testing.assert_allclose(s.update, update.numpy(), rtol=1e-12, atol=1e-15)
        checked += 1
    assert checked == 6  # every parameter of the MLP had its gradient compared


def test_a_wide_models_snapshot_shows_pytorchs_numbers_for_its_big_weight():
    """Through the engine: the 300 × 300 weight's statistics come from the torch path, and match."""
    exp = Experiment(data=DataSpec(kind="spiral", samples=100, noise=0.1, seed=3),
                     model=ModelSpec(hidden=[LayerSpec(units=WIDE), LayerSpec(units=WIDE)]),
                     training=TrainingSpec(optimizer=OptimizerSpec(name="sgd", lr=0.05, momentum=0.9),
                                           batch_size=16, device="cpu"))
    engine = Engine(exp)
    engine.train_step()
    model = copy.deepcopy(engine.model)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)
    optimizer.load_state_dict(copy.deepcopy(engine.optimizer.state_dict()))
    before = {n: p.detach().clone() for n, p in model.named_parameters()}
    idx = engine.perm[engine.cursor:engine.next_batch_end()]
    optimizer.zero_grad()
    nn.CrossEntropyLoss()(model(engine.x_train[idx]), engine.y_train[idx]).backward()
    optimizer.step()
    engine.train_step(capture=True)
    big = "2.weight"
    assert engine.parameter(big).numel() > NUMPY_LIMIT
    for _ in engine.param_names:  # a large model refreshes a few parameters a frame: give each its turn
        found = {s.name: s for s in engine.snapshot(ViewRequest(boundary=False)).params}
    reference = dict(model.named_parameters())
    for name in (big, "0.weight"):  # the torch path's parameter, and a small one beside it
        g, w = reference[name].grad.double(), reference[name].detach().double()
        s = found[name]
        assert s.grad_norm == pytest.approx(torch.linalg.vector_norm(g).item(), rel=1e-6)
        assert s.grad_std == pytest.approx(g.std().item(), rel=1e-6)
        assert s.weight_norm == pytest.approx(torch.linalg.vector_norm(w).item(), rel=1e-6)
        ratio = torch.linalg.vector_norm(w - before[name].double()) / torch.linalg.vector_norm(w)
        assert s.update_ratio == pytest.approx(ratio.item(), rel=1e-5)
