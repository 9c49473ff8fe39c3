"""Matrix multiplication three ways: the same sum, three lessons about cost.

Entry (i, j) of ``A @ B`` is the dot product of row i of A with column j of B:
``C[i][j] = Σ_k A[i][k]·B[k][j]``. All three functions compute exactly that, in the same
order of additions, so they agree to the last bit (and exactly for fractions).
"""

from fractions import Fraction

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
    result = []
    for i in range(m):
        row = []
        for j in range(n):
            total = ZERO
            for k in range(inner):
                total = total + a[i][k] * b[k][j]
            row.append(total)
        result.append(row)
    return Matrix(result)


def matmul_optimized(A: Matrix, B: Matrix) -> Matrix:
    """What a Python programmer does to make the loop fast, without changing the maths.

    Transpose B once so each column is a contiguous tuple, keep each row of A in a local
    variable, and let ``zip`` + ``sum`` run the inner loop in C. Same additions, same order
    as :func:`matmul_naive`, several times faster because the interpreter does less work.

    >>> matmul_optimized(Matrix([[1, 2], [3, 4]]), Matrix([[0, 1], [1, 0]]))
    Matrix([[2, 1], [4, 3]])
    """
    _check_inner(A, B)
    columns = tuple(zip(*B.rows))
    return Matrix([[sum(map(_mul, row, column), ZERO) for column in columns] for row in A.rows])


def _mul(x, y):
    return x * y


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
    result = [[ZERO] * n for _ in range(m)]
    for k0 in range(0, inner, block):
        k1 = min(k0 + block, inner)
        column_tiles = [column[k0:k1] for column in columns]
        for i0 in range(0, m, block):
            for i in range(i0, min(i0 + block, m)):
                row_tile = a_rows[i][k0:k1]
                out = result[i]
                for j in range(n):
                    out[j] = sum(map(_mul, row_tile, column_tiles[j]), out[j])
    return Matrix(result)
