"""Engine speed against a bare PyTorch loop, measured in the same run, and whether the numbers agree.

For each setting it times, in interleaved bursts (so a busy machine slows every loop alike, and
the fastest burst of each is compared):
- a bare loop: the textbook ``zero_grad → forward → loss → backward → step`` on the same data,
  the same initial weights and the same batch order as the engine;
- the engine with no snapshots;
- the engine publishing a snapshot every 1/30 s with every view the window can show (gradient
  statistics and histories, inspector, neuron maps, boundary, diagnostics), as the runner does.
Ratios are bare time / engine time (above 1: the engine is faster). It also trains both for a few
epochs and compares their losses: bit-identical for SGD, relative difference for the others.

    python bench/engine_speed.py [--setting spiral-sgd|spiral-example|scale] [--bursts 30] [--json]
"""

from __future__ import annotations

import argparse
import copy
import json
import time

import numpy as np
import torch

from playground.core.engine import Engine
from playground.core.experiment_io import load_experiment
from playground.core.registry import OPTIMIZERS
from playground.core.resources import examples_dir
from playground.core.spec import DataSpec, Experiment, LayerSpec, ModelSpec, OptimizerSpec, TrainingSpec
from playground.core.threads import configure_threads
from playground.core.views import ViewRequest

ALL_VIEWS = ViewRequest(neurons=True, links=True, inspect="0.weight")


def settings() -> dict[str, Experiment]:
    spiral = Experiment(
        data=DataSpec(kind="spiral", samples=500, noise=0.1, seed=1, train_fraction=0.5),
        model=ModelSpec(hidden=[LayerSpec(units=8), LayerSpec(units=8)]),
        training=TrainingSpec(optimizer=OptimizerSpec(name="sgd", lr=0.03), batch_size=10, device="cpu"))
    example = load_experiment(examples_dir() / "spiral.json")
    example.training.device = "cpu"
    scale = Experiment(
        data=DataSpec(kind="blobs", samples=100, classes=10),  # the data itself comes from scale_engine
        model=ModelSpec(hidden=[LayerSpec(units=256, activation="relu"), LayerSpec(units=256, activation="relu")]),
        training=TrainingSpec(optimizer=OptimizerSpec(name="adam", lr=0.001), batch_size=256, device="cpu"))
    return {"spiral-sgd": spiral, "spiral-example": example, "scale": scale}


def scale_engine(experiment: Experiment, device: str = "cpu") -> Engine:
    """100 000 samples × 64 features, 10 classes (a synthetic table, no file needed)."""
    from playground.core.data.dataset import Dataset

    rng = np.random.default_rng(0)
    n, d, k = 100_000, 64, 10
    centres = rng.normal(size=(k, d)) * 1.5
    y = rng.integers(0, k, n)
    x = centres[y] + rng.normal(size=(n, d))
    half = n // 2
    ds = Dataset(task="classification", x_train=x[:half], y_train=y[:half], x_test=x[half:], y_test=y[half:],
                 raw_names=[f"f{i}" for i in range(d)], class_names=[str(i) for i in range(k)])
    return Engine(experiment, dataset=ds, device=device)


def make_engine(name: str, experiment: Experiment, device: str = "cpu") -> Engine:
    engine = scale_engine(experiment, device) if name == "scale" else Engine(experiment, device=device)
    configure_threads(engine)
    return engine


class Bare:
    """The textbook loop on the engine's tensors, weights, batch order and loss."""

    def __init__(self, engine: Engine) -> None:
        self.x, self.y = engine.x_train, engine.y_train
        self.model = copy.deepcopy(engine.model)
        opt = engine.spec.training.optimizer
        self.optimizer = OPTIMIZERS[opt.name].build(self.model.parameters(), opt.values())
        self.loss_fn = engine.loss_fn
        self.generator = torch.Generator().manual_seed(engine.spec.training.seed)
        self.n, self.batch = engine.n_train, engine.batch_size
        self.i = self.n
        self.device = engine.device

    def step(self) -> float:
        if self.i >= self.n:
            self.perm = torch.randperm(self.n, generator=self.generator).to(self.device)
            self.i = 0
        idx = self.perm[self.i:self.i + self.batch]
        self.i += self.batch
        self.optimizer.zero_grad()
        loss = self.loss_fn(self.model(self.x[idx]), self.y[idx])
        loss.backward()
        self.optimizer.step()
        return loss.item()


class Publishing:
    """The engine as the runner drives it: a snapshot of every view every 1/30 s."""

    def __init__(self, engine: Engine) -> None:
        self.engine, self.last = engine, 0.0

    def step(self) -> None:
        now = time.perf_counter()
        publish = now - self.last >= 1 / 30
        self.engine.train_step(capture=publish)
        if publish:
            self.engine.snapshot(ALL_VIEWS, complete=False)
            self.last = now


def sync(device: torch.device) -> None:
    if device.type == "cuda":
        torch.cuda.synchronize(device)


def time_loops(loops: dict, bursts: int, steps: int, device: torch.device) -> dict[str, float]:
    best = {k: float("inf") for k in loops}
    for _ in range(bursts):
        for name, step in loops.items():
            sync(device)
            t = time.perf_counter()
            for _ in range(steps):
                step()
            sync(device)
            best[name] = min(best[name], (time.perf_counter() - t) / steps)
    return best


def agreement(name: str, experiment: Experiment, steps: int, device: str) -> tuple[float, int]:
    """Max relative difference of the batch losses over ``steps`` steps (0.0: bit-identical)."""
    engine = make_engine(name, experiment, device)
    bare = Bare(engine)
    ours = []
    for _ in range(steps):
        engine.train_step()
        ours.append(engine.batch_loss)
    theirs = [bare.step() for _ in range(steps)]
    a, b = np.array(ours), np.array(theirs)
    return float(np.max(np.abs(a - b) / np.maximum(np.abs(b), 1e-30))), steps


def run(name: str, experiment: Experiment, bursts: int, device: str) -> dict:
    steps = 20 if name == "scale" else 100
    engine = make_engine(name, experiment, device)
    plain = make_engine(name, experiment, device)
    loops = {"bare": Bare(make_engine(name, experiment, device)).step, "engine": plain.train_step,
             "engine+views": Publishing(engine).step}
    best = time_loops(loops, bursts, steps, engine.device)
    diff, compared = agreement(name, experiment, 300 if name != "scale" else 100, device)
    return {
        "setting": name, "device": str(engine.device), "threads": torch.get_num_threads(),
        "bare_us": best["bare"] * 1e6, "engine_us": best["engine"] * 1e6,
        "engine_views_us": best["engine+views"] * 1e6,
        "ratio_engine": best["bare"] / best["engine"], "ratio_engine_views": best["bare"] / best["engine+views"],
        "steps_per_s_engine_views": 1 / best["engine+views"], "loss_max_rel_diff": diff,
        "losses_compared": compared,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--setting", action="append", choices=("spiral-sgd", "spiral-example", "scale"))
    parser.add_argument("--bursts", type=int, default=30)
    parser.add_argument("--device", default="cpu")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    chosen = args.setting or ["spiral-sgd", "spiral-example"]
    all_settings = settings()
    rows = [run(name, all_settings[name], args.bursts, args.device) for name in chosen]
    if args.json:
        for row in rows:
            print(json.dumps(row))
        return
    print(f"torch {torch.__version__}, best burst of {args.bursts}")
    print(f"{'setting':<16}{'bare µs':>9}{'engine µs':>11}{'ratio':>7}{'+views µs':>11}{'ratio':>7}"
          f"{'losses':>22}")
    for r in rows:
        same = "bit-identical" if r["loss_max_rel_diff"] == 0 else f"max rel {r['loss_max_rel_diff']:.1e}"
        print(f"{r['setting']:<16}{r['bare_us']:>9.0f}{r['engine_us']:>11.0f}{r['ratio_engine']:>7.2f}"
              f"{r['engine_views_us']:>11.0f}{r['ratio_engine_views']:>7.2f}{same:>22}")


if __name__ == "__main__":
    main()
