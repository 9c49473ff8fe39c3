"""The 2D canvas: the plane before and after the matrix, with everything that explains it.

It follows the model (vector, theme, facts) on its own and draws whatever *display*
matrix it is given — the animator's frame, or the committed matrix when at rest. Dragging
the tip of î, ĵ or v emits :attr:`PlaneViewBox.handle_dragged`; the app turns that into
undoable commands, and the model change comes back here like any other edit.
"""

import numpy as np
import pyqtgraph as pg
from PyQt6 import QtCore, QtWidgets

from kernels.notation import scalar_text

from ..geometry import fit_rect
from ..items.angle_arc import AngleArc
from ..items.arrow import ArrowItem
from ..items.caption import Caption
from ..items.collapse import CollapseHighlight
from ..items.combination_path import CombinationPath
from ..items.determinant_area import DeterminantArea
from ..items.eigenlines import EigenLines
from ..items.grid import GridItem
from ..items.projection import ProjectionItem
from ..items.span_patch import SpanPatch
from ..palette import THEMES, palette_for

HANDLE_RADIUS_PX = 14
DEFAULT_HALF_WIDTH = 5.0


class PlaneViewBox(pg.ViewBox):
    """A ViewBox with a locked 1:1 aspect whose arrow tips can be dragged.

    Signals:
        handle_dragged(name, x, y, finished): a tip named "i", "j" or "v" was dragged to
        (x, y) in plane coordinates (rounded to the grid while Shift is held).
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
    """The 2D plane: fixed grid, moving grid, determinant area, eigen-lines, î, ĵ, v and Mv."""

    def __init__(self, model, parent=None):
        super().__init__(parent, background=THEMES[model.theme].background)
        self.setAntialiasing(True)
        # everything moves every frame: a spatial index would be rebuilt per frame for nothing
        self.scene().setItemIndexMethod(QtWidgets.QGraphicsScene.ItemIndexMethod.NoIndex)
        self.setMinimumSize(320, 240)
        self.model = model
        self.view_box = PlaneViewBox()
        self.setCentralItem(self.view_box)
        box = self.view_box
        self.fixed_grid = GridItem(box, z=0)
        self.grid = GridItem(box, z=10)
        self.area = DeterminantArea(box, z=20)
        self.collapse = CollapseHighlight(box, z=25)
        self.eigenlines = EigenLines(box, z=30)
        self.vector = ArrowItem(box, "v", z=40)
        self.image = ArrowItem(box, "Mv", z=45)
        self.i_hat = ArrowItem(box, "î", z=50)
        self.j_hat = ArrowItem(box, "ĵ", z=52)
        self.caption = Caption(self.scene())
        self.span = SpanPatch(box, z=5)
        self.projection = ProjectionItem(box, z=35)
        self.angle = AngleArc(box, z=36)
        self.combination = CombinationPath(box, z=38)
        self.others: list[tuple[ArrowItem, ArrowItem]] = []  # (vector, image) of v1, v2, …
        self.display = np.eye(2)
        self.settled = True
        self.set_range((-DEFAULT_HALF_WIDTH, DEFAULT_HALF_WIDTH, -3.2, 3.2))
        self._apply_appearance()
        self.redraw_for_range()
        self.show_matrix(np.array(model.matrix.to_floats()), settled=True)
        self._show_vector()
        self._show_vectors()
        model.vector_changed.connect(self._show_vector)
        model.appearance_changed.connect(self._apply_appearance)
        for signal in (model.vectors_changed, model.selection_changed, model.combination_changed,
                       model.styles_changed):
            signal.connect(self._show_vectors)
        box.sigRangeChanged.connect(self.redraw_for_range)
        box.sigResized.connect(self.redraw_for_range)

    # -- what is shown ---------------------------------------------------------------------
    def show_matrix(self, display, settled: bool) -> None:
        """Draw the plane under ``display`` (a 2×2 array).

        ``settled`` says the display equals the committed matrix: then the exact determinant,
        the eigen-directions and the collapse line (kernel facts about it) are shown too.
        """
        display = np.asarray(display, dtype=float)
        if not np.all(np.isfinite(display)):
            return  # never hand NaN or inf vertices to the painter; keep the last picture
        self.display = display
        self.settled = settled
        self.grid.update(display, self.visible_rect())
        exact_det = scalar_text(self.model.facts.det) if settled else None
        self.area.update(display, exact_det)
        self.i_hat.set_tip(*display[:, 0])
        self.j_hat.set_tip(*display[:, 1])
        self.view_box.set_handle("i", display[:, 0])
        self.view_box.set_handle("j", display[:, 1])
        self._show_image()
        self._show_other_images()
        if settled:
            self._show_facts()
        else:
            self.eigenlines.set_visible(False)
            self.collapse.set_visible(False)

    def _show_facts(self) -> None:
        """Eigen-directions and the collapse line of the committed matrix (kernel facts)."""
        facts = self.model.facts
        if facts.matrix.shape != (2, 2):
            return
        rect = self.visible_rect()
        self.eigenlines.set_directions([(d.vector[0], d.vector[1], d.label)
                                        for d in facts.real_eigen_directions()], rect)
        self.eigenlines.set_visible(True)
        if facts.collapse_direction is not None:
            self.collapse.show_line(*facts.collapse_direction,
                                    f"everything lands on {facts.collapse}", rect)
        elif facts.collapse == "the origin":
            self.collapse.show_point("everything lands on the origin")
        else:
            self.collapse.clear()
        self.collapse.set_visible(True)

    def _show_vector(self, *_) -> None:
        if len(self.model.vector) != 2:
            return  # the scene is in 3D; this view waits for the plane to come back
        v = np.array(self.model.vector.to_floats())
        self.vector.set_tip(*v)
        self.view_box.set_handle("v", v)
        self._show_image()

    def _show_vectors(self, *_) -> None:
        """The other named vectors (and their images), and the analysis of the selected ones:
        their span, the angle and projection between two, and a linear combination."""
        if self.model.dimension != 2:
            return
        named = self.model.vectors[1:]
        while len(self.others) < len(named):
            box = self.view_box
            self.others.append((ArrowItem(box, "", z=41, head_length=13),
                                ArrowItem(box, "", z=46, head_length=13)))
        self._style_pair(self.vector, self.image, self.model.vectors[0][0], width=2.5)
        for index, (original, image) in enumerate(self.others):
            shown = index < len(named)
            original.set_visible(shown)
            image.set_visible(shown)
            if shown:
                self._style_pair(original, image, named[index][0], width=2.0)
                name, vector = named[index]
                tip = np.array(vector.to_floats())
                original.set_label(name)
                original.set_tip(*tip)
                image.set_label(f"M{name}")
                self.view_box.set_handle(f"vector:{index + 1}", tip)
            else:
                self.view_box.remove_handle(f"vector:{index + 1}")
        self._show_other_images()
        self._show_analysis()

    def _style_pair(self, original: ArrowItem, image: ArrowItem, name: str, width: float) -> None:
        """Colour a vector and its image, and show the one(s) its show mode asks for."""
        style = self.model.style(name)
        color = style.color or palette_for(self.model.palette, self.model.theme).vector
        original.set_style(color, width=width, opacity=0.55)
        image.set_style(color, width=width + 1.0)
        original.set_visible(style.show in ("both", "vector"))
        image.set_visible(style.show in ("both", "image"))

    def _show_other_images(self) -> None:
        """Where the matrix on screen sends v1, v2, … (every animation frame: cheap)."""
        if self.model.dimension != 2:
            return
        for (_, image), (_, vector) in zip(self.others, self.model.vectors[1:]):
            image.set_tip(*(self.display @ np.array(vector.to_floats())))

    def _show_analysis(self) -> None:
        from kernels import span

        from ..vector_facts import dot_facts

        chosen = [self.model.vectors[i] for i in self.model.selection]
        vectors = [vector for _, vector in chosen]
        rect = self.visible_rect()
        if vectors:
            result = span(vectors)
            self.span.show(result.dimension, [v.to_floats() for v in result.basis], rect,
                           names=", ".join(name for name, _ in chosen))
        else:
            self.span.show(None, [], rect)
        if len(vectors) == 2:
            facts = dot_facts(*vectors, names=[name for name, _ in chosen])
            if facts.angle_degrees is not None:
                self.angle.show(vectors[0].to_floats(), vectors[1].to_floats(), facts.angle_degrees)
            else:
                self.angle.set_visible(False)  # a zero vector has no direction
            if facts.projection is not None and any(x != 0 for x in facts.projection):
                self.projection.show(vectors[0].to_floats(), facts.projection.to_floats(),
                                     f"proj of {chosen[0][0]}")
            else:
                self.projection.set_visible(False)  # perpendicular (or zero): no shadow
        else:
            self.projection.set_visible(False)
            self.angle.set_visible(False)
        coefficients = self.model.combination
        if coefficients is not None and len(coefficients) == len(vectors) and vectors:
            total = " + ".join(f"{c:g}·{name}" for c, (name, _) in zip(coefficients, chosen))
            self.combination.show(coefficients, [v.to_floats() for v in vectors],
                                  total.replace("+ -", "− "))
        else:
            self.combination.set_visible(False)

    def _show_image(self) -> None:
        if len(self.model.vector) == 2:
            self.image.set_tip(*(self.display @ np.array(self.model.vector.to_floats())))

    def _apply_appearance(self) -> None:
        theme = THEMES[self.model.theme]
        palette = palette_for(self.model.palette, self.model.theme)
        self.setBackground(theme.background)
        self.fixed_grid.set_style(theme.fixed_grid, 1.0, theme.axes, 1.6)
        self.grid.set_style(theme.grid, 1.0, theme.grid, 2.2)
        self.area.set_style(palette.area_positive, palette.area_negative, theme.text,
                            theme.background)
        self.collapse.set_style(palette.collapse)
        self.eigenlines.set_style(palette.eigen)
        self.i_hat.set_style(palette.i_hat, width=4)
        self.j_hat.set_style(palette.j_hat, width=4)
        self._show_vectors()
        self.span.set_style(palette.vector)
        self.projection.set_style(palette.eigen)
        self.angle.set_style(theme.text)
        self.combination.set_style(theme.text)

    def show_caption(self) -> None:
        """Write the committed matrix and its description in the corner (for exports)."""
        theme = THEMES[self.model.theme]
        self.caption.show(self.model.matrix, self.model.facts.description, theme.text, theme.background)

    # -- the visible region ----------------------------------------------------------------
    def visible_rect(self) -> tuple[float, float, float, float]:
        (x_min, x_max), (y_min, y_max) = self.view_box.viewRange()
        return (x_min, x_max, y_min, y_max)

    def set_range(self, rect) -> None:
        x_min, x_max, y_min, y_max = rect
        self.view_box.setRange(xRange=(x_min, x_max), yRange=(y_min, y_max), padding=0)

    def fit(self) -> None:
        """Zoom so î', ĵ', the parallelogram, v and Mv are all in view (origin centred)."""
        points = np.vstack([self.area.corners, [self.vector.tip, self.image.tip]])
        width, height = max(self.width(), 1), max(self.height(), 1)
        self.set_range(fit_rect(points, aspect=width / height))

    def redraw_for_range(self, *_) -> None:
        """Re-clip everything that spans the whole view after a pan, zoom or resize."""
        rect = self.visible_rect()
        self.fixed_grid.update(np.eye(2), rect)
        self.grid.update(self.display, rect)
        self.eigenlines.update(rect)
        self.collapse.update(rect)
        self.span.update(rect)

