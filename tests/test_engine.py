"""The engine against plain PyTorch: same gradients, same updates, exact continuation."""

from __future__ import annotations

import copy
import dataclasses
import math

import numpy as np
import pytest
import torch
from torch import nn

from playground.core.engine import Diverged, Engine
from playground.core.experiment_io import dumps, parse_experiment
from playground.core.spec import DataSpec, Experiment, LayerSpec, ModelSpec, OptimizerSpec, TrainingSpec


def make(kind="xor", hidden=(8,), opt=None, samples=200, **training) -> Experiment:
    return Experiment(
        name=kind,
        data=DataSpec(kind=kind, samples=samples, seed=2),
        model=ModelSpec(hidden=[LayerSpec(units=u) for u in hidden]),
        training=TrainingSpec(optimizer=OptimizerSpec(**(opt or {"name": "sgd", "lr": 0.03})), **training),
    )


def params(engine: Engine) -> list[torch.Tensor]:
    return [p.detach().clone() for p in engine.model.parameters()]


def test_xor_with_one_hidden_layer_reaches_100_percent_train_accuracy():
    engine = Engine(make("xor", hidden=(8,), opt={"name": "adam", "lr": 0.03}))
    for _ in range(300):
        engine.train_epoch()
        if engine.metrics.train_metric == 1.0:
            break
    assert engine.metrics.train_metric == 1.0, engine.metrics


def test_snapshot_gradient_equals_plain_pytorch_on_the_same_batch():
    engine = Engine(make("circle", hidden=(6, 5)))
    reference = copy.deepcopy(engine.model)
    engine.train_step(capture=True)
    snap = engine.snapshot()

    batch = engine.perm[: engine.batch_size]
    loss = nn.CrossEntropyLoss()(reference(engine.x_train[batch]), engine.y_train[batch])
    loss.backward()
    assert engine.batch_loss == pytest.approx(loss.item(), abs=0)
    ref_params = dict(reference.named_parameters())
    for stats in snap.params:
        g = ref_params[stats.name].grad.double()
        assert stats.grad_norm == pytest.approx(torch.linalg.vector_norm(g).item(), rel=1e-12)
        assert stats.grad_mean == pytest.approx(g.mean().item(), rel=1e-12, abs=1e-15)
        assert stats.grad_std == pytest.approx(g.std().item(), rel=1e-12)
        assert stats.grad_max_abs == pytest.approx(g.abs().max().item(), rel=1e-12)
        assert stats.hist_counts.sum() == g.numel()
        # the engine's own gradient is PyTorch's gradient, bit for bit
        assert torch.equal(dict(engine.model.named_parameters())[stats.name].grad, ref_params[stats.name].grad)


def test_update_ratio_and_weight_norm_are_the_step_that_was_taken():
    engine = Engine(make("circle"))
    before = params(engine)
    engine.train_step(capture=True)
    for stats, old, new in zip(engine.snapshot().params, before, params(engine)):
        assert stats.weight_norm == pytest.approx(new.norm().item(), rel=1e-6)
        assert stats.update_ratio == pytest.approx(((new - old).norm() / new.norm()).item(), rel=1e-5)
    engine.train_step(capture=False)
    assert all(math.isnan(s.update_ratio) for s in engine.snapshot().params)


def test_sgd_step_is_w_minus_lr_grad_and_lr_changes_live():
    engine = Engine(make("circle"))
    engine.train_step()
    engine.set_option("lr", 0.5)
    assert engine.optimizer.param_groups[0]["lr"] == 0.5
    assert engine.spec.training.optimizer.values()["lr"] == 0.5
    before = params(engine)
    engine.train_step()
    for p, old in zip(engine.model.parameters(), before):
        torch.testing.assert_close(p.detach(), old - 0.5 * p.grad, rtol=0, atol=1e-7)


def test_l2_adds_twice_lambda_w_to_weight_gradients_only():
    plain = Engine(make("circle"))
    reg = Engine(make("circle", l2=0.1))
    plain.train_step()
    reg.train_step()
    for (name, p), (_, q), w in zip(plain.model.named_parameters(), reg.model.named_parameters(),
                                     [p.detach() for p in Engine(make("circle")).model.parameters()]):
        extra = 2 * 0.1 * w if name.endswith("weight") else torch.zeros_like(w)
        torch.testing.assert_close(q.grad, p.grad + extra, rtol=1e-5, atol=1e-6)


def test_unknown_live_option_is_refused():
    engine = Engine(make("circle"))
    with pytest.raises(KeyError, match="has no hyper-parameter 'beta1'"):
        engine.set_option("beta1", 0.5)
    with pytest.raises(ValueError, match="lr must be in"):
        engine.set_option("lr", -1.0)


@pytest.mark.parametrize(
    ("opt", "model", "steps_before", "steps_after"),
    [
        ({"name": "sgd", "lr": 0.1, "momentum": 0.9}, ModelSpec(hidden=[LayerSpec(units=8)]), 37, 41),
        ({"name": "adam", "lr": 0.01}, ModelSpec(hidden=[LayerSpec(units=8, dropout=0.3), LayerSpec(units=4)]),
         50, 63),
        ({"name": "rmsprop", "lr": 0.01}, ModelSpec(hidden=[LayerSpec(units=8, norm="batch")]), 25, 30),
    ],
    ids=["sgd-momentum", "adam-dropout", "rmsprop-batchnorm"],
)
def test_train_save_reload_continue_equals_an_uninterrupted_run(opt, model, steps_before, steps_after):
    exp = make("spiral", opt=opt).model_copy(update={"model": model})
    straight = Engine(exp)
    for _ in range(steps_before + steps_after):
        straight.train_step()
    straight_history = straight.history.arrays()

    first = Engine(exp)
    for _ in range(steps_before):  # stops mid-epoch on purpose
        first.train_step()
    saved = dumps(first.experiment())
    torch.manual_seed(12345)  # the global RNG is disturbed between save and reload
    resumed = Engine(parse_experiment(saved))
    assert (resumed.step, resumed.epoch, resumed.cursor) == (first.step, first.epoch, first.cursor)
    for _ in range(steps_after):
        resumed.train_step()

    for p, q in zip(straight.model.state_dict().values(), resumed.model.state_dict().values()):
        assert torch.equal(p, q)
    assert resumed.batch_loss == straight.batch_loss
    for column, values in straight_history.items():
        np.testing.assert_array_equal(resumed.history.arrays()[column], values)


def test_reset_gives_the_same_weights_again():
    engine = Engine(make("circle"))
    start = params(engine)
    engine.train_epoch()
    engine.reset()
    assert all(torch.equal(a, b) for a, b in zip(start, params(engine)))
    assert engine.step == 0 and engine.epoch == 0 and len(engine.history) == 1


def test_regression_r2_matches_its_formula():
    engine = Engine(make("plane", hidden=(), opt={"name": "sgd", "lr": 0.01}))
    engine.train(3)
    pred = engine.predict(engine.dataset.x_test)[:, 0]
    y = engine.dataset.y_test
    expected = 1 - ((y - pred) ** 2).sum() / ((y - y.mean()) ** 2).sum()
    assert engine.metrics.metric_name == "r2"
    assert engine.metrics.test_metric == pytest.approx(expected, rel=1e-5)
    assert engine.metrics.test_loss == pytest.approx(((y - pred) ** 2).mean(), rel=1e-5)


def test_accuracy_matches_argmax_of_predictions():
    engine = Engine(make("spiral", hidden=(8,)))
    engine.train(2)
    pred = engine.predict(engine.dataset.x_test).argmax(axis=1)
    assert engine.metrics.test_metric == pytest.approx((pred == engine.dataset.y_test).mean())


def test_bce_uses_one_logit_and_reports_accuracy():
    engine = Engine(make("circle", loss="bce_with_logits"))
    assert engine.out_dim == 1
    engine.train(20)
    out = engine.predict(engine.dataset.x_train)[:, 0]
    assert engine.metrics.train_metric == pytest.approx(((out > 0) == engine.dataset.y_train).mean())


def test_divergence_is_detected_and_stops_training():
    engine = Engine(make("line", hidden=(), opt={"name": "sgd", "lr": 9.0}, loss="mse"))
    with pytest.raises(Diverged, match="try a smaller learning rate"):
        for _ in range(2000):
            engine.train_step()
    assert engine.diverged and engine.snapshot().diverged
    with pytest.raises(Diverged):
        engine.train_step()
    engine.reset()
    engine.train_step()


def test_float64_trains_in_float64():
    engine = Engine(make("circle", dtype="float64"))
    engine.train_step()
    assert all(p.dtype == torch.float64 for p in engine.model.parameters())


def test_snapshot_holds_no_tensors_and_boundary_is_probabilities():
    engine = Engine(make("blobs", hidden=(8,)).model_copy(
        update={"data": DataSpec(kind="blobs", classes=4, samples=200)}))
    engine.train_step(capture=True)
    snap = engine.snapshot(resolution=40)

    def walk(value):
        assert not isinstance(value, torch.Tensor)
        if dataclasses.is_dataclass(value):
            for f in dataclasses.fields(value):
                walk(getattr(value, f.name))
        elif isinstance(value, (list, tuple)):
            for v in value:
                walk(v)
        elif isinstance(value, dict):
            for v in value.values():
                walk(v)

    walk(snap)
    values = snap.boundary.values
    assert values.shape == (40, 40, 4)
    np.testing.assert_allclose(values.sum(axis=2), 1.0, rtol=1e-5)
    x0, _, _, y1 = snap.boundary.extent
    corner = torch.softmax(torch.as_tensor(engine.predict(np.array([[x0, y1]]))), dim=1).numpy()[0]
    np.testing.assert_allclose(values[-1, 0], corner, rtol=1e-4)


def test_one_dimensional_regression_gives_a_curve():
    engine = Engine(make("sine", hidden=(8,)))
    snap = engine.snapshot()
    assert snap.boundary is None and snap.curve is not None
    np.testing.assert_allclose(snap.curve.ys, engine.predict(snap.curve.xs.reshape(-1, 1))[:, 0])


def test_batch_size_changes_live_and_batchnorm_never_gets_a_batch_of_one():
    exp = make("circle", samples=42).model_copy(
        update={"model": ModelSpec(hidden=[LayerSpec(units=4, norm="batch")])})
    engine = Engine(exp)  # 21 training points, batch 10: the third batch would hold one point
    engine.train(2)
    assert engine.steps_per_epoch == 3 and engine.step == 4
    engine.set_option("batch_size", 21)
    engine.train(1)
    assert engine.step == 5


def test_train_epoch_can_capture_its_last_step_even_with_a_folded_batchnorm_batch():
    exp = make("circle", samples=42).model_copy(
        update={"model": ModelSpec(hidden=[LayerSpec(units=4, norm="batch")])})
    engine = Engine(exp)  # 21 training points, batch 10: the last step takes 11
    engine.train_epoch(capture=True)
    assert engine.epoch == 1 and engine.step == 2
    assert all(math.isfinite(s.update_ratio) for s in engine.snapshot().params)
    engine.train_epoch()
    assert all(math.isnan(s.update_ratio) for s in engine.snapshot().params)


def test_next_batch_end_names_the_rows_the_next_step_trains_on():
    """The public answer step_maths uses: ``perm[cursor:next_batch_end()]``, a folded batch of one included."""
    exp = make("circle", samples=42).model_copy(
        update={"model": ModelSpec(hidden=[LayerSpec(units=4, norm="batch")])})
    engine = Engine(exp)  # 21 training points, batch 10: 10, then 11 (a batch of one folded in)
    engine.train_step()
    assert (engine.cursor, engine.next_batch_end()) == (10, 21)
    rows = engine.perm[engine.cursor:engine.next_batch_end()]
    model = copy.deepcopy(engine.model).train()
    expected = nn.CrossEntropyLoss()(model(engine.x_train[rows]), engine.y_train[rows])
    engine.train_step()
    assert engine.batch_loss == expected.item() and engine.cursor == 0 and engine.epoch == 1
    plain = Engine(make("circle", samples=42))  # without batch norm the last batch keeps its single row
    plain.train_step()
    plain.train_step()
    assert (plain.cursor, plain.next_batch_end()) == (20, 21)
