"""Screenshots for the docs: the real window on a file, trained for a while, a chosen view in front.

Run it under a real display so the pictures are what users see:

    ../shared/tools/with-display --size 1366x768 .venv/bin/python docs/shoot.py resources/examples/spiral.json \\
        docs/screenshots/spiral_zh_CN.png --seconds 8 --lang zh_CN --tab inspector --param 2.weight --hover 1,3

``--widget`` grabs one part (``diagram``, ``gradients``, ``distributions``, ``inspector``, ``boundary``)
instead of the whole window. Look at every PNG before committing it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file")
    parser.add_argument("png")
    parser.add_argument("--seconds", type=float, default=6.0)
    parser.add_argument("--tab", choices=("gradients", "distributions", "inspector"), default="gradients")
    parser.add_argument("--left", choices=("data", "network", "training"), default="data")
    parser.add_argument("--param", help="parameter for the distributions and the inspector, e.g. 2.weight")
    parser.add_argument("--third", help="inspector's third panel: update, momentum_buffer, exp_avg…")
    parser.add_argument("--hover", help="COLUMN,UNIT of a diagram node to hover (its map shows large)")
    parser.add_argument("--widget", help="grab only this part of the window")
    parser.add_argument("--size", default="1366x768", help="the window's size (default: a common laptop screen)")
    parser.add_argument("--lang", default="en", help="the window's language, e.g. zh_CN")
    args = parser.parse_args()

    from PySide6.QtCore import QPoint, QTimer
    from PySide6.QtGui import QMouseEvent

    from playground.app.main import _application

    app = _application(args.lang)
    from playground.app.main_window import MainWindow

    window = MainWindow(remember_layout=False, build_now=False)
    window.files.quiet = True
    window.confirm_close = False
    width, height = (int(v) for v in args.size.split("x"))
    window.resize(width, height)
    window.files.open_later(args.file)
    window.show()
    window.docks[args.tab].raise_()
    window.docks[args.left].raise_()
    if args.param:
        window.inside.selection.select(args.param)

    def built(_future: object, error: object) -> None:
        if error is not None:
            print(f"shoot: {error}", file=sys.stderr)
            app.exit(1)
            return
        window.controller.start()
        QTimer.singleShot(int(args.seconds * 1000), pause)

    def pause() -> None:
        window.controller.pause()
        QTimer.singleShot(600, arrange)

    def arrange() -> None:
        if args.param:
            window.inside.selection.select(args.param)
        if args.third:
            box = window.inside.inspector.third_box
            index = box.findData(args.third)
            if index >= 0:
                box.setCurrentIndex(index)
        for view in (window.loss_plot, window.metric_plot, window.inside.gradients):
            view.flush()
        window.controller.flush_views()
        window.inside.distributions.redraw()
        if args.hover:
            column, unit = (int(v) for v in args.hover.split(","))
            diagram = window.diagram
            k = list(diagram.layout_.columns[column].units).index(unit)
            point = diagram.view_widget.mapFromScene(diagram.node_center(column, k))
            from PySide6.QtCore import QEvent, QPointF, Qt

            event = QMouseEvent(QEvent.Type.MouseMove, QPointF(point), QPointF(diagram.mapToGlobal(QPoint(point))),
                                Qt.MouseButton.NoButton, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
            app.sendEvent(diagram.view_widget.viewport(), event)
        QTimer.singleShot(400, grab)

    def grab() -> None:
        target = window
        if args.widget:
            target = {"diagram": window.diagram, "boundary": window.boundary, **window.inside.widgets}[args.widget]
        Path(args.png).parent.mkdir(parents=True, exist_ok=True)
        target.grab().save(args.png)
        print(f"wrote {args.png}")
        window.close()
        app.quit()

    window.controller.built.connect(built)
    code = app.exec()
    window.controller.shutdown()
    return code


if __name__ == "__main__":
    sys.exit(main())
