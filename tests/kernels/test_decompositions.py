"""SVD, polar decomposition, condition number and rotation angles, checked against numpy."""

import math
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kernels.decompositions import (
    SVD,
    Polar,
    condition_number,
    polar,
    rotation_angle,
    rotation_axis_angle,
    svd,
)
from kernels.errors import LinearAlgebraError, ShapeError
from kernels.matrix import Matrix

F = Fraction
c30, s30 = math.cos(math.pi / 6), math.sin(math.pi / 6)

# name, matrix, singular values, expected det(rotation)
EXAMPLES = {
    "1×1": ([[-3]], (3.0,), -1),
    "identity": ([[1, 0], [0, 1]], (1.0, 1.0), 1),
    "zero": ([[0, 0], [0, 0]], (0.0, 0.0), 1),
    "rotation by 30°": ([[c30, -s30], [s30, c30]], (1.0, 1.0), 1),
    "rotation by 90°": ([[0, -1], [1, 0]], (1.0, 1.0), 1),
    "rotation by 180°": ([[-1, 0], [0, -1]], (1.0, 1.0), 1),
    "reflection across y = x": ([[0, 1], [1, 0]], (1.0, 1.0), -1),
    "shear": ([[1, 1], [0, 1]], ((1 + math.sqrt(5)) / 2, (math.sqrt(5) - 1) / 2), 1),
    "scaled rotation": ([[3, -4], [4, 3]], (5.0, 5.0), 1),
    "diagonal with a flip": ([[2, 0], [0, -3]], (3.0, 2.0), -1),
    "singular": ([[1, 2], [2, 4]], (5.0, 0.0), 1),
    "singular, flipped columns": ([[2, 1], [4, 2]], (5.0, 0.0), 1),
    "projection onto x": ([[1, 0], [0, 0]], (1.0, 0.0), 1),
    "nilpotent": ([[0, 1], [0, 0]], (1.0, 0.0), 1),
    "rational": ([[F(1, 2), F(1, 3)], [F(-1, 4), 2]], None, 1),
    "3×3 rotation about z": ([[0, -1, 0], [1, 0, 0], [0, 0, 1]], (1.0, 1.0, 1.0), 1),
    "3×3 reflection": ([[1, 0, 0], [0, 1, 0], [0, 0, -1]], (1.0, 1.0, 1.0), -1),
    "3×3 rank 2": ([[1, 2, 3], [4, 5, 6], [7, 8, 9]], None, 1),
    "3×3 rank 1": ([[1, 1, 1], [2, 2, 2], [3, 3, 3]], (math.sqrt(42), 0.0, 0.0), 1),
    "3×3 zero": ([[0, 0, 0], [0, 0, 0], [0, 0, 0]], (0.0, 0.0, 0.0), 1),
    "3×3 general": ([[2, -1, 0], [-1, 2, -1], [0, -1, 2]], None, 1),
}


def array(M: Matrix) -> np.ndarray:
    return np.array(M.to_floats(), dtype=float)


def check_svd(M: Matrix):
    U, sigma, Vt = svd(M)
    n = M.shape[0]
    A = array(M)
    scale = max(1.0, np.abs(A).max())
    assert np.allclose(array(U) @ np.diag(sigma) @ array(Vt), A, atol=1e-12 * scale)
    assert np.allclose(array(U).T @ array(U), np.eye(n), atol=1e-12)
    assert np.allclose(array(Vt) @ array(Vt).T, np.eye(n), atol=1e-12)
    assert list(sigma) == sorted(sigma, reverse=True) and min(sigma) >= 0
    assert np.allclose(sigma, np.linalg.svd(A, compute_uv=False), atol=1e-12 * scale)
    return sigma


def check_polar(M: Matrix):
    R, S = polar(M)
    A, r, s = array(M), array(R), array(S)
    n = A.shape[0]
    scale = max(1.0, np.abs(A).max())
    assert np.allclose(r @ s, A, atol=1e-12 * scale)
    assert np.allclose(r.T @ r, np.eye(n), atol=1e-12)
    assert S == S.T  # exactly symmetric
    assert np.linalg.eigvalsh(s).min() >= -1e-12 * scale
    sign, _ = np.linalg.slogdet(A)  # the sign of det A even where det A itself underflows to 0
    singular = min(svd(M).singular_values) == 0
    assert round(np.linalg.det(r)) == (1 if singular or sign > 0 else -1)
    return R, S


@pytest.mark.parametrize("name", EXAMPLES)
def test_svd_examples(name):
    rows, expected, _ = EXAMPLES[name]
    sigma = check_svd(Matrix(rows))
    if expected is not None:
        assert sigma == pytest.approx(expected, abs=1e-14)


@pytest.mark.parametrize("name", EXAMPLES)
def test_polar_examples(name):
    rows, _, det_rotation = EXAMPLES[name]
    R, _ = check_polar(Matrix(rows))
    assert round(np.linalg.det(array(R))) == det_rotation


@pytest.mark.parametrize("rows", [[[-1, 0], [0, -1]], [[-1.0, 0.0], [0.0, -1.0]], [[0, -1], [1, 0]],
                                  [[c30, -s30], [s30, c30]]])
def test_a_rotation_is_its_own_rotation_part(rows):
    R, S = polar(Matrix(rows))
    assert np.allclose(array(R), np.array(rows, dtype=float), atol=1e-15)
    assert np.allclose(array(S), np.eye(2), atol=1e-15)


def test_polar_of_a_scaled_half_turn_is_exact():
    assert polar(Matrix([[-2, 0], [0, -2]])) == Polar(Matrix([[-1.0, 0.0], [0.0, -1.0]]),
                                                      Matrix([[2.0, 0.0], [0.0, 2.0]]))


def test_singular_values_are_exact_zero_for_exact_singular_input():
    assert svd(Matrix([[F(1, 3), F(2, 3)], [F(1, 7), F(2, 7)]])).singular_values[1] == 0.0
    assert isinstance(svd(Matrix([[1, 2], [3, 4]])), SVD)


def test_condition_numbers():
    assert condition_number(Matrix([[1, 0], [0, 1]])) == 1.0
    assert condition_number(Matrix([[0, -1], [1, 0]])) == pytest.approx(1.0)
    assert condition_number(Matrix([[1, 2], [2, 4]])) == math.inf
    assert condition_number(Matrix([[0, 0], [0, 0]])) == math.inf
    A = [[1, 2, 3], [4, 5, 6], [7, 8, 10]]
    assert condition_number(Matrix(A)) == pytest.approx(np.linalg.cond(np.array(A)), rel=1e-10)


def test_rotation_angle():
    assert rotation_angle(Matrix([[0, -1], [1, 0]])) == pytest.approx(math.pi / 2)
    assert rotation_angle(Matrix([[c30, s30], [-s30, c30]])) == pytest.approx(-math.pi / 6)
    assert rotation_angle(Matrix([[-1, 0], [0, -1]])) == pytest.approx(math.pi)
    with pytest.raises(ShapeError):
        rotation_angle(Matrix.identity(3))


def rodrigues(axis, angle):
    a = np.array(axis, dtype=float) / np.linalg.norm(axis)
    K = np.array([[0, -a[2], a[1]], [a[2], 0, -a[0]], [-a[1], a[0], 0]])
    return np.eye(3) + math.sin(angle) * K + (1 - math.cos(angle)) * K @ K


@pytest.mark.parametrize("axis,angle", [((0, 0, 1), math.pi / 2), ((1, 1, 1), 2 * math.pi / 3),
                                        ((1, 0, 0), math.pi), ((1, -2, 2), math.pi),
                                        ((0, 1, 0), 1e-3), ((3, 4, 0), 2.5)])
def test_rotation_axis_angle(axis, angle):
    found_axis, found_angle = rotation_axis_angle(Matrix(rodrigues(axis, angle).tolist()))
    unit = np.array(axis) / np.linalg.norm(axis)
    assert found_angle == pytest.approx(angle, abs=1e-12)
    if angle < math.pi:
        assert np.allclose(found_axis.to_floats(), unit, atol=1e-9)
    else:  # a half turn about a and about −a are the same; the first nonzero entry is positive
        assert np.allclose(np.abs(found_axis.to_floats()), np.abs(unit), atol=1e-9)
        assert next(x for x in found_axis if abs(x) > 1e-9) > 0


def test_rotation_axis_angle_of_no_turn_and_of_a_reflection():
    assert rotation_axis_angle(Matrix.identity(3)) == (Matrix.identity(3).column(2) * 1.0, 0.0)
    with pytest.raises(LinearAlgebraError):
        rotation_axis_angle(Matrix([[1, 0, 0], [0, 1, 0], [0, 0, -1]]))
    with pytest.raises(ShapeError):
        rotation_axis_angle(Matrix.identity(2))


def test_refusals():
    with pytest.raises(ShapeError, match="4×4"):
        svd(Matrix.identity(4))
    with pytest.raises(ShapeError):
        polar(Matrix([[1, 2, 3], [4, 5, 6]]))
    with pytest.raises(LinearAlgebraError, match="complex"):
        polar(Matrix([[1j, 0], [0, 1]]))


# -- properties against numpy ----------------------------------------------------------------

def matrices(element):
    return st.sampled_from([1, 2, 3]).flatmap(lambda n: st.lists(
        st.lists(element, min_size=n, max_size=n), min_size=n, max_size=n))


floats = st.floats(-100, 100, allow_nan=False, allow_subnormal=False)


@settings(max_examples=200, deadline=None)
@given(st.one_of(matrices(st.integers(-5, 5)), matrices(floats)))
def test_svd_and_polar_properties(rows):
    M = Matrix(rows)
    check_svd(M)
    check_polar(M)


@settings(max_examples=100, deadline=None)
@given(st.sampled_from([2, 3]).flatmap(lambda n: st.tuples(
    st.lists(st.integers(-5, 5), min_size=n, max_size=n),
    st.lists(st.integers(-5, 5), min_size=n, max_size=n))))
def test_rank_one_matrices_get_a_rotation(vectors):
    u, v = vectors
    M = Matrix([[a * b for b in v] for a in u])  # u·vᵀ: rank 1 (or 0)
    R, _ = check_polar(M)
    assert round(np.linalg.det(array(R))) == 1
