"""Engine steps per second on each device torch reports, for a tiny and a wide network.

A GPU only pays off once the network and batch are large; this shows where.
Run: `python bench/device_speed.py [--steps N]`.
"""

from __future__ import annotations

import argparse
import time

import torch

from playground.core.engine import Engine
from playground.core.registry import available_devices
from playground.core.spec import DataSpec, Experiment, LayerSpec, ModelSpec, OptimizerSpec, TrainingSpec

CASES = {
    "2-8-8-2, batch 10": ([8, 8], 10),
    "2-256x4-2, batch 256": ([256] * 4, 256),
    "2-1024x8-2, batch 1024": ([1024] * 8, 1024),
}


def steps_per_second(device: str, hidden: list[int], batch: int, steps: int) -> float:
    exp = Experiment(
        data=DataSpec(kind="spiral", samples=4000, noise=0.1, seed=1),
        model=ModelSpec(hidden=[LayerSpec(units=u, activation="relu") for u in hidden]),
        training=TrainingSpec(optimizer=OptimizerSpec(name="adam", lr=0.001), batch_size=batch, device=device),
    )
    engine = Engine(exp)
    for _ in range(20):
        engine.train_step()
    if engine.device.type == "cuda":
        torch.cuda.synchronize()
    start = time.perf_counter()
    for _ in range(steps):
        engine.train_step()
    if engine.device.type == "cuda":
        torch.cuda.synchronize()
    return steps / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=500)
    args = parser.parse_args()
    devices = [d.key for d in available_devices() if d.key != "auto"]
    print(f"torch {torch.__version__}; devices: {', '.join(devices)}")
    for name, (hidden, batch) in CASES.items():
        cells = [f"{d}: {steps_per_second(d, hidden, batch, args.steps):8.0f} steps/s" for d in devices]
        print(f"{name:<24}" + "   ".join(cells))


if __name__ == "__main__":
    main()
