"""Matrix multiplication four ways: the same sum, four lessons about cost.

Entry (i, j) of ``A @ B`` is the dot product of row i of A with column j of B:
``C[i][j] = Σ_k A[i][k]·B[k][j]``. All four functions compute exactly that, in the same
order of additions, so they agree to the last bit (and exactly for fractions):

* :func:`matmul_naive` — the definition, i-j-k: for each entry, a sum over k;
* :func:`matmul_ikj` — the loop order C tutorials call "optimized": it walks rows in memory
  order, which matters for a CPU cache and hardly at all for Python's lists;
* :func:`matmul_optimized` — what makes *Python* fast: fewer interpreted steps per term, and
  for exact input, whole numbers instead of fractions;
* :func:`matmul_blocked` — tiles, the way BLAS feeds a cache; in Python only bookkeeping.
"""

import math
import operator
import sys
from fractions import Fraction
from functools import reduce

from .errors import ShapeError
from .matrix import Matrix


def _check_inner(A: Matrix, B: Matrix) -> None:
    (m, k), (k2, n) = A.shape, B.shape
    if k != k2:
        raise ShapeError(
            f"cannot multiply a {m}×{k} by a {k2}×{n} matrix: the first needs as many "
            f"columns ({k}) as the second has rows ({k2})")


# sums start at an exact 0 so fractions stay fractions; for floats 0 + x == x exactly
ZERO = Fraction(0)


def _start(A: Matrix, B: Matrix):
    """Where every sum starts: 0.0 when all entries are floats, else the exact ``ZERO``.

    ``Fraction(0) + x`` gives the same float as ``0.0 + x``, but it goes through
    ``Fraction.__add__`` (slow Python code) and it keeps ``sum`` off its fast path for floats.
    Both products use the same start, so they still agree to the last bit.
    """
    if all(type(x) is float for M in (A, B) for row in M.rows for x in row):
        return 0.0
    return ZERO


if sys.version_info < (3, 12):
    def _dot(row, column, start):
        """start + row[0]·column[0] + row[1]·column[1] + …, added left to right, in C."""
        return sum(map(operator.mul, row, column), start)
else:  # from Python 3.12, sum() adds floats with a compensation term (more exact, other bits)
    def _dot(row, column, start):
        """start + row[0]·column[0] + row[1]·column[1] + …, added left to right, in C.

        (Not ``sum``: from Python 3.12 it adds floats with a compensation term, more exact
        but no longer the same bits as the plain left-to-right loop of ``matmul_naive``.)
        """
        return reduce(operator.add, map(operator.mul, row, column), start)


def _product_matrix(rows, start) -> Matrix:
    """Freeze computed rows into a Matrix, skipping the entry-by-entry check for floats.

    Sums of products of floats are floats already; the only thing that can go wrong is an
    overflow to ``inf`` (or ``inf − inf = nan``). A row's sum is finite exactly when all its
    entries are (an overflowing sum of finite entries is only a false alarm), so only a
    non-finite row sum sends the rows through the full check, which refuses ``inf``.
    """
    if type(start) is not float:
        return Matrix(rows)
    rows = tuple(map(tuple, rows))
    if all(math.isfinite(sum(row)) for row in rows):
        return Matrix._trusted(rows)
    return Matrix(rows)  # raises NonFiniteError for the inf or nan


def matmul_naive(A: Matrix, B: Matrix) -> Matrix:
    """The textbook triple loop: for each row i, each column j, sum over k.

    It teaches the definition and nothing else; every ``A.rows[i][k]`` is an indexing
    operation Python interprets afresh, n³ times.

    >>> matmul_naive(Matrix([[1, 2], [3, 4]]), Matrix([[0, 1], [1, 0]]))
    Matrix([[2, 1], [4, 3]])
    """
    _check_inner(A, B)
    (m, inner), n = A.shape, B.shape[1]
    a, b = A.rows, B.rows
    start = _start(A, B)
    result = []
    for i in range(m):
        row = []
        for j in range(n):
            total = start
            for k in range(inner):
                total = total + a[i][k] * b[k][j]
            row.append(total)
        result.append(row)
    return Matrix(result)


def matmul_ikj(A: Matrix, B: Matrix) -> Matrix:
    """The i-k-j loop order: row i of C gathers A[i][k] times row k of B, for k = 0, 1, ….

    This is the order most tutorials call "optimized": in C the inner loop then walks row k
    of B and row i of C straight through memory, which the CPU cache rewards, where the
    i-j-k order jumps down a column of B. Python's lists hold pointers to numbers scattered
    over the heap anyway, so the order barely matters here — the benchmark shows it. Entry
    (i, j) still adds its terms for k = 0, 1, … in turn, so the result is identical.

    >>> matmul_ikj(Matrix([[1, 2], [3, 4]]), Matrix([[0, 1], [1, 0]]))
    Matrix([[2, 1], [4, 3]])
    """
    _check_inner(A, B)
    n = B.shape[1]
    start = _start(A, B)
    result = []
    for a_row in A.rows:
        c_row = [start] * n
        for a, b_row in zip(a_row, B.rows):
            c_row = [c + a * b for c, b in zip(c_row, b_row)]
        result.append(c_row)
    return _product_matrix(result, start)


def _whole_numbers(M: Matrix) -> tuple:
    """(rows of whole numbers, d) with M = rows / d: an exact matrix over its common denominator."""
    d = math.lcm(*(x.denominator for row in M.rows for x in row))
    return [[x.numerator * (d // x.denominator) for x in row] for row in M.rows], d


def matmul_optimized(A: Matrix, B: Matrix) -> Matrix:
    """What a Python programmer does to make the loop fast, without changing the maths.

    Transpose B once so each column is a contiguous tuple, keep each row of A in a local
    variable, and let ``map(operator.mul, …)`` + ``sum`` run the inner loop in C (a Python
    ``lambda x, y: x * y`` there would cost a Python call per product). The result's entries
    are already kernel scalars, so they are not checked one by one again. Same additions,
    same order as :func:`matmul_naive`, about twice as fast because the interpreter does less.

    Exact input gets a second lesson: a ``Fraction`` operation is Python code that reduces
    by a gcd every time, while a whole-number product is one machine-level operation. So
    write A = A'/a and B = B'/b with whole-number A' and B' (a and b the common
    denominators), multiply whole numbers, and divide once per entry: A·B = (A'·B')/(a·b).
    Exact either way — and for 128×128 integers about ten times faster.

    >>> matmul_optimized(Matrix([[1, 2], [3, 4]]), Matrix([[0, 1], [1, 0]]))
    Matrix([[2, 1], [4, 3]])
    >>> matmul_optimized(Matrix([[Fraction(1, 2), 1]]), Matrix([[Fraction(2, 3)], [Fraction(1, 6)]]))
    Matrix([[1/2]])
    """
    _check_inner(A, B)
    start = _start(A, B)
    if start is ZERO and A.is_exact and B.is_exact:
        (a_rows, a), (b_rows, b) = _whole_numbers(A), _whole_numbers(B)
        columns = tuple(zip(*b_rows))
        d = a * b  # one Fraction, with its gcd, per entry: n² instead of n³
        rows = [[Fraction(sum(map(operator.mul, row, column)), d) for column in columns] for row in a_rows]
        return Matrix._trusted(tuple(map(tuple, rows)))
    columns = tuple(zip(*B.rows))
    return _product_matrix([[_dot(row, column, start) for column in columns] for row in A.rows],
                           start)


def matmul_blocked(A: Matrix, B: Matrix, block: int = 32) -> Matrix:
    """Tiled multiplication, the way BLAS organises the work for the CPU cache.

    Split the k-range into tiles of ``block`` and carry each running sum from tile to tile.
    In C this keeps the working set in cache; in pure Python every number is a boxed
    object anyway, so the tiling mostly adds bookkeeping — the benchmark shows it. The
    additions still happen in the same order, so the result is identical.

    >>> matmul_blocked(Matrix([[1, 2], [3, 4]]), Matrix([[0, 1], [1, 0]]), block=1)
    Matrix([[2, 1], [4, 3]])
    """
    if block < 1:
        raise ValueError("the block size must be at least 1")
    _check_inner(A, B)
    (m, inner), n = A.shape, B.shape[1]
    a_rows = A.rows
    columns = tuple(zip(*B.rows))
    start = _start(A, B)
    result = [[start] * n for _ in range(m)]
    for k0 in range(0, inner, block):
        k1 = min(k0 + block, inner)
        column_tiles = [column[k0:k1] for column in columns]
        for i0 in range(0, m, block):
            for i in range(i0, min(i0 + block, m)):
                row_tile = a_rows[i][k0:k1]
                out = result[i]
                for j in range(n):
                    out[j] = _dot(row_tile, column_tiles[j], out[j])
    return _product_matrix(result, start)
