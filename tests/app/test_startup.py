"""The window opens without torch and trains in a separate process (issue 10's start-up and speed)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from playground.core.resources import examples_dir

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = textwrap.dedent("""
    import json, sys
    from PySide6.QtCore import QTimer
    from playground.app.main import _application

    def main():
        app = _application()
        from playground.app.main_window import MainWindow
        window = MainWindow(remember_layout=False, build_now=False)
        window.files.quiet = True
        window.confirm_close = False
        shown = "torch" in sys.modules
        window.files.open_later(sys.argv[1])
        window.show()
        seen = {}

        def built(_future, error):
            seen["error"] = None if error is None else str(error)
            window.controller.start()

        def check():
            seen["steps"] = window.controller.status.step
            seen["drawn"] = window.controller.latest is not None
            if seen["steps"] > 20 and seen["drawn"]:
                window.controller.pause()
                seen["pid"] = window.controller.worker.pid
                seen["torch_at_show"] = shown
                seen["torch_after_training"] = "torch" in sys.modules
                print(json.dumps(seen))
                window.close()
                app.quit()

        window.controller.built.connect(built)
        timer = QTimer()
        timer.timeout.connect(check)
        timer.start(50)
        QTimer.singleShot(60_000, app.quit)
        app.exec()
        window.controller.shutdown()

    if __name__ == "__main__":
        main()
""")


def test_a_training_window_never_loads_torch(tmp_path: Path) -> None:
    script = tmp_path / "window.py"
    script.write_text(SCRIPT)
    result = subprocess.run(
        [sys.executable, str(script), str(examples_dir() / "xor.json")],
        capture_output=True, text=True, timeout=120, cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_API": "pyside6"})
    assert result.returncode == 0, result.stderr
    import json

    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen["error"] is None
    assert seen["steps"] > 20 and seen["drawn"]
    assert seen["pid"] not in (None, os.getpid())  # the runner is a process of its own
    assert seen["torch_at_show"] is False
    assert seen["torch_after_training"] is False
