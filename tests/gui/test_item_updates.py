"""The items the plane view moves every frame — line segments, the determinant's parallelogram
and arc, the vector arrows — take shortcuts to be cheap: plain floats instead of numpy for a
handful of points, a bounding rectangle kept between paints, a label anchor set only when it
changes. These tests try to catch a shortcut drawing something else than the plain way would:
a stale bounding rectangle, an arc that forgets a flip, NaN in a path, an arrow that does not
come back from zero as it was."""

import math

import numpy as np
import pytest
from PyQt6 import QtCore, QtGui

from kernels import Matrix, Vector
from viz import geometry
from viz.items import segments
from viz.items.determinant_area import DeterminantArea
from viz.items.segments import Segments
from viz.items.vector_arrow import VectorArrow
from viz.model import SceneModel
from viz.views.plane_view import PlaneView

HUGE = [
    [[1e200, 0.0], [0.0, 1e200]],
    [[1e200, -1e200], [1e200, 1e200]],  # det overflows to inf
    [[1e308, 1e308], [1e308, -1e308]],  # î' + ĵ' overflows
    [[1e30, 1e30], [0.0, 1e30]],  # î' + ĵ' just beyond FAR
    [[1e31, 2.0], [3.0, 1e31]],
    [[1e200, 1.0], [1.0, 1e-200]],
    [[1e-300, 0.0], [0.0, 1e-300]],
    [[5e-324, 0.0], [0.0, -5e-324]],
]


@pytest.fixture
def view(qtbot) -> PlaneView:
    shown = PlaneView(SceneModel(Matrix([[1, 1], [0, 1]]), Vector([1, 2])).scene)
    qtbot.addWidget(shown)
    shown.resize(420, 300)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def elements(path: QtGui.QPainterPath) -> list[tuple[str, float, float]]:
    return [(path.elementAt(i).type.name, path.elementAt(i).x, path.elementAt(i).y)
            for i in range(path.elementCount())]


def rect(r: QtCore.QRectF) -> tuple[float, float, float, float]:
    return (r.x(), r.y(), r.width(), r.height())


def fresh_segments(view: PlaneView, points, pen: QtGui.QPen | None = None) -> Segments:
    item = Segments()
    view.view_box.addItem(item, ignoreBounds=True)
    if pen is not None:
        item.set_pen(pen)
    item.set_points(points)
    return item


# -- Segments: the path and the bounding rectangle -------------------------------------------------

# (a polyline of one point is left out: it draws nothing either way, and pyqtgraph's path is empty)
@pytest.mark.parametrize("count, connected", [(count, connected) for connected in (False, True)
                                              for count in (1, 2, 3, 4, 27, 64, 65, 127, 128, 129, 300)
                                              if (count, connected) != (1, True)])
def test_both_routes_draw_the_same_path(monkeypatch, count, connected):
    """Point by point (few points) or through pyqtgraph's arrays (many): the same path and bounds."""
    points = np.random.default_rng(count).normal(size=(count, 2)) * 3
    few, many = Segments(connected), Segments(connected)
    for item, limit in ((few, 10**6), (many, 0)):
        monkeypatch.setattr(segments, "FEW_POINTS", limit)
        item.set_points(points)
    assert elements(few._path) == elements(many._path)
    assert rect(few._bounds) == rect(many._bounds)
    expected = (points[:, 0].min(), points[:, 1].min(), np.ptp(points[:, 0]), np.ptp(points[:, 1]))
    assert rect(few._bounds) == pytest.approx(expected, rel=1e-15, abs=1e-300)


def test_a_list_of_pairs_is_drawn_as_its_array_is():
    pairs = [(0.0, 0.0), (1.5, -2.0), (3.0, 1.0), (-1.0, 4.0), (2.0, 2.0)]
    from_list, from_array = Segments(), Segments()
    from_list.set_points(pairs)
    from_array.set_points(np.array(pairs))
    assert elements(from_list._path) == elements(from_array._path)
    assert rect(from_list._bounds) == rect(from_array._bounds)
    assert from_list.points.tolist() == from_array.points.tolist() == [list(p) for p in pairs]
    from_list.set_points([])
    assert from_list.points.shape == (0, 2) and from_list._path.isEmpty()


def test_the_bounding_rect_follows_new_points(qtbot, view):
    item = fresh_segments(view, [[0, 0], [1, 1]])
    before = rect(item.boundingRect())
    item.set_points([[-3, -1], [2, 5], [0, 0], [1, 1]])
    after = rect(item.boundingRect())
    assert after != before
    assert after == rect(fresh_segments(view, [[-3, -1], [2, 5], [0, 0], [1, 1]]).boundingRect())


def test_the_bounding_rect_follows_a_wider_pen(qtbot, view):
    item = fresh_segments(view, [[0, 0], [1, 1]], pg_pen(1))
    thin = item.boundingRect()
    item.set_pen(pg_pen(9))
    assert item.boundingRect().contains(thin) and item.boundingRect() != thin
    assert rect(item.boundingRect()) == rect(fresh_segments(view, [[0, 0], [1, 1]], pg_pen(9)).boundingRect())


@pytest.mark.parametrize("change", ["zoom", "pan", "resize"])
def test_the_bounding_rect_follows_the_view(qtbot, view, change):
    """The padding is a few pixels in plane units: it changes when the view's scale does."""
    item = fresh_segments(view, [[0, 0], [1, 1]], pg_pen(3))
    before = rect(item.boundingRect())
    if change == "zoom":
        view.view_box.scaleBy((0.5, 0.5))
    elif change == "pan":
        view.view_box.translateBy(x=0.3, y=-0.2)
    else:
        view.resize(700, 500)
    QtCore.QCoreApplication.processEvents()
    after = rect(item.boundingRect())
    assert after == rect(fresh_segments(view, [[0, 0], [1, 1]], pg_pen(3)).boundingRect())
    if change == "zoom":
        assert after != before


def test_points_qt_cannot_draw_never_reach_the_path():
    for points in ([[0, 0], [np.nan, 1.0], [1, 1], [2, np.inf]], [[np.nan, np.nan], [1, 2], [3, 4], [5, 6]] * 40):
        for connected in (False, True):
            item = Segments(connected)
            item.set_points(points)
            assert all(math.isfinite(x) and math.isfinite(y) for _, x, y in elements(item._path))


def pg_pen(width: float) -> QtGui.QPen:
    pen = QtGui.QPen(QtGui.QColor("white"), width)
    pen.setCosmetic(True)
    return pen


# -- the determinant's parallelogram, arc and label -------------------------------------------

def reference_arc(matrix) -> np.ndarray:
    """The arc as the plain numpy formula gives it: 24 points from î' towards ĵ', then a barb."""
    (i_x, j_x), (i_y, j_y) = np.asarray(matrix, dtype=float)
    start = math.atan2(i_y, i_x)
    sweep = (math.atan2(j_y, j_x) - start + math.pi) % (2 * math.pi) - math.pi
    radius = 0.28 * min(math.hypot(i_x, i_y), math.hypot(j_x, j_y))
    angles = start + np.linspace(0.1, 0.9, 24) * sweep
    arc = radius * np.column_stack([np.cos(angles), np.sin(angles)])
    back = arc[-3] - arc[-1]
    back = back / np.linalg.norm(back) * radius * 0.25
    turn = np.array([[0.94, -0.5], [0.5, 0.94]])
    return np.vstack([arc, arc[-1] + turn @ back, arc[-1], arc[-1] + turn.T @ back])


def polygon(area: DeterminantArea) -> list[tuple[float, float]]:
    shape = area._polygon.polygon()
    return [(shape.at(i).x(), shape.at(i).y()) for i in range(shape.size())]


MATRICES = [np.random.default_rng(seed).normal(size=(2, 2)) * 2 for seed in range(30)] + [
    np.array(m, dtype=float) for m in ([[1, 0], [0, 1]], [[1, 0], [0, -1]], [[0, 1], [1, 0]], [[2, 1], [1, -3]],
                                       [[1, 2], [2, 4]], [[0, 0], [1, 1]], [[1, 0], [0, 0]], [[0, 0], [0, 0]])]


def test_the_parallelogram_is_geometrys(qtbot, view):
    area = view.area
    for matrix in MATRICES + [np.array(m) for m in HUGE]:
        area.set_matrix(matrix, "det")
        expected = geometry.parallelogram(matrix)
        assert np.array_equal(area.corners, expected)
        assert polygon(area) == [tuple(corner) for corner in expected[:4].tolist()]
        centre = 0.5 * expected[1] + 0.5 * expected[3]  # (Qt ignores a move by less than 1e-12)
        assert (area._label.pos().x(), area._label.pos().y()) == pytest.approx(tuple(centre), abs=1e-12)
        assert area.det == geometry.signed_area(matrix)


def test_the_arc_turns_the_way_of_the_determinant_through_flips(qtbot, view):
    area = view.area
    area.set_style("#00ff00", "#ff0000", "#ffffff", "#000000")
    for matrix in MATRICES + MATRICES[::-1]:
        area.set_matrix(matrix, "det")
        det = geometry.signed_area(matrix)
        colour = area._polygon.brush().color().name()
        assert colour == ("#00ff00" if det >= 0 else "#ff0000")
        assert area._arc._pen.color().name() == colour
        drawn = np.array([(x, y) for _, x, y in elements(area._arc._path)])
        if abs(det) < 1e-12:
            assert len(drawn) == 0
            continue
        np.testing.assert_allclose(drawn, reference_arc(matrix), rtol=0, atol=1e-14)
        # the arc's points turn about the origin the way î' → ĵ' does
        (x0, y0), (x1, y1) = drawn[0], drawn[23]
        assert np.sign(x0 * y1 - y0 * x1) == np.sign(det)


@pytest.mark.parametrize("matrix", HUGE)
def test_a_huge_matrix_never_puts_nan_in_the_picture(qtbot, view, matrix):
    area = view.area
    area.set_matrix(np.array(matrix), "det")
    values = [v for point in polygon(area) for v in point]
    values += [v for _, x, y in elements(area._arc._path) for v in (x, y)]
    values += [area._label.pos().x(), area._label.pos().y()]
    assert all(math.isfinite(v) for v in values)
    assert max(abs(v) for point in polygon(area) for v in point) <= geometry.FAR


# -- the vector arrows ----------------------------------------------------------------------------

def arrow_state(arrow: VectorArrow) -> dict:
    label = arrow._label
    return {"shaft": elements(arrow._shaft._path), "bounds": rect(arrow._shaft.boundingRect()),
            # a hidden head keeps the turn it had: only a shown one must point the right way
            "head": (arrow._head.isVisible(), arrow._head.isVisible() and arrow._head.rotation(), arrow._head.pos()),
            "label": (label.pos(), (label.anchor.x(), label.anchor.y()), label.textItem.pos())}


def fresh_arrow(view: PlaneView, tip) -> VectorArrow:
    arrow = VectorArrow(view.view_box, "v", z=60)
    arrow.set_tip(*tip)
    return arrow


# stretched (the label's anchor stays), to zero and back the same way, turned, far and tiny
TIPS = [(2.0, 1.0), (4.0, 2.0), (0.0, 0.0), (0.0, 0.0), (6.0, 3.0), (-1.0, 0.5), (1e30, -1e30), (0.0, 0.0),
        (2.0, 1.0), (0.0, -3.0), (1e-300, 0.0)]


def test_an_arrow_ends_as_a_fresh_arrow_at_its_tip(qtbot, view):
    """Through zero and back, stretched along its direction (where the label's anchor stays)
    or turned: each step leaves the arrow as one made for that tip alone."""
    arrow = VectorArrow(view.view_box, "v", z=60)
    for tip in TIPS:
        arrow.set_tip(*tip)
        assert arrow_state(arrow) == arrow_state(fresh_arrow(view, tip)), tip
        assert all(math.isfinite(v) for _, x, y in elements(arrow._shaft._path) for v in (x, y))


def test_a_zero_arrow_shows_only_its_label(qtbot, view):
    arrow = fresh_arrow(view, (1.0, 1.0))
    arrow.set_tip(0.0, 0.0)
    assert not arrow._head.isVisible()
    assert (arrow._label.anchor.x(), arrow._label.anchor.y()) == (0.5, 1.3)
    arrow.set_tip(0.0, 2.0)
    assert arrow._head.isVisible()
    assert elements(arrow._shaft._path) == [("MoveToElement", 0.0, 0.0), ("LineToElement", 0.0, 2.0)]


def test_an_arrow_that_stays_takes_its_label_back(qtbot, view):
    arrow = fresh_arrow(view, (1.0, 2.0))
    arrow._label.setPos(5.0, 5.0)  # as the label placer does
    arrow.set_tip(1.0, 2.0)
    assert (arrow._label.pos().x(), arrow._label.pos().y()) == (1.0, 2.0)


def test_a_hidden_arrow_stays_hidden_as_it_moves(qtbot, view):
    arrow = fresh_arrow(view, (1.0, 2.0))
    arrow.set_visible(False)
    for tip in TIPS:
        arrow.set_tip(*tip)
        assert not arrow._head.isVisible() and not arrow.visible
    arrow.set_visible(True)
    assert arrow._head.isVisible() == (arrow.tip != (0.0, 0.0))
