"""The 3D studio inside the real window: switch, type a 3×3, animate, presets, undo, export.

Needs OpenGL (a display): skipped without one, a failure with LINEAR_LENS_REQUIRE_GL=1.
"""

import os

import numpy as np
import pytest
from PyQt6 import QtGui

from kernels import Matrix, Vector
from viz.interpolation import rotation_about

from .conftest import type_into, wait_settled


@pytest.fixture
def window3d(qtbot, window):
    from viz.gl_support import opengl_problem

    problem = opengl_problem()
    if problem:
        if os.environ.get("LINEAR_LENS_REQUIRE_GL") == "1":
            pytest.fail(f"OpenGL is required here (LINEAR_LENS_REQUIRE_GL=1) but {problem}")
        pytest.skip(f"no OpenGL: {problem}")
    window.dimension_actions[3].trigger()
    qtbot.waitExposed(window.space_view)
    return window


def test_switch_to_3d_gives_a_3x3_editor_and_the_space_view(window3d):
    window = window3d
    assert window.model.matrix == Matrix.identity(3) and window.model.vector == Vector([1, 2, 1])
    assert window.matrix_editor.shape == (3, 3) and window.vector_editor.shape == (3, 1)
    assert window.canvas.currentWidget() is window.space_view
    assert "k̂" in window.matrix_title.text()
    assert not window.export_animation_action.isEnabled() and not window.fit_action.isEnabled()
    window.undo_stack.undo()  # back to the plane in one step
    assert window.model.matrix == Matrix.identity(2)
    assert window.matrix_editor.shape == (2, 2) and window.canvas.currentWidget() is window.view


def test_typing_a_3x3_animates_and_flattens_space_for_rank_2(qtbot, window3d):
    window = window3d
    type_into(qtbot, window.matrix_editor.cell(0, 2), "1")
    type_into(qtbot, window.matrix_editor.cell(1, 2), "1")
    wait_settled(qtbot, window)
    type_into(qtbot, window.matrix_editor.cell(2, 2), "0")
    type_into(qtbot, window.matrix_editor.cell(2, 0), "1")
    type_into(qtbot, window.matrix_editor.cell(2, 1), "1")
    assert window.animator.playing
    qtbot.waitUntil(lambda: not window.animator.playing and window.space_view.settled, timeout=4000)
    matrix = window.model.matrix
    assert matrix == Matrix([[1, 0, 1], [0, 1, 1], [1, 1, 0]])
    type_into(qtbot, window.matrix_editor.cell(2, 2), "2")  # now column 3 = column 1 + column 2
    qtbot.waitUntil(lambda: not window.animator.playing and window.space_view.settled, timeout=4000)
    points = window.space_view.lattice.points
    normal = np.cross([1, 0, 1], [0, 1, 1])
    assert np.abs(points @ normal).max() < 1e-9  # every lattice point on one plane
    assert "collapses space onto the plane" in window.info_panel.toPlainText()
    assert window.space_view.collapse.normals


def test_rotation_about_an_axis_animates_as_that_rotation(qtbot, window3d):
    window = window3d
    window.animator.duration = 5.0
    presets = {a.text(): a for g in window.presets_menu.actions() if g.menu()
               for a in g.menu().actions()}
    presets["Rotation by 120° about the axis (1, 1, 1)"].trigger()
    window.animator.seek(0.5)
    axis = np.ones(3) / np.sqrt(3)
    shown = window.space_view.display
    assert np.allclose(shown @ axis, axis)               # the axis stays put all the way
    assert np.allclose(shown.T @ shown, np.eye(3))       # a rotation, not a blend
    assert window.animation_bar.det_label.text() == "det(t) = 1.000"
    window.animator.finish()
    assert "rotation by 120°" in window.info_panel.toPlainText()
    assert np.allclose(window.space_view.display, rotation_about(axis, np.radians(120)))


def test_parallelepiped_pixels_in_the_window(qtbot, window3d):
    window = window3d
    window.apply_matrix(Matrix([[2, 0, 0], [0, 1, 0], [0, 0, 1]]))
    wait_settled_3d(qtbot, window)
    view = window.space_view
    image = view.grabFramebuffer()
    from viz.geometry3d import project

    (x, y), = project([[1.0, 0.5, 1.0]], view.camera(), (view.width(), view.height()))[0]
    colour = image.pixelColor(int(x), int(y))
    assert colour.green() > colour.red() + 15 and colour.green() > 40  # the translucent green top


def test_export_picture_in_3d_writes_png_and_svg(qtbot, window3d, tmp_path):
    window = window3d
    window.apply_matrix(Matrix([[0, -1, 0], [1, 0, 0], [0, 0, 1]]))
    wait_settled_3d(qtbot, window)
    for name in ("space.png", "space.svg"):
        dialog = window.make_export_dialog()
        qtbot.addWidget(dialog)
        dialog.path.setText(str(tmp_path / name))
        dialog.width_box.setValue(900)
        dialog.height_box.setValue(600)
        assert dialog.save()
    image = QtGui.QImage(str(tmp_path / "space.png"))
    assert (image.width(), image.height()) == (900, 600)
    assert "rotation by 90° about the z-axis" in (tmp_path / "space.svg").read_text()


def test_3d_session_round_trip(qtbot, window3d, tmp_path):
    window = window3d
    window.apply_matrix(Matrix([[1, 0, 0], [0, 1, 0], [0, 0, -1]]))
    assert window.save_to(tmp_path / "space.lens.json")
    window.switch_dimension(2)
    assert window.model.dimension == 2
    assert window.open_file(tmp_path / "space.lens.json")
    assert window.model.matrix == Matrix([[1, 0, 0], [0, 1, 0], [0, 0, -1]])
    assert window.canvas.currentWidget() is window.space_view


def wait_settled_3d(qtbot, window):
    qtbot.waitUntil(lambda: not window.animator.playing and window.space_view.settled, timeout=4000)


def test_without_opengl_the_3d_studio_explains_and_still_works(qtbot, window, monkeypatch, tmp_path):
    import viz.app

    monkeypatch.setattr(viz.app, "opengl_problem", lambda: "no OpenGL context could be created")
    window.switch_dimension(3)
    shown = window.canvas.currentWidget()
    assert shown is window.space_view and "needs OpenGL" in shown.text()
    assert "no OpenGL context could be created" in shown.text()
    window.apply_matrix(Matrix([[2, 0, 0], [0, 2, 0], [0, 0, 3]]))
    window.animator.finish()
    assert "scales x by 2, y by 2 and z by 3" in window.info_panel.toPlainText()
    svg = window._export_space(tmp_path / "space.svg", (800, 500), None)  # vector export needs no GL
    assert svg.exists()
