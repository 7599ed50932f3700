"""GUI-side handle on the training runner: commands out, snapshots and status in; a new runner when one dies.

The GUI never touches the engine; it posts commands (``core.protocol``) and draws what the runner
publishes. A ``QTimer`` at ``REFRESH_MS`` takes the newest snapshot from the latest-wins buffer and
hands it to every registered view, so drawing cost never slows training and stale frames are simply
skipped. Requests that need an answer (build an engine, read the trained experiment) wait in a local
event loop that still paints and runs timers but holds back user input, so the window never freezes
and no click can sneak into the middle of a build; ``build_async`` does not wait at all.

When the runner dies (killed, out of memory, a crash in an extension) the controller does what
Jupyter's kernel restarter does: it notices (the pipe's end, or polling the child every
``WATCH_MS``), says so in the status bar, starts a new runner and rebuilds the engine from the
newest trained state the window holds (the runner sends it whenever training stops and every few
seconds while it runs), replaying the settings changed since. It gives up after ``MAX_RESTARTS``
restarts in a row (a runner that lived ``STABLE_S`` resets the count) and says so; the user's next
command tries again. Nothing of the document depends on the runner: Save writes the last state the
window holds when the runner cannot answer.
"""

from __future__ import annotations

import itertools
import logging
import time
from concurrent.futures import Future
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, QTimer, Signal

from playground.app.plots.throttle import Throttled
from playground.app.worker import EngineWorker, SnapshotBuffer
from playground.core.data.dataset import Dataset
from playground.core.protocol import (
    Build,
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
    TrainedEvent,
    Views,
)
from playground.core.snapshot import Snapshot
from playground.core.spec import Experiment
from playground.core.status import DIVERGED, ERROR, IDLE, TRAINING, RunState, WorkerStatus
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
WAIT_POLL_MS = 5
WATCH_MS = 500
"""How often the runner process is polled for life (a ``waitpid``: microseconds) besides the pipe's end."""
MAX_RESTARTS = 3
"""Restarts in a row before giving up (a runner that dies at once, e.g. out of memory while building)."""
STABLE_S = 5.0
"""A runner that lived this long ran healthily: the restart count starts again."""


class View(Protocol):
    def update(self, snapshot: Snapshot) -> None: ...


@dataclass(eq=False)
class _BuildJob:
    """A build the window waits for; it outlives a runner that dies under it (sent again, once)."""

    command: Build
    future: Future
    """Done on the GUI thread once the engine is adopted (or refused): what ``build`` waits on."""
    inner: Future | None = None
    """The request to the current runner."""
    retries: int = 1
    restore: bool = False
    """A restart's own rebuild of the engine that died."""


def _tr(text: str) -> str:
    return QCoreApplication.translate("TrainingController", text)


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
    restarted = Signal(str)
    """A new runner took over from one that died: what happened, in one line, for the status bar."""
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
        self.views: list[View] = []
        self.busy = ""
        self._request_busy = ""
        self._generations = itertools.count(1)
        self._jobs: list[_BuildJob] = []
        """Builds under way: snapshots wait until the views know the new data set."""
        self._engine: Build | None = None
        """The request the engine in use was built from."""
        self._wanted: Build | None = None
        """The engine the window wants: a build under way, else ``_engine``."""
        self._trained: TrainedEvent | None = None
        self._live: dict[Any, Command] = {}
        """Settings sent since the engine's build (options, epoch limit): a new runner gets them again."""
        self._restarts = 0
        self._lost: tuple[str, float] | None = None
        """Why and when the last runner died, until its successor has rebuilt the engine."""
        self.recovery_seconds: float | None = None
        """From noticing a dead runner to a rebuilt engine, the last time it happened (for the report)."""
        self._closing = False
        self._answered_connections()
        self.devices: list[Any] = []
        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        self._watch = QTimer(self)
        self._watch.setInterval(WATCH_MS)
        self._watch.timeout.connect(self._check_runner)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)
        self.worker = self._new_worker()
        self._timer.start()
        self._watch.start()

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
        worker.died.connect(self._runner_lost)
        worker.start()
        assert worker.hello is not None
        worker.hello.add_done_callback(self._hello_answered.emit)
        worker.post(Devices()).add_done_callback(self._devices_answered.emit)
        if self.view_request != ViewRequest():
            worker.post(Views(self.view_request), reply=False)
        return worker

    @property
    def runner_alive(self) -> bool:
        """A runner is there to answer (possibly still starting or rebuilding)."""
        return not self.worker.closed

    def _check_runner(self) -> None:
        """The watch timer's slot: a runner whose process ended without closing the pipe counts as dead too."""
        worker = self.worker
        if not worker.closed and not worker.alive():
            self._runner_lost(worker)

    def _runner_lost(self, worker: EngineWorker, asked: bool = False) -> bool:
        """``worker``'s runner is gone: start a new one (within the restart limit); True if one now runs.

        ``asked``: the user asked for something (Train…) after the controller had given up: try again.
        """
        if worker is not self.worker:
            return not self.worker.closed  # already replaced
        if self._closing:
            return False
        reason = worker.describe_end()
        worker.shutdown(0.5)
        if asked or time.monotonic() - worker.started_at >= STABLE_S:
            self._restarts = 0
        if self._restarts >= MAX_RESTARTS:
            self._give_up(reason)
            return False
        self._restarts += 1
        log.warning("%s; restarting it (%d of %d)", reason, self._restarts, MAX_RESTARTS)
        self._lost = (reason, time.monotonic())
        self._show_status(replace(self.status, state=IDLE, steps_per_second=0.0,
                                  message=_tr("{0}; restarting…").format(reason)))
        self.worker = self._new_worker()
        self._resume(reason)
        return True

    def _resume(self, reason: str) -> None:
        """Give the new runner the engine the window wants, then the settings made since it was built."""
        resumed = False
        for job in list(self._jobs):
            if job.command is self._wanted and job.retries > 0 and not resumed:
                job.retries -= 1
                self._send_job(job)
                resumed = True
            else:  # an older build, or one that killed its runner twice
                self._finish_job(job, RunnerDied(reason))
        if not resumed:
            command = self._restore_command()
            if command is not None:
                self._wanted = command
                self._add_job(_BuildJob(command, Future(), restore=True))
        for command in self._live.values():
            self.worker.post(command, reply=False)

    def _restore_command(self) -> Build | None:
        """The engine that died, from the newest trained state the window holds (or how it was built)."""
        source = self._wanted
        if source is None:
            return None
        experiment = source.experiment
        trained = self._trained
        if trained is not None and trained.generation == source.generation:
            experiment = trained.experiment
        return Build(experiment, source.base_dir, next(self._generations))

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

    def last_trained(self) -> TrainedEvent | None:
        """The newest trained state of the engine in use that the window holds (None: none trained yet)."""
        trained, engine = self._trained, self._engine
        if trained is not None and engine is not None and trained.generation == engine.generation:
            return trained
        return None

    def _on_trained(self, event: TrainedEvent) -> None:
        if self._trained is None or event.generation >= self._trained.generation:
            self._trained = event

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
        if self._runner_lost(worker, asked) and not isinstance(command, (SetOption, Limit, Views)):
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
    def _wait(self, future: Future, what: str, busy: str = "", timeout: float = REQUEST_TIMEOUT_S) -> Any:
        """The answer of ``future``; paints and timers go on meanwhile, user input waits."""
        if not future.done():
            if busy:
                self._request_busy = busy
                self._update_busy()
            loop = QEventLoop()
            poll = QTimer()
            poll.setInterval(WAIT_POLL_MS)
            poll.timeout.connect(lambda: future.done() and loop.quit())
            deadline = time.monotonic() + timeout
            poll.timeout.connect(lambda: time.monotonic() > deadline and loop.quit())
            poll.start()
            try:
                loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
            finally:
                poll.stop()
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
        if future.done() and isinstance(future.exception(), RunnerDied) and self._runner_lost(worker, asked=True):
            worker = self.worker
            future = worker.post(command)
        try:
            return self._wait(future, what, busy, timeout)
        except RunnerDied:
            if not (retry and self._runner_lost(worker)):
                raise
        return self._wait(self.worker.post(command), what, busy, timeout)

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

    def build(self, experiment: Experiment, base_dir: Path | None) -> None:
        """Replace the engine (weights from ``experiment.state`` if any) and draw it at once.

        Raises the build's error (data, state or device problems) and keeps the old engine then. A
        runner that dies while building is replaced and the build sent again, once.
        """
        job = self._build_job(experiment, base_dir)
        try:
            self._wait(job.future, "build")
        except RunnerTimeout:
            self._abandon(job)
            raise

    def build_async(self, experiment: Experiment, base_dir: Path | None) -> Future:
        """Like ``build`` without waiting: ``built(future, error)`` is emitted when it is done."""
        return self._build_job(experiment, base_dir).future

    def _build_job(self, experiment: Experiment, base_dir: Path | None) -> _BuildJob:
        command = Build(experiment, base_dir, next(self._generations))
        self._wanted = command
        self._live.clear()  # the experiment carries the settings of this moment
        job = _BuildJob(command, Future())
        self._add_job(job)
        return job

    def _add_job(self, job: _BuildJob) -> None:
        self._jobs.append(job)
        self._update_busy()
        self._send_job(job)

    def _send_job(self, job: _BuildJob) -> None:
        inner = self.worker.post(job.command)
        job.inner = inner
        inner.add_done_callback(lambda answered, job=job: self._job_answered.emit(job, answered))

    def _on_job_answered(self, job: _BuildJob, inner: Future) -> None:
        if inner is not job.inner or job not in self._jobs:
            return  # sent again to a new runner, or given up
        error = inner.exception()
        if isinstance(error, RunnerDied) and not self._closing:
            self._runner_lost(self.worker)  # sends this job again (once) or fails it
            return
        self._jobs.remove(job)  # before adopting: the new engine's snapshot is drawn at once
        if error is None:
            try:
                self._adopt_build(job.command, inner.result())
            except Exception as exc:
                error = exc
        self._finish_job(job, error)

    def _abandon(self, job: _BuildJob) -> None:
        """A build that timed out: its late answer is ignored, the window keeps the engine it has."""
        if job in self._jobs:
            self._jobs.remove(job)
            if self._wanted is job.command:
                self._wanted = self._engine
            self._update_busy()

    def _finish_job(self, job: _BuildJob, error: BaseException | None) -> None:
        if job in self._jobs:
            self._jobs.remove(job)
        if error is not None and self._wanted is job.command:
            self._wanted = self._engine
        self._update_busy()
        if not job.future.done():
            if error is None:
                job.future.set_result(None)
            else:
                job.future.set_exception(error)
        self.built.emit(job.future, error)
        if job.restore:
            self._restored(error)

    def _restored(self, error: BaseException | None) -> None:
        """A restart's rebuild is done: say how it went, in one line."""
        if self._lost is None:
            return
        reason, since = self._lost
        self._lost = None
        if error is not None:
            self.failed.emit(_tr("{0}; a new one started, but the model could not be rebuilt: {1}").format(
                reason, error))
            return
        self.recovery_seconds = time.monotonic() - since
        log.warning("%s; restarted from step %d in %.2f s", reason, self.status.step, self.recovery_seconds)
        self.restarted.emit(_tr("{0}; restarted from step {1}").format(reason, self.status.step))

    def _devices_known(self, future: Future) -> None:
        if future.exception() is None:
            self.devices = list(future.result())
            self.devicesChanged.emit(self.devices)

    def _adopt_build(self, command: Build, answer: tuple[Dataset, WorkerStatus]) -> None:
        dataset, status = answer
        self._engine = command
        state = command.experiment.state
        self._trained = TrainedEvent(command.generation, state.step, command.experiment) if state else None
        self.generation = status.generation
        self.dataset = dataset
        self.status = status
        self.datasetChanged.emit(dataset)
        self.statusChanged.emit(status)
        self.refresh()

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
        self._closing = True
        self._timer.stop()
        self._watch.stop()
        if not self.worker.shutdown(SHUTDOWN_WAIT_S):
            log.warning("the training runner did not stop within %.0f s", SHUTDOWN_WAIT_S)


__all__ = ["REQUEST_TIMEOUT_S", "SHUTDOWN_WAIT_S", "RunState", "TrainingController"]
