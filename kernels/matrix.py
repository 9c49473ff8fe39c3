"""Vectors and matrices as immutable values.

A matrix is a grid of scalars; its columns say where the basis vectors land. ``M @ v``
is the linear combination ``v[0]·(column 0) + v[1]·(column 1) + …``, and ``A @ B`` is
"first apply B, then A". Entries stay exact (``Fraction``) for rational input.

>>> M = Matrix([[1, 2], [3, 4]])
>>> M @ Vector([1, 0])          # î lands on the first column
Vector([1, 3])
>>> print(M.T)
[ 1  3 ]
[ 2  4 ]
"""

from collections.abc import Sequence
from fractions import Fraction

from .errors import ShapeError
from .scalars import Scalar, as_scalar, format_scalar, is_exact


class Vector(Sequence):
    """An immutable column vector: a sequence of scalars.

    >>> v = Vector([1, 2])
    >>> v + Vector([3, 4]), 2 * v, -v
    (Vector([4, 6]), Vector([2, 4]), Vector([-1, -2]))
    >>> list(v), len(v), v[1]
    ([Fraction(1, 1), Fraction(2, 1)], 2, Fraction(2, 1))
    """

    __slots__ = ("_entries",)
    _entries: tuple[Scalar, ...]  # the components, in order

    def __init__(self, entries):
        entries = tuple(as_scalar(x) for x in entries)
        if not entries:
            raise ShapeError("a vector needs at least one component")
        self._entries = entries

    # -- the Sequence protocol -------------------------------------------------------------
    def __len__(self):
        return len(self._entries)

    def __getitem__(self, index):
        return self._entries[index]

    def __iter__(self):
        return iter(self._entries)

    # -- arithmetic ------------------------------------------------------------------------
    def _check_same_length(self, other):
        if not isinstance(other, Vector):
            return NotImplemented
        if len(other) != len(self):
            raise ShapeError(f"cannot combine vectors of lengths {len(self)} and {len(other)}")
        return None

    def __add__(self, other):
        problem = self._check_same_length(other)
        if problem is NotImplemented:
            return NotImplemented
        return Vector(a + b for a, b in zip(self, other))

    def __sub__(self, other):
        problem = self._check_same_length(other)
        if problem is NotImplemented:
            return NotImplemented
        return Vector(a - b for a, b in zip(self, other))

    def __neg__(self):
        return Vector(-a for a in self)

    def __mul__(self, scalar):
        if isinstance(scalar, (Vector, Matrix)):
            return NotImplemented
        scalar = as_scalar(scalar)
        return Vector(scalar * a for a in self)

    __rmul__ = __mul__

    def __truediv__(self, scalar):
        return self * (1 / as_scalar(scalar))

    def __eq__(self, other):
        if isinstance(other, Vector):
            return self._entries == other._entries
        return NotImplemented

    def __hash__(self):
        return hash(("Vector", self._entries))

    @property
    def is_exact(self) -> bool:
        """True when every component is an exact rational."""
        return all(is_exact(x) for x in self._entries)

    def to_floats(self) -> tuple:
        """The components as floats (complex stay complex), e.g. for drawing."""
        return tuple(x if isinstance(x, complex) else float(x) for x in self._entries)

    def __repr__(self):
        return f"Vector([{', '.join(format_scalar(x) for x in self._entries)}])"

    def __str__(self):
        return "(" + ", ".join(format_scalar(x) for x in self._entries) + ")"


class Matrix:
    """An immutable m×n matrix of scalars.

    >>> A = Matrix([[1, 1], [0, 1]])      # a shear
    >>> A.shape, A[0, 1], A.column(1)
    ((2, 2), Fraction(1, 1), Vector([1, 1]))
    >>> A @ A
    Matrix([[1, 2], [0, 1]])
    >>> Matrix.identity(2) + A * Fraction(1, 2)
    Matrix([[3/2, 1/2], [0, 3/2]])
    """

    __slots__ = ("_rows", "_shape")
    _rows: tuple[tuple[Scalar, ...], ...]  # the entries, row by row
    _shape: tuple[int, int]  # (number of rows, number of columns)

    def __init__(self, rows):
        if isinstance(rows, Matrix):
            self._rows, self._shape = rows._rows, rows._shape
            return
        try:
            grid = tuple(tuple(as_scalar(x) for x in row) for row in rows)
        except TypeError as exc:
            if "matrix entries" in str(exc):
                raise
            raise TypeError("a matrix is built from a list of rows, each a list of numbers") from exc
        if not grid or not grid[0]:
            raise ShapeError("a matrix needs at least one row and one column")
        width = len(grid[0])
        for i, row in enumerate(grid):
            if len(row) != width:
                raise ShapeError(
                    f"rows must all have the same length: row 1 has {width} entries, "
                    f"row {i + 1} has {len(row)}")
        self._rows = grid
        self._shape = (len(grid), width)

    # -- construction ----------------------------------------------------------------------
    @classmethod
    def _trusted(cls, rows: tuple) -> "Matrix":
        """A Matrix from a non-empty tuple of equal-length tuples of finite kernel scalars,
        taken as they are: for kernel code that has just computed them, where checking
        every entry again would cost more than the computation."""
        matrix = cls.__new__(cls)
        matrix._rows = rows
        matrix._shape = (len(rows), len(rows[0]))
        return matrix

    @classmethod
    def identity(cls, n: int) -> "Matrix":
        """The n×n identity: every vector stays where it is.

        >>> Matrix.identity(2)
        Matrix([[1, 0], [0, 1]])
        """
        if n < 1:
            raise ShapeError("the identity needs a size of at least 1")
        return cls([[1 if i == j else 0 for j in range(n)] for i in range(n)])

    @classmethod
    def zeros(cls, m: int, n: int) -> "Matrix":
        """The m×n zero matrix, which sends every vector to the origin."""
        return cls([[0] * n for _ in range(m)])

    @classmethod
    def from_columns(cls, columns) -> "Matrix":
        """Build a matrix whose columns are the given vectors (where the basis vectors land).

        >>> Matrix.from_columns([Vector([1, 2]), Vector([3, 4])])
        Matrix([[1, 3], [2, 4]])
        """
        columns = [Vector(c) for c in columns]
        if not columns:
            raise ShapeError("a matrix needs at least one column")
        return cls(zip(*columns))

    # -- shape and entries -----------------------------------------------------------------
    @property
    def rows(self) -> tuple:
        """The rows as a tuple of tuples of scalars."""
        return self._rows

    @property
    def shape(self) -> tuple:
        """``(number of rows, number of columns)``."""
        return self._shape

    @property
    def is_square(self) -> bool:
        return self._shape[0] == self._shape[1]

    @property
    def is_exact(self) -> bool:
        """True when every entry is an exact rational, so results can be exact too."""
        return all(is_exact(x) for row in self._rows for x in row)

    def __getitem__(self, index):
        i, j = index
        return self._rows[i][j]

    def row(self, i: int) -> Vector:
        return Vector(self._rows[i])

    def column(self, j: int) -> Vector:
        """Column j: the image of the j-th basis vector."""
        return Vector(row[j] for row in self._rows)

    @property
    def columns(self) -> tuple:
        return tuple(self.column(j) for j in range(self._shape[1]))

    def to_floats(self) -> tuple:
        """The entries as floats (complex stay complex), as a tuple of row tuples."""
        return tuple(tuple(x if isinstance(x, complex) else float(x) for x in row)
                     for row in self._rows)

    def require_square(self, what: str) -> int:
        """Return n for an n×n matrix, or raise a ShapeError saying why ``what`` needs one."""
        m, n = self._shape
        if m != n:
            raise ShapeError(f"{what} needs a square matrix, but this one is {m}×{n}")
        return n

    # -- arithmetic ------------------------------------------------------------------------
    @property
    def T(self) -> "Matrix":
        """The transpose: rows become columns.

        >>> Matrix([[1, 2, 3]]).T.shape
        (3, 1)
        """
        return Matrix(zip(*self._rows))

    def transpose(self) -> "Matrix":
        return self.T

    def _check_same_shape(self, other, verb):
        if other._shape != self._shape:
            raise ShapeError(
                f"cannot {verb} a {self._shape[0]}×{self._shape[1]} and a "
                f"{other._shape[0]}×{other._shape[1]} matrix: the shapes must match")

    def __add__(self, other):
        if not isinstance(other, Matrix):
            return NotImplemented
        self._check_same_shape(other, "add")
        return Matrix([[a + b for a, b in zip(r, s)] for r, s in zip(self._rows, other._rows)])

    def __sub__(self, other):
        if not isinstance(other, Matrix):
            return NotImplemented
        self._check_same_shape(other, "subtract")
        return Matrix([[a - b for a, b in zip(r, s)] for r, s in zip(self._rows, other._rows)])

    def __neg__(self):
        return Matrix([[-a for a in row] for row in self._rows])

    def __mul__(self, scalar):
        if isinstance(scalar, (Matrix, Vector)):
            return NotImplemented
        scalar = as_scalar(scalar)
        return Matrix([[scalar * a for a in row] for row in self._rows])

    __rmul__ = __mul__

    def __truediv__(self, scalar):
        return self * (1 / as_scalar(scalar))

    def __matmul__(self, other):
        from .multiplication import matmul_optimized

        if isinstance(other, Matrix):
            return matmul_optimized(self, other)
        if isinstance(other, Vector):
            if len(other) != self._shape[1]:
                raise ShapeError(
                    f"a {self._shape[0]}×{self._shape[1]} matrix needs a vector with "
                    f"{self._shape[1]} components, not {len(other)}")
            return Vector(sum(a * x for a, x in zip(row, other)) for row in self._rows)
        return NotImplemented

    def __pow__(self, k: int):
        """Integer powers: ``M**3 = M @ M @ M``, ``M**0 = I``, ``M**-1`` is the inverse.

        >>> Matrix([[1, 1], [0, 1]]) ** -2
        Matrix([[1, -2], [0, 1]])
        """
        if isinstance(k, bool) or not isinstance(k, int):
            raise TypeError("matrix powers must be whole numbers")
        n = self.require_square("a matrix power")
        base = self
        if k < 0:
            from .elimination import inverse

            base, k = inverse(self), -k
        result = Matrix.identity(n)
        while k:  # square-and-multiply: about log2(k) products instead of k
            if k & 1:
                result = result @ base
            base = base @ base
            k >>= 1
        return result

    # -- comparison and text ---------------------------------------------------------------
    def __eq__(self, other):
        if isinstance(other, Matrix):
            return self._rows == other._rows
        return NotImplemented

    def __hash__(self):
        return hash(("Matrix", self._rows))

    def __repr__(self):
        body = ", ".join("[" + ", ".join(format_scalar(x) for x in row) + "]" for row in self._rows)
        return f"Matrix([{body}])"

    def __str__(self):
        cells = [[format_scalar(x) for x in row] for row in self._rows]
        widths = [max(len(row[j]) for row in cells) for j in range(self._shape[1])]
        return "\n".join(
            "[ " + "  ".join(c.rjust(w) for c, w in zip(row, widths)) + " ]" for row in cells)


def trace(M: Matrix):
    """The sum of the diagonal, which also equals the sum of the eigenvalues.

    >>> trace(Matrix([[2, 1], [1, 2]]))
    Fraction(4, 1)
    """
    n = M.require_square("the trace")
    return sum((M[i, i] for i in range(n)), Fraction(0))
