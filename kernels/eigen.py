"""Eigenvalues and eigenvectors: the directions a matrix only stretches.

An eigenvector v of M is a nonzero vector that M does not turn: ``M·v = λ·v``. The number λ
(the eigenvalue) says how much that direction is stretched; a negative λ also flips it.
Rearranged, ``(M − λI)·v = 0``: λ is an eigenvalue exactly when ``M − λI`` squashes some
direction to zero, i.e. when ``det(λI − M) = 0``. That determinant is a polynomial in λ, the
*characteristic polynomial*, and its roots are the eigenvalues.

How the roots are found:

* exact (rational) matrices: the characteristic polynomial is computed exactly; rational
  roots are found exactly and repeated roots are recognised exactly; the remaining roots use
  the quadratic or cubic formula, or the QR algorithm for higher degree;
* float matrices up to 3×3: the quadratic / cubic formula on the characteristic polynomial;
* float matrices from 4×4: the shifted QR algorithm on the matrix itself.

For floats, eigenvalues that close together count as one repeated eigenvalue: a repeated
root is only ever computed approximately in floating point. Rounding the polynomial by ε
moves a k-fold root by about ε^(1/k) (√ε ≈ 1.5e-8 for a double root), so k roots within
``_cluster_tolerance(k)`` × (largest entry) of each other are one root of multiplicity k;
never further apart than ``CLUSTER_TOLERANCE`` × (largest entry).

>>> for space in eigenvectors(Matrix([[2, 1], [1, 2]])):
...     print(space.value, [str(v) for v in space.vectors])
3 ['(1, 1)']
1 ['(1, -1)']
"""

import cmath
import functools
import math
import sys
from collections.abc import Sequence
from fractions import Fraction
from typing import NamedTuple

from .elimination import null_space
from .errors import FloatRangeError, LinearAlgebraError
from .matrix import Matrix, Vector

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
    """An eigenvalue with its algebraic multiplicity (how often it is a root of det(λI − M))."""

    value: Fraction | float | complex
    multiplicity: int


class Eigenspace(NamedTuple):
    """An eigenvalue, its algebraic multiplicity, and a basis of its eigenspace.

    The eigenspace is every v with ``M·v = λ·v``: the null space of ``M − λI``. Its dimension
    (the geometric multiplicity) is at most the algebraic multiplicity; when it is smaller for
    some λ the matrix is *defective* and cannot be diagonalised.
    """

    value: Fraction | float | complex
    multiplicity: int
    vectors: tuple

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
    a = [list(row) for row in M.rows]
    one, zero = (Fraction(1), Fraction(0)) if M.is_exact else (1.0, 0.0)
    coefficients = [one]
    b = [[one * (i == j) for j in range(n)] for i in range(n)]  # B₁ = I
    for k in range(1, n + 1):
        mb = [[sum((a[i][t] * b[t][j] for t in range(n)), zero) for j in range(n)]
              for i in range(n)]
        c = -sum((mb[i][i] for i in range(n)), zero) / k
        coefficients.append(c)
        b = [[mb[i][j] + (c if i == j else 0) for j in range(n)] for i in range(n)]
    return tuple(coefficients)


# -- polynomial helpers (coefficient lists, highest degree first) ---------------------------

def _evaluate(poly, x):
    result = 0 * x
    for c in poly:
        result = result * x + c
    return result


def _derivative(poly):
    degree = len(poly) - 1
    return [c * (degree - i) for i, c in enumerate(poly[:-1])] or [Fraction(0)]


def _trim(poly):
    i = 0
    while i < len(poly) - 1 and poly[i] == 0:
        i += 1
    return list(poly[i:])


def _divmod(numerator, denominator):
    """Long division of polynomials with exact coefficients."""
    numerator, denominator = _trim(numerator), _trim(denominator)
    quotient = []
    remainder = list(numerator)
    while len(remainder) >= len(denominator):
        factor = remainder[0] / denominator[0]
        quotient.append(factor)
        remainder = [r - factor * d for r, d in
                     zip(remainder, denominator + [0] * (len(remainder) - len(denominator)))][1:]
    return quotient or [Fraction(0)], _trim(remainder or [Fraction(0)])


def _monic_gcd(p, q):
    while _trim(q) != [0]:
        p, q = q, _divmod(p, q)[1]
    p = _trim(p)
    return [c / p[0] for c in p]


def _squarefree_factors(poly):
    """Yun's algorithm: poly = Π fᵢ^i with each fᵢ free of repeated roots; yields (fᵢ, i)."""
    derivative = _derivative(poly)
    common = _monic_gcd(poly, derivative)
    b = _divmod(poly, common)[0]
    c = _divmod(derivative, common)[0]
    d = [x - y for x, y in zip(c, [0] * (len(c) - len(b) + 1) + _derivative(b))]
    multiplicity = 1
    while len(b) > 1:
        factor = _monic_gcd(b, d)
        if len(factor) > 1:
            yield factor, multiplicity
        b = _divmod(b, factor)[0]
        c = _divmod(d, factor)[0]
        b_prime = _derivative(b)
        d = [x - y for x, y in zip(c, [0] * (len(c) - len(b_prime)) + b_prime)]
        multiplicity += 1


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
    """A few Newton steps x ← x − p(x)/p′(x), sharpening a simple root to full precision.

    For a real root of an exact polynomial the steps are done in exact arithmetic, so the
    only rounding is the final conversion to float.
    """
    derivative = _derivative(poly)
    exact = not isinstance(root, complex) and all(isinstance(c, Fraction) for c in poly)
    x = Fraction(root) if exact else root
    for _ in range(steps):
        slope = _evaluate(derivative, x)
        if slope == 0:
            break
        x = x - _evaluate(poly, x) / slope
    return float(x) if exact else x


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
    derivative = _derivative(poly)
    bound = 1 + max(abs(c) for c in poly[1:])  # Cauchy: every root has |root| < bound
    k = round(guess * denominator)
    for _ in range(64):
        x = Fraction(k, denominator)
        value = _evaluate(poly, x)
        if value == 0:
            return x
        slope = _evaluate(derivative, x)
        if slope == 0:
            return None
        step = round(value / slope * denominator)
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


def _exact_spectrum(M: Matrix) -> list:
    """(value, multiplicity, spread) for an exact matrix: rational eigenvalues exactly.

    The characteristic polynomial is split into square-free factors (so each root is simple
    and its multiplicity known exactly). Each factor's roots are approximated in floats —
    after scaling them to about 1, so that huge or tiny eigenvalues neither overflow nor
    underflow — and every nearly real one is tried as a rational root, exactly. What is
    left has irrational (or complex) roots, which are only approximated.
    """
    # the rational eigenvalues of M are integers divided by the common denominator of its
    # entries (rational root theorem for the integer matrix denominator·M)
    denominator = math.lcm(*(x.denominator for row in M.rows for x in row))
    spectrum = []
    for factor, multiplicity in _squarefree_factors(list(characteristic_polynomial(M))):
        remaining = factor
        searching = True
        while searching and len(remaining) > 1:
            searching = False  # until a rational root is found and divided out
            scaled, e = _scaled_polynomial(remaining)
            for root in _numeric_roots(scaled):
                root = complex(root)
                if abs(root.imag) > 1e-6 * (1 + abs(root)):
                    continue
                candidate = _rational_root_near(remaining, Fraction(root.real) * Fraction(2) ** e,
                                                denominator)
                if candidate is not None:
                    remaining = _divmod(remaining, [Fraction(1), -candidate])[0]
                    spectrum.append((candidate, multiplicity, 0.0))
                    searching = True
                    break
        if len(remaining) > 1:
            scaled, e = _scaled_polynomial(remaining)
            for root in _numeric_roots(scaled):
                root = _polish(scaled, root)
                if isinstance(root, complex) and abs(root.imag) <= 1e-12 * abs(root):
                    root = root.real
                try:
                    spectrum.append((_ldexp(root, e), multiplicity, 0.0))
                except OverflowError:
                    raise _float_range_error() from None
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
        spectrum = [(_ldexp(value, e), multiplicity, math.ldexp(spread, e))
                    for value, multiplicity, spread in spectrum]
    except OverflowError:
        raise _float_range_error() from None
    if not all(cmath.isfinite(value) for value, _, _ in spectrum):
        raise _float_range_error()
    return spectrum


def _order(value):
    """Sort key: real eigenvalues first, largest first; then complex ones by real part."""
    if isinstance(value, complex):
        return (1, -value.real, -value.imag)
    return (0, -value, 0)


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
    spectrum = _exact_spectrum(M) if number_system == "exact" else _float_spectrum(M)
    return tuple(sorted(spectrum, key=lambda s: _order(s[0])))


def _spectrum(M: Matrix) -> tuple:
    """((value, multiplicity, spread), …) sorted by ``_order``.

    Remembered for the last few matrices (a Matrix is immutable, so its eigenvalues never
    change): an analysis asks for eigenvalues, eigenvectors and a description of the same
    matrix, and each needs the spectrum.
    """
    M.require_square("eigenvalues")
    return _cached_spectrum(M, _number_system(M))


def eigenvalues(M: Matrix) -> tuple:
    """The eigenvalues of M with their multiplicities: the roots of det(λI − M) = 0.

    Sorted real ones first (largest first), then complex ones (a real matrix has them in
    conjugate pairs a ± bi, listed + first). Exact ``Fraction`` values when the root is
    rational and the matrix exact; floats for irrational roots; ``complex`` for complex ones.

    >>> eigenvalues(Matrix([[2, 1], [0, 2]]))        # a Jordan block: λ = 2 twice
    (Eigenvalue(value=Fraction(2, 1), multiplicity=2),)
    >>> [str(e.value) for e in eigenvalues(Matrix([[1, -1], [1, 1]]))]   # 45° and ×√2
    ['(1+1j)', '(1-1j)']
    >>> eigenvalues(Matrix([[1, 1], [1, 0]]))[0].value   # the golden ratio, irrational
    1.618033988749895
    """
    return tuple(Eigenvalue(value, multiplicity) for value, multiplicity, _ in _spectrum(M))


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


def _eigenspace_basis(M: Matrix, value, spread: float) -> tuple:
    n = M.shape[0]
    if M.is_exact and isinstance(value, Fraction):
        shifted = M - Matrix.identity(n) * value
        return tuple(_nice_exact(v) for v in null_space(shifted))
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
    return tuple(Eigenspace(value, multiplicity, _eigenspace_basis(M, value, spread))
                 for value, multiplicity, spread in _cached_spectrum(M, number_system))


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
