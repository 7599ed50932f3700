"""The window helpers see the main window only through their ports (``playground/app/ports.py``).

Two checks keep the ports honest: the real window has every member a port names, and no helper
reads a member of the window that its port does not name (found in the helper's source), so a port
cannot quietly widen back into "the whole main window" (issue 17).
"""

from __future__ import annotations

import ast
import inspect

import pytest
from window_helpers import open_window

from playground.app import autosave, files, inside, learning, lessons_panel, menus, ports, weight_edit
from playground.core.spec import DataSpec, Experiment

HELPERS = {
    autosave: ports.AutosaveWindow,
    files: ports.FilesWindow,
    inside: ports.InsideWindow,
    learning: ports.LearningWindow,
    lessons_panel: ports.LessonsWindow,
    menus: ports.MenusWindow,
    weight_edit: ports.WeightEditWindow,
}


def members(port: type) -> set[str]:
    """The attributes and methods a Protocol names, its bases' included."""
    out: set[str] = set()
    for cls in port.__mro__:
        if cls.__module__ != ports.__name__:
            continue
        out |= set(getattr(cls, "__annotations__", {}))
        out |= {name for name, value in vars(cls).items() if inspect.isfunction(value)}
    return out


def window_reads(module) -> set[str]:
    """``X`` of every ``window.X``, ``self.window.X``, ``self.window_.X`` (and ``w.X`` after ``w = self.window``)."""
    tree = ast.parse(inspect.getsource(module))
    aliases = {"window"}
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Attribute) \
                and node.value.attr in ("window", "window_") and isinstance(node.value.value, ast.Name) \
                and node.value.value.id == "self":
            aliases |= {t.id for t in node.targets if isinstance(t, ast.Name)}
    def is_window(owner: ast.expr) -> bool:
        if isinstance(owner, ast.Name):
            return owner.id in aliases
        return isinstance(owner, ast.Attribute) and owner.attr in ("window", "window_") \
            and isinstance(owner.value, ast.Name) and owner.value.id == "self"

    return {node.attr for node in ast.walk(tree) if isinstance(node, ast.Attribute) and is_window(node.value)}


@pytest.mark.parametrize("module", list(HELPERS), ids=lambda m: m.__name__.rsplit(".", 1)[-1])
def test_a_helper_reads_only_what_its_port_names(module):
    port = HELPERS[module]
    reads = window_reads(module)  # empty once a helper is handed its objects instead of the window
    assert reads <= members(port), f"{module.__name__} reads {sorted(reads - members(port))} not in {port.__name__}"


def test_the_main_window_satisfies_every_port(qtbot, settings):
    window = open_window(qtbot, settings, Experiment(data=DataSpec(kind="xor", samples=40)))
    for port in {*HELPERS.values(), ports.ImagesWindow}:
        missing = sorted(name for name in members(port) if not hasattr(window, name))
        assert not missing, f"MainWindow lacks {missing} of {port.__name__}"
        assert isinstance(window, port)
    assert isinstance(window.files, ports.FilesPort)
    assert isinstance(window.menus, ports.MenusPort)
