"""A log axis that labels decades, not the 2…9 between them.

pyqtgraph labels its minor log ticks (0.2, 0.3 … 0.9) whenever its standard spacing for the axis's
pixels is under one decade — on a 140-pixel plot spanning two decades that is nineteen labels in a
column, drawn over each other. Here two decades or more label only the decades; an axis with one
decade in view labels it and the 2s and 5s beside it; one inside a decade labels its few minor ticks.
"""

from __future__ import annotations

import math

import pyqtgraph as pg


class DecadeLogAxis(pg.AxisItem):
    def logTickValues(self, minVal, maxVal, size, stdTicks):  # pyqtgraph's names
        low, high = math.floor(minVal), math.ceil(maxVal)
        decades = [float(v) for v in range(low, high + 1) if minVal <= v <= maxVal]
        between = {m: [v + math.log10(m) for v in range(low, high) if minVal < v + math.log10(m) < maxVal]
                   for m in range(2, 10)}

        def of(ms) -> list[float]:
            return sorted(t for m in ms for t in between[m])

        if len(decades) >= 2:  # two decades or more: 0.1, 1, 10 say enough
            return [(1.0, decades), (None, of(range(2, 10)))]
        if decades:  # one decade in view: 1 with 2 and 5 either side (0.5, 1, 2, 5)
            labelled = sorted(decades + of((2, 5)))
            rest = of((3, 4, 6, 7, 8, 9))
            return [(None, labelled), (None, rest)]
        return [(None, of(range(2, 10)))]  # inside one decade: at most eight labels

    def tickStrings(self, values, scale, spacing):  # pyqtgraph's names
        """Plain numbers (0.1, 1, 10), not pyqtgraph's 10¹ beside 1 and 0.1."""
        if not self.logMode:
            return super().tickStrings(values, scale, spacing)
        return [f"{10 ** v:.6g}" for v in values]
