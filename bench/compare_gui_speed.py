"""The Compare window live: 8 learning-rate variants of the spiral setting training in the runner.

Measures, over ``--seconds`` of a real window (offscreen by default):
- ``grid_hz``: how often the grid of 8 decision boundaries (and the curves) was redrawn;
- ``lateness_p99_ms`` / ``lateness_max_ms``: how late a 5 ms timer of the window's event loop fired,
  as ``bench/gui_speed.py`` measures it (targets: grid ≥ 10 Hz, p99 ≤ 30 ms);
- ``variant_epochs_per_s``: training progress of all variants together.

    python bench/compare_gui_speed.py [--seconds 10] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # as bench/gui_speed.py: a display only when set

    from PySide6.QtCore import QEventLoop, QTimer

    from playground.app.main import _application

    app = _application()
    from playground.app.main_window import MainWindow
    from playground.core.spec import DataSpec, Experiment, LayerSpec, ModelSpec, OptimizerSpec, TrainingSpec

    spiral = Experiment(
        data=DataSpec(kind="spiral", samples=500, noise=0.1, seed=1, train_fraction=0.5),
        model=ModelSpec(hidden=[LayerSpec(units=8), LayerSpec(units=8)]),
        training=TrainingSpec(optimizer=OptimizerSpec(name="sgd", lr=0.03), batch_size=10, device="cpu"))
    window = MainWindow(remember_layout=False, build_now=False)
    window.files.quiet = True
    window.confirm_close = False
    window.resize(1366, 740)
    window.files.adopt(spiral, None)
    window.show()
    window.open_compare()
    dialog = window.compare_dialog

    def wait(condition, seconds: float = 60.0) -> None:
        end = time.monotonic() + seconds
        while not condition():
            app.processEvents()
            time.sleep(0.005)
            if time.monotonic() > end:
                raise TimeoutError("compare_gui_speed: timed out")

    dialog.choose("lr", "0.003, 0.01, 0.02, 0.03, 0.05, 0.1, 0.3, 1", 100_000)
    dialog.start()
    wait(lambda: dialog.draws >= 3)  # warmed up: first chunks drawn
    late: list[float] = []
    last = [time.perf_counter()]
    ticker = QTimer()
    ticker.setInterval(5)

    def tick() -> None:
        now = time.perf_counter()
        late.append(max(0.0, (now - last[0]) * 1000 - 5.0))
        last[0] = now

    ticker.timeout.connect(tick)
    draws0 = dialog.draws
    epochs0 = sum(v.epoch for v in dialog.progress.variants)
    started = time.perf_counter()
    ticker.start()
    loop = QEventLoop()  # not app.quit(): Qt 6 closes every window then, and the dialog stops itself
    QTimer.singleShot(int(args.seconds * 1000), loop.quit)
    loop.exec()  # a real event loop, as the app runs it
    ticker.stop()
    seconds = time.perf_counter() - started
    if dialog.progress is None:
        raise SystemExit(f"compare_gui_speed: no progress: {dialog.message.text()}")
    result = {
        "variants": len(dialog.tiles),
        "seconds": round(seconds, 1),
        "grid_hz": round((dialog.draws - draws0) / seconds, 1),
        "variant_epochs_per_s": round((sum(v.epoch for v in dialog.progress.variants) - epochs0) / seconds, 1),
        "batched": dialog.progress.batched,
        "mode": window.controller.worker.mode,
    }
    late.sort()
    late = late or [0.0]
    result["lateness_p99_ms"] = round(late[min(len(late) - 1, int(0.99 * len(late)))], 1)
    result["lateness_max_ms"] = round(late[-1], 1)
    dialog.stop()
    window.close()
    print(json.dumps(result, indent=2) if args.json else
          "  ".join(f"{k}={v}" for k, v in result.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
