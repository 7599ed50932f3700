"""The network diagram: inputs, hidden units and outputs as nodes, every weight a link, live.

As in TensorFlow Playground, a link's width shows the weight's magnitude and its colour the sign
(blue positive, orange negative), and with 2-D inputs each node is a small heat map of what the
unit computes over the input plane. Hovering a node or a link tells its numbers (weight, gradient,
last update, bias); hovering a node also asks the main plot to show its map large; clicking a link
or a node while training is paused asks to type a new weight or bias (``editRequested``).

Drawing cost is fixed per frame: one image per column and twelve line items for all the links
(grouped by sign and width), each created once and only fed new arrays.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QLabel, QMenu, QToolButton, QToolTip, QVBoxLayout, QWidget

from playground.app.names import layer_name
from playground.app.plots.diverging import NEGATIVE, POSITIVE, colorize, symmetric_limit
from playground.app.plots.legend import ColorLegend
from playground.app.plots.network_layout import (
    COLUMN_GAP,
    ROW_GAP,
    Layout,
    linear_layers,
    make_layout,
    segment_distance,
)
from playground.core.snapshot import Diagnostic, NeuronMaps, ParamStats, Snapshot
from playground.core.views import MAX_DRAWN

WIDTHS = (0.6, 1.2, 2.0, 3.0, 4.2, 5.6)
"""Link widths in pixels, from the smallest to the largest magnitude."""
HOVER_PIXELS = 5.0
NODE_PIXELS = 24
"""Pixels per node side in a column image (the neuron maps are resampled to it)."""
GAP_PIXELS = round((ROW_GAP - 1.0) * NODE_PIXELS)
assert GAP_PIXELS == (ROW_GAP - 1.0) * NODE_PIXELS, "node gaps must be whole pixels"
NODE_MIN_PIXELS = 12
"""On screen, a node is at least about this big: a deep net's columns move closer and a wide layer
shows fewer of its units (it says how many) rather than shrinking its maps to slivers."""
MIN_GAP = 2.0
"""The closest columns come, in node widths (links still fan out between them)."""
MAX_GAP = 7.0
"""The farthest they spread on a wide, short diagram (links stay readable as lines)."""
TOP_PIXELS = 44.0
"""Room above the nodes for the +/− buttons and the diagnostic markers."""
CAPTION_SPACE = 8.0
"""Pixels between two neighbouring captions."""


def _fmt(value: float | None) -> str:
    if value is None or not np.isfinite(value):
        return "–"
    return f"{value:.7g}"


def _caption_levels(spans: list[tuple[float, float]]) -> list[int]:
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


class NetworkDiagram(QWidget):
    """Live diagram of the model; ``update(snapshot)`` is its one drawing entry point."""

    neuronHovered = Signal(int, int)
    """(column, unit) under the cursor, or (-1, -1): the main plot shows that unit's map large."""
    editRequested = Signal(str, tuple, float, QPointF)
    """(parameter name, index, current value, global position): the user clicked to type a value."""
    layersRequested = Signal(int)
    """+1: add a hidden layer at the end; −1: remove the last one (the window makes it an undoable edit)."""
    unitsRequested = Signal(int, int)
    """(hidden layer index, +1 or −1): one neuron more or fewer in that layer."""
    featureToggled = Signal(str, bool)
    """(input feature key, on): a click on an input node or in the inputs menu."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("networkDiagram")
        self.view_widget = pg.GraphicsLayoutWidget(self)
        self.view_widget.setBackground("w")
        self.view_widget.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        self.view = self.view_widget.addViewBox()
        self.view.setMouseEnabled(False, False)
        self.view.setAspectLocked(True)
        self.view.invertY(True)
        self.view.setMenuEnabled(False)
        self.legend = ColorLegend()
        self.legend.bar.show_signs(self.tr("negative"), self.tr("positive"))
        self.legend.setToolTip(self.tr("Node colour: the unit's output over the input plane, scaled per layer. "
                                       "Link colour: the weight's sign; its width: the weight's size."))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.view_widget, 1)
        layout.addWidget(self.legend)
        self.links: dict[tuple[int, int], pg.PlotCurveItem] = {}
        for sign in (0, 1):
            color = QColor(*(POSITIVE if sign else NEGATIVE).astype(int))
            for level, width in enumerate(WIDTHS):
                color.setAlphaF(0.35 + 0.65 * (level + 1) / len(WIDTHS))
                pen = QPen(color)
                pen.setWidthF(width)
                pen.setCosmetic(True)
                item = pg.PlotCurveItem(pen=pen, connect="pairs", antialias=False)
                item.setZValue(-5)
                self.view.addItem(item)
                self.links[(sign, level)] = item
        self.images: list[pg.ImageItem] = []
        self.texts: list[pg.TextItem] = []
        self.captions: list[tuple[pg.TextItem, str, str]] = []
        """Each column's caption item with its full text and a short one (crowded: a hidden layer's number)."""
        self._measure = pg.TextItem()
        self.markers: list[pg.TextItem] = []
        self.layout_: Layout = Layout((), ())
        self.input_names: list[str] = []
        self.activations: dict[str, str] = {}
        self.editable = False
        self.snapshot: Snapshot | None = None
        self._params: dict[str, ParamStats] = {}
        self._segments: np.ndarray = np.zeros((0, 4))
        self._seg_rows = self._seg_ins = self._seg_column = np.zeros(0, dtype=np.int64)
        self._seg_slices: list[tuple[int, int, int]] = []
        self._weights: np.ndarray = np.zeros(0)
        self._hover: tuple[int, int] = (-1, -1)
        self._hover_column = -1
        self.diagnostics: tuple[Diagnostic, ...] = ()
        scene = self.view_widget.scene()
        scene.sigMouseMoved.connect(self._moved)
        scene.sigMouseClicked.connect(self._clicked)
        self.setMouseTracking(True)
        self.setMinimumSize(260, 220)
        self.view.sigResized.connect(self._resized)
        self._rows = MAX_DRAWN
        self._build_edit_buttons()

    # ------------------------------------------------------------------ context from the window
    def set_context(self, input_names: list[str], activations: dict[str, str]) -> None:
        """Input feature names and each hidden layer's activation label (for the column captions)."""
        if input_names != self.input_names or activations != self.activations:
            self.input_names, self.activations = list(input_names), dict(activations)
            self.layout_ = Layout((), ())  # captions changed: lay out again at the next frame
            if self.snapshot is not None:
                self.update(self.snapshot)

    def set_editable(self, editable: bool) -> None:
        """Clicking edits weights only while training is stopped (the numbers hold still).

        Links are antialiased only then too: smoothing thousands of lines is most of a frame's cost,
        and moving lines look the same without it.
        """
        self.editable = editable
        for item in self.links.values():
            if item.opts.get("antialias") != editable:
                item.opts["antialias"] = editable
                item.update()

    def _resized(self) -> None:
        if self.snapshot is not None and self._space(self.snapshot.params)[0:2] != self._shape_used():
            self.layout_ = Layout((), ())  # more or fewer rows fit now: lay out again
            self.update(self.snapshot)
        else:
            self._fit_view()

    def _shape_used(self) -> tuple[float, int]:
        columns = self.layout_.columns
        gap = columns[1].x - columns[0].x if len(columns) > 1 else COLUMN_GAP
        return gap, self._rows

    # ------------------------------------------------------------------ editing the architecture
    def _build_edit_buttons(self) -> None:
        """+/− for layers (top right), per hidden layer for its neurons, a menu of input features."""
        self.layers_label = QLabel(self.view_widget, objectName="diagramLayers")
        self.add_layer = self._tool_button("+", self.tr("Add a hidden layer"), "addLayerButton",
                                           lambda: self.layersRequested.emit(1))
        self.remove_layer = self._tool_button("−", self.tr("Remove the last hidden layer"), "removeLayerButton",
                                              lambda: self.layersRequested.emit(-1))
        self.inputs_button = self._tool_button(self.tr("Inputs ▾"), self.tr("Choose the input features"),
                                               "inputsButton", None)
        self.inputs_menu = QMenu(self.inputs_button)
        self.inputs_button.setMenu(self.inputs_menu)
        self.inputs_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.inputs_button.hide()
        self.unit_buttons: list[tuple[QToolButton, QToolButton]] = []
        self.features: list[tuple[str, str, bool]] = []
        self.active_features: list[str] = []

    def _tool_button(self, text: str, tip: str, name: str, slot) -> QToolButton:
        button = QToolButton(self.view_widget, objectName=name, text=text, toolTip=tip)
        button.setAutoRaise(True)
        button.setStyleSheet("QToolButton { padding: 0px 3px; }")
        if slot is not None:
            button.clicked.connect(slot)
        return button

    def set_features(self, features: list[tuple[str, str, bool]], active: list[str]) -> None:
        """``(key, label, on)`` of every input feature the data can give (empty: inputs are fixed), and
        the keys of the inputs the network reads, in its order."""
        self.features, self.active_features = list(features), list(active)
        self.inputs_menu.clear()
        for key, label, on in self.features:
            action = self.inputs_menu.addAction(label)
            action.setCheckable(True)
            action.setChecked(on)
            action.toggled.connect(lambda checked, k=key: self.featureToggled.emit(k, checked))
        self.inputs_button.setVisible(bool(self.features))
        self._place_buttons()

    def _place_buttons(self) -> None:
        """Buttons follow the columns; per-layer ones hide where neighbours would touch (hover shows them)."""
        columns = self.layout_.columns
        hidden = max(len(columns) - 2, 0)
        self.layers_label.setText(self.tr("%n hidden layer(s)", "", hidden))
        self.layers_label.adjustSize()
        self.remove_layer.setEnabled(hidden > 0)
        width = self.view_widget.width()
        x = width - 4
        for widget in (self.remove_layer, self.add_layer, self.layers_label):
            widget.adjustSize()
            x -= widget.width()
            widget.move(int(x), 2)
            x -= 2
        while len(self.unit_buttons) < hidden:
            k = len(self.unit_buttons)
            pair = (self._tool_button("+", self.tr("One neuron more in this layer"), f"addUnit{k}",
                                      lambda _=False, k=k: self.unitsRequested.emit(k, 1)),
                    self._tool_button("−", self.tr("One neuron fewer in this layer"), f"removeUnit{k}",
                                      lambda _=False, k=k: self.unitsRequested.emit(k, -1)))
            self.unit_buttons.append(pair)
        if not columns:
            return
        pitch = self._pixel_x(columns[1].x) - self._pixel_x(columns[0].x) if len(columns) > 1 else width
        for k, (plus, minus) in enumerate(self.unit_buttons):
            shown = k < hidden
            if shown:
                centre = self._pixel_x(columns[k + 1].x + 0.5)
                for button in (plus, minus):
                    button.adjustSize()
                plus.move(int(centre - plus.width() - 1), 24)
                minus.move(int(centre + 1), 24)
                shown = plus.width() + minus.width() + 6 <= pitch or self._hover_column == k + 1
            plus.setVisible(shown)
            minus.setVisible(shown)
        self.inputs_button.adjustSize()
        self.inputs_button.move(2, 2)

    def _pixel_x(self, x: float) -> float:
        """Widget x of view coordinate ``x``."""
        return float(self.view_widget.mapFromScene(self.view.mapViewToScene(QPointF(x, 0.0))).x())

    # ------------------------------------------------------------------ drawing
    def update(self, snapshot: Snapshot) -> None:  # type: ignore[override] — a view's one entry point
        if not snapshot.params:
            return
        self.snapshot = snapshot
        self._params = {p.name: p for p in snapshot.params}
        gap, rows = self._space(snapshot.params)
        self._rows = rows
        layout = make_layout(self.input_names, snapshot.params, self.activations, gap, rows)
        if layout.signature != self.layout_.signature or len(self.images) != len(layout.columns):
            self._relayout(layout)
        self._draw_nodes(snapshot.neurons)
        self._draw_links()
        self._draw_diagnostics(snapshot.diagnostics)

    def _relayout(self, layout: Layout) -> None:
        self.layout_ = layout
        for item in [*self.images, *self.texts]:
            self.view.removeItem(item)
        self.images, self.texts, self.captions = [], [], []
        for c, column in enumerate(layout.columns):
            image = pg.ImageItem(axisOrder="row-major")
            image.setZValue(0)
            self.view.addItem(image)
            self.images.append(image)
            title = self.tr("inputs") if column.weight is None else layer_name(column.title)
            caption = pg.TextItem(title, color="#404040", anchor=(self._caption_x(c), 0))
            self.view.addItem(caption)
            self.texts.append(caption)
            hidden = column.weight is not None and c < len(layout.columns) - 1
            # crowded (a deep net): a hidden layer is captioned by its number; "8 hidden layers" is above
            self.captions.append((caption, f"{title}\n{column.subtitle}".strip(), str(c) if hidden else title))
            for k, label in enumerate(column.labels):
                text = pg.TextItem(label, color="#404040", anchor=(1, 0.5))
                text.setPos(column.x - 0.1, column.node_y(k) + 0.5)
                self.view.addItem(text)
                self.texts.append(text)
        self._link_geometry()
        self._fit_view()

    # ------------------------------------------------------------------ fitting the pixels
    def _text_width(self, text: str) -> float:
        """Pixels the widest line of ``text`` takes in a caption (measured as a caption draws it: with
        the fallback fonts Chinese needs, which the widget's font metrics do not know)."""
        measure = self._measure.textItem
        measure.setPlainText(text)
        return measure.boundingRect().width() - 2 * measure.document().documentMargin()

    def _caption_x(self, c: int) -> float:
        """Where caption ``c`` is anchored, from its column's left edge (also the share of it left of
        there): the first ends at its column's right edge, the last starts at its left edge, so the
        outer captions grow outwards and leave the hidden layers' captions room between them."""
        last = len(self.layout_.columns) - 1
        return 1.0 if c == 0 and last > 0 else 0.0 if c == last and last > 0 else 0.5

    def _spans(self, widths: list[float], u: float) -> list[tuple[float, float]]:
        """Each caption's pixel span along x at scale ``u`` (pixels per node width)."""
        spans = []
        for c, (column, width) in enumerate(zip(self.layout_.columns, widths)):
            share = self._caption_x(c)
            x = (column.x + share) * u
            spans.append((x - share * width, x + (1 - share) * width))
        return spans

    def _margins(self) -> tuple[float, float, float]:
        """Pixels left of the nodes (input names), right of them and above them (buttons, markers)."""
        fm = QFontMetricsF(self.font())
        names = [label for column in self.layout_.columns for label in column.labels] or list(self.input_names)
        left = max((fm.horizontalAdvance(n) for n in names), default=0.0) + 12
        return max(left, 28.0), 8.0, TOP_PIXELS

    def _space(self, params: tuple[ParamStats, ...]) -> tuple[float, int]:
        """(column gap, rows per column): nodes near ``NODE_MIN_PIXELS`` at least, and the width used.

        The view keeps nodes square, so a short, wide diagram spreads its columns (room for the
        captions) and a narrow, deep one brings them closer (down to ``MIN_GAP``).
        """
        w, h = self.view.width(), self.view.height()
        layers = linear_layers(params)
        n = len(layers) + 1
        if w <= 1 or h <= 1 or not layers:
            return COLUMN_GAP, MAX_DRAWN
        left, right, top = self._margins()
        bottom = 2 * QFontMetricsF(self.font()).lineSpacing() + 20  # one row of two-line captions
        rows = int(np.clip(int(((h - top - bottom) / NODE_MIN_PIXELS - 1) / ROW_GAP) + 1, 2, MAX_DRAWN))
        widths = [layers[0][1].shape[1], *(weight.shape[0] for _layer, weight, _bias in layers)]
        tallest = (min(max(widths), rows) - 1) * ROW_GAP + 1
        u = (h - top - bottom) / tallest  # pixels per node width if the height decides
        gap = ((w - left - right) / max(u, NODE_MIN_PIXELS) - 1) / max(n - 1, 1)
        return float(np.clip(np.floor(gap * 2) / 2, MIN_GAP, MAX_GAP)), rows

    def _fit_view(self) -> None:
        """Captions that never overlap (full, else titles on staggered rows) and a range with room for them."""
        columns = self.layout_.columns
        w, h = self.view.width(), self.view.height()
        if not columns or w <= 1 or h <= 1:
            return
        x0, x1, y0, y1 = self.layout_.bounds()
        left, right, top = self._margins()

        def scale(bottom: float) -> float:
            return max(min((w - left - right) / (x1 - x0), (h - top - bottom) / max(y1 - y0, 1.0)), 1e-3)

        margin = 2 * self.captions[0][0].textItem.document().documentMargin()  # blank, may overlap
        measure = self._measure.textItem
        measure.setPlainText("\n".join(title for _c, _t, title in self.captions))  # one line per caption
        line = (measure.boundingRect().height() - margin) / len(self.captions) + 1
        full = [self._text_width(text) for _c, text, _s in self.captions]
        short = [self._text_width(title) for _c, _t, title in self.captions]
        u = scale(2 * line + margin + 6)
        row, levels, use_full = 2 * line + 4, [0] * len(columns), True
        for _ in range(4):  # the scale depends on the captions' rows and they on it: settle (2 passes, mostly)
            use_full = True
            levels = _caption_levels(self._spans(full, u))
            if max(levels) > 1:  # more than two rows of full captions: numbers alone
                use_full = False
                levels = _caption_levels(self._spans(short, u))
            lines = 2 if use_full else 1
            row = lines * line + 4
            bottom = (max(levels) + 1) * row + margin + 6
            settled = scale(bottom)
            if settled >= u - 1e-6:  # as large as the rows were chosen for: nothing moves closer
                u = settled
                break
            u = settled
        for c, (item, text, title) in enumerate(self.captions):
            wanted = text if use_full else title
            if item.textItem.toPlainText() != wanted:
                item.setText(wanted)
            column = columns[c]
            item.setPos(column.x + self._caption_x(c), y1 + (3 + levels[c] * row) / u)  # one baseline for all
        widths = full if use_full else short
        right = max(right, widths[-1] - u + 4) if len(columns) > 1 else max(right, widths[-1] / 2)
        left = max(left, widths[0] - u + 4)
        self.view.setRange(xRange=(x0 - left / u, x1 + right / u),
                           yRange=(y0 - top / u, y1 + bottom / u), padding=0.0)
        self._place_buttons()

    def _column_maps(self, neurons: NeuronMaps | None, c: int) -> np.ndarray | None:
        """``(drawn, res, res)`` maps of column ``c`` (inputs, hidden layers, outputs), if sent."""
        if neurons is None:
            return None
        if c == 0:
            return neurons.inputs[self.layout_.columns[0].units] if len(neurons.inputs) else None
        if c - 1 < len(neurons.layers):
            maps, picks = neurons.layers[c - 1], self.layout_.columns[c].picks
            return maps[picks] if picks is not None and len(maps) > picks.max() else maps
        return None

    def _draw_nodes(self, neurons: NeuronMaps | None) -> None:
        output = len(self.layout_.columns) - 1
        for c, (column, image) in enumerate(zip(self.layout_.columns, self.images)):
            n = len(column.units)
            maps = self._column_maps(neurons, c)
            side, gap = NODE_PIXELS, GAP_PIXELS
            if maps is None or maps.shape[0] != n:
                rgba = self._plain_nodes(column, n, gap)
            else:
                if c == output and self._probabilities():
                    limit, values = 1.0, 2.0 * maps - 1.0  # p = 0.5 is white, as the boundary's colours
                else:
                    limit, values = symmetric_limit(maps), maps
                pick = np.arange(side) * maps.shape[1] // side  # nearest-neighbour to a fixed node size
                colored = colorize(values[:, ::-1, :][:, pick][:, :, pick], limit)  # the plane's y grows upwards
                rgba = np.zeros((n, side + gap, side, 4), dtype=np.uint8)
                rgba[:, :side] = colored
                rgba = rgba.reshape(n * (side + gap), side, 4)[: n * (side + gap) - gap]
            image.setImage(rgba, autoLevels=False, levels=(0, 255))
            image.setRect(QRectF(column.x, column.y0, 1.0, column.height))

    def _plain_nodes(self, column, n: int, gap: int) -> np.ndarray:
        """Without maps (inputs that are not a plane): nodes coloured by their bias."""
        side = NODE_PIXELS
        rgba = np.zeros((n * (side + gap) - gap, side, 4), dtype=np.uint8)
        bias = self._params.get(column.bias) if column.bias else None  # type: ignore[arg-type]
        values = bias.values[column.units] if bias is not None and bias.values is not None else np.zeros(n)
        colors = colorize(values, symmetric_limit(values) if bias is not None else 1.0)
        for k in range(n):
            block = rgba[k * (side + gap): k * (side + gap) + side]
            block[:] = colors[k]
            block[[0, -1], :] = block[:, [0, -1]] = (120, 120, 120, 255)
        return rgba

    def _probabilities(self) -> bool:
        snap = self.snapshot
        return bool(snap and snap.metrics and snap.metrics.metric_name == "accuracy")

    def _link_geometry(self) -> None:
        """Links never move within a layout: their ends and matrix indices are worked out once."""
        parts = [self.layout_.links(c) for c in range(1, len(self.layout_.columns))]
        self._segments = np.concatenate([p[2] for p in parts]) if parts else np.zeros((0, 4))
        self._seg_rows = np.concatenate([p[0] for p in parts]) if parts else np.zeros(0, dtype=np.int64)
        self._seg_ins = np.concatenate([p[1] for p in parts]) if parts else np.zeros(0, dtype=np.int64)
        self._seg_column = np.concatenate([np.full(len(p[0]), c + 1) for c, p in enumerate(parts)]) if parts \
            else np.zeros(0, dtype=np.int64)
        self._seg_slices = []
        start = 0
        for c, p in enumerate(parts, start=1):
            self._seg_slices.append((c, start, start + len(p[0])))
            start += len(p[0])

    def _segment_id(self, i: int) -> tuple[str, tuple[int, int]]:
        column = self.layout_.columns[int(self._seg_column[i])]
        return column.weight or "", (int(self._seg_rows[i]), int(self._seg_ins[i]))

    def _draw_links(self) -> None:
        w = np.full(len(self._segments), np.nan)
        for c, start, end in self._seg_slices:
            stats = self._params.get(self.layout_.columns[c].weight or "")
            if stats is not None and stats.values is not None:
                w[start:end] = stats.values[self._seg_rows[start:end], self._seg_ins[start:end]]
        self._weights = w
        top = symmetric_limit(w)
        level = np.clip((np.nan_to_num(np.abs(w)) / top * len(WIDTHS)).astype(int), 0, len(WIDTHS) - 1)
        finite = np.isfinite(w)
        for (sign, lv), item in self.links.items():
            mask = finite & (level == lv) & ((w >= 0) if sign else (w < 0))
            s = self._segments[mask]
            xs = np.column_stack([s[:, 0], s[:, 2]]).ravel()
            ys = np.column_stack([s[:, 1], s[:, 3]]).ravel()
            item.setData(xs, ys)

    def _draw_diagnostics(self, diagnostics: tuple[Diagnostic, ...]) -> None:
        self.diagnostics = diagnostics
        by_layer: dict[str, list[str]] = {}
        for d in diagnostics:
            if d.layer:
                by_layer.setdefault(d.layer, []).append(d.message)
        wanted = [(c, by_layer[col.title]) for c, col in enumerate(self.layout_.columns) if col.title in by_layer]
        while len(self.markers) < len(wanted):
            marker = pg.TextItem("⚠", color="#cf222e", anchor=(0.5, 1))
            self.view.addItem(marker)
            self.markers.append(marker)
        for i, marker in enumerate(self.markers):
            if i < len(wanted):
                c, messages = wanted[i]
                col = self.layout_.columns[c]
                tip = "\n".join(messages)
                if marker.toolTip() != tip or not marker.isVisible():
                    marker.setPos(col.x + 0.5, col.y0 - 0.1)
                    marker.setToolTip(tip)
                    marker.setVisible(True)
            elif marker.isVisible():
                marker.setVisible(False)

    def marked_layers(self) -> list[str]:
        """Columns that carry a diagnostic marker (tests, accessibility)."""
        return [m.toolTip() for m in self.markers if m.isVisible()]

    # ------------------------------------------------------------------ hover and click
    def _to_view(self, scene_pos: QPointF) -> tuple[float, float, float, float]:
        p = self.view.mapSceneToView(scene_pos)
        px, py = self.view.viewPixelSize()
        return float(p.x()), float(p.y()), 1.0 / px if px else 1.0, 1.0 / py if py else 1.0

    def node_at(self, x: float, y: float) -> tuple[int, int] | None:
        """(column, position in column) of the node at view coordinates (x, y)."""
        for c, col in enumerate(self.layout_.columns):
            if col.x <= x <= col.x + 1.0:
                k = int(np.floor((y - col.y0) / ROW_GAP))
                if 0 <= k < len(col.units) and y - col.node_y(k) <= 1.0:
                    return c, k
        return None

    def link_at(self, x: float, y: float, sx: float, sy: float) -> int | None:
        if not len(self._segments):
            return None
        s = self._segments
        d = segment_distance(x, y, s[:, 0], s[:, 1], s[:, 2], s[:, 3], sx, sy)
        d[~np.isfinite(self._weights)] = np.inf  # links whose weights were not sent are not drawn
        i = int(d.argmin())
        return i if d[i] <= HOVER_PIXELS else None

    def describe_node(self, c: int, k: int) -> str:
        col = self.layout_.columns[c]
        unit = int(col.units[k])
        if c == 0:
            name = col.labels[k] if k < len(col.labels) else f"x{unit + 1}"
            return self.tr("input {0}").format(name)
        title = layer_name(col.title)
        lines = [self.tr("{0} · unit {1}").format(title, unit + 1)]
        bias = self._params.get(col.bias or "")
        if bias is not None and bias.values is not None:
            lines.append(self.tr("bias b[{0}] = {1}").format(unit, _fmt(bias.values[unit])))
            lines.append(self.tr("gradient ∂L/∂b = {0}").format(
                _fmt(bias.grad[unit]) if bias.grad is not None else "–"))
            lines.append(self.tr("last update Δb = {0}").format(
                _fmt(bias.update[unit]) if bias.update is not None else "–"))
        return "\n".join(lines)

    def describe_link(self, i: int) -> str:
        name, (r, k) = self._segment_id(i)
        stats = self._params[name]
        c = next(c for c, col in enumerate(self.layout_.columns) if col.weight == name)
        src, dst = self.layout_.columns[c - 1], self.layout_.columns[c]
        src_name = (src.labels[list(src.units).index(k)] if c == 1 and src.labels
                    else f"{layer_name(src.title)} · {k + 1}")
        dst_title = layer_name(dst.title)
        lines = [self.tr("{0} → {1} · unit {2}").format(src_name, dst_title, r + 1),
                 self.tr("weight w[{0}, {1}] = {2}").format(r, k, _fmt(stats.values[r, k]))]
        lines.append(self.tr("gradient ∂L/∂w = {0}").format(
            _fmt(stats.grad[r, k]) if stats.grad is not None else "–"))
        lines.append(self.tr("last update Δw = {0}").format(
            _fmt(stats.update[r, k]) if stats.update is not None else "–"))
        return "\n".join(lines)

    def _moved(self, scene_pos: QPointF) -> None:
        x, y, sx, sy = self._to_view(scene_pos)
        node = self.node_at(x, y)
        text = ""
        hover = (-1, -1)
        if node is not None:
            c, k = node
            hover = (c, int(self.layout_.columns[c].units[k]))
            text = self.describe_node(c, k)
        else:
            link = self.link_at(x, y, sx, sy)
            if link is not None:
                text = self.describe_link(link)
        column = self._column_near(x)
        if column != self._hover_column:
            self._hover_column = column
            self._place_buttons()
        if hover != self._hover:
            self._hover = hover
            self.neuronHovered.emit(*hover)
        global_pos = self.view_widget.mapToGlobal(self.view_widget.mapFromScene(scene_pos))
        if text:
            QToolTip.showText(global_pos, text, self)
        else:
            QToolTip.hideText()

    def _column_near(self, x: float) -> int:
        """The column whose band (half a gap either side) holds view x, or −1."""
        for c, col in enumerate(self.layout_.columns):
            if abs(x - (col.x + 0.5)) <= 1.0:
                return c
        return -1

    def leaveEvent(self, event) -> None:
        if self._hover != (-1, -1):
            self._hover = (-1, -1)
            self.neuronHovered.emit(-1, -1)
        super().leaveEvent(event)

    def _clicked(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        x, y, sx, sy = self._to_view(event.scenePos())
        node = self.node_at(x, y)
        if node is not None and node[0] == 0:
            key = self.input_key(node[1])
            if key is not None:  # as in TensorFlow Playground: a click on an input turns it off
                event.accept()
                self.featureToggled.emit(key, False)
            return
        if not self.editable:
            return
        global_pos = QPointF(self.view_widget.mapToGlobal(self.view_widget.mapFromScene(event.scenePos())))
        target = self.edit_target(x, y, sx, sy)
        if target is not None:
            event.accept()
            self.editRequested.emit(*target, global_pos)

    def input_key(self, k: int) -> str | None:
        """The feature key of the ``k``-th input node, when the inputs can be chosen."""
        on = self.active_features
        unit = int(self.layout_.columns[0].units[k]) if self.layout_.columns else -1
        return on[unit] if 0 <= unit < len(on) else None

    def edit_target(self, x: float, y: float, sx: float = 1.0, sy: float = 1.0) -> tuple[str, tuple, float] | None:
        """What a click at view (x, y) edits: a node's bias or a link's weight, with its value."""
        node = self.node_at(x, y)
        if node is not None:
            c, k = node
            col = self.layout_.columns[c]
            bias = self._params.get(col.bias or "")
            if c == 0 or bias is None or bias.values is None:
                return None
            unit = int(col.units[k])
            return bias.name, (unit,), float(bias.values[unit])
        link = self.link_at(x, y, sx, sy)
        if link is None:
            return None
        name, (r, k) = self._segment_id(link)
        return name, (r, k), float(self._params[name].values[r, k])

    def node_center(self, c: int, k: int) -> QPointF:
        """The scene position of a node's centre (tests drive hovers and clicks with it)."""
        col = self.layout_.columns[c]
        return self.view.mapViewToScene(QPointF(col.x + 0.5, col.node_y(k) + 0.5))

    def link_center(self, i: int, along: float = 0.2) -> QPointF:
        """A point on link ``i`` (``along`` its length from the source, where links still fan apart)."""
        s = self._segments[i]
        return self.view.mapViewToScene(QPointF(s[0] + along * (s[2] - s[0]), s[1] + along * (s[3] - s[1])))

    def link_index(self, name: str, index: tuple[int, int]) -> int:
        c = next(c for c, col in enumerate(self.layout_.columns) if col.weight == name)
        hits = np.flatnonzero((self._seg_column == c) & (self._seg_rows == index[0]) & (self._seg_ins == index[1]))
        return int(hits[0])

    @property
    def link_count(self) -> int:
        """Links drawn (those whose weights the snapshot carried)."""
        return int(np.isfinite(self._weights).sum())

    @property
    def node_count(self) -> int:
        return self.layout_.node_count

    def node_pixels(self) -> list[float]:
        """On-screen side of one node, per column, in pixels (tests: no layer shrinks to a sliver)."""
        px, py = self.view.viewPixelSize()
        return [min(1.0 / px, 1.0 / py) if px and py else 0.0 for _ in self.layout_.columns]
