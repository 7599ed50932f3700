"""The user's words for the core's layer and parameter names (``hidden 1 · weight``), translated.

The core names layers and parameters in English (files, exports and the CLI share them); every
view that shows one passes it through here, so the diagram, the plots, the inspector and the
maths panel say the same thing in the same language.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication

SIGNIFICANT = 6
"""Digits every inside view shows: a float32 weight carries about seven, so a seventh is noise
(``-0.02499998`` for an update of ``-0.025``); six is also what the Maths tab and a calculator show."""


def indexing_note() -> str:
    """One indexing everywhere in the inside views: units, rows and columns from 0, as ``w[r, k]`` is."""
    return QCoreApplication.translate("Names", "indices count from 0, as in PyTorch")


def number(value: float | None) -> str:
    """A number to read: ``SIGNIFICANT`` significant digits, ``–`` for none or not finite, −0 as 0."""
    if value is None or not math.isfinite(float(value)):
        return "–"
    value = float(value)
    return "0" if value == 0 else f"{value:.{SIGNIFICANT}g}"


def layer_name(layer: str) -> str:
    if layer == "output":
        return QCoreApplication.translate("Names", "output")
    if layer.startswith("hidden "):
        return QCoreApplication.translate("Names", "hidden {0}").format(layer.removeprefix("hidden "))
    return layer


def parameter_label(label: str) -> str:
    """``hidden 1 · weight`` → the same in the user's language."""
    layer, _, role = label.partition(" · ")
    if not role:
        return layer_name(label)
    roles = {"weight": QCoreApplication.translate("Names", "weight"),
             "bias": QCoreApplication.translate("Names", "bias"),
             "norm scale": QCoreApplication.translate("Names", "norm scale"),
             "norm shift": QCoreApplication.translate("Names", "norm shift")}
    return f"{layer_name(layer)} · {roles.get(role, role)}"
