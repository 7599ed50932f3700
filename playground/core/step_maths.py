"""One training step walked through with the real numbers, all computed by PyTorch.

``step_maths(engine, samples)`` runs in the runner, between two training steps, on copies of the
model and optimizer: the forward pass module by module (each layer's pre-activation and
activation per sample), the loss and the penalty, dL/d(output), every parameter's gradient, and
the update the optimizer really applies (after − before). The engine's weights, optimizer state and
random generators are left exactly as they were, so looking never changes training. The result is
plain numpy, safe to send to the window, which never imports torch.
"""

from __future__ import annotations

import copy
import inspect
from dataclasses import replace
from typing import Any

import numpy as np
import torch
from torch import nn

from playground.core.architecture import output_activation, plan
from playground.core.maths_types import MAX_SAMPLES, ModuleValues, ParameterStep, StepMaths, update_rule
from playground.core.registry import LOSSES, OPTIMIZERS

CORNER = 64
"""A parameter bigger than this many rows or columns travels as its top-left corner: the panel shows
a few cells of it, and a 2-million-parameter model must not cross the pipe whole four times."""


def _corner(a: np.ndarray) -> np.ndarray:
    return a[:CORNER, :CORNER].copy() if a.ndim == 2 else a[:CORNER].copy()

__all__ = ["MAX_SAMPLES", "StepMaths", "check_samples", "dead_units", "next_batch", "next_batch_indices",
           "parameter_values", "step_maths", "to_numpy"]

def to_numpy(t: torch.Tensor) -> np.ndarray:
    """A float64 copy on the CPU: what the maths views show, detached from the engine's tensors."""
    return t.detach().to("cpu", torch.float64).numpy().copy()


def check_samples(samples: list[int], n: int, split: str = "training") -> list[int]:
    """The chosen rows of the ``split`` set (``training`` or ``test``), refused in words when wrong."""
    chosen = [int(s) for s in samples]
    if not chosen:
        raise ValueError(f"choose at least one {split} sample")
    if len(chosen) > MAX_SAMPLES:
        raise ValueError(f"choose at most {MAX_SAMPLES} samples")
    if len(set(chosen)) != len(chosen):
        raise ValueError("a sample is chosen twice")
    noun = "sample" if split == "training" else f"{split} sample"
    for s in chosen:
        if not 0 <= s < n:
            raise ValueError(f"{noun} {s} does not exist: the {split} set has samples 0 to {n - 1}")
    return chosen


def next_batch_indices(engine: Any) -> list[int]:
    """The training rows the next step trains on, in its order (the default batch walked here).

    At an epoch's start the step draws a new order; it is peeked at from a copy of the engine's
    generator, so looking draws nothing and the step then draws the very same order.
    """
    s = engine.state
    perm = s.perm
    if perm is None or s.cursor == 0:
        perm = torch.randperm(engine.n_train, generator=torch.Generator().set_state(s.generator.get_state()))
    return perm[s.cursor:engine.next_batch_end()].tolist()


def next_batch(engine: Any) -> list[int]:
    """The first samples (at most four) of the batch the next training step will use."""
    return next_batch_indices(engine)[:MAX_SAMPLES]


def step_maths(engine: Any, samples: list[int] | None = None) -> StepMaths:
    """Walk the next training step: by default on its real batch (all of it: the update shown is the
    one Step applies), or on ``samples`` (at most four training-set indices) the user chose."""
    batch = next_batch_indices(engine)
    chosen = batch if samples is None else check_samples(samples, engine.n_train)
    cpu_rng = torch.get_rng_state()
    cuda_rng = torch.cuda.get_rng_state_all() if torch.cuda.is_available() else None
    try:
        return _walk(engine, chosen, next_batch=samples is None or chosen == batch, upcoming=batch[:MAX_SAMPLES])
    finally:  # dropout drew from torch's generator: give the engine back its exact sequence
        torch.set_rng_state(cpu_rng)
        if cuda_rng is not None:
            torch.cuda.set_rng_state_all(cuda_rng)


def _walk(engine: Any, chosen: list[int], next_batch: bool, upcoming: list[int]) -> StepMaths:
    model: nn.Sequential = copy.deepcopy(engine.model)
    if len(chosen) == 1 and any(isinstance(m, nn.BatchNorm1d) for m in model):
        raise ValueError("BatchNorm needs at least two samples in a training step; choose more samples")
    optimizer = type(engine.optimizer)(model.parameters(), **engine.optimizer.defaults)
    optimizer.load_state_dict(copy.deepcopy(engine.optimizer.state_dict()))  # load_state_dict shares tensors
    blocks = plan(engine.spec.model, engine.dataset.input_dim, engine.out_dim)
    outputs: dict[int, torch.Tensor] = {}
    hooks = [module.register_forward_hook(lambda _m, _i, out, k=k: outputs.__setitem__(k, out))
             for k, module in enumerate(model)]
    idx = torch.as_tensor(chosen, device=engine.device)
    x, y = engine.x_train[idx], engine.y_train[idx]
    model.train()
    optimizer.zero_grad(set_to_none=True)
    try:
        out = model(x)
    finally:
        for hook in hooks:
            hook.remove()
    out.retain_grad()
    loss = engine.loss_fn(out, y)
    penalty = engine.regularization(model)
    total = loss if penalty is None else loss + penalty
    total.backward()
    entry = LOSSES[engine.loss_key]
    with torch.no_grad():
        per_sample = entry.build("none")(out, y).reshape(len(chosen), -1).sum(dim=1)
    function = output_activation(engine.loss_key)
    probabilities = None
    if function == "softmax":
        probabilities = to_numpy(torch.softmax(out, dim=1))
    elif function == "sigmoid":
        probabilities = to_numpy(torch.sigmoid(out))
    named = list(model.named_parameters())
    before = [to_numpy(p) for _, p in named]
    grads = [to_numpy(p.grad) if p.grad is not None else np.zeros_like(b) for (_, p), b in zip(named, before)]
    with torch.no_grad():  # the optimizer's own update, minus step()'s wrappers (which import torch._dynamo)
        inspect.unwrap(type(optimizer).step)(optimizer)
    params = [ParameterStep(name, engine.labels.get(name, name), _corner(b), _corner(g), _corner(to_numpy(p)),
                            tuple(b.shape)) for (name, p), b, g in zip(named, before, grads)]
    modules = [ModuleValues(k, block.layer, block.kind, block.code, to_numpy(outputs[k]))
               for k, block in enumerate(blocks)]
    opt = engine.spec.training.optimizer
    rows = slice(0, MAX_SAMPLES)  # the whole batch is walked; its first rows travel and are shown
    return StepMaths(
        samples=chosen[rows],
        input_names=list(engine.dataset.input_names),
        inputs=to_numpy(x[rows]),
        targets=to_numpy(y[rows]).reshape(len(chosen[rows])),
        modules=[replace(m, values=m.values[rows]) for m in modules],
        output=to_numpy(out[rows]),
        output_function=function,
        probabilities=None if probabilities is None else probabilities[rows],
        loss_name=entry.torch_name,
        reduction=engine.spec.training.reduction,
        per_sample_loss=to_numpy(per_sample[rows]),
        loss=float(loss.item()),
        penalty=float(penalty.item()) if penalty is not None else 0.0,
        d_output=to_numpy(out.grad[rows]),
        parameters=params,
        optimizer=OPTIMIZERS[opt.name].torch_name,
        hyper={**opt.values(), "lr": float(engine.optimizer.param_groups[0]["lr"])},
        rule=update_rule(opt.name, opt.values()),
        dead_units=dead_units(engine),
        step=int(engine.step) + 1,
        batch_size=len(chosen),
        next_batch=next_batch,
        upcoming=list(upcoming),
    )


def dead_units(engine: Any) -> list[tuple[str, int, int]]:
    """Per activation module: how many units output exactly 0 on every training example (eval mode).

    A ReLU unit in that state gets no gradient from any example, so it never learns again.
    """
    blocks = plan(engine.spec.model, engine.dataset.input_dim, engine.out_dim)
    found: list[tuple[str, int, int]] = []
    was_training = engine.model.training
    engine.model.eval()
    try:
        with torch.no_grad():
            h = engine.x_train
            for block, module in zip(blocks, engine.model):
                h = module(h)
                if block.kind == "activation":
                    silent = int((h.abs().amax(dim=0) == 0).sum().item())
                    found.append((block.layer, silent, int(h.shape[1])))
    finally:
        engine.model.train(was_training)
    return [f for f in found if f[1] > 0]


def parameter_values(engine: Any) -> dict[str, list]:
    """Every parameter's current value as nested lists (the lesson panel's learned-vs-true table)."""
    return {name: p.detach().to("cpu", torch.float64).numpy().tolist() for name, p in engine.model.named_parameters()}
