"""Trained state ↔ ``StateSpec``: weights, optimizer, RNG and history, so training continues exactly.

Tensors travel as one base64 safetensors blob (never pickle). Keys: ``model.<name>`` (state_dict,
buffers included), ``optim.<param index>.<key>``, ``rng.torch``, ``rng.shuffle``, ``rng.cuda`` (on a GPU) and ``perm``
(the current epoch's batch order). Non-tensor optimizer values go into plain JSON fields.
"""

from __future__ import annotations

import base64
import binascii
import math
from typing import TYPE_CHECKING, Any

import torch
from safetensors import SafetensorError
from safetensors.torch import load as st_load
from safetensors.torch import save as st_save

from playground.core.errors import PlaygroundError, one_line
from playground.core.history import History
from playground.core.spec import HistorySpec, StateSpec
from playground.core.state_check import plan_restore

if TYPE_CHECKING:
    from playground.core.engine import Engine


class StateError(PlaygroundError, ValueError):
    """The trained state in a file does not fit the experiment's model."""


def encode_tensors(tensors: dict[str, torch.Tensor]) -> str:
    cpu = {k: v.detach().to("cpu").contiguous().clone() for k, v in tensors.items()}
    return base64.b64encode(st_save(cpu)).decode("ascii")


def decode_tensors(blob: str, field: str = "state.tensors") -> dict[str, torch.Tensor]:
    try:
        raw = base64.b64decode(blob.encode("ascii"), validate=True)
    except (binascii.Error, ValueError, UnicodeEncodeError) as exc:
        raise StateError(f"{field}: not valid base64 ({exc})") from None
    try:
        return st_load(raw)
    except (SafetensorError, Exception) as exc:
        raise StateError(f"{field}: not a valid safetensors blob ({one_line(str(exc))})") from None


def _json_value(value: Any) -> Any:
    if isinstance(value, tuple):
        return list(value)
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def capture(engine: Engine) -> StateSpec:
    tensors: dict[str, torch.Tensor] = {f"model.{k}": v for k, v in engine.model.state_dict().items()}
    scalars: dict[str, Any] = {}
    opt_state = engine.optimizer.state_dict()
    for pid, entries in opt_state["state"].items():
        for key, value in entries.items():
            if isinstance(value, torch.Tensor):
                tensors[f"optim.{pid}.{key}"] = value
            else:
                scalars[f"{pid}.{key}"] = _json_value(value)
    groups = [{k: _json_value(v) for k, v in g.items()} for g in opt_state["param_groups"]]
    tensors["rng.torch"] = torch.get_rng_state()
    tensors["rng.shuffle"] = engine.generator.get_state()
    if engine.device.type == "cuda":  # dropout on a GPU draws from the device's generator
        tensors["rng.cuda"] = torch.cuda.get_rng_state(engine.device)
    if engine.perm is not None:
        tensors["perm"] = engine.perm
    history = engine.history.to_dict()
    return StateSpec(
        step=engine.step,
        epoch=engine.epoch,
        batch_cursor=engine.cursor,
        tensors=encode_tensors(tensors),
        optimizer_groups=groups,
        optimizer_scalars=scalars,
        history=HistorySpec(**history),
        seconds=engine.seconds,
    )


def check_state_dict(expected: dict[str, torch.Tensor], weights: dict[str, torch.Tensor]) -> None:
    """Refuse ``weights`` unless they hold exactly ``expected``'s names and shapes, naming the first misfit."""
    for name, value in expected.items():
        if name not in weights:
            raise StateError(f"state.tensors: the weights lack {name!r}")
        if weights[name].shape != value.shape:
            raise StateError(
                f"state.tensors: {name!r} has shape {list(weights[name].shape)}, the model needs "
                f"{list(value.shape)} (was the architecture edited?)")
    extra = sorted(set(weights) - set(expected))
    if extra:
        raise StateError(f"state.tensors: unexpected weight {extra[0]!r} for this architecture")


def restore(engine: Engine, state: StateSpec) -> None:
    """Load ``state`` into a freshly reset engine, naming the first thing that does not fit.

    Everything is checked first (:func:`state_check.plan_restore`), so a refused state changes nothing.
    """
    plan = plan_restore(engine, state, decode_tensors(state.tensors))
    engine.model.load_state_dict(plan.model)
    if plan.optimizer is not None:
        engine.optimizer.load_state_dict(plan.optimizer)
    if plan.rng_torch is not None:
        torch.set_rng_state(plan.rng_torch)
    if plan.rng_cuda is not None:
        try:
            torch.cuda.set_rng_state(plan.rng_cuda, engine.device)
        except RuntimeError:
            raise StateError("state.tensors: 'rng.cuda' is not a valid GPU random-generator state") from None
    if plan.rng_shuffle is not None:
        engine.generator.set_state(plan.rng_shuffle)
    engine.perm = plan.perm
    engine.step = state.step
    engine.epoch = state.epoch
    engine.cursor = state.batch_cursor
    engine.seconds = state.seconds
    engine.history = History.from_dict(state.history.model_dump())
    engine.metrics = engine.evaluate()
    engine.batch_loss = engine.metrics.train_loss
