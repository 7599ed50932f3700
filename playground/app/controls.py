"""Training controls (actions, toolbar buttons, shortcuts) and the status bar read-out.

The actions live on the main window so their shortcuts work wherever the focus is (text fields
still take a typed space). Their enabled state and the Train/Pause/Resume label follow the
worker's status, never a guess made on the GUI side.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QStatusBar, QStyle, QToolBar, QToolButton, QWidget

from playground.app.i18n import localized
from playground.app.training import TrainingController
from playground.app.worker import DIVERGED, ERROR, FINISHED, IDLE, PAUSED, TRAINING, WorkerStatus
from playground.core.snapshot import Snapshot

MORE_EPOCHS = 10
"""Epochs that "Train N more epochs" adds when the experiment has no limit of its own to repeat."""


class TrainingActions(QObject):
    """Train/Pause/Resume, Step, Step epoch, Stop, Reset weights — wired to the controller.

    A run that reached its epoch limit is FINISHED. Train then goes on, as TensorFlow Playground's
    play button always does: it trains as many epochs again (``more``, also a button in the status
    bar, says how many), so "train again" after a finished run is never a dead end. ``epochs``
    reads the experiment's own limit (0: until stopped).
    """

    def __init__(self, controller: TrainingController, window: QWidget,
                 epochs: Callable[[], int] | None = None) -> None:
        super().__init__(window)
        self.controller = controller
        self._epochs = epochs or (lambda: 0)
        style = window.style()
        icon = style.standardIcon

        def make(text: str, shortcut: str, pixmap: QStyle.StandardPixmap, tip: str) -> QAction:
            action = QAction(icon(pixmap), text, window)
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.setToolTip(f"{tip} ({QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)})")
            window.addAction(action)
            return action

        sp = QStyle.StandardPixmap
        self.train = make(self.tr("Train"), "Space", sp.SP_MediaPlay,
                          self.tr("Train, pause or resume"))
        self.step = make(self.tr("Step"), "Ctrl+.", sp.SP_MediaSeekForward,
                         self.tr("Train one batch"))
        self.step_epoch = make(self.tr("Step epoch"), "Ctrl+E", sp.SP_MediaSkipForward,
                               self.tr("Train one epoch"))
        self.stop = make(self.tr("Stop"), "Esc", sp.SP_MediaStop,
                         self.tr("Stop training, keep the weights"))
        self.reset = make(self.tr("Reset weights"), "Ctrl+R", sp.SP_BrowserReload,
                          self.tr("Fresh weights from the seed; history starts over"))
        self.more = QAction(icon(sp.SP_MediaPlay), "", window)
        self.more.setObjectName("trainMore")
        self.more.setVisible(False)
        self._play = icon(sp.SP_MediaPlay)
        self._pause = icon(sp.SP_MediaPause)
        self.train.triggered.connect(self.toggle)
        self.more.triggered.connect(self.train_more)
        self.step.triggered.connect(controller.step)
        self.step_epoch.triggered.connect(controller.step_epoch)
        self.stop.triggered.connect(controller.stop)
        self.reset.triggered.connect(controller.reset)
        controller.statusChanged.connect(self.show_status)
        self.show_status(controller.status)

    def all(self) -> list[QAction]:
        return [self.train, self.step, self.step_epoch, self.stop, self.reset]

    def more_epochs(self) -> int:
        """How many epochs "train more" adds: the experiment's own limit, else ``MORE_EPOCHS``."""
        return self._epochs() or MORE_EPOCHS

    def toggle(self) -> None:
        """Train, pause or resume; at the epoch limit, train ``more_epochs`` more."""
        if self.controller.state == FINISHED:
            self.train_more()
        else:
            self.controller.toggle()

    def train_more(self) -> None:
        """Move the run's epoch limit on by ``more_epochs`` and train (the experiment is not edited)."""
        status = self.controller.status
        if status.state == TRAINING:
            return
        self.controller.set_epoch_limit(status.epoch + self.more_epochs())
        self.controller.start()

    def show_status(self, status: WorkerStatus) -> None:
        state = status.state
        if state == TRAINING:
            self.train.setText(self.tr("Pause"))
            self.train.setIcon(self._pause)
        else:
            self.train.setText(self.tr("Resume") if state == PAUSED else self.tr("Train"))
            self.train.setIcon(self._play)
        stopped = state in (IDLE, PAUSED, FINISHED, ERROR)
        self.train.setEnabled(state != DIVERGED)
        more = self.more_epochs()
        self.more.setText(self.tr("Train 1 more epoch") if more == 1 else  # readable without a translator
                          self.tr("Train {0} more epochs").format(f"{more:,}"))
        self.more.setToolTip(self.tr("The run reached its epoch limit; this trains on from here (Space does "
                                     "the same). Epochs in the Training tab sets the limit of a run."))
        self.more.setVisible(state == FINISHED)
        self.step.setEnabled(stopped)
        self.step_epoch.setEnabled(stopped)
        self.stop.setEnabled(state in (TRAINING, PAUSED, FINISHED, ERROR))


class ControlBar(QToolBar):
    """The row of big training buttons above the plots (also hideable in classroom mode)."""

    def __init__(self, actions: TrainingActions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("controls")
        self.setWindowTitle(self.tr("Training controls"))
        self.setMovable(False)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.setFont(font)
        for action in actions.all():
            self.addAction(action)
        self.train_button: QToolButton = self.widgetForAction(actions.train)  # type: ignore[assignment]
        bold = self.train_button.font()
        bold.setBold(True)
        self.train_button.setFont(bold)
        self.train_button.setMinimumWidth(110)


STATE_COLORS = {TRAINING: "#1a7f37", PAUSED: "#9a6700", DIVERGED: "#cf222e", ERROR: "#cf222e",
                FINISHED: "#0969da", IDLE: "#57606a"}


def elapsed_text(seconds: float) -> str:
    minutes, rest = divmod(max(seconds, 0.0), 60)
    return f"{int(minutes)}:{rest:04.1f}"


class StatusDisplay(QObject):
    """State, epoch, step, steps/s, device and training time in the status bar."""

    def __init__(self, controller: TrainingController, bar: QStatusBar, more: QAction | None = None) -> None:
        super().__init__(bar)
        self.bar = bar
        self.state = QLabel()
        self.epoch = QLabel()
        self.step = QLabel()
        self.rate = QLabel()
        self.device = QLabel()
        self.elapsed = QLabel()
        for label in (self.state, self.epoch, self.step, self.rate, self.device, self.elapsed):
            label.setContentsMargins(8, 0, 8, 0)
            bar.addPermanentWidget(label)
        self.names = {IDLE: self.tr("idle"), TRAINING: self.tr("training"), PAUSED: self.tr("paused"),
                      DIVERGED: self.tr("diverged"), FINISHED: self.tr("finished"),
                      ERROR: self.tr("stopped by an error")}
        self.diagnosis = QLabel(objectName="diagnosis")
        self.diagnosis.setStyleSheet("color: #9a6700;")
        self.diagnosis.setTextFormat(Qt.TextFormat.PlainText)
        bar.addWidget(self.diagnosis, 1)
        self.notes = QLabel(objectName="snapshotNotes")
        self.notes.setStyleSheet("color: #57606a;")
        bar.addWidget(self.notes)
        self.more = QToolButton(objectName="trainMoreButton")
        if more is not None:  # "Train 10 more epochs" beside "finished 10 epochs"
            self.more.setDefaultAction(more)
            self.more.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            more.changed.connect(lambda: self.more.setVisible(more.isVisible()))
            bar.addPermanentWidget(self.more)
        self.more.setVisible(more is not None and more.isVisible())
        self.busy = ""
        self._status = controller.status
        controller.snapshotReady.connect(self.show_diagnostics)
        self._shown = ""
        """The worker message on display, cleared when the worker drops it (Reset after "finished")."""
        self._message = self._displayed = ""
        """That message localized, and the text shown for it (with the diagnosis after it)."""
        controller.statusChanged.connect(self.show_status)
        controller.busyChanged.connect(self.show_busy)
        self.show_status(controller.status)

    def show_diagnostics(self, snapshot: Snapshot) -> None:
        """The most actionable diagnosis in words (all of them in the tooltip), or nothing."""
        found = [d.message for d in snapshot.diagnostics]
        text = ("⚠ " + found[0] + (self.tr(" (+{0} more)").format(len(found) - 1) if len(found) > 1 else "")
                if found else "")
        if text != self.diagnosis.text():
            self.diagnosis.setText(text)
            self.diagnosis.setToolTip("\n".join(found))
            if self._message and self.bar.currentMessage() == self._displayed:
                self._show_message(self._message)  # the message on display carries the new diagnosis
        notes = self.tr("Note: {0}").format(snapshot.notes[0]) if snapshot.notes else ""
        if notes != self.notes.text():  # what the runner simplified to keep training fast
            self.notes.setText(notes)
            self.notes.setToolTip("\n".join(snapshot.notes))

    def _show_message(self, message: str) -> None:
        """A lasting message hides the diagnosis label (Qt hides normal widgets under a message): the
        message ("finished 20 epochs") then carries the diagnosis itself, so the cure stays in view."""
        self._message = message
        diagnosis = self.diagnosis.text()
        self._displayed = f"{message}   {diagnosis}" if diagnosis else message
        self.bar.showMessage(self._displayed)

    def show_busy(self, text: str) -> None:
        """A wait the user should know about ("Building the model…") replaces the state word."""
        self.busy = text
        self._show_labels(self._status)  # only the labels: the status's message was shown when it came

    def show_status(self, status: WorkerStatus) -> None:
        self._status = status
        self._show_labels(status)
        if status.message:
            self._show_message(localized(status.message))
        elif status.notes:
            self.bar.showMessage(" · ".join(localized(note) for note in status.notes))
        elif status.state == TRAINING or (self._shown and self.bar.currentMessage() == self._displayed):
            self.bar.clearMessage()  # never another message (Saved …) that came after the worker's
            self._message = ""
        self._shown = status.message

    def _show_labels(self, status: WorkerStatus) -> None:
        if self.busy:
            self.state.setText(f"<b style='color:#9a6700'>{self.busy}</b>")
            return
        color = STATE_COLORS.get(status.state, "#57606a")
        self.state.setText(f"<b style='color:{color}'>{self.names.get(status.state, status.state)}</b>")
        self.epoch.setText(self.tr("Epoch {0}").format(status.epoch))
        self.step.setText(self.tr("Step {0}").format(status.step))
        rate = f"{status.steps_per_second:,.0f}" if status.state == TRAINING else "–"
        self.rate.setText(self.tr("{0} steps/s").format(rate))
        self.device.setText(status.device or "–")
        self.elapsed.setText(self.tr("Time {0}").format(elapsed_text(status.seconds)))
