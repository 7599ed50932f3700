"""Screenshots of Runs and Compare in a real window (issue 18): the Runs tab with earlier runs
overlaid on the loss and accuracy plots, and the Compare window's grid of variants.

    ../shared/tools/with-display --size 1366x768 .venv/bin/python docs/shoot_compare.py docs/screenshots

Look at both PNGs before committing them.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")
    from playground.app.main import _application

    app = _application()
    from playground.app.main_window import MainWindow
    from playground.core.lessons import lesson_experiment, lessons
    from playground.core.status import FINISHED, IDLE

    def wait(condition, seconds: float = 60.0) -> None:
        end = time.monotonic() + seconds
        while not condition():
            app.processEvents()
            time.sleep(0.01)
            if time.monotonic() > end:
                raise TimeoutError("shoot_compare: timed out")

    path, lesson = next((p, lesson) for p, lesson in lessons() if p.name.startswith("13_"))
    experiment = lesson_experiment(lesson, path)
    window = MainWindow(remember_layout=False, build_now=False)
    window.files.quiet = True
    window.confirm_close = False
    window.resize(1366, 740)
    window.files.adopt(experiment, None)
    window.show()
    controller = window.controller
    for lr in (0.003, 0.3, 0.03):
        def mutate(exp, lr=lr):
            exp.training.optimizer = exp.training.optimizer.with_value("lr", lr)

        window.document.edit(mutate, "lr")
        controller.start()
        wait(lambda: controller.status.state == FINISHED)
        if lr != 0.03:
            count = len(window.document.experiment.runs)
            window.actions_.reset.trigger()
            wait(lambda count=count: len(window.document.experiment.runs) == count + 1
                 and controller.status.state == IDLE)
    window.docks["runs"].raise_()
    window.loss_plot.flush()
    window.metric_plot.flush()
    for _ in range(30):
        app.processEvents()
        time.sleep(0.02)
    window.grab().save(str(out / "runs_overlay.png"))

    window.open_compare()
    dialog = window.compare_dialog
    dialog.resize(960, 700)
    dialog.choose("lr", "0.001, 0.01, 0.1, 1, 10", 30)
    dialog.start()
    wait(lambda: not dialog.running, 120)
    for _ in range(30):
        app.processEvents()
        time.sleep(0.02)
    dialog.grab().save(str(out / "compare_grid.png"))
    print("wrote", out / "runs_overlay.png", out / "compare_grid.png")
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
