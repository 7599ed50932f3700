"""The one way to find the files that ship with the app: examples, data, lessons, translations.

They live in the repository's top-level ``resources/`` folder, installed as the package
``playground.resources`` (see ``setup.py``). ``importlib.resources`` finds it the same way in an
editable install, a wheel install and a source checkout, so no caller guesses paths from
``__file__``. Folders that a release does not ship yet (lessons, translations) are returned all the
same: callers check ``is_dir()``.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

from playground.core.errors import quote

PACKAGE = "playground.resources"


@cache
def resources_dir() -> Path:
    """The installed ``resources`` folder as a real directory (the app never runs from a zip)."""
    root = resources.files(PACKAGE)
    if not isinstance(root, Path):  # a zipimport install: files cannot be listed or opened by path
        raise RuntimeError(f"{PACKAGE} is not installed as a folder ({quote(root)}); reinstall with pip")
    return root


def examples_dir() -> Path:
    """Ready-made experiments (the File ▸ Examples menu, the default spiral)."""
    return resources_dir() / "examples"


def data_dir() -> Path:
    """Data files the examples read (CSV)."""
    return resources_dir() / "data"


def lessons_dir() -> Path:
    """Guided lessons (may not exist in this release)."""
    return resources_dir() / "lessons"


def translations_dir() -> Path:
    """Compiled Qt translations, ``.qm`` (may not exist in this release)."""
    return resources_dir() / "translations"


def example_files() -> list[Path]:
    """Every bundled example experiment, sorted by file name."""
    folder = examples_dir()
    return sorted(folder.glob("*.json")) if folder.is_dir() else []


def default_example() -> Path | None:
    """The experiment the app opens when no file is given (the spiral), if it ships."""
    path = examples_dir() / "spiral.json"
    return path if path.is_file() else None
