"""The autograd graph of the current model's loss, read from ``loss.grad_fn`` as PyTorch built it.

Each node is a backward function (``AddmmBackward0``, ``TanhBackward0``…); ``AccumulateGrad``
nodes are where gradients land in parameters, and carry the parameter's name and shape. Edges
follow ``next_functions``: from the loss towards the parameters, the direction gradients flow.
The graph comes with a layered layout (rows by distance from the loss, columns ordered to keep
edges short) so the window only draws boxes and arrows. The model is a copy and the random
generators are restored, so drawing the graph never changes training.
"""

from __future__ import annotations

import copy
from typing import Any

import torch

from playground.core.maths_types import MAX_SAMPLES, AutogradGraph, GraphNode


def autograd_graph(engine: Any, samples: list[int] | None = None) -> AutogradGraph:
    """The graph of the training loss (with its L1/L2 term) on ``samples`` (default: the first four)."""
    chosen = samples or list(range(min(MAX_SAMPLES, engine.n_train)))
    cpu_rng = torch.get_rng_state()
    try:
        model = copy.deepcopy(engine.model)
        model.train()
        idx = torch.as_tensor(chosen, device=engine.device)
        loss = engine.loss_fn(model(engine.x_train[idx]), engine.y_train[idx])
        penalty = engine.regularization(model)
        total = loss if penalty is None else loss + penalty
        names = {id(p): (name, tuple(p.shape)) for name, p in model.named_parameters()}
        return _walk(total, names)
    finally:
        torch.set_rng_state(cpu_rng)


def _walk(loss: torch.Tensor, names: dict[int, tuple[str, tuple[int, ...]]]) -> AutogradGraph:
    root = loss.grad_fn
    if root is None:
        raise ValueError("the loss does not depend on any parameter")
    ids: dict[int, int] = {}
    functions: list[Any] = []
    edges: list[tuple[int, int]] = []
    queue = [root]
    ids[id(root)] = 0
    functions.append(root)
    while queue:
        fn = queue.pop(0)
        for child, _ in fn.next_functions:
            if child is None:
                continue
            if id(child) not in ids:
                ids[id(child)] = len(functions)
                functions.append(child)
                queue.append(child)
            edges.append((ids[id(fn)], ids[id(child)]))
    rows = _rows(len(functions), edges)
    columns = _columns(rows, edges)
    nodes = []
    for k, fn in enumerate(functions):
        variable = getattr(fn, "variable", None)
        parameter, shape = names.get(id(variable), (None, None)) if variable is not None else (None, None)
        nodes.append(GraphNode(k, type(fn).__name__, parameter, shape, rows[k], columns[k]))
    return AutogradGraph(nodes, edges, float(loss.item()))


def _rows(count: int, edges: list[tuple[int, int]]) -> list[int]:
    """Longest distance from the loss, so every edge points down the picture."""
    rows = [0] * count
    for _ in range(count):  # a DAG settles in at most ``count`` passes
        changed = False
        for a, b in edges:
            if rows[b] < rows[a] + 1:
                rows[b] = rows[a] + 1
                changed = True
        if not changed:
            break
    return rows


def _columns(rows: list[int], edges: list[tuple[int, int]]) -> list[float]:
    """Within each row, order nodes by their parents' positions (one barycentre sweep), then centre rows."""
    parents: dict[int, list[int]] = {}
    for a, b in edges:
        parents.setdefault(b, []).append(a)
    by_row: dict[int, list[int]] = {}
    for node, row in enumerate(rows):
        by_row.setdefault(row, []).append(node)
    width = max(len(v) for v in by_row.values())
    position: dict[int, float] = {}
    for row in sorted(by_row):
        members = by_row[row]
        members.sort(key=lambda n: (sum(position.get(p, 0.0) for p in parents.get(n, [0]))
                                    / max(len(parents.get(n, [0])), 1), n))
        offset = (width - len(members)) / 2
        for i, node in enumerate(members):
            position[node] = offset + i
    return [position[n] for n in range(len(rows))]
