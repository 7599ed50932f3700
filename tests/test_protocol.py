"""The window–runner protocol: every command has a handler, messages pickle, a version is checked."""

from __future__ import annotations

import multiprocessing
import pickle
import threading

import pytest

from playground.core import protocol
from playground.core.protocol import (
    PROTOCOL_VERSION,
    Build,
    Command,
    Hello,
    ProtocolMismatch,
    Quit,
    Reply,
    Request,
    RunnerDied,
    Step,
    TrainedEvent,
)
from playground.core.runner import HANDLERS, serve
from playground.core.spec import DataSpec, Experiment, LayerSpec, ModelSpec


def all_commands() -> set[type[Command]]:
    return {obj for obj in vars(protocol).values()
            if isinstance(obj, type) and issubclass(obj, Command) and obj is not Command}


def test_every_command_has_a_handler_and_nothing_else_does() -> None:
    assert set(HANDLERS) == all_commands()


def test_errors_are_remote_errors_and_pickle() -> None:
    for error in (RunnerDied("gone"), ProtocolMismatch("v1")):
        assert isinstance(error, protocol.RemoteError)
        again = pickle.loads(pickle.dumps(error))
        assert type(again) is type(error) and str(again) == str(error)


class Runner:
    """A runner in a thread over a real pipe, spoken to as the window does."""

    def __init__(self) -> None:
        self.conn, child = multiprocessing.Pipe(duplex=True)
        self.thread = threading.Thread(target=serve, args=(child,), daemon=True)
        self.thread.start()
        self.ids = iter(range(1000))
        self.events: list = []

    def ask(self, command: Command) -> Reply:
        request_id = next(self.ids)
        self.conn.send(Request(request_id, command))
        while True:
            assert self.conn.poll(60), f"no answer to {command}"
            message = self.conn.recv()
            if isinstance(message, Reply) and message.id == request_id:
                return message
            self.events.append(message)


def test_a_runner_of_another_version_refuses_and_stops() -> None:
    runner = Runner()
    reply = runner.ask(Hello(PROTOCOL_VERSION + 1))
    assert not reply.ok and isinstance(reply.value, ProtocolMismatch)
    runner.thread.join(10)
    assert not runner.thread.is_alive()


def test_the_first_request_must_be_hello() -> None:
    runner = Runner()
    reply = runner.ask(Step())
    assert not reply.ok and isinstance(reply.value, ProtocolMismatch) and "Hello" in str(reply.value)
    runner.thread.join(10)
    assert not runner.thread.is_alive()


def test_a_stop_sends_the_trained_state_before_the_status() -> None:
    """A runner killed while stopped loses nothing: the window had the state before it saw the stop."""
    runner = Runner()
    assert runner.ask(Hello()).value == PROTOCOL_VERSION
    experiment = Experiment(data=DataSpec(kind="xor", samples=40), model=ModelSpec(hidden=[LayerSpec(units=3)]))
    assert runner.ask(Build(experiment, None, generation=7)).ok
    runner.events.clear()
    assert runner.ask(Step()).ok
    kinds = [type(e).__name__ for e in runner.events]
    trained = [e for e in runner.events if isinstance(e, TrainedEvent)]
    assert trained and trained[-1].step == 1 and trained[-1].generation == 7
    assert trained[-1].experiment.state is not None and trained[-1].experiment.state.step == 1
    paused = [i for i, e in enumerate(runner.events) if getattr(getattr(e, "status", None), "state", "") == "paused"]
    assert paused and kinds.index("TrainedEvent") < paused[0]
    assert runner.ask(Quit()).ok
    runner.thread.join(10)
    assert not runner.thread.is_alive()


@pytest.mark.parametrize("command", sorted(all_commands(), key=lambda c: c.__name__))
def test_commands_pickle(command: type[Command]) -> None:
    import dataclasses

    fields = {"experiment": Experiment(), "base_dir": None, "generation": 1, "request": None, "epochs": 3,
              "fn": len, "name": "lr", "value": 0.1, "index": (0,), "path": "x.json", "version": 2}
    args = {f.name: fields[f.name] for f in dataclasses.fields(command) if f.name in fields}
    message = Request(1, command(**args))
    assert pickle.loads(pickle.dumps(message)) == message


def test_an_idle_runner_beats_and_a_busy_one_too() -> None:
    """The heartbeat the window's watchdog listens for comes while nothing else is said, also while
    the training thread is busy in a long call (it is sent by the sending thread)."""
    from playground.core.protocol import BEAT_S, Beat, Call

    runner = Runner()
    assert runner.ask(Hello()).ok
    assert runner.conn.poll(20 * BEAT_S) and isinstance(runner.conn.recv(), Beat)  # idle: nothing else to say
    experiment = Experiment(data=DataSpec(kind="xor", samples=40), model=ModelSpec(hidden=[LayerSpec(units=3)]))
    assert runner.ask(Build(experiment, None, generation=1)).ok
    runner.events.clear()
    assert runner.ask(Call(_sleep, (6 * BEAT_S,))).ok  # the training thread busy for 6 beats
    assert sum(isinstance(e, Beat) for e in runner.events) >= 2, [type(e).__name__ for e in runner.events]
    assert runner.ask(Quit()).ok
    runner.thread.join(10)


def _sleep(_engine, seconds: float) -> float:
    import time

    time.sleep(seconds)
    return seconds
