"""The training thread: the only place the engine trains (the GUI thread never calls backward()).

Thread model: ``TrainingThread`` is a ``QThread`` subclass whose ``run()`` is a plain Python loop,
not an event loop. Training is a tight loop of engine steps that would starve an event loop anyway,
so commands arrive through a thread-safe ``queue.Queue`` (checked between steps; blocked on while
idle, so an idle worker costs no CPU). Results leave the thread in two ways:

* snapshots go into a latest-wins ``SnapshotBuffer`` (lock + one slot) at most ``PUBLISH_HZ`` times a
  second; the GUI polls it with a timer, so a slow GUI never queues up stale frames;
* status changes and errors leave as Qt signals (queued to the GUI thread), throttled to
  ``STATUS_HZ`` while training.

Requests that need an answer (build an engine, read the trained experiment) carry a
``concurrent.futures.Future`` that the worker fulfils between steps, so the answer is consistent.
"""

from __future__ import annotations

import contextlib
import queue
import time
import weakref
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from threading import Lock
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal

from playground.core.data.dataset import Dataset
from playground.core.engine import Diverged, Engine
from playground.core.snapshot import Snapshot
from playground.core.spec import Experiment
from playground.core.threads import configure_threads

PUBLISH_HZ = 30.0
"""Snapshots per second while training: enough for smooth plots, ~5 % of the worker's time."""
STATUS_HZ = 4.0
"""Status signals per second while training (steps/s, epoch): readable numbers, few signals."""

IDLE, TRAINING, PAUSED, DIVERGED, FINISHED, ERROR = (
    "idle", "training", "paused", "diverged", "finished", "error")

TRAINING_COMMANDS = ("start", "step", "step_epoch")
"""Commands whose failure stops training; other commands' errors are only reported."""

_threads: weakref.WeakSet[TrainingThread] = weakref.WeakSet()


def _tr(text: str) -> str:
    """Translation is thread-safe in Qt; the worker's messages end up in the status bar."""
    return QCoreApplication.translate("TrainingThread", text)


def live_threads() -> list[TrainingThread]:
    """Worker threads still running (tests assert none is left behind)."""
    return [t for t in list(_threads) if t.isRunning()]


@dataclass(frozen=True)
class WorkerStatus:
    """What the status bar shows; ``message`` explains a stop (divergence, errors, the epoch limit)."""

    state: str = IDLE
    step: int = 0
    epoch: int = 0
    steps_per_second: float = 0.0
    seconds: float = 0.0
    device: str = ""
    message: str = ""
    generation: int = 0
    """Which engine this is about; the GUI drops statuses of an engine it has replaced."""


class SnapshotBuffer:
    """Latest-wins hand-over: the worker overwrites, the GUI takes; never more than one waits."""

    def __init__(self) -> None:
        self._lock = Lock()
        self._slot: Snapshot | None = None

    def put(self, snapshot: Snapshot) -> None:
        with self._lock:
            self._slot = snapshot

    def take(self) -> Snapshot | None:
        with self._lock:
            snapshot, self._slot = self._slot, None
            return snapshot


class TrainingThread(QThread):
    """Owns the ``Engine``; every engine call happens on this thread."""

    statusChanged = Signal(object)
    """A ``WorkerStatus``."""
    failed = Signal(str)
    """A readable message: training stopped (diverged, CUDA error, any exception)."""

    def __init__(self, buffer: SnapshotBuffer, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("TrainingThread")
        self.buffer = buffer
        self._queue: queue.Queue[tuple[str, tuple[Any, ...], Future | None]] = queue.Queue()
        self.engine: Engine | None = None
        self.epoch_limit = 0
        self.resolution = 100
        self.generation = 0
        self._state = IDLE
        self._message = ""
        self._last_publish = 0.0
        self._last_status = 0.0
        self._rate_steps = 0
        self._rate_time = 0.0
        self._rate = 0.0
        _threads.add(self)

    # ------------------------------------------------------------------ GUI-thread API
    def post(self, command: str, *args: Any) -> Future:
        """Queue a command; the returned future holds its result (or the exception it raised)."""
        future: Future = Future()
        if self.isFinished():  # after shutdown nobody would answer: fail now instead of waiting
            future.set_exception(RuntimeError(_tr("the training thread has stopped")))
        else:
            self._queue.put((command, args, future))
        return future

    # ------------------------------------------------------------------ worker thread
    def run(self) -> None:
        while True:
            block = self._state != TRAINING
            try:
                command, args, future = self._queue.get(block=block)
            except queue.Empty:
                try:
                    self._train_once()
                except Exception as exc:  # a snapshot that fails (e.g. a GPU error) stops training too
                    self._fail(exc)
                continue
            if command == "quit":
                if future is not None:
                    future.set_result(None)
                self._drain()
                return
            try:
                result = self._dispatch(command, args)
            except Exception as exc:
                if future is not None:
                    future.set_exception(exc)
                if command in TRAINING_COMMANDS:
                    self._fail(exc)
                elif command not in ("build", "call"):  # e.g. a bad option: say so, keep going
                    self.failed.emit(describe_error(exc))
            else:
                if future is not None:
                    future.set_result(result)

    def _drain(self) -> None:
        """Cancel whatever was still queued at shutdown so no caller waits forever."""
        while True:
            try:
                _, _, future = self._queue.get_nowait()
            except queue.Empty:
                return
            if future is not None:
                future.cancel()

    def _dispatch(self, command: str, args: tuple[Any, ...]) -> Any:
        if command == "build":
            return self._build(*args)
        if command == "call":
            return args[0](self.engine)
        if command == "resolution":
            self.resolution = int(args[0])
            if self._state != TRAINING:
                self._publish()
            return None
        if command == "limit":
            self.epoch_limit = int(args[0])
            if self._state == FINISHED and not self._at_limit():
                self._set_state(PAUSED)
            return None
        engine = self.engine
        if engine is None:
            raise RuntimeError(_tr("there is no model to train yet"))
        if command == "start":
            self._start()
        elif command == "pause":
            if self._state == TRAINING:
                self._publish()
                self._set_state(PAUSED)
        elif command == "stop":
            if self._state in (TRAINING, PAUSED, FINISHED, ERROR):
                self._message = ""
                self._publish()
                self._set_state(IDLE)
        elif command == "step":
            self._manual(lambda: engine.train_step(capture=True))
        elif command == "step_epoch":
            self._manual(lambda: engine.train_epoch(capture=True))
        elif command == "reset":
            engine.reset()
            self._message = ""
            self._publish()
            self._set_state(IDLE)
        elif command == "set_option":
            engine.set_option(*args)
            configure_threads(engine)
        else:
            raise ValueError(f"unknown worker command {command!r}")
        return None

    def _build(self, experiment: Experiment, base_dir: Path | None) -> tuple[Dataset, WorkerStatus]:
        """A new engine; on failure the old one stays, so a bad request changes nothing.

        Returns its data set (plain numpy, never changed after the build) for the plots.
        """
        engine = Engine(experiment, base_dir)
        self.engine = engine
        configure_threads(engine)
        self.generation += 1
        self.epoch_limit = experiment.training.epochs
        self._message = ""
        self._publish()
        self._set_state(IDLE)
        return engine.dataset, self.current_status()

    def _at_limit(self) -> bool:
        return self.engine is not None and 0 < self.epoch_limit <= self.engine.epoch

    def _start(self) -> None:
        if self._state == TRAINING:
            return
        if self._state == DIVERGED:
            raise Diverged(_tr("training diverged; reset the weights to start again"))
        if self._at_limit():
            self._message = _tr("reached the epoch limit ({0}); raise Epochs to train on").format(
                self.epoch_limit)
            self._set_state(FINISHED)
            return
        self._message = ""
        self._rate_steps, self._rate_time = 0, time.perf_counter()
        self._set_state(TRAINING)

    def _manual(self, action: Callable[[], object]) -> None:
        """Step or step-epoch: run it, then hold (paused) so the user can look."""
        if self._state == DIVERGED:
            raise Diverged(_tr("training diverged; reset the weights to start again"))
        action()
        self._publish()
        self._set_state(FINISHED if self._at_limit() else PAUSED)

    def _train_once(self) -> None:
        engine = self.engine
        assert engine is not None
        now = time.perf_counter()
        publish = now - self._last_publish >= 1.0 / PUBLISH_HZ
        try:
            engine.train_step(capture=publish)
        except Exception as exc:
            self._fail(exc)
            return
        self._rate_steps += 1
        if self._at_limit():
            self._message = _tr("finished {0} epochs").format(self.epoch_limit)
            self._publish()
            self._set_state(FINISHED)
            return
        if publish:
            self._publish()
        if now - self._last_status >= 1.0 / STATUS_HZ:
            self._emit_status()

    def _fail(self, exc: BaseException) -> None:
        """Training itself failed: stop, keep the message for the status bar, tell the GUI."""
        self._message = str(exc) if isinstance(exc, Diverged) else describe_error(exc)
        with contextlib.suppress(Exception):  # a broken engine may not draw; the message matters
            self._publish()
        self._set_state(DIVERGED if isinstance(exc, Diverged) else ERROR)
        self.failed.emit(self._message)

    def _publish(self) -> None:
        if self.engine is None:
            return
        self._last_publish = time.perf_counter()
        self.buffer.put(self.engine.snapshot(resolution=self.resolution))

    def _set_state(self, state: str) -> None:
        self._state = state
        if state != TRAINING:
            self._rate = 0.0
        self._emit_status()

    def _emit_status(self) -> None:
        now = time.perf_counter()
        if self._state == TRAINING and now > self._rate_time:
            elapsed = now - self._rate_time
            if elapsed >= 0.2:
                self._rate = self._rate_steps / elapsed
                self._rate_steps, self._rate_time = 0, now
        self._last_status = now
        self.statusChanged.emit(self.current_status())

    def current_status(self) -> WorkerStatus:
        engine = self.engine
        return WorkerStatus(
            state=self._state,
            step=engine.step if engine else 0,
            epoch=engine.epoch if engine else 0,
            steps_per_second=self._rate,
            seconds=engine.seconds if engine else 0.0,
            device=str(engine.device) if engine else "",
            message=self._message,
            generation=self.generation,
        )


def describe_error(exc: BaseException) -> str:
    """An exception as a sentence for the status bar (no traceback)."""
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    if "CUDA" in text or "cuda" in text:
        return _tr("the GPU reported an error: {0}").format(text)
    if isinstance(exc, MemoryError):
        return _tr("out of memory; try a smaller model, batch size or data set")
    return text
