"""GUI-side handle on the training runner: commands out, snapshots and status in.

The GUI never touches the engine; it posts commands and draws what the runner publishes. A
``QTimer`` at ``REFRESH_MS`` takes the newest snapshot from the latest-wins buffer and hands it to
every registered view, so drawing cost never slows training and stale frames are simply skipped.
Requests that need an answer (build an engine, read the trained experiment) wait in a local event
loop that still paints and runs timers but holds back user input, so the window never freezes and
no click can sneak into the middle of a build; ``build_async`` does not wait at all.
"""

from __future__ import annotations

import logging
import time
from concurrent.futures import Future
from dataclasses import replace
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, QTimer, Signal

from playground.app.plots.throttle import Throttled
from playground.app.worker import (
    DIVERGED,
    FINISHED,
    IDLE,
    PAUSED,
    TRAINING,
    EngineWorker,
    SnapshotBuffer,
    WorkerStatus,
)
from playground.core.data.dataset import Dataset
from playground.core.snapshot import Snapshot
from playground.core.spec import Experiment
from playground.core.status import RemoteError
from playground.core.views import ViewRequest

log = logging.getLogger(__name__)

REFRESH_MS = 20
"""GUI refresh tick (50 Hz): a new snapshot is drawn at once, and the throttled views take turns."""
REQUEST_TIMEOUT_S = 120.0
"""Longest a synchronous request (build, read the experiment) may take: a big CSV data set."""
SHUTDOWN_WAIT_S = 10.0
WAIT_POLL_MS = 5


class View(Protocol):
    def update(self, snapshot: Snapshot) -> None: ...


class WorkerBusy(RuntimeError):
    """The runner did not answer in time (a very long step); the caller shows this in words."""


class TrainingController(QObject):
    """Owns the runner (process or thread), the snapshot buffer and the refresh timer."""

    statusChanged = Signal(object)
    """``WorkerStatus`` of the current engine (statuses of replaced engines are dropped)."""
    snapshotReady = Signal(object)
    """The ``Snapshot`` just drawn."""
    failed = Signal(object)
    """A message: ``str``, or a runner ``Text`` (``i18n.localized`` shows it in the user's language)."""
    datasetChanged = Signal(object)
    """A new engine was built: its ``Dataset``."""
    busyChanged = Signal(str)
    """What the runner is busy with that the user waits for ("building the model…"), or ``""``."""
    built = Signal(object, object)
    """``(future, error)`` of a ``build_async`` request, on the GUI thread once it is answered."""
    devicesChanged = Signal(object)
    """The devices torch found on this machine (a list of registry ``Device``), once the runner is up."""
    _answered = Signal(object)
    _devices_answered = Signal(object)

    def __init__(self, parent: QObject | None = None, mode: str | None = None) -> None:
        super().__init__(parent)
        self.buffer = SnapshotBuffer()
        self.worker = EngineWorker(self.buffer, mode, self)
        self.worker.statusChanged.connect(self._on_status)
        self.worker.failed.connect(self._on_failed)
        self._answered.connect(self._build_answered)
        self.status = WorkerStatus()
        self.latest: Snapshot | None = None
        self.dataset: Dataset | None = None
        self.generation = 0
        self.view_request = ViewRequest()
        self.views: list[View] = []
        self.busy = ""
        self._builds = 0
        """Builds under way: snapshots wait until the views know the new data set."""
        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)
        self.devices: list[Any] = []
        self._devices_answered.connect(self._devices_known)
        self.worker.start()
        self.worker.post("devices").add_done_callback(self._devices_answered.emit)
        self._timer.start()

    @property
    def thread(self) -> EngineWorker:
        """The runner's handle (``isRunning()``), named as when it was a QThread."""
        return self.worker

    # ------------------------------------------------------------------ state
    @property
    def state(self) -> str:
        return self.status.state

    @property
    def has_run(self) -> bool:
        """Weights worth keeping: trained and not diverged."""
        return self.status.step > 0 and self.status.state != DIVERGED

    def add_view(self, view: View, hz: float | None = None, heavy: bool = True) -> None:
        """Draw ``view`` from every snapshot, or at most ``hz`` times a second while training.

        Heavy throttled views (plots) take turns, one per refresh tick; light ones (labels) draw when due.
        """
        if hz is not None:
            view = Throttled(view, hz, heavy)
        self.views.append(view)
        if self.latest is not None:
            view.update(self.latest)

    def flush_views(self) -> None:
        """Throttled views draw their waiting snapshot now (training stopped: show the final state)."""
        for view in self.views:
            if isinstance(view, Throttled):
                view.flush()

    # ------------------------------------------------------------------ commands (asynchronous)
    def _post(self, command: str, *args: Any) -> None:
        self.worker.post(command, *args, reply=False)

    def start(self) -> None:
        self._post("start")

    def pause(self) -> None:
        self._post("pause")

    def toggle(self) -> None:
        """Space: train when stopped, pause when training."""
        if self.state == TRAINING:
            self.pause()
        else:
            self.start()

    def step(self) -> None:
        self._post("step")

    def step_epoch(self) -> None:
        self._post("step_epoch")

    def stop(self) -> None:
        self._post("stop")

    def reset(self) -> None:
        self._post("reset")

    def set_option(self, name: str, value: Any) -> None:
        """Optimizer hyper-parameter, l1, l2 or batch_size: used from the next step on."""
        self._post("set_option", name, value)

    def set_value(self, name: str, index: tuple[int, ...], value: float) -> None:
        """Type one weight or bias into the runner's model (the diagram's editor)."""
        self._post("set_value", name, tuple(index), float(value))

    def set_epoch_limit(self, epochs: int) -> None:
        self._post("limit", epochs)

    def set_resolution(self, grid: int) -> None:
        """Decision-boundary grid size (``view.grid``) for the snapshots from now on."""
        self.request_views(resolution=grid)

    def request_views(self, **changes: Any) -> None:
        """Tell the runner what the visible views need (it computes nothing else)."""
        request = replace(self.view_request, **changes)
        if request != self.view_request:
            self.view_request = request
            self._post("views", request)

    # ------------------------------------------------------------------ requests (synchronous)
    def _wait(self, future: Future, what: str, busy: str = "") -> Any:
        """The answer of ``future``; paints and timers go on meanwhile, user input waits."""
        if not future.done():
            if busy:
                self._set_busy(busy)
            loop = QEventLoop()
            poll = QTimer()
            poll.setInterval(WAIT_POLL_MS)
            poll.timeout.connect(lambda: future.done() and loop.quit())
            deadline = time.monotonic() + REQUEST_TIMEOUT_S
            poll.timeout.connect(lambda: time.monotonic() > deadline and loop.quit())
            poll.start()
            try:
                loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
            finally:
                poll.stop()
                if busy:
                    self._set_busy("")
        if not future.done():
            raise WorkerBusy(self.tr("the training process did not answer in time ({0})").format(what))
        return future.result()

    def _set_busy(self, text: str) -> None:
        self.busy = text
        self.busyChanged.emit(text)

    def build(self, experiment: Experiment, base_dir: Path | None) -> None:
        """Replace the engine (weights from ``experiment.state`` if any) and draw it at once.

        Raises the build's error (data, state or device problems) and keeps the old engine then.
        """
        self._builds += 1
        try:
            answer = self._wait(self.worker.post("build", experiment, base_dir), "build",
                                self.tr("Building the model…"))
        finally:
            self._builds -= 1
        self._adopt_build(answer)

    def build_async(self, experiment: Experiment, base_dir: Path | None) -> Future:
        """Like ``build`` without waiting: ``built(future, error)`` is emitted when it is done."""
        self._set_busy(self.tr("Building the model…"))
        self._builds += 1
        future = self.worker.post("build", experiment, base_dir)
        future.add_done_callback(self._answered.emit)  # from the reader thread: queued to this one
        return future

    def _build_answered(self, future: Future) -> None:
        self._set_busy("")
        self._builds -= 1
        try:
            self._adopt_build(future.result())
        except Exception as exc:
            self.built.emit(future, exc)
            return
        self.built.emit(future, None)

    def _devices_known(self, future: Future) -> None:
        if future.exception() is None:
            self.devices = list(future.result())
            self.devicesChanged.emit(self.devices)

    def _adopt_build(self, answer: tuple[Dataset, WorkerStatus]) -> None:
        dataset, status = answer
        self.generation = status.generation
        self.dataset = dataset
        self.status = status
        self.datasetChanged.emit(dataset)
        self.statusChanged.emit(status)
        self.refresh()

    def experiment(self) -> Experiment:
        """The engine's experiment with trained state, read between two steps (consistent)."""
        return self._wait(self.worker.post("call", _experiment_with_state, ()), "read the experiment",
                          self.tr("Reading the trained model…"))

    def call(self, fn: Any, *args: Any) -> Any:
        """``fn(engine, *args)`` on the runner, between two steps; ``fn`` must be picklable.

        Module-level functions and ``operator.attrgetter``/``methodcaller`` are; lambdas are not.
        """
        return self._wait(self.worker.post("call", fn, args), getattr(fn, "__name__", "call"))

    def call_later(self, fn: Any, *args: Any) -> Future:
        """``fn(engine, *args)`` on the runner without waiting: the future holds its result or error."""
        return self.worker.post("call", fn, args)

    def export_experiment(self, experiment: Experiment, base_dir: Path | None, path: str | Path,
                          fmt: str | None = None) -> str:
        """Export ``experiment`` (with its trained state) from the runner, where torch lives."""
        return self._wait(self.worker.post("call", _export, (experiment, base_dir, str(path), fmt)),
                          "export", self.tr("Exporting…"))

    # ------------------------------------------------------------------ GUI thread
    def refresh(self) -> None:
        """Draw the newest snapshot, if the runner published one since the last refresh."""
        if self._builds:
            return
        snapshot = self.buffer.take()
        if snapshot is not None:
            self.latest = snapshot
            for view in self.views:
                view.update(snapshot)  # a throttled view only keeps it
        if self.status.state != TRAINING:
            self.flush_views()
        else:
            self._take_turns()
        if snapshot is not None:
            self.snapshotReady.emit(snapshot)

    def _take_turns(self) -> None:
        """Light views draw when due; of the heavy ones, the one waiting longest draws (one per tick)."""
        now = time.perf_counter()
        heavy = [v for v in self.views if isinstance(v, Throttled) and v.due(now)]
        for view in [v for v in heavy if not v.heavy]:
            view.flush()
        waiting = [v for v in heavy if v.heavy]
        if waiting:
            min(waiting, key=lambda v: v.last).flush()

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
        """Stop the runner and wait for it: no process or thread outlives the window, no hang."""
        self._timer.stop()
        if not self.worker.shutdown(SHUTDOWN_WAIT_S):
            log.warning("the training runner did not stop within %.0f s", SHUTDOWN_WAIT_S)


def _experiment_with_state(engine: Any) -> Experiment:
    return engine.experiment(include_state=True)


def _export(engine: Any, experiment: Experiment, base_dir: Path | None, path: str, fmt: str | None) -> str:
    """Runs in the runner: exporting builds the model, which needs torch."""
    import warnings

    from playground.core.export import ExportWarning, export_experiment

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ExportWarning)  # the dialog has said it already
        return export_experiment(experiment, base_dir, path, fmt)


__all__ = ["DIVERGED", "FINISHED", "IDLE", "PAUSED", "TRAINING", "RemoteError", "TrainingController",
           "WorkerBusy"]
