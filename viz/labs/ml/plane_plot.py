"""The canvases of the PCA and neural-layer views: plots of the plane with a title and a caption,
drawn from plain numbers, and exported by drawing the same figure off-screen.

A :class:`Figure` is a title, a row of plots and a caption. The view on screen and a PNG or
SVG export are the same class given the same picture: the export builds one off-screen at the
picture's layout size (:func:`viz.picture.picture_scale`) and renders it, so a picture in the
learner's notes looks like the window.
"""

from __future__ import annotations

import html
from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PyQt6 import QtCore, QtGui, QtWidgets

from ...export import check_size, picture_format, png_bytes, svg_bytes, write_picture
from ...items.point_cloud import PointCloud
from ...items.segments import Segments
from ...palette import THEMES, Palette, Theme, palette_for
from ...picture import picture_scale

TITLE_PIXELS, CAPTION_PIXELS = 17, 14


class Look:
    """The theme and palette a figure is drawn in (the preferences, or an export's theme)."""

    def __init__(self, theme: str, palette: str):
        self.theme: Theme = THEMES[theme]
        self.palette: Palette = palette_for(palette, theme)


class PlanePlot(pg.PlotWidget):
    """The plane with 1:1 aspect, labelled axes, and a fixed range (set by the view, not by data)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setAntialiasing(True)
        self.scene().setItemIndexMethod(QtWidgets.QGraphicsScene.ItemIndexMethod.NoIndex)
        self.setMenuEnabled(False)
        self.hideButtons()
        self.getViewBox().setAspectLocked(True)
        self.getViewBox().disableAutoRange()
        self.setMinimumSize(160, 140)
        self._rect = None

    def add(self, item: pg.GraphicsObject, z: float) -> pg.GraphicsObject:
        item.setZValue(z)
        self.addItem(item, ignoreBounds=True)
        return item

    def cloud(self, z: float) -> PointCloud:
        return self.add(PointCloud(), z)

    def segments(self, z: float, connected: bool = False, antialiased: bool = True) -> Segments:
        return self.add(Segments(connected, antialiased), z)

    def show_rect(self, rect) -> None:
        """Show at least the rectangle (left, right, bottom, top) in plane units."""
        if rect == self._rect:
            return  # the range stays put while the picture moves: no relayout of the axes
        self._rect = rect
        left, right, bottom, top = rect
        self.setRange(xRange=(left, right), yRange=(bottom, top), padding=0.02)

    def apply_theme(self, look: Look) -> None:
        self.setBackground(look.theme.background)
        for name in ("bottom", "left"):
            axis = self.getAxis(name)
            axis.setPen(pg.mkPen(look.theme.axes))
            axis.setTextPen(pg.mkPen(look.theme.faint_text))


def frame_rect(point_sets, margin: float = 0.08) -> tuple[float, float, float, float]:
    """The rectangle (left, right, bottom, top) around every point of ``point_sets`` (arrays
    n × 2, NaNs ignored), grown by ``margin`` of its size on each side; never empty."""
    finite = [p[np.isfinite(p).all(axis=1)] for p in point_sets if len(p)]
    finite = [p for p in finite if len(p)]
    if not finite:
        return (-1.0, 1.0, -1.0, 1.0)
    everything = np.concatenate(finite)
    low, high = everything.min(axis=0), everything.max(axis=0)
    size = np.maximum(high - low, 1e-9 + 0.05 * max(float((high - low).max()), 1.0))
    centre = (low + high) / 2
    half = size * (0.5 + margin)
    return (centre[0] - half[0], centre[0] + half[0], centre[1] - half[1], centre[1] + half[1])


def rest_rects(point_sets_per_rest) -> list[tuple[float, float, float, float]]:
    """The :func:`frame_rect` of each rest point's picture (a list of point sets per rest)."""
    return [frame_rect(point_sets) for point_sets in point_sets_per_rest]


def rect_between(rects, position: float) -> tuple[float, float, float, float]:
    """The range at ``position`` of a motion through rest points 0…n framed by ``rects``: at a
    rest its own rectangle, so each picture fills the view; between rests k and k + 1 the blend
    (1 − t)·R_k + t·R_(k+1), t = position − k — the player eases t, so the range eases too.

    >>> rect_between([(-1, 1, -1, 1), (-3, 3, -1, 1)], 0.5)
    (-2.0, 2.0, -1.0, 1.0)
    """
    last = len(rects) - 1
    position = min(max(float(position), 0.0), float(last))
    k = min(int(position), last - 1) if last > 0 else 0
    t = position - k
    if last == 0 or t == 0.0:
        return tuple(float(x) for x in rects[k])
    start, end = np.asarray(rects[k], dtype=float), np.asarray(rects[k + 1], dtype=float)
    return tuple(float(x) for x in (1 - t) * start + t * end)


class Figure(QtWidgets.QWidget):
    """A title, a row of plots (``widgets``, with their stretch), and a caption under them."""

    def __init__(self, widgets, stretches=None, parent=None):
        super().__init__(parent)
        self.setAutoFillBackground(True)
        self.title = QtWidgets.QLabel()
        self.title.setAlignment(QtCore.Qt.AlignmentFlag.AlignCenter)
        self.title.setWordWrap(True)
        self.caption = QtWidgets.QLabel()
        self.caption.setWordWrap(True)
        self.caption.setTextInteractionFlags(QtCore.Qt.TextInteractionFlag.TextSelectableByMouse)
        row = QtWidgets.QHBoxLayout()
        row.setSpacing(6)
        for widget, stretch in zip(widgets, stretches or [1] * len(widgets)):
            row.addWidget(widget, stretch=stretch)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.title)
        layout.addLayout(row, stretch=1)
        layout.addWidget(self.caption)
        self.look: Look | None = None

    def set_look(self, look: Look) -> None:
        self.look = look
        palette = self.palette()
        palette.setColor(QtGui.QPalette.ColorRole.Window, QtGui.QColor(look.theme.background))
        palette.setColor(QtGui.QPalette.ColorRole.WindowText, QtGui.QColor(look.theme.text))
        self.setPalette(palette)

    def set_text(self, title: str, caption_lines) -> None:
        """The title (plain text) and the caption, one sentence a line."""
        colour = self.look.theme.text if self.look else "#000000"
        self.title.setText(f"<span style='font-size:{TITLE_PIXELS}px; font-weight:600; color:{colour}'>"
                           f"{html.escape(title)}</span>")
        body = "<br>".join(html.escape(line) for line in caption_lines)
        self.caption.setText(f"<span style='font-size:{CAPTION_PIXELS}px; color:{colour}'>{body}</span>")


def offscreen(figure: Figure, size) -> Figure:
    """Lay ``figure`` out off-screen at the logical size of a ``size`` picture."""
    scale = picture_scale(size)
    figure.setAttribute(QtCore.Qt.WidgetAttribute.WA_DontShowOnScreen, True)
    figure.resize(max(1, round(size[0] / scale)), max(1, round(size[1] / scale)))
    figure.show()
    settle(figure)
    return figure


def settle(figure: Figure) -> None:
    """Lay ``figure`` out again after its text changed (the wrapped lines take their height)."""
    QtWidgets.QApplication.sendPostedEvents()
    figure.layout().activate()
    QtWidgets.QApplication.sendPostedEvents()


def _image(figure: Figure, size) -> QtGui.QImage:
    check_size(size)
    image = QtGui.QImage(size[0], size[1], QtGui.QImage.Format.Format_RGB32)
    image.setDevicePixelRatio(picture_scale(size))
    image.fill(QtGui.QColor(figure.look.theme.background if figure.look else "#ffffff"))
    painter = QtGui.QPainter(image)
    painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QtGui.QPainter.RenderHint.TextAntialiasing)
    figure.render(painter)
    painter.end()
    return image


def render_figure(figure: Figure, size) -> QtGui.QImage:
    """``figure`` (laid out by :func:`offscreen`) as an opaque image of ``size`` pixels; the
    figure is closed afterwards (it was made for this one picture)."""
    try:
        return _image(figure, size)
    finally:
        close_figure(figure)


def export_figure(figure: Figure, path, size, description: str) -> Path:
    """Write ``figure`` (laid out by :func:`offscreen`) to ``path`` as PNG or SVG, atomically;
    the figure is closed afterwards."""
    try:
        path = Path(path)
        check_size(size)
        if picture_format(path) == "png":
            data = png_bytes(_image(figure, size))
        else:
            logical = figure.size()
            data = svg_bytes(logical.width(), logical.height(), description, figure.render)
        write_picture(path, data)
        return path
    finally:
        close_figure(figure)


def close_figure(figure: Figure) -> None:
    figure.close()
    figure.deleteLater()
