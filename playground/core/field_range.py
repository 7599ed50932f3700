"""The range and default of a numeric schema field, read from its pydantic definition.

Widgets take their limits from here (``field_range(DataSpec, "samples")``), never from a retyped
number, so a file's value and the panel's control cannot drift apart: whatever the schema accepts,
the widget can show, and the other way round.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import annotated_types
from pydantic import BaseModel


@dataclass(frozen=True)
class FieldRange:
    """``minimum``/``maximum`` as the schema states them; ``exclusive_*`` when the bound is not allowed."""

    minimum: float
    maximum: float
    default: Any
    exclusive_min: bool = False
    exclusive_max: bool = False

    @property
    def low(self) -> float:
        """The smallest value a control may offer (just above an exclusive bound)."""
        return math.nextafter(self.minimum, math.inf) if self.exclusive_min else self.minimum

    @property
    def high(self) -> float:
        """The largest value a control may offer (just below an exclusive bound)."""
        return math.nextafter(self.maximum, -math.inf) if self.exclusive_max else self.maximum


def field_range(model: type[BaseModel], name: str) -> FieldRange:
    """The bounds of ``model.name`` (``-inf``/``inf`` where the schema sets none) and its default."""
    info = model.model_fields[name]
    low, high, ex_low, ex_high = -math.inf, math.inf, False, False
    for item in info.metadata:
        if isinstance(item, annotated_types.Ge):
            low, ex_low = float(item.ge), False
        elif isinstance(item, annotated_types.Gt):
            low, ex_low = float(item.gt), True
        elif isinstance(item, annotated_types.Le):
            high, ex_high = float(item.le), False
        elif isinstance(item, annotated_types.Lt):
            high, ex_high = float(item.lt), True
    return FieldRange(low, high, info.get_default(call_default_factory=True), ex_low, ex_high)


def int_range(model: type[BaseModel], name: str) -> tuple[int, int]:
    """Inclusive integer bounds of an integer field (what a ``QSpinBox`` takes)."""
    r = field_range(model, name)
    return math.floor(r.minimum) + r.exclusive_min, math.ceil(r.maximum) - r.exclusive_max
