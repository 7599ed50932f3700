"""Issue 12's textbook options: a 100 % train share, summed losses, Softmax, hidden-only zeros, ``new --init``."""

from __future__ import annotations

import json
import math

import torch
from torch import nn

from playground.cli import main
from playground.core.architecture import output_activation
from playground.core.engine import Engine
from playground.core.experiment_io import dumps, load_experiment, parse_experiment
from playground.core.spec import DataSpec, Experiment, LayerSpec, ModelSpec, OptimizerSpec, TrainingSpec


def _all_train(**training) -> Experiment:
    return Experiment(data=DataSpec(kind="gauss", samples=20, train_fraction=1.0),
                      model=ModelSpec(hidden=[LayerSpec(units=3)]),
                      training=TrainingSpec(batch_size=5, **training))


def test_a_train_share_of_100_percent_trains_on_every_point_and_reports_no_test_metrics():
    engine = Engine(_all_train(), device="cpu")
    assert len(engine.dataset.x_train) == 20 and len(engine.dataset.x_test) == 0
    engine.train(2)
    m = engine.metrics
    assert math.isfinite(m.train_loss) and math.isfinite(m.train_metric)
    assert math.isnan(m.test_loss) and math.isnan(m.test_metric)
    snap = engine.snapshot()
    assert snap.boundary is not None and snap.metrics.test_loss != snap.metrics.test_loss
    saved = parse_experiment(dumps(engine.experiment()))  # NaN history is stored as null, standard JSON
    assert saved.state.history.columns["test_loss"] == [None, None, None]
    again = Engine(saved, device="cpu")
    assert again.epoch == 2 and math.isnan(again.metrics.test_loss)


def test_the_cli_prints_null_and_a_dash_for_the_missing_test_set(tmp_path, capsys):
    path = tmp_path / "all.json"
    path.write_text(dumps(_all_train(epochs=2)))
    assert main(["train", str(path), "--quiet", "--save", str(path)]) == 0
    metrics = json.loads(capsys.readouterr().out)
    assert metrics["test_loss"] is None and metrics["test_accuracy"] is None
    assert metrics["train_loss"] > 0
    assert main(["info", str(path)]) == 0
    assert "test loss –, test accuracy –" in capsys.readouterr().out


def test_a_summed_loss_gives_summed_gradients_while_the_curves_show_the_mean():
    def first_step(reduction: str) -> tuple[Engine, float]:
        exp = _all_train(reduction=reduction, optimizer=OptimizerSpec(name="sgd", lr=0.01))
        engine = Engine(exp, device="cpu")
        engine.train_step()
        return engine, engine.batch_loss

    mean, mean_loss = first_step("mean")
    total, sum_loss = first_step("sum")
    assert abs(sum_loss - 5 * mean_loss) < 1e-5  # a batch of 5
    for (name, a), (_, b) in zip(mean.model.named_parameters(), total.model.named_parameters()):
        assert a.grad is not None and torch.allclose(b.grad, 5 * a.grad, atol=1e-6), name
    assert abs(total.history.arrays()["train_loss"][0] - mean.history.arrays()["train_loss"][0]) < 1e-9
    assert total.loss_fn.reduction == "sum" and mean.loss_fn.reduction == "mean"


def test_softmax_is_a_layer_and_the_loss_holds_the_output_softmax():
    exp = Experiment(data=DataSpec(kind="blobs", samples=30, classes=3),
                     model=ModelSpec(hidden=[LayerSpec(units=4, activation="softmax")]))
    engine = Engine(exp, device="cpu")
    assert isinstance(engine.model[1], nn.Softmax) and engine.model[1].dim == 1
    rows = engine.model[:2](torch.randn(5, 2))
    torch.testing.assert_close(rows.sum(dim=1), torch.ones(5))
    assert output_activation("cross_entropy") == "softmax" and output_activation("bce_with_logits") == "sigmoid"
    assert output_activation("mse") is None


def test_new_takes_an_init_and_a_reduction(tmp_path, capsys):
    out = tmp_path / "z.json"
    assert main(["new", "--dataset", "xor", "--hidden", "4", "--init", "zeros", "--reduction", "sum",
                 "-o", str(out)]) == 0
    exp = load_experiment(out)
    assert exp.model.init == "zeros" and exp.training.reduction == "sum"
    assert main(["new", "--dataset", "xor", "--init", "ones", "-o", str(out)]) == 1
    assert "--init: invalid choice: 'ones'" in capsys.readouterr().err


def test_files_written_before_these_options_still_load():
    old = ('{"format": "torch-playground.experiment", "version": 1, "data": {"kind": "xor"}, '
           '"model": {"hidden": [{"units": 2}], "init": "zeros"}, "training": {"loss": "cross_entropy"}}')
    exp = parse_experiment(old)
    assert exp.training.reduction == "mean" and exp.data.train_fraction == 0.5 and exp.model.init == "zeros"
