"""The engine's builds, as the training controller sends them: waited on or not, sent again to a
new runner when one dies under them, and adopted (data set, status, first picture) when done.

A mixin of ``TrainingController`` (it uses the controller's runner, signals and busy text): the
controller's one job is the runner conversation, this module's is the life of a build.
"""

from __future__ import annotations

import itertools
import logging
import time
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from playground.core.data.dataset import Dataset
from playground.core.protocol import Build, RunnerDied, RunnerTimeout, TrainedEvent
from playground.core.spec import Experiment
from playground.core.status import WorkerStatus

log = logging.getLogger("playground.app.training")


def _tr(text: str) -> str:
    return QCoreApplication.translate("TrainingController", text)


@dataclass(eq=False)
class BuildJob:
    """A build the window waits for; it outlives a runner that dies under it (sent again, once)."""

    command: Build
    future: Future
    """Done on the GUI thread once the engine is adopted (or refused): what ``build`` waits on."""
    inner: Future | None = None
    """The request to the current runner."""
    retries: int = 1
    restore: bool = False
    """A restart's own rebuild of the engine that died."""


class EngineBuilds:
    """Builds under way (``_jobs``), the engine the window wants (``_wanted``) and the one in use (``_engine``)."""

    def _init_builds(self) -> None:
        self._generations = itertools.count(1)
        self._jobs: list[BuildJob] = []
        """Builds under way: snapshots wait until the views know the new data set."""
        self._engine: Build | None = None
        """The request the engine in use was built from."""
        self._wanted: Build | None = None
        """The engine the window wants: a build under way, else ``_engine``."""
        self._trained: TrainedEvent | None = None
        """The newest trained state the runner sent (or the one a build started from)."""

    def build(self, experiment: Experiment, base_dir: Path | None) -> None:
        """Replace the engine (weights from ``experiment.state`` if any) and draw it at once.

        Raises the build's error (data, state or device problems) and keeps the old engine then. A
        runner that dies while building is replaced and the build sent again, once.
        """
        job = self._build_job(experiment, base_dir)
        try:
            self._answer(job.future, "build")
        except RunnerTimeout:
            self._abandon(job)
            raise

    def build_async(self, experiment: Experiment, base_dir: Path | None) -> Future:
        """Like ``build`` without waiting: ``built(future, error)`` is emitted when it is done."""
        return self._build_job(experiment, base_dir).future

    def _build_job(self, experiment: Experiment, base_dir: Path | None) -> BuildJob:
        command = Build(experiment, base_dir, next(self._generations))
        self._wanted = command
        self._live.clear()  # the experiment carries the settings of this moment
        job = BuildJob(command, Future())
        self._add_job(job)
        return job

    def _add_job(self, job: BuildJob) -> None:
        self._jobs.append(job)
        self._update_busy()
        self._send_job(job)

    def _send_job(self, job: BuildJob) -> None:
        inner = self.worker.post(job.command)
        job.inner = inner
        inner.add_done_callback(lambda answered, job=job: self._job_answered.emit(job, answered))

    def _on_job_answered(self, job: BuildJob, inner: Future) -> None:
        if inner is not job.inner or job not in self._jobs:
            return  # sent again to a new runner, or given up
        error = inner.exception()
        if isinstance(error, RunnerDied) and not self._closing:
            self.keeper.lost(self.worker)  # sends this job again (once) or fails it
            return
        self._jobs.remove(job)  # before adopting: the new engine's snapshot is drawn at once
        if error is None:
            try:
                self._adopt_build(job.command, inner.result())
            except Exception as exc:
                error = exc
        self._finish_job(job, error)

    def _abandon(self, job: BuildJob) -> None:
        """A build that timed out: its late answer is ignored, the window keeps the engine it has."""
        if job in self._jobs:
            self._jobs.remove(job)
            if self._wanted is job.command:
                self._wanted = self._engine
            self._update_busy()

    def _finish_job(self, job: BuildJob, error: BaseException | None) -> None:
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

    def last_trained(self) -> TrainedEvent | None:
        """The newest trained state of the engine in use that the window holds (None: none trained yet)."""
        trained, engine = self._trained, self._engine
        if trained is not None and engine is not None and trained.generation == engine.generation:
            return trained
        return None

    def _on_trained(self, event: TrainedEvent) -> None:
        if self._trained is None or event.generation >= self._trained.generation:
            self._trained = event

    def _rebuild(self, reason: str) -> None:
        """A new runner took over: send it the build under way (once more), or rebuild the engine
        that died from the newest trained state the window holds."""
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
                self.restoring.emit()
                self._add_job(BuildJob(command, Future(), restore=True))

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
