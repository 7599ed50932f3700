"""A function of a torch-importing core module, named so the window can send it without importing it.

The window asks the runner for numbers with ``controller.call(fn, *args)``; ``fn`` is pickled by
reference, which would import its module (and torch) in the window. ``Remote("module", "name")``
pickles as two strings and imports the module only when called, in the runner.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Remote:
    module: str
    name: str

    def __call__(self, *args: Any) -> Any:
        return getattr(importlib.import_module(self.module), self.name)(*args)

    @property
    def __name__(self) -> str:  # what ``controller.call`` names in a timeout message
        return self.name


STEP_MATHS = Remote("playground.core.step_maths", "step_maths")
FORWARD_MATHS = Remote("playground.core.forward_maths", "forward_maths")
NEXT_BATCH = Remote("playground.core.step_maths", "next_batch")
PARAMETER_VALUES = Remote("playground.core.step_maths", "parameter_values")
AUTOGRAD_GRAPH = Remote("playground.core.autograd_graph", "autograd_graph")
ACTIVATION_CURVES = Remote("playground.core.activation_curves", "activation_curves")
