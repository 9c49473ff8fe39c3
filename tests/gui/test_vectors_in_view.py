"""Named vectors in the plane: drawn with their images, dragged, compared (span, angle, shadow)."""

import numpy as np
import pytest
from PyQt6 import QtCore, QtWidgets

from kernels import Vector

from .conftest import drag, wait_settled


@pytest.fixture
def two_vectors(window):
    window.studio.model.set_vectors((("v", Vector([1, 2])), ("v1", Vector([1, 0]))))
    window.studio.model.set_selection((0, 1))
    return window


def test_other_vectors_are_drawn_with_their_images(qtbot, two_vectors):
    window = two_vectors
    window.studio.apply_matrix(window.studio.model.matrix.__class__([[2, 0], [0, 1]]))
    wait_settled(qtbot, window)
    original, image = window.studio.view.arrow("v1"), window.studio.view.arrow("Mv1")
    assert np.allclose(original.tip, (1, 0)) and np.allclose(image.tip, (2, 0))


def test_dragging_a_vector_into_line_snaps_the_span_from_plane_to_line(qtbot, two_vectors):
    window = two_vectors
    assert window.studio.view.span.dimension == 2          # (1, 2) and (1, 0): the whole plane
    drag(qtbot, window.studio.view, (1, 0), (2.1, 3.9), modifiers=QtCore.Qt.KeyboardModifier.ShiftModifier)
    assert window.studio.model.vectors[1] == ("v1", Vector([2, 4]))
    assert window.studio.view.span.dimension == 1          # now both on y = 2x: a line
    band = window.studio.view.span._band.points
    direction = band[1] - band[0]
    assert abs(direction[1] - 2 * direction[0]) < 1e-9
    assert window.undo_stack.count() == 1           # one drag, one undo step
    window.undo_stack.undo()
    assert window.studio.view.span.dimension == 2


def test_two_selected_vectors_show_the_angle_and_the_shadow(two_vectors):
    window = two_vectors
    window.studio.model.set_vectors((("v", Vector([3, 1])), ("v1", Vector([1, 1]))))
    assert np.allclose(window.studio.view.projection.shadow.tip, (2, 2))   # (u·v / v·v)·v = 4/2·(1, 1)
    assert window.studio.view.angle._label.toPlainText() == "θ = 26.57°"


def test_a_combination_is_drawn_tip_to_tail(two_vectors):
    window = two_vectors
    window.studio.model.set_combination((2.0, -1.0))
    points = window.studio.view.combination.points
    assert np.allclose(points, [[0, 0], [2, 4], [1, 4]])
    assert np.allclose(window.studio.view.combination.total.tip, (1, 4))
    window.studio.model.set_selection((0,))                 # a new selection clears the combination
    assert window.studio.model.combination is None


def test_vectors_tab_verdict_changes_as_a_vector_is_dragged_into_line(qtbot, two_vectors):
    window = two_vectors
    window.studio.side_tabs.setCurrentWidget(window.studio.vector_panel)
    text = window.studio.vector_panel.findChild(QtWidgets.QTextBrowser).toPlainText()
    assert "independent" in text
    drag(qtbot, window.studio.view, (1, 0), (2.1, 3.9), modifiers=QtCore.Qt.KeyboardModifier.ShiftModifier)
    text = window.studio.vector_panel.findChild(QtWidgets.QTextBrowser).toPlainText()
    assert "dependent: 2·v − 1·v1 = 0" in text


def test_two_vector_sum_draws_the_parallelogram_rule(two_vectors):
    window = two_vectors
    window.studio.model.set_combination((1.0, 1.0))                      # v + v1 = (1, 2) + (1, 0)
    legs = window.studio.view.combination._legs.points.reshape(-1, 2, 2)
    sides = {tuple(map(tuple, np.round(leg, 9))) for leg in legs}
    assert sides == {((0, 0), (1, 2)), ((1, 2), (2, 2)), ((0, 0), (1, 0)), ((1, 0), (2, 2))}
    assert np.allclose(window.studio.view.combination.total.tip, (2, 2))


def test_span_label_and_exported_vector_colour(qtbot, two_vectors, tmp_path):
    from PyQt6 import QtGui

    from viz.export import export_picture
    from viz.scene import VectorStyle

    window = two_vectors
    assert window.studio.view.span._label.toPlainText() == "span{v, v1}: the whole plane, dimension 2"
    window.studio.model.set_vectors((("v", Vector([1, 2])), ("v1", Vector([2, -1]))))
    window.studio.model.set_style("v1", VectorStyle("#56B4E9", "vector"))
    path = export_picture(window.studio.model.scene, tmp_path / "vectors.png", size=(1600, 1000),
                          rect=(-2.0, 6.0, -2.5, 2.5), caption=False)
    image = QtGui.QImage(str(path))

    def pixel(x, y):
        return image.pixelColor(round((x + 2) / 8 * 1600), round((2.5 - y) / 5 * 1000))

    on_v1 = pixel(0.8, -0.4)           # v1 = (2, −1): its sky-blue shaft, 55 % opaque, is here
    assert on_v1.blue() > 110 and on_v1.blue() > on_v1.red() + 50
    beside = pixel(0.8, -0.9)          # just off the shaft: the dark background
    assert beside.blue() < 80
