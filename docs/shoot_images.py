"""Screenshots of the image views in the real window: the digits diagram (one "image" node), the gallery
and, in the Maths tab, the forward pass of the gallery image clicked.

    ../shared/tools/with-display --size 1366x768 .venv/bin/python docs/shoot_images.py \\
        docs/screenshots/images_gallery.png --tab gallery
    … docs/screenshots/images_weights.png --tab weights
    … docs/screenshots/images_class_weights.png --lesson 14_softmax_regression_digits --tab weights
    … docs/screenshots/images_draw.png --lesson 14_softmax_regression_digits --tab draw

Opens a digits lesson (default 15, an MLP) from the Lessons menu, trains it for ``--seconds``, shows an
Images tab: ``gallery`` clicks image ``--pick`` and brings the Maths tab (its forward pass) to the front,
``draw`` paints a two. Grabs the window (``--diagram``: the diagram alone too). Look at every PNG before
committing it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("png")
    parser.add_argument("--diagram", help="also grab the diagram alone to this PNG")
    parser.add_argument("--lesson", default="15_mlp_digits", help="the lesson file's stem")
    parser.add_argument("--seconds", type=float, default=3.0)
    parser.add_argument("--pick", type=int, default=0, help="the gallery image to click (0: the first)")
    parser.add_argument("--tab", choices=("weights", "gallery", "draw"), default="gallery")
    parser.add_argument("--size", default="1366x768")
    parser.add_argument("--lang", default="en")
    args = parser.parse_args()

    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtTest import QTest

    from playground.app.main import _application

    app = _application(args.lang)
    from playground.app.main_window import MainWindow

    window = MainWindow(remember_layout=False)
    window.files.quiet = True
    window.confirm_close = False
    width, height = (int(v) for v in args.size.split("x"))
    window.resize(width, height)
    window.show()
    lessons = window.learning.lessons
    index = next(i for i, (path, _lesson) in enumerate(lessons.lessons) if path.stem == args.lesson)

    def open_lesson() -> None:
        window.controller.built.connect(built)
        lessons.open_lesson(index)

    def built(_future: object, error: object) -> None:
        window.controller.built.disconnect(built)
        if error is not None:
            print(f"shoot: {error}", file=sys.stderr)
            app.exit(1)
            return
        window.controller.start()
        QTimer.singleShot(int(args.seconds * 1000), pause)

    panel = window.images.panel

    def pause() -> None:
        window.controller.pause()
        window.docks["images"].raise_()
        window.docks["data"].raise_()
        panel.setCurrentWidget({"weights": panel.weights, "gallery": panel.gallery, "draw": panel.draw}[args.tab])
        QTimer.singleShot(1500, {"weights": settle, "gallery": click, "draw": paint}[args.tab])

    def settle() -> None:
        for view in (window.loss_plot, window.metric_plot, window.inside.gradients):
            view.flush()
        window.controller.flush_views()
        QTimer.singleShot(1000, grab)

    def paint() -> None:
        canvas = panel.draw.canvas
        stroke = [(1, 2), (1, 3), (1, 4), (2, 5), (3, 5), (4, 4), (5, 3), (6, 2), (6, 3), (6, 4), (6, 5)]  # a two
        QTest.mousePress(canvas, Qt.MouseButton.LeftButton, pos=canvas.cell_centre(*stroke[0]))
        for cell in stroke[1:]:
            QTest.mouseMove(canvas, canvas.cell_centre(*cell))
        QTest.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=canvas.cell_centre(*stroke[-1]))
        settle()

    def click() -> None:
        gallery = panel.gallery
        if gallery.list.count() <= args.pick:
            QTimer.singleShot(300, click)
            return
        rect = gallery.list.visualItemRect(gallery.list.item(args.pick))
        QTest.mouseClick(gallery.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        window.learning.show_tab("maths")
        for view in (window.loss_plot, window.metric_plot, window.inside.gradients):
            view.flush()
        window.controller.flush_views()
        QTimer.singleShot(1000, grab)

    def grab() -> None:
        Path(args.png).parent.mkdir(parents=True, exist_ok=True)
        window.grab().save(args.png)
        print(f"wrote {args.png}")
        if args.diagram:
            window.diagram.grab().save(args.diagram)
            print(f"wrote {args.diagram}")
        window.close()
        app.quit()

    QTimer.singleShot(500, open_lesson)
    code = app.exec()
    window.controller.shutdown()
    return code


if __name__ == "__main__":
    sys.exit(main())
