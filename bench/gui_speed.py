"""The window's training speed against the headless engine, with every view of the app live.

Opens the real main window (offscreen unless a display is set; ``with-display`` for xcb) on an
experiment file, shows every view at once (diagram, boundary, loss, accuracy, gradient norms,
distributions, inspector), trains "until stopped" for ``--seconds`` and measures:

- ``gui_steps_per_s``: steps the window's runner trained per second (after a second of warm-up);
- ``engine_steps_per_s``: the same experiment in a plain engine loop, no snapshots, in a process of
  its own (run before the window, on the same machine);
- ``redraw_hz``: snapshots the window drew per second;
- ``lateness_p99_ms`` / ``lateness_max_ms``: how late a 5 ms timer of the window's event loop fired.

    python bench/gui_speed.py [FILE] [--seconds 10] [--json] [--mode process|thread] [--spiral-setting]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

from playground.core.resources import examples_dir

DEFAULT_FILE = examples_dir() / "spiral.json"
WARM_UP_S = 1.0


def spiral_setting(path: Path) -> None:
    """TensorFlow Playground's spiral setting (2→8→8→2 tanh, SGD 0.03, batch 10) as a file."""
    from playground.core.experiment_io import save_experiment
    from playground.core.spec import DataSpec, Experiment, LayerSpec, ModelSpec, OptimizerSpec, TrainingSpec

    save_experiment(Experiment(
        name="Spiral setting", data=DataSpec(kind="spiral", samples=500, noise=0.1, seed=1),
        model=ModelSpec(hidden=[LayerSpec(units=8), LayerSpec(units=8)]),
        training=TrainingSpec(optimizer=OptimizerSpec(name="sgd", lr=0.03), batch_size=10, epochs=0, device="cpu")),
        path)


def engine_rate(path: str, seconds: float) -> tuple[float, float]:
    """(steps/s, epochs/s) of a plain engine loop on ``path``, measured in a fresh process."""
    code = (
        "import sys, time, json\n"
        "from playground.core.experiment_io import load_experiment\n"
        "from playground.core.engine import Engine\n"
        "from playground.core.threads import configure_threads\n"
        "exp = load_experiment(sys.argv[1]); exp.training.epochs = 0\n"
        "e = Engine(exp); configure_threads(e)\n"
        "end = time.perf_counter() + float(sys.argv[3]); warm = time.perf_counter() + float(sys.argv[2])\n"
        "while time.perf_counter() < warm: e.train_step()\n"
        "s0, t0 = e.step, time.perf_counter()\n"
        "while time.perf_counter() < end: e.train_step()\n"
        "dt = time.perf_counter() - t0\n"
        "print(json.dumps([(e.step - s0) / dt, (e.step - s0) / dt / e.steps_per_epoch]))\n")
    out = subprocess.run([sys.executable, "-c", code, path, str(WARM_UP_S), str(seconds + WARM_UP_S)],
                         capture_output=True, text=True, check=True)
    rate, epochs = json.loads(out.stdout.strip().splitlines()[-1])
    return rate, epochs


def window_rates(path: str, seconds: float) -> dict:
    from PySide6.QtCore import Qt, QTimer

    from playground.app.main import _application

    app = _application()
    from playground.app.main_window import MainWindow

    window = MainWindow(remember_layout=False, build_now=False)
    window.files.quiet = True
    window.confirm_close = False
    window.resize(1800, 1100)
    window.files.open_later(path)
    window.show()
    right = Qt.DockWidgetArea.RightDockWidgetArea
    for key in ("gradients", "distributions", "inspector"):  # out of their tab group: all visible at once
        dock = window.docks[key]
        window.removeDockWidget(dock)
        window.addDockWidget(right, dock)
        dock.show()
    window.docks["metric"].show()
    controller = window.controller
    drawn = [0]
    controller.snapshotReady.connect(lambda _s: drawn.__setitem__(0, drawn[0] + 1))
    late: list[float] = []
    ticker = QTimer()
    ticker.setTimerType(Qt.TimerType.PreciseTimer)
    ticker.setInterval(5)
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        late.append(max(0.0, (now - last[0]) * 1000 - 5.0))
        last[0] = now

    ticker.timeout.connect(tick)
    result: dict = {}
    marks: dict = {}

    def built(_future: object, error: object) -> None:
        if error is not None:
            result["error"] = str(error)
            app.quit()
            return
        controller.start()
        QTimer.singleShot(int(WARM_UP_S * 1000), begin)

    def begin() -> None:
        marks.update(step=controller.status.step, time=time.perf_counter(), drawn=drawn[0])
        late.clear()
        last[0] = time.perf_counter()
        ticker.start()
        QTimer.singleShot(int(seconds * 1000), end)

    def end() -> None:
        ticker.stop()
        elapsed = time.perf_counter() - marks["time"]
        steps = controller.status.step - marks["step"]
        result.update(gui_steps=steps, seconds=elapsed, redraw_hz=(drawn[0] - marks["drawn"]) / elapsed,
                      lateness=sorted(late), steps_per_epoch=controller.latest.steps_per_epoch
                      if controller.latest else 1, mode=controller.worker.mode)
        controller.pause()
        QTimer.singleShot(200, window.close)
        QTimer.singleShot(300, app.quit)

    controller.built.connect(built)
    app.exec()
    controller.shutdown()
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", default=str(DEFAULT_FILE))
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--json", action="store_true", help="print one JSON line")
    parser.add_argument("--mode", choices=("process", "thread"), help="where the runner trains (default: process)")
    parser.add_argument("--spiral-setting", action="store_true",
                        help="TensorFlow Playground's spiral setting instead of FILE")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("QT_API", "pyside6")
    if args.mode:
        os.environ["PLAYGROUND_WORKER"] = args.mode
    path = args.file
    if args.spiral_setting:
        path = str(Path(os.environ.get("TMPDIR", "/tmp")) / "playground-spiral-setting.json")
        spiral_setting(Path(path))
    engine, engine_epochs = engine_rate(path, args.seconds)
    gui = window_rates(path, args.seconds)
    if "error" in gui:
        print(f"gui_speed: {gui['error']}", file=sys.stderr)
        return 1
    late = gui["lateness"] or [0.0]
    gui_rate = gui["gui_steps"] / gui["seconds"]
    row = {
        "engine_steps_per_s": round(engine, 1),
        "gui_steps_per_s": round(gui_rate, 1),
        "ratio": round(gui_rate / engine, 3),
        "redraw_hz": round(gui["redraw_hz"], 1),
        "lateness_p99_ms": round(late[min(len(late) - 1, int(0.99 * len(late)))], 1),
        "lateness_max_ms": round(late[-1], 1),
        "gui_epochs_per_s": round(gui_rate / gui["steps_per_epoch"], 1),
        "engine_epochs_per_s": round(engine_epochs, 1),
        "mode": gui["mode"],
        "file": Path(path).name,
    }
    if args.json:
        print(json.dumps(row))
    else:
        for key, value in row.items():
            print(f"{key:>20}: {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
