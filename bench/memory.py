"""Memory over a long run: the engine as the runner drives it, for a million steps.

Every history the app keeps (epoch curves, batch losses, per-parameter norms and quantiles) is
decimated so its size is bounded whatever the number of steps; this checks it on the real thing.
The engine trains and publishes a snapshot with every view every 1/24 s (as the runner does) and
reports the process's RSS and the pickled snapshot's size at chosen steps.

    python bench/memory.py [--setting scale|spiral-sgd|spiral-example] [--steps 1000000] [--json]
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from engine_speed import ALL_VIEWS, make_engine, settings
from soak import rss_mb

PUBLISH_S = 1 / 24
MARKS = (10_000, 100_000, 250_000, 500_000, 750_000, 1_000_000)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--setting", choices=("scale", "spiral-sgd", "spiral-example"), default="scale")
    parser.add_argument("--steps", type=int, default=1_000_000)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    experiment = settings()[args.setting]
    experiment.training.epochs = 0
    engine = make_engine(args.setting, experiment)
    marks = sorted({m for m in MARKS if m <= args.steps} | {args.steps})
    rows = []
    start = last = time.perf_counter()
    size = 0
    while engine.step < args.steps:
        now = time.perf_counter()
        publish = now - last >= PUBLISH_S
        engine.train_step(capture=publish)
        if publish:
            size = len(pickle.dumps(engine.snapshot(ALL_VIEWS, complete=False), protocol=5))
            last = now
        if engine.step == marks[len(rows)]:
            rows.append({"step": engine.step, "rss_mib": round(rss_mb(), 1), "snapshot_kib": round(size / 1024, 1),
                         "minutes": round((time.perf_counter() - start) / 60, 1)})
            if not args.json:
                print(f"step {engine.step:>9,}  RSS {rows[-1]['rss_mib']:7.1f} MiB  snapshot "
                      f"{rows[-1]['snapshot_kib']:7.1f} KiB  after {rows[-1]['minutes']:5.1f} min", flush=True)
    if args.json:
        print(json.dumps({"setting": args.setting, "rows": rows}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
