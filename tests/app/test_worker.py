"""The training thread through its GUI-side handle: commands, snapshots, status, errors, shutdown."""

from __future__ import annotations

import math
import time
from collections.abc import Iterator
from operator import attrgetter

import pytest

from playground.app.training import TrainingController
from playground.app.worker import SnapshotBuffer
from playground.core.runner import PUBLISH_HZ
from playground.core.spec import (
    CsvSpec,
    DataSpec,
    Experiment,
    LayerSpec,
    ModelSpec,
    OptimizerSpec,
    TrainingSpec,
)
from playground.core.status import DIVERGED, FINISHED, IDLE, PAUSED, TRAINING


def xor(epochs: int = 0, lr: float = 0.03) -> Experiment:
    return Experiment(
        name="XOR",
        data=DataSpec(kind="xor", samples=200, noise=0.0),
        model=ModelSpec(hidden=[LayerSpec(units=8, activation="tanh")]),
        training=TrainingSpec(optimizer=OptimizerSpec(name="sgd", lr=lr), batch_size=10, epochs=epochs))


@pytest.fixture
def controller(qtbot) -> Iterator[TrainingController]:
    c = TrainingController()
    c.build(xor(), None)
    yield c
    c.shutdown()


def wait_state(qtbot, c: TrainingController, state: str, timeout: int = 10_000) -> None:
    qtbot.waitUntil(lambda: c.status.state == state, timeout=timeout)


def test_buffer_keeps_only_the_newest() -> None:
    buffer = SnapshotBuffer()
    assert buffer.take() is None
    buffer.put("a")  # type: ignore[arg-type]
    buffer.put("b")  # type: ignore[arg-type]
    assert buffer.take() == "b"
    assert buffer.take() is None


def test_build_publishes_a_snapshot_at_once(controller: TrainingController) -> None:
    assert controller.latest is not None
    assert controller.latest.step == 0
    assert controller.latest.boundary is not None
    assert controller.dataset is not None and controller.dataset.raw_dim == 2
    assert controller.status.state == IDLE


def test_xor_trains_to_full_accuracy(qtbot, controller: TrainingController) -> None:
    controller.start()
    qtbot.waitUntil(lambda: controller.latest is not None and controller.latest.metrics.train_metric >= 1.0,
                    timeout=60_000)
    controller.pause()
    wait_state(qtbot, controller, PAUSED)
    assert controller.latest.metrics.train_metric == 1.0
    assert controller.call(process_name) == "TrainingProcess"  # trained in its own process


def process_name(_engine) -> str:
    import multiprocessing
    return multiprocessing.current_process().name


def state_dict_names(engine) -> set[str]:
    return set(engine.model.state_dict())


def test_step_when_paused_advances_exactly_one(qtbot, controller: TrainingController) -> None:
    controller.start()
    qtbot.waitUntil(lambda: controller.status.step > 20, timeout=10_000)
    controller.pause()
    wait_state(qtbot, controller, PAUSED)
    before = controller.call(attrgetter("step"))
    with qtbot.waitSignal(controller.snapshotReady, timeout=5000):
        controller.step()
        qtbot.waitUntil(lambda: controller.status.step == before + 1, timeout=5000)
    assert controller.call(attrgetter("step")) == before + 1
    assert controller.status.state == PAUSED
    controller.step_epoch()
    qtbot.waitUntil(lambda: controller.latest.batch_in_epoch == 0 and controller.latest.step > before + 1,
                    timeout=5000)
    assert controller.call(attrgetter("cursor")) == 0
    controller.start()
    wait_state(qtbot, controller, TRAINING)
    controller.stop()
    wait_state(qtbot, controller, IDLE)


def test_learning_rate_changes_between_steps(qtbot, controller: TrainingController) -> None:
    controller.start()
    controller.set_option("lr", 0.1)
    qtbot.waitUntil(lambda: controller.call(attrgetter("lr")) == pytest.approx(0.1), timeout=5000)
    controller.set_option("batch_size", 20)
    assert controller.call(attrgetter("steps_per_epoch")) == 5
    controller.pause()
    wait_state(qtbot, controller, PAUSED)


def test_stops_by_itself_at_the_epoch_limit(qtbot) -> None:
    c = TrainingController()
    try:
        c.build(xor(epochs=3), None)
        c.start()
        wait_state(qtbot, c, FINISHED)
        assert c.call(attrgetter("epoch")) == 3
        assert c.latest.epoch == 3
        c.start()  # at the limit Train explains instead of training on
        qtbot.waitUntil(lambda: "epoch limit" in c.status.message, timeout=5000)
        c.set_epoch_limit(5)
        c.start()
        qtbot.waitUntil(lambda: c.status.state == FINISHED and c.status.epoch == 5, timeout=10_000)
    finally:
        c.shutdown()


def test_divergence_is_reported_in_words_and_the_thread_lives_on(qtbot) -> None:
    c = TrainingController()
    try:
        c.build(Experiment(data=DataSpec(kind="sine", samples=200, noise=0.0),
                           model=ModelSpec(hidden=[LayerSpec(units=64, activation="relu")] * 3),
                           training=TrainingSpec(optimizer=OptimizerSpec(name="sgd", lr=10.0, momentum=0.99),
                                                 batch_size=1, epochs=0)), None)
        with qtbot.waitSignal(c.failed, timeout=30_000) as blocker:
            c.start()
        assert "loss became" in blocker.args[0]
        wait_state(qtbot, c, DIVERGED)
        assert c.worker.alive()
        c.reset()
        wait_state(qtbot, c, IDLE)
        assert c.call(attrgetter("step")) == 0
    finally:
        c.shutdown()


def test_errors_inside_the_worker_become_messages(qtbot, controller: TrainingController) -> None:
    with qtbot.waitSignal(controller.failed, timeout=5000) as blocker:
        controller.set_option("no_such_option", 1.0)
    assert "no_such_option" in blocker.args[0]
    assert controller.worker.alive()
    controller.step()  # still usable
    qtbot.waitUntil(lambda: controller.status.step == 1, timeout=5000)


def test_failed_build_keeps_the_old_engine(qtbot, controller: TrainingController, tmp_path) -> None:
    dataset = controller.dataset
    bad = Experiment(data=DataSpec(kind="csv", csv=CsvSpec(path="missing.csv", target="y")))
    with pytest.raises(Exception, match=r"missing\.csv"):
        controller.build(bad, tmp_path)
    assert controller.dataset is dataset
    controller.step()
    qtbot.waitUntil(lambda: controller.status.step == 1, timeout=5000)


def test_snapshots_are_throttled(qtbot, controller: TrainingController) -> None:
    """At most ``PUBLISH_HZ`` snapshots a second, measured over the run itself (no fixed wait)."""
    published = []
    original = controller.buffer.put
    controller.buffer.put = lambda s: (published.append(time.perf_counter()), original(s))  # type: ignore
    controller.start()
    qtbot.waitUntil(lambda: controller.status.step > 300 and len(published) >= 5, timeout=60_000)
    controller.pause()
    wait_state(qtbot, controller, PAUSED)
    steps = controller.status.step
    span = published[-1] - published[0]
    assert len(published) <= span * PUBLISH_HZ * 1.25 + 3, f"{len(published)} snapshots in {span:.2f} s"
    assert steps > 3 * len(published), "training should run many steps per published snapshot"


def test_experiment_with_state_is_consistent(qtbot, controller: TrainingController) -> None:
    controller.start()
    qtbot.waitUntil(lambda: controller.status.epoch >= 3, timeout=10_000)
    experiment = controller.experiment()  # read while training goes on
    assert experiment.state is not None
    rows = len(experiment.state.history.columns["step"])
    assert rows == experiment.state.epoch + 1
    assert experiment.state.history.columns["step"][-1] <= experiment.state.step
    assert controller.call(state_dict_names) == {"0.weight", "0.bias", "2.weight", "2.bias"}


def test_shutdown_mid_training_stops_the_runner_by_itself(qtbot) -> None:
    """Quit is answered between two steps: the runner ends on its own, not killed at the timeout."""
    c = TrainingController()
    c.build(xor(), None)
    c.start()
    wait_state(qtbot, c, TRAINING)
    process = c.worker._process
    c.shutdown()
    assert not c.worker.alive()
    assert process.exitcode == 0


def test_a_dead_runner_is_one_exception(qtbot, controller: TrainingController, monkeypatch) -> None:
    """Pending requests and requests to a runner that cannot be restarted fail with ``RunnerDied``."""
    import os
    import signal

    from playground.app import runner_keeper
    from playground.core.protocol import RunnerDied

    monkeypatch.setattr(runner_keeper, "MAX_RESTARTS", 0)
    pending = controller.call_later(sleep_then_step, 30.0)
    qtbot.waitUntil(lambda: controller.status.generation > 0, timeout=5000)
    os.kill(controller.worker.pid, signal.SIGKILL)
    qtbot.waitUntil(pending.done, timeout=30_000)
    assert isinstance(pending.exception(), RunnerDied)
    qtbot.waitUntil(lambda: not controller.runner_alive, timeout=30_000)
    with pytest.raises(RunnerDied):
        controller.call(attrgetter("step"))


def sleep_then_step(engine, seconds: float) -> int:
    time.sleep(seconds)
    return engine.step


def test_statuses_report_rate_and_time(qtbot, controller: TrainingController) -> None:
    controller.start()
    qtbot.waitUntil(lambda: controller.status.steps_per_second > 0, timeout=10_000)
    assert controller.status.device == "cpu"
    assert controller.status.seconds > 0
    controller.pause()
    wait_state(qtbot, controller, PAUSED)
    assert not math.isnan(controller.latest.batch_loss)
