"""Keep the translations in step with the code: ``make translations`` runs this.

    python tools/translations.py            # update the .ts from the sources, then compile the .qm
    python tools/translations.py --todo     # list what is not translated yet, per language
    python tools/translations.py --fill F   # enter translations from a JSON file, then compile

1. ``playground/app/data_strings.py`` is written: the strings that live in data rather than code
   (registry labels, hyper-parameter labels, lesson texts), as ``QT_TRANSLATE_NOOP`` calls that Qt's
   ``lupdate`` can read.
2. ``lupdate`` (Qt's own, shipped with PySide6) reads every ``.py`` file of the package and updates
   ``resources/translations/playground_<lang>.ts``: new strings appear as unfinished, vanished ones
   are dropped. ``playground_en.ts`` holds only the plural forms (English is the source language).
   lupdate reads copies of the sources in which two spellings its Python reader misses are
   rewritten (``spell_for_lupdate``): a module's ``_tr("…")`` helper becomes the
   ``QCoreApplication.translate("Context", "…")`` it stands for, and a count that is not a literal
   (``Text("runner", "finished %n epoch(s)", None, self.epoch_limit)``) becomes ``1`` so the
   message is recognised as a plural.
3. ``lrelease`` compiles each ``.ts`` to the ``.qm`` the window loads. The CLI reads the ``.ts``.

A ``--fill`` file is a list of ``{"context": …, "source": …, "translation": …}`` objects (a list of
forms for ``%n`` plurals), for language ``--lang`` (default ``zh_CN``).
"""

from __future__ import annotations

import argparse
import ast
import json
import re
import subprocess
import sys
import tempfile
import textwrap
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PACKAGE = ROOT / "playground"
TS_DIR = ROOT / "resources" / "translations"
DATA_STRINGS = PACKAGE / "app" / "data_strings.py"
LANGUAGES = {"zh_CN": [], "en": ["-pluralonly"]}
ALIASES = "translate+=Text"
TR_HELPER = re.compile(r'def _tr\(\w+[^)]*\)[^:]*:\s*\n\s*return QCoreApplication\.translate\("([^"]+)", \w+\)')


HELP_CALLS = ("add_argument", "add_parser", "ArgumentParser", "add_subparsers")
HELP_FILES = {"cli.py": "cli", "compare_cli.py": "cli"}
"""Modules whose argparse ``help=``/``description=`` texts are translated (``translate_parser``)."""


def spell_for_lupdate(source: str, help_context: str | None = None) -> str:
    """The module's source with ``_tr("…")``, non-literal plural counts and (with ``help_context``)
    argparse help texts spelled as lupdate reads them."""
    helper = TR_HELPER.search(source)
    tree = ast.parse(source)
    lines = source.splitlines(keepends=True)
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line))
    edits: list[tuple[int, int, str]] = []

    def at(lineno: int, col: int) -> int:
        return offsets[lineno - 1] + len(lines[lineno - 1].encode()[:col].decode())

    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not isinstance(node.func, (ast.Name, ast.Attribute)):
            continue
        name = node.func.id if isinstance(node.func, ast.Name) else node.func.attr
        if name == "_tr" and helper and isinstance(node.func, ast.Name):
            start = at(node.func.lineno, node.func.col_offset)
            end = at(node.func.end_lineno, node.func.end_col_offset)
            edits.append((start, end + 1, f'QCoreApplication.translate("{helper.group(1)}", '))
        elif name in ("Text", "translate") and len(node.args) >= 4 and not isinstance(node.args[3], ast.Constant):
            count = node.args[3]
            edits.append((at(count.lineno, count.col_offset), at(count.end_lineno, count.end_col_offset), "1"))
        elif help_context and name in HELP_CALLS:
            for keyword in node.keywords:
                value = keyword.value
                if keyword.arg in ("help", "description") and isinstance(value, ast.Constant) \
                        and isinstance(value.value, str):
                    start = at(value.lineno, value.col_offset)
                    end = at(value.end_lineno, value.end_col_offset)
                    edits.append((start, end, f'translate("{help_context}", {source[start:end]})'))
    for start, end, text in sorted(edits, reverse=True):
        source = source[:start] + text + source[end:]
    return source


def _tool(name: str) -> str:
    bin_dir = Path(sys.executable).parent
    for candidate in (bin_dir / f"pyside6-{name}", bin_dir / name):
        if candidate.exists():
            return str(candidate)
    import PySide6

    return str(Path(PySide6.__file__).parent / name)


def _literal(text: str, indent: str) -> str:
    """``text`` as adjacent string literals of at most ~90 characters (lupdate joins them)."""
    pieces = textwrap.wrap(text, 88, drop_whitespace=False, replace_whitespace=False, break_long_words=False,
                           break_on_hyphens=False) or [""]
    return f"\n{indent}".join(json.dumps(p, ensure_ascii=False) for p in pieces)


def data_strings() -> str:
    from playground.core.experiment_io import load_experiment
    from playground.core.export.formats import FORMATS
    from playground.core.lessons import lessons
    from playground.core.registry import ACTIVATIONS, INITS, LOSSES, NORMS, OPTIMIZERS, basic_devices

    entries: list[tuple[str, str]] = []
    for registry in (ACTIVATIONS, LOSSES, OPTIMIZERS, INITS, NORMS):
        entries += [("registry", e.label) for e in registry]
    entries += [("registry", p.label) for o in OPTIMIZERS for p in o.params]
    entries += [("registry", d.label) for d in basic_devices()]
    entries += [("registry", t) for f in FORMATS for t in (f.label, f.description)]
    for _path, lesson in lessons():
        entries += [("lessons", t) for t in lesson.texts()]
    for path in sorted((ROOT / "resources" / "examples").glob("*.json")):
        example = load_experiment(path)
        entries += [("examples", t) for t in (example.name, example.description.strip()) if t]
    seen: set[tuple[str, str]] = set()
    lines = []
    for context, text in entries:
        if (context, text) in seen:
            continue
        seen.add((context, text))
        lines.append(f'    QT_TRANSLATE_NOOP("{context}",\n                      {_literal(text, " " * 22)}),')
    body = "\n".join(lines)
    return f'''"""Strings that live in data (registry labels, lesson texts), listed so Qt's lupdate finds them.

Generated by ``make translations`` (tools/translations.py) from the registry and the lesson files;
do not edit by hand. Nothing imports it at run time.
"""

from PySide6.QtCore import QT_TRANSLATE_NOOP

STRINGS = [
{body}
]
'''


def update() -> None:
    DATA_STRINGS.write_text(data_strings(), encoding="utf-8")
    TS_DIR.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        sources = []
        for path in sorted(PACKAGE.rglob("*.py")):
            copy = Path(tmp) / path.relative_to(ROOT)
            copy.parent.mkdir(parents=True, exist_ok=True)
            text = spell_for_lupdate(path.read_text(encoding="utf-8"), HELP_FILES.get(path.name))
            copy.write_text(text, encoding="utf-8")
            sources.append(str(copy))
        for lang, extra in LANGUAGES.items():
            ts = TS_DIR / f"playground_{lang}.ts"
            subprocess.run([_tool("lupdate"), "-silent", "-no-obsolete", "-locations", "none", "-tr-function-alias",
                            ALIASES, "-target-language", lang, *extra, *sources, "-ts", str(ts)], check=True)
    release()


def release() -> None:
    for ts in sorted(TS_DIR.glob("*.ts")):
        subprocess.run([_tool("lrelease"), "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True)


def unfinished(ts: Path) -> list[tuple[str, str]]:
    todo = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            tr = message.find("translation")
            forms = [f.text for f in tr.iter("numerusform")] if tr is not None else []
            empty = tr is None or (not (tr.text or "").strip() and not forms) or (forms and not all(forms))
            if tr is None or tr.get("type") == "unfinished" or empty:
                todo.append((name, message.findtext("source") or ""))
    return todo


def fill(path: Path, lang: str) -> int:
    """Enter the translations in ``path`` into ``playground_<lang>.ts``; returns how many were used."""
    wanted = {(e["context"], e["source"]): e["translation"] for e in json.loads(path.read_text(encoding="utf-8"))}
    ts = TS_DIR / f"playground_{lang}.ts"
    tree = ET.parse(ts)
    used = 0
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            key = (name, message.findtext("source") or "")
            if key not in wanted:
                continue
            tr = message.find("translation")
            assert tr is not None
            value = wanted[key]
            forms = list(tr.iter("numerusform"))
            if message.get("numerus") == "yes":
                values = value if isinstance(value, list) else [value]
                for form in forms:
                    tr.remove(form)
                tr.text = None
                for v in values:
                    ET.SubElement(tr, "numerusform").text = v
            else:
                tr.text = value
            tr.attrib.pop("type", None)
            used += 1
    ET.indent(tree, space="    ")
    with ts.open("wb") as f:
        f.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(f, encoding="utf-8", xml_declaration=False)
        f.write(b"\n")
    update()  # lupdate rewrites the file in its own layout, then everything is compiled
    return used


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--todo", action="store_true", help="list unfinished strings and exit")
    parser.add_argument("--fill", type=Path, metavar="JSON", help="enter translations from a JSON file")
    parser.add_argument("--lang", default="zh_CN")
    args = parser.parse_args()
    if args.todo:
        total = 0
        for ts in sorted(TS_DIR.glob("*.ts")):
            todo = unfinished(ts)
            total += len(todo)
            print(f"{ts.name}: {len(todo)} unfinished")
            for context, source in todo:
                print(f"  [{context}] {source!r}")
        return 1 if total else 0
    if args.fill:
        print(f"filled {fill(args.fill, args.lang)} translations")
        return 0
    update()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
