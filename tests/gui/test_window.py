"""The 2D studio, driven as a learner drives it: typing, dragging, presets, undo, animation."""

from fractions import Fraction

import numpy as np
import pytest
from PyQt6 import QtCore

from kernels import Matrix

from .conftest import drag, type_into, wait_settled


def test_window_starts_with_the_identity(window):
    assert window.windowTitle() == "Linear Lens"
    assert window.studio.model.matrix == Matrix.identity(2)
    assert np.allclose(window.studio.view.arrow("î").tip, (1, 0))
    assert np.allclose(window.studio.view.arrow("ĵ").tip, (0, 1))


def test_typing_a_cell_commits_animates_and_moves_the_basis(qtbot, window):
    type_into(qtbot, window.studio.matrix_editor.cell(0, 1), "1")   # shear: ĵ lands on (1, 1)
    assert window.studio.model.matrix == Matrix([[1, 1], [0, 1]])
    assert window.studio.animator.playing  # it animates rather than jumping
    wait_settled(qtbot, window)
    assert np.allclose(window.studio.view.arrow("ĵ").tip, (1, 1))
    assert np.allclose(window.studio.view.arrow("î").tip, (1, 0))
    corners = window.studio.view.area.corners[:4]
    assert np.allclose(corners, [[0, 0], [1, 0], [2, 1], [1, 1]])
    assert window.studio.view.area.label_text.startswith("det = 1")
    assert "shear" in window.studio.info_panel.toPlainText().lower()


def test_expressions_in_cells_stay_exact_and_keep_their_spelling(qtbot, window):
    type_into(qtbot, window.studio.matrix_editor.cell(0, 0), "1/3", key=QtCore.Qt.Key.Key_Tab)
    type_into(qtbot, window.studio.matrix_editor.cell(1, 1), "sqrt(2)/2")
    assert window.studio.model.matrix[0, 0] == Fraction(1, 3)
    assert window.studio.model.matrix[1, 1] == pytest.approx(2 ** 0.5 / 2)
    assert window.studio.matrix_editor.cell(1, 1).text() == "sqrt(2)/2"
    wait_settled(qtbot, window)
    assert "1/3" in window.studio.info_panel.toPlainText()  # exact determinant √2/6 shown as ≈ float


@pytest.mark.parametrize("bad", ["2 +", "sqrt(-1)", "hello", "1/0", "(1"])
def test_invalid_text_keeps_the_last_valid_matrix(qtbot, window, bad):
    type_into(qtbot, window.studio.matrix_editor.cell(0, 0), "3")
    wait_settled(qtbot, window)
    before = window.studio.model.matrix
    cell = window.studio.matrix_editor.cell(1, 0)
    type_into(qtbot, cell, bad)
    assert window.studio.model.matrix == before
    assert cell.error is not None and "Row 2, column 1" in cell.error
    assert "Not a number" in window.statusBar().currentMessage()
    assert np.allclose(window.studio.view.display, [[3, 0], [0, 1]])
    type_into(qtbot, cell, "2")  # fixing the cell clears the mark
    assert cell.error is None and window.studio.model.matrix == Matrix([[3, 0], [2, 1]])


def test_dragging_i_hat_edits_the_first_column(qtbot, window):
    drag(qtbot, window.studio.view, (1, 0), (2.0, 1.0))
    wait_settled(qtbot, window)
    m = window.studio.model.matrix
    assert float(m[0, 0]) == pytest.approx(2.0, abs=0.06)
    assert float(m[1, 0]) == pytest.approx(1.0, abs=0.06)
    assert (m[0, 1], m[1, 1]) == (0, 1)  # ĵ untouched
    assert float(Fraction(window.studio.matrix_editor.cell(0, 0).text())) == pytest.approx(float(m[0, 0]))
    assert window.undo_stack.count() == 1  # one drag, one undo step
    window.undo_stack.undo()
    assert window.studio.model.matrix == Matrix.identity(2)


def test_shift_drag_snaps_to_the_grid(qtbot, window):
    drag(qtbot, window.studio.view, (0, 1), (-1.8, 2.2), modifiers=QtCore.Qt.KeyboardModifier.ShiftModifier)
    wait_settled(qtbot, window)
    assert window.studio.model.matrix == Matrix([[1, -2], [0, 2]])
    assert window.studio.matrix_editor.cell(0, 1).text() == "-2"


def test_dragging_empty_space_pans_instead_of_editing(qtbot, window):
    before = window.studio.view.visible_rect()
    drag(qtbot, window.studio.view, (-3, -2), (-2, -1))
    assert window.studio.model.matrix == Matrix.identity(2)
    assert window.studio.view.visible_rect() != before


def test_presets_menu_applies_each_preset(qtbot, window):
    groups = [a.menu() for a in window.studio.menus_.presets_menu.actions() if a.menu()]
    actions = {a.text(): a for g in groups for a in g.actions()}
    for name in ("Rotation by 90°", "Reflection across y = x", "Projection onto the line y = 2x",
                 "Rotation-scaling (complex eigenvalues)", "Identity"):
        assert name in actions
    actions["Reflection across y = x"].trigger()
    assert window.studio.model.matrix == Matrix([[0, 1], [1, 0]])
    wait_settled(qtbot, window)
    assert "orientation flipped" in window.studio.view.area.label_text
    assert "reflection across the line y = x" in window.studio.info_panel.toPlainText().lower()


def test_undo_and_redo_round_trip(qtbot, window):
    type_into(qtbot, window.studio.matrix_editor.cell(0, 0), "2")
    type_into(qtbot, window.studio.matrix_editor.cell(1, 1), "3")
    assert window.studio.model.matrix == Matrix([[2, 0], [0, 3]])
    window.undo_stack.undo()
    assert window.studio.model.matrix == Matrix([[2, 0], [0, 1]])
    assert window.studio.matrix_editor.cell(1, 1).text() == "1"
    window.undo_stack.undo()
    assert window.studio.model.matrix == Matrix.identity(2)
    window.undo_stack.redo()
    window.undo_stack.redo()
    assert window.studio.model.matrix == Matrix([[2, 0], [0, 3]])


def test_half_turn_animation_rotates_and_shows_det_t(qtbot, window):
    window.studio.apply_matrix(Matrix([[-1, 0], [0, -1]]))
    window.studio.animator.seek(0.5)
    assert window.studio.view.settled is False
    np.testing.assert_allclose(window.studio.view.display, [[0, -1], [1, 0]], atol=1e-9)
    assert window.studio.animation_bar.det_label.text() == "det(t) = 1.000"
    window.studio.play_from_identity()
    wait_settled(qtbot, window)
    np.testing.assert_allclose(window.studio.view.display, [[-1, 0], [0, -1]])


def test_pause_and_scrub(qtbot, window):
    window.studio.animator.duration = 5.0
    window.studio.apply_matrix(Matrix([[2, 0], [0, 2]]))
    qtbot.wait(50)
    window.studio.animation_bar.pause_button.click()
    assert not window.studio.animator.playing
    frozen = window.studio.animator.progress
    qtbot.wait(100)
    assert window.studio.animator.progress == frozen
    window.studio.animation_bar.slider.setSliderDown(True)
    window.studio.animation_bar.slider.sliderMoved.emit(250)
    window.studio.animation_bar.slider.setSliderDown(False)
    assert window.studio.animator.progress == pytest.approx(0.25)
    assert window.studio.animation_bar.t_label.text() == "t = 0.25"


def test_eigen_directions_appear_when_the_animation_ends(qtbot, window):
    window.studio.apply_matrix(Matrix([[2, 1], [1, 2]]))
    assert window.studio.view.eigenlines.shown() == []  # hidden while the plane moves
    wait_settled(qtbot, window)
    shown = window.studio.view.eigenlines.shown()
    assert sorted(round(angle) % 180 for angle, _ in shown) == [45, 135]
    assert sorted(label for _, label in shown) == ["λ = 1", "λ = 3"]


def test_singular_matrix_highlights_the_collapse_line(qtbot, window):
    window.studio.apply_matrix(Matrix([[1, 2], [2, 4]]))
    wait_settled(qtbot, window)
    assert window.studio.view.collapse.shape == "line"
    assert window.studio.view.collapse.angle == pytest.approx(np.degrees(np.arctan2(2, 1)))
    text = window.studio.info_panel.toPlainText()
    assert "y = 2x" in text and "no matrix can undo it" in text


def test_vector_v_and_its_image(qtbot, window):
    type_into(qtbot, window.studio.vector_panel.rows[0].cells[0], "3")
    window.studio.apply_matrix(Matrix([[0, -1], [1, 0]]))
    wait_settled(qtbot, window)
    assert np.allclose(window.studio.view.arrow("v").tip, (3, 2))
    assert np.allclose(window.studio.view.arrow("Mv").tip, (-2, 3))


def test_theme_switch_changes_the_background_and_is_undoable(qtbot, window):
    window.menus.theme_actions["light"].trigger()
    assert window.studio.model.theme == "light"
    assert window.studio.view.backgroundBrush().color().name() == "#ffffff"
    window.undo_stack.undo()
    assert window.studio.model.theme == "dark"
    assert window.menus.theme_actions["dark"].isChecked()


def test_fit_shows_everything(qtbot, window):
    window.studio.apply_matrix(Matrix([[6, 0], [0, 4]]))
    wait_settled(qtbot, window)
    window.studio.view.fit()
    x_min, x_max, y_min, y_max = window.studio.view.visible_rect()
    assert x_max >= 6 and y_max >= 8 and x_min < 0 and y_min < 0


def test_steps_tab_follows_the_matrix(qtbot, window):
    window.studio.side_tabs.setCurrentWidget(window.studio.steps_panel)
    type_into(qtbot, window.studio.matrix_editor.cell(1, 0), "2")
    text = window.studio.steps_panel.toPlainText()
    assert "R2 ← R2 − 2·R1" in text
    assert "Inverse by Gauss–Jordan" in text
