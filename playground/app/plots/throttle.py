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


class ViewSet:
    """The views the controller draws snapshots into: each at once, or throttled to ``hz``.

    While training, light throttled views (labels) draw when due and the heavy ones (plots) take
    turns, one per refresh tick; when training stops every one draws its newest snapshot.
    """

    def __init__(self) -> None:
        self.views: list[View] = []

    def add(self, view: View, hz: float | None = None, heavy: bool = True) -> View:
        if hz is not None:
            view = Throttled(view, hz, heavy)
        self.views.append(view)
        return view

    def offer(self, snapshot: Snapshot) -> None:
        for view in self.views:
            view.update(snapshot)  # a throttled view only keeps it

    def flush(self) -> None:
        """Throttled views draw their waiting snapshot now (training stopped: show the final state)."""
        for view in self.views:
            if isinstance(view, Throttled):
                view.flush()

    def take_turns(self) -> None:
        """Light views draw when due; of the heavy ones, the one waiting longest draws (one per tick)."""
        now = time.perf_counter()
        due = [v for v in self.views if isinstance(v, Throttled) and v.due(now)]
        for view in [v for v in due if not v.heavy]:
            view.flush()
        waiting = [v for v in due if v.heavy]
        if waiting:
            min(waiting, key=lambda v: v.last).flush()
