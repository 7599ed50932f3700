"""The project's own errors: every refusal a user can cause is one of these, never an internal one.

Each message is one line that names the file and the field (pydantic-style paths such as
``state.optimizer_groups[0].lr``), worded the same in the CLI and the app. The property-based tests
accept these and nothing else, so an internal exception escaping a load is a test failure.
"""

from __future__ import annotations

import os


class PlaygroundError(Exception):
    """Base of every error raised on purpose for a bad input; ``str()`` is the sentence to show."""


class ExperimentError(PlaygroundError, ValueError):
    """A file that is not a valid experiment; the message names the field and the problem."""


def one_line(text: str) -> str:
    """``text`` on one line: a message never spans lines, whatever a library put in it."""
    return " ".join(text.split())


class SaveError(PlaygroundError, OSError):
    """A file could not be written; the old file, if any, is untouched and nothing was lost."""


QUOTE_LIMIT = 60
"""The most characters of a bad value a message shows (docs/reliability.md promises it)."""
PATH_LIMIT = 200
"""The most characters of a file name a message shows: a real path fits, a 100 KB one is cut in the middle."""
_BIG_INT_BITS = 600
"""Past ≈ 180 digits an integer is described by its length: ``str()`` of 5,000 digits even raises."""


def quote(value: object, limit: int = QUOTE_LIMIT) -> str:
    """``value`` as a message quotes it: its ``repr``, cut to ``limit`` characters with ``…``.

    The one function every message that echoes input goes through. It never builds the whole ``repr``
    of a huge value (a 4.9-million-element list, a 10 MB name), so quoting costs no more than the quote.
    """
    text = _head(value, limit + 1)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def quote_path(path: object, limit: int = PATH_LIMIT) -> str:
    """A file name as a message names it: unquoted, cut in the middle past ``limit`` characters.

    The name's start and its end (the file's own name and extension) are what tell files apart, so both
    stay; the same rule as :func:`quote`, for the one kind of input a message shows without quotes.
    """
    text = str(os.fspath(path)) if isinstance(path, (str, os.PathLike)) else quote(path)
    if len(text) <= limit:
        return text
    head = (limit - 1) // 2
    return text[:head] + "…" + text[len(text) - (limit - 1 - head):]


def _head(value: object, need: int) -> str:
    """At least the first ``need`` characters of ``repr(value)`` (all of it when shorter), built lazily."""
    if isinstance(value, str):
        return repr(value[:need])
    if isinstance(value, bool) or value is None or isinstance(value, float):
        return repr(value)
    if isinstance(value, int):
        if value.bit_length() > _BIG_INT_BITS:
            return f"an integer of about {int(value.bit_length() * 0.30103):,} digits"
        return repr(value)
    if isinstance(value, (list, tuple, dict)):
        is_dict = isinstance(value, dict)
        opening, closing = ("{", "}") if is_dict else ("(", ")") if isinstance(value, tuple) else ("[", "]")
        out, size = [opening], 1
        items = value.items() if is_dict else value  # type: ignore[union-attr]
        for i, item in enumerate(items):
            if size > need:
                return "".join(out)
            part = (f"{_head(item[0], need)}: {_head(item[1], need)}" if is_dict else _head(item, need))
            part = (", " if i else "") + part
            out.append(part)
            size += len(part)
        return "".join(out) + closing
    text = repr(value)
    return text[: need + 1]
