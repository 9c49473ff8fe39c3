"""Row reduction and everything read off it: rref, rank, null space, det, inverse, solve."""

import math
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from kernels.elimination import (
    InverseResult,
    RowOperation,
    cofactor_expansion_steps,
    column_space,
    default_tolerance,
    det,
    det_cofactor,
    inverse,
    inverse_steps,
    null_space,
    rank,
    rref,
    solve,
)
from kernels.errors import FloatRangeError, ShapeError, SingularMatrixError
from kernels.matrix import Matrix, Vector

PROPERTY = settings(max_examples=60, deadline=None)
F = Fraction


def floats_of(M: Matrix) -> Matrix:
    return Matrix(M.to_floats())


# -- rref --------------------------------------------------------------------------------------

RREF_EXAMPLES = {
    "invertible 2×2": ([[1, 2], [3, 4]], [[1, 0], [0, 1]], (0, 1)),
    "needs a swap": ([[0, 1], [1, 0]], [[1, 0], [0, 1]], (0, 1)),
    "free middle column": ([[1, 2, 3], [2, 4, 7]], [[1, 2, 0], [0, 0, 1]], (0, 2)),
    "rank 2 of 3": ([[1, 2, 3], [4, 5, 6], [7, 8, 9]], [[1, 0, -1], [0, 1, 2], [0, 0, 0]], (0, 1)),
    "zero matrix": ([[0, 0], [0, 0]], [[0, 0], [0, 0]], ()),
    "tall": ([[1], [2], [3]], [[1], [0], [0]], (0,)),
    "wide with fractions": ([[2, 1, 1]], [[1, F(1, 2), F(1, 2)]], (0,)),
    "zero first column": ([[0, 2], [0, 3]], [[0, 1], [0, 0]], (1,)),
}


@pytest.mark.parametrize("rows, expected, pivots", RREF_EXAMPLES.values(), ids=RREF_EXAMPLES.keys())
def test_rref_examples_exact_and_float(rows, expected, pivots):
    result = rref(Matrix(rows))
    assert result.matrix == Matrix(expected) and result.matrix.is_exact
    assert result.pivots == pivots
    floats = rref(floats_of(Matrix(rows)))
    assert floats.pivots == pivots
    assert np.allclose(floats.matrix.to_floats(), Matrix(expected).to_floats(), atol=1e-12)


def test_every_step_is_its_elementary_matrix_times_the_previous_matrix():
    M = Matrix([[0, 2, 4], [1, 1, 1], [3, 3, 4]])
    result = rref(M)
    before = M
    for step in result.steps:
        assert isinstance(step, RowOperation)
        assert step.kind in {"swap", "scale", "add"}
        assert step.matrix @ before == step.result
        before = step.result
    assert before == result.matrix


def test_step_labels_read_like_a_learner_writes_them():
    labels = [s.label for s in rref(Matrix([[0, 2, 4], [1, 1, 1], [3, 3, 4]])).steps]
    assert labels == ["R1 ↔ R2", "R3 ← R3 − 3·R1", "R2 ← (1/2)·R2", "R1 ← R1 − R2",
                      "R1 ← R1 + R3", "R2 ← R2 − 2·R3"]
    assert [s.label for s in rref(Matrix([[1, 0], [-2, 1]])).steps] == ["R2 ← R2 + 2·R1"]
    assert [s.label for s in rref(Matrix([[-2]])).steps] == ["R1 ← (−1/2)·R1"]


def test_float_rref_uses_partial_pivoting():
    result = rref(Matrix([[1.0, 1.0], [4.0, 2.0]]))
    assert result.steps[0].label == "R1 ↔ R2"   # 4 is the largest entry in column 1
    assert result.matrix == Matrix([[1.0, 0.0], [0.0, 1.0]])


def test_float_noise_is_snapped_to_exact_zero():
    M = Matrix([[0.1, 0.2, 0.3], [0.4, 0.5, 0.6], [0.7, 0.8, 0.9]])
    result = rref(M)
    assert result.pivots == (0, 1)
    assert result.matrix.rows[2] == (0.0, 0.0, 0.0)
    assert rref(result.matrix).matrix == result.matrix


def test_the_tolerance_decides_what_counts_as_zero():
    nearly = Matrix([[1.0, 1.0], [1.0, 1.0 + 1e-12]])
    assert default_tolerance(nearly) < 1e-12
    assert rank(nearly) == 2
    assert rank(nearly, tolerance=1e-9) == 1
    assert null_space(nearly, tolerance=1e-9) == (Vector([-1.0, 1.0]),)


def test_complex_matrices_reduce_too():
    M = Matrix([[1, 1j], [-1j, 1]])         # rank 1: row 2 = −i · row 1
    assert rank(M) == 1
    (v,) = null_space(M)
    assert all(abs(x) < 1e-15 for x in M @ v)
    assert abs(det(M)) < 1e-15


def test_growth_beyond_the_float_range_is_an_error_not_inf():
    with pytest.raises(FloatRangeError, match="float range"):
        rref(Matrix([[1e308, 1e308], [-1e308, 1e308]]))   # 1e308 + 1e308 = inf


# -- rank, null space, column space ------------------------------------------------------------

def test_rank_null_space_and_column_space():
    M = Matrix([[1, 2, 0, 1], [2, 4, 1, 4], [3, 6, 1, 5]])
    assert rank(M) == 2
    assert null_space(M) == (Vector([-2, 1, 0, 0]), Vector([-1, 0, -2, 1]))
    assert column_space(M) == (M.column(0), M.column(2))
    assert null_space(Matrix.identity(3)) == ()
    assert null_space(Matrix.zeros(1, 2)) == (Vector([1, 0]), Vector([0, 1]))


# -- determinant -------------------------------------------------------------------------------

DETERMINANTS = {
    "1×1": ([[7]], 7),
    "diagonal": ([[2, 0, 0], [0, 3, 0], [0, 0, 4]], 24),
    "needs a swap": ([[0, 1], [1, 0]], -1),
    "shear": ([[1, 5], [0, 1]], 1),
    "fractions": ([[F(1, 2), F(1, 3)], [F(1, 4), F(1, 5)]], F(1, 60)),
    "singular": ([[1, 2, 3], [4, 5, 6], [7, 8, 9]], 0),
    "4×4": ([[2, -1, 0, 0], [-1, 2, -1, 0], [0, -1, 2, -1], [0, 0, -1, 2]], 5),
}


@pytest.mark.parametrize("implementation", [det, det_cofactor], ids=["elimination", "cofactor"])
@pytest.mark.parametrize("rows, expected", DETERMINANTS.values(), ids=DETERMINANTS.keys())
def test_det_examples(implementation, rows, expected):
    value = implementation(Matrix(rows))
    assert value == expected and type(value) is Fraction
    assert implementation(floats_of(Matrix(rows))) == pytest.approx(float(expected), abs=1e-12)


@pytest.mark.parametrize("implementation", [det, det_cofactor, inverse, inverse_steps])
def test_square_only(implementation):
    with pytest.raises(ShapeError, match="square matrix, but this one is 2×3"):
        implementation(Matrix([[1, 2, 3], [4, 5, 6]]))


def test_cofactor_expansion_refuses_big_matrices_and_says_why():
    with pytest.raises(ShapeError, match=r"9×9 .* 362,880 products .* n!"):
        det_cofactor(Matrix.identity(9))
    assert det_cofactor(Matrix.identity(8)) == 1


def test_cofactor_expansion_steps():
    assert cofactor_expansion_steps(Matrix([[5]])) == ("det = 5",)
    assert cofactor_expansion_steps(Matrix([[1, -2], [3, 4]])) == (
        "det = 1·det[[4]] − (−2)·det[[3]]", "    = 1·4 − (−2)·3", "    = 10")
    lines = cofactor_expansion_steps(Matrix([[2, 0, 1], [1, 3, 2], [1, 1, 1]]))
    assert lines[0] == "det = 2·det[[3, 2], [1, 1]] − 0·det[[1, 2], [1, 1]] + 1·det[[1, 3], [1, 1]]"
    assert lines[1:] == ("    = 2·1 − 0·(−1) + 1·(−2)", "    = 0")


def test_det_of_huge_and_tiny_floats_says_it_cannot_be_held():
    with pytest.raises(FloatRangeError, match="too large"):
        det(Matrix([[1e200, 0.0, 0.0], [0.0, 1e200, 0.0], [0.0, 0.0, -1e200]]))
    with pytest.raises(FloatRangeError, match="too small .* invertible"):
        det(Matrix([[1e-200, 0.0], [0.0, 1e-200]]))
    # the pivots are multiplied exactly: 1e300 · 1e300 overflows, but the answer 1e300 does not;
    # and the 1e-300 pivot is an honest pivot of a diagonal matrix (issue 12: equilibration)
    huge_and_tiny = Matrix([[1e300, 0.0, 0.0], [0.0, 1e300, 0.0], [0.0, 0.0, 1e-300]])
    assert det(huge_and_tiny, tolerance=0.0) == pytest.approx(1e300)
    assert det(huge_and_tiny) == pytest.approx(1e300)


def test_float_det_uses_the_rank_tolerance_so_det_is_zero_exactly_when_rank_drops():
    M = Matrix([[1.0, 2.0 ** 0.5], [2.0 ** 0.5, 2.0]])   # columns on a line, up to rounding
    assert det(M) == 0.0 and rank(M) == 1
    # the tolerance judges the equilibrated matrix (rows and columns scaled by powers of two):
    # a diagonal matrix never loses rank, however different its entries (issue 12)
    assert det(Matrix([[1e10, 0.0], [0.0, 1e-7]])) == pytest.approx(1e3)
    assert rank(Matrix([[1e10, 0.0], [0.0, 1e-7]])) == 2
    # an explicit tolerance is absolute, on M as it is
    assert det(Matrix([[1e10, 0.0], [0.0, 1e-7]]), tolerance=1e-6) == 0.0


# -- inverse -----------------------------------------------------------------------------------

def test_inverse_examples():
    assert inverse(Matrix([[2, 1], [1, 1]])) == Matrix([[1, -1], [-1, 2]])
    assert inverse(Matrix([[0, 1], [1, 0]])) == Matrix([[0, 1], [1, 0]])
    M = Matrix([[1, 2, 3], [0, 1, 4], [5, 6, 0]])
    assert inverse(M) == Matrix([[-24, 18, 5], [20, -15, -4], [-5, 4, 1]])
    assert inverse(M) @ M == Matrix.identity(3)


def test_inverse_steps_multiply_to_the_inverse():
    M = Matrix([[0, 2, 1], [1, 1, 0], [2, 0, 3]])
    result = inverse_steps(M)
    assert isinstance(result, InverseResult)
    product = Matrix.identity(3)
    for step in result.steps:
        product = step.matrix @ product
    assert product == result.inverse == inverse(M)
    assert result.steps[-1].result == Matrix([list(a) + list(b) for a, b in
                                              zip(Matrix.identity(3).rows, result.inverse.rows)])


SINGULAR_MESSAGES = {
    "dependent columns": ([[1, 2], [2, 4]],
                          "det = 0: the columns are dependent (column 2 = 2·column 1), so the "
                          "matrix squashes the plane onto a line and cannot be undone"),
    "zero column": ([[0, 1], [0, 2]], "column 1 is all zeros"),
    "zero matrix": ([[0, 0], [0, 0]],
                    "every column is zero, so the matrix squashes the plane onto a single point"),
    "3×3 onto a plane": ([[1, 0, 1], [0, 1, 1], [1, 1, 2]],
                         "column 3 = 1·column 1 + 1·column 2), so the matrix squashes space onto "
                         "a plane"),
    "4×4": ([[1, 0, 0, 0], [0, 0, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1]],
            "squashes 4-dimensional space into 3 dimensions"),
}


@pytest.mark.parametrize("rows, message", SINGULAR_MESSAGES.values(), ids=SINGULAR_MESSAGES.keys())
def test_singular_matrices_say_why_they_cannot_be_inverted(rows, message):
    with pytest.raises(SingularMatrixError) as raised:
        inverse(Matrix(rows))
    assert message in str(raised.value)


def test_float_singular_matrices_say_approximately():
    with pytest.raises(SingularMatrixError, match="det ≈ 0: .*column 2 ≈ 2·column 1"):
        inverse(Matrix([[0.1, 0.2], [0.3, 0.6000000000000001]]))


# -- solve -------------------------------------------------------------------------------------

def test_solve_unique():
    result = solve(Matrix([[2, 1], [1, 3]]), Vector([3, 5]))
    assert result.kind == "unique"
    assert result.solution == Vector([F(4, 5), F(7, 5)]) and result.directions == ()
    assert result.explanation.startswith("x = (4/5, 7/5): the only solution")


def test_solve_infinite_line_and_plane():
    line = solve(Matrix([[1, 2], [2, 4]]), [1, 2])
    assert line.explanation == ("x = (1, 0) + s·(−2, 1): a whole line of solutions, "
                                "because the columns of A are dependent")
    plane = solve(Matrix([[1, 1, 1]]), [3])
    assert plane.kind == "infinite" and len(plane.directions) == 2
    assert "+ s·(−1, 1, 0) + t·(−1, 0, 1): a whole plane" in plane.explanation


def test_solve_none():
    result = solve(Matrix([[1, 1], [1, 1]]), [1, 2])
    assert result.kind == "none" and result.solution is None and result.directions == ()
    assert result.explanation.startswith("no solution: b is not in the column space of A")


def test_solve_records_the_steps_on_the_augmented_matrix():
    result = solve(Matrix([[1, 1], [1, -1]]), [2, 0])
    assert result.steps[-1].result == Matrix([[1, 0, 1], [0, 1, 1]])


def test_solve_shape_mismatch():
    with pytest.raises(ShapeError, match="A has 2 rows .* b needs 2 components, not 3"):
        solve(Matrix.identity(2), [1, 2, 3])


def test_solve_floats():
    result = solve(Matrix([[0.5, 0.0], [0.0, 4.0]]), [1.0, 2.0])
    assert result.kind == "unique" and result.solution == Vector([2.0, 0.5])


# -- properties against numpy ------------------------------------------------------------------

small_ints = st.integers(-5, 5)
# floats of everyday sizes, and zeros; the extremes are in test_hard_cases.py
everyday_floats = st.one_of(st.just(0.0), st.floats(1e-6, 10), st.floats(-10, -1e-6))


def grids(elements, m, n):
    return st.lists(st.lists(elements, min_size=n, max_size=n), min_size=m, max_size=m)


@st.composite
def matrices(draw, elements=small_ints, square=False, max_size=4):
    m = draw(st.integers(1, max_size))
    n = m if square else draw(st.integers(1, max_size))
    # low-rank matrices are the interesting ones: build some as products
    if draw(st.booleans()):
        k = draw(st.integers(1, min(m, n)))
        left, right = draw(grids(elements, m, k)), draw(grids(elements, k, n))
        return Matrix((np.array(left) @ np.array(right)).tolist())
    return Matrix(draw(grids(elements, m, n)))


def as_array(M: Matrix) -> np.ndarray:
    return np.array(M.to_floats())


def numpy_det(M: Matrix) -> float:
    with np.errstate(all="ignore"):  # LAPACK warns on an exactly singular matrix
        return float(np.linalg.det(as_array(M)))


@PROPERTY
@given(matrices(square=True))
def test_det_matches_numpy_and_cofactor(M):
    exact = det(M)
    assert exact == det_cofactor(M)
    assert math.isclose(float(exact), numpy_det(M), rel_tol=1e-9, abs_tol=1e-6)
    assert det(floats_of(M)) == pytest.approx(float(exact), rel=1e-9, abs=1e-9)


@PROPERTY
@given(matrices(elements=everyday_floats, square=True))
def test_float_det_matches_numpy(M):
    bound = math.prod(max(1.0, float(np.linalg.norm(row))) for row in as_array(M))  # Hadamard
    assert det(M) == pytest.approx(numpy_det(M), rel=1e-9, abs=1e-12 * bound)


@PROPERTY
@given(matrices())
def test_rank_matches_numpy_exactly_and_in_floats(M):
    expected = np.linalg.matrix_rank(as_array(M))
    assert rank(M) == expected
    assert rank(floats_of(M)) == expected
    assert len(null_space(M)) == M.shape[1] - expected
    assert len(column_space(M)) == expected


@PROPERTY
@given(matrices(square=True))
def test_inverse_is_exact_or_singular(M):
    if det(M) == 0:
        with pytest.raises(SingularMatrixError):
            inverse(M)
        return
    M_inverse = inverse(M)
    assert M_inverse @ M == Matrix.identity(M.shape[0]) == M @ M_inverse
    assert np.allclose(as_array(M_inverse), np.linalg.inv(as_array(M)))


@PROPERTY
@given(matrices(elements=everyday_floats, square=True))
def test_float_inverse_matches_numpy_when_well_conditioned(M):
    assume(np.linalg.cond(as_array(M)) < 1e8)
    expected = np.linalg.inv(as_array(M))
    # entries below ε × (largest entry) are rounding noise, snapped to 0
    noise = 1e-8 * np.abs(expected).max()
    assert np.allclose(as_array(inverse(M)), expected, rtol=1e-6, atol=noise)


@PROPERTY
@given(st.one_of(matrices(), matrices(elements=everyday_floats)))
def test_rref_is_idempotent(M):
    once = rref(M)
    twice = rref(once.matrix)
    assert twice.matrix == once.matrix
    assert twice.pivots == once.pivots


@PROPERTY
@given(matrices())
def test_null_space_vectors_are_sent_to_zero(M):
    for v in null_space(M):
        assert all(x == 0 for x in M @ v)
    M_float = floats_of(M)
    scale = max(1.0, float(np.abs(as_array(M)).max()))
    for v in null_space(M_float):
        image = as_array(M_float) @ np.array(v.to_floats())
        assert np.allclose(image, 0, atol=1e-9 * scale * len(v))


@PROPERTY
@given(matrices(), st.lists(small_ints, min_size=4, max_size=4))
def test_solve_matches_the_ranks(A, entries):
    b = Vector(entries[:A.shape[0]])
    result = solve(A, b)
    rank_A = np.linalg.matrix_rank(as_array(A))
    rank_Ab = np.linalg.matrix_rank(np.column_stack([as_array(A), np.array(b.to_floats())]))
    if rank_Ab > rank_A:
        assert result.kind == "none"
        return
    assert result.kind == ("unique" if rank_A == A.shape[1] else "infinite")
    assert A @ result.solution == b
    assert len(result.directions) == A.shape[1] - rank_A
    for d in result.directions:
        assert A @ (result.solution + 3 * d) == b


# -- issue 12: a tiny pivot next to huge ones is a pivot (equilibration) ----------------------

WELL_SCALED_BUT_WIDE = {
    # name: (matrix, det, rank) — invertible matrices whose entries differ hugely in size
    "diagonal 1e200, 1e-200": ([[1e200, 0.0], [0.0, 1e-200]], 1.0, 2),
    "rows of different scales": ([[1e200, 1e200], [1e-200, 2e-200]], 1.0, 2),
    "columns of different scales": ([[1e200, 1e-200], [1e200, 2e-200]], 1.0, 2),
    "3×3 diagonal": ([[1e150, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1e-150]], 1.0, 3),
    # and a singular one stays singular: its second row is its first times 1e-400 (in two steps)
    "rows of different scales, dependent": ([[1e200, 2e200], [1e-200, 2e-200]], 0.0, 1),
}
DETERMINANT_FUNCTIONS = {"elimination": det, "cofactor": det_cofactor}


@pytest.mark.parametrize("function", DETERMINANT_FUNCTIONS.values(), ids=DETERMINANT_FUNCTIONS.keys())
@pytest.mark.parametrize("name", WELL_SCALED_BUT_WIDE)
def test_tiny_pivots_next_to_huge_ones_are_not_zero(name, function):
    rows, determinant, expected_rank = WELL_SCALED_BUT_WIDE[name]
    M = Matrix(rows)
    assert function(M) == pytest.approx(determinant, rel=1e-14, abs=0.0)
    assert rank(M) == expected_rank == len(rref(M).pivots)
    if expected_rank == len(rows):  # against the exact inverse (M⁻¹·M would overflow here)
        truth = inverse(Matrix([[Fraction(x) for x in row] for row in rows]))
        for ours, true in zip(inverse(M).rows, truth.rows):
            assert all(abs(Fraction(a) - b) <= abs(b) * Fraction(1e-14) for a, b in zip(ours, true))
    else:
        with pytest.raises(SingularMatrixError):
            inverse(M)


def test_the_inverse_of_huge_next_to_tiny_keeps_its_tiny_entry():
    assert inverse(Matrix([[1e200, 0.0], [0.0, 1e-200]])) == Matrix([[1e-200, 0.0], [0.0, 1e200]])
