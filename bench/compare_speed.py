"""Compare's batched pass against the same variants trained one after another by the engine.

Two cases, each timed in interleaved bursts in one run (a busy machine slows both alike; the median
burst of each is compared):
- spiral: 8 learning rates of TensorFlow Playground's spiral setting (2→8→8→2 tanh, SGD, batch 10);
  a burst is one epoch (25 steps, the epoch-end evaluation included) of every variant;
- scale: 8 init seeds of the scale case (64→256→256→10 ReLU, batch 256, Adam, 50 000 training rows);
  a burst is 10 steps of every variant.
The figure is variant-steps per second, batched / sequential (targets: ≥ 4× spiral, ≥ 1.5× scale).
It also checks that each batched variant's losses match its engine's.

    python bench/compare_speed.py [--bursts 15] [--case spiral|scale|both] [--threads N] [--json]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

import numpy as np
import torch

sys.path.insert(0, str(Path(__file__).resolve().parent))

from engine_speed import scale_engine, settings

from playground.core.compare import Comparison
from playground.core.compare_batched import BatchedGroup
from playground.core.threads import configure_threads

LRS = [0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 0.02, 0.05]
SEEDS = [0, 1, 2, 3, 4, 5, 6, 7]
THREADS = 0
"""torch threads (0: the engine's own choice). On a machine shared by busy jobs, 2 threads on 2 cores
spin against each other (a scale step took 380 ms instead of 5): ``--threads 1`` there."""


def build(case: str):
    """The batched group and the 8 separate engines of a case, from the same start."""
    exp = settings()["spiral-sgd" if case == "spiral" else "scale"]
    key, values = ("lr", LRS) if case == "spiral" else ("seed", SEEDS)
    dataset = scale_engine(exp).dataset if case == "scale" else None
    batched = Comparison(exp, key, values, epochs=10**6, device="cpu", dataset=dataset)
    alone = Comparison(exp, key, values, epochs=10**6, device="cpu", dataset=dataset, batched=False)
    assert len(batched.units) == 1 and isinstance(batched.units[0], BatchedGroup)
    configure_threads(alone.variants[0].engine)
    if THREADS:
        torch.set_num_threads(THREADS)
    return batched.units[0], [v.engine for v in alone.variants], batched, alone


def measure(case: str, bursts: int) -> dict:
    group, engines, batched, alone = build(case)
    steps = group.engines[0].steps_per_epoch if case == "spiral" else 10
    group.train_step()  # warm-up: first-call costs out of the timing
    for e in engines:
        e.train_step()
    t_batched, t_alone = [], []
    for _ in range(bursts):
        started = time.perf_counter()
        for _ in range(steps):
            group.train_step()
        t_batched.append(time.perf_counter() - started)
        started = time.perf_counter()
        for e in engines:
            for _ in range(steps):
                e.train_step()
        t_alone.append(time.perf_counter() - started)
    variant_steps = steps * len(engines)
    rate_b = variant_steps / statistics.median(t_batched)
    rate_a = variant_steps / statistics.median(t_alone)
    group.flush()
    for e in engines:
        e.flush()
    worst = 0.0
    for vb, va in zip(batched.variants, alone.variants):
        a, b = vb.engine.batch_history.array()[:, 2], va.engine.batch_history.array()[:, 2]
        n = min(len(a), len(b), 50)  # the first 50 steps: the chaotic large rates drift apart after that
        worst = max(worst, float(np.max(np.abs(a[:n] - b[:n]) / np.maximum(np.abs(b[:n]), 1e-30))))
    return {"case": case, "variants": len(engines), "steps_per_burst": steps, "bursts": bursts,
            "batched_variant_steps_per_s": round(rate_b), "sequential_variant_steps_per_s": round(rate_a),
            "ratio": round(rate_b / rate_a, 2), "worst_relative_loss_difference_first_50_steps": worst}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bursts", type=int, default=15)
    parser.add_argument("--case", choices=("spiral", "scale", "both"), default="both")
    parser.add_argument("--threads", type=int, default=0, help="torch threads (default: the engine's choice)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    global THREADS
    THREADS = args.threads
    cases = ("spiral", "scale") if args.case == "both" else (args.case,)
    results = [measure(c, args.bursts) for c in cases]
    if args.json:
        print(json.dumps(results, indent=2))
        return
    for r in results:
        print(f"{r['case']:7s} 8 variants: batched {r['batched_variant_steps_per_s']:>8} variant-steps/s, "
              f"one after another {r['sequential_variant_steps_per_s']:>8}: {r['ratio']}× "
              f"(losses agree to {r['worst_relative_loss_difference_first_50_steps']:.1e} relative)")


if __name__ == "__main__":
    main()
