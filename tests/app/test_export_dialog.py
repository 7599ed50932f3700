"""The Export Weights dialog, driven as a user would: pick a format, a path, press Export."""

from __future__ import annotations

import pytest
import torch
from PySide6.QtWidgets import QDialog

from playground.app.export_dialog import ExportDialog
from playground.core.engine import Engine
from playground.core.export import FORMATS
from playground.core.spec import DataSpec, Experiment, LayerSpec, ModelSpec


def _experiment() -> Experiment:
    return Experiment(name="Tiny XOR", data=DataSpec(kind="xor", samples=40),
                      model=ModelSpec(hidden=[LayerSpec(units=3)]))


@pytest.fixture
def trained() -> Experiment:
    engine = Engine(_experiment(), device="cpu")
    engine.train(1)
    return engine.experiment()


def _dialog(qtbot, experiment: Experiment, tmp_path) -> ExportDialog:
    dialog = ExportDialog(experiment, tmp_path)
    qtbot.addWidget(dialog)
    return dialog


def test_choosing_a_format_explains_it_and_follows_the_extension(qtbot, trained, tmp_path):
    dialog = _dialog(qtbot, trained, tmp_path)
    assert dialog.path_edit.text() == str(tmp_path / "Tiny XOR.safetensors")
    assert dialog.description.text() == FORMATS[0].description
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("py"))
    assert dialog.path_edit.text() == str(tmp_path / "Tiny XOR.py")
    assert "predict()" in dialog.description.text()
    assert dialog.notice.isHidden()  # trained: nothing to warn about


def test_export_writes_the_file_and_closes(qtbot, trained, tmp_path):
    dialog = _dialog(qtbot, trained, tmp_path)
    dialog.set_format("pt")
    dialog.path_edit.setText(str(tmp_path / "out" / "weights.pt"))
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.written == tmp_path / "out" / "weights.pt" and dialog.format_key == "pt"
    state = torch.load(dialog.written, weights_only=True)
    assert set(state) == {"0.weight", "0.bias", "2.weight", "2.bias"}


def test_an_untrained_model_is_questioned_first(qtbot, tmp_path, monkeypatch):
    dialog = _dialog(qtbot, _experiment(), tmp_path)
    assert not dialog.notice.isHidden() and "untrained" in dialog.notice.text()
    asked: list[str] = []
    monkeypatch.setattr(dialog, "confirm_untrained", lambda message: asked.append(message) or False)
    dialog.accept()
    assert asked and dialog.written is None and not (tmp_path / "Tiny XOR.safetensors").exists()
    monkeypatch.setattr(dialog, "confirm_untrained", lambda message: True)
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted and (tmp_path / "Tiny XOR.safetensors").is_file()


def test_data_needs_no_training_and_errors_are_shown_in_words(qtbot, tmp_path, monkeypatch):
    dialog = _dialog(qtbot, _experiment(), tmp_path)
    dialog.set_format("csv")
    assert dialog.notice.isHidden()
    errors: list[str] = []
    monkeypatch.setattr(dialog, "show_error", errors.append)
    dialog.path_edit.setText(str(tmp_path))  # a folder, not a file
    dialog.accept()
    assert dialog.written is None and errors and "is a folder" in errors[0]
    dialog.path_edit.setText(str(tmp_path / "points.csv"))
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted and (tmp_path / "points.csv").is_file()
