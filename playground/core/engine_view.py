"""``EngineView``: what the publisher reads of the engine, and nothing else.

The publisher turns the engine's state into snapshots ~30 times a second; it must never change
training. Naming the few members it reads, read-only, keeps it that way and keeps ``publish`` from
importing the engine (which imports ``publish``): the engine satisfies this Protocol by shape.
"""

from __future__ import annotations

from typing import Protocol

import torch

from playground.core.evaluation import Evaluation
from playground.core.history import ArrayHistory
from playground.core.snapshot import Metrics
from playground.core.train_state import TrainState


class EngineView(Protocol):
    """What the publisher reads of the engine, and nothing else; it never writes to it.

    The training state (weights, optimizer, counters, history), the parameters by name, the
    progress of the current step, and the ``Evaluation`` that measures and draws the model.
    """

    @property
    def state(self) -> TrainState: ...
    @property
    def evaluation(self) -> Evaluation: ...
    @property
    def params(self) -> list[torch.Tensor]: ...
    @property
    def param_names(self) -> list[str]: ...
    @property
    def labels(self) -> dict[str, str]: ...
    @property
    def previous_weights(self) -> list[torch.Tensor] | None: ...
    @property
    def macs(self) -> int: ...
    @property
    def device(self) -> torch.device: ...
    @property
    def batch_size(self) -> int: ...
    @property
    def steps_per_epoch(self) -> int: ...
    @property
    def lr(self) -> float: ...
    @property
    def last_loss(self) -> float: ...
    @property
    def diverged(self) -> bool: ...
    @property
    def metrics(self) -> Metrics: ...
    @property
    def batch_history(self) -> ArrayHistory: ...
    def flush_quietly(self) -> None: ...
    def sampled_metrics(self, limit: int) -> Metrics: ...
