"""Cycles are collected in the GUI thread, never in the runner handle's reader thread (which allocates
for every snapshot it unpickles): collecting a closed window's Qt objects there deadlocked the window
with the GUI thread (one suite run froze in ``QObject::connectImpl`` / ``QObject::disconnect``)."""

from __future__ import annotations

import gc
import threading
from typing import ClassVar

from window_helpers import open_window

from playground.core.spec import DataSpec, Experiment


class Cycle:
    collected_in: ClassVar[list[str]] = []

    def __init__(self) -> None:
        self.me = self

    def __del__(self) -> None:
        Cycle.collected_in.append(threading.current_thread().name)


def test_garbage_cycles_are_collected_in_the_gui_thread_while_training(qtbot, settings):
    window = open_window(qtbot, settings, Experiment(data=DataSpec(kind="xor", samples=40)))
    assert not gc.isenabled()  # automatic collection could start in any thread that allocates
    Cycle.collected_in.clear()
    for _ in range(20_000):  # well past generation 0's threshold
        Cycle()
    window.controller.start()  # the reader thread unpickles snapshots meanwhile
    qtbot.waitUntil(lambda: len(Cycle.collected_in) >= 20_000, timeout=30_000)
    window.controller.pause()
    assert set(Cycle.collected_in) == {threading.main_thread().name}
