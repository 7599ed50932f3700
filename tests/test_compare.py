"""Compare: each variant's numbers equal training it alone — a plain torch loop, and its own engine."""

from __future__ import annotations

import math

import numpy as np
import pytest
import torch

from playground.core.compare import CompareError, Comparison, apply_setting, parse_vary
from playground.core.compare_batched import BatchedGroup
from playground.core.engine import Engine
from playground.core.model import build_model
from playground.core.spec import DataSpec, Experiment, LayerSpec, ModelSpec, OptimizerSpec, TrainingSpec

TOL = 1e-6


def spiral(optimizer: str = "sgd", lr: float = 0.03, **training) -> Experiment:
    return Experiment(
        data=DataSpec(kind="spiral", samples=200, noise=0.1, seed=1),
        model=ModelSpec(hidden=[LayerSpec(units=8), LayerSpec(units=8)]),
        training=TrainingSpec(optimizer=OptimizerSpec(name=optimizer, lr=lr), batch_size=10, device="cpu",
                              **training))


def plain_loop(exp: Experiment, engine: Engine, epochs: int) -> list[float]:
    """The textbook loop: seeded init, seeded randperm per epoch, nn loss, torch.optim step."""
    t = exp.training
    torch.manual_seed(t.seed)
    model = build_model(exp.model, engine.dataset.input_dim, engine.out_dim)
    values = t.optimizer.values()
    if t.optimizer.name == "sgd":
        opt = torch.optim.SGD(model.parameters(), lr=values["lr"], momentum=values["momentum"],
                              weight_decay=values["weight_decay"])
    else:
        opt = torch.optim.Adam(model.parameters(), lr=values["lr"], betas=(values["beta1"], values["beta2"]),
                               eps=values["eps"], weight_decay=values["weight_decay"])
    loss_fn = torch.nn.CrossEntropyLoss()
    generator = torch.Generator().manual_seed(t.seed)
    x, y, n = engine.x_train, engine.y_train, engine.n_train
    losses = []
    for _ in range(epochs):
        perm = torch.randperm(n, generator=generator)
        for start in range(0, n, t.batch_size):
            idx = perm[start:start + t.batch_size]
            opt.zero_grad()
            loss = loss_fn(model(x[idx]), y[idx])
            loss.backward()
            opt.step()
            losses.append(loss.item())
    return losses


def relative(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.max(np.abs(a - b) / np.maximum(np.abs(b), 1e-30)))


@pytest.mark.parametrize("optimizer,key,values", [
    ("sgd", "lr", [0.01, 0.03, 0.1]),
    ("adam", "lr", [0.001, 0.003, 0.01]),
    ("sgd", "seed", [0, 3]),
    ("adam", "beta1", [0.8, 0.9]),
])
def test_each_batched_variant_equals_a_plain_torch_loop(optimizer, key, values):
    exp = spiral(optimizer, lr=0.01)
    comparison = Comparison(exp, key, values, epochs=2)
    assert len(comparison.units) == 1 and isinstance(comparison.units[0], BatchedGroup)
    comparison.train()
    for variant in comparison.variants:
        reference = plain_loop(variant.experiment, variant.engine, 2)
        batched = variant.engine.batch_history.array()[:, 2]
        assert len(batched) == len(reference) == 2 * variant.engine.steps_per_epoch
        assert batched[0] == reference[0]  # same weights, same first batch: the same number exactly
        assert relative(batched, np.array(reference)) <= TOL, variant.label


@pytest.mark.parametrize("optimizer,key,values", [
    ("sgd", "lr", [0.003, 0.03, 0.3]),
    ("sgd", "l2", [0.0, 0.001, 0.01]),
    ("sgd", "l1", [0.0, 0.001]),
    ("sgd", "momentum", [0.0, 0.9]),
    ("sgd", "weight_decay", [0.0, 0.01]),
    ("adam", "lr", [0.001, 0.01]),
    ("adam", "seed", [1, 2]),
    ("adamw", "weight_decay", [0.0, 0.1]),
])
def test_batched_path_and_one_engine_path_agree_per_variant(optimizer, key, values):
    exp = spiral(optimizer, lr=0.01)
    batched = Comparison(exp, key, values, epochs=3)
    alone = Comparison(exp, key, values, epochs=3, batched=False)
    assert batched.batched and not alone.batched
    batched.train()
    alone.train()
    for vb, va in zip(batched.variants, alone.variants):
        hb, ha = vb.engine.history.arrays(), va.engine.history.arrays()
        assert list(hb["epoch"]) == list(ha["epoch"]) == [0, 1, 2, 3]
        for column in ("train_loss", "test_loss"):
            assert relative(hb[column], ha[column]) <= TOL, (vb.label, column)
        assert np.array_equal(hb["train_metric"], ha["train_metric"]) or \
            np.max(np.abs(hb["train_metric"] - ha["train_metric"])) <= 1 / 100  # a point on the edge at most
        assert relative(vb.engine.batch_history.array()[:, 2], va.engine.batch_history.array()[:, 2]) <= TOL


def test_a_batched_variant_saves_and_trains_on_alone_as_its_engine_would():
    exp = spiral("adam", lr=0.01)
    comparison = Comparison(exp, "lr", [0.003, 0.01], epochs=2)
    comparison.train()
    saved = comparison.trained(1)
    assert saved.state is not None and saved.state.epoch == 2
    reference = Engine(apply_setting(exp, "lr", 0.01))
    reference.train(2)
    resumed = Engine(saved)
    resumed.train(1)
    reference.train(1)
    assert relative(resumed.history.arrays()["train_loss"], reference.history.arrays()["train_loss"]) <= TOL


def test_shape_changing_variants_train_as_separate_engines_equal_to_alone():
    exp = spiral("sgd", lr=0.03)
    for key, values in (("activation", ["tanh", "relu"]), ("batch_size", [5, 20]), ("width", [4, 8])):
        comparison = Comparison(exp, key, values, epochs=2)
        assert not comparison.batched
        comparison.train()
        for variant in comparison.variants:
            alone = Engine(variant.experiment)
            alone.train(2)
            assert np.array_equal(variant.engine.history.arrays()["train_loss"],
                                  alone.history.arrays()["train_loss"]), variant.label


def test_a_diverging_variant_stops_and_the_others_finish():
    exp = spiral("sgd", lr=0.03)
    comparison = Comparison(exp, "lr", [0.03, 10.0], epochs=30)
    comparison.train()
    good, bad = comparison.variants
    assert good.engine.epoch == 30 and good.error is None
    rows = comparison.rows()
    if bad.engine.diverged:  # lr 10 on tanh usually blows up; when it does, it is said and it stops
        assert bad.error and rows[1]["status"] != "ok"
    assert math.isfinite(rows[0]["test_loss"])


@pytest.mark.parametrize("text,message", [
    ("lr", "expected SETTING=V1,V2"),
    ("colour=1,2", "cannot vary 'colour'"),
    ("lr=0.1", "give 2 to 8 values"),
    ("lr=" + ",".join(str(i / 100) for i in range(1, 10)), "give 2 to 8 values"),
    ("lr=0.1,0.1", "a value is given twice"),
    ("lr=0.1,abc", "'abc' is not a number"),
    ("lr=0.1,nan", "not a finite number"),
    ("seed=1,2.5", "must be a whole number"),
])
def test_bad_vary_options_are_named(text, message):
    with pytest.raises(CompareError, match=message):
        parse_vary(text)


def test_a_value_the_schema_refuses_names_the_variant():
    with pytest.raises(CompareError, match="lr -1"):
        apply_setting(spiral(), "lr", -1.0)
    assert parse_vary("learning-rate=0.01,0.1") == ("lr", [0.01, 0.1])
    assert parse_vary("optimizer=sgd,adam") == ("optimizer", ["sgd", "adam"])
