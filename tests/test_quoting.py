"""Every message that echoes input quotes it through ``errors.quote`` (≤ 60 characters) or names a file
through ``errors.quote_path`` (≤ 200): checked statically over ``playground/`` and by feeding huge values
to every input path (CLI options, lesson files, image folders, export paths and formats, CSV, weights).
"""

from __future__ import annotations

import argparse
import ast
import json
from pathlib import Path

import pytest
import torch

from playground import cli
from playground.core.data.csv_data import import_csv
from playground.core.data.errors import DataError
from playground.core.errors import PATH_LIMIT, QUOTE_LIMIT, PlaygroundError, quote, quote_path
from playground.core.export import write
from playground.core.export.weights_in import load_weights
from playground.core.lessons import LessonError, load_lesson

ROOT = Path(__file__).resolve().parent.parent / "playground"
HUGE = "x" * 10_000_000
"""A 10 MB value: what a message must never echo whole."""
LINE = 600
"""The longest error line a huge value may give: a message's words, quotes of ≤ 60 and up to two file names of ≤ 200."""

CODE_WRITERS = {
    "core/export/codegen.py": None, "core/export/codegen_data.py": None, "core/export/notebook.py": None,
    "core/registry.py": {"_kwargs_code", "code"}, "core/architecture.py": {"plan"},
}
"""Where ``!r`` writes a Python literal into generated source code, not a value into a message
(``None``: the whole module generates code)."""
REPR_USERS = {
    "core/errors.py": {"_head"}, "core/compare.py": {"_batch_key"}, "core/compare_cli.py": {"rows_csv"},
    "core/export/codegen.py": {"_floats"}, "core/export/data_export.py": {"_target_cells", "write"},
    "core/runs.py": {"runs_csv", "_csv_num"}, "app/panels/common.py": {"exact_text"},
}
"""``repr()`` of a float into a CSV cell or code, a dict as a cache key, and ``quote`` itself."""
LIBRARY_TEXT = {("core/jsoncheck.py", "parse_json")}
"""Where a message cuts a library's own error text (``json``'s digit-limit message), not an input value."""


def _offences(path: Path) -> list[str]:
    rel = path.relative_to(ROOT).as_posix()
    out: list[str] = []

    def visit(node: ast.AST, func: str | None, in_raise: bool) -> None:
        for child in ast.iter_child_nodes(node):
            name = child.name if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)) else func
            raising = in_raise or isinstance(child, ast.Raise)
            where = f"{rel}:{getattr(child, 'lineno', '?')} ({name})"
            if isinstance(child, ast.FormattedValue):
                allowed = CODE_WRITERS.get(rel, set())
                if child.conversion == ord("r") and allowed is not None and name not in allowed:
                    out.append(f"{where}: {{{ast.unparse(child.value)}!r}} (use quote())")
                if (raising and isinstance(child.value, ast.Subscript) and isinstance(child.value.slice, ast.Slice)
                        and (rel, name) not in LIBRARY_TEXT):
                    out.append(f"{where}: {{{ast.unparse(child.value)}}} cuts a value by hand (use quote())")
            if isinstance(child, ast.Constant) and isinstance(child.value, str) and "%r" in child.value:
                out.append(f"{where}: '%r' in a string (use quote())")
            if (isinstance(child, ast.Call) and isinstance(child.func, ast.Name) and child.func.id == "repr"
                    and name not in REPR_USERS.get(rel, set())):
                out.append(f"{where}: repr() (use quote() in a message)")
            visit(child, name, raising)

    visit(ast.parse(path.read_text(encoding="utf-8")), None, False)
    return out


def test_no_message_formats_input_by_hand():
    """``{value!r}``, ``%r``, ``repr()`` or ``{value[:60]}`` in a message echo input unbounded or cut it
    their own way; every one goes through ``quote()``. Generated code and CSV cells are listed above."""
    offences = [o for path in sorted(ROOT.rglob("*.py")) for o in _offences(path)]
    assert offences == []


def test_the_static_check_finds_what_it_looks_for(tmp_path, monkeypatch):
    bad = ROOT / "core" / "_quoting_probe.py"
    source = ("def f(name, text):\n    raise ValueError(f'no {name!r}: ' + '%r' % text + repr(text)"
              " + f'{text[:40]}')\n")
    monkeypatch.setattr(Path, "read_text", lambda self, encoding=None: source)
    assert len(_offences(bad)) == 4


def test_quote_and_quote_path_bound_what_they_show():
    assert quote(HUGE) == "'" + "x" * (QUOTE_LIMIT - 2) + "…"
    assert quote(list(range(1_000_000))).endswith("…") and len(quote(list(range(1_000_000)))) == QUOTE_LIMIT
    assert quote("short") == "'short'"
    long_path = "/tmp/" + "d" * 100_000 + "/file.json"
    shown = quote_path(long_path)
    assert len(shown) == PATH_LIMIT and shown.startswith("/tmp/ddd") and shown.endswith("/file.json")
    assert quote_path(Path("a/b.json")) == "a/b.json"


def _assert_short(text: str, *names: str) -> None:
    lines = [line for line in text.splitlines() if line.strip()]
    assert lines, "no message at all"
    assert max(map(len, lines)) <= LINE, max(lines, key=len)[:LINE + 100]
    assert any(name in text for name in names), (names, text[:LINE])


# --- every CLI option of every command, one at a time, with a 10 MB value -----------------------------

@pytest.fixture(scope="module")
def experiment_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("quoting") / "small.json"
    assert cli.main(["new", "--dataset", "circle", "-o", str(path), "--samples", "20", "--hidden", "2",
                     "--epochs", "1"]) == 0
    return path


def _baseline(command: str, file: Path, out: Path) -> list[str]:
    return {
        "new": ["new", "--dataset", "circle", "-o", str(out / "new.json"), "--samples", "20"],
        "train": ["train", str(file), "--epochs", "1", "--quiet"],
        "info": ["info", str(file)],
        "export": ["export", str(file), "-o", str(out / "w.safetensors")],
        "runs": ["runs", str(file)],
        "compare": ["compare", str(file), "--vary", "lr=0.1,0.2", "--epochs", "1", "--quiet",
                    "--sequential"],
    }[command]


def _options() -> list[tuple[str, str]]:
    parser = cli._sub_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return [(command, (action.option_strings or [action.dest])[0])
            for command, sp in sub.choices.items() for action in sp._actions
            if action.nargs != 0 and not isinstance(action, argparse._HelpAction)]


def test_every_option_is_attacked():
    assert len(_options()) >= 40


@pytest.mark.parametrize(("command", "option"), _options())
def test_a_huge_value_in_any_cli_option_gives_a_short_line(command, option, experiment_file, tmp_path, capsys,
                                                           monkeypatch):
    monkeypatch.chdir(tmp_path)  # `train --save HUGE` falls back to a file beside the (relative) name
    argv = _baseline(command, experiment_file, tmp_path)
    if option.startswith("-"):
        argv = [a for i, a in enumerate(argv) if a != option and (i == 0 or argv[i - 1] != option)]
        argv += [option, HUGE]
    else:  # the positional file
        argv[1] = str(tmp_path / HUGE[:100_000])  # the OS refuses long names itself; the line stays short
    code = cli.main(argv)
    err = capsys.readouterr()
    assert code != 0
    assert err.out == "" or max(map(len, err.out.splitlines())) <= LINE
    _assert_short(err.err, option.lstrip("-").split("-")[0], "xxxxxxxxxx")


def test_a_million_stray_arguments_give_a_short_line(experiment_file, capsys):
    assert cli.main(["info", str(experiment_file), *(["stray"] * 1_000_000)]) != 0
    _assert_short(capsys.readouterr().err, "unrecognized arguments")


# --- lesson files ---------------------------------------------------------------------------------------

def _lesson(tmp_path: Path, **changes: object) -> Path:
    doc = {"format": "torch-playground.lesson", "version": 1, "title": "t", "goal": "g", "steps": ["s"],
           "watch": "w", "question": "q",
           "experiment": {"format": "torch-playground.experiment", "version": 1, "data": {"kind": "circle"}}}
    doc.update(changes)
    path = tmp_path / "lesson.json"
    path.write_text(json.dumps(doc))
    return path


@pytest.mark.parametrize(("changes", "field"), [
    ({"title": 1_000_000 * [1]}, "title"),
    ({"steps": [1] * 1_000_000}, "steps"),
    ({"format": HUGE}, "format"),
    ({HUGE: 1}, "xxxxxxxx"),
    ({"try_this": [{"label": HUGE, "patch": {"training": {"batch_size": 0}}}]}, "try_this"),
    ({"try_this": [{"label": "l", "patch": {"training": {"optimizer": {"name": HUGE}}}}]}, "optimizer"),
    ({"true_values": {HUGE: [1.0]}}, "true_values"),
    ({"experiment": {"format": "torch-playground.experiment", "version": 1, "data": {"kind": HUGE}}}, "kind"),
])
def test_a_huge_value_in_a_lesson_file_gives_a_short_line(tmp_path, changes, field):
    with pytest.raises(LessonError) as info:
        load_lesson(_lesson(tmp_path, **changes))
    _assert_short(str(info.value), field)


# --- image folders --------------------------------------------------------------------------------------

def test_huge_image_class_names_in_a_file_are_refused_short():
    from playground.core.experiment_io import experiment_from_dict

    base = {"format": "torch-playground.experiment", "version": 1}
    for classes, field in ([HUGE, "b"], "data.images.classes[0]"), (["c"] * 1_000_000, "data.images.classes"):
        doc = {**base, "data": {"kind": "images", "images": {"path": "imgs", "classes": classes}}}
        with pytest.raises(PlaygroundError) as info:
            experiment_from_dict(doc, "x.json")
        _assert_short(str(info.value), field)


def test_a_class_folder_with_a_long_name_is_refused_short(tmp_path, monkeypatch):
    from playground.core.data import image_folder

    for name in ("a" * 200, "b"):
        (tmp_path / name).mkdir()
    monkeypatch.setattr(image_folder, "MAX_COLUMN_NAME", 100)  # no file system here holds a longer name
    with pytest.raises(DataError) as info:
        image_folder.scan_folder(tmp_path)
    _assert_short(str(info.value), "class sub-folder 'aaaa")
    assert "200 characters, more than the 100 allowed" in str(info.value)


# --- export paths and formats, weights files, CSV ------------------------------------------------------

def test_huge_export_paths_and_formats_give_short_lines(tmp_path):
    from playground.core.engine import Engine
    from playground.core.spec import Experiment

    engine = Engine(Experiment())
    for path, fmt in ((tmp_path / ("w" * 100_000 + ".onnx"), None), (tmp_path / "w.bin", HUGE),
                      (tmp_path / ("w." + "e" * 100_000), None)):
        with pytest.raises((PlaygroundError, OSError)) as info:
            write(engine, path, fmt)
        _assert_short(str(info.value), "format", "File name too long", "www")


def test_huge_names_in_a_weights_file_give_short_lines(tmp_path):
    from safetensors.torch import save_file

    from playground.core.export.weights_in import check_weights
    from playground.core.spec import Experiment

    path = tmp_path / "w.safetensors"
    save_file({"k" * 1_000_000: torch.zeros(1)}, str(path))
    with pytest.raises(PlaygroundError) as info:
        check_weights(Experiment(), load_weights(path), str(path))
    _assert_short(str(info.value), "parameter")


def test_huge_csv_cells_and_labels_give_short_lines(tmp_path):
    path = tmp_path / "d.csv"
    path.write_text("a,b,label\n" + "1,2,p\n" * 5 + f"{'9' * 100_000}x,2,q\n" + "3,4,q\n" * 5)
    with pytest.raises(DataError) as info:
        import_csv(path, "label")
    _assert_short(str(info.value), "column 'a'")
    path.write_text("a,b,label\n" + "1,2,p\n" * 5 + "3,4,q\n" * 5)
    with pytest.raises(DataError) as info:
        import_csv(path, "label", task="classification", features=["a", HUGE])
    _assert_short(str(info.value), "feature")


def test_image_classes_at_the_limit_load_save_and_load_again(tmp_path):
    from playground.core.experiment_io import dumps, experiment_from_dict, load_experiment
    from playground.core.limits import MAX_COLUMN_NAME, MAX_IMAGE_CLASSES

    classes = [f"{i:03d}".ljust(MAX_COLUMN_NAME, "c") for i in range(MAX_IMAGE_CLASSES)]
    doc = {"format": "torch-playground.experiment", "version": 1,
           "data": {"kind": "images", "images": {"path": "imgs", "classes": classes}}}
    path = tmp_path / "at-limit.json"
    path.write_text(dumps(experiment_from_dict(doc, "doc")))
    again = load_experiment(path)
    assert again.data.images is not None and again.data.images.classes == classes
    path.write_text(dumps(again))
    assert load_experiment(path) == again
    for too_many in ([*classes, "extra"], [classes[0] + "c", *classes[1:]]):
        doc["data"]["images"]["classes"] = too_many
        with pytest.raises(PlaygroundError, match=r"data\.images\.classes"):
            experiment_from_dict(doc, "doc")
