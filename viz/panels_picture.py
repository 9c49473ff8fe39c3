"""Pictures of several canvases side by side — AB | BA | AB − BA, or one sequence — as one PNG
or SVG, titled above and captioned below, with a footer line (the verdict).

The window's Copy/Export and the command line's ``export --compose`` / ``--sequence`` both
draw through :func:`paint_panels`, so they cannot disagree. Each plane is the studio's own
off-screen view (:func:`viz.export.build_view`); each space is painted by the studio's
:class:`~viz.views.space_painter.SpacePainter` (no OpenGL needed).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PyQt6 import QtCore, QtGui

from .export import ExportError, build_view, check_size, picture_format, png_bytes, svg_bytes, write_picture
from .picture import LAYOUT_WIDTH
from .scene import Scene
from .staged_scenes import framing, space_camera
from .views.plane_view import PlaneView
from .views.space_painter import SpacePainter

PANEL_LAYOUT_WIDTH = 480  # logical pixels each of several panels is laid out at, at least
MARGIN, TITLE = 10, 30
TITLE_PIXELS, CAPTION_PIXELS, FOOTER_PIXELS = 17, 14, 15
WRAP = QtCore.Qt.AlignmentFlag.AlignHCenter | QtCore.Qt.TextFlag.TextWordWrap


@dataclass(frozen=True)
class Panel:
    """One canvas of the picture: its title, scene, display matrix and caption lines; for the
    plane, the (scene, display) pictures its range must show whole (all the panels' pictures
    over the whole motion, so they share one scale) — or none, to frame its own picture; for
    space, its camera. ``overlay``, if given, is called with the plane's off-screen view before
    it is drawn, to add a lab's own items (an ellipse, a trail) over the scene."""
    title: str
    scene: Scene
    display: np.ndarray
    caption: tuple = ()
    frame: tuple = ()
    camera: object = None
    overlay: Callable[[PlaneView], None] | None = None


def picture_scale_for(panels, size) -> float:
    """Picture pixels per logical pixel: one panel is laid out like a studio picture (800 wide),
    several at 480 each, so labels keep their size whatever the picture's width."""
    return max(1.0, size[0] / max(LAYOUT_WIDTH, len(panels) * PANEL_LAYOUT_WIDTH))


def _font(pixels: int, bold: bool = False) -> QtGui.QFont:
    font = QtGui.QFont()
    font.setPixelSize(pixels)
    font.setBold(bold)
    return font


def _text_height(font: QtGui.QFont, lines, width: float) -> float:
    """How tall ``lines`` are when each is wrapped to ``width``."""
    metrics = QtGui.QFontMetricsF(font)
    return sum(metrics.boundingRect(QtCore.QRectF(0, 0, width, 1e6), WRAP, line).height() for line in lines)


def _draw_lines(painter: QtGui.QPainter, font: QtGui.QFont, lines, left: float, top: float,
                width: float) -> None:
    metrics = QtGui.QFontMetricsF(font)
    painter.setFont(font)
    for line in lines:
        box = metrics.boundingRect(QtCore.QRectF(0, 0, width, 1e6), WRAP, line)
        painter.drawText(QtCore.QRectF(left, top, width, box.height()), WRAP, line)
        top += box.height()


def paint_panels(painter: QtGui.QPainter, panels, logical_size, footer=()) -> None:
    """Draw ``panels`` side by side into ``painter`` (logical pixels): each title above, its
    canvas, its caption lines under it (wrapped), then the ``footer`` lines across the bottom."""
    theme = panels[0].scene.look
    width, height = logical_size
    painter.fillRect(QtCore.QRectF(0, 0, width, height), QtGui.QColor(theme.background))
    painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QtGui.QPainter.RenderHint.TextAntialiasing)
    title_font, caption_font = _font(TITLE_PIXELS, True), _font(CAPTION_PIXELS)
    footer_font = _font(FOOTER_PIXELS)
    panel_width = (width - MARGIN * (len(panels) + 1)) / len(panels)
    captions = max(_text_height(caption_font, panel.caption, panel_width) for panel in panels)
    footer_height = _text_height(footer_font, footer, width - 2 * MARGIN)
    panel_height = height - TITLE - captions - footer_height - 3 * MARGIN
    if panel_width < 60 or panel_height < 60:
        raise ExportError(f"the picture is too small for {len(panels)} panel(s) with their captions")
    top = MARGIN + TITLE
    for index, panel in enumerate(panels):
        left = MARGIN + index * (panel_width + MARGIN)
        painter.setPen(QtGui.QColor(theme.text))
        painter.setFont(title_font)
        painter.drawText(QtCore.QRectF(left, MARGIN, panel_width, TITLE), QtCore.Qt.AlignmentFlag.AlignCenter,
                         panel.title)
        painter.save()
        painter.translate(left, top)
        painter.setClipRect(QtCore.QRectF(0, 0, panel_width, panel_height))
        _paint_canvas(painter, panel, (panel_width, panel_height))
        painter.restore()
        painter.setPen(QtGui.QColor(theme.axes))
        painter.setBrush(QtCore.Qt.BrushStyle.NoBrush)
        painter.drawRect(QtCore.QRectF(left, top, panel_width, panel_height))
        painter.setPen(QtGui.QColor(theme.text))
        _draw_lines(painter, caption_font, panel.caption, left, top + panel_height + 4, panel_width)
    _draw_lines(painter, footer_font, footer, MARGIN, top + panel_height + captions + 2 * MARGIN,
                width - 2 * MARGIN)


def _paint_canvas(painter: QtGui.QPainter, panel: Panel, size) -> None:
    width, height = round(size[0]), round(size[1])
    if panel.scene.dimension == 3:
        camera = panel.camera  # the window's, else one that keeps the panel's whole run in view
        if camera is None:
            camera = space_camera(panel.frame, (width, height)) if panel.frame else panel.scene.camera()
        SpacePainter(panel.scene, panel.display, camera, (width, height), scale=1.0).paint(painter)
        return
    rect = framing(panel.frame, width / height) if panel.frame else None
    view = build_view(panel.scene, (width, height), panel.display, rect, caption=False)
    if panel.overlay is not None:
        panel.overlay(view)
    try:
        source = view.viewport().rect()
        view.render(painter, QtCore.QRectF(0, 0, width, height), source)
    finally:
        view.close()
        view.deleteLater()


def render_panels(panels, size, footer=()) -> QtGui.QImage:
    """The panels as an opaque image of ``size`` = (width, height) pixels."""
    check_size(size)
    scale = picture_scale_for(panels, size)
    image = QtGui.QImage(size[0], size[1], QtGui.QImage.Format.Format_RGB32)
    image.setDevicePixelRatio(scale)
    painter = QtGui.QPainter(image)
    try:
        paint_panels(painter, panels, (size[0] / scale, size[1] / scale), footer)
    finally:
        painter.end()
    return image


def export_panels(panels, path, size, footer=(), description: str = "") -> Path:
    """Write the panels to ``path`` (.png or .svg) atomically; the path written."""
    path = Path(path)
    kind = picture_format(path)
    check_size(size)
    if kind == "png":
        data = png_bytes(render_panels(panels, size, footer))
    else:
        scale = picture_scale_for(panels, size)
        logical = (size[0] / scale, size[1] / scale)
        data = svg_bytes(round(logical[0]), round(logical[1]), description or "Linear Lens",
                         lambda painter: paint_panels(painter, panels, logical, footer))
    write_picture(path, data)
    return path
