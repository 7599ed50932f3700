"""The CUDA path really trains (skipped on machines without a GPU)."""

from __future__ import annotations

import pytest
import torch

from playground.core.engine import Engine
from playground.core.experiment_io import dumps, parse_experiment
from playground.core.spec import DataSpec, Experiment, LayerSpec, ModelSpec, OptimizerSpec, TrainingSpec

pytestmark = [
    pytest.mark.gpu,
    pytest.mark.skipif(not torch.cuda.is_available(), reason="needs a CUDA device"),
]


def spiral(device: str) -> Experiment:
    return Experiment(
        data=DataSpec(kind="spiral", samples=500, noise=0.1, seed=1, features=["x1", "x2", "sin_x1", "sin_x2"]),
        model=ModelSpec(hidden=[LayerSpec(units=8), LayerSpec(units=8, dropout=0.1)]),
        training=TrainingSpec(optimizer=OptimizerSpec(name="adam", lr=0.01), device=device),
    )


def test_cuda_trains_the_spiral_and_agrees_with_cpu_at_the_start():
    gpu, cpu = Engine(spiral("cuda:0")), Engine(spiral("cpu"))
    assert all(p.is_cuda for p in gpu.model.parameters())
    assert gpu.metrics.train_loss == pytest.approx(cpu.metrics.train_loss, rel=1e-5)
    gpu.train(60)
    assert gpu.metrics.test_metric >= 0.9
    snap = gpu.snapshot()
    assert snap.device == "cuda:0" and snap.boundary.values.shape == (100, 100, 2)


def test_a_file_trained_on_cuda_continues_on_cpu():
    gpu = Engine(spiral("cuda:0"))
    gpu.train(3)
    resumed = Engine(parse_experiment(dumps(gpu.experiment())), device="cpu")
    assert resumed.epoch == 3
    assert resumed.metrics.train_loss == pytest.approx(gpu.metrics.train_loss, rel=1e-4)
    resumed.train(1)
    assert resumed.epoch == 4


def test_auto_picks_the_gpu():
    assert Engine(spiral("auto")).device.type == "cuda"
