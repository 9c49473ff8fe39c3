"""The 3D view under a real (or virtual) display with OpenGL; skipped without one.

``LINEAR_LENS_REQUIRE_GL=1`` turns the skip into a failure, so CI cannot pass by skipping.
"""


import numpy as np
import pytest
from PyQt6 import QtGui

from conftest import require_opengl
from kernels import Matrix, Vector
from viz.geometry3d import CAMERA_PRESETS, Camera, project
from viz.model import SceneModel


@pytest.fixture
def space_view(qtbot):
    require_opengl()
    from viz.views.space_view import SpaceView

    def make(matrix, vector=(1, 2, 1)):
        model = SceneModel(Matrix(matrix), Vector(vector))
        view = SpaceView(model.scene)
        model.scene_changed.connect(view.show_scene)  # as the studio wires it
        view.model = model  # the tests reach the model through the view
        qtbot.addWidget(view)
        view.resize(800, 600)
        view.show()
        qtbot.waitExposed(view)
        return view

    return make


def _rgb(color: QtGui.QColor) -> np.ndarray:
    return np.array([color.red(), color.green(), color.blue()], dtype=float)


def test_rank_2_matrix_flattens_the_lattice_onto_one_plane(space_view):
    view = space_view([[1, 0, 1], [0, 1, 1], [1, 1, 2]])
    points = view.lattice.points
    normal = np.cross([1, 0, 1], [0, 1, 1])
    assert np.abs(points @ normal).max() < 1e-9
    assert view.collapse.normals and np.allclose(np.cross(view.collapse.normals[0], normal), 0)


def test_parallelepiped_colour_where_it_must_be(space_view):
    view = space_view([[2, 0, 0], [0, 1, 0], [0, 0, 1]])
    view.lattice.set_style((0, 0, 0, 0), 1.0)          # keep lattice lines out of the probe
    view.fixed_lattice.set_style((0, 0, 0, 0), 1.0)
    size = (800, 600)
    image = view.render_image(size)
    assert (image.width(), image.height()) == size
    (x, y), = project([[1.0, 0.5, 1.0]], view.camera(), size)[0]    # the middle of the top face
    inside = _rgb(image.pixelColor(int(x), int(y)))
    background = _rgb(QtGui.QColor("#0E1116"))
    green = _rgb(QtGui.QColor("#009E73"))
    assert inside[1] > background[1] + 20 and inside[1] > inside[0] + 15   # green shows through
    assert np.abs(inside - background).max() > 20 and np.abs(inside - green).max() > 20  # translucent
    corner = _rgb(image.pixelColor(5, 5))
    assert np.abs(corner - background).max() <= 3


def test_export_size_is_independent_of_the_window(space_view):
    view = space_view(np.eye(3))
    image = view.render_image((1280, 800))
    assert (image.width(), image.height()) == (1280, 800)


def test_orientation_flip_changes_colour_and_label(space_view):
    view = space_view([[1, 0, 0], [0, 1, 0], [0, 0, -1]])
    assert view.solid.volume == pytest.approx(-1.0)
    texts = [label.text for label in view.picture.labels(view.display)]
    assert "volume = −1 (flipped)" in texts


def test_camera_presets(space_view):
    view = space_view(np.eye(3))
    for name, camera in CAMERA_PRESETS.items():
        view.set_camera(camera)
        assert view.camera() == Camera(camera.azimuth, camera.elevation, camera.distance,
                                       camera.fov, (0.0, 0.0, 0.0)), name


def test_eigenspaces_of_a_matrix_with_a_2d_eigenspace(space_view):
    view = space_view([[2, 0, 0], [0, 2, 0], [0, 0, 3]])
    assert len(view.eigenspaces.normals) == 1        # λ = 2 on the xy-plane
    assert np.allclose(np.abs(view.eigenspaces.normals[0]) / np.linalg.norm(view.eigenspaces.normals[0]), [0, 0, 1])
    assert len(view.eigenspaces.directions) == 1     # λ = 3 along z


def test_export_space_png_and_svg(space_view, tmp_path):
    from viz.export3d import export_space

    view = space_view([[1, 0, 1], [0, 1, 1], [1, 1, 2]])
    model = view.model
    png = export_space(model.scene, tmp_path / "rank2.png", size=(1200, 750), view=view)
    image = QtGui.QImage(str(png))
    assert (image.width(), image.height()) == (1200, 750)
    background = _rgb(QtGui.QColor("#0E1116"))
    caption_area = [_rgb(image.pixelColor(x, y)) for x in range(20, 300, 7) for y in range(20, 120, 7)]
    assert max(np.abs(c - background).max() for c in caption_area) > 100  # the caption's text
    svg = export_space(model.scene, tmp_path / "rank2.svg", size=(1200, 750), t=0.5)
    assert svg.read_text().lstrip().startswith("<?xml")


def test_zero_matrix_marks_the_origin(space_view):
    view = space_view(np.zeros((3, 3)))
    assert view.collapse.origin_only and view.collapse._origin.visible()


def test_named_vectors_and_their_span_in_space(space_view, tmp_path):
    from viz.export3d import export_space_svg

    view = space_view(np.eye(3))
    model = view.model
    model.set_vectors((("v", Vector([1, 2, 1])), ("v1", Vector([1, 0, 0])), ("v2", Vector([0, 1, 0]))))
    model.set_selection((1, 2))
    assert np.allclose(view.arrow("v1").tip, (1, 0, 0)) and np.allclose(view.arrow("v2").tip, (0, 1, 0))
    normal = view.span.normals[0]
    assert np.allclose(np.cross(normal, [0, 0, 1]), 0)      # the xy-plane
    model.set_vectors(model.vectors[:2] + (("v2", Vector([2, 0, 0])),))  # now in line
    assert view.span.normals == [] and len(view.span.directions) == 1
    svg = export_space_svg(model.scene, tmp_path / "vectors.svg", (800, 500), view.camera())
    assert "Mv1" in svg.read_text()  # the image of v1 is labelled
