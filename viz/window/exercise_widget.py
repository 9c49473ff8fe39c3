"""One exercise on screen: the question, an input suited to its kind, Check, the feedback that
names the mistake, and the reveal — the truth animated over the learner's prediction.

The checking is :mod:`viz.lessons.exercises`' (Qt-free); this widget only collects the answer
and draws. Inputs per kind: a line edit (det, eigenvalue), a point dragged on a small plane
(land, collapse; Shift snaps while dragging, and the dropped point is always snapped to the
exercise's grid, which is what is checked), check boxes (span), radio buttons (rate) and two
pictures to choose from (order). The reveal plays the studio's :class:`~viz.animation.Animator`
(its ``TransformPath``) from I to the matrix, while the learner's ring stays where they put it.
"""

from __future__ import annotations

import numpy as np
from PyQt6 import QtCore, QtWidgets

from kernels import Matrix
from kernels.notation import scalar_text, vector_text

from ..animation import Animator
from ..interpolation import TransformPath
from ..items.guess_point import GuessPoint
from ..items.vector_arrow import VectorArrow
from ..lessons.exercises import (
    DeterminantExercise,
    DraggedExercise,
    EigenvalueExercise,
    Exercise,
    Feedback,
    LandExercise,
    OrderExercise,
    RateExercise,
    SpanExercise,
    TypedExercise,
)
from ..scene import Scene, SceneState, VectorStyle, accept, build_scene
from ..views.plane_view import PlaneView

REVEAL_SECONDS = 1.4
GUESS_HANDLE = "guess"
PLANE_SIZE = (360, 300)


#: A scene holds at least one vector: a plane that shows none holds this one, hidden.
UNSHOWN = ("unshown", Matrix.identity(2).column(0))


def plane_scene(matrix: Matrix, vectors=(), selection=(), show: str = "vector") -> Scene:
    """The scene of a small exercise plane: ``matrix`` and named plain vectors (no images)."""
    vectors = tuple(vectors) or (UNSHOWN,)
    styles = {name: VectorStyle(show=show) for name, _ in vectors}
    state = SceneState(matrix, tuple(vectors), styles=styles, selection=tuple(selection))
    return build_scene(state.checked(), accept(matrix))


class ExercisePlane(PlaneView):
    """A small PlaneView for an exercise: nothing of the studio's can be dragged, only the
    learner's prediction (when there is one)."""

    def __init__(self, scene: Scene, parent=None):
        self.guess_handle: tuple[float, float] | None = None  # before the view first draws
        super().__init__(scene, parent)
        self.setMinimumSize(*PLANE_SIZE)

    def show_scene(self, scene: Scene) -> None:
        super().show_scene(scene)
        for item, arrow in zip(self.arrows, scene.arrows):
            if arrow.name == UNSHOWN[0]:
                item.set_visible(False)

    def show_matrix(self, display) -> None:
        super().show_matrix(display)
        for name in self.view_box.handles:
            self.view_box.remove_handle(name)
        if self.guess_handle is not None:
            self.view_box.set_handle(GUESS_HANDLE, self.guess_handle)

    def frame_points(self, points, margin: float = 1.0) -> None:
        """Show the square around the origin that holds every point, with a margin."""
        reach = max([2.0, *(abs(float(c)) for p in points for c in p)]) + margin
        width, height = self.width(), self.height()
        aspect = width / height if height else 1.0
        self.set_range((-reach * max(aspect, 1.0), reach * max(aspect, 1.0),
                        -reach / min(aspect, 1.0), reach / min(aspect, 1.0)))


class ExerciseWidget(QtWidgets.QWidget):
    """Shows ``exercise``; emits :attr:`answered` with the :class:`Feedback` of every check.

    Signals:
        answered(Feedback): the learner checked an answer (right or wrong).
    """

    answered = QtCore.pyqtSignal(object)

    def __init__(self, exercise: Exercise, parent=None):
        super().__init__(parent)
        self.animator = Animator(duration=REVEAL_SECONDS, parent=self)
        self.animator.frame.connect(self._on_frame)
        self.question = QtWidgets.QLabel(wordWrap=True)
        self.question.setTextInteractionFlags(QtCore.Qt.TextInteractionFlag.TextSelectableByMouse)
        self.body = QtWidgets.QWidget()
        self.check_button = QtWidgets.QPushButton("Check")
        self.check_button.setDefault(True)
        self.check_button.clicked.connect(self.check)
        self.variant_button = QtWidgets.QPushButton("New variant")
        self.variant_button.clicked.connect(self.new_variant)
        self.feedback = QtWidgets.QLabel(wordWrap=True)
        self.feedback.setTextInteractionFlags(QtCore.Qt.TextInteractionFlag.TextSelectableByMouse)
        self.seed = QtWidgets.QLabel()
        self.seed.setTextInteractionFlags(QtCore.Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QtWidgets.QHBoxLayout()
        buttons.addWidget(self.check_button)
        buttons.addWidget(self.variant_button)
        buttons.addStretch(1)
        buttons.addWidget(self.seed)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(self.question)
        layout.addWidget(self.body, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.feedback)
        self.exercise = exercise
        self.last_feedback: Feedback | None = None
        self._build()

    # -- building the input for a kind --------------------------------------------------------
    def _build(self) -> None:
        exercise = self.exercise
        self.animator.pause()
        old = self.body.layout()
        if old is not None:
            QtWidgets.QWidget().setLayout(old)  # the old layout and its widgets go with a throwaway parent
        self.question.setText(exercise.question)
        self.seed.setText(exercise.seed_text)
        self.feedback.setText("")
        self.last_feedback = None
        self.guess: GuessPoint | None = None
        self.truth_arrow: VectorArrow | None = None
        self.planes: list[ExercisePlane] = []
        self._paths: list[TransformPath] = []
        self.entry: QtWidgets.QLineEdit | None = None
        self.choices: list[QtWidgets.QAbstractButton] = []
        layout = QtWidgets.QVBoxLayout(self.body)
        layout.setContentsMargins(0, 0, 0, 0)
        if isinstance(exercise, TypedExercise):
            self._build_typed(layout)
        elif isinstance(exercise, DraggedExercise):
            self._build_dragged(layout)
        elif isinstance(exercise, OrderExercise):
            self._build_order(layout)
        elif isinstance(exercise, SpanExercise):
            self._build_span(layout)
        elif isinstance(exercise, RateExercise):
            self._build_rate(layout)

    def _build_typed(self, layout: QtWidgets.QVBoxLayout) -> None:
        exercise = self.exercise
        self.entry = QtWidgets.QLineEdit(placeholderText="type a number, e.g. −3 or 5/2")
        self.entry.returnPressed.connect(self.check)
        if isinstance(exercise, EigenvalueExercise):
            plane = ExercisePlane(plane_scene(exercise.matrix, (("v", exercise.vector),)))
            self._add_plane(layout, plane, [exercise.vector, exercise.matrix @ exercise.vector])
        elif isinstance(exercise, DeterminantExercise) and exercise.matrix.shape == (2, 2):
            plane = ExercisePlane(plane_scene(exercise.matrix))
            M = exercise.matrix
            self._add_plane(layout, plane, [M.column(0), M.column(1), M.column(0) + M.column(1)])
        layout.addWidget(self.entry)

    def _build_dragged(self, layout: QtWidgets.QVBoxLayout) -> None:
        exercise = self.exercise
        plain_v = isinstance(exercise, LandExercise) and not exercise.composed
        vectors = (("v", exercise.vector),) if plain_v else ()
        matrix = exercise.product if isinstance(exercise, LandExercise) else exercise.matrix
        plane = ExercisePlane(plane_scene(matrix, vectors))
        reach = exercise.reach
        self._add_plane(layout, plane, [(reach, reach)])
        colors = plane.picture.colors
        self.guess = GuessPoint(plane.view_box, "your guess", z=60)
        self.guess.set_style(colors.collapse)
        self.guess.set_point(1.0, 1.0)
        plane.guess_handle = (1.0, 1.0)
        if isinstance(exercise, LandExercise):  # the collapse's truth is the view's collapse line
            self.truth_arrow = VectorArrow(plane.view_box, exercise.target_name, z=55)
            self.truth_arrow.set_style(plane.picture.look.text, width=3.5)
            self.truth_arrow.set_visible(False)
        plane.view_box.handle_dragged.connect(self._on_dragged)
        plane.show_matrix(np.eye(2))
        self.answer_label = QtWidgets.QLabel()
        layout.addWidget(self.answer_label)
        self._show_guess(exercise.snap(1.0, 1.0))

    def _build_order(self, layout: QtWidgets.QVBoxLayout) -> None:
        exercise = self.exercise
        row = QtWidgets.QHBoxLayout()
        group = QtWidgets.QButtonGroup(self)
        points = [c for M in exercise.pictures for c in M.columns]
        for index, matrix in enumerate(exercise.pictures):
            column = QtWidgets.QVBoxLayout()
            plane = ExercisePlane(plane_scene(matrix))
            plane.setMinimumSize(260, 240)
            self.planes.append(plane)
            column.addWidget(plane, 1)
            choice = QtWidgets.QRadioButton(f"the {('left', 'right')[index]} picture is AB")
            group.addButton(choice, index)
            self.choices.append(choice)
            column.addWidget(choice)
            row.addLayout(column)
        layout.addLayout(row)
        for plane in self.planes:
            plane.frame_points(points)
            plane.show_matrix(plane.picture.matrix_floats)

    def _build_span(self, layout: QtWidgets.QVBoxLayout) -> None:
        exercise = self.exercise
        named = tuple(zip(exercise.names, exercise.vectors))
        plane = ExercisePlane(plane_scene(Matrix.identity(2), named))
        self._add_plane(layout, plane, exercise.vectors)
        row = QtWidgets.QHBoxLayout()
        for name, vector in named:
            box = QtWidgets.QCheckBox(f"{name} = {vector_text(vector)}")
            self.choices.append(box)
            row.addWidget(box)
        row.addStretch(1)
        layout.addLayout(row)

    def _build_rate(self, layout: QtWidgets.QVBoxLayout) -> None:
        group = QtWidgets.QButtonGroup(self)
        for index, alpha in enumerate(self.exercise.rates):
            choice = QtWidgets.QRadioButton(f"α = {scalar_text(alpha)}")
            group.addButton(choice, index)
            self.choices.append(choice)
            layout.addWidget(choice)
        layout.addStretch(1)

    def _add_plane(self, layout: QtWidgets.QVBoxLayout, plane: ExercisePlane, points) -> None:
        self.planes.append(plane)
        layout.addWidget(plane, 1)
        plane.resize(*PLANE_SIZE)
        plane.frame_points(points)
        plane.show_matrix(np.eye(2))

    # -- the learner's answer -------------------------------------------------------------------
    def _show_guess(self, point) -> None:
        """Put the ring on the (snapped) point that will be checked."""
        assert self.guess is not None
        x, y = (float(c) for c in point)
        self.guess.set_point(x, y)
        self.planes[0].guess_handle = (x, y)
        self.planes[0].view_box.set_handle(GUESS_HANDLE, (x, y))
        self.answer_label.setText(f"Your point: {vector_text(point)}")

    def _on_dragged(self, name: str, x: float, y: float, finished: bool) -> None:
        if name != GUESS_HANDLE or self.guess is None:
            return
        if finished:
            self._show_guess(self.exercise.snap(x, y))
        else:
            self.guess.set_point(x, y)
            self.answer_label.setText(f"Your point: {vector_text(self.exercise.snap(x, y))}")

    def answer(self):
        """The learner's answer in the exercise's terms; ValueError when there is none yet."""
        exercise = self.exercise
        if isinstance(exercise, TypedExercise):
            assert self.entry is not None
            return exercise.read(self.entry.text())
        if isinstance(exercise, DraggedExercise):
            assert self.guess is not None
            return exercise.snap(*self.guess.point)
        if isinstance(exercise, SpanExercise):
            return frozenset(i for i, box in enumerate(self.choices) if box.isChecked())
        chosen = [i for i, button in enumerate(self.choices) if button.isChecked()]
        if not chosen:
            raise ValueError("choose one first")
        return chosen[0]

    # -- checking and the reveal --------------------------------------------------------------------
    def check(self) -> Feedback | None:
        """Check the answer, show the feedback, start the reveal and emit :attr:`answered`."""
        try:
            answer = self.answer()
        except ValueError as error:
            self.feedback.setText(str(error))
            return None
        feedback = self.exercise.check(answer)
        self.last_feedback = feedback
        mark = "✓" if feedback.correct else "✗"
        self.feedback.setText(f"{mark} {feedback.message}")
        self._reveal(answer)
        self.answered.emit(feedback)
        return feedback

    @property
    def revealing(self) -> bool:
        return self.animator.playing

    def _reveal(self, answer) -> None:
        exercise = self.exercise
        if isinstance(exercise, SpanExercise):
            named = tuple(zip(exercise.names, exercise.vectors))
            plane = self.planes[0]
            plane.show_scene(plane_scene(Matrix.identity(2), named, selection=sorted(answer)))
            return
        if isinstance(exercise, RateExercise):
            lines = [f"α = {scalar_text(a)}: the error is × {scalar_text(exercise.rate(i))} per step"
                     f"{' (it never shrinks)' if exercise.rate(i) >= 1 else ''}"
                     for i, a in enumerate(exercise.rates)]
            self.feedback.setText(self.feedback.text() + "\n" + "\n".join(lines))
            return
        if isinstance(exercise, OrderExercise):
            for index, button in enumerate(self.choices):
                button.setText(f"{('left', 'right')[index]}: {'AB' if index == exercise.truth else 'BA'}")
        if isinstance(exercise, EigenvalueExercise):
            plane = self.planes[0]
            plane.show_scene(plane_scene(exercise.matrix, (("v", exercise.vector),), show="both"))
        if self.truth_arrow is not None:
            self.truth_arrow.set_visible(True)
        if self.planes:
            self._paths = [TransformPath(np.eye(2), plane.picture.matrix_floats) for plane in self.planes]
            self.animator.play(np.eye(2), self.planes[0].picture.matrix_floats)

    def _on_frame(self, display, t: float) -> None:
        """One frame of the reveal: every plane on its own path from I, at the same moment."""
        eased = self.animator.easing(t)
        for plane, path in zip(self.planes, self._paths):
            plane.show_matrix(path.at(eased))
        if self.truth_arrow is not None and isinstance(self.exercise, LandExercise):
            self.truth_arrow.set_tip(*(display @ np.array(self.exercise.vector.to_floats(), dtype=float)))

    def new_variant(self) -> None:
        """A new but similar problem (the next variant of the seed)."""
        self.exercise = self.exercise.retry()
        self._build()
