"""Waiting for the runner's answer without freezing the window.

A request the user waits for (build, read, export) waits in a local event loop that still paints
and runs timers (the refresh tick, the runner watch) but holds back user input, so no click can
sneak into the middle of a build.
"""

from __future__ import annotations

import time
from concurrent.futures import Future

from PySide6.QtCore import QEventLoop, QTimer

POLL_MS = 5
"""How often the loop looks at the future: an answer is taken within 5 ms, at no measurable cost."""


def wait_in_loop(future: Future, timeout: float) -> bool:
    """Run a local event loop until ``future`` is done or ``timeout`` seconds passed; True if done."""
    if future.done():
        return True
    loop = QEventLoop()
    poll = QTimer()
    poll.setInterval(POLL_MS)
    deadline = time.monotonic() + timeout
    poll.timeout.connect(lambda: (future.done() or time.monotonic() > deadline) and loop.quit())
    poll.start()
    try:
        loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
    finally:
        poll.stop()
    return future.done()
