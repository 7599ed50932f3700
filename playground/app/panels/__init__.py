"""Editing panels: data, network and training settings; every change goes through the document."""

from playground.app.panels.csv_dialog import CsvDialog
from playground.app.panels.data_panel import DataPanel
from playground.app.panels.network_panel import NetworkPanel
from playground.app.panels.training_panel import HyperParamEditor, TrainingPanel

__all__ = ["CsvDialog", "DataPanel", "HyperParamEditor", "NetworkPanel", "TrainingPanel"]
