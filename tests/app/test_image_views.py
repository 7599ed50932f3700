"""The image views driven as a user would: train on digits, look at the weight images, click a gallery
image, paint a digit (issue 19)."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from window_helpers import open_window

from playground.core.lessons import lesson_experiment, lessons_dir, load_lesson
from playground.core.spec import Experiment
from playground.core.status import FINISHED


def first_weight(engine) -> np.ndarray:
    return engine.model[0].weight.detach().double().cpu().numpy()


def engine_probabilities(engine, x: np.ndarray) -> np.ndarray:
    from playground.core.image_views import probabilities

    return probabilities(engine, x)


def trained_digits_window(qtbot, settings):
    path = lessons_dir() / "14_softmax_regression_digits.json"
    window = open_window(qtbot, settings, lesson_experiment(load_lesson(path), path))
    qtbot.waitUntil(lambda: window.controller.status is not None and window.images.is_images, timeout=60_000)
    window.controller.start()
    qtbot.waitUntil(lambda: window.controller.status.state == FINISHED, timeout=120_000)
    window.docks["images"].raise_()
    return window


def test_weight_images_gallery_and_drawing_show_the_models_numbers(qtbot, settings):
    window = trained_digits_window(qtbot, settings)
    images = window.images
    weights = window.controller.call(first_weight)
    qtbot.waitUntil(lambda: images.panel.weights.shown is not None
                    and np.array_equal(images.panel.weights.shown.images, weights.reshape(-1, 8, 8)), timeout=20_000)
    shown = images.panel.weights
    assert shown.shown.per_class and [t.toPlainText() for t in shown.labels] == [str(d) for d in range(10)]
    assert "Each class's weight image" in shown.note.text()

    # the gallery: misclassified first; a click shows that image's probabilities
    images.panel.setCurrentWidget(images.panel.gallery)
    gallery = images.panel.gallery
    qtbot.waitUntil(lambda: gallery.gallery is not None and gallery.list.count() == 64, timeout=20_000)
    g = gallery.gallery
    assert g.predicted[0] != g.true[0]
    assert gallery.list.item(0).foreground().color().name() == "#c0392b"
    rect = gallery.list.visualItemRect(gallery.list.item(1))
    qtbot.mouseClick(gallery.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert gallery.list.currentRow() == 1
    np.testing.assert_allclose(gallery.bars.values, g.probabilities[1])
    expected = window.controller.call(engine_probabilities, window.images.dataset.x_test[[int(g.index[1])]])
    np.testing.assert_allclose(gallery.bars.values, expected[0], atol=1e-6)  # one row vs all: float32 sums
    assert f"true {g.true[1]}, predicted {g.predicted[1]}" in gallery.detail.text()

    # draw a digit: the answer follows the strokes
    images.panel.setCurrentWidget(images.panel.draw)
    canvas = images.panel.draw.canvas
    qtbot.waitUntil(lambda: canvas.isVisible(), timeout=5000)
    stroke = [(1, 2), (1, 3), (1, 4), (1, 5), (2, 5), (3, 4), (4, 3), (5, 3), (6, 3)]  # a seven
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=canvas.cell_centre(*stroke[0]))
    for cell in stroke[1:]:
        qtbot.mouseMove(canvas, canvas.cell_centre(*cell))
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=canvas.cell_centre(*stroke[-1]))
    assert all(canvas.image[r, c] == 1.0 for r, c in stroke)
    drawn = canvas.image.copy()
    expected = window.controller.call(engine_probabilities, drawn[None])[0]
    bars = images.panel.draw.bars
    qtbot.waitUntil(lambda: len(bars.values) == 10 and np.allclose(bars.values, expected, atol=1e-12), timeout=20_000)
    assert images.panel.draw.answer.text().startswith(f"The network reads {int(np.argmax(expected))}")
    qtbot.mouseClick(images.panel.draw.clear, Qt.MouseButton.LeftButton)
    assert not canvas.image.any()


def test_points_data_cost_the_runner_nothing(qtbot, settings):
    window = open_window(qtbot, settings, Experiment())
    qtbot.waitUntil(lambda: window.controller.status is not None and window.images.dataset is not None,
                    timeout=60_000)
    window.docks["images"].raise_()
    assert not window.images.is_images and window.images._pending is None
    assert not window.images.panel.isEnabled()


def test_load_image_folder_previews_loads_and_trains(qtbot, settings, tmp_path, monkeypatch):
    from PIL import Image
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QDialogButtonBox

    from playground.app.image_views_folder import ImageFolderDialog

    root = tmp_path / "shapes"
    for k, name in enumerate(["bars", "dots"]):
        (root / name).mkdir(parents=True)
        for i in range(5):
            pixels = np.zeros((12, 12), dtype=np.uint8)
            pixels[:, 4 * k:4 * k + 4] = 255
            Image.fromarray(pixels, "L").save(root / name / f"{i}.png")
    (root / "dots" / "broken.png").write_bytes(b"not a png")
    window = open_window(qtbot, settings, Experiment())
    qtbot.waitUntil(lambda: window.controller.status is not None, timeout=60_000)
    seen = {}

    def drive() -> None:
        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, ImageFolderDialog) and w.isVisible())
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        seen["disabled"] = not ok.isEnabled()
        dialog.path.setText(str(tmp_path / "missing"))
        dialog.preview()
        seen["missing"] = dialog.summary.text()
        dialog.path.setText(str(root))
        dialog.side.setCurrentIndex(0)  # 8 × 8
        seen["summary"] = dialog.summary.text()
        seen["thumbnails"] = dialog.grid.count()
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, drive)
    window.menus.load_images.trigger()
    assert seen["disabled"] and "not a folder" in seen["missing"]
    assert seen["summary"].startswith("11 files in 2 classes") and seen["thumbnails"] == 2 + 10
    data = window.document.experiment.data
    assert data.kind == "images" and data.images.side == 8 and data.images.classes == ["bars", "dots"]
    assert "10 images in 2 classes (bars 5, dots 5); 1 skipped: 1 could not be decoded" in \
        window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: window.images.is_images and window.images.dataset.raw_dim == 64, timeout=60_000)
    window.controller.start()
    qtbot.waitUntil(lambda: window.controller.status.state == FINISHED or window.controller.status.epoch >= 2,
                    timeout=60_000)
    window.controller.pause()


def test_a_gallery_click_shows_that_images_forward_pass_in_the_maths_tab(qtbot, settings):
    """Open lesson 15 (an MLP on digits), train a little, click a gallery image, switch to Maths: its pixels,
    z = x·Wᵀ + b, tanh, the logits and the softmax equal a plain torch.nn forward with the runner's weights."""
    import torch
    from torch import nn

    from playground.core.remote import PARAMETER_VALUES
    from playground.core.status import PAUSED

    path = lessons_dir() / "15_mlp_digits.json"
    window = open_window(qtbot, settings, lesson_experiment(load_lesson(path), path))
    qtbot.waitUntil(lambda: window.controller.status is not None and window.images.is_images, timeout=60_000)
    window.controller.start()
    qtbot.waitUntil(lambda: window.controller.status.epoch >= 2, timeout=120_000)
    window.controller.pause()
    qtbot.waitUntil(lambda: window.controller.status.state in (PAUSED, FINISHED), timeout=60_000)
    window.docks["images"].raise_()
    images = window.images
    images.panel.setCurrentWidget(images.panel.gallery)
    gallery = images.panel.gallery
    qtbot.waitUntil(lambda: gallery.gallery is not None and gallery.list.count() == 64, timeout=20_000)
    g = gallery.gallery
    rect = gallery.list.visualItemRect(gallery.list.item(2))
    qtbot.mouseClick(gallery.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    row = int(g.index[2])
    assert f"Test image {row}:" in gallery.detail.text() and "Maths tab" in gallery.detail.text()

    window.learning.show_tab("maths")  # the user switches to the Maths tab
    maths = window.learning.maths
    qtbot.waitUntil(lambda: maths.forward is not None and maths.forward.samples == [row], timeout=20_000)
    f = maths.forward
    assert maths.samples.text() == f"test {row}"
    assert f"Test image {row} (true {g.true[2]}, predicted {g.predicted[2]})" in maths.note.text()
    assert "not what Step does" in maths.note.text()

    values = window.controller.call(PARAMETER_VALUES)
    first, second = nn.Linear(64, 32), nn.Linear(32, 10)
    with torch.no_grad():
        for layer, k in ((first, 0), (second, 2)):
            layer.weight.copy_(torch.tensor(values[f"{k}.weight"]))
            layer.bias.copy_(torch.tensor(values[f"{k}.bias"]))
        x = torch.tensor(window.images.dataset.x_test[[row]], dtype=torch.float32)
        z1 = first(x)
        a1 = torch.tanh(z1)
        z2 = second(a1)
        p = torch.softmax(z2, dim=1)
    np.testing.assert_allclose(f.inputs, x.double().numpy(), atol=1e-6)
    for module, plain in zip(f.modules, (z1, a1, z2)):
        np.testing.assert_allclose(module.values, plain.double().numpy(), atol=1e-6)
    np.testing.assert_allclose(f.probabilities, p.double().numpy(), atol=1e-6)
    np.testing.assert_allclose(f.probabilities[0], gallery.bars.values, atol=1e-6)  # the gallery's bars

    shown = maths.view.toPlainText()  # what the user reads: the image's pixels, each layer, the probabilities
    assert "8 × 8 pixels" in shown and "pre-activation z = x·Wᵀ + b" in shown and "activation a = Tanh(z)" in shown
    assert "softmax: the class probabilities" in shown and f"Predicted: {g.predicted[2]}" in shown
    assert "…" not in shown.split("softmax: the class probabilities")[1]  # all ten classes shown

    qtbot.mouseClick(maths.next_batch, Qt.MouseButton.LeftButton)  # back to the step Step takes
    assert maths.forward is None and maths.maths is not None and maths.maths.next_batch
    assert "on the next batch" in maths.note.text()

    window.docks["images"].raise_()  # another click, then another file: its test split is not this one
    qtbot.mouseClick(gallery.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert maths.samples.text() == f"test {row}"
    window.files.quiet = True  # no question about the trained weights
    assert window.files.new()
    qtbot.waitUntil(lambda: window.controller.dataset is not None and window.controller.dataset.image_side is None,
                    timeout=30_000)
    assert maths.samples.text() == ""


def test_the_samples_box_does_not_claim_a_count_for_digits(qtbot, settings):
    """Digits have 1 797 images whatever ``data.samples`` says: the disabled box said "500"."""
    from PySide6.QtWidgets import QSpinBox

    from playground.core.spec import DataSpec

    window = open_window(qtbot, settings, Experiment(data=DataSpec(kind="digits")))
    box = window.panels["data"].findChild(QSpinBox, "samples")
    assert not box.isEnabled() and box.text() == "all in the data"
    window.document.edit(lambda e: setattr(e.data, "kind", "circle"), "points")
    assert box.isEnabled() and box.value() == window.document.experiment.data.samples and box.text() != ""
