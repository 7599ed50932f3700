"""The package installs like a real one: package data found by importlib.resources, one version."""

from __future__ import annotations

import importlib.metadata
import os
import re
import shutil
import subprocess
import sys
import tomllib
import zipfile
from importlib import resources
from pathlib import Path

import pytest

import playground
from playground.core import resources as res

ROOT = Path(__file__).resolve().parents[1]


def test_one_version_source():
    assert importlib.metadata.version("torch-playground") == playground.__version__
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" in project["project"]["dynamic"] and "version" not in project["project"]
    assert project["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "playground.__version__"}


def test_resources_come_from_importlib_resources():
    assert res.resources_dir() == resources.files("playground.resources")
    names = {p.name for p in res.example_files()}
    assert {"spiral.json", "xor.json", "penguins_csv.json"} <= names and len(names) >= 13
    assert res.default_example() == res.examples_dir() / "spiral.json"
    assert (res.data_dir() / "penguins_like.csv").is_file()
    assert res.lessons_dir().parent == res.translations_dir().parent == res.resources_dir()


def test_no_module_guesses_the_resources_path():
    """Every caller goes through playground.core.resources, never ``__file__`` + "resources"."""
    offenders = [str(p.relative_to(ROOT)) for folder in ("playground", "tests", "bench")
                 for p in (ROOT / folder).rglob("*.py")
                 if p.name != "resources.py" and re.search(r"""["']resources["']""", p.read_text(encoding="utf-8"))]
    assert offenders == [] or offenders == ["tests/test_packaging.py"]


def _tracked_resources() -> list[str]:
    return sorted(str(p.relative_to(ROOT / "resources")) for p in (ROOT / "resources").rglob("*")
                  if p.is_file() and "__pycache__" not in p.parts)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A wheel built from a clean copy of the sources (the checkout stays untouched), offline."""
    src = tmp_path_factory.mktemp("src")
    for name in ("playground", "resources"):
        shutil.copytree(ROOT / name, src / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "setup.py", "README.md"):
        shutil.copy2(ROOT / name, src / name)
    out = tmp_path_factory.mktemp("wheel")
    done = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index",
                           "--quiet", "-w", str(out), str(src)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    (built,) = out.glob("torch_playground-*.whl")
    return built


def test_the_wheel_holds_the_code_and_every_resource(wheel: Path):
    assert wheel.name.startswith(f"torch_playground-{playground.__version__}-")
    with zipfile.ZipFile(wheel) as z:
        names = set(z.namelist())
        metadata = z.read(f"torch_playground-{playground.__version__}.dist-info/METADATA").decode()
        entry_points = z.read(f"torch_playground-{playground.__version__}.dist-info/entry_points.txt").decode()
    for rel in _tracked_resources():
        assert f"playground/resources/{rel}" in names, rel
    assert {"playground/core/resources.py", "playground/cli.py", "playground/py.typed"} <= names
    assert not [n for n in names if n.startswith(("tests/", "bench/", "resources/")) or ".pyc" in n]
    assert f"Version: {playground.__version__}" in metadata
    assert "playground = playground.cli:main" in entry_points


def test_the_unpacked_wheel_runs_with_its_own_examples(wheel: Path, tmp_path: Path):
    """The wheel's files, first on the path, give the same examples and a working CLI."""
    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as z:
        z.extractall(site)
    env = {**os.environ, "PYTHONPATH": str(site)}
    probe = ("import playground, sys; from playground.core.resources import example_files, default_example; "
             "print(playground.__file__); print(len(example_files())); print(default_example())")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, timeout=60,
                          cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    where, count, default = done.stdout.split("\n")[:3]
    assert where.startswith(str(site)) and int(count) == len(res.example_files())
    assert default == str(site / "playground" / "resources" / "examples" / "spiral.json")
    penguins = site / "playground" / "resources" / "examples" / "penguins_csv.json"
    done = subprocess.run([sys.executable, "-m", "playground", "info", str(penguins)], capture_output=True,
                          text=True, env=env, timeout=120, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "classes Adelie, Chinstrap, Gentoo" in done.stdout
