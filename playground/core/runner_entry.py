"""The runner process's entry point, importable without torch (the window only names it).

The forkserver has already imported ``playground.core.runner`` (and torch) before it forks, so the
import below is instant in the child while the window's process never loads torch at all.
"""

from __future__ import annotations

from typing import Any


def serve_process(conn: Any) -> None:
    """Serve ``conn`` until told to quit; Ctrl+C is the app's to handle, not the runner's."""
    import signal

    from playground.core.runner import serve

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    serve(conn)
