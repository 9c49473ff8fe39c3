"""The 3D studio inside the real window: switch, type a 3×3, animate, presets, undo, export.

Needs OpenGL (a display): skipped without one, a failure with LINEAR_LENS_REQUIRE_GL=1.
"""


import numpy as np
import pytest
from PyQt6 import QtGui

from conftest import require_opengl
from kernels import Matrix, Vector
from viz.interpolation import rotation_about

from .conftest import type_into, wait_settled


@pytest.fixture
def window3d(qtbot, window):
    require_opengl()
    window.studio.menus_.dimension_actions[3].trigger()
    qtbot.waitExposed(window.studio.space_view)
    return window


def test_switch_to_3d_gives_a_3x3_editor_and_the_space_view(window3d):
    window = window3d
    assert window.studio.model.matrix == Matrix.identity(3) and window.studio.model.vector == Vector([1, 2, 1])
    assert window.studio.matrix_editor.shape == (3, 3) and len(window.studio.vector_panel.rows[0].cells) == 3
    assert window.studio.views.currentWidget() is window.studio.space_view
    assert "k̂" in window.studio.panel().matrix_title.text()
    assert window.menus.export_animation_action.isEnabled()  # 3D animations are painted without OpenGL
    assert not window.studio.menus_.fit_action.isEnabled()
    window.undo_stack.undo()  # back to the plane in one step
    assert window.studio.model.matrix == Matrix.identity(2)
    assert window.studio.matrix_editor.shape == (2, 2) and window.studio.views.currentWidget() is window.studio.view


def test_typing_a_3x3_animates_and_flattens_space_for_rank_2(qtbot, window3d):
    window = window3d
    type_into(qtbot, window.studio.matrix_editor.cell(0, 2), "1")
    type_into(qtbot, window.studio.matrix_editor.cell(1, 2), "1")
    wait_settled(qtbot, window)
    type_into(qtbot, window.studio.matrix_editor.cell(2, 2), "0")
    type_into(qtbot, window.studio.matrix_editor.cell(2, 0), "1")
    type_into(qtbot, window.studio.matrix_editor.cell(2, 1), "1")
    assert window.studio.animator.playing
    qtbot.waitUntil(lambda: not window.studio.animator.playing and window.studio.space_view.settled, timeout=4000)
    matrix = window.studio.model.matrix
    assert matrix == Matrix([[1, 0, 1], [0, 1, 1], [1, 1, 0]])
    type_into(qtbot, window.studio.matrix_editor.cell(2, 2), "2")  # now column 3 = column 1 + column 2
    qtbot.waitUntil(lambda: not window.studio.animator.playing and window.studio.space_view.settled, timeout=4000)
    points = window.studio.space_view.lattice.points
    normal = np.cross([1, 0, 1], [0, 1, 1])
    assert np.abs(points @ normal).max() < 1e-9  # every lattice point on one plane
    assert "collapses space onto the plane" in window.studio.info_panel.toPlainText()
    assert window.studio.space_view.collapse.normals


def test_rotation_about_an_axis_animates_as_that_rotation(qtbot, window3d):
    window = window3d
    window.studio.animator.duration = 5.0
    presets = {a.text(): a for g in window.studio.menus_.presets_menu.actions() if g.menu()
               for a in g.menu().actions()}
    presets["Rotation by 120° about the axis (1, 1, 1)"].trigger()
    window.studio.animator.seek(0.5)
    axis = np.ones(3) / np.sqrt(3)
    shown = window.studio.space_view.display
    assert np.allclose(shown @ axis, axis)               # the axis stays put all the way
    assert np.allclose(shown.T @ shown, np.eye(3))       # a rotation, not a blend
    assert window.studio.animation_bar.det_label.text() == "det(t) = 1.000"
    window.studio.animator.finish()
    assert "rotation by 120°" in window.studio.info_panel.toPlainText()
    assert np.allclose(window.studio.space_view.display, rotation_about(axis, np.radians(120)))


def test_parallelepiped_pixels_in_the_window(qtbot, window3d):
    window = window3d
    window.studio.apply_matrix(Matrix([[2, 0, 0], [0, 1, 0], [0, 0, 1]]))
    wait_settled_3d(qtbot, window)
    view = window.studio.space_view
    image = view.grabFramebuffer()
    from viz.geometry3d import project

    # the top face z = 1 of the box [0, 2] × [0, 1] × [0, 1], at nine points inside it: the
    # translucent green shows at (nearly) all of them — an arrow or a label may cover one or two
    points = [[x, y, 1.0] for x in (0.5, 1.0, 1.5) for y in (0.25, 0.5, 0.75)]
    pixels = project(points, view.camera(), (view.width(), view.height()))[0]
    colours = [image.pixelColor(int(x), int(y)) for x, y in pixels]
    green = [c for c in colours if c.green() > c.red() + 15 and c.green() > 40]
    assert len(green) >= 7, [(c.red(), c.green(), c.blue()) for c in colours]


def test_export_picture_in_3d_writes_png_and_svg(qtbot, window3d, tmp_path):
    window = window3d
    window.studio.apply_matrix(Matrix([[0, -1, 0], [1, 0, 0], [0, 0, 1]]))
    wait_settled_3d(qtbot, window)
    for name in ("space.png", "space.svg"):
        dialog = window.menus.make_export_dialog()
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
    window.studio.apply_matrix(Matrix([[1, 0, 0], [0, 1, 0], [0, 0, -1]]))
    assert window.documents.save_to(tmp_path / "space.lens.json")
    window.studio.switch_dimension(2)
    assert window.studio.model.dimension == 2
    assert window.documents.open_file(tmp_path / "space.lens.json")
    assert window.studio.model.matrix == Matrix([[1, 0, 0], [0, 1, 0], [0, 0, -1]])
    assert window.studio.views.currentWidget() is window.studio.space_view


def wait_settled_3d(qtbot, window):
    qtbot.waitUntil(lambda: not window.studio.animator.playing and window.studio.space_view.settled, timeout=4000)


def test_without_opengl_the_3d_studio_explains_and_still_works(qtbot, window, monkeypatch, tmp_path):
    import viz.labs.studio.lab

    monkeypatch.setattr(viz.labs.studio.lab, "opengl_problem", lambda: "no OpenGL context could be created")
    window.studio.switch_dimension(3)
    shown = window.studio.views.currentWidget()
    assert shown is window.studio.space_view and "needs OpenGL" in shown.text()
    assert "no OpenGL context could be created" in shown.text()
    window.studio.apply_matrix(Matrix([[2, 0, 0], [0, 2, 0], [0, 0, 3]]))
    window.studio.animator.finish()
    assert "scales x by 2, y by 2 and z by 3" in window.studio.info_panel.toPlainText()
    svg = window.studio.export_picture(tmp_path / "space.svg", (800, 500), None)  # vector export needs no GL
    assert svg.exists()


def test_export_animation_in_3d_uses_the_view_camera_and_can_orbit(qtbot, window, tmp_path):
    from viz.animation_export_dialog import AnimationExportDialog

    studio = window.studio
    studio.switch_dimension(3)
    studio.apply_matrix(Matrix([[0, -1, 0], [1, 0, 0], [0, 0, 2]]))
    studio.animator.finish()
    camera = studio.model.scene.camera()
    dialog = AnimationExportDialog(studio.model, studio.view, window, camera=camera)
    qtbot.addWidget(dialog)
    dialog.orbit.setValue(45)
    dialog.path.setText(str(tmp_path / "space.gif"))
    dialog.width_box.setValue(320)
    dialog.height_box.setValue(200)
    options = dialog.options()
    assert options["camera"] == camera and options["orbit"] == 45.0 and "rect" not in options
    assert dialog.save() and (tmp_path / "space.gif").stat().st_size > 0
