"""What crosses the pipe between the window and the runner: typed commands, events and errors.

The window sends ``Request(id, command)``; ``id`` is ``NO_REPLY`` for a command nobody waits on.
The runner sends events: ``StatusEvent``, ``SnapshotEvent``, ``TrainedEvent``, ``Failed`` and the
``Reply`` to a request. Both ends import this module only (no torch, no Qt), so the window can name
every message without loading torch, and a command the runner has no handler for is caught by a
test rather than by a user. ``PROTOCOL_VERSION`` is checked by the first request (``Hello``): a
runner from another version of the package (a stale forkserver) is refused, not half-understood.

A runner that is gone is one exception, ``RunnerDied``, whatever the pipe said (EOF, broken pipe,
a reset): the controller answers it by starting a new runner.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

from playground.core.status import WorkerStatus

PROTOCOL_VERSION = 3
"""Raise it with any change to the messages below."""
NO_REPLY = -1


# ---------------------------------------------------------------------------- commands
@dataclass(frozen=True)
class Command:
    """Something the window asks the runner to do."""

    trains: ClassVar[bool] = False
    """A training command: its failure stops training (the status says why)."""
    quiet: ClassVar[bool] = False
    """Its failure is only the requester's business (a build, a read): no ``Failed`` event."""


@dataclass(frozen=True)
class Hello(Command):
    """The first request of every runner: its answer is the runner's ``PROTOCOL_VERSION``."""

    version: int = PROTOCOL_VERSION
    quiet: ClassVar[bool] = True


@dataclass(frozen=True)
class Build(Command):
    """A new engine for ``experiment`` (weights from its ``state``); the old one stays on failure."""

    experiment: Any
    base_dir: Path | None
    generation: int
    """Chosen by the window, so a new runner never reuses the number of an engine it replaced."""
    quiet: ClassVar[bool] = True


@dataclass(frozen=True)
class Views(Command):
    request: Any
    """A ``ViewRequest``: what the visible views need in each snapshot."""


@dataclass(frozen=True)
class Devices(Command):
    quiet: ClassVar[bool] = True


@dataclass(frozen=True)
class Limit(Command):
    epochs: int


@dataclass(frozen=True)
class Call(Command):
    """``fn(engine, *args)`` between two steps; ``fn`` must pickle (a module-level function)."""

    fn: Any
    args: tuple[Any, ...] = ()
    quiet: ClassVar[bool] = True


@dataclass(frozen=True)
class ReadExperiment(Command):
    """The engine's experiment with its trained state, read between two steps (consistent)."""

    quiet: ClassVar[bool] = True


@dataclass(frozen=True)
class SaveTrained(Command):
    """Save ``experiment`` (the document) with the engine's trained state where it fits.

    Written here, where the state lives: encoding it in the window froze it once a minute (autosave).
    """

    experiment: Any
    base_dir: Path | None
    path: str
    meta_path: str | None = None
    meta: dict | None = None
    private: bool = False
    """Owner-only files (0600): autosaves."""
    quiet: ClassVar[bool] = True


@dataclass(frozen=True)
class Export(Command):
    """Export ``experiment`` (with its trained state) to ``path``: building the model needs torch."""

    experiment: Any
    base_dir: Path | None
    path: str
    fmt: str | None = None
    quiet: ClassVar[bool] = True
    lesson: Any = None
    """A notebook of a lesson's run: the ``Lesson`` whose text comes first."""
    lang: str | None = None
    """The notebook's prose language (the window's)."""


@dataclass(frozen=True)
class Start(Command):
    trains: ClassVar[bool] = True


@dataclass(frozen=True)
class Pause(Command):
    pass


@dataclass(frozen=True)
class Stop(Command):
    pass


@dataclass(frozen=True)
class Step(Command):
    trains: ClassVar[bool] = True


@dataclass(frozen=True)
class StepEpoch(Command):
    trains: ClassVar[bool] = True


@dataclass(frozen=True)
class Reset(Command):
    pass


@dataclass(frozen=True)
class SetOption(Command):
    """A hyper-parameter the running engine takes from the next step on (``lr``, ``l2``, ``batch_size``…)."""

    name: str
    value: Any


@dataclass(frozen=True)
class SetValue(Command):
    """One weight or bias typed in by the user; answers the value it had."""

    name: str
    index: tuple[int, ...]
    value: float


@dataclass(frozen=True)
class Quit(Command):
    pass


@dataclass(frozen=True)
class Request:
    id: int
    command: Command


# ---------------------------------------------------------------------------- events
@dataclass(frozen=True)
class Event:
    """Something the runner tells the window."""


@dataclass(frozen=True)
class Beat(Event):
    """"Still here": sent when the runner has sent nothing else for ``BEAT_S``, from the thread that
    sends, not the one that trains, so a long step never delays it (Jupyter's heartbeat). A
    stopped (SIGSTOP) process, or one stuck in C code that holds the GIL, sends none: the window
    restarts a runner silent for ``HANG_S``."""


BEAT_S = 0.5
"""The runner's heartbeat when it has nothing else to say (the window's reader wakes twice a second)."""


@dataclass(frozen=True)
class StatusEvent(Event):
    status: WorkerStatus


@dataclass(frozen=True)
class SnapshotEvent(Event):
    snapshot: Any
    """A ``Snapshot``; only the newest unsent one is kept."""


@dataclass(frozen=True)
class TrainedEvent(Event):
    """The engine's experiment with its trained state: what a new runner starts from if this one dies.

    Sent when training pauses or stops, after a step or an edit, and every few seconds while training.
    """

    generation: int
    step: int
    experiment: Any = field(repr=False)


@dataclass(frozen=True)
class Failed(Event):
    message: Any
    """A ``str``, or the runner's ``Text`` (translated by the window)."""


@dataclass(frozen=True)
class Reply(Event):
    id: int
    ok: bool
    value: Any


# ---------------------------------------------------------------------------- errors
class RemoteError(Exception):
    """The runner could not do what was asked: its one-line reason (picklable, no traceback).

    The subclasses say why it never answered: it died, it did not answer in time, or it speaks
    another protocol.
    """


class RunnerDied(RemoteError):
    """The runner's process is gone (killed, out of memory, a crash) or its pipe is closed."""


class RunnerTimeout(RemoteError):
    """The runner did not answer in time (a very long step, or it hangs)."""


class ProtocolMismatch(RemoteError):
    """The runner speaks another ``PROTOCOL_VERSION`` (another installation's forkserver)."""


__all__ = [
    "BEAT_S",
    "NO_REPLY",
    "PROTOCOL_VERSION",
    "Beat",
    "Build",
    "Call",
    "Command",
    "Devices",
    "Event",
    "Export",
    "Failed",
    "Hello",
    "Limit",
    "Pause",
    "ProtocolMismatch",
    "Quit",
    "ReadExperiment",
    "RemoteError",
    "Reply",
    "Request",
    "Reset",
    "RunnerDied",
    "RunnerTimeout",
    "SaveTrained",
    "SetOption",
    "SetValue",
    "SnapshotEvent",
    "Start",
    "StatusEvent",
    "Step",
    "StepEpoch",
    "Stop",
    "TrainedEvent",
    "Views",
]
