"""The GUI's handle on one training runner: a child process by default, a thread on request.

Why a process: on a 2-core machine the GIL made drawing and training take turns, and the window
halved the engine's speed (measured in issue 10: 0.43–0.58× in a thread). In its own interpreter
the runner trains at full speed on one core while the window draws on the other, and the window
never imports torch, so it opens before torch has loaded. Processes come from a ``forkserver`` that
preloads the runner (torch included) once, so every later window or rebuild forks in ≈ 40 ms.

Both modes run the same ``playground.core.runner.serve`` over a ``multiprocessing`` pipe, speaking
``core.protocol``. A reader thread here turns the runner's events into Qt signals (queued to the
GUI thread), resolves request futures and drops snapshots into the latest-wins ``SnapshotBuffer``
that a GUI timer draws from. One handle serves one runner: when the runner dies, every pending
request fails with ``RunnerDied``, ``died`` is emitted, and the controller starts a new handle.
A runner process that is alive but silent for ``HANG_S`` (stopped, or stuck in C code holding the
GIL) is killed by the handle's watchdog, and so dies the same way.
"""

from __future__ import annotations

import contextlib
import itertools
import multiprocessing
import os
import threading
import time
import weakref
from concurrent.futures import Future
from multiprocessing.connection import Connection
from threading import Lock
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from playground.app.processes import MODE_ENV, process_context
from playground.core.errors import quote
from playground.core.protocol import (
    NO_REPLY,
    PROTOCOL_VERSION,
    Beat,
    Command,
    Failed,
    Hello,
    ProtocolMismatch,
    Quit,
    RemoteError,
    Reply,
    Request,
    RunnerDied,
    SnapshotEvent,
    StatusEvent,
    TrainedEvent,
)
from playground.core.snapshot import Snapshot
from playground.core.status import describe_error

_workers: weakref.WeakSet[EngineWorker] = weakref.WeakSet()

HANG_S = 10.0
"""A runner process silent this long is hung and killed (then restarted like a dead one). It sends a
``Beat`` every ``BEAT_S`` from its sending thread, which a long step never blocks; the longest the
largest allowed model kept it silent was 0.6 s at load 1.3 and 1.0 s at load 3–4.5 on 2 cores
(``bench/runner_silence.py``: build, training, full views, trained-state captures, save and
export), so 10 s is 10× that and still tells the user within seconds. Tests set it lower."""
WATCHDOG_POLL_S = 0.25


def _tr(text: str) -> str:
    return QCoreApplication.translate("EngineWorker", text)


def live_runners() -> list[EngineWorker]:
    """Runners still alive (tests assert none is left behind)."""
    return [w for w in list(_workers) if w.alive()]


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
    """Starts one runner, sends it commands, and turns what it sends back into signals."""

    statusChanged = Signal(object)
    """A ``WorkerStatus``."""
    failed = Signal(object)
    """Why training stopped (diverged, an error): a ``str``, or the runner's ``Text``."""
    trained = Signal(object)
    """A ``TrainedEvent``: the newest trained state, kept by the window in case this runner dies."""
    died = Signal(object)
    """This handle, once its runner is gone without being asked to quit (``reason`` says how)."""

    def __init__(self, buffer: SnapshotBuffer, mode: str | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.buffer = buffer
        self.mode = mode or os.environ.get(MODE_ENV, "process")
        if self.mode not in ("process", "thread"):
            raise ValueError(f"{MODE_ENV} must be 'process' or 'thread', not {quote(self.mode)}")
        self._conn, self._child_conn = multiprocessing.Pipe(duplex=True)
        self._send_lock = Lock()
        self._pending: dict[int, Future] = {}
        self._pending_lock = Lock()
        self._ids = itertools.count()
        self._process: Any = None
        self._runner_thread: threading.Thread | None = None
        self._closed = False
        self._gone = False
        self.reason = ""
        """How the runner ended, in words (for the status bar), once it has."""
        self.started_at = time.monotonic()
        self.last_heard = self.started_at
        """When the runner last sent anything (a ``Beat`` at least every ``BEAT_S`` while it lives)."""
        self._heard = False
        self.hung = False
        """The watchdog killed this runner because it stopped answering."""
        self._started = threading.Event()
        self._reader = threading.Thread(target=self._read, name="EngineWorkerReader", daemon=True)
        self._watchdog = threading.Thread(target=self._watch, name="EngineWorkerWatchdog", daemon=True)
        self.hello: Future | None = None
        _workers.add(self)

    # ------------------------------------------------------------------ life
    def start(self) -> None:
        """Start the runner and the reader; returns at once (the first process start waits for torch).

        The first request is ``Hello``: a runner of another protocol version refuses it and quits.
        """
        self.started_at = self.last_heard = time.monotonic()
        self.hello = self.post(Hello(PROTOCOL_VERSION))
        self._reader.start()
        self._watchdog.start()

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

    def alive(self) -> bool:
        """Whether the runner may still answer: starting, or its process or thread is alive."""
        if self._gone or (self._closed and not self._reader.is_alive()):
            return False
        if self._runner_thread is not None:
            return self._runner_thread.is_alive()
        if self._process is not None:
            return self._process.is_alive()
        return not self._started.is_set() or self._reader.is_alive()

    def lived(self) -> float:
        """Seconds from its start to the last time it was heard from: how long it ran healthily."""
        return self.last_heard - self.started_at

    @property
    def closed(self) -> bool:
        """Shut down, or known to be gone: nothing more will be sent."""
        return self._closed or self._gone

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process is not None else None

    def exitcode(self) -> int | None:
        """The runner process's exit code (negative: the signal that killed it), once it has ended."""
        if self._process is None:
            return None
        with contextlib.suppress(Exception):
            self._process.join(0.2)  # reaps it: the code is known a moment after the pipe closed
        return self._process.exitcode

    def describe_end(self) -> str:
        """How the runner ended, in words: "the training process stopped (exit code -9)"."""
        if not self.reason:
            code = self.exitcode()
            self.reason = (_tr("the training process stopped (exit code {0})").format(code) if code is not None
                           else _tr("the training process stopped"))
        return self.reason

    def shutdown(self, timeout: float = 10.0) -> bool:
        """Ask the runner to quit; one that does not within ``timeout`` (hung, stopped) is killed.

        Returns within about ``timeout`` + 1 s whatever the runner does; True if it quit by itself.
        """
        if self._closed:
            return True
        deadline = time.monotonic() + timeout
        self._closed = True

        def left() -> float:
            return max(deadline - time.monotonic(), 0.0)

        if not self._gone:
            self.post(Quit(), reply=False)
        self._started.wait(left())
        done = True
        if self._runner_thread is not None:
            self._runner_thread.join(left())
            done = not self._runner_thread.is_alive()
        elif self._process is not None:
            self._process.join(left())
            if self._process.is_alive():
                done = False
                self._process.kill()  # SIGKILL: also ends a stopped (SIGSTOP) or hung process
                self._process.join(1.0)
        self._reader.join(max(left(), 0.5))
        with contextlib.suppress(OSError):
            self._conn.close()
        self._cancel_pending()
        return done

    # ------------------------------------------------------------------ requests
    def post(self, command: Command, reply: bool = True) -> Future:
        """Send ``command``; the future holds its answer, or a ``RemoteError`` (``RunnerDied``: it is gone).

        Without ``reply`` the future is done at once: its result is None, or ``RunnerDied`` when the
        command could not be sent — a dead runner never swallows a command silently.
        """
        future: Future = Future()
        if (self._closed and not isinstance(command, Quit)) or self._gone:
            future.set_exception(RunnerDied(self.reason or _tr("the training process has stopped")))
            return future
        request_id = next(self._ids) if reply else NO_REPLY
        if reply:
            with self._pending_lock:
                self._pending[request_id] = future
        try:
            with self._send_lock:
                self._conn.send(Request(request_id, command))
        except (OSError, ValueError, EOFError) as exc:  # broken pipe, reset, closed handle: all "gone"
            with self._pending_lock:
                self._pending.pop(request_id, None)
            self._gone = True
            future.set_exception(RunnerDied(_tr("the training process has stopped ({0})").format(exc)))
            return future
        if not reply:
            future.set_result(None)
        return future

    # ------------------------------------------------------------------ reader thread
    def _read(self) -> None:
        try:
            self._launch()
        except Exception as exc:  # e.g. no memory for a process: say so, keep the window
            self.reason = _tr("the training process could not start: {0}").format(describe_error(exc))
            self._gone = True
            self._started.set()
            self._cancel_pending()
            with contextlib.suppress(RuntimeError):
                self.died.emit(self)
            return
        self._started.set()
        conn: Connection = self._conn
        while True:
            try:
                message = conn.recv()
            except (EOFError, OSError):
                break
            except Exception as exc:  # a message that cannot be read: report, keep reading
                self.last_heard = time.monotonic()
                with contextlib.suppress(RuntimeError):
                    self.failed.emit(describe_error(exc))
                continue
            self.last_heard, self._heard = time.monotonic(), True
            try:
                self._deliver(message)
            except RuntimeError:  # the window (and this object's signals) went away first:
                self._closed = True  # hang up, so the runner sees the end of the pipe and stops
                with contextlib.suppress(OSError):
                    self._conn.close()
                break
        if not self._closed:  # the runner died under us (killed, out of memory, a crash)
            self._gone = True
            self.describe_end()
        self._cancel_pending()
        if self._gone and not self._closed:
            with contextlib.suppress(RuntimeError):
                self.died.emit(self)

    def _watch(self) -> None:
        """The watchdog thread: kill a runner process silent for ``HANG_S`` once it has spoken.

        Its reader then sees the pipe's end and the controller restarts it as for a death. The
        silence counts only while this process ran: after the window itself was stopped or starved
        (this loop woke late), the runner gets ``HANG_S`` again to be heard.
        """
        awake = listening = time.monotonic()
        while not self.closed:
            time.sleep(min(WATCHDOG_POLL_S, HANG_S / 4))
            now = time.monotonic()
            if now - awake > max(4 * WATCHDOG_POLL_S, HANG_S / 2):
                listening = now  # we were not listening: the runner's silence says nothing yet
            awake = now
            process = self._process
            if process is None or not self._heard or self.closed or now - max(self.last_heard, listening) <= HANG_S:
                continue
            with contextlib.suppress(OSError, ValueError):
                if self._conn.poll(0):  # a message waits for the reader: not silent
                    continue
            self.reason = _tr("the training process stopped answering")
            self.hung = True
            with contextlib.suppress(Exception):
                process.kill()  # SIGKILL ends a stopped process too; the reader sees the end of the pipe
            return

    def _deliver(self, message: Any) -> None:
        if isinstance(message, Beat):
            return  # only says the runner lives (``last_heard``)
        if isinstance(message, SnapshotEvent):
            self.buffer.put(message.snapshot)
        elif isinstance(message, StatusEvent):
            self.statusChanged.emit(message.status)
        elif isinstance(message, TrainedEvent):
            self.trained.emit(message)
        elif isinstance(message, Failed):
            self.failed.emit(message.message)
        elif isinstance(message, Reply):
            with self._pending_lock:
                future = self._pending.pop(message.id, None)
            if future is not None and not future.done():
                if message.ok:
                    future.set_result(message.value)
                elif isinstance(message.value, RemoteError):
                    future.set_exception(message.value)
                else:
                    future.set_exception(RemoteError(message.value))
        else:  # a runner of another version (``Hello`` refuses those): say so, keep reading
            self.failed.emit(str(ProtocolMismatch(f"unknown runner event {type(message).__name__}")))

    def _cancel_pending(self) -> None:
        with self._pending_lock:
            pending, self._pending = self._pending, {}
        reason = self.reason or _tr("the training process stopped before answering")
        for future in pending.values():
            if not future.done():
                future.set_exception(RunnerDied(reason))


__all__ = ["EngineWorker", "SnapshotBuffer", "live_runners"]
