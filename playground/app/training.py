"""GUI-side handle on the training thread: commands out, snapshots and status in.

The GUI never touches the engine; it posts commands and draws what the worker publishes. A
``QTimer`` at ``REFRESH_MS`` takes the newest snapshot from the latest-wins buffer and hands it to
every registered view, so drawing cost never slows training and stale frames are simply skipped.
"""

from __future__ import annotations

import logging
from concurrent.futures import CancelledError, Future
from concurrent.futures import TimeoutError as FutureTimeout
from pathlib import Path
from typing import Any, Protocol

import torch
from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from playground.app.worker import (
    DIVERGED,
    FINISHED,
    IDLE,
    PAUSED,
    TRAINING,
    SnapshotBuffer,
    TrainingThread,
    WorkerStatus,
)
from playground.core.data.dataset import Dataset
from playground.core.snapshot import Snapshot
from playground.core.spec import Experiment

log = logging.getLogger(__name__)

REFRESH_MS = 33
"""GUI refresh period (~30 Hz), matching the worker's publishing rate."""
REQUEST_TIMEOUT_S = 120.0
"""Longest a synchronous request (build, read the experiment) may take: a big CSV data set."""
SHUTDOWN_WAIT_MS = 10_000


class View(Protocol):
    def update(self, snapshot: Snapshot) -> None: ...


class WorkerBusy(RuntimeError):
    """The worker did not answer in time (a very long step); the caller shows this in words."""


class TrainingController(QObject):
    """Owns the worker thread, the snapshot buffer and the refresh timer."""

    statusChanged = Signal(object)
    """``WorkerStatus`` of the current engine (statuses of replaced engines are dropped)."""
    snapshotReady = Signal(object)
    """The ``Snapshot`` just drawn."""
    failed = Signal(str)
    datasetChanged = Signal(object)
    """A new engine was built: its ``Dataset``."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.buffer = SnapshotBuffer()
        self.thread = TrainingThread(self.buffer)
        self.thread.statusChanged.connect(self._on_status)
        self.thread.failed.connect(self._on_failed)
        self.status = WorkerStatus()
        self.latest: Snapshot | None = None
        self.dataset: Dataset | None = None
        self.generation = 0
        self.views: list[View] = []
        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)
        self.thread.start()
        self._timer.start()

    # ------------------------------------------------------------------ state
    @property
    def state(self) -> str:
        return self.status.state

    @property
    def has_run(self) -> bool:
        """Weights worth keeping: trained and not diverged."""
        return self.status.step > 0 and self.status.state != DIVERGED

    def add_view(self, view: View) -> None:
        self.views.append(view)
        if self.latest is not None:
            view.update(self.latest)

    # ------------------------------------------------------------------ commands (asynchronous)
    def start(self) -> None:
        self.thread.post("start")

    def pause(self) -> None:
        self.thread.post("pause")

    def toggle(self) -> None:
        """Space: train when stopped, pause when training."""
        if self.state == TRAINING:
            self.pause()
        else:
            self.start()

    def step(self) -> None:
        self.thread.post("step")

    def step_epoch(self) -> None:
        self.thread.post("step_epoch")

    def stop(self) -> None:
        self.thread.post("stop")

    def reset(self) -> None:
        self.thread.post("reset")

    def set_option(self, name: str, value: Any) -> None:
        """Optimizer hyper-parameter, l1, l2 or batch_size: used from the next step on."""
        self.thread.post("set_option", name, value)

    def set_epoch_limit(self, epochs: int) -> None:
        self.thread.post("limit", epochs)

    def set_resolution(self, grid: int) -> None:
        """Decision-boundary grid size (``view.grid``) for the snapshots from now on."""
        self.thread.post("resolution", grid)

    # ------------------------------------------------------------------ requests (synchronous)
    def _wait(self, future: Future, what: str) -> Any:
        try:
            return future.result(timeout=REQUEST_TIMEOUT_S)
        except FutureTimeout:
            raise WorkerBusy(self.tr("the training thread did not answer in time ({0})").format(what)) from None
        except CancelledError:
            raise WorkerBusy(self.tr("the training thread stopped before answering ({0})").format(what)) from None

    def build(self, experiment: Experiment, base_dir: Path | None) -> None:
        """Replace the engine (weights from ``experiment.state`` if any) and draw it at once.

        Raises the build's error (data, state or device problems) and keeps the old engine then.
        """
        dataset, status = self._wait(self.thread.post("build", experiment, base_dir), "build")
        self.generation = status.generation
        self.dataset = dataset
        self.status = status
        self.datasetChanged.emit(dataset)
        self.statusChanged.emit(status)
        self.refresh()

    def experiment(self) -> Experiment:
        """The engine's experiment with trained state, read between two steps (consistent)."""
        return self._wait(self.thread.post("call", lambda e: e.experiment(include_state=True)),
                          "read the experiment")

    def weights(self) -> dict[str, torch.Tensor]:
        """A CPU copy of the model's state dict, read between two steps."""
        def copy(engine: Any) -> dict[str, torch.Tensor]:
            return {k: v.detach().to("cpu").clone().contiguous()
                    for k, v in engine.model.state_dict().items()}
        return self._wait(self.thread.post("call", copy), "read the weights")

    def call(self, fn: Any) -> Any:
        """Run ``fn(engine)`` on the worker thread and return its result (tests, exporters)."""
        return self._wait(self.thread.post("call", fn), "call")

    # ------------------------------------------------------------------ GUI thread
    def refresh(self) -> None:
        """Draw the newest snapshot, if the worker published one since the last refresh."""
        snapshot = self.buffer.take()
        if snapshot is None:
            return
        self.latest = snapshot
        for view in self.views:
            view.update(snapshot)
        self.snapshotReady.emit(snapshot)

    def _on_status(self, status: WorkerStatus) -> None:
        if status.generation != self.generation:
            return
        self.status = status
        if status.state != TRAINING:
            self.refresh()  # the snapshot of a pause/step/stop is drawn with its status
        self.statusChanged.emit(status)

    def _on_failed(self, message: str) -> None:
        self.refresh()
        self.failed.emit(message)

    def shutdown(self) -> None:
        """Stop the thread and wait for it: no 'QThread destroyed while running', no hang."""
        self._timer.stop()
        if not self.thread.isRunning():
            return
        self.thread.post("quit")
        if not self.thread.wait(SHUTDOWN_WAIT_MS):
            log.warning("the training thread did not stop within %d ms", SHUTDOWN_WAIT_MS)


__all__ = ["DIVERGED", "FINISHED", "IDLE", "PAUSED", "TRAINING", "TrainingController", "WorkerBusy"]
