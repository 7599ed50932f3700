"""The autograd graph is PyTorch's own: node names, parameters and shapes read from ``loss.grad_fn``."""

from __future__ import annotations

from collections import Counter

import torch

from playground.core.autograd_graph import autograd_graph
from playground.core.engine import Engine
from playground.core.spec import DataSpec, Experiment, LayerSpec, ModelSpec, TrainingSpec
from playground.core.step_maths import parameter_values


def _engine(**training) -> Engine:
    exp = Experiment(data=DataSpec(kind="xor", samples=40), model=ModelSpec(hidden=[LayerSpec(units=8)]),
                     training=TrainingSpec(**training))
    return Engine(exp, device="cpu")


def test_a_2_8_2_tanh_net_has_the_textbook_graph():
    graph = autograd_graph(_engine())
    assert Counter(graph.names()) == Counter({
        "NllLossBackward0": 1, "LogSoftmaxBackward0": 1, "AddmmBackward0": 2, "TanhBackward0": 1,
        "TBackward0": 2, "AccumulateGrad": 4})
    leaves = {n.parameter: n.shape for n in graph.nodes if n.name == "AccumulateGrad"}
    assert leaves == {"0.weight": (8, 2), "0.bias": (8,), "2.weight": (2, 8), "2.bias": (2,)}
    by_id = {n.id: n for n in graph.nodes}
    assert by_id[0].name == "NllLossBackward0" and by_id[0].row == 0
    assert all(by_id[b].row > by_id[a].row for a, b in graph.edges)  # drawn top to bottom
    children = {(by_id[a].name, by_id[b].name) for a, b in graph.edges}
    assert ("LogSoftmaxBackward0", "AddmmBackward0") in children
    assert ("TanhBackward0", "AddmmBackward0") in children
    tanh = next(n for n in graph.nodes if n.name == "TanhBackward0")
    assert "0.weight [8, 2]" in next(n.label for n in graph.nodes if n.parameter == "0.weight")
    assert len({(n.row, n.column) for n in graph.nodes}) == len(graph.nodes)  # no two boxes on one spot
    assert tanh.row == 3


def test_regularisation_and_another_loss_show_up_and_the_engine_is_untouched():
    engine = _engine(loss="bce_with_logits", l2=0.01)
    before, rng = parameter_values(engine), torch.get_rng_state()
    graph = autograd_graph(engine, [0, 1])
    names = set(graph.names())
    assert {"BinaryCrossEntropyWithLogitsBackward0", "AddBackward0", "PowBackward0"} <= names
    assert parameter_values(engine) == before and torch.equal(torch.get_rng_state(), rng)
