"""The exercise and transform-game widgets driven like a learner: type, drag with Shift, tick,
check, see the mistake named and the reveal finish; play the game to the goal."""

import numpy as np
import pytest
from PyQt6 import QtCore

from kernels import Vector
from viz.lessons.exercises import KINDS, exercise_from_table
from viz.lessons.transform_game import TransformGame
from viz.window.exercise_widget import ExerciseWidget
from viz.window.transform_game_widget import TransformGameWidget

from .conftest import drag


@pytest.fixture
def show(qtbot):
    def shown(widget):
        qtbot.addWidget(widget)
        widget.resize(560, 560)
        widget.show()
        qtbot.waitExposed(widget)
        return widget
    return shown


def check_and_wait(qtbot, widget):
    with qtbot.waitSignal(widget.answered, timeout=2000) as signal:
        qtbot.mouseClick(widget.check_button, QtCore.Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not widget.revealing, timeout=4000)
    return signal.args[0]


def test_typing_det_names_the_flipped_sign_and_the_reveal_lands_on_m(qtbot, show):
    widget = show(ExerciseWidget(exercise_from_table({"kind": "det", "matrix": "2 1; 1 3"})))
    qtbot.keyClicks(widget.entry, "-5")
    feedback = check_and_wait(qtbot, widget)
    assert not feedback.correct and feedback.mistakes == ("the sign of det flipped",)
    assert "sign" in widget.feedback.text()
    assert np.allclose(widget.planes[0].display, [[2, 1], [1, 3]])  # the reveal ended on M
    widget.entry.setText("5")
    assert check_and_wait(qtbot, widget).correct


def test_a_word_is_not_an_answer(qtbot, show):
    widget = show(ExerciseWidget(KINDS["eigenvalue"].drawn(1)))
    qtbot.keyClicks(widget.entry, "lots")
    qtbot.mouseClick(widget.check_button, QtCore.Qt.MouseButton.LeftButton)
    assert widget.last_feedback is None and widget.feedback.text()


def test_dragging_with_shift_snaps_and_the_truth_grows_while_the_guess_stays(qtbot, show):
    exercise = exercise_from_table({"kind": "land", "matrix": "2 1; 0 1", "vector": "1 2"})  # Mv = (4, 2)
    widget = show(ExerciseWidget(exercise))
    plane = widget.planes[0]
    drag(qtbot, plane, (1, 1), (2.2, 2.9), modifiers=QtCore.Qt.KeyboardModifier.ShiftModifier)
    assert widget.guess.point == (2.0, 3.0) and widget.answer() == Vector([2, 3])
    feedback = check_and_wait(qtbot, widget)
    assert feedback.mistakes == ("rows instead of columns",)  # Mᵀv = (2, 3)
    assert widget.guess.point == (2.0, 3.0)
    assert np.allclose(widget.truth_arrow.tip, (4, 2))
    drag(qtbot, plane, (2, 3), (3.8, 2.3))  # no Shift: the dropped point is snapped all the same
    assert widget.answer() == Vector([4, 2]) and check_and_wait(qtbot, widget).correct


def test_collapse_is_checked_as_a_line(qtbot, show):
    widget = show(ExerciseWidget(exercise_from_table({"kind": "collapse", "matrix": "2 4; 1 2"})))
    drag(qtbot, widget.planes[0], (1, 1), (-2, -1), modifiers=QtCore.Qt.KeyboardModifier.ShiftModifier)
    assert check_and_wait(qtbot, widget).correct
    plane = widget.planes[0]
    assert plane.settled and plane.picture.collapse is not None  # at rest: the collapse line is drawn


def test_span_order_and_rate_choices(qtbot, show):
    span = show(ExerciseWidget(exercise_from_table({"kind": "span", "vectors": ["1 2", "2 4", "0 1"]})))
    span.choices[0].setChecked(True)
    span.choices[1].setChecked(True)
    assert check_and_wait(qtbot, span).mistakes == ("parallel vectors",)
    assert span.planes[0].picture.span is not None and span.planes[0].picture.span.dimension == 1
    order = show(ExerciseWidget(exercise_from_table({"kind": "order", "a": "0 -1; 1 0", "b": "1 1; 0 1"})))
    wrong = 1 - order.exercise.truth
    order.choices[wrong].setChecked(True)
    assert check_and_wait(qtbot, order).mistakes == ("BA instead of AB",)
    for plane, matrix in zip(order.planes, order.exercise.pictures):
        assert np.allclose(plane.display, np.array(matrix.to_floats(), dtype=float))
    rate = show(ExerciseWidget(exercise_from_table({"kind": "rate", "matrix": "3 1; 1 3",
                                                    "rates": ["1/4", "1/3", "2/5"]})))
    rate.choices[1].setChecked(True)
    assert check_and_wait(qtbot, rate).correct and "× 1/3 per step" in rate.feedback.text()


def test_new_variant_shows_a_new_problem_and_its_seed(qtbot, show):
    widget = show(ExerciseWidget(KINDS["land"].drawn(5)))
    question = widget.question.text()
    qtbot.mouseClick(widget.variant_button, QtCore.Qt.MouseButton.LeftButton)
    assert widget.seed.text() == "seed 5, variant 2" and widget.question.text() != question
    assert widget.exercise == KINDS["land"].drawn(5, 1)


@pytest.mark.parametrize("kind", list(KINDS))
def test_every_kind_builds_and_checks_its_right_answer(qtbot, show, kind):
    widget = show(ExerciseWidget(KINDS[kind].drawn(11)))
    exercise = widget.exercise
    truth = exercise.truth
    if kind in ("det", "eigenvalue"):
        widget.entry.setText(str(truth))
    elif kind in ("land", "collapse"):
        widget._on_dragged("guess", float(truth[0]), float(truth[1]), True)
    elif kind == "span":
        for index in truth[0]:
            widget.choices[index].setChecked(True)
    else:
        widget.choices[truth].setChecked(True)
    assert check_and_wait(qtbot, widget).correct


def test_the_game_ghost_moves_undo_and_the_optimum(qtbot, show):
    game = TransformGame.undo("3 2; 1 1")
    widget = show(TransformGameWidget(game))
    first = game.shortest[0]
    qtbot.mouseMove(widget.move_buttons[first.name])
    qtbot.waitUntil(lambda: widget.ghost_shown is not None, timeout=2000)
    assert widget.ghost_shown == first
    widget.make(game.move("y += x"))
    assert widget.run.steps == 1 and "Moves: 1" in widget.count.text()
    qtbot.mouseClick(widget.undo_button, QtCore.Qt.MouseButton.LeftButton)
    assert widget.run.steps == 0
    with qtbot.waitSignal(widget.answered, timeout=2000) as signal:
        for move in game.shortest:
            qtbot.mouseClick(widget.move_buttons[move.name], QtCore.Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not widget.animator.playing, timeout=3000)
    feedback = signal.args[0]
    assert feedback.correct and feedback.truth == 3 and "fewest possible" in widget.feedback.text()
    assert np.allclose(widget.plane.display, np.eye(2))
    assert not widget.undo_button.isEnabled()
