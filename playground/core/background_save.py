"""Saving an experiment with its trained state where the state lives: in the runner.

An autosave of a trained experiment means reading the weights and optimizer state from the engine,
encoding them and writing indented JSON — 50–150 ms of Python on a small model, seconds on a big
one. Done in the window, that froze the event loop once a minute while training; done here (the
runner's process), it costs the training one pause between two steps and the window nothing.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from playground.core.experiment_io import save_experiment
from playground.core.savefile import atomic_write
from playground.core.spec import Experiment


def structure(exp: Experiment) -> tuple[Any, ...]:
    """Everything whose change needs a new engine (new weights): state from another structure never fits."""
    t = exp.training
    return (exp.data, exp.model, t.optimizer.name, t.loss, t.reduction, t.device, t.dtype, t.seed)


def with_trained_state(experiment: Experiment, trained: Experiment) -> Experiment:
    """``experiment`` (the document's) given the engine's trained state when that state fits it."""
    if trained.state is not None and structure(trained) == structure(experiment):
        experiment.state = trained.state
    return experiment


def save_with_meta(experiment: Experiment, base_dir: Path | None, path: str | Path,
                   meta_path: str | Path | None = None, meta: dict | None = None) -> None:
    """Save atomically, then the small JSON that says what the file is (autosave's ``.meta.json``)."""
    save_experiment(experiment, path, from_dir=base_dir or Path.cwd())
    if meta_path is not None:
        atomic_write(Path(meta_path), json.dumps(meta or {}))


def save_trained(engine: Any, experiment: Experiment, base_dir: Path | None, path: str,
                 meta_path: str | None = None, meta: dict | None = None) -> str:
    """``experiment`` (the document) saved with the engine's trained state when it fits.

    Runs in the runner (``engine`` is its ``Engine``); this module imports no torch, so the window
    may name the function it sends there.
    """
    save_with_meta(with_trained_state(experiment, engine.experiment(include_state=True)), base_dir, path,
                   meta_path, meta)
    return path
