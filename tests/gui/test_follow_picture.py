"""The view keeps the picture in frame (issue 16): after a change whose picture would leave the
view it eases to fit; a pan or zoom of the learner's own pauses that until View → Fit; a
preference turns it off. And the grid never becomes a solid mesh."""

import numpy as np

from kernels import Matrix
from viz.preferences import Preferences

from .conftest import wait_settled


def test_a_picture_that_would_leave_the_view_is_followed(qtbot, window):
    studio = window.studio
    studio.apply_matrix(Matrix([[2, 1], [4, 5]]))  # pushed the parallelogram and its label out
    wait_settled(qtbot, window)
    assert studio.view.shows_picture(studio.view.display)
    studio.apply_matrix(Matrix([[1, 2], [2, 4]]))  # Mv = (5, 10) was off-screen
    wait_settled(qtbot, window)
    assert studio.view.shows_picture(studio.view.display)


def test_a_pan_of_ones_own_pauses_following_until_fit(qtbot, window):
    studio = window.studio
    studio.view.view_box.sigRangeChangedManually.emit([True, True])  # as a mouse pan does
    before = studio.view.visible_rect()
    studio.apply_matrix(Matrix([[2, 1], [4, 5]]))
    wait_settled(qtbot, window)
    assert studio.view.visible_rect() == before and not studio.view.shows_picture(studio.view.display)
    studio.menus_.fit_action.trigger()
    assert studio.view.shows_picture(studio.view.display)
    studio.apply_matrix(Matrix([[6, 0], [0, 6]]))
    wait_settled(qtbot, window)
    assert studio.view.shows_picture(studio.view.display)  # following again


def test_the_preference_turns_following_off(qtbot, window):
    window.set_preferences(Preferences(follow_picture=False))
    before = window.studio.view.visible_rect()
    window.studio.apply_matrix(Matrix([[2, 1], [4, 5]]))
    wait_settled(qtbot, window)
    assert window.studio.view.visible_rect() == before


def test_a_tiny_matrix_keeps_a_readable_grid(qtbot, window):
    """[[0.001, 0], [0, 0.001]] made the grid a solid mesh: lines now stay apart on screen."""
    studio = window.studio
    studio.apply_matrix(Matrix([[0.001, 0], [0, 0.001]]))
    wait_settled(qtbot, window)
    studio.fit()
    lines, _ = studio.view.grid.segments()
    box = studio.view.view_box
    assert len(lines) // 2 <= 2 * 48
    vertical = [box.mapViewToScene(_p(a)).x() for a, b in zip(lines[0::2], lines[1::2]) if abs(a[0] - b[0]) < 1e-12]
    xs = np.sort(np.unique(np.round(vertical, 3)))
    gaps = np.diff(xs)
    assert gaps[gaps > 0.5].min() >= 8  # pixels between neighbouring vertical lines


def _p(point):
    from PyQt6 import QtCore

    return QtCore.QPointF(float(point[0]), float(point[1]))
