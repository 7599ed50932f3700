"""Soak: the real main window trains "until stopped" for a long time with every view shown.

Failures that only show over time (reference-count drift in a Qt binding, unbounded lists fed per
step or per frame, plot items that pile up) need minutes to appear, so this is a benchmark, not a
test. The window runs in a child process so a crash is reported (with its exit code) instead of
taking the measurement with it. Every ``--every`` seconds the child prints one JSON line: seconds,
steps, epochs, RSS and the reference counts of None and True; the parent prints a summary.

    python bench/soak.py [FILE] [--seconds 600] [--every 10] [--screenshot out.png] [--json]

Uses ``QT_QPA_PLATFORM=offscreen`` unless a platform is already set (``with-display`` for xcb).
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


def rss_mb(pid: int | None = None) -> float:
    """Resident set size of a process (default: this one) from /proc (Linux), in MiB."""
    try:
        with open(f"/proc/{pid or 'self'}/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def child(args: argparse.Namespace) -> int:
    from PySide6.QtCore import QTimer

    from playground.app.main import _application
    from playground.core.experiment_io import load_experiment

    app = _application()
    from playground.app.main_window import MainWindow

    window = MainWindow(remember_layout=False)
    window.files.quiet = True
    window.confirm_close = False
    experiment = load_experiment(args.file)
    experiment.training.epochs = 0  # until stopped
    experiment.view.hidden = []  # every view visible
    window.files.adopt(experiment, Path(args.file).resolve())
    window.resize(1800, 1100)
    window.show()
    from PySide6.QtCore import Qt

    for key in ("gradients", "distributions", "inspector"):  # out of their tab group: all visible at once
        dock = window.docks[key]
        window.removeDockWidget(dock)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        dock.show()
    controller = window.controller
    started = time.perf_counter()

    def report(final: bool = False) -> None:
        status = controller.status
        print(json.dumps({
            "seconds": round(time.perf_counter() - started, 1), "steps": status.step, "epochs": status.epoch,
            "state": status.state, "rss_mb": round(rss_mb(), 1),
            "runner_rss_mb": round(rss_mb(controller.worker.pid), 1), "none_refs": sys.getrefcount(None),
            "true_refs": sys.getrefcount(True), "final": final}), flush=True)

    def finish() -> None:
        controller.pause()
        QTimer.singleShot(300, close)

    def close() -> None:
        controller.refresh()
        report(final=True)
        if args.screenshot:
            window.grab().save(args.screenshot)
        window.close()
        app.quit()

    ticker = QTimer(window)
    ticker.timeout.connect(report)
    ticker.start(int(args.every * 1000))
    QTimer.singleShot(0, controller.start)
    QTimer.singleShot(0, report)
    QTimer.singleShot(int(args.seconds * 1000), finish)
    code = app.exec()
    controller.shutdown()
    return code


def parent(args: argparse.Namespace) -> int:
    env = {**os.environ, "QT_API": "pyside6"}
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    cmd = [sys.executable, __file__, args.file, "--child", "--seconds", str(args.seconds),
           "--every", str(args.every)]
    if args.screenshot:
        cmd += ["--screenshot", args.screenshot]
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, text=True)
    rows: list[dict] = []
    assert proc.stdout is not None
    for line in proc.stdout:
        try:
            row = json.loads(line)
        except json.JSONDecodeError:
            continue
        rows.append(row)
        if not args.json:
            print(f"  {row['seconds']:>7.1f} s  step {row['steps']:>9,}  epoch {row['epochs']:>7,}  "
                  f"RSS {row['rss_mb']:>7.1f} MiB (runner {row['runner_rss_mb']:>7.1f})  "
                  f"None refs {row['none_refs']:,}", flush=True)
    code = proc.wait()
    wall = time.perf_counter() - started
    first = next((r for r in rows if r["steps"] > 0), rows[0] if rows else None)
    last = rows[-1] if rows else None
    summary = {
        "file": str(args.file),
        "seconds": round(wall, 1),
        "exit_code": code,
        "alive": code == 0 and bool(last and last.get("final")),
        "steps": last["steps"] if last else 0,
        "epochs": last["epochs"] if last else 0,
        "steps_per_s": round(last["steps"] / last["seconds"], 1) if last and last["seconds"] else 0.0,
        "rss_start_mb": first["rss_mb"] if first else None,
        "rss_end_mb": last["rss_mb"] if last else None,
        "rss_max_mb": max(r["rss_mb"] for r in rows) if rows else None,
        "runner_rss_start_mb": first["runner_rss_mb"] if first else None,
        "runner_rss_end_mb": last["runner_rss_mb"] if last else None,
        "none_refs_drift": (last["none_refs"] - first["none_refs"]) if first and last else None,
        "true_refs_drift": (last["true_refs"] - first["true_refs"]) if first and last else None,
    }
    print(json.dumps(summary) if args.json else "\n".join(f"{k:>16}: {v}" for k, v in summary.items()))
    return 0 if summary["alive"] else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", default=str(DEFAULT_FILE))
    parser.add_argument("--seconds", type=float, default=600.0)
    parser.add_argument("--every", type=float, default=10.0, help="seconds between reports")
    parser.add_argument("--screenshot", metavar="PNG")
    parser.add_argument("--json", action="store_true", help="print only the summary, as one JSON line")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    return child(args) if args.child else parent(args)


if __name__ == "__main__":
    sys.exit(main())
