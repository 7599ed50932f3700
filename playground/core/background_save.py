"""Saving an experiment with its trained state, wherever that state is held.

An autosave of a trained experiment means reading the weights and optimizer state from the engine,
encoding them and writing indented JSON — 50–150 ms of Python on a small model, seconds on a big
one. Done in the window, that froze the event loop once a minute while training; the runner does it
(``protocol.SaveTrained``), costing the training one pause between two steps and the window nothing.
When the runner is gone the window writes the last trained state it holds with the same functions.
"""

from __future__ import annotations

import json
import os
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


def private_file(path: str | Path) -> None:
    """Make ``path`` readable by its owner only (0600), creating it empty if missing: an atomic save
    keeps an existing file's mode, so what is written there later stays private from the first byte."""
    path = Path(path)
    if path.exists():
        os.chmod(path, 0o600)
    else:
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))


def save_with_meta(experiment: Experiment, base_dir: Path | None, path: str | Path,
                   meta_path: str | Path | None = None, meta: dict | None = None, private: bool = False) -> None:
    """Save atomically, then the small JSON that says what the file is (autosave's ``.meta.json``).

    ``private``: both files are the owner's only (0600), as autosaves are documented to be.
    """
    if private:
        private_file(path)
    save_experiment(experiment, path, from_dir=base_dir or Path.cwd())
    if meta_path is not None:
        if private:
            private_file(meta_path)
        atomic_write(Path(meta_path), json.dumps(meta or {}))
