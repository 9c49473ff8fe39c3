"""Eigenvalues and eigenvectors: the directions a matrix only stretches.

An eigenvector v of M is a nonzero vector that M does not turn: ``M·v = λ·v``. The number λ
(the eigenvalue) says how much that direction is stretched; a negative λ also flips it.
Rearranged, ``(M − λI)·v = 0``: λ is an eigenvalue exactly when ``M − λI`` squashes some
direction to zero, i.e. when ``det(λI − M) = 0``. That determinant is a polynomial in λ, the
*characteristic polynomial*, and its roots are the eigenvalues.

How the roots are found. For an **exact** (rational) matrix, every decision is exact; floats
only ever suggest, and are checked:

* the characteristic polynomial is computed exactly and split into square-free factors
  (Yun's algorithm, with gcd(p, p′)): multiplicities are exact, and no two factors share a root;
* rational roots are found exactly (a float guess, then an exact test p(r) = 0);
* the roots of a quadratic factor get a closed form, p ± q√d (1 ± √2·10⁻¹⁰, 1 ± 10⁻¹⁰·i);
* real roots of higher-degree factors are isolated by Sturm sequences, each in an interval
  that holds no other root, and narrowed exactly to whatever precision is asked for;
  complex ones are computed to 256 bits, in exact conjugate pairs;
* eigenvectors of an irrational λ come from elimination with λ as a symbol (polynomials
  modulo λ's polynomial), so the dimension of each eigenspace is exact too.

Two eigenvalues are therefore never merged because their floats are close (1 ± √2·10⁻²⁰ are
both the float 1.0, and still two eigenvalues), and never split because they differ.

For **float** matrices, the quadratic or cubic formula (up to 3×3) or the shifted QR
algorithm (from 4×4) gives the roots, and eigenvalues that close together count as one
repeated eigenvalue: a repeated root is only ever computed approximately in floating point.
Rounding the polynomial by ε moves a k-fold root by about ε^(1/k) (√ε ≈ 1.5e-8 for a double
root), so k roots within ``_cluster_tolerance(k)`` × (largest entry) of each other are one
root of multiplicity k; never further apart than ``CLUSTER_TOLERANCE`` × (largest entry).

>>> for space in eigenvectors(Matrix([[2, 1], [1, 2]])):
...     print(space.value, [str(v) for v in space.vectors])
3 ['(1, 1)']
1 ['(1, -1)']
"""

import cmath
import functools
import math
import operator
import sys
from collections.abc import Sequence
from fractions import Fraction
from typing import NamedTuple

from .algebraic import PRECISION, AlgebraicNumber, ComplexRoot, QuadraticSurd, RealRoot
from .elimination import null_space
from .errors import FloatRangeError, LinearAlgebraError
from .matrix import Matrix, Vector
from .polynomials import (
    count_real_roots,
    derivative,
    divide,
    evaluate,
    exact_quotient,
    homogeneous_value,
    inverse_modulo,
    isolate_real_roots,
    multiply_modulo,
    narrow,
    root_bound,
    shifted,
    squarefree_factors,
    sturm_sequence,
    subtract,
)
from .radicals import exact_sqrt

#: Float eigenvalues further apart than this (relative to the largest entry) are never merged
#: into one repeated eigenvalue (see ``_cluster_tolerance`` for the tolerance actually used).
CLUSTER_TOLERANCE = 1e-5
#: The relative rounding error assumed in the characteristic polynomial's coefficients.
_POLYNOMIAL_ROUNDING = 1024 * sys.float_info.epsilon
#: ``M − λI`` counts as squashing a direction when it is this close to doing so (relative).
EIGENVECTOR_TOLERANCE = 1e-9

_EPS = sys.float_info.epsilon


def _cluster_tolerance(count: int) -> float:
    """How far apart (relative to the largest entry) ``count`` computed roots may be and still
    be one root of multiplicity ``count``: about (rounding)^(1/count), as a k-fold root moves by
    the k-th root of a change in the coefficients. 4.8e-7 for 2 roots, 1e-5 (the cap) from 3.
    """
    return min(CLUSTER_TOLERANCE, _POLYNOMIAL_ROUNDING ** (1 / count))


class Eigenvalue(NamedTuple):
    """An eigenvalue with its algebraic multiplicity (how often it is a root of det(λI − M)).

    ``exact`` is the eigenvalue itself when ``value`` is only its nearest float: an
    irrational eigenvalue of an exact matrix (see :mod:`kernels.algebraic`). It is ``None``
    when ``value`` is exact already, or when the matrix itself is made of floats.
    """

    value: Fraction | float | complex
    multiplicity: int
    exact: AlgebraicNumber | None = None


class Eigenspace(NamedTuple):
    """An eigenvalue, its algebraic multiplicity, and a basis of its eigenspace.

    The eigenspace is every v with ``M·v = λ·v``: the null space of ``M − λI``. Its dimension
    (the geometric multiplicity) is at most the algebraic multiplicity; when it is smaller for
    some λ the matrix is *defective* and cannot be diagonalised.
    """

    value: Fraction | float | complex
    multiplicity: int
    vectors: tuple
    exact: AlgebraicNumber | None = None  # as in Eigenvalue

    @property
    def algebraic_multiplicity(self) -> int:
        """How many times λ is a root of the characteristic polynomial."""
        return self.multiplicity

    @property
    def geometric_multiplicity(self) -> int:
        """How many independent directions M stretches by λ: the eigenspace's dimension."""
        return len(self.vectors)


# -- the characteristic polynomial ---------------------------------------------------------

def characteristic_polynomial(M: Matrix) -> tuple:
    """Coefficients of det(λI − M) = λⁿ + c₁λⁿ⁻¹ + … + cₙ, highest degree first: (1, c₁, …, cₙ).

    Computed by the Faddeev–LeVerrier recurrence, which needs only products and traces, so it
    stays exact for fractions: ``B₁ = I``, ``cₖ = −trace(M·Bₖ)/k``, ``Bₖ₊₁ = M·Bₖ + cₖI``.
    Always ``c₁ = −trace(M)`` and ``cₙ = (−1)ⁿ det(M)``.

    >>> [str(c) for c in characteristic_polynomial(Matrix([[2, 1], [1, 2]]))]   # λ² − 4λ + 3
    ['1', '-4', '3']
    >>> [str(c) for c in characteristic_polynomial(Matrix([[0, -1], [1, 0]]))]  # λ² + 1
    ['1', '0', '1']
    """
    n = M.require_square("the characteristic polynomial")
    if M.is_exact:
        return _exact_characteristic_polynomial(M, n)
    a = [list(row) for row in M.rows]
    one, zero = 1.0, 0.0
    coefficients = [one]
    b = [[one * (i == j) for j in range(n)] for i in range(n)]  # B₁ = I
    for k in range(1, n + 1):
        mb = [[sum((a[i][t] * b[t][j] for t in range(n)), zero) for j in range(n)]
              for i in range(n)]
        c = -sum((mb[i][i] for i in range(n)), zero) / k
        coefficients.append(c)
        b = [[mb[i][j] + (c if i == j else 0) for j in range(n)] for i in range(n)]
    return tuple(coefficients)


def _exact_characteristic_polynomial(M: Matrix, n: int) -> tuple:
    """The same recurrence in whole numbers, which are many times faster than fractions.

    With d the common denominator of M's entries, A = d·M has whole entries, and so has its
    characteristic polynomial (every division by k in the recurrence is exact). Its roots are
    d times those of M's, so M's coefficients are A's divided by d, d², …, dⁿ. A coefficient
    that is a whole number is returned as an ``int``, the others as ``Fraction``.
    """
    d = math.lcm(*(x.denominator for row in M.rows for x in row))
    a = [[x.numerator * (d // x.denominator) for x in row] for row in M.rows]
    coefficients = [1]
    b = [[int(i == j) for j in range(n)] for i in range(n)]  # B₁ = I
    for k in range(1, n + 1):
        b_columns = list(zip(*b))
        mb = [[sum(map(operator.mul, row, column)) for column in b_columns] for row in a]
        c = -sum(mb[i][i] for i in range(n)) // k  # exact: the result is a whole number
        coefficients.append(c)
        b = [[mb[i][j] + (c if i == j else 0) for j in range(n)] for i in range(n)]
    return tuple(exact_quotient(c, d ** k) for k, c in enumerate(coefficients))


# -- float roots (a first guess for exact polynomials, the answer for float ones) -------------

def _quadratic_roots(b, c):
    """Roots of x² + bx + c, avoiding the cancellation in (−b ± √disc)/2."""
    if isinstance(b, complex) or isinstance(c, complex):
        root = cmath.sqrt(b * b - 4 * c)
        q = -(b + root) / 2 if abs(b + root) >= abs(b - root) else -(b - root) / 2
    else:
        disc = b * b - 4 * c
        if disc < 0:
            centre = 0.0 - b / 2  # 0.0 − … avoids printing −0
            return [complex(centre, math.sqrt(-disc) / 2), complex(centre, -math.sqrt(-disc) / 2)]
        q = -(b + math.copysign(math.sqrt(disc), b)) / 2
    return [q, c / q if q != 0 else q]


def _cubic_roots(b, c, d):
    """Roots of x³ + bx² + cx + d: shift x = t − b/3 to get t³ + pt + q, then solve that."""
    p = c - b * b / 3
    q = 2 * b ** 3 / 27 - b * c / 3 + d
    shift = -b / 3
    if p == 0 and q == 0:
        return [shift] * 3
    if not any(isinstance(x, complex) for x in (p, q)):
        disc = q * q / 4 + p ** 3 / 27
        if disc < 0:  # three distinct real roots: the trigonometric form
            m = 2 * math.sqrt(-p / 3)
            angle = math.acos(max(-1.0, min(1.0, 3 * q / (p * m)))) / 3
            return [shift + m * math.cos(angle - 2 * math.pi * k / 3) for k in range(3)]
        # one real root (Cardano with real cube roots) and a conjugate pair, or a double root
        w = -q / 2 - math.copysign(math.sqrt(disc), q)
        u = math.copysign(abs(w) ** (1 / 3), w)
        v = -p / (3 * u)
        real, half_gap = shift + u + v, math.sqrt(3) / 2 * (u - v)
        if half_gap == 0:
            return [real, shift - (u + v) / 2, shift - (u + v) / 2]
        centre = shift - (u + v) / 2
        return [real, complex(centre, half_gap), complex(centre, -half_gap)]
    root = cmath.sqrt(q * q / 4 + p ** 3 / 27)
    w = -q / 2 + root if abs(-q / 2 + root) >= abs(-q / 2 - root) else -q / 2 - root
    u = w ** (1 / 3)
    turn = cmath.exp(2j * math.pi / 3)
    return [shift + u * turn ** k - p / (3 * u * turn ** k) for k in range(3)]


def _numeric_roots(poly):
    """Approximate roots of a monic polynomial: a formula up to degree 3, else the QR algorithm."""
    coefficients = [c if isinstance(c, complex) else float(c) for c in poly]
    degree = len(coefficients) - 1
    if degree == 1:
        return [-coefficients[1]]
    if degree == 2:
        return _quadratic_roots(coefficients[1], coefficients[2])
    if degree == 3:
        return _cubic_roots(*coefficients[1:])
    # the companion matrix: its characteristic polynomial is poly
    companion = [[-c for c in coefficients[1:]]]
    companion += [[1.0 if j == i else 0.0 for j in range(degree)] for i in range(degree - 1)]
    return qr_eigenvalues(companion)


def _polish(poly, root, steps=3):
    """A few Newton steps x ← x − p(x)/p′(x), sharpening a simple float root to full precision."""
    slope_poly = derivative(poly)
    x = root
    for _ in range(steps):
        slope = evaluate(slope_poly, x)
        if slope == 0:
            break
        x = x - evaluate(poly, x) / slope
    return x


# -- the QR algorithm -----------------------------------------------------------------------

def _to_hessenberg(a):
    """Householder reflections making a zero below its first subdiagonal (same eigenvalues)."""
    n = len(a)
    for k in range(n - 2):
        x = [a[i][k] for i in range(k + 1, n)]
        length = math.sqrt(sum(abs(t) ** 2 for t in x))
        if length == 0:
            continue
        phase = x[0] / abs(x[0]) if x[0] != 0 else 1
        v = list(x)
        v[0] += phase * length  # v = x − α·e₁ with α = −phase·|x|: no cancellation
        norm2 = sum(abs(t) ** 2 for t in v)
        for j in range(k, n):  # from the left: a ← (I − 2vv*/v*v)·a
            s = 2 * sum(v[i].conjugate() * a[k + 1 + i][j] for i in range(len(v))) / norm2
            for i in range(len(v)):
                a[k + 1 + i][j] -= s * v[i]
        for i in range(n):  # from the right: a ← a·(I − 2vv*/v*v)
            s = 2 * sum(a[i][k + 1 + t] * v[t] for t in range(len(v))) / norm2
            for t in range(len(v)):
                a[i][k + 1 + t] -= s * v[t].conjugate()
        for i in range(k + 2, n):
            a[i][k] = 0j


def _wilkinson_shift(a, b, c, d):
    """The eigenvalue of [[a, b], [c, d]] nearer to d: a guess for the next eigenvalue."""
    half = (a - d) / 2
    root = cmath.sqrt(half * half + b * c)
    denominator = half + root if abs(half + root) >= abs(half - root) else half - root
    return d if denominator == 0 else d - b * c / denominator


def qr_eigenvalues(rows, max_iterations: int = 60) -> list:
    """All eigenvalues of a square matrix (rows of numbers) by the shifted QR algorithm.

    Factor A − μI = QR, then set A ← RQ + μI = Qᵀ·A·Q: the same map in a rotated basis, so
    the eigenvalues do not change, but repeating it drives the entries below the diagonal to
    zero, leaving the eigenvalues on the diagonal (the Schur form). The shift μ (Wilkinson's:
    an eigenvalue of the bottom-right 2×2) makes the last entry converge in a few steps; then
    that eigenvalue is split off and the rest continues. Working in complex arithmetic lets
    complex eigenvalues appear on the diagonal directly. Returns complex numbers, in no order.

    >>> sorted(round(z.real, 9) for z in qr_eigenvalues([[2, 0, 0, 1], [0, 3, 0, 0],
    ...                                                  [0, 0, 4, 0], [1, 0, 0, 2]]))
    [1.0, 3.0, 3.0, 4.0]
    """
    a = [[complex(x) for x in row] for row in rows]
    _to_hessenberg(a)
    size = max(sum(abs(x) for x in row) for row in a)
    values = []
    hi = len(a) - 1
    iterations = 0
    while hi >= 0:
        lo = hi  # find the active block a[lo..hi]: split where a subdiagonal entry is negligible
        while lo > 0:
            nearby = abs(a[lo - 1][lo - 1]) + abs(a[lo][lo]) or size
            if abs(a[lo][lo - 1]) <= _EPS * nearby:
                a[lo][lo - 1] = 0j
                break
            lo -= 1
        if lo == hi:
            values.append(a[hi][hi])
            hi, iterations = hi - 1, 0
            continue
        iterations += 1
        if iterations > max_iterations:
            raise LinearAlgebraError("the QR algorithm did not converge for this matrix")
        if iterations % 10 == 0:  # an occasional off-beat shift breaks symmetric stalemates
            shift = a[hi][hi] + abs(a[hi][hi - 1]) * (0.75 + 0.5j)
        else:
            shift = _wilkinson_shift(a[hi - 1][hi - 1], a[hi - 1][hi], a[hi][hi - 1], a[hi][hi])
        for i in range(lo, hi + 1):
            a[i][i] -= shift
        rotations = []
        for k in range(lo, hi):  # Q*·(A − μI) = R by Givens rotations of rows k, k+1
            x, y = a[k][k], a[k + 1][k]
            r = math.hypot(abs(x), abs(y))
            c, s = (x / r, y / r) if r else (1, 0)
            for j in range(k, hi + 1):
                u, w = a[k][j], a[k + 1][j]
                a[k][j] = c.conjugate() * u + s.conjugate() * w
                a[k + 1][j] = -s * u + c * w
            rotations.append((k, c, s))
        for k, c, s in rotations:  # R·Q: the same rotations applied to columns k, k+1
            for i in range(lo, min(k + 2, hi) + 1):
                u, w = a[i][k], a[i][k + 1]
                a[i][k] = u * c + w * s
                a[i][k + 1] = -u * s.conjugate() + w * c.conjugate()
        for i in range(lo, hi + 1):
            a[i][i] += shift
    return values


# -- eigenvalues ------------------------------------------------------------------------------

# Scaling by a power of two. Eigenvalues scale with the matrix: the eigenvalues of M/s are
# those of M divided by s. For s = 2ᵉ the division only changes the floats' exponents, so it
# is exact (unless a number falls below the float range), and the work in between sees
# entries near 1: no λ² term overflows to inf for entries of 1e300 or underflows to 0 for
# entries of 1e-300. The same trick, exactly, keeps the polynomial's coefficients in range.

def _largest(rows) -> float:
    """The largest |real part| or |imaginary part| of an entry (abs() of a huge complex
    number can overflow; this cannot)."""
    return max(max(abs(x.real), abs(x.imag)) if isinstance(x, complex) else abs(x)
               for row in rows for x in row)


def _scale_exponent(rows) -> int:
    """The e with 2ᵉ⁻¹ ≤ (largest entry) < 2ᵉ, so that the entries of M/2ᵉ are below 1."""
    largest = _largest(rows)
    return math.frexp(largest)[1] if largest else 0


def _ldexp(x, e: int):
    """x·2ᵉ, exactly, for a float or a complex number."""
    if isinstance(x, complex):
        return complex(math.ldexp(x.real, e), math.ldexp(x.imag, e))
    return math.ldexp(x, e)


def _scaled_rows(rows, e: int) -> list:
    """The entries divided by 2ᵉ, as floats or complex numbers."""
    return [[_ldexp(x if isinstance(x, complex) else float(x), -e) for x in row] for row in rows]


def _diagonal_if_triangular(rows):
    """The diagonal of a triangular matrix (zeros on one side of it), else None.

    det(λI − M) of a triangular M is the product of the (λ − mᵢᵢ): its eigenvalues are its
    diagonal entries, exactly, with no rounding at all.
    """
    n = len(rows)
    upper = all(rows[i][j] == 0 for i in range(n) for j in range(i))
    lower = upper or all(rows[i][j] == 0 for i in range(n) for j in range(i + 1, n))
    return [rows[i][i] for i in range(n)] if lower else None


def _float_range_error() -> LinearAlgebraError:
    return FloatRangeError("an eigenvalue of this matrix is beyond the float range "
                           "(about ±1.8e308), so no float answer would be right")


def _rational_root_near(poly, guess: Fraction, denominator: int):
    """The root k/denominator of poly (k an integer) nearest ``guess``, or None if there is none.

    Newton's method x ← x − p(x)/p′(x), run on the grid of multiples of 1/denominator:
    each step is rounded to whole grid steps, and p is evaluated exactly. Started within
    rounding of a root (the float guess), it lands on it in one or two steps — even when the
    root, like 10²⁰ + 1, has more digits than a float holds. A step that rounds to 0 leaves
    us at the grid point nearest a root that is not on the grid: no rational root here.
    Unlike trying every divisor of the constant term (the rational root theorem), the work
    does not grow with the size of the numbers.
    """
    slope_poly = derivative(poly)
    bound = 1 + max(abs(c) for c in poly[1:])  # Cauchy: every root has |root| < bound
    k = round(guess * denominator)
    for _ in range(64):
        x = k if denominator == 1 else Fraction(k, denominator)  # whole numbers stay fast ints
        value = evaluate(poly, x)
        if value == 0:
            return Fraction(x)
        slope = evaluate(slope_poly, x)
        if slope == 0:
            return None
        step = round(Fraction(value) * denominator / slope)
        if step == 0 or abs(x) > 2 * bound:
            return None
        k -= step
    return None


def _scaled_polynomial(poly):
    """(q, e) with q(μ) = p(2ᵉμ)/2ᵉⁿ monic and its roots μ = λ/2ᵉ of size about 1 or less.

    For a monic p = λⁿ + c₁λⁿ⁻¹ + … every root has |λ| ≤ 2·max |cᵢ|^(1/i) (Fujiwara's
    bound), so 2ᵉ of about that size brings every root to |μ| ≤ 1. The new coefficients are
    cᵢ/2^(e·i): exact for fractions, and floats of moderate size, whatever the size of p's.
    """
    sizes = [(c.numerator.bit_length() - c.denominator.bit_length()) / i
             for i, c in enumerate(poly[1:], start=1) if c != 0]
    e = math.ceil(max(sizes)) + 1 if sizes else 0
    return [c / Fraction(2) ** (e * i) for i, c in enumerate(poly)], e


def _rational_roots(factor: list, denominator: int) -> tuple:
    """(the rational roots of a square-free factor that floats point to, what is left of it).

    Each root is first approximated in floats — after scaling them to about 1, so that huge or
    tiny eigenvalues neither overflow nor underflow — and every nearly real one is tried as
    a rational root, exactly (:func:`_rational_root_near`). Found roots are divided out.
    Floats only suggest here; the test p(r) = 0 is exact.
    """
    roots = []
    remaining = factor
    searching = True
    while searching and len(remaining) > 2:
        searching = False  # until a rational root is found and divided out
        scaled, e = _scaled_polynomial(remaining)
        for guess in _numeric_roots(scaled):
            guess = complex(guess)
            if abs(guess.imag) > 1e-6 * (1 + abs(guess)):
                continue
            candidate = _rational_root_near(remaining, Fraction(guess.real) * Fraction(2) ** e,
                                            denominator)
            if candidate is not None:
                whole = candidate.numerator if candidate.denominator == 1 else candidate
                remaining = divide(remaining, [1, -whole])[0]
                roots.append(candidate)
                searching = True
                break
    if len(remaining) == 2:  # a linear factor x − r: its root is rational
        roots.append(Fraction(exact_quotient(-remaining[1], remaining[0])))
        remaining = [Fraction(1)]
    return roots, remaining


def _quadratic_exact(b: Fraction, c: Fraction) -> list:
    """The roots of x² + bx + c in closed form: −b/2 ± √(b²/4 − c), + first.

    Rational when b²/4 − c is the square of a fraction; otherwise a pair of
    :class:`~kernels.algebraic.QuadraticSurd` — real, or complex conjugates when b²/4 < c.

    >>> [r.text() for r in _quadratic_exact(Fraction(-2), 1 - Fraction(2, 10 ** 20))]
    ['1 + √2·10⁻¹⁰', '1 − √2·10⁻¹⁰']
    >>> [r.text() for r in _quadratic_exact(Fraction(0), Fraction(1))]
    ['i', '−i']
    """
    centre, square = -b / 2, b * b / 4 - c
    root = exact_sqrt(abs(square))
    if root.radicand == 1:  # a rational square root: the roots are rational
        if square >= 0:
            return [centre + root.coefficient, centre - root.coefficient]
        upper = QuadraticSurd(centre, root.coefficient, -1)
        return [upper, upper.conjugate()]
    upper = QuadraticSurd(centre, root.coefficient, root.radicand if square > 0 else -root.radicand)
    return [upper, upper.conjugate()]


def _rational_in(poly: list, interval: tuple, denominator: int) -> tuple:
    """(the rational root of poly in the interval, or None; the interval, narrowed).

    A rational eigenvalue of M is a whole multiple of 1/denominator (denominator·M has whole
    entries, and the rational roots of a monic polynomial with whole coefficients are whole
    numbers). Narrowed below 1/denominator, the interval holds at most one such multiple:
    it is the root exactly when the polynomial is 0 there, exactly.
    """
    low, high = interval
    if evaluate(poly, high) == 0:
        return high, (high, high)
    grid = Fraction(1, denominator)
    low, high = narrow(poly, (low, high), grid / 2)
    if low == high:
        return low, (low, high)
    k = math.ceil(low * denominator)
    if Fraction(k, denominator) < high and evaluate(poly, Fraction(k, denominator)) == 0:
        return Fraction(k, denominator), (low, high)
    return None, (low, high)


def _sqrt_of(x: Fraction, bits: int) -> Fraction:
    """√x for x ≥ 0 to ``bits`` bits after the point, from the integer square root."""
    return Fraction(math.isqrt(x.numerator * (1 << (2 * bits)) // x.denominator), 1 << bits)


def _complex_times(a: tuple, b: tuple) -> tuple:
    return a[0] * b[0] - a[1] * b[1], a[0] * b[1] + a[1] * b[0]


def _evaluate_complex(poly, point: tuple) -> tuple:
    """p(re + i·im) by Horner's rule on (real, imaginary) pairs of Fractions."""
    value = (Fraction(0), Fraction(0))
    for c in poly:
        value = _complex_times(value, point)
        value = (value[0] + c, value[1])
    return value


def _rounded(x: Fraction, bits: int) -> Fraction:
    """x rounded to a multiple of 2⁻ᵇⁱᵗˢ, so that Newton's iterates stay short fractions."""
    return Fraction(round(x * (1 << bits)), 1 << bits)


def _complex_pairs(poly: list, real: list) -> list:
    """The complex roots of a square-free polynomial whose real roots are ``real``.

    Sturm's count says exactly how many roots are not real: deg − len(real). Dividing out
    the real roots (known to 256 bits) leaves a polynomial with only those; for one pair,
    that is a quadratic, solved by its formula; for more, the QR algorithm's guesses are
    sharpened by Newton's method on the exact polynomial. Each pair is made of exact
    conjugates, the one with the positive imaginary part first.
    """
    count = len(poly) - 1 - len(real)
    if count == 0:
        return []
    deflated = poly
    for root in real:
        deflated = divide(deflated, [Fraction(1), -root.approximation(PRECISION)])[0]
    if count == 2:
        b, c = Fraction(deflated[1]) / deflated[0], Fraction(deflated[2]) / deflated[0]
        square = c - b * b / 4
        size = max(abs(b), abs(c), Fraction(1, 1 << PRECISION))
        bits = PRECISION - min(0, size.numerator.bit_length() - size.denominator.bit_length())
        uppers = [(-b / 2, _sqrt_of(max(square, Fraction(0)), bits))]
    else:
        # zoom in: centre on the mean of the roots and scale their distances from it to about
        # 1, so that a tight cluster of roots (1 ± 10⁻²⁰, say) is as easy to guess as any
        centre = -Fraction(deflated[1]) / (count * deflated[0])
        scaled, e = _scaled_polynomial(shifted(deflated, centre))
        guesses = sorted((complex(z) for z in _numeric_roots(scaled)), key=lambda z: -z.imag)
        uppers = [_newton_complex(poly, centre, _ldexp(z, e)) for z in guesses[:count // 2]]
    imaginary = _purely_imaginary_pairs(poly)
    if imaginary:  # their real parts are exactly 0: make them so
        smallest = sorted(range(len(uppers)), key=lambda k: abs(uppers[k][0]))[:imaginary]
        uppers = [(Fraction(0), im) if k in smallest else (re, im) for k, (re, im) in enumerate(uppers)]
    roots = []
    for re, im in uppers:
        upper = ComplexRoot(tuple(poly), re, abs(im))
        roots += [upper, upper.conjugate()]
    return roots


def _purely_imaginary_pairs(poly: list) -> int:
    """How many pairs ±it of roots lie on the imaginary axis, decided exactly (0 if unknown).

    An even polynomial p(x) = q(x²) has the root it exactly when q has the negative root
    −t², so Sturm's count of q's negative roots answers it. (A polynomial that is not even
    has no such pair once its quadratic factors are split off.)
    """
    degree = len(poly) - 1
    if degree % 2 or any(poly[i] for i in range(1, degree + 1, 2)):
        return 0
    q = poly[::2]
    bound = max(root_bound(q), Fraction(1))
    return count_real_roots(sturm_sequence(q), -bound, Fraction(0)) - (q[-1] == 0)


def _newton_complex(poly: list, centre: Fraction, guess: complex) -> tuple:
    """A complex root of poly near centre + ``guess``, sharpened by Newton's method in fractions."""
    slope_poly = derivative(poly)
    point = (centre + Fraction(guess.real), Fraction(guess.imag))
    for _ in range(12):
        value, slope = _evaluate_complex(poly, point), _evaluate_complex(slope_poly, point)
        size = slope[0] ** 2 + slope[1] ** 2
        if size == 0:
            break
        step = _complex_times(value, (slope[0] / size, -slope[1] / size))
        point = (_rounded(point[0] - step[0], PRECISION), _rounded(point[1] - step[1], PRECISION))
        size = 1 + point[0] ** 2 + point[1] ** 2
        if step[0] ** 2 + step[1] ** 2 <= size / (1 << (2 * PRECISION)):
            break
    return point


def _exact_roots(factor: list, denominator: int) -> list:
    """Every root of a square-free factor of the characteristic polynomial, held exactly.

    Rational roots as Fractions; the roots of a quadratic in closed form; real roots of a
    higher-degree factor isolated by Sturm's theorem (:class:`~kernels.algebraic.RealRoot`),
    each first checked exactly for being rational; the rest, complex pairs.
    """
    roots, rest = _rational_roots(factor, denominator)
    degree = len(rest) - 1
    if degree == 2:
        return roots + _quadratic_exact(Fraction(rest[1]) / rest[0], Fraction(rest[2]) / rest[0])
    if degree < 3:
        return roots
    scaled, e = _scaled_polynomial(rest)
    real = []
    for low, high in isolate_real_roots(scaled):
        interval = (low * Fraction(2) ** e, high * Fraction(2) ** e)
        rational, interval = _rational_in(rest, interval, denominator)
        if rational is not None:  # one the float guesses missed: divide it out, start again
            remaining = divide(rest, [Fraction(1), -rational])[0]
            return roots + [rational] + _exact_roots(remaining, denominator)
        real.append(RealRoot(tuple(rest), *interval))
    found = real + _complex_pairs(rest, real)
    if degree >= 4:  # a product of smaller factors? split it, so each part gets its best form
        quadratic = _rational_quadratic_factor(rest, found, denominator)
        if quadratic is not None:
            return roots + _exact_roots(quadratic, denominator) + \
                _exact_roots(divide(rest, quadratic)[0], denominator)
    return roots + found


def _rational_quadratic_factor(poly: list, roots: list, denominator: int) -> list | None:
    """A factor x² + bx + c of poly with rational b and c, or None: tried from pairs of roots.

    Two roots r and s are the roots of x² − (r + s)x + rs. If that factor is rational, then
    (Gauss's lemma, as for rational roots) denominator·b and denominator²·c are whole
    numbers: so round the approximations to whole numbers, and check by exact division.
    Pairs tried: two real roots, or a complex root with its conjugate.
    """
    real = [r.approximation(PRECISION) for r in roots if r.is_real]
    pairs = [(r + s, r * s) for i, r in enumerate(real) for s in real[i + 1:]]
    pairs += [(2 * re, re * re + im * im) for re, im in
              (r.approximation(PRECISION) for r in roots if not r.is_real and r.imaginary > 0)]
    for total, product in pairs:
        b = Fraction(round(-total * denominator), denominator)
        c = Fraction(round(product * denominator ** 2), denominator ** 2)
        candidate = [Fraction(1), b, c]
        if divide(poly, candidate)[1] == [0]:
            return candidate
    return None


def _float_value(root):
    """The value an eigenvalue is shown and drawn with: exact if rational, else nearest float."""
    if isinstance(root, Fraction):
        return root
    try:
        return root.value
    except OverflowError:
        raise _float_range_error() from None


def _exact_spectrum(M: Matrix) -> list:
    """(value, multiplicity, spread, exact) for an exact matrix, every decision exact.

    The characteristic polynomial is split into square-free factors (Yun's algorithm), so
    each root is simple within its factor and its multiplicity is known exactly; no two
    factors share a root. Each factor's roots are then found exactly (:func:`_exact_roots`):
    two eigenvalues are never merged because their floats are close, and never split
    because their floats differ.
    """
    # the rational eigenvalues of M are integers divided by the common denominator of its
    # entries (rational root theorem for the integer matrix denominator·M)
    denominator = math.lcm(*(x.denominator for row in M.rows for x in row))
    spectrum = []
    for factor, multiplicity in squarefree_factors(list(characteristic_polynomial(M))):
        for root in _exact_roots(factor, denominator):
            exact = None if isinstance(root, Fraction) else root
            spectrum.append((_float_value(root), multiplicity, 0.0, exact))
    return spectrum


def _float_spectrum(M: Matrix) -> list:
    """(value, multiplicity, spread) for a float or complex matrix, clustering near-equal roots.

    The work is done on M/2ᵉ, whose largest entry is just below 1 (see ``_scale_exponent``),
    and the eigenvalues are scaled back at the end. A triangular matrix needs no work at all.
    """
    n = M.shape[0]
    rows = M.to_floats()
    e = _scale_exponent(rows)
    diagonal = _diagonal_if_triangular(rows)
    polynomial = None
    scaled: Sequence[Sequence[float | complex]]  # the rows the roots come from: M/2ᵉ, or M itself
    if diagonal is not None:  # exact already: taken as they are, unscaled
        roots, e = diagonal, 0
        scaled = rows
    else:
        scaled = _scaled_rows(rows, e)
        polynomial = characteristic_polynomial(Matrix._trusted(tuple(map(tuple, scaled)))) \
            if n <= 3 else None
        roots = _numeric_roots(polynomial) if n <= 3 else qr_eigenvalues(scaled)
    real = not any(isinstance(x, complex) for row in rows for x in row)
    scale = _largest(scaled)
    tolerance = CLUSTER_TOLERANCE * scale
    if real:  # a root this close to its own conjugate would be clustered with it anyway
        pair = _cluster_tolerance(2) * scale
        roots = [z.real if isinstance(z, complex) and abs(z.imag) <= pair / 2 else z
                 for z in roots]
    groups: list[list[float | complex]] = []  # roots close enough to be one repeated eigenvalue
    for root in roots:
        joined = [g for g in groups if any(abs(root - member) <= tolerance for member in g)]
        merged = [root] + [member for g in joined for member in g]
        if max(abs(x - y) for x in merged for y in merged) > _cluster_tolerance(len(merged)) * scale:
            joined, merged = [], [root]  # too far apart for rounding: distinct eigenvalues
        for g in joined:
            groups.remove(g)
        groups.append(merged)
    spectrum = []
    for group in groups:
        if len(set(group)) == 1:  # all equal (a triangular matrix's repeated diagonal entry)
            mean, spread = group[0], 0.0
        else:
            mean = sum(group) / len(group)
            spread = max(abs(member - mean) for member in group)
        if real and isinstance(mean, complex) and abs(mean.imag) <= spread + _EPS * scale:
            mean = mean.real
        if polynomial and len(group) == 1:
            mean = _polish(polynomial, mean)
        if diagonal is None and abs(mean) <= 64 * _EPS * scale:  # zero up to rounding
            mean = 0.0
        spectrum.append((mean, len(group), spread))
    if real:  # a real matrix has conjugate pairs: make each pair exactly conjugate
        upper = [s for s in spectrum if isinstance(s[0], complex) and s[0].imag > 0]
        lower = [s for s in spectrum if isinstance(s[0], complex) and s[0].imag < 0]
        spectrum = [s for s in spectrum if not isinstance(s[0], complex)]
        for value, multiplicity, spread in upper:
            partner = min(lower, key=lambda s: abs(s[0] - value.conjugate()))
            lower.remove(partner)
            value = (value + partner[0].conjugate()) / 2
            spectrum += [(value, multiplicity, spread), (value.conjugate(), multiplicity, spread)]
    try:
        unscaled = [(_ldexp(value, e), multiplicity, math.ldexp(spread, e), None)
                    for value, multiplicity, spread in spectrum]
    except OverflowError:
        raise _float_range_error() from None
    if not all(cmath.isfinite(value) for value, _, _, _ in unscaled):
        raise _float_range_error()
    return unscaled


def _real_bounds(value, exact, bits: int) -> tuple:
    """(low, high) around a real eigenvalue: the value itself when it is exact."""
    if exact is None:
        return Fraction(value), Fraction(value)
    return exact.interval(bits)


def _compare(a: tuple, b: tuple) -> int:
    """Order two spectrum entries: real ones first, largest first; then complex ones by real
    part, then size of the imaginary part, largest first, and a conjugate pair a ± bi with
    a + bi first (so the two of a pair are always side by side).

    Two different real eigenvalues of an exact matrix may round to the same float: their
    exact intervals are narrowed until they part, so the order is always the true one.
    """
    (x, _, _, ex), (y, _, _, ey) = a, b
    x_complex, y_complex = isinstance(x, complex), isinstance(y, complex)
    if x_complex != y_complex:
        return 1 if x_complex else -1
    if x_complex:
        kx, ky = _complex_key(x, ex), _complex_key(y, ey)
        return (kx > ky) - (kx < ky)
    bits = 64
    while bits <= 1 << 16:
        (x_low, x_high), (y_low, y_high) = _real_bounds(x, ex, bits), _real_bounds(y, ey, bits)
        if x_high < y_low:
            return 1
        if y_high < x_low:
            return -1
        if x_low == x_high == y_low == y_high:
            return 0
        bits *= 4
    return 0


def _complex_key(value: complex, exact) -> tuple:
    """(−real part, −|imaginary part|, −imaginary part), from the 256-bit parts when the
    eigenvalue is exact."""
    if exact is None:
        re, im = Fraction(value.real), Fraction(value.imag)
    else:
        re, im = exact.approximation(PRECISION)
    return -re, -abs(im), -im


def _number_system(M: Matrix) -> str:
    """'exact', 'float' or 'complex': with the matrix, what the eigen-results depend on.

    (Matrix([[1]]) == Matrix([[1.0]]), and the two hash alike, but one has exact
    eigenvalues and the other float ones: a cache must tell them apart.)
    """
    if M.is_exact:
        return "exact"
    return "complex" if any(isinstance(x, complex) for row in M.rows for x in row) else "float"


@functools.lru_cache(maxsize=16)
def _cached_spectrum(M: Matrix, number_system: str) -> tuple:
    if number_system == "exact":
        return tuple(sorted(_exact_spectrum(M), key=functools.cmp_to_key(_compare)))
    return tuple(sorted(_float_spectrum(M), key=lambda s: _float_order(s[0])))


def _float_order(value) -> tuple:
    """The order of ``_compare`` for float eigenvalues, as a plain sort key."""
    if isinstance(value, complex):
        return (1, -value.real, -abs(value.imag), -value.imag)
    return (0, -value, 0.0, 0.0)


def _spectrum(M: Matrix) -> tuple:
    """((value, multiplicity, spread, exact), …) in the order of ``_compare``.

    Remembered for the last few matrices (a Matrix is immutable, so its eigenvalues never
    change): an analysis asks for eigenvalues, eigenvectors and a description of the same
    matrix, and each needs the spectrum.
    """
    M.require_square("eigenvalues")
    return _cached_spectrum(M, _number_system(M))


def eigenvalues(M: Matrix) -> tuple:
    """The eigenvalues of M with their multiplicities: the roots of det(λI − M) = 0.

    Sorted real ones first (largest first), then complex ones (a real matrix has them in
    conjugate pairs a ± bi, listed + first). For an exact matrix every eigenvalue is found
    exactly: a rational one is a ``Fraction``; an irrational one has its nearest float (or
    complex) as ``value`` and the number itself as ``exact`` — a closed form such as
    1 + √2·10⁻¹⁰ for a root of a quadratic. A float matrix has float or complex values.

    >>> eigenvalues(Matrix([[2, 1], [0, 2]]))        # a Jordan block: λ = 2 twice
    (Eigenvalue(value=Fraction(2, 1), multiplicity=2, exact=None),)
    >>> [str(e.value) for e in eigenvalues(Matrix([[1, -1], [1, 1]]))]   # 45° and ×√2
    ['(1+1j)', '(1-1j)']
    >>> golden = eigenvalues(Matrix([[1, 1], [1, 0]]))[0]   # the golden ratio, irrational
    >>> golden.value, golden.exact.text()
    (1.618033988749895, '1/2 + √5/2')
    >>> [e.exact.text() for e in eigenvalues(Matrix([[1, Fraction(1, 10**10)], [Fraction(2, 10**10), 1]]))]
    ['1 + √2·10⁻¹⁰', '1 − √2·10⁻¹⁰']
    """
    return tuple(Eigenvalue(value, multiplicity, exact)
                 for value, multiplicity, _, exact in _spectrum(M))


# -- eigenvectors -----------------------------------------------------------------------------

def _nice_exact(v: Vector) -> Vector:
    """Scale an exact vector to coprime integers whose first nonzero entry is positive."""
    denominator = math.lcm(*(x.denominator for x in v))
    integers = [int(x * denominator) for x in v]
    divisor = math.gcd(*integers)
    sign = 1 if next(x for x in integers if x) > 0 else -1
    return Vector(Fraction(sign * x, divisor) for x in integers)


def _nice_float(v: Vector) -> Vector:
    """Scale a float vector to length 1 with its first clearly nonzero entry real and positive."""
    length = math.sqrt(sum(abs(x) ** 2 for x in v))
    largest = max(abs(x) for x in v)
    lead = next(x for x in v if abs(x) > 1e-9 * largest)
    factor = (lead.conjugate() if isinstance(lead, complex) else lead) / abs(lead) / length
    entries = [x * factor for x in v]
    if not any(isinstance(x, complex) and x.imag for x in entries):
        entries = [complex(x).real for x in entries]
    return Vector(entries)


class _Split(Exception):
    """Elimination modulo g met a number that is 0 at some roots of g and not at others."""

    def __init__(self, factor: list):
        super().__init__("g splits")
        self.factor = factor


def _null_space_modulo(M: Matrix, g: tuple) -> list:
    """A basis of the null space of M − λI for a root λ of g, computed with λ as a symbol.

    Gauss–Jordan elimination as usual, but each entry is a polynomial in λ taken modulo g
    (see :func:`~kernels.polynomials.multiply_modulo`): the answer is exact and holds for
    every root of g at once. Dividing by a pivot needs its inverse modulo g; if the pivot is
    0 at some roots of g and not at others, g splits and :class:`_Split` says where.
    """
    n = M.shape[0]
    rows = [[divide([M[i, j]] if i != j else [Fraction(-1), M[i, i]], g)[1] for j in range(n)]
            for i in range(n)]
    pivots: list[int] = []
    for column in range(n):
        r = len(pivots)
        p = next((i for i in range(r, n) if rows[i][column] != [0]), None)
        if p is None:
            continue
        rows[r], rows[p] = rows[p], rows[r]
        inverse, factor = inverse_modulo(rows[r][column], g)
        if inverse is None:
            raise _Split(factor)
        rows[r] = [multiply_modulo(x, inverse, g) for x in rows[r]]
        for i in range(n):
            k = rows[i][column]
            if i != r and k != [0]:
                rows[i] = [subtract(x, multiply_modulo(k, y, g)) for x, y in zip(rows[i], rows[r])]
        pivots.append(column)
    basis = []
    for free in (j for j in range(n) if j not in pivots):
        x = [[Fraction(0)] for _ in range(n)]
        x[free] = [Fraction(1)]
        for r, p in enumerate(pivots):
            x[p] = [-c for c in rows[r][free]]
        basis.append(x)
    return basis


@functools.lru_cache(maxsize=16)
def _eigenspaces_modulo(M: Matrix, g: tuple) -> tuple:
    """((piece of g, basis modulo that piece), …): g split where the eigenspaces differ."""
    try:
        return ((g, _null_space_modulo(M, g)),)
    except _Split as split:
        piece = tuple(split.factor)
        rest = tuple(divide(list(g), list(piece))[0])
        return _eigenspaces_modulo(M, piece) + _eigenspaces_modulo(M, rest)


def _holds_root(piece: tuple, root) -> bool:
    """Whether ``root`` (a root of g) is a root of ``piece`` (a factor of g)."""
    if root.is_real:
        low, high = root.interval(64)
        return evaluate(piece, low) * evaluate(piece, high) <= 0
    value = _evaluate_complex(piece, root.approximation(PRECISION))
    return value[0] ** 2 + value[1] ** 2 < Fraction(1, 1 << PRECISION)


def _algebraic_basis(M: Matrix, root) -> tuple:
    """The eigenvectors of an irrational eigenvalue: exact in λ, then evaluated at λ.

    The null space of M − λI is computed with λ as a symbol (:func:`_null_space_modulo`), so
    its dimension is exact; each vector is then evaluated at λ to 256 bits and scaled to a
    unit vector of floats.
    """
    pieces = _eigenspaces_modulo(M, root.polynomial)
    basis = next((b for piece, b in pieces if _holds_root(piece, root)), pieces[0][1]) \
        if len(pieces) > 1 else pieces[0][1]
    point = root.approximation(PRECISION)
    vectors = []
    for v in basis:
        if root.is_real:
            entries = [(Fraction(x), Fraction(0)) for x in _evaluate_real_vector(v, point)]
        else:
            entries = [_evaluate_complex(x, point) for x in v]
        re, im = max(entries, key=lambda z: z[0] ** 2 + z[1] ** 2)
        size = re * re + im * im
        inverse = (re / size, -im / size)  # divide by the largest entry: no overflow
        scaled = [_complex_times(z, inverse) for z in entries]
        vectors.append(_nice_float(Vector(complex(float(a), float(b)) if b else float(a)
                                          for a, b in scaled)))
    return tuple(vectors)


def _evaluate_real_vector(v: list, point: Fraction) -> list:
    """The entries of v (polynomials in λ) at λ = point, each times one common positive factor.

    The direction is all that matters, so the entries are made whole-number polynomials over
    one common denominator and evaluated at point = a/b as bᵈ·p(a/b): whole numbers
    throughout (see :func:`~kernels.polynomials.sign_at`).
    """
    degree = max(len(x) for x in v) - 1
    common = math.lcm(*(Fraction(c).denominator for x in v for c in x))
    return [homogeneous_value([0] * (degree + 1 - len(x)) + [int(c * common) for c in x],
                              point.numerator, point.denominator) for x in v]


def _whole_number_null_space(rows: list) -> list:
    """A basis of the null space of a whole-number matrix, by Gauss–Jordan without fractions.

    To clear column c below and above the pivot p, replace each other row r by
    p·r − r[c]·(pivot row): whole numbers stay whole, and dividing each row by the gcd of its
    entries keeps them small. The RREF is then row r / (its pivot), so the basis is the same
    as :func:`~kernels.elimination.null_space` finds with fractions — just much faster.
    """
    rows = [list(row) for row in rows]
    n = len(rows[0])
    pivots: list[int] = []
    for column in range(n):
        r = len(pivots)
        p = next((i for i in range(r, len(rows)) if rows[i][column]), None)
        if p is None:
            continue
        rows[r], rows[p] = rows[p], rows[r]
        pivot_row, pivot = rows[r], rows[r][column]
        for i, row in enumerate(rows):
            k = row[column]
            if i != r and k:
                row = [pivot * x - k * y for x, y in zip(row, pivot_row)]
                divisor = math.gcd(*row)
                rows[i] = [x // divisor for x in row] if divisor > 1 else row
        pivots.append(column)
    basis = []
    for free in (j for j in range(n) if j not in pivots):
        x = [Fraction(0)] * n
        x[free] = Fraction(1)
        for r, p in enumerate(pivots):
            x[p] = Fraction(-rows[r][free], rows[r][p])
        basis.append(Vector(x))
    return basis


def _eigenspace_basis(M: Matrix, value, spread: float, exact) -> tuple:
    n = M.shape[0]
    if M.is_exact and isinstance(value, Fraction):
        # M − (p/q)I has the null space of the whole-number matrix q·d·M − p·d·I, with d the
        # common denominator of M's entries
        d = math.lcm(*(x.denominator for row in M.rows for x in row))
        p, q = value.numerator, value.denominator
        whole = [[q * x.numerator * (d // x.denominator) - (p * d if i == j else 0)
                  for j, x in enumerate(row)] for i, row in enumerate(M.rows)]
        return tuple(_nice_exact(v) for v in _whole_number_null_space(whole))
    if exact is not None:
        return _algebraic_basis(M, exact)
    # the null space of M − λI is that of (M − λI)/2ᵉ = M/2ᵉ − (λ/2ᵉ)I: work with entries
    # below 1 (see _scale_exponent), so the tolerances below neither overflow nor underflow
    rows = M.to_floats()
    e = _scale_exponent(rows)
    value, spread = _ldexp(complex(value) if isinstance(value, complex) else float(value), -e), \
        math.ldexp(spread, -e)
    scaled = _scaled_rows(rows, e)
    for i in range(n):
        scaled[i][i] -= value
    shifted = Matrix(scaled)
    # λ is only approximate, so M − λI is only nearly singular: accept "nearly", widening the
    # tolerance if a poorly conditioned eigenvalue needs it, until a direction is found. Once
    # the tolerance passes the largest entry every direction counts, so the loop is bounded.
    scale = max(_largest(scaled), abs(value), _EPS)
    tolerance = max(EIGENVECTOR_TOLERANCE * scale, 2 * spread)
    basis = null_space(shifted, tolerance=tolerance)
    while not basis and tolerance <= 10 * n * scale:
        tolerance *= 10
        basis = null_space(shifted, tolerance=tolerance)
    if not basis:  # cannot happen: at that tolerance every entry counts as zero
        raise LinearAlgebraError(f"no eigenvector found for the eigenvalue {value}")
    return tuple(_nice_float(v) for v in basis)


@functools.lru_cache(maxsize=16)
def _cached_eigenvectors(M: Matrix, number_system: str) -> tuple:
    return tuple(Eigenspace(value, multiplicity, _eigenspace_basis(M, value, spread, exact), exact)
                 for value, multiplicity, spread, exact in _cached_spectrum(M, number_system))


def eigenvectors(M: Matrix) -> tuple:
    """Each eigenvalue λ with a basis of its eigenspace, the null space of M − λI.

    Exact vectors (coprime integers, first nonzero entry positive) for exact λ of an exact
    matrix; otherwise unit vectors whose first nonzero entry is real and positive. A defective
    matrix has fewer independent eigenvectors than the multiplicity of λ:

    >>> (space,) = eigenvectors(Matrix([[2, 1], [0, 2]]))   # a Jordan block
    >>> space.algebraic_multiplicity, space.geometric_multiplicity, str(space.vectors[0])
    (2, 1, '(1, 0)')
    >>> [str(v) for s in eigenvectors(Matrix([[0, -1], [1, 0]])) for v in s.vectors]
    ['(0.707107, -0.707107i)', '(0.707107, 0.707107i)']
    """
    M.require_square("eigenvalues")
    return _cached_eigenvectors(M, _number_system(M))


def is_diagonalizable(M: Matrix) -> bool:
    """True when M has n independent eigenvectors (over the complex numbers).

    Then M = P·D·P⁻¹ with the eigenvectors as the columns of P: in that basis M just
    stretches each axis. A rotation is diagonalizable (with complex eigenvectors); a shear is not.

    >>> is_diagonalizable(Matrix([[0, -1], [1, 0]])), is_diagonalizable(Matrix([[1, 1], [0, 1]]))
    (True, False)
    """
    return sum(space.geometric_multiplicity for space in eigenvectors(M)) == M.shape[0]
