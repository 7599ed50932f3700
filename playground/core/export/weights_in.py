"""Warm start: begin an experiment from weights in a file, checked name by name and shape by shape.

``.pt``/``.pth`` files are read only with ``torch.load(..., weights_only=True)``, whose restricted
unpickler refuses any payload that is not plain tensors and containers: such a file is rejected
before anything in it runs. The values land in ``experiment.model.init_values``, so Reset
returns to them and the experiment file stays self-contained.
"""

from __future__ import annotations

import pickle
import warnings
from collections.abc import Mapping
from pathlib import Path

import torch
from safetensors import SafetensorError
from safetensors.torch import load_file
from torch import nn

from playground.core.data.build import make_dataset
from playground.core.errors import quote, quote_path
from playground.core.export.errors import WeightsError
from playground.core.model import head, parameter_labels, skeleton
from playground.core.spec import Experiment, ModelSpec

SAFETENSORS_SUFFIXES = (".safetensors",)
TORCH_SUFFIXES = (".pt", ".pth")


def load_weights(path: str | Path) -> dict[str, torch.Tensor]:
    """Named tensors from a ``.safetensors`` or ``.pt`` file; never unpickles arbitrary objects."""
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix not in SAFETENSORS_SUFFIXES + TORCH_SUFFIXES:
        kind = suffix or "a file without extension"
        raise WeightsError(f"{quote_path(p)}: weights are read from .safetensors or .pt/.pth files, not {kind}")
    if not p.is_file():
        raise WeightsError(f"{quote_path(p)}: no such file")
    if suffix in SAFETENSORS_SUFFIXES:
        try:
            return load_file(str(p))
        except (SafetensorError, OSError, ValueError) as exc:
            raise WeightsError(f"{quote_path(p)}: not a valid safetensors file ({exc})") from None
    try:
        with warnings.catch_warnings():  # a bare pickle draws a protocol note; the answer is the same
            warnings.filterwarnings("ignore", message="Detected pickle protocol")
            obj = torch.load(str(p), map_location="cpu", weights_only=True)
    except pickle.UnpicklingError as exc:
        raise WeightsError(
            f"{quote_path(p)}: refused: the file holds Python objects other than tensors, and loading them could run "
            f"code; only plain state_dicts are read{_unpickler_reason(str(exc))}") from None
    except (RuntimeError, OSError, EOFError, ValueError) as exc:
        raise WeightsError(f"{quote_path(p)}: not a readable PyTorch file ({exc})") from None
    if not isinstance(obj, Mapping) or not all(isinstance(k, str) and isinstance(v, torch.Tensor)
                                               for k, v in obj.items()):
        raise WeightsError(f"{quote_path(p)}: expected a state_dict (parameter names → tensors), "
                           f"got {type(obj).__name__}"
                           + (" with non-tensor entries" if isinstance(obj, Mapping) else ""))
    return dict(obj)


def _unpickler_reason(message: str) -> str:
    """The useful line of torch's long refusal text (``Unsupported global: GLOBAL os.system …``)."""
    for line in message.splitlines():
        if "WeightsUnpickler error:" in line:
            reason = line.split("WeightsUnpickler error:", 1)[1].strip()
            return f" ({reason.split('. ')[0].rstrip('.')})" if reason else ""
    return ""


def _model_shapes(experiment: Experiment, base_dir: Path | None) -> tuple[nn.Sequential, dict[str, str]]:
    dataset = make_dataset(experiment.data, base_dir)
    _, out = head(experiment.training, dataset.task, dataset.n_classes)
    in_dim = dataset.input_dim
    return skeleton(experiment.model, in_dim, out), parameter_labels(experiment.model, in_dim, out)


def check_weights(experiment: Experiment, weights: Mapping[str, torch.Tensor], source: str = "the file",
                  base_dir: Path | None = None) -> None:
    """Raise naming the first parameter (in model order) that is missing or has the wrong shape."""
    _check(*_model_shapes(experiment, base_dir), weights, source)


def _check(model: nn.Module, labels: dict[str, str], weights: Mapping[str, torch.Tensor], source: str) -> None:
    for name, param in model.named_parameters():
        label = f" ({labels[name]})" if name in labels else ""
        if name not in weights:
            raise WeightsError(f"{source}: has no parameter {quote(name)}{label}, which this model needs")
        got, need = list(weights[name].shape), list(param.shape)
        if got != need:
            raise WeightsError(f"{source}: parameter {quote(name)}{label} has shape {got}, "
                               f"but this model needs {need}")
    known = set(model.state_dict())  # buffers (BatchNorm running statistics) are allowed, not used
    extra = [k for k in weights if k not in known]
    if extra:
        raise WeightsError(f"{source}: parameter {quote(extra[0])} does not exist in this model "
                           f"(it has {', '.join(n for n, _ in model.named_parameters())})")
    for name, _ in model.named_parameters():
        if not weights[name].is_floating_point():
            raise WeightsError(f"{source}: parameter {quote(name)} holds {weights[name].dtype}, not numbers "
                               "with a fraction")
        if not bool(torch.isfinite(weights[name]).all()):
            raise WeightsError(f"{source}: parameter {quote(name)} holds NaN or infinite values, which no "
                               "training can start from")


def warm_start(experiment: Experiment, path: str | Path, base_dir: Path | None = None) -> Experiment:
    """A copy of ``experiment`` that starts from the weights in ``path``, untrained (state dropped).

    ``base_dir`` resolves a relative CSV path, as for the engine. BatchNorm running statistics in
    the file are not kept: training re-estimates them.
    """
    weights = load_weights(path)
    model, labels = _model_shapes(experiment, base_dir)  # the data is read once, CSV included
    _check(model, labels, weights, str(path))
    values = {name: weights[name].detach().to(torch.float64).tolist() for name, _ in model.named_parameters()}
    out = experiment.model_copy(deep=True)
    out.state = None
    out.model = ModelSpec.model_validate({**out.model.model_dump(), "init_values": values})
    return out
