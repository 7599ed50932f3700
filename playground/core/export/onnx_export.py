"""ONNX: the preprocessing folded into the graph, so the receiving runtime feeds raw inputs.

Graph: ``input`` (raw features, ``[batch, raw_dim]``, the training dtype — float32 by default) →
cast to float64 → derived features → standardisation → cast back → the MLP (eval mode: dropout off,
BatchNorm running statistics) → ``output`` (``[batch, out]``: class logits, one logit for binary
cross-entropy, or the predicted value). The batch dimension is dynamic. Input names, class names
and the meaning of the output are also stored as ONNX metadata properties.

Uses torch's ``torch.export``-based exporter (``dynamo=True``), which needs ``onnx`` and
``onnxscript``: the optional ``onnx`` extra.
"""

from __future__ import annotations

import json
import logging
import tempfile
import warnings
from pathlib import Path

import torch
from torch import nn

from playground.core.experiment_io import atomic_write
from playground.core.export.errors import ExportError
from playground.core.export.formats import ONNX_MISSING, onnx_available
from playground.core.export.safetensors_export import metadata
from playground.core.export.source import ExportSource
from playground.core.features import Preprocess

INPUT_NAME = "input"
OUTPUT_NAME = "output"
OPSET = 18
MISSING = ONNX_MISSING


class RawInputModel(nn.Module):
    """Raw inputs → outputs: preprocessing in float64 as the engine does, then the model."""

    def __init__(self, preprocess: Preprocess, model: nn.Sequential, dtype: torch.dtype) -> None:
        super().__init__()
        self.preprocess = preprocess
        self.model = model
        self.dtype = dtype

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if not self.preprocess.is_identity:
            x = self.preprocess(x.to(torch.float64))
        return self.model(x.to(self.dtype))


available = onnx_available


def require() -> None:
    if not available():
        raise ExportError(MISSING)


def raw_input_model(source: ExportSource) -> RawInputModel:
    return RawInputModel(source.preprocess(), source.model(), source.dtype).eval()


def write(source: ExportSource, path: Path) -> list[Path]:
    require()
    import onnx

    module = raw_input_model(source)
    example = torch.zeros(2, source.dataset.raw_dim, dtype=source.dtype)
    batch = torch.export.Dim("batch")
    exporter_log = logging.getLogger("torch.onnx")
    level = exporter_log.level
    exporter_log.setLevel(logging.ERROR)  # "torchvision is not installed" notes are not the user's business
    try:
        with tempfile.TemporaryDirectory() as tmp, warnings.catch_warnings():
            warnings.simplefilter("ignore")
            staging = Path(tmp) / "model.onnx"
            torch.onnx.export(module, (example,), str(staging), input_names=[INPUT_NAME],
                              output_names=[OUTPUT_NAME], dynamic_shapes={"x": {0: batch}},
                              opset_version=OPSET, dynamo=True, external_data=False, verbose=False)
            proto = onnx.load(str(staging))
    except ExportError:
        raise
    except Exception as exc:  # the exporter's errors are long; keep the first line
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise ExportError(f"ONNX export failed: {first}") from exc
    finally:
        exporter_log.setLevel(level)
    meta = metadata(source)
    props = {
        "inputs": meta["inputs"],
        "class_names": meta["class_names"],
        "output": meta["output"],
        "task": meta["task"],
        "torch_playground": json.dumps({k: json.loads(v) for k, v in meta.items()}, ensure_ascii=False),
    }
    onnx.helper.set_model_props(proto, props)
    proto.doc_string = f"Torch Playground: {source.spec.name} (raw inputs, preprocessing in the graph)"
    atomic_write(path, proto.SerializeToString())
    return [path]
