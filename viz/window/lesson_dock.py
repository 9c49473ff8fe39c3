"""The Lesson panel: a dock on the right with the lessons, the step's text, Next and Back.

A step is put on screen the way File → Open puts a session there (:meth:`Documents.show_step`:
each lab checks its part, then one undoable step), so Ctrl+Z takes the learner out of it and
they can explore freely; "Leave lesson" stops pointing and "Back to the lesson" sets the same
step again. Progress (steps seen, exercise attempts) is kept in the data folder
(:mod:`viz.lessons.progress`); a session file keeps the step the learner is on.
"""

from __future__ import annotations

import html

from PyQt6 import QtCore, QtGui, QtWidgets

from ..lessons.format import Lesson, Step, find_lesson, load_lessons, step_session
from ..lessons.progress import load_progress, save_progress

DONE = "✓"


class LessonDock(QtWidgets.QDockWidget):
    """The lessons of ``assets/lessons`` for ``window``; hidden until a lesson is started or
    Help → Lessons is chosen.

    Signals:
        step_shown(name, number): a step was put on screen (or None, 0 when leaving).
    """

    step_shown = QtCore.pyqtSignal(object, int)

    def __init__(self, window):
        super().__init__("Lessons", window)
        self.setObjectName("lessons")
        self.window = window
        self.progress, problem = load_progress(window.data_folder)
        self._progress_problems = [problem] if problem else []
        self._loaded: tuple[list[Lesson], list[str]] | None = None  # read when first needed
        self.lesson: Lesson | None = None  # the lesson open now (None: exploring freely)
        self.number = 0  # its step, from 1
        self.left_at: tuple[str, int] | None = None  # where "Back to the lesson" returns
        self.exercise_widget: QtWidgets.QWidget | None = None

        body = QtWidgets.QWidget()
        layout = QtWidgets.QVBoxLayout(body)
        self.list = QtWidgets.QListWidget()
        self.list.setMaximumHeight(230)
        self.list.itemActivated.connect(self._on_pick)
        self.list.itemClicked.connect(self._on_pick)
        layout.addWidget(self.list)
        self.heading = QtWidgets.QLabel()
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(QtCore.Qt.TextFormat.RichText)
        layout.addWidget(self.heading)
        self.text = QtWidgets.QLabel()
        self.text.setWordWrap(True)
        self.text.setTextFormat(QtCore.Qt.TextFormat.RichText)
        self.text.setAlignment(QtCore.Qt.AlignmentFlag.AlignTop)
        self.text.setTextInteractionFlags(QtCore.Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.text)
        self.exercise_box = QtWidgets.QVBoxLayout()
        layout.addLayout(self.exercise_box)
        layout.addStretch(1)
        buttons = QtWidgets.QHBoxLayout()
        self.back_button = QtWidgets.QPushButton("◀ Back")
        self.next_button = QtWidgets.QPushButton("Next ▶")
        self.back_button.setToolTip("The previous step (Alt+Left)")
        self.next_button.setToolTip("The next step (Alt+Right)")
        self.back_button.clicked.connect(self.back)
        self.next_button.clicked.connect(self.next)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.next_button)
        layout.addLayout(buttons)
        self.leave_button = QtWidgets.QPushButton("Leave lesson")
        self.leave_button.setToolTip("Explore freely; come back to this step whenever you like")
        self.leave_button.clicked.connect(self._leave_or_return)
        layout.addWidget(self.leave_button)
        self.reset_button = QtWidgets.QPushButton("Reset progress…")
        self.reset_button.setFlat(True)
        self.reset_button.clicked.connect(self.ask_reset)
        layout.addWidget(self.reset_button)
        self.setWidget(body)
        self.setMinimumWidth(320)

        self.next_action = QtGui.QAction("Next Step", window)
        self.next_action.setShortcut(QtGui.QKeySequence("Alt+Right"))
        self.next_action.triggered.connect(self.next)
        self.back_action = QtGui.QAction("Previous Step", window)
        self.back_action.setShortcut(QtGui.QKeySequence("Alt+Left"))
        self.back_action.triggered.connect(self.back)
        window.addAction(self.next_action)
        window.addAction(self.back_action)
        self._show_text()

    # -- the lessons, read (and checked) the first time they are needed: not at start-up --------
    @property
    def lessons(self) -> list[Lesson]:
        return self._load()[0]

    @property
    def problems(self) -> list[str]:
        return self._load()[1]

    def _load(self) -> tuple[list[Lesson], list[str]]:
        if self._loaded is None:
            lessons, problems = load_lessons()
            self._loaded = (lessons, problems + self._progress_problems)
            self.fill_list()
        return self._loaded

    def showEvent(self, event: QtGui.QShowEvent) -> None:
        self._load()
        super().showEvent(event)

    # -- what the learner sees -------------------------------------------------------------
    def fill_list(self) -> None:
        """One line per lesson: its number and title, and how many steps are done."""
        self.list.clear()
        for number, lesson in enumerate(self.lessons, start=1):
            done, total = self.progress.done_count(lesson), len(lesson.steps)
            mark = f"{DONE} " if done == total else ""
            item = QtWidgets.QListWidgetItem(f"{mark}{number}. {lesson.title}   {done}/{total}")
            item.setToolTip(lesson.summary)
            item.setData(QtCore.Qt.ItemDataRole.UserRole, lesson.name)
            self.list.addItem(item)
            if self.lesson is not None and lesson.name == self.lesson.name:
                self.list.setCurrentItem(item)
        for problem in self.problems:
            item = QtWidgets.QListWidgetItem(f"⚠ {problem}")
            item.setFlags(QtCore.Qt.ItemFlag.NoItemFlags)
            item.setToolTip(problem)
            self.list.addItem(item)

    def _show_text(self) -> None:
        lesson, step = self.lesson, self.step
        in_lesson = lesson is not None and step is not None
        self.back_button.setEnabled(in_lesson and self.number > 1)
        self.next_button.setEnabled(in_lesson and self.number < len(lesson.steps))
        self.next_action.setEnabled(self.next_button.isEnabled())
        self.back_action.setEnabled(self.back_button.isEnabled())
        self.leave_button.setVisible(in_lesson or self.left_at is not None)
        self.leave_button.setText("Leave lesson" if in_lesson else "Back to the lesson")
        self._show_exercise(step if in_lesson else None)
        if not in_lesson:
            self.heading.setText("<b>Lessons</b>")
            self.text.setText("Pick a lesson above. Each one sets the scene step by step; Undo "
                              "(Ctrl+Z) takes you out of a step to explore, and you can come back.")
            return
        self.heading.setText(f"<b>{html.escape(lesson.title)}</b><br>Step {self.number} of "
                             f"{len(lesson.steps)}: {html.escape(step.title)}")
        self.text.setText(f"<p style='line-height: 130%'>{html.escape(step.text)}</p>")

    def _show_exercise(self, step: Step | None) -> None:
        """The step's exercise, when it has one: an :class:`~viz.window.exercise_widget.ExerciseWidget`,
        or a :class:`~viz.window.transform_game_widget.TransformGameWidget` for the transform game;
        every answer checked is counted in the progress."""
        if self.exercise_widget is not None:
            self.exercise_box.removeWidget(self.exercise_widget)
            self.exercise_widget.hide()  # gone at once, deleted when the event loop comes round
            self.exercise_widget.deleteLater()
            self.exercise_widget = None
        if step is None or step.exercise is None:
            return
        from ..lessons.exercises import exercise_from_table
        from ..lessons.transform_game import TransformGame

        exercise = exercise_from_table(dict(step.exercise))
        widget: QtWidgets.QWidget
        if isinstance(exercise, TransformGame):
            from .transform_game_widget import TransformGameWidget

            widget = TransformGameWidget(exercise)
        else:
            from .exercise_widget import ExerciseWidget

            widget = ExerciseWidget(exercise)
        widget.answered.connect(lambda feedback: self.record_attempt(feedback.correct))
        self.exercise_widget = widget
        self.exercise_box.addWidget(widget)

    @property
    def step(self) -> Step | None:
        return self.lesson.steps[self.number - 1] if self.lesson is not None and self.number else None

    # -- moving through a lesson -----------------------------------------------------------
    def start(self, name: str, number: int = 1) -> bool:
        """Open lesson ``name`` at step ``number`` and show the dock."""
        lesson = find_lesson(self.lessons, name)
        self.show()
        self.raise_()
        return self.go_to(lesson, number)

    def go_to(self, lesson: Lesson, number: int) -> bool:
        """Put step ``number`` of ``lesson`` on screen as one undoable step, point at its thing."""
        number = min(max(number, 1), len(lesson.steps))
        step = lesson.steps[number - 1]
        session = step_session(lesson, number, self.window.documents.current_session())
        self.window.documents.show_step(session, f"Lesson step: {step.title}")
        self.lesson, self.number, self.left_at = lesson, number, None
        self._point()
        self.progress.mark_seen(lesson.name, number)
        self._save()
        self._show_text()
        self.fill_list()
        self.step_shown.emit(lesson.name, number)
        return True

    def _point(self) -> None:
        """Ring what the step points at; nothing anywhere else."""
        step = self.step
        for lab in self.window.open_labs():
            lab.highlight(step.highlight if step is not None and lab.name == step.lab else None)

    def next(self) -> None:
        if self.lesson is not None and self.number < len(self.lesson.steps):
            self.go_to(self.lesson, self.number + 1)

    def back(self) -> None:
        if self.lesson is not None and self.number > 1:
            self.go_to(self.lesson, self.number - 1)

    def leave(self) -> None:
        """Stop the lesson here (the scene stays); "Back to the lesson" returns to this step."""
        if self.lesson is None:
            return
        self.left_at = (self.lesson.name, self.number)
        self.lesson, self.number = None, 0
        self._point()
        self._show_text()
        self.step_shown.emit(None, 0)

    def back_to_lesson(self) -> None:
        if self.left_at is not None:
            name, number = self.left_at
            self.go_to(find_lesson(self.lessons, name), number)

    def _leave_or_return(self) -> None:
        if self.lesson is not None:
            self.leave()
        else:
            self.back_to_lesson()

    def _on_pick(self, item: QtWidgets.QListWidgetItem) -> None:
        name = item.data(QtCore.Qt.ItemDataRole.UserRole)
        if name and (self.lesson is None or name != self.lesson.name):
            self.go_to(find_lesson(self.lessons, name), 1)

    # -- sessions and progress -----------------------------------------------------------
    def position(self) -> tuple[str, int] | None:
        """The lesson step on screen, for the session file (None when exploring freely)."""
        return (self.lesson.name, self.number) if self.lesson is not None else None

    def restore(self, position: tuple[str, int] | None) -> None:
        """A session was opened: take up its lesson step (its scene came with the file), or
        leave the lesson when it has none. A lesson this app does not have is left out, said."""
        if position is None:
            if self.lesson is not None:
                self.leave()
            return
        name, number = position
        try:
            lesson = find_lesson(self.lessons, name)
        except ValueError:
            self.window.status(f"The session was on lesson {name!r}, which this app does not have", 8000)
            return
        self.lesson, self.number, self.left_at = lesson, min(number, len(lesson.steps)), None
        self._point()
        self._show_text()
        self.fill_list()
        self.show()

    def record_attempt(self, correct: bool) -> None:
        """The learner answered the step's exercise (right or not): count it and keep it."""
        if self.lesson is not None:
            self.progress.record_attempt(self.lesson.name, self.number, correct)
            self._save()
            self.fill_list()

    def _save(self) -> None:
        try:
            save_progress(self.progress, self.window.data_folder)
        except OSError as error:
            self.window.status(f"Lesson progress could not be saved: {error}", 8000)

    def ask_reset(self) -> None:
        from . import dialogs
        from .dialogs import Button

        answer = dialogs.ask_user(self.window, "Reset Progress",
                                  "Forget which lessons and steps you have done, and your attempts?",
                                  Button.Yes | Button.No, Button.No)
        if answer == Button.Yes:
            self.reset()

    def reset(self) -> None:
        self.progress.reset()
        self._save()
        self.fill_list()
