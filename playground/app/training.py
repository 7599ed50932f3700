"""GUI-side handle on the training runner: commands out, snapshots and status in; a new runner when one dies.

The GUI never touches the engine; it posts commands (``core.protocol``) and draws what the runner
publishes. A ``QTimer`` at ``REFRESH_MS`` takes the newest snapshot from the latest-wins buffer and
hands it to every registered view, so drawing cost never slows training and stale frames are simply
skipped. Requests that need an answer (build an engine, read the trained experiment) wait in a local
event loop that still paints and runs timers but holds back user input, so the window never freezes
and no click can sneak into the middle of a build; ``build_async`` does not wait at all.

When the runner dies (killed, out of memory, a crash in an extension) or stops answering (stopped,
stuck), its ``RunnerKeeper`` starts another, as Jupyter's kernel restarter does; the controller
says so in the status bar and rebuilds the engine from the newest trained state the window holds
(the runner sends it whenever training stops and every few seconds while it runs), replaying the
settings changed since. Nothing of the document depends on the runner: Save writes the last state
the window holds when the runner cannot answer.
"""

from __future__ import annotations

import logging
import time
from concurrent.futures import Future
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from playground.app.engine_builds import EngineBuilds
from playground.app.local_wait import wait_in_loop
from playground.app.plots.throttle import View, ViewSet
from playground.app.runner_keeper import RunnerKeeper
from playground.app.worker import EngineWorker, SnapshotBuffer
from playground.core.data.dataset import Dataset
from playground.core.protocol import (
    Call,
    Command,
    Devices,
    Export,
    Limit,
    Pause,
    ProtocolMismatch,
    ReadExperiment,
    Reset,
    RunnerDied,
    RunnerTimeout,
    SaveTrained,
    SetOption,
    SetValue,
    Start,
    Step,
    StepEpoch,
    Stop,
    Views,
)
from playground.core.snapshot import Snapshot
from playground.core.spec import Experiment
from playground.core.status import DIVERGED, ERROR, IDLE, TRAINING, WorkerStatus
from playground.core.views import ViewRequest

log = logging.getLogger(__name__)

REFRESH_MS = 20
"""GUI refresh tick (50 Hz): a new snapshot is drawn at once, and the throttled views take turns."""
REQUEST_TIMEOUT_S = 120.0
"""Longest a synchronous request (build, export) may take: a big CSV data set."""
READ_TIMEOUT_S = 15.0
"""Longest Save waits for the runner's trained state (the largest model's takes 0.23 s); after
that it saves the last state the window holds, so a hung runner never blocks a save."""
SHUTDOWN_WAIT_S = 5.0
"""Closing the window waits this long for the runner to quit, then kills it (a hung or stopped one)."""


def _tr(text: str) -> str:
    return QCoreApplication.translate("TrainingController", text)


class TrainingController(EngineBuilds, QObject):
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
    restarted = Signal(str)
    """A new runner took over from one that died: what happened, in one line, for the status bar."""
    restoring = Signal()
    """A new runner is rebuilding the engine that died (the next ``datasetChanged`` is that engine's)."""
    _job_answered = Signal(object, object)
    _sent_answered = Signal(object, object, object)
    _devices_answered = Signal(object)
    _hello_answered = Signal(object)

    def __init__(self, parent: QObject | None = None, mode: str | None = None) -> None:
        super().__init__(parent)
        self.mode = mode
        self.buffer = SnapshotBuffer()
        self.status = WorkerStatus()
        self.latest: Snapshot | None = None
        self.dataset: Dataset | None = None
        self.generation = 0
        self.view_request = ViewRequest()
        self.views = ViewSet()
        self.busy = ""
        self._request_busy = ""
        self._init_builds()
        self._live: dict[Any, Command] = {}
        """Settings sent since the engine's build (options, epoch limit): a new runner gets them again."""
        self._lost: tuple[str, float] | None = None
        """Why and when the last runner died, until its successor has rebuilt the engine."""
        self.recovery_seconds: float | None = None
        """From noticing a dead runner to a rebuilt engine, the last time it happened (for the report)."""
        self._answered_connections()
        self.devices: list[Any] = []
        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)
        self.keeper = RunnerKeeper(self._new_worker, self)
        self.keeper.replaced.connect(self._replaced)
        self.keeper.gave_up.connect(self._give_up)
        self._timer.start()

    def _answered_connections(self) -> None:
        self._job_answered.connect(self._on_job_answered)
        self._sent_answered.connect(self._redo)
        self._devices_answered.connect(self._devices_known)
        self._hello_answered.connect(self._hello_known)

    # ------------------------------------------------------------------ the runner's life
    def _new_worker(self) -> EngineWorker:
        worker = EngineWorker(self.buffer, self.mode, self)
        worker.statusChanged.connect(self._on_status)
        worker.failed.connect(self._on_failed)
        worker.trained.connect(self._on_trained)
        worker.died.connect(lambda gone: self.keeper.lost(gone))
        worker.start()
        assert worker.hello is not None
        worker.hello.add_done_callback(self._hello_answered.emit)
        worker.post(Devices()).add_done_callback(self._devices_answered.emit)
        if self.view_request != ViewRequest():
            worker.post(Views(self.view_request), reply=False)
        return worker

    @property
    def worker(self) -> EngineWorker:
        """The handle on the current runner (a new one after a restart)."""
        return self.keeper.worker

    @property
    def runner_alive(self) -> bool:
        """A runner is there to answer (possibly still starting or rebuilding)."""
        return not self.worker.closed

    @property
    def _closing(self) -> bool:
        return self.keeper.closing

    def _replaced(self, reason: str) -> None:
        """A new runner took over: say so, give it the engine the window wants, then the settings
        made since that engine was built."""
        self._lost = (reason, time.monotonic())
        self._show_status(replace(self.status, state=IDLE, steps_per_second=0.0,
                                  message=_tr("{0}; restarting…").format(reason)))
        self._rebuild(reason)
        for command in self._live.values():
            self.worker.post(command, reply=False)

    def _give_up(self, reason: str) -> None:
        message = _tr("{0} and could not be restarted; your work is kept: save it, then press Train to "
                      "try again").format(reason)
        log.error("%s", message)
        for job in list(self._jobs):
            self._finish_job(job, RunnerDied(reason))
        self._lost = None
        self._show_status(replace(self.status, state=ERROR, steps_per_second=0.0, message=message))
        self.failed.emit(message)

    def _show_status(self, status: WorkerStatus) -> None:
        self.status = status
        self.statusChanged.emit(status)

    def _hello_known(self, future: Future) -> None:
        error = future.exception()
        if isinstance(error, ProtocolMismatch):
            self.failed.emit(_tr("the training process is from another version of Torch Playground ({0}); "
                                 "restart the app").format(error))

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
        view = self.views.add(view, hz, heavy)
        if self.latest is not None:
            view.update(self.latest)

    def flush_views(self) -> None:
        """Throttled views draw their waiting snapshot now (training stopped: show the final state)."""
        self.views.flush()

    # ------------------------------------------------------------------ commands (asynchronous)
    def _post(self, command: Command) -> None:
        """Send without waiting. The runner acknowledges every command: one it dies before doing is
        done by the new runner (a command is never dropped silently; at worst done twice)."""
        if isinstance(command, SetOption):
            self._live[("option", command.name)] = command
        elif isinstance(command, Limit):
            self._live["limit"] = command
        worker = self.worker
        future = worker.post(command)
        if future.done():  # known dead: the user asked for something, so try again even after giving up
            self._redo(worker, command, future, asked=True)
        else:
            future.add_done_callback(lambda done: self._sent_answered.emit(worker, command, done))

    def _redo(self, worker: EngineWorker, command: Command, future: Future, asked: bool = False) -> None:
        if not isinstance(future.exception(), RunnerDied) or self._closing:
            return  # done, or refused (the runner has told why)
        if self.keeper.lost(worker, asked) and not isinstance(command, (SetOption, Limit, Views)):
            self._post(command)  # settings and views were given to the new runner by the restart

    def start(self) -> None:
        self._post(Start())

    def pause(self) -> None:
        self._post(Pause())

    def toggle(self) -> None:
        """Space: train when stopped, pause when training."""
        if self.state == TRAINING:
            self.pause()
        else:
            self.start()

    def step(self) -> None:
        self._post(Step())

    def step_epoch(self) -> None:
        self._post(StepEpoch())

    def stop(self) -> None:
        self._post(Stop())

    def reset(self) -> None:
        self._post(Reset())

    def set_option(self, name: str, value: Any) -> None:
        """Optimizer hyper-parameter, l1, l2 or batch_size: used from the next step on."""
        self._post(SetOption(name, value))

    def set_value(self, name: str, index: tuple[int, ...], value: float) -> None:
        """Type one weight or bias into the runner's model (the diagram's editor)."""
        self._post(SetValue(name, tuple(index), float(value)))

    def set_epoch_limit(self, epochs: int) -> None:
        self._post(Limit(int(epochs)))

    def set_resolution(self, grid: int) -> None:
        """Decision-boundary grid size (``view.grid``) for the snapshots from now on."""
        self.request_views(resolution=grid)

    def request_views(self, **changes: Any) -> None:
        """Tell the runner what the visible views need (it computes nothing else)."""
        request = replace(self.view_request, **changes)
        if request != self.view_request:
            self.view_request = request
            self._post(Views(request))

    # ------------------------------------------------------------------ requests (synchronous)
    def _answer(self, future: Future, what: str, busy: str = "", timeout: float = REQUEST_TIMEOUT_S) -> Any:
        """The answer of ``future``; paints and timers go on meanwhile, user input waits."""
        if not future.done():
            if busy:
                self._request_busy = busy
                self._update_busy()
            try:
                wait_in_loop(future, timeout)
            finally:
                if busy:
                    self._request_busy = ""
                    self._update_busy()
        if not future.done():
            raise RunnerTimeout(_tr("the training process did not answer in time ({0})").format(what))
        return future.result()

    def _request(self, command: Command, what: str, busy: str = "", timeout: float = REQUEST_TIMEOUT_S,
                 retry: bool = False) -> Any:
        """Ask and wait. A runner found dead is restarted first; ``retry``: one that dies while it
        works on this is restarted and asked again (for requests that may safely run twice)."""
        worker = self.worker
        future = worker.post(command)
        if future.done() and isinstance(future.exception(), RunnerDied) and self.keeper.lost(worker, asked=True):
            worker = self.worker
            future = worker.post(command)
        try:
            return self._answer(future, what, busy, timeout)
        except RunnerDied:
            if not (retry and self.keeper.lost(worker)):
                raise
        return self._answer(self.worker.post(command), what, busy, timeout)

    def _update_busy(self) -> None:
        if self._request_busy:
            text = self._request_busy
        elif any(job.restore for job in self._jobs):
            text = _tr("Restarting the training process…")
        elif self._jobs:
            text = _tr("Building the model…")
        else:
            text = ""
        if text != self.busy:
            self.busy = text
            self.busyChanged.emit(text)

    def _devices_known(self, future: Future) -> None:
        if future.exception() is None:
            self.devices = list(future.result())
            self.devicesChanged.emit(self.devices)

    def experiment(self) -> Experiment:
        """The engine's experiment with trained state, read between two steps (consistent)."""
        return self._request(ReadExperiment(), "read the experiment", _tr("Reading the trained model…"))

    def trained_experiment(self) -> tuple[Experiment | None, int | None]:
        """For Save: ``(the engine's experiment with its trained state, None)``; or, when the runner is
        gone or does not answer within ``READ_TIMEOUT_S``, the newest one the window holds and its step
        (``(None, 0)`` if it holds none). Save never depends on a live runner."""
        try:
            return self._request(ReadExperiment(), "read the experiment", _tr("Reading the trained model…"),
                                 READ_TIMEOUT_S), None
        except (RunnerDied, RunnerTimeout):
            trained = self.last_trained()
            return (trained.experiment, trained.step) if trained is not None else (None, 0)

    def call(self, fn: Any, *args: Any) -> Any:
        """``fn(engine, *args)`` on the runner, between two steps; ``fn`` must be picklable.

        Module-level functions and ``operator.attrgetter``/``methodcaller`` are; lambdas are not.
        """
        return self._request(Call(fn, args), getattr(fn, "__name__", "call"))

    def call_later(self, fn: Any, *args: Any) -> Future:
        """``fn(engine, *args)`` on the runner without waiting: the future holds its result or error."""
        return self.worker.post(Call(fn, args))

    def save_trained_later(self, experiment: Experiment, base_dir: Path | None, path: str | Path,
                           meta_path: str | Path | None = None, meta: dict | None = None,
                           private: bool = False) -> Future:
        """The runner saves ``experiment`` with its trained state (no pause in the window); a future."""
        return self.worker.post(SaveTrained(experiment, base_dir, str(path),
                                            str(meta_path) if meta_path is not None else None, meta, private))

    def export_experiment(self, experiment: Experiment, base_dir: Path | None, path: str | Path,
                          fmt: str | None = None, lesson: Any = None, lang: str | None = None) -> str:
        """Export ``experiment`` (with its trained state) from the runner, where torch lives; a notebook
        carries ``lesson``'s text (a lesson's run) in ``lang``.

        A runner that dies meanwhile is replaced and the export done again (it only writes a file).
        """
        return self._request(Export(experiment, base_dir, str(path), fmt, lesson=lesson, lang=lang), "export",
                             _tr("Exporting…"), retry=True)

    # ------------------------------------------------------------------ GUI thread
    def refresh(self) -> None:
        """Draw the newest snapshot, if the runner published one since the last refresh."""
        if self._jobs:
            return
        snapshot = self.buffer.take()
        if snapshot is not None:
            self.latest = snapshot
            self.views.offer(snapshot)
        if self.status.state != TRAINING:
            self.views.flush()
        else:
            self.views.take_turns()
        if snapshot is not None:
            self.snapshotReady.emit(snapshot)

    def _on_status(self, status: WorkerStatus) -> None:
        if status.generation != self.generation or self.sender() not in (self.worker, None):
            return
        self.status = status
        if status.state != TRAINING:
            self.refresh()  # the snapshot of a pause/step/stop is drawn with its status
        self.statusChanged.emit(status)

    def _on_failed(self, message: str) -> None:
        self.refresh()
        self.failed.emit(message)

    def shutdown(self) -> None:
        """Stop the runner and wait for it: no process or thread outlives the window, no hang.

        A runner that does not quit within ``SHUTDOWN_WAIT_S`` (hung, stopped) is killed.
        """
        self._timer.stop()
        if not self.keeper.shutdown(SHUTDOWN_WAIT_S):
            log.warning("the training runner did not stop within %.0f s", SHUTDOWN_WAIT_S)


__all__ = ["REQUEST_TIMEOUT_S", "SHUTDOWN_WAIT_S", "TrainingController"]
