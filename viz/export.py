"""Pictures for notes: PNG at any size and SVG, from the window or from the command line.

Both paths build the same off-screen :class:`PlaneView` from the scene model and render it,
so a headless export looks exactly like the window. A picture ``width`` pixels wide is the
view laid out at a comfortable on-screen size and rendered at ``scale`` = width / that size,
so labels and lines keep their proportions at 1600 px instead of shrinking to hairlines.
"""

from pathlib import Path

import numpy as np
from PyQt6 import QtCore, QtGui, QtSvg, QtWidgets

from .interpolation import TransformPath
from .views.plane_view import PlaneView

LAYOUT_WIDTH = 800  # the on-screen width (in logical pixels) an export is laid out at
FORMATS = ("png", "svg")


class ExportError(ValueError):
    """The picture could not be written (unknown format, bad size, unwritable path)."""


def picture_format(path) -> str:
    """``png`` or ``svg`` from the file name, or an ExportError naming what is supported."""
    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        raise ExportError(f"cannot export '{Path(path).name}': use a .png or .svg file name")
    return suffix


def display_matrix(model, t: float = 1.0) -> np.ndarray:
    """The matrix shown at time t of the animation from the identity to the model's matrix."""
    target = np.array(model.matrix.to_floats())
    return TransformPath(np.eye(len(target)), target).at(t) if t < 1.0 else target


def scale_for(size) -> float:
    """How many picture pixels one on-screen pixel becomes (never less than 1)."""
    return max(1.0, size[0] / LAYOUT_WIDTH)


def build_view(model, size, display=None, rect=None, caption: bool = True) -> PlaneView:
    """An off-screen view of ``model`` laid out for a ``size = (width, height)`` picture,
    with the matrix and its description in the corner unless ``caption`` is False."""
    width, height = size
    scale = scale_for(size)
    view = PlaneView(model)
    view.setAttribute(QtCore.Qt.WidgetAttribute.WA_DontShowOnScreen, True)
    view.resize(max(1, round(width / scale)), max(1, round(height / scale)))
    view.show()
    QtWidgets.QApplication.sendPostedEvents()  # lay the view out at its size before drawing
    if display is None:
        display = np.array(model.matrix.to_floats())
    settled = np.allclose(display, np.array(model.matrix.to_floats()))
    if rect is not None:
        view.set_range(rect)
    view.show_matrix(display, settled)
    if rect is None:
        view.fit()
    view.redraw_for_range()
    if caption:
        view.show_caption()
    return view


def render(view: PlaneView, path, size) -> Path:
    """Write ``view`` to ``path`` as PNG or SVG at ``size`` pixels; returns the path."""
    path = Path(path)
    kind = picture_format(path)
    if kind == "png":
        image = render_image(view, size)
        if not image.save(str(path), "PNG"):
            raise ExportError(f"could not write {path}: check that the folder exists and is writable")
    else:
        generator = QtSvg.QSvgGenerator()
        generator.setFileName(str(path))
        logical = view.size()
        generator.setSize(logical)
        generator.setViewBox(QtCore.QRect(0, 0, logical.width(), logical.height()))
        generator.setTitle("Linear Lens")
        generator.setDescription("A linear transformation of the plane, exported by Linear Lens")
        painter = QtGui.QPainter()
        if not painter.begin(generator):
            raise ExportError(f"could not write {path}: check that the folder exists and is writable")
        painter.fillRect(QtCore.QRect(0, 0, logical.width(), logical.height()),
                         view.backgroundBrush().color())
        _paint_view(view, painter)
        painter.end()
    return path


def render_image(view: PlaneView, size, image: QtGui.QImage | None = None) -> QtGui.QImage:
    """The view as an opaque ``size`` = (width, height) RGB32 image (PNG stills, animation frames).

    Pass the ``image`` returned by an earlier call to paint into it again instead of
    allocating a new one (an animation renders every frame into the same buffer).
    """
    width, height = size
    if image is None or (image.width(), image.height()) != (width, height):
        image = QtGui.QImage(width, height, QtGui.QImage.Format.Format_RGB32)  # opaque: smaller, faster
        image.setDevicePixelRatio(scale_for(size))
    image.fill(view.backgroundBrush().color())
    painter = QtGui.QPainter(image)
    _paint_view(view, painter)
    painter.end()
    return image


def _paint_view(view: PlaneView, painter: QtGui.QPainter) -> None:
    """Draw the view's scene into ``painter`` at the view's logical size (Qt scales for DPR)."""
    painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QtGui.QPainter.RenderHint.TextAntialiasing)
    source = view.viewport().rect()
    view.render(painter, QtCore.QRectF(source), source)


def export_picture(model, path, size=(1600, 1000), t: float = 1.0, display=None, rect=None,
                   theme: str | None = None, caption: bool = True) -> Path:
    """Render the scene of ``model`` to ``path`` (the one code path of GUI and command line).

    ``display`` (the matrix on screen) overrides ``t``; ``theme`` overrides the model's theme.
    """
    width, height = size
    if not (16 <= width <= 10000 and 16 <= height <= 10000):
        raise ExportError(f"picture size {width}×{height} is out of range (16 to 10000 pixels a side)")
    picture_format(path)
    if theme is not None and theme != model.theme:
        model = model.copy()
        model.set_appearance(theme=theme)
    view = build_view(model, size, display if display is not None else display_matrix(model, t),
                      rect, caption)
    try:
        return render(view, path, size)
    finally:
        view.close()
        view.deleteLater()
