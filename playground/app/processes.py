"""Where runner processes come from: a ``forkserver`` that has imported the runner (and torch) once.

Kept free of Qt, numpy and the core so start-up can start the server before anything else imports:
torch (≈ 1.4 s) then loads in the server while the window's own modules import and build.
"""

from __future__ import annotations

import multiprocessing
import os
from threading import Lock
from typing import Any

from playground.core.errors import quote

MODE_ENV = "PLAYGROUND_WORKER"
"""``process`` (default) or ``thread``: where the runner trains."""
START_ENV = "PLAYGROUND_RUNNER_START"
"""``forkserver`` (default where the OS has it) or ``spawn`` (what Windows and macOS use; the suite
runs a few window tests with it): how runner processes start."""
PRELOAD = ["playground.core.runner"]

_context: Any = None
_context_lock = Lock()


def process_context() -> Any:
    """The multiprocessing context for runner processes: a forkserver preloading torch, or spawn.

    Never ``fork``: the window has threads (Qt's, the reader's), and a forked child of a threaded
    process can deadlock on a lock some other thread held.
    """
    global _context
    with _context_lock:
        if _context is None:
            methods = multiprocessing.get_all_start_methods()
            method = os.environ.get(START_ENV) or ("forkserver" if "forkserver" in methods else "spawn")
            if method not in ("forkserver", "spawn") or method not in methods:
                raise ValueError(f"{START_ENV} must be one of {', '.join(m for m in methods if m != 'fork')}, "
                                 f"not {quote(method)}")
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
