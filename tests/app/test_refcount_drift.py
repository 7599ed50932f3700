"""The window must not leak references to ``None``/``True`` while it trains (issue 8).

PySide6-Essentials 6.12.0 on CPython 3.11 decrements ``None`` on every void Qt call and ``True`` on
every ``Signal.emit(True)``; a training window drops ≈ 1 300 a second and the interpreter aborts
with ``none_dealloc`` after about 100 s. This drives the real main window through thousands of
refresh/emit cycles while it trains and checks the counts in small batches, so a broken binding
fails here (long before the interpreter would abort) instead of killing the user's session.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication

from playground.app.document import ExperimentDocument
from playground.app.main_window import MainWindow
from playground.core.spec import DataSpec, Experiment, LayerSpec, ModelSpec, OptimizerSpec, TrainingSpec

CYCLES = 1000
BATCH = 100
TOLERANCE = 200
"""Other threads hold a few references at any moment; a broken binding loses ≥ 10 per cycle."""

IMMORTAL = sys.version_info >= (3, 12)
"""Python ≥ 3.12 makes None and True immortal: a lost reference cannot free them."""


def spiral() -> Experiment:
    return Experiment(
        name="Spiral soak", data=DataSpec(kind="spiral", samples=500, noise=0.0),
        model=ModelSpec(hidden=[LayerSpec(units=8), LayerSpec(units=8)]),
        training=TrainingSpec(optimizer=OptimizerSpec(name="sgd", lr=0.03), batch_size=10, epochs=0))


def test_training_window_keeps_none_and_true_alive(qtbot, settings) -> None:
    window = MainWindow(ExperimentDocument(spiral()), settings=settings, remember_layout=False)
    window.confirm_close = False
    qtbot.addWidget(window)
    window.show()
    controller = window.controller
    controller.start()
    qtbot.waitUntil(lambda: controller.status.step > 50, timeout=20_000)
    app = QApplication.instance()
    none_start, true_start = sys.getrefcount(None), sys.getrefcount(True)
    drawn = 0
    try:
        for cycle in range(1, CYCLES + 1):
            if controller.latest is not None:
                controller.buffer.put(controller.latest)  # redraw even between the worker's frames
            controller.refresh()  # every view redraws the snapshot: setText, setImage, setData…
            window.document.modifiedChanged.emit(True)  # a real bool signal of the window
            if cycle % 10 == 0:
                app.processEvents()  # the worker's queued status signals and the paint events
            drawn += 1
            if cycle % BATCH == 0 and not IMMORTAL:
                none_drift = sys.getrefcount(None) - none_start
                true_drift = sys.getrefcount(True) - true_start
                assert none_drift > -TOLERANCE, f"None lost {-none_drift} references in {cycle} cycles"
                assert true_drift > -TOLERANCE, f"True lost {-true_drift} references in {cycle} cycles"
        assert controller.status.step > 50
    finally:
        controller.pause()
    assert drawn == CYCLES  # on immortal-object Pythons: the process simply stayed alive
