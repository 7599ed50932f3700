"""Every number the inside-the-network views show equals plain PyTorch's (issue 9), and the budget holds."""

from __future__ import annotations

import copy
import math

import numpy as np
import pytest
import torch
from torch import nn

from playground.core.data.dataset import Dataset
from playground.core.engine import Engine
from playground.core.snapshot import QUANTILES
from playground.core.spec import DataSpec, Experiment, LayerSpec, ModelSpec, OptimizerSpec, PointSpec, TrainingSpec
from playground.core.views import ViewRequest

ALL = ViewRequest(neurons=True, links=True)


def spiral(opt: dict, hidden=(6, 5), **training) -> Experiment:
    return Experiment(data=DataSpec(kind="spiral", samples=200, noise=0.1, seed=3),
                      model=ModelSpec(hidden=[LayerSpec(units=u) for u in hidden]),
                      training=TrainingSpec(optimizer=OptimizerSpec(**opt), batch_size=10, device="cpu", **training))


def reference_step(engine: Engine, model: nn.Module, optimizer: torch.optim.Optimizer) -> torch.Tensor:
    """The textbook step on the batch the engine takes next (same order, same weights)."""
    start = engine.cursor
    perm = engine.perm if engine.perm is not None and start else None
    if perm is None:  # the engine draws this epoch's order at its next step; draw the same one
        perm = torch.randperm(engine.n_train, generator=copy.deepcopy(engine.generator))
    idx = perm[start:start + engine.batch_size]
    optimizer.zero_grad()
    loss = nn.CrossEntropyLoss()(model(engine.x_train[idx]), engine.y_train[idx])
    loss.backward()
    optimizer.step()
    return loss


@pytest.mark.parametrize("opt", [{"name": "sgd", "lr": 0.1, "momentum": 0.9}, {"name": "adam", "lr": 0.01}],
                         ids=["sgd-momentum", "adam"])
def test_every_shown_number_is_pytorchs(opt):
    engine = Engine(spiral(opt))
    for _ in range(7):
        engine.train_step()
    model = copy.deepcopy(engine.model)
    optimizer = type(engine.optimizer)(model.parameters(), **engine.optimizer.defaults)
    optimizer.load_state_dict(copy.deepcopy(engine.optimizer.state_dict()))
    before = {n: p.detach().clone() for n, p in model.named_parameters()}
    loss = reference_step(engine, model, optimizer)
    engine.train_step(capture=True)
    assert engine.batch_loss == loss.item()
    for name in engine.param_names:
        snap = engine.snapshot(ViewRequest(neurons=True, links=True, inspect=name))
        ref = dict(model.named_parameters())[name]
        g, w = ref.grad.double(), ref.detach().double()
        stats = {s.name: s for s in snap.params}[name]
        assert stats.grad_norm == pytest.approx(torch.linalg.vector_norm(g).item(), rel=1e-6)
        assert stats.weight_norm == pytest.approx(torch.linalg.vector_norm(w).item(), rel=1e-6)
        np.testing.assert_allclose(stats.values, w.numpy(), rtol=1e-6, atol=1e-9)  # link tooltips
        np.testing.assert_allclose(stats.grad, g.numpy(), rtol=1e-6, atol=1e-9)
        np.testing.assert_allclose(stats.update, (w - before[name].double()).numpy(), rtol=1e-6, atol=1e-9)
        ins = snap.inspection  # inspector cells and tooltips
        assert ins is not None and ins.pooled == 1 and ins.shape == tuple(ref.shape)
        np.testing.assert_allclose(ins.weight, w.numpy(), rtol=1e-6, atol=1e-9)
        np.testing.assert_allclose(ins.grad, g.numpy(), rtol=1e-6, atol=1e-9)
        np.testing.assert_allclose(ins.update, (w - before[name].double()).numpy(), rtol=1e-6, atol=1e-9)
        state = optimizer.state[ref]
        for key, value in state.items():  # momentum buffer; Adam's moments and step count
            if isinstance(value, torch.Tensor) and value.shape == ref.shape:
                np.testing.assert_allclose(ins.optimizer_state[key], value.double().numpy(), rtol=1e-6, atol=1e-12)
            else:
                assert ins.optimizer_scalars[key] == pytest.approx(float(value))
        assert set(ins.optimizer_state) == {k for k, v in state.items()
                                            if isinstance(v, torch.Tensor) and v.shape == ref.shape}
        history = snap.param_history  # the norm plot's last point
        i = history.names.index(name)
        assert history.step[-1] == engine.step
        assert history.grad_norm[-1, i] == pytest.approx(torch.linalg.vector_norm(g).item(), rel=1e-6)
        assert history.weight_norm[-1, i] == pytest.approx(torch.linalg.vector_norm(w).item(), rel=1e-6)
        ratio = torch.linalg.vector_norm(w - before[name].double()) / torch.linalg.vector_norm(w)
        assert history.update_ratio[-1, i] == pytest.approx(ratio.item(), rel=1e-6)
        dist = snap.distribution
        assert dist.name == name
        np.testing.assert_allclose(dist.grad[-1], torch.quantile(g.flatten(), torch.tensor(QUANTILES,
                                   dtype=torch.float64)).numpy(), rtol=1e-6, atol=1e-12)


def two_points() -> Engine:
    """The textbook example: x = [[0.5, -1.5], [1, 1]], y = [1, 0], W = [[0.3, -0.2]], b = [0.1], MSE."""
    x = np.array([[0.5, -1.5], [1.0, 1.0]])
    y = np.array([1.0, 0.0])
    ds = Dataset(task="regression", x_train=x, y_train=y, x_test=np.zeros((0, 2)), y_test=np.zeros(0),
                 raw_names=["x1", "x2"])
    exp = Experiment(
        data=DataSpec(kind="plane", samples=10, removed=list(range(10)),
                      added=[PointSpec(x=list(p), y=float(t)) for p, t in zip(x, y)]),
        model=ModelSpec(hidden=[], init_values={"0.weight": [[0.3, -0.2]], "0.bias": [0.1]}),
        training=TrainingSpec(loss="mse", batch_size=2, optimizer=OptimizerSpec(name="sgd", lr=0.1),
                              device="cpu", dtype="float64"))
    return Engine(exp, dataset=ds)


def test_the_two_point_example_in_the_inspector():
    engine = two_points()
    assert engine.metrics.train_loss == pytest.approx(0.12125, abs=1e-12)
    engine.train_step(capture=True)
    assert engine.batch_loss == pytest.approx(0.12125, abs=1e-12)
    w = engine.snapshot(ViewRequest(inspect="0.weight")).inspection
    b = engine.snapshot(ViewRequest(inspect="0.bias")).inspection
    np.testing.assert_allclose(w.grad, [[-0.025, 0.875]], atol=1e-12)
    np.testing.assert_allclose(b.grad, [-0.25], atol=1e-12)
    np.testing.assert_allclose(w.update, [[0.0025, -0.0875]], atol=1e-12)  # −lr · dW
    np.testing.assert_allclose(w.weight, [[0.3025, -0.2875]], atol=1e-12)


def test_typing_a_weight_changes_the_output_as_pytorch_predicts():
    engine = two_points()
    old = engine.set_value("0.weight", (0, 1), 0.5)
    assert old == pytest.approx(-0.2)
    expected = 0.3 * 0.5 + 0.5 * -1.5 + 0.1
    assert engine.predict(np.array([[0.5, -1.5]]))[0, 0] == pytest.approx(expected)
    assert engine.experiment().state is not None  # an edited untrained model keeps its weights in the file
    with pytest.raises(ValueError, match="finite"):
        engine.set_value("0.weight", (0, 0), math.nan)
    with pytest.raises(ValueError, match="no entry"):
        engine.set_value("0.weight", (3, 0), 1.0)


def test_neuron_maps_are_each_units_activation_over_the_plane():
    engine = Engine(spiral({"name": "sgd", "lr": 0.03}, hidden=(4, 40)))
    engine.train(1)
    maps = engine.snapshot(ViewRequest(neurons=True, neuron_resolution=12)).neurons
    assert [m.shape for m in maps.layers] == [(4, 12, 12), (32, 12, 12), (2, 12, 12)]
    assert maps.widths == (4, 40, 2) and len(maps.drawn[1]) == 32  # a 40-wide layer is summarised
    grid = engine.grid(12)
    model = engine.model.eval()
    with torch.no_grad():
        h1 = model[1](model[0](grid))  # hidden 1's activation
        out = torch.softmax(model(grid), dim=1)
    np.testing.assert_allclose(maps.layers[0][2], h1[:, 2].reshape(12, 12).numpy(), rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(maps.layers[2][1], out[:, 1].reshape(12, 12).numpy(), rtol=1e-5, atol=1e-6)
    assert maps.inputs.shape == (2, 12, 12)


def test_batch_losses_of_every_step_are_kept_without_a_sync_per_step():
    engine = Engine(spiral({"name": "sgd", "lr": 0.03}))
    engine.train(3)
    batches = engine.snapshot().batch_history
    assert list(batches["step"]) == list(range(1, engine.step + 1))
    np.testing.assert_allclose(batches["epoch"], batches["step"] / engine.steps_per_epoch)
    assert batches["loss"][-1] == engine.batch_loss


def test_metrics_refresh_within_a_long_epoch_on_a_sample(monkeypatch):
    from playground.core import publish

    monkeypatch.setattr(publish, "SAMPLED_METRICS_S", 0.0)
    engine = Engine(spiral({"name": "sgd", "lr": 0.03}))
    engine.snapshot()
    engine.train_step()
    metrics = engine.snapshot().metrics
    assert metrics.sampled and metrics.step == 1
    full = engine.evaluate()  # the sample is the whole (small) split: the same numbers
    assert metrics.train_loss == pytest.approx(full.train_loss)


def test_snapshot_has_no_tensors_and_hidden_views_cost_nothing():
    engine = Engine(spiral({"name": "adam", "lr": 0.01}))
    engine.train_step(capture=True)
    bare = engine.snapshot(ViewRequest(boundary=False, stats=False))
    assert bare.boundary is None and bare.params == () and bare.neurons is None and bare.inspection is None


def test_the_publisher_reads_only_the_engine_view_and_the_engine_is_one():
    """``publish`` never imports the engine: it reads the members ``EngineView`` names, and no other (issue 17)."""
    import ast
    import inspect

    from playground.core import publish
    from playground.core.engine_view import EngineView

    named = {name for name in vars(EngineView) if not name.startswith("_")}
    tree = ast.parse(inspect.getsource(publish))

    def is_engine(node: ast.expr) -> bool:
        if isinstance(node, ast.Name):
            return node.id in ("e", "engine")
        return isinstance(node, ast.Attribute) and node.attr == "engine" and isinstance(node.value, ast.Name) \
            and node.value.id == "self"

    read = {n.attr for n in ast.walk(tree) if isinstance(n, ast.Attribute) and is_engine(n.value)}
    assert read and read <= named, sorted(read - named)
    engine = Engine(spiral({"name": "sgd", "lr": 0.03}))
    assert all(hasattr(engine, name) for name in named)
    assert "playground.core.engine" not in {getattr(n, "module", None) for n in ast.walk(tree)}


def test_the_confusion_matrix_of_a_stopped_run_is_the_scoreboards_accuracy():
    """A complete snapshot (training stopped) never shows the predictions of an earlier, throttled turn:
    the digits screenshot showed 520 of 539 on the diagonal beside a test accuracy of 519/539."""
    exp = Experiment(data=DataSpec(kind="digits", seed=0), model=ModelSpec(hidden=[]),
                     training=TrainingSpec(batch_size=32, optimizer=OptimizerSpec(name="sgd", lr=0.05)))
    engine = Engine(exp)
    first = engine.snapshot(ViewRequest(), complete=False)
    assert first.predictions is not None
    engine.publisher.parts["predictions"].cost = 1e9  # as if it were too costly to make again soon
    engine.train_epoch()
    last = engine.snapshot(ViewRequest(), complete=True)
    right = int(np.sum(last.predictions.y_true == last.predictions.y_pred))
    assert right / len(last.predictions.y_true) == pytest.approx(last.metrics.test_metric, abs=1e-9)
    assert last.metrics.test_metric != first.metrics.test_metric  # it did change: the check means something
