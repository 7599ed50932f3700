"""Screenshots of lessons for the docs: open a lesson, apply its changes, train, grab the window.

    ../shared/tools/with-display .venv/bin/python tools/screenshots.py --lesson 4 --try 0 \\
        --train 3 --lang zh_CN -o docs/screenshots/lesson_xor_zh_CN.png

``--tab maths`` or ``--tab autograd`` brings that tab to the front; ``--samples 0,1`` chooses the
maths panel's samples; ``--answer`` opens the lesson's answer and numbers.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lesson", type=int, required=True, help="1-based lesson number")
    parser.add_argument("--try", dest="changes", type=int, action="append", default=[],
                        help="0-based 'try this' change to apply (repeatable)")
    parser.add_argument("--train", type=float, default=0.0, metavar="SECONDS")
    parser.add_argument("--epochs", type=int, default=0, help="train until this epoch instead")
    parser.add_argument("--tab", choices=("maths", "autograd", "network", "training", "data"))
    parser.add_argument("--samples", default="")
    parser.add_argument("--answer", action="store_true")
    parser.add_argument("--lang", default="en")
    parser.add_argument("--size", default="1366x768")
    parser.add_argument("-o", "--output", required=True)
    args = parser.parse_args()

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    from playground.app import i18n

    i18n.install(args.lang)
    from playground.app.main_window import MainWindow

    window = MainWindow(remember_layout=False, build_now=False)
    window.files.quiet = True
    window.confirm_close = False
    width, height = (int(v) for v in args.size.split("x"))
    window.resize(width, height)
    window.show()
    tools = window.learning
    if not tools.lessons.open_lesson(args.lesson - 1):
        return 1
    for change in args.changes:
        tools.lessons.apply(change)
    if args.answer:
        tools.lessons.answer_button.setChecked(True)
    controller = window.controller

    def shoot() -> None:
        controller.pause()
        QTimer.singleShot(300, finish)

    def finish() -> None:
        controller.refresh()
        if args.tab:
            key = {"network": "network", "training": "training", "data": "data"}.get(args.tab, args.tab)
            dock = window.docks[key]
            dock.show()
            dock.raise_()
        if args.samples:
            tools.maths.samples.setText(args.samples)
        QTimer.singleShot(600, grab)

    def grab() -> None:
        if args.tab == "maths":
            tools.maths.refresh()
        elif args.tab == "autograd":
            tools.autograd.refresh()
        app.processEvents()
        window.grab().save(args.output)
        window.close()
        app.quit()

    def wait_epochs() -> None:
        if controller.status.epoch >= args.epochs or controller.state not in ("training",):
            shoot()
        else:
            QTimer.singleShot(50, wait_epochs)

    if args.epochs:
        controller.start()
        QTimer.singleShot(200, wait_epochs)
    elif args.train > 0:
        controller.start()
        QTimer.singleShot(int(args.train * 1000), shoot)
    else:
        QTimer.singleShot(500, finish)
    app.exec()
    controller.shutdown()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
