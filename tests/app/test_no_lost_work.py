"""Nothing of the user's work is lost, and nothing is refused without a reason, in the real window."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget
from window_helpers import Shown, capture_message_boxes, open_window

from playground.app.main_window import MainWindow
from playground.core.experiment_io import load_experiment, save_experiment
from playground.core.spec import DataSpec, Experiment, LayerSpec, ModelSpec, OptimizerSpec, TrainingSpec
from playground.core.status import FINISHED, IDLE, PAUSED


def small(epochs: int = 0) -> Experiment:
    return Experiment(name="Small", data=DataSpec(kind="xor", samples=60),
                      model=ModelSpec(hidden=[LayerSpec(units=4)]),
                      training=TrainingSpec(optimizer=OptimizerSpec(name="sgd", lr=0.03), batch_size=10,
                                            epochs=epochs))


def make_window(qtbot, settings, experiment: Experiment | None = None) -> MainWindow:
    return open_window(qtbot, settings, experiment or small(), remember_layout=True)


@pytest.fixture
def window(qtbot, settings) -> MainWindow:
    return make_window(qtbot, settings)


@pytest.fixture
def messages(monkeypatch) -> Shown:
    return capture_message_boxes(monkeypatch, QMessageBox.StandardButton.Ok)


def step(qtbot, window: MainWindow, n: int = 3) -> None:
    for _ in range(n):
        before = window.controller.status.step
        window.controller.step()
        qtbot.waitUntil(lambda b=before: window.controller.status.step == b + 1, timeout=5000)


# ---------------------------------------------------------------------------- autosave and recovery
def test_autosave_writes_only_after_changes_and_is_offered_after_a_crash(qtbot, settings, isolated_autosave,
                                                                         messages, tmp_path):
    path = tmp_path / "mine.json"
    save_experiment(small(), path)
    crashed = make_window(qtbot, settings, Experiment())
    assert crashed.files.open_path(path)
    assert not crashed.autosave.tick()  # nothing changed: no autosave
    crashed.document.edit(lambda e: setattr(e, "name", "Edited"), "Rename")
    step(qtbot, crashed)
    assert crashed.autosave.tick()  # the timer's slot, called as the minute timer would
    crashed.autosave.flush()  # a trained experiment is written by the runner, between two steps
    (saved,) = [p for p in isolated_autosave.glob("*.json") if not p.name.endswith(".meta.json")]
    assert load_experiment(saved).state.step == 3
    assert not crashed.autosave.tick()  # no change since: nothing rewritten

    other = make_window(qtbot, settings, Experiment())
    assert not other.autosave.offer_recovery(), "a running window's autosave is not offered"
    crashed.autosave._lock.unlock()  # the process "dies": its files stay, its lock is gone
    crashed.autosave.file = None

    messages.replies.append(QMessageBox.StandardButton.Yes)
    assert other.autosave.offer_recovery()
    assert "Edited" in messages[-1] and str(path) in messages[-1]
    doc = other.document
    assert doc.experiment.name == "Edited" and doc.path == path and doc.modified
    assert other.controller.status.step == 3  # the trained weights came back too
    assert other.autosave.file == saved and saved.is_file(), "kept (as the window's own) until a newer one"
    assert load_experiment(path).name == "Small", "the user's file is untouched until they save"


def crash(window: MainWindow) -> None:
    """The window's process "dies": its autosave stays, its lock is gone."""
    window.autosave._lock.unlock()
    window.autosave.file = None
    window.autosave._lock = None


def test_a_restored_autosave_is_kept_until_a_newer_save_or_autosave(qtbot, settings, isolated_autosave, messages,
                                                                     tmp_path):
    """Issue 17: a second crash soon after a recovery lost everything (the restored copy was deleted at once)."""
    first = make_window(qtbot, settings)
    first.document.edit(lambda e: setattr(e, "name", "Edited"), "Rename")
    step(qtbot, first)
    assert first.autosave.tick()
    first.autosave.flush()
    crash(first)
    second = make_window(qtbot, settings, Experiment())
    messages.replies.append(QMessageBox.StandardButton.Yes)
    assert second.autosave.offer_recovery()
    crash(second)  # again, before its next autosave
    third = make_window(qtbot, settings, Experiment())
    messages.replies.append(QMessageBox.StandardButton.Yes)
    assert third.autosave.offer_recovery(), "the work is offered again"
    assert third.document.experiment.name == "Edited" and third.controller.status.step == 3
    assert third.autosave.tick()  # a newer autosave takes the same place
    third.autosave.flush()
    assert len([p for p in isolated_autosave.glob("*.json") if not p.name.endswith(".meta.json")]) == 1
    assert third.files.save_to(tmp_path / "safe.json")  # saved: nothing left to recover
    assert not list(isolated_autosave.glob("*.json"))


def test_autosave_files_are_private(qtbot, window, isolated_autosave):
    """Documented private (they hold unsaved work): 0600 whatever the umask, trained or not."""
    window.document.edit(lambda e: setattr(e, "name", "Edited"), "Rename")
    assert window.autosave.tick()
    files = sorted(isolated_autosave.glob("*.json"))
    assert len(files) == 2 and all(p.stat().st_mode & 0o777 == 0o600 for p in files), files
    step(qtbot, window, 2)
    assert window.autosave.tick()
    window.autosave.flush()  # written by the runner this time
    assert all(p.stat().st_mode & 0o777 == 0o600 for p in isolated_autosave.glob("*.json"))


def test_saving_over_a_file_changed_on_disk_asks_first(qtbot, settings, messages, tmp_path):
    """Two windows on one file: the second save no longer silently overwrites the first."""
    path = tmp_path / "shared.json"
    save_experiment(small(), path)
    first, second = make_window(qtbot, settings, Experiment()), make_window(qtbot, settings, Experiment())
    assert first.files.open_path(path) and second.files.open_path(path)
    second.document.edit(lambda e: setattr(e, "name", "Second"), "Rename")
    assert second.files.save_to(path)
    first.document.edit(lambda e: setattr(e, "name", "First"), "Rename")
    messages.replies.append(QMessageBox.StandardButton.Cancel)
    assert not first.files.save_to(path)
    assert "changed on disk" in messages[-1] and load_experiment(path).name == "Second"
    assert first.document.modified
    messages.replies.append(QMessageBox.StandardButton.Save)
    assert first.files.save_to(path) and load_experiment(path).name == "First"
    asked = len(messages)
    first.document.edit(lambda e: setattr(e, "name", "Again"), "Rename")
    assert first.files.save_to(path) and len(messages) == asked, "its own last save is no change on disk"


def test_opening_a_trained_file_at_start_up_leaves_it_unmodified(qtbot, settings, window, tmp_path):
    step(qtbot, window, 3)
    path = tmp_path / "trained.json"
    assert window.files.save_to(path)
    started = MainWindow(settings=settings, remember_layout=False, build_now=False)  # as `playground path` does
    started.confirm_close = False
    qtbot.addWidget(started)
    assert started.files.open_later(path)
    started.show()
    qtbot.waitUntil(lambda: started.controller.status.step == 3 and not started.controller.busy, timeout=30_000)
    assert not started.document.modified and not started.isWindowModified()


def test_a_save_or_a_clean_close_removes_the_autosave(qtbot, window, isolated_autosave, tmp_path):
    window.document.edit(lambda e: setattr(e, "name", "Edited"), "Rename")
    assert window.autosave.tick() and list(isolated_autosave.iterdir())
    assert window.files.save_to(tmp_path / "saved.json")
    assert list(isolated_autosave.iterdir()) == []
    window.document.edit(lambda e: setattr(e, "name", "Again"), "Rename")
    assert window.autosave.tick() and list(isolated_autosave.iterdir())
    window.close()
    assert list(isolated_autosave.iterdir()) == []


def test_a_trained_autosave_is_written_by_the_runner_and_a_failure_is_told(qtbot, window, isolated_autosave):
    """The window only sends the document; the runner adds the weights and writes (no freeze while training)."""
    window.document.edit(lambda e: setattr(e, "name", "Edited"), "Rename")
    step(qtbot, window, 2)
    assert window.autosave.tick()
    window.autosave.flush()
    (saved,) = [p for p in isolated_autosave.glob("*.json") if not p.name.endswith(".meta.json")]
    assert load_experiment(saved).state.step == 2 and load_experiment(saved).name == "Edited"
    for path in isolated_autosave.iterdir():
        path.unlink()
    isolated_autosave.rmdir()  # the folder vanishes: the runner's write fails
    window.document.edit(lambda e: setattr(e, "name", "Again"), "Rename")
    assert window.autosave.tick()
    window.autosave.flush()
    assert window.statusBar().currentMessage().startswith("Autosave failed")
    assert window.autosave._dirty, "tried again at the next tick"


def test_a_recovery_can_be_discarded(qtbot, settings, isolated_autosave, messages):
    crashed = make_window(qtbot, settings)
    crashed.document.edit(lambda e: setattr(e, "name", "Edited"), "Rename")
    assert crashed.autosave.tick()
    crashed.autosave._lock.unlock()
    crashed.autosave.file = None
    other = make_window(qtbot, settings, Experiment())
    messages.replies.append(QMessageBox.StandardButton.Discard)
    assert not other.autosave.offer_recovery()
    assert list(isolated_autosave.iterdir()) == [] and other.document.experiment.name == "Untitled"


# ---------------------------------------------------------------------------- saving fails politely
def test_a_save_into_a_missing_folder_says_why_and_keeps_the_work(qtbot, window, messages, tmp_path):
    step(qtbot, window, 1)
    assert window.isWindowModified()
    assert not window.files.save_to(tmp_path / "gone" / "x.json")
    assert "does not exist" in messages[-1] and "nothing was lost" in messages[-1]
    assert window.isWindowModified() and window.document.path is None
    assert window.controller.status.step == 1


def test_a_deeply_nested_file_is_refused_in_the_open_dialog(window, messages, tmp_path):
    before = window.document.experiment
    bad = tmp_path / "deep.json"
    bad.write_text("[" * 100_000 + "]" * 100_000)
    assert not window.files.open_path(bad)
    assert "nested more than 32 levels deep" in messages[-1]
    assert window.document.experiment == before


# ---------------------------------------------------------------------------- recent files
def test_open_recent_forgets_deleted_files(window, messages, tmp_path):
    kept, deleted = tmp_path / "kept.json", tmp_path / "deleted.json"
    for path in (kept, deleted):
        save_experiment(small(), path)
        window.files.add_recent(path)
    deleted.unlink()
    assert window.files.recent() == [str(kept.resolve())]
    window.menus._fill_recent()
    assert [a.text() for a in window.menus.recent_menu.actions()] == ["kept.json"]
    window.files.add_recent(deleted)  # listed, then deleted before it is clicked
    assert not window.files.open_path(deleted)
    assert "no such file" in messages[-1] and str(deleted.resolve()) not in window.files.recent()


# ---------------------------------------------------------------------------- refusals are explained
def test_an_out_of_range_learning_rate_is_explained_not_silently_reverted(qtbot, window):
    lr = window.panels["training"].findChild(QWidget, "lr")
    lr.lineEdit().selectAll()
    qtbot.keyClicks(lr, "50")
    qtbot.keyClick(lr, Qt.Key.Key_Return)
    assert window.document.experiment.training.optimizer.values()["lr"] == 0.03
    assert window.statusBar().currentMessage() == (
        "Learning rate: 50 is out of range (above 0 to 10); it was not changed")


def test_a_refused_combination_is_explained(qtbot, window):
    window.document.edit(lambda e: setattr(e.model.hidden[0], "norm", "batch"), "BatchNorm")
    batch = window.panels["training"].findChild(QWidget, "batchSize")
    batch.setValue(1)
    assert window.document.experiment.training.batch_size == 10
    assert "training.batch_size: BatchNorm (hidden layer 1) needs batches of at least 2" in (
        window.statusBar().currentMessage())
    assert batch.value() == 10


def test_a_model_over_the_parameter_limit_is_explained(window):
    def huge(e: Experiment) -> None:
        e.model.hidden = [LayerSpec(units=1024)] * 3

    assert not window.document.edit(huge, "Huge")
    assert "parameters is more than the 2,000,000 allowed" in window.statusBar().currentMessage()


def test_reset_clears_the_finished_message(qtbot, settings):
    window = make_window(qtbot, settings, small(epochs=1))
    window.controller.start()
    qtbot.waitUntil(lambda: window.controller.status.state == FINISHED, timeout=10_000)
    assert window.statusBar().currentMessage() == "finished 1 epoch"
    window.actions_.reset.trigger()
    qtbot.waitUntil(lambda: window.controller.status.state == IDLE, timeout=5000)
    assert window.statusBar().currentMessage() == ""
    window.controller.step()
    qtbot.waitUntil(lambda: window.controller.status.state in (PAUSED, FINISHED), timeout=5000)
    window.files.status.showMessage("Saved x")
    window.actions_.reset.trigger()
    qtbot.waitUntil(lambda: window.controller.status.step == 0, timeout=5000)
    assert window.statusBar().currentMessage() == "Saved x", "only the worker's own message is cleared"


def test_a_saved_file_reopens_after_the_gui_wrote_it(qtbot, window, messages, tmp_path):
    """Nesterov ticked with momentum 0 (which the panel allows) saves and reopens."""
    nesterov = window.panels["training"].findChild(QWidget, "nesterov")
    nesterov.setChecked(True)
    assert window.document.experiment.training.optimizer.values()["nesterov"] is True
    step(qtbot, window, 2)
    path = tmp_path / "n.json"
    assert window.files.save_to(path)
    assert window.files.open_path(path, ask=False), messages
    step(qtbot, window, 1)
    assert window.controller.status.step == 3
    assert Path(path).is_file()
