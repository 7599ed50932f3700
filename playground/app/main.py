"""Start the desktop app: ``run(path)`` opens a window; with ``screenshot`` it trains, grabs and quits.

The CLI imports this module by name (``playground.app.main``) so headless commands never load Qt.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication

from playground.core.resources import default_example

ORGANIZATION = "TorchPlayground"
APPLICATION = "Torch Playground"


def _application(lang: str | None = None) -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(APPLICATION)
    from playground.app.i18n import install, install_saved

    if lang:  # --lang for this run
        install(lang)
    else:
        install_saved()  # before any widget: every string is made in the chosen language
    return app  # type: ignore[return-value]


STARTUP_REPORT = "PLAYGROUND_STARTUP_REPORT"
"""bench/startup.py: a file to write when the window first painted and trained its first step."""


def _report_startup(window, path: str) -> None:
    """Seconds from the process's start to the first paint and to the first trained step."""
    started = float(os.environ.get("PLAYGROUND_T0", "0") or 0)
    times: dict[str, float] = {}

    def shown() -> None:
        times.setdefault("window_shown_s", time.time() - started)

    def status(s) -> None:
        if s.step >= 1 and "first_step_s" not in times:
            times["first_step_s"] = time.time() - started
            Path(path).write_text(json.dumps(times), encoding="utf-8")

    QTimer.singleShot(0, shown)  # runs once the event loop has painted the shown window
    window.controller.statusChanged.connect(status)


def run(path: str | None = None, screenshot: str | None = None, train_seconds: float = 0,
        lang: str | None = None) -> int:
    """Open ``path`` (default: the spiral example) and run the event loop; returns the exit code.

    ``screenshot``/``train_seconds``: train for that long, save the window as PNG, quit with 0
    (used by docs and by the test that launches the real process).
    """
    from playground.app.processes import warm_up

    warm_up()  # torch loads in the forkserver while the window's modules import
    app = _application(lang)
    from playground.app.main_window import MainWindow  # after QApplication: pyqtgraph needs it

    scripted = screenshot is not None or train_seconds > 0
    window = MainWindow(remember_layout=not scripted, build_now=False)
    window.files.quiet = scripted
    target = Path(path) if path else default_example()
    if target is None:
        window.files.adopt_later(window.document.experiment, None)
    elif not window.files.open_later(target) and scripted:
        window.confirm_close = False
        window.close()
        return 1
    window.show()  # at once: the engine (and torch) load in the runner meanwhile
    if not scripted:
        QTimer.singleShot(0, window.autosave.offer_recovery)  # after a crash: offer the autosaved work
    if scripted:
        window.confirm_close = False
        exit_code = [0]

        def built(_future: object, error: object) -> None:
            window.controller.built.disconnect(built)
            if error is not None:  # told on stderr by the window; still grab what it shows
                exit_code[0] = 1
                QTimer.singleShot(0, grab)
                return
            window.controller.start()
            QTimer.singleShot(int(max(train_seconds, 0) * 1000), finish)

        def finish() -> None:
            window.controller.pause()
            QTimer.singleShot(150, grab)

        def grab() -> None:
            window.controller.refresh()
            if screenshot:
                Path(screenshot).parent.mkdir(parents=True, exist_ok=True)
                window.grab().save(screenshot)
            window.close()
            app.exit(exit_code[0])

        window.controller.built.connect(built)
    report = os.environ.get(STARTUP_REPORT)
    if report:
        _report_startup(window, report)
    code = app.exec()
    window.controller.shutdown()
    return int(code)
