"""Where the network diagram puts things: columns of nodes and the links between them.

Pure geometry from the snapshot's parameter list (no Qt), so it is tested on its own: one column
for the inputs, one per hidden layer, one for the outputs; a layer wider than ``MAX_DRAWN`` shows
the units the engine drew maps for (spread over the layer) and says how many it has. The widget
passes how many rows and how wide a column gap its pixels allow (``max_rows``, ``gap``), so a
256-unit layer or eight hidden layers never shrink their nodes to slivers. Image inputs (64 or 784
pixels) are one bigger node, a picture of an image, linked to the next layer by one bundle of links
(one per drawn unit, starting at the image's edge): the diagram stays readable.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QCoreApplication

from playground.core.snapshot import ParamStats
from playground.core.views import MAX_DRAWN, drawn_units

COLUMN_GAP = 4.0
"""Distance between columns, in node widths (room for the links)."""
ROW_GAP = 1.25
"""Distance between nodes of a column, in node widths."""
IMAGE_NODE = 3.0
"""Side of the one node that stands for image inputs, in node widths: big enough to see the picture."""


@dataclass(frozen=True)
class Column:
    title: str
    subtitle: str
    width: int
    """Units the layer has."""
    units: np.ndarray
    """Units drawn (all of them, or ``MAX_DRAWN`` spread over a wide layer)."""
    x: float
    y0: float
    """Top of the first node; node ``k`` spans ``[y0 + k·ROW_GAP, y0 + k·ROW_GAP + 1]``."""
    weight: str | None = None
    """Incoming weight parameter (``None`` for the inputs)."""
    bias: str | None = None
    labels: tuple[str, ...] = ()
    """Per-node names (the input features)."""
    picks: np.ndarray | None = None
    """Positions of ``units`` among the units the engine sends maps for (``None``: all of them)."""
    size: float = 1.0
    """Side of each node, in node widths (bigger only for the image node)."""
    image_side: int | None = None
    """The inputs are ``side × side`` images, drawn as one node (``units`` is ``[0]``)."""

    @property
    def summarised(self) -> bool:
        return len(self.units) < self.width

    def node_y(self, k: int) -> float:
        return self.y0 + k * ROW_GAP

    @property
    def height(self) -> float:
        return (len(self.units) - 1) * ROW_GAP + self.size if len(self.units) else 0.0


@dataclass(frozen=True)
class Layout:
    columns: tuple[Column, ...]
    signature: tuple

    @property
    def node_count(self) -> int:
        return sum(len(c.units) for c in self.columns)

    def links(self, c: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """``(rows, cols, segments)`` of every drawn link into column ``c``: indices into its weight
        matrix and ``(x0, y0, x1, y1)`` from the source node's right edge to the target's left edge.

        From an image node: one link per drawn unit (a bundle: that unit's whole row of weights), its
        input index ``-1``."""
        col, prev = self.columns[c], self.columns[c - 1]
        if prev.image_side is not None:
            n = len(col.units)
            segments = np.column_stack([np.full(n, prev.x + prev.size), np.full(n, prev.y0 + prev.size / 2),
                                        np.full(n, col.x), col.y0 + np.arange(n) * ROW_GAP + 0.5])
            return col.units.copy(), np.full(n, -1, dtype=np.int64), segments
        k_out, k_in = np.meshgrid(np.arange(len(col.units)), np.arange(len(prev.units)), indexing="ij")
        k_out, k_in = k_out.ravel(), k_in.ravel()
        segments = np.column_stack([np.full(len(k_out), prev.x + 1.0), prev.y0 + k_in * ROW_GAP + 0.5,
                                    np.full(len(k_out), col.x), col.y0 + k_out * ROW_GAP + 0.5])
        return col.units[k_out], prev.units[k_in], segments

    @property
    def link_count(self) -> int:
        return sum(len(self.columns[c].units) * len(self.columns[c - 1].units) for c in range(1, len(self.columns)))

    def bounds(self) -> tuple[float, float, float, float]:
        """``(left, right, top, bottom)`` of the nodes; captions and labels are the widget's (pixels)."""
        tops = [c.y0 for c in self.columns] or [0.0]
        bottoms = [c.y0 + c.height for c in self.columns] or [1.0]
        right = self.columns[-1].x + self.columns[-1].size if self.columns else 1.0
        left = min(0.0, *(c.x for c in self.columns)) if self.columns else 0.0
        return left, right, min(tops), max(bottoms)


def linear_layers(params: tuple[ParamStats, ...]) -> list[tuple[str, ParamStats, ParamStats | None]]:
    """``(layer, weight stats, bias stats)`` of each linear layer, in order (norm parameters skipped)."""
    by_name = {p.name: p for p in params}
    out = []
    for p in params:
        if p.role == "weight" and len(p.shape) == 2:
            out.append((p.layer, p, by_name.get(p.name.rsplit(".", 1)[0] + ".bias")))
    return out


def make_layout(input_names: list[str], params: tuple[ParamStats, ...], activations: dict[str, str],
                gap: float = COLUMN_GAP, max_rows: int = MAX_DRAWN, image_side: int | None = None) -> Layout:
    """Columns for the inputs, each hidden layer and the outputs, centred on y = 0, ``gap`` apart,
    each showing at most ``max_rows`` of the units the engine sends maps for; ``side × side`` image
    inputs are one node ``IMAGE_NODE`` wide whose right edge is where an input column's would be."""
    layers = linear_layers(params)
    if not layers:
        return Layout((), ())
    in_width = layers[0][1].shape[1]
    names = list(input_names)[:in_width] if len(input_names) >= in_width else [f"x{i + 1}" for i in range(in_width)]
    # the inputs column: its title is set by the widget (translated); no subtitle
    specs: list[tuple[str, str, int, str | None, str | None]] = [
        ("inputs", "", in_width, None, None)]
    for layer, weight, bias in layers:
        width = weight.shape[0]
        title = layer if layer != "output" else "output"
        sub = f"{width} · {activations.get(layer, '')}".rstrip(" ·") if layer != "output" else f"{width}"
        specs.append((title, sub, width, weight.name, bias.name if bias else None))
    columns = []
    for c, (title, sub, width, weight, bias) in enumerate(specs):
        if c == 0 and image_side is not None and width == image_side * image_side:
            sub = QCoreApplication.translate("NetworkDiagram", "{0} pixels").format(width)
            columns.append(Column("image", sub, width, np.zeros(1, dtype=np.int64), 1.0 - IMAGE_NODE,
                                  -IMAGE_NODE / 2, size=IMAGE_NODE, image_side=image_side))
            continue
        sent = drawn_units(width, MAX_DRAWN)
        picks = drawn_units(len(sent), max(max_rows, 1))
        units = sent[picks]
        height = (len(units) - 1) * ROW_GAP + 1.0
        if width > len(units):
            sub = QCoreApplication.translate("NetworkDiagram", "{0} units, {1} shown").format(width, len(units))
        labels = tuple(names[i] for i in units) if c == 0 else ()
        columns.append(Column(title, sub, width, units, c * gap, -height / 2, weight, bias, labels, picks))
    signature = (*((c.width, c.weight, len(c.units), c.image_side) for c in columns), gap)
    return Layout(tuple(columns), signature)


def segment_distance(px: float, py: float, x0: np.ndarray, y0: np.ndarray, x1: np.ndarray,
                     y1: np.ndarray, sx: float = 1.0, sy: float = 1.0) -> np.ndarray:
    """Distance from a point to each segment, with x and y scaled by ``sx``/``sy`` (pixels per unit)."""
    ax, ay = (x0 - px) * sx, (y0 - py) * sy
    dx, dy = (x1 - x0) * sx, (y1 - y0) * sy
    length = dx * dx + dy * dy
    t = np.clip(-(ax * dx + ay * dy) / np.where(length > 0, length, 1.0), 0.0, 1.0)
    cx, cy = ax + t * dx, ay + t * dy
    return np.sqrt(cx * cx + cy * cy)
