"""The composition & elimination lab: one room, three modes over one state (A, B, x, …).

* **Compose** — AB and BA side by side, the difference, a vector followed through, a typed
  sequence played one step at a time, and the inverse as undo.
* **Eliminate** — Gaussian elimination as elementary matrices acting on the plane or space,
  and the learner's own row operations.
* **Multiply** — Mx as a combination of the columns, AB column by column, and the kernel's
  multiplication algorithms timed.

The lab owns the state, the undo steps, the session section and the menus; each mode owns its
canvas and panel (:mod:`.mode`).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PyQt6 import QtGui, QtWidgets

from kernels import Matrix

from ...commands import ReplaceLabState
from ...controls.lab_menus import dimension_actions, fill_lab_menu, mode_actions
from ...controls.stage_canvas import StageCanvas
from ...highlights import TargetError, target_point
from ...items.highlight_ring import HighlightRing
from ...presets import load_presets
from ...scene import RefusedMatrix, accept
from ...session import Session
from ...views.plane_view import PlaneView
from ..contract import Lab, LabContext, Mode
from .matrices_panel import MatricesPanel
from .model import ComposeModel
from .state import MODE_TITLES, ComposeState, section_of, state_from_section

# pairs a learner should try: (menu text, A, B) — each teaches something about AB and BA
PAIRS = {
    2: (("Shear and quarter turn (AB ≠ BA)", [[1, 1], [0, 1]], [[0, -1], [1, 0]]),
        ("Two rotations (they commute)", "rot(30)", "rot(45)"),
        ("A rotation and −2I (they commute)", "rot(60)", [[-2, 0], [0, -2]]),
        ("Two stretches along the axes (shared eigenvectors)", [[2, 0], [0, 1]], [[1, 0], [0, 3]]),
        ("Two reflections (a rotation either way, opposite senses)", [[1, 0], [0, -1]], [[0, 1], [1, 0]]),
        ("A projection and a shear", [[1, 0], [0, 0]], [[1, 1], [0, 1]])),
    3: (("Shear and turn about z (AB ≠ BA)", [[1, 1, 0], [0, 1, 0], [0, 0, 1]],
         [[0, -1, 0], [1, 0, 0], [0, 0, 1]]),
        ("Two stretches along the axes (shared eigenvectors)", [[2, 0, 0], [0, 1, 0], [0, 0, 1]],
         [[1, 0, 0], [0, 3, 0], [0, 0, 1]]),
        ("A turn about z and 2I (they commute)", [[0, -1, 0], [1, 0, 0], [0, 0, 1]],
         [[2, 0, 0], [0, 2, 0], [0, 0, 2]])),
}


def _matrix(value) -> Matrix:
    from kernels import evaluate

    return evaluate(value) if isinstance(value, str) else Matrix(value)


def _mode_classes() -> tuple:
    """The modes, in the order of the mode bar (imported here, when the lab is first opened)."""
    from .compose_mode import ComposeMode
    from .eliminate_mode import EliminateMode
    from .multiply_mode import MultiplyMode

    return (ComposeMode, EliminateMode, MultiplyMode)


class ComposeLab(Lab):
    """Compose, Eliminate, Multiply (see the module docstring)."""

    name = "compose"
    title = "Compose && Eliminate"

    def __init__(self, context: LabContext, state: ComposeState | None = None):
        super().__init__(context)
        self.model = ComposeModel(state)
        self.undo_stack = context.undo_stack
        self.modes: dict[str, Mode] = {cls.name: cls(self) for cls in _mode_classes()}
        self.mode_names = tuple(self.modes)
        self.mode_name = self.mode_names[0]
        self.highlighted: str | None = None  # what a lesson step points at (.targets)
        self.rings: dict[int, HighlightRing] = {}  # one ring per canvas, by the canvas's id

        self._canvas = QtWidgets.QStackedWidget()
        self._mode_panels = QtWidgets.QStackedWidget()
        for mode in self.modes.values():
            self._canvas.addWidget(mode.canvas())
            self._mode_panels.addWidget(mode.panel())
        self.mode_bar = QtWidgets.QTabBar()
        for name in self.mode_names:
            self.mode_bar.addTab(MODE_TITLES[name])
        self.matrices = MatricesPanel(self)
        self._panel = QtWidgets.QWidget()
        layout = QtWidgets.QVBoxLayout(self._panel)
        layout.addWidget(self.mode_bar)
        layout.addWidget(self.matrices)
        layout.addWidget(self._mode_panels, stretch=1)
        self._build_menus(context.parent)
        self.mode_bar.currentChanged.connect(lambda index: self.switch_mode(self.mode_names[index]))
        self.model.changed.connect(self._on_changed)
        for canvas in self._canvas.findChildren(StageCanvas):  # the ring follows every frame
            canvas.shown.connect(self._show_highlight)
        for mode in self.modes.values():
            mode.show_state(None, self.model.state)
        self.switch_mode(self.mode_names[0])

    # -- what the modes are lent (ModeHost) ------------------------------------------------------
    def push(self, state: ComposeState, text: str, drag_id: int | None = None) -> None:
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

    # -- modes ---------------------------------------------------------------------------------
    @property
    def mode(self) -> Mode:
        return self.modes[self.mode_name]

    def switch_mode(self, name: str) -> None:
        """Show the mode called ``name`` (Compose, Eliminate or Multiply)."""
        if name not in self.modes:
            raise KeyError(f"no mode called {name!r} (modes: {', '.join(self.mode_names)})")
        previous = self.modes.get(self.mode_name)
        if previous is not None and name != self.mode_name:
            previous.activated(False)
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

    def highlight(self, target: str | None) -> bool:
        """Ring ``target`` (a studio target such as ``arrow:A(Bx)`` or ``arrow:b``, see
        :mod:`.targets`) on the canvas of the mode on screen that draws it, following it as the
        steps play; None takes the ring away. False, and no ring, when no canvas draws it."""
        self.highlighted = target
        return self._show_highlight()

    def _show_highlight(self) -> bool:
        for ring in self.rings.values():
            ring.hide()
        target = self.highlighted
        if target is None:
            return True
        for canvas in self.mode.stage_canvases():
            view = canvas.view
            if canvas.scene is None or not isinstance(view, PlaneView):
                continue
            try:
                point = target_point(canvas.scene, view.display, target)
            except TargetError:
                return False
            if point is not None:
                ring = self.rings.get(id(canvas))
                if ring is None or ring.view_box is not view.view_box:  # a new view (2D ↔ 3D)
                    ring = self.rings[id(canvas)] = HighlightRing(view.view_box)
                ring.set_style(canvas.scene.look.text)
                ring.show_at(*point)
                return True
        return False

    def _on_changed(self, old: ComposeState, new: ComposeState) -> None:
        self.matrices.show_state(new)
        for mode in self.modes.values():
            mode.show_state(old, new)
        if old.dimension != new.dimension:
            self._fill_presets_menu()
            for n, action in self.dimension_actions.items():
                action.setChecked(n == new.dimension)

    def switch_dimension(self, n: int) -> None:
        """The opening example in the plane (2) or in space (3), as one undoable step."""
        if n != self.model.state.dimension:
            self.push(ComposeState.fresh(n), f"Switch to {n}D")

    def set_matrix(self, which: str, matrix: Matrix, text: str) -> None:
        """Put ``matrix`` in A or B (a preset); the other is reset when the size changes."""
        try:
            accept(matrix)
        except RefusedMatrix as error:
            self.status(f"Not committed — {error}.")
            return
        state = self.model.state
        if matrix.shape != state.a.shape:
            state = ComposeState.fresh(matrix.shape[0])
        changes: dict = {which: matrix}
        if which == "a":
            changes["row_operations"] = ()
        self.push(replace(state, **changes), text)

    def set_pair(self, a: Matrix, b: Matrix, text: str) -> None:
        state = self.model.state
        if a.shape != state.a.shape:
            state = ComposeState.fresh(a.shape[0])
        self.push(replace(state, a=a, b=b, row_operations=()), text)

    # -- menus -----------------------------------------------------------------------------------
    def _build_menus(self, parent: QtWidgets.QWidget) -> None:
        self.lab_menu = QtWidgets.QMenu("&Compose", parent)
        self.mode_actions = mode_actions(parent, ((name, MODE_TITLES[name]) for name in self.mode_names),
                                         self.switch_mode)
        self.presets_menu = QtWidgets.QMenu("&Presets", parent)
        self.dimension_actions = dimension_actions(parent, self.model.state.dimension, self.switch_dimension)
        self._fill_presets_menu()

    def _fill_mode_menu(self) -> None:
        fill_lab_menu(self.lab_menu, self.mode_actions, self.mode.actions())

    def _fill_presets_menu(self) -> None:
        menu = self.presets_menu
        menu.clear()
        n = self.model.state.dimension
        for text, a, b in PAIRS[n]:
            menu.addAction(text, lambda a=a, b=b, text=text: self.set_pair(_matrix(a), _matrix(b),
                                                                            f"Pair: {text}"))
        menu.addSeparator()
        for which in ("a", "b"):
            submenu = menu.addMenu(f"Set {which.upper()} to")
            for preset in load_presets(n):
                submenu.addAction(f"{preset.group} → {preset.name}", lambda p=preset, which=which:
                                  self.set_matrix(which, p.matrix, f"{which.upper()}: {p.name}"))

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

    def picture_size(self) -> tuple[int, int]:
        canvas = self.mode.canvas()
        return (2 * max(canvas.width(), 320), 2 * max(canvas.height(), 200))

    # -- the contract: the document ----------------------------------------------------------------
    def new_document(self, text: str) -> None:
        self.push(ComposeState.fresh(self.model.state.dimension), text)

    def check_session(self, session: Session) -> None:
        if self.name in session.sections:
            state_from_section(session.sections[self.name])

    def open_session(self, session: Session, text: str) -> None:
        raw = session.sections.get(self.name)
        if raw is None:
            return  # a file saved before this lab existed: keep what is on screen
        state, mode = state_from_section(raw)
        self.push(state, text)
        if mode in self.modes:
            self.switch_mode(mode)

    def save_into(self, session: Session) -> Session:
        sections = dict(session.sections)
        sections[self.name] = section_of(self.model.state, self.mode_name)
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


LAB = ComposeLab
