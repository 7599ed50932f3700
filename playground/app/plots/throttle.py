"""Draw a view at most so many times a second, never losing the newest snapshot.

Painting is the window's main cost (pyqtgraph repaints a plot, its axes and texts whenever an item
changes), and numbers or histograms redrawn 30 times a second cannot be read anyway. A throttled
view keeps the newest snapshot it was offered and draws it when the controller's refresh tick lets
it: heavy views take turns (one per tick), so no single tick paints every plot at once and the
event loop never stalls for long.
"""

from __future__ import annotations

import time
from typing import Protocol

from playground.core.snapshot import Snapshot


class View(Protocol):
    def update(self, snapshot: Snapshot) -> None: ...


class Throttled:
    def __init__(self, view: View, hz: float, heavy: bool = True) -> None:
        self.view = view
        self.interval = 1.0 / hz
        self.heavy = heavy
        self._pending: Snapshot | None = None
        self.last = 0.0

    def update(self, snapshot: Snapshot) -> None:
        """Keep the newest snapshot; the controller decides when it is drawn."""
        self._pending = snapshot

    def due(self, now: float) -> bool:
        return self._pending is not None and now - self.last >= self.interval

    def flush(self) -> None:
        """Draw the waiting snapshot now (its turn, a pause, a test, a screenshot)."""
        snapshot, self._pending = self._pending, None
        if snapshot is not None:
            self.last = time.perf_counter()
            self.view.update(snapshot)
