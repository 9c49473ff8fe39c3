"""Pictures of the 3D scene for notes: PNG through OpenGL, SVG as true vector paths.

The SVG needs no OpenGL: every line, face and label is projected with the numpy camera
(:mod:`viz.geometry3d`) — the same maths the GL view uses — and painted with QPainter into
a ``QSvgGenerator``: the faint lattice first, then the parallelepiped's faces from back to
front (the painter's algorithm), its edges, eigenspaces, arrows and labels on top.
"""

import time
from pathlib import Path

import numpy as np
from PyQt6 import QtCore, QtGui, QtSvg, QtWidgets

from kernels.notation import scalar_text

from .export import ExportError, picture_format
from .geometry3d import (Camera, faces_back_to_front, lattice_segments, line_through_origin,
                         parallelepiped, plane_patch, project, signed_volume)
from .items.caption import Caption
from .palette import THEMES, palette_for

LAYOUT_WIDTH = 800


def _color(hex_color: str, alpha: float = 1.0) -> QtGui.QColor:
    color = QtGui.QColor(hex_color)
    color.setAlphaF(alpha)
    return color


def _pen(hex_color: str, width: float, alpha: float = 1.0, dashed: bool = False) -> QtGui.QPen:
    pen = QtGui.QPen(_color(hex_color, alpha))
    pen.setWidthF(width)
    pen.setCapStyle(QtCore.Qt.PenCapStyle.RoundCap)
    if dashed:
        pen.setStyle(QtCore.Qt.PenStyle.DashLine)
    return pen


def selected_span_basis(model) -> list[np.ndarray]:
    """A basis (floats) of the span of the vectors ticked for comparison (empty: none ticked)."""
    from kernels import span

    chosen = [model.vectors[i][1] for i in model.selection]
    if not chosen:
        return []
    return [np.array(v.to_floats(), dtype=float) for v in span(chosen).basis]


class SpacePainter:
    """Paints the 3D scene of a model, seen by ``camera``, into any QPainter at ``size``."""

    def __init__(self, model, display, camera: Camera, size, scale: float | None = None,
                 settled: bool | None = None):
        self.model, self.camera, self.size = model, camera, size
        self.display = np.asarray(display, dtype=float)
        self.settled = (np.allclose(self.display, np.array(model.matrix.to_floats()))
                        if settled is None else settled)
        self.theme = THEMES[model.theme]
        self.palette = palette_for(model.palette, model.theme)
        self.scale = max(1.0, size[0] / LAYOUT_WIDTH) if scale is None else scale

    def _xy(self, points) -> np.ndarray:
        pixels, _ = project(points, self.camera, self.size)
        return pixels

    def _segments(self, painter, segments, pen) -> None:
        pixels = self._xy(segments)
        painter.setPen(pen)
        painter.drawLines([QtCore.QLineF(*a, *b) for a, b in zip(pixels[0::2], pixels[1::2])])

    def _polygon(self, painter, corners, fill: QtGui.QColor, pen=None) -> None:
        painter.setPen(pen or QtCore.Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawPolygon(QtGui.QPolygonF([QtCore.QPointF(x, y) for x, y in self._xy(corners)]))

    def _arrow(self, painter, tip, color: str, width: float, alpha: float = 1.0,
               shaft: bool = True) -> None:
        """A shaft from the origin (unless the GL view drew it) and a flat head at the tip."""
        (ox, oy), (tx, ty) = self._xy([[0, 0, 0], tip])
        length = float(np.hypot(tx - ox, ty - oy))
        if length < 1e-6:
            return
        ux, uy = (tx - ox) / length, (ty - oy) / length
        head = min(14 * self.scale, 0.45 * length)
        base_x, base_y = tx - head * ux, ty - head * uy
        if shaft:
            painter.setPen(_pen(color, width * self.scale, alpha))
            painter.drawLine(QtCore.QLineF(ox, oy, base_x, base_y))
        half = 0.42 * head
        painter.setPen(QtCore.Qt.PenStyle.NoPen)
        painter.setBrush(_color(color, alpha))
        painter.drawPolygon(QtGui.QPolygonF([
            QtCore.QPointF(tx, ty), QtCore.QPointF(base_x - half * uy, base_y + half * ux),
            QtCore.QPointF(base_x + half * uy, base_y - half * ux)]))

    def _label(self, painter, position, text: str, color: str) -> None:
        pixels, depth = project([position], self.camera, self.size)
        if depth[0] <= 0:
            return
        font = QtGui.QFont()
        font.setPointSizeF(12 * self.scale)
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(_color(color))
        x, y = pixels[0]
        painter.drawText(QtCore.QPointF(x + 4 * self.scale, y - 4 * self.scale), text)

    def arrows(self) -> list[tuple[np.ndarray, str, str, float, float]]:
        """(tip, label, colour, width, opacity) of every vector and its image, then î, ĵ, k̂
        — drawn last, on top."""
        palette = self.palette
        out = []
        for index, (name, named) in enumerate(self.model.vectors):
            vector = np.array(named.to_floats(), dtype=float)
            width = 2.5 if index == 0 else 2.0
            style = self.model.style(name)
            color = style.color or palette.vector
            if style.show in ("both", "vector"):
                out.append((vector, name, color, width, 0.55))
            if style.show in ("both", "image"):
                out.append((self.display @ vector, f"M{name}", color, width + 1.0, 1.0))
        names, colors = ("î", "ĵ", "k̂"), (palette.i_hat, palette.j_hat, palette.k_hat)
        return out + [(column, name, color, 4.0, 1.0)
                      for column, name, color in zip(self.display.T, names, colors)]

    def labels(self) -> list[tuple[np.ndarray, str, str]]:
        """(3D position, text, colour) of every label: arrows, volume, eigenvalues."""
        out = [(tip * 1.08, name, color) for tip, name, color, _, _ in self.arrows()]
        volume = signed_volume(self.display)
        shown = scalar_text(self.model.facts.det) if self.settled else f"{volume:.2f}".replace("-", "−")
        corners, _, _ = parallelepiped(self.display)
        out.append((corners.mean(axis=0), f"volume = {shown}" + (" (flipped)" if volume < 0 else ""),
                    self.theme.text))
        if self.settled:
            for space in self.model.facts.eigenspaces:
                if isinstance(space.value, complex) or len(space.vectors) != 1:
                    continue
                end = line_through_origin([float(x) for x in space.vectors[0]])[1] * 0.9
                out.append((end, f"λ = {scalar_text(space.value)}", self.palette.eigen))
        return out

    def paint_overlay(self, painter: QtGui.QPainter, shafts: bool = False) -> None:
        """Arrows (heads, and shafts if asked) and labels over a picture of the scene."""
        painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QtGui.QPainter.RenderHint.TextAntialiasing)
        for tip, _, color, width, alpha in self.arrows():
            self._arrow(painter, tip, color, width, alpha, shaft=shafts)
        for position, text, color in self.labels():
            self._label(painter, position, text, color)

    def paint(self, painter: QtGui.QPainter) -> None:
        painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
        painter.fillRect(QtCore.QRectF(0, 0, *self.size), _color(self.theme.background))
        theme, palette, scale = self.theme, self.palette, self.scale
        self._segments(painter, lattice_segments(np.eye(3)), _pen(theme.fixed_grid, 1.0 * scale, 0.7))
        self._segments(painter, lattice_segments(self.display), _pen(theme.grid, 1.0 * scale, 0.38))
        facts = self.model.facts
        if self.settled:
            self._subspaces(painter, facts)
        corners, faces, edges = parallelepiped(self.display)
        color = palette.area_positive if signed_volume(self.display) >= 0 else palette.area_negative
        for index in faces_back_to_front(corners, faces, self.camera):
            self._polygon(painter, corners[faces[index]], _color(color, 0.22))
        self._segments(painter, corners[edges.ravel()], _pen(color, 2.0 * scale))
        self.paint_overlay(painter, shafts=True)

    def _subspaces(self, painter, facts) -> None:
        palette, scale = self.palette, self.scale
        span_basis = selected_span_basis(self.model)
        if len(span_basis) == 2:
            self._polygon(painter, plane_patch(np.cross(*span_basis)), _color(palette.vector, 0.14))
        elif len(span_basis) == 1:
            self._segments(painter, line_through_origin(span_basis[0]), _pen(palette.vector, 6.0 * scale, 0.4))
        for space in facts.eigenspaces:
            if isinstance(space.value, complex):
                continue
            vectors = [np.array([float(x) for x in v]) for v in space.vectors]
            if len(vectors) == 1:
                segment = line_through_origin(vectors[0])
                self._segments(painter, segment, _pen(palette.eigen, 2.0 * scale, dashed=True))
                self._label(painter, segment[1] * 0.9, f"λ = {scalar_text(space.value)}", palette.eigen)
            elif len(vectors) == 2:
                self._polygon(painter, plane_patch(np.cross(*vectors)), _color(palette.eigen, 0.16))
        basis = [np.array(v, dtype=float) for v in facts.column_basis] if facts.is_singular else []
        if len(basis) == 2:
            self._polygon(painter, plane_patch(np.cross(*basis)), _color(palette.collapse, 0.22))
        elif len(basis) == 1:
            self._segments(painter, line_through_origin(basis[0]), _pen(palette.collapse, 6.0 * scale, 0.6))
        elif facts.rank == 0:  # the zero matrix: everything lands on the origin
            (x, y), = self._xy([[0.0, 0.0, 0.0]])
            painter.setPen(_pen(palette.collapse, 2.0 * scale))
            painter.setBrush(_color(palette.collapse, 0.45))
            painter.drawEllipse(QtCore.QPointF(x, y), 8 * scale, 8 * scale)


def export_space_svg(model, path, size, camera: Camera, display=None, caption: bool = True) -> Path:
    """Write the 3D scene as an SVG of vector paths (no OpenGL needed)."""
    path = Path(path)
    if picture_format(path) != "svg":
        raise ExportError("export_space_svg writes .svg files")
    width, height = size
    generator = QtSvg.QSvgGenerator()
    generator.setFileName(str(path))
    generator.setSize(QtCore.QSize(width, height))
    generator.setViewBox(QtCore.QRect(0, 0, width, height))
    generator.setTitle("Linear Lens")
    generator.setDescription("A linear transformation of space, exported by Linear Lens")
    painter = QtGui.QPainter()
    if not painter.begin(generator):
        raise ExportError(f"could not write {path}: check that the folder exists and is writable")
    display = np.array(model.matrix.to_floats()) if display is None else display
    SpacePainter(model, display, camera, size).paint(painter)
    if caption:
        _paint_caption(painter, model, width / LAYOUT_WIDTH)
    painter.end()
    return path


def _paint_caption(painter: QtGui.QPainter, model, scale: float) -> None:
    """The same caption as 2D exports (matrix and description), top-left."""

    scene = QtWidgets.QGraphicsScene()
    caption = Caption(scene)
    theme = THEMES[model.theme]
    caption.show(model.matrix, model.facts.description, theme.text, theme.background)
    painter.save()
    painter.scale(max(scale, 1.0), max(scale, 1.0))
    scene.render(painter, QtCore.QRectF(scene.itemsBoundingRect()), scene.itemsBoundingRect())
    painter.restore()


class OpenGLUnavailable(ExportError):
    """A PNG of the 3D scene needs OpenGL, and this machine (or Qt platform) has none."""


def export_space_png(model, path, size, camera: Camera, display=None, caption: bool = True,
                     view=None) -> Path:
    """Render the 3D scene through OpenGL at ``size`` (off-screen, independent of any window).

    ``view`` is a live :class:`SpaceView` of ``model`` to render with (the window's); without
    one, an off-screen view is made for the picture and closed afterwards.
    """
    from .gl_support import opengl_problem

    problem = opengl_problem()
    if problem:
        raise OpenGLUnavailable(f"a 3D PNG needs OpenGL, but {problem}; "
                                "an .svg of the same scene works without it")
    own_view = view is None
    if own_view:
        view = _offscreen_space_view(model, size)
    try:
        previous = (view.camera(), view.display, view.settled)
        view.set_camera(camera)
        if display is not None:
            view.show_matrix(display, settled=np.allclose(display, np.array(model.matrix.to_floats())))
        image = view.render_image(size)
        if not own_view:
            view.set_camera(previous[0])
            view.show_matrix(previous[1], previous[2])
        if caption:
            painter = QtGui.QPainter(image)
            painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
            _paint_caption(painter, model, size[0] / LAYOUT_WIDTH)
            painter.end()
        if not image.save(str(path), "PNG"):
            raise ExportError(f"could not write {path}: check that the folder exists and is writable")
    finally:
        if own_view:
            view.close()
            view.deleteLater()
    return Path(path)


def _offscreen_space_view(model, size):
    """A frameless tool window parked off-screen: OpenGL starts only for a shown widget."""
    from .views.space_view import SpaceView

    view = SpaceView(model)
    view.setWindowFlags(QtCore.Qt.WindowType.Tool | QtCore.Qt.WindowType.FramelessWindowHint
                        | QtCore.Qt.WindowType.WindowDoesNotAcceptFocus)
    view.resize(LAYOUT_WIDTH, max(1, round(LAYOUT_WIDTH * size[1] / size[0])))
    view.move(-20000, -20000)
    view.show()
    deadline = time.monotonic() + 3.0
    while not view.isValid() and time.monotonic() < deadline:
        QtWidgets.QApplication.processEvents(QtCore.QEventLoop.ProcessEventsFlag.AllEvents, 50)
    if not view.isValid():
        view.close()
        raise OpenGLUnavailable("OpenGL did not start for the off-screen 3D picture; "
                                "an .svg of the same scene works without it")
    return view


def export_space(model, path, size=(1600, 1000), camera: Camera | None = None, t: float = 1.0,
                 display=None, caption: bool = True, view=None) -> Path:
    """The 3D counterpart of :func:`viz.export.export_picture`: PNG through OpenGL, SVG without."""
    from .export import display_matrix
    from .geometry3d import CAMERA_PRESETS

    camera = camera or CAMERA_PRESETS["iso"]
    width, height = size
    if not (16 <= width <= 10000 and 16 <= height <= 10000):
        raise ExportError(f"picture size {width}×{height} is out of range (16 to 10000 pixels a side)")
    display = display_matrix(model, t) if display is None else display
    if picture_format(path) == "svg":
        return export_space_svg(model, path, size, camera, display, caption)
    return export_space_png(model, path, size, camera, display, caption, view)
