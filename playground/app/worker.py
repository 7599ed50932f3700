"""The GUI's handle on the training runner: a child process by default, a thread on request.

Why a process: on a 2-core machine the GIL made drawing and training take turns, and the window
halved the engine's speed (measured in issue 10: 0.43–0.58× in a thread). In its own interpreter
the runner trains at full speed on one core while the window draws on the other, and the window
never imports torch, so it opens before torch has loaded. Processes come from a ``forkserver`` that
preloads the runner (torch included) once, so every later window or rebuild forks in ≈ 40 ms.

Both modes run the same ``playground.core.runner.serve`` over a ``multiprocessing`` pipe; a reader
thread here turns its messages into Qt signals (queued to the GUI thread), resolves request futures
and drops snapshots into the latest-wins ``SnapshotBuffer`` that a GUI timer draws from.
"""

from __future__ import annotations

import contextlib
import itertools
import multiprocessing
import os
import threading
import weakref
from concurrent.futures import Future
from multiprocessing.connection import Connection
from threading import Lock
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from playground.app.processes import MODE_ENV, process_context
from playground.core.snapshot import Snapshot
from playground.core.status import (
    DIVERGED,
    ERROR,
    FINISHED,
    IDLE,
    PAUSED,
    TRAINING,
    RemoteError,
    WorkerStatus,
    describe_error,
)

_workers: weakref.WeakSet[EngineWorker] = weakref.WeakSet()


def _tr(text: str) -> str:
    return QCoreApplication.translate("EngineWorker", text)


def live_workers() -> list[EngineWorker]:
    """Runners still alive (tests assert none is left behind)."""
    return [w for w in list(_workers) if w.isRunning()]


live_threads = live_workers


class SnapshotBuffer:
    """Latest-wins hand-over: the reader overwrites, the GUI takes; never more than one waits."""

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


class EngineWorker(QObject):
    """Starts the runner, sends it commands, and turns what it sends back into signals."""

    statusChanged = Signal(object)
    """A ``WorkerStatus``."""
    failed = Signal(object)
    """Why training stopped (diverged, an error, the runner died): a ``str``, or the runner's ``Text``."""

    def __init__(self, buffer: SnapshotBuffer, mode: str | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.buffer = buffer
        self.mode = mode or os.environ.get(MODE_ENV, "process")
        if self.mode not in ("process", "thread"):
            raise ValueError(f"{MODE_ENV} must be 'process' or 'thread', not {self.mode!r}")
        self._conn, self._child_conn = multiprocessing.Pipe(duplex=True)
        self._send_lock = Lock()
        self._pending: dict[int, Future] = {}
        self._pending_lock = Lock()
        self._ids = itertools.count()
        self._process: Any = None
        self._runner_thread: threading.Thread | None = None
        self._closed = False
        self._started = threading.Event()
        self._reader = threading.Thread(target=self._read, name="EngineWorkerReader", daemon=True)
        _workers.add(self)

    # ------------------------------------------------------------------ life
    def start(self) -> None:
        """Start the runner and the reader; returns at once (the first process start waits for torch)."""
        self._reader.start()

    def _launch(self) -> None:
        if self.mode == "thread":
            from playground.core.runner import serve  # torch loads in this process only in thread mode

            self._runner_thread = threading.Thread(target=serve, args=(self._child_conn,),
                                                   name="TrainingThread", daemon=True)
            self._runner_thread.start()
        else:
            from playground.core.runner_entry import serve_process

            process = process_context().Process(target=serve_process, args=(self._child_conn,),
                                                name="TrainingProcess", daemon=True)
            process.start()
            self._process = process
            self._child_conn.close()

    def isRunning(self) -> bool:
        if self._closed and not self._reader.is_alive():
            return False
        if self._runner_thread is not None:
            return self._runner_thread.is_alive()
        if self._process is not None:
            return self._process.is_alive()
        return self._reader.is_alive()

    def wait(self, msecs: int = 10_000) -> bool:
        """Stop the runner and wait up to ``msecs`` (QThread's name for it); True once it has stopped."""
        return self.shutdown(msecs / 1000)

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process is not None else None

    def shutdown(self, timeout: float = 10.0) -> bool:
        """Ask the runner to quit and wait for it; a runner that does not answer is terminated."""
        if self._closed:
            return True
        self._closed = True
        if self._reader.is_alive() or self._started.is_set():
            self.post("quit")
        self._started.wait(timeout)
        done = True
        if self._runner_thread is not None:
            self._runner_thread.join(timeout)
            done = not self._runner_thread.is_alive()
        elif self._process is not None:
            self._process.join(timeout)
            if self._process.is_alive():
                self._process.terminate()
                self._process.join(2.0)
                done = False
        self._reader.join(timeout)
        self._conn.close()
        self._cancel_pending()
        return done

    # ------------------------------------------------------------------ requests
    def post(self, command: str, *args: Any, reply: bool = True) -> Future:
        """Send a command; the future holds its result, or a ``RemoteError`` with the runner's message."""
        future: Future = Future()
        if self._closed and command != "quit":
            future.set_exception(RemoteError(_tr("the training process has stopped")))
            return future
        request_id = next(self._ids) if reply else -1
        if reply:
            with self._pending_lock:
                self._pending[request_id] = future
        try:
            with self._send_lock:
                self._conn.send((request_id, command, args))
        except (OSError, ValueError) as exc:
            with self._pending_lock:
                self._pending.pop(request_id, None)
            future.set_exception(RemoteError(_tr("the training process has stopped ({0})").format(exc)))
            return future
        if not reply:
            future.set_result(None)
        return future

    # ------------------------------------------------------------------ reader thread
    def _read(self) -> None:
        try:
            self._launch()
        except Exception as exc:  # e.g. no memory for a process: say so, keep the window
            self._started.set()
            self.failed.emit(_tr("the training process could not start: {0}").format(describe_error(exc)))
            self._cancel_pending()
            return
        self._started.set()
        conn: Connection = self._conn
        while True:
            try:
                message = conn.recv()
            except (EOFError, OSError):
                break
            except Exception as exc:  # a message that cannot be read: report, keep reading
                self.failed.emit(describe_error(exc))
                continue
            try:
                self._deliver(message)
            except RuntimeError:  # the window (and this object's signals) went away first:
                self._closed = True  # hang up, so the runner sees the end of the pipe and stops
                with contextlib.suppress(OSError):
                    self._conn.close()
                break
        self._cancel_pending()
        if not self._closed:  # the runner died under us (killed, out of memory, a crash)
            code = self._process.exitcode if self._process is not None else None
            with contextlib.suppress(RuntimeError):
                self.failed.emit(_tr("the training process stopped unexpectedly (exit code {0}); "
                                     "your experiment is kept — open or edit it to train again").format(code))

    def _deliver(self, message: tuple) -> None:
        kind = message[0]
        if kind == "snapshot":
            self.buffer.put(message[1])
        elif kind == "status":
            self.statusChanged.emit(message[1])
        elif kind == "failed":
            self.failed.emit(message[1])
        elif kind == "reply":
            _, request_id, ok, value = message
            with self._pending_lock:
                future = self._pending.pop(request_id, None)
            if future is not None and not future.done():
                if ok:
                    future.set_result(value)
                else:
                    future.set_exception(RemoteError(value))

    def _cancel_pending(self) -> None:
        with self._pending_lock:
            pending, self._pending = self._pending, {}
        for future in pending.values():
            if not future.done():
                future.set_exception(RemoteError(_tr("the training process stopped before answering")))


__all__ = ["DIVERGED", "ERROR", "FINISHED", "IDLE", "PAUSED", "TRAINING", "EngineWorker", "SnapshotBuffer",
           "WorkerStatus", "describe_error", "live_threads", "live_workers"]
