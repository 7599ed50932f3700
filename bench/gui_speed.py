"""The window's training speed against the headless engine, with every view of the app live.

Opens the real main window (offscreen unless a display is set; ``with-display`` for xcb) on an
experiment file, shows every view at once (diagram, boundary, loss, accuracy, gradient norms,
distributions, inspector), trains "until stopped" for ``--seconds`` and measures:

- ``gui_steps_per_s``: steps the window's runner trained per second (after a second of warm-up);
- ``engine_steps_per_s``: the same experiment in a plain engine loop, no snapshots, in a process of
  its own, run in ``--rounds`` bursts that alternate with the window's (paused meanwhile): this
  VM's speed drifts by ±30 % over seconds, so one measurement before the other compares nothing;
- ``redraw_hz``: snapshots the window drew per second;
- ``lateness_p99_ms`` / ``lateness_max_ms``: how late a 5 ms timer of the window's event loop fired;
- ``gui_cpu_share`` / ``runner_cpu_share``: CPU seconds per second of the window's and the runner's
  processes (on 2 cores, their sum above ≈ 1.8 means they compete).

    python bench/gui_speed.py [FILE] [--seconds 10] [--json] [--mode process|thread] [--spiral-setting]
        [--rounds 4] [--profile]
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
BURST_WARM_UP_S = 0.5


def spiral_setting(path: Path) -> None:
    """TensorFlow Playground's spiral setting (2→8→8→2 tanh, SGD 0.03, batch 10) as a file."""
    from playground.core.experiment_io import save_experiment
    from playground.core.spec import DataSpec, Experiment, LayerSpec, ModelSpec, OptimizerSpec, TrainingSpec

    save_experiment(Experiment(
        name="Spiral setting", data=DataSpec(kind="spiral", samples=500, noise=0.1, seed=1),
        model=ModelSpec(hidden=[LayerSpec(units=8), LayerSpec(units=8)]),
        training=TrainingSpec(optimizer=OptimizerSpec(name="sgd", lr=0.03), batch_size=10, epochs=0, device="cpu")),
        path)


def until_stopped(path: str) -> str:
    """A copy of the experiment with Epochs = until stopped (an example's limit would end the run early)."""
    from playground.core.experiment_io import load_experiment, save_experiment

    experiment = load_experiment(path)
    experiment.training.epochs = 0
    copy = Path(os.environ.get("TMPDIR", "/tmp")) / f"playground-bench-{Path(path).stem}.json"
    save_experiment(experiment, copy, from_dir=Path(path).parent)
    return str(copy)


ENGINE_SERVER = """
import sys, time, json
from playground.core.experiment_io import load_experiment
from playground.core.engine import Engine
from playground.core.threads import configure_threads
exp = load_experiment(sys.argv[1]); exp.training.epochs = 0
e = Engine(exp); configure_threads(e)
print("ready", flush=True)
for line in sys.stdin:
    warm, seconds = map(float, line.split())
    end = time.perf_counter() + warm
    while time.perf_counter() < end: e.train_step()
    s0, t0 = e.step, time.perf_counter()
    while time.perf_counter() < t0 + seconds: e.train_step()
    print(json.dumps([e.step - s0, time.perf_counter() - t0, e.steps_per_epoch]), flush=True)
"""


class EngineBursts:
    """The same experiment in a plain engine loop (no snapshots) in a process of its own, run in
    bursts between the window's: this VM's speed drifts by ±30 % over seconds, so only interleaved
    measurements compare."""

    def __init__(self, path: str) -> None:
        self.proc = subprocess.Popen([sys.executable, "-c", ENGINE_SERVER, path], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, text=True)
        assert self.proc.stdout.readline().strip() == "ready"
        self.steps = self.seconds = 0.0
        self.steps_per_epoch = 1

    def burst(self, seconds: float) -> None:
        self.proc.stdin.write(f"{BURST_WARM_UP_S} {seconds}\n")
        self.proc.stdin.flush()
        steps, elapsed, self.steps_per_epoch = json.loads(self.proc.stdout.readline())
        self.steps += steps
        self.seconds += elapsed

    def close(self) -> None:
        self.proc.stdin.close()
        self.proc.wait(10)


def cpu_seconds(pid: int | None) -> float:
    """User + system CPU time of a process so far (Linux ``/proc``); 0 where unknown."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return 0.0


def profile_views(controller: object) -> dict:
    """Wrap every view's ``update`` (and the refresh tick) to time them: name → list of ms."""
    times: dict[str, list[float]] = {}

    def timed(name: str, fn):
        def wrapper(*args):
            t0 = time.perf_counter()
            fn(*args)
            times.setdefault(name, []).append((time.perf_counter() - t0) * 1000)
        return wrapper

    for view in controller.views:
        inner = getattr(view, "view", view)
        inner.update = timed(type(inner).__name__, inner.update)
    controller.refresh = timed("(refresh tick)", controller.refresh)
    import gc

    started: dict[int, float] = {}

    def collected(phase: str, info: dict) -> None:  # garbage collections pause the GUI thread too
        if phase == "start":
            started[info["generation"]] = time.perf_counter()
        elif info["generation"] in started:
            ms = (time.perf_counter() - started.pop(info["generation"])) * 1000
            times.setdefault(f"(gc generation {info['generation']})", []).append(ms)

    gc.callbacks.append(collected)
    controller._timer.timeout.disconnect()
    controller._timer.timeout.connect(controller.refresh)
    return times


STALLS: dict[str, int] = {}


def watch_stalls(last: list[float], ticker: object) -> None:
    """Profile mode: when the 5 ms timer is over 60 ms late, note where the GUI thread is (its Python
    stack; ``exec`` at the top means Qt itself: painting, layout, event dispatch)."""
    import threading
    import traceback

    main = threading.main_thread().ident

    def run() -> None:
        seen = 0.0
        while True:
            time.sleep(0.01)
            try:
                active = ticker.isActive()
            except RuntimeError:  # the window has closed
                return
            if not active or time.perf_counter() - last[0] < 0.06 or last[0] == seen:
                continue
            seen = last[0]
            frame = sys._current_frames().get(main)
            where = " ← ".join(f"{Path(f.filename).name}:{f.lineno} {f.name}"
                               for f in reversed(traceback.extract_stack(frame)[-5:])) if frame else "?"
            STALLS[where] = STALLS.get(where, 0) + 1

    threading.Thread(target=run, daemon=True).start()


def window_rates(path: str, seconds: float, rounds: int, engine: EngineBursts, profile: bool = False) -> dict:
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
    if profile:
        watch_stalls(last, ticker)
    result: dict = {"gui_steps": 0, "seconds": 0.0, "drawn": 0, "gui_cpu": 0.0, "runner_cpu": 0.0}
    marks: dict = {}
    burst_s = seconds / rounds

    def built(_future: object, error: object) -> None:
        if error is not None:
            result["error"] = str(error)
            app.quit()
            return
        if profile:
            result["profile"] = profile_views(controller)
        resume(WARM_UP_S)

    def resume(warm_up: float) -> None:
        controller.start()
        QTimer.singleShot(int(warm_up * 1000), begin)

    def begin() -> None:
        marks.update(step=controller.status.step, time=time.perf_counter(), drawn=drawn[0],
                     gui_cpu=cpu_seconds(os.getpid()), runner_cpu=cpu_seconds(controller.worker.pid))
        last[0] = time.perf_counter()
        ticker.start()
        QTimer.singleShot(int(burst_s * 1000), end)

    def end() -> None:
        ticker.stop()
        elapsed = time.perf_counter() - marks["time"]
        result["gui_steps"] += controller.status.step - marks["step"]
        result["seconds"] += elapsed
        result["drawn"] += drawn[0] - marks["drawn"]
        result["gui_cpu"] += cpu_seconds(os.getpid()) - marks["gui_cpu"]
        result["runner_cpu"] += cpu_seconds(controller.worker.pid) - marks["runner_cpu"]
        controller.pause()
        QTimer.singleShot(200, between)

    def between() -> None:
        engine.burst(burst_s)  # the window is paused (idle) meanwhile
        marks["rounds"] = marks.get("rounds", 0) + 1
        if marks["rounds"] < rounds:
            resume(BURST_WARM_UP_S)
            return
        result.update(lateness=sorted(late), mode=controller.worker.mode,
                      steps_per_epoch=controller.latest.steps_per_epoch if controller.latest else 1)
        window.close()
        QTimer.singleShot(100, app.quit)

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
    parser.add_argument("--rounds", type=int, default=4, help="alternations of window and engine")
    parser.add_argument("--profile", action="store_true", help="also print each view's drawing time")
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
    else:
        path = until_stopped(path)
    engine = EngineBursts(path)
    try:
        gui = window_rates(path, args.seconds, max(1, args.rounds), engine, args.profile)
    finally:
        engine.close()
    if "error" in gui:
        print(f"gui_speed: {gui['error']}", file=sys.stderr)
        return 1
    late = gui["lateness"] or [0.0]
    gui_rate = gui["gui_steps"] / gui["seconds"]
    engine_rate = engine.steps / max(engine.seconds, 1e-9)
    row = {
        "engine_steps_per_s": round(engine_rate, 1),
        "gui_steps_per_s": round(gui_rate, 1),
        "ratio": round(gui_rate / engine_rate, 3),
        "redraw_hz": round(gui["drawn"] / gui["seconds"], 1),
        "lateness_p99_ms": round(late[min(len(late) - 1, int(0.99 * len(late)))], 1),
        "lateness_max_ms": round(late[-1], 1),
        "gui_epochs_per_s": round(gui_rate / gui["steps_per_epoch"], 1),
        "engine_epochs_per_s": round(engine_rate / engine.steps_per_epoch, 1),
        "gui_cpu_share": round(gui["gui_cpu"] / gui["seconds"], 2),
        "runner_cpu_share": round(gui["runner_cpu"] / gui["seconds"], 2),
        "mode": gui["mode"],
        "file": Path(path).name,
    }
    if args.profile:
        for name, ms in sorted(gui["profile"].items(), key=lambda kv: -sum(kv[1])):
            ms.sort()
            print(f"{name:>22}: {len(ms):5d} draws, mean {sum(ms) / len(ms):6.1f} ms, "
                  f"p99 {ms[int(0.99 * (len(ms) - 1))]:6.1f} ms, max {ms[-1]:6.1f} ms", file=sys.stderr)
    for where, n in sorted(STALLS.items(), key=lambda kv: -kv[1]):
        print(f"stall ×{n}: {where}", file=sys.stderr)
    if args.json:
        print(json.dumps(row))
    else:
        for key, value in row.items():
            print(f"{key:>20}: {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
