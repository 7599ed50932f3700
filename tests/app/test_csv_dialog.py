"""The CSV import dialog and loading a CSV through the data panel."""

from __future__ import annotations

from pathlib import Path

import pytest
from panel_helpers import child, choose, click
from PySide6.QtCore import Qt

from playground.app.document import ExperimentDocument
from playground.app.panels import CsvDialog, DataPanel, NetworkPanel, TrainingPanel
from playground.core.spec import Experiment

CSV = "a,b,label\n" + "".join(f"{i},{i * 2 % 7},{'yes' if i % 3 else 'no'}\n" for i in range(30))


@pytest.fixture
def csv_file(tmp_path: Path) -> Path:
    path = tmp_path / "data" / "points.csv"
    path.parent.mkdir()
    path.write_text(CSV, encoding="utf-8")
    return path


def test_csv_dialog_previews_and_imports(qtbot, tmp_path: Path, csv_file: Path) -> None:
    document = ExperimentDocument()
    document.replace(Experiment(), tmp_path / "experiment.json")
    dialog = CsvDialog(document)
    qtbot.addWidget(dialog)
    assert not dialog.ok_button.isEnabled()
    dialog.path_edit.setText(str(csv_file))
    dialog.path_edit.editingFinished.emit()
    assert dialog.table.rowCount() == 20
    assert dialog.table.item(0, 2).text() == "no"
    assert dialog.target.currentData() == "label"
    assert dialog.task.itemText(0) == "Automatic (classification)"
    assert dialog.ok_button.isEnabled()
    assert not dialog.error.isVisibleTo(dialog)

    dialog.standardize.setChecked(True)
    spec = dialog.csv_spec()
    # absolute while the app runs; saving writes it relative to the file's folder (rebase_paths)
    assert spec.path == csv_file.resolve().as_posix()
    assert spec.features == ["a", "b"] and spec.classes == ["no", "yes"]
    assert spec.mean is not None and len(spec.mean) == 2


def test_csv_dialog_shows_errors_inline(qtbot, tmp_path: Path, csv_file: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("a,b\n1,2\n3\n", encoding="utf-8")
    dialog = CsvDialog(ExperimentDocument())
    qtbot.addWidget(dialog)
    dialog.set_path(bad)
    assert "line 3" in dialog.error.text()
    assert dialog.error.isVisibleTo(dialog)
    assert not dialog.ok_button.isEnabled()

    dialog.set_path(csv_file)
    assert dialog.ok_button.isEnabled()
    choose(dialog.task, "regression")  # text labels cannot be regression targets
    assert "not a number" in dialog.error.text()
    assert not dialog.ok_button.isEnabled()
    choose(dialog.task, "classification")
    for i in range(dialog.features.count()):
        dialog.features.item(i).setCheckState(Qt.CheckState.Unchecked)
    assert "at least one feature" in dialog.error.text()
    assert not dialog.ok_button.isEnabled()
    with pytest.raises(ValueError):
        dialog.csv_spec()
    dialog.set_path(tmp_path / "missing.csv")
    assert "missing.csv: no such file" in dialog.error.text()
    assert dialog.table.rowCount() == 0


def test_loading_csv_sets_up_data_and_network(qtbot, monkeypatch, csv_file: Path, document: ExperimentDocument,
                                              data_panel: DataPanel, network: NetworkPanel,
                                              training: TrainingPanel) -> None:
    dialog = CsvDialog(document)
    qtbot.addWidget(dialog)
    dialog.set_path(csv_file)
    dialog.features.item(1).setCheckState(Qt.CheckState.Unchecked)  # only column "a"
    spec = dialog.csv_spec()
    assert spec.path == str(csv_file.resolve().as_posix())  # unsaved experiment: absolute path
    monkeypatch.setattr(data_panel, "_run_csv_dialog", lambda: spec)

    click(qtbot, data_panel, "loadCsv")
    exp = document.experiment
    assert exp.data.kind == "csv" and exp.data.csv == spec
    assert child(data_panel, "kind").currentData() == "csv"
    assert not child(data_panel, "samples").isEnabled()
    assert "points.csv" in child(data_panel, "csvLabel").text()
    assert network.inputs.text() == "a (1)"
    assert "nn.Linear(1, 8)" in network.code.toPlainText()
    assert [child(data_panel, "drawClass").itemText(i) for i in range(2)] == ["no", "yes"]

    monkeypatch.setattr(data_panel, "_run_csv_dialog", lambda: None)  # cancelled: nothing changes
    choose(child(data_panel, "kind"), "circle")
    choose(child(data_panel, "kind"), "csv")
    assert document.experiment.data.kind == "circle"
    assert child(data_panel, "kind").currentData() == "circle"
