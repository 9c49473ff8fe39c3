"""A 3D picture never leaves its frame and never hides under its caption.

Every export of space (the SVG, the OpenGL PNG, each frame of a GIF or MP4) is seen by the
camera :func:`viz.export3d.export_camera` chooses (:func:`viz.geometry3d.picture_camera`): the
camera asked for, moved back (and its target sideways) just enough that every arrow tip, the
parallelepiped's corners and every label anchor lie inside the picture by a margin and clear of
the caption. These tests export through the real functions, check that the painter used that
very camera, and project the points with it — nothing is parsed back from the files.
"""


import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PyQt6 import QtGui

from conftest import require_opengl
from kernels import Matrix, Vector, parse_matrix
from viz.export3d import caption_box, export_camera, export_space
from viz.geometry3d import BIGGEST_AVOIDED, CAMERA_PRESETS, FRAME_MARGIN, picture_points, project
from viz.model import SceneModel
from viz.picture import picture_scale
from viz.scene import SceneState
from viz.views.space_painter import SpacePainter

SIZE = (1200, 800)
SLACK = 0.5  # px: rounding

# the two scenes the SVG overlap test found with a picture that was wrong
REPORTED = {
    "diag(0, 0, −2), v = (0, 0, −3): Mv went off the top": ("0 0 0; 0 0 0; 0 0 -2", [0, 0, -3]),
    "[[0,0,0],[0,1,0],[0,−2,0]], v = (0, −2, 0): Mv under the caption": ("0 0 0; 0 1 0; 0 -2 0", [0, -2, 0]),
}


def scene_of(matrix, vectors):
    matrix = parse_matrix(matrix) if isinstance(matrix, str) else Matrix(matrix)
    named = tuple(("v" if k == 0 else f"v{k}", Vector(list(v))) for k, v in enumerate(vectors))
    return SceneModel(state=SceneState(matrix, named)).scene


class Recorded:
    """The cameras the painters of an export drew with, and the matrices they drew."""

    def __init__(self, monkeypatch):
        self.cameras, self.displays = [], []
        paint = SpacePainter.paint

        def recording(painter, qpainter):
            self.cameras.append(painter.camera)
            self.displays.append(painter.display)
            return paint(painter, qpainter)

        monkeypatch.setattr(SpacePainter, "paint", recording)


def assert_framed(scene, camera, size=SIZE, caption=True, display=None):
    """Every arrow tip, corner and label anchor is inside the picture by the margin, in front of
    the camera, and off the caption's box by the margin."""
    display = scene.matrix_floats if display is None else display
    pixels, depth = project(picture_points(scene, display), camera, size)
    margin = FRAME_MARGIN * min(size) - SLACK
    x, y = pixels[:, 0], pixels[:, 1]
    assert np.all(depth > 0)
    outside = pixels[(x < margin) | (x > size[0] - margin) | (y < margin) | (y > size[1] - margin)]
    assert outside.size == 0, f"points off the {size} picture (margin {margin:.0f} px): {outside.round(1)}"
    box = caption_box(scene, picture_scale(size))
    if caption and box.width * box.height <= BIGGEST_AVOIDED * size[0] * size[1]:
        under = pixels[(x > box.left - margin) & (x < box.left + box.width + margin)
                       & (y > box.top - margin) & (y < box.top + box.height + margin)]
        assert under.size == 0, f"points under the caption {box}: {under.round(1)}"


def export_svg(tmp_path, monkeypatch, scene, camera=None, size=SIZE, name="space.svg"):
    """Export an SVG through the real function; the camera its painter used, which must be
    the one :func:`export_camera` gives."""
    recorded = Recorded(monkeypatch)
    export_space(scene, tmp_path / name, size, camera=camera)
    assert (tmp_path / name).stat().st_size > 0
    assert recorded.cameras == [export_camera(scene, size, camera)]
    return recorded.cameras[0]


@pytest.mark.parametrize("name", list(REPORTED))
def test_the_reported_scenes_stay_in_frame_and_off_the_caption(qtbot, tmp_path, monkeypatch, name):
    matrix, vector = REPORTED[name]
    scene = scene_of(matrix, [vector])
    camera = export_svg(tmp_path, monkeypatch, scene)
    assert camera != scene.camera()  # the scene's own camera did not show it: it was widened
    assert (camera.azimuth, camera.elevation, camera.fov) == (scene.camera().azimuth,
                                                              scene.camera().elevation, scene.camera().fov)
    assert_framed(scene, camera)
    tip = next(arrow for arrow in scene.arrows if arrow.name == "Mv").tip(scene.matrix_floats)
    (before,), _ = project([tip], scene.camera(), SIZE)
    box = caption_box(scene, picture_scale(SIZE))
    off = not (0 <= before[0] <= SIZE[0] and 0 <= before[1] <= SIZE[1])
    under = box.left <= before[0] <= box.left + box.width and box.top <= before[1] <= box.top + box.height
    assert off or under  # the scene's own camera put Mv's tip off the picture or under the caption


@pytest.mark.parametrize("matrix", ["1 1 0; 0 1 0; 0 0 2", "1 0 0; 0 1 0; 0 0 1", "2 0 0; 0 1 0; 0 0 1"])
def test_pictures_that_fit_keep_their_camera(qtbot, tmp_path, monkeypatch, matrix):
    """Nothing is widened that fits: the default pictures keep their size and place."""
    scene = scene_of(matrix, [[1, 2, 1]])
    for size in (SIZE, (1600, 1000)):
        assert export_svg(tmp_path, monkeypatch, scene, size=size) == scene.camera()


def test_the_users_camera_is_framed_too_and_no_caption_frees_the_corner(qtbot, tmp_path, monkeypatch):
    matrix, vector = REPORTED["diag(0, 0, −2), v = (0, 0, −3): Mv went off the top"]
    scene = scene_of(matrix, [vector])
    iso = CAMERA_PRESETS["iso"]
    camera = export_svg(tmp_path, monkeypatch, scene, camera=iso)
    assert camera.distance > iso.distance
    assert_framed(scene, camera)
    bare = export_camera(scene, SIZE, iso, caption=False)
    assert_framed(scene, bare, caption=False)
    assert bare.center == iso.center  # nothing in the way: it only zooms out about the origin


small = st.integers(-3, 3)


@settings(max_examples=40, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(entries=st.lists(small, min_size=9, max_size=9),
       vectors=st.lists(st.tuples(small, small, small), min_size=1, max_size=2),
       iso=st.booleans())
def test_random_scenes_stay_in_frame_and_off_the_caption(qtbot, tmp_path, monkeypatch, entries, vectors, iso):
    scene = scene_of([entries[0:3], entries[3:6], entries[6:9]], vectors)
    camera = export_svg(tmp_path, monkeypatch, scene, camera=CAMERA_PRESETS["iso"] if iso else None)
    assert_framed(scene, camera)


@pytest.mark.parametrize("name", list(REPORTED))
@pytest.mark.parametrize("size", [(640, 400), (1280, 720)])
def test_every_animation_frame_is_framed_by_one_still_camera(qtbot, tmp_path, monkeypatch, name, size):
    """The GIF's frames are painted by the same rule, with one camera chosen for the whole
    motion (:func:`viz.export3d.motion_camera`): in frame and off the caption at every moment,
    and it never zooms or slides on the way — nor when the eigen-line labels appear at the end."""
    from viz.animation_export import export_animation

    matrix, vector = REPORTED[name]
    scene = scene_of(matrix, [vector])
    recorded = Recorded(monkeypatch)
    export_animation(scene, tmp_path / "motion.gif", size=size, fps=8, duration=1.5)
    assert len(recorded.cameras) >= 13
    assert len(set(recorded.cameras)) == 1, "the camera moved during the animation"
    for camera, display in zip(recorded.cameras, recorded.displays):
        assert_framed(scene, camera, size=size, display=display)



def test_a_motion_through_huge_values_is_not_shrunk_to_a_speck(qtbot):
    """I → diag(10⁶, 1, 1) passes through 10³…10⁵ on the way, which a camera could frame only by
    backing off about 100×, every frame a speck, while the still (the last frame) leaves the 10⁶
    tip out instead: the motion's camera backs off at most MOTION_WIDEN times as far as its ends."""
    from viz.export3d import MOTION_WIDEN, motion_camera
    from viz.interpolation import TransformPath

    scene = scene_of("1000000 0 0; 0 1 0; 0 0 1", [[1, 2, 1]])
    iso = CAMERA_PRESETS["iso"]
    ends = [export_camera(scene, SIZE, iso, display=np.eye(3)), export_camera(scene, SIZE, iso)]
    moving = motion_camera(scene, SIZE, iso, TransformPath(np.eye(3), scene.matrix_floats), 187)
    assert moving.distance <= MOTION_WIDEN * max(end.distance for end in ends) + 1e-9

# -- the pixels -----------------------------------------------------------------------------------
def _colour_near(image: QtGui.QImage, colour: str, tolerance: int = 40) -> np.ndarray:
    """(x, y) of every pixel of ``image`` within ``tolerance`` (per channel) of ``colour``."""
    image = image.convertToFormat(QtGui.QImage.Format.Format_RGB32)
    bits = image.constBits()
    bits.setsize(image.sizeInBytes())
    pixels = np.frombuffer(bits, np.uint8).reshape(image.height(), image.bytesPerLine() // 4, 4)
    pixels = pixels[:, :image.width(), 2::-1].astype(int)  # B, G, R, X → R, G, B
    want = QtGui.QColor(colour)
    near = np.all(np.abs(pixels - [want.red(), want.green(), want.blue()]) <= tolerance, axis=2)
    ys, xs = np.nonzero(near)
    return np.column_stack([xs, ys])


def _assert_mv_drawn_at_its_tip(scene, image, camera, size):
    """Mv's colour shows around the projected tip, and nowhere farther out along the arrow than
    its label: the arrow ends inside the picture, where the camera puts it."""
    mv = next(arrow for arrow in scene.arrows if arrow.name == "Mv")
    (origin, tip), _ = project([[0, 0, 0], mv.tip(scene.matrix_floats)], camera, size)
    assert 0 <= tip[0] < size[0] and 0 <= tip[1] < size[1]
    found = _colour_near(image, mv.color)
    assert len(found) > 20
    assert np.min(np.linalg.norm(found - tip, axis=1)) < 6, "no Mv colour at the projected tip"
    along = (found - origin) @ (tip - origin) / np.linalg.norm(tip - origin)
    reach = np.linalg.norm(tip - origin)
    label = 60 * picture_scale(size)  # the label "Mv" sits just past the head
    assert along.max() <= reach + label, "Mv's colour runs on past its tip: the arrow leaves the frame"
    caption = caption_box(scene, picture_scale(size))
    inside = ((found[:, 0] > caption.left) & (found[:, 0] < caption.left + caption.width)
              & (found[:, 1] > caption.top) & (found[:, 1] < caption.top + caption.height))
    assert not inside.any(), "Mv's colour shows under the caption"


@pytest.mark.parametrize("name", list(REPORTED))
def test_the_painted_picture_draws_mv_where_the_camera_puts_it(qtbot, name):
    """The painted picture (an SVG's, or an orbiting animation's frame) at the framed camera."""
    matrix, vector = REPORTED[name]
    scene = scene_of(matrix, [vector])
    size = (1200, 800)
    image = QtGui.QImage(*size, QtGui.QImage.Format.Format_RGB32)
    painter = QtGui.QPainter(image)
    reserved = [caption_box(scene, picture_scale(size))]
    space = SpacePainter(scene, scene.matrix_floats, scene.camera(), size, reserved=reserved, frame=True)
    space.paint(painter)
    from viz.export3d import paint_caption
    paint_caption(painter, scene, picture_scale(size))
    painter.end()
    assert space.camera == export_camera(scene, size)
    _assert_mv_drawn_at_its_tip(scene, image, space.camera, size)


def test_the_opengl_png_draws_mv_where_the_camera_puts_it(qtbot, tmp_path):
    require_opengl()
    matrix, vector = REPORTED["diag(0, 0, −2), v = (0, 0, −3): Mv went off the top"]
    scene = scene_of(matrix, [vector])
    size = (1200, 800)
    path = export_space(scene, tmp_path / "space.png", size)
    image = QtGui.QImage(str(path))
    assert (image.width(), image.height()) == size
    _assert_mv_drawn_at_its_tip(scene, image, export_camera(scene, size), size)
