"""The Lessons panel: the open lesson's text beside the plots, its "try this" buttons, its numbers.

Opening a lesson builds its experiment like any file (the unsaved-changes prompt included) but
leaves the document untitled, so Save never overwrites a built-in lesson. A "try this" button is
one undoable edit of the document and then a fresh run: new weights from the seed, epoch 0, the
lesson's epoch limit — so Train after it trains the changed experiment as long as the lesson's own
run, and the two runs compare fairly (one rule for every button, said in the panel's text). "Start
the lesson again" puts back the lesson's whole experiment and starts a fresh run too. For lessons
that know the parameters their data came from, a table puts the learned values next to them, read
from the runner whenever training stops.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStatusBar,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)
from superqt.utils import signals_blocked

from playground.core.lessons import Lesson, LessonError, apply_patch, lesson_experiment, lessons
from playground.core.protocol import RemoteError
from playground.core.remote import PARAMETER_VALUES
from playground.core.spec import Experiment
from playground.core.status import TRAINING

if TYPE_CHECKING:
    from playground.app.document import ExperimentDocument
    from playground.app.ports import FileActions
    from playground.app.session import EngineSession
    from playground.app.training import TrainingController


def lesson_text(text: str) -> str:
    """A lesson string in the user's language (lesson texts live in the "lessons" context)."""
    return QCoreApplication.translate("lessons", text)


def _flat(value: object) -> list[float]:
    if isinstance(value, list):
        return [v for item in value for v in _flat(item)]
    return [float(value)]  # type: ignore[arg-type]


class LessonPanel(QWidget):
    """Lists the built-in lessons, shows the open one and applies its changes.

    It opens a lesson as the file actions open a file (``files``: the unsaved-changes question, the
    build), starts a fresh run through the session, and reads learned values from the runner.
    """

    lessonOpened = Signal(str)
    """The title of the lesson just opened."""

    def __init__(self, document: ExperimentDocument, controller: TrainingController, session: EngineSession,
                 files: FileActions, status: QStatusBar, parent: QWidget | None = None,
                 folder: Path | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lessonPanel")
        self.document = document
        self.controller = controller
        self.session = session
        self.files = files
        self.status = status
        try:
            self.lessons: list[tuple[Path, Lesson]] = lessons(folder)
        except LessonError as exc:  # a broken lesson file: say so, keep the window
            self.lessons = []
            self._load_error = str(exc)
        else:
            self._load_error = ""
        self.current: int | None = None
        self._show_answer = False
        self._learned: dict[str, list] | None = None
        self._build()
        document.pathChanged.connect(self._path_changed)
        controller.statusChanged.connect(self._status_changed)
        self._show()

    # ------------------------------------------------------------------ layout
    def _build(self) -> None:
        self.choice = QComboBox(objectName="lessonChoice")
        self.choice.addItem(self.tr("Choose a lesson…"), -1)
        for i, (_path, lesson) in enumerate(self.lessons):
            self.choice.addItem(f"{i + 1}. {lesson_text(lesson.title)}", i)
        self.choice.setToolTip(self.tr("Open a guided experiment"))
        self.choice.activated.connect(self._chosen)
        self.previous = QPushButton("◀", objectName="previousLesson")
        self.previous.setToolTip(self.tr("Previous lesson"))
        self.previous.setFixedWidth(32)
        self.previous.clicked.connect(lambda: self._step(-1))
        self.next = QPushButton("▶", objectName="nextLesson")
        self.next.setToolTip(self.tr("Next lesson"))
        self.next.setFixedWidth(32)
        self.next.clicked.connect(lambda: self._step(1))
        top = QHBoxLayout()
        top.addWidget(self.choice, 1)
        top.addWidget(self.previous)
        top.addWidget(self.next)

        self.text = QTextBrowser(objectName="lessonText")
        self.text.setOpenLinks(False)
        self.text.anchorClicked.connect(self._link)
        self.answer_button = QPushButton(self.tr("Show the answer and the app's numbers"),
                                         objectName="showAnswer", checkable=True)
        self.answer_button.toggled.connect(self._toggle_answer)
        self.try_box = QVBoxLayout()
        self.try_box.setSpacing(4)
        self.try_label = QLabel(self.tr("<b>Try this</b>"), objectName="tryLabel")
        self.restart = QPushButton(self.tr("Start the lesson again"), objectName="restartLesson")
        self.restart.setToolTip(self.tr("The lesson's own experiment, as it was opened, and a fresh run "
                                        "(Undo brings your changes back)"))
        self.restart.clicked.connect(self._restart)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.answer_button)
        layout.addWidget(self.try_label)
        layout.addLayout(self.try_box)
        layout.addWidget(self.restart)
        self.try_buttons: list[QPushButton] = []

    # ------------------------------------------------------------------ opening
    def open_lesson(self, index: int) -> bool:
        """Open lesson ``index`` (asks about unsaved changes first); True when it is open."""
        path, lesson = self.lessons[index]
        files = self.files
        if not files.maybe_save():
            self._show()
            return False
        experiment = lesson_experiment(lesson, path)
        experiment.name = lesson_text(lesson.title)
        if not files.adopt(experiment, None):
            self._show()
            return False
        self.document.scratch_runs = True  # leaving a lesson's run asks nothing (it says so)
        self.current = index
        self._show_answer = False
        self._learned = None
        self._show()
        self.text.verticalScrollBar().setValue(0)  # a new lesson starts at its title
        self.lessonOpened.emit(lesson.title)
        return True

    def _chosen(self) -> None:
        index = self.choice.currentData()
        if isinstance(index, int) and index >= 0 and index != self.current:
            self.open_lesson(index)
        else:
            self._show()

    def _step(self, step: int) -> None:
        target = (self.current if self.current is not None else -1) + step
        if 0 <= target < len(self.lessons):
            self.open_lesson(target)

    def _path_changed(self, _path: object) -> None:
        """Another file was opened or saved, or File ▸ New: the lesson is left (``open_lesson`` sets
        ``current`` after its own adopt, so the lesson it opens stays)."""
        if self.current is not None:
            self.current = None
            self._show()

    @property
    def lesson(self) -> Lesson | None:
        return self.lessons[self.current][1] if self.current is not None else None

    # ------------------------------------------------------------------ changes
    def apply(self, index: int) -> bool:
        """The lesson's experiment with "try this" change ``index`` (one undoable edit), and a fresh run."""
        lesson = self.lesson
        if lesson is None:
            return False
        change = lesson.try_this[index]
        path = self.lessons[self.current][0]  # type: ignore[index]
        try:  # on the lesson's own experiment: each button is one change, not a pile of them
            changed = apply_patch(lesson_experiment(lesson, path), change.patch)
        except ValueError as exc:
            self.status.showMessage(str(exc), 6000)
            return False

        return self._fresh_run(changed, lesson_text(change.label))

    def _restart(self) -> None:
        """The lesson's own experiment (one undoable edit) and a fresh run of it."""
        if self.current is None:
            return
        path, lesson = self.lessons[self.current]
        self._learned = None
        self._fresh_run(lesson_experiment(lesson, path), self.tr("Start the lesson again"))
        self._show()

    def _fresh_run(self, target: Experiment, text: str) -> bool:
        """Make ``target``'s data, model, training and view the document's (one undoable edit), on a
        fresh run: weights from the seed, epoch 0, the lesson's epoch limit.

        Asks nothing: a lesson's runs are its own, and its text says each button starts afresh. The
        run is reset first, so the edit meets an engine with nothing to lose: a structural change
        rebuilds it at once, a hyper-parameter goes to it as it is.
        """
        document = self.document
        if self.controller.status.step > 0 or not self.session.in_sync():
            try:
                self.session.load(document.experiment, document.base_dir)
            except Exception as exc:  # the data or device cannot be used: say so, keep the old run
                self.status.showMessage(str(exc), 6000)
                return False

        def mutate(experiment: Experiment) -> None:
            for name in ("data", "model", "training", "view"):
                setattr(experiment, name, getattr(target, name))

        document.edit(mutate, text)
        return True

    # ------------------------------------------------------------------ learned vs true
    def _status_changed(self, status: object) -> None:
        lesson = self.lesson
        if lesson is None or not lesson.true_values or getattr(status, "state", TRAINING) == TRAINING:
            return
        QTimer.singleShot(0, self._read_learned)  # not inside the status signal: the call waits

    def _read_learned(self) -> None:
        if self.lesson is None or self.controller.state == TRAINING:
            return
        try:
            self._learned = self.controller.call(PARAMETER_VALUES)
        except RemoteError:  # an error, a timeout or a dead runner
            self._learned = None
        self._show()

    def _values_table(self, lesson: Lesson) -> str:
        assert lesson.true_values is not None
        head = (self.tr("parameter"), self.tr("true"), self.tr("learned"))
        rows = ["| " + " | ".join(head) + " |", "|---|---|---|"]
        for name, true in lesson.true_values.items():
            learned = self._learned.get(name) if self._learned else None
            for k, value in enumerate(_flat(true)):
                got = _flat(learned)[k] if learned is not None else None
                shown = f"{got:.5f}" if got is not None else "–"
                rows.append(f"| {name}[{k}] | {value:g} | {shown} |")
        return "\n".join(rows)

    # ------------------------------------------------------------------ text
    def _toggle_answer(self, shown: bool) -> None:
        self._show_answer = shown
        self._show()

    def _link(self, url) -> None:
        target = url.toString()
        if target.startswith("lesson:"):
            self.open_lesson(int(target.removeprefix("lesson:")))

    def markdown(self) -> str:
        """The panel's text as Markdown (what the browser shows)."""
        lesson = self.lesson
        h = {"lessons": self.tr("Lessons"), "do": self.tr("What to do"), "watch": self.tr("What to watch"),
             "think": self.tr("Think about it"), "values": self.tr("Learned and true parameters"),
             "try": self.tr("Try this"),
             "buttons": self.tr("the buttons below: each one sets up the lesson's experiment with that one "
                                "change and starts a fresh run from epoch 0, so press Train after it; "
                                "Undo takes a change back"),
             "answer": self.tr("Answer"), "results": self.tr("What the app gets")}
        if lesson is None:
            items = "\n".join(f"{i + 1}. [{lesson_text(lsn.title)}](lesson:{i})"
                              for i, (_p, lsn) in enumerate(self.lessons))
            intro = self.tr("Guided experiments from the classic PyTorch exercises. Choose one to open it; "
                            "its text appears here, beside the plots.")
            error = f"\n\n**{self._load_error}**" if self._load_error else ""
            return f"### {h['lessons']}\n\n{intro}\n\n{items}{error}"
        parts = [f"### {lesson_text(lesson.title)}", lesson_text(lesson.goal),
                 f"**{h['do']}**",
                 "\n".join(f"{k}. {lesson_text(s)}" for k, s in enumerate(lesson.steps, 1)),
                 f"**{h['watch']}**", lesson_text(lesson.watch),
                 f"**{h['think']}**", lesson_text(lesson.question)]
        if lesson.true_values:
            parts += [f"**{h['values']}**", self._values_table(lesson)]
        if lesson.try_this:
            parts += [f"**{h['try']}** ({h['buttons']})",
                      "\n".join(f"- *{lesson_text(t.label)}*" + (f": {lesson_text(t.explain)}" if t.explain else "")
                                for t in lesson.try_this)]
        if self._show_answer:
            if lesson.answer:
                parts += [f"**{h['answer']}**", lesson_text(lesson.answer)]
            if lesson.results:
                parts += [f"**{h['results']}**", lesson_text(lesson.results)]
        return "\n\n".join(parts)

    def _show(self) -> None:
        lesson = self.lesson
        with signals_blocked(self.choice):
            self.choice.setCurrentIndex(self.choice.findData(self.current if self.current is not None else -1))
        self.previous.setEnabled(self.current is not None and self.current > 0)
        self.next.setEnabled(self.current is None or self.current < len(self.lessons) - 1)
        bar = self.text.verticalScrollBar().value()
        self.text.setMarkdown(self.markdown())
        self.text.verticalScrollBar().setValue(bar)
        has = lesson is not None
        self.answer_button.setVisible(has and bool(lesson.answer or lesson.results))
        with signals_blocked(self.answer_button):
            self.answer_button.setChecked(self._show_answer)
        self.restart.setVisible(has)
        for button in self.try_buttons:
            self.try_box.removeWidget(button)
            button.deleteLater()
        self.try_buttons = []
        changes = lesson.try_this if lesson is not None else []
        self.try_label.setVisible(bool(changes))
        for i, change in enumerate(changes):
            button = QPushButton(lesson_text(change.label), objectName=f"try_{i}")
            if change.explain:
                button.setToolTip(lesson_text(change.explain))
            button.setStyleSheet("text-align: left; padding: 3px 8px;")
            button.clicked.connect(lambda _checked=False, k=i: self.apply(k))
            self.try_box.addWidget(button)
            self.try_buttons.append(button)
