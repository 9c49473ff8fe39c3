"""Row reduction: the one algorithm behind rank, null space, determinant, inverse and solve.

Three elementary row operations — swap two rows, scale a row by a nonzero number, add a
multiple of one row to another — never change the solutions of ``M x = 0``. Gauss–Jordan
elimination uses them to reach the *reduced row echelon form* (RREF): every pivot is 1 and is
the only nonzero entry in its column. The rank, a basis of the null space, the inverse and
the solutions of ``A x = b`` can then be read off.

Exact (``Fraction``) matrices are reduced exactly: a pivot is zero or it is not. Float matrices
use *partial pivoting* — the largest entry in the column becomes the pivot, which keeps rounding
errors small — and count any ``|x| <= tolerance`` as zero, because after rounding a true zero
rarely comes out as exactly ``0.0``. Complex entries work the same way, comparing ``abs()``.

>>> result = rref(Matrix([[1, 2], [3, 4]]))
>>> result.matrix, result.pivots
(Matrix([[1, 0], [0, 1]]), (0, 1))
>>> [step.label for step in result.steps]
['R2 ← R2 − 3·R1', 'R2 ← (−1/2)·R2', 'R1 ← R1 − 2·R2']
"""

import cmath
import math
import sys
from dataclasses import dataclass
from fractions import Fraction
from itertools import chain

from .errors import FloatRangeError, NonFiniteError, ShapeError, SingularMatrixError
from .matrix import Matrix, Vector
from .notation import coefficient_text, combination_text, is_negative, matrix_text, scalar_text, vector_text

EPSILON = 2.220446049250313e-16  # 2⁻⁵², the gap between 1.0 and the next float
COFACTOR_LIMIT = 8  # 8! = 40,320 products; 9! would be 362,880

_RANGE_MESSAGE = ("row reduction produced a number beyond the float range (about ±1.8e308): "
                  "the entries differ too much in size; rescale some rows or columns")


@dataclass(frozen=True)
class RowOperation:
    """One elementary row operation, as a learner writes it and as a matrix.

    ``kind`` is ``'swap'``, ``'scale'`` or ``'add'``; ``label`` names rows from 1, e.g.
    ``R2 ← R2 − 3·R1``; ``matrix`` is the elementary matrix E — the identity with the same
    operation applied — so ``E @ before == after``; ``result`` is the matrix after the step.
    """

    kind: str
    label: str
    matrix: Matrix
    result: Matrix


@dataclass(frozen=True)
class RrefResult:
    """The reduced row echelon form, its pivot columns (0-based) and the steps that reach it."""

    matrix: Matrix
    pivots: tuple
    steps: tuple


@dataclass(frozen=True)
class InverseResult:
    """M⁻¹ and the row operations that turn [M | I] into [I | M⁻¹] (each E is n×n)."""

    inverse: Matrix
    steps: tuple


@dataclass(frozen=True)
class SolveResult:
    """The solutions of A x = b.

    ``kind`` is ``'unique'``, ``'infinite'`` or ``'none'``; ``solution`` is one particular
    solution (``None`` when there is none); every solution is ``solution`` plus a combination
    of ``directions`` (a basis of the null space of A, empty unless ``kind == 'infinite'``);
    ``explanation`` says it in words; ``steps`` reduce the augmented matrix [A | b].
    """

    kind: str
    solution: Vector | None
    directions: tuple
    explanation: str
    steps: tuple


# -- the number system and the tolerance -------------------------------------------------------

def _working_rows(M: Matrix):
    """The entries as mutable lists in one number system, and that system's type.

    All ``Fraction`` for an exact matrix; otherwise all ``float``, or all ``complex`` if any
    entry is complex (a mixed matrix is only as exact as its least exact entry).
    """
    if M.is_exact:
        return [list(row) for row in M.rows], Fraction
    kind = complex if any(isinstance(x, complex) for row in M.rows for x in row) else float
    return [[kind(x) for x in row] for row in M.rows], kind


def _size(rows) -> float:
    """‖M‖_F = √(Σ |entry|²), the length of M read as one long vector (1 for a zero matrix):
    the scale that "small" is measured against. Capped at the largest float."""
    return min(math.hypot(*(abs(x) for row in rows for x in row)), sys.float_info.max) or 1.0


def default_tolerance(M: Matrix) -> float:
    """max(m, n)² · ε · ‖M‖_F: a float at or below this counts as zero.

    Each arithmetic step rounds by about ε ≈ 2.2e-16 times the size of the numbers involved,
    and an entry of an m×n elimination goes through up to max(m, n) steps, each mixing up to
    max(m, n) numbers: so rounding noise stays below this, while honest entries of ordinary
    matrices are far above it. (numpy's ``matrix_rank`` gets away with max(m, n) · ε · σ₁
    because its SVD rounds less; with elimination that rule mistakes noise for a pivot.)
    ‖M‖_F = √(Σ |entry|²) is the length of M read as one long vector.

    >>> default_tolerance(Matrix([[3.0, 0.0], [0.0, 4.0]]))   # 2² · ε · 5
    4.440892098500626e-15
    """
    return max(M.shape) ** 2 * EPSILON * _size(M.rows)


def _pivot_row(rows, start: int, column: int, kind, tolerance: float):
    """The row (from ``start`` down) to take the pivot in ``column`` from, or None if all are zero.

    Exact: the first nonzero entry. Floats: the largest |entry| (partial pivoting), provided it
    is above the tolerance.
    """
    if kind is Fraction:
        return next((i for i in range(start, len(rows)) if rows[i][column] != 0), None)
    best = max(range(start, len(rows)), key=lambda i: abs(rows[i][column]))
    return best if abs(rows[best][column]) > tolerance else None


def _snap(rows, threshold: float) -> None:
    """Replace entries (or real and imaginary parts) no bigger than ``threshold`` by exact zeros."""
    def part(x):
        return 0.0 if abs(x) <= threshold else x

    for row in rows:
        for j, x in enumerate(row):
            row[j] = complex(part(x.real), part(x.imag)) if isinstance(x, complex) else part(x)


def _as_matrix(rows, kind=None) -> Matrix:
    """Freeze working rows into a Matrix, explaining an overflow instead of showing ``inf``.

    Working rows hold one number system (``kind``) already, so they are not checked entry by
    entry as a user's input would be: fractions are always finite, floats and complex numbers
    are only checked for an overflow. (Without ``kind`` every entry is checked.) This runs
    after every recorded row operation, so its speed is the speed of :func:`rref`.
    """
    if kind is None:
        try:
            return Matrix(rows)
        except NonFiniteError:
            raise FloatRangeError(_RANGE_MESSAGE) from None
    frozen = tuple(map(tuple, rows))
    if kind is not Fraction:
        isfinite = math.isfinite if kind is float else cmath.isfinite
        if not all(map(isfinite, chain.from_iterable(frozen))):
            raise FloatRangeError(_RANGE_MESSAGE)
    return Matrix._trusted(frozen)


def _check_finite(rows) -> None:
    if not all(cmath.isfinite(x) for row in rows for x in row):
        raise FloatRangeError(_RANGE_MESSAGE)


# -- elimination ------------------------------------------------------------------------------

def _elementary(m: int, kind, changes: dict) -> Matrix:
    """The m×m identity with the given entries changed: the matrix of one row operation."""
    one, zero = _ONE_ZERO[kind]
    return _as_matrix([[changes.get((i, j), one if i == j else zero) for j in range(m)]
                       for i in range(m)], kind)


_ONE_ZERO = {kind: (kind(1), kind(0)) for kind in (Fraction, float, complex)}


def _add_label(target: int, source: int, k) -> str:
    """``R2 ← R2 − 3·R1`` for "subtract k times row ``source`` from row ``target``"."""
    sign, size = ("+", -k) if is_negative(k) else ("−", k)
    term = f"R{source + 1}" if size == 1 else f"{coefficient_text(size)}·R{source + 1}"
    return f"R{target + 1} ← R{target + 1} {sign} {term}"


def _eliminate(rows, kind, tolerance: float, pivot_columns: int, steps: list | None):
    """Gauss–Jordan on ``rows`` in place, taking pivots only from the first ``pivot_columns``.

    For each column: bring a pivot row up (swap), divide it by the pivot so the pivot is 1,
    then subtract multiples of it from every other row to clear the column. Float entries at or
    below the tolerance in rows still waiting for a pivot are set to exact zeros as soon as they
    appear, so rounding noise never grows into a fake pivot. Returns the pivot columns and the
    factors the determinant was divided by (−1 per swap, p per division by a pivot p). If
    ``steps`` is a list, appends one RowOperation per operation.

    Only the first ``pivot_columns`` columns are measured against the tolerance: the columns
    beside them (the identity of [M | I], the b of [A | b]) can be of a quite different size —
    for M with entries of 1e300, M⁻¹ has entries of 1e-300, which are not noise.
    """
    m = len(rows)
    one, zero = kind(1), kind(0)
    pivots: list[int] = []
    factors = []
    for column in range(pivot_columns):
        r = len(pivots)
        if r == m:
            break
        p = _pivot_row(rows, r, column, kind, tolerance)
        if p is None:  # no pivot here: a free column; its leftover rounding noise is zero
            for i in range(r, m):
                rows[i][column] = zero
            continue
        if p != r:
            rows[r], rows[p] = rows[p], rows[r]
            factors.append(-one)
            if steps is not None:
                E = _elementary(m, kind, {(r, r): zero, (p, p): zero, (r, p): one, (p, r): one})
                steps.append(RowOperation("swap", f"R{r + 1} ↔ R{p + 1}", E, _as_matrix(rows, kind)))
        pivot = rows[r][column]
        if pivot != 1:
            rows[r] = [x / pivot for x in rows[r]]
            rows[r][column] = one
            factors.append(pivot)
            if steps is not None:
                factor = one / pivot
                label = f"R{r + 1} ← {coefficient_text(factor)}·R{r + 1}"
                steps.append(RowOperation("scale", label, _elementary(m, kind, {(r, r): factor}),
                                          _as_matrix(rows, kind)))
        for i in range(m):
            k = rows[i][column]
            if i != r and k != 0:
                rows[i] = [x - k * y for x, y in zip(rows[i], rows[r])]
                rows[i][column] = zero
                if i > r and kind is not Fraction:  # noise in the columns pivots come from
                    row = rows[i]
                    for j in range(column + 1, pivot_columns):
                        if abs(row[j]) <= tolerance:
                            row[j] = zero
                if steps is not None:
                    steps.append(RowOperation("add", _add_label(i, r, k),
                                              _elementary(m, kind, {(i, r): -k}), _as_matrix(rows, kind)))
        pivots.append(column)
    if kind is not Fraction:
        _check_finite(rows)
    return tuple(pivots), factors


def _reduce(M: Matrix, tolerance, pivot_columns: int | None = None, steps: list | None = None):
    """Row-reduce M; returns (rows, pivots, kind) with float noise in the result snapped to 0."""
    rows, kind = _working_rows(M)
    if kind is Fraction:
        pivots, _ = _eliminate(rows, kind, 0.0, pivot_columns or M.shape[1], steps)
        return rows, pivots, kind
    scale = _size(M.rows)
    tolerance = default_tolerance(M) if tolerance is None else tolerance
    pivots, _ = _eliminate(rows, kind, tolerance, pivot_columns or M.shape[1], steps)
    # what counts as zero in the result: the same size relative to ‖result‖ as tolerance is to ‖M‖
    _snap(rows, tolerance / scale * _size(rows))
    return rows, pivots, kind


def rref(M: Matrix, tolerance: float | None = None) -> RrefResult:
    """Gauss–Jordan elimination to reduced row echelon form, recording every row operation.

    ``pivots`` lists the pivot columns (0-based); the rank is their number. For float matrices
    ``tolerance`` (default :func:`default_tolerance`) is how small a pivot candidate may be
    before it counts as zero; entries of the result that are as small, relative to the size of
    the result, are snapped to exact ``0.0``. Exact matrices ignore it: a Fraction is zero or
    it is not.

    >>> result = rref(Matrix([[2, 4, 2], [1, 2, 3]]))
    >>> print(result.matrix)
    [ 1  2  0 ]
    [ 0  0  1 ]
    >>> result.pivots                 # column 2 is free: it is 2 × column 1
    (0, 2)
    >>> step = result.steps[0]
    >>> step.kind, step.label, step.matrix
    ('scale', 'R1 ← (1/2)·R1', Matrix([[1/2, 0], [0, 1]]))
    >>> step.matrix @ Matrix([[2, 4, 2], [1, 2, 3]]) == step.result
    True
    >>> rref(Matrix([[1.0, 1.0], [1.0, 1.0 + 1e-15]])).pivots   # 1e-15 is below the tolerance
    (0,)
    """
    steps: list[RowOperation] = []
    rows, pivots, kind = _reduce(M, tolerance, steps=steps)
    return RrefResult(_as_matrix(rows, kind), pivots, tuple(steps))


def rank(M: Matrix, tolerance: float | None = None) -> int:
    """The number of pivots: how many dimensions the image of M has.

    >>> rank(Matrix([[1, 2], [2, 4]])), rank(Matrix.identity(3)), rank(Matrix.zeros(2, 3))
    (1, 3, 0)
    """
    return len(_reduce(M, tolerance)[1])


def _null_basis(rows, pivots: tuple, n: int, kind) -> tuple:
    """One null-space vector per free column f: set x_f = 1, the other free variables to 0,
    and read each pivot variable off its row of the RREF (x_pivot = −entry in column f)."""
    one, zero = kind(1), kind(0)
    basis = []
    for free in (j for j in range(n) if j not in pivots):
        x = [zero] * n
        x[free] = one
        for r, p in enumerate(pivots):
            x[p] = zero - rows[r][free]
        basis.append(Vector(x))
    return tuple(basis)


def null_space(M: Matrix, tolerance: float | None = None) -> tuple:
    """A basis of the null space {x : M x = 0}, the inputs that M squashes to the origin.

    One vector per free column of the RREF, with that free variable 1 and the others 0; exact
    for exact M. An empty tuple means only x = 0 is sent to 0 (the columns are independent).

    >>> null_space(Matrix([[1, 2], [2, 4]]))          # −2·column 1 + column 2 = 0
    (Vector([-2, 1]),)
    >>> null_space(Matrix([[1, 0], [0, 1]]))
    ()
    """
    rows, pivots, kind = _reduce(M, tolerance)
    return _null_basis(rows, pivots, M.shape[1], kind)


def column_space(M: Matrix, tolerance: float | None = None) -> tuple:
    """A basis of the column space (everything M can output): the pivot columns of M itself.

    >>> column_space(Matrix([[1, 2, 0], [2, 4, 1]]))
    (Vector([1, 2]), Vector([0, 1]))
    """
    return tuple(M.column(p) for p in _reduce(M, tolerance)[1])


# -- determinant ------------------------------------------------------------------------------

def _magnitude_text(log10_size: float) -> str:
    """``1e600`` for a number whose base-10 logarithm is about 600."""
    exponent = math.floor(log10_size)
    mantissa = round(10 ** (log10_size - exponent), 2)
    if mantissa >= 10:
        mantissa, exponent = mantissa / 10, exponent + 1
    return f"{mantissa:g}e{exponent}"


def _range_error(log10_size: float) -> FloatRangeError:
    """The error for a determinant a float cannot hold, saying how big or small it really is."""
    size = _magnitude_text(log10_size)
    if log10_size > 0:
        return FloatRangeError(f"det ≈ ±{size} is too large for a float (the largest is about "
                               f"1.8e308), so no float answer would be right")
    return FloatRangeError(f"det ≈ ±{size} is too small for a float (the smallest is about "
                           f"5e-324), yet it is not zero: the matrix is invertible")


def _float_of(value: Fraction) -> float:
    """Round an exact rational to the nearest float, refusing to overflow or to underflow to 0."""
    try:
        result = float(value)
    except OverflowError:
        result = math.inf
    if math.isinf(result) or (result == 0 and value != 0):
        raise _range_error(math.log10(abs(value.numerator)) - math.log10(value.denominator))
    return result


def _product(factors: list, kind):
    """Π factors, exact for fractions and rounded once for floats; never a false inf or 0."""
    if kind is Fraction:
        return math.prod(factors, start=Fraction(1))
    if not all(cmath.isfinite(f) for f in factors):
        raise FloatRangeError(_RANGE_MESSAGE)
    if kind is float:  # a float is an exact rational: multiply exactly, round at the end
        return _float_of(math.prod((Fraction(f) for f in factors), start=Fraction(1)))
    value = math.prod(factors, start=complex(1))
    if not cmath.isfinite(value) or value == 0:
        raise _range_error(sum(math.log10(abs(f)) for f in factors))
    return value


def det(M: Matrix, tolerance: float | None = None):
    """The determinant, by the same elimination that reduces M to the identity.

    det M is the factor by which M scales areas (volumes in 3D); its sign says whether M
    flips orientation. Each row operation changes it in a known way: a swap negates it,
    dividing a row by p divides it by p, adding a multiple of one row to another leaves it
    alone. The reduction ends at I, whose det is 1, so det M = (−1)^swaps × Π pivots — or 0 if
    some column has no pivot. Exact input gives an exact ``Fraction``. For floats a pivot at
    or below the tolerance (default :func:`default_tolerance`) counts as zero, exactly as in
    :func:`rank` and :func:`inverse`, so det = 0.0 just when the rank drops; a determinant
    beyond the float range raises :class:`FloatRangeError` rather than show ``inf`` or a
    false ``0.0``.

    >>> det(Matrix([[3, 0], [0, 2]]))              # stretch x by 3 and y by 2: areas ×6
    Fraction(6, 1)
    >>> det(Matrix([[0, 1], [1, 0]]))              # a mirror flips orientation
    Fraction(-1, 1)
    >>> det(Matrix([[1, 2], [2, 4]]))              # columns on one line: area 0
    Fraction(0, 1)
    >>> det(Matrix([[1e300, 0.0], [0.0, 1e300]]))
    Traceback (most recent call last):
        ...
    kernels.errors.FloatRangeError: det ≈ ±1e600 is too large for a float (the largest is about 1.8e308), so no float answer would be right
    """  # noqa: E501 (a doctest's exception message is one line)
    n = M.require_square("the determinant")
    rows, kind = _working_rows(M)
    tolerance = default_tolerance(M) if tolerance is None else tolerance
    pivots, factors = _eliminate(rows, kind, tolerance, n, None)
    if len(pivots) < n:
        return kind(0)
    return _product(factors, kind)


def _laplace(rows, zero):
    """Σⱼ (−1)ʲ · a₀ⱼ · det(minor₀ⱼ), recursing down to 1×1; zero entries are skipped."""
    if len(rows) == 1:
        return rows[0][0]
    total = zero
    for j, a in enumerate(rows[0]):
        if a != 0:
            term = a * _laplace([row[:j] + row[j + 1:] for row in rows[1:]], zero)
            total = total - term if j % 2 else total + term
    return total


def det_cofactor(M: Matrix):
    """The determinant by Laplace (cofactor) expansion along the first row, for teaching.

    det M = Σⱼ (−1)ʲ · M[0][j] · det(M without row 0 and column j). Each n×n determinant needs
    n determinants of size n−1, so the work grows like n! — fine for 3×3, hopeless for 20×20
    — which is why :func:`det` eliminates instead. Refuses n > 8. Float entries are expanded
    as the exact rationals they are and rounded once, so this is a reference for :func:`det`.

    >>> det_cofactor(Matrix([[1, 2], [3, 4]]))      # 1·4 − 2·3
    Fraction(-2, 1)
    >>> det_cofactor(Matrix([[2, 0, 0], [0, 3, 0], [0, 0, 4]]))
    Fraction(24, 1)
    """
    n = M.require_square("the determinant")
    if n > COFACTOR_LIMIT:
        raise ShapeError(
            f"cofactor expansion of a {n}×{n} matrix needs {math.factorial(n):,} products "
            f"(the work grows like n!), so it is kept for matrices up to "
            f"{COFACTOR_LIMIT}×{COFACTOR_LIMIT}; det() uses elimination, about n³/3 steps")
    rows, kind = _working_rows(M)
    if kind is float:
        return _float_of(_laplace([[Fraction(x) for x in row] for row in rows], Fraction(0)))
    value = _laplace(rows, kind(0))
    if kind is complex and not cmath.isfinite(value):
        raise FloatRangeError("det is too large for a float (the largest is about 1.8e308)")
    return value


def cofactor_expansion_steps(M: Matrix) -> tuple:
    """The first-row cofactor expansion written out, one line per stage, for a "Steps" view.

    >>> for line in cofactor_expansion_steps(Matrix([[1, 2], [3, 4]])):
    ...     print(line)
    det = 1·det[[4]] − 2·det[[3]]
        = 1·4 − 2·3
        = −2
    """
    total = det_cofactor(M)  # checks the shape and the size first
    n = M.shape[0]
    if n == 1:
        return (f"det = {scalar_text(total)}",)
    expansion, values = [], []
    for j, a in enumerate(M.rows[0]):
        minor = [row[:j] + row[j + 1:] for row in M.rows[1:]]
        sign = "" if j == 0 else (" − " if j % 2 else " + ")
        expansion.append(f"{sign}{coefficient_text(a)}·det{matrix_text(minor)}")
        value = det_cofactor(Matrix(minor))
        values.append(f"{sign}{coefficient_text(a)}·{coefficient_text(value)}")
    return ("det = " + "".join(expansion), "    = " + "".join(values),
            "    = " + scalar_text(total))


# -- inverse ----------------------------------------------------------------------------------

def _squash_phrase(n: int, rank_: int) -> str:
    """What an n×n matrix of rank ``rank_`` does to space, in words."""
    if n <= 3:
        whole = {1: "the number line", 2: "the plane", 3: "space"}[n]
        onto = {0: "a single point", 1: "a line", 2: "a plane"}[rank_]
        return f"squashes {whole} onto {onto}"
    return f"squashes {n}-dimensional space into {rank_} dimension{'' if rank_ == 1 else 's'}"


def _singular_message(rows, pivots: tuple, n: int, exact: bool) -> str:
    """Why a matrix with these RREF rows has no inverse: name a dependent column."""
    equals = "=" if exact else "≈"
    free = next(j for j in range(n) if j not in pivots)
    terms = [(rows[r][free], f"column {p + 1}") for r, p in enumerate(pivots) if rows[r][free] != 0]
    if terms:
        relation = combination_text([c for c, _ in terms], [name for _, name in terms])
        reason = f"the columns are dependent (column {free + 1} {equals} {relation})"
    elif pivots:
        reason = f"column {free + 1} is all zeros" if exact else f"column {free + 1} ≈ 0"
    else:
        reason = "every column is zero" if exact else "every column ≈ 0"
    squash = _squash_phrase(n, len(pivots))
    return f"det {equals} 0: {reason}, so the matrix {squash} and cannot be undone"


def _invert(M: Matrix, tolerance, steps: list | None) -> Matrix:
    """Gauss–Jordan on [M | I], pivoting only in M's columns; the right half becomes M⁻¹."""
    n = M.require_square("the inverse")
    rows, kind = _working_rows(M)
    one, zero = kind(1), kind(0)
    augmented = [row + [one if i == j else zero for j in range(n)] for i, row in enumerate(rows)]
    if kind is not Fraction:  # measured against M, not against the identity beside it
        tolerance = default_tolerance(M) if tolerance is None else tolerance
    pivots, _ = _eliminate(augmented, kind, tolerance, n, steps)
    if len(pivots) < n:
        raise SingularMatrixError(_singular_message(augmented, pivots, n, kind is Fraction))
    result = [row[n:] for row in augmented]
    if kind is not Fraction:
        _snap(result, tolerance / _size(M.rows) * _size(result))
    return _as_matrix(result, kind)


def inverse(M: Matrix, tolerance: float | None = None) -> Matrix:
    """M⁻¹, the matrix that undoes M, by Gauss–Jordan elimination on [M | I].

    The row operations that turn M into I, applied to I, build M⁻¹. If a column has no pivot
    (for floats: none above the tolerance) M squashes space flat and nothing can undo it:
    :class:`SingularMatrixError` says which column depends on the others.

    >>> inverse(Matrix([[2, 1], [1, 1]]))
    Matrix([[1, -1], [-1, 2]])
    >>> inverse(Matrix([[1, 2], [2, 4]]))
    Traceback (most recent call last):
        ...
    kernels.errors.SingularMatrixError: det = 0: the columns are dependent (column 2 = 2·column 1), so the matrix squashes the plane onto a line and cannot be undone
    """  # noqa: E501 (a doctest's exception message is one line)
    return _invert(M, tolerance, None)


def inverse_steps(M: Matrix, tolerance: float | None = None) -> InverseResult:
    """M⁻¹ together with the row operations on [M | I]; the product of their E's is M⁻¹.

    >>> result = inverse_steps(Matrix([[2, 0], [0, 4]]))
    >>> [step.label for step in result.steps]
    ['R1 ← (1/2)·R1', 'R2 ← (1/4)·R2']
    >>> result.steps[1].matrix @ result.steps[0].matrix == result.inverse
    True
    """
    steps: list[RowOperation] = []
    matrix = _invert(M, tolerance, steps)
    return InverseResult(matrix, tuple(steps))


# -- solving A x = b ---------------------------------------------------------------------------

def _parametric_text(particular: Vector, directions: tuple) -> str:
    """``x = (1, 0) + s·(−2, 1)``: the particular solution plus free multiples of each direction."""
    count = len(directions)
    names = ("s", "t", "u") if count <= 3 else tuple(f"s{i + 1}" for i in range(count))
    terms = "".join(f" + {name}·{vector_text(d)}" for name, d in zip(names, directions))
    return f"x = {vector_text(particular)}{terms}"


def solve(A: Matrix, b, tolerance: float | None = None) -> SolveResult:
    """All solutions of A x = b, found by reducing the augmented matrix [A | b].

    A pivot in the b column means a row reads 0 = 1: no solution, b is not a combination of
    the columns of A. Otherwise set the free variables to 0 for one particular solution; each
    free column adds a direction along which x can move without changing A x.

    >>> solve(Matrix([[1, 1], [1, -1]]), [3, 1]).explanation
    'x = (2, 1): the only solution, because the columns of A are independent'
    >>> result = solve(Matrix([[1, 2], [2, 4]]), [1, 2])
    >>> result.kind, result.solution, result.directions
    ('infinite', Vector([1, 0]), (Vector([-2, 1]),))
    >>> result.explanation
    'x = (1, 0) + s·(−2, 1): a whole line of solutions, because the columns of A are dependent'
    >>> solve(Matrix([[1, 2], [2, 4]]), [1, 0]).explanation
    'no solution: b is not in the column space of A (elimination turns one equation into 0 = 1)'
    """
    b = b if isinstance(b, Vector) else Vector(b)
    m, n = A.shape
    if len(b) != m:
        raise ShapeError(f"A has {m} rows (one equation each), so b needs {m} components, "
                         f"not {len(b)}")
    steps: list[RowOperation] = []
    augmented = Matrix([list(row) + [entry] for row, entry in zip(A.rows, b)])
    rows, pivots, kind = _reduce(augmented, tolerance, steps=steps)
    if n in pivots:
        return SolveResult("none", None, (), "no solution: b is not in the column space of A "
                           "(elimination turns one equation into 0 = 1)", tuple(steps))
    x = [kind(0)] * n
    for r, p in enumerate(pivots):
        x[p] = rows[r][n]
    particular = Vector(x)
    directions = _null_basis([row[:n] for row in rows], pivots, n, kind)
    if not directions:
        return SolveResult("unique", particular, (), f"x = {vector_text(particular)}: the only "
                           "solution, because the columns of A are independent", tuple(steps))
    family = {1: "a whole line", 2: "a whole plane"}.get(len(directions),
                                                          f"a {len(directions)}-dimensional family")
    explanation = (f"{_parametric_text(particular, directions)}: {family} of solutions, "
                   "because the columns of A are dependent")
    return SolveResult("infinite", particular, directions, explanation, tuple(steps))
