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


def test_the_train_state_is_captured_and_restored_as_a_whole():
    """``capture`` reads one TrainState; ``restore`` gives a fresh one every part of it back, nothing else."""
    from playground.core.state import Target, capture, restore
    from playground.core.train_state import TrainState

    exp = Experiment(data=DataSpec(kind="circle", samples=60), model=ModelSpec(hidden=[LayerSpec(units=4)]))
    engine = Engine(exp)
    for _ in range(7):
        engine.train_step()
    saved = capture(engine.state, engine.device)
    fresh = TrainState.fresh(engine.spec, engine.dataset.input_dim, engine.out_dim, engine.dtype, engine.device)
    target = Target(engine.spec.training.optimizer, engine.n_train, engine.device, engine.dtype)
    back = restore(fresh, saved, target)
    assert back.model is fresh.model and back.optimizer is fresh.optimizer  # loaded in place, not rebuilt
    assert (back.step, back.epoch, back.cursor, back.seconds) == (7, engine.epoch, engine.cursor, engine.seconds)
    assert torch.equal(back.perm, engine.perm)
    assert torch.equal(back.generator.get_state(), engine.generator.get_state())
    for mine, theirs in zip(back.model.parameters(), engine.model.parameters()):
        assert torch.equal(mine, theirs)
    assert str(back.optimizer.state_dict()) == str(engine.optimizer.state_dict())
    assert back.history.to_dict() == engine.history.to_dict()
    broken = saved.model_copy(update={"batch_cursor": 10_000})
    untouched = TrainState.fresh(engine.spec, engine.dataset.input_dim, engine.out_dim, engine.dtype, engine.device)
    before = [p.detach().clone() for p in untouched.model.parameters()]
    with pytest.raises(StateError, match="batch_cursor"):
        restore(untouched, broken, target)
    assert untouched.step == 0 and untouched.perm is None
    assert all(torch.equal(a, b) for a, b in zip(before, untouched.model.parameters()))
