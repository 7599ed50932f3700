"""Trained state ↔ ``StateSpec``: weights, optimizer, RNG and history, so training continues exactly.

Tensors travel as one base64 safetensors blob (never pickle). Keys: ``model.<name>`` (state_dict,
buffers included), ``optim.<param index>.<key>``, ``rng.torch``, ``rng.shuffle``, ``rng.cuda`` (on a GPU) and ``perm``
(the current epoch's batch order). Non-tensor optimizer values go into plain JSON fields.
"""

from __future__ import annotations

import base64
import binascii
import math
from dataclasses import replace
from typing import Any

import torch
from safetensors import SafetensorError
from safetensors.torch import load as st_load
from safetensors.torch import save as st_save

from playground.core.errors import one_line
from playground.core.history import History
from playground.core.spec import HistorySpec, StateSpec
from playground.core.state_check import StateError, Target, check_state_dict, plan_restore
from playground.core.train_state import TrainState

__all__ = ["StateError", "Target", "capture", "check_state_dict", "decode_tensors", "encode_tensors", "restore"]


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


def capture(train: TrainState, device: torch.device) -> StateSpec:
    """``train`` as a ``StateSpec`` (with torch's global generator, and the GPU's on ``device``)."""
    tensors: dict[str, torch.Tensor] = {f"model.{k}": v for k, v in train.model.state_dict().items()}
    scalars: dict[str, Any] = {}
    opt_state = train.optimizer.state_dict()
    for pid, entries in opt_state["state"].items():
        for key, value in entries.items():
            if isinstance(value, torch.Tensor):
                tensors[f"optim.{pid}.{key}"] = value
            else:
                scalars[f"{pid}.{key}"] = _json_value(value)
    groups = [{k: _json_value(v) for k, v in g.items()} for g in opt_state["param_groups"]]
    tensors["rng.torch"] = torch.get_rng_state()
    tensors["rng.shuffle"] = train.generator.get_state()
    if device.type == "cuda":  # dropout on a GPU draws from the device's generator
        tensors["rng.cuda"] = torch.cuda.get_rng_state(device)
    if train.perm is not None:
        tensors["perm"] = train.perm
    history = train.history.to_dict()
    return StateSpec(
        step=train.step,
        epoch=train.epoch,
        batch_cursor=train.cursor,
        tensors=encode_tensors(tensors),
        optimizer_groups=groups,
        optimizer_scalars=scalars,
        history=HistorySpec(**history),
        seconds=train.seconds,
    )


def restore(train: TrainState, state: StateSpec, target: Target) -> TrainState:
    """``train`` (freshly built) continued from ``state``: the same model and optimizer objects, loaded.

    Everything is checked first (:func:`state_check.plan_restore`), so a refused state changes nothing.
    """
    plan = plan_restore(train, target, state, decode_tensors(state.tensors))
    train.model.load_state_dict(plan.model)
    if plan.optimizer is not None:
        train.optimizer.load_state_dict(plan.optimizer)
    if plan.rng_torch is not None:
        torch.set_rng_state(plan.rng_torch)
    if plan.rng_cuda is not None:
        try:
            torch.cuda.set_rng_state(plan.rng_cuda, target.device)
        except RuntimeError:
            raise StateError("state.tensors: 'rng.cuda' is not a valid GPU random-generator state") from None
    if plan.rng_shuffle is not None:
        train.generator.set_state(plan.rng_shuffle)
    return replace(train, perm=plan.perm, step=state.step, epoch=state.epoch, cursor=state.batch_cursor,
                   seconds=state.seconds, history=History.from_dict(state.history.model_dump()))
