"""The Compose & Eliminate lab's Compose mode, driven through the real window: type A and B,
play AB beside BA, scrub, play a sequence and the inverse as undo, save and reopen, export."""

import json
from fractions import Fraction

import numpy as np
import pytest
from PIL import Image
from PyQt6 import QtCore, QtWidgets

from kernels import Matrix, Vector
from viz.items.segments import Segments
from viz.items.translucent_fill import TranslucentPolygon
from viz.labels import overlaps

from .conftest import type_into


@pytest.fixture
def lab(window):
    window.switch_lab("compose")
    lab = window.lab("compose")
    lab.switch_mode("compose")
    mode = lab.modes["compose"]
    mode.player.set_durations(0.2, 0.05)  # real playing, just quicker
    return lab


def compose(lab):
    return lab.modes["compose"]


def wait_played(qtbot, mode, timeout=4000):
    qtbot.waitUntil(lambda: not mode.player.playing, timeout=timeout)


def tip(canvas, name):
    return np.array(canvas.view.arrow(name).tip)


def test_typing_a_and_b_plays_both_orders_and_ends_on_the_products(qtbot, lab):
    type_into(qtbot, lab.matrices.a_editor.cell(0, 1), "2")  # A = [[1, 2], [0, 1]]
    assert lab.model.state.a == Matrix([[1, 2], [0, 1]])
    mode = compose(lab)
    mode.player.set_durations(0.2, 0.6)
    qtbot.mouseClick(mode.play_pair_button, QtCore.Qt.MouseButton.LeftButton)
    assert mode.player.playing
    qtbot.waitUntil(lambda: mode.player.position == 1.0, timeout=3000)  # the pause after B
    ab, ba, gap = mode.pair_canvases
    wait_played(qtbot, mode)
    A, B = np.array([[1, 2], [0, 1]], float), np.array([[0, -1], [1, 0]], float)
    assert np.allclose(ab.display, A @ B) and np.allclose(ba.display, B @ A)
    assert np.allclose(tip(ab, "î"), (A @ B)[:, 0]) and np.allclose(tip(ba, "ĵ"), (B @ A)[:, 1])
    assert np.allclose(tip(ab, "A(Bx)"), A @ B @ (1, 2)) and np.allclose(tip(ba, "B(Ax)"), B @ A @ (1, 2))
    assert np.allclose(gap.display, A @ B - B @ A)
    assert "A(Bx) = (AB)x = (0, 1)" in ab.caption.text()
    assert "AB ≠ BA" in mode.verdict.toPlainText()


def test_the_intermediate_picture_is_b_alone_and_every_canvas_moves_with_one_scrubber(qtbot, lab):
    mode = compose(lab)
    mode.play("pair")
    mode.player.stop()
    mode.player.seek(1.0)
    ab, ba, gap = mode.pair_canvases
    assert np.allclose(ab.display, lab.model.state.b.to_floats())  # B first …
    assert np.allclose(ba.display, lab.model.state.a.to_floats())  # … or A first
    assert ab.view.settled and "Bx = (−2, 1)" in ab.caption.text()
    mode.player_bar.slider.setValue(250)  # a quarter of the way: all three move together
    position = mode.player.position
    assert 0 < position < 1
    assert np.allclose(gap.display, ab.display - ba.display)


def test_the_three_views_keep_one_height_while_captions_grow(qtbot, lab):
    """The captions gain a line at each step (x, then Bx, then A(Bx)); the views above them
    must neither jump nor re-frame mid-motion, and stand level with each other."""
    mode = compose(lab)
    heights, ranges = set(), set()

    def record(_position):
        heights.add(tuple(canvas.view.height() for canvas in mode.pair_canvases))
        ranges.add(tuple(canvas.view.visible_rect() for canvas in mode.pair_canvases))

    mode.player.moved.connect(record)
    mode.play("pair")
    wait_played(qtbot, mode)
    mode.player.moved.disconnect(record)
    assert len(heights) == 1 and len(set(next(iter(heights)))) == 1, heights
    assert len(ranges) == 1  # framed once, for the whole run
    assert "A(Bx)" in mode.pair_canvases[0].caption.text()  # the tallest caption was shown


def test_at_the_pause_every_canvas_keeps_its_labels_apart_and_inside(qtbot, lab):
    """After B alone, AB − BA shows B − A, not its own matrix: its labels are placed all the
    same (they used to stay where the motion left them: piled on the origin at the start, one
    off the left edge after B)."""
    mode = compose(lab)
    mode.play("pair")
    mode.player.stop()
    for position in (0.0, 1.0, 2.0):
        mode.player.seek(position)
        for canvas in mode.pair_canvases:
            view = canvas.view
            boxes = [view.label_box(item) for item in view.label_items()]
            width, height = view.viewport().width(), view.viewport().height()
            assert overlaps(boxes) == [], (position, canvas.title.text())
            assert all(box.outside(width, height) < 1e-6 for box in boxes), (position, canvas.title.text())


def test_a_pause_is_drawn_once_while_the_player_ticks_on(qtbot, lab, monkeypatch):
    mode = compose(lab)
    mode.play("pair")
    mode.player.stop()
    mode.player.seek(1.0)
    drawn = []
    monkeypatch.setattr(mode.pair_canvases[2], "rest", lambda: drawn.append("placed"))
    mode.player.moved.emit(1.0)  # what each tick of the pause says
    assert drawn == []
    mode.player.seek(1.5)
    mode.player.seek(1.0)
    assert drawn == ["placed"]


def test_a_frame_draws_nothing_smooth_and_see_through(qtbot, lab):
    """Qt blends a smooth see-through stroke wider than a pixel, or a smooth see-through fill,
    fifteen to fifty times slower than an opaque one: three canvases of such shapes missed the
    frame budget. Mid-play, with x faded, every wide line and arrow head is opaque and every
    see-through fill is a TranslucentPolygon (hard-edged fill)."""
    mode = compose(lab)
    mode.play("pair")
    mode.player.stop()
    mode.player.seek(1.5)
    faded = [arrow for canvas in mode.pair_canvases for arrow in canvas.scene.arrows if arrow.opacity < 1]
    assert faded  # x (and Bx) fade once they have been moved on
    for canvas in mode.pair_canvases:
        for item in canvas.view.scene().items():
            if not item.isVisible():
                continue
            if isinstance(item, Segments) and item._pen.widthF() > 1:
                assert item._pen.color().alpha() == 255, item.zValue()
            if isinstance(item, QtWidgets.QAbstractGraphicsShapeItem) and item.brush().color().alpha() < 255 \
                    and item.brush().style() != QtCore.Qt.BrushStyle.NoBrush:
                assert isinstance(item, TranslucentPolygon), type(item)
            if isinstance(item, QtWidgets.QGraphicsPathItem):
                assert item.brush().color().alpha() == 255  # arrow heads


def test_a_caption_can_be_copied_at_rest_but_is_plain_while_moving(qtbot, lab):
    mode = compose(lab)
    mode.play("pair")
    mode.player.stop()
    ab = mode.pair_canvases[0]
    selectable = QtCore.Qt.TextInteractionFlag.TextSelectableByMouse
    mode.player.seek(0.5)
    assert "on the way" in ab.caption.text()
    assert not ab.caption.textInteractionFlags() & selectable
    mode.player.seek(1.0)
    assert all(canvas.caption.textInteractionFlags() & selectable for canvas in mode.pair_canvases)  # AB − BA too
    ab.caption.setSelection(0, len("x = (1, 2)"))
    assert ab.caption.selectedText() == "x = (1, 2)"


def test_a_commuting_pair_says_why(qtbot, lab):
    for row, column, text in ((0, 0, "cos(30deg)"), (0, 1, "-sin(30deg)"), (1, 0, "sin(30deg)"),
                              (1, 1, "cos(30deg)")):
        type_into(qtbot, lab.matrices.a_editor.cell(row, column), text)
    for row, column, text in ((0, 0, "-2"), (0, 1, "0"), (1, 0, "0"), (1, 1, "-2")):
        type_into(qtbot, lab.matrices.b_editor.cell(row, column), text)
    verdict = compose(lab).verdict.toPlainText()
    assert "AB = BA" in verdict and "B = −2I" in verdict and "famous case" in verdict


def test_a_bad_cell_keeps_the_last_valid_matrix(qtbot, lab):
    before = lab.model.state
    type_into(qtbot, lab.matrices.b_editor.cell(1, 0), "2 +")
    assert lab.model.state == before
    assert "Row 2, column 1" in lab.matrices.message.text()


def test_a_sequence_plays_step_by_step_and_its_product_is_right(qtbot, lab):
    mode = compose(lab)
    mode.sequence_edit.setText("rot(90), [1 1; 0 1], [2 0; 0 1]")
    qtbot.mouseClick(mode.play_sequence_button, QtCore.Qt.MouseButton.LeftButton)
    assert lab.model.state.sequence == "rot(90), [1 1; 0 1], [2 0; 0 1]"
    assert mode.pages.currentWidget() is mode.single_canvas and mode.player.timeline.count == 3
    wait_played(qtbot, mode)
    product = np.array([[2, 0], [0, 1]]) @ np.array([[1, 1], [0, 1]]) @ np.array([[0, -1], [1, 0]])
    assert np.allclose(mode.single_canvas.display, product)
    assert np.allclose(tip(mode.single_canvas, "î"), product[:, 0])
    assert "after 3 of 3 steps: M₃ M₂ M₁ = [[2, −2], [1, 0]]" in mode.single_canvas.caption.text()
    mode.player.step(-1)  # back to the rest point after two steps: the shear on top of the turn
    assert mode.player.position == 2.0
    assert np.allclose(mode.single_canvas.display, [[1, -1], [1, 0]])


def test_a_bad_sequence_is_said_and_the_last_one_kept(qtbot, lab):
    mode = compose(lab)
    before = lab.model.state.sequence
    mode.sequence_edit.setText("rot(45), , A")
    qtbot.mouseClick(mode.play_sequence_button, QtCore.Qt.MouseButton.LeftButton)
    assert lab.model.state.sequence == before and "step 2 is empty" in mode.sequence_message.text()


def test_undo_with_the_inverse_comes_home_and_a_singular_matrix_cannot(qtbot, lab):
    mode = compose(lab)
    qtbot.mouseClick(mode.undo_a_button, QtCore.Qt.MouseButton.LeftButton)
    wait_played(qtbot, mode)
    assert np.allclose(mode.single_canvas.display, np.eye(2))
    for row, column, text in ((0, 0, "1"), (0, 1, "2"), (1, 0, "2"), (1, 1, "4")):
        type_into(qtbot, lab.matrices.a_editor.cell(row, column), text)
    qtbot.mouseClick(mode.undo_a_button, QtCore.Qt.MouseButton.LeftButton)
    wait_played(qtbot, mode)
    canvas = mode.single_canvas
    assert np.allclose(tip(canvas, "Ax"), tip(canvas, "Aw"))
    assert canvas.view.settled and canvas.scene.collapse is not None  # the collapse line is drawn
    assert "no inverse" in mode.footer.text() and "rank 1" in mode.footer.text()


def test_undo_and_redo_go_through_the_window_stack(qtbot, window, lab):
    type_into(qtbot, lab.matrices.b_editor.cell(0, 0), "3")
    assert lab.model.state.b[0, 0] == 3
    window.menus.undo_action.trigger()
    assert lab.model.state.b[0, 0] == 0 and lab.matrices.b_editor.cell(0, 0).text() == "0"
    window.menus.redo_action.trigger()
    assert lab.model.state.b[0, 0] == 3


def test_a_session_keeps_the_lab_and_reopens_it(qtbot, window, lab, tmp_path, dialogs):
    type_into(qtbot, lab.matrices.a_editor.cell(1, 0), "1/2")
    path = tmp_path / "pair.lens.json"
    window.documents.save_to(path)
    data = json.loads(path.read_text())
    assert data["lab"] == "compose" and data["compose"]["A"][1][0] == "1/2"
    window.documents.new_scene()  # the lab starts afresh …
    assert lab.model.state.a[1, 0] == 0
    assert window.documents.open_file(path)  # … and the file brings it back
    assert lab.model.state.a == Matrix([[1, 1], [Fraction(1, 2), 1]])
    assert window.current_lab_name == "compose"


def test_export_writes_the_three_canvases_at_this_moment(qtbot, lab, tmp_path):
    mode = compose(lab)
    mode.play("pair")
    wait_played(qtbot, mode)
    png, svg = tmp_path / "pair.png", tmp_path / "pair.svg"
    lab.export_picture(png, (1800, 800), "light")
    lab.export_picture(svg, (1800, 800), None)
    image = Image.open(png).convert("RGB")
    assert image.size == (1800, 800)
    assert image.getpixel((5, 5)) == (255, 255, 255)  # light theme
    text = svg.read_text()
    assert "A(Bx) = (AB)x = (−1, 1)" in text and "AB ≠ BA" in text and "B(Ax) = (BA)x = (−2, 3)" in text


def test_the_vector_x_is_an_input_and_its_images_follow(qtbot, lab):
    type_into(qtbot, lab.matrices.x_editor.cell(0, 0), "3")
    assert lab.model.state.x == Vector([3, 2])
    mode = compose(lab)
    mode.play("pair")
    wait_played(qtbot, mode)
    assert "Bx = (−2, 3)" in mode.pair_canvases[0].caption.text()


def test_a_whole_matrix_can_be_typed_as_an_expression_of_the_other(qtbot, lab, window):
    field = lab.matrices.b_expression
    field.setFocus()
    qtbot.keyClicks(field, "A^T")
    qtbot.keyClick(field, QtCore.Qt.Key.Key_Return)
    assert lab.model.state.b == Matrix([[1, 0], [1, 1]])
    assert lab.matrices.b_editor.cell(1, 0).text() == "1"
    assert lab.matrices.commit_expression("A", "rot(90)")
    assert lab.model.state.a == Matrix([[0, -1], [1, 0]])
    before = lab.model.state
    for bad, message in (("[1 2 3]", "must be 2×2"), ("C", "C is not defined"), ("2", "a number")):
        assert not lab.matrices.commit_expression("A", bad)
        assert message in lab.matrices.message.text() and lab.model.state == before
    window.menus.undo_action.trigger()  # one step each: A back to the shear, B still Aᵀ
    assert lab.model.state.a == Matrix([[1, 1], [0, 1]]) and lab.model.state.b == Matrix([[1, 0], [1, 1]])
