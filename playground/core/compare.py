"""Compare: one setting, 2–8 values, every variant trained on the same data from the same start.

Variants that differ only in what leaves the model's shape and the batch order's *length* alone —
learning rate, L1/L2, momentum, betas, weight decay, the init seed — train together in one batched
pass (``compare_batched``). Variants that change a shape, the data or the batch size (width,
activation, optimizer, dropout, data seed, batch size) train as separate engines, an epoch each in
turn. Either way each variant is an ordinary engine with its own history, so a variant's numbers are
the ones training it alone gives.
"""

from __future__ import annotations

import math
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from playground.core.errors import quote
from playground.core.spec import Experiment

MIN_VARIANTS, MAX_VARIANTS = 2, 8
SETTINGS: dict[str, str] = {
    "lr": "learning rate",
    "l1": "L1 regularisation",
    "l2": "L2 regularisation",
    "momentum": "SGD momentum",
    "beta1": "Adam β₁",
    "beta2": "Adam β₂",
    "weight_decay": "weight decay",
    "seed": "init seed (weights and batch order)",
    "data_seed": "data seed",
    "batch_size": "batch size",
    "dropout": "dropout of every hidden layer",
    "optimizer": "optimizer",
    "activation": "activation of every hidden layer",
    "width": "width of every hidden layer (widthN: hidden layer N)",
}
"""What Compare can vary, with a phrase for help texts and menus."""
OPTIMIZER_PARAMS = ("lr", "momentum", "beta1", "beta2", "weight_decay", "eps")
BATCHABLE = frozenset({*OPTIMIZER_PARAMS, "l1", "l2", "seed"})
"""Settings whose variants can share one batched pass (same shapes, same batch length)."""
_TEXT_SETTINGS = ("optimizer", "activation")
_INT_SETTINGS = ("seed", "data_seed", "batch_size")


class CompareError(ValueError):
    """A setting or value Compare cannot use; the message names it."""


def _setting_key(setting: str) -> str:
    key = setting.strip().lower().replace("-", "_")
    key = {"learning_rate": "lr", "init_seed": "seed", "batch": "batch_size", "data.seed": "data_seed"}.get(key, key)
    if key in SETTINGS or (key.startswith("width") and key[5:].isdigit()):
        return key
    raise CompareError(f"cannot vary {quote(setting)}; choose one of: {', '.join(SETTINGS)}")


def parse_vary(text: str) -> tuple[str, list[Any]]:
    """``lr=0.003,0.01`` → ``("lr", [0.003, 0.01])``; 2–8 distinct values."""
    if "=" not in text:
        raise CompareError(f"--vary: expected SETTING=V1,V2,… (e.g. lr=0.01,0.1), got {quote(text)}")
    name, _, raw = text.partition("=")
    key = _setting_key(name)
    values: list[Any] = []
    for item in (v.strip() for v in raw.split(",")):
        if not item:
            continue
        if key in _TEXT_SETTINGS:
            values.append(item)
            continue
        try:
            number = float(item)
        except ValueError:
            raise CompareError(f"--vary {key}: {quote(item)} is not a number") from None
        if not math.isfinite(number):
            raise CompareError(f"--vary {key}: {quote(item)} is not a finite number")
        if key in _INT_SETTINGS or key.startswith("width"):
            if number != int(number):
                raise CompareError(f"--vary {key}: {quote(item)} must be a whole number")
            number = int(number)
        values.append(number)
    check_values(key, values)
    return key, values


def check_values(key: str, values: Sequence[Any]) -> None:
    if not MIN_VARIANTS <= len(values) <= MAX_VARIANTS:
        raise CompareError(f"{key}: give {MIN_VARIANTS} to {MAX_VARIANTS} values, got {len(values)}")
    if len(set(values)) != len(values):
        raise CompareError(f"{key}: a value is given twice")


def value_text(value: Any) -> str:
    return f"{value:.6g}" if isinstance(value, float) else str(value)


def variant_label(key: str, value: Any) -> str:
    """A variant's title: ``lr 0.03``, ``activation relu``."""
    return f"{key.replace('_', ' ')} {value_text(value)}"


def apply_setting(experiment: Experiment, key: str, value: Any) -> Experiment:
    """The experiment with one setting changed, validated as a file would be; no trained state.

    A value the schema refuses raises ``CompareError`` naming the setting and the value.
    """
    from pydantic import ValidationError

    from playground.core.experiment_io import format_validation_error

    doc = experiment.model_dump(mode="json")
    doc["state"] = None
    doc["runs"] = []
    data, model, training = doc["data"], doc["model"], doc["training"]
    if key in OPTIMIZER_PARAMS:
        training["optimizer"][key] = value
    elif key in ("l1", "l2", "seed", "batch_size"):
        training[key] = value
    elif key == "data_seed":
        data["seed"] = value
    elif key == "optimizer":
        from playground.core.registry import OPTIMIZERS

        if value not in OPTIMIZERS:
            raise CompareError(f"optimizer: unknown {quote(value)}; choose one of: {', '.join(OPTIMIZERS.keys())}")
        known = {p.name for p in OPTIMIZERS[value].params}
        kept = {k: v for k, v in training["optimizer"].items() if k in known and k != "name"}
        training["optimizer"] = {"name": value, **kept}
    elif key in ("dropout", "activation"):
        if not model["hidden"]:
            raise CompareError(f"{key}: the model has no hidden layer")
        for layer in model["hidden"]:
            layer[key] = value
    elif key.startswith("width"):
        layers = model["hidden"]
        which = range(len(layers)) if key == "width" else [int(key[5:]) - 1]
        if not layers or any(not 0 <= i < len(layers) for i in which):
            raise CompareError(f"{key}: the model has {len(layers)} hidden layer(s)")
        for i in which:
            layers[i]["units"] = value
        model["init_values"] = None  # literal weights no longer fit
    try:
        return Experiment.model_validate(doc)
    except ValidationError as exc:
        raise CompareError(f"{variant_label(key, value)}: {format_validation_error(exc)}") from None


@dataclass
class Variant:
    """One value of the compared setting and the engine that trains it."""

    value: Any
    label: str
    experiment: Experiment
    engine: Any = None
    error: str | None = None
    """Why it stopped early (it diverged); ``None`` while it trains or once it finished."""


def _batch_key(experiment: Experiment) -> str:
    """Everything but the batchable settings: equal keys can share a batched pass."""
    doc = experiment.model_dump(mode="json", exclude={"name", "description", "view", "state", "runs"})
    for key in ("l1", "l2", "seed"):
        doc["training"].pop(key)
    for key in OPTIMIZER_PARAMS:
        doc["training"]["optimizer"].pop(key, None)
    return repr(doc)


class Comparison:
    """Variants of one experiment, trained side by side to ``epochs`` epochs each.

    ``advance(seconds)`` trains for about that long and returns (the GUI calls it in chunks so the
    runner stays responsive); ``train()`` runs to the end. ``batched=False`` trains every variant as
    its own engine (the reference path the batched one is tested against).
    """

    def __init__(self, experiment: Experiment, key: str, values: Sequence[Any], epochs: int,
                 base_dir: Path | None = None, device: str | None = None, batched: bool = True,
                 dataset: Any = None) -> None:
        from playground.core.compare_batched import BatchedGroup, can_batch
        from playground.core.data.build import make_dataset
        from playground.core.engine import Engine

        key = _setting_key(key)
        check_values(key, list(values))
        if epochs < 1:
            raise CompareError("epochs: train at least 1 epoch")
        self.key, self.epochs = key, int(epochs)
        self.variants = [Variant(v, variant_label(key, v), apply_setting(experiment, key, v)) for v in values]
        datasets: dict[str, Any] = {}
        if dataset is not None:  # already read (the runner's, a benchmark's): variants of the same data share it
            datasets[experiment.data.model_dump_json()] = dataset
        for variant in self.variants:
            data_key = variant.experiment.data.model_dump_json()
            if data_key not in datasets:
                datasets[data_key] = make_dataset(variant.experiment.data, base_dir)
            variant.engine = Engine(variant.experiment, base_dir=base_dir, device=device,
                                    dataset=datasets[data_key])
        groups: dict[str, list[Variant]] = {}
        for variant in self.variants:
            name = _batch_key(variant.experiment) if batched and can_batch(variant.engine) else id(variant)
            groups.setdefault(str(name), []).append(variant)
        self.units: list[Any] = []
        """What one round trains: a batched group, or a single engine."""
        for members in groups.values():
            if len(members) > 1:
                self.units.append(BatchedGroup([m.engine for m in members]))
            else:
                self.units.extend(m.engine for m in members)
        self.seconds = 0.0

    @property
    def batched(self) -> bool:
        """Whether any variants share a batched pass."""
        from playground.core.compare_batched import BatchedGroup

        return any(isinstance(u, BatchedGroup) for u in self.units)

    def _engines(self, unit: Any) -> list[Any]:
        return unit.engines if hasattr(unit, "engines") else [unit]

    def _unit_done(self, unit: Any) -> bool:
        return all(e.diverged or e.epoch >= self.epochs for e in self._engines(unit))

    @property
    def done(self) -> bool:
        return all(self._unit_done(u) for u in self.units)

    def _train_unit_epoch(self, unit: Any) -> None:
        from playground.core.engine import Diverged

        if hasattr(unit, "engines"):
            unit.train_epoch()
            return
        try:
            unit.train_epoch()
        except Diverged as exc:
            for variant in self.variants:
                if variant.engine is unit:
                    variant.error = str(exc.args[0]) if exc.args else "diverged"

    def advance(self, seconds: float = math.inf) -> bool:
        """Train each unfinished unit an epoch in turn until ``seconds`` have passed; returns ``done``."""
        started = time.perf_counter()
        while not self.done:
            for unit in self.units:
                if not self._unit_done(unit):
                    self._train_unit_epoch(unit)
            if time.perf_counter() - started >= seconds:
                break
        for variant in self.variants:
            if variant.engine.diverged and variant.error is None:
                variant.error = "diverged"
        self.seconds += time.perf_counter() - started
        return self.done

    def train(self, callback=None) -> None:
        """Every variant to ``epochs``; ``callback(comparison)`` after each round (progress)."""
        while not self.advance(0.0):
            if callback is not None:
                callback(self)

    def sync(self) -> None:
        """Hand the batched optimizer state to each engine (before saving or training one alone)."""
        for unit in self.units:
            if hasattr(unit, "sync"):
                unit.sync()

    def trained(self, index: int) -> Experiment:
        """Variant ``index`` as a trained experiment, ready to save or to keep as the experiment."""
        self.sync()
        return self.variants[index].engine.experiment()

    def rows(self) -> list[dict[str, Any]]:
        """One summary per variant: value, epochs, steps, final metrics, wall time, status."""
        out = []
        for variant in self.variants:
            e = variant.engine
            e.flush_quietly()
            m = e.metrics
            out.append({"setting": self.key, "value": variant.value, "epochs": e.epoch, "steps": e.step,
                        "train_loss": m.train_loss, "test_loss": m.test_loss, "metric": m.metric_name,
                        "train_metric": m.train_metric, "test_metric": m.test_metric,
                        "seconds": round(e.seconds, 3), "status": variant.error or "ok"})
        return out

    def runs(self, previous=None) -> list:
        """Each variant as a run record, labelled by its value."""
        from playground.core.runs import make_run

        records = []
        for variant in self.variants:
            e = variant.engine
            records.append(make_run(variant.experiment, e.history.arrays(), metric=e.metrics.metric_name,
                                    steps=e.step, seconds=e.seconds, device=str(e.device),
                                    previous=previous, changed=variant.label))
        return records
