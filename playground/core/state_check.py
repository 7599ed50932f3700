"""The validation gate for trained state: every tensor and number is checked before any is used.

A state that passes :func:`plan_restore` fits the engine exactly: the weights' names, shapes, dtypes
and values, the optimizer's state (its keys, shapes and dtypes found by probing the same optimizer on
a two-element parameter, so it follows the torch version), the optimizer's settings (which must
equal the experiment's, so ``info`` tells the truth about the learning rate), the random generators
(tried on a scratch generator), the batch order (a permutation of the training rows) and the
position in the epoch. Nothing of the engine changes until all of it passed.
"""

from __future__ import annotations

import inspect
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import torch

from playground.core.errors import PlaygroundError, quote
from playground.core.history import COLUMNS
from playground.core.registry import OPTIMIZERS
from playground.core.spec import OptimizerSpec, StateSpec
from playground.core.train_state import TrainState

HISTORY_ROWS = 2048
"""The most history rows a file may hold (the engine's ``History`` capacity)."""
NON_NEGATIVE = ("step", "exp_avg_sq", "max_exp_avg_sq", "square_avg", "sum")
"""Optimizer state that is a count or a running mean of squares: a negative value poisons training."""
_OPTIM_KEY = re.compile(r"(0|[1-9][0-9]{0,5})\.([A-Za-z_][A-Za-z0-9_]{0,63})")


class StateError(PlaygroundError, ValueError):
    """The trained state in a file does not fit the experiment's model."""


def _error(message: str) -> Exception:
    return StateError(message)


@dataclass(frozen=True)
class Target:
    """What a stored state must fit besides the ``TrainState`` it is loaded into."""

    optimizer: OptimizerSpec
    """The experiment's optimizer settings (a file's optimizer groups must equal them)."""
    n_train: int
    """Training rows: the batch order must be a permutation of them."""
    device: torch.device
    dtype: torch.dtype


@dataclass
class RestorePlan:
    """Checked values, ready to load into the engine."""

    model: dict[str, torch.Tensor]
    optimizer: dict[str, Any] | None
    rng_torch: torch.Tensor | None
    rng_shuffle: torch.Tensor | None
    rng_cuda: torch.Tensor | None
    perm: torch.Tensor | None


def plan_restore(train: TrainState, target: Target, state: StateSpec,
                 tensors: dict[str, torch.Tensor]) -> RestorePlan:
    """Check ``state`` and its decoded ``tensors`` against ``train``; raise ``StateError`` naming the field."""
    model: dict[str, torch.Tensor] = {}
    optim: dict[int, dict[str, Any]] = {}
    n_params = len(list(train.model.parameters()))
    for key, value in tensors.items():
        if key.startswith("model."):
            model[key[len("model."):]] = value
        elif key.startswith("optim."):
            pid, name = _optim_key(key[len("optim."):], n_params, f"state.tensors: optimizer entry {quote(key)}")
            optim.setdefault(pid, {})[name] = value
        elif key not in ("rng.torch", "rng.shuffle", "rng.cuda", "perm"):
            raise _error(f"state.tensors: unexpected entry {quote(key)}")
    _check_model(train.model, model)
    for key, value in state.optimizer_scalars.items():
        pid, name = _optim_key(key, n_params, f"state.optimizer_scalars: key {quote(key)}")
        if name in optim.get(pid, {}):
            raise _error(f"state.optimizer_scalars.{key}: also stored as a tensor")
        optim.setdefault(pid, {})[name] = value
    optimizer = _check_optimizer(train, target, state.optimizer_groups, optim)
    perm = _check_position(target.n_train, state, tensors.get("perm"))
    _check_history(state)
    return RestorePlan(
        model={k: v.to(train.model.state_dict()[k].dtype) for k, v in model.items()},
        optimizer=optimizer,
        rng_torch=_check_rng(tensors.get("rng.torch"), "rng.torch", torch.get_rng_state()),
        rng_shuffle=_check_rng(tensors.get("rng.shuffle"), "rng.shuffle", train.generator.get_state()),
        rng_cuda=tensors.get("rng.cuda") if target.device.type == "cuda" else None,
        perm=perm,
    )


def _optim_key(text: str, n_params: int, what: str) -> tuple[int, str]:
    match = _OPTIM_KEY.fullmatch(text)
    if match is None:
        raise _error(f"{what} is not '<parameter index>.<name>'")
    pid = int(match.group(1))
    if pid >= n_params:
        raise _error(f"{what} is for parameter {pid}, but the model has {n_params} (0…{n_params - 1})")
    return pid, match.group(2)


def _finite(tensor: torch.Tensor) -> bool:
    return not tensor.is_floating_point() or bool(torch.isfinite(tensor).all())


def check_state_dict(expected: dict[str, torch.Tensor], weights: dict[str, torch.Tensor]) -> None:
    """Refuse ``weights`` unless they hold exactly ``expected``'s names and shapes, naming the first misfit."""
    for name, value in expected.items():
        if name not in weights:
            raise StateError(f"state.tensors: the weights lack {quote(name)}")
        if weights[name].shape != value.shape:
            raise StateError(
                f"state.tensors: {quote(name)} has shape {list(weights[name].shape)}, the model needs "
                f"{list(value.shape)} (was the architecture edited?)")
    extra = sorted(set(weights) - set(expected))
    if extra:
        raise StateError(f"state.tensors: unexpected weight {quote(extra[0])} for this architecture")


def _check_model(module: torch.nn.Module, weights: dict[str, torch.Tensor]) -> None:
    expected = module.state_dict()
    check_state_dict(expected, weights)
    for name, want in expected.items():
        got = weights[name]
        if want.is_floating_point() != got.is_floating_point() or got.is_complex() or got.dtype == torch.bool:
            raise _error(f"state.tensors: 'model.{name}' holds {str(got.dtype).removeprefix('torch.')}, "
                         f"the model needs {str(want.dtype).removeprefix('torch.')}")
        if not _finite(got):
            raise _error(f"state.tensors: 'model.{name}' holds NaN or infinite values")
        if got.is_floating_point() and not _finite(got.to(want.dtype)):  # the cast restore will do: 1e300 → inf
            raise _error(f"state.tensors: 'model.{name}' holds values beyond {str(want.dtype).removeprefix('torch.')}"
                         " (they would become infinite)")
        if name.endswith(("running_var", "num_batches_tracked")) and bool((got < 0).any()):
            raise _error(f"state.tensors: 'model.{name}' holds negative values")


@dataclass(frozen=True)
class _Slot:
    """What one optimizer state entry must be: a tensor like the parameter, a fixed tensor, or a number."""

    tensor: bool
    like_param: bool = False
    dtype: torch.dtype | None = None
    shape: tuple[int, ...] = ()
    kind: type = float


@lru_cache(maxsize=64)
def _probe(name: str, values: tuple[tuple[str, Any], ...], dtype: torch.dtype) -> dict[str, _Slot]:
    """The state this optimizer keeps per parameter, found by stepping it on a 2-element parameter."""
    param = torch.nn.Parameter(torch.zeros(2, dtype=dtype))
    optimizer = OPTIMIZERS[name].build([param], dict(values))
    param.grad = torch.ones_like(param)
    with torch.no_grad():  # step()'s own code without its wrappers, which would import torch._dynamo (2 s)
        inspect.unwrap(type(optimizer).step)(optimizer)
    slots: dict[str, _Slot] = {}
    for key, value in optimizer.state_dict()["state"].get(0, {}).items():
        if isinstance(value, torch.Tensor):
            like = tuple(value.shape) == (2,) and value.dtype == dtype
            slots[key] = _Slot(True, like, value.dtype, tuple(value.shape))
        else:
            slots[key] = _Slot(False, kind=type(value))
    return slots


def _check_optimizer(train: TrainState, target: Target, groups: list[dict[str, Any]],
                     state: dict[int, dict[str, Any]]) -> dict[str, Any] | None:
    """The optimizer ``state_dict`` to load, or ``None`` to keep the fresh one (no stored optimizer)."""
    fresh = train.optimizer.state_dict()["param_groups"]
    if not groups:
        if state:
            raise _error("state.optimizer_groups: missing, but state.tensors holds optimizer state")
        return None
    if len(groups) != len(fresh):
        raise _error(f"state.optimizer_groups: has {len(groups)} groups, the optimizer has {len(fresh)}")
    spec = target.optimizer
    raw = spec.values()
    raw["betas"] = (raw.get("beta1"), raw.get("beta2"))
    for i, (group, want) in enumerate(zip(groups, fresh)):
        where = f"state.optimizer_groups[{i}]"
        if group.get("params") != want["params"] or any(isinstance(p, bool) for p in group.get("params", [])):
            raise _error(f"{where}.params: must be {want['params']}")
        for param in OPTIMIZERS[spec.name].params:
            key = "betas" if param.name in ("beta1", "beta2") else param.name
            if key not in group:
                raise _error(f"{where}: lacks {quote(key)}")
            if not (_same(group[key], want[key]) or _same(group[key], raw[key])):  # raw: nesterov, momentum 0
                raise _error(f"{where}.{key}: {quote(group[key])} differs from the experiment's "
                             f"training.optimizer ({quote(_as_json(want[key]))}); edit training.optimizer instead")
    params = list(train.model.parameters())
    slots = _probe(spec.name, tuple(sorted(spec.values().items())), target.dtype)
    for pid in train.optimizer.state_dict()["state"]:  # kept from the start (Adagrad's sums): required
        if pid not in state:
            raise _error(f"state.tensors: the optimizer state of parameter {pid} is missing")
    out: dict[int, dict[str, Any]] = {}
    for pid, entries in sorted(state.items()):
        missing = sorted(set(slots) - set(entries))
        extra = sorted(set(entries) - set(slots))
        if missing or extra:
            name = f"optim.{pid}.{(missing or extra)[0]}"
            raise _error(f"state.tensors: {quote(name)} is {'missing' if missing else 'not used by this optimizer'}")
        out[pid] = {key: _check_slot(f"optim.{pid}.{key}", key, entries[key], slot, params[pid])
                    for key, slot in slots.items()}
    return {"state": out, "param_groups": fresh}


def _check_slot(name: str, key: str, value: Any, slot: _Slot, param: torch.Tensor) -> Any:
    if not slot.tensor:
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not _finite_number(value):
            raise _error(f"state.optimizer_scalars: {quote(name)} must be a finite number, got {quote(value)}")
        if key in NON_NEGATIVE and value < 0:
            raise _error(f"state.optimizer_scalars: {quote(name)} must not be negative")
        return slot.kind(value) if slot.kind in (int, float) else value
    if not isinstance(value, torch.Tensor):
        raise _error(f"state.optimizer_scalars: {quote(name)} must be a tensor in state.tensors")
    shape = tuple(param.shape) if slot.like_param else slot.shape
    if tuple(value.shape) != shape:
        raise _error(f"state.tensors: {quote(name)} has shape {list(value.shape)}, the optimizer needs {list(shape)}")
    if slot.like_param:
        if not value.is_floating_point():
            raise _error(f"state.tensors: {quote(name)} holds {str(value.dtype).removeprefix('torch.')}, not floats")
        value = value.to(param.dtype)
    elif value.dtype != slot.dtype:
        raise _error(f"state.tensors: {quote(name)} holds {str(value.dtype).removeprefix('torch.')}, "
                     f"the optimizer needs {str(slot.dtype).removeprefix('torch.')}")
    if not _finite(value):
        raise _error(f"state.tensors: {quote(name)} holds NaN or infinite values")
    if key in NON_NEGATIVE and bool((value < 0).any()):
        raise _error(f"state.tensors: {quote(name)} holds negative values")
    return value


def _same(got: Any, want: Any) -> bool:
    if isinstance(want, bool) or want is None or isinstance(want, str):
        return got is want or (type(got) is type(want) and got == want)
    if isinstance(want, (tuple, list)):
        return (isinstance(got, (tuple, list)) and len(got) == len(want)
                and all(_same(g, w) for g, w in zip(got, want)))
    if isinstance(got, bool) or not isinstance(got, (int, float)) or not _finite_number(got):
        return False
    return math.isclose(float(got), float(want), rel_tol=1e-12, abs_tol=0.0)


def _as_json(value: Any) -> Any:
    """A setting as the file writes it (``betas`` is a tuple in torch, a list in JSON)."""
    return list(value) if isinstance(value, tuple) else value


def _finite_number(value: int | float) -> bool:
    """A number a float can hold: JSON integers have no size limit (``10**400``)."""
    try:
        return math.isfinite(value)
    except OverflowError:
        return False


def _check_rng(value: torch.Tensor | None, name: str, like: torch.Tensor) -> torch.Tensor | None:
    if value is None:
        return None
    if value.dtype != torch.uint8 or value.shape != like.shape:
        raise _error(f"state.tensors: {quote(name)} must be {like.numel()} bytes (uint8), got "
                     f"{str(value.dtype).removeprefix('torch.')} of shape {list(value.shape)}")
    try:
        torch.Generator().set_state(value)  # a scratch generator: the real ones change only after every check
    except RuntimeError:
        raise _error(f"state.tensors: {quote(name)} is not a valid random-generator state") from None
    return value


def _check_position(n: int, state: StateSpec, perm: torch.Tensor | None) -> torch.Tensor | None:
    if perm is not None:
        if perm.dtype != torch.int64 or perm.dim() != 1 or perm.numel() != n:
            raise _error("state.tensors: the batch order does not fit the training data (was the data edited?)")
        if not torch.equal(torch.sort(perm).values, torch.arange(n)):
            raise _error(f"state.tensors: 'perm' is not an order of the {n} training rows")
    if state.batch_cursor >= n:
        raise _error(f"state.batch_cursor: {state.batch_cursor} is past the {n} training rows")
    if state.batch_cursor > 0 and perm is None:
        raise _error("state.batch_cursor: a position inside an epoch needs the batch order 'perm'")
    return perm


def _check_history(state: StateSpec) -> None:
    columns = state.history.columns
    unknown = sorted(set(columns) - set(COLUMNS))
    if unknown:
        raise _error(f"state.history.columns: unknown column {quote(unknown[0])}; the columns are {', '.join(COLUMNS)}")
    missing = [c for c in COLUMNS if c not in columns]
    if columns and missing:
        raise _error(f"state.history.columns: lacks {quote(missing[0])}")
    lengths = {len(v) for v in columns.values()}
    if len(lengths) > 1:
        raise _error("state.history.columns: columns have different lengths")
    if lengths and max(lengths) > HISTORY_ROWS:
        raise _error(f"state.history.columns: more than {HISTORY_ROWS} rows")
