"""Keeps one training runner alive, the way Jupyter's kernel restarter keeps a kernel.

It starts the runner handle, watches it (its pipe's end, polling the child every ``WATCH_MS``, and
the handle's watchdog, which kills a runner silent for ``worker.HANG_S``: stopped or stuck), and
when it is gone starts another and says so with ``replaced(reason)``; the owner then gives the new
runner its work back. It gives up after ``MAX_RESTARTS`` restarts in a row (a runner that ran
``STABLE_S`` resets the count) and says so with ``gave_up(reason)``; the user's next command tries
again (``lost(worker, asked=True)``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from playground.app.worker import EngineWorker

log = logging.getLogger(__name__)

WATCH_MS = 500
"""How often the runner process is polled for life (a ``waitpid``: microseconds) besides the pipe's end."""
MAX_RESTARTS = 3
"""Restarts in a row before giving up (a runner that dies at once, e.g. out of memory while building)."""
STABLE_S = 5.0
"""A runner that ran (was heard from) this long after its start was healthy: the count starts again."""


class RunnerKeeper(QObject):
    """Owns the current runner handle (``worker``) and replaces it when its runner dies or hangs."""

    replaced = Signal(str)
    """A new runner took over from one that is gone (the reason, in words): give it the work again."""
    gave_up = Signal(str)
    """The runner is gone and the restart limit is reached (the reason, in words)."""

    def __init__(self, start: Callable[[], EngineWorker], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._start = start
        self.restarts = 0
        self.closing = False
        self.worker = start()
        self._watch = QTimer(self)
        self._watch.setInterval(WATCH_MS)
        self._watch.timeout.connect(self.check)
        self._watch.start()

    def check(self) -> None:
        """The watch timer's slot: a runner whose process ended without closing the pipe counts as dead too."""
        worker = self.worker
        if not worker.closed and not worker.alive():
            self.lost(worker)

    def lost(self, worker: EngineWorker, asked: bool = False) -> bool:
        """``worker``'s runner is gone: start a new one (within the restart limit); True if one now runs.

        ``asked``: the user asked for something (Train…) after the keeper had given up: try again.
        """
        if worker is not self.worker:
            return not self.worker.closed  # already replaced
        if self.closing:
            return False
        reason = worker.describe_end()
        worker.shutdown(0.5)
        if asked or worker.lived() >= STABLE_S:
            self.restarts = 0
        if self.restarts >= MAX_RESTARTS:
            self.gave_up.emit(reason)
            return False
        self.restarts += 1
        log.warning("%s; restarting it (%d of %d)", reason, self.restarts, MAX_RESTARTS)
        self.worker = self._start()
        self.replaced.emit(reason)
        return True

    def shutdown(self, timeout: float) -> bool:
        """Stop watching and stop the runner (killed after ``timeout``); True if it quit by itself."""
        self.closing = True
        self._watch.stop()
        return self.worker.shutdown(timeout)
