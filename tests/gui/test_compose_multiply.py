"""The Multiply mode of the composition lab, driven through the real window: Mx as a
combination of columns (the tip-to-tail path ends at Mx), AB column by column, the timing
thread with Cancel, and the pictures and notes it exports."""

from fractions import Fraction

import numpy as np
import pytest
from PyQt6 import QtCore, QtGui

from kernels import Matrix
from viz.labs.compose.timing import METHODS
from viz.palette import palette_for
from viz.views.plane_view import PlaneView
from viz.views.space_view import NoOpenGLView, SpaceView

from .conftest import drag, type_into


@pytest.fixture
def multiply(window, qtbot):
    window.switch_lab("compose")
    lab = window.lab("compose")
    lab.switch_mode("multiply")
    mode = lab.mode
    yield lab, mode
    if mode.timing.running:  # never leave a worker thread behind
        mode.timing.cancel()
        qtbot.waitUntil(lambda: not mode.timing.running, timeout=20000)


def _type_matrix(qtbot, editor, rows):
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            type_into(qtbot, editor.cell(r, c), text)


def _floats(rows):
    return np.array([[float(Fraction(x)) for x in row] for row in rows])


def test_the_path_of_columns_ends_at_mx(multiply, qtbot):
    lab, mode = multiply
    a = [["2", "-1"], ["1/2", "3"]]
    _type_matrix(qtbot, lab.matrices.a_editor, a)
    type_into(qtbot, lab.matrices.x_editor.cell(0, 0), "3/2")
    type_into(qtbot, lab.matrices.x_editor.cell(1, 0), "-1")
    view = mode.column_canvas.view
    assert isinstance(view, PlaneView)
    m, x = _floats(a), np.array([1.5, -1.0])
    path = view.combination.points
    np.testing.assert_allclose(path[0], [0, 0])
    np.testing.assert_allclose(path[1], x[0] * m[:, 0])  # the first leg: x₁ times column 1
    np.testing.assert_allclose(path[-1], m @ x)  # tip to tail, the legs end at Mx
    np.testing.assert_allclose(view.combination.total.tip, m @ x)
    np.testing.assert_allclose(view.arrow("î").tip, m[:, 0])  # î lands on column 1 …
    np.testing.assert_allclose(view.arrow("ĵ").tip, m[:, 1])  # … and ĵ on column 2
    assert view.shows_picture(view.display)
    # the row picture: each entry of Mx as a dot product, exactly (2·3/2 − 1·(−1) = 4)
    assert "entry 1 = row₁·x = 2·(3/2) + (−1)·(−1) = 4" in mode.row_picture.text()
    assert "entry 2 = row₂·x = (1/2)·(3/2) + 3·(−1) = −9/4" in mode.row_picture.text()
    assert mode.picture.image == Matrix([[2, -1], [Fraction(1, 2), 3]]) @ mode.picture.x


def test_the_column_picture_of_ab(multiply, qtbot):
    lab, mode = multiply
    state = lab.model.state
    mode.matrix_choice.setCurrentIndex(2)  # M = AB
    assert mode.which == "AB"
    ab = np.array((state.a @ state.b).to_floats())
    np.testing.assert_allclose(mode.column_canvas.view.combination.points[-1],
                               ab @ np.array(state.x.to_floats()))
    assert "ABx" in mode.row_picture.text()


def test_dragging_x_edits_x(multiply, qtbot):
    lab, mode = multiply
    mode.tabs.setCurrentIndex(0)
    view = mode.column_canvas.view
    qtbot.waitUntil(lambda: view.isVisible())
    drag(qtbot, view, (1, 2), (2, -1), modifiers=QtCore.Qt.KeyboardModifier.ShiftModifier)
    assert tuple(lab.model.state.x) == (2, -1)
    np.testing.assert_allclose(view.combination.points[-1], [1, -1])  # A = [[1, 1], [0, 1]]


def test_ab_is_built_column_by_column(multiply, qtbot):
    lab, mode = multiply
    _type_matrix(qtbot, lab.matrices.a_editor, [["1", "2"], ["0", "1"]])
    _type_matrix(qtbot, lab.matrices.b_editor, [["3", "-1"], ["1", "2"]])
    a, b = np.array([[1, 2], [0, 1]]), np.array([[3, -1], [1, 2]])
    mode.player.set_durations(0.3, 0.1)
    mode.tabs.setCurrentIndex(1)
    qtbot.mouseClick(mode.player_bar.play_button, QtCore.Qt.MouseButton.LeftButton)
    view = mode.product_canvas.view
    columns = view.arrows[-2:]  # the images of î and ĵ: the columns on the move
    qtbot.waitUntil(lambda: 0.2 < mode.player.position < 0.8, timeout=3000)
    np.testing.assert_allclose(columns[1].tip, b[:, 1])  # column 2 waits on b₂
    assert "·" in mode.product_canvas.caption.text()  # AB is not written whole yet
    qtbot.waitUntil(lambda: not mode.player.playing, timeout=5000)
    for j in range(2):
        np.testing.assert_allclose(columns[j].tip, a @ b[:, j])  # column j of AB is A·bⱼ
    np.testing.assert_allclose(view.display, a @ b)
    assert "Ab₂ = A·(−1, 2) = −1·a₁ + 2·a₂ = (3, 2)" in mode.product_canvas.caption.text()
    assert [item.labels()[0].toPlainText() for item in columns] == ["Ab₁", "Ab₂"]


def test_timing_measures_every_method_on_a_thread(multiply, qtbot):
    _, mode = multiply
    page = mode.timing
    page.sizes, page.repeats = (3, 6), 1
    mode.tabs.setCurrentIndex(2)
    qtbot.mouseClick(page.run_button, QtCore.Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.running, timeout=10000)
    qtbot.waitUntil(lambda: len(page.points) == 2 * len(METHODS), timeout=2000)
    assert {(p.method, p.n) for p in page.points} == {(m.name, n) for m in METHODS for n in (3, 6)}
    plot = page.chart.getPlotItem()
    assert plot.getAxis("bottom").logMode and plot.getAxis("left").logMode
    curves = {item.name(): item for item in plot.listDataItems()}
    assert set(curves) == {m.name for m in METHODS}
    for curve in curves.values():
        assert list(curve.xData) == [3, 6]  # (pyqtgraph keeps the data; it draws their logs)
    assert plot.legend is not None and len(plot.legend.items) == len(METHODS)
    assert page.progress.value() == page.progress.maximum()
    assert "numpy @" in page.table.text()


def test_cancel_stops_the_run_and_keeps_its_points(multiply, qtbot):
    lab, mode = multiply
    page = mode.timing
    page.sizes, page.repeats = (4, 120, 160, 200), 2  # long enough to be cancelled midway
    mode.tabs.setCurrentIndex(2)
    qtbot.mouseClick(page.run_button, QtCore.Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(page.points) >= len(METHODS), timeout=5000)  # n = 4 is done
    # the window still answers while pure Python multiplies on the worker thread
    type_into(qtbot, lab.matrices.x_editor.cell(0, 0), "5")
    assert lab.model.state.x[0] == 5
    qtbot.mouseClick(page.cancel_button, QtCore.Qt.MouseButton.LeftButton)
    # the thread stops first; its "finished" reaches the page a moment later (queued)
    qtbot.waitUntil(lambda: not page.running and page.run_button.isEnabled(), timeout=20000)
    kept = list(page.points)
    assert len(METHODS) <= len(kept) < 4 * len(METHODS)
    assert all(len(p.samples) == 2 for p in kept)  # only whole points
    assert "Cancelled" in page.message.text() and page.run_button.isEnabled()
    qtbot.wait(100)
    assert page.points == kept  # nothing arrives after the end


def test_leaving_the_mode_cancels_the_timing(multiply, qtbot):
    lab, mode = multiply
    page = mode.timing
    page.sizes, page.repeats = (4, 150, 200), 2
    page.start()
    qtbot.waitUntil(lambda: len(page.points) >= 1, timeout=5000)
    lab.switch_mode("compose")
    qtbot.waitUntil(lambda: not page.running, timeout=20000)
    assert page.run.cancelled


@pytest.mark.parametrize("theme", ["dark", "light"])
def test_pictures_in_both_themes(multiply, tmp_path, theme):
    _, mode = multiply
    colors = palette_for("okabe-ito", theme)
    for page in (0, 1, 2):
        mode.tabs.setCurrentIndex(page)
        path = mode.export_picture(tmp_path / f"page{page}.png", (1200, 800), theme)
        image = QtGui.QImage(str(path))
        assert (image.width(), image.height()) == (1200, 800)
        if page < 2:  # columns 1 and 2 wear the colours of î and ĵ
            pixels = {image.pixelColor(x, y).name().upper() for x in range(0, 1200, 2) for y in range(0, 800, 2)}
            assert colors.i_hat.upper() in pixels and colors.j_hat.upper() in pixels
        svg = mode.export_picture(tmp_path / f"page{page}.svg", (1200, 800), theme)
        assert svg.read_bytes().lstrip().startswith(b"<?xml")
    assert not list(tmp_path.glob("*.tmp*"))
    assert mode.render((600, 400), theme).size() == QtCore.QSize(600, 400)


def test_notes_write_mx_and_ab_by_columns(multiply):
    lab, mode = multiply
    latex = lab.notes("latex")
    assert r"Ax = \begin{bmatrix} 1 & 1 \\ 0 & 1 \end{bmatrix}" in latex
    assert r"= \begin{bmatrix} 3 \\ 2 \end{bmatrix}$$" in latex  # Ax = (3, 2)
    assert r"AB = A\begin{bmatrix} 0 & -1 \\ 1 & 0 \end{bmatrix}" in latex
    markdown = lab.notes("markdown")
    assert "Ax = 1·col₁ + 2·col₂ = 1·(1, 0) + 2·(1, 1) = (3, 2)" in markdown
    assert "Ab₁ = A·(0, 1) = 0·a₁ + 1·a₂ = (1, 1)" in markdown


def test_space_shows_three_columns(multiply, qtbot):
    lab, mode = multiply
    lab.switch_dimension(3)
    picture = mode.picture
    assert len(picture.columns) == 3
    assert "col₃" in picture.combination_text()
    view = mode.column_canvas.view
    assert isinstance(view, (SpaceView, NoOpenGLView))
    if isinstance(view, SpaceView):
        m = np.array(picture.matrix.to_floats())
        np.testing.assert_allclose(view.arrow("k̂").tip, m[:, 2])
        np.testing.assert_allclose(view.arrow("Ax").tip, m @ np.array(picture.x.to_floats()))
    assert "entry 3" in mode.row_picture.text()
