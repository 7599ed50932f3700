"""Only the package list lives here; everything else is in pyproject.toml.

The top-level ``resources/`` folder is installed as the package ``playground.resources``, so
``importlib.resources`` finds the examples and data in a wheel exactly as in an editable install.
pyproject.toml cannot express "found packages plus one mapped folder", hence this file.
"""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages(include=["playground", "playground.*"]), "playground.resources"],
    package_dir={"playground.resources": "resources"},
)
