"""The kernel's hard cases: one named table, checked against every implementation that applies.

Each case gives the true determinant of its entries (what :func:`det_cofactor` computes:
the exact value, rounded once for floats) or the error a float answer must raise, and its
rank. Float matrices use the rank tolerance: where the rank drops, :func:`det` says 0.0.
"""

import math
from dataclasses import dataclass
from fractions import Fraction

import numpy as np
import pytest

from kernels.elimination import det, det_cofactor, inverse, inverse_steps, null_space, rank, rref, solve
from kernels.errors import FloatRangeError, NonFiniteError, SingularMatrixError
from kernels.matrix import Matrix
from kernels.multiplication import matmul_blocked, matmul_ikj, matmul_naive, matmul_optimized


@dataclass(frozen=True)
class HardCase:
    matrix: Matrix
    det: object  # the true determinant of the entries, or the exception a float answer raises
    rank: int


def hilbert(n: int, kind=Fraction) -> Matrix:
    """H[i][j] = 1/(i + j + 1): famously close to singular, yet invertible."""
    return Matrix([[kind(1) / kind(i + j + 1) for j in range(n)] for i in range(n)])


ROOT2 = math.sqrt(2)
COS30, SIN30 = math.cos(math.pi / 6), math.sin(math.pi / 6)

HARD_CASES = {
    "1×1": HardCase(Matrix([[-3]]), Fraction(-3), 1),
    "identity 3×3": HardCase(Matrix.identity(3), Fraction(1), 3),
    "zero 2×2": HardCase(Matrix.zeros(2, 2), Fraction(0), 0),
    "singular 2×2": HardCase(Matrix([[1, 2], [2, 4]]), Fraction(0), 1),
    "rank-deficient 3×3": HardCase(Matrix([[1, 2, 3], [4, 5, 6], [7, 8, 9]]), Fraction(0), 2),
    "rank-deficient 3×3 in floats": HardCase(
        Matrix([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 9.0]]), 0.0, 2),
    "needs a row swap": HardCase(Matrix([[0, 0, 1], [0, 1, 0], [1, 0, 0]]), Fraction(-1), 3),
    "Jordan block": HardCase(Matrix([[2, 1], [0, 2]]), Fraction(4), 2),
    "rotation 90°": HardCase(Matrix([[0, -1], [1, 0]]), Fraction(1), 2),
    "rotation 30° (floats)": HardCase(Matrix([[COS30, -SIN30], [SIN30, COS30]]), 1.0, 2),
    "repeated eigenvalue, 2D eigenspace": HardCase(
        Matrix([[2, 0, 0], [0, 2, 0], [0, 0, 3]]), Fraction(12), 3),
    "Hilbert 4×4": HardCase(hilbert(4), Fraction(1, 6048000), 4),
    "Hilbert 6×6": HardCase(hilbert(6), Fraction(1, 186313420339200000), 6),
    "Hilbert 6×6 in floats": HardCase(hilbert(6, float), 1 / 186313420339200000, 6),
    "near-singular": HardCase(Matrix([[1.0, 1.0], [1.0, 1.0 + 1e-12]]), (1.0 + 1e-12) - 1.0, 2),
    "rank 1 up to rounding": HardCase(Matrix([[1.0, ROOT2], [ROOT2, 2.0]]), 2.0 - ROOT2 * ROOT2, 1),
    "complex rank 1": HardCase(Matrix([[1, 1j], [-1j, 1]]), 0j, 1),
    "huge floats": HardCase(Matrix([[1e300, 0.0], [0.0, 1e300]]), FloatRangeError, 2),
    "huge exact": HardCase(Matrix([[10 ** 300, 0], [0, 10 ** 300]]), Fraction(10 ** 600), 2),
    "tiny floats": HardCase(Matrix([[1e-300, 0.0], [0.0, 1e-300]]), FloatRangeError, 2),
    "tiny exact": HardCase(Matrix([[Fraction(1, 10 ** 300), 0], [0, Fraction(1, 10 ** 300)]]),
                           Fraction(1, 10 ** 600), 2),
    # a diagonal matrix is rank 2 however different its entries: the tolerance judges the
    # equilibrated matrix (issue 12; numpy's matrix_rank, relative to σ_max, says 1)
    "huge next to tiny in floats": HardCase(Matrix([[1e300, 0.0], [0.0, 1e-300]]), 1.0, 2),
    "huge next to tiny, exact": HardCase(
        Matrix([[10 ** 300, 0], [0, Fraction(1, 10 ** 300)]]), Fraction(1), 2),
}
CASES = list(HARD_CASES.values())
NAMES = list(HARD_CASES.keys())

DETERMINANTS = {"elimination": det, "cofactor": det_cofactor}
MATMULS = {"naive": matmul_naive, "i-k-j": matmul_ikj, "optimized": matmul_optimized, "blocked": matmul_blocked,
           "blocked 1×1 tiles": lambda A, B: matmul_blocked(A, B, block=1)}


def identity_like(M: Matrix) -> Matrix:
    return Matrix.identity(M.shape[0])


def is_exception(expected) -> bool:
    return isinstance(expected, type) and issubclass(expected, Exception)


@pytest.mark.parametrize("implementation", DETERMINANTS.values(), ids=DETERMINANTS.keys())
@pytest.mark.parametrize("case", CASES, ids=NAMES)
def test_det(implementation, case):
    M, n = case.matrix, case.matrix.shape[0]
    if is_exception(case.det):
        with pytest.raises(case.det):
            implementation(M)
        return
    value = implementation(M)
    if M.is_exact:
        assert value == case.det and type(value) is Fraction
    elif implementation is det and case.rank < n:
        assert value == 0  # below the tolerance: the same verdict as rank()
    else:
        assert value == pytest.approx(case.det, rel=1e-6 if implementation is det else 1e-15)


@pytest.mark.parametrize("case", CASES, ids=NAMES)
def test_rank_and_float_rank_agree_with_numpy(case):
    M = case.matrix
    assert rank(M) == case.rank
    as_floats = Matrix(M.to_floats())
    assert rank(as_floats) == np.linalg.matrix_rank(equilibrated(np.array(M.to_floats())))


def equilibrated(a: np.ndarray) -> np.ndarray:
    """Rows, then columns, scaled by powers of two to a largest entry near 1 (rank unchanged)."""
    def scale(rows):
        largest = np.abs(rows).max(axis=1, keepdims=True)
        return rows * np.exp2(-np.frexp(np.where(largest > 0, largest, 1.0))[1])
    return scale(scale(a).T).T


@pytest.mark.parametrize("multiply", MATMULS.values(), ids=MATMULS.keys())
@pytest.mark.parametrize("case", CASES, ids=NAMES)
def test_matmuls_agree(multiply, case):
    M, I = case.matrix, identity_like(case.matrix)
    assert multiply(M, I) == M == multiply(I, M)
    try:
        expected = matmul_naive(M, M)
    except NonFiniteError:  # 1e300 · 1e300 overflows to inf, which a Matrix refuses
        with pytest.raises(NonFiniteError):
            multiply(M, M)
        return
    assert multiply(M, M) == expected


@pytest.mark.parametrize("case", CASES, ids=NAMES)
def test_inverse(case):
    M, I = case.matrix, identity_like(case.matrix)
    if case.rank < M.shape[0]:
        with pytest.raises(SingularMatrixError):
            inverse(M)
        return
    M_inverse = inverse(M)
    if M.is_exact:
        assert M_inverse @ M == I == M @ M_inverse  # exactly
        product = I
        for step in inverse_steps(M).steps:
            product = step.matrix @ product
        assert product == M_inverse
    else:
        sizes = [float(np.abs(np.array(X.to_floats())).max()) for X in (M, M_inverse)]
        scale = sizes[0] * sizes[1]  # the condition number; inf for huge next to tiny
        residual = np.array((M_inverse @ M).to_floats()) - np.eye(M.shape[0])
        assert np.abs(residual).max() <= 1e-9 * scale


@pytest.mark.parametrize("case", CASES, ids=NAMES)
def test_null_space_and_rref(case):
    M = case.matrix
    basis = null_space(M)
    assert len(basis) == M.shape[1] - case.rank
    for v in basis:
        image = M @ v
        if M.is_exact:
            assert all(x == 0 for x in image)
        else:
            assert max(abs(x) for x in image) <= 1e-9 * max(abs(x) for row in M.rows for x in row)
    once = rref(M)
    assert len(once.pivots) == case.rank
    assert rref(once.matrix).matrix == once.matrix


@pytest.mark.parametrize("case", CASES, ids=NAMES)
def test_solve(case):
    M = case.matrix
    b = M.column(0)  # always reachable: x = (1, 0, …) gives it
    result = solve(M, b)
    assert result.kind == ("unique" if case.rank == M.shape[1] else "infinite")
    if M.is_exact:
        assert M @ result.solution == b
