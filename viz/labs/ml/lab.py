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

from PyQt6 import QtWidgets

from kernels import Matrix

from ...controls.entry_grid import EntryGrid
from ...highlights import TargetError
from ...items.highlight_ring import HighlightRing
from ...presets import load_presets
from ...scene import RefusedMatrix, accept
from ..contract import LabContext
from ..modal_lab import ModalLab
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


class MLLab(ModalLab):
    """SVD, gradient descent, … over one matrix A (see the module docstring)."""

    name = "ml"
    title = "ML"
    menu_title = "&ML"

    def __init__(self, context: LabContext, state: MLState | None = None):
        super().__init__(context)
        self.codecs = dict(_mode_classes())
        self.model = MLModel(self.codecs, state)
        self.modes: dict[str, MLMode] = {name: cls(self) for name, cls in self.codecs.items()}
        self.rings: dict[str, HighlightRing] = {}  # one ring per view, on its plane
        self._build([mode.title for mode in self.modes.values()], self._build_matrix_editor())
        self._show_matrix(self.model.state)
        self._start()

    # -- the lab's own state -------------------------------------------------------------------------
    def fresh_state(self, n: int) -> MLState:
        return MLState.fresh(self.codecs, n)

    def state_from_section(self, raw) -> tuple:
        return state_from_section(raw, self.codecs)

    def section_of(self, state: MLState, mode_name: str) -> dict:
        return section_of(state, mode_name, self.codecs)

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

    def _on_changed(self, old: MLState, new: MLState) -> None:
        self._show_matrix(new)
        for name, mode in self.modes.items():  # a view follows A and its own settings only
            if old.matrix != new.matrix or old.settings[name] != new.settings[name]:
                mode.show_state(old, new)
        self._show_highlight()
        self._follow_dimension(old, new)

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


LAB = MLLab
