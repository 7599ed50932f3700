"""The runner dies (``kill -9``, the OOM killer, a crash in an extension): the window notices, says so,
starts a new runner from the newest trained state it holds, and loses no edit and no save.

Killed twice in the same test: Jupyter's restarter once could "only autorestart once".
"""

from __future__ import annotations

import contextlib
import os
import signal
import time
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtWidgets import QMessageBox, QWidget
from window_helpers import Shown, capture_message_boxes, open_window

from playground.app import runner_keeper, training, worker
from playground.app.main_window import MainWindow
from playground.core.experiment_io import load_experiment
from playground.core.spec import DataSpec, Experiment, LayerSpec, ModelSpec, OptimizerSpec, TrainingSpec
from playground.core.status import IDLE, PAUSED, TRAINING

pytestmark = pytest.mark.skipif(os.environ.get("PLAYGROUND_WORKER", "process") != "process",
                                reason="a runner thread cannot be killed on its own")


def small() -> Experiment:
    return Experiment(name="Small", data=DataSpec(kind="xor", samples=60),
                      model=ModelSpec(hidden=[LayerSpec(units=4)]),
                      training=TrainingSpec(optimizer=OptimizerSpec(name="sgd", lr=0.03), batch_size=10, epochs=0))


@pytest.fixture
def window(qtbot, settings) -> MainWindow:
    return open_window(qtbot, settings, small())


@pytest.fixture
def messages(monkeypatch) -> Shown:
    return capture_message_boxes(monkeypatch, QMessageBox.StandardButton.Ok)


def kill(window: MainWindow) -> int:
    pid = window.controller.worker.pid
    assert pid is not None
    os.kill(pid, signal.SIGKILL)
    return pid


def wait_restarted(qtbot, window: MainWindow, old_pid: int) -> None:
    """A new runner has rebuilt the engine: its pid differs and the status is a stopped engine's again."""
    c = window.controller
    qtbot.waitUntil(lambda: c.worker.pid not in (None, old_pid) and not c.busy and c.status.state == IDLE
                    and "restarting" not in str(c.status.message), timeout=60_000)


def train_then_pause(qtbot, window: MainWindow, more_than: int) -> int:
    c = window.controller
    c.start()
    qtbot.waitUntil(lambda: c.status.state == TRAINING and c.status.step > more_than, timeout=30_000)
    c.pause()
    qtbot.waitUntil(lambda: c.status.state == PAUSED, timeout=10_000)
    # Pause is told at once; the trained state follows a moment later: the window holds it then
    qtbot.waitUntil(lambda: getattr(c.last_trained(), "step", None) == c.status.step, timeout=10_000)
    return c.status.step


def rename(window: MainWindow, name: str) -> None:
    assert window.document.edit(lambda e: setattr(e, "name", name), "Rename")


# ---------------------------------------------------------------------------- mid-training, twice

def edit_kept_and_trains_again(qtbot, window) -> None:
    """After a restart: the user's edit is still there (unsaved), and Train trains on from the restored step."""
    c = window.controller
    assert window.document.experiment.name == "Mine" and window.document.modified
    before = c.status.step
    window.actions_.train.trigger()
    qtbot.waitUntil(lambda: c.status.state == TRAINING and c.status.step > before + 10, timeout=30_000)
    c.pause()
    qtbot.waitUntil(lambda: c.status.state == PAUSED, timeout=10_000)

def test_killed_twice_mid_training_it_restarts_each_time_from_the_last_state(qtbot, window, messages):
    c = window.controller
    rename(window, "Mine")
    for round_ in range(2):
        paused = train_then_pause(qtbot, window, c.status.step + 20)
        c.start()  # training again when the runner is killed: the steps since the pause may be lost
        qtbot.waitUntil(lambda p=paused: c.status.state == TRAINING and c.status.step > p, timeout=30_000)
        pid = kill(window)
        qtbot.waitUntil(lambda: "training process stopped" in window.statusBar().currentMessage(), timeout=30_000)
        wait_restarted(qtbot, window, pid)
        assert c.status.step >= paused, f"round {round_}: restarted at {c.status.step}, paused at {paused}"
        assert "restarted from step" in window.statusBar().currentMessage()
        edit_kept_and_trains_again(qtbot, window)
    assert not [m for m in messages if "could not be restarted" in m]


def test_a_command_sent_to_a_dead_runner_is_not_lost(qtbot, window):
    """Step pressed before the death is noticed: a new runner is started and it steps."""
    c = window.controller
    paused = train_then_pause(qtbot, window, 5)
    kill(window)
    window.actions_.step.trigger()
    qtbot.waitUntil(lambda: c.status.step == paused + 1 and c.status.state == PAUSED, timeout=60_000)


def test_the_gradients_history_survives_a_restart(qtbot, window):
    """Loss and accuracy curves come back with the trained state; the gradient norms did not."""
    c, plot = window.controller, window.inside.gradients

    def drawn() -> np.ndarray:
        c.flush_views()
        return plot.history.step if plot.history is not None else np.empty(0)

    paused = train_then_pause(qtbot, window, 30)
    qtbot.waitUntil(lambda: len(drawn()) > 3 and drawn()[-1] >= paused - 10, timeout=10_000)
    before = drawn().copy()
    for _round in range(2):  # and again after a second restart
        pid = kill(window)
        wait_restarted(qtbot, window, pid)
        at = c.status.step
        window.actions_.train.trigger()
        qtbot.waitUntil(lambda a=at: c.status.step > a + 30, timeout=30_000)
        c.pause()
        qtbot.waitUntil(lambda: c.status.state == PAUSED, timeout=10_000)
        qtbot.waitUntil(lambda a=at: drawn()[-1] > a, timeout=10_000)
        steps = drawn()
        assert steps[0] == before[0], f"the history starts over at step {steps[0]} (was {before[0]})"
        assert np.all(np.diff(steps) > 0), "one row per step, in order"
        assert set(before[before < at]) <= set(steps), "the rows before the restart are kept"
    window.actions_.reset.trigger()  # a new run's history starts anew: nothing of the old one is kept
    qtbot.waitUntil(lambda: c.status.step == 0, timeout=10_000)
    c.step()
    qtbot.waitUntil(lambda: c.status.step == 1 and len(drawn()) and drawn()[-1] == 1, timeout=10_000)
    assert drawn().max() == 1, drawn()


# ---------------------------------------------------------------------------- alive but not answering
@contextlib.contextmanager
def never_left_stopped():
    """Stopped runners, continued at the end whatever happened (none may outlive the test stopped)."""
    stopped: list[int] = []
    try:
        yield stopped
    finally:
        for pid in stopped:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGCONT)


def test_a_runner_stopped_twice_mid_training_is_restarted_each_time(qtbot, window, messages, monkeypatch):
    """SIGSTOP: the process lives but answers nothing (as one stuck in C code holding the GIL)."""
    monkeypatch.setattr(worker, "HANG_S", 3.0)
    c = window.controller
    rename(window, "Mine")
    bar = window.statusBar()
    with never_left_stopped() as stopped:
        for round_ in range(2):
            paused = train_then_pause(qtbot, window, c.status.step + 20)
            c.start()
            qtbot.waitUntil(lambda p=paused: c.status.state == TRAINING and c.status.step > p, timeout=30_000)
            pid = c.worker.pid
            os.kill(pid, signal.SIGSTOP)
            stopped.append(pid)
            qtbot.waitUntil(lambda: "stopped answering" in bar.currentMessage(), timeout=30_000)
            wait_restarted(qtbot, window, pid)
            assert "the training process stopped answering; restarted from step" in bar.currentMessage()
            assert c.status.step >= paused, f"round {round_}: restarted at {c.status.step}, paused at {paused}"
            qtbot.waitUntil(lambda p=pid: not Path(f"/proc/{p}").exists(), timeout=10_000)  # killed, reaped
            edit_kept_and_trains_again(qtbot, window)
    assert not [m for m in messages if "could not be restarted" in m]


def test_train_pressed_while_the_runner_is_stopped_trains_on_a_new_one(qtbot, window, monkeypatch):
    """Stopped while paused: nothing is owed until Train; its command is done by the new runner."""
    monkeypatch.setattr(worker, "HANG_S", 3.0)
    c = window.controller
    paused = train_then_pause(qtbot, window, 5)
    with never_left_stopped() as stopped:
        pid = c.worker.pid
        os.kill(pid, signal.SIGSTOP)
        stopped.append(pid)
        window.actions_.train.trigger()
        qtbot.waitUntil(lambda: c.worker.pid != pid and c.status.state == TRAINING and c.status.step > paused,
                        timeout=60_000)


def test_a_busy_runner_is_not_hung(qtbot, window, monkeypatch):
    """A step longer than ``HANG_S`` is no hang: the runner's heartbeat comes from another thread."""
    from runner_busy import busy

    monkeypatch.setattr(worker, "HANG_S", 1.5)
    c = window.controller
    pid = c.worker.pid
    assert c.call(busy, 4.0) == 4.0  # the training thread busy well past HANG_S
    assert c.worker.pid == pid and not c.worker.hung


# ---------------------------------------------------------------------------- mid-build, mid-save, mid-export
def kill_before(monkeypatch, window: MainWindow, command: str) -> list[int]:
    """Kill the runner the first time the window sends ``command`` (a protocol class name), just
    before it goes: the runner dies with the request on its way."""
    killed: list[int] = []
    original = worker.EngineWorker.post

    def post(self, message, *args, **kwargs):
        if not killed and type(message).__name__ == command and self.pid is not None:
            killed.append(self.pid)
            os.kill(self.pid, signal.SIGKILL)
        return original(self, message, *args, **kwargs)

    monkeypatch.setattr(worker.EngineWorker, "post", post)
    return killed


def test_killed_mid_build_the_edit_is_kept_and_built(qtbot, window, monkeypatch, messages):
    generation = window.controller.generation
    killed = kill_before(monkeypatch, window, "Build")
    assert window.document.edit(lambda e: setattr(e.model.hidden[0], "units", 7), "Units")  # a new engine
    assert killed
    # the new runner built the edited model (the diagram shows as many of its units as fit)
    qtbot.waitUntil(lambda: window.controller.generation != generation and not window.controller.busy,
                    timeout=60_000)
    assert window.document.experiment.model.hidden[0].units == 7 and window.document.modified
    window.controller.step()
    qtbot.waitUntil(lambda: window.controller.status.step == 1, timeout=30_000)
    assert not messages, messages


def test_killed_mid_save_the_save_succeeds_with_the_trained_state(qtbot, window, monkeypatch, messages, tmp_path):
    rename(window, "Mine")
    paused = train_then_pause(qtbot, window, 10)
    killed = kill_before(monkeypatch, window, "ReadExperiment")
    path = tmp_path / "mine.json"
    assert window.files.save_to(path), messages
    assert killed
    saved = load_experiment(path)
    assert saved.name == "Mine" and saved.state is not None and saved.state.step == paused
    assert not window.document.modified
    wait_restarted(qtbot, window, killed[0])
    assert window.controller.status.step == paused and not window.document.modified


def test_killed_mid_export_the_export_is_done_by_a_new_runner(qtbot, window, monkeypatch, messages, tmp_path):
    rename(window, "Mine")
    train_then_pause(qtbot, window, 10)
    killed = kill_before(monkeypatch, window, "Export")
    path = tmp_path / "weights.pt"
    assert window.files.export_weights_to(path), messages
    assert killed and path.is_file() and path.stat().st_size > 0
    assert window.document.experiment.name == "Mine"


# ---------------------------------------------------------------------------- no runner at all
def test_save_works_when_the_runner_cannot_be_restarted(qtbot, window, monkeypatch, messages, tmp_path):
    monkeypatch.setattr(runner_keeper, "MAX_RESTARTS", 0)
    c = window.controller
    rename(window, "Mine")
    paused = train_then_pause(qtbot, window, 10)
    c.start()
    qtbot.waitUntil(lambda: c.status.step > paused + 5, timeout=30_000)
    kill(window)
    qtbot.waitUntil(lambda: "could not be restarted" in window.statusBar().currentMessage(), timeout=30_000)
    assert not c.runner_alive
    path = tmp_path / "mine.json"
    assert window.files.save_to(path), messages
    saved = load_experiment(path)
    assert saved.name == "Mine" and saved.state is not None and saved.state.step == paused
    assert f"trained state from step {paused}" in window.statusBar().currentMessage()
    window.document.edit(lambda e: setattr(e, "name", "Again"), "Rename")  # edits and autosave go on
    assert window.autosave.tick()
    window.autosave.flush()
    assert load_experiment(window.autosave.file).state.step == paused


def test_closing_with_a_hung_runner_returns_within_the_shutdown_timeout(qtbot, settings, monkeypatch):
    monkeypatch.setattr(training, "SHUTDOWN_WAIT_S", 1.0)
    window = open_window(qtbot, settings, small())
    window.controller.start()
    qtbot.waitUntil(lambda: window.controller.status.state == TRAINING, timeout=30_000)
    pid = window.controller.worker.pid
    os.kill(pid, signal.SIGSTOP)  # hung: alive, answers nothing
    try:
        started = time.monotonic()
        window.close()
        took = time.monotonic() - started
    finally:
        if Path(f"/proc/{pid}").exists():  # never leave a stopped process behind, whatever happened
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGCONT)
    assert took < 1.0 + 3.0, f"closing took {took:.1f} s with a 1 s shutdown timeout"
    assert not Path(f"/proc/{pid}").exists(), "the stopped runner was killed and reaped"


def test_the_message_names_the_exit_code(qtbot, window):
    pid = kill(window)
    qtbot.waitUntil(lambda: "exit code -9" in window.statusBar().currentMessage(), timeout=30_000)
    wait_restarted(qtbot, window, pid)
    assert window.findChild(QWidget, "trainingError") is None, "a restart is told in the status bar, not a box"


# ---------------------------------------------------------------------------- spawn (what Windows uses)
@pytest.fixture
def spawn(monkeypatch):
    """Runner processes start by ``spawn`` (a fresh interpreter importing everything) for this test."""
    from playground.app import processes

    monkeypatch.setenv(processes.START_ENV, "spawn")
    monkeypatch.setattr(processes, "_context", None)


def test_the_window_trains_saves_and_restarts_with_spawned_runners(qtbot, settings, spawn, messages, tmp_path):
    window = open_window(qtbot, settings, small())
    c = window.controller
    assert type(c.worker._process._popen).__module__.endswith("popen_spawn_posix")
    rename(window, "Mine")
    paused = train_then_pause(qtbot, window, 5)
    pid = kill(window)
    wait_restarted(qtbot, window, pid)
    assert c.status.step == paused
    window.actions_.step.trigger()
    qtbot.waitUntil(lambda: c.status.step == paused + 1, timeout=60_000)
    path = tmp_path / "mine.json"
    assert window.files.save_to(path), messages
    assert load_experiment(path).state.step == paused + 1
