"""The scene model: the committed matrix, the user's vector and the look, nothing more.

It only stores values and announces changes; it never draws or animates. A signal is
emitted only when a value really changes, so a view cannot loop by echoing a value back.
"""

from dataclasses import dataclass

from PyQt6 import QtCore

from kernels import Matrix, Vector

from .facts import MatrixFacts, analyse

DEFAULT_VECTOR = Vector([1, 2])
DEFAULT_VECTORS = {2: DEFAULT_VECTOR, 3: Vector([1, 2, 1])}
SHOW_MODES = ("both", "vector", "image")  # the vector as it is, its image under M, or both


@dataclass(frozen=True)
class VectorStyle:
    """How one named vector is drawn: its colour (None: the palette's) and what is shown."""
    color: str | None = None
    show: str = "both"

    def __post_init__(self):
        if self.show not in SHOW_MODES:
            raise ValueError(f"show must be one of {', '.join(SHOW_MODES)}, not {self.show!r}")


class SceneModel(QtCore.QObject):
    """State of one Linear Lens scene.

    Signals:
        dimension_changed(n): the scene switched between the plane (2) and space (3); it is
            emitted before the matrix_changed that carries the new matrix.
        matrix_changed(old, new): the committed matrix changed (kernel ``Matrix`` values).
        vector_changed(new): the user vector v (the first vector) changed.
        vectors_changed(vectors): the list of named vectors changed (``(name, Vector)`` pairs).
        selection_changed(indices): which vectors are being compared (dot product, span).
        combination_changed(coefficients): the combination c1·u1 + … of the selected vectors
            being shown (a tuple of floats), or None.
        styles_changed(): a vector's colour or show mode (vector / image / both) changed.
        appearance_changed(): the theme or the palette changed.
    """

    dimension_changed = QtCore.pyqtSignal(int)
    matrix_changed = QtCore.pyqtSignal(object, object)
    vector_changed = QtCore.pyqtSignal(object)
    vectors_changed = QtCore.pyqtSignal(object)
    selection_changed = QtCore.pyqtSignal(object)
    combination_changed = QtCore.pyqtSignal(object)
    styles_changed = QtCore.pyqtSignal()
    appearance_changed = QtCore.pyqtSignal()

    def __init__(self, matrix: Matrix | None = None, vector: Vector | None = None, parent=None):
        super().__init__(parent)
        self._matrix = matrix if matrix is not None else Matrix.identity(2)
        vector = vector if vector is not None else DEFAULT_VECTORS[self._matrix.shape[0]]
        self._vectors: tuple = (("v", vector),)
        self._selection: tuple = ()
        self._combination: tuple | None = None
        self._styles: dict[str, VectorStyle] = {}
        self._facts = analyse(self._matrix)
        self._theme = "dark"
        self._palette = "okabe-ito"

    def copy(self) -> "SceneModel":
        """An independent model with the same values (e.g. to export in another theme)."""
        twin = SceneModel(self._matrix, self.vector)
        twin.set_vectors(self._vectors)
        for name, style in self._styles.items():
            twin.set_style(name, style)
        twin.set_selection(self._selection)
        twin.set_combination(self._combination)
        twin.set_appearance(self._theme, self._palette)
        return twin

    @property
    def matrix(self) -> Matrix:
        return self._matrix

    @property
    def dimension(self) -> int:
        """2 for the plane, 3 for space."""
        return self._matrix.shape[0]

    def set_scene(self, matrix: Matrix, vector: Vector) -> None:
        """Set the matrix and v together — the only way to change the dimension."""
        if len(vector) != matrix.shape[0]:
            raise ValueError(f"v needs {matrix.shape[0]} entries for a {matrix.shape[0]}×"
                             f"{matrix.shape[0]} matrix, not {len(vector)}")
        if matrix.shape == self._matrix.shape:
            self.set_matrix(matrix)
            self.set_vector(vector)
            return
        facts = analyse(matrix)
        old = self._matrix
        self._matrix, self._facts = matrix, facts
        self._vectors, self._selection, self._combination = (("v", vector),), (), None
        self._styles = {}
        self.dimension_changed.emit(matrix.shape[0])
        self.matrix_changed.emit(old, matrix)
        self.vectors_changed.emit(self._vectors)
        self.vector_changed.emit(vector)
        self.selection_changed.emit(self._selection)
        self.combination_changed.emit(None)

    @property
    def facts(self) -> MatrixFacts:
        """What the kernel says about the committed matrix (determinant, eigenvectors, …)."""
        return self._facts

    def set_matrix(self, matrix: Matrix) -> None:
        if matrix.shape != self._matrix.shape:
            raise ValueError(f"the scene holds a {self._matrix.shape[0]}×{self._matrix.shape[1]} "
                             f"matrix, not {matrix.shape[0]}×{matrix.shape[1]}")
        if matrix == self._matrix:
            return
        facts = analyse(matrix)  # first: if the kernel refuses, nothing has changed
        old, self._matrix, self._facts = self._matrix, matrix, facts
        self.matrix_changed.emit(old, matrix)

    @property
    def vector(self) -> Vector:
        """v, the first vector: drawn with its image Mv."""
        return self._vectors[0][1]

    def set_vector(self, vector: Vector) -> None:
        if vector == self.vector:
            return
        self.set_vectors(((self._vectors[0][0], vector),) + self._vectors[1:])

    @property
    def vectors(self) -> tuple:
        """Every named vector, ``(name, Vector)`` pairs, v first."""
        return self._vectors

    def set_vectors(self, vectors) -> None:
        """Replace the list: at least one vector, unique names, each the scene's dimension."""
        vectors = tuple((str(name), Vector(vector)) for name, vector in vectors)
        n = self.dimension
        if not vectors:
            raise ValueError("the scene needs at least one vector")
        if len({name for name, _ in vectors}) != len(vectors):
            raise ValueError("vector names must be different")
        if any(len(vector) != n for _, vector in vectors):
            raise ValueError(f"every vector needs {n} components in a {n}D scene")
        if vectors == self._vectors:
            return
        first_changed = vectors[0][1] != self.vector
        self._styles = self._carried_styles(vectors)
        self._vectors = vectors
        kept = tuple(i for i in self._selection if i < len(vectors))
        self.vectors_changed.emit(vectors)
        if first_changed:
            self.vector_changed.emit(vectors[0][1])
        self.set_selection(kept)

    def _carried_styles(self, vectors) -> dict:
        """Styles for a new list: by name, or — for a renamed vector — from the same position."""
        old_names = [name for name, _ in self._vectors]
        new_names = {name for name, _ in vectors}
        styles = {}
        for index, (name, _) in enumerate(vectors):
            if name in self._styles:
                styles[name] = self._styles[name]
            elif index < len(old_names) and old_names[index] not in new_names \
                    and old_names[index] in self._styles:
                styles[name] = self._styles[old_names[index]]
        return styles

    @property
    def styles(self) -> dict:
        """The vectors drawn in a non-default way: name → VectorStyle."""
        return dict(self._styles)

    def set_styles(self, styles: dict) -> None:
        """Replace every style at once (vectors not named keep the default)."""
        names = {n for n, _ in self._vectors}
        styles = {name: style for name, style in styles.items() if name in names and style != VectorStyle()}
        if styles == self._styles:
            return
        self._styles = styles
        self.styles_changed.emit()

    def style(self, name: str) -> VectorStyle:
        """How the vector called ``name`` is drawn."""
        return self._styles.get(name, VectorStyle())

    def set_style(self, name: str, style: VectorStyle) -> None:
        if name not in {n for n, _ in self._vectors}:
            raise ValueError(f"there is no vector called {name!r}")
        if style == self.style(name):
            return
        if style == VectorStyle():
            self._styles.pop(name, None)
        else:
            self._styles[name] = style
        self.styles_changed.emit()

    @property
    def selection(self) -> tuple:
        """Indices of the vectors being compared (their span; with two, their dot product)."""
        return self._selection

    def set_selection(self, indices) -> None:
        indices = tuple(sorted({int(i) for i in indices if 0 <= int(i) < len(self._vectors)}))
        if indices == self._selection:
            return
        self._selection = indices
        self.selection_changed.emit(indices)
        self.set_combination(None)

    @property
    def combination(self) -> tuple | None:
        """Coefficients c1… of the selected vectors' combination being shown, or None."""
        return self._combination

    def set_combination(self, coefficients) -> None:
        coefficients = None if coefficients is None else tuple(float(c) for c in coefficients)
        if coefficients == self._combination:
            return
        self._combination = coefficients
        self.combination_changed.emit(coefficients)

    @property
    def theme(self) -> str:
        return self._theme

    @property
    def palette(self) -> str:
        return self._palette

    def set_appearance(self, theme: str | None = None, palette: str | None = None) -> None:
        theme = theme or self._theme
        palette = palette or self._palette
        if (theme, palette) == (self._theme, self._palette):
            return
        self._theme, self._palette = theme, palette
        self.appearance_changed.emit()
