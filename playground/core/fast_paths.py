"""The engine's shortcuts: each ends in the same kernels as the textbook call, so no number changes.

A small model's step is dominated by Python overhead, not arithmetic; these skip the wrappers
(module hooks, ``autograd.grad``'s argument checks, ``Optimizer.step``'s profiler and dynamo
wrappers) and call what the public function would have called.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Sequence

import torch
from torch import nn

try:
    from torch.autograd import Variable

    _run_backward = Variable._execution_engine.run_backward
except (ImportError, AttributeError):  # a torch without it: the public function serves
    _run_backward = None


def gradients(total: torch.Tensor, params: tuple[torch.Tensor, ...], one: torch.Tensor) -> Sequence[torch.Tensor]:
    """``torch.autograd.grad(total, params)``, asking autograd's engine directly.

    ``autograd.grad``'s Python wrapper (argument checks, a fresh ``ones_like`` gradient) costs a
    fifth of a small model's step; the engine call it ends in is the same computation. A torch
    whose engine signature differs falls back to the public function, once and for good.
    ``one``: a scalar 1 of ``total``'s dtype and device.
    """
    global _run_backward
    if _run_backward is not None:
        try:
            return _run_backward((total,), (one,), False, False, params, False, False)
        except TypeError:
            _run_backward = None
    return torch.autograd.grad(total, params)


def fast_forward(module: nn.Module) -> Callable[[torch.Tensor], torch.Tensor]:
    """The function a module's ``forward`` ends in, for the two that dominate small models."""
    if type(module) is nn.Linear:
        weight, bias = module.weight, module.bias  # parameters are updated in place: these stay valid
        return lambda x: torch._C._nn.linear(x, weight, bias)
    if type(module) is nn.Tanh:
        return torch.tanh
    return module.forward


def raw_step(optimizer: torch.optim.Optimizer) -> Callable[[torch.optim.Optimizer], object]:
    """The optimizer's update itself, without ``Optimizer.step``'s profiler and dynamo wrappers.

    Called under ``torch.no_grad()`` it runs exactly the code ``step()`` runs (same kernels, same
    state), so the numbers are PyTorch's; an optimizer whose step is not wrapped is used as is.
    """
    return inspect.unwrap(type(optimizer).step)


def plain_sgd_lr(optimizer: torch.optim.Optimizer) -> float | None:
    """The learning rate if the update is exactly ``w -= lr · g`` (SGD without extras), else None."""
    if len(optimizer.param_groups) != 1 or not isinstance(optimizer, torch.optim.SGD):
        return None
    g = optimizer.param_groups[0]
    if g["momentum"] or g["weight_decay"] or g["nesterov"] or g.get("maximize") or g.get("differentiable"):
        return None
    return g["lr"]


def class_softmax(out: torch.Tensor) -> torch.Tensor:
    """Softmax over the classes of each row. Rows of a few classes are slow for ``softmax(dim=1)``
    (0.3 ms for 10 000 × 2); the same softmax down the columns of the transpose is 3× faster."""
    return torch.softmax(out.T.contiguous(), dim=0).T
