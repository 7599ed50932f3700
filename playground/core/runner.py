"""The training loop that owns an engine, driven by messages over a ``multiprocessing`` connection.

It is the whole of the app's training side and imports no Qt, so it runs in a child process (the
app's default: training gets its own interpreter and GIL, so drawing never slows it) or in a
thread of the app (same code, same messages). Inbound messages are ``(request_id, command, args)``;
outbound ones are tuples tagged ``"status"``, ``"snapshot"``, ``"failed"`` or ``"reply"``.

Snapshots leave at most ``PUBLISH_HZ`` times a second through a latest-wins outbox served by its
own thread, so a busy GUI that reads slowly never blocks a training step; statuses and replies are
never dropped and keep their order.
"""

from __future__ import annotations

import contextlib
import math
import select
import threading
import time
from collections import deque
from collections.abc import Callable
from pathlib import Path
from typing import Any

from playground.core.engine import DIVERGED_TEXT, Diverged, Engine
from playground.core.spec import Experiment
from playground.core.status import (
    DIVERGED,
    ERROR,
    FINISHED,
    IDLE,
    PAUSED,
    TRAINING,
    TRAINING_COMMANDS,
    WorkerStatus,
    describe_error,
)
from playground.core.threads import configure_threads
from playground.core.translate import Text
from playground.core.views import ViewRequest

PUBLISH_HZ = 24.0
"""Snapshots per second while training: smooth pictures for a small share of the training time."""
STATUS_HZ = 4.0
"""Status messages per second while training (steps/s, epoch): readable numbers, few messages."""
POLL_S = 0.002
"""How often a training loop looks for commands: Pause answers within a step plus 2 ms."""

class Outbox:
    """Sends messages in order from its own thread; an unsent snapshot is replaced by a newer one."""

    def __init__(self, send: Callable[[Any], None]) -> None:
        self._send = send
        self._queue: deque[Any] = deque()
        self._cond = threading.Condition()
        self._closed = False
        self.broken = False
        self._thread = threading.Thread(target=self._run, name="RunnerOutbox", daemon=True)
        self._thread.start()

    def put(self, message: tuple) -> None:
        with self._cond:
            if message[0] == "snapshot":
                for i, queued in enumerate(self._queue):
                    if queued[0] == "snapshot":
                        del self._queue[i]
                        break
            self._queue.append(message)
            self._cond.notify()

    def _run(self) -> None:
        while True:
            with self._cond:
                while not self._queue and not self._closed:
                    self._cond.wait()
                if not self._queue:
                    return
                message = self._queue.popleft()
            try:
                self._send(message)
            except (OSError, EOFError, ValueError):  # the app went away: nothing left to tell
                self.broken = True
                return

    def close(self, timeout: float = 5.0) -> None:
        """Send what is queued, then stop the thread."""
        with self._cond:
            self._closed = True
            self._cond.notify()
        self._thread.join(timeout)


def _waiting_check(conn: Any) -> Callable[[], bool]:
    """Whether a message waits on ``conn``: ``Connection.poll`` builds a selector per call (≈ 60 µs,
    3 % of a small model's training at 500 checks a second); one ``select.poll`` object costs ≈ 1 µs."""
    try:
        poller = select.poll()
        poller.register(conn.fileno(), select.POLLIN)
    except (AttributeError, OSError, ValueError):
        return conn.poll
    return lambda: bool(poller.poll(0))


class Runner:
    """Owns the ``Engine``; every engine call happens on the runner's thread."""

    def __init__(self, conn: Any) -> None:
        self.conn = conn
        self._waiting = _waiting_check(conn)
        self.outbox = Outbox(conn.send)
        self.engine: Engine | None = None
        self.epoch_limit = 0
        self.views = ViewRequest()
        self.generation = 0
        self.notes: tuple[str, ...] = ()
        self._state = IDLE
        self._message = ""
        self._last_publish = 0.0
        self._last_status = 0.0
        self._last_poll = 0.0
        self._rate_steps = 0
        self._rate_time = 0.0
        self._rate = 0.0

    # ------------------------------------------------------------------ loop
    def run(self) -> None:
        try:
            while True:
                if self._state == TRAINING:
                    now = time.perf_counter()
                    if now - self._last_poll < POLL_S:
                        self._train_once(now)
                        continue
                    self._last_poll = now
                    if not self._waiting():
                        self._train_once(now)
                        continue
                message = self.conn.recv()
                if not self._handle(*message):
                    return
        except (EOFError, OSError):  # the app closed its end (or died): stop quietly
            return
        finally:
            self.outbox.close()

    def _handle(self, request_id: int, command: str, args: tuple[Any, ...]) -> bool:
        if command == "quit":
            self._reply(request_id, True, None)
            return False
        try:
            result = self._dispatch(command, args)
        except Exception as exc:
            message = describe_error(exc)
            self._reply(request_id, False, message)
            if command in TRAINING_COMMANDS:
                self._fail(exc)
            elif command not in ("build", "call"):  # e.g. a bad option: say so, keep going
                self.outbox.put(("failed", message))
        else:
            self._reply(request_id, True, result)
        return True

    def _reply(self, request_id: int, ok: bool, value: Any) -> None:
        if request_id >= 0:
            self.outbox.put(("reply", request_id, ok, value))

    def _dispatch(self, command: str, args: tuple[Any, ...]) -> Any:
        if command == "build":
            return self._build(*args)
        if command == "views":
            self.views = args[0]
            if self._state != TRAINING:
                self._publish()
            return None
        if command == "devices":
            from playground.core.registry import available_devices

            return available_devices()
        if command == "limit":
            self.epoch_limit = int(args[0])
            if self._state == FINISHED and not self._at_limit():
                self._set_state(PAUSED)
            return None
        engine = self.engine
        if engine is None:
            raise RuntimeError(Text("runner", "there is no model to train yet"))
        if command == "call":
            fn, fn_args = args
            return fn(engine, *fn_args)
        if command == "start":
            self._start()
        elif command == "pause":
            if self._state == TRAINING:
                self._set_state(PAUSED)  # say so first: the last picture of a big model takes a moment
                self._publish()
        elif command == "stop":
            if self._state in (TRAINING, PAUSED, FINISHED, ERROR):
                self._message = ""
                self._set_state(IDLE)
                self._publish()
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
        elif command == "set_value":
            old = engine.set_value(*args)
            self._publish()
            self._emit_status()
            return old
        else:
            raise ValueError(f"unknown runner command {command!r}")
        return None

    # ------------------------------------------------------------------ engine life
    def _build(self, experiment: Experiment, base_dir: Path | None) -> tuple[Any, WorkerStatus]:
        """A new engine; on failure the old one stays, so a bad request changes nothing.

        A device this machine lacks falls back to the CPU with a note (a file made on a GPU
        machine still opens); returns the data set (plain numpy) and the status for the plots.
        """
        notes: list[str] = []
        device = experiment.training.device
        try:
            from playground.core.registry import resolve_device

            resolve_device(device)
        except ValueError:
            notes.append(Text("runner", "{0} is not available here; training on the CPU instead").format(device))
            experiment = experiment.model_copy(deep=True)
            experiment.training.device = "cpu"
        engine = Engine(experiment, base_dir)
        self.engine = engine
        self.notes = tuple(notes)
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
            raise Diverged(DIVERGED_TEXT)
        if self._at_limit():
            self._message = Text("runner", "reached the epoch limit ({0}); raise Epochs to train on").format(
                self.epoch_limit)
            self._set_state(FINISHED)
            return
        self._message = ""
        self._rate_steps, self._rate_time = 0, time.perf_counter()
        self._set_state(TRAINING)

    def _manual(self, action: Callable[[], object]) -> None:
        """Step or step-epoch: run it, then hold (paused) so the user can look."""
        if self._state == DIVERGED:
            raise Diverged(DIVERGED_TEXT)
        self._message = ""
        action()
        self._publish()
        self._set_state(FINISHED if self._at_limit() else PAUSED)

    def _train_once(self, now: float) -> None:
        engine = self.engine
        assert engine is not None
        publish = now - self._last_publish >= 1.0 / PUBLISH_HZ
        try:
            engine.train_step(capture=publish)
            if publish and not self._waiting():  # a waiting command (Pause) goes first
                self._publish(complete=False)
        except Exception as exc:
            self._fail(exc)
            return
        self._rate_steps += 1
        if self._at_limit():
            self._message = Text("runner", "finished %n epoch(s)", None, self.epoch_limit)
            self._publish()
            self._set_state(FINISHED)
            return
        if now - self._last_status >= 1.0 / STATUS_HZ:
            self._emit_status()

    def _fail(self, exc: BaseException) -> None:
        """Training itself failed: stop, keep the message for the status bar, tell the GUI."""
        self._message = describe_error(exc)
        with contextlib.suppress(Exception):  # a broken engine may not draw; the message matters
            self._publish()
        self._set_state(DIVERGED if isinstance(exc, Diverged) else ERROR)
        self.outbox.put(("failed", self._message))

    def _publish(self, complete: bool = True) -> None:
        if self.engine is None:
            return
        self._last_publish = time.perf_counter()
        self.outbox.put(("snapshot", self.engine.snapshot(self.views, complete=complete)))

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
        self.outbox.put(("status", self.current_status()))

    def current_status(self) -> WorkerStatus:
        engine = self.engine
        return WorkerStatus(
            state=self._state,
            step=engine.step if engine else 0,
            epoch=engine.epoch if engine else 0,
            steps_per_second=self._rate if math.isfinite(self._rate) else 0.0,
            seconds=engine.seconds if engine else 0.0,
            device=str(engine.device) if engine else "",
            message=self._message,
            generation=self.generation,
            notes=self.notes,
        )


def serve(conn: Any) -> None:
    """Entry point of the runner's process or thread: serve ``conn`` until told to quit."""
    Runner(conn).run()

