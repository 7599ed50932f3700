"""What every exporter reads: one consistent, CPU-side snapshot of a model and its data.

A snapshot is built either from a live :class:`Engine` (weights cloned between two steps) or from an
experiment with trained state, as the GUI hands it over. The second path never touches torch's
global random generator for a trained model, so exporting while the worker trains cannot change
the dropout masks of the run in progress.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import torch
from torch import nn

from playground.core.data.build import make_dataset
from playground.core.data.dataset import Dataset
from playground.core.features import Preprocess
from playground.core.model import build_model, head, skeleton
from playground.core.registry import LOSSES, torch_dtype
from playground.core.spec import Experiment
from playground.core.state import check_state_dict, decode_tensors

if TYPE_CHECKING:
    from playground.core.engine import Engine


@dataclass(frozen=True)
class ExportSource:
    """A frozen copy of everything an export needs; ``weights`` is the model's CPU state dict."""

    spec: Experiment
    """The experiment without state (settings as they are now)."""
    dataset: Dataset
    weights: dict[str, torch.Tensor]
    loss_key: str
    out_dim: int
    step: int
    epoch: int
    base_dir: Path | None

    @property
    def task(self) -> str:
        return self.dataset.task

    @property
    def in_dim(self) -> int:
        return self.dataset.input_dim

    @property
    def dtype(self) -> torch.dtype:
        return torch_dtype(self.spec.training.dtype)

    @property
    def loss_target(self) -> str:
        return LOSSES[self.loss_key].target

    def preprocess(self) -> Preprocess:
        return self.dataset.preprocess()

    def model(self) -> nn.Sequential:
        """A fresh CPU module holding ``weights`` in eval mode (built on ``meta``: no RNG used)."""
        return model_with_weights(self.spec, self.in_dim, self.out_dim, self.dtype, self.weights)


def model_with_weights(spec: Experiment, in_dim: int, out_dim: int, dtype: torch.dtype,
                       weights: dict[str, torch.Tensor]) -> nn.Sequential:
    model = skeleton(spec.model, in_dim, out_dim).to_empty(device="cpu").to(dtype)
    expected = model.state_dict()
    check_state_dict(expected, weights)
    model.load_state_dict({k: v.to(expected[k].dtype) for k, v in weights.items()})
    return model.eval()


def _cpu_copy(state: dict[str, torch.Tensor]) -> dict[str, torch.Tensor]:
    return {k: v.detach().to("cpu").clone().contiguous() for k, v in state.items()}


def from_engine(engine: Engine) -> ExportSource:
    """Snapshot a live engine (call it between steps, e.g. on the worker thread)."""
    return ExportSource(
        spec=engine.spec.model_copy(deep=True),
        dataset=engine.dataset,
        weights=_cpu_copy(engine.model.state_dict()),
        loss_key=engine.loss_key,
        out_dim=engine.out_dim,
        step=engine.step,
        epoch=engine.epoch,
        base_dir=engine.base_dir,
    )


def from_experiment(experiment: Experiment, base_dir: Path | None = None) -> ExportSource:
    """Snapshot an experiment: its trained weights, or the seeded initial weights when untrained.

    Only the untrained case seeds torch (as ``Engine.reset`` does), inside ``fork_rng`` so the
    caller's generator state comes back unchanged.
    """
    spec = experiment.model_copy(deep=True)
    state, spec.state = spec.state, None
    dataset = make_dataset(spec.data, base_dir)
    loss_key, out_dim = head(spec.training, dataset.task, dataset.n_classes)
    dtype = torch_dtype(spec.training.dtype)
    if state is not None:
        tensors = decode_tensors(state.tensors)
        weights = {k[len("model."):]: v for k, v in tensors.items() if k.startswith("model.")}
        weights = _cpu_copy(model_with_weights(spec, dataset.input_dim, out_dim, dtype, weights).state_dict())
        step, epoch = state.step, state.epoch
    else:
        with torch.random.fork_rng(devices=[]):
            torch.manual_seed(spec.training.seed)
            model = build_model(spec.model, dataset.input_dim, out_dim, dtype)
        weights, step, epoch = _cpu_copy(model.state_dict()), 0, 0
    return ExportSource(spec=spec, dataset=dataset, weights=weights, loss_key=loss_key, out_dim=out_dim,
                        step=step, epoch=epoch, base_dir=base_dir)
