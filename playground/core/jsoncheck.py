"""Standard JSON only, within limits: the first gate every experiment file passes.

``json.loads`` alone accepts ``NaN``/``Infinity`` literals, turns ``1e400`` into infinity and raises
``RecursionError`` on deep nesting. Here each of these is refused with a sentence naming the field,
and the size of what a parse may build is bounded before parsing starts.
"""

from __future__ import annotations

import json
import math
from typing import Any

from playground.core.errors import ExperimentError, one_line, quote
from playground.core.limits import (
    MAX_JSON_CONTAINERS,
    MAX_JSON_DEPTH,
    MAX_JSON_STRINGS,
    MAX_JSON_VALUES,
    MAX_OBJECT_KEYS,
)

BOM = "\ufeff"
"""A byte-order mark some editors (Notepad) put first in a UTF-8 file: skipped, as ``utf-8-sig`` would."""
_NAME_CHARS = 40
"""A key longer than this is quoted, cut, where a message names the field."""


def location(path: tuple[Any, ...]) -> str:
    """``("model", "hidden", 0, "units")`` → ``model.hidden[0].units`` (pydantic's style)."""
    out = ""
    for part in path:
        if not isinstance(part, int) and (len(str(part)) > _NAME_CHARS or not str(part).isprintable()):
            part = quote(str(part), _NAME_CHARS)  # a key from the file: never echoed whole
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(top level)"


_NOT_CHECKED = frozenset({int, str, bool, type(None)})


def _plain(items: list[Any]) -> bool:
    """``items`` holds only values with nothing to check (finite numbers, strings), found at C speed.

    The walk's common case is a long list of numbers (weights, or a bomb of 4.9 million of them):
    element by element in Python it took 2.5 s, this 0.2 s.
    """
    kinds = set(map(type, items))
    if kinds <= _NOT_CHECKED:
        return True
    if kinds <= {int, float}:
        try:
            return all(map(math.isfinite, items))
        except OverflowError:  # an integer beyond any float: left to the schema, but walked one by one
            return False
    return False


class _HugeInt:
    """An integer too long for Python to convert (more than 4,300 digits), kept as its length to be named."""

    def __init__(self, digits: int) -> None:
        self.digits = digits


def _int_or_huge(text: str) -> int | _HugeInt:
    try:
        return int(text)
    except ValueError:
        return _HugeInt(len(text.lstrip("-")))


class _Constant(Exception):
    """``NaN``, ``Infinity`` or ``-Infinity`` in the text (Python's json extension, not JSON)."""


def _constant(name: str) -> float:
    raise _Constant(name)


def _outside_strings(text: str, source: str) -> tuple[int, int]:
    """Commas and opening brackets outside strings: what a parse builds, exactly, for valid JSON.

    Only for a text whose raw counts are past the limits (commas in a description or a column name are
    text, not values). Escapes are dropped first (``\\\\`` pairs, then ``\\"``), so every quote left opens or
    closes a string; the strings are then found with ``str.find``, at C speed, one Python step a string,
    so their number is bounded first. Invalid JSON may count anything: ``json.loads`` refuses it next.
    """
    plain = text.replace("\\\\", "").replace('\\"', "") if "\\" in text else text
    strings = plain.count('"') // 2
    if strings > MAX_JSON_STRINGS:
        raise ExperimentError(f"{source}: holds more than {MAX_JSON_STRINGS:,} strings and keys (the limit; "
                              f"it has {strings:,})")
    commas, containers = plain.count(","), plain.count("{") + plain.count("[")
    end = 0
    while (start := plain.find('"', end)) >= 0 and (end := plain.find('"', start + 1) + 1) > 0:
        if end - start > 2:
            commas -= plain.count(",", start, end)
            containers -= plain.count("{", start, end) + plain.count("[", start, end)
    return commas, containers


def parse_json(text: str, source: str) -> Any:
    """The document in ``text``, refusing what is not standard JSON or too big to build safely.

    What a parse builds is bounded before it starts: values by the commas, objects and lists by
    the brackets (each costs ≥ 56 bytes however short its text), so no file within the size limit
    costs more than ≈ 20× its size in memory (``bench/parse_memory.py``).
    """
    if text.startswith(BOM):
        text = text[1:]
    containers = text.count("{") + text.count("[")
    commas = text.count(",")
    if containers > MAX_JSON_CONTAINERS or commas > MAX_JSON_VALUES:  # perhaps, or perhaps inside strings
        commas, containers = _outside_strings(text, source)
    if containers > MAX_JSON_CONTAINERS:
        raise ExperimentError(f"{source}: holds more than {MAX_JSON_CONTAINERS:,} objects and lists (the "
                              f"limit; it has {containers:,})")
    if commas > MAX_JSON_VALUES:
        raise ExperimentError(f"{source}: holds more than {MAX_JSON_VALUES:,} values (the limit; "
                              f"it has {commas:,})")
    try:
        doc = json.loads(text, parse_constant=_constant)
    except json.JSONDecodeError as exc:
        raise ExperimentError(
            f"{source}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from None
    except RecursionError:
        raise ExperimentError(f"{source}: nested more than {MAX_JSON_DEPTH} levels deep") from None
    except _Constant as exc:
        raise ExperimentError(f"{source}: {exc.args[0]} is not standard JSON (only finite numbers are)") from None
    except ValueError as exc:  # an integer of more than 4,300 digits: parse again to name its field
        if "digits" not in str(exc):
            raise ExperimentError(f"{source}: not valid JSON ({one_line(str(exc))[:200]})") from None
        try:
            again = json.loads(text, parse_int=_int_or_huge)
        except json.JSONDecodeError as later:  # the text is broken further on as well
            raise ExperimentError(f"{source}: not valid JSON (line {later.lineno}, column {later.colno}: "
                                  f"{later.msg})") from None
        except (ValueError, RecursionError):
            again = None
        check_tree(again, source)
        raise ExperimentError(f"{source}: not valid JSON ({one_line(str(exc))[:200]})") from None
    return doc


def check_tree(doc: Any, source: str) -> None:
    """Refuse nesting deeper than ``MAX_JSON_DEPTH``, objects of more than ``MAX_OBJECT_KEYS`` keys and
    non-finite or overlong numbers, naming the field.

    Iterative, so it never recurses however the document is built; list elements that are plain
    numbers are checked in place, which keeps the walk cheap on long weight lists.
    """
    stack: list[tuple[Any, tuple[Any, ...]]] = [(doc, ())]
    while stack:
        node, path = stack.pop()
        if len(path) > MAX_JSON_DEPTH:
            raise ExperimentError(f"{source}: {location(path[:MAX_JSON_DEPTH])}: nested more than "
                                  f"{MAX_JSON_DEPTH} levels deep")
        if isinstance(node, dict) and len(node) > MAX_OBJECT_KEYS:
            raise ExperimentError(f"{source}: {location(path)}: has {len(node):,} keys, more than the "
                                  f"{MAX_OBJECT_KEYS:,} allowed")
        if isinstance(node, list) and _plain(node):
            continue
        items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
        for key, value in items:
            if isinstance(value, float):
                if not math.isfinite(value):
                    raise ExperimentError(f"{source}: {location((*path, key))}: {value} is not a finite number")
            elif isinstance(value, (dict, list)):
                stack.append((value, (*path, key)))
            elif isinstance(value, _HugeInt):
                raise ExperimentError(f"{source}: {location((*path, key))}: an integer of {value.digits:,} "
                                      "digits is not a number this field can hold")
