"""Python's cycle collector runs in the GUI thread only.

The runner handle's reader thread allocates (it unpickles every snapshot), so CPython's automatic
collection can start there and destroy Qt objects of a closed window: the destructor takes Qt's
signal-slot mutex and then waits for the GIL, which the GUI thread holds while it waits for that
mutex — a frozen window. Seen once in the suite (main thread in ``QObject::connectImpl``, reader
thread in ``QObject::disconnect`` under ``gc_collect_main``). pyqtgraph's ``GarbageCollector``
(made for this) turns automatic collection off and collects on a GUI-thread timer, once a second
when the generation counts pass the usual thresholds.
"""

from __future__ import annotations

import gc

from pyqtgraph.util.garbage_collector import GarbageCollector

_collector: GarbageCollector | None = None


def collect_in_gui_thread() -> GarbageCollector:
    """Call from the GUI thread once a QApplication exists (the main window does); idempotent."""
    global _collector
    if _collector is None:
        _collector = GarbageCollector(interval=1.0)
    return _collector


def release() -> None:
    """Automatic collection again (tests that leave the window behind), collecting what waited."""
    global _collector
    if _collector is not None:
        _collector.timer.stop()
        _collector = None
        gc.enable()
        gc.collect()
