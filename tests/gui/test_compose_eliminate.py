"""The Eliminate mode in the real window: the elimination plays to I (or to the collapse), the
learner's row operations give the right matrix and undo with Ctrl+Z, bad factors change
nothing, the augmented system is solved, and pictures are exported."""

import time
from fractions import Fraction

import numpy as np
import pytest
from PyQt6 import QtCore, QtGui

from kernels import Matrix, Vector
from viz.labs.compose.state import RowStep


@pytest.fixture
def lab(window, qtbot):
    window.switch_lab("compose")
    lab = window.lab("compose")
    lab.switch_mode("eliminate")
    mode = lab.mode
    mode.bar.step_seconds.setValue(0.2)  # real animations, just shorter
    mode.bar.pause_seconds.setValue(0.0)
    return lab


def set_a(lab, rows):
    lab.set_matrix("a", Matrix(rows), "A")


def play_to_end(qtbot, mode):
    mode.play_kernel()
    qtbot.waitUntil(lambda: not mode.player.playing, timeout=10000)


def tips(mode):
    view = mode.canvas_.view
    return {name: np.array(view.arrow(name).tip) for name in ("î", "ĵ")}


def test_an_invertible_a_plays_to_the_identity(qtbot, lab):
    mode = lab.mode
    set_a(lab, [[2, 1], [4, 3]])
    assert np.allclose(tips(mode)["î"], (2, 4))  # the picture starts at A
    play_to_end(qtbot, mode)
    end = tips(mode)
    assert np.allclose(end["î"], (1, 0)) and np.allclose(end["ĵ"], (0, 1))
    assert mode.canvas_.view.settled  # at rest: the exact det of I
    assert mode.canvas_.view.area._label.toPlainText().startswith("det = 1")
    assert "A⁻¹ = [[3/2, −1/2], [−2, 1]]" in mode.explanation.text()


def test_a_singular_a_plays_to_the_collapse(qtbot, lab):
    mode = lab.mode
    set_a(lab, [[1, 2], [2, 4]])
    play_to_end(qtbot, mode)
    end = tips(mode)
    assert np.allclose(end["î"], (1, 0)) and np.allclose(end["ĵ"], (2, 0))  # rref = [[1, 2], [0, 0]]
    view = mode.canvas_.view
    assert view.collapse.shape == "line" and abs(view.collapse.angle) < 1e-9
    assert "Rank 1" in mode.explanation.text()


def test_each_rest_point_is_the_product_so_far(qtbot, lab):
    mode = lab.mode
    set_a(lab, [[0, 2], [3, 1]])  # a zero pivot: the first step is a swap
    trace = mode.trace
    assert trace.steps[0].operation.kind == "swap"
    for j in range(trace.count + 1):
        mode.player.seek(j)
        expected = np.array(trace.matrix_after(j).to_floats(), dtype=float)
        assert np.allclose(mode.canvas_.view.display, expected)
        assert mode.canvas_.view.settled
    mode.player.seek(0)
    mode.bar.forward_button.click()
    assert mode.player.position == 1.0 and "R1 ↔ R2" in mode.explanation.text()
    assert "a swap flips the sign of det" in mode.explanation.text()


def test_row_operation_buttons_and_undo(qtbot, window, lab):
    mode = lab.mode
    set_a(lab, [[2, 1], [4, 3]])
    box = mode.row_box
    box.add_target.setValue(2)
    box.add_source.setValue(1)
    box.add_factor.setText("-2")
    box.add_button.click()
    state = lab.model.state
    assert state.row_operations == (RowStep("add", 1, 0, Fraction(-2)),)
    assert mode.track == "own"
    qtbot.waitUntil(lambda: not mode.player.playing, timeout=5000)
    assert np.allclose(mode.canvas_.view.display, [[2, 1], [0, 1]])
    assert "This is row echelon form." == box.form.text()
    assert "background" in box.current.text()  # the pivots are highlighted
    box.scale_target.setValue(1)
    box.scale_factor.setText("1/2")
    box.scale_button.click()
    assert mode.traces["own"].reduced == Matrix([[1, Fraction(1, 2)], [0, 1]])
    assert box.history.count() == 2
    window.undo_stack.undo()  # Ctrl+Z takes back the last row operation
    assert lab.model.state.row_operations == (RowStep("add", 1, 0, Fraction(-2)),)
    assert box.history.count() == 1
    box.undo_button.click()
    assert lab.model.state.row_operations == ()
    assert np.allclose(mode.canvas_.view.display, [[2, 1], [4, 3]])


def test_ctrl_z_in_the_window_undoes_a_row_operation(qtbot, window, lab):
    mode = lab.mode
    set_a(lab, [[0, 1], [1, 0]])
    mode.row_box.swap_button.click()
    assert mode.traces["own"].reduced == Matrix.identity(2)
    assert mode.row_box.form.text() == "This is reduced row echelon form."
    window.activateWindow()
    qtbot.keyClick(window, QtCore.Qt.Key.Key_Z, QtCore.Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: lab.model.state.row_operations == (), timeout=2000)


@pytest.mark.parametrize("text, words", [("two", "not a number"), ("1/0", "not a number"),
                                         ("__import__('os')", "not a number"), ("0", "scaling a row by 0")])
def test_a_bad_factor_changes_nothing_and_says_why(qtbot, window, lab, text, words):
    mode = lab.mode
    before = lab.model.state
    count = window.undo_stack.count()
    mode.row_box.scale_factor.setText(text)
    mode.row_box.scale_button.click()
    assert lab.model.state == before and window.undo_stack.count() == count
    assert words in mode.row_box.message.text().lower()
    assert mode.row_box.scale_factor.text() == text  # the typed text is kept to fix


def test_adding_a_row_to_itself_is_refused(qtbot, lab):
    mode = lab.mode
    before = lab.model.state
    mode.row_box.add_target.setValue(1)
    mode.row_box.add_source.setValue(1)
    mode.row_box.add_button.click()
    assert lab.model.state == before
    assert "scaling" in mode.row_box.message.text()


@pytest.mark.parametrize("rows, b, kind, words", [
    ([[2, 1], [4, 3]], [1, 2], "unique", "the only solution"),
    ([[1, 2], [2, 4]], [1, 2], "infinite", "a whole line of solutions"),
    ([[1, 2], [2, 4]], [1, 0], "none", "is not on the line y = 2x"),
])
def test_augmented_systems_are_solved_and_drawn(qtbot, lab, rows, b, kind, words):
    from dataclasses import replace

    mode = lab.mode
    set_a(lab, rows)
    mode.augmented.enabled.setChecked(True)
    assert lab.model.state.rhs == lab.model.state.x
    lab.push(replace(lab.model.state, rhs=Vector(b)), "Edit b")
    assert words in mode.augmented.answer.text()
    play_to_end(qtbot, mode)
    view = mode.canvas_.view
    b_tip = np.array(view.arrow("b").tip)
    reduced_b = mode.trace.product @ Vector(b)
    assert np.allclose(b_tip, [float(c) for c in reduced_b])  # b followed the row operations
    names = [arrow.name for arrow in view.picture.arrows]
    if kind == "unique":
        assert np.allclose(np.array(view.arrow("x").tip), b_tip)  # at I, b lands on x
    elif kind == "infinite":
        assert "x₀" in names and "d" in names and view.picture.span is not None
    else:
        assert "x" not in names and "x₀" not in names
    mode.augmented.enabled.setChecked(False)
    assert lab.model.state.rhs is None


def test_space_elimination_plays_to_the_identity(qtbot, lab):
    from viz.views.space_view import SpaceView

    mode = lab.mode
    set_a(lab, [[0, 1, 2], [1, 0, 3], [4, -3, 8]])
    assert mode.trace.count == 6
    play_to_end(qtbot, mode)
    assert np.allclose(mode.display(mode.player.position), np.eye(3))
    if isinstance(mode.canvas_.view, SpaceView):
        assert np.allclose(mode.canvas_.view.display, np.eye(3))


def _frame_times(qtbot, mode, seconds_per_step=0.3):
    """Play the kernel's elimination; time every show_matrix call of the view on screen."""
    view = mode.canvas_.view
    original, times = view.show_matrix, []

    def timed(display):
        start = time.perf_counter()
        original(display)
        times.append(time.perf_counter() - start)

    view.show_matrix = timed
    try:
        mode.bar.step_seconds.setValue(seconds_per_step)
        play_to_end(qtbot, mode)
    finally:
        del view.show_matrix
    return times


def test_frames_of_a_played_elimination_take_under_16_ms(qtbot, lab):
    mode = lab.mode
    set_a(lab, [[0, 1], [2, 3]])
    times = _frame_times(qtbot, mode)
    assert len(times) > 10
    print(f"\n2D: {len(times)} frames, median {1000 * np.median(times):.2f} ms, "
          f"max {1000 * max(times):.2f} ms")
    assert np.median(times) < 0.016


def test_exports_mid_elimination_and_at_the_end(qtbot, lab, tmp_path):
    mode = lab.mode
    set_a(lab, [[2, 1], [4, 3]])
    mode.player.seek(1.5)
    middle = mode.export_picture(tmp_path / "middle.png", (1600, 1000), None)
    play_to_end(qtbot, mode)
    end = mode.export_picture(tmp_path / "end.svg", (1600, 1000), "light")
    assert middle.stat().st_size > 10000 and end.read_text().startswith("<?xml")
    image = QtGui.QImage(str(middle))
    assert (image.width(), image.height()) == (1600, 1000)
    assert "E_{1}" in mode.notes("latex") and "step 1" in mode.notes("markdown")


def test_frames_of_a_played_space_elimination_take_under_16_ms(qtbot, lab):
    from viz.views.space_view import SpaceView

    mode = lab.mode
    set_a(lab, [[0, 1, 2], [1, 0, 3], [4, -3, 8]])
    if not isinstance(mode.canvas_.view, SpaceView):
        pytest.skip(f"no OpenGL here: {mode.canvas_.view.reason}")
    times = _frame_times(qtbot, mode, seconds_per_step=0.2)
    assert len(times) > 20
    print(f"\n3D: {len(times)} frames, median {1000 * np.median(times):.2f} ms, "
          f"max {1000 * max(times):.2f} ms")
    assert np.median(times) < 0.016


def test_a_line_of_solutions_is_drawn_through_a_particular_solution(qtbot, lab):
    """Ax = b with A singular and b on its column line: every x₀ + s·d solves it, so the band
    drawn is that line — through x₀, along the null direction d — not a line through 0."""
    from dataclasses import replace

    lab.push(replace(lab.model.state, a=Matrix([[1, 2], [2, 4]]), rhs=Vector([3, 6])), "b")
    play_to_end(qtbot, lab.mode)
    view = lab.mode.canvas_.view
    assert view.span.dimension == 1
    band = view.span._band._path
    ends = [np.array([band.elementAt(i).x, band.elementAt(i).y]) for i in range(band.elementCount())]
    x0, d = np.array([3.0, 0.0]), np.array([-2.0, 1.0])

    def off_line(p, through):  # how far p is from the line through ``through`` along d (× |d|)
        return abs((p - through)[0] * d[1] - (p - through)[1] * d[0])

    assert len(ends) >= 2 and all(off_line(p, x0) < 1e-6 for p in ends)
    assert all(off_line(p, np.zeros(2)) > 1 for p in ends)  # it does not pass through the origin
    assert "every solution" in view.span.labels()[0].toPlainText()
