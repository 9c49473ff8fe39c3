"""The 2D canvas: the plane before and after the matrix, with everything that explains it.

It draws a :class:`~viz.scene.Scene` (:meth:`PlaneView.show_scene`) under whatever *display*
matrix it is given (:meth:`PlaneView.show_matrix`: the animator's frame, or the committed
matrix when at rest); it decides nothing itself. Dragging the tip of î, ĵ or a vector emits
:attr:`PlaneViewBox.handle_dragged`; the studio turns that into undoable commands, and the
new scene comes back here like any other edit.
"""

import numpy as np
import pyqtgraph as pg
from PyQt6 import QtCore, QtWidgets

from ..geometry import fit_rect, parallelogram
from ..geometry3d import BIGGEST_AVOIDED
from ..items.angle_arc import AngleArc
from ..items.caption import Caption
from ..items.collapse import CollapseHighlight
from ..items.combination_path import CombinationPath
from ..items.determinant_area import DeterminantArea
from ..items.eigenlines import EigenLines
from ..items.grid import GridItem
from ..items.projection import ProjectionItem
from ..items.span_patch import SpanPatch
from ..items.vector_arrow import VectorArrow
from ..labels import Box, Label, head_box, place
from ..scene import Scene

HANDLE_RADIUS_PX = 14
DEFAULT_HALF_WIDTH = 5.0


class PlaneViewBox(pg.ViewBox):
    """A ViewBox with a locked 1:1 aspect whose arrow tips can be dragged.

    Signals:
        handle_dragged(name, x, y, finished): a tip named "i", "j" or "vector:k" (the k-th
        named vector, v is 0) was dragged to (x, y) in plane coordinates (rounded to the grid
        while Shift is held).
    """

    handle_dragged = QtCore.pyqtSignal(str, float, float, bool)

    def __init__(self):
        super().__init__(lockAspect=True, enableMenu=False, invertY=False)
        self.setAcceptHoverEvents(True)
        self._handles: dict[str, tuple[float, float]] = {}
        self._dragging: str | None = None

    @property
    def dragging(self) -> str | None:
        """The name of the tip being dragged, or None."""
        return self._dragging

    def set_handle(self, name: str, position) -> None:
        self._handles[name] = (float(position[0]), float(position[1]))

    def remove_handle(self, name: str) -> None:
        self._handles.pop(name, None)

    @property
    def handles(self) -> tuple[str, ...]:
        """The names of the tips that can be dragged now."""
        return tuple(self._handles)

    def handle_at(self, scene_pos) -> str | None:
        """The draggable tip within a few pixels of ``scene_pos``, nearest first."""
        best, best_distance = None, HANDLE_RADIUS_PX
        for name, (x, y) in self._handles.items():
            tip = self.mapViewToScene(QtCore.QPointF(x, y))
            distance = (tip - scene_pos).manhattanLength()
            if distance <= best_distance:
                best, best_distance = name, distance
        return best

    def mouseDragEvent(self, ev, axis=None):
        if ev.button() != QtCore.Qt.MouseButton.LeftButton:
            return super().mouseDragEvent(ev, axis)
        if ev.isStart():
            self._dragging = self.handle_at(ev.buttonDownScenePos())
        if self._dragging is None:
            return super().mouseDragEvent(ev, axis)
        ev.accept()
        point = self.mapSceneToView(ev.scenePos())
        x, y = point.x(), point.y()
        if ev.modifiers() & QtCore.Qt.KeyboardModifier.ShiftModifier:
            x, y = float(round(x)), float(round(y))
        name, finished = self._dragging, ev.isFinish()
        if finished:
            self._dragging = None
        self.handle_dragged.emit(name, x, y, finished)

    def hoverEvent(self, ev):
        over_tip = not ev.isExit() and self.handle_at(ev.scenePos()) is not None
        shape = QtCore.Qt.CursorShape.OpenHandCursor if over_tip else QtCore.Qt.CursorShape.ArrowCursor
        self.setCursor(shape)


class PlaneView(pg.GraphicsView):
    """The 2D plane: fixed grid, moving grid, determinant area, eigen-lines, the vectors and
    their images, î and ĵ, the span and comparison of the ticked vectors."""

    def __init__(self, scene: Scene, parent=None):
        super().__init__(parent, background=scene.look.background)
        self.setAntialiasing(True)
        # everything moves every frame: a spatial index would be rebuilt per frame for nothing
        self.scene().setItemIndexMethod(QtWidgets.QGraphicsScene.ItemIndexMethod.NoIndex)
        # the background layer (an opaque theme colour) covers every pixel: Qt need not clear
        # the viewport to its palette colour before each paint
        self.viewport().setAttribute(QtCore.Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setMinimumSize(320, 240)
        self.view_box = PlaneViewBox()
        self.setCentralItem(self.view_box)
        box = self.view_box
        self.fixed_grid = GridItem()  # painted in the background: see drawBackground
        self.grid = GridItem(box, z=10)
        self.area = DeterminantArea(box, z=20)
        self.collapse = CollapseHighlight(box, z=25)
        self.eigenlines = EigenLines(box, z=30)
        self.caption = Caption(self.scene())
        self.span = SpanPatch(box, z=5)
        self.projection = ProjectionItem(box, z=35)
        self.angle = AngleArc(box, z=36)
        self.combination = CombinationPath(box, z=38)
        self.arrows: list[VectorArrow] = []  # one per arrow of the scene, in its order
        self._moved: dict = {}  # label item → (its natural position, where the placer put it)
        # labels are placed when the picture is at rest; an export places them on every frame
        # too, while the window's animation leaves them where their items put them (per-frame
        # placement would cost the window a third of its frame time for labels that move on)
        self.place_moving_labels = False
        self.picture: Scene = scene
        self._look: tuple | None = None  # the (theme, colours) the items are styled in
        self.display = scene.matrix_floats if scene.dimension == 2 else np.eye(2)
        self.settled = True
        self.set_range((-DEFAULT_HALF_WIDTH, DEFAULT_HALF_WIDTH, -3.2, 3.2))
        self.show_scene(scene)
        box.sigRangeChanged.connect(self.redraw_for_range)
        box.sigResized.connect(self.redraw_for_range)

    # -- what is shown ---------------------------------------------------------------------
    def show_scene(self, scene: Scene, display=None) -> None:
        """Draw ``scene`` (a new committed state) under ``display``, by default the matrix on screen."""
        if scene.dimension != 2:
            return  # the studio is in 3D; this view waits for the plane to come back
        self.picture = scene
        if (scene.look, scene.colors) != self._look:  # styling every item is a third of a new scene
            self._apply_look(scene)
        self._show_arrows(scene)
        self._show_analysis(scene)
        self.show_matrix(self.display if display is None else display)

    def show_matrix(self, display) -> None:
        """Draw the plane under ``display`` (a 2×2 array). When it is the committed matrix (the
        scene is at rest), the exact determinant, the eigen-directions and the collapse line —
        facts about the committed matrix — are shown too."""
        display = np.asarray(display, dtype=float)
        if display.shape != (2, 2) or not np.all(np.isfinite(display)):
            return  # never hand NaN or inf vertices to the painter; keep the last picture
        scene = self.picture
        self.display = display
        self.settled = scene.at_rest(display)
        self.grid.set_matrix(display)
        self.area.set_matrix(display, scene.determinant_label(display))
        handles = []
        tips = [arrow.tip(display) for arrow in scene.arrows]
        for item, arrow, tip, name in zip(self.arrows, scene.arrows, tips, scene.arrow_names(display, tips)):
            item.set_label(name)
            item.set_tip(*tip)
            if arrow.handle is not None:
                handles.append((arrow.handle, tip))
        # where tips meet, the vector wins over î and ĵ (the later handle is picked on a tie)
        for name, tip in sorted(handles, key=lambda handle: handle[0] not in ("i", "j")):
            self.view_box.set_handle(name, tip)
        if self.settled:
            self._show_facts(scene)
        self.eigenlines.set_visible(self.settled)
        self.collapse.set_visible(self.settled)
        if self.settled or self.place_moving_labels:
            self.place_labels()

    def _show_facts(self, scene: Scene) -> None:
        """Eigen-directions and the collapse line of the committed matrix."""
        rect = self.visible_rect()
        self.eigenlines.set_directions([(*line.direction, line.label) for line in scene.eigen_lines], rect)
        collapse = scene.collapse
        if collapse is None:
            self.collapse.clear()
        elif collapse.origin_only:
            self.collapse.show_point(collapse.text)
        else:
            self.collapse.show_line(*collapse.lines[0], collapse.text, rect)

    def _show_arrows(self, scene: Scene) -> None:
        """One arrow item per arrow of the scene (made as needed; spare ones hidden)."""
        while len(self.arrows) < len(scene.arrows):
            self.arrows.append(VectorArrow(self.view_box, "", z=40 + len(self.arrows) * 0.5))
        for name in list(self.view_box.handles):
            self.view_box.remove_handle(name)
        for index, item in enumerate(self.arrows):
            shown = index < len(scene.arrows)
            item.set_visible(shown)
            if shown:
                arrow = scene.arrows[index]
                item.set_label(arrow.name)
                item.set_style(arrow.color, width=arrow.width, opacity=arrow.opacity,
                               background=scene.look.background)

    def arrow(self, name: str) -> VectorArrow:
        """The item drawing the arrow labelled ``name`` ("î", "v", "Mv1"), for tests and fit."""
        for item, arrow in zip(self.arrows, self.picture.arrows):
            if arrow.name == name:
                return item
        raise KeyError(f"no arrow called {name!r} in the picture")

    def _show_analysis(self, scene: Scene) -> None:
        """The span of the compared vectors, the angle and shadow of two, their combination."""
        rect = self.visible_rect()
        span = scene.span
        if span is not None:
            self.span.show(span.dimension, span.basis, rect, names=", ".join(span.names),
                           through=span.through, title=span.title)
        else:
            self.span.show(None, [], rect)
        comparison = scene.comparison
        if comparison is not None and comparison.facts.angle_degrees is not None:
            self.angle.show(*comparison.vectors, comparison.facts.angle_degrees)
        else:
            self.angle.set_visible(False)  # a zero vector has no direction
        if comparison is not None and comparison.projection is not None:
            self.projection.show(comparison.vectors[0], comparison.projection,
                                 f"proj of {comparison.names[0]}")
        else:
            self.projection.set_visible(False)  # perpendicular (or zero): no shadow
        combination = scene.combination
        if combination is not None:
            self.combination.show(combination.coefficients, combination.vectors, combination.label)
        else:
            self.combination.set_visible(False)

    def _apply_look(self, scene: Scene) -> None:
        theme, palette = scene.look, scene.colors
        self._look = (theme, palette)
        self.setBackground(theme.background)
        self.fixed_grid.set_style(theme.fixed_grid, 1.0, theme.axes, 1.6)
        self._refresh_background()
        self.grid.set_style(theme.grid, 1.0, theme.grid, 2.2)
        self.area.set_style(palette.area_positive, palette.area_negative, theme.text,
                            theme.background)
        self.collapse.set_style(palette.collapse)
        self.eigenlines.set_style(palette.eigen)
        self.span.set_style(palette.vector)
        self.projection.set_style(palette.eigen)
        self.angle.set_style(theme.text)
        self.combination.set_style(theme.text)

    def show_caption(self) -> None:
        """Write the committed matrix and its description in the corner (for exports)."""
        scene = self.picture
        self.caption.show(scene.matrix, scene.description, scene.look.text, scene.look.background)
        self.place_labels()

    # -- the visible region ----------------------------------------------------------------
    def visible_rect(self) -> tuple[float, float, float, float]:
        (x_min, x_max), (y_min, y_max) = self.view_box.viewRange()
        return (x_min, x_max, y_min, y_max)

    def set_range(self, rect) -> None:
        x_min, x_max, y_min, y_max = rect
        self.view_box.setRange(xRange=(x_min, x_max), yRange=(y_min, y_max), padding=0)

    def fit(self) -> None:
        """Zoom so the parallelogram and every arrow's tip are in view (origin centred)."""
        self.set_range(self.fit_rect_for(self.display))

    def picture_points(self, display) -> np.ndarray:
        """The points that must be in view for the picture under ``display``: the corners of
        the parallelogram and every arrow's tip."""
        tips = [arrow.tip(display) for arrow in self.picture.arrows]
        return np.vstack([parallelogram(display), *tips])

    def fit_rect_for(self, display) -> tuple[float, float, float, float]:
        """The range that frames the picture under ``display`` (origin centred)."""
        width, height = max(self.width(), 1), max(self.height(), 1)
        return fit_rect(self.picture_points(display), aspect=width / height)

    def shows_picture(self, display, margin: float = 0.05) -> bool:
        """Whether the picture under ``display`` lies inside the visible range (with a margin)."""
        x_min, x_max, y_min, y_max = self.visible_rect()
        dx, dy = margin * (x_max - x_min), margin * (y_max - y_min)
        points = self.picture_points(display)
        points = points[np.all(np.isfinite(points), axis=1)]
        return bool(np.all((points[:, 0] >= x_min + dx) & (points[:, 0] <= x_max - dx)
                           & (points[:, 1] >= y_min + dy) & (points[:, 1] <= y_max - dy)))

    def clear_caption(self, points=None, attempts: int = 3) -> None:
        """Zoom out (about the origin, at most about 2×) until none of ``points`` (by default the
        arrow tips and the parallelogram's corners on screen) lies under the caption in the
        corner, so that nothing drawn hides behind it. A picture so small that the caption
        fills a quarter of it is left as it is: zooming out would only shrink the picture."""
        corner, viewport = self.caption.scene_rect(), self.viewport()
        if corner.width() * corner.height() > BIGGEST_AVOIDED * viewport.width() * viewport.height():
            return
        if points is None:
            points = [*self.area.corners[:4], *(item.tip for item in self.arrows if item.visible)]
        points = [p for p in np.asarray(points, dtype=float).reshape(-1, 2) if np.all(np.isfinite(p))]
        for _ in range(attempts):
            corner = self.caption.scene_rect().adjusted(-10, -10, 10, 10)
            if not any(corner.contains(QtCore.QPointF(*self._scene_point(QtCore.QPointF(*p))))
                       for p in points):
                return
            x_min, x_max, y_min, y_max = self.visible_rect()
            self.set_range((1.25 * x_min, 1.25 * x_max, 1.25 * y_min, 1.25 * y_max))
            self.redraw_for_range()

    def redraw_for_range(self, *_) -> None:
        """Re-clip everything that spans the whole view after a pan, zoom or resize."""
        rect = self.visible_rect()
        self.fixed_grid.set_view_rect(rect)
        self._refresh_background()
        self.grid.set_view_rect(rect)
        self.eigenlines.set_view_rect(rect)
        self.collapse.set_view_rect(rect)
        self.span.set_view_rect(rect)
        self.place_labels()

    # -- the background: colour and fixed grid ----------------------------------------------
    def drawBackground(self, painter, rect) -> None:
        """The background colour, then the fixed grid: the layer under every item.

        Qt keeps this layer as a pixmap (pyqtgraph turns on the view's CacheBackground) and
        copies it under the items at every paint, so the grid that never moves is not stroked
        again each frame, only after :meth:`_refresh_background`. A picture (``render``: PNG,
        SVG) paints the layer afresh, with the grid as lines.
        """
        super().drawBackground(painter, rect)
        painter.save()
        painter.setTransform(self.view_box.childGroup.sceneTransform(), True)  # plane coordinates
        self.fixed_grid.paint(painter)
        painter.restore()

    def _refresh_background(self) -> None:
        """Have the cached background drawn anew at the next paint: the fixed grid moved on the
        screen (a pan, zoom or resize) or changed colour (a new theme)."""
        visible = self.mapToScene(self.viewport().rect()).boundingRect()
        self.invalidateScene(visible, QtWidgets.QGraphicsScene.SceneLayer.BackgroundLayer)

    # -- labels ----------------------------------------------------------------------------
    def label_items(self) -> list:
        """Every label shown now, most important first: the basis and the vectors keep their
        natural places, and the others make way."""
        arrows = [label for item in reversed(self.arrows) for label in item.labels()]  # î, ĵ first
        others = [self.eigenlines, self.collapse, self.angle, self.projection, self.combination,
                  self.span, self.area]
        items = arrows + [label for item in others for label in item.labels()]
        return [item for item in items if item.isVisible() and item.toPlainText()]

    def label_box(self, item) -> Box:
        """Where ``item`` (a pg.TextItem) is drawn, in scene pixels."""
        size = item.textItem.boundingRect()
        x, y = self._scene_point(item.pos())
        return Box(x - item.anchor.x() * size.width(), y - item.anchor.y() * size.height(),
                   size.width(), size.height())

    def _scene_point(self, point) -> tuple[float, float]:
        scene = self.view_box.mapViewToScene(QtCore.QPointF(point.x(), point.y()))
        return (scene.x(), scene.y())

    def place_labels(self) -> None:
        """Move labels that would cover another label or an arrow head to a free place nearby
        (:func:`viz.labels.place`); a label that is free stays where its item put it."""
        items = self.label_items()
        for item in items:  # start from where each item itself put its label
            natural, moved = self._moved.pop(item, (None, None))
            if moved is not None and item.pos() == moved:
                item.setPos(natural)
        labels = []
        whole_picture = set(map(id, self.span.labels()))  # its label names the whole view
        for item in items:
            box = self.label_box(item)
            labels.append(Label(box, self._scene_point(item.pos()), along_edge=id(item) in whole_picture))
        heads = [head_box(*self._scene_point(QtCore.QPointF(*item.tip)))
                 for item in self.arrows if item.visible and item.tip != (0.0, 0.0)]
        frame = (float(self.viewport().width()), float(self.viewport().height()))
        if self.caption.visible:  # the corner caption of an export: nothing may hide under it
            corner = self.caption.scene_rect()
            heads.append(Box(corner.left(), corner.top(), corner.width(), corner.height()))
        for item, label, box in zip(items, labels, place(labels, heads, frame)):
            if box == label.natural:
                continue
            shift_x, shift_y = box.left - label.natural.left, box.top - label.natural.top
            natural = item.pos()
            target = self.view_box.mapSceneToView(
                QtCore.QPointF(label.anchor[0] + shift_x, label.anchor[1] + shift_y))
            item.setPos(target)
            self._moved[item] = (natural, item.pos())
