"""App-test fixtures: settings in a temporary folder, and no training thread left running."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from playground.app import autosave, gc_guard, i18n, worker
from playground.app.document import ExperimentDocument
from playground.app.panels import DataPanel, NetworkPanel, TrainingPanel
from playground.core.spec import Experiment


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Every QSettings the app makes lands in a temporary folder, never the user's settings."""
    folder = tmp_path_factory.mktemp("settings")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        QSettings.setPath(QSettings.Format.IniFormat, scope, str(folder))
    yield folder


@pytest.fixture(autouse=True)
def isolated_autosave(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Autosaves land in a temporary folder, never the user's data folder."""
    folder = tmp_path_factory.mktemp("autosave")
    monkeypatch.setattr(autosave, "autosave_folder", lambda _settings: folder)
    return folder


@pytest.fixture(scope="package", autouse=True)
def automatic_collection_after_the_window_tests() -> Iterator[None]:
    """A window makes Python collect cycles on a GUI-thread timer only (``gc_guard``); the core tests
    after these run no event loop, so they get automatic collection back."""
    yield
    gc_guard.release()


@pytest.fixture
def settings(isolated_settings: Path) -> QSettings:
    return QSettings(str(isolated_settings / "playground.ini"), QSettings.Format.IniFormat)


@pytest.fixture(autouse=True)
def no_runner_left_running() -> Iterator[None]:
    """Fail a test that leaves a training runner running (it would outlive its window)."""
    yield
    left = worker.live_runners()
    for runner in left:  # stop them so the next tests (and interpreter exit) are not affected
        runner.shutdown(10.0)
    if left:
        pytest.fail(f"{len(left)} training runner(s) still running after the test")


# ---------------------------------------------------------------- panels on a fresh document
@pytest.fixture
def document() -> ExperimentDocument:
    return ExperimentDocument(Experiment())


@pytest.fixture
def network(qtbot, document: ExperimentDocument) -> NetworkPanel:
    panel = NetworkPanel(document)
    qtbot.addWidget(panel)
    panel.show()
    return panel


@pytest.fixture
def training(qtbot, document: ExperimentDocument) -> TrainingPanel:
    panel = TrainingPanel(document)
    qtbot.addWidget(panel)
    return panel


@pytest.fixture
def data_panel(qtbot, document: ExperimentDocument) -> DataPanel:
    panel = DataPanel(document)
    qtbot.addWidget(panel)
    return panel


@pytest.fixture
def chinese(qapp, settings) -> Iterator[str]:
    """Start-up with zh_CN chosen in View ▸ Language (the saved setting), English again afterwards."""
    settings.setValue(i18n.SETTINGS_KEY, "zh_CN")
    yield i18n.install_saved(settings)
    i18n.uninstall()
    i18n.install("en")
