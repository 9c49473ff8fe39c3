"""Exported pictures: the right size, the parallelogram where it must be, SVG that parses."""

import xml.etree.ElementTree as ET

import numpy as np
import pytest
from PyQt6 import QtGui

from kernels import Matrix
from viz.export import ExportError, export_picture
from viz.model import SceneModel
from viz.palette import THEMES, palette_for

SIZE = (1600, 1000)
RECT = (-2.0, 6.0, -2.5, 2.5)  # the same 8:5 aspect as SIZE, so pixels map linearly


def pixel(image: QtGui.QImage, x: float, y: float) -> np.ndarray:
    """The RGB colour at plane point (x, y) of a picture exported with RECT."""
    x_min, x_max, y_min, y_max = RECT
    px = round((x - x_min) / (x_max - x_min) * image.width())
    py = round((y_max - y) / (y_max - y_min) * image.height())
    colour = image.pixelColor(px, py)
    return np.array([colour.red(), colour.green(), colour.blue()])


def rgb(hex_colour: str) -> np.ndarray:
    colour = QtGui.QColor(hex_colour)
    return np.array([colour.red(), colour.green(), colour.blue()])


@pytest.mark.parametrize("theme", ["dark", "light"])
def test_png_has_the_parallelogram_inside_and_background_outside(qtbot, tmp_path, theme):
    model = SceneModel(Matrix([[4, 0], [0, 2]]))
    model.set_appearance(theme=theme)
    path = export_picture(model.scene, tmp_path / "scale.png", size=SIZE, rect=RECT)
    image = QtGui.QImage(str(path))
    assert (image.width(), image.height()) == SIZE
    background = rgb(THEMES[theme].background)
    area = rgb(palette_for("okabe-ito", theme).area_positive)
    expected_fill = 0.7 * background + 0.3 * area  # the 30 % translucent fill
    assert np.abs(pixel(image, 3.3, 1.6) - expected_fill).max() <= 12
    assert np.abs(pixel(image, -1.5, -1.5) - background).max() <= 6


def test_negative_determinant_uses_the_flipped_colour(qtbot, tmp_path):
    model = SceneModel(Matrix([[4, 0], [0, -2]]))
    path = export_picture(model.scene, tmp_path / "flip.png", size=SIZE, rect=(-2.0, 6.0, -2.5, 2.5))
    image = QtGui.QImage(str(path))
    background = rgb(THEMES["dark"].background)
    flipped = rgb(palette_for("okabe-ito", "dark").area_negative)
    assert np.abs(pixel(image, 3.3, -1.6) - (0.7 * background + 0.3 * flipped)).max() <= 12


def test_halfway_picture_differs_from_the_end(qtbot, tmp_path):
    model = SceneModel(Matrix([[4, 0], [0, 2]]))
    half = QtGui.QImage(str(export_picture(model.scene, tmp_path / "half.png", size=SIZE, t=0.5, rect=RECT)))
    background = rgb(THEMES["dark"].background)
    # at t = 0.5 the square reaches only x ≈ 2.5, so (3.3, 1.6) is still background
    assert np.abs(pixel(half, 3.3, 1.6) - background).max() <= 6


def test_svg_is_vector_xml_with_paths_and_text(qtbot, tmp_path):
    path = export_picture(SceneModel(Matrix([[1, 1], [0, 1]])).scene, tmp_path / "shear.svg", size=SIZE)
    root = ET.parse(path).getroot()
    assert root.tag.endswith("svg")
    tags = {element.tag.split("}")[-1] for element in root.iter()}
    assert {"path", "text"} <= tags or {"polyline", "text"} <= tags



@pytest.mark.parametrize("matrix", [[[1, 2], [2, 4]], [[1, 0], [0, 1]], [[0, 0], [0, 0]], [[0, -1], [1, 0]]])
def test_every_svg_path_has_something_to_draw(qtbot, tmp_path, matrix):
    """An item with nothing to show (no collapse, no span) writes no path: Qt's own SVG reader
    warns on an empty ``d``, and a learner's editor may refuse it."""
    path = export_picture(SceneModel(Matrix(matrix)).scene, tmp_path / "m.svg", size=SIZE)
    paths = [element for element in ET.parse(path).getroot().iter() if element.tag.endswith("}path")]
    assert paths and all(element.get("d", "").strip() for element in paths)

@pytest.mark.parametrize("name, size", [("picture.jpg", SIZE), ("picture.png", (4, 4))])
def test_bad_requests_are_refused_before_writing(qtbot, tmp_path, name, size):
    with pytest.raises(ExportError):
        export_picture(SceneModel().scene, tmp_path / name, size=size)
    assert not (tmp_path / name).exists()


def test_export_dialog_writes_what_is_on_screen(qtbot, tmp_path, window):
    window.studio.apply_matrix(Matrix([[2, 1], [1, 2]]))
    window.studio.animator.finish()
    dialog = window.menus.make_export_dialog()
    qtbot.addWidget(dialog)
    assert dialog.width_box.value() == 2 * window.studio.view.width()
    dialog.path.setText(str(tmp_path / "screen.png"))
    dialog.theme.setCurrentIndex(2)  # light, for printing
    assert dialog.save()
    image = QtGui.QImage(str(tmp_path / "screen.png"))
    assert image.width() == 2 * window.studio.view.width()
    assert window.studio.model.theme == "dark"  # exporting in light did not change the window
    corner = image.pixelColor(3, 3)
    assert (corner.red(), corner.green(), corner.blue()) == (255, 255, 255)


def test_exports_carry_a_caption_unless_asked_not_to(qtbot, tmp_path):
    from viz.export import build_view

    model = SceneModel(Matrix([[1, 1], [0, 1]]))
    view = build_view(model.scene, SIZE)
    assert view.caption.visible
    assert "shear along x by 1" in view.caption.text() and "⎡" in view.caption.text()
    assert not build_view(model.scene, SIZE, caption=False).caption.visible
    with_caption = QtGui.QImage(str(export_picture(model.scene, tmp_path / "a.png", size=SIZE, rect=RECT)))
    without = QtGui.QImage(str(export_picture(model.scene, tmp_path / "b.png", size=SIZE, rect=RECT,
                                              caption=False)))
    assert with_caption.copy(0, 0, 300, 120) != without.copy(0, 0, 300, 120)
    assert with_caption.copy(800, 500, 300, 300) == without.copy(800, 500, 300, 300)
