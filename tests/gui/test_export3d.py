"""3D pictures as SVG: vector paths projected with the camera; no OpenGL needed."""

import xml.etree.ElementTree as ET

import numpy as np

from kernels import Matrix, Vector
from viz.export3d import export_space_svg
from viz.geometry3d import CAMERA_PRESETS
from viz.model import SceneModel
from viz.views.space_painter import SpacePainter


def _model(rows):
    return SceneModel(Matrix(rows), Vector([1, 2, 1]))


def test_svg_has_faces_edges_and_labels(qtbot, tmp_path):
    path = export_space_svg(_model([[1, 1, 0], [0, 1, 0], [0, 0, 2]]).scene, tmp_path / "shear.svg",
                            (1600, 1000), CAMERA_PRESETS["iso"])
    root = ET.parse(path).getroot()
    texts = "".join(element.text or "" for element in root.iter() if element.tag.endswith("text"))
    assert "volume = 2" in texts and "î" in texts and "λ = 2" in texts
    assert "M =" in texts and "scales volumes by 2" in texts  # the caption
    paths = [element for element in root.iter() if element.tag.endswith(("path", "polygon", "polyline"))]
    assert len(paths) > 12


def test_faces_are_painted_back_to_front(qtbot):
    model = _model(np.eye(3))
    painter = SpacePainter(model.scene, np.eye(3), CAMERA_PRESETS["iso"], (800, 600))
    painted = []
    painter._polygon = lambda _painter, corners, fill, pen=None: painted.append(corners.mean(axis=0))
    from PyQt6 import QtGui

    image = QtGui.QImage(800, 600, QtGui.QImage.Format.Format_RGB32)
    qp = QtGui.QPainter(image)
    painter.paint(qp)
    qp.end()
    faces = painted[-6:]  # the six faces of the cube come last among the polygons
    camera_direction = np.array([1.0, 1.0, np.tan(np.radians(35.264)) * np.sqrt(2)])
    depth = [-(centre @ camera_direction) for centre in faces]  # farther = larger
    assert depth == sorted(depth, reverse=True)
