"""Fitting the network diagram to its pixels: rows, column gap, caption rows and the view's range.

The view keeps nodes square, so the pixels decide how much fits: a wide layer shows fewer of its
units (it says how many), a deep net brings its columns closer, a short wide view spreads them, and
captions move to a second row, or shrink to the layer's number, rather than overlap.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QFontMetricsF

from playground.app.plots.network_layout import COLUMN_GAP, ROW_GAP, linear_layers
from playground.core.snapshot import ParamStats
from playground.core.views import MAX_DRAWN

NODE_MIN_PIXELS = 12
"""On screen, a node is at least about this big: a deep net's columns move closer and a wide layer
shows fewer of its units (it says how many) rather than shrinking its maps to slivers."""
MIN_GAP = 2.0
"""The closest columns come, in node widths (links still fan out between them)."""
MAX_GAP = 7.0
"""The farthest they spread on a wide, short diagram (links stay readable as lines)."""
TOP_PIXELS = 48.0
"""Room above the nodes for the +/− buttons and the diagnostic markers."""
CAPTION_SPACE = 8.0
"""Pixels between two neighbouring captions."""


def caption_levels(spans: list[tuple[float, float]]) -> list[int]:
    """Row of each caption (its pixel span): the first row where it overlaps no caption already placed."""
    placed: list[tuple[int, float, float]] = []
    levels = []
    for lo, hi in spans:
        lo, hi = lo - CAPTION_SPACE / 2, hi + CAPTION_SPACE / 2
        level = 0
        while any(row == level and lo < end and hi > start for row, start, end in placed):
            level += 1
        placed.append((level, lo, hi))
        levels.append(level)
    return levels


class DiagramFit:
    """The diagram's geometry in pixels; ``space`` before a layout, ``fit`` after it and on resize."""

    def __init__(self, diagram: Any) -> None:
        self.d = diagram
        """The ``NetworkDiagram`` (not imported: it imports this module, and the app has no import circles)."""
        self.measure = pg.TextItem()
        """Measures caption texts as captions draw them."""

    def text_width(self, text: str) -> float:
        """Pixels the widest line of ``text`` takes in a caption (measured as a caption draws it: with
        the fallback fonts Chinese needs, which the widget's font metrics do not know)."""
        measure = self.measure.textItem
        measure.setPlainText(text)
        return measure.boundingRect().width() - 2 * measure.document().documentMargin()

    def caption_x(self, c: int) -> float:
        """Where caption ``c`` is anchored, from its column's left edge (also the share of it left of
        there): the first ends at its column's right edge, the last starts at its left edge, so the
        outer captions grow outwards and leave the hidden layers' captions room between them."""
        last = len(self.d.layout_.columns) - 1
        return 1.0 if c == 0 and last > 0 else 0.0 if c == last and last > 0 else 0.5

    def spans(self, widths: list[float], u: float) -> list[tuple[float, float]]:
        """Each caption's pixel span along x at scale ``u`` (pixels per node width)."""
        spans = []
        for c, (column, width) in enumerate(zip(self.d.layout_.columns, widths)):
            share = self.caption_x(c)
            x = (column.x + share * column.size) * u
            spans.append((x - share * width, x + (1 - share) * width))
        return spans

    def margins(self) -> tuple[float, float, float]:
        """Pixels left of the nodes (input names), right of them and above them (buttons, markers)."""
        fm = QFontMetricsF(self.d.font())
        names = [label for column in self.d.layout_.columns for label in column.labels] or list(self.d.input_names)
        if self.d.image_side is not None:  # one image node: no input names beside it
            names = []
        left = max((fm.horizontalAdvance(n) for n in names), default=0.0) + 12
        return max(left, 28.0), 8.0, TOP_PIXELS

    def space(self, params: tuple[ParamStats, ...]) -> tuple[float, int]:
        """(column gap, rows per column): nodes near ``NODE_MIN_PIXELS`` at least, and the width used.

        The view keeps nodes square, so a short, wide diagram spreads its columns (room for the
        captions) and a narrow, deep one brings them closer (down to ``MIN_GAP``).
        """
        w, h = self.d.view.width(), self.d.view.height()
        layers = linear_layers(params)
        n = len(layers) + 1
        if w <= 1 or h <= 1 or not layers:
            return COLUMN_GAP, MAX_DRAWN
        left, right, top = self.margins()
        bottom = QFontMetricsF(self.d.font()).lineSpacing() + 20  # a row of captions (titles, mostly)
        rows = int(np.clip(int(((h - top - bottom) / NODE_MIN_PIXELS - 1) / ROW_GAP) + 1, 2, MAX_DRAWN))
        widths = [layers[0][1].shape[1], *(weight.shape[0] for _layer, weight, _bias in layers)]
        if self.d.image_side is not None:
            widths[0] = 3  # the image node: IMAGE_NODE tall, about three rows
        tallest = (min(max(widths), rows) - 1) * ROW_GAP + 1
        u = (h - top - bottom) / tallest  # pixels per node width if the height decides
        gap = ((w - left - right) / max(u, NODE_MIN_PIXELS) - 1) / max(n - 1, 1)
        return float(np.clip(np.floor(gap * 2) / 2, MIN_GAP, MAX_GAP)), rows

    def fit(self) -> None:
        """Captions that never overlap (the fullest that fit one row, else numbers on staggered rows) and
        a range with room for them."""
        columns = self.d.layout_.columns
        w, h = self.d.view.width(), self.d.view.height()
        if not columns or w <= 1 or h <= 1:
            return
        x0, x1, y0, y1 = self.d.layout_.bounds()
        left, right, top = self.margins()

        def scale(bottom: float) -> float:
            return max(min((w - left - right) / (x1 - x0), (h - top - bottom) / max(y1 - y0, 1.0)), 1e-3)

        margin = 2 * self.d.captions[0][0].textItem.document().documentMargin()  # blank, may overlap
        measure = self.measure.textItem
        measure.setPlainText("\n".join(title for _c, _t, title in self.d.captions))  # one line per caption
        line = (measure.boundingRect().height() - margin) / len(self.d.captions) + 1
        variants = [[text for _c, text, _s in self.d.captions],  # full: title and units · activation
                    [text.split("\n")[0] for _c, text, _s in self.d.captions],  # the title alone
                    [short for _c, _t, short in self.d.captions]]  # a hidden layer's number alone
        widths = [[self.text_width(t) for t in texts] for texts in variants]
        u = scale(2 * line + margin + 6)
        chosen, levels, row = 0, [0] * len(columns), 2 * line + 4
        for _ in range(4):  # the scale depends on the captions' rows and they on it: settle (2 passes, mostly)
            # the most informative captions that fit on one row, else numbers on as many rows as needed
            rows_needed = [caption_levels(self.spans(each, u)) for each in widths]
            chosen = next((i for i, lv in enumerate(rows_needed) if max(lv) == 0), len(variants) - 1)
            levels = rows_needed[chosen]
            row = (2 if chosen == 0 else 1) * line + 4
            bottom = (max(levels) + 1) * row + margin + 6
            settled = scale(bottom)
            if settled >= u - 1e-6:  # as large as the rows were chosen for: nothing moves closer
                u = settled
                break
            u = settled
        shown = widths[chosen]
        ink = margin / 2 + 4  # the text starts a document margin inside the item's anchored edge
        sides = left, right
        for _ in range(3):  # outer captions wider than their columns widen the margins, which shrinks the scale
            right = max(sides[1], shown[-1] - u + ink) if len(columns) > 1 else max(sides[1], shown[-1] / 2)
            left = max(sides[0], shown[0] - columns[0].size * u + ink)
            settled = scale(bottom)
            if settled >= u - 1e-6:
                break
            u = settled
        texts = variants[chosen]
        for c, (item, _text, _short) in enumerate(self.d.captions):
            wanted = texts[c]
            if item.textItem.toPlainText() != wanted:
                item.setText(wanted)
            column = columns[c]
            baseline = y1 + (3 + levels[c] * row) / u  # one baseline for all
            item.setPos(column.x + self.caption_x(c) * column.size, baseline)
        self.d.view.setRange(xRange=(x0 - left / u, x1 + right / u),
                           yRange=(y0 - top / u, y1 + bottom / u), padding=0.0)
        self.d.buttons.place()

