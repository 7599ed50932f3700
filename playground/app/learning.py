"""The learning tools in the main window: the Lessons menu and panel, the Maths and Autograd tabs,
the activation previews and View ▸ Language.

One object adds them all to a finished window (``MainWindow`` calls it once), so the window's own
layout code stays as it was: the lesson is a tab beside the gradient views on the right (brought to
the front when a lesson opens), the maths and the graph are tabs beside the editors on the left.
"""

from __future__ import annotations

import sys
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QProcess, Qt
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QMessageBox

from playground.app import i18n
from playground.app.activation_preview import ActivationPreview
from playground.app.autograd_view import AutogradView
from playground.app.lessons_panel import LessonPanel, lesson_text
from playground.app.maths_panel import MathsPanel

if TYPE_CHECKING:
    from playground.app.ports import LearningWindow


class LearningTools(QObject):
    def __init__(self, window: LearningWindow) -> None:
        super().__init__(window)
        self.window = window
        self.lessons = LessonPanel(window)
        self.maths = MathsPanel(window.controller, window.document)
        self.autograd = AutogradView(window.controller)
        self.preview = ActivationPreview(window.controller, window.panels.get("network"))
        self._docks()
        self.lessons_menu = self._lessons_menu()
        self.language_menu = self._language_menu()
        self.lessons.lessonOpened.connect(lambda _title: self.show_lesson_panel())

    # ------------------------------------------------------------------ docks
    def _docks(self) -> None:
        w = self.window
        right, left = Qt.DockWidgetArea.RightDockWidgetArea, Qt.DockWidgetArea.LeftDockWidgetArea
        w._dock("lesson", self.tr("Lesson"), self.lessons, right)
        w.tabifyDockWidget(w.docks["inspector"], w.docks["lesson"])  # a tab beside the gradient views
        w.docks["gradients"].raise_()
        w._dock("maths", self.tr("Maths"), self.maths, left)
        w._dock("autograd", self.tr("Autograd graph"), self.autograd, left)
        w.tabifyDockWidget(w.docks["training"], w.docks["maths"])
        w.tabifyDockWidget(w.docks["maths"], w.docks["autograd"])
        w.docks["data"].raise_()
        w.resizeDocks([w.docks["loss"], w.docks["metric"], w.docks["gradients"]], [240, 230, 430],
                      Qt.Orientation.Vertical)
        w.resizeDocks([w.docks["loss"]], [430], Qt.Orientation.Horizontal)

    def show_lesson_panel(self) -> None:
        dock = self.window.docks["lesson"]
        dock.show()
        dock.raise_()

    def show_tab(self, key: str) -> None:
        """Bring the Maths or Autograd tab to the front."""
        dock = self.window.docks[key]
        dock.show()
        dock.raise_()

    # ------------------------------------------------------------------ menus
    def _lessons_menu(self) -> QMenu:
        menus = self.window.menus
        menu = QMenu(self.tr("&Lessons"), self.window)
        self.window.menuBar().insertMenu(menus.help_menu.menuAction(), menu)
        for i, (_path, lesson) in enumerate(self.lessons.lessons):
            action = QAction(f"&{i + 1}. {lesson_text(lesson.title)}" if i < 9 else
                             f"{i + 1}. {lesson_text(lesson.title)}", self.window)
            action.triggered.connect(partial(self.lessons.open_lesson, i))
            menu.addAction(action)
        menu.addSeparator()
        for key, text in (("lesson", self.tr("Show the lesson panel")),
                          ("maths", self.tr("Show the step-by-step maths")),
                          ("autograd", self.tr("Show the autograd graph"))):
            action = QAction(text, self.window)
            action.triggered.connect(partial(self.show_tab, key))
            menu.addAction(action)
        return menu

    def _language_menu(self) -> QMenu:
        menu = self.window.menus.view_menu.addMenu(self.tr("&Language"))
        group = QActionGroup(menu)
        current = i18n.chosen(self.window.settings)
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
        settings = self.window.settings
        if key == i18n.chosen(settings):
            return
        settings.setValue(i18n.SETTINGS_KEY, key)
        settings.sync()
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Language"),
                          self.tr("Torch Playground starts in the new language the next time it opens."),
                          QMessageBox.StandardButton.NoButton, self.window)
        box.setObjectName("languageChanged")
        restart = box.addButton(self.tr("Restart now"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Later"), QMessageBox.ButtonRole.RejectRole)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.buttonClicked.connect(lambda button: button is restart and self._restart())
        box.open()

    def _restart(self) -> None:
        """Close (asking about unsaved changes, as always) and start again with the same arguments."""
        if self.window.close():
            QProcess.startDetached(sys.executable, sys.argv)
