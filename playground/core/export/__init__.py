"""Exports a trained model so another tool loads it and gets the same predictions.

``FORMATS`` is the one ordered list the GUI's Export dialog and the CLI read. Every export goes
through an :class:`ExportSource`, a CPU snapshot taken between two training steps, so exporting
while training writes a consistent model. Exporting an untrained model still writes the file but
warns with :class:`ExportWarning` (``warnings.warn``); ask :func:`untrained_warning` first to show
the same message elsewhere.
"""

from __future__ import annotations

import importlib
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from playground.core.export.errors import ExportError, ExportWarning, WeightsError
from playground.core.export.onnx_export import MISSING as ONNX_MISSING
from playground.core.export.onnx_export import available as onnx_available
from playground.core.export.source import ExportSource, from_engine, from_experiment
from playground.core.export.warm_start import check_weights, load_weights, warm_start
from playground.core.spec import Experiment

if TYPE_CHECKING:
    from playground.core.engine import Engine


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
        raise ExportError(f"unknown export format {key!r}; choose one of: {', '.join(_BY_KEY)}") from None


def format_for_path(path: str | Path, explicit: str | None = None) -> ExportFormat:
    """The format named by ``explicit``, else the one ``path``'s extension names."""
    if explicit:
        return get_format(explicit)
    suffix = Path(path).suffix.lower()
    for fmt in FORMATS:
        if suffix == fmt.extension or suffix in fmt.aliases:
            return fmt
    known = ", ".join(f.extension for f in FORMATS)
    what = f"extension {suffix!r}" if suffix else "no extension"
    raise ExportError(f"{path}: cannot tell the export format from {what}; use one of {known}, "
                      f"or name the format ({', '.join(_BY_KEY)})")


def with_extension(path: str | Path, fmt: ExportFormat) -> Path:
    """``path`` with ``fmt``'s extension in place of any known export extension (dialogs)."""
    p = Path(path)
    known = {f.extension for f in FORMATS} | {a for f in FORMATS for a in f.aliases}
    if p.suffix.lower() in known:
        p = p.with_suffix("")
    return p.with_name(p.name + fmt.extension)


def is_trained(source: Engine | Experiment | ExportSource) -> bool:
    """Whether the weights are more than the seeded random start (trained, or given as init_values)."""
    if isinstance(source, Experiment):
        return bool(source.state is not None and source.state.step > 0) or bool(source.model.init_values)
    return source.step > 0 or bool(source.spec.model.init_values)


def untrained_warning(source: Engine | Experiment | ExportSource, fmt: ExportFormat | str) -> str | None:
    """The warning for exporting random weights, or ``None`` when there is nothing to warn about."""
    fmt = get_format(fmt) if isinstance(fmt, str) else fmt
    if not fmt.needs_weights or is_trained(source):
        return None
    return "the model is untrained: the export holds its random initial weights"


def write(source: ExportSource, path: str | Path, fmt: str | ExportFormat | None = None) -> list[Path]:
    """Write ``source`` in ``fmt`` (default: by extension); returns every file written."""
    chosen = fmt if isinstance(fmt, ExportFormat) else format_for_path(path, fmt)
    if chosen.key == "onnx" and not onnx_available():
        raise ExportError(ONNX_MISSING)
    message = untrained_warning(source, chosen)
    module = importlib.import_module(f"playground.core.export.{chosen.module}")
    p = Path(path)
    if p.is_dir():
        raise ExportError(f"{p}: is a folder; give a file name")
    try:  # an export names a new file, often in a new folder (experiment saves never create folders)
        p.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportError(f"{p}: cannot create the folder {p.parent} ({exc.strerror or exc})") from None
    written = module.write(source, p)
    if message:
        warnings.warn(message, ExportWarning, stacklevel=3)
    return written


def export(engine: Engine, path: str | Path, fmt: str | None = None) -> str:
    """Export a live engine's model (call between steps); returns the format key written."""
    chosen = format_for_path(path, fmt)
    write(from_engine(engine), path, chosen)
    return chosen.key


def export_experiment(experiment: Experiment, base_dir: Path | None, path: str | Path,
                      fmt: str | None = None) -> str:
    """Export an experiment snapshot (with its trained state) on the CPU; returns the format key.

    The GUI hands over ``TrainingController.experiment()``, read between two steps, so the export is
    consistent while training continues; the worker's engine and random state are not touched.
    """
    chosen = format_for_path(path, fmt)
    write(from_experiment(experiment, base_dir), path, chosen)
    return chosen.key


__all__ = [
    "DEFAULT_FORMAT",
    "FORMATS",
    "ONNX_MISSING",
    "ExportError",
    "ExportFormat",
    "ExportSource",
    "ExportWarning",
    "WeightsError",
    "check_weights",
    "export",
    "export_experiment",
    "format_for_path",
    "from_engine",
    "from_experiment",
    "get_format",
    "is_trained",
    "load_weights",
    "onnx_available",
    "untrained_warning",
    "warm_start",
    "with_extension",
    "write",
]
