"""The Vectors tab, driven like a user: type into cells, tick boxes, click buttons, move sliders."""

import math
from fractions import Fraction

import numpy as np
import pytest
from PyQt6 import QtCore, QtGui

from kernels import Matrix, Vector, parse_scalar
from viz.controls.vector_panel import VectorPanel
from viz.model import SceneModel
from viz.palette import OKABE_ITO, VECTOR_SEQUENCES
from viz.scene import SceneState

from .conftest import type_into

Key = QtCore.Qt.Key
LEFT = QtCore.Qt.MouseButton.LeftButton


@pytest.fixture
def panel(qtbot):
    panel = VectorPanel(SceneModel(), QtGui.QUndoStack())
    qtbot.addWidget(panel)
    panel.resize(360, 780)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def names(panel):
    return [name for name, _ in panel.model.vectors]


def click(qtbot, widget):
    qtbot.mouseClick(widget, LEFT)


def tick(qtbot, panel, *indices):
    for i in indices:
        click(qtbot, panel.rows[i].compare)


def clear_and_commit(qtbot, line_edit):
    line_edit.setFocus()
    line_edit.selectAll()
    qtbot.keyClick(line_edit, Key.Key_Delete)
    qtbot.keyClick(line_edit, Key.Key_Return)


def type_vector(qtbot, panel, row, *texts):
    for cell, text in zip(panel.rows[row].cells, texts):
        type_into(qtbot, cell, text)


def test_add_remove_with_undo_and_redo(qtbot, panel):
    stack = panel.undo_stack
    assert not panel.rows[0].remove.isEnabled()  # the scene always keeps v
    click(qtbot, panel.add_button)
    click(qtbot, panel.add_button)
    assert names(panel) == ["v", "v1", "v2"]
    assert panel.model.vectors[1][1] == Vector([2, 1])  # off the axes, and off v = (1, 2)
    assert len(panel.rows) == 3
    click(qtbot, panel.rows[1].remove)
    assert names(panel) == ["v", "v2"] and len(panel.rows) == 2
    click(qtbot, panel.add_button)  # the first free name comes back
    assert names(panel) == ["v", "v2", "v1"]
    assert stack.count() == 4 and stack.undoText() == "Add vector v1"
    stack.undo()
    stack.undo()
    assert names(panel) == ["v", "v1", "v2"]
    assert [row.name.text() for row in panel.rows] == ["v", "v1", "v2"]
    stack.undo()
    stack.undo()
    assert names(panel) == ["v"] and len(panel.rows) == 1
    stack.redo()
    assert names(panel) == ["v", "v1"] and panel.rows[1].name.text() == "v1"


def test_a_new_vector_has_a_colour_and_a_direction_of_its_own_in_one_undo_step(qtbot, panel):
    """Issue 16: every new vector was pink, and lay on î."""
    stack = panel.undo_stack
    for _ in range(3):
        click(qtbot, panel.add_button)
    colours = [panel.model.style(name).color for name in ("v1", "v2", "v3")]
    assert colours == list(VECTOR_SEQUENCES["okabe-ito"][:3])  # three colours, none v's pink
    directions = [vector for _, vector in panel.model.vectors]
    assert all(0 not in vector for vector in directions)  # none lies on an axis
    assert len({tuple(Fraction(x) / vector[0] for x in vector) for vector in directions}) == 4  # nor on another
    for row, colour in zip(panel.rows[1:], colours):  # the swatch shows it
        assert row.colour.icon().pixmap(14, 14).toImage().pixelColor(7, 7).name().lower() == colour.lower()
    assert stack.count() == 3 and stack.undoText() == "Add vector v3"
    stack.undo()  # one step takes the vector and its colour away together
    assert names(panel) == ["v", "v1", "v2"] and "v3" not in panel.model.styles
    stack.redo()
    assert panel.model.style("v3").color == colours[2]
    stack.undo()
    stack.undo()
    click(qtbot, panel.add_button)  # a colour given back is the next one handed out
    assert names(panel) == ["v", "v1", "v2"] and panel.model.style("v2").color == colours[1]


def test_undoing_a_removal_brings_the_vector_back_in_its_colour(qtbot, panel):
    click(qtbot, panel.add_button)
    click(qtbot, panel.add_button)
    styles = panel.model.styles
    click(qtbot, panel.rows[1].remove)
    assert names(panel) == ["v", "v2"] and "v1" not in panel.model.styles
    panel.undo_stack.undo()
    assert names(panel) == ["v", "v1", "v2"] and panel.model.styles == styles
    panel.undo_stack.redo()
    assert names(panel) == ["v", "v2"] and panel.model.styles == {"v2": styles["v2"]}


def test_a_new_vector_follows_the_palette_and_the_dimension(qtbot, panel):
    panel.model.set_appearance(theme="light", palette="classic")
    click(qtbot, panel.add_button)
    assert panel.model.style("v1").color == VECTOR_SEQUENCES["classic"][0]
    panel.model.set_state(SceneState.fresh(3))
    for _ in range(4):
        click(qtbot, panel.add_button)
    colours = [panel.model.style(name).color for name in ("v1", "v2", "v3", "v4")]
    assert OKABE_ITO["blue"] not in colours  # k̂ is blue in space: four other colours first
    assert len(set(colours)) == 4


def test_remove_keeps_the_other_ticked_vectors_ticked(qtbot, panel):
    for _ in range(3):
        click(qtbot, panel.add_button)
    tick(qtbot, panel, 1, 3)
    click(qtbot, panel.rows[1].remove)
    assert names(panel) == ["v", "v2", "v3"]
    assert panel.model.selection == (2,)
    assert [row.compare.isChecked() for row in panel.rows] == [False, False, True]


def test_rename_is_undoable_and_refuses_empty_or_taken_names(qtbot, panel):
    click(qtbot, panel.add_button)
    type_into(qtbot, panel.rows[1].name, "w")
    assert names(panel) == ["v", "w"]
    assert panel.undo_stack.undoText() == "Rename v1 to w"
    panel.undo_stack.undo()
    assert names(panel) == ["v", "v1"] and panel.rows[1].name.text() == "v1"
    panel.undo_stack.redo()
    assert panel.rows[1].name.text() == "w"

    count = panel.undo_stack.count()
    type_into(qtbot, panel.rows[1].name, "v")
    assert names(panel) == ["v", "w"] and panel.rows[1].name.text() == "w"
    assert "already taken" in panel.message.text() and panel.message.isVisible()
    clear_and_commit(qtbot, panel.rows[0].name)
    assert names(panel) == ["v", "w"] and panel.rows[0].name.text() == "v"
    assert "needs a name" in panel.message.text()
    assert panel.undo_stack.count() == count


def test_typed_components_are_exact_and_undoable(qtbot, panel):
    type_vector(qtbot, panel, 0, "1/3", "-2/7")
    x, y = panel.model.vector
    assert (x, y) == (Fraction(1, 3), Fraction(-2, 7))
    assert isinstance(x, Fraction) and isinstance(y, Fraction)
    assert panel.rows[0].cells[0].text() == "1/3"  # the user's spelling stays
    assert panel.undo_stack.count() == 2
    type_into(qtbot, panel.rows[0].cells[0], "2/6")  # the same number: nothing to undo
    assert panel.undo_stack.count() == 2
    panel.undo_stack.undo()
    assert panel.model.vector == Vector([Fraction(1, 3), 2])
    assert panel.rows[0].cells[1].text() == "2"


def test_invalid_component_marks_the_cell_and_changes_nothing(qtbot, panel):
    cell = panel.rows[0].cells[1]
    type_into(qtbot, cell, "2*")
    assert panel.model.vector == Vector([1, 2])
    assert panel.undo_stack.count() == 0
    assert cell.error and cell.styleSheet() and "v, y" in cell.toolTip()
    assert "v is unchanged" in panel.message.text()
    click(qtbot, panel.add_button)  # another change leaves the marked cell as the user left it
    assert cell.text() == "2*" and cell.error
    type_into(qtbot, cell, "5")
    assert panel.model.vector == Vector([1, 5]) and cell.error is None and not cell.styleSheet()


def test_dependent_selection_shows_the_exact_relation(qtbot, panel):
    assert "Nothing ticked" in panel.analysis.toPlainText()
    click(qtbot, panel.add_button)
    type_vector(qtbot, panel, 1, "2", "4")
    tick(qtbot, panel, 0)
    text = panel.analysis.toPlainText()
    assert "v spans a line through the origin" in text and "dimension 1" in text
    tick(qtbot, panel, 1)
    assert panel.model.selection == (0, 1)
    text = panel.analysis.toPlainText()
    assert "dependent: 2·v − 1·v1 = 0, so v1 adds nothing new to the span" in text
    assert "the line y = 2x" in text
    type_into(qtbot, panel.rows[1].cells[1], "0")  # live: the verdict follows the edit
    assert "independent: v, v1 form a basis of the whole plane" in panel.analysis.toPlainText()


def test_two_vectors_show_the_dot_product(qtbot, panel):
    click(qtbot, panel.add_button)
    type_vector(qtbot, panel, 1, "0.5", "-3")
    tick(qtbot, panel, 0, 1)
    text = panel.analysis.toPlainText()
    u, v = np.array([1, 2.0]), np.array([0.5, -3])
    shown = text.split("v·v1", 1)[1].split()[0]
    assert float(parse_scalar(shown.replace("−", "-"))) == pytest.approx(np.dot(u, v))
    degrees = math.degrees(math.acos(np.dot(u, v) / np.linalg.norm(u) / np.linalg.norm(v)))
    assert f"{degrees:.6g}°" in text
    assert "√5 ≈ 2.23607" in text  # |v|
    assert "proj" in text and "Cosine similarity" in text and "opposing directions" in text


def test_add_columns_of_a_singular_matrix_is_dependent(qtbot, panel):
    panel.model.set_matrix(Matrix([[1, 2], [2, 4]]))
    assert "whole plane" in panel.columns_button.toolTip()
    click(qtbot, panel.columns_button)
    assert dict(panel.model.vectors)["c1"] == Vector([1, 2])
    assert dict(panel.model.vectors)["c2"] == Vector([2, 4])
    assert panel.model.selection == (1, 2)
    assert "dependent: 2·c1 − 1·c2 = 0" in panel.analysis.toPlainText()
    click(qtbot, panel.columns_button)  # again: the columns are updated, not added twice
    assert names(panel) == ["v", "c1", "c2"]
    panel.undo_stack.undo()
    assert names(panel) == ["v"] and panel.model.selection == ()


def test_sliders_set_the_combination(qtbot, panel):
    assert not panel.sliders and not panel.clear_button.isEnabled()
    click(qtbot, panel.add_button)
    tick(qtbot, panel, 0, 1)
    assert len(panel.sliders) == 2
    assert [label.text() for label in panel.slider_names] == ["c1·v", "c2·v1"]
    qtbot.keyClick(panel.sliders[0], Key.Key_PageUp)  # +0.5
    assert panel.model.combination == (0.5, 0.0)
    qtbot.keyClick(panel.sliders[1], Key.Key_Left)  # −0.05
    assert panel.model.combination == pytest.approx((0.5, -0.05))
    assert panel.slider_values[1].text() == "−0.05"
    assert "= (0.4, 0.95)" in panel.combination_label.text()  # 0.5·(1, 2) − 0.05·(2, 1)
    click(qtbot, panel.clear_button)
    assert panel.model.combination is None
    assert [s.value() for s in panel.sliders] == [0, 0]
    tick(qtbot, panel, 1)  # unticking one leaves one slider
    assert len(panel.sliders) == 1


def test_reach_a_reachable_target(qtbot, panel):
    click(qtbot, panel.add_button)
    type_vector(qtbot, panel, 1, "1", "0")
    tick(qtbot, panel, 0, 1)
    type_into(qtbot, panel.target_cells[0], "3")
    type_into(qtbot, panel.target_cells[1], "5")
    click(qtbot, panel.reach_button)
    assert panel.model.combination == (2.5, 0.5)  # 2.5·(1, 2) + 0.5·(1, 0) = (3, 5)
    assert panel.reach_result.text() == "(3, 5) = (5/2)·v + (1/2)·v1"
    assert [s.value() for s in panel.sliders] == [50, 10]
    assert [label.text() for label in panel.slider_values] == ["2.5", "0.5"]
    type_into(qtbot, panel.target_cells[1], "1/3")  # Enter in a target cell reaches too
    assert panel.model.combination == pytest.approx((1 / 6, 17 / 6))


def test_reach_an_unreachable_target_says_why(qtbot, panel):
    click(qtbot, panel.add_button)
    type_vector(qtbot, panel, 1, "2", "4")
    tick(qtbot, panel, 0, 1)
    qtbot.keyClick(panel.sliders[0], Key.Key_Right)
    before = panel.model.combination
    click(qtbot, panel.reach_button)  # the default target (3, 5)
    assert "they only reach the line y = 2x" in panel.reach_result.text()
    assert panel.model.combination == before and panel.sliders[0].value() == 1
    type_into(qtbot, panel.target_cells[0], "x")
    assert panel.target_cells[0].error and panel.model.combination == before


def test_dimension_switch_rebuilds_with_three_components(qtbot, panel):
    click(qtbot, panel.add_button)
    panel.model.set_state(SceneState.fresh(3))
    assert len(panel.rows) == 1 and len(panel.rows[0].cells) == 3
    assert [c.text() for c in panel.rows[0].cells] == ["1", "2", "1"]
    assert len(panel.target_cells) == 3
    assert "all of space" in panel.columns_button.toolTip()
    type_into(qtbot, panel.rows[0].cells[2], "-1/2")
    assert panel.model.vector == Vector([1, 2, Fraction(-1, 2)])
    click(qtbot, panel.add_button)
    assert panel.model.vectors[1][1] == Vector([2, -1, 1])
    click(qtbot, panel.columns_button)
    assert "independent: c1, c2, c3 form a basis of all of 3D space" in panel.analysis.toPlainText()


def test_outside_changes_update_in_place_and_spare_a_cell_being_typed(qtbot, panel):
    click(qtbot, panel.add_button)
    tick(qtbot, panel, 0, 1)
    rows = list(panel.rows)
    cells = [cell for row in rows for cell in row.cells]
    panel.activateWindow()
    typing = panel.rows[1].cells[1]
    typing.setFocus()
    qtbot.waitUntil(typing.hasFocus, timeout=2000)
    qtbot.keyClicks(typing, "7")  # typed, not committed yet
    panel.model.set_vectors((("v", Vector([3.0, -1.5])), ("v1", Vector([1, 0]))))  # e.g. a tip dragged
    assert panel.rows == rows and [c for r in panel.rows for c in r.cells] == cells
    assert [c.text() for c in panel.rows[0].cells] == ["3", "-1.5"]
    assert typing.text() == "17"  # v1 = (2, 1): its y, and the 7 being typed
    assert "v·v1 = 3" in panel.analysis.toPlainText()


def test_snapshot(qtbot, panel, tmp_path):
    """What the tab looks like, ~360 px wide (kept as a PNG for a human to look at)."""
    click(qtbot, panel.add_button)
    type_vector(qtbot, panel, 1, "3", "1/2")
    tick(qtbot, panel, 0, 1)
    click(qtbot, panel.reach_button)
    qtbot.wait(20)
    image = panel.grab().toImage()
    assert image.save(str(tmp_path / "vector_panel.png"))
    assert (image.width(), image.height()) == (panel.width(), panel.height())
    assert panel.reach_result.height() > 0
