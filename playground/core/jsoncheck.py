"""Standard JSON only, within limits: the first gate every experiment file passes.

``json.loads`` alone accepts ``NaN``/``Infinity`` literals, turns ``1e400`` into infinity and raises
``RecursionError`` on deep nesting. Here each of these is refused with a sentence naming the field,
and the size of what a parse may build is bounded before parsing starts.
"""

from __future__ import annotations

import json
import math
from typing import Any

from playground.core.errors import ExperimentError, one_line
from playground.core.limits import MAX_JSON_DEPTH, MAX_JSON_VALUES


def location(path: tuple[Any, ...]) -> str:
    """``("model", "hidden", 0, "units")`` → ``model.hidden[0].units`` (pydantic's style)."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(top level)"


class _Constant(Exception):
    """``NaN``, ``Infinity`` or ``-Infinity`` in the text (Python's json extension, not JSON)."""


def _constant(name: str) -> float:
    raise _Constant(name)


def parse_json(text: str, source: str) -> Any:
    """The document in ``text``, refusing what is not standard JSON or too big to build safely."""
    commas = text.count(",")
    if commas > MAX_JSON_VALUES:
        raise ExperimentError(f"{source}: holds more than {MAX_JSON_VALUES:,} values (the limit; "
                              f"it has about {commas:,})")
    try:
        doc = json.loads(text, parse_constant=_constant)
    except json.JSONDecodeError as exc:
        raise ExperimentError(
            f"{source}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from None
    except RecursionError:
        raise ExperimentError(f"{source}: nested more than {MAX_JSON_DEPTH} levels deep") from None
    except _Constant as exc:
        raise ExperimentError(f"{source}: {exc.args[0]} is not standard JSON (only finite numbers are)") from None
    except ValueError as exc:  # e.g. an integer of more than 4,300 digits
        raise ExperimentError(f"{source}: not valid JSON ({one_line(str(exc))})") from None
    return doc


def check_tree(doc: Any, source: str) -> None:
    """Refuse nesting deeper than ``MAX_JSON_DEPTH`` and non-finite numbers, naming the field.

    Iterative, so it never recurses however the document is built; list elements that are plain
    numbers are checked in place, which keeps the walk cheap on long weight lists.
    """
    stack: list[tuple[Any, tuple[Any, ...]]] = [(doc, ())]
    while stack:
        node, path = stack.pop()
        if len(path) > MAX_JSON_DEPTH:
            raise ExperimentError(f"{source}: {location(path[:MAX_JSON_DEPTH])}: nested more than "
                                  f"{MAX_JSON_DEPTH} levels deep")
        items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
        for key, value in items:
            if isinstance(value, float):
                if not math.isfinite(value):
                    raise ExperimentError(f"{source}: {location((*path, key))}: {value} is not a finite number")
            elif isinstance(value, (dict, list)):
                stack.append((value, (*path, key)))
