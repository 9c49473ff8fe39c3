"""The numpy camera used for SVG export matches pyqtgraph's GLViewWidget exactly (no GL needed)."""

import numpy as np
import pytest

from viz.geometry3d import Camera, project, view_matrix


@pytest.mark.parametrize("camera", [Camera(), Camera(azimuth=30, elevation=20, distance=12, fov=50),
                                    Camera(azimuth=-120, elevation=-40, distance=20, center=(1, 2, 0))])
def test_projection_matches_glviewwidget(qtbot, camera):
    import pyqtgraph.opengl as gl
    from PyQt6 import QtGui

    widget = gl.GLViewWidget()
    widget.opts["fov"] = camera.fov
    widget.setCameraPosition(pos=QtGui.QVector3D(*camera.center), distance=camera.distance,
                             elevation=camera.elevation, azimuth=camera.azimuth)
    theirs_view = np.array(widget.viewMatrix().data()).reshape(4, 4).T
    assert np.allclose(theirs_view, view_matrix(camera))
    size = (800, 600)
    projection = np.array(widget.projectionMatrix((0, 0, *size), (0, 0, *size)).data()).reshape(4, 4).T
    points = np.array([[1, 2, 3], [-2, 0.5, 1], [0, 0, 0], [3, -3, -3]], dtype=float)
    clip = np.column_stack([points, np.ones(len(points))]) @ (projection @ theirs_view).T
    ndc = clip[:, :2] / clip[:, 3:4]
    theirs = np.column_stack([(ndc[:, 0] + 1) * size[0] / 2, (1 - ndc[:, 1]) * size[1] / 2])
    mine, _ = project(points, camera, size)
    assert np.allclose(mine, theirs)
