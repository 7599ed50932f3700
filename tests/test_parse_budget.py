"""The counts ``parse_json`` checks before parsing are exact outside strings, and no accepted file
reaches them: a 4.9-million-value bomb is refused in milliseconds, never a file the other limits accept."""

from __future__ import annotations

import json
import random
from typing import Any

import pytest
from hostile import largest_document

from playground.core import jsoncheck, limits
from playground.core.errors import ExperimentError
from playground.core.experiment_io import parse_experiment


def _reference(doc: Any) -> tuple[int, int, int]:
    """Commas, containers and strings (keys included) of ``doc``'s JSON, from the parsed tree."""
    commas = containers = strings = 0
    stack = [doc]
    while stack:
        node = stack.pop()
        if isinstance(node, (dict, list)):
            containers += 1
            commas += max(len(node) - 1, 0)
            if isinstance(node, dict):
                strings += len(node)
                stack += node.values()
            else:
                stack += node
        elif isinstance(node, str):
            strings += 1
    return commas, containers, strings


def test_the_largest_accepted_document_is_within_the_counts():
    doc = largest_document()
    commas, containers, strings = _reference(doc)
    assert commas <= limits.MAX_JSON_VALUES * 0.95, commas  # with room: each limit is documented apart
    assert containers <= limits.MAX_JSON_CONTAINERS * 0.95, containers
    assert strings <= limits.MAX_JSON_STRINGS * 0.85, strings
    text = json.dumps(doc)
    assert jsoncheck._outside_strings(text, "f")[:2] == (commas, containers)
    parse_experiment(text, "largest.json")  # accepted: the counts never refuse it


def test_commas_and_brackets_inside_strings_are_not_counted():
    """A description full of commas and brackets, column names too: text, not values."""
    doc = json.loads(json.dumps(largest_document()))
    doc["description"] = ',[{"\\' * (limits.MAX_TEXT // 5)
    doc["data"]["csv"]["classes"] = [("," * 999 + str(i))[-1000:] for i in range(limits.MAX_CLASSES)]
    doc["data"]["csv"]["features"] = [("[" * 996 + f"{i:04}") for i in range(limits.MAX_CSV_COLUMNS)]
    for run in doc["runs"]:
        run["settings"]["data"]["csv"] = doc["data"]["csv"]
    text = json.dumps(doc)
    assert text.count(",") > limits.MAX_JSON_VALUES and text.count("[") > limits.MAX_JSON_CONTAINERS
    assert jsoncheck._outside_strings(text, "f")[:2] == _reference(doc)[:2]
    parse_experiment(text, "f.json")


def test_the_exact_counts_equal_the_parsed_trees_counts():
    """Random JSON with every escape a string can hold: the string-skipping count is exact."""
    rng = random.Random(17)
    alphabet = ',[]{}"\\/:\n\t é\x01'

    def value(depth: int) -> Any:
        kind = rng.randrange(6 if depth < 5 else 3)
        if kind == 0:
            return "".join(rng.choice(alphabet) for _ in range(rng.randrange(12)))
        if kind == 1:
            return rng.choice([0, -1.5, 1e300, True, None])
        if kind == 2:
            return "\\" * rng.randrange(5) + '"' * rng.randrange(3)
        if kind == 3:
            return [value(depth + 1) for _ in range(rng.randrange(5))]
        return {"".join(rng.choice(alphabet) for _ in range(rng.randrange(6))): value(depth + 1)
                for _ in range(rng.randrange(5))}

    for _ in range(500):
        doc = value(0)
        for ensure_ascii in (True, False):
            text = json.dumps(doc, ensure_ascii=ensure_ascii)
            assert jsoncheck._outside_strings(text, "f")[:2] == _reference(doc)[:2], text


@pytest.mark.parametrize(("body", "message"), [
    ("[" + ",".join(["0"] * 4_900_000) + "]", "more than 3,000,000 values"),
    ("[" + ",".join(['"a"'] * 4_900_000) + "]", "more than 600,000 strings"),
    ("[" + ",".join(["[]"] * 400_000) + "]", "more than 300,000 objects and lists"),
])
def test_bombs_are_refused_by_the_counts_before_parsing(monkeypatch, body, message):
    text = '{"format": "torch-playground.experiment", "version": 2, "view": {"hidden": ' + body + "}}"
    monkeypatch.setattr(jsoncheck.json, "loads", lambda *a, **k: pytest.fail("parsed"))
    with pytest.raises(ExperimentError, match=message) as info:
        parse_experiment(text, "bomb.json")
    assert len(str(info.value)) < 200


def test_rows_of_numbers_keep_the_parsed_lists_and_refuse_what_list_float_refuses():
    """The memory fast path (``spec._plain_floats``) accepts and refuses exactly what ``list[float]`` does."""
    from typing import Annotated

    from pydantic import Field, TypeAdapter, ValidationError

    from playground.core.spec import MAX_UNITS, InitValue, PointSpec, _Row

    def outcome(adapter: TypeAdapter, value: Any) -> Any:
        try:
            return [float(v) for v in adapter.validate_python(value)]
        except ValidationError:
            return "refused"

    plain = TypeAdapter(Annotated[list[float], Field(max_length=MAX_UNITS)])
    fast = TypeAdapter(_Row)
    cases: list[Any] = [[1, 2.5], [True, 1.0], [1, "2"], [None], [], [10**400], [2**60, -(2**60)], [1.5] * 1025,
                        [1] * 1025, [[1, 2]], ["a"], (1.0, 2.0), [1, [2]], [2**53, 0.5], [-(2**53) - 1, 1]]
    for case in cases:
        assert outcome(fast, case) == outcome(plain, case), case
    parsed = json.loads("[0.5, -1, 3]")
    assert TypeAdapter(InitValue).validate_python(parsed) is parsed  # no copy, no float built per element
    matrix = json.loads("[[0.5, -1], [3, 4]]")
    assert all(a is b for a, b in zip(TypeAdapter(InitValue).validate_python(matrix), matrix))
    point = PointSpec(**json.loads('{"x": [0.5, 1], "y": 1}'))
    assert point.x == [0.5, 1.0] and point.split == "train" and not hasattr(point, "__dict__")
