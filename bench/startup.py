"""Start-up: seconds from launching ``playground FILE`` to its window and to its first trained step.

Launches the real command (offscreen unless a display is set), presses Train as soon as it can
(``--train-seconds``) and reads the times the app writes when ``PLAYGROUND_STARTUP_REPORT`` is set.
Each run is a fresh process; the best and the median of ``--runs`` are printed.

    python bench/startup.py [FILE] [--runs 5] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from playground.core.resources import examples_dir


def once(path: str) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "startup.json"
        env = {**os.environ, "PLAYGROUND_STARTUP_REPORT": str(report), "QT_API": "pyside6"}
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        env["PLAYGROUND_T0"] = repr(time.time())
        subprocess.run([sys.executable, "-m", "playground", path, "--train-seconds", "1",
                        "--screenshot", str(Path(folder) / "shot.png")], env=env, check=True,
                       capture_output=True, timeout=120)
        return json.loads(report.read_text(encoding="utf-8"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", default=str(examples_dir() / "spiral.json"))
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    runs = [once(args.file) for _ in range(args.runs)]
    row = {}
    for key in ("window_shown_s", "first_step_s"):
        values = [r[key] for r in runs]
        row[key.replace("_s", "_best_s")] = round(min(values), 2)
        row[key.replace("_s", "_median_s")] = round(statistics.median(values), 2)
    print(json.dumps(row) if args.json else "\n".join(f"{k:>24}: {v}" for k, v in row.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
