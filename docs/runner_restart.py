"""Kill the runner of a real window while it trains, and time what the user sees (issue 17's must-show).

    ../shared/tools/with-display --size 1366x768 .venv/bin/python docs/runner_restart.py \\
        docs/screenshots/runner_restarted.png --rounds 3

Each round trains, runs ``kill -9`` on the runner process, and records how long until the status bar
says so, until the engine is rebuilt on a new runner (Train works again, from the last state), and
until it trains again after Train is pressed; then the window saves. The first round's status bar,
right after the restart, is grabbed to the PNG. Look at it before committing it.

``--signal STOP`` stops the runner instead (``kill -STOP``: alive, answering nothing); the window
restarts it once it has been silent for ``worker.HANG_S``:

    ../shared/tools/with-display --size 1366x768 .venv/bin/python docs/runner_restart.py \\
        docs/screenshots/runner_hung_restarted.png --signal STOP --rounds 2
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("png")
    parser.add_argument("--file", default="resources/examples/spiral.json")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--train-seconds", type=float, default=6.0)
    parser.add_argument("--signal", default="9", help="9 (kill, the default) or STOP (hung)")
    args = parser.parse_args()

    from PySide6.QtCore import QTimer

    from playground.app.main import _application
    from playground.app.processes import warm_up
    from playground.core.experiment_io import load_experiment

    warm_up()
    app = _application("en")
    from playground.app.main_window import MainWindow

    window = MainWindow(remember_layout=False, build_now=False)
    window.files.quiet = True
    window.confirm_close = False
    window.resize(1366, 768)
    window.files.open_later(Path(args.file))
    window.show()
    c = window.controller
    bar = window.statusBar()
    results: list[dict] = []
    saved_to = Path(tempfile.mkdtemp()) / "after_restart.json"
    state = {"round": 0, "phase": "build", "t0": 0.0, "pid": None, "step": 0, "row": {}}

    def tick() -> None:
        now = time.monotonic()
        phase = state["phase"]
        if phase == "build" and c.dataset is not None and not c.busy:
            c.start()
            state.update(phase="training", t0=now)
        elif phase == "training" and now - state["t0"] >= args.train_seconds:
            state["pid"] = c.worker.pid
            state["step"] = c.status.step
            subprocess.run(["kill", f"-{args.signal}", str(state["pid"])], check=True)  # as a user or the OOM killer
            state.update(phase="killed", t0=time.monotonic(), row={"step_at_kill": state["step"]})
        elif phase == "killed":
            row = state["row"]
            if "told_s" not in row and "training process stopped" in bar.currentMessage():
                row["told"] = bar.currentMessage()
                row["told_s"] = now - state["t0"]
            if (c.worker.pid not in (None, state["pid"]) and not c.busy and c.status.state == "idle"
                    and "restarted from step" in bar.currentMessage()):
                row["trainable_s"] = now - state["t0"]
                row["restored_step"] = c.status.step
                row["message"] = bar.currentMessage()
                if state["round"] == 0:
                    window.repaint()
                    Path(args.png).parent.mkdir(parents=True, exist_ok=True)
                    window.grab().save(args.png)
                window.actions_.train.trigger()  # Train, as the user presses it
                state.update(phase="retrain")
        elif phase == "retrain" and c.status.state == "training" and c.status.step > state["row"]["restored_step"]:
            state["row"]["training_again_s"] = now - state["t0"]
            results.append(state["row"])
            state["round"] += 1
            if state["round"] < args.rounds:
                state.update(phase="training", t0=now)
            else:
                c.pause()
                state.update(phase="pausing")
        elif phase == "pausing" and c.status.state == "paused":
            ok = window.files.save_to(saved_to)
            saved = load_experiment(saved_to) if ok else None
            print(json.dumps({"rounds": results, "saved": ok, "saved_step": saved.state.step if saved else None,
                              "status_step": c.status.step, "save_message": bar.currentMessage()}, indent=1))
            timer.stop()
            window.close()
            app.exit(0 if ok else 1)

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(tick)
    timer.start()
    QTimer.singleShot(180_000, lambda: (print("timed out", state, results, file=sys.stderr), app.exit(2)))
    code = app.exec()
    c.shutdown()
    return int(code)


if __name__ == "__main__":
    sys.exit(main())
