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

from kernels import Matrix

from ...controls.stage_canvas import StageCanvas
from ...highlights import TargetError, target_point
from ...items.highlight_ring import HighlightRing
from ...presets import load_presets
from ...scene import RefusedMatrix, accept
from ...views.plane_view import PlaneView
from ..contract import LabContext, Mode
from ..modal_lab import ModalLab
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


class ComposeLab(ModalLab):
    """Compose, Eliminate, Multiply (see the module docstring)."""

    name = "compose"
    title = "Compose && Eliminate"
    menu_title = "&Compose"

    def __init__(self, context: LabContext, state: ComposeState | None = None):
        super().__init__(context)
        self.model = ComposeModel(state)
        self.modes: dict[str, Mode] = {cls.name: cls(self) for cls in _mode_classes()}
        self.rings: dict[int, HighlightRing] = {}  # one ring per canvas, by the canvas's id
        self.matrices = MatricesPanel(self)
        self._build([MODE_TITLES[name] for name in self.modes], self.matrices)
        for canvas in self._canvas.findChildren(StageCanvas):  # the ring follows every frame
            canvas.shown.connect(self._show_highlight)
        self._start()

    # -- the lab's own state -------------------------------------------------------------------------
    def fresh_state(self, n: int) -> ComposeState:
        return ComposeState.fresh(n)

    def state_from_section(self, raw) -> tuple:
        return state_from_section(raw)

    def section_of(self, state: ComposeState, mode_name: str) -> dict:
        return section_of(state, mode_name)

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
        self._follow_dimension(old, new)

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


LAB = ComposeLab
