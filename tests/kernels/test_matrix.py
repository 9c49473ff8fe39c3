"""Matrix and Vector as values: construction, exactness, immutability, text, arithmetic, powers,
and the three multiplication algorithms agreeing with each other and with numpy."""

import math
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kernels.errors import NonFiniteError, ShapeError, SingularMatrixError
from kernels.matrix import Matrix, Vector, trace
from kernels.multiplication import matmul_blocked, matmul_ikj, matmul_naive, matmul_optimized

PROPERTY = settings(max_examples=60, deadline=None)

MATMULS = {
    "naive": matmul_naive,
    "i-k-j": matmul_ikj,
    "optimized": matmul_optimized,
    "blocked (tile 2)": lambda A, B: matmul_blocked(A, B, block=2),
    "blocked (default)": matmul_blocked,
}


# -- construction and exactness ----------------------------------------------------------------

def test_integers_and_fractions_become_exact_fractions():
    M = Matrix([[1, Fraction(1, 3)], [0, -2]])
    assert M.is_exact
    assert all(type(x) is Fraction for row in M.rows for x in row)
    assert M[0, 1] == Fraction(1, 3)


def test_floats_stay_floats_and_a_float_makes_the_matrix_inexact():
    M = Matrix([[1, 0.5]])
    assert type(M[0, 0]) is Fraction and type(M[0, 1]) is float
    assert not M.is_exact


def test_exact_arithmetic_has_no_rounding():
    third = Matrix([[Fraction(1, 3)]])
    assert third + third + third == Matrix([[1]])
    assert (third * 3)[0, 0] == 1


def test_complex_entries_are_allowed():
    M = Matrix([[1j, 0], [0, -1j]])
    assert M @ M == Matrix([[-1, 0], [0, -1]])


@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf, complex(math.nan, 0)])
def test_non_finite_entries_are_refused(bad):
    with pytest.raises(NonFiniteError):
        Matrix([[1, bad]])
    with pytest.raises(NonFiniteError):
        Vector([bad])


@pytest.mark.parametrize("rows, message", [
    ([], "at least one row"),
    ([[]], "at least one row and one column"),
    ([[1, 2], [3]], "row 2 has 1"),
])
def test_bad_shapes_are_refused_with_a_clear_message(rows, message):
    with pytest.raises(ShapeError, match=message):
        Matrix(rows)


def test_empty_vector_is_refused():
    with pytest.raises(ShapeError):
        Vector([])


@pytest.mark.parametrize("entry", ["1", None, True])
def test_non_numbers_are_refused(entry):
    with pytest.raises(TypeError):
        Matrix([[entry]])


def test_identity_zeros_and_from_columns():
    assert Matrix.identity(2) == Matrix([[1, 0], [0, 1]])
    assert Matrix.zeros(2, 3).shape == (2, 3)
    assert Matrix.from_columns([(1, 2), (3, 4)]) == Matrix([[1, 3], [2, 4]])
    with pytest.raises(ShapeError):
        Matrix.identity(0)


# -- values are immutable ----------------------------------------------------------------------

def test_matrix_and_vector_cannot_be_changed():
    M, v = Matrix([[1, 2]]), Vector([1, 2])
    with pytest.raises(TypeError):
        M[0, 0] = 5
    with pytest.raises(TypeError):
        v[0] = 5
    with pytest.raises(AttributeError):
        M.extra = 1
    assert isinstance(M.rows, tuple) and isinstance(M.rows[0], tuple)


def test_equal_values_are_equal_and_hash_alike():
    assert Matrix([[1, 2]]) == Matrix([[Fraction(2, 2), 2]])
    assert len({Matrix([[1]]), Matrix([[1]]), Vector([1]), Vector([1])}) == 2


# -- text --------------------------------------------------------------------------------------

def test_repr_and_str():
    M = Matrix([[1, Fraction(-1, 2)], [0.25, 10]])
    assert repr(M) == "Matrix([[1, -1/2], [0.25, 10]])"
    assert str(M) == "[    1  -1/2 ]\n[ 0.25    10 ]"
    assert repr(Vector([Fraction(3, 4), 2])) == "Vector([3/4, 2])"
    assert str(Vector([1, -2])) == "(1, -2)"


# -- arithmetic and shapes ---------------------------------------------------------------------

def test_shapes_must_match_to_add_or_multiply():
    with pytest.raises(ShapeError, match="2×3"):
        Matrix([[1, 2]]) + Matrix([[1, 2, 3], [4, 5, 6]])
    with pytest.raises(ShapeError, match="columns"):
        Matrix([[1, 2]]) @ Matrix([[1, 2]])
    with pytest.raises(ShapeError, match="needs a vector with 2 components"):
        Matrix([[1, 2]]) @ Vector([1, 2, 3])
    with pytest.raises(ShapeError):
        Vector([1, 2]) + Vector([1])


def test_matrix_times_vector_combines_the_columns():
    M = Matrix([[1, 2], [3, 4]])
    assert M @ Vector([1, 1]) == M.column(0) + M.column(1)


def test_transpose_and_trace():
    M = Matrix([[1, 2, 3], [4, 5, 6]])
    assert M.T.T == M and M.T.shape == (3, 2)
    assert trace(Matrix([[1, 9], [9, 2]])) == 3
    with pytest.raises(ShapeError, match="square"):
        trace(M)


# -- powers ------------------------------------------------------------------------------------

def test_powers_including_zero_and_negative():
    shear = Matrix([[1, 1], [0, 1]])
    assert shear ** 0 == Matrix.identity(2)
    assert shear ** 5 == Matrix([[1, 5], [0, 1]])
    assert shear ** -1 == Matrix([[1, -1], [0, 1]])
    assert shear ** -3 @ shear ** 3 == Matrix.identity(2)
    half = Matrix([[2, 0], [0, 4]]) ** -2
    assert half == Matrix([[Fraction(1, 4), 0], [0, Fraction(1, 16)]])


def test_bad_powers():
    with pytest.raises(SingularMatrixError):
        Matrix([[1, 2], [2, 4]]) ** -1
    with pytest.raises(ShapeError):
        Matrix([[1, 2]]) ** 2
    with pytest.raises(TypeError):
        Matrix.identity(2) ** 0.5


# -- the three multiplications -----------------------------------------------------------------

def _shapes():
    return st.tuples(st.integers(1, 5), st.integers(1, 5), st.integers(1, 5))


def _grid(elements, m, n):
    return st.lists(st.lists(elements, min_size=n, max_size=n), min_size=m, max_size=m)


fractions = st.fractions(min_value=-20, max_value=20, max_denominator=12)
floats = st.floats(min_value=-1e3, max_value=1e3, allow_nan=False, allow_subnormal=False)


@st.composite
def pairs(draw, elements):
    m, k, n = draw(_shapes())
    return Matrix(draw(_grid(elements, m, k))), Matrix(draw(_grid(elements, k, n)))


@PROPERTY
@given(pairs(fractions))
def test_the_four_matmuls_agree_exactly_on_fractions(pair):
    A, B = pair
    expected = matmul_naive(A, B)
    assert expected.is_exact
    for multiply in MATMULS.values():
        assert multiply(A, B) == expected


@PROPERTY
@given(pairs(floats))
def test_the_four_matmuls_agree_to_the_bit_on_floats_and_match_numpy(pair):
    A, B = pair
    expected = matmul_naive(A, B)
    for multiply in MATMULS.values():
        assert multiply(A, B) == expected
    reference = np.array(A.to_floats()) @ np.array(B.to_floats())
    assert np.allclose(np.array(expected.to_floats()), reference, rtol=1e-12, atol=1e-9)


@pytest.mark.parametrize("multiply", MATMULS.values(), ids=MATMULS.keys())
def test_matmul_is_associative_but_not_commutative(multiply):
    A, B, C = Matrix([[1, 1], [0, 1]]), Matrix([[0, -1], [1, 0]]), Matrix([[2, 0], [0, 3]])
    assert multiply(multiply(A, B), C) == multiply(A, multiply(B, C))
    assert multiply(A, B) != multiply(B, A)


def test_blocked_needs_a_positive_block():
    with pytest.raises(ValueError):
        matmul_blocked(Matrix([[1]]), Matrix([[1]]), block=0)


@PROPERTY
@given(pairs(st.one_of(st.integers(-10 ** 30, 10 ** 30), fractions)))
def test_whole_numbers_and_fractions_mixed_agree_exactly(pair):
    """matmul_optimized multiplies exact matrices as whole numbers over a common denominator."""
    A, B = pair
    expected = matmul_naive(A, B)
    for multiply in MATMULS.values():
        result = multiply(A, B)
        assert result == expected and all(type(x) is Fraction for row in result.rows for x in row)
