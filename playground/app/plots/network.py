"""The network diagram: inputs, hidden units and outputs as nodes, every weight a link, live.

As in TensorFlow Playground, a link's width shows the weight's magnitude and its colour the sign
(blue positive, orange negative), and with 2-D inputs each node is a small heat map of what the
unit computes over the input plane. Hovering a node or a link tells its numbers (weight, gradient,
last update, bias); hovering a node also asks the main plot to show its map large; clicking a link
or a node while training is paused asks to type a new weight or bias (``editRequested``).

Drawing cost is fixed per frame: one image per column and twelve line items for all the links
(grouped by sign and width), each created once and only fed new arrays. Image inputs are one node (a
picture of a training image) whose bundle of links, one per unit it feeds, is drawn grey with the
width of that unit's whole weight row (its norm): six more line items.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QToolTip, QVBoxLayout, QWidget

from playground.app.names import indexing_note, layer_name, number
from playground.app.plots.diverging import NEGATIVE, POSITIVE, colorize, symmetric_limit
from playground.app.plots.legend import ColorLegend
from playground.app.plots.network_buttons import ArchitectureButtons
from playground.app.plots.network_fit import DiagramFit
from playground.app.plots.network_image import BUNDLE_GREY, describe_bundle, describe_image, image_node_rgba
from playground.app.plots.network_layout import (
    ROW_GAP,
    Layout,
    make_layout,
    segment_distance,
)
from playground.core.snapshot import Diagnostic, NeuronMaps, ParamStats, Snapshot

WIDTHS = (0.6, 1.2, 2.0, 3.0, 4.2, 5.6)
"""Link widths in pixels, from the smallest to the largest magnitude."""

HOVER_PIXELS = 5.0
SETTLE_MS = 150
"""A resize lays the diagram out again only after this long without another (a 32-layer net's
layout costs about 0.1 s; a window being dragged larger sends dozens of resizes)."""
NODE_PIXELS = 24
"""Pixels per node side in a column image (the neuron maps are resampled to it)."""
GAP_PIXELS = round((ROW_GAP - 1.0) * NODE_PIXELS)
assert GAP_PIXELS == (ROW_GAP - 1.0) * NODE_PIXELS, "node gaps must be whole pixels"


_fmt = number


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
        self.legend = ColorLegend(self, compact=True)  # placed over the view's top row (the buttons')
        self.legend.bar.show_signs("−", "+")  # compact: the words are in its tooltip
        self.legend.setToolTip(self.tr("Orange: negative, blue: positive. Node colour: the unit's output over "
                                       "the input plane, scaled per layer. Link colour: the weight's sign; its "
                                       "width: the weight's size."))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.view_widget, 1)
        self.legend.setParent(self.view_widget)
        self.links: dict[tuple[int, int], pg.PlotCurveItem] = {}
        for sign in (0, 1):
            rgb = (POSITIVE if sign else NEGATIVE).astype(int)
            for level in range(len(WIDTHS)):
                self.links[(sign, level)] = self._link_item(rgb, level)
        self.bundle: dict[int, pg.PlotCurveItem] = {level: self._link_item(BUNDLE_GREY, level)
                                                    for level in range(len(WIDTHS))}
        """Links from an image node, by width level (grey)."""
        self.images: list[pg.ImageItem] = []
        self.texts: list[pg.TextItem] = []
        self.captions: list[tuple[pg.TextItem, str, str]] = []
        """Each column's caption item with its full text and a short one (crowded: a hidden layer's number)."""
        self.markers: list[pg.TextItem] = []
        self.layout_: Layout = Layout((), ())
        self.input_names: list[str] = []
        self.activations: dict[str, str] = {}
        self.image: np.ndarray | None = None
        """The image node's picture: a ``side × side`` grey image (uint8), when the inputs are images."""
        self.editable = False
        self.snapshot: Snapshot | None = None
        self._params: dict[str, ParamStats] = {}
        self._segments: np.ndarray = np.zeros((0, 4))
        self._seg_rows = self._seg_ins = self._seg_column = np.zeros(0, dtype=np.int64)
        self._seg_slices: list[tuple[int, int, int]] = []
        self._weights: np.ndarray = np.zeros(0)
        self._hover: tuple[int, int] = (-1, -1)
        self.diagnostics: tuple[Diagnostic, ...] = ()
        self.hand_edits: dict[tuple[str, tuple], tuple[float, float]] = {}
        """``(name, index) → (old, new)`` typed by the user since the last step: not an optimizer update."""
        self._hand_step = -1
        scene = self.view_widget.scene()
        scene.sigMouseMoved.connect(self._moved)
        scene.sigMouseClicked.connect(self._clicked)
        self.setMouseTracking(True)
        self.setMinimumSize(260, 220)
        self.view.sigResized.connect(self._resized)
        self._space: tuple[float, int] | None = None
        """(column gap, rows) the layout uses: chosen for the view's size once it settles."""
        self._settle = QTimer(self, singleShot=True, interval=SETTLE_MS)
        self._settle.timeout.connect(self._settled)
        self.fit = DiagramFit(self)
        """Rows, column gap, caption rows and the view's range for the widget's pixels."""
        self.buttons = ArchitectureButtons(self)
        """+/− layers and neurons, the inputs menu (TFP's editing on the diagram)."""

    def _link_item(self, rgb, level: int) -> pg.PlotCurveItem:
        """One curve item for every link of one colour and width level: thicker levels are more opaque."""
        color = QColor(*rgb)
        color.setAlphaF(0.35 + 0.65 * (level + 1) / len(WIDTHS))
        pen = QPen(color)
        pen.setWidthF(WIDTHS[level])
        pen.setCosmetic(True)
        item = pg.PlotCurveItem(pen=pen, connect="pairs", antialias=False)
        item.setZValue(-5)
        self.view.addItem(item)
        return item

    # ------------------------------------------------------------------ context from the window
    @property
    def image_side(self) -> int | None:
        return int(self.image.shape[0]) if self.image is not None else None

    def set_context(self, input_names: list[str], activations: dict[str, str],
                    image: np.ndarray | None = None) -> None:
        """Input feature names and each hidden layer's activation label (for the column captions); for
        image inputs, the grey ``side × side`` picture their one node shows."""
        same_image = (image is None) == (self.image is None) and (image is None or np.array_equal(image, self.image))
        if input_names != self.input_names or activations != self.activations or not same_image:
            self.input_names, self.activations = list(input_names), dict(activations)
            self.image = None if image is None else np.asarray(image, dtype=np.uint8)
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
        """Fit at once; lay out again (costly on a big net) only once the size settles, if rows or gap change."""
        self.fit.fit()
        self._settle.start()

    def _settled(self) -> None:
        if self.snapshot is None:
            return
        space = self.fit.space(self.snapshot.params)
        if space != self._space:
            self._space = space
            self.layout_ = Layout((), ())  # more or fewer rows fit now: lay out again
            self.update(self.snapshot)

    # ------------------------------------------------------------------ editing the architecture
    def pixel_x(self, x: float) -> float:
        """Widget x of view coordinate ``x``."""
        return float(self.view_widget.mapFromScene(self.view.mapViewToScene(QPointF(x, 0.0))).x())

    # ------------------------------------------------------------------ drawing
    def update(self, snapshot: Snapshot) -> None:  # type: ignore[override] — a view's one entry point
        if not snapshot.params:
            return
        if snapshot.step != self._hand_step:
            self.hand_edits.clear()  # a step (or Reset) since: the update shown is the optimizer's again
        self.snapshot = snapshot
        self._params = {p.name: p for p in snapshot.params}
        if self._space is None or not self.layout_.columns:
            self._space = self.fit.space(snapshot.params)
        gap, rows = self._space
        layout = make_layout(self.input_names, snapshot.params, self.activations, gap, rows, self.image_side)
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
            if column.image_side is not None:
                title = self.tr("image {0}×{0}").format(column.image_side)
            caption = pg.TextItem(title, color="#404040", anchor=(self.fit.caption_x(c), 0))
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
        self.fit.fit()

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
            maps = self._column_maps(neurons, c) if column.image_side is None else None
            side, gap = NODE_PIXELS, GAP_PIXELS
            if column.image_side is not None:
                rgba = image_node_rgba(self.image)
            elif maps is None or maps.shape[0] != n:
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
            image.setRect(QRectF(column.x, column.y0, column.size, column.height))


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
        bundle = self._seg_ins < 0
        for c, start, end in self._seg_slices:
            stats = self._params.get(self.layout_.columns[c].weight or "")
            if stats is not None and stats.values is not None:
                rows, ins = self._seg_rows[start:end], self._seg_ins[start:end]
                if self.layout_.columns[c - 1].image_side is not None:  # a bundle: each unit's whole row
                    w[start:end] = np.linalg.norm(stats.values[rows], axis=1)
                else:
                    w[start:end] = stats.values[rows, ins]
        self._weights = w
        finite = np.isfinite(w)
        norms = np.where(bundle & finite, w, np.nan)
        top = symmetric_limit(norms) if np.isfinite(norms).any() else 1.0
        # a row too big to travel (784 pixels × 32 units) still shows the image feeds the layer: thinnest
        level = np.clip((np.nan_to_num(norms) / top * len(WIDTHS)).astype(int), 0, len(WIDTHS) - 1)
        for lv, item in self.bundle.items():
            s = self._segments[bundle & (level == lv)]
            item.setData(np.column_stack([s[:, 0], s[:, 2]]).ravel(), np.column_stack([s[:, 1], s[:, 3]]).ravel())
        w = np.where(bundle, np.nan, w)  # single weights below: orange or blue by sign
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
            if col.x <= x <= col.x + col.size:
                k = min(int(np.floor((y - col.y0) / ROW_GAP)), len(col.units) - 1)
                if k >= 0 and 0 <= y - col.node_y(k) <= col.size:
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

    def mark_hand_edit(self, name: str, index: tuple, old: float, new: float) -> None:
        """The user typed ``new`` over ``old``: the tooltip says so until the next step."""
        self._hand_step = self.snapshot.step if self.snapshot is not None else 0
        first = self.hand_edits.get((name, tuple(index)), (old, new))[0]
        self.hand_edits[(name, tuple(index))] = (first, new)

    def _change_line(self, name: str, index: tuple, update: np.ndarray | None, symbol: str) -> str:
        """The last optimizer update of one entry, or the value the user typed over it."""
        edited = self.hand_edits.get((name, tuple(index)))
        if edited is not None:
            return self.tr("set by hand: {0} → {1}").format(_fmt(edited[0]), _fmt(edited[1]))
        value = update[index] if update is not None else None
        return self.tr("last update {0} = {1}").format(symbol, _fmt(value))

    def describe_node(self, c: int, k: int) -> str:
        col = self.layout_.columns[c]
        unit = int(col.units[k])
        if col.image_side is not None:
            return describe_image(col.image_side, col.width, self.layout_.columns[1].title)
        if c == 0:
            name = col.labels[k] if k < len(col.labels) else f"x{unit + 1}"
            return self.tr("input {0}").format(name)
        title = layer_name(col.title)
        lines = [self.tr("{0} · unit {1}").format(title, unit)]
        bias = self._params.get(col.bias or "")
        if bias is not None and bias.values is not None:
            lines.append(self.tr("bias b[{0}] = {1}").format(unit, _fmt(bias.values[unit])))
            lines.append(self.tr("gradient ∂L/∂b = {0}").format(
                _fmt(bias.grad[unit]) if bias.grad is not None else "–"))
            lines.append(self._change_line(bias.name, (unit,), bias.update, "Δb"))
        lines.append(f"({indexing_note()})")
        return "\n".join(lines)

    def describe_link(self, i: int) -> str:
        name, (r, k) = self._segment_id(i)
        stats = self._params[name]
        if k < 0:  # a bundle from the image node
            c = next(c for c, col in enumerate(self.layout_.columns) if col.weight == name)
            side = self.layout_.columns[c - 1].image_side or 0
            return describe_bundle(side, self.layout_.columns[c].title, r, stats.values[r])
        c = next(c for c, col in enumerate(self.layout_.columns) if col.weight == name)
        src, dst = self.layout_.columns[c - 1], self.layout_.columns[c]
        src_name = (src.labels[list(src.units).index(k)] if c == 1 and src.labels
                    else self.tr("{0} · unit {1}").format(layer_name(src.title), k))
        dst_title = layer_name(dst.title)
        lines = [self.tr("{0} → {1} · unit {2}").format(src_name, dst_title, r),
                 self.tr("weight w[{0}, {1}] = {2}").format(r, k, _fmt(stats.values[r, k]))]
        lines.append(self.tr("gradient ∂L/∂w = {0}").format(
            _fmt(stats.grad[r, k]) if stats.grad is not None else "–"))
        lines.append(self._change_line(name, (r, k), stats.update, "Δw"))
        lines.append(f"({indexing_note()})")
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
        self.buttons.hover(self._column_near(x))
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
            if self.layout_.columns[0].image_side is not None:
                return  # the image node: every pixel is an input, none to turn off
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
        return self.buttons.input_key(int(self.layout_.columns[0].units[k])) if self.layout_.columns else None

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
        if k < 0:
            return None  # a bundle is a whole row of weights: the picture, not one number to type
        return name, (r, k), float(self._params[name].values[r, k])

    def node_center(self, c: int, k: int) -> QPointF:
        """The scene position of a node's centre (tests drive hovers and clicks with it)."""
        col = self.layout_.columns[c]
        return self.view.mapViewToScene(QPointF(col.x + col.size / 2, col.node_y(k) + col.size / 2))

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
