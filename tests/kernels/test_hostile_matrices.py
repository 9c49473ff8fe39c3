"""Matrices that break naive code: the kernel answers correctly or raises a clear kernel error.

"Correctly" is checked against the exact value of the float entries (``Fraction`` arithmetic,
``decimal`` square roots), never against the kernel itself. A clear error is a
:class:`~kernels.errors.LinearAlgebraError` whose message does not blame a NaN or an infinity
the user never typed. Every call runs under a hard deadline, so a hang fails instead of
freezing the suite, and must finish in under a second.

Known bugs are marked ``xfail(strict=True)`` in ``KNOWN_BUGS`` below: when one is fixed its
test passes, turns into a strict-xfail failure, and the mark must go.

A seeded random fuzz run (``test_random_matrices_never_hang_or_lie``) takes
``LINEAR_LENS_FUZZ_EXAMPLES`` matrices (default 40; e.g. 2000 for a long run).
"""

import decimal
import math
import os
import random
import time
from fractions import Fraction

import numpy as np
import pytest

from conftest import deadline
from kernels import (
    LinearAlgebraError,
    Matrix,
    describe,
    det,
    eigenvalues,
    eigenvectors,
    inverse,
    rank,
    rref,
    trace,
)
from kernels.errors import FloatRangeError, SingularMatrixError

DEADLINE_S = 1.2  # a hard stop: a call still running after this has hung
TIME_LIMIT_S = 1.0  # what every call must beat
FUZZ_EXAMPLES = int(os.environ.get("LINEAR_LENS_FUZZ_EXAMPLES", "40"))


def timed_call(function, M):
    """(result, None) or (None, error), after asserting the call neither hung nor dawdled."""
    start = time.perf_counter()
    try:
        with deadline(DEADLINE_S):
            result, error = function(M), None
    except LinearAlgebraError as caught:
        result, error = None, caught
    elapsed = time.perf_counter() - start
    assert elapsed < TIME_LIMIT_S, f"{function.__name__} took {elapsed:.2f} s"
    return result, error


def assert_clear(error: LinearAlgebraError, M: Matrix) -> None:
    """A kernel error on finite input must not blame a NaN or an infinity the user never typed."""
    text = str(error).lower()
    assert "nan" not in text.split() and "inf" not in text.split(), \
        f"unclear error for finite input {M.rows}: {type(error).__name__}: {error}"
    assert not text.startswith("entry is not a finite number"), \
        f"unclear error for finite input {M.rows}: {type(error).__name__}: {error}"


# -- the truth, computed exactly from the entries -----------------------------------------

def exact(M: Matrix) -> list[list[Fraction]]:
    return [[Fraction(x) for x in row] for row in M.rows]


def exact_det(rows) -> Fraction:
    n = len(rows)
    if n == 1:
        return rows[0][0]
    return sum(((-1) ** j * rows[0][j] * exact_det([r[:j] + r[j + 1:] for r in rows[1:]])
                for j in range(n)), Fraction(0))


def exact_inverse(rows):
    n = len(rows)
    d = exact_det(rows)
    cof = [[(-1) ** (i + j) * exact_det([r[:j] + r[j + 1:] for k, r in enumerate(rows) if k != i])
            for j in range(n)] for i in range(n)]
    return [[cof[j][i] / d for j in range(n)] for i in range(n)]


def exact_rank(rows) -> int:
    """Rank by exact Gaussian elimination over the rationals."""
    work = [list(row) for row in rows]
    rank_found, columns = 0, len(work[0])
    for column in range(columns):
        pivot = next((r for r in range(rank_found, len(work)) if work[r][column] != 0), None)
        if pivot is None:
            continue
        work[rank_found], work[pivot] = work[pivot], work[rank_found]
        for r in range(len(work)):
            if r != rank_found and work[r][column] != 0:
                factor = work[r][column] / work[rank_found][column]
                work[r] = [x - factor * y for x, y in zip(work[r], work[rank_found])]
        rank_found += 1
    return rank_found


def frobenius2(rows) -> Fraction:
    return sum((x * x for row in rows for x in row), Fraction(0))


def singularity(rows) -> Fraction:
    """|det| / ‖M‖_F^n: about σ_min/σ_max for 2×2 (0 = singular, 1/2 = a rotation)."""
    n = len(rows)
    f2 = frobenius2(rows)
    if f2 == 0:
        return Fraction(0)
    d = abs(exact_det(rows))
    # compare d² with f2^n to stay rational
    ratio_sq = d * d / f2 ** n
    if ratio_sq == 0 or ratio_sq >= 1e300:
        return Fraction(ratio_sq != 0)
    # √ of the exact ratio with whole numbers: a float would underflow to 0 below 1e-308
    shift = 2 * max(0, (ratio_sq.denominator.bit_length() - ratio_sq.numerator.bit_length()) // 2 + 100)
    return Fraction(math.isqrt((ratio_sq.numerator << shift) // ratio_sq.denominator), 1 << (shift // 2))


def true_eigenvalues_2x2(rows) -> list[complex]:
    """Roots of λ² − tλ + d from the exact entries, to 60 digits (decimal has no float range)."""
    (a, b), (c, d) = rows
    t, D = a + d, a * d - b * c
    with decimal.localcontext() as context:
        context.prec = 60
        context.Emin, context.Emax = -999999, 999999
        def dec(x: Fraction):
            return decimal.Decimal(x.numerator) / decimal.Decimal(x.denominator)
        disc = t * t - 4 * D
        root = dec(abs(disc)).sqrt()
        half = dec(t) / 2
        if disc >= 0:
            return [complex(half + root / 2), complex(half - root / 2)]
        return [complex(float(half), float(root / 2)), complex(float(half), -float(root / 2))]


def scale_of(M: Matrix) -> float:
    return max(float(abs(x)) for row in M.rows for x in row)


# -- the hostile table --------------------------------------------------------------------

HOSTILE = {
    "1e300 diagonal": [[1e300, 0.0], [0.0, 1e300]],
    "1e300 full": [[1e300, 2e300], [3e300, 1e300]],
    "1e-300 diagonal": [[1e-300, 0.0], [0.0, 1e-300]],
    "huge and tiny mixed": [[1e300, 1e-300], [1e-300, 1e300]],
    "huge next to tiny": [[1e300, 0.0], [0.0, 1e-300]],
    "1e308 next to 1": [[1e308, 0.0], [0.0, 1.0]],
    "near-singular 1+1e-12": [[1.0, 1.0], [1.0, 1.0 + 1e-12]],
    "defective exact": [[2, 1], [0, 2]],
    "defective float": [[2.0, 1.0], [0.0, 2.0]],
    "float singular": [[1.0, 2.0], [0.5, 1.0]],
    "float singular 0.1": [[0.1, 0.2], [0.3, 0.6]],
    "float zero": [[0.0, 0.0], [0.0, 0.0]],
    "singular 1e200": [[1e200, 1e200], [1e200, 1e200]],
    "singular 1e-200": [[1e-200, 1e-200], [1e-200, 1e-200]],
    "subnormal diagonal": [[1e-320, 0.0], [0.0, 1e-320]],
    "rotation-scale 1e150": [[0.0, -1e150], [1e150, 0.0]],
    "rotation-scale exact 10^9": [[10 ** 9, -10 ** 9], [10 ** 9, 10 ** 9]],
    "exact 10^300 diagonal": [[10 ** 300, 0], [0, 10 ** 300]],
    "exact 10^20+1": [[10 ** 20 + 1, 0], [0, 1]],
    "shear by 1e20": [[1.0, 1e20], [0.0, 1.0]],
}

FUNCTIONS = {"det": det, "rank": rank, "inverse": inverse, "rref": rref, "trace": trace,
             "eigenvalues": eigenvalues, "eigenvectors": eigenvectors, "describe": describe}

# (case, function) → why it fails today. Found by this file; see the module docstring.
KNOWN_BUGS = {
}


def _params():
    for case in HOSTILE:
        for name in FUNCTIONS:
            reason = KNOWN_BUGS.get((case, name))
            marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
            yield pytest.param(case, name, marks=marks, id=f"{name}-{case}")


def check(M: Matrix, name: str) -> None:
    """Run kernel function ``name`` on M and check its answer (or its error) from first principles."""
    rows = exact(M)
    n = len(rows)
    ratio = singularity(rows)
    result, error = timed_call(FUNCTIONS[name], M)
    if error is not None:
        assert_clear(error, M)
        if name == "det":
            assert isinstance(error, FloatRangeError)
            d = abs(exact_det(rows))
            assert d > Fraction(1.7e308) or 0 < d < Fraction(2.3e-308), f"{error} but det = {float(d)}"
        elif name == "inverse":
            if isinstance(error, SingularMatrixError):
                assert ratio < Fraction(1e-10), f"called singular, but |det|/‖M‖² = {float(ratio)}"
            else:
                assert isinstance(error, FloatRangeError)
                inv = exact_inverse(rows)
                assert any(abs(x) > Fraction(1e307) or 0 < abs(x) < Fraction(1e-307)
                           for row in inv for x in row), f"{error}, yet the inverse fits in floats"
        elif name == "rref":
            assert isinstance(error, FloatRangeError)
        else:
            # rank, trace, the eigen-things and describe have finite answers for finite input
            pytest.fail(f"{name} raised {type(error).__name__}: {error}")
        return

    if name == "det":
        truth = exact_det(rows)
        if M.is_exact:
            assert result == truth
        elif result == 0:
            assert ratio < Fraction(1e-10), f"det = 0, but |det|/‖M‖² = {float(ratio)}"
        else:
            assert math.isfinite(result)
            assert abs(Fraction(result) - truth) <= abs(truth) * Fraction(1e-9)
    elif name == "rank":
        if M.is_exact or all(x == 0 for row in rows for x in row):
            assert result == exact_rank(rows)
        else:
            # never more independent columns than the entries really have; and a well-
            # conditioned matrix is full rank (in between, the tolerance is a judgement call)
            assert 1 <= result <= exact_rank(rows)
            if ratio > Fraction(1e-10):
                assert result == n
    elif name == "trace":
        assert Fraction(result) == sum((rows[i][i] for i in range(n)), Fraction(0)) or \
            math.isclose(float(result), float(sum(rows[i][i] for i in range(n))), rel_tol=1e-15)
    elif name == "inverse":
        assert ratio > 0
        inv = exact_inverse(rows)
        size = max(abs(x) for row in inv for x in row)
        cond = math.sqrt(float(min(frobenius2(rows) * frobenius2(inv), Fraction(1e300))))
        tolerance = Fraction(max(1e-9, 1e-13 * cond))
        for got_row, true_row in zip(result.rows, inv):
            for got, true in zip(got_row, true_row):
                assert math.isfinite(float(got))
                assert abs(Fraction(got) - true) <= tolerance * size
    elif name == "rref":
        assert all(math.isfinite(float(x)) for row in result.matrix.rows for x in row)
        assert len(result.pivots) == rank(M)
    elif name == "eigenvalues":
        values = [complex(ev.value) for ev in result]
        assert all(math.isfinite(v.real) and math.isfinite(v.imag) for v in values), values
        assert sum(ev.multiplicity for ev in result) == n
        if M.is_exact:
            for ev in result:
                if not isinstance(ev.value, complex) and _is_rational_root(rows, ev.value):
                    assert isinstance(ev.value, Fraction), f"rational eigenvalue {ev.value} not exact"
        if n == 2:
            truth = true_eigenvalues_2x2(rows)
            spread = [v for ev in result for v in [complex(ev.value)] * ev.multiplicity]
            scale = max(scale_of(M), max(abs(t) for t in truth))
            # a defective double root is only known to √ε in floats
            tolerance = (1e-6 if not M.is_exact else 1e-12) * scale
            for value in spread:
                assert min(abs(value - t) for t in truth) <= tolerance, (spread, truth)
            for t in truth:
                assert min(abs(value - t) for value in spread) <= tolerance, (spread, truth)
    elif name == "eigenvectors":
        scale = scale_of(M) or 1.0
        assert sum(space.multiplicity for space in result) == n
        for space in result:
            value = space.value
            assert len(space.vectors) >= 1
            assert len(space.vectors) <= space.multiplicity
            for v in space.vectors:
                entries = [complex(x) for x in v]
                assert all(math.isfinite(x.real) and math.isfinite(x.imag) for x in entries)
                length = math.sqrt(sum(abs(x) ** 2 for x in entries))
                assert length > 0
                # ‖Mv − λv‖ small against ‖M‖·‖v‖, computed without overflow
                residual = [sum(complex(M[i, j]) / scale * entries[j] for j in range(n))
                            - complex(value) / scale * entries[i] for i in range(n)]
                assert max(abs(r) for r in residual) <= 1e-6 * length, (value, entries)
    elif name == "describe":
        assert isinstance(result, str) and result
        low = result.lower()
        assert "nan" not in low.split() and "inf" not in low
        kernel_rank = rank(M)
        if "zero matrix" in low:
            assert kernel_rank == 0, f"{result!r} but rank {kernel_rank}"
        if "collapses" in low:
            assert kernel_rank < n, f"{result!r} but rank {kernel_rank}"


def _is_rational_root(rows, value) -> bool:
    """Whether an exact matrix's eigenvalue near ``value`` is rational (test it exactly)."""
    (a, b), (c, d) = rows if len(rows) == 2 else ((None, None), (None, None))
    if a is None:
        return False
    disc = (a + d) ** 2 - 4 * (a * d - b * c)
    if disc < 0:
        return False
    p, q = disc.numerator, disc.denominator
    return math.isqrt(p) ** 2 == p and math.isqrt(q) ** 2 == q


@pytest.mark.parametrize("case, name", list(_params()))
def test_hostile_matrix(case, name):
    check(Matrix(HOSTILE[case]), name)


HOSTILE_3X3 = {
    "3×3 huge, one, tiny": [[1e300, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1e-300]],
    "3×3 Jordan block": [[2, 1, 0], [0, 2, 1], [0, 0, 2]],
    "3×3 float singular": [[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 9.0]],
    "3×3 near-singular": [[1.0, 0.0, 0.0], [0.0, 1.0, 1.0], [0.0, 1.0, 1.0 + 1e-12]],
}
KNOWN_BUGS_3X3 = {
}


def _params_3x3():
    for case in HOSTILE_3X3:
        for name in FUNCTIONS:
            reason = KNOWN_BUGS_3X3.get((case, name))
            marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
            yield pytest.param(case, name, marks=marks, id=f"{name}-{case}")


@pytest.mark.parametrize("case, name", list(_params_3x3()))
def test_hostile_matrix_3x3(case, name):
    M = Matrix(HOSTILE_3X3[case])
    check(M, name)
    if name == "eigenvalues":  # against numpy where numpy can represent the matrix
        result, _ = timed_call(eigenvalues, M)
        truth = np.linalg.eigvals(np.array(M.to_floats()))
        got = [complex(ev.value) for ev in result for _ in range(ev.multiplicity)]
        scale = scale_of(M)
        for t in truth:
            assert min(abs(g - t) for g in got) <= 1e-5 * scale


def random_hostile(rng: random.Random) -> Matrix:
    """A 2×2 mixing ordinary, huge, tiny, exact and duplicated entries."""
    def entry():
        kind = rng.random()
        if kind < 0.25:
            return Fraction(rng.randint(-9, 9), rng.randint(1, 9))
        if kind < 0.45:
            return 0.0
        exponent = rng.choice((0, 0, 1, 5, 12, 50, 100, 150, 200, 300, -5, -12, -100, -200, -300))
        return rng.choice((-1, 1)) * rng.uniform(1, 10) * 10.0 ** exponent
    rows = [[entry(), entry()], [entry(), entry()]]
    if rng.random() < 0.3:  # make it singular: second row a multiple of the first
        k = rng.choice((2, 0.5, 1e-3, 3))
        rows[1] = [rows[0][0] * k, rows[0][1] * k]
    if rng.random() < 0.2:  # rotation-like: a = d, b = −c
        rows[1] = [-rows[0][1], rows[0][0]]
    if all(isinstance(x, Fraction) for row in rows for x in row):
        return Matrix(rows)
    return Matrix([[float(x) for x in row] for row in rows])


def fuzz(names) -> None:
    rng = random.Random(20240611)
    for _ in range(FUZZ_EXAMPLES):
        M = random_hostile(rng)
        for name in names:
            try:
                check(M, name)
            except AssertionError as failure:
                raise AssertionError(f"{name}({M.rows!r}): {failure}") from failure


def test_random_matrices_never_hang_or_lie():
    """Seeded fuzz: det, rank, rref and trace on random hostile 2×2s (LINEAR_LENS_FUZZ_EXAMPLES)."""
    fuzz(("det", "rank", "rref", "trace"))


def test_random_matrices_eigen_and_describe_never_hang_or_lie():
    """The same seeded fuzz for the eigen-functions and describe (once the subject of KNOWN_BUGS)."""
    fuzz(("eigenvalues", "eigenvectors", "describe"))


def test_random_inverses_are_right_or_refused():
    fuzz(("inverse",))


# -- regressions for the fixed hangs and lost exactness (each call must beat TIME_LIMIT_S) ----

def test_close_huge_rational_eigenvalues_stay_exact_and_fast():
    """10²⁰ + 1 and 10²⁰ + 3 are the same float; the exact roots must still be found exactly."""
    M = Matrix([[10 ** 20 + 2, 1], [1, 10 ** 20 + 2]])
    result, error = timed_call(eigenvalues, M)
    assert error is None
    assert [ev.value for ev in result] == [10 ** 20 + 3, 10 ** 20 + 1]
    assert all(type(ev.value) is Fraction for ev in result)


def test_exact_eigenvalues_beyond_the_float_range_are_exact():
    M = Matrix([[10 ** 400, 1], [0, Fraction(1, 10 ** 400)]])
    result, error = timed_call(eigenvalues, M)
    assert error is None and [ev.value for ev in result] == [10 ** 400, Fraction(1, 10 ** 400)]


@pytest.mark.parametrize("size", [10 ** 9, 10 ** 20 + 39, 10 ** 150])
def test_describe_of_a_huge_exact_scaled_rotation_is_fast(size):
    result, error = timed_call(describe, Matrix([[size, -size], [size, size]]))
    assert error is None and result.startswith("rotates by 45° and scales by")


def test_subnormal_eigenvectors_return():
    result, error = timed_call(eigenvectors, Matrix([[1e-320, 1e-321], [0.0, 5e-321]]))
    assert error is None and sum(space.multiplicity for space in result) == 2


def test_cached_eigenvalues_keep_exact_and_float_apart():
    """Matrix([[2]]) == Matrix([[2.0]]) (and they hash alike), but one is exact."""
    assert type(eigenvalues(Matrix([[2]]))[0].value) is Fraction
    assert type(eigenvalues(Matrix([[2.0]]))[0].value) is float
    assert type(eigenvalues(Matrix([[2]]))[0].value) is Fraction
