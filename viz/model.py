"""The scene model: the committed state of the studio, and the scene worked out from it.

It only stores values and announces changes; it never draws or animates. Every change goes
through :meth:`SceneModel.set_state`: the new state is checked (:meth:`SceneState.checked`),
the kernel is asked about a new matrix (:func:`viz.scene.accept`, the one place a matrix is
refused), the :class:`~viz.scene.Scene` is built once, and only then are signals emitted —
only for values that really changed, so a view cannot loop by echoing a value back.
"""

from dataclasses import replace

from PyQt6 import QtCore

from kernels import Matrix, Vector

from .facts import MatrixFacts
from .scene import DEFAULT_VECTORS, ReadsState, Scene, SceneState, VectorStyle, accept, build_scene


class SceneModel(ReadsState, QtCore.QObject):
    """State of one Linear Lens scene (its matrix, dimension, vectors, theme and palette are
    read through :class:`~viz.scene.ReadsState`).

    Signals (each emitted once per change, after the new scene is in place):
        dimension_changed(n): the scene switched between the plane (2) and space (3); it is
            emitted before the matrix_changed that carries the new matrix.
        matrix_changed(old, new): the committed matrix changed (kernel ``Matrix`` values).
        vectors_changed(vectors): the list of named vectors changed (``(name, Vector)`` pairs,
            v first).
        selection_changed(indices): which vectors are being compared (dot product, span).
        combination_changed(coefficients): the combination c1·u1 + … of the selected vectors
            being shown (a tuple of floats), or None.
        styles_changed(): a vector's colour or show mode (vector / image / both) changed.
        appearance_changed(): the theme or the palette changed.
        scene_changed(scene): anything above changed; ``scene`` is the new :class:`Scene`.
    """

    dimension_changed = QtCore.pyqtSignal(int)
    matrix_changed = QtCore.pyqtSignal(object, object)
    vectors_changed = QtCore.pyqtSignal(object)
    selection_changed = QtCore.pyqtSignal(object)
    combination_changed = QtCore.pyqtSignal(object)
    styles_changed = QtCore.pyqtSignal()
    appearance_changed = QtCore.pyqtSignal()
    scene_changed = QtCore.pyqtSignal(object)

    def __init__(self, matrix: Matrix | None = None, vector: Vector | None = None, parent=None, *,
                 state: SceneState | None = None):
        """A model of ``state``, or of ``matrix`` (default: the identity) with v = ``vector``."""
        super().__init__(parent)
        if state is None:
            matrix = matrix if matrix is not None else Matrix.identity(2)
            vector = vector if vector is not None else DEFAULT_VECTORS[matrix.shape[0]]
            state = SceneState(matrix, (("v", vector),))
        self._state = state.checked()
        self._scene = build_scene(self._state, accept(self._state.matrix))

    def copy(self) -> "SceneModel":
        """An independent model with the same values."""
        return SceneModel(state=self._state)

    # -- the one way in --------------------------------------------------------------------
    @property
    def state(self) -> SceneState:
        return self._state

    @property
    def scene(self) -> Scene:
        """Everything to draw, worked out once for the current state."""
        return self._scene

    def set_state(self, state: SceneState) -> None:
        """Replace the whole state; ValueError (and nothing changes) if it breaks a rule or the
        kernel refuses its matrix."""
        state = state.checked()
        if state == self._state:
            return
        old = self._state
        facts = self._scene.facts if state.matrix == old.matrix and _same_kinds(state.matrix, old.matrix) \
            else accept(state.matrix)
        self._state, self._scene = state, build_scene(state, facts)
        if state.dimension != old.dimension:
            self.dimension_changed.emit(state.dimension)
        if state.matrix != old.matrix or not _same_kinds(state.matrix, old.matrix):
            self.matrix_changed.emit(old.matrix, state.matrix)
        if state.vectors != old.vectors:
            self.vectors_changed.emit(state.vectors)
        if state.styles != old.styles:
            self.styles_changed.emit()
        if state.selection != old.selection:
            self.selection_changed.emit(state.selection)
        if state.combination != old.combination:
            self.combination_changed.emit(state.combination)
        if (state.theme, state.palette) != (old.theme, old.palette):
            self.appearance_changed.emit()
        self.scene_changed.emit(self._scene)

    # -- the values, and a setter for each (all through set_state) --------------------------
    @property
    def facts(self) -> MatrixFacts:
        """What the kernel says about the committed matrix (determinant, eigenvectors, …)."""
        return self._scene.facts

    def set_matrix(self, matrix: Matrix) -> None:
        """A new matrix of the same size (a typed cell, a preset, a drag of î or ĵ)."""
        if matrix.shape != self.matrix.shape:
            raise ValueError(f"the scene holds a {self.matrix.shape[0]}×{self.matrix.shape[1]} "
                             f"matrix, not {matrix.shape[0]}×{matrix.shape[1]}")
        if matrix == self.matrix:
            return
        self.set_state(replace(self._state, matrix=matrix))

    @property
    def vector(self) -> Vector:
        """v, the first vector: drawn with its image Mv."""
        return self._state.vectors[0][1]

    def set_vectors(self, vectors) -> None:
        """Replace the list (at least one vector, unique names, each the scene's dimension).
        A renamed vector keeps its style; the selection keeps the indices that still exist."""
        from .scene import checked_vectors

        vectors = checked_vectors(vectors, self.dimension)
        if vectors == self.vectors:
            return
        self.set_state(replace(self._state, vectors=vectors, styles=self._carried_styles(vectors)))

    def set_vectors_and_styles(self, vectors, styles: dict) -> None:
        """Replace the list and every style at once: one new scene (a new vector arrives with
        its colour). The rules of :meth:`set_vectors` hold; styles of vectors not in the list
        are dropped."""
        from .scene import checked_vectors

        vectors = checked_vectors(vectors, self.dimension)
        self.set_state(replace(self._state, vectors=vectors, styles=dict(styles)))

    def _carried_styles(self, vectors) -> dict:
        """Styles for a new list: by name, or — for a renamed vector — from the same position."""
        old_names = [name for name, _ in self.vectors]
        new_names = {name for name, _ in vectors}
        styles = {}
        for index, (name, _) in enumerate(vectors):
            if name in self._state.styles:
                styles[name] = self._state.styles[name]
            elif index < len(old_names) and old_names[index] not in new_names \
                    and old_names[index] in self._state.styles:
                styles[name] = self._state.styles[old_names[index]]
        return styles

    @property
    def styles(self) -> dict:
        """The vectors drawn in a non-default way: name → VectorStyle."""
        return dict(self._state.styles)

    def set_styles(self, styles: dict) -> None:
        """Replace every style at once (vectors not named keep the default)."""
        self.set_state(replace(self._state, styles=dict(styles)))

    def style(self, name: str) -> VectorStyle:
        """How the vector called ``name`` is drawn."""
        return self._state.style(name)

    def set_style(self, name: str, style: VectorStyle) -> None:
        if name not in {n for n, _ in self.vectors}:
            raise ValueError(f"there is no vector called {name!r}")
        self.set_state(replace(self._state, styles={**self._state.styles, name: style}))

    @property
    def selection(self) -> tuple:
        """Indices of the vectors being compared (their span; with two, their dot product)."""
        return self._state.selection

    def set_selection(self, indices) -> None:
        """Compare these vectors; a new selection drops the combination being shown."""
        indices = tuple(sorted({int(i) for i in indices if 0 <= int(i) < len(self.vectors)}))
        if indices == self.selection:
            return
        self.set_state(replace(self._state, selection=indices, combination=None))

    @property
    def combination(self) -> tuple | None:
        """Coefficients c1… of the selected vectors' combination being shown, or None."""
        return self._state.combination

    def set_combination(self, coefficients) -> None:
        coefficients = None if coefficients is None else tuple(float(c) for c in coefficients)
        self.set_state(replace(self._state, combination=coefficients))

    def set_appearance(self, theme: str | None = None, palette: str | None = None) -> None:
        self.set_state(replace(self._state, theme=theme or self.theme, palette=palette or self.palette))


def _same_kinds(a: Matrix, b: Matrix) -> bool:
    """Whether two equal matrices hold the same kinds of number (the exact 1 is not the float 1.0)."""
    return all(type(x) is type(y) for ra, rb in zip(a.rows, b.rows) for x, y in zip(ra, rb))
