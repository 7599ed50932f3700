"""Export and warm-start errors: one-line messages the CLI and the GUI show as they are."""

from __future__ import annotations

from playground.core.errors import PlaygroundError


class ExportError(PlaygroundError, ValueError):
    """An export cannot be written (unknown format, missing optional tooling, exporter failure)."""


class ExportWarning(UserWarning):
    """An export was written but deserves a second look (for example: the model is untrained)."""


class WeightsError(PlaygroundError, ValueError):
    """A weights file cannot start an experiment: unreadable, refused, or the wrong shapes."""
