"""The CLI's building blocks that need no argparse: new experiments, summaries, progress, metrics."""

from __future__ import annotations

import math
import os
import signal
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from pydantic import ValidationError

from playground.core.architecture import model_code, parameter_count
from playground.core.data.csv_data import import_csv
from playground.core.errors import SaveError, one_line, quote, quote_path
from playground.core.registry import DEFAULT_LOSS, OPTIMIZERS
from playground.core.resources import examples_dir
from playground.core.spec import (
    MULTICLASS_KINDS,
    SYNTHETIC_KINDS,
    DataSpec,
    Experiment,
    LayerSpec,
    ModelSpec,
    OptimizerSpec,
    TrainingSpec,
)
from playground.core.translate import translate

if TYPE_CHECKING:
    from playground.core.engine import Engine

EXAMPLES_DIR = examples_dir()


OPTIONS: dict[tuple[str, str], str] = {
    ("DataSpec", "samples"): "--samples", ("DataSpec", "noise"): "--noise",
    ("DataSpec", "train_fraction"): "--train-fraction", ("DataSpec", "seed"): "--data-seed",
    ("DataSpec", "classes"): "--classes", ("LayerSpec", "units"): "--hidden",
    ("LayerSpec", "activation"): "--activation", ("OptimizerSpec", "name"): "--optimizer",
    ("TrainingSpec", "loss"): "--loss", ("TrainingSpec", "batch_size"): "--batch-size",
    ("TrainingSpec", "epochs"): "--epochs", ("TrainingSpec", "seed"): "--seed",
    ("TrainingSpec", "device"): "--device", ("Experiment", "name"): "--name",
    ("Experiment", "description"): "--description", ("ModelSpec", "hidden"): "--hidden",
}
"""Which ``new`` option set a field, so a refusal names the option the user typed."""
FIELD_OPTIONS = {"model": "--hidden", "training.loss": "--loss", "training.batch_size": "--batch-size"}
"""The same for rules across fields, whose messages start with the field's path."""


def option_error(exc: ValidationError) -> str:
    """A pydantic error from building ``new``'s experiment, on one line, named by its option.

    ``--samples 3`` → ``--samples: Input should be greater than or equal to 10 (got 3)``.
    """
    parts = []
    for err in exc.errors(include_url=False)[:3]:
        loc = [str(p) for p in err["loc"] if not str(p).startswith("function-")]
        msg = one_line(err["msg"].removeprefix("Value error, "))
        option = OPTIONS.get((exc.title, loc[0])) if loc else None
        if option is None and exc.title == "OptimizerSpec":
            option = "--lr" if msg.startswith("lr ") else "--optimizer"
        if not loc and option is None:  # a rule across fields: its message names the field
            field = msg.split(":", 1)[0].split(" ", 1)[0]
            option = FIELD_OPTIONS.get(field)
            parts.append(f"{option}: {msg}" if option else msg)
            continue
        got = err.get("input")
        shown = "" if isinstance(got, (dict, list)) else f" (got {quote(got)})"
        parts.append(f"{option or '.'.join(loc)}: {msg}{shown}")
    return "; ".join(parts)


def _next_power_of_two(n: int) -> int:
    return 1 << max(n - 1, 0).bit_length()


def suggest_hidden(in_dim: int, out_dim: int) -> list[int]:
    """Two hidden layers sized from the data: 8,8 for TensorFlow Playground's 2-D sets, wider for wide data.

    The first layer is as wide as the inputs or the outputs (a power of two, 8 to 256), the second
    half that but no narrower than the outputs: 64 features and 10 classes give 64,32.
    """
    first = min(max(_next_power_of_two(max(in_dim, out_dim)), 8), 256)
    second = min(max(first // 2, _next_power_of_two(out_dim), 8), 256)
    return [first, second]


def _suggested_hidden(data: DataSpec) -> str:
    if data.csv is not None:
        in_dim = len(data.csv.features or [])
        out_dim = len(data.csv.classes) if data.csv.classes else 1
    else:
        in_dim = data.input_count or 1
        out_dim = data.n_classes or 1
    return ",".join(str(w) for w in suggest_hidden(in_dim, out_dim))


def parse_hidden(text: str | None, activation: str) -> list[LayerSpec]:
    if text is None:
        text = "8,8"
    text = text.strip()
    if text in ("", "none"):
        return []
    try:
        widths = [int(part) for part in text.split(",")]
    except ValueError:
        raise ValueError(f"--hidden: expected widths like 8,8 (or none), got {quote(text)}") from None
    if 0 in widths:  # "0" alone once meant "no layer" while "0,8" was refused: now one rule for both
        raise ValueError(f"--hidden: a layer needs at least 1 unit, got {quote(text)}; "
                         "use --hidden none for no hidden layer")
    return [LayerSpec(units=w, activation=activation) for w in widths]


def _relative(path: Path, base: Path) -> str:
    try:
        return str(path.resolve().relative_to(base))
    except ValueError:
        return str(path.resolve())


def build_new_experiment(args: Any, out_dir: Path, notes: list[str] | None = None) -> Experiment:
    """An experiment from ``playground new`` options, with sensible defaults for the task.

    ``notes`` receives one line about what was read (an image folder's counts and skipped files).
    """
    data: dict[str, Any] = {}
    for opt, key in (("samples", "samples"), ("noise", "noise"), ("train_fraction", "train_fraction"),
                     ("data_seed", "seed"), ("classes", "classes")):
        if getattr(args, opt, None) is not None:
            data[key] = getattr(args, opt)
    if args.csv:
        if not args.target:
            raise ValueError("--csv needs --target COLUMN")
        features = args.features.split(",") if args.features else None
        csv = import_csv(args.csv, args.target, task=args.task, features=features,
                         standardize=args.standardize, train_fraction=data.get("train_fraction", 0.5),
                         seed=data.get("seed", 0))
        csv = csv.model_copy(update={"path": _relative(Path(args.csv), out_dir)})
        spec = DataSpec(kind="csv", csv=csv, **data)
        name = args.name or Path(args.csv).stem
    elif getattr(args, "images", None):
        from playground.core.data.image_folder import import_folder

        folder, images = import_folder(args.images, getattr(args, "side", None) or 16)
        if notes is not None:
            notes.append(f"{quote_path(args.images)}: {images.summary()}")
        folder = folder.model_copy(update={"path": _relative(Path(args.images), out_dir)})
        spec = DataSpec(kind="images", images=folder, **data)
        name = args.name or Path(args.images).resolve().name
    else:
        for opt in ("target", "task", "features"):
            if getattr(args, opt, None):
                raise ValueError(f"--{opt} only goes with --csv")
        if args.dataset not in (*SYNTHETIC_KINDS, "digits"):
            raise ValueError(f"unknown data set {quote(args.dataset)}; choose one of: {', '.join(SYNTHETIC_KINDS)}")
        if args.dataset in MULTICLASS_KINDS and "classes" not in data:
            data["classes"] = 3
        spec = DataSpec(kind=args.dataset, **data)
        name = args.name or args.dataset.replace("_", " ").title()
    task = spec.task or "classification"
    opt_name = args.optimizer or ("sgd" if args.dataset in SYNTHETIC_KINDS else "adam")
    opt_values: dict[str, Any] = {}
    if args.lr is not None:
        opt_values["lr"] = args.lr
    elif opt_name == "sgd":
        opt_values["lr"] = 0.03
    else:
        opt_values["lr"] = OPTIMIZERS[opt_name].param("lr").default * (1 if args.dataset else 10)
    training = TrainingSpec(
        loss=args.loss or DEFAULT_LOSS[task],
        optimizer=OptimizerSpec(name=opt_name, **opt_values),
        batch_size=args.batch_size if args.batch_size is not None else 10,
        epochs=args.epochs if args.epochs is not None else 100,
        seed=args.seed or 0,
    )
    training.reduction = getattr(args, "reduction", None) or "mean"
    hidden = args.hidden if args.hidden is not None else _suggested_hidden(spec)
    model = ModelSpec(hidden=parse_hidden(hidden, args.activation), init=getattr(args, "init", None) or "default")
    return Experiment(name=name, description=args.description or "", data=spec, model=model,
                      training=training)


def number(value: float, spec: str = ".4g") -> str:
    """``value`` formatted, or ``–`` for a metric that does not exist (no test set: a train share of 100 %)."""
    return format(value, spec) if math.isfinite(value) else "–"


def final_metrics(engine: Engine, seconds: float, metrics: Any = None) -> dict[str, Any]:
    """The run's figures as JSON values; ``metrics``: measured now (a run stopped inside an epoch)."""
    m = metrics if metrics is not None else engine.metrics
    out: dict[str, Any] = {"train_loss": m.train_loss, "test_loss": m.test_loss}
    if m.metric_name == "accuracy":
        out |= {"train_accuracy": m.train_metric, "test_accuracy": m.test_metric}
    else:
        out |= {"train_r2": m.train_metric, "test_r2": m.test_metric}
    out |= {"epochs": engine.epoch, "steps": engine.step, "seconds": round(seconds, 3),
            "device": str(engine.device)}
    return {k: (None if isinstance(v, float) and not math.isfinite(v) else v) for k, v in out.items()}


def summary(engine: Engine) -> str:
    exp, ds = engine.spec, engine.dataset
    data = exp.data
    source = f"CSV {quote_path(data.csv.path)} → {quote(data.csv.target)}" if data.csv else data.kind
    t = exp.training
    epochs = translate("cli", "%n epoch(s)", None, t.epochs) if t.epochs else translate("cli", "until stopped")
    lines = [
        f"{exp.name}" + (f" — {exp.description}" if exp.description else ""),
        translate("cli", "data:      {0}, {1}, {2} train / {3} test, inputs {4}").format(
            source, ds.task, len(ds.x_train), len(ds.x_test),
            f"{ds.image_side}×{ds.image_side} image" if ds.image_side else ", ".join(ds.input_names))
        + (translate("cli", ", classes {0}").format(", ".join(ds.class_names)) if ds.class_names else ""),
        translate("cli", "model:     {0}, {1} parameters, init {2}").format(
            " → ".join([str(ds.input_dim), *(f"{h.units} {h.activation}" for h in exp.model.hidden),
                        str(engine.out_dim)]),
            f"{parameter_count(exp.model, ds.input_dim, engine.out_dim):,}", exp.model.init),
        translate("cli", "training:  {0}, {1} {2}, batch {3}, {4}, seed {5}").format(
            engine.loss_key, t.optimizer.name, ", ".join(f"{k}={v}" for k, v in t.optimizer.values().items()),
            t.batch_size, epochs, t.seed),
    ]
    if engine.step:
        m = engine.metrics
        metric = translate("cli", "accuracy") if m.metric_name == "accuracy" else "R²"
        lines.append(translate("cli", "state:     trained %n epoch(s) ({0} steps); train loss {1}, test loss {2}, "
                                      "test {3} {4}", None, engine.epoch).format(
            engine.step, number(m.train_loss), number(m.test_loss), metric, number(m.test_metric)))
    else:
        lines.append(translate("cli", "state:     untrained"))
    lines.append("")
    lines.append("model = " + model_code(exp.model, ds.input_dim, engine.out_dim))
    return "\n".join(lines)


class ProgressBar:
    """A one-line progress bar on a terminal, a line per 10 % otherwise."""

    def __init__(self, total: int, stream: TextIO = sys.stderr, quiet: bool = False) -> None:
        self.total, self.stream, self.quiet = total, stream, quiet
        self.tty = hasattr(stream, "isatty") and stream.isatty()
        self._last_tenth = -1
        self._done = 0

    def __call__(self, engine: Engine) -> None:
        if self.quiet or self.total == 0:
            return
        self._done += 1
        done = engine.epoch
        m = engine.metrics
        frac = min(1.0, self._done / self.total)
        name = translate("cli", "accuracy") if m.metric_name == "accuracy" else "R²"
        line = translate("cli", "epoch {0}  [{1}] {2}  loss {3}  {4} {5}/{6}").format(
            f"{done:>6}", f"{'█' * int(frac * 30):<30}", f"{frac:4.0%}", number(m.train_loss, ".4f"), name,
            number(m.train_metric, ".3f"), number(m.test_metric, ".3f"))
        if self.tty:
            self.stream.write("\r" + line)
            self.stream.flush()
        elif int(frac * 10) != self._last_tenth:
            self._last_tenth = int(frac * 10)
            self.stream.write(line + "\n")

    def close(self) -> None:
        if self.tty and not self.quiet and self.total:
            self.stream.write("\n")


class StopOnSignal:
    """Ctrl-C or SIGTERM ask training to stop after the current step, so what was trained can be saved.

    The first signal sets ``requested`` and says so on stderr; a second one quits at once (Python's
    ``KeyboardInterrupt``). The previous handlers come back on exit. Outside the main thread (where
    Python allows no handlers) it does nothing.
    """

    SIGNALS = (signal.SIGINT, signal.SIGTERM)

    def __init__(self, stream: TextIO = sys.stderr, step: Callable[[], int] = lambda: 0) -> None:
        self.stream, self.step = stream, step
        self.requested: int | None = None
        self._previous: dict[int, Any] = {}

    def __enter__(self) -> StopOnSignal:
        try:
            for sig in self.SIGNALS:
                self._previous[sig] = signal.signal(sig, self._handle)
        except ValueError:  # not the main thread
            self.__exit__()
        return self

    def __exit__(self, *exc: object) -> None:
        for sig, handler in self._previous.items():
            signal.signal(sig, handler)
        self._previous = {}

    def _handle(self, signum: int, frame: object) -> None:
        if self.requested is not None:
            raise KeyboardInterrupt
        self.requested = signum
        self.stream.write("\nplayground: " + translate("cli", "interrupted at step {0}: finishing it, then saving what "
                                                        "was trained (interrupt again to quit without saving)")
                          .format(self.step()) + "\n")
        self.stream.flush()


STDOUT_NAMES = ("-", "/dev/stdout", "/dev/fd/1", "/proc/self/fd/1")
"""Output names that mean standard output (where the format is text)."""


def is_stdout(path: str | os.PathLike[str]) -> bool:
    return str(path) in STDOUT_NAMES


def fallback_save(text: str, wanted: str | os.PathLike[str], error: SaveError) -> str:
    """Write ``text`` beside ``wanted``, else in the temporary folder, else the current one; the path used.

    For a save that failed after training (a full disk, a folder gone read-only): the trained
    experiment is kept somewhere the message names. Raises ``SaveError`` naming every place tried.
    """
    from playground.core.savefile import atomic_write

    wanted = Path(wanted)
    stem = wanted.stem[:100] or "experiment"  # a name the file system refused as too long still gets a fallback
    name = f"{stem}.unsaved-{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}.json"
    tried = []
    for folder in (wanted.parent, Path(tempfile.gettempdir()), Path.cwd()):
        path = folder / name
        if str(path) in tried:
            continue
        try:
            atomic_write(path, text)
            return str(path)
        except OSError as exc:  # SaveError included
            tried.append(str(path))
            last = exc
    shown = ", ".join(map(quote_path, tried))
    why = last if isinstance(last, SaveError) else (last.strerror or last)
    raise SaveError(f"{error}; it could not be written elsewhere either (tried {shown}: {why})")
