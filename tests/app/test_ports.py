"""The window is a hub: its helpers are handed the objects they use, never the window (issue 17).

Checked in each helper's source, so a helper cannot quietly widen back into "the whole main window":
no parameter is the window, nothing reads ``self.window``, nothing imports ``main_window`` (type-only
imports included; import-linter checks it too), and no helper reaches into another object's private
members (``self.files._error`` was how autosave reported an error). The objects one helper hands
another satisfy the small Protocols of ``playground/app/ports.py``.
"""

from __future__ import annotations

import ast
import inspect

import pytest
from window_helpers import open_window

from playground.app import (
    autosave,
    compare_dialog,
    files,
    image_views,
    inside,
    learning,
    lessons_panel,
    menus,
    ports,
    weight_edit,
)
from playground.core.spec import DataSpec, Experiment

HELPERS = [autosave, compare_dialog, files, image_views, inside, learning, lessons_panel, menus, weight_edit]
WINDOW_NAMES = {"window", "window_", "main_window", "mainwindow"}


def tree(module) -> ast.Module:
    return ast.parse(inspect.getsource(module))


def constructor_parameters(module) -> set[str]:
    """The parameter names of every ``__init__`` the module defines."""
    return {arg.arg for node in ast.walk(tree(module))
            if isinstance(node, ast.FunctionDef) and node.name == "__init__"
            for arg in [*node.args.args, *node.args.kwonlyargs]}


def window_attributes(module) -> set[str]:
    """``self.window`` and the like: what a helper that keeps the window reads it through."""
    return {node.attr for node in ast.walk(tree(module))
            if isinstance(node, ast.Attribute) and node.attr.lower() in WINDOW_NAMES}


def imported(module) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(tree(module)):
        if isinstance(node, ast.ImportFrom) and node.module:
            names |= {node.module, *(f"{node.module}.{alias.name}" for alias in node.names)}
        elif isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
    return names


def private_reaches(module) -> list[str]:
    """``x._member`` where ``x`` is not ``self`` or ``cls``: a member of another object that is not its API."""
    found = []
    for node in ast.walk(tree(module)):
        if isinstance(node, ast.Attribute) and node.attr.startswith("_") and not node.attr.startswith("__"):
            owner = node.value
            if not (isinstance(owner, ast.Name) and owner.id in ("self", "cls")):
                found.append(f"line {node.lineno}: {ast.unparse(node)}")
    return found


@pytest.mark.parametrize("module", HELPERS, ids=lambda m: m.__name__.rsplit(".", 1)[-1])
def test_a_helper_is_handed_its_objects_not_the_window(module):
    name = module.__name__
    assert not constructor_parameters(module) & WINDOW_NAMES, f"{name} takes the window"
    assert not window_attributes(module) & WINDOW_NAMES, f"{name} keeps the window"
    assert "playground.app.main_window" not in imported(module), f"{name} imports the window"


@pytest.mark.parametrize("module", HELPERS, ids=lambda m: m.__name__.rsplit(".", 1)[-1])
def test_no_helper_reaches_into_another_objects_private_members(module):
    assert not private_reaches(module), f"{module.__name__}: {private_reaches(module)}"


def test_the_checks_see_what_they_look_for():
    """The checks would catch the old shapes (a check that cannot fail proves nothing)."""
    old = ast.parse("class A:\n    def __init__(self, window):\n        self.window = window\n"
                    "        window.files._error('t', 'x')\n")
    calls = [n for n in ast.walk(old) if isinstance(n, ast.Attribute)]
    assert any(n.attr == "window" for n in calls)
    assert any(n.attr == "_error" and not isinstance(n.value, ast.Name) for n in calls)


def test_what_one_helper_hands_another_satisfies_its_port(qtbot, settings):
    window = open_window(qtbot, settings, Experiment(data=DataSpec(kind="xor", samples=40)))
    for port in (ports.Adopter, ports.FileActions, ports.FileMenuActions):
        assert isinstance(window.files, port), port.__name__
    assert window.autosave.adopter is window.files and window.learning.lessons.files is window.files
    assert isinstance(window.images, ports.ImagesPort)
    assert window.images.dock is window.docks["images"]
