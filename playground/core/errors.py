"""The project's own errors: every refusal a user can cause is one of these, never an internal one.

Each message is one line that names the file and the field (pydantic-style paths such as
``state.optimizer_groups[0].lr``), worded the same in the CLI and the app. The property-based tests
accept these and nothing else, so an internal exception escaping a load is a test failure.
"""

from __future__ import annotations


class PlaygroundError(Exception):
    """Base of every error raised on purpose for a bad input; ``str()`` is the sentence to show."""


class ExperimentError(PlaygroundError, ValueError):
    """A file that is not a valid experiment; the message names the field and the problem."""


def one_line(text: str) -> str:
    """``text`` on one line: a message never spans lines, whatever a library put in it."""
    return " ".join(text.split())


class SaveError(PlaygroundError, OSError):
    """A file could not be written; the old file, if any, is untouched and nothing was lost."""
