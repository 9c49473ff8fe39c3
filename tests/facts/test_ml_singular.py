"""SVD facts of the ML lab against numpy's SVD, and the exact forms against sympy."""

import math
import random
from fractions import Fraction

import numpy as np
import pytest
import sympy

from kernels import LinearAlgebraError, Matrix, ShapeError, parse_matrix
from viz.labs.ml.singular import orthogonal_action, singular_facts

# (text, what makes it hard)
MATRICES = [
    ("3 1; 1 2", "symmetric positive definite: σ are its eigenvalues"),
    ("1 1; 0 1", "shear: σ = golden ratio and its inverse"),
    ("2 0; 0 -3", "reflection, det < 0, σ order swaps the axes"),
    ("0 1; 1 0", "a pure reflection: σ repeated (1, 1)"),
    ("0 -2; 2 0", "a rotation times 2: σ repeated"),
    ("1 2; 2 4", "singular, rank 1"),
    ("0 0; 0 0", "the zero matrix"),
    ("1/3 -2/7; 5/11 1/13", "fractions"),
    ("sqrt(2) 1; 0 pi", "floats"),
    ("1e-8 1; 0 1e-8", "floats, tiny σ₂"),
    ("1e150 2e150; 3e150 4e150", "floats, huge entries"),
    ("1 2 3; 4 5 6; 7 8 9", "3×3 singular, irrational σ"),
    ("1 2 0; 0 1 3; 1 0 1", "3×3, cubic σ²"),
    ("2 0 0; 0 2 0; 0 0 1", "3×3 repeated σ"),
    ("1 0 0; 0 -1 0; 0 0 1", "3×3 reflection"),
    ("0 -1 0; 1 0 0; 0 0 -1", "3×3 rotation times reflection, det 1"),
    ("1 1 1; 1 1 1; 1 1 1", "3×3 rank 1, σ = 3, 0, 0"),
    ("-1 2 0; 2 -1 0; 0 0 0", "3×3 rank 2, det 0, a negative eigenvalue"),
    ("0.5 1.25 0; -2 0.1 3; 1 1 -1", "3×3 decimals, det < 0"),
]


def floats(M: Matrix) -> np.ndarray:
    return np.array(M.to_floats(), dtype=float)


@pytest.mark.parametrize("text, why", MATRICES)
def test_against_numpy(text, why):
    M = parse_matrix(text)
    A = floats(M)
    facts = singular_facts(M)
    sigma = np.array([s.value for s in facts.singular_values])
    scale = max(np.abs(A).max(), 1e-300)
    expected = np.linalg.svd(A, compute_uv=False)
    assert np.allclose(sigma, expected, rtol=1e-12, atol=1e-13 * scale), why
    assert all(a >= b for a, b in zip(sigma, sigma[1:]))
    U, V = facts.U, facts.V
    n = len(A)
    assert np.allclose(U.T @ U, np.eye(n), atol=1e-12) and np.allclose(V.T @ V, np.eye(n), atol=1e-12)
    assert np.allclose(A @ V, U * sigma, atol=1e-12 * scale)  # M vᵢ = σᵢ uᵢ
    assert np.allclose(U @ np.diag(sigma) @ V.T, A, atol=1e-12 * scale)
    assert np.linalg.det(V) == pytest.approx(1.0)  # Vᵀ is always a turn
    det_M = np.linalg.det(A / scale)
    if facts.rank == n:
        assert np.sign(np.linalg.det(U)) == np.sign(det_M)  # U reflects exactly when M flips
        assert facts.condition_number == pytest.approx(np.linalg.cond(A), rel=1e-9)
    else:
        assert facts.condition_number == math.inf and facts.condition_exact is None
        assert "∞" in facts.condition_sentence
        assert np.linalg.det(U) == pytest.approx(1.0)
    assert facts.rank == np.linalg.matrix_rank(A, tol=1e-12 * scale) or why.startswith("floats")
    # the rank-1 approximation and its error σ₂ in the spectral norm
    difference = A - floats(facts.rank_one)
    assert np.linalg.norm(difference, 2) == pytest.approx(sigma[1], rel=1e-9, abs=1e-12 * scale)
    assert np.linalg.matrix_rank(floats(facts.rank_one), tol=1e-9 * scale) <= 1
    # the three stages multiply back to M, in the right order: U · Σ · Vᵀ
    first, stretch, last = (stage.matrix for stage in facts.stages)
    assert [stage.name for stage in facts.stages] == ["Vᵀ", "Σ", "U"]
    assert np.allclose(last @ stretch @ first, A, atol=1e-12 * scale)
    assert facts.stages[0].action.startswith(("rotate", "no turn"))
    assert facts.stages[2].action.startswith("reflect") == (facts.rank == n and det_M < 0)


@pytest.mark.parametrize("text", [m for m, _ in MATRICES if "floats" not in _ and "decimals" not in _]
                         + ["0.5 1.25 0; -2 0.1 3; 1 1 -1"])
def test_exact_singular_values_agree_with_sympy(text):
    """Every exact σ printed is the true σ, checked symbolically (not to 15 digits)."""
    M = parse_matrix(text)
    facts = singular_facts(M)
    gram = sympy.Matrix([[sympy.Rational(str(x)) for x in row] for row in M.rows])
    gram = gram.T * gram
    for s in facts.singular_values:
        if s.exact is None:
            continue
        value = sympy.sympify(s.exact.ascii())
        assert value >= 0
        assert sympy.simplify(gram.charpoly().as_expr().subs(gram.charpoly().gen, value ** 2)) == 0
        assert float(value) == pytest.approx(s.value, rel=1e-15)


def test_a_shear_has_the_golden_ratio():
    facts = singular_facts(parse_matrix("1 1; 0 1"))
    assert [s.exact.text() for s in facts.singular_values] == ["1/2 + √5/2", "√5/2 − 1/2"]
    assert [s.exact.ascii() for s in facts.singular_values] == ["1/2 + sqrt(5)/2", "sqrt(5)/2 - 1/2"]
    assert facts.condition_exact.text() == "3/2 + √5/2"  # κ = φ²
    assert facts.U_exact is None  # σ² irrational: the vectors are floats


def test_every_rational_2x2_has_denested_singular_values():
    """σ₁,₂ = (√(‖M‖² + 2|det|) ± √(‖M‖² − 2|det|))/2: never a nested root for a 2×2."""
    rng = random.Random(7)
    for _ in range(60):
        entries = [Fraction(rng.randint(-9, 9), rng.randint(1, 4)) for _ in range(4)]
        M = Matrix([entries[:2], entries[2:]])
        facts = singular_facts(M)
        A = floats(M)
        assert [type(s.exact).__name__ for s in facts.singular_values] != ["NestedRoot"] * 2
        assert all(s.exact is not None for s in facts.singular_values)
        assert np.allclose([float(s.exact) for s in facts.singular_values],
                           np.linalg.svd(A, compute_uv=False), rtol=1e-12, atol=1e-12)
        if facts.rank == 2:
            assert facts.condition_exact is not None
            assert float(facts.condition_exact) == pytest.approx(np.linalg.cond(A), rel=1e-9)


def test_exact_singular_vectors_when_every_sigma_squared_is_rational():
    facts = singular_facts(parse_matrix("1 1; 1 1"))
    assert [s.text() for s in facts.singular_values] == ["2", "0"]
    assert [[r.text() for r in row] for row in facts.V_exact] == [["√2/2", "−√2/2"], ["√2/2", "√2/2"]]
    assert [[r.text() for r in row] for row in facts.U_exact] == [["√2/2", "−√2/2"], ["√2/2", "√2/2"]]
    assert facts.rank_one == parse_matrix("1 1; 1 1")  # exact: M is rank 1 already
    assert facts.rank_one_error.text() == "0"


def test_exact_rank_one_is_a_fraction_matrix():
    facts = singular_facts(parse_matrix("3 0; 4 5"))  # σ² = 45, 5
    assert [s.text() for s in facts.singular_values] == ["3√5 ≈ 6.7082", "√5 ≈ 2.23607"]
    assert facts.rank_one.is_exact
    assert facts.rank_one == parse_matrix("3/2 3/2; 9/2 9/2")
    assert facts.condition_exact.text() == "3"


def test_a_cubic_sigma_squared_is_a_float_with_its_polynomial():
    facts = singular_facts(parse_matrix("1 2 0; 0 1 3; 1 0 1"))
    assert all(s.exact is None for s in facts.singular_values)
    assert "x³ − 17x² + 66x − 49" in facts.singular_values[0].square.text()
    assert facts.condition_exact is None


@pytest.mark.parametrize("Q, words", [
    ([[0, -1], [1, 0]], "rotate by 90°"),
    ([[1, 0], [0, 1]], "no turn"),
    ([[1, 0], [0, -1]], "reflect across the line at 0° (the x-axis)"),
    ([[-1, 0], [0, 1]], "reflect across the line at 90° (the y-axis)"),
    ([[0, 1], [1, 0]], "reflect across the line at 45°"),
    ([[1, 0, 0], [0, 1, 0], [0, 0, -1]], "reflect in the plane perpendicular to (0, 0, 1)"),
    ([[-1, 0, 0], [0, -1, 0], [0, 0, -1]], "reflect in the plane perpendicular to"),
    ([[0, -1, 0], [1, 0, 0], [0, 0, 1]], "rotate by 90° about (0, 0, 1)"),
])
def test_orthogonal_actions_in_words(Q, words):
    assert orthogonal_action(np.array(Q, dtype=float)).startswith(words)


def test_an_improper_3d_turn_names_its_rotation():
    """−R(z, 90°) = R(−z, 90°)·(mirror in the xy-plane): both parts are named."""
    words = orthogonal_action(-np.array([[0.0, -1, 0], [1, 0, 0], [0, 0, 1]]))
    assert words == "reflect in the plane perpendicular to (0, 0, 1), then rotate by 90° about (0, 0, −1)"


@pytest.mark.parametrize("matrix, error, words", [
    (Matrix([[1, 2, 3, 4], [5, 6, 7, 8], [1, 2, 3, 4], [0, 0, 0, 1]]), ShapeError, "2×2 and 3×3"),
    (Matrix([[1, 2, 3], [4, 5, 6]]), ShapeError, "square"),
    (Matrix([[1, 2j], [0, 1]]), LinearAlgebraError, "complex"),
])
def test_refusals(matrix, error, words):
    with pytest.raises(error, match=words):
        singular_facts(matrix)
