"""Memory and time of loading hostile experiment files: the bombs are refused fast, accepted files stay small.

Each case is a file written to a temporary folder and loaded by ``load_experiment`` (what ``info``,
``train`` and the app's Open do first) in a fresh interpreter, which reports the growth of its peak
resident memory over the load (``VmHWM`` reset before the load, minus the resident size then, so the imports are not
counted; Linux only) and the seconds the load took. The promise (docs/reliability.md): every file within the
limits costs at most ≈ 20× its size in memory, and a file that is refused is refused within 2 s.

    python bench/parse_memory.py [--json] [--only NAME] [--timeout 120] [--repeat 3]

Times drift ±30 % on the 2-core VM and far more when other jobs run: ``--repeat`` keeps the best time
(and the largest peak) of several runs.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

MIB = 1 << 20
CHILD = r"""
import json, sys, time
from playground.core.experiment_io import load_experiment
from playground.core.errors import PlaygroundError

def kib(field):
    with open("/proc/self/status") as f:
        return next(int(line.split()[1]) for line in f if line.startswith(field))

with open("/proc/self/clear_refs", "w") as f:
    f.write("5")  # reset the peak (VmHWM) to the current resident size: the imports' peak is not counted
before = kib("VmRSS:")
start = time.perf_counter()
try:
    load_experiment(sys.argv[1])
    outcome, message = "accepted", ""
except PlaygroundError as exc:
    outcome, message = "refused", str(exc)
seconds = time.perf_counter() - start
peak = kib("VmHWM:")
print(json.dumps({"outcome": outcome, "seconds": seconds, "peak_kib": peak - before,
                  "message_chars": len(message), "message": message[:160]}))
"""


def base(**changes: object) -> dict:
    doc: dict = {"format": "torch-playground.experiment", "version": 1, "name": "bomb",
                 "data": {"kind": "circle"}, "model": {"hidden": [{"units": 8}]},
                 "training": {"optimizer": {"name": "sgd", "lr": 0.03}}, "view": {}}
    for path, value in changes.items():
        node = doc
        *parents, last = path.split(".")
        for key in parents:
            node = node.setdefault(key, {})
        node[last] = value
    return doc


def _raw(doc: dict, marker: str, body: str) -> str:
    """The document's JSON with the string ``marker`` replaced by ``body`` (raw JSON, built without Python lists)."""
    return json.dumps(doc).replace(json.dumps(marker), body)


def cases() -> dict[str, str]:
    """name → file text. The first ones are the bombs of issue 17, then the worst accepted files."""
    zeros = lambda n: "[" + ",".join(["0"] * n) + "]"  # noqa: E731
    strings = lambda n: "[" + ",".join(['"a"'] * n) + "]"  # noqa: E731
    empties = lambda n: "[" + ",".join(["{}"] * n) + "]"  # noqa: E731
    row = "[" + ",".join(["0.5"] * 1_000) + "]"
    weights = "[" + ",".join([row] * 1_000) + "]"
    return {
        "view.hidden = 4.9 M integers": _raw(base(**{"view.hidden": "@"}), "@", zeros(4_900_000)),
        "view.hidden = 4.9 M strings": _raw(base(**{"view.hidden": "@"}), "@", strings(4_900_000)),
        "view.hidden = 2.9 M integers (under the count)": _raw(base(**{"view.hidden": "@"}), "@", zeros(2_900_000)),
        "599,000 strings of commas + 2.3 M integers": _raw(  # the slowest text to count: every string scanned
            base(**{"view.hidden": "@"}), "@", "[" + ",".join(['",,,,,,"'] * 599_000 + ["0"] * 2_300_000) + "]"),
        "data.features = 1 M integers": _raw(base(**{"data.features": "@"}), "@", zeros(1_000_000)),
        "data.features = 4.9 M integers": _raw(base(**{"data.features": "@"}), "@", zeros(4_900_000)),
        "training.optimizer.lr = 1 M list": _raw(base(**{"training.optimizer.lr": "@"}), "@", zeros(1_000_000)),
        "10 MB optimizer option name": json.dumps(base(**{"training.optimizer": {"name": "sgd", "x" * 10_000_000: 1}})),
        "state.optimizer_scalars: 4.9 M empty objects": _raw(
            base(**{"state": {"tensors": "", "optimizer_scalars": {"0.x": "@"}}}), "@", empties(4_900_000)),
        "accepted: init_values, 1,000 × 1,000 floats": _raw(
            base(**{"model.init_values": {"0.weight": "@"}}), "@", weights),
        "accepted: init_values, 1,000 × 1,000 integers": _raw(
            base(**{"model.init_values": {"0.weight": "@"}}), "@", weights.replace("0.5", "1")),
        "accepted: 100,000-character description": json.dumps(base(description="d" * 100_000)),
        "accepted: 100,000 drawn points": json.dumps(
            base(**{"data.added": [{"x": [0.5, -0.5], "y": 1}] * 100_000})),
    }


def measure(text: str, timeout: float) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bomb.json"
        path.write_text(text, encoding="utf-8")
        try:
            done = subprocess.run([sys.executable, "-c", CHILD, str(path)], capture_output=True, text=True,
                                  timeout=timeout, check=False)
        except subprocess.TimeoutExpired:
            return {"outcome": f"still running after {timeout:.0f} s"}
        if done.returncode != 0:
            return {"outcome": f"crashed ({done.stderr.strip().splitlines()[-1:] or done.returncode})"}
        return json.loads(done.stdout)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--only", help="run the cases whose name contains this")
    parser.add_argument("--timeout", type=float, default=120.0)
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    rows = []
    for name, text in cases().items():
        if args.only and args.only not in name:
            continue
        size = len(text.encode("utf-8"))
        runs = [measure(text, args.timeout) for _ in range(args.repeat)]
        best = min(runs, key=lambda r: r.get("seconds", float("inf")))
        if all("peak_kib" in r for r in runs):
            best["peak_kib"] = max(r["peak_kib"] for r in runs)
        row = {"case": name, "file_mib": round(size / MIB, 2), **best}
        if "peak_kib" in row:
            row["ratio"] = round(row["peak_kib"] * 1024 / size, 1)
        rows.append(row)
        if not args.json:
            if "seconds" in row:
                print(f"{name:<46} {row['file_mib']:7.2f} MiB  {row['outcome']:<8} {row['seconds']:6.2f} s  "
                      f"peak +{row['peak_kib'] / 1024:8.1f} MiB ({row['ratio']:5.1f}× the file)  "
                      f"message {row['message_chars']:,} chars", flush=True)
            else:
                print(f"{name:<46} {row['file_mib']:7.2f} MiB  {row['outcome']}", flush=True)
    if args.json:
        print(json.dumps(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
