"""The data part of the exported script: the playground's own generator and split code, copied.

``copied_source`` lifts top-level definitions (and every helper they use) out of
``playground/core/data/synthetic.py`` and ``split.py`` by their source, so the script generates the
very same points; CSV data gets a small reader that parses cells as the playground does.
"""

from __future__ import annotations

import ast
import inspect
import json
from types import ModuleType

from playground.core.data import digits as digits_module
from playground.core.data import image_folder as image_folder_module
from playground.core.data import split as split_module
from playground.core.data import synthetic as synthetic_module
from playground.core.export.source import ExportSource
from playground.core.spec import MULTICLASS_KINDS

RULE = "# " + "-" * 94


def copied_source(module: ModuleType, names: list[str]) -> str:
    """The top-level definitions ``names`` of ``module`` and every one they use, in file order."""
    text = inspect.getsource(module)
    tree = ast.parse(text)
    defs: dict[str, ast.stmt] = {}
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.ClassDef):
            defs[node.name] = node
        elif isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            defs[node.targets[0].id] = node
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            defs[node.target.id] = node
    wanted: set[str] = set()
    todo = list(names)
    while todo:
        name = todo.pop()
        if name in wanted:
            continue
        wanted.add(name)
        todo += [n.id for n in ast.walk(defs[name]) if isinstance(n, ast.Name) and n.id in defs]
    chunks = [ast.get_source_segment(text, node) for node in tree.body if node in
              [defs[n] for n in wanted]]
    return "\n\n\n".join(c for c in chunks if c)


def py_literal(value: str | list[str]) -> str:
    """A string (or list of strings) as a double-quoted Python literal; JSON's escapes are Python's."""
    return json.dumps(value, ensure_ascii=False)


def data_section(source: ExportSource) -> str:
    data = source.spec.data
    parts: list[str] = []
    if data.kind == "csv":
        parts.append(f"{RULE}\n# Data: read from the CSV file as the playground reads it\n{_csv_reader(source)}")
    elif data.kind == "digits":
        parts.append(f"{RULE}\n# Data: the 8×8 digits (UCI, CC BY 4.0), read as in the playground "
                     f"(copied from playground/core/data/digits.py)\n{_digits_reader()}")
    elif data.kind == "images":
        parts.append(f"{RULE}\n# Data: the image folder, decoded as in the playground "
                     f"(copied from playground/core/data/image_folder.py)\n{_folder_reader(source)}")
    else:
        parts.append(f"{RULE}\n# Data: generated as in the playground (copied from playground/core/data/synthetic.py)\n"
                     + copied_source(synthetic_module, [data.kind]))
    parts.append("# Shuffled and split as in the playground (copied from playground/core/data/split.py)\n"
                 + copied_source(split_module, ["shuffle_split"]))
    parts.append(_load_data(source))
    return "\n\n\n".join(parts)


def _csv_reader(source: ExportSource) -> str:
    from playground.core.data.csv_data import resolve_path

    csv_spec = source.spec.data.csv
    assert csv_spec is not None
    path = resolve_path(csv_spec.path, source.base_dir).resolve()
    if source.task == "classification":
        y_line = "y = np.array([CLASSES.index(row[header.index(TARGET)]) for row in rows], dtype=np.int64)"
        y_doc = "the target as class indices (positions in CLASSES)"
    else:
        y_line = "y = np.array([float(row[header.index(TARGET)]) for row in rows], dtype=np.float64)"
        y_doc = "the target as float64 values"
    return f'''DATA_FILE = Path({py_literal(str(path))})  # change it if the file moves
FEATURES = {py_literal(list(source.dataset.raw_names))}
TARGET = {py_literal(csv_spec.target)}


def read_csv(path: Path = DATA_FILE) -> tuple[np.ndarray, np.ndarray]:
    """Feature columns as float64 ``(n, {len(source.dataset.raw_names)})`` and {y_doc}."""
    text = Path(path).read_text(encoding="utf-8-sig")
    first = text.lstrip("\\r\\n").splitlines()[0]
    delimiter = max((",", ";", "\\t"), key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows = [[cell.strip() for cell in row] for row in reader if row]
    header, rows = rows[0], rows[1:]
    x = np.array([[float(row[header.index(name)]) for name in FEATURES] for row in rows], dtype=np.float64)
    {y_line}
    return x, y'''


def _digits_reader() -> str:
    path = digits_module.digits_path().resolve()
    return (f"DATA_FILE = Path({py_literal(str(path))})  # ships with Torch Playground (and scikit-learn)\n\n\n"
            + copied_source(digits_module, ["read_digits"]))


def _folder_reader(source: ExportSource) -> str:
    from playground.core.data.csv_data import resolve_path
    from playground.core.limits import MAX_IMAGE_BYTES, MAX_IMAGE_PIXELS

    folder = source.spec.data.images
    assert folder is not None
    path = resolve_path(folder.path, source.base_dir).resolve()
    return f'''DATA_FOLDER = Path({py_literal(str(path))})  # one sub-folder of images per class
SIDE = {folder.side}  # images are made grey and resized to SIDE × SIDE
IMAGE_SUFFIXES = {image_folder_module.IMAGE_SUFFIXES!r}
MAX_IMAGE_BYTES = {MAX_IMAGE_BYTES}  # larger files are skipped, as in the playground
MAX_IMAGE_PIXELS = {MAX_IMAGE_PIXELS}


{copied_source(image_folder_module, ["decode"])}


def read_folder(root: Path = DATA_FOLDER) -> tuple[np.ndarray, np.ndarray]:
    """Pixels float64 ``(n, SIDE * SIDE)`` in [0, 1] and class indices (positions in CLASSES)."""
    xs, ys = [], []
    for k, name in enumerate(CLASSES):
        folder = Path(root) / name
        files = sorted(p.name for p in folder.iterdir() if not p.name.startswith(".") and not p.is_dir())
        for file in files:
            if not file.lower().endswith(IMAGE_SUFFIXES):
                continue
            image = decode(folder / file, SIDE)
            if not isinstance(image, str):  # a string says why the file was skipped
                xs.append(image.reshape(-1))
                ys.append(k)
    return np.array(xs, dtype=np.float64).reshape(len(xs), SIDE * SIDE), np.array(ys, dtype=np.int64)'''


def _load_data(source: ExportSource) -> str:
    data = source.spec.data
    if data.kind == "csv":
        make = "x, y = read_csv()\n    rng = np.random.default_rng(DATA_SEED)"
    elif data.kind == "digits":
        make = "x, y = read_digits(DATA_FILE)\n    rng = np.random.default_rng(DATA_SEED)"
    elif data.kind == "images":
        make = "x, y = read_folder()\n    rng = np.random.default_rng(DATA_SEED)"
    else:
        extra = f", {data.n_classes}" if data.kind in MULTICLASS_KINDS else ""
        call = f"{data.kind}({data.samples}, {data.noise!r}, rng{extra})"
        make = f"rng = np.random.default_rng(DATA_SEED)\n    x, y = {call}"
    body = f"{make}\n    x_train, y_train, x_test, y_test = shuffle_split(x, y, {data.train_fraction!r}, rng)"
    edits = ""
    if data.removed:
        body += ("\n    # points removed in the playground (indices into train, then test)"
                 "\n    keep = np.ones(len(x_train) + len(x_test), dtype=bool)"
                 "\n    keep[REMOVED] = False"
                 "\n    n_train = len(x_train)"
                 "\n    x_train, y_train = x_train[keep[:n_train]], y_train[keep[:n_train]]"
                 "\n    x_test, y_test = x_test[keep[n_train:]], y_test[keep[n_train:]]")
        edits += f"REMOVED = {list(data.removed)!r}\n"
    if data.added:
        classification = source.task == "classification"
        y_type = "np.int64" if classification else "np.float64"
        points = ",\n".join(
            f'    ({p.x!r}, {int(p.y) if classification else float(p.y)!r}, "{p.split}")' for p in data.added)
        edits += f"ADDED = [  # points drawn in the playground: (x, y, split)\n{points},\n]\n"
        body += ("\n    # points drawn in the playground, appended to their split"
                 "\n    for split in (\"train\", \"test\"):"
                 "\n        px = np.array([p for p, _, s in ADDED if s == split], dtype=np.float64)"
                 f"\n        py = np.array([v for _, v, s in ADDED if s == split], dtype={y_type})"
                 "\n        if len(px) and split == \"train\":"
                 "\n            x_train, y_train = np.concatenate([x_train, px]), np.concatenate([y_train, py])"
                 "\n        elif len(px):"
                 "\n            x_test, y_test = np.concatenate([x_test, px]), np.concatenate([y_test, py])")
    return f'''DATA_SEED = {data.seed}  # seeds numpy: the points and the train/test split
{edits}

def load_data() -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The playground's points (raw inputs): x_train, y_train, x_test, y_test."""
    {body}
    return x_train, y_train, x_test, y_test'''
