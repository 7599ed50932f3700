"""Every text fits on a laptop screen: the real window at 1280×800 and 1366×768, English and Chinese.

Each case opens the window offscreen at the screen's size, trains a network (a spiral, a deep one of
eight sigmoid layers of eight, a wide one of 256 units), then shows every tab of every dock in turn
and asks ``layout_problems`` for texts wider than their space, texts on top of each other, elided
numbers, legends over curves and rescaled axes. Diagram nodes must stay big enough to see.
"""

from __future__ import annotations

import pytest
from layout_checks import layout_problems
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from window_helpers import open_window

from playground.app import i18n
from playground.core.spec import DataSpec, Experiment, LayerSpec, ModelSpec, OptimizerSpec, TrainingSpec
from playground.core.status import FINISHED, PAUSED

SCREENS = {"1280x800": (1280, 800), "1366x768": (1366, 768)}
MIN_NODE_PIXELS = 10
"""A diagram node smaller than this is a sliver: its map cannot be read."""


def spiral() -> Experiment:
    return Experiment(name="Spiral", data=DataSpec(kind="spiral", samples=300, noise=0.1, features=FEATURES),
                      description="Two interleaved spiral arms — the hardest of TensorFlow Playground's sets. "
                                  "The sin(X₁) and sin(X₂) inputs help a small network.",
                      model=ModelSpec(hidden=[LayerSpec(units=8, activation="tanh") for _ in range(2)]),
                      training=TrainingSpec(optimizer=OptimizerSpec(name="adam", lr=0.03), batch_size=30))


def deep() -> Experiment:
    return Experiment(name="Deep", data=DataSpec(kind="circle", samples=200),
                      model=ModelSpec(hidden=[LayerSpec(units=8, activation="sigmoid") for _ in range(8)]),
                      training=TrainingSpec(optimizer=OptimizerSpec(name="sgd", lr=0.1), batch_size=20))


def wide() -> Experiment:
    return Experiment(name="Wide", data=DataSpec(kind="xor", samples=200),
                      model=ModelSpec(hidden=[LayerSpec(units=256, activation="relu")]),
                      training=TrainingSpec(optimizer=OptimizerSpec(name="sgd", lr=0.03), batch_size=20))


FEATURES = ["x1", "x2", "sin_x1", "sin_x2"]
"""Four inputs with long names, as the spiral example has (their labels must not overlap)."""
NETWORKS = {"spiral": spiral, "deep": deep, "wide": wide}


@pytest.fixture(params=["en", "zh_CN"])
def language(request):
    yield i18n.install(request.param)
    i18n.install("en")


def _tab_groups(window) -> list[list]:
    """Docks that share a place, as tab groups (each tab is shown in turn)."""
    groups, seen = [], set()
    for dock in window.docks.values():
        if dock in seen:
            continue
        group = [dock, *window.tabifiedDockWidgets(dock)]
        seen.update(group)
        groups.append(group)
    return groups


def _all_problems(qtbot, window) -> list[str]:
    found: list[str] = []
    groups = _tab_groups(window)
    longest = max(len(g) for g in groups)
    for i in range(longest):  # every dock is in front once
        for group in groups:
            group[min(i, len(group) - 1)].raise_()
        QApplication.processEvents()
        window.controller.flush_views()
        for view in (window.loss_plot, window.metric_plot, window.inside.gradients):
            view.flush()
        QApplication.processEvents()
        found.extend(p for p in layout_problems(window) if p not in found)
    return found


@pytest.mark.parametrize("network", list(NETWORKS))
@pytest.mark.parametrize("screen", list(SCREENS))
def test_every_text_fits(qtbot, settings, language, screen, network) -> None:
    window = open_window(qtbot, settings, NETWORKS[network]())
    window.resize(*SCREENS[screen])
    qtbot.waitExposed(window)
    window.controller.start()
    qtbot.waitUntil(lambda: window.controller.status.epoch >= 3, timeout=60_000)
    window.controller.pause()
    # stopped: paused, or finished when the run's epochs ran out before Pause arrived (a fast model)
    qtbot.waitUntil(lambda: window.controller.status.state in (PAUSED, FINISHED), timeout=60_000)
    window.controller.refresh()
    qtbot.waitUntil(lambda: window.diagram.node_count > 0, timeout=10_000)
    assert window.width() <= SCREENS[screen][0] and window.height() <= SCREENS[screen][1], \
        f"the window needs {window.width()}×{window.height()} on a {screen} screen"
    problems = _all_problems(qtbot, window)
    sizes = window.diagram.node_pixels()
    if min(sizes) < MIN_NODE_PIXELS:
        problems.append(f"diagram nodes are slivers: {min(sizes):.1f} px")
    assert not problems, f"{len(problems)} layout problems at {screen} in {language}:\n" + "\n".join(problems)


def test_the_digits_diagram_fits_with_one_image_node(qtbot, settings, language) -> None:
    """Image inputs are one "image 8×8" node: no 64 input labels on top of each other (issue 19)."""
    from playground.core.lessons import lesson_experiment, lessons_dir, load_lesson

    path = lessons_dir() / "15_mlp_digits.json"
    window = open_window(qtbot, settings, lesson_experiment(load_lesson(path), path))
    window.resize(*SCREENS["1366x768"])
    qtbot.waitExposed(window)
    window.controller.start()
    qtbot.waitUntil(lambda: window.controller.status.epoch >= 1, timeout=60_000)
    window.controller.pause()
    qtbot.waitUntil(lambda: window.controller.status.state in (PAUSED, FINISHED), timeout=60_000)
    window.controller.refresh()
    qtbot.waitUntil(lambda: window.diagram.node_count > 0, timeout=10_000)
    assert len(window.diagram.layout_.columns[0].units) == 1
    window.docks["images"].raise_()  # a gallery image clicked: its line, and its forward pass in the Maths tab
    gallery = window.images.panel.gallery
    window.images.panel.setCurrentWidget(gallery)
    qtbot.waitUntil(lambda: gallery.list.count() > 0, timeout=20_000)
    rect = gallery.list.visualItemRect(gallery.list.item(0))
    qtbot.mouseClick(gallery.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert gallery.detail.text()
    problems = _all_problems(qtbot, window)
    if min(window.diagram.node_pixels()) < MIN_NODE_PIXELS:
        problems.append(f"diagram nodes are slivers: {min(window.diagram.node_pixels()):.1f} px")
    assert not problems, f"{len(problems)} layout problems in {language}:\n" + "\n".join(problems)


def test_checker_finds_a_cut_label(qtbot) -> None:
    """The checker itself: a label too narrow for its text and two overlapping texts are reported."""
    from PySide6.QtWidgets import QLabel, QWidget

    host = QWidget()
    qtbot.addWidget(host)
    host.resize(300, 100)
    narrow = QLabel("0.6952 training loss", host)
    narrow.setGeometry(0, 0, 40, 20)
    first, second = QLabel("0.6924", host), QLabel("49.2 %", host)
    first.setGeometry(0, 40, 100, 20)
    second.setGeometry(20, 40, 100, 20)
    host.show()
    qtbot.waitExposed(host)
    problems = layout_problems(host)
    assert any("0.6952" in p and "wide" in p for p in problems), problems
    assert any("overlaps" in p for p in problems), problems
