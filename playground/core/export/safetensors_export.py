"""safetensors (the default): the weights plus everything needed to use them, as string metadata.

safetensors metadata is ``str → str``, so structured values are JSON strings. A consumer reads
``safe_open(path, "pt").metadata()`` and ``json.loads`` the fields it needs: the architecture (the
model spec and its ``nn.Sequential`` code), activation names, raw input names, derived features,
standardisation mean/std, class names, task, loss and the experiment format version.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from safetensors.torch import save

import playground
from playground.core.experiment_io import atomic_write
from playground.core.export.source import ExportSource
from playground.core.model import model_code
from playground.core.spec import FORMAT, VERSION

WEIGHTS_FORMAT = "torch-playground.weights"
WEIGHTS_VERSION = 1


def metadata(source: ExportSource) -> dict[str, str]:
    """The metadata dict; every value a JSON string (plain strings stay readable as JSON too)."""
    ds = source.dataset
    pre = source.preprocess()
    mean = pre.mean.tolist() if pre.standardize else None
    std = pre.std.tolist() if pre.standardize else None
    fields: dict[str, Any] = {
        "format": WEIGHTS_FORMAT,
        "format_version": WEIGHTS_VERSION,
        "experiment_format": FORMAT,
        "experiment_format_version": VERSION,
        "playground_version": playground.__version__,
        "name": source.spec.name,
        "architecture": {
            "model": source.spec.model.model_dump(mode="json", exclude={"init_values"}),
            "in_features": source.in_dim,
            "out_features": source.out_dim,
            "code": model_code(source.spec.model, source.in_dim, source.out_dim),
        },
        "activations": [layer.activation for layer in source.spec.model.hidden],
        "inputs": list(ds.raw_names),
        "derived_features": ds.derived,
        "model_inputs": ds.input_names,
        "standardization": None if mean is None else {"mean": mean, "std": std},
        "class_names": ds.class_names,
        "task": source.task,
        "loss": source.loss_key,
        "output": _output_meaning(source),
        "dtype": source.spec.training.dtype,
        "trained_epochs": source.epoch,
        "trained_steps": source.step,
    }
    return {k: json.dumps(v, ensure_ascii=False) for k, v in fields.items()}


def _output_meaning(source: ExportSource) -> str:
    target = source.loss_target
    if target == "index":
        return "logits, one per class (softmax for probabilities)"
    if target == "binary":
        return "one logit for class 1 (sigmoid for its probability)"
    return "the predicted value"


def write(source: ExportSource, path: Path) -> list[Path]:
    atomic_write(path, save(dict(source.weights), metadata=metadata(source)))
    return [path]
