"""Python script (``.py``): standalone PyTorch, with the trained weights in a sibling ``.pt`` file.

``model.py`` is written with ``model.pt`` beside it (the state_dict, tensors only, read with
``torch.load(..., weights_only=True)``), so the script stays short and readable whatever the
network's size. A warm-started experiment also gets ``model.init.pt``: the weights training starts
from. The text comes from :mod:`playground.core.export.codegen`.
"""

from __future__ import annotations

from pathlib import Path

import torch

from playground.core.experiment_io import atomic_write
from playground.core.export.codegen import script
from playground.core.export.source import ExportSource
from playground.core.export.torch_export import save_state_dict
from playground.core.model import plan


def sibling_paths(path: Path) -> tuple[Path, Path]:
    """Where the trained and the initial weights go, next to the script."""
    weights = path.with_suffix(".pt")
    if weights == path:
        weights = path.with_name(path.name + ".weights.pt")
    return weights, weights.with_suffix(".init.pt")


def write(source: ExportSource, path: Path) -> list[Path]:
    weights_path, init_path = sibling_paths(path)
    init_values = source.spec.model.init_values
    blocks = plan(source.spec.model, source.in_dim, source.out_dim)
    has_batchnorm = any(b.kind == "norm" and "BatchNorm" in b.code for b in blocks)
    text = script(source, weights_path.name, init_path.name if init_values else None, has_batchnorm)
    compile(text, str(path), "exec")  # a generator bug must fail here, not in the user's hands
    save_state_dict(source.weights, weights_path)
    written = [path, weights_path]
    if init_values:
        dtype = torch.get_default_dtype()  # build_model sets them before the cast to the training dtype
        save_state_dict({k: torch.as_tensor(v, dtype=dtype) for k, v in init_values.items()}, init_path)
        written.append(init_path)
    atomic_write(path, text)
    return written
