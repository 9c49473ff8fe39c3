"""The fixed grid is painted into the plane view's background, which Qt keeps as a picture
between frames (PlaneView.drawBackground). These tests try to make that picture go stale: after
a pan, a zoom, a resize, a new theme and the follow-the-picture easing, the view on screen must
show the grid that a view built afresh for the same range shows, pixel for pixel."""

import numpy as np
import pytest
from PyQt6 import QtCore, QtGui

from kernels import Matrix, Vector
from viz.export import render_image
from viz.model import SceneModel
from viz.views.plane_view import PlaneView

from .conftest import wait_settled

SIZE = (420, 300)


def _plane_view(qtbot, scene, size=SIZE, rect=None) -> PlaneView:
    view = PlaneView(scene)
    qtbot.addWidget(view)
    view.setMinimumSize(1, 1)
    view.resize(*size)
    view.show()
    qtbot.waitExposed(view)
    if rect is not None:
        view.set_range(rect)
    return view


def _background(view: PlaneView) -> np.ndarray:
    """What the view paints on screen (through Qt's cached background) with every item hidden:
    the background colour and the fixed grid, as an array of RGB pixels."""
    items = view.view_box.childGroup
    items.setVisible(False)
    try:
        return _pixels(view.viewport().grab().toImage())
    finally:
        items.setVisible(True)


def _pixels(image: QtGui.QImage) -> np.ndarray:
    image = image.convertToFormat(QtGui.QImage.Format.Format_RGB888)
    width, height = image.width(), image.height()
    data = np.frombuffer(image.constBits().asstring(image.sizeInBytes()), dtype=np.uint8)
    return data.reshape(height, image.bytesPerLine())[:, : 3 * width].reshape(height, width, 3).copy()


def _fresh_background(qtbot, view: PlaneView) -> np.ndarray:
    """The background of a new view of the same picture, size and visible range."""
    fresh = _plane_view(qtbot, view.picture, (view.width(), view.height()), view.visible_rect())
    assert np.allclose(fresh.visible_rect(), view.visible_rect())
    return _background(fresh)


def assert_same_grid(shown: np.ndarray, fresh: np.ndarray) -> None:
    """Equal but for rounding (a faint grid line is some 20 levels off the background)."""
    assert shown.shape == fresh.shape
    differ = np.abs(shown.astype(int) - fresh.astype(int)).max(axis=2) > 8
    assert differ.sum() == 0, f"{differ.sum()} pixels of the grid differ from a fresh view's"


@pytest.fixture
def view(qtbot):
    scene = SceneModel(Matrix([[1, 1], [0, 1]]), Vector([1, 2])).scene
    shown = _plane_view(qtbot, scene)
    _background(shown)  # the first paint fills the cache
    return shown


def test_the_grid_starts_right(qtbot, view):
    assert_same_grid(_background(view), _fresh_background(qtbot, view))


@pytest.mark.parametrize("change", ["pan", "zoom", "resize", "theme", "set_range"])
def test_the_grid_follows_every_change_of_the_view(qtbot, view, change):
    before = _background(view)
    if change == "pan":
        view.view_box.translateBy(x=0.37, y=-0.61)  # what dragging the background does
    elif change == "zoom":
        view.view_box.scaleBy((0.55, 0.55))  # what the mouse wheel does
    elif change == "resize":
        view.resize(SIZE[0] + 90, SIZE[1] - 40)
    elif change == "theme":
        view.show_scene(view.picture.with_theme("light"))
    else:
        view.set_range((-2.2, 3.1, -1.7, 2.0))
    QtCore.QCoreApplication.processEvents()
    after = _background(view)
    assert not np.array_equal(before, after)  # the change did move (or recolour) the grid
    assert_same_grid(after, _fresh_background(qtbot, view))


def test_the_grid_follows_the_picture_while_the_view_eases(qtbot, window):
    """While a change plays, the view eases its range to keep the picture in frame: every frame
    moves the fixed grid on screen, and every frame must show it where it now is."""
    studio = window.studio
    view = studio.view
    frames: list = []

    def grab(_display, t):
        if 0.0 < t < 1.0 and len(frames) < 3:
            frames.append((view.visible_rect(), _background(view)))

    studio.animator.frame.connect(grab)
    studio.apply_matrix(Matrix([[2, 1], [4, 5]]))  # its picture leaves the view: the view follows
    wait_settled(qtbot, window)
    studio.animator.frame.disconnect(grab)
    assert len({rect for rect, _ in frames}) >= 2  # the range was really moving
    for rect, shown in frames:
        fresh = _plane_view(qtbot, view.picture, (view.width(), view.height()), rect)
        assert_same_grid(shown, _background(fresh))


def test_a_picture_is_painted_afresh_with_the_grid_as_lines(qtbot, view):
    """Exports render the view (QGraphicsView.render), which never uses the screen's cache: a
    PNG of the moved view shows the moved grid too."""
    view.view_box.translateBy(x=0.5, y=0.25)
    picture = _pixels(render_image(view, SIZE))
    assert_same_grid(_pixels(view.viewport().grab().toImage()), picture)
