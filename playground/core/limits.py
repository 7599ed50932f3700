"""Resource limits: what a file, a model or a CSV may hold, so a load is refused, never a hang or OOM.

Every limit is refused with a one-line message that names the field and the limit. They are sized
so that anything the app itself writes loads again, with room to spare (docs/reliability.md lists
them with the measurements behind them).
"""

from __future__ import annotations

MIB = 1 << 20

MAX_FILE_BYTES = 256 * MIB
"""Experiment files. The largest a model within ``MAX_PARAMETERS`` can write (float64 weights, Adam's
two moments and literal ``init_values``) is ≈ 110 MiB."""
MAX_JSON_DEPTH = 32
"""Nesting of objects and lists; real files nest at most 6 deep."""
MAX_JSON_VALUES = 3_000_000
"""Commas outside strings: a bound on the number of JSON values, which decides the memory and the time a
parse takes (≈ 60 bytes and ≈ 0.2 µs each), counted before parsing. Every other limit at once allows
≈ 2.8 million (literal ``init_values`` of the largest model 2 million, drawn points 400,000, removed
200,000, …: ``test_the_largest_accepted_document_is_within_the_counts``), so no accepted file is refused
by it, and 4.9 million integers are refused in milliseconds instead of parsed in 2–3 s."""
MAX_JSON_STRINGS = 600_000
"""Strings and keys, counted (quotes over two) only when a text's raw counts pass the limits above,
to find the commas inside strings one string at a time: the largest accepted file has ≈ 470,000 (drawn
points: 4 each)."""

MAX_TENSOR_TEXT = 128 * MIB
"""Characters of ``state.tensors`` (base64 safetensors). The largest model within ``MAX_PARAMETERS``
writes ≈ 86 MiB (float64 weights and AMSGrad's three moments). What is left of the file limit is
more than the rest of the largest accepted file saves into, so every file that loads saves into one
that reopens (``test_the_largest_accepted_document_saves_into_one_that_reopens``)."""

MAX_PARAMETERS = 2_000_000
"""Trainable parameters. At this size a trained float32 Adam experiment saves in well under a second
(32 layers of 1,024, the schema's widest, would be 34 million: 14 s and 521 MB per save)."""
MAX_STEP = 10**15
"""``state.step`` and ``state.epoch``: far beyond any real run, far below float overflow."""
MAX_SECONDS = 1e9
"""``state.seconds``: thirty years of training."""
MAX_TEXT = 100_000
"""Characters in an experiment's name or description (a lesson's text fits easily)."""
MAX_NAME = 200
"""Characters in an experiment's name."""
MAX_ADDED_POINTS = 100_000
"""Points a user drew (``data.added``)."""
MAX_COLUMN_NAME = 1_000
"""Characters in a CSV column name or class label (``data.csv.target``, ``features``, ``classes``)."""
MAX_KEY = 64
"""Characters in a key the app writes (a parameter name in ``init_values``, an optimizer setting)."""
MAX_HISTORY_ROWS = 2048
"""Rows of ``state.history`` (the engine's ``History`` capacity)."""
MAX_OBJECT_KEYS = 4_096
"""Keys in one JSON object: real files have at most a few hundred (``init_values`` of 32 layers: 130).
Checked while the tree is walked, before pydantic validates a key of it."""
MAX_JSON_CONTAINERS = 300_000
"""Objects and lists (``{`` and ``[`` in the text, counted before parsing): 100,000 drawn points take
200,000 and the largest ``init_values`` 34,000; each costs ≥ 56 bytes however short its text."""

MAX_CSV_BYTES = 64 * MIB
"""A CSV file; only regular files are read, so ``/dev/zero`` or a pipe is refused at once."""
MAX_CSV_ROWS = 200_000
"""Data rows, the same ceiling as ``data.samples`` for synthetic sets."""
MAX_CSV_COLUMNS = 1_000
"""Columns in a CSV header."""
MAX_CSV_CELLS = 5_000_000
"""Rows × columns: what the Python CSV reader parses in a few seconds (200,000 rows of 25 columns)."""
MAX_CLASSES = 1_000
"""Distinct class labels of a classification target."""

MAX_IMAGE_FILES = 10_000
"""Files in an image folder (all class sub-folders together); the scan stops at the first one past it,
so a folder of a million files is refused in the time 10,001 directory entries take. At side 28 the
loaded images take 10,000 × 784 × 8 bytes ≈ 63 MB."""
MAX_IMAGE_CLASSES = 100
"""Class sub-folders of an image folder."""
MAX_IMAGE_PIXELS = 4096 * 4096
"""Width × height of one image, read from its header before it is decoded (≈ 64 MB as RGBA); a larger
one is skipped as too large, so a decompression bomb costs nothing."""
MAX_IMAGE_BYTES = 32 * MIB
"""One image file; a larger one is skipped without being read."""


def plural(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def count_parameters(widths: list[int], norms: list[str], in_dim: int, out_dim: int) -> int:
    """Trainable parameters of the MLP, by arithmetic (no torch): Linear weights and biases, norm scales
    and shifts. ``model.parameter_count`` counts the built module; a test keeps the two equal."""
    total, width = 0, in_dim
    for units, norm in zip(widths, norms):
        total += width * units + units + (2 * units if norm != "none" else 0)
        width = units
    return total + width * out_dim + out_dim


def parameters_message(count: int) -> str | None:
    """Why ``count`` parameters is refused, or ``None`` if it is within ``MAX_PARAMETERS``."""
    if count <= MAX_PARAMETERS:
        return None
    return (f"{count:,} parameters is more than the {MAX_PARAMETERS:,} allowed; use fewer or narrower "
            "hidden layers")
