"""Trained state in files: bad blobs and mismatched architectures are refused with named fields."""

from __future__ import annotations

import base64

import pytest
import torch
from safetensors.torch import save as st_save

from playground.core.engine import Engine
from playground.core.spec import DataSpec, Experiment, LayerSpec, ModelSpec
from playground.core.state import StateError, decode_tensors, encode_tensors


def trained(hidden=(4,), samples=60) -> Experiment:
    exp = Experiment(data=DataSpec(kind="circle", samples=samples), model=ModelSpec(
        hidden=[LayerSpec(units=u) for u in hidden]))
    engine = Engine(exp)
    engine.train_step()
    return engine.experiment()


def test_tensors_round_trip_through_base64_safetensors():
    tensors = {"a": torch.arange(6.0).reshape(2, 3), "b": torch.tensor([1, 2], dtype=torch.int64)}
    back = decode_tensors(encode_tensors(tensors))
    assert set(back) == {"a", "b"} and all(torch.equal(back[k], tensors[k]) for k in tensors)


@pytest.mark.parametrize(("blob", "message"), [
    ("not base64 at all!", "state.tensors: not valid base64"),
    (base64.b64encode(b"garbage bytes").decode(), "state.tensors: not a valid safetensors blob"),
])
def test_corrupt_blobs_are_named(blob, message):
    with pytest.raises(StateError, match=message):
        decode_tensors(blob)


def test_weights_of_another_architecture_are_refused_naming_the_parameter():
    exp = trained(hidden=(4,))
    exp.model.hidden[0].units = 5
    with pytest.raises(StateError, match=r"'0.weight' has shape \[4, 2\], the model needs \[5, 2\]"):
        Engine(exp)


def test_missing_and_unexpected_weights_are_named():
    exp = trained(hidden=(4,))
    tensors = decode_tensors(exp.state.tensors)
    del tensors["model.2.bias"]
    exp.state.tensors = encode_tensors(tensors)
    with pytest.raises(StateError, match=r"the weights lack '2\.bias'"):
        Engine(exp)
    tensors = decode_tensors(trained(hidden=(4,)).state.tensors)
    tensors["model.9.weight"] = torch.zeros(1)
    exp.state.tensors = encode_tensors(tensors)
    with pytest.raises(StateError, match=r"unexpected weight '9\.weight'"):
        Engine(exp)


def test_a_batch_order_for_other_data_is_refused():
    exp = trained(samples=60)
    exp.data.samples = 80
    with pytest.raises(StateError, match="batch order does not fit the training data"):
        Engine(exp)


def test_state_never_pickles():
    exp = trained()
    raw = base64.b64decode(exp.state.tensors)
    assert b"pickle" not in raw and not raw.startswith(b"\x80")  # pickle protocol marker
    header_len = int.from_bytes(raw[:8], "little")
    assert raw[8:9] == b"{" and header_len < len(raw)  # safetensors: length, then a JSON header
    assert st_save({"x": torch.zeros(1)})[8:9] == b"{"
