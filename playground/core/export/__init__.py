"""Exports a trained model so another tool loads it and gets the same predictions.

``FORMATS`` (in ``formats``, importable without torch) is the one ordered list the GUI's Export
dialog and the CLI read. Every export goes through an :class:`ExportSource`, a CPU snapshot taken
between two training steps, so exporting while training writes a consistent model. Exporting an
untrained model still writes the file but warns with :class:`ExportWarning` (``warnings.warn``);
ask :func:`untrained_warning` first to show the same message elsewhere.
"""

from __future__ import annotations

import importlib
import warnings
from pathlib import Path
from typing import TYPE_CHECKING

from playground.core.errors import SaveError, quote, quote_path
from playground.core.export.errors import ExportError, ExportWarning, WeightsError
from playground.core.export.formats import (
    DEFAULT_FORMAT,
    FORMATS,
    ONNX_MISSING,
    ExportFormat,
    format_for_path,
    get_format,
    is_trained,
    onnx_available,
    untrained_warning,
    with_extension,
)
from playground.core.spec import Experiment

if TYPE_CHECKING:
    from playground.core.engine import Engine
    from playground.core.export.source import ExportSource
    from playground.core.lessons import Lesson

_LAZY = {
    "ExportSource": "source", "from_engine": "source", "from_experiment": "source",
    "check_weights": "weights_in", "load_weights": "weights_in", "warm_start": "weights_in",
}
"""Names whose modules import torch: loaded on first use, so the package imports without torch."""


def __getattr__(name: str) -> object:
    if name in _LAZY:
        module = importlib.import_module(f"playground.core.export.{_LAZY[name]}")
        return getattr(module, name)
    raise AttributeError(f"module {quote(__name__)} has no attribute {quote(name)}")


def write(source: ExportSource, path: str | Path, fmt: str | ExportFormat | None = None,
          lesson: Lesson | None = None, lang: str | None = None) -> list[Path]:
    """Write ``source`` in ``fmt`` (default: by extension); returns every file written.

    ``lesson`` and ``lang`` are a notebook's prose: the lesson's text first, in that language."""
    chosen = fmt if isinstance(fmt, ExportFormat) else format_for_path(path, fmt)
    if chosen.key == "onnx" and not onnx_available():
        raise ExportError(ONNX_MISSING)
    message = untrained_warning(source, chosen)
    module = importlib.import_module(f"playground.core.export.{chosen.module}")
    p = Path(path)
    try:
        is_dir = p.is_dir()
    except OSError as exc:  # a name too long for the file system: its own message would hold all of it
        raise SaveError(f"{quote_path(p)}: cannot export: {exc.strerror or type(exc).__name__}") from None
    if is_dir:
        raise ExportError(f"{quote_path(p)}: is a folder; give a file name")
    try:  # an export names a new file, often in a new folder (experiment saves never create folders)
        p.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportError(f"{quote_path(p)}: cannot create the folder {quote_path(p.parent)} "
                          f"({exc.strerror or exc})") from None
    try:
        written = module.write(source, p, lesson, lang) if chosen.key == "ipynb" else module.write(source, p)
    except SaveError:
        raise
    except OSError as exc:  # an exporter's own open(): its message would hold the whole path
        raise SaveError(f"{quote_path(p)}: cannot export: {exc.strerror or type(exc).__name__}") from None
    if message:
        warnings.warn(message, ExportWarning, stacklevel=3)
    return written


def export(engine: Engine, path: str | Path, fmt: str | None = None) -> str:
    """Export a live engine's model (call between steps); returns the format key written."""
    from playground.core.export.source import from_engine

    chosen = format_for_path(path, fmt)
    write(from_engine(engine), path, chosen)
    return chosen.key


def export_experiment(experiment: Experiment, base_dir: Path | None, path: str | Path,
                      fmt: str | None = None, lesson: Lesson | None = None, lang: str | None = None) -> str:
    """Export an experiment snapshot (with its trained state) on the CPU; returns the format key.

    The GUI hands over ``TrainingController.experiment()``, read between two steps, so the export is
    consistent while training continues; the worker's engine and random state are not touched.
    A notebook of a lesson's run carries ``lesson``'s text, in ``lang`` (the window's language).
    """
    from playground.core.export.source import from_experiment

    chosen = format_for_path(path, fmt)
    write(from_experiment(experiment, base_dir), path, chosen, lesson, lang)
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
