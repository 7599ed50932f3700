"""The learning tools in the main window: the Lessons menu and panel, the Maths and Autograd tabs,
the activation previews and View ▸ Language.

One object makes them all and adds its menus to the window's menu bar; the window docks its three
panels (``panels``) and brings one to the front when ``showTab`` asks: the lesson when a lesson
opens, the maths or the graph from the Lessons menu. Choosing a language asks to restart; the window
does it (``restartRequested``), asking about unsaved changes as it always does when it closes.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QMenuBar, QMessageBox, QStatusBar, QWidget

from playground.app import i18n
from playground.app.activation_preview import ActivationPreview
from playground.app.autograd_view import AutogradView
from playground.app.lessons_panel import LessonPanel, lesson_text
from playground.app.maths_panel import MathsPanel

if TYPE_CHECKING:
    from playground.app.document import ExperimentDocument
    from playground.app.ports import FileActions
    from playground.app.session import EngineSession
    from playground.app.training import TrainingController


class LearningTools(QObject):
    """Makes the learning panels and their menus: Lessons (before ``before``) and View ▸ Language."""

    showTab = Signal(str)
    """Bring a panel to the front: "lesson", "maths" or "autograd"."""
    restartRequested = Signal()
    """The user chose another language and asked to restart now."""

    def __init__(self, document: ExperimentDocument, controller: TrainingController, session: EngineSession,
                 files: FileActions, status: QStatusBar, settings: QSettings, network_panel: QWidget | None,
                 menu_bar: QMenuBar, view_menu: QMenu, before: QMenu, parent: QWidget) -> None:
        super().__init__(parent)
        self.settings = settings
        self.parent_widget = parent
        self.lessons = LessonPanel(document, controller, session, files, status, parent)
        self.maths = MathsPanel(controller, document)
        self.autograd = AutogradView(controller)
        self.preview = ActivationPreview(controller, network_panel)
        self.panels: dict[str, QWidget] = {"lesson": self.lessons, "maths": self.maths, "autograd": self.autograd}
        self.titles = {"lesson": self.tr("Lesson"), "maths": self.tr("Maths"), "autograd": self.tr("Autograd graph")}
        self.lessons_menu = self._lessons_menu(menu_bar, before)
        self.language_menu = self._language_menu(view_menu)
        self.lessons.lessonOpened.connect(lambda _title: self.show_tab("lesson"))

    def show_tab(self, key: str) -> None:
        """Bring the Lesson, Maths or Autograd tab to the front (the window does it)."""
        self.showTab.emit(key)

    # ------------------------------------------------------------------ menus
    def _lessons_menu(self, menu_bar: QMenuBar, before: QMenu) -> QMenu:
        menu = QMenu(self.tr("&Lessons"), self.parent_widget)
        menu_bar.insertMenu(before.menuAction(), menu)
        for i, (_path, lesson) in enumerate(self.lessons.lessons):
            action = QAction(f"&{i + 1}. {lesson_text(lesson.title)}" if i < 9 else
                             f"{i + 1}. {lesson_text(lesson.title)}", self.parent_widget)
            action.triggered.connect(partial(self.lessons.open_lesson, i))
            menu.addAction(action)
        menu.addSeparator()
        for key, text in (("lesson", self.tr("Show the lesson panel")),
                          ("maths", self.tr("Show the step-by-step maths")),
                          ("autograd", self.tr("Show the autograd graph"))):
            action = QAction(text, self.parent_widget)
            action.triggered.connect(partial(self.show_tab, key))
            menu.addAction(action)
        return menu

    def _language_menu(self, view_menu: QMenu) -> QMenu:
        menu = view_menu.addMenu(self.tr("&Language"))
        group = QActionGroup(menu)
        current = i18n.chosen(self.settings)
        self.language_actions: dict[str, QAction] = {}
        for key, name in i18n.CHOICES:
            action = QAction(name or self.tr("System"), menu, checkable=True, checked=key == current)
            action.setData(key)
            action.triggered.connect(partial(self._language_chosen, key))
            group.addAction(action)
            menu.addAction(action)
            self.language_actions[key] = action
        return menu

    def _language_chosen(self, key: str) -> None:
        settings = self.settings
        if key == i18n.chosen(settings):
            return
        settings.setValue(i18n.SETTINGS_KEY, key)
        settings.sync()
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Language"),
                          self.tr("Torch Playground starts in the new language the next time it opens."),
                          QMessageBox.StandardButton.NoButton, self.parent_widget)
        box.setObjectName("languageChanged")
        restart = box.addButton(self.tr("Restart now"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Later"), QMessageBox.ButtonRole.RejectRole)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.buttonClicked.connect(lambda button: button is restart and self.restartRequested.emit())
        box.open()
