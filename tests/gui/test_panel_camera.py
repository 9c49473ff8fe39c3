"""A picture panel in space with no window camera to copy (``export --lab svd`` of a 3×3, a
lesson's handout) is seen by one camera framed for the panel's whole run: every corner of every
box and every arrow tip of every stage lands inside the panel, not the scene's own camera, which
knows only the arrows of one moment."""

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kernels import Matrix
from viz import panels_picture
from viz.geometry3d import parallelepiped, project
from viz.labs.ml.svd_mode import svd_panels
from viz.labs.ml.svd_scenes import svd_show
from viz.labs.ml.svd_settings import SVDSettings
from viz.panels_picture import render_panels
from viz.staged_scenes import space_camera

SIZE = (1200, 750)


def assert_run_inside(pictures, camera, size, margin=0.0):
    corners = np.vstack([parallelepiped(display)[0] for _, display in pictures])
    tips = np.vstack([arrow.tip(display) for scene, display in pictures for arrow in scene.arrows])
    pixels, depth = project(np.vstack([corners, tips]), camera, size)
    assert np.all(depth > 0)
    low = np.array([margin * size[0], margin * size[1]]) - 0.5
    high = np.array([(1 - margin) * size[0], (1 - margin) * size[1]]) + 0.5
    assert np.all((pixels >= low) & (pixels <= high)), pixels[~np.all((pixels >= low) & (pixels <= high), axis=1)]


def test_the_svd_panel_in_space_frames_its_whole_run(qtbot, monkeypatch):
    """The picture the gallery showed cut off: M = [[3,1,0],[1,2,1],[0,1,2]], the box of M
    running off the top of the panel under the scene's own camera."""
    show = svd_show(Matrix([[3, 1, 0], [1, 2, 1], [0, 1, 2]]), SVDSettings(), "light", "okabe-ito")
    used = []
    painter_class = panels_picture.SpacePainter

    def recording(scene, display, camera, size, **options):
        used.append((camera, size))
        return painter_class(scene, display, camera, size, **options)

    monkeypatch.setattr(panels_picture, "SpacePainter", recording)
    panels, footer = svd_panels(show, float(show.count))
    render_panels(panels, SIZE, footer)
    (camera, size), = used
    assert_run_inside(show.pictures(), camera, size)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.integers(-3, 3), min_size=9, max_size=9))
def test_a_runs_camera_keeps_every_box_and_tip_inside(qtbot, entries):
    show = svd_show(Matrix([entries[0:3], entries[3:6], entries[6:9]]), SVDSettings(), "dark", "okabe-ito")
    pictures = show.pictures()
    size = (640, 420)
    assert_run_inside(pictures, space_camera(pictures, size), size, margin=0.08)
