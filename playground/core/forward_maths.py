"""The forward pass of chosen test samples, module by module, as the network predicts them.

The gallery's "click an image" shows that image's class probabilities; the Maths tab shows how the
network got them: each layer's ``z = x·Wᵀ + b``, its activation, and the softmax of the output. It
runs in the runner on a copy of the model in evaluation mode (dropout off, BatchNorm's running
statistics), on the same preprocessed test rows the engine scores, so the probabilities are the
gallery's. The engine's model, optimizer and random state are not touched.
"""

from __future__ import annotations

import copy
from typing import Any

import torch

from playground.core.architecture import output_activation, plan
from playground.core.maths_types import ForwardMaths, ModuleValues
from playground.core.step_maths import check_samples, to_numpy


def forward_maths(engine: Any, samples: list[int]) -> ForwardMaths:
    """Walk the forward pass of test rows ``samples`` (at most four) in evaluation mode."""
    chosen = check_samples(samples, int(engine.x_test.shape[0]), "test")
    model = copy.deepcopy(engine.model)
    model.eval()
    blocks = plan(engine.spec.model, engine.dataset.input_dim, engine.out_dim)
    outputs: dict[int, torch.Tensor] = {}
    for k, module in enumerate(model):
        module.register_forward_hook(lambda _m, _i, out, k=k: outputs.__setitem__(k, out))
    idx = torch.as_tensor(chosen, device=engine.device)
    x, y = engine.x_test[idx], engine.y_test[idx]
    with torch.no_grad():
        out = model(x)
    function = output_activation(engine.loss_key)
    probabilities = None
    predicted: list[int] = []
    if function == "softmax":
        probabilities = to_numpy(torch.softmax(out, dim=1))
        predicted = [int(i) for i in probabilities.argmax(axis=1)]
    elif function == "sigmoid":
        probabilities = to_numpy(torch.sigmoid(out))
        predicted = [int(p > 0.5) for p in probabilities[:, 0]]
    ds = engine.dataset
    names = list(ds.class_names or []) if ds.task == "classification" else []
    if ds.task == "classification" and not names:
        names = [str(k) for k in range(ds.n_classes or 0)]
    return ForwardMaths(
        samples=chosen,
        input_names=list(ds.input_names),
        inputs=to_numpy(x),
        targets=to_numpy(y).reshape(len(chosen), -1)[:, 0],
        modules=[ModuleValues(k, block.layer, block.kind, block.code, to_numpy(outputs[k]))
                 for k, block in enumerate(blocks)],
        output=to_numpy(out),
        output_function=function,
        probabilities=probabilities,
        predicted=predicted,
        class_names=names,
        image_side=ds.image_side if ds.derived is None else None,
        step=int(engine.step),
    )
