"""The runner's life under a user's worst habits (issue 11's thread lifecycle): random actions,
windows opened and closed mid-training, files opened mid-training, a missing device.

Every test here would hang (and fail by timeout) on a deadlock; the autouse fixture fails any test
that leaves a runner alive, and the suite's Qt-warning setting fails any test that makes Qt warn.
"""

from __future__ import annotations

import itertools
import random
from operator import attrgetter

import pytest
from window_helpers import open_window

from playground.app.training import TrainingController
from playground.app.worker import live_runners
from playground.core.experiment_io import save_experiment
from playground.core.spec import DataSpec, Experiment, LayerSpec, ModelSpec, OptimizerSpec, TrainingSpec
from playground.core.status import DIVERGED, FINISHED, IDLE, PAUSED, TRAINING

STOPPED = (IDLE, PAUSED, FINISHED, DIVERGED)


def xor(units: int = 4, epochs: int = 0, device: str = "auto") -> Experiment:
    return Experiment(
        name="XOR", data=DataSpec(kind="xor", samples=100, noise=0.0),
        model=ModelSpec(hidden=[LayerSpec(units=units)]),
        training=TrainingSpec(optimizer=OptimizerSpec(name="sgd", lr=0.03), batch_size=10, epochs=epochs,
                              device=device))


def test_two_hundred_random_actions_leave_a_working_runner(qtbot) -> None:
    rng = random.Random(11)
    controller = TrainingController()
    steps_seen: list[tuple[int, int]] = []
    controller.snapshotReady.connect(lambda s: steps_seen.append((controller.generation, s.step)))
    try:
        controller.build(xor(), None)
        for _ in range(200):
            action = rng.choice(["start", "pause", "step", "step_epoch", "stop", "reset", "rebuild", "lr", "wait"])
            if action == "rebuild":
                controller.build(xor(units=rng.choice([2, 4, 6]), epochs=rng.choice([0, 3])), None)
            elif action == "lr":
                controller.set_option("lr", rng.choice([0.01, 0.03, 0.1]))
            elif action == "wait":
                qtbot.wait(rng.randint(1, 30))
            else:
                getattr(controller, action)()
        controller.pause()
        before = controller.call(attrgetter("step"))  # answered after every queued command
        qtbot.waitUntil(lambda: controller.status.state in STOPPED, timeout=10_000)
        controller.step()
        try:
            qtbot.waitUntil(lambda: controller.status.step == before + 1, timeout=10_000)
        except Exception:
            raise AssertionError(f"{controller.status} before={before}") from None
        assert controller.worker.alive()
    finally:
        controller.shutdown()
    assert not controller.worker.alive()
    by_engine: dict[int, list[int]] = {}
    for generation, step in steps_seen:
        by_engine.setdefault(generation, []).append(step)
    for generation, steps in by_engine.items():  # snapshots of one engine arrive in order
        later = [b for a, b in itertools.pairwise(steps) if b < a]
        assert all(b == 0 for b in later), f"engine {generation}: a snapshot went back in time ({steps})"


@pytest.mark.slow
def test_twenty_windows_closed_mid_training(qtbot, settings) -> None:
    for _ in range(20):
        window = open_window(qtbot, settings, xor())
        window.controller.start()
        qtbot.waitUntil(lambda w=window: w.controller.status.state == TRAINING, timeout=10_000)
        window.close()
        assert not window.controller.worker.alive()
    assert live_runners() == []


def test_open_another_file_mid_training(qtbot, settings, tmp_path) -> None:
    window = open_window(qtbot, settings, xor())
    other = tmp_path / "other.json"
    save_experiment(xor(units=7).model_copy(update={"name": "Other"}), other)
    window.controller.start()
    qtbot.waitUntil(lambda: window.controller.status.step > 20, timeout=10_000)
    assert window.files.open_path(other, ask=False)
    assert window.document.experiment.name == "Other"
    assert window.controller.status.state == IDLE and window.controller.status.step == 0
    qtbot.waitUntil(lambda: window.diagram.node_count == 2 + 7 + 2, timeout=5000)
    window.controller.start()
    qtbot.waitUntil(lambda: window.controller.status.step > 5, timeout=10_000)
    window.controller.pause()
    qtbot.waitUntil(lambda: window.controller.status.state == PAUSED, timeout=5000)


def test_change_device_while_paused_rebuilds_on_the_new_device(qtbot, settings, monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Apply)
    window = open_window(qtbot, settings, xor(device="auto"))
    window.controller.start()
    qtbot.waitUntil(lambda: window.controller.status.step > 10, timeout=10_000)
    window.controller.pause()
    qtbot.waitUntil(lambda: window.controller.status.state == PAUSED, timeout=5000)
    window.document.edit(lambda e: setattr(e.training, "device", "cpu"), "Change device")
    qtbot.waitUntil(lambda: window.controller.status.step == 0 and window.controller.status.device == "cpu",
                    timeout=10_000)


def test_a_missing_gpu_falls_back_to_the_cpu_and_says_so(qtbot, settings) -> None:
    import torch

    if torch.cuda.is_available():
        pytest.skip("this machine has the GPU the file asks for")
    window = open_window(qtbot, settings, xor(device="cuda:0"))
    status = window.controller.status
    assert status.device == "cpu"
    assert "cuda:0 is not available here; training on the CPU instead" in status.notes
    qtbot.waitUntil(lambda: "cuda:0 is not available" in window.statusBar().currentMessage(), timeout=5000)
    window.controller.step()
    qtbot.waitUntil(lambda: window.controller.status.step == 1, timeout=5000)
    assert window.document.experiment.training.device == "cuda:0"  # the file keeps asking for the GPU
