"""The ML lab: one matrix A, followed through the views where linear algebra meets machine learning.

* **SVD** — the unit circle becomes an ellipse: M = UΣVᵀ as turn, stretch, turn; σ as the
  semi-axes, κ, and the best rank-1 approximation.
* **Gradient descent** — on f(x) = ½xᵀAx − bᵀx for the symmetric part of A: the speed is set
  by A's eigenvalues.

The lab owns the shared matrix (one editor at the top of the panel), the undo steps, the session
section and the menus; each view (:class:`~.mode.MLMode`) owns its canvas, its panel and its own
settings in the state (:mod:`.state`).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PyQt6 import QtGui, QtWidgets

from kernels import Matrix

from ...commands import ReplaceLabState
from ...controls.entry_grid import EntryGrid
from ...controls.lab_menus import dimension_actions, fill_lab_menu, mode_actions
from ...highlights import TargetError
from ...items.highlight_ring import HighlightRing
from ...presets import load_presets
from ...scene import RefusedMatrix, accept
from ...session import Session
from ..contract import Lab, LabContext
from .mode import MLMode
from .model import MLModel
from .plane_plot import Look
from .state import MLState, section_of, state_from_section
from .targets import target_point, target_view


def _mode_classes() -> tuple:
    """The views as (name, class) pairs, in the order of the mode bar (imported here, when the
    lab is first opened)."""
    from .descent_mode import DescentMode
    from .layer_mode import LayerMode
    from .pca_mode import PcaMode
    from .svd_mode import SVDMode

    return (("svd", SVDMode), ("pca", PcaMode), ("layer", LayerMode), ("descent", DescentMode))


class MLLab(Lab):
    """SVD, gradient descent, … over one matrix A (see the module docstring)."""

    name = "ml"
    title = "ML"

    def __init__(self, context: LabContext, state: MLState | None = None):
        super().__init__(context)
        self.codecs = dict(_mode_classes())
        self.model = MLModel(self.codecs, state)
        self.undo_stack = context.undo_stack
        self.modes: dict[str, MLMode] = {name: cls(self) for name, cls in self.codecs.items()}
        self.mode_names = tuple(self.modes)
        self.mode_name = self.mode_names[0]
        self.highlighted: str | None = None  # what a lesson step points at (.targets)
        self.rings: dict[str, HighlightRing] = {}  # one ring per view, on its plane

        self._canvas = QtWidgets.QStackedWidget()
        self._mode_panels = QtWidgets.QStackedWidget()
        for mode in self.modes.values():
            self._canvas.addWidget(mode.canvas())
            self._mode_panels.addWidget(mode.panel())
        self.mode_bar = QtWidgets.QTabBar()
        for mode in self.modes.values():
            self.mode_bar.addTab(mode.title)
        self._panel = QtWidgets.QWidget()
        layout = QtWidgets.QVBoxLayout(self._panel)
        layout.addWidget(self.mode_bar)
        layout.addWidget(self._build_matrix_editor())
        layout.addWidget(self._mode_panels, stretch=1)
        self._build_menus(context.parent)
        self.mode_bar.currentChanged.connect(lambda index: self.switch_mode(self.mode_names[index]))
        self.model.changed.connect(self._on_changed)
        self._show_matrix(self.model.state)
        for mode in self.modes.values():
            mode.show_state(None, self.model.state)
        self.switch_mode(self.mode_names[0])

    # -- the shared matrix editor ------------------------------------------------------------------
    def _build_matrix_editor(self) -> QtWidgets.QWidget:
        box = QtWidgets.QWidget()
        n = self.model.state.dimension
        self.editor = EntryGrid(n, n)
        self.matrix_message = QtWidgets.QLabel()
        self.matrix_message.setWordWrap(True)
        self.matrix_message.setStyleSheet("color: #d55e00;")
        title = QtWidgets.QLabel("<b>A</b> — one matrix for every view:")
        row = QtWidgets.QHBoxLayout()
        row.addWidget(self.editor)
        row.addStretch(1)
        layout = QtWidgets.QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addLayout(row)
        layout.addWidget(self.matrix_message)
        self.editor.committed.connect(self._commit_cell)
        self.editor.invalid.connect(self._say)
        return box

    def _say(self, message: str) -> None:
        self.matrix_message.setText(message)
        self.status(f"Not committed — {message}. The last valid matrix is kept.")

    def _commit_cell(self, row: int, column: int, value) -> None:
        rows = [list(r) for r in self.model.state.matrix.rows]
        rows[row][column] = value
        matrix = Matrix(rows)
        try:
            accept(matrix)  # the studio's one rule for what can be drawn
        except RefusedMatrix as error:
            self.editor.cell(row, column).set_error(f"A: {error}")
            self._say(f"A row {row + 1}, column {column + 1}: {error}")
            return
        self.matrix_message.clear()
        self.push(replace(self.model.state, matrix=matrix), f"Edit A[{row + 1},{column + 1}]")

    def _show_matrix(self, state: MLState) -> None:
        n = state.dimension
        if self.editor.shape != (n, n):
            self.editor.set_shape(n, n)
        self.editor.show_values(state.matrix.rows)

    # -- what the modes are lent (ModeHost) ------------------------------------------------------
    def push(self, state: MLState, text: str, drag_id: int | None = None) -> None:
        """Commit ``state`` as one undoable step; a state that breaks a rule is said, not pushed."""
        try:
            command = ReplaceLabState(self.model, state, text, drag_id)
        except (ValueError, ArithmeticError) as error:
            self.status(f"Not committed — {error}. The last valid state is kept.")
            return
        if command.changes_anything:
            self.undo_stack.push(command)

    def status(self, message: str, milliseconds: int = 0) -> None:
        self.context.status(message, milliseconds)

    def preferences(self):
        return self.context.preferences()

    def set_matrix(self, matrix: Matrix, text: str) -> None:
        """Put ``matrix`` in A (a preset); every view's settings start afresh when the size changes."""
        try:
            accept(matrix)
        except RefusedMatrix as error:
            self.status(f"Not committed — {error}.")
            return
        state = self.model.state
        if matrix.shape != state.matrix.shape:
            state = MLState.fresh(self.codecs, matrix=matrix)
        self.push(replace(state, matrix=matrix), text)

    # -- modes ---------------------------------------------------------------------------------
    @property
    def mode(self) -> MLMode:
        return self.modes[self.mode_name]

    def switch_mode(self, name: str) -> None:
        """Show the view called ``name``."""
        if name not in self.modes:
            raise KeyError(f"no view called {name!r} (views: {', '.join(self.mode_names)})")
        if name != self.mode_name:
            self.modes[self.mode_name].activated(False)
        self.mode_name = name
        mode = self.modes[name]
        self._canvas.setCurrentWidget(mode.canvas())
        self._mode_panels.setCurrentWidget(mode.panel())
        blocked = self.mode_bar.blockSignals(True)
        self.mode_bar.setCurrentIndex(self.mode_names.index(name))
        self.mode_bar.blockSignals(blocked)
        self.mode_actions[name].setChecked(True)
        self._fill_mode_menu()
        mode.activated(True)
        self._show_highlight()

    def _on_changed(self, old: MLState, new: MLState) -> None:
        self._show_matrix(new)
        for name, mode in self.modes.items():  # a view follows A and its own settings only
            if old.matrix != new.matrix or old.settings[name] != new.settings[name]:
                mode.show_state(old, new)
        self._show_highlight()
        if old.dimension != new.dimension:
            self._fill_presets_menu()
            for n, action in self.dimension_actions.items():
                action.setChecked(n == new.dimension)

    def switch_dimension(self, n: int) -> None:
        """The opening matrix in the plane (2) or in space (3), as one undoable step."""
        if n != self.model.state.dimension:
            self.push(MLState.fresh(self.codecs, n), f"Switch to {n}D")

    # -- menus -----------------------------------------------------------------------------------
    def _build_menus(self, parent: QtWidgets.QWidget) -> None:
        self.lab_menu = QtWidgets.QMenu("&ML", parent)
        self.mode_actions = mode_actions(parent, ((name, mode.title) for name, mode in self.modes.items()),
                                         self.switch_mode)
        self.presets_menu = QtWidgets.QMenu("&Presets", parent)
        self.dimension_actions = dimension_actions(parent, self.model.state.dimension, self.switch_dimension)
        self._fill_presets_menu()

    def _fill_mode_menu(self) -> None:
        fill_lab_menu(self.lab_menu, self.mode_actions, self.mode.actions())

    def _fill_presets_menu(self) -> None:
        menu = self.presets_menu
        menu.clear()
        for mode in self.modes.values():
            presets = mode.presets()
            if presets:
                submenu = menu.addMenu(mode.title)
                assert submenu is not None
                for text, action in presets:
                    submenu.addAction(text, action)
        menu.addSeparator()
        for preset in load_presets(self.model.state.dimension):
            menu.addAction(f"{preset.group} → {preset.name}",
                           lambda p=preset: self.set_matrix(p.matrix, f"A: {p.name}"))

    # -- the contract: what the window shows -------------------------------------------------------
    def canvas(self) -> QtWidgets.QWidget:
        return self._canvas

    def panel(self) -> QtWidgets.QWidget:
        return self._panel

    def menus(self) -> list[QtWidgets.QMenu]:
        return [self.lab_menu, self.presets_menu]

    def fill_view_menu(self, menu: QtWidgets.QMenu) -> None:
        menu.addActions(list(self.dimension_actions.values()))

    def activated(self, active: bool) -> None:
        self.mode.activated(active)

    def highlight(self, target: str | None) -> bool:
        """Ring ``target`` (``sigma1``, ``pc1``, ``minimum``…, see :mod:`.targets`) on its
        view's plane, following edits of A and of the view's settings; None takes the ring away.
        False, and no ring, when the target is not in the view on screen or not in this A."""
        self.highlighted = target
        return self._show_highlight()

    def _show_highlight(self) -> bool:
        for ring in self.rings.values():
            ring.hide()
        target = self.highlighted
        if target is None:
            return True
        try:
            if target_view(target) != self.mode_name:
                return False
        except TargetError:
            return False
        box = self.mode.plane_box()
        point = target_point(self.model.state, target)
        if box is None or point is None:
            return False
        ring = self.rings.get(self.mode_name)
        if ring is None or ring.view_box is not box:  # the view made a new plane (2D ↔ 3D)
            ring = self.rings[self.mode_name] = HighlightRing(box)
        preferences = self.preferences()
        ring.set_style(Look(preferences.theme, preferences.palette).theme.text)
        ring.show_at(*point)
        return True

    def picture_size(self) -> tuple[int, int]:
        canvas = self.mode.canvas()
        return (2 * max(canvas.width(), 320), 2 * max(canvas.height(), 200))

    # -- the contract: the document ----------------------------------------------------------------
    def new_document(self, text: str) -> None:
        self.push(MLState.fresh(self.codecs, self.model.state.dimension), text)

    def check_session(self, session: Session) -> None:
        if self.name in session.sections:
            state_from_section(session.sections[self.name], self.codecs)

    def open_session(self, session: Session, text: str) -> None:
        raw = session.sections.get(self.name)
        if raw is None:
            return  # a file saved before this lab existed: keep what is on screen
        state, mode = state_from_section(raw, self.codecs)
        self.push(state, text)
        self.switch_mode(mode)

    def save_into(self, session: Session) -> Session:
        sections = dict(session.sections)
        sections[self.name] = section_of(self.model.state, self.mode_name, self.codecs)
        return replace(session, sections=sections)

    # -- the contract: pictures and notes -----------------------------------------------------------
    def export_picture(self, path, size, theme) -> Path:
        return self.mode.export_picture(Path(path), size, theme)

    def picture(self, size, theme) -> QtGui.QImage:
        return self.mode.render(size, theme)

    def animation_problem(self) -> str | None:
        return self.mode.animation_problem()

    def export_animation(self) -> Path | None:
        return self.mode.export_animation(self.context.parent)

    def notes(self, kind: str) -> str:
        return self.mode.notes(kind)


LAB = MLLab
