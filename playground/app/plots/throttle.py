"""Draw a view at most so many times a second, never losing the newest snapshot.

Painting is the window's main cost (pyqtgraph repaints a plot, its axes and texts whenever an item
changes), and numbers or histograms redrawn 30 times a second cannot be read anyway. A throttled
view draws at once when it has been quiet long enough, otherwise once more when its interval is
up, with the newest snapshot by then.
"""

from __future__ import annotations

import time
from typing import Protocol

from PySide6.QtCore import QObject, QTimer

from playground.core.snapshot import Snapshot


class View(Protocol):
    def update(self, snapshot: Snapshot) -> None: ...


class Throttled(QObject):
    def __init__(self, view: View, hz: float, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.interval = 1.0 / hz
        self._pending: Snapshot | None = None
        self._last = 0.0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.flush)

    def update(self, snapshot: Snapshot) -> None:
        self._pending = snapshot
        wait = self.interval - (time.perf_counter() - self._last)
        if wait <= 0:
            self.flush()
        elif not self._timer.isActive():
            self._timer.start(int(wait * 1000) + 1)

    def flush(self) -> None:
        """Draw the waiting snapshot now (a pause, a test, a screenshot)."""
        self._timer.stop()
        snapshot, self._pending = self._pending, None
        if snapshot is not None:
            self._last = time.perf_counter()
            self.view.update(snapshot)
