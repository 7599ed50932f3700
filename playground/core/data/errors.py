"""The one error type data loading raises, so the GUI can show its message as it is."""

from __future__ import annotations

from playground.core.errors import PlaygroundError


class DataError(PlaygroundError, ValueError):
    """A data set cannot be built; the message names the file, column and line where it can."""
