"""Pictures of the plane for notes: PNG at any size and SVG, from the window or the command line.

Both paths build the same off-screen :class:`PlaneView` of the :class:`~viz.scene.Scene` and
render it, so a headless export looks exactly like the window. Sizes and the layout scale
come from :mod:`viz.picture`.

A picture is drawn into memory (PNG or SVG bytes) and then written in one go by
:func:`viz.files.write_atomically`: whoever opens the file — even while twenty exports write
the same name — finds a whole picture, and a failure leaves the old file and no litter.
"""

from collections.abc import Callable
from pathlib import Path

import numpy as np
from PyQt6 import QtCore, QtGui, QtSvg, QtWidgets

from .files import reason, write_atomically
from .interpolation import TransformPath
from .picture import picture_scale, size_problem
from .scene import Scene
from .views.plane_view import PlaneView

FORMATS = ("png", "svg")


class ExportError(ValueError):
    """The picture could not be written (unknown format, bad size, unwritable path)."""


def picture_format(path) -> str:
    """``png`` or ``svg`` from the file name, or an ExportError naming what is supported."""
    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        raise ExportError(f"cannot export '{Path(path).name}': use a .png or .svg file name")
    return suffix


def display_matrix(scene: Scene, t: float = 1.0) -> np.ndarray:
    """The matrix shown at time t of the animation from the identity to the scene's matrix."""
    target = scene.matrix_floats
    return TransformPath(np.eye(len(target)), target).at(t) if t < 1.0 else target


def check_size(size) -> None:
    """ExportError unless ``size`` is a picture size every export accepts."""
    problem = size_problem(*size)
    if problem:
        raise ExportError(problem)


def build_view(scene: Scene, size, display=None, rect=None, caption: bool = True) -> PlaneView:
    """An off-screen view of ``scene`` laid out for a ``size = (width, height)`` picture,
    with the matrix and its description in the corner unless ``caption`` is False."""
    width, height = size
    scale = picture_scale(size)
    view = PlaneView(scene)
    view.place_moving_labels = True  # a picture at any t keeps its labels apart
    view.setAttribute(QtCore.Qt.WidgetAttribute.WA_DontShowOnScreen, True)
    view.setMinimumSize(1, 1)  # a small picture (or one panel of several) is not held to the window's minimum
    view.resize(max(1, round(width / scale)), max(1, round(height / scale)))
    view.show()
    QtWidgets.QApplication.sendPostedEvents()  # lay the view out at its size before drawing
    if rect is not None:
        view.set_range(rect)
    view.show_matrix(scene.matrix_floats if display is None else display)
    if rect is None:
        view.fit()
    view.redraw_for_range()
    if caption:
        view.show_caption()
        if rect is None:
            view.clear_caption()
    return view


def render(view: PlaneView, path, size) -> Path:
    """Write ``view`` to ``path`` as PNG or SVG at ``size`` pixels; returns the path."""
    path = Path(path)
    if picture_format(path) == "png":
        data = png_bytes(render_image(view, size))
    else:
        logical = view.size()

        def paint(painter: QtGui.QPainter) -> None:
            painter.fillRect(QtCore.QRect(0, 0, logical.width(), logical.height()),
                             view.backgroundBrush().color())
            _paint_view(view, painter)

        data = svg_bytes(logical.width(), logical.height(),
                         "A linear transformation of the plane, exported by Linear Lens", paint)
    write_picture(path, data)
    return path


def png_bytes(image: QtGui.QImage) -> bytes:
    """``image`` encoded as a PNG file, in memory."""
    buffer = QtCore.QBuffer()
    buffer.open(QtCore.QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise ExportError(f"could not encode the {image.width()}×{image.height()} picture as PNG")
    return bytes(buffer.data())


def svg_bytes(width: int, height: int, description: str, paint: Callable[[QtGui.QPainter], None]) -> bytes:
    """An SVG file, in memory, of a ``width``×``height`` picture drawn by ``paint(painter)``."""
    buffer = QtCore.QBuffer()
    buffer.open(QtCore.QIODevice.OpenModeFlag.WriteOnly)
    generator = QtSvg.QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(QtCore.QSize(width, height))
    generator.setViewBox(QtCore.QRect(0, 0, width, height))
    generator.setResolution(layout_dpi())  # text as large as the layout it was placed by
    generator.setTitle("Linear Lens")
    generator.setDescription(description)
    painter = QtGui.QPainter()
    if not painter.begin(generator):
        raise ExportError("could not start drawing the SVG picture")
    try:
        paint(painter)
    finally:
        painter.end()
    return bytes(buffer.data())


def layout_dpi() -> int:
    """The dots per inch text is laid out at (the screen's; 96 without one).

    QSvgGenerator assumes 72 dpi and writes a 13 pt font as ``font-size="13"``, while labels,
    the caption and the space painter's label boxes are measured on the screen, where 13 pt is
    17⅓ px: an SVG drawn at 72 dpi showed every text at ¾ of the size it was placed for."""
    screen = QtGui.QGuiApplication.primaryScreen()
    return round(screen.logicalDotsPerInchY()) if screen is not None else 96


def write_picture(path: Path, data: bytes) -> None:
    """Write a picture's bytes to ``path`` atomically; ExportError saying why when it cannot be
    written ("it is a folder", "the folder … does not exist", "No space left on device")."""
    try:
        write_atomically(path, data)
    except OSError as error:
        raise ExportError(f"could not write {path}: {reason(error)}") from None


def render_image(view: PlaneView, size, image: QtGui.QImage | None = None) -> QtGui.QImage:
    """The view as an opaque ``size`` = (width, height) RGB32 image (PNG stills, animation frames).

    Pass the ``image`` returned by an earlier call to paint into it again instead of
    allocating a new one (an animation renders every frame into the same buffer).
    """
    width, height = size
    if image is None or (image.width(), image.height()) != (width, height):
        image = QtGui.QImage(width, height, QtGui.QImage.Format.Format_RGB32)  # opaque: smaller, faster
        image.setDevicePixelRatio(picture_scale(size))
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


def export_picture(scene: Scene, path, size=(1600, 1000), t: float = 1.0, display=None, rect=None,
                   theme: str | None = None, caption: bool = True) -> Path:
    """Render ``scene`` to ``path`` (the one code path of GUI and command line).

    ``display`` (the matrix on screen) overrides ``t``; ``theme`` overrides the scene's theme.
    """
    check_size(size)
    picture_format(path)
    scene = scene.with_theme(theme)
    view = build_view(scene, size, display if display is not None else display_matrix(scene, t),
                      rect, caption)
    try:
        return render(view, path, size)
    finally:
        view.close()
        view.deleteLater()
