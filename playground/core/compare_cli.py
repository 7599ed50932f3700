"""``playground compare FILE --vary lr=0.003,0.01 --epochs 200``: variants trained side by side, headless.

Prints one row per variant with its final metrics; ``--csv`` writes the same rows, ``--save-dir`` one
trained experiment per variant (each re-runs with ``playground train``). The parser is built without
torch; training imports it.
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

from playground.core.compare import SETTINGS, CompareError, parse_vary, value_text
from playground.core.errors import PlaygroundError
from playground.core.translate import translate

COLUMNS = ("setting", "value", "epochs", "steps", "train_loss", "test_loss", "metric", "train_metric",
           "test_metric", "seconds", "status")


class CompareCliError(PlaygroundError):
    """A compare option the user must fix (one line, exit 1)."""


def add_compare_parser(sub: argparse._SubParsersAction, add_version: Callable[[argparse.ArgumentParser], None]) -> None:
    p = sub.add_parser("compare", help="train variants of one setting side by side and compare them")
    add_version(p)
    p.add_argument("file")
    p.add_argument("--vary", required=True, metavar="SETTING=V1,V2",
                   help=f"2 to 8 values of one setting: {', '.join(SETTINGS)} (e.g. lr=0.003,0.01,0.03,0.1)")
    p.add_argument("--epochs", type=int, help="epochs per variant (default: the file's training.epochs)")
    p.add_argument("--device", help="auto, cpu, cuda:N or mps (default: the file's)")
    p.add_argument("--csv", metavar="OUT.csv", help="write the rows as CSV")
    p.add_argument("--save-dir", metavar="DIR", help="write one trained experiment per variant")
    p.add_argument("--sequential", action="store_true",
                   help="train every variant as its own engine (no batched pass)")
    p.add_argument("--quiet", action="store_true", help="no progress on stderr")


def _cell(value: object) -> str:
    if isinstance(value, float):
        return f"{value:.4f}"
    return str(value)


def table(rows: list[dict]) -> str:
    head = ["value", "epochs", "steps", "train loss", "test loss", "train", "test", "time s", "status"]
    body = [[value_text(r["value"]), str(r["epochs"]), str(r["steps"]), _cell(r["train_loss"]), _cell(r["test_loss"]),
             f"{_cell(r['train_metric'])}", f"{_cell(r['test_metric'])}", f"{r['seconds']:.2f}", r["status"]]
            for r in rows]
    widths = [max(len(row[i]) for row in [head, *body]) for i in range(len(head))]
    return "\n".join("  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip() for row in [head, *body])


def rows_csv(rows: list[dict]) -> str:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for r in rows:
        writer.writerow([repr(r[c]) if isinstance(r[c], float) else r[c] for c in COLUMNS])
    return out.getvalue()


def _file_name(stem: str, key: str, value: object) -> str:
    """``spiral_lr_0.03.json``: safe on every file system."""
    text = re.sub(r"[^A-Za-z0-9._-]+", "_", f"{stem}_{key}_{value_text(value)}")
    return text[:150] + ".json"


def run_compare(args: argparse.Namespace) -> int:
    from playground.core.experiment_io import atomic_write, load_experiment, save_experiment
    from playground.core.validation import device_problem

    try:
        key, values = parse_vary(args.vary)
    except CompareError as exc:
        raise CompareCliError(str(exc)) from None
    exp = load_experiment(args.file)
    epochs = args.epochs if args.epochs is not None else exp.training.epochs
    if epochs is None or epochs < 1:
        raise CompareCliError("--epochs: give a number of epochs ≥ 1 (the file trains until stopped)")
    if args.device is not None and device_problem(args.device):
        raise CompareCliError(f"--device: device {device_problem(args.device)}")
    device = args.device
    if device is None and device_problem(exp.training.device):
        device = "auto"
    base_dir = Path(args.file).resolve().parent
    from playground.core.compare import Comparison

    try:
        comparison = Comparison(exp, key, values, epochs, base_dir=base_dir, device=device,
                                batched=not args.sequential)
    except CompareError as exc:
        raise CompareCliError(str(exc)) from None
    started = time.perf_counter()

    def progress(c: Comparison) -> None:
        if not args.quiet:
            done = min(min(v.engine.epoch for v in c.variants), epochs)
            print(f"\r{translate('cli', 'epoch')} {done}/{epochs}", end="", file=sys.stderr, flush=True)

    comparison.train(progress)
    if not args.quiet:
        print(file=sys.stderr)
    rows = comparison.rows()
    print(table(rows))
    mode = "batched" if comparison.batched else "one engine per variant"
    print(f"{len(rows)} variants, {time.perf_counter() - started:.2f} s ({mode})", file=sys.stderr)
    if args.csv:
        atomic_write(args.csv, rows_csv(rows))
    if args.save_dir:
        folder = Path(args.save_dir)
        folder.mkdir(parents=True, exist_ok=True)
        stem = Path(args.file).stem
        for i, variant in enumerate(comparison.variants):
            trained = comparison.trained(i)
            trained.name = f"{exp.name} ({variant.label})"[:200]
            path = folder / _file_name(stem, key, variant.value)
            save_experiment(trained, path, from_dir=base_dir)
            print(translate("cli", "saved {0}").format(path), file=sys.stderr)
    return 0
