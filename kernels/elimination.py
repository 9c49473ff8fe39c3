"""Row reduction: the one algorithm behind rank, null space, determinant, inverse and solve.

Three elementary row operations — swap two rows, scale a row by a nonzero number, add a
multiple of one row to another — never change the solutions of ``M x = 0``. Gauss–Jordan
elimination uses them to reach the *reduced row echelon form* (RREF): every pivot is 1 and is
the only nonzero entry in its column. The rank, a basis of the null space, the inverse and
the solutions of ``A x = b`` can then be read off.

Exact (``Fraction``) matrices are reduced exactly: a pivot is zero or it is not. Float matrices
use *partial pivoting* — the largest entry in the column becomes the pivot, which keeps rounding
errors small — and count an entry as zero when it is at most the tolerance, because after
rounding a true zero rarely comes out as exactly ``0.0``. "At most" is judged after
*equilibration*: as if every row and column had first been scaled by a power of two to a
largest entry near 1, so a tiny pivot beside huge ones (1e-200 beside 1e200) is not mistaken
for noise. Complex entries work the same way, comparing ``abs()``.

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


class _Scales:
    """Powers of two that bring each row, then each column, to a largest entry near 1.

    Multiplying a row or a column by a power of two changes no rank and rounds nothing. So
    elimination runs on M itself, while every "is this zero?" is decided as if on the
    scaled matrix (*equilibration*): entry (i, j) is measured as |x|·2^(rows[i] + columns[j]).
    Then 1e-200 beside 1e200 on a diagonal is seen for what it is, an honest pivot, and
    ``det([[1e200, 0], [0, 1e-200]])`` is 1 — not 0 because 1e-200 is small next to 1e200.

    >>> scales = _Scales([[1e200, 0.0], [0.0, 1e-200]], 2)
    >>> round(scales.measure(1e200, 0, 0), 2), round(scales.measure(1e-200, 1, 1), 2)
    (0.65, 0.77)
    """

    def __init__(self, rows, pivot_columns: int):
        self.rows = [-_exponent(max((abs(x) for x in row[:pivot_columns]), default=0.0)) for row in rows]
        # in whole exponents, not floats: 1e-200 in a row scaled by 2⁻⁶⁶⁵ is below every float
        self.columns = [-max((_exponent(abs(row[j])) + e for row, e in zip(rows, self.rows) if row[j] != 0),
                             default=0)
                        for j in range(len(rows[0]))]

    def scale_columns(self, rows, kind, pivot_columns: int) -> None:
        """Multiply the pivot columns by their powers of two, for real, when their sizes differ
        by more than 2^``_SPREAD_LIMIT``: then a tiny column is an honest pivot column, and
        dividing by its pivot would overflow the others. ``applied[j]`` records the exponent, so
        that the results can be scaled back exactly. (Ordinary matrices are never scaled.)"""
        self.applied = [0] * len(rows[0])
        exponents = self.columns[:pivot_columns]
        if max(exponents) - min(exponents) <= _SPREAD_LIMIT:
            return
        for j in range(pivot_columns):
            e = max(-1000, min(1000, self.columns[j]))
            self.applied[j], self.columns[j] = e, self.columns[j] - e
        for row in rows:
            for j in range(pivot_columns):
                row[j] = _ldexp(row[j], self.applied[j], kind)

    def measure(self, x, i: int, j: int) -> float:
        """|x| in the units of the scaled matrix."""
        return _times_power(abs(x), self.rows[i] + self.columns[j])

    def swap(self, r: int, p: int) -> None:
        self.rows[r], self.rows[p] = self.rows[p], self.rows[r]

    def normalised(self, r: int, column: int) -> None:
        """Row r was divided by its pivot in ``column``: in scaled units that pivot is 1 now."""
        self.rows[r] = -self.columns[column]

    def snap(self, rows, threshold: float) -> None:
        """Replace entries whose scaled size is at most ``threshold`` by exact zeros."""
        for i, row in enumerate(rows):
            for j, x in enumerate(row):
                if x != 0 and self.measure(x, i, j) <= threshold:
                    row[j] = 0.0 * x

    def size(self, rows) -> float:
        """‖scaled rows‖_F, like :func:`_size`."""
        return _size([[self.measure(x, i, j) for j, x in enumerate(row)] for i, row in enumerate(rows)])


def _ldexp(x, e: int, kind):
    """x·2ᵉ for a float or a complex number (exact, unless it leaves the float range)."""
    if kind is complex:
        return complex(math.ldexp(x.real, e), math.ldexp(x.imag, e))
    return math.ldexp(x, e)


def _exponent(x: float) -> int:
    """The e with 2ᵉ⁻¹ ≤ x < 2ᵉ (0 for x = 0)."""
    return math.frexp(x)[1] if x else 0


def _times_power(x: float, e: int) -> float:
    """x·2ᵉ for x ≥ 0, saturating at about 1e301 instead of overflowing."""
    mantissa, exponent = math.frexp(x)
    return math.ldexp(mantissa, min(exponent + e, 1000))


def _pivot_row(rows, start: int, column: int, kind, tolerance: float, scales: "_Scales | None" = None):
    """The row (from ``start`` down) to take the pivot in ``column`` from, or None if all are zero.

    Exact: the first nonzero entry. Floats: the largest |entry| (partial pivoting) among those
    above the tolerance — measured after equilibration when ``scales`` are given.
    """
    if kind is Fraction:
        return next((i for i in range(start, len(rows)) if rows[i][column] != 0), None)
    if scales is None:
        best = max(range(start, len(rows)), key=lambda i: abs(rows[i][column]))
        return best if abs(rows[best][column]) > tolerance else None
    nonzero = [i for i in range(start, len(rows)) if scales.measure(rows[i][column], i, column) > tolerance]
    return max(nonzero, key=lambda i: abs(rows[i][column])) if nonzero else None


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


def row_addition_label(target: int, source: int, k) -> str:
    """``R2 ← R2 − 3·R1`` for "subtract k times row ``source`` from row ``target``"."""
    sign, size = ("+", -k) if is_negative(k) else ("−", k)
    term = f"R{source + 1}" if size == 1 else f"{coefficient_text(size)}·R{source + 1}"
    return f"R{target + 1} ← R{target + 1} {sign} {term}"


def _eliminate(rows, kind, tolerance: float, pivot_columns: int, steps: list | None,
               scales: _Scales | None = None):
    """Gauss–Jordan on ``rows`` in place, taking pivots only from the first ``pivot_columns``.

    For each column: bring a pivot row up (swap), divide it by the pivot so the pivot is 1,
    then subtract multiples of it from every other row to clear the column. Float entries at or
    below the tolerance in rows still waiting for a pivot are set to exact zeros as soon as they
    appear, so rounding noise never grows into a fake pivot. Returns the pivot columns and the
    factors the determinant was divided by (−1 per swap, p per division by a pivot p). If
    ``steps`` is a list, appends one RowOperation per operation.

    Only the first ``pivot_columns`` columns are measured against the tolerance: the columns
    beside them (the identity of [M | I], the b of [A | b]) can be of a quite different size —
    for M with entries of 1e300, M⁻¹ has entries of 1e-300, which are not noise. With
    ``scales`` every float entry is measured after equilibration (see :class:`_Scales`).
    """
    m = len(rows)
    one, zero = kind(1), kind(0)
    pivots: list[int] = []
    factors: list = []
    if scales is not None and max(scales.rows) - min(scales.rows) > _SPREAD_LIMIT:
        _scale_rows(rows, kind, scales, factors, steps)
    for column in range(pivot_columns):
        r = len(pivots)
        if r == m:
            break
        p = _pivot_row(rows, r, column, kind, tolerance, scales)
        if p is None:  # no pivot here: a free column; its leftover rounding noise is zero
            for i in range(r, m):
                rows[i][column] = zero
            continue
        if p != r:
            rows[r], rows[p] = rows[p], rows[r]
            if scales is not None:
                scales.swap(r, p)
            factors.append(-one)
            if steps is not None:
                E = _elementary(m, kind, {(r, r): zero, (p, p): zero, (r, p): one, (p, r): one})
                steps.append(RowOperation("swap", f"R{r + 1} ↔ R{p + 1}", E, _as_matrix(rows, kind)))
        pivot = rows[r][column]
        if scales is not None:
            scales.normalised(r, column)
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
                        size = abs(row[j]) if scales is None else scales.measure(row[j], i, j)
                        if size <= tolerance:
                            row[j] = zero
                if steps is not None:
                    steps.append(RowOperation("add", row_addition_label(i, r, k),
                                              _elementary(m, kind, {(i, r): -k}), _as_matrix(rows, kind)))
        pivots.append(column)
    if kind is not Fraction:
        _check_finite(rows)
    return tuple(pivots), factors


#: Rows or columns whose sizes differ by more than 2^this get equilibrated decisions. Below it
#: the plain tolerance, relative to the whole matrix, already judges every entry fairly (and is
#: cheaper): an entry it calls zero is below 2²⁰·n²·ε ≈ 1e-9 of its own row and column.
_EQUILIBRATE_BEYOND = 20


def _float_setup(M: Matrix, rows, tolerance, pivot_columns: int) -> tuple:
    """(tolerance, scales) for a float elimination. With a tolerance given: that one, on M as
    it is. Without: :func:`default_tolerance` for a matrix whose rows and columns are of
    similar sizes, else the default tolerance of the equilibrated matrix (see :class:`_Scales`).
    """
    if tolerance is not None:
        return tolerance, None
    sizes = [abs(x) for row in rows for x in row[:pivot_columns] if x]
    if not sizes or max(sizes) <= min(sizes) * 2 ** _EQUILIBRATE_BEYOND:  # then so are rows, columns
        return default_tolerance(M), None
    scales = _Scales(rows, pivot_columns)
    used = [e for e, row in zip(scales.rows, rows) if any(row[:pivot_columns])]
    columns = [e for j, e in enumerate(scales.columns[:pivot_columns]) if any(row[j] for row in rows)]
    if max(used, default=0) - min(used, default=0) <= _EQUILIBRATE_BEYOND and \
            max(columns, default=0) - min(columns, default=0) <= _EQUILIBRATE_BEYOND:
        return default_tolerance(M), None
    scales.scale_columns(rows, float if all(type(x) is float for row in rows for x in row) else complex,
                         pivot_columns)
    scaled = [[scales.measure(x, i, j) for j, x in enumerate(row[:pivot_columns])]
              for i, row in enumerate(rows)]
    return max(M.shape[0], pivot_columns) ** 2 * EPSILON * _size(scaled), scales


#: Rows (or columns) whose sizes differ by more than 2^this are first scaled to a common size:
#: subtracting a multiple of a row of 1e200s from a row of 1e-200s would pass through 1e-400,
#: which a float cannot hold (it becomes 0, and the answer is wrong).
_SPREAD_LIMIT = 500


def _scale_rows(rows, kind, scales: _Scales, factors: list, steps: list | None) -> None:
    """Multiply each row by the power of two that brings its largest entry near 1.

    These are row operations like any other (``R1 ← 2⁻⁶⁶⁵·R1``): exact, recorded as steps,
    and each multiplies the determinant by its factor, so det is divided by it at the end.
    """
    m = len(rows)
    for i in range(m):
        e = max(-1000, min(1000, scales.rows[i]))
        if e == 0:
            continue
        rows[i] = [complex(math.ldexp(x.real, e), math.ldexp(x.imag, e)) if kind is complex
                   else math.ldexp(x, e) for x in rows[i]]
        scales.rows[i] -= e
        factor = kind(math.ldexp(1.0, e))
        factors.append(1 / factor)
        if steps is not None:
            label = f"R{i + 1} ← {coefficient_text(factor)}·R{i + 1}"
            steps.append(RowOperation("scale", label, _elementary(m, kind, {(i, i): factor}),
                                      _as_matrix(rows, kind)))


def _reduce(M: Matrix, tolerance, pivot_columns: int | None = None, steps: list | None = None,
            unscale: bool = True):
    """Row-reduce M; returns (rows, pivots, kind) with float noise in the result snapped to 0.

    (``unscale=False`` is for callers that need only the pivots: scaled columns are not
    scaled back, which could overflow where M's own RREF holds a number beyond the float range.)
    """
    rows, kind = _working_rows(M)
    pivot_columns = pivot_columns or M.shape[1]
    if kind is Fraction:
        pivots, _ = _eliminate(rows, kind, 0.0, pivot_columns, steps)
        return rows, pivots, kind
    tolerance, scales = _float_setup(M, rows, tolerance, pivot_columns)
    before = _size(M.rows) if scales is None else scales.size(rows)
    pivots, _ = _eliminate(rows, kind, tolerance, pivot_columns, steps, scales)
    # what counts as zero in the result: the same size relative to ‖result‖ as tolerance is to ‖M‖
    if scales is None:
        _snap(rows, tolerance / before * _size(rows))
        return rows, pivots, kind
    scales.snap(rows, tolerance / before * scales.size(rows))
    if unscale and any(scales.applied):  # the RREF of M·D: column j of M's own RREF is that
        try:                               # column / dⱼ, each row rescaled to a pivot of 1 again
            for r, p in enumerate(pivots):
                rows[r] = [_ldexp(x, scales.applied[p] - scales.applied[j], kind)
                           for j, x in enumerate(rows[r])]
        except OverflowError:
            raise FloatRangeError(_RANGE_MESSAGE) from None
    return rows, pivots, kind


def pivot_columns(M: Matrix) -> tuple:
    """The pivot columns of M's RREF (0-based), as :func:`rref` finds them, without the RREF
    itself (which for floats may hold numbers beyond the float range).

    >>> pivot_columns(Matrix([[1, 2, 3], [2, 4, 7]]))
    (0, 2)
    """
    return _reduce(M, None, unscale=False)[1]


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
    return len(_reduce(M, tolerance, unscale=False)[1])


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
    scales = None
    if kind is not Fraction:
        tolerance, scales = _float_setup(M, rows, tolerance, n)
    pivots, factors = _eliminate(rows, kind, tolerance or 0.0, n, None, scales)
    if len(pivots) < n:
        return kind(0)
    if scales is not None:  # det(M·D) = det(M)·Π dⱼ
        factors += [math.ldexp(1.0, -e) for e in scales.applied if e]
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
    scales = None
    if kind is not Fraction:  # measured against M, not against the identity beside it
        tolerance, scales = _float_setup(M, augmented, tolerance, n)
        before = _size(M.rows) if scales is None else scales.size([row[:n] for row in augmented])
    pivots, _ = _eliminate(augmented, kind, tolerance or 0.0, n, steps, scales)
    if len(pivots) < n:
        raise SingularMatrixError(_singular_message(augmented, pivots, n, kind is Fraction))
    if kind is not Fraction:
        if scales is None:
            result = [row[n:] for row in augmented]
            _snap(result, tolerance / before * _size(result))
        else:  # the right half is measured in the scales of [M | I] as a whole
            right = [[0.0 * x for x in row[:n]] + row[n:] for row in augmented]
            scales.snap(right, tolerance / before * scales.size(right))
            # M·D was inverted: M⁻¹ = D·(M·D)⁻¹, row j times dⱼ
            try:
                result = [[_ldexp(x, scales.applied[j], kind) for x in row[n:]]
                          for j, row in enumerate(right)]
            except OverflowError:
                raise FloatRangeError(_RANGE_MESSAGE) from None
        return _as_matrix(result, kind)
    return _as_matrix([row[n:] for row in augmented], kind)


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
