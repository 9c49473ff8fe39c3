"""Issue 12: eigenvalues of exact matrices decided exactly, never merged or split by floats.

The regression table holds each defect as it was reported; the properties compare the kernel
with sympy (exact algebra) on random exact matrices with close or repeated eigenvalues,
companion matrices and Jordan-block similarity transforms P·J·P⁻¹.
"""

import math
from fractions import Fraction as F

import mpmath
import pytest
import sympy
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from kernels import (
    Matrix,
    Vector,
    characteristic_polynomial,
    describe,
    eigenvalues,
    eigenvectors,
    is_diagonalizable,
)
from kernels.algebraic import ComplexRoot, QuadraticSurd, RealRoot

E10 = F(1, 10 ** 10)


def truth_float(expression) -> complex:
    """sympy's exact number, rounded once to a float (each part)."""
    value = sympy.N(expression, 60)
    return complex(float(sympy.re(value)), float(sympy.im(value)))


# -- the defects as reported ------------------------------------------------------------------

def test_close_symmetric_eigenvalues_stay_distinct():
    """[[1, 10⁻¹⁰], [2·10⁻¹⁰, 1]]: once 1.0 twice, 2-dimensional eigenspaces, not diagonalizable."""
    M = Matrix([[1, E10], [2 * E10, 1]])
    up, down = eigenvalues(M)
    assert (up.exact.text(), down.exact.text()) == ("1 + √2·10⁻¹⁰", "1 − √2·10⁻¹⁰")
    root = sympy.sqrt(2) / 10 ** 10
    assert up.value == truth_float(1 + root).real and down.value == truth_float(1 - root).real
    assert up.value != down.value and up.multiplicity == down.multiplicity == 1
    spaces = eigenvectors(M)
    assert [s.geometric_multiplicity for s in spaces] == [1, 1]
    (u,), (v,) = (s.vectors for s in spaces)
    assert u[1] / u[0] == pytest.approx(math.sqrt(2), rel=1e-15)   # y = √2·x
    assert v[1] / v[0] == pytest.approx(-math.sqrt(2), rel=1e-15)
    assert is_diagonalizable(M)
    sentence = describe(M)
    assert "1 + √2·10⁻¹⁰" in sentence and "1 − √2·10⁻¹⁰" in sentence
    assert sentence.count("x-axis") == 0


def test_a_tiny_exact_turn_is_a_complex_pair_not_a_double_real_root():
    """Once (1, 1.0, 1.0) with seven eigenvectors in 3D; truly 1 and 1 ± 10⁻¹⁰·i."""
    M = Matrix([[1, 0, 0], [0, 1, -E10], [0, E10, 1]])
    one, up, down = eigenvalues(M)
    assert one.value == 1 and type(one.value) is F
    assert up.value == complex(1, 1e-10) and down.value == complex(1, -1e-10)
    assert (up.exact.text(), down.exact.text()) == ("1 + 10⁻¹⁰i", "1 − 10⁻¹⁰i")
    assert sum(s.geometric_multiplicity for s in eigenvectors(M)) == 3
    assert eigenvectors(M)[0].vectors == (Vector([1, 0, 0]),)


def test_floats_that_coincide_do_not_merge_distinct_eigenvalues():
    """1 ± √2·10⁻²⁰ are both the float 1.0: still two eigenvalues, in their true order."""
    M = Matrix([[1, F(1, 10 ** 20)], [F(2, 10 ** 20), 1]])
    up, down = eigenvalues(M)
    assert up.value == down.value == 1.0
    assert (up.exact.text(), down.exact.text()) == ("1 + √2·10⁻²⁰", "1 − √2·10⁻²⁰")
    assert [s.geometric_multiplicity for s in eigenvectors(M)] == [1, 1]
    assert is_diagonalizable(M)


def test_close_rational_eigenvalues_are_exact_and_distinct():
    M = Matrix([[1, 1], [0, 1 + F(1, 10 ** 30)]])
    values = [e.value for e in eigenvalues(M)]
    assert values == [1 + F(1, 10 ** 30), 1] and all(type(v) is F for v in values)
    assert is_diagonalizable(M)


def test_a_repeated_irrational_eigenvalue_has_its_exact_multiplicity():
    """diag(A, A) with A's eigenvalues 1 ± √2: each twice, each with a 2-dimensional eigenspace."""
    A = [[1, 2], [1, 1]]
    M = Matrix([A[0] + [0, 0], A[1] + [0, 0], [0, 0] + A[0], [0, 0] + A[1]])
    spaces = eigenvectors(M)
    assert [(s.exact.text(), s.multiplicity, s.geometric_multiplicity) for s in spaces] == \
        [("1 + √2", 2, 2), ("1 − √2", 2, 2)]


def test_a_defective_irrational_eigenvalue_is_found_defective():
    """[[A, I], [0, A]]: λ = 1 ± √2 twice each, but one eigen-direction each."""
    M = Matrix([[1, 2, 1, 0], [1, 1, 0, 1], [0, 0, 1, 2], [0, 0, 1, 1]])
    spaces = eigenvectors(M)
    assert [(s.multiplicity, s.geometric_multiplicity) for s in spaces] == [(2, 1), (2, 1)]
    assert not is_diagonalizable(M)


def test_irreducible_cubic_roots_are_isolated_and_correctly_rounded():
    M = Matrix([[1, 2, 3], [4, 5, 6], [7, 8, 10]])
    x = sympy.Symbol("x")
    roots = sympy.Poly(sympy.Matrix(M.rows).charpoly(x).as_expr(), x).real_roots()
    truth = sorted((float(sympy.N(r, 40)) for r in roots), reverse=True)  # float(r) is not rounded once
    values = eigenvalues(M)
    assert [e.value for e in values] == truth
    assert all(isinstance(e.exact, RealRoot) for e in values)


@pytest.mark.parametrize("k", [1, 2])
def test_a_cubic_with_a_tight_complex_pair_is_exact(k):
    """(x − 1)³ = k·10⁻³⁰: the real root 1 + ∛k·10⁻¹⁰ and a pair 10⁻¹⁰ away from it.

    For k = 1 the real root is rational, and what is left is a quadratic: a closed form.
    """
    M = Matrix([[0, 0, 1 + k * F(1, 10 ** 30)], [1, 0, -3], [0, 1, 3]])   # the companion matrix
    real, up, down = eigenvalues(M)
    cube_root = sympy.cbrt(k) / 10 ** 10
    assert float(real.value) == truth_float(1 + cube_root).real
    pair = 1 + cube_root * sympy.exp(2 * sympy.pi * sympy.I / 3)
    assert up.value == truth_float(pair) and down.value == up.value.conjugate()
    if k == 1:
        assert real.value == 1 + F(1, 10 ** 10)
        assert (up.exact.text(), down.exact.text()) == ("1 − 5·10⁻¹¹ + 5i√3·10⁻¹¹", "1 − 5·10⁻¹¹ − 5i√3·10⁻¹¹")
    else:
        assert isinstance(real.exact, RealRoot) and isinstance(up.exact, ComplexRoot)


@pytest.mark.parametrize("rows", [
    [[0, 0, 0, 3], [1, 0, 0, -1], [0, 1, 0, 2], [0, 0, 1, -1]],    # (x² + 1)(x² + x − 3)
    [[0, -1, 0, 0], [1, 0, 0, 0], [0, 0, 1, 1], [0, 0, 1, 0]],     # a turn beside a golden ratio
], ids=["companion", "block diagonal"])
def test_quadratic_factors_of_a_quartic_get_closed_forms(rows):
    """A square-free quartic that is a product of two quadratics: both in closed form."""
    values = eigenvalues(Matrix(rows))
    assert all(isinstance(e.exact, QuadraticSurd) for e in values)
    assert values[-2].value == 1j and values[-1].value == -1j   # exactly ±i, no 2e-78 real part


def test_exact_complex_pairs_are_conjugates_with_plus_first():
    """Issue 12, defect 2: once listed − first, and differing in the last bits."""
    M = Matrix([[-3, -5, 1], [2, -1, 4], [1, 1, -4]])
    values = [e.value for e in eigenvalues(M)]
    pairs = [v for v in values if isinstance(v, complex)]
    assert pairs and pairs[0].imag > 0 and pairs[1] == pairs[0].conjugate()


def test_pairs_with_the_same_real_part_stay_side_by_side():
    M = Matrix([[0, 0, 0, -3], [1, 0, 0, -2], [0, 1, 0, -3], [0, 0, 1, -2]])  # (x² + x + 1)(x² + x + 3)
    values = [e.value for e in eigenvalues(M)]
    assert values[0] == values[1].conjugate() and values[0].imag > 0
    assert values[2] == values[3].conjugate() and values[2].imag > 0


# -- properties against sympy -----------------------------------------------------------------

def sympy_matrix(M: Matrix) -> sympy.Matrix:
    return sympy.Matrix([[sympy.Rational(x.numerator, x.denominator) for x in row] for row in M.rows])


def true_roots(M: Matrix) -> list:
    """(root as mpmath number to 60 digits, multiplicity, irreducible factor) for every distinct
    eigenvalue, from sympy's factorisation over the rationals. Each factor's roots are found
    after zooming in on them (shift by their mean, scale their spread to about 1), so tight
    clusters are resolved."""
    x, y = sympy.symbols("x y")
    mpmath.mp.dps = 80
    _, factors = sympy.factor_list(sympy_matrix(M).charpoly(x).as_expr(), x)
    found = []
    for factor, multiplicity in factors:
        poly = sympy.Poly(factor, x)
        degree = poly.degree()
        coefficients = poly.all_coeffs()
        if degree == 1:
            found.append((mpmath.mpmathify(sympy.N(-coefficients[1] / coefficients[0], 80)), multiplicity, factor))
            continue
        centre = -coefficients[1] / (degree * coefficients[0])
        moved = sympy.Poly(sympy.expand(factor.subs(x, centre + y)), y).all_coeffs()
        spread = max(abs(sympy.N(c / moved[0], 30)) ** (1 / sympy.Integer(i))
                     for i, c in enumerate(moved) if i and c != 0)
        s = sympy.Integer(2) ** int(math.floor(math.log2(float(spread))))
        zoomed = sympy.Poly(sympy.expand(sympy.Poly(moved, y).as_expr().subs(y, s * y) / s ** degree), y)
        for r in zoomed.nroots(n=60, maxsteps=500):
            found.append((mpmath.mpmathify(sympy.N(centre + s * r, 70)), multiplicity, factor))
    return found


def high_precision(e) -> mpmath.mpc:
    if e.exact is None:
        return mpmath.mpc(mpmath.mpf(e.value.numerator) / e.value.denominator)
    a = e.exact.approximation(256)
    if isinstance(a, F):
        return mpmath.mpc(mpmath.mpf(a.numerator) / a.denominator)
    return mpmath.mpc(mpmath.mpf(a[0].numerator) / a[0].denominator, mpmath.mpf(a[1].numerator) / a[1].denominator)


def geometric_multiplicity(M: Matrix, root) -> int:
    """dim null(M − λI) by an SVD in 80-digit arithmetic (λ known to 60 digits)."""
    n = M.shape[0]
    A = mpmath.matrix([[mpmath.mpf(x.numerator) / x.denominator for x in row] for row in M.rows])
    singular = mpmath.svd_c(A - root * mpmath.eye(n), compute_uv=False)
    return sum(1 for s in singular if abs(s) < mpmath.mpf(10) ** -45)


def check_against_sympy(M: Matrix) -> None:
    values, spaces = eigenvalues(M), eigenvectors(M)
    truth = true_roots(M)
    assert len(values) == len(truth), (values, truth)
    assert sum(e.multiplicity for e in values) == M.shape[0]
    for e, space in zip(values, spaces):
        ours = high_precision(e)
        match = min(truth, key=lambda t: abs(t[0] - ours))
        truth.remove(match)
        root, multiplicity, factor = match
        assert e.multiplicity == multiplicity, (e, match)
        # rational exactly when sympy says so; each float part within rounding of the truth
        assert (type(e.value) is F) == (sympy.degree(factor) == 1), (e, factor)
        value = complex(e.value)
        for ours_part, true_part in ((value.real, float(root.real)), (value.imag, float(root.imag))):
            assert abs(ours_part - true_part) <= 1.2e-16 * abs(true_part) + 1e-300, (e, root)
        if sympy.degree(factor) == 2:
            assert isinstance(e.exact, QuadraticSurd)
        assert space.geometric_multiplicity == geometric_multiplicity(M, root), (e, space)
    plain = [e.value for e in values]
    real = [v for v in plain if not isinstance(v, complex)]
    pairs = [v for v in plain if isinstance(v, complex)]
    assert plain == real + pairs
    assert all(a == b.conjugate() and a.imag > 0 for a, b in zip(pairs[::2], pairs[1::2]))


PROPERTIES = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def close_eigenvalues(draw):
    """I + ε·(random integers): every eigenvalue within a few ε of 1, ε from 10⁻⁵ to 10⁻³⁰."""
    n = draw(st.sampled_from([2, 3, 4]))
    eps = F(1, 10 ** draw(st.integers(5, 30)))
    small = draw(st.lists(st.lists(st.integers(-3, 3), min_size=n, max_size=n), min_size=n, max_size=n))
    return Matrix([[1 + small[i][j] * eps if i == j else small[i][j] * eps for j in range(n)]
                   for i in range(n)])


@st.composite
def companions(draw):
    """The companion matrix of a random monic integer polynomial: its eigenvalues are the roots."""
    coefficients = draw(st.lists(st.integers(-6, 6), min_size=2, max_size=5))
    n = len(coefficients)
    return Matrix([[(1 if i == j + 1 else 0) if j < n - 1 else -coefficients[i] for j in range(n)]
                   for i in range(n)])


@st.composite
def jordan_similar(draw):
    """P·J·P⁻¹ for a random Jordan form J (repeated eigenvalues, some blocks) and invertible P."""
    n = draw(st.sampled_from([2, 3, 4]))
    diagonal = [F(draw(st.integers(-3, 3)))]
    for _ in range(n - 1):
        diagonal.append(diagonal[-1] if draw(st.booleans()) else F(draw(st.integers(-3, 3))))
    J = [[diagonal[i] if i == j else F(0) for j in range(n)] for i in range(n)]
    for i in range(n - 1):
        if diagonal[i] == diagonal[i + 1] and draw(st.booleans()):
            J[i][i + 1] = F(1)
    P = draw(st.lists(st.lists(st.integers(-2, 2), min_size=n, max_size=n), min_size=n, max_size=n))
    SP = sympy.Matrix(P)
    assume(SP.det() != 0)
    A = SP * sympy.Matrix(J) * SP.inv()
    return Matrix([[F(int(sympy.fraction(a)[0]), int(sympy.fraction(a)[1])) for a in A.row(i)]
                   for i in range(n)])


@PROPERTIES
@given(close_eigenvalues())
def test_close_and_repeated_eigenvalues_match_sympy(M):
    check_against_sympy(M)


@PROPERTIES
@given(companions())
def test_companion_matrices_match_sympy(M):
    check_against_sympy(M)
    assert all(space.geometric_multiplicity == 1 for space in eigenvectors(M))  # non-derogatory


@PROPERTIES
@given(jordan_similar())
def test_jordan_similarity_transforms_match_sympy(M):
    check_against_sympy(M)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(-9, 9), min_size=9, max_size=9))
def test_characteristic_polynomial_and_multiplicities_match_sympy(entries):
    M = Matrix([entries[0:3], entries[3:6], entries[6:9]])
    x = sympy.Symbol("x")
    assert list(characteristic_polynomial(M)) == sympy.Poly(sympy_matrix(M).charpoly(x).as_expr(), x).all_coeffs()
    _, square_free = sympy.sqf_list(sympy_matrix(M).charpoly(x).as_expr(), x)
    expected = sorted(k for factor, k in square_free for _ in range(sympy.degree(factor, x)))
    assert sorted(e.multiplicity for e in eigenvalues(M)) == expected
