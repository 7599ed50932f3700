"""Engine speed against a bare PyTorch loop, measured in the same run.

Prints steps per second for:
- a hand-written loop (randperm + index, zero_grad/forward/backward/step)
- the same loop written with a DataLoader, the way most tutorials write it
- the engine with no snapshots
- the engine publishing a snapshot (gradient statistics + a 100×100 boundary) every 1/30 s, as
  the GUI worker does

The ratio is bare loop time / engine time (above 1 means the engine is faster). Run it with
`make bench` or `python bench/engine_speed.py [--steps N] [--threads T]`.
"""

from __future__ import annotations

import argparse
import statistics
import time

import torch
from torch import nn

from playground.core.engine import Engine
from playground.core.spec import DataSpec, Experiment, LayerSpec, ModelSpec, OptimizerSpec, TrainingSpec

EXPERIMENT = Experiment(
    data=DataSpec(kind="spiral", samples=500, noise=0.1, seed=1),
    model=ModelSpec(hidden=[LayerSpec(units=8), LayerSpec(units=8)]),
    training=TrainingSpec(optimizer=OptimizerSpec(name="sgd", lr=0.03), batch_size=10, device="cpu"),
)


def bare_loop(steps: int) -> float:
    engine = Engine(EXPERIMENT)  # only for identical data tensors
    x, y = engine.x_train, engine.y_train
    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(2, 8), nn.Tanh(), nn.Linear(8, 8), nn.Tanh(), nn.Linear(8, 2))
    opt = torch.optim.SGD(model.parameters(), lr=0.03)
    loss_fn = nn.CrossEntropyLoss()
    n, done = x.shape[0], 0
    start = time.perf_counter()
    while done < steps:
        perm = torch.randperm(n)
        for i in range(0, n, 10):
            idx = perm[i:i + 10]
            opt.zero_grad()
            loss = loss_fn(model(x[idx]), y[idx])
            loss.backward()
            opt.step()
            done += 1
            if done == steps:
                break
    return time.perf_counter() - start


def dataloader_loop(steps: int) -> float:
    engine = Engine(EXPERIMENT)
    data = torch.utils.data.TensorDataset(engine.x_train, engine.y_train)
    loader = torch.utils.data.DataLoader(data, batch_size=10, shuffle=True)
    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(2, 8), nn.Tanh(), nn.Linear(8, 8), nn.Tanh(), nn.Linear(8, 2))
    opt = torch.optim.SGD(model.parameters(), lr=0.03)
    loss_fn = nn.CrossEntropyLoss()
    done = 0
    start = time.perf_counter()
    while done < steps:
        for xb, yb in loader:
            opt.zero_grad()
            loss_fn(model(xb), yb).backward()
            opt.step()
            done += 1
            if done == steps:
                break
    return time.perf_counter() - start


def engine_loop(steps: int, snapshots_per_second: float = 0.0) -> float:
    engine = Engine(EXPERIMENT)
    interval = 1.0 / snapshots_per_second if snapshots_per_second else float("inf")
    start = last = time.perf_counter()
    for _ in range(steps):
        now = time.perf_counter()
        capture = now - last >= interval
        engine.train_step(capture=capture)
        if capture:
            engine.snapshot()
            last = now
    return time.perf_counter() - start


def best_of(fn, repeats: int, *args) -> float:
    times = [fn(*args) for _ in range(repeats)]
    return min(times), statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=5000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--threads", type=int, default=0, help="torch intra-op threads (0: leave as is)")
    args = parser.parse_args()
    if args.threads:
        torch.set_num_threads(args.threads)
    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads, {args.steps} steps of a 2-8-8-2 tanh "
          f"net, batch 10, best of {args.repeats}")
    bare, bare_med = best_of(bare_loop, args.repeats, args.steps)
    rows = [
        ("bare PyTorch loop", bare, bare_med),
        ("DataLoader loop", *best_of(dataloader_loop, args.repeats, args.steps)),
        ("engine, no snapshots", *best_of(engine_loop, args.repeats, args.steps)),
        ("engine, 30 snapshots/s", *best_of(engine_loop, args.repeats, args.steps, 30.0)),
    ]
    print(f"{'loop':<26}{'µs/step':>10}{'steps/s':>10}{'ratio vs bare':>15}")
    for name, best, median in rows:
        print(f"{name:<26}{best / args.steps * 1e6:>10.1f}{args.steps / best:>10.0f}{bare / best:>15.2f}"
              f"   (median {median / args.steps * 1e6:.1f} µs)")


if __name__ == "__main__":
    main()
