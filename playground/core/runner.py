"""The training loop that owns an engine, driven by typed messages over a ``multiprocessing`` connection.

It is the whole of the app's training side and imports no Qt, so it runs in a child process (the
app's default: training gets its own interpreter and GIL, so drawing never slows it) or in a
thread of the app (same code, same messages). The messages are the dataclasses of
``core.protocol``: a ``Request`` in, events out; ``HANDLERS`` maps each command to its method.

Snapshots leave at most ``PUBLISH_HZ`` times a second through a latest-wins outbox served by its
own thread, so a busy GUI that reads slowly never blocks a training step; statuses and replies are
never dropped and keep their order. The trained state goes to the window too (``TrainedEvent``)
whenever training stops and every few seconds while it runs: if this process dies, the window
starts a new runner from it and the user loses at most those seconds.
"""

from __future__ import annotations

import contextlib
import math
import select
import threading
import time
from collections import deque
from collections.abc import Callable
from typing import Any

from playground.core.engine import DIVERGED_TEXT, Diverged, Engine
from playground.core.protocol import (
    BEAT_S,
    NO_REPLY,
    PROTOCOL_VERSION,
    Beat,
    Build,
    Call,
    Command,
    Devices,
    Event,
    Export,
    Failed,
    Hello,
    Limit,
    Pause,
    ProtocolMismatch,
    Quit,
    ReadExperiment,
    Reply,
    Request,
    Reset,
    SaveTrained,
    SetOption,
    SetValue,
    SnapshotEvent,
    Start,
    StatusEvent,
    Step,
    StepEpoch,
    Stop,
    TrainedEvent,
    Views,
)
from playground.core.spec import Experiment
from playground.core.status import (
    DIVERGED,
    ERROR,
    FINISHED,
    IDLE,
    PAUSED,
    TRAINING,
    RunState,
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
TRAINED_EVERY_S = 2.0
"""While training, the trained state goes to the window this often: a dead runner costs at most
this many seconds of training."""
TRAINED_SHARE = 0.02
"""…and never more than this share of the training time: capturing the largest model allowed takes
0.23 s, so it is sent every 11.5 s; a small model's (≈ 2 ms) every 2 s."""

class Outbox:
    """Sends messages in order from its own thread; an unsent snapshot is replaced by a newer one.

    Idle for ``BEAT_S``, it sends a ``Beat``: the window hears from a live runner at least that often,
    however long a step, a build or an export keeps the training thread busy.
    """

    def __init__(self, send: Callable[[Any], None]) -> None:
        self._send = send
        self._queue: deque[Event] = deque()
        self._cond = threading.Condition()
        self._closed = False
        self.broken = False
        self._thread = threading.Thread(target=self._run, name="RunnerOutbox", daemon=True)
        self._thread.start()

    def put(self, message: Event) -> None:
        with self._cond:
            kind = type(message)
            if kind in (SnapshotEvent, TrainedEvent):  # only the newest of these matters
                for i, queued in enumerate(self._queue):
                    if type(queued) is kind:
                        del self._queue[i]
                        break
            self._queue.append(message)
            self._cond.notify()

    def _run(self) -> None:
        while True:
            with self._cond:
                while not self._queue and not self._closed:
                    if not self._cond.wait(BEAT_S):
                        self._queue.append(Beat())
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
        self.asked_device = ""
        """The device the experiment asks for (the engine may use the CPU instead): files keep asking."""
        self.epoch_limit = 0
        self.views = ViewRequest()
        self.generation = 0
        self.notes: tuple[str, ...] = ()
        self._greeted = False
        self._state = IDLE
        self._message = ""
        self._last_publish = 0.0
        self._last_status = 0.0
        self._last_poll = 0.0
        self._rate_steps = 0
        self._rate_time = 0.0
        self._rate = 0.0
        self._trained_step = -1
        """The step of the trained state the window last got (-1: none, or changed since)."""
        self._next_trained = 0.0
        self._running = True

    # ------------------------------------------------------------------ loop
    def run(self) -> None:
        try:
            while self._running:
                if self._state == TRAINING:
                    now = time.perf_counter()
                    if now - self._last_poll < POLL_S:
                        self._train_once(now)
                        continue
                    self._last_poll = now
                    if not self._waiting():
                        self._train_once(now)
                        continue
                elif self._trained_step < 0 and self.engine is not None and not self._waiting():
                    self._send_trained()  # stopped with state the window does not have yet
                request = self.conn.recv()
                self._handle(request)
        except (EOFError, OSError):  # the app closed its end (or died): stop quietly
            return
        finally:
            self.outbox.close()

    def _handle(self, request: Request) -> None:
        command = request.command
        try:
            if not self._greeted and not isinstance(command, Hello):
                raise ProtocolMismatch(f"the first request must be Hello, not {type(command).__name__}")
            handler = HANDLERS.get(type(command))
            if handler is None:
                raise ProtocolMismatch(f"unknown runner command {type(command).__name__}")
            result = handler(self, command)
        except ProtocolMismatch as exc:
            self._reply(request.id, False, exc)
            self._running = False
        except Exception as exc:
            message = describe_error(exc)
            self._reply(request.id, False, message)
            if command.trains:
                self._fail(exc)
            elif not command.quiet:  # e.g. a bad option: say so, keep going
                self.outbox.put(Failed(message))
        else:
            self._reply(request.id, True, result)

    def _reply(self, request_id: int, ok: bool, value: Any) -> None:
        if request_id != NO_REPLY:
            self.outbox.put(Reply(request_id, ok, value))

    # ------------------------------------------------------------------ handlers
    def _hello(self, command: Hello) -> int:
        if command.version != PROTOCOL_VERSION:
            raise ProtocolMismatch(
                f"the window speaks protocol {command.version}, this runner {PROTOCOL_VERSION}")
        self._greeted = True
        return PROTOCOL_VERSION

    def _quit(self, _command: Quit) -> None:
        self._running = False

    def _views(self, command: Views) -> None:
        self.views = command.request
        if self._state != TRAINING:
            self._publish()

    def _devices(self, _command: Devices) -> list[Any]:
        from playground.core.registry import available_devices

        return available_devices()

    def _limit(self, command: Limit) -> None:
        self.epoch_limit = int(command.epochs)
        if self._state == FINISHED and not self._at_limit():
            self._set_state(PAUSED)

    def _need_engine(self) -> Engine:
        if self.engine is None:
            raise RuntimeError(Text("runner", "there is no model to train yet"))
        return self.engine

    def _call(self, command: Call) -> Any:
        return command.fn(self._need_engine(), *command.args)

    def _read_experiment(self, _command: ReadExperiment) -> Experiment:
        return self.trained_experiment()

    def _save_trained(self, command: SaveTrained) -> str:
        from playground.core.background_save import save_with_meta, with_trained_state

        experiment = with_trained_state(command.experiment, self.trained_experiment())
        save_with_meta(experiment, command.base_dir, command.path, command.meta_path, command.meta,
                       command.private)
        return command.path

    def _export(self, command: Export) -> str:
        import warnings

        from playground.core.export import ExportWarning, export_experiment

        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ExportWarning)  # the dialog has said it already
            return export_experiment(command.experiment, command.base_dir, command.path, command.fmt,
                                     command.lesson, command.lang)

    def _start_training(self, _command: Start) -> None:
        self._need_engine()
        self._start()

    def _pause(self, _command: Pause) -> None:
        self._need_engine()
        if self._state == TRAINING:
            self._set_state(PAUSED, trained_first=False)  # say so first: the last picture of a big model
            self._publish()  # takes a moment; the trained state follows when no command waits

    def _stop(self, _command: Stop) -> None:
        self._need_engine()
        if self._state in (TRAINING, PAUSED, FINISHED, ERROR):
            self._message = ""
            self._set_state(IDLE)
            self._publish()

    def _step(self, _command: Step) -> None:
        engine = self._need_engine()
        self._manual(lambda: engine.train_step(capture=True))

    def _step_epoch(self, _command: StepEpoch) -> None:
        engine = self._need_engine()
        self._manual(lambda: engine.train_epoch(capture=True))

    def _reset(self, _command: Reset) -> None:
        self._need_engine().reset()
        self._trained_step = -1
        self._message = ""
        self._publish()
        self._set_state(IDLE)

    def _set_option(self, command: SetOption) -> None:
        engine = self._need_engine()
        engine.set_option(command.name, command.value)
        configure_threads(engine)
        self._trained_step = -1

    def _set_value(self, command: SetValue) -> float:
        old = self._need_engine().set_value(command.name, tuple(command.index), float(command.value))
        self._trained_step = -1
        self._publish()
        self._emit_status()
        return old

    # ------------------------------------------------------------------ engine life
    def _build(self, command: Build) -> tuple[Any, WorkerStatus]:
        """A new engine; on failure the old one stays, so a bad request changes nothing.

        A device this machine lacks falls back to the CPU with a note (a file made on a GPU
        machine still opens); returns the data set (plain numpy) and the status for the plots.
        """
        experiment: Experiment = command.experiment
        notes: list[str] = []
        device = experiment.training.device
        try:
            from playground.core.registry import resolve_device

            resolve_device(device)
        except ValueError:
            notes.append(Text("runner", "{0} is not available here; training on the CPU instead").format(device))
            experiment = experiment.model_copy(deep=True)
            experiment.training.device = "cpu"
        engine = Engine(experiment, command.base_dir)
        self.engine = engine
        self.asked_device = device
        self.notes = tuple(notes)
        configure_threads(engine)
        self.generation = command.generation
        self.epoch_limit = experiment.training.epochs
        self._message = ""
        # the window built it from this state (or from none): it has it already
        self._trained_step = command.experiment.state.step if command.experiment.state is not None else 0
        self._publish()
        self._set_state(IDLE)
        return engine.dataset, self.current_status()

    def trained_experiment(self) -> Experiment:
        """The engine's experiment with its trained state, asking for the device the file asked for."""
        experiment = self._need_engine().experiment(include_state=True)
        if self.asked_device and experiment.training.device != self.asked_device:
            experiment.training.device = self.asked_device
        return experiment

    def _send_trained(self) -> None:
        """Tell the window the trained state (if it has changed), at most ``TRAINED_SHARE`` of the time."""
        engine = self.engine
        if engine is None:
            return
        started = time.perf_counter()
        try:
            experiment = self.trained_experiment()
        except Exception:  # a broken engine (diverged): the last good state the window has stays
            self._trained_step = engine.step
            return
        self._trained_step = engine.step
        self.outbox.put(TrainedEvent(self.generation, engine.step, experiment))
        cost = time.perf_counter() - started
        self._next_trained = time.perf_counter() + max(TRAINED_EVERY_S, cost / TRAINED_SHARE)

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
        self._next_trained = self._rate_time + TRAINED_EVERY_S
        self._set_state(TRAINING)

    def _manual(self, action: Callable[[], object]) -> None:
        """Step or step-epoch: run it, then hold (paused) so the user can look."""
        if self._state == DIVERGED:
            raise Diverged(DIVERGED_TEXT)
        self._message = ""
        self._trained_step = -1
        action()
        self._send_trained()  # before the picture: the picture and its status arrive together
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
        self._trained_step = -1
        self._rate_steps += 1
        if self._at_limit():
            self._message = Text("runner", "finished %n epoch(s)", None, self.epoch_limit)
            self._send_trained()
            self._publish()
            self._set_state(FINISHED)
            return
        if now - self._last_status >= 1.0 / STATUS_HZ:
            self._emit_status()
        if now >= self._next_trained:
            self._send_trained()

    def _fail(self, exc: BaseException) -> None:
        """Training itself failed: stop, keep the message for the status bar, tell the GUI."""
        self._message = describe_error(exc)
        with contextlib.suppress(Exception):  # a broken engine may not draw; the message matters
            self._publish()
        if isinstance(exc, Diverged):
            self._trained_step = self.engine.step if self.engine is not None else 0  # keep the last good state
        self._set_state(DIVERGED if isinstance(exc, Diverged) else ERROR)
        self.outbox.put(Failed(self._message))

    def _publish(self, complete: bool = True) -> None:
        if self.engine is None:
            return
        self._last_publish = time.perf_counter()
        self.outbox.put(SnapshotEvent(self.engine.snapshot(self.views, complete=complete)))

    def _set_state(self, state: RunState, trained_first: bool = True) -> None:
        if trained_first and state != TRAINING and self._trained_step < 0:
            # the window holds the trained state of a stop before it is told of it: a runner
            # killed while stopped loses nothing (Pause says so first, then sends it: the largest
            # model's capture takes 0.23 s, and Pause must answer at once)
            self._send_trained()
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
        self.outbox.put(StatusEvent(self.current_status()))

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


HANDLERS: dict[type[Command], Callable[[Runner, Any], Any]] = {
    Hello: Runner._hello,
    Quit: Runner._quit,
    Build: Runner._build,
    Views: Runner._views,
    Devices: Runner._devices,
    Limit: Runner._limit,
    Call: Runner._call,
    ReadExperiment: Runner._read_experiment,
    SaveTrained: Runner._save_trained,
    Export: Runner._export,
    Start: Runner._start_training,
    Pause: Runner._pause,
    Stop: Runner._stop,
    Step: Runner._step,
    StepEpoch: Runner._step_epoch,
    Reset: Runner._reset,
    SetOption: Runner._set_option,
    SetValue: Runner._set_value,
}
"""Every command the runner understands, and the method that does it (a test checks none is missing)."""


def serve(conn: Any) -> None:
    """Entry point of the runner's process or thread: serve ``conn`` until told to quit."""
    Runner(conn).run()
