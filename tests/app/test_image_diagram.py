"""Image inputs are one "image" node in the diagram (issue 19): the digits diagram stays readable."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from test_inside_views import click, hover
from window_helpers import open_window

from playground.app.plots.network_layout import IMAGE_NODE, make_layout
from playground.core.snapshot import ParamStats
from playground.core.spec import Experiment
from playground.core.status import FINISHED, PAUSED


def params(*widths: int) -> tuple[ParamStats, ...]:
    out = []
    for k, (n_in, n_out) in enumerate(itertools.pairwise(widths)):
        layer = "output" if k == len(widths) - 2 else f"hidden {k + 1}"
        for role, shape in (("weight", (n_out, n_in)), ("bias", (n_out,))):
            out.append(ParamStats(f"{2 * k}.{role}", f"{layer} · {role}", shape, *[0.0] * 6, np.zeros(0), np.zeros(0),
                                  layer=layer, role=role))
    return tuple(out)


@pytest.mark.parametrize("side", [8, 28])
def test_image_inputs_are_one_node_with_a_bundle_of_links(side):
    layout = make_layout([f"pixel {i}" for i in range(side * side)], params(side * side, 32, 10), {}, 4.0, 20,
                         image_side=side)
    image, hidden = layout.columns[0], layout.columns[1]
    assert image.image_side == side and image.width == side * side and len(image.units) == 1
    assert image.labels == () and image.size == IMAGE_NODE and image.height == IMAGE_NODE
    assert image.x + image.size == 1.0 < hidden.x  # its right edge where an input column's is: room for links
    rows, ins, segments = layout.links(1)
    assert len(rows) == len(hidden.units) and (ins == -1).all()  # one link per drawn unit: a bundle
    assert np.allclose(segments[:, 0], 1.0) and np.allclose(segments[:, 1], 0.0)  # all from the image's edge
    assert layout.node_count == 1 + len(hidden.units) + 10
    assert layout.bounds()[0] == image.x
    points = make_layout(["x1", "x2"], params(2, 32, 10), {}, 4.0, 20)  # point data: as before
    assert len(points.columns[0].units) == 2 and points.columns[0].image_side is None
    assert points.bounds()[0] == 0.0 and (points.links(1)[1] >= 0).all()


def test_the_digits_diagram_shows_one_image_node_that_clicks_do_not_toggle(qtbot, settings):
    window = open_window(qtbot, settings, Experiment())  # points first, then Lessons ▸ 15 (64 → 32 tanh → 10)
    diagram = window.diagram
    qtbot.waitUntil(lambda: window.controller.dataset is not None, timeout=60_000)
    assert diagram.buttons.inputs_button.isVisibleTo(window)  # points: the inputs can be chosen
    lessons = window.learning.lessons
    menu = [a for a in window.learning.lessons_menu.actions() if not a.isSeparator()]
    menu[next(i for i, (p, _l) in enumerate(lessons.lessons) if p.stem == "15_mlp_digits")].trigger()
    qtbot.waitUntil(lambda: diagram.layout_.columns and diagram.layout_.columns[0].image_side == 8, timeout=60_000)
    assert not diagram.buttons.inputs_button.isVisibleTo(window)  # pixels: no TFP features to offer
    assert diagram.image[0, 0] > 200  # digits are ink on paper: the corner is white (the file's kind, read late)
    window.controller.start()
    qtbot.waitUntil(lambda: window.controller.status.step >= 20, timeout=60_000)
    window.controller.pause()
    qtbot.waitUntil(lambda: window.controller.status.state in (PAUSED, FINISHED), timeout=60_000)
    window.controller.refresh()
    columns = diagram.layout_.columns
    shown = len(columns[1].units)
    assert len(columns[0].units) == 1 and diagram.node_count == 1 + shown + 10
    assert diagram.link_count == shown + shown * 10  # one bundle link per drawn hidden unit
    assert any(full.startswith("image 8×8\n64 pixels") for _item, full, _short in diagram.captions)
    assert not any(t.toPlainText().startswith("pixel") for t in diagram.texts)  # no 64 cramped labels
    assert diagram.node_pixels()[0] >= 10
    first = diagram.images[0].image  # the picture: the first training image, grey
    assert first.shape[0] == first.shape[1] and len(np.unique(first[..., 0])) > 2

    window.docks["images"].raise_()
    window.images.panel.setCurrentWidget(window.images.panel.gallery)
    qtbot.waitUntil(lambda: window.images.panel.gallery.list.count() > 0, timeout=20_000)
    assert window.images.panel.gallery.ink  # dark digits on white, as the diagram's picture

    text = hover(qtbot, window, diagram.node_center(0, 0))
    assert "8 × 8 grey pixels, 64 numbers" in text and "What each unit learned" in text
    weights = window.controller.call(_first_weight)
    bundle = next(i for i in range(len(diagram._segments)) if diagram._seg_ins[i] < 0
                  and diagram._seg_rows[i] == columns[1].units[3])
    r = int(columns[1].units[3])
    text = hover(qtbot, window, diagram.link_center(bundle, 0.6))
    assert text.splitlines()[0] == f"image 8×8 → hidden 1 · unit {r}"
    assert f"64 weights w[{r}, 0…63]" in text
    assert f"‖w‖ = {np.linalg.norm(weights[r]):.4g}"[:10] in text.replace("−", "-")
    x, y = diagram.link_center(bundle, 0.6).x(), diagram.link_center(bundle, 0.6).y()
    view = diagram.view.mapSceneToView(diagram.link_center(bundle, 0.6))
    assert diagram.edit_target(view.x(), view.y()) is None and (x, y)  # no single weight to type

    toggled: list = []
    diagram.featureToggled.connect(lambda *a: toggled.append(a))
    undo = window.document.undo_stack.count()
    click(qtbot, window, diagram.node_center(0, 0))
    assert toggled == [] and window.document.undo_stack.count() == undo
    assert window.document.experiment.data.kind == "digits"


def _first_weight(engine) -> np.ndarray:
    return engine.model[0].weight.detach().double().numpy()


def test_a_28_pixel_image_folder_keeps_its_bundle_and_captions_inside_the_view(qtbot, settings, tmp_path):
    """784 pixels × 256 units is too many weights to send: the bundle is still drawn (thinnest), and the
    "image 28×28" caption, wider than its node, is not cut at the view's edge."""
    from PIL import Image

    from playground.core.spec import DataSpec, ImageFolderSpec, LayerSpec, ModelSpec

    for k, name in enumerate(["bars", "rings"]):
        (tmp_path / name).mkdir()
        for i in range(6):
            pixels = np.zeros((28, 28), dtype=np.uint8)
            pixels[:, 6 * k + i:6 * k + i + 5] = 255
            Image.fromarray(pixels, "L").save(tmp_path / name / f"{i}.png")
    experiment = Experiment(data=DataSpec(kind="images", images=ImageFolderSpec(path=str(tmp_path), side=28,
                                                                               classes=["bars", "rings"])),
                            model=ModelSpec(hidden=[LayerSpec(units=256), LayerSpec(units=16)]))
    window = open_window(qtbot, settings, experiment)
    window.resize(1366, 768)
    qtbot.waitExposed(window)
    diagram = window.diagram
    qtbot.waitUntil(lambda: diagram.layout_.columns and diagram.layout_.columns[0].image_side == 28
                    and len(diagram.layout_.columns[1].units) >= 8 and diagram._weights.size > 0, timeout=60_000)
    window.controller.refresh()
    bundle_points = sum(len(item.getData()[0]) for item in diagram.bundle.values() if item.getData()[0] is not None)
    assert bundle_points == 2 * len(diagram.layout_.columns[1].units)  # a segment per drawn unit
    diagram.fit.fit()
    (left, right), _ys = diagram.view.viewRange()
    for item, _full, _short in diagram.captions:
        rect = item.mapRectToView(item.boundingRect())
        inset = item.textItem.document().documentMargin() * diagram.view.viewPixelSize()[0]
        assert left <= rect.left() + inset and rect.right() - inset <= right, item.textItem.toPlainText()
