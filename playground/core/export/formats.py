"""The export formats and their rules, without torch: the Export dialog reads these at start-up.

``FORMATS`` is the one ordered list the GUI's Export dialog and the CLI read.
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from playground.core.errors import quote, quote_path
from playground.core.export.errors import ExportError
from playground.core.spec import Experiment

ONNX_MISSING = "ONNX export needs the onnx extra: pip install 'torch-playground[onnx]'"
ONNX_NEEDS = ("onnx", "onnxscript")


def onnx_available() -> bool:
    """Whether the optional ONNX tooling is installed (the GUI greys nothing out, it explains)."""
    return all(importlib.util.find_spec(name) is not None for name in ONNX_NEEDS)


@dataclass(frozen=True)
class ExportFormat:
    """One export format: ``key`` for ``--format``, ``extension`` with its dot, one line for the dialog."""

    key: str
    extension: str
    label: str
    description: str
    module: str
    needs_weights: bool = True
    aliases: tuple[str, ...] = ()

    @property
    def file_filter(self) -> str:
        """A Qt file-dialog filter such as ``safetensors (*.safetensors)``."""
        return f"{self.label} (*{self.extension})"


FORMATS: tuple[ExportFormat, ...] = (
    ExportFormat("safetensors", ".safetensors", "safetensors",
                 "Weights with metadata: architecture, inputs, preprocessing, class names (the default).",
                 "safetensors_export"),
    ExportFormat("pt", ".pt", "PyTorch state_dict",
                 "Tensors only; torch.load(weights_only=True) loads them into the generated model.",
                 "torch_export", aliases=(".pth",)),
    ExportFormat("onnx", ".onnx", "ONNX",
                 "Takes raw inputs (preprocessing inside), dynamic batch; needs the onnx extra.",
                 "onnx_export"),
    ExportFormat("py", ".py", "Python script",
                 "Standalone PyTorch code: the model, preprocessing, predict() and train() (+ a .pt).",
                 "script_export"),
    ExportFormat("ipynb", ".ipynb", "Jupyter notebook",
                 "The .py script's code in cells, with text, training and matplotlib plots (trains from scratch).",
                 "notebook", needs_weights=False),
    ExportFormat("csv", ".csv", "Data (CSV)",
                 "The train and test points, edits included, with a split column.",
                 "data_export", needs_weights=False),
)
DEFAULT_FORMAT = FORMATS[0]
_BY_KEY = {f.key: f for f in FORMATS}


def get_format(key: str) -> ExportFormat:
    try:
        return _BY_KEY[key.lower().lstrip(".")]
    except KeyError:
        raise ExportError(f"unknown export format {quote(key)}; choose one of: {', '.join(_BY_KEY)}") from None


def format_for_path(path: str | Path, explicit: str | None = None) -> ExportFormat:
    """The format named by ``explicit``, else the one ``path``'s extension names."""
    if explicit:
        return get_format(explicit)
    suffix = Path(path).suffix.lower()
    for fmt in FORMATS:
        if suffix == fmt.extension or suffix in fmt.aliases:
            return fmt
    known = ", ".join(f.extension for f in FORMATS)
    what = f"extension {quote(suffix)}" if suffix else "no extension"
    raise ExportError(f"{quote_path(path)}: cannot tell the export format from {what}; use one of {known}, "
                      f"or name the format ({', '.join(_BY_KEY)})")


def with_extension(path: str | Path, fmt: ExportFormat) -> Path:
    """``path`` with ``fmt``'s extension in place of any known export extension (dialogs)."""
    p = Path(path)
    known = {f.extension for f in FORMATS} | {a for f in FORMATS for a in f.aliases}
    if p.suffix.lower() in known:
        p = p.with_suffix("")
    return p.with_name(p.name + fmt.extension)


def is_trained(source: Any) -> bool:
    """Whether the weights are more than the seeded random start (trained, or given as init_values).

    ``source`` is an ``Experiment``, or an engine or export source (with ``step`` and ``spec``).
    """
    if isinstance(source, Experiment):
        return bool(source.state is not None and source.state.step > 0) or bool(source.model.init_values)
    return source.step > 0 or bool(source.spec.model.init_values)


def untrained_warning(source: Any, fmt: ExportFormat | str) -> str | None:
    """The warning for exporting random weights, or ``None`` when there is nothing to warn about."""
    fmt = get_format(fmt) if isinstance(fmt, str) else fmt
    if not fmt.needs_weights or is_trained(source):
        return None
    return "the model is untrained: the export holds its random initial weights"


