"""The scene model: the committed matrix, the user's vector and the look, nothing more.

It only stores values and announces changes; it never draws or animates. A signal is
emitted only when a value really changes, so a view cannot loop by echoing a value back.
"""

from PyQt6 import QtCore

from kernels import Matrix, Vector

from .facts import MatrixFacts, analyse

DEFAULT_VECTOR = Vector([1, 2])
DEFAULT_VECTORS = {2: DEFAULT_VECTOR, 3: Vector([1, 2, 1])}


class SceneModel(QtCore.QObject):
    """State of one Linear Lens scene.

    Signals:
        dimension_changed(n): the scene switched between the plane (2) and space (3); it is
            emitted before the matrix_changed that carries the new matrix.
        matrix_changed(old, new): the committed matrix changed (kernel ``Matrix`` values).
        vector_changed(new): the user vector v changed.
        appearance_changed(): the theme or the palette changed.
    """

    dimension_changed = QtCore.pyqtSignal(int)
    matrix_changed = QtCore.pyqtSignal(object, object)
    vector_changed = QtCore.pyqtSignal(object)
    appearance_changed = QtCore.pyqtSignal()

    def __init__(self, matrix: Matrix | None = None, vector: Vector | None = None, parent=None):
        super().__init__(parent)
        self._matrix = matrix if matrix is not None else Matrix.identity(2)
        self._vector = vector if vector is not None else DEFAULT_VECTOR
        self._facts = analyse(self._matrix)
        self._theme = "dark"
        self._palette = "okabe-ito"

    def copy(self) -> "SceneModel":
        """An independent model with the same values (e.g. to export in another theme)."""
        twin = SceneModel(self._matrix, self._vector)
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
        self._matrix, self._vector, self._facts = matrix, vector, facts
        self.dimension_changed.emit(matrix.shape[0])
        self.matrix_changed.emit(old, matrix)
        self.vector_changed.emit(vector)

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
        return self._vector

    def set_vector(self, vector: Vector) -> None:
        if vector == self._vector:
            return
        self._vector = vector
        self.vector_changed.emit(vector)

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
