"""The main window: boundary view in the middle, editing panels and plots in docks around it.

Assembly only; behaviour lives in small helpers: ``TrainingController`` (the runner),
``EngineSession`` (document ↔ engine), ``FileController`` (files), ``Autosave``, ``Menus``,
``InsideViews``, ``LearningTools``, ``DrawController``. Each is handed the objects it uses (never
this window) and this is the one place that wires them: their signals to each other's slots.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QProcess, QSettings, Qt
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from playground.app.autosave import Autosave
from playground.app.controls import ControlBar, StatusDisplay, TrainingActions
from playground.app.data_thumbnails import DataThumbnails
from playground.app.diagram_edits import DiagramEdits
from playground.app.document import ExperimentDocument
from playground.app.drawing import DrawController
from playground.app.files import FileController
from playground.app.gc_guard import collect_in_gui_thread
from playground.app.i18n import localized
from playground.app.image_views import ImageViews
from playground.app.inside import InsideViews
from playground.app.learning import LearningTools
from playground.app.menus import Menus
from playground.app.panels.common import RangeNotice, quiet
from playground.app.panels.data_panel import KIND_LABELS
from playground.app.plots import BoundaryView, LossPlot, MetricPlot, Scoreboard
from playground.app.quick_controls import QuickControls
from playground.app.session import EngineSession
from playground.app.tooltips import keep_tooltips
from playground.app.training import TrainingController
from playground.core.spec import Experiment

APP_TITLE = "Torch Playground"
EXPLAIN_MS = 10_000
"""How long the status bar keeps the reason an edit was refused."""
RESTARTED_MS = 30_000
"""How long the status bar says that the training process died and was restarted."""


def _panel_classes() -> dict[str, type[QWidget] | None]:
    """The editing panels, or None where a panel is not available (placeholders are shown)."""
    try:
        from playground.app.panels import DataPanel, NetworkPanel, TrainingPanel
    except ImportError:
        return {"data": None, "network": None, "training": None}
    return {"data": DataPanel, "network": NetworkPanel, "training": TrainingPanel}


class MainWindow(QMainWindow):
    def __init__(self, document: ExperimentDocument | None = None, settings: QSettings | None = None,
                 parent: QWidget | None = None, remember_layout: bool = True, build_now: bool = True) -> None:
        """``build_now=False``: build nothing yet; the caller opens a file with ``files.open_later``."""
        super().__init__(parent)
        collect_in_gui_thread()  # never in the runner handle's reader thread (a deadlock with Qt)
        self.settings = settings if settings is not None else QSettings()
        self.document = document or ExperimentDocument(parent=self)
        self.confirm_close = True
        self.remember_layout = remember_layout
        """Screenshot runs neither read nor write the saved window layout (reproducible pictures)."""
        self._grid = 100
        self.controller = TrainingController(self)
        self.session = EngineSession(self.document, self.controller, self)
        self.boundary = BoundaryView()
        bar = self.statusBar()
        self.files = FileController(self.document, self.controller, self.session, self.boundary, bar,
                                    self.settings, self)
        self.autosave = Autosave(self.document, self.controller, bar, self.files, self.settings, self)
        self.autosave.error.connect(self.files.show_error)

        self.loss_plot = LossPlot()
        self.metric_plot = MetricPlot()
        self.controller.add_view(self.boundary)  # the picture moves with every snapshot
        for view in (self.loss_plot, self.metric_plot):
            self.controller.add_view(view, 5.0)
        self.controller.datasetChanged.connect(self.boundary.set_dataset)
        self.controller.failed.connect(self._training_failed)
        self.controller.restarted.connect(lambda text: self.statusBar().showMessage(text, RESTARTED_MS))
        self.draw = DrawController(self.document, self.boundary, self)
        self.inside = InsideViews(self.document, self.controller, self.boundary, bar, self)
        self.diagram = self.inside.diagram
        self.diagram_edits = DiagramEdits(self.document, self.diagram, self)
        self.images = ImageViews(self.document, self.controller, self.statusBar(), self)
        keep_tooltips(self.diagram, self.inside.widgets["inspector"])  # they show tips as the mouse moves

        self.actions_ = TrainingActions(self.controller, self, lambda: self.document.experiment.training.epochs)
        self.control_bar = ControlBar(self.actions_, self)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.control_bar)
        self.status_display = StatusDisplay(self.controller, self.statusBar(), self.actions_.more)

        self.description = QLabel(objectName="description")
        self.description.setTextFormat(Qt.TextFormat.MarkdownText)
        self.description.setWordWrap(True)
        self.description.setOpenExternalLinks(True)
        self.description.setStyleSheet(
            "QLabel#description { background: #f6f8fa; border: 1px solid #d8dee4; border-radius: 4px;"
            " padding: 6px 10px; }")
        self.scoreboard = Scoreboard()
        self.controller.add_view(self.scoreboard, 10.0, heavy=False)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addWidget(self.description)
        layout.addWidget(self.scoreboard)
        self.centre = QSplitter(Qt.Orientation.Vertical, objectName="centre")
        self.centre.addWidget(self.diagram)
        self.boundary_box = QWidget(objectName="boundaryBox")
        """The decision plot with its colour key and TFP's two check boxes under it."""
        under = QVBoxLayout(self.boundary_box)
        under.setContentsMargins(0, 0, 0, 0)
        under.setSpacing(0)
        under.addWidget(self.boundary, 1)
        row = QHBoxLayout()
        row.addWidget(self.boundary.legend, 1)
        self.boundary_checks = QVBoxLayout()  # stacked: the centre column stays narrow on a laptop
        self.boundary_checks.setSpacing(0)
        row.addLayout(self.boundary_checks)
        under.addLayout(row)
        self.centre.addWidget(self.boundary_box)
        self.centre.setChildrenCollapsible(False)
        self.centre.setSizes([330, 470])  # the network above, the picture of what it does below
        layout.addWidget(self.centre, 1)
        self.setCentralWidget(central)

        self.panels: dict[str, QWidget] = {}
        self.docks: dict[str, QDockWidget] = {}
        self._build_docks()
        self._build_runs()
        self.menus = Menus(self.document, self.files, self.actions_.all(), self.menuBar(), self)
        self.menus.quitRequested.connect(self.close)
        self.menus.compareRequested.connect(self.open_compare)
        self.menus.loadImagesRequested.connect(self.images.load_folder_dialog)
        self.view_checks: dict[str, QCheckBox] = {}
        for key in ("show_test", "discretize"):  # the View menu's flags, where TFP has them
            action = self.menus.flags[key]
            check = QCheckBox(action.text().replace("&", ""), objectName=f"check_{key}")
            check.clicked.connect(lambda _on, a=action: a.trigger())
            self.boundary_checks.addWidget(check)
            self.view_checks[key] = check
        self.quick = QuickControls(self.document, self.choose_data_kind, self)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.quick)
        self._build_learning()  # lessons, maths, autograd graph, activation previews, language
        self.images.panel.gallery.imageChosen.connect(self.learning.maths.show_test_image)  # its forward pass
        self.files.lesson_source = lambda: self.learning.lessons.lesson  # a lesson's notebook carries its text
        self.hideable: dict[str, QWidget] = {
            **self.docks, "controls": self.control_bar, "description": self.description, "diagram": self.diagram}
        code = getattr(self.panels.get("network"), "code", None)
        if isinstance(code, QWidget) and code.parentWidget() is not None:
            self.hideable["code"] = code.parentWidget()

        self.inside.connect_docks(self.docks)
        self.range_notice = RangeNotice(self.explain, self)
        self._watch_spins()
        self.document.changed.connect(self._document_changed)
        self.document.refused.connect(self.explain)
        self.document.modifiedChanged.connect(self.setWindowModified)
        self.document.pathChanged.connect(lambda _path: self._update_title())
        self.setAcceptDrops(True)
        self.resize(1500, 950)
        if remember_layout:
            self._restore_layout()

        if build_now:
            experiment = self.document.experiment
            experiment.state = self.document.trained_state
            self.files.adopt(experiment, self.document.path)

    # ------------------------------------------------------------------ layout
    def _build_docks(self) -> None:
        classes = _panel_classes()
        titles = {"data": self.tr("Data"), "network": self.tr("Network"), "training": self.tr("Training"),
                  "loss": self.tr("Loss"), "metric": self.tr("Accuracy"), "gradients": self.tr("Gradients"),
                  "distributions": self.tr("Distributions"), "inspector": self.tr("Inspector")}
        left, right = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
        for key in ("data", "network", "training"):
            cls = classes[key]
            panel = cls(self.document, self) if cls is not None else QLabel(
                self.tr("The {0} panel is not available.").format(titles[key]))
            self.panels[key] = panel
            content = panel
            if key == "data" and cls is not None:  # the data sets as pictures above the panel, as in TFP
                content = QWidget(objectName="dataColumn")
                column = QVBoxLayout(content)
                column.setContentsMargins(0, 0, 0, 0)
                column.setSpacing(0)
                self.thumbnails = DataThumbnails(self.document, self.choose_data_kind, KIND_LABELS, content)
                column.addWidget(self.thumbnails)
                column.addWidget(panel, 1)
            self._dock(key, titles[key], self._scroll(content), left)
        self._dock("loss", titles["loss"], self.loss_plot, right)
        self._dock("metric", titles["metric"], self.metric_plot, right)
        for key in ("gradients", "distributions", "inspector"):
            self._dock(key, titles[key], self.inside.widgets[key], right)
        self.tabifyDockWidget(self.docks["gradients"], self.docks["distributions"])
        self.tabifyDockWidget(self.docks["distributions"], self.docks["inspector"])
        self._dock("images", self.tr("Images"), self.images.panel, right)
        self.images.dock = self.docks["images"]
        self.tabifyDockWidget(self.docks["inspector"], self.docks["images"])
        self.docks["gradients"].raise_()
        # The editors share the left column as tabs (each needs most of a 950-pixel height); the
        # history plots stack on the right, leaving the centre to a large, square decision plot.
        self.tabifyDockWidget(self.docks["data"], self.docks["network"])
        self.tabifyDockWidget(self.docks["network"], self.docks["training"])
        self.setTabPosition(left, QTabWidget.TabPosition.North)
        self.setTabPosition(right, QTabWidget.TabPosition.North)
        self.docks["data"].raise_()
        self.resizeDocks([self.docks["data"], self.docks["loss"]], [400, 430], Qt.Orientation.Horizontal)
        training = self.panels["training"]
        if hasattr(training, "set_available_devices"):
            self.controller.devicesChanged.connect(training.set_available_devices)
            if self.controller.devices:
                training.set_available_devices(self.controller.devices)
        data = self.panels["data"]
        if hasattr(data, "drawModeChanged"):
            data.drawModeChanged.connect(self.boundary.set_draw_mode)
        if hasattr(data, "imagesRequested"):
            data.imagesRequested.connect(self.images.load_folder_dialog)

    def choose_data_kind(self, kind: str) -> None:
        """Change the data set exactly as the data panel's own list does (loss kept consistent, undoable)."""
        combo = getattr(self.panels.get("data"), "kind", None)
        if isinstance(combo, QComboBox) and combo.findData(kind) >= 0:
            combo.setCurrentIndex(combo.findData(kind))

    def _build_runs(self) -> None:
        """Runs: recorded from the snapshots, listed in a tab beside Gradients, overlaid on both plots."""
        from playground.app.runs_panel import RunsOverlay, RunsPanel, RunsRecorder

        self.runs_recorder = RunsRecorder(self.document, self.session.in_sync, self)
        self.controller.add_view(self.runs_recorder)
        self.runs_panel = RunsPanel(self.document, self)
        self.runs_panel.overlays = [RunsOverlay(self.loss_plot, "test_loss"),
                                    RunsOverlay(self.metric_plot, "test_metric", percent=True)]
        self.runs_panel.fill(self.document.experiment.runs)
        self.runs_panel.connect_compare(lambda: self.open_compare())
        self.compare_dialog = None
        self._dock("runs", self.tr("Runs"), self.runs_panel, Qt.DockWidgetArea.RightDockWidgetArea)
        self.tabifyDockWidget(self.docks["inspector"], self.docks["runs"])
        self.docks["gradients"].raise_()

    def _build_learning(self) -> None:
        """The learning tools' menus, and their panels as tabs: the lesson beside the gradient views
        on the right (in front when a lesson opens), the maths and the graph beside the editors."""
        self.learning = LearningTools(
            self.document, self.controller, self.session, self.files, self.statusBar(), self.settings,
            self.panels.get("network"), self.menuBar(), self.menus.view_menu, self.menus.help_menu, self)
        right, left = Qt.DockWidgetArea.RightDockWidgetArea, Qt.DockWidgetArea.LeftDockWidgetArea
        panels, titles = self.learning.panels, self.learning.titles
        self._dock("lesson", titles["lesson"], panels["lesson"], right)
        self.tabifyDockWidget(self.docks["inspector"], self.docks["lesson"])  # a tab beside the gradient views
        self.docks["gradients"].raise_()
        self._dock("maths", titles["maths"], panels["maths"], left)
        self._dock("autograd", titles["autograd"], panels["autograd"], left)
        self.tabifyDockWidget(self.docks["training"], self.docks["maths"])
        self.tabifyDockWidget(self.docks["maths"], self.docks["autograd"])
        self.docks["data"].raise_()
        self.resizeDocks([self.docks["loss"], self.docks["metric"], self.docks["gradients"]], [240, 230, 430],
                         Qt.Orientation.Vertical)
        self.resizeDocks([self.docks["loss"]], [430], Qt.Orientation.Horizontal)
        self.learning.showTab.connect(self._show_dock)
        self.learning.restartRequested.connect(self._restart)

    def _show_dock(self, key: str) -> None:
        dock = self.docks[key]
        dock.show()
        dock.raise_()

    def _restart(self) -> None:
        """Close (asking about unsaved changes, as always) and start again with the same arguments."""
        if self.close():
            QProcess.startDetached(sys.executable, sys.argv)

    def open_compare(self) -> None:
        """Train → Compare… (and the Runs panel's button): one dialog, brought back if open."""
        from playground.app.compare_dialog import CompareDialog

        if self.compare_dialog is None:
            self.compare_dialog = CompareDialog(self.document, self.controller, self.session, self)
        self.compare_dialog.show()
        self.compare_dialog.raise_()

    @staticmethod
    def _scroll(panel: QWidget) -> QScrollArea:
        area = QScrollArea()
        area.setWidget(panel)
        area.setWidgetResizable(True)
        area.setFrameShape(QScrollArea.Shape.NoFrame)
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        area.setMinimumWidth(panel.minimumSizeHint().width() + 16)
        return area

    def _dock(self, key: str, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> None:
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock_{key}")
        dock.setWidget(widget)
        dock.setTitleBarWidget(QWidget())  # panels and plots carry their own titles
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        self.addDockWidget(area, dock)
        self.docks[key] = dock

    def _restore_layout(self) -> None:
        geometry = self.settings.value("window/geometry")
        state = self.settings.value("window/state")
        if geometry is not None:
            self.restoreGeometry(geometry)
        if state is not None:
            self.restoreState(state)

    # ------------------------------------------------------------------ document → window
    def _watch_spins(self) -> None:
        """Explain out-of-range typing in every panel's spin boxes (rows added later included)."""
        for panel in self.panels.values():
            self.range_notice.watch(panel.findChildren(QAbstractSpinBox))

    def explain(self, message: str, near: QWidget | None = None) -> None:
        """Why an edit was not taken: in the status bar, and as a tip beside the control when known."""
        self.statusBar().showMessage(message, EXPLAIN_MS)
        if near is not None and near.isVisible():
            QToolTip.showText(near.mapToGlobal(near.rect().bottomLeft()), message, near)

    def _document_changed(self, experiment: Experiment, sections: set[str]) -> None:
        if "model" in sections:
            self._watch_spins()
        if sections & {"name", "description", "view"} or not sections:
            self._update_title()
            text = QCoreApplication.translate("examples", experiment.description.strip())  # bundled examples
            self.description.setText(text)
            self.description.setVisible(bool(text) and "description" not in experiment.view.hidden)
            self._apply_view(experiment)

    def _apply_view(self, experiment: Experiment) -> None:
        view = experiment.view
        for key, widget in self.hideable.items():
            if key != "description":
                widget.setVisible(key not in view.hidden)
        self.boundary.set_show_test(view.show_test)
        self.boundary.set_discretize(view.discretize)
        self.loss_plot.set_log(view.log_loss)
        if view.grid != self._grid:
            self._grid = view.grid
            self.controller.set_resolution(view.grid)
        self.menus.show_view(experiment)
        for key, check in self.view_checks.items():
            with quiet(check):
                check.setChecked(bool(getattr(view, key)))

    def _update_title(self) -> None:
        name = QCoreApplication.translate("examples", self.document.experiment.name)
        self.setWindowTitle(f"{name}[*] — {APP_TITLE}")
        self.setWindowModified(self.document.modified)

    def _training_failed(self, message: str) -> None:
        """Worker errors: status bar plus a non-blocking message box, never a traceback."""
        message = localized(message)
        self.statusBar().showMessage(message)
        if self.files.quiet:
            print(f"playground: {message}", file=sys.stderr)
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Training stopped"),
                          self.tr("Training stopped: {0}").format(message), QMessageBox.StandardButton.Ok,
                          self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setObjectName("trainingError")
        if not self.files.quiet:
            box.open()

    # ------------------------------------------------------------------ window events
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(url.toLocalFile().lower().endswith(".json") for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        for url in event.mimeData().urls():
            path = url.toLocalFile()
            if path.lower().endswith(".json"):
                event.acceptProposedAction()
                self.files.open_path(Path(path))
                return

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.confirm_close and not self.files.maybe_save():
            event.ignore()
            return
        if self.remember_layout:
            self.settings.setValue("window/geometry", self.saveGeometry())
            self.settings.setValue("window/state", self.saveState())
        self.autosave.stop()  # a clean close: nothing to recover next time
        self.controller.shutdown()
        event.accept()
