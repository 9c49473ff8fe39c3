"""Pictures of the 3D scene for notes: PNG through OpenGL, SVG as true vector paths.

The SVG needs no OpenGL: :class:`~viz.views.space_painter.SpacePainter` projects every line,
face and label with the numpy camera and paints them into a ``QSvgGenerator``. The PNG is the
OpenGL view rendered off-screen, with the same painter's heads and labels on top. Both are
written atomically, as the 2D pictures are (:func:`viz.export.write_picture`).
"""

import time
from dataclasses import replace
from pathlib import Path

from PyQt6 import QtCore, QtGui, QtWidgets

from .export import (
    ExportError,
    check_size,
    display_matrix,
    picture_format,
    png_bytes,
    svg_bytes,
    write_picture,
)
from .geometry3d import Camera, picture_camera
from .items.caption import Caption
from .labels import Box
from .picture import LAYOUT_WIDTH, picture_scale
from .scene import Scene
from .views.space_painter import SpacePainter


def export_camera(scene: Scene, size, camera: Camera | None = None, display=None,
                  caption: bool = True) -> Camera:
    """The camera a 3D picture of ``scene`` at ``size`` is drawn with: ``camera`` (default the
    scene's own, arrows apart) moved back just enough that every arrow tip, the parallelepiped's
    corners and every label anchor lie inside the picture and clear of the caption
    (:func:`viz.geometry3d.picture_camera`). The SVG, the OpenGL PNG and each frame of an
    animation (:class:`~viz.views.space_painter.SpacePainter` frames its camera by this rule)
    use it, so they agree; the window's own camera is never changed."""
    camera = camera or scene.camera()
    display = scene.matrix_floats if display is None else display
    return picture_camera(scene, display, camera, size, caption_reserve(scene, size, caption))


MOTION_SAMPLES = 121  # moments of a motion its camera is framed over (the path is smooth)
MOTION_WIDEN = 1.5  # an animation's camera backs off at most this much farther than its ends need


def motion_camera(scene: Scene, size, camera: Camera | None, motion, count: int,
                  caption: bool = True) -> Camera:
    """One camera for all ``count`` frames of an animation along ``motion`` (a
    :class:`~viz.interpolation.TransformPath`, eased as the frames are): :func:`export_camera`'s
    rule over the whole motion at once (sampled at :data:`MOTION_SAMPLES` moments), so the
    picture never zooms or slides as the matrix plays. It backs off at most :data:`MOTION_WIDEN`
    times as far as the start and the end need: a motion through huge in-between values
    (I → diag(10⁶, 1, 1)) would otherwise shrink every frame to a speck, while its last frame
    should look like the still."""
    from .animation import eased_displays

    camera = camera or scene.camera()
    reserve = caption_reserve(scene, size, caption)
    ends = [picture_camera(scene, display, camera, size, reserve)
            for display in (motion.at(0.0), scene.matrix_floats)]
    moving = picture_camera(scene, scene.matrix_floats, camera, size, reserve,
                            also=eased_displays(motion, min(count, MOTION_SAMPLES)))
    farthest = MOTION_WIDEN * max(end.distance for end in ends)
    return moving if moving.distance <= farthest else replace(moving, distance=farthest)


def caption_reserve(scene: Scene, size, caption: bool) -> list[Box]:
    """The boxes a 3D picture keeps free of labels and of what it shows: its caption, if it has one."""
    return [caption_box(scene, picture_scale(size))] if caption else []


def export_space_svg(scene: Scene, path, size, camera: Camera, display=None, caption: bool = True) -> Path:
    """Write the 3D scene as an SVG of vector paths (no OpenGL needed), seen by ``camera``
    framed by :func:`export_camera`."""
    path = Path(path)
    if picture_format(path) != "svg":
        raise ExportError("export_space_svg writes .svg files")
    display = scene.matrix_floats if display is None else display
    reserved = caption_reserve(scene, size, caption)
    framed = export_camera(scene, size, camera, display, caption)

    def paint(painter: QtGui.QPainter) -> None:
        SpacePainter(scene, display, framed, size, reserved=reserved).paint(painter)
        if caption:
            paint_caption(painter, scene, picture_scale(size))

    write_picture(path, svg_bytes(*size, "A linear transformation of space, exported by Linear Lens", paint))
    return path


def _caption(scene: Scene) -> tuple[QtWidgets.QGraphicsScene, Caption]:
    graphics = QtWidgets.QGraphicsScene()
    caption = Caption(graphics)
    caption.show(scene.matrix, scene.description, scene.look.text, scene.look.background)
    return graphics, caption


def caption_box(scene: Scene, scale: float) -> Box:
    """Where the caption of a picture at ``scale`` goes, in picture pixels (kept free of labels)."""
    _, caption = _caption(scene)
    rect = caption.scene_rect()
    return Box(rect.left() * scale, rect.top() * scale, rect.width() * scale, rect.height() * scale)


def paint_caption(painter: QtGui.QPainter, scene: Scene, scale: float) -> None:
    """The same caption as 2D exports (matrix and description), top-left."""
    graphics, _ = _caption(scene)
    painter.save()
    painter.scale(scale, scale)
    graphics.render(painter, QtCore.QRectF(graphics.itemsBoundingRect()), graphics.itemsBoundingRect())
    painter.restore()


class OpenGLUnavailable(ExportError):
    """A PNG of the 3D scene needs OpenGL, and this machine (or Qt platform) has none."""


def export_space_png(scene: Scene, path, size, camera: Camera, display=None, caption: bool = True,
                     view=None) -> Path:
    """Render the 3D scene through OpenGL at ``size`` (off-screen, independent of any window),
    seen by ``camera`` framed by :func:`export_camera`.

    ``view`` is a live :class:`SpaceView` showing ``scene`` to render with (the window's);
    without one, an off-screen view is made for the picture and closed afterwards.
    """
    from .gl_support import opengl_problem

    problem = opengl_problem()
    if problem:
        raise OpenGLUnavailable(f"a 3D PNG needs OpenGL, but {problem}; "
                                "an .svg of the same scene works without it")
    own_view = view is None
    if own_view:
        view = _offscreen_space_view(scene, size)
    try:
        previous = (view.camera(), view.display)
        if display is not None:
            view.show_matrix(display)
        view.set_camera(export_camera(scene, size, camera, view.display, caption))
        image = view.render_image(size, caption_reserve(scene, size, caption))
        if not own_view:
            view.set_camera(previous[0])
            view.show_matrix(previous[1])
        if caption:
            painter = QtGui.QPainter(image)
            painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
            paint_caption(painter, scene, picture_scale(size))
            painter.end()
        write_picture(Path(path), png_bytes(image))
    finally:
        if own_view:
            view.close()
            view.deleteLater()
    return Path(path)


def _offscreen_space_view(scene: Scene, size):
    """A frameless tool window parked off-screen: OpenGL starts only for a shown widget."""
    from .views.space_view import SpaceView

    view = SpaceView(scene)
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


def export_space(scene: Scene, path, size=(1600, 1000), camera: Camera | None = None, t: float = 1.0,
                 display=None, caption: bool = True, view=None, theme: str | None = None) -> Path:
    """The 3D counterpart of :func:`viz.export.export_picture`: PNG through OpenGL, SVG without.
    ``view`` (a live view of the same scene) is used only when the theme is not changed."""
    camera = camera or scene.camera()
    check_size(size)
    if theme is not None and theme != scene.theme:
        scene, view = scene.with_theme(theme), None
    display = display_matrix(scene, t) if display is None else display
    if picture_format(path) == "svg":
        return export_space_svg(scene, path, size, camera, display, caption)
    return export_space_png(scene, path, size, camera, display, caption, view)
