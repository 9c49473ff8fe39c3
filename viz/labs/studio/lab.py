"""The studio: one matrix (2×2 or 3×3), the vectors it moves, and everything that explains them.

Edit flow: a cell or a drag → a command on the undo stack → the model changes, builds the
scene once and emits ``scene_changed`` → the views and panels read the scene, and the animator
plays the old matrix → the new one, handing display matrices to the view frame by frame.
"""

from dataclasses import replace
from fractions import Fraction
from pathlib import Path

import numpy as np
from PyQt6 import QtGui, QtWidgets

from kernels import Matrix, Vector

from ... import report
from ...animation import Animator
from ...commands import ReplaceScene, SetMatrix, SetVectors
from ...controls.animation_bar import AnimationBar
from ...gl_support import opengl_problem
from ...highlights import TargetError, target_point
from ...items.highlight_ring import HighlightRing
from ...model import SceneModel
from ...preferences import EASINGS
from ...scene import RefusedMatrix, SceneState, accept
from ...session import Session, SessionError, check_fits, session_from_model
from ...views.plane_view import PlaneView
from ...views.space_view import NoOpenGLView, SpaceView
from ..contract import Lab, LabContext
from .menus import StudioMenus
from .panel import StudioPanel


def _tidy(value: float) -> Fraction:
    """A dragged coordinate as an exact 2-decimal number: the editor shows 5/4, not 1.2499871."""
    return Fraction(f"{value:.2f}")


class StudioLab(Lab):
    """The first lab: the plane or space under one matrix (see the module docstring)."""

    name = "studio"
    title = "Studio"

    def __init__(self, context: LabContext, model: SceneModel | None = None):
        super().__init__(context)
        preferences = context.preferences()
        if model is None:
            model = SceneModel(state=SceneState.fresh(2, preferences.theme, preferences.palette))
        self.model = model
        self.undo_stack = context.undo_stack
        self.animator = Animator(parent=context.parent)
        self.apply_animation_preferences()
        self._drag_serial = 0
        self.following = True  # the 2D view eases to keep the picture in frame (see follow)
        self._range_path: tuple | None = None  # (from, to) ranges eased along the animation

        self.view = PlaneView(model.scene)
        self.ring = HighlightRing(self.view.view_box)
        self.ring.set_style(model.scene.look.text)
        self.highlighted: str | None = None  # what a lesson step points at (viz.highlights)
        self.space_view: SpaceView | NoOpenGLView | None = None  # made on the first switch to 3D
        self._canvas = QtWidgets.QStackedWidget()
        self._canvas.addWidget(self.view)
        self.animation_bar = AnimationBar(self.animator)
        self._centre = QtWidgets.QWidget()
        centre_layout = QtWidgets.QVBoxLayout(self._centre)
        centre_layout.setContentsMargins(0, 0, 0, 0)
        centre_layout.addWidget(self._canvas, stretch=1)
        centre_layout.addWidget(self.animation_bar)
        self._panel = StudioPanel(model, self.undo_stack)
        self.matrix_editor = self._panel.matrix_editor
        self.vector_panel = self._panel.vector_panel
        self.info_panel = self._panel.info_panel
        self.steps_panel = self._panel.steps_panel
        self.side_tabs = self._panel.side_tabs
        self.views = self._canvas  # the plane view, and the space view once 3D was opened
        self.menus_ = StudioMenus(self, context.parent)

        self.matrix_editor.committed.connect(self._commit_matrix_cell)
        self.matrix_editor.invalid.connect(
            lambda message: context.status(f"Not a number — {message}. The last valid value is kept."))
        self.view.view_box.handle_dragged.connect(self._on_handle_dragged)
        self.view.view_box.sigRangeChangedManually.connect(self._on_manual_range)
        self.animation_bar.play_from_identity.connect(self.play_from_identity)
        model.dimension_changed.connect(self._on_dimension_changed)
        model.matrix_changed.connect(self._on_matrix_changed)
        model.scene_changed.connect(self._on_scene_changed)
        self.animator.frame.connect(self._on_frame)
        self.matrix_editor.show_values(model.matrix.rows)
        if model.dimension == 3:
            self._on_dimension_changed(3)

    # -- the contract: what the window shows -------------------------------------------------
    def canvas(self) -> QtWidgets.QWidget:
        return self._centre

    def panel(self) -> QtWidgets.QWidget:
        return self._panel

    def menus(self) -> list[QtWidgets.QMenu]:
        return self.menus_.menus

    def fill_view_menu(self, menu: QtWidgets.QMenu) -> None:
        self.menus_.fill_view_menu(menu)

    def activated(self, active: bool) -> None:
        if not active:
            self.animator.finish()

    def highlight(self, target: str | None) -> bool:
        """Ring ``target`` (see :mod:`viz.highlights`) in the plane, following it as the
        picture moves; None takes the ring away. False, and no ring, when the scene has no
        such thing or is in 3D."""
        self.highlighted = target
        return self._show_highlight(self.current_display())

    def _show_highlight(self, display) -> bool:
        point = None
        if self.highlighted is not None:
            try:
                point = target_point(self.model.scene, display, self.highlighted)
            except TargetError:
                point = None
        if point is None or self.model.dimension != 2:
            self.ring.hide()
            return self.highlighted is None
        self.ring.show_at(*point)
        return True

    def picture_size(self) -> tuple[int, int]:
        view = self.current_view()
        return (2 * max(view.width(), 200), 2 * max(view.height(), 200))

    def current_view(self) -> QtWidgets.QWidget:
        return self.view if self.model.dimension == 2 else self.space_view

    # -- edits -----------------------------------------------------------------------------
    def refusal(self, matrix: Matrix) -> str | None:
        """None when the studio accepts ``matrix`` (:func:`viz.scene.accept`, the one rule);
        otherwise why not, also said in the status bar."""
        try:
            accept(matrix)
        except RefusedMatrix as error:
            self.context.status(f"Not committed — {error}. The last valid matrix is kept.")
            return str(error)
        return None

    def apply_matrix(self, matrix: Matrix, text: str = "Edit matrix") -> None:
        """Commit ``matrix`` through the undo stack (it animates from what is on screen).

        An unchanged matrix pushes nothing: a cell that merely loses focus commits its own
        value again, and that must not become an empty undo step that marks the scene modified.
        """
        if matrix == self.model.matrix or self.refusal(matrix) is not None:
            return
        if matrix.shape != self.model.matrix.shape:  # a 3×3 preset in the plane, or back
            fresh = SceneState.fresh(matrix.shape[0], self.model.theme, self.model.palette)
            self.undo_stack.push(ReplaceScene(self.model, replace(fresh, matrix=matrix), text))
            return
        self.undo_stack.push(SetMatrix(self.model, matrix, text))

    def switch_dimension(self, n: int) -> None:
        """View → 2D / 3D: the identity of the new size and its default v, as one undoable step."""
        if n == self.model.dimension:
            return
        fresh = SceneState.fresh(n, self.model.theme, self.model.palette)
        self.undo_stack.push(ReplaceScene(self.model, fresh, f"Switch to {n}D"))

    def fit(self) -> None:
        """View → Fit to Picture: frame the picture now, and follow it again after changes."""
        self._range_path = None
        self.view.fit()
        self.following = True

    def _on_manual_range(self, *_) -> None:
        """The learner panned or zoomed: stop following the picture until View → Fit."""
        self._range_path = None
        self.following = False

    def _follow(self, target) -> None:
        """When the picture under ``target`` would leave the view, ease the range to frame it
        while the animation plays (Preferences → Keep the picture in frame)."""
        self._range_path = None
        if not (self.following and self.context.preferences().follow_picture):
            return
        if self.model.dimension != 2 or self.view.shows_picture(target):
            return
        self._range_path = (np.array(self.view.visible_rect()), np.array(self.view.fit_rect_for(target)))

    def set_camera(self, camera) -> None:
        if isinstance(self.space_view, SpaceView):
            self.space_view.set_camera(camera)

    def _commit_matrix_cell(self, row: int, column: int, value) -> None:
        rows = [list(r) for r in self.model.matrix.rows]
        rows[row][column] = value
        problem = self.refusal(Matrix(rows))
        if problem is not None:
            self.matrix_editor.cell(row, column).set_error(f"Row {row + 1}, column {column + 1}: {problem}")
            return
        self.apply_matrix(Matrix(rows), f"Edit M[{row + 1},{column + 1}]")
        self.context.status("")

    def _on_handle_dragged(self, name: str, x: float, y: float, finished: bool) -> None:
        """A drag of î or ĵ edits a column of M; a drag of a vector edits it. One drag, one step."""
        if name.startswith("vector:"):
            index = int(name.split(":")[1])
            vectors = list(self.model.vectors)
            vectors[index] = (vectors[index][0], Vector([_tidy(x), _tidy(y)]))
            self.undo_stack.push(SetVectors(self.model, vectors, f"Drag {vectors[index][0]}",
                                            drag_id=self._drag_serial))
        else:
            rows = [list(r) for r in self.model.matrix.rows]
            column = 0 if name == "i" else 1
            rows[0][column], rows[1][column] = _tidy(x), _tidy(y)
            label = "î" if name == "i" else "ĵ"
            if self.refusal(Matrix(rows)) is None:
                self.undo_stack.push(SetMatrix(self.model, Matrix(rows), f"Drag {label}",
                                               drag_id=self._drag_serial))
        if finished:
            self._drag_serial += 1

    # -- reactions -------------------------------------------------------------------------
    def _on_dimension_changed(self, n: int) -> None:
        """Plane ↔ space: resize the editor, swap the canvas, offer that dimension's presets."""
        self._panel.show_dimension(n)
        if n == 3 and self.space_view is None:
            problem = opengl_problem()
            self.space_view = SpaceView(self.model.scene) if problem is None else NoOpenGLView(problem)
            self._canvas.addWidget(self.space_view)
        if n == 3:
            self.set_camera(self.model.scene.camera())  # a new 3D scene starts with its arrows apart
        self._canvas.setCurrentWidget(self.current_view())
        self.menus_.show_dimension(n)
        self.context.status(
            "2D: drag the tip of î or ĵ, or type into a cell." if n == 2 else
            "3D: drag to orbit, wheel to zoom, middle button (or Ctrl+drag) to pan; View → Camera.")

    def _on_scene_changed(self, scene) -> None:
        view = self.current_view()
        if isinstance(view, (PlaneView, SpaceView)):
            view.show_scene(scene)
        self.ring.set_style(scene.look.text)
        self._show_highlight(self.current_display())

    def current_display(self) -> np.ndarray:
        """The matrix on screen now (mid-animation, it is not the committed one)."""
        view = self.current_view()
        if isinstance(view, (PlaneView, SpaceView)):
            return view.display
        return self.model.scene.matrix_floats

    def _on_matrix_changed(self, old: Matrix, new: Matrix) -> None:
        self.matrix_editor.show_values(new.rows)
        target = self.model.scene.matrix_floats
        if old.shape != new.shape or self.view.view_box.dragging is not None:
            self.animator.jump(target)  # a new dimension starts settled; a drag follows the pointer
        else:
            self._follow(target)
            self.animator.play(self.current_display(), target)

    def _on_frame(self, matrix, t: float) -> None:
        if self._range_path is not None:
            start, end = self._range_path
            eased = self.animator.easing(min(max(t, 0.0), 1.0))
            self.view.set_range(tuple(start + eased * (end - start)))
            if t >= 1.0:
                self._range_path = None
        view = self.current_view()
        if isinstance(view, (PlaneView, SpaceView)):
            view.show_matrix(matrix)
        if self.highlighted is not None:
            self._show_highlight(matrix)

    def play_from_identity(self) -> None:
        self.animator.play(np.eye(self.model.dimension), self.model.scene.matrix_floats)

    def toggle_pause(self) -> None:
        if self.animator.playing:
            self.animator.pause()
        elif self.animator.progress < 1.0:
            self.animator.resume()

    def apply_animation_preferences(self) -> None:
        preferences = self.context.preferences()
        self.animator.duration = preferences.animation_seconds
        self.animator.easing = EASINGS[preferences.easing]

    # -- the contract: the document ----------------------------------------------------------
    def new_document(self, text: str) -> None:
        preferences = self.context.preferences()
        fresh = SceneState.fresh(self.model.dimension, preferences.theme, preferences.palette)
        self._replace(fresh, text)

    def check_session(self, session: Session) -> None:
        check_fits(session)

    def open_session(self, session: Session, text: str) -> None:
        self._replace(session.state, text)
        if session.view_rect is not None and session.dimension == 2:
            self.view.set_range(session.view_rect)

    def _replace(self, state: SceneState, text: str) -> None:
        command = ReplaceScene(self.model, state, text)
        if command.changes_anything:
            self.undo_stack.push(command)

    def save_into(self, session: Session) -> Session:
        rect = self.view.visible_rect() if self.model.dimension == 2 else None
        mine = session_from_model(self.model, rect)
        return replace(session, state=mine.state, view_rect=mine.view_rect)

    # -- the contract: pictures and notes ----------------------------------------------------
    def export_picture(self, path, size, theme) -> Path:
        """The picture on screen (same range, same moment), as PNG or SVG."""
        scene = self.model.scene
        if scene.dimension == 3:
            from ...export3d import export_space

            live = isinstance(self.space_view, SpaceView)
            return export_space(scene, path, size, camera=self.space_view.camera() if live else None,
                                display=self.current_display(), view=self.space_view if live else None,
                                theme=theme)
        from ...export import export_picture

        return export_picture(scene, path, size, display=self.current_display(),
                              rect=self.view.visible_rect(), theme=theme)

    def picture(self, size, theme) -> QtGui.QImage:
        scene = self.model.scene.with_theme(theme)
        if scene.dimension == 3:
            if not isinstance(self.space_view, SpaceView):
                raise SessionError(f"cannot copy a 3D picture: {self.space_view.reason}")
            return self.space_view.render_image(size)
        from ...export import build_view, render_image

        view = build_view(scene, size, self.current_display(), self.view.visible_rect())
        try:
            return render_image(view, size)
        finally:
            view.close()
            view.deleteLater()

    def animation_problem(self) -> str | None:
        return None

    def export_animation(self) -> Path | None:
        """A GIF (or MP4) of identity → M, or of the last transition."""
        from ...animation_export_dialog import AnimationExportDialog

        path = self.animator.path
        n = self.model.dimension
        same = path.start.shape != (n, n) or np.allclose(path.start, path.end)
        start = None if same else path.start
        camera = None
        if n == 3:  # as the 3D view shows it now, or the scene's own camera without OpenGL
            live = isinstance(self.space_view, SpaceView)
            camera = self.space_view.camera() if live else self.model.scene.camera()
        dialog = AnimationExportDialog(self.model, self.view, self.context.parent, start=start, camera=camera)
        return dialog.saved_path if dialog.exec() else None

    def notes(self, kind: str) -> str:
        return report.as_latex(self.model.facts) if kind == "latex" else report.as_markdown(self.model.facts)
