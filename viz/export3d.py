"""Pictures of the 3D scene for notes: PNG through OpenGL, SVG as true vector paths.

The SVG needs no OpenGL: every line, face and label is projected with the numpy camera
(:mod:`viz.geometry3d`) — the same maths the GL view uses — and painted with QPainter into
a ``QSvgGenerator``: the faint lattice first, then the parallelepiped's faces from back to
front (the painter's algorithm), its edges, eigenspaces, arrows and labels on top.
"""

from pathlib import Path

import numpy as np
from PyQt6 import QtCore, QtGui, QtSvg

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


class SpacePainter:
    """Paints the 3D scene of a model, seen by ``camera``, into any QPainter at ``size``."""

    def __init__(self, model, display, camera: Camera, size):
        self.model, self.camera, self.size = model, camera, size
        self.display = np.asarray(display, dtype=float)
        self.settled = np.allclose(self.display, np.array(model.matrix.to_floats()))
        self.theme = THEMES[model.theme]
        self.palette = palette_for(model.palette, model.theme)
        self.scale = max(1.0, size[0] / LAYOUT_WIDTH)

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

    def _arrow(self, painter, tip, color: str, width: float, alpha: float = 1.0) -> None:
        (ox, oy), (tx, ty) = self._xy([[0, 0, 0], tip])
        length = float(np.hypot(tx - ox, ty - oy))
        painter.setPen(_pen(color, width * self.scale, alpha))
        if length < 1e-6:
            return
        ux, uy = (tx - ox) / length, (ty - oy) / length
        head = min(14 * self.scale, 0.45 * length)
        base_x, base_y = tx - head * ux, ty - head * uy
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
        volume = signed_volume(self.display)
        color = palette.area_positive if volume >= 0 else palette.area_negative
        for index in faces_back_to_front(corners, faces, self.camera):
            self._polygon(painter, corners[faces[index]], _color(color, 0.22))
        self._segments(painter, corners[edges.ravel()], _pen(color, 2.0 * scale))
        vector = np.array(self.model.vector.to_floats(), dtype=float)
        self._arrow(painter, vector, palette.vector, 2.5, alpha=0.55)
        self._arrow(painter, self.display @ vector, palette.vector, 3.5)
        names = ("î", "ĵ", "k̂")
        colors = (palette.i_hat, palette.j_hat, palette.k_hat)
        for column, name, hat_color in zip(self.display.T, names, colors):
            self._arrow(painter, column, hat_color, 4.0)
            self._label(painter, column * 1.08, name, hat_color)
        self._label(painter, vector * 1.06, "v", palette.vector)
        self._label(painter, self.display @ vector * 1.06, "Mv", palette.vector)
        shown = scalar_text(facts.det) if self.settled else f"{volume:.2f}".replace("-", "−")
        self._label(painter, corners.mean(axis=0),
                    f"volume = {shown}" + (" (flipped)" if volume < 0 else ""), theme.text)

    def _subspaces(self, painter, facts) -> None:
        palette, scale = self.palette, self.scale
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
    from PyQt6 import QtWidgets

    scene = QtWidgets.QGraphicsScene()
    caption = Caption(scene)
    theme = THEMES[model.theme]
    caption.show(model.matrix, model.facts.description, theme.text, theme.background)
    painter.save()
    painter.scale(max(scale, 1.0), max(scale, 1.0))
    scene.render(painter, QtCore.QRectF(scene.itemsBoundingRect()), scene.itemsBoundingRect())
    painter.restore()
