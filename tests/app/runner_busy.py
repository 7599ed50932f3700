"""A function the runner can be asked to run (``controller.call``) that keeps its training thread busy.

In a module of its own, importing nothing heavy: the runner imports it to unpickle the call.
"""

from __future__ import annotations

import time
from typing import Any


def busy(_engine: Any, seconds: float) -> float:
    time.sleep(seconds)
    return seconds
