"""Eigenvalues, eigenvectors and the characteristic polynomial, checked exactly and against numpy."""

import math
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kernels.algebraic import QuadraticSurd
from kernels.eigen import (
    Eigenspace,
    Eigenvalue,
    characteristic_polynomial,
    eigenvalues,
    eigenvectors,
    is_diagonalizable,
    qr_eigenvalues,
)
from kernels.elimination import det
from kernels.errors import ShapeError
from kernels.matrix import Matrix, Vector, trace

F = Fraction

# name, matrix, expected (value, algebraic multiplicity, geometric multiplicity) in order
EXACT_EXAMPLES = {
    "identity": ([[1, 0], [0, 1]], [(F(1), 2, 2)]),
    "zero": ([[0, 0], [0, 0]], [(F(0), 2, 2)]),
    "uniform scale": ([[3, 0], [0, 3]], [(F(3), 2, 2)]),
    "diagonal": ([[2, 0], [0, 5]], [(F(5), 1, 1), (F(2), 1, 1)]),
    "symmetric": ([[2, 1], [1, 2]], [(F(3), 1, 1), (F(1), 1, 1)]),
    "shear (Jordan block at 1)": ([[1, 1], [0, 1]], [(F(1), 2, 1)]),
    "Jordan block at 2": ([[2, 1], [0, 2]], [(F(2), 2, 1)]),
    "reflection across y = x": ([[0, 1], [1, 0]], [(F(1), 1, 1), (F(-1), 1, 1)]),
    "projection onto y = 2x": ([[F(1, 5), F(2, 5)], [F(2, 5), F(4, 5)]], [(F(1), 1, 1), (F(0), 1, 1)]),
    "singular": ([[1, 2], [2, 4]], [(F(5), 1, 1), (F(0), 1, 1)]),
    "nilpotent": ([[0, 1], [0, 0]], [(F(0), 2, 1)]),
    "rational eigenvalues": ([[F(1, 2), F(1, 3)], [0, F(-1, 4)]], [(F(1, 2), 1, 1), (F(-1, 4), 1, 1)]),
    "rotation by 90°": ([[0, -1], [1, 0]], [(1j, 1, 1), (-1j, 1, 1)]),
    "rotation by 45° scaled by √2": ([[1, -1], [1, 1]], [(1 + 1j, 1, 1), (1 - 1j, 1, 1)]),
    "2D eigenspace in 3D": ([[2, 0, 0], [0, 2, 0], [0, 0, 3]], [(F(3), 1, 1), (F(2), 2, 2)]),
    "3×3 Jordan block": ([[5, 1, 0], [0, 5, 1], [0, 0, 5]], [(F(5), 3, 1)]),
    "3×3 one rational root then a quadratic": (
        [[1, 0, 0], [0, 0, -1], [0, 1, 0]], [(F(1), 1, 1), (1j, 1, 1), (-1j, 1, 1)]),
    "cyclic permutation 4×4": (
        [[0, 0, 0, 1], [1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0]],
        [(F(1), 1, 1), (F(-1), 1, 1), (1j, 1, 1), (-1j, 1, 1)]),
    "4×4 Jordan block": (
        [[2, 1, 0, 0], [0, 2, 1, 0], [0, 0, 2, 1], [0, 0, 0, 2]], [(F(2), 4, 1)]),
    "4×4 two Jordan blocks": (
        [[3, 1, 0, 0], [0, 3, 0, 0], [0, 0, 3, 0], [0, 0, 0, -1]], [(F(3), 3, 2), (F(-1), 1, 1)]),
}


def close(a, b, tol=1e-9):
    return abs(complex(a) - complex(b)) <= tol * max(1.0, abs(complex(b)))


@pytest.mark.parametrize("name", EXACT_EXAMPLES)
def test_exact_examples(name):
    rows, expected = EXACT_EXAMPLES[name]
    M = Matrix(rows)
    spaces = eigenvectors(M)
    assert [(s.algebraic_multiplicity, s.geometric_multiplicity) for s in spaces] == \
        [(alg, geo) for _, alg, geo in expected]
    for space, (value, _, _) in zip(spaces, expected):
        if isinstance(value, Fraction):
            assert space.value == value and isinstance(space.value, Fraction)
        else:
            assert isinstance(space.value, complex) and close(space.value, value, 1e-12)
    assert [e.value for e in eigenvalues(M)] == [s.value for s in spaces]
    assert is_diagonalizable(M) == all(alg == geo for _, alg, geo in expected)


def check_eigenpairs(M: Matrix, tol=1e-8):
    """Every basis vector v of every eigenspace satisfies M·v = λ·v (exactly when both exact)."""
    scale = max(1.0, max(abs(x) for row in M.rows for x in row))
    for space in eigenvectors(M):
        assert 1 <= space.geometric_multiplicity <= space.algebraic_multiplicity
        for v in space.vectors:
            if M.is_exact and isinstance(space.value, Fraction):
                assert v.is_exact and M @ v == space.value * v
                assert math.gcd(*(int(x) for x in v)) == 1 and next(x for x in v if x) > 0
            else:
                assert math.isclose(sum(abs(x) ** 2 for x in v), 1.0, rel_tol=1e-12)
                Mv, lv = M @ Vector(v.to_floats()), v * space.value
                assert all(abs(a - b) <= tol * scale for a, b in zip(Mv, lv))


@pytest.mark.parametrize("name", EXACT_EXAMPLES)
def test_exact_examples_eigenpairs(name):
    check_eigenpairs(Matrix(EXACT_EXAMPLES[name][0]))


def test_exact_eigenvectors_are_coprime_integers_with_a_positive_lead():
    (three, one) = eigenvectors(Matrix([[2, 1], [1, 2]]))
    assert three.vectors == (Vector([1, 1]),) and one.vectors == (Vector([1, -1]),)
    (half,) = eigenvectors(Matrix([[F(1, 2), 0], [F(1, 3), F(1, 2)]]))
    assert half.vectors == (Vector([0, 1]),)


def test_complex_eigenvectors_of_a_rotation():
    up, down = eigenvectors(Matrix([[0, -1], [1, 0]]))
    s = 1 / math.sqrt(2)
    assert all(close(a, b) for a, b in zip(up.vectors[0], [s, -1j * s]))
    assert all(close(a, b) for a, b in zip(down.vectors[0], [s, 1j * s]))


def test_irrational_eigenvalues_are_floats_with_their_closed_form():
    golden, other = eigenvalues(Matrix([[1, 1], [1, 0]]))
    assert golden == Eigenvalue((1 + math.sqrt(5)) / 2, 1, QuadraticSurd(F(1, 2), F(1, 2), 5))
    assert other.value == (1 - math.sqrt(5)) / 2 and other.exact.text() == "1/2 − √5/2"
    check_eigenpairs(Matrix([[1, 1], [1, 0]]), tol=1e-12)


def test_irreducible_cubic_uses_the_formula():
    M = Matrix([[1, 2, 3], [4, 5, 6], [7, 8, 10]])
    values = [e.value for e in eigenvalues(M)]
    assert all(isinstance(v, float) for v in values)
    assert values == pytest.approx(sorted(np.linalg.eigvals(np.array(M.to_floats())).real)[::-1])
    check_eigenpairs(M)


def test_hilbert_4x4_matches_numpy():
    H = Matrix([[F(1, i + j + 1) for j in range(4)] for i in range(4)])
    values = [e.value for e in eigenvalues(H)]
    expected = sorted(np.linalg.eigvalsh(np.array(H.to_floats())))[::-1]
    assert values == pytest.approx(expected, rel=1e-10, abs=1e-15)
    check_eigenpairs(H, tol=1e-10)


# -- float input ----------------------------------------------------------------------------

FLOAT_EXAMPLES = {
    "float Jordan block": ([[2.0, 1.0], [0.0, 2.0]], [(2.0, 2, 1)]),
    "float diag(2, 2, 3)": ([[2.0, 0, 0], [0, 2.0, 0], [0, 0, 3.0]], [(3.0, 1, 1), (2.0, 2, 2)]),
    "float defective with decimals": ([[0.3, 0.1], [-0.1, 0.1]], [(0.2, 2, 1)]),
    "float 3×3 Jordan with decimals": (
        [[0.1, 1.0, 0.0], [0.0, 0.1, 1.0], [0.0, 0.0, 0.1]], [(0.1, 3, 1)]),
    "float 4×4 Jordan block": (
        [[2.0, 1, 0, 0], [0, 2.0, 1, 0], [0, 0, 2.0, 1], [0, 0, 0, 2.0]], [(2.0, 4, 1)]),
    "values agreeing to 7 digits are one": ([[1.0000001, 0.0], [0.0, 1.0]], [(1.00000005, 2, 2)]),
    "float rotation by 30°": (
        [[math.cos(math.pi / 6), -0.5], [0.5, math.cos(math.pi / 6)]],
        [(complex(math.cos(math.pi / 6), 0.5), 1, 1), (complex(math.cos(math.pi / 6), -0.5), 1, 1)]),
}


@pytest.mark.parametrize("name", FLOAT_EXAMPLES)
def test_float_examples(name):
    rows, expected = FLOAT_EXAMPLES[name]
    M = Matrix(rows)
    spaces = eigenvectors(M)
    assert [(s.algebraic_multiplicity, s.geometric_multiplicity) for s in spaces] == \
        [(alg, geo) for _, alg, geo in expected]
    for space, (value, _, _) in zip(spaces, expected):
        assert close(space.value, value, 1e-12)
    check_eigenpairs(M, tol=1e-6)  # a clustered eigenvalue is the mean of its near-equal members


def test_complex_matrix_matches_numpy():
    A = np.array([[1 + 2j, 2], [0.5j, -1]])
    values = [e.value for e in eigenvalues(Matrix(A.tolist()))]
    assert_same_multiset(values, np.linalg.eigvals(A), 1e-12)
    check_eigenpairs(Matrix(A.tolist()))


def assert_same_multiset(ours, theirs, tol):
    theirs = [complex(z) for z in theirs]
    for z in ours:
        nearest = min(theirs, key=lambda w: abs(w - complex(z)))
        assert abs(nearest - complex(z)) <= tol * max(1.0, abs(nearest)), (ours, theirs)
        theirs.remove(nearest)
    assert not theirs


def expand(values):
    return [e.value for e in values for _ in range(e.multiplicity)]


@pytest.mark.parametrize("n,seed", [(5, 0), (5, 1), (6, 2), (6, 3), (7, 4)])
def test_qr_on_random_float_matrices_matches_numpy(n, seed):
    A = np.random.default_rng(seed).normal(size=(n, n))
    values = eigenvalues(Matrix(A.tolist()))
    assert_same_multiset(expand(values), np.linalg.eigvals(A), 1e-10)
    assert [e.value for e in values] == sorted((e.value for e in values),
                                               key=lambda z: (isinstance(z, complex), -z.real, -z.imag))
    check_eigenpairs(Matrix(A.tolist()))


def test_qr_breaks_the_stalemate_of_a_float_permutation():
    P = [[0.0] * 5 for _ in range(5)]
    for i in range(5):
        P[(i + 1) % 5][i] = 1.0
    assert_same_multiset(qr_eigenvalues(P), np.linalg.eigvals(np.array(P)), 1e-12)


def test_real_matrices_give_exact_conjugate_pairs_sorted_real_first():
    A = np.random.default_rng(7).normal(size=(6, 6))
    values = [e.value for e in eigenvalues(Matrix(A.tolist()))]
    real = [v for v in values if not isinstance(v, complex)]
    pairs = [v for v in values if isinstance(v, complex)]
    assert values == real + pairs and real == sorted(real, reverse=True)
    assert all(a == b.conjugate() and a.imag > 0 for a, b in zip(pairs[::2], pairs[1::2]))


# -- the characteristic polynomial -------------------------------------------------------------

def test_characteristic_polynomial_examples():
    assert characteristic_polynomial(Matrix([[2, 1], [1, 2]])) == (1, -4, 3)
    assert characteristic_polynomial(Matrix([[0, -1], [1, 0]])) == (1, 0, 1)
    assert characteristic_polynomial(Matrix([[5]])) == (1, -5)
    assert characteristic_polynomial(Matrix([[5, 1, 0], [0, 5, 1], [0, 0, 5]])) == (1, -15, 75, -125)
    # exact: whole numbers as int (fast), the rest as Fraction — never a float
    p = characteristic_polynomial(Matrix([[F(1, 3), 2], [4, 5]]))
    assert p == (1, F(-16, 3), F(-19, 3)) and [type(c) for c in p] == [int, Fraction, Fraction]
    assert all(type(c) is int for c in characteristic_polynomial(Matrix([[2, 1], [7, 3]])))


def test_non_square_matrices_are_refused():
    with pytest.raises(ShapeError):
        eigenvalues(Matrix([[1, 2, 3], [4, 5, 6]]))
    with pytest.raises(ShapeError):
        characteristic_polynomial(Matrix([[1, 2]]))


def test_one_by_one():
    assert eigenvectors(Matrix([[7]])) == (Eigenspace(F(7), 1, (Vector([1]),)),)
    assert eigenvalues(Matrix([[-2.5]])) == (Eigenvalue(-2.5, 1),)


# -- properties against numpy ---------------------------------------------------------------------

def square_int_matrices(sizes=(2, 3, 4), low=-4, high=4):
    return st.sampled_from(sizes).flatmap(lambda n: st.lists(
        st.lists(st.integers(low, high), min_size=n, max_size=n), min_size=n, max_size=n))


def square_float_matrices(sizes=(2, 3, 4, 5)):
    element = st.floats(-10, 10, allow_nan=False).map(lambda x: round(x, 3))
    return st.sampled_from(sizes).flatmap(lambda n: st.lists(
        st.lists(element, min_size=n, max_size=n), min_size=n, max_size=n))


@settings(max_examples=150, deadline=None)
@given(square_int_matrices())
def test_characteristic_polynomial_is_exact(rows):
    M = Matrix(rows)
    p = characteristic_polynomial(M)
    assert p[0] == 1 and p[1] == -trace(M) and p[-1] == (-1) ** len(rows) * det(M)
    assert np.allclose([float(c) for c in p], np.poly(np.array(rows, dtype=float)), atol=1e-6)


@settings(max_examples=150, deadline=None)
@given(square_int_matrices())
def test_exact_eigen_properties(rows):
    M = Matrix(rows)
    values = eigenvalues(M)
    assert sum(e.multiplicity for e in values) == len(rows)
    # integer matrices often have repeated eigenvalues, which numpy only finds to ~ε^(1/k)
    assert_same_multiset(expand(values), np.linalg.eigvals(np.array(rows, dtype=float)), 1e-4)
    p = characteristic_polynomial(M)
    for e in values:
        if isinstance(e.value, Fraction):
            assert sum(c * e.value ** (len(p) - 1 - i) for i, c in enumerate(p)) == 0
    check_eigenpairs(M)


@settings(max_examples=150, deadline=None)
@given(square_float_matrices())
def test_float_eigen_properties(rows):
    M = Matrix(rows)
    values = eigenvalues(M)
    assert sum(e.multiplicity for e in values) == len(rows)
    scale = max(1.0, max(abs(x) for row in rows for x in row))
    reference = np.linalg.eigvals(np.array(rows))
    ours = expand(values)
    theirs = [complex(z) for z in reference]
    for z in ours:  # near-repeated eigenvalues are clustered: allow the cluster's width
        nearest = min(theirs, key=lambda w: abs(w - complex(z)))
        assert abs(nearest - complex(z)) <= 1e-4 * scale
        theirs.remove(nearest)
    check_eigenpairs(M, tol=1e-6)
