"""The ``playground`` command: the GUI by default, and headless ``new``, ``train``, ``info``, ``export``.

Uses only the core (an import-linter contract checks it); the GUI is imported by name only when
asked for, so headless commands never load Qt.

Conventions: every error, usage errors included, is one line starting ``playground: error:`` and
exits 1; choices come from the registries; ``--version`` works on every command; a closed output
pipe (``playground info x | head -1``) ends quietly with 141, as a program killed by SIGPIPE.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
import time
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from pydantic import ValidationError

from playground import __version__
from playground.core.cli_support import (
    ProgressBar,
    StopOnSignal,
    build_new_experiment,
    fallback_save,
    final_metrics,
    is_stdout,
    option_error,
    summary,
)
from playground.core.errors import QUOTE_LIMIT, ExperimentError, PlaygroundError, SaveError, one_line, quote, quote_path
from playground.core.experiment_io import atomic_write, dumps, load_experiment, rebase_paths
from playground.core.export import FORMATS
from playground.core.registry import ACTIVATIONS, INITS, LOSSES, OPTIMIZERS, REDUCTIONS, TASKS, available_devices
from playground.core.resources import default_example
from playground.core.spec import IMAGE_SIDES, SYNTHETIC_KINDS
from playground.core.translate import localized, set_language, take_language, translate, translate_parser
from playground.core.validation import device_problem

if TYPE_CHECKING:  # the engine (and torch) load only for the commands that train: the GUI starts without
    from playground.core.engine import Engine

SUBCOMMANDS = ("new", "train", "info", "export", "runs", "compare")
EXIT_ERROR = 1
EXIT_BROKEN_PIPE = 141
"""128 + SIGPIPE: what a shell reports for a program whose reader went away."""
EXIT_INTERRUPTED = 130
"""128 + SIGINT: training was stopped by Ctrl-C or SIGTERM (what was trained is saved)."""


class CliError(PlaygroundError):
    """A problem to tell the user in one line, then exit non-zero."""


class _Parser(argparse.ArgumentParser):
    """argparse that raises instead of printing usage and exiting 2, so usage errors are one line, exit 1."""

    def error(self, message: str) -> NoReturn:
        raise CliError(f"{_bounded_usage(message)} (see {self.prog} --help)")


def _bounded_usage(message: str) -> str:
    """argparse's message with each value it echoes (``invalid int value: 'xxx…'``, unrecognized arguments)
    quoted through :func:`quote`: a 10 MB option value or a million stray arguments give one short line."""
    words = [quote(w[1:-1]) if len(w) > QUOTE_LIMIT and w[:1] == w[-1:] == "'" else
             quote(w)[1:-1] if len(w) > QUOTE_LIMIT else w for w in message.split(" ")[:MAX_USAGE_WORDS + 1]]
    return " ".join(words[:MAX_USAGE_WORDS]) + (" …" if len(words) > MAX_USAGE_WORDS else "")


MAX_USAGE_WORDS = 40
"""Words of an argparse message shown: its own text is shorter; a list of stray arguments is cut here."""


def _add_version(p: argparse.ArgumentParser) -> None:
    p.add_argument("--version", action="version", version=f"playground {__version__}")


def _devices_help() -> str:
    return f"{', '.join(d.key for d in available_devices())} on this machine"


def _gui_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="playground",
        description="Torch Playground: build an MLP, watch PyTorch train it live. "
        f"Headless commands: {', '.join(SUBCOMMANDS)} (playground COMMAND --help).",
    )
    p.add_argument("file", nargs="?", help="experiment file to open (default: the spiral example)")
    p.add_argument("--screenshot", metavar="PNG", help="train, save a window screenshot, then quit")
    p.add_argument("--train-seconds", type=float, default=0.0, metavar="S",
                   help="with --screenshot: train this long first")
    _add_version(p)
    p.add_argument("--lang", metavar="LANG", help="language of messages and of the app: en or zh_CN "
                   "(default: the system's)")
    return p


def _sub_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="playground")
    _add_version(p)
    sub = p.add_subparsers(dest="command", required=True, parser_class=_Parser)

    new = sub.add_parser("new", help="write a new experiment file")
    _add_version(new)
    src = new.add_mutually_exclusive_group(required=True)
    src.add_argument("--dataset", metavar="KIND", choices=(*SYNTHETIC_KINDS, "digits"),
                     help=f"built-in data set: {', '.join(SYNTHETIC_KINDS)}, digits (8×8 images)")
    src.add_argument("--csv", metavar="PATH", help="a CSV file of tabular data")
    src.add_argument("--images", metavar="DIR", help="a folder with one sub-folder of images per class")
    new.add_argument("--side", type=int, choices=IMAGE_SIDES, help="with --images: resize to this side (default 16)")
    new.add_argument("--target", metavar="COL", help="with --csv: the column to predict")
    new.add_argument("--task", choices=TASKS, help="with --csv: override the inferred task")
    new.add_argument("--features", metavar="A,B", help="with --csv: input columns (default: all numeric)")
    new.add_argument("--standardize", action="store_true", help="with --csv: standardise the inputs")
    new.add_argument("--samples", type=int)
    new.add_argument("--noise", type=float, help="0 to 1 (TensorFlow Playground's percent / 100)")
    new.add_argument("--classes", type=int, help="for blobs and spiral_k")
    new.add_argument("--train-fraction", type=float)
    new.add_argument("--data-seed", type=int)
    new.add_argument("--hidden", metavar="8,8",
                     help="hidden layer widths; none (or '') for no hidden layer (default: from the data, "
                          "8,8 for 2-D sets)")
    new.add_argument("--activation", default="tanh", choices=ACTIVATIONS.keys(), metavar="NAME",
                     help=f"{', '.join(ACTIVATIONS.keys())} (default tanh)")
    new.add_argument("--init", choices=INITS.keys(), metavar="INIT",
                     help=f"weight init: {', '.join(INITS.keys())} (default: default)")
    new.add_argument("--loss", choices=LOSSES.keys(), metavar="NAME",
                     help=f"{', '.join(LOSSES.keys())} (default: the task's)")
    new.add_argument("--reduction", choices=REDUCTIONS, help="how the loss combines a batch (default: mean)")
    new.add_argument("--optimizer", choices=OPTIMIZERS.keys(), metavar="NAME",
                     help=f"{', '.join(OPTIMIZERS.keys())}")
    new.add_argument("--lr", type=float)
    new.add_argument("--batch-size", type=int)
    new.add_argument("--epochs", type=int)
    new.add_argument("--seed", type=int)
    new.add_argument("--name")
    new.add_argument("--description")
    new.add_argument("--init-from", metavar="WEIGHTS",
                     help="start from these weights (.safetensors or .pt with matching shapes)")
    new.add_argument("-o", "--output", required=True, metavar="OUT.json", help="the file to write; - for "
                     "standard output")

    train = sub.add_parser("train", help="train an experiment headless")
    _add_version(train)
    train.add_argument("file")
    train.add_argument("--epochs", type=int, help="epochs to train now (default: up to training.epochs)")
    train.add_argument("--device", help=f"auto, cpu, cuda:N or mps ({_devices_help()}); default: the file's")
    train.add_argument("--init-from", metavar="WEIGHTS",
                       help="start over from these weights (.safetensors or .pt with matching shapes)")
    train.add_argument("--save", metavar="OUT.json", help="write the trained experiment (- for standard "
                       "output); also on Ctrl-C, and beside it if it cannot be written")
    train.add_argument("--export", metavar="PATH", action="append", default=[],
                       help="export the trained model (format by extension); repeatable")
    train.add_argument("--metrics", metavar="M.json", help="write final metrics as JSON (- for standard output)")
    train.add_argument("--quiet", action="store_true", help="no progress bar")

    info = sub.add_parser("info", help="validate an experiment and print a summary")
    _add_version(info)
    info.add_argument("file")

    export = sub.add_parser("export", help="export a trained experiment's model")
    _add_version(export)
    export.add_argument("file")
    export.add_argument("-o", "--output", required=True, metavar="PATH")
    keys = [f.key for f in FORMATS]
    export.add_argument("--format", metavar="NAME",
                        help=f"{', '.join(keys)}, runs (the remembered runs as CSV) "
                        "(default: by the output's extension)")
    export.add_argument("--quiet", action="store_true", help="no warning for an untrained model")

    runs = sub.add_parser("runs", help="list the runs remembered in an experiment file")
    _add_version(runs)
    runs.add_argument("file")

    from playground.core.compare_cli import add_compare_parser

    add_compare_parser(sub, _add_version)
    return p


def _load_engine(path: str, device: str | None = None, init_from: str | None = None) -> Engine:
    """The file's engine; a device this machine lacks is an error unless ``auto`` (``--device`` or the file's)."""
    exp = load_experiment(path)
    if device is not None and device_problem(device):
        raise CliError(f"--device: device {device_problem(device)}")
    if device is None and device_problem(exp.training.device):
        raise CliError(f"{quote_path(path)}: training.device: {device_problem(exp.training.device)}; "
                       "train with --device auto (or cpu)")
    base_dir = _folder_of(path)
    if init_from:
        from playground.core.export import warm_start

        exp = warm_start(exp, init_from, base_dir)
    from playground.core.engine import Engine
    from playground.core.state import StateError

    try:
        return Engine(exp, base_dir=base_dir, device=device)
    except (ExperimentError, StateError) as exc:  # named by file, as the app names them
        raise CliError(f"{quote_path(path)}: {exc}") from None


def _folder_of(path: str) -> Path:
    """The folder a file lies in, links followed; ``Path.resolve`` raises RuntimeError on a link loop."""
    return Path(os.path.realpath(path)).parent


def _write_experiment(experiment: object, path: str, from_dir: Path | None) -> None:
    """Save to ``path``, or print to standard output for ``-``; CSV paths stay valid from where it goes."""
    to_dir = Path.cwd() if is_stdout(path) else _folder_of(path)
    text = dumps(rebase_paths(experiment, from_dir, to_dir))  # type: ignore[arg-type]
    if is_stdout(path):
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        atomic_write(path, text)


def _export(engine: Engine, path: str, fmt: str | None, quiet: bool = False) -> str:
    """Export and say so on stderr, with a one-line warning for an untrained model."""
    from playground.core.export import ExportWarning, export  # torch.onnx loads only when asked

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ExportWarning)
        key = export(engine, path, fmt)
    for w in caught:
        if issubclass(w.category, ExportWarning) and not quiet:
            print(f"playground: warning: {localized(w.message.args[0] if w.message.args else w.message)}",
                  file=sys.stderr)
        elif not issubclass(w.category, ExportWarning):
            warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)
    return key


def cmd_new(args: argparse.Namespace) -> int:
    out_dir = Path.cwd() if is_stdout(args.output) else _folder_of(args.output)
    notes: list[str] = []
    exp = build_new_experiment(args, out_dir=out_dir, notes=notes)
    for note in notes:
        print(note, file=sys.stderr)
    if args.init_from:
        from playground.core.export import warm_start

        exp = warm_start(exp, args.init_from, out_dir)
    _write_experiment(exp, args.output, None)
    if not is_stdout(args.output):
        print(translate("cli", "wrote {0}").format(args.output))
    return 0


def cmd_train(args: argparse.Namespace) -> int:
    engine = _load_engine(args.file, args.device, args.init_from)
    epochs = args.epochs
    if epochs is None:
        target = engine.spec.training.epochs
        if target == 0:
            raise CliError("training.epochs is 0 (until stopped): give --epochs N")
        epochs = max(target - engine.epoch, 0)
    if epochs < 0:
        raise CliError("--epochs must be ≥ 0")
    from playground.core.threads import configure_threads

    configure_threads(engine)
    started = time.perf_counter()
    show = ProgressBar(epochs, sys.stderr, quiet=args.quiet)
    with StopOnSignal(sys.stderr, step=lambda: engine.step + 1) as stop:
        try:
            for _ in range(epochs):
                epoch = engine.epoch
                while engine.epoch == epoch and stop.requested is None:  # a signal ends the run between steps
                    engine.train_step()
                if stop.requested is not None:
                    break
                show(engine)
        finally:
            show.close()
        seconds = time.perf_counter() - started
        # stopped inside an epoch: the figures of the weights being saved, not of the last epoch's end
        metrics = final_metrics(engine, seconds, engine.evaluate() if stop.requested and engine.cursor else None)
        saved = _train_outputs(engine, args, metrics)
    if not saved:
        return EXIT_ERROR
    if stop.requested is not None:
        print("playground: " + translate("cli", "stopped at step {0}; what was trained is saved where asked")
              .format(engine.step), file=sys.stderr)
        return EXIT_INTERRUPTED
    return 0


def _train_outputs(engine: Engine, args: argparse.Namespace, metrics: dict) -> bool:
    """Metrics, the trained experiment and exports; ``False`` if the save failed (the experiment was then
    written elsewhere, and the error says where)."""
    text = json.dumps(metrics, indent=2)
    to_stdout = not (args.save and is_stdout(args.save))  # stdout holds the experiment then
    if to_stdout and not (args.metrics and is_stdout(args.metrics)):
        print(text)
    elif not to_stdout:
        print(text, file=sys.stderr)
    saved = True
    if args.save:
        experiment = engine.experiment()
        from_dir = _folder_of(args.file)
        try:
            _write_experiment(experiment, args.save, from_dir)
            if not is_stdout(args.save):
                print(translate("cli", "saved {0}").format(args.save), file=sys.stderr)
        except SaveError as exc:  # a full disk after an hour of training: never lose the run
            where = fallback_save(dumps(rebase_paths(experiment, from_dir, None)), args.save, exc)
            saved = False
            _fail(translate("cli", "{0}; the trained experiment was written to {1} instead").format(exc, where))
    if args.metrics:
        if is_stdout(args.metrics):
            print(text)
        else:
            atomic_write(args.metrics, text + "\n")
    for path in args.export:
        key = _export(engine, path, None)
        print(translate("cli", "exported {0} ({1})").format(path, key), file=sys.stderr)
    return saved


def cmd_info(args: argparse.Namespace) -> int:
    engine = _load_engine(args.file, device="cpu")
    print(summary(engine))
    return 0


STDOUT_FORMATS = ("csv",)
"""Export formats that are one text file, so ``-o -`` can print them (the others are binary or two files)."""


def _lesson(path: str) -> Any:
    """The lesson in ``path`` when it is a lesson file (its notebook carries the lesson's text), else ``None``."""
    from playground.core.lessons import LESSON_FORMAT, load_lesson

    try:
        with open(path, encoding="utf-8") as f:
            head = f.read(4096)
    except (OSError, UnicodeDecodeError):
        return None
    return load_lesson(path) if f'"{LESSON_FORMAT}"' in head else None


def cmd_export(args: argparse.Namespace) -> int:
    if args.format and args.format.lower() == "runs":  # the runs need no engine (and no weights)
        from playground.core.runs import runs_csv

        table = runs_csv(load_experiment(args.file).runs)
        if is_stdout(args.output):
            sys.stdout.write(table)
            return 0
        atomic_write(args.output, table)
        print(translate("cli", "exported {0} ({1})").format(args.output, "runs"))
        return 0
    if is_stdout(args.output):
        return _export_to_stdout(args)
    lesson = _lesson(args.file)
    if lesson is not None:
        from playground.core.engine import Engine
        from playground.core.export import format_for_path, from_engine
        from playground.core.lessons import lesson_experiment

        engine = Engine(lesson_experiment(lesson, Path(args.file).resolve()), device="cpu")
        if format_for_path(args.output, args.format).key == "ipynb":
            from playground.core.export.notebook import write as write_notebook

            Path(args.output).parent.mkdir(parents=True, exist_ok=True)
            write_notebook(from_engine(engine), Path(args.output), lesson=lesson)
            print(translate("cli", "exported {0} ({1})").format(args.output, "ipynb"))
            return 0
    else:
        engine = _load_engine(args.file, device="cpu")
    key = _export(engine, args.output, args.format, quiet=args.quiet)
    print(translate("cli", "exported {0} ({1})").format(args.output, key))
    return 0


def _export_to_stdout(args: argparse.Namespace) -> int:
    if (args.format or "").lower().lstrip(".") not in STDOUT_FORMATS:
        raise CliError(f"-o {quote_path(args.output)}: standard output takes --format "
                       f"{', '.join(STDOUT_FORMATS)} only; the "
                       "other formats are binary or more than one file, so give a file name")
    import tempfile

    engine = _load_engine(args.file, device="cpu")
    with tempfile.TemporaryDirectory(prefix="playground-") as tmp:
        path = Path(tmp) / f"export.{args.format}"
        _export(engine, str(path), args.format, quiet=args.quiet)
        sys.stdout.write(path.read_text(encoding="utf-8"))
    return 0




def cmd_runs(args: argparse.Namespace) -> int:
    from playground.core.runs import runs_table

    print(runs_table(load_experiment(args.file).runs))
    return 0


def cmd_compare(args: argparse.Namespace) -> int:
    from playground.core.compare_cli import run_compare

    return run_compare(args)


COMMANDS = {"new": cmd_new, "train": cmd_train, "info": cmd_info, "export": cmd_export, "runs": cmd_runs,
            "compare": cmd_compare}


def _run_gui(argv: Sequence[str], lang: str | None = None) -> int:
    args = translate_parser(_gui_parser()).parse_args(argv)
    if args.file is None:
        default = default_example()
        path = str(default) if default is not None else None
    else:
        load_experiment(args.file)  # refuse a bad file here, before a window opens
        path = args.file
    try:
        app = importlib.import_module("playground.app.main")
    except ImportError as exc:
        raise CliError(f"the desktop app cannot start: {exc}. Install it with `make run`.") from None
    return int(app.run(path, screenshot=args.screenshot, train_seconds=args.train_seconds, lang=lang))


def _fail(message: object) -> int:
    """One line in the user's language (a translatable message is translated here)."""
    print(f"playground: error: {one_line(localized(message))}", file=sys.stderr)
    return EXIT_ERROR


def _quiet_stdout() -> None:
    """The reader went away: send what is left to /dev/null so the exit flush cannot fail again."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[-1] == "--lang":  # take_language would read "no value" as "the system's language"
        return _fail("--lang: expected a language after it: en or zh_CN")
    argv, lang = take_language(argv)
    set_language(lang)  # --lang, else LC_ALL / LC_MESSAGES / LANG
    try:
        if argv and argv[0] in SUBCOMMANDS:
            args = translate_parser(_sub_parser()).parse_args(argv)
            code = COMMANDS[args.command](args)
        else:
            code = _run_gui(argv, lang)
        sys.stdout.flush()  # inside the try: a closed pipe is reported here, not at interpreter exit
        return code
    except BrokenPipeError:
        _quiet_stdout()
        return EXIT_BROKEN_PIPE
    except PlaygroundError as exc:
        return _fail(exc.args[0] if exc.args else exc)
    except ValidationError as exc:  # building ``new``'s experiment from options
        return _fail(option_error(exc))
    except OSError as exc:
        where = f"{quote_path(exc.filename)}: " if getattr(exc, "filename", None) else ""
        return _fail(f"{where}{exc.strerror or exc}")
    except (ValueError, KeyError) as exc:
        return _fail(exc.args[0] if isinstance(exc, KeyError) and exc.args else exc)
    except MemoryError:
        return _fail("out of memory; try a smaller model, batch size or data set")
    except KeyboardInterrupt:
        print("playground: " + translate("cli", "interrupted"), file=sys.stderr)
        return 130
    except Exception as exc:  # a bug: one line, not a traceback (PLAYGROUND_DEBUG=1 shows it)
        if os.environ.get("PLAYGROUND_DEBUG"):
            raise
        return _fail(f"internal error ({type(exc).__name__}: {exc}); please report it "
                     "(PLAYGROUND_DEBUG=1 shows the traceback)")
