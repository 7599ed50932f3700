"""Where runner processes come from: a ``forkserver`` that has imported the runner (and torch) once.

Kept free of Qt, numpy and the core so start-up can start the server before anything else imports:
torch (≈ 1.4 s) then loads in the server while the window's own modules import and build.
"""

from __future__ import annotations

import multiprocessing
import os
from threading import Lock
from typing import Any

MODE_ENV = "PLAYGROUND_WORKER"
"""``process`` (default) or ``thread``: where the runner trains."""
PRELOAD = ["playground.core.runner"]

_context: Any = None
_context_lock = Lock()


def process_context() -> Any:
    """The multiprocessing context for runner processes: a forkserver preloading torch, or spawn."""
    global _context
    with _context_lock:
        if _context is None:
            method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
            ctx = multiprocessing.get_context(method)
            if method == "forkserver":
                ctx.set_forkserver_preload(PRELOAD)
            _context = ctx
        return _context


def warm_up() -> None:
    """Start the forkserver now (first thing at start-up): the first runner then forks in ≈ 40 ms
    from a server that already has torch, instead of waiting for it after the window is built."""
    if os.environ.get(MODE_ENV, "process") != "process":
        return
    if process_context().get_start_method() == "forkserver":
        from multiprocessing import forkserver

        forkserver.ensure_running()
