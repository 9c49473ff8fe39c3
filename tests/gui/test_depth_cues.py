"""Depth cues in 3D, in the pixels: a lattice line nearer the camera is drawn with more contrast
than a farther one of the same brightness otherwise — in a picture the painter makes (SVG, GIF,
MP4 and the panels) and in the GL view's own framebuffer — and the fade follows the camera."""


import numpy as np
import pytest
from PyQt6 import QtGui

from conftest import require_opengl
from kernels import Matrix, Vector
from viz.geometry3d import CAMERA_PRESETS, Camera, depth_alphas, faded_lattice, project
from viz.model import SceneModel
from viz.views.space_painter import LATTICE_ALPHA, SpacePainter

SHEAR = [[1, 1, 0], [0, 1, 0], [0, 0, 2]]
ISO = CAMERA_PRESETS["iso"]
BEHIND = Camera(azimuth=ISO.azimuth + 180.0, elevation=-ISO.elevation)  # the iso view turned round


def _scene(rows=SHEAR):
    return SceneModel(Matrix(rows), Vector([1, 2, 1])).scene


def _distance_to_segments(point, starts, stops) -> np.ndarray:
    along = stops - starts
    length2 = np.maximum((along ** 2).sum(axis=1), 1e-12)
    t = np.clip(((point - starts) * along).sum(axis=1) / length2, 0.0, 1.0)
    return np.linalg.norm(starts + t[:, None] * along - point, axis=1)


def mirrored_pair(matrix, camera: Camera, size, clearance: float = 8.0, turned_from=None):
    """Two lattice pieces (indices) equally bright by their distance from the unit cube (one is
    the other mirrored through the cube's centre), far apart in depth as ``camera`` sees them,
    and with their midpoints on screen clear of every other piece: (nearer, farther). With
    ``turned_from`` (another camera), only a pair that camera saw the other way round."""
    domain, weights = faded_lattice(np.eye(3))
    points, _ = faded_lattice(matrix)
    middles = (domain[0::2] + domain[1::2]) / 2
    pixels, depth = project(points, camera, size)
    starts, stops, piece_depth = pixels[0::2], pixels[1::2], (depth[0::2] + depth[1::2]) / 2
    before = None if turned_from is None else project(points, turned_from, size)[1][0::2]
    width, height = size

    def clear(k: int) -> bool:
        x, y = middle = (starts[k] + stops[k]) / 2
        others = np.delete(np.arange(len(starts)), k)
        return bool(40 < x < width - 40 and 40 < y < height - 40
                    and _distance_to_segments(middle, starts[others], stops[others]).min() >= clearance)

    best = None
    for i, centre in enumerate(middles):
        mirror = np.flatnonzero(np.all(np.abs(middles - (1.0 - centre)) < 1e-9, axis=1))
        if len(mirror) != 1 or weights[2 * i] < 0.3:
            continue
        j = int(mirror[0])
        gap = piece_depth[j] - piece_depth[i]
        if gap < 2.0 or (before is not None and before[i] <= before[j]):
            continue  # j is not clearly farther (or was not nearer before the turn)
        if (best is None or gap > best[0]) and clear(i) and clear(j):
            best = (gap, i, j)
    assert best is not None, "no clear pair of mirrored lattice pieces in this picture"
    return best[1], best[2]


def middle(points, piece: int, camera: Camera, size) -> np.ndarray:
    """The midpoint on screen of lattice piece ``piece`` (of ``points``, pairs layout)."""
    return project(points[2 * piece:2 * piece + 2], camera, size)[0].mean(axis=0)


def contrast(image: QtGui.QImage, point, background: QtGui.QColor, radius: int = 2) -> float:
    """The largest difference from the background (summed over R, G, B) near ``point``."""
    x0, y0 = int(round(point[0])), int(round(point[1]))
    back = np.array([background.red(), background.green(), background.blue()])
    best = 0.0
    for x in range(x0 - radius, x0 + radius + 1):
        for y in range(y0 - radius, y0 + radius + 1):
            color = image.pixelColor(x, y)
            best = max(best, float(np.abs(np.array([color.red(), color.green(), color.blue()]) - back).sum()))
    return best


@pytest.mark.parametrize("theme", ["dark", "light"])
def test_painted_lattice_is_fainter_farther_from_the_camera(qtbot, theme):
    scene = _scene().with_theme(theme)
    display, size = scene.matrix_floats, (2400, 1500)
    background = QtGui.QColor(scene.look.background)

    def picture(camera):
        image = QtGui.QImage(*size, QtGui.QImage.Format.Format_RGB32)
        image.fill(background)
        painter = QtGui.QPainter(image)
        painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
        SpacePainter(scene, display, camera, size)._lattice(painter, display, scene.look.grid, LATTICE_ALPHA)
        painter.end()
        return image

    points, _ = faded_lattice(display)
    near, far = mirrored_pair(display, ISO, size)
    image = picture(ISO)
    near_contrast = contrast(image, middle(points, near, ISO, size), background)
    far_contrast = contrast(image, middle(points, far, ISO, size), background)
    alphas = depth_alphas(points, ISO, display)
    expected = (alphas[2 * near] + alphas[2 * near + 1]) / (alphas[2 * far] + alphas[2 * far + 1])
    assert expected > 1.5  # the pair is far apart in depth: the test can tell
    assert near_contrast > 1.3 * far_contrast > 0
    assert near_contrast / far_contrast == pytest.approx(expected, rel=0.2)

    # from behind, what was nearer is farther: of a pair clear from there, the piece that was
    # the farther one from the front is now the brighter
    near, far = mirrored_pair(display, BEHIND, size, turned_from=ISO)
    turned = picture(BEHIND)
    assert contrast(turned, middle(points, near, BEHIND, size), background) > \
        1.3 * contrast(turned, middle(points, far, BEHIND, size), background)


def test_whole_painted_picture_fades_lattice_and_edges_but_not_arrows(qtbot, monkeypatch):
    """The full paint (what a GIF frame or an SVG is) asks the shared rule for its lattice and
    the parallelepiped's edges, and paints arrows at their own opacity."""
    scene = _scene()
    calls = []
    original = SpacePainter._depth_alphas

    def spy(self, points):
        calls.append(len(points))
        return original(self, points)

    monkeypatch.setattr(SpacePainter, "_depth_alphas", spy)
    pens = []
    original_arrow = SpacePainter._arrow
    monkeypatch.setattr(SpacePainter, "_arrow", lambda self, painter, tip, color, width, alpha=1.0, shaft=True:
                        (pens.append(alpha), original_arrow(self, painter, tip, color, width, alpha, shaft)))
    image = QtGui.QImage(800, 500, QtGui.QImage.Format.Format_RGB32)
    painter = QtGui.QPainter(image)
    SpacePainter(scene, scene.matrix_floats, ISO, (800, 500)).paint(painter)
    painter.end()
    lattice_points = len(faded_lattice(np.eye(3))[0])
    assert calls.count(lattice_points) == 2 and 24 in calls      # both lattices, the 12 edges
    assert pens == [arrow.opacity for arrow in scene.arrows]


# -- the GL view ---------------------------------------------------------------------------
@pytest.fixture
def lattice_only_view(qtbot, monkeypatch):
    """A GL view of the shear showing nothing but its moved lattice (no overlay either)."""
    require_opengl()
    from viz.views.space_view import SpaceView

    monkeypatch.setattr(SpacePainter, "paint_overlay", lambda *args, **kwargs: None)
    view = SpaceView(_scene())
    qtbot.addWidget(view)
    view.resize(800, 600)
    view.show()
    qtbot.waitExposed(view)
    for item in view.items:
        item.setVisible(item is view.lattice._lines)
    return view


def _grab(view, qtbot) -> QtGui.QImage:
    image = view.grabFramebuffer()
    assert (image.width(), image.height()) == (view.width(), view.height())
    return image


def test_gl_lattice_is_fainter_farther_from_the_camera_and_follows_it_round(lattice_only_view, qtbot):
    view = lattice_only_view
    size = (view.width(), view.height())
    background = QtGui.QColor(view.picture.look.background)
    display, points = view.display, view.lattice.points
    near, far = mirrored_pair(display, ISO, size, clearance=5.0)
    view.set_camera(ISO)
    image = _grab(view, qtbot)
    near_contrast = contrast(image, middle(points, near, ISO, size), background)
    far_contrast = contrast(image, middle(points, far, ISO, size), background)
    assert near_contrast > 1.3 * far_contrast > 0

    # half way round (from below, the lattice is too crowded at this size to find a clear pair)
    round_camera = Camera(azimuth=ISO.azimuth + 180.0, elevation=ISO.elevation)
    behind = mirrored_pair(display, round_camera, size, clearance=5.0, turned_from=ISO)
    for turn in ("set_camera", "orbit", "opts"):  # a preset, a mouse drag, or opts changed directly
        view.set_camera(ISO)
        _grab(view, qtbot)
        if turn == "set_camera":
            view.set_camera(round_camera)
        elif turn == "orbit":
            view.orbit(180.0, 0.0)
        else:
            view.opts["azimuth"] = round_camera.azimuth
        image = _grab(view, qtbot)
        camera = view.camera()
        assert camera == round_camera, turn
        assert np.allclose(view.lattice.depth_alphas, depth_alphas(points, camera, display)), turn
        assert contrast(image, middle(points, behind[0], camera, size), background) > \
            1.3 * contrast(image, middle(points, behind[1], camera, size), background), turn


def test_gl_fade_follows_the_matrix_as_it_moves(lattice_only_view):
    view = lattice_only_view
    for matrix in (np.eye(3), np.diag([1.0, 1.0, 0.5]), np.array(SHEAR, dtype=float)):
        view.show_matrix(matrix)
        expected = depth_alphas(faded_lattice(matrix)[0], view.camera(), matrix)
        assert np.allclose(view.lattice.depth_alphas, expected)
        assert np.allclose(view.solid.edge_alphas, depth_alphas(view.solid.corners[
            np.ravel([[0, 1], [0, 2], [0, 4], [1, 3], [1, 5], [2, 3], [2, 6], [3, 7],
                      [4, 5], [4, 6], [5, 7], [6, 7]])], view.camera(), matrix))
        colors = view.lattice.colors()
        assert np.allclose(colors[:, 3], view.lattice._base[:, 3] * expected)


def test_exported_gl_picture_has_lines_as_wide_as_the_picture_is_large(lattice_only_view):
    """A 3× picture draws 3× wider lines (as its painted heads and labels are 3× larger); the
    window's own widths come back afterwards."""
    view = lattice_only_view
    item = view.lattice._lines
    seen = []
    original = item.paint

    def paint():
        seen.append(item.width)
        original()

    item.paint = paint
    view.render_image((3 * view.width(), 3 * view.height()))
    assert seen and set(seen) == {3.0}
    assert item.width == 1.0
